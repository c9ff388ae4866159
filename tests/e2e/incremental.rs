//! `wiredex index` run again on the same index: only new and changed files are read, deleted
//! files leave, `--rebuild` starts over, old schemas are refused, one run at a time holds the
//! lock, a run killed with SIGKILL leaves the last commit readable and the next run finishes
//! the work, `--report` lists every file and `-q` prints nothing.

use std::collections::BTreeMap;
use std::fs::{self, File};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, SystemTime};

use serde_json::Value;

use crate::harness::{Run, corpus_articles, ok, project, s, scratch, wiredex};

/// A date in 2020: files this old are not "racy" (modified too close to the run to trust).
fn long_ago() -> SystemTime {
    SystemTime::UNIX_EPOCH + Duration::from_secs(1_577_836_800)
}

fn set_mtime(path: &Path, time: SystemTime) {
    File::options()
        .write(true)
        .open(path)
        .and_then(|f| f.set_modified(time))
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}

/// Copies a folder tree, giving every file an old modification time.
fn copy_aged(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_aged(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).unwrap();
            set_mtime(&target, long_ago());
        }
    }
}

fn stats(index: &Path) -> Value {
    let run = wiredex(&["stats", "--json", "--index", s(index)]);
    assert!(run.code == 0 || run.code == 1, "{}", run.stderr);
    serde_json::from_str(run.stdout.trim()).unwrap()
}

/// The article and quote counts of a clean index of `dir`: what every incremental run must
/// end with.
fn clean_counts(dir: &Path, name: &str) -> (u64, u64) {
    let index = scratch().join(name);
    let _ = fs::remove_dir_all(&index);
    ok(&["index", s(dir), "--index", s(&index), "-q"]);
    let stats = stats(&index);
    (
        stats["articles"].as_u64().unwrap(),
        stats["quotes"].as_u64().unwrap(),
    )
}

fn counts(index: &Path) -> (u64, u64) {
    let stats = stats(index);
    (
        stats["articles"].as_u64().unwrap(),
        stats["quotes"].as_u64().unwrap(),
    )
}

/// `--report` lines by path.
fn report_of(file: &Path) -> BTreeMap<String, Value> {
    let text = fs::read_to_string(file).unwrap();
    let mut out = BTreeMap::new();
    for line in text.lines() {
        let value: Value = serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}"));
        // serde_json's map sorts keys.
        let keys: Vec<&str> = value
            .as_object()
            .unwrap()
            .keys()
            .map(|k| k.as_str())
            .collect();
        assert_eq!(
            keys,
            [
                "articles",
                "change",
                "path",
                "reason",
                "skipped_records",
                "status",
                "warnings"
            ],
            "{line}"
        );
        let path = value["path"].as_str().unwrap().to_string();
        assert!(out.insert(path, value).is_none(), "one line per file");
    }
    out
}

fn lines(run: &Run) -> Vec<&str> {
    run.stdout.lines().collect()
}

/// Files of `corpus/` that hold articles, and their articles and quotes.
fn corpus_files() -> BTreeMap<String, (usize, usize)> {
    let mut files = BTreeMap::new();
    for article in corpus_articles() {
        let entry = files.entry(article.path.clone()).or_insert((0, 0));
        entry.0 += 1;
        entry.1 += article.quotes.len();
    }
    files
}

const NEW_ARTICLE: &str = "Envoy opens talks on fishing quotas\n\nREYKJAVIK, March 3 (Reuters) - \
Fisheries envoy Ingrid Solberg opened talks on Monday on next year's quotas.\n\n\
“We expect a fair outcome for the northern fleets,” Solberg told reporters.\n";

#[test]
fn reindexing_reads_only_new_and_changed_files_and_drops_deleted_ones() {
    let dir = scratch().join("incr-corpus");
    let index = scratch().join("incr-index");
    copy_aged(&project().join("corpus"), &dir);
    let files = corpus_files();
    let total_files = files.len();
    let (articles, quotes): (usize, usize) = files
        .values()
        .fold((0, 0), |(a, q), (fa, fq)| (a + fa, q + fq));

    let first = ok(&["index", s(&dir), "--index", s(&index)]);
    assert_eq!(
        lines(&first)[..2],
        [
            format!(
                "indexed {articles} articles with {quotes} quotes from {total_files} files into {}",
                index.display()
            ),
            format!("files: {total_files} new, 0 changed, 0 unchanged, 0 deleted, 1 skipped"),
        ]
    );

    // One file of each kind of change, all single-article text files of the corpus.
    let txt: Vec<&String> = files
        .keys()
        .filter(|p| p.ends_with(".txt") && files[*p].0 == 1)
        .collect();
    let local = |p: &str| dir.join(p.strip_prefix("corpus/").unwrap());
    let changed = local(txt[0]);
    let deleted = local(txt[1]);
    let touched = local(txt[2]);
    // The same-size edit swaps one ` said` for ` zqxj`: an English file has one.
    let same_size = txt[3..]
        .iter()
        .map(|p| local(p))
        .find(|p| fs::read_to_string(p).is_ok_and(|t| t.contains(" said")))
        .expect("an English text file in the corpus");
    let added = dir.join("extra/2024-03-03-fishing-quotas.txt");

    let mut text = fs::read_to_string(&changed).unwrap();
    text.push_str("\n\n“The talks will go on next week,” the ministry said.\n");
    fs::write(&changed, text).unwrap();
    fs::remove_file(&deleted).unwrap();
    set_mtime(&touched, SystemTime::now());
    fs::create_dir_all(added.parent().unwrap()).unwrap();
    fs::write(&added, NEW_ARTICLE).unwrap();

    let report = scratch().join("incr-report.jsonl");
    let second = ok(&[
        "index",
        s(&dir),
        "--index",
        s(&index),
        "--report",
        s(&report),
    ]);
    let parsed = ok(&["parse", "--json", s(&changed), s(&added)]);
    let new_quotes: usize = parsed
        .json_lines::<wiredex::Article>()
        .iter()
        .map(|a| a.quotes.len())
        .sum();
    assert_eq!(
        lines(&second)[..2],
        [
            format!(
                "indexed 2 articles with {new_quotes} quotes from 2 files into {}",
                index.display()
            ),
            format!(
                "files: 1 new, 1 changed, {} unchanged, 1 deleted, 1 skipped",
                total_files - 2
            ),
        ]
    );
    let lines_by_path = report_of(&report);
    let shown = |p: &Path| s(p).to_string();
    let status = |p: &Path| {
        let line = &lines_by_path[&shown(p)];
        (
            line["status"].as_str().unwrap().to_string(),
            line["change"].clone(),
            line["articles"].as_u64().unwrap(),
        )
    };
    assert_eq!(status(&changed), ("indexed".into(), "changed".into(), 1));
    assert_eq!(status(&added), ("indexed".into(), "new".into(), 1));
    assert_eq!(status(&deleted), ("deleted".into(), Value::Null, 1));
    assert_eq!(status(&touched), ("unchanged".into(), Value::Null, 1));
    let readme = &lines_by_path[&shown(&dir.join("README.md"))];
    assert_eq!(readme["status"], "skipped");
    assert!(
        readme["reason"]
            .as_str()
            .unwrap()
            .starts_with("unsupported file type")
    );
    // Every file found, plus the deleted one, has exactly one line.
    assert_eq!(lines_by_path.len(), total_files + 1 + 1);
    let unchanged = lines_by_path
        .values()
        .filter(|l| l["status"] == "unchanged")
        .count();
    assert_eq!(unchanged, total_files - 2);

    assert_eq!(counts(&index), clean_counts(&dir, "incr-clean"));

    // Same size, same modification time, new bytes: trusted as unchanged without being read
    // (the quick check of make and rsync); `--rebuild` reads it.
    let original = fs::read_to_string(&same_size).unwrap();
    let edited = original.replacen(" said", " zqxj", 1);
    assert_ne!(original, edited, "{}", same_size.display());
    fs::write(&same_size, &edited).unwrap();
    set_mtime(&same_size, long_ago());
    let third = ok(&["index", s(&dir), "--index", s(&index)]);
    assert_eq!(
        lines(&third)[..2],
        [
            format!(
                "indexed 0 articles with 0 quotes from 0 files into {}",
                index.display()
            ),
            format!("files: 0 new, 0 changed, {total_files} unchanged, 0 deleted, 1 skipped"),
        ]
    );
    let hidden = wiredex(&["search", "zqxj", "--index", s(&index)]);
    assert_eq!(hidden.code, 1, "{}", hidden.stdout);

    let rebuilt = ok(&["index", s(&dir), "--index", s(&index), "--rebuild"]);
    assert_eq!(
        lines(&rebuilt)[1],
        format!("files: {total_files} new, 0 changed, 0 unchanged, 0 deleted, 1 skipped")
    );
    let found = ok(&["search", "zqxj", "--json", "--index", s(&index)]);
    let hits = found.json_lines::<Value>();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0]["article"]["path"], shown(&same_size));
}

#[test]
fn an_article_in_two_files_stays_until_both_are_gone() {
    let dir = scratch().join("dup-corpus");
    let index = scratch().join("dup-index");
    fs::create_dir_all(&dir).unwrap();
    let (a, b) = (dir.join("a.txt"), dir.join("b.txt"));
    fs::write(&a, NEW_ARTICLE).unwrap();
    fs::write(&b, NEW_ARTICLE).unwrap();
    let count = |index: &Path| counts(index).0;
    ok(&["index", s(&dir), "--index", s(&index)]);
    assert_eq!(count(&index), 1);
    // b.txt was indexed last, so the article's documents carry its path; removing it must
    // index a.txt's copy again, and removing a.txt then removes the article.
    fs::remove_file(&b).unwrap();
    let run = ok(&["index", s(&dir), "--index", s(&index)]);
    assert_eq!(
        lines(&run)[1],
        "files: 0 new, 0 changed, 1 unchanged, 1 deleted, 0 skipped"
    );
    assert_eq!(count(&index), 1);
    let hit = ok(&["search", "quotas", "--json", "--index", s(&index)]);
    assert_eq!(hit.json_lines::<Value>()[0]["article"]["path"], s(&a));
    fs::remove_file(&a).unwrap();
    let run = wiredex(&["index", s(&dir), "--index", s(&index)]);
    assert_eq!(run.code, 1, "no article left: {}", run.stdout);
    assert_eq!(count(&index), 0);
}

#[test]
fn a_missing_root_keeps_its_articles_until_its_parent_is_indexed() {
    let dir = scratch().join("missing-root");
    let index = scratch().join("missing-root-index");
    let sub = dir.join("sub");
    copy_aged(&project().join("corpus/upi"), &sub);
    ok(&["index", s(&sub), "--index", s(&index)]);
    let before = counts(&index);
    let files = fs::read_dir(&sub).unwrap().count();
    fs::remove_dir_all(&sub).unwrap();
    // Nothing found to index: exit code 1, like grep.
    let run = wiredex(&["index", s(&sub), "--index", s(&index)]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(
        lines(&run)[1..],
        [
            "files: 0 new, 0 changed, 0 unchanged, 0 deleted, 1 skipped".to_string(),
            "skipped 1 files or records:".to_string(),
            format!(
                "  {}: no such file or folder; keeping what was indexed from it before ({files} files)",
                sub.display()
            ),
        ]
    );
    assert_eq!(counts(&index), before);
    let run = wiredex(&["index", s(&dir), "--index", s(&index)]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert_eq!(
        lines(&run)[1],
        format!("files: 0 new, 0 changed, 0 unchanged, {files} deleted, 0 skipped")
    );
    assert_eq!(counts(&index).0, 0);
}

#[test]
fn the_index_folder_and_the_report_inside_a_root_are_not_indexed() {
    let dir = scratch().join("self-contained");
    copy_aged(&project().join("corpus/upi"), &dir);
    let files = fs::read_dir(&dir).unwrap().count();
    let index = dir.join("index");
    let report = dir.join("report.jsonl");
    for _ in 0..2 {
        let run = ok(&[
            "index",
            s(&dir),
            "--index",
            s(&index),
            "--report",
            s(&report),
        ]);
        assert!(lines(&run)[1].ends_with(" 0 skipped"), "{}", run.stdout);
        assert_eq!(lines(&run).len(), 2, "{}", run.stdout);
        assert_eq!(report_of(&report).len(), files);
    }
}

#[test]
fn old_and_newer_schemas_are_refused_with_the_way_to_rebuild() {
    let index = scratch().join("schema-index");
    let at = s(&index);
    ok(&["index", "corpus/upi", "--index", at]);
    let expected = counts(&index);
    let cases = [
        (
            0,
            format!(
                "wiredex: index {at}: made by schema version 0 but this wiredex uses {}: rebuild it with `wiredex index DIR --rebuild --index {at}`",
                wiredex::index::SCHEMA_VERSION
            ),
        ),
        (
            9,
            format!(
                "wiredex: index {at}: made by a newer wiredex (schema version 9; this one knows {}): use that wiredex, or rebuild it with `wiredex index DIR --rebuild --index {at}`",
                wiredex::index::SCHEMA_VERSION
            ),
        ),
    ];
    for (version, message) in cases {
        fs::write(
            index.join("wiredex.json"),
            format!("{{\"schema_version\":{version}}}"),
        )
        .unwrap();
        for args in [
            vec!["index", "corpus/upi", "--index", at],
            vec!["stats", "--index", at],
            vec!["search", "minister", "--index", at],
        ] {
            let run = wiredex(&args);
            assert_eq!(run.code, 2, "{args:?}");
            assert_eq!(run.stderr.trim_end(), message, "{args:?}");
        }
    }
    let run = ok(&["index", "corpus/upi", "--index", at, "--rebuild"]);
    assert!(lines(&run)[1].starts_with("files: "), "{}", run.stdout);
    assert!(!lines(&run)[1].contains(" 0 new"), "{}", run.stdout);
    assert_eq!(counts(&index), expected);
}

#[test]
fn rebuild_refuses_a_folder_that_is_not_an_index() {
    let folder = scratch().join("precious");
    fs::create_dir_all(&folder).unwrap();
    fs::write(folder.join("notes.txt"), "mine").unwrap();
    let run = wiredex(&["index", "corpus/upi", "--index", s(&folder), "--rebuild"]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr.trim_end(),
        format!(
            "wiredex: index {}: the folder is not empty and holds no wiredex index; choose another --index folder",
            folder.display()
        )
    );
    assert_eq!(
        fs::read_to_string(folder.join("notes.txt")).unwrap(),
        "mine"
    );
}

fn lock_message(index: &Path) -> String {
    format!(
        "wiredex: another wiredex index run holds the lock on {}; wait for it to finish, or stop it and run again",
        index.display()
    )
}

#[test]
fn a_second_index_run_fails_at_once_while_searches_go_on() {
    let dir = scratch().join("lock-corpus");
    let index = scratch().join("lock-index");
    copy_aged(&project().join("corpus/tass"), &dir);
    ok(&["index", s(&dir), "--index", s(&index)]);

    // What a running `index` holds: the lock on wiredex.lock.
    let held = File::options()
        .write(true)
        .open(index.join("wiredex.lock"))
        .unwrap();
    held.try_lock().unwrap();
    let run = wiredex(&["index", s(&dir), "--index", s(&index)]);
    assert_eq!(
        (run.code, run.stderr.trim_end()),
        (2, &*lock_message(&index))
    );
    assert_eq!(run.stdout, "");
    let rebuild = wiredex(&["index", s(&dir), "--index", s(&index), "--rebuild"]);
    assert_eq!(rebuild.code, 2);
    ok(&["search", "minister", "--index", s(&index)]);
    ok(&["stats", "--index", s(&index)]);
    drop(held);

    // Another tantivy writer (say an older wiredex) holds tantivy's own writer lock.
    let tantivy = File::options()
        .write(true)
        .open(index.join(".tantivy-writer.lock"))
        .unwrap();
    tantivy.try_lock().unwrap();
    let file = fs::read_dir(&dir).unwrap().next().unwrap().unwrap().path();
    fs::write(
        &file,
        format!("{}\nMore.\n", fs::read_to_string(&file).unwrap()),
    )
    .unwrap();
    let run = wiredex(&["index", s(&dir), "--index", s(&index)]);
    assert_eq!(
        (run.code, run.stderr.trim_end()),
        (2, &*lock_message(&index))
    );
    drop(tantivy);
    let run = ok(&["index", s(&dir), "--index", s(&index)]);
    assert!(lines(&run)[1].contains("1 changed"), "{}", run.stdout);
}

/// Entries of the manifest and the articles they list.
// A run stopped between commits (kill -9, a power cut) is tested deterministically in
// `src/index/update.rs`: its observer stops the run right after a commit, and the next run must
// finish it with nothing lost or done twice.

#[test]
fn quiet_prints_nothing_and_json_gives_the_totals() {
    let index = scratch().join("quiet-index");
    let run = ok(&["index", "corpus/kyodo", "--index", s(&index), "-q"]);
    assert_eq!((run.stdout.as_str(), run.stderr.as_str()), ("", ""));
    let again = ok(&[
        "index",
        "corpus/kyodo",
        "--index",
        s(&index),
        "--quiet",
        "--json",
    ]);
    assert_eq!(again.stderr, "");
    let report: Value = serde_json::from_str(again.stdout.trim()).unwrap();
    let files = fs::read_dir(project().join("corpus/kyodo"))
        .unwrap()
        .count();
    assert_eq!(
        report["totals"],
        serde_json::json!({"new": 0, "changed": 0, "unchanged": files, "deleted": 0, "skipped": 0})
    );
    assert_eq!(report["articles"], 0);
    let articles = corpus_articles()
        .iter()
        .filter(|a| a.path.starts_with("corpus/kyodo/"))
        .count();
    assert_eq!(counts(&index).0 as usize, articles);
}

#[test]
fn a_terminal_shows_a_progress_bar_and_a_pipe_does_not() {
    let index = scratch().join("progress-index");
    let piped = ok(&["index", "corpus", "--index", s(&index)]);
    assert_eq!(piped.stderr, "");
    if Command::new("script").arg("--version").output().is_err() {
        eprintln!("skipping the terminal half: `script` (util-linux) is not installed");
        return;
    }
    // `script` gives wiredex a terminal; the bar is drawn on it and cleared at the end.
    let command = format!(
        "{} index corpus --index {} --rebuild",
        env!("CARGO_BIN_EXE_wiredex"),
        s(&index)
    );
    let run = |extra: &str| {
        let output = Command::new("script")
            .args(["-qec", &format!("{command}{extra}"), "/dev/null"])
            .current_dir(project())
            .env("TERM", "xterm")
            .stdin(Stdio::null())
            .output()
            .unwrap();
        assert!(output.status.success(), "{output:?}");
        String::from_utf8_lossy(&output.stdout).into_owned()
    };
    let shown = run("");
    assert!(
        shown.contains(" files  ") && shown.contains(" articles  ") && shown.contains("MB/s"),
        "{shown:?}"
    );
    let quiet = run(" -q");
    assert_eq!(quiet, "");
}

#[test]
fn max_file_size_takes_units_and_says_what_it_expects() {
    let index = scratch().join("size-index");
    let too_large = |limit: u64| -> Vec<String> {
        let mut lines: Vec<String> = fs::read_dir(project().join("corpus/upi"))
            .unwrap()
            .map(|e| e.unwrap())
            .filter(|e| e.metadata().unwrap().len() > limit)
            .map(|e| {
                format!(
                    "  corpus/upi/{}: too large ({} bytes; the limit is {limit})",
                    e.file_name().to_str().unwrap(),
                    e.metadata().unwrap().len()
                )
            })
            .collect();
        lines.sort();
        lines
    };
    let listed = |run: &Run| -> Vec<String> {
        run.stdout
            .lines()
            .filter(|l| l.contains("too large"))
            .map(str::to_string)
            .collect()
    };
    let run = ok(&[
        "index",
        "corpus/upi",
        "--index",
        s(&index),
        "--max-file-size",
        "1500",
    ]);
    let expected = too_large(1500);
    assert!(!expected.is_empty() && expected.len() < 4);
    assert_eq!(listed(&run), expected);
    // 1k is 1024 bytes: every file of corpus/upi is larger, so none is left and the files
    // indexed before are dropped.
    let run = wiredex(&[
        "index",
        "corpus/upi",
        "--index",
        s(&index),
        "--max-file-size",
        "1k",
    ]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(listed(&run), too_large(1024));
    assert_eq!(counts(&index).0, 0);
    let bad = wiredex(&[
        "index",
        "corpus/upi",
        "--index",
        s(&index),
        "--max-file-size",
        "12Q",
    ]);
    assert_eq!(bad.code, 2);
    assert_eq!(
        bad.stderr.lines().next().unwrap(),
        "error: invalid value '12Q' for '--max-file-size <SIZE>': expected a number of bytes, optionally with K, M or G (64M is 64 MiB)"
    );
}

#[test]
fn a_small_memory_budget_gives_the_same_index() {
    let corpus = project().join("corpus");
    let expected = clean_counts(&corpus, "budget-default");
    let index = scratch().join("budget-small");
    ok(&[
        "index",
        s(&corpus),
        "--index",
        s(&index),
        "--memory-budget",
        "1M",
        "-q",
    ]);
    assert_eq!(counts(&index), expected);
    let run = wiredex(&[
        "index",
        s(&corpus),
        "--index",
        s(&index),
        "--memory-budget",
        "lots",
    ]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains(
            "invalid value 'lots' for '--memory-budget <SIZE>': expected a number of bytes"
        ),
        "{}",
        run.stderr
    );
}
