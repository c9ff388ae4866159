//! The library's one error type. Every variant names the input it is about (a path, a flag, a
//! query) so that a message printed to the user says what went wrong and where.

use std::path::PathBuf;

/// Everything that can go wrong in the library, each with the input it concerns.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file or folder could not be read or written.
    #[error("{path}: {reason}")]
    Io {
        /// The file or folder concerned.
        path: PathBuf,
        /// The operating system's reason (not a `source`, so that it is printed once).
        reason: std::io::Error,
    },
    /// The index folder holds something that is not a wiredex index, or tantivy failed on it.
    #[error("index {path}: {message}")]
    Index {
        /// The index folder.
        path: PathBuf,
        /// What went wrong.
        message: String,
    },
    /// Another `index` run is changing this index folder.
    #[error(
        "another wiredex index run holds the lock on {path}; wait for it to finish, or stop it and run again"
    )]
    Locked {
        /// The index folder.
        path: PathBuf,
    },
    /// No index exists where one was expected.
    #[error("no index at {path}: run `wiredex index DIR --index {path}` first")]
    NoIndex {
        /// The index folder that was looked for.
        path: PathBuf,
    },
    /// A query the user typed cannot be understood. When the place is known, the message shows
    /// the query again with a `^` under it.
    #[error("invalid query '{input}': {reason}{}", pointer(.input, *.at))]
    Query {
        /// The query as typed.
        input: String,
        /// What is wrong with it and what would be valid.
        reason: String,
        /// Byte offset in `input` where the problem is, when known.
        at: Option<usize>,
    },
    /// An article id prefix that more than one article's id starts with.
    #[error(
        "article id '{prefix}' is ambiguous: {matches} articles' ids start with it ({}{}); give more of its 16 hex digits",
        .ids.join(", "),
        if *.matches > .ids.len() { ", ..." } else { "" }
    )]
    AmbiguousId {
        /// The prefix as given, lower-cased.
        prefix: String,
        /// How many articles' ids start with it.
        matches: usize,
        /// Some of those ids.
        ids: Vec<String>,
    },
    /// A date given on the command line cannot be understood.
    #[error("invalid date '{input}' in {flag}: expected YYYY, YYYY-MM or YYYY-MM-DD")]
    Date {
        /// The value as typed.
        input: String,
        /// The flag it came from, e.g. `--since`.
        flag: String,
    },
    /// A language given on the command line names none.
    #[error(
        "invalid language '{input}' in {flag}: expected an ISO 639-1 code (ru, en, fr, de, es, ...) or a language's name (Russian)"
    )]
    Lang {
        /// The value as typed.
        input: String,
        /// The flag it came from, e.g. `--lang`.
        flag: String,
    },
}

impl Error {
    /// Wraps a tantivy error with the index folder it happened in.
    pub fn index(path: impl Into<PathBuf>, err: impl std::fmt::Display) -> Self {
        Error::Index {
            path: path.into(),
            message: err.to_string(),
        }
    }
}

/// The library's result type.
pub type Result<T> = std::result::Result<T, Error>;

/// Two lines that repeat a query and put a `^` under byte `at` of it; empty when `at` is unknown.
fn pointer(input: &str, at: Option<usize>) -> String {
    let Some(at) = at.filter(|&at| at <= input.len() && input.is_char_boundary(at)) else {
        return String::new();
    };
    let column = input[..at].chars().count();
    format!("\n  {input}\n  {}^", " ".repeat(column))
}
