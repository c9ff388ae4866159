//! Every input format and encoding, through the real binary: the fixtures in
//! `tests/fixtures/formats/` (written by the team, fictional people) must each give their article
//! with nothing skipped, and the real corpora in `../shared/` must parse with every record either
//! read or skipped with a reason.

use std::collections::HashSet;

use wiredex::Article;

use crate::harness::{shared, wiredex};

const DIR: &str = "tests/fixtures/formats";

fn parse(path: &str) -> (Vec<Article>, Vec<String>) {
    let run = wiredex(&["parse", "--json", path]);
    let skipped = run
        .stderr
        .lines()
        .filter(|l| l.starts_with("wiredex: skipped "))
        .map(String::from)
        .collect();
    (run.json_lines(), skipped)
}

#[test]
fn each_format_gives_its_article_with_feed_metadata() {
    // (fixture, headline, date, dateline place, expected skips)
    let cases = [
        (
            "nitf.xml",
            "Harbour authority suspends Osaka ferry service",
            Some("2015-03-12"),
            Some("Osaka"),
            0,
        ),
        (
            "nitf-article.xml.gz",
            "Harbour authority suspends Osaka ferry service",
            Some("2015-03-12"),
            Some("Osaka"),
            0,
        ),
        (
            "newsml.xml",
            "Swedish court approves rescue plan for carmaker Norrvik",
            Some("2019-01-21"),
            Some("Stockholm"),
            1,
        ),
        (
            "g2-item-without-extension",
            "Lithuanian minister Daumantas quits over rail contract",
            Some("2016-10-04"),
            Some("Vilnius"),
            0,
        ),
        (
            "anpa.tst",
            "Fire closes Rotterdam harbour for a day",
            Some("2013-11-13"),
            Some("Rotterdam"),
            0,
        ),
        (
            "iptc7901-with-txt-extension.txt",
            "Dutch coalition talks could fail, Liberal warns",
            Some("2013-11-13"),
            Some("The Hague"),
            0,
        ),
        (
            "dpa-trailer-plain.txt",
            "Tram strike halts Kelmstadt for a second day",
            Some("2014-01-30"),
            Some("Kelmstadt"),
            0,
        ),
        (
            "kyodo.tst",
            "Ferry line to Hanami Island resumes after repairs",
            Some("2025-03-14"),
            Some("Hanami"),
            0,
        ),
        (
            "reuters.sgm",
            "MARLOVIA COCOA REVIEW",
            Some("1987-02-26"),
            Some("Salvador"),
            1,
        ),
        (
            "wires.csv",
            "Port of Klaipeda reopens after strike",
            Some("2017-12-18"),
            Some("Klaipeda"),
            0,
        ),
        (
            "page.html",
            "Mayor Ilse Brandt opens Elbe bridge after ten years",
            Some("2024-03-05"),
            Some("Hamburg"),
            0,
        ),
    ];
    for (file, headline, date, place, skips) in cases {
        let (articles, skipped) = parse(&format!("{DIR}/{file}"));
        assert_eq!(skipped.len(), skips, "{file}: {skipped:?}");
        let article = articles
            .first()
            .unwrap_or_else(|| panic!("{file}: no article"));
        assert_eq!(article.headline, headline, "{file}");
        assert_eq!(
            article.date.map(|d| d.to_string()).as_deref(),
            date,
            "{file}"
        );
        assert_eq!(article.dateline.as_deref(), place, "{file}");
        assert!(!article.body.is_empty(), "{file}");
        assert!(
            !article.body.contains('\u{2}') && !article.body.contains('<'),
            "{file}: {}",
            article.body
        );
    }
}

/// Issue 16: RSS and Atom feeds were skipped as unsupported. Each item or entry with text is an
/// article, with the feed's title, link, date, author and source; an item without text is
/// skipped with a reason naming it.
#[test]
fn rss_and_atom_feeds_give_an_article_per_item() {
    let (articles, skipped) = parse(&format!("{DIR}/feed.rss"));
    assert_eq!(articles.len(), 2, "{skipped:?}");
    assert_eq!(skipped.len(), 1, "{skipped:?}");
    assert!(
        skipped[0]
            .ends_with("feed.rss: item 2: no text (expected a description, summary or content)"),
        "{skipped:?}"
    );
    let port = &articles[0];
    assert_eq!(
        port.headline,
        "Vessby port reopens after week-long dock strike"
    );
    assert_eq!(
        port.deck.as_deref(),
        Some("Dockers return to work after the union accepts a new pay offer.")
    );
    assert_eq!(
        port.date.map(|d| d.to_string()).as_deref(),
        Some("2026-03-03")
    );
    assert_eq!(port.dateline.as_deref(), Some("Vessby"));
    assert_eq!(
        port.url.as_deref(),
        Some("https://example.org/npa/2026/03/vessby-port-reopens")
    );
    assert_eq!(port.byline.as_deref(), Some("Ana Lindqvist"));
    assert_eq!(port.quotes.len(), 1);
    assert_eq!(port.quotes[0].speaker.as_deref(), Some("Nils Holmgren"));
    assert!(!port.body.contains('<'), "{}", port.body);
    // HTML the feed escaped into its description.
    let rates = &articles[1];
    assert_eq!(rates.headline, "Norland central bank holds rates");
    assert_eq!(rates.quotes.len(), 1, "{}", rates.body);
    assert_eq!(rates.quotes[0].speaker.as_deref(), Some("Alma Verhoeven"));
    assert!(
        !rates.body.contains('<') && !rates.body.contains("&#"),
        "{}",
        rates.body
    );

    let (articles, skipped) = parse(&format!("{DIR}/feed.atom"));
    assert!(skipped.is_empty(), "{skipped:?}");
    let [tram] = articles.as_slice() else {
        panic!("{articles:?}")
    };
    assert_eq!(tram.headline, "Kelmstadt tram strike ends after pay deal");
    assert_eq!(
        tram.date.map(|d| d.to_string()).as_deref(),
        Some("2026-02-11")
    );
    assert_eq!(tram.dateline.as_deref(), Some("Kelmstadt"));
    assert_eq!(
        tram.url.as_deref(),
        Some("https://example.org/kw/tram-strike-ends")
    );
    assert_eq!(tram.byline.as_deref(), Some("Jonas Feldmeier"));
    assert_eq!(tram.agency.as_deref(), Some("KW"));
    assert_eq!(tram.quotes[0].speaker.as_deref(), Some("Greta Sommerfeld"));

    // Indexed like any other file: found by a search, none skipped as unsupported.
    let index = crate::harness::scratch().join("feeds-index");
    let feeds = crate::harness::scratch().join("feeds");
    std::fs::create_dir_all(&feeds).unwrap();
    for name in ["feed.rss", "feed.atom"] {
        std::fs::copy(format!("{DIR}/{name}"), feeds.join(name)).unwrap();
    }
    // A feed saved as `.xml` is told by its root element.
    std::fs::copy(format!("{DIR}/feed.rss"), feeds.join("npa.xml")).unwrap();
    let run = crate::harness::ok(&[
        "index",
        crate::harness::s(&feeds),
        "--index",
        crate::harness::s(&index),
        "--json",
    ]);
    let summary: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(summary["totals"]["new"], 3, "{summary}");
    assert_eq!(summary["articles_held"], 5, "{summary}");
    // The `.xml` copy holds the same two stories: stored once.
    assert_eq!(summary["duplicates"]["exact_copies"], 2, "{summary}");
    let run = crate::harness::ok(&[
        "search",
        "tram",
        "--index",
        crate::harness::s(&index),
        "--json",
    ]);
    assert!(
        run.stdout.contains("Kelmstadt tram strike ends"),
        "{}",
        run.stdout
    );
}

#[test]
fn bodyless_records_are_skipped_with_reasons_naming_them() {
    let (_, skipped) = parse(&format!("{DIR}/reuters.sgm"));
    assert!(
        skipped[0].ends_with("reuters.sgm: NEWID 90002: no <BODY> (a brief: title only)"),
        "{skipped:?}"
    );
    let (_, skipped) = parse(&format!("{DIR}/newsml.xml"));
    assert!(
        skipped[0].ends_with("NewsItem 1: no text content (a photo, graphic or empty item)"),
        "{skipped:?}"
    );
}

#[test]
fn each_encoding_is_decoded() {
    let latin = "Café owner Zoë Brûlé wins Lyon prize";
    let cases = [
        ("utf8-bom.txt", latin),
        ("utf16le-bom.txt", latin),
        ("utf16be-bom.txt", latin),
        ("windows-1252.txt", latin),
        ("latin1.txt", latin),
        (
            "windows-1251.txt",
            "Губернатор Семёнов открыл новый мост в Казани",
        ),
    ];
    for (file, headline) in cases {
        let (articles, skipped) = parse(&format!("{DIR}/{file}"));
        assert!(skipped.is_empty(), "{file}: {skipped:?}");
        assert_eq!(articles.len(), 1, "{file}");
        assert_eq!(articles[0].headline, headline, "{file}");
        assert!(!articles[0].body.contains('\u{FFFD}'), "{file}");
    }
}

#[test]
fn every_reuters_21578_file_parses_with_reasons_for_every_skip() {
    let Some(dir) = shared("corpora/reuters21578") else {
        return;
    };
    // Three of the 22 files (the first, the one with a stray non-UTF-8 byte, the last) keep
    // this test quick on a debug build; `wiredex-lab eval reuters` reads all of them.
    let mut total = 0;
    let mut files = 0;
    for name in ["reut2-000.sgm", "reut2-017.sgm", "reut2-021.sgm"] {
        let path = dir.join(name);
        files += 1;
        let text = String::from_utf8_lossy(&std::fs::read(&path).unwrap()).into_owned();
        let records = text.matches("<REUTERS ").count();
        let with_body = text.matches("<BODY>").count();
        let (articles, skipped) = parse(path.to_str().unwrap());
        assert!(!articles.is_empty(), "{}", path.display());
        assert!(articles.len() <= with_body, "{}", path.display());
        assert_eq!(
            articles.len() + skipped.len(),
            records,
            "{}: records lost",
            path.display()
        );
        for skip in &skipped {
            let reason = skip.rsplit(".sgm: ").next().unwrap();
            assert!(
                reason.starts_with("NEWID ") || reason.starts_with("record "),
                "{skip}"
            );
        }
        let ids: HashSet<&str> = articles.iter().map(|a| a.id.as_str()).collect();
        assert!(!ids.is_empty());
        total += articles.len();
    }
    assert_eq!(files, 3);
    assert!(total > 1_500, "{total}");
}

#[test]
fn every_wire_format_sample_is_parsed_or_skipped_with_a_reason() {
    let Some(dir) = shared("corpora/wire-format-samples") else {
        return;
    };
    let run = wiredex(&["parse", "--json", dir.to_str().unwrap()]);
    let articles: Vec<Article> = run.json_lines();
    let parsed: HashSet<String> = articles.iter().map(|a| a.path.clone()).collect();
    let skipped: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| l.starts_with("wiredex: skipped "))
        .collect();
    for sub in ["superdesk-core", "superdesk-belga"] {
        for entry in std::fs::read_dir(dir.join(sub)).unwrap() {
            let path = entry.unwrap().path();
            let shown = path.display().to_string();
            let accounted = parsed.contains(&shown)
                || skipped
                    .iter()
                    .any(|s| s.starts_with(&format!("wiredex: skipped {shown}: ")));
            assert!(accounted, "{shown} silently dropped");
        }
    }
    // The feed formats themselves are read, not skipped.
    for file in [
        "tass_belga.xml",
        "afp.xml",
        "ap-nitf.xml",
        "anpa-1.tst",
        "IPTC7901.txt",
        "ap.xml",
    ] {
        assert!(
            parsed.iter().any(|p| p.ends_with(file)),
            "{file} not parsed"
        );
    }
    assert!(articles.len() >= 40, "{}", articles.len());
}

#[test]
fn index_reports_files_read_with_a_guessed_encoding() {
    let index = crate::harness::scratch().join("encoding-warning-index");
    let file = format!("{DIR}/windows-1252.txt");
    // The second run does not read the file: its warning comes from the manifest.
    for totals in [
        "files: 1 new, 0 changed, 0 unchanged, 0 deleted, 0 skipped",
        "files: 0 new, 0 changed, 1 unchanged, 0 deleted, 0 skipped",
    ] {
        let run = crate::harness::wiredex(&["index", &file, "--index", index.to_str().unwrap()]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let lines: Vec<&str> = run.stdout.lines().collect();
        assert_eq!(lines[1], totals);
        assert_eq!(lines[2], "warnings 1:");
        assert_eq!(
            lines[3],
            format!("  {file}: not UTF-8: decoded as windows-1252 (detected)")
        );
    }
}

#[test]
fn feed_metadata_fills_what_the_body_does_not_say() {
    let file = crate::harness::scratch().join("metadata-only.xml");
    std::fs::write(
        &file,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<nitf><head><title>Port reopens</title></head>\
         <body><body.head><hedline><hl1>Port reopens after storm</hl1></hedline>\
         <byline>By ANA ROCHA</byline><dateline><location><city>LISBON</city></location></dateline>\
         <distributor>The Associated Press</distributor></body.head><body.content>\
         <p>The port reopened on Monday after a storm closed it for two days.</p>\
         <p>Ships queued outside the harbour overnight.</p></body.content></body></nitf>\n",
    )
    .unwrap();
    let (articles, skipped) = parse(file.to_str().unwrap());
    assert!(skipped.is_empty(), "{skipped:?}");
    let article = &articles[0];
    assert_eq!(article.dateline.as_deref(), Some("Lisbon"));
    assert_eq!(article.agency.as_deref(), Some("AP"));
    assert_eq!(article.byline.as_deref(), Some("By ANA ROCHA"));
}

#[test]
fn feed_trailers_date_the_story_and_stay_out_of_the_body() {
    // (fixture, date, agency, the trailer as written)
    let cases = [
        ("dpa-trailer-plain.txt", "2014-01-30", "dpa", "GMT Jan 14"),
        ("kyodo.tst", "2025-03-14", "Kyodo", "KWS-"),
    ];
    for (file, date, agency, trailer) in cases {
        let (articles, skipped) = parse(&format!("{DIR}/{file}"));
        assert!(skipped.is_empty(), "{file}: {skipped:?}");
        let article = &articles[0];
        assert_eq!(
            article.date.map(|d| d.to_string()).as_deref(),
            Some(date),
            "{file}"
        );
        assert_eq!(article.agency.as_deref(), Some(agency), "{file}");
        assert!(!article.body.contains(trailer), "{file}: {}", article.body);
    }
}

#[test]
fn text_items_without_text_are_articles_found_by_headline() {
    // (fixture, headline, date, byline, a word of the headline only)
    let cases = [
        (
            "g2-withdrawn-headline-only.xml",
            "WITHDRAWN-Orvik dam operator lifts flood warning for Tessel valley",
            "2021-05-11",
            None,
            "Orvik",
        ),
        (
            "g2-byline-only.xml",
            "Soccer-Keeper Brandt extends Tessel City contract to 2025",
            "2022-02-03",
            Some("By Ola Nyberg"),
            "Brandt",
        ),
    ];
    for (file, headline, date, byline, word) in cases {
        let path = format!("{DIR}/{file}");
        let (articles, skipped) = parse(&path);
        assert!(skipped.is_empty(), "{file}: {skipped:?}");
        let article = &articles[0];
        assert_eq!(article.headline, headline, "{file}");
        assert_eq!(
            article.date.map(|d| d.to_string()).as_deref(),
            Some(date),
            "{file}"
        );
        assert_eq!(article.agency.as_deref(), Some("Reuters"), "{file}");
        assert_eq!(article.byline.as_deref(), byline, "{file}");
        let index = crate::harness::scratch().join(format!("headline-only-{word}"));
        let index = index.to_str().unwrap();
        let run = wiredex(&["index", &path, "--index", index]);
        assert_eq!(run.code, 0, "{file}: {}", run.stderr);
        let run = wiredex(&["search", word, "--index", index, "--json"]);
        assert_eq!(run.code, 0, "{file}: {}", run.stderr);
        assert_eq!(run.stdout.lines().count(), 1, "{file}: {}", run.stdout);
    }
}

#[test]
fn feed_source_fields_name_the_agency_not_its_desk() {
    // (fixture, agency)
    let cases = [("pa-sport-nitf.xml", "PA"), ("nitf.xml", "AP")];
    for (file, agency) in cases {
        let (articles, skipped) = parse(&format!("{DIR}/{file}"));
        assert!(skipped.is_empty(), "{file}: {skipped:?}");
        assert_eq!(articles[0].agency.as_deref(), Some(agency), "{file}");
    }
}

#[test]
fn a_dateline_day_beats_a_feed_time_stamped_after_midnight() {
    let (articles, skipped) = parse(&format!("{DIR}/g2-desk-dated-next-day.xml"));
    assert!(skipped.is_empty(), "{skipped:?}");
    let article = &articles[0];
    // The desk filed it at 00:40 GMT on June 5; the dateline says June 4, and the feed gives
    // the year.
    assert_eq!(
        article.date.map(|d| d.to_string()).as_deref(),
        Some("2020-06-04")
    );
    assert_eq!(article.dateline.as_deref(), Some("Tessel"));
    assert_eq!(article.agency.as_deref(), Some("Reuters"));
}
