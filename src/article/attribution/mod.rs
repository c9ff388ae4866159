//! Attribution: the people an article names and who said each of its quotes. The work runs as
//! passes over one [`Context`], each a method in its own file, in this order: find the frame
//! beside each quote (`frames`), see who the text is about where (`salience`: names and the
//! pronouns and descriptions that mean them), resolve each quote's speaker (`resolve`), and keep
//! the quotes that are speech (`speech`). What is learnt about one quote lives in its
//! [`QuoteState`]. Pure like the rest of `article`: no I/O, no printing.

/// Frames that go on with the institution that spoke before them.
mod chain;
/// Pass 1: the attribution frame beside each quote.
mod frames;
/// Pass 3: each quote's speaker, framed quotes first.
mod resolve;
/// Pass 2: who the text is about where (names, pronouns, descriptions).
mod salience;
/// The sentence that attributes a quote.
mod sentence;
/// Pass 4: which quotes are speech, and the output.
mod speech;
/// What kind of thing a subject that is no known person names.
mod subject;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::cell::OnceCell;

use serde::{Deserialize, Serialize};

use super::people::{self, People};
use super::quotes::{self, QuoteSpan};
use super::speaker::{self, Attribution, Sighting, Subject};
use super::tokens::{self, Token};

/// Quotes shorter than this many words are scare quotes or quoted names unless an attribution
/// frame touches them (`“Never,” he said`).
const MIN_UNATTRIBUTED_QUOTE_WORDS: usize = 4;

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
    /// What the speaker is: a person or an organisation (`the Foreign Ministry said`); `None`
    /// when there is no speaker.
    #[serde(default)]
    pub speaker_kind: Option<SpeakerKind>,
    /// The verb of saying that attributes it (`noted`), if there is one.
    pub cue: Option<String>,
    /// Index of the body paragraph where the quote starts.
    pub paragraph: usize,
    /// The sentence that attributes the quote (`“…,” the minister noted.`), with this quote's
    /// words elided; for a quote that continues an earlier one's speaker, that quote's sentence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attribution: Option<String>,
}

/// What kind of speaker a quote has: institutions speak too, and they are no people.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SpeakerKind {
    /// A person of the article (`Sergei Lavrov`, `a spokesman` once named).
    Person,
    /// An institution: a ministry, a company, a newspaper, an agency (`Russian Foreign
    /// Ministry`, `Toyota Motor Corp`).
    Organisation,
}

impl SpeakerKind {
    /// The kind as written in JSON and CSV: `person` or `organisation`.
    pub fn as_str(self) -> &'static str {
        match self {
            SpeakerKind::Person => "person",
            SpeakerKind::Organisation => "organisation",
        }
    }
}

/// Finds people and quotations together: speakers are resolved against the people found, and
/// mentions inside quotes do not count as candidates for `he` or `the minister`.
pub(super) fn people_and_quotes(
    headline: &str,
    deck: Option<&str>,
    paragraphs: &[String],
) -> (Vec<Person>, Vec<Quote>) {
    let (text, ranges) = joined_text(headline, deck, paragraphs);
    let tokens = tokens::tokenize(&text);
    let found = people::find_people(&tokens);
    // Attribution looks around each quote: a hostile text of a million quotes is read no
    // further than its first ones.
    let spans = quotes::find_first_quotes(&text, &ranges, quotes::MAX_QUOTES);
    let mut context = Context::new(&text, &ranges, &tokens, &spans, found);
    context.find_frames();
    context.name_frame_subjects();
    context.see_mentions();
    context.find_pronouns();
    context.resolve_framed();
    context.resolve_unframed();
    context.into_speech()
}

/// One text of header and body, header first so that names in the headline count, with the
/// byte range of each body paragraph in it.
fn joined_text(
    headline: &str,
    deck: Option<&str>,
    paragraphs: &[String],
) -> (String, Vec<(usize, usize)>) {
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
    (text, ranges)
}

/// What the passes share: the article's text read once (tokens, sentence starts, people, quote
/// spans), what each pass learns about each quote, and who was seen where.
struct Context<'a> {
    /// Header and body as one text.
    text: &'a str,
    /// The byte range of each body paragraph in `text`.
    ranges: &'a [(usize, usize)],
    /// The tokens of `text`.
    tokens: &'a [Token<'a>],
    /// The quotes, in text order and not overlapping.
    spans: &'a [QuoteSpan],
    /// For each token, the token its sentence starts at.
    starts: Vec<usize>,
    /// The people found, and those that attribution frames vouch for.
    found: People,
    /// Words written capitalised in the middle of a sentence somewhere in the text.
    mid_sentence: HashSet<&'a str>,
    /// One state per quote span, in the same order.
    quotes: Vec<QuoteState>,
    /// Who was seen where, in text order: the salience that pronouns and roles resolve by.
    seen: Vec<Sighting>,
    /// Pronouns and descriptions outside quotes, in text order, seen as the resolve pass
    /// reaches them.
    pronouns: Vec<PronounSighting>,
    /// How many of `pronouns` have been seen.
    pronouns_seen: usize,
    /// How often each word is written, counted once when first needed.
    word_counts: OnceCell<HashMap<&'a str, usize>>,
}

/// What the passes learn about one quote.
#[derive(Debug, Default)]
struct QuoteState {
    /// The attribution frame beside the quote, if any.
    frame: Option<Attribution>,
    /// Whether the frame follows the quote (`“...,” she said`) rather than leads in to it.
    framed_after: bool,
    /// The person who said it, as an index into `People::persons`.
    speaker: Option<usize>,
    /// Who an unframed quote is the words of when that is no person (`PolitiFact rated ... as
    /// “false”`): the subject of its sentence.
    sentence_subject: Option<Subject>,
    /// The quote whose frame attributes this one: itself, or the one it continues.
    attributed_by: Option<usize>,
    /// Whether the frame's pronoun or role was found to go on with an institution that an
    /// unnamed person spoke for before (`“...,” he added` after `a Harlow spokesman said`).
    chained: bool,
}

/// A `he`, `she` or description (`The Florida senator`) outside quotes that may mean someone.
#[derive(Debug)]
struct PronounSighting {
    /// Byte offset.
    at: usize,
    /// The pronoun or role as a subject.
    subject: Subject,
    /// Whether a verb of saying follows it.
    speaking: bool,
}

impl<'a> Context<'a> {
    /// The context of an article's text, before any pass.
    fn new(
        text: &'a str,
        ranges: &'a [(usize, usize)],
        tokens: &'a [Token<'a>],
        spans: &'a [QuoteSpan],
        found: People,
    ) -> Context<'a> {
        Context {
            text,
            ranges,
            tokens,
            spans,
            starts: speaker::sentence_starts(tokens),
            found,
            mid_sentence: people::mid_sentence_words(tokens),
            quotes: spans.iter().map(|_| QuoteState::default()).collect(),
            seen: Vec::new(),
            pronouns: Vec::new(),
            pronouns_seen: 0,
            word_counts: OnceCell::new(),
        }
    }

    /// Whether byte `at` lies inside a quote. Spans are in text order and do not overlap, so
    /// this is a binary search: articles with thousands of quotes stay fast.
    fn inside_quote(&self, at: usize) -> bool {
        let before = self.spans.partition_point(|q| q.open <= at);
        before > 0 && at < self.spans[before - 1].close
    }

    /// The body paragraph that byte `at` lies in (the first for the header).
    fn paragraph_of(&self, at: usize) -> usize {
        let p = self.ranges.partition_point(|&(_, end)| end < at);
        if p < self.ranges.len() { p } else { 0 }
    }

    /// The token index of byte `offset`.
    fn token_at(&self, offset: usize) -> usize {
        tokens::token_at(self.tokens, offset)
    }
}

/// The quote around byte `offset` (strictly inside its marks), if any. Spans are in text order
/// and do not overlap: only the last one opening before `offset` can hold it.
fn quote_around(spans: &[QuoteSpan], offset: usize) -> Option<&QuoteSpan> {
    let before = spans.partition_point(|q| q.open < offset);
    spans[..before].last().filter(|q| offset < q.close)
}

/// Adds a sighting to `seen` in text order, after the sightings at the same offset.
fn see(seen: &mut Vec<Sighting>, sighting: Sighting) {
    let index = seen.partition_point(|s| s.at <= sighting.at);
    seen.insert(index, sighting);
}

#[cfg(test)]
mod tests {
    use crate::article::parse;
    use crate::article::tests::{article_of, assert_speakers, quotes_of};
    use crate::source::RawArticle;

    /// Runs the passes on the paragraphs (after a headline) and hands the context to `check`
    /// after each: `check(pass, &context)`.
    fn with_passes(paragraphs: &[&str], mut check: impl FnMut(&str, &super::Context)) {
        let paragraphs: Vec<String> = paragraphs.iter().map(|p| p.to_string()).collect();
        let (text, ranges) = super::joined_text("Headline", None, &paragraphs);
        let tokens = super::tokens::tokenize(&text);
        let spans = super::quotes::find_quotes(&text, &ranges);
        let found = super::people::find_people(&tokens);
        let mut context = super::Context::new(&text, &ranges, &tokens, &spans, found);
        context.find_frames();
        check("frames", &context);
        context.name_frame_subjects();
        context.see_mentions();
        context.find_pronouns();
        check("salience", &context);
        context.resolve_framed();
        check("framed", &context);
        context.resolve_unframed();
        check("unframed", &context);
    }

    #[test]
    fn each_pass_leaves_what_it_learnt_in_the_quote_state() {
        let paragraphs = [
            "“We came to talk,” Foreign Minister Arkady Voronin said in Tokyo.",
            "“The talks went well.”",
        ];
        with_passes(&paragraphs, |pass, context| {
            let [framed, continued] = context.quotes.as_slice() else {
                panic!("two quotes: {:?}", context.quotes);
            };
            match pass {
                "frames" => {
                    assert!(framed.framed_after && framed.attributed_by == Some(0));
                    assert!(continued.frame.is_none() && continued.attributed_by.is_none());
                }
                "salience" => assert!(!context.seen.is_empty()),
                "framed" => {
                    let voronin = framed.speaker.expect("the frame names Voronin");
                    assert_eq!(context.found.persons[voronin].name, "Arkady Voronin");
                    assert!(continued.speaker.is_none());
                }
                _ => {
                    // A paragraph that opens with a quote continues the last speaker, and
                    // keeps the frame that named them.
                    assert_eq!(continued.speaker, framed.speaker);
                    assert_eq!(continued.attributed_by, Some(0));
                }
            }
        });
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
