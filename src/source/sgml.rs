//! Reuters-21578 SGML: many `<REUTERS NEWID="...">` records per file, each with a `<DATE>` and a
//! `<TEXT>` holding `<TITLE>`, `<DATELINE>` and `<BODY>`. The SGML is not XML (bare `&#3;`
//! control references, no root element), so records are cut out by their tags. Records without a
//! `<BODY>` (brief and unprocessed items) are skipped with a reason naming their NEWID.

use std::path::Path;

use super::raw::{FileArticles, RawArticle, Skipped};
use super::xml::collapse;

/// Reads every `<REUTERS>` record of a file.
pub(super) fn read(path: &Path, text: &str) -> FileArticles {
    let mut out = FileArticles::default();
    let mut rest = text;
    let mut record = 0;
    while let Some(start) = rest.find("<REUTERS") {
        let after = &rest[start..];
        let end = after
            .find("</REUTERS>")
            .map_or(after.len(), |e| e + "</REUTERS>".len());
        let chunk = &after[..end];
        rest = &after[end..];
        let tag_end = chunk.find('>').unwrap_or(chunk.len());
        let newid = attribute(&chunk[..tag_end], "NEWID").unwrap_or("?");
        match record_article(path, record, chunk) {
            Ok(article) => out.articles.push(article),
            Err(why) => out.skipped.push(Skipped {
                path: path.to_path_buf(),
                reason: format!("NEWID {newid}: {why}"),
            }),
        }
        record += 1;
    }
    if record == 0 {
        return FileArticles::skip(path, "no <REUTERS> record in the SGML file");
    }
    out
}

fn record_article(path: &Path, record: usize, chunk: &str) -> Result<RawArticle, &'static str> {
    if !chunk.contains("</REUTERS>") {
        return Err("record cut off (no </REUTERS>)");
    }
    let body = element(chunk, "BODY").ok_or(if chunk.contains("TYPE=\"BRIEF\"") {
        "no <BODY> (a brief: title only)"
    } else if chunk.contains("TYPE=\"UNPROC\"") {
        "no <BODY> (unprocessed text without title or dateline)"
    } else {
        "no <BODY>"
    })?;
    let mut paragraphs = body_paragraphs(&entities(body));
    if paragraphs.is_empty() {
        return Err("empty <BODY>");
    }
    if let Some(dateline) = element(chunk, "DATELINE").map(|d| collapse(&entities(d)))
        && !dateline.is_empty()
    {
        // The dateline parser reads `SALVADOR, Feb 26 - ` at the head of the first paragraph.
        paragraphs[0] = format!("{dateline} {}", paragraphs[0]);
    }
    Ok(RawArticle {
        path: path.to_path_buf(),
        record,
        headline: element(chunk, "TITLE")
            .map(|t| collapse(&entities(t)))
            .filter(|t| !t.is_empty()),
        paragraphs,
        published: element(chunk, "DATE").map(|d| d.trim().to_string()),
        agency: Some("Reuters".into()),
        ..RawArticle::default()
    })
}

/// The content of the first `<NAME ...>...</NAME>` in `chunk`.
fn element<'a>(chunk: &'a str, name: &str) -> Option<&'a str> {
    let open = format!("<{name}");
    let close = format!("</{name}>");
    let mut from = 0;
    while let Some(found) = chunk[from..].find(&open) {
        let at = from + found + open.len();
        // `<TEXT` must not match `<TEXTS`: the tag name ends at `>` or a space.
        if chunk[at..].starts_with(['>', ' ']) {
            let content_start = at + chunk[at..].find('>')? + 1;
            let content_end = content_start + chunk[content_start..].find(&close)?;
            return Some(&chunk[content_start..content_end]);
        }
        from = at;
    }
    None
}

fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!("{name}=\"");
    let start = tag.find(&key)? + key.len();
    let end = start + tag[start..].find('"')?;
    Some(&tag[start..end])
}

/// Decodes `&lt;`, `&gt;`, `&amp;` and numeric references; control characters (`&#3;`, the
/// wire's end-of-text) are dropped.
pub fn entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        let end = tail.find(';').filter(|&e| e <= 12);
        let replacement = end.and_then(|e| match &tail[1..e] {
            "lt" => Some(Some('<')),
            "gt" => Some(Some('>')),
            "amp" => Some(Some('&')),
            "quot" => Some(Some('"')),
            num if num.starts_with('#') => num[1..]
                .parse::<u32>()
                .ok()
                .map(|n| char::from_u32(n).filter(|c| !c.is_control() || *c == '\n')),
            _ => None,
        });
        match (end, replacement) {
            (Some(e), Some(c)) => {
                out.extend(c);
                rest = &tail[e + 1..];
            }
            _ => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out.retain(|c| !c.is_control() || c == '\n' || c == '\t');
    out
}

/// Paragraphs of a Reuters body: a line indented with spaces opens a new paragraph; the closing
/// `Reuter` sign-off is dropped.
fn body_paragraphs(body: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut current = String::new();
    for line in body.lines() {
        let opens = line.starts_with([' ', '\t']) || line.trim().is_empty();
        if opens && !current.is_empty() {
            out.push(std::mem::take(&mut current));
        }
        let line = line.trim();
        if !line.is_empty() {
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(line);
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    if out.last().is_some_and(|last| {
        last.eq_ignore_ascii_case("reuter") || last.eq_ignore_ascii_case("reuters")
    }) {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n\
<REUTERS TOPICS=\"YES\" NEWID=\"7\">\n<DATE>26-FEB-1987 15:01:01.79</DATE>\n<UNKNOWN>&#5;&#5;C T</UNKNOWN>\n\
<TEXT>&#2;\n<TITLE>BAHRAIN &lt;BANK&gt; PROFIT UP</TITLE>\n<DATELINE>    MANAMA, Feb 26 - </DATELINE><BODY>Gulf Trade Bank said\nprofit rose.\n    Chairman Omar Haddad said more.\n Reuter\n&#3;</BODY></TEXT>\n</REUTERS>\n\
<REUTERS NEWID=\"8\">\n<DATE>26-FEB-1987 15:02:20.00</DATE>\n<TEXT TYPE=\"BRIEF\">&#2;\n******<TITLE>TITLE ONLY</TITLE>\n&#3;</TEXT>\n</REUTERS>\n";

    #[test]
    fn records_become_articles_and_bodyless_ones_are_skipped_by_newid() {
        let read = read(Path::new("reut2-000.sgm"), FILE);
        assert_eq!(read.articles.len(), 1);
        let a = &read.articles[0];
        assert_eq!(a.headline.as_deref(), Some("BAHRAIN <BANK> PROFIT UP"));
        assert_eq!(a.published.as_deref(), Some("26-FEB-1987 15:01:01.79"));
        assert_eq!(
            a.paragraphs,
            [
                "MANAMA, Feb 26 - Gulf Trade Bank said profit rose.",
                "Chairman Omar Haddad said more."
            ]
        );
        assert_eq!(
            read.skipped[0].reason,
            "NEWID 8: no <BODY> (a brief: title only)"
        );
    }

    #[test]
    fn truncated_records_do_not_panic() {
        for cut in 0..FILE.len() {
            if FILE.is_char_boundary(cut) {
                let _ = read(Path::new("x.sgm"), &FILE[..cut]);
            }
        }
        assert_eq!(
            entities("a &#99999999; &bogus; &#3;b &amp"),
            "a  &bogus; b &amp"
        );
    }
}
