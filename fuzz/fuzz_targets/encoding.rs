//! Decoding and format detection, on any bytes: decoding never fails, keeps valid UTF-8 as it
//! is, and warns exactly when it guessed or replaced; detection by content wins over the name.

#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use wiredex::source::Format;
use wiredex::source::{Detection, decode, is_utf16};

fuzz_target!(|data: &[u8]| {
    let decoded = decode(data);
    let has_bom = data.starts_with(b"\xEF\xBB\xBF") || is_utf16(data);
    if !has_bom && let Ok(text) = std::str::from_utf8(data) {
        assert_eq!(decoded.text, text);
        assert_eq!(decoded.how, Detection::Utf8);
        assert!(!decoded.replaced);
    }
    let warned = decoded.replaced || decoded.how == Detection::Guessed;
    assert_eq!(decoded.warning().is_some(), warned, "{decoded:?}");
    let sniffed = Format::sniff(data);
    if data.starts_with(&[0x1f, 0x8b]) {
        assert_eq!(sniffed, Some(Format::Gzip));
    }
    for name in [
        "file",
        "file.txt",
        "file.xml",
        "file.md",
        "file.csv",
        "file.json",
    ] {
        let detected = Format::detect(Path::new(name), data);
        if sniffed.is_some() {
            assert_eq!(detected, sniffed, "{name}");
        }
    }
});
