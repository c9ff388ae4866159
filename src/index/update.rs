//! Bringing an index folder up to date with folders of files: what `wiredex index` does.
//!
//! Under the folder's lock, the roots are walked and each file compared with the manifest: a
//! file whose size and modification time are unchanged is not read; one that is read but whose
//! hash is unchanged is not parsed; a new or changed file has its old documents deleted (by
//! their `source`) and its articles added; a file that is gone from a root that was walked has
//! its documents removed. Files are read and parsed on every core a batch at a time, and the
//! writer commits every two seconds or so once 16 MB of files are in (less often when commits
//! grow costly); the manifest is
//! replaced only after each commit, so a killed run leaves the last commit readable and the
//! next run redoes exactly what was not committed. The invariant: after a run, the index holds
//! the articles that indexing the same roots into an empty index would give.
//!
//! Articles are keyed by content (`Article::id`), so one story in two files is one article.
//! When a file goes, an article it shared with a file that stays is indexed again from that
//! file, since the surviving document may have been the one tagged with the removed source.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

use rayon::prelude::*;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use tantivy::schema::Value;
use tantivy::{Index, IndexWriter, TantivyDocument, Term};

use super::document::{self, article_key};
use super::dups::{self, Groups};
use super::lock::{IndexLock, LOCK_FILE, LOCK_FILES};
use super::manifest::{self, Check, Entry, Manifest};
use super::schema;
use super::wire_index::{META_FILE, Meta, MetaState, WireIndex, not_wiredex, read_meta};
use crate::article::{self, ParsedFile};
use crate::error::{Error, Result};
use crate::source::{self, FoundFile, RawArticle, ReadFailure, Skipped, Warning};

/// Files read and parsed together before their articles go to the writer.
const PARSE_BATCH_FILES: usize = 256;

/// The default of [`UpdateOptions::memory_budget`].
pub const DEFAULT_MEMORY_BUDGET: u64 = 512 * 1024 * 1024;

/// The shortest time between two commits: what a killed run can lose, at most, besides the
/// batch under way.
const MIN_COMMIT_INTERVAL: Duration = Duration::from_secs(2);

/// Commits also wait for the files indexed since the last one to reach this fraction of the
/// writer's buffers (16 MB of files under the default budget): each commit closes a segment
/// per indexing thread, and small segments cost a fixed price each to write, then again to
/// merge (a profile of 1,000 files spent a fifth of its time there).
const COMMIT_BYTES_DIVISOR: u64 = 8;

/// Commits wait at least this many times as long as the last commit took (tantivy's commit
/// and the manifest's rewrite grow with the index), so committing costs at most about a tenth
/// of the run.
const COMMIT_COST_FACTOR: u32 = 10;

/// How an `index` run reads files.
#[derive(Debug, Clone)]
pub struct UpdateOptions {
    /// Files larger than this are skipped (and gzip files that decompress to more).
    pub max_file_bytes: u64,
    /// Absolute paths never to index (the report file); the index folder is always left out.
    pub exclude: Vec<PathBuf>,
    /// Bytes the run's buffers may take: a quarter for tantivy's indexing buffers, a
    /// sixteenth for files read ahead of the writer (their text, articles and documents take
    /// a few times their size). The manifest and the list of files come on top, growing with
    /// the number of files.
    pub memory_budget: u64,
}

impl Default for UpdateOptions {
    fn default() -> Self {
        UpdateOptions {
            max_file_bytes: source::MAX_FILE_BYTES,
            exclude: Vec::new(),
            memory_budget: DEFAULT_MEMORY_BUDGET,
        }
    }
}

impl UpdateOptions {
    /// The bytes of tantivy's indexing buffers.
    fn writer_bytes(&self) -> usize {
        usize::try_from(self.memory_budget / 4).unwrap_or(usize::MAX)
    }

    /// File bytes indexed before the clock may commit (see [`COMMIT_BYTES_DIVISOR`]).
    fn commit_bytes(&self) -> u64 {
        self.writer_bytes() as u64 / COMMIT_BYTES_DIVISOR
    }

    /// Bytes (by file size) read together at most, so a batch of large files stays in memory.
    fn batch_bytes(&self) -> u64 {
        (self.memory_budget / 16).clamp(1024 * 1024, 1024 * 1024 * 1024)
    }

    /// Bytes of raw text parsed together at most from one file of many articles: its articles
    /// are parsed, made into documents and handed to the writer a part of this size at a time,
    /// so a large JSON export or feed never stands in memory parsed whole.
    fn chunk_bytes(&self) -> u64 {
        (self.memory_budget / 64).clamp(256 * 1024, 64 * 1024 * 1024)
    }

    /// Bytes of documents handed to tantivy's writer at most before a commit waits for it to
    /// index them. Its queue holds up to ten thousand batches (articles) whatever their size,
    /// so without this a file of quote-heavy articles (each with up to 2,001 documents) queued
    /// gigabytes while the indexing thread caught up.
    fn flight_bytes(&self) -> u64 {
        (self.memory_budget / 8).max(2 * 1024 * 1024)
    }
}

/// What a run did with one file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Read, and its articles (re)indexed.
    Indexed,
    /// Unchanged since the last run: its articles stay as they are.
    Unchanged,
    /// Not indexed, with the reason.
    Skipped,
    /// Gone from disk: its articles were removed.
    Deleted,
}

/// Whether an indexed file was new to the index or had changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Change {
    /// The index did not know the file.
    New,
    /// The index held an earlier version of the file.
    Changed,
}

/// One line of `index --report`: what happened to one file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FileOutcome {
    /// The file, as the user named it (the root given joined with the walked part).
    #[serde(serialize_with = "crate::source::serialize_path")]
    pub path: PathBuf,
    /// What happened.
    pub status: Status,
    /// For indexed files: new or changed; `None` otherwise.
    pub change: Option<Change>,
    /// Articles indexed from it (indexed), held from it (unchanged) or removed (deleted).
    pub articles: usize,
    /// Why it was skipped.
    pub reason: Option<String>,
    /// Notes that did not stop it being indexed (an encoding guessed, bytes replaced).
    pub warnings: Vec<String>,
    /// Records inside an indexed file that were skipped, each with its reason.
    pub skipped_records: Vec<String>,
    /// Bytes read from it in this run (0 when it was not read).
    #[serde(skip)]
    pub bytes_read: u64,
    /// Quotations indexed from it in this run.
    #[serde(skip)]
    pub quotes: usize,
    /// The separate reasons joined in `reason` (one per record of a multi-article file).
    #[serde(skip)]
    pub reasons: Vec<String>,
    /// Whether the file was read (or its read tried) in this run.
    #[serde(skip)]
    pub read: bool,
}

impl FileOutcome {
    fn new(path: &Path, status: Status) -> FileOutcome {
        FileOutcome {
            path: path.to_path_buf(),
            status,
            change: None,
            articles: 0,
            reason: None,
            warnings: Vec::new(),
            skipped_records: Vec::new(),
            bytes_read: 0,
            quotes: 0,
            reasons: Vec::new(),
            read: false,
        }
    }

    fn skipped(path: &Path, reason: String) -> FileOutcome {
        FileOutcome::skipped_for(path, vec![reason])
    }

    fn skipped_for(path: &Path, reasons: Vec<String>) -> FileOutcome {
        let reasons = if reasons.is_empty() {
            vec!["no article found".to_string()]
        } else {
            reasons
        };
        FileOutcome {
            reason: Some(reasons.join("; ")),
            reasons,
            ..FileOutcome::new(path, Status::Skipped)
        }
    }
}

/// How many files a run found in each state.
#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize)]
pub struct Totals {
    /// Files indexed for the first time.
    pub new: usize,
    /// Files indexed again because their content changed.
    pub changed: usize,
    /// Files left as they were.
    pub unchanged: usize,
    /// Files gone from disk whose articles were removed.
    pub deleted: usize,
    /// Files (and paths that could not be walked) not indexed.
    pub skipped: usize,
}

/// What an `index` run did.
#[derive(Debug, Default, Clone, Serialize)]
pub struct IndexReport {
    /// Files found under the roots.
    pub files: usize,
    /// Articles indexed in this run (an article already in the index is replaced, not
    /// duplicated).
    pub articles: usize,
    /// Quotations indexed in this run.
    pub quotes: usize,
    /// Files or records not indexed, with the reason (those of unchanged files too).
    pub skipped: Vec<Skipped>,
    /// Files indexed with a note (an encoding guessed, bytes replaced).
    pub warnings: Vec<Warning>,
    /// Files by what happened to them.
    pub totals: Totals,
    /// Articles held by the files found (indexed now or unchanged).
    pub articles_held: usize,
    /// Near-duplicates and exact copies in the whole index after the run.
    pub duplicates: Duplicates,
}

/// How many stories the index holds more than once, after a run.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Duplicates {
    /// Articles found in more than one file, each stored once (the extra files are listed
    /// with the article).
    pub exact_copies: usize,
    /// Groups of near-duplicate articles.
    pub groups: usize,
    /// Articles in those groups.
    pub grouped_articles: usize,
}

/// Follows a run as it goes: for progress bars and per-file reports.
pub trait Observer {
    /// Called once the roots are walked: how many files, of how many bytes, will be read.
    fn planned(&mut self, _files: usize, _bytes: u64) {}
    /// Called for every file, in walk order, once its fate is decided; deleted files and
    /// paths that could not be walked come first.
    fn file(&mut self, _outcome: &FileOutcome) {}
    /// Called after each batch of files reaches the writer: `true` commits now, whatever the
    /// clock says. A run commits on its own every two seconds or so; tests ask for more.
    fn commit_now(&mut self) -> bool {
        false
    }
    /// Called once each commit and the manifest that describes it are on disk, with the number
    /// of commits the run has made. An error stops the run there, the work since that commit
    /// uncommitted, as a crash would leave it: how the tests check that a killed run loses
    /// nothing it committed.
    fn committed(&mut self, _commits: usize) -> Result<()> {
        Ok(())
    }
}

/// Observes nothing.
impl Observer for () {}

/// An index folder opened for an update: it holds the lock until dropped.
pub struct Updater {
    index: WireIndex,
    manifest: Manifest,
    fresh: bool,
    /// For `--rebuild` of an existing index: the folder the new index is built in, beside the
    /// old one, swapped into its place when the run has finished (see [`Staged`]).
    staged: Option<Staged>,
    _lock: IndexLock,
}

/// A rebuild built beside the index it replaces. Readers see the old index, whole, until the
/// new one is whole too: wiping in place showed them 0 articles, then partial results, and a
/// run killed midway left a partial index.
#[derive(Debug)]
struct Staged {
    /// The index folder the user named.
    target: PathBuf,
    /// The sibling folder the new index is built in.
    staging: PathBuf,
}

impl Staged {
    /// The staging folder of `target`: a hidden sibling, so the swap is a rename within one
    /// file system. A folder left there by a killed rebuild is removed first.
    fn prepare(target: &Path) -> Result<Staged> {
        let name = target
            .file_name()
            .map_or_else(|| "index".into(), |n| n.to_string_lossy().into_owned());
        let parent = target.parent().filter(|p| !p.as_os_str().is_empty());
        let staging = parent
            .unwrap_or(Path::new("."))
            .join(format!(".{name}.wiredex-rebuild"));
        if staging.exists() {
            std::fs::remove_dir_all(&staging).map_err(io_error(&staging))?;
        }
        std::fs::create_dir(&staging).map_err(io_error(&staging))?;
        Ok(Staged {
            target: target.to_path_buf(),
            staging,
        })
    }

    /// Puts the new index in the target's place and removes the old one. On Linux the two
    /// folders are exchanged in one step (renameat2 RENAME_EXCHANGE): a reader opens either
    /// the old index or the new one. Elsewhere the old one is moved aside first, and a reader
    /// opening in that instant finds no index.
    fn swap(&self) -> Result<()> {
        exchange(&self.staging, &self.target).map_err(io_error(&self.target))?;
        std::fs::remove_dir_all(&self.staging).map_err(io_error(&self.staging))
    }
}

#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> std::io::Result<()> {
    use std::os::unix::ffi::OsStrExt;
    let c =
        |p: &Path| std::ffi::CString::new(p.as_os_str().as_bytes()).map_err(std::io::Error::other);
    let (a, b) = (c(a)?, c(b)?);
    // SAFETY: both are valid NUL-terminated paths for the duration of the call.
    let done = unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if done == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange(a: &Path, b: &Path) -> std::io::Result<()> {
    let aside = b.with_extension("wiredex-old");
    std::fs::rename(b, &aside)?;
    std::fs::rename(a, b)?;
    std::fs::rename(&aside, a)
}

/// Creates (or opens) the index in `path`, indexes `roots` into it with the default options
/// and returns the index for reading: for benchmarks and tests.
pub fn build(path: &Path, roots: &[PathBuf]) -> Result<(WireIndex, IndexReport)> {
    let mut updater = Updater::open(path, false)?;
    let report = updater.run(roots, &UpdateOptions::default(), &mut ())?;
    Ok((updater.into_index(), report))
}

fn io_error(path: &Path) -> impl FnOnce(std::io::Error) -> Error + '_ {
    move |reason| Error::Io {
        path: path.to_path_buf(),
        reason,
    }
}

/// Whether the folder holds anything besides lock files.
fn holds_other_files(path: &Path) -> Result<bool> {
    for entry in std::fs::read_dir(path).map_err(io_error(path))? {
        let entry = entry.map_err(io_error(path))?;
        let name = entry.file_name();
        if !LOCK_FILES.iter().any(|lock| name == *lock) {
            return Ok(true);
        }
    }
    Ok(false)
}

/// Whether a folder without a readable `wiredex.json` still holds files only wiredex writes (its
/// manifest or near-duplicate groups): an index that lost its `wiredex.json`, which `--rebuild`
/// may wipe, not someone else's folder.
fn recognisably_ours(path: &Path) -> bool {
    path.join(manifest::MANIFEST_FILE).exists() || path.join(dups::GROUPS_FILE).exists()
}

/// The error for an index whose `wiredex.json` is missing or damaged: the way out.
fn lost_meta(path: &Path) -> Error {
    Error::index(
        path,
        format!(
            "{META_FILE} is missing or damaged, but the folder holds a wiredex index: rebuild it with `wiredex index DIR... --rebuild --index {}`",
            source::path_text(path)
        ),
    )
}

fn not_empty(path: &Path) -> Error {
    Error::index(
        path,
        "the folder is not empty and holds no wiredex index; choose another --index folder",
    )
}

/// Removes an index's files, leaving the lock files (which must stay while they are held)
/// and any sub-folder (an index has none; whatever is there is not ours). `meta.json` goes
/// first, so readers see no index rather than a broken one, and `wiredex.json` last, so an
/// interrupted wipe still leaves a folder recognisably ours.
fn wipe(path: &Path) -> Result<()> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(path).map_err(io_error(path))? {
        let entry = entry.map_err(io_error(path))?;
        let name = entry.file_name();
        let is_file = entry.file_type().map_err(io_error(path))?.is_file();
        if is_file && !LOCK_FILES.iter().any(|lock| name == *lock) {
            files.push(entry.path());
        }
    }
    let rank = |p: &PathBuf| match p.file_name().and_then(|n| n.to_str()) {
        Some("meta.json") => 0,
        Some(META_FILE) => 2,
        _ => 1,
    };
    files.sort_by_key(rank);
    for file in files {
        std::fs::remove_file(&file).map_err(io_error(&file))?;
    }
    Ok(())
}

/// Makes a new empty index: `wiredex.json` first (atomically), then tantivy's files.
fn create(path: &Path) -> Result<()> {
    let meta = serde_json::to_string(&Meta {
        schema_version: schema::SCHEMA_VERSION,
    })
    .map_err(|e| Error::index(path, e))?;
    let temp = path.join(format!("{META_FILE}.tmp"));
    std::fs::write(&temp, meta).map_err(io_error(&temp))?;
    let target = path.join(META_FILE);
    std::fs::rename(&temp, &target).map_err(io_error(&target))?;
    Index::create_in_dir(path, schema::build()).map_err(|e| Error::index(path, e))?;
    Ok(())
}

impl Updater {
    /// Opens the index folder `path` for an update, creating the index when the folder is
    /// absent or empty, and takes its lock. `rebuild` deletes the index first (and is how an
    /// index made by another schema version is replaced). A folder that holds something other
    /// than a wiredex index is refused, and so is a folder another run holds the lock on.
    pub fn open(path: &Path, rebuild: bool) -> Result<Updater> {
        std::fs::create_dir_all(path).map_err(io_error(path))?;
        // Refuse a foreign folder before leaving a lock file in it.
        if read_meta(path) == MetaState::Absent
            && !path.join(LOCK_FILE).exists()
            && !recognisably_ours(path)
            && holds_other_files(path)?
        {
            return Err(if path.join("meta.json").exists() {
                not_wiredex(path)
            } else {
                not_empty(path)
            });
        }
        let lock = IndexLock::acquire(path)?;
        let has_tantivy = path.join("meta.json").exists();
        let replaceable = match read_meta(path) {
            MetaState::Version(_) => true,
            MetaState::Absent | MetaState::Unreadable => recognisably_ours(path),
        };
        if rebuild && has_tantivy && replaceable {
            let staged = Staged::prepare(path)?;
            create(&staged.staging)?;
            let index = Index::open_in_dir(&staged.staging).map_err(|e| Error::index(path, e))?;
            return Ok(Updater {
                index: WireIndex::from_index(&staged.staging, index)?,
                manifest: Manifest::default(),
                fresh: true,
                staged: Some(staged),
                _lock: lock,
            });
        }
        let fresh = match read_meta(path) {
            MetaState::Version(version) if version == schema::SCHEMA_VERSION => {
                if rebuild || !has_tantivy {
                    // A rebuild, or a creation or rebuild that was interrupted.
                    wipe(path)?;
                    create(path)?;
                    true
                } else {
                    false
                }
            }
            MetaState::Version(version) => {
                if !rebuild {
                    return Err(super::wire_index::schema_mismatch(path, version));
                }
                wipe(path)?;
                create(path)?;
                true
            }
            MetaState::Absent | MetaState::Unreadable if recognisably_ours(path) => {
                if !rebuild {
                    return Err(lost_meta(path));
                }
                wipe(path)?;
                create(path)?;
                true
            }
            MetaState::Absent => {
                if holds_other_files(path)? {
                    return Err(if has_tantivy {
                        not_wiredex(path)
                    } else {
                        not_empty(path)
                    });
                }
                create(path)?;
                true
            }
            MetaState::Unreadable => return Err(not_wiredex(path)),
        };
        let index = Index::open_in_dir(path).map_err(|e| Error::index(path, e))?;
        // A segment file gone (a damaged disk, a hand-made copy) made every later run report
        // "unchanged" while searches failed: refuse to add to such an index, and say the way out.
        let metas = index.load_metas().map_err(|e| Error::index(path, e))?;
        let missing = super::check::missing_segment_files(path, &metas);
        if !missing.is_empty() {
            let shown = source::path_text(path);
            return Err(Error::index(
                path,
                format!(
                    "damaged: {} missing; `wiredex check --index {shown}` lists what is wrong, and `wiredex index DIR... --rebuild --index {shown}` rebuilds it",
                    missing.join(", ")
                ),
            ));
        }
        let index = WireIndex::from_index(path, index)?;
        let manifest = if fresh {
            Manifest::default()
        } else {
            Manifest::load(path)?
        };
        Ok(Updater {
            index,
            manifest,
            fresh,
            staged: None,
            _lock: lock,
        })
    }

    /// The index being updated.
    pub fn index(&self) -> &WireIndex {
        &self.index
    }

    /// Whether the index was created (or wiped by `rebuild`) when it was opened.
    pub fn is_fresh(&self) -> bool {
        self.fresh
    }

    /// Releases the lock and returns the index for reading.
    pub fn into_index(self) -> WireIndex {
        self.index
    }

    /// Brings the index up to date with the files under `roots`.
    pub fn run(
        &mut self,
        roots: &[PathBuf],
        options: &UpdateOptions,
        observer: &mut dyn Observer,
    ) -> Result<IndexReport> {
        let read_at = SystemTime::now();
        let mut exclude = vec![source::root_key(&self.index.path)];
        // A rebuild's staging folder and the index it replaces are both no articles.
        if let Some(staged) = &self.staged {
            exclude.push(source::root_key(&staged.target));
        }
        exclude.extend(options.exclude.iter().map(|p| source::root_key(p)));
        let walk = source::walk(roots, &exclude);
        let mut run = Run {
            index: &self.index,
            manifest: &mut self.manifest,
            fresh: self.fresh,
            options,
            observer,
            read_at,
            writer: None,
            dirty: false,
            pending: Vec::new(),
            manifest_dirty: false,
            last_commit: Instant::now(),
            uncommitted_bytes: 0,
            commit_cost: Duration::ZERO,
            commits: 0,
            in_flight: 0,
            readded: HashSet::new(),
            seen: FxHashMap::default(),
            copies: FxHashMap::default(),
            touched: false,
            committed: None,
            gone: HashSet::new(),
            sharers: None,
            report: IndexReport {
                files: walk.files.len(),
                ..IndexReport::default()
            },
        };
        run.run(&walk)?;
        // The list of files can go before grouping, which holds a little for every article.
        drop(walk);
        run.regroup()?;
        let report = run.report;
        // The next run on this index is no longer the first.
        self.fresh = false;
        if let Some(staged) = self.staged.take() {
            staged.swap()?;
            let index =
                Index::open_in_dir(&staged.target).map_err(|e| Error::index(&staged.target, e))?;
            self.index = WireIndex::from_index(&staged.target, index)?;
        }
        Ok(report)
    }
}

/// A manifest change that waits for the commit holding the documents it describes.
enum Pending {
    Upsert(Entry),
    Remove(String),
}

/// What to do with a file before reading it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Plan {
    TooLarge,
    Unchanged,
    Read,
}

/// What reading (and maybe parsing) one file gave.
enum Read {
    Failed(ReadFailure),
    Same { size: u64 },
    Parsed(Box<Parsed>),
}

struct Parsed {
    size: u64,
    hash: u128,
    file: ParsedFile,
    /// Each article's tantivy documents, built on the reading thread (building them
    /// serialises the stored records, which is not cheap).
    documents: Vec<Documents>,
    /// The raw articles of a large file beyond its first part, parsed a part at a time as
    /// they go to the writer (see [`UpdateOptions::chunk_bytes`]).
    rest: Vec<RawArticle>,
}

/// One article's documents, or why they could not be made.
type Documents = serde_json::Result<Vec<tantivy::TantivyDocument>>;

/// What a file's articles added to the writer so far.
#[derive(Default)]
struct Added {
    ids: Vec<String>,
    quotes: usize,
}

struct Run<'a> {
    index: &'a WireIndex,
    manifest: &'a mut Manifest,
    fresh: bool,
    options: &'a UpdateOptions,
    observer: &'a mut dyn Observer,
    read_at: SystemTime,
    writer: Option<IndexWriter>,
    /// Index changes not committed yet.
    dirty: bool,
    /// Manifest changes waiting for the next commit.
    pending: Vec<Pending>,
    /// Manifest changes that need no commit (new modification times, stale marks).
    manifest_dirty: bool,
    last_commit: Instant,
    /// File bytes indexed since the last commit.
    uncommitted_bytes: u64,
    commit_cost: Duration,
    /// Commits made so far in this run.
    commits: usize,
    /// Bytes of documents handed to the writer since the last commit (see
    /// [`UpdateOptions::flight_bytes`]).
    in_flight: u64,
    /// Files whose articles were added in this run, kept only in an index that held files
    /// before (in a new one, nothing can need them).
    readded: HashSet<String>,
    /// The `article_key` of each article added in this run -> the walk number of the first
    /// file it came from. In a fresh index, only these can need replacing.
    seen: FxHashMap<u64, u32>,
    /// For the articles found in more than one file in this run: every such file's walk number.
    copies: FxHashMap<u64, Vec<u32>>,
    /// Whether the run changed the index at all.
    touched: bool,
    /// A searcher on the index as this run found it, for the files that held an article
    /// before the run (opened when first needed, on an index that was not fresh).
    committed: Option<tantivy::Searcher>,
    /// Files whose documents were removed in this run.
    gone: HashSet<String>,
    /// Article id -> the files that hold it, from the manifest, built when first needed.
    sharers: Option<HashMap<String, Vec<String>>>,
    report: IndexReport,
}

impl Run<'_> {
    fn run(&mut self, walk: &source::Walk) -> Result<()> {
        // Paths that could not be walked: whatever was indexed from below them is kept.
        let mut kept = Vec::new();
        for problem in &walk.problems {
            let held = self.manifest.under(&problem.key).count();
            let reason = if held > 0 {
                format!(
                    "{}; keeping what was indexed from it before ({held} {})",
                    problem.reason,
                    if held == 1 { "file" } else { "files" }
                )
            } else {
                problem.reason.clone()
            };
            kept.push(problem.key.clone());
            self.emit(FileOutcome::skipped(&problem.path, reason));
        }

        // Files gone from a folder that was walked (a new index knows none).
        let seen: HashSet<String> = if self.manifest.is_empty() {
            HashSet::new()
        } else {
            walk.files.iter().map(|f| manifest::key(&f.key)).collect()
        };
        let mut deleted: Vec<(PathBuf, Entry)> = Vec::new();
        let mut listed = HashSet::new();
        for (root, root_key) in &walk.roots {
            for entry in self.manifest.under(root_key) {
                let path = manifest::key_path(&entry.path);
                if seen.contains(&entry.path)
                    || kept.iter().any(|k| path.starts_with(manifest::key(k)))
                    || !listed.insert(entry.path.clone())
                {
                    continue;
                }
                let shown = match path.strip_prefix(root_key) {
                    Ok(rest) if rest.as_os_str().is_empty() => root.clone(),
                    Ok(rest) => root.join(rest),
                    Err(_) => path.clone(),
                };
                deleted.push((shown, entry.clone()));
            }
        }
        for (shown, entry) in deleted {
            self.remove_source(&entry.path)?;
            self.orphan(&entry.path, &entry.articles, &[]);
            let mut outcome = FileOutcome::new(&shown, Status::Deleted);
            outcome.articles = entry.articles.len();
            self.emit(outcome);
        }

        // What will be read, for progress.
        let plans: Vec<Plan> = walk.files.iter().map(|f| self.plan(f)).collect();
        let (count, bytes) = walk
            .files
            .iter()
            .zip(&plans)
            .filter(|(_, plan)| **plan == Plan::Read)
            .fold((0, 0), |(n, b), (f, _)| (n + 1, b + f.size));
        self.observer.planned(count, bytes);

        let mut start = 0;
        while start < walk.files.len() {
            let mut end = start;
            let (mut reads, mut bytes) = (0, 0);
            let batch_bytes = self.options.batch_bytes();
            while end < walk.files.len() && reads < PARSE_BATCH_FILES && bytes < batch_bytes {
                let file = &walk.files[end];
                if file.size <= self.options.max_file_bytes {
                    reads += 1;
                    bytes += file.size;
                }
                end += 1;
            }
            let picks: Vec<usize> = (start..end).collect();
            self.batch(&walk.files, &picks, true)?;
            self.maybe_commit()?;
            start = end;
        }

        // Files passed as unchanged before a file sharing an article with them went. Each is
        // tried once: one that cannot be read now stays marked for the next run.
        let mut tried = HashSet::new();
        loop {
            let revisit: Vec<usize> = (0..walk.files.len())
                .filter(|&n| {
                    let key = manifest::key(&walk.files[n].key);
                    !self.readded.contains(&key)
                        && self.manifest.get(&key).is_some_and(|e| e.stale)
                        && tried.insert(key)
                })
                .collect();
            if revisit.is_empty() {
                break;
            }
            for chunk in revisit.chunks(PARSE_BATCH_FILES) {
                self.batch(&walk.files, chunk, false)?;
                self.maybe_commit()?;
            }
        }
        self.finish()
    }

    fn plan(&self, file: &FoundFile) -> Plan {
        if file.size > self.options.max_file_bytes {
            return Plan::TooLarge;
        }
        let mtime = file.modified.and_then(manifest::nanos);
        match self.manifest.get(&manifest::key(&file.key)) {
            Some(entry) if entry.check(file.size, mtime) == Check::Unchanged => Plan::Unchanged,
            _ => Plan::Read,
        }
    }

    /// Reads and indexes a batch of files (`picks` are their numbers in `all`, the walk's
    /// files); `report` false for files indexed again only because an article they share lost
    /// its document (they were reported already).
    fn batch(&mut self, all: &[FoundFile], picks: &[usize], report: bool) -> Result<()> {
        let files: Vec<&FoundFile> = picks.iter().map(|&n| &all[n]).collect();
        let plans: Vec<Plan> = files
            .iter()
            .map(|f| if report { self.plan(f) } else { Plan::Read })
            .collect();
        let limit = self.options.max_file_bytes;
        let chunk = self.options.chunk_bytes();
        let manifest = &*self.manifest;
        let fields = &self.index.fields;
        let reads: Vec<Option<Read>> = files
            .par_iter()
            .zip(&plans)
            .map(|(file, plan)| {
                (*plan == Plan::Read).then(|| {
                    let old = manifest.get(&manifest::key(&file.key));
                    let force = !report || old.is_some_and(|e| e.stale);
                    let mut read = read_one(file, old.filter(|_| !force), limit, chunk);
                    if let Read::Parsed(parsed) = &mut read {
                        let key = manifest::key(&file.key);
                        parsed.documents = parsed
                            .file
                            .articles
                            .iter()
                            .map(|a| super::document::documents(a, &key, fields))
                            .collect();
                    }
                    read
                })
            })
            .collect();
        for (((file, &number), plan), read) in files.iter().zip(picks).zip(plans).zip(reads) {
            let tried = read.is_some();
            let mut outcome = match (plan, read) {
                (Plan::TooLarge, _) => self.too_large(file, file.size)?,
                (_, None) => self.unchanged(file),
                (_, Some(Read::Failed(ReadFailure::TooLarge { size, .. }))) => {
                    self.too_large(file, size)?
                }
                (_, Some(Read::Failed(failure))) => self.unreadable(file, &failure),
                (_, Some(Read::Same { size })) => self.touch(file, size),
                (_, Some(Read::Parsed(parsed))) => self.index_file(all, number, *parsed)?,
            };
            outcome.read = tried;
            if report {
                self.emit(outcome);
            }
        }
        Ok(())
    }

    fn writer(&mut self) -> Result<&IndexWriter> {
        if self.writer.is_none() {
            let bytes = self.options.writer_bytes();
            self.writer = Some(self.index.writer_with_memory(0, bytes)?);
        }
        self.dirty = true;
        self.touched = true;
        Ok(self.writer.as_ref().expect("set above"))
    }

    fn remove_source(&mut self, key: &str) -> Result<()> {
        let index = self.index;
        index.delete_source(self.writer()?, key);
        self.pending.push(Pending::Remove(key.to_string()));
        self.gone.insert(key.to_string());
        Ok(())
    }

    /// Marks for indexing again the files that share an article `key` held and no longer
    /// does (`kept` are the ids it still holds).
    fn orphan(&mut self, key: &str, old: &[String], kept: &[String]) {
        let released: Vec<&String> = old.iter().filter(|id| !kept.contains(id)).collect();
        if released.is_empty() {
            return;
        }
        let sharers = self.sharers.get_or_insert_with(|| {
            let mut map: HashMap<String, Vec<String>> = HashMap::new();
            for entry in self.manifest.entries() {
                for id in &entry.articles {
                    map.entry(id.clone()).or_default().push(entry.path.clone());
                }
            }
            map
        });
        for id in released {
            for other in sharers.get(id).into_iter().flatten() {
                if other == key || self.readded.contains(other) || self.gone.contains(other) {
                    continue;
                }
                if self.manifest.update(other, |entry| entry.stale = true) {
                    self.manifest_dirty = true;
                }
            }
        }
    }

    fn too_large(&mut self, file: &FoundFile, size: u64) -> Result<FileOutcome> {
        let key = manifest::key(&file.key);
        if let Some(entry) = self.manifest.get(&key).cloned() {
            self.remove_source(&key)?;
            self.orphan(&key, &entry.articles, &[]);
        }
        let reason = ReadFailure::TooLarge {
            size,
            limit: self.options.max_file_bytes,
        }
        .to_string();
        Ok(FileOutcome::skipped(&file.path, reason))
    }

    fn unreadable(&mut self, file: &FoundFile, failure: &ReadFailure) -> FileOutcome {
        let held = self
            .manifest
            .get(&manifest::key(&file.key))
            .map_or(0, |e| e.articles.len());
        let reason = if held > 0 {
            format!(
                "{failure}; keeping the {held} {} indexed from it before",
                if held == 1 { "article" } else { "articles" }
            )
        } else {
            failure.to_string()
        };
        FileOutcome::skipped(&file.path, reason)
    }

    /// The outcome of a file left as it was, from what the manifest remembers.
    fn unchanged(&mut self, file: &FoundFile) -> FileOutcome {
        let Some(entry) = self.manifest.get(&manifest::key(&file.key)) else {
            return FileOutcome::skipped_for(&file.path, Vec::new());
        };
        let mut outcome = if entry.articles.is_empty() {
            FileOutcome::skipped_for(&file.path, entry.skipped.clone())
        } else {
            let mut outcome = FileOutcome::new(&file.path, Status::Unchanged);
            outcome.articles = entry.articles.len();
            outcome.skipped_records = entry.skipped.clone();
            outcome
        };
        outcome.warnings = entry.warnings.clone();
        outcome
    }

    /// A file read again whose bytes are unchanged: only its size and time are remembered.
    fn touch(&mut self, file: &FoundFile, size: u64) -> FileOutcome {
        let key = manifest::key(&file.key);
        let mtime_ns = file.modified.and_then(manifest::nanos);
        let racy = Entry::is_racy(mtime_ns, self.read_at);
        let known = self.manifest.update(&key, |entry| {
            entry.size = size;
            entry.mtime_ns = mtime_ns;
            entry.racy = racy;
        });
        self.manifest_dirty |= known;
        let mut outcome = self.unchanged(file);
        outcome.bytes_read = size;
        outcome
    }

    fn index_file(
        &mut self,
        all: &[FoundFile],
        number: usize,
        parsed: Parsed,
    ) -> Result<FileOutcome> {
        let file = &all[number];
        let key = manifest::key(&file.key);
        let old = self.manifest.get(&key).cloned();
        if old.is_some() || !self.fresh {
            // Also when the manifest does not know the file: a run killed between a commit and
            // the manifest's rewrite leaves documents the manifest does not list.
            let index = self.index;
            index.delete_source(self.writer()?, &key);
        }
        let Parsed {
            size,
            hash,
            file: contents,
            documents,
            rest,
        } = parsed;
        self.uncommitted_bytes += size;
        let ParsedFile {
            articles,
            mut skipped,
            warnings,
        } = contents;
        let mut added = Added::default();
        self.add_articles(all, number, &key, articles, documents, &mut added)?;
        // A large file's other articles, a part at a time: parsed on every core, handed to the
        // writer, and dropped before the next part is parsed.
        let mut rest = rest.into_iter();
        loop {
            let part = next_part(&mut rest, self.options.chunk_bytes());
            if part.is_empty() {
                break;
            }
            let fields = &self.index.fields;
            let parsed: Vec<(ParsedFile, Vec<Documents>)> = part
                .par_iter()
                .map(|raw| {
                    let mut one = ParsedFile::default();
                    article::parse_into(raw, &mut one);
                    let documents = one
                        .articles
                        .iter()
                        .map(|a| super::document::documents(a, &key, fields))
                        .collect();
                    (one, documents)
                })
                .collect();
            drop(part);
            for (one, documents) in parsed {
                skipped.extend(one.skipped);
                self.add_articles(all, number, &key, one.articles, documents, &mut added)?;
            }
        }
        let Added { ids, quotes } = added;
        if let Some(old) = &old {
            self.orphan(&key, &old.articles, &ids);
        }
        let reasons: Vec<String> = skipped.into_iter().map(|s| s.reason).collect();
        let warnings: Vec<String> = warnings.into_iter().map(|w| w.message).collect();
        let mtime_ns = file.modified.and_then(manifest::nanos);
        self.pending.push(Pending::Upsert(Entry {
            path: key.clone(),
            size,
            mtime_ns,
            hash,
            articles: ids.clone(),
            skipped: reasons.clone(),
            warnings: warnings.clone(),
            racy: Entry::is_racy(mtime_ns, self.read_at),
            stale: false,
        }));
        // Only an index that held files before needs to know which were read again.
        if !self.fresh {
            self.readded.insert(key);
        }

        // A file indexed again only because a file it shared an article with went is
        // unchanged as far as the user is concerned.
        let same = old.as_ref().is_some_and(|o| o.hash == hash);
        let mut outcome = if ids.is_empty() {
            FileOutcome::skipped_for(&file.path, reasons)
        } else if same {
            let mut outcome = FileOutcome::new(&file.path, Status::Unchanged);
            outcome.articles = ids.len();
            outcome.skipped_records = reasons;
            outcome
        } else {
            let mut outcome = FileOutcome::new(&file.path, Status::Indexed);
            outcome.change = Some(if old.is_some() {
                Change::Changed
            } else {
                Change::New
            });
            outcome.articles = ids.len();
            outcome.quotes = quotes;
            outcome.skipped_records = reasons;
            outcome
        };
        outcome.bytes_read = size;
        outcome.warnings = warnings;
        Ok(outcome)
    }

    /// Hands a file's articles and their documents to the writer, replacing an earlier copy of
    /// each where there can be one, and notes what was added.
    fn add_articles(
        &mut self,
        all: &[FoundFile],
        number: usize,
        key: &str,
        articles: Vec<article::Article>,
        documents: Vec<Documents>,
        added: &mut Added,
    ) -> Result<()> {
        if articles.is_empty() {
            return Ok(());
        }
        let index = self.index;
        // A fresh index holds only what this run added: a delete is needed only for an
        // article seen in an earlier file of the run.
        let mut placed = Vec::with_capacity(articles.len());
        for article in &articles {
            let (seen_before, copies) = self.copies_of(all, number, key, &article.id)?;
            placed.push((!self.fresh || seen_before, copies));
        }
        let writer = self.writer()?;
        let mut flight = 0;
        for ((article, (replace, copies)), docs) in articles.into_iter().zip(placed).zip(documents)
        {
            if replace {
                index.delete_article(writer, &article.id);
            }
            let mut docs = docs.map_err(|e| Error::index(&index.path, e))?;
            document::set_copies(&mut docs, &copies, &index.fields);
            flight += docs.iter().map(document_bytes).sum::<u64>();
            index.add_documents(writer, docs)?;
            added.quotes += article.quotes.len();
            added.ids.push(article.id);
        }
        self.in_flight += flight;
        // The writer's queue is bounded in batches, not bytes: past the budget for documents
        // in flight, a commit waits for it to index them. The file under way is not in the
        // manifest until it is done, so a run stopped now redoes it.
        if self.in_flight >= self.options.flight_bytes() {
            self.commit()?;
        }
        Ok(())
    }

    /// Whether the article `id` was added earlier in this run, and the other files that hold
    /// it: those of this run (walk numbers, tracked as the run goes) and, in an index that was
    /// not fresh, those its indexed document listed, less the files this run removed or read
    /// again (the run's own tracking knows whether those still hold it).
    fn copies_of(
        &mut self,
        all: &[FoundFile],
        number: usize,
        key: &str,
        id: &str,
    ) -> Result<(bool, Vec<String>)> {
        let article = article_key(id);
        let at = number as u32;
        let (seen_before, in_run) = match self.seen.entry(article) {
            std::collections::hash_map::Entry::Vacant(entry) => {
                entry.insert(at);
                (false, Vec::new())
            }
            std::collections::hash_map::Entry::Occupied(entry) => {
                let list = self
                    .copies
                    .entry(article)
                    .or_insert_with(|| vec![*entry.get()]);
                if !list.contains(&at) {
                    list.push(at);
                }
                (true, list.clone())
            }
        };
        let mut copies: Vec<String> = in_run
            .iter()
            .map(|&n| manifest::key(&all[n as usize].key))
            .filter(|path| path != key)
            .collect();
        if !self.fresh {
            for path in self.holders_before(id)? {
                if path != key
                    && !self.gone.contains(&path)
                    && !self.readded.contains(&path)
                    && !copies.contains(&path)
                {
                    copies.push(path);
                }
            }
        }
        Ok((seen_before, copies))
    }

    /// The files the index listed for the article `id` when this run began (its `source` and
    /// `copies`), or none when it did not hold it.
    fn holders_before(&mut self, id: &str) -> Result<Vec<String>> {
        if self.committed.is_none() {
            self.committed = Some(self.index.reader()?.searcher());
        }
        let searcher = self.committed.as_ref().expect("set above");
        let fields = &self.index.fields;
        let term = |field, text: &str| -> Box<dyn tantivy::query::Query> {
            Box::new(tantivy::query::TermQuery::new(
                Term::from_field_text(field, text),
                tantivy::schema::IndexRecordOption::Basic,
            ))
        };
        let query = tantivy::query::BooleanQuery::intersection(vec![
            term(fields.article_id, id),
            term(fields.kind, schema::KIND_ARTICLE),
        ]);
        let found = searcher
            .search(
                &query,
                &tantivy::collector::TopDocs::with_limit(1).order_by_score(),
            )
            .map_err(|e| Error::index(&self.index.path, e))?;
        if let Some(&(_, address)) = found.first() {
            let doc: TantivyDocument = searcher
                .doc(address)
                .map_err(|e| Error::index(&self.index.path, e))?;
            return Ok(doc
                .get_all(fields.source)
                .chain(doc.get_all(fields.copies))
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect());
        }
        Ok(Vec::new())
    }

    /// Counts an outcome into the report and passes it to the observer.
    fn emit(&mut self, outcome: FileOutcome) {
        let report = &mut self.report;
        match outcome.status {
            Status::Indexed => {
                match outcome.change {
                    Some(Change::Changed) => report.totals.changed += 1,
                    _ => report.totals.new += 1,
                }
                report.articles += outcome.articles;
                report.quotes += outcome.quotes;
                report.articles_held += outcome.articles;
            }
            Status::Unchanged => {
                report.totals.unchanged += 1;
                report.articles_held += outcome.articles;
            }
            Status::Skipped => report.totals.skipped += 1,
            Status::Deleted => report.totals.deleted += 1,
        }
        for reason in outcome.reasons.iter().chain(&outcome.skipped_records) {
            report.skipped.push(Skipped {
                path: outcome.path.clone(),
                reason: reason.clone(),
            });
        }
        for message in &outcome.warnings {
            report.warnings.push(Warning {
                path: outcome.path.clone(),
                message: message.clone(),
            });
        }
        self.observer.file(&outcome);
    }

    fn maybe_commit(&mut self) -> Result<()> {
        let wait = MIN_COMMIT_INTERVAL.max(self.commit_cost * COMMIT_COST_FACTOR);
        let due = self.last_commit.elapsed() >= wait
            && self.uncommitted_bytes >= self.options.commit_bytes();
        if self.dirty && (self.observer.commit_now() || due) {
            self.commit()?;
        }
        Ok(())
    }

    /// Commits the index, then records in the manifest what that commit holds.
    fn commit(&mut self) -> Result<()> {
        let started = Instant::now();
        if let Some(writer) = self.writer.as_mut() {
            writer
                .commit()
                .map_err(|e| Error::index(&self.index.path, e))?;
        }
        self.dirty = false;
        self.in_flight = 0;
        self.uncommitted_bytes = 0;
        self.save_manifest()?;
        self.commit_cost = started.elapsed();
        self.last_commit = Instant::now();
        self.commits += 1;
        self.observer.committed(self.commits)
    }

    fn save_manifest(&mut self) -> Result<()> {
        for change in self.pending.drain(..) {
            match change {
                Pending::Upsert(entry) => self.manifest.insert(entry),
                Pending::Remove(key) => {
                    self.manifest.remove(&key);
                }
            }
        }
        self.manifest.save(&self.index.path)?;
        self.manifest_dirty = false;
        Ok(())
    }

    fn finish(&mut self) -> Result<()> {
        if self.dirty {
            self.commit()?;
        } else if self.manifest_dirty || !self.pending.is_empty() {
            self.save_manifest()?;
        }
        if let Some(writer) = self.writer.take() {
            writer
                .wait_merging_threads()
                .map_err(|e| Error::index(&self.index.path, e))?;
        }
        Ok(())
    }
}

impl Run<'_> {
    /// Brings the near-duplicate groups up to date with the last commit (see
    /// [`super::dups`]): after any run that changed the index, and after one that found them
    /// made for another commit (a run killed before it got here).
    fn regroup(&mut self) -> Result<()> {
        let path = self.index.path.clone();
        let opstamp = self.opstamp()?;
        let groups = Groups::load(&path);
        let searcher = self.index.reader()?.searcher();
        let segments_now: Vec<tantivy::index::SegmentId> = searcher
            .segment_readers()
            .iter()
            .map(|r| r.segment_id())
            .collect();
        let listed: Vec<tantivy::index::SegmentId> =
            groups.segments.iter().map(|(id, _)| *id).collect();
        let members = if groups.opstamp == opstamp
            && !self.touched
            && listed == segments_now
            && path.join(dups::GROUPS_FILE).exists()
        {
            groups.members
        } else {
            drop(groups);
            let grouping = dups::group(&searcher).map_err(|e| Error::index(&path, e))?;
            let members = grouping.members();
            drop(grouping);
            let of: rustc_hash::FxHashMap<u64, u64> = members.iter().copied().collect();
            let segments =
                dups::grouped_documents(&searcher, &of).map_err(|e| Error::index(&path, e))?;
            Groups::save(&path, opstamp, &members, &segments).map_err(io_error(&path))?;
            members
        };
        let groups: std::collections::HashSet<u64> = members.iter().map(|(_, g)| *g).collect();
        self.report.duplicates = Duplicates {
            exact_copies: self.exact_copies(),
            groups: groups.len(),
            grouped_articles: members.len(),
        };
        Ok(())
    }

    /// The opstamp of the index's last commit.
    fn opstamp(&self) -> Result<u64> {
        let metas = self.index.index.load_metas();
        Ok(metas
            .map_err(|e| Error::index(&self.index.path, e))?
            .opstamp)
    }

    /// Articles listed by more than one file: the manifest's articles less the distinct ones.
    fn exact_copies(&self) -> usize {
        let mut ids: std::collections::HashSet<&str> = std::collections::HashSet::new();
        let mut listed = 0;
        for entry in self.manifest.entries() {
            listed += entry.articles.len();
            ids.extend(entry.articles.iter().map(String::as_str));
        }
        listed - ids.len()
    }
}

/// Reads one file and parses it unless its bytes hash to `old`'s. Of a file of many articles,
/// only the first `chunk` bytes of text are parsed here; the rest wait in [`Parsed::rest`].
fn read_one(file: &FoundFile, old: Option<&Entry>, limit: u64, chunk: u64) -> Read {
    let bytes = match source::read_limited(&file.path, limit) {
        Ok(bytes) => bytes,
        Err(failure) => return Read::Failed(failure),
    };
    let size = bytes.len() as u64;
    let hash = manifest::content_hash(&bytes);
    if old.is_some_and(|e| e.hash == hash) {
        return Read::Same { size };
    }
    let mut raw = source::read_any_limited(&file.path, &bytes, limit);
    drop(bytes);
    let mut articles = std::mem::take(&mut raw.articles).into_iter();
    raw.articles = next_part(&mut articles, chunk);
    let rest: Vec<RawArticle> = articles.collect();
    Read::Parsed(Box::new(Parsed {
        size,
        hash,
        file: article::parse_read(raw),
        documents: Vec::new(),
        rest,
    }))
}

/// About the bytes a document holds in tantivy's queue: its text and bytes values, and a
/// little for each value.
fn document_bytes(doc: &TantivyDocument) -> u64 {
    doc.field_values()
        .map(|(_, value)| {
            let text = value.as_str().map_or(0, str::len);
            let bytes = value.as_bytes().map_or(0, <[u8]>::len);
            (text + bytes + 16) as u64
        })
        .sum()
}

/// The next raw articles of `articles` holding about `bytes` of text (at least one article,
/// when any is left).
fn next_part(articles: &mut impl Iterator<Item = RawArticle>, bytes: u64) -> Vec<RawArticle> {
    let mut part = Vec::new();
    let mut size = 0;
    while size < bytes {
        let Some(raw) = articles.next() else { break };
        size += raw.paragraphs.iter().map(|p| p.len() as u64).sum::<u64>();
        part.push(raw);
    }
    part
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::{SearchRequest, Searcher};

    /// Writes `n` one-article files, `story-NNN.txt`, each with a quotation of its own.
    fn write_stories(dir: &Path, n: usize) {
        std::fs::create_dir_all(dir).unwrap();
        for i in 0..n {
            let text = format!(
                "Harbour board approves berth {i}\n\nPORT ELLEN, March {day} (Reuters) - The \
                 harbour board approved berth number {i} on Monday. \"Berth {i} opens next \
                 spring,\" chairman Tomas Vreeland said.\n",
                day = 1 + i % 28
            );
            std::fs::write(dir.join(format!("story-{i:03}.txt")), text).unwrap();
        }
    }

    fn articles(index: &WireIndex) -> usize {
        Searcher::new(index).unwrap().stats().unwrap().articles
    }

    /// Commits after every batch, and fails the run after commit `stop_after`.
    struct Crash {
        stop_after: usize,
    }

    impl Observer for Crash {
        fn commit_now(&mut self) -> bool {
            true
        }
        fn committed(&mut self, commits: usize) -> Result<()> {
            if commits == self.stop_after {
                return Err(Error::index(Path::new("test"), "stopped after a commit"));
            }
            Ok(())
        }
    }

    #[test]
    fn a_run_stopped_after_a_commit_keeps_it_and_the_next_run_does_the_rest() {
        let dir = tempfile::tempdir().unwrap();
        let files = dir.path().join("files");
        write_stories(&files, PARSE_BATCH_FILES + 40);
        let index_path = dir.path().join("index");
        {
            let mut updater = Updater::open(&index_path, false).unwrap();
            let stopped = updater.run(
                std::slice::from_ref(&files),
                &UpdateOptions::default(),
                &mut Crash { stop_after: 1 },
            );
            assert!(stopped.is_err());
        }
        // The first batch was committed, and the manifest lists exactly its files.
        let index = WireIndex::open(&index_path).unwrap();
        assert_eq!(articles(&index), PARSE_BATCH_FILES);
        let manifest = Manifest::load(&index_path).unwrap();
        let listed = (0..PARSE_BATCH_FILES + 40)
            .filter(|i| {
                let file = source::root_key(&files.join(format!("story-{i:03}.txt")));
                manifest.get(&manifest::key(&file)).is_some()
            })
            .count();
        assert_eq!(listed, PARSE_BATCH_FILES);
        drop(index);

        // The next run reads only what was not committed, and ends where a clean run ends.
        let mut updater = Updater::open(&index_path, false).unwrap();
        let report = updater
            .run(
                std::slice::from_ref(&files),
                &UpdateOptions::default(),
                &mut (),
            )
            .unwrap();
        assert_eq!(
            (report.totals.new, report.totals.unchanged, report.articles),
            (40, PARSE_BATCH_FILES, 40)
        );
        let index = updater.into_index();
        assert_eq!(articles(&index), PARSE_BATCH_FILES + 40);
    }

    /// Commits after every batch and, at its first commit, counts the articles a reader of
    /// the index being rebuilt sees, then stops the run there as a kill would.
    struct ReadDuringRebuild {
        index: PathBuf,
        seen: Option<usize>,
    }

    impl Observer for ReadDuringRebuild {
        fn commit_now(&mut self) -> bool {
            true
        }
        fn committed(&mut self, _commits: usize) -> Result<()> {
            self.seen = Some(articles(&WireIndex::open(&self.index)?));
            Err(Error::index(Path::new("test"), "stopped after a commit"))
        }
    }

    #[test]
    fn readers_see_a_rebuild_whole_or_not_at_all() {
        let dir = tempfile::tempdir().unwrap();
        let files = dir.path().join("files");
        write_stories(&files, PARSE_BATCH_FILES + 40);
        let index_path = dir.path().join("index");
        let whole = articles(&build(&index_path, std::slice::from_ref(&files)).unwrap().0);
        assert_eq!(whole, PARSE_BATCH_FILES + 40);

        // Stopped after its first commit: readers saw the old index whole, and still do. Wiping
        // in place showed them 0 articles, then one batch, and a kill left the batch.
        let mut reader = ReadDuringRebuild {
            index: index_path.clone(),
            seen: None,
        };
        {
            let mut updater = Updater::open(&index_path, true).unwrap();
            let options = UpdateOptions::default();
            let stopped = updater.run(std::slice::from_ref(&files), &options, &mut reader);
            assert!(stopped.is_err());
        }
        assert_eq!(reader.seen, Some(whole));
        assert_eq!(articles(&WireIndex::open(&index_path).unwrap()), whole);

        // The next rebuild clears what the stopped one left, puts the new index in place, and
        // leaves nothing beside it.
        for i in 0..10 {
            std::fs::remove_file(files.join(format!("story-{i:03}.txt"))).unwrap();
        }
        let mut updater = Updater::open(&index_path, true).unwrap();
        updater
            .run(
                std::slice::from_ref(&files),
                &UpdateOptions::default(),
                &mut (),
            )
            .unwrap();
        let index = updater.into_index();
        assert_eq!(articles(&index), whole - 10);
        let mut beside: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        beside.sort();
        assert_eq!(beside, ["files", "index"]);
    }

    /// Counts commits, and the articles the index held at each (through a new reader).
    #[derive(Default)]
    struct Commits {
        index: PathBuf,
        held: Vec<usize>,
    }

    impl Observer for Commits {
        fn committed(&mut self, _commits: usize) -> Result<()> {
            self.held.push(articles(&WireIndex::open(&self.index)?));
            Ok(())
        }
    }

    /// Issue 16: a 61 MB JSON array of quote-heavy articles peaked at 3.1 GB with
    /// `--memory-budget 64M`. Its articles were parsed all at once, and tantivy's queue, bounded
    /// in batches and not bytes, held thousands of articles' documents. Now a large file is
    /// parsed a part at a time and a commit waits for the writer once the documents in flight
    /// pass the budget's share: so one file is committed in several steps, and nothing is lost.
    #[test]
    fn a_large_file_of_quote_heavy_articles_is_indexed_a_part_at_a_time() {
        let dir = tempfile::tempdir().unwrap();
        let files = dir.path().join("files");
        std::fs::create_dir_all(&files).unwrap();
        let quotes = "“We will build the berth,” Tomas Vreeland said. ".repeat(30);
        let items: Vec<serde_json::Value> = (0..400)
            .map(|i| {
                serde_json::json!({
                    "title": format!("Harbour board approves berth {i}"),
                    "content": format!("PORT ELLEN, March 3 (Reuters) - Berth {i} was approved. {quotes}"),
                })
            })
            .collect();
        std::fs::write(
            files.join("export.json"),
            serde_json::to_string(&items).unwrap(),
        )
        .unwrap();
        let options = UpdateOptions {
            memory_budget: 16 * 1024 * 1024,
            ..UpdateOptions::default()
        };
        assert_eq!(options.flight_bytes(), 2 * 1024 * 1024);
        let index_path = dir.path().join("index");
        let mut observer = Commits {
            index: index_path.clone(),
            ..Commits::default()
        };
        let mut updater = Updater::open(&index_path, false).unwrap();
        let report = updater
            .run(std::slice::from_ref(&files), &options, &mut observer)
            .unwrap();
        assert_eq!((report.articles, report.quotes), (400, 400 * 30));
        // Committed while the file was under way, and whole at the end.
        assert!(observer.held.len() >= 3, "{:?}", observer.held);
        assert!(
            observer.held[0] > 0 && observer.held[0] < 400,
            "{:?}",
            observer.held
        );
        assert_eq!(observer.held.last(), Some(&400));
        assert_eq!(articles(&updater.into_index()), 400);
    }

    /// Issue 16: manifest keys wrote a name that is not UTF-8 with replacement characters, so
    /// `caf\xE9.txt` and `caf\xE8.txt` (Latin-1 names) shared one entry and every run read them
    /// again as changed. Keys are lossless now: a second run finds both unchanged.
    #[cfg(unix)]
    #[test]
    fn names_that_are_not_utf8_are_unchanged_on_the_next_run() {
        use std::os::unix::ffi::OsStrExt;
        let dir = tempfile::tempdir().unwrap();
        let files = dir.path().join("files");
        std::fs::create_dir_all(&files).unwrap();
        for (byte, words) in [(0xE9, "one berth"), (0xE8, "two new berths this year")] {
            let name = [b'c', b'a', b'f', byte, b'.', b't', b'x', b't'];
            let name = std::ffi::OsStr::from_bytes(&name);
            let text = format!(
                "Harbour board approves {words}\n\nPORT ELLEN, March 3 (Reuters) - The harbour \
                 board approved {words} on Monday.\n"
            );
            std::fs::write(files.join(name), text).unwrap();
        }
        let index_path = dir.path().join("index");
        let run = || {
            let mut updater = Updater::open(&index_path, false).unwrap();
            let report = updater
                .run(
                    std::slice::from_ref(&files),
                    &UpdateOptions::default(),
                    &mut (),
                )
                .unwrap();
            let totals = &report.totals;
            (totals.new, totals.changed, totals.unchanged, totals.deleted)
        };
        assert_eq!(run(), (2, 0, 0, 0));
        assert_eq!(run(), (0, 0, 2, 0));
        let manifest = Manifest::load(&index_path).unwrap();
        assert_eq!(manifest.entries().count(), 2);
    }

    #[test]
    fn parts_hold_about_the_bytes_asked_and_at_least_one_article() {
        let raw = |n: usize| RawArticle {
            paragraphs: vec!["x".repeat(n)],
            ..RawArticle::default()
        };
        let mut articles = vec![raw(10), raw(10), raw(10), raw(100), raw(5)].into_iter();
        let sizes = |part: Vec<RawArticle>| -> Vec<usize> {
            part.iter().map(|a| a.paragraphs[0].len()).collect()
        };
        assert_eq!(sizes(next_part(&mut articles, 15)), [10, 10]);
        assert_eq!(sizes(next_part(&mut articles, 1)), [10]);
        assert_eq!(sizes(next_part(&mut articles, 1)), [100]);
        assert_eq!(sizes(next_part(&mut articles, 1000)), [5]);
        assert!(next_part(&mut articles, 1000).is_empty());
    }

    #[test]
    fn a_second_run_reads_only_what_changed_and_drops_what_went() {
        let dir = tempfile::tempdir().unwrap();
        let files = dir.path().join("files");
        write_stories(&files, 5);
        let index_path = dir.path().join("index");
        let first = build(&index_path, std::slice::from_ref(&files)).unwrap().1;
        assert_eq!((first.totals.new, first.articles, first.quotes), (5, 5, 5));

        std::fs::remove_file(files.join("story-004.txt")).unwrap();
        let changed = files.join("story-000.txt");
        let mut text = std::fs::read_to_string(&changed).unwrap();
        text.push_str("\nThe board meets again in April, a spokesman said.\n");
        std::fs::write(&changed, text).unwrap();
        let (index, second) = build(&index_path, std::slice::from_ref(&files)).unwrap();
        let totals = &second.totals;
        assert_eq!(
            (totals.new, totals.changed, totals.unchanged, totals.deleted),
            (0, 1, 3, 1)
        );
        assert_eq!((second.articles, second.articles_held), (1, 4));
        assert_eq!(articles(&index), 4);
        let searcher = Searcher::new(&index).unwrap();
        let found = |query: &str| {
            let request = SearchRequest {
                query: query.into(),
                limit: 10,
                ..SearchRequest::default()
            };
            searcher.search(&request).unwrap().total
        };
        assert_eq!(found("april"), 1);
        assert_eq!(found("\"berth number 4\""), 0);
    }

    #[test]
    fn a_folder_that_is_not_an_index_is_refused_and_left_as_it_was() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("notes.txt"), "mine").unwrap();
        let err = Updater::open(dir.path(), false).err().unwrap().to_string();
        assert!(err.contains("holds no wiredex index"), "{err}");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["notes.txt"]);
    }
}
