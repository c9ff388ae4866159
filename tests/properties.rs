//! Property tests: whatever bytes a file holds, reading and parsing it ends in articles or in
//! skips with reasons, never in a panic, for every format wiredex detects. The inputs mix random
//! bytes with fragments of the wire formats (datelines, quote marks, SGML, XML, ANPA control
//! characters) so that the generated files reach deep into each reader and the article parser.

use std::path::Path;

use proptest::prelude::*;
use wiredex::article::parse_read;
use wiredex::source::read_any;

/// Pieces of real formats, for inputs that look enough like articles to be parsed far.
const FRAGMENTS: &[&str] = &[
    "MOSCOW, January 21. /ITAR-TASS/. ",
    "TOKYO (Reuters) - ",
    "WASHINGTON, Jan 5 (AP) — ",
    "\n\n",
    "\n",
    "“",
    "”",
    "\"",
    "«",
    "»",
    "``",
    "''",
    "'",
    " said ",
    " he said.",
    "Foreign Minister Sergei Lavrov",
    "Mr. ",
    " the minister noted. ",
    ", ",
    ". ",
    ": ",
    "<REUTERS NEWID=\"1\">",
    "</REUTERS>",
    "<DATE>26-FEB-1987 15:01:01.79</DATE>",
    "<BODY>",
    "</BODY>",
    "<TITLE>",
    "</TITLE>",
    "<nitf><head><title>",
    "</title></head><body>",
    "<body.content><p>",
    "</p>",
    "<NewsML><NewsItem>",
    "<?xml version=\"1.0\"?>",
    "&amp;",
    "&#",
    "\u{1}",
    "\u{2}",
    "\u{3}",
    "\u{4}",
    "\u{1f}",
    "{\"title\": \"",
    "\", \"text\": \"",
    "\"}",
    "[",
    "]",
    "title,text,date\n",
    "<html><body><article><p>",
    "\u{feff}",
    "é",
    "\u{fffd}",
];

fn input() -> impl Strategy<Value = Vec<u8>> {
    let piece = prop_oneof![
        3 => proptest::sample::select(FRAGMENTS).prop_map(|f| f.as_bytes().to_vec()),
        2 => "[A-Za-z]{1,12}( [A-Za-z]{1,12}){0,6}".prop_map(String::into_bytes),
        1 => proptest::collection::vec(any::<u8>(), 1..8),
    ];
    proptest::collection::vec(piece, 0..80).prop_map(|pieces| pieces.concat())
}

const EXTENSIONS: &[&str] = &[
    "txt", "json", "jsonl", "sgm", "xml", "nitf", "tst", "csv", "html", "gz", "dat",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn any_bytes_give_articles_or_reasoned_skips(bytes in input(), ext in proptest::sample::select(EXTENSIONS)) {
        let name = format!("input.{ext}");
        let parsed = parse_read(read_any(Path::new(&name), &bytes));
        prop_assert!(
            !parsed.articles.is_empty() || !parsed.skipped.is_empty(),
            "neither an article nor a skip for {} bytes as .{}", bytes.len(), ext
        );
        for skipped in &parsed.skipped {
            prop_assert!(!skipped.reason.trim().is_empty(), "a skip without a reason");
        }
        for article in &parsed.articles {
            prop_assert!(!article.id.is_empty());
            for quote in &article.quotes {
                prop_assert!(!quote.text.is_empty());
            }
        }
    }
}
