//! Syndication feeds: RSS 2.0 (`<rss><channel><item>`), RSS 1.0 (`<rdf:RDF>` with `<item>`s)
//! and Atom (`<feed><entry>`). Each item or entry with text is an article: its title, link,
//! date (`pubDate`, `dc:date`, `published`, `updated`), text (`content:encoded` or Atom
//! `content`, else `description` or `summary`, HTML that the feed escaped read as HTML), author
//! (`author`, `dc:creator`, Atom `author/name`) and the source it credits (RSS `<source>`, Atom
//! `source/title`), which becomes the agency.

use std::path::Path;

use super::raw::{FileArticles, RawArticle, Skipped, normal_date, paragraphs};
use super::xml::Element;

/// Reads a parsed feed document: RSS 2.0, RSS 1.0 or Atom.
pub(super) fn read(path: &Path, root: &Element) -> FileArticles {
    let atom = root.is("feed");
    let mut items = Vec::new();
    root.find_all(if atom { "entry" } else { "item" }, &mut items);
    let mut out = FileArticles::default();
    if items.is_empty() {
        return FileArticles::skip(
            path,
            format!("no {} in the feed", if atom { "<entry>" } else { "<item>" }),
        );
    }
    let lang = root
        .attr("lang")
        .map(String::from)
        .or_else(|| root.find("channel").and_then(|c| c.text_of("language")));
    for (record, item) in items.into_iter().enumerate() {
        match article(path, record, item, atom) {
            Some(mut article) => {
                article.lang = article.lang.or_else(|| lang.clone());
                out.articles.push(article);
            }
            None => out.skipped.push(Skipped {
                path: path.to_path_buf(),
                reason: format!(
                    "{} {}: no text (expected a description, summary or content)",
                    if atom { "entry" } else { "item" },
                    record + 1
                ),
            }),
        }
    }
    out
}

/// The article one `<item>` or `<entry>` holds; `None` when it has no text.
fn article(path: &Path, record: usize, item: &Element, atom: bool) -> Option<RawArticle> {
    let content = child(item, "encoded").or_else(|| child(item, "content"));
    let summary = child(item, "description").or_else(|| child(item, "summary"));
    let content_text = content.map(text_paragraphs).filter(|p| !p.is_empty());
    let summary_text = summary.map(text_paragraphs).filter(|p| !p.is_empty());
    let (mut body, deck) = match (content_text, summary_text) {
        (Some(body), summary) => (body, summary.map(|p| p.join(" "))),
        (None, Some(body)) => (body, None),
        (None, None) => return None,
    };
    super::raw::drop_repeated_deck(deck.as_deref(), &mut body);
    if body.is_empty() {
        return None;
    }
    let headline = child(item, "title").and_then(Element::text);
    let published = [
        "pubDate",
        "published",
        "date",
        "updated",
        "issued",
        "modified",
    ]
    .iter()
    .find_map(|name| child(item, name).and_then(Element::text))
    .and_then(|date| normal_date(&date));
    let url = if atom {
        atom_link(item)
    } else {
        child(item, "link")
            .and_then(Element::text)
            .or_else(|| child(item, "guid").and_then(Element::text))
            .filter(|link| link.starts_with("http"))
    };
    let byline = child(item, "author")
        .and_then(|author| author.text_of("name").or_else(|| author.text()))
        .or_else(|| child(item, "creator").and_then(Element::text));
    let agency = child(item, "source").and_then(|source| {
        if atom {
            source.text_of("title")
        } else {
            source.text()
        }
    });
    Some(RawArticle {
        path: path.to_path_buf(),
        record,
        headline,
        deck,
        paragraphs: body,
        published,
        url,
        agency,
        byline,
        lang: item.attr("lang").map(String::from),
        ..RawArticle::default()
    })
}

/// The first child element of `item` named `name` (not a descendant: an Atom entry's
/// `<source>` has a `<title>` and an `<updated>` of its own).
fn child<'a>(item: &'a Element, name: &str) -> Option<&'a Element> {
    item.elements().find(|element| element.is(name))
}

/// An element's text as paragraphs: markup the feed escaped (`&lt;p&gt;`) or wrapped in CDATA is
/// read as HTML, XHTML content (`<content type="xhtml"><div>`) by its blocks, plain text split at
/// blank lines.
fn text_paragraphs(element: &Element) -> Vec<String> {
    if element.elements().next().is_some() {
        return element.paragraphs();
    }
    let mut raw = String::new();
    for node in &element.children {
        if let super::xml::Node::Text(text) = node {
            raw.push_str(text);
        }
    }
    let trimmed = raw.trim_start();
    if trimmed.starts_with('<') || raw.contains("<p") || raw.contains("<br") {
        let found = super::html::fragment_paragraphs(&raw);
        if !found.is_empty() {
            return found;
        }
        return paragraphs(&super::html::fragment_text(&raw));
    }
    paragraphs(&raw)
}

/// An Atom entry's address: the `<link>` whose `rel` is `alternate` (or absent).
fn atom_link(entry: &Element) -> Option<String> {
    entry
        .elements()
        .filter(|element| element.is("link"))
        .find(|link| link.attr("rel").is_none_or(|rel| rel == "alternate"))
        .and_then(|link| link.attr("href"))
        .map(String::from)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_str(text: &str) -> FileArticles {
        read(
            Path::new("feed.xml"),
            &super::super::xml::parse(text).unwrap(),
        )
    }

    #[test]
    fn rss_items_are_articles_with_their_fields() {
        let read = read_str(
            r#"<?xml version="1.0"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"
     xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Desk</title><language>en</language>
<item><title>Port reopens</title><link>https://example.com/a</link>
<pubDate>Tue, 03 Mar 2026 10:15:00 GMT</pubDate><dc:creator>Ana Lind</dc:creator>
<source url="https://example.com/rss">Norland Press</source>
<description>The port reopened.</description>
<content:encoded><![CDATA[<p>VESSBY, March 3 - The port reopened on Tuesday.</p><p>“We are open,” said Per Holm.</p>]]></content:encoded>
</item>
<item><title>Empty</title><description>   </description></item>
<item><title>Brief</title><description>&lt;p&gt;Talks resumed.&lt;/p&gt;</description></item>
</channel></rss>"#,
        );
        assert_eq!(read.articles.len(), 2);
        let a = &read.articles[0];
        assert_eq!(a.headline.as_deref(), Some("Port reopens"));
        assert_eq!(a.deck.as_deref(), Some("The port reopened."));
        assert_eq!(
            a.paragraphs,
            [
                "VESSBY, March 3 - The port reopened on Tuesday.",
                "“We are open,” said Per Holm."
            ]
        );
        assert_eq!(a.url.as_deref(), Some("https://example.com/a"));
        assert_eq!(
            a.published.as_deref(),
            Some("Tue, 03 Mar 2026 10:15:00 GMT")
        );
        assert_eq!(a.byline.as_deref(), Some("Ana Lind"));
        assert_eq!(a.agency.as_deref(), Some("Norland Press"));
        assert_eq!(a.lang.as_deref(), Some("en"));
        assert_eq!(read.articles[1].paragraphs, ["Talks resumed."]);
        assert_eq!(read.articles[1].record, 2);
        assert_eq!(
            read.skipped[0].reason,
            "item 2: no text (expected a description, summary or content)"
        );
    }

    #[test]
    fn atom_entries_are_articles_with_their_fields() {
        let read = read_str(
            r#"<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en"><title>Wire</title>
<updated>2026-03-04T09:00:00Z</updated>
<entry><title type="text">Rates rise</title>
<link rel="self" href="https://example.com/self"/><link href="https://example.com/b"/>
<published>2026-03-03T08:00:00Z</published><updated>2026-03-04T08:00:00Z</updated>
<author><name>Ola Berg</name></author>
<source><title>Norland Wire</title><updated>2026-01-01T00:00:00Z</updated></source>
<summary>Rates rose.</summary>
<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>VESSBY - Rates rose by half a point.</p></div></content>
</entry>
<entry><title>Escaped</title><content type="html">&lt;p&gt;One.&lt;/p&gt;&lt;p&gt;Two.&lt;/p&gt;</content></entry>
</feed>"#,
        );
        assert!(read.skipped.is_empty(), "{:?}", read.skipped);
        let a = &read.articles[0];
        assert_eq!(a.headline.as_deref(), Some("Rates rise"));
        assert_eq!(a.deck.as_deref(), Some("Rates rose."));
        assert_eq!(a.paragraphs, ["VESSBY - Rates rose by half a point."]);
        assert_eq!(a.url.as_deref(), Some("https://example.com/b"));
        assert_eq!(a.published.as_deref(), Some("2026-03-03T08:00:00Z"));
        assert_eq!(a.byline.as_deref(), Some("Ola Berg"));
        assert_eq!(a.agency.as_deref(), Some("Norland Wire"));
        assert_eq!(a.lang.as_deref(), Some("en"));
        assert_eq!(read.articles[1].paragraphs, ["One.", "Two."]);
    }

    #[test]
    fn a_feed_without_items_is_skipped_with_a_reason() {
        let read = read_str("<rss><channel><title>Quiet</title></channel></rss>");
        assert!(read.articles.is_empty());
        assert_eq!(read.skipped[0].reason, "no <item> in the feed");
    }
}
