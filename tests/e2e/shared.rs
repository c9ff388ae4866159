//! The reference cases from `../shared`: the seed article and the 20 real TASS items. Each test
//! says so and passes when `../shared` is absent.

use serde_json::Value;

use crate::harness::{scratch, shared, wiredex};
use wiredex::Article;

#[test]
fn seed_article_is_fully_understood() {
    let Some(seed) = shared("seed/000_9a92334030ae7e30.txt") else {
        return;
    };
    let run = wiredex(&["parse", "--json", seed.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let articles: Vec<Article> = run.json_lines();
    let article = &articles[0];
    assert_eq!(
        article.headline,
        "Putin accepts invitation of Shinzo Abe to visit Japan"
    );
    assert_eq!(article.deck.as_deref(), Some("Date of visit not set yet"));
    assert_eq!(article.dateline.as_deref(), Some("Moscow"));
    assert_eq!(
        article.date.map(|d| d.to_string()).as_deref(),
        Some("2014-01-21")
    );
    assert!(article.year_inferred);
    assert_eq!(article.agency.as_deref(), Some("ITAR-TASS"));
    assert!(
        article
            .body
            .starts_with("Russian President Vladimir Putin accepted")
    );
    let people: Vec<&str> = article.people.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(people, ["Vladimir Putin", "Shinzo Abe", "Sergei Lavrov"]);
    assert_eq!(article.quotes.len(), 10, "{:#?}", article.quotes);
    for quote in &article.quotes {
        assert_eq!(
            quote.speaker.as_deref(),
            Some("Sergei Lavrov"),
            "{}",
            quote.text
        );
    }
}

#[test]
fn seed_quotes_by_lavrov_about_japan_put_japan_first() {
    let Some(seed) = shared("seed") else {
        return;
    };
    let index = scratch().join("seed-index");
    let index = index.to_str().unwrap();
    assert_eq!(
        wiredex(&["index", seed.to_str().unwrap(), "--index", index]).code,
        0
    );
    let run = wiredex(&[
        "quotes", "--by", "Lavrov", "--about", "Japan", "--json", "--index", index,
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let hits: Vec<Value> = run.json_lines();
    assert_eq!(hits.len(), 10);
    let names_japan = |h: &Value| {
        let text = h["quote"]["text"].as_str().unwrap();
        ["Japan", "Japanese", "Tokyo"]
            .iter()
            .any(|w| text.contains(w))
    };
    let direct = hits.iter().take_while(|h| names_japan(h)).count();
    assert_eq!(
        direct, 6,
        "quotes naming Japan, Japanese or Tokyo come first"
    );
    assert!(
        hits[direct..]
            .iter()
            .all(|h| !names_japan(h) && h["matched"] == "article")
    );
    // Transliteration: Sergey finds Sergei.
    let variant = wiredex(&[
        "quotes",
        "--by",
        "Sergey Lavrov",
        "--json",
        "--index",
        index,
    ]);
    assert_eq!(variant.json_lines::<Value>().len(), 10);
}

#[test]
fn tass_politics_items_index_without_loss() {
    let Some(file) = shared("corpora/tass-scraper-examples/politics_20.json") else {
        return;
    };
    let run = wiredex(&["parse", "--json", file.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.is_empty(), "nothing skipped: {}", run.stderr);
    let articles: Vec<Article> = run.json_lines();
    let raw: Vec<Value> = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    assert_eq!(articles.len(), raw.len());
    for (article, item) in articles.iter().zip(&raw) {
        // The dateline paragraph itself says where; the metadata date says when.
        let lead = item["content"][1].as_str().unwrap();
        let place = lead.split([',', '/']).next().unwrap().trim();
        assert_eq!(
            article
                .dateline
                .as_deref()
                .map(str::to_uppercase)
                .as_deref(),
            Some(place),
            "{}",
            article.headline
        );
        assert_eq!(
            article.agency.as_deref(),
            Some("TASS"),
            "{}",
            article.headline
        );
        let date = &item["date"].as_str().unwrap()[..10];
        assert_eq!(article.date.map(|d| d.to_string()).as_deref(), Some(date));
        assert!(
            !article.body.contains("/TASS/."),
            "dateline removed from the body"
        );
    }
    let index = scratch().join("tass-index");
    let run = wiredex(&[
        "index",
        file.to_str().unwrap(),
        "--json",
        "--index",
        index.to_str().unwrap(),
    ]);
    let report: Value = serde_json::from_str(run.stdout.trim()).unwrap();
    assert_eq!(report["articles"], raw.len());
    assert_eq!(report["skipped"].as_array().unwrap().len(), 0);
}

/// The 20 real RIA Novosti items (JSON Lines in a `.json` file, lower-cased HTML): every
/// dateline gives its place in normal case, the agency (RIA's sports desk R-Sport once) and the
/// language. Expected places are read from each item's first `<strong>` (`москва, 1 дек`), as
/// the corpus's INDEX.md describes it; the items give no year, so no date.
#[test]
fn ria_items_datelines_give_place_and_agency() {
    let Some(file) = shared("corpora/ria-news-20/ria_20.json") else {
        return;
    };
    let text = std::fs::read_to_string(&file).expect("readable");
    let expected: Vec<String> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let item: Value = serde_json::from_str(line).expect("a JSON line");
            let body = item["text"].as_str().unwrap_or("");
            let place = body
                .split("<strong>")
                .skip(1)
                .map(|s| s.split("</strong>").next().unwrap_or(""))
                .find(|s| !s.trim().is_empty())
                .and_then(|s| s.split(',').next())
                .unwrap_or("")
                .trim()
                .to_string();
            let mut chars = place.chars();
            chars
                .next()
                .map(|c| c.to_uppercase().chain(chars).collect())
                .unwrap_or_default()
        })
        .collect();
    let run = wiredex(&["parse", "--json", file.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let articles: Vec<Article> = run.json_lines();
    assert_eq!(articles.len(), 20);
    let places: Vec<String> = articles
        .iter()
        .map(|a| a.dateline.clone().unwrap_or_default())
        .collect();
    assert_eq!(places, expected);
    for a in &articles {
        let agency = a.agency.as_deref();
        assert!(
            matches!(agency, Some("RIA Novosti" | "R-Sport")),
            "{agency:?}: {}",
            a.headline
        );
        assert_eq!(a.lang.as_deref(), Some("ru"), "{}", a.headline);
    }
}
