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
/// Under cargo's temporary folder for integration tests, emptied at the start of each run (a
/// static `TempDir` is never dropped, so scratch in the system's temporary folder piled up).
pub fn scratch() -> &'static Path {
    static DIR: OnceLock<std::path::PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("lab-scratch");
        if dir.exists() {
            std::fs::remove_dir_all(&dir).expect("the last run's scratch can be removed");
        }
        std::fs::create_dir_all(&dir).expect("scratch can be created");
        dir
    })
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
