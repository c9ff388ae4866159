//! The index folder opened for reading or writing: `WireIndex`, its `wiredex.json` (the
//! schema version it was made with) and the errors that name a folder that is no index or an
//! index of another version.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use tantivy::directory::error::LockError;
use tantivy::schema::Term;
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, TantivyError};

use super::directory;
use super::document;
use super::dups;
use super::schema::{self, Fields};
use crate::article::Article;
use crate::error::{Error, Result};

/// The file in the index folder that records which wiredex schema made it.
pub const META_FILE: &str = "wiredex.json";

/// Memory budget for tantivy's writer (it wants at least 15 MB per thread).
const WRITER_MEMORY_BYTES: usize = 128 * 1024 * 1024;

/// The least memory tantivy's writer accepts per indexing thread.
const WRITER_MEMORY_PER_THREAD_MIN: usize = 15 * 1024 * 1024 + 1024 * 1024;

/// The most memory given to one indexing thread (tantivy refuses 4 GB or more).
const WRITER_MEMORY_PER_THREAD_MAX: usize = 2 * 1024 * 1024 * 1024;

#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct Meta {
    pub(crate) schema_version: u32,
}

/// What the index folder's `wiredex.json` says.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum MetaState {
    /// There is none.
    Absent,
    /// It names this schema version.
    Version(u32),
    /// It cannot be read or understood.
    Unreadable,
}

pub(crate) fn read_meta(path: &Path) -> MetaState {
    match std::fs::read_to_string(path.join(META_FILE)) {
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => MetaState::Absent,
        Err(_) => MetaState::Unreadable,
        Ok(text) => match serde_json::from_str::<Meta>(&text) {
            Ok(meta) => MetaState::Version(meta.schema_version),
            Err(_) => MetaState::Unreadable,
        },
    }
}

/// The message for an index made by another schema version: rebuild it.
pub(crate) fn schema_mismatch(path: &Path, found: u32) -> Error {
    let rebuild = format!(
        "rebuild it with `wiredex index DIR --rebuild --index {}`",
        path.display()
    );
    let message = if found < schema::SCHEMA_VERSION {
        format!(
            "made by schema version {found} but this wiredex uses {}: {rebuild}",
            schema::SCHEMA_VERSION
        )
    } else {
        format!(
            "made by a newer wiredex (schema version {found}; this one knows {}): use that wiredex, or {rebuild}",
            schema::SCHEMA_VERSION
        )
    };
    Error::index(path, message)
}

pub(crate) fn not_wiredex(path: &Path) -> Error {
    Error::index(
        path,
        format!("not a wiredex index ({META_FILE} is missing or unreadable)"),
    )
}

/// An open wiredex index.
pub struct WireIndex {
    /// The folder it lives in.
    pub path: PathBuf,
    /// The tantivy index.
    pub index: Index,
    /// Its fields.
    pub fields: Fields,
}

impl WireIndex {
    /// Whether the index has lost its near-duplicate groups (the file is missing or cannot be
    /// read): searches then collapse nothing and count every copy.
    pub fn groups_lost(&self) -> bool {
        dups::Groups::lost(&self.path)
    }

    /// Opens an existing index for reading, refusing one made by another schema version.
    pub fn open(path: &Path) -> Result<WireIndex> {
        if !path.join("meta.json").exists() {
            return Err(Error::NoIndex {
                path: path.to_path_buf(),
            });
        }
        match read_meta(path) {
            MetaState::Version(version) if version == schema::SCHEMA_VERSION => {}
            MetaState::Version(version) => return Err(schema_mismatch(path, version)),
            MetaState::Absent | MetaState::Unreadable => return Err(not_wiredex(path)),
        }
        // Readers need no write access: see `directory`.
        let folder = directory::IndexDirectory::open(path).map_err(|e| Error::index(path, e))?;
        let mut index = Index::open(folder).map_err(|e| Error::index(path, e))?;
        // Queries search the segments in parallel, one thread per core (at most 4).
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(4));
        if threads > 1 {
            index
                .set_multithread_executor(threads)
                .map_err(|e| Error::index(path, e))?;
        }
        WireIndex::from_index(path, index)
    }

    /// An index held in memory, for tests and benchmarks.
    pub fn in_memory() -> Result<WireIndex> {
        let index = Index::create_in_ram(schema::build());
        WireIndex::from_index(Path::new("(memory)"), index)
    }

    pub(crate) fn from_index(path: &Path, index: Index) -> Result<WireIndex> {
        schema::register_tokenizers(&index);
        let fields = Fields::of(&index.schema()).map_err(|e| Error::index(path, e))?;
        Ok(WireIndex {
            path: path.to_path_buf(),
            index,
            fields,
        })
    }

    /// A reader that sees the last commit.
    pub fn reader(&self) -> Result<IndexReader> {
        self.index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .map_err(|e| Error::index(&self.path, e))
    }

    /// A writer; `threads` 0 lets tantivy choose.
    pub fn writer(&self, threads: usize) -> Result<IndexWriter> {
        self.writer_with_memory(threads, WRITER_MEMORY_BYTES)
    }

    /// A writer whose indexing buffers use about `bytes` in all (raised to the least tantivy
    /// accepts); `threads` 0 uses one thread per core, up to 8, and no more threads than
    /// `bytes` gives each the least tantivy accepts (so a small budget is not doubled).
    pub fn writer_with_memory(&self, threads: usize, bytes: usize) -> Result<IndexWriter> {
        let threads = if threads == 0 {
            let cores = std::thread::available_parallelism().map_or(1, |n| n.get().min(8));
            cores.min(bytes / WRITER_MEMORY_PER_THREAD_MIN).max(1)
        } else {
            threads
        };
        let bytes = bytes.clamp(
            threads * WRITER_MEMORY_PER_THREAD_MIN,
            threads * WRITER_MEMORY_PER_THREAD_MAX,
        );
        let result = self.index.writer_with_num_threads(threads, bytes);
        result.map_err(|e| match e {
            TantivyError::LockFailure(LockError::LockBusy, _) => Error::Locked {
                path: self.path.clone(),
            },
            e => Error::index(&self.path, e),
        })
    }

    /// Adds `article`, replacing any earlier copy of it (same id) and its quotes; its documents
    /// are tagged with the article's own path as their source.
    pub fn add(&self, writer: &IndexWriter, article: &Article) -> Result<()> {
        self.delete_article(writer, &article.id);
        self.add_new(writer, article, &article.path)
    }

    /// Removes the article with this id and its quotes.
    pub fn delete_article(&self, writer: &IndexWriter, id: &str) {
        writer.delete_term(Term::from_field_text(self.fields.article_id, id));
    }

    /// Adds `article`, known not to be in the index yet: no delete is queued, and each delete
    /// costs a term lookup in every segment at commit.
    pub fn add_new(&self, writer: &IndexWriter, article: &Article, source: &str) -> Result<()> {
        let docs = document::documents(article, source, &self.fields)
            .map_err(|e| Error::index(&self.path, e))?;
        self.add_documents(writer, docs)
    }

    /// Adds documents built by `document::documents`, as one batch: tantivy puts a batch in
    /// one segment, in order, so an article's quote documents follow its own (the quotes'
    /// join on their article relies on it).
    pub fn add_documents(
        &self,
        writer: &IndexWriter,
        docs: Vec<tantivy::TantivyDocument>,
    ) -> Result<()> {
        let batch = docs.into_iter().map(tantivy::indexer::UserOperation::Add);
        writer
            .run(batch)
            .map(|_| ())
            .map_err(|e| Error::index(&self.path, e))
    }

    /// Removes every document that came from the file whose manifest key is `source`.
    pub fn delete_source(&self, writer: &IndexWriter, source: &str) {
        writer.delete_term(Term::from_field_text(self.fields.source, source));
    }
}
