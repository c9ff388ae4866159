//! `wiredex index DIR...`: bring the index up to date with folders of articles, with a progress
//! bar on a terminal, a summary on standard output and, with `--report FILE`, one JSON line
//! per file.

use std::fs::File;
use std::io::{BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, Result};
use clap::Args;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::args::IndexLocation;
use wiredex::index::{FileOutcome, Observer, UpdateOptions, Updater};
use wiredex::output::json;

/// Arguments of `wiredex index`.
#[derive(Debug, Args)]
pub struct IndexArgs {
    /// Folders or files to read (text, JSON, JSON Lines, feeds, CSV, HTML, gzip)
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
    #[command(flatten)]
    location: IndexLocation,
    /// Write the summary as one JSON object
    #[arg(long)]
    json: bool,
    /// Delete the index and read every file again (also replaces an index made by an older
    /// wiredex)
    #[arg(long)]
    rebuild: bool,
    /// Write what happened to every file to FILE, as JSON Lines
    #[arg(long, value_name = "FILE")]
    report: Option<PathBuf>,
    /// Print nothing but errors: no progress bar, no summary
    #[arg(short, long)]
    quiet: bool,
    /// Skip files larger than this: bytes, or with a K, M or G suffix (64M is 64 MiB)
    #[arg(long, value_name = "SIZE", default_value = "64M", value_parser = parse_size)]
    max_file_size: u64,
    /// Memory for the run's buffers (a quarter to tantivy's indexing buffers, a sixteenth to
    /// files read ahead); the file list and manifest add about 0.5 KB per file
    #[arg(long, value_name = "SIZE", default_value = "512M", value_parser = parse_size)]
    memory_budget: u64,
}

/// Reads a size such as `64M`, `512k`, `1G`, `2MiB` or `1000`.
fn parse_size(text: &str) -> Result<u64, String> {
    let invalid =
        || "expected a number of bytes, optionally with K, M or G (64M is 64 MiB)".to_string();
    let text = text.trim();
    let split = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let (digits, unit) = text.split_at(split);
    let number: u64 = digits.parse().map_err(|_| invalid())?;
    let unit = unit.trim().to_ascii_lowercase();
    let unit = unit
        .strip_suffix("ib")
        .or_else(|| unit.strip_suffix('b'))
        .unwrap_or(&unit);
    let shift = match unit {
        "" => 0,
        "k" => 10,
        "m" => 20,
        "g" => 30,
        _ => return Err(invalid()),
    };
    number.checked_mul(1 << shift).ok_or_else(invalid)
}

/// Updates the index and prints the summary; "found" when the files hold at least one article.
pub fn run(args: IndexArgs, out: &mut impl Write) -> Result<bool> {
    let path = args.location.path();
    // A mistyped folder made an empty index (and a report) before saying it was missing. Into
    // an index that exists, a missing folder is only skipped: it may be a disk not mounted, and
    // its articles are kept (see `Updater::run`).
    let missing = |p: &PathBuf| std::fs::symlink_metadata(p).is_err();
    if !path.exists() && args.paths.iter().all(missing) {
        anyhow::bail!(
            "{}: no such file or folder; expected folders or files of articles to index (no index was created)",
            args.paths
                .iter()
                .map(|p| wiredex::source::path_text(p).into_owned())
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    let mut report_file = match &args.report {
        Some(file) => Some((
            file.clone(),
            BufWriter::new(
                File::create(file)
                    .with_context(|| format!("cannot write the report to {}", file.display()))?,
            ),
        )),
        None => None,
    };
    let mut updater = Updater::open(&path, args.rebuild)?;
    let options = UpdateOptions {
        max_file_bytes: args.max_file_size,
        memory_budget: args.memory_budget,
        exclude: args.report.iter().cloned().collect(),
    };
    let show_progress = !args.quiet && std::io::stderr().is_terminal();
    let mut observer = Progress::new(show_progress, report_file.as_mut().map(|(_, w)| w));
    let result = updater.run(&args.paths, &options, &mut observer);
    observer.finish();
    let report = result?;
    if let Some(err) = observer.error.take() {
        let file = args.report.as_deref().unwrap_or(Path::new(""));
        return Err(err).with_context(|| format!("writing the report to {}", file.display()));
    }
    if let Some((file, mut writer)) = report_file {
        writer
            .flush()
            .with_context(|| format!("writing the report to {}", file.display()))?;
    }
    if args.json {
        json::write_line(out, &report)?;
    } else if !args.quiet {
        wiredex::output::human::write_report(out, &report, &path, args.report.as_deref())
            .context("writing the summary")?;
    }
    Ok(report.articles_held > 0)
}

/// The progress bar (files read of files to read, articles, MB/s) and the `--report` writer.
struct Progress<'a> {
    bar: Option<ProgressBar>,
    report: Option<&'a mut BufWriter<File>>,
    error: Option<std::io::Error>,
    articles: usize,
    bytes: u64,
    started: Instant,
}

impl<'a> Progress<'a> {
    fn new(show: bool, report: Option<&'a mut BufWriter<File>>) -> Progress<'a> {
        let bar = show.then(|| {
            let bar = ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::stderr());
            let style = ProgressStyle::with_template(
                "{spinner} [{elapsed_precise}] {wide_bar} {pos}/{len} files  {msg}",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar());
            bar.set_style(style);
            // Files arrive a batch at a time; the spinner and clock show the run is alive.
            bar.enable_steady_tick(std::time::Duration::from_millis(100));
            bar
        });
        Progress {
            bar,
            report,
            error: None,
            articles: 0,
            bytes: 0,
            started: Instant::now(),
        }
    }

    fn finish(&mut self) {
        if let Some(bar) = self.bar.take() {
            bar.finish_and_clear();
        }
    }
}

impl Observer for Progress<'_> {
    fn planned(&mut self, files: usize, _bytes: u64) {
        if let Some(bar) = &self.bar {
            bar.set_length(files as u64);
        }
    }

    fn file(&mut self, outcome: &FileOutcome) {
        if let Some(report) = self.report.as_mut().filter(|_| self.error.is_none()) {
            let line = serde_json::to_writer(&mut **report, outcome)
                .map_err(std::io::Error::from)
                .and_then(|()| report.write_all(b"\n"));
            if let Err(err) = line {
                self.error = Some(err);
            }
        }
        if let Some(bar) = &self.bar {
            self.articles += outcome.articles * usize::from(outcome.change.is_some());
            self.bytes += outcome.bytes_read;
            if outcome.read {
                bar.inc(1);
            }
            let seconds = self.started.elapsed().as_secs_f64().max(0.001);
            bar.set_message(format!(
                "{} articles  {:.1} MB/s",
                self.articles,
                self.bytes as f64 / 1e6 / seconds
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_take_binary_suffixes_and_refuse_the_rest() {
        let cases = [
            ("1000", Ok(1000)),
            ("64M", Ok(64 << 20)),
            ("64m", Ok(64 << 20)),
            ("512K", Ok(512 << 10)),
            ("2MiB", Ok(2 << 20)),
            ("1GB", Ok(1 << 30)),
            ("0", Ok(0)),
            ("12Q", Err(())),
            ("M", Err(())),
            ("-1", Err(())),
            ("99999999999G", Err(())),
        ];
        for (input, expected) in cases {
            assert_eq!(parse_size(input).map_err(|_| ()), expected, "{input}");
        }
        assert_eq!(
            parse_size("x").unwrap_err(),
            "expected a number of bytes, optionally with K, M or G (64M is 64 MiB)"
        );
    }
}
