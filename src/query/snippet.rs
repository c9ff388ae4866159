//! Snippets: the passage of a text that best matches the query, with the matched words marked by
//! byte ranges. Rendering (colour, brackets, JSON) is the output stage's business.

use serde::Serialize;
use tantivy::Searcher;
use tantivy::query::Query;
use tantivy::schema::Field;
use tantivy::snippet::SnippetGenerator;

/// Longest snippet, in characters.
pub const SNIPPET_CHARS: usize = 240;

/// A passage with the matched words marked.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Snippet {
    /// The passage.
    pub text: String,
    /// Byte ranges of the matched words in `text`.
    pub highlights: Vec<(usize, usize)>,
}

/// Makes snippets of one field's text for one query.
pub struct Snippets {
    generator: Option<SnippetGenerator>,
    /// The same for text in two-byte letters (Cyrillic, Greek): tantivy's `max_num_chars`
    /// counts bytes, so a Russian snippet would show half as many letters as an English one.
    wide: Option<SnippetGenerator>,
}

impl Snippets {
    /// A snippet maker for `query` on `field`; one that returns plain openings when the query has
    /// no words in that field.
    pub fn new(searcher: &Searcher, query: &dyn Query, field: Field) -> Snippets {
        // A query with no words in the field (`headline:summit` for the body) would have every
        // text tokenized for nothing.
        let mut has_words = false;
        query.query_terms(&mut |term, _| has_words |= term.field() == field);
        if !has_words {
            return Snippets {
                generator: None,
                wide: None,
            };
        }
        let make = |bytes: usize| {
            SnippetGenerator::create(searcher, query, field)
                .ok()
                .map(|mut g| {
                    g.set_max_num_chars(bytes);
                    g
                })
        };
        Snippets {
            generator: make(SNIPPET_CHARS),
            wide: make(SNIPPET_CHARS * 2),
        }
    }

    /// The best passage of `text`; its opening when nothing in it matches.
    pub fn of(&self, text: &str) -> Snippet {
        let two_byte_letters = !text.is_ascii() && text.len() > text.chars().count() * 3 / 2;
        let generator = if two_byte_letters {
            &self.wide
        } else {
            &self.generator
        };
        if let Some(generator) = generator {
            let snippet = generator.snippet(text);
            if !snippet.is_empty() && !snippet.highlighted().is_empty() {
                // Newlines become spaces: byte offsets stay valid and the snippet stays one line.
                return Snippet {
                    text: snippet.fragment().replace('\n', " "),
                    highlights: snippet
                        .highlighted()
                        .iter()
                        .map(|r| (r.start, r.end))
                        .collect(),
                };
            }
        }
        opening(text)
    }
}

/// The first `SNIPPET_CHARS` characters of `text`, cut at a word boundary.
pub fn opening(text: &str) -> Snippet {
    // Only the words that can show are joined: one character past the limit tells a text
    // that must be cut from one that fits.
    let source = text;
    let mut text = String::with_capacity(SNIPPET_CHARS + 16);
    let mut chars = 0;
    for word in source.split_whitespace() {
        if chars > SNIPPET_CHARS {
            break;
        }
        if !text.is_empty() {
            text.push(' ');
            chars += 1;
        }
        text.push_str(word);
        chars += word.chars().count();
    }
    if chars <= SNIPPET_CHARS {
        return Snippet {
            text,
            highlights: Vec::new(),
        };
    }
    let cut = text
        .char_indices()
        .nth(SNIPPET_CHARS)
        .map_or(text.len(), |(i, _)| i);
    let cut = text[..cut].rfind(' ').unwrap_or(cut);
    Snippet {
        text: format!("{}…", &text[..cut]),
        highlights: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The opening as first written: the whole text's words joined, then cut.
    fn joined_then_cut(text: &str) -> String {
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if text.chars().count() <= SNIPPET_CHARS {
            return text;
        }
        let cut = text
            .char_indices()
            .nth(SNIPPET_CHARS)
            .map_or(text.len(), |(i, _)| i);
        let cut = text[..cut].rfind(' ').unwrap_or(cut);
        format!("{}…", &text[..cut])
    }

    #[test]
    fn the_opening_joins_only_the_words_that_can_show_and_cuts_as_the_whole_text_would() {
        let words = [
            "Norland's",
            "central",
            "bank",
            "kept",
            "rates",
            "at",
            "4.5%",
            "—",
            "Ørsted",
            "a",
        ];
        for length in [0, 1, 5, 30, 38, 39, 40, 41, 42, 60, 200] {
            for spacing in ["  ", " \n\t", " "] {
                let text: String = (0..length)
                    .map(|n| words[n % words.len()])
                    .collect::<Vec<_>>()
                    .join(spacing);
                assert_eq!(
                    opening(&text).text,
                    joined_then_cut(&text),
                    "{length} words"
                );
            }
        }
        let unbroken = "x".repeat(SNIPPET_CHARS + 5);
        assert_eq!(opening(&unbroken).text, joined_then_cut(&unbroken));
        let exactly = format!("{} {}", "a".repeat(100), "b".repeat(SNIPPET_CHARS - 101));
        assert_eq!(opening(&exactly).text, exactly);
        assert!(opening(&format!("{exactly} c")).text.ends_with('…'));
    }
}
