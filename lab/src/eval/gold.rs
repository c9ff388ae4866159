//! Scoring extraction against our hand-made gold (`tests/gold/`): per-field accuracy, people
//! precision and recall, quote precision/recall/F1 and speaker accuracy.

use std::fmt;

use serde::Deserialize;

use std::path::Path;

use super::common::ratio;
use wiredex::article::Article;
use wiredex::{Error, Result};

/// What a careful reader extracts from one article (the files in `tests/gold/`).
#[derive(Debug, Clone, Deserialize)]
pub struct Gold {
    /// The article's file, relative to the project root.
    pub file: String,
    /// Its position in a multi-article file.
    #[serde(default)]
    pub record: usize,
    /// Expected headline.
    pub headline: String,
    /// Expected deck.
    pub deck: Option<String>,
    /// Expected dateline place.
    pub dateline: Option<String>,
    /// Expected date, `YYYY-MM-DD`.
    pub date: Option<String>,
    /// Expected agency.
    pub agency: Option<String>,
    /// Expected people, by canonical name.
    pub people: Vec<String>,
    /// Expected quotations in order.
    pub quotes: Vec<GoldQuote>,
}

/// An expected quotation.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldQuote {
    /// The quoted words.
    pub text: String,
    /// The speaker's canonical name, or null.
    pub speaker: Option<String>,
}

/// Counts of right answers over a gold set.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Scores {
    /// Articles scored.
    pub articles: usize,
    /// Right headlines.
    pub headline: usize,
    /// Right decks.
    pub deck: usize,
    /// Right dateline places.
    pub dateline: usize,
    /// Right dates.
    pub date: usize,
    /// Right agencies.
    pub agency: usize,
    /// People found that are in the gold.
    pub people_right: usize,
    /// People found.
    pub people_found: usize,
    /// People in the gold.
    pub people_gold: usize,
    /// Quotes found that match a gold quote.
    pub quotes_right: usize,
    /// Quotes found.
    pub quotes_found: usize,
    /// Quotes in the gold.
    pub quotes_gold: usize,
    /// Matched quotes whose speaker is right (null counts when the gold is null too).
    pub speakers_right: usize,
    /// Each error, for `--show`.
    pub errors: Vec<String>,
}

impl Scores {
    /// Quote precision.
    pub fn quote_precision(&self) -> f64 {
        ratio(self.quotes_right, self.quotes_found)
    }
    /// Quote recall.
    pub fn quote_recall(&self) -> f64 {
        ratio(self.quotes_right, self.quotes_gold)
    }
    /// Quote F1.
    pub fn quote_f1(&self) -> f64 {
        super::common::f1(self.quote_precision(), self.quote_recall())
    }
    /// Speaker accuracy over matched quotes.
    pub fn speaker_accuracy(&self) -> f64 {
        ratio(self.speakers_right, self.quotes_right)
    }
    /// Accuracy of a per-article field count.
    pub fn field(&self, right: usize) -> f64 {
        ratio(right, self.articles)
    }
}

impl fmt::Display for Scores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let pct = |x: f64| x * 100.0;
        writeln!(f, "articles          {}", self.articles)?;
        for (name, right) in [
            ("headline", self.headline),
            ("deck", self.deck),
            ("dateline", self.dateline),
            ("date", self.date),
            ("agency", self.agency),
        ] {
            writeln!(
                f,
                "{name:<17} {:5.1}%  ({right}/{})",
                pct(self.field(right)),
                self.articles
            )?;
        }
        writeln!(
            f,
            "people            P {:5.1}%  R {:5.1}%",
            pct(ratio(self.people_right, self.people_found)),
            pct(ratio(self.people_right, self.people_gold))
        )?;
        writeln!(
            f,
            "quotes            P {:5.1}%  R {:5.1}%  F1 {:5.1}%  ({} gold, {} found)",
            pct(self.quote_precision()),
            pct(self.quote_recall()),
            pct(self.quote_f1()),
            self.quotes_gold,
            self.quotes_found
        )?;
        write!(
            f,
            "speaker accuracy  {:5.1}%  ({}/{})",
            pct(self.speaker_accuracy()),
            self.speakers_right,
            self.quotes_right
        )
    }
}

/// Text compared without edge punctuation, case or spacing differences.
pub fn normal(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Two quote texts match when equal after normalising, or when their words overlap by at least
/// 80% of the longer (a mark placed one word off is a boundary slip, not a miss).
pub fn quotes_match(a: &str, b: &str) -> bool {
    if normal(a) == normal(b) {
        return true;
    }
    let (wa, wb) = (words(a), words(b));
    let longer = wa.len().max(wb.len());
    if longer == 0 {
        return false;
    }
    let mut pool = wb.clone();
    let mut common = 0;
    for w in &wa {
        if let Some(i) = pool.iter().position(|x| x == w) {
            pool.swap_remove(i);
            common += 1;
        }
    }
    common * 5 >= longer * 4
}

fn same(a: Option<&str>, b: Option<&str>) -> bool {
    a.map(normal) == b.map(normal)
}

/// Scores one article against its gold, adding to `scores`.
pub fn score(article: &Article, gold: &Gold, scores: &mut Scores) {
    let mut check = |name: &str, ok: bool, got: String, want: String| {
        if !ok {
            scores
                .errors
                .push(format!("{} {name}: got {got}, want {want}", gold.file));
        }
        usize::from(ok)
    };
    let date = article.date.map(|d| d.to_string());
    let h = check(
        "headline",
        normal(&article.headline) == normal(&gold.headline),
        format!("{:?}", article.headline),
        format!("{:?}", gold.headline),
    );
    let d = check(
        "deck",
        same(article.deck.as_deref(), gold.deck.as_deref()),
        format!("{:?}", article.deck),
        format!("{:?}", gold.deck),
    );
    let p = check(
        "dateline",
        same(article.dateline.as_deref(), gold.dateline.as_deref()),
        format!("{:?}", article.dateline),
        format!("{:?}", gold.dateline),
    );
    let t = check(
        "date",
        date == gold.date,
        format!("{date:?}"),
        format!("{:?}", gold.date),
    );
    let a = check(
        "agency",
        same(article.agency.as_deref(), gold.agency.as_deref()),
        format!("{:?}", article.agency),
        format!("{:?}", gold.agency),
    );
    scores.articles += 1;
    scores.headline += h;
    scores.deck += d;
    scores.dateline += p;
    scores.date += t;
    scores.agency += a;

    let found: Vec<String> = article.people.iter().map(|p| normal(&p.name)).collect();
    let wanted: Vec<String> = gold.people.iter().map(|p| normal(p)).collect();
    scores.people_found += found.len();
    scores.people_gold += wanted.len();
    for name in &found {
        if wanted.contains(name) {
            scores.people_right += 1;
        } else {
            scores
                .errors
                .push(format!("{} person not in gold: {name}", gold.file));
        }
    }
    for name in wanted.iter().filter(|n| !found.contains(n)) {
        scores
            .errors
            .push(format!("{} person missed: {name}", gold.file));
    }

    scores.quotes_found += article.quotes.len();
    scores.quotes_gold += gold.quotes.len();
    let mut used = vec![false; gold.quotes.len()];
    for quote in &article.quotes {
        let matched = (0..gold.quotes.len())
            .find(|&i| !used[i] && quotes_match(&quote.text, &gold.quotes[i].text));
        match matched {
            Some(i) => {
                used[i] = true;
                scores.quotes_right += 1;
                if same(quote.speaker.as_deref(), gold.quotes[i].speaker.as_deref()) {
                    scores.speakers_right += 1;
                } else {
                    scores.errors.push(format!(
                        "{} speaker of {:?}: got {:?}, want {:?}",
                        gold.file,
                        short(&quote.text),
                        quote.speaker,
                        gold.quotes[i].speaker
                    ));
                }
            }
            None => scores.errors.push(format!(
                "{} quote not in gold: {:?}",
                gold.file,
                short(&quote.text)
            )),
        }
    }
    for (i, quote) in gold.quotes.iter().enumerate() {
        if !used[i] {
            scores.errors.push(format!(
                "{} quote missed: {:?}",
                gold.file,
                short(&quote.text)
            ));
        }
    }
}

/// Scores every gold file (`*.json`) in `dir`; each names its article's file relative to `root`.
pub fn score_dir(dir: &Path, root: &Path) -> Result<Scores> {
    let io = |path: &Path, reason| Error::Io {
        path: path.to_path_buf(),
        reason,
    };
    let paths = super::common::files_with_extension(dir, "json")?;
    let mut scores = Scores::default();
    for path in paths {
        let text = std::fs::read_to_string(&path).map_err(|e| io(&path, e))?;
        let gold: Gold = serde_json::from_str(&text).map_err(|e| Error::Io {
            path: path.clone(),
            reason: std::io::Error::new(std::io::ErrorKind::InvalidData, e),
        })?;
        let parsed = wiredex::parse_file(&root.join(&gold.file));
        match parsed.articles.iter().find(|a| a.record == gold.record) {
            Some(found) => score(found, &gold, &mut scores),
            None => scores
                .errors
                .push(format!("{} record {}: not parsed", gold.file, gold.record)),
        }
    }
    Ok(scores)
}

fn short(text: &str) -> String {
    let cut: String = text.chars().take(60).collect();
    if cut.len() < text.len() {
        format!("{cut}…")
    } else {
        cut
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quote_matching_tolerates_edge_punctuation_and_small_slips() {
        assert!(quotes_match("We agree,", "we agree"));
        assert!(quotes_match(
            "one two three four five six seven eight nine ten",
            "one two three four five six seven eight nine"
        ));
        assert!(!quotes_match("one two three", "four five six"));
    }
}
