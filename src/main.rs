//! The `wiredex` binary: parse arguments, run the subcommand, print `wiredex: {err}` and exit
//! 0 (found), 1 (nothing found) or 2 (error), like grep. A closed pipe ends it quietly.

mod cmd;

use std::process::ExitCode;

use clap::Parser;

/// mimalloc instead of the system allocator: extraction and indexing allocate many small
/// strings, and glibc's malloc and free were a sixth of indexing time.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = cmd::Cli::parse();
    match cmd::run(cli) {
        Ok(code) => code,
        Err(err) => {
            let broken_pipe = err.chain().any(|cause| {
                cause
                    .downcast_ref::<std::io::Error>()
                    .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            });
            if broken_pipe {
                return ExitCode::SUCCESS;
            }
            eprintln!("wiredex: {err:#}");
            ExitCode::from(2)
        }
    }
}
