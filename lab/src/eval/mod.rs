//! Measuring extraction against gold that someone else made or that we keep by hand. Each gold
//! source has its own scorer: `gold` (our `tests/gold/` files), `reuters` (Reuters-21578
//! datelines and dates), `polnear` (PolNeAR's attributed quotations), `wire` (the wire gold of
//! `lab/gold/wire/`: real Reuters-21578 and BBC articles, every field). `wiredex-lab eval` prints
//! them.

mod common;
pub mod gold;
pub mod polnear;
pub mod reuters;
pub mod wire;

pub use common::{f1, files_with_extension, ratio};
pub use gold::{Gold, GoldQuote, Scores, normal, quotes_match, score};
