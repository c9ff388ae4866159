//! A real browser on `wiredex serve`: headless Chromium driven by chromedriver over the
//! WebDriver protocol (JSON over HTTP, spoken with the same few lines of std as the server
//! tests: no driver crate). It does what a reporter would: opens the search page, asks the
//! quotes page the mission's question (every quote by a speaker about a topic), clicks a facet,
//! opens an article, looks at the timeline and at the search page on a phone-sized screen.
//!
//! Skips, saying why, when `chromium` or `chromedriver` is not installed (`.ci/run` installs
//! them). With `WIREDEX_SCREENSHOTS=DIR` it saves a screenshot of each page there (the ones in
//! `docs/serve/` were made so).

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::harness::corpus_index;
use crate::serve::{Server, enc, request};

/// The W3C WebDriver key of an element reference.
const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

fn installed(names: &[&str]) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    names.iter().find_map(|name| {
        std::env::split_paths(&path)
            .map(|dir| dir.join(name))
            .find(|p| p.is_file())
    })
}

/// chromedriver on a free loopback port, with one browser session; both end when dropped.
struct Browser {
    driver: Child,
    addr: String,
    session: String,
    shots: Option<PathBuf>,
}

impl Browser {
    fn start(chromium: &Path, chromedriver: &Path) -> Browser {
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        let driver = Command::new(chromedriver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts");
        let addr = format!("127.0.0.1:{port}");
        let mut browser = Browser {
            driver,
            addr,
            session: String::new(),
            shots: std::env::var_os("WIREDEX_SCREENSHOTS").map(PathBuf::from),
        };
        let started = Instant::now();
        loop {
            let ready = std::net::TcpStream::connect(&browser.addr).is_ok()
                && browser.call("GET", "/status", None)["value"]["ready"] == true;
            if ready {
                break;
            }
            assert!(
                started.elapsed() < Duration::from_secs(30),
                "chromedriver not ready in 30 s"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        let capabilities = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": chromium,
                "args": ["--headless=new", "--no-sandbox", "--disable-gpu",
                         "--disable-dev-shm-usage", "--hide-scrollbars",
                         "--force-device-scale-factor=1", "--window-size=1280,1500"]
            }
        }}});
        let created = browser.call("POST", "/session", Some(capabilities));
        browser.session = created["value"]["sessionId"]
            .as_str()
            .unwrap_or_else(|| panic!("no session: {created}"))
            .to_string();
        browser
    }

    fn call(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let body = body.map(|b| b.to_string());
        let answer = request(&self.addr, method, path, body.as_deref());
        serde_json::from_str(&answer.body).unwrap_or_else(|e| panic!("{e}: {}", answer.body))
    }

    fn session(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let answer = self.call(method, &format!("/session/{}{path}", self.session), body);
        if let Some(error) = answer["value"]["error"].as_str() {
            panic!("{method} {path}: {error}: {}", answer["value"]["message"]);
        }
        answer["value"].clone()
    }

    fn open(&self, url: &str) {
        self.session("POST", "/url", Some(json!({ "url": url })));
    }

    /// The first element matching `css`, waited for (up to 10 s) while a page loads.
    fn find(&self, css: &str) -> String {
        let started = Instant::now();
        loop {
            let body = json!({"using": "css selector", "value": css}).to_string();
            let path = format!("/session/{}/element", self.session);
            let answer = request(&self.addr, "POST", &path, Some(&body));
            let value: Value = serde_json::from_str(&answer.body).unwrap_or(Value::Null);
            if let Some(id) = value["value"][ELEMENT].as_str() {
                return id.to_string();
            }
            assert!(
                started.elapsed() < Duration::from_secs(10),
                "no element {css} on {}",
                self.url()
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    fn all(&self, css: &str) -> Vec<String> {
        let found = self.session(
            "POST",
            "/elements",
            Some(json!({"using": "css selector", "value": css})),
        );
        found
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|e| e[ELEMENT].as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default()
    }

    fn text(&self, element: &str) -> String {
        let text = self.session("GET", &format!("/element/{element}/text"), None);
        text.as_str().unwrap_or_default().to_string()
    }

    fn text_of(&self, css: &str) -> String {
        self.text(&self.find(css))
    }

    fn type_into(&self, css: &str, text: &str) {
        let element = self.find(css);
        self.session(
            "POST",
            &format!("/element/{element}/clear"),
            Some(json!({})),
        );
        self.session(
            "POST",
            &format!("/element/{element}/value"),
            Some(json!({ "text": text })),
        );
    }

    fn click(&self, element: &str) {
        self.session(
            "POST",
            &format!("/element/{element}/click"),
            Some(json!({})),
        );
    }

    fn url(&self) -> String {
        let url = self.session("GET", "/url", None);
        url.as_str().unwrap_or_default().to_string()
    }

    /// Waits (up to 10 s) until the address holds `part`: a click's navigation has landed.
    fn wait_for_url(&self, part: &str) {
        let started = Instant::now();
        while !self.url().contains(part) {
            assert!(
                started.elapsed() < Duration::from_secs(10),
                "{} never held {part}",
                self.url()
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    fn resize(&self, width: u32, height: u32) {
        self.session(
            "POST",
            "/window/rect",
            Some(json!({"width": width, "height": height})),
        );
    }

    /// Saves a screenshot as `name` when screenshots were asked for.
    fn shot(&self, name: &str) {
        let Some(dir) = &self.shots else {
            return;
        };
        let png = self.session("GET", "/screenshot", None);
        let bytes = base64(png.as_str().expect("a base64 PNG"));
        std::fs::create_dir_all(dir).expect("screenshot folder");
        std::fs::write(dir.join(name), bytes).expect("screenshot written");
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        if !self.session.is_empty() {
            let path = format!("/session/{}", self.session);
            let _ = request(&self.addr, "DELETE", &path, None);
        }
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

/// Standard base64 to bytes (screenshots come so).
fn base64(text: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    };
    let digits: Vec<u8> = text.bytes().filter_map(value).collect();
    let mut out = Vec::with_capacity(digits.len() * 3 / 4);
    for chunk in digits.chunks(4) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &d)| n | u32::from(d) << (18 - 6 * i));
        out.extend_from_slice(&n.to_be_bytes()[1..chunk.len()]);
    }
    out
}

#[test]
fn base64_decodes_what_webdriver_sends() {
    assert_eq!(base64("aGVsbG8="), b"hello");
    assert_eq!(base64("aGk="), b"hi");
    assert_eq!(base64("YWJj"), b"abc");
}

#[test]
fn browser_asks_the_mission_question_clicks_a_facet_and_reads_an_article() {
    let (Some(chromium), Some(chromedriver)) = (
        installed(&["chromium", "chromium-browser", "google-chrome"]),
        installed(&["chromedriver"]),
    ) else {
        eprintln!(
            "skipping the browser test: chromium and chromedriver are not both installed \
             (apt-get install chromium chromium-driver; .ci/run does it)"
        );
        return;
    };
    let server = Server::start(corpus_index());
    let base = format!("http://{}", server.addr);
    let browser = Browser::start(&chromium, &chromedriver);

    // The search page, as a reporter first sees it.
    browser.open(&format!("{base}/"));
    browser.find("input[name=q]");
    assert!(browser.text_of(".summary .count").contains(" articles"));

    // The mission's question on the quotes page: every quote by Voronin about Japan.
    let quotes_tab = browser.find("nav a[href='/quotes']");
    browser.click(&quotes_tab);
    browser.wait_for_url("/quotes");
    browser.type_into("input[name=by]", "Voronin");
    browser.type_into("input[name=about]", "Japan");
    let ask = browser.find("form.quotes button[type=submit]");
    browser.click(&ask);
    browser.wait_for_url("about=Japan");
    let speaker = browser.text_of(".speaker-group h2");
    assert!(speaker.starts_with("Arkady Voronin"), "{speaker}");
    let quotes = browser.all("figure.quote");
    assert!(!quotes.is_empty());
    let summary = browser.text_of(".summary .count");
    assert!(
        summary.ends_with(&format!("of {} quotes", quotes.len())),
        "{summary}: every quote on one page"
    );
    let first = browser.text(&quotes[0]);
    assert!(
        ["Japan", "Tokyo", "Japanese"]
            .iter()
            .any(|w| first.contains(w)),
        "{first}"
    );
    browser.shot("quotes.png");

    // A search, then its first agency facet narrows it to as many articles as it counts.
    browser.open(&format!("{base}/"));
    browser.type_into("input[name=q]", "Voronin Japan");
    let search = browser.find("form.search button[type=submit]");
    browser.click(&search);
    browser.wait_for_url("q=Voronin");
    let before = browser.text_of(".summary .count strong");
    browser.shot("search.png");
    let facet = browser.find("aside .facet li a");
    let facet_text = browser.text(&facet);
    let (agency, count) = facet_text.rsplit_once('\n').unwrap_or((&facet_text, ""));
    browser.click(&facet);
    browser.wait_for_url("agency=");
    let after = browser.text_of(".summary .count strong");
    assert_eq!(after, count.trim(), "the {agency} facet counted {count}");
    assert_ne!(before, after, "the facet narrowed the search");
    let chip = browser.text_of(".chips .chip");
    assert!(chip.contains(agency.trim()), "{chip}");

    // The first hit's article: its headline, its quotes marked with their speakers.
    let hit = browser.find("article.hit h2 a");
    let headline = browser.text(&hit);
    browser.click(&hit);
    browser.wait_for_url("/articles/");
    assert_eq!(browser.text_of("h1"), headline);
    let speakers = browser.all(".said .who");
    assert!(!speakers.is_empty(), "quotes are marked with speakers");
    assert!(browser.text_of("aside").contains("MORE LIKE THIS"));
    browser.shot("article.png");

    // The timeline's chart loads (an <img> of the API's SVG) and its downloads are there.
    browser.open(&format!("{base}/timeline?q={}&by=year", enc("Voronin")));
    let chart = browser.find("figure.chart img");
    let width = browser.session(
        "GET",
        &format!("/element/{chart}/property/naturalWidth"),
        None,
    );
    assert!(
        width.as_u64().unwrap_or(0) > 100,
        "the chart did not load: {width}"
    );
    assert!(browser.text_of(".downloads").contains("CSV"));
    browser.shot("timeline.png");

    // On a phone the facets go under the results, and nothing is wider than the screen.
    browser.resize(390, 1100);
    browser.open(&format!("{base}/?q={}", enc("minister")));
    browser.find("article.hit");
    let overflow = browser.session(
        "POST",
        "/execute/sync",
        Some(json!({"script": "return document.documentElement.scrollWidth;", "args": []})),
    );
    assert!(
        overflow.as_u64().unwrap_or(9999) <= 400,
        "the page is wider than a phone: {overflow}"
    );
    browser.shot("search-phone.png");
}
