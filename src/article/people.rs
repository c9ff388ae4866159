//! People named in an article: runs of capitalised words are split into a title part
//! (`Russian Foreign Minister`) and a name part (`Sergei Lavrov`); a run is a person when a title,
//! an honorific, a known given name or a verb of saying vouches for it. Every later mention by
//! surname or another part of the name is counted for the same person under the fullest form.

use rustc_hash::FxHashSet as HashSet;

use super::institution;
use super::lexicon::{Gender, Lexicon, WordClass, word_list};
use super::tokens::{Token, is_possessive, is_quote_mark, strip_possessive};

/// Longest name we accept, in words: longer capitalised runs are organisations or headlines.
const MAX_NAME_WORDS: usize = 4;

/// A person found in the text, under the fullest form of their name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonFound {
    /// The canonical (fullest) name seen: `Sergei Lavrov`.
    pub name: String,
    /// The name's words.
    pub parts: Vec<String>,
    /// The words' name keys (`Lexicon::name_key`), kept with them: every name run of the article
    /// is matched against every person, so they are not worked out again each time.
    pub keys: Vec<String>,
    /// Titles seen with the name, as written: `Russian Foreign Minister`.
    pub titles: Vec<String>,
    /// The role nouns those titles are referred back by: `minister`.
    pub roles: Vec<String>,
    /// The gender a title, honorific or given name implies, if any.
    pub gender: Option<Gender>,
    /// How many times the person is mentioned by name.
    pub mentions: usize,
}

impl PersonFound {
    /// True when the person's titles name `role` or one of the roles it may stand for.
    pub fn holds_role(&self, roles: &[String]) -> bool {
        roles.iter().any(|role| {
            self.roles.iter().any(|own| own == role)
                || self
                    .titles
                    .iter()
                    .any(|title| contains_words(&title.to_lowercase(), role))
        })
    }

    /// True when one of the person's titles contains `word` as a word (case-insensitive).
    pub fn title_mentions(&self, word: &str) -> bool {
        self.titles
            .iter()
            .any(|title| contains_words(&title.to_lowercase(), &word.to_lowercase()))
    }
}

/// Whether the words of `needle` stand together, in order, among the words of `haystack`.
fn contains_words(haystack: &str, needle: &str) -> bool {
    let hay: Vec<&str> = haystack.split_whitespace().collect();
    let needle: Vec<&str> = needle.split_whitespace().collect();
    !needle.is_empty()
        && hay
            .windows(needle.len())
            .any(|window| window == needle.as_slice())
}

/// One mention of a person, with its place in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    /// Byte offset where the mention starts.
    pub start: usize,
    /// Byte offset just past it.
    pub end: usize,
    /// Index of the person in `People::persons`.
    pub person: usize,
}

/// The people of an article and where each is mentioned.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct People {
    /// Persons in order of first appearance.
    pub persons: Vec<PersonFound>,
    /// Mentions in text order.
    pub mentions: Vec<Mention>,
}

/// A capitalised run split into title and name.
#[derive(Debug, Clone)]
pub struct NameRun<'a> {
    /// The name's word tokens (may be empty).
    pub name: Vec<Token<'a>>,
    /// The title as written, if one stood before the name.
    pub title: Option<String>,
    /// The gender the title implies.
    pub title_gender: Option<Gender>,
    /// The role nouns of the titles matched (`minister` for `Foreign Minister`).
    pub roles: Vec<String>,
    /// Index of the token just after the run.
    pub next: usize,
    /// True when a place stands right before the name with no title between (`Ohio Edison`,
    /// `New York Stock`): most often a company's or an institution's name, not a person's.
    pub after_place: bool,
}

/// True for a token that can be part of a name: a capitalised word that is not a known
/// non-name, or a name particle between capitalised words.
fn starts_run(token: &Token) -> bool {
    token.is_capitalized()
}

/// Reads the capitalised run starting at `tokens[start]` and splits it into title and name.
pub fn read_run<'a>(tokens: &[Token<'a>], start: usize) -> NameRun<'a> {
    let lexicon = Lexicon::get();
    let (words, positions, next) = capitalised_words(tokens, start);
    let texts: Vec<&str> = words.iter().map(|t| t.text).collect();
    let head = title_part(&texts);
    let mut k = head.width;
    // A sentence may open on a word that is no name before one (`Rival Hillary Clinton`,
    // `Injecting Clinton`): a gerund, or a word that is no given name before a given name and
    // a surname (`Rakeyia Scott` is a name: Scott may be a surname).
    if k == 0
        && words.len() >= 2
        && positions[0] == start
        && starts_sentence(tokens, start)
        && !lexicon.is_given_name(texts[0])
        && ((words.len() >= 3 && lexicon.is_given_name(texts[1]))
            || (texts[0].len() > 5 && texts[0].ends_with("ing")))
    {
        k = 1;
    }
    let name = name_part(&words, k);
    // A run cut short is resumed by the caller at the first word not taken.
    let next = if k + name.len() < words.len() && !name.is_empty() {
        positions[k + name.len()]
    } else {
        next
    };
    NameRun {
        name,
        after_place: head.after_place && head.title.is_none(),
        title: head.title,
        title_gender: head.title_gender,
        roles: head.roles,
        next,
    }
}

/// The words of the capitalised run at `tokens[start]`, their token indices, and the index
/// after the run. The run extends over capitalised words, inner particles, and the dot after
/// an initial or an abbreviated title (`J. Smith`, `Mr. Smith`, `Sen. Jones`).
fn capitalised_words<'a>(
    tokens: &[Token<'a>],
    start: usize,
) -> (Vec<Token<'a>>, Vec<usize>, usize) {
    let lexicon = Lexicon::get();
    let mut words: Vec<Token<'a>> = Vec::new();
    let mut positions: Vec<usize> = Vec::new();
    let mut i = start;
    while i < tokens.len() {
        let token = tokens[i];
        let next_capitalized = tokens.get(i + 1).is_some_and(starts_run);
        if starts_run(&token)
            || (token.is_word()
                && !words.is_empty()
                && lexicon.is_particle(token.text)
                && next_capitalized)
        {
            words.push(token);
            positions.push(i);
        } else if token.is('.')
            && next_capitalized
            && words.last().is_some_and(|last| {
                last.end == token.start
                    && (is_initials(last.text) || lexicon.title_at(&[last.text]).is_some())
            })
        {
            // the dot of an initial or abbreviation: part of the run, not a word
        } else {
            break;
        }
        i += 1;
    }
    (words, positions, i)
}

/// The words of a run before its name: titles, portfolios, places and other non-names.
#[derive(Debug, Default)]
struct TitlePart {
    /// How many words of the run they are.
    width: usize,
    /// The title as written, if the words hold one.
    title: Option<String>,
    /// The gender the title implies.
    title_gender: Option<Gender>,
    /// The role nouns of the titles matched.
    roles: Vec<String>,
    /// Whether a place ends the words (`Ohio Edison`).
    after_place: bool,
}

/// Reads the title part that opens the words `texts` of a run.
fn title_part(texts: &[&str]) -> TitlePart {
    let lexicon = Lexicon::get();
    let mut k = 0;
    let mut title_start = None;
    let mut title_end = 0;
    let mut title_gender = None;
    let mut roles = Vec::new();
    let mut after_place = false;
    while k < texts.len() {
        // A portfolio may stand before the title (`Commerce Minister`, `Fiscal Policy Minister`).
        let portfolio = (0..=2).find(|&skip| {
            k + skip < texts.len()
                && (0..skip).all(|j| {
                    !lexicon.is_given_name(texts[k + j])
                        && lexicon.title_at(&[texts[k + j]]).is_none()
                })
                && lexicon.title_at(&texts[k + skip..]).is_some()
        });
        if let Some(skip) = portfolio {
            after_place = false;
            let title = lexicon.title_at(&texts[k + skip..]).expect("found above");
            title_start.get_or_insert(k);
            k += skip + title.words.len();
            title_end = k;
            title_gender = title.gender.or(title_gender);
            roles.extend(title.role.clone());
        } else if let Some(width) = place_phrase(&texts[k..]) {
            // `New Hampshire`, `North Carolina`: a place of several words is no name either.
            if title_start.is_none() {
                title_start = Some(k);
            }
            k += width;
            after_place = !is_possessive(texts[k - 1]);
        } else if lexicon.place(strip_possessive(texts[k])).is_some()
            || (lexicon.is_not_name(texts[k]) && !lexicon.is_given_name(texts[k]))
        {
            // A nationality or place may open a title (`Russian Foreign Minister`); other
            // non-names (`The`, `On`) simply are not part of the name.
            let place = lexicon.place(texts[k]).is_some();
            if place && title_start.is_none() {
                title_start = Some(k);
            } else if title_end < k {
                title_start = None;
            }
            after_place = place;
            k += 1;
        } else {
            break;
        }
    }
    let title = match title_start {
        Some(from) if title_end > from => Some(texts[from..title_end].join(" ")),
        _ => None,
    };
    if title.is_none() {
        title_gender = None;
        roles.clear();
    }
    TitlePart {
        width: k,
        title,
        title_gender,
        roles,
        after_place,
    }
}

/// The name that starts at `words[k]`: it runs until the next non-name word (`Lavrov Monday`
/// is `Lavrov`) or a possessive.
fn name_part<'a>(words: &[Token<'a>], k: usize) -> Vec<Token<'a>> {
    let lexicon = Lexicon::get();
    let mut name: Vec<Token<'a>> = Vec::new();
    for token in &words[k..] {
        let bare = strip_possessive(token.text);
        // A place after a name's first word is a surname (`Chuck Jordan`, `Mike Israel`).
        let initial = !name.is_empty() && is_initials(bare);
        let is_non_name = !initial && (lexicon.is_not_name(bare) && !lexicon.is_given_name(bare))
            || (name.is_empty() && lexicon.place(bare).is_some())
            || lexicon.title_at(&[bare]).is_some();
        // `Amy Pope`, `Jeff Sessions`: a title or another non-name word that ends the run after
        // a lone given name is the surname.
        let surname_after_given = name.len() == 1
            && k + 2 == words.len()
            && lexicon.is_given_name(name[0].text)
            && lexicon.place(bare).is_none()
            && !lexicon.is_named_place_head(bare);
        if is_non_name && !lexicon.is_particle(bare) && !surname_after_given {
            break;
        }
        name.push(*token);
        if bare.len() != token.text.len() {
            break; // a possessive ends the name
        }
    }
    name
}

/// How many words at the start of `words` name a place of two or three words (`New Hampshire`,
/// `Salt Lake City`, `North Carolina's`), if they do.
pub fn place_phrase(words: &[&str]) -> Option<usize> {
    let lexicon = Lexicon::get();
    // Most capitalised words open no such name: ask before building phrases to look up.
    if !words
        .first()
        .is_some_and(|w| lexicon.may_open_place_phrase(w))
    {
        return None;
    }
    (2..=words.len().min(3)).rev().find(|&width| {
        let mut phrase = words[..width - 1].join(" ");
        phrase.push(' ');
        phrase.push_str(strip_possessive(words[width - 1]));
        lexicon.place(&phrase).is_some()
    })
}

/// True for an initial or a run of them: `J`, `G.K`.
fn is_initials(word: &str) -> bool {
    word.split('.')
        .all(|part| part.chars().count() == 1 && part.chars().all(char::is_uppercase))
}

/// The lower-case title word that stands just before a run (`spokesman Dmitry Peskov`), with
/// the role it is referred back by.
fn title_before(tokens: &[Token], start: usize) -> Option<(String, Option<String>)> {
    let lexicon = Lexicon::get();
    let previous = tokens.get(start.checked_sub(1)?)?;
    if !previous.is_word() || previous.is_capitalized() {
        return None;
    }
    let role = lexicon
        .title_at(&[previous.text])
        .and_then(|t| t.role.clone());
    (lexicon.is_role(previous.text) || role.is_some()).then(|| {
        (
            previous.text.to_string(),
            role.or_else(|| Some(previous.text.to_lowercase())),
        )
    })
}

/// True when a verb of saying follows the run at token `next`, perhaps after an apposition and
/// adverbs (`Lavrov said`, `Lavrov also noted`, `Voronin, a veteran diplomat, said`).
pub fn speech_verb_after(tokens: &[Token], next: usize) -> bool {
    let lexicon = Lexicon::get();
    let mut i = next;
    // `Sen. Claire McCaskill (D-Mo.) said`: a parenthesis between name and verb.
    if tokens.get(i).is_some_and(|t| t.is('(')) {
        match (i + 1..tokens.len().min(i + 12)).find(|&j| tokens[j].is(')')) {
            Some(close) => i = close + 1,
            None => return false,
        }
    }
    // The apposition stays inside its sentence; `D-Mich.,` ends an abbreviation, not one.
    let ends_sentence = |j: usize| {
        let t = &tokens[j];
        t.is_break()
            || t.is('!')
            || t.is('?')
            || "“”\"«»".contains(t.text)
            || (t.is('.') && !tokens.get(j + 1).is_some_and(|n| n.is(',')))
    };
    let verb_at = |mut i: usize| {
        while tokens
            .get(i)
            .is_some_and(|t| t.is_word() && super::lexicon::is_attribution_adverb(t.text))
        {
            i += 1;
        }
        tokens.get(i).is_some_and(|t| {
            t.is_word() && !t.is_capitalized() && lexicon.is_strong_speech_verb(t.text)
        })
    };
    // Up to three commas of apposition (`Ilse Marwood, 49, a county clerk who ..., said`):
    // each closing comma may open the next.
    for _ in 0..MAX_APPOSITION_COMMAS {
        if !tokens.get(i).is_some_and(|t| t.is(',')) {
            break;
        }
        let close = (i + 1..tokens.len().min(i + 24)).find(|&j| tokens[j].is(','));
        let Some(close) = close else {
            return false;
        };
        if (i + 1..close).any(ends_sentence) {
            return false;
        }
        if verb_at(close + 1) {
            return true;
        }
        i = close;
    }
    verb_at(i)
}

/// How many commas of apposition may stand between a name and its verb of saying.
const MAX_APPOSITION_COMMAS: usize = 3;

/// True when the name from token `first` to `next` (exclusive) is the subject of a verb of
/// saying put before it after a comma or quote (`..., says Ilse Marwood, a county clerk.`,
/// `..., noted the paper's Ilse Marwood.`): she is heard speaking as much as in `Marwood said`.
/// The name must close the phrase, so that an object (`, told Marwood that`) is not taken.
pub fn speech_verb_inverted(tokens: &[Token], first: usize, next: usize) -> bool {
    let lexicon = Lexicon::get();
    let closes = tokens
        .get(next)
        .is_none_or(|t| t.is_break() || t.is(',') || t.is('.') || t.is(';') || t.is('('));
    if !closes {
        return false;
    }
    // A short description may stand between verb and name (`says party chairman Marwood`).
    for i in (first.saturating_sub(5)..first).rev() {
        let token = &tokens[i];
        if !token.is_word() {
            return false;
        }
        if !token.is_capitalized() && lexicon.speech_verb(token.text).is_some() {
            return i > 0 && (tokens[i - 1].is(',') || is_quote_mark(&tokens[i - 1]));
        }
    }
    false
}

/// True when the name ending before token `next` is followed by an apposition that describes
/// the person (`Ilse Marwood, a county clerk`, `Ilse Marwood, president of the council`), the
/// way a story introduces a new source.
pub fn introduced_by_apposition(tokens: &[Token], next: usize) -> bool {
    let lexicon = Lexicon::get();
    tokens.get(next).is_some_and(|t| t.is(','))
        && tokens.get(next + 1).is_some_and(|t| {
            t.is_word()
                && !t.is_capitalized()
                && (word_list(WordClass::Articles).contains(&t.text) || lexicon.is_role(t.text))
        })
}

/// True when a verb of saying stands right before the run (`said Sergei Lavrov`).
fn speech_verb_before(tokens: &[Token], start: usize) -> bool {
    let lexicon = Lexicon::get();
    start
        .checked_sub(1)
        .and_then(|i| tokens.get(i))
        .is_some_and(|t| {
            t.is_word() && !t.is_capitalized() && lexicon.speech_verb(t.text).is_some()
        })
}

/// The words of a name without possessive endings.
fn name_parts(name: &[Token]) -> Vec<String> {
    name.iter()
        .map(|t| strip_possessive(t.text).to_string())
        .collect()
}

/// Finds the people in `tokens` (of `text`); `body_from` is the byte offset where the story
/// proper starts: names in the header count as mentions but title evidence is read everywhere.
pub fn find_people(tokens: &[Token]) -> People {
    let lexicon = Lexicon::get();
    let mut people = People::default();
    // A headline in title case (`Trump Urges Supporters To Watch`) capitalises every word, so
    // its runs vouch for nobody and its capitals are no evidence of a name.
    let headline_end = tokens.iter().position(Token::is_break).unwrap_or(0);
    let headline = &tokens[..headline_end];
    let headline_words = headline.iter().filter(|t| t.is_word()).count();
    let capitalized = headline.iter().filter(|t| t.is_capitalized()).count();
    let title_case_end = if headline_words >= 4 && capitalized * 10 >= headline_words * 7 {
        headline_end
    } else {
        0
    };
    // Pass 1: runs vouched for as people; a company's name is none (`Vessby Shipping said`
    // where the article wrote `Vessby Shipping Corp`).
    let mut companies = None;
    let mut i = 0;
    while i < tokens.len() {
        if !starts_run(&tokens[i]) {
            i += 1;
            continue;
        }
        let run = read_run(tokens, i);
        let next = run.next.max(i + 1);
        if i < title_case_end {
            i = next;
            continue;
        }
        let count = run.name.len();
        let phrase = run
            .name
            .iter()
            .map(|t| t.text)
            .collect::<Vec<_>>()
            .join(" ");
        if (1..=MAX_NAME_WORDS).contains(&count) && !lexicon.is_not_name(&phrase) {
            let outer_title = title_before(tokens, i);
            let titled = run.title.is_some() || outer_title.is_some();
            let given = lexicon.is_given_name(run.name[0].text);
            let companies = companies.get_or_insert_with(|| institution::company_names(tokens));
            // `the Norland Fisheries Agency`, `Vessby Shipping Corp`: a run that an
            // institution's noun or a company suffix ends names no person.
            let last = run.name[count - 1].end;
            let institution_tail = tokens[i..]
                .iter()
                .position(|t| t.start >= last)
                .and_then(|p| tokens.get(i + p))
                .is_some_and(|t| {
                    t.is_capitalized()
                        && (institution::is_institution_noun(t.text)
                            || word_list(WordClass::CompanySuffixes).contains(&t.text))
                });
            let company = !titled
                && (institution_tail
                    || institution::company_of(&name_parts(&run.name), companies).is_some());
            let vouched = titled
                || (count >= 2 && given && !company)
                || (count >= 2
                    && !company
                    && !run.after_place
                    && !in_organisation_name(tokens, i)
                    && (speech_verb_after(tokens, next) || speech_verb_before(tokens, i)));
            if vouched {
                let parts = name_parts(&run.name);
                let gender = run
                    .title_gender
                    .or_else(|| (count >= 2).then(|| lexicon.given_name_gender(&parts[0]))?);
                let (title, mut roles) = match outer_title {
                    Some((word, role)) if run.title.is_none() => {
                        (Some(word), role.into_iter().collect())
                    }
                    _ => (run.title.clone(), Vec::new()),
                };
                roles.extend(run.roles.iter().cloned());
                add_person(&mut people, parts, title, roles, gender);
            }
        }
        i = next;
    }
    // Pass 2: every mention, including bare surnames of the people found, and surnames that a
    // verb of saying vouches for (`Lavrov said`) when the full name never appears.
    let mut mid_sentence = None;
    let mut i = 0;
    while i < tokens.len() {
        if !starts_run(&tokens[i]) {
            i += 1;
            continue;
        }
        let run = read_run(tokens, i);
        let next = run.next.max(i + 1);
        if !run.name.is_empty() && run.name.len() <= MAX_NAME_WORDS {
            let parts = name_parts(&run.name);
            let found = match_titled_person(&people, &parts, run.title.as_deref())
                .or_else(|| misspelled_surname(&people, &parts))
                .or_else(|| {
                    // `in Aurora, Colorado, in July, said`: a word after a preposition is a
                    // place or a thing, not the subject.
                    let after_preposition = i > 0
                        && is_lower_word(&tokens[i - 1], word_list(WordClass::PeoplePrepositions));
                    (parts.len() == 1
                        && !after_preposition
                        && institution::company_of(
                            &parts,
                            companies.get_or_insert_with(|| institution::company_names(tokens)),
                        )
                        .is_none()
                        && !in_organisation_name(tokens, i)
                        && !run.after_place
                        && speech_verb_after(tokens, next)
                        && !lexicon.is_given_name(&parts[0])
                        && mid_sentence
                            .get_or_insert_with(|| mid_sentence_words(&tokens[title_case_end..]))
                            .contains(run.name[0].text))
                    .then(|| add_person(&mut people, parts.clone(), None, Vec::new(), None))
                })
                .or_else(|| {
                    // `Rakeyia Scott` beside `Keith Lamont Scott`: a full name with a known surname
                    // and another given name is a relative, another person.
                    let keys: Vec<String> = parts.iter().map(|p| lexicon.name_key(p)).collect();
                    let relative = parts.len() == 2
                        && !run.after_place
                        && people.persons.iter().any(|p| {
                            p.keys.len() >= 2
                                && p.keys.last() == keys.last()
                                && p.keys[0] != keys[0]
                        });
                    relative.then(|| add_person(&mut people, parts.clone(), None, Vec::new(), None))
                });
            if let Some(person) = found {
                let first = run.name[0];
                let last = run.name[run.name.len() - 1];
                people.persons[person].mentions += 1;
                people.mentions.push(Mention {
                    start: first.start,
                    end: last.end,
                    person,
                });
            }
        }
        i = next;
    }
    people
}

/// Whether `token` is a word among `words`, exactly as written.
fn is_lower_word(token: &Token, words: &[&str]) -> bool {
    token.is_word() && words.contains(&token.text)
}

/// The person whose surname a lone word misspells by one letter (`Wines` of Leslie Wimes,
/// `McLenney` of Shirley McClenney): a word of five letters or more, no given name, place or
/// non-name, that starts like the surname of exactly one person found with a full name.
fn misspelled_surname(people: &People, parts: &[String]) -> Option<usize> {
    let lexicon = Lexicon::get();
    let [word] = parts else {
        return None;
    };
    if word.chars().count() < 5
        || lexicon.is_given_name(word)
        || lexicon.is_not_name(word)
        || lexicon.place(word).is_some()
    {
        return None;
    }
    let key = lexicon.name_key(word);
    let mut candidates = people.persons.iter().enumerate().filter(|(_, p)| {
        p.keys.len() >= 2
            && p.keys.last().is_some_and(|last| {
                last.chars().next() == key.chars().next()
                    && super::lexicon::one_edit_apart(last, &key)
            })
    });
    let (index, _) = candidates.next()?;
    candidates.next().is_none().then_some(index)
}

/// Whether the capitalised word at `i` follows a preposition inside a capitalised phrase
/// (`the Commission on Presidential Debates`, `Bank of America`): the tail of an
/// organisation's name, no person's.
/// Capitalised words between the preposition and `i` belong to the phrase too (`Presidential`
/// before `Debates`), unless a given name opens a name at `i` (`Secretary of State John Kerry`).
pub fn in_organisation_name(tokens: &[Token], i: usize) -> bool {
    if tokens
        .get(i)
        .is_none_or(|t| Lexicon::get().is_given_name(t.text))
    {
        return false;
    }
    let mut j = i;
    while j > 0 && i - j < MAX_NAME_WORDS && tokens[j - 1].is_capitalized() {
        j -= 1;
    }
    j >= 2
        && tokens[j - 1].is_word()
        && word_list(WordClass::OrganisationPrepositions).contains(&tokens[j - 1].text)
        && tokens[j - 2].is_capitalized()
}

/// Whether token `i` opens a sentence: the first token, or one after a sentence end or an
/// opening quote mark.
fn starts_sentence(tokens: &[Token], i: usize) -> bool {
    let ends = |t: &Token| t.is_break() || t.is('.') || t.is('!') || t.is('?');
    // A straight quote mark right after a word or a comma closes a quote (`"...," Hale said`):
    // only a full stop before it ends the sentence.
    let closing_straight = i >= 2
        && tokens[i - 1].is('"')
        && tokens[i - 2].end == tokens[i - 1].start
        && !ends(&tokens[i - 2]);
    i == 0 || ends(&tokens[i - 1]) || ("“\"«".contains(tokens[i - 1].text) && !closing_straight)
}

/// The words that appear somewhere other than at a sentence's start, in one pass: what tells a
/// surname (`Lavrov said`) from a capitalised common noun (`Supporters said`) that only ever
/// opens sentences. A set, so that asking for every name of a long article stays linear.
pub fn mid_sentence_words<'a>(tokens: &[Token<'a>]) -> HashSet<&'a str> {
    (0..tokens.len())
        .filter(|&i| !starts_sentence(tokens, i))
        .map(|i| tokens[i].text)
        .collect()
}

impl People {
    /// Adds a person that an attribution frame vouches for (`“...” ― Sonya Herridge`), with
    /// its mention at `start..end`; returns its index. Known names are matched, not duplicated.
    pub fn vouch(&mut self, parts: Vec<String>, start: usize, end: usize) -> usize {
        let person = match_person(self, &parts)
            .unwrap_or_else(|| add_person(self, parts, None, Vec::new(), None));
        self.persons[person].mentions += 1;
        let at = self.mentions.partition_point(|m| m.start < start);
        self.mentions.insert(at, Mention { start, end, person });
        person
    }
}

/// The person that a name (full, or one part of it such as the surname) refers to.
pub fn match_person(people: &People, parts: &[String]) -> Option<usize> {
    match_titled_person(people, parts, None)
}

/// [`match_person`] for a name written with a title (`Sen. Dole`): of two people who share
/// the surname, the one seen with that title.
pub fn match_titled_person(
    people: &People,
    parts: &[String],
    title: Option<&str>,
) -> Option<usize> {
    let lexicon = Lexicon::get();
    let holds_title = |p: &PersonFound| {
        title.is_some_and(|title| {
            let title = title.trim_end_matches('.');
            p.titles.iter().any(|t| {
                t.trim_end_matches('.')
                    .rsplit(' ')
                    .next()
                    .is_some_and(|last| last.eq_ignore_ascii_case(title))
                    || t.trim_end_matches('.').eq_ignore_ascii_case(title)
            })
        })
    };
    let keys: Vec<String> = parts.iter().map(|p| lexicon.name_key(p)).collect();
    // Exact full name first, then the surname, then any other part (`Xi` of `Xi Jinping`).
    people
        .persons
        .iter()
        .position(|p| p.keys == keys)
        .or_else(|| {
            // A surname that two people share (`Clinton` of Bill and Hillary Clinton) means
            // the one seen with the title it is written with, else the one mentioned more so
            // far, the first found on a tie.
            let rank = |p: &PersonFound| (holds_title(p), p.mentions);
            let mut best: Option<usize> = None;
            for (index, p) in people.persons.iter().enumerate() {
                let fits = keys.iter().all(|k| p.keys.contains(k)) && p.keys.last() == keys.last();
                if fits && best.is_none_or(|b| rank(p) > rank(&people.persons[b])) {
                    best = Some(index);
                }
            }
            best
        })
        .or_else(|| {
            (keys.len() == 1)
                .then(|| {
                    people
                        .persons
                        .iter()
                        .position(|p| p.keys.contains(&keys[0]))
                })
                .flatten()
        })
}

/// Adds a person or merges the name into the person it extends; returns the person's index.
fn add_person(
    people: &mut People,
    parts: Vec<String>,
    title: Option<String>,
    roles: Vec<String>,
    gender: Option<Gender>,
) -> usize {
    let lexicon = Lexicon::get();
    let keys: Vec<String> = parts.iter().map(|p| lexicon.name_key(p)).collect();
    let existing = people.persons.iter().position(|p| {
        let pk = &p.keys;
        pk.last() == keys.last()
            && (keys.iter().all(|k| pk.contains(k)) || pk.iter().all(|k| keys.contains(k)))
    });
    let index = match existing {
        Some(index) => {
            let person = &mut people.persons[index];
            if parts.len() > person.parts.len() {
                person.name = parts.join(" ");
                person.parts = parts;
                person.keys = keys;
            }
            index
        }
        None => {
            people.persons.push(PersonFound {
                name: parts.join(" "),
                parts,
                keys,
                titles: Vec::new(),
                roles: Vec::new(),
                gender: None,
                mentions: 0,
            });
            people.persons.len() - 1
        }
    };
    let person = &mut people.persons[index];
    if let Some(title) = title
        && !person.titles.iter().any(|t| t.eq_ignore_ascii_case(&title))
    {
        person.titles.push(title);
    }
    for role in roles {
        if !person.roles.contains(&role) {
            person.roles.push(role);
        }
    }
    person.gender = person.gender.or(gender);
    index
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn names(text: &str) -> Vec<(String, usize)> {
        let tokens = tokenize(text);
        find_people(&tokens)
            .persons
            .into_iter()
            .map(|p| (p.name, p.mentions))
            .collect()
    }

    #[test]
    fn people_are_named_by_their_fullest_form() {
        let cases: [(&str, Vec<(&str, usize)>); 7] = [
            (
                "Russian Foreign Minister Sergei Lavrov said. Lavrov added. Lavrov's view.",
                vec![("Sergei Lavrov", 3)],
            ),
            (
                "President Putin met Japanese Prime Minister Shinzo Abe. Vladimir Putin smiled.",
                vec![("Vladimir Putin", 2), ("Shinzo Abe", 1)],
            ),
            (
                "The Foreign Ministry and the Kremlin said on Monday in Moscow.",
                vec![],
            ),
            (
                "Kremlin spokesman Dmitry Peskov said so.",
                vec![("Dmitry Peskov", 1)],
            ),
            ("Later Ivanova said nothing.", vec![("Ivanova", 1)]),
            ("Supporters said so. Others said no.", vec![]),
            ("Mr. Smith arrived. Smith left.", vec![("Smith", 2)]),
        ];
        for (text, expected) in cases {
            let expected: Vec<(String, usize)> = expected
                .into_iter()
                .map(|(n, c)| (n.to_string(), c))
                .collect();
            assert_eq!(names(text), expected, "text {text:?}");
        }
    }

    #[test]
    fn places_of_several_words_and_words_after_a_preposition_are_not_people() {
        let text = "Voters in New Hampshire and North Carolina went to the polls. \
                    Residents of Brookfield, Vermont, in May, said the roads were closed.";
        assert_eq!(names(text), vec![]);
    }

    #[test]
    fn a_speaker_may_stand_several_commas_before_the_verb() {
        let text =
            "Odile Brandt, 52, a nurse who moved to the city in 2003, said the ward was full.";
        assert_eq!(names(text), vec![("Odile Brandt".to_string(), 1)]);
    }

    #[test]
    fn a_shared_surname_means_the_person_mentioned_more() {
        let tokens = tokenize(
            "Marta Quell spoke. Marta Quell left. Her husband Tobias Quell stayed. Quell waved.",
        );
        let people = find_people(&tokens);
        let marta = people.persons.iter().position(|p| p.name == "Marta Quell");
        let last = people.mentions.last().map(|m| m.person);
        assert_eq!(last, marta);
    }

    #[test]
    fn a_relative_sharing_a_surname_is_another_person() {
        let text = "Police shot Henrik Lamont Quell on Tuesday. Sunniva Quell can be heard on the \
                    video. Quell's family asked for calm.";
        let found = names(text);
        assert_eq!(
            found,
            vec![
                ("Henrik Lamont Quell".to_string(), 2),
                ("Sunniva Quell".to_string(), 1)
            ]
        );
    }

    #[test]
    fn titles_are_recorded_with_the_person() {
        let tokens = tokenize("Russian Foreign Minister Sergei Lavrov spoke.");
        let people = find_people(&tokens);
        assert_eq!(people.persons[0].titles, ["Russian Foreign Minister"]);
        assert!(people.persons[0].holds_role(&["minister".to_string()]));
    }

    /// Found while fuzzing: every name run was matched against every person with their name
    /// keys worked out again each time, so an article naming hundreds of people took seconds.
    #[test]
    fn hundreds_of_distinct_people_are_all_found() {
        // Distinct made-up names from the letters of a number: `Kb Lbb`, `Kc Lcb`, ...
        let name = |n: usize, first: char| {
            let mut word = first.to_string();
            let mut n = n;
            for _ in 0..3 {
                word.push(char::from(b'a' + (n % 26) as u8));
                n /= 26;
            }
            word
        };
        let text: String = (0..600)
            .map(|n| format!("President {} {} said it. ", name(n, 'K'), name(n, 'L')))
            .collect();
        let found = names(&text);
        assert_eq!(found.len(), 600, "{:?}", &found[..5]);
        assert!(found.iter().all(|(_, mentions)| *mentions == 1));
    }
}
