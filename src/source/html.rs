//! HTML article pages, read with `scraper` (html5ever): the headline is the page's `<h1>` (else
//! `og:title`, else `<title>`), the body the paragraphs of its `<article>` or else of the element
//! holding the most paragraph text. Navigation, scripts, styles, headers, footers and asides are
//! dropped. Page metadata (`og:description`, `article:published_time`, canonical link, author)
//! fills deck, date, address and byline.

use std::collections::HashMap;
use std::path::Path;

use scraper::{ElementRef, Html, Selector};

use super::{FileArticles, RawArticle, xml::collapse};

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

fn selector(css: &str) -> Selector {
    Selector::parse(css).expect("constant CSS selector is valid")
}

/// Reads an HTML page as one article.
pub(super) fn read(path: &Path, text: &str) -> FileArticles {
    let page = Html::parse_document(text);
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

/// The paragraphs of an HTML fragment (HTML that a feed escaped into its text).
pub(super) fn fragment_paragraphs(text: &str) -> Vec<String> {
    let fragment = Html::parse_fragment(text);
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
    fn page_without_paragraphs_is_skipped_with_reason() {
        let read = read(Path::new("p.html"), "<html><nav><p>Home</p></nav></html>");
        assert!(read.skipped[0].reason.starts_with("no article text found"));
    }
}
