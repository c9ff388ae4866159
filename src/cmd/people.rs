//! `wiredex people [QUERY]`: who is mentioned and who is quoted, in the whole archive or in the
//! articles that match.

use std::io::Write;

use anyhow::Result;
use clap::Args;

use super::args::{FilterArgs, IndexLocation, OutputArgs};
use wiredex::index::WireIndex;
use wiredex::output::Format;
use wiredex::query::{SearchRequest, Searcher};

/// Arguments of `wiredex people`.
#[derive(Debug, Args)]
pub struct PeopleArgs {
    /// Only the articles matching this query (wiredex query syntax); all articles without it
    #[arg(value_name = "QUERY", allow_hyphen_values = true)]
    query: Option<String>,
    #[command(flatten)]
    location: IndexLocation,
    #[command(flatten)]
    filters: FilterArgs,
    /// Most people to show
    #[arg(long, default_value_t = 20)]
    limit: usize,
    #[command(flatten)]
    output: OutputArgs,
}

/// Prints the table, most quoted first; "found" when anyone is named.
pub fn run(args: PeopleArgs, out: &mut impl Write) -> Result<bool> {
    let index = WireIndex::open(&args.location.path())?;
    super::args::warn_if_groups_lost(&index, &args.filters);
    let request = SearchRequest {
        query: args.query.unwrap_or_default(),
        filters: args.filters.filters()?,
        ..SearchRequest::default()
    };
    let people = Searcher::new(&index)?.people(&request)?;
    let shown = &people[..people.len().min(args.limit)];
    if args.output.format() != Format::Human {
        super::args::write_records(out, shown, &args.output)?;
    } else {
        writeln!(out, "{} of {} people", shown.len(), people.len())?;
        writeln!(
            out,
            "{:>6}  {:>8}  {:>8}  name",
            "quotes", "articles", "mentions"
        )?;
        for person in shown {
            writeln!(
                out,
                "{:>6}  {:>8}  {:>8}  {}",
                person.quotes, person.articles, person.mentions, person.name
            )?;
        }
    }
    Ok(!people.is_empty())
}
