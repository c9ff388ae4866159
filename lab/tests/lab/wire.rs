//! The wire gold (`lab/gold/wire/`), scored as `wiredex-lab eval wire` scores it, when the corpora
//! it points into (`../shared/corpora`) are on this machine. No score floors yet: the table's
//! shape and the article counts of the dev split are checked.

use crate::harness::{lab, project};

fn corpora_present() -> bool {
    let corpora = project().join("../shared/corpora");
    if !corpora.join("reuters21578").exists() || !corpora.join("bbc-news-2225").exists() {
        println!(
            "skipping: {} (Reuters-21578 and BBC News) not found",
            corpora.display()
        );
        return false;
    }
    true
}

/// The words of the table row whose label is `label`.
fn row<'a>(table: &'a str, label: &str) -> Vec<&'a str> {
    table
        .lines()
        .find(|l| l.starts_with(label) && l[label.len()..].starts_with(' '))
        .unwrap_or_else(|| panic!("no row {label:?} in\n{table}"))
        .split_whitespace()
        .skip(label.split_whitespace().count())
        .collect()
}

#[test]
fn eval_wire_scores_the_dev_split_per_corpus() {
    if !corpora_present() {
        return;
    }
    let run = lab(&["eval", "wire", "--split", "dev"]);
    println!("{}", run.stdout);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let table = run.stdout.as_str();
    assert_eq!(row(table, "split"), ["dev"]);
    let header: Vec<&str> = table.lines().nth(1).unwrap().split_whitespace().collect();
    assert_eq!(header, ["reuters21578", "bbc", "all"]);
    assert_eq!(row(table, "articles"), ["52", "52", "104"]);
    for label in [
        "headline",
        "dateline",
        "date",
        "agency",
        "people P",
        "people R",
        "quotes P",
        "quotes R",
        "speaker",
        "  person",
        "  organisation",
        "  no speaker",
        "  cue name",
        "  cue pronoun",
        "  cue description",
        "  cue none",
        "quotes by X P",
        "quotes by X R",
    ] {
        let cells = row(table, label);
        // Each corpus and the overall column: `97.2% (276/284)`.
        assert_eq!(cells.len(), 6, "row {label:?}: {cells:?}");
        for pair in cells.chunks(2) {
            assert!(
                pair[0].ends_with('%') && pair[1].starts_with('(') && pair[1].contains('/'),
                "row {label:?}: {cells:?}"
            );
        }
    }
    for label in ["people F1", "quotes F1"] {
        let cells = row(table, label);
        assert_eq!(cells.len(), 3, "row {label:?}: {cells:?}");
        assert!(cells.iter().all(|c| c.ends_with('%')), "{cells:?}");
    }
    // The library gives the same table.
    let scores = wiredex_lab::eval::wire::score_dir(
        &project().join("lab/gold/wire"),
        &project().join("../shared/corpora"),
        wiredex_lab::eval::wire::Split::Dev,
    )
    .unwrap();
    assert_eq!(run.stdout, scores.to_string());
}

#[test]
fn eval_wire_show_lists_errors_by_article_id() {
    if !corpora_present() {
        return;
    }
    let run = lab(&["eval", "wire", "--split", "dev", "--show"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let errors: Vec<&str> = run
        .stdout
        .lines()
        .map(str::trim_start)
        .filter(|l| l.starts_with("reut2-") || l.starts_with("bbc-"))
        .collect();
    assert!(!errors.is_empty(), "{}", run.stdout);
}

#[test]
fn eval_wire_help_says_test_is_for_reporting_only() {
    let run = lab(&["eval", "wire", "--help"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("test is for reporting"),
        "{}",
        run.stdout
    );
}
