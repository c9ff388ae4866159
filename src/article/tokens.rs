//! Splitting text into word and punctuation tokens with byte offsets, the unit that the name,
//! quote and attribution rules match on, and the token tests that several of those rules share
//! (which token holds an offset, which ends a sentence, which is a quote mark).

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters and digits, with inner apostrophes, hyphens and dots (`O'Brien`, `al-Assad`, `U.S`).
    Word,
    /// One punctuation or symbol character.
    Punct,
}

/// A token and where it sits in the text it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'a> {
    /// The token's text.
    pub text: &'a str,
    /// Byte offset of its first character.
    pub start: usize,
    /// Byte offset just past its last character.
    pub end: usize,
    /// Word or punctuation.
    pub kind: TokenKind,
    /// Whether the word is capitalised (see [`Token::is_capitalized`]): the rules ask it of
    /// every word many times over, so the tokenizer answers it once.
    capitalized: bool,
}

/// The text before and after the first hyphen (`-` or `‐`), as `str::split_once(['-', '‐'])`
/// answers, found by scanning bytes (`-` is one byte, `‐` the three bytes E2 80 90).
fn split_at_hyphen(text: &str) -> Option<(&str, &str)> {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'-' => return Some((&text[..i], &text[i + 1..])),
            0xE2 if bytes[i + 1..].starts_with(&[0x80, 0x90]) => {
                return Some((&text[..i], &text[i + 3..]));
            }
            _ => i += 1,
        }
    }
    None
}

/// Whether a word is capitalised: its first character is upper case, or a short particle
/// glued to a capitalised name (`al-Rashidi`, `el-Sisi`, `bin-Salman`).
fn word_is_capitalized(text: &str) -> bool {
    // An ASCII first letter needs no decoding.
    let first_upper = match text.as_bytes().first() {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        _ => text.chars().next().is_some_and(char::is_uppercase),
    };
    first_upper
        || split_at_hyphen(text).is_some_and(|(particle, rest)| {
            particle.chars().count() <= 3 && rest.chars().next().is_some_and(char::is_uppercase)
        })
}

impl Token<'_> {
    /// True for a word whose first character is upper case, or whose short particle before
    /// a hyphen is followed by one (`al-Rashidi`).
    #[inline]
    pub fn is_capitalized(&self) -> bool {
        self.capitalized
    }

    /// True for a word token.
    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }

    /// True for the token that stands for a line or paragraph break.
    pub fn is_break(&self) -> bool {
        self.kind == TokenKind::Punct && self.text == "\n"
    }

    /// True when the token is exactly this punctuation character.
    pub fn is(&self, c: char) -> bool {
        self.kind == TokenKind::Punct && self.text.starts_with(c)
    }

    /// The word in lower case, without a trailing possessive (`Lavrov's` -> `lavrov`).
    pub fn key(&self) -> String {
        strip_possessive(self.text).to_lowercase()
    }
}

/// Removes a trailing possessive `'s` / `’s` or bare apostrophe.
pub fn strip_possessive(word: &str) -> &str {
    for suffix in ["'s", "’s", "'", "’"] {
        if let Some(stem) = word.strip_suffix(suffix)
            && !stem.is_empty()
        {
            return stem;
        }
    }
    word
}

/// True for a word with a possessive ending (`Lavrov's`, `Bank’s`).
pub fn is_possessive(word: &str) -> bool {
    strip_possessive(word).len() != word.len()
}

/// Characters that join the parts of one word (`O'Brien`, `al-Assad`, `U.S`).
fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '‐' | '.')
}

/// Splits `text` into tokens; whitespace separates and is dropped.
pub fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut tokens = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c == '\n' {
            // A line break stands as a token of its own (once per run of blank lines), so that
            // names and sentences never run across paragraphs.
            if tokens.last().is_some_and(|t: &Token| t.text != "\n") {
                tokens.push(Token {
                    text: &text[start..start + 1],
                    start,
                    end: start + 1,
                    kind: TokenKind::Punct,
                    capitalized: false,
                });
            }
            continue;
        }
        if c.is_whitespace() {
            continue;
        }
        if c.is_alphanumeric() {
            let mut end = start + c.len_utf8();
            while let Some(&(i, next)) = chars.peek() {
                if next.is_alphanumeric() {
                    chars.next();
                    end = i + next.len_utf8();
                } else if is_joiner(next) {
                    // A joiner stays inside the word only when a letter or digit follows it
                    // (`al-Assad`, `U.S`), so sentence-final dots and dashes stand alone.
                    let after = text[i + next.len_utf8()..].chars().next();
                    if after.is_some_and(char::is_alphanumeric) {
                        chars.next();
                        end = i + next.len_utf8();
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
            tokens.push(Token {
                text: &text[start..end],
                start,
                end,
                kind: TokenKind::Word,
                capitalized: word_is_capitalized(&text[start..end]),
            });
        } else {
            let end = start + c.len_utf8();
            tokens.push(Token {
                text: &text[start..end],
                start,
                end,
                kind: TokenKind::Punct,
                capitalized: false,
            });
        }
    }
    tokens
}

/// The index of the first token starting at or after `offset`.
pub fn token_at(tokens: &[Token], offset: usize) -> usize {
    tokens.partition_point(|t| t.start < offset)
}

/// Whether token `i` ends a sentence: a paragraph break, or `.`/`!`/`?` that closes no
/// abbreviation or initial.
pub fn is_sentence_end(tokens: &[Token], i: usize) -> bool {
    let token = &tokens[i];
    if token.is_break() {
        return true;
    }
    if !(token.is('.') || token.is('!') || token.is('?')) {
        return false;
    }
    // `D-Mich.,` and `Inc.,`: a dot before a comma closes an abbreviation, not a sentence; so
    // does one before a word in lower case or a number (`Acme Inc. said`, `the No. 2 man`).
    // `(D-Nev.) told`: nor does one that a parenthesis closes.
    if tokens.get(i + 1).is_some_and(|next| {
        next.is(',')
            || next.is(')')
            || (token.is('.')
                && next.is_word()
                && next
                    .text
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit()))
    }) {
        return false;
    }
    // A dot after an initial or abbreviated title (`J.`, `Mr.`) does not end the sentence; a
    // title in full does (`said the state director.`).
    let abbreviation = i > 0
        && tokens[i - 1].end == token.start
        && tokens[i - 1].is_word()
        && (tokens[i - 1].text.chars().count() == 1
            || (tokens[i - 1].is_capitalized()
                && super::lexicon::Lexicon::get().is_abbreviated_title(tokens[i - 1].text)));
    !(token.is('.') && abbreviation)
}

/// Whether the token is a quotation mark of any style.
pub fn is_quote_mark(token: &Token) -> bool {
    token.kind == TokenKind::Punct && "“”\"«»„`'".contains(token.text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hyphen_split_by_bytes_agrees_with_split_once() {
        let words = [
            "al-Assad",
            "el‐Sisi",
            "bin-",
            "-Salman",
            "no",
            "",
            "’s-Abu",
            "ab’‐Cd",
            "x—y-Z",
            "ибн-Саид",
            "tri-state‐Area",
            "‐",
            "a‑B",
        ];
        for word in words {
            assert_eq!(split_at_hyphen(word), word.split_once(['-', '‐']), "{word}");
        }
        let capitalized = |text| tokenize(text)[0].is_capitalized();
        assert!(capitalized("al-Assad") && capitalized("Élysée") && capitalized("ибн-Саид"));
        assert!(!capitalized("long-Name") && !capitalized("élysée") && !capitalized("e2-"));
        assert!(!capitalized("“") && word_is_capitalized("E-") && !word_is_capitalized("e-"));
    }

    #[test]
    fn words_keep_inner_joiners_and_punctuation_stands_alone() {
        let cases = [
            ("Lavrov's view.", vec!["Lavrov's", "view", "."]),
            (
                "al-Assad, U.S. envoy",
                vec!["al-Assad", ",", "U.S", ".", "envoy"],
            ),
            ("“Yes,” he said", vec!["“", "Yes", ",", "”", "he", "said"]),
            ("end -- next", vec!["end", "-", "-", "next"]),
            ("one.\n\n\nTwo", vec!["one", ".", "\n", "Two"]),
        ];
        for (input, expected) in cases {
            let got: Vec<&str> = tokenize(input).iter().map(|t| t.text).collect();
            assert_eq!(got, expected, "input {input:?}");
        }
    }

    #[test]
    fn possessives_are_stripped_from_keys() {
        let cases = [("Lavrov's", "lavrov"), ("Jones’", "jones"), ("Abe", "abe")];
        for (word, key) in cases {
            assert_eq!(strip_possessive(word).to_lowercase(), key, "word {word}");
        }
    }
}
