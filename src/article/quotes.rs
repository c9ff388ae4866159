//! Quotation spans: text between double quotation marks of any of the styles wire copy uses
//! (“curly”, "straight", «guillemets» with or without spaces inside, „German“, ``TeX-like'' and
//! ''two apostrophes''), including quotes that run over several paragraphs, where by convention
//! each inner paragraph reopens the quote but leaves it unclosed, and quotes reopened after a
//! sentence end on one line. Finding is one linear pass. Deciding who said it is `speaker`'s
//! job; deciding whether it is a quotation at all (and not a scare quote) happens in the article
//! assembly, which knows both.

/// A quoted span found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteSpan {
    /// Byte offset of the opening mark.
    pub open: usize,
    /// Byte offset just past the closing mark (or the end of the last paragraph if unclosed).
    pub close: usize,
    /// The byte ranges of the quoted words, one per paragraph the quote spans.
    pub parts: Vec<(usize, usize)>,
    /// Index of the paragraph where the quote opens.
    pub paragraph: usize,
    /// Index of the paragraph where it closes.
    pub last_paragraph: usize,
    /// Whether a closing mark was found.
    pub closed: bool,
}

impl QuoteSpan {
    /// The quoted words, paragraphs joined by a space, whitespace collapsed.
    pub fn text(&self, source: &str) -> String {
        let joined: Vec<&str> = self
            .parts
            .iter()
            .map(|&(a, b)| source[a..b].trim())
            .filter(|s| !s.is_empty())
            .collect();
        joined
            .join(" ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// The marks a quote may open with, and the marks that close each.
fn closers_for(open: &str) -> &'static [&'static str] {
    match open {
        "“" => &["”", "“", "\""],
        // Scraped copy mixes styles: `"no evidence” yet` opens straight and closes curly, and
        // `“no evidence" yet` the other way round.
        "\"" => &["\"", "”"],
        "«" => &["»"],
        "»" => &["«"],
        "„" => &["“", "”"],
        // LDC and NYT feeds write quote marks as two apostrophes (`''We agree,'' he said`) or
        // TeX-like (``` ``We agree,'' ```).
        "``" | "''" => &["''", "”", "\""],
        "”" => &["”"],
        _ => &[],
    }
}

/// Whether `c` is a space inside guillemets or low-high marks: French and Swiss copy writes
/// `« Nous »`, often with a no-break or narrow no-break space.
fn is_mark_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{a0}' | '\u{202f}' | '\u{2009}')
}

/// The opening mark at byte `i` of `text`, if one starts there.
fn opener_at(text: &str, i: usize) -> Option<&'static str> {
    let rest = &text[i..];
    // Every mark starts with '`', '\'', '"' or the lead byte of “ „ ” (0xE2) or « » (0xC2):
    // most characters are ruled out at once.
    if !matches!(
        rest.as_bytes().first(),
        Some(b'`' | b'\'' | b'"' | 0xE2 | 0xC2)
    ) {
        return None;
    }
    let before = text[..i].chars().next_back();
    let after_mark = |len: usize| rest[len..].chars().next();
    let opens_word = |len: usize| after_mark(len).is_some_and(|c| !c.is_whitespace());
    let after_space = before.is_none_or(|c| c.is_whitespace() || "([{—–-/:,".contains(c));
    if rest.starts_with("``") {
        return Some("``");
    }
    if rest.starts_with("''") && after_space && opens_word(2) && !rest[2..].starts_with('\'') {
        return Some("''");
    }
    if rest.starts_with('“') && opens_word('“'.len_utf8()) {
        return Some("“");
    }
    // Guillemets and low marks never stand for anything else, so spaces inside do not matter.
    for mark in ["«", "„"] {
        let Some(inside) = rest.strip_prefix(mark) else {
            continue;
        };
        let words = inside.trim_start_matches(|c| is_mark_space(c) && !matches!(c, '\n' | '\r'));
        if !words.is_empty() && !words.starts_with(['\n', '\r']) {
            return Some(mark);
        }
    }
    // Straight quotes and the reversed-guillemet / double-close styles open only at a word start.
    ["\"", "»", "”"]
        .into_iter()
        .find(|mark| rest.starts_with(mark) && after_space && opens_word(mark.len()))
}

/// The length of a mark at byte `i` that closes a quote opened with `open`, if one is there.
fn closer_at(text: &str, i: usize, open: &str) -> Option<usize> {
    let rest = &text[i..];
    let close = closers_for(open)
        .iter()
        .find(|close| rest.starts_with(**close))?;
    // `India"s economy`: a straight mark between letters is an apostrophe typed as a quote.
    let apostrophe = *close == "\""
        && text[..i]
            .chars()
            .next_back()
            .is_some_and(char::is_alphabetic)
        && rest[1..].chars().next().is_some_and(char::is_alphabetic);
    (!apostrophe).then_some(close.len())
}

/// The mark at byte `i` that reopens a quote after a sentence of it ended, as BBC files run a
/// quote's paragraphs together: `... came to talk. "The talks went well," he said`. Within an
/// open quote, an opening mark after a sentence end and a space reopens it rather than closing
/// it.
fn reopener_at(text: &str, i: usize) -> Option<&'static str> {
    let mark = opener_at(text, i)?;
    // A short window before the mark: a long run of spaces is not read again for every mark.
    let from = (i.saturating_sub(8)..i)
        .find(|&k| text.is_char_boundary(k))
        .unwrap_or(i);
    let window = &text[from..i];
    let sentence = window.trim_end_matches([' ', '\t', '\u{a0}']);
    (sentence.len() < window.len() && sentence.ends_with(['.', '?', '!'])).then_some(mark)
}

/// The most quotes attribution reads from one article. News copy has at most a few dozen quotes
/// (21 in BBC, 78 in PolNeAR); the Reuters-21578 file with most is a Prolog fact table of
/// 20,000 quoted atoms, and the run-on tests of `article` have 2,000. Past this a text is no
/// news copy but a hostile or broken file, such as 7 MB of `“a" “b" ...` on one line: finding
/// its spans is linear ([`find_quotes`] reads each byte a bounded number of times), but
/// attributing and storing a million quotes would hold gigabytes of quote documents.
pub const MAX_QUOTES: usize = 2_000;

/// Finds the quoted spans in `text`, whose paragraphs are the byte ranges `paragraphs`, in one
/// pass: each byte is looked at once as a possible mark, with a window of a few bytes before
/// it, so the time is linear in the text whatever its marks.
pub fn find_quotes(text: &str, paragraphs: &[(usize, usize)]) -> Vec<QuoteSpan> {
    find_first_quotes(text, paragraphs, usize::MAX)
}

/// The first `limit` quoted spans of [`find_quotes`], found in the same linear pass, which
/// stops there: attribution asks for [`MAX_QUOTES`], so that a hostile text of a million
/// quotes holds no more spans in memory than it reads.
pub fn find_first_quotes(
    text: &str,
    paragraphs: &[(usize, usize)],
    limit: usize,
) -> Vec<QuoteSpan> {
    let mut quotes = Vec::new();
    let mut p = 0;
    let mut i = paragraphs.first().map_or(0, |&(start, _)| start);
    while p < paragraphs.len() && quotes.len() < limit {
        if i >= paragraphs[p].1 {
            p += 1;
            if let Some(&(start, _)) = paragraphs.get(p) {
                i = start;
            }
            continue;
        }
        match opener_at(text, i) {
            Some(open) => {
                let (span, next) = read_quote(text, paragraphs, p, i, i + open.len(), open);
                p = span.last_paragraph;
                i = next;
                quotes.push(span);
            }
            None => i += text[i..].chars().next().map_or(1, char::len_utf8),
        }
    }
    quotes
}

/// Reads one quote opening at `open_at` in paragraph `p`; returns it and the offset to resume at.
fn read_quote(
    text: &str,
    paragraphs: &[(usize, usize)],
    p: usize,
    open_at: usize,
    inner_start: usize,
    open: &str,
) -> (QuoteSpan, usize) {
    let mut parts = Vec::new();
    let mut q = p;
    let mut from = inner_start;
    loop {
        let end = paragraphs[q].1;
        let mut j = from;
        while j < end {
            if let Some(mark) = reopener_at(text, j) {
                parts.push((from, j));
                from = j + mark.len();
                j = from;
                continue;
            }
            if let Some(len) = closer_at(text, j, open) {
                parts.push((from, j));
                let span = QuoteSpan {
                    open: open_at,
                    close: j + len,
                    parts,
                    paragraph: p,
                    last_paragraph: q,
                    closed: true,
                };
                return (span, j + len);
            }
            j += text[j..].chars().next().map_or(1, char::len_utf8);
        }
        parts.push((from, end));
        // Unclosed at the paragraph's end: the quote goes on if the next paragraph reopens it.
        let continues = paragraphs
            .get(q + 1)
            .and_then(|&(next_start, _)| opener_at(text, next_start).map(|m| (next_start, m)));
        match continues {
            Some((next_start, mark)) if q + 1 < paragraphs.len() => {
                q += 1;
                from = next_start + mark.len();
            }
            _ => {
                let span = QuoteSpan {
                    open: open_at,
                    close: end,
                    parts,
                    paragraph: p,
                    last_paragraph: q,
                    closed: false,
                };
                return (span, end);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(paragraphs: &[&str]) -> Vec<String> {
        let text = paragraphs.join("\n\n");
        let mut ranges = Vec::new();
        let mut at = 0;
        for p in paragraphs {
            ranges.push((at, at + p.len()));
            at += p.len() + 2;
        }
        find_quotes(&text, &ranges)
            .iter()
            .map(|q| q.text(&text))
            .collect()
    }

    #[test]
    fn quote_styles_and_shapes() {
        let cases: [(&str, &[&str], Vec<&str>); 9] = [
            ("curly", &["“We agree,” he said."], vec!["We agree,"]),
            ("straight", &["\"We agree,\" he said."], vec!["We agree,"]),
            (
                "guillemets",
                &["«Мы согласны», said he."],
                vec!["Мы согласны"],
            ),
            ("tex", &["``We agree,'' he said."], vec!["We agree,"]),
            (
                "interrupted",
                &["“First part,” she said, “second part.”"],
                vec!["First part,", "second part."],
            ),
            (
                "multi-paragraph",
                &["“One ends open.", "“Two closes,” he said.", "After."],
                vec!["One ends open. Two closes,"],
            ),
            (
                "straight opener, curly closer",
                &["He saw \"no evidence” of it. \"We are sure,\" he said."],
                vec!["no evidence", "We are sure,"],
            ),
            (
                "curly opener, straight closer",
                &["He saw “no evidence\" of it. “We are sure,” he said."],
                vec!["no evidence", "We are sure,"],
            ),
            (
                "inch marks are not quotes",
                &["A 5\" pipe and 3\" nail."],
                vec![],
            ),
        ];
        for (name, input, expected) in cases {
            assert_eq!(spans(input), expected, "case {name}");
        }
    }

    #[test]
    fn every_span_of_a_long_line_of_mixed_marks_is_found() {
        // The line of issue 16 in small: the finder has no cap, attribution has.
        let line = "“a\" ".repeat(MAX_QUOTES + 500);
        let found = find_quotes(&line, &[(0, line.len())]);
        assert_eq!(found.len(), MAX_QUOTES + 500);
        assert!(found.iter().all(|q| q.text(&line) == "a"));
    }

    #[test]
    fn marks_of_real_feeds() {
        let cases: [(&str, &[&str], Vec<&str>); 7] = [
            (
                "two apostrophes (LDC, NYT)",
                &["''We will sign,'' Maren Holt said. ''Soon.''"],
                vec!["We will sign,", "Soon."],
            ),
            (
                "guillemets with spaces",
                &["« Nous signerons », a dit Lucie Vernet."],
                vec!["Nous signerons"],
            ),
            (
                "guillemets with no-break spaces",
                &["«\u{a0}Nous signerons\u{a0}», a dit Lucie Vernet."],
                vec!["Nous signerons"],
            ),
            (
                "low-high German marks",
                &["„Wir unterschreiben“, sagte Jonas Feld."],
                vec!["Wir unterschreiben"],
            ),
            (
                "straight mark as an apostrophe",
                &["\"Valdoria\"s exports will grow,\" said Arvin Mehta."],
                vec!["Valdoria\"s exports will grow,"],
            ),
            (
                "apostrophe outside a quote opens nothing",
                &["Valdoria\"s exports grew, Arvin Mehta said."],
                vec![],
            ),
            (
                "possessive of a plural is no mark",
                &["The workers'' union met. \"We agree,\" said Ines Kall."],
                vec!["We agree,"],
            ),
        ];
        for (name, input, expected) in cases {
            assert_eq!(spans(input), expected, "case {name}");
        }
    }

    #[test]
    fn a_mark_after_a_sentence_end_reopens_the_quote() {
        // BBC files run a quote's paragraphs into one line; each part is a part of the quote.
        let text = "Tal Brenner said: \"We came to talk. \"The talks went well.\" He left.";
        let found = find_quotes(text, &[(0, text.len())]);
        let [quote] = found.as_slice() else {
            panic!("one quote: {found:?}");
        };
        let parts: Vec<&str> = quote
            .parts
            .iter()
            .map(|&(a, b)| text[a..b].trim())
            .collect();
        assert_eq!(parts, ["We came to talk.", "The talks went well."]);
        // A quote that closes first is followed by a new one, not reopened.
        assert_eq!(
            spans(&["\"We came.\" \"We stayed,\" said Tal Brenner."]),
            vec!["We came.", "We stayed,"]
        );
        // Reuters-21578 leaves the mark open at a paragraph's end and reopens it.
        assert_eq!(
            spans(&[
                "Tal Brenner said, \"We came.",
                "\"We stayed.\"",
                "Then he left."
            ]),
            vec!["We came. We stayed."]
        );
    }

    #[test]
    fn apostrophes_and_nested_single_quotes_stay_inside() {
        assert_eq!(
            spans(&["“It's what he called ‘a deal’,” she said."]),
            vec!["It's what he called ‘a deal’,"]
        );
    }
}
