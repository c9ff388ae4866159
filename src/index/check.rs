//! `wiredex check`: the files of an index folder verified against each other, as `git fsck`
//! does for a repository. tantivy's segments (every component file present, every checksum
//! matching, every stored document readable), `wiredex.json`, the manifest (each file's
//! articles in the index, each article of the index in some file) and the near-duplicate groups
//! (readable, made for the last commit). It reads and reports; it changes nothing.

use std::collections::HashSet;
use std::path::Path;

use tantivy::collector::DocSetCollector;
use tantivy::index::SegmentComponent;
use tantivy::query::TermQuery;
use tantivy::schema::{IndexRecordOption, Term, Value};
use tantivy::{Index, TantivyDocument};

use super::directory::IndexDirectory;
use super::dups::{GROUPS_FILE, Groups};
use super::manifest::{MANIFEST_FILE, Manifest};
use super::schema::{KIND_ARTICLE, SCHEMA_VERSION};
use super::wire_index::{META_FILE, MetaState, WireIndex, read_meta};
use crate::error::{Error, Result};

/// One thing found wrong: the file it is in and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Problem {
    /// The file in the index folder (its name).
    pub file: String,
    /// What is wrong, lower-case.
    pub what: String,
}

/// What `check` found.
#[derive(Debug, Default, Clone, serde::Serialize)]
pub struct CheckReport {
    /// Segments of the last commit.
    pub segments: usize,
    /// Articles the index holds.
    pub articles: usize,
    /// Files the manifest lists.
    pub files: usize,
    /// Everything found wrong; empty when the index is sound.
    pub problems: Vec<Problem>,
}

impl CheckReport {
    fn problem(&mut self, file: impl Into<String>, what: impl Into<String>) {
        self.problems.push(Problem {
            file: file.into(),
            what: what.into(),
        });
    }
}

/// Component files every segment has.
const COMPONENTS: [SegmentComponent; 6] = [
    SegmentComponent::Postings,
    SegmentComponent::Positions,
    SegmentComponent::FastFields,
    SegmentComponent::FieldNorms,
    SegmentComponent::Terms,
    SegmentComponent::Store,
];

/// The files of the last commit's segments that are not in the folder `path`: a cheap check
/// (no file is read) that `index` makes before it adds to an index.
pub(crate) fn missing_segment_files(path: &Path, metas: &tantivy::IndexMeta) -> Vec<String> {
    let mut missing = Vec::new();
    for segment in &metas.segments {
        let mut components = COMPONENTS.to_vec();
        if segment.has_deletes() {
            components.push(SegmentComponent::Delete);
        }
        for component in components {
            let file = segment.relative_path(component);
            if !path.join(&file).exists() {
                missing.push(file.to_string_lossy().into_owned());
            }
        }
    }
    missing
}

/// Checks the index folder `path`; an error only when there is no index there at all.
pub fn check(path: &Path) -> Result<CheckReport> {
    let mut report = CheckReport::default();
    let known = ["meta.json", META_FILE, MANIFEST_FILE, GROUPS_FILE];
    if !known.iter().any(|f| path.join(f).exists()) {
        return Err(Error::NoIndex {
            path: path.to_path_buf(),
        });
    }
    let schema_ok = match read_meta(path) {
        MetaState::Version(v) if v == SCHEMA_VERSION => true,
        MetaState::Version(v) => {
            report.problem(
                META_FILE,
                format!("made by schema version {v}; this wiredex uses {SCHEMA_VERSION}"),
            );
            false
        }
        // (Segments are still checked; articles are read only from an index of this schema.)
        MetaState::Absent => {
            report.problem(META_FILE, "missing");
            false
        }
        MetaState::Unreadable => {
            report.problem(META_FILE, "damaged: expected {\"schema_version\": N}");
            false
        }
    };
    let held = segments(path, &mut report, schema_ok);
    manifest(path, &mut report, held.as_ref());
    groups(path, &mut report, held.as_ref());
    Ok(report)
}

/// The index's article ids and last commit, when its segments could be read.
struct Held {
    ids: HashSet<String>,
    opstamp: u64,
}

fn segments(path: &Path, report: &mut CheckReport, schema_ok: bool) -> Option<Held> {
    let opened = IndexDirectory::open(path)
        .map_err(|e| e.to_string())
        .and_then(|d| Index::open(d).map_err(|e| e.to_string()));
    let index = match opened {
        Ok(index) => index,
        Err(err) => {
            report.problem("meta.json", format!("tantivy cannot open the index: {err}"));
            return None;
        }
    };
    let metas = match index.load_metas() {
        Ok(metas) => metas,
        Err(err) => {
            report.problem("meta.json", format!("unreadable: {err}"));
            return None;
        }
    };
    report.segments = metas.segments.len();
    let before = report.problems.len();
    for segment in &metas.segments {
        let mut components = COMPONENTS.to_vec();
        if segment.has_deletes() {
            components.push(SegmentComponent::Delete);
        }
        for component in components {
            let file = segment.relative_path(component);
            let name = file.to_string_lossy().into_owned();
            if !path.join(&file).exists() {
                report.problem(name, "missing");
                continue;
            }
            match index.directory().validate_checksum(&file) {
                Ok(true) => {}
                Ok(false) => {
                    report.problem(name, "damaged: its checksum does not match its content")
                }
                Err(err) => report.problem(name, format!("unreadable: {err}")),
            }
        }
    }
    if report.problems.len() > before || !schema_ok {
        return None;
    }
    // Every stored article readable: a segment can pass its checksum and still not open.
    let articles = WireIndex::open(path).and_then(|index| article_ids(&index));
    match articles {
        Ok(ids) => {
            report.articles = ids.len();
            Some(Held {
                ids,
                opstamp: metas.opstamp,
            })
        }
        Err(err) => {
            report.problem("segments", format!("unreadable: {err}"));
            None
        }
    }
}

/// The ids of the index's articles, each read from its stored document.
fn article_ids(index: &WireIndex) -> Result<HashSet<String>> {
    let err = |e: tantivy::TantivyError| Error::index(&index.path, e);
    let searcher = index.reader()?.searcher();
    let articles = TermQuery::new(
        Term::from_field_text(index.fields.kind, KIND_ARTICLE),
        IndexRecordOption::Basic,
    );
    let docs = searcher.search(&articles, &DocSetCollector).map_err(err)?;
    #[derive(serde::Deserialize)]
    struct Record {
        id: String,
    }
    let mut ids = HashSet::with_capacity(docs.len());
    for address in docs {
        let doc: TantivyDocument = searcher.doc(address).map_err(err)?;
        let record = doc
            .get_first(index.fields.record)
            .and_then(|v| v.as_str())
            .ok_or_else(|| Error::index(&index.path, "an article document has no record"))?;
        let record: Record = serde_json::from_str(record)
            .map_err(|e| Error::index(&index.path, format!("an article's record: {e}")))?;
        ids.insert(record.id);
    }
    Ok(ids)
}

/// Up to three of `ids`, sorted, for a message.
fn examples<'a>(ids: impl Iterator<Item = &'a String>) -> String {
    let mut ids: Vec<&String> = ids.collect();
    ids.sort();
    let shown: Vec<&str> = ids.iter().take(3).map(|s| String::as_str(s)).collect();
    let more = if ids.len() > 3 { ", ..." } else { "" };
    format!("{}{more}", shown.join(", "))
}

fn manifest(path: &Path, report: &mut CheckReport, held: Option<&Held>) {
    if !path.join(MANIFEST_FILE).exists() {
        if held.is_some_and(|h| !h.ids.is_empty()) {
            report.problem(
                MANIFEST_FILE,
                "missing: the index holds articles but no record of the files they came from, so articles of deleted files are never removed",
            );
        }
        return;
    }
    let manifest = match Manifest::load(path) {
        Ok(manifest) => manifest,
        Err(Error::Index { message, .. }) => {
            let what = message.split(": rebuild").next().unwrap_or(&message);
            let what = what.strip_prefix(MANIFEST_FILE).unwrap_or(what).trim();
            let what = what.strip_prefix("is ").unwrap_or(what);
            report.problem(MANIFEST_FILE, what);
            return;
        }
        Err(err) => {
            report.problem(MANIFEST_FILE, format!("unreadable: {err}"));
            return;
        }
    };
    report.files = manifest.len();
    let Some(held) = held else { return };
    let listed: HashSet<&String> = manifest.entries().flat_map(|e| &e.articles).collect();
    let lost: Vec<&String> = listed
        .iter()
        .copied()
        .filter(|id| !held.ids.contains(*id))
        .collect();
    if !lost.is_empty() {
        report.problem(
            MANIFEST_FILE,
            format!(
                "lists {} articles the index does not hold ({})",
                lost.len(),
                examples(lost.into_iter())
            ),
        );
    }
    let unlisted: Vec<&String> = held.ids.iter().filter(|id| !listed.contains(id)).collect();
    if !unlisted.is_empty() {
        report.problem(
            MANIFEST_FILE,
            format!(
                "lists no file for {} articles the index holds ({})",
                unlisted.len(),
                examples(unlisted.into_iter())
            ),
        );
    }
}

fn groups(path: &Path, report: &mut CheckReport, held: Option<&Held>) {
    let bytes = match std::fs::read(path.join(GROUPS_FILE)) {
        Ok(bytes) => bytes,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
            if held.is_some_and(|h| !h.ids.is_empty()) {
                report.problem(
                    GROUPS_FILE,
                    "missing: near-duplicate stories are not collapsed, and counts include every copy",
                );
            }
            return;
        }
        Err(err) => {
            report.problem(GROUPS_FILE, format!("unreadable: {err}"));
            return;
        }
    };
    let Some(groups) = Groups::decode(&bytes) else {
        report.problem(
            GROUPS_FILE,
            "damaged: near-duplicate stories are not collapsed, and counts include every copy",
        );
        return;
    };
    if let Some(held) = held
        && groups.opstamp != held.opstamp
    {
        report.problem(
            GROUPS_FILE,
            format!(
                "made for commit {} but the index is at commit {}: near-duplicate groups are out of date",
                groups.opstamp, held.opstamp
            ),
        );
    }
}
