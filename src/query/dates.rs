//! Dates as users type them: `2014`, `2014-01`, `2014-01-21`, and ranges `A..B`. Each becomes a
//! half-open day range `[start, end)`, so `--until 2014-01` includes all of January.

use chrono::{Datelike, Months, NaiveDate};

/// A half-open range of days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DayRange {
    /// First day included.
    pub start: NaiveDate,
    /// First day after the range.
    pub end: NaiveDate,
}

/// Where the period `value` names starts, or with `end` the day after it ends (filters keep
/// `until` exclusive), for a filter flag: `--since 2014` is 2014-01-01, `--until 2014-01` is
/// 2014-02-01. A value that names no period is an error naming the value and the flag.
pub fn flag_day(value: &str, flag: &str, end: bool) -> crate::Result<NaiveDate> {
    parse_period(value)
        .map(|range| if end { range.end } else { range.start })
        .ok_or_else(|| crate::Error::Date {
            input: value.to_string(),
            flag: flag.to_string(),
        })
}

/// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` into the days it covers.
pub fn parse_period(text: &str) -> Option<DayRange> {
    let parts: Vec<&str> = text.trim().split('-').collect();
    let number = |s: &str| {
        s.parse::<u32>()
            .ok()
            .filter(|_| s.chars().all(|c| c.is_ascii_digit()))
    };
    match parts.as_slice() {
        [y] if y.len() == 4 => {
            let year = i32::try_from(number(y)?).ok()?;
            let start = NaiveDate::from_ymd_opt(year, 1, 1)?;
            Some(DayRange {
                start,
                end: start.checked_add_months(Months::new(12))?,
            })
        }
        [y, m] if y.len() == 4 && m.len() <= 2 => {
            let start = NaiveDate::from_ymd_opt(i32::try_from(number(y)?).ok()?, number(m)?, 1)?;
            Some(DayRange {
                start,
                end: start.checked_add_months(Months::new(1))?,
            })
        }
        [y, m, d] if y.len() == 4 && m.len() <= 2 && d.len() <= 2 => {
            let start =
                NaiveDate::from_ymd_opt(i32::try_from(number(y)?).ok()?, number(m)?, number(d)?)?;
            Some(DayRange {
                start,
                end: start.succ_opt()?,
            })
        }
        _ => None,
    }
}

/// Parses a period or a range of periods `A..B` (either side may be empty).
pub fn parse_range(text: &str) -> Option<DayRange> {
    match text.split_once("..") {
        Some((a, b)) => {
            let start = if a.is_empty() {
                NaiveDate::from_ymd_opt(1, 1, 1)?
            } else {
                parse_period(a)?.start
            };
            let end = if b.is_empty() {
                NaiveDate::from_ymd_opt(9999, 12, 31)?
            } else {
                parse_period(b)?.end
            };
            (start < end).then_some(DayRange { start, end })
        }
        None => parse_period(text),
    }
}

/// RFC 3339 midnight of a day, as tantivy's query parser wants it.
pub fn rfc3339(day: NaiveDate) -> String {
    format!(
        "{:04}-{:02}-{:02}T00:00:00Z",
        day.year(),
        day.month(),
        day.day()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_flag_day_is_where_its_period_starts_or_the_day_after_it_ends() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(flag_day("2014", "--since", false).unwrap(), day(2014, 1, 1));
        assert_eq!(
            flag_day("2014-02", "--until", true).unwrap(),
            day(2014, 3, 1)
        );
        let err = flag_day("2014-13", "--since", false)
            .unwrap_err()
            .to_string();
        assert_eq!(
            err,
            "invalid date '2014-13' in --since: expected YYYY, YYYY-MM or YYYY-MM-DD"
        );
    }

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn periods_and_ranges() {
        let cases = [
            ("2014", Some((ymd(2014, 1, 1), ymd(2015, 1, 1)))),
            ("2014-01", Some((ymd(2014, 1, 1), ymd(2014, 2, 1)))),
            ("2014-12", Some((ymd(2014, 12, 1), ymd(2015, 1, 1)))),
            ("2014-01-21", Some((ymd(2014, 1, 21), ymd(2014, 1, 22)))),
            (
                "2014-01-01..2014-03-31",
                Some((ymd(2014, 1, 1), ymd(2014, 4, 1))),
            ),
            ("2014..2015", Some((ymd(2014, 1, 1), ymd(2016, 1, 1)))),
            ("2015..2014", None),
            ("2014-13", None),
            ("14", None),
            ("2014-1x", None),
            ("", None),
        ];
        for (input, expected) in cases {
            let got = parse_range(input).map(|r| (r.start, r.end));
            assert_eq!(got, expected, "input {input:?}");
        }
    }
}
