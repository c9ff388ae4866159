//! Running the binary, and one index of `corpus/` shared by the tests of this binary.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use wiredex::Article;

/// What a run of the binary produced.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// Standard output as JSON Lines.
    pub fn json_lines<T: serde::de::DeserializeOwned>(&self) -> Vec<T> {
        self.stdout
            .lines()
            .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}")))
            .collect()
    }
}

/// Runs `wiredex` with `args` in the project folder.
pub fn wiredex(args: &[&str]) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_wiredex"))
        .args(args)
        .current_dir(project())
        .env_remove("WIREDEX_INDEX")
        .env("NO_COLOR", "1")
        .output()
        .expect("the wiredex binary runs");
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// Runs `wiredex` with `args` and checks that it exited with 0.
pub fn ok(args: &[&str]) -> Run {
    let run = wiredex(args);
    assert_eq!(run.code, 0, "{args:?}: {}{}", run.stdout, run.stderr);
    run
}

/// A path as the `&str` an argument list wants (temporary paths are UTF-8).
pub fn s(path: &Path) -> &str {
    path.to_str().expect("utf-8 temp path")
}

/// The project folder.
pub fn project() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// `../shared/corpora/...` when present; `None` (after saying so) when not.
pub fn shared(relative: &str) -> Option<PathBuf> {
    let path = project().join("../shared").join(relative);
    if path.exists() {
        Some(path)
    } else {
        eprintln!(
            "skipping: ../shared/{relative} not found (the shared corpora are not on this machine)"
        );
        None
    }
}

/// A temporary folder that lives as long as the test binary.
///
/// It lives under cargo's temporary folder for integration tests (`target/tmp`), and each run
/// of the test binary first removes what the last run left: a static `TempDir` is never
/// dropped, so scratch folders in the system's temporary folder piled up run after run (the
/// indexing tests write thousands of files) until the disk was full.
pub fn scratch() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("e2e-scratch");
        if dir.exists() {
            std::fs::remove_dir_all(&dir).expect("the last run's scratch can be removed");
        }
        std::fs::create_dir_all(&dir).expect("scratch can be created");
        dir
    })
}

/// Every article of `corpus/`, as `wiredex parse` extracts it.
pub fn corpus_articles() -> &'static [Article] {
    static ARTICLES: OnceLock<Vec<Article>> = OnceLock::new();
    ARTICLES.get_or_init(|| {
        let run = wiredex(&["parse", "--json", "corpus"]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        run.json_lines()
    })
}

/// An index of `corpus/` built once with `wiredex index`; returns its path.
pub fn corpus_index() -> &'static str {
    static INDEX: OnceLock<String> = OnceLock::new();
    INDEX.get_or_init(|| {
        let path = scratch().join("corpus-index");
        let path = path.to_str().expect("utf-8 temp path").to_string();
        let run = wiredex(&["index", "corpus", "--index", &path]);
        assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
        path
    })
}

/// Lower-case words of a text, split as a search engine would.
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}
