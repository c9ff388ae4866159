//! The wire gold (`lab/gold/wire/`): real Reuters-21578 and BBC News articles that the team
//! annotated, scored per corpus and overall. The gold files hold byte offsets into the raw corpus
//! files and labels only; this module reads the spans back from the corpus, parses the same
//! article with wiredex's own readers (what `wiredex parse` does) and compares. It owns the
//! matching rules; it must not change what wiredex extracts.
//!
//! How each gold entry becomes text and an article:
//! - **BBC**: the file is read and parsed as `wiredex parse` does (`wiredex::parse_file`).
//! - **Reuters-21578**: a `.sgm` file holds about a thousand records and the SGML reader numbers
//!   them by position, not by `NEWID`; the `<REUTERS ... NEWID="n">...</REUTERS>` element is cut
//!   out of the file and read alone as Reuters SGML (the same reader, one record). The gold
//!   offsets still point into the whole file, where the gold text is read from.
//! - **Gold text** of the headline and each quotation: the raw bytes `[start, end)` (UTF-8, else
//!   Latin-1), with SGML entities decoded for Reuters (`&lt;`, `&#3;`) and whitespace collapsed.
//!
//! The rules:
//! - **Headline, dateline, agency**: equal after [`normal`] (case, spacing and edge punctuation
//!   ignored). **Date**: equal as `YYYY-MM-DD`. A null gold value is right only when wiredex gives
//!   none too. An article wiredex does not produce counts as wrong in every field.
//! - **People**: matched one to one, case-insensitively and with periods dropped; a found name
//!   matches a gold name when the two are equal, or else when both have at least two words, the
//!   surnames (last words) are equal and the first words share their first letter (`George W.
//!   Bush` and `George Bush`, `J. Baker` and `James Baker`). Equal names are paired first.
//! - **Quotes**: matched one to one with [`quotes_match`], first the pairs equal after [`normal`],
//!   then the rest in text order (so a repeated short quote does not take a longer one's gold).
//! - **Speakers**, on matched quotes only: names are compared lower case, periods dropped, spaces
//!   collapsed, a leading `the` ignored. A found speaker is right when equal to the gold one, or
//!   - for a gold **person**: the surnames (last words, after `Mr`/`Mrs`/`Ms`/`Dr`) are equal and
//!     the given names are compatible: either side gives none, or the first given names are equal
//!     or one is the other's initial (`Bush` and `George W Bush`; not `Laura Bush`);
//!   - for a gold **organisation**: one name contains the other as whole words (`Foreign Ministry`
//!     and `Russian Foreign Ministry`; also `the bank` and `Bank of England`, where the article
//!     says only `the bank`; not `Trade` and `Tradewinds Corp`);
//!   - for a **null** gold speaker (nobody, or a joint speaker): only when wiredex gives none.
//!
//!   Speaker accuracy is reported overall and by the gold's `kind` (person, organisation, none)
//!   and `cue` (how the quote's own sentence points at the speaker: name, pronoun, description,
//!   none).

use std::fmt;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::common::{f1, ratio};
use super::gold::{normal, quotes_match};
use wiredex::article::{self, Article};
use wiredex::source::{self, Format};
use wiredex::{Error, Result};

/// The corpora of the wire gold, in the order the table lists them; each is a folder of the gold.
pub const CORPORA: [&str; 2] = ["reuters21578", "bbc"];

/// Which part of the gold to score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Split {
    /// The development split: choose rules by its errors.
    Dev,
    /// The held-out split: for reporting only.
    Test,
    /// Both.
    All,
}

impl Split {
    fn admits(self, split: &str) -> bool {
        match self {
            Split::Dev => split == "dev",
            Split::Test => split == "test",
            Split::All => true,
        }
    }
    /// The split's name as the gold files write it.
    pub fn name(self) -> &'static str {
        match self {
            Split::Dev => "dev",
            Split::Test => "test",
            Split::All => "all",
        }
    }
}

/// A byte range of the corpus file.
#[derive(Debug, Clone, Copy, Deserialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

/// Who a gold speaker is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A person.
    Person,
    /// An institution: a company, ministry, party, newspaper, report.
    Organisation,
}

/// How the quote's own sentence points at its speaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Cue {
    /// A name of the speaker stands in the sentence.
    Name,
    /// `he`, `she`, `it`, `they`.
    Pronoun,
    /// `the minister`, `the company`, `a spokesman`.
    Description,
    /// No attribution in the sentence.
    None,
}

/// A gold quotation: where it is and who said it.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldQuote {
    /// Byte range of the quoted words in the corpus file.
    #[serde(flatten)]
    pub span: Span,
    /// The speaker by the fullest name the article gives, or null.
    pub speaker: Option<String>,
    /// Person or organisation; null with a null speaker.
    pub kind: Option<Kind>,
    /// How the quote's sentence points at the speaker.
    pub cue: Cue,
}

/// One gold file of `lab/gold/wire/<corpus>/`.
#[derive(Debug, Clone, Deserialize)]
pub struct WireGold {
    /// The article's id (`reut2-003-3456`, `bbc-business-064`).
    pub id: String,
    /// `reuters21578` or `bbc`.
    pub corpus: String,
    /// The corpus file, relative to the corpora folder.
    pub path: PathBuf,
    /// The Reuters record's `NEWID`.
    #[serde(default)]
    pub newid: Option<u32>,
    /// `dev` or `test`.
    pub split: String,
    /// Byte range of the headline.
    pub headline: Span,
    /// Dateline place, or null.
    pub dateline: Option<String>,
    /// Date, `YYYY-MM-DD`, or null.
    pub date: Option<String>,
    /// Agency, or null.
    pub agency: Option<String>,
    /// Every person mentioned, by the fullest name.
    pub people: Vec<String>,
    /// Every quotation, in text order.
    pub quotes: Vec<GoldQuote>,
}

/// Right answers out of those counted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Count {
    /// Right.
    pub right: usize,
    /// Counted.
    pub total: usize,
}

impl Count {
    fn add(&mut self, right: bool) {
        self.right += usize::from(right);
        self.total += 1;
    }
    fn merge(&mut self, other: Count) {
        self.right += other.right;
        self.total += other.total;
    }
    /// `right / total`, 1 when nothing was counted.
    pub fn rate(self) -> f64 {
        ratio(self.right, self.total)
    }
}

/// The speaker categories of the table, by the gold's kind and cue.
const SPEAKER_ROWS: [&str; 7] = [
    "person",
    "organisation",
    "no speaker",
    "cue name",
    "cue pronoun",
    "cue description",
    "cue none",
];

/// Scores over one corpus (or all).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tally {
    /// Articles scored.
    pub articles: usize,
    /// Headline, dateline, date and agency, each over the articles.
    pub headline: Count,
    /// Dateline places.
    pub dateline: Count,
    /// Dates.
    pub date: Count,
    /// Agencies.
    pub agency: Count,
    /// Found people that match a gold person.
    pub people_right: usize,
    /// People found.
    pub people_found: usize,
    /// People in the gold.
    pub people_gold: usize,
    /// Found quotes that match a gold quote.
    pub quotes_right: usize,
    /// Quotes found.
    pub quotes_found: usize,
    /// Quotes in the gold.
    pub quotes_gold: usize,
    /// Speakers right on matched quotes, overall.
    pub speaker: Count,
    /// ... by category, in the table's order: gold kind person, organisation, none; cue name, pronoun,
    /// description, none.
    pub speaker_by: [Count; 7],
    /// The question a user asks, "all quotes by X": gold quotes that have a speaker.
    pub by_speaker_gold: usize,
    /// ... found quotes that have a speaker (each is an answer to "all quotes by" it).
    pub by_speaker_found: usize,
    /// ... found quotes that match a gold quote and its speaker: right answers.
    pub by_speaker_right: usize,
    /// One line per error, for `--show`.
    pub errors: Vec<String>,
}

impl Tally {
    /// People precision.
    pub fn people_precision(&self) -> f64 {
        ratio(self.people_right, self.people_found)
    }
    /// People recall.
    pub fn people_recall(&self) -> f64 {
        ratio(self.people_right, self.people_gold)
    }
    /// People F1.
    pub fn people_f1(&self) -> f64 {
        f1(self.people_precision(), self.people_recall())
    }
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
        f1(self.quote_precision(), self.quote_recall())
    }
    /// "All quotes by X", over every X: the share of the answers that are X's quotes.
    pub fn by_speaker_precision(&self) -> f64 {
        ratio(self.by_speaker_right, self.by_speaker_found)
    }
    /// "All quotes by X", over every X: the share of X's quotes that are answered.
    pub fn by_speaker_recall(&self) -> f64 {
        ratio(self.by_speaker_right, self.by_speaker_gold)
    }

    fn merge(&mut self, other: &Tally) {
        self.articles += other.articles;
        for (a, b) in [
            (&mut self.headline, other.headline),
            (&mut self.dateline, other.dateline),
            (&mut self.date, other.date),
            (&mut self.agency, other.agency),
            (&mut self.speaker, other.speaker),
        ] {
            a.merge(b);
        }
        for (a, b) in self.speaker_by.iter_mut().zip(other.speaker_by) {
            a.merge(b);
        }
        self.people_right += other.people_right;
        self.people_found += other.people_found;
        self.people_gold += other.people_gold;
        self.quotes_right += other.quotes_right;
        self.quotes_found += other.quotes_found;
        self.quotes_gold += other.quotes_gold;
        self.by_speaker_gold += other.by_speaker_gold;
        self.by_speaker_found += other.by_speaker_found;
        self.by_speaker_right += other.by_speaker_right;
        self.errors.extend(other.errors.iter().cloned());
    }
}

/// The scores of a split: one [`Tally`] per corpus, in [`CORPORA`] order.
#[derive(Debug, Clone, PartialEq)]
pub struct WireScores {
    /// The split scored.
    pub split: Split,
    /// Each corpus with its tally.
    pub corpora: Vec<(String, Tally)>,
}

impl WireScores {
    /// All corpora together.
    pub fn overall(&self) -> Tally {
        let mut all = Tally::default();
        for (_, tally) in &self.corpora {
            all.merge(tally);
        }
        all
    }
    /// The tally of one corpus.
    pub fn corpus(&self, name: &str) -> Option<&Tally> {
        self.corpora.iter().find(|(n, _)| n == name).map(|(_, t)| t)
    }
    /// Every error, corpus by corpus.
    pub fn errors(&self) -> impl Iterator<Item = &String> {
        self.corpora.iter().flat_map(|(_, t)| &t.errors)
    }
}

const LABEL: usize = 18;
const CELL: usize = 22;

fn pct(count: Count) -> String {
    format!(
        "{:5.1}% ({}/{})",
        count.rate() * 100.0,
        count.right,
        count.total
    )
}

impl fmt::Display for WireScores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let all = self.overall();
        let mut columns: Vec<(&str, &Tally)> =
            self.corpora.iter().map(|(n, t)| (n.as_str(), t)).collect();
        columns.push(("all", &all));
        // Cells are padded to line up; the last is not, so no line ends in spaces.
        let row = |f: &mut fmt::Formatter<'_>, label: &str, cell: &dyn Fn(&Tally) -> String| {
            let mut line = format!("{label:<LABEL$}");
            for (_, tally) in &columns {
                line.push_str(&format!("{:<CELL$}", cell(tally)));
            }
            writeln!(f, "{}", line.trim_end())
        };
        writeln!(f, "{:<LABEL$}{}", "split", self.split.name())?;
        let mut header = format!("{:<LABEL$}", "");
        for (name, _) in &columns {
            header.push_str(&format!("{name:<CELL$}"));
        }
        writeln!(f, "{}", header.trim_end())?;
        row(f, "articles", &|t| t.articles.to_string())?;
        row(f, "headline", &|t| pct(t.headline))?;
        row(f, "dateline", &|t| pct(t.dateline))?;
        row(f, "date", &|t| pct(t.date))?;
        row(f, "agency", &|t| pct(t.agency))?;
        let of = |right, total| Count { right, total };
        row(f, "people P", &|t| pct(of(t.people_right, t.people_found)))?;
        row(f, "people R", &|t| pct(of(t.people_right, t.people_gold)))?;
        row(f, "people F1", &|t| {
            format!("{:5.1}%", t.people_f1() * 100.0)
        })?;
        row(f, "quotes P", &|t| pct(of(t.quotes_right, t.quotes_found)))?;
        row(f, "quotes R", &|t| pct(of(t.quotes_right, t.quotes_gold)))?;
        row(f, "quotes F1", &|t| {
            format!("{:5.1}%", t.quote_f1() * 100.0)
        })?;
        row(f, "speaker", &|t| pct(t.speaker))?;
        for (i, name) in SPEAKER_ROWS.iter().enumerate() {
            row(f, &format!("  {name}"), &|t| pct(t.speaker_by[i]))?;
        }
        row(f, "quotes by X P", &|t| {
            pct(of(t.by_speaker_right, t.by_speaker_found))
        })?;
        row(f, "quotes by X R", &|t| {
            pct(of(t.by_speaker_right, t.by_speaker_gold))
        })?;
        Ok(())
    }
}

/// A name as compared: lower case, periods dropped, curly apostrophes straight, spaces
/// collapsed, edge punctuation trimmed.
fn name_key(name: &str) -> String {
    let plain: String = name
        .chars()
        .filter(|&c| c != '.')
        .map(|c| if c == '’' { '\'' } else { c })
        .collect();
    normal(&plain)
}

fn without_the(key: &str) -> &str {
    key.strip_prefix("the ").unwrap_or(key)
}

/// Whether a found person's name is a gold one: equal, or the same surname with the same first
/// initial (both with at least two words).
pub fn people_match(found: &str, gold: &str) -> bool {
    let (found, gold) = (name_key(found), name_key(gold));
    if found == gold {
        return true;
    }
    let (f, g): (Vec<&str>, Vec<&str>) = (
        found.split_whitespace().collect(),
        gold.split_whitespace().collect(),
    );
    f.len() >= 2
        && g.len() >= 2
        && f.last() == g.last()
        && f[0].chars().next() == g[0].chars().next()
}

const HONORIFICS: &[&str] = &["mr", "mrs", "ms", "miss", "dr"];

fn given_names_compatible(a: &[&str], b: &[&str]) -> bool {
    match (a.first(), b.first()) {
        (Some(x), Some(y)) => {
            let initial_of = |i: &str, name: &str| i.chars().count() == 1 && name.starts_with(i);
            x == y || initial_of(x, y) || initial_of(y, x)
        }
        _ => true,
    }
}

fn persons_match(found: &str, gold: &str) -> bool {
    let words = |key: &str| -> Vec<String> {
        key.split_whitespace()
            .skip_while(|w| HONORIFICS.contains(w))
            .map(str::to_string)
            .collect()
    };
    let (f, g) = (words(found), words(gold));
    let (Some((fs, fg)), Some((gs, gg))) = (f.split_last(), g.split_last()) else {
        return false;
    };
    let fg: Vec<&str> = fg.iter().map(String::as_str).collect();
    let gg: Vec<&str> = gg.iter().map(String::as_str).collect();
    fs == gs && given_names_compatible(&fg, &gg)
}

fn contains_words(hay: &str, needle: &str) -> bool {
    !needle.is_empty() && format!(" {hay} ").contains(&format!(" {needle} "))
}

/// Whether wiredex's speaker is the gold speaker of a quote (the rules in the module doc).
pub fn speaker_matches(found: Option<&str>, gold: Option<&str>, kind: Option<Kind>) -> bool {
    let (found, gold) = match (found, gold) {
        (None, None) => return true,
        (Some(f), Some(g)) => (name_key(f), name_key(g)),
        _ => return false,
    };
    let (found, gold) = (without_the(&found), without_the(&gold));
    if found == gold {
        return true;
    }
    match kind {
        Some(Kind::Person) => persons_match(found, gold),
        Some(Kind::Organisation) => contains_words(found, gold) || contains_words(gold, found),
        None => false,
    }
}

/// Pairs found items with gold items one to one: first pairs that `exact` accepts, then pairs
/// that `near` accepts, each pass in order. Returns, for each found item, its gold index.
fn pair<F, G>(
    found: &[F],
    gold: &[G],
    exact: impl Fn(&F, &G) -> bool,
    near: impl Fn(&F, &G) -> bool,
) -> Vec<Option<usize>> {
    let mut used = vec![false; gold.len()];
    let mut pairs = vec![None; found.len()];
    for test in [&exact as &dyn Fn(&F, &G) -> bool, &near] {
        for (i, f) in found.iter().enumerate() {
            if pairs[i].is_some() {
                continue;
            }
            if let Some(j) = (0..gold.len()).find(|&j| !used[j] && test(f, &gold[j])) {
                used[j] = true;
                pairs[i] = Some(j);
            }
        }
    }
    pairs
}

/// A gold article with its spans read from the corpus.
#[derive(Debug, Clone)]
pub struct Expected {
    /// The gold file.
    pub gold: WireGold,
    /// The headline's text.
    pub headline: String,
    /// Each quote's text, in the gold's order.
    pub quotes: Vec<String>,
}

fn decode(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_string(),
        Err(_) => bytes.iter().map(|&b| char::from(b)).collect(),
    }
}

fn invalid(path: &Path, why: String) -> Error {
    Error::Io {
        path: path.to_path_buf(),
        reason: std::io::Error::new(std::io::ErrorKind::InvalidData, why),
    }
}

impl Expected {
    /// Reads the gold's spans from the corpus file `file`, whose bytes are `raw`.
    pub fn read(gold: WireGold, file: &Path, raw: &[u8]) -> Result<Expected> {
        let reuters = gold.corpus == "reuters21578";
        let text = |span: Span, what: &str| -> Result<String> {
            let bytes = raw.get(span.start..span.end).ok_or_else(|| {
                invalid(
                    file,
                    format!(
                        "{} {what}: bytes {}..{} are outside the file ({} bytes)",
                        gold.id,
                        span.start,
                        span.end,
                        raw.len()
                    ),
                )
            })?;
            let text = decode(bytes);
            let text = if reuters {
                source::sgml_entities(&text)
            } else {
                text
            };
            Ok(text.split_whitespace().collect::<Vec<_>>().join(" "))
        };
        let headline = text(gold.headline, "headline")?;
        let quotes = gold
            .quotes
            .iter()
            .enumerate()
            .map(|(i, q)| text(q.span, &format!("quote {}", i + 1)))
            .collect::<Result<_>>()?;
        Ok(Expected {
            gold,
            headline,
            quotes,
        })
    }
}

/// The `<REUTERS ... NEWID="n">...</REUTERS>` element of an SGML file.
fn reuters_record(raw: &[u8], newid: u32) -> Option<&[u8]> {
    let key = format!("NEWID=\"{newid}\"");
    let mut from = 0;
    let find = |hay: &[u8], needle: &[u8]| hay.windows(needle.len()).position(|w| w == needle);
    while let Some(at) = find(&raw[from..], b"<REUTERS") {
        let start = from + at;
        let tag_end = start + find(&raw[start..], b">")?;
        let end = find(&raw[start..], b"</REUTERS>").map(|e| start + e + "</REUTERS>".len())?;
        if find(&raw[start..tag_end], key.as_bytes()).is_some() {
            return Some(&raw[start..end]);
        }
        from = end;
    }
    None
}

/// wiredex's article for a gold entry, read from `raw` (the bytes of `file`) the way `wiredex
/// parse` reads it; `Err` says why there is none.
pub fn parse_entry(
    gold: &WireGold,
    file: &Path,
    raw: &[u8],
) -> std::result::Result<Article, String> {
    let read = match gold.newid {
        Some(newid) => {
            let record = reuters_record(raw, newid)
                .ok_or_else(|| format!("no record NEWID=\"{newid}\" in the file"))?;
            source::read_bytes(file, Format::ReutersSgml, record)
        }
        None => source::read_any(file, raw),
    };
    let parsed = article::parse_read(read);
    let reasons: Vec<String> = parsed.skipped.iter().map(|s| s.reason.clone()).collect();
    parsed
        .articles
        .into_iter()
        .next()
        .ok_or_else(|| format!("no article ({})", reasons.join("; ")))
}

fn short(text: &str) -> String {
    let cut: String = text.chars().take(60).collect();
    if cut.len() < text.len() {
        format!("{cut}…")
    } else {
        cut
    }
}

fn same(found: Option<&str>, gold: Option<&str>) -> bool {
    found.map(normal) == gold.map(normal)
}

fn speaker_rows(quote: &GoldQuote) -> [usize; 2] {
    let kind = match quote.kind {
        Some(Kind::Person) => 0,
        Some(Kind::Organisation) => 1,
        None => 2,
    };
    let cue = match quote.cue {
        Cue::Name => 3,
        Cue::Pronoun => 4,
        Cue::Description => 5,
        Cue::None => 6,
    };
    [kind, cue]
}

fn label(kind: Option<Kind>, cue: Cue) -> String {
    let kind = match kind {
        Some(Kind::Person) => "person",
        Some(Kind::Organisation) => "organisation",
        None => "no speaker",
    };
    format!("{kind}, cue {}", format!("{cue:?}").to_lowercase())
}

/// Scores one article (`None`: wiredex gave none) against its gold, adding to `tally`.
pub fn score(article: Option<&Article>, expected: &Expected, tally: &mut Tally) {
    let gold = &expected.gold;
    let id = &gold.id;
    tally.articles += 1;
    let Some(article) = article else {
        for count in [
            &mut tally.headline,
            &mut tally.dateline,
            &mut tally.date,
            &mut tally.agency,
        ] {
            count.add(false);
        }
        tally.people_gold += gold.people.len();
        tally.quotes_gold += gold.quotes.len();
        tally.by_speaker_gold += gold.quotes.iter().filter(|q| q.speaker.is_some()).count();
        return;
    };
    let date = article.date.map(|d| d.to_string());
    let fields = [
        (
            "headline",
            &mut tally.headline,
            normal(&article.headline) == normal(&expected.headline),
            Some(article.headline.clone()),
            Some(expected.headline.clone()),
        ),
        (
            "dateline",
            &mut tally.dateline,
            same(article.dateline.as_deref(), gold.dateline.as_deref()),
            article.dateline.clone(),
            gold.dateline.clone(),
        ),
        (
            "date",
            &mut tally.date,
            date == gold.date,
            date.clone(),
            gold.date.clone(),
        ),
        (
            "agency",
            &mut tally.agency,
            same(article.agency.as_deref(), gold.agency.as_deref()),
            article.agency.clone(),
            gold.agency.clone(),
        ),
    ];
    for (name, count, right, found, want) in fields {
        count.add(right);
        if !right {
            tally
                .errors
                .push(format!("{id} {name}: got {found:?}, want {want:?}"));
        }
    }

    let found: Vec<&str> = article.people.iter().map(|p| p.name.as_str()).collect();
    let pairs = pair(
        &found,
        &gold.people,
        |f, g| name_key(f) == name_key(g),
        |f, g| people_match(f, g),
    );
    tally.people_found += found.len();
    tally.people_gold += gold.people.len();
    for (name, paired) in found.iter().zip(&pairs) {
        match paired {
            Some(_) => tally.people_right += 1,
            None => tally
                .errors
                .push(format!("{id} person not in gold: {name}")),
        }
    }
    for (j, name) in gold.people.iter().enumerate() {
        if !pairs.contains(&Some(j)) {
            tally.errors.push(format!("{id} person missed: {name}"));
        }
    }

    let pairs = pair(
        &article.quotes,
        &expected.quotes,
        |q, g| normal(&q.text) == normal(g),
        |q, g| quotes_match(&q.text, g),
    );
    tally.quotes_found += article.quotes.len();
    tally.quotes_gold += gold.quotes.len();
    tally.by_speaker_found += article
        .quotes
        .iter()
        .filter(|q| q.speaker.is_some())
        .count();
    tally.by_speaker_gold += gold.quotes.iter().filter(|q| q.speaker.is_some()).count();
    for (quote, paired) in article.quotes.iter().zip(&pairs) {
        let Some(j) = *paired else {
            tally.errors.push(format!(
                "{id} quote not in gold: {:?} (speaker {:?})",
                short(&quote.text),
                quote.speaker
            ));
            continue;
        };
        tally.quotes_right += 1;
        let want = &gold.quotes[j];
        let right = speaker_matches(quote.speaker.as_deref(), want.speaker.as_deref(), want.kind);
        tally.speaker.add(right);
        tally.by_speaker_right += usize::from(right && quote.speaker.is_some());
        for row in speaker_rows(want) {
            tally.speaker_by[row].add(right);
        }
        if !right {
            tally.errors.push(format!(
                "{id} speaker of {:?}: got {:?}, want {:?} ({})",
                short(&quote.text),
                quote.speaker,
                want.speaker,
                label(want.kind, want.cue)
            ));
        }
    }
    for (j, text) in expected.quotes.iter().enumerate() {
        if !pairs.contains(&Some(j)) {
            let want = &gold.quotes[j];
            tally.errors.push(format!(
                "{id} quote missed: {:?} (speaker {:?}, {})",
                short(text),
                want.speaker,
                label(want.kind, want.cue)
            ));
        }
    }
}

/// Scores the gold files of `split` in `gold_dir` (`<corpus>/*.json` for each of [`CORPORA`]),
/// whose paths are relative to `corpora`.
pub fn score_dir(gold_dir: &Path, corpora: &Path, split: Split) -> Result<WireScores> {
    let io = |path: &Path, reason| Error::Io {
        path: path.to_path_buf(),
        reason,
    };
    let mut scores = WireScores {
        split,
        corpora: Vec::new(),
    };
    for corpus in CORPORA {
        let mut tally = Tally::default();
        for path in super::common::files_with_extension(&gold_dir.join(corpus), "json")? {
            let text = std::fs::read_to_string(&path).map_err(|e| io(&path, e))?;
            let gold: WireGold = serde_json::from_str(&text)
                .map_err(|e| invalid(&path, format!("not a wire gold file: {e}")))?;
            if gold.corpus != corpus {
                return Err(invalid(
                    &path,
                    format!("corpus {:?} in the folder of {corpus}", gold.corpus),
                ));
            }
            if !split.admits(&gold.split) {
                continue;
            }
            let file = corpora.join(&gold.path);
            let raw = std::fs::read(&file).map_err(|e| io(&file, e))?;
            let article = parse_entry(&gold, &file, &raw);
            let expected = Expected::read(gold, &file, &raw)?;
            if let Err(why) = &article {
                tally
                    .errors
                    .push(format!("{} not parsed: {why}", expected.gold.id));
            }
            score(article.as_ref().ok(), &expected, &mut tally);
        }
        scores.corpora.push((corpus.to_string(), tally));
    }
    Ok(scores)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn people_match_by_name_or_surname_and_initial() {
        let cases = [
            ("James Baker", "James Baker", true),
            ("JAMES BAKER", "James Baker", true),
            ("George W. Bush", "George Bush", true),
            ("J. Baker", "James Baker", true),
            ("Laura Bush", "George Bush", false),
            ("Baker", "James Baker", false),
            ("Reagan", "Reagan", true),
        ];
        for (found, gold, expected) in cases {
            assert_eq!(people_match(found, gold), expected, "{found} / {gold}");
        }
    }

    #[test]
    fn speakers_match_by_the_rule_of_their_kind() {
        use Kind::{Organisation, Person};
        let cases = [
            (Some("Anna Berg"), Some("Anna Berg"), Some(Person), true),
            (Some("Berg"), Some("Anna Berg"), Some(Person), true),
            (Some("A. Berg"), Some("Anna Berg"), Some(Person), true),
            (Some("Mr Berg"), Some("Anna Berg"), Some(Person), true),
            (Some("Paul Berg"), Some("Anna Berg"), Some(Person), false),
            (Some("Anna Varga"), Some("Anna Berg"), Some(Person), false),
            (
                Some("Foreign Ministry"),
                Some("Russian Foreign Ministry"),
                Some(Organisation),
                true,
            ),
            (
                Some("the Treasury"),
                Some("U.S. Treasury"),
                Some(Organisation),
                true,
            ),
            (
                Some("The Daily Courier"),
                Some("Daily Courier"),
                Some(Organisation),
                true,
            ),
            (
                Some("Ministry"),
                Some("Ministry of Trade"),
                Some(Organisation),
                true,
            ),
            (
                Some("Trade"),
                Some("Tradewinds Corp"),
                Some(Organisation),
                false,
            ),
            // Containment is for institutions only.
            (Some("Berg"), Some("Anna Berg Corp"), Some(Person), false),
            (None, None, None, true),
            (Some("Anna Berg"), None, None, false),
            (None, Some("Anna Berg"), Some(Person), false),
        ];
        for (found, gold, kind, expected) in cases {
            assert_eq!(
                speaker_matches(found, gold, kind),
                expected,
                "{found:?} / {gold:?} ({kind:?})"
            );
        }
    }

    #[test]
    fn pairing_takes_exact_pairs_before_near_ones() {
        let found = ["ab", "abc"];
        let gold = ["abc", "ab"];
        let pairs = pair(&found, &gold, |f, g| f == g, |f, g| g.starts_with(f));
        assert_eq!(pairs, [Some(1), Some(0)]);
    }

    #[test]
    fn a_reuters_record_is_cut_out_by_its_newid() {
        let file = b"<REUTERS NEWID=\"1\">a</REUTERS>\n<REUTERS NEWID=\"12\">b</REUTERS>\n<REUTERS NEWID=\"2\">c</REUTERS>";
        let record = |n| reuters_record(file, n).map(|r| String::from_utf8_lossy(r).into_owned());
        assert_eq!(
            record(2).as_deref(),
            Some("<REUTERS NEWID=\"2\">c</REUTERS>")
        );
        assert_eq!(
            record(12).as_deref(),
            Some("<REUTERS NEWID=\"12\">b</REUTERS>")
        );
        assert_eq!(record(3), None);
    }

    /// A Reuters file of two fictional records and a BBC-style text, with gold files pointing
    /// into them, written to a temporary folder; returns (gold folder, corpora folder).
    fn synthetic(dir: &Path) -> (PathBuf, PathBuf) {
        let corpora = dir.join("corpora");
        let gold = dir.join("gold");
        for d in [
            corpora.join("reuters21578"),
            corpora.join("bbc-news-2225/business"),
            gold.join("reuters21578"),
            gold.join("bbc"),
        ] {
            std::fs::create_dir_all(d).unwrap();
        }
        let sgm = "<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n\
<REUTERS NEWID=\"5\">\n<DATE>26-FEB-1987 15:01:01.79</DATE>\n<TEXT>\n<TITLE>OTHER RECORD</TITLE>\n<DATELINE>    PARIS, Feb 26 - </DATELINE><BODY>Nothing here.\n Reuter\n&#3;</BODY></TEXT>\n</REUTERS>\n\
<REUTERS NEWID=\"9\">\n<DATE>2-MAR-1987 10:00:00.00</DATE>\n<TEXT>\n<TITLE>VALDORIA &lt;VBK&gt; SEES GROWTH</TITLE>\n<DATELINE>    MANAMA, March 2 - </DATELINE><BODY>Valdoria Bank chairman Omar Haddad said\nprofit would rise. \"We expect a good year &amp; more,\" Haddad said.\n    \"Costs are under control,\" the bank said in a statement.\n Reuter\n&#3;</BODY></TEXT>\n</REUTERS>\n";
        std::fs::write(corpora.join("reuters21578/reut2-000.sgm"), sgm).unwrap();
        let txt = "Tradewinds profit falls\n\nTradewinds Corp said profits fell. \"It was a hard year for us,\" chief executive Lena Moor said.\n";
        std::fs::write(corpora.join("bbc-news-2225/business/001.txt"), txt).unwrap();
        let span = |hay: &str, s: &str| {
            let at = hay.find(s).unwrap();
            serde_json::json!({"start": at, "end": at + s.len()})
        };
        let quote = |hay: &str, s: &str, speaker: &str, kind: &str, cue: &str| {
            let mut q = span(hay, s);
            q["speaker"] = speaker.into();
            q["kind"] = kind.into();
            q["cue"] = cue.into();
            q
        };
        let reuters = serde_json::json!({
            "id": "reut2-000-9", "corpus": "reuters21578", "path": "reuters21578/reut2-000.sgm",
            "newid": 9, "split": "dev",
            "headline": span(sgm, "VALDORIA &lt;VBK&gt; SEES GROWTH"),
            "dateline": "Manama", "date": "1987-03-02", "agency": "Reuters",
            "people": ["Omar Haddad"],
            "quotes": [
                quote(sgm, "We expect a good year &amp; more,", "Omar Haddad", "person", "name"),
                quote(sgm, "Costs are under control,", "Valdoria Bank", "organisation", "description"),
            ],
        });
        let bbc = serde_json::json!({
            "id": "bbc-business-001", "corpus": "bbc", "path": "bbc-news-2225/business/001.txt",
            "split": "test",
            "headline": span(txt, "Tradewinds profit falls"),
            "dateline": null, "date": null, "agency": null,
            "people": ["Lena Moor"],
            "quotes": [quote(txt, "It was a hard year for us,", "Lena Moor", "person", "name")],
        });
        std::fs::write(
            gold.join("reuters21578/reut2-000-9.json"),
            reuters.to_string(),
        )
        .unwrap();
        std::fs::write(gold.join("bbc/bbc-business-001.json"), bbc.to_string()).unwrap();
        (gold, corpora)
    }

    #[test]
    fn gold_spans_are_read_with_entities_decoded() {
        let dir = tempfile::tempdir().unwrap();
        let (gold, corpora) = synthetic(dir.path());
        let text = std::fs::read_to_string(gold.join("reuters21578/reut2-000-9.json")).unwrap();
        let entry: WireGold = serde_json::from_str(&text).unwrap();
        let file = corpora.join(&entry.path);
        let raw = std::fs::read(&file).unwrap();
        let article = parse_entry(&entry, &file, &raw).unwrap();
        assert_eq!(article.headline, "VALDORIA <VBK> SEES GROWTH");
        let expected = Expected::read(entry, &file, &raw).unwrap();
        assert_eq!(expected.headline, "VALDORIA <VBK> SEES GROWTH");
        assert_eq!(expected.quotes[0], "We expect a good year & more,");
    }

    #[test]
    fn a_synthetic_gold_is_scored_per_split_and_corpus() {
        let dir = tempfile::tempdir().unwrap();
        let (gold, corpora) = synthetic(dir.path());
        let dev = score_dir(&gold, &corpora, Split::Dev).unwrap();
        let reuters = dev.corpus("reuters21578").unwrap();
        assert_eq!(reuters.articles, 1);
        assert_eq!(dev.corpus("bbc").unwrap().articles, 0);
        assert_eq!(
            (
                reuters.headline.right,
                reuters.dateline.right,
                reuters.date.right,
                reuters.agency.right
            ),
            (1, 1, 1, 1),
            "{:?}",
            reuters.errors
        );
        assert_eq!(reuters.quotes_gold, 2);
        assert_eq!(
            reuters.speaker_by[0].total + reuters.speaker_by[1].total,
            reuters.quotes_right
        );
        // "All quotes by X": both gold quotes have a speaker; an answer is right when its
        // quote and speaker both are.
        assert_eq!(reuters.by_speaker_gold, 2);
        assert_eq!(
            reuters.by_speaker_found, reuters.quotes_found,
            "every quote here has a speaker"
        );
        assert_eq!(reuters.by_speaker_right, reuters.speaker.right);
        let all = score_dir(&gold, &corpora, Split::All).unwrap();
        assert_eq!(all.overall().articles, 2);
        assert_eq!(all.overall().quotes_gold, 3);
        let bbc = all.corpus("bbc").unwrap();
        assert_eq!(
            (bbc.headline.right, bbc.dateline.right, bbc.date.right),
            (1, 1, 1),
            "{:?}",
            bbc.errors
        );
        let table = all.to_string();
        let header: Vec<&str> = table.lines().nth(1).unwrap().split_whitespace().collect();
        assert_eq!(header, ["reuters21578", "bbc", "all"]);
        let articles: Vec<&str> = table.lines().nth(2).unwrap().split_whitespace().collect();
        assert_eq!(articles, ["articles", "1", "1", "2"]);
    }

    #[test]
    fn a_missing_corpus_file_or_a_misfiled_gold_file_is_an_error_naming_it() {
        let dir = tempfile::tempdir().unwrap();
        let (gold, corpora) = synthetic(dir.path());
        let article = corpora.join("bbc-news-2225/business/001.txt");
        let text = std::fs::read(&article).unwrap();
        std::fs::remove_file(&article).unwrap();
        let err = score_dir(&gold, &corpora, Split::All)
            .unwrap_err()
            .to_string();
        assert!(err.starts_with(&article.display().to_string()), "{err}");
        std::fs::write(&article, text).unwrap();
        std::fs::rename(
            gold.join("reuters21578/reut2-000-9.json"),
            gold.join("bbc/reut2-000-9.json"),
        )
        .unwrap();
        let err = score_dir(&gold, &corpora, Split::All)
            .unwrap_err()
            .to_string();
        assert!(
            err.ends_with("reut2-000-9.json: corpus \"reuters21578\" in the folder of bbc"),
            "{err}"
        );
    }

    #[test]
    fn a_gold_file_pointing_past_its_corpus_file_is_an_error_naming_both() {
        let dir = tempfile::tempdir().unwrap();
        let (gold, corpora) = synthetic(dir.path());
        let path = gold.join("bbc/bbc-business-001.json");
        let text = std::fs::read_to_string(&path).unwrap();
        let mut entry: serde_json::Value = serde_json::from_str(&text).unwrap();
        entry["headline"]["end"] = 100_000.into();
        std::fs::write(&path, entry.to_string()).unwrap();
        let err = score_dir(&gold, &corpora, Split::All)
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("001.txt")
                && err.contains("bbc-business-001 headline: bytes 0..100000 are outside the file"),
            "{err}"
        );
    }
}
