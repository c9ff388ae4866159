//! The JSON API: `/api/search`, `/api/quotes`, `/api/people`, `/api/timeline`,
//! `/api/articles/{id}`, `/api/stats`. Parameters are the CLI's flags (see [`super::params`]);
//! bodies are the CLI's `--format json` shapes (see [`crate::output::json`]), and `format=jsonl`
//! or `format=csv` give the other shapes the CLI writes. Listings say how many matched in all in
//! the `X-Total-Count` header, so a page of hits is never taken for all of them. Errors are
//! `{"error": message, "status": code}` with 400 (the message the CLI prints) or 404.

use std::sync::Arc;

use axum::Json;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State as Extract};
use axum::http::HeaderValue;
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use super::params::Params;
use super::state::{Failure, State, blocking, typed};
use crate::output::{chart, csv, json};
use crate::query::facets::Facet;

/// The parameters, or the reason they cannot be read, as a 400.
pub type Input = Result<Query<Params>, QueryRejection>;

/// A path segment, or the reason it cannot be read (not UTF-8), as a 400.
pub type PathInput = Result<Path<String>, PathRejection>;

/// The path segment of a request.
pub fn path(input: PathInput) -> Result<String, Failure> {
    input
        .map(|Path(p)| p)
        .map_err(|e| Failure::BadRequest(format!("invalid address: {}", e.body_text())))
}

/// The parameters of a request, a malformed query string being a 400.
pub fn params(input: Input) -> Result<Params, Failure> {
    input
        .map(|Query(p)| p)
        .map_err(|e| Failure::BadRequest(format!("invalid parameters: {}", e.body_text())))
}

/// The JSON answer for a failure.
pub fn failure(failure: Failure) -> Response {
    #[derive(Serialize)]
    struct Body<'a> {
        error: &'a str,
        status: u16,
    }
    let status = failure.status();
    let body = Body {
        error: failure.message(),
        status: status.as_u16(),
    };
    (status, Json(body)).into_response()
}

/// How a listing is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    Json,
    Jsonl,
    Csv,
}

fn shape(params: &Params) -> Result<Shape, Failure> {
    match params.get(&params.format) {
        None | Some("json") => Ok(Shape::Json),
        Some("jsonl") => Ok(Shape::Jsonl),
        Some("csv") => Ok(Shape::Csv),
        Some(other) => Err(Failure::BadRequest(format!(
            "invalid value '{other}' for format: expected json, jsonl or csv"
        ))),
    }
}

/// A written listing and the number of matches, when it is a page of them.
struct Listing {
    shape: Shape,
    body: Vec<u8>,
    total: Option<usize>,
}

impl IntoResponse for Listing {
    fn into_response(self) -> Response {
        let content_type = match self.shape {
            Shape::Json => "application/json",
            Shape::Jsonl => "application/x-ndjson",
            Shape::Csv => "text/csv; charset=utf-8",
        };
        let mut response = typed(content_type, self.body);
        if let Some(total) = self.total
            && let Ok(value) = HeaderValue::from_str(&total.to_string())
        {
            response.headers_mut().insert("x-total-count", value);
        }
        response
    }
}

fn write_err(e: std::io::Error) -> Failure {
    Failure::Internal(format!("cannot write the answer: {e}"))
}

/// Writes `rows` as JSON or JSON Lines, or with `csv` when CSV is asked for.
fn listing<T: Serialize>(
    shape: Shape,
    rows: &[T],
    total: Option<usize>,
    csv: impl FnOnce(&mut Vec<u8>, &[T]) -> std::io::Result<()>,
) -> Result<Listing, Failure> {
    let mut body = Vec::new();
    match shape {
        Shape::Json => json::write_array(&mut body, rows),
        Shape::Jsonl => json::write_lines(&mut body, rows),
        Shape::Csv => csv(&mut body, rows),
    }
    .map_err(write_err)?;
    Ok(Listing { shape, body, total })
}

fn answer(result: Result<impl IntoResponse, Failure>) -> Response {
    match result {
        Ok(ok) => ok.into_response(),
        Err(err) => failure(err),
    }
}

/// `/api/search?q=...`: the hits of `wiredex search --format json`, or with `count_by` its
/// count table.
pub async fn search(Extract(state): Extract<Arc<State>>, input: Input) -> Response {
    answer(search_listing(state, input).await)
}

async fn search_listing(state: Arc<State>, input: Input) -> Result<Listing, Failure> {
    let params = params(input)?;
    let shape = shape(&params)?;
    let request = params.search_request(10)?;
    let (all, count_by) = (params.all()?, params.count_by()?);
    blocking(&state, move |searcher| {
        if let Some(facet) = count_by {
            let rows = searcher.count_articles(&request, facet)?;
            return listing(shape, &rows, None, csv::write_counts);
        }
        let results = if all {
            searcher.search_all(&request)?
        } else {
            searcher.search(&request)?
        };
        listing(shape, &results.hits, Some(results.total), |out, rows| {
            csv::write_hits(out, rows)
        })
    })
    .await
}

/// `/api/quotes?by=...&about=...`: the quotes of `wiredex quotes --format json`.
pub async fn quotes(Extract(state): Extract<Arc<State>>, input: Input) -> Response {
    answer(quote_listing(state, input).await)
}

async fn quote_listing(state: Arc<State>, input: Input) -> Result<Listing, Failure> {
    let params = params(input)?;
    let shape = shape(&params)?;
    let request = params.quote_request(20)?;
    let (all, count_by) = (params.all()?, params.count_by()?);
    blocking(&state, move |searcher| {
        if let Some(facet) = count_by {
            let rows = searcher.count_quotes(&request, facet)?;
            return listing(shape, &rows, None, csv::write_counts);
        }
        let results = if all {
            searcher.quotes_all(&request)?
        } else {
            searcher.quotes(&request)?
        };
        listing(shape, &results.hits, Some(results.total), |out, rows| {
            csv::write_quotes(out, rows)
        })
    })
    .await
}

/// `/api/people?q=...`: the table of `wiredex people --format json`.
pub async fn people(Extract(state): Extract<Arc<State>>, input: Input) -> Response {
    answer(people_listing(state, input).await)
}

async fn people_listing(state: Arc<State>, input: Input) -> Result<Listing, Failure> {
    let params = params(input)?;
    let shape = shape(&params)?;
    let mut request = params.search_request(20)?;
    let limit = request.limit;
    request.limit = 0;
    blocking(&state, move |searcher| {
        let people = searcher.people(&request)?;
        let shown = &people[..people.len().min(limit)];
        listing(shape, shown, Some(people.len()), |out, rows| {
            csv::write_records(out, rows)
        })
    })
    .await
}

/// The period of a timeline request (`by`, month by default): only the periods the CLI's
/// `timeline --by` offers.
pub fn period(params: &Params) -> Result<Facet, Failure> {
    let Some(text) = params.get(&params.by) else {
        return Ok(Facet::Month);
    };
    let wanted = text.to_lowercase();
    Facet::PERIODS
        .iter()
        .find(|(name, _)| *name == wanted)
        .map(|(_, facet)| *facet)
        .ok_or_else(|| {
            Failure::BadRequest(format!(
                "invalid value '{text}' for by: expected year, month, week or day"
            ))
        })
}

/// `/api/timeline?q=...&by=month`: the periods of `wiredex timeline --format json`, or
/// `format=csv`, or `format=svg` for the chart `--svg` writes.
pub async fn timeline(Extract(state): Extract<Arc<State>>, input: Input) -> Response {
    answer(timeline_listing(state, input).await)
}

async fn timeline_listing(state: Arc<State>, input: Input) -> Result<Response, Failure> {
    let params = params(input)?;
    let svg = params.get(&params.format) == Some("svg");
    let shape = if svg { Shape::Json } else { shape(&params)? };
    let by = period(&params)?;
    let filters = params.filters()?;
    let query = params.query();
    blocking(&state, move |searcher| {
        let periods = searcher.timeline(&query, &filters, by)?;
        if svg {
            let by = format!("{by:?}").to_lowercase();
            let chart = chart::query_timeline_svg(&query, &by, &periods);
            return Ok(typed("image/svg+xml", chart));
        }
        let written = listing(shape, &periods, None, |out, rows| {
            csv::write_records(out, rows)
        })?;
        Ok(written.into_response())
    })
    .await
}

/// `/api/articles/{id}`: the article of `wiredex show --json`, or 404.
pub async fn article(Extract(state): Extract<Arc<State>>, id: PathInput) -> Response {
    let id = match path(id) {
        Ok(id) => id,
        Err(e) => return failure(e),
    };
    let result = blocking(&state, move |searcher| match searcher.article(&id)? {
        Some(article) => Ok(Json(article)),
        None => Err(not_found(&id)),
    })
    .await;
    answer(result)
}

/// The 404 for an unknown article id, worded as `wiredex show` words it.
pub fn not_found(id: &str) -> Failure {
    Failure::NotFound(format!(
        "no article with id '{id}': ids are the 16 hex digits `search --json` prints"
    ))
}

/// `/api/stats`: the object of `wiredex stats --json`.
pub async fn stats(Extract(state): Extract<Arc<State>>) -> Response {
    let result = blocking(&state, |searcher| Ok(Json(searcher.stats()?))).await;
    answer(result)
}
