//! wiredex: a search engine for archives of wire-service news articles.
//!
//! The pipeline reads left to right; each stage knows only those to its left:
//!
//! `source` (files to raw articles) → `article` (raw text to fields, people, quotes and
//! speakers) → `index` (tantivy documents on disk) → `query` (requests to hits) → `output`.
//!
//! ```
//! use wiredex::{article, index::WireIndex, query::{QuoteRequest, Searcher}, source::RawArticle};
//! let raw = RawArticle {
//!     paragraphs: vec![
//!         "Envoy visits Tokyo".into(),
//!         "TOKYO, March 3 (Reuters) - Foreign Minister Arkady Voronin arrived on Monday.".into(),
//!         "“Japan is a close partner of ours,” Voronin said.".into(),
//!     ],
//!     ..RawArticle::default()
//! };
//! let article = article::parse(&raw).unwrap();
//! let index = WireIndex::in_memory().unwrap();
//! let mut writer = index.writer(1).unwrap();
//! index.add(&writer, &article).unwrap();
//! writer.commit().unwrap();
//! let searcher = Searcher::new(&index).unwrap();
//! let request = QuoteRequest { by: Some("Voronin".into()), about: Some("Japan".into()), limit: 10, ..Default::default() };
//! let found = searcher.quotes(&request).unwrap();
//! assert_eq!(found.hits[0].quote.speaker.as_deref(), Some("Arkady Voronin"));
//! ```

pub mod article;
pub mod bench;
pub mod error;
pub mod index;
pub mod output;
pub mod query;
pub mod serve;
pub mod source;

pub use article::{Article, Person, Quote};
pub use error::{Error, Result};
pub use index::{IndexReport, WireIndex};

/// Reads one file and parses every article in it: what `wiredex parse` does. The reading is
/// `source`'s and the parsing `article`'s; `article` itself does no I/O.
pub fn parse_file(path: &std::path::Path) -> article::ParsedFile {
    article::parse_read(source::read_file(path))
}
