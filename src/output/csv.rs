//! CSV output: one row per hit with stable column names, for spreadsheets. Quoting and escaping
//! are the `csv` crate's (RFC 4180), so commas, quotes and line breaks in text stay safe.

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
            csv.write_record([
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
            ])?;
        }
        csv.flush()?;
        Ok(())
    })())
}

/// Columns: `date,agency,place,speaker,quote,cue,attribution,matched,headline,article_id,path`.
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
        ])?;
        for hit in hits {
            let quote = &hit.quote;
            let matched = match hit.matched {
                crate::query::MatchedBy::Quote => "quote",
                crate::query::MatchedBy::Article => "article",
            };
            csv.write_record([
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
            ])?;
        }
        csv.flush()?;
        Ok(())
    })())
}

/// Any rows of flat records, with the field names as the header row.
pub fn write_records<T: serde::Serialize>(out: &mut impl Write, rows: &[T]) -> io::Result<()> {
    let mut csv = writer(out);
    done((|| {
        for row in rows {
            csv.serialize(row)?;
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
        for row in rows {
            csv.write_record([row.key.as_str(), &row.count.to_string()])?;
        }
        csv.flush()?;
        Ok(())
    })())
}

#[cfg(test)]
mod tests {
    use super::*;

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
