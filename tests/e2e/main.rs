//! End-to-end tests: they run the real `wiredex` binary on a copy of `corpus/` (or on fixtures
//! and `../shared` corpora), parse its `--json` output with serde, and compute the expected
//! answers from the data itself rather than hard-coding ids.

mod bench;
mod browser;
mod cli;
mod duplicates;
mod errors;
mod formats;
mod harness;
mod hostile;
mod incremental;
mod institutions;
mod languages;
mod quotemarks;
mod readme;
mod serve;
mod shared;
mod speakers;
