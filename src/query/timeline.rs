//! A query's attention over time: matching articles per period, raw and as a share of all
//! articles of the period (Media Cloud's normalised count). `wiredex timeline` and the server's
//! timeline share it.

use serde::Serialize;

use super::facets::{Facet, fill_periods_within};
use super::{Filters, SearchRequest, Searcher};
use crate::error::{Error, Result};

/// The most periods a timeline fills in (about 27 years of days); a longer span lists only the
/// periods that have stories.
pub const MAX_PERIODS: usize = 10_000;

/// One period of a timeline.
#[derive(Debug, Clone, Serialize)]
pub struct Period {
    /// The period (`2014`, `2014-01`, `2014-W04`, `2014-01-31` or `(undated)`).
    pub period: String,
    /// Articles of the period that match.
    pub count: usize,
    /// All articles of the period.
    pub total: usize,
    /// `count / total`.
    pub share: f64,
}

impl Searcher<'_> {
    /// The timeline of `query` by `by` (year, month, week or day): every period between the
    /// first and the last story, empty ones too, so the axis is even.
    pub fn timeline(&self, query: &str, filters: &Filters, by: Facet) -> Result<Vec<Period>> {
        if !matches!(by, Facet::Year | Facet::Month | Facet::Week | Facet::Day) {
            return Err(Error::Query {
                input: format!("{by:?}").to_lowercase(),
                reason: "a timeline's period is year, month, week or day".into(),
                at: None,
            });
        }
        let matching = SearchRequest {
            query: query.to_string(),
            filters: filters.clone(),
            ..SearchRequest::default()
        };
        let everything = SearchRequest {
            filters: filters.clone(),
            ..SearchRequest::default()
        };
        let counts = self.count_articles(&matching, by)?;
        // Every period the filters ask for, not only those from the first story to the last;
        // `until` is kept as the day after the last one asked for.
        let span = (filters.since, filters.until.and_then(|d| d.pred_opt()));
        let totals = fill_periods_within(
            by,
            &self.count_articles(&everything, by)?,
            MAX_PERIODS,
            span,
        );
        Ok(totals
            .iter()
            .map(|total| {
                let count = counts
                    .iter()
                    .find(|c| c.key == total.key)
                    .map_or(0, |c| c.count);
                Period {
                    period: total.key.clone(),
                    count,
                    total: total.count,
                    share: count as f64 / total.count.max(1) as f64,
                }
            })
            .collect())
    }
}
