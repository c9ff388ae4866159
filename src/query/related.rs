//! Stories related to one article: the other members of its near-duplicate group (wire copies,
//! updates, republications) and stories similar by their terms ("more like this"). Reads the
//! index only.

use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, MoreLikeThisQuery, Occur, Query, TermSetQuery};
use tantivy::schema::{OwnedValue, Term};
use tantivy::{DocAddress, TantivyDocument};

use super::collapse;
use super::facets::Over;
use super::{Searcher, Sort, term_query};
use crate::article::Article;
use crate::error::Result;
use crate::index::document::article_key;
use crate::index::schema::KIND_ARTICLE;

/// The most terms of an article's body a "more like this" query is made of.
const SIMILAR_TERMS: usize = 25;

impl Searcher<'_> {
    fn address_of(&self, id: &str) -> Result<Option<DocAddress>> {
        let query = BooleanQuery::new(vec![
            (Occur::Must, self.kind(KIND_ARTICLE)),
            (
                Occur::Must,
                term_query(Term::from_field_text(
                    self.index.fields.article_id,
                    id.trim(),
                )),
            ),
        ]);
        Ok(self
            .top(&query, 1, 0, Sort::Relevance)?
            .first()
            .map(|&(_, address)| address))
    }

    fn group_of(&self, address: DocAddress) -> Result<Option<u64>> {
        let groups = self.groups();
        let (group, _) = collapse::keys_of(&self.searcher, address, Over::Articles, &groups)
            .map_err(|e| self.err(e))?;
        Ok(group)
    }

    /// The other members of the near-duplicate group of the article with this id, earliest
    /// first; empty when it has none (or is not indexed).
    pub fn copies(&self, id: &str) -> Result<Vec<Article>> {
        let Some(address) = self.address_of(id)? else {
            return Ok(Vec::new());
        };
        let Some(group) = self.group_of(address)? else {
            return Ok(Vec::new());
        };
        let own = article_key(id.trim());
        let terms: Vec<Term> = self
            .groups()
            .keys_in(group)
            .into_iter()
            .filter(|&key| key != own)
            .map(|key| Term::from_field_u64(self.index.fields.article_key, key))
            .collect();
        if terms.is_empty() {
            return Ok(Vec::new());
        }
        let query = BooleanQuery::new(vec![
            (Occur::Must, self.kind(KIND_ARTICLE)),
            (Occur::Must, Box::new(TermSetQuery::new(terms))),
        ]);
        let found = self
            .searcher
            .search(&query, &TopDocs::with_limit(1000).order_by_score())
            .map_err(|e| self.err(e))?;
        let mut articles = Vec::with_capacity(found.len());
        for (_, address) in found {
            articles.push(self.record::<Article>(address)?);
        }
        articles.sort_by(|a, b| (a.date, &a.id).cmp(&(b.date, &b.id)));
        Ok(articles)
    }

    /// Up to `limit` articles most similar to the one with this id by the terms of its body
    /// (tantivy's "more like this"), best first, leaving out the article itself and its
    /// near-duplicates.
    pub fn similar(&self, id: &str, limit: usize) -> Result<Vec<(f32, Article)>> {
        let Some(address) = self.address_of(id)? else {
            return Ok(Vec::new());
        };
        let doc: TantivyDocument = self.document(address)?;
        let article: Article = self.parse_record(&doc)?;
        let fields = &self.index.fields;
        let like = MoreLikeThisQuery::builder()
            .with_min_doc_frequency(2)
            .with_min_term_frequency(1)
            .with_min_word_length(3)
            .with_max_query_terms(SIMILAR_TERMS)
            .with_document_fields(vec![(fields.body, vec![OwnedValue::Str(article.body)])]);
        let query = BooleanQuery::new(vec![
            (Occur::Must, Box::new(like) as Box<dyn Query>),
            (Occur::Must, self.kind(KIND_ARTICLE)),
            (
                Occur::MustNot,
                term_query(Term::from_field_text(fields.article_id, &article.id)),
            ),
        ]);
        let group = self.group_of(address)?;
        let found = self
            .searcher
            .search(&query, &TopDocs::with_limit(limit + 20).order_by_score())
            .map_err(|e| self.err(e))?;
        let mut similar = Vec::with_capacity(limit);
        for (score, address) in found {
            if similar.len() == limit {
                break;
            }
            if group.is_some() && self.group_of(address)? == group {
                continue;
            }
            similar.push((score, self.record::<Article>(address)?));
        }
        Ok(similar)
    }
}
