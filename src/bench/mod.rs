//! Benchmarks end to end: index a folder with wiredex and with the baselines users would pick
//! instead (raw tantivy, SQLite FTS5, a file scan), run one workload of named query groups
//! through each with every hit count checked (and for `count` queries every engine's tally by
//! year against wiredex's), and report throughput, peak memory, latency percentiles and ratios.
//! Also the article generator for scale data. Used by `wiredex bench`, `wiredex generate` and
//! the criterion benches; prints nothing itself except through `write_table`.

pub mod baseline;
pub mod generate;
pub mod machine;
pub mod workload;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde::Serialize;

use crate::error::{Error, Result};
use crate::query::facets::{Count, Facet};
use crate::query::{QuoteRequest, SearchRequest, Searcher};
pub use machine::Machine;
pub use workload::{Kind, Workload, WorkloadQuery};

/// Engine names as reported.
pub const WIREDEX: &str = "wiredex";
/// Raw tantivy with a plain schema.
pub const TANTIVY: &str = "tantivy-plain";
/// SQLite FTS5.
pub const SQLITE: &str = "sqlite-fts5";
/// Brute-force file scan.
pub const SCAN: &str = "grep-scan";

/// Above this many files the scan runs each query once instead of `runs` times: it takes
/// seconds per query, and its median is not what is in doubt.
const SCAN_FULL_RUNS_MAX_FILES: usize = 5_000;

/// How to run a benchmark.
#[derive(Debug, Clone)]
pub struct BenchOptions {
    /// The folder of articles.
    pub corpus: PathBuf,
    /// The queries.
    pub workload: Workload,
    /// Timed runs of each query per engine (after one untimed warm-up run).
    pub runs: usize,
}

/// Ingest of one engine.
#[derive(Debug, Clone, Serialize)]
pub struct Ingest {
    /// Engine name.
    pub engine: String,
    /// Articles it indexed.
    pub articles: usize,
    /// Wall time, reading included.
    pub seconds: f64,
    /// Corpus megabytes (of files) per second.
    pub mb_per_s: f64,
    /// Articles per second.
    pub articles_per_s: f64,
    /// Peak resident memory during the ingest (MB), when measurable.
    pub peak_rss_mb: Option<f64>,
    /// wiredex's throughput divided by this engine's (1 for wiredex itself).
    pub wiredex_ratio: f64,
}

/// Latency of one engine on one query group.
#[derive(Debug, Clone, Serialize)]
pub struct Latency {
    /// Engine name.
    pub engine: String,
    /// Timed executions (queries x runs).
    pub samples: usize,
    /// Median, ms.
    pub p50_ms: f64,
    /// 95th percentile, ms.
    pub p95_ms: f64,
    /// 99th percentile, ms.
    pub p99_ms: f64,
    /// Queries per second over the group's executions, one thread.
    pub qps: f64,
    /// Hit counts per query of the group, in workload order (for a `count` query, the total of
    /// its tally).
    pub hits: Vec<usize>,
    /// Tallies by year per query of the group, in workload order: `null` for a query that is
    /// not a `count`. Left out when the group has no `count` query.
    #[serde(skip_serializing_if = "no_tallies")]
    pub years: Vec<Option<Vec<Count>>>,
    /// This engine's p50 divided by wiredex's (above 1: wiredex is faster).
    pub ratio_to_wiredex: f64,
}

/// One query group.
#[derive(Debug, Clone, Serialize)]
pub struct Group {
    /// Group name.
    pub group: String,
    /// Its queries.
    pub queries: Vec<WorkloadQuery>,
    /// True when every query with an expected count got exactly that count from wiredex and,
    /// for a `count` query, every engine's tally by year equals wiredex's.
    pub verified: bool,
    /// Queries whose count was checked (those with an expected count; for a `count` query the
    /// check covers every engine's tally by year too).
    pub checked: usize,
    /// Per engine, wiredex first.
    pub engines: Vec<Latency>,
}

/// A whole benchmark run.
#[derive(Debug, Clone, Serialize)]
pub struct BenchReport {
    /// When it ran (UTC, RFC 3339).
    pub date: String,
    /// Where.
    pub machine: Machine,
    /// The folder benchmarked.
    pub corpus: String,
    /// Files in it.
    pub files: usize,
    /// Their bytes.
    pub bytes: u64,
    /// Timed runs per query.
    pub runs: usize,
    /// Timed runs per query for the scan.
    pub scan_runs: usize,
    /// Whether peak RSS was reset before each ingest (else it is the process's peak so far).
    pub rss_reset: bool,
    /// Ingest per engine, wiredex first.
    pub ingest: Vec<Ingest>,
    /// Query groups.
    pub groups: Vec<Group>,
    /// Wrong counts, as `group: query: expected N hits, got M` or `group: query: ENGINE's
    /// counts by year differ from wiredex's: YEAR wiredex N, ENGINE M; ...`; empty when every
    /// checked count held.
    pub errors: Vec<String>,
}

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1].as_secs_f64() * 1000.0
}

fn no_tallies(years: &[Option<Vec<Count>>]) -> bool {
    years.iter().all(Option::is_none)
}

/// What an engine answered to one workload query: its hit count and, for a `count` query, the
/// tally by year that count is the total of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    /// Hits, or the tally's total.
    pub hits: usize,
    /// The tally by year of a `count` query, years ascending and `(undated)` last.
    pub years: Option<Vec<Count>>,
}

impl Answer {
    /// The answer to a `search` or `quotes` query.
    pub fn hits(hits: usize) -> Answer {
        Answer { hits, years: None }
    }

    /// The answer to a `count` query: the tally, and its total as the hit count.
    pub fn years(years: Vec<Count>) -> Answer {
        Answer {
            hits: years.iter().map(|row| row.count).sum(),
            years: Some(years),
        }
    }
}

/// Where an engine's tally by year differs from wiredex's, as `YEAR wiredex N, ENGINE M` per
/// year in the order of a timeline; `None` when the two are the same.
pub fn tally_differences(wiredex: &[Count], engine: &str, theirs: &[Count]) -> Option<String> {
    let mut keys: Vec<&str> = wiredex
        .iter()
        .chain(theirs)
        .map(|row| row.key.as_str())
        .collect();
    keys.sort_by_key(|&key| (key == "(undated)", key));
    keys.dedup();
    let count = |rows: &[Count], key: &str| {
        rows.iter()
            .find(|row| row.key == key)
            .map_or(0, |row| row.count)
    };
    let differences: Vec<String> = keys
        .into_iter()
        .filter(|&key| count(wiredex, key) != count(theirs, key))
        .map(|key| {
            format!(
                "{key} {WIREDEX} {}, {engine} {}",
                count(wiredex, key),
                count(theirs, key)
            )
        })
        .collect();
    (!differences.is_empty()).then(|| differences.join("; "))
}

fn latency(engine: &str, mut times: Vec<Duration>, answers: Vec<Answer>) -> Latency {
    times.sort();
    let total: f64 = times.iter().map(Duration::as_secs_f64).sum();
    Latency {
        engine: engine.into(),
        samples: times.len(),
        p50_ms: percentile(&times, 50.0),
        p95_ms: percentile(&times, 95.0),
        p99_ms: percentile(&times, 99.0),
        qps: if total > 0.0 {
            times.len() as f64 / total
        } else {
            0.0
        },
        hits: answers.iter().map(|a| a.hits).collect(),
        years: answers.into_iter().map(|a| a.years).collect(),
        ratio_to_wiredex: 1.0,
    }
}

/// Runs `query` once untimed (its answer) and `runs` times timed.
fn measure<T>(runs: usize, mut query: impl FnMut() -> Result<T>) -> Result<(T, Vec<Duration>)> {
    let answer = query()?;
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs {
        let start = Instant::now();
        std::hint::black_box(query()?);
        times.push(start.elapsed());
    }
    Ok((answer, times))
}

fn ingest_with<T>(
    engine: &str,
    bytes: u64,
    rss_reset: &mut bool,
    work: impl FnOnce() -> Result<(T, usize)>,
) -> Result<(T, Ingest)> {
    *rss_reset &= machine::reset_peak_rss();
    let start = Instant::now();
    let (engine_state, articles) = work()?;
    let seconds = start.elapsed().as_secs_f64();
    Ok((
        engine_state,
        Ingest {
            engine: engine.into(),
            articles,
            seconds,
            mb_per_s: bytes as f64 / 1e6 / seconds,
            articles_per_s: articles as f64 / seconds,
            peak_rss_mb: machine::peak_rss_mb(),
            wiredex_ratio: 1.0,
        },
    ))
}

/// Runs the benchmark: ingest by every engine, then the workload through each.
pub fn run(options: &BenchOptions) -> Result<BenchReport> {
    let corpus = &options.corpus;
    let scratch = tempfile::tempdir().map_err(|reason| Error::Io {
        path: std::env::temp_dir(),
        reason,
    })?;
    // Read every file once untimed, so every engine starts from a warm page cache.
    let (mut files, _) = crate::source::discover(std::slice::from_ref(corpus));
    files.retain(|f| crate::source::Format::of(f).is_some());
    let bytes: u64 = files
        .iter()
        .filter_map(|f| std::fs::read(f).ok())
        .map(|b| b.len() as u64)
        .sum();
    let mut rss_reset = true;
    let mut ingest = Vec::new();

    let (index, wiredex_ingest) = ingest_with(WIREDEX, bytes, &mut rss_reset, || {
        let (index, report) = crate::index::build(
            &scratch.path().join("wiredex"),
            std::slice::from_ref(corpus),
        )?;
        Ok((index, report.articles))
    })?;
    ingest.push(wiredex_ingest);
    let (plain, plain_ingest) = ingest_with(TANTIVY, bytes, &mut rss_reset, || {
        baseline::PlainTantivy::ingest(corpus, &scratch.path().join("tantivy"))
    })?;
    ingest.push(plain_ingest);
    #[cfg(feature = "sqlite-baseline")]
    let (fts5, fts5_ingest) = ingest_with(SQLITE, bytes, &mut rss_reset, || {
        baseline::Fts5::ingest(corpus, &scratch.path().join("fts5.db"))
    })?;
    #[cfg(feature = "sqlite-baseline")]
    ingest.push(fts5_ingest);
    let wiredex_rate = ingest[0].mb_per_s;
    for i in &mut ingest {
        i.wiredex_ratio = wiredex_rate / i.mb_per_s;
    }

    let scan = baseline::Scan::new(corpus);
    let scan_runs = if files.len() > SCAN_FULL_RUNS_MAX_FILES {
        1
    } else {
        options.runs
    };
    let searcher = Searcher::new(&index)?;
    let mut groups = Vec::new();
    let mut errors = Vec::new();
    for name in options.workload.groups() {
        let queries: Vec<WorkloadQuery> = options
            .workload
            .queries
            .iter()
            .filter(|q| q.group == name)
            .cloned()
            .collect();
        let mut per_engine: Vec<(&str, Vec<Duration>, Vec<Answer>)> = vec![
            (WIREDEX, vec![], vec![]),
            (TANTIVY, vec![], vec![]),
            #[cfg(feature = "sqlite-baseline")]
            (SQLITE, vec![], vec![]),
            (SCAN, vec![], vec![]),
        ];
        let errors_before = errors.len();
        for q in &queries {
            let by_year = q.kind == Kind::Count;
            let (answer, times) = measure(options.runs, || wiredex_answer(&searcher, q))?;
            if let Some(expect) = q.expect
                && expect != answer.hits
            {
                errors.push(format!(
                    "{}: {}: expected {expect} hits, got {}",
                    q.group, q.text, answer.hits
                ));
            }
            per_engine[0].1.extend(times);
            per_engine[0].2.push(answer);
            let plain_query = q.plain()?;
            let tantivy_query = plain.query(&plain_query);
            let (answer, times) = measure(options.runs, || {
                Ok(if by_year {
                    Answer::years(plain.count_by_year(tantivy_query.as_ref())?)
                } else {
                    Answer::hits(plain.run(tantivy_query.as_ref())?)
                })
            })?;
            per_engine[1].1.extend(times);
            per_engine[1].2.push(answer);
            #[cfg(feature = "sqlite-baseline")]
            {
                let (answer, times) = measure(options.runs, || {
                    Ok(if by_year {
                        Answer::years(fts5.count_by_year(&plain_query)?)
                    } else {
                        Answer::hits(fts5.run(&plain_query)?)
                    })
                })?;
                per_engine[2].1.extend(times);
                per_engine[2].2.push(answer);
            }
            let (answer, times) = measure(scan_runs, || {
                Ok(if by_year {
                    Answer::years(scan.count_by_year(&plain_query)?)
                } else {
                    Answer::hits(scan.run(&plain_query)?)
                })
            })?;
            let last = per_engine.len() - 1;
            per_engine[last].1.extend(times);
            per_engine[last].2.push(answer);
            // A checked count query also checks that every engine that found as many stories
            // tallied them in the same years: a dating error. An engine that matched a different
            // number (a phrase over a full stop, which wiredex does not match) is shown, not
            // failed.
            if q.expect.is_some()
                && let Some(ours) = per_engine[0].2.last().and_then(|a| a.years.clone())
            {
                let total = |rows: &[Count]| rows.iter().map(|r| r.count).sum::<usize>();
                for (engine, _, answers) in &per_engine[1..] {
                    let theirs = answers.last().and_then(|a| a.years.as_deref());
                    if theirs.is_some_and(|t| total(t) != total(&ours)) {
                        continue;
                    }
                    if let Some(diff) = tally_differences(&ours, engine, theirs.unwrap_or(&[])) {
                        errors.push(format!(
                            "{}: {}: {engine}'s counts by year differ from wiredex's: {diff}",
                            q.group, q.text
                        ));
                    }
                }
            }
        }
        let mut engines: Vec<Latency> = per_engine
            .into_iter()
            .map(|(engine, times, answers)| latency(engine, times, answers))
            .collect();
        let base = engines[0].p50_ms;
        for e in &mut engines {
            e.ratio_to_wiredex = if base > 0.0 { e.p50_ms / base } else { 0.0 };
        }
        let checked = queries.iter().filter(|q| q.expect.is_some()).count();
        let verified = errors.len() == errors_before;
        groups.push(Group {
            group: name,
            queries,
            verified,
            checked,
            engines,
        });
    }
    Ok(BenchReport {
        date: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        machine: Machine::current(),
        corpus: corpus.display().to_string(),
        files: files.len(),
        bytes,
        runs: options.runs,
        scan_runs,
        rss_reset,
        ingest,
        groups,
        errors,
    })
}

/// The hit count wiredex reports for a workload query (top hits fetched and rendered as
/// `wiredex search`/`quotes` would, with the default limit 10; for a `count` query the total of
/// its tally by year).
pub fn wiredex_count(searcher: &Searcher, query: &WorkloadQuery) -> Result<usize> {
    Ok(wiredex_answer(searcher, query)?.hits)
}

/// What wiredex answers to a workload query: hits, or for a `count` query the matching
/// articles tallied by year from the fast `date` column, as `wiredex search QUERY --count-by
/// year` does.
pub fn wiredex_answer(searcher: &Searcher, query: &WorkloadQuery) -> Result<Answer> {
    let request = SearchRequest {
        query: query.text.clone(),
        limit: 10,
        ..SearchRequest::default()
    };
    Ok(match query.kind {
        Kind::Search => Answer::hits(searcher.search(&request)?.total),
        Kind::Count => Answer::years(searcher.count_articles(&request, Facet::Year)?),
        Kind::Quotes => {
            let (by, about) = query.quote_parts();
            let request = QuoteRequest {
                by,
                about,
                limit: 10,
                ..QuoteRequest::default()
            };
            Answer::hits(searcher.quotes(&request)?.total)
        }
    })
}

/// The workload to use for a folder: `workload.tsv` in it (as `wiredex generate` writes), else
/// the built-in queries without expected counts.
pub fn workload_for(corpus: &Path) -> Result<Workload> {
    let file = corpus.join(generate::WORKLOAD_FILE);
    if file.exists() {
        Workload::read(&file)
    } else {
        Ok(Workload {
            queries: generate::queries(),
        })
    }
}

/// Writes the report as a human-readable table (also valid Markdown).
pub fn write_table(out: &mut impl Write, r: &BenchReport) -> std::io::Result<()> {
    let m = &r.machine;
    writeln!(
        out,
        "machine: {} · {} cores · {} · {} MB RAM · Linux {} · wiredex {}",
        m.hostname, m.cores, m.cpu, m.memory_mb, m.kernel, m.wiredex
    )?;
    writeln!(
        out,
        "corpus: {} · {} files · {:.1} MB · {} timed runs per query ({} for the scan) · {}",
        r.corpus,
        r.files,
        r.bytes as f64 / 1e6,
        r.runs,
        r.scan_runs,
        r.date
    )?;
    writeln!(out)?;
    writeln!(
        out,
        "| ingest | articles | seconds | MB/s | articles/s | peak RSS MB | wiredex ÷ engine |"
    )?;
    writeln!(out, "|---|---:|---:|---:|---:|---:|---:|")?;
    for i in &r.ingest {
        writeln!(
            out,
            "| {} | {} | {:.2} | {:.2} | {:.0} | {} | {:.2}x |",
            i.engine,
            i.articles,
            i.seconds,
            i.mb_per_s,
            i.articles_per_s,
            i.peak_rss_mb.map_or("-".into(), |m| format!("{m:.0}")),
            i.wiredex_ratio
        )?;
    }
    writeln!(out)?;
    let engines: Vec<String> = r
        .groups
        .first()
        .map(|g| g.engines.iter().map(|e| e.engine.clone()).collect())
        .unwrap_or_default();
    write!(
        out,
        "| group | checked | wiredex p50 / p95 / p99 ms | wiredex QPS |"
    )?;
    for e in engines.iter().skip(1) {
        write!(out, " {e} p50 ms (÷ wiredex) |")?;
    }
    writeln!(out)?;
    write!(out, "|---|---|---:|---:|")?;
    for _ in engines.iter().skip(1) {
        write!(out, "---:|")?;
    }
    writeln!(out)?;
    for g in &r.groups {
        let w = &g.engines[0];
        let status = if g.checked == 0 {
            "unchecked".to_string()
        } else if g.verified {
            let counts = g
                .queries
                .iter()
                .any(|q| q.kind == Kind::Count && q.expect.is_some());
            let years = if counts { " + years" } else { "" };
            format!("ok {}/{}{years}", g.checked, g.queries.len())
        } else {
            "WRONG".to_string()
        };
        write!(
            out,
            "| {} | {status} | {:.3} / {:.3} / {:.3} | {:.0} |",
            g.group, w.p50_ms, w.p95_ms, w.p99_ms, w.qps
        )?;
        for e in g.engines.iter().skip(1) {
            write!(out, " {:.3} ({:.1}x) |", e.p50_ms, e.ratio_to_wiredex)?;
        }
        writeln!(out)?;
    }
    writeln!(out)?;
    writeln!(
        out,
        "hit counts per query (wiredex; baselines, which match exact words without extraction; \
         for a count query, wiredex's tally by year and the engines whose tally differs):"
    )?;
    for g in &r.groups {
        for (n, q) in g.queries.iter().enumerate() {
            let counts: Vec<String> = g
                .engines
                .iter()
                .map(|e| format!("{} {}", e.engine, e.hits.get(n).copied().unwrap_or(0)))
                .collect();
            let expect = q.expect.map_or("-".into(), |e| e.to_string());
            write!(
                out,
                "- {} `{}`: expected {expect}; {}",
                g.group,
                q.text,
                counts.join(", ")
            )?;
            if let Some(Some(ours)) = g.engines[0].years.get(n) {
                let years: Vec<String> = ours
                    .iter()
                    .map(|row| format!("{} {}", row.key, row.count))
                    .collect();
                let differ: Vec<&str> = g.engines[1..]
                    .iter()
                    .filter(|e| e.years.get(n).and_then(Option::as_ref) != Some(ours))
                    .map(|e| e.engine.as_str())
                    .collect();
                let agreement = if differ.is_empty() {
                    "the same in every engine".to_string()
                } else {
                    format!("differs in {}", differ.join(", "))
                };
                write!(out, "; by year ({agreement}): {}", years.join(", "))?;
            }
            writeln!(out)?;
        }
    }
    for e in &r.errors {
        writeln!(out, "WRONG COUNT {e}")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_use_nearest_rank() {
        let times: Vec<Duration> = (1..=100).map(Duration::from_millis).collect();
        assert_eq!(percentile(&times, 50.0), 50.0);
        assert_eq!(percentile(&times, 99.0), 99.0);
        assert_eq!(percentile(&times[..1], 95.0), 1.0);
    }

    fn rows(pairs: &[(&str, usize)]) -> Vec<Count> {
        pairs
            .iter()
            .map(|(key, count)| Count {
                key: key.to_string(),
                count: *count,
            })
            .collect()
    }

    #[test]
    fn a_count_answer_totals_its_tally_undated_included() {
        let answer = Answer::years(rows(&[("2014", 2), ("2019", 1), ("(undated)", 4)]));
        assert_eq!(answer.hits, 7);
        assert_eq!(Answer::years(vec![]).hits, 0);
        assert_eq!(Answer::hits(3).years, None);
    }

    #[test]
    fn tally_differences_name_each_differing_year_in_timeline_order() {
        let ours = rows(&[("2014", 2), ("2019", 1), ("(undated)", 1)]);
        let cases = [
            (rows(&[("2014", 2), ("2019", 1), ("(undated)", 1)]), None),
            (
                rows(&[("2014", 2), ("(undated)", 2)]),
                Some("2019 wiredex 1, grep-scan 0; (undated) wiredex 1, grep-scan 2"),
            ),
            (
                rows(&[("2011", 1), ("2014", 2), ("2019", 1), ("(undated)", 1)]),
                Some("2011 wiredex 0, grep-scan 1"),
            ),
            (
                rows(&[]),
                Some(
                    "2014 wiredex 2, grep-scan 0; 2019 wiredex 1, grep-scan 0; (undated) wiredex 1, grep-scan 0",
                ),
            ),
        ];
        for (theirs, expected) in cases {
            assert_eq!(
                tally_differences(&ours, SCAN, &theirs).as_deref(),
                expected,
                "{theirs:?}"
            );
        }
        assert_eq!(tally_differences(&[], SCAN, &[]), None);
    }
}
