//! CSV output: one row per hit with stable column names, for spreadsheets. Quoting and escaping
//! are the `csv` crate's (RFC 4180), so commas, quotes and line breaks in text stay safe. A cell
//! that a spreadsheet would run as a formula (it begins with `=`, `+`, `-`, `@`, a tab or a
//! carriage return) gets a `'` before it, as OWASP's "CSV Injection" page recommends: headlines,
//! quotes and file names come from the archive, which anyone may have written.

use std::borrow::Cow;
use std::io::{self, Write};

use crate::query::facets::Count;
use crate::query::{Hit, QuoteHit};

fn writer(out: &mut impl Write) -> csv::Writer<&mut dyn Write> {
    csv::Writer::from_writer(out as &mut dyn Write)
}

fn done(result: csv::Result<()>) -> io::Result<()> {
    result.map_err(|e| match e.into_kind() {
        csv::ErrorKind::Io(io) => io,
        other => io::Error::other(format!("{other:?}")),
    })
}

/// `text` as a cell that no spreadsheet runs: a leading `'` before a formula's first character.
/// Numbers (`-3`, `+1.5`) stay numbers; a formula such as `-2+3` is no number and is neutralised.
pub fn cell(text: &str) -> Cow<'_, str> {
    let formula = text.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if formula && text.parse::<f64>().is_err() {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// Writes one row, each field made safe with [`cell`].
fn row<'a, W: Write>(
    csv: &mut csv::Writer<W>,
    fields: impl IntoIterator<Item = &'a str>,
) -> csv::Result<()> {
    csv.write_record(fields.into_iter().map(|f| cell(f).into_owned()))
}

fn or_empty(value: &Option<String>) -> &str {
    value.as_deref().unwrap_or("")
}

/// Columns: `id,date,agency,place,headline,people,quotes,score,snippet,path,record,copies,group,
/// also_in` (near-duplicates collapsed into the hit, its group, other files with the same
/// story, `; `-separated).
pub fn write_hits(out: &mut impl Write, hits: &[Hit]) -> io::Result<()> {
    let mut csv = writer(out);
    done((|| {
        csv.write_record([
            "id", "date", "agency", "place", "headline", "people", "quotes", "score", "snippet",
            "path", "record", "copies", "group", "also_in",
        ])?;
        for hit in hits {
            let article = &hit.article;
            let people: Vec<&str> = article.people.iter().map(|p| p.name.as_str()).collect();
            row(
                &mut csv,
                [
                    article.id.as_str(),
                    &article.date.map(|d| d.to_string()).unwrap_or_default(),
                    or_empty(&article.agency),
                    or_empty(&article.dateline),
                    &article.headline,
                    &people.join("; "),
                    &article.quotes.len().to_string(),
                    &format!("{:.3}", hit.score),
                    &hit.snippet.text,
                    &article.path,
                    &article.record.to_string(),
                    &hit.copies.to_string(),
                    or_empty(&hit.group),
                    &hit.also_in.join("; "),
                ],
            )?;
        }
        csv.flush()?;
        Ok(())
    })())
}

/// Columns: `date,agency,place,speaker,quote,cue,attribution,matched,headline,article_id,path,
/// speaker_kind` (the kind last, so that columns read by position before it keep their place).
pub fn write_quotes(out: &mut impl Write, hits: &[QuoteHit]) -> io::Result<()> {
    let mut csv = writer(out);
    done((|| {
        csv.write_record([
            "date",
            "agency",
            "place",
            "speaker",
            "quote",
            "cue",
            "attribution",
            "matched",
            "headline",
            "article_id",
            "path",
            "speaker_kind",
        ])?;
        for hit in hits {
            let quote = &hit.quote;
            let kind = quote.speaker_kind.map_or("", |k| k.as_str()).to_string();
            let matched = match hit.matched {
                crate::query::MatchedBy::Quote => "quote",
                crate::query::MatchedBy::Article => "article",
            };
            row(
                &mut csv,
                [
                    &quote.date.map(|d| d.to_string()).unwrap_or_default(),
                    or_empty(&quote.agency),
                    or_empty(&quote.place),
                    or_empty(&quote.speaker),
                    &quote.text,
                    or_empty(&quote.cue),
                    or_empty(&quote.attribution),
                    matched,
                    &quote.headline,
                    &quote.article_id,
                    &quote.path,
                    &kind,
                ],
            )?;
        }
        csv.flush()?;
        Ok(())
    })())
}

/// Any rows of flat records, with the field names as the header row.
pub fn write_records<T: serde::Serialize>(out: &mut impl Write, rows: &[T]) -> io::Result<()> {
    // serde writes the fields; each is then made safe with `cell` on its way out.
    let mut plain = csv::Writer::from_writer(Vec::new());
    let mut csv = writer(out);
    done((|| {
        for record in rows {
            plain.serialize(record)?;
        }
        let bytes = plain.into_inner().map_err(|e| e.into_error())?;
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(bytes.as_slice());
        for record in reader.records() {
            row(&mut csv, record?.iter())?;
        }
        csv.flush()?;
        Ok(())
    })())
}

/// Columns: `key,count`.
pub fn write_counts(out: &mut impl Write, rows: &[Count]) -> io::Result<()> {
    let mut csv = writer(out);
    done((|| {
        csv.write_record(["key", "count"])?;
        for count in rows {
            row(&mut csv, [count.key.as_str(), &count.count.to_string()])?;
        }
        csv.flush()?;
        Ok(())
    })())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_a_spreadsheet_would_run_are_neutralised() {
        let cases = [
            (
                "=HYPERLINK(\"http://x\",\"y\")",
                "'=HYPERLINK(\"http://x\",\"y\")",
            ),
            ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
            ("-2+3", "'-2+3"),
            ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
            ("\t=1", "'\t=1"),
            ("\r=1", "'\r=1"),
            ("-3", "-3"),
            ("+1.5", "+1.5"),
            ("Lavrov = minister", "Lavrov = minister"),
            ("", ""),
        ];
        for (input, expected) in cases {
            assert_eq!(cell(input), expected, "input {input:?}");
        }
        #[derive(serde::Serialize)]
        struct Person {
            name: &'static str,
            quotes: i64,
        }
        let mut out = Vec::new();
        let people = [Person {
            name: "=1+1",
            quotes: -1,
        }];
        write_records(&mut out, &people).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "name,quotes\n'=1+1,-1\n");
    }

    #[test]
    fn commas_quotes_and_newlines_are_escaped() {
        let rows = [Count {
            key: "Lavrov, \"the minister\"\nof Russia".into(),
            count: 2,
        }];
        let mut out = Vec::new();
        write_counts(&mut out, &rows).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "key,count\n\"Lavrov, \"\"the minister\"\"\nof Russia\",2\n"
        );
    }
}
