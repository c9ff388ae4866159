//! Gzip files. The first byte picks a mode: raw bytes as a `.gz` file (the decoder's error
//! paths), or the rest compressed here (in one or two members, under a chosen inner extension,
//! sometimes over the size limit) and read as `NAME.EXT.gz`, which must give the same articles
//! as reading `NAME.EXT` uncompressed, and a "too large" skip when it decompresses past the limit.

#![no_main]

use std::io::Write;
use std::path::{Path, PathBuf};

use flate2::Compression;
use flate2::write::GzEncoder;
use libfuzzer_sys::fuzz_target;
use wiredex::source::{Format, RawArticle, read_any_limited, read_bytes};
use wiredex_fuzz::{LIMIT, check_read, read_and_parse};

const EXTENSIONS: &[&str] = &[
    "txt", "json", "jsonl", "sgm", "nitf", "newsml", "tst", "csv", "html", "xml", "md",
];

fn gzip(members: &[&[u8]]) -> Vec<u8> {
    let mut out = Vec::new();
    for member in members {
        let mut encoder = GzEncoder::new(Vec::new(), Compression::fast());
        encoder.write_all(member).expect("writes to a Vec");
        out.extend(encoder.finish().expect("writes to a Vec"));
    }
    out
}

fn without_path(articles: &[RawArticle]) -> Vec<RawArticle> {
    articles
        .iter()
        .map(|a| RawArticle {
            path: PathBuf::new(),
            ..a.clone()
        })
        .collect()
}

fuzz_target!(|data: &[u8]| {
    let [mode, content @ ..] = data else {
        return;
    };
    if mode & 1 == 0 {
        let path = Path::new("feed.txt.gz");
        read_and_parse(path, read_bytes(path, Format::Gzip, content));
        return;
    }
    let ext = EXTENSIONS[usize::from(mode >> 1) % EXTENSIONS.len()];
    let packed = if mode & 0x20 != 0 {
        let (a, b) = content.split_at(content.len() / 2);
        gzip(&[a, b])
    } else {
        gzip(&[content])
    };
    let over_limit = mode & 0x40 != 0 && !content.is_empty();
    let limit = if over_limit {
        content.len() as u64 - 1
    } else {
        LIMIT
    };
    let gz_path = PathBuf::from(format!("inner.{ext}.gz"));
    let plain_path = PathBuf::from(format!("inner.{ext}"));
    let from_gz = read_any_limited(&gz_path, &packed, limit);
    check_read(&gz_path, &from_gz);
    if over_limit {
        assert!(
            from_gz.articles.is_empty() && from_gz.skipped[0].reason.starts_with("too large"),
            "{from_gz:?}"
        );
        return;
    }
    let plain = read_any_limited(&plain_path, content, limit);
    if !content.starts_with(&[0x1f, 0x8b]) {
        assert_eq!(
            without_path(&from_gz.articles),
            without_path(&plain.articles),
            "compressed and plain reads differ"
        );
    }
    read_and_parse(&gz_path, from_gz);
});
