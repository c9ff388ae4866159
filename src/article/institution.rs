//! Institutions as speakers: `the ministry said` names the ministry that the article named
//! before, as fully as it named it (`Norland Foreign Ministry`); `the company said` the company
//! whose name ends in a suffix (`Vessby Shipping Corp`). Reads tokens only; it knows nothing of
//! frames or people.

use crate::article::lexicon::{WordClass, word_list};
use crate::article::tokens::{Token, is_sentence_end, strip_possessive};

/// How far back (in tokens) an earlier mention is looked for: enough for any article, bounded
/// so that a text of thousands of quotes stays linear.
const LOOK_BACK_TOKENS: usize = 4000;

/// The longest capitalised run taken for an institution's name.
const MAX_NAME_WORDS: usize = 6;

/// Whether `word` (any case) is a noun that names an institution after `the`.
pub fn is_institution_noun(word: &str) -> bool {
    let word = strip_possessive(word);
    word_list(WordClass::InstitutionNouns)
        .iter()
        .any(|n| n.eq_ignore_ascii_case(word))
}

/// The name of the institution that `the <modifiers> <noun>` at token `at` means: the fullest
/// earlier mention of an institution with that noun (`Norland Foreign Ministry`, `the Daily
/// Courier newspaper`), preferring one whose words hold the modifiers (`the defence ministry`).
/// `None` when the article named no such institution before.
pub fn institution_named(
    tokens: &[Token],
    at: usize,
    modifiers: &[String],
    noun: &str,
) -> Option<String> {
    let noun = strip_possessive(noun);
    let company = word_list(WordClass::CompanyNouns)
        .iter()
        .any(|n| n.eq_ignore_ascii_case(noun));
    let from = at.saturating_sub(LOOK_BACK_TOKENS);
    let before = &tokens[from..at.min(tokens.len())];
    if company && let Some(name) = main_company(before) {
        return Some(name);
    }
    if word_list(WordClass::DocumentNouns)
        .iter()
        .any(|n| n.eq_ignore_ascii_case(noun))
    {
        return issuer(before, noun);
    }
    let mut candidates: Vec<Vec<&str>> = Vec::new();
    for (j, token) in before.iter().enumerate() {
        if !token.is_word() || !strip_possessive(token.text).eq_ignore_ascii_case(noun) {
            continue;
        }
        if token.is_capitalized() {
            // `Norland Foreign Ministry`: the run that ends here, and `of` a name after it
            // (`Veldara Ministry of Coastal Affairs`).
            let mut run = run_ending_at(before, j);
            run.extend(of_name_after(before, j));
            candidates.push(run);
        } else if j > 0 && before[j - 1].is_capitalized() {
            // `the Daily Courier newspaper`: the name before the noun.
            candidates.push(run_ending_at(before, j - 1));
        }
    }
    candidates.retain(|c| c.len() >= 2 || (c.len() == 1 && !c[0].eq_ignore_ascii_case(noun)));
    let holds = |c: &Vec<&str>| {
        modifiers.iter().all(|m| {
            c.iter()
                .any(|w| strip_possessive(w).eq_ignore_ascii_case(strip_possessive(m)))
        })
    };
    if candidates.iter().any(holds) {
        candidates.retain(holds);
    }
    // The fullest name; of equals, the latest.
    let best = candidates
        .iter()
        .enumerate()
        .max_by_key(|(n, c)| (c.len(), *n))
        .map(|(_, c)| c)?;
    Some(
        best.iter()
            .map(|w| strip_possessive(w))
            .collect::<Vec<_>>()
            .join(" "),
    )
}

/// Who issued the document that `the statement said` means: in the sentence of the latest
/// earlier mention of the noun (`The Norland Foreign Ministry said in a statement`, `a report
/// by the Norland Audit Office`), the institution named nearest to it: a capitalised run that
/// an institution noun or a company suffix ends.
fn issuer(tokens: &[Token], noun: &str) -> Option<String> {
    let mention = tokens
        .iter()
        .rposition(|t| t.is_word() && strip_possessive(t.text).eq_ignore_ascii_case(noun))?;
    let start = (0..mention)
        .rev()
        .find(|&j| is_sentence_end(tokens, j))
        .map_or(0, |j| j + 1);
    let end = (mention..tokens.len())
        .find(|&j| is_sentence_end(tokens, j))
        .unwrap_or(tokens.len());
    let suffixes = word_list(WordClass::CompanySuffixes);
    let is_document = |word: &str| {
        word_list(WordClass::DocumentNouns)
            .iter()
            .any(|n| n.eq_ignore_ascii_case(word))
    };
    // `the firm said in a prepared statement`: the institution that `the firm` means.
    let described = || {
        (start + 1..end)
            .filter(|&j| {
                let word = strip_possessive(tokens[j].text);
                !tokens[j].is_capitalized()
                    && tokens[j - 1].text.eq_ignore_ascii_case("the")
                    && is_institution_noun(word)
                    && !is_document(word)
            })
            .min_by_key(|&j| j.abs_diff(mention))
            .and_then(|j| institution_named(tokens, j - 1, &[], tokens[j].text))
    };
    let named = (start..end)
        .filter(|&j| {
            let t = &tokens[j];
            let word = strip_possessive(t.text);
            let document = word_list(WordClass::DocumentNouns)
                .iter()
                .any(|n| n.eq_ignore_ascii_case(word));
            t.is_capitalized()
                && !document
                && (is_institution_noun(word) || suffixes.contains(&word))
        })
        .min_by_key(|&j| j.abs_diff(mention))
        .map(|j| {
            run_ending_at(tokens, j)
                .iter()
                .map(|w| strip_possessive(w))
                .collect::<Vec<_>>()
                .join(" ")
        })
        .filter(|name| !name.is_empty());
    named.or_else(described)
}

/// The company that `the company` means among those named in `tokens`: the one whose name
/// the text repeats most (a story is about one company and names others in passing), of
/// equals the first named.
fn main_company(tokens: &[Token]) -> Option<String> {
    let companies = company_names(tokens);
    let mentions = |c: &Company| {
        tokens
            .iter()
            .filter(|t| strip_possessive(t.text).eq_ignore_ascii_case(&c.words[0]))
            .count()
    };
    companies
        .iter()
        .enumerate()
        .filter(|(_, c)| !c.words.is_empty())
        .min_by_key(|(n, c)| (std::cmp::Reverse(mentions(c)), *n))
        .map(|(_, c)| c.name.clone())
}

/// The fullest earlier mention of a capitalised name `words` (`Foreign Ministry` written
/// before as `Norland Foreign Ministry`): a longer run that ends in the same words, else `words`.
pub fn fullest_mention(tokens: &[Token], at: usize, words: &[&str]) -> Vec<String> {
    let mut best: Vec<&str> = words.to_vec();
    let Some(last) = words.last() else {
        return Vec::new();
    };
    for j in at.saturating_sub(LOOK_BACK_TOKENS)..at.min(tokens.len()) {
        if !tokens[j].is_capitalized() || strip_possessive(tokens[j].text) != *last {
            continue;
        }
        let run = run_ending_at(tokens, j);
        let ends_alike = run.len() > best.len()
            && run[run.len() - words.len()..]
                .iter()
                .zip(words)
                .all(|(a, b)| strip_possessive(a) == strip_possessive(b));
        if ends_alike {
            best = run;
        }
    }
    best.iter()
        .map(|w| strip_possessive(w).to_string())
        .collect()
}

/// The capitalised words that end at token `j`, read back (at most [`MAX_NAME_WORDS`]), without
/// a leading `The` or `A` (`A Vessby source said` opening a sentence). (`of` is not read: `Ilse Marwood of Vessby Shipping Corp` is two names.)
fn run_ending_at<'a>(tokens: &[Token<'a>], j: usize) -> Vec<&'a str> {
    let mut start = j;
    while start > 0 && j - start + 1 < MAX_NAME_WORDS {
        let before = &tokens[start - 1];
        let joined = before.end + 1 >= tokens[start].start;
        let capitalised =
            before.is_capitalized() && !before.text.ends_with("'s") && !before.text.ends_with("’s");
        if !joined || !capitalised {
            break;
        }
        start -= 1;
    }
    tokens[start..=j]
        .iter()
        .map(|t| t.text)
        .skip_while(|w| ["the", "a", "an"].iter().any(|d| w.eq_ignore_ascii_case(d)))
        .collect()
}

/// `of Coastal Affairs` after the institution noun `tokens[j]` (`Ministry of Coastal Affairs`):
/// `of` and the capitalised words that follow it, joined, possessive stripped from the last;
/// empty when no such words follow.
fn of_name_after<'a>(tokens: &[Token<'a>], j: usize) -> Vec<&'a str> {
    let of = j + 1;
    if tokens.get(of).is_none_or(|t| t.text != "of") {
        return Vec::new();
    }
    let mut words = vec![tokens[of].text];
    let mut k = of + 1;
    // (`of Coastal Affairs of Veldara`: a second `of` between capitalised words goes on.)
    let joins =
        |k: usize| tokens[k].text == "of" && tokens.get(k + 1).is_some_and(Token::is_capitalized);
    while k < tokens.len()
        && words.len() < 2 * MAX_NAME_WORDS
        && (tokens[k].is_capitalized() || joins(k))
        && tokens[k].start <= tokens[k - 1].end + 1
    {
        words.push(tokens[k].text);
        if is_possessive_word(tokens[k].text) {
            break;
        }
        k += 1;
    }
    if words.len() < 2 { Vec::new() } else { words }
}

/// Whether `word` ends in a possessive `'s`.
fn is_possessive_word(word: &str) -> bool {
    strip_possessive(word).len() < word.len()
}

/// A company the article names: its name as written, suffix and all (`Vessby Shipping Corp`),
/// and the words before the suffix, lower case (`vessby shipping`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Company {
    /// The name as written, suffix and all.
    pub name: String,
    /// The words before the suffix, lower case.
    pub words: Vec<String>,
}

/// The companies the article names: each capitalised run that a company suffix ends
/// (`Vessby Shipping Corp`, `Harlan Brothers and Co`). A person's name that opens one of them
/// is the company's (`Vessby Shipping said`).
pub fn company_names(tokens: &[Token]) -> Vec<Company> {
    let suffixes = word_list(WordClass::CompanySuffixes);
    let mut names = Vec::new();
    for (j, token) in tokens.iter().enumerate() {
        if j == 0 || !token.is_capitalized() || !suffixes.contains(&token.text) {
            continue;
        }
        // `Harlan Brothers and Co`, `Harlan Brothers & Co`.
        let mut last = j - 1;
        if last > 0 && (tokens[last].text == "and" || tokens[last].text == "&") {
            last -= 1;
        }
        if !tokens[last].is_capitalized() {
            continue;
        }
        let run = run_ending_at(tokens, last);
        if run.is_empty() {
            continue;
        }
        let first = tokens[..=last]
            .iter()
            .rposition(|t| t.text == run[0])
            .unwrap_or(last);
        names.push(Company {
            name: tokens[first..=j]
                .iter()
                .map(|t| strip_possessive(t.text))
                .collect::<Vec<_>>()
                .join(" "),
            words: run
                .iter()
                .map(|w| strip_possessive(w).to_lowercase())
                .collect(),
        });
    }
    names
}

/// The company whose name the name `parts` opens, in `companies` (see [`company_names`]).
pub fn company_of<'c>(parts: &[String], companies: &'c [Company]) -> Option<&'c Company> {
    if parts.is_empty() {
        return None;
    }
    companies.iter().find(|c| {
        // One word opens too many names (`Harlan` of `Harlan Brothers and Co`): it must be
        // the whole name.
        (c.words.len() == parts.len() || (parts.len() >= 2 && c.words.len() > parts.len()))
            && c.words
                .iter()
                .zip(parts)
                .all(|(a, b)| *a == strip_possessive(b).to_lowercase())
    })
}

/// The full name that the article defines an acronym as: the capitalised words right before
/// it in parentheses whose initials spell it (`Economist Intelligence Unit (EIU)`). An acronym
/// the article never spells out stays as written (`the DNC said`).
pub fn defined_acronym(tokens: &[Token], acronym: &str) -> Option<String> {
    let letters = acronym.chars().count();
    if !(2..=8).contains(&letters) || !acronym.chars().all(|c| c.is_ascii_uppercase()) {
        return None;
    }
    tokens.iter().enumerate().find_map(|(i, token)| {
        if token.text != acronym || i < 2 || !tokens[i - 1].is('(') {
            return None;
        }
        let run = run_ending_at(tokens, i - 2);
        let words = run.get(run.len().checked_sub(letters)?..)?;
        let spelt = words
            .iter()
            .zip(acronym.chars())
            .all(|(w, c)| w.starts_with(c));
        spelt.then(|| words.join(" "))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::tests::article_of;
    use crate::article::tokens::tokenize;
    use crate::article::{Article, SpeakerKind};

    /// Each quote's speaker and kind.
    fn speakers(article: &Article) -> Vec<(Option<&str>, Option<SpeakerKind>)> {
        article
            .quotes
            .iter()
            .map(|q| (q.speaker.as_deref(), q.speaker_kind))
            .collect()
    }

    const ORG: Option<SpeakerKind> = Some(SpeakerKind::Organisation);
    const PERSON: Option<SpeakerKind> = Some(SpeakerKind::Person);

    #[test]
    fn the_noun_of_an_institution_means_its_fullest_earlier_name() {
        let cases: &[(&str, &[String], &str, Option<&str>)] = &[
            (
                "The Norland Foreign Ministry summoned the envoy. Later the ministry said",
                &[],
                "ministry",
                Some("Norland Foreign Ministry"),
            ),
            (
                "Shares of Vessby Shipping Corp fell. The company said",
                &[],
                "company",
                Some("Vessby Shipping Corp"),
            ),
            (
                "The Daily Courier newspaper ran the story. The newspaper wrote",
                &[],
                "newspaper",
                Some("Daily Courier"),
            ),
            (
                "The Norland Defence Ministry and the Norland Foreign Ministry met. The defence \
                 ministry said",
                &["defence".to_string()],
                "ministry",
                Some("Norland Defence Ministry"),
            ),
            ("Nobody was named. The ministry said", &[], "ministry", None),
        ];
        for (text, modifiers, noun, expected) in cases {
            let tokens = tokenize(text);
            let at = tokens.len() - 3;
            assert_eq!(
                institution_named(&tokens, at, modifiers, noun).as_deref(),
                *expected,
                "case {text:?}"
            );
        }
    }

    #[test]
    fn each_shape_of_institutional_attribution_names_the_institution() {
        let ministry = Some("Norland Foreign Ministry");
        let cases: &[(&str, &[&str], Option<&str>)] = &[
            (
                "the ministry said",
                &[
                    "The Norland Foreign Ministry summoned the envoy.",
                    "“The detention is unlawful and must end,” the ministry said.",
                ],
                ministry,
            ),
            (
                "lead-in with in a statement",
                &[
                    "The Norland Foreign Ministry summoned the envoy.",
                    "The Foreign Ministry said in a statement: “We expect the sailors home soon.”",
                ],
                ministry,
            ),
            (
                "according to",
                &["According to the Norland Foreign Ministry, the sailors “broke no law at all.”"],
                ministry,
            ),
            (
                "unnamed spokesman for",
                &[
                    "The Norland Foreign Ministry summoned the envoy.",
                    "“The detention is unlawful and must end,” a spokesman for the ministry said.",
                ],
                ministry,
            ),
            (
                "press service told",
                &[
                    "The Norland Fisheries Agency's press service told TASS: “The catch was \
                     taken in open waters.”",
                ],
                Some("Norland Fisheries Agency"),
            ),
            (
                "the company said",
                &[
                    "Vessby Shipping Corp owns the trawler.",
                    "“We learnt of the arrest from the news,” the company said.",
                ],
                Some("Vessby Shipping Corp"),
            ),
            (
                "the newspaper wrote",
                &[
                    "The Daily Courier newspaper first reported the arrest.",
                    "“The crew were held for nine hours without water,” the newspaper wrote.",
                ],
                Some("Daily Courier"),
            ),
            (
                "the statement said",
                &[
                    "The Norland Foreign Ministry protested in a statement on Monday.",
                    "“The detention is unlawful and must end,” the statement said.",
                ],
                ministry,
            ),
            (
                "the report said",
                &[
                    "A report by the Norland Audit Office was published on Monday.",
                    "“The fleet was never inspected in ten years,” the report said.",
                ],
                Some("Norland Audit Office"),
            ),
            (
                "nothing named before: no speaker",
                &["“The detention is unlawful and must end,” the ministry said."],
                None,
            ),
        ];
        for (case, paragraphs, speaker) in cases {
            let article = article_of(paragraphs);
            let kind = speaker.map(|_| SpeakerKind::Organisation);
            assert_eq!(
                speakers(&article),
                [(*speaker, kind)],
                "case {case:?}: {:?}",
                article.quotes
            );
            assert!(
                article.people.is_empty(),
                "case {case:?}: {:?}",
                article.people
            );
        }
        // A named spokesman stays a person.
        let article = article_of(&[
            "The Norland Foreign Ministry summoned the envoy.",
            "“The detention is unlawful and must end,” said Ilse Marwood, a spokeswoman for \
             the ministry.",
        ]);
        assert_eq!(speakers(&article), [(Some("Ilse Marwood"), PERSON)]);
    }

    #[test]
    fn an_acronym_the_article_spells_out_is_its_full_name() {
        let text = "The Norland Fisheries Agency (NFA) said catches fell. The NFA said";
        let tokens = tokenize(text);
        assert_eq!(
            defined_acronym(&tokens, "NFA").as_deref(),
            Some("Norland Fisheries Agency")
        );
        let tokens = tokenize("The NFA said catches fell.");
        assert_eq!(defined_acronym(&tokens, "NFA"), None);
    }

    #[test]
    fn names_a_company_suffix_ends_are_companies() {
        let tokens = tokenize("Vessby Shipping Corp and Harlan Brothers & Co agreed.");
        let companies = company_names(&tokens);
        let names: Vec<&str> = companies.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["Vessby Shipping Corp", "Harlan Brothers & Co"]);
        let parts = |s: &str| s.split(' ').map(String::from).collect::<Vec<_>>();
        assert!(company_of(&parts("Vessby Shipping"), &companies).is_some());
        assert!(company_of(&parts("Vessby"), &companies).is_none());
        assert!(company_of(&parts("Ilse Marwood"), &companies).is_none());
    }

    #[test]
    fn institutions_speak_under_the_name_the_article_gives_them() {
        let article = article_of(&[
            "MOSVIK, May 4 (Reuters) - The Norland Foreign Ministry on Monday protested \
             against the arrest of two sailors.",
            "“The detention is unlawful and must end at once,” the ministry said.",
            "The Foreign Ministry said in a statement: “We expect the sailors home this week.”",
            "Vessby Shipping Corp, which owns the vessel, was not told. “We learnt of the \
             arrest from the news,” the company said.",
            "“We have no comment on the matter at all,” said Vessby Shipping.",
            "“The sailors broke no law at any time,” said Ilse Marwood, a ministry spokeswoman.",
        ]);
        assert_eq!(
            speakers(&article),
            [
                (Some("Norland Foreign Ministry"), ORG),
                (Some("Norland Foreign Ministry"), ORG),
                (Some("Vessby Shipping Corp"), ORG),
                (Some("Vessby Shipping Corp"), ORG),
                (Some("Ilse Marwood"), PERSON),
            ],
            "{:?}",
            article.quotes
        );
        let people: Vec<&str> = article.people.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(people, ["Ilse Marwood"]);
    }

    #[test]
    fn an_unnamed_spokesperson_of_a_named_institution_speaks_for_it() {
        let cases: &[(&str, &[&str], Option<&str>)] = &[
            (
                "a company spokesman",
                &["“We will not sell the fleet,” a Harlow Freight spokesman said."],
                Some("Harlow Freight"),
            ),
            (
                "an official of a name with `of`",
                &["“Rates will stay where they are,” the Bank of Veldara official told Reuters."],
                Some("Bank of Veldara"),
            ),
            (
                "an adjective between name and role, the company in full",
                &[
                    "Vessby Shipping Corp owns the trawler.",
                    "“We learnt of it from the news,” a Vessby financial source said.",
                ],
                Some("Vessby Shipping Corp"),
            ),
            (
                "the ministry official",
                &[
                    "The Veldara Ministry of Coastal Affairs protested on Monday.",
                    "“We expect an answer this week,” the senior ministry official said.",
                ],
                Some("Veldara Ministry of Coastal Affairs"),
            ),
            (
                "an analyst at a named institute",
                &["“Demand will fall,” said a senior analyst at Harlow Research Institute."],
                Some("Harlow Research Institute"),
            ),
            // A place is no institution, and an unnamed spokesman of nobody is nobody.
            (
                "a place",
                &["“Rates will stay where they are,” a Japanese official said."],
                None,
            ),
            (
                "nobody named",
                &["“Rates will stay where they are,” a spokesman said."],
                None,
            ),
        ];
        for (case, paragraphs, speaker) in cases {
            let article = article_of(paragraphs);
            let kind = speaker.map(|_| SpeakerKind::Organisation);
            assert_eq!(
                speakers(&article),
                [(*speaker, kind)],
                "case {case:?}: {:?}",
                article.quotes
            );
        }
        // Named, the spokesman is a person.
        let article = article_of(&[
            "“We will not sell the fleet,” a Harlow Freight spokesman, Ilse Marwood, said.",
        ]);
        assert_eq!(speakers(&article), [(Some("Ilse Marwood"), PERSON)]);
    }

    #[test]
    fn a_statement_issued_by_an_institution_named_by_its_noun_speaks_for_it() {
        let article = article_of(&[
            "Vessby Shipping Corp suspended a trader on Monday.",
            "“We are angry,” the company said in a prepared statement.",
            "“The trading took place elsewhere,” the statement said. “We gained nothing \
             from it.”",
        ]);
        let company = (Some("Vessby Shipping Corp"), ORG);
        assert_eq!(
            speakers(&article),
            [company, company, company],
            "{:?}",
            article.quotes
        );
    }
}
