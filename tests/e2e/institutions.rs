//! Institutions speak: quotes that the article gives to a ministry or a company carry that
//! institution as speaker, with the kind `organisation`, in JSON and CSV; `--by` finds them;
//! `people` lists no organisations. The fixtures (`tests/fixtures/institutions/`) are stories we
//! wrote in TASS and Reuters styles about fictional institutions and people.

use std::fs;
use std::path::PathBuf;

use serde_json::Value;

use crate::harness::{ok, project, s, scratch, wiredex};

/// A copy of the fixtures and an index of it, built once.
fn index() -> &'static str {
    static INDEX: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    s(INDEX.get_or_init(|| {
        let dir = scratch().join("institutions-files");
        let index = scratch().join("institutions-index");
        fs::create_dir_all(&dir).unwrap();
        let fixtures = project().join("tests/fixtures/institutions");
        for file in [
            "tass-norland-sailors.txt",
            "reuters-vessby-shipping.txt",
            "reuters-norland-audit.txt",
        ] {
            fs::copy(fixtures.join(file), dir.join(file)).unwrap();
        }
        ok(&["index", s(&dir), "--index", s(&index)]);
        index
    }))
}

/// `parse --json` of one fixture.
fn parsed(file: &str) -> Value {
    let path = project().join("tests/fixtures/institutions").join(file);
    let run = ok(&["parse", s(&path), "--json"]);
    run.json_lines::<Value>().remove(0)
}

/// Each quote's speaker and kind, as `parse --json` gives them.
fn speakers(article: &Value) -> Vec<(String, String)> {
    let text = |v: &Value| v.as_str().unwrap_or("-").to_string();
    article["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| (text(&q["speaker"]), text(&q["speaker_kind"])))
        .collect()
}

fn pair(speaker: &str, kind: &str) -> (String, String) {
    (speaker.to_string(), kind.to_string())
}

#[test]
fn a_ministry_and_its_press_service_speak_as_an_organisation_in_tass_copy() {
    let article = parsed("tass-norland-sailors.txt");
    let ministry = "Norland Foreign Ministry";
    assert_eq!(
        speakers(&article),
        [
            pair(ministry, "organisation"),
            pair(ministry, "organisation"),
            pair("Ilse Marwood", "person"),
            pair("Norland Fisheries Agency", "organisation"),
        ],
        "{article:#}"
    );
    let people: Vec<&str> = article["people"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert_eq!(people, ["Ilse Marwood"], "{article:#}");
}

#[test]
fn a_company_speaks_as_an_organisation_and_is_no_person_in_reuters_copy() {
    let article = parsed("reuters-vessby-shipping.txt");
    let company = "Vessby Shipping Corp";
    assert_eq!(
        speakers(&article),
        [
            pair(company, "organisation"),
            pair(company, "organisation"),
            pair("Tomas Brenner", "person"),
        ],
        "{article:#}"
    );
    let people: Vec<&str> = article["people"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert_eq!(people, ["Tomas Brenner"], "{article:#}");
}

#[test]
fn a_report_a_statement_a_spokesman_for_and_according_to_speak_for_their_institutions() {
    let article = parsed("reuters-norland-audit.txt");
    let agency = "Norland Fisheries Agency";
    assert_eq!(
        speakers(&article),
        [
            pair("Norland Audit Office", "organisation"),
            pair(agency, "organisation"),
            pair(agency, "organisation"),
            pair("Norland Coastguard Service", "organisation"),
        ],
        "{article:#}"
    );
    assert_eq!(article["people"], serde_json::json!([]), "{article:#}");
}

#[test]
fn by_finds_an_institutions_quotes_and_csv_gives_the_kind() {
    let run = ok(&[
        "quotes",
        "--by",
        "Foreign Ministry",
        "--json",
        "--index",
        index(),
    ]);
    let hits: Vec<Value> = run.json_lines();
    assert_eq!(hits.len(), 2, "{}", run.stdout);
    for hit in &hits {
        assert_eq!(hit["quote"]["speaker"], "Norland Foreign Ministry");
        assert_eq!(hit["quote"]["speaker_kind"], "organisation");
    }
    let run = ok(&[
        "quotes",
        "--by",
        "Vessby Shipping",
        "--format",
        "csv",
        "--index",
        index(),
    ]);
    let mut lines = run.stdout.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    let kind = header.iter().position(|c| *c == "speaker_kind").unwrap();
    let rows: Vec<&str> = lines.collect();
    assert_eq!(rows.len(), 2, "{}", run.stdout);
    for row in rows {
        assert_eq!(row.split(',').nth(kind), Some("organisation"), "{row}");
    }
    // Persons are still found, and an institution is no person mentioned.
    let run = ok(&["quotes", "--by", "Marwood", "--json", "--index", index()]);
    assert_eq!(run.json_lines::<Value>().len(), 1, "{}", run.stdout);
    let run = wiredex(&["search", "person:vessby", "--json", "--index", index()]);
    assert_eq!(run.code, 1, "{}", run.stdout);
}

#[test]
fn an_unnamed_spokesperson_of_a_named_institution_speaks_for_the_institution() {
    let article = parsed("reuters-veldara-spokesmen.txt");
    assert_eq!(
        speakers(&article),
        [
            pair("Ministry of Coastal Affairs of Veldara", "organisation"),
            pair("Harlow Freight Ltd", "organisation"),
            pair("Bank of Veldara", "organisation"),
            pair("Harlow Research Institute", "organisation"),
        ],
        "{article:#}"
    );
    assert_eq!(article["people"], serde_json::json!([]), "{article:#}");
}

#[test]
fn a_pronoun_or_bare_role_after_an_unnamed_spokesperson_goes_on_with_the_institution() {
    let article = parsed("reuters-harlow-chain.txt");
    assert_eq!(
        speakers(&article),
        [
            pair("Coastal Affairs Ministry", "organisation"),
            pair("Harlow Research Institute", "organisation"),
            pair("Harlow Research Institute", "organisation"),
        ],
        "{article:#}"
    );
    assert_eq!(article["people"], serde_json::json!([]), "{article:#}");
}
