//! Article extraction: pure text in, `Article` out. Splits the header (headline, deck) from the
//! body, reads the dateline, dates the story, finds the people and the quotations, and says who
//! spoke each quote. No I/O, no index, no printing: everything here is testable by the table.

/// People and quotes: who said each quote, in passes.
mod attribution;
/// Dates: from metadata, paths and datelines, and the year a dateline leaves out.
pub mod date;
/// The dateline that opens a story: place, date, agency.
pub mod dateline;
/// The headline, the deck and the navigation above them.
pub mod header;
/// Institutions: which one `the ministry` means, and names that are companies.
pub mod institution;
/// The language an article is written in.
pub mod lang;
/// The word lists behind the rules, loaded from `data/`.
pub mod lexicon;
/// People named in an article.
pub mod people;
/// Quotation spans in the text.
pub mod quotes;
/// Attribution frames and who their subjects mean.
pub mod speaker;
/// Tokens with byte offsets, and the token tests rules share.
pub mod tokens;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::source::RawArticle;
pub use attribution::{Person, Quote, SpeakerKind};
use date::DateSource;
use lexicon::{WordClass, word_list};

/// One article with every field wiredex extracts. This is the shape of `wiredex parse --json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Stable id: a hash of headline and body, so the same story indexed twice is one article.
    pub id: String,
    /// The file the article came from.
    pub path: String,
    /// Its position in a multi-article file (0 otherwise).
    pub record: usize,
    /// The headline.
    pub headline: String,
    /// The deck (sub-headline), if any.
    pub deck: Option<String>,
    /// The dateline's place in normal capitalisation (`Moscow`), if the story has a dateline.
    pub dateline: Option<String>,
    /// The region or country given with the place (`Leningrad Region`), if any.
    pub region: Option<String>,
    /// The story's date.
    pub date: Option<NaiveDate>,
    /// Where the date came from.
    pub date_source: Option<DateSource>,
    /// True when the year was inferred from the text rather than read.
    pub year_inferred: bool,
    /// The agency credited in the dateline (`ITAR-TASS`, `Reuters`, ...).
    pub agency: Option<String>,
    /// The language, an ISO 639-1 code (`ru`, `en`): the feed's declaration, else detected.
    #[serde(default)]
    pub lang: Option<String>,
    /// The article's address, when the source gives it.
    pub url: Option<String>,
    /// The byline, when the feed gives one (`By Manuel Schwarz, dpa`).
    #[serde(default)]
    pub byline: Option<String>,
    /// The people named, in order of first mention.
    pub people: Vec<Person>,
    /// The direct quotations, in order.
    pub quotes: Vec<Quote>,
    /// The story text without header and dateline; paragraphs separated by blank lines.
    pub body: String,
}

/// Why a raw article could not become an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotAnArticle(pub String);

/// A stable 64-bit FNV-1a hash, written as 16 hex digits (std's hasher may change between
/// releases, and ids are stored in indexes).
pub fn stable_id(parts: &[&str]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for byte in part.bytes().chain([0xff]) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{hash:016x}")
}

/// Parses a raw article into all its fields.
///
/// ```
/// use wiredex::{article, source::RawArticle};
/// let raw = RawArticle {
///     paragraphs: vec![
///         "Minister visits Tokyo".into(),
///         "TOKYO, March 3 (Reuters) - Foreign Minister Arkady Voronin arrived.".into(),
///         "“We came to talk,” Voronin said.".into(),
///     ],
///     ..RawArticle::default()
/// };
/// let article = article::parse(&raw).unwrap();
/// assert_eq!(article.dateline.as_deref(), Some("Tokyo"));
/// assert_eq!(article.quotes[0].speaker.as_deref(), Some("Arkady Voronin"));
/// ```
pub fn parse(raw: &RawArticle) -> Result<Article, NotAnArticle> {
    let (headline, deck, mut paragraphs) = match &raw.headline {
        Some(headline) => (headline.clone(), raw.deck.clone(), raw.paragraphs.clone()),
        None => {
            let header = header::split_header(&raw.paragraphs)
                .ok_or_else(|| NotAnArticle("no headline: only navigation lines".into()))?;
            let body = raw.paragraphs[header.body_start..].to_vec();
            (header.headline, header.deck, body)
        }
    };
    let headline = repair_apostrophes(&headline);
    let deck = deck.map(|deck| repair_apostrophes(&deck));
    for paragraph in &mut paragraphs {
        if paragraph.contains('?') {
            *paragraph = repair_apostrophes(paragraph);
        }
    }
    let dateline = paragraphs
        .first()
        .and_then(|first| dateline::parse_dateline(first));
    if let (Some(found), Some(first)) = (&dateline, paragraphs.first_mut()) {
        let rest = first.get(found.end..).unwrap_or("").trim().to_string();
        *first = rest;
    }
    paragraphs.retain(|p| !p.trim().is_empty());
    if paragraphs.is_empty() {
        return Err(NotAnArticle("no body text after the headline".into()));
    }
    let body = paragraphs.join("\n\n");
    let path = raw.path.to_string_lossy().to_string();
    let (date, date_source) = date_of(raw, dateline.as_ref(), &paragraphs, &body, &path);
    let (people, quotes) = attribution::people_and_quotes(&headline, deck.as_deref(), &paragraphs);
    let lang = lang::language(raw.lang.as_deref(), &headline, &body);
    Ok(Article {
        id: stable_id(&[&headline, &body]),
        path,
        record: raw.record,
        headline,
        deck,
        // The body's own dateline wins; a feed's metadata fills what the body does not say.
        dateline: dateline.as_ref().map(|d| d.place.clone()).or_else(|| {
            raw.dateline
                .as_deref()
                .filter(|p| !p.trim().is_empty())
                .map(dateline::normal_case_place)
        }),
        region: dateline.as_ref().and_then(|d| d.region.clone()),
        date,
        year_inferred: date_source == Some(DateSource::Inferred),
        date_source,
        agency: dateline.and_then(|d| d.agency).or_else(|| {
            raw.agency
                .as_deref()
                .filter(|a| !a.trim().is_empty())
                .map(dateline::canonical_agency)
        }),
        lang,
        byline: raw.byline.clone(),
        url: raw.url.clone(),
        people,
        quotes,
        body,
    })
}

/// `the EU?s decision`, `don?t`: feeds that lost the apostrophe write `?` in its place. A `?`
/// between a letter and the end of a contraction or possessive (`s`, `t`, `re`, `ll`, `ve`,
/// `d`, `m`) that ends the word is an apostrophe again; a question mark is followed by a space.
pub fn repair_apostrophes(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('?') {
        let (before, after) = rest.split_at(at);
        let after = &after[1..];
        let letter_before = before.chars().next_back().is_some_and(char::is_alphabetic);
        let suffix = after
            .find(|c: char| !c.is_alphanumeric())
            .map_or(after, |end| &after[..end]);
        let ends_word = after[suffix.len()..]
            .chars()
            .next()
            .is_none_or(|c| !matches!(c, '=' | '&' | '/' | '_'));
        let contraction = word_list(WordClass::ContractionSuffixes)
            .iter()
            .any(|s| suffix.eq_ignore_ascii_case(s));
        out.push_str(before);
        out.push(if letter_before && contraction && ends_word {
            '\''
        } else {
            '?'
        });
        rest = after;
    }
    out.push_str(rest);
    out
}

/// The story's date and where it came from: the dateline's date completed by the metadata,
/// the path or the weekday named in the lead; else the metadata's or the path's date.
fn date_of(
    raw: &RawArticle,
    dateline: Option<&dateline::Dateline>,
    paragraphs: &[String],
    body: &str,
    path: &str,
) -> (Option<NaiveDate>, Option<DateSource>) {
    let metadata = raw.published.as_deref().and_then(date::parse_metadata_date);
    let path_date = date::date_from_path(path);
    let (month, day, year) = dateline.map_or((None, None, None), |d| (d.month, d.day, d.year));
    if let (Some(m), Some(d)) = (month, day) {
        if let Some(found) = year.and_then(|y| NaiveDate::from_ymd_opt(y, m, d)) {
            return (Some(found), Some(DateSource::Dateline));
        }
        if let Some(found) = metadata.and_then(|r| date::with_year_near(m, d, r)) {
            return (Some(found), Some(DateSource::Metadata));
        }
        if let Some(found) = path_date.and_then(|r| date::with_year_near(m, d, r)) {
            return (Some(found), Some(DateSource::Path));
        }
        if let Some(found) =
            date::year_from_path(path).and_then(|y| NaiveDate::from_ymd_opt(y, m, d))
        {
            return (Some(found), Some(DateSource::Path));
        }
        // The story's weekday is named in its first paragraphs (`... said on Thursday`).
        let lead = paragraphs
            .iter()
            .take(2)
            .map(String::as_str)
            .collect::<Vec<_>>()
            .join(" ");
        let years = date::years_mentioned(body);
        if let Some(found) = date::infer_year(m, d, date::weekday_in(&lead), &years)
            .and_then(|y| NaiveDate::from_ymd_opt(y, m, d))
        {
            return (Some(found), Some(DateSource::Inferred));
        }
        return (None, None);
    }
    if let Some(found) = metadata {
        return (Some(found), Some(DateSource::Metadata));
    }
    if let Some(found) = path_date {
        return (Some(found), Some(DateSource::Path));
    }
    (None, None)
}

/// What reading and parsing one file produced.
#[derive(Debug, Default)]
pub struct ParsedFile {
    /// The articles.
    pub articles: Vec<Article>,
    /// Files or records that were not indexed, with reasons.
    pub skipped: Vec<crate::source::Skipped>,
    /// Notes that did not stop the file being read (an encoding guessed, bytes replaced).
    pub warnings: Vec<crate::source::Warning>,
}

/// Parses every raw article that reading a file produced, keeping its skips and warnings.
pub fn parse_read(read: crate::source::FileArticles) -> ParsedFile {
    let mut parsed = ParsedFile {
        skipped: read.skipped,
        warnings: read.warnings,
        ..ParsedFile::default()
    };
    for raw in &read.articles {
        parse_into(raw, &mut parsed);
    }
    parsed
}

/// Parses one raw article into `parsed`: its articles, or its skips with the reason.
pub fn parse_into(raw: &RawArticle, parsed: &mut ParsedFile) {
    match parse(raw) {
        Ok(article) => parsed.articles.push(article),
        Err(NotAnArticle(reason)) => parsed.skipped.push(crate::source::Skipped {
            path: raw.path.clone(),
            reason: if raw.record > 0 {
                format!("record {}: {reason}", raw.record)
            } else {
                reason
            },
        }),
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Each quote of the paragraphs (after a headline) with its speaker.
    /// The article parsed from a headline and these paragraphs.
    pub(crate) fn article_of(paragraphs: &[&str]) -> Article {
        let mut all = vec!["Headline".to_string()];
        all.extend(paragraphs.iter().map(|p| p.to_string()));
        let raw = RawArticle {
            paragraphs: all,
            ..RawArticle::default()
        };
        parse(&raw).expect("parses")
    }

    pub(crate) fn quotes_of(paragraphs: &[&str]) -> Vec<(String, Option<String>)> {
        article_of(paragraphs)
            .quotes
            .into_iter()
            .map(|q| (q.text, q.speaker))
            .collect()
    }

    /// Asserts the speakers of the paragraphs' quotes, in order.
    pub(crate) fn assert_speakers(paragraphs: &[&str], expected: &[Option<&str>]) {
        let quotes = quotes_of(paragraphs);
        let speakers: Vec<Option<&str>> = quotes.iter().map(|q| q.1.as_deref()).collect();
        assert_eq!(speakers, expected, "{quotes:?}");
    }

    #[test]
    fn question_marks_that_stand_for_apostrophes_are_apostrophes_again() {
        assert_eq!(
            repair_apostrophes("The EU?s decision? Russia?s reaction, and we don?t know."),
            "The EU's decision? Russia's reaction, and we don't know."
        );
        assert_eq!(
            repair_apostrophes("I?m sure they?ll go"),
            "I'm sure they'll go"
        );
        // Questions and addresses keep their marks.
        assert_eq!(repair_apostrophes("Why? So?"), "Why? So?");
        assert_eq!(repair_apostrophes("see page.php?s=1"), "see page.php?s=1");
        assert_eq!(repair_apostrophes("Is it? s"), "Is it? s");
    }
}
