//! Ranking quotations by their substance. BM25 favours short documents, so a two-word scare
//! quote that names the topic (`called the deal “oil diplomacy”`) outranked the sentences a
//! speaker actually said about it. [`LengthPrior`] scales each quote's score by
//! `words / (words + PRIOR_WORDS)`, read from the quote field's norms: a two-word quote keeps a
//! quarter of its score, a twenty-word one about three quarters.

use tantivy::query::{EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::schema::Field;
use tantivy::{DocId, DocSet, Score, SegmentReader};

/// The length, in words, at which a quote keeps half its score.
pub const PRIOR_WORDS: f32 = 6.0;

/// The share of its score a quote of `words` words keeps.
pub fn prior(words: u32) -> Score {
    let words = words as Score;
    words / (words + PRIOR_WORDS)
}

/// `inner`, each match's score scaled by [`prior`] of its length in `field`.
#[derive(Debug)]
pub struct LengthPrior {
    inner: Box<dyn Query>,
    field: Field,
}

impl Clone for LengthPrior {
    fn clone(&self) -> Self {
        LengthPrior {
            inner: self.inner.box_clone(),
            field: self.field,
        }
    }
}

impl LengthPrior {
    /// Scales the scores of `inner` by the length of each match's `field`.
    pub fn new(inner: Box<dyn Query>, field: Field) -> LengthPrior {
        LengthPrior { inner, field }
    }
}

impl Query for LengthPrior {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        Ok(Box::new(LengthPriorWeight {
            inner: self.inner.weight(enable_scoring)?,
            field: self.field,
        }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a tantivy::Term, bool)) {
        self.inner.query_terms(visitor);
    }
}

struct LengthPriorWeight {
    inner: Box<dyn Weight>,
    field: Field,
}

impl Weight for LengthPriorWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        Ok(Box::new(LengthPriorScorer {
            inner: self.inner.scorer(reader, boost)?,
            norms: reader.get_fieldnorms_reader(self.field)?,
        }))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let inner = self.inner.explain(reader, doc)?;
        let words = reader.get_fieldnorms_reader(self.field)?.fieldnorm(doc);
        let scale = prior(words);
        let mut explanation = Explanation::new("quote length prior", inner.value() * scale);
        explanation.add_detail(inner);
        explanation.add_const("words in the quote", words as Score);
        Ok(explanation)
    }

    fn count(&self, reader: &SegmentReader) -> tantivy::Result<u32> {
        self.inner.count(reader)
    }
}

struct LengthPriorScorer {
    inner: Box<dyn Scorer>,
    norms: tantivy::fieldnorm::FieldNormReader,
}

impl DocSet for LengthPriorScorer {
    fn advance(&mut self) -> DocId {
        self.inner.advance()
    }
    fn seek(&mut self, target: DocId) -> DocId {
        self.inner.seek(target)
    }
    fn doc(&self) -> DocId {
        self.inner.doc()
    }
    fn size_hint(&self) -> u32 {
        self.inner.size_hint()
    }
}

impl Scorer for LengthPriorScorer {
    fn score(&mut self) -> Score {
        let words = self.norms.fieldnorm(self.inner.doc());
        self.inner.score() * prior(words)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_quotes_keep_less_of_their_score() {
        assert!((prior(6) - 0.5).abs() < 1e-6);
        assert!(prior(2) < 0.3);
        assert!(prior(20) > 0.75);
        assert!(prior(0) == 0.0);
        assert!((1..200).all(|n| prior(n) < prior(n + 1)));
    }
}
