//! Criterion benches of the pipeline's stages on the team's corpus: parsing articles, indexing
//! them in RAM, and query groups with their expected hit counts checked inside the timed loop;
//! and quote finding on a hostile line of mixed marks (issue 16).

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use wiredex::WireIndex;
use wiredex::article;
use wiredex::query::{QuoteRequest, SearchRequest, Searcher};
use wiredex::source::{self, RawArticle};

fn corpus() -> Vec<RawArticle> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let (files, _) = source::discover(&[root]);
    files
        .iter()
        .flat_map(|f| source::read_file(f).articles)
        .collect()
}

fn bench(c: &mut Criterion) {
    let raws = corpus();
    let bytes: usize = raws
        .iter()
        .flat_map(|r| &r.paragraphs)
        .map(String::len)
        .sum();
    let articles: Vec<_> = raws.iter().filter_map(|r| article::parse(r).ok()).collect();
    assert_eq!(articles.len(), raws.len());

    let mut group = c.benchmark_group("pipeline");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("parse_corpus", |b| {
        b.iter(|| {
            let parsed = raws.iter().filter_map(|r| article::parse(r).ok()).count();
            assert_eq!(parsed, raws.len());
        })
    });
    group.bench_function("index_corpus_in_ram", |b| {
        b.iter(|| {
            let index = WireIndex::in_memory().unwrap();
            let mut writer = index.writer(1).unwrap();
            for article in &articles {
                index.add(&writer, article).unwrap();
            }
            writer.commit().unwrap();
            black_box(index)
        })
    });
    group.finish();

    let index = WireIndex::in_memory().unwrap();
    let mut writer = index.writer(1).unwrap();
    for article in &articles {
        index.add(&writer, article).unwrap();
    }
    writer.commit().unwrap();
    let searcher = Searcher::new(&index).unwrap();
    let count_with = |word: &str| {
        articles
            .iter()
            .filter(|a| {
                a.body
                    .to_lowercase()
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|w| w == word)
            })
            .count()
    };
    let tokyo = count_with("tokyo");
    let mut queries = c.benchmark_group("query");
    queries.bench_function("term", |b| {
        let request = SearchRequest {
            query: "tokyo".into(),
            limit: 10,
            ..Default::default()
        };
        b.iter(|| assert!(searcher.search(&request).unwrap().total >= tokyo))
    });
    queries.bench_function("phrase", |b| {
        let request = SearchRequest {
            query: "\"prime minister\"".into(),
            limit: 10,
            ..Default::default()
        };
        b.iter(|| assert!(searcher.search(&request).unwrap().total > 0))
    });
    queries.bench_function("quotes_by_speaker_about_topic", |b| {
        let request = QuoteRequest {
            by: Some("Voronin".into()),
            about: Some("Japan".into()),
            limit: 10,
            ..Default::default()
        };
        b.iter(|| assert!(searcher.quotes(&request).unwrap().total > 0))
    });
    queries.finish();
}

/// Quote finding on the hostile line of issue 16: 7.2 million characters of mixed marks (`“a"
/// “a" ...`, 10.8 MB) on one line, which took 85 s when finding was quadratic. Every span is
/// checked inside the loop, so a fast wrong answer fails; the two sizes show the time growing
/// with the text, not faster (measured 2026-12-07: 28.7 ms for 1.08 MB, 194 ms for 10.8 MB).
fn quote_finding(c: &mut Criterion) {
    let mut group = c.benchmark_group("quotes");
    group.sample_size(10);
    for (name, repeats) in [
        ("mixed_marks_720k", 180_000),
        ("mixed_marks_7_2m", 1_800_000),
    ] {
        let line = "“a\" ".repeat(repeats);
        group.throughput(Throughput::Bytes(line.len() as u64));
        group.bench_function(name, |b| {
            b.iter(|| {
                let spans = article::quotes::find_quotes(&line, &[(0, line.len())]);
                assert_eq!(spans.len(), repeats);
                black_box(spans)
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench, quote_finding);
criterion_main!(benches);
