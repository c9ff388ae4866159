//! The quotations of the articles a query matches, as a query of its own: the join behind
//! `quotes --about TOPIC`, which lists quotes from articles about the topic.
//!
//! It rests on where documents sit: an article's quote documents are added with it in one
//! batch (see [`crate::index::WireIndex::add_documents`]), so tantivy keeps them in one
//! segment right after the article document, and merges keep that order (they drop deleted
//! documents, but an article and its quotes are always deleted together). The article
//! document's `quote_count` column says how many follow it. For each segment the join runs the
//! article query, then marks the documents that follow each matching article in a bitset: no
//! stored field, key column or hash set is read.

use tantivy::query::{
    BitSetDocSet, ConstScorer, EmptyScorer, EnableScoring, Explanation, Query, Scorer, Weight,
};
use tantivy::schema::Field;
use tantivy::{BitSet, DocId, DocSet, Score, SegmentReader, TantivyError};

/// Matches the quote documents of the articles `articles` matches.
#[derive(Debug)]
pub struct QuotesOf {
    articles: Box<dyn Query>,
    quote_count: Field,
}

impl Clone for QuotesOf {
    fn clone(&self) -> Self {
        QuotesOf {
            articles: self.articles.box_clone(),
            quote_count: self.quote_count,
        }
    }
}

impl QuotesOf {
    /// The quotes of the articles `articles` matches; `quote_count` is the column that says
    /// how many quote documents follow each article document.
    pub fn new(articles: Box<dyn Query>, quote_count: Field) -> QuotesOf {
        QuotesOf {
            articles,
            quote_count,
        }
    }
}

impl Query for QuotesOf {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        // The articles only select: their scores play no part.
        let unscored = match enable_scoring.searcher() {
            Some(searcher) => EnableScoring::disabled_from_searcher(searcher),
            None => EnableScoring::disabled_from_schema(enable_scoring.schema()),
        };
        let field_name = enable_scoring.schema().get_field_name(self.quote_count);
        Ok(Box::new(QuotesOfWeight {
            articles: self.articles.weight(unscored)?,
            quote_count: field_name.to_string(),
        }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a tantivy::Term, bool)) {
        // The article's words are not the quote's: nothing to highlight in it.
        let _ = visitor;
    }
}

struct QuotesOfWeight {
    articles: Box<dyn Weight>,
    quote_count: String,
}

impl QuotesOfWeight {
    /// The quote documents of the segment's matching articles.
    fn quotes(&self, reader: &SegmentReader) -> tantivy::Result<BitSet> {
        let max_doc = reader.max_doc();
        let mut quotes = BitSet::with_max_value(max_doc);
        let counts = reader.fast_fields().u64(&self.quote_count)?;
        self.articles.for_each_no_score(reader, &mut |docs| {
            for &article in docs {
                let count = counts.first(article).unwrap_or(0);
                let end = (u64::from(article) + count).min(u64::from(max_doc) - 1);
                for quote in article + 1..=end as DocId {
                    quotes.insert(quote);
                }
            }
        })?;
        Ok(quotes)
    }
}

impl Weight for QuotesOfWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let quotes = self.quotes(reader)?;
        if quotes.len() == 0 {
            return Ok(Box::new(EmptyScorer));
        }
        Ok(Box::new(ConstScorer::new(
            BitSetDocSet::from(quotes),
            boost,
        )))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let mut scorer = self.scorer(reader, 1.0)?;
        if scorer.seek(doc) != doc {
            return Err(TantivyError::InvalidArgument(format!(
                "document {doc} is not a quote of a matching article"
            )));
        }
        Ok(Explanation::new("a quote of a matching article", 1.0))
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use tantivy::collector::DocSetCollector;

    use super::*;
    use crate::article::{self, Article};
    use crate::index::WireIndex;
    use crate::index::document::article_key;
    use crate::source::RawArticle;

    /// Story `n`: `n % 4` quotations, and the word "harbour" when `n` is even.
    fn story(n: usize) -> Article {
        let topic = if n.is_multiple_of(2) {
            " about the harbour"
        } else {
            ""
        };
        let mut paragraphs = vec![
            format!("Port Elm story number {n}"),
            format!(
                "PORT ELM, March 3 (Reuters) - Minister Arkady Voronin spoke on day {n}{topic}."
            ),
        ];
        for k in 0..n % 4 {
            paragraphs.push(format!("“This is remark {k} of story {n},” Voronin said."));
        }
        article::parse(&RawArticle {
            paragraphs,
            ..RawArticle::default()
        })
        .expect("a story")
    }

    /// The keys of the articles of the quotes `QuotesOf(harbour)` finds, and how many.
    fn quotes_of_harbour_stories(index: &WireIndex) -> (HashSet<u64>, usize) {
        let searcher = index.reader().unwrap().searcher();
        let harbour = crate::query::parse::parse_query(index, "harbour", vec![index.fields.body]);
        let join = QuotesOf::new(harbour.unwrap(), index.fields.quote_count);
        let found = searcher.search(&join, &DocSetCollector).unwrap();
        let mut keys = HashSet::new();
        for address in &found {
            let segment = searcher.segment_reader(address.segment_ord);
            let column = segment.fast_fields().u64("article_key").unwrap();
            keys.insert(column.first(address.doc_id).unwrap());
        }
        (keys, found.len())
    }

    #[test]
    fn the_join_finds_exactly_the_quotes_of_matching_articles_through_deletes_and_merges() {
        let index = WireIndex::in_memory().unwrap();
        let mut writer = index.writer(2).unwrap();
        // Segments are merged below, by hand, once the deletes are in.
        writer.set_merge_policy(Box::new(tantivy::merge_policy::NoMergePolicy));
        let stories: Vec<Article> = (0..240).map(story).collect();
        for (n, story) in stories.iter().enumerate() {
            index.add(&writer, story).unwrap();
            if n % 60 == 59 {
                writer.commit().unwrap();
            }
        }
        let gone: Vec<usize> = (0..240).filter(|n| n % 7 == 3 || n % 10 == 2).collect();
        for &n in &gone {
            index.delete_article(&writer, &stories[n].id);
        }
        writer.commit().unwrap();
        let expected = |stories: &[Article]| {
            let kept = stories
                .iter()
                .enumerate()
                .filter(|(n, s)| n.is_multiple_of(2) && !gone.contains(n) && !s.quotes.is_empty());
            let keys: HashSet<u64> = kept.clone().map(|(_, s)| article_key(&s.id)).collect();
            let quotes: usize = kept.map(|(_, s)| s.quotes.len()).sum();
            (keys, quotes)
        };
        let want = expected(&stories);
        assert!(want.1 > 50, "the stories have quotes: {}", want.1);
        assert_eq!(quotes_of_harbour_stories(&index), want, "before merging");

        let segments = index.index.searchable_segment_ids().unwrap();
        assert!(segments.len() > 1);
        writer.merge(&segments).wait().unwrap();
        writer.wait_merging_threads().unwrap();
        assert_eq!(index.index.searchable_segment_ids().unwrap().len(), 1);
        assert_eq!(quotes_of_harbour_stories(&index), want, "after merging");
    }
}
