//! The on-disk index: the only writer of tantivy. Opens or creates an index folder, adds parsed
//! articles (replacing any earlier copy of the same article), and hands readers to the query stage.

pub mod document;
mod lock;
pub mod manifest;
mod names;
pub mod schema;

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use tantivy::schema::Term;
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy};

use crate::article::{self, Article};
use crate::error::{Error, Result};
use crate::source::{self, Skipped, Warning};
pub use lock::{IndexLock, LOCK_FILE, LOCK_FILES};
pub use schema::Fields;

/// The file in the index folder that records which wiredex schema made it.
const META_FILE: &str = "wiredex.json";

/// Files read and parsed together before their articles go to the writer.
const PARSE_BATCH_FILES: usize = 256;

/// Memory budget for tantivy's writer (it wants at least 15 MB per thread).
const WRITER_MEMORY_BYTES: usize = 128 * 1024 * 1024;

#[derive(Debug, Serialize, Deserialize)]
struct Meta {
    schema_version: u32,
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

/// What an `index` run did.
#[derive(Debug, Default, Clone, Serialize)]
pub struct IndexReport {
    /// Files read.
    pub files: usize,
    /// Articles indexed (an article already in the index is replaced, not duplicated).
    pub articles: usize,
    /// Quotations indexed.
    pub quotes: usize,
    /// Files or records not indexed, with the reason.
    pub skipped: Vec<Skipped>,
    /// Files indexed with a note (an encoding guessed, bytes replaced).
    pub warnings: Vec<Warning>,
}

impl WireIndex {
    /// Opens the index in `path`, creating it when the folder is absent or empty.
    pub fn open_or_create(path: &Path) -> Result<WireIndex> {
        let has_index = path.join("meta.json").exists();
        if has_index {
            return WireIndex::open(path);
        }
        std::fs::create_dir_all(path).map_err(|reason| Error::Io {
            path: path.to_path_buf(),
            reason,
        })?;
        if std::fs::read_dir(path)
            .map_err(|reason| Error::Io {
                path: path.to_path_buf(),
                reason,
            })?
            .next()
            .is_some()
        {
            return Err(Error::index(
                path,
                "the folder is not empty and holds no wiredex index; choose another --index folder",
            ));
        }
        let index =
            Index::create_in_dir(path, schema::build()).map_err(|e| Error::index(path, e))?;
        let meta = serde_json::to_string(&Meta {
            schema_version: schema::SCHEMA_VERSION,
        })
        .map_err(|e| Error::index(path, e))?;
        std::fs::write(path.join(META_FILE), meta).map_err(|reason| Error::Io {
            path: path.join(META_FILE),
            reason,
        })?;
        WireIndex::from_index(path, index)
    }

    /// Opens an existing index, refusing one made by another schema version.
    pub fn open(path: &Path) -> Result<WireIndex> {
        if !path.join("meta.json").exists() {
            return Err(Error::NoIndex {
                path: path.to_path_buf(),
            });
        }
        let meta: Option<Meta> = std::fs::read_to_string(path.join(META_FILE))
            .ok()
            .and_then(|text| serde_json::from_str(&text).ok());
        match meta {
            Some(meta) if meta.schema_version == schema::SCHEMA_VERSION => {}
            Some(meta) => {
                return Err(Error::index(
                    path,
                    format!(
                        "made by schema version {} but this wiredex uses {}: delete the folder and index again",
                        meta.schema_version,
                        schema::SCHEMA_VERSION
                    ),
                ));
            }
            None => {
                return Err(Error::index(
                    path,
                    format!("not a wiredex index ({META_FILE} is missing or unreadable)"),
                ));
            }
        }
        let index = Index::open_in_dir(path).map_err(|e| Error::index(path, e))?;
        WireIndex::from_index(path, index)
    }

    /// An index held in memory, for tests and benchmarks.
    pub fn in_memory() -> Result<WireIndex> {
        let index = Index::create_in_ram(schema::build());
        WireIndex::from_index(Path::new("(memory)"), index)
    }

    fn from_index(path: &Path, index: Index) -> Result<WireIndex> {
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
        let result = if threads == 0 {
            self.index.writer(WRITER_MEMORY_BYTES)
        } else {
            self.index
                .writer_with_num_threads(threads, WRITER_MEMORY_BYTES.max(threads * 20_000_000))
        };
        result.map_err(|e| Error::index(&self.path, e))
    }

    /// Adds `article`, replacing any earlier copy of it (same id) and its quotes.
    pub fn add(&self, writer: &IndexWriter, article: &Article) -> Result<()> {
        writer.delete_term(Term::from_field_text(self.fields.article_id, &article.id));
        let docs =
            document::documents(article, &self.fields).map_err(|e| Error::index(&self.path, e))?;
        for doc in docs {
            writer
                .add_document(doc)
                .map_err(|e| Error::index(&self.path, e))?;
        }
        Ok(())
    }

    /// Reads, parses and indexes every file under `roots`, then commits.
    pub fn index_paths(&self, roots: &[PathBuf]) -> Result<IndexReport> {
        let (files, mut skipped) = source::discover(roots);
        let mut report = IndexReport {
            files: files.len(),
            ..IndexReport::default()
        };
        let mut writer = self.writer(0)?;
        // Reading and extraction run on every core, a batch of files at a time so memory stays
        // bounded; the batch is then added in file order, so the index does not depend on
        // which thread finished first.
        for batch in files.chunks(PARSE_BATCH_FILES) {
            let parsed: Vec<article::ParsedFile> = batch
                .par_iter()
                .map(|file| article::parse_file(file))
                .collect();
            for parsed in parsed {
                skipped.extend(parsed.skipped);
                report.warnings.extend(parsed.warnings);
                for article in &parsed.articles {
                    self.add(&writer, article)?;
                    report.articles += 1;
                    report.quotes += article.quotes.len();
                }
            }
        }
        writer.commit().map_err(|e| Error::index(&self.path, e))?;
        writer
            .wait_merging_threads()
            .map_err(|e| Error::index(&self.path, e))?;
        report.skipped = skipped;
        Ok(report)
    }
}
