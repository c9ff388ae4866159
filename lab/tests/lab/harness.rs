//! Running the `wiredex-lab` binary in the project folder, and a scratch folder for the run.

use std::path::Path;
use std::process::Command;
use std::sync::OnceLock;

/// What a run of the binary produced.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Runs `wiredex-lab` with `args` in the project folder (the workspace root).
pub fn lab(args: &[&str]) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_wiredex-lab"))
        .args(args)
        .current_dir(project())
        .env("NO_COLOR", "1")
        .output()
        .expect("the wiredex-lab binary runs");
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// The project folder: the workspace root, where `corpus/` and `tests/gold/` are.
pub fn project() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
}

/// A temporary folder that lives as long as the test binary.
pub fn scratch() -> &'static Path {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| tempfile::tempdir().expect("temp dir"))
        .path()
}

/// An index of `corpus/` built once through the library; returns it.
pub fn corpus_index() -> &'static wiredex::WireIndex {
    static INDEX: OnceLock<wiredex::WireIndex> = OnceLock::new();
    INDEX.get_or_init(|| {
        let (index, _) =
            wiredex::index::build(&scratch().join("corpus-index"), &[project().join("corpus")])
                .expect("corpus/ indexes");
        index
    })
}
