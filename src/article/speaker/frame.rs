//! Attribution frames: the words beside a quote that say who spoke it, after it (`,” Lavrov
//! noted`, `said the minister`, `“...” — X`) or before it (`Lavrov acknowledged that “`, `X, a
//! description, said:`, `According to X,`), and the sentences of reported speech and lead-ins
//! that hand the floor to a quote in the next paragraph. Returns subjects as written; the
//! resolve step says who they mean.

use super::clause::{person_subject, sentence_subject, verb_subject};
use super::subject::{
    Attribution, Subject, company_name, is_lower_word, is_quoting_mark, speech_verb_width,
    subject_backward, subject_forward,
};
use crate::article::lexicon::{Lexicon, WordClass, is_attribution_adverb, word_list};
use crate::article::people::read_run;
use crate::article::tokens::{Token, is_sentence_end, token_at};

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
    let v = verb_after(tokens, k, end)?;
    let cue = Some(tokens[v].text.to_string());
    // `“...,” referencing the crowd`, `“...,” adding that ...`: a participle speaks for the
    // sentence's subject, which a frame before the quote or the sentence names.
    if v == k && !tokens[v].is_capitalized() && tokens[v].text.ends_with("ing") {
        return None;
    }
    if v == k {
        return inverted_frame(tokens, v, end, cue);
    }
    // `“...” in the 2008 primary, said professor Jo Kohan.`: the verb after a comma is
    // inverted, and the name after it speaks.
    // (`, told CBS` names who was told, not who spoke.)
    if tokens[v - 1].is(',') && !is_lower_word(&tokens[v], word_list(WordClass::TakesAHearer)) {
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

/// The verb of saying that ends the frame starting at `tokens[k]` after a quote, within the
/// sentence and before `end` (`, WADA spokeswoman Ingrid Halvorsen told reporters`, `,” the
/// minister noted`).
fn verb_after(tokens: &[Token], k: usize, end: usize) -> Option<usize> {
    // `“That makes me smart,” when Clinton blasted him`: a clause of its own, no frame; but
    // `“...” if she loses, said Kohan` is framed after the clause.
    let subordinate = is_lower_word(&tokens[k], word_list(WordClass::Subordinators));
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
    Some(v)
}

/// The frame of a verb of saying that follows the quote directly and its subject (`said
/// Lavrov`, `added the minister`, `said its owner, Name`), with the verb at `tokens[v]`.
fn inverted_frame(
    tokens: &[Token],
    v: usize,
    end: usize,
    cue: Option<String>,
) -> Option<Attribution> {
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
    // `said Vessby spokeswoman, Ilse Marwood`, `said Vessby Bank Ltd chief economist, Jo
    // Kohan`: an employer and a role before a comma and a name; the name speaks.
    if !matches!(subject, Subject::Pronoun(_))
        && let Some((parts, name_at)) = name_after_role_comma(tokens, v + width, end)
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
    Some(Attribution {
        subject,
        cue,
        at,
        adjacent: true,
    })
}

/// `Vessby spokeswoman, Ilse Marwood` from `tokens[from]`: capitalised words (the employer),
/// at most three lower-case words with a role among them, a comma, and a name that closes the
/// phrase; the name and its offset.
fn name_after_role_comma(
    tokens: &[Token],
    from: usize,
    end: usize,
) -> Option<(Vec<String>, usize)> {
    let lexicon = Lexicon::get();
    let mut j = from;
    while j < end && j < from + 6 && tokens[j].is_capitalized() {
        j += 1;
    }
    let employer = j;
    while j < end && j < employer + 3 && tokens[j].is_word() && !tokens[j].is_capitalized() {
        j += 1;
    }
    let role = (employer..j).any(|k| lexicon.is_role(tokens[k].text));
    if employer == from || !role || j >= end || !tokens[j].is(',') {
        return None;
    }
    match subject_forward(tokens, j + 1, end)? {
        (Subject::Name(parts), at, next)
            if tokens.get(next).is_none_or(|t| next >= end || !t.is_word()) =>
        {
            Some((parts, at))
        }
        _ => None,
    }
}

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
                    || is_lower_word(t, word_list(WordClass::Prepositions))
                    || is_lower_word(t, word_list(WordClass::NotInDescription))
                    || is_lower_word(t, word_list(WordClass::AfterDescribedName))
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
        || is_lower_word(token, word_list(WordClass::Prepositions))
        || is_lower_word(token, word_list(WordClass::NotInDescription))
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
                || !(is_lower_word(&tokens[b], word_list(WordClass::AddresseePrepositions))
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
            && is_lower_word(&tokens[s - 1], word_list(WordClass::BeforeDay))
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

/// The frame of a sentence of reported speech in `floor..end` whatever its subject names: the
/// subject right before its first verb of saying (`Catches fell, the Norland Fisheries Agency
/// said on Wednesday.`), a person or an institution.
pub fn reported_speech_by_anyone(
    tokens: &[Token],
    floor: usize,
    end: usize,
) -> Option<Attribution> {
    let v = (floor..end)
        .find(|&j| speech_verb_width(tokens, j).is_some() && !tokens[j].is_capitalized())?;
    let mut s = v.checked_sub(1)?;
    while s > floor && is_attribution_adverb(tokens[s].text) {
        s -= 1;
    }
    if s < floor {
        return None;
    }
    let (subject, at) = subject_backward(tokens, s, floor)?;
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
