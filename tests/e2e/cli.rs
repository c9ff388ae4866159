//! The commands on `corpus/`: every expected answer is computed from `wiredex parse` output.

use std::collections::BTreeSet;

use chrono::Datelike;
use serde_json::Value;

use crate::harness::{corpus_articles, corpus_index, scratch, wiredex, words};
use wiredex::Article;

fn hit_ids(args: &[&str]) -> BTreeSet<String> {
    let mut all = vec![
        "search",
        "--json",
        "--limit",
        "10000",
        "--index",
        corpus_index(),
    ];
    all.extend_from_slice(args);
    let run = wiredex(&all);
    assert!(run.code == 0 || run.code == 1, "{}", run.stderr);
    run.json_lines::<Value>()
        .iter()
        .map(|hit| hit["article"]["id"].as_str().expect("id").to_string())
        .collect()
}

fn ids_where(keep: impl Fn(&Article) -> bool) -> BTreeSet<String> {
    corpus_articles()
        .iter()
        .filter(|a| keep(a))
        .map(|a| a.id.clone())
        .collect()
}

fn all_text(article: &Article) -> String {
    format!(
        "{} {} {}",
        article.headline,
        article.deck.as_deref().unwrap_or(""),
        article.body
    )
}

#[test]
fn index_reports_every_article_and_quote_of_the_corpus() {
    let index = scratch().join("report-index");
    let run = wiredex(&[
        "index",
        "corpus",
        "--json",
        "--index",
        index.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let report: Value = serde_json::from_str(run.stdout.trim()).unwrap();
    let articles = corpus_articles();
    let quotes: usize = articles.iter().map(|a| a.quotes.len()).sum();
    assert_eq!(report["articles"], articles.len());
    assert_eq!(report["quotes"], quotes);
    // corpus/README.md is the one file that is not an article.
    let skipped = report["skipped"].as_array().unwrap();
    assert_eq!(skipped.len(), 1, "{skipped:?}");
    assert!(skipped[0]["path"].as_str().unwrap().ends_with("README.md"));
    assert_eq!(
        skipped[0]["reason"],
        "unsupported file type (expected text, JSON, JSON Lines, Reuters SGML, NITF, NewsML, RSS, Atom, ANPA, CSV, HTML or gzip)"
    );
}

#[test]
fn indexing_the_same_folder_again_does_not_duplicate() {
    let index = scratch().join("twice-index");
    let index = index.to_str().unwrap();
    for _ in 0..2 {
        assert_eq!(wiredex(&["index", "corpus/tass", "--index", index]).code, 0);
    }
    let stats = wiredex(&["stats", "--json", "--index", index]);
    let stats: Value = serde_json::from_str(stats.stdout.trim()).unwrap();
    let expected = corpus_articles()
        .iter()
        .filter(|a| a.path.starts_with("corpus/tass/"))
        .count();
    assert_eq!(stats["articles"], expected);
}

#[test]
fn keyword_search_finds_every_article_with_the_word() {
    let expected = ids_where(|a| words(&all_text(a)).contains(&"tokyo".to_string()));
    assert!(!expected.is_empty());
    assert_eq!(hit_ids(&["Tokyo"]), expected);
}

#[test]
fn phrase_search_needs_the_words_together() {
    let phrase = ["prime", "minister"];
    let expected = ids_where(|a| {
        words(&all_text(a))
            .windows(2)
            .any(|w| w[0] == phrase[0] && w[1] == phrase[1])
    });
    assert!(!expected.is_empty());
    assert_eq!(hit_ids(&["\"prime minister\""]), expected);
}

#[test]
fn excluding_a_phrase_removes_exactly_its_articles() {
    // tantivy 0.27 asserts, in builds with debug assertions, a contract that this query breaks
    // (found by fuzzing); the binary under test must answer, not panic.
    let phrase = hit_ids(&["\"peace treaty\""]);
    let tokyo = hit_ids(&["tokyo"]);
    let expected: BTreeSet<String> = tokyo.difference(&phrase).cloned().collect();
    assert!(expected.len() < tokyo.len() && !expected.is_empty());
    assert_eq!(hit_ids(&["tokyo -\"peace treaty\""]), expected);
}

#[test]
fn boolean_search_combines_terms() {
    let has = |a: &Article, w: &str| words(&all_text(a)).contains(&w.to_string());
    let expected = ids_where(|a| has(a, "gas") && !has(a, "ukraine"));
    assert!(!expected.is_empty());
    assert_eq!(hit_ids(&["gas AND NOT ukraine"]), expected);
}

#[test]
fn field_queries_match_agency_place_and_person() {
    let agency = ids_where(|a| a.agency.as_deref() == Some("TASS"));
    assert!(!agency.is_empty());
    assert_eq!(hit_ids(&["agency:tass"]), agency);

    let place = ids_where(|a| a.dateline.as_deref() == Some("Moscow"));
    assert!(!place.is_empty());
    assert_eq!(hit_ids(&["place:moscow"]), place);
    assert_eq!(hit_ids(&["dateline:Moscow"]), place);

    // The most mentioned surname in the corpus, searched alone.
    let mut counts = std::collections::BTreeMap::<String, usize>::new();
    for article in corpus_articles() {
        for person in &article.people {
            let surname = person.name.split(' ').next_back().unwrap().to_lowercase();
            *counts.entry(surname).or_default() += 1;
        }
    }
    let (surname, _) = counts.into_iter().max_by_key(|(_, n)| *n).unwrap();
    let expected = ids_where(|a| {
        a.people.iter().any(|p| {
            p.name
                .split(' ')
                .any(|part| part.eq_ignore_ascii_case(&surname))
        })
    });
    assert_eq!(hit_ids(&[&format!("person:{surname}")]), expected);
}

#[test]
fn date_ranges_filter_by_story_date() {
    let since = chrono::NaiveDate::from_ymd_opt(2014, 1, 1).unwrap();
    let until = chrono::NaiveDate::from_ymd_opt(2018, 12, 31).unwrap();
    let expected = ids_where(|a| a.date.is_some_and(|d| d >= since && d <= until));
    assert!(!expected.is_empty());
    assert_eq!(
        hit_ids(&["the", "--since", "2014", "--until", "2018"]),
        ids_where(|a| words(&all_text(a)).contains(&"the".into()))
            .intersection(&expected)
            .cloned()
            .collect()
    );
    assert_eq!(
        hit_ids(&["the AND date:2014..2018"]),
        hit_ids(&["the", "--since", "2014", "--until", "2018"])
    );
}

#[test]
fn sort_by_date_lists_newest_first() {
    let run = wiredex(&[
        "search",
        "the",
        "--sort",
        "date",
        "--json",
        "--limit",
        "100",
        "--index",
        corpus_index(),
    ]);
    let dates: Vec<String> = run
        .json_lines::<Value>()
        .iter()
        .filter_map(|h| h["article"]["date"].as_str().map(String::from))
        .collect();
    let mut sorted = dates.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert!(dates.len() > 10);
    assert_eq!(dates, sorted);
}

#[test]
fn quotes_by_speaker_lists_all_their_quotes() {
    let mut counts = std::collections::BTreeMap::<String, usize>::new();
    for quote in corpus_articles().iter().flat_map(|a| &a.quotes) {
        if let Some(speaker) = &quote.speaker {
            *counts.entry(speaker.clone()).or_default() += 1;
        }
    }
    let (speaker, expected) = counts.into_iter().max_by_key(|(_, n)| *n).unwrap();
    let surname = speaker.split(' ').next_back().unwrap();
    let run = wiredex(&[
        "quotes",
        "--by",
        surname,
        "--json",
        "--limit",
        "1000",
        "--index",
        corpus_index(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let hits: Vec<Value> = run.json_lines();
    let by_speaker = hits
        .iter()
        .filter(|h| h["quote"]["speaker"] == speaker.as_str())
        .count();
    assert_eq!(by_speaker, expected, "quotes of {speaker}");
}

#[test]
fn quotes_about_a_country_rank_quotes_naming_it_first() {
    // The topic's words come from the same place table the engine uses (Japan: Japanese,
    // Tokyo, Osaka, ...); multiword ones are matched as word sequences.
    let terms: Vec<Vec<String>> = wiredex::query::Searcher::topic_terms("Japan")
        .iter()
        .map(|t| words(t))
        .collect();
    let names_topic = |text: &str| {
        let text = words(text);
        terms
            .iter()
            .any(|t| text.windows(t.len()).any(|w| w == t.as_slice()))
    };
    let run = wiredex(&[
        "quotes",
        "--about",
        "Japan",
        "--json",
        "--limit",
        "1000",
        "--index",
        corpus_index(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let hits: Vec<Value> = run.json_lines();
    let matched: Vec<bool> = hits
        .iter()
        .map(|h| names_topic(h["quote"]["text"].as_str().unwrap()))
        .collect();
    let first_other = matched.iter().position(|m| !m).unwrap_or(matched.len());
    assert!(first_other > 0, "some quote names Japan");
    assert!(
        matched[first_other..].iter().all(|m| !m),
        "quotes naming the topic come first"
    );
    let expected_direct = corpus_articles()
        .iter()
        .flat_map(|a| &a.quotes)
        .filter(|q| names_topic(&q.text))
        .count();
    assert_eq!(first_other, expected_direct);
}

#[test]
fn human_output_shows_counts_headline_snippet_and_path() {
    let run = wiredex(&["search", "Tokyo", "--limit", "1", "--index", corpus_index()]);
    assert_eq!(run.code, 0);
    let total = hit_ids(&["Tokyo"]).len();
    assert!(
        run.stdout.starts_with(&format!("1 of {total} articles\n")),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("[Tokyo]"),
        "highlighted: {}",
        run.stdout
    );
    assert!(run.stdout.contains("corpus/"), "{}", run.stdout);
}

#[test]
fn no_hits_exits_with_one() {
    let run = wiredex(&["search", "zzzunfindableword", "--index", corpus_index()]);
    assert_eq!(run.code, 1);
    assert_eq!(run.stdout, "0 of 0 articles\n");
}

#[test]
fn stats_counts_articles_and_quotes() {
    let run = wiredex(&["stats", "--json", "--index", corpus_index()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let stats: Value = serde_json::from_str(run.stdout.trim()).unwrap();
    let articles = corpus_articles();
    assert_eq!(stats["articles"], articles.len());
    assert_eq!(
        stats["quotes"],
        articles.iter().map(|a| a.quotes.len()).sum::<usize>()
    );
    let first = articles.iter().filter_map(|a| a.date).min().unwrap();
    assert_eq!(stats["first_date"], first.to_string());
    let human = wiredex(&["stats", "--index", corpus_index()]);
    assert!(
        human
            .stdout
            .starts_with(&format!("articles   {}\n", articles.len()))
    );
}

#[test]
fn quote_field_finds_articles_whose_quotations_use_the_word() {
    // The English stemmer folds these forms to `market`.
    let forms = ["market", "markets", "marketing", "marketed"];
    let expected = ids_where(|a| {
        a.quotes
            .iter()
            .any(|q| words(&q.text).iter().any(|w| forms.contains(&w.as_str())))
    });
    assert!(!expected.is_empty());
    assert_eq!(hit_ids(&["quote:market"]), expected);
}

#[test]
fn show_prints_one_article_with_its_fields_and_quotes() {
    let article = corpus_articles()
        .iter()
        .max_by_key(|a| a.quotes.len())
        .unwrap();
    let run = wiredex(&["show", &article.id, "--json", "--index", corpus_index()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let shown: Vec<Article> = run.json_lines();
    assert_eq!(&shown[0], article);
    let human = wiredex(&["show", &article.id, "--index", corpus_index()]);
    assert!(human.stdout.starts_with(&format!("{}\n", article.headline)));
    for quote in &article.quotes {
        assert!(human.stdout.contains(&quote.text), "{}", quote.text);
    }
}

/// A `--count-by --json` table as key → count.
fn count_table(run: &crate::harness::Run) -> std::collections::BTreeMap<String, usize> {
    run.json_lines::<Value>()
        .iter()
        .map(|row| {
            let count = row["count"].as_u64().unwrap();
            (row["key"].as_str().unwrap().to_string(), count as usize)
        })
        .collect()
}

#[test]
fn count_by_tallies_every_match() {
    let mut expected = std::collections::BTreeMap::<String, usize>::new();
    for article in corpus_articles() {
        if words(&all_text(article)).contains(&"minister".to_string()) {
            // An agency's names count as one (ITAR-TASS under TASS).
            let agency = article
                .agency
                .as_deref()
                .map_or_else(|| "(none)".into(), wiredex::query::canonical_agency);
            *expected.entry(agency).or_default() += 1;
        }
    }
    let run = wiredex(&[
        "search",
        "minister",
        "--count-by",
        "agency",
        "--json",
        "--index",
        corpus_index(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let got = count_table(&run);
    assert_eq!(got, expected);

    let mut speakers = std::collections::BTreeMap::<String, usize>::new();
    for quote in corpus_articles().iter().flat_map(|a| &a.quotes) {
        let key = quote.speaker.clone().unwrap_or_else(|| "(none)".into());
        *speakers.entry(key).or_default() += 1;
    }
    let run = wiredex(&[
        "quotes",
        "--count-by",
        "speaker",
        "--json",
        "--index",
        corpus_index(),
    ]);
    let got = count_table(&run);
    assert_eq!(got, speakers);

    let timeline = wiredex(&[
        "search",
        "minister",
        "--count-by",
        "year",
        "--index",
        corpus_index(),
    ]);
    let years: Vec<&str> = timeline
        .stdout
        .lines()
        .map(|l| l.split_whitespace().next().unwrap())
        .filter(|key| *key != "(undated)")
        .collect();
    let mut sorted = years.clone();
    sorted.sort();
    assert_eq!(years, sorted, "a timeline runs in date order");
}

#[test]
fn people_counts_mentions_and_quotes_across_articles() {
    let mut expected = std::collections::BTreeMap::<String, (usize, usize, usize)>::new();
    for article in corpus_articles() {
        for person in &article.people {
            let entry = expected.entry(person.name.clone()).or_default();
            entry.0 += 1;
            entry.1 += person.mentions;
            entry.2 += person.quotes;
        }
    }
    let run = wiredex(&[
        "people",
        "--limit",
        "100000",
        "--json",
        "--index",
        corpus_index(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let rows: Vec<Value> = run.json_lines();
    assert_eq!(rows.len(), expected.len());
    for row in &rows {
        let name = row["name"].as_str().unwrap();
        let (articles, mentions, quotes) = expected[name];
        assert_eq!(row["articles"], articles, "{name}");
        assert_eq!(row["mentions"], mentions, "{name}");
        assert_eq!(row["quotes"], quotes, "{name}");
    }
    let most_quoted = expected.values().map(|e| e.2).max().unwrap();
    assert_eq!(rows[0]["quotes"], most_quoted, "most quoted first");
}

#[test]
fn timeline_gives_counts_and_shares_per_period() {
    let run = wiredex(&[
        "timeline",
        "minister",
        "--by",
        "year",
        "--json",
        "--index",
        corpus_index(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let periods: Vec<Value> = run.json_lines();
    for period in &periods {
        let key = period["period"].as_str().unwrap();
        let in_period = |a: &&Article| match a.date {
            Some(date) => date.format("%Y").to_string() == key,
            None => key == "(undated)",
        };
        let total = corpus_articles().iter().filter(in_period).count();
        let count = corpus_articles()
            .iter()
            .filter(in_period)
            .filter(|a| words(&all_text(a)).contains(&"minister".to_string()))
            .count();
        assert_eq!(period["total"], total, "{key}");
        assert_eq!(period["count"], count, "{key}");
    }
    assert_eq!(periods.last().unwrap()["period"], "(undated)");
    // Every year from the first story to the last is there, empty years too.
    let years: Vec<i32> = corpus_articles()
        .iter()
        .filter_map(|a| a.date.map(|d| d.year()))
        .collect();
    let expected: Vec<String> = (*years.iter().min().unwrap()..=*years.iter().max().unwrap())
        .map(|y| y.to_string())
        .chain(["(undated)".to_string()])
        .collect();
    let keys: Vec<&str> = periods
        .iter()
        .map(|p| p["period"].as_str().unwrap())
        .collect();
    assert_eq!(keys, expected);
    // Only periods are offered, and --help lists them.
    let run = wiredex(&["timeline", "x", "--by", "agency", "--index", corpus_index()]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("invalid value 'agency' for '--by <PERIOD>'")
            && run
                .stderr
                .contains("[possible values: year, month, week, day]"),
        "{}",
        run.stderr
    );
}

#[test]
fn timeline_svg_draws_one_bar_per_dated_period() {
    let svg_path = scratch().join("minister.svg");
    let svg = svg_path.to_str().unwrap();
    let args = [
        "timeline",
        "minister",
        "--by",
        "year",
        "--index",
        corpus_index(),
    ];
    let json = wiredex(&[&args[..], &["--json", "--svg", svg]].concat());
    assert_eq!(json.code, 0, "{}", json.stderr);
    let chart = std::fs::read_to_string(&svg_path).unwrap();
    assert!(chart.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert!(chart.contains("“minister”: articles by year"));
    let periods: Vec<Value> = json.json_lines();
    let dated: Vec<&Value> = periods
        .iter()
        .filter(|p| p["period"] != "(undated)")
        .collect();
    assert_eq!(chart.matches("<rect x=").count(), dated.len());
    for period in dated {
        let bar = format!(
            "<title>{}: {} articles, {:.1}% of all</title>",
            period["period"].as_str().unwrap(),
            period["count"],
            period["share"].as_f64().unwrap() * 100.0
        );
        assert!(chart.contains(&bar), "{bar}");
    }
    let unwritable = wiredex(&[&args[..], &["--svg", "/nonexistent/dir/x.svg"]].concat());
    assert_eq!(unwritable.code, 2);
    assert_eq!(
        unwritable.stderr.trim_end(),
        "wiredex: cannot write the chart to /nonexistent/dir/x.svg: No such file or directory (os error 2)"
    );
}

fn quote_keys(args: &[&str]) -> Vec<String> {
    let mut all = vec![
        "quotes",
        "--about",
        "Japan",
        "--json",
        "--index",
        corpus_index(),
    ];
    all.extend_from_slice(args);
    wiredex(&all)
        .json_lines::<Value>()
        .iter()
        .map(|h| format!("{}#{}", h["quote"]["article_id"], h["quote"]["number"]))
        .collect()
}

#[test]
fn pages_join_up_and_all_lists_every_hit() {
    let ids = |args: &[&str]| -> Vec<String> {
        let mut all = vec!["search", "the", "--json", "--index", corpus_index()];
        all.extend_from_slice(args);
        wiredex(&all)
            .json_lines::<Value>()
            .iter()
            .map(|h| h["article"]["id"].as_str().unwrap().to_string())
            .collect()
    };
    let first_ten = ids(&["--limit", "10"]);
    let mut pages = ids(&["--limit", "5"]);
    pages.extend(ids(&["--limit", "5", "--offset", "5"]));
    assert_eq!(pages, first_ten);
    let everything = ids(&["--all"]);
    let total = corpus_articles()
        .iter()
        .filter(|a| words(&all_text(a)).contains(&"the".to_string()))
        .count();
    assert_eq!(everything.len(), total);

    // Quote pages run across both groups: quotes naming the topic, then their articles'.
    let full = quote_keys(&["--all"]);
    assert!(full.len() > 6);
    let mut paged = quote_keys(&["--limit", "4"]);
    paged.extend(quote_keys(&["--limit", "4", "--offset", "4"]));
    paged.extend(quote_keys(&["--offset", "8", "--all"]));
    assert_eq!(paged, full);
}

#[test]
fn csv_and_json_formats_carry_the_same_hits() {
    let run = wiredex(&[
        "search",
        "minister",
        "--all",
        "--format",
        "csv",
        "--index",
        corpus_index(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let mut reader = ::csv::Reader::from_reader(run.stdout.as_bytes());
    let headers = reader.headers().unwrap().clone();
    assert_eq!(
        headers.iter().collect::<Vec<_>>(),
        [
            "id", "date", "agency", "place", "headline", "people", "quotes", "score", "snippet",
            "path", "record", "copies", "group", "also_in"
        ]
    );
    let csv_ids: Vec<String> = reader
        .records()
        .map(|r| r.unwrap()[0].to_string())
        .collect();
    let array = wiredex(&[
        "search",
        "minister",
        "--all",
        "--format",
        "json",
        "--index",
        corpus_index(),
    ]);
    let hits: Vec<Value> = serde_json::from_str(&array.stdout).unwrap();
    let json_ids: Vec<String> = hits
        .iter()
        .map(|h| h["article"]["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(csv_ids, json_ids);

    let quotes = wiredex(&[
        "quotes",
        "--by",
        "Voronin",
        "--all",
        "--format",
        "csv",
        "--index",
        corpus_index(),
    ]);
    let mut reader = ::csv::Reader::from_reader(quotes.stdout.as_bytes());
    assert_eq!(&reader.headers().unwrap()[6], "attribution");
    assert_eq!(&reader.headers().unwrap()[11], "speaker_kind");
    let mut rows: Vec<(String, String)> = reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            (r[4].to_string(), r[6].to_string())
        })
        .collect();
    let mut expected: Vec<(String, String)> = corpus_articles()
        .iter()
        .flat_map(|a| &a.quotes)
        .filter(|q| q.speaker.as_deref() == Some("Arkady Voronin"))
        .map(|q| (q.text.clone(), q.attribution.clone().unwrap_or_default()))
        .collect();
    rows.sort();
    expected.sort();
    assert_eq!(rows, expected);
    assert!(
        rows.iter()
            .all(|(_, attribution)| attribution.contains('…'))
    );

    let show = wiredex(&[
        "show",
        &json_ids[0],
        "--format",
        "csv",
        "--index",
        corpus_index(),
    ]);
    // CSV is not offered for one article with nested fields.
    assert_eq!(show.code, 2);
    assert!(
        show.stderr
            .starts_with("error: invalid value 'csv' for '--format <FORMAT>'\n  [possible values: human, json, jsonl]\n"),
        "{}",
        show.stderr
    );
}

#[test]
fn prefixes_and_near_find_what_the_words_say() {
    let expected = ids_where(|a| words(&all_text(a)).iter().any(|w| w.starts_with("voron")));
    assert!(!expected.is_empty());
    assert_eq!(hit_ids(&["voron*"]), expected);

    let near = hit_ids(&["kanzaki NEAR/5 voronin"]);
    assert_eq!(near, hit_ids(&["\"kanzaki voronin\"~5"]));
    assert!(!near.is_empty());
    for id in &near {
        let article = corpus_articles().iter().find(|a| &a.id == id).unwrap();
        let text = words(&all_text(article));
        let at = |w: &str| -> Vec<usize> {
            text.iter()
                .enumerate()
                .filter(|(_, x)| *x == w)
                .map(|(i, _)| i)
                .collect()
        };
        let close = at("kanzaki")
            .iter()
            .any(|&i| at("voronin").iter().any(|&j| i.abs_diff(j) <= 6));
        assert!(close, "{}", article.headline);
    }
    assert_eq!(
        wiredex(&["search", "putin NEAR/5", "--index", corpus_index()])
            .stderr
            .trim_end(),
        "wiredex: invalid query 'putin NEAR/5': NEAR/N needs a word on each side, e.g. putin NEAR/5 abe\n  putin NEAR/5\n        ^"
    );
}

/// The sentences of a text, split as a reader would: at `.`, `!` or `?` before a capital or a
/// digit, except after an initial or a title (`J.`, `Mr.`), and at paragraph breaks.
fn sentences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for paragraph in text.split('\n') {
        let mut current = String::new();
        let chars: Vec<char> = paragraph.chars().collect();
        for (i, &c) in chars.iter().enumerate() {
            current.push(c);
            if !".!?".contains(c) {
                continue;
            }
            let rest: String = chars[i + 1..].iter().collect();
            let next = rest.trim_start_matches(|x: char| !x.is_alphanumeric());
            let before = words(&current).last().cloned().unwrap_or_default();
            let abbreviation = c == '.'
                && (before.chars().count() == 1
                    || ["mr", "mrs", "ms", "dr"].contains(&before.as_str()));
            let spaced = rest.starts_with(|x: char| !x.is_alphanumeric());
            if spaced
                && !abbreviation
                && next.starts_with(|x: char| x.is_uppercase() || x.is_numeric())
            {
                out.push(std::mem::take(&mut current));
            }
        }
        out.push(current);
    }
    out
}

#[test]
fn same_finds_two_words_in_one_sentence() {
    for (a, b) in [
        ("kanzaki", "voronin"),
        ("tokyo", "moscow"),
        ("kanzaki", "tokyo"),
        ("voronin", "tokyo"),
    ] {
        let expected = ids_where(|article| {
            let text = format!(
                "{}\n{}\n{}",
                article.headline,
                article.deck.as_deref().unwrap_or(""),
                article.body
            );
            sentences(&text).iter().any(|s| {
                let w = words(s);
                w.iter().any(|x| x == a) && w.iter().any(|x| x == b)
            })
        });
        let both = ids_where(|article| {
            let w = words(&all_text(article));
            w.iter().any(|x| x == a) && w.iter().any(|x| x == b)
        });
        let got = hit_ids(&[&format!("{a} SAME {b}")]);
        assert_eq!(got, expected, "{a} SAME {b}");
        assert!(
            !got.is_empty() && got.len() < both.len(),
            "{a} SAME {b} must narrow {a} {b}"
        );
    }
    assert_eq!(
        wiredex(&["search", "SAME japan", "--index", corpus_index()])
            .stderr
            .trim_end(),
        "wiredex: invalid query 'SAME japan': SAME needs a word on each side, e.g. putin SAME japan\n  SAME japan\n  ^"
    );
}

#[test]
fn atleast_counts_a_word_in_the_whole_article() {
    let most = |article: &Article, word: &str| {
        words(&all_text(article))
            .iter()
            .filter(|w| *w == word)
            .count()
    };
    let mut sizes = Vec::new();
    for n in 1..=4 {
        let expected = ids_where(|a| most(a, "voronin") >= n);
        assert_eq!(
            hit_ids(&[&format!("atleast{n}:voronin")]),
            expected,
            "atleast{n}"
        );
        sizes.push(expected.len());
        let without = ids_where(|a| {
            words(&all_text(a)).iter().any(|w| w == "japan") && most(a, "voronin") < n
        });
        assert_eq!(hit_ids(&[&format!("japan -atleast{n}:voronin")]), without);
        assert_eq!(
            hit_ids(&[&format!("japan AND NOT atleast{n}:voronin")]),
            without
        );
    }
    assert!(sizes.windows(2).all(|w| w[0] > w[1]), "{sizes:?}");
    let errors = [
        (
            "(atleast2:gas)",
            "'(atleast2:gas)': atleastN: works at the top level of a query, joined to the rest by AND, not inside parentheses",
            1,
        ),
        (
            "gas OR atleast2:oil",
            "'atleast2:oil': atleastN: is joined to the rest of the query by AND; it cannot be a side of OR",
            7,
        ),
        (
            "atleast0:gas",
            "'atleast0:gas': atleastN: needs N of 1 or more, e.g. atleast3:sanctions",
            0,
        ),
    ];
    for (query, reason, column) in errors {
        assert_eq!(
            wiredex(&["search", query, "--index", corpus_index()])
                .stderr
                .trim_end(),
            format!(
                "wiredex: invalid query '{query}': {reason}\n  {query}\n  {}^",
                " ".repeat(column)
            )
        );
    }
}
