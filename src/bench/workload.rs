//! Benchmark workloads: named groups of queries, each with the hit count it must return, read
//! from a tab-separated file, or built in from what an index holds. Knows nothing of timing or
//! engines.

use std::path::Path;

use serde::Serialize;

use crate::error::{Error, Result};
use crate::query::{SearchRequest, Searcher};

/// The workload file a folder of articles may carry (`wiredex-lab generate` writes one with
/// the true count of every query).
pub const WORKLOAD_FILE: &str = "workload.tsv";

/// What a workload query asks wiredex for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// `wiredex search QUERY`: articles, counted.
    Search,
    /// `wiredex quotes --by NAME --about TOPIC`: quotations, counted.
    Quotes,
    /// `wiredex search QUERY --count-by year`: the matching articles tallied per year (undated
    /// ones in a bucket of their own); the count is the tally's total.
    Count,
}

impl Kind {
    /// The kind as a workload file names it.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Search => "search",
            Kind::Quotes => "quotes",
            Kind::Count => "count",
        }
    }
}

/// One query of a workload.
#[derive(Debug, Clone, Serialize)]
pub struct WorkloadQuery {
    /// The group it belongs to (`term`, `phrase`, ...): latencies are reported per group.
    pub group: String,
    /// Search, quotes or count.
    pub kind: Kind,
    /// The query as written: wiredex query syntax for `search` and `count`, `by=NAME
    /// about=TOPIC` for `quotes`.
    pub text: String,
    /// The hit count wiredex must report, for `count` the total of its tally (`None`: not
    /// checked).
    pub expect: Option<usize>,
}

/// A list of queries in named groups.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Workload {
    /// The queries, in file order.
    pub queries: Vec<WorkloadQuery>,
}

impl WorkloadQuery {
    /// For a quotes query, its `(by, about)`.
    pub fn quote_parts(&self) -> (Option<String>, Option<String>) {
        let mut by = None;
        let mut about = None;
        for part in self.text.split_whitespace() {
            if let Some(v) = part.strip_prefix("by=") {
                by = Some(v.replace('_', " "));
            } else if let Some(v) = part.strip_prefix("about=") {
                about = Some(v.replace('_', " "));
            }
        }
        (by, about)
    }
}
impl Workload {
    /// The built-in groups, for an index that brings no workload: words and phrases common in
    /// wire copy (term, phrase, boolean, field + date range, count by year) and quotes by the
    /// index's two most quoted speakers. Counts are not checked: they depend on the archive.
    pub fn builtin(searcher: &Searcher) -> Result<Workload> {
        let q = |group: &str, kind: Kind, text: &str| WorkloadQuery {
            group: group.into(),
            kind,
            text: text.into(),
            expect: None,
        };
        let mut queries = vec![
            q("term", Kind::Search, "minister"),
            q("term", Kind::Search, "oil"),
            q("term", Kind::Search, "government"),
            q("phrase", Kind::Search, "\"prime minister\""),
            q("phrase", Kind::Search, "\"foreign minister\""),
            q("boolean", Kind::Search, "oil AND NOT gas"),
            q("boolean", Kind::Search, "(talks OR summit) AND minister"),
            q("field_date", Kind::Search, "headline:talks date:2000..2029"),
            q("field_date", Kind::Search, "headline:oil date:1980..1999"),
        ];
        let speakers = searcher.people(&SearchRequest::default())?;
        for (person, about) in speakers
            .iter()
            .filter(|p| p.quotes > 0)
            .zip(["", " about=government"])
        {
            let by = person.name.replace(' ', "_");
            queries.push(q(
                "quotes_speaker_topic",
                Kind::Quotes,
                &format!("by={by}{about}"),
            ));
        }
        queries.push(q("count_by", Kind::Count, "minister"));
        queries.push(q("count_by", Kind::Count, "\"prime minister\""));
        Ok(Workload { queries })
    }

    /// Reads a workload file: one query per line, `group<TAB>kind<TAB>query<TAB>expected`, where
    /// kind is `search`, `quotes` or `count` and expected is a count or `-`; `#` starts a
    /// comment.
    pub fn read(path: &Path) -> Result<Workload> {
        let text = std::fs::read_to_string(path).map_err(|reason| Error::Io {
            path: path.to_path_buf(),
            reason,
        })?;
        Workload::parse(&text).map_err(|reason| Error::Query {
            input: path.display().to_string(),
            reason,
            at: None,
        })
    }

    /// Parses the text of a workload file.
    pub fn parse(text: &str) -> std::result::Result<Workload, String> {
        let mut queries = Vec::new();
        for (n, line) in text.lines().enumerate() {
            let line = line.trim_end();
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            let [group, kind, query, expect] = cols.as_slice() else {
                return Err(format!(
                    "line {}: expected 4 TAB-separated columns (group, kind, query, expected), found {}",
                    n + 1,
                    cols.len()
                ));
            };
            let kind = match *kind {
                "search" => Kind::Search,
                "quotes" => Kind::Quotes,
                "count" => Kind::Count,
                other => {
                    return Err(format!(
                        "line {}: unknown kind '{other}': expected search, quotes or count",
                        n + 1
                    ));
                }
            };
            let expect = match expect.trim() {
                "-" => None,
                count => Some(count.parse().map_err(|_| {
                    format!(
                        "line {}: expected count '{count}' is not a number or -",
                        n + 1
                    )
                })?),
            };
            queries.push(WorkloadQuery {
                group: group.trim().to_string(),
                kind,
                text: query.trim().to_string(),
                expect,
            });
        }
        if queries.is_empty() {
            return Err("no queries".into());
        }
        Ok(Workload { queries })
    }

    /// The workload in the file format `read` takes.
    pub fn to_tsv(&self) -> String {
        let mut out = String::from(
            "# wiredex bench workload: group<TAB>kind<TAB>query<TAB>expected hits (- = unchecked)\n",
        );
        for q in &self.queries {
            let expect = q.expect.map_or("-".to_string(), |e| e.to_string());
            out.push_str(&format!(
                "{}\t{}\t{}\t{expect}\n",
                q.group,
                q.kind.name(),
                q.text
            ));
        }
        out
    }

    /// Group names in first-seen order.
    pub fn groups(&self) -> Vec<String> {
        let mut groups: Vec<String> = Vec::new();
        for q in &self.queries {
            if !groups.contains(&q.group) {
                groups.push(q.group.clone());
            }
        }
        groups
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn workload_file_round_trips_and_names_bad_lines() {
        let w =
            Workload::parse("# c\nterm\tsearch\tpipeline\t12\nq\tquotes\tby=A about=Japan\t-\n")
                .unwrap();
        assert_eq!(w.queries[0].expect, Some(12));
        assert_eq!(
            w.queries[1].quote_parts(),
            (Some("A".into()), Some("Japan".into()))
        );
        assert_eq!(Workload::parse(&w.to_tsv()).unwrap().queries.len(), 2);
        let err = Workload::parse("term\tsearch\tx\n").unwrap_err();
        assert!(
            err.contains("line 1: expected 4 TAB-separated columns"),
            "{err}"
        );
        let err = Workload::parse("term\tfind\tx\t1\n").unwrap_err();
        assert!(
            err.contains("unknown kind 'find': expected search, quotes or count"),
            "{err}"
        );
        let err = Workload::parse("count_by\tcount\tbudget\tmany\n").unwrap_err();
        assert!(
            err.contains("line 1: expected count 'many' is not a number or -"),
            "{err}"
        );
    }

    #[test]
    fn builtin_workload_quotes_the_indexs_most_quoted_speakers() {
        use crate::article;
        use crate::index::WireIndex;
        use crate::source::RawArticle;
        let raw = RawArticle {
            paragraphs: vec![
                "Envoy visits Tokyo".into(),
                "TOKYO, March 3 (Reuters) - Foreign Minister Arkady Voronin arrived on Monday."
                    .into(),
                "“Japan is a close partner of ours,” Voronin said.".into(),
            ],
            ..RawArticle::default()
        };
        let index = WireIndex::in_memory().unwrap();
        let mut writer = index.writer(1).unwrap();
        index.add(&writer, &article::parse(&raw).unwrap()).unwrap();
        writer.commit().unwrap();
        let searcher = Searcher::new(&index).unwrap();
        let workload = Workload::builtin(&searcher).unwrap();
        let quotes: Vec<&str> = workload
            .queries
            .iter()
            .filter(|q| q.kind == Kind::Quotes)
            .map(|q| q.text.as_str())
            .collect();
        assert_eq!(quotes, ["by=Arkady_Voronin"]);
        assert!(workload.queries.iter().all(|q| q.expect.is_none()));
        assert_eq!(workload.groups().len(), 6);
    }
}
