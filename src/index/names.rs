//! A token filter that maps each name word to the key its transliteration variants share
//! (`sergey` and `sergei` both become `sergei`), so `--by "Sergey Lavrov"` finds what was
//! written `Sergei Lavrov`. The variants live in `article/data/name_variants.tsv`.

use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

use crate::article::lexicon::Lexicon;

/// Maps name words to their transliteration key.
#[derive(Clone, Copy, Debug)]
pub struct NameKeyFilter;

impl TokenFilter for NameKeyFilter {
    type Tokenizer<T: Tokenizer> = NameKeyTokenizer<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> NameKeyTokenizer<T> {
        NameKeyTokenizer { tokenizer }
    }
}

/// The tokenizer `NameKeyFilter` wraps around another.
#[derive(Clone, Debug)]
pub struct NameKeyTokenizer<T> {
    tokenizer: T,
}

impl<T: Tokenizer> Tokenizer for NameKeyTokenizer<T> {
    type TokenStream<'a> = NameKeyStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        NameKeyStream {
            tail: self.tokenizer.token_stream(text),
        }
    }
}

/// The token stream of `NameKeyTokenizer`.
pub struct NameKeyStream<S> {
    tail: S,
}

impl<S: TokenStream> TokenStream for NameKeyStream<S> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let key = Lexicon::get().name_key(&self.tail.token().text);
        if key != self.tail.token().text {
            self.tail.token_mut().text = key;
        }
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}
