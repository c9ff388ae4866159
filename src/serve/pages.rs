//! The pages: server-rendered HTML (maud escapes every value it is given, so an article's
//! `<script>` is text), no JavaScript, the whole state in the URL so any page can be bookmarked
//! and shared. Search, quotes, article and timeline; each form is a plain GET.

use std::collections::BTreeMap;
use std::sync::Arc;

use axum::extract::State as Extract;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use maud::{DOCTYPE, Markup, html};

use super::api::{self, Input};
use super::params::Params;
use super::state::{Failure, State, blocking};
use crate::article::Article;
use crate::article::date::DateSource;
use crate::query::facets::{Count, Facet};
use crate::query::{Hit, MatchedBy, QuoteHit, Results, Searcher, Snippet, Sort};

/// Hits per page of the search page.
const PAGE: usize = 20;
/// Quotes per page of the quotes page.
const QUOTE_PAGE: usize = 30;
/// Rows shown per facet.
const FACET_ROWS: usize = 8;

/// Which page a link in the header marks as current.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Tab {
    Search,
    Quotes,
    Timeline,
    None,
}

fn layout(title: &str, tab: Tab, body: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " · wiredex" }
                link rel="stylesheet" href="/assets/style.css";
                link rel="icon" href="/assets/icon.svg" type="image/svg+xml";
            }
            body {
                header.masthead {
                    a.brand href="/" { span.logo { "w" } "wiredex" }
                    nav {
                        a href="/" aria-current=[(tab == Tab::Search).then_some("page")] { "Articles" }
                        a href="/quotes" aria-current=[(tab == Tab::Quotes).then_some("page")] { "Quotes" }
                        a href="/timeline" aria-current=[(tab == Tab::Timeline).then_some("page")] { "Timeline" }
                    }
                }
                main { (body) }
                footer {
                    "wiredex · a read-only view of the archive on this machine · "
                    a href="/api/stats" { "JSON API" }
                }
            }
        }
    }
}

fn page(status: StatusCode, markup: Markup) -> Response {
    (status, Html(markup.into_string())).into_response()
}

/// A page telling what went wrong (a bad query is shown with its caret, as on the terminal).
fn failure_page(failure: &Failure, form: Markup, tab: Tab) -> Response {
    let title = match failure {
        Failure::BadRequest(_) => "That query cannot be read",
        Failure::NotFound(_) => "Not found",
        Failure::Internal(_) => "The index failed",
    };
    let body = html! {
        (form)
        section.error role="alert" {
            h2 { (title) }
            pre { (failure.message()) }
        }
    };
    page(failure.status(), layout(title, tab, body))
}

/// Any address the server does not know.
pub async fn not_found() -> Response {
    failure_page(
        &Failure::NotFound("there is no page at this address".into()),
        html! {},
        Tab::None,
    )
}

/// Text with byte `ranges` marked; ranges that do not fall on characters are skipped.
fn marked(text: &str, ranges: &[(usize, usize)]) -> Markup {
    let mut at = 0;
    let mut parts: Vec<(&str, bool)> = Vec::new();
    for &(start, end) in ranges {
        if start < at
            || end > text.len()
            || start > end
            || !text.is_char_boundary(start)
            || !text.is_char_boundary(end)
        {
            continue;
        }
        parts.push((&text[at..start], false));
        parts.push((&text[start..end], true));
        at = end;
    }
    parts.push((&text[at..], false));
    html! {
        @for (part, hit) in parts {
            @if hit { mark { (part) } } @else { (part) }
        }
    }
}

fn snippet(snippet: &Snippet) -> Markup {
    marked(&snippet.text, &snippet.highlights)
}

/// Whether a snippet is the opening of the text (snippets join paragraphs with spaces, so the
/// first words are compared).
fn opens(text: &str, snippet: &str) -> bool {
    text.split_whitespace()
        .zip(snippet.split_whitespace())
        .take(6)
        .all(|(a, b)| a == b)
}

fn copies_note(copies: usize) -> Option<String> {
    match copies {
        0 => None,
        1 => Some("+1 copy".into()),
        n => Some(format!("+{n} copies")),
    }
}

/// The date, agency and place of a story, as a line of small print.
fn byline(date: Option<chrono::NaiveDate>, agency: Option<&str>, place: Option<&str>) -> Markup {
    html! {
        @if let Some(date) = date { time datetime=(date) { (date.format("%-d %b %Y")) } }
        @else { span.muted { "undated" } }
        @if let Some(agency) = agency { span.agency { (agency) } }
        @if let Some(place) = place { span.place { (place) } }
    }
}

fn text_input(name: &str, label: &str, value: Option<&str>, hint: &str) -> Markup {
    html! {
        label {
            span { (label) }
            input type="text" name=(name) value=[value] placeholder=(hint);
        }
    }
}

fn search_form(params: &Params) -> Markup {
    let sort = page_sort(params);
    let open = [
        &params.since,
        &params.until,
        &params.agency,
        &params.dateline,
    ]
    .iter()
    .any(|v| params.get(v).is_some())
        || params.get(&params.sort) == Some("date");
    html! {
        form.search action="/" method="get" role="search" {
            div.querybar {
                input type="search" name="q" value=[params.get(&params.q)] aria-label="Search the archive"
                    placeholder="words, \"a phrase\", person:Lavrov, agency:TASS, NOT …" autofocus;
                button type="submit" { "Search" }
            }
            details.filters open[open] {
                summary { "Dates, agency, place, order" }
                div.fields {
                    (text_input("since", "From", params.get(&params.since), "YYYY, YYYY-MM or YYYY-MM-DD"))
                    (text_input("until", "To", params.get(&params.until), "YYYY, YYYY-MM or YYYY-MM-DD"))
                    (text_input("agency", "Agency", params.get(&params.agency), "Reuters, TASS …"))
                    (text_input("dateline", "Place", params.get(&params.dateline), "Moscow, Tokyo …"))
                    label {
                        span { "Order" }
                        select name="sort" {
                            option value="relevance" selected[sort != "date"] { "Best match" }
                            option value="date" selected[sort == "date"] { "Newest first" }
                        }
                    }
                }
            }
        }
    }
}

/// "Showing 21–40 of 734", never hiding that there are more.
fn range_line(offset: usize, shown: usize, total: usize, what: &str) -> Markup {
    html! {
        @if total == 0 { "No " (what) " match." }
        @else if shown == 0 { "No " (what) " on this page: " (total) " match in all." }
        @else { (offset + 1) "–" (offset + shown) " of " strong { (total) } " " (what) }
    }
}

/// Previous, numbered and next links around the current page.
fn pager(params: &Params, path: &str, offset: usize, per_page: usize, total: usize) -> Markup {
    let pages = total.div_ceil(per_page);
    if pages <= 1 {
        return html! {};
    }
    let current = offset / per_page;
    let link = |page: usize| {
        let mut p = params.clone();
        p.offset = (page > 0).then(|| (page * per_page).to_string());
        p.url(path)
    };
    let mut shown: Vec<usize> = vec![0, pages - 1];
    shown.extend(current.saturating_sub(2)..=(current + 2).min(pages - 1));
    shown.sort_unstable();
    shown.dedup();
    // A page number, or `None` for the gap before it when pages are skipped.
    let mut items: Vec<Option<usize>> = Vec::new();
    for (i, &page) in shown.iter().enumerate() {
        if i > 0 && page > shown[i - 1] + 1 {
            items.push(None);
        }
        items.push(Some(page));
    }
    html! {
        nav.pager aria-label="Pages" {
            @if current > 0 { a rel="prev" href=(link(current - 1)) { "← Previous" } }
            @for item in items {
                @match item {
                    None => span.gap { "…" },
                    Some(page) if page == current => span.current aria-current="page" { (page + 1) },
                    Some(page) => a href=(link(page)) { (page + 1) },
                }
            }
            @if current + 1 < pages { a rel="next" href=(link(current + 1)) { "Next →" } }
        }
    }
}

/// The query narrowed by a clause (`person:"Sergei Lavrov"`).
fn narrowed(query: &str, clause: &str) -> String {
    if query.trim().is_empty() {
        clause.to_string()
    } else {
        format!("{} {clause}", query.trim())
    }
}

/// The link that narrows the search to a facet's value, if the value can be searched.
fn facet_link(params: &Params, facet: Facet, key: &str) -> Option<String> {
    if key.starts_with('(') {
        return None;
    }
    let quoted = format!("\"{}\"", key.replace('"', ""));
    let changed = params.with(|p| match facet {
        Facet::Agency => p.agency = Some(key.to_string()),
        Facet::Place => p.dateline = Some(key.to_string()),
        Facet::Person => p.q = Some(narrowed(&p.query(), &format!("person:{quoted}"))),
        Facet::Speaker => p.q = Some(narrowed(&p.query(), &format!("speaker:{quoted}"))),
        _ => {
            p.since = Some(key.to_string());
            p.until = Some(key.to_string());
        }
    });
    Some(changed.url("/"))
}

fn facet_box(params: &Params, facet: Facet, title: &str, rows: &[Count]) -> Markup {
    let rows: Vec<&Count> = rows
        .iter()
        .filter(|r| !r.key.starts_with('('))
        .take(FACET_ROWS)
        .collect();
    html! {
        @if !rows.is_empty() {
            section.facet {
                h3 { (title) }
                ul {
                    @for row in rows {
                        li {
                            @if let Some(url) = facet_link(params, facet, &row.key) {
                                a href=(url) { span.key { (row.key) } span.count { (row.count) } }
                            } @else {
                                span.key { (row.key) } span.count { (row.count) }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// The filters in force, each with a link that removes it.
fn active_filters(params: &Params, path: &str) -> Markup {
    let mut chips: Vec<(String, String)> = Vec::new();
    let mut add = |label: String, change: fn(&mut Params)| {
        chips.push((label, params.with(change).url(path)));
    };
    if let Some(v) = params.get(&params.since) {
        add(format!("from {v}"), |p| p.since = None);
    }
    if let Some(v) = params.get(&params.until) {
        add(format!("to {v}"), |p| p.until = None);
    }
    if let Some(v) = params.get(&params.agency) {
        add(format!("agency: {v}"), |p| p.agency = None);
    }
    if let Some(v) = params.get(&params.dateline) {
        add(format!("place: {v}"), |p| p.dateline = None);
    }
    html! {
        @if !chips.is_empty() {
            p.chips {
                @for (label, url) in chips {
                    a.chip href=(url) title="Remove this filter" { (label) " ✕" }
                }
            }
        }
    }
}

fn downloads(params: &Params, api: &str) -> Markup {
    let all = params.with(|p| {
        p.all = Some("true".into());
        p.group = None;
    });
    let json = all.with(|p| p.format = Some("json".into()));
    let csv = all.with(|p| p.format = Some("csv".into()));
    html! {
        span.downloads { "Download all: " a href=(json.url(api)) { "JSON" } " · " a href=(csv.url(api)) { "CSV" } }
    }
}

/// What the search page shows.
struct SearchView {
    results: Results<Hit>,
    facets: Vec<(Facet, &'static str, Vec<Count>)>,
    total_articles: usize,
}

/// The order of the search page: as asked, else best match for a query and newest first for
/// the whole archive (where every story matches equally).
fn page_sort(params: &Params) -> &str {
    match (params.get(&params.sort), params.get(&params.q)) {
        (Some(sort), _) => sort,
        (None, Some(_)) => "relevance",
        (None, None) => "date",
    }
}

fn search_view(searcher: &Searcher, params: &Params) -> Result<SearchView, Failure> {
    let mut request = params.search_request(PAGE)?;
    if page_sort(params) == "date" {
        request.sort = Sort::Date;
    }
    let results = searcher.search(&request)?;
    let mut facets = Vec::new();
    for (facet, title) in [
        (Facet::Agency, "Agency"),
        (Facet::Place, "Place"),
        (Facet::Person, "People"),
        (Facet::Speaker, "Speakers"),
        (Facet::Year, "Year"),
    ] {
        let mut rows = searcher.count_articles(&request, facet)?;
        if facet == Facet::Year {
            rows.sort_by(|a, b| b.key.cmp(&a.key));
        }
        facets.push((facet, title, rows));
    }
    // Only an empty result says how many articles there are (stats walk the index folder).
    let total_articles = if results.total == 0 {
        searcher.stats().map(|s| s.articles).unwrap_or(0)
    } else {
        0
    };
    Ok(SearchView {
        results,
        facets,
        total_articles,
    })
}

fn hit_card(hit: &Hit) -> Markup {
    let article = &hit.article;
    html! {
        article.hit {
            h2 { a href=(format!("/articles/{}", article.id)) { (article.headline) } }
            p.meta {
                (byline(article.date, article.agency.as_deref(), article.dateline.as_deref()))
                @if let Some(note) = copies_note(hit.copies) { span.copies { (note) } }
            }
            p.snippet {
                @if !opens(&article.body, &hit.snippet.text) { "… " }
                (snippet(&hit.snippet))
            }
        }
    }
}

/// `/`: the search page.
pub async fn search(Extract(state): Extract<Arc<State>>, input: Input) -> Response {
    let params = match api::params(input) {
        Ok(p) => p,
        Err(e) => return failure_page(&e, search_form(&Params::default()), Tab::Search),
    };
    let for_view = params.clone();
    let view = blocking(&state, move |searcher| search_view(searcher, &for_view)).await;
    let view = match view {
        Ok(view) => view,
        Err(e) => return failure_page(&e, search_form(&params), Tab::Search),
    };
    let offset = params.offset().unwrap_or(0);
    let title = params
        .get(&params.q)
        .unwrap_or("Search the archive")
        .to_string();
    let results = &view.results;
    let body = html! {
        (search_form(&params))
        div.columns {
            section.results aria-label="Results" {
                div.summary {
                    p.count { (range_line(offset, results.hits.len(), results.total, "articles")) }
                    @if results.total > 0 { (downloads(&params, "/api/search")) }
                }
                (active_filters(&params, "/"))
                @if results.total == 0 {
                    p.empty { "Nothing in the " (view.total_articles) " articles matches. Try fewer words, or remove a filter." }
                }
                @for hit in &results.hits { (hit_card(hit)) }
                (pager(&params, "/", offset, PAGE, results.total))
            }
            aside.facets aria-label="Narrow the search" {
                @for (facet, name, rows) in &view.facets { (facet_box(&params, *facet, name, rows)) }
            }
        }
    };
    page(StatusCode::OK, layout(&title, Tab::Search, body))
}

fn quotes_form(params: &Params) -> Markup {
    let group = params.get(&params.group).unwrap_or("speaker");
    html! {
        form.search.quotes action="/quotes" method="get" {
            p.lede { "Every quotation by a speaker about a topic: who said what, where and when." }
            div.fields {
                (text_input("by", "Speaker", params.get(&params.by), "Lavrov, \"Sergey Lavrov\""))
                (text_input("about", "About", params.get(&params.about), "Japan, oil, the budget"))
                (text_input("q", "Words in the quote", params.get(&params.q), "optional"))
                (text_input("since", "From", params.get(&params.since), "YYYY-MM-DD"))
                (text_input("until", "To", params.get(&params.until), "YYYY-MM-DD"))
                label {
                    span { "Show" }
                    select name="group" {
                        option value="speaker" selected[group != "date"] { "Grouped by speaker" }
                        option value="date" selected[group == "date"] { "Newest first" }
                    }
                }
                button type="submit" { "Find quotes" }
            }
        }
    }
}

fn quote_card(hit: &QuoteHit, with_speaker: bool) -> Markup {
    let quote = &hit.quote;
    html! {
        figure.quote {
            blockquote { "“" (marked(&quote.text, &hit.highlights)) "”" }
            figcaption {
                @if with_speaker {
                    span.speaker { (quote.speaker.as_deref().unwrap_or("Unattributed")) }
                }
                @if let Some(cue) = &quote.cue { span.cue { (cue) } }
                @if hit.matched == MatchedBy::Article { span.badge title="The quote's own words do not name the topic; its article does" { "from an article on the topic" } }
                @if let Some(note) = copies_note(hit.copies) { span.copies { (note) } }
            }
            @if let Some(attribution) = &quote.attribution { p.attribution { (attribution) } }
            p.source {
                a href=(format!("/articles/{}", quote.article_id)) { (quote.headline) }
                " · " (byline(quote.date, quote.agency.as_deref(), quote.place.as_deref()))
            }
        }
    }
}

struct QuotesView {
    results: Results<QuoteHit>,
    speakers: Vec<Count>,
}

/// `/quotes`: the quotes page, the mission's question as a form.
pub async fn quotes(Extract(state): Extract<Arc<State>>, input: Input) -> Response {
    let params = match api::params(input) {
        Ok(p) => p,
        Err(e) => return failure_page(&e, quotes_form(&Params::default()), Tab::Quotes),
    };
    let asked = [&params.by, &params.about, &params.q]
        .iter()
        .any(|v| params.get(v).is_some());
    let by_date = params.get(&params.group) == Some("date");
    let for_view = params.clone();
    let view = blocking(&state, move |searcher| {
        let mut request = for_view.quote_request(QUOTE_PAGE)?;
        if by_date {
            request.sort = Sort::Date;
        }
        let results = searcher.quotes(&request)?;
        let speakers = searcher.count_quotes(&request, Facet::Speaker)?;
        Ok(QuotesView { results, speakers })
    })
    .await;
    let view = match view {
        Ok(view) => view,
        Err(e) => return failure_page(&e, quotes_form(&params), Tab::Quotes),
    };
    let offset = params.offset().unwrap_or(0);
    let results = &view.results;
    // Grouped by speaker within the page, in the order each speaker first appears.
    let mut groups: Vec<(String, Vec<&QuoteHit>)> = Vec::new();
    let mut at: BTreeMap<String, usize> = BTreeMap::new();
    for hit in &results.hits {
        let speaker = hit
            .quote
            .speaker
            .clone()
            .unwrap_or_else(|| "Unattributed".into());
        let slot = *at.entry(speaker.clone()).or_insert_with(|| {
            groups.push((speaker, Vec::new()));
            groups.len() - 1
        });
        groups[slot].1.push(hit);
    }
    let body = html! {
        (quotes_form(&params))
        div.columns {
            section.results aria-label="Quotes" {
                div.summary {
                    p.count { (range_line(offset, results.hits.len(), results.total, "quotes")) }
                    @if results.total > 0 { (downloads(&params, "/api/quotes")) }
                }
                (active_filters(&params, "/quotes"))
                @if by_date {
                    @for hit in &results.hits { (quote_card(hit, true)) }
                } @else {
                    @for (speaker, hits) in &groups {
                        section.speaker-group {
                            h2 { (speaker) span.count { (hits.len()) } }
                            @for hit in hits { (quote_card(hit, false)) }
                        }
                    }
                }
                @if results.total == 0 && asked { p.empty { "No quotation matches. A surname alone (Lavrov) finds every form of the name." } }
                (pager(&params, "/quotes", offset, QUOTE_PAGE, results.total))
            }
            aside.facets aria-label="Speakers" {
                @let rows: Vec<&Count> = view.speakers.iter().filter(|r| !r.key.starts_with('(')).take(12).collect();
                @if !rows.is_empty() {
                    section.facet {
                        h3 { "Speakers" }
                        ul {
                            @for row in rows {
                                li { a href=(params.with(|p| p.by = Some(row.key.clone())).url("/quotes")) {
                                    span.key { (row.key) } span.count { (row.count) } } }
                            }
                        }
                    }
                }
            }
        }
    };
    let title = match (params.get(&params.by), params.get(&params.about)) {
        (Some(by), Some(about)) => format!("{by} on {about}"),
        (Some(by), None) => format!("Quotes by {by}"),
        (None, Some(about)) => format!("Quotes on {about}"),
        (None, None) => "Quotes".into(),
    };
    page(StatusCode::OK, layout(&title, Tab::Quotes, body))
}

/// A paragraph with its quotes marked and their speakers named after them.
fn paragraph(text: &str, quotes: &[(usize, &crate::Quote)]) -> Markup {
    let mut spans: Vec<(usize, usize, usize)> = Vec::new();
    for &(number, quote) in quotes {
        let from = spans.last().map_or(0, |s| s.1);
        if quote.text.is_empty() {
            continue;
        }
        if let Some(found) = text.get(from..).and_then(|rest| rest.find(&quote.text)) {
            let (start, end) = with_marks(text, from + found, from + found + quote.text.len());
            spans.push((start.max(from), end, number));
        }
    }
    // Each quote with the text before it; the text after the last one closes the paragraph.
    let mut pieces: Vec<(&str, &str, Option<&str>, usize)> = Vec::new();
    let mut at = 0;
    for (start, end, number) in spans {
        let speaker = quotes
            .iter()
            .find(|(n, _)| *n == number)
            .and_then(|(_, q)| q.speaker.as_deref());
        pieces.push((&text[at..start], &text[start..end], speaker, number));
        at = end;
    }
    let rest = &text[at..];
    html! {
        p {
            @for (before, said, speaker, number) in pieces {
                (before)
                span.said id=(format!("q{number}")) {
                    q { (said) }
                    @if let Some(speaker) = speaker {
                        a.who href=(Params { by: Some(speaker.to_string()), ..Params::default() }.url("/quotes")) { (speaker) }
                    } @else {
                        span.who.unknown { "speaker unknown" }
                    }
                }
            }
            (rest)
        }
    }
}

/// The quote at `start..end` of `text` widened to its quotation marks (and the comma or stop
/// inside the closing mark), so the speaker's name follows the whole quotation.
fn with_marks(text: &str, start: usize, end: usize) -> (usize, usize) {
    const OPEN: &[char] = &['“', '"', '«', '‘', '\''];
    const CLOSE: &[char] = &['”', '"', '»', '’', '\''];
    let before = text[..start].chars().next_back();
    let start = match before {
        Some(c) if OPEN.contains(&c) => start - c.len_utf8(),
        _ => start,
    };
    let mut after = text[end..].chars();
    let mut end = end;
    let mut next = after.next();
    if let Some(c) = next.filter(|c| matches!(c, ',' | '.' | '?' | '!'))
        && after.clone().next().is_some_and(|d| CLOSE.contains(&d))
    {
        end += c.len_utf8();
        next = after.next();
    }
    match next {
        Some(c) if CLOSE.contains(&c) => (start, end + c.len_utf8()),
        _ => (start, end),
    }
}

struct ArticleView {
    article: Article,
    copies: Vec<Article>,
    similar: Vec<(f32, Article)>,
}

fn story_list(articles: &[&Article]) -> Markup {
    html! {
        ul.stories {
            @for a in articles {
                li {
                    a href=(format!("/articles/{}", a.id)) { (a.headline) }
                    span.meta { (byline(a.date, a.agency.as_deref(), a.dateline.as_deref())) }
                }
            }
        }
    }
}

/// `/articles/{id}`: every field of one article.
pub async fn article(Extract(state): Extract<Arc<State>>, id: api::PathInput) -> Response {
    let id = match api::path(id) {
        Ok(id) => id,
        Err(e) => return failure_page(&e, html! {}, Tab::None),
    };
    let view = blocking(&state, move |searcher| {
        let Some(article) = searcher.article(&id)? else {
            return Err(api::not_found(&id));
        };
        let copies = searcher.copies(&article.id)?;
        let similar = searcher.similar(&article.id, 6)?;
        Ok(ArticleView {
            article,
            copies,
            similar,
        })
    })
    .await;
    let view = match view {
        Ok(view) => view,
        Err(e) => return failure_page(&e, html! {}, Tab::None),
    };
    let a = &view.article;
    let web = a
        .url
        .as_deref()
        .filter(|u| u.starts_with("https://") || u.starts_with("http://"));
    let date_note = match (a.date_source, a.year_inferred) {
        (Some(DateSource::Inferred), _) | (_, true) => Some("year inferred from the text"),
        (Some(DateSource::Metadata), false) => Some("date from the feed"),
        (Some(DateSource::Path), false) => Some("date from the file's name"),
        _ => None,
    };
    let body = html! {
        article.story {
            header {
                p.kicker {
                    @if let Some(place) = &a.dateline { span.place { (place) @if let Some(region) = &a.region { ", " (region) } } }
                    @if let Some(agency) = &a.agency { span.agency { (agency) } }
                }
                h1 { (a.headline) }
                @if let Some(deck) = &a.deck { p.deck { (deck) } }
                p.meta {
                    @if let Some(date) = a.date { time datetime=(date) { (date.format("%A %-d %B %Y")) } }
                    @else { span.muted { "undated" } }
                    @if let Some(note) = &date_note { span.muted { " (" (note) ")" } }
                    @if let Some(by) = &a.byline { span.byline { (by) } }
                }
            }
            div.columns {
                div.text {
                    @for (i, text) in a.body.split("\n\n").enumerate() {
                        @let here: Vec<(usize, &crate::Quote)> = a.quotes.iter().enumerate().filter(|(_, q)| q.paragraph == i).collect();
                        (paragraph(text, &here))
                    }
                }
                aside.facets {
                    @if !a.people.is_empty() {
                        section.facet {
                            h3 { "People" }
                            ul.people {
                                @for person in &a.people {
                                    li {
                                        a href=(Params { q: Some(format!("person:\"{}\"", person.name.replace('"', ""))), ..Params::default() }.url("/")) { (person.name) }
                                        @if !person.titles.is_empty() { span.titles { (person.titles.join("; ")) } }
                                        span.muted { (person.mentions) " mentions · " (person.quotes) " quotes" }
                                    }
                                }
                            }
                        }
                    }
                    section.facet {
                        h3 { "Copies and near-duplicates" }
                        @if view.copies.is_empty() { p.muted { "None in the index." } }
                        @else { (story_list(&view.copies.iter().collect::<Vec<_>>())) }
                    }
                    section.facet {
                        h3 { "More like this" }
                        @if view.similar.is_empty() { p.muted { "Nothing similar enough." } }
                        @else { (story_list(&view.similar.iter().map(|(_, a)| a).collect::<Vec<_>>())) }
                    }
                    section.facet {
                        h3 { "Record" }
                        dl.record {
                            dt { "id" } dd { code { (a.id) } }
                            dt { "file" } dd { code { (a.path) } @if a.record > 0 { " #" (a.record) } }
                            @if let Some(url) = web { dt { "address" } dd { a href=(url) rel="noopener noreferrer nofollow" { (url) } } }
                            @else if let Some(url) = &a.url { dt { "address" } dd { code { (url) } } }
                            dt { "quotes" } dd { (a.quotes.len()) }
                            dt { "JSON" } dd { a href=(format!("/api/articles/{}", a.id)) { "this article" } }
                        }
                    }
                }
            }
        }
    };
    page(StatusCode::OK, layout(&a.headline, Tab::None, body))
}

fn timeline_form(params: &Params) -> Markup {
    let by = params.get(&params.by).unwrap_or("month");
    html! {
        form.search action="/timeline" method="get" {
            div.querybar {
                input type="search" name="q" value=[params.get(&params.q)] aria-label="Query to chart" placeholder="A query whose attention to chart: sanctions, person:Lavrov …";
                button type="submit" { "Chart" }
            }
            div.fields {
                label {
                    span { "By" }
                    select name="by" {
                        @for period in ["year", "month", "week", "day"] {
                            option value=(period) selected[by == period] { (period) }
                        }
                    }
                }
                (text_input("since", "From", params.get(&params.since), "YYYY-MM-DD"))
                (text_input("until", "To", params.get(&params.until), "YYYY-MM-DD"))
                (text_input("agency", "Agency", params.get(&params.agency), "Reuters …"))
            }
        }
    }
}

/// `/timeline`: attention over time as the chart the CLI draws, with the table and downloads.
pub async fn timeline(Extract(state): Extract<Arc<State>>, input: Input) -> Response {
    let params = match api::params(input) {
        Ok(p) => p,
        Err(e) => return failure_page(&e, timeline_form(&Params::default()), Tab::Timeline),
    };
    let Some(query) = params.get(&params.q).map(str::to_string) else {
        let body = html! {
            (timeline_form(&params))
            p.lede { "Type a query to see how many stories matched it in each period, and what share of all stories of the period that was." }
        };
        return page(StatusCode::OK, layout("Timeline", Tab::Timeline, body));
    };
    let for_view = params.clone();
    let periods = blocking(&state, move |searcher| {
        let by = api::period(&for_view)?;
        Ok(searcher.timeline(&query, &for_view.filters()?, by)?)
    })
    .await;
    let periods = match periods {
        Ok(p) => p,
        Err(e) => return failure_page(&e, timeline_form(&params), Tab::Timeline),
    };
    let matching: usize = periods.iter().map(|p| p.count).sum();
    let plain = params.with(|p| {
        p.format = None;
        p.group = None;
    });
    let svg = plain
        .with(|p| p.format = Some("svg".into()))
        .url("/api/timeline");
    let json = plain
        .with(|p| p.format = Some("json".into()))
        .url("/api/timeline");
    let csv = plain
        .with(|p| p.format = Some("csv".into()))
        .url("/api/timeline");
    let search = plain.with(|p| p.by = None).url("/");
    let body = html! {
        (timeline_form(&params))
        section.timeline {
            p.summary {
                strong { (matching) } " matching articles over " (periods.len()) " periods · "
                a href=(search) { "see the articles" } " · "
                span.downloads { "Download: " a href=(json) { "JSON" } " · " a href=(csv) { "CSV" } " · " a href=(svg) { "SVG" } }
            }
            figure.chart { img src=(svg) alt=(format!("Chart: articles matching {} per period, and their share of all articles", params.query())); }
            details {
                summary { "Table of the " (periods.len()) " periods" }
                table {
                    thead { tr { th { "Period" } th.num { "Matching" } th.num { "All" } th.num { "Share" } } }
                    tbody {
                        @for p in &periods {
                            tr { td { (p.period) } td.num { (p.count) } td.num { (p.total) } td.num { (format!("{:.1}%", p.share * 100.0)) } }
                        }
                    }
                }
            }
        }
    };
    page(StatusCode::OK, layout(&params.query(), Tab::Timeline, body))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_are_marked_with_their_quotation_marks_and_closing_punctuation() {
        let cases = [
            ("He said “we agree,” and left.", "we agree", "“we agree,”"),
            ("“Never.” Then he left.", "Never", "“Never.”"),
            ("A \"plain\" one", "plain", "\"plain\""),
            ("no marks here at all", "marks", "marks"),
            ("«Да» сказал он", "Да", "«Да»"),
        ];
        for (text, quote, expected) in cases {
            let start = text.find(quote).expect("the quote is in the text");
            let (from, to) = with_marks(text, start, start + quote.len());
            assert_eq!(&text[from..to], expected, "{text}");
        }
    }

    #[test]
    fn highlights_that_do_not_fall_on_characters_are_skipped_and_text_is_escaped() {
        let text = "<b>Tōkyō</b> talks";
        // 5..6 cuts `ō` in two and 30..40 is past the end: both are left unmarked.
        let html = marked(text, &[(1, 2), (5, 6), (30, 40), (15, 20)]).into_string();
        assert_eq!(
            html,
            "&lt;<mark>b</mark>&gt;Tōkyō&lt;/b&gt; <mark>talks</mark>"
        );
    }

    #[test]
    fn a_facet_value_narrows_by_filter_query_clause_or_date_range() {
        let params = Params {
            q: Some("summit".into()),
            offset: Some("20".into()),
            ..Params::default()
        };
        let cases = [
            (Facet::Agency, "TASS", Some("/?q=summit&agency=TASS")),
            (Facet::Place, "Moscow", Some("/?q=summit&dateline=Moscow")),
            (
                Facet::Person,
                "Sergei Lavrov",
                Some("/?q=summit+person%3A%22Sergei+Lavrov%22"),
            ),
            (
                Facet::Speaker,
                "Abe",
                Some("/?q=summit+speaker%3A%22Abe%22"),
            ),
            (
                Facet::Year,
                "2014",
                Some("/?q=summit&since=2014&until=2014"),
            ),
            (Facet::Year, "(undated)", None),
            (Facet::Agency, "(none)", None),
        ];
        for (facet, key, expected) in cases {
            assert_eq!(
                facet_link(&params, facet, key).as_deref(),
                expected,
                "{facet:?} {key}"
            );
        }
    }
}
