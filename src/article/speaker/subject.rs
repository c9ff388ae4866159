//! Subject phrases: what an attribution frame says spoke ([`Subject`], [`Attribution`]) and how
//! the words of a subject are read from a token, forward (`said the Russian foreign minister`)
//! or backward (`Lavrov, the foreign minister, said`), with the pronouns, determiners and verbs
//! of saying that bound them. It knows nothing of clauses, frames or who a subject means.

use crate::article::institution::{
    Company, company_names, company_of, institution_named, is_institution_noun,
};
use crate::article::lexicon::{Gender, Lexicon, WordClass, word_list};
use crate::article::people::{NameRun, read_run};
use crate::article::tokens::{Token, is_possessive, is_quote_mark, is_sentence_end, token_at};

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

/// The gender a pronoun carries (`None` for `they`, `I`, `we`), or `None` for any other word.
pub(super) fn pronoun(word: &str) -> Option<Option<Gender>> {
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

/// Whether `token` is a word among `words`, in any case.
pub(super) fn is_lower_word(token: &Token, words: &[&str]) -> bool {
    token.is_word() && words.iter().any(|w| w.eq_ignore_ascii_case(token.text))
}

/// Whether `tokens[k]` is a quote mark that opens or closes a quote, not the apostrophe of a
/// plural possessive (`Sanders' campaign manager`).
pub(super) fn is_quoting_mark(tokens: &[Token], k: usize) -> bool {
    let possessive = ["'", "’"].contains(&tokens[k].text)
        && k > 0
        && tokens[k - 1].end == tokens[k].start
        && tokens[k - 1].text.ends_with('s')
        && tokens.get(k + 1).is_some_and(|t| t.start > tokens[k].end);
    is_quote_mark(&tokens[k]) && !possessive
}

/// Reads a subject phrase forward from `tokens[k]`; returns it, its offset and the next index.
pub(super) fn subject_forward(
    tokens: &[Token],
    k: usize,
    end: usize,
) -> Option<(Subject, usize, usize)> {
    let lexicon = Lexicon::get();
    let token = tokens.get(k).filter(|_| k < end)?;
    if !token.is_word() {
        return None;
    }
    if let Some(gender) = pronoun(token.text) {
        return Some((Subject::Pronoun(gender), token.start, k + 1));
    }
    if is_lower_word(token, word_list(WordClass::Determiners)) {
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
            if (lexicon.is_role(&word) || is_spokesperson(&word))
                && !tokens
                    .get(j + 1)
                    .is_some_and(|t| t.is_word() && j + 1 < end && lexicon.is_role(t.text))
            {
                if is_lower_word(token, &["a", "an", "the"])
                    && let Some((name, next)) = spokesperson_for(tokens, j, end)
                {
                    return Some((Subject::Organisation(name), token.start, next));
                }
                if let Some(name) = unnamed_spokesperson(tokens, k, j) {
                    return Some((Subject::Organisation(name), token.start, j + 1));
                }
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
        if let Some(name) = institution_subject(tokens, k, j, end, &modifiers) {
            return Some((Subject::Organisation(name), token.start, j));
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
pub(super) fn past_owner<'a>(tokens: &[Token<'a>], run: NameRun<'a>, end: usize) -> NameRun<'a> {
    let possessive = run.name.last().is_some_and(|t| is_possessive(t.text));
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
pub(super) fn past_employer<'a>(tokens: &[Token<'a>], run: NameRun<'a>, end: usize) -> NameRun<'a> {
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
pub(super) fn company_name(run: &NameRun) -> bool {
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

/// Reads a subject phrase that ends at `tokens[k]` (inclusive), walking backwards: an
/// apposition back to its name, a pronoun, a name, or a role.
pub(super) fn subject_backward(
    tokens: &[Token],
    k: usize,
    floor: usize,
) -> Option<(Subject, usize)> {
    let token = tokens.get(k)?;
    if k < floor {
        return None;
    }
    if token.is(',') {
        return apposition_backward(tokens, k, floor);
    }
    if !token.is_word() {
        return None;
    }
    if let Some(gender) = pronoun(token.text) {
        return Some((Subject::Pronoun(gender), token.start));
    }
    if token.is_capitalized() {
        return name_backward(tokens, k, floor);
    }
    if Lexicon::get().is_role(token.text) || is_spokesperson(token.text) {
        return role_backward(tokens, k, floor);
    }
    if is_institution_noun(token.text) {
        // `the Norland Fisheries Agency's press service told`: the owner of the service.
        if let Some(owner) = institution_owner(tokens, k, floor) {
            return Some(owner);
        }
        // `the ministry said that`: back over a few lower-case words to `the`.
        let the = (floor..k)
            .rev()
            .take(4)
            .take_while(|&j| tokens[j].is_word())
            .find(|&j| tokens[j].text.eq_ignore_ascii_case("the"))?;
        let modifiers: Vec<String> = tokens[the + 1..=k]
            .iter()
            .map(|t| t.text.to_lowercase())
            .collect();
        let name = institution_subject(tokens, the, k + 1, tokens.len(), &modifiers)?;
        return Some((Subject::Organisation(name), tokens[the].start));
    }
    None
}

/// `X's press service told`, `X's ministry said`: an institution noun at `tokens[k]`, after at
/// most two lower-case words after a capitalised name in the possessive, and before a verb of
/// saying, is that name's; the name speaks as an organisation.
fn institution_owner(tokens: &[Token], k: usize, floor: usize) -> Option<(Subject, usize)> {
    let next = tokens.get(k + 1)?;
    if !next.is_word()
        || Lexicon::get()
            .speech_verb(&next.text.to_lowercase())
            .is_none()
    {
        return None;
    }
    let owner = (floor..k)
        .rev()
        .take(3)
        .take_while(|&j| tokens[j].is_word())
        .find(|&j| is_possessive(tokens[j].text))?;
    if !tokens[owner].is_capitalized() || (owner + 1..k).any(|j| tokens[j].is_capitalized()) {
        return None;
    }
    let mut start = owner;
    while start > floor && owner - start < 5 && tokens[start - 1].is_capitalized() {
        start -= 1;
    }
    if tokens[start].text.eq_ignore_ascii_case("the") {
        start += 1;
    }
    let name: Vec<&str> = tokens[start..=owner]
        .iter()
        .map(|t| crate::article::tokens::strip_possessive(t.text))
        .collect();
    (start <= owner).then(|| (Subject::Organisation(name.join(" ")), tokens[start].start))
}

/// `the <modifiers> <noun>` from token `the` to `j` (before `end`), where the last modifier is
/// an institution noun and nothing but a verb of saying or punctuation follows: the name of
/// the institution the article named before (see [`institution_named`]).
fn institution_subject(
    tokens: &[Token],
    the: usize,
    j: usize,
    end: usize,
    modifiers: &[String],
) -> Option<String> {
    let (noun, rest) = modifiers.split_last()?;
    let follows_well = j >= end
        || tokens.get(j).is_none_or(|t| {
            !t.is_word() || Lexicon::get().speech_verb(&t.text.to_lowercase()).is_some()
        });
    if !(tokens.get(the)?.text.eq_ignore_ascii_case("the")
        && is_institution_noun(noun)
        && rest.iter().all(|m| !is_possessive(m))
        && follows_well)
    {
        return None;
    }
    // `according to the Norland Foreign Ministry`: a name in capitals is the name itself.
    let named = tokens.get(the + 1..j)?;
    if named.iter().all(Token::is_capitalized) {
        let words: Vec<&str> = named
            .iter()
            .map(|t| crate::article::tokens::strip_possessive(t.text))
            .collect();
        return Some(words.join(" "));
    }
    institution_named(tokens, the, rest, noun)
}

/// Whether `word` (any case) is a role of one who speaks for an institution (`spokesman`,
/// `official`, `source`).
pub fn is_spokesperson(word: &str) -> bool {
    word_list(WordClass::SpokespersonRoles)
        .iter()
        .any(|r| r.eq_ignore_ascii_case(word))
}

/// `a Citicorp spokesman`, `the Bank of Japan official`, `A Vessby financial source`, `the
/// senior ministry official`: an unnamed spokesperson (`tokens[role]`, after the determiner
/// `tokens[det]`) whose institution stands before the role speaks for that institution: its
/// name as written, or for an institution noun (`the ministry official`) the institution the
/// article named before. A name after the role (`a Citicorp spokesman, Jo Kohan,`, `the
/// Citicorp spokesman Jo Kohan`) makes it no unnamed one; a possessive (`Kohan's spokesman`)
/// names a person's, not an institution's.
pub fn unnamed_spokesperson(tokens: &[Token], det: usize, role: usize) -> Option<String> {
    let lexicon = Lexicon::get();
    if role <= det + 1 || !is_spokesperson(tokens.get(role)?.text) {
        return None;
    }
    if !is_lower_word(&tokens[det], &["a", "an", "the"]) {
        return None;
    }
    let named_after = tokens.get(role + 1).is_some_and(|t| {
        t.is_capitalized() || (t.is(',') && tokens.get(role + 2).is_some_and(Token::is_capitalized))
    });
    let between = &tokens[det + 1..role];
    if named_after
        || between
            .iter()
            .any(|t| !t.is_word() || is_possessive(t.text))
    {
        return None;
    }
    let capitalised: Vec<usize> = (0..between.len())
        .filter(|&n| between[n].is_capitalized())
        .collect();
    if let (Some(&first), Some(&last)) = (capitalised.first(), capitalised.last()) {
        // Between the capitalised words only joining words (`Bank of Japan`); after them only
        // lower-case words that describe the role (`a Vessby financial source`).
        let joined = between[first..=last]
            .iter()
            .all(|t| t.is_capitalized() || is_lower_word(t, &["of", "and", "&", "for"]));
        let words: Vec<&str> = between[first..=last].iter().map(|t| t.text).collect();
        let name = words.join(" ");
        // (`a Marwood spokesman` after `Ilse Marwood`: a person's spokesman, not an
        // institution's.)
        let surname = |w: &str| {
            tokens.windows(2).any(|pair| {
                pair[1].text == w && pair[0].is_capitalized() && lexicon.is_given_name(pair[0].text)
            })
        };
        let person = words.iter().any(|w| lexicon.is_given_name(w) || surname(w));
        if !joined || person || lexicon.place(&name).is_some() {
            return None;
        }
        // `the Vessby source said` after `Vessby Shipping Corp`: the company, in full.
        let parts: Vec<String> = words.iter().map(|w| w.to_string()).collect();
        let companies = company_names(tokens);
        // (One word opens one company's name only: `a Vessby source`, where two companies
        // open with it, names neither.)
        let opening: Vec<&Company> = companies
            .iter()
            .filter(|c| {
                c.words
                    .first()
                    .is_some_and(|w| parts.len() == 1 && *w == parts[0].to_lowercase())
            })
            .collect();
        let company = company_of(&parts, &companies).or(match opening.as_slice() {
            [only] => Some(*only),
            _ => None,
        });
        return Some(company.map_or(name, |c| c.name.clone()));
    }
    // `the senior ministry official said`: the ministry named before.
    let modifiers: Vec<String> = between.iter().map(|t| t.text.to_lowercase()).collect();
    let noun = modifiers.iter().rposition(|m| is_institution_noun(m))?;
    institution_named(tokens, det, &modifiers[..noun], &modifiers[noun])
}

/// `a spokesman for the ministry said`, `a source at Vessby Shipping Corp said`: an unnamed
/// spokesperson (a role of `spokesperson_roles` after `a`) for an institution speaks for it.
/// `role` is the index of the role word; returns the institution and the index after it.
pub fn spokesperson_for(tokens: &[Token], role: usize, end: usize) -> Option<(String, usize)> {
    let lexicon = Lexicon::get();
    let is_spokesperson = word_list(WordClass::SpokespersonRoles)
        .iter()
        .any(|r| r.eq_ignore_ascii_case(tokens[role].text));
    let preposition = tokens.get(role + 1)?;
    if !is_spokesperson
        || !is_lower_word(preposition, word_list(WordClass::EmployerPrepositions))
        || role + 2 >= end
    {
        return None;
    }
    let first = role + 2;
    if tokens[first].text.eq_ignore_ascii_case("the") {
        let mut j = first + 1;
        while j < end
            && j <= first + 6
            && tokens[j].is_word()
            && lexicon
                .speech_verb(&tokens[j].text.to_lowercase())
                .is_none()
        {
            j += 1;
        }
        let modifiers: Vec<String> = tokens[first + 1..j]
            .iter()
            .map(|t| t.text.to_lowercase())
            .collect();
        return institution_subject(tokens, first, j, end, &modifiers).map(|name| (name, j));
    }
    if tokens[first].is_capitalized() {
        // `Harlow Research Institute`, `Bank of Veldara`: the capitalised words, joined by
        // `of` or `and` (a person's name reader would stop at `Institute`).
        let mut next = first + 1;
        while next < end && next < first + 6 {
            let joiner = is_lower_word(&tokens[next], &["of", "and", "&"])
                && tokens
                    .get(next + 1)
                    .is_some_and(|t| next + 1 < end && t.is_capitalized());
            if !(tokens[next].is_capitalized() || joiner) {
                break;
            }
            next += 1;
        }
        if let Subject::Organisation(name) = organisation(&tokens[first..next]) {
            return Some((name, next));
        }
    }
    None
}

/// `Name, a description, said`: the subject of the apposition that the comma `tokens[k]`
/// closes, read back to its opening comma (at most [`MAX_APPOSITION_TOKENS`] back, and not
/// past a sentence end or a quote mark).
fn apposition_backward(tokens: &[Token], k: usize, floor: usize) -> Option<(Subject, usize)> {
    let mut j = k;
    while j > floor && k - j < MAX_APPOSITION_TOKENS {
        j -= 1;
        if tokens[j].is(',') {
            return subject_of_apposition(tokens, j, k, floor);
        }
        if is_sentence_end(tokens, j) || is_quoting_mark(tokens, j) {
            return None;
        }
    }
    None
}

/// The subject of an apposition between the commas `tokens[j]` and `tokens[k]`: the name it
/// is, or the name or pronoun before it.
fn subject_of_apposition(
    tokens: &[Token],
    j: usize,
    k: usize,
    floor: usize,
) -> Option<(Subject, usize)> {
    if let Some(name) = name_as_apposition(tokens, j, k, floor) {
        return Some(name);
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
        i > floor && is_lower_word(&tokens[i - 1], word_list(WordClass::Prepositions))
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
    match found {
        Some((Subject::Name(_), at)) if is_place(at) => {
            let place = token_at(tokens, at);
            (floor..place)
                .rev()
                .find(|&c| tokens[c].is(','))
                .and_then(|comma| subject_backward(tokens, comma, floor))
        }
        None => further_back(j),
        other => other,
    }
}

/// `China's chief negotiator, Xu Dongsheng, told`: the apposition between the commas
/// `tokens[j]` and `tokens[k]` is the name, unless it is the state after a town (`from Sumter,
/// South Carolina, says`).
fn name_as_apposition(
    tokens: &[Token],
    j: usize,
    k: usize,
    floor: usize,
) -> Option<(Subject, usize)> {
    let mut town = j;
    while town > floor && tokens[town - 1].is_capitalized() {
        town -= 1;
    }
    let after_town = town < j
        && town > floor
        && is_lower_word(&tokens[town - 1], word_list(WordClass::Prepositions));
    if !tokens[j + 1].is_capitalized() || after_town {
        return None;
    }
    let run = read_run(tokens, j + 1);
    if !run.name.is_empty() && run.next == k && !company_name(&run) {
        let parts = run.name.iter().map(|t| t.text.to_string()).collect();
        return Some((Subject::Name(parts), run.name[0].start));
    }
    None
}

/// The name (or organisation) that ends at the capitalised `tokens[k]`, read back over the
/// words of the name; the person before `of` when the name is an employer's (`Birgit Mahlberg
/// of the Baltic Marine Alliance said`).
fn name_backward(tokens: &[Token], k: usize, floor: usize) -> Option<(Subject, usize)> {
    let lexicon = Lexicon::get();
    let token = &tokens[k];
    // `Cantonal Bank's Fritschi said`: a possessive before the name is its employer.
    let mut start = k;
    while start > floor
        && !is_possessive(tokens[start - 1].text)
        && (tokens[start - 1].is_capitalized()
            || (tokens[start - 1].is('.') && start >= 2 && tokens[start - 2].is_capitalized())
            || (tokens[start - 1].is_word() && lexicon.is_particle(tokens[start - 1].text)))
    {
        start -= 1;
    }
    if let Some(found) = person_before_of(tokens, start, floor) {
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
    // `Ilse Marwood, Harbour Hotel Association said`: the institution is the apposition of
    // the name that opens the clause, who speaks.
    if start > floor + 1
        && tokens[start - 1].is(',')
        && let Some(found) = name_opening_clause(tokens, start - 1, floor)
    {
        return Some(found);
    }
    let next = tokens.get(start).map_or(token.start, |t| t.start);
    Some((organisation(&tokens[start..=k]), next))
}

/// The name before the comma `tokens[comma]` when it opens the clause at `floor` (`Ilse
/// Marwood, economist at Harbour Insight said`): the person whose apposition follows.
fn name_opening_clause(tokens: &[Token], comma: usize, floor: usize) -> Option<(Subject, usize)> {
    let found = name_backward(tokens, comma.checked_sub(1)?, floor)?;
    (matches!(found.0, Subject::Name(_)) && token_at(tokens, found.1) == floor).then_some(found)
}

/// `Birgit Mahlberg of the Baltic Marine Alliance said`: when the name starting at
/// `tokens[start]` follows `of` (or `at`, `from` ...), the speaker is the subject before it.
fn person_before_of(tokens: &[Token], start: usize, floor: usize) -> Option<(Subject, usize)> {
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
        && is_lower_word(
            &tokens[before - 1],
            word_list(WordClass::EmployerPrepositions),
        )
        && let Some(found) = subject_backward(tokens, owner, floor)
        && !matches!(found.0, Subject::Other)
    {
        return Some(found);
    }
    // `Ilse Marwood, economist at Harbour Insight said`: a role after the name's comma.
    if before > floor + 1
        && is_lower_word(
            &tokens[before - 1],
            word_list(WordClass::EmployerPrepositions),
        )
    {
        let comma = (floor..owner + 1)
            .rev()
            .take(4)
            .take_while(|&j| {
                tokens[j].is(',') || (tokens[j].is_word() && !tokens[j].is_capitalized())
            })
            .find(|&j| tokens[j].is(','))?;
        return name_opening_clause(tokens, comma, floor);
    }
    None
}

/// A role that ends at `tokens[k]` (`the Russian foreign minister said`), read back to its
/// determiner, or to the comma or sentence start that opens it.
fn role_backward(tokens: &[Token], k: usize, floor: usize) -> Option<(Subject, usize)> {
    let token = &tokens[k];
    let mut modifiers = Vec::new();
    let mut j = k;
    while j > floor && k - j < 6 {
        j -= 1;
        if is_lower_word(&tokens[j], word_list(WordClass::Determiners)) {
            if let Some(name) = unnamed_spokesperson(tokens, j, k) {
                return Some((Subject::Organisation(name), tokens[j].start));
            }
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
        let owned = |modifiers: &[String]| modifiers.iter().any(|m| is_possessive(m));
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
        && !modifiers.iter().any(|m| is_possessive(m))
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
    None
}

/// How far back (in tokens) an apposition between commas is read (`Malkia Cyril, the executive
/// director at the Center of Media Justice and also in the film, told`).
const MAX_APPOSITION_TOKENS: usize = 24;

/// Is `tokens[k]` a verb of saying (one word or the start of a multiword one)? Returns its width.
pub(super) fn speech_verb_width(tokens: &[Token], k: usize) -> Option<usize> {
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
    if k > 0 && is_lower_word(&tokens[k - 1], word_list(WordClass::NounDeterminers)) {
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
