//! The command line: one file per subcommand, each an `Args` struct (clap derive) and a `run`.
//! Shared flags are defined once here so every subcommand speaks the same vocabulary.

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

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand};

use wiredex::Error;
use wiredex::output::{ColorChoice, Format};
use wiredex::query::{Filters, parse_period};

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

/// A value parser for one of a library enum's named values: clap checks the name and lists the
/// names in `--help`; the library knows nothing of clap.
pub fn one_of<T: Copy + Send + Sync + 'static>(
    choices: &'static [(&'static str, T)],
) -> impl clap::builder::TypedValueParser<Value = T> {
    use clap::builder::TypedValueParser;
    clap::builder::PossibleValuesParser::new(choices.iter().map(|(name, _)| *name)).map(
        move |name| {
            choices
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, value)| *value)
                .expect("clap accepted only these names")
        },
    )
}

/// Where the index lives.
#[derive(Debug, Args)]
pub struct IndexLocation {
    /// Index folder [default: $WIREDEX_INDEX, else .wiredex in the current folder]
    #[arg(long = "index", value_name = "PATH")]
    pub index: Option<PathBuf>,
}

impl IndexLocation {
    /// The index folder to use.
    pub fn path(&self) -> PathBuf {
        self.index
            .clone()
            .or_else(|| std::env::var_os("WIREDEX_INDEX").map(PathBuf::from))
            .unwrap_or_else(|| PathBuf::from(".wiredex"))
    }
}

/// Filters shared by `search` and `quotes`.
#[derive(Debug, Args)]
pub struct FilterArgs {
    /// Only stories dated on or after this (YYYY, YYYY-MM or YYYY-MM-DD)
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Only stories dated up to and including this (YYYY, YYYY-MM or YYYY-MM-DD)
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,
    /// Only stories credited to this agency (e.g. TASS, Reuters); repeat for several. An
    /// agency's other names count as it (TASS = ITAR-TASS = ТАСС)
    #[arg(long, value_name = "NAME")]
    pub agency: Vec<String>,
    /// Only stories with this dateline place (e.g. Moscow)
    #[arg(long, value_name = "PLACE")]
    pub dateline: Option<String>,
    /// Only stories in this language: an ISO 639-1 code (ru, en, fr, de, es) or its name
    #[arg(long, value_name = "LANG")]
    pub lang: Option<String>,
    /// List and count near-duplicate stories (wire copies, updates, republications) one by one
    /// instead of as their earliest member with "+N copies"
    #[arg(long)]
    pub no_collapse: bool,
}

impl FilterArgs {
    /// The filters, with dates checked.
    pub fn filters(&self) -> Result<Filters, Error> {
        let day =
            |value: &Option<String>, flag: &str, end: bool| -> Result<Option<NaiveDate>, Error> {
                value
                    .as_deref()
                    .map(|v| {
                        parse_period(v)
                            .map(|range| if end { range.end } else { range.start })
                            .ok_or_else(|| Error::Date {
                                input: v.to_string(),
                                flag: flag.to_string(),
                            })
                    })
                    .transpose()
            };
        Ok(Filters {
            since: day(&self.since, "--since", false)?,
            until: day(&self.until, "--until", true)?,
            agency: self.agency.clone(),
            place: self.dateline.clone(),
            lang: self
                .lang
                .as_deref()
                .map(|input| {
                    wiredex::article::lang::declared_code(input).ok_or_else(|| Error::Lang {
                        input: input.to_string(),
                        flag: "--lang".into(),
                    })
                })
                .transpose()?,
            collapse: !self.no_collapse,
        })
    }
}

/// Output flags shared by the listing commands.
#[derive(Debug, Args)]
pub struct OutputArgs {
    /// Write JSON Lines (one object per result) instead of text; same as --format jsonl
    #[arg(long)]
    pub json: bool,
    /// Output shape: human, json (one array), jsonl or csv
    #[arg(long, value_parser = one_of(Format::CHOICES), default_value = "human", value_name = "FORMAT")]
    pub format: Format,
    /// When to colour output
    #[arg(long, value_parser = one_of(ColorChoice::CHOICES), default_value = "auto", value_name = "WHEN")]
    pub color: ColorChoice,
}

impl OutputArgs {
    /// The format asked for; `--json` means JSON Lines.
    pub fn format(&self) -> Format {
        if self.json {
            Format::Jsonl
        } else {
            self.format
        }
    }
}

/// Writes a count table in the format asked for.
pub fn write_counts(
    out: &mut impl std::io::Write,
    rows: &[wiredex::query::Count],
    output: &OutputArgs,
) -> std::io::Result<()> {
    use wiredex::output::{csv, human, json};
    match output.format() {
        Format::Human => human::write_counts(out, rows, output.color.enabled()),
        Format::Json => json::write_array(out, rows),
        Format::Jsonl => json::write_lines(out, rows),
        Format::Csv => csv::write_counts(out, rows),
    }
}

/// Writes flat records (people, periods) in a machine format: JSON, JSON Lines or CSV.
pub fn write_records<T: serde::Serialize>(
    out: &mut impl std::io::Write,
    rows: &[T],
    output: &OutputArgs,
) -> std::io::Result<()> {
    use wiredex::output::{csv, json};
    match output.format() {
        Format::Json => json::write_array(out, rows),
        Format::Csv => csv::write_records(out, rows),
        Format::Human | Format::Jsonl => json::write_lines(out, rows),
    }
}

/// Paging flags shared by the listing commands.
#[derive(Debug, Args)]
pub struct PageArgs {
    /// Skip this many of the best hits first
    #[arg(long, default_value_t = 0, value_name = "N")]
    pub offset: usize,
    /// List every hit (for full exports), whatever --limit says
    #[arg(long)]
    pub all: bool,
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
