//! Stemming by script, with a memo of the words already stemmed: a Cyrillic word takes the
//! Snowball Russian stem (`нефти` -> `нефт`, with `ё` read as `е`, as Russian print mostly
//! writes it), any other word the English one. Choosing by the word's script rather than the
//! article's language means a query needs no language: `нефть` and `oil` are each analysed as
//! the words they are, and an English name in Russian copy stems as English.
//! News vocabulary is Zipfian: the
//! same few thousand words make most of every article, and the Snowball stemmer was a sixth of
//! indexing time. Each thread keeps its own memo, emptied when it grows past a bound.

use rustc_hash::FxHashMap;
use std::cell::RefCell;

use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

/// Words a thread remembers before it starts over.
const MEMO_LIMIT: usize = 200_000;

thread_local! {
    static MEMO: RefCell<FxHashMap<String, String>> = RefCell::new(FxHashMap::default());
}

/// Whether a word is written in Cyrillic (its first letter decides).
fn is_cyrillic(word: &str) -> bool {
    word.chars()
        .find(|c| c.is_alphabetic())
        .is_some_and(|c| ('\u{0400}'..='\u{04ff}').contains(&c))
}

/// The Snowball stem of a lower-case word (the stemmers tantivy uses): Russian for a Cyrillic
/// word, with `ё` folded to `е`; English otherwise. Memoised.
pub fn stem(word: &str, out: &mut String) {
    MEMO.with(|memo| {
        let mut memo = memo.borrow_mut();
        if let Some(stem) = memo.get(word) {
            out.clear();
            out.push_str(stem);
            return;
        }
        let stem = if !word.is_ascii() && is_cyrillic(word) {
            let folded = word.replace('ё', "е");
            frostem::Stemmer::new(frostem::Algorithm::Russian)
                .stem(&folded)
                .into_owned()
        } else {
            frostem::Stemmer::new(frostem::Algorithm::English)
                .stem(word)
                .into_owned()
        };
        out.clear();
        out.push_str(&stem);
        if memo.len() >= MEMO_LIMIT {
            memo.clear();
        }
        memo.insert(word.to_string(), out.clone());
    });
}

/// Token filter: each token's text replaced by its stem ([`stem`]). Tokens must be lower case.
#[derive(Clone, Copy, Default)]
pub struct CachedStemmer;

impl TokenFilter for CachedStemmer {
    type Tokenizer<T: Tokenizer> = StemFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> StemFilter<T> {
        StemFilter { inner: tokenizer }
    }
}

/// A tokenizer followed by [`CachedStemmer`].
#[derive(Clone)]
pub struct StemFilter<T> {
    inner: T,
}

impl<T: Tokenizer> Tokenizer for StemFilter<T> {
    type TokenStream<'a> = StemStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        StemStream {
            tail: self.inner.token_stream(text),
            buffer: String::new(),
        }
    }
}

/// The token stream of a [`StemFilter`].
pub struct StemStream<T> {
    tail: T,
    buffer: String,
}

impl<T: TokenStream> TokenStream for StemStream<T> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        stem(&token.text, &mut self.buffer);
        std::mem::swap(&mut token.text, &mut self.buffer);
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::tokenizer::{Language, LowerCaser, SimpleTokenizer, Stemmer, TextAnalyzer};

    fn texts(mut analyzer: TextAnalyzer, text: &str) -> Vec<String> {
        let mut stream = analyzer.token_stream(text);
        let mut out = Vec::new();
        while stream.advance() {
            out.push(stream.token().text.clone());
        }
        out
    }

    #[test]
    fn stems_as_tantivy_does_and_again_from_the_memo() {
        let text = "Visited visits visiting ministers ministry presided generously running runs";
        let ours = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .filter(CachedStemmer)
            .build();
        let tantivy = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .filter(Stemmer::new(Language::English))
            .build();
        let expected = texts(tantivy, text);
        assert_eq!(texts(ours.clone(), text), expected);
        // Second time round every word comes from the memo.
        assert_eq!(texts(ours, text), expected);
        assert_eq!(expected[0], "visit");
    }

    #[test]
    fn cyrillic_words_take_the_russian_stem_and_yo_is_ye() {
        let ours = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .filter(CachedStemmer)
            .build();
        let same = [
            ("нефть", "нефти"),
            ("нефть", "нефтью"),
            ("министр", "министра"),
            ("переговоры", "переговорах"),
            ("ещё", "еще"),
            ("oil", "oil"),
        ];
        for (a, b) in same {
            assert_eq!(texts(ours.clone(), a), texts(ours.clone(), b), "{a} / {b}");
        }
        assert_eq!(texts(ours, "ministers"), ["minist"]);
    }
}
