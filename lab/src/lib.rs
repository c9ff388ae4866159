//! wiredex-lab: what measures wiredex against others, kept out of the product. The peer
//! engines users would pick instead of wiredex (raw tantivy with a plain schema, SQLite FTS5,
//! a grep scan of the files) run beside wiredex's own benchmark as [`wiredex::bench::Peer`]s;
//! the generator writes synthetic wire articles with a workload of true counts; `eval` scores
//! extraction against gold (our own, Reuters-21578 datelines, PolNeAR, the wire gold).

pub mod baseline;
pub mod eval;
pub mod generate;
pub mod plain;

use std::path::Path;

use wiredex::Result;
use wiredex::bench::{Answer, Kind, Peer, WorkloadQuery};

/// Names of the peers as reported.
pub const TANTIVY: &str = "tantivy-plain";
/// SQLite FTS5.
pub const SQLITE: &str = "sqlite-fts5";
/// Brute-force file scan.
pub const SCAN: &str = "grep-scan";

/// Above this many files the scan runs each query once instead of `runs` times: it takes
/// seconds per query, and its median is not what is in doubt.
const SCAN_FULL_RUNS_MAX_FILES: usize = 5_000;

/// Raw tantivy with a plain schema, as a [`Peer`].
#[derive(Default)]
pub struct TantivyPeer(Option<baseline::PlainTantivy>);

/// SQLite FTS5, as a [`Peer`].
#[derive(Default)]
pub struct Fts5Peer(Option<baseline::Fts5>);

/// A scan of the files, as a [`Peer`].
#[derive(Default)]
pub struct ScanPeer(Option<baseline::Scan>);

fn not_ingested(name: &str) -> wiredex::Error {
    wiredex::Error::Io {
        path: name.into(),
        reason: std::io::Error::other("queried before ingest"),
    }
}

impl Peer for TantivyPeer {
    fn name(&self) -> &str {
        TANTIVY
    }
    fn ingest(&mut self, corpus: &Path, scratch: &Path) -> Result<usize> {
        let (engine, articles) = baseline::PlainTantivy::ingest(corpus, &scratch.join("tantivy"))?;
        self.0 = Some(engine);
        Ok(articles)
    }
    fn answer(&self, query: &WorkloadQuery) -> Result<Answer> {
        let engine = self.0.as_ref().ok_or_else(|| not_ingested(TANTIVY))?;
        let tantivy_query = engine.query(&plain::plain(query)?);
        Ok(if query.kind == Kind::Count {
            Answer::years(engine.count_by_year(tantivy_query.as_ref())?)
        } else {
            Answer::hits(engine.run(tantivy_query.as_ref())?)
        })
    }
}

impl Peer for Fts5Peer {
    fn name(&self) -> &str {
        SQLITE
    }
    fn ingest(&mut self, corpus: &Path, scratch: &Path) -> Result<usize> {
        let (engine, articles) = baseline::Fts5::ingest(corpus, &scratch.join("fts5.db"))?;
        self.0 = Some(engine);
        Ok(articles)
    }
    fn answer(&self, query: &WorkloadQuery) -> Result<Answer> {
        let engine = self.0.as_ref().ok_or_else(|| not_ingested(SQLITE))?;
        let plain = plain::plain(query)?;
        Ok(if query.kind == Kind::Count {
            Answer::years(engine.count_by_year(&plain)?)
        } else {
            Answer::hits(engine.run(&plain)?)
        })
    }
}

impl Peer for ScanPeer {
    fn name(&self) -> &str {
        SCAN
    }
    fn ingest(&mut self, corpus: &Path, _scratch: &Path) -> Result<usize> {
        let scan = baseline::Scan::new(corpus);
        let files = scan.files();
        self.0 = Some(scan);
        Ok(files)
    }
    fn answer(&self, query: &WorkloadQuery) -> Result<Answer> {
        let engine = self.0.as_ref().ok_or_else(|| not_ingested(SCAN))?;
        let plain = plain::plain(query)?;
        Ok(if query.kind == Kind::Count {
            Answer::years(engine.count_by_year(&plain)?)
        } else {
            Answer::hits(engine.run(&plain)?)
        })
    }
    fn reports_ingest(&self) -> bool {
        false
    }
    fn runs(&self, requested: usize, files: usize) -> usize {
        if files > SCAN_FULL_RUNS_MAX_FILES {
            1
        } else {
            requested
        }
    }
}

/// Every peer, in the order reports list them.
pub fn peers() -> Vec<Box<dyn Peer>> {
    vec![
        Box::new(TantivyPeer::default()),
        Box::new(Fts5Peer::default()),
        Box::new(ScanPeer::default()),
    ]
}
