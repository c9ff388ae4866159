//! What reading produces, whatever the format: `RawArticle`s, the files and records skipped with
//! their reasons, warnings, and the small text helpers every reader shares (paragraphs, bylines,
//! dates as feeds write them). Knows no format.

use std::path::{Path, PathBuf};

use serde::Serialize;

/// One article as read from a file, before any news-specific parsing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RawArticle {
    /// The file it came from.
    pub path: PathBuf,
    /// Its position among the articles of a multi-article file (0 for one-article files).
    pub record: usize,
    /// The headline, when the format carries it as a field.
    pub headline: Option<String>,
    /// The deck (sub-headline), when the format carries it as a field.
    pub deck: Option<String>,
    /// Paragraphs in order; for plain text this includes the header lines.
    pub paragraphs: Vec<String>,
    /// The publication date as the file's metadata gives it, unparsed.
    pub published: Option<String>,
    /// The article's address, when known.
    pub url: Option<String>,
    /// The agency the feed credits (`AFP`, `dpa`, `ITAR-TASS`, `reuters.com`), as the feed
    /// spells it; `None` when the format has no such field.
    pub agency: Option<String>,
    /// The dateline place the feed gives as a field (`MOSCOW`, `Stockholm`), as spelled there.
    pub dateline: Option<String>,
    /// The byline the feed gives as a field (`By Manuel Schwarz, dpa`).
    pub byline: Option<String>,
    /// The language the feed declares (`xml:lang`, a `language` field), as written there.
    pub lang: Option<String>,
}

/// A path as text, losslessly: a UTF-8 path as it is; in a path that is not UTF-8 (a Latin-1
/// name on a Linux disk), each byte that is not UTF-8 is written `\xHH` and each backslash
/// `\\`, so the name can be told apart from its neighbours and typed back. `to_string_lossy`
/// wrote every such byte as U+FFFD, so `café` and `cafè` in Latin-1 were one name; serde refused
/// the path outright and cut `--json` and `--report` off mid-object.
pub fn path_text(path: &Path) -> std::borrow::Cow<'_, str> {
    if let Some(text) = path.to_str() {
        return std::borrow::Cow::Borrowed(text);
    }
    let bytes = path.as_os_str().as_encoded_bytes();
    let mut out = String::with_capacity(bytes.len() + 8);
    for chunk in bytes.utf8_chunks() {
        for c in chunk.valid().chars() {
            if c == '\\' {
                out.push_str("\\\\");
            } else {
                out.push(c);
            }
        }
        for byte in chunk.invalid() {
            out.push_str(&format!("\\x{byte:02X}"));
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Serialises a path as [`path_text`] writes it (serde's own impl fails on non-UTF-8 paths).
pub fn serialize_path<S: serde::Serializer>(path: &Path, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(&path_text(path))
}

/// A file, or a record inside a file, that was not indexed, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Skipped {
    /// The file concerned.
    #[serde(serialize_with = "serialize_path")]
    pub path: PathBuf,
    /// Why it was not indexed.
    pub reason: String,
}

/// Something worth reporting about a file that was indexed anyway (a guessed encoding,
/// replacement characters).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Warning {
    /// The file concerned.
    #[serde(serialize_with = "serialize_path")]
    pub path: PathBuf,
    /// What happened.
    pub message: String,
}

/// What reading one file produced.
#[derive(Debug, Default)]
pub struct FileArticles {
    /// The articles found.
    pub articles: Vec<RawArticle>,
    /// Files or records that were not indexed.
    pub skipped: Vec<Skipped>,
    /// Notes about the file that did not stop it being read (encoding guessed or damaged).
    pub warnings: Vec<Warning>,
}

impl FileArticles {
    pub(crate) fn skip(path: &Path, reason: impl Into<String>) -> FileArticles {
        FileArticles {
            skipped: vec![Skipped {
                path: path.to_path_buf(),
                reason: reason.into(),
            }],
            ..FileArticles::default()
        }
    }
}

/// Splits text into paragraphs at blank lines, joining the lines of a paragraph with spaces.
pub fn paragraphs(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
        } else {
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(line);
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// Removes the deck from the start of the body where a scraper repeated it there: as the whole
/// first paragraph, or as the start of it (`content` fields that open with the `description`
/// and run on into the dateline). Case, spacing and a final full stop do not matter.
pub(crate) fn drop_repeated_deck(deck: Option<&str>, body: &mut Vec<String>) {
    let (Some(deck), Some(first)) = (deck, body.first()) else {
        return;
    };
    let normal = |word: &str| word.trim_end_matches('.').to_lowercase();
    let deck_words: Vec<String> = deck.split_whitespace().map(normal).collect();
    if deck_words.is_empty() {
        return;
    }
    let mut words = first
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - first.as_ptr() as usize + w.len(), w));
    let mut end = 0;
    for expected in &deck_words {
        match words.next() {
            Some((word_end, word)) if normal(word) == *expected => end = word_end,
            _ => return,
        }
    }
    let rest = first[end..]
        .trim_start_matches(['.', ' '])
        .trim()
        .to_string();
    if rest.is_empty() {
        body.remove(0);
    } else {
        body[0] = rest;
    }
}

/// Rewrites an ISO 8601 basic date as feeds write it (`20190121T102708`, `20151210T191044Z`,
/// `20180404T175859+0300`) in the extended form the article stage reads (`2019-01-21T10:27:08`);
/// other forms are returned trimmed and unchanged, and placeholders such as `YYYYMMDD` dropped.
pub(crate) fn normal_date(text: &str) -> Option<String> {
    let text = text.trim();
    let digits = |s: &str| s.len() >= 8 && s.bytes().take(8).all(|b| b.is_ascii_digit());
    if digits(text) && !text[..8].contains('-') {
        let (y, m, d) = (&text[0..4], &text[4..6], &text[6..8]);
        let time = text[8..].strip_prefix('T').unwrap_or("");
        if time.len() >= 6 && time.bytes().take(6).all(|b| b.is_ascii_digit()) {
            let (h, mi, se) = (&time[0..2], &time[2..4], &time[4..6]);
            return Some(format!("{y}-{m}-{d}T{h}:{mi}:{se}"));
        }
        return Some(format!("{y}-{m}-{d}"));
    }
    let has_digit = text.bytes().any(|b| b.is_ascii_digit());
    (has_digit && !text.contains("YYYY")).then(|| text.to_string())
}

/// Takes a leading `By ...` paragraph (a byline the feed put in the body) out of `paragraphs`.
pub(crate) fn take_byline(paragraphs: &mut Vec<String>) -> Option<String> {
    let first = paragraphs.first()?;
    let words = first.split_whitespace().count();
    let is_byline = (first.starts_with("By ") || first.starts_with("BY ")) && words <= 12;
    is_byline.then(|| paragraphs.remove(0))
}
