//! The lines above the story: site navigation left by scrapers ("All news"), the headline and
//! the deck (sub-headline). Decides where the body starts; knows nothing of datelines beyond
//! asking `dateline` whether a paragraph opens with one.

use super::dateline::parse_dateline;
use super::lexicon::{WordClass, word_list};

/// The longest deck we accept: a deck is a sub-headline, not a paragraph of story.
const MAX_DECK_WORDS: usize = 40;

/// A plain-text article split into its parts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    /// The headline.
    pub headline: String,
    /// The deck, if the article has one.
    pub deck: Option<String>,
    /// Index of the first body paragraph.
    pub body_start: usize,
}

/// True for a line that is site navigation rather than the headline.
pub fn is_navigation(line: &str) -> bool {
    let line = line.trim();
    // Long lines are never navigation; lower-casing only the short ones keeps this cheap.
    if line.len() > 64 {
        return false;
    }
    let lower = line.to_lowercase();
    word_list(WordClass::Navigation)
        .iter()
        .any(|nav| *nav == lower)
}

/// Splits the leading paragraphs of a plain-text article into headline, deck and body start.
/// `None` when nothing but navigation is there.
pub fn split_header(paragraphs: &[String]) -> Option<Header> {
    let first = paragraphs.iter().position(|p| !is_navigation(p))?;
    let headline = paragraphs[first].trim().to_string();
    let rest = &paragraphs[first + 1..];
    let deck = match rest {
        [candidate, next, ..] if is_deck(candidate, Some(next)) => Some(candidate.clone()),
        [candidate, ..] if is_deck(candidate, None) => Some(candidate.clone()),
        _ => None,
    };
    let body_start = first + 1 + usize::from(deck.is_some());
    Some(Header {
        headline,
        deck,
        body_start,
    })
}

/// A paragraph after the headline is a deck when the story (with its dateline) starts after it,
/// or, where the story has no dateline, when it is short and unpunctuated like a sub-headline.
fn is_deck(candidate: &str, next: Option<&String>) -> bool {
    if parse_dateline(candidate).is_some() {
        return false;
    }
    let words = candidate.split_whitespace().count();
    if words > MAX_DECK_WORDS {
        return false;
    }
    match next {
        None => false,
        Some(next) if parse_dateline(next).is_some() => true,
        Some(_) => !candidate
            .trim_end()
            .ends_with(['.', '!', '?', '"', '”', '’', '»', ':']),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paras(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn header_layouts() {
        type Case = (
            &'static str,
            Vec<String>,
            &'static str,
            Option<&'static str>,
            usize,
        );
        let cases: [Case; 5] = [
            (
                "Russian site navigation above the headline",
                paras(&[
                    "Все новости",
                    "Читайте также",
                    "Поделиться",
                    "Нефтяники Ямала увеличили добычу",
                    "САЛЕХАРД, 21 января. /ТАСС/. Текст.",
                ]),
                "Нефтяники Ямала увеличили добычу",
                None,
                4,
            ),
            (
                "navigation line, headline, deck, dateline",
                paras(&[
                    "All news",
                    "Putin visits",
                    "Date not set",
                    "MOSCOW, January 21. /TASS/. Text.",
                ]),
                "Putin visits",
                Some("Date not set"),
                3,
            ),
            (
                "headline then dateline",
                paras(&["Headline", "LONDON (Reuters) - Text.", "More."]),
                "Headline",
                None,
                1,
            ),
            (
                "headline then plain body",
                paras(&[
                    "Ad sales boost profit",
                    "Quarterly profits jumped 76%.",
                    "More.",
                ]),
                "Ad sales boost profit",
                None,
                1,
            ),
            (
                "unpunctuated deck before a body without dateline",
                paras(&["Headline", "A short deck", "Body text here.", "More."]),
                "Headline",
                Some("A short deck"),
                2,
            ),
        ];
        for (name, input, headline, deck, body_start) in cases {
            let header = split_header(&input).expect(name);
            assert_eq!(header.headline, headline, "{name}");
            assert_eq!(header.deck.as_deref(), deck, "{name}");
            assert_eq!(header.body_start, body_start, "{name}");
        }
    }

    #[test]
    fn only_navigation_is_no_header() {
        assert_eq!(split_header(&paras(&["All news", "Menu"])), None);
    }
}
