//! PolNeAR (Newell et al., LREC 2018) as gold for quotations and their speakers. Its brat
//! standoff files mark attributions as Source / Cue / Content spans by character offset. The
//! direct quotations are the quoted parts of Content spans; their speaker is the Source span.
//!
//! Speakers are scored where the gold names someone: a Source with a proper name is keyed by its
//! last capitalised word (`Mr. Obama` -> obama); a bare pronoun Source (`he`, `she`) takes the key
//! of the nearest earlier named Source whose gender, as the article shows it, fits the pronoun.
//! Other Sources (`sources`, `a spokesman`, `the campaign`, `the New York businessman`) are
//! counted as unscored, since the gold does not say who they are.

use std::fmt;
use std::path::{Path, PathBuf};

use super::common::ratio;
use super::gold::{normal, quotes_match};
use std::collections::HashMap;
use wiredex::article::{
    self, Article,
    lexicon::{Gender, Lexicon},
};
use wiredex::source::{self, Format};
use wiredex::{Error, Result};

/// Quote and speaker scores over one split.
#[derive(Debug, Clone, Default)]
pub struct QuoteScores {
    /// Articles scored.
    pub articles: usize,
    /// Gold direct quotations.
    pub gold: usize,
    /// Quotations found.
    pub found: usize,
    /// Found quotations that match a gold one.
    pub right: usize,
    /// Matched quotations whose gold speaker is known.
    pub speakers_scored: usize,
    /// ... of which ours is right.
    pub speakers_right: usize,
    /// Matched quotations whose gold source names nobody (`sources said`).
    pub speakers_unscored: usize,
    /// One line per error, for `--show`.
    pub errors: Vec<String>,
}

impl QuoteScores {
    /// Quote precision.
    pub fn precision(&self) -> f64 {
        ratio(self.right, self.found)
    }
    /// Quote recall.
    pub fn recall(&self) -> f64 {
        ratio(self.right, self.gold)
    }
    /// Quote F1.
    pub fn f1(&self) -> f64 {
        super::common::f1(self.precision(), self.recall())
    }
    /// Speaker accuracy over the scored quotes.
    pub fn speaker_accuracy(&self) -> f64 {
        ratio(self.speakers_right, self.speakers_scored)
    }
}

impl fmt::Display for QuoteScores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let pct = |x: f64| x * 100.0;
        writeln!(f, "articles          {}", self.articles)?;
        writeln!(
            f,
            "quotes            P {:5.1}%  R {:5.1}%  F1 {:5.1}%  ({} gold, {} found, {} matched)",
            pct(self.precision()),
            pct(self.recall()),
            pct(self.f1()),
            self.gold,
            self.found,
            self.right
        )?;
        write!(
            f,
            "speaker accuracy  {:5.1}%  ({}/{} scored; {} with an unnamed gold source)",
            pct(self.speaker_accuracy()),
            self.speakers_right,
            self.speakers_scored,
            self.speakers_unscored
        )
    }
}

/// A span of the text: byte ranges (brat allows discontinuous spans).
#[derive(Debug, Clone)]
struct Span {
    ranges: Vec<(usize, usize)>,
}

/// A gold direct quotation and who said it.
#[derive(Debug, Clone)]
struct GoldQuote {
    text: String,
    speaker_key: Option<String>,
    source: String,
}

const PRONOUNS: &[&str] = &["he", "she", "him", "her", "his"];
const NOT_NAMES: &[&str] = &[
    "the", "a", "an", "i", "we", "they", "it", "you", "who", "which",
];

fn char_to_byte(text: &str) -> Vec<usize> {
    let mut map: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
    map.push(text.len());
    map
}

fn parse_ann(ann: &str, text: &str) -> Vec<(Option<Span>, Vec<Span>)> {
    let bytes = char_to_byte(text);
    let to_byte = |c: usize| bytes.get(c).copied().unwrap_or(text.len());
    let mut spans = std::collections::HashMap::new();
    let mut relations = Vec::new();
    for line in ann.lines() {
        let mut fields = line.split('\t');
        let (Some(id), Some(head)) = (fields.next(), fields.next()) else {
            continue;
        };
        if id.starts_with('T') {
            let mut parts = head.splitn(2, ' ');
            parts.next(); // the span's kind; relations say what each span is
            let ranges = parts
                .next()
                .unwrap_or("")
                .split(';')
                .filter_map(|r| {
                    let (a, b) = r.trim().split_once(' ')?;
                    Some((to_byte(a.parse().ok()?), to_byte(b.parse().ok()?)))
                })
                .collect();
            spans.insert(id.to_string(), Span { ranges });
        } else if id.starts_with('E') {
            relations.push(head.to_string());
        }
    }
    relations
        .iter()
        .map(|relation| {
            let mut source = None;
            let mut contents = Vec::new();
            for arg in relation.split_whitespace() {
                let Some((role, id)) = arg.split_once(':') else {
                    continue;
                };
                let Some(span) = spans.get(id) else { continue };
                match role {
                    "Source" => source = Some(span.clone()),
                    "Content" => contents.push(span.clone()),
                    _ => {}
                }
            }
            (source, contents)
        })
        .collect()
}

/// The quoted parts of a content range: text between opening and closing marks, a mark left
/// open running to the range's end, and a closing mark without opener starting at its start.
fn quoted_parts(text: &str) -> Vec<String> {
    let mut parts = Vec::new();
    let mut open: Option<usize> = None;
    let mut skip = false;
    for (i, c) in text.char_indices() {
        if std::mem::take(&mut skip) {
            continue;
        }
        // The New York Times files of PolNeAR write quote marks as two apostrophes (`''...''`)
        // or TeX-like (``` ``...'' ```): a mark of two characters, read as one.
        let rest = &text[i..];
        let (c, len) = if rest.starts_with("''") {
            ('"', 2)
        } else if rest.starts_with("``") {
            ('“', 2)
        } else {
            (c, c.len_utf8())
        };
        skip = len == 2;
        // A quote left open at a paragraph's end is reopened at the next one's start (the
        // convention for quotes of several paragraphs): a straight mark there does not close it.
        let reopens = open.is_some() && text[..i].trim_end_matches([' ', '\t']).ends_with('\n');
        let is_open = matches!(c, '“' | '«') || (c == '"' && open.is_none());
        let is_close = matches!(c, '”' | '»') || (c == '"' && open.is_some() && !reopens);
        if is_open && open.is_none() {
            open = Some(i + len);
        } else if is_close {
            let start = open.take().unwrap_or(0);
            parts.push(text[start..i].to_string());
        }
    }
    if let Some(start) = open {
        parts.push(text[start..].to_string());
    }
    parts
        .into_iter()
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| p.chars().any(char::is_alphanumeric) && !is_title_of_thing(p))
        .collect()
}

/// A short quoted span in title case (`“The Apprentice”`, `“American Skin”`) names a thing;
/// it is not a quotation, in the gold as in our extraction.
fn is_title_of_thing(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    words.len() <= 5
        && words.iter().all(|w| {
            w.chars()
                .find(|c| c.is_alphanumeric())
                .is_some_and(|c| !c.is_lowercase())
        })
}

/// The key of a Source that names someone: its last capitalised word that is a name (not a
/// party, nationality, title or place), lower case. Parentheses (`(D-Mo.)`) are dropped.
fn name_key(source: &str) -> Option<String> {
    let lexicon = Lexicon::get();
    let mut plain = String::new();
    let mut depth = 0usize;
    for c in source.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => plain.push(c),
            _ => {}
        }
    }
    // Only the head of the phrase: before a comma (`Scott Pruitt, the attorney general`) and
    // before a preposition (`Gov. Earl Ray Tomblin of West Virginia`), unless all before the
    // preposition is a title (`Secretary of State John Kerry`); a possessive is a modifier, not
    // the head (`Obama's former strategist`).
    let head = plain.split(',').next().unwrap_or("");
    // `a New Hampshire Democrat`, `one GOP strategist`: an indefinite phrase names nobody.
    let opening = head.split_whitespace().next().unwrap_or("");
    if ["a", "an", "one", "A", "An", "One"].contains(&opening) {
        return None;
    }
    let mut segments: Vec<Vec<&str>> = vec![Vec::new()];
    for word in head.split_whitespace() {
        if ["of", "at", "for", "from", "in", "with", "on"].contains(&word) {
            segments.push(Vec::new());
        } else if let Some(segment) = segments.last_mut() {
            segment.push(word);
        }
    }
    for words in segments {
        // A phrase whose head is a common noun describes someone without naming them (`the New
        // York businessman`, `White House officials`, `a top Trump adviser`), like `a spokesman`.
        let last = words
            .last()
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()));
        if last.is_none_or(|w| w.chars().next().is_some_and(char::is_lowercase)) {
            return None;
        }
        let key = words
            .iter()
            .rev()
            .enumerate()
            .filter(|(i, w)| *i == 0 || !(w.ends_with("'s") || w.ends_with("’s")))
            .map(|(_, w)| {
                wiredex::article::tokens::strip_possessive(
                    w.trim_matches(|c: char| !c.is_alphanumeric()),
                )
            })
            .find(|w| {
                w.chars().next().is_some_and(char::is_uppercase)
                    && !NOT_NAMES.iter().any(|n| n.eq_ignore_ascii_case(w))
                    && !PRONOUNS.iter().any(|n| n.eq_ignore_ascii_case(w))
                    && !lexicon.is_not_name(w)
                    && lexicon.title_at(&[w]).is_none()
                    && lexicon.place(w).is_none()
            });
        if key.is_some() {
            return key.map(|w| lexicon.name_key(w));
        }
        // Only a phrase of titles goes on past its preposition.
        let all_titles = words.iter().all(|w| {
            let bare = w.trim_matches(|c: char| !c.is_alphanumeric());
            lexicon.title_at(&[bare]).is_some() || lexicon.title_at(&[w]).is_some()
        });
        if !all_titles {
            return None;
        }
    }
    None
}

fn pronoun_gender(pronoun: &str) -> Option<Gender> {
    match pronoun {
        "he" | "him" | "his" => Some(Gender::Male),
        "she" | "her" => Some(Gender::Female),
        _ => None,
    }
}

/// The gender of each name key as the article shows it: a given name or a gendered title right
/// before the name (`Hillary Clinton`, `Mrs. Clinton`, `John F. Kerry`). A key seen with both
/// (`Bill Clinton` and `Hillary Clinton`) is `None`: unknown.
fn genders_of_names(text: &str) -> HashMap<String, Option<Gender>> {
    let lexicon = Lexicon::get();
    let words: Vec<&str> = text
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '.'))
        .collect();
    let mut genders: HashMap<String, Option<Gender>> = HashMap::new();
    for (i, word) in words.iter().enumerate() {
        let bare = wiredex::article::tokens::strip_possessive(word.trim_end_matches('.'));
        if i == 0 || !bare.chars().next().is_some_and(char::is_uppercase) {
            continue;
        }
        // The word before, or the one before a middle initial (`John F. Kerry`).
        let before = |j: usize| {
            let w = words[j];
            lexicon
                .title_at(&[w])
                .and_then(|t| t.gender)
                .or_else(|| lexicon.given_name_gender(w))
        };
        let initial = |j: usize| words[j].trim_end_matches('.').chars().count() == 1;
        let gender =
            before(i - 1).or_else(|| (i >= 2 && initial(i - 1)).then(|| before(i - 2)).flatten());
        let Some(gender) = gender else { continue };
        let key = lexicon.name_key(bare);
        genders
            .entry(key)
            .and_modify(|g| {
                if *g != Some(gender) {
                    *g = None;
                }
            })
            .or_insert(Some(gender));
    }
    genders
}

fn gold_quotes(text: &str, ann: &str) -> Vec<GoldQuote> {
    let relations = parse_ann(ann, text);
    // Named sources in text order, to key pronoun sources by the nearest earlier one.
    let mut named: Vec<(usize, String)> = relations
        .iter()
        .filter_map(|(source, _)| {
            let source = source.as_ref()?;
            let &(start, end) = source.ranges.first()?;
            Some((start, name_key(text.get(start..end)?)?))
        })
        .collect();
    named.sort();
    let genders = genders_of_names(text);
    let mut quotes: Vec<GoldQuote> = Vec::new();
    // The document range of the Content piece each gold quote came from.
    let mut placed: Vec<(usize, usize)> = Vec::new();
    for (source, contents) in &relations {
        let (source_text, source_start) = match source.as_ref().and_then(|s| s.ranges.first()) {
            Some(&(a, b)) => (text.get(a..b).unwrap_or("").to_string(), a),
            None => (String::new(), usize::MAX),
        };
        let key = name_key(&source_text).or_else(|| {
            let bare = source_text.trim().to_lowercase();
            let gender = pronoun_gender(&bare)?;
            // `she` is not the man named just before her: the nearest earlier named Source
            // that the pronoun's gender fits (a name of unknown gender fits either).
            named
                .iter()
                .rev()
                .filter(|(at, _)| *at < source_start)
                .find(|(_, key)| {
                    genders
                        .get(key)
                        .copied()
                        .flatten()
                        .is_none_or(|g| g == gender)
                })
                .map(|(_, key)| key.clone())
        });
        for content in contents {
            // A discontinuous Content is one text with holes: brat breaks a span at the space
            // between two sentences too (`“... controversy.` + `I finished it,”`), which must
            // not make two quotations of one.
            // Ranges whose gap holds words (`“...,” he said, “...”`) stay apart.
            // Brat lists a Content's ranges in the order they were marked, not always in text
            // order; a quotation is read in text order.
            let mut ranges = content.ranges.clone();
            ranges.sort_unstable();
            // Each piece with the document range it covers.
            let mut pieces: Vec<(String, usize, usize)> = Vec::new();
            let mut last_end = None;
            for &(a, b) in &ranges {
                let piece = text.get(a..b).unwrap_or("");
                let gap_is_space = last_end.is_some_and(|end: usize| {
                    end <= a && text.get(end..a).is_some_and(|g| g.trim().is_empty())
                });
                // A paragraph break stays one, so that the mark reopening a quote in the next
                // paragraph is not read as its close.
                let gap_is_break = last_end
                    .is_some_and(|end: usize| text.get(end..a).is_some_and(|g| g.contains('\n')));
                match pieces.last_mut() {
                    Some((previous, _, end)) if gap_is_space => {
                        previous.push(if gap_is_break { '\n' } else { ' ' });
                        previous.push_str(piece);
                        *end = b;
                    }
                    _ => pieces.push((piece.to_string(), a, b)),
                }
                last_end = Some(b);
            }
            for (piece, start, end) in &pieces {
                for part in quoted_parts(piece) {
                    // The same words in Contents that overlap (one Content in two relations,
                    // or one inside another) are one quotation; the same words quoted again
                    // elsewhere in the article are another.
                    if quotes.iter().zip(&placed).any(|(q, &(a, b))| {
                        a < *end && *start < b && normal(&q.text) == normal(&part)
                    }) {
                        continue;
                    }
                    placed.push((*start, *end));
                    quotes.push(GoldQuote {
                        text: part,
                        speaker_key: key.clone(),
                        source: source_text.clone(),
                    });
                }
            }
        }
    }
    quotes
}

fn parse_text(path: &Path, bytes: &[u8]) -> Option<Article> {
    let raw = source::read_bytes(path, Format::Text, bytes)
        .articles
        .into_iter()
        .next()?;
    article::parse(&raw).ok()
}

/// Whether our speaker is the gold Source's person: a part of the name has the Source's key,
/// or misses it by one letter in a name of five letters or more (the article's own misspelling:
/// the Source `Wines` of Leslie Wimes, `Sweeny` of Steve Sweeney).
fn speaker_matches(ours: Option<&str>, key: &str) -> bool {
    let lexicon = Lexicon::get();
    ours.is_some_and(|name| {
        name.split_whitespace().any(|part| {
            let part = lexicon.name_key(part);
            part == key
                || (key.chars().count() >= 5
                    && part.chars().next() == key.chars().next()
                    && wiredex::article::lexicon::one_edit_apart(&part, key))
        })
    })
}

/// Scores one article's quotes against its annotation.
pub fn score_article(path: &Path, text: &str, ann: &str, scores: &mut QuoteScores) {
    let gold = gold_quotes(text, ann);
    let Some(article) = parse_text(path, text.as_bytes()) else {
        scores.gold += gold.len();
        return;
    };
    scores.articles += 1;
    scores.gold += gold.len();
    scores.found += article.quotes.len();
    let name = path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().to_string());
    let mut used = vec![false; gold.len()];
    for quote in &article.quotes {
        let matched =
            (0..gold.len()).find(|&i| !used[i] && quotes_match(&quote.text, &gold[i].text));
        let Some(i) = matched else {
            scores.errors.push(format!(
                "{name} quote not in gold: {:?}",
                short(&quote.text)
            ));
            continue;
        };
        used[i] = true;
        scores.right += 1;
        match &gold[i].speaker_key {
            Some(key) => {
                scores.speakers_scored += 1;
                if speaker_matches(quote.speaker.as_deref(), key) {
                    scores.speakers_right += 1;
                } else {
                    scores.errors.push(format!(
                        "{name} speaker of {:?}: got {:?}, want {:?} ({key})",
                        short(&quote.text),
                        quote.speaker,
                        gold[i].source
                    ));
                }
            }
            None => scores.speakers_unscored += 1,
        }
    }
    for (i, quote) in gold.iter().enumerate() {
        if !used[i] {
            scores
                .errors
                .push(format!("{name} quote missed: {:?}", short(&quote.text)));
        }
    }
}

fn short(text: &str) -> String {
    let cut: String = text.chars().take(70).collect();
    if cut.len() < text.len() {
        format!("{cut}…")
    } else {
        cut
    }
}

/// Scores a PolNeAR split folder (`data/dev`, `data/test`, ...): `text/*.txt` with the first
/// annotator's `attributions/<name>_<annotator>.ann` for each.
pub fn score_split(dir: &Path) -> Result<QuoteScores> {
    let io = |path: &Path, reason| Error::Io {
        path: path.to_path_buf(),
        reason,
    };
    let text_dir = dir.join("text");
    let ann_dir = dir.join("attributions");
    let list = |d: &Path| -> Result<Vec<PathBuf>> {
        let mut paths: Vec<PathBuf> = std::fs::read_dir(d)
            .map_err(|e| io(d, e))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        paths.sort();
        Ok(paths)
    };
    let annotations = list(&ann_dir)?;
    let mut scores = QuoteScores::default();
    for text_path in list(&text_dir)? {
        let Some(stem) = text_path
            .file_stem()
            .map(|s| s.to_string_lossy().to_string())
        else {
            continue;
        };
        let Some(ann_path) = annotations.iter().find(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .and_then(|n| n.strip_suffix(".ann"))
                .and_then(|n| n.rsplit_once('_'))
                .is_some_and(|(base, _)| base == stem)
        }) else {
            continue;
        };
        let text = std::fs::read_to_string(&text_path).map_err(|e| io(&text_path, e))?;
        let ann = std::fs::read_to_string(ann_path).map_err(|e| io(ann_path, e))?;
        score_article(&text_path, &text, &ann, &mut scores);
    }
    Ok(scores)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_parts_of_content_spans() {
        let cases = [
            ("“We agree,” she said", vec!["We agree,"]),
            (
                "that it was “a deal” and “a good one”",
                vec!["a deal", "a good one"],
            ),
            ("“Open to the end", vec!["Open to the end"]),
            ("he hosted “The Apprentice,” a show", vec![]),
            ("no marks at all", vec![]),
            ("''We agree,'' she said", vec!["We agree,"]),
            ("``We agree,'' she said", vec!["We agree,"]),
            (
                "\"We will build it.\n\"And we will pay for it.\"",
                vec!["We will build it. \"And we will pay for it."],
            ),
        ];
        for (input, expected) in cases {
            assert_eq!(quoted_parts(input), expected, "input {input:?}");
        }
    }

    #[test]
    fn a_speaker_matches_a_source_the_article_misspells_by_one_letter() {
        assert!(speaker_matches(Some("Leslie Wimes"), "wines"));
        assert!(speaker_matches(Some("James O’Neill"), "o'neill"));
        assert!(!speaker_matches(Some("Leslie Wimes"), "holt"));
        // Short names must match exactly.
        assert!(!speaker_matches(Some("Ann Paul"), "pall"));
        assert!(!speaker_matches(None, "wines"));
    }

    #[test]
    fn sources_are_keyed_by_their_name() {
        let cases = [
            ("Mr. Obama", Some("obama")),
            ("the Rev. Peter Wherry, of Mayfield Church", Some("wherry")),
            ("Trump's", Some("trump")),
            ("he", None),
            ("sources", None),
            ("The campaign", None),
            ("The Republican nominee", None),
            ("Sen. Claire McCaskill (D-Mo.)", Some("mccaskill")),
            ("Gov. Earl Ray Tomblin of West Virginia", Some("tomblin")),
            ("Secretary of State John F. Kerry", Some("kerry")),
            ("a New Hampshire Democrat", None),
            ("the Secretary of State", None),
            ("Director of the Budget Office", None),
            ("Obama's former campaign strategist", None),
            ("the Ohio businessman", None),
            ("City Hall officials", None),
            ("A top Berg adviser, who asked not to be named,", None),
            ("The Daily Courier", Some("courier")),
        ];
        for (input, expected) in cases {
            assert_eq!(name_key(input).as_deref(), expected, "input {input:?}");
        }
    }

    #[test]
    fn a_pronoun_source_takes_the_nearest_named_source_of_its_gender() {
        let text = "Title\n\n“We are close,” Anna Berg said. “We are not,” Tomas Varga said. “It will take time,” she said. Paul Berg nodded. “Not that long,” she said.\n";
        let span = |id: &str, kind: &str, s: &str| {
            let at = text[..text.find(s).unwrap()].chars().count();
            format!("{id}\t{kind} {at} {}\t{s}\n", at + s.chars().count())
        };
        let ann = [
            span("T1", "Source", "Anna Berg"),
            span("T2", "Content", "“We are close,”"),
            span("T3", "Source", "Tomas Varga"),
            span("T4", "Content", "“We are not,”"),
            span("T5", "Source", "she"),
            span("T6", "Content", "“It will take time,”"),
            "E1\tAttribution:T9 Source:T1 Content:T2\n".into(),
            "E2\tAttribution:T9 Source:T3 Content:T4\n".into(),
            "E3\tAttribution:T9 Source:T5 Content:T6\n".into(),
            span("T7", "Source", "Paul Berg"),
            {
                let at = text[..text.rfind("she").unwrap()].chars().count();
                format!("T8\tSource {at} {}\tshe\n", at + 3)
            },
            span("T10", "Content", "“Not that long,”"),
            "E4\tAttribution:T9 Source:T7 Content:T2\n".into(),
            "E5\tAttribution:T9 Source:T8 Content:T10\n".into(),
        ]
        .concat();
        let keys: Vec<Option<String>> = gold_quotes(text, &ann)
            .into_iter()
            .map(|q| q.speaker_key)
            .collect();
        let key = |k: &str| Some(k.to_string());
        // A name seen as a man's and a woman's (`Anna Berg`, `Paul Berg`) fits either pronoun.
        assert_eq!(
            keys,
            vec![key("berg"), key("varga"), key("berg"), key("berg")]
        );
    }

    #[test]
    fn a_content_broken_only_at_a_space_is_one_quotation() {
        let text = "Title\n\n“We agreed. We signed it,” Anna Berg said. “It holds,” she said, “for now.”\n";
        let at = |s: &str| text[..text.find(s).unwrap()].chars().count();
        let end = |s: &str| at(s) + s.chars().count();
        let ann = format!(
            "T1\tSource {} {}\tAnna Berg\nT2\tContent {} {};{} {}\tx\nT3\tContent {} {};{} {}\tx\nE1\tAttribution:T9 Source:T1 Content:T2\nE2\tAttribution:T9 Source:T1 Content:T3\n",
            at("Anna Berg"),
            end("Anna Berg"),
            at("“We agreed."),
            end("“We agreed."),
            at("We signed it,”"),
            end("We signed it,”"),
            at("“It holds,”"),
            end("“It holds,”"),
            at("“for now.”"),
            end("“for now.”"),
        );
        let quotes: Vec<String> = gold_quotes(text, &ann)
            .into_iter()
            .map(|q| q.text)
            .collect();
        assert_eq!(
            quotes,
            ["We agreed. We signed it,", "It holds,", "for now."]
        );
    }

    #[test]
    fn a_content_with_ranges_out_of_text_order_is_read_in_text_order() {
        let text = "Title\n\n“Prices rose. Wages fell.” Anna Berg said.\n";
        let at = |s: &str| text[..text.find(s).unwrap()].chars().count();
        let end = |s: &str| at(s) + s.chars().count();
        let ann = format!(
            "T1\tSource {} {}\tAnna Berg\nT2\tContent {} {};{} {}\tx\nE1\tAttribution:T9 Source:T1 Content:T2\n",
            at("Anna Berg"),
            end("Anna Berg"),
            at("Wages fell.”"),
            end("Wages fell.”"),
            at("“Prices rose."),
            end("“Prices rose."),
        );
        let quotes: Vec<String> = gold_quotes(text, &ann)
            .into_iter()
            .map(|q| q.text)
            .collect();
        assert_eq!(quotes, ["Prices rose. Wages fell."]);
    }

    #[test]
    fn the_same_words_quoted_twice_are_two_quotations() {
        let text = "Title\n\nAnna Berg called it “a farce” on Monday. On Friday she called it “a farce” again.\n";
        let first = text.find("“a farce”").unwrap();
        let second = text.rfind("“a farce”").unwrap();
        let at = |byte: usize| text[..byte].chars().count();
        let len = "“a farce”".chars().count();
        // The first quote is the Content of two relations: it counts once.
        let ann = format!(
            "T1\tSource {} {}\tAnna Berg\nT2\tContent {} {}\tx\nT3\tContent {} {}\tx\nE1\tAttribution:T9 Source:T1 Content:T2\nE2\tAttribution:T8 Source:T1 Content:T2\nE3\tAttribution:T7 Source:T1 Content:T3\n",
            at(text.find("Anna Berg").unwrap()),
            at(text.find("Anna Berg").unwrap()) + 9,
            at(first),
            at(first) + len,
            at(second),
            at(second) + len,
        );
        let quotes: Vec<String> = gold_quotes(text, &ann)
            .into_iter()
            .map(|q| q.text)
            .collect();
        assert_eq!(quotes, ["a farce", "a farce"]);
    }

    #[test]
    fn names_take_the_gender_of_their_given_name_or_title() {
        let genders =
            genders_of_names("Anna Berg met Mr. Varga and John F. Kerry. Paul Berg was there.");
        assert_eq!(genders.get("varga"), Some(&Some(Gender::Male)));
        assert_eq!(genders.get("kerry"), Some(&Some(Gender::Male)));
        assert_eq!(genders.get("berg"), Some(&None));
    }

    #[test]
    fn an_annotated_article_is_scored() {
        let text = "Title\n\nMinister Anna Berg said on Monday that talks went well. “We are close to a deal,” she said.\n";
        let q = text.find('“').unwrap();
        let chars = |byte: usize| text[..byte].chars().count();
        let content_end = chars(text.find('”').unwrap() + '”'.len_utf8());
        let she = chars(text.find("she said").unwrap());
        let ann = format!(
            "T1\tSource {} {}\tshe\nT2\tContent {} {}\tx\nT3\tSource 16 26\tAnna Berg\nE1\tAttribution:T9 Source:T1 Content:T2\nE2\tAttribution:T8 Source:T3 Content:T2\n",
            she,
            she + 3,
            chars(q),
            content_end
        );
        let mut scores = QuoteScores::default();
        score_article(Path::new("a.txt"), text, &ann, &mut scores);
        assert_eq!(
            (scores.gold, scores.found, scores.right),
            (1, 1, 1),
            "{:?}",
            scores.errors
        );
        assert_eq!(scores.speakers_right, 1, "{:?}", scores.errors);
    }
}
