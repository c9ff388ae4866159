//! CSV exports (`title`, `text`, `date` columns, as in the ISOT fake-news corpus and scraper
//! dumps), read with the `csv` crate: one article per row. Column names are matched without case
//! and under the names scrapers commonly use; a bad row is skipped with its row number.

use std::path::Path;

use super::raw::{FileArticles, RawArticle, Skipped, paragraphs};

const HEADLINE: &[&str] = &["title", "headline"];
const BODY: &[&str] = &["text", "body", "content", "article"];
const DATE: &[&str] = &["date", "published", "published_at", "pubdate", "datetime"];
const DECK: &[&str] = &["description", "subtitle", "deck", "summary"];
const URL: &[&str] = &["url", "link"];

/// True when the first line is a CSV header naming a headline and a text column.
pub(super) fn looks_like_csv(text: &str) -> bool {
    let first = text.lines().next().unwrap_or("").to_ascii_lowercase();
    let names: Vec<&str> = first
        .split(',')
        .map(|n| n.trim().trim_matches('"'))
        .collect();
    let has = |keys: &[&str]| names.iter().any(|n| keys.contains(n));
    has(HEADLINE) && has(BODY)
}

/// Reads a CSV file, one article per row.
pub(super) fn read(path: &Path, text: &str) -> FileArticles {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(|n| n.trim().to_ascii_lowercase()).collect(),
        Err(err) => return FileArticles::skip(path, format!("malformed CSV header: {err}")),
    };
    let column = |keys: &[&str]| {
        keys.iter()
            .find_map(|k| headers.iter().position(|h| h == k))
    };
    let Some(body_column) = column(BODY) else {
        return FileArticles::skip(
            path,
            format!(
                "CSV without a text column (expected title, text and date columns; found {})",
                headers.join(", ")
            ),
        );
    };
    let (headline, date, deck, url) = (column(HEADLINE), column(DATE), column(DECK), column(URL));
    let mut out = FileArticles::default();
    for (index, row) in reader.records().enumerate() {
        // Row numbers as a spreadsheet shows them: the header is row 1.
        let row_number = index + 2;
        let row = match row {
            Ok(row) => row,
            Err(err) => {
                out.skipped.push(skipped(
                    path,
                    format!("row {row_number}: malformed CSV: {err}"),
                ));
                continue;
            }
        };
        let field = |at: Option<usize>| {
            at.and_then(|i| row.get(i))
                .map(str::trim)
                .filter(|v| !v.is_empty())
                .map(String::from)
        };
        let mut body = paragraphs(row.get(body_column).unwrap_or(""));
        // Scrapers put the description again at the start of the content.
        super::raw::drop_repeated_deck(field(deck).as_deref(), &mut body);
        if body.is_empty() {
            out.skipped.push(skipped(
                path,
                format!("row {row_number}: no body text (empty text column)"),
            ));
            continue;
        }
        out.articles.push(RawArticle {
            path: path.to_path_buf(),
            record: index,
            headline: field(headline),
            deck: field(deck),
            paragraphs: body,
            published: field(date),
            url: field(url),
            ..RawArticle::default()
        });
    }
    if out.articles.is_empty() && out.skipped.is_empty() {
        out.skipped
            .push(skipped(path, "CSV with a header and no rows".into()));
    }
    out
}

fn skipped(path: &Path, reason: String) -> Skipped {
    Skipped {
        path: path.to_path_buf(),
        reason,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_become_articles_and_bad_rows_are_named() {
        let text = "title,text,subject,date\n\
\"Port of Gdansk reopens\",\"GDANSK (Reuters) - The port reopened.\n\nTrade resumed.\",news,\"December 31, 2017 \"\n\
\"Empty\",\"\",news,2017-01-01\n";
        let read = read(Path::new("t.csv"), text);
        assert_eq!(read.articles.len(), 1);
        let a = &read.articles[0];
        assert_eq!(a.headline.as_deref(), Some("Port of Gdansk reopens"));
        assert_eq!(a.paragraphs.len(), 2);
        assert_eq!(a.published.as_deref(), Some("December 31, 2017"));
        assert_eq!(
            read.skipped[0].reason,
            "row 3: no body text (empty text column)"
        );
        assert!(looks_like_csv(text));
        assert!(!looks_like_csv("a,b\n1,2"));
    }

    #[test]
    fn csv_without_text_column_and_garbage_are_skipped_not_panics() {
        let read = read(Path::new("t.csv"), "a,b\n1,2\n");
        assert!(
            read.skipped[0]
                .reason
                .starts_with("CSV without a text column")
        );
        for input in [
            "title,text\n\"unclosed",
            "\"",
            ",,,\n,,",
            "title,text\n\u{0}\u{1},\u{2}",
        ] {
            let _ = super::read(Path::new("t.csv"), input);
        }
    }
}
