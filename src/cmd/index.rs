//! `wiredex index DIR...`: read folders of articles into the index.

use std::io::Write;
use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::Args;

use super::IndexLocation;
use wiredex::index::WireIndex;
use wiredex::output::{human, json};

/// Arguments of `wiredex index`.
#[derive(Debug, Args)]
pub struct IndexArgs {
    /// Folders or files to read (.txt, .json, .jsonl, .ndjson)
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
    #[command(flatten)]
    location: IndexLocation,
    /// Write the report as one JSON object
    #[arg(long)]
    json: bool,
}

/// Indexes the paths and prints the report; "found" when at least one article was indexed.
pub fn run(args: IndexArgs, out: &mut impl Write) -> Result<bool> {
    let path = args.location.path();
    let index = WireIndex::open_or_create(&path)?;
    let report = index.index_paths(&args.paths)?;
    if args.json {
        json::write_line(out, &report)?;
    } else {
        human::write_report(out, &report, &path.display().to_string())
            .context("writing the report")?;
    }
    Ok(report.articles > 0)
}
