//! `wiredex parse FILE...`: the extraction itself, without an index.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Result;
use clap::Args;

use wiredex::output::json;
use wiredex::source;

/// Arguments of `wiredex parse`.
#[derive(Debug, Args)]
pub struct ParseArgs {
    /// Files or folders to parse
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Write one JSON object per article: what parse always writes, accepted so that
    /// `parse --json` reads like the other commands
    #[arg(long = "json")]
    _json: bool,
}

/// Prints each article as JSON, in file order; skipped files go to standard error with reasons.
pub fn run(args: ParseArgs, out: &mut impl Write) -> Result<bool> {
    let (files, mut skipped) = source::discover(&args.paths);
    let mut found = false;
    for file in &files {
        let parsed = wiredex::parse_file(file);
        skipped.extend(parsed.skipped);
        for warning in &parsed.warnings {
            eprintln!(
                "wiredex: warning: {}: {}",
                wiredex::source::path_text(&warning.path),
                warning.message
            );
        }
        for article in &parsed.articles {
            json::write_line(out, article)?;
            found = true;
        }
    }
    for skip in &skipped {
        eprintln!(
            "wiredex: skipped {}: {}",
            wiredex::source::path_text(&skip.path),
            skip.reason
        );
    }
    Ok(found)
}
