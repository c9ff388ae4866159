//! Who said a quotation. Reads the attribution frame beside a quote (`,” Lavrov noted`,
//! `said the minister`, `Lavrov acknowledged that “`, `X, a description, said:`, `“...” — X`)
//! and resolves its subject to a person of the article. The work is split by what it reads:
//! subject phrases (`subject`), clauses and sentences (`clause`), frames (`frame`) and the
//! person a subject means (`resolve`). This file only chooses what the rest of `article` sees.

/// Clauses and sentences, and the subject of a clause.
mod clause;
/// Attribution frames beside a quote.
mod frame;
/// The person a subject means.
mod resolve;
/// Subject phrases and the words that bound them.
mod subject;

pub use clause::{
    clause_subject, main_clause_start, opens_clause, sentence_start, sentence_starts,
};
pub use frame::{
    attribution_after, attribution_before, lead_in_subject, reported_speech,
    reported_speech_by_anyone,
};
pub use resolve::{Sighting, resolve};
pub use subject::{
    Attribution, Subject, description_subject, gendered_pronoun, is_speech_verb_at,
    is_spokesperson, opens_on_pronoun, spokesperson_for, unnamed_spokesperson,
};

#[cfg(test)]
mod tests {
    /// Each quote of the paragraphs (after a headline) with its speaker.
    use crate::article::tests::quotes_of as speakers;

    #[test]
    fn a_description_between_verb_and_name_is_skipped() {
        let cases = [
            "“The count is not over yet,” said former county clerk Ilse Marwood.",
            "“The count is not over yet,” said Democratic pollster Ilse Marwood, who ran the survey.",
            "“The count is not over yet,” said the Rev. Ilse Marwood.",
        ];
        for case in cases {
            let found = speakers(&["Ilse Marwood spoke after the vote.", case]);
            assert_eq!(
                found[0].1.as_deref(),
                Some("Ilse Marwood"),
                "case {case:?}: {found:?}"
            );
        }
        // The name inside the description is not the speaker: the spokesman is nobody named.
        let found = speakers(&[
            "Ilse Marwood spoke after the vote.",
            "“The count is not over yet,” said a Marwood spokesman in a statement.",
        ]);
        assert_eq!(found[0].1, None, "{found:?}");
    }

    #[test]
    fn a_strong_verb_opening_the_quote_speaks_for_the_sentence_subject() {
        let found = speakers(&[
            "Ilse Marwood did not name her rivals, but told the crowd, “We will win this county.”",
        ]);
        assert_eq!(found[0].1.as_deref(), Some("Ilse Marwood"), "{found:?}");
        // Far from a verb with no subject of its own, a short quoted phrase is still the
        // words of the sentence's subject (as PolNeAR's annotators read it).
        let found = speakers(&[
            "Ilse Marwood did not name her rivals but urged the council, which met for the first time since the spring flood, to drop its plan for a “green belt” tax.",
        ]);
        assert_eq!(found[0].1.as_deref(), Some("Ilse Marwood"), "{found:?}");
    }

    #[test]
    fn a_paragraph_all_quote_continues_the_reported_speaker_before_it() {
        let quote = "“Every ballot was checked twice, and the totals match.”";
        let cases = [
            (
                "Ilse Marwood said the count had been fair.",
                Some("Ilse Marwood"),
            ),
            (
                "Ilse Marwood issued the following statement:",
                Some("Ilse Marwood"),
            ),
            // Nobody spoke in the paragraph before: nobody is named.
            ("Ilse Marwood toured the county on Monday.", None),
        ];
        for (before, speaker) in cases {
            let found = speakers(&[before, quote]);
            assert_eq!(found[0].1.as_deref(), speaker, "case {before:?}: {found:?}");
        }
    }

    #[test]
    fn a_quote_with_an_attribution_naming_nobody_keeps_no_speaker() {
        let found = speakers(&[
            "Ilse Marwood said the count had been fair.",
            "“That was no slip of the tongue,” said one county official, who asked not to be named.",
        ]);
        assert_eq!(found[0].1, None, "{found:?}");
    }

    #[test]
    fn a_sentence_of_two_clauses_gives_the_floor_to_the_second_subject() {
        let found = speakers(&[
            "Mayor Tomas Brenner spoke first, and council member Dara Vallier answered by \
             saying: “The budget is not balanced.”",
        ]);
        assert_eq!(found[0].1.as_deref(), Some("Dara Vallier"), "{found:?}");
        // A second clause without a subject of its own: the sentence's subject goes on.
        let found = speakers(&[
            "Mayor Tomas Brenner met reporters, and then added by saying: “The budget is \
             not balanced.”",
        ]);
        assert_eq!(found[0].1.as_deref(), Some("Tomas Brenner"), "{found:?}");
    }

    #[test]
    fn a_name_after_an_inverted_verb_of_saying_is_heard_speaking() {
        let found = speakers(&[
            "Governor Anna Varga will lose the vote again, says Ilse Marwood, a county clerk.",
            "“The count was fair, and it will be fair next time,” she said.",
        ]);
        assert_eq!(found[0].1.as_deref(), Some("Ilse Marwood"), "{found:?}");
        // An object of the verb is not its subject.
        let found = speakers(&[
            "Governor Anna Varga called Ilse Marwood, and told Marwood that she would lose.",
            "“The count was fair, and it will be fair next time,” she said.",
        ]);
        assert_eq!(found[0].1.as_deref(), Some("Anna Varga"), "{found:?}");
    }

    #[test]
    fn a_state_after_a_town_is_no_apposition_name() {
        let found = speakers(&[
            "Ilse Marwood, a teacher from Dover, South Carolina, says the county will “vote her out.”",
        ]);
        assert_eq!(found[0].1.as_deref(), Some("Ilse Marwood"), "{found:?}");
    }

    #[test]
    fn a_name_introduced_with_an_apposition_takes_the_next_pronoun() {
        let found = speakers(&[
            "While Governor Anna Varga drew crowds, the council did not, which worries Ilse Marwood, president of the county party.",
            "“Nobody comes to our meetings any more,” she said.",
        ]);
        assert_eq!(found[0].1.as_deref(), Some("Ilse Marwood"), "{found:?}");
    }

    #[test]
    fn the_subject_right_before_a_distant_verb_is_the_speaker() {
        let found = speakers(&[
            "At a dinner with the singer Jon Kohan, Ilse Marwood called half of the council “cowards.”",
        ]);
        assert_eq!(found[0].1.as_deref(), Some("Ilse Marwood"), "{found:?}");
        let found = speakers(&[
            "Ilse Marwood spoke to reporters on Monday.",
            "In an interview with a local station she blasted the council for being “utterly useless.”",
        ]);
        assert_eq!(found[0].1.as_deref(), Some("Ilse Marwood"), "{found:?}");
    }

    #[test]
    fn a_name_in_a_sentence_opening_on_a_pronoun_is_not_its_subject() {
        let found = speakers(&[
            "Governor Ilse Marwood toured the dam on Monday. She noted that Anna Varga had approved the plan.",
            "“We are ready to build,” she said.",
        ]);
        assert_eq!(found[0].1.as_deref(), Some("Ilse Marwood"), "{found:?}");
    }

    #[test]
    fn a_contracted_pronoun_is_a_pronoun() {
        let found = speakers(&[
            "Governor Ilse Marwood toured the county on Monday.",
            "She’s said the roads are “in a shameful state, worse than anywhere else.”",
        ]);
        assert_eq!(found[0].1.as_deref(), Some("Ilse Marwood"), "{found:?}");
    }

    #[test]
    fn a_name_before_its_employer_and_role_in_an_apposition_speaks() {
        let cases = [
            // Inverted: employer, role, comma, name.
            "“The harbour will reopen in May,” said Vessby spokeswoman, Ilse Marwood.",
            "“The harbour will reopen in May,” said Vessby Bank Ltd chief economist, Ilse Marwood.",
            // Lead-in: the name opens the clause, the institution is its apposition.
            "Ilse Marwood, Harbour Hotel Association said: “The harbour will reopen in May.”",
        ];
        for case in cases {
            let found = speakers(&[case]);
            assert_eq!(
                found[0].1.as_deref(),
                Some("Ilse Marwood"),
                "case {case:?}: {found:?}"
            );
        }
        // A name that does not open the clause is no subject: the institution speaks.
        let found = speakers(&[
            "After meeting Ilse Marwood, Harbour Hotel Association said: “The harbour will \
             reopen in May.”",
        ]);
        assert_ne!(found[0].1.as_deref(), Some("Ilse Marwood"), "{found:?}");
    }
}
