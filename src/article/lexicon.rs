//! The word lists behind the extraction rules, loaded once from the reviewable tables in
//! `src/article/data/`. Rules ask questions of the lexicon ("is this a verb of saying?"); they
//! never carry word lists of their own.

use std::borrow::Cow;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;

/// Words that may stand between a subject and its verb of saying (`Lavrov also noted`,
/// `she has said`).
pub const ATTRIBUTION_ADVERBS: &[&str] = &[
    "also",
    "later",
    "then",
    "again",
    "further",
    "has",
    "had",
    "have",
    "would",
    "will",
    "was",
    "is",
    "once",
    "earlier",
    "previously",
    "recently",
    "quickly",
    "simply",
    "only",
    "repeatedly",
    "publicly",
    "privately",
    "flatly",
    "firmly",
    "bluntly",
    "emphatically",
    "confidently",
    "cautiously",
    "just",
    "even",
    "still",
    "reportedly",
    "allegedly",
    "had",
    "angrily",
    "calmly",
    "proudly",
    "frankly",
    "openly",
    "separately",
    "subsequently",
    "immediately",
];

/// True when `word` may stand between a subject and its verb of saying.
pub fn is_attribution_adverb(word: &str) -> bool {
    ATTRIBUTION_ADVERBS
        .iter()
        .any(|adverb| adverb.eq_ignore_ascii_case(word))
}

/// Gender as far as the text or the tables tell it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Gender {
    /// Referred to as he.
    Male,
    /// Referred to as she.
    Female,
}

/// A title or role that can stand before a name (`Foreign Minister`) or for it (`the minister`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Title {
    /// The title's words in lower case.
    pub words: Vec<String>,
    /// The role noun it is referred back to by (`minister` for `Foreign Minister`), if any.
    pub role: Option<String>,
    /// The gender the title implies, if any (`Queen`, `Mrs`).
    pub gender: Option<Gender>,
}

/// A place and the words that refer to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// The place's usual name.
    pub name: String,
    /// Every word or phrase that refers to it: name, aliases, adjectives, demonyms, cities.
    pub terms: Vec<String>,
}

/// All the tables, indexed for lookup.
#[derive(Debug, Default)]
pub struct Lexicon {
    speech_verbs: HashMap<String, (String, bool)>,
    multiword_verbs: Vec<Vec<String>>,
    /// Multiword verbs by their first word, so a lookup does not scan them all.
    multiword_by_first: HashMap<String, Vec<usize>>,
    titles: Vec<Title>,
    /// Titles by their first word (indexes into `titles`, longest first).
    titles_by_first: HashMap<String, Vec<usize>>,
    /// Every role noun a title is referred back by.
    roles: HashSet<String>,
    role_synonyms: HashMap<String, Vec<String>>,
    places: Vec<Place>,
    place_terms: HashMap<String, usize>,
    /// The first words of place names of several words (`New`, `North`, `Salt`).
    place_phrase_firsts: HashSet<String>,
    given_names: HashMap<String, Option<Gender>>,
    particles: HashSet<String>,
    not_names: HashSet<String>,
    named_place_heads: HashSet<String>,
    name_variants: HashMap<String, String>,
    /// One-word titles written with a dot (`Gov.`, `Sen.`), lower case, without it.
    abbreviated_titles: HashSet<String>,
}

fn rows(table: &str) -> impl Iterator<Item = Vec<&str>> {
    table
        .lines()
        .map(str::trim_end)
        .filter(|line| !line.trim().is_empty() && !line.trim_start().starts_with('#'))
        .map(|line| line.split('\t').map(str::trim).collect())
}

fn list(cell: Option<&&str>) -> impl Iterator<Item = String> {
    cell.copied()
        .unwrap_or("")
        .split('|')
        .map(str::trim)
        .filter(|s| !s.is_empty() && *s != "-")
        .map(str::to_string)
        .collect::<Vec<_>>()
        .into_iter()
}

fn gender(cell: Option<&&str>) -> Option<Gender> {
    match cell.copied().map(str::trim) {
        Some("m") => Some(Gender::Male),
        Some("f") => Some(Gender::Female),
        _ => None,
    }
}

impl Lexicon {
    /// The lexicon built from the tables compiled into the binary.
    pub fn get() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(Lexicon::load)
    }

    fn load() -> Lexicon {
        let mut lexicon = Lexicon::default();
        for row in rows(include_str!("data/speech_verbs.tsv")) {
            let lemma = row[0].to_lowercase();
            let weak = row.get(2).is_some_and(|c| c.eq_ignore_ascii_case("weak"));
            let forms = row.get(1).copied().unwrap_or(row[0]);
            // Multiword forms are listed space-separated among single ones only when the lemma
            // itself has a space (`point out`): then the forms come in groups of that many words.
            let width = lemma.split_whitespace().count().max(1);
            let words: Vec<String> = forms.split_whitespace().map(str::to_lowercase).collect();
            for form in words.chunks(width) {
                if width == 1 {
                    lexicon
                        .speech_verbs
                        .insert(form[0].clone(), (lemma.clone(), weak));
                } else {
                    lexicon
                        .multiword_by_first
                        .entry(form[0].clone())
                        .or_default()
                        .push(lexicon.multiword_verbs.len());
                    lexicon.multiword_verbs.push(form.to_vec());
                }
            }
        }
        for row in rows(include_str!("data/titles.tsv")) {
            let words: Vec<String> = row[0]
                .split_whitespace()
                .map(|w| w.trim_end_matches('.').to_lowercase())
                .collect();
            if words.is_empty() {
                continue;
            }
            if words.len() == 1 && row[0].ends_with('.') {
                lexicon.abbreviated_titles.insert(words[0].clone());
            }
            let role = row
                .get(1)
                .map(|r| r.trim().to_lowercase())
                .filter(|r| !r.is_empty() && r != "-");
            lexicon.titles.push(Title {
                words,
                role,
                gender: gender(row.get(2)),
            });
        }
        // Longest first, so `Deputy Prime Minister` wins over `Prime Minister`.
        lexicon
            .titles
            .sort_by_key(|t| std::cmp::Reverse(t.words.len()));
        for (index, title) in lexicon.titles.iter().enumerate() {
            lexicon
                .titles_by_first
                .entry(title.words[0].clone())
                .or_default()
                .push(index);
            lexicon.roles.extend(title.role.clone());
        }
        for row in rows(include_str!("data/role_synonyms.tsv")) {
            let cell = row.get(1).copied().unwrap_or("");
            let separator: &[char] = if cell.contains('|') { &['|'] } else { &[' '] };
            let roles: Vec<String> = cell
                .split(separator)
                .map(|s| s.trim().to_lowercase())
                .filter(|s| !s.is_empty())
                .collect();
            lexicon.role_synonyms.insert(row[0].to_lowercase(), roles);
        }
        for row in rows(include_str!("data/places.tsv")) {
            let name = row[0].to_string();
            let mut terms = vec![name.clone()];
            for column in 1..4 {
                terms.extend(list(row.get(column)));
            }
            let index = lexicon.places.len();
            for (first, _) in terms.iter().filter_map(|term| term.split_once(' ')) {
                lexicon.place_phrase_firsts.insert(first.to_string());
            }
            for term in &terms {
                lexicon.place_terms.entry(term.clone()).or_insert(index);
            }
            lexicon.places.push(Place { name, terms });
        }
        for row in rows(include_str!("data/given_names.tsv")) {
            lexicon
                .given_names
                .insert(row[0].to_lowercase(), gender(row.get(1)));
        }
        for row in rows(include_str!("data/surname_particles.txt")) {
            lexicon.particles.insert(row[0].to_lowercase());
        }
        for row in rows(include_str!("data/not_names.txt")) {
            lexicon.not_names.insert(row[0].to_lowercase());
        }
        for row in rows(include_str!("data/named_place_heads.txt")) {
            lexicon.named_place_heads.insert(row[0].to_string());
        }
        for row in rows(include_str!("data/name_variants.tsv")) {
            let key = row[0].to_lowercase();
            for variant in list(row.get(1)) {
                lexicon
                    .name_variants
                    .insert(variant.to_lowercase(), key.clone());
            }
            lexicon.name_variants.insert(key.clone(), key);
        }
        lexicon
    }

    /// The lemma of a one-word verb of saying (`noted` -> `note`), if `word` is one.
    pub fn speech_verb(&self, word: &str) -> Option<&str> {
        self.speech_verbs
            .get(lower(word).as_ref())
            .map(|(lemma, _)| lemma.as_str())
    }

    /// True when `word` is a verb of saying that needs no quote beside it to attribute speech.
    pub fn is_strong_speech_verb(&self, word: &str) -> bool {
        self.speech_verbs
            .get(lower(word).as_ref())
            .is_some_and(|(_, weak)| !weak)
    }

    /// How many words of a multiword verb of saying (`pointed out`) start `words`, if any.
    pub fn multiword_speech_verb(&self, words: &[&str]) -> Option<usize> {
        let first = lower(words.first()?);
        self.multiword_by_first
            .get(first.as_ref())?
            .iter()
            .map(|&index| &self.multiword_verbs[index])
            .find(|verb| {
                verb.len() <= words.len()
                    && verb
                        .iter()
                        .zip(words)
                        .all(|(v, w)| v.eq_ignore_ascii_case(w))
            })
            .map(Vec::len)
    }

    /// The longest title whose words start `words` (case-insensitive, dots ignored).
    pub fn title_at(&self, words: &[&str]) -> Option<&Title> {
        let first = lower(words.first()?.trim_end_matches('.'));
        let candidates = self.titles_by_first.get(first.as_ref())?;
        candidates
            .iter()
            .map(|&index| &self.titles[index])
            .find(|title| {
                title.words.len() <= words.len()
                    && title
                        .words
                        .iter()
                        .zip(words)
                        .all(|(t, w)| t.eq_ignore_ascii_case(w.trim_end_matches('.')))
            })
    }

    /// True when `word` is a title written abbreviated with a dot (`Gov`, `Sen`, `Mr`), whose
    /// dot ends no sentence.
    pub fn is_abbreviated_title(&self, word: &str) -> bool {
        self.abbreviated_titles.contains(lower(word).as_ref())
    }

    /// True when `word` (any case) is the role noun of some title: `minister`, `spokesman`.
    pub fn is_role(&self, word: &str) -> bool {
        let word = lower(word);
        self.roles.contains(word.as_ref()) || self.role_synonyms.contains_key(word.as_ref())
    }

    /// The role nouns that `word` may stand for: itself, plus its synonyms (`leader` ->
    /// `president`, `prime minister`, ...).
    pub fn roles_meant_by(&self, word: &str) -> Vec<String> {
        let word = lower(word);
        let mut roles = vec![word.to_string()];
        if let Some(synonyms) = self.role_synonyms.get(word.as_ref()) {
            roles.extend(synonyms.iter().cloned());
        }
        roles
    }

    /// The place a word or phrase refers to (`Japanese` -> Japan), if any. Case matters (`US`
    /// is a country, `us` is not), but a lower-case word is also tried capitalised, as users
    /// type `--about japan`.
    pub fn place(&self, term: &str) -> Option<&Place> {
        let exact = self.place_terms.get(term);
        let capitalised = || {
            let mut chars = term.chars();
            let first = chars.next()?;
            if !first.is_lowercase() {
                return None;
            }
            let word: String = first.to_uppercase().chain(chars).collect();
            self.place_terms.get(&word)
        };
        exact.or_else(capitalised).map(|&index| &self.places[index])
    }

    /// True when a place name of several words may start with `word` (as written, or with
    /// its first letter capitalised, as [`Lexicon::place`] also looks it up).
    pub fn may_open_place_phrase(&self, word: &str) -> bool {
        if self.place_phrase_firsts.contains(word) {
            return true;
        }
        let mut chars = word.chars();
        chars.next().is_some_and(|first| {
            first.is_lowercase()
                && self
                    .place_phrase_firsts
                    .contains(&first.to_uppercase().chain(chars).collect::<String>())
        })
    }

    /// True when `word` is a known given name, or a hyphenated pair of them (`Jo-Renee`,
    /// `Jean-Pierre`).
    pub fn is_given_name(&self, word: &str) -> bool {
        let word = lower(word);
        self.given_names.contains_key(word.as_ref())
            || word.split_once('-').is_some_and(|(first, second)| {
                self.given_names.contains_key(first) && self.given_names.contains_key(second)
            })
    }

    /// The gender a given name implies, if the table says; of a hyphenated pair, the gender
    /// its parts agree on, or the one part that has one (`Jo-Renee`: female).
    pub fn given_name_gender(&self, word: &str) -> Option<Gender> {
        let word = lower(word);
        let gender = |part: &str| self.given_names.get(part).copied().flatten();
        if let Some(known) = self.given_names.get(word.as_ref()) {
            return *known;
        }
        let (first, second) = word.split_once('-')?;
        match (gender(first), gender(second)) {
            (Some(a), Some(b)) => (a == b).then_some(a),
            (a, b) => a.or(b),
        }
    }

    /// True for name particles such as `al`, `bin`, `van`, `de`.
    pub fn is_particle(&self, word: &str) -> bool {
        self.particles.contains(lower(word).as_ref())
    }

    /// True for capitalised words that are never part of a person's name.
    pub fn is_not_name(&self, word: &str) -> bool {
        self.not_names.contains(lower(word).as_ref())
    }

    /// True for a noun that ends the name of a place or an institution named after a person
    /// (`County` of `Lee County`, `Center` of `Kennedy Center`), as written.
    pub fn is_named_place_head(&self, word: &str) -> bool {
        self.named_place_heads.contains(word)
    }

    /// The key that transliteration variants of a name part share (`sergey` -> `sergei`).
    pub fn name_key(&self, word: &str) -> String {
        // `O’Neill` and `O'Neill` are one name.
        let lower = word.to_lowercase().replace('’', "'");
        self.name_variants.get(&lower).cloned().unwrap_or(lower)
    }
}

/// Whether two different words differ by one letter replaced, added or dropped.
pub fn one_edit_apart(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    if long.len() - short.len() > 1 || a == b {
        return false;
    }
    let prefix = short
        .iter()
        .zip(long.iter())
        .take_while(|(x, y)| x == y)
        .count();
    if short.len() == long.len() {
        short[prefix + 1..] == long[prefix + 1..]
    } else {
        short[prefix..] == long[prefix + 1..]
    }
}

/// `word` in lower case, borrowed when it already is (lookups are hot: no allocation then).
fn lower(word: &str) -> Cow<'_, str> {
    if word.chars().any(char::is_uppercase) {
        Cow::Owned(word.to_lowercase())
    } else {
        Cow::Borrowed(word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verbs_of_saying_of_several_words_are_found_in_any_form() {
        let lexicon = Lexicon::get();
        assert_eq!(
            lexicon.multiword_speech_verb(&["pointed", "out", "that"]),
            Some(2)
        );
        assert_eq!(lexicon.multiword_speech_verb(&["Points", "out"]), Some(2));
        assert_eq!(lexicon.multiword_speech_verb(&["pointed", "at"]), None);
        assert!(lexicon.speech_verb("said").is_some());
    }

    #[test]
    fn a_hyphenated_pair_of_given_names_is_a_given_name() {
        let lexicon = Lexicon::get();
        assert!(lexicon.is_given_name("Jo-Renee"));
        assert_eq!(lexicon.given_name_gender("Jo-Renee"), Some(Gender::Female));
        assert_eq!(lexicon.given_name_gender("Jean-Pierre"), Some(Gender::Male));
        assert!(!lexicon.is_given_name("al-Assad"));
        assert!(!lexicon.is_given_name("Seitz-Wald"));
    }

    #[test]
    fn words_one_letter_apart_are_found() {
        assert!(one_edit_apart("wimes", "wines"));
        assert!(one_edit_apart("mcclenney", "mclenney"));
        assert!(one_edit_apart("sweeney", "sweeny"));
        assert!(!one_edit_apart("wines", "wines"));
        assert!(!one_edit_apart("obama", "omaha"));
        assert!(!one_edit_apart("kohan", "kohanek"));
        let lexicon = Lexicon::get();
        assert_eq!(lexicon.name_key("O’Neill"), lexicon.name_key("O'Neill"));
    }

    #[test]
    fn only_titles_written_with_a_dot_are_abbreviations() {
        let lexicon = Lexicon::get();
        assert!(lexicon.is_abbreviated_title("Gov"));
        assert!(lexicon.is_abbreviated_title("Sen"));
        assert!(!lexicon.is_abbreviated_title("director"));
        assert!(!lexicon.is_abbreviated_title("President"));
    }
}
