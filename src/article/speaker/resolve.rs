//! Resolution: the person of the article a subject means, given who was seen where. Names by
//! their parts, `he`/`she` to the person last speaking or last mentioned, `the minister` to the
//! person last named with that title. When the text does not tell, the answer is `None`: no
//! speaker beats a wrong one.

use super::subject::Subject;
use crate::article::lexicon::{Lexicon, WordClass, word_list};
use crate::article::people::{People, match_person};
use crate::article::tokens;

/// A person known to have spoken or been mentioned at an offset, for pronoun and role lookup.
#[derive(Debug, Clone, Copy)]
pub struct Sighting {
    /// Byte offset.
    pub at: usize,
    /// Index of the person.
    pub person: usize,
    /// True when the person was the speaker of a quote there.
    pub speaking: bool,
    /// True when the mention is the first name of its sentence, most often its subject.
    pub subject: bool,
    /// Paragraph index.
    pub paragraph: usize,
}

/// Resolves an attribution's subject to a person of the article, given who was seen where.
pub fn resolve(
    subject: &Subject,
    before: usize,
    paragraph: usize,
    people: &People,
    seen: &[Sighting],
) -> Option<usize> {
    let lexicon = Lexicon::get();
    // `seen` is in text order: the sightings before `before` are a prefix of it.
    let earlier = || seen[..seen.partition_point(|s| s.at < before)].iter().rev();
    match subject {
        Subject::Name(parts) => {
            let parts: Vec<String> = parts
                .iter()
                .map(|p| tokens::strip_possessive(p).to_string())
                .collect();
            match_person(people, &parts)
        }
        Subject::Pronoun(gender) => {
            let fits = |person: usize| {
                gender.is_none_or(|g| people.persons[person].gender.is_none_or(|pg| pg == g))
            };
            let speaker =
                earlier().find(|s| s.speaking && fits(s.person) && s.paragraph + 1 >= paragraph);
            // Else the last sentence subject nearby (`Cruz admitted ... “...,” he said`), else
            // whoever was named last.
            let subject =
                earlier().find(|s| s.subject && fits(s.person) && s.paragraph + 1 >= paragraph);
            // Someone new in the pronoun's paragraph takes it from the last speaker, when they
            // come after that speaker (`Minister X welcomed it. “...,” he said.`, `Ferro said
            // the port would close. Lindqvist disagreed. “...,” he said.`).
            let newcomer = subject.filter(|found| {
                found.paragraph == paragraph
                    && speaker.is_some_and(|s| {
                        (s.paragraph < paragraph || s.at < found.at) && s.person != found.person
                    })
            });
            newcomer
                .or(speaker)
                .or(subject)
                .map(|s| s.person)
                // Else the last one heard speaking, however far back; else whoever was named
                // last.
                .or_else(|| {
                    earlier()
                        .find(|s| s.speaking && fits(s.person))
                        .map(|s| s.person)
                })
                .or_else(|| earlier().find(|s| fits(s.person)).map(|s| s.person))
        }
        Subject::Role { modifiers, role } => {
            let roles = lexicon.roles_meant_by(role);
            let fits = |person: usize| {
                let found = &people.persons[person];
                found.holds_role(&roles)
                    && modifiers.iter().all(|m| {
                        found.title_mentions(m)
                            || lexicon.place(m).is_some()
                            || is_lower_word_str(m, word_list(WordClass::GenericRoleModifiers))
                    })
            };
            earlier().find(|s| fits(s.person)).map(|s| s.person)
        }
        Subject::Organisation(_) | Subject::Other => None,
    }
}

/// Whether `word` is among `words`, in any case.
fn is_lower_word_str(word: &str, words: &[&str]) -> bool {
    words.iter().any(|w| w.eq_ignore_ascii_case(word))
}
