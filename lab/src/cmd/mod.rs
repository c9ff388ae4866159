//! The lab's subcommands, one file each: an `Args` struct (clap derive) and a `run`.

pub mod bench;
pub mod eval;
pub mod generate;
