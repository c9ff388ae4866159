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
}

impl Snippets {
    /// A snippet maker for `query` on `field`; one that returns plain openings when the query has
    /// no words in that field.
    pub fn new(searcher: &Searcher, query: &dyn Query, field: Field) -> Snippets {
        let generator = SnippetGenerator::create(searcher, query, field)
            .ok()
            .map(|mut g| {
                g.set_max_num_chars(SNIPPET_CHARS);
                g
            });
        Snippets { generator }
    }

    /// The best passage of `text`; its opening when nothing in it matches.
    pub fn of(&self, text: &str) -> Snippet {
        if let Some(generator) = &self.generator {
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
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= SNIPPET_CHARS {
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
