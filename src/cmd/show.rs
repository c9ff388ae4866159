//! `wiredex show ID`: one article with all its extracted fields and quotations.

use std::io::Write;

use anyhow::{Result, bail};
use clap::Args;

use super::{IndexLocation, OutputArgs};
use wiredex::index::WireIndex;
use wiredex::output::{Format, human, json};
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
    #[command(flatten)]
    output: OutputArgs,
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
    match args.output.format() {
        Format::Human => human::write_article(out, &article, args.output.color.enabled())?,
        Format::Json | Format::Jsonl => json::write_line(out, &article)?,
        Format::Csv => bail!("show prints one article with nested fields: use --json, not CSV"),
    }
    Ok(true)
}
