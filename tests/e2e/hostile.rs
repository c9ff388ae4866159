//! Hostile input and damaged indexes: queries built to exhaust the stack, limits built to
//! exhaust memory, files built to make a reader quadratic, names that are not UTF-8, indexes
//! that cannot be written or were damaged. Each case failed (a crash, a hang, a wrong answer)
//! before its fix; none times anything (speed lives in `bench/hostile.sh`).

use crate::harness::{corpus_index, wiredex};

/// Runs `args`, expects exit code 2, and returns the error message.
fn error_of(args: &[&str]) -> String {
    let run = wiredex(args);
    assert_eq!(
        run.code, 2,
        "exit code of {args:?}: {}{}",
        run.stdout, run.stderr
    );
    run.stderr.trim_end().to_string()
}

#[test]
fn deep_or_long_queries_are_refused_not_a_stack_overflow() {
    let index = corpus_index();
    let unbalanced = "(".repeat(3000);
    let nested = format!("{}japan{}", "(".repeat(9000), ")".repeat(9000));
    let opening = "(".repeat(40);
    for command in ["search", "quotes", "people", "timeline"] {
        assert_eq!(
            error_of(&[command, &unbalanced, "--index", index]),
            format!(
                "wiredex: invalid query '{opening}...': parentheses nest 3000 deep; a query may nest them at most 32 deep"
            ),
            "{command}"
        );
        assert_eq!(
            error_of(&[command, &nested, "--index", index]),
            format!(
                "wiredex: invalid query '{opening}...': 18005 bytes long; a query may be at most 10000 bytes"
            ),
            "{command}"
        );
    }
    // Nesting within the bound still searches.
    let fine = format!("{}japan{}", "(".repeat(32), ")".repeat(32));
    assert_eq!(wiredex(&["search", &fine, "--index", index]).code, 0);
}

#[test]
fn huge_limits_and_offsets_allocate_nothing_beyond_the_matches() {
    let index = corpus_index();
    let max = usize::MAX.to_string();
    for command in ["search", "quotes"] {
        let all = wiredex(&[command, "japan", "--all", "--json", "--index", index]);
        assert_eq!(all.code, 0, "{}", all.stderr);
        let every = all.stdout.lines().count();
        assert!(every > 0);
        for limit in [max.as_str(), "50000000000000"] {
            let run = wiredex(&[
                command, "japan", "--limit", limit, "--json", "--index", index,
            ]);
            assert_eq!(run.code, 0, "{command} --limit {limit}: {}", run.stderr);
            assert_eq!(
                run.stdout.lines().count(),
                every,
                "{command} --limit {limit}"
            );
        }
        for offset in [max.as_str(), "50000000000000"] {
            let run = wiredex(&[
                command, "japan", "--offset", offset, "--limit", &max, "--json", "--index", index,
            ]);
            // Every match is before the offset: found (exit 0 counts matches), nothing listed.
            assert_eq!(run.code, 0, "{command} --offset {offset}: {}", run.stderr);
            assert_eq!(run.stdout, "", "{command} --offset {offset}");
        }
        let one = wiredex(&[
            command, "japan", "--offset", "1", "--limit", &max, "--json", "--index", index,
        ]);
        assert_eq!(
            one.stdout.lines().count(),
            every - 1,
            "{command} --offset 1"
        );
    }
    let people = wiredex(&["people", "--limit", &max, "--json", "--index", index]);
    assert_eq!(people.code, 0, "{}", people.stderr);
}

/// A folder of its own under the scratch folder, emptied first.
fn folder(name: &str) -> std::path::PathBuf {
    let dir = crate::harness::scratch().join("hostile").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch folder");
    dir
}

#[test]
fn quotes_per_article_are_capped() {
    // Mixed quote marks on one line made extraction quadratic (7 MB took 85 s): each quote
    // looked back over every earlier quote of its paragraph.
    let dir = folder("quotes");
    let line = "“We will not agree to this,\" he said. ".repeat(3_000);
    let file = dir.join("many-quotes.txt");
    std::fs::write(
        &file,
        format!("Talks stall\n\nMOSCOW, March 3 (Reuters) - {line}\n"),
    )
    .unwrap();
    let run = crate::harness::ok(&["parse", "--json", crate::harness::s(&file)]);
    let articles: Vec<wiredex::Article> = run.json_lines();
    assert_eq!(articles.len(), 1);
    assert_eq!(
        articles[0].quotes.len(),
        wiredex::article::quotes::MAX_QUOTES
    );
}

#[test]
fn deeply_nested_html_keeps_its_paragraph() {
    // 1.1 MB of unclosed tags took 162 s and lost the page's only paragraph.
    let dir = folder("html");
    let story = "<p>MOSCOW, March 3 (Reuters) - Russia and Japan agreed on Tuesday to hold talks on a peace treaty, officials said.</p>";
    for (name, tag) in [
        ("divs", "<div>"),
        ("lists", "<ul><li>"),
        ("mixed", "<div><span><b>"),
    ] {
        let page = format!(
            "<html><head><title>Peace talks</title></head><body>{}{story}</body></html>",
            tag.repeat(1_100_000 / tag.len())
        );
        std::fs::write(dir.join(format!("{name}.html")), page).unwrap();
    }
    let run = crate::harness::ok(&["parse", "--json", crate::harness::s(&dir)]);
    let articles: Vec<wiredex::Article> = run.json_lines();
    assert_eq!(articles.len(), 3, "{}", run.stderr);
    for article in &articles {
        assert_eq!(article.headline, "Peace talks");
        assert!(
            article.body.contains("Russia and Japan agreed on Tuesday"),
            "{}: {}",
            article.path,
            article.body
        );
    }
}

#[test]
fn csv_cells_that_spreadsheets_would_run_are_neutralised() {
    let dir = folder("csv");
    let files = dir.join("files");
    std::fs::create_dir_all(&files).unwrap();
    std::fs::write(
        files.join("formula.txt"),
        "=HYPERLINK(\"http://evil.example\",\"Click\")\n\nMOSCOW, March 3 (Reuters) - Russia and Japan agreed on Tuesday to hold talks on a peace treaty, officials said.\n",
    )
    .unwrap();
    let index = dir.join("index");
    let index = crate::harness::s(&index);
    crate::harness::ok(&["index", crate::harness::s(&files), "--index", index]);
    let run = crate::harness::ok(&["search", "treaty", "--format", "csv", "--index", index]);
    let mut reader = ::csv::Reader::from_reader(run.stdout.as_bytes());
    let headers = reader.headers().unwrap().clone();
    let column = headers.iter().position(|h| h == "headline").unwrap();
    let rows: Vec<::csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 1);
    assert_eq!(
        &rows[0][column],
        "'=HYPERLINK(\"http://evil.example\",\"Click\")"
    );
}

#[cfg(unix)]
#[test]
fn names_that_are_not_utf8_keep_json_and_reports_valid() {
    use std::os::unix::ffi::OsStrExt;
    let dir = folder("names");
    let files = dir.join("files");
    std::fs::create_dir_all(&files).unwrap();
    let story = "Peace talks\n\nMOSCOW, March 3 (Reuters) - Russia and Japan agreed on Tuesday to hold talks on a peace treaty, officials said.\n";
    // Latin-1 `café` and `cafè`: one byte apart, both invalid UTF-8.
    for name in [&b"caf\xe9.txt"[..], b"caf\xe8 2.txt"] {
        std::fs::write(files.join(std::ffi::OsStr::from_bytes(name)), story).unwrap();
    }
    std::fs::write(
        files.join(std::ffi::OsStr::from_bytes(b"bad\xff.bin")),
        b"\0\x01",
    )
    .unwrap();
    let root = crate::harness::s(&files);
    let report = dir.join("report.jsonl");
    let index = dir.join("index");
    crate::harness::ok(&[
        "index",
        root,
        "--index",
        crate::harness::s(&index),
        "--report",
        crate::harness::s(&report),
    ]);
    let lines: Vec<serde_json::Value> = std::fs::read_to_string(&report)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect();
    let mut paths: Vec<String> = lines
        .iter()
        .map(|l| l["path"].as_str().unwrap().to_string())
        .collect();
    paths.sort();
    assert_eq!(
        paths,
        [
            format!("{root}/bad\\xFF.bin"),
            format!("{root}/caf\\xE8 2.txt"),
            format!("{root}/caf\\xE9.txt"),
        ]
    );
    let run = crate::harness::ok(&["parse", "--json", root]);
    let articles: Vec<wiredex::Article> = run.json_lines();
    let mut paths: Vec<&str> = articles.iter().map(|a| a.path.as_str()).collect();
    paths.sort();
    assert_eq!(
        paths,
        [
            format!("{root}/caf\\xE8 2.txt"),
            format!("{root}/caf\\xE9.txt")
        ]
    );
    assert!(
        run.stderr.contains(&format!(
            "wiredex: skipped {root}/bad\\xFF.bin: unsupported file type"
        )),
        "{}",
        run.stderr
    );
}

/// Runs `wiredex` as a user who may not write to files root made: itself when not root, else
/// `nobody` through `setpriv`; `None` (after saying why) when neither is possible.
#[cfg(unix)]
fn as_unprivileged(args: &[&str]) -> Option<crate::harness::Run> {
    use std::process::Command;
    let root = Command::new("id").arg("-u").output().ok()?.stdout == b"0\n";
    let mut command = if root {
        if Command::new("setpriv").arg("--version").output().is_err() {
            eprintln!("skipping: running as root and setpriv is not installed");
            return None;
        }
        let mut c = Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups"]);
        c.arg(env!("CARGO_BIN_EXE_wiredex"));
        c
    } else {
        Command::new(env!("CARGO_BIN_EXE_wiredex"))
    };
    let output = command
        .args(args)
        .current_dir("/")
        .env_remove("WIREDEX_INDEX")
        .env("NO_COLOR", "1")
        .output()
        .expect("runs");
    Some(crate::harness::Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    })
}

#[cfg(unix)]
#[test]
fn a_read_only_index_can_be_searched() {
    use std::os::unix::fs::PermissionsExt;
    // A folder anyone can read (the scratch folder is the test user's alone).
    let dir = tempfile::Builder::new()
        .prefix("wiredex-ro")
        .tempdir()
        .unwrap();
    let chmod = |path: &std::path::Path, mode: u32| {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
    };
    chmod(dir.path(), 0o755);
    let index = dir.path().join("index");
    let index_arg = crate::harness::s(&index);
    crate::harness::ok(&["index", "corpus", "--index", index_arg]);
    // As copied from a CD: no lock files, nothing writable.
    for lock in [".tantivy-meta.lock", ".tantivy-writer.lock", "wiredex.lock"] {
        let _ = std::fs::remove_file(index.join(lock));
    }
    for entry in std::fs::read_dir(&index).unwrap() {
        chmod(&entry.unwrap().path(), 0o444);
    }
    chmod(&index, 0o555);
    let runs = [
        vec!["search", "japan", "--index", index_arg],
        vec!["quotes", "--by", "Voronin", "--index", index_arg],
        vec!["people", "--index", index_arg],
        vec!["timeline", "japan", "--index", index_arg],
        vec!["stats", "--index", index_arg],
    ];
    for args in runs {
        let Some(run) = as_unprivileged(&args) else {
            return;
        };
        assert_eq!(run.code, 0, "{args:?}: {}{}", run.stdout, run.stderr);
    }
    assert!(!index.join(".tantivy-meta.lock").exists());
    chmod(&index, 0o755);
}

#[test]
fn words_with_apostrophes_search_as_words() {
    let index = corpus_index();
    let articles = crate::harness::corpus_articles();
    for word in ["China's", "Japan's", "don't", "by:O'Brien"] {
        let run = wiredex(&["search", word, "--all", "--json", "--index", index]);
        assert!(run.code <= 1, "{word}: {}", run.stderr);
        let hits: Vec<serde_json::Value> = run.json_lines();
        let mut ids: Vec<&str> = hits
            .iter()
            .map(|h| h["article"]["id"].as_str().unwrap())
            .collect();
        ids.sort();
        if word.contains(':') {
            continue;
        }
        // Every article holding the word as typed is found (collapsed copies aside).
        let holding: Vec<&wiredex::Article> = articles
            .iter()
            .filter(|a| a.body.contains(word) || a.headline.contains(word))
            .collect();
        assert!(!holding.is_empty(), "{word}");
        assert!(!ids.is_empty(), "{word}");
    }
}

#[test]
fn queries_may_start_with_a_minus() {
    let index = corpus_index();
    let flagged = wiredex(&["search", "--json", "tokyo", "-sochi", "--index", index]);
    // A second word is a second argument: the query needs quotes, as the help says.
    assert_eq!(flagged.code, 2);
    let plain = crate::harness::ok(&[
        "search",
        "tokyo -sochi",
        "--all",
        "--json",
        "--index",
        index,
    ]);
    for args in [
        vec![
            "search",
            "-sochi tokyo",
            "--all",
            "--json",
            "--index",
            index,
        ],
        vec![
            "search",
            "--all",
            "--json",
            "--index",
            index,
            "--",
            "-sochi tokyo",
        ],
    ] {
        let run = crate::harness::ok(&args);
        assert_eq!(run.stdout, plain.stdout, "{args:?}");
    }
    for command in ["quotes", "people", "timeline"] {
        let run = wiredex(&[command, "-sochi tokyo", "--index", index]);
        assert!(run.code <= 1, "{command}: {}", run.stderr);
    }
    assert_eq!(
        error_of(&["search", "-japan", "--index", index]),
        "wiredex: invalid query '-japan': a query of only excluded terms matches nothing: add a term to search for"
    );
}

#[test]
fn indexing_a_missing_folder_creates_no_index() {
    let dir = folder("missing");
    let index = dir.join("index");
    let report = dir.join("report.jsonl");
    assert_eq!(
        error_of(&[
            "index",
            "/nonexistent/wires",
            "--index",
            crate::harness::s(&index),
            "--report",
            crate::harness::s(&report),
        ]),
        "wiredex: /nonexistent/wires: no such file or folder; expected folders or files of articles to index (no index was created)"
    );
    assert!(!index.exists());
    assert!(!report.exists());
}

#[test]
fn search_shows_a_short_id_that_show_takes_as_any_unique_prefix() {
    let index = corpus_index();
    let human = crate::harness::ok(&["search", "japan", "--limit", "1", "--index", index]);
    let json = crate::harness::ok(&[
        "search", "japan", "--limit", "1", "--json", "--index", index,
    ]);
    let hits: Vec<serde_json::Value> = json.json_lines();
    let id = hits[0]["article"]["id"].as_str().unwrap().to_string();
    let headline = hits[0]["article"]["headline"].as_str().unwrap();
    let first = human.stdout.lines().nth(2).unwrap();
    assert!(first.starts_with(&format!("{}  ", &id[..10])), "{first}");
    for given in [id.clone(), id[..10].to_string(), id[..10].to_uppercase()] {
        let shown = crate::harness::ok(&["show", &given, "--index", index]);
        assert!(shown.stdout.contains(headline), "{given}");
    }
    // A prefix several articles share names them.
    let mut ids: Vec<String> = crate::harness::corpus_articles()
        .iter()
        .map(|a| a.id.clone())
        .collect();
    ids.sort();
    ids.dedup();
    let shared = ids
        .chunk_by(|a, b| a[..2] == b[..2])
        .find(|group| (2..=5).contains(&group.len()))
        .expect("two corpus ids share two digits");
    let prefix = &shared[0][..2];
    assert_eq!(
        error_of(&["show", prefix, "--index", index]),
        format!(
            "wiredex: article id '{prefix}' is ambiguous: {} articles' ids start with it ({}); give more of its 16 hex digits",
            shared.len(),
            shared.join(", ")
        )
    );
}

#[test]
fn many_skipped_files_are_summarised_by_reason_with_details_in_the_report() {
    let dir = folder("skips");
    let files = dir.join("files");
    std::fs::create_dir_all(&files).unwrap();
    std::fs::write(
        files.join("story.txt"),
        "Peace talks\n\nMOSCOW, March 3 (Reuters) - Russia and Japan agreed on Tuesday to hold talks on a peace treaty, officials said.\n",
    )
    .unwrap();
    for i in 0..12 {
        std::fs::write(files.join(format!("empty-{i}.txt")), "").unwrap();
    }
    for i in 0..3 {
        std::fs::write(files.join(format!("photo-{i}.jpg")), b"\xff\xd8\xff\xe0").unwrap();
    }
    let index = dir.join("index");
    let report = dir.join("report.jsonl");
    let (files, index, report) = (
        crate::harness::s(&files),
        crate::harness::s(&index),
        crate::harness::s(&report),
    );
    let run = crate::harness::ok(&["index", files, "--index", index, "--report", report]);
    assert_eq!(
        run.stdout.lines().skip(2).collect::<Vec<_>>(),
        [
            format!("skipped 15 files or records, by reason (each is listed in {report}):"),
            "  12  empty file".to_string(),
            "   3  unsupported file type (expected text, JSON, JSON Lines, Reuters SGML, NITF, NewsML, RSS, Atom, ANPA, CSV, HTML or gzip)".to_string(),
        ]
    );
    let listed = std::fs::read_to_string(report).unwrap();
    assert_eq!(
        listed
            .lines()
            .filter(|l| l.contains("\"reason\":\"empty file\""))
            .count(),
        12
    );
    let again = crate::harness::wiredex(&["index", files, "--index", index, "--rebuild"]);
    assert!(
        again.stdout.contains(
            "skipped 15 files or records, by reason (run again with --report FILE to list each):\n"
        ),
        "{}",
        again.stdout
    );
}

/// A copy of the corpus index in a folder of its own.
fn index_copy(name: &str) -> std::path::PathBuf {
    let dir = folder(name);
    for entry in std::fs::read_dir(corpus_index()).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), dir.join(entry.file_name())).unwrap();
    }
    dir
}

/// The first file of `dir` whose name ends with `extension`.
fn segment_file(dir: &std::path::Path, extension: &str) -> std::path::PathBuf {
    let mut files: Vec<std::path::PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(extension))
        .collect();
    files.sort();
    files.remove(0)
}

#[test]
fn check_finds_each_kind_of_damage_and_names_the_way_out() {
    let sound = index_copy("check-sound");
    let run = crate::harness::ok(&["check", "--index", crate::harness::s(&sound)]);
    assert!(
        run.stdout.ends_with("\nno problems found\n"),
        "{}",
        run.stdout
    );
    let name = |p: &std::path::Path| p.file_name().unwrap().to_string_lossy().into_owned();
    type Damage = fn(&std::path::Path) -> String;
    let cases: Vec<(&str, Damage)> = vec![
        ("zeroed-store", |dir| {
            let store = segment_file(dir, ".store");
            let mut bytes = std::fs::read(&store).unwrap();
            // The middle of the file, whatever its size: its checksum no longer matches.
            let n = bytes.len();
            bytes[n / 10..n * 9 / 10].fill(0);
            std::fs::write(&store, bytes).unwrap();
            format!(
                "{}: damaged: its checksum does not match its content",
                store.file_name().unwrap().to_string_lossy()
            )
        }),
        ("missing-pos", |dir| {
            let pos = segment_file(dir, ".pos");
            std::fs::remove_file(&pos).unwrap();
            format!("{}: missing", pos.file_name().unwrap().to_string_lossy())
        }),
        ("missing-meta", |dir| {
            std::fs::remove_file(dir.join("wiredex.json")).unwrap();
            "wiredex.json: missing".to_string()
        }),
        ("garbled-meta", |dir| {
            std::fs::write(dir.join("wiredex.json"), "{schema").unwrap();
            "wiredex.json: damaged: expected {\"schema_version\": N}".to_string()
        }),
        ("cut-manifest", |dir| {
            let path = dir.join("wiredex-manifest.jsonl");
            let text = std::fs::read_to_string(&path).unwrap();
            let lines: Vec<&str> = text.lines().collect();
            let cut = format!("{}\n{}\n{}\n", lines[0], lines[1], &lines[2][..10]);
            std::fs::write(&path, cut).unwrap();
            "wiredex-manifest.jsonl: damaged at line 3 (EOF while parsing a string at line 1 column 10)".to_string()
        }),
        ("manifest-without-a-file", |dir| {
            let path = dir.join("wiredex-manifest.jsonl");
            let text = std::fs::read_to_string(&path).unwrap();
            let entries: Vec<serde_json::Value> = text
                .lines()
                .skip(1)
                .map(|l| serde_json::from_str(l).unwrap())
                .collect();
            // A file whose articles no other file also holds.
            let count = |id: &serde_json::Value| {
                entries
                    .iter()
                    .filter(|e| e["articles"].as_array().is_some_and(|a| a.contains(id)))
                    .count()
            };
            let (n, gone) = entries
                .iter()
                .enumerate()
                .find(|(_, e)| {
                    e["articles"]
                        .as_array()
                        .is_some_and(|a| a.len() == 1 && count(&a[0]) == 1)
                })
                .unwrap();
            let kept: Vec<&str> = text
                .lines()
                .enumerate()
                .filter(|(i, _)| *i != n + 1)
                .map(|(_, l)| l)
                .collect();
            std::fs::write(&path, kept.join("\n") + "\n").unwrap();
            format!(
                "wiredex-manifest.jsonl: lists no file for 1 articles the index holds ({})",
                gone["articles"][0].as_str().unwrap()
            )
        }),
        ("missing-manifest", |dir| {
            std::fs::remove_file(dir.join("wiredex-manifest.jsonl")).unwrap();
            "wiredex-manifest.jsonl: missing: the index holds articles but no record of the files they came from, so articles of deleted files are never removed".to_string()
        }),
        ("missing-groups", |dir| {
            std::fs::remove_file(dir.join("wiredex-groups.bin")).unwrap();
            "wiredex-groups.bin: missing: near-duplicate stories are not collapsed, and counts include every copy".to_string()
        }),
        ("garbled-groups", |dir| {
            std::fs::write(dir.join("wiredex-groups.bin"), b"WDXGRP01\x07").unwrap();
            "wiredex-groups.bin: damaged: near-duplicate stories are not collapsed, and counts include every copy".to_string()
        }),
        ("stale-groups", |dir| {
            let path = dir.join("wiredex-groups.bin");
            let mut bytes = std::fs::read(&path).unwrap();
            let opstamp = u64::from_le_bytes(bytes[8..16].try_into().unwrap());
            bytes[8..16].copy_from_slice(&(opstamp + 5).to_le_bytes());
            std::fs::write(&path, bytes).unwrap();
            format!(
                "wiredex-groups.bin: made for commit {} but the index is at commit {opstamp}: near-duplicate groups are out of date",
                opstamp + 5
            )
        }),
    ];
    for (case, damage) in cases {
        let dir = index_copy(&format!("check-{case}"));
        let expected = damage(&dir);
        let shown = crate::harness::s(&dir);
        let run = wiredex(&["check", "--index", shown]);
        assert_eq!(run.code, 2, "{case}: {}{}", run.stdout, run.stderr);
        let problems: Vec<&str> = run.stdout.lines().skip(1).collect();
        assert_eq!(problems, [format!("  {expected}")], "{case}");
        assert_eq!(
            run.stderr.trim_end(),
            format!(
                "wiredex: index {shown} is damaged (1 problem): rebuild it from its folders with `wiredex index DIR... --rebuild --index {shown}`"
            ),
            "{case} ({})",
            name(&dir)
        );
    }
    assert_eq!(
        error_of(&["check", "--index", "/nonexistent/index"]),
        "wiredex: no index at /nonexistent/index: run `wiredex index DIR --index /nonexistent/index` first"
    );
}

#[test]
fn searching_a_damaged_index_names_check_and_rebuild() {
    let dir = index_copy("damaged-search");
    std::fs::remove_file(segment_file(&dir, ".pos")).unwrap();
    let shown = crate::harness::s(&dir);
    let message = error_of(&["quotes", "japan", "--index", shown]);
    assert!(
        message.ends_with(&format!(
            " (the index may be damaged: `wiredex check --index {shown}` says; `wiredex index DIR... --rebuild --index {shown}` rebuilds it)"
        )),
        "{message}"
    );
}

#[test]
fn near_of_any_distance_stays_within_a_sentence() {
    let index = corpus_index();
    let ids = |query: &str| {
        let run = wiredex(&["search", query, "--all", "--json", "--index", index]);
        assert!(run.code <= 1, "{query}: {}", run.stderr);
        let hits: Vec<serde_json::Value> = run.json_lines();
        let mut ids: Vec<String> = hits
            .iter()
            .map(|h| h["article"]["id"].as_str().unwrap().to_string())
            .collect();
        ids.sort();
        ids
    };
    let same = ids("russia SAME moscow");
    assert!(!same.is_empty());
    // NEAR/1000 and more reached across the gap between sentences.
    for near in [
        "russia NEAR/999 moscow",
        "russia NEAR/1000 moscow",
        "russia NEAR/100000 moscow",
    ] {
        assert_eq!(ids(near), same, "{near}");
    }
}

#[test]
fn an_index_that_lost_its_wiredex_json_can_be_rebuilt() {
    for (case, damage) in [("missing", None), ("garbled", Some("{schema"))] {
        let dir = index_copy(&format!("lost-meta-{case}"));
        match damage {
            None => std::fs::remove_file(dir.join("wiredex.json")).unwrap(),
            Some(text) => std::fs::write(dir.join("wiredex.json"), text).unwrap(),
        }
        let shown = crate::harness::s(&dir);
        assert_eq!(
            error_of(&["index", "corpus/upi", "--index", shown]),
            format!(
                "wiredex: index {shown}: wiredex.json is missing or damaged, but the folder holds a wiredex index: rebuild it with `wiredex index DIR... --rebuild --index {shown}`"
            ),
            "{case}"
        );
        crate::harness::ok(&["index", "corpus/upi", "--rebuild", "--index", shown]);
        crate::harness::ok(&["check", "--index", shown]);
    }
}

#[test]
fn agency_filters_repeat_and_take_an_agencys_other_names() {
    let index = corpus_index();
    let count = |agencies: &[&str]| {
        let mut args = vec![
            "search",
            "",
            "--all",
            "--json",
            "--no-collapse",
            "--index",
            index,
        ];
        for agency in agencies {
            args.extend(["--agency", agency]);
        }
        let run = wiredex(&args);
        assert!(run.code <= 1, "{agencies:?}: {}", run.stderr);
        run.stdout.lines().count()
    };
    let mut ids: Vec<(&str, &str)> = crate::harness::corpus_articles()
        .iter()
        .filter_map(|a| Some((a.agency.as_deref()?, a.id.as_str())))
        .collect();
    ids.sort();
    ids.dedup();
    let of = |names: &[&str]| ids.iter().filter(|(a, _)| names.contains(a)).count();
    assert!(of(&["ITAR-TASS"]) > 0 && of(&["TASS"]) > 0);
    for given in ["TASS", "itar-tass", "ТАСС"] {
        assert_eq!(count(&[given]), of(&["TASS", "ITAR-TASS"]), "{given}");
    }
    assert_eq!(count(&["AP", "Kyodo"]), of(&["AP", "Kyodo"]));
    assert_eq!(count(&["Reuters"]), of(&["Reuters"]));
}

#[test]
fn browsing_needs_no_query_and_star_is_every_article() {
    let index = corpus_index();
    let filters = [
        "--agency",
        "TASS",
        "--since",
        "2014",
        "--no-collapse",
        "--all",
        "--json",
    ];
    let run = |query: Option<&str>| {
        let mut args = vec!["search"];
        args.extend(query);
        args.extend(filters);
        args.extend(["--index", index]);
        crate::harness::ok(&args).stdout
    };
    let browsed = run(None);
    let since = chrono::NaiveDate::from_ymd_opt(2014, 1, 1).unwrap();
    let mut expected: Vec<&str> = crate::harness::corpus_articles()
        .iter()
        .filter(|a| matches!(a.agency.as_deref(), Some("TASS" | "ITAR-TASS")))
        .filter(|a| a.date.is_some_and(|d| d >= since))
        .map(|a| a.id.as_str())
        .collect();
    expected.sort();
    expected.dedup();
    assert_eq!(browsed.lines().count(), expected.len());
    assert_eq!(run(Some("*")), browsed);
    assert_eq!(run(Some("")), browsed);
    // Every article, and no quote documents.
    let all = crate::harness::ok(&[
        "search",
        "*",
        "--no-collapse",
        "--limit",
        "0",
        "--index",
        index,
    ]);
    let mut ids: Vec<&str> = crate::harness::corpus_articles()
        .iter()
        .map(|a| a.id.as_str())
        .collect();
    ids.sort();
    ids.dedup();
    assert_eq!(all.stdout, format!("0 of {} articles\n", ids.len()));
}

#[test]
fn index_refuses_to_add_to_an_index_missing_a_segment_file() {
    let dir = index_copy("index-damaged");
    let pos = segment_file(&dir, ".pos");
    std::fs::remove_file(&pos).unwrap();
    let shown = crate::harness::s(&dir);
    // Before: "unchanged", exit 0, while quotes failed.
    assert_eq!(
        error_of(&["index", "corpus", "--index", shown]),
        format!(
            "wiredex: index {shown}: damaged: {} missing; `wiredex check --index {shown}` lists what is wrong, and `wiredex index DIR... --rebuild --index {shown}` rebuilds it",
            pos.file_name().unwrap().to_string_lossy()
        )
    );
    crate::harness::ok(&["index", "corpus", "--rebuild", "--index", shown]);
    crate::harness::ok(&["check", "--index", shown]);
}

#[test]
fn a_city_as_a_topic_is_the_city_not_its_country() {
    let index = corpus_index();
    let quotes = |topic: &str| -> Vec<serde_json::Value> {
        let run = wiredex(&[
            "quotes",
            "--about",
            topic,
            "--all",
            "--json",
            "--no-collapse",
            "--index",
            index,
        ]);
        assert!(run.code <= 1, "{topic}: {}", run.stderr);
        run.json_lines()
    };
    let articles = crate::harness::corpus_articles();
    let moscow = quotes("Moscow");
    let russia = quotes("Russia");
    assert!(
        !moscow.is_empty() && moscow.len() < russia.len(),
        "{} of {}",
        moscow.len(),
        russia.len()
    );
    // Each names Moscow, in its words or in its article.
    for hit in &moscow {
        let text = hit["quote"]["text"].as_str().unwrap();
        let id = hit["quote"]["article_id"].as_str().unwrap();
        let article = articles.iter().find(|a| a.id == id).unwrap();
        assert!(
            text.contains("Moscow")
                || article.body.contains("Moscow")
                || article.headline.contains("Moscow"),
            "{text}"
        );
    }
    // A country still stands for its cities and demonyms.
    assert!(wiredex::query::Searcher::topic_terms("Russia").contains(&"Moscow".to_string()));
    assert_eq!(
        wiredex::query::Searcher::topic_terms(" moscow "),
        ["moscow"]
    );
}

#[test]
fn by_takes_titles_and_middle_initials_as_the_text_does() {
    let index = corpus_index();
    let quotes = |by: &str| {
        let run = wiredex(&["quotes", "--by", by, "--all", "--json", "--index", index]);
        assert!(run.code <= 1, "{by}: {}", run.stderr);
        run.stdout
    };
    let plain = quotes("Arkady Voronin");
    assert!(!plain.is_empty());
    for by in [
        "Foreign Minister Arkady Voronin",
        "Arkady V. Voronin",
        "Minister Arkady Voronin",
    ] {
        assert_eq!(quotes(by), plain, "{by}");
    }
    let cases = [
        ("President Trump", "Trump"),
        ("Donald J. Trump", "Donald Trump"),
        ("Sen. Marco Rubio", "Marco Rubio"),
        ("President", "President"),
        ("J. Smith", "J. Smith"),
    ];
    for (by, name) in cases {
        assert_eq!(wiredex::query::speaker_name(by), name, "{by}");
    }
}

#[test]
fn a_timeline_by_day_lists_every_day_asked_for() {
    let index = corpus_index();
    let run = crate::harness::ok(&[
        "timeline", "japan", "--by", "day", "--since", "2014-01", "--until", "2014-02", "--format",
        "json", "--index", index,
    ]);
    let rows: Vec<serde_json::Value> = serde_json::from_str(&run.stdout).unwrap();
    let days: Vec<&str> = rows.iter().map(|r| r["period"].as_str().unwrap()).collect();
    let first = chrono::NaiveDate::from_ymd_opt(2014, 1, 1).unwrap();
    let expected: Vec<String> = first
        .iter_days()
        .take(31 + 28)
        .map(|d| d.to_string())
        .collect();
    assert_eq!(days, expected);
}

#[test]
fn lost_groups_are_said_and_written_again_by_the_next_index_run() {
    let whole = wiredex(&[
        "search",
        "japan",
        "--json",
        "--all",
        "--index",
        corpus_index(),
    ]);
    for damage in [None, Some(&b"WDXGRP03\x07"[..])] {
        let dir = index_copy("lost-groups");
        let groups = dir.join("wiredex-groups.bin");
        match damage {
            None => std::fs::remove_file(&groups).unwrap(),
            Some(bytes) => std::fs::write(&groups, bytes).unwrap(),
        }
        let shown = crate::harness::s(&dir);
        for command in ["search", "quotes", "people", "timeline"] {
            let run = wiredex(&[command, "japan", "--index", shown]);
            assert_eq!(
                run.stderr,
                format!(
                    "wiredex: warning: {shown}/wiredex-groups.bin is missing or damaged, so near-duplicate stories are not collapsed and counts include every copy; `wiredex index DIR... --index {shown}` writes it again\n"
                ),
                "{command}"
            );
            let plain = wiredex(&[command, "japan", "--no-collapse", "--index", shown]);
            assert_eq!(plain.stderr, "", "{command} --no-collapse");
        }
        crate::harness::ok(&["index", "corpus", "--index", shown]);
        let again = crate::harness::ok(&["search", "japan", "--json", "--all", "--index", shown]);
        assert_eq!(again.stderr, "");
        assert_eq!(again.stdout, whole.stdout);
    }
}

#[test]
fn a_speakers_quotes_are_one_number_in_quotes_people_and_count_by() {
    // A story and its update, near-duplicates, the update one quotation longer. `people`
    // summed the quotes of the articles left after collapsing (the first story: 2), while
    // `quotes` and `--count-by speaker` count the quotations left after collapsing repeats (3).
    let dir = folder("one-count");
    let lead = "TALLINGRAD, March 3 (Reuters) - The harbour board of Tallingrad approved a new \
                container berth on Tuesday after two years of talks with shipping lines, port \
                unions and the city council, which had opposed the plan over traffic.";
    let paragraphs = [
        "“The berth opens next spring and will double what we handle,” board chairman \
         Tomas Vreeland told reporters after the vote.",
        "The berth will take ships of up to 14,000 containers. Work starts in April and the \
         board expects the first ship in the spring of next year.",
        "“We listened to the council and moved the gate away from the old town,” Vreeland said.",
        "The council's transport committee is due to review the new road plan in May.",
    ];
    let story = format!(
        "Tallingrad approves new berth\n\n{lead}\n\n{}\n",
        paragraphs.join("\n\n")
    );
    std::fs::write(dir.join("berth.txt"), &story).unwrap();
    let update =
        format!("{story}\n“No ship will wait more than a day at Tallingrad,” Vreeland added.\n");
    std::fs::write(dir.join("berth-update.txt"), update).unwrap();
    let index = dir.join("index");
    let (dir, index) = (crate::harness::s(&dir), crate::harness::s(&index));
    crate::harness::ok(&["index", dir, "--index", index, "-q"]);

    let run = crate::harness::ok(&["search", "tallingrad", "--index", index]);
    assert!(
        run.stdout.starts_with("1 of 1 article"),
        "not collapsed: {}",
        run.stdout
    );
    let people = crate::harness::ok(&["people", "--json", "--index", index]);
    let people: Vec<serde_json::Value> = people.json_lines();
    let vreeland = people
        .iter()
        .find(|p| p["name"] == "Tomas Vreeland")
        .expect("Vreeland in people");
    let quotes = crate::harness::ok(&[
        "quotes", "--by", "Vreeland", "--all", "--json", "--index", index,
    ]);
    let by_speaker = crate::harness::ok(&[
        "quotes",
        "--count-by",
        "speaker",
        "--json",
        "--index",
        index,
    ]);
    let by_speaker: Vec<serde_json::Value> = by_speaker.json_lines();
    let counted = by_speaker
        .iter()
        .find(|row| row["key"] == "Tomas Vreeland")
        .expect("Vreeland counted");
    assert_eq!(quotes.json_lines::<serde_json::Value>().len(), 3);
    assert_eq!(counted["count"], 3, "{by_speaker:?}");
    assert_eq!(vreeland["quotes"], 3, "{vreeland}");
}
