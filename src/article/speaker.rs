//! Who said a quotation. Reads the attribution frame beside a quote (`,” Lavrov noted`,
//! `said the minister`, `Lavrov acknowledged that “`, `X, a description, said:`, `“...” — X`)
//! and resolves its subject to a person of the article: names by their parts, `he`/`she` to the
//! person last speaking or last mentioned, and `the minister` to the person last named with that
//! title. When the text does not tell, the answer is `None`: no speaker beats a wrong one.

use super::lexicon::{Gender, Lexicon, is_attribution_adverb};
use super::people::{NameRun, People, match_person, read_run};
use super::tokens::{Token, is_quote_mark, is_sentence_end, token_at};

/// Words after which a capitalised run is a place or an object, not a speaker
/// (`in Salem`, `of New York`).
const PREPOSITIONS: &[&str] = &[
    "in", "at", "of", "from", "to", "for", "on", "near", "into", "across", "outside", "inside",
    "by", "with", "about", "against", "toward", "towards",
];

/// Determiners that open a role phrase (`the minister`, `the Russian foreign minister`).
const DETERMINERS: &[&str] = &["the", "a", "an", "his", "her", "its", "their", "our"];

/// The subject of an attribution frame, before resolution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Subject {
    /// `he`, `she`, with the gender the pronoun carries (`None` for `they`, `I`, `we`).
    Pronoun(Option<Gender>),
    /// `the Russian foreign minister`: the modifiers and the role noun.
    Role {
        /// Words before the role noun, lower case.
        modifiers: Vec<String>,
        /// The role noun, lower case.
        role: String,
    },
    /// A name, as its words.
    Name(Vec<String>),
    /// A named organisation (`The New York Post`, `Fox News`): it speaks, but is no person.
    Organisation(String),
    /// A subject that is not a person (`the ministry`, `Moscow`): the frame is there, but
    /// no person said it.
    Other,
}

/// An attribution frame found next to a quote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribution {
    /// Who the frame says spoke.
    pub subject: Subject,
    /// The verb of saying as written, if the frame has one (`noted`).
    pub cue: Option<String>,
    /// Byte offset of the subject in the text.
    pub at: usize,
    /// True when the frame touches the quote (`,” he said`), which vouches for a short quote.
    pub adjacent: bool,
}

fn pronoun(word: &str) -> Option<Option<Gender>> {
    // `He’s said`, `She'd told`: a contracted auxiliary leaves the pronoun.
    let bare = ["’s", "'s", "’d", "'d", "’ll", "'ll"]
        .iter()
        .find_map(|suffix| word.strip_suffix(suffix))
        .unwrap_or(word);
    // Compared without lower-casing: this runs on every token of every article.
    let is = |pronoun: &str| bare.eq_ignore_ascii_case(pronoun);
    if is("he") {
        Some(Some(Gender::Male))
    } else if is("she") {
        Some(Some(Gender::Female))
    } else if is("they") || is("i") || is("we") {
        Some(None)
    } else {
        None
    }
}

/// The gender of `he` or `she` (contracted too: `He’s`), or `None` for any other word.
pub fn gendered_pronoun(token: &Token) -> Option<Gender> {
    if token.is_word() {
        pronoun(token.text).flatten()
    } else {
        None
    }
}

/// Whether the sentence starting at token `start` opens on `he` or `she`.
pub fn opens_on_pronoun(tokens: &[Token], start: usize) -> bool {
    tokens
        .get(start)
        .is_some_and(|t| t.is_word() && pronoun(t.text).is_some_and(|g| g.is_some()))
}

fn is_lower_word(token: &Token, words: &[&str]) -> bool {
    token.is_word() && words.iter().any(|w| w.eq_ignore_ascii_case(token.text))
}

/// Whether `tokens[k]` is a quote mark that opens or closes a quote, not the apostrophe of a
/// plural possessive (`Sanders' campaign manager`).
fn is_quoting_mark(tokens: &[Token], k: usize) -> bool {
    let possessive = ["'", "’"].contains(&tokens[k].text)
        && k > 0
        && tokens[k - 1].end == tokens[k].start
        && tokens[k - 1].text.ends_with('s')
        && tokens.get(k + 1).is_some_and(|t| t.start > tokens[k].end);
    is_quote_mark(&tokens[k]) && !possessive
}

/// Reads a subject phrase forward from `tokens[k]`; returns it, its offset and the next index.
fn subject_forward(tokens: &[Token], k: usize, end: usize) -> Option<(Subject, usize, usize)> {
    let lexicon = Lexicon::get();
    let token = tokens.get(k).filter(|_| k < end)?;
    if !token.is_word() {
        return None;
    }
    if let Some(gender) = pronoun(token.text) {
        return Some((Subject::Pronoun(gender), token.start, k + 1));
    }
    if is_lower_word(token, DETERMINERS) {
        // `the OSCE said`, `the Foreign Ministry said`: a capitalised name right before the
        // verb is an organisation's.
        if tokens
            .get(k + 1)
            .is_some_and(|t| k + 1 < end && t.is_capitalized())
        {
            let run = read_run(tokens, k + 1);
            let next = run.next.min(end);
            if next > k + 1
                && speech_verb_width(tokens, next).is_some()
                && let organisation @ Subject::Organisation(_) = organisation(&tokens[k..next])
            {
                return Some((organisation, token.start, next));
            }
        }
        let mut modifiers = Vec::new();
        let mut j = k + 1;
        while j < end && j <= k + 6 && tokens[j].is_word() {
            let word = tokens[j].text.to_lowercase();
            if lexicon.is_role(&word)
                && !tokens
                    .get(j + 1)
                    .is_some_and(|t| t.is_word() && j + 1 < end && lexicon.is_role(t.text))
            {
                return Some((
                    Subject::Role {
                        modifiers,
                        role: word,
                    },
                    token.start,
                    j + 1,
                ));
            }
            if lexicon.speech_verb(&word).is_some() {
                break;
            }
            modifiers.push(word);
            j += 1;
        }
        return Some((Subject::Other, token.start, j));
    }
    if token.is_capitalized() {
        let run = past_owner(tokens, read_run(tokens, k), end);
        let next = run.next.max(k + 1).min(end.max(k + 1));
        if company_name(&run) {
            return Some((organisation(&tokens[k..next]), token.start, next));
        }
        if !run.name.is_empty() {
            let parts = run.name.iter().map(|t| t.text.to_string()).collect();
            return Some((Subject::Name(parts), run.name[0].start, next));
        }
        if let Some(title) = run.title {
            let words: Vec<String> = title.split_whitespace().map(str::to_lowercase).collect();
            if let Some((role, modifiers)) = words.split_last() {
                return Some((
                    Subject::Role {
                        modifiers: modifiers.to_vec(),
                        role: role.clone(),
                    },
                    token.start,
                    next,
                ));
            }
        }
        return Some((organisation(&tokens[k..next]), token.start, next));
    }
    None
}

/// A description of a person by their role at `tokens[k]` (`The Florida senator sought`,
/// `the former president said`), followed by no name (`the senator Jo Kohan` is a name with
/// its title): the role, and the index after it.
pub fn description_subject(tokens: &[Token], k: usize) -> Option<(Subject, usize)> {
    if !is_lower_word(tokens.get(k)?, &["the"]) {
        return None;
    }
    match subject_forward(tokens, k, tokens.len())? {
        (role @ Subject::Role { .. }, _, next)
            if tokens
                .get(next)
                .is_some_and(|t| t.is(',') || t.is_word() && !t.is_capitalized()) =>
        {
            Some((role, next))
        }
        _ => None,
    }
}

/// `NBC's Dante Chinni`, `The Blaze's Matt Walsh`: a name in the possessive followed by another
/// name is the second one's employer; the run of the second name is returned then (within
/// `end`), else `run` itself.
fn past_owner<'a>(tokens: &[Token<'a>], run: NameRun<'a>, end: usize) -> NameRun<'a> {
    let possessive = run
        .name
        .last()
        .is_some_and(|t| super::people::is_possessive(t.text));
    if possessive && run.next < end && tokens[run.next].is_capitalized() {
        let owned = read_run(tokens, run.next);
        if !owned.name.is_empty() {
            return owned;
        }
    }
    run
}

/// `Clinton campaign spokesman Brian Fallon`: a name before a role of a few lower-case words
/// and another name is the second one's employer; the second run is returned then (within
/// `end`), else `run` itself.
fn past_employer<'a>(tokens: &[Token<'a>], run: NameRun<'a>, end: usize) -> NameRun<'a> {
    let lexicon = Lexicon::get();
    let mut j = run.next;
    while j < end && j < run.next + 3 && tokens[j].is_word() && !tokens[j].is_capitalized() {
        j += 1;
    }
    let role = (run.next..j).any(|k| lexicon.is_role(tokens[k].text));
    if run.name.is_empty() || !role || j >= end || !tokens[j].is_capitalized() {
        return run;
    }
    let employee = read_run(tokens, j);
    if employee.name.is_empty() {
        run
    } else {
        employee
    }
}

/// A name right after a place that no given name opens (`Ohio Edison`, `Iowa Beef`) names a
/// company, not a person (`Ohio's Sherrod Brown` is a person: the possessive says so).
fn company_name(run: &NameRun) -> bool {
    run.after_place
        && run
            .name
            .first()
            .is_some_and(|t| !Lexicon::get().is_given_name(t.text))
}

/// A capitalised run that names no person: an organisation when its words are not a place, a
/// nationality or a word that is never part of a name (`Moscow`, `Officials`); else `Other`.
fn organisation(run: &[Token]) -> Subject {
    let lexicon = Lexicon::get();
    let words: Vec<&str> = run
        .iter()
        .filter(|t| t.is_word())
        .map(|t| t.text)
        .skip_while(|w| w.eq_ignore_ascii_case("the"))
        .collect();
    let name = words.join(" ");
    let is_org = !words.is_empty()
        && lexicon.place(&name).is_none()
        && !(words.len() == 1 && (lexicon.is_not_name(words[0]) || lexicon.is_role(words[0])))
        && words.iter().any(|w| lexicon.place(w).is_none());
    if is_org {
        Subject::Organisation(name)
    } else {
        Subject::Other
    }
}

/// Reads a subject phrase that ends at `tokens[k]` (inclusive), walking backwards.
fn subject_backward(tokens: &[Token], k: usize, floor: usize) -> Option<(Subject, usize)> {
    let lexicon = Lexicon::get();
    let token = tokens.get(k)?;
    if k < floor {
        return None;
    }
    if token.is(',') {
        // `Name, a description, said`: skip the apposition back to its opening comma.
        let mut j = k;
        while j > floor && k - j < MAX_APPOSITION_TOKENS {
            j -= 1;
            if tokens[j].is(',') {
                // `China's chief negotiator, Xu Dongsheng, told`: the apposition is the name,
                // unless it is the state after a town (`from Sumter, South Carolina, says`).
                let mut town = j;
                while town > floor && tokens[town - 1].is_capitalized() {
                    town -= 1;
                }
                let after_town =
                    town < j && town > floor && is_lower_word(&tokens[town - 1], PREPOSITIONS);
                if tokens[j + 1].is_capitalized() && !after_town {
                    let run = read_run(tokens, j + 1);
                    if !run.name.is_empty() && run.next == k && !company_name(&run) {
                        let parts = run.name.iter().map(|t| t.text.to_string()).collect();
                        return Some((Subject::Name(parts), run.name[0].start));
                    }
                }
                // `Rep. Jo Kohan (D-Md.), chair of the panel, said`: past the parenthesis.
                let mut before = j.checked_sub(1);
                if let Some(close) = before.filter(|&b| b > floor && tokens[b].is(')')) {
                    before = (floor..close)
                        .rev()
                        .take(12)
                        .find(|&o| tokens[o].is('('))
                        .and_then(|open| open.checked_sub(1));
                }
                let found = before
                    .and_then(|before| subject_backward(tokens, before, floor))
                    .filter(|(s, _)| matches!(s, Subject::Name(_) | Subject::Pronoun(_)));
                // `Brianne Stone, 29, of Huntsville, Ala., says`: a place inside a longer
                // apposition is not the speaker; look one comma further back.
                let is_place = |start: usize| {
                    let i = token_at(tokens, start);
                    i > floor && is_lower_word(&tokens[i - 1], PREPOSITIONS)
                };
                // `Scott Pruitt, the attorney general of Oklahoma, one of the states suing,
                // said`: a description before this one is read back to its name too.
                let further_back = |from: usize| {
                    let comma = (floor + 1..from)
                        .rev()
                        .take(MAX_APPOSITION_TOKENS)
                        .find(|&c| tokens[c].is(','))?;
                    let is_name = |found: &(Subject, usize)| matches!(found.0, Subject::Name(_));
                    subject_backward(tokens, comma - 1, floor)
                        .filter(is_name)
                        .or_else(|| subject_backward(tokens, comma, floor).filter(is_name))
                };
                return match found {
                    Some((Subject::Name(_), at)) if is_place(at) => {
                        let place = token_at(tokens, at);
                        (floor..place)
                            .rev()
                            .find(|&c| tokens[c].is(','))
                            .and_then(|comma| subject_backward(tokens, comma, floor))
                    }
                    None => further_back(j),
                    other => other,
                };
            }
            if is_sentence_end(tokens, j) || is_quoting_mark(tokens, j) {
                return None;
            }
        }
        return None;
    }
    if !token.is_word() {
        return None;
    }
    if let Some(gender) = pronoun(token.text) {
        return Some((Subject::Pronoun(gender), token.start));
    }
    if token.is_capitalized() {
        // `Cantonal Bank's Fritschi said`: a possessive before the name is its employer.
        let mut start = k;
        while start > floor
            && !super::people::is_possessive(tokens[start - 1].text)
            && (tokens[start - 1].is_capitalized()
                || (tokens[start - 1].is('.') && start >= 2 && tokens[start - 2].is_capitalized())
                || (tokens[start - 1].is_word() && lexicon.is_particle(tokens[start - 1].text)))
        {
            start -= 1;
        }
        // `Birgit Mahlberg of the Baltic Marine Alliance said`: the speaker is the one before `of`.
        let mut before = start;
        if before > floor + 1 && is_lower_word(&tokens[before - 1], &["the"]) {
            before -= 1;
        }
        // `Hans Ast of Sogenal (SGA) in Zurich said`: a parenthesis before the preposition is
        // passed over.
        let mut owner = before.saturating_sub(2);
        if owner > floor && tokens[owner].is(')') {
            owner = (floor..owner)
                .rev()
                .take(8)
                .find(|&j| tokens[j].is('('))
                .map_or(owner, |open| open.saturating_sub(1));
        }
        if before > floor + 1
            && is_lower_word(&tokens[before - 1], &["of", "at", "from", "for", "in"])
            && let Some(found) = subject_backward(tokens, owner, floor)
            && !matches!(found.0, Subject::Other)
        {
            return Some(found);
        }
        let run = read_run(tokens, start);
        // `the Harbour Pilots Guild said`: no person's name follows `the` without a title.
        // (`the Exchequer Nigel Lawson`: a given name after other words opens a name.)
        let after_the = (tokens[start].text == "The"
            || (start > floor && is_lower_word(&tokens[start - 1], &["the"])))
            && run.title.is_none()
            && run.name.first().is_some_and(|t| {
                t.start == tokens[start].start || !Lexicon::get().is_given_name(t.text)
            });
        if !run.name.is_empty()
            && run.name.last().is_some_and(|t| t.end == token.end)
            && !company_name(&run)
            && !after_the
        {
            let parts = run.name.iter().map(|t| t.text.to_string()).collect();
            return Some((Subject::Name(parts), run.name[0].start));
        }
        let next = tokens.get(start).map_or(token.start, |t| t.start);
        return Some((organisation(&tokens[start..=k]), next));
    }
    if lexicon.is_role(token.text) {
        let mut modifiers = Vec::new();
        let mut j = k;
        while j > floor && k - j < 6 {
            j -= 1;
            if is_lower_word(&tokens[j], DETERMINERS) {
                modifiers.reverse();
                return Some((
                    Subject::Role {
                        modifiers,
                        role: token.text.to_lowercase(),
                    },
                    tokens[j].start,
                ));
            }
            // `..., Russian presidential spokesman stressed that`: a role with no determiner
            // after a comma, or opening the sentence, is a subject too.
            // (`Manafort's attorney has acknowledged`: someone's employee is no one we know.)
            let owned =
                |modifiers: &[String]| modifiers.iter().any(|m| super::people::is_possessive(m));
            if !tokens[j].is_word() {
                let opens_phrase = [',', ';', ':', '—'].iter().any(|&p| tokens[j].is(p));
                return (opens_phrase && !modifiers.is_empty() && !owned(&modifiers)).then(|| {
                    modifiers.reverse();
                    (
                        Subject::Role {
                            modifiers,
                            role: token.text.to_lowercase(),
                        },
                        tokens[j + 1].start,
                    )
                });
            }
            modifiers.push(tokens[j].text.to_lowercase());
        }
        if j == floor
            && !modifiers.is_empty()
            && k - j < 6
            && !modifiers.iter().any(|m| super::people::is_possessive(m))
        {
            modifiers.reverse();
            return Some((
                Subject::Role {
                    modifiers,
                    role: token.text.to_lowercase(),
                },
                tokens[floor].start,
            ));
        }
        return None;
    }
    None
}

/// Is `tokens[k]` a verb of saying (one word or the start of a multiword one)? Returns its width.
fn speech_verb_width(tokens: &[Token], k: usize) -> Option<usize> {
    let lexicon = Lexicon::get();
    let token = tokens.get(k)?;
    // A capitalised verb only opens a sentence (`Said Dorothy Poynter, ...: “`).
    let opens_sentence = k == 0 || is_sentence_end(tokens, k - 1);
    if !token.is_word() || (token.is_capitalized() && !opens_sentence) {
        return None;
    }
    // After a determiner the word is a noun (`the talks`, `a statement`), not a verb. (After a
    // possessive it is a noun too, but one that reports its owner's words: `Kohan's call for
    // a “review”`.)
    if k > 0
        && is_lower_word(
            &tokens[k - 1],
            &[
                "the", "a", "an", "this", "these", "those", "its", "their", "our", "his", "her",
            ],
        )
    {
        return None;
    }
    let words: Vec<&str> = tokens[k..].iter().take(3).map(|t| t.text).collect();
    if let Some(width) = lexicon.multiword_speech_verb(&words) {
        return Some(width);
    }
    lexicon.speech_verb(token.text).map(|_| 1)
}

/// Whether a lower-case verb of saying (weak or strong) stands at `tokens[k]`.
pub fn is_speech_verb_at(tokens: &[Token], k: usize) -> bool {
    tokens.get(k).is_some_and(|t| !t.is_capitalized()) && speech_verb_width(tokens, k).is_some()
}

/// The attribution after a quote: tokens from `from` (the first after the closing mark) up to
/// `end` (the next quote or the paragraph's end).
pub fn attribution_after(tokens: &[Token], from: usize, end: usize) -> Option<Attribution> {
    let mut k = from;
    while k < end && (tokens[k].is(',') || tokens[k].is(';')) {
        k += 1;
    }
    if k >= end {
        return None;
    }
    // `“That makes me smart,” when Clinton blasted him`: a clause of its own, no frame; but
    // `“...” if she loses, said Kohan` is framed after the clause.
    let subordinate = is_lower_word(&tokens[k], SUBORDINATORS);
    // Verbless `“...” — Name`.
    if ["—", "–", "-", "―"].iter().any(|d| tokens[k].text == *d) {
        let (subject, at, _) = subject_forward(tokens, k + 1, end)?;
        return matches!(subject, Subject::Name(_)).then_some(Attribution {
            subject,
            cue: None,
            at,
            adjacent: true,
        });
    }
    // The verb of saying that ends the frame, within the sentence (`, WADA spokeswoman Ingrid
    // Halvorsen told reporters`, `,” the minister noted`).
    // An apposition may make the frame long (`“...,” Trump, the party's frontrunner and ...,
    // said`): then the name must come first and a comma right after it.
    let apposition = tokens[k].is_capitalized() && {
        let run = read_run(tokens, k);
        !run.name.is_empty() && tokens.get(run.next).is_some_and(|t| t.is(','))
    };
    let reach = if apposition { 40 } else { 16 };
    let mut v = k;
    let mut depth = 0usize;
    while v < end && v - k <= reach {
        // Dots inside a parenthesis (`(D-Mo.)`) end no sentence.
        if tokens[v].is('(') {
            depth += 1;
        } else if tokens[v].is(')') {
            depth = depth.saturating_sub(1);
        } else if depth == 0 && (is_sentence_end(tokens, v) || is_quoting_mark(tokens, v)) {
            return None;
        }
        if speech_verb_width(tokens, v).is_some() {
            break;
        }
        v += 1;
    }
    if v >= end || v - k > reach || subordinate && !tokens[k..v].iter().any(|t| t.is(',')) {
        return None;
    }
    let cue = Some(tokens[v].text.to_string());
    // `“...,” referencing the crowd`, `“...,” adding that ...`: a participle speaks for the
    // sentence's subject, which a frame before the quote or the sentence names.
    if v == k && !tokens[v].is_capitalized() && tokens[v].text.ends_with("ing") {
        return None;
    }
    if v == k {
        // `said Lavrov`, `added the minister`, `said its owner, Name`.
        let width = speech_verb_width(tokens, v).unwrap_or(1);
        let (mut subject, mut at, next) = match subject_forward(tokens, v + width, end) {
            Some(found) => found,
            None => {
                let (parts, at) = name_after_description(tokens, v + width, end)?;
                (Subject::Name(parts), at, end)
            }
        };
        if !matches!(subject, Subject::Name(_) | Subject::Pronoun(_))
            && tokens.get(next).is_some_and(|t| t.is(','))
            && let Some((Subject::Name(parts), name_at, _)) = subject_forward(tokens, next + 1, end)
        {
            subject = Subject::Name(parts);
            at = name_at;
        }
        // `said former state governor Jon Kohan`, `said the Rev. Jon Kohan`: a description
        // before the name is no subject of its own.
        if !matches!(subject, Subject::Name(_) | Subject::Pronoun(_))
            && let Some((parts, name_at)) = name_after_description(tokens, v + width, end)
        {
            subject = Subject::Name(parts);
            at = name_at;
        }
        // `“...,” denounced her record as secretary`: a weak verb inverts over no description.
        if matches!(subject, Subject::Role { .. })
            && !Lexicon::get().is_strong_speech_verb(tokens[v].text)
        {
            return None;
        }
        // `said Ayotte campaign manager Jon Kohan`, `said Marquette pollster Charles Franklin`,
        // `said Air Force 1st Lt. Tyler Livingston`: an employer and a role before a full name,
        // which is the speaker.
        if matches!(subject, Subject::Name(_))
            && let Some((parts, name_at)) = name_after_employer(tokens, next, end)
        {
            subject = Subject::Name(parts);
            at = name_at;
        }
        return Some(Attribution {
            subject,
            cue,
            at,
            adjacent: true,
        });
    }
    // `“...” in the 2008 primary, said professor Jo Kohan.`: the verb after a comma is
    // inverted, and the name after it speaks.
    // (`, told CBS` names who was told, not who spoke.)
    if tokens[v - 1].is(',') && !is_lower_word(&tokens[v], TAKES_A_HEARER) {
        let width = speech_verb_width(tokens, v).unwrap_or(1);
        let named = match subject_forward(tokens, v + width, end) {
            Some((Subject::Name(parts), at, _)) => Some((parts, at)),
            _ => name_after_description(tokens, v + width, end),
        };
        if let Some((parts, at)) = named {
            return Some(Attribution {
                subject: Subject::Name(parts),
                cue,
                at,
                adjacent: true,
            });
        }
    }
    let mut s = v - 1;
    while s > k && is_attribution_adverb(tokens[s].text) {
        s -= 1;
    }
    // `Sen. Claire McCaskill (D-Mo.) said`: skip the parenthesis.
    if tokens[s].is(')')
        && let Some(open) = (k..s).rev().find(|&j| tokens[j].is('('))
        && open > k
    {
        s = open - 1;
    }
    let (subject, at) = subject_backward(tokens, s, k)?;
    Some(Attribution {
        subject,
        cue,
        at,
        adjacent: true,
    })
}

/// Conjunctions that open a clause of its own after a quote (`“...,” when Clinton blasted him`).
/// Not `as`: `“...,” as Kohan put it` is a frame.
const SUBORDINATORS: &[&str] = &[
    "when", "while", "after", "before", "because", "if", "since", "although", "though", "until",
    "unless", "whereas",
];

/// How far back (in tokens) an apposition between commas is read (`Malkia Cyril, the executive
/// director at the Center of Media Justice and also in the film, told`).
const MAX_APPOSITION_TOKENS: usize = 24;

/// Verbs of saying whose object is the one spoken to (`told CBS`), so that the name after
/// them is no subject.
const TAKES_A_HEARER: &[&str] = &["told", "tells", "tell", "telling", "asked", "asks", "urged"];

/// Words that end a description before a name: what follows them belongs to another phrase
/// (`said a lawyer for Jon Kohan`, `said that Kohan`).
const NOT_IN_DESCRIPTION: &[&str] = &[
    "that", "who", "which", "and", "or", "but", "when", "while", "as", "after", "before", "he",
    "she", "they", "it", "was", "is", "has", "had",
];

/// The name that a short description leads up to, right after a verb of saying: `said former
/// state governor Jon Kohan.`, `said Democratic pollster Jon Kohan, who`. The name must close the
/// phrase (`said a Kohan spokesman` names the spokesman, not Kohan). Reads at most 8 tokens.
fn name_after_description(
    tokens: &[Token],
    from: usize,
    end: usize,
) -> Option<(Vec<String>, usize)> {
    let mut j = from;
    while j < end && j < from + 8 {
        let token = &tokens[j];
        // `said 9/11 widow Terry Strada`: a date or a number may describe.
        let numeric = token
            .text
            .chars()
            .all(|c| c.is_ascii_digit() || c == '/' || c == '-');
        if numeric {
            j += 1;
            continue;
        }
        if breaks_description(token) {
            return None;
        }
        if token.is_capitalized() {
            let run = read_run(tokens, j);
            // (`said former executive Carly Fiorina during the debate`: a preposition or a
            // clause may follow the name.)
            let closes = tokens.get(run.next).is_none_or(|t| {
                run.next >= end
                    || !t.is_word()
                    || is_lower_word(t, PREPOSITIONS)
                    || is_lower_word(t, NOT_IN_DESCRIPTION)
                    || is_lower_word(t, &["during", "on", "for", "about", "with"])
            });
            if !run.name.is_empty() && closes && !company_name(&run) {
                let parts = run.name.iter().map(|t| t.text.to_string()).collect();
                return Some((parts, run.name[0].start));
            }
            j = run.next.max(j + 1);
        } else {
            j += 1;
        }
    }
    None
}

/// Whether `token` cannot stand in a description before a name: punctuation, a preposition or
/// a word that opens another phrase (`said a lawyer for Jon Kohan`, `said that Kohan`).
fn breaks_description(token: &Token) -> bool {
    !token.is_word()
        || is_lower_word(token, PREPOSITIONS)
        || is_lower_word(token, NOT_IN_DESCRIPTION)
}

/// The full name that ends a description after an employer's name, read from `from` (the word
/// after the employer): lower-case words of a role, numbers and capitalised words that are no
/// name (`pollster`, `ranking Democrat`, `Force 1st`), then a name of two words or more, or one
/// with a title, that no capitalised word follows. Reads at most 6 tokens before the name.
fn name_after_employer(tokens: &[Token], from: usize, end: usize) -> Option<(Vec<String>, usize)> {
    let mut j = from;
    while j < end && j < from + 6 {
        let token = &tokens[j];
        if breaks_description(token) {
            return None;
        }
        if token.is_capitalized() {
            let run = read_run(tokens, j);
            if run.name.is_empty() {
                j = run.next.max(j + 1);
                continue;
            }
            let closes = tokens
                .get(run.next)
                .is_none_or(|t| run.next >= end || !t.is_capitalized());
            let full = run.name.len() >= 2 || run.title.is_some();
            // (`said United Steelworkers Political Director Tim Waters`: a title may follow the
            // employer directly.)
            if (j == from && run.title.is_none()) || !closes || !full || company_name(&run) {
                return None;
            }
            let parts = run.name.iter().map(|t| t.text.to_string()).collect();
            return Some((parts, run.name[0].start));
        }
        j += 1;
    }
    None
}

/// Words allowed between a verb of saying and the quote it introduces
/// (`told reporters in Moscow on Tuesday: “`).
fn may_follow_verb(token: &Token) -> bool {
    !token.is('.') && !token.is('?') && !token.is('!') && !token.is_break()
}

/// The attribution before a quote: tokens from `floor` (the sentence's start) up to `open`
/// (the opening mark's token).
pub fn attribution_before(tokens: &[Token], floor: usize, open: usize) -> Option<Attribution> {
    let lexicon = Lexicon::get();
    if open == 0 || open <= floor {
        return None;
    }
    // Verbless `Name: “...”` and `According to Name, “...”`.
    // (`Trump wrote to Roffman: “...”`: a name after `to`, `with` ... or a verb is who was
    // addressed, and the verb's subject speaks; `More from Jones:` names the source.)
    let last = open - 1;
    if tokens[last].is(':')
        && last > floor
        && let Some((subject, at)) = subject_backward(tokens, last - 1, floor)
        && matches!(subject, Subject::Name(_))
        && token_at(tokens, at).checked_sub(1).is_none_or(|b| {
            b < floor
                || !(is_lower_word(&tokens[b], &["to", "with", "at", "for", "about", "against"])
                    || speech_verb_width(tokens, b).is_some())
        })
    {
        return Some(Attribution {
            subject,
            cue: None,
            at,
            adjacent: true,
        });
    }
    // The nearest verb of saying before the quote, in the same sentence. A weak verb
    // (`described the meeting as “...”`) counts only right beside the quote, or before the
    // colon that opens it (`Kelly responded pointedly, with a smile: “...”`).
    let weak_reach = if tokens[last].is(':') { 8 } else { 4 };
    let mut from = last;
    loop {
        let mut v = from;
        loop {
            if speech_verb_width(tokens, v).is_some()
                && (lexicon.is_strong_speech_verb(tokens[v].text) || last - v <= weak_reach)
            {
                break;
            }
            if v == floor || !may_follow_verb(&tokens[v]) || last - v > 30 {
                return according_to(tokens, floor, open)
                    .or_else(|| sentence_frame(tokens, floor, open));
            }
            v -= 1;
        }
        if let Some(frame) = frame_at_verb(tokens, floor, open, v) {
            return Some(frame);
        }
        // A verb with no subject is most often a noun (`when the email story broke, “`,
        // `Trump's over-the-top comments make him wish ... “`): a verb further back may still
        // frame the quote (`Kohan said in May, when ..., “`).
        if v == floor {
            return None;
        }
        from = v - 1;
    }
}

/// The frame of a quote opening at `open` whose verb of saying is `tokens[v]`.
fn frame_at_verb(tokens: &[Token], floor: usize, open: usize, v: usize) -> Option<Attribution> {
    let lexicon = Lexicon::get();
    let last = open - 1;
    // `Said Dorothy Poynter, who grew up with him, “...”`: the subject follows the verb.
    if tokens[v].is_capitalized() {
        let (subject, at, _) = subject_forward(tokens, v + 1, open)?;
        return Some(Attribution {
            subject,
            cue: Some(tokens[v].text.to_string()),
            at,
            adjacent: false,
        });
    }
    let adjacent = last - v <= 6
        && tokens[v + 1..open]
            .iter()
            .all(|t| !t.is(',') || tokens[open - 1].is(','));
    let cue = Some(tokens[v].text.to_string());
    // `Trump shot back in a statement, saying he's “...”`: a participle after a comma speaks
    // for the sentence's subject.
    // (`Mateen left early, Nefzi said, adding, “...”`: the subject of the verb of saying
    // before the participle, if there is one.)
    if v > floor && tokens[v - 1].is(',') && tokens[v].text.ends_with("ing") {
        let said = (v >= floor + 2)
            .then(|| v - 2)
            .filter(|&u| speech_verb_width(tokens, u) == Some(1) && !tokens[u].is_capitalized())
            .and_then(|u| verb_subject(tokens, floor, u));
        let (subject, at) = said.or_else(|| sentence_subject(tokens, floor, v))?;
        return Some(Attribution {
            subject,
            cue,
            at,
            adjacent,
        });
    }
    let mut s = v.checked_sub(1)?;
    loop {
        if s > floor && is_attribution_adverb(tokens[s].text) {
            s -= 1;
        } else if s > floor + 1
            && is_lower_word(
                &tokens[s - 1],
                &["on", "last", "this", "late", "early", "later", "earlier"],
            )
            && Lexicon::get().is_not_name(tokens[s].text)
            && tokens[s].is_capitalized()
        {
            // `who Beck on Wednesday called “...”`: a day between subject and verb.
            s -= 2;
        } else {
            break;
        }
    }
    if s < floor {
        return None;
    }
    // `Rep. Paul Ryan (R-WI) said “...”`: skip the parenthesis.
    if tokens[s].is(')')
        && let Some(open) = (floor..s).rev().find(|&j| tokens[j].is('('))
        && open > floor
    {
        s = open - 1;
    }
    // `Kohan did not name anyone, but told the crowd, “...”`: when no subject stands right before
    // a strong verb that opens the quote, the sentence's subject spoke.
    let (subject, at) = subject_backward(tokens, s, floor).or_else(|| {
        (adjacent && lexicon.is_strong_speech_verb(tokens[v].text))
            .then(|| sentence_subject(tokens, floor, v))?
    })?;
    Some(Attribution {
        subject,
        cue,
        at,
        adjacent,
    })
}

/// The last resort for a quote with no frame beside it: a sentence whose subject is a person
/// and which has a verb of saying, weak or strong, before the quote (`Carson took the stage
/// and called the system “rotten to the core”`).
fn sentence_frame(tokens: &[Token], floor: usize, open: usize) -> Option<Attribution> {
    let v = (floor..open)
        .rev()
        .find(|&j| speech_verb_width(tokens, j).is_some() && !tokens[j].is_capitalized())?;
    // A pronoun right before the verb is its subject (`In an interview he blasted the
    // press as “...”`); further off, only a name is trusted.
    let (subject, at) = verb_subject(tokens, floor, v).or_else(|| {
        sentence_subject(tokens, floor, v).filter(|(s, _)| matches!(s, Subject::Name(_)))
    })?;
    Some(Attribution {
        subject,
        cue: Some(tokens[v].text.to_string()),
        at,
        adjacent: false,
    })
}

/// The person a sentence of reported speech (`Kohan said the vote was rigged.`) gives the
/// floor to: a name or pronoun subject before its first verb of saying, in `floor..end`.
pub fn reported_speech(tokens: &[Token], floor: usize, end: usize) -> Option<Attribution> {
    let v = (floor..end)
        .find(|&j| speech_verb_width(tokens, j).is_some() && !tokens[j].is_capitalized())?;
    let (subject, at) = person_subject(tokens, floor, v)?;
    Some(Attribution {
        subject,
        cue: Some(tokens[v].text.to_string()),
        at,
        adjacent: false,
    })
}

/// The subject of a lead-in sentence that ends with a colon but has no verb of saying
/// (`Kohan issued the following statement:`), in `floor..end`.
pub fn lead_in_subject(tokens: &[Token], floor: usize, end: usize) -> Option<Attribution> {
    let (subject, at) = person_subject(tokens, floor, end)?;
    Some(Attribution {
        subject,
        cue: None,
        at,
        adjacent: false,
    })
}

/// The subject of the clause that runs from `floor` to `before`, when it names someone or stands
/// for someone (`In recent weeks, Reid has gone after Trump as a “...”`), as `sentence_subject`
/// reads it.
pub fn clause_subject(tokens: &[Token], floor: usize, before: usize) -> Option<(Subject, usize)> {
    sentence_subject(tokens, floor, before)
        .filter(|(subject, _)| matches!(subject, Subject::Name(_) | Subject::Pronoun(Some(_))))
}

/// [`sentence_subject`], when it names a person or stands for one.
fn person_subject(tokens: &[Token], floor: usize, before: usize) -> Option<(Subject, usize)> {
    verb_subject(tokens, floor, before)
        .or_else(|| sentence_subject(tokens, floor, before))
        .filter(|(subject, _)| matches!(subject, Subject::Name(_) | Subject::Pronoun(Some(_))))
}

/// The name or pronoun right before the verb at `v` (adverbs skipped): `At a dinner with
/// Jon Kohan, Ilse Marwood called ...` is Marwood's sentence, not its first name's.
fn verb_subject(tokens: &[Token], floor: usize, v: usize) -> Option<(Subject, usize)> {
    let mut s = v.checked_sub(1)?;
    while s > floor && is_attribution_adverb(tokens[s].text) {
        s -= 1;
    }
    if s < floor || !tokens[s].is_word() {
        return None;
    }
    subject_backward(tokens, s, floor)
        .filter(|(subject, _)| matches!(subject, Subject::Name(_) | Subject::Pronoun(Some(_))))
}

/// The first person-like subject of the clause of a sentence that ends at `before`: a pronoun
/// or a name, skipping an opening adverbial (`Hours later, Trump ...`). A sentence of two
/// clauses (`Ames spoke first, and Beck added by saying:`) gives the last clause's subject,
/// or the sentence's when that clause has none.
fn sentence_subject(tokens: &[Token], floor: usize, before: usize) -> Option<(Subject, usize)> {
    let clause = (floor..before)
        .rev()
        .find(|&j| {
            tokens[j].is(';')
                || (tokens[j].is(',')
                    && tokens
                        .get(j + 1)
                        .is_some_and(|t| is_lower_word(t, CLAUSE_CONJUNCTIONS)))
        })
        .map(|j| j + 1);
    clause
        .and_then(|start| first_subject(tokens, start, before))
        .or_else(|| first_subject(tokens, floor, before))
}

/// Words that open a second clause after a comma.
const CLAUSE_CONJUNCTIONS: &[&str] = &["and", "but", "while", "whereas"];

/// Where the main clause of the sentence starting at token `sentence` starts, looking no
/// further than `before`: after the comma that ends an opening clause (`When Trump suggested
/// ..., Rubio fired back`, `In describing Trump, Cuban said`, `Preceded by Arpaio, Trump
/// spoke`), else at the sentence's start.
pub fn main_clause_start(tokens: &[Token], sentence: usize, before: usize) -> usize {
    if !tokens.get(sentence).is_some_and(opens_clause) && !opens_on_adverb(tokens, sentence) {
        return sentence;
    }
    // (An opening clause is short: the search is bounded, so that a sentence of thousands of
    // names is not walked once for each.)
    (sentence..before.min(tokens.len()).min(sentence + MAX_OPENING_CLAUSE))
        .find(|&k| tokens[k].is(',') || is_sentence_end(tokens, k))
        .filter(|&k| tokens[k].is(','))
        .map_or(sentence, |comma| comma + 1)
}

/// The most tokens an opening clause runs before its comma.
const MAX_OPENING_CLAUSE: usize = 40;

/// Whether a sentence opening on `token` opens on a clause or phrase before its subject: a
/// subordinating conjunction, a preposition or a participle (`When`, `In`, `Preceded`).
/// (`According to Ham, ...` names its source; `..., when asked about Trump, Obama said` may
/// follow a quote in lower case.)
pub fn opens_clause(token: &Token) -> bool {
    is_lower_word(token, SUBORDINATORS)
        || token.is_capitalized()
            && (is_lower_word(token, CLAUSE_OPENERS)
                || token.text.len() > 5
                    && (token.text.ends_with("ing") || token.text.ends_with("ed"))
                    && token.text != "According")
}

/// Whether the sentence at `sentence` opens on an adverb of time before a phrase (`Early in
/// his campaign, ...`, `Immediately after the attacks, ...`, `Later that day, ...`): such a
/// word is no name, and the phrase is no subject.
fn opens_on_adverb(tokens: &[Token], sentence: usize) -> bool {
    let Some(first) = tokens.get(sentence).filter(|t| t.is_capitalized()) else {
        return false;
    };
    let adverb = first.text.ends_with("ly") || is_lower_word(first, &["later", "earlier"]);
    adverb
        && !Lexicon::get().is_given_name(first.text)
        && tokens.get(sentence + 1).is_some_and(|t| {
            is_lower_word(t, PREPOSITIONS)
                || is_lower_word(
                    t,
                    &["after", "before", "on", "during", "that", "this", "last"],
                )
        })
}

/// Prepositions that open a sentence with a phrase before its subject (`In an interview,
/// Kohan said`, `With Garland, Obama made ...`). Not `to`: `To professor Kohan, it seemed ...`
/// names whose view the sentence gives.
const CLAUSE_OPENERS: &[&str] = &[
    "in",
    "at",
    "on",
    "during",
    "despite",
    "following",
    "with",
    "without",
    "for",
    "like",
    "unlike",
    "amid",
    "under",
    "from",
    "by",
    "as",
    "once",
];

/// [`sentence_subject`] from `floor` on, whatever the clauses. An opening clause (`When Trump
/// suggested ..., Rubio fired back`) is skipped to the comma that ends it.
fn first_subject(tokens: &[Token], floor: usize, before: usize) -> Option<(Subject, usize)> {
    let mut j = main_clause_start(tokens, floor, before);
    while j < before {
        let token = &tokens[j];
        if let Some(gender) = pronoun(token.text) {
            return Some((Subject::Pronoun(gender), token.start));
        }
        if token.is_capitalized() {
            let run = past_owner(tokens, read_run(tokens, j), before);
            let run = past_employer(tokens, run, before);
            let after_preposition = j > floor && is_lower_word(&tokens[j - 1], PREPOSITIONS);
            if !run.name.is_empty() && !after_preposition && !company_name(&run) {
                let parts = run.name.iter().map(|t| t.text.to_string()).collect();
                return Some((Subject::Name(parts), run.name[0].start));
            }
            j = run.next.max(j + 1);
            continue;
        }
        j += 1;
    }
    None
}

/// `According to Trump, he was ... “...”`: the source a sentence opens with.
fn according_to(tokens: &[Token], floor: usize, open: usize) -> Option<Attribution> {
    let start = (floor..open.saturating_sub(2)).find(|&j| {
        tokens[j].text.eq_ignore_ascii_case("according") && tokens[j + 1].text == "to"
    })?;
    let (subject, at, _) = subject_forward(tokens, start + 2, open)?;
    Some(Attribution {
        subject,
        cue: Some("according to".into()),
        at,
        adjacent: false,
    })
}

/// The start of the sentence of every token `k` (and of `k == tokens.len()`), as
/// [`sentence_start`] gives it with a floor of 0, found in one pass: an article whose sentence
/// holds thousands of quotes or names must not be walked back once for each of them.
pub fn sentence_starts(tokens: &[Token]) -> Vec<usize> {
    let mut starts = Vec::with_capacity(tokens.len() + 1);
    let mut start = 0;
    for k in 0..=tokens.len() {
        if k > 0 && is_sentence_end(tokens, k - 1) {
            start = k;
        }
        starts.push(start);
    }
    starts
}

/// The start of the sentence containing token `k`, not reaching before `floor`.
pub fn sentence_start(tokens: &[Token], floor: usize, k: usize) -> usize {
    let mut j = k;
    while j > floor {
        if is_sentence_end(tokens, j - 1) {
            return j;
        }
        j -= 1;
    }
    floor
}

/// A person known to have spoken or been mentioned at an offset, for pronoun and role lookup.
#[derive(Debug, Clone, Copy)]
pub struct Sighting {
    /// Byte offset.
    pub at: usize,
    /// Index of the person.
    pub person: usize,
    /// True when the person was the speaker of a quote there.
    pub speaking: bool,
    /// True when the mention is the first name of its sentence, most often its subject.
    pub subject: bool,
    /// Paragraph index.
    pub paragraph: usize,
}

/// Resolves an attribution's subject to a person of the article, given who was seen where.
pub fn resolve(
    subject: &Subject,
    before: usize,
    paragraph: usize,
    people: &People,
    seen: &[Sighting],
) -> Option<usize> {
    let lexicon = Lexicon::get();
    // `seen` is in text order: the sightings before `before` are a prefix of it.
    let earlier = || seen[..seen.partition_point(|s| s.at < before)].iter().rev();
    match subject {
        Subject::Name(parts) => {
            let parts: Vec<String> = parts
                .iter()
                .map(|p| super::tokens::strip_possessive(p).to_string())
                .collect();
            match_person(people, &parts)
        }
        Subject::Pronoun(gender) => {
            let fits = |person: usize| {
                gender.is_none_or(|g| people.persons[person].gender.is_none_or(|pg| pg == g))
            };
            let speaker =
                earlier().find(|s| s.speaking && fits(s.person) && s.paragraph + 1 >= paragraph);
            // Else the last sentence subject nearby (`Cruz admitted ... “...,” he said`), else
            // whoever was named last.
            let subject =
                earlier().find(|s| s.subject && fits(s.person) && s.paragraph + 1 >= paragraph);
            // Someone new in the pronoun's paragraph takes it from the last speaker, when they
            // come after that speaker (`Minister X welcomed it. “...,” he said.`, `Ferro said
            // the port would close. Lindqvist disagreed. “...,” he said.`).
            let newcomer = subject.filter(|found| {
                found.paragraph == paragraph
                    && speaker.is_some_and(|s| {
                        (s.paragraph < paragraph || s.at < found.at) && s.person != found.person
                    })
            });
            newcomer
                .or(speaker)
                .or(subject)
                .map(|s| s.person)
                // Else the last one heard speaking, however far back; else whoever was named
                // last.
                .or_else(|| {
                    earlier()
                        .find(|s| s.speaking && fits(s.person))
                        .map(|s| s.person)
                })
                .or_else(|| earlier().find(|s| fits(s.person)).map(|s| s.person))
        }
        Subject::Role { modifiers, role } => {
            let roles = lexicon.roles_meant_by(role);
            let fits = |person: usize| {
                let found = &people.persons[person];
                found.holds_role(&roles)
                    && modifiers.iter().all(|m| {
                        found.title_mentions(m)
                            || lexicon.place(m).is_some()
                            || is_lower_word_str(m, GENERIC_ROLE_MODIFIERS)
                    })
            };
            earlier().find(|s| fits(s.person)).map(|s| s.person)
        }
        Subject::Organisation(_) | Subject::Other => None,
    }
}

/// Words before a role that any holder of it may be described with (`the former minister`,
/// `the Russian presidential spokesman`, `the chief negotiator`).
const GENERIC_ROLE_MODIFIERS: &[&str] = &[
    "former",
    "new",
    "top",
    "senior",
    "veteran",
    "presidential",
    "chief",
    "press",
    "official",
    "longtime",
    "government",
];

fn is_lower_word_str(word: &str, words: &[&str]) -> bool {
    words.iter().any(|w| w.eq_ignore_ascii_case(word))
}

#[cfg(test)]
mod tests {
    /// Each quote of the paragraphs (after a headline) with its speaker.
    use crate::article::tests::quotes_of as speakers;

    #[test]
    fn a_description_between_verb_and_name_is_skipped() {
        let cases = [
            "“The count is not over yet,” said former county clerk Ilse Marwood.",
            "“The count is not over yet,” said Democratic pollster Ilse Marwood, who ran the survey.",
            "“The count is not over yet,” said the Rev. Ilse Marwood.",
        ];
        for case in cases {
            let found = speakers(&["Ilse Marwood spoke after the vote.", case]);
            assert_eq!(
                found[0].1.as_deref(),
                Some("Ilse Marwood"),
                "case {case:?}: {found:?}"
            );
        }
        // The name inside the description is not the speaker: the spokesman is nobody named.
        let found = speakers(&[
            "Ilse Marwood spoke after the vote.",
            "“The count is not over yet,” said a Marwood spokesman in a statement.",
        ]);
        assert_eq!(found[0].1, None, "{found:?}");
    }

    #[test]
    fn a_strong_verb_opening_the_quote_speaks_for_the_sentence_subject() {
        let found = speakers(&[
            "Ilse Marwood did not name her rivals, but told the crowd, “We will win this county.”",
        ]);
        assert_eq!(found[0].1.as_deref(), Some("Ilse Marwood"), "{found:?}");
        // Far from a verb with no subject of its own, a short quoted phrase is still the
        // words of the sentence's subject (as PolNeAR's annotators read it).
        let found = speakers(&[
            "Ilse Marwood did not name her rivals but urged the council, which met for the first time since the spring flood, to drop its plan for a “green belt” tax.",
        ]);
        assert_eq!(found[0].1.as_deref(), Some("Ilse Marwood"), "{found:?}");
    }

    #[test]
    fn a_paragraph_all_quote_continues_the_reported_speaker_before_it() {
        let quote = "“Every ballot was checked twice, and the totals match.”";
        let cases = [
            (
                "Ilse Marwood said the count had been fair.",
                Some("Ilse Marwood"),
            ),
            (
                "Ilse Marwood issued the following statement:",
                Some("Ilse Marwood"),
            ),
            // Nobody spoke in the paragraph before: nobody is named.
            ("Ilse Marwood toured the county on Monday.", None),
        ];
        for (before, speaker) in cases {
            let found = speakers(&[before, quote]);
            assert_eq!(found[0].1.as_deref(), speaker, "case {before:?}: {found:?}");
        }
    }

    #[test]
    fn a_quote_with_an_attribution_naming_nobody_keeps_no_speaker() {
        let found = speakers(&[
            "Ilse Marwood said the count had been fair.",
            "“That was no slip of the tongue,” said one county official, who asked not to be named.",
        ]);
        assert_eq!(found[0].1, None, "{found:?}");
    }

    #[test]
    fn a_sentence_of_two_clauses_gives_the_floor_to_the_second_subject() {
        let found = speakers(&[
            "Mayor Tomas Brenner spoke first, and council member Dara Vallier answered by \
             saying: “The budget is not balanced.”",
        ]);
        assert_eq!(found[0].1.as_deref(), Some("Dara Vallier"), "{found:?}");
        // A second clause without a subject of its own: the sentence's subject goes on.
        let found = speakers(&[
            "Mayor Tomas Brenner met reporters, and then added by saying: “The budget is \
             not balanced.”",
        ]);
        assert_eq!(found[0].1.as_deref(), Some("Tomas Brenner"), "{found:?}");
    }

    #[test]
    fn a_name_after_an_inverted_verb_of_saying_is_heard_speaking() {
        let found = speakers(&[
            "Governor Anna Varga will lose the vote again, says Ilse Marwood, a county clerk.",
            "“The count was fair, and it will be fair next time,” she said.",
        ]);
        assert_eq!(found[0].1.as_deref(), Some("Ilse Marwood"), "{found:?}");
        // An object of the verb is not its subject.
        let found = speakers(&[
            "Governor Anna Varga called Ilse Marwood, and told Marwood that she would lose.",
            "“The count was fair, and it will be fair next time,” she said.",
        ]);
        assert_eq!(found[0].1.as_deref(), Some("Anna Varga"), "{found:?}");
    }

    #[test]
    fn a_state_after_a_town_is_no_apposition_name() {
        let found = speakers(&[
            "Ilse Marwood, a teacher from Dover, South Carolina, says the county will “vote her out.”",
        ]);
        assert_eq!(found[0].1.as_deref(), Some("Ilse Marwood"), "{found:?}");
    }

    #[test]
    fn a_name_introduced_with_an_apposition_takes_the_next_pronoun() {
        let found = speakers(&[
            "While Governor Anna Varga drew crowds, the council did not, which worries Ilse Marwood, president of the county party.",
            "“Nobody comes to our meetings any more,” she said.",
        ]);
        assert_eq!(found[0].1.as_deref(), Some("Ilse Marwood"), "{found:?}");
    }

    #[test]
    fn the_subject_right_before_a_distant_verb_is_the_speaker() {
        let found = speakers(&[
            "At a dinner with the singer Jon Kohan, Ilse Marwood called half of the council “cowards.”",
        ]);
        assert_eq!(found[0].1.as_deref(), Some("Ilse Marwood"), "{found:?}");
        let found = speakers(&[
            "Ilse Marwood spoke to reporters on Monday.",
            "In an interview with a local station she blasted the council for being “utterly useless.”",
        ]);
        assert_eq!(found[0].1.as_deref(), Some("Ilse Marwood"), "{found:?}");
    }

    #[test]
    fn a_name_in_a_sentence_opening_on_a_pronoun_is_not_its_subject() {
        let found = speakers(&[
            "Governor Ilse Marwood toured the dam on Monday. She noted that Anna Varga had approved the plan.",
            "“We are ready to build,” she said.",
        ]);
        assert_eq!(found[0].1.as_deref(), Some("Ilse Marwood"), "{found:?}");
    }

    #[test]
    fn a_contracted_pronoun_is_a_pronoun() {
        let found = speakers(&[
            "Governor Ilse Marwood toured the county on Monday.",
            "She’s said the roads are “in a shameful state, worse than anywhere else.”",
        ]);
        assert_eq!(found[0].1.as_deref(), Some("Ilse Marwood"), "{found:?}");
    }
}
