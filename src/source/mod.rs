//! Finding and reading inputs: folders are walked in a deterministic order and every file becomes
//! either raw articles or a `Skipped` with its reason. This stage knows file formats and
//! encodings, not news: it never looks for datelines or quotes. `Format` decides how a file is
//! read, by its content first and its extension second; each format has its own reader module.

mod anpa;
mod delimited;
pub(crate) mod encoding;
mod feed;
mod html;
mod json;
mod newsml;
mod nitf;
mod raw;
mod sgml;
mod text;
mod xml;

/// Undoes SGML character entities (`&amp;`, `&#3;`) as Reuters-21578 writes them.
pub use encoding::{Detection, decode, is_utf16};
pub use raw::{FileArticles, RawArticle, Skipped, Warning, paragraphs, path_text, serialize_path};
pub use sgml::entities as sgml_entities;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use walkdir::WalkDir;

/// Files larger than this are skipped: no single wire article comes near it. A gzip file may not
/// decompress to more than this either.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Text one article may hold: what is beyond is dropped, with a warning. The longest wire
/// stories and transcripts are a few hundred kilobytes; extraction and indexing take a few
/// dozen times an article's size, so one article of 20 MB (a hostile file, a log saved as
/// `.txt`) took half a gigabyte whatever the memory budget.
pub const MAX_ARTICLE_BYTES: usize = 1024 * 1024;

/// The kinds of file wiredex reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One article per file: header lines, then paragraphs.
    Text,
    /// A JSON object or an array of objects.
    Json,
    /// One JSON object per line.
    JsonLines,
    /// Reuters-21578 SGML: many `<REUTERS>` records per file.
    ReutersSgml,
    /// IPTC NITF XML: one article per file.
    Nitf,
    /// IPTC NewsML 1.2 XML: one or more `NewsItem`s.
    NewsMl,
    /// IPTC NewsML-G2 XML: one or more `newsItem`s.
    NewsMlG2,
    /// An RSS (2.0 or 1.0) or Atom feed: one article per item or entry.
    Feed,
    /// ANPA 1312 or IPTC 7901 wire text, framed by control characters (SOH, STX, ETX).
    Anpa,
    /// CSV with `title`, `text` and `date` columns, one article per row.
    Csv,
    /// An HTML article page.
    Html,
    /// A gzip-compressed file of any other format.
    Gzip,
}

/// What the extension-only fallback says when nothing identifies a file.
pub const UNSUPPORTED: &str = "unsupported file type (expected text, JSON, JSON Lines, Reuters SGML, NITF, NewsML, RSS, Atom, ANPA, CSV, HTML or gzip)";

impl Format {
    /// The format a path's extension names, if wiredex reads it.
    pub fn of(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "text" => Some(Format::Text),
            "json" => Some(Format::Json),
            "jsonl" | "ndjson" => Some(Format::JsonLines),
            "sgm" | "sgml" => Some(Format::ReutersSgml),
            "nitf" => Some(Format::Nitf),
            "newsml" => Some(Format::NewsMl),
            "rss" | "atom" => Some(Format::Feed),
            "tst" | "anpa" | "ipt" => Some(Format::Anpa),
            "csv" => Some(Format::Csv),
            "html" | "htm" | "xhtml" => Some(Format::Html),
            "gz" | "gzip" => Some(Format::Gzip),
            _ => None,
        }
    }

    /// The format the content shows beyond doubt (gzip magic, wire control characters, SGML or
    /// XML root element, HTML doctype), whatever the file is called.
    pub fn sniff(bytes: &[u8]) -> Option<Format> {
        if bytes.starts_with(&[0x1f, 0x8b]) {
            return Some(Format::Gzip);
        }
        let head = &bytes[..bytes.len().min(8192)];
        // ANPA and IPTC 7901 open with SYN/SOH and frame the text with STX ... ETX.
        if head.iter().take(64).any(|&b| b == 0x01 || b == 0x16) && head.contains(&0x02) {
            return Some(Format::Anpa);
        }
        let text = if encoding::is_utf16(head) {
            encoding::decode(head).text.into_owned()
        } else {
            String::from_utf8_lossy(head).into_owned()
        };
        let lower = text
            .trim_start_matches('\u{feff}')
            .trim_start()
            .to_ascii_lowercase();
        if lower.starts_with("<!doctype lewis")
            || (lower.contains("<reuters ") && lower.contains("newid="))
        {
            return Some(Format::ReutersSgml);
        }
        if lower.starts_with("<!doctype html") {
            return Some(Format::Html);
        }
        if !lower.starts_with('<') {
            return None;
        }
        let root = xml::root_element(&lower)?;
        let local = root.rsplit(':').next().unwrap_or(&root);
        match local {
            "newsmessage" | "newsitem" | "packageitem" => Some(Format::NewsMlG2),
            "newsml" => Some(Format::NewsMl),
            "nitf" => Some(Format::Nitf),
            "html" => Some(Format::Html),
            "rss" | "rdf" | "feed" => Some(Format::Feed),
            _ => None,
        }
    }

    /// The format of a file: what its content shows, else what its extension names, else (for a
    /// file without an extension) what the content looks like (JSON, CSV or plain text).
    pub fn detect(path: &Path, bytes: &[u8]) -> Option<Format> {
        if let Some(format) = Format::sniff(bytes) {
            return Some(format);
        }
        if let Some(format) = Format::of(path) {
            return Some(format);
        }
        if path.extension().is_some_and(|ext| {
            ext.to_str()
                .is_some_and(|e| e.len() <= 5 && e.chars().all(|c| c.is_ascii_alphanumeric()))
        }) {
            // A real extension wiredex does not read (.md, .jpg, .pdf): not an article file.
            return None;
        }
        Format::sniff_weak(bytes)
    }

    /// Guesses JSON, JSON Lines, CSV or plain text for a file whose name says nothing.
    fn sniff_weak(bytes: &[u8]) -> Option<Format> {
        let head = String::from_utf8_lossy(&bytes[..bytes.len().min(8192)]).into_owned();
        let trimmed = head.trim_start_matches('\u{feff}').trim_start();
        if trimmed.starts_with('[') {
            return Some(Format::Json);
        }
        if trimmed.starts_with('{') {
            let objects = trimmed
                .lines()
                .filter(|l| !l.trim().is_empty())
                .take(2)
                .filter(|l| l.trim_start().starts_with('{') && l.trim_end().ends_with('}'))
                .count();
            return Some(if objects == 2 {
                Format::JsonLines
            } else {
                Format::Json
            });
        }
        if delimited::looks_like_csv(trimmed) {
            return Some(Format::Csv);
        }
        let printable = head
            .chars()
            .filter(|c| !c.is_control() || c.is_whitespace())
            .count();
        (printable * 100 >= head.chars().count() * 95).then_some(Format::Text)
    }

    /// The format's name in messages.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Json => "JSON",
            Format::JsonLines => "JSON Lines",
            Format::ReutersSgml => "Reuters-21578 SGML",
            Format::Nitf => "NITF",
            Format::NewsMl => "NewsML 1.2",
            Format::NewsMlG2 => "NewsML-G2",
            Format::Feed => "RSS/Atom feed",
            Format::Anpa => "ANPA/IPTC 7901",
            Format::Csv => "CSV",
            Format::Html => "HTML",
            Format::Gzip => "gzip",
        }
    }
}

/// A regular file found by [`walk`], with what its metadata says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundFile {
    /// The path as the user will see it: the root as given, joined with the walked part.
    /// (Boxed, without spare capacity: a walk of a million files keeps them all.)
    pub path: Box<Path>,
    /// The same file as an absolute path that does not depend on the current folder or on how
    /// the root was spelled (`corpus`, `./corpus`, `/home/me/corpus`): the canonical root
    /// joined with the walked part. Symbolic links below the root are kept as walked.
    pub key: Box<Path>,
    /// Size in bytes.
    pub size: u64,
    /// Last modification time, when the file system keeps one.
    pub modified: Option<SystemTime>,
}

/// A path that [`walk`] could not use, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WalkProblem {
    /// The path as the user will see it.
    pub path: PathBuf,
    /// The absolute path, like [`FoundFile::key`].
    pub key: PathBuf,
    /// Why it was not used.
    pub reason: String,
}

/// What walking the roots found.
#[derive(Debug, Default)]
pub struct Walk {
    /// Regular files, in walk order, each once.
    pub files: Vec<FoundFile>,
    /// Paths that could not be used: missing roots, unreadable folders, symbolic link loops,
    /// named pipes, sockets and devices.
    pub problems: Vec<WalkProblem>,
    /// Each root as given, with its absolute path (like [`FoundFile::key`]).
    pub roots: Vec<(PathBuf, PathBuf)>,
}

/// The absolute, canonical form of a root: symbolic links and `..` resolved when the path
/// exists, made absolute without touching the disk otherwise.
pub fn root_key(root: &Path) -> PathBuf {
    std::fs::canonicalize(root)
        .or_else(|_| std::path::absolute(root))
        .unwrap_or_else(|_| root.to_path_buf())
}

fn key_of(root: &Path, root_key: &Path, path: &Path) -> PathBuf {
    match path.strip_prefix(root) {
        Ok(rest) if rest.as_os_str().is_empty() => root_key.to_path_buf(),
        Ok(rest) => root_key.join(rest),
        Err(_) => path.to_path_buf(),
    }
}

/// Walks `roots` (files or folders) in sorted order, following symbolic links, and lists every
/// regular file with its size and modification time, or the reason a path could not be used.
/// Hidden files and folders are ignored, and so is everything whose absolute path is in
/// `exclude` or below it (the index folder, a report file). A file reached twice (overlapping
/// roots) is listed once.
pub fn walk(roots: &[PathBuf], exclude: &[PathBuf]) -> Walk {
    let mut out = Walk::default();
    // Files already listed, by a 128-bit hash of their key (a tenth of the memory of the keys).
    let mut seen: std::collections::HashSet<u128> = std::collections::HashSet::new();
    for root in roots {
        let root_key = root_key(root);
        out.roots.push((root.clone(), root_key.clone()));
        let walker = WalkDir::new(root)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|entry| {
                (entry.depth() == 0 || !is_hidden(entry.file_name()))
                    && !exclude.contains(&key_of(root, &root_key, entry.path()))
            });
        for entry in walker {
            let entry = match entry {
                Ok(entry) => entry,
                Err(err) => {
                    let path = err.path().unwrap_or(root).to_path_buf();
                    let key = key_of(root, &root_key, &path);
                    let reason = walk_error_reason(&path, &err);
                    out.problems.push(WalkProblem { path, key, reason });
                    continue;
                }
            };
            let file_type = entry.file_type();
            if file_type.is_dir() {
                continue;
            }
            let key = key_of(root, &root_key, entry.path());
            if !file_type.is_file() {
                out.problems.push(WalkProblem {
                    path: entry.into_path(),
                    key,
                    reason: format!("not a regular file ({})", special_kind(&file_type)),
                });
                continue;
            }
            if !seen.insert(xxhash_rust::xxh3::xxh3_128(
                key.as_os_str().as_encoded_bytes(),
            )) {
                continue;
            }
            match entry.metadata() {
                Ok(meta) => out.files.push(FoundFile {
                    path: entry.into_path().into_boxed_path(),
                    key: key.into_boxed_path(),
                    size: meta.len(),
                    modified: meta.modified().ok(),
                }),
                Err(err) => {
                    let reason = match err.io_error() {
                        Some(io) => format!("unreadable: {io}"),
                        None => format!("unreadable: {err}"),
                    };
                    out.problems.push(WalkProblem {
                        path: entry.into_path(),
                        key,
                        reason,
                    });
                }
            }
        }
    }
    out
}

fn walk_error_reason(path: &Path, err: &walkdir::Error) -> String {
    let Some(io) = err.io_error() else {
        return "symbolic link loop".to_string();
    };
    let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    match io.kind() {
        std::io::ErrorKind::NotFound if is_link => {
            "broken symbolic link (its target does not exist)".to_string()
        }
        std::io::ErrorKind::NotFound => "no such file or folder".to_string(),
        _ if std::fs::metadata(path).is_ok_and(|m| m.is_dir()) => {
            format!("unreadable folder: {io}")
        }
        _ => format!("unreadable: {io}"),
    }
}

#[cfg(unix)]
fn special_kind(file_type: &std::fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if file_type.is_fifo() {
        "named pipe"
    } else if file_type.is_socket() {
        "socket"
    } else if file_type.is_block_device() || file_type.is_char_device() {
        "device"
    } else {
        "special file"
    }
}

#[cfg(not(unix))]
fn special_kind(_: &std::fs::FileType) -> &'static str {
    "special file"
}

/// Walks `roots` like [`walk`] and lists the files found, and every path that could not be used
/// as a `Skipped` with its reason.
pub fn discover(roots: &[PathBuf]) -> (Vec<PathBuf>, Vec<Skipped>) {
    let walk = walk(roots, &[]);
    let files = walk.files.into_iter().map(|f| f.path.into()).collect();
    let skipped = walk
        .problems
        .into_iter()
        .map(|p| Skipped {
            path: p.path,
            reason: p.reason,
        })
        .collect();
    (files, skipped)
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_str().is_some_and(|n| n.starts_with('.'))
}

/// Why the bytes of a file could not be had.
#[derive(Debug)]
pub enum ReadFailure {
    /// The operating system refused or failed the read.
    Unreadable(std::io::Error),
    /// The file is over the size limit.
    TooLarge {
        /// Its size in bytes (at least this many, for a file that grew while it was read).
        size: u64,
        /// The limit.
        limit: u64,
    },
}

impl std::fmt::Display for ReadFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadFailure::Unreadable(err) => write!(f, "unreadable: {err}"),
            ReadFailure::TooLarge { size, limit } => {
                write!(f, "too large ({size} bytes; the limit is {limit})")
            }
        }
    }
}

/// Reads one file into raw articles, or says why it cannot be used.
pub fn read_file(path: &Path) -> FileArticles {
    read_file_limited(path, MAX_FILE_BYTES)
}

/// Reads one file of at most `limit` bytes (a gzip file may not decompress to more either).
pub fn read_file_limited(path: &Path, limit: u64) -> FileArticles {
    match read_limited(path, limit) {
        Ok(bytes) => read_any_limited(path, &bytes, limit),
        Err(failure) => FileArticles::skip(path, failure.to_string()),
    }
}

/// The bytes of a file of at most `limit` bytes. A file that grows past the limit while it is
/// read is too large too.
pub fn read_limited(path: &Path, limit: u64) -> std::result::Result<Vec<u8>, ReadFailure> {
    let file = std::fs::File::open(path).map_err(ReadFailure::Unreadable)?;
    let size = file.metadata().map_err(ReadFailure::Unreadable)?.len();
    if size > limit {
        return Err(ReadFailure::TooLarge { size, limit });
    }
    let mut bytes = Vec::with_capacity(size as usize);
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(ReadFailure::Unreadable)?;
    if bytes.len() as u64 > limit {
        return Err(ReadFailure::TooLarge {
            size: bytes.len() as u64,
            limit,
        });
    }
    Ok(bytes)
}

/// Reads the content of a file already in memory, detecting its format from content and name.
pub fn read_any(path: &Path, bytes: &[u8]) -> FileArticles {
    read_any_limited(path, bytes, MAX_FILE_BYTES)
}

/// Like [`read_any`], with a gzip file allowed to decompress to at most `limit` bytes.
pub fn read_any_limited(path: &Path, bytes: &[u8], limit: u64) -> FileArticles {
    let content = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if content.iter().all(|b| b.is_ascii_whitespace()) {
        return FileArticles::skip(path, "empty file");
    }
    let mut read = match Format::detect(path, bytes) {
        Some(format) => read_bytes_limited(path, format, bytes, limit),
        None => FileArticles::skip(path, UNSUPPORTED),
    };
    let many = read.articles.len() > 1;
    for article in &mut read.articles {
        if let Some(held) = cap_article(article) {
            let which = if article.record > 0 || many {
                format!("record {}: ", article.record)
            } else {
                String::new()
            };
            read.warnings.push(Warning {
                path: path.to_path_buf(),
                message: format!(
                    "{which}text cut at {} MiB (the article held {held} bytes)",
                    MAX_ARTICLE_BYTES / (1024 * 1024)
                ),
            });
        }
    }
    // Nothing is lost silently: a reader that found neither an article nor a reason says so.
    if read.articles.is_empty() && read.skipped.is_empty() {
        read.skipped.push(Skipped {
            path: path.to_path_buf(),
            reason: "no article found".to_string(),
        });
    }
    // Articles keep their path as text: a name that is not UTF-8 is kept escaped, not lossy.
    if path.to_str().is_none() {
        let text = PathBuf::from(path_text(path).into_owned());
        for article in &mut read.articles {
            if article.path == path {
                article.path = text.clone();
            }
        }
    }
    read
}

/// Cuts an article's headline, deck and paragraphs to [`MAX_ARTICLE_BYTES`] of text in all,
/// at a character boundary; answers the bytes it held when it was cut.
fn cap_article(article: &mut RawArticle) -> Option<usize> {
    let held = article.headline.as_ref().map_or(0, String::len)
        + article.deck.as_ref().map_or(0, String::len)
        + article.paragraphs.iter().map(String::len).sum::<usize>();
    if held <= MAX_ARTICLE_BYTES {
        return None;
    }
    let mut left = MAX_ARTICLE_BYTES;
    let mut cut = |text: &mut String| {
        let mut end = text.len().min(left);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        text.truncate(end);
        left -= end;
    };
    for text in [&mut article.headline, &mut article.deck]
        .into_iter()
        .flatten()
    {
        cut(text);
    }
    for paragraph in &mut article.paragraphs {
        cut(paragraph);
    }
    article.paragraphs.retain(|p| !p.trim().is_empty());
    Some(held)
}

/// Reads the content of a file already in memory, as `format`.
pub fn read_bytes(path: &Path, format: Format, bytes: &[u8]) -> FileArticles {
    read_bytes_limited(path, format, bytes, MAX_FILE_BYTES)
}

fn read_bytes_limited(path: &Path, format: Format, bytes: &[u8], limit: u64) -> FileArticles {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return FileArticles::skip(path, "empty file");
    }
    if format == Format::Gzip {
        return read_gzip(path, bytes, limit);
    }
    if bytes.contains(&0) && !encoding::is_utf16(bytes) {
        return FileArticles::skip(path, "binary file (contains NUL bytes)");
    }
    let decoded = encoding::decode(bytes);
    let text = &*decoded.text;
    let mut out = match format {
        Format::Text => match text::read(path, text) {
            Some(article) => FileArticles {
                articles: vec![article],
                ..FileArticles::default()
            },
            None => FileArticles::skip(path, "no article found (no text after the headline)"),
        },
        Format::Json => json::read_json(path, text),
        Format::JsonLines => json::read_json_lines(path, text),
        Format::ReutersSgml => sgml::read(path, text),
        Format::Nitf | Format::NewsMl | Format::NewsMlG2 | Format::Feed => match xml::parse(text) {
            Ok(root) => match format {
                Format::Nitf => nitf::read(path, &root),
                Format::NewsMl => newsml::read_newsml(path, &root),
                Format::Feed => feed::read(path, &root),
                _ => newsml::read_g2(path, &root),
            },
            Err(err) => FileArticles::skip(path, format!("malformed XML: {err}")),
        },
        Format::Anpa => anpa::read(path, text),
        Format::Csv => delimited::read(path, text),
        Format::Html => html::read(path, text),
        Format::Gzip => unreachable!("handled above"),
    };
    if let Some(message) = decoded.warning() {
        out.warnings.push(Warning {
            path: path.to_path_buf(),
            message,
        });
    }
    out
}

/// Decompresses a gzip file and reads what is inside, detected by the inner name (the path
/// without `.gz`) and content. Articles keep the `.gz` path: it is the file the user has.
fn read_gzip(path: &Path, bytes: &[u8], limit: u64) -> FileArticles {
    let mut inner = Vec::new();
    let decoder = flate2::read::MultiGzDecoder::new(bytes);
    if let Err(err) = decoder.take(limit + 1).read_to_end(&mut inner) {
        return FileArticles::skip(path, format!("corrupt gzip data: {err}"));
    }
    if inner.len() as u64 > limit {
        return FileArticles::skip(
            path,
            format!("too large (decompresses to more than {limit} bytes)"),
        );
    }
    let inner_name = match path.extension().and_then(|e| e.to_str()) {
        Some(ext) if ext.eq_ignore_ascii_case("gz") || ext.eq_ignore_ascii_case("gzip") => {
            path.with_extension("")
        }
        _ => path.to_path_buf(),
    };
    if inner.iter().all(|b| b.is_ascii_whitespace()) {
        return FileArticles::skip(path, "empty file (after decompression)");
    }
    match Format::detect(&inner_name, &inner) {
        Some(Format::Gzip) => FileArticles::skip(path, "gzip inside gzip is not read"),
        Some(format) => {
            let mut read = read_bytes_limited(&inner_name, format, &inner, limit);
            for article in &mut read.articles {
                article.path = path.to_path_buf();
            }
            for skipped in &mut read.skipped {
                skipped.path = path.to_path_buf();
            }
            for warning in &mut read.warnings {
                warning.path = path.to_path_buf();
            }
            read
        }
        None => FileArticles::skip(path, format!("{UNSUPPORTED} inside gzip")),
    }
}

#[cfg(test)]
mod tests {

    #[cfg(unix)]
    #[test]
    fn paths_that_are_not_utf8_are_written_escaped_and_lossless() {
        use super::{Path, PathBuf, Skipped, path_text};
        use std::os::unix::ffi::OsStrExt;
        let cases: [(&[u8], &str); 4] = [
            (b"in/caf\xe9.txt", "in/caf\\xE9.txt"),
            (b"in/caf\xe8.txt", "in/caf\\xE8.txt"),
            (b"a\\b\xff", "a\\\\b\\xFF"),
            // UTF-8 names stay as they are, backslashes too.
            ("in/café\\x.txt".as_bytes(), "in/café\\x.txt"),
        ];
        for (bytes, expected) in cases {
            let path = Path::new(std::ffi::OsStr::from_bytes(bytes));
            assert_eq!(path_text(path), expected, "{bytes:?}");
        }
        let skipped = Skipped {
            path: PathBuf::from(std::ffi::OsStr::from_bytes(b"x\xff.bin")),
            reason: "binary file".into(),
        };
        assert_eq!(
            serde_json::to_string(&skipped).unwrap(),
            r#"{"path":"x\\xFF.bin","reason":"binary file"}"#
        );
    }

    #[test]
    fn a_deck_repeated_at_the_start_of_the_body_is_dropped() {
        let deck = Some("The minister said talks would resume.");
        let mut whole = vec![
            "The minister said talks would resume".to_string(),
            "B.".to_string(),
        ];
        drop_repeated_deck(deck, &mut whole);
        assert_eq!(whole, ["B."]);
        let mut run_on = vec![
            "The minister said talks would resume. OSLO, May 2. /TASS/. Talks resume.".to_string(),
        ];
        drop_repeated_deck(deck, &mut run_on);
        assert_eq!(run_on, ["OSLO, May 2. /TASS/. Talks resume."]);
        let mut other = vec!["The minister said talks would end.".to_string()];
        drop_repeated_deck(deck, &mut other);
        assert_eq!(other.len(), 1);
        let mut empty: Vec<String> = Vec::new();
        drop_repeated_deck(deck, &mut empty);
        drop_repeated_deck(Some("  "), &mut other);
        assert_eq!(other, ["The minister said talks would end."]);
    }

    /// Issue 16: a 20 MB quote-heavy article (a 178 KB `.gz`) took over half a gigabyte to
    /// extract and index whatever the memory budget. An article's text is cut at
    /// `MAX_ARTICLE_BYTES`, at a character boundary, and the file says so.
    #[test]
    fn an_article_past_the_size_cap_is_cut_with_a_warning() {
        let paragraph = "“Мы не согласны,” Voronin said. ".repeat(4_000);
        let text = format!("Talks\n\n{}\n", vec![paragraph; 20].join("\n\n"));
        assert!(text.len() > 2 * MAX_ARTICLE_BYTES);
        let read = read_any(Path::new("long.txt"), text.as_bytes());
        let article = &read.articles[0];
        let kept: usize = article.paragraphs.iter().map(String::len).sum();
        assert!(kept <= MAX_ARTICLE_BYTES && kept > MAX_ARTICLE_BYTES - 200_000);
        let messages: Vec<&str> = read.warnings.iter().map(|w| w.message.as_str()).collect();
        assert_eq!(messages.len(), 1);
        let held: usize = messages[0]
            .strip_prefix("text cut at 1 MiB (the article held ")
            .and_then(|rest| rest.strip_suffix(" bytes)"))
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("{messages:?}"));
        assert!(held > 2 * MAX_ARTICLE_BYTES, "{held}");
        let short = read_any(Path::new("short.txt"), b"Talks\n\nOSLO - Talks resumed.\n");
        assert!(short.warnings.is_empty());
    }

    #[test]
    fn feed_dates_become_extended_iso() {
        let cases = [
            ("20190121T102708", Some("2019-01-21T10:27:08")),
            ("20151210T191044Z", Some("2015-12-10T19:10:44")),
            ("20180404T175859+0300", Some("2018-04-04T17:58:59")),
            ("20150218", Some("2015-02-18")),
            ("2014-07-16T10:35:57.000Z", Some("2014-07-16T10:35:57.000Z")),
            ("YYYYMMDD000000-HHMM", None),
            ("", None),
        ];
        for (input, expected) in cases {
            assert_eq!(normal_date(input).as_deref(), expected, "{input}");
        }
    }

    use super::raw::{drop_repeated_deck, normal_date};
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
    fn empty_and_binary_files_are_skipped_with_reasons() {
        let path = Path::new("x.txt");
        let empty = read_bytes(path, Format::Text, b"  \n");
        assert_eq!(empty.skipped[0].reason, "empty file");
        let binary = read_bytes(path, Format::Text, b"ab\0cd");
        assert_eq!(binary.skipped[0].reason, "binary file (contains NUL bytes)");
        // Found by the property test: a byte-order mark and nothing else.
        let bom = read_any(Path::new("x.jsonl"), b"\xEF\xBB\xBF");
        assert_eq!(bom.skipped[0].reason, "empty file");
        let no_records = read_any(Path::new("x.jsonl"), b"\xEF\xBB\xBF\n[]\n");
        assert!(bom.articles.is_empty() && no_records.articles.is_empty());
        assert!(!no_records.skipped.is_empty(), "{no_records:?}");
    }
}
