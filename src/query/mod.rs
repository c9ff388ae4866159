//! Answering questions: user intent (`SearchRequest`, `QuoteRequest`) becomes a tantivy query
//! over the index, and matching documents come back as `Hit`s and `QuoteHit`s with snippets.
//! Reads the index; never writes it, never prints.

mod agencies;
mod collapse;
pub(crate) mod dates;
pub(crate) mod facets;
mod frequency;
mod join;
pub(crate) mod parse;
mod related;
pub(crate) mod snippet;
mod substance;
pub(crate) mod timeline;

use std::collections::BTreeMap;
use std::ops::Bound;

use chrono::NaiveDate;
use serde::Serialize;
use tantivy::collector::{Count as Total, DocSetCollector, TopDocs};
use tantivy::query::{
    BooleanQuery, Occur, PhraseQuery, Query, RangeQuery, RegexQuery, TermQuery, TermSetQuery,
};
use tantivy::schema::{Field, IndexRecordOption, Term, Value};
use tantivy::{DateTime, DocAddress, Order, TantivyDocument};

use crate::article::Article;
use crate::article::lexicon::Lexicon;
use crate::error::{Error, Result};
use crate::index::WireIndex;
use crate::index::document::{QuoteRecord, day_value, from_datetime};
use crate::index::dups::Groups;
use crate::index::schema::{KIND_ARTICLE, KIND_QUOTE};
pub use agencies::{agency_names, canonical_agency};
use collapse::{Chosen, GroupScan, Restrict};
pub use dates::{DayRange, flag_day, parse_period, parse_range};
use facets::Over;
pub use facets::{Count, Facet, fill_periods, tally_counts};
pub use parse::{expand_operators, rewrite};
pub use snippet::Snippet;

/// How hits are ordered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Sort {
    /// Best match first.
    #[default]
    Relevance,
    /// Newest first.
    Date,
}

impl Sort {
    /// Every order by the name `--sort` gives it.
    pub const CHOICES: &'static [(&'static str, Sort)] =
        &[("relevance", Sort::Relevance), ("date", Sort::Date)];
}

/// Filters shared by every kind of search.
#[derive(Debug, Clone, Default)]
pub struct Filters {
    /// Only stories dated on or after this day.
    pub since: Option<NaiveDate>,
    /// Only stories dated before this day.
    pub until: Option<NaiveDate>,
    /// Only stories credited to one of these agencies (any, when empty); an agency's other
    /// names count as it ([`agency_names`]).
    pub agency: Vec<String>,
    /// Only stories with this dateline place.
    pub place: Option<String>,
    /// Only stories in this language (ISO 639-1, `ru`; the CLI turns `Russian` into it).
    pub lang: Option<String>,
    /// Near-duplicate stories stand as one, their earliest member (and a quotation repeated
    /// across them as one quotation), in hits, totals and counts.
    pub collapse: bool,
}

/// A `--by` name as speakers are indexed: without the titles before it (`President Trump`,
/// `Foreign Minister Arkady Voronin`) and middle initials (`Donald J. Trump`), which the text's
/// attributions drop too; `--by` with them found nothing. A name of only such words is kept.
pub fn speaker_name(by: &str) -> String {
    let lexicon = Lexicon::get();
    let words: Vec<&str> = by.split_whitespace().collect();
    let mut start = 0;
    while let Some(title) = lexicon.title_at(&words[start..]) {
        if start + title.words.len() >= words.len() {
            break;
        }
        start += title.words.len();
    }
    let rest = &words[start..];
    let initial = |w: &&str| {
        let letters = w.trim_end_matches('.');
        letters.chars().count() == 1 && letters.chars().all(char::is_alphabetic)
    };
    let kept: Vec<&str> = rest
        .iter()
        .enumerate()
        .filter(|(i, w)| *i == 0 || *i == rest.len() - 1 || !initial(w))
        .map(|(_, w)| *w)
        .collect();
    if kept.is_empty() {
        by.to_string()
    } else {
        kept.join(" ")
    }
}

/// Whether `topic` is one of the cities `places.tsv` lists for the place `place` (its fourth
/// column), rather than its name, an alias or a demonym.
fn is_city_of(topic: &str, place: &str) -> bool {
    include_str!("../article/data/places.tsv")
        .lines()
        .filter(|line| !line.starts_with('#'))
        .map(|line| line.split('\t').collect::<Vec<_>>())
        .filter(|columns| columns.first().is_some_and(|name| *name == place))
        .any(|columns| {
            let cities = columns.get(3).copied().unwrap_or("");
            cities
                .split('|')
                .any(|city| city.eq_ignore_ascii_case(topic))
                && !columns[..3.min(columns.len())]
                    .iter()
                    .flat_map(|c| c.split('|'))
                    .any(|other| other.eq_ignore_ascii_case(topic))
        })
}

/// Hex digits in an article id.
pub const ID_DIGITS: usize = 16;

/// Ids listed when a prefix matches several articles.
const AMBIGUOUS_SHOWN: usize = 5;

/// A search for articles.
#[derive(Debug, Clone, Default)]
pub struct SearchRequest {
    /// The query, in wiredex query syntax.
    pub query: String,
    /// Filters.
    pub filters: Filters,
    /// How many hits to return.
    pub limit: usize,
    /// How many of the best hits to skip first (for paging).
    pub offset: usize,
    /// How to order them.
    pub sort: Sort,
}

/// A search for quotations.
#[derive(Debug, Clone, Default)]
pub struct QuoteRequest {
    /// Words the quotation itself must contain, in query syntax (optional).
    pub query: Option<String>,
    /// The speaker's name, or part of it (`Lavrov`, `Sergey Lavrov`).
    pub by: Option<String>,
    /// A topic: quotes whose words name it come first, then quotes from articles about it.
    /// Place names also match their adjectives, demonyms and cities.
    pub about: Option<String>,
    /// Filters.
    pub filters: Filters,
    /// How many hits to return.
    pub limit: usize,
    /// How many of the best hits to skip first (for paging).
    pub offset: usize,
    /// How to order them.
    pub sort: Sort,
}

/// An article that matched.
#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    /// Relevance score (0 when sorted by date).
    pub score: f32,
    /// The article.
    pub article: Article,
    /// The best passage of its body.
    pub snippet: Snippet,
    /// Near-duplicates of it that also matched and are not listed (collapsed into it).
    pub copies: usize,
    /// Its near-duplicate group (the key of the group's earliest member, 16 hex digits), if it
    /// has near-duplicates in the index.
    pub group: Option<String>,
    /// The other files that hold exactly this story.
    pub also_in: Vec<String>,
}

/// How a quotation matched a topic.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MatchedBy {
    /// Its own words matched (or no topic was asked).
    Quote,
    /// Only its article matched the topic.
    Article,
}

/// A quotation that matched.
#[derive(Debug, Clone, Serialize)]
pub struct QuoteHit {
    /// Relevance score (0 when sorted by date).
    pub score: f32,
    /// Whether the quote's own words or only its article matched the topic.
    pub matched: MatchedBy,
    /// The quote and its article's essentials.
    pub quote: QuoteRecord,
    /// Byte ranges of the matched words in `quote.text`.
    pub highlights: Vec<(usize, usize)>,
    /// The same quotation in near-duplicates of its article that also matched and are not
    /// listed.
    pub copies: usize,
}

/// Hits and how many matched in all.
#[derive(Debug, Clone, Serialize)]
pub struct Results<T> {
    /// How many documents matched.
    pub total: usize,
    /// The hits returned (at most the limit).
    pub hits: Vec<T>,
}

/// A person across the matching articles.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct PersonCount {
    /// Canonical name.
    pub name: String,
    /// Articles that mention the person.
    pub articles: usize,
    /// Mentions in those articles.
    pub mentions: usize,
    /// Quotations attributed to the person, counted as `quotes` and `--count-by speaker` count
    /// them (a quotation repeated by near-duplicate articles once).
    pub quotes: usize,
}

/// What the index holds.
#[derive(Debug, Clone, Serialize)]
pub struct Stats {
    /// Articles.
    pub articles: usize,
    /// Quotations.
    pub quotes: usize,
    /// Distinct people mentioned.
    pub people: usize,
    /// Distinct speakers quoted.
    pub speakers: usize,
    /// Articles per agency, most first.
    pub agencies: Vec<(String, usize)>,
    /// Earliest story date.
    pub first_date: Option<NaiveDate>,
    /// Latest story date.
    pub last_date: Option<NaiveDate>,
    /// Articles without a date.
    pub undated: usize,
    /// Bytes the index takes on disk.
    pub size_bytes: u64,
}

/// A reader over an index, reused for any number of queries.
pub struct Searcher<'a> {
    index: &'a WireIndex,
    searcher: tantivy::Searcher,
    /// The near-duplicate groups, read when first needed.
    groups: std::sync::OnceLock<collapse::GroupMap>,
}

/// The near-duplicate groups a [`Searcher`] read from its index folder, to hand to the next
/// searcher on the same commit (a server answers many queries per commit and should not read
/// the groups file for each).
#[derive(Clone)]
pub struct SharedGroups(collapse::GroupMap);

/// The conjunction of `clauses`, without a wrapper when there is one required clause: tantivy
/// skips blocks that cannot make the top hits (block-max WAND) only for a query of terms
/// whose scorer it sees directly, not for one nested in a boolean query of a single clause.
fn all_of(mut clauses: Vec<(Occur, Box<dyn Query>)>) -> Box<dyn Query> {
    if let [(Occur::Must, _)] = clauses.as_slice() {
        return clauses.pop().expect("one clause").1;
    }
    Box::new(BooleanQuery::new(clauses))
}

fn term_query(term: Term) -> Box<dyn Query> {
    Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs))
}

impl<'a> Searcher<'a> {
    /// Opens a searcher on the index's last commit.
    pub fn new(index: &'a WireIndex) -> Result<Searcher<'a>> {
        let searcher = index.reader()?.searcher();
        Ok(Searcher {
            index,
            searcher,
            groups: std::sync::OnceLock::new(),
        })
    }

    /// A searcher on a tantivy searcher the caller keeps (a server's reader, reloaded when the
    /// index commits), with the near-duplicate groups read earlier for the same commit, if any.
    pub fn with_searcher(
        index: &'a WireIndex,
        searcher: tantivy::Searcher,
        groups: Option<SharedGroups>,
    ) -> Searcher<'a> {
        let cell = std::sync::OnceLock::new();
        if let Some(SharedGroups(groups)) = groups {
            let _ = cell.set(groups);
        }
        Searcher {
            index,
            searcher,
            groups: cell,
        }
    }

    /// The near-duplicate groups this searcher uses (read now if not yet).
    pub fn shared_groups(&self) -> SharedGroups {
        SharedGroups(self.groups())
    }

    /// A failure reading the index: tantivy's words, and the way out (a damaged segment made
    /// `quotes` fail with tantivy's text alone, and `index` still said "unchanged").
    fn err(&self, e: impl std::fmt::Display) -> Error {
        let path = crate::source::path_text(&self.index.path);
        Error::index(
            &self.index.path,
            format!(
                "{e} (the index may be damaged: `wiredex check --index {path}` says; `wiredex index DIR... --rebuild --index {path}` rebuilds it)"
            ),
        )
    }

    fn kind(&self, kind: &str) -> Box<dyn Query> {
        term_query(Term::from_field_text(self.index.fields.kind, kind))
    }

    /// The terms `text` becomes in `field`, through the field's own tokenizer.
    fn terms(&self, field: Field, text: &str) -> Result<Vec<Term>> {
        let mut analyzer = self
            .index
            .index
            .tokenizer_for_field(field)
            .map_err(|e| self.err(e))?;
        let mut stream = analyzer.token_stream(text);
        let mut terms = Vec::new();
        while stream.advance() {
            terms.push(Term::from_field_text(field, &stream.token().text));
        }
        Ok(terms)
    }

    /// All of `text`'s words in `field`, in order (a phrase), or `None` when it has none.
    fn phrase(&self, field: Field, text: &str) -> Result<Option<Box<dyn Query>>> {
        let mut terms = self.terms(field, text)?;
        Ok(match terms.len() {
            0 => None,
            1 => terms.pop().map(term_query),
            _ => Some(Box::new(PhraseQuery::new(terms))),
        })
    }

    /// All of `text`'s words in `field`, in any order.
    fn all_words(&self, field: Field, text: &str) -> Result<Option<Box<dyn Query>>> {
        let terms = self.terms(field, text)?;
        Ok((!terms.is_empty()).then(|| {
            Box::new(BooleanQuery::new(
                terms
                    .into_iter()
                    .map(|t| (Occur::Must, term_query(t)))
                    .collect(),
            )) as Box<dyn Query>
        }))
    }

    fn filter_clauses(&self, filters: &Filters) -> Result<Vec<(Occur, Box<dyn Query>)>> {
        let fields = &self.index.fields;
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        if filters.since.is_some() || filters.until.is_some() {
            let bound = |day: Option<NaiveDate>, inclusive: bool| match day {
                Some(day) => {
                    let term = Term::from_field_date(fields.date, day_value(day));
                    if inclusive {
                        Bound::Included(term)
                    } else {
                        Bound::Excluded(term)
                    }
                }
                None => Bound::Unbounded,
            };
            clauses.push((
                Occur::Must,
                Box::new(RangeQuery::new(
                    bound(filters.since, true),
                    bound(filters.until, false),
                )),
            ));
        }
        if !filters.agency.is_empty() {
            let mut terms = Vec::new();
            for agency in &filters.agency {
                for name in agency_names(agency) {
                    terms.extend(self.terms(fields.agency, name)?);
                }
            }
            clauses.push((Occur::Must, Box::new(TermSetQuery::new(terms))));
        }
        if let Some(lang) = &filters.lang {
            let terms = self.terms(fields.lang, lang)?;
            clauses.push((Occur::Must, Box::new(TermSetQuery::new(terms))));
        }
        if let Some(place) = &filters.place
            && let Some(query) = self.phrase(fields.place, place)?
        {
            clauses.push((Occur::Must, query));
        }
        Ok(clauses)
    }

    fn document(&self, address: DocAddress) -> Result<TantivyDocument> {
        self.searcher.doc(address).map_err(|e| self.err(e))
    }

    fn record<T: serde::de::DeserializeOwned>(&self, address: DocAddress) -> Result<T> {
        self.parse_record(&self.document(address)?)
    }

    fn parse_record<T: serde::de::DeserializeOwned>(&self, doc: &TantivyDocument) -> Result<T> {
        let text = doc
            .get_first(self.index.fields.record)
            .and_then(|v| v.as_str())
            .ok_or_else(|| self.err("a document has no stored record"))?;
        serde_json::from_str(text).map_err(|e| self.err(e))
    }

    /// Top `limit` documents of `query` in the requested order, with scores (0 for date order).
    fn top(
        &self,
        query: &dyn Query,
        limit: usize,
        offset: usize,
        sort: Sort,
    ) -> Result<Vec<(f32, DocAddress)>> {
        self.top_within(query, &Scope::all(Over::Articles), limit, offset, sort)
    }

    /// [`Self::top`] over the documents `scope` lets through. When it collapses, the best
    /// matches are taken without it (so tantivy can skip blocks that cannot make the top) and
    /// the members a group is not shown by are dropped, taking more until enough are left.
    fn top_within(
        &self,
        query: &dyn Query,
        scope: &Scope,
        limit: usize,
        offset: usize,
        sort: Sort,
    ) -> Result<Vec<(f32, DocAddress)>> {
        let (limit, offset) = self.within_matches(limit, offset);
        let Some(chosen) = &scope.chosen else {
            return self.top_in(query, scope, limit, offset, sort);
        };
        let plain = Scope {
            chosen: None,
            groups: scope.groups.clone(),
            over: scope.over,
        };
        let wanted = offset + limit.max(1);
        let mut fetch = (wanted * 2).max(wanted + 16);
        loop {
            let found = self.top_in(query, &plain, fetch, 0, sort)?;
            let complete = found.len() < fetch;
            let mut columns: Vec<Option<collapse::Shown>> = Vec::new();
            let mut kept = Vec::with_capacity(wanted);
            for (score, address) in found {
                let segment = address.segment_ord as usize;
                if columns.len() <= segment {
                    columns.resize_with(segment + 1, || None);
                }
                if columns[segment].is_none() {
                    let reader = self.searcher.segment_reader(address.segment_ord);
                    let shown = collapse::Shown::of(reader, scope.over, &scope.groups, chosen)
                        .map_err(|e| self.err(e))?;
                    columns[segment] = Some(shown);
                }
                let shown = columns[segment].as_ref().expect("set above");
                if shown.lets_through(address) {
                    kept.push((score, address));
                    if kept.len() == wanted {
                        break;
                    }
                }
            }
            if kept.len() == wanted || complete {
                return Ok(kept.into_iter().skip(offset).collect());
            }
            fetch *= 4;
        }
    }

    /// `limit` and `offset` cut to the documents the index holds: tantivy sizes its heap of
    /// best hits by `limit + offset`, so `--limit 18446744073709551615` overflowed and
    /// `--limit 50000000000000` asked for 800 TB, for an index of a few thousand documents.
    fn within_matches(&self, limit: usize, offset: usize) -> (usize, usize) {
        let docs = usize::try_from(self.searcher.num_docs()).unwrap_or(usize::MAX);
        let offset = offset.min(docs);
        (limit.min(docs - offset), offset)
    }

    /// The top `limit` documents after `offset` that `scope` lets through, in `sort` order.
    fn top_in(
        &self,
        query: &dyn Query,
        scope: &Scope,
        limit: usize,
        offset: usize,
        sort: Sort,
    ) -> Result<Vec<(f32, DocAddress)>> {
        let top = TopDocs::with_limit(limit.max(1)).and_offset(offset);
        match sort {
            Sort::Relevance => self.collect(query, scope, top.order_by_score()),
            Sort::Date => {
                let by_date = top.order_by_fast_field::<DateTime>("date", Order::Desc);
                Ok(self
                    .collect(query, scope, by_date)?
                    .into_iter()
                    .map(|(_, address)| (0.0, address))
                    .collect())
            }
        }
    }

    /// Runs `collector` over the documents matching `query` that `scope` lets through: when it
    /// collapses, only each near-duplicate group's chosen member.
    fn collect<C>(&self, query: &dyn Query, scope: &Scope, collector: C) -> Result<C::Fruit>
    where
        C: tantivy::collector::Collector + Send + Sync,
    {
        let Some(chosen) = &scope.chosen else {
            return self
                .searcher
                .search(query, &collector)
                .map_err(|e| self.err(e));
        };
        let restricted = Restrict {
            inner: collector,
            over: scope.over,
            chosen: chosen.clone(),
            groups: scope.groups.clone(),
        };
        self.searcher
            .search(query, &restricted)
            .map_err(|e| self.err(e))
    }

    /// The scope in which `query`'s matches are listed and counted: with `collapse`, each
    /// near-duplicate group among them counts once and is represented by its earliest member.
    /// When the groups file lists every segment's grouped documents, only the matches among
    /// them are read; otherwise every match is, and counted on the way.
    fn scope(&self, query: &dyn Query, over: Over, collapse: bool) -> Result<(Tally, Scope)> {
        let mut scope = Scope {
            over,
            chosen: None,
            groups: Default::default(),
        };
        if !collapse {
            return Ok((Tally::Hidden(0), scope));
        }
        let groups = self.groups();
        if groups.is_empty() {
            return Ok((Tally::Hidden(0), scope));
        }
        scope.groups = groups.clone();
        let listed = groups.lists_every_segment(&self.searcher);
        let scan = GroupScan {
            over,
            groups: groups.clone(),
        };
        let chosen = if listed {
            let grouped = collapse::GroupedDocs { groups };
            let among_grouped = BooleanQuery::new(vec![
                (Occur::Must, query.box_clone()),
                (Occur::Must, Box::new(grouped)),
            ]);
            self.searcher.search(&among_grouped, &scan)
        } else {
            self.searcher.search(query, &scan)
        }
        .map_err(|e| self.err(e))?;
        let hidden = chosen.hidden();
        let tally = if listed {
            Tally::Hidden(hidden)
        } else {
            Tally::Total(chosen.matches - hidden)
        };
        if !chosen.members.is_empty() {
            scope.chosen = Some(std::sync::Arc::new(chosen));
        }
        Ok((tally, scope))
    }

    /// One page of a query's matches in `scope`, and how many there are. A single term is
    /// counted from its posting list's length, and its best matches found by skipping blocks
    /// that cannot make the page; anything else is counted in the same pass that ranks it,
    /// since that pass reads every match anyway (unless collapsing: it is counted apart).
    fn page(
        &self,
        query: &dyn Query,
        scope: &Scope,
        tally: Tally,
        (limit, offset): (usize, usize),
        sort: Sort,
    ) -> Result<(usize, Vec<(f32, DocAddress)>)> {
        let (limit, offset) = self.within_matches(limit, offset);
        let hidden = match tally {
            Tally::Total(total) => {
                return Ok((total, self.top_within(query, scope, limit, offset, sort)?));
            }
            Tally::Hidden(hidden) => hidden,
        };
        if limit == 0 {
            return Ok((self.count(query)?.saturating_sub(hidden), Vec::new()));
        }
        let single_term = query.downcast_ref::<TermQuery>().is_some();
        if (single_term && sort == Sort::Relevance) || scope.chosen.is_some() {
            let total = self.count(query)?.saturating_sub(hidden);
            return Ok((total, self.top_within(query, scope, limit, offset, sort)?));
        }
        let top = TopDocs::with_limit(limit).and_offset(offset);
        Ok(match sort {
            Sort::Relevance => self.collect(query, scope, (Total, top.order_by_score()))?,
            Sort::Date => {
                let by_date = top.order_by_fast_field::<DateTime>("date", Order::Desc);
                let (total, top) = self.collect(query, scope, (Total, by_date))?;
                let top = top.into_iter().map(|(_, address)| (0.0, address));
                (total, top.collect())
            }
        })
    }

    /// The near-duplicate groups kept beside the index, read once.
    fn groups(&self) -> collapse::GroupMap {
        self.groups
            .get_or_init(|| {
                let groups = Groups::load(&self.index.path);
                let index = collapse::GroupIndex::new(groups.members, groups.segments);
                std::sync::Arc::new(index)
            })
            .clone()
    }

    /// For a listed document: the matches collapsed into it, and its group.
    fn copies_of(&self, address: DocAddress, scope: &Scope) -> Result<(usize, Option<u64>)> {
        let groups = self.groups();
        let (group, key) = collapse::keys_of(&self.searcher, address, scope.over, &groups)
            .map_err(|e| self.err(e))?;
        let Some(chosen) = &scope.chosen else {
            return Ok((0, group));
        };
        let copies = key
            .and_then(|k| chosen.members.get(&k))
            .map_or(0, |m| m.count - 1);
        Ok((copies, group))
    }

    fn count(&self, query: &dyn Query) -> Result<usize> {
        self.searcher.search(query, &Total).map_err(|e| self.err(e))
    }

    /// The query for a search request's articles, and the user's own query (for snippets).
    /// Bare words search `body`, which holds every word of the article, headline and deck
    /// included: one field, so a word is one term, counted from its posting list's length
    /// and ranked by skipping blocks that cannot make the page.
    fn article_query(&self, request: &SearchRequest) -> Result<(Box<dyn Query>, UserQuery)> {
        let fields = &self.index.fields;
        let mut shared = Vec::new();
        // Quote documents have no headline, deck or body: a query of those fields alone
        // matches articles only, and skipping the filter on `kind` halves its work.
        let article_fields_only = !request.query.trim().is_empty()
            && parse::names_only_fields(&request.query, &["headline", "deck", "body"]);
        if !article_fields_only {
            shared.push((Occur::Must, self.kind(KIND_ARTICLE)));
        }
        shared.extend(self.filter_clauses(&request.filters)?);
        let with = |user: &Option<Box<dyn Query>>| {
            let mut clauses: Vec<(Occur, Box<dyn Query>)> =
                shared.iter().map(|(o, q)| (*o, q.box_clone())).collect();
            if let Some(query) = user {
                clauses.insert(0, (Occur::Must, query.box_clone()));
            }
            all_of(clauses)
        };
        let user = if request.query.trim().is_empty() {
            None
        } else {
            Some(parse::parse_query(
                self.index,
                &request.query,
                vec![fields.body],
            )?)
        };
        Ok((with(&user), user))
    }

    /// Articles matching a search request.
    pub fn search(&self, request: &SearchRequest) -> Result<Results<Hit>> {
        let fields = &self.index.fields;
        let (query, user_query) = self.article_query(request)?;
        let (known, scope) = self.scope(&*query, Over::Articles, request.filters.collapse)?;
        let (total, top) = self.page(
            &*query,
            &scope,
            known,
            (request.limit, request.offset),
            request.sort,
        )?;
        let snippets = user_query
            .as_ref()
            .map(|q| snippet::Snippets::new(&self.searcher, q.as_ref(), fields.body));
        let mut hits = Vec::new();
        for (score, address) in top {
            let doc = self.document(address)?;
            let article: Article = self.parse_record(&doc)?;
            let also_in = doc
                .get_all(fields.copies)
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect();
            let (copies, group) = self.copies_of(address, &scope)?;
            let snippet = match &snippets {
                Some(snippets) => snippets.of(&article.body),
                None => snippet::opening(&article.body),
            };
            hits.push(Hit {
                score,
                article,
                snippet,
                copies,
                group: group.map(|g| format!("{g:016x}")),
                also_in,
            });
        }
        Ok(Results { total, hits })
    }

    /// The words and phrases a topic stands for: a place also by its adjectives, demonyms and
    /// cities (`Japan`: Japanese, Tokyo, ...).
    /// A city stands for itself only: `--about Moscow` returned every quote about Russia.
    pub fn topic_terms(topic: &str) -> Vec<String> {
        let topic = topic.trim();
        match Lexicon::get().place(topic) {
            Some(place) if !is_city_of(topic, &place.name) => place.terms.clone(),
            _ => vec![topic.to_string()],
        }
    }

    fn topic_query(&self, fields: &[Field], topic: &str) -> Result<Option<Box<dyn Query>>> {
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for term in Self::topic_terms(topic) {
            for &field in fields {
                if let Some(query) = self.phrase(field, &term)? {
                    clauses.push((Occur::Should, query));
                }
            }
        }
        Ok((!clauses.is_empty()).then(|| Box::new(BooleanQuery::new(clauses)) as Box<dyn Query>))
    }

    /// The queries of a quote request, in the order their hits are listed (quotes whose own
    /// words match the topic, then quotes from articles about it), and the query whose words
    /// are highlighted in the quotes.
    fn quote_groups(&self, request: &QuoteRequest) -> Result<QuoteGroups> {
        let fields = &self.index.fields;
        let mut base = vec![(Occur::Must, self.kind(KIND_QUOTE))];
        // What narrows the articles whose quotes the join takes: article documents carry the
        // speakers of their quotes, and the same date, agency and place.
        let mut article_side: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        if let Some(by) = &request.by {
            let query = self
                .all_words(fields.speaker, &speaker_name(by))?
                .ok_or_else(|| Error::Query {
                    input: by.clone(),
                    reason: "--by needs a name, e.g. --by Lavrov".into(),
                    at: None,
                })?;
            article_side.push((Occur::Must, query.box_clone()));
            base.push((Occur::Must, query));
        }
        let mut highlight: Option<Box<dyn Query>> = None;
        if let Some(text) = request.query.as_deref().filter(|q| !q.trim().is_empty()) {
            let query = parse::parse_query(self.index, text, vec![fields.quote])?;
            highlight = Some(query.box_clone());
            base.push((Occur::Must, query));
        }
        let filters = self.filter_clauses(&request.filters)?;
        article_side.extend(filters.iter().map(|(o, q)| (*o, q.box_clone())));
        base.extend(filters);

        let topic = request.about.as_deref().filter(|t| !t.trim().is_empty());
        let Some(topic) = topic else {
            return Ok(QuoteGroups {
                groups: vec![QuoteGroup {
                    query: Box::new(BooleanQuery::new(base)),
                    matched: MatchedBy::Quote,
                }],
                highlight,
            });
        };
        let in_quote = self
            .topic_query(&[fields.quote], topic)?
            .ok_or_else(|| Error::Query {
                input: topic.to_string(),
                reason: "--about needs a word, e.g. --about Japan".into(),
                at: None,
            })?;
        let with = |extra: Vec<(Occur, Box<dyn Query>)>| -> Box<dyn Query> {
            let mut clauses: Vec<(Occur, Box<dyn Query>)> =
                base.iter().map(|(o, q)| (*o, q.box_clone())).collect();
            clauses.extend(extra);
            Box::new(BooleanQuery::new(clauses))
        };
        let mut groups = vec![QuoteGroup {
            query: with(vec![(Occur::Must, in_quote.box_clone())]),
            matched: MatchedBy::Quote,
        }];
        highlight = Some(match highlight {
            Some(q) => Box::new(BooleanQuery::new(vec![
                (Occur::Should, q),
                (Occur::Should, in_quote.box_clone()),
            ])),
            None => in_quote.box_clone(),
        });

        // Then quotes from articles about the topic, whose own words do not name it: the
        // quote documents that follow the matching article documents (see [`join`]).
        let about_articles = self.topic_query(&[fields.body], topic)?;
        if let Some(about_articles) = about_articles {
            article_side.insert(0, (Occur::Must, about_articles));
            let of_articles = join::QuotesOf::new(all_of(article_side), fields.quote_count);
            groups.push(QuoteGroup {
                query: with(vec![
                    (Occur::MustNot, in_quote),
                    (Occur::Must, Box::new(of_articles)),
                ]),
                matched: MatchedBy::Article,
            });
        }
        Ok(QuoteGroups { groups, highlight })
    }

    /// Quotations matching a quote request: those whose own words match the topic first, then
    /// those whose article matches it.
    pub fn quotes(&self, request: &QuoteRequest) -> Result<Results<QuoteHit>> {
        let QuoteGroups { groups, highlight } = self.quote_groups(request)?;
        let mut results = Results {
            total: 0,
            hits: Vec::new(),
        };
        for group in &groups {
            // Each group's page starts where the previous groups' matches end.
            let page = (
                request.limit.saturating_sub(results.hits.len()),
                request.offset.saturating_sub(results.total),
            );
            let more = self.quote_hits(
                group,
                page,
                highlight.as_ref().map(|q| q.box_clone()),
                request,
            )?;
            results.total += more.total;
            results.hits.extend(more.hits);
        }
        Ok(results)
    }

    fn quote_hits(
        &self,
        group: &QuoteGroup,
        (limit, offset): (usize, usize),
        highlight: Option<Box<dyn Query>>,
        request: &QuoteRequest,
    ) -> Result<Results<QuoteHit>> {
        let (query, matched) = (group.query.as_ref(), group.matched);
        let (known, scope) = self.scope(query, Over::Quotes, request.filters.collapse)?;
        // Ranked by relevance, a quote's score is scaled by its length: words said about the
        // topic before two-word scare quotes naming it (see [`substance`]).
        let ranked = substance::LengthPrior::new(query.box_clone(), self.index.fields.quote);
        let ranked: &dyn Query = match request.sort {
            Sort::Relevance => &ranked,
            Sort::Date => query,
        };
        let (total, top) = self.page(ranked, &scope, known, (limit, offset), request.sort)?;
        let mut hits = Vec::new();
        let snippets = highlight
            .as_ref()
            .map(|q| snippet::Snippets::new(&self.searcher, q.as_ref(), self.index.fields.quote));
        for (score, address) in top {
            let quote: QuoteRecord = self.record(address)?;
            let highlights = snippets
                .as_ref()
                .map(|s| highlights_in(s, &quote.text))
                .unwrap_or_default();
            let (copies, _) = self.copies_of(address, &scope)?;
            hits.push(QuoteHit {
                score,
                matched,
                quote,
                highlights,
                copies,
            });
        }
        Ok(Results { total, hits })
    }

    /// The article whose id (as `search --json` and `quotes --json` print it, or as `search`
    /// shortens it) is `id` or starts with it, in any case; `None` when no article's does, an
    /// [`Error::AmbiguousId`] when several articles' do.
    pub fn article(&self, id: &str) -> Result<Option<Article>> {
        let prefix = id.trim().to_ascii_lowercase();
        if prefix.is_empty() || !prefix.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Ok(None);
        }
        let field = self.index.fields.article_id;
        let matching: Box<dyn Query> = if prefix.len() >= ID_DIGITS {
            term_query(Term::from_field_text(field, &prefix))
        } else {
            // Hex digits need no escaping in a regex.
            Box::new(
                RegexQuery::from_pattern(&format!("{prefix}.*"), field).map_err(|e| self.err(e))?,
            )
        };
        let query = BooleanQuery::new(vec![
            (Occur::Must, self.kind(KIND_ARTICLE)),
            (Occur::Must, matching),
        ]);
        let found = self.top(&query, AMBIGUOUS_SHOWN, 0, Sort::Relevance)?;
        match found.as_slice() {
            [] => Ok(None),
            [(_, address)] => Ok(Some(self.record(*address)?)),
            _ => {
                let mut ids = Vec::with_capacity(found.len());
                for &(_, address) in &found {
                    ids.push(self.record::<Article>(address)?.id);
                }
                ids.sort();
                Err(Error::AmbiguousId {
                    prefix,
                    matches: self.count(&query)?,
                    ids,
                })
            }
        }
    }

    /// Every article matching `request` from its offset on, whatever its limit: for exports
    /// and counts, where nothing may be cut.
    pub fn search_all(&self, request: &SearchRequest) -> Result<Results<Hit>> {
        let first = SearchRequest {
            limit: 1,
            ..request.clone()
        };
        let total = self.search(&first)?.total;
        let limit = total.saturating_sub(request.offset).max(1);
        self.search(&SearchRequest {
            limit,
            ..request.clone()
        })
    }

    /// Every quotation matching `request` from its offset on, whatever its limit.
    pub fn quotes_all(&self, request: &QuoteRequest) -> Result<Results<QuoteHit>> {
        let first = QuoteRequest {
            limit: 1,
            ..request.clone()
        };
        let total = self.quotes(&first)?.total;
        let limit = total.saturating_sub(request.offset).max(1);
        self.quotes(&QuoteRequest {
            limit,
            ..request.clone()
        })
    }

    /// Counts of the articles matching `request` by `facet` (every match, not only `limit`),
    /// read from fast columns.
    pub fn count_articles(
        &self,
        request: &SearchRequest,
        facet: facets::Facet,
    ) -> Result<Vec<facets::Count>> {
        let (query, _) = self.article_query(request)?;
        let (_, scope) = self.scope(&*query, Over::Articles, request.filters.collapse)?;
        let collector = facets::FacetCollector::new(facet, Over::Articles);
        self.collect(&*query, &scope, collector)
    }

    /// Counts of the quotations matching `request` by `facet` (every match, not only `limit`),
    /// read from fast columns.
    pub fn count_quotes(
        &self,
        request: &QuoteRequest,
        facet: facets::Facet,
    ) -> Result<Vec<facets::Count>> {
        let mut rows = Vec::new();
        for group in self.quote_groups(request)?.groups {
            let collector = facets::FacetCollector::new(facet, Over::Quotes);
            let (_, scope) =
                self.scope(group.query.as_ref(), Over::Quotes, request.filters.collapse)?;
            let counts = self.collect(group.query.as_ref(), &scope, collector)?;
            rows.extend(counts.into_iter().map(|c| (c.key, c.count)));
        }
        Ok(facets::tally_counts(facet, rows))
    }

    /// Who the articles matching `request` mention and quote (all articles for an empty query).
    pub fn people(&self, request: &SearchRequest) -> Result<Vec<PersonCount>> {
        // Mentions and quotes per person are in the stored records; no snippets are made.
        let (query, _) = self.article_query(request)?;
        let (_, scope) = self.scope(&*query, Over::Articles, request.filters.collapse)?;
        let addresses = self.collect(&*query, &scope, DocSetCollector)?;
        let mut people: BTreeMap<String, PersonCount> = BTreeMap::new();
        for address in addresses {
            let article: PeopleOf = self.record(address)?;
            for person in &article.people {
                let entry = people
                    .entry(person.name.clone())
                    .or_insert_with(|| PersonCount {
                        name: person.name.clone(),
                        ..PersonCount::default()
                    });
                entry.articles += 1;
                entry.mentions += person.mentions;
            }
        }
        // Quotes are counted as `quotes` and `--count-by speaker` count them: the quote
        // documents of these articles, a quotation repeated by near-duplicates counted once.
        // Summing each article's own count gave another number (167 against 168).
        let quotes_of = join::QuotesOf::new(query, self.index.fields.quote_count);
        let (_, scope) = self.scope(&quotes_of, Over::Quotes, request.filters.collapse)?;
        let by_speaker = facets::FacetCollector::new(facets::Facet::Speaker, Over::Quotes);
        for row in self.collect(&quotes_of, &scope, by_speaker)? {
            if let Some(entry) = people.get_mut(&row.key) {
                entry.quotes = row.count;
            }
        }
        let mut rows: Vec<PersonCount> = people.into_values().collect();
        rows.sort_by(|a, b| (b.quotes, b.articles, &a.name).cmp(&(a.quotes, a.articles, &b.name)));
        Ok(rows)
    }

    /// Totals of the whole index, from fast columns.
    pub fn stats(&self) -> Result<Stats> {
        let articles_query = self.kind(KIND_ARTICLE);
        let articles = self.count(articles_query.as_ref())?;
        let quotes = self.count(self.kind(KIND_QUOTE).as_ref())?;
        let by = |facet| {
            let collector = facets::FacetCollector::new(facet, facets::Over::Articles);
            self.searcher
                .search(articles_query.as_ref(), &collector)
                .map_err(|e| self.err(e))
        };
        let named = |rows: Vec<facets::Count>| rows.iter().filter(|r| r.key != "(none)").count();
        let people = named(by(facets::Facet::Person)?);
        let speakers = named(by(facets::Facet::Speaker)?);
        // An agency's names count as one, as in --count-by agency.
        let agencies: Vec<(String, usize)> = facets::tally_counts(
            facets::Facet::Agency,
            by(facets::Facet::Agency)?
                .into_iter()
                .map(|row| (row.key, row.count)),
        )
        .into_iter()
        .map(|row| (row.key, row.count))
        .collect();
        let undated = by(facets::Facet::Year)?
            .iter()
            .find(|row| row.key == "(undated)")
            .map_or(0, |row| row.count);
        let (mut first_date, mut last_date) = (None::<NaiveDate>, None::<NaiveDate>);
        for segment in self.searcher.segment_readers() {
            if let Ok(column) = segment.fast_fields().date("date")
                && column.num_docs() > 0
                && column.values.num_vals() > 0
            {
                let (min, max) = (
                    from_datetime(column.min_value()),
                    from_datetime(column.max_value()),
                );
                first_date = first_date.min(min).or(first_date).or(min);
                last_date = last_date.max(max);
            }
        }
        Ok(Stats {
            articles,
            quotes,
            people,
            speakers,
            agencies,
            first_date,
            last_date,
            undated,
            size_bytes: folder_size(&self.index.path),
        })
    }
}

/// The part of a stored article record that `people` reads.
#[derive(serde::Deserialize)]
struct PeopleOf {
    people: Vec<crate::article::Person>,
}

/// What [`Searcher::scope`] learnt of the number of matches.
#[derive(Debug, Clone, Copy)]
enum Tally {
    /// It read every match: their number, near-duplicates collapsed.
    Total(usize),
    /// It read only the grouped matches: how many of those collapsing hides (the number of
    /// matches is the query's count less these).
    Hidden(usize),
}

/// The user's own query, for snippets (none for an empty query).
type UserQuery = Option<Box<dyn Query>>;

/// Which of a query's matches are listed and counted.
struct Scope {
    /// How collapse keys are made: for articles or quotations.
    over: Over,
    /// When set, of each near-duplicate group only its chosen member.
    chosen: Option<std::sync::Arc<Chosen>>,
    /// The groups `chosen` was made with.
    groups: collapse::GroupMap,
}

impl Scope {
    /// Every match.
    fn all(over: Over) -> Scope {
        Scope {
            over,
            chosen: None,
            groups: Default::default(),
        }
    }
}

/// One group of a quote request's hits.
struct QuoteGroup {
    /// The quote documents' query.
    query: Box<dyn Query>,
    /// Why its quotes match.
    matched: MatchedBy,
}

/// The queries of a quote request in listing order, and what to highlight in the quotes.
struct QuoteGroups {
    groups: Vec<QuoteGroup>,
    highlight: Option<Box<dyn Query>>,
}

fn highlights_in(snippets: &snippet::Snippets, text: &str) -> Vec<(usize, usize)> {
    let found = snippets.of(text);
    if found.text == text {
        found.highlights
    } else {
        // The snippet is a window of the text: shift its ranges back into the text.
        match text.find(found.text.trim_end_matches('…')) {
            Some(offset) => found
                .highlights
                .iter()
                .map(|&(a, b)| (a + offset, b + offset))
                .collect(),
            None => Vec::new(),
        }
    }
}

fn folder_size(path: &std::path::Path) -> u64 {
    walkdir::WalkDir::new(path)
        .into_iter()
        .filter_map(|e| e.ok())
        .filter_map(|e| e.metadata().ok())
        .filter(|m| m.is_file())
        .map(|m| m.len())
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article;
    use crate::source::RawArticle;

    /// An in-memory index of three short stories by fictional people, written with one thread
    /// so that document order is fixed.
    fn index() -> WireIndex {
        let stories = [
            [
                "Voronin to visit Tokyo",
                "MOSCOW, January 21, 2014 /ITAR-TASS/. Foreign Minister Arkady Voronin will visit Tokyo next month.",
                "“Japan is an important neighbour for us,” Voronin said. “We will prepare a peace treaty,” he added.",
            ],
            [
                "Harbour strike ends in Vessby",
                "VESSBY, March 3, 2016 (Reuters) - Dock workers ended a strike on Thursday.",
                "“The harbour is open again,” union leader Lina Mortensen told reporters.",
            ],
            [
                "Voronin meets Chinese counterpart",
                "BEIJING, May 14, 2019 (Reuters) - Arkady Voronin met his Chinese counterpart on Tuesday.",
                "“Our partners in Beijing share this view,” Voronin said of the treaty talks.",
            ],
        ];
        let index = WireIndex::in_memory().unwrap();
        let mut writer = index.writer(1).unwrap();
        for paragraphs in stories {
            let raw = RawArticle {
                paragraphs: paragraphs.iter().map(|p| p.to_string()).collect(),
                ..RawArticle::default()
            };
            index.add(&writer, &article::parse(&raw).unwrap()).unwrap();
        }
        writer.commit().unwrap();
        index
    }

    fn search(query: &str, filters: Filters) -> Results<Hit> {
        let index = index();
        let request = SearchRequest {
            query: query.into(),
            filters,
            limit: 10,
            ..SearchRequest::default()
        };
        Searcher::new(&index).unwrap().search(&request).unwrap()
    }

    fn headlines(results: &Results<Hit>) -> Vec<&str> {
        results
            .hits
            .iter()
            .map(|h| h.article.headline.as_str())
            .collect()
    }

    #[test]
    fn words_phrases_and_booleans_find_their_articles() {
        assert_eq!(search("voronin", Filters::default()).total, 2);
        assert_eq!(
            headlines(&search("\"peace treaty\"", Filters::default())),
            ["Voronin to visit Tokyo"]
        );
        assert_eq!(
            headlines(&search("voronin AND NOT tokyo", Filters::default())),
            ["Voronin meets Chinese counterpart"]
        );
        assert_eq!(search("headline:strike", Filters::default()).total, 1);
        assert_eq!(search("submarine", Filters::default()).total, 0);
    }

    #[test]
    fn filters_narrow_by_date_agency_and_place() {
        let since = Filters {
            since: NaiveDate::from_ymd_opt(2015, 1, 1),
            ..Filters::default()
        };
        assert_eq!(
            headlines(&search("voronin", since)),
            ["Voronin meets Chinese counterpart"]
        );
        let agency = Filters {
            agency: vec!["Reuters".into()],
            ..Filters::default()
        };
        assert_eq!(search("", agency).total, 2);
        let place = Filters {
            place: Some("Vessby".into()),
            ..Filters::default()
        };
        assert_eq!(
            headlines(&search("", place)),
            ["Harbour strike ends in Vessby"]
        );
    }

    #[test]
    fn sorting_by_date_puts_the_newest_first() {
        let index = index();
        let request = SearchRequest {
            query: "".into(),
            limit: 10,
            sort: Sort::Date,
            ..SearchRequest::default()
        };
        let results = Searcher::new(&index).unwrap().search(&request).unwrap();
        let dates: Vec<String> = results
            .hits
            .iter()
            .map(|h| h.article.date.unwrap().to_string())
            .collect();
        assert_eq!(dates, ["2019-05-14", "2016-03-03", "2014-01-21"]);
    }

    #[test]
    fn quotes_by_a_speaker_about_a_country_include_its_capital_and_pronoun_quotes() {
        let index = index();
        let searcher = Searcher::new(&index).unwrap();
        let request = QuoteRequest {
            by: Some("Voronin".into()),
            about: Some("Japan".into()),
            limit: 10,
            ..QuoteRequest::default()
        };
        let found = searcher.quotes(&request).unwrap();
        let texts: Vec<&str> = found.hits.iter().map(|h| h.quote.text.as_str()).collect();
        // The quote naming Japan first, then the one from the article about Tokyo ("he added").
        assert_eq!(
            texts,
            [
                "Japan is an important neighbour for us",
                "We will prepare a peace treaty"
            ]
        );
        assert!(
            found
                .hits
                .iter()
                .all(|h| h.quote.speaker.as_deref() == Some("Arkady Voronin"))
        );
        let everyone = QuoteRequest {
            limit: 10,
            ..QuoteRequest::default()
        };
        assert_eq!(searcher.quotes(&everyone).unwrap().total, 4);
    }

    #[test]
    fn counts_and_people_tally_every_match() {
        let index = index();
        let searcher = Searcher::new(&index).unwrap();
        let all = SearchRequest::default();
        let agencies = searcher.count_articles(&all, Facet::Agency).unwrap();
        let rows: Vec<(&str, usize)> = agencies.iter().map(|r| (r.key.as_str(), r.count)).collect();
        assert_eq!(rows, [("Reuters", 2), ("TASS", 1)]);
        let people = searcher.people(&all).unwrap();
        assert_eq!(people[0].name, "Arkady Voronin");
        assert_eq!((people[0].articles, people[0].quotes), (2, 3));
    }

    #[test]
    fn words_said_about_a_topic_rank_before_scare_quotes_naming_it() {
        let index = WireIndex::in_memory().unwrap();
        let mut writer = index.writer(1).unwrap();
        let stories = [
            [
                "Opposition attacks harbour levy",
                "VESSBY, March 3, 2016 (Reuters) - Critics called the new levy \"harbour theft\" on Thursday.",
            ],
            [
                "Board defends harbour levy",
                "VESSBY, March 4, 2016 (Reuters) - \"The levy pays for dredging the harbour, and every \
                 shipping line that uses the harbour will see faster turnarounds by the summer,\" \
                 board chairman Tomas Vreeland said on Friday.",
            ],
        ];
        for paragraphs in stories {
            let raw = RawArticle {
                paragraphs: paragraphs.iter().map(|p| p.to_string()).collect(),
                ..RawArticle::default()
            };
            index.add(&writer, &article::parse(&raw).unwrap()).unwrap();
        }
        writer.commit().unwrap();
        let searcher = Searcher::new(&index).unwrap();
        let about = |sort| QuoteRequest {
            about: Some("harbour".into()),
            limit: 10,
            sort,
            ..QuoteRequest::default()
        };
        let texts = |found: Results<QuoteHit>| -> Vec<String> {
            found.hits.into_iter().map(|h| h.quote.text).collect()
        };
        // BM25 alone put the two-word quote first.
        let ranked = texts(searcher.quotes(&about(Sort::Relevance)).unwrap());
        assert_eq!(ranked.len(), 2);
        assert!(ranked[0].starts_with("The levy pays"), "{ranked:?}");
        assert_eq!(ranked[1], "harbour theft");
        // By date, the prior plays no part.
        let by_date = texts(searcher.quotes(&about(Sort::Date)).unwrap());
        assert_eq!(by_date[1], "harbour theft");
    }

    #[test]
    fn an_article_is_found_by_its_id_and_a_bad_query_says_where() {
        let index = index();
        let searcher = Searcher::new(&index).unwrap();
        let hit = &search("vessby", Filters::default()).hits[0];
        let article = searcher.article(&hit.article.id).unwrap().unwrap();
        assert_eq!(article.headline, "Harbour strike ends in Vessby");
        assert!(searcher.article("0000000000000000").unwrap().is_none());
        let request = SearchRequest {
            query: "(voronin".into(),
            limit: 10,
            ..SearchRequest::default()
        };
        let err = searcher.search(&request).unwrap_err();
        assert!(matches!(err, Error::Query { .. }), "{err}");
    }
}
