//! Institution chains: a frame that names no one new goes on with the institution that spoke
//! before it. `“...,” said a senior analyst at Harlow Research Institute. “...,” he added.`: the
//! analyst is unnamed, so `he` is the institute; `the official said` after `a Veldara Ministry
//! official said` is the ministry; `they added` after `the magazine said` is the magazine. It
//! reads frames and tokens and resolves no person.

use super::Context;
use crate::article::speaker::{self, Subject};
use crate::article::tokens::is_sentence_end;

/// How far back (in tokens) the earlier mention of an unnamed spokesperson is looked for.
const SPOKESPERSON_LOOK_BACK: usize = 2000;

/// How many paragraphs after an institution's quote a pronoun may still go on with it (a
/// paragraph of its indirect speech may stand between: `the official said ... . “...,” he
/// added`).
const MAX_PARAGRAPHS_ON: usize = 2;

/// How many tokens from a frame's subject its role word may stand (`a senior Veldara Ministry
/// official said`).
const ROLE_REACH: usize = 8;

impl Context<'_> {
    /// Whether quote `j`'s frame gives the words to an unnamed person who speaks for an
    /// institution (`a Harlow spokesman said`), or goes on with one.
    pub(super) fn spoken_for_institution(&self, j: usize) -> bool {
        let quote = &self.quotes[j];
        let Some(frame) = quote.frame.as_ref() else {
            return false;
        };
        if quote.speaker.is_some() || !matches!(frame.subject, Subject::Organisation(_)) {
            return false;
        }
        if quote.chained {
            return true;
        }
        let from = self.token_at(frame.at);
        (from..self.tokens.len().min(from + ROLE_REACH))
            .take_while(|&k| !speaker::is_speech_verb_at(self.tokens, k))
            .any(|k| speaker::is_spokesperson(self.tokens[k].text))
    }

    /// The institution that quote `i`'s pronoun frame goes on with: the last framed quote
    /// before it, at most [`MAX_PARAGRAPHS_ON`] paragraphs back, spoke for an institution (any, for
    /// `they`; through an unnamed spokesperson, for `he` or `she`), and no person is named
    /// between the two frames.
    pub(super) fn pronoun_goes_on_with_institution(&self, i: usize) -> Option<String> {
        let frame = self.quotes[i].frame.as_ref()?;
        let Subject::Pronoun(gender) = frame.subject else {
            return None;
        };
        let paragraph = self.spans[i].paragraph;
        let j = (0..i).rev().find(|&j| self.quotes[j].frame.is_some())?;
        let earlier = self.quotes[j].frame.as_ref()?;
        let Subject::Organisation(name) = &earlier.subject else {
            return None;
        };
        let near = self.spans[j].last_paragraph + MAX_PARAGRAPHS_ON >= paragraph;
        let fits = gender.is_none() || self.spoken_for_institution(j);
        let mentions = &self.found.mentions;
        let first = mentions.partition_point(|m| m.start <= earlier.at);
        let person_between = mentions[first..]
            .iter()
            .take_while(|m| m.start < frame.at)
            .any(|m| !self.inside_quote(m.start));
        (self.quotes[j].speaker.is_none() && near && fits && !person_between).then(|| name.clone())
    }

    /// The institution that quote `i`'s bare role (`the official said`, `the source said`)
    /// means when no person holds it: the one an earlier unnamed holder of the same role spoke
    /// for (`a senior Veldara Ministry official said`, `a source at Harlow Freight`).
    pub(super) fn role_goes_on_with_institution(&self, i: usize) -> Option<String> {
        let frame = self.quotes[i].frame.as_ref()?;
        let Subject::Role { role, .. } = &frame.subject else {
            return None;
        };
        if !speaker::is_spokesperson(role) {
            return None;
        }
        let tokens = self.tokens;
        let at = self.token_at(frame.at);
        (at.saturating_sub(SPOKESPERSON_LOOK_BACK)..at)
            .rev()
            .filter(|&k| tokens[k].text.eq_ignore_ascii_case(role))
            .find_map(|k| {
                let before = (k.saturating_sub(ROLE_REACH)..k)
                    .rev()
                    .take_while(|&d| !is_sentence_end(tokens, d))
                    .find_map(|d| speaker::unnamed_spokesperson(tokens, d, k));
                before.or_else(|| {
                    speaker::spokesperson_for(tokens, k, tokens.len()).map(|(name, _)| name)
                })
            })
    }
}

#[cfg(test)]
mod tests {
    use crate::article::SpeakerKind;
    use crate::article::tests::article_of;

    /// Each quote's speaker and kind.
    fn speakers(paragraphs: &[&str]) -> Vec<(Option<String>, Option<SpeakerKind>)> {
        article_of(paragraphs)
            .quotes
            .into_iter()
            .map(|q| (q.speaker, q.speaker_kind))
            .collect()
    }

    const ORG: Option<SpeakerKind> = Some(SpeakerKind::Organisation);

    fn org(name: &str) -> (Option<String>, Option<SpeakerKind>) {
        (Some(name.to_string()), ORG)
    }

    #[test]
    fn a_pronoun_after_an_unnamed_spokesperson_goes_on_with_the_institution() {
        assert_eq!(
            speakers(&[
                "Analyst Jonas Lindqvist of Torvik Bank expects a cut.",
                "“Demand will fall,” said a senior analyst at Harlow Research Institute.",
                "“Prices will follow it down by the summer,” he added.",
            ]),
            [
                org("Harlow Research Institute"),
                org("Harlow Research Institute")
            ]
        );
        // A person named between the two frames takes the pronoun back.
        let found = speakers(&[
            "“Demand will fall,” said a senior analyst at Harlow Research Institute.",
            "Analyst Jonas Lindqvist of Torvik Bank disagreed. “Prices will rise,” he said.",
        ]);
        assert_eq!(found[1].0.as_deref(), Some("Jonas Lindqvist"), "{found:?}");
        // A named spokesman is a person, and so is the one his pronoun means.
        let found = speakers(&[
            "“Demand will fall,” said Jonas Lindqvist, a spokesman for Harlow Freight Ltd.",
            "“Prices will follow,” he added.",
        ]);
        assert_eq!(found[1].0.as_deref(), Some("Jonas Lindqvist"), "{found:?}");
    }

    #[test]
    fn a_bare_role_after_an_unnamed_holder_of_it_means_the_same_institution() {
        assert_eq!(
            speakers(&[
                "Veldara may fine Harlow Freight Ltd, a senior Coastal Affairs Ministry official \
                 said.",
                "The official, who declined to be named, said the cargo was three weeks late.",
                "“If they ship quickly, we may take a lenient view,” the official said.",
            ]),
            [org("Coastal Affairs Ministry")]
        );
        // Nobody unnamed held the role before: no speaker.
        let found = speakers(&["“We may take a lenient view,” the official said."]);
        assert_eq!(found, [(None, None)]);
    }

    #[test]
    fn a_paragraph_all_quote_after_an_institution_speaking_is_its_words() {
        for before in [
            "Cod catches fell by a third last year, the Norland Fisheries Agency said on Monday.",
            "The Norland Fisheries Agency said in a statement:",
        ] {
            let found = speakers(&[before, "“The stocks need at least two quiet years.”"]);
            assert_eq!(found, [org("Norland Fisheries Agency")], "case {before:?}");
        }
        // Words after the quote are an attribution of their own, and a paragraph that reports
        // no speech gives the floor to nobody.
        let found = speakers(&[
            "Cod catches fell by a third last year, the Norland Fisheries Agency said.",
            "“The stocks need two quiet years,” one trawler captain said.",
        ]);
        assert_eq!(found, [(None, None)]);
        let found = speakers(&[
            "The Norland Fisheries Agency counts the catch every spring.",
            "“The stocks need at least two quiet years.”",
        ]);
        assert_eq!(found, [(None, None)]);
    }
}
