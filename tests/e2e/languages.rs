//! Issue 15: a folder of Russian and English copy. Russian datelines and agencies, `--lang`,
//! `--count-by lang`, Russian stems (`нефть` finds `нефти`) and folded diacritics (`muller`
//! finds `Müller`). Expected answers come from the files the test writes and `parse --json`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use serde_json::Value;

use crate::harness::{ok, project, s, scratch, wiredex};

/// English copy of our own with the accents the folding tests need (fictional people).
const ENGLISH: &[(&str, &str)] = &[
    (
        "en-muller.txt",
        "Bundesbank's Müller warns on oil prices\n\nFRANKFURT, March 3 (Reuters) - Bundesbank \
         board member Jens Müller said on Tuesday that oil prices could push inflation higher.\n\n\
         Oil traders expect further volatility.\n",
    ),
    (
        "en-elysee.txt",
        "Élysée hosts energy talks\n\nPARIS, March 4 (Reuters) - Ministers met at the Élysée \
         palace on Wednesday to discuss oil supplies.\n\nNo agreement was reached.\n",
    ),
];

/// The folder of Russian corpus copy and English copy, indexed once; (folder, index).
fn folder() -> &'static (PathBuf, String) {
    static FOLDER: OnceLock<(PathBuf, String)> = OnceLock::new();
    FOLDER.get_or_init(|| {
        let dir = scratch().join("languages");
        std::fs::create_dir_all(&dir).expect("scratch folder");
        for agency in ["tass", "ria", "interfax"] {
            for entry in std::fs::read_dir(project().join("corpus").join(agency)).expect("corpus") {
                let path = entry.expect("entry").path();
                let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
                if name.contains("-ru-") {
                    std::fs::copy(&path, dir.join(format!("{agency}-{name}"))).expect("copy");
                }
            }
        }
        for (name, text) in ENGLISH {
            std::fs::write(dir.join(name), text).expect("write");
        }
        let index = scratch().join("languages-index");
        let index = s(&index).to_string();
        ok(&["index", s(&dir), "--index", &index]);
        (dir, index)
    })
}

/// Every article of the folder as `parse --json` reads it.
fn articles() -> Vec<Value> {
    ok(&["parse", "--json", s(&folder().0)]).json_lines()
}

/// The headlines `search` finds for `args`.
fn headlines(args: &[&str]) -> Vec<String> {
    let mut all = vec!["search", "--json", "--limit", "100", "--index", &folder().1];
    all.extend_from_slice(args);
    let run = wiredex(&all);
    assert!(run.code == 0 || run.code == 1, "{args:?}: {}", run.stderr);
    let mut found: Vec<String> = run
        .json_lines::<Value>()
        .iter()
        .map(|hit| {
            hit["article"]["headline"]
                .as_str()
                .unwrap_or("")
                .to_string()
        })
        .collect();
    found.sort();
    found
}

fn file_text(path: &Path) -> String {
    std::fs::read_to_string(path).expect("readable")
}

/// Headlines of the folder's files whose text holds any of `forms`.
fn headlines_with(forms: &[&str]) -> Vec<String> {
    let mut out: Vec<String> = articles()
        .iter()
        .filter(|a| {
            let text = file_text(Path::new(a["path"].as_str().unwrap_or(""))).to_lowercase();
            forms
                .iter()
                .any(|f| text.split(|c: char| !c.is_alphanumeric()).any(|w| w == *f))
        })
        .map(|a| a["headline"].as_str().unwrap_or("").to_string())
        .collect();
    out.sort();
    out
}

#[test]
fn russian_datelines_give_place_date_and_agency_in_normal_form() {
    let all = articles();
    let by_file: BTreeMap<String, &Value> = all
        .iter()
        .map(|a| {
            let name = Path::new(a["path"].as_str().unwrap_or(""))
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or("")
                .to_string();
            (name, a)
        })
        .collect();
    let cases = [
        (
            "tass-2021-03-15-ru-severneft-output.txt",
            "Салехард",
            "TASS",
            "2021-03-15",
        ),
        (
            "tass-2014-01-21-ru-voronin-tokyo.txt",
            "Токио",
            "ITAR-TASS",
            "2014-01-21",
        ),
        (
            "tass-2019-10-09-ru-rostov-grain-port.txt",
            "Ростов-на-Дону",
            "TASS",
            "2019-10-09",
        ),
        (
            "ria-2014-12-01-ru-oil-spill-taiga.txt",
            "Томск",
            "RIA Novosti",
            "2014-12-01",
        ),
        (
            "ria-2014-11-30-ru-chisinau-count.txt",
            "Кишинев",
            "RIA Novosti",
            "2014-11-30",
        ),
        (
            "interfax-2015-01-21-ru-ruble-volatility.txt",
            "Москва",
            "Interfax",
            "2015-01-21",
        ),
        (
            "interfax-2019-04-10-ru-gas-transit.txt",
            "Москва",
            "Interfax",
            "2019-04-10",
        ),
    ];
    for (file, place, agency, date) in cases {
        let a = by_file.get(file).unwrap_or_else(|| panic!("{file} parsed"));
        assert_eq!(a["dateline"], place, "{file}");
        assert_eq!(a["agency"], agency, "{file}");
        assert_eq!(a["date"], date, "{file}");
        assert_eq!(a["lang"], "ru", "{file}");
        let headline = a["headline"].as_str().unwrap_or("");
        assert!(
            !["Все новости", "Поделиться", "Читайте также"].contains(&headline),
            "{file}: navigation became the headline"
        );
    }
    assert_eq!(by_file["en-muller.txt"]["lang"], "en");
}

#[test]
fn russian_search_finds_inflected_forms() {
    let found = headlines(&["нефть"]);
    let expected = headlines_with(&["нефть", "нефти", "нефтью"]);
    assert!(
        expected.len() >= 3,
        "the folder has inflected нефть: {expected:?}"
    );
    assert_eq!(found, expected);
    // Highlights mark the inflected forms in Cyrillic text, on char boundaries.
    let run = ok(&["search", "нефть", "--json", "--index", &folder().1]);
    let mut marked = 0;
    for hit in run.json_lines::<Value>() {
        let text = hit["snippet"]["text"].as_str().unwrap_or("");
        for range in hit["snippet"]["highlights"]
            .as_array()
            .into_iter()
            .flatten()
        {
            let (start, end) = (
                range[0].as_u64().unwrap_or(0),
                range[1].as_u64().unwrap_or(0),
            );
            let word = text
                .get(start as usize..end as usize)
                .unwrap_or_else(|| panic!("highlight {start}..{end} off a char boundary: {text}"));
            assert!(
                word.to_lowercase().starts_with("нефт"),
                "{word:?} in {text}"
            );
            marked += 1;
        }
    }
    assert!(marked >= 3, "{}", run.stdout);
    // A Russian snippet shows as many letters as an English one, not as many bytes.
    let longest = run
        .json_lines::<Value>()
        .iter()
        .map(|hit| {
            hit["snippet"]["text"]
                .as_str()
                .unwrap_or("")
                .chars()
                .count()
        })
        .max()
        .unwrap_or(0);
    assert!(longest > 200, "{longest} letters: {}", run.stdout);
    let human = ok(&["search", "нефть", "--index", &folder().1]);
    assert!(human.stdout.contains("нефт"), "{}", human.stdout);
    // ё and е are one letter to search.
    assert_eq!(headlines(&["ещё"]), headlines(&["еще"]));
    // English words still match as English.
    assert_eq!(headlines(&["oil"]), headlines_with(&["oil"]));
}

#[test]
fn diacritics_fold_both_ways() {
    let muller = headlines(&["muller"]);
    assert_eq!(muller, ["Bundesbank's Müller warns on oil prices"]);
    assert_eq!(headlines(&["Müller"]), muller);
    assert_eq!(headlines(&["elysee"]), ["Élysée hosts energy talks"]);
}

#[test]
fn lang_filters_and_counts() {
    let all = articles();
    let mut expected = BTreeMap::<String, usize>::new();
    for a in &all {
        *expected
            .entry(a["lang"].as_str().unwrap_or("(none)").to_string())
            .or_default() += 1;
    }
    let run = ok(&[
        "search",
        "--count-by",
        "lang",
        "--json",
        "--index",
        &folder().1,
    ]);
    let got: BTreeMap<String, usize> = run
        .json_lines::<Value>()
        .iter()
        .map(|row| {
            let key = row["key"].as_str().unwrap_or("").to_string();
            (key, row["count"].as_u64().unwrap_or(0) as usize)
        })
        .collect();
    assert_eq!(got, expected);
    assert_eq!(expected.get("ru"), Some(&20));

    let ru = headlines(&["--lang", "ru"]);
    assert_eq!(ru.len(), 20);
    assert_eq!(headlines(&["oil", "--lang", "ru"]), Vec::<String>::new());
    assert_eq!(headlines(&["--lang", "Russian"]), ru);
    let en = headlines(&["oil", "--lang", "en"]);
    assert_eq!(en, headlines_with(&["oil"]));
}
