//! Criterion benches of the benchmark workload's query groups on 2,000 generated articles
//! (`wiredex generate`, seed 1): every query's hit count (for `count_by`, the total of the
//! tally by year) is checked against the generator's true count inside the timed loop, so a
//! fast wrong answer fails.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use wiredex::bench::{generate, wiredex_count};
use wiredex::index;
use wiredex::query::Searcher;

const ARTICLES: usize = 2_000;

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("articles");
    let generated = generate::generate(&corpus, ARTICLES, 1).unwrap();

    let mut ingest = c.benchmark_group("ingest_generated");
    ingest.sample_size(10);
    ingest.throughput(Throughput::Bytes(generated.bytes));
    ingest.bench_function("index_paths_2000", |b| {
        b.iter(|| {
            let folder = tempfile::tempdir().unwrap();
            let (_, report) =
                index::build(&folder.path().join("index"), std::slice::from_ref(&corpus)).unwrap();
            assert_eq!(report.articles, ARTICLES);
            black_box(report)
        })
    });
    ingest.finish();

    let (index, _) =
        index::build(&dir.path().join("index"), std::slice::from_ref(&corpus)).unwrap();
    let searcher = Searcher::new(&index).unwrap();
    let workload = generated.workload;
    for group in workload.groups() {
        let mut g = c.benchmark_group(format!("query_{group}"));
        for (n, query) in workload
            .queries
            .iter()
            .filter(|q| q.group == group)
            .enumerate()
        {
            let expect = query.expect.expect("the generator counts every query");
            g.bench_function(format!("{n}"), |b| {
                b.iter(|| {
                    assert_eq!(
                        wiredex_count(&searcher, query).unwrap(),
                        expect,
                        "{}",
                        query.text
                    )
                })
            });
        }
        g.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
