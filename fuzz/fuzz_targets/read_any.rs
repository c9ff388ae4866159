//! Any file as `wiredex index` meets it: the first byte picks the extension (every one wiredex
//! reads, an unknown one, and none), the second the length of a file name taken from the next
//! bytes (dates are read from paths); the rest is the content, read with format detection and
//! parsed.

#![no_main]

use std::path::PathBuf;

use libfuzzer_sys::fuzz_target;
use wiredex::source::read_any_limited;
use wiredex_fuzz::{LIMIT, read_and_parse};

/// The extensions `Format::of` knows, `xml` (content decides), one it refuses, and none.
const EXTENSIONS: &[&str] = &[
    "txt", "text", "json", "jsonl", "ndjson", "sgm", "sgml", "nitf", "newsml", "tst", "anpa",
    "ipt", "csv", "html", "htm", "xhtml", "gz", "gzip", "xml", "md", "",
];

fuzz_target!(|data: &[u8]| {
    let [ext, name_len, rest @ ..] = data else {
        return;
    };
    let ext = EXTENSIONS[usize::from(*ext) % EXTENSIONS.len()];
    let name_len = usize::from(*name_len % 32).min(rest.len());
    let (name, content) = rest.split_at(name_len);
    let mut stem = String::from_utf8_lossy(name).replace('\0', "");
    if stem.is_empty() {
        stem.push_str("input");
    }
    let path = PathBuf::from(if ext.is_empty() {
        stem
    } else {
        format!("{stem}.{ext}")
    });
    read_and_parse(&path, read_any_limited(&path, content, LIMIT));
});
