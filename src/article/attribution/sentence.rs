//! The sentence that attributes a quote, as `Quote::attribution` gives it: the sentence around
//! the frame's subject, with the quote's own words elided. Sentence ends inside quotes do not
//! end it. Reads text only; who spoke is decided elsewhere.

use super::quote_around;
use crate::article::quotes::QuoteSpan;
use crate::article::tokens::{Token, is_quote_mark, is_sentence_end, token_at};

/// The longest attribution sentence given with a quote, in bytes (its quote elided). The
/// longest in the team corpus, the shared corpora and PolNeAR is about 2,200; past this it is a
/// run-on text without sentence ends (a list, a table, garbage) that no reader checks a speaker
/// in, and copying it for each of its quotes would make the article's size quadratic.
const MAX_ATTRIBUTION_BYTES: usize = 8192;

/// Whether token `i` ends a sentence as attribution sentences see it: sentence ends inside
/// quotes do not end it, unless the quote closes on one and a new sentence begins after it.
fn ends_quoted_sentence(tokens: &[Token], spans: &[QuoteSpan], i: usize) -> bool {
    if !is_sentence_end(tokens, i) {
        return false;
    }
    let Some(around) = quote_around(spans, tokens[i].start).filter(|_| !tokens[i].is_break())
    else {
        return true;
    };
    // `... taken.” “We resumed ...`: a quote that closes on a full stop ends the sentence
    // when a new one begins after it.
    let closes_quote = tokens.get(i + 1).is_some_and(|t| t.end == around.close);
    closes_quote
        && tokens.get(i + 2).is_none_or(|t| {
            t.is_break() || t.is_capitalized() || t.start >= around.close && is_quote_mark(t)
        })
}

/// For every token `k` (and `k == tokens.len()`), where its sentence starts and the first token
/// at or after it that ends one (or `tokens.len()`), with sentence ends as
/// [`ends_quoted_sentence`] sees them. Found once per article, so that each attributed quote of
/// a run-on text finds its sentence without walking it.
pub(super) struct QuoteSentences {
    start: Vec<usize>,
    end: Vec<usize>,
}

impl QuoteSentences {
    /// The sentence bounds of every token of an article with these quotes.
    pub(super) fn new(tokens: &[Token], spans: &[QuoteSpan]) -> QuoteSentences {
        let ends: Vec<bool> = (0..tokens.len())
            .map(|i| ends_quoted_sentence(tokens, spans, i))
            .collect();
        let mut start = Vec::with_capacity(tokens.len() + 1);
        let mut first = 0;
        for k in 0..=tokens.len() {
            if k > 0 && ends[k - 1] {
                first = k;
            }
            start.push(first);
        }
        let mut end = vec![tokens.len(); tokens.len() + 1];
        for k in (0..tokens.len()).rev() {
            end[k] = if ends[k] { k } else { end[k + 1] };
        }
        QuoteSentences { start, end }
    }
}

/// The sentence around byte `at` (a frame's subject), with the words of quote `quote` elided to
/// `…`; sentence ends inside quotes do not end it.
pub(super) fn attribution_sentence(
    text: &str,
    tokens: &[Token],
    spans: &[QuoteSpan],
    sentences: &QuoteSentences,
    quote: usize,
    at: usize,
) -> Option<String> {
    // A sentence that ends inside a quote ends at its closing mark.
    let boundary_after = |i: usize| {
        quote_around(spans, tokens[i].start)
            .filter(|_| !tokens[i].is_break())
            .map_or(tokens[i].end, |q| q.close)
    };
    let first = sentences.start[token_at(tokens, at.min(spans[quote].open))];
    let start = match first {
        0 => 0,
        _ => boundary_after(first - 1).max(tokens.get(first)?.start),
    };
    let last = sentences.end[token_at(tokens, at.max(spans[quote].open))];
    let end = match tokens.get(last) {
        Some(token) if !token.is_break() => boundary_after(last),
        _ => tokens.get(last.checked_sub(1)?)?.end,
    };
    let start = text[start..end].find(|c: char| !c.is_whitespace())? + start;
    let span = &spans[quote];
    let elided = (start <= span.open && span.close <= end)
        .then(|| Some((span.parts.first()?.0, span.parts.last()?.1)))
        .flatten();
    let length = elided.map_or(end - start, |(inner_start, inner_end)| {
        (inner_start - start) + (end - inner_end)
    });
    if length > MAX_ATTRIBUTION_BYTES {
        return None;
    }
    let sentence = match elided {
        Some((inner_start, inner_end)) => {
            format!("{}…{}", &text[start..inner_start], &text[inner_end..end])
        }
        None => text[start..end].to_string(),
    };
    let sentence = sentence.split_whitespace().collect::<Vec<_>>().join(" ");
    (!sentence.is_empty()).then_some(sentence)
}
