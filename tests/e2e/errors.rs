//! Every message a user can see, asserted: bad queries, bad dates, missing or foreign indexes,
//! and every reason a file is skipped.

use std::fs;

use crate::harness::{corpus_index, scratch, wiredex};

fn error_of(args: &[&str]) -> String {
    let run = wiredex(args);
    assert_eq!(run.code, 2, "exit code of {args:?}: {}", run.stdout);
    run.stderr.trim_end().to_string()
}

#[test]
fn query_errors_quote_the_input_and_say_what_is_valid() {
    let index = corpus_index();
    // Each message, then the column of the `^` under the repeated query, when there is one.
    let cases = [
        (
            "japan colour:red",
            "unknown field 'colour:'; known fields are headline, deck, body, quote, agency, lang, place, person, speaker, date, by, dateline, people, title, text, atleastN (e.g. atleast3:sanctions)",
            Some(6),
        ),
        (
            "date:2014-13",
            "invalid date '2014-13' in date:, expected YYYY, YYYY-MM, YYYY-MM-DD or A..B",
            Some(5),
        ),
        (
            "\"peace treaty",
            "unclosed phrase: a '\"' has no partner",
            Some(0),
        ),
        (
            "putin NEAR/x abe",
            "'NEAR/x' needs a number of words, e.g. NEAR/5",
            Some(6),
        ),
        (
            "lavrov AND (",
            "syntax error; use words, \"phrases\", field:value, AND/OR/NOT between terms, +/-, and balanced parentheses",
            Some(12),
        ),
        (
            "lavrov OR",
            "syntax error; use words, \"phrases\", field:value, AND/OR/NOT between terms, +/-, and balanced parentheses",
            Some(7),
        ),
        (
            "treaty~",
            "'~N' goes after a \"phrase\" for proximity, e.g. \"putin abe\"~5",
            Some(6),
        ),
        (
            "japan && tokyo",
            "'&&' is not an operator here: use AND",
            Some(6),
        ),
        (
            "japan || tokyo",
            "'||' is not an operator here: use OR",
            Some(6),
        ),
        (
            "japan !tokyo",
            "'!' is not an operator here: use NOT or -",
            Some(6),
        ),
        (
            "lavr?v",
            "'?' wildcards are not supported: use a prefix such as lavr*",
            Some(4),
        ),
        (
            "-lavrov",
            "a query of only excluded terms matches nothing: add a term to search for",
            None,
        ),
    ];
    for (query, reason, column) in cases {
        let mut expected = format!("wiredex: invalid query '{query}': {reason}");
        if let Some(column) = column {
            expected.push_str(&format!("\n  {query}\n  {}^", " ".repeat(column)));
        }
        assert_eq!(
            error_of(&["search", "--index", index, "--", query]),
            expected
        );
    }
}

#[test]
fn unknown_article_ids_are_explained() {
    let index = corpus_index();
    assert_eq!(
        error_of(&["show", "0000", "--index", index]),
        format!(
            "wiredex: no article with id '0000' in {index}: ids are the hex digits `search` prints, or any start of them"
        )
    );
}

#[test]
fn bad_dates_name_the_flag() {
    let index = corpus_index();
    assert_eq!(
        error_of(&["search", "x", "--since", "2014-13", "--index", index]),
        "wiredex: invalid date '2014-13' in --since: expected YYYY, YYYY-MM or YYYY-MM-DD"
    );
    assert_eq!(
        error_of(&["quotes", "--until", "soon", "--index", index]),
        "wiredex: invalid date 'soon' in --until: expected YYYY, YYYY-MM or YYYY-MM-DD"
    );
}

#[test]
fn a_language_that_names_none_is_refused() {
    let index = corpus_index();
    assert_eq!(
        error_of(&["search", "x", "--lang", "klingon", "--index", index]),
        "wiredex: invalid language 'klingon' in --lang: expected an ISO 639-1 code (ru, en, fr, de, es, ...) or a language's name (Russian)"
    );
}

#[test]
fn empty_names_and_topics_are_refused() {
    let index = corpus_index();
    assert_eq!(
        error_of(&["quotes", "--by", " ", "--index", index]),
        "wiredex: invalid query ' ': --by needs a name, e.g. --by Lavrov"
    );
    assert_eq!(
        error_of(&["quotes", "--about", "...", "--index", index]),
        "wiredex: invalid query '...': --about needs a word, e.g. --about Japan"
    );
}

#[test]
fn missing_and_foreign_indexes_are_explained() {
    let missing = scratch().join("no-such-index");
    let missing = missing.to_str().unwrap();
    assert_eq!(
        error_of(&["stats", "--index", missing]),
        format!("wiredex: no index at {missing}: run `wiredex index DIR --index {missing}` first")
    );
    let foreign = scratch().join("foreign");
    fs::create_dir_all(&foreign).unwrap();
    fs::write(foreign.join("notes.txt"), "mine").unwrap();
    let foreign = foreign.to_str().unwrap();
    assert_eq!(
        error_of(&["index", "corpus/tass", "--index", foreign]),
        format!(
            "wiredex: index {foreign}: the folder is not empty and holds no wiredex index; choose another --index folder"
        )
    );
    let stranger = scratch().join("stranger");
    fs::create_dir_all(&stranger).unwrap();
    fs::write(stranger.join("meta.json"), "{}").unwrap();
    let stranger = stranger.to_str().unwrap();
    assert_eq!(
        error_of(&["stats", "--index", stranger]),
        format!(
            "wiredex: index {stranger}: not a wiredex index (wiredex.json is missing or unreadable)"
        )
    );
    let old = scratch().join("old-schema");
    let old_str = old.to_str().unwrap();
    assert_eq!(
        wiredex(&["index", "corpus/upi", "--index", old_str]).code,
        0
    );
    fs::write(old.join("wiredex.json"), "{\"schema_version\":1}").unwrap();
    assert_eq!(
        error_of(&["stats", "--index", old_str]),
        format!(
            "wiredex: index {old_str}: made by schema version 1 but this wiredex uses {}: rebuild it with `wiredex index DIR --rebuild --index {old_str}`",
            wiredex::index::SCHEMA_VERSION
        )
    );
}

#[test]
fn every_skipped_file_is_reported_with_its_reason() {
    let dir = scratch().join("bad-input");
    fs::create_dir_all(&dir).unwrap();
    fs::write(dir.join("empty.txt"), "  \n").unwrap();
    fs::write(dir.join("binary.txt"), b"ab\0cd").unwrap();
    fs::write(dir.join("photo.jpg"), b"\xff\xd8").unwrap();
    fs::write(dir.join("nav.txt"), "All news\n").unwrap();
    fs::write(dir.join("headline-only.txt"), "Just a headline\n").unwrap();
    fs::write(dir.join("broken.json"), "{\"title\": ").unwrap();
    fs::write(
        dir.join("feed.jsonl"),
        "{\"title\":\"Fine\",\"content\":[\"LONDON (Reuters) - Fine.\"]}\n{oops\n{\"title\":\"No body\"}\n",
    )
    .unwrap();
    fs::File::create(dir.join("huge.txt"))
        .unwrap()
        .set_len(wiredex::source::MAX_FILE_BYTES + 1)
        .unwrap();
    let index = scratch().join("bad-input-index");
    let dir_str = dir.to_str().unwrap();
    let missing = scratch().join("missing-folder");
    let run = wiredex(&[
        "index",
        dir_str,
        missing.to_str().unwrap(),
        "--index",
        index.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let expected = [
        format!(
            "indexed 1 articles with 0 quotes from 1 files into {}",
            index.display()
        ),
        "files: 1 new, 0 changed, 0 unchanged, 0 deleted, 8 skipped".to_string(),
        "skipped 10 files or records:".to_string(),
        format!("  {}: no such file or folder", missing.display()),
        format!("  {dir_str}/binary.txt: binary file (contains NUL bytes)"),
        format!(
            "  {dir_str}/broken.json: malformed JSON at line 1 column 10: EOF while parsing a value at line 1 column 10"
        ),
        format!("  {dir_str}/empty.txt: empty file"),
        format!(
            "  {dir_str}/feed.jsonl: malformed JSON at line 2: key must be a string at line 1 column 2"
        ),
        format!(
            "  {dir_str}/feed.jsonl: line 3: no body text (expected a non-empty content, text or body field)"
        ),
        format!("  {dir_str}/headline-only.txt: no body text after the headline"),
        format!("  {dir_str}/huge.txt: too large (67108865 bytes; the limit is 67108864)"),
        format!("  {dir_str}/nav.txt: no headline: only navigation lines"),
        format!(
            "  {dir_str}/photo.jpg: unsupported file type (expected text, JSON, JSON Lines, Reuters SGML, NITF, NewsML, RSS, Atom, ANPA, CSV, HTML or gzip)"
        ),
    ];
    assert_eq!(run.stdout.lines().collect::<Vec<_>>(), expected);
}

/// Whether this process reads files whatever their permission bits say (root does).
fn permissions_are_ignored(dir: &std::path::Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    let probe = dir.join("probe");
    fs::write(&probe, "x").unwrap();
    fs::set_permissions(&probe, fs::Permissions::from_mode(0o000)).unwrap();
    let readable = fs::read(&probe).is_ok();
    fs::remove_file(&probe).unwrap();
    readable
}

#[test]
fn special_files_broken_links_and_unreadable_paths_are_reported_not_fatal() {
    use std::os::unix::fs::PermissionsExt;
    let dir = scratch().join("special");
    fs::create_dir_all(dir.join("locked")).unwrap();
    let article = "Talks resume\n\nLONDON (Reuters) - Talks resumed on Monday.\n";
    fs::write(dir.join("good.txt"), article).unwrap();
    fs::write(
        dir.join("locked/inside.txt"),
        article.replace("Monday", "Friday"),
    )
    .unwrap();
    fs::write(
        dir.join("unreadable.txt"),
        article.replace("Monday", "Sunday"),
    )
    .unwrap();
    std::os::unix::fs::symlink(dir.join("nowhere.txt"), dir.join("dangling.txt")).unwrap();
    let _socket = std::os::unix::net::UnixListener::bind(dir.join("socket")).unwrap();
    let fifo = std::process::Command::new("mkfifo")
        .arg(dir.join("pipe"))
        .status()
        .is_ok_and(|s| s.success());
    let root = permissions_are_ignored(&dir);
    fs::set_permissions(
        dir.join("unreadable.txt"),
        fs::Permissions::from_mode(0o000),
    )
    .unwrap();
    fs::set_permissions(dir.join("locked"), fs::Permissions::from_mode(0o000)).unwrap();
    let index = scratch().join("special-index");
    let run = wiredex(&[
        "index",
        dir.to_str().unwrap(),
        "--index",
        index.to_str().unwrap(),
    ]);
    fs::set_permissions(dir.join("locked"), fs::Permissions::from_mode(0o755)).unwrap();
    fs::set_permissions(
        dir.join("unreadable.txt"),
        fs::Permissions::from_mode(0o644),
    )
    .unwrap();
    assert_eq!(run.code, 0, "{}", run.stderr);

    let d = dir.display();
    let mut skipped = vec![format!(
        "  {d}/dangling.txt: broken symbolic link (its target does not exist)"
    )];
    if !root {
        skipped.push(format!(
            "  {d}/locked: unreadable folder: Permission denied (os error 13)"
        ));
    }
    if fifo {
        skipped.push(format!("  {d}/pipe: not a regular file (named pipe)"));
    } else {
        eprintln!("skipping the named pipe case: mkfifo is not available");
    }
    skipped.push(format!("  {d}/socket: not a regular file (socket)"));
    if root {
        eprintln!(
            "running as root: permission bits do not stop root's reads, so the unreadable file and folder are indexed here and their messages are not tested"
        );
    } else {
        skipped.push(format!(
            "  {d}/unreadable.txt: unreadable: Permission denied (os error 13)"
        ));
    }
    let indexed = if root { 3 } else { 1 };
    let mut expected = vec![
        format!(
            "indexed {indexed} articles with 0 quotes from {indexed} files into {}",
            index.display()
        ),
        format!(
            "files: {indexed} new, 0 changed, 0 unchanged, 0 deleted, {} skipped",
            skipped.len()
        ),
        format!("skipped {} files or records:", skipped.len()),
    ];
    expected.extend(skipped);
    assert_eq!(run.stdout.lines().collect::<Vec<_>>(), expected);
}

#[test]
fn parse_reports_skipped_files_on_stderr() {
    let dir = scratch().join("parse-bad");
    fs::create_dir_all(&dir).unwrap();
    fs::write(dir.join("empty.txt"), "").unwrap();
    let run = wiredex(&["parse", dir.to_str().unwrap()]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stderr.trim_end(),
        format!("wiredex: skipped {}/empty.txt: empty file", dir.display())
    );
}

#[test]
fn an_index_folder_that_cannot_be_made_names_the_path() {
    let blocker = scratch().join("blocker");
    fs::write(&blocker, "a file where a folder should be").unwrap();
    let index = blocker.join("index");
    let message = error_of(&["index", "corpus/upi", "--index", index.to_str().unwrap()]);
    assert_eq!(
        message,
        format!(
            "wiredex: {}: Not a directory (os error 20)",
            index.display()
        )
    );
}

#[test]
fn symlink_loops_and_empty_records_are_reported() {
    let dir = scratch().join("loops");
    fs::create_dir_all(dir.join("inner")).unwrap();
    let link = dir.join("inner/back");
    if !link.exists() {
        std::os::unix::fs::symlink(&dir, &link).unwrap();
    }
    fs::write(
        dir.join("feed.jsonl"),
        "{\"title\":\"A\",\"content\":[\"LONDON (Reuters) - Text.\"]}\n{\"title\":\"B\",\"content\":[\"PARIS (AFP) - \"]}\n",
    )
    .unwrap();
    let index = scratch().join("loops-index");
    let run = wiredex(&[
        "index",
        dir.to_str().unwrap(),
        "--index",
        index.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(
        lines[1],
        "files: 1 new, 0 changed, 0 unchanged, 0 deleted, 1 skipped"
    );
    assert_eq!(lines[2], "skipped 2 files or records:");
    assert_eq!(
        lines[3],
        format!("  {}: symbolic link loop", link.display())
    );
    assert_eq!(
        lines[4],
        format!(
            "  {}: record 1: no body text after the headline",
            dir.join("feed.jsonl").display()
        )
    );
}

#[test]
fn output_that_cannot_be_written_is_an_error() {
    if !std::path::Path::new("/dev/full").exists() {
        eprintln!("skipping: /dev/full not found");
        return;
    }
    let out = fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_wiredex"))
        .args(["stats", "--index", corpus_index()])
        .stdout(out)
        .stderr(std::process::Stdio::piped())
        .output()
        .unwrap();
    assert_eq!(status.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&status.stderr).trim_end(),
        "wiredex: writing output: No space left on device (os error 28)"
    );
}
