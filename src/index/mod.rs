//! The on-disk index: the only writer of tantivy. Opens an index folder for reading, and (in
//! `update`) brings one up to date with folders of files under a lock, reading only new and
//! changed files and keeping a manifest of what each commit holds.

pub(crate) mod check;
mod directory;
pub(crate) mod document;
pub(crate) mod dups;
mod lock;
pub(crate) mod manifest;
mod names;
pub(crate) mod schema;
pub(crate) mod sentences;
pub(crate) mod stems;
mod update;
mod wire_index;

pub use check::{CheckReport, Problem, check};
pub use dups::GROUPS_FILE;
pub use lock::{IndexLock, LOCK_FILE, LOCK_FILES};
pub use schema::{Fields, SCHEMA_VERSION};
pub use sentences::SentenceTokenizer;
pub use update::{
    Change, FileOutcome, IndexReport, Observer, Status, Totals, UpdateOptions, Updater, build,
};
pub use wire_index::{META_FILE, WireIndex};
