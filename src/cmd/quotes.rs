//! `wiredex quotes [QUERY] --by NAME --about TOPIC`: quotations with their speakers.

use std::io::Write;

use anyhow::Result;
use clap::Args;

use super::args::{FilterArgs, IndexLocation, OutputArgs, PageArgs};
use wiredex::index::WireIndex;
use wiredex::output::{Format, csv, human, json};
use wiredex::query::Facet;
use wiredex::query::{QuoteRequest, Searcher, Sort};

/// Arguments of `wiredex quotes`.
#[derive(Debug, Args)]
pub struct QuotesArgs {
    /// Words the quotation must contain (query syntax; optional)
    #[arg(value_name = "QUERY", allow_hyphen_values = true)]
    query: Option<String>,
    /// The speaker: a name or part of it (e.g. Lavrov, "Sergey Lavrov")
    #[arg(long, alias = "speaker", value_name = "NAME")]
    by: Option<String>,
    /// A topic: quotes naming it come first, then quotes from articles about it; a country also
    /// matches its adjective, demonym and cities (Japan: Japanese, Tokyo)
    #[arg(long, value_name = "TOPIC")]
    about: Option<String>,
    #[command(flatten)]
    location: IndexLocation,
    #[command(flatten)]
    filters: FilterArgs,
    /// Most quotes to show
    #[arg(long, default_value_t = 20)]
    limit: usize,
    /// Order of quotes
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

/// Runs the quote search; "found" when anything matched.
pub fn run(args: QuotesArgs, out: &mut impl Write) -> Result<bool> {
    let index = WireIndex::open(&args.location.path())?;
    super::args::warn_if_groups_lost(&index, &args.filters);
    let searcher = Searcher::new(&index)?;
    let request = QuoteRequest {
        query: args.query,
        by: args.by,
        about: args.about,
        filters: args.filters.filters()?,
        limit: args.limit,
        offset: args.page.offset,
        sort: args.sort,
    };
    if let Some(facet) = args.count_by {
        let rows = searcher.count_quotes(&request, facet)?;
        super::args::write_counts(out, &rows, &args.output)?;
        return Ok(!rows.is_empty());
    }
    // Nothing is truncated silently: --all lists as many hits as there are matches.
    let results = if args.page.all {
        searcher.quotes_all(&request)?
    } else {
        searcher.quotes(&request)?
    };
    match args.output.format() {
        Format::Human => human::write_quotes(out, &results, args.output.color.enabled())?,
        Format::Json => json::write_array(out, &results.hits)?,
        Format::Jsonl => json::write_lines(out, &results.hits)?,
        Format::Csv => csv::write_quotes(out, &results.hits)?,
    }
    Ok(results.total > 0)
}
