//! Query parameters: the CLI's flags by the same names (`q` is the positional query), read as
//! text and checked here so that every mistake is answered with the message the CLI prints,
//! as a 400, never as a crash.

use serde::{Deserialize, Serialize};

use super::state::Failure;
use crate::error::Error;
use crate::query::facets::Facet;
use crate::query::{Filters, QuoteRequest, SearchRequest, Sort, dates};

/// The most hits one request may ask for (`all` lifts it, as `--all` does).
pub const MAX_LIMIT: usize = 1000;
/// The furthest a request may page.
pub const MAX_OFFSET: usize = 1_000_000;

/// Every parameter any endpoint takes, as typed.
#[derive(Debug, Default, Clone, Deserialize, Serialize)]
#[serde(default)]
pub struct Params {
    /// The query (the CLI's positional QUERY).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub q: Option<String>,
    /// Quotes: the speaker; timeline: the period.
    #[serde(alias = "speaker")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
    /// Quotes: the topic.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub about: Option<String>,
    /// `--since`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub since: Option<String>,
    /// `--until`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub until: Option<String>,
    /// `--agency`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agency: Option<String>,
    /// `--dateline` (also `place`).
    #[serde(alias = "place")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dateline: Option<String>,
    /// Only stories in this language (`ru`, `en`, ...).
    pub lang: Option<String>,
    /// `--no-collapse`.
    #[serde(alias = "no-collapse")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub no_collapse: Option<String>,
    /// `--limit`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<String>,
    /// `--offset`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub offset: Option<String>,
    /// `--all`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub all: Option<String>,
    /// `--sort`: relevance or date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sort: Option<String>,
    /// `--count-by`.
    #[serde(alias = "count-by")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub count_by: Option<String>,
    /// `--format`: json (default), jsonl or csv; the timeline also svg.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub format: Option<String>,
    /// Pages: quotes grouped by `speaker` or listed by `date`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
}

fn bad(message: impl Into<String>) -> Failure {
    Failure::BadRequest(message.into())
}

/// An empty parameter (an empty form field) is no parameter.
fn given(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

fn flag(value: &Option<String>, name: &str) -> Result<bool, Failure> {
    match value.as_deref().map(str::trim) {
        None | Some("false" | "0" | "no" | "off") => Ok(false),
        Some("" | "true" | "1" | "yes" | "on") => Ok(true),
        Some(other) => Err(bad(format!(
            "invalid value '{other}' for {name}: expected true or false"
        ))),
    }
}

fn number(
    value: &Option<String>,
    name: &str,
    default: usize,
    max: usize,
) -> Result<usize, Failure> {
    let Some(text) = given(value) else {
        return Ok(default);
    };
    match text.parse::<usize>() {
        Ok(n) if n <= max => Ok(n),
        Ok(_) => Err(bad(format!(
            "invalid value '{text}' for {name}: at most {max}"
        ))),
        Err(_) => Err(bad(format!(
            "invalid value '{text}' for {name}: expected a whole number"
        ))),
    }
}

/// A facet or period by its CLI name.
pub fn facet(text: &str, name: &str) -> Result<Facet, Failure> {
    let wanted = text.trim().to_lowercase();
    Facet::CHOICES
        .iter()
        .find(|(choice, _)| *choice == wanted)
        .map(|(_, facet)| *facet)
        .ok_or_else(|| {
            bad(format!(
                "invalid value '{text}' for {name}: expected agency, lang, place, person, speaker, year, month, week or day"
            ))
        })
}

impl Params {
    /// The query text (empty when absent).
    pub fn query(&self) -> String {
        self.q.clone().unwrap_or_default()
    }

    /// A parameter, trimmed, when it is given and not empty.
    pub fn get<'a>(&self, value: &'a Option<String>) -> Option<&'a str> {
        given(value)
    }

    /// The filters, dates checked as the CLI checks them.
    pub fn filters(&self) -> Result<Filters, Failure> {
        let day = |value: &Option<String>, flag: &str, end: bool| {
            given(value)
                .map(|v| dates::flag_day(v, flag, end))
                .transpose()
        };
        Ok(Filters {
            since: day(&self.since, "--since", false)?,
            until: day(&self.until, "--until", true)?,
            agency: given(&self.agency)
                .map(str::to_string)
                .into_iter()
                .collect(),
            place: given(&self.dateline).map(str::to_string),
            lang: given(&self.lang)
                .map(|input| {
                    crate::article::lang::declared_code(input).ok_or_else(|| Error::Lang {
                        input: input.to_string(),
                        flag: "lang".into(),
                    })
                })
                .transpose()?,
            collapse: !flag(&self.no_collapse, "no_collapse")?,
        })
    }

    /// `limit`, bounded by [`MAX_LIMIT`].
    pub fn limit(&self, default: usize) -> Result<usize, Failure> {
        number(&self.limit, "limit", default, MAX_LIMIT)
    }

    /// `offset`, bounded by [`MAX_OFFSET`].
    pub fn offset(&self) -> Result<usize, Failure> {
        number(&self.offset, "offset", 0, MAX_OFFSET)
    }

    /// `all`.
    pub fn all(&self) -> Result<bool, Failure> {
        flag(&self.all, "all")
    }

    /// `sort`.
    pub fn sort(&self) -> Result<Sort, Failure> {
        match given(&self.sort) {
            None | Some("relevance") => Ok(Sort::Relevance),
            Some("date") => Ok(Sort::Date),
            Some(other) => Err(bad(format!(
                "invalid value '{other}' for sort: expected relevance or date"
            ))),
        }
    }

    /// `count_by`, when given.
    pub fn count_by(&self) -> Result<Option<Facet>, Failure> {
        given(&self.count_by)
            .map(|f| facet(f, "count_by"))
            .transpose()
    }

    /// A search request for `limit` hits by default.
    pub fn search_request(&self, default_limit: usize) -> Result<SearchRequest, Failure> {
        Ok(SearchRequest {
            query: self.query(),
            filters: self.filters()?,
            limit: self.limit(default_limit)?,
            offset: self.offset()?,
            sort: self.sort()?,
        })
    }

    /// A quote request for `limit` quotes by default.
    pub fn quote_request(&self, default_limit: usize) -> Result<QuoteRequest, Failure> {
        Ok(QuoteRequest {
            query: given(&self.q).map(str::to_string),
            by: given(&self.by).map(str::to_string),
            about: given(&self.about).map(str::to_string),
            filters: self.filters()?,
            limit: self.limit(default_limit)?,
            offset: self.offset()?,
            sort: self.sort()?,
        })
    }
}

impl Params {
    /// The URL of `path` with these parameters (empty ones left out).
    pub fn url(&self, path: &str) -> String {
        let mut kept = self.clone();
        for value in [
            &mut kept.q,
            &mut kept.by,
            &mut kept.about,
            &mut kept.since,
            &mut kept.until,
            &mut kept.agency,
            &mut kept.dateline,
            &mut kept.no_collapse,
            &mut kept.limit,
            &mut kept.offset,
            &mut kept.all,
            &mut kept.sort,
            &mut kept.count_by,
            &mut kept.format,
            &mut kept.group,
        ] {
            if value.as_deref().is_some_and(|v| v.trim().is_empty()) {
                *value = None;
            }
        }
        match serde_urlencoded::to_string(&kept) {
            Ok(query) if !query.is_empty() => format!("{path}?{query}"),
            _ => path.to_string(),
        }
    }

    /// These parameters with `change` made to them, the offset reset (a new search starts
    /// at its first page).
    pub fn with(&self, change: impl FnOnce(&mut Params)) -> Params {
        let mut changed = self.clone();
        changed.offset = None;
        change(&mut changed);
        changed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(set: impl FnOnce(&mut Params)) -> Params {
        let mut params = Params::default();
        set(&mut params);
        params
    }

    #[test]
    fn bad_parameters_are_refused_with_the_parameter_named() {
        let cases: [(Params, &str); 6] = [
            (
                with(|p| p.limit = Some("ten".into())),
                "invalid value 'ten' for limit: expected a whole number",
            ),
            (
                with(|p| p.limit = Some("1001".into())),
                "invalid value '1001' for limit: at most 1000",
            ),
            (
                with(|p| p.offset = Some("-1".into())),
                "invalid value '-1' for offset: expected a whole number",
            ),
            (
                with(|p| p.sort = Some("size".into())),
                "invalid value 'size' for sort: expected relevance or date",
            ),
            (
                with(|p| p.no_collapse = Some("maybe".into())),
                "invalid value 'maybe' for no_collapse: expected true or false",
            ),
            (
                with(|p| p.since = Some("2014-13".into())),
                "invalid date '2014-13' in --since: expected YYYY, YYYY-MM or YYYY-MM-DD",
            ),
        ];
        for (params, message) in cases {
            match params.search_request(10) {
                Err(failure) => assert_eq!(failure.message(), message),
                Ok(request) => panic!("{message}: accepted as {request:?}"),
            }
        }
        let facet = with(|p| p.count_by = Some("colour".into())).count_by();
        assert!(facet.is_err_and(|f| {
            f.message()
                .starts_with("invalid value 'colour' for count_by")
        }));
    }

    #[test]
    fn empty_fields_of_a_form_are_no_parameters() {
        let params = with(|p| {
            p.q = Some("oil".into());
            p.since = Some("".into());
            p.agency = Some("  ".into());
            p.limit = Some("".into());
        });
        let request = params.search_request(10).expect("valid");
        assert_eq!(
            (request.limit, request.filters.since, request.filters.agency),
            (10, None, Vec::<String>::new())
        );
        assert_eq!(params.url("/"), "/?q=oil");
    }

    #[test]
    fn links_keep_every_parameter_and_start_a_new_search_at_its_first_page() {
        let params = with(|p| {
            p.q = Some("person:\"Sergei Lavrov\" & co".into());
            p.offset = Some("40".into());
            p.sort = Some("date".into());
        });
        assert_eq!(
            params.url("/"),
            "/?q=person%3A%22Sergei+Lavrov%22+%26+co&offset=40&sort=date"
        );
        let narrowed = params.with(|p| p.agency = Some("TASS".into()));
        assert_eq!(
            narrowed.url("/"),
            "/?q=person%3A%22Sergei+Lavrov%22+%26+co&agency=TASS&sort=date"
        );
    }
}
