//! `wiredex check`: verify an index folder's files against each other (see
//! [`wiredex::index::check()`]), print what is wrong and the way out.

use std::io::Write;

use anyhow::{Result, bail};
use clap::Args;

use super::args::IndexLocation;
use wiredex::index::check;
use wiredex::output::json;

/// Arguments of `wiredex check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    location: IndexLocation,
    /// Write the findings as one JSON object
    #[arg(long)]
    json: bool,
}

/// Checks the index; a damaged index is an error (exit 2) that names the way out.
pub fn run(args: CheckArgs, out: &mut impl Write) -> Result<bool> {
    let path = args.location.path();
    let report = check(&path)?;
    let shown = wiredex::source::path_text(&path);
    if args.json {
        json::write_line(out, &report)?;
    } else {
        writeln!(
            out,
            "checked {shown}: {} segments, {} articles, {} files in the manifest",
            report.segments, report.articles, report.files
        )?;
        for problem in &report.problems {
            writeln!(out, "  {}: {}", problem.file, problem.what)?;
        }
    }
    if report.problems.is_empty() {
        if !args.json {
            writeln!(out, "no problems found")?;
        }
        return Ok(true);
    }
    out.flush()?;
    let count = report.problems.len();
    bail!(
        "index {shown} is damaged ({count} {}): rebuild it from its folders with `wiredex index DIR... --rebuild --index {shown}`",
        if count == 1 { "problem" } else { "problems" }
    );
}
