//! `wiredex-lab generate --articles N --out DIR`: write deterministic synthetic wire articles for
//! scale tests, with the benchmark workload and its true counts in `DIR/workload.tsv`.

use std::io::Write;
use std::path::PathBuf;
use std::time::Instant;

use anyhow::Result;
use clap::Args;

use wiredex::output::json;
use wiredex_lab::generate;

/// Arguments of `wiredex-lab generate`.
#[derive(Debug, Args)]
pub struct GenerateArgs {
    /// How many articles to write
    #[arg(long, value_name = "N")]
    articles: usize,
    /// Folder to write them to (sub-folders of 1000 files; created if absent)
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    /// Random seed: the same seed and count give the same files
    #[arg(long, value_name = "S", default_value_t = 1)]
    seed: u64,
    /// Write the report as one JSON object
    #[arg(long)]
    json: bool,
}

/// Writes the articles and prints what was written.
pub fn run(args: GenerateArgs, out: &mut impl Write) -> Result<bool> {
    let start = Instant::now();
    let report = generate::generate(&args.out, args.articles, args.seed)?;
    if args.json {
        json::write_line(out, &report)?;
    } else {
        writeln!(
            out,
            "wrote {} articles ({} near-duplicates, {} quotes, {:.1} MB) to {} in {:.1} s",
            report.articles,
            report.near_duplicates,
            report.quotes,
            report.bytes as f64 / 1e6,
            args.out.display(),
            start.elapsed().as_secs_f64()
        )?;
        writeln!(
            out,
            "workload with expected counts: {}",
            args.out.join(generate::WORKLOAD_FILE).display()
        )?;
    }
    Ok(report.articles > 0)
}
