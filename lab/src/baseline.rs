//! What users would pick instead of wiredex, run on the same files and the same workload:
//! raw tantivy with a plain schema (headline and body text, the date from the file), SQLite FTS5
//! (bundled with `rusqlite`), and a brute-force scan of the files with ripgrep's
//! library crates. Each reads the files itself, so ingest times include reading; none does any
//! news-specific extraction. They answer `PlainQuery`s, the common subset of query languages,
//! with a hit count or, for `count` queries, a tally of the matches by year.

use std::collections::HashMap;
use std::ops::Bound;
use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};
use grep_regex::{RegexMatcher, RegexMatcherBuilder};
use grep_searcher::{Searcher as GrepSearcher, sinks};
use tantivy::collector::{Collector, Count, SegmentCollector, TopDocs};
use tantivy::columnar::Column;
use tantivy::query::{BooleanQuery, Occur, PhraseQuery, Query, RangeQuery, TermQuery};
use tantivy::schema::{DateOptions, Field, IndexRecordOption, STORED, Schema, TEXT, Term, Value};
use tantivy::{
    DateTime, DocId, Index, IndexWriter, Score, SegmentOrdinal, SegmentReader, TantivyDocument,
};

use crate::plain::{Clause, Leaf, PlainQuery};
use wiredex::article::date::date_from_path;
use wiredex::query::{self as facets, Facet};
use wiredex::source::{self, RawArticle};
use wiredex::{Error, Result};

/// Memory budget of the baseline tantivy writer: the same as wiredex's.
const WRITER_MEMORY_BYTES: usize = 128 * 1024 * 1024;

/// Hits fetched per query, as `wiredex search` shows by default.
pub const TOP: usize = 10;

/// The field of the plain schema that holds the date, a fast field.
const DATE_FIELD: &str = "date";

/// Rows of a tally by year, ordered as wiredex orders `--count-by year` (years ascending,
/// `(undated)` last), so that tallies compare with `==`.
fn year_rows(years: impl IntoIterator<Item = (Option<i32>, usize)>) -> Vec<facets::Count> {
    facets::tally_counts(
        Facet::Year,
        years.into_iter().map(|(year, count)| {
            let key = year.map_or_else(|| "(undated)".to_string(), |y| format!("{y:04}"));
            (key, count)
        }),
    )
}

/// One article as a plain engine sees it: the first paragraph as headline, the rest as body.
pub struct PlainArticle {
    /// The source file.
    pub path: String,
    /// Headline.
    pub headline: String,
    /// Everything after the headline, dateline included.
    pub body: String,
    /// The date from the file's metadata or name.
    pub date: Option<NaiveDate>,
}

impl PlainArticle {
    fn of(raw: &RawArticle) -> PlainArticle {
        let path = raw.path.display().to_string();
        let (headline, rest) = match &raw.headline {
            Some(h) => (h.clone(), &raw.paragraphs[..]),
            None => match raw.paragraphs.split_first() {
                Some((first, rest)) => (first.clone(), rest),
                None => (String::new(), &raw.paragraphs[..]),
            },
        };
        let date = raw
            .published
            .as_deref()
            .and_then(|p| NaiveDate::parse_from_str(p.get(..10)?, "%Y-%m-%d").ok())
            .or_else(|| date_from_path(&path));
        PlainArticle {
            path,
            headline,
            body: rest.join("\n\n"),
            date,
        }
    }
}

/// Reads every file under `root` into plain articles (the read is part of each ingest).
pub fn read_plain(root: &Path) -> Vec<PlainArticle> {
    let (files, _) = source::discover(&[root.to_path_buf()]);
    files
        .iter()
        .flat_map(|f| source::read_file(f).articles)
        .map(|raw| PlainArticle::of(&raw))
        .collect()
}

fn midnight(day: NaiveDate) -> DateTime {
    DateTime::from_timestamp_secs(
        day.and_hms_opt(0, 0, 0)
            .unwrap_or_default()
            .and_utc()
            .timestamp(),
    )
}

/// Raw tantivy over the same text: default tokenizer, no stemming, no extraction.
pub struct PlainTantivy {
    reader: tantivy::IndexReader,
    headline: Field,
    body: Field,
    date: Field,
}

impl PlainTantivy {
    /// Reads the files under `root` and indexes them in `dir`; returns the engine and the
    /// number of articles.
    pub fn ingest(root: &Path, dir: &Path) -> Result<(PlainTantivy, usize)> {
        let err = |e: tantivy::TantivyError| Error::index(dir, e);
        let mut builder = Schema::builder();
        let headline = builder.add_text_field("headline", TEXT | STORED);
        let body = builder.add_text_field("body", TEXT);
        let date =
            builder.add_date_field(DATE_FIELD, DateOptions::default().set_indexed().set_fast());
        let path = builder.add_text_field("path", STORED);
        std::fs::create_dir_all(dir).map_err(|reason| Error::Io {
            path: dir.to_path_buf(),
            reason,
        })?;
        let index = Index::create_in_dir(dir, builder.build()).map_err(err)?;
        let mut writer: IndexWriter = index.writer(WRITER_MEMORY_BYTES).map_err(err)?;
        let articles = read_plain(root);
        for a in &articles {
            let mut doc = TantivyDocument::default();
            doc.add_text(headline, &a.headline);
            doc.add_text(body, &a.body);
            doc.add_text(path, &a.path);
            if let Some(day) = a.date {
                doc.add_date(date, midnight(day));
            }
            writer.add_document(doc).map_err(err)?;
        }
        writer.commit().map_err(err)?;
        writer.wait_merging_threads().map_err(err)?;
        let reader = index.reader().map_err(err)?;
        Ok((
            PlainTantivy {
                reader,
                headline,
                body,
                date,
            },
            articles.len(),
        ))
    }

    fn leaf(&self, leaf: &Leaf, fields: &[Field]) -> Box<dyn Query> {
        let per_field: Vec<(Occur, Box<dyn Query>)> = fields
            .iter()
            .map(|&f| {
                let q: Box<dyn Query> = match leaf {
                    Leaf::Word(w) => Box::new(TermQuery::new(
                        Term::from_field_text(f, w),
                        IndexRecordOption::WithFreqs,
                    )),
                    Leaf::Phrase(ws) => Box::new(PhraseQuery::new(
                        ws.iter().map(|w| Term::from_field_text(f, w)).collect(),
                    )),
                };
                (Occur::Should, q)
            })
            .collect();
        Box::new(BooleanQuery::new(per_field))
    }

    /// The tantivy query for a plain query.
    pub fn query(&self, plain: &PlainQuery) -> Box<dyn Query> {
        let clauses = plain
            .clauses
            .iter()
            .map(|clause| match clause {
                Clause::Text {
                    any,
                    headline_only,
                    negated,
                } => {
                    let fields: &[Field] = if *headline_only {
                        &[self.headline]
                    } else {
                        &[self.headline, self.body]
                    };
                    let q = Box::new(BooleanQuery::new(
                        any.iter()
                            .map(|l| (Occur::Should, self.leaf(l, fields)))
                            .collect(),
                    )) as Box<dyn Query>;
                    (
                        if *negated {
                            Occur::MustNot
                        } else {
                            Occur::Must
                        },
                        q,
                    )
                }
                Clause::Date { from, to } => (
                    Occur::Must,
                    Box::new(RangeQuery::new(
                        Bound::Included(Term::from_field_date(self.date, midnight(*from))),
                        Bound::Included(Term::from_field_date(self.date, midnight(*to))),
                    )) as Box<dyn Query>,
                ),
            })
            .collect();
        Box::new(BooleanQuery::new(clauses))
    }

    /// Counts the matches and fetches the top hits' stored fields, as a search page would.
    pub fn run(&self, query: &dyn Query) -> Result<usize> {
        let err = |e: tantivy::TantivyError| Error::index(Path::new("(plain tantivy)"), e);
        let searcher = self.reader.searcher();
        let (count, top) = searcher
            .search(query, &(Count, TopDocs::with_limit(TOP).order_by_score()))
            .map_err(err)?;
        for (_, address) in top {
            let doc: TantivyDocument = searcher.doc(address).map_err(err)?;
            std::hint::black_box(
                doc.get_first(self.headline)
                    .and_then(|v| v.as_str())
                    .map(str::len),
            );
        }
        Ok(count)
    }

    /// The matches tallied by the year of their `date` fast field, with a collector of its own;
    /// nothing stored is read, as `wiredex search --count-by year` reads nothing stored.
    pub fn count_by_year(&self, query: &dyn Query) -> Result<Vec<facets::Count>> {
        self.reader
            .searcher()
            .search(query, &YearTally)
            .map_err(|e| Error::index(Path::new("(plain tantivy)"), e))
    }
}

/// Tallies the matching documents of the plain schema by the year of their `date` fast field.
/// A collector of its own rather than `DocSetCollector` and a fast-field read per address: the
/// doc set would build a hash set of every match first, where wiredex's `FacetCollector` reads
/// the column as each match is collected, and the baseline should do the same work.
struct YearTally;

/// The per-segment side of [`YearTally`]: matches per year, and those without a date.
struct YearTallySegment {
    dates: Option<Column<DateTime>>,
    years: HashMap<i32, usize>,
    undated: usize,
}

impl Collector for YearTally {
    type Fruit = Vec<facets::Count>;
    type Child = YearTallySegment;

    fn for_segment(
        &self,
        _segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<YearTallySegment> {
        // A segment without one dated document has no date column at all.
        let dates = reader.fast_fields().column_opt::<DateTime>(DATE_FIELD)?;
        Ok(YearTallySegment {
            dates,
            years: HashMap::new(),
            undated: 0,
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(
        &self,
        fruits: Vec<(HashMap<i32, usize>, usize)>,
    ) -> tantivy::Result<Vec<facets::Count>> {
        let mut rows = Vec::new();
        for (years, undated) in fruits {
            rows.extend(years.into_iter().map(|(y, n)| (Some(y), n)));
            rows.push((None, undated));
        }
        Ok(year_rows(rows))
    }
}

impl SegmentCollector for YearTallySegment {
    type Fruit = (HashMap<i32, usize>, usize);

    fn collect(&mut self, doc: DocId, _score: Score) {
        let year = self
            .dates
            .as_ref()
            .and_then(|c| c.first(doc))
            .and_then(|d| chrono::DateTime::from_timestamp(d.into_timestamp_secs(), 0))
            .map(|d| d.year());
        match year {
            Some(year) => *self.years.entry(year).or_default() += 1,
            None => self.undated += 1,
        }
    }

    fn harvest(self) -> Self::Fruit {
        (self.years, self.undated)
    }
}

/// SQLite FTS5 over the same text, in one table on disk.
pub struct Fts5 {
    db: rusqlite::Connection,
}

impl Fts5 {
    /// Reads the files under `root` into an FTS5 table in `file`, in one transaction.
    pub fn ingest(root: &Path, file: &Path) -> Result<(Fts5, usize)> {
        let err = |e: rusqlite::Error| Error::index(file, e);
        let mut db = rusqlite::Connection::open(file).map_err(err)?;
        db.execute_batch(
            "CREATE VIRTUAL TABLE articles USING fts5(headline, body, date UNINDEXED, path UNINDEXED);",
        )
        .map_err(err)?;
        let articles = read_plain(root);
        let tx = db.transaction().map_err(err)?;
        {
            let mut insert = tx
                .prepare(
                    "INSERT INTO articles (headline, body, date, path) VALUES (?1, ?2, ?3, ?4)",
                )
                .map_err(err)?;
            for a in &articles {
                let date = a.date.map(|d| d.format("%Y-%m-%d").to_string());
                insert
                    .execute(rusqlite::params![a.headline, a.body, date, a.path])
                    .map_err(err)?;
            }
        }
        tx.commit().map_err(err)?;
        Ok((Fts5 { db }, articles.len()))
    }

    /// The FTS5 `MATCH` expression (or none when only dates constrain) and the date bounds.
    pub fn expression(plain: &PlainQuery) -> (Option<String>, Option<(String, String)>) {
        let leaf = |l: &Leaf| match l {
            Leaf::Word(w) => format!("\"{w}\""),
            Leaf::Phrase(ws) => format!("\"{}\"", ws.join(" ")),
        };
        let mut positive = Vec::new();
        let mut negative = Vec::new();
        let mut dates = None;
        for clause in &plain.clauses {
            match clause {
                Clause::Text {
                    any,
                    headline_only,
                    negated,
                } => {
                    let alternatives: Vec<String> = any.iter().map(leaf).collect();
                    let mut expr = if alternatives.len() == 1 {
                        alternatives[0].clone()
                    } else {
                        format!("({})", alternatives.join(" OR "))
                    };
                    if *headline_only {
                        expr = format!("headline : {expr}");
                    }
                    if *negated {
                        negative.push(expr);
                    } else {
                        positive.push(expr);
                    }
                }
                Clause::Date { from, to } => {
                    dates = Some((
                        from.format("%Y-%m-%d").to_string(),
                        to.format("%Y-%m-%d").to_string(),
                    ));
                }
            }
        }
        let expr = (!positive.is_empty()).then(|| {
            let mut expr = positive.join(" AND ");
            for n in negative {
                expr = format!("{expr} NOT {n}");
            }
            expr
        });
        (expr, dates)
    }

    /// The SQL `WHERE` condition of a plain query and its parameters.
    fn filter(plain: &PlainQuery) -> (String, Vec<String>) {
        let (expr, dates) = Fts5::expression(plain);
        let mut conditions = Vec::new();
        let mut params: Vec<String> = Vec::new();
        if let Some(expr) = expr {
            params.push(expr);
            conditions.push(format!("articles MATCH ?{}", params.len()));
        }
        if let Some((from, to)) = dates {
            params.push(from);
            params.push(to);
            conditions.push(format!(
                "date BETWEEN ?{} AND ?{}",
                params.len() - 1,
                params.len()
            ));
        }
        (conditions.join(" AND "), params)
    }

    /// Counts the matches and fetches the top hits by rank.
    pub fn run(&self, plain: &PlainQuery) -> Result<usize> {
        let err = |e: rusqlite::Error| Error::index(Path::new("(sqlite)"), e);
        let (filter, params) = Fts5::filter(plain);
        let count: i64 = self
            .db
            .prepare_cached(&format!("SELECT count(*) FROM articles WHERE {filter}"))
            .map_err(err)?
            .query_row(rusqlite::params_from_iter(&params), |row| row.get(0))
            .map_err(err)?;
        let mut top = self
            .db
            .prepare_cached(&format!(
                "SELECT path, headline FROM articles WHERE {filter} ORDER BY rank LIMIT {TOP}"
            ))
            .map_err(err)?;
        let rows = top
            .query_map(rusqlite::params_from_iter(&params), |row| {
                row.get::<_, String>(1).map(|h| h.len())
            })
            .map_err(err)?;
        for row in rows {
            std::hint::black_box(row.map_err(err)?);
        }
        Ok(count as usize)
    }

    /// The matches tallied by year with `GROUP BY substr(date, 1, 4)` (a `NULL` date, one the
    /// file gave none, is the undated bucket).
    pub fn count_by_year(&self, plain: &PlainQuery) -> Result<Vec<facets::Count>> {
        let err = |e: rusqlite::Error| Error::index(Path::new("(sqlite)"), e);
        let (filter, params) = Fts5::filter(plain);
        let mut tally = self
            .db
            .prepare_cached(&format!(
                "SELECT substr(date, 1, 4), count(*) FROM articles WHERE {filter} GROUP BY 1"
            ))
            .map_err(err)?;
        let rows = tally
            .query_map(rusqlite::params_from_iter(&params), |row| {
                Ok((row.get::<_, Option<String>>(0)?, row.get::<_, i64>(1)?))
            })
            .map_err(err)?;
        let mut years = Vec::new();
        for row in rows {
            let (year, count) = row.map_err(err)?;
            let key = year.unwrap_or_else(|| "(undated)".to_string());
            years.push((key, count as usize));
        }
        Ok(facets::tally_counts(Facet::Year, years))
    }
}

/// A brute-force scan of the files with ripgrep's searcher and regex crates: what `rg -il`
/// piped through more `rg` does, on all cores.
pub struct Scan {
    files: Vec<(PathBuf, Option<NaiveDate>)>,
}

enum ScanClause {
    Text {
        any: Vec<RegexMatcher>,
        headline_only: bool,
        negated: bool,
    },
    Date(NaiveDate, NaiveDate),
}

impl Scan {
    /// Lists the files under `root` (their dates come from their names).
    pub fn new(root: &Path) -> Scan {
        let (files, _) = source::discover(&[root.to_path_buf()]);
        let files = files
            .into_iter()
            .filter(|f| source::Format::of(f).is_some())
            .map(|f| {
                let date = date_from_path(&f.display().to_string());
                (f, date)
            })
            .collect();
        Scan { files }
    }

    /// How many files it scans.
    pub fn files(&self) -> usize {
        self.files.len()
    }

    fn compile(plain: &PlainQuery) -> Result<Vec<ScanClause>> {
        plain
            .clauses
            .iter()
            .map(|clause| {
                Ok(match clause {
                    Clause::Text {
                        any,
                        headline_only,
                        negated,
                    } => ScanClause::Text {
                        any: any
                            .iter()
                            .map(|l| {
                                let pattern = match l {
                                    Leaf::Word(w) => w.clone(),
                                    Leaf::Phrase(ws) => ws.join(r"\s+"),
                                };
                                RegexMatcherBuilder::new()
                                    .case_insensitive(true)
                                    .word(true)
                                    .build(&pattern)
                                    .map_err(|e| Error::Query {
                                        input: pattern.clone(),
                                        reason: e.to_string(),
                                        at: None,
                                    })
                            })
                            .collect::<Result<_>>()?,
                        headline_only: *headline_only,
                        negated: *negated,
                    },
                    Clause::Date { from, to } => ScanClause::Date(*from, *to),
                })
            })
            .collect()
    }

    /// Articles matching the query: files, or each `<REUTERS>` record of an SGML file.
    pub fn run(&self, plain: &PlainQuery) -> Result<usize> {
        Ok(self.matching_dates(plain)?.len())
    }

    /// The matching articles tallied by year: a file's from its name (undated without one),
    /// an SGML record's from its `<DATE>`.
    pub fn count_by_year(&self, plain: &PlainQuery) -> Result<Vec<facets::Count>> {
        let mut years: HashMap<Option<i32>, usize> = HashMap::new();
        for date in self.matching_dates(plain)? {
            *years.entry(date.map(|d| d.year())).or_default() += 1;
        }
        Ok(year_rows(years))
    }

    /// The dates of the articles matching the query.
    fn matching_dates(&self, plain: &PlainQuery) -> Result<Vec<Option<NaiveDate>>> {
        let clauses = Scan::compile(plain)?;
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
        let chunk = self.files.len().div_ceil(threads).max(1);
        let dates: Vec<Vec<Option<NaiveDate>>> = std::thread::scope(|scope| {
            let handles: Vec<_> = self
                .files
                .chunks(chunk)
                .map(|files| {
                    let clauses = &clauses;
                    scope.spawn(move || {
                        let mut searcher = GrepSearcher::new();
                        files
                            .iter()
                            .flat_map(|(path, date)| {
                                matching_records(&mut searcher, clauses, path, *date)
                            })
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().unwrap_or_default())
                .collect()
        });
        Ok(dates.into_iter().flatten().collect())
    }
}

/// One article of a scanned file: its bytes, headline line and date.
struct Record<'a> {
    bytes: &'a [u8],
    headline: &'a [u8],
    date: Option<NaiveDate>,
}

/// The articles of a file as a scan sees them: each `<REUTERS>` record of an SGML file (titled
/// by its `<TITLE>`, dated by its `<DATE>`), else the whole file, titled by its first line and
/// dated by its name.
fn records(bytes: &[u8], file_date: Option<NaiveDate>) -> Vec<Record<'_>> {
    let starts: Vec<usize> = memchr_all(bytes, b"<REUTERS");
    if starts.is_empty() {
        let headline = bytes
            .split(|&b| b == b'\n')
            .find(|line| !line.iter().all(u8::is_ascii_whitespace))
            .unwrap_or(&[]);
        return vec![Record {
            bytes,
            headline,
            date: file_date,
        }];
    }
    starts
        .iter()
        .enumerate()
        .map(|(i, &start)| {
            let end = starts.get(i + 1).copied().unwrap_or(bytes.len());
            let record = &bytes[start..end];
            let date = between(record, b"<DATE>", b"</DATE>")
                .and_then(|d| std::str::from_utf8(d).ok())
                .and_then(|d| {
                    NaiveDate::parse_from_str(d.split_whitespace().next()?, "%d-%b-%Y").ok()
                });
            Record {
                bytes: record,
                headline: between(record, b"<TITLE>", b"</TITLE>").unwrap_or(&[]),
                date,
            }
        })
        .collect()
}

/// Every offset where `needle` starts in `haystack`.
fn memchr_all(haystack: &[u8], needle: &[u8]) -> Vec<usize> {
    let Some((&first, rest)) = needle.split_first() else {
        return Vec::new();
    };
    let mut found = Vec::new();
    let mut at = 0;
    while let Some(i) = haystack[at..].iter().position(|&b| b == first) {
        let start = at + i;
        if haystack[start + 1..].starts_with(rest) {
            found.push(start);
        }
        at = start + 1;
    }
    found
}

/// The bytes between the first `open` and the `close` after it.
fn between<'a>(bytes: &'a [u8], open: &[u8], close: &[u8]) -> Option<&'a [u8]> {
    let start = memchr_all(bytes, open).first()? + open.len();
    let end = memchr_all(&bytes[start..], close).first()? + start;
    Some(&bytes[start..end])
}

/// The dates of the file's articles that match every clause.
fn matching_records(
    searcher: &mut GrepSearcher,
    clauses: &[ScanClause],
    path: &Path,
    file_date: Option<NaiveDate>,
) -> Vec<Option<NaiveDate>> {
    let Ok(bytes) = std::fs::read(path) else {
        return Vec::new();
    };
    // One pass over the whole file first, as `rg` would make: when a required word is nowhere
    // in it, no record can match.
    let whole = Record {
        bytes: &bytes,
        headline: &bytes,
        date: None,
    };
    let required = clauses
        .iter()
        .filter(|c| matches!(c, ScanClause::Text { negated: false, .. }));
    for clause in required {
        if !record_matches(searcher, std::slice::from_ref(clause), &whole) {
            return Vec::new();
        }
    }
    records(&bytes, file_date)
        .into_iter()
        .filter(|record| record_matches(searcher, clauses, record))
        .map(|record| record.date)
        .collect()
}

fn record_matches(searcher: &mut GrepSearcher, clauses: &[ScanClause], record: &Record) -> bool {
    clauses.iter().all(|clause| match clause {
        ScanClause::Date(from, to) => record.date.is_some_and(|d| *from <= d && d <= *to),
        ScanClause::Text {
            any,
            headline_only,
            negated,
        } => {
            let haystack = if *headline_only {
                record.headline
            } else {
                record.bytes
            };
            let found = any.iter().any(|m| {
                let mut found = false;
                let _ = searcher.search_slice(
                    m,
                    haystack,
                    sinks::Bytes(|_, _| {
                        found = true;
                        Ok(false)
                    }),
                );
                found
            });
            found != *negated
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scan_counts_each_sgml_record_with_its_own_date_and_title() {
        let sgml = b"<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n<REUTERS NEWID=\"1\">\n<DATE>26-FEB-1987 15:01:01.79</DATE>\n<TEXT><TITLE>COCOA EXPORTS FALL</TITLE><BODY>Cocoa exports fell.</BODY></TEXT>\n</REUTERS>\n<REUTERS NEWID=\"2\">\n<DATE> 2-MAR-1987 09:00:00.00</DATE>\n<TEXT><TITLE>OIL PRICES RISE</TITLE><BODY>Crude oil rose.</BODY></TEXT>\n</REUTERS>\n";
        let found = records(sgml, None);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].headline, b"COCOA EXPORTS FALL");
        assert_eq!(found[0].date, NaiveDate::from_ymd_opt(1987, 2, 26));
        assert_eq!(found[1].headline, b"OIL PRICES RISE");
        assert_eq!(found[1].date, NaiveDate::from_ymd_opt(1987, 3, 2));
        let plain = records(
            b"\n\nHeadline here\nBody text.\n",
            NaiveDate::from_ymd_opt(2014, 1, 2),
        );
        assert_eq!(plain.len(), 1);
        assert_eq!(plain[0].headline, b"Headline here");
    }

    /// Five one-article files: "pipeline" in two of 2014, one of 2019 and one without a date in
    /// its name; "budget" in one of the 2014 ones; a fifth of 2019 matches neither.
    fn fixture() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        let files = [
            (
                "2014-01-21-tass-0000001.txt",
                "Pipeline opens\n\nMOSCOW, January 21. /TASS/. The gas pipeline opened.\n",
            ),
            (
                "2014-06-02-reuters-0000002.txt",
                "Budget vote\n\nLONDON, June 2 (Reuters) - The pipeline budget passed.\n",
            ),
            (
                "2019-03-03-ap-0000003.txt",
                "Plans\n\nSEOUL, South Korea (AP) — A pipeline was planned.\n",
            ),
            (
                "2019-05-05-ap-0000004.txt",
                "Harvest\n\nSEOUL, South Korea (AP) — The grain harvest was good.\n",
            ),
            ("notes.txt", "Notes\n\nNo date on this pipeline.\n"),
        ];
        for (name, text) in files {
            std::fs::write(dir.path().join(name), text).unwrap();
        }
        dir
    }

    fn rows(pairs: &[(&str, usize)]) -> Vec<facets::Count> {
        pairs
            .iter()
            .map(|(key, count)| facets::Count {
                key: key.to_string(),
                count: *count,
            })
            .collect()
    }

    /// The queries every baseline is asked on the fixture, with the tallies it must give.
    fn cases() -> Vec<(PlainQuery, Vec<facets::Count>)> {
        vec![
            (
                PlainQuery::parse("pipeline").unwrap(),
                rows(&[("2014", 2), ("2019", 1), ("(undated)", 1)]),
            ),
            (
                PlainQuery::parse("pipeline -budget").unwrap(),
                rows(&[("2014", 1), ("2019", 1), ("(undated)", 1)]),
            ),
            (
                PlainQuery::parse("pipeline date:2014..2014").unwrap(),
                rows(&[("2014", 2)]),
            ),
            (PlainQuery::parse("glacier").unwrap(), rows(&[])),
        ]
    }

    #[test]
    fn plain_tantivy_tallies_matches_by_the_year_of_its_date_field() {
        let corpus = fixture();
        let scratch = tempfile::tempdir().unwrap();
        let (plain, articles) = PlainTantivy::ingest(corpus.path(), scratch.path()).unwrap();
        assert_eq!(articles, 5);
        for (query, expected) in cases() {
            let got = plain.count_by_year(plain.query(&query).as_ref()).unwrap();
            assert_eq!(got, expected, "{query:?}");
        }
        // A segment where nothing is dated has no date column: all its matches are undated.
        let undated = tempfile::tempdir().unwrap();
        std::fs::write(undated.path().join("a.txt"), "A pipeline\n\nText.\n").unwrap();
        std::fs::write(undated.path().join("b.txt"), "B pipeline\n\nText.\n").unwrap();
        let (plain, _) =
            PlainTantivy::ingest(undated.path(), &scratch.path().join("undated")).unwrap();
        let query = plain.query(&PlainQuery::parse("pipeline").unwrap());
        assert_eq!(
            plain.count_by_year(query.as_ref()).unwrap(),
            rows(&[("(undated)", 2)])
        );
    }

    #[test]
    fn fts5_tallies_matches_by_the_year_of_its_date_column() {
        let corpus = fixture();
        let scratch = tempfile::tempdir().unwrap();
        let (fts5, articles) = Fts5::ingest(corpus.path(), &scratch.path().join("f.db")).unwrap();
        assert_eq!(articles, 5);
        for (query, expected) in cases() {
            assert_eq!(fts5.count_by_year(&query).unwrap(), expected, "{query:?}");
        }
    }

    #[test]
    fn scan_tallies_matching_files_by_the_year_in_their_names() {
        let corpus = fixture();
        let scan = Scan::new(corpus.path());
        for (query, expected) in cases() {
            assert_eq!(scan.count_by_year(&query).unwrap(), expected, "{query:?}");
            let total: usize = expected.iter().map(|r| r.count).sum();
            assert_eq!(scan.run(&query).unwrap(), total, "{query:?}");
        }
    }

    #[test]
    fn fts5_expressions_keep_negation_after_the_positive_clauses() {
        let q =
            PlainQuery::parse("-sanctions (reactor OR glacier) headline:budget date:2010..2011")
                .unwrap();
        let (expr, dates) = Fts5::expression(&q);
        assert_eq!(
            expr.as_deref(),
            Some("(\"reactor\" OR \"glacier\") AND headline : \"budget\" NOT \"sanctions\"")
        );
        assert_eq!(dates, Some(("2010-01-01".into(), "2011-12-31".into())));
    }
}
