//! Reuters-21578 as gold for the dateline parser: each `<REUTERS>` record's `<DATELINE>` says
//! where (the place part, as keyed) and its `<DATE>` says when. The wire text is rebuilt as
//! "DATELINE BODY" and parsed as any story would be.

use std::fmt;
use std::path::Path;

use chrono::{Datelike, NaiveDate};

use super::common::ratio;
use wiredex::article::date::parse_metadata_date;
use wiredex::article::dateline::parse_dateline;
use wiredex::{Error, Result};

/// Dateline scores over the records that have both a dateline and a body.
#[derive(Debug, Clone, Default)]
pub struct DatelineScores {
    /// Records scored.
    pub records: usize,
    /// Places right.
    pub place_right: usize,
    /// Records whose gold date could be read.
    pub dated: usize,
    /// Month and day equal to the record's `<DATE>`.
    pub date_exact: usize,
    /// Month and day within one day of it (datelines carry the local date, `<DATE>` is when the
    /// New York desk logged the story).
    pub date_near: usize,
    /// One line per error, for `--show`.
    pub errors: Vec<String>,
}

impl fmt::Display for DatelineScores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let pct = |a, b| ratio(a, b) * 100.0;
        writeln!(f, "records           {}", self.records)?;
        writeln!(
            f,
            "place             {:5.2}%  ({}/{})",
            pct(self.place_right, self.records),
            self.place_right,
            self.records
        )?;
        writeln!(
            f,
            "date within a day {:5.2}%  ({}/{})",
            pct(self.date_near, self.dated),
            self.date_near,
            self.dated
        )?;
        write!(
            f,
            "date exact        {:5.2}%  ({}/{})",
            pct(self.date_exact, self.dated),
            self.date_exact,
            self.dated
        )
    }
}

fn between<'a>(s: &'a str, open: &str, close: &str) -> Option<&'a str> {
    let a = s.find(open)? + open.len();
    let b = s.get(a..)?.find(close).map_or(s.len(), |b| a + b);
    s.get(a..b)
}

fn is_month(word: &str) -> bool {
    let word = word.trim_end_matches('.');
    NaiveDate::parse_from_str(&format!("{word} 1 2000"), "%b %d %Y").is_ok()
}

/// The place part of a Reuters-21578 dateline as the annotators keyed it: the text before the
/// first comma, bracket or dash, less a trailing `Month day`; empty when it has no place.
pub fn gold_place(dateline: &str) -> String {
    let t = dateline.trim().trim_start_matches('*');
    let cut = [t.find(','), t.find('('), t.find(" -"), t.find("--")]
        .into_iter()
        .flatten()
        .min()
        .unwrap_or(t.len());
    let mut words: Vec<&str> = t[..cut].split_whitespace().collect();
    let n = words.len();
    if n >= 1 && words[n - 1].chars().all(|c| c.is_ascii_digit()) {
        let month_before = n >= 2 && is_month(words[n - 2]);
        words.truncate(if month_before { n - 2 } else { n });
    }
    let place = words.join(" ");
    if place.chars().any(|c| c.is_ascii_digit()) || is_month(&place) {
        String::new()
    } else {
        place
    }
}

fn collapse_spaces(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Scores the dateline parser on every `.sgm` file in `dir`.
pub fn score_dir(dir: &Path) -> Result<DatelineScores> {
    let io = |path: &Path, reason| Error::Io {
        path: path.to_path_buf(),
        reason,
    };
    let files = super::common::files_with_extension(dir, "sgm")?;
    let mut scores = DatelineScores::default();
    for file in files {
        let bytes = std::fs::read(&file).map_err(|e| io(&file, e))?;
        score_records(&String::from_utf8_lossy(&bytes), &mut scores);
    }
    Ok(scores)
}

/// Scores the records of one SGML text.
pub fn score_records(text: &str, scores: &mut DatelineScores) {
    for record in text.split("<REUTERS").skip(1) {
        let (Some(dateline), Some(body), Some(date)) = (
            between(record, "<DATELINE>", "</DATELINE>"),
            between(record, "<BODY>", "</BODY>"),
            between(record, "<DATE>", "</DATE>"),
        ) else {
            continue;
        };
        let dateline = wiredex::source::sgml_entities(dateline);
        let wire = format!("{dateline} {}", wiredex::source::sgml_entities(body));
        let got = parse_dateline(&wire);
        scores.records += 1;
        let gold = gold_place(&dateline);
        let place_right = match &got {
            Some(d) => collapse_spaces(&d.place).eq_ignore_ascii_case(&gold),
            None => gold.is_empty(),
        };
        if place_right {
            scores.place_right += 1;
        } else {
            scores.errors.push(format!(
                "place of {:?}: got {:?}, want {gold:?}",
                dateline.trim(),
                got.as_ref().map(|d| &d.place)
            ));
        }
        let Some(gold_date) = parse_metadata_date(date) else {
            continue;
        };
        scores.dated += 1;
        let found = got
            .as_ref()
            .and_then(|d| Some((d.month?, d.day?)))
            .and_then(|(m, d)| wiredex::article::date::with_year_near(m, d, gold_date));
        match found {
            Some(day) if day == gold_date => {
                scores.date_exact += 1;
                scores.date_near += 1;
            }
            Some(day) if (day - gold_date).num_days().abs() <= 1 => scores.date_near += 1,
            _ => scores.errors.push(format!(
                "date of {:?}: got {:?}, want {:02}-{:02}",
                dateline.trim(),
                found.map(|d| (d.month(), d.day())),
                gold_date.month(),
                gold_date.day()
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gold_place_is_the_keyed_place_part() {
        let cases = [
            ("    SALVADOR, Feb 26 - ", "SALVADOR"),
            ("NEW YORK, March 3 -", "NEW YORK"),
            ("CHICAGO (Reuters) -", "CHICAGO"),
            ("MAR8 -- --", ""),
        ];
        for (input, expected) in cases {
            assert_eq!(gold_place(input), expected, "input {input:?}");
        }
    }

    #[test]
    fn records_are_scored_for_place_and_date() {
        let sgml = "<REUTERS><DATE>26-FEB-1987 15:01:01.79</DATE><TEXT><DATELINE>    SALVADOR, Feb 26 - </DATELINE><BODY>Showers continued &amp; more.</BODY></TEXT></REUTERS>";
        let mut scores = DatelineScores::default();
        score_records(sgml, &mut scores);
        assert_eq!(
            (scores.records, scores.place_right, scores.date_exact),
            (1, 1, 1)
        );
    }

    #[test]
    fn reuters21578_datelines_meet_the_targets() {
        let dir = Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../shared/corpora/reuters21578"
        ));
        if !dir.exists() {
            println!("skipping: ../shared/corpora/reuters21578 not found");
            return;
        }
        let scores = score_dir(dir).unwrap();
        println!("{scores}");
        assert!(scores.records > 19_000);
        assert!(
            ratio(scores.place_right, scores.records) >= 0.99,
            "{scores}"
        );
        assert!(ratio(scores.date_near, scores.dated) >= 0.99, "{scores}");
    }
}
