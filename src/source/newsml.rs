//! IPTC NewsML 1.2 (`<NewsML>` with `<NewsItem>`s) and NewsML-G2 (`<newsMessage>` with
//! `<newsItem>`s): each item with text becomes an article. The feed's own metadata gives headline,
//! deck, byline, dateline, agency and date; the text is the item's NITF, XHTML or plain-text
//! content. Items without text (photos, packages) are skipped with a reason naming the item.

use std::path::Path;

use super::html;
use super::nitf;
use super::raw::{FileArticles, RawArticle, Skipped, normal_date, take_byline};
use super::xml::Element;

/// Reads a parsed NewsML 1.2 document.
pub(super) fn read_newsml(path: &Path, root: &Element) -> FileArticles {
    let mut items = Vec::new();
    if root.is("NewsItem") {
        items.push(root);
    } else {
        root.find_all("NewsItem", &mut items);
    }
    let envelope_date = root.text_of("DateAndTime");
    let mut out = FileArticles::default();
    for (record, item) in items.iter().enumerate() {
        let mut lines = Vec::new();
        item.find_all("NewsLines", &mut lines);
        let line = |name: &str| lines.iter().find_map(|l| l.text_of(name));
        let is_text = newsml_text_item(item);
        let Some(mut article) = content_article(path, item, "DataContent")
            .or_else(|| is_text.then(|| empty_article(path)))
        else {
            out.skipped
                .push(skip(path, record, "NewsItem", items.len()));
            continue;
        };
        article.record = record;
        article.headline = line("HeadLine").or(article.headline);
        if !headline_stands_for_text(&mut article, is_text) {
            out.skipped
                .push(skip(path, record, "NewsItem", items.len()));
            continue;
        }
        article.deck = line("SubHeadLine").or(article.deck);
        article.byline = line("ByLine").or(article.byline);
        article.agency = line("CreditLine")
            .or_else(|| {
                item.find("Provider")
                    .and_then(|p| p.find("Party"))
                    .and_then(|p| p.attr("FormalName"))
                    .map(String::from)
            })
            .or_else(|| item.text_of("ProviderId"))
            .or(article.agency);
        article.published = ["FirstCreated", "ThisRevisionCreated"]
            .iter()
            .find_map(|name| item.text_of(name).as_deref().and_then(normal_date))
            .or(article.published)
            .or_else(|| envelope_date.as_deref().and_then(normal_date));
        // NewsML 1.2 declares the language as `<Language FormalName="ru"/>`, or `xml:lang`.
        article.lang = item
            .find("Language")
            .and_then(|l| l.attr("FormalName"))
            .or_else(|| item.attr("lang"))
            .map(String::from)
            .or(article.lang);
        let city = location_city(item);
        if let Some(dateline) = line("DateLine") {
            prepend_dateline(&mut article, &dateline);
        }
        article.dateline = city.or(article.dateline);
        out.articles.push(article);
    }
    if items.is_empty() {
        out.skipped.push(Skipped {
            path: path.to_path_buf(),
            reason: "no NewsItem in the NewsML document".into(),
        });
    }
    out
}

/// Reads a parsed NewsML-G2 document.
pub(super) fn read_g2(path: &Path, root: &Element) -> FileArticles {
    let mut items = Vec::new();
    if root.is("newsItem") {
        items.push(root);
    } else {
        root.find_all("newsItem", &mut items);
    }
    let mut out = FileArticles::default();
    for (record, item) in items.iter().enumerate() {
        let is_text = item
            .find("itemClass")
            .and_then(|class| class.attr("qcode"))
            .is_some_and(|qcode| qcode.to_ascii_lowercase().ends_with(":text"));
        let Some(mut article) = content_article(path, item, "contentSet")
            .or_else(|| is_text.then(|| empty_article(path)))
        else {
            out.skipped
                .push(skip(path, record, "newsItem", items.len()));
            continue;
        };
        article.record = record;
        let meta = item.find("contentMeta");
        let mut headlines = Vec::new();
        if let Some(meta) = meta {
            meta.find_all("headline", &mut headlines);
        }
        let is_sub = |h: &Element| {
            h.attr("role")
                .is_some_and(|r| r.to_ascii_lowercase().contains("sub"))
        };
        article.headline = headlines
            .iter()
            .filter(|h| !is_sub(h))
            .find_map(|h| h.text())
            .or(article.headline);
        article.deck = headlines
            .iter()
            .filter(|h| is_sub(h))
            .find_map(|h| h.text())
            .or(article.deck);
        if !headline_stands_for_text(&mut article, is_text) {
            out.skipped
                .push(skip(path, record, "newsItem", items.len()));
            continue;
        }
        if let Some(meta) = meta {
            article.byline = meta.text_of("by").or(article.byline);
            // Reuters fills <dateline> with the filing time; only a place is a dateline.
            if let Some(dateline) = meta
                .text_of("dateline")
                .filter(|d| !d.starts_with(|c: char| c.is_ascii_digit()))
            {
                article.dateline = Some(dateline);
            }
        }
        article.agency = meta
            .and_then(|m| m.text_of("creditline"))
            .or_else(|| {
                item.find("provider")
                    .and_then(|p| p.attr("literal"))
                    .map(String::from)
            })
            .or(article.agency);
        article.published = ["firstCreated", "contentCreated", "versionCreated"]
            .iter()
            .find_map(|name| item.text_of(name).as_deref().and_then(normal_date))
            .or(article.published);
        // NewsML-G2: `<newsItem xml:lang="ru">`, or `<language tag="ru"/>` in the metadata.
        article.lang = item
            .attr("lang")
            .or_else(|| item.find("language").and_then(|l| l.attr("tag")))
            .map(String::from)
            .or(article.lang);
        out.articles.push(article);
    }
    if items.is_empty() {
        out.skipped.push(Skipped {
            path: path.to_path_buf(),
            reason: "no newsItem in the NewsML-G2 document (a package or event item?)".into(),
        });
    }
    out
}

fn skip(path: &Path, record: usize, kind: &str, count: usize) -> Skipped {
    let which = if count > 1 {
        format!("{kind} {record}: ")
    } else {
        String::new()
    };
    Skipped {
        path: path.to_path_buf(),
        reason: format!("{which}no text content (a photo, graphic or empty item)"),
    }
}

/// True for a NewsML 1.2 item whose content is declared text (`<MediaType FormalName="Text"/>`),
/// as opposed to a photo or graphic.
fn newsml_text_item(item: &Element) -> bool {
    let mut types = Vec::new();
    item.find_all("MediaType", &mut types);
    types.iter().any(|t| {
        t.attr("FormalName")
            .is_some_and(|name| name.eq_ignore_ascii_case("Text"))
    })
}

/// A text item that carries a headline but no text (Reuters sends a withdrawn story's headline
/// with an empty body; some items hold only their byline) is still the story the feed filed:
/// its headline stands as its text, so that it is indexed and found by its headline, with the
/// feed's date and agency. False, to skip the item, when it has neither text nor headline, or
/// when it is not a text item (a photo's caption is not a story).
fn headline_stands_for_text(article: &mut RawArticle, is_text: bool) -> bool {
    if !article.paragraphs.is_empty() {
        return true;
    }
    match article.headline.as_ref().filter(|h| !h.trim().is_empty()) {
        Some(headline) if is_text => {
            article.paragraphs.push(headline.clone());
            true
        }
        _ => false,
    }
}

/// The article in the first content element (`DataContent`, `contentSet`) that holds text:
/// embedded NITF, XHTML, HTML escaped into the text, or plain text. A content element holding
/// only a byline gives an article with that byline and no paragraphs.
fn content_article(path: &Path, item: &Element, content: &str) -> Option<RawArticle> {
    let mut contents = Vec::new();
    item.find_all(content, &mut contents);
    let mut byline_only = None;
    for content in contents {
        if let Some(embedded) = content.find("nitf") {
            match nitf::article(path, embedded) {
                Some(article) => return Some(article),
                None => continue,
            }
        }
        let mut paragraphs = content.paragraphs();
        if paragraphs
            .iter()
            .any(|p| p.contains("<p") || p.contains("<P"))
        {
            paragraphs = html::fragment_paragraphs(&paragraphs.join("\n"));
        }
        let byline = take_byline(&mut paragraphs);
        let article = RawArticle {
            paragraphs,
            byline,
            ..empty_article(path)
        };
        if !article.paragraphs.is_empty() {
            return Some(article);
        }
        if article.byline.is_some() && byline_only.is_none() {
            byline_only = Some(article);
        }
    }
    byline_only
}

fn empty_article(path: &Path) -> RawArticle {
    RawArticle {
        path: path.to_path_buf(),
        ..RawArticle::default()
    }
}

/// The city of a NewsML 1.2 `<Location>` (`<Property FormalName="City" Value="MOSCOW"/>`).
fn location_city(item: &Element) -> Option<String> {
    let mut properties = Vec::new();
    item.find("Location")?.find_all("Property", &mut properties);
    properties
        .iter()
        .find(|p| {
            p.attr("FormalName")
                .is_some_and(|n| n.eq_ignore_ascii_case("City"))
        })
        .and_then(|p| p.attr("Value"))
        .map(String::from)
}

/// AFP and Kyodo NewsML put the dateline (`STOCKHOLM, Aug 29, 2014 (AFP) -`) in `<DateLine>` and
/// not in the text; it goes back in front of the first paragraph, where the article stage reads
/// datelines. A `<DateLine>` that is only a date (`January 21`, `4/4/2018`) names no place and
/// is left out, as is one the text already opens with.
fn prepend_dateline(article: &mut RawArticle, dateline: &str) {
    let Some((place, _)) = dateline.split_once(',') else {
        return;
    };
    let is_place = place.chars().any(char::is_alphabetic)
        && place
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase);
    let Some(first) = article.paragraphs.first_mut() else {
        return;
    };
    if !is_place || first.to_uppercase().starts_with(place.trim()) {
        return;
    }
    if article.dateline.is_none() {
        article.dateline = Some(place.trim().to_string());
    }
    let dash = if dateline.trim_end().ends_with(['-', '_', '.']) {
        ""
    } else {
        " -"
    };
    *first = format!("{}{dash} {first}", dateline.trim());
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::xml;

    const NEWSML: &str = r#"<?xml version="1.0"?><NewsML><NewsEnvelope><DateAndTime>20190121T102721</DateAndTime></NewsEnvelope>
<NewsItem><NewsManagement><FirstCreated>20140829T134951+0000</FirstCreated></NewsManagement>
<NewsComponent><DescriptiveMetadata><Language FormalName="fr"/></DescriptiveMetadata><NewsLines><DateLine>STOCKHOLM, Aug 29, 2014 (AFP) -</DateLine><HeadLine>Court backs Lindqvist</HeadLine>
<CreditLine>AFP</CreditLine></NewsLines><ContentItem><DataContent><p>A court accepted the request.</p>
<p>"Good news," Lindqvist said.</p></DataContent></ContentItem></NewsComponent></NewsItem>
<NewsItem><NewsComponent><NewsLines><HeadLine>Photo</HeadLine></NewsLines></NewsComponent></NewsItem></NewsML>"#;

    #[test]
    fn newsml_items_take_feed_metadata_and_get_their_dateline_back() {
        let read = read_newsml(Path::new("a.xml"), &xml::parse(NEWSML).unwrap());
        assert_eq!(read.articles.len(), 1);
        let a = &read.articles[0];
        assert_eq!(a.headline.as_deref(), Some("Court backs Lindqvist"));
        assert_eq!(a.agency.as_deref(), Some("AFP"));
        assert_eq!(a.dateline.as_deref(), Some("STOCKHOLM"));
        assert_eq!(a.published.as_deref(), Some("2014-08-29T13:49:51"));
        assert_eq!(a.lang.as_deref(), Some("fr"));
        assert_eq!(
            a.paragraphs[0],
            "STOCKHOLM, Aug 29, 2014 (AFP) - A court accepted the request."
        );
        assert_eq!(
            read.skipped[0].reason,
            "NewsItem 1: no text content (a photo, graphic or empty item)"
        );
    }

    #[test]
    fn g2_items_use_content_meta_and_ignore_a_time_as_dateline() {
        let doc = r#"<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><itemSet>
<newsItem guid="x" xml:lang="en-GB"><itemMeta><provider literal="reuters.com"/><versionCreated>2014-07-16T13:00:03.000Z</versionCreated>
<firstCreated>2014-07-16T10:35:57.000Z</firstCreated></itemMeta>
<contentMeta><headline>Minister Orlov resigns</headline><headline role="hld:subHeadline">Deck here</headline>
<dateline>2014-07-16 13:00:03 GMT+00:00</dateline><creditline>Reuters</creditline></contentMeta>
<contentSet><inlineXML><html xmlns="http://www.w3.org/1999/xhtml"><body><p>By Ann Lee</p>
<p>VILNIUS (Reuters) - Minister Orlov resigned.</p><p/></body></html></inlineXML></contentSet></newsItem></itemSet></newsMessage>"#;
        let read = read_g2(Path::new("g2"), &xml::parse(doc).unwrap());
        let a = &read.articles[0];
        assert_eq!(a.headline.as_deref(), Some("Minister Orlov resigns"));
        assert_eq!(a.deck.as_deref(), Some("Deck here"));
        assert_eq!(a.byline.as_deref(), Some("By Ann Lee"));
        assert_eq!(a.dateline, None);
        assert_eq!(a.agency.as_deref(), Some("Reuters"));
        assert_eq!(a.published.as_deref(), Some("2014-07-16T10:35:57.000Z"));
        assert_eq!(a.lang.as_deref(), Some("en-GB"));
        assert_eq!(
            a.paragraphs,
            ["VILNIUS (Reuters) - Minister Orlov resigned."]
        );
    }

    #[test]
    fn text_items_without_text_stand_on_their_headline_and_others_are_skipped() {
        let g2 = |class: &str, headline: &str, body: &str| {
            format!(
                r#"<newsMessage><itemSet><newsItem guid="x"><itemMeta><itemClass qcode="{class}"/>
<provider literal="reuters.com"/><firstCreated>2016-01-04T16:34:45.000Z</firstCreated></itemMeta>
<contentMeta><headline>{headline}</headline></contentMeta><contentSet><inlineXML><html><body>{body}</body></html>
</inlineXML></contentSet></newsItem></itemSet></newsMessage>"#
            )
        };
        let newsml = |media: &str, headline: &str| {
            format!(
                r#"<NewsML><NewsItem><NewsManagement><FirstCreated>20190121T102708</FirstCreated></NewsManagement>
<NewsComponent><NewsLines><HeadLine>{headline}</HeadLine></NewsLines>
<ContentItem><MediaType FormalName="{media}"/><DataContent/></ContentItem></NewsComponent></NewsItem></NewsML>"#
            )
        };
        // (case, document, headline and byline of the article; None when skipped)
        let cases = [
            (
                "G2 withdrawn story: headline, empty paragraph",
                g2("icls:text", "Dam at Orvik holds", "<p/>"),
                Some(("Dam at Orvik holds", None)),
            ),
            (
                "G2 story holding only its byline",
                g2("icls:text", "Keeper Brandt signs", "<p>By Ola Nyberg</p>"),
                Some(("Keeper Brandt signs", Some("By Ola Nyberg"))),
            ),
            (
                "G2 text item with neither text nor headline",
                g2("icls:text", "", "<p/>"),
                None,
            ),
            (
                "G2 picture",
                g2("icls:picture", "Dam at Orvik", "<p/>"),
                None,
            ),
            (
                "NewsML 1.2 text item without text",
                newsml("Text", "Dam at Orvik holds"),
                Some(("Dam at Orvik holds", None)),
            ),
            ("NewsML 1.2 photo", newsml("Photo", "Dam at Orvik"), None),
        ];
        for (case, doc, expected) in cases {
            let root = xml::parse(&doc).unwrap();
            let read = if root.is("NewsML") {
                read_newsml(Path::new("x.xml"), &root)
            } else {
                read_g2(Path::new("x.xml"), &root)
            };
            match expected {
                Some((headline, byline)) => {
                    assert!(read.skipped.is_empty(), "{case}: {:?}", read.skipped);
                    let a = &read.articles[0];
                    assert_eq!(a.headline.as_deref(), Some(headline), "{case}");
                    assert_eq!(a.paragraphs, [headline], "{case}");
                    assert_eq!(a.byline.as_deref(), byline, "{case}");
                    assert!(a.published.is_some(), "{case}");
                }
                None => {
                    assert!(read.articles.is_empty(), "{case}: {:?}", read.articles);
                    assert_eq!(
                        read.skipped[0].reason, "no text content (a photo, graphic or empty item)",
                        "{case}"
                    );
                }
            }
        }
    }
}
