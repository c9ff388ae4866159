//! The tantivy schema: every field name is defined here once, with the tokenizers they use.
//! Articles and their quotations live in one index, told apart by `kind`, so a quote query can
//! filter on its article's date, agency and place without a join.

use tantivy::Index;
use tantivy::schema::{
    DateOptions, DateTimePrecision, FAST, Field, INDEXED, IndexRecordOption, STORED, STRING,
    Schema, TextFieldIndexing, TextOptions,
};
use tantivy::tokenizer::{
    AsciiFoldingFilter, LowerCaser, RawTokenizer, RemoveLongFilter, SimpleTokenizer, TextAnalyzer,
};

/// Tokenizer for names and places: words, lower case, Latin diacritics folded.
pub const NAME_TOKENIZER: &str = "wiredex_name";
/// Tokenizer for exact values such as agencies: the whole value, lower case.
pub const KEYWORD_TOKENIZER: &str = "wiredex_keyword";
/// Tokenizer of the fast columns that keep facet values as written (tantivy's `raw`).
pub const RAW_TOKENIZER: &str = "raw";
/// Tokenizer for prose: words, lower case, Latin diacritics folded (`Müller` = `muller`,
/// `Élysée` = `elysee`), `ё` as `е`, stems by script (Russian for Cyrillic words, English for
/// the rest, see [`super::stems`]), and a gap of positions between sentences (see
/// [`super::sentences`]). No stop words are removed, so phrases keep every word.
pub const TEXT_TOKENIZER: &str = "wiredex_text";

/// Value of `kind` for article documents.
pub const KIND_ARTICLE: &str = "article";
/// Value of `kind` for quotation documents.
pub const KIND_QUOTE: &str = "quote";

/// Bumped whenever the schema changes in a way that needs a rebuild.
/// 2: the `source` field, so a re-index can replace or remove one file's documents.
/// 3: the `article_key` fast field, facet columns kept as written, the sentence-gap tokenizer.
/// 4: near-duplicate sketches (`sketch`, `quote_key`), the paths of exact copies (`copies`),
/// `source` stored.
/// 5: `body` holds the headline and deck too; `quote_count` on articles, whose quote documents
/// follow them.
/// 6: the `lang` field; prose folds case and diacritics (`ё` = `е`) and stems Russian words
/// with the Russian stemmer.
/// 7: quote records carry the speaker's kind, institutions speak (`speaker` holds their names),
/// and only persons are indexed as `person`.
pub const SCHEMA_VERSION: u32 = 7;

/// The fields of a wiredex index, looked up once.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    /// `article` or `quote`.
    pub kind: Field,
    /// The article's id (on quote documents too: it ties them to their article).
    pub article_id: Field,
    /// The article's id as a number, a fast field: joins quotes to articles without reading
    /// stored records.
    pub article_key: Field,
    /// The absolute path of the file the document came from (exact, on every document), so
    /// that re-indexing a changed or deleted file removes exactly its documents.
    pub source: Field,
    /// The absolute paths of the other files that hold the same story (exact copies), stored.
    pub copies: Field,
    /// The body's MinHash sketch, one value per LSH band (fast, on articles; see
    /// `index::dups`).
    pub sketch: Field,
    /// A hash of a quotation's words (fast, on quotes): the same quote in two copies of a
    /// story is counted once.
    pub quote_key: Field,
    /// How many quote documents follow the article's document (fast; 0 on quotes): they are
    /// added in one batch, so they sit right after it (see [`crate::query`]'s join).
    pub quote_count: Field,
    /// Headline (stemmed text).
    pub headline: Field,
    /// Deck (stemmed text).
    pub deck: Field,
    /// All the article's words (stemmed text): headline, deck and story, on article documents.
    pub body: Field,
    /// The quoted words (stemmed text), on quote documents.
    pub quote: Field,
    /// The agency credited (exact, lower case).
    pub agency: Field,
    /// The article's language, ISO 639-1 (exact, lower case).
    pub lang: Field,
    /// The dateline place (name words).
    pub place: Field,
    /// People mentioned (name words; one value per person).
    pub person: Field,
    /// Speakers: of the quote, or of any quote in the article.
    pub speaker: Field,
    /// The story's date, at day precision.
    pub date: Field,
    /// The article as JSON, or the quote's display record, for output.
    pub record: Field,
}

/// Every field name a query may use, with what it searches.
pub const QUERY_FIELDS: &[(&str, &str)] = &[
    ("headline", "words of the headline"),
    ("deck", "words of the sub-headline"),
    (
        "body",
        "words of the article: headline, sub-headline and story",
    ),
    ("quote", "words of a quotation"),
    ("agency", "the agency credited, e.g. agency:tass"),
    ("lang", "the article's language, e.g. lang:ru"),
    (
        "place",
        "the dateline place, e.g. place:moscow (alias dateline:)",
    ),
    (
        "person",
        "a person mentioned, e.g. person:lavrov (alias people:)",
    ),
    (
        "speaker",
        "the speaker of a quotation, e.g. speaker:lavrov (alias by:)",
    ),
    (
        "date",
        "the story's date, e.g. date:2014-01 or date:2014-01-01..2014-03-31",
    ),
];

fn text(tokenizer: &str, positions: bool) -> TextOptions {
    let option = if positions {
        IndexRecordOption::WithFreqsAndPositions
    } else {
        IndexRecordOption::Basic
    };
    TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(tokenizer)
            .set_index_option(option),
    )
}

/// Builds the schema.
pub fn build() -> Schema {
    let mut builder = Schema::builder();
    builder.add_text_field("kind", STRING);
    builder.add_text_field("article_id", STRING);
    builder.add_u64_field("article_key", INDEXED | FAST);
    builder.add_text_field("source", STRING | STORED);
    builder.add_text_field("copies", STORED);
    builder.add_u64_field("sketch", FAST);
    builder.add_u64_field("quote_key", FAST);
    builder.add_u64_field("quote_count", FAST);
    builder.add_text_field("headline", text(TEXT_TOKENIZER, true));
    builder.add_text_field("deck", text(TEXT_TOKENIZER, true));
    builder.add_text_field("body", text(TEXT_TOKENIZER, true));
    builder.add_text_field("quote", text(TEXT_TOKENIZER, true));
    // The facets also keep their values as written in fast columns, for counts by facet.
    builder.add_text_field(
        "agency",
        text(KEYWORD_TOKENIZER, false).set_fast(RAW_TOKENIZER),
    );
    builder.add_text_field(
        "lang",
        text(KEYWORD_TOKENIZER, false).set_fast(RAW_TOKENIZER),
    );
    builder.add_text_field("place", text(NAME_TOKENIZER, true).set_fast(RAW_TOKENIZER));
    builder.add_text_field("person", text(NAME_TOKENIZER, true).set_fast(RAW_TOKENIZER));
    builder.add_text_field(
        "speaker",
        text(NAME_TOKENIZER, true).set_fast(RAW_TOKENIZER),
    );
    builder.add_date_field(
        "date",
        DateOptions::from(INDEXED)
            .set_fast()
            .set_precision(DateTimePrecision::Seconds),
    );
    builder.add_text_field("record", STORED);
    builder.build()
}

impl Fields {
    /// Looks the fields up in an index's schema; fails on an index made by something else.
    pub fn of(schema: &Schema) -> tantivy::Result<Fields> {
        let get = |name: &str| schema.get_field(name);
        Ok(Fields {
            kind: get("kind")?,
            article_id: get("article_id")?,
            article_key: get("article_key")?,
            source: get("source")?,
            copies: get("copies")?,
            sketch: get("sketch")?,
            quote_key: get("quote_key")?,
            quote_count: get("quote_count")?,
            headline: get("headline")?,
            deck: get("deck")?,
            body: get("body")?,
            quote: get("quote")?,
            agency: get("agency")?,
            lang: get("lang")?,
            place: get("place")?,
            person: get("person")?,
            speaker: get("speaker")?,
            date: get("date")?,
            record: get("record")?,
        })
    }
}

/// Registers wiredex's tokenizers on an index (they are not stored in it).
pub fn register_tokenizers(index: &Index) {
    let name = TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .filter(super::names::NameKeyFilter)
        .build();
    let keyword = TextAnalyzer::builder(RawTokenizer::default())
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build();
    let prose = TextAnalyzer::builder(super::sentences::SentenceTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .filter(super::stems::CachedStemmer)
        .build();
    index.tokenizers().register(TEXT_TOKENIZER, prose);
    index.tokenizers().register(NAME_TOKENIZER, name);
    index.tokenizers().register(KEYWORD_TOKENIZER, keyword);
}
