//! The article's date: from the dateline, the file's metadata or its path, and, when the dateline
//! omits the year and nothing else gives it, inferred from the text (a weekday named beside the
//! dateline's day and the years the story mentions). No evidence means no date.

use chrono::{Datelike, NaiveDate, NaiveDateTime, Weekday};
use serde::{Deserialize, Serialize};

/// Where an article's date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DateSource {
    /// Day, month and year all stood in the dateline.
    Dateline,
    /// The file's metadata (a JSON `date` field, say), alone or giving the dateline's year.
    Metadata,
    /// The file path (`2014/01/21/...` or `2014-01-21-...`).
    Path,
    /// The dateline's day and month, with the year inferred from the text.
    Inferred,
}

/// Parses the date forms that scrapers and feeds put in metadata: ISO 8601 / RFC 3339 with or
/// without time, RFC 2822, `YYYY/MM/DD`, and Reuters' `26-FEB-1987 15:01:01.79`.
pub fn parse_metadata_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    if let Ok(dt) = chrono::DateTime::parse_from_rfc3339(text) {
        return Some(dt.date_naive());
    }
    if let Ok(dt) = chrono::DateTime::parse_from_rfc2822(text) {
        return Some(dt.date_naive());
    }
    for format in ["%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M"] {
        if let Ok(dt) = NaiveDateTime::parse_from_str(text, format) {
            return Some(dt.date());
        }
    }
    // The date part: before a space, or before the `T` of `2019-05-14T10:32` (not the T of OCT).
    let head = text.split(' ').next().unwrap_or(text);
    let head = match head.get(10..11) {
        Some("T") => &head[..10],
        _ => head,
    };
    for format in ["%Y-%m-%d", "%Y/%m/%d", "%d-%b-%Y", "%d.%m.%Y", "%B %d, %Y"] {
        if let Ok(date) = NaiveDate::parse_from_str(head, format) {
            return Some(date);
        }
    }
    NaiveDate::parse_from_str(text, "%B %d, %Y").ok()
}

/// Finds a date spelled in a file path: `2014-01-21`, `20140121`, `2014/01/21` or `2014_01_21`.
pub fn date_from_path(path: &str) -> Option<NaiveDate> {
    let digits: Vec<(usize, char)> = path.char_indices().collect();
    // Slide over the path looking for YYYY sep? MM sep? DD with the separators consistent.
    for start in 0..digits.len() {
        if start > 0 && digits[start - 1].1.is_ascii_digit() {
            continue;
        }
        let rest: String = digits[start..].iter().map(|&(_, c)| c).take(10).collect();
        for (sep_len, total) in [(1usize, 10usize), (0, 8)] {
            if rest.chars().count() < total {
                continue;
            }
            let chars: Vec<char> = rest.chars().take(total).collect();
            let year: String = chars[0..4].iter().collect();
            let month: String = chars[4 + sep_len..6 + sep_len].iter().collect();
            let day: String = chars[6 + 2 * sep_len..8 + 2 * sep_len].iter().collect();
            if sep_len == 1 {
                let (a, b) = (chars[4], chars[7]);
                if a != b || !matches!(a, '-' | '/' | '_' | '.') {
                    continue;
                }
            }
            let followed_by_digit = digits
                .get(start + total)
                .is_some_and(|&(_, c)| c.is_ascii_digit());
            if followed_by_digit {
                continue;
            }
            if let (Ok(y), Ok(m), Ok(d)) = (year.parse(), month.parse(), day.parse())
                && (1900..=2100).contains(&y)
                && let Some(date) = NaiveDate::from_ymd_opt(y, m, d)
            {
                return Some(date);
            }
        }
    }
    None
}

/// The year given alone as a path component (`archive/2014/jan/x.txt`).
pub fn year_from_path(path: &str) -> Option<i32> {
    path.split(['/', '\\'])
        .filter_map(|part| part.parse::<i32>().ok())
        .find(|year| (1900..=2100).contains(year))
}

/// Weekday names, lower case, as stories name the day of the news (`said on Thursday`).
const WEEKDAYS: [(&str, Weekday); 7] = [
    ("monday", Weekday::Mon),
    ("tuesday", Weekday::Tue),
    ("wednesday", Weekday::Wed),
    ("thursday", Weekday::Thu),
    ("friday", Weekday::Fri),
    ("saturday", Weekday::Sat),
    ("sunday", Weekday::Sun),
];

/// The weekday a wire story names for its own day: the first weekday mentioned in its opening
/// paragraph (`... told a news conference here on Tuesday`).
pub fn weekday_in(lead: &str) -> Option<Weekday> {
    lead.split(|c: char| !c.is_alphabetic())
        .find_map(|word| {
            WEEKDAYS
                .iter()
                .find(|(name, _)| name.eq_ignore_ascii_case(word))
        })
        .map(|&(_, day)| day)
}

/// Four-digit years from 1900 to 2100 that the text mentions.
pub fn years_mentioned(text: &str) -> Vec<i32> {
    let mut years: Vec<i32> = text
        .split(|c: char| !c.is_ascii_digit())
        .filter(|w| w.len() == 4)
        .filter_map(|w| w.parse().ok())
        .filter(|y| (1900..=2100).contains(y))
        .collect();
    years.sort_unstable();
    years.dedup();
    years
}

/// Infers the year of a dateline's `month`/`day` from the text: the weekday of the story's day
/// must match, and the year must lie within a year before to three years after one the story
/// mentions (a January story "reviewing the results of 2013"; a story recalling talks "in 2014").
/// Weekdays repeat every five to eleven years, so at most one year usually survives; only a
/// single surviving candidate is an answer.
pub fn infer_year(month: u32, day: u32, weekday: Option<Weekday>, years: &[i32]) -> Option<i32> {
    let weekday = weekday?;
    let mut candidates: Vec<i32> = years
        .iter()
        .flat_map(|&y| (y - 1)..=(y + 3))
        .filter(|&y| NaiveDate::from_ymd_opt(y, month, day).is_some_and(|d| d.weekday() == weekday))
        .collect();
    candidates.sort_unstable();
    candidates.dedup();
    match candidates.as_slice() {
        [year] => Some(*year),
        _ => None,
    }
}

/// Puts the dateline's month and day in the year of a nearby reference date (from metadata or a
/// path): a December dateline on a story filed on 2 January belongs to the year before.
pub fn with_year_near(month: u32, day: u32, reference: NaiveDate) -> Option<NaiveDate> {
    [reference.year(), reference.year() - 1, reference.year() + 1]
        .into_iter()
        .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
        .min_by_key(|d| (*d - reference).num_days().abs())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn metadata_date_forms() {
        let cases = [
            ("2024-12-26 21:09:18", Some(ymd(2024, 12, 26))),
            ("2021-03-04T10:00:00Z", Some(ymd(2021, 3, 4))),
            ("2021-03-04T10:00:00+03:00", Some(ymd(2021, 3, 4))),
            ("2019-05-14", Some(ymd(2019, 5, 14))),
            ("26-FEB-1987 15:01:01.79", Some(ymd(1987, 2, 26))),
            ("19-OCT-1987 10:00:00.00", Some(ymd(1987, 10, 19))),
            ("2019-05-14T10:32", Some(ymd(2019, 5, 14))),
            ("Tue, 21 Jan 2014 10:00:00 +0000", Some(ymd(2014, 1, 21))),
            ("December 31, 2017", Some(ymd(2017, 12, 31))),
            ("yesterday", None),
        ];
        for (input, expected) in cases {
            assert_eq!(parse_metadata_date(input), expected, "input {input:?}");
        }
    }

    #[test]
    fn dates_in_paths() {
        let cases = [
            ("corpus/tass/2014-01-21-visit.txt", Some(ymd(2014, 1, 21))),
            ("a/2014/01/21/x.txt", Some(ymd(2014, 1, 21))),
            ("a/20140121.txt", Some(ymd(2014, 1, 21))),
            ("a/2014-01_21.txt", None),
            ("a/12014-01-21.txt", None),
            ("a/x.txt", None),
        ];
        for (input, expected) in cases {
            assert_eq!(date_from_path(input), expected, "input {input:?}");
        }
        assert_eq!(year_from_path("archive/2014/jan/x.txt"), Some(2014));
    }

    #[test]
    fn year_is_inferred_from_weekday_and_mentioned_years() {
        // 21 January was a Tuesday in 2014; the story reviews 2013.
        assert_eq!(infer_year(1, 21, Some(Weekday::Tue), &[2013]), Some(2014));
        assert_eq!(infer_year(1, 21, None, &[2013]), None, "no weekday");
        assert_eq!(infer_year(1, 21, Some(Weekday::Tue), &[]), None, "no years");
        assert_eq!(
            infer_year(1, 21, Some(Weekday::Fri), &[2013]),
            None,
            "no year from 2012 to 2016 has 21 January on a Friday"
        );
    }

    #[test]
    fn weekday_is_read_from_the_lead() {
        assert_eq!(
            weekday_in("told a news conference here on Tuesday."),
            Some(Weekday::Tue)
        );
        assert_eq!(weekday_in("no day here"), None);
    }

    #[test]
    fn december_dateline_filed_in_january_is_last_year() {
        assert_eq!(
            with_year_near(12, 31, ymd(2015, 1, 2)),
            Some(ymd(2014, 12, 31))
        );
        assert_eq!(
            with_year_near(1, 21, ymd(2014, 1, 21)),
            Some(ymd(2014, 1, 21))
        );
    }
}
