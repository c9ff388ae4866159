//! The last pass: which quotes are speech, and the article's quotes and people as output. A short
//! quote that nobody is framed saying is a scare quote; a span in title case after `on`,
//! a possessive or `titled` names a show; `the phrase “...”` mentions a term. Speakers are
//! already decided: this pass only keeps, counts and writes them.

use std::cell::OnceCell;
use std::collections::HashMap;

use super::frames::in_reported_speech;
use super::sentence::{QuoteSentences, attribution_sentence};
use super::{Context, MIN_UNATTRIBUTED_QUOTE_WORDS, Person, Quote, QuoteSpan, SpeakerKind};
use crate::article::institution;
use crate::article::lexicon::{WordClass, word_list};
use crate::article::quotes::MAX_QUOTES;
use crate::article::speaker::Subject;

/// Whether a quoted span is in title case: every word capitalised (or a number), but for short
/// function words between capitalised ones. Such a span names a thing (a show, a book, a
/// slogan) more often than it quotes speech.
pub(super) fn title_like(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    let capitalised = |w: &str| w.chars().next().is_some_and(|c| !c.is_lowercase());
    words.iter().enumerate().all(|(n, w)| {
        capitalised(w)
            || (n > 0
                && n + 1 < words.len()
                && word_list(WordClass::TitleLowerWords).contains(&w.to_lowercase().as_str()))
    })
}

impl Context<'_> {
    /// The quotes that are speech, with their speakers, and the people in order of first
    /// mention with how often each is quoted.
    pub(super) fn into_speech(self) -> (Vec<Person>, Vec<Quote>) {
        let mut quotes = Vec::new();
        let mut quoted = vec![0usize; self.found.persons.len()];
        let sentences = OnceCell::new();
        let mut acronyms: HashMap<&str, Option<String>> = HashMap::new();
        for (i, span) in self.spans.iter().enumerate() {
            let Some(quote_text) = self.spoken_text(i) else {
                continue;
            };
            let quote = &self.quotes[i];
            let frame_of = |j: usize| self.quotes[j].frame.as_ref();
            // An organisation may speak too (`Fox News reported`), under the name it is
            // given.
            let (speaker, speaker_kind) = match quote.speaker {
                Some(p) => (
                    Some(self.found.persons[p].name.clone()),
                    Some(SpeakerKind::Person),
                ),
                None => {
                    let frame = quote.attributed_by.and_then(frame_of);
                    match frame
                        .map(|f| &f.subject)
                        .or(quote.sentence_subject.as_ref())
                    {
                        Some(Subject::Organisation(name)) => {
                            let full = self.organisation_name(name, span.close, &mut acronyms);
                            (Some(full), Some(SpeakerKind::Organisation))
                        }
                        _ => (None, None),
                    }
                }
            };
            let template = Quote {
                text: quote_text,
                speaker,
                speaker_kind,
                cue: quote.frame.as_ref().and_then(|f| f.cue.clone()),
                paragraph: span.paragraph,
                attribution: quote.attributed_by.and_then(|j| {
                    let at = frame_of(j)?.at;
                    let sentences =
                        sentences.get_or_init(|| QuoteSentences::new(self.tokens, self.spans));
                    attribution_sentence(self.text, self.tokens, self.spans, sentences, j, at)
                }),
            };
            for part in self.parts(span, template) {
                if quotes.len() == MAX_QUOTES {
                    break;
                }
                if let Some(person) = quote.speaker {
                    quoted[person] += 1;
                }
                quotes.push(part);
            }
        }
        (self.people(&quoted), quotes)
    }

    /// An organisation's name as fully as the article gives it before byte `close`: an acronym
    /// it spelt out (`the EIU said` after `Economist Intelligence Unit (EIU)`), or a longer
    /// name ending in the same words (`the Foreign Ministry said` after `the Norland Foreign
    /// Ministry`). Acronyms are looked up once per article, in `acronyms`.
    fn organisation_name<'n>(
        &self,
        name: &'n str,
        close: usize,
        acronyms: &mut HashMap<&'n str, Option<String>>,
    ) -> String {
        let spelt = acronyms
            .entry(name)
            .or_insert_with(|| institution::defined_acronym(self.tokens, name));
        if let Some(full) = spelt {
            return full.clone();
        }
        let words: Vec<&str> = name.split_whitespace().collect();
        institution::fullest_mention(self.tokens, self.token_at(close), &words).join(" ")
    }

    /// A quote of several sentences run together on one line, each reopened by a mark
    /// (`... get. "We looked ...`, as BBC files join a quote's paragraphs), as one quote per
    /// part, each the same speaker's: readers and the wire gold take each as a quotation of its
    /// own. Paragraphs that reopen a quote left open stay one quote with it, as PolNeAR and our
    /// gold count them.
    fn parts(&self, span: &QuoteSpan, whole: Quote) -> Vec<Quote> {
        let mut groups: Vec<(usize, usize, String)> = Vec::new();
        for &(a, b) in &span.parts {
            let paragraph = self.paragraph_of(a);
            let words = self.text[a..b]
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            match groups.last_mut() {
                Some((_, last, text)) if *last != paragraph => {
                    *last = paragraph;
                    text.push(' ');
                    text.push_str(&words);
                }
                _ => groups.push((paragraph, paragraph, words)),
            }
        }
        let parts: Vec<(usize, String)> = groups
            .into_iter()
            .map(|(paragraph, _, text)| {
                let text = text.trim().trim_end_matches([',', ';']).trim_end();
                (paragraph, text.to_string())
            })
            .filter(|(_, text)| text.chars().any(char::is_alphanumeric))
            .collect();
        if parts.len() < 2 {
            return vec![whole];
        }
        parts
            .into_iter()
            .map(|(paragraph, text)| Quote {
                text,
                paragraph,
                ..whole.clone()
            })
            .collect()
    }

    /// The words of quote `i` when they are speech; `None` for a scare quote, a name or a
    /// term.
    fn spoken_text(&self, i: usize) -> Option<String> {
        let span = &self.spans[i];
        let quote = &self.quotes[i];
        let quote_text = span.text(self.text);
        // The comma before an attribution (`“...,” he said`) is the frame's, not the speaker's.
        let quote_text = quote_text.trim().trim_end_matches([',', ';']).trim_end();
        let words = quote_text.split_whitespace().count();
        let adjacent = quote.frame.as_ref().is_some_and(|f| f.adjacent);
        // A short quote inside an attributed sentence is a partial quote (`Clinton called them
        // “deplorables”`); without one it is a scare quote. Title-case spans name things, and
        // `so-called` announces a scare quote whatever follows.
        let attributed = quote
            .frame
            .as_ref()
            .is_some_and(|f| f.subject != Subject::Other)
            || (words < MIN_UNATTRIBUTED_QUOTE_WORDS
                && in_reported_speech(self.tokens, &self.starts, span));
        let title_like = title_like(quote_text);
        let named = self.names_a_thing(i, words, title_like);
        let scare = words == 0
            || named
            || (!adjacent && title_like && words < 8)
            || (!attributed && words < MIN_UNATTRIBUTED_QUOTE_WORDS);
        (!scare).then(|| quote_text.to_string())
    }

    /// Whether quote `i`, of `words` words, names a thing or mentions a term rather than
    /// quotes speech, by the words around it.
    fn names_a_thing(&self, i: usize, words: usize, title_like: bool) -> bool {
        let span = &self.spans[i];
        let text = self.text;
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
            && !word_list(WordClass::FunctionWords).contains(&word_after);
        // `the tabloid phrase “expropriation of savers”`: a phrase quoted as a phrase.
        let mentioned =
            word_list(WordClass::TermNouns).contains(&word_before.to_lowercase().as_str());
        // A short title-case span that a lead-in frame introduces is a name it gives: a
        // nickname, a show or a slogan (`called her “Miss Ellery”`, `told “Morning Report”`).
        // Speech in title case is framed after (`“Never,” he said`).
        let named_by_lead_in = title_like && words <= 5 && !self.quotes[i].framed_after;
        // `on Channel 4's “Morning Report,” Kohan said`, `the spot, titled “Fresh Start,”`: a
        // title after a preposition or a possessive, or anything after `titled`, is the name of
        // a show, a book or an advert, even when a frame follows it.
        let bare_before = word_before
            .trim_start_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        let named_thing = (title_like
            && words <= 5
            && (word_list(WordClass::TitlePrepositions).contains(&bare_before.as_str())
                || bare_before.ends_with("'s")
                || bare_before.ends_with("’s")))
            || word_list(WordClass::TitlingWords).contains(&bare_before.as_str());
        so_called || names_a_thing || mentioned || named_by_lead_in || named_thing
    }

    /// People in order of first mention (the headline counts), not of discovery, with how
    /// often each is quoted.
    fn people(&self, quoted: &[usize]) -> Vec<Person> {
        let found = &self.found;
        let mut order: Vec<usize> = (0..found.persons.len()).collect();
        let mut first_mention = vec![usize::MAX; found.persons.len()];
        for mention in found.mentions.iter().rev() {
            first_mention[mention.person] = mention.start;
        }
        order.sort_by_key(|&i| first_mention[i]);
        order
            .into_iter()
            .map(|i| (i, &found.persons[i]))
            .filter(|(_, p)| p.mentions > 0)
            .map(|(i, p)| Person {
                name: p.name.clone(),
                titles: p.titles.clone(),
                mentions: p.mentions,
                quotes: quoted[i],
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::tests::quotes_of;

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
}
