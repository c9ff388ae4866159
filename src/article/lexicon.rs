//! The word lists behind the extraction rules, loaded once from the reviewable tables in
//! `src/article/data/`. Rules ask questions of the lexicon ("is this a verb of saying?"); they
//! never carry word lists of their own.

use std::borrow::Cow;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;

/// A small closed class of words that a rule tests for: a section of
/// `data/word_classes.txt`, where each class says what it is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WordClass {
    /// Words that may stand between a subject and its verb of saying (`Lavrov also noted`, `she has
    /// said`).
    AttributionAdverbs,
    /// Words after which a capitalised run is a place or an object, not a speaker (`in Salem`, `of
    /// New York`).
    Prepositions,
    /// Prepositions that put the capitalised word after them out of a clause's subject.
    PeoplePrepositions,
    /// Determiners that open a role phrase (`the minister`, `the Russian foreign minister`).
    Determiners,
    /// Conjunctions that open a clause of its own after a quote (`“...,” when Clinton blasted
    /// him`). Not `as`: `“...,” as Kohan put it` is a frame.
    Subordinators,
    /// Words that open a second clause after a comma.
    ClauseConjunctions,
    /// Prepositions that open a sentence with a phrase before its subject (`In an interview, Kohan
    /// said`, `With Garland, Obama made ...`). Not `to`: `To professor Kohan, it seemed ...` names
    /// whose view the sentence gives.
    ClauseOpeners,
    /// Verbs of saying whose object is the one spoken to (`told CBS`), so that the name after them
    /// is no subject.
    TakesAHearer,
    /// Words that end a description before a name: what follows them belongs to another phrase
    /// (`said a lawyer for Jon Kohan`, `said that Kohan`).
    NotInDescription,
    /// Words before a role that any holder of it may be described with (`the former minister`, `the
    /// Russian presidential spokesman`, `the chief negotiator`).
    GenericRoleModifiers,
    /// Endings of plural nouns for people (`Demonstrators`, `Officials`, `Critics`, `Residents`,
    /// `Analysts`, `Politicians`, `Employees`): such a noun as a subject names a group.
    PeoplePluralEndings,
    /// Words that follow a partial quote in running text but never a quoted name used as a
    /// modifier.
    FunctionWords,
    /// Nouns after which a quoted span is a term mentioned, not anyone's speech (`the phrase
    /// “...”`, `the slogan “...”`).
    TermNouns,
    /// Short words that a title leaves in lower case between its capitalised words (`Meet the
    /// Press`, `State of the Union`, `Fox and Friends`).
    TitleLowerWords,
    /// Prepositions after which a quoted title is where something appeared or what it belongs to
    /// (`on “Morning Report”`, `the host of “Quiet Harbour”`), not speech.
    TitlePrepositions,
    /// Words after which a quoted span is the name given to a thing (`a song titled “...”`).
    TitlingWords,
    /// Site-navigation lines that scrapers leave above the headline (compared case-insensitively).
    Navigation,
    /// Words that stay lower case inside a place name: `Rio de Janeiro`, `Port-au-Prince`.
    PlaceParticles,
    /// Words that rule out a place given with neither date nor credit (`WASHINGTON - ` is a
    /// dateline): story labels (`EXCLUSIVE - `) and the small words of capitalised headings
    /// (`CONGRESS HAS INVESTIGATED HIM — `).
    NotInBarePlace,
    /// Determiners after which a verb of saying is a noun (`the talks`, `a statement`), not a verb.
    NounDeterminers,
    /// Adverbs of time without `-ly` that may open a sentence before a phrase (`Later that day,
    /// ...`).
    OpeningTimeAdverbs,
    /// Words after an opening adverb that make it the head of a phrase, no name (`Immediately after
    /// the attacks, ...`, `Later that day, ...`).
    AfterOpeningAdverb,
    /// Prepositions between a speaker and their employer (`Birgit Mahlberg of the Baltic Marine
    /// Alliance said`): the speaker is the one before them.
    EmployerPrepositions,
    /// Words that may follow the name that closes a description after a verb of saying (`said
    /// former executive Carly Fiorina during the debate`).
    AfterDescribedName,
    /// Prepositions before a name that was addressed, not who spoke (`Trump wrote to Roffman:
    /// “...”`).
    AddresseePrepositions,
    /// Words before a day that stands between a subject and its verb (`who Beck on Wednesday called
    /// “...”`).
    BeforeDay,
    /// Articles that open an apposition describing a name (`..., says Ilse Marwood, a county
    /// clerk`).
    Articles,
    /// Prepositions inside the capitalised name of an organisation (`the Commission on Presidential
    /// Debates`, `Bank of America`).
    OrganisationPrepositions,
    /// Words before `as` that make it no characterisation of a quote (`such as “...”` opens a list
    /// of examples, `known as`, `so as`).
    NotCharacterising,
    /// Endings of contractions and possessives after an apostrophe (`EU's`, `don't`, `they're`): a
    /// `?` before one, ending the word, is an apostrophe a feed lost.
    ContractionSuffixes,
    /// Nouns that name an institution after `the` (`the ministry said`): the speaker is that
    /// institution, as the article named it before.
    InstitutionNouns,
    /// Institution nouns that mean a business (`the company said`).
    CompanyNouns,
    /// Words that end a company's name (`Vessby Shipping Corp`).
    CompanySuffixes,
    /// Roles of one who speaks for an institution (`a spokesman for the ministry said`).
    SpokespersonRoles,
    /// Nouns of documents that speak for who issued them (`the statement said`).
    DocumentNouns,
}

impl WordClass {
    /// Every class, in the order of the data file.
    const ALL: [WordClass; 35] = [
        WordClass::AttributionAdverbs,
        WordClass::Prepositions,
        WordClass::PeoplePrepositions,
        WordClass::Determiners,
        WordClass::Subordinators,
        WordClass::ClauseConjunctions,
        WordClass::ClauseOpeners,
        WordClass::TakesAHearer,
        WordClass::NotInDescription,
        WordClass::GenericRoleModifiers,
        WordClass::PeoplePluralEndings,
        WordClass::FunctionWords,
        WordClass::TermNouns,
        WordClass::TitleLowerWords,
        WordClass::TitlePrepositions,
        WordClass::TitlingWords,
        WordClass::Navigation,
        WordClass::PlaceParticles,
        WordClass::NotInBarePlace,
        WordClass::NounDeterminers,
        WordClass::OpeningTimeAdverbs,
        WordClass::AfterOpeningAdverb,
        WordClass::EmployerPrepositions,
        WordClass::AfterDescribedName,
        WordClass::AddresseePrepositions,
        WordClass::BeforeDay,
        WordClass::Articles,
        WordClass::OrganisationPrepositions,
        WordClass::NotCharacterising,
        WordClass::ContractionSuffixes,
        WordClass::InstitutionNouns,
        WordClass::CompanyNouns,
        WordClass::CompanySuffixes,
        WordClass::SpokespersonRoles,
        WordClass::DocumentNouns,
    ];

    /// The class's heading in `data/word_classes.txt`.
    fn heading(self) -> &'static str {
        match self {
            WordClass::AttributionAdverbs => "attribution_adverbs",
            WordClass::Prepositions => "prepositions",
            WordClass::PeoplePrepositions => "people_prepositions",
            WordClass::Determiners => "determiners",
            WordClass::Subordinators => "subordinators",
            WordClass::ClauseConjunctions => "clause_conjunctions",
            WordClass::ClauseOpeners => "clause_openers",
            WordClass::TakesAHearer => "takes_a_hearer",
            WordClass::NotInDescription => "not_in_description",
            WordClass::GenericRoleModifiers => "generic_role_modifiers",
            WordClass::PeoplePluralEndings => "people_plural_endings",
            WordClass::FunctionWords => "function_words",
            WordClass::TermNouns => "term_nouns",
            WordClass::TitleLowerWords => "title_lower_words",
            WordClass::TitlePrepositions => "title_prepositions",
            WordClass::TitlingWords => "titling_words",
            WordClass::Navigation => "navigation",
            WordClass::PlaceParticles => "place_particles",
            WordClass::NotInBarePlace => "not_in_bare_place",
            WordClass::NounDeterminers => "noun_determiners",
            WordClass::OpeningTimeAdverbs => "opening_time_adverbs",
            WordClass::AfterOpeningAdverb => "after_opening_adverb",
            WordClass::EmployerPrepositions => "employer_prepositions",
            WordClass::AfterDescribedName => "after_described_name",
            WordClass::AddresseePrepositions => "addressee_prepositions",
            WordClass::BeforeDay => "before_day",
            WordClass::Articles => "articles",
            WordClass::OrganisationPrepositions => "organisation_prepositions",
            WordClass::NotCharacterising => "not_characterising",
            WordClass::ContractionSuffixes => "contraction_suffixes",
            WordClass::InstitutionNouns => "institution_nouns",
            WordClass::CompanyNouns => "company_nouns",
            WordClass::CompanySuffixes => "company_suffixes",
            WordClass::SpokespersonRoles => "spokesperson_roles",
            WordClass::DocumentNouns => "document_nouns",
        }
    }
}

/// The words of a class, as the data file lists them.
pub fn word_list(class: WordClass) -> &'static [&'static str] {
    Lexicon::get().words(class)
}

/// True when `word` may stand between a subject and its verb of saying.
pub fn is_attribution_adverb(word: &str) -> bool {
    word_list(WordClass::AttributionAdverbs)
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
    /// The entries of each word class, indexed by `WordClass as usize`.
    word_classes: Vec<Vec<&'static str>>,
}

/// The rows of a tab-separated table, its cells trimmed; blank and `#` comment lines skipped.
fn rows(table: &str) -> impl Iterator<Item = Vec<&str>> {
    table
        .lines()
        .map(str::trim_end)
        .filter(|line| !line.trim().is_empty() && !line.trim_start().starts_with('#'))
        .map(|line| line.split('\t').map(str::trim).collect())
}

/// The entries of a `|`-separated cell; `-` stands for none.
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

/// The gender a cell gives (`m`, `f`), if any.
fn gender(cell: Option<&&str>) -> Option<Gender> {
    match cell.copied().map(str::trim) {
        Some("m") => Some(Gender::Male),
        Some("f") => Some(Gender::Female),
        _ => None,
    }
}

/// Reads the `[heading]` sections of `data/word_classes.txt` into one list per class, in the
/// order of `WordClass::ALL`. A heading that names no class, or a class without a heading, is
/// a mistake in the data, caught by the test that every class has entries.
fn word_classes(table: &'static str) -> Vec<Vec<&'static str>> {
    let mut classes = vec![Vec::new(); WordClass::ALL.len()];
    let mut current = None;
    for line in table.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(heading) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            current = WordClass::ALL.iter().position(|c| c.heading() == heading);
        } else if let Some(class) = current {
            classes[class].push(line);
        }
    }
    classes
}

impl Lexicon {
    /// The lexicon built from the tables compiled into the binary.
    pub fn get() -> &'static Lexicon {
        /// Built on first use and shared by every thread.
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(Lexicon::load)
    }

    /// Reads every table compiled into the binary.
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
        lexicon.word_classes = word_classes(include_str!("data/word_classes.txt"));
        lexicon
    }

    /// The entries of a word class, in the order of the data file.
    pub fn words(&self, class: WordClass) -> &[&'static str] {
        &self.word_classes[class as usize]
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
    fn every_word_class_has_its_section_in_the_data() {
        let table = include_str!("data/word_classes.txt");
        for class in WordClass::ALL {
            assert!(!word_list(class).is_empty(), "{class:?} has no entries");
        }
        let headings = table.lines().filter(|l| l.starts_with('[')).count();
        assert_eq!(headings, WordClass::ALL.len(), "a heading names no class");
        assert!(is_attribution_adverb("Also") && !is_attribution_adverb("said"));
    }

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
