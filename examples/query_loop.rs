//! Runs one search or quote request many times against an existing index and prints the median
//! latency: a target for `perf record` when profiling queries.
//!
//! `cargo run --release --example query_loop -- INDEX search|quotes QUERY [RUNS] [collapse]`
//! (for quotes, QUERY is `by=NAME about=TOPIC`; `collapse` collapses near-duplicates, as the
//! command line does by default).

use std::path::Path;
use std::time::Instant;

use wiredex::index::WireIndex;
use wiredex::query::{Filters, QuoteRequest, SearchRequest, Searcher};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [index, kind, query, rest @ ..] = args.as_slice() else {
        return Err("usage: query_loop INDEX search|quotes QUERY [RUNS]".into());
    };
    let runs: usize = rest.first().map_or(Ok(200), |r| r.parse())?;
    let filters = Filters {
        collapse: rest.get(1).is_some_and(|c| c == "collapse"),
        ..Filters::default()
    };
    let index = WireIndex::open(Path::new(index))?;
    let searcher = Searcher::new(&index)?;
    let part = |name: &str| {
        query
            .split_whitespace()
            .find_map(|w| w.strip_prefix(&format!("{name}=")).map(str::to_string))
    };
    let mut times = Vec::with_capacity(runs);
    let mut total = 0;
    for _ in 0..runs {
        let start = Instant::now();
        total = match kind.as_str() {
            "quotes" => {
                searcher
                    .quotes(&QuoteRequest {
                        by: part("by"),
                        about: part("about"),
                        filters: filters.clone(),
                        limit: 10,
                        ..QuoteRequest::default()
                    })?
                    .total
            }
            _ => {
                searcher
                    .search(&SearchRequest {
                        query: query.clone(),
                        filters: filters.clone(),
                        limit: 10,
                        ..SearchRequest::default()
                    })?
                    .total
            }
        };
        times.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(f64::total_cmp);
    println!(
        "{total} hits; p50 {:.3} ms over {runs} runs",
        times[times.len() / 2]
    );
    Ok(())
}
