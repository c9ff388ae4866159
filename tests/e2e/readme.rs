//! Every example in README.md, and in the docs pages that show commands (indexing, commands,
//! query language), runs as it is written.
//!
//! A page's fenced blocks with the info string `console` are transcripts: a line starting with
//! `$ ` is a command, and the lines after it up to the next `$ ` line are what it prints on
//! standard output, compared exactly, except that a line `...` stands for any number of lines.
//! Each page's commands run through `sh -c` in a scratch folder of its own holding fresh copies
//! of `corpus/`, `tests/fixtures/duplicates/`, `bench/workloads/` and the README's chart
//! (`docs/timeline-minister.svg`), with the folder of the `wiredex` binary under test first on
//! PATH and WIREDEX_INDEX unset, block after block in page order, so the block that indexes
//! builds the index the later blocks search. A command must also end with exit status 0 (an
//! example of an error shows the status with `; echo "exit status $?"`). Blocks whose commands
//! cannot run here (cargo set-up) use another info string, such as `sh`.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::harness::project;

/// One `$ ` line of a `console` block and the output shown under it.
struct Example {
    /// The command, without `$ `.
    command: String,
    /// Line number (1-based) of the command in its page.
    line: usize,
    /// The expected standard output, one entry per line.
    expected: Vec<String>,
}

/// The `console` blocks of a Markdown text, in order, each as its commands.
fn console_blocks(markdown: &str, page: &str) -> Vec<Vec<Example>> {
    let mut blocks = Vec::new();
    // The open block: its info string, the indentation of its fence, its examples.
    let mut current: Option<(String, usize, Vec<Example>)> = None;
    for (number, raw) in markdown.lines().enumerate() {
        let trimmed = raw.trim_start();
        if let Some(info) = trimmed.strip_prefix("```") {
            match current.take() {
                Some((_, _, examples)) => blocks.push(examples),
                None => {
                    let indent = raw.len() - trimmed.len();
                    current = Some((info.trim().to_string(), indent, Vec::new()));
                }
            }
            continue;
        }
        let Some((info, indent, examples)) = current.as_mut() else {
            continue;
        };
        if info != "console" {
            continue;
        }
        // A block indented inside a list item has that indentation in the Markdown only.
        let strip = raw.len() - raw.trim_start_matches(' ').len();
        let text = &raw[strip.min(*indent)..];
        if let Some(command) = text.strip_prefix("$ ") {
            examples.push(Example {
                command: command.to_string(),
                line: number + 1,
                expected: Vec::new(),
            });
        } else {
            let example = examples.last_mut().unwrap_or_else(|| {
                panic!("{page} line {}: output before any `$ ` command", number + 1)
            });
            example.expected.push(text.to_string());
        }
    }
    assert!(current.is_none(), "{page}: a fenced block is not closed");
    blocks.retain(|examples| !examples.is_empty());
    blocks
}

/// Where `actual` first departs from `expected`: the index into `expected` (its length when
/// `actual` has lines left over) and the actual line found there (`None`: output ended).
#[derive(Debug, PartialEq)]
struct Mismatch {
    expected: usize,
    actual: Option<String>,
}

/// Matches output lines against expected lines, `...` standing for any number of lines. On a
/// mismatch, reports the one that got furthest into `expected`.
fn compare(expected: &[String], actual: &[&str]) -> Result<(), Mismatch> {
    fn walk(expected: &[String], actual: &[&str], at: usize) -> Result<(), Mismatch> {
        match expected.first() {
            None if actual.is_empty() => Ok(()),
            None => Err(Mismatch {
                expected: at,
                actual: Some(actual[0].to_string()),
            }),
            Some(line) if line == "..." => {
                let mut furthest: Option<Mismatch> = None;
                for skip in 0..=actual.len() {
                    match walk(&expected[1..], &actual[skip..], at + 1) {
                        Ok(()) => return Ok(()),
                        Err(m) => {
                            if furthest.as_ref().is_none_or(|f| m.expected > f.expected) {
                                furthest = Some(m);
                            }
                        }
                    }
                }
                Err(furthest.expect("at least one attempt"))
            }
            Some(line) => match actual.first() {
                Some(got) if got == line => walk(&expected[1..], &actual[1..], at + 1),
                got => Err(Mismatch {
                    expected: at,
                    actual: got.map(|g| g.to_string()),
                }),
            },
        }
    }
    walk(expected, actual, 0)
}

/// Copies a folder and everything in it.
fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create scratch folder");
    for entry in std::fs::read_dir(from).expect("read folder") {
        let entry = entry.expect("folder entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("file type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy file");
        }
    }
}

/// PATH with the folder of the `wiredex` under test first.
fn path_with_binary() -> std::ffi::OsString {
    let binary = PathBuf::from(env!("CARGO_BIN_EXE_wiredex"));
    let folder = binary.parent().expect("binary folder").to_path_buf();
    let rest = std::env::var_os("PATH").unwrap_or_default();
    std::env::join_paths(std::iter::once(folder).chain(std::env::split_paths(&rest)))
        .expect("PATH joins")
}

/// Runs the `console` examples of one Markdown page of the project (`page`, relative to the
/// project folder) in a fresh scratch folder, and fails naming every command whose output or
/// exit status differs from what the page shows.
fn check_page(page: &str) {
    let markdown = std::fs::read_to_string(project().join(page))
        .unwrap_or_else(|e| panic!("read {page}: {e}"));
    let blocks = console_blocks(&markdown, page);
    let commands: usize = blocks.iter().map(Vec::len).sum();
    assert!(
        commands >= 3,
        "{page}: only {commands} `$ ` commands found in `console` blocks"
    );

    let scratch = tempfile::tempdir().expect("temp dir");
    for folder in ["corpus", "tests/fixtures/duplicates", "bench/workloads"] {
        copy_dir(&project().join(folder), &scratch.path().join(folder));
    }
    std::fs::create_dir(scratch.path().join("docs")).expect("create docs/");
    std::fs::copy(
        project().join("docs/timeline-minister.svg"),
        scratch.path().join("docs/timeline-minister.svg"),
    )
    .expect("copy the timeline chart");
    let path = path_with_binary();

    let mut failures = Vec::new();
    for example in blocks.iter().flatten() {
        let output = Command::new("sh")
            .arg("-c")
            .arg(&example.command)
            .current_dir(scratch.path())
            .env("PATH", &path)
            .env_remove("WIREDEX_INDEX")
            .output()
            .expect("sh runs");
        let stdout = String::from_utf8_lossy(&output.stdout);
        let stderr = String::from_utf8_lossy(&output.stderr);
        let actual: Vec<&str> = stdout.lines().collect();
        let where_ = format!("{page} line {}: `$ {}`", example.line, example.command);
        if !output.status.success() {
            failures.push(format!(
                "{where_}: exited with {}; stderr:\n{stderr}",
                output.status
            ));
            continue;
        }
        if let Err(m) = compare(&example.expected, &actual) {
            let wanted = match example.expected.get(m.expected) {
                Some(line) => format!("{page} line {}: `{line}`", example.line + 1 + m.expected),
                None => "the end of the output".to_string(),
            };
            let got = match &m.actual {
                Some(line) => format!("`{line}`"),
                None => "the end of the output".to_string(),
            };
            failures.push(format!(
                "{where_}: first differing line: expected {wanted}, got {got}\n\
                 whole output:\n{stdout}{stderr}"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {commands} examples of {page} differ from what they print:\n\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn readme_examples_print_what_the_readme_shows() {
    check_page("README.md");
}

#[test]
fn readme_indexing_page_examples_print_what_the_page_shows() {
    check_page("docs/indexing.md");
}

#[test]
fn readme_commands_page_examples_print_what_the_page_shows() {
    check_page("docs/commands.md");
}

#[test]
fn readme_query_language_page_examples_print_what_the_page_shows() {
    check_page("docs/query-language.md");
}

#[test]
fn readme_transcripts_match_lines_and_ellipses() {
    let lines = |text: &str| text.lines().map(str::to_string).collect::<Vec<_>>();
    assert_eq!(compare(&lines("a\nb"), &["a", "b"]), Ok(()));
    assert_eq!(compare(&lines("a\n...\nd"), &["a", "b", "c", "d"]), Ok(()));
    assert_eq!(compare(&lines("a\n..."), &["a"]), Ok(()));
    assert_eq!(compare(&lines("...\nd"), &["d"]), Ok(()));
    assert_eq!(
        compare(&lines("a\nb"), &["a", "c"]),
        Err(Mismatch {
            expected: 1,
            actual: Some("c".into())
        })
    );
    assert_eq!(
        compare(&lines("a\nb"), &["a"]),
        Err(Mismatch {
            expected: 1,
            actual: None
        })
    );
    assert_eq!(
        compare(&lines("a"), &["a", "b"]),
        Err(Mismatch {
            expected: 1,
            actual: Some("b".into())
        })
    );
    assert_eq!(
        compare(&lines("a\n...\nx\ny"), &["a", "b", "x", "z"]),
        Err(Mismatch {
            expected: 3,
            actual: Some("z".into())
        })
    );
}

#[test]
fn readme_console_blocks_are_read_with_their_output() {
    let markdown = "text\n```console\n$ one\nout 1\n...\n$ two\n```\n```sh\n$ not run\n```\n\
                    - item\n\n  ```console\n  $ three\n    out 3\n  ```\n";
    let blocks = console_blocks(markdown, "test.md");
    assert_eq!(blocks.len(), 2);
    assert_eq!(blocks[0][0].command, "one");
    assert_eq!(blocks[0][0].line, 3);
    assert_eq!(blocks[0][0].expected, ["out 1", "..."]);
    assert_eq!(blocks[0][1].command, "two");
    assert!(blocks[0][1].expected.is_empty());
    assert_eq!(blocks[1][0].command, "three");
    assert_eq!(blocks[1][0].expected, ["  out 3"]);
}
