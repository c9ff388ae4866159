//! `wiredex show ID`: one article with all its extracted fields and quotations.

use std::io::Write;

use anyhow::{Result, bail};
use clap::Args;

use super::args::IndexLocation;
use wiredex::index::WireIndex;
use wiredex::output::{ColorChoice, human, json};
use wiredex::query::Searcher;

/// Arguments of `wiredex show`.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The article's id, as `search` prints it (ten digits) or `search --json` (sixteen); any
    /// start of it that is one article's, in any case
    #[arg(value_name = "ID")]
    id: String,
    #[command(flatten)]
    location: IndexLocation,
    /// Write the article as one JSON object instead of text; same as --format json
    #[arg(long)]
    json: bool,
    /// Output shape: human, json or jsonl (one article has nested fields: no CSV)
    #[arg(long, value_enum, default_value_t = ShowFormat::Human, value_name = "FORMAT")]
    format: ShowFormat,
    /// When to colour output
    #[arg(long, value_parser = super::args::one_of(ColorChoice::CHOICES), default_value = "auto", value_name = "WHEN")]
    color: ColorChoice,
}

/// The shapes `show` writes: `--format csv` was offered by the shared flags, then refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum ShowFormat {
    /// The article's fields and quotations, for people.
    Human,
    /// One JSON object.
    Json,
    /// One JSON object on one line (the same as json for one article).
    Jsonl,
}

/// Prints the article; an unknown id is an error.
pub fn run(args: ShowArgs, out: &mut impl Write) -> Result<bool> {
    let index = WireIndex::open(&args.location.path())?;
    let Some(article) = Searcher::new(&index)?.article(&args.id)? else {
        bail!(
            "no article with id '{}' in {}: ids are the hex digits `search` prints, or any start of them",
            args.id,
            index.path.display()
        );
    };
    let format = if args.json {
        ShowFormat::Json
    } else {
        args.format
    };
    match format {
        ShowFormat::Human => human::write_article(out, &article, args.color.enabled())?,
        ShowFormat::Json | ShowFormat::Jsonl => json::write_line(out, &article)?,
    }
    Ok(true)
}
