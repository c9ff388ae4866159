//! Output for people: one block per hit, matched words highlighted (bold red on a terminal,
//! `[brackets]` otherwise, so the match stays visible in a pipe or a file).

use std::io::{self, Write};

use crate::article::Article;
use crate::index::IndexReport;
use crate::query::{Hit, MatchedBy, QuoteHit, Results, Stats};

const HIGHLIGHT_ON: &str = "\x1b[1;31m";
const DIM: &str = "\x1b[2m";
const BOLD: &str = "\x1b[1m";
const RESET: &str = "\x1b[0m";

/// Marks `ranges` of `text`: ANSI colour when `color`, else brackets.
pub fn highlight(text: &str, ranges: &[(usize, usize)], color: bool) -> String {
    let mut out = String::with_capacity(text.len() + ranges.len() * 8);
    let mut at = 0;
    for &(start, end) in ranges {
        if start < at
            || end > text.len()
            || !text.is_char_boundary(start)
            || !text.is_char_boundary(end)
        {
            continue;
        }
        out.push_str(&text[at..start]);
        if color {
            out.push_str(HIGHLIGHT_ON);
            out.push_str(&text[start..end]);
            out.push_str(RESET);
        } else {
            out.push('[');
            out.push_str(&text[start..end]);
            out.push(']');
        }
        at = end;
    }
    out.push_str(&text[at..]);
    out
}

fn paint(text: &str, code: &str, color: bool) -> String {
    if color {
        format!("{code}{text}{RESET}")
    } else {
        text.to_string()
    }
}

fn or_dash(value: Option<&str>) -> &str {
    value.unwrap_or("-")
}

/// The first line of a listing: how many are shown of how many matched.
fn counts_line(out: &mut impl Write, shown: usize, total: usize, what: &str) -> io::Result<()> {
    writeln!(out, "{shown} of {total} {what}")
}

/// Hex digits of an article id that `search` prints: `show` takes them, or any prefix that
/// only one article's id starts with. Ten digits are 40 bits: in an archive of a million
/// articles, one in a million shares its ten with another (and `show` then says so).
pub const SHORT_ID_DIGITS: usize = 10;

/// The first [`SHORT_ID_DIGITS`] of an id.
pub fn short_id(id: &str) -> &str {
    id.get(..SHORT_ID_DIGITS).unwrap_or(id)
}

/// ` (+N copies)` for a hit that stands for N near-duplicates, nothing otherwise.
fn copies_note(copies: usize) -> String {
    match copies {
        0 => String::new(),
        1 => "  (+1 copy)".to_string(),
        n => format!("  (+{n} copies)"),
    }
}

/// Writes article hits.
pub fn write_hits(out: &mut impl Write, results: &Results<Hit>, color: bool) -> io::Result<()> {
    counts_line(out, results.hits.len(), results.total, "articles")?;
    for hit in &results.hits {
        let article = &hit.article;
        let date = article.date.map(|d| d.to_string());
        writeln!(out)?;
        writeln!(
            out,
            "{}  {}  {}  {}",
            paint(short_id(&article.id), DIM, color),
            or_dash(date.as_deref()),
            or_dash(article.agency.as_deref()),
            or_dash(article.dateline.as_deref()),
        )?;
        writeln!(out, "{}", paint(&article.headline, BOLD, color))?;
        writeln!(
            out,
            "  {}",
            highlight(&hit.snippet.text, &hit.snippet.highlights, color)
        )?;
        let source = if article.record > 0 {
            format!("{} #{}", article.path, article.record)
        } else {
            article.path.clone()
        };
        writeln!(
            out,
            "  {}{}",
            paint(&source, DIM, color),
            copies_note(hit.copies)
        )?;
        if !hit.also_in.is_empty() {
            let shown: Vec<&str> = hit.also_in.iter().take(3).map(String::as_str).collect();
            let more = hit.also_in.len() - shown.len();
            let more = if more > 0 {
                format!(" and {more} more")
            } else {
                String::new()
            };
            let line = format!("also in {}{more}", shown.join(", "));
            writeln!(out, "  {}", paint(&line, DIM, color))?;
        }
    }
    Ok(())
}

/// Writes quotation hits.
pub fn write_quotes(
    out: &mut impl Write,
    results: &Results<QuoteHit>,
    color: bool,
) -> io::Result<()> {
    counts_line(out, results.hits.len(), results.total, "quotes")?;
    for hit in &results.hits {
        let quote = &hit.quote;
        let date = quote.date.map(|d| d.to_string());
        writeln!(out)?;
        writeln!(out, "“{}”", highlight(&quote.text, &hit.highlights, color))?;
        if let Some(attribution) = &quote.attribution {
            writeln!(out, "  {}", paint(attribution, DIM, color))?;
        }
        let via = if hit.matched == MatchedBy::Article {
            "  (topic in article)"
        } else {
            ""
        };
        writeln!(
            out,
            "  — {} · {} · {} · {}{}",
            paint(or_dash(quote.speaker.as_deref()), BOLD, color),
            or_dash(date.as_deref()),
            or_dash(quote.agency.as_deref()),
            or_dash(quote.place.as_deref()),
            via,
        )?;
        writeln!(out, "  {}", quote.headline)?;
        writeln!(
            out,
            "  {}{}",
            paint(&quote.path, DIM, color),
            copies_note(hit.copies)
        )?;
    }
    Ok(())
}

/// Writes one article with every extracted field and its quotations.
pub fn write_article(out: &mut impl Write, article: &Article, color: bool) -> io::Result<()> {
    let date = article.date.map(|d| d.to_string());
    writeln!(out, "{}", paint(&article.headline, BOLD, color))?;
    if let Some(deck) = &article.deck {
        writeln!(out, "{deck}")?;
    }
    let inferred = if article.year_inferred {
        " (year inferred)"
    } else {
        ""
    };
    writeln!(out)?;
    writeln!(out, "id        {}", article.id)?;
    writeln!(out, "date      {}{inferred}", or_dash(date.as_deref()))?;
    writeln!(out, "agency    {}", or_dash(article.agency.as_deref()))?;
    writeln!(out, "dateline  {}", or_dash(article.dateline.as_deref()))?;
    if let Some(byline) = &article.byline {
        writeln!(out, "byline    {byline}")?;
    }
    writeln!(out, "source    {}", article.path)?;
    writeln!(out, "people")?;
    for person in &article.people {
        let titles = if person.titles.is_empty() {
            String::new()
        } else {
            format!(" ({})", person.titles.join("; "))
        };
        writeln!(
            out,
            "  {}{titles}: {} mentions, {} quotes",
            person.name, person.mentions, person.quotes
        )?;
    }
    writeln!(out, "quotes")?;
    for quote in &article.quotes {
        writeln!(
            out,
            "  “{}” — {}",
            quote.text,
            paint(or_dash(quote.speaker.as_deref()), BOLD, color)
        )?;
        if let Some(attribution) = &quote.attribution {
            writeln!(out, "    {}", paint(attribution, DIM, color))?;
        }
    }
    writeln!(out)?;
    for paragraph in article.body.split("\n\n") {
        writeln!(out, "{paragraph}")?;
        writeln!(out)?;
    }
    Ok(())
}

/// Writes a count table with bars proportional to the largest count.
pub fn write_counts(
    out: &mut impl Write,
    rows: &[crate::query::facets::Count],
    color: bool,
) -> io::Result<()> {
    const BAR: usize = 40;
    let width = rows
        .iter()
        .map(|r| r.key.chars().count())
        .max()
        .unwrap_or(0);
    let most = rows.iter().map(|r| r.count).max().unwrap_or(0).max(1);
    for row in rows {
        let bar = "█".repeat((row.count * BAR).div_ceil(most));
        let padding = " ".repeat(width - row.key.chars().count());
        writeln!(
            out,
            "{}{padding}  {:>6}  {}",
            row.key,
            row.count,
            paint(&bar, DIM, color)
        )?;
    }
    Ok(())
}

/// Writes index totals.
pub fn write_stats(out: &mut impl Write, stats: &Stats) -> io::Result<()> {
    let date = |d: Option<chrono::NaiveDate>| d.map_or("-".to_string(), |d| d.to_string());
    writeln!(out, "articles   {}", stats.articles)?;
    writeln!(out, "quotes     {}", stats.quotes)?;
    writeln!(
        out,
        "people     {} ({} quoted)",
        stats.people, stats.speakers
    )?;
    writeln!(
        out,
        "dates      {} .. {} ({} undated)",
        date(stats.first_date),
        date(stats.last_date),
        stats.undated
    )?;
    writeln!(out, "on disk    {:.1} MB", stats.size_bytes as f64 / 1e6)?;
    writeln!(out, "agencies")?;
    for (agency, count) in &stats.agencies {
        writeln!(out, "  {agency:<12} {count}")?;
    }
    Ok(())
}

/// Writes the summary of an index run: totals, then the skips and warnings (each, or counted
/// by reason when there are many; `report_file` holds each).
pub fn write_report(
    out: &mut impl Write,
    report: &IndexReport,
    index: &std::path::Path,
    report_file: Option<&std::path::Path>,
) -> io::Result<()> {
    let totals = &report.totals;
    writeln!(
        out,
        "indexed {} articles with {} quotes from {} files into {}",
        report.articles,
        report.quotes,
        totals.new + totals.changed,
        index.display()
    )?;
    writeln!(
        out,
        "files: {} new, {} changed, {} unchanged, {} deleted, {} skipped",
        totals.new, totals.changed, totals.unchanged, totals.deleted, totals.skipped
    )?;
    let duplicates = &report.duplicates;
    if duplicates.exact_copies + duplicates.groups > 0 {
        writeln!(
            out,
            "duplicates: {} exact {} (stored once), {} near-duplicate {} of {} articles",
            duplicates.exact_copies,
            if duplicates.exact_copies == 1 {
                "copy"
            } else {
                "copies"
            },
            duplicates.groups,
            if duplicates.groups == 1 {
                "group"
            } else {
                "groups"
            },
            duplicates.grouped_articles
        )?;
    }
    let skipped: Vec<(&std::path::Path, &str)> = report
        .skipped
        .iter()
        .map(|s| (s.path.as_path(), s.reason.as_str()))
        .collect();
    let heading = format!("skipped {} files or records", skipped.len());
    write_problems(out, &heading, &skipped, report_file)?;
    let warnings: Vec<(&std::path::Path, &str)> = report
        .warnings
        .iter()
        .map(|w| (w.path.as_path(), w.message.as_str()))
        .collect();
    write_problems(
        out,
        &format!("warnings {}", warnings.len()),
        &warnings,
        report_file,
    )?;
    Ok(())
}

/// Skips or warnings listed one by one on the terminal at most; more are counted by reason.
pub const PROBLEMS_LISTED: usize = 10;

/// Writes `problems` (path, reason) under `heading`: each one when there are few, else a count
/// per reason, most frequent first, pointing at `report_file` (or `--report`) for the rest.
/// Reuters-21578 alone printed 2,535 lines.
fn write_problems(
    out: &mut impl Write,
    heading: &str,
    problems: &[(&std::path::Path, &str)],
    report_file: Option<&std::path::Path>,
) -> io::Result<()> {
    if problems.is_empty() {
        return Ok(());
    }
    if problems.len() <= PROBLEMS_LISTED {
        writeln!(out, "{heading}:")?;
        for (path, reason) in problems {
            writeln!(out, "  {}: {reason}", crate::source::path_text(path))?;
        }
        return Ok(());
    }
    let mut by_reason: std::collections::HashMap<String, usize> = Default::default();
    for (_, reason) in problems {
        *by_reason.entry(reason_kind(reason)).or_default() += 1;
    }
    let mut counts: Vec<(String, usize)> = by_reason.into_iter().collect();
    counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let details = match report_file {
        Some(file) => format!("each is listed in {}", crate::source::path_text(file)),
        None => "run again with --report FILE to list each".to_string(),
    };
    writeln!(out, "{heading}, by reason ({details}):")?;
    let width = counts[0].1.to_string().len();
    for (reason, count) in counts {
        writeln!(out, "  {count:>width$}  {reason}")?;
    }
    Ok(())
}

/// A reason without what varies from file to file: the record or line it names
/// (`NEWID 30: `, `record 2: `, `line 3: `) and its numbers, each written N.
fn reason_kind(reason: &str) -> String {
    let mut rest = reason;
    if let Some((place, after)) = reason.split_once(": ")
        && let Some((word, number)) = place.split_once(' ')
        && !word.is_empty()
        && word.chars().all(char::is_alphabetic)
        && !number.is_empty()
        && number.bytes().all(|b| b.is_ascii_digit())
    {
        rest = after;
    }
    let mut kind = String::with_capacity(rest.len());
    let mut in_number = false;
    for c in rest.chars() {
        if c.is_ascii_digit() {
            if !in_number {
                kind.push('N');
            }
            in_number = true;
        } else {
            kind.push(c);
            in_number = false;
        }
    }
    kind
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn many_skips_are_counted_by_reason() {
        let cases = [
            (
                "NEWID 30: no <BODY> (a brief: title only)",
                "no <BODY> (a brief: title only)",
            ),
            ("record 2: no body text", "no body text"),
            (
                "too large (67108865 bytes; the limit is 67108864)",
                "too large (N bytes; the limit is N)",
            ),
            (
                "unreadable: Permission denied (os error 13)",
                "unreadable: Permission denied (os error N)",
            ),
        ];
        for (reason, kind) in cases {
            assert_eq!(reason_kind(reason), kind, "{reason}");
        }
        let paths: Vec<std::path::PathBuf> = (0..12).map(|i| format!("f{i}.txt").into()).collect();
        let problems: Vec<(&std::path::Path, &str)> = paths
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let reason = if i < 9 {
                    "empty file"
                } else {
                    "binary file (contains NUL bytes)"
                };
                (p.as_path(), reason)
            })
            .collect();
        let mut out = Vec::new();
        write_problems(&mut out, "skipped 12 files or records", &problems, None).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "skipped 12 files or records, by reason (run again with --report FILE to list each):\n  9  empty file\n  3  binary file (contains NUL bytes)\n"
        );
        let mut out = Vec::new();
        write_problems(&mut out, "warnings 1", &problems[..1], None).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "warnings 1:\n  f0.txt: empty file\n"
        );
    }

    #[test]
    fn highlights_use_brackets_without_colour_and_skip_bad_ranges() {
        assert_eq!(
            highlight("visit Japan now", &[(6, 11)], false),
            "visit [Japan] now"
        );
        assert_eq!(
            highlight("visit Japan", &[(6, 11)], true),
            "visit \x1b[1;31mJapan\x1b[0m"
        );
        assert_eq!(highlight("ab", &[(1, 9)], false), "ab");
    }
}
