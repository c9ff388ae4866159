//! The flags every subcommand shares, defined once so every subcommand speaks the same
//! vocabulary (`--index`, `--since`/`--until`, `--agency`, `--format`, ...), and the writers of
//! the tables they print.

use std::path::PathBuf;

use anyhow::Result;
use clap::Args;

use wiredex::Error;
use wiredex::output::{ColorChoice, Format};
use wiredex::query::{Filters, flag_day};

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
        let day = |value: &Option<String>, flag: &str, end: bool| {
            value.as_deref().map(|v| flag_day(v, flag, end)).transpose()
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

/// Says on standard error when the index's near-duplicate groups are lost and collapsing is
/// asked for: the counts then include every copy, which changed answers silently.
pub fn warn_if_groups_lost(index: &wiredex::index::WireIndex, filters: &FilterArgs) {
    if !filters.no_collapse && index.groups_lost() {
        let shown = wiredex::source::path_text(&index.path);
        eprintln!(
            "wiredex: warning: {shown}/{} is missing or damaged, so near-duplicate stories are not collapsed and counts include every copy; `wiredex index DIR... --index {shown}` writes it again",
            wiredex::index::GROUPS_FILE
        );
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
