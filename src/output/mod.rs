//! Rendering results to any `impl Write`: `human` for people at a terminal, `json` for programs.
//! Decides nothing about what matched; only how it looks.

pub mod chart;
pub mod csv;
pub mod human;
pub mod json;

/// The shape of a listing.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Format {
    /// Blocks and tables for people.
    #[default]
    Human,
    /// One JSON array.
    Json,
    /// JSON Lines: one object per line.
    Jsonl,
    /// CSV with a header row.
    Csv,
}

/// Whether to colour output.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ColorChoice {
    /// Colour when writing to a terminal.
    #[default]
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}

impl Format {
    /// Every format by the name `--format` gives it.
    pub const CHOICES: &'static [(&'static str, Format)] = &[
        ("human", Format::Human),
        ("json", Format::Json),
        ("jsonl", Format::Jsonl),
        ("csv", Format::Csv),
    ];
}

impl ColorChoice {
    /// Every choice by the name `--color` gives it.
    pub const CHOICES: &'static [(&'static str, ColorChoice)] = &[
        ("auto", ColorChoice::Auto),
        ("always", ColorChoice::Always),
        ("never", ColorChoice::Never),
    ];

    /// Resolves `auto` against whether standard output is a terminal (and `NO_COLOR`).
    pub fn enabled(self) -> bool {
        use std::io::IsTerminal;
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                std::env::var_os("NO_COLOR").is_none() && std::io::stdout().is_terminal()
            }
        }
    }
}
