//! `wiredex bench` end to end: on the team corpus with its workload (every count checked, the
//! count-by-year tallies those of `wiredex search --count-by year`), with a wrong count (it
//! fails and names the query), and on an existing index with the built-in groups. No timing is
//! asserted. The peers beside wiredex are the lab's (`lab/tests`).

use serde_json::Value;

use crate::harness::{corpus_index, ok, scratch, wiredex};

#[test]
fn bench_with_a_wrong_expected_count_fails_and_names_the_query() {
    let workload = scratch().join("wrong-workload.tsv");
    std::fs::write(&workload, "term\tsearch\ttokyo\t999\n").unwrap();
    let run = wiredex(&[
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
    assert!(run.stdout.contains("| term | WRONG |"), "{}", run.stdout);
}

/// The team corpus's workload holds, wiredex alone is timed, and each count line tallies what
/// `wiredex search QUERY --count-by year --json` prints.
#[test]
fn corpus_workload_holds_and_its_tallies_are_those_of_search_count_by_year() {
    let run = ok(&[
        "bench",
        "--corpus",
        "corpus",
        "--workload",
        "bench/workloads/corpus.tsv",
        "--runs",
        "2",
        "--json",
    ]);
    let report: Value = serde_json::from_str(run.stdout.trim()).unwrap();
    assert_eq!(report["errors"].as_array().unwrap().len(), 0);
    assert_eq!(report["runs"], 2);
    let ingest = report["ingest"].as_array().unwrap();
    assert_eq!(ingest.len(), 1);
    assert_eq!(ingest[0]["engine"], "wiredex");
    assert!(ingest[0]["mb_per_s"].as_f64().unwrap() > 0.0);
    for group in report["groups"].as_array().unwrap() {
        assert_eq!(group["verified"], true, "{group}");
        let engines = group["engines"].as_array().unwrap();
        assert_eq!(engines.len(), 1, "{group}");
        let queries = group["queries"].as_array().unwrap();
        assert_eq!(
            engines[0]["samples"].as_u64().unwrap() as usize,
            queries.len() * 2
        );
        for key in ["p50_ms", "p95_ms", "p99_ms", "qps"] {
            assert!(engines[0][key].is_number(), "{key} in {group}");
        }
        if group["group"] != "count_by" {
            continue;
        }
        for (n, query) in queries.iter().enumerate() {
            let text = query["text"].as_str().unwrap();
            let search = ok(&[
                "search",
                text,
                "--index",
                corpus_index(),
                "--count-by",
                "year",
                "--json",
            ]);
            let rows: Vec<Value> = search.json_lines();
            assert_eq!(engines[0]["years"][n], Value::Array(rows), "{text}");
        }
    }
}

/// On an index, without a workload, the built-in groups run, and the quotes group asks for the
/// index's most quoted speaker.
#[test]
fn bench_on_an_index_runs_the_built_in_groups() {
    let run = ok(&["bench", "--index", corpus_index(), "--runs", "1", "--json"]);
    let report: Value = serde_json::from_str(run.stdout.trim()).unwrap();
    assert!(report["ingest"].as_array().unwrap().is_empty());
    assert_eq!(report["files"], 0);
    let groups = report["groups"].as_array().unwrap();
    let names: Vec<&str> = groups
        .iter()
        .map(|g| g["group"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "term",
            "phrase",
            "boolean",
            "field_date",
            "quotes_speaker_topic",
            "count_by"
        ]
    );
    let people = ok(&[
        "people",
        "--index",
        corpus_index(),
        "--json",
        "--limit",
        "1",
    ]);
    let top: Vec<Value> = people.json_lines();
    let name = top[0]["name"].as_str().unwrap().replace(' ', "_");
    let quotes = groups
        .iter()
        .find(|g| g["group"] == "quotes_speaker_topic")
        .unwrap();
    assert_eq!(quotes["queries"][0]["text"], format!("by={name}"));
    assert!(quotes["engines"][0]["hits"][0].as_u64().unwrap() > 0);
    let table = ok(&["bench", "--index", corpus_index(), "--runs", "1"]);
    assert!(
        table
            .stdout
            .contains("| quotes_speaker_topic | unchecked |"),
        "{}",
        table.stdout
    );
}
