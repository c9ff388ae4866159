//! The `wiredex-lab` binary: wiredex measured against the engines users would pick instead,
//! the corpus generator, and extraction scored against gold. Not part of what users install.

mod cmd;

/// The allocator the `wiredex` binary ships with, so that `bench` measures wiredex's ingest as
/// users run it (every engine of a run shares the process, and so the allocator).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// What measures wiredex: peer benchmarks, generated corpora, scores against gold.
#[derive(Debug, Parser)]
#[command(name = "wiredex-lab", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Measure wiredex's indexing and query speed beside raw tantivy, SQLite FTS5 and a file scan.
    Bench(cmd::bench::BenchArgs),
    /// Write synthetic wire articles for scale tests, with a workload of true counts.
    Generate(cmd::generate::GenerateArgs),
    /// Score extraction against gold: tests/gold, Reuters-21578, PolNeAR, the wire gold.
    Eval(cmd::eval::EvalArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let result = match cli.command {
        Command::Bench(args) => cmd::bench::run(args, &mut out),
        Command::Generate(args) => cmd::generate::run(args, &mut out).map(|_| ()),
        Command::Eval(args) => cmd::eval::run(args, &mut out).map(|_| ()),
    };
    let result = result.and_then(|()| std::io::Write::flush(&mut out).map_err(anyhow::Error::from));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("wiredex-lab: {err:#}");
            ExitCode::from(2)
        }
    }
}
