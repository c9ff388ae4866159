//! Counts by a facet (agency, place, person, speaker, year, month, week, day) over everything a
//! search or quote request matches: the tables behind `--count-by`.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::article::Article;
use crate::index::document::QuoteRecord;

/// What to count by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Facet {
    /// The agency credited.
    Agency,
    /// The dateline place.
    Place,
    /// Each person mentioned (for quotes: the speaker).
    Person,
    /// Each person quoted.
    Speaker,
    /// The story's year.
    Year,
    /// The story's month.
    Month,
    /// The story's ISO week.
    Week,
    /// The story's day.
    Day,
}

/// One row of a count table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Count {
    /// The facet's value (`(none)` or `(undated)` when the document has none).
    pub key: String,
    /// How many matching documents have it.
    pub count: usize,
}

impl Facet {
    fn is_time(self) -> bool {
        matches!(self, Facet::Year | Facet::Month | Facet::Week | Facet::Day)
    }

    fn date_key(self, date: Option<NaiveDate>) -> String {
        let Some(date) = date else {
            return "(undated)".into();
        };
        match self {
            Facet::Year => format!("{:04}", date.year()),
            Facet::Month => format!("{:04}-{:02}", date.year(), date.month()),
            Facet::Week => {
                let week = date.iso_week();
                format!("{:04}-W{:02}", week.year(), week.week())
            }
            _ => date.to_string(),
        }
    }

    /// The first day of the period a time key names (`2014-W04` is that week's Monday).
    fn period_start(self, key: &str) -> Option<NaiveDate> {
        match self {
            Facet::Year => NaiveDate::from_ymd_opt(key.parse().ok()?, 1, 1),
            Facet::Month => NaiveDate::parse_from_str(&format!("{key}-01"), "%Y-%m-%d").ok(),
            Facet::Week => {
                let (year, week) = key.split_once("-W")?;
                NaiveDate::from_isoywd_opt(
                    year.parse().ok()?,
                    week.parse().ok()?,
                    chrono::Weekday::Mon,
                )
            }
            Facet::Day => NaiveDate::parse_from_str(key, "%Y-%m-%d").ok(),
            _ => None,
        }
    }

    /// The first day of the period after the one starting on `start`.
    fn next_period(self, start: NaiveDate) -> Option<NaiveDate> {
        match self {
            Facet::Year => NaiveDate::from_ymd_opt(start.year() + 1, 1, 1),
            Facet::Month => start.checked_add_months(chrono::Months::new(1)),
            Facet::Week => start.checked_add_days(chrono::Days::new(7)),
            _ => start.succ_opt(),
        }
    }

    /// The facet's values for an article (several for people).
    pub fn article_keys(self, article: &Article) -> Vec<String> {
        let or_none = |value: &Option<String>| value.clone().unwrap_or_else(|| "(none)".into());
        match self {
            Facet::Agency => vec![or_none(&article.agency)],
            Facet::Place => vec![or_none(&article.dateline)],
            Facet::Person => article.people.iter().map(|p| p.name.clone()).collect(),
            Facet::Speaker => article
                .people
                .iter()
                .filter(|p| p.quotes > 0)
                .map(|p| p.name.clone())
                .collect(),
            _ => vec![self.date_key(article.date)],
        }
    }

    /// The facet's value for a quotation.
    pub fn quote_keys(self, quote: &QuoteRecord) -> Vec<String> {
        let or_none = |value: &Option<String>| value.clone().unwrap_or_else(|| "(none)".into());
        match self {
            Facet::Agency => vec![or_none(&quote.agency)],
            Facet::Place => vec![or_none(&quote.place)],
            Facet::Person | Facet::Speaker => vec![or_none(&quote.speaker)],
            _ => vec![self.date_key(quote.date)],
        }
    }
}

/// Tallies keys into rows: most first for names, in order for time (a timeline).
pub fn tally(facet: Facet, keys: impl IntoIterator<Item = String>) -> Vec<Count> {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for key in keys {
        *counts.entry(key).or_default() += 1;
    }
    let mut rows: Vec<Count> = counts
        .into_iter()
        .map(|(key, count)| Count { key, count })
        .collect();
    if facet.is_time() {
        // Undated stories go after the timeline, not before it.
        rows.sort_by_key(|row| row.key == "(undated)");
    } else {
        rows.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.key.cmp(&b.key)));
    }
    rows
}

/// Periods a timeline has no story in, added with a count of zero between the first and the
/// last period, so that a chart's axis is even; `(undated)` stays last. At most `limit` rows
/// are made: a longer span is returned as it was.
pub fn fill_periods(facet: Facet, rows: &[Count], limit: usize) -> Vec<Count> {
    let dated: Vec<(NaiveDate, &Count)> = rows
        .iter()
        .filter_map(|row| Some((facet.period_start(&row.key)?, row)))
        .collect();
    let (Some(&(first, _)), Some(&(last, _))) = (dated.first(), dated.last()) else {
        return rows.to_vec();
    };
    let mut filled = Vec::new();
    let mut at = Some(first);
    let mut known = dated.iter().peekable();
    while let Some(start) = at.filter(|&start| start <= last) {
        if filled.len() >= limit {
            return rows.to_vec();
        }
        let key = facet.date_key(Some(start));
        let count = match known.peek() {
            Some((day, row)) if *day == start => {
                let count = row.count;
                known.next();
                count
            }
            _ => 0,
        };
        filled.push(Count { key, count });
        at = facet.next_period(start);
    }
    filled.extend(
        rows.iter()
            .filter(|row| facet.period_start(&row.key).is_none())
            .cloned(),
    );
    filled
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_periods_are_filled_with_zero() {
        let rows = |pairs: &[(&str, usize)]| -> Vec<Count> {
            pairs
                .iter()
                .map(|(key, count)| Count {
                    key: key.to_string(),
                    count: *count,
                })
                .collect()
        };
        let got = fill_periods(
            Facet::Month,
            &rows(&[("2013-11", 2), ("2014-02", 1), ("(undated)", 4)]),
            100,
        );
        assert_eq!(
            got,
            rows(&[
                ("2013-11", 2),
                ("2013-12", 0),
                ("2014-01", 0),
                ("2014-02", 1),
                ("(undated)", 4)
            ])
        );
        let weeks = fill_periods(Facet::Week, &rows(&[("2014-W52", 1), ("2015-W02", 1)]), 100);
        let keys: Vec<&str> = weeks.iter().map(|r| r.key.as_str()).collect();
        assert_eq!(keys, ["2014-W52", "2015-W01", "2015-W02"]);
        let years = rows(&[("1990", 1), ("2020", 1)]);
        assert_eq!(fill_periods(Facet::Year, &years, 10), years);
    }

    #[test]
    fn names_sort_by_count_and_time_by_key() {
        let keys = ["b", "a", "b", "c"].map(String::from);
        let rows = tally(Facet::Agency, keys.clone());
        let order: Vec<&str> = rows.iter().map(|r| r.key.as_str()).collect();
        assert_eq!(order, ["b", "a", "c"]);
        let rows = tally(Facet::Year, keys);
        let order: Vec<&str> = rows.iter().map(|r| r.key.as_str()).collect();
        assert_eq!(order, ["a", "b", "c"]);
    }

    #[test]
    fn dates_become_periods() {
        let date = NaiveDate::from_ymd_opt(2014, 1, 21);
        let cases = [
            (Facet::Year, "2014"),
            (Facet::Month, "2014-01"),
            (Facet::Week, "2014-W04"),
            (Facet::Day, "2014-01-21"),
        ];
        for (facet, expected) in cases {
            assert_eq!(facet.date_key(date), expected, "{facet:?}");
        }
        assert_eq!(Facet::Year.date_key(None), "(undated)");
    }
}
