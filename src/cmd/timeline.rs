//! `wiredex timeline QUERY --by month`: attention over time, raw and as a share of all articles
//! of each period (Media Cloud's normalised count).

use std::io::Write;

use anyhow::{Context, Result};
use clap::Args;

use super::args::{FilterArgs, IndexLocation, OutputArgs};
use wiredex::index::WireIndex;
use wiredex::output::Format;
use wiredex::output::chart::query_timeline_svg;
use wiredex::query::{Facet, Searcher};

/// Arguments of `wiredex timeline`.
#[derive(Debug, Args)]
pub struct TimelineArgs {
    /// The query whose attention to chart (wiredex query syntax)
    #[arg(value_name = "QUERY", allow_hyphen_values = true)]
    query: String,
    /// Period: year, month, week or day
    #[arg(long, value_parser = super::args::one_of(Facet::PERIODS), default_value = "month", value_name = "PERIOD")]
    by: Facet,
    /// Also write the timeline as an SVG chart to FILE (bars: matching articles; line: share)
    #[arg(long, value_name = "FILE")]
    svg: Option<std::path::PathBuf>,
    #[command(flatten)]
    location: IndexLocation,
    #[command(flatten)]
    filters: FilterArgs,
    #[command(flatten)]
    output: OutputArgs,
}

/// Prints the timeline; "found" when the query matched anything.
pub fn run(args: TimelineArgs, out: &mut impl Write) -> Result<bool> {
    let index = WireIndex::open(&args.location.path())?;
    super::args::warn_if_groups_lost(&index, &args.filters);
    let searcher = Searcher::new(&index)?;
    let periods = searcher.timeline(&args.query, &args.filters.filters()?, args.by)?;
    if let Some(path) = &args.svg {
        let by = format!("{:?}", args.by).to_lowercase();
        std::fs::write(path, query_timeline_svg(&args.query, &by, &periods))
            .with_context(|| format!("cannot write the chart to {}", path.display()))?;
    }
    if args.output.format() != Format::Human {
        super::args::write_records(out, &periods, &args.output)?;
    } else {
        const BAR: usize = 40;
        let most = periods.iter().map(|p| p.count).max().unwrap_or(0).max(1);
        writeln!(
            out,
            "{:<10}  {:>6}  {:>6}  {:>6}",
            "period", "count", "of", "share"
        )?;
        for period in &periods {
            let bar = "█".repeat((period.count * BAR).div_ceil(most));
            writeln!(
                out,
                "{:<10}  {:>6}  {:>6}  {:>5.1}%  {bar}",
                period.period,
                period.count,
                period.total,
                period.share * 100.0
            )?;
        }
    }
    Ok(periods.iter().any(|p| p.count > 0))
}
