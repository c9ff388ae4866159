//! `wiredex serve`: the archive in a browser (server-rendered pages, in `pages.rs`) and an HTTP
//! JSON API for programs (in `api.rs`), over one open index. Read-only: nothing here writes the
//! index. It reloads its reader when `wiredex index` commits, and re-reads the near-duplicate
//! groups file that the commit rewrites, so a running server shows what was just indexed.
//!
//! Requests are parsed on tokio's threads; searching and rendering run on its blocking pool, so
//! a slow query never stalls the threads that accept connections.

mod api;
mod assets;
mod pages;
mod params;

use std::net::SocketAddr;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::SystemTime;

use axum::Router;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use tantivy::{IndexReader, ReloadPolicy};

use crate::error::{Error, Result};
use crate::index::WireIndex;
use crate::index::dups::GROUPS_FILE;
use crate::query::{Searcher, SharedGroups};

/// The address `wiredex serve` binds by default: loopback only.
pub const DEFAULT_BIND: &str = "127.0.0.1:7700";

/// What the server may load: styles and images from itself, nothing else; no scripts at all,
/// so a hostile article's `<script>` or `onerror=` could not run even if it reached the page
/// unescaped.
const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; style-src 'self'; img-src 'self'; \
     form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

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

/// Whether serving on `addr` keeps the archive on this machine.
pub fn is_loopback(addr: &SocketAddr) -> bool {
    addr.ip().is_loopback()
}

/// The application: pages, API and assets, with the security headers on every response.
pub fn router(state: Arc<State>) -> Router {
    Router::new()
        .route("/", get(pages::search))
        .route("/quotes", get(pages::quotes))
        .route("/timeline", get(pages::timeline))
        .route("/articles/{id}", get(pages::article))
        .route("/api/search", get(api::search))
        .route("/api/quotes", get(api::quotes))
        .route("/api/people", get(api::people))
        .route("/api/timeline", get(api::timeline))
        .route("/api/articles/{id}", get(api::article))
        .route("/api/stats", get(api::stats))
        .route("/assets/{name}", get(assets::asset))
        .fallback(pages::not_found)
        .layer(axum::middleware::map_response(security_headers))
        .with_state(state)
}

async fn security_headers(mut response: Response) -> Response {
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CONTENT_SECURITY_POLICY),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    response
}

/// Serves `index` on `bind` until interrupted (Ctrl-C). `ready` is called with the address
/// actually bound (port 0 picks a free one) once connections are accepted.
pub fn serve(index: WireIndex, bind: SocketAddr, ready: impl FnOnce(SocketAddr)) -> Result<()> {
    let state = Arc::new(State::new(index)?);
    let io = |e: std::io::Error| Error::Io {
        path: format!("http://{bind}").into(),
        reason: e,
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_io()
        .enable_time()
        .build()
        .map_err(io)?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(bind).await.map_err(io)?;
        ready(listener.local_addr().map_err(io)?);
        axum::serve(listener, router(state))
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await
            .map_err(io)
    })
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
    fn status(&self) -> StatusCode {
        match self {
            Failure::BadRequest(_) => StatusCode::BAD_REQUEST,
            Failure::NotFound(_) => StatusCode::NOT_FOUND,
            Failure::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn message(&self) -> &str {
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
async fn blocking<T: Send + 'static>(
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
fn typed(content_type: &'static str, body: impl Into<axum::body::Body>) -> Response {
    ([(header::CONTENT_TYPE, content_type)], body.into()).into_response()
}
