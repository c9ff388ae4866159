//! Checks shared by the fuzz targets: beyond "no panic", what every read and every parsed article
//! must satisfy. Each check is cheap next to the parse it follows, so the fuzzers stay fast.

use std::path::Path;

use wiredex::article::{Article, ParsedFile, parse_read};
use wiredex::source::FileArticles;

/// The limit gzip files may decompress to in the targets: far above any input the fuzzer makes
/// (at most 64 KiB), low enough that a decompression bomb cannot exhaust memory.
pub const LIMIT: u64 = 4 * 1024 * 1024;

/// What a reader returned for the file at `path`: every skip and warning names the file and
/// says why; every article names the file and has at least one non-blank paragraph.
pub fn check_read(path: &Path, read: &FileArticles) {
    for skipped in &read.skipped {
        assert_eq!(skipped.path, path, "a skip names another file");
        assert!(!skipped.reason.trim().is_empty(), "a skip without a reason");
    }
    for warning in &read.warnings {
        assert_eq!(warning.path, path, "a warning names another file");
        assert!(
            !warning.message.trim().is_empty(),
            "a warning without a message"
        );
    }
    for raw in &read.articles {
        assert_eq!(raw.path, path, "an article names another file");
        assert!(
            !raw.paragraphs.is_empty(),
            "an article without paragraphs: {raw:?}"
        );
        for paragraph in &raw.paragraphs {
            assert!(!paragraph.trim().is_empty(), "a blank paragraph: {raw:?}");
        }
    }
}

/// Checks a read, parses it and checks the result: nothing is lost silently (the file gives
/// articles or at least one skip, and every raw article becomes an article or a skip), and every
/// article is well formed.
pub fn read_and_parse(path: &Path, read: FileArticles) -> ParsedFile {
    check_read(path, &read);
    assert!(
        !read.articles.is_empty() || !read.skipped.is_empty(),
        "neither an article nor a skip"
    );
    let expected = read.articles.len() + read.skipped.len();
    let parsed = parse_read(read);
    assert_eq!(
        parsed.articles.len() + parsed.skipped.len(),
        expected,
        "a raw article became neither an article nor a skip"
    );
    for skipped in &parsed.skipped {
        assert!(!skipped.reason.trim().is_empty(), "a skip without a reason");
    }
    for article in &parsed.articles {
        check_article(article);
    }
    parsed
}

/// What every parsed article must hold: a 16-hex-digit id, a headline and a body; quotes with
/// words, in a paragraph that exists; people credited only with quotes they have; and a JSON
/// form that reads back as the same article (`parse --json` is a public interface).
pub fn check_article(article: &Article) {
    assert_eq!(article.id.len(), 16, "id {:?}", article.id);
    assert!(
        article.id.bytes().all(|b| b.is_ascii_hexdigit()),
        "id {:?}",
        article.id
    );
    assert!(
        !article.headline.trim().is_empty(),
        "empty headline: {article:?}"
    );
    assert!(!article.body.trim().is_empty(), "empty body: {article:?}");
    let paragraphs = article.body.split("\n\n").count();
    for quote in &article.quotes {
        assert!(!quote.text.trim().is_empty(), "empty quote: {article:?}");
        assert!(
            quote.paragraph < paragraphs,
            "quote in paragraph {} of {paragraphs}",
            quote.paragraph
        );
    }
    // A quote's speaker may be an organisation (`Fox News reported`), not among the people;
    // but every quote a person is credited with is one of the article's quotes.
    for person in &article.people {
        assert!(
            !person.name.trim().is_empty(),
            "a person without a name: {article:?}"
        );
        let spoken = article
            .quotes
            .iter()
            .filter(|q| q.speaker.as_ref() == Some(&person.name))
            .count();
        assert!(
            person.quotes <= spoken,
            "{} is credited with {} quotes of {spoken}: {article:?}",
            person.name,
            person.quotes
        );
    }
    let json = serde_json::to_string(article).expect("an article serializes");
    let back: Article = serde_json::from_str(&json).expect("an article's JSON reads back");
    assert_eq!(&back, article, "JSON round trip changed the article");
}
