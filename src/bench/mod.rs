//! Benchmarks of wiredex's own speed, end to end: index a folder (or open an index), run one
//! workload of named query groups with every expected hit count checked, and report
//! throughput, peak memory, latency percentiles and queries per second. Other engines can run
//! beside wiredex on the same files and workload as [`Peer`]s (the `wiredex-lab` crate brings
//! raw tantivy, SQLite FTS5 and a file scan), with ratios and their tallies checked against
//! wiredex's. Prints nothing itself except through `write_table`.

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

/// wiredex's name in reports.
pub const WIREDEX: &str = "wiredex";

/// What a benchmark runs on.
#[derive(Debug, Clone)]
pub enum Target {
    /// A folder of articles: indexed first (timed) into a temporary index, then queried.
    Folder(PathBuf),
    /// An existing index: queried as it is, nothing indexed.
    Index(PathBuf),
}

/// Another engine benchmarked beside wiredex on the same files and workload.
pub trait Peer {
    /// Its name in reports.
    fn name(&self) -> &str;
    /// Reads and indexes every article of `corpus`, keeping what it needs in `scratch`;
    /// returns the number of articles indexed.
    fn ingest(&mut self, corpus: &Path, scratch: &Path) -> Result<usize>;
    /// Its answer to one workload query (run once untimed, then `runs` times timed).
    fn answer(&self, query: &WorkloadQuery) -> Result<Answer>;
    /// Timed runs per query, given the runs asked for and the folder's file count (a slow
    /// engine may run fewer).
    fn runs(&self, requested: usize, _files: usize) -> usize {
        requested
    }
    /// Whether its ingest is worth a row of the report (a scan reads nothing ahead).
    fn reports_ingest(&self) -> bool {
        true
    }
}

/// How to run a benchmark.
#[derive(Debug, Clone)]
pub struct BenchOptions {
    /// What to benchmark on.
    pub target: Target,
    /// The queries; `None` for the built-in groups, drawn from the index (see
    /// [`Workload::builtin`]).
    pub workload: Option<Workload>,
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
    /// CPU seconds the ingest used, every thread (background merges it waited for included),
    /// when measurable.
    pub cpu_seconds: Option<f64>,
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
    /// The folder (or index) benchmarked.
    pub corpus: String,
    /// Files in the folder (0 for an index).
    pub files: usize,
    /// Their bytes (0 for an index).
    pub bytes: u64,
    /// Timed runs per query asked for (an engine's `samples` say how many it ran).
    pub runs: usize,
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

impl BenchReport {
    /// Saves the whole report as one line of JSON to `path`: the raw numbers of a run, kept
    /// beside its table.
    pub fn save_json(&self, path: &Path) -> Result<()> {
        let io = |reason| Error::Io {
            path: path.to_path_buf(),
            reason,
        };
        let mut file = std::io::BufWriter::new(std::fs::File::create(path).map_err(io)?);
        serde_json::to_writer(&mut file, self).map_err(|e| io(e.into()))?;
        writeln!(file).map_err(io)?;
        file.flush().map_err(io)
    }

    /// The checked counts that were wrong, as one message; `None` when every one held.
    pub fn wrong_counts(&self) -> Option<String> {
        (!self.errors.is_empty()).then(|| {
            format!(
                "{} wrong count(s): {}",
                self.errors.len(),
                self.errors.join("; ")
            )
        })
    }
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
    let cpu_before = machine::cpu_seconds();
    let start = Instant::now();
    let (engine_state, articles) = work()?;
    let seconds = start.elapsed().as_secs_f64();
    let cpu_seconds = machine::cpu_seconds()
        .zip(cpu_before)
        .map(|(after, before)| after - before);
    Ok((
        engine_state,
        Ingest {
            engine: engine.into(),
            articles,
            seconds,
            mb_per_s: bytes as f64 / 1e6 / seconds,
            articles_per_s: articles as f64 / seconds,
            peak_rss_mb: machine::peak_rss_mb(),
            cpu_seconds,
            wiredex_ratio: 1.0,
        },
    ))
}

/// The files a folder benchmark reads, and their bytes; each is read once untimed so that
/// every engine starts from a warm page cache.
fn warm_files(corpus: &Path) -> (usize, u64) {
    let (mut files, _) = crate::source::discover(&[corpus.to_path_buf()]);
    files.retain(|f| crate::source::Format::of(f).is_some());
    let bytes = files
        .iter()
        .filter_map(|f| std::fs::read(f).ok())
        .map(|b| b.len() as u64)
        .sum();
    (files.len(), bytes)
}

/// Runs the benchmark: wiredex's ingest (for a folder) and every peer's, then the workload
/// through wiredex and each peer, every expected count and every peer's tally by year checked.
pub fn run(options: &BenchOptions, peers: &mut [Box<dyn Peer>]) -> Result<BenchReport> {
    let scratch = tempfile::tempdir().map_err(|reason| Error::Io {
        path: std::env::temp_dir(),
        reason,
    })?;
    let mut rss_reset = true;
    let mut ingest = Vec::new();
    let (index, corpus, files, bytes) = match &options.target {
        Target::Folder(corpus) => {
            let (files, bytes) = warm_files(corpus);
            let (index, wiredex_ingest) = ingest_with(WIREDEX, bytes, &mut rss_reset, || {
                let (index, report) = crate::index::build(
                    &scratch.path().join("wiredex"),
                    std::slice::from_ref(corpus),
                )?;
                Ok((index, report.articles))
            })?;
            ingest.push(wiredex_ingest);
            for (n, peer) in peers.iter_mut().enumerate() {
                let dir = scratch.path().join(format!("peer-{n}"));
                std::fs::create_dir_all(&dir).map_err(|reason| Error::Io {
                    path: dir.clone(),
                    reason,
                })?;
                let name = peer.name().to_string();
                let ((), peer_ingest) = ingest_with(&name, bytes, &mut rss_reset, || {
                    Ok(((), peer.ingest(corpus, &dir)?))
                })?;
                if peer.reports_ingest() {
                    ingest.push(peer_ingest);
                }
            }
            let wiredex_rate = ingest[0].mb_per_s;
            for i in &mut ingest {
                i.wiredex_ratio = wiredex_rate / i.mb_per_s;
            }
            (index, corpus.display().to_string(), files, bytes)
        }
        Target::Index(path) => {
            if !peers.is_empty() {
                return Err(Error::Io {
                    path: path.clone(),
                    reason: std::io::Error::other(
                        "other engines need the folder of articles, not an index",
                    ),
                });
            }
            let index = crate::index::WireIndex::open(path)?;
            (index, path.display().to_string(), 0, 0)
        }
    };
    let searcher = Searcher::new(&index)?;
    let workload = match &options.workload {
        Some(workload) => workload.clone(),
        None => Workload::builtin(&searcher)?,
    };
    let runs: Vec<usize> = std::iter::once(options.runs)
        .chain(peers.iter().map(|p| p.runs(options.runs, files)))
        .collect();
    let mut groups = Vec::new();
    let mut errors = Vec::new();
    for name in workload.groups() {
        let queries: Vec<WorkloadQuery> = workload
            .queries
            .iter()
            .filter(|q| q.group == name)
            .cloned()
            .collect();
        let errors_before = errors.len();
        let mut per_engine: Vec<(String, Vec<Duration>, Vec<Answer>)> =
            std::iter::once(WIREDEX.to_string())
                .chain(peers.iter().map(|p| p.name().to_string()))
                .map(|name| (name, vec![], vec![]))
                .collect();
        for q in &queries {
            let (answer, times) = measure(runs[0], || wiredex_answer(&searcher, q))?;
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
            for (n, peer) in peers.iter().enumerate() {
                let (answer, times) = measure(runs[n + 1], || peer.answer(q))?;
                per_engine[n + 1].1.extend(times);
                per_engine[n + 1].2.push(answer);
            }
            errors.extend(tally_errors(q, &per_engine));
        }
        let mut engines: Vec<Latency> = per_engine
            .into_iter()
            .map(|(engine, times, answers)| latency(&engine, times, answers))
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
        corpus,
        files,
        bytes,
        runs: options.runs,
        rss_reset,
        ingest,
        groups,
        errors,
    })
}

/// A checked count query also checks that every engine that found as many stories tallied
/// them in the same years: a dating error. An engine that matched a different number (a phrase
/// over a full stop, which wiredex does not match) is shown, not failed.
fn tally_errors(
    q: &WorkloadQuery,
    per_engine: &[(String, Vec<Duration>, Vec<Answer>)],
) -> Vec<String> {
    let Some(ours) = per_engine[0].2.last().and_then(|a| a.years.clone()) else {
        return vec![];
    };
    if q.expect.is_none() {
        return vec![];
    }
    let total = |rows: &[Count]| rows.iter().map(|r| r.count).sum::<usize>();
    let mut errors = Vec::new();
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
    errors
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

/// The workload a folder brings: `workload.tsv` in it (as `wiredex-lab generate` writes), if
/// there is one.
pub fn workload_in(corpus: &Path) -> Result<Option<Workload>> {
    let file = corpus.join(workload::WORKLOAD_FILE);
    if file.exists() {
        Workload::read(&file).map(Some)
    } else {
        Ok(None)
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
    if r.ingest.is_empty() {
        writeln!(
            out,
            "index: {} · {} timed runs per query · {}",
            r.corpus, r.runs, r.date
        )?;
    } else {
        writeln!(
            out,
            "corpus: {} · {} files · {:.1} MB · {} timed runs per query · {}",
            r.corpus,
            r.files,
            r.bytes as f64 / 1e6,
            r.runs,
            r.date
        )?;
        writeln!(out)?;
        writeln!(
            out,
            "| ingest | articles | seconds | MB/s | articles/s | peak RSS MB | CPU s | wiredex ÷ engine |"
        )?;
        writeln!(out, "|---|---:|---:|---:|---:|---:|---:|---:|")?;
    }
    for i in &r.ingest {
        writeln!(
            out,
            "| {} | {} | {:.2} | {:.2} | {:.0} | {} | {} | {:.2}x |",
            i.engine,
            i.articles,
            i.seconds,
            i.mb_per_s,
            i.articles_per_s,
            i.peak_rss_mb.map_or("-".into(), |m| format!("{m:.0}")),
            i.cpu_seconds.map_or("-".into(), |c| format!("{c:.2}")),
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
    if engines.len() > 1 {
        writeln!(
            out,
            "hit counts per query (wiredex; the other engines, which match exact words without \
             extraction; for a count query, wiredex's tally by year and the engines whose tally \
             differs):"
        )?;
    } else {
        writeln!(
            out,
            "hit counts per query (for a count query, the tally by year):"
        )?;
    }
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
                let agreement = if g.engines.len() == 1 {
                    String::new()
                } else if differ.is_empty() {
                    " (the same in every engine)".to_string()
                } else {
                    format!(" (differs in {})", differ.join(", "))
                };
                write!(out, "; by year{agreement}: {}", years.join(", "))?;
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
                tally_differences(&ours, "grep-scan", &theirs).as_deref(),
                expected,
                "{theirs:?}"
            );
        }
        assert_eq!(tally_differences(&[], "grep-scan", &[]), None);
    }
}
