//! The hand-made gold of `tests/gold/`, scored as `wiredex-lab eval gold` scores it. Prints the
//! accuracy of each field and every error, and fails below the floors we hold ourselves to.

use crate::harness::{lab, project};

#[test]
fn gold_articles_are_extracted_accurately() {
    let scores = wiredex_lab::eval::gold::score_dir(&project().join("tests/gold"), project())
        .expect("tests/gold is readable");
    println!("{scores}");
    for error in &scores.errors {
        println!("  {error}");
    }
    assert!(scores.articles >= 15, "at least 15 gold articles");
    for (field, right) in [
        ("headline", scores.headline),
        ("deck", scores.deck),
        ("dateline", scores.dateline),
        ("date", scores.date),
        ("agency", scores.agency),
    ] {
        assert!(
            scores.field(right) >= 0.95,
            "{field} accuracy {:.3}",
            scores.field(right)
        );
    }
    assert!(
        scores.quote_f1() >= 0.95,
        "quote F1 {:.3}",
        scores.quote_f1()
    );
    assert!(
        scores.speaker_accuracy() >= 0.95,
        "speaker accuracy {:.3}",
        scores.speaker_accuracy()
    );
}

#[test]
fn eval_gold_prints_the_same_scores() {
    let run = lab(&["eval", "gold"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let scores =
        wiredex_lab::eval::gold::score_dir(&project().join("tests/gold"), project()).unwrap();
    assert_eq!(run.stdout.trim_end(), scores.to_string());
}
