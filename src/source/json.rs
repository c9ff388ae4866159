//! Scraper exports: a JSON object, an array of objects, or JSON Lines. Field names vary between
//! scrapers, so each field is looked up under the names they commonly use.

use std::path::Path;

use serde::Deserializer as _;
use serde::de::{SeqAccess, Visitor};
use serde_json::{Map, Value};

use super::raw::{FileArticles, RawArticle, Skipped, paragraphs};

const HEADLINE_KEYS: &[&str] = &["title", "headline"];
const DECK_KEYS: &[&str] = &["description", "subtitle", "deck", "summary"];
const BODY_KEYS: &[&str] = &["content", "text", "body", "article"];
const DATE_KEYS: &[&str] = &["date", "published", "published_at", "pubDate", "datetime"];
const URL_KEYS: &[&str] = &["url", "link"];
const LANG_KEYS: &[&str] = &["lang", "language", "inLanguage"];

/// Reads a `.json` file holding one article object or an array of them. An array is read one
/// item at a time: each item becomes a raw article before the next is parsed, so a large export
/// never stands in memory as a tree of JSON values (a 61 MB array took 1.6 GB that way).
pub(super) fn read_json(path: &Path, text: &str) -> FileArticles {
    let mut out = FileArticles::default();
    if text.trim_start().as_bytes().first() == Some(&ARRAY_START) {
        let mut items = serde_json::Deserializer::from_str(text);
        let read = items
            .deserialize_seq(Items {
                path,
                out: &mut out,
            })
            .and_then(|count| items.end().map(|()| count));
        match read {
            Ok(0) => out.skipped.push(skipped(path, "empty JSON array".into())),
            Ok(_) => {}
            // A file that is not JSON throughout is not half indexed.
            Err(err) => return FileArticles::skip(path, malformed(&err)),
        }
        return out;
    }
    match serde_json::from_str::<Value>(text) {
        Ok(item) => push_record(path, 0, &item, "top-level value", &mut out),
        // JSON Lines saved as `.json` (the RIA Novosti dataset's `ria_20.json`): an object, then
        // another on the next line.
        Err(err) if is_json_lines(text, &err) => return read_json_lines(path, text),
        Err(err) => out.skipped.push(skipped(path, malformed(&err))),
    }
    out
}

fn malformed(err: &serde_json::Error) -> String {
    format!(
        "malformed JSON at line {} column {}: {err}",
        err.line(),
        err.column()
    )
}

/// The first byte of a JSON array (an opening square bracket).
const ARRAY_START: u8 = 0x5B;

/// Turns each item of a top-level JSON array into a raw article (or a skip) as it is parsed,
/// answering how many items there were.
struct Items<'a> {
    path: &'a Path,
    out: &'a mut FileArticles,
}

impl<'de> Visitor<'de> for Items<'_> {
    type Value = usize;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("an array of article objects")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<usize, A::Error> {
        let mut record = 0;
        while let Some(item) = seq.next_element::<Value>()? {
            push_record(
                self.path,
                record,
                &item,
                &format!("item {record}"),
                self.out,
            );
            record += 1;
        }
        Ok(record)
    }
}

/// The first byte of a JSON object (an opening curly bracket).
const OBJECT_START: u8 = 0x7B;

/// Whether a `.json` file that failed to parse is JSON Lines: it opens with an object and fails
/// at the start of a later line with "trailing characters", where the next object begins.
fn is_json_lines(text: &str, err: &serde_json::Error) -> bool {
    err.line() > 1
        && err.column() == 1
        && text.trim_start().as_bytes().first() == Some(&OBJECT_START)
        && err.to_string().starts_with("trailing characters")
}

/// Reads a JSON Lines file: one article object per non-blank line.
pub(super) fn read_json_lines(path: &Path, text: &str) -> FileArticles {
    let mut out = FileArticles::default();
    let mut record = 0;
    for (index, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let where_ = format!("line {}", index + 1);
        match serde_json::from_str::<Value>(line) {
            Ok(item) => {
                push_record(path, record, &item, &where_, &mut out);
                record += 1;
            }
            Err(err) => out
                .skipped
                .push(skipped(path, format!("malformed JSON at {where_}: {err}"))),
        }
    }
    // Lines of only Unicode spaces (no-break, em) pass the empty-file check, which looks for
    // ASCII whitespace; the file still needs a reason.
    if record == 0 && out.skipped.is_empty() {
        out.skipped.push(skipped(
            path,
            "no JSON object on any line (only blank lines)".into(),
        ));
    }
    out
}

fn skipped(path: &Path, reason: String) -> Skipped {
    Skipped {
        path: path.to_path_buf(),
        reason,
    }
}

fn push_record(path: &Path, record: usize, item: &Value, where_: &str, out: &mut FileArticles) {
    let Value::Object(object) = item else {
        out.skipped.push(skipped(
            path,
            format!("{where_}: expected a JSON object with the article's fields"),
        ));
        return;
    };
    let headline = string_field(object, HEADLINE_KEYS);
    let deck = string_field(object, DECK_KEYS);
    let mut body = body_paragraphs(object);
    // Scrapers of tass.com put the deck again at the start of the content.
    super::raw::drop_repeated_deck(deck.as_deref(), &mut body);
    if body.is_empty() {
        out.skipped.push(skipped(
            path,
            format!("{where_}: no body text (expected a non-empty content, text or body field)"),
        ));
        return;
    }
    out.articles.push(RawArticle {
        path: path.to_path_buf(),
        record,
        headline,
        deck,
        paragraphs: body,
        published: string_field(object, DATE_KEYS),
        url: string_field(object, URL_KEYS),
        lang: string_field(object, LANG_KEYS),
        ..RawArticle::default()
    });
}

fn string_field(object: &Map<String, Value>, keys: &[&str]) -> Option<String> {
    keys.iter()
        .filter_map(|key| object.get(*key))
        .find_map(|value| match value {
            Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
            Value::Number(n) => Some(n.to_string()),
            _ => None,
        })
}

fn body_paragraphs(object: &Map<String, Value>) -> Vec<String> {
    for key in BODY_KEYS {
        match object.get(*key) {
            Some(Value::String(text)) => {
                // Scrapes that keep the page's markup (`<p><strong>москва, 1 дек&nbsp;&mdash;`).
                let found = if text.trim_start().starts_with('<') && text.contains("<p") {
                    super::html::fragment_paragraphs(text)
                } else {
                    paragraphs(text)
                };
                if !found.is_empty() {
                    return found;
                }
            }
            Some(Value::Array(items)) => {
                let found: Vec<String> = items
                    .iter()
                    .filter_map(Value::as_str)
                    .flat_map(paragraphs)
                    .collect();
                if !found.is_empty() {
                    return found;
                }
            }
            _ => {}
        }
    }
    Vec::new()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn array_of_scraped_items_drops_repeated_description() {
        let text = r#"[{"title":"T","description":"D.","date":"2024-12-26 21:09:18",
            "link":"https://example.com/1","content":["D","MOSCOW, December 26. /TASS/. Body."]}]"#;
        let read = read_json(Path::new("a.json"), text);
        let article = &read.articles[0];
        assert_eq!(article.headline.as_deref(), Some("T"));
        assert_eq!(article.deck.as_deref(), Some("D."));
        assert_eq!(article.paragraphs, ["MOSCOW, December 26. /TASS/. Body."]);
        assert_eq!(article.published.as_deref(), Some("2024-12-26 21:09:18"));
        assert_eq!(article.url.as_deref(), Some("https://example.com/1"));
    }

    #[test]
    fn bad_records_are_reported_with_their_place() {
        let text = "{\"headline\":\"A\",\"body\":\"x\\n\\ny\"}\nnot json\n{\"title\":\"B\"}\n[1]\n";
        let read = read_json_lines(Path::new("f.jsonl"), text);
        assert_eq!(read.articles.len(), 1);
        assert_eq!(read.articles[0].paragraphs, ["x", "y"]);
        let reasons: Vec<&str> = read.skipped.iter().map(|s| s.reason.as_str()).collect();
        assert!(
            reasons[0].starts_with("malformed JSON at line 2"),
            "{reasons:?}"
        );
        assert_eq!(
            reasons[1],
            "line 3: no body text (expected a non-empty content, text or body field)"
        );
        assert_eq!(
            reasons[2],
            "line 4: expected a JSON object with the article's fields"
        );
    }

    #[test]
    fn an_array_read_item_by_item_is_all_or_nothing() {
        let good = r#"[{"title":"A","text":"One."}, 7, {"title":"B","text":"Two."}]"#;
        let read = read_json(Path::new("a.json"), good);
        assert_eq!(read.articles.len(), 2);
        assert_eq!(read.articles[1].record, 2);
        assert_eq!(
            read.skipped[0].reason,
            "item 1: expected a JSON object with the article's fields"
        );
        // Cut short, or followed by more than the array: the file is skipped, not half read.
        for (text, at) in [
            (
                r#"[{"title":"A","text":"One."}, {"title":"B""#,
                "line 1 column 42",
            ),
            (
                "[{\"title\":\"A\",\"text\":\"One.\"}]\n]",
                "line 2 column 1",
            ),
        ] {
            let read = read_json(Path::new("a.json"), text);
            assert!(read.articles.is_empty(), "{text}");
            assert!(
                read.skipped[0]
                    .reason
                    .starts_with(&format!("malformed JSON at {at}")),
                "{:?}",
                read.skipped
            );
        }
        let empty = read_json(Path::new("a.json"), " [ ] ");
        assert_eq!(empty.skipped[0].reason, "empty JSON array");
    }

    #[test]
    fn malformed_json_file_names_line_and_column() {
        let read = read_json(Path::new("f.json"), "{\"title\": }");
        assert!(
            read.skipped[0]
                .reason
                .starts_with("malformed JSON at line 1 column 11"),
            "{:?}",
            read.skipped
        );
    }

    /// Found with the `json` fuzz target's check that every file gives an article or a reason:
    /// a JSON Lines file of Unicode spaces gave neither.
    #[test]
    fn json_lines_of_only_unicode_spaces_are_skipped_with_a_reason() {
        let path = Path::new("f.jsonl");
        let read = super::super::read_bytes(
            path,
            super::super::Format::JsonLines,
            b"\xc2\xa0\n\xe2\x80\x83\n",
        );
        assert!(read.articles.is_empty());
        let reasons: Vec<&str> = read.skipped.iter().map(|s| s.reason.as_str()).collect();
        assert_eq!(reasons, ["no JSON object on any line (only blank lines)"]);
    }
}
