//! From the query a user types to a tantivy query. A small pre-parser renames our field aliases
//! (`by:` is `speaker:`, `dateline:` is `place:`), turns friendly dates (`date:2014-01`,
//! `date:2014-01-01..2014-03-31`) into the RFC 3339 ranges tantivy accepts, and rejects unknown
//! fields with a message listing the known ones. The rest is tantivy's query syntax.

use tantivy::Term;
use tantivy::query::{BooleanQuery, Occur, Query, QueryParser};
use tantivy::schema::Field;

use super::frequency::MinFrequencyQuery;
use crate::index::sentences::SAME_SENTENCE_SLOP;

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

/// The longest query accepted, in bytes: far beyond a hand-written boolean query, and short
/// enough that parsing it cannot take long.
pub const MAX_QUERY_BYTES: usize = 10_000;

/// The deepest nesting of parentheses accepted: tantivy's grammar recurses once per level, and
/// 3,000 levels overflow the stack (the process aborts instead of reporting an error).
pub const MAX_QUERY_DEPTH: usize = 32;

/// Rejects a query too long or too deeply nested to parse safely, before any parser recurses
/// into it. The message repeats only the query's opening: the query may be megabytes long.
pub fn check_bounds(input: &str) -> Result<()> {
    let opening = || {
        let cut: String = input.chars().take(40).collect();
        if cut.len() < input.len() {
            format!("{cut}...")
        } else {
            cut
        }
    };
    if input.len() > MAX_QUERY_BYTES {
        return Err(query_error(
            &opening(),
            None,
            format!(
                "{} bytes long; a query may be at most {MAX_QUERY_BYTES} bytes",
                input.len()
            ),
        ));
    }
    let (mut depth, mut deepest, mut in_phrase) = (0usize, 0usize, false);
    for c in input.chars() {
        match c {
            '"' => in_phrase = !in_phrase,
            '(' if !in_phrase => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            ')' if !in_phrase => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    if deepest > MAX_QUERY_DEPTH {
        return Err(query_error(
            &opening(),
            None,
            format!(
                "parentheses nest {deepest} deep; a query may nest them at most {MAX_QUERY_DEPTH} deep"
            ),
        ));
    }
    Ok(())
}

fn query_error(input: &str, at: Option<usize>, reason: impl Into<String>) -> Error {
    Error::Query {
        input: input.to_string(),
        reason: reason.into(),
        at,
    }
}

/// Where `piece` of the rewritten query stands in what the user typed, if it is there as typed.
fn position_of(input: &str, piece: &str) -> Option<usize> {
    input.find(piece.trim_start_matches(['(', '+', '-']))
}

fn known_fields() -> String {
    let mut names: Vec<&str> = QUERY_FIELDS.iter().map(|(name, _)| *name).collect();
    names.extend(ALIASES.iter().map(|(alias, _)| *alias));
    names.push("atleastN (e.g. atleast3:sanctions)");
    names.join(", ")
}

/// `N` of a word `atleastN` (case-insensitive), if the word is one.
fn at_least_count(word: &str) -> Option<&str> {
    let prefix = word.get(..7)?;
    let digits = &word[7..];
    (prefix.eq_ignore_ascii_case("atleast")
        && !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit()))
    .then_some(digits)
}

/// A query with the parts tantivy's grammar cannot say taken out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expanded {
    /// The rest of the query, in tantivy's syntax (may be empty).
    pub query: String,
    /// `atleastN:word` terms, each joined to the query by AND (or AND NOT when negated).
    pub at_least: Vec<AtLeast>,
}

/// `atleast3:sanctions`: a word that must occur at least `min` times in the article (`body`
/// holds its headline, deck and story).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AtLeast {
    /// The word as typed.
    pub word: String,
    /// The minimum number of occurrences.
    pub min: u32,
    /// True for `-atleast3:x` or `NOT atleast3:x`: the documents must not have it that often.
    pub negated: bool,
}

/// Rewrites aliases and friendly dates; fails on unknown fields and bad dates.
pub fn rewrite(input: &str) -> Result<String> {
    check_bounds(input)?;
    let mut out = String::with_capacity(input.len() + 16);
    let mut in_phrase = false;
    let mut phrase_start = 0;
    let mut rest = input;
    while let Some(c) = rest.chars().next() {
        if c == '"' {
            in_phrase = !in_phrase;
            phrase_start = input.len() - rest.len();
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
            if rest[word_len..].starts_with(':') && at_least_count(word).is_some() {
                // `atleast3:word` is ours: `expand_operators` takes it out of tantivy's sight.
                out.push_str(&rest[..=word_len]);
                rest = &rest[word_len + 1..];
                continue;
            }
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
                            Some(input.len() - rest.len()),
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
                            Some(input.len() - rest.len()),
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
        if !in_phrase && let Some(reason) = unsupported_mark(&out, rest) {
            return Err(query_error(input, Some(input.len() - rest.len()), reason));
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    if in_phrase {
        return Err(query_error(
            input,
            Some(phrase_start),
            "unclosed phrase: a '\"' has no partner",
        ));
    }
    Ok(quote_apostrophes(&out))
}

/// Words with an apostrophe (`Trump's`, `O'Brien`, `don't`, `Jones'`) as phrases: tantivy's
/// grammar reads `'` as the start of a quoted phrase and failed on them with a syntax error,
/// while the text of a phrase goes through the field's tokenizer, as the article's words did.
/// A field, signs and parentheses around the word stay outside the phrase.
fn quote_apostrophes(query: &str) -> String {
    let mut out = String::with_capacity(query.len() + 8);
    let mut in_phrase = false;
    let mut run = String::new();
    let flush = |run: &mut String, out: &mut String| {
        let has_apostrophe = run.char_indices().any(|(i, c)| {
            c == '\''
                && run[..i]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric)
        });
        if !has_apostrophe {
            out.push_str(run);
            run.clear();
            return;
        }
        let lead_len = run.len() - run.trim_start_matches(['+', '-', '(']).len();
        let (lead, rest) = run.split_at(lead_len);
        let field_len = rest
            .find(':')
            .filter(|&at| {
                at > 0
                    && rest[..at]
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '_')
            })
            .map_or(0, |at| at + 1);
        let (field, rest) = rest.split_at(field_len);
        let core = rest.trim_end_matches(')');
        let trail = &rest[core.len()..];
        out.push_str(&format!("{lead}{field}\"{core}\"{trail}"));
        run.clear();
    };
    for c in query.chars() {
        if c == '"' || (c.is_whitespace() && !in_phrase) {
            flush(&mut run, &mut out);
            if c == '"' {
                in_phrase = !in_phrase;
            }
            out.push(c);
        } else if in_phrase {
            out.push(c);
        } else {
            run.push(c);
        }
    }
    flush(&mut run, &mut out);
    out
}

/// Marks from other search languages that tantivy would drop without a word, each with what to
/// write instead; `before` is the query so far, `rest` starts at the mark.
fn unsupported_mark(before: &str, rest: &str) -> Option<&'static str> {
    if rest.starts_with("&&") {
        return Some("'&&' is not an operator here: use AND");
    }
    if rest.starts_with("||") {
        return Some("'||' is not an operator here: use OR");
    }
    match rest.chars().next()? {
        '!' => Some("'!' is not an operator here: use NOT or -"),
        '?' => Some("'?' wildcards are not supported: use a prefix such as lavr*"),
        // `"peace treaty"~3` is proximity; `treaty~` (fuzzy in other tools) would be ignored.
        '~' if !before.ends_with('"') || !rest[1..].starts_with(|c: char| c.is_ascii_digit()) => {
            Some("'~N' goes after a \"phrase\" for proximity, e.g. \"putin abe\"~5")
        }
        _ => None,
    }
}

/// Splits a query into whitespace-separated pieces, keeping a quoted phrase (with any `~N` or
/// `^B` after it) as one piece.
fn pieces(query: &str) -> Vec<String> {
    let mut pieces = Vec::new();
    let mut current = String::new();
    let mut in_phrase = false;
    for c in query.chars() {
        if c == '"' {
            in_phrase = !in_phrase;
        }
        if c.is_whitespace() && !in_phrase {
            if !current.is_empty() {
                pieces.push(std::mem::take(&mut current));
            }
        } else {
            current.push(c);
        }
    }
    if !current.is_empty() {
        pieces.push(current);
    }
    pieces
}

/// The operators news searchers use that tantivy lacks: `putin NEAR/5 abe` (within five words,
/// as the phrase `"putin abe"~5`), `putin SAME japan` (in one sentence: a phrase whose slop is
/// below the gap the tokenizer leaves between sentences), prefixes `lavr*` (as a regex on the
/// indexed terms of the field, or of every default field), and `atleast3:sanctions`, taken out
/// for the query parser to join by AND.
pub fn expand_operators(input: &str, rewritten: &str, default_fields: &[&str]) -> Result<Expanded> {
    let pieces = pieces(rewritten);
    let mut out: Vec<String> = Vec::with_capacity(pieces.len());
    let mut at_least = Vec::new();
    let plain_word = |w: &str| !w.is_empty() && w.chars().all(char::is_alphanumeric);
    let mut depth = 0i32;
    let mut i = 0;
    while i < pieces.len() {
        let piece = &pieces[i];
        let depth_before = depth;
        if !piece.starts_with('"') {
            depth += piece.matches('(').count() as i32 - piece.matches(')').count() as i32;
        }
        let bare = piece.trim_start_matches(['+', '-', '(']);
        if let Some(digits) = bare.split_once(':').and_then(|(w, _)| at_least_count(w)) {
            let at = position_of(input, piece);
            let error = |reason: String| query_error(input, at, reason);
            let word = bare.split_once(':').map_or("", |(_, w)| w);
            let min: u32 = digits.parse().ok().filter(|&n| n >= 1).ok_or_else(|| {
                error(format!(
                    "'{piece}': atleastN: needs N of 1 or more, e.g. atleast3:sanctions"
                ))
            })?;
            if depth_before != 0 || piece.contains(['(', ')']) {
                return Err(error(format!(
                    "'{piece}': atleastN: works at the top level of a query, joined to the rest by AND, not inside parentheses"
                )));
            }
            let next = pieces.get(i + 1).map(String::as_str);
            if out.last().map(String::as_str) == Some("OR") || next == Some("OR") {
                return Err(error(format!(
                    "'{piece}': atleastN: is joined to the rest of the query by AND; it cannot be a side of OR"
                )));
            }
            if !plain_word(word) {
                return Err(error(format!(
                    "'{piece}': atleastN: takes one word, e.g. atleast3:sanctions"
                )));
            }
            let mut negated = piece.starts_with('-');
            if out.last().map(String::as_str) == Some("NOT") {
                negated = true;
                out.pop();
            }
            if out.last().map(String::as_str) == Some("AND") {
                out.pop();
            }
            at_least.push(AtLeast {
                word: word.to_string(),
                min,
                negated,
            });
            // `atleast3:gas AND oil`: the AND belonged to the term taken out.
            i += if next == Some("AND") { 2 } else { 1 };
            continue;
        }
        let proximity = match piece.strip_prefix("NEAR/") {
            // Sentences are SENTENCE_GAP positions apart in the index: a slop as large would
            // reach into the next sentence, so NEAR/N of any N stays within one, as NEAR/5 does.
            Some(distance) => Some((
                distance
                    .parse::<u32>()
                    .map_err(|_| {
                        query_error(
                            input,
                            position_of(input, piece),
                            format!("'{piece}' needs a number of words, e.g. NEAR/5"),
                        )
                    })?
                    .min(SAME_SENTENCE_SLOP),
                "NEAR/N needs a word on each side, e.g. putin NEAR/5 abe",
            )),
            None if piece == "SAME" => Some((
                SAME_SENTENCE_SLOP,
                "SAME needs a word on each side, e.g. putin SAME japan",
            )),
            None => None,
        };
        if let Some((slop, needs)) = proximity {
            // `a NEAR/5 b` and `a SAME b` are the phrase `"a b"` with a slop.
            let before = out.pop().filter(|w| plain_word(w));
            let after = pieces.get(i + 1).filter(|w| plain_word(w));
            let (Some(before), Some(after)) = (before, after) else {
                return Err(query_error(input, position_of(input, piece), needs));
            };
            out.push(format!("\"{before} {after}\"~{slop}"));
            i += 2;
            continue;
        }
        // `*` alone is every document (tantivy's own syntax), not a prefix.
        if piece.trim_start_matches(['(', '+']).trim_end_matches(')') == "*" {
            out.push(piece.clone());
            i += 1;
            continue;
        }
        if !piece.starts_with('"') && piece.trim_end_matches(')').ends_with('*') {
            let closing = &piece[piece.trim_end_matches(')').len()..];
            let body = piece.trim_end_matches(')').trim_end_matches('*');
            let opening_len = body.len() - body.trim_start_matches(['(', '+', '-']).len();
            let (opening, body) = body.split_at(opening_len);
            let (field, prefix) = match body.split_once(':') {
                Some((field, prefix)) => (Some(field), prefix),
                None => (None, body),
            };
            if prefix.chars().count() < 2 || !plain_word(prefix) {
                return Err(query_error(
                    input,
                    position_of(input, piece),
                    format!(
                        "'{piece}': a prefix needs at least two letters or digits before *, e.g. lavr*"
                    ),
                ));
            }
            let regex = format!("/{}.*/", prefix.to_lowercase());
            let expanded = match field {
                Some(field) => format!("{field}:{regex}"),
                None => {
                    let each: Vec<String> = default_fields
                        .iter()
                        .map(|f| format!("{f}:{regex}"))
                        .collect();
                    format!("({})", each.join(" OR "))
                }
            };
            out.push(format!("{opening}{expanded}{closing}"));
            i += 1;
            continue;
        }
        out.push(piece.clone());
        i += 1;
    }
    Ok(Expanded {
        query: out.join(" "),
        at_least,
    })
}

/// Parses a user query against `default_fields`, with AND between bare terms (as users of news
/// search tools expect: `lavrov japan` means both).
pub fn parse_query(
    index: &WireIndex,
    input: &str,
    default_fields: Vec<Field>,
) -> Result<Box<dyn Query>> {
    let schema = index.index.schema();
    let names: Vec<&str> = default_fields
        .iter()
        .map(|&f| schema.get_field_name(f))
        .collect();
    let expanded = expand_operators(input, &rewrite(input)?, &names)?;
    let rewritten = expanded.query;
    let mut parser = QueryParser::for_index(&index.index, default_fields.clone());
    parser.set_conjunction_by_default();
    parser.allow_regexes();
    let parse = || {
        parser
            .parse_query(&rewritten)
            .map_err(|err| query_error(input, syntax_error_at(input), explain(&err, &rewritten)))
    };
    if expanded.at_least.is_empty() {
        return parse();
    }
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    if !rewritten.trim().is_empty() {
        clauses.push((Occur::Must, parse()?));
    }
    for term in &expanded.at_least {
        let occur = if term.negated {
            Occur::MustNot
        } else {
            Occur::Must
        };
        clauses.push((occur, at_least_query(index, input, &default_fields, term)?));
    }
    if clauses.iter().all(|(occur, _)| *occur == Occur::MustNot) {
        return Err(query_error(
            input,
            None,
            "a query of only excluded terms matches nothing: add a term to search for",
        ));
    }
    Ok(Box::new(BooleanQuery::new(clauses)))
}

/// Whether every field `input` names (after aliases) is one of `fields`; bare words search
/// the default fields, which the caller passes in `fields` too. A query that only searches
/// fields that quote documents lack needs no filter on the kind of document.
pub fn names_only_fields(input: &str, fields: &[&str]) -> bool {
    let Ok(rewritten) = rewrite(input) else {
        return false;
    };
    // `*` is every document, quotes included.
    if rewritten
        .split_whitespace()
        .any(|piece| piece.trim_matches(['(', ')', '+']) == "*")
    {
        return false;
    }
    let mut in_phrase = false;
    let mut word = String::new();
    for c in rewritten.chars() {
        match c {
            '"' => {
                in_phrase = !in_phrase;
                word.clear();
            }
            ':' if !in_phrase => {
                let known = fields.iter().any(|f| f.eq_ignore_ascii_case(&word));
                // `atleastN:` counts a word of the default fields.
                if !known && at_least_count(&word).is_none() {
                    return false;
                }
                word.clear();
            }
            c if c.is_ascii_alphanumeric() || c == '_' => word.push(c),
            _ => word.clear(),
        }
    }
    true
}

/// `atleastN:word` over the default fields: the word, analysed as each field analyses it, at
/// least N times in one of them.
fn at_least_query(
    index: &WireIndex,
    input: &str,
    fields: &[Field],
    term: &AtLeast,
) -> Result<Box<dyn Query>> {
    let mut each: Vec<(Occur, Box<dyn Query>)> = Vec::with_capacity(fields.len());
    for &field in fields {
        let mut analyzer = index
            .index
            .tokenizer_for_field(field)
            .map_err(|err| query_error(input, None, err.to_string()))?;
        let mut stream = analyzer.token_stream(&term.word);
        let mut tokens = Vec::new();
        while let Some(token) = stream.next() {
            tokens.push(token.text.clone());
        }
        let [token] = tokens.as_slice() else {
            return Err(query_error(
                input,
                position_of(input, &term.word),
                format!("atleast{}: takes one word, not '{}'", term.min, term.word),
            ));
        };
        let query = MinFrequencyQuery::new(Term::from_field_text(field, token), term.min);
        each.push((Occur::Should, Box::new(query)));
    }
    Ok(match each.len() {
        1 => each.remove(0).1,
        _ => Box::new(BooleanQuery::new(each)),
    })
}

/// Where tantivy's grammar first stumbles in what the user typed (our rewrites keep its syntax).
fn syntax_error_at(input: &str) -> Option<usize> {
    let (_, errors) = tantivy::query_grammar::parse_query_lenient(input);
    errors.iter().map(|e| e.pos).min().or_else(|| {
        // `japan OR`: an operator with nothing after it.
        let last = input.trim_end().rsplit(char::is_whitespace).next()?;
        ["AND", "OR", "NOT"]
            .contains(&last)
            .then(|| input.trim_end().len() - last.len())
    })
}

fn explain(err: &tantivy::query::QueryParserError, rewritten: &str) -> String {
    use tantivy::query::QueryParserError as E;
    match err {
        E::SyntaxError(detail) => {
            // tantivy's detail is most often the whole query again: say it only when it is not.
            let detail = if detail.trim() == rewritten.trim() {
                String::new()
            } else {
                format!(" ({detail})")
            };
            format!(
                "syntax error{detail}; use words, \"phrases\", field:value, AND/OR/NOT between terms, +/-, and balanced parentheses"
            )
        }
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
            ("Trump's wall", "\"Trump's\" wall"),
            ("by:O'Brien -(don't)", "speaker:\"O'Brien\" -(\"don't\")"),
            ("Jones' car", "\"Jones'\" car"),
            ("\"Trump's wall\" 'x", "\"Trump's wall\" 'x"),
        ];
        for (input, expected) in cases {
            assert_eq!(rewrite(input).unwrap(), expected, "input {input:?}");
        }
    }

    #[test]
    fn near_and_prefixes_become_tantivy_syntax() {
        let fields = ["headline", "body"];
        let cases = [
            ("putin NEAR/5 abe", "\"putin abe\"~5"),
            ("putin NEAR/5000 abe", "\"putin abe\"~999"),
            ("lavr* japan", "(headline:/lavr.*/ OR body:/lavr.*/) japan"),
            ("person:Lavr*", "person:/lavr.*/"),
            (
                "(sanction* OR embargo)",
                "((headline:/sanction.*/ OR body:/sanction.*/) OR embargo)",
            ),
            ("\"peace treaty\"~3 visit", "\"peace treaty\"~3 visit"),
            ("* -japan", "* -japan"),
        ];
        for (input, expected) in cases {
            assert_eq!(
                expand_operators(input, input, &fields).unwrap().query,
                expected,
                "input {input:?}"
            );
        }
        let errors = [
            (
                "NEAR/5 abe",
                "NEAR/N needs a word on each side, e.g. putin NEAR/5 abe",
                "^",
            ),
            (
                "putin NEAR/x abe",
                "'NEAR/x' needs a number of words, e.g. NEAR/5",
                "      ^",
            ),
            (
                "abe (l*)",
                "'(l*)': a prefix needs at least two letters or digits before *, e.g. lavr*",
                "     ^",
            ),
        ];
        for (input, reason, caret) in errors {
            let err = expand_operators(input, input, &fields)
                .unwrap_err()
                .to_string();
            assert_eq!(
                err,
                format!("invalid query '{input}': {reason}\n  {input}\n  {caret}")
            );
        }
    }

    #[test]
    fn bad_fields_and_dates_are_explained() {
        let err = rewrite("japan colour:red").unwrap_err().to_string();
        assert!(
            err.starts_with("invalid query 'japan colour:red': unknown field 'colour:'"),
            "{err}"
        );
        assert!(err.ends_with("\n  japan colour:red\n        ^"), "{err}");
        let err = rewrite("date:2014-13").unwrap_err().to_string();
        assert_eq!(
            err,
            "invalid query 'date:2014-13': invalid date '2014-13' in date:, expected YYYY, YYYY-MM, YYYY-MM-DD or A..B\n  date:2014-13\n       ^"
        );
        let err = rewrite("a \"open phrase").unwrap_err().to_string();
        assert!(
            err.ends_with("unclosed phrase: a '\"' has no partner\n  a \"open phrase\n    ^"),
            "{err}"
        );
    }

    #[test]
    fn queries_of_article_fields_only_are_told_apart() {
        let article = ["headline", "deck", "body"];
        for input in [
            "budget",
            "\"peace treaty\" title:visit",
            "text:gas -headline:ukraine",
            "\"a:b\" atleast2:gas",
        ] {
            assert!(names_only_fields(input, &article), "{input}");
        }
        for input in ["*", "(*) -gas"] {
            assert!(!names_only_fields(input, &article), "{input}");
        }
        for input in [
            "by:lavrov",
            "gas date:2014",
            "person:abe*",
            "quote:gas",
            "colour:red",
        ] {
            assert!(!names_only_fields(input, &article), "{input}");
        }
    }

    #[test]
    fn queries_too_deep_or_too_long_are_refused_before_parsing() {
        let deep = "(".repeat(MAX_QUERY_DEPTH + 1);
        let err = rewrite(&deep).unwrap_err().to_string();
        assert!(
            err.ends_with("parentheses nest 33 deep; a query may nest them at most 32 deep"),
            "{err}"
        );
        let long = "a ".repeat(MAX_QUERY_BYTES);
        let err = rewrite(&long).unwrap_err().to_string();
        assert!(
            err.ends_with("20000 bytes long; a query may be at most 10000 bytes"),
            "{err}"
        );
        // Parentheses inside a phrase are words, not nesting.
        let phrase = format!("\"{}\"", "(".repeat(100));
        assert!(check_bounds(&phrase).is_ok());
        assert!(check_bounds(&format!("{}a{}", "(".repeat(32), ")".repeat(32))).is_ok());
    }

    #[test]
    fn syntax_errors_point_at_where_the_grammar_stumbles() {
        assert_eq!(syntax_error_at("japan AND (treaty"), Some(17));
        assert_eq!(syntax_error_at("japan OR"), Some(6));
        assert_eq!(syntax_error_at("japan treaty"), None);
    }
}
