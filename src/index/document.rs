//! Turning an `Article` into tantivy documents: one for the article and one for each quotation,
//! the latter carrying the article's id, date, agency, place and headline.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use tantivy::{DateTime, TantivyDocument};

use super::schema::{Fields, KIND_ARTICLE, KIND_QUOTE};
use crate::article::{Article, SpeakerKind};

/// What a quote document stores for display: the quote and its article's essentials.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuoteRecord {
    /// The article's id.
    pub article_id: String,
    /// The quote's position among the article's quotes.
    pub number: usize,
    /// The quoted words.
    pub text: String,
    /// The speaker's canonical name, if known.
    pub speaker: Option<String>,
    /// Whether the speaker is a person or an organisation (`None` without a speaker, or in an
    /// index made before speakers had kinds).
    #[serde(default)]
    pub speaker_kind: Option<SpeakerKind>,
    /// The verb of saying, if any.
    pub cue: Option<String>,
    /// The sentence that attributes the quote, its words elided (`“…” the minister noted.`).
    #[serde(default)]
    pub attribution: Option<String>,
    /// The article's date.
    pub date: Option<NaiveDate>,
    /// The article's agency.
    pub agency: Option<String>,
    /// The article's dateline place.
    pub place: Option<String>,
    /// The article's headline.
    pub headline: String,
    /// The article's source file.
    pub path: String,
}

fn to_datetime(date: NaiveDate) -> DateTime {
    let midnight = date.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc();
    DateTime::from_timestamp_secs(midnight.timestamp())
}

/// The day a tantivy date field value stands for.
pub fn from_datetime(value: DateTime) -> Option<NaiveDate> {
    chrono::DateTime::from_timestamp(value.into_timestamp_secs(), 0).map(|dt| dt.date_naive())
}

/// The tantivy date value for the start of `date`.
pub fn day_value(date: NaiveDate) -> DateTime {
    to_datetime(date)
}

/// The article's document followed by one document per quotation, all tagged with `source`,
/// the key of the file they came from.
pub fn documents(
    article: &Article,
    source: &str,
    fields: &Fields,
) -> serde_json::Result<Vec<TantivyDocument>> {
    let mut out = Vec::with_capacity(1 + article.quotes.len());
    let mut doc = TantivyDocument::default();
    doc.add_text(fields.kind, KIND_ARTICLE);
    add_shared(&mut doc, article, source, fields);
    // Only articles are searched by headline: quote documents carry it in their record.
    doc.add_text(fields.headline, &article.headline);
    if let Some(deck) = &article.deck {
        doc.add_text(fields.deck, deck);
    }
    // `body` holds all the article's words, headline and deck first (tantivy leaves a gap of
    // positions between values, so no phrase spans two of them): a bare word is then one term
    // of one field, which tantivy counts from its posting list's length without reading it.
    doc.add_text(fields.body, &article.headline);
    if let Some(deck) = &article.deck {
        doc.add_text(fields.body, deck);
    }
    doc.add_text(fields.body, &article.body);
    for value in super::dups::sketch(&article.body).into_iter().flatten() {
        doc.add_u64(fields.sketch, value);
    }
    for person in &article.people {
        doc.add_text(fields.person, &person.name);
    }
    for person in article.people.iter().filter(|p| p.quotes > 0) {
        doc.add_text(fields.speaker, &person.name);
    }
    // `search quote:sanctions` finds the articles whose quotations use the word.
    for quote in &article.quotes {
        doc.add_text(fields.quote, &quote.text);
    }
    doc.add_text(fields.record, serde_json::to_string(article)?);
    doc.add_u64(fields.quote_count, article.quotes.len() as u64);
    out.push(doc);
    for (number, quote) in article.quotes.iter().enumerate() {
        let mut doc = TantivyDocument::default();
        doc.add_text(fields.kind, KIND_QUOTE);
        add_shared(&mut doc, article, source, fields);
        doc.add_text(fields.quote, &quote.text);
        doc.add_u64(fields.quote_key, super::dups::text_key(&quote.text));
        // Every document has a `quote_count`, so the column needs no index of which do.
        doc.add_u64(fields.quote_count, 0);
        // `--by` finds institutions as well as persons; only persons are people mentioned.
        if let Some(speaker) = &quote.speaker {
            doc.add_text(fields.speaker, speaker);
            if quote.speaker_kind != Some(SpeakerKind::Organisation) {
                doc.add_text(fields.person, speaker);
            }
        }
        let record = QuoteRecord {
            article_id: article.id.clone(),
            number,
            text: quote.text.clone(),
            speaker: quote.speaker.clone(),
            speaker_kind: quote.speaker_kind,
            cue: quote.cue.clone(),
            attribution: quote.attribution.clone(),
            date: article.date,
            agency: article.agency.clone(),
            place: article.dateline.clone(),
            headline: article.headline.clone(),
            path: article.path.clone(),
        };
        doc.add_text(fields.record, serde_json::to_string(&record)?);
        out.push(doc);
    }
    Ok(out)
}

/// Records in an article's documents (built by [`documents`], the article's first) the other
/// files that hold the same story.
pub fn set_copies(docs: &mut [TantivyDocument], copies: &[String], fields: &Fields) {
    if let Some(article) = docs.first_mut() {
        for path in copies {
            article.add_text(fields.copies, path);
        }
    }
}

/// The numeric form of an article id (16 hex digits), for the `article_key` fast field.
pub fn article_key(id: &str) -> u64 {
    u64::from_str_radix(id, 16).unwrap_or_else(|_| {
        // Ids are always `stable_id` hex; anything else still gets a stable number.
        u64::from_str_radix(&crate::article::stable_id(&[id]), 16).unwrap_or(0)
    })
}

fn add_shared(doc: &mut TantivyDocument, article: &Article, source: &str, fields: &Fields) {
    doc.add_text(fields.article_id, &article.id);
    doc.add_u64(fields.article_key, article_key(&article.id));
    doc.add_text(fields.source, source);
    if let Some(agency) = &article.agency {
        doc.add_text(fields.agency, agency);
    }
    if let Some(lang) = &article.lang {
        doc.add_text(fields.lang, lang);
    }
    if let Some(place) = &article.dateline {
        doc.add_text(fields.place, place);
    }
    if let Some(date) = article.date {
        doc.add_date(fields.date, to_datetime(date));
    }
}
