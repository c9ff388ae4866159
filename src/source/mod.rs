//! Finding and reading inputs: folders are walked in a deterministic order and every file becomes
//! either raw articles or a `Skipped` with its reason. This stage knows file formats, not news:
//! it never looks for datelines or quotes.

mod json;
mod text;

use std::path::{Path, PathBuf};

use serde::Serialize;
use walkdir::WalkDir;

/// Files larger than this are skipped: no single wire article comes near it.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

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
}

/// A file, or a record inside a file, that was not indexed, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Skipped {
    /// The file concerned.
    pub path: PathBuf,
    /// Why it was not indexed.
    pub reason: String,
}

/// What reading one file produced.
#[derive(Debug, Default)]
pub struct FileArticles {
    /// The articles found.
    pub articles: Vec<RawArticle>,
    /// Files or records that were not indexed.
    pub skipped: Vec<Skipped>,
}

/// The kinds of file wiredex reads, decided by extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One article per file: header lines, then paragraphs.
    Text,
    /// A JSON object or an array of objects.
    Json,
    /// One JSON object per line.
    JsonLines,
}

impl Format {
    /// The format a path's extension names, if wiredex reads it.
    pub fn of(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "text" => Some(Format::Text),
            "json" => Some(Format::Json),
            "jsonl" | "ndjson" => Some(Format::JsonLines),
            _ => None,
        }
    }
}

/// Walks `roots` (files or folders) in sorted order and lists every file found, or the reason a
/// path could not be walked. Hidden files and folders are ignored.
pub fn discover(roots: &[PathBuf]) -> (Vec<PathBuf>, Vec<Skipped>) {
    let mut files = Vec::new();
    let mut skipped = Vec::new();
    for root in roots {
        let walker = WalkDir::new(root)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|entry| entry.depth() == 0 || !is_hidden(entry.file_name()));
        for entry in walker {
            match entry {
                Ok(entry) if entry.file_type().is_file() => files.push(entry.into_path()),
                Ok(_) => {}
                Err(err) => {
                    let path = err.path().unwrap_or(root).to_path_buf();
                    let reason = match err.io_error() {
                        Some(io) if io.kind() == std::io::ErrorKind::NotFound => {
                            "no such file or folder".to_string()
                        }
                        Some(io) => io.to_string(),
                        None => "symbolic link loop".to_string(),
                    };
                    skipped.push(Skipped { path, reason });
                }
            }
        }
    }
    (files, skipped)
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_str().is_some_and(|n| n.starts_with('.'))
}

/// Reads one file into raw articles, or says why it cannot be used.
pub fn read_file(path: &Path) -> FileArticles {
    let skip = |reason: String| FileArticles {
        articles: Vec::new(),
        skipped: vec![Skipped {
            path: path.to_path_buf(),
            reason,
        }],
    };
    let Some(format) = Format::of(path) else {
        return skip("unsupported file type (expected .txt, .json, .jsonl or .ndjson)".into());
    };
    match std::fs::metadata(path) {
        Ok(meta) if meta.len() > MAX_FILE_BYTES => {
            return skip(format!(
                "too large ({} bytes; the limit is {MAX_FILE_BYTES})",
                meta.len()
            ));
        }
        Ok(_) => {}
        Err(err) => return skip(format!("unreadable: {err}")),
    }
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(err) => return skip(format!("unreadable: {err}")),
    };
    read_bytes(path, format, &bytes)
}

/// Reads the content of a file already in memory, as `format`.
pub fn read_bytes(path: &Path, format: Format, bytes: &[u8]) -> FileArticles {
    let skip = |reason: &str| FileArticles {
        articles: Vec::new(),
        skipped: vec![Skipped {
            path: path.to_path_buf(),
            reason: reason.to_string(),
        }],
    };
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return skip("empty file");
    }
    if bytes.contains(&0) {
        return skip("binary file (contains NUL bytes)");
    }
    let text = decode(bytes);
    match format {
        Format::Text => match text::read(path, &text) {
            Some(article) => FileArticles {
                articles: vec![article],
                skipped: Vec::new(),
            },
            None => skip("no article found (no text after the headline)"),
        },
        Format::Json => json::read_json(path, &text),
        Format::JsonLines => json::read_json_lines(path, &text),
    }
}

/// Decodes bytes as UTF-8 (dropping a byte-order mark), falling back to Windows-1252 for files
/// that are not valid UTF-8, which is what old wire archives mostly are.
fn decode(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_string(),
        Err(_) => bytes.iter().map(|&b| windows_1252_char(b)).collect(),
    }
}

fn windows_1252_char(byte: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    match byte {
        0x80..=0x9f => HIGH[usize::from(byte - 0x80)],
        _ => char::from(byte),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_split_at_blank_lines_and_join_wrapped_lines() {
        let cases = [
            ("a\n\nb", vec!["a", "b"]),
            ("a\nb\n\n\n c \n", vec!["a b", "c"]),
            ("\r\nx\r\n\r\ny", vec!["x", "y"]),
            ("", vec![]),
        ];
        for (input, expected) in cases {
            assert_eq!(paragraphs(input), expected, "input {input:?}");
        }
    }

    #[test]
    fn invalid_utf8_is_read_as_windows_1252() {
        assert_eq!(decode(b"caf\xe9 \x93q\x94"), "café “q”");
        assert_eq!(decode(b"\xEF\xBB\xBFplain"), "plain");
    }

    #[test]
    fn empty_and_binary_files_are_skipped_with_reasons() {
        let path = Path::new("x.txt");
        let empty = read_bytes(path, Format::Text, b"  \n");
        assert_eq!(empty.skipped[0].reason, "empty file");
        let binary = read_bytes(path, Format::Text, b"ab\0cd");
        assert_eq!(binary.skipped[0].reason, "binary file (contains NUL bytes)");
    }
}
