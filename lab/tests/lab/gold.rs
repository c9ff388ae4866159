//! The hand-made gold of `tests/gold/`, scored as `wiredex-lab eval gold` scores it. Prints the
//! accuracy of each field and every error, and fails below the floors we hold ourselves to.

use crate::harness::{lab, project, scratch};

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

/// Issue 16: an empty gold folder scored "100%" and exited 0, so a wrong path passed for a
/// perfect extractor. Every scorer now says there was nothing to score, and fails.
#[test]
fn eval_of_nothing_says_so_and_fails() {
    let empty = scratch().join("empty-gold");
    for folder in ["reuters21578", "bbc", "dev/text", "dev/attributions"] {
        std::fs::create_dir_all(empty.join(folder)).unwrap();
    }
    let empty = empty.to_str().unwrap();
    for args in [
        vec!["eval", "gold", empty],
        vec!["eval", "reuters", empty],
        vec!["eval", "polnear", empty, "--split", "dev"],
        vec!["eval", "wire", empty, "--corpora", empty],
    ] {
        let run = lab(&args);
        assert_eq!(run.code, 2, "{args:?}: {}{}", run.stdout, run.stderr);
        assert!(
            run.stderr.contains("nothing to score"),
            "{args:?}: {}",
            run.stderr
        );
        assert!(!run.stdout.contains('%'), "{args:?}: {}", run.stdout);
    }
}

/// Issue 15's gold in Russian, French, German and Spanish (`tests/gold/languages/`): the
/// reading of headline, dateline, date and agency is held to 100%. Quotes, speakers and people
/// in these languages are scored and printed but hold no floor yet: their extraction is issue
/// 15's next part (Russian «…», — сказал; French « … », a déclaré; German „…“, sagte).
#[test]
fn gold_in_other_languages_reads_every_dateline() {
    let scores =
        wiredex_lab::eval::gold::score_dir(&project().join("tests/gold/languages"), project())
            .expect("tests/gold/languages is readable");
    println!("{scores}");
    assert!(
        scores.articles >= 36,
        "20 Russian, 16 French, German, Spanish"
    );
    for (field, right) in [
        ("headline", scores.headline),
        ("deck", scores.deck),
        ("dateline", scores.dateline),
        ("date", scores.date),
        ("agency", scores.agency),
    ] {
        assert_eq!(scores.field(right), 1.0, "{field}: {:?}", scores.errors);
    }
}
