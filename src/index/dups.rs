//! Near-duplicate stories: wire copies with a changed lead, updated versions, republished
//! stories. Each article's body gets a MinHash sketch over word shingles, stored in the
//! `sketch` fast column as one value per LSH band; after an index run, articles that share a
//! band and whose sketches agree on at least [`SIMILARITY`] of their hashes are joined into a
//! group (transitively, so a story's successive updates are one group), named by the
//! `article_key` of its earliest member. The groups are kept beside the index in
//! [`GROUPS_FILE`] (article key -> group, for grouped articles only), written after the run's
//! last commit and tagged with it: no document is rewritten, and a reader of a commit the file
//! was not made for still finds every older article's group (a newer one is ungrouped until the
//! run ends). The file also lists, for each segment of that commit, the documents (articles and
//! quotes) whose article is in a group: a query then looks at its grouped matches only, and
//! takes the others as they are. Segments are immutable, so a segment's list stays true until
//! a merge replaces it; one the file does not list is collapsed by reading its key column.
//!
//! Exact copies (the same headline and body) are not groups: they are one article already,
//! keyed by content, with the other files it came from kept in its `copies` field.
//!
//! The sketch is MinHash (Broder, 1997) with `BANDS` × `ROWS` hash functions; each hash keeps
//! its top 16 bits (b-bit MinHash), and each band's three 16-bit minima are packed with the
//! band's number into one u64, so two articles share a band exactly when they share a value.
//! With 16 bands of 3 rows, pairs whose word-shingle Jaccard similarity is 0.5 become candidates
//! with probability 0.88, at 0.7 with 0.999, and at 0.2 with 0.12; candidates are then checked
//! against the whole sketch.

use std::path::Path;

use rustc_hash::FxHashMap;
use tantivy::columnar::Column;
use tantivy::index::SegmentId;
use tantivy::{DocId, Searcher, SegmentOrdinal};

/// LSH bands in a sketch.
pub const BANDS: usize = 16;
/// MinHash values per band.
pub const ROWS: usize = 3;
/// Words per shingle.
pub const SHINGLE_WORDS: usize = 4;
/// Bodies with fewer shingles than this get no sketch: too short to tell a copy from a story
/// that merely shares a stock phrase.
pub const MIN_SHINGLES: usize = 12;
/// The share of equal MinHash values (an estimate of the Jaccard similarity of two bodies'
/// shingle sets) from which two articles are the same story.
pub const SIMILARITY: f64 = 0.5;
/// Bodies with fewer shingles than this are briefs (a dividend, a rate change, a table) that
/// a template makes alike whatever the story: they must agree on [`SHORT_SIMILARITY`] of
/// their hashes, where the estimate from 48 hashes is also too rough for a lower bar.
pub const SHORT_SHINGLES: usize = 50;
/// The bar for briefs (see [`SHORT_SHINGLES`]).
pub const SHORT_SIMILARITY: f64 = 0.8;
/// Copies and updates of a story are dated within this many days of each other; stories
/// further apart that read alike are recurring reports (a weekly statistic, a market
/// operation), not the same story.
pub const MAX_DAYS_APART: i64 = 3;
/// The top byte of the sketch value that holds the body's number of shingles.
const SIZE_TAG: u64 = 0xFE;
/// The file in the index folder that holds the groups.
pub const GROUPS_FILE: &str = "wiredex-groups.bin";
/// The first bytes of [`GROUPS_FILE`], with the layout's version.
const GROUPS_MAGIC: &[u8; 8] = b"WDXGRP03";
/// In an LSH bucket, each member is compared with at most this many members before it: a
/// bucket of a thousand articles that share a stock paragraph costs thousands of comparisons,
/// not a million.
const BUCKET_COMPARISONS: usize = 8;

const HASHES: usize = BANDS * ROWS;

/// The multipliers and offsets of the hash functions, fixed forever: sketches are stored.
fn parameters() -> &'static [(u64, u64); HASHES] {
    static PARAMETERS: std::sync::OnceLock<[(u64, u64); HASHES]> = std::sync::OnceLock::new();
    PARAMETERS.get_or_init(|| {
        let mut state = 0x5EED_D0C5_2026_0001_u64;
        let mut next = || {
            // SplitMix64.
            state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = state;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            z ^ (z >> 31)
        };
        std::array::from_fn(|_| (next() | 1, next()))
    })
}

/// A 64-bit hash of a word, case-folded: FNV-1a over its lower-case characters.
fn word_hash(word: &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |byte: u8| {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    };
    if word.is_ascii() {
        word.bytes().for_each(|b| feed(b.to_ascii_lowercase()));
    } else {
        let mut buffer = [0u8; 4];
        for c in word.chars().flat_map(char::to_lowercase) {
            c.encode_utf8(&mut buffer).bytes().for_each(&mut feed);
        }
    }
    hash
}

/// A hash of a text's words, case-folded, ignoring punctuation and spacing: the same quotation
/// in two copies of a story has the same key.
pub fn text_key(text: &str) -> u64 {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .fold(0x2545_F491_4F6C_DD1D, |key, word| {
            (key.rotate_left(23) ^ word_hash(word)).wrapping_mul(0x9E37_79B9_7F4A_7C15)
        })
}

/// The sketch of a story body: one u64 per band, the band's number in the top byte and its
/// three 16-bit minima below, then one tagged 0xFE in the top byte holding the number of
/// shingles. `None` for bodies too short to compare.
pub fn sketch(body: &str) -> Option<Vec<u64>> {
    let words: Vec<u64> = body
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(word_hash)
        .collect();
    if words.len() < SHINGLE_WORDS + MIN_SHINGLES - 1 {
        return None;
    }
    let parameters = parameters();
    let mut minima = [u64::MAX; HASHES];
    for window in words.windows(SHINGLE_WORDS) {
        let mut shingle = 0u64;
        for &word in window {
            shingle = (shingle.rotate_left(23) ^ word).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
        for (minimum, &(multiplier, offset)) in minima.iter_mut().zip(parameters) {
            let value = shingle.wrapping_mul(multiplier).wrapping_add(offset);
            if value < *minimum {
                *minimum = value;
            }
        }
    }
    let shingles = (words.len() + 1 - SHINGLE_WORDS) as u64;
    Some(
        (0..BANDS)
            .map(|band| {
                let mut packed = (band as u64) << 56;
                for row in 0..ROWS {
                    let top16 = minima[band * ROWS + row] >> 48;
                    packed |= top16 << (16 * row);
                }
                packed
            })
            .chain([(SIZE_TAG << 56) | shingles.min((1 << 56) - 1)])
            .collect(),
    )
}

/// The number of shingles a sketch was made from (0 when it does not say).
pub fn shingles(sketch: &[u64]) -> usize {
    sketch
        .iter()
        .find(|v| *v >> 56 == SIZE_TAG)
        .map_or(0, |v| (v & ((1 << 56) - 1)) as usize)
}

/// Whether two sketched articles are the same story: dated within [`MAX_DAYS_APART`] days
/// (when both are dated) and alike enough for their length.
pub fn same_story(a: &[u64], a_day: i64, b: &[u64], b_day: i64) -> bool {
    let dated = a_day != i64::MAX && b_day != i64::MAX;
    if dated && (a_day - b_day).abs() > MAX_DAYS_APART {
        return false;
    }
    let bar = if shingles(a).min(shingles(b)) < SHORT_SHINGLES {
        SHORT_SIMILARITY
    } else {
        SIMILARITY
    };
    similarity(a, b) >= bar
}

/// The share of MinHash values two sketches have in common (0 when either is malformed).
pub fn similarity(a: &[u64], b: &[u64]) -> f64 {
    let (a, b) = (in_band_order(a), in_band_order(b));
    let (Some(a), Some(b)) = (a, b) else {
        return 0.0;
    };
    let mut equal = 0;
    for (x, y) in a.iter().zip(&b) {
        for row in 0..ROWS {
            let shift = 16 * row;
            equal += usize::from((x >> shift) & 0xFFFF == (y >> shift) & 0xFFFF);
        }
    }
    equal as f64 / HASHES as f64
}

/// The sketch's band values indexed by band, whatever order the column gave them in.
fn in_band_order(values: &[u64]) -> Option<[u64; BANDS]> {
    let mut ordered = [0u64; BANDS];
    let mut seen = 0u32;
    for &value in values.iter().filter(|v| *v >> 56 != SIZE_TAG) {
        let band = (value >> 56) as usize;
        if band >= BANDS || seen & (1 << band) != 0 {
            return None;
        }
        seen |= 1 << band;
        ordered[band] = value;
    }
    (seen.count_ones() as usize == BANDS).then_some(ordered)
}

/// One article with a sketch, as the grouping pass sees it.
#[derive(Debug, Clone)]
pub struct Sketched {
    /// Where its document is.
    pub segment: SegmentOrdinal,
    /// Its document in that segment.
    pub doc: DocId,
    /// Its `article_key`.
    pub key: u64,
    /// Its date in days since 1970 (`i64::MAX` when undated: undated copies come last).
    pub day: i64,
}

/// Groups of near-duplicate articles found in an index.
#[derive(Debug, Default)]
pub struct Grouping {
    /// Every sketched article.
    pub articles: Vec<Sketched>,
    /// For each of `articles`, the group it belongs to (the key of the group's earliest member),
    /// or `None` when it has no near-duplicate.
    pub groups: Vec<Option<u64>>,
}

impl Grouping {
    /// Every grouped article's key with its group, sorted by key.
    pub fn members(&self) -> Vec<(u64, u64)> {
        let mut members: Vec<(u64, u64)> = self
            .articles
            .iter()
            .zip(&self.groups)
            .filter_map(|(article, group)| group.map(|g| (article.key, g)))
            .collect();
        members.sort_unstable();
        members.dedup_by_key(|(key, _)| *key);
        members
    }
}

struct SegmentColumns {
    sketch: Column<u64>,
}

/// Union-find over article numbers, with path halving.
struct Sets(Vec<u32>);

impl Sets {
    fn find(&mut self, mut at: u32) -> u32 {
        while self.0[at as usize] != at {
            let parent = self.0[self.0[at as usize] as usize];
            self.0[at as usize] = parent;
            at = parent;
        }
        at
    }

    fn join(&mut self, a: u32, b: u32) {
        let (a, b) = (self.find(a), self.find(b));
        if a != b {
            self.0[a.max(b) as usize] = a.min(b);
        }
    }
}

/// Finds the near-duplicate groups among the articles `searcher` sees.
pub fn group(searcher: &Searcher) -> tantivy::Result<Grouping> {
    let mut articles = Vec::new();
    let mut columns = Vec::new();
    for (ordinal, segment) in searcher.segment_readers().iter().enumerate() {
        let fast = segment.fast_fields();
        let Some(sketch) = fast.column_opt::<u64>("sketch")? else {
            columns.push(None);
            continue;
        };
        let keys = fast.u64("article_key")?;
        let dates = fast.column_opt::<tantivy::DateTime>("date")?;
        for doc in segment.doc_ids_alive() {
            if sketch.values_for_doc(doc).next().is_none() {
                continue;
            }
            let Some(key) = keys.first(doc) else { continue };
            let day = dates
                .as_ref()
                .and_then(|c| c.first(doc))
                .map_or(i64::MAX, |d| d.into_timestamp_secs().div_euclid(86_400));
            articles.push(Sketched {
                segment: ordinal as SegmentOrdinal,
                doc,
                key,
                day,
            });
        }
        columns.push(Some(SegmentColumns { sketch }));
    }
    let sketch_of = |article: &Sketched| -> Vec<u64> {
        columns[article.segment as usize]
            .as_ref()
            .map(|c| c.sketch.values_for_doc(article.doc).collect())
            .unwrap_or_default()
    };

    let mut sets = Sets((0..articles.len() as u32).collect());
    let mut buckets: Vec<(u64, u32)> = Vec::with_capacity(articles.len());
    for band in 0..BANDS as u64 {
        buckets.clear();
        for (number, article) in articles.iter().enumerate() {
            let values = columns[article.segment as usize].as_ref();
            let value = values.and_then(|c| {
                c.sketch
                    .values_for_doc(article.doc)
                    .find(|v| v >> 56 == band)
            });
            if let Some(value) = value {
                buckets.push((value, number as u32));
            }
        }
        buckets.sort_unstable();
        for run in buckets.chunk_by(|a, b| a.0 == b.0) {
            if run.len() < 2 {
                continue;
            }
            let sketches: Vec<Vec<u64>> = run
                .iter()
                .map(|&(_, n)| sketch_of(&articles[n as usize]))
                .collect();
            for later in 1..run.len() {
                for earlier in later.saturating_sub(BUCKET_COMPARISONS)..later {
                    let (a, b) = (run[earlier].1, run[later].1);
                    if sets.find(a) == sets.find(b) {
                        break;
                    }
                    let (first, second) = (&articles[a as usize], &articles[b as usize]);
                    if same_story(&sketches[earlier], first.day, &sketches[later], second.day) {
                        sets.join(a, b);
                        break;
                    }
                }
            }
        }
    }

    // Each group is named by its earliest member (then the smallest key). Roots are article
    // numbers, so vectors indexed by them serve as maps.
    let mut first: Vec<(i64, u64)> = vec![(i64::MAX, u64::MAX); articles.len()];
    let mut size: Vec<u32> = vec![0; articles.len()];
    let roots: Vec<u32> = (0..articles.len() as u32).map(|n| sets.find(n)).collect();
    drop(sets);
    for (article, &root) in articles.iter().zip(&roots) {
        let root = root as usize;
        size[root] += 1;
        first[root] = first[root].min((article.day, article.key));
    }
    let groups = roots
        .iter()
        .map(|&root| (size[root as usize] > 1).then(|| first[root as usize].1))
        .collect();
    Ok(Grouping { articles, groups })
}

/// One segment's grouped documents, in order, with their groups.
pub type SegmentList = (SegmentId, Vec<(DocId, u64)>);

/// The groups of an index, as written after its last run: article key -> group.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Groups {
    /// The opstamp of the commit they were computed for.
    pub opstamp: u64,
    /// Each grouped article's key and group, as written (a reader that needs lookups by key
    /// builds its own map: most queries need none).
    pub members: Vec<(u64, u64)>,
    /// For each segment (by id), its documents whose article is in a group, in order, with
    /// their group.
    pub segments: Vec<SegmentList>,
}

/// For each segment of `searcher`, its documents whose `article_key` is a key of `of`, with
/// their group.
pub fn grouped_documents(
    searcher: &Searcher,
    of: &FxHashMap<u64, u64>,
) -> tantivy::Result<Vec<SegmentList>> {
    let mut segments = Vec::with_capacity(searcher.segment_readers().len());
    for reader in searcher.segment_readers() {
        let keys = reader.fast_fields().u64("article_key")?;
        let docs = (0..reader.max_doc())
            .filter_map(|doc| {
                let group = of.get(&keys.first(doc)?)?;
                Some((doc, *group))
            })
            .collect();
        segments.push((reader.segment_id(), docs));
    }
    Ok(segments)
}

impl Groups {
    /// Whether the index folder `dir` has lost its groups: the file is missing or cannot be
    /// read, while `meta.json` says the index exists. Searches then collapse nothing and count
    /// every copy, which they should say (the next `index` run writes the file again).
    pub fn lost(dir: &Path) -> bool {
        if !dir.join("meta.json").exists() {
            return false;
        }
        match std::fs::read(dir.join(GROUPS_FILE)) {
            Ok(bytes) => Groups::decode(&bytes).is_none(),
            Err(_) => true,
        }
    }

    /// Reads the groups kept in the index folder `dir`; none when there is no file (an index
    /// made before its first run ended) or it cannot be read.
    pub fn load(dir: &Path) -> Groups {
        let Ok(bytes) = std::fs::read(dir.join(GROUPS_FILE)) else {
            return Groups::default();
        };
        Groups::decode(&bytes).unwrap_or_default()
    }

    /// Layout: magic, opstamp (u64), number of members (u64), each member's article key and
    /// group (u64 each), then for each segment its id (32 hex digits), its number of grouped
    /// documents (u32), their ids (u32 each) and their groups (u64 each); little-endian.
    pub(crate) fn decode(bytes: &[u8]) -> Option<Groups> {
        let mut rest = bytes.strip_prefix(GROUPS_MAGIC)?;
        let mut take = |n: usize| -> Option<&[u8]> {
            let (head, tail) = rest.split_at_checked(n)?;
            rest = tail;
            Some(head)
        };
        let u64_of = |b: &[u8]| u64::from_le_bytes(b.try_into().unwrap_or([0; 8]));
        let u32_of = |b: &[u8]| u32::from_le_bytes(b.try_into().unwrap_or([0; 4]));
        let opstamp = u64_of(take(8)?);
        let members = usize::try_from(u64_of(take(8)?)).ok()?;
        let pairs = take(members.checked_mul(16)?)?;
        let members = pairs
            .chunks_exact(16)
            .map(|pair| (u64_of(&pair[..8]), u64_of(&pair[8..])))
            .collect();
        let mut segments = Vec::new();
        while let Some(id) = take(32) {
            let id = SegmentId::from_uuid_string(std::str::from_utf8(id).ok()?).ok()?;
            let count = u32_of(take(4)?) as usize;
            let docs = take(count.checked_mul(4)?)?.chunks_exact(4).map(u32_of);
            let groups = take(count.checked_mul(8)?)?.chunks_exact(8).map(u64_of);
            segments.push((id, docs.zip(groups).collect()));
        }
        Some(Groups {
            opstamp,
            members,
            segments,
        })
    }

    /// Writes `members` (article key, group) and each segment's grouped documents for the
    /// commit `opstamp` into the index folder `dir`, atomically.
    pub fn save(
        dir: &Path,
        opstamp: u64,
        members: &[(u64, u64)],
        segments: &[SegmentList],
    ) -> std::io::Result<()> {
        let mut bytes = Vec::with_capacity(24 + members.len() * 16);
        bytes.extend_from_slice(GROUPS_MAGIC);
        bytes.extend_from_slice(&opstamp.to_le_bytes());
        bytes.extend_from_slice(&(members.len() as u64).to_le_bytes());
        for (key, group) in members {
            bytes.extend_from_slice(&key.to_le_bytes());
            bytes.extend_from_slice(&group.to_le_bytes());
        }
        for (id, docs) in segments {
            bytes.extend_from_slice(id.uuid_string().as_bytes());
            bytes.extend_from_slice(&(docs.len() as u32).to_le_bytes());
            for (doc, _) in docs {
                bytes.extend_from_slice(&doc.to_le_bytes());
            }
            for (_, group) in docs {
                bytes.extend_from_slice(&group.to_le_bytes());
            }
        }
        let temp = dir.join(format!("{GROUPS_FILE}.tmp"));
        std::fs::write(&temp, bytes)?;
        std::fs::rename(&temp, dir.join(GROUPS_FILE))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str = "The central bank of Norland raised its main interest rate by half a \
        point on Tuesday, its third increase this year, saying that inflation had stayed above \
        its target for too long. Governor Alma Verhoeven told reporters the bank was ready to act \
        again if prices kept rising. Economists had expected a smaller move, and the currency \
        rose against the euro after the decision. Mortgage lenders said they would pass the \
        increase on to borrowers within weeks.";

    fn sketch_of(text: &str) -> Vec<u64> {
        sketch(text).expect("long enough")
    }

    #[test]
    fn the_same_body_has_the_same_sketch_whatever_the_case() {
        assert_eq!(sketch_of(STORY), sketch_of(&STORY.to_uppercase()));
        assert_eq!(similarity(&sketch_of(STORY), &sketch_of(STORY)), 1.0);
    }

    #[test]
    fn a_changed_lead_or_an_added_paragraph_stays_similar() {
        let changed_lead = STORY.replacen(
            "The central bank of Norland raised its main interest rate by half a point on Tuesday",
            "Norland's central bank surprised markets on Tuesday with a half-point rate rise",
            1,
        );
        let updated = format!(
            "{STORY} The finance ministry welcomed the decision in a brief statement, and \
             opposition parties called for help for households with large loans."
        );
        let base = sketch_of(STORY);
        assert!(similarity(&base, &sketch_of(&changed_lead)) >= SIMILARITY);
        assert!(similarity(&base, &sketch_of(&updated)) >= SIMILARITY);
    }

    #[test]
    fn a_different_story_on_the_same_subject_is_not_similar() {
        let other = "Norland's finance minister presented a budget on Wednesday that cuts \
            spending on roads and raises taxes on tobacco, saying the country must bring its \
            deficit down before the next election. The central bank has raised interest rates \
            three times this year. Opposition leaders called the budget unfair to pensioners \
            and promised to vote against it in parliament next month.";
        assert!(similarity(&sketch_of(STORY), &sketch_of(other)) < 0.2);
    }

    #[test]
    fn text_keys_ignore_case_and_punctuation() {
        assert_eq!(
            text_key("We will not give in, ever."),
            text_key("we will not give in -- ever")
        );
        assert_ne!(text_key("we will not give in"), text_key("we will give in"));
    }

    #[test]
    fn short_bodies_get_no_sketch() {
        assert_eq!(sketch("Bank raises rates by half a point."), None);
        assert_eq!(sketch(""), None);
    }

    #[test]
    fn each_band_value_carries_its_band_number() {
        let values = sketch_of(STORY);
        assert_eq!(values.len(), BANDS + 1);
        let words = STORY
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .count();
        assert_eq!(shingles(&values), words + 1 - SHINGLE_WORDS);
        let mut reversed = values.clone();
        reversed.reverse();
        // The column may return a document's values in another order.
        assert_eq!(similarity(&values, &reversed), 1.0);
        assert_eq!(similarity(&values, &values[1..]), 0.0);
    }

    #[test]
    fn stories_far_apart_in_time_or_briefs_that_merely_share_a_template_are_not_the_same() {
        let story = sketch_of(STORY);
        assert!(same_story(&story, 100, &story, 103));
        assert!(same_story(&story, i64::MAX, &story, 103));
        assert!(!same_story(&story, 100, &story, 110));
        let brief = |bank: &str| {
            sketch_of(&format!(
                "{bank} said it is raising its prime lending rate to 7-3/4 pct from 7-1/2 pct, \
                 effective immediately, after the central bank raised its discount rate."
            ))
        };
        let (first, second) = (brief("Marine Midland Banks Inc"), brief("Chemical Bank"));
        assert!(shingles(&first) < SHORT_SHINGLES);
        assert!(!same_story(&first, 100, &second, 100));
        assert!(same_story(&first, 100, &first, 100));
    }

    #[test]
    fn groups_survive_a_save_and_a_damaged_file_reads_as_none() {
        let dir = tempfile::tempdir().expect("temp dir");
        let segments = vec![
            (SegmentId::generate_random(), vec![(0, 1), (5, 5), (6, 1)]),
            (SegmentId::generate_random(), vec![]),
        ];
        Groups::save(dir.path(), 7, &[(1, 1), (2, 1), (9, 5)], &segments).expect("saved");
        let groups = Groups::load(dir.path());
        assert_eq!(groups.opstamp, 7);
        assert_eq!(groups.members, [(1, 1), (2, 1), (9, 5)]);
        assert_eq!(groups.segments, segments);
        let whole = std::fs::read(dir.path().join(GROUPS_FILE)).expect("read");
        for cut in [9, 20, 30, 70, whole.len() - 1] {
            std::fs::write(dir.path().join(GROUPS_FILE), &whole[..cut]).expect("written");
            assert_eq!(Groups::load(dir.path()), Groups::default(), "cut at {cut}");
        }
        std::fs::write(dir.path().join(GROUPS_FILE), b"WDXGRP01\x07").expect("written");
        assert_eq!(Groups::load(dir.path()), Groups::default());
        assert_eq!(Groups::load(&dir.path().join("absent")), Groups::default());
    }

    #[test]
    fn groups_join_transitively_and_are_named_by_their_root() {
        let mut sets = Sets((0..4).collect());
        sets.join(3, 2);
        sets.join(2, 1);
        assert_eq!(sets.find(3), sets.find(1));
        assert_ne!(sets.find(0), sets.find(1));
    }
}
