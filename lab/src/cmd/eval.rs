//! `wiredex-lab eval`: extraction scored against gold — our own (`tests/gold/`), Reuters-21578
//! datelines, PolNeAR's attributed quotations, and the wire gold (`lab/gold/wire/`).

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Result;
use clap::{Args, Subcommand};

use wiredex_lab::eval::{self, polnear, reuters, wire};

/// Arguments of `wiredex-lab eval`.
#[derive(Debug, Args)]
pub struct EvalArgs {
    #[command(subcommand)]
    gold: GoldSource,
    /// List every error after the scores
    #[arg(long, global = true)]
    show: bool,
}

#[derive(Debug, Subcommand)]
enum GoldSource {
    /// Our hand-made gold: one JSON file per article (tests/gold/)
    Gold {
        /// Folder of gold files
        #[arg(default_value = "tests/gold", value_name = "DIR")]
        dir: PathBuf,
    },
    /// Reuters-21578 SGML files: dateline place and date of every record with a body
    Reuters {
        /// Folder holding reut2-*.sgm
        #[arg(value_name = "DIR")]
        dir: PathBuf,
    },
    /// PolNeAR: direct quotations and speakers of one split (train, dev or test)
    Polnear {
        /// PolNeAR's data folder (holding train/, dev/, test/)
        #[arg(value_name = "DIR")]
        dir: PathBuf,
        /// Which split to score; keep test for final scores
        #[arg(long, default_value = "dev")]
        split: String,
    },
    /// The wire gold: real Reuters-21578 and BBC News articles (headline, dateline, date, agency,
    /// people, quotes and speakers), scored per corpus and overall
    Wire {
        /// Folder of the wire gold (holding reuters21578/ and bbc/)
        #[arg(default_value = "lab/gold/wire", value_name = "DIR")]
        dir: PathBuf,
        /// Folder of the corpora the gold files point into
        #[arg(long, default_value = "../shared/corpora", value_name = "DIR")]
        corpora: PathBuf,
        /// Which split to score. Choose rules by dev only: test is for reporting, never for
        /// reading its errors to tune a rule
        #[arg(long, value_enum, default_value_t = wire::Split::Dev)]
        split: wire::Split,
    },
}

fn show(out: &mut impl Write, errors: &[String]) -> std::io::Result<()> {
    for error in errors {
        writeln!(out, "  {error}")?;
    }
    Ok(())
}

/// Fails when nothing was scored: a score over zero articles is not 100%, and a wrong folder
/// or split must not pass for a perfect extractor.
fn something_scored(count: usize, what: &str, dir: &Path) -> Result<()> {
    if count == 0 {
        anyhow::bail!(
            "nothing to score: no {what} found in {}; check the folder (and --split)",
            dir.display()
        );
    }
    Ok(())
}

/// Prints the scores; always "found". Scoring nothing is an error.
pub fn run(args: EvalArgs, out: &mut impl Write) -> Result<bool> {
    match args.gold {
        GoldSource::Gold { dir } => {
            let scores = eval::gold::score_dir(&dir, std::path::Path::new("."))?;
            something_scored(scores.articles, "gold articles", &dir)?;
            writeln!(out, "{scores}")?;
            if args.show {
                show(out, &scores.errors)?;
            }
        }
        GoldSource::Reuters { dir } => {
            let scores = reuters::score_dir(&dir)?;
            something_scored(scores.records, "Reuters-21578 records with a body", &dir)?;
            writeln!(out, "{scores}")?;
            if args.show {
                show(out, &scores.errors)?;
            }
        }
        GoldSource::Polnear { dir, split } => {
            let split_dir = dir.join(&split);
            let scores = polnear::score_split(&split_dir)?;
            something_scored(scores.articles, "PolNeAR articles", &split_dir)?;
            writeln!(out, "split             {split}")?;
            writeln!(out, "{scores}")?;
            if args.show {
                show(out, &scores.errors)?;
            }
        }
        GoldSource::Wire {
            dir,
            corpora,
            split,
        } => {
            let scores = wire::score_dir(&dir, &corpora, split)?;
            let articles = scores.corpora.iter().map(|(_, tally)| tally.articles).sum();
            something_scored(articles, "gold articles of this split", &dir)?;
            write!(out, "{scores}")?;
            if args.show {
                let errors: Vec<String> = scores.errors().cloned().collect();
                show(out, &errors)?;
            }
        }
    }
    Ok(true)
}
