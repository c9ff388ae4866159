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
mod state;

use std::net::SocketAddr;
use std::sync::Arc;

use axum::Router;
use axum::http::{HeaderValue, header};
use axum::response::Response;
use axum::routing::get;

use crate::error::{Error, Result};
use crate::index::WireIndex;
use state::State;

/// The address `wiredex serve` binds by default: loopback only.
pub const DEFAULT_BIND: &str = "127.0.0.1:7700";

/// What the server may load: styles and images from itself, nothing else; no scripts at all,
/// so a hostile article's `<script>` or `onerror=` could not run even if it reached the page
/// unescaped.
const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; style-src 'self'; img-src 'self'; \
     form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

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
