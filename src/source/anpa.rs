//! ANPA 1312 and IPTC 7901 wire text (AP, dpa, Kyodo): messages framed by control characters,
//! SOH (header: service codes and slug), STX (the text), ETX (trailer: filing time), EOT. The
//! text opens with header lines (ANPA marks them with `^`; IPTC 7901 puts them before the first
//! blank or indented line): slug, editorial notes, headline, byline. Paragraphs open at a blank
//! line or an indented line. Several messages in one file are several records.

use std::path::Path;

use super::raw::{FileArticles, RawArticle, Skipped};

const SOH: char = '\u{1}';
const STX: char = '\u{2}';
const ETX: char = '\u{3}';

/// Reads every message of an ANPA / IPTC 7901 file.
pub(super) fn read(path: &Path, text: &str) -> FileArticles {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let messages: Vec<&str> = if text.contains(SOH) {
        text.split(SOH)
            .filter(|m| {
                m.contains(STX)
                    || m.trim_matches(|c: char| c.is_whitespace() || c.is_control())
                        .len()
                        > 40
            })
            .collect()
    } else {
        vec![text.as_str()]
    };
    let mut out = FileArticles::default();
    for (record, message) in messages.iter().enumerate() {
        match message_article(path, message) {
            Some(mut article) => {
                article.record = record;
                out.articles.push(article);
            }
            None => out.skipped.push(Skipped {
                path: path.to_path_buf(),
                reason: if messages.len() > 1 {
                    format!("message {record}: no story text between STX and ETX")
                } else {
                    "no story text between STX and ETX".to_string()
                },
            }),
        }
    }
    if messages.is_empty() {
        return FileArticles::skip(path, "no wire message (no SOH/STX framing with text)");
    }
    out
}

fn message_article(path: &Path, message: &str) -> Option<RawArticle> {
    let (header, rest) = match message.split_once(STX) {
        Some((header, rest)) => (header, rest),
        None => message.split_once('\n').unwrap_or(("", message)),
    };
    let (content, trailer) = rest.split_once(ETX).unwrap_or((rest, ""));
    let clean = |s: &str| -> String {
        s.chars()
            .filter(|c| !c.is_control() || *c == '\n' || *c == '\t')
            .collect()
    };
    let content = clean(content);
    let trailer = clean(trailer);
    let lines: Vec<&str> = content.lines().collect();
    let anpa = lines
        .iter()
        .find(|l| !l.trim().is_empty())
        .is_some_and(|l| l.trim_start().starts_with('^'));
    let mut start = 0;
    let mut header_lines = Vec::new();
    while let Some(line) = lines.get(start) {
        let ends_header = if anpa {
            !line.trim_start().starts_with('^') && !line.trim().is_empty()
        } else {
            line.trim().is_empty() || line.starts_with([' ', '\t'])
        };
        if ends_header {
            break;
        }
        if !line.trim().is_empty() {
            header_lines.push(line.trim().trim_start_matches('^').trim());
        }
        start += 1;
    }
    let mut headline = None;
    let mut byline = None;
    let mut extra = Vec::new();
    for line in header_lines {
        let line = line.trim_start_matches(|c: char| {
            c == '*' || c.is_ascii_digit() || c == '<' || c == ' ' || c == '^'
        });
        let bare = line.trim_end_matches(['<', '=', '+', ' ']).trim();
        if bare.is_empty() || is_slug(bare) || is_note(bare) {
            continue;
        }
        if bare.starts_with("By ") || bare.starts_with("BY ") {
            byline.get_or_insert_with(|| bare.to_string());
        } else if anpa && byline.is_some() && line.trim_end().ends_with('=') {
            // `^Associated Press=`: the byline's second line.
        } else if headline.is_none() {
            headline = Some(bare.to_string());
        } else {
            extra.push(bare.to_string());
        }
    }
    let mut paragraphs = body_paragraphs(&lines[start..]);
    if paragraphs.is_empty() {
        // A list of headlines (`AP Top Entertainment News`) is all header lines.
        paragraphs = extra;
    }
    if paragraphs.is_empty() {
        return None;
    }
    if headline.is_none() {
        // A one-paragraph news alert: the alert's words are its headline.
        let first = &paragraphs[0];
        let words = first
            .split_once(" _ ")
            .or_else(|| first.split_once(" - "))
            .map_or(first.as_str(), |(_, words)| words);
        headline = Some(words.trim().to_string());
    }
    Some(RawArticle {
        path: path.to_path_buf(),
        headline,
        paragraphs,
        published: trailer_date(&trailer),
        agency: agency(header, &trailer),
        byline,
        ..RawArticle::default()
    })
}

/// `BC-US--Ethanol-Losing Grassland, 1st Ld-Writethru,1140`, `AP-Top-Entertainment-Headlines`.
fn is_slug(line: &str) -> bool {
    line.starts_with("BC-") || line.starts_with("AP-")
}

/// Editorial notes: `Eds: ...`, `AP Photo XNP101`, `REFILE`, `1ST LEAD`, `EXTRA`.
fn is_note(line: &str) -> bool {
    line.starts_with("Eds:")
        || line.starts_with("AP Photo")
        || (line.len() < 30 && !line.chars().any(char::is_lowercase))
}

fn body_paragraphs(lines: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    for line in lines {
        let trimmed = line.trim();
        // Trailers: dpa's notebook for editors, Kyodo's sign-off, AP's filing stamp.
        if trimmed.starts_with("# ") || trimmed.starts_with("==") || trimmed.starts_with("AP-WF-") {
            break;
        }
        let opens = trimmed.is_empty() || line.starts_with(['\t', ' ']);
        if opens && !current.is_empty() {
            out.push(std::mem::take(&mut current));
        }
        if !trimmed.is_empty() && trimmed != "* * * *" {
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(trimmed);
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// The date an end-of-item trailer gives, as `YYYY-MM-DD`: AP's `AP-WF-11-13-13 1509GMT`
/// (month, day, year), dpa's `131137 GMT Nov 13` (day, hour and minute, month, year; `GMT` is
/// sometimes missing and the month is German on some desks: `071341 GMT Okt 15`) or Kyodo's
/// `KWS-21:37-09-12-18` (time, then day, month, year). The feed stamps the item when it moves,
/// so this is the story's date when its dateline gives none.
pub(super) fn trailer_date(trailer: &str) -> Option<String> {
    ap_trailer_date(trailer)
        .or_else(|| trailer.lines().find_map(dpa_trailer_date))
        .or_else(|| trailer.lines().find_map(kyodo_trailer_date))
}

fn ap_trailer_date(trailer: &str) -> Option<String> {
    let at = trailer.find("AP-WF-")? + "AP-WF-".len();
    let stamp = trailer.get(at..at + 8)?;
    let parts: Vec<u32> = stamp.split('-').filter_map(|p| p.parse().ok()).collect();
    match parts[..] {
        [m, d, y] => ymd(y, m, d),
        _ => None,
    }
}

/// `DDHHMM GMT Mon YY` alone on its line.
fn dpa_trailer_date(line: &str) -> Option<String> {
    let words: Vec<&str> = line.split_whitespace().collect();
    let (stamp, month, year) = match words[..] {
        [stamp, gmt, month, year] if gmt.eq_ignore_ascii_case("GMT") => (stamp, month, year),
        [stamp, month, year] => (stamp, month, year),
        _ => return None,
    };
    let two_digits = |s: &str| s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit());
    if stamp.len() != 6 || !stamp.bytes().all(|b| b.is_ascii_digit()) || !two_digits(year) {
        return None;
    }
    let (hour, minute) = (
        stamp[2..4].parse::<u32>().ok()?,
        stamp[4..6].parse::<u32>().ok()?,
    );
    if hour > 23 || minute > 59 {
        return None;
    }
    ymd(
        year.parse().ok()?,
        month_number(month)?,
        stamp[..2].parse().ok()?,
    )
}

/// `KWS-21:37-09-12-18`: a desk code, the time, then day, month and two-digit year.
fn kyodo_trailer_date(line: &str) -> Option<String> {
    let line = line.trim();
    let (_, rest) = line.split_once('-')?;
    let (time, date) = rest.split_once('-')?;
    let (hour, minute) = time.split_once(':')?;
    let parts: Vec<&str> = date.split('-').collect();
    let numbers = |parts: &[&str]| {
        parts
            .iter()
            .all(|p| p.len() == 2 && p.bytes().all(|b| b.is_ascii_digit()))
    };
    if !numbers(&[hour, minute]) || parts.len() != 3 || !numbers(&parts) {
        return None;
    }
    let n = |s: &str| s.parse::<u32>().ok();
    if n(hour)? > 23 || n(minute)? > 59 {
        return None;
    }
    let (first, second, year) = (n(parts[0])?, n(parts[1])?, n(parts[2])?);
    ymd(year, second, first).or_else(|| ymd(year, first, second))
}

/// A two-digit year's date as `YYYY-MM-DD`; `None` for an impossible day.
fn ymd(year: u32, month: u32, day: u32) -> Option<String> {
    let year = if year < 70 { 2000 + year } else { 1900 + year };
    let date = chrono::NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)?;
    Some(date.format("%Y-%m-%d").to_string())
}

/// A month's English or German abbreviation or name (`Nov`, `Okt`, `Mär`, `Dez`).
fn month_number(word: &str) -> Option<u32> {
    const MONTHS: [&[&str]; 12] = [
        &["jan", "jän"],
        &["feb"],
        &["mar", "mär", "mrz"],
        &["apr"],
        &["may", "mai"],
        &["jun"],
        &["jul"],
        &["aug"],
        &["sep"],
        &["oct", "okt"],
        &["nov"],
        &["dec", "dez"],
    ];
    let word = word.trim_end_matches('.').to_lowercase();
    let head: String = word.chars().take(3).collect();
    if word.chars().count() < 3 || !word.chars().all(char::is_alphabetic) {
        return None;
    }
    let at = MONTHS
        .iter()
        .position(|names| names.contains(&head.as_str()))?;
    u32::try_from(at + 1).ok()
}

/// The agency code of the header or trailer: dpa's `dpa 061`, Kyodo's `KYODO`, AP's `AP-WF`.
fn agency(header: &str, trailer: &str) -> Option<String> {
    let header = header.to_ascii_lowercase();
    if header
        .split_whitespace()
        .any(|w| w == "dpa" || w.starts_with("dpa-"))
    {
        Some("dpa".into())
    } else if header.contains("kyodo") {
        Some("Kyodo".into())
    } else if trailer.contains("AP-WF-") {
        Some("AP".into())
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ANPA: &str = "\u{16}\u{16}\u{1}W2870\u{1f}asian\nf l\u{13}\u{11} BC-EU--Harbour-Fire     11-13 0420\n\u{2}^BC-EU--Harbour-Fire,420<\n^Fire closes Rotterdam harbour <\n^Eds: With AP Photos.<\n^By PIETER DAALMAN=\n^Associated Press=\n\t   ROTTERDAM, Netherlands (AP) _ A fire closed the harbour on Wednesday. \n \n\t   ``It was huge,'' said Mayor Joost Vermeer.\n\n\t   \u{3}AP-WF-11-13-13 1509GMT<\n\n\u{c}\n\u{4}";

    const IPTC: &str = "\u{1}eca062 4 i 211 ccccb   dpa 061\r\n\r\nNetherlands-politics/\r\n\u{2}1ST LEAD\nCoalition talks in The Hague could fail =\r\nBy Anna Kuiper, dpa =\r\n\r\n   The Hague (dpa) - Talks could fail, a senior member\r\nwarned Wednesday.\r\n\r\n   \"One cannot yet say,\" Kees Vos told dpa.\r\n\r\n# dpa NOTEBOOK\r\n\r\nnot for publication\r\n\u{3}131137 GMT Nov 13 \r\n\u{7f}\u{4}";

    #[test]
    fn wire_messages_give_headline_byline_body_and_date() {
        // (input, headline, byline, paragraphs, published, agency)
        let cases = [
            (
                ANPA,
                "Fire closes Rotterdam harbour",
                "By PIETER DAALMAN",
                2,
                Some("2013-11-13"),
                "AP",
            ),
            (
                IPTC,
                "Coalition talks in The Hague could fail",
                "By Anna Kuiper, dpa",
                2,
                Some("2013-11-13"),
                "dpa",
            ),
        ];
        for (input, headline, byline, count, published, agency) in cases {
            let read = read(Path::new("x.tst"), input);
            assert!(read.skipped.is_empty(), "{:?}", read.skipped);
            let a = &read.articles[0];
            assert_eq!(a.headline.as_deref(), Some(headline));
            assert_eq!(a.byline.as_deref(), Some(byline));
            assert_eq!(a.paragraphs.len(), count, "{:?}", a.paragraphs);
            assert_eq!(a.published.as_deref(), published);
            assert_eq!(a.agency.as_deref(), Some(agency));
        }
    }

    #[test]
    fn trailers_give_the_date_the_item_moved() {
        // (case, trailer, date)
        let cases = [
            (
                "AP filing stamp",
                "AP-WF-11-13-13 1509GMT",
                Some("2013-11-13"),
            ),
            ("dpa", "131137 GMT Nov 13 \n", Some("2013-11-13")),
            ("dpa without GMT", "211259 Nov 18", Some("2018-11-21")),
            ("dpa, German month", "071341 GMT Okt 15", Some("2015-10-07")),
            ("dpa, German March", "020930 GMT Mär 16", Some("2016-03-02")),
            (
                "dpa, full month name",
                "301405 GMT January 14",
                Some("2014-01-30"),
            ),
            ("Kyodo", "KWS-21:37-09-12-18", Some("2018-12-09")),
            (
                "Kyodo, month first",
                "KWS-08:05-04-25-19",
                Some("2019-04-25"),
            ),
            ("impossible day", "311405 GMT Nov 13", None),
            ("impossible hour", "302505 GMT Nov 13", None),
            ("not a month", "301405 GMT Foo 13", None),
            ("four-digit year", "301405 GMT Jan 2014", None),
            ("desk initials", "dpa wsz jln npr", None),
            ("a score", "Bayern 2-1 Dortmund", None),
            ("empty", "", None),
        ];
        for (case, trailer, date) in cases {
            assert_eq!(trailer_date(trailer).as_deref(), date, "{case}");
        }
    }

    #[test]
    fn truncated_and_garbled_messages_do_not_panic() {
        for input in [ANPA, IPTC] {
            for cut in (0..input.len()).filter(|&c| input.is_char_boundary(c)) {
                let _ = read(Path::new("x.tst"), &input[..cut]);
            }
        }
        let read = read(Path::new("x.tst"), "\u{1}header\u{2}\u{3}");
        assert_eq!(read.skipped[0].reason, "no story text between STX and ETX");
    }
}
