//! Scraper exports: the same bytes read as a JSON document and as JSON Lines, each parsed.

#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use wiredex::source::{Format, read_bytes};
use wiredex_fuzz::read_and_parse;

fuzz_target!(|data: &[u8]| {
    for (name, format) in [
        ("items.json", Format::Json),
        ("items.jsonl", Format::JsonLines),
    ] {
        let path = Path::new(name);
        read_and_parse(path, read_bytes(path, format, data));
    }
});
