//! HTML article pages, read with `scraper` (html5ever): the headline is the page's `<h1>` (else
//! `og:title`, else `<title>`), the body the paragraphs of its `<article>` or else of the element
//! holding the most paragraph text. Navigation, scripts, styles, headers, footers and asides are
//! dropped. Page metadata (`og:description`, `article:published_time`, canonical link, author)
//! fills deck, date, address and byline. Elements nested deeper than [`MAX_DEPTH`] lose their
//! tags (not their text) before html5ever sees them: its tree builder scans the stack of open
//! elements for each new tag, so 1 MB of unclosed `<div>`s took minutes.

use std::borrow::Cow;
use std::collections::HashMap;
use std::path::Path;

use scraper::{ElementRef, Html, Selector};

use super::raw::{FileArticles, RawArticle};
use super::xml::collapse;

/// Elements whose paragraphs are page furniture, not the story.
const FURNITURE: &[&str] = &[
    "nav",
    "script",
    "style",
    "header",
    "footer",
    "aside",
    "noscript",
    "form",
    "figcaption",
];

/// The deepest nesting of elements kept, as in the XML reader: no page nests so deep.
const MAX_DEPTH: usize = 200;

/// Elements that have no content and so never nest.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param",
    "source", "track", "wbr",
];

/// Elements whose end tag may be left out because the next sibling closes them (`<p>a<p>b`,
/// `<li>`s of a list): a run of them is a sequence, not nesting. `<p>` tags are never
/// dropped either, since their text is the story.
const SELF_CLOSING_SIBLINGS: &[&str] = &[
    "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot",
    "colgroup", "caption", "rb", "rt", "rtc", "rp",
];

/// Elements whose content is text, not markup: a `<div>` inside a script is no element.
const RAW_TEXT: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
];

/// `html` with the start and end tags of elements nested deeper than [`MAX_DEPTH`] left out,
/// their text kept; unchanged (borrowed) when nothing nests so deep. One pass, linear in the
/// length: each `<` is looked at once, and a tag, comment or raw-text element that never ends
/// ends the scan.
fn cap_nesting(html: &str) -> Cow<'_, str> {
    let mut out = String::new();
    let mut copied = 0;
    let mut depth = 0usize;
    // Tags left out, innermost last: their end tags are left out too.
    let mut dropped: Vec<String> = Vec::new();
    let mut at = 0;
    while let Some(found) = html[at..].find('<') {
        let start = at + found;
        let rest = &html[start + 1..];
        if rest.starts_with("!--") {
            let Some(end) = rest.find("-->") else { break };
            at = start + 1 + end + 3;
            continue;
        }
        let closing = rest.starts_with('/');
        let name_from = usize::from(closing);
        let name_len = rest[name_from..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == ':'))
            .unwrap_or(rest.len() - name_from);
        let name = rest[name_from..name_from + name_len].to_ascii_lowercase();
        if name.is_empty() || !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
            at = start + 1;
            continue;
        }
        let Some(tag_len) = rest.find('>') else { break };
        let end = start + 1 + tag_len + 1;
        let self_closed = rest[..tag_len].ends_with('/');
        let mut drop = false;
        if closing {
            if dropped.last() == Some(&name) {
                dropped.pop();
                drop = true;
            } else if !VOID.contains(&name.as_str())
                && !SELF_CLOSING_SIBLINGS.contains(&name.as_str())
            {
                depth = depth.saturating_sub(1);
            }
        } else if RAW_TEXT.contains(&name.as_str()) && !self_closed {
            let close = format!("</{name}");
            let Some(body) = find_ignoring_case(&html[end..], &close) else {
                break;
            };
            at = end + body + close.len();
            continue;
        } else if !self_closed
            && !VOID.contains(&name.as_str())
            && !SELF_CLOSING_SIBLINGS.contains(&name.as_str())
        {
            if depth >= MAX_DEPTH {
                dropped.push(name);
                drop = true;
            } else {
                depth += 1;
            }
        }
        if drop {
            out.push_str(&html[copied..start]);
            copied = end;
        }
        at = end;
    }
    if copied == 0 {
        return Cow::Borrowed(html);
    }
    out.push_str(&html[copied..]);
    Cow::Owned(out)
}

/// Where `needle` (ASCII) first occurs in `haystack`, ignoring ASCII case.
fn find_ignoring_case(haystack: &str, needle: &str) -> Option<usize> {
    let needle = needle.as_bytes();
    haystack
        .as_bytes()
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
}

fn selector(css: &str) -> Selector {
    Selector::parse(css).expect("constant CSS selector is valid")
}

/// Reads an HTML page as one article.
pub(super) fn read(path: &Path, text: &str) -> FileArticles {
    let page = Html::parse_document(&cap_nesting(text));
    let meta = |keys: &[&str]| {
        keys.iter().find_map(|key| {
            let css = format!("meta[property=\"{key}\"], meta[name=\"{key}\"]");
            page.select(&selector(&css))
                .find_map(|m| m.value().attr("content"))
                .map(collapse)
                .filter(|v| !v.is_empty())
        })
    };
    let first_text = |css: &str| {
        page.select(&selector(css))
            .filter(|e| !in_furniture(e))
            .map(|e| collapse(&e.text().collect::<String>()))
            .find(|t| !t.is_empty())
    };
    let headline = first_text("h1")
        .or_else(|| meta(&["og:title", "twitter:title"]))
        .or_else(|| first_text("title"));
    let mut paragraphs = body_paragraphs(&page);
    if let (Some(h), Some(first)) = (&headline, paragraphs.first())
        && h == first
    {
        paragraphs.remove(0);
    }
    if paragraphs.is_empty() {
        return FileArticles::skip(
            path,
            "no article text found in the HTML page (no <p> paragraphs outside navigation)",
        );
    }
    let published = meta(&["article:published_time", "date", "pubdate", "dc.date"]).or_else(|| {
        page.select(&selector("time[datetime]"))
            .find_map(|t| t.value().attr("datetime"))
            .map(str::to_string)
    });
    let url = page
        .select(&selector("link[rel=\"canonical\"]"))
        .find_map(|l| l.value().attr("href"))
        .map(str::to_string)
        .or_else(|| meta(&["og:url"]));
    let deck = meta(&["og:description", "description"]).filter(|d| {
        paragraphs
            .first()
            .is_none_or(|first| !first.starts_with(d.as_str()))
    });
    FileArticles {
        articles: vec![RawArticle {
            path: path.to_path_buf(),
            headline,
            deck,
            paragraphs,
            published,
            url,
            byline: meta(&["author", "article:author"]),
            ..RawArticle::default()
        }],
        ..FileArticles::default()
    }
}

/// All the text of an HTML fragment without its tags, for a fragment with no paragraphs (a
/// feed's `Talks <b>resumed</b>.`).
pub(super) fn fragment_text(text: &str) -> String {
    Html::parse_fragment(&cap_nesting(text))
        .root_element()
        .text()
        .collect()
}

/// The paragraphs of an HTML fragment (HTML that a feed escaped into its text).
pub(super) fn fragment_paragraphs(text: &str) -> Vec<String> {
    let fragment = Html::parse_fragment(&cap_nesting(text));
    fragment
        .select(&selector("p"))
        .map(|p| collapse(&p.text().collect::<String>()))
        .filter(|p| !p.is_empty())
        .collect()
}

fn in_furniture(element: &ElementRef<'_>) -> bool {
    element.ancestors().any(|node| {
        node.value()
            .as_element()
            .is_some_and(|e| FURNITURE.contains(&e.name()))
    })
}

/// The `<p>`s of the page's `<article>`, or else of the element whose `<p>` children hold the
/// most text.
fn body_paragraphs(page: &Html) -> Vec<String> {
    let texts = |root: ElementRef<'_>| -> Vec<String> {
        root.select(&selector("p"))
            .filter(|p| !in_furniture(p))
            .map(|p| collapse(&p.text().collect::<String>()))
            .filter(|p| !p.is_empty())
            .collect()
    };
    if let Some(article) = page.select(&selector("article")).find(|a| !in_furniture(a)) {
        let found = texts(article);
        if !found.is_empty() {
            return found;
        }
    }
    let mut weight: HashMap<_, usize> = HashMap::new();
    for p in page.select(&selector("p")).filter(|p| !in_furniture(p)) {
        if let Some(parent) = p.parent().and_then(ElementRef::wrap) {
            *weight.entry(parent.id()).or_default() += p.text().map(str::len).sum::<usize>();
        }
    }
    let best = weight
        .into_iter()
        .max_by_key(|&(id, len)| (len, std::cmp::Reverse(id)));
    best.and_then(|(id, _)| page.tree.get(id))
        .and_then(ElementRef::wrap)
        .map(|parent| {
            parent
                .children()
                .filter_map(ElementRef::wrap)
                .filter(|c| c.value().name() == "p")
                .map(|p| collapse(&p.text().collect::<String>()))
                .filter(|p| !p.is_empty())
                .collect()
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_furniture_is_dropped_and_the_story_kept() {
        let page = r#"<!DOCTYPE html><html><head><title>Site | Story</title>
<meta property="og:title" content="OG headline"><meta property="article:published_time" content="2024-03-05T08:00:00Z">
<link rel="canonical" href="https://example.com/story"><script>var p = "<p>x</p>";</script></head>
<body><header><h1>Site name</h1><p>Subscribe now</p></header><nav><p>Home</p><p>World</p></nav>
<div class="story"><h1>Mayor Ilse Brandt opens bridge</h1>
<p>HAMBURG, March 5 (dpa) - Mayor Ilse Brandt opened the bridge.</p><p>"It took ten years," Brandt said.</p></div>
<aside><p>Related: other stories with long, long, long text that is not the story at all here</p></aside>
<footer><p>Copyright</p></footer></body></html>"#;
        let read = read(Path::new("p.html"), page);
        let a = &read.articles[0];
        assert_eq!(
            a.headline.as_deref(),
            Some("Mayor Ilse Brandt opens bridge")
        );
        assert_eq!(a.paragraphs.len(), 2, "{:?}", a.paragraphs);
        assert_eq!(a.published.as_deref(), Some("2024-03-05T08:00:00Z"));
        assert_eq!(a.url.as_deref(), Some("https://example.com/story"));
    }

    #[test]
    fn article_element_wins_and_og_title_is_the_fallback_headline() {
        let page = r#"<html><head><meta property="og:title" content="Port strike ends"></head><body>
<div><p>Short.</p></div><article><p>One.</p><p>Two.</p></article></body></html>"#;
        let a = &read(Path::new("p.html"), page).articles[0];
        assert_eq!(a.headline.as_deref(), Some("Port strike ends"));
        assert_eq!(a.paragraphs, ["One.", "Two."]);
    }

    #[test]
    fn nesting_past_the_cap_loses_its_tags_not_its_text() {
        let deep = format!(
            "{}<p>Story text.</p>{}",
            "<div>".repeat(MAX_DEPTH + 5),
            "</div>".repeat(MAX_DEPTH + 5)
        );
        let capped = cap_nesting(&deep);
        assert_eq!(capped.matches("<div>").count(), MAX_DEPTH);
        assert_eq!(capped.matches("</div>").count(), MAX_DEPTH);
        assert!(capped.contains("<p>Story text.</p>"));
        // Unclosed, with sequences and void elements between: the text stays.
        let unclosed = format!("{}<p>One.<p>Two.<br><li>x", "<div><b>".repeat(10_000));
        let a = &read(Path::new("p.html"), &unclosed).articles[0];
        assert_eq!(a.paragraphs, ["One.", "Two."]);
        // Pages within the cap, markup in scripts and comments, and stray `<` stay as they are.
        for page in [
            "<html><body><div><p>a < b</p></div></body></html>",
            "<script>var s = '<div><div>';</script><!-- <div> --><p>x</p>",
            "<div",
        ] {
            assert!(matches!(cap_nesting(page), Cow::Borrowed(_)), "{page}");
        }
        let scripted = format!("<script>{}</script><p>x</p>", "<div>".repeat(1_000));
        assert!(matches!(cap_nesting(&scripted), Cow::Borrowed(_)));
    }

    #[test]
    fn page_without_paragraphs_is_skipped_with_reason() {
        let read = read(Path::new("p.html"), "<html><nav><p>Home</p></nav></html>");
        assert!(read.skipped[0].reason.starts_with("no article text found"));
    }
}
