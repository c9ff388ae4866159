//! `wiredex search QUERY`: articles matching a query.

use std::io::Write;

use anyhow::Result;
use clap::Args;

use super::args::{FilterArgs, IndexLocation, OutputArgs, PageArgs};
use wiredex::index::WireIndex;
use wiredex::output::{Format, csv, human, json};
use wiredex::query::Facet;
use wiredex::query::{SearchRequest, Searcher, Sort};

/// Arguments of `wiredex search`.
#[derive(Debug, Args)]
pub struct SearchArgs {
    /// The query: words, "a phrase", field:value (headline, deck, body, quote, agency, place,
    /// person, speaker, date), AND/OR/NOT, +/-, parentheses. Without one (or with `*`), every
    /// article the filters let through, to browse them: `search --agency TASS --sort date`
    #[arg(value_name = "QUERY", allow_hyphen_values = true)]
    query: Option<String>,
    #[command(flatten)]
    location: IndexLocation,
    #[command(flatten)]
    filters: FilterArgs,
    /// Most hits to show
    #[arg(long, default_value_t = 10)]
    limit: usize,
    /// Order of hits
    #[arg(long, value_parser = super::args::one_of(Sort::CHOICES), default_value = "relevance")]
    sort: Sort,
    /// Instead of hits, count every match by agency, lang, place, person, speaker, year, month, week
    /// or day
    #[arg(long, value_parser = super::args::one_of(Facet::CHOICES), value_name = "FACET")]
    count_by: Option<Facet>,
    #[command(flatten)]
    page: PageArgs,
    #[command(flatten)]
    output: OutputArgs,
}

/// Runs the search; "found" when anything matched.
pub fn run(args: SearchArgs, out: &mut impl Write) -> Result<bool> {
    let index = WireIndex::open(&args.location.path())?;
    super::args::warn_if_groups_lost(&index, &args.filters);
    let searcher = Searcher::new(&index)?;
    let request = SearchRequest {
        query: args.query.unwrap_or_default(),
        filters: args.filters.filters()?,
        limit: args.limit,
        offset: args.page.offset,
        sort: args.sort,
    };
    if let Some(facet) = args.count_by {
        let rows = searcher.count_articles(&request, facet)?;
        super::args::write_counts(out, &rows, &args.output)?;
        return Ok(!rows.is_empty());
    }
    // Nothing is truncated silently: --all lists as many hits as there are matches.
    let results = if args.page.all {
        searcher.search_all(&request)?
    } else {
        searcher.search(&request)?
    };
    match args.output.format() {
        Format::Human => human::write_hits(out, &results, args.output.color.enabled())?,
        Format::Json => json::write_array(out, &results.hits)?,
        Format::Jsonl => json::write_lines(out, &results.hits)?,
        Format::Csv => csv::write_hits(out, &results.hits)?,
    }
    Ok(results.total > 0)
}
