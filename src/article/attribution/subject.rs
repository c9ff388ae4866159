//! What a frame's subject names when it is no known person: a name nobody vouched for may still
//! be one, a word in capitals is an acronym, a plural noun for people a group. Used by the frame
//! pass and by the resolve pass for sentence subjects; it resolves no one.

use rustc_hash::FxHashSet as HashSet;

use crate::article::lexicon::{self, WordClass, word_list};
use crate::article::people;
use crate::article::speaker::Subject;
use crate::article::tokens;

/// Whether the words of a subject may be a name: at most four words, none of them a place or a
/// word that is never a name, and not one capitalised word that is capitalised only where it
/// opens a sentence (`Critics call it ...`).
pub(super) fn plausible_name(parts: &[String], mid_sentence: &HashSet<&str>) -> bool {
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
pub(super) fn group_subject(
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
    let plural = word_list(WordClass::PeoplePluralEndings)
        .iter()
        .any(|e| bare.len() > e.len() + 2 && bare.ends_with(e))
        && !mid_sentence.contains(word.as_str())
        && people::match_person(found, &[bare.to_string()]).is_none()
        && !lexicon::Lexicon::get().is_given_name(bare);
    (acronym || plural).then(|| Subject::Organisation(bare.to_string()))
}

/// The longest word in capitals taken for an acronym (`UNESCO`); a longer one is a word of a
/// heading set in capitals.
const MAX_ACRONYM_LETTERS: usize = 6;
