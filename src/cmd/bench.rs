//! `wiredex bench`: time wiredex on a folder of articles (indexed first, into a temporary
//! index) or on an existing index, with a workload whose expected counts are checked, and print
//! a table or JSON. Other engines beside wiredex are the lab's (`wiredex-lab bench`).

use std::io::Write;
use std::path::PathBuf;

use anyhow::{Context, Result, bail};
use clap::Args;

use wiredex::bench::{self, BenchOptions, Target, Workload};
use wiredex::output::json;

use super::args::IndexLocation;

/// Arguments of `wiredex bench`.
#[derive(Debug, Args)]
pub struct BenchArgs {
    /// Folder of articles to index and then query (timing the ingest too) [default: query the
    /// index of --index as it is]
    #[arg(long, value_name = "DIR", conflicts_with = "index")]
    corpus: Option<PathBuf>,
    #[command(flatten)]
    location: IndexLocation,
    /// Workload file: group<TAB>kind<TAB>query<TAB>expected per line, kind search, quotes or count [default: DIR/workload.tsv, else built-in groups of common wire words and the index's most quoted speakers, unchecked]
    #[arg(long, value_name = "FILE")]
    workload: Option<PathBuf>,
    /// Timed runs of each query
    #[arg(long, value_name = "R", default_value_t = 10)]
    runs: usize,
    /// Write the whole result as one JSON object
    #[arg(long)]
    json: bool,
    /// Also save the whole result as JSON to FILE (the raw numbers of a run kept beside its
    /// table)
    #[arg(long, value_name = "FILE")]
    save_json: Option<PathBuf>,
}

/// Runs the benchmark and prints it; fails when a checked hit count is wrong.
pub fn run(args: BenchArgs, out: &mut impl Write) -> Result<bool> {
    let workload = match (&args.workload, &args.corpus) {
        (Some(file), _) => Some(Workload::read(file)?),
        (None, Some(dir)) => bench::workload_in(dir)?,
        (None, None) => None,
    };
    let target = match args.corpus {
        Some(dir) => Target::Folder(dir),
        None => Target::Index(args.location.path()),
    };
    let report = bench::run(
        &BenchOptions {
            target,
            workload,
            runs: args.runs.max(1),
        },
        &mut [],
    )?;
    write_report(&report, args.json, args.save_json.as_deref(), out)
}

/// Prints a report (and saves it as JSON when asked); fails when a checked count was wrong.
pub fn write_report(
    report: &bench::BenchReport,
    as_json: bool,
    save_json: Option<&std::path::Path>,
    out: &mut impl Write,
) -> Result<bool> {
    if let Some(path) = save_json {
        report.save_json(path)?;
    }
    if as_json {
        json::write_line(out, report)?;
    } else {
        bench::write_table(out, report).context("writing the table")?;
    }
    if let Some(wrong) = report.wrong_counts() {
        out.flush().context("writing output")?;
        bail!(wrong);
    }
    Ok(true)
}
