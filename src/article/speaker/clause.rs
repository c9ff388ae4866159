//! Clauses and sentences: where a sentence and its main clause start, and the subject of a
//! clause (`In recent weeks, Reid has gone after Trump`), read past opening phrases, employers
//! and owners. Used by the frames to find who a verb of saying belongs to; resolves no one.

use super::subject::{
    Subject, company_name, is_lower_word, past_employer, past_owner, pronoun, subject_backward,
};
use crate::article::lexicon::{Lexicon, WordClass, is_attribution_adverb, word_list};
use crate::article::people::read_run;
use crate::article::tokens::{Token, is_sentence_end};

/// The subject of the clause that runs from `floor` to `before`, when it names someone or stands
/// for someone (`In recent weeks, Reid has gone after Trump as a “...”`), as `sentence_subject`
/// reads it.
pub fn clause_subject(tokens: &[Token], floor: usize, before: usize) -> Option<(Subject, usize)> {
    sentence_subject(tokens, floor, before)
        .filter(|(subject, _)| matches!(subject, Subject::Name(_) | Subject::Pronoun(Some(_))))
}

/// [`sentence_subject`], when it names a person or stands for one.
pub(super) fn person_subject(
    tokens: &[Token],
    floor: usize,
    before: usize,
) -> Option<(Subject, usize)> {
    verb_subject(tokens, floor, before)
        .or_else(|| sentence_subject(tokens, floor, before))
        .filter(|(subject, _)| matches!(subject, Subject::Name(_) | Subject::Pronoun(Some(_))))
}

/// The name or pronoun right before the verb at `v` (adverbs skipped): `At a dinner with
/// Jon Kohan, Ilse Marwood called ...` is Marwood's sentence, not its first name's.
pub(super) fn verb_subject(tokens: &[Token], floor: usize, v: usize) -> Option<(Subject, usize)> {
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
pub(super) fn sentence_subject(
    tokens: &[Token],
    floor: usize,
    before: usize,
) -> Option<(Subject, usize)> {
    let clause = (floor..before)
        .rev()
        .find(|&j| {
            tokens[j].is(';')
                || (tokens[j].is(',')
                    && tokens.get(j + 1).is_some_and(|t| {
                        is_lower_word(t, word_list(WordClass::ClauseConjunctions))
                    }))
        })
        .map(|j| j + 1);
    clause
        .and_then(|start| first_subject(tokens, start, before))
        .or_else(|| first_subject(tokens, floor, before))
}

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
    is_lower_word(token, word_list(WordClass::Subordinators))
        || token.is_capitalized()
            && (is_lower_word(token, word_list(WordClass::ClauseOpeners))
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
    let adverb = first.text.ends_with("ly")
        || is_lower_word(first, word_list(WordClass::OpeningTimeAdverbs));
    adverb
        && !Lexicon::get().is_given_name(first.text)
        && tokens.get(sentence + 1).is_some_and(|t| {
            is_lower_word(t, word_list(WordClass::Prepositions))
                || is_lower_word(t, word_list(WordClass::AfterOpeningAdverb))
        })
}

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
            let after_preposition =
                j > floor && is_lower_word(&tokens[j - 1], word_list(WordClass::Prepositions));
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
