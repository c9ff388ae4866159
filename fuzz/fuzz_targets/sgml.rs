//! A Reuters-21578 SGML file: bytes through decoding, the reader and the article parser.

#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use wiredex::source::{Format, read_bytes};
use wiredex_fuzz::read_and_parse;

fuzz_target!(|data: &[u8]| {
    let path = Path::new("reut2-000.sgm");
    read_and_parse(path, read_bytes(path, Format::ReutersSgml, data));
});
