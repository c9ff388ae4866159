//! Collapsing near-duplicates: among the documents a query matches, the members of one
//! near-duplicate group (see [`crate::index::dups`]) stand as one, their earliest member; for
//! quotations, the same words quoted in several members of a group are one quotation.
//!
//! Which group an article belongs to comes from the groups kept beside the index (see
//! [`crate::index::dups::Groups`]), looked up by the `article_key` fast column.
//!
//! It takes two passes. [`GroupScan`] picks, for each group among the matches, the member that
//! stands for it; then [`Restrict`] wraps any collector (top hits, counts by facet, ...) and
//! lets through only the ungrouped matches and the chosen members. The groups file lists each
//! segment's grouped documents, so the first pass reads only the matches among them (the
//! query is intersected with [`GroupedDocs`]) and the second lets every other match through on
//! one bit; a segment the file does not list (made after it) is scanned match by match, each
//! costing a fast-column read.

use std::sync::Arc;

use rustc_hash::FxHashMap;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::index::SegmentId;
use tantivy::query::{ConstScorer, EmptyScorer, EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::{DocAddress, DocId, DocSet, Score, SegmentOrdinal, SegmentReader, TERMINATED};

use super::facets::Over;

/// The member that stands for a group among a query's matches, and how many matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Member {
    /// The chosen document.
    pub address: DocAddress,
    /// Its date in days since 1970 (`i64::MAX` when undated).
    day: i64,
    /// Its article's key, which breaks ties between members of the same day.
    key: u64,
    /// The group's members among the matches, the chosen one included.
    pub count: usize,
}

/// What the first pass found: every group among the matches with its chosen member.
#[derive(Debug, Default)]
pub struct Chosen {
    /// Collapse key (the group, or the group and the quote's words) -> its chosen member.
    pub members: FxHashMap<u64, Member>,
    /// Every match, members of groups each counted.
    pub matches: usize,
}

impl Chosen {
    /// The matches that collapsing hides: each group's members but the chosen one.
    pub fn hidden(&self) -> usize {
        self.members.values().map(|m| m.count - 1).sum()
    }
}

/// Article key -> near-duplicate group, for the grouped articles, shared by the collectors.
pub type GroupMap = Arc<GroupIndex>;

/// The groups: each listed segment's grouped documents with their group, and, for segments
/// the file does not list, a map from article key to group with a bitmap in front of it (most
/// matches are in no group, and the bit of their key, an evenly spread hash, says so without a
/// map lookup), built the first time such a segment is met.
#[derive(Debug, Default)]
pub struct GroupIndex {
    /// Each grouped article's key and group.
    members: Vec<(u64, u64)>,
    /// The map and bitmap, when first needed.
    lookup: std::sync::OnceLock<Lookup>,
    /// Each listed segment's grouped documents.
    segments: FxHashMap<SegmentId, Arc<SegmentGroups>>,
}

/// Article key -> group, with a bitmap of the keys in front.
#[derive(Debug, Default)]
struct Lookup {
    of: FxHashMap<u64, u64>,
    bits: Vec<u64>,
}

/// One segment's grouped documents, in order, with their groups.
#[derive(Debug, Default)]
pub struct SegmentGroups {
    docs: Vec<DocId>,
    groups: Vec<u64>,
}

impl SegmentGroups {
    /// The group of `doc`, if it is listed. `cursor` keeps where the last search ended:
    /// collectors ask in document order, so each search is short.
    fn group_of(&self, doc: DocId, cursor: &std::cell::Cell<usize>) -> Option<u64> {
        let mut at = cursor.get().min(self.docs.len());
        if at > 0 && self.docs[at - 1] >= doc {
            at = 0;
        }
        at = gallop(&self.docs, at, doc);
        cursor.set(at);
        (self.docs.get(at) == Some(&doc)).then(|| self.groups[at])
    }
}

/// The first position from `from` on whose document is `target` or after it, found by steps
/// that double, then a binary search: the answer is usually a few places on.
fn gallop(docs: &[DocId], from: usize, target: DocId) -> usize {
    let (mut low, mut high, mut step) = (from, from, 1);
    while high < docs.len() && docs[high] < target {
        low = high + 1;
        high = from + step;
        step *= 2;
    }
    let high = high.min(docs.len());
    low + docs[low..high].partition_point(|&d| d < target)
}

impl GroupIndex {
    /// The groups of `members` (article key, group) and the segments' grouped documents.
    pub fn new(members: Vec<(u64, u64)>, segments: Vec<crate::index::dups::SegmentList>) -> Self {
        let segments = segments
            .into_iter()
            .map(|(id, listed)| {
                let (docs, groups) = listed.into_iter().unzip();
                (id, Arc::new(SegmentGroups { docs, groups }))
            })
            .collect();
        GroupIndex {
            members,
            lookup: std::sync::OnceLock::new(),
            segments,
        }
    }

    /// The article keys of the members of `group`.
    pub fn keys_in(&self, group: u64) -> Vec<u64> {
        self.members
            .iter()
            .filter(|&&(_, g)| g == group)
            .map(|&(key, _)| key)
            .collect()
    }

    /// Whether every segment of `searcher` has its grouped documents listed.
    pub fn lists_every_segment(&self, searcher: &tantivy::Searcher) -> bool {
        let readers = searcher.segment_readers();
        readers
            .iter()
            .all(|r| self.segments.contains_key(&r.segment_id()))
    }

    /// The grouped documents of the segment, when listed.
    fn listed(&self, segment: &SegmentReader) -> Option<Arc<SegmentGroups>> {
        self.segments.get(&segment.segment_id()).cloned()
    }

    fn lookup(&self) -> &Lookup {
        self.lookup.get_or_init(|| {
            // About eight bits per grouped article: one match in eight of those outside any
            // group goes on to the map.
            let words = (self.members.len() * 8 / 64).next_power_of_two().max(64);
            let mut bits = vec![0u64; words];
            for (key, _) in &self.members {
                let bit = (*key as usize) & (words * 64 - 1);
                bits[bit / 64] |= 1 << (bit % 64);
            }
            Lookup {
                of: self.members.iter().copied().collect(),
                bits,
            }
        })
    }

    /// The group of the article with this key.
    pub fn get(&self, key: u64) -> Option<u64> {
        if self.members.is_empty() {
            return None;
        }
        let Lookup { of, bits } = self.lookup();
        let bit = (key as usize) & (bits.len() * 64 - 1);
        if bits[bit / 64] & (1 << (bit % 64)) == 0 {
            return None;
        }
        of.get(&key).copied()
    }

    /// Whether there is no group.
    pub fn is_empty(&self) -> bool {
        self.members.is_empty()
    }
}

/// What says which group a document belongs to: the segment's list of grouped documents, or,
/// for a segment the groups file does not list, its article's key and the groups.
struct GroupColumns {
    keys: Option<Column<u64>>,
    quote_key: Option<Column<u64>>,
    groups: GroupMap,
    listed: Option<Arc<SegmentGroups>>,
    cursor: std::cell::Cell<usize>,
    over: Over,
}

impl GroupColumns {
    fn of(segment: &SegmentReader, over: Over, groups: &GroupMap) -> tantivy::Result<GroupColumns> {
        let fast = segment.fast_fields();
        Ok(GroupColumns {
            keys: fast.column_opt::<u64>("article_key")?,
            quote_key: match over {
                Over::Quotes => fast.column_opt::<u64>("quote_key")?,
                Over::Articles => None,
            },
            groups: groups.clone(),
            listed: groups.listed(segment),
            cursor: std::cell::Cell::new(0),
            over,
        })
    }

    /// The group of the document's article, if it has one.
    fn group(&self, doc: DocId) -> Option<u64> {
        if let Some(listed) = &self.listed {
            return listed.group_of(doc, &self.cursor);
        }
        let key = self.keys.as_ref()?.first(doc)?;
        self.groups.get(key)
    }

    /// The document's collapse key, or `None` when it is in no group.
    fn key(&self, doc: DocId) -> Option<u64> {
        let group = self.group(doc)?;
        Some(match self.over {
            Over::Articles => group,
            Over::Quotes => {
                let words = self.quote_key.as_ref().and_then(|c| c.first(doc));
                (group.rotate_left(29) ^ words.unwrap_or(0)).wrapping_mul(0x9E37_79B9_7F4A_7C15)
            }
        })
    }
}

/// The first pass: counts the matches and picks each group's earliest member among them.
pub struct GroupScan {
    /// Articles or quotations.
    pub over: Over,
    /// The groups.
    pub groups: GroupMap,
}

/// The per-segment side of [`GroupScan`].
pub struct SegmentScan {
    segment: SegmentOrdinal,
    columns: GroupColumns,
    keys: Option<Column<u64>>,
    dates: Option<Column<tantivy::DateTime>>,
    found: Chosen,
}

impl SegmentCollector for SegmentScan {
    type Fruit = Chosen;

    fn collect(&mut self, doc: DocId, _score: Score) {
        self.found.matches += 1;
        let Some(collapse) = self.columns.key(doc) else {
            return;
        };
        let key = self.keys.as_ref().and_then(|c| c.first(doc)).unwrap_or(0);
        let day = self
            .dates
            .as_ref()
            .and_then(|c| c.first(doc))
            .map_or(i64::MAX, |d| d.into_timestamp_secs().div_euclid(86_400));
        let candidate = Member {
            address: DocAddress::new(self.segment, doc),
            day,
            key,
            count: 1,
        };
        self.found
            .members
            .entry(collapse)
            .and_modify(|member| *member = earlier(*member, candidate))
            .or_insert(candidate);
    }

    fn harvest(self) -> Chosen {
        self.found
    }
}

/// The earlier of two members, with both counts added.
fn earlier(a: Member, b: Member) -> Member {
    let first = if (b.day, b.key, b.address) < (a.day, a.key, a.address) {
        b
    } else {
        a
    };
    Member {
        count: a.count + b.count,
        ..first
    }
}

impl Collector for GroupScan {
    type Fruit = Chosen;
    type Child = SegmentScan;

    fn for_segment(
        &self,
        segment_ord: SegmentOrdinal,
        segment: &SegmentReader,
    ) -> tantivy::Result<SegmentScan> {
        let fast = segment.fast_fields();
        Ok(SegmentScan {
            segment: segment_ord,
            columns: GroupColumns::of(segment, self.over, &self.groups)?,
            keys: fast.column_opt::<u64>("article_key")?,
            dates: fast.column_opt::<tantivy::DateTime>("date")?,
            found: Chosen::default(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Chosen>) -> tantivy::Result<Chosen> {
        let mut all = Chosen::default();
        for fruit in fruits {
            all.matches += fruit.matches;
            for (collapse, member) in fruit.members {
                all.members
                    .entry(collapse)
                    .and_modify(|m| *m = earlier(*m, member))
                    .or_insert(member);
            }
        }
        Ok(all)
    }
}

/// Wraps a collector so that it sees of each group only its chosen member.
pub struct Restrict<C> {
    /// The wrapped collector.
    pub inner: C,
    /// Articles or quotations (how collapse keys are made).
    pub over: Over,
    /// The members of groups that pass.
    pub chosen: Arc<Chosen>,
    /// The groups.
    pub groups: GroupMap,
}

/// The per-segment side of [`Restrict`].
pub struct SegmentRestrict<S> {
    inner: S,
    segment: SegmentOrdinal,
    columns: GroupColumns,
    chosen: Arc<Chosen>,
}

impl<S: SegmentCollector> SegmentCollector for SegmentRestrict<S> {
    type Fruit = S::Fruit;

    fn collect(&mut self, doc: DocId, score: Score) {
        if let Some(collapse) = self.columns.key(doc)
            && self
                .chosen
                .members
                .get(&collapse)
                .is_some_and(|m| m.address != DocAddress::new(self.segment, doc))
        {
            return;
        }
        self.inner.collect(doc, score);
    }

    fn harvest(self) -> S::Fruit {
        self.inner.harvest()
    }
}

impl<C: Collector> Collector for Restrict<C> {
    type Fruit = C::Fruit;
    type Child = SegmentRestrict<C::Child>;

    fn for_segment(
        &self,
        segment_ord: SegmentOrdinal,
        segment: &SegmentReader,
    ) -> tantivy::Result<Self::Child> {
        Ok(SegmentRestrict {
            inner: self.inner.for_segment(segment_ord, segment)?,
            segment: segment_ord,
            columns: GroupColumns::of(segment, self.over, &self.groups)?,
            chosen: self.chosen.clone(),
        })
    }

    fn requires_scoring(&self) -> bool {
        self.inner.requires_scoring()
    }

    fn merge_fruits(
        &self,
        fruits: Vec<<Self::Child as SegmentCollector>::Fruit>,
    ) -> tantivy::Result<C::Fruit> {
        self.inner.merge_fruits(fruits)
    }
}

/// Whether a document of one segment is shown: outside any group, or its group's chosen member.
pub struct Shown {
    columns: GroupColumns,
    chosen: Arc<Chosen>,
}

impl Shown {
    /// For the documents of `segment`.
    pub fn of(
        segment: &SegmentReader,
        over: Over,
        groups: &GroupMap,
        chosen: &Arc<Chosen>,
    ) -> tantivy::Result<Shown> {
        Ok(Shown {
            columns: GroupColumns::of(segment, over, groups)?,
            chosen: chosen.clone(),
        })
    }

    /// Whether the document at `address` (in this segment) is shown.
    pub fn lets_through(&self, address: DocAddress) -> bool {
        match self.columns.key(address.doc_id) {
            None => true,
            Some(key) => self
                .chosen
                .members
                .get(&key)
                .is_none_or(|member| member.address == address),
        }
    }
}

/// The group of the document at `address`, and its collapse key (`over` says how it is made).
pub fn keys_of(
    searcher: &tantivy::Searcher,
    address: DocAddress,
    over: Over,
    groups: &GroupMap,
) -> tantivy::Result<(Option<u64>, Option<u64>)> {
    let segment = searcher.segment_reader(address.segment_ord);
    let columns = GroupColumns::of(segment, over, groups)?;
    Ok((columns.group(address.doc_id), columns.key(address.doc_id)))
}

/// Matches the documents whose article is in a group, in the segments the groups file lists
/// (none elsewhere: use it only when [`GroupIndex::lists_every_segment`]).
#[derive(Debug, Clone)]
pub struct GroupedDocs {
    /// The groups.
    pub groups: GroupMap,
}

/// A segment's grouped documents as a tantivy doc set.
struct ListedDocs {
    listed: Arc<SegmentGroups>,
    at: usize,
}

impl DocSet for ListedDocs {
    fn advance(&mut self) -> DocId {
        self.at = (self.at + 1).min(self.listed.docs.len());
        self.doc()
    }

    fn seek(&mut self, target: DocId) -> DocId {
        if self.doc() < target {
            self.at = gallop(&self.listed.docs, self.at, target);
        }
        self.doc()
    }

    fn doc(&self) -> DocId {
        self.listed.docs.get(self.at).copied().unwrap_or(TERMINATED)
    }

    fn size_hint(&self) -> u32 {
        self.listed.docs.len() as u32
    }
}

impl Query for GroupedDocs {
    fn weight(&self, _scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        Ok(Box::new(self.clone()))
    }
}

impl Weight for GroupedDocs {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        Ok(match self.groups.listed(reader) {
            Some(listed) if !listed.docs.is_empty() => {
                Box::new(ConstScorer::new(ListedDocs { listed, at: 0 }, boost))
            }
            _ => Box::new(EmptyScorer),
        })
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        if self.scorer(reader, 1.0)?.seek(doc) != doc {
            return Err(tantivy::TantivyError::InvalidArgument(format!(
                "document {doc} is in no group"
            )));
        }
        Ok(Explanation::new("in a near-duplicate group", 1.0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn member(segment: u32, day: i64, key: u64) -> Member {
        Member {
            address: DocAddress::new(segment, 0),
            day,
            key,
            count: 1,
        }
    }

    #[test]
    fn the_earliest_member_stands_for_the_group_and_counts_add_up() {
        let chosen = earlier(member(0, 20, 5), member(1, 10, 9));
        assert_eq!((chosen.day, chosen.key, chosen.count), (10, 9, 2));
        let tie = earlier(member(0, 10, 7), member(1, 10, 3));
        assert_eq!(tie.key, 3);
        let undated = earlier(member(0, i64::MAX, 1), member(1, 30, 2));
        assert_eq!(undated.key, 2);
    }

    #[test]
    fn the_group_index_finds_every_grouped_key_and_no_other() {
        let of: FxHashMap<u64, u64> = (0..1000u64)
            .map(|n| (n.wrapping_mul(0x9E37_79B9_7F4A_7C15), 7))
            .collect();
        let index = GroupIndex::new(of.iter().map(|(k, g)| (*k, *g)).collect(), Vec::new());
        assert!(of.keys().all(|&key| index.get(key) == Some(7)));
        assert_eq!(index.get(12345), None);
        assert_eq!(GroupIndex::default().get(1), None);
    }

    #[test]
    fn a_segments_list_answers_in_any_order_of_asking() {
        let listed = SegmentGroups {
            docs: vec![2, 3, 9, 40, 41],
            groups: vec![20, 30, 90, 400, 410],
        };
        let cursor = std::cell::Cell::new(0);
        let ask = |docs: &[DocId]| -> Vec<Option<u64>> {
            docs.iter().map(|&d| listed.group_of(d, &cursor)).collect()
        };
        assert_eq!(
            ask(&[0, 2, 3, 4, 9, 41, 50]),
            [None, Some(20), Some(30), None, Some(90), Some(410), None]
        );
        assert_eq!(
            ask(&[40, 2, 9, 9, 1]),
            [Some(400), Some(20), Some(90), Some(90), None]
        );
        let empty = SegmentGroups::default();
        assert_eq!(empty.group_of(3, &cursor), None);
        let docs: Vec<DocId> = (0..200).map(|n| n * 3).collect();
        for from in [0, 1, 7, 100, 199, 200] {
            for target in [0, 1, 3, 4, 20, 299, 300, 597, 598, 1000] {
                let expected = from.max(docs.partition_point(|&d| d < target));
                assert_eq!(gallop(&docs, from, target), expected, "{from} {target}");
            }
        }

        let mut docs = ListedDocs {
            listed: Arc::new(listed),
            at: 0,
        };
        assert_eq!(docs.doc(), 2);
        assert_eq!(docs.seek(2), 2);
        assert_eq!(docs.seek(4), 9);
        assert_eq!(docs.advance(), 40);
        assert_eq!(docs.seek(41), 41);
        assert_eq!(docs.advance(), TERMINATED);
        assert_eq!(docs.advance(), TERMINATED);
        assert_eq!(docs.seek(TERMINATED), TERMINATED);
    }

    #[test]
    fn collapsing_hides_every_member_of_a_group_but_one() {
        let mut chosen = Chosen {
            matches: 10,
            ..Chosen::default()
        };
        chosen.members.insert(
            1,
            Member {
                count: 4,
                ..member(0, 1, 1)
            },
        );
        chosen.members.insert(2, member(0, 1, 2));
        assert_eq!(chosen.hidden(), 3);
    }
}
