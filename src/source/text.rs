//! Plain-text articles: one article per file, paragraphs separated by blank lines. The header
//! (navigation lines, headline, deck) stays in the paragraphs for the article stage to split.

use std::path::Path;

use super::anpa;
use super::raw::{RawArticle, paragraphs};

/// Reads a one-article text file; `None` when it holds no paragraph at all.
pub(super) fn read(path: &Path, text: &str) -> Option<RawArticle> {
    let mut paragraphs = paragraphs(text);
    // dpa and Kyodo copy saved without its control characters still ends with the feed's
    // trailer (`301405 GMT Jan 14`): the item's date, not a paragraph of the story.
    let published = paragraphs.last().and_then(|last| anpa::trailer_date(last));
    if published.is_some() {
        paragraphs.pop();
    }
    if paragraphs.is_empty() {
        return None;
    }
    Some(RawArticle {
        path: path.to_path_buf(),
        paragraphs,
        published,
        ..RawArticle::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_final_feed_trailer_dates_a_text_article_and_leaves_the_body() {
        // (case, input, published, paragraphs)
        let cases = [
            (
                "dpa trailer",
                "Harbour reopens\n\nKlinsburg (dpa) - The harbour reopened.\n\n301405 GMT Jan 14\n",
                Some("2014-01-30"),
                2,
            ),
            (
                "trailer without GMT",
                "Harbour reopens\n\nThe harbour reopened.\n\n301405 Jan 14",
                Some("2014-01-30"),
                2,
            ),
            (
                "Kyodo stamp",
                "Harbour reopens\n\nThe harbour reopened.\n\nKWS-21:37-09-12-18",
                Some("2018-12-09"),
                2,
            ),
            (
                "a number ending the story is text",
                "Harbour reopens\n\nThe harbour reopened.\n\n301405 tonnes",
                None,
                3,
            ),
            (
                "impossible day",
                "Harbour reopens\n\n321405 GMT Jan 14",
                None,
                2,
            ),
            ("only a trailer", "301405 GMT Jan 14", None, 0),
        ];
        for (case, input, published, count) in cases {
            let read = read(Path::new("x.txt"), input);
            assert_eq!(
                read.as_ref().and_then(|a| a.published.as_deref()),
                published,
                "{case}"
            );
            assert_eq!(read.map_or(0, |a| a.paragraphs.len()), count, "{case}");
        }
    }
}
