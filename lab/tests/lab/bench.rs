//! `wiredex-lab generate` and `wiredex-lab bench` end to end on 200 generated articles: the files and
//! workload are written, the bench JSON has its documented shape, and every expected hit count
//! was checked and held. Also the team corpus's workload, whose count-by-year tallies must be
//! those of `wiredex search --count-by year`. No timing is asserted.

use serde_json::Value;

use wiredex::query::Facet;
use wiredex::query::{SearchRequest, Searcher};

use crate::harness::{corpus_index, lab, scratch};

/// `wiredex search QUERY --count-by year --json`, through the library: the rows as JSON.
fn count_by_year(query: &str) -> Vec<Value> {
    let searcher = Searcher::new(corpus_index()).unwrap();
    let request = SearchRequest {
        query: query.into(),
        ..SearchRequest::default()
    };
    let rows = searcher.count_articles(&request, Facet::Year).unwrap();
    rows.iter()
        .map(|r| serde_json::to_value(r).unwrap())
        .collect()
}

#[test]
fn generate_writes_articles_in_folders_with_a_checked_workload() {
    let out = scratch().join("generated-200");
    let out_str = out.to_str().unwrap();
    let run = lab(&["generate", "--articles", "200", "--out", out_str, "--json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let report: Value = serde_json::from_str(run.stdout.trim()).unwrap();
    assert_eq!(report["articles"], 200);
    let files = std::fs::read_dir(out.join("0000")).unwrap().count();
    assert_eq!(files, 200);
    let workload = std::fs::read_to_string(out.join("workload.tsv")).unwrap();
    assert!(
        workload
            .lines()
            .any(|l| l.starts_with("quotes_speaker_topic\tquotes\tby="))
    );
    // The same seed writes the same files.
    let again = scratch().join("generated-200-again");
    let run = lab(&[
        "generate",
        "--articles",
        "200",
        "--out",
        again.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        workload,
        std::fs::read_to_string(again.join("workload.tsv")).unwrap()
    );
    // And wiredex reads every one of them.
    let (_, report) =
        wiredex::index::build(&scratch().join("generated-200-index"), &[out]).unwrap();
    assert_eq!(report.articles, 200);
}

#[test]
fn bench_json_reports_every_engine_and_verified_counts() {
    let run = lab(&["bench", "--generate", "200", "--runs", "3", "--json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let report: Value = serde_json::from_str(run.stdout.trim()).unwrap();
    assert!(report["machine"]["cores"].as_u64().unwrap() >= 1);
    assert!(report["machine"]["cpu"].is_string());
    assert_eq!(report["runs"], 3);
    assert_eq!(report["errors"].as_array().unwrap().len(), 0);
    let ingest = report["ingest"].as_array().unwrap();
    assert_eq!(ingest[0]["engine"], "wiredex");
    assert_eq!(ingest[0]["articles"], 200);
    for i in ingest {
        assert!(i["mb_per_s"].as_f64().unwrap() > 0.0, "{i}");
        assert!(i["articles_per_s"].is_number(), "{i}");
    }
    let groups = report["groups"].as_array().unwrap();
    let names: Vec<&str> = groups
        .iter()
        .map(|g| g["group"].as_str().unwrap())
        .collect();
    for expected in [
        "term",
        "phrase",
        "boolean",
        "field_date",
        "quotes_speaker_topic",
        "count_by",
    ] {
        assert!(names.contains(&expected), "{names:?}");
    }
    for group in groups {
        assert_eq!(group["verified"], true, "{group}");
        let queries = group["queries"].as_array().unwrap();
        assert_eq!(group["checked"].as_u64().unwrap() as usize, queries.len());
        let engines = group["engines"].as_array().unwrap();
        assert_eq!(engines[0]["engine"], "wiredex");
        let engine_names: Vec<&str> = engines
            .iter()
            .map(|e| e["engine"].as_str().unwrap())
            .collect();
        assert!(engine_names.contains(&"tantivy-plain") && engine_names.contains(&"grep-scan"));
        for (query, hits) in queries.iter().zip(engines[0]["hits"].as_array().unwrap()) {
            assert_eq!(&query["expect"], hits, "{query}");
        }
        if group["group"] == "count_by" {
            assert!(queries.iter().all(|q| q["kind"] == "count"), "{group}");
            // Each tally totals the hit count, and every engine tallied the same years.
            let wiredex_years = engines[0]["years"].as_array().unwrap();
            assert_eq!(wiredex_years.len(), queries.len());
            for (years, hits) in wiredex_years
                .iter()
                .zip(engines[0]["hits"].as_array().unwrap())
            {
                let rows = years.as_array().unwrap();
                assert!(rows.len() > 1, "a tally of one year checks little: {years}");
                let total: u64 = rows.iter().map(|r| r["count"].as_u64().unwrap()).sum();
                assert_eq!(Some(total), hits.as_u64(), "{years}");
            }
            for e in &engines[1..] {
                assert_eq!(&e["years"], &engines[0]["years"], "{}", e["engine"]);
            }
        } else {
            assert!(engines.iter().all(|e| e.get("years").is_none()), "{group}");
        }
        for e in engines {
            assert_eq!(
                e["samples"].as_u64().unwrap() as usize,
                queries.len() * 3,
                "{e}"
            );
            for key in ["p50_ms", "p95_ms", "p99_ms", "qps", "ratio_to_wiredex"] {
                assert!(e[key].is_number(), "{key} in {e}");
            }
        }
    }
}

#[test]
fn bench_with_a_wrong_expected_count_fails_and_names_the_query() {
    let workload = scratch().join("wrong-workload.tsv");
    std::fs::write(&workload, "term\tsearch\ttokyo\t999\n").unwrap();
    let run = lab(&[
        "bench",
        "--corpus",
        "corpus",
        "--workload",
        workload.to_str().unwrap(),
        "--runs",
        "1",
    ]);
    assert_eq!(run.code, 2, "{}", run.stdout);
    assert!(
        run.stderr
            .contains("wrong count(s): term: tokyo: expected 999 hits, got 8"),
        "{}",
        run.stderr
    );
}

/// The team corpus's workload holds, and each of its count lines tallies in the bench what
/// `wiredex search QUERY --count-by year --json` prints.
#[test]
fn corpus_workload_holds_and_its_tallies_are_those_of_search_count_by_year() {
    let run = lab(&[
        "bench",
        "--corpus",
        "corpus",
        "--workload",
        "bench/workloads/corpus.tsv",
        "--runs",
        "1",
        "--json",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let report: Value = serde_json::from_str(run.stdout.trim()).unwrap();
    assert_eq!(report["errors"].as_array().unwrap().len(), 0);
    let groups = report["groups"].as_array().unwrap();
    let group = groups.iter().find(|g| g["group"] == "count_by").unwrap();
    assert_eq!(group["verified"], true);
    let queries = group["queries"].as_array().unwrap();
    let checked = queries.iter().filter(|q| !q["expect"].is_null()).count();
    assert!(checked >= 2, "{group}");
    assert_eq!(group["checked"].as_u64().unwrap() as usize, checked);
    let engines = group["engines"].as_array().unwrap();
    for (n, query) in queries.iter().enumerate() {
        let text = query["text"].as_str().unwrap();
        let rows = count_by_year(text);
        assert_eq!(
            engines[0]["years"][n],
            Value::Array(rows),
            "{text}: bench and search --count-by year disagree"
        );
        if !query["expect"].is_null() {
            for e in &engines[1..] {
                assert_eq!(
                    e["years"][n], engines[0]["years"][n],
                    "{text}: {}",
                    e["engine"]
                );
            }
        }
    }
}

/// A count line whose total is right still fails when a baseline tallies other years: the
/// scan dates files only by their names, and tokyo is in stories wiredex dates from the text.
#[test]
fn bench_with_a_baseline_tallying_other_years_fails_and_names_the_engine() {
    let rows = count_by_year("tokyo");
    let total: u64 = rows.iter().map(|r| r["count"].as_u64().unwrap()).sum();
    assert!(rows.iter().all(|r| r["key"] != "(undated)"), "{rows:?}");
    let workload = scratch().join("count-tokyo.tsv");
    std::fs::write(&workload, format!("count_by\tcount\ttokyo\t{total}\n")).unwrap();
    let run = lab(&[
        "bench",
        "--corpus",
        "corpus",
        "--workload",
        workload.to_str().unwrap(),
        "--runs",
        "1",
    ]);
    assert_eq!(run.code, 2, "{}", run.stdout);
    assert!(
        !run.stderr.contains("tokyo: expected"),
        "the total was right: {}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("count_by: tokyo: grep-scan's counts by year differ from wiredex's: "),
        "{}",
        run.stderr
    );
    // wiredex dated every tokyo story, so what the scan could not date shows as (undated).
    assert!(
        run.stderr.contains("(undated) wiredex 0, grep-scan "),
        "{}",
        run.stderr
    );
    assert!(
        run.stdout.contains("| count_by | WRONG |"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("WRONG COUNT count_by: tokyo: "),
        "{}",
        run.stdout
    );
}
