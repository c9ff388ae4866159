//! `wiredex timeline QUERY --by month`: attention over time, raw and as a share of all articles
//! of each period (Media Cloud's normalised count).

use std::io::Write;

use anyhow::{Context, Result};
use clap::Args;
use serde::Serialize;

use super::{FilterArgs, IndexLocation, OutputArgs};
use wiredex::index::WireIndex;
use wiredex::output::Format;
use wiredex::output::chart::{ChartPeriod, timeline_svg};
use wiredex::query::facets::{Facet, fill_periods_within};
use wiredex::query::{SearchRequest, Searcher};

/// Arguments of `wiredex timeline`.
#[derive(Debug, Args)]
pub struct TimelineArgs {
    /// The query whose attention to chart (wiredex query syntax)
    #[arg(value_name = "QUERY", allow_hyphen_values = true)]
    query: String,
    /// Period: year, month, week or day
    #[arg(long, value_enum, default_value_t = Period::Month, value_name = "PERIOD")]
    by: Period,
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

/// The most periods a timeline fills in (about 27 years of days); a longer span lists only the
/// periods that have stories.
const MAX_PERIODS: usize = 10_000;

/// The periods a timeline is drawn by: the date facets only (`--by` offered every facet, then
/// refused the others at run time).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Period {
    /// The story's year.
    Year,
    /// The story's month.
    Month,
    /// The story's ISO week.
    Week,
    /// The story's day.
    Day,
}

impl Period {
    fn facet(self) -> Facet {
        match self {
            Period::Year => Facet::Year,
            Period::Month => Facet::Month,
            Period::Week => Facet::Week,
            Period::Day => Facet::Day,
        }
    }
}

/// One period of a timeline.
#[derive(Debug, Serialize)]
struct Row {
    period: String,
    count: usize,
    total: usize,
    share: f64,
}

/// Prints the timeline; "found" when the query matched anything.
pub fn run(args: TimelineArgs, out: &mut impl Write) -> Result<bool> {
    let by = args.by.facet();
    let index = WireIndex::open(&args.location.path())?;
    super::warn_if_groups_lost(&index, &args.filters);
    let searcher = Searcher::new(&index)?;
    let filters = args.filters.filters()?;
    let query = args.query.clone();
    let matching = SearchRequest {
        query: args.query,
        filters: filters.clone(),
        ..SearchRequest::default()
    };
    // --until is kept as the day after the last one asked for.
    let span = (filters.since, filters.until.and_then(|d| d.pred_opt()));
    let everything = SearchRequest {
        filters,
        ..SearchRequest::default()
    };
    let counts = searcher.count_articles(&matching, by)?;
    // Every period between the first and the last story, empty ones too, so the axis is even.
    let totals = fill_periods_within(
        by,
        &searcher.count_articles(&everything, by)?,
        MAX_PERIODS,
        span,
    );
    let periods: Vec<Row> = totals
        .iter()
        .map(|total| {
            let count = counts
                .iter()
                .find(|c| c.key == total.key)
                .map_or(0, |c| c.count);
            Row {
                period: total.key.clone(),
                count,
                total: total.count,
                share: count as f64 / total.count.max(1) as f64,
            }
        })
        .collect();
    if let Some(path) = &args.svg {
        let chart: Vec<ChartPeriod> = periods
            .iter()
            .filter(|p| p.period != "(undated)")
            .map(|p| ChartPeriod {
                label: p.period.clone(),
                count: p.count,
                share: p.share,
            })
            .collect();
        let by = format!("{:?}", args.by).to_lowercase();
        let title = format!("“{query}”: articles by {by}");
        let matching: usize = periods.iter().map(|p| p.count).sum();
        let subtitle = format!(
            "{matching} matching articles; bars: count, line: share of all articles of the {by}"
        );
        std::fs::write(path, timeline_svg(&title, &subtitle, &chart))
            .with_context(|| format!("cannot write the chart to {}", path.display()))?;
    }
    if args.output.format() != Format::Human {
        super::write_records(out, &periods, &args.output)?;
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
    Ok(counts.iter().any(|c| c.count > 0))
}
