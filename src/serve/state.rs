//! What every handler shares: the open index and its reader (reloaded when `wiredex index`
//! commits), why a request failed, and running a search off the async threads.

use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::SystemTime;

use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use tantivy::{IndexReader, ReloadPolicy};

use crate::error::{Error, Result};
use crate::index::GROUPS_FILE;
use crate::index::WireIndex;
use crate::query::{Searcher, SharedGroups};

/// The open index, its reader (reloaded on commit) and the groups read for its last commit.
pub struct State {
    index: WireIndex,
    reader: IndexReader,
    /// The commit and groups-file version the cached groups were read for.
    groups: Mutex<Option<(GroupsVersion, SharedGroups)>>,
}

/// Which commit a searcher sees and which groups file lies beside it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct GroupsVersion {
    segments: Vec<tantivy::index::SegmentId>,
    file: Option<(SystemTime, u64)>,
}

impl State {
    /// Opens the reader on `index`, reloading when a commit lands.
    pub fn new(index: WireIndex) -> Result<State> {
        let reader = index
            .index
            .reader_builder()
            .reload_policy(ReloadPolicy::OnCommitWithDelay)
            .try_into()
            .map_err(|e| Error::index(&index.path, e))?;
        Ok(State {
            index,
            reader,
            groups: Mutex::new(None),
        })
    }

    /// Runs `f` with a searcher on the last commit, sharing the groups file read for it.
    fn with_searcher<T>(&self, f: impl FnOnce(&Searcher) -> Result<T>) -> Result<T> {
        let tantivy_searcher = self.reader.searcher();
        let version = GroupsVersion {
            segments: tantivy_searcher
                .segment_readers()
                .iter()
                .map(|s| s.segment_id())
                .collect(),
            file: groups_file_version(&self.index.path),
        };
        let cached = self
            .groups
            .lock()
            .ok()
            .and_then(|slot| slot.as_ref().filter(|(v, _)| *v == version).cloned())
            .map(|(_, groups)| groups);
        let fresh = cached.is_none();
        let searcher = Searcher::with_searcher(&self.index, tantivy_searcher, cached);
        let result = f(&searcher);
        if fresh && let Ok(mut slot) = self.groups.lock() {
            *slot = Some((version, searcher.shared_groups()));
        }
        result
    }
}

fn groups_file_version(dir: &Path) -> Option<(SystemTime, u64)> {
    let meta = std::fs::metadata(dir.join(GROUPS_FILE)).ok()?;
    Some((meta.modified().ok()?, meta.len()))
}

/// Why a request failed, answered as JSON by the API and as a page by the pages.
#[derive(Debug)]
pub(crate) enum Failure {
    /// The request cannot be answered as asked: a bad query, date or parameter.
    BadRequest(String),
    /// Nothing by that name.
    NotFound(String),
    /// The index failed (not the user's doing).
    Internal(String),
}

impl Failure {
    pub(crate) fn status(&self) -> StatusCode {
        match self {
            Failure::BadRequest(_) => StatusCode::BAD_REQUEST,
            Failure::NotFound(_) => StatusCode::NOT_FOUND,
            Failure::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    pub(crate) fn message(&self) -> &str {
        match self {
            Failure::BadRequest(m) | Failure::NotFound(m) | Failure::Internal(m) => m,
        }
    }
}

impl From<Error> for Failure {
    fn from(err: Error) -> Failure {
        match err {
            Error::Query { .. } | Error::Date { .. } => Failure::BadRequest(err.to_string()),
            _ => Failure::Internal(err.to_string()),
        }
    }
}

/// Runs `work` on the blocking pool with a searcher; a panic there is an internal failure,
/// not a dropped connection.
pub(crate) async fn blocking<T: Send + 'static>(
    state: &Arc<State>,
    work: impl FnOnce(&Searcher) -> std::result::Result<T, Failure> + Send + 'static,
) -> std::result::Result<T, Failure> {
    let state = state.clone();
    tokio::task::spawn_blocking(move || {
        let mut outcome = None;
        let result = state.with_searcher(|searcher| {
            outcome = Some(work(searcher));
            Ok(())
        });
        match (result, outcome) {
            (Err(err), _) => Err(Failure::from(err)),
            (Ok(()), Some(outcome)) => outcome,
            (Ok(()), None) => Err(Failure::Internal("the search did not run".into())),
        }
    })
    .await
    .unwrap_or_else(|e| Err(Failure::Internal(format!("the search failed: {e}"))))
}

/// A response with a content type.
pub(crate) fn typed(content_type: &'static str, body: impl Into<axum::body::Body>) -> Response {
    ([(header::CONTENT_TYPE, content_type)], body.into()).into_response()
}
