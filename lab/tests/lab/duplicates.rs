//! Near-duplicate grouping on generated stories, whose file names say which story each update
//! updates: a measure of the grouping that only the generator can give.

use wiredex::query::{Filters, SearchRequest, Searcher};

use crate::harness::{lab, scratch};

/// The generator writes a share of its stories twice: an "UPDATE 1" of the story before it,
/// with one paragraph more. Its file names say which: every update must be grouped with the
/// story it updates (recall), and no two other stories grouped (precision).
#[test]
fn generated_updates_are_grouped_with_the_story_they_update_and_nothing_else() {
    let dir = scratch().join("generated-files");
    let index = scratch().join("generated-index");
    let run = lab(&[
        "generate",
        "--articles",
        "1500",
        "--seed",
        "11",
        "--out",
        dir.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let (index, _) = wiredex::index::build(&index, std::slice::from_ref(&dir)).unwrap();
    let searcher = Searcher::new(&index).unwrap();
    let number = |path: &str| -> u64 {
        let stem = path.rsplit('-').next().unwrap().trim_end_matches(".txt");
        stem.parse().unwrap()
    };
    let mut group_of = std::collections::BTreeMap::new();
    let mut updates = Vec::new();
    let request = SearchRequest {
        filters: Filters {
            collapse: false,
            ..Filters::default()
        },
        ..SearchRequest::default()
    };
    for hit in searcher.search_all(&request).unwrap().hits {
        let path = hit.article.path.clone();
        let n = number(&path);
        if path.contains("-update1-") {
            updates.push(n);
        }
        group_of.insert(n, hit.group.clone());
    }
    assert!(updates.len() > 30, "{} updates", updates.len());
    let found = updates
        .iter()
        .filter(|&&n| group_of[&n].is_some() && group_of[&n] == group_of[&(n - 1)])
        .count();
    let mut members: std::collections::BTreeMap<&str, Vec<u64>> = Default::default();
    for (n, group) in &group_of {
        if let Some(group) = group {
            members.entry(group).or_default().push(*n);
        }
    }
    for (group, numbers) in &members {
        assert!(
            numbers.len() == 2 && updates.contains(&numbers[1]) && numbers[0] + 1 == numbers[1],
            "group {group} holds {numbers:?}, not a story and its update"
        );
    }
    // Briefs must agree more closely than long stories: a short story whose update adds a
    // long paragraph may stay apart.
    assert!(
        found * 100 >= updates.len() * 90,
        "{found} of {} updates grouped",
        updates.len()
    );
}
