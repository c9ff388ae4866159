//! From the query a user types to a tantivy query. A small pre-parser renames our field aliases
//! (`by:` is `speaker:`, `dateline:` is `place:`), turns friendly dates (`date:2014-01`,
//! `date:2014-01-01..2014-03-31`) into the RFC 3339 ranges tantivy accepts, and rejects unknown
//! fields with a message listing the known ones. The rest is tantivy's query syntax.

use tantivy::query::{Query, QueryParser};
use tantivy::schema::Field;

use super::dates::{parse_range, rfc3339};
use crate::error::{Error, Result};
use crate::index::WireIndex;
use crate::index::schema::QUERY_FIELDS;

/// Field aliases users may type, and the field each stands for.
const ALIASES: &[(&str, &str)] = &[
    ("by", "speaker"),
    ("dateline", "place"),
    ("people", "person"),
    ("title", "headline"),
    ("text", "body"),
];

fn query_error(input: &str, reason: impl Into<String>) -> Error {
    Error::Query {
        input: input.to_string(),
        reason: reason.into(),
    }
}

fn known_fields() -> String {
    let mut names: Vec<&str> = QUERY_FIELDS.iter().map(|(name, _)| *name).collect();
    names.extend(ALIASES.iter().map(|(alias, _)| *alias));
    names.join(", ")
}

/// Rewrites aliases and friendly dates; fails on unknown fields and bad dates.
pub fn rewrite(input: &str) -> Result<String> {
    let mut out = String::with_capacity(input.len() + 16);
    let mut in_phrase = false;
    let mut rest = input;
    while let Some(c) = rest.chars().next() {
        if c == '"' {
            in_phrase = !in_phrase;
            out.push(c);
            rest = &rest[1..];
            continue;
        }
        let at_word_start = out
            .chars()
            .next_back()
            .is_none_or(|p| p.is_whitespace() || "(+-".contains(p));
        if !in_phrase && at_word_start && c.is_ascii_alphabetic() {
            let word_len = rest
                .find(|ch: char| !(ch.is_ascii_alphanumeric() || ch == '_'))
                .unwrap_or(rest.len());
            let word = &rest[..word_len];
            if rest[word_len..].starts_with(':') {
                let field = ALIASES
                    .iter()
                    .find(|(alias, _)| alias.eq_ignore_ascii_case(word))
                    .map(|(_, field)| *field)
                    .or_else(|| {
                        QUERY_FIELDS
                            .iter()
                            .find(|(name, _)| name.eq_ignore_ascii_case(word))
                            .map(|(name, _)| *name)
                    })
                    .ok_or_else(|| {
                        query_error(
                            input,
                            format!(
                                "unknown field '{word}:'; known fields are {}",
                                known_fields()
                            ),
                        )
                    })?;
                rest = &rest[word_len + 1..];
                if field == "date" && !rest.starts_with(['[', '{']) {
                    let value_len = rest
                        .find(|ch: char| ch.is_whitespace() || ch == ')')
                        .unwrap_or(rest.len());
                    let value = &rest[..value_len];
                    let range = parse_range(value).ok_or_else(|| {
                        query_error(
                            input,
                            format!(
                                "invalid date '{value}' in date:, expected YYYY, YYYY-MM, YYYY-MM-DD or A..B"
                            ),
                        )
                    })?;
                    out.push_str(&format!(
                        "date:[{} TO {}}}",
                        rfc3339(range.start),
                        rfc3339(range.end)
                    ));
                    rest = &rest[value_len..];
                } else {
                    out.push_str(field);
                    out.push(':');
                }
                continue;
            }
            // tantivy reads `a AND NOT b` as matching nothing; `a NOT b` means what users meant.
            if word == "NOT" && out.ends_with("AND ") {
                out.truncate(out.len() - "AND ".len());
            }
            out.push_str(word);
            rest = &rest[word_len..];
            continue;
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    if in_phrase {
        return Err(query_error(input, "unclosed phrase: a '\"' has no partner"));
    }
    Ok(out)
}

/// Parses a user query against `default_fields`, with AND between bare terms (as users of news
/// search tools expect: `lavrov japan` means both).
pub fn parse_query(
    index: &WireIndex,
    input: &str,
    default_fields: Vec<Field>,
) -> Result<Box<dyn Query>> {
    let rewritten = rewrite(input)?;
    let mut parser = QueryParser::for_index(&index.index, default_fields);
    parser.set_conjunction_by_default();
    parser.set_field_boost(index.fields.headline, 2.0);
    parser
        .parse_query(&rewritten)
        .map_err(|err| query_error(input, explain(&err)))
}

fn explain(err: &tantivy::query::QueryParserError) -> String {
    use tantivy::query::QueryParserError as E;
    match err {
        E::SyntaxError(detail) => format!(
            "syntax error ({detail}); use words, \"phrases\", field:value, AND/OR/NOT, +/-, and parentheses"
        ),
        E::FieldDoesNotExist(field) => {
            format!(
                "unknown field '{field}:'; known fields are {}",
                known_fields()
            )
        }
        E::DateFormatError(_) => {
            "invalid date: expected YYYY, YYYY-MM, YYYY-MM-DD or A..B".to_string()
        }
        E::AllButQueryForbidden => {
            "a query of only excluded terms matches nothing: add a term to search for".to_string()
        }
        E::NoDefaultFieldDeclared => "a field name is needed here".to_string(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases_and_dates_are_rewritten() {
        let cases = [
            ("by:lavrov japan", "speaker:lavrov japan"),
            ("dateline:tokyo", "place:tokyo"),
            ("\"by:x\" person:abe", "\"by:x\" person:abe"),
            (
                "date:2014-01",
                "date:[2014-01-01T00:00:00Z TO 2014-02-01T00:00:00Z}",
            ),
            (
                "(date:2014-01-01..2014-03-31)",
                "(date:[2014-01-01T00:00:00Z TO 2014-04-01T00:00:00Z})",
            ),
            ("10:30 meeting", "10:30 meeting"),
            ("gas AND NOT ukraine", "gas NOT ukraine"),
        ];
        for (input, expected) in cases {
            assert_eq!(rewrite(input).unwrap(), expected, "input {input:?}");
        }
    }

    #[test]
    fn bad_fields_and_dates_are_explained() {
        let err = rewrite("colour:red").unwrap_err().to_string();
        assert!(
            err.starts_with("invalid query 'colour:red': unknown field 'colour:'"),
            "{err}"
        );
        let err = rewrite("date:2014-13").unwrap_err().to_string();
        assert_eq!(
            err,
            "invalid query 'date:2014-13': invalid date '2014-13' in date:, expected YYYY, YYYY-MM, YYYY-MM-DD or A..B"
        );
        let err = rewrite("\"open phrase").unwrap_err().to_string();
        assert!(
            err.ends_with("unclosed phrase: a '\"' has no partner"),
            "{err}"
        );
    }
}
