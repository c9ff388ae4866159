//! `wiredex-lab bench`: wiredex's own benchmark with the peers beside it (raw tantivy, SQLite
//! FTS5, a grep scan) on the same folder and workload, ratios and tallies checked.

use std::io::Write;
use std::path::PathBuf;

use anyhow::{Context, Result, bail};
use clap::Args;

use wiredex::bench::{self, BenchOptions, Target, Workload};
use wiredex::output::json;
use wiredex_lab::generate;

/// Arguments of `wiredex-lab bench`.
#[derive(Debug, Args)]
pub struct BenchArgs {
    /// Folder of articles to benchmark on
    #[arg(
        long,
        value_name = "DIR",
        conflicts_with = "generate",
        required_unless_present = "generate"
    )]
    corpus: Option<PathBuf>,
    /// Benchmark on N freshly generated articles (in a temporary folder)
    #[arg(long, value_name = "N")]
    generate: Option<usize>,
    /// Seed for --generate
    #[arg(long, value_name = "S", default_value_t = 1)]
    seed: u64,
    /// Workload file: group<TAB>kind<TAB>query<TAB>expected per line [default: DIR/workload.tsv, else wiredex's built-in groups, unchecked]
    #[arg(long, value_name = "FILE")]
    workload: Option<PathBuf>,
    /// Timed runs of each query per engine
    #[arg(long, value_name = "R", default_value_t = 10)]
    runs: usize,
    /// Write the whole result as one JSON object
    #[arg(long)]
    json: bool,
    /// Also save the whole result as JSON to FILE
    #[arg(long, value_name = "FILE")]
    save_json: Option<PathBuf>,
}

/// Runs the benchmark with every peer and prints it; fails when a checked hit count, or a
/// checked tally by year of a peer, is wrong.
pub fn run(args: BenchArgs, out: &mut impl Write) -> Result<()> {
    let generated;
    let (corpus, folder_workload) = match (args.corpus, args.generate) {
        (Some(dir), _) => {
            let workload = bench::workload_in(&dir)?;
            (dir, workload)
        }
        (None, Some(n)) => {
            generated = tempfile::tempdir().context("creating a temporary folder")?;
            let dir = generated.path().join("articles");
            let report = generate::generate(&dir, n, args.seed)?;
            (dir, Some(report.workload))
        }
        (None, None) => bail!("give --corpus DIR or --generate N"),
    };
    let workload = match &args.workload {
        Some(file) => Some(Workload::read(file)?),
        None => folder_workload,
    };
    let options = BenchOptions {
        target: Target::Folder(corpus),
        workload,
        runs: args.runs.max(1),
    };
    let report = bench::run(&options, &mut wiredex_lab::peers())?;
    if let Some(path) = &args.save_json {
        report.save_json(path)?;
    }
    if args.json {
        json::write_line(out, &report)?;
    } else {
        bench::write_table(out, &report).context("writing the table")?;
    }
    out.flush().context("writing output")?;
    if let Some(wrong) = report.wrong_counts() {
        bail!(wrong);
    }
    Ok(())
}
