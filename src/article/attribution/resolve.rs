//! The resolve pass, in text order: the subject of each quote's frame becomes a person of the
//! article (seeing pronouns as it goes), then each quote without a frame takes its speaker from
//! a framed quote of its paragraph, from the subject of its sentence, or from the paragraph
//! before. `speaker::resolve` decides who a subject means; this pass decides which subject a
//! quote is the words of.

use rustc_hash::FxHashMap as HashMap;

use super::speech::title_like;
use super::subject::{group_subject, plausible_name};
use super::{Context, QuoteSpan, quote_around, see};
use crate::article::people::People;
use crate::article::speaker::{self, Attribution, Sighting, Subject};
use crate::article::tokens::{Token, is_sentence_end, token_at};

impl Context<'_> {
    /// Resolves the subject of each quote's frame, in text order, seeing the pronouns before
    /// each quote and the speaker of each framed quote.
    pub(super) fn resolve_framed(&mut self) {
        for i in 0..self.spans.len() {
            let span = &self.spans[i];
            self.see_pronouns_before(span.open);
            // `“...,” he added` after an unnamed spokesman: the institution goes on.
            if let Some(name) = self.pronoun_goes_on_with_institution(i) {
                self.go_on_with_institution(i, name);
                continue;
            }
            let resolved = self.quotes[i]
                .frame
                .as_ref()
                .and_then(|frame| self.frame_speaker(frame, span));
            self.quotes[i].speaker = resolved;
            if resolved.is_none()
                && let Some(name) = self.role_goes_on_with_institution(i)
            {
                self.go_on_with_institution(i, name);
                continue;
            }
            if let (Some(person), Some(frame)) = (resolved, &self.quotes[i].frame) {
                let at = frame.at;
                see(
                    &mut self.seen,
                    Sighting {
                        at,
                        person,
                        speaking: true,
                        subject: true,
                        paragraph: span.paragraph,
                    },
                );
            }
        }
    }

    /// Quote `i`'s frame speaks for the institution `name`, as an unnamed person went on.
    fn go_on_with_institution(&mut self, i: usize, name: String) {
        let quote = &mut self.quotes[i];
        quote.speaker = None;
        quote.chained = true;
        if let Some(frame) = quote.frame.as_mut() {
            frame.subject = Subject::Organisation(name);
        }
    }

    /// The person a frame names. A name in the frame is the person of its mention there, which
    /// its title decided (`Sen. Dole` of Robert and Elizabeth Dole); else it is resolved.
    fn frame_speaker(&self, frame: &Attribution, span: &QuoteSpan) -> Option<usize> {
        let mentions = &self.found.mentions;
        let mention = matches!(frame.subject, Subject::Name(_))
            .then(|| {
                let at = mentions.partition_point(|m| m.start < frame.at);
                mentions.get(at).filter(|m| m.start == frame.at)
            })
            .flatten();
        // (`he characterized Sen. Tim Kaine as “...”`: those named after the frame's subject
        // are not who it means.)
        mention.map(|m| m.person).or_else(|| {
            speaker::resolve(
                &frame.subject,
                frame.at.min(span.open),
                span.paragraph,
                &self.found,
                &self.seen,
            )
        })
    }

    /// Whether quote `j` lends its speaker to others: a person, or an organisation, which
    /// speaks on too (`“...,” the bureau said. “...,” it said.`).
    fn speaks(&self, j: usize) -> bool {
        self.quotes[j].speaker.is_some()
            || matches!(
                self.quotes[j]
                    .attributed_by
                    .and_then(|k| self.quotes[k].frame.as_ref())
                    .map(|f| &f.subject),
                Some(Subject::Organisation(_))
            )
    }

    /// Fills the quotes that no frame resolved, in text order.
    pub(super) fn resolve_unframed(&mut self) {
        // The quotes that others take their speaker from; this pass changes the speakers of
        // unframed quotes only, so the list holds throughout.
        let framed: Vec<usize> = (0..self.spans.len())
            .filter(|&j| self.quotes[j].frame.is_some() && self.speaks(j))
            .collect();
        for i in 0..self.spans.len() {
            if self.quotes[i].speaker.is_none() {
                self.resolve_unframed_quote(i, &framed);
            }
        }
    }

    /// Fills quote `i`, which has no speaker yet, from its sentence, its paragraph or the
    /// paragraph before.
    fn resolve_unframed_quote(&mut self, i: usize, framed: &[usize]) {
        // A frame that names nobody (`“...,” one official said`) leaves its quote unnamed,
        // unless the quote is one of several in a sentence that names its subject (`..., he
        // said, adding that “...”`).
        if let Some(frame) = &self.quotes[i].frame {
            if frame.subject == Subject::Other {
                self.take_sentence_subject(i);
            }
            return;
        }
        let span = &self.spans[i];
        if let Some(j) = self.framed_in_same_paragraphs(i, framed) {
            self.continue_speaker(i, j);
            return;
        }
        // A paragraph that opens with a quote continues the previous paragraph's speaker.
        let opens_paragraph = span.open == self.ranges[span.paragraph].0;
        let open_token = self.token_at(span.open);
        let after_sentence_end = open_token > 0 && is_sentence_end(self.tokens, open_token - 1);
        if !opens_paragraph && self.continues_indirect_speech(i) {
            let before = (self.ranges[span.paragraph].0, span.open);
            // Without a verb of saying, the person the sentence before is about
            // (`Kohan named bigotry as the reason. “They are tired of it.”`).
            self.quotes[i].speaker =
                lead_in_speaker(self.tokens, before, true, &self.found, &self.seen).or_else(|| {
                    named_subject_before(self.tokens, self.spans, before, &self.found, &self.seen)
                });
            return;
        }
        // A quote inside a sentence that no frame attributes is the words of the sentence's
        // subject.
        if !opens_paragraph && open_token > 0 && !after_sentence_end {
            self.take_sentence_subject(i);
            return;
        }
        let Some(previous) = span.paragraph.checked_sub(1).filter(|_| opens_paragraph) else {
            return;
        };
        self.take_previous_paragraph_speaker(i, previous);
    }

    /// Quote `i` takes the speaker and the attributing frame of quote `j`.
    fn continue_speaker(&mut self, i: usize, j: usize) {
        self.quotes[i].speaker = self.quotes[j].speaker;
        self.quotes[i].attributed_by = self.quotes[j].attributed_by;
    }

    /// Quote `i` is the words of its sentence's subject.
    fn take_sentence_subject(&mut self, i: usize) {
        let (speaker, subject) = self.subject_of_sentence(i);
        self.quotes[i].speaker = speaker;
        self.quotes[i].sentence_subject = subject;
    }

    /// The nearest framed quote with a speaker in the same paragraphs as quote `i`, the earlier
    /// one on a tie. Spans are in text order and do not overlap, so only the nearest framed
    /// quote on each side can share a paragraph with this one.
    fn framed_in_same_paragraphs(&self, i: usize, framed: &[usize]) -> Option<usize> {
        let span = &self.spans[i];
        let below = framed.partition_point(|&j| j < i);
        let lower = below
            .checked_sub(1)
            .map(|k| framed[k])
            .filter(|&j| self.spans[j].last_paragraph >= span.paragraph);
        let upper = framed
            .get(below)
            .copied()
            .filter(|&j| self.spans[j].paragraph <= span.last_paragraph);
        match (lower, upper) {
            (Some(lower), Some(upper)) => Some(if i - lower <= upper - i { lower } else { upper }),
            (lower, upper) => lower.or(upper),
        }
    }

    /// Whether quote `i` is a sentence of its own that ends the paragraph, after indirect
    /// speech (`Kohan says she got a call. “It scared me.”`), and continues it.
    fn continues_indirect_speech(&self, i: usize) -> bool {
        let span = &self.spans[i];
        let open_token = self.token_at(span.open);
        let ends_paragraph = self.nothing_after(span);
        // A framed quote before it in the paragraph that names nobody (`“...,” a trader
        // said. “...”`) leaves this one unnamed too.
        let after_unnamed_frame = (0..i)
            .rev()
            .take_while(|&j| self.spans[j].last_paragraph >= span.paragraph)
            .any(|j| self.quotes[j].frame.is_some());
        ends_paragraph
            && !after_unnamed_frame
            && open_token > 0
            && is_sentence_end(self.tokens, open_token - 1)
    }

    /// Whether no word follows the quote in its last paragraph.
    fn nothing_after(&self, span: &QuoteSpan) -> bool {
        let paragraph_end = self.ranges[span.last_paragraph].1;
        !self.text[span.close.min(paragraph_end)..paragraph_end]
            .chars()
            .any(char::is_alphanumeric)
    }

    /// Quote `i`, which opens its paragraph, continues the speaker of the paragraph before.
    fn take_previous_paragraph_speaker(&mut self, i: usize, previous: usize) {
        // Spans close in paragraph order: stop at the first that closes before `previous`.
        let earlier = (0..i)
            .rev()
            .take_while(|&j| self.spans[j].last_paragraph >= previous)
            .find(|&j| self.spans[j].last_paragraph == previous)
            .filter(|&j| self.speaks(j));
        if let Some(j) = earlier {
            self.continue_speaker(i, j);
        } else {
            // Words after the quote (`"...," said one official`) are an attribution of its
            // own that names nobody: only a paragraph that is all quote takes the speaker of
            // reported speech before it.
            let all_quote = self.nothing_after(&self.spans[i]);
            let speaker = lead_in_speaker(
                self.tokens,
                self.ranges[previous],
                all_quote,
                &self.found,
                &self.seen,
            );
            self.quotes[i].speaker = speaker;
            // `... fell by a third, the Norland Fisheries Agency said.` and then a paragraph
            // that is all quote: the institution goes on speaking.
            if speaker.is_none() {
                self.quotes[i].sentence_subject =
                    lead_in_organisation(self.tokens, self.ranges[previous], all_quote);
            }
        }
    }

    /// Who quote `i` is the words of when it stands inside a sentence that no frame names
    /// anyone for (`Trump attacked “the hateful ideology ...”`, `he said, adding that
    /// “...”`): the sentence's subject, read after any earlier quote of the sentence; a person,
    /// or else an organisation or a group.
    fn subject_of_sentence(&self, i: usize) -> (Option<usize>, Option<Subject>) {
        let span = &self.spans[i];
        let open = self.token_at(span.open);
        let mut floor = self.starts[open].max(self.token_at(self.ranges[span.paragraph].0));
        if let Some(j) = i.checked_sub(1)
            && self
                .tokens
                .get(floor)
                .is_some_and(|t| self.spans[j].close > t.start)
        {
            // An earlier quote of the sentence with a speaker lends it (`she was “...” not for
            // her policy (think Eleanor Roosevelt) but for her “...”`).
            let earlier = &self.quotes[j];
            if (earlier.speaker.is_some() || earlier.sentence_subject.is_some())
                && !title_like(&self.spans[j].text(self.text))
            {
                return (earlier.speaker, earlier.sentence_subject.clone());
            }
            floor = self.token_at(self.spans[j].close);
        }
        let Some(subject) = self.clause_subject_before(span, floor, open) else {
            return (None, None);
        };
        if let Some(group) = group_subject(&subject, &self.mid_sentence, &self.found) {
            return (None, Some(group));
        }
        let person = speaker::resolve(&subject, span.open, span.paragraph, &self.found, &self.seen);
        (person, self.organisation_subject(&subject, person))
    }

    /// The subject of the clause before the quote opening at token `open`, from `floor`. A
    /// subject inside an earlier quote (`On “Face the Nation,” Sanders ...`) is none, and so is
    /// a capitalised word that names nobody (`Immediately after the attacks, Trump issued a
    /// statement, “...”`).
    fn clause_subject_before(
        &self,
        span: &QuoteSpan,
        mut floor: usize,
        open: usize,
    ) -> Option<Subject> {
        loop {
            match speaker::clause_subject(self.tokens, floor, open) {
                Some((_, at)) if let Some(earlier) = quote_around(self.spans, at) => {
                    floor = self.token_at(earlier.close);
                }
                Some((Subject::Name(parts), at))
                    if at < span.open
                        && speaker::resolve(
                            &Subject::Name(parts.clone()),
                            at,
                            0,
                            &self.found,
                            &self.seen,
                        )
                        .is_none()
                        && !plausible_name(&parts, &self.mid_sentence) =>
                {
                    floor = self.token_at(at) + parts.len();
                }
                // (A name read on into the quote is no subject.)
                Some((subject, at)) if at < span.open => return Some(subject),
                _ => return None,
            }
        }
    }

    /// `PolitiFact rated ...`: a name nobody vouched for as a person, capitalised in the
    /// middle of a sentence, and (one word) used more than once, names an organisation.
    fn organisation_subject(&self, subject: &Subject, person: Option<usize>) -> Option<Subject> {
        match subject {
            Subject::Name(parts)
                if person.is_none() && plausible_name(parts, &self.mid_sentence) =>
            {
                let used_again = || {
                    let counts = self.word_counts.get_or_init(|| {
                        let mut counts: HashMap<&str, usize> = HashMap::default();
                        for token in self.tokens {
                            *counts.entry(token.text).or_default() += 1;
                        }
                        counts
                    });
                    counts.get(parts[0].as_str()).is_some_and(|&n| n > 1)
                };
                (parts.len() > 1 || used_again()).then(|| Subject::Organisation(parts.join(" ")))
            }
            _ => None,
        }
    }
}

/// The speaker named by the paragraph before a paragraph that opens with a quote: a lead-in
/// that ends with a colon (`He told reporters:`), or, when the quote is all its paragraph
/// (`all_quote`), a sentence of reported speech.
fn lead_in_speaker(
    tokens: &[Token],
    (start, end): (usize, usize),
    all_quote: bool,
    people: &People,
    seen: &[Sighting],
) -> Option<usize> {
    let first = token_at(tokens, start);
    let last = token_at(tokens, end);
    if last == 0 || last <= first {
        return None;
    }
    let floor = speaker::sentence_start(tokens, first, last - 1);
    if !tokens.get(last - 1).is_some_and(|t| t.is(':')) {
        if !all_quote {
            return None;
        }
        // `Kohan said the vote was rigged.` followed by a paragraph that is all quote: the one
        // who just spoke in indirect speech goes on in direct speech.
        let frame = speaker::reported_speech(tokens, floor, last)?;
        return speaker::resolve(&frame.subject, end, 0, people, seen);
    }
    // `He told reporters:`, and `Kohan issued the following statement:` without a verb of saying.
    let frame = speaker::attribution_before(tokens, floor, last)
        .filter(|frame| frame.subject != Subject::Other)
        .or_else(|| speaker::lead_in_subject(tokens, floor, last))?;
    speaker::resolve(&frame.subject, end, 0, people, seen)
}

/// The institution that the paragraph `start..end` before a paragraph that opens with a quote
/// gives the floor to, as [`lead_in_speaker`] reads it: a lead-in that ends with a colon (`The
/// agency said in a statement:`) or, before a paragraph that is all quote (`all_quote`), a
/// sentence of reported speech whose subject is an institution.
fn lead_in_organisation(
    tokens: &[Token],
    (start, end): (usize, usize),
    all_quote: bool,
) -> Option<Subject> {
    let first = token_at(tokens, start);
    let last = token_at(tokens, end);
    if last == 0 || last <= first {
        return None;
    }
    let floor = speaker::sentence_start(tokens, first, last - 1);
    let frame = if tokens.get(last - 1).is_some_and(|t| t.is(':')) {
        speaker::attribution_before(tokens, floor, last)?
    } else if all_quote {
        speaker::reported_speech_by_anyone(tokens, floor, last)?
    } else {
        return None;
    };
    matches!(frame.subject, Subject::Organisation(_)).then_some(frame.subject)
}

/// The person named as the subject of the sentence that ends at `end`, in `start..end`; a name
/// inside a quote (`On “Face the Nation,” Sanders ...`) is none.
fn named_subject_before(
    tokens: &[Token],
    spans: &[QuoteSpan],
    (start, end): (usize, usize),
    people: &People,
    seen: &[Sighting],
) -> Option<usize> {
    let first = token_at(tokens, start);
    let last = token_at(tokens, end);
    if last == 0 || last <= first {
        return None;
    }
    let mut floor = speaker::sentence_start(tokens, first, last - 1);
    loop {
        let frame = speaker::lead_in_subject(tokens, floor, last)
            .filter(|frame| matches!(frame.subject, Subject::Name(_)))?;
        match quote_around(spans, frame.at) {
            Some(quote) => floor = token_at(tokens, quote.close),
            None => return speaker::resolve(&frame.subject, end, 0, people, seen),
        }
    }
}
