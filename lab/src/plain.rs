//! The small query form the peer engines understand (`PlainQuery`: words, phrases, OR-groups,
//! negation, `headline:` and a date range), so that one workload line runs through wiredex, raw
//! tantivy, SQLite FTS5 and a file scan alike.

use chrono::NaiveDate;

use wiredex::bench::{Kind, WorkloadQuery};
use wiredex::query::{Searcher, parse_range};
use wiredex::{Error, Result};

/// Leaves of a plain query: one word or a phrase, lower-cased.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Leaf {
    /// A single word.
    Word(String),
    /// Words in order.
    Phrase(Vec<String>),
}

/// One clause of a plain query; every clause must hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Clause {
    /// Any of the leaves occurs (in the headline only when `headline_only`); `negated` inverts.
    Text {
        /// Alternatives: one of them must occur.
        any: Vec<Leaf>,
        /// Only the headline is searched.
        headline_only: bool,
        /// The clause must not hold.
        negated: bool,
    },
    /// The story is dated within these days, both included.
    Date {
        /// First day.
        from: NaiveDate,
        /// Last day.
        to: NaiveDate,
    },
}

/// The common subset of query languages the baselines are given: a conjunction of clauses.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PlainQuery {
    /// All must hold.
    pub clauses: Vec<Clause>,
}

fn leaf(words: &[String]) -> Leaf {
    if words.len() == 1 {
        Leaf::Word(words[0].clone())
    } else {
        Leaf::Phrase(words.to_vec())
    }
}

/// Lower-cased words of `text`, split on anything not alphanumeric (as tantivy's simple
/// tokenizer, SQLite's unicode61 and a regex `\b` all split).
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// A word no query word can equal, put between sentences so that a phrase never spans two.
pub const SENTENCE_BREAK: &str = ".";

/// Like [`words`], with [`SENTENCE_BREAK`] between sentences where wiredex's tokenizer tells
/// them apart: phrases and `NEAR` do not match across a full stop in wiredex.
pub fn words_in_sentences(text: &str) -> Vec<String> {
    use tantivy::tokenizer::{TokenStream, Tokenizer};
    let mut tokenizer = wiredex::index::SentenceTokenizer::default();
    let mut stream = tokenizer.token_stream(text);
    let mut out = Vec::new();
    let mut last: Option<usize> = None;
    while stream.advance() {
        let token = stream.token();
        if last.is_some_and(|prev| token.position > prev + 1) {
            out.push(SENTENCE_BREAK.to_string());
        }
        last = Some(token.position);
        out.push(token.text.to_lowercase());
    }
    out
}

impl Leaf {
    /// Whether the leaf occurs in a token list.
    pub fn occurs_in(&self, tokens: &[String]) -> bool {
        match self {
            Leaf::Word(w) => tokens.iter().any(|t| t == w),
            Leaf::Phrase(p) => tokens.windows(p.len()).any(|win| win == p.as_slice()),
        }
    }
}

impl PlainQuery {
    /// Parses the subset: `word`, `"a phrase"`, `(a OR b)`, `NOT x` / `-x`, `AND` (implied),
    /// `headline:word`, `date:YYYY-MM-DD..YYYY-MM-DD`.
    pub fn parse(text: &str) -> Result<PlainQuery> {
        let bad = |reason: &str| Error::Query {
            input: text.to_string(),
            reason: format!(
                "{reason} (benchmark queries use words, \"phrases\", (a OR b), NOT/-, headline:, date:A..B)"
            ),
            at: None,
        };
        let mut tokens: Vec<String> = Vec::new();
        let mut rest = text.trim();
        while !rest.is_empty() {
            let (token, after) = if let Some(inner) = rest.strip_prefix('"') {
                let end = inner.find('"').ok_or_else(|| bad("unclosed phrase"))?;
                (format!("\"{}\"", &inner[..end]), &inner[end + 1..])
            } else if let Some(after) = rest.strip_prefix(['(', ')']) {
                (rest[..1].to_string(), after)
            } else {
                let end = rest
                    .find(|c: char| c.is_whitespace() || c == '(' || c == ')')
                    .unwrap_or(rest.len());
                if rest[..end].ends_with(':') && rest[end..].starts_with('"') {
                    // `headline:"a phrase"`
                    let inner = &rest[end + 1..];
                    let close = inner.find('"').ok_or_else(|| bad("unclosed phrase"))?;
                    (
                        format!("{}\"{}\"", &rest[..end], &inner[..close]),
                        &inner[close + 1..],
                    )
                } else {
                    (rest[..end].to_string(), &rest[end..])
                }
            };
            tokens.push(token);
            rest = after.trim_start();
        }
        let mut clauses = Vec::new();
        let mut i = 0;
        let mut negated = false;
        while i < tokens.len() {
            let token = tokens[i].as_str();
            i += 1;
            match token {
                "AND" => continue,
                "NOT" => {
                    negated = true;
                    continue;
                }
                "(" => {
                    let mut any = Vec::new();
                    let mut headline_only = false;
                    while i < tokens.len() && tokens[i] != ")" {
                        if tokens[i] != "OR" {
                            let (leaf, headline) =
                                parse_leaf(&tokens[i]).ok_or_else(|| bad("unsupported term"))?;
                            headline_only |= headline;
                            any.push(leaf);
                        }
                        i += 1;
                    }
                    if i == tokens.len() {
                        return Err(bad("unclosed parenthesis"));
                    }
                    i += 1;
                    clauses.push(Clause::Text {
                        any,
                        headline_only,
                        negated,
                    });
                }
                _ => {
                    let (token, neg) = match token.strip_prefix('-') {
                        Some(t) => (t, true),
                        None => (token, negated),
                    };
                    if let Some(range) = token.strip_prefix("date:") {
                        let period = parse_range(range).ok_or_else(|| bad("bad date"))?;
                        clauses.push(Clause::Date {
                            from: period.start,
                            to: period.end.pred_opt().unwrap_or(period.end),
                        });
                    } else {
                        let (leaf, headline_only) =
                            parse_leaf(token).ok_or_else(|| bad("unsupported term"))?;
                        clauses.push(Clause::Text {
                            any: vec![leaf],
                            headline_only,
                            negated: neg,
                        });
                    }
                }
            }
            negated = false;
        }
        if clauses.is_empty() {
            return Err(bad("empty query"));
        }
        Ok(PlainQuery { clauses })
    }

    /// Whether an article matches, given its words (headline, deck and body), its headline's
    /// words and its date.
    pub fn matches(&self, all: &[String], headline: &[String], date: Option<NaiveDate>) -> bool {
        self.clauses.iter().all(|clause| match clause {
            Clause::Text {
                any,
                headline_only,
                negated,
            } => {
                let tokens = if *headline_only { headline } else { all };
                any.iter().any(|l| l.occurs_in(tokens)) != *negated
            }
            Clause::Date { from, to } => date.is_some_and(|d| *from <= d && d <= *to),
        })
    }
}

fn parse_leaf(token: &str) -> Option<(Leaf, bool)> {
    let (token, headline) = match token.split_once(':') {
        Some(("headline", rest)) => (rest, true),
        Some(_) => return None,
        None => (token, false),
    };
    let ws = words(token.trim_matches('"'));
    if ws.is_empty() {
        return None;
    }
    Some((leaf(&ws), headline))
}

/// The query the baselines run for a workload query: the search itself (also for a count), or
/// for quotes the speaker's name AND any of the topic's terms anywhere in the article (the
/// nearest a plain full-text engine gets).
pub fn plain(query: &WorkloadQuery) -> Result<PlainQuery> {
    match query.kind {
        Kind::Search | Kind::Count => PlainQuery::parse(&query.text),
        Kind::Quotes => {
            let (by, about) = query.quote_parts();
            let mut clauses = Vec::new();
            if let Some(by) = by {
                clauses.push(Clause::Text {
                    any: vec![leaf(&words(&by))],
                    headline_only: false,
                    negated: false,
                });
            }
            if let Some(about) = about {
                let any = Searcher::topic_terms(&about)
                    .iter()
                    .map(|t| leaf(&words(t)))
                    .collect();
                clauses.push(Clause::Text {
                    any,
                    headline_only: false,
                    negated: false,
                });
            }
            Ok(PlainQuery { clauses })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wiredex::bench::Workload;

    #[test]
    fn plain_query_parses_every_benchmark_form() {
        let q = PlainQuery::parse("(pipeline OR reactor) -sanctions \"peace treaty\"").unwrap();
        assert_eq!(q.clauses.len(), 3);
        let q = PlainQuery::parse("headline:summit date:1990-01-01..1999-12-31").unwrap();
        assert_eq!(
            q.clauses[1],
            Clause::Date {
                from: NaiveDate::from_ymd_opt(1990, 1, 1).unwrap(),
                to: NaiveDate::from_ymd_opt(1999, 12, 31).unwrap()
            }
        );
        assert!(PlainQuery::parse("colour:red").is_err());
    }

    #[test]
    fn plain_query_matches_tokens() {
        let q = PlainQuery::parse("pipeline AND NOT sanctions").unwrap();
        let t = words("The gas pipeline opened");
        assert!(q.matches(&t, &[], None));
        let t = words("pipeline sanctions");
        assert!(!q.matches(&t, &[], None));
    }

    #[test]
    fn count_lines_parse_to_count_queries_the_baselines_can_run() {
        let w = Workload::parse(
            "count_by\tcount\t\"peace treaty\"\t3\ncount_by\tcount\tbudget -sanctions\t-\n",
        )
        .unwrap();
        assert_eq!(
            plain(&w.queries[0]).unwrap().clauses,
            [Clause::Text {
                any: vec![Leaf::Phrase(vec!["peace".into(), "treaty".into()])],
                headline_only: false,
                negated: false
            }]
        );
        assert_eq!(plain(&w.queries[1]).unwrap().clauses.len(), 2);
        // A count query the baselines cannot run is refused, as a search would be.
        let w = Workload::parse("count_by\tcount\tcolour:red\t1\n").unwrap();
        assert!(plain(&w.queries[0]).is_err());
    }

    #[test]
    fn quotes_become_the_speaker_and_any_topic_term() {
        let w = Workload::parse("q\tquotes\tby=Arkady_Voronin about=Japan\t-\n").unwrap();
        let q = plain(&w.queries[0]).unwrap();
        assert_eq!(q.clauses.len(), 2);
        assert_eq!(
            q.clauses[0],
            Clause::Text {
                any: vec![Leaf::Phrase(vec!["arkady".into(), "voronin".into()])],
                headline_only: false,
                negated: false
            }
        );
    }
}
