//! `atleast3:sanctions`: documents where a term occurs at least N times in a field. tantivy has
//! no such query, so this one reads the term's postings with frequencies and skips documents
//! below the minimum; matches are scored by BM25 like a term query.

use tantivy::postings::{Postings, SegmentPostings};
use tantivy::query::{Bm25Weight, EmptyScorer, EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocId, DocSet, Score, SegmentReader, TERMINATED, Term};

/// Matches documents whose field holds `term` at least `min` times.
#[derive(Clone, Debug)]
pub struct MinFrequencyQuery {
    term: Term,
    min: u32,
}

impl MinFrequencyQuery {
    /// A query for `term` occurring `min` times or more in its field.
    pub fn new(term: Term, min: u32) -> MinFrequencyQuery {
        MinFrequencyQuery { term, min }
    }
}

impl Query for MinFrequencyQuery {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let bm25 = match enable_scoring {
            EnableScoring::Enabled {
                statistics_provider,
                ..
            } => Some(Bm25Weight::for_terms(
                statistics_provider,
                std::slice::from_ref(&self.term),
            )?),
            EnableScoring::Disabled { .. } => None,
        };
        Ok(Box::new(MinFrequencyWeight {
            term: self.term.clone(),
            min: self.min,
            bm25,
        }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        visitor(&self.term, false);
    }
}

struct MinFrequencyWeight {
    term: Term,
    min: u32,
    bm25: Option<Bm25Weight>,
}

impl MinFrequencyWeight {
    fn frequency_scorer(
        &self,
        reader: &SegmentReader,
        boost: Score,
    ) -> tantivy::Result<Option<MinFrequencyScorer>> {
        let field = self.term.field();
        let postings = reader
            .inverted_index(field)?
            .read_postings(&self.term, IndexRecordOption::WithFreqs)?;
        let Some(postings) = postings else {
            return Ok(None);
        };
        let mut scorer = MinFrequencyScorer {
            postings,
            min: self.min,
            fieldnorms: reader.get_fieldnorms_reader(field)?,
            bm25: self.bm25.as_ref().map(|w| w.boost_by(boost)),
        };
        scorer.skip_rare();
        Ok(Some(scorer))
    }
}

impl Weight for MinFrequencyWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        Ok(match self.frequency_scorer(reader, boost)? {
            Some(scorer) => Box::new(scorer),
            None => Box::new(EmptyScorer),
        })
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let scorer = self.frequency_scorer(reader, 1.0)?;
        let Some(mut scorer) = scorer.filter(|s| s.doc() <= doc) else {
            return Err(does_not_match(doc));
        };
        if scorer.seek(doc) != doc {
            return Err(does_not_match(doc));
        }
        let why = format!(
            "term occurs {} times (at least {})",
            scorer.postings.term_freq(),
            self.min
        );
        Ok(Explanation::new_with_string(why, scorer.score()))
    }
}

fn does_not_match(doc: DocId) -> tantivy::TantivyError {
    tantivy::TantivyError::InvalidArgument(format!("document {doc} does not match"))
}

struct MinFrequencyScorer {
    postings: SegmentPostings,
    min: u32,
    fieldnorms: tantivy::fieldnorm::FieldNormReader,
    bm25: Option<Bm25Weight>,
}

impl MinFrequencyScorer {
    /// Moves past documents where the term is too rare; returns the current document.
    fn skip_rare(&mut self) -> DocId {
        let mut doc = self.postings.doc();
        while doc != TERMINATED && self.postings.term_freq() < self.min {
            doc = self.postings.advance();
        }
        doc
    }
}

impl DocSet for MinFrequencyScorer {
    fn advance(&mut self) -> DocId {
        self.postings.advance();
        self.skip_rare()
    }

    fn seek(&mut self, target: DocId) -> DocId {
        self.postings.seek(target);
        self.skip_rare()
    }

    fn doc(&self) -> DocId {
        self.postings.doc()
    }

    fn size_hint(&self) -> u32 {
        self.postings.size_hint()
    }
}

impl Scorer for MinFrequencyScorer {
    fn score(&mut self) -> Score {
        match &self.bm25 {
            Some(bm25) => {
                let norm = self.fieldnorms.fieldnorm_id(self.postings.doc());
                bm25.score(norm, self.postings.term_freq())
            }
            None => 1.0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::collector::Count;
    use tantivy::schema::{STORED, Schema, TEXT};
    use tantivy::{Index, doc};

    #[test]
    fn only_documents_with_enough_occurrences_match() {
        let mut builder = Schema::builder();
        let body = builder.add_text_field("body", TEXT | STORED);
        let index = Index::create_in_ram(builder.build());
        let mut writer = index
            .writer::<tantivy::TantivyDocument>(15_000_000)
            .unwrap();
        for text in [
            "gas",
            "gas gas",
            "gas oil gas gas",
            "oil",
            "gas gas gas gas",
        ] {
            writer.add_document(doc!(body => text)).unwrap();
        }
        writer.commit().unwrap();
        let searcher = index.reader().unwrap().searcher();
        let count = |min| {
            let query = MinFrequencyQuery::new(Term::from_field_text(body, "gas"), min);
            searcher.search(&query, &Count).unwrap()
        };
        assert_eq!(
            [count(1), count(2), count(3), count(4), count(5)],
            [4, 3, 2, 1, 0]
        );
        let absent = MinFrequencyQuery::new(Term::from_field_text(body, "coal"), 1);
        assert_eq!(searcher.search(&absent, &Count).unwrap(), 0);
    }
}
