//! Plain-text articles: one article per file, paragraphs separated by blank lines. The header
//! (navigation lines, headline, deck) stays in the paragraphs for the article stage to split.

use std::path::Path;

use super::{RawArticle, paragraphs};

/// Reads a one-article text file; `None` when it holds no paragraph at all.
pub(super) fn read(path: &Path, text: &str) -> Option<RawArticle> {
    let paragraphs = paragraphs(text);
    if paragraphs.is_empty() {
        return None;
    }
    Some(RawArticle {
        path: path.to_path_buf(),
        paragraphs,
        ..RawArticle::default()
    })
}
