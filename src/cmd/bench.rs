//! `wiredex bench`: index a folder (or freshly generated articles) with wiredex and with the
//! baselines, run a workload with every hit count checked, and print a table or JSON.

use std::io::Write;
use std::path::PathBuf;

use anyhow::{Context, Result, bail};
use clap::Args;

use wiredex::bench::{self, BenchOptions, Workload, generate};
use wiredex::output::json;

/// Arguments of `wiredex bench`.
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
    /// Workload file: group<TAB>kind<TAB>query<TAB>expected per line, kind search, quotes or count [default: DIR/workload.tsv, else the built-in queries unchecked]
    #[arg(long, value_name = "FILE")]
    workload: Option<PathBuf>,
    /// Timed runs of each query per engine
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

/// Runs the benchmark and prints it; fails when a checked hit count, or a checked tally by year
/// of a baseline, is wrong.
pub fn run(args: BenchArgs, out: &mut impl Write) -> Result<bool> {
    let generated;
    let (corpus, default_workload) = match (args.corpus, args.generate) {
        (Some(dir), _) => {
            let workload = bench::workload_for(&dir)?;
            (dir, workload)
        }
        (None, Some(n)) => {
            generated = tempfile::tempdir().context("creating a temporary folder")?;
            let dir = generated.path().join("articles");
            let report = generate::generate(&dir, n, args.seed)?;
            (dir, report.workload)
        }
        (None, None) => bail!("give --corpus DIR or --generate N"),
    };
    let workload = match &args.workload {
        Some(file) => Workload::read(file)?,
        None => default_workload,
    };
    let report = bench::run(&BenchOptions {
        corpus,
        workload,
        runs: args.runs.max(1),
    })?;
    if let Some(path) = &args.save_json {
        let mut file = std::io::BufWriter::new(
            std::fs::File::create(path)
                .with_context(|| format!("cannot write {}", path.display()))?,
        );
        json::write_line(&mut file, &report)?;
        file.flush()
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    if args.json {
        json::write_line(out, &report)?;
    } else {
        bench::write_table(out, &report).context("writing the table")?;
    }
    if !report.errors.is_empty() {
        out.flush().context("writing output")?;
        bail!(
            "{} wrong count(s): {}",
            report.errors.len(),
            report.errors.join("; ")
        );
    }
    Ok(true)
}
