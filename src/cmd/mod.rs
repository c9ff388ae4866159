//! The command line: one file per subcommand, each an `Args` struct (clap derive) and a `run`.
//! Shared flags are defined once here so every subcommand speaks the same vocabulary.

mod args;
mod bench;
mod check;
mod index;
mod parse;
mod people;
mod quotes;
mod search;
mod serve;
mod show;
mod stats;
mod timeline;

use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};

/// Search engine for archives of wire-service news articles.
#[derive(Debug, Parser)]
#[command(name = "wiredex", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Read folders of articles and add them to the index.
    Index(index::IndexArgs),
    /// Search articles: words, "phrases", field:value, AND/OR/NOT, dates.
    Search(search::SearchArgs),
    /// Search quotations: by speaker, about a topic, with their words.
    Quotes(quotes::QuotesArgs),
    /// Show one article with all its fields and quotations.
    Show(show::ShowArgs),
    /// Chart a query's attention over time, raw and as a share of all articles.
    Timeline(timeline::TimelineArgs),
    /// Who is mentioned and who is quoted, overall or in the articles that match.
    People(people::PeopleArgs),
    /// Show what the index holds.
    Stats(stats::StatsArgs),
    /// Serve the archive to a browser and a JSON API to programs (loopback only by default).
    Serve(serve::ServeArgs),
    /// Verify the index's segments, manifest and duplicate groups against each other.
    Check(check::CheckArgs),
    /// Print the fields extracted from files, without indexing them.
    Parse(parse::ParseArgs),
    /// Measure indexing and query speed on a folder or an index: p50/p95/p99, QPS, checked counts.
    Bench(bench::BenchArgs),
}

/// Runs the command line; the exit code follows grep: 0 found, 1 nothing found, 2 error.
pub fn run(cli: Cli) -> Result<ExitCode> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let found = match cli.command {
        Command::Index(args) => index::run(args, &mut out),
        Command::Search(args) => search::run(args, &mut out),
        Command::Quotes(args) => quotes::run(args, &mut out),
        Command::Show(args) => show::run(args, &mut out),
        Command::People(args) => people::run(args, &mut out),
        Command::Stats(args) => stats::run(args, &mut out),
        Command::Serve(args) => serve::run(args, &mut out),
        Command::Check(args) => check::run(args, &mut out),
        Command::Timeline(args) => timeline::run(args, &mut out),
        Command::Parse(args) => parse::run(args, &mut out),
        Command::Bench(args) => bench::run(args, &mut out),
    }?;
    std::io::Write::flush(&mut out).context("writing output")?;
    Ok(if found {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
