//! The query language, on what a user may type: rewriting, operator expansion and tantivy's
//! parser must give a query or an `Error::Query`, never a panic, and running it on a small index
//! (as a search, a quote search, `--by` and `--about`) must give hits whose highlight ranges lie
//! on character boundaries of the text they mark.

#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use wiredex::article;
use wiredex::error::Error;
use wiredex::index::WireIndex;
use wiredex::query::{expand_operators, rewrite};
use wiredex::query::{QuoteRequest, SearchRequest, Searcher};
use wiredex::source::RawArticle;

/// Two small made-up stories, enough for every field to hold terms.
const STORIES: &[&[&str]] = &[
    &[
        "Envoy visits Tokyo for island talks",
        "TOKYO, March 3, 2014 (Reuters) - Foreign Minister Arkady Voronin arrived on Monday.",
        "“Japan is a close partner of ours, and we will talk about the islands,” Voronin said.",
    ],
    &[
        "Port strike ends in Hamburg",
        "HAMBURG, June 9 (dpa) - Dock workers ended a strike on Friday, union leader Ilse Brandt said.",
        "“The agreement is fair to both sides,” Brandt told reporters. Sanctions, sanctions, sanctions.",
    ],
];

fn searcher() -> &'static Searcher<'static> {
    static SEARCHER: OnceLock<Searcher<'static>> = OnceLock::new();
    SEARCHER.get_or_init(|| {
        // Leaked: the index must outlive every input, as the searcher borrows it.
        let index: &'static WireIndex = Box::leak(Box::new(
            WireIndex::in_memory().expect("an index in memory"),
        ));
        let mut writer = index.writer(1).expect("a writer");
        for story in STORIES {
            let raw = RawArticle {
                paragraphs: story.iter().map(|p| p.to_string()).collect(),
                ..RawArticle::default()
            };
            let parsed = article::parse(&raw).expect("the stories parse");
            index.add(&writer, &parsed).expect("added");
        }
        writer.commit().expect("committed");
        Searcher::new(index).expect("a searcher")
    })
}

fn check_error(err: &Error) {
    let message = err.to_string();
    assert!(!message.trim().is_empty());
    if let Error::Query {
        input,
        at: Some(at),
        ..
    } = err
    {
        assert!(
            *at <= input.len() && input.is_char_boundary(*at),
            "error position {at} is not in {input:?}"
        );
    }
}

fn check_ranges(text: &str, ranges: &[(usize, usize)]) {
    for &(start, end) in ranges {
        assert!(
            start <= end && text.is_char_boundary(start) && text.is_char_boundary(end),
            "highlight {start}..{end} in {text:?}"
        );
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(input) = std::str::from_utf8(data) else {
        return;
    };
    match rewrite(input) {
        Ok(rewritten) => {
            if let Err(err) = expand_operators(input, &rewritten, &["headline", "deck", "body"]) {
                check_error(&err);
            }
        }
        Err(err) => check_error(&err),
    }
    let searcher = searcher();
    let request = SearchRequest {
        query: input.to_string(),
        limit: 3,
        ..SearchRequest::default()
    };
    match searcher.search(&request) {
        Ok(found) => {
            for hit in &found.hits {
                check_ranges(&hit.snippet.text, &hit.snippet.highlights);
            }
        }
        Err(err) => check_error(&err),
    }
    let quote_requests = [
        QuoteRequest {
            query: Some(input.to_string()),
            ..QuoteRequest::default()
        },
        QuoteRequest {
            by: Some(input.to_string()),
            ..QuoteRequest::default()
        },
        QuoteRequest {
            about: Some(input.to_string()),
            ..QuoteRequest::default()
        },
    ];
    for request in quote_requests {
        let request = QuoteRequest {
            limit: 3,
            ..request
        };
        match searcher.quotes(&request) {
            Ok(found) => {
                for hit in &found.hits {
                    check_ranges(&hit.quote.text, &hit.highlights);
                }
            }
            Err(err) => check_error(&err),
        }
    }
});
