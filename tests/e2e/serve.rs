//! `wiredex serve` end to end: the real binary on a free loopback port, asked over plain
//! HTTP/1.1 (a few lines of std, no client crate). The API must answer what the CLI prints with
//! `--format json`; errors are JSON 400/404; a hostile article renders as text; facets narrow;
//! paging reaches every hit. Every wait is bounded.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use scraper::{Html, Selector};
use serde_json::Value;

use crate::harness::{corpus_index, ok, project, s, scratch, wiredex};

/// A running `wiredex serve`, stopped when dropped.
pub struct Server {
    child: Child,
    /// `127.0.0.1:PORT`.
    pub addr: String,
}

impl Server {
    /// Starts the server on `index`, port 0, and reads the address it prints.
    pub fn start(index: &str) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_wiredex"))
            .args(["serve", "--index", index, "--bind", "127.0.0.1:0"])
            .current_dir(project())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("wiredex serve starts");
        let stdout = child.stdout.take().expect("piped stdout");
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mut line = String::new();
            let _ = BufReader::new(stdout).read_line(&mut line);
            let _ = tx.send(line);
        });
        let line = rx
            .recv_timeout(Duration::from_secs(60))
            .unwrap_or_else(|_| {
                let _ = child.kill();
                panic!("wiredex serve printed no address within 60 s")
            });
        let addr = line
            .trim()
            .trim_start_matches("http://")
            .trim_end_matches('/')
            .to_string();
        assert!(addr.starts_with("127.0.0.1:"), "bound to {line:?}");
        Server { child, addr }
    }

    /// GETs `path` (already encoded).
    pub fn get(&self, path: &str) -> Response {
        get(&self.addr, path)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// An HTTP answer.
pub struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Response {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("{e}: {}", self.body))
    }

    pub fn html(&self) -> Html {
        Html::parse_document(&self.body)
    }
}

/// One GET over a fresh loopback connection.
pub fn get(addr: &str, path: &str) -> Response {
    request(addr, "GET", path, None)
}

/// One request over a fresh loopback connection, with a JSON body when given.
pub fn request(addr: &str, method: &str, path: &str, json: Option<&str>) -> Response {
    let mut stream = TcpStream::connect(addr).expect("connects");
    stream
        .set_read_timeout(Some(Duration::from_secs(60)))
        .expect("timeout");
    let body = json.unwrap_or("");
    let content = match json {
        Some(_) => format!(
            "Content-Type: application/json\r\nContent-Length: {}\r\n",
            body.len()
        ),
        None => String::new(),
    };
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\n{content}Connection: close\r\n\r\n{body}"
    )
    .expect("request sent");
    // The head, then as many bytes as Content-Length says (a WebDriver server may keep the
    // connection open after its answer), else everything until the peer closes.
    let mut reader = BufReader::new(stream);
    let mut status_line = String::new();
    reader.read_line(&mut status_line).expect("a status line");
    let status = status_line
        .split(' ')
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or_else(|| panic!("a status line: {status_line:?}"));
    let mut headers: Vec<(String, String)> = Vec::new();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).expect("a header") == 0 || line.trim().is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':') {
            headers.push((name.trim().to_string(), value.trim().to_string()));
        }
    }
    let header = |name: &str| {
        headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.clone())
    };
    let mut raw = Vec::new();
    match header("content-length").and_then(|n| n.parse::<usize>().ok()) {
        Some(length) => {
            raw.resize(length, 0);
            reader.read_exact(&mut raw).expect("the body");
        }
        None => {
            reader.read_to_end(&mut raw).expect("the body");
        }
    }
    let body = String::from_utf8_lossy(&raw).into_owned();
    let chunked = header("transfer-encoding").is_some_and(|v| v.contains("chunked"));
    Response {
        status,
        headers,
        body: if chunked { unchunk(&body) } else { body },
    }
}

/// The body of a chunked answer.
fn unchunk(mut rest: &str) -> String {
    let mut body = String::new();
    while let Some((size, after)) = rest.split_once("\r\n") {
        let size = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
        if size == 0 || after.len() < size {
            break;
        }
        body.push_str(&after[..size]);
        rest = after[size..].trim_start_matches("\r\n");
    }
    body
}

/// `text` as a query-string value.
pub fn enc(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

fn cli_json(args: &[&str]) -> Value {
    let run = wiredex(args);
    assert!(run.code <= 1, "{args:?}: {}", run.stderr);
    serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}: {}", run.stdout))
}

pub fn sel(css: &str) -> Selector {
    Selector::parse(css).expect("a valid selector")
}

fn texts(html: &Html, css: &str) -> Vec<String> {
    html.select(&sel(css))
        .map(|e| e.text().collect::<String>())
        .collect()
}

#[test]
fn serve_api_answers_what_the_cli_prints_as_json() {
    let index = corpus_index();
    let server = Server::start(index);
    let cases: [(&str, Vec<&str>); 6] = [
        (
            "/api/search?q=minister&limit=5&offset=2",
            vec!["search", "minister", "--limit", "5", "--offset", "2"],
        ),
        (
            "/api/search?q=Tokyo&sort=date&since=2015&no_collapse=true",
            vec![
                "search",
                "Tokyo",
                "--sort",
                "date",
                "--since",
                "2015",
                "--no-collapse",
            ],
        ),
        (
            "/api/search?q=minister&count_by=agency",
            vec!["search", "minister", "--count-by", "agency"],
        ),
        (
            "/api/quotes?by=Voronin&about=Japan",
            vec!["quotes", "--by", "Voronin", "--about", "Japan"],
        ),
        ("/api/people?limit=7", vec!["people", "--limit", "7"]),
        (
            "/api/timeline?q=minister&by=year",
            vec!["timeline", "minister", "--by", "year"],
        ),
    ];
    for (path, args) in cases {
        let answer = server.get(path);
        assert_eq!(answer.status, 200, "{path}: {}", answer.body);
        assert_eq!(answer.header("content-type"), Some("application/json"));
        let mut args = args;
        args.extend(["--index", index, "--format", "json"]);
        assert_eq!(answer.json(), cli_json(&args), "{path}");
    }
    // The total of a page of hits is in a header, and equals the count of every hit.
    let page = server.get("/api/search?q=minister&limit=3");
    let every = cli_json(&[
        "search", "minister", "--all", "--format", "json", "--index", index,
    ]);
    let total: usize = page
        .header("x-total-count")
        .expect("a total")
        .parse()
        .unwrap();
    assert_eq!(total, every.as_array().unwrap().len());
    assert_eq!(page.json().as_array().unwrap().len(), 3);

    let stats = server.get("/api/stats").json();
    assert_eq!(stats, cli_json(&["stats", "--json", "--index", index]));
    let id = every[0]["article"]["id"].as_str().unwrap();
    let article = server.get(&format!("/api/articles/{id}")).json();
    assert_eq!(article, cli_json(&["show", id, "--json", "--index", index]));

    let csv = server.get("/api/quotes?by=Voronin&format=csv");
    assert_eq!(csv.status, 200);
    assert!(csv.header("content-type").unwrap().starts_with("text/csv"));
    let cli_csv = ok(&[
        "quotes", "--by", "Voronin", "--format", "csv", "--index", index,
    ]);
    assert_eq!(csv.body, cli_csv.stdout);
}

#[test]
fn serve_answers_bad_input_with_json_400_and_unknown_things_with_404() {
    let index = corpus_index();
    let server = Server::start(index);
    let cli_error = |args: &[&str]| {
        let run = wiredex(args);
        assert_eq!(run.code, 2, "{args:?}");
        run.stderr
            .trim_end()
            .trim_start_matches("wiredex: ")
            .to_string()
    };
    let cases = [
        (
            format!("/api/search?q={}", enc("\"unclosed")),
            Some(cli_error(&["search", "\"unclosed", "--index", index])),
        ),
        (
            "/api/quotes?by=Voronin&since=2014-13".to_string(),
            Some(cli_error(&[
                "quotes", "--by", "Voronin", "--since", "2014-13", "--index", index,
            ])),
        ),
        (
            "/api/timeline?q=x&by=agency".to_string(),
            Some("invalid value 'agency' for by: expected year, month, week or day".to_string()),
        ),
        ("/api/search?q=x&limit=abc".to_string(), None),
        (
            "/api/search?q=x&limit=99999999999999999999".to_string(),
            None,
        ),
        (
            "/api/search?q=x&offset=18446744073709551615".to_string(),
            None,
        ),
        ("/api/search?q=x&sort=sideways".to_string(), None),
        ("/api/search?q=x&count_by=colour".to_string(), None),
        ("/api/search?q=a&q=b".to_string(), None),
    ];
    for (path, message) in cases {
        let answer = server.get(&path);
        assert_eq!(answer.status, 400, "{path}: {}", answer.body);
        let body = answer.json();
        assert_eq!(body["status"], 400);
        let error = body["error"].as_str().expect("an error message");
        if let Some(message) = message {
            assert_eq!(error, message, "{path}");
        }
        // The page for the same mistake says it too, with the same status (pages list hits;
        // they take no count_by).
        let page = server.get(&path.replacen("/api/search", "/", 1));
        if path.starts_with("/api/search") && !path.contains("count_by") {
            assert_eq!(page.status, 400, "{path}");
            assert!(page.body.contains("role=\"alert\""));
        }
    }
    // Bytes that are not UTF-8 are read as replacement characters: a search, not a failure.
    for path in [
        "/api/search?q=%FF%FE",
        "/?q=%FF%FE",
        "/quotes?by=%C3",
        "/articles/%FF",
        "/api/articles/%FF",
        "/assets/%FF",
    ] {
        let answer = server.get(path);
        assert!(
            [200, 400, 404].contains(&answer.status),
            "{path}: {}",
            answer.status
        );
        if path.starts_with("/api/") && answer.status != 200 {
            assert_eq!(answer.json()["status"], answer.status, "{path}");
        }
    }
    for path in [
        "/api/articles/0000000000000000",
        "/articles/0000000000000000",
        "/nowhere",
        "/assets/..%2F..%2FCargo.toml",
        "/assets/%2E%2E/%2E%2E/Cargo.toml",
        "/../../Cargo.toml",
        "/assets/style.css%00.toml",
    ] {
        let answer = server.get(path);
        assert_eq!(answer.status, 404, "{path}: {}", answer.body);
        assert!(!answer.body.contains("[package]"), "{path} read a file");
    }
    let unknown = server.get("/api/articles/0000000000000000").json();
    assert!(
        unknown["error"]
            .as_str()
            .unwrap()
            .starts_with("no article with id '0000000000000000'")
    );
}

/// An index of one hostile article and one plain one, in its own folder.
fn hostile_index() -> String {
    let dir = scratch().join("hostile");
    std::fs::create_dir_all(dir.join("in")).unwrap();
    std::fs::write(
        dir.join("in/2020-05-04-hostile.txt"),
        "<script>alert(1)</script> Minister Ivan Petrov resigns\n\n\
         MOSCOW (Reuters) - Minister Ivan Petrov resigned on Monday after a row over the budget.\n\n\
         \u{201c}<img src=x onerror=alert(2)> is what the budget looked like to me,\u{201d} Petrov said.\n\n\
         He said <b>nothing</b> else about the <a href=\"javascript:alert(3)\">reasons</a>.\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("in/2020-05-05-plain.txt"),
        "Budget row goes on after minister quits\n\n\
         MOSCOW (Reuters) - The budget row went on on Tuesday after Minister Ivan Petrov quit.\n",
    )
    .unwrap();
    let index = dir.join("index");
    ok(&["index", s(&dir.join("in")), "--index", s(&index)]);
    s(&index).to_string()
}

#[test]
fn serve_renders_a_hostile_article_as_text() {
    let index = hostile_index();
    let server = Server::start(&index);
    let hits = server.get("/api/search?q=budget").json();
    let id = hits
        .as_array()
        .unwrap()
        .iter()
        .find(|h| {
            h["article"]["headline"]
                .as_str()
                .unwrap()
                .contains("<script>")
        })
        .map(|h| h["article"]["id"].as_str().unwrap().to_string())
        .expect("the hostile article is found");
    let quote_words = "is what the budget looked like to me";
    for path in [
        "/?q=budget".to_string(),
        format!("/?q={}", enc("minister <script>")),
        format!("/articles/{id}"),
        "/quotes?by=Petrov".to_string(),
        format!("/quotes?by=Petrov&about={}", enc("<img src=x>")),
        format!("/timeline?q={}", enc("<script>alert(1)</script>")),
    ] {
        let page = server.get(&path);
        assert!(
            page.status == 200 || page.status == 400,
            "{path}: {}",
            page.status
        );
        let csp = page.header("content-security-policy").expect("a CSP");
        assert!(csp.contains("default-src 'none'") && !csp.contains("script-src"));
        assert_eq!(page.header("x-content-type-options"), Some("nosniff"));
        for raw in [
            "<script>alert",
            "<img src=x",
            "<b>nothing",
            "href=\"javascript:",
        ] {
            assert!(!page.body.contains(raw), "{path} holds {raw} unescaped");
        }
        // What the page parses to holds no element the article's text smuggled in.
        let html = page.html();
        assert_eq!(html.select(&sel("script")).count(), 0, "{path}");
        assert_eq!(html.select(&sel("img[onerror]")).count(), 0, "{path}");
        assert_eq!(html.select(&sel("b")).count(), 0, "{path}");
    }
    let article = server.get(&format!("/articles/{id}")).html();
    let headline = texts(&article, "h1").join("");
    assert!(headline.contains("<script>alert(1)</script>"), "{headline}");
    let marked = texts(&article, ".said q").join(" ");
    assert!(marked.contains("<img src=x onerror=alert(2)>") && marked.contains(quote_words));
    assert_eq!(texts(&article, ".said .who"), ["Ivan Petrov"]);
}

/// The article ids a search page lists, and its "1–20 of N" count.
fn listed(page: &Html) -> (Vec<String>, usize) {
    let ids = page
        .select(&sel("article.hit h2 a"))
        .filter_map(|a| a.value().attr("href"))
        .map(|h| h.trim_start_matches("/articles/").to_string())
        .collect();
    let total = texts(page, ".summary .count strong")
        .first()
        .and_then(|t| t.parse().ok())
        .unwrap_or(0);
    (ids, total)
}

#[test]
fn serve_facets_narrow_the_search_and_paging_reaches_every_hit() {
    let index = corpus_index();
    let server = Server::start(index);
    let every = cli_json(&["search", "", "--all", "--format", "json", "--index", index]);
    let every: Vec<String> = every
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["article"]["id"].as_str().unwrap().to_string())
        .collect();
    assert!(every.len() > 40, "the corpus fills several pages");

    // Next, next, next: every hit once, nothing cut, and the count says how many in all.
    let mut seen = Vec::new();
    let mut path = "/".to_string();
    for _ in 0..20 {
        let page = server.get(&path);
        assert_eq!(page.status, 200, "{path}");
        let html = page.html();
        let (ids, total) = listed(&html);
        assert_eq!(total, every.len(), "{path}");
        seen.extend(ids);
        match html.select(&sel("a[rel=next]")).next() {
            Some(next) => path = next.value().attr("href").unwrap().replace("&amp;", "&"),
            None => break,
        }
    }
    let mut sorted = seen.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted.len(), seen.len(), "a hit listed twice");
    assert_eq!(seen.len(), every.len(), "paging lost hits");

    // Each facet's first value narrows the search to as many articles as it counted.
    let page = server.get("/?q=minister").html();
    let facets = sel("aside .facet");
    let mut checked = 0;
    for facet in page.select(&facets) {
        let title = facet
            .select(&sel("h3"))
            .next()
            .unwrap()
            .text()
            .collect::<String>();
        let Some(link) = facet.select(&sel("li a")).next() else {
            continue;
        };
        let count: usize = link
            .select(&sel(".count"))
            .next()
            .unwrap()
            .text()
            .collect::<String>()
            .parse()
            .unwrap();
        let href = link.value().attr("href").unwrap().to_string();
        let narrowed = server.get(&href);
        assert_eq!(narrowed.status, 200, "{title}: {href}");
        let (ids, total) = listed(&narrowed.html());
        assert_eq!(total, count, "{title} facet: {href}");
        assert!(!ids.is_empty());
        checked += 1;
    }
    assert_eq!(
        checked, 5,
        "agency, place, people, speakers and year facets"
    );
}

#[test]
fn serve_shows_what_a_new_index_run_committed() {
    let dir = scratch().join("reload");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    let files: Vec<_> = std::fs::read_dir(project().join("corpus/reuters"))
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    assert!(files.len() >= 2);
    let copy = |p: &Path| std::fs::copy(p, input.join(p.file_name().unwrap())).unwrap();
    copy(&files[0]);
    let index = dir.join("index");
    ok(&["index", s(&input), "--index", s(&index)]);
    let server = Server::start(s(&index));
    let before = server.get("/api/stats").json()["articles"]
        .as_u64()
        .unwrap();
    for file in &files[1..] {
        copy(file);
    }
    ok(&["index", s(&input), "--index", s(&index)]);
    let want = files.len() as u64;
    let started = Instant::now();
    let mut now = before;
    while now != want && started.elapsed() < Duration::from_secs(30) {
        std::thread::sleep(Duration::from_millis(100));
        now = server.get("/api/stats").json()["articles"]
            .as_u64()
            .unwrap();
    }
    assert_eq!((before, now), (1, want), "the server did not reload");
}

#[test]
fn serve_warns_before_serving_beyond_loopback_and_says_why_it_cannot_bind() {
    // 192.0.2.1 (TEST-NET-1) is on no interface of this machine: the warning is printed, then
    // binding fails, and nothing listens anywhere.
    let run = wiredex(&["serve", "--index", corpus_index(), "--bind", "192.0.2.1:0"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "warning: serving on 192.0.2.1:0, which other machines can reach: there is no \
             authentication, so anyone who can connect can read the whole archive"
        ),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("http://192.0.2.1:0"), "{}", run.stderr);
    let missing = scratch().join("no-index-here");
    let run = wiredex(&["serve", "--index", s(&missing)]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("no index at"), "{}", run.stderr);
    let run = wiredex(&["serve", "--help"]);
    assert!(
        run.stdout
            .contains("is loopback: only this machine can connect")
    );
}
