//! Salience and coreference: who the text is about where. Names outside quotes are seen as
//! sightings (the subject of their sentence or not, speaking or not), and `he`, `she` and
//! descriptions that open a sentence (`The Florida senator`) are found here and seen as the
//! person they mean when the resolve pass reaches them, so that a chain of pronouns keeps its
//! person. Mentions inside quotes are no one's sighting.

use super::{Context, PronounSighting, see};
use crate::article::lexicon::Lexicon;
use crate::article::people::{self, Mention};
use crate::article::speaker::{self, Sighting, Subject};
use crate::article::tokens::Token;

impl Context<'_> {
    /// Sees every mention of a name outside quotes, and whether it is a subject and speaking.
    pub(super) fn see_mentions(&mut self) {
        let outside: Vec<&Mention> = self
            .found
            .mentions
            .iter()
            .filter(|m| !self.inside_quote(m.start))
            .collect();
        let seen = outside
            .iter()
            .enumerate()
            .map(|(n, m)| Sighting {
                // The first name of a sentence is most often its subject; a name introduced
                // with an apposition (`..., says Ilse Marwood, a county clerk`) is who the
                // story turns to next.
                subject: (self.first_of_sentence(&outside, n) && !self.modifies_next(&outside, n))
                    || (n > 0
                        && self.first_of_sentence(&outside, n - 1)
                        && self.modifies_next(&outside, n - 1))
                    || people::introduced_by_apposition(self.tokens, self.token_at(m.end)),
                at: m.start,
                person: m.person,
                // `Filatov, now a commentator, said the decision...`: the person last heard
                // speaking is who a following `he said` most likely means.
                speaking: people::speech_verb_after(self.tokens, self.token_at(m.end))
                    || people::speech_verb_inverted(
                        self.tokens,
                        self.token_at(m.start),
                        self.token_at(m.end),
                    ),
                paragraph: self.paragraph_of(m.start),
            })
            .collect();
        self.seen = seen;
    }

    /// `Clinton spokeswoman Jennifer Palmieri`: a name before a role and another name modifies
    /// the second, which is the one the sentence is about.
    fn modifies_next(&self, outside: &[&Mention], n: usize) -> bool {
        outside.get(n + 1).is_some_and(|next| {
            let between = self.token_at(outside[n].end)..self.token_at(next.start);
            !between.is_empty()
                && between.len() <= 3
                && self.tokens[between.clone()]
                    .iter()
                    .all(|t| t.is_word() && !t.is_capitalized())
                && self.tokens[between]
                    .iter()
                    .any(|t| Lexicon::get().is_role(t.text))
        })
    }

    /// Whether mention `n` is the first name of its sentence's main clause, and the clause has
    /// no subject before it.
    fn first_of_sentence(&self, outside: &[&Mention], n: usize) -> bool {
        let tokens = self.tokens;
        // The subject stands in the main clause, after an opening clause and its comma (`In
        // describing Trump, Cuban said`, `Although ... Clinton's emails, Lynch took ...`).
        let at = self.token_at(outside[n].start);
        let sentence_of = self.starts[at];
        let sentence = speaker::main_clause_start(tokens, sentence_of, at);
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
    }

    /// Finds `he` and `she` outside quotes, as subjects or speakers (`That is why, he argued,
    /// ...`), and descriptions that open a sentence (`The Florida senator sought ...`): each is
    /// the person who last held that role, seen again in text order by the resolve pass.
    pub(super) fn find_pronouns(&mut self) {
        let frame_offsets: Vec<usize> = {
            let mut at: Vec<usize> = self
                .quotes
                .iter()
                .filter_map(|q| q.frame.as_ref())
                .map(|f| f.at)
                .collect();
            at.sort_unstable();
            at
        };
        let pronouns = self
            .tokens
            .iter()
            .enumerate()
            .filter_map(|(k, token)| {
                let (subject, speaking) = self.pronoun_subject(k, token)?;
                (!self.inside_quote(token.start)
                    && frame_offsets.binary_search(&token.start).is_err())
                .then_some(PronounSighting {
                    at: token.start,
                    subject,
                    speaking,
                })
            })
            .collect();
        self.pronouns = pronouns;
    }

    /// The pronoun or description at token `k` as a subject, and whether it speaks.
    fn pronoun_subject(&self, k: usize, token: &Token) -> Option<(Subject, bool)> {
        let tokens = self.tokens;
        let starts = &self.starts;
        // The subject of the sentence, of its main clause (`Though ..., he made it clear`) or
        // of an opening clause (`Though he did not name them, ...`).
        let subject = || {
            starts[k] == k
                || speaker::main_clause_start(tokens, starts[k], k + 1) == k
                || (k == starts[k] + 1 && speaker::opens_clause(&tokens[starts[k]]))
        };
        match speaker::gendered_pronoun(token) {
            Some(gender) => {
                let speaking = people::speech_verb_after(tokens, k + 1);
                (speaking || subject()).then_some((Subject::Pronoun(Some(gender)), speaking))
            }
            // (Only `The` can open a description: the clause test, which reads up to a
            // comma, is not run for every capitalised word.)
            None if token.is_capitalized()
                && token.text.eq_ignore_ascii_case("the")
                && subject() =>
            {
                let (role, next) = speaker::description_subject(tokens, k)?;
                Some((role, people::speech_verb_after(tokens, next)))
            }
            None => None,
        }
    }

    /// Sees the pronouns before byte `offset` not seen yet, each as the person it means.
    pub(super) fn see_pronouns_before(&mut self, offset: usize) {
        while let Some(pronoun) = self.pronouns.get(self.pronouns_seen) {
            if pronoun.at >= offset {
                break;
            }
            self.pronouns_seen += 1;
            let (at, speaking) = (pronoun.at, pronoun.speaking);
            let paragraph = self.paragraph_of(at);
            if let Some(person) =
                speaker::resolve(&pronoun.subject, at, paragraph, &self.found, &self.seen)
            {
                see(
                    &mut self.seen,
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
    }
}
