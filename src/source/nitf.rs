//! NITF (News Industry Text Format) documents: one article per file. Headline, deck, byline,
//! dateline place, agency and date come from the document's own elements; the body is the
//! paragraphs of `<body.content>`. Also used for the NITF that NewsML items carry inside.

use std::path::Path;

use super::raw::{FileArticles, RawArticle, normal_date, take_byline};
use super::xml::Element;

/// Reads a parsed NITF document.
pub(super) fn read(path: &Path, root: &Element) -> FileArticles {
    let mut out = FileArticles::default();
    match article(path, root) {
        Some(article) => out.articles.push(article),
        None => {
            return FileArticles::skip(
                path,
                "no body text (NITF <body.content> has no paragraphs)",
            );
        }
    }
    out
}

/// The article an `<nitf>` element holds; `None` when it has no body text.
pub(super) fn article(path: &Path, nitf: &Element) -> Option<RawArticle> {
    let body = nitf.find("body.content").or_else(|| nitf.find("body"))?;
    let mut paragraphs = body.paragraphs();
    let byline = nitf
        .text_of("byline")
        .or_else(|| take_byline(&mut paragraphs));
    if paragraphs.is_empty() {
        return None;
    }
    let headline = nitf.text_of("hl1").or_else(|| nitf.text_of("title"));
    let deck = nitf
        .text_of("hl2")
        .filter(|deck| Some(deck) != headline.as_ref());
    let dateline = nitf.find("dateline").and_then(|dateline| {
        dateline
            .text_of("city")
            .or_else(|| dateline.text_of("location"))
            .or_else(|| dateline.text())
    });
    let agency = origin_source(nitf)
        .or_else(|| nitf.text_of("distributor"))
        .or_else(|| {
            nitf.find("doc.copyright")
                .and_then(|c| c.attr("holder"))
                .map(String::from)
        })
        .or_else(|| {
            nitf.find("doc-id")
                .and_then(|d| d.attr("regsrc"))
                .map(String::from)
        });
    let published = ["date.issue", "date.release"]
        .iter()
        .filter_map(|name| nitf.find(name)?.attr("norm"))
        .find_map(normal_date)
        .or_else(|| {
            nitf.find("pubdata")
                .and_then(|p| p.attr("date.publication"))
                .and_then(normal_date)
        });
    Some(RawArticle {
        path: path.to_path_buf(),
        headline,
        deck,
        paragraphs,
        published,
        agency,
        dateline,
        byline,
        // `<nitf xml:lang="ru">`, or on its body.
        lang: nitf
            .attr("lang")
            .or_else(|| body.attr("lang"))
            .map(String::from),
        ..RawArticle::default()
    })
}

/// The agency that originated the document: the `src-name` of the delivery list's first link
/// (`<del-list><from-src src-name="PA" level-number="1"/>`). It names the agency itself where
/// the copyright line names one of its desks (`PA Sport`) or is missing, and beats a
/// distributor that only relayed the story.
fn origin_source(nitf: &Element) -> Option<String> {
    let mut sources = Vec::new();
    nitf.find("del-list")?.find_all("from-src", &mut sources);
    let level = |s: &Element| {
        s.attr("level-number")
            .and_then(|n| n.trim().parse::<u32>().ok())
            .unwrap_or(u32::MAX)
    };
    sources
        .into_iter()
        .filter_map(|s| Some((level(s), s.attr("src-name")?.trim())))
        .filter(|(_, name)| !name.is_empty())
        .min_by_key(|&(level, _)| level)
        .map(|(_, name)| name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::xml;

    #[test]
    fn nitf_fields_come_from_the_document() {
        let doc = r#"<?xml version="1.0"?>
<nitf><head><title>Title only</title><docdata><date.issue norm="20151210T191044Z"/>
<doc.copyright holder="AP" year="2015"/></docdata></head>
<body><body.head><hedline><hl1>Voronin arrives in Osaka</hl1><hl2>Talks to follow</hl2></hedline>
<byline>By Jane Holt</byline><dateline><location><city>OSAKA</city></location></dateline></body.head>
<body.content><p>OSAKA, Japan (AP) _ Arkady Voronin arrived.</p><p>"We came," he said.</p></body.content>
</body></nitf>"#;
        let root = xml::parse(doc).unwrap();
        let read = read(Path::new("a.xml"), &root);
        let a = &read.articles[0];
        assert_eq!(a.headline.as_deref(), Some("Voronin arrives in Osaka"));
        assert_eq!(a.deck.as_deref(), Some("Talks to follow"));
        assert_eq!(a.byline.as_deref(), Some("By Jane Holt"));
        assert_eq!(a.dateline.as_deref(), Some("OSAKA"));
        assert_eq!(a.agency.as_deref(), Some("AP"));
        assert_eq!(a.published.as_deref(), Some("2015-12-10T19:10:44"));
        assert_eq!(a.paragraphs.len(), 2);
    }

    #[test]
    fn nitf_without_body_is_skipped_with_reason() {
        let root =
            xml::parse("<nitf><head><title>T</title></head><body><body.content/></body></nitf>")
                .unwrap();
        let read = read(Path::new("a.xml"), &root);
        assert_eq!(
            read.skipped[0].reason,
            "no body text (NITF <body.content> has no paragraphs)"
        );
    }

    #[test]
    fn the_originating_source_names_the_agency() {
        let doc = |docdata: &str| {
            format!(
                "<nitf><head><docdata>{docdata}</docdata></head><body><body.content>\
                 <p>Text.</p></body.content></body></nitf>"
            )
        };
        // (case, docdata, agency as the feed gives it)
        let cases = [
            (
                "delivery list beats a desk's copyright",
                r#"<del-list><from-src src-name="PA" level-number="1"/></del-list>
<doc.copyright holder="PA Sport"/>"#,
                Some("PA"),
            ),
            (
                "the lowest level is the origin",
                r#"<del-list><from-src src-name="Relay" level-number="2"/>
<from-src src-name="AFP" level-number="1"/></del-list>"#,
                Some("AFP"),
            ),
            (
                "empty source name falls back to the copyright",
                r#"<del-list><from-src src-name=" "/></del-list><doc.copyright holder="AAP"/>"#,
                Some("AAP"),
            ),
            ("nothing names it", "", None),
        ];
        for (case, docdata, agency) in cases {
            let root = xml::parse(&doc(docdata)).unwrap();
            let read = read(Path::new("a.xml"), &root);
            assert_eq!(read.articles[0].agency.as_deref(), agency, "{case}");
        }
    }
}
