//! Criterion benches of a workload's query groups, each query's hit count (for `count_by`, the
//! total of the tally by year) checked inside the timed loop, so a fast wrong answer fails.
//!
//! By default they run on the shipped `corpus/` with `bench/workloads/corpus.tsv`. For scale,
//! point `WIREDEX_BENCH_CORPUS` at a folder that carries its own `workload.tsv`, such as one
//! written by `wiredex-lab generate --articles 100000 --out DIR`.

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use wiredex::bench::{Workload, wiredex_count};
use wiredex::index;
use wiredex::query::Searcher;

fn corpus_and_workload() -> (PathBuf, Workload) {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    match std::env::var_os("WIREDEX_BENCH_CORPUS") {
        Some(dir) => {
            let dir = PathBuf::from(dir);
            let workload = wiredex::bench::workload_in(&dir)
                .unwrap()
                .expect("WIREDEX_BENCH_CORPUS must hold a workload.tsv");
            (dir, workload)
        }
        None => (
            root.join("corpus"),
            Workload::read(&root.join("bench/workloads/corpus.tsv")).unwrap(),
        ),
    }
}

fn bench(c: &mut Criterion) {
    let (corpus, workload) = corpus_and_workload();
    let bytes: u64 = walkdir::WalkDir::new(&corpus)
        .into_iter()
        .filter_map(Result::ok)
        .filter_map(|e| e.metadata().ok())
        .filter(|m| m.is_file())
        .map(|m| m.len())
        .sum();
    let dir = tempfile::tempdir().unwrap();

    let mut ingest = c.benchmark_group("ingest");
    ingest.sample_size(10);
    ingest.throughput(Throughput::Bytes(bytes));
    ingest.bench_function("index_folder", |b| {
        b.iter(|| {
            let folder = tempfile::tempdir().unwrap();
            let (_, report) =
                index::build(&folder.path().join("index"), std::slice::from_ref(&corpus)).unwrap();
            assert!(report.articles > 0);
            black_box(report)
        })
    });
    ingest.finish();

    let (index, _) =
        index::build(&dir.path().join("index"), std::slice::from_ref(&corpus)).unwrap();
    let searcher = Searcher::new(&index).unwrap();
    for group in workload.groups() {
        let mut g = c.benchmark_group(format!("query_{group}"));
        for (n, query) in workload
            .queries
            .iter()
            .filter(|q| q.group == group)
            .enumerate()
        {
            g.bench_function(format!("{n}"), |b| {
                b.iter(|| {
                    let hits = wiredex_count(&searcher, query).unwrap();
                    if let Some(expect) = query.expect {
                        assert_eq!(hits, expect, "{}", query.text);
                    }
                    black_box(hits)
                })
            });
        }
        g.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
