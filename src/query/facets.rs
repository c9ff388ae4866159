//! Counts by a facet (agency, lang, place, person, speaker, year, month, week, day) over everything a
//! search or quote request matches: the tables behind `--count-by`.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

/// What to count by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Facet {
    /// The agency credited.
    Agency,
    /// The article's language.
    Lang,
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
    /// Every facet by the name `--count-by` and JSON give it.
    pub const CHOICES: &'static [(&'static str, Facet)] = &[
        ("agency", Facet::Agency),
        ("lang", Facet::Lang),
        ("place", Facet::Place),
        ("person", Facet::Person),
        ("speaker", Facet::Speaker),
        ("year", Facet::Year),
        ("month", Facet::Month),
        ("week", Facet::Week),
        ("day", Facet::Day),
    ];

    /// The facets that are periods of time, by name: what a timeline can be drawn by.
    pub const PERIODS: &'static [(&'static str, Facet)] = &[
        ("year", Facet::Year),
        ("month", Facet::Month),
        ("week", Facet::Week),
        ("day", Facet::Day),
    ];

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
}

/// Which documents a count is over: the column a facet reads differs for quotes (`person` is
/// the speaker there).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Over {
    /// Article documents.
    Articles,
    /// Quote documents.
    Quotes,
}

/// Counts matching documents by a facet from the index's fast columns, without reading stored
/// records: dates from `date`, names from the raw columns of `agency`, `place`, `person` and
/// `speaker`.
pub struct FacetCollector {
    facet: Facet,
    over: Over,
}

impl FacetCollector {
    /// A collector of counts by `facet` over documents of kind `over`.
    pub fn new(facet: Facet, over: Over) -> FacetCollector {
        FacetCollector { facet, over }
    }

    fn column(&self) -> &'static str {
        match (self.facet, self.over) {
            (Facet::Agency, _) => "agency",
            (Facet::Lang, _) => "lang",
            (Facet::Place, _) => "place",
            (Facet::Person, Over::Articles) => "person",
            (Facet::Person | Facet::Speaker, _) => "speaker",
            _ => "date",
        }
    }
}

/// What one segment counted: by name (term ordinal) or by day, and documents without a value.
pub enum SegmentCounts {
    /// Counts per term ordinal of a name column, with the column to read the names from.
    Names {
        /// The column, for its dictionary.
        column: Option<tantivy::columnar::StrColumn>,
        /// Count per term ordinal.
        counts: Vec<usize>,
        /// Documents without a value.
        missing: usize,
    },
    /// Counts per day (days since 1970-01-01).
    Days {
        /// Count per day.
        counts: std::collections::HashMap<i64, usize>,
        /// Documents without a date.
        missing: usize,
    },
}

/// The per-segment side of [`FacetCollector`].
pub struct FacetSegmentCollector {
    names: Option<tantivy::columnar::StrColumn>,
    dates: Option<tantivy::columnar::Column<tantivy::DateTime>>,
    fruit: SegmentCounts,
}

impl tantivy::collector::SegmentCollector for FacetSegmentCollector {
    type Fruit = SegmentCounts;

    fn collect(&mut self, doc: tantivy::DocId, _score: tantivy::Score) {
        match &mut self.fruit {
            SegmentCounts::Names {
                counts, missing, ..
            } => {
                let mut any = false;
                if let Some(column) = &self.names {
                    for ord in column.term_ords(doc) {
                        counts[ord as usize] += 1;
                        any = true;
                    }
                }
                *missing += usize::from(!any);
            }
            SegmentCounts::Days { counts, missing } => {
                match self.dates.as_ref().and_then(|c| c.first(doc)) {
                    Some(value) => {
                        *counts
                            .entry(value.into_timestamp_secs().div_euclid(86_400))
                            .or_default() += 1
                    }
                    None => *missing += 1,
                }
            }
        }
    }

    fn harvest(self) -> SegmentCounts {
        self.fruit
    }
}

impl tantivy::collector::Collector for FacetCollector {
    type Fruit = Vec<Count>;
    type Child = FacetSegmentCollector;

    fn for_segment(
        &self,
        _segment_ord: tantivy::SegmentOrdinal,
        segment: &tantivy::SegmentReader,
    ) -> tantivy::Result<FacetSegmentCollector> {
        let fast = segment.fast_fields();
        Ok(if self.facet.is_time() {
            FacetSegmentCollector {
                names: None,
                dates: fast.date(self.column()).ok(),
                fruit: SegmentCounts::Days {
                    counts: Default::default(),
                    missing: 0,
                },
            }
        } else {
            let names = fast.str(self.column())?;
            let terms = names.as_ref().map_or(0, |c| c.num_terms());
            FacetSegmentCollector {
                names: names.clone(),
                dates: None,
                fruit: SegmentCounts::Names {
                    column: names,
                    counts: vec![0; terms],
                    missing: 0,
                },
            }
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<SegmentCounts>) -> tantivy::Result<Vec<Count>> {
        let mut keys: Vec<(String, usize)> = Vec::new();
        let mut name = String::new();
        for fruit in fruits {
            match fruit {
                SegmentCounts::Names {
                    column,
                    counts,
                    missing,
                } => {
                    if let Some(column) = column {
                        for (ord, &count) in counts.iter().enumerate().filter(|(_, c)| **c > 0) {
                            column.ord_to_str(ord as u64, &mut name)?;
                            keys.push((name.clone(), count));
                        }
                    }
                    keys.push(("(none)".to_string(), missing));
                }
                SegmentCounts::Days { counts, missing } => {
                    for (day, count) in counts {
                        let date = chrono::DateTime::from_timestamp(day * 86_400, 0)
                            .map(|d| d.date_naive());
                        keys.push((self.facet.date_key(date), count));
                    }
                    keys.push(("(undated)".to_string(), missing));
                }
            }
        }
        Ok(tally_counts(self.facet, keys))
    }
}

/// Tallies keys with counts into rows: most first for names, in order for time (a timeline);
/// keys counted zero times are left out.
pub fn tally_counts(facet: Facet, keys: impl IntoIterator<Item = (String, usize)>) -> Vec<Count> {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for (key, count) in keys.into_iter().filter(|(_, count)| *count > 0) {
        let key = if facet == Facet::Agency {
            super::agencies::canonical_agency(&key)
        } else {
            key
        };
        *counts.entry(key).or_default() += count;
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
    fill_periods_within(facet, rows, limit, (None, None))
}

/// [`fill_periods`] over at least the periods from `span`'s first day to its last (each
/// optional): a timeline asked for `--since 2014-01 --until 2014-02` shows every day of those
/// months, not only those from its first story to its last.
pub fn fill_periods_within(
    facet: Facet,
    rows: &[Count],
    limit: usize,
    span: (Option<NaiveDate>, Option<NaiveDate>),
) -> Vec<Count> {
    let dated: Vec<(NaiveDate, &Count)> = rows
        .iter()
        .filter_map(|row| Some((facet.period_start(&row.key)?, row)))
        .collect();
    let (Some(&(first, _)), Some(&(last, _))) = (dated.first(), dated.last()) else {
        return rows.to_vec();
    };
    let period_of = |day: NaiveDate| facet.period_start(&facet.date_key(Some(day)));
    let first = span.0.and_then(period_of).map_or(first, |p| p.min(first));
    let last = span.1.and_then(period_of).map_or(last, |p| p.max(last));
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
    fn periods_fill_the_span_asked_for() {
        let day = |d: u32| NaiveDate::from_ymd_opt(2014, 1, d);
        let got = fill_periods_within(
            Facet::Day,
            &[Count {
                key: "2014-01-03".into(),
                count: 2,
            }],
            100,
            (day(1), day(5)),
        );
        let keys: Vec<&str> = got.iter().map(|c| c.key.as_str()).collect();
        assert_eq!(
            keys,
            [
                "2014-01-01",
                "2014-01-02",
                "2014-01-03",
                "2014-01-04",
                "2014-01-05"
            ]
        );
        assert_eq!(got[2].count, 2);
    }

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
        let ones = |keys: [String; 4]| keys.map(|key| (key, 1));
        let rows = tally_counts(Facet::Agency, ones(keys.clone()));
        let order: Vec<&str> = rows.iter().map(|r| r.key.as_str()).collect();
        assert_eq!(order, ["b", "a", "c"]);
        let rows = tally_counts(Facet::Year, ones(keys));
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
