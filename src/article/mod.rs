//! Article extraction: pure text in, `Article` out. Splits the header (headline, deck) from the
//! body, reads the dateline, dates the story, finds the people and the quotations, and says who
//! spoke each quote. No I/O, no index, no printing: everything here is testable by the table.

pub mod date;
pub mod dateline;
pub mod header;
pub mod lexicon;
pub mod people;
pub mod quotes;
pub mod speaker;
pub mod tokens;

use std::collections::{HashMap, HashSet};
use std::path::Path;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::source::RawArticle;
use date::DateSource;
use speaker::{Attribution, Sighting, Subject};

/// Quotes shorter than this many words are scare quotes or quoted names unless an attribution
/// frame touches them (`“Never,” he said`).
const MIN_UNATTRIBUTED_QUOTE_WORDS: usize = 4;

/// How many tokens before a quote its lead-in frame may start (`Voronin told reporters on
/// Tuesday in Moscow that ... : “`). Real sentences are far shorter; the bound keeps a run-on
/// text of thousands of quotes from being searched back to its start for each one.
const MAX_FRAME_REACH: usize = 200;

/// The longest attribution sentence given with a quote, in bytes (its quote elided). The
/// longest in the team corpus, the shared corpora and PolNeAR is about 2,200; past this it is a
/// run-on text without sentence ends (a list, a table, garbage) that no reader checks a speaker
/// in, and copying it for each of its quotes would make the article's size quadratic.
const MAX_ATTRIBUTION_BYTES: usize = 8192;

/// Words that follow a partial quote in running text but never a quoted name used as a modifier.
const FUNCTION_WORDS: &[&str] = &[
    "to", "and", "or", "but", "that", "which", "who", "in", "of", "for", "on", "at", "with", "by",
    "from", "as", "is", "was", "are", "were", "be", "been", "will", "would", "than", "then",
    "because", "if", "while", "he", "she", "they", "it", "we", "said", "says",
];

/// One article with every field wiredex extracts. This is the shape of `wiredex parse --json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Stable id: a hash of headline and body, so the same story indexed twice is one article.
    pub id: String,
    /// The file the article came from.
    pub path: String,
    /// Its position in a multi-article file (0 otherwise).
    pub record: usize,
    /// The headline.
    pub headline: String,
    /// The deck (sub-headline), if any.
    pub deck: Option<String>,
    /// The dateline's place in normal capitalisation (`Moscow`), if the story has a dateline.
    pub dateline: Option<String>,
    /// The region or country given with the place (`Leningrad Region`), if any.
    pub region: Option<String>,
    /// The story's date.
    pub date: Option<NaiveDate>,
    /// Where the date came from.
    pub date_source: Option<DateSource>,
    /// True when the year was inferred from the text rather than read.
    pub year_inferred: bool,
    /// The agency credited in the dateline (`ITAR-TASS`, `Reuters`, ...).
    pub agency: Option<String>,
    /// The article's address, when the source gives it.
    pub url: Option<String>,
    /// The byline, when the feed gives one (`By Manuel Schwarz, dpa`).
    #[serde(default)]
    pub byline: Option<String>,
    /// The people named, in order of first mention.
    pub people: Vec<Person>,
    /// The direct quotations, in order.
    pub quotes: Vec<Quote>,
    /// The story text without header and dateline; paragraphs separated by blank lines.
    pub body: String,
}

/// A person named in an article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    /// The fullest form of the name in the article: `Sergei Lavrov`.
    pub name: String,
    /// Titles seen with the name: `Russian Foreign Minister`.
    pub titles: Vec<String>,
    /// Mentions by name (full name, surname or another part of it).
    pub mentions: usize,
    /// Quotations attributed to the person.
    pub quotes: usize,
}

/// A direct quotation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// The quoted words, without the marks.
    pub text: String,
    /// The speaker's canonical name, or `None` when the text does not tell.
    pub speaker: Option<String>,
    /// The verb of saying that attributes it (`noted`), if there is one.
    pub cue: Option<String>,
    /// Index of the body paragraph where the quote starts.
    pub paragraph: usize,
    /// The sentence that attributes the quote (`“…,” the minister noted.`), with this quote's
    /// words elided; for a quote that continues an earlier one's speaker, that quote's sentence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attribution: Option<String>,
}

/// Why a raw article could not become an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotAnArticle(pub String);

/// A stable 64-bit FNV-1a hash, written as 16 hex digits (std's hasher may change between
/// releases, and ids are stored in indexes).
pub fn stable_id(parts: &[&str]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for byte in part.bytes().chain([0xff]) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{hash:016x}")
}

/// Parses a raw article into all its fields.
///
/// ```
/// use wiredex::{article, source::RawArticle};
/// let raw = RawArticle {
///     paragraphs: vec![
///         "Minister visits Tokyo".into(),
///         "TOKYO, March 3 (Reuters) - Foreign Minister Arkady Voronin arrived.".into(),
///         "“We came to talk,” Voronin said.".into(),
///     ],
///     ..RawArticle::default()
/// };
/// let article = article::parse(&raw).unwrap();
/// assert_eq!(article.dateline.as_deref(), Some("Tokyo"));
/// assert_eq!(article.quotes[0].speaker.as_deref(), Some("Arkady Voronin"));
/// ```
pub fn parse(raw: &RawArticle) -> Result<Article, NotAnArticle> {
    let (headline, deck, mut paragraphs) = match &raw.headline {
        Some(headline) => (headline.clone(), raw.deck.clone(), raw.paragraphs.clone()),
        None => {
            let header = header::split_header(&raw.paragraphs)
                .ok_or_else(|| NotAnArticle("no headline: only navigation lines".into()))?;
            let body = raw.paragraphs[header.body_start..].to_vec();
            (header.headline, header.deck, body)
        }
    };
    let headline = repair_apostrophes(&headline);
    let deck = deck.map(|deck| repair_apostrophes(&deck));
    for paragraph in &mut paragraphs {
        if paragraph.contains('?') {
            *paragraph = repair_apostrophes(paragraph);
        }
    }
    let dateline = paragraphs
        .first()
        .and_then(|first| dateline::parse_dateline(first));
    if let (Some(found), Some(first)) = (&dateline, paragraphs.first_mut()) {
        let rest = first.get(found.end..).unwrap_or("").trim().to_string();
        *first = rest;
    }
    paragraphs.retain(|p| !p.trim().is_empty());
    if paragraphs.is_empty() {
        return Err(NotAnArticle("no body text after the headline".into()));
    }
    let body = paragraphs.join("\n\n");
    let path = raw.path.to_string_lossy().to_string();
    let (date, date_source) = date_of(raw, dateline.as_ref(), &paragraphs, &body, &path);
    let (people, quotes) = people_and_quotes(&headline, deck.as_deref(), &paragraphs);
    Ok(Article {
        id: stable_id(&[&headline, &body]),
        path,
        record: raw.record,
        headline,
        deck,
        // The body's own dateline wins; a feed's metadata fills what the body does not say.
        dateline: dateline.as_ref().map(|d| d.place.clone()).or_else(|| {
            raw.dateline
                .as_deref()
                .filter(|p| !p.trim().is_empty())
                .map(dateline::normal_case_place)
        }),
        region: dateline.as_ref().and_then(|d| d.region.clone()),
        date,
        year_inferred: date_source == Some(DateSource::Inferred),
        date_source,
        agency: dateline.and_then(|d| d.agency).or_else(|| {
            raw.agency
                .as_deref()
                .filter(|a| !a.trim().is_empty())
                .map(dateline::canonical_agency)
        }),
        byline: raw.byline.clone(),
        url: raw.url.clone(),
        people,
        quotes,
        body,
    })
}

/// `the EU?s decision`, `don?t`: feeds that lost the apostrophe write `?` in its place. A `?`
/// between a letter and the end of a contraction or possessive (`s`, `t`, `re`, `ll`, `ve`,
/// `d`, `m`) that ends the word is an apostrophe again; a question mark is followed by a space.
pub fn repair_apostrophes(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('?') {
        let (before, after) = rest.split_at(at);
        let after = &after[1..];
        let letter_before = before.chars().next_back().is_some_and(char::is_alphabetic);
        let suffix = after
            .find(|c: char| !c.is_alphanumeric())
            .map_or(after, |end| &after[..end]);
        let ends_word = after[suffix.len()..]
            .chars()
            .next()
            .is_none_or(|c| !matches!(c, '=' | '&' | '/' | '_'));
        let contraction = ["s", "t", "re", "ll", "ve", "d", "m"]
            .iter()
            .any(|s| suffix.eq_ignore_ascii_case(s));
        out.push_str(before);
        out.push(if letter_before && contraction && ends_word {
            '\''
        } else {
            '?'
        });
        rest = after;
    }
    out.push_str(rest);
    out
}

fn date_of(
    raw: &RawArticle,
    dateline: Option<&dateline::Dateline>,
    paragraphs: &[String],
    body: &str,
    path: &str,
) -> (Option<NaiveDate>, Option<DateSource>) {
    let metadata = raw.published.as_deref().and_then(date::parse_metadata_date);
    let path_date = date::date_from_path(path);
    let (month, day, year) = dateline.map_or((None, None, None), |d| (d.month, d.day, d.year));
    if let (Some(m), Some(d)) = (month, day) {
        if let Some(found) = year.and_then(|y| NaiveDate::from_ymd_opt(y, m, d)) {
            return (Some(found), Some(DateSource::Dateline));
        }
        if let Some(found) = metadata.and_then(|r| date::with_year_near(m, d, r)) {
            return (Some(found), Some(DateSource::Metadata));
        }
        if let Some(found) = path_date.and_then(|r| date::with_year_near(m, d, r)) {
            return (Some(found), Some(DateSource::Path));
        }
        if let Some(found) =
            date::year_from_path(path).and_then(|y| NaiveDate::from_ymd_opt(y, m, d))
        {
            return (Some(found), Some(DateSource::Path));
        }
        // The story's weekday is named in its first paragraphs (`... said on Thursday`).
        let lead = paragraphs
            .iter()
            .take(2)
            .map(String::as_str)
            .collect::<Vec<_>>()
            .join(" ");
        let years = date::years_mentioned(body);
        if let Some(found) = date::infer_year(m, d, date::weekday_in(&lead), &years)
            .and_then(|y| NaiveDate::from_ymd_opt(y, m, d))
        {
            return (Some(found), Some(DateSource::Inferred));
        }
        return (None, None);
    }
    if let Some(found) = metadata {
        return (Some(found), Some(DateSource::Metadata));
    }
    if let Some(found) = path_date {
        return (Some(found), Some(DateSource::Path));
    }
    (None, None)
}

/// Finds people and quotations together: speakers are resolved against the people found, and
/// mentions inside quotes do not count as candidates for `he` or `the minister`.
fn people_and_quotes(
    headline: &str,
    deck: Option<&str>,
    paragraphs: &[String],
) -> (Vec<Person>, Vec<Quote>) {
    // One text: header first, so names in the headline count, then the body paragraphs.
    let mut text = String::new();
    for part in std::iter::once(headline).chain(deck) {
        text.push_str(part);
        text.push_str("\n\n");
    }
    let mut ranges = Vec::with_capacity(paragraphs.len());
    for (i, paragraph) in paragraphs.iter().enumerate() {
        if i > 0 {
            text.push_str("\n\n");
        }
        ranges.push((text.len(), text.len() + paragraph.len()));
        text.push_str(paragraph);
    }
    let tokens = tokens::tokenize(&text);
    let mut found = people::find_people(&tokens);
    let spans = quotes::find_quotes(&text, &ranges);
    // Spans are in text order and do not overlap, and so are paragraphs: the lookups below
    // are binary searches, so that articles with thousands of quotes stay fast.
    let inside_quote = |at: usize| {
        let before = spans.partition_point(|q| q.open <= at);
        before > 0 && at < spans[before - 1].close
    };
    let paragraph_of = |at: usize| {
        let p = ranges.partition_point(|&(_, end)| end < at);
        if p < ranges.len() { p } else { 0 }
    };
    let starts = speaker::sentence_starts(&tokens);

    // First pass: attribution frames beside each quote.
    let mut frames: Vec<Option<Attribution>> = Vec::with_capacity(spans.len());
    // Whether each quote's frame follows it (`“...,” she said`) rather than leads in to it.
    let mut framed_after: Vec<bool> = Vec::with_capacity(spans.len());
    for (i, span) in spans.iter().enumerate() {
        let (_, paragraph_end) = ranges[span.last_paragraph];
        let stop = spans
            .get(i + 1)
            .map_or(paragraph_end, |next| next.open.min(paragraph_end));
        // A quote that ends its sentence (`“... unhinged.” Sen. Rubio called ...`) is not
        // attributed by the next sentence's subject.
        let first_after = tokens::token_at(&tokens, span.close);
        let ends_sentence = span.text(&text).trim_end().ends_with('.')
            && tokens.get(first_after).is_some_and(|t| t.is_capitalized());
        let after = if ends_sentence {
            None
        } else {
            speaker::attribution_after(&tokens, first_after, tokens::token_at(&tokens, stop))
        };
        // The lead-in may reach back over earlier quotes of the same sentence (`said Rubio was
        // “a lightweight” and Cruz “a liar”`), not over a sentence end.
        let floor_offset = ranges[span.paragraph].0;
        let open = tokens::token_at(&tokens, span.open);
        // A frame lies within the sentence, and near the quote: the reach bound keeps the
        // search linear in a run-on "sentence" of thousands of quotes.
        let floor = starts[open]
            .max(tokens::token_at(&tokens, floor_offset))
            .max(open.saturating_sub(MAX_FRAME_REACH));
        // A subject inside an earlier quote of the sentence (`“Immunity deals ...,” Chaffetz
        // said, adding that ...`) is no subject: the frame is looked for again after it.
        // A possessive before a noun of saying (`Moore called Obama's remarks “a wake-up
        // call”`) gives way to a frame further back; alone (`Trump's call for a “...”`), it
        // is the frame.
        let before = || {
            let mut floor = floor;
            loop {
                let frame = speaker::attribution_before(&tokens, floor, open)?;
                if let Some(earlier) = quote_around(&spans, frame.at) {
                    floor = tokens::token_at(&tokens, earlier.close);
                    continue;
                }
                let possessive = matches!(&frame.subject, Subject::Name(parts)
                    if parts.last().is_some_and(|p| people::is_possessive(p)));
                let further = || {
                    speaker::attribution_before(&tokens, floor, tokens::token_at(&tokens, frame.at))
                        .filter(|f| {
                            quote_around(&spans, f.at).is_none()
                                && matches!(f.subject, Subject::Name(_) | Subject::Pronoun(Some(_)))
                        })
                };
                return Some(if possessive {
                    further().unwrap_or(frame)
                } else {
                    frame
                });
            }
        };
        // The frame after a quote wins when it is tied to it; else the lead-in before it.
        framed_after.push(after.is_some());
        // A short quote in reported speech (`Kohan accused the mayor of “stalling”`) is the
        // words of the one who reports them.
        let reported = || {
            let short = span.text(&text).split_whitespace().count() < MIN_UNATTRIBUTED_QUOTE_WORDS;
            if !short || !in_reported_speech(&tokens, &starts, span) {
                return None;
            }
            let close = tokens::token_at(&tokens, span.close);
            let end = (close..tokens.len().min(close + REPORTED_SPEECH_REACH))
                .find(|&k| tokens::is_sentence_end(&tokens, k))
                .unwrap_or(tokens.len().min(close + REPORTED_SPEECH_REACH));
            speaker::reported_speech(&tokens, floor, end)
                .filter(|frame| quote_around(&spans, frame.at).is_none())
        };
        frames.push(after.or_else(before).or_else(reported));
    }

    // `NBC reported`, `the RNC's statement said`: a lone word in capitals is an acronym, an
    // organisation's name; `Demonstrators said`, a plural common noun, names a group.
    let mid_sentence = people::mid_sentence_words(&tokens);
    for frame in frames.iter_mut().flatten() {
        if let Some(group) = group_subject(&frame.subject, &mid_sentence, &found) {
            frame.subject = group;
        }
        // `the Commission on Presidential Debates announced`: a name after a preposition
        // inside a capitalised phrase is the end of an organisation's name, no person's.
        if matches!(frame.subject, Subject::Name(_))
            && people::in_organisation_name(&tokens, tokens::token_at(&tokens, frame.at))
        {
            frame.subject = Subject::Other;
        }
    }
    // A name in an attribution frame is a person even when nothing else vouched for it
    // (`“...” ― Sonya Herridge`, `said Chuck Jordan`).
    for frame in frames.iter().flatten() {
        if let Subject::Name(parts) = &frame.subject {
            let plausible = plausible_name(parts, &mid_sentence);
            // `Marwood's office said`: the name without its possessive.
            let bare: Vec<String> = parts
                .iter()
                .map(|p| tokens::strip_possessive(p).to_string())
                .collect();
            if plausible && people::match_person(&found, &bare).is_none() {
                let length = parts.join(" ").len();
                found.vouch(bare, frame.at, frame.at + length);
            }
        }
    }
    let sentence_of = |at: usize| starts[tokens::token_at(&tokens, at)];
    let outside: Vec<&people::Mention> = found
        .mentions
        .iter()
        .filter(|m| !inside_quote(m.start))
        .collect();
    // `Clinton spokeswoman Jennifer Palmieri`: a name before a role and another name modifies
    // the second, which is the one the sentence is about.
    let modifies_next = |n: usize| {
        outside.get(n + 1).is_some_and(|next| {
            let between =
                tokens::token_at(&tokens, outside[n].end)..tokens::token_at(&tokens, next.start);
            !between.is_empty()
                && between.len() <= 3
                && tokens[between.clone()]
                    .iter()
                    .all(|t| t.is_word() && !t.is_capitalized())
                && tokens[between]
                    .iter()
                    .any(|t| lexicon::Lexicon::get().is_role(t.text))
        })
    };
    let first_of_sentence = |n: usize| {
        // The subject stands in the main clause, after an opening clause and its comma (`In
        // describing Trump, Cuban said`, `Although ... Clinton's emails, Lynch took ...`).
        let at = tokens::token_at(&tokens, outside[n].start);
        let sentence = speaker::main_clause_start(&tokens, sentence_of(outside[n].start), at);
        if at < sentence {
            return false;
        }
        // A sentence that opens on `he` or `she` has its subject already (`He notes that the
        // Kohan commission ...`, `Though he did not name Rubio, ...`), and so has one that
        // opens on `The` or `A` before the name (`The Wisconsin Republican did give Trump
        // some credit`).
        // (`The head of the agency, Pavel Serebryakov, said`: a name set off by commas after
        // the description is the description's.)
        let opener = &tokens[sentence];
        let apposition = at > 0 && tokens[at - 1].is(',');
        // (`A similar argument was made by Fed chairman Paul Volcker`: the agent of a passive
        // is who acts.)
        let agent = (sentence.max(at.saturating_sub(6))..at)
            .rev()
            .take_while(|&k| tokens[k].is_word() || tokens[k].is('.'))
            .any(|k| tokens[k].text == "by");
        let determiner = ["The", "A", "An"].contains(&opener.text)
            && outside[n].start > tokens.get(sentence + 1).map_or(0, |t| t.end)
            && !apposition
            && !agent;
        // (The first name of its clause only: a sentence of many names is read once.)
        let first = n == 0 || outside[n - 1].start < tokens[sentence].start;
        first
            && !determiner
            && !tokens[sentence..at]
                .iter()
                .any(|t| speaker::gendered_pronoun(t).is_some())
    };
    let mut seen: Vec<Sighting> = outside
        .iter()
        .enumerate()
        .map(|(n, m)| Sighting {
            // The first name of a sentence is most often its subject; a name introduced with
            // an apposition (`..., says Ilse Marwood, a county clerk`) is who the story turns
            // to next.
            subject: (first_of_sentence(n) && !modifies_next(n))
                || (n > 0 && first_of_sentence(n - 1) && modifies_next(n - 1))
                || people::introduced_by_apposition(&tokens, tokens::token_at(&tokens, m.end)),
            at: m.start,
            person: m.person,
            // `Filatov, now a commentator, said the decision...`: the person last heard speaking
            // is who a following `he said` most likely means.
            speaking: people::speech_verb_after(&tokens, tokens::token_at(&tokens, m.end))
                || people::speech_verb_inverted(
                    &tokens,
                    tokens::token_at(&tokens, m.start),
                    tokens::token_at(&tokens, m.end),
                ),
            paragraph: paragraph_of(m.start),
        })
        .collect();

    // `he` and `she` outside quotes, as subjects or speakers (`That is why, he argued, ...`):
    // each is resolved in text order and seen again as the person it means, so that a chain of
    // pronouns keeps its person across paragraphs that do not name them.
    let frame_offsets: Vec<usize> = {
        let mut at: Vec<usize> = frames.iter().flatten().map(|f| f.at).collect();
        at.sort_unstable();
        at
    };
    // A description that opens a sentence (`The Florida senator sought ...`) is the person who
    // last held that role, and is seen again like a pronoun.
    let pronouns: Vec<(usize, Subject, bool)> = tokens
        .iter()
        .enumerate()
        .filter_map(|(k, token)| {
            // The subject of the sentence, of its main clause (`Though ..., he made it clear`)
            // or of an opening clause (`Though he did not name them, ...`).
            let subject = || {
                starts[k] == k
                    || speaker::main_clause_start(&tokens, starts[k], k + 1) == k
                    || (k == starts[k] + 1 && speaker::opens_clause(&tokens[starts[k]]))
            };
            let (subject, speaking) = match speaker::gendered_pronoun(token) {
                Some(gender) => {
                    let speaking = people::speech_verb_after(&tokens, k + 1);
                    (speaking || subject()).then_some((Subject::Pronoun(Some(gender)), speaking))?
                }
                // (Only `The` can open a description: the clause test, which reads up to a
                // comma, is not run for every capitalised word.)
                None if token.is_capitalized()
                    && token.text.eq_ignore_ascii_case("the")
                    && subject() =>
                {
                    let (role, next) = speaker::description_subject(&tokens, k)?;
                    (role, people::speech_verb_after(&tokens, next))
                }
                None => return None,
            };
            (!inside_quote(token.start) && frame_offsets.binary_search(&token.start).is_err())
                .then_some((token.start, subject, speaking))
        })
        .collect();
    let mut pending_pronouns = pronouns.iter().peekable();
    let mut see_pronouns_before = |offset: usize, seen: &mut Vec<Sighting>| {
        while let Some(&&(at, ref subject, speaking)) = pending_pronouns.peek() {
            if at >= offset {
                break;
            }
            pending_pronouns.next();
            let paragraph = paragraph_of(at);
            if let Some(person) = speaker::resolve(subject, at, paragraph, &found, seen) {
                see(
                    seen,
                    Sighting {
                        at,
                        person,
                        speaking,
                        subject: true,
                        paragraph,
                    },
                );
            }
        }
    };

    // Second pass, in text order: resolve subjects, then fill quotes without a frame from their
    // paragraph or the paragraph before.
    let mut speakers: Vec<Option<usize>> = Vec::with_capacity(spans.len());
    // Who an unframed quote is the words of when that is no person (`PolitiFact rated ... as
    // “false”`): the subject of its sentence.
    let mut sentence_subjects: Vec<Option<Subject>> = vec![None; spans.len()];
    // The quote whose frame attributes each quote: itself, or the one it continues.
    let mut attributed_by: Vec<Option<usize>> = frames
        .iter()
        .enumerate()
        .map(|(i, frame)| frame.as_ref().map(|_| i))
        .collect();
    for (i, span) in spans.iter().enumerate() {
        see_pronouns_before(span.open, &mut seen);
        // A name in the frame is the person of its mention there, which its title decided
        // (`Sen. Dole` of Robert and Elizabeth Dole); else it is resolved.
        let resolved = frames[i].as_ref().and_then(|frame| {
            let mention = matches!(frame.subject, Subject::Name(_))
                .then(|| {
                    let at = found.mentions.partition_point(|m| m.start < frame.at);
                    found.mentions.get(at).filter(|m| m.start == frame.at)
                })
                .flatten();
            // (`he characterized Sen. Tim Kaine as “...”`: those named after the frame's subject
            // are not who it means.)
            mention.map(|m| m.person).or_else(|| {
                speaker::resolve(
                    &frame.subject,
                    frame.at.min(span.open),
                    span.paragraph,
                    &found,
                    &seen,
                )
            })
        });
        speakers.push(resolved);
        if let (Some(person), Some(frame)) = (resolved, &frames[i]) {
            see(
                &mut seen,
                Sighting {
                    at: frame.at,
                    person,
                    speaking: true,
                    subject: true,
                    paragraph: span.paragraph,
                },
            );
        }
    }
    // The quotes that others take their speaker from; this pass changes the speakers of
    // unframed quotes only, so the list holds throughout.
    // An organisation speaks on too (`“...,” the bureau said. “...,” it said.`).
    let speaks = |j: usize, speakers: &[Option<usize>], attributed_by: &[Option<usize>]| {
        speakers[j].is_some()
            || matches!(
                attributed_by[j]
                    .and_then(|k| frames[k].as_ref())
                    .map(|f| &f.subject),
                Some(Subject::Organisation(_))
            )
    };
    let framed: Vec<usize> = (0..spans.len())
        .filter(|&j| frames[j].is_some() && speaks(j, &speakers, &attributed_by))
        .collect();
    // A quote inside a sentence that no frame names anyone for (`Trump attacked “the hateful
    // ideology ...”`, `he said, adding that “...”`) is the words of the sentence's subject, read
    // after any earlier quote of the sentence: a person, or else an organisation or a group.
    // How often each word is written, counted once when first needed.
    let word_counts = std::cell::OnceCell::new();
    let subject_of_sentence = |i: usize,
                               speakers: &[Option<usize>],
                               sentence_subjects: &[Option<Subject>]|
     -> (Option<usize>, Option<Subject>) {
        let span = &spans[i];
        let open = tokens::token_at(&tokens, span.open);
        let mut floor = starts[open].max(tokens::token_at(&tokens, ranges[span.paragraph].0));
        if let Some(j) = i.checked_sub(1)
            && tokens.get(floor).is_some_and(|t| spans[j].close > t.start)
        {
            // An earlier quote of the sentence with a speaker lends it (`she was “...” not for
            // her policy (think Eleanor Roosevelt) but for her “...”`).
            if (speakers[j].is_some() || sentence_subjects[j].is_some())
                && !title_like(&spans[j].text(&text))
            {
                return (speakers[j], sentence_subjects[j].clone());
            }
            floor = tokens::token_at(&tokens, spans[j].close);
        }
        // A subject inside an earlier quote (`On “Face the Nation,” Sanders ...`) is none, and
        // so is a capitalised word that names nobody (`Immediately after the attacks, Trump
        // issued a statement, “...”`).
        let subject = loop {
            match speaker::clause_subject(&tokens, floor, open) {
                Some((_, at)) if let Some(earlier) = quote_around(&spans, at) => {
                    floor = tokens::token_at(&tokens, earlier.close);
                }
                Some((Subject::Name(parts), at))
                    if at < span.open
                        && speaker::resolve(
                            &Subject::Name(parts.clone()),
                            at,
                            0,
                            &found,
                            &seen,
                        )
                        .is_none()
                        && !plausible_name(&parts, &mid_sentence) =>
                {
                    floor = tokens::token_at(&tokens, at) + parts.len();
                }
                // (A name read on into the quote is no subject.)
                Some((subject, at)) if at < span.open => break subject,
                _ => return (None, None),
            }
        };
        if let Some(group) = group_subject(&subject, &mid_sentence, &found) {
            return (None, Some(group));
        }
        let person = speaker::resolve(&subject, span.open, span.paragraph, &found, &seen);
        // `PolitiFact rated ...`: a name nobody vouched for as a person, capitalised in the
        // middle of a sentence, and (one word) used more than once.
        let organisation = match &subject {
            Subject::Name(parts) if person.is_none() && plausible_name(parts, &mid_sentence) => {
                let used_again = || {
                    let counts = word_counts.get_or_init(|| {
                        let mut counts: HashMap<&str, usize> = HashMap::new();
                        for token in &tokens {
                            *counts.entry(token.text).or_default() += 1;
                        }
                        counts
                    });
                    counts.get(parts[0].as_str()).is_some_and(|&n| n > 1)
                };
                (parts.len() > 1 || used_again()).then(|| Subject::Organisation(parts.join(" ")))
            }
            _ => None,
        };
        (person, organisation)
    };
    for i in 0..spans.len() {
        if speakers[i].is_some() {
            continue;
        }
        // A frame that names nobody (`“...,” one official said`) leaves its quote unnamed,
        // unless the quote is one of several in a sentence that names its subject (`..., he
        // said, adding that “...”`).
        if let Some(frame) = &frames[i] {
            if frame.subject == Subject::Other {
                (speakers[i], sentence_subjects[i]) =
                    subject_of_sentence(i, &speakers, &sentence_subjects);
            }
            continue;
        }
        let span = &spans[i];
        // The nearest framed quote with a speaker in the same paragraphs, the earlier one on a
        // tie. Spans are in text order and do not overlap, so only the nearest framed quote on
        // each side can share a paragraph with this one.
        let below = framed.partition_point(|&j| j < i);
        let lower = below
            .checked_sub(1)
            .map(|k| framed[k])
            .filter(|&j| spans[j].last_paragraph >= span.paragraph);
        let upper = framed
            .get(below)
            .copied()
            .filter(|&j| spans[j].paragraph <= span.last_paragraph);
        let same_paragraph = match (lower, upper) {
            (Some(lower), Some(upper)) => Some(if i - lower <= upper - i { lower } else { upper }),
            (lower, upper) => lower.or(upper),
        };
        if let Some(j) = same_paragraph {
            speakers[i] = speakers[j];
            attributed_by[i] = attributed_by[j];
            continue;
        }
        // A paragraph that opens with a quote continues the previous paragraph's speaker.
        let opens_paragraph = span.open == ranges[span.paragraph].0;
        // Within a paragraph, a quote that is a sentence of its own and ends the paragraph
        // continues the indirect speech before it (`Kohan says she got a call. “It scared me.”`).
        let open_token = tokens::token_at(&tokens, span.open);
        let paragraph_end = ranges[span.last_paragraph].1;
        let ends_paragraph = !text[span.close.min(paragraph_end)..paragraph_end]
            .chars()
            .any(char::is_alphanumeric);
        // A framed quote before it in the paragraph that names nobody (`“...,” a trader
        // said. “...”`) leaves this one unnamed too.
        let after_unnamed_frame = (0..i)
            .rev()
            .take_while(|&j| spans[j].last_paragraph >= span.paragraph)
            .any(|j| frames[j].is_some());
        if !opens_paragraph
            && ends_paragraph
            && !after_unnamed_frame
            && open_token > 0
            && tokens::is_sentence_end(&tokens, open_token - 1)
        {
            let before = (ranges[span.paragraph].0, span.open);
            // Without a verb of saying, the person the sentence before is about
            // (`Kohan named bigotry as the reason. “They are tired of it.”`).
            speakers[i] = lead_in_speaker(&tokens, before, true, &found, &seen)
                .or_else(|| named_subject_before(&tokens, &spans, before, &found, &seen));
            continue;
        }
        // A quote inside a sentence that no frame attributes is the words of the sentence's
        // subject.
        if !opens_paragraph && open_token > 0 && !tokens::is_sentence_end(&tokens, open_token - 1) {
            (speakers[i], sentence_subjects[i]) =
                subject_of_sentence(i, &speakers, &sentence_subjects);
            continue;
        }
        let Some(previous) = span.paragraph.checked_sub(1).filter(|_| opens_paragraph) else {
            continue;
        };
        // Spans close in paragraph order: stop at the first that closes before `previous`.
        let earlier = (0..i)
            .rev()
            .take_while(|&j| spans[j].last_paragraph >= previous)
            .find(|&j| spans[j].last_paragraph == previous)
            .filter(|&j| speaks(j, &speakers, &attributed_by));
        if let Some(j) = earlier {
            speakers[i] = speakers[j];
            attributed_by[i] = attributed_by[j];
        } else {
            // Words after the quote (`"...," said one official`) are an attribution of its
            // own that names nobody: only a paragraph that is all quote takes the speaker of
            // reported speech before it.
            let paragraph_end = ranges[span.last_paragraph].1;
            let all_quote = !text[span.close.min(paragraph_end)..paragraph_end]
                .chars()
                .any(char::is_alphanumeric);
            speakers[i] = lead_in_speaker(&tokens, ranges[previous], all_quote, &found, &seen);
        }
    }

    let mut quotes = Vec::new();
    let mut quoted = vec![0usize; found.persons.len()];
    let sentences = std::cell::OnceCell::new();
    for (i, span) in spans.iter().enumerate() {
        let quote_text = span.text(&text);
        // The comma before an attribution (`“...,” he said`) is the frame's, not the speaker's.
        let quote_text = quote_text.trim().trim_end_matches([',', ';']).trim_end();
        let words = quote_text.split_whitespace().count();
        let adjacent = frames[i].as_ref().is_some_and(|f| f.adjacent);
        // A short quote inside an attributed sentence is a partial quote (`Clinton called them
        // “deplorables”`); without one it is a scare quote. Title-case spans name things, and
        // `so-called` announces a scare quote whatever follows.
        let attributed = frames[i]
            .as_ref()
            .is_some_and(|f| f.subject != Subject::Other)
            || (words < MIN_UNATTRIBUTED_QUOTE_WORDS && in_reported_speech(&tokens, &starts, span));
        let title_like = title_like(quote_text);
        // Only the last characters before the mark can spell it: lower-casing all the text
        // before every quote would be quadratic.
        let before_quote = text[..span.open].trim_end();
        let tail = before_quote
            .char_indices()
            .rev()
            .nth("so-called".len() - 1)
            .map_or(0, |(at, _)| at);
        let so_called = before_quote[tail..].to_lowercase().ends_with("so-called");
        // `the “two plus two” consultations`: a short quoted name between `the` and its noun.
        let word_before = text[..span.open]
            .split_whitespace()
            .next_back()
            .unwrap_or("");
        let word_after = text[span.close..].split_whitespace().next().unwrap_or("");
        let names_a_thing = words < MIN_UNATTRIBUTED_QUOTE_WORDS
            && word_before.eq_ignore_ascii_case("the")
            && word_after.chars().next().is_some_and(char::is_lowercase)
            && word_after.chars().all(char::is_alphabetic)
            && !FUNCTION_WORDS.contains(&word_after);
        // `the tabloid phrase “expropriation of savers”`: a phrase quoted as a phrase.
        let mentioned = TERM_NOUNS.contains(&word_before.to_lowercase().as_str());
        // A short title-case span that a lead-in frame introduces is a name it gives: a
        // nickname, a show or a slogan (`called her “Miss Ellery”`, `told “Morning Report”`).
        // Speech in title case is framed after (`“Never,” he said`).
        let named_by_lead_in = title_like && words <= 5 && !framed_after[i];
        // `on Channel 4's “Morning Report,” Kohan said`, `the spot, titled “Fresh Start,”`: a
        // title after a preposition or a possessive, or anything after `titled`, is the name of
        // a show, a book or an advert, even when a frame follows it.
        let bare_before = word_before
            .trim_start_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        let named_thing = (title_like
            && words <= 5
            && (TITLE_PREPOSITIONS.contains(&bare_before.as_str())
                || bare_before.ends_with("'s")
                || bare_before.ends_with("’s")))
            || TITLING_WORDS.contains(&bare_before.as_str());
        if words == 0
            || so_called
            || names_a_thing
            || mentioned
            || named_by_lead_in
            || named_thing
            || (!adjacent && title_like && words < 8)
            || (!attributed && words < MIN_UNATTRIBUTED_QUOTE_WORDS)
        {
            continue;
        }
        if let Some(person) = speakers[i] {
            quoted[person] += 1;
        }
        quotes.push(Quote {
            text: quote_text.to_string(),
            // An organisation may speak too (`Fox News reported`), under the name it is given.
            speaker: speakers[i]
                .map(|p| found.persons[p].name.clone())
                .or_else(|| {
                    let frame = attributed_by[i].and_then(|j| frames[j].as_ref());
                    match frame.map(|f| &f.subject).or(sentence_subjects[i].as_ref()) {
                        Some(Subject::Organisation(name)) => Some(name.clone()),
                        _ => None,
                    }
                }),
            cue: frames[i].as_ref().and_then(|f| f.cue.clone()),
            paragraph: span.paragraph,
            attribution: attributed_by[i].and_then(|j| {
                let at = frames[j].as_ref()?.at;
                let sentences = sentences.get_or_init(|| QuoteSentences::new(&tokens, &spans));
                attribution_sentence(&text, &tokens, &spans, sentences, j, at)
            }),
        });
    }
    // People in order of first mention (the headline counts), not of discovery.
    let mut order: Vec<usize> = (0..found.persons.len()).collect();
    let mut first_mention = vec![usize::MAX; found.persons.len()];
    for mention in found.mentions.iter().rev() {
        first_mention[mention.person] = mention.start;
    }
    order.sort_by_key(|&i| first_mention[i]);
    let people = order
        .into_iter()
        .map(|i| (i, &found.persons[i]))
        .filter(|(_, p)| p.mentions > 0)
        .map(|(i, p)| Person {
            name: p.name.clone(),
            titles: p.titles.clone(),
            mentions: p.mentions,
            quotes: quoted[i],
        })
        .collect();
    (people, quotes)
}

/// Whether the words of a subject may be a name: at most four words, none of them a place or a
/// word that is never a name, and not one capitalised word that is capitalised only where it
/// opens a sentence (`Critics call it ...`).
fn plausible_name(parts: &[String], mid_sentence: &HashSet<&str>) -> bool {
    let lexicon = lexicon::Lexicon::get();
    let lone_common_noun = parts.len() == 1 && !mid_sentence.contains(parts[0].as_str());
    let words: Vec<&str> = parts.iter().map(String::as_str).collect();
    parts.len() <= 4
        && !lone_common_noun
        && people::place_phrase(&words).is_none()
        && parts.iter().all(|p| {
            let bare = tokens::strip_possessive(p);
            !lexicon.is_not_name(bare) && lexicon.place(bare).is_none()
        })
}

/// The organisation or group a one-word subject names, if it names one: a short word in capitals
/// is an acronym (`NBC reported`, `the RNC's statement said`), and a plural common noun that is
/// capitalised only where it opens a sentence, and is nobody's name, a group (`Demonstrators
/// said`, `Officials at the agency said`). A long word in capitals names nobody.
fn group_subject(
    subject: &Subject,
    mid_sentence: &HashSet<&str>,
    found: &people::People,
) -> Option<Subject> {
    let Subject::Name(parts) = subject else {
        return None;
    };
    let [word] = parts.as_slice() else {
        return None;
    };
    let bare = tokens::strip_possessive(word);
    let capitals = bare.chars().all(|c| !c.is_lowercase());
    // (`CONGRESS HAS INVESTIGATED HIM — ...`: a long word in capitals is a heading's.)
    if capitals && bare.chars().count() > MAX_ACRONYM_LETTERS {
        return Some(Subject::Other);
    }
    let acronym = bare.chars().count() >= 2 && capitals;
    let plural = PEOPLE_PLURAL_ENDINGS
        .iter()
        .any(|e| bare.len() > e.len() + 2 && bare.ends_with(e))
        && !mid_sentence.contains(word.as_str())
        && people::match_person(found, &[bare.to_string()]).is_none()
        && !lexicon::Lexicon::get().is_given_name(bare);
    (acronym || plural).then(|| Subject::Organisation(bare.to_string()))
}

/// Endings of plural nouns for people (`Demonstrators`, `Officials`, `Critics`, `Residents`,
/// `Analysts`, `Politicians`, `Employees`): such a noun as a subject names a group.
const PEOPLE_PLURAL_ENDINGS: &[&str] = &[
    "ers", "ors", "ists", "ians", "ants", "ents", "als", "ics", "ives", "ees",
];

/// The longest word in capitals taken for an acronym (`UNESCO`); a longer one is a word of a
/// heading set in capitals.
const MAX_ACRONYM_LETTERS: usize = 6;

/// Nouns after which a quoted span is a term mentioned, not anyone's speech (`the phrase
/// “...”`, `the slogan “...”`).
const TERM_NOUNS: &[&str] = &[
    "phrase", "term", "slogan", "label", "motto", "nickname", "hashtag",
];

/// Short words that a title leaves in lower case between its capitalised words (`Meet the
/// Press`, `State of the Union`, `Fox and Friends`).
const TITLE_LOWER_WORDS: &[&str] = &[
    "a", "an", "the", "of", "and", "or", "with", "in", "on", "at", "for", "to", "from", "by",
];

/// Prepositions after which a quoted title is where something appeared or what it belongs to
/// (`on “Morning Report”`, `the host of “Quiet Harbour”`), not speech.
const TITLE_PREPOSITIONS: &[&str] = &["of", "on", "in", "at"];

/// Words after which a quoted span is the name given to a thing (`a song titled “...”`).
const TITLING_WORDS: &[&str] = &["titled", "entitled"];

/// Whether a quoted span is in title case: every word capitalised (or a number), but for short
/// function words between capitalised ones. Such a span names a thing (a show, a book, a
/// slogan) more often than it quotes speech.
fn title_like(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    let capitalised = |w: &str| w.chars().next().is_some_and(|c| !c.is_lowercase());
    words.iter().enumerate().all(|(n, w)| {
        capitalised(w)
            || (n > 0
                && n + 1 < words.len()
                && TITLE_LOWER_WORDS.contains(&w.to_lowercase().as_str()))
    })
}

/// Adds a sighting to `seen` in text order, after the sightings at the same offset.
fn see(seen: &mut Vec<Sighting>, sighting: Sighting) {
    let index = seen.partition_point(|s| s.at <= sighting.at);
    seen.insert(index, sighting);
}

/// How many tokens from a short quote a strong verb of saying may stand and still report it
/// (a weak one a third of that).
const REPORTED_SPEECH_REACH: usize = 12;

/// Whether the sentence around a quote reports speech: a verb of saying stands in it, near the
/// quote, before or after it (`Kohan accused the mayor of “stalling” on repairs`, `the “fair share”
/// that Kohan demanded`). A short quote there is a partial quote of someone's words, though no
/// frame names who; in a sentence without one it is a scare quote.
fn in_reported_speech(
    tokens: &[tokens::Token],
    starts: &[usize],
    span: &quotes::QuoteSpan,
) -> bool {
    let lexicon = lexicon::Lexicon::get();
    // A strong verb reaches further than a weak one, which has other senses (`summed up in
    // the tabloid phrase “...”` names a phrase; nobody says it here).
    let reach = |k: usize| {
        if lexicon.is_strong_speech_verb(tokens[k].text) {
            REPORTED_SPEECH_REACH
        } else {
            REPORTED_SPEECH_REACH / 3
        }
    };
    let open = tokens::token_at(tokens, span.open);
    let close = tokens::token_at(tokens, span.close);
    let from = starts[open].max(open.saturating_sub(REPORTED_SPEECH_REACH));
    // `Kohan described the plan as a “fiasco”`: a verb that characterises its object `as` a
    // quoted word reaches over the object, however weak.
    let characterised = characterised_as(tokens, open);
    let before = (from..open).any(|k| {
        speaker::is_speech_verb_at(tokens, k)
            && (open - k <= reach(k)
                || characterised && !tokens[k + 1..open].iter().any(|t| t.is(',')))
    });
    let after = || {
        (close..tokens.len().min(close + REPORTED_SPEECH_REACH))
            .take_while(|&k| k == close || !tokens::is_sentence_end(tokens, k - 1))
            .any(|k| speaker::is_speech_verb_at(tokens, k) && k - close < reach(k))
    };
    before || after()
}

/// Whether the quote opening at token `open` follows `as`, `as a` or `as an` (`branded the
/// plan as a “fiasco”`), but not `such as`, which opens a list of examples.
fn characterised_as(tokens: &[tokens::Token], open: usize) -> bool {
    let word = |k: usize| tokens.get(k).map(|t| t.text.to_lowercase());
    let Some(mut k) = open.checked_sub(1) else {
        return false;
    };
    if matches!(word(k).as_deref(), Some("a" | "an")) {
        let Some(before) = k.checked_sub(1) else {
            return false;
        };
        k = before;
    }
    word(k).as_deref() == Some("as")
        && k.checked_sub(1)
            .is_none_or(|j| !matches!(word(j).as_deref(), Some("such" | "known" | "so")))
}

/// The quote around byte `offset` (strictly inside its marks), if any. Spans are in text order
/// and do not overlap: only the last one opening before `offset` can hold it.
fn quote_around(spans: &[quotes::QuoteSpan], offset: usize) -> Option<&quotes::QuoteSpan> {
    let before = spans.partition_point(|q| q.open < offset);
    spans[..before].last().filter(|q| offset < q.close)
}

/// Whether token `i` ends a sentence as attribution sentences see it: sentence ends inside
/// quotes do not end it, unless the quote closes on one and a new sentence begins after it.
fn ends_quoted_sentence(tokens: &[tokens::Token], spans: &[quotes::QuoteSpan], i: usize) -> bool {
    if !tokens::is_sentence_end(tokens, i) {
        return false;
    }
    let Some(around) = quote_around(spans, tokens[i].start).filter(|_| !tokens[i].is_break())
    else {
        return true;
    };
    // `... taken.” “We resumed ...`: a quote that closes on a full stop ends the sentence
    // when a new one begins after it.
    let closes_quote = tokens.get(i + 1).is_some_and(|t| t.end == around.close);
    closes_quote
        && tokens.get(i + 2).is_none_or(|t| {
            t.is_break()
                || t.is_capitalized()
                || t.start >= around.close && tokens::is_quote_mark(t)
        })
}

/// For every token `k` (and `k == tokens.len()`), where its sentence starts and the first token
/// at or after it that ends one (or `tokens.len()`), with sentence ends as
/// [`ends_quoted_sentence`] sees them. Found once per article, so that each attributed quote of
/// a run-on text finds its sentence without walking it.
struct QuoteSentences {
    start: Vec<usize>,
    end: Vec<usize>,
}

impl QuoteSentences {
    fn new(tokens: &[tokens::Token], spans: &[quotes::QuoteSpan]) -> QuoteSentences {
        let ends: Vec<bool> = (0..tokens.len())
            .map(|i| ends_quoted_sentence(tokens, spans, i))
            .collect();
        let mut start = Vec::with_capacity(tokens.len() + 1);
        let mut first = 0;
        for k in 0..=tokens.len() {
            if k > 0 && ends[k - 1] {
                first = k;
            }
            start.push(first);
        }
        let mut end = vec![tokens.len(); tokens.len() + 1];
        for k in (0..tokens.len()).rev() {
            end[k] = if ends[k] { k } else { end[k + 1] };
        }
        QuoteSentences { start, end }
    }
}

/// The sentence around byte `at` (a frame's subject), with the words of quote `quote` elided to
/// `…`; sentence ends inside quotes do not end it.
fn attribution_sentence(
    text: &str,
    tokens: &[tokens::Token],
    spans: &[quotes::QuoteSpan],
    sentences: &QuoteSentences,
    quote: usize,
    at: usize,
) -> Option<String> {
    // A sentence that ends inside a quote ends at its closing mark.
    let boundary_after = |i: usize| {
        quote_around(spans, tokens[i].start)
            .filter(|_| !tokens[i].is_break())
            .map_or(tokens[i].end, |q| q.close)
    };
    let first = sentences.start[tokens::token_at(tokens, at.min(spans[quote].open))];
    let start = match first {
        0 => 0,
        _ => boundary_after(first - 1).max(tokens.get(first)?.start),
    };
    let last = sentences.end[tokens::token_at(tokens, at.max(spans[quote].open))];
    let end = match tokens.get(last) {
        Some(token) if !token.is_break() => boundary_after(last),
        _ => tokens.get(last.checked_sub(1)?)?.end,
    };
    let start = text[start..end].find(|c: char| !c.is_whitespace())? + start;
    let span = &spans[quote];
    let elided = (start <= span.open && span.close <= end)
        .then(|| Some((span.parts.first()?.0, span.parts.last()?.1)))
        .flatten();
    let length = elided.map_or(end - start, |(inner_start, inner_end)| {
        (inner_start - start) + (end - inner_end)
    });
    if length > MAX_ATTRIBUTION_BYTES {
        return None;
    }
    let sentence = match elided {
        Some((inner_start, inner_end)) => {
            format!("{}…{}", &text[start..inner_start], &text[inner_end..end])
        }
        None => text[start..end].to_string(),
    };
    let sentence = sentence.split_whitespace().collect::<Vec<_>>().join(" ");
    (!sentence.is_empty()).then_some(sentence)
}

/// The speaker named by the paragraph before a paragraph that opens with a quote: a lead-in
/// that ends with a colon (`He told reporters:`), or, when the quote is all its paragraph
/// (`all_quote`), a sentence of reported speech.
fn lead_in_speaker(
    tokens: &[tokens::Token],
    (start, end): (usize, usize),
    all_quote: bool,
    people: &people::People,
    seen: &[Sighting],
) -> Option<usize> {
    let first = tokens::token_at(tokens, start);
    let last = tokens::token_at(tokens, end);
    if last == 0 || last <= first {
        return None;
    }
    let floor = speaker::sentence_start(tokens, first, last - 1);
    if !tokens.get(last - 1).is_some_and(|t| t.is(':')) {
        if !all_quote {
            return None;
        }
        // `Kohan said the vote was rigged.` followed by a paragraph that is all quote: the one
        // who just spoke in indirect speech goes on in direct speech.
        let frame = speaker::reported_speech(tokens, floor, last)?;
        return speaker::resolve(&frame.subject, end, 0, people, seen);
    }
    // `He told reporters:`, and `Kohan issued the following statement:` without a verb of saying.
    let frame = speaker::attribution_before(tokens, floor, last)
        .filter(|frame| frame.subject != Subject::Other)
        .or_else(|| speaker::lead_in_subject(tokens, floor, last))?;
    speaker::resolve(&frame.subject, end, 0, people, seen)
}

/// The person named as the subject of the sentence that ends at `end`, in `start..end`; a name
/// inside a quote (`On “Face the Nation,” Sanders ...`) is none.
fn named_subject_before(
    tokens: &[tokens::Token],
    spans: &[quotes::QuoteSpan],
    (start, end): (usize, usize),
    people: &people::People,
    seen: &[Sighting],
) -> Option<usize> {
    let first = tokens::token_at(tokens, start);
    let last = tokens::token_at(tokens, end);
    if last == 0 || last <= first {
        return None;
    }
    let mut floor = speaker::sentence_start(tokens, first, last - 1);
    loop {
        let frame = speaker::lead_in_subject(tokens, floor, last)
            .filter(|frame| matches!(frame.subject, Subject::Name(_)))?;
        match quote_around(spans, frame.at) {
            Some(quote) => floor = tokens::token_at(tokens, quote.close),
            None => return speaker::resolve(&frame.subject, end, 0, people, seen),
        }
    }
}

/// What reading and parsing one file produced.
#[derive(Debug, Default)]
pub struct ParsedFile {
    /// The articles.
    pub articles: Vec<Article>,
    /// Files or records that were not indexed, with reasons.
    pub skipped: Vec<crate::source::Skipped>,
    /// Notes that did not stop the file being read (an encoding guessed, bytes replaced).
    pub warnings: Vec<crate::source::Warning>,
}

/// Reads and parses every article in one file: what `wiredex parse` does.
pub fn parse_file(path: &Path) -> ParsedFile {
    parse_read(crate::source::read_file(path))
}

/// Parses every raw article that reading a file produced, keeping its skips and warnings.
pub fn parse_read(read: crate::source::FileArticles) -> ParsedFile {
    let mut parsed = ParsedFile {
        skipped: read.skipped,
        warnings: read.warnings,
        ..ParsedFile::default()
    };
    for raw in &read.articles {
        match parse(raw) {
            Ok(article) => parsed.articles.push(article),
            Err(NotAnArticle(reason)) => parsed.skipped.push(crate::source::Skipped {
                path: raw.path.clone(),
                reason: if raw.record > 0 {
                    format!("record {}: {reason}", raw.record)
                } else {
                    reason
                },
            }),
        }
    }
    parsed
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Each quote of the paragraphs (after a headline) with its speaker.
    /// The article parsed from a headline and these paragraphs.
    fn article_of(paragraphs: &[&str]) -> Article {
        let mut all = vec!["Headline".to_string()];
        all.extend(paragraphs.iter().map(|p| p.to_string()));
        let raw = RawArticle {
            paragraphs: all,
            ..RawArticle::default()
        };
        parse(&raw).expect("parses")
    }

    pub(crate) fn quotes_of(paragraphs: &[&str]) -> Vec<(String, Option<String>)> {
        article_of(paragraphs)
            .quotes
            .into_iter()
            .map(|q| (q.text, q.speaker))
            .collect()
    }

    /// Asserts the speakers of the paragraphs' quotes, in order.
    fn assert_speakers(paragraphs: &[&str], expected: &[Option<&str>]) {
        let quotes = quotes_of(paragraphs);
        let speakers: Vec<Option<&str>> = quotes.iter().map(|q| q.1.as_deref()).collect();
        assert_eq!(speakers, expected, "{quotes:?}");
    }

    #[test]
    fn an_unframed_quote_is_the_words_of_its_sentence_subject() {
        assert_speakers(
            &[
                "In a speech in May, Councillor Mara Vintner attacked “the quiet neglect of the \
                 harbour towns and the people who work there.”",
                "In recent weeks, Vintner has gone after Ferro as a “harbour baron who will sell \
                 the coast.”",
            ],
            &[Some("Mara Vintner"), Some("Mara Vintner")],
        );
        // An opening clause is not the sentence's subject.
        assert_speakers(
            &[
                "Mayor Oskar Ferro spoke first. When Ferro suggested that the port would close, \
                 Councillor Mara Vintner fired back: “Then we will open it again ourselves.”",
            ],
            &[Some("Mara Vintner")],
        );
    }

    #[test]
    fn a_quote_after_another_in_its_sentence_keeps_that_speaker() {
        assert_speakers(
            &[
                "“The dredging is done,” Mayor Oskar Ferro said, adding that “the ships will \
                 come back by spring.”",
                "“The budget should never have been cut,” Councillor Mara Vintner (L-North) said \
                 in a statement, adding that the funds were handed out “like sweets.”",
                "On “Harbour Hour,” Ferro said the town needs “more patience” and \
                 “more dredgers.”",
            ],
            &[
                Some("Oskar Ferro"),
                Some("Oskar Ferro"),
                Some("Mara Vintner"),
                Some("Mara Vintner"),
                Some("Oskar Ferro"),
                Some("Oskar Ferro"),
            ],
        );
    }

    #[test]
    fn groups_and_organisations_speak_under_their_names() {
        let quotes = quotes_of(&[
            "Dockworkers marched to the town hall on Monday.",
            "Demonstrators said they want “a fair deal for Torvik,” and pledged to stay calm.",
            "HarbourWatch rated the mayor's claim as “mostly false” in its weekly review. The \
             report by HarbourWatch was shared widely.",
        ]);
        let speakers: Vec<Option<&str>> = quotes.iter().map(|q| q.1.as_deref()).collect();
        assert_eq!(
            speakers,
            [Some("Demonstrators"), Some("HarbourWatch")],
            "{quotes:?}"
        );
    }

    #[test]
    fn a_possessive_before_a_noun_of_saying_gives_way_to_the_real_frame() {
        assert_speakers(
            &[
                "Councillor Mara Vintner called Mayor Oskar Ferro's remarks on Saturday “a true \
                 wake-up call” for the harbour.",
                "Ferro's call for a “harbour tax on yachts” drew protests.",
            ],
            &[Some("Mara Vintner"), Some("Oskar Ferro")],
        );
    }

    #[test]
    fn clauses_after_a_quote_frame_it_only_when_they_say_it() {
        // `when Vintner blasted him` is a clause of its own, not the frame.
        assert_speakers(
            &[
                "Mayor Oskar Ferro and Councillor Mara Vintner debated on Monday. The footage \
                 shows Ferro answering, “That makes me careful with money,” when Vintner \
                 blasted him for the deficit.",
                "“The harbour will be saved” if the vote passes, said Councillor Mara Vintner.",
                "“We will see,” said 2019 candidate Jo Brandt.",
            ],
            &[Some("Oskar Ferro"), Some("Mara Vintner"), Some("Jo Brandt")],
        );
    }

    #[test]
    fn a_pronoun_frame_means_someone_named_before_it() {
        // Ferro is named after `he`, between the pronoun and the quote.
        assert_speakers(
            &[
                "“The harbour is safe,” said Councillor Jonas Lindqvist.",
                "However, he characterized Mayor Oskar Ferro as “a little desperate, always \
                 trying to get his points in.”",
            ],
            &[Some("Jonas Lindqvist"), Some("Jonas Lindqvist")],
        );
    }

    #[test]
    fn organisation_names_and_sentence_openers_are_no_people() {
        let article = article_of(&[
            "The Commission on Harbour Debates announced on Friday that the vote was delayed.",
            "Rival Mara Vintner said the delay was wrong. Injecting Vintner into the debate, \
             Mayor Oskar Ferro said little.",
            "Hours later, the commission said it would meet again.",
        ]);
        let names: Vec<&str> = article.people.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["Mara Vintner", "Oskar Ferro"]);
    }

    #[test]
    fn appositions_of_several_descriptions_lead_back_to_the_name() {
        assert_speakers(
            &[
                "“It is an invasion of the harbour's rights,” Oskar Ferro, the mayor of Torvik, \
                 one of the towns suing the agency, said at an event this month.",
                "“The story is being pushed by the papers,” Mara Vintner, the executive director \
                 at the Centre for Harbour Justice and who also appears in the film, told the \
                 Torvik Herald.",
            ],
            &[Some("Oskar Ferro"), Some("Mara Vintner")],
        );
    }

    #[test]
    fn a_sentence_continued_by_a_quote_names_its_subject_past_a_quoted_title() {
        assert_speakers(
            &[
                "On “Harbour Hour,” Councillor Mara Vintner named the dredging as one of the \
                 reasons to stay. “The young people here are tired of waiting for the ships.”",
            ],
            &[Some("Mara Vintner")],
        );
    }

    #[test]
    fn a_hyphenated_given_name_opens_a_name_and_gives_the_pronoun() {
        assert_speakers(
            &[
                "Jo-Renee Kaskel, a historian at Torvik College, described the plan in terms of \
                 lowering expectations.",
                "“If he cannot answer, he will deflect the question back,” she said.",
            ],
            &[Some("Jo-Renee Kaskel")],
        );
    }

    #[test]
    fn a_surname_that_is_also_a_title_or_a_common_word_ends_a_name() {
        assert_speakers(
            &[
                "“We have done what we could,” Amy Pope, a deputy adviser, said on a call.",
                "“The party is not divided,” Senator Jeff Sessions, a close ally, told reporters.",
                "“The harbour stays open,” Lee County spokesman Jo Brandt said.",
            ],
            &[Some("Amy Pope"), Some("Jeff Sessions"), Some("Jo Brandt")],
        );
    }

    #[test]
    fn a_plural_possessive_inside_an_apposition_is_no_quote_mark() {
        assert_speakers(
            &[
                "\"This campaign is changing the harbour,\" Jonas Lindqvist, Ferros' campaign \
               manager, said in a statement.",
            ],
            &[Some("Jonas Lindqvist")],
        );
    }

    #[test]
    fn names_in_an_opening_clause_are_not_the_subject_a_pronoun_means() {
        assert_speakers(
            &[
                "In describing Mayor Oskar Ferro, the councillor Jonas Lindqvist sees a man \
                 without curiosity.",
                "“You have to be able to adapt,” he said of Ferro.",
            ],
            &[Some("Jonas Lindqvist")],
        );
        // A pronoun in the opening clause or at the main clause's start carries the chain.
        assert_speakers(
            &[
                "Councillor Jonas Lindqvist, who won the north ward, is calling for rivals to \
                 stand down.",
                "The count went on late into the night.",
                "Though he did not name Oskar Ferro, he made it clear that the mayor should go.",
                "He asked them to “prayerfully consider” the future of their campaigns.",
            ],
            &[Some("Jonas Lindqvist")],
        );
    }

    #[test]
    fn whose_view_a_sentence_gives_is_its_subject() {
        assert_speakers(
            &[
                "To harbour historian Brigid Kaskel, Mayor Ferro's stare seemed to reflect \
                 sadness.",
                "“It really looked like heartbreak,” she said.",
                "According to Kaskel, the town has had four harbour masters since 2010.",
                "“There is a reason for that,” she said.",
            ],
            &[Some("Brigid Kaskel"), Some("Brigid Kaskel")],
        );
    }

    #[test]
    fn a_description_opening_a_sentence_is_the_one_who_holds_that_role() {
        assert_speakers(
            &[
                "Sen. Jonas Lindqvist won the north ward, and Gov. Oskar Ferro kept the south.",
                "Ferro thanked his voters on Tuesday.",
                "The Vermont senator sought to calm his supporters after the count.",
                "He said that he would offer “a prayer” for the eventual nominee.",
            ],
            &[Some("Jonas Lindqvist")],
        );
    }

    #[test]
    fn an_employer_and_a_role_after_an_inverted_verb_lead_to_the_name() {
        assert_speakers(
            &[
                "“Education is the driver,” said Torvik College pollster Ilse Marwood.",
                "“We are frustrated,” said Harbour ranking Democrat Jonas Lindqvist (D-Nord).",
                "“I was hoping for something else,” said Air Force 1st Lt. Odile Brandt.",
                "“It is a creation of the media,” said HPA spokesman Jo Kaskel in a statement.",
                "“It will pass,” said Ferro on Tuesday.",
            ],
            &[
                Some("Ilse Marwood"),
                Some("Jonas Lindqvist"),
                Some("Odile Brandt"),
                Some("Jo Kaskel"),
                Some("Ferro"),
            ],
        );
    }

    #[test]
    fn adverbs_and_words_inside_quotes_open_no_subject() {
        assert_speakers(
            &[
                "“Watch the harbour video,” said former shipping executive Ilse Marwood during \
                 the second debate.",
                "Immediately after the storm, Mayor Oskar Ferro issued a statement, “Last night \
                 our harbour was hit harder than ever before.”",
                "Early in his campaign, Ferro attacked Lindqvist, calling him, among other \
                 things, “a failed candidate.”",
                "“An awful lot of analysts said no,” remembered Jonas Lindqvist, the former \
                 harbour master.",
            ],
            &[
                Some("Ilse Marwood"),
                Some("Oskar Ferro"),
                Some("Oskar Ferro"),
                Some("Jonas Lindqvist"),
            ],
        );
        // `denounced her record as secretary` is no inverted frame.
        let quotes = quotes_of(&[
            "Mayor Oskar Ferro summed up the councillor as “terrible,” denounced her record as \
             secretary of the board.",
        ]);
        assert_eq!(quotes[0].1.as_deref(), Some("Oskar Ferro"), "{quotes:?}");
    }

    #[test]
    fn a_surname_misspelled_by_one_letter_is_the_same_person() {
        assert_speakers(
            &[
                "Harbour activist Leslie Vimmers runs the campaign. Mayor Anna Ferro disagreed \
                 with her.",
                "Vimers believes the mayor took the dockworkers for granted.",
                "“They have a big problem,” she said.",
            ],
            &[Some("Leslie Vimmers")],
        );
    }

    #[test]
    fn addressees_and_lone_surnames_after_straight_quotes_are_read_for_what_they_are() {
        assert_speakers(
            &[
                "In response, Mayor Oskar Ferro wrote to Jonas Lindqvist: “Only a fool would send \
                 such a letter.”",
                "Ferro left early, Ilse Marwood said, adding, “He was not very friendly.”",
                "\"They took his slogan and gave it to Ferro,\" Kaskel said.",
                "“Is the harbour safe?” said Torvik Dockers Political Director Jo Brandt.",
            ],
            &[
                Some("Oskar Ferro"),
                Some("Ilse Marwood"),
                Some("Kaskel"),
                Some("Jo Brandt"),
            ],
        );
    }

    #[test]
    fn question_marks_that_stand_for_apostrophes_are_apostrophes_again() {
        assert_eq!(
            repair_apostrophes("The EU?s decision? Russia?s reaction, and we don?t know."),
            "The EU's decision? Russia's reaction, and we don't know."
        );
        assert_eq!(
            repair_apostrophes("I?m sure they?ll go"),
            "I'm sure they'll go"
        );
        // Questions and addresses keep their marks.
        assert_eq!(repair_apostrophes("Why? So?"), "Why? So?");
        assert_eq!(repair_apostrophes("see page.php?s=1"), "see page.php?s=1");
        assert_eq!(repair_apostrophes("Is it? s"), "Is it? s");
    }

    #[test]
    fn a_role_without_a_determiner_is_the_one_who_holds_it() {
        assert_speakers(
            &[
                "\"It is regrettable,\" Kremlin Spokesman Dmitry Peskov said.",
                "Asked about the sanctions on Anton Belov and Ilya Sorin, Russian presidential \
                 spokesman stressed that \"they are suspected without any basis at all.\"",
            ],
            &[Some("Dmitry Peskov"), Some("Dmitry Peskov")],
        );
    }

    #[test]
    fn someone_new_after_the_last_speaker_takes_the_pronoun() {
        assert_speakers(
            &[
                "Mayor Oskar Ferro said the port would close in May. Councillor Jonas \
                 Lindqvist disagreed with him. “That is simply not true,” he said.",
            ],
            &[Some("Jonas Lindqvist")],
        );
    }

    #[test]
    fn a_word_a_speaker_characterises_something_as_is_quoted() {
        let quotes = quotes_of(&[
            "Mayor Edda Quist criticised the harbour plan drawn up last year as a “fiasco” on Monday.",
        ]);
        assert_eq!(
            quotes,
            [("fiasco".to_string(), Some("Edda Quist".to_string()))]
        );
        // Examples after `such as` are not anyone's words.
        let at_mark = |text: &str| {
            let tokens = tokens::tokenize(text);
            let open = tokens.iter().position(|t| t.text == "“").expect("a mark");
            characterised_as(&tokens, open)
        };
        assert!(at_mark("branded the plan as a “fiasco”"));
        assert!(at_mark("branded the plan as “absurd”"));
        assert!(!at_mark("used terms such as “fiasco”"));
    }

    #[test]
    fn a_title_after_a_preposition_or_possessive_names_a_show() {
        let quotes = quotes_of(&[
            "On Sunday's broadcast of “Harbour Watch,” Councillor Irma Dahl said the plan would fail.",
            "Speaking on Channel 9's “Morning Report,” Dahl said the vote was close.",
            "The advert, titled “Not Again,” shows the mayor at work.",
        ]);
        assert!(quotes.is_empty(), "{quotes:?}");
        // Speech in title case framed after it is still speech.
        let quotes = quotes_of(&["“Never Again,” Irma Dahl said."]);
        assert_eq!(quotes.len(), 1, "{quotes:?}");
    }

    #[test]
    fn titles_with_lower_case_function_words_are_titles() {
        assert!(title_like("Morning with the Mayor"));
        assert!(title_like("Voices of the Valley."));
        assert!(title_like("Quiet Harbour"));
        assert!(!title_like("We will win the vote"));
        assert!(!title_like("the Valley"));
        assert!(!title_like("Home of"));
        let quotes =
            quotes_of(&["Councillor Irma Dahl told “Morning with the Mayor” she would run again."]);
        assert!(quotes.is_empty(), "{quotes:?}");
    }

    #[test]
    fn a_paragraph_opening_on_someone_new_hands_them_the_pronoun() {
        let quotes = quotes_of(&[
            "Governor Alma Verhoeven spoke first. “Rates will rise,” Verhoeven said.",
            "Economists had expected a smaller move.",
            "Finance Minister Jonas Lindqvist welcomed the decision. “The bank is doing its job,” he said.",
        ]);
        assert_eq!(quotes[1].1.as_deref(), Some("Jonas Lindqvist"));
        // Within the speaker's own paragraph the pronoun stays with the speaker.
        let quotes = quotes_of(&[
            "“Rates will rise,” Governor Alma Verhoeven said. Jonas Lindqvist listened. “Soon,” she added.",
        ]);
        assert_eq!(quotes[1].1.as_deref(), Some("Alma Verhoeven"));
    }

    #[test]
    fn a_chain_of_pronouns_keeps_its_person_across_paragraphs() {
        // The second paragraph names another man, but only in passing; its `he said` and
        // `he argued` go on speaking for Brask, and so does the next quote's `he`.
        let quotes = quotes_of(&[
            "Former party chairman Olaf Brask noted that he had seen such a fight before.",
            "A contest would be bitter, he said, and loyalists of Tomas Ferro would lobby hard. \
             That is why, he argued, the party should be ready.",
            "“This is a different time,” he said.",
        ]);
        assert_eq!(quotes[0].1.as_deref(), Some("Olaf Brask"));
    }

    #[test]
    fn employers_places_and_titles_around_a_name_are_read_for_what_they_are() {
        // The employer in the possessive is not the speaker; the person after it is.
        let quotes = quotes_of(&[
            "Analyst Petra Lindgren of Harbour Bank expects a cut.",
            "Harbour Bank's Lindgren said: “The cut will come in March.”",
        ]);
        assert_eq!(quotes[0].1.as_deref(), Some("Petra Lindgren"));
        // A company named after a state is not a person.
        let quotes = quotes_of(&["“We regret the delay,” Ohio Sprocket said in a statement."]);
        assert_eq!(quotes[0].1.as_deref(), Some("Ohio Sprocket"));
        // Of two people who share a surname, the title tells which one is meant.
        let quotes = quotes_of(&[
            "Sen. Harold Vane met his wife, Commerce Secretary Greta Vane, and Greta Vane spoke.",
            "“The bill will pass,” Sen. Vane said.",
        ]);
        assert_eq!(quotes[0].1.as_deref(), Some("Harold Vane"));
        // A title written in full ends a sentence with its dot; the next quote is not the
        // title's.
        let quotes = quotes_of(&[
            "“We built it slowly,” said Ada Korsgaard, the campaign's state director. \
             “You cannot build it in two weeks.”",
        ]);
        assert_eq!(quotes[1].1.as_deref(), Some("Ada Korsgaard"));
        // An acronym speaks as an organisation, and so does a name after `the`.
        let quotes = quotes_of(&[
            "“The vote was fair,” BSMC said on Monday. “Ships will wait,” the Baltic Pilots \
             Guild said.",
        ]);
        assert_eq!(quotes[0].1.as_deref(), Some("BSMC"));
        assert_eq!(quotes[1].1.as_deref(), Some("Baltic Pilots Guild"));
    }

    #[test]
    fn a_quote_ending_a_paragraph_continues_the_indirect_speech_before_it() {
        let quotes = quotes_of(&[
            "Marta Quell says she got a call from her niece in Gdansk. “She was frightened and she did not know where to go.”",
            "Tobias Ferro arrived later. The hall was full. “It was loud and the music went on until dawn.”",
        ]);
        assert_eq!(quotes[0].1.as_deref(), Some("Marta Quell"));
        // No indirect speech before it: nobody is named.
        assert_eq!(quotes[1].1, None);
        // No verb of saying, but a sentence about someone named.
        let quotes = quotes_of(&[
            "On Sunday, Senator Jonas Lindqvist named bigotry as the reason. \
             “The younger people are tired of it and they will vote.”",
        ]);
        assert_eq!(quotes[0].1.as_deref(), Some("Jonas Lindqvist"));
    }

    #[test]
    fn a_name_that_is_not_the_sentence_subject_does_not_take_the_pronoun() {
        // The sentence is about the spokeswoman, not the one she speaks for.
        let quotes = quotes_of(&[
            "“It was a fair vote,” Governor Tomas Ferro said.",
            "Ferro spokeswoman Odile Brandt criticised the ruling. “Nice try, not true,” she said.",
        ]);
        assert_eq!(quotes[1].1.as_deref(), Some("Odile Brandt"));
        // A sentence led by a description is not about the name inside it.
        let quotes = quotes_of(&[
            "“We need a budget,” Senator Jonas Lindqvist said.",
            "The Uppland Republican did give Tomas Ferro some credit, but he suggested limits.",
            "“We do not nominate a giant every year,” he said.",
        ]);
        assert_eq!(quotes[1].1.as_deref(), Some("Jonas Lindqvist"));
        // The agent of a passive is who the sentence is about.
        let quotes = quotes_of(&[
            "Minister Tomas Ferro argues that the currency has fallen enough.",
            "The budget was not mentioned.",
            "A similar argument was made on Monday by central bank governor Jonas Lindqvist. \
             A further fall would “pose risks to prices and to confidence,” he said.",
        ]);
        assert_eq!(
            quotes[0].1.as_deref(),
            Some("Jonas Lindqvist"),
            "{quotes:?}"
        );
    }

    #[test]
    fn a_verb_after_a_comma_inverts_and_an_employer_is_not_the_subject() {
        assert_speakers(
            &[
                "Ferro “did well among farmers” in the 2008 vote, said county historian Odile \
             Brandt.",
                "Harbour campaign spokesman Jonas Lindqvist responded on the radio, calling the \
             charge “pathetic.”",
            ],
            &[Some("Odile Brandt"), Some("Jonas Lindqvist")],
        );
        // `told` names the one spoken to.
        let quotes = quotes_of(&[
            "“We will not give up on the harbour,” Ferro said on Monday, told WKRP in an \
             interview.",
        ]);
        assert_ne!(quotes[0].1.as_deref(), Some("WKRP"));
    }

    #[test]
    fn a_verb_of_saying_used_as_a_noun_lets_the_real_verb_frame_the_quote() {
        assert_speakers(
            &[
                "Senate Leader Harald M. Quist (D-Nev.) told reporters that Ferro \
             “may have broken the law” in May.",
                "Odile Brandt, a voter from the harbour area, said that sometimes Ferro's \
             over-the-top comments make her wish they could “put the genie back in the bottle.”",
            ],
            &[Some("Harald M Quist"), Some("Odile Brandt")],
        );
    }

    #[test]
    fn a_quote_after_one_framed_by_nobody_named_stays_unnamed() {
        let quotes = quotes_of(&[
            "“When Ferro spoke it helped the market for a while,” a harbour trader said. \
             “But it is a nervous trade, with no buyers.”",
        ]);
        assert_eq!(quotes[1].1, None, "{quotes:?}");
    }

    #[test]
    fn a_phrase_quoted_as_a_phrase_is_no_quotation() {
        let quotes = quotes_of(&[
            "Critics have long argued that the policy is a tax on savers, a complaint often \
             summed up in the tabloid phrase “theft from the thrifty savers.”",
        ]);
        assert!(quotes.is_empty(), "{quotes:?}");
    }

    #[test]
    fn a_pronoun_far_from_any_subject_means_the_last_speaker_not_the_last_name() {
        let quotes = quotes_of(&[
            "“The ferry will run again in May,” said Captain Jonas Lindqvist.",
            "The ferry was built in 1968 for Tomas Ferro's company.",
            "It has not sailed since the storm of March.",
            "“We are waiting for one part,” he said.",
        ]);
        assert_eq!(
            quotes[1].1.as_deref(),
            Some("Jonas Lindqvist"),
            "{quotes:?}"
        );
    }

    #[test]
    fn an_organisation_speaks_on_through_following_paragraphs() {
        assert_speakers(
            &[
                "“There are some encouraging signs,” HFL said in a statement.",
                "“We have announced new routes,” it said.",
                "“We have yet to benefit from them.”",
            ],
            &[Some("HFL"); 3],
        );
    }

    #[test]
    fn frames_of_several_words_and_far_verbs_are_read() {
        assert_speakers(
            &[
                "As analyst Odile Brandt pointed out in March, “The harbour will not be ready.”",
                "Minister Tomas Ferro said in May, when the ferry story broke, “I knew nothing.”",
                "Ferro later Thursday told the Harbour Gazette: “We will wait.”",
            ],
            &[
                Some("Odile Brandt"),
                Some("Tomas Ferro"),
                Some("Tomas Ferro"),
            ],
        );
    }

    #[test]
    fn attribution_shapes_name_the_speaker() {
        let voronin = Some("Arkady Voronin".to_string());
        let cases: [(&str, &[&str], Option<String>); 14] = [
            (
                "quote then name and verb",
                &["Foreign Minister Arkady Voronin spoke. “We will go on talking,” Voronin said."],
                voronin.clone(),
            ),
            (
                "verb before name",
                &["Arkady Voronin spoke. “We will go on talking,” said Voronin."],
                voronin.clone(),
            ),
            (
                "colon lead-in",
                &["Foreign Minister Arkady Voronin said: “We will go on talking.”"],
                voronin.clone(),
            ),
            (
                "that clause",
                &["Foreign Minister Arkady Voronin said that “we will go on talking.”"],
                voronin.clone(),
            ),
            (
                "apposition before verb",
                &["Arkady Voronin, a veteran diplomat, said: “We will go on talking.”"],
                voronin.clone(),
            ),
            (
                "verbless colon",
                &["Arkady Voronin: “We will go on talking.”"],
                voronin.clone(),
            ),
            (
                "verbless dash",
                &["“We will go on talking.” ― Arkady Voronin"],
                voronin.clone(),
            ),
            (
                "pronoun",
                &["Foreign Minister Arkady Voronin arrived. “We will go on talking,” he said."],
                voronin.clone(),
            ),
            (
                "title",
                &[
                    "Russian Foreign Minister Arkady Voronin arrived. “We will go on talking,” the Russian foreign minister noted.",
                ],
                voronin.clone(),
            ),
            (
                "told reporters lead-in paragraph",
                &[
                    "Foreign Minister Arkady Voronin arrived.",
                    "He told reporters:",
                    "“We will go on talking.”",
                ],
                voronin.clone(),
            ),
            (
                "participle after comma",
                &["Arkady Voronin left the hall, saying “we will go on talking.”"],
                voronin.clone(),
            ),
            (
                "according to",
                &[
                    "According to Arkady Voronin, the sides “will go on talking for as long as it takes.”",
                ],
                voronin.clone(),
            ),
            (
                "parenthesis before verb",
                &["“We will go on talking,” Sen. Arkady Voronin (D-Mo.) said."],
                voronin.clone(),
            ),
            (
                "nobody tells",
                &["The talks resumed. “We will go on talking for as long as it takes.”"],
                None,
            ),
        ];
        for (name, paragraphs, speaker) in cases {
            let quotes = quotes_of(paragraphs);
            assert_eq!(quotes.len(), 1, "case {name}: {quotes:?}");
            assert_eq!(quotes[0].1, speaker, "case {name}");
        }
    }

    #[test]
    fn scare_quotes_and_names_of_things_are_not_quotations() {
        let cases: [(&str, &[&str]); 4] = [
            (
                "so-called",
                &["Tankers of the so-called “shadow fleet” sailed on."],
            ),
            (
                "title case name",
                &["The “Blue Corridor” project was launched in May."],
            ),
            (
                "short and unattributed",
                &["The region's “miracle” economy slowed down."],
            ),
            (
                "quoted name before its noun",
                &["He also said that the “two plus two” consultations would continue."],
            ),
        ];
        for (name, paragraphs) in cases {
            assert_eq!(quotes_of(paragraphs), vec![], "case {name}");
        }
    }

    #[test]
    fn a_short_title_case_span_after_a_lead_in_is_a_name_not_speech() {
        let cases = [
            "Arkady Voronin told the radio show “Morning Report” that talks went well.",
            "Arkady Voronin called his rival “Iron Ivan” at the rally.",
            "Arkady Voronin proclaimed a goal of “Peace Through Trade.”",
        ];
        for case in cases {
            assert_eq!(quotes_of(&[case]), vec![], "case {case:?}");
        }
        // Framed after it, a title-case word is speech.
        assert_eq!(
            quotes_of(&["“Never,” Arkady Voronin said."]),
            vec![("Never".to_string(), Some("Arkady Voronin".to_string()))]
        );
    }

    #[test]
    fn a_short_quote_near_a_verb_of_saying_is_a_partial_quote() {
        let voronin = Some("Arkady Voronin".to_string());
        assert_eq!(
            quotes_of(&["Arkady Voronin accused the mayor of “stalling” on the repairs."]),
            vec![("stalling".to_string(), voronin.clone())]
        );
        assert_eq!(
            quotes_of(&["The “fair share” of the costs that Arkady Voronin demanded was paid."]),
            vec![("fair share".to_string(), voronin)]
        );
        // With no verb of saying, a short quote is a scare quote.
        let cases = ["The harbour's “dead water” spread north in May."];
        for case in cases {
            assert_eq!(quotes_of(&[case]), vec![], "case {case:?}");
        }
    }

    #[test]
    fn each_quote_keeps_the_sentence_that_attributes_it() {
        let mut all = vec!["Headline".to_string()];
        all.extend(
            [
                "Foreign Minister Arkady Voronin spoke on Monday. “We will go on. Talks are hard,” the minister said in Kiev.",
                "“The next round is in May.”",
                "Voronin told reporters: “Nothing is settled.” “Nothing at all,” he added.",
            ]
            .map(String::from),
        );
        let raw = RawArticle {
            paragraphs: all,
            ..RawArticle::default()
        };
        let attributions: Vec<Option<String>> = parse(&raw)
            .expect("parses")
            .quotes
            .into_iter()
            .map(|q| q.attribution)
            .collect();
        let expected = [
            "“…” the minister said in Kiev.",
            // The second paragraph continues the first's speaker, so it shows that sentence.
            "“…” the minister said in Kiev.",
            "Voronin told reporters: “…”",
            "“…” he added.",
        ];
        assert_eq!(attributions, expected.map(|s| Some(s.to_string())).to_vec());
    }

    #[test]
    fn a_short_quote_in_an_attributed_sentence_is_a_partial_quote() {
        let quotes = quotes_of(&["Arkady Voronin said the plan was “a real mistake.”"]);
        assert_eq!(
            quotes,
            vec![(
                "a real mistake.".to_string(),
                Some("Arkady Voronin".to_string())
            )]
        );
    }

    /// Found while fuzzing: run-on texts of thousands of quotes or names took from seconds to
    /// minutes (every quote searched its sentence back to the start, lower-cased all the text
    /// before it, and copied its sentence as its attribution). They must give what the same
    /// text gives in short, in one pass: these take well under a second each (unoptimised), and
    /// took up to minutes before.
    #[test]
    fn run_on_texts_of_many_quotes_and_names_are_parsed_in_one_pass() {
        let article = |paragraphs: Vec<String>| {
            let mut all = vec!["Headline".to_string()];
            all.extend(paragraphs);
            parse(&RawArticle {
                paragraphs: all,
                ..RawArticle::default()
            })
            .expect("parses")
        };
        let voronin = Some("Arkady Voronin");

        let short = article(vec!["\"a b c d,\" Arkady Voronin said. ".repeat(2000)]);
        assert_eq!(short.quotes.len(), 2000);
        for quote in &short.quotes {
            assert_eq!(quote.speaker.as_deref(), voronin);
            assert_eq!(
                quote.attribution.as_deref(),
                Some("\"…\" Arkady Voronin said.")
            );
        }
        assert_eq!(short.people[0].quotes, 2000);

        // One "sentence" of a thousand quotes: each attributed, but the sentence is too long to
        // give as their attribution; a hundred are not.
        let run_on = article(vec!["\"a b c d,\" Arkady Voronin said, ".repeat(1000)]);
        assert_eq!(run_on.quotes.len(), 1000);
        assert!(
            run_on
                .quotes
                .iter()
                .all(|q| q.speaker.as_deref() == voronin)
        );
        assert!(run_on.quotes.iter().all(|q| q.attribution.is_none()));
        let shorter = article(vec!["\"a b c d,\" Arkady Voronin said, ".repeat(100)]);
        assert!(shorter.quotes.iter().all(|q| q.attribution.is_some()));

        let scare = article(vec!["“a” ".repeat(2000)]);
        assert!(scare.quotes.is_empty());

        let names = article(vec![format!(
            "{}others.",
            "Arkady Voronin, Ivan Petrov and ".repeat(2000)
        )]);
        let people: Vec<(&str, usize)> = names
            .people
            .iter()
            .map(|p| (p.name.as_str(), p.mentions))
            .collect();
        assert_eq!(people, [("Arkady Voronin", 2000), ("Ivan Petrov", 2000)]);

        // Paragraphs opening with a quote, between paragraphs without one (the first is read
        // as the deck).
        let paragraphs = ["“a b c d e” x", "plain"].repeat(1000);
        let alternating = article(paragraphs.iter().map(|p| p.to_string()).collect());
        assert_eq!(alternating.quotes.len(), 999);
        assert_eq!(alternating.deck.as_deref(), Some("“a b c d e” x"));
    }
}
