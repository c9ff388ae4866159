//! `wiredex stats`: what the index holds.

use std::io::Write;

use anyhow::Result;
use clap::Args;

use super::args::IndexLocation;
use wiredex::index::WireIndex;
use wiredex::output::{human, json};
use wiredex::query::Searcher;

/// Arguments of `wiredex stats`.
#[derive(Debug, Args)]
pub struct StatsArgs {
    #[command(flatten)]
    location: IndexLocation,
    /// Write one JSON object
    #[arg(long)]
    json: bool,
}

/// Prints the totals; "found" when the index holds any article.
pub fn run(args: StatsArgs, out: &mut impl Write) -> Result<bool> {
    let index = WireIndex::open(&args.location.path())?;
    let stats = Searcher::new(&index)?.stats()?;
    if args.json {
        json::write_line(out, &stats)?;
    } else {
        human::write_stats(out, &stats)?;
    }
    Ok(stats.articles > 0)
}
