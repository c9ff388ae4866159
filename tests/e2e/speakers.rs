//! Who speaks in attributions that name a person together with an institution, a role or a
//! pronoun: the person the attribution names speaks, not the institution in their apposition.
//! The fixtures (`tests/fixtures/speakers/`) are stories we wrote in agency styles about
//! fictional people and institutions.

use serde_json::Value;

use crate::harness::{ok, project, s};

/// `parse --json` of one fixture.
fn parsed(file: &str) -> Value {
    let path = project().join("tests/fixtures/speakers").join(file);
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

fn person(name: &str) -> (String, String) {
    (name.to_string(), "person".to_string())
}

#[test]
fn a_person_with_their_institution_in_apposition_speaks_as_a_person() {
    let article = parsed("bbc-harbour-hotels.txt");
    assert_eq!(
        speakers(&article),
        [person("Ilse Marwood"), person("Odile Brandt")],
        "{article:#}"
    );
}

#[test]
fn each_item_of_a_digest_quotes_its_own_speaker() {
    // Four briefs, each with its own dateline: a quote belongs to its item's speaker (a
    // minister, a mayor named after the quote, an agency, a union leader), never to the
    // digest's first person.
    let article = parsed("reuters-world-briefs.txt");
    assert_eq!(
        speakers(&article),
        [
            person("Arkady Voskin"),
            person("Oskar Ferro"),
            person("Oskar Ferro"),
            (
                "Norland Fisheries Agency".to_string(),
                "organisation".to_string()
            ),
            person("Jonas Lindqvist"),
        ],
        "{article:#}"
    );
}
