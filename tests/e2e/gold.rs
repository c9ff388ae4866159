//! The hand-made gold of `tests/gold/`: `wiredex parse` output scored field by field. Prints the
//! accuracy of each field and fails below the floors we hold ourselves to.

use std::path::Path;

use wiredex::Article;
use wiredex::eval::{Gold, Scores, score};

use crate::harness::{project, wiredex};

#[test]
fn gold_articles_are_extracted_accurately() {
    let mut golds: Vec<Gold> = std::fs::read_dir(project().join("tests/gold"))
        .expect("tests/gold exists")
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "json"))
        .map(|path| {
            let text = std::fs::read_to_string(&path).unwrap();
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        })
        .collect();
    golds.sort_by(|a, b| (&a.file, a.record).cmp(&(&b.file, b.record)));
    assert!(golds.len() >= 15, "at least 15 gold articles");
    let mut scores = Scores::default();
    for gold in &golds {
        assert!(
            Path::new(&project().join(&gold.file)).exists(),
            "{}",
            gold.file
        );
        let run = wiredex(&["parse", "--json", &gold.file]);
        let articles: Vec<Article> = run.json_lines();
        let article = articles
            .iter()
            .find(|a| a.record == gold.record)
            .unwrap_or_else(|| panic!("{} record {} parsed", gold.file, gold.record));
        score(article, gold, &mut scores);
    }
    println!("{scores}");
    for error in &scores.errors {
        println!("  {error}");
    }
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
        scores.quote_f1() >= 0.90,
        "quote F1 {:.3}",
        scores.quote_f1()
    );
    assert!(
        scores.speaker_accuracy() >= 0.90,
        "speaker accuracy {:.3}",
        scores.speaker_accuracy()
    );
}
