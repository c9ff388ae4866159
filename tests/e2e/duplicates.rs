//! Duplicates: an exact copy in a second file is stored once with both paths; near-duplicates
//! (a changed lead, an update with one more paragraph) form a group that search, quotes and
//! counts collapse to its earliest member, `--no-collapse` lists them one by one, and groups
//! follow files as they are added and deleted.
//!
//! The fixtures (`tests/fixtures/duplicates/`) are four stories we wrote about a fictional
//! central bank: the story, its exact copy in `mirror/`, the same story with a rewritten lead a
//! day later, an "UPDATE 1" the day after with a paragraph more, and a different story on the
//! same subject that shares names and phrases but is not a copy.

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::harness::{Run, ok, project, s, scratch};

/// Checks that the run printed `text`.
fn assert_has(run: &Run, text: &str) {
    assert!(run.stdout.contains(text), "{}", run.stdout);
}

/// A copy of the fixtures and an index of it, both private to the test.
fn indexed(name: &str) -> (PathBuf, PathBuf) {
    let dir = scratch().join(format!("{name}-files"));
    let index = scratch().join(format!("{name}-index"));
    let fixtures = project().join("tests/fixtures/duplicates");
    fs::create_dir_all(dir.join("mirror")).unwrap();
    for file in [
        "norland-rates.txt",
        "mirror/norland-rates.txt",
        "norland-rates-lead.txt",
        "norland-rates-update.txt",
        "norland-budget.txt",
    ] {
        fs::copy(fixtures.join(file), dir.join(file)).unwrap();
    }
    let run = ok(&["index", s(&dir), "--index", s(&index)]);
    assert_has(
        &run,
        "duplicates: 1 exact copy (stored once), 1 near-duplicate group of 3 articles",
    );
    (dir, index)
}

/// `search QUERY --format jsonl` as JSON values.
fn hits(index: &Path, query: &str, extra: &[&str]) -> Vec<Value> {
    let mut args = vec!["search", query, "--format", "jsonl", "--index", s(index)];
    args.extend(extra);
    ok(&args).json_lines()
}

fn file_name(hit: &Value) -> &str {
    let path = hit["article"]["path"].as_str().unwrap();
    path.rsplit('/').next().unwrap()
}

#[test]
fn near_duplicates_collapse_to_the_earliest_and_exact_copies_keep_every_path() {
    let (dir, index) = indexed("collapse");
    let found = hits(&index, "verhoeven", &[]);
    let names: Vec<&str> = found.iter().map(file_name).collect();
    assert_eq!(names, ["norland-rates.txt", "norland-budget.txt"]);
    let story = &found[0];
    assert_eq!(story["copies"], 2);
    assert_eq!(story["article"]["date"], "2026-03-03");
    let mirror = fs::canonicalize(dir.join("mirror/norland-rates.txt")).unwrap();
    let also_in: Vec<&str> = story["also_in"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(also_in, [mirror.to_str().unwrap()]);
    assert_eq!(found[1]["copies"], 0);
    assert_eq!(found[1]["group"], Value::Null);

    let human = ok(&["search", "verhoeven", "--index", s(&index)]);
    assert!(
        human.stdout.starts_with("2 of 2 articles\n"),
        "{}",
        human.stdout
    );
    assert_has(&human, "norland-rates.txt  (+2 copies)\n");
    assert_has(&human, &format!("  also in {}\n", mirror.display()));
}

#[test]
fn no_collapse_lists_every_copy_with_its_group() {
    let (_, index) = indexed("no-collapse");
    let found = hits(&index, "verhoeven", &["--no-collapse", "--sort", "date"]);
    let names: Vec<&str> = found.iter().map(file_name).collect();
    assert_eq!(
        names,
        [
            "norland-budget.txt",
            "norland-rates-update.txt",
            "norland-rates-lead.txt",
            "norland-rates.txt"
        ]
    );
    let group = found[3]["group"].as_str().expect("the story has a group");
    assert_eq!(group.len(), 16);
    for hit in &found[1..] {
        assert_eq!(hit["group"], group);
        assert_eq!(hit["copies"], 0);
    }
    assert_eq!(found[0]["group"], Value::Null);
    // The group is named by its earliest member.
    assert_eq!(found[3]["article"]["id"], group);

    let human = ok(&["search", "verhoeven", "--no-collapse", "--index", s(&index)]);
    assert!(
        human.stdout.starts_with("4 of 4 articles\n"),
        "{}",
        human.stdout
    );
    assert!(!human.stdout.contains("copies)"), "{}", human.stdout);
}

#[test]
fn a_quotation_repeated_across_a_group_counts_once() {
    let (_, index) = indexed("quotes");
    let counts = |extra: &[&str]| -> Vec<(String, u64)> {
        let mut args = vec![
            "quotes",
            "--count-by",
            "speaker",
            "--json",
            "--index",
            s(&index),
        ];
        args.extend(extra);
        ok(&args)
            .json_lines::<Value>()
            .iter()
            .map(|row| {
                (
                    row["key"].as_str().unwrap().to_string(),
                    row["count"].as_u64().unwrap(),
                )
            })
            .collect()
    };
    // Verhoeven's one quotation is in the story, its rewritten lead and its update.
    assert_eq!(
        counts(&[]),
        [
            ("Jonas Lindqvist".to_string(), 2),
            ("Alma Verhoeven".to_string(), 1)
        ]
    );
    assert_eq!(
        counts(&["--no-collapse"]),
        [
            ("Alma Verhoeven".to_string(), 3),
            ("Jonas Lindqvist".to_string(), 2)
        ]
    );
    let listed = ok(&["quotes", "--by", "verhoeven", "--index", s(&index)]);
    assert!(
        listed.stdout.starts_with("1 of 1 quotes\n"),
        "{}",
        listed.stdout
    );
    assert_has(&listed, "norland-rates.txt  (+2 copies)\n");
    // Articles counted by facet: the group counts once.
    let by_place = ok(&[
        "search",
        "verhoeven",
        "--count-by",
        "place",
        "--json",
        "--index",
        s(&index),
    ]);
    assert_eq!(by_place.stdout.trim(), r#"{"key":"Vessby","count":2}"#);
}

#[test]
fn groups_and_copies_follow_files_added_and_deleted() {
    let (dir, index) = indexed("incremental");
    let index_again = |expect: &str| {
        let run = ok(&["index", s(&dir), "--index", s(&index)]);
        assert_has(&run, expect);
    };
    let groups = || -> Vec<(String, Value, usize)> {
        hits(&index, "verhoeven", &["--no-collapse", "--sort", "date"])
            .iter()
            .map(|hit| {
                (
                    file_name(hit).to_string(),
                    hit["group"].clone(),
                    hit["also_in"].as_array().unwrap().len(),
                )
            })
            .collect()
    };

    // The update goes: the story and its rewritten lead stay a group of two.
    fs::remove_file(dir.join("norland-rates-update.txt")).unwrap();
    index_again("1 near-duplicate group of 2 articles");
    let now = groups();
    assert_eq!(now.len(), 3);
    assert_eq!(now[1].1, now[2].1);
    assert_ne!(now[1].1, Value::Null);

    // The rewritten lead goes too: no group is left.
    fs::remove_file(dir.join("norland-rates-lead.txt")).unwrap();
    index_again("duplicates: 1 exact copy (stored once), 0 near-duplicate groups");
    assert!(groups().iter().all(|(_, group, _)| group.is_null()));

    // The mirror goes: the story keeps one path.
    fs::remove_file(dir.join("mirror/norland-rates.txt")).unwrap();
    let run = ok(&["index", s(&dir), "--index", s(&index)]);
    assert!(!run.stdout.contains("duplicates:"), "{}", run.stdout);
    assert!(groups().iter().all(|(_, _, also_in)| *also_in == 0));

    // Both come back: the group and the copy are found again.
    let fixtures = project().join("tests/fixtures/duplicates");
    for file in ["norland-rates-lead.txt", "mirror/norland-rates.txt"] {
        fs::copy(fixtures.join(file), dir.join(file)).unwrap();
    }
    index_again("duplicates: 1 exact copy (stored once), 1 near-duplicate group of 2 articles");
    let story = &hits(&index, "verhoeven", &[])[0];
    assert_eq!(file_name(story), "norland-rates.txt");
    assert_eq!(story["copies"], 1);
    assert_eq!(story["also_in"].as_array().unwrap().len(), 1);

    // A run that changes nothing keeps what the last one found.
    index_again("duplicates: 1 exact copy (stored once), 1 near-duplicate group of 2 articles");
}

#[test]
fn collapsing_reads_the_same_with_or_without_the_segments_grouped_documents() {
    let (_, index) = indexed("segment-lists");
    let commands: [&[&str]; 7] = [
        &["search", "verhoeven", "--format", "jsonl"],
        &["search", "\"central bank\"", "--format", "jsonl"],
        &["search", "bank", "--sort", "date", "--format", "jsonl"],
        &["search", "verhoeven", "--count-by", "place", "--json"],
        &["quotes", "--by", "verhoeven", "--format", "jsonl"],
        &["quotes", "--count-by", "speaker", "--json"],
        &["people", "--json"],
    ];
    let answers = || -> Vec<String> {
        commands
            .iter()
            .map(|command| {
                let mut args = command.to_vec();
                args.extend(["--index", s(&index)]);
                ok(&args).stdout
            })
            .collect()
    };
    let with_lists = answers();
    assert!(with_lists[0].contains("\"copies\":2"), "{}", with_lists[0]);
    // The file without its segment lists, as a reader of a segment made after it sees it:
    // magic, opstamp, number of members, the members.
    let file = index.join("wiredex-groups.bin");
    let bytes = fs::read(&file).unwrap();
    let members = u64::from_le_bytes(bytes[16..24].try_into().unwrap()) as usize;
    let end = 24 + members * 16;
    assert!(end < bytes.len(), "the file lists segments");
    fs::write(&file, &bytes[..end]).unwrap();
    assert_eq!(answers(), with_lists);
}
