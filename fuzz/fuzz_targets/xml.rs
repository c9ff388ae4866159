//! The XML family: the same bytes read as NITF, NewsML 1.2 and NewsML-G2 (they share the XML
//! tree, each reader walks it differently), each parsed.

#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use wiredex::source::{Format, read_bytes};
use wiredex_fuzz::read_and_parse;

fuzz_target!(|data: &[u8]| {
    let path = Path::new("feed.xml");
    for format in [Format::Nitf, Format::NewsMl, Format::NewsMlG2] {
        read_and_parse(path, read_bytes(path, format, data));
    }
});
