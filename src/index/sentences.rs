//! A word tokenizer that leaves a wide gap of positions between sentences, so that a phrase
//! query with a slop below the gap (`putin SAME japan`) matches only words of one sentence, and
//! phrases and `NEAR/N` never match across a full stop.

use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

/// Positions skipped between the last word of a sentence and the first word of the next.
pub const SENTENCE_GAP: usize = 1000;

/// The phrase slop that keeps two words inside one sentence: any slop below the gap.
pub const SAME_SENTENCE_SLOP: u32 = (SENTENCE_GAP - 1) as u32;

/// Short words that a full stop follows without ending the sentence (`Mr. Abe`, `Gen. Ito`).
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "gen", "col", "lt", "sgt", "capt", "cmdr", "adm", "rep", "sen",
    "gov", "prof", "jr", "sr", "co", "corp", "inc", "ltd", "no", "vs", "jan", "feb", "aug", "sept",
    "sep", "oct", "nov", "dec", "rev", "mt", "ft",
];

/// Splits text into runs of letters and digits, like tantivy's `SimpleTokenizer`, and adds
/// `SENTENCE_GAP` (1000) to the position at each sentence boundary.
#[derive(Clone, Default)]
pub struct SentenceTokenizer {
    token: Token,
}

/// The token stream of a [`SentenceTokenizer`].
pub struct SentenceTokenStream<'a> {
    text: &'a str,
    /// Byte offset where the search for the next word starts.
    cursor: usize,
    /// End of the previous word, if there was one.
    previous_end: Option<usize>,
    /// Start of the previous word.
    previous_start: usize,
    token: &'a mut Token,
}

impl Tokenizer for SentenceTokenizer {
    type TokenStream<'a> = SentenceTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> SentenceTokenStream<'a> {
        self.token.reset();
        SentenceTokenStream {
            text,
            cursor: 0,
            previous_end: None,
            previous_start: 0,
            token: &mut self.token,
        }
    }
}

impl SentenceTokenStream<'_> {
    /// Whether the text between the previous word and the word at `start` ends a sentence.
    fn boundary_before(&self, start: usize) -> bool {
        let Some(previous_end) = self.previous_end else {
            return false;
        };
        let between = &self.text[previous_end..start];
        if between.contains('\n') {
            return true;
        }
        if !between.contains(['.', '!', '?']) {
            return false;
        }
        // `Mr. Abe`, `J. Smith`, `U.S. officials`: a full stop after an initial or abbreviation.
        if between.trim_start().starts_with('.') {
            let previous = &self.text[self.previous_start..previous_end];
            let short = previous.chars().count() == 1;
            if short
                || ABBREVIATIONS
                    .iter()
                    .any(|a| a.eq_ignore_ascii_case(previous))
            {
                return false;
            }
        }
        // A new sentence starts with a capital or a digit (`... closed. 2014 was ...`).
        self.text[start..]
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_numeric())
    }
}

impl TokenStream for SentenceTokenStream<'_> {
    fn advance(&mut self) -> bool {
        self.token.text.clear();
        let rest = &self.text[self.cursor..];
        let Some(start) = rest.find(char::is_alphanumeric).map(|i| i + self.cursor) else {
            self.cursor = self.text.len();
            return false;
        };
        let end = self.text[start..]
            .find(|c: char| !c.is_alphanumeric())
            .map_or(self.text.len(), |i| i + start);
        let step = if self.boundary_before(start) {
            SENTENCE_GAP + 1
        } else {
            1
        };
        self.token.position = self.token.position.wrapping_add(step);
        self.token.offset_from = start;
        self.token.offset_to = end;
        self.token.text.push_str(&self.text[start..end]);
        self.previous_start = start;
        self.previous_end = Some(end);
        self.cursor = end;
        true
    }

    fn token(&self) -> &Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn positions(text: &str) -> Vec<(String, usize)> {
        let mut tokenizer = SentenceTokenizer::default();
        let mut stream = tokenizer.token_stream(text);
        let mut out = Vec::new();
        while stream.advance() {
            out.push((stream.token().text.clone(), stream.token().position));
        }
        out
    }

    #[test]
    fn sentences_are_a_gap_apart_and_abbreviations_are_not_ends() {
        let gap = SENTENCE_GAP + 1;
        let got = positions("Mr. Ito met U.S. envoys. They talked!\n\nno end. 2014 came");
        let expected = [
            ("Mr", 0),
            ("Ito", 1),
            ("met", 2),
            ("U", 3),
            ("S", 4),
            ("envoys", 5),
            ("They", 5 + gap),
            ("talked", 6 + gap),
            ("no", 6 + 2 * gap),
            ("end", 7 + 2 * gap),
            ("2014", 7 + 3 * gap),
            ("came", 8 + 3 * gap),
        ];
        let expected: Vec<(String, usize)> =
            expected.iter().map(|(w, p)| (w.to_string(), *p)).collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn a_full_stop_before_a_lower_case_word_is_no_boundary() {
        let got = positions("approx. three");
        assert_eq!(got[1].1, 1);
        assert!(positions("").is_empty());
        assert_eq!(positions("été à Paris")[2], ("Paris".to_string(), 2));
    }
}
