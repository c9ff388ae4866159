//! Quote marks as real feeds write them, through the real binary: the fixtures in
//! `tests/fixtures/quotemarks/` (written by the team, fictional people), one per feed style.
//! A quote reopened on one line after a sentence end gives one quote per part, each the same
//! speaker's; paragraphs that reopen a quote left open stay one quote with it.

use wiredex::Article;

use crate::harness::ok;

fn quotes_of(fixture: &str) -> Vec<(String, Option<String>)> {
    let path = format!("tests/fixtures/quotemarks/{fixture}");
    let articles: Vec<Article> = ok(&["parse", "--json", &path]).json_lines();
    assert_eq!(articles.len(), 1, "{fixture}");
    articles[0]
        .quotes
        .iter()
        .map(|q| (q.text.clone(), q.speaker.clone()))
        .collect()
}

fn texts(quotes: &[(String, Option<String>)]) -> Vec<&str> {
    quotes.iter().map(|(text, _)| text.as_str()).collect()
}

#[test]
fn two_apostrophes_and_tex_marks_open_quotes() {
    let quotes = quotes_of("ldc-apostrophes.txt");
    assert_eq!(
        quotes,
        [
            (
                "We have waited ten years for this day".to_string(),
                Some("Oskar Ferro".to_string())
            ),
            (
                "The ships will come back by spring".to_string(),
                Some("Mara Vintner".to_string())
            ),
        ]
    );
}

#[test]
fn guillemets_with_spaces_and_german_marks_open_quotes() {
    assert_eq!(
        texts(&quotes_of("guillemets.txt")),
        [
            "Nous attendons ce jour depuis dix ans",
            "Les navires reviendront au printemps"
        ]
    );
    assert_eq!(
        texts(&quotes_of("german-marks.txt")),
        ["Wir haben zehn Jahre auf diesen Tag gewartet"]
    );
}

#[test]
fn a_quote_reopened_on_one_line_gives_a_quote_per_sentence_part() {
    let quotes = quotes_of("bbc-run-on.txt");
    assert_eq!(
        texts(&quotes),
        [
            "The pact is the best deal the town could get.",
            "We looked at every other offer and none of them came close.",
            // A straight mark between letters is an apostrophe.
            "Valdoria\"s ports will not take our trade",
        ]
    );
    assert!(
        quotes
            .iter()
            .all(|(_, speaker)| speaker.as_deref() == Some("Oskar Ferro")),
        "{quotes:?}"
    );
}

#[test]
fn a_quote_left_open_at_a_paragraph_end_runs_on_in_the_next() {
    // Reuters-21578 leaves the mark open at a paragraph's end and reopens it in the next. The
    // paragraphs stay one quote, as PolNeAR and our gold count them (the wire gold counts one
    // per paragraph: a convention still to settle).
    let quotes = quotes_of("reuters-open-paragraphs.txt");
    assert_eq!(
        quotes,
        [(
            "Exports will grow less than we hoped in the first half of the year. But we do not \
             expect a recession at all"
                .to_string(),
            Some("Arvin Mehta".to_string())
        )]
    );
}
