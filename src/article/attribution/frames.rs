//! The first pass: the attribution frame beside each quote (`,” Lavrov noted`, `Lavrov said
//! that “`, `Kohan accused the mayor of “stalling”`), and what kind of subject each frame
//! names. Reading a frame's words is `speaker`'s job; this pass chooses among the frames it
//! offers around one quote and never resolves anyone.

use super::subject::{group_subject, plausible_name};
use super::{Context, MIN_UNATTRIBUTED_QUOTE_WORDS, QuoteSpan, quote_around};
use crate::article::lexicon::{Lexicon, WordClass, word_list};
use crate::article::people;
use crate::article::speaker::{self, Attribution, Subject};
use crate::article::tokens::{self, Token, is_possessive, is_sentence_end, token_at};

/// How many tokens before a quote its lead-in frame may start (`Voronin told reporters on
/// Tuesday in Moscow that ... : “`). Real sentences are far shorter; the bound keeps a run-on
/// text of thousands of quotes from being searched back to its start for each one.
const MAX_FRAME_REACH: usize = 200;

/// How many tokens from a short quote a strong verb of saying may stand and still report it
/// (a weak one a third of that).
const REPORTED_SPEECH_REACH: usize = 12;

impl Context<'_> {
    /// Finds the frame of every quote: the frame after a quote wins when it is tied to it; else
    /// the lead-in before it; else, for a short quote, the verb of saying that reports it.
    pub(super) fn find_frames(&mut self) {
        for i in 0..self.spans.len() {
            let span = &self.spans[i];
            let after = self.frame_after(i);
            // The lead-in may reach back over earlier quotes of the same sentence (`said Rubio
            // was “a lightweight” and Cruz “a liar”`), not over a sentence end; and it lies near
            // the quote: the reach bound keeps the search linear in a run-on "sentence" of
            // thousands of quotes.
            let open = self.token_at(span.open);
            let floor = self.starts[open]
                .max(self.token_at(self.ranges[span.paragraph].0))
                .max(open.saturating_sub(MAX_FRAME_REACH));
            let framed_after = after.is_some();
            let frame = after
                .or_else(|| self.frame_before(floor, open))
                .or_else(|| self.reporting_frame(span, floor));
            let quote = &mut self.quotes[i];
            quote.framed_after = framed_after;
            quote.attributed_by = frame.as_ref().map(|_| i);
            quote.frame = frame;
        }
    }

    /// The frame after quote `i`, before the next quote or the end of its paragraph.
    fn frame_after(&self, i: usize) -> Option<Attribution> {
        let span = &self.spans[i];
        let (_, paragraph_end) = self.ranges[span.last_paragraph];
        let stop = self
            .spans
            .get(i + 1)
            .map_or(paragraph_end, |next| next.open.min(paragraph_end));
        // A quote that ends its sentence (`“... unhinged.” Sen. Rubio called ...`) is not
        // attributed by the next sentence's subject.
        let first_after = self.token_at(span.close);
        let ends_sentence = span.text(self.text).trim_end().ends_with('.')
            && self
                .tokens
                .get(first_after)
                .is_some_and(|t| t.is_capitalized());
        if ends_sentence {
            return None;
        }
        speaker::attribution_after(self.tokens, first_after, self.token_at(stop))
    }

    /// The lead-in frame between token `floor` and the quote opening at token `open`.
    fn frame_before(&self, mut floor: usize, open: usize) -> Option<Attribution> {
        // A subject inside an earlier quote of the sentence (`“Immunity deals ...,” Chaffetz
        // said, adding that ...`) is no subject: the frame is looked for again after it.
        // A possessive before a noun of saying (`Moore called Obama's remarks “a wake-up
        // call”`) gives way to a frame further back; alone (`Trump's call for a “...”`), it
        // is the frame.
        loop {
            let frame = speaker::attribution_before(self.tokens, floor, open)?;
            if let Some(earlier) = quote_around(self.spans, frame.at) {
                floor = self.token_at(earlier.close);
                continue;
            }
            let possessive = matches!(&frame.subject, Subject::Name(parts)
                if parts.last().is_some_and(|p| is_possessive(p)));
            let further = || {
                speaker::attribution_before(self.tokens, floor, self.token_at(frame.at)).filter(
                    |f| {
                        quote_around(self.spans, f.at).is_none()
                            && matches!(f.subject, Subject::Name(_) | Subject::Pronoun(Some(_)))
                    },
                )
            };
            return Some(if possessive {
                further().unwrap_or(frame)
            } else {
                frame
            });
        }
    }

    /// A short quote in reported speech (`Kohan accused the mayor of “stalling”`) is the words
    /// of the one who reports them.
    fn reporting_frame(&self, span: &QuoteSpan, floor: usize) -> Option<Attribution> {
        let short = span.text(self.text).split_whitespace().count() < MIN_UNATTRIBUTED_QUOTE_WORDS;
        if !short || !in_reported_speech(self.tokens, &self.starts, span) {
            return None;
        }
        let tokens = self.tokens;
        let close = self.token_at(span.close);
        let end = (close..tokens.len().min(close + REPORTED_SPEECH_REACH))
            .find(|&k| is_sentence_end(tokens, k))
            .unwrap_or(tokens.len().min(close + REPORTED_SPEECH_REACH));
        speaker::reported_speech(tokens, floor, end)
            .filter(|frame| quote_around(self.spans, frame.at).is_none())
    }

    /// Says what kind of subject each frame names, and vouches for the names frames give.
    pub(super) fn name_frame_subjects(&mut self) {
        // `NBC reported`, `the RNC's statement said`: a lone word in capitals is an acronym, an
        // organisation's name; `Demonstrators said`, a plural common noun, names a group.
        for frame in self.quotes.iter_mut().filter_map(|q| q.frame.as_mut()) {
            if let Some(group) = group_subject(&frame.subject, &self.mid_sentence, &self.found) {
                frame.subject = group;
            }
            // `the Commission on Presidential Debates announced`: a name after a preposition
            // inside a capitalised phrase is the end of an organisation's name, no person's.
            if matches!(frame.subject, Subject::Name(_))
                && people::in_organisation_name(self.tokens, token_at(self.tokens, frame.at))
            {
                frame.subject = Subject::Other;
            }
        }
        // `Vessby Shipping said` where the article wrote `Vessby Shipping Corp`: the company.
        let companies = crate::article::institution::company_names(self.tokens);
        for frame in self.quotes.iter_mut().filter_map(|q| q.frame.as_mut()) {
            if let Subject::Name(parts) = &frame.subject
                && people::match_person(&self.found, parts).is_none()
                && let Some(company) = crate::article::institution::company_of(parts, &companies)
            {
                frame.subject = Subject::Organisation(company.name.clone());
            }
        }
        // A name in an attribution frame is a person even when nothing else vouched for it
        // (`“...” ― Sonya Herridge`, `said Chuck Jordan`).
        for frame in self.quotes.iter().filter_map(|q| q.frame.as_ref()) {
            if let Subject::Name(parts) = &frame.subject {
                let plausible = plausible_name(parts, &self.mid_sentence);
                // `Marwood's office said`: the name without its possessive.
                let bare: Vec<String> = parts
                    .iter()
                    .map(|p| tokens::strip_possessive(p).to_string())
                    .collect();
                if plausible && people::match_person(&self.found, &bare).is_none() {
                    let length = parts.join(" ").len();
                    self.found.vouch(bare, frame.at, frame.at + length);
                }
            }
        }
    }
}

/// Whether the sentence around a quote reports speech: a verb of saying stands in it, near the
/// quote, before or after it (`Kohan accused the mayor of “stalling” on repairs`, `the “fair share”
/// that Kohan demanded`). A short quote there is a partial quote of someone's words, though no
/// frame names who; in a sentence without one it is a scare quote.
pub(super) fn in_reported_speech(tokens: &[Token], starts: &[usize], span: &QuoteSpan) -> bool {
    let lexicon = Lexicon::get();
    // A strong verb reaches further than a weak one, which has other senses (`summed up in
    // the tabloid phrase “...”` names a phrase; nobody says it here).
    let reach = |k: usize| {
        if lexicon.is_strong_speech_verb(tokens[k].text) {
            REPORTED_SPEECH_REACH
        } else {
            REPORTED_SPEECH_REACH / 3
        }
    };
    let open = token_at(tokens, span.open);
    let close = token_at(tokens, span.close);
    let from = starts[open].max(open.saturating_sub(REPORTED_SPEECH_REACH));
    // `Kohan described the plan as a “fiasco”`: a verb that characterises its object `as` a
    // quoted word reaches over the object, however weak.
    let characterised = characterised_as(tokens, open);
    let before = (from..open).any(|k| {
        speaker::is_speech_verb_at(tokens, k)
            && (open - k <= reach(k)
                || characterised && !tokens[k + 1..open].iter().any(|t| t.is(',')))
    });
    let after = || {
        (close..tokens.len().min(close + REPORTED_SPEECH_REACH))
            .take_while(|&k| k == close || !is_sentence_end(tokens, k - 1))
            .any(|k| speaker::is_speech_verb_at(tokens, k) && k - close < reach(k))
    };
    before || after()
}

/// Whether the quote opening at token `open` follows `as`, `as a` or `as an` (`branded the
/// plan as a “fiasco”`), but not `such as`, which opens a list of examples.
fn characterised_as(tokens: &[Token], open: usize) -> bool {
    let word = |k: usize| tokens.get(k).map(|t| t.text.to_lowercase());
    let Some(mut k) = open.checked_sub(1) else {
        return false;
    };
    if matches!(word(k).as_deref(), Some("a" | "an")) {
        let Some(before) = k.checked_sub(1) else {
            return false;
        };
        k = before;
    }
    word(k).as_deref() == Some("as")
        && k.checked_sub(1).is_none_or(|j| {
            !word(j).is_some_and(|w| word_list(WordClass::NotCharacterising).contains(&w.as_str()))
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::tokens::tokenize;

    #[test]
    fn as_before_a_quote_characterises_it_but_such_as_lists_examples() {
        // Examples after `such as` are not anyone's words.
        let at_mark = |text: &str| {
            let tokens = tokenize(text);
            let open = tokens.iter().position(|t| t.text == "“").expect("a mark");
            characterised_as(&tokens, open)
        };
        assert!(at_mark("branded the plan as a “fiasco”"));
        assert!(at_mark("branded the plan as “absurd”"));
        assert!(!at_mark("used terms such as “fiasco”"));
    }
}
