//! Dateline recognition: the place, date and agency credit that open a wire story's first paragraph.
//! Pure text in, `Dateline` out; no I/O. A false dateline eats the first words of the story, so
//! every accepted form needs a strong structural signal: a date, an agency credit, or a place in
//! capitals, always followed by the agency's separator (a dash, or TASS's `/TASS/.`). Anything
//! else is `None`. Scanning is by hand over byte offsets that are always char boundaries, so no
//! input can make it panic.

use std::ops::Range;

use super::lexicon::{WordClass, word_list};

/// The dateline that opens a story, e.g. `MOSCOW, January 21. /ITAR-TASS/.`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Dateline {
    /// The place in normal capitalisation: `Moscow`, `Buenos Aires`, `Igora`.
    pub place: String,
    /// A region or country given with the place: `Leningrad Region`, `Argentina`, `Japan`.
    pub region: Option<String>,
    /// The agency as credited: `ITAR-TASS`, `TASS`, `Reuters`, `AP`, `dpa`, `AFP`, ...
    pub agency: Option<String>,
    /// Month 1..=12, when the dateline gives one.
    pub month: Option<u32>,
    /// Day of month, when the dateline gives one.
    pub day: Option<u32>,
    /// Year, when the dateline gives one.
    pub year: Option<i32>,
    /// Byte offset in the input where the story text after the dateline begins.
    pub end: usize,
}

/// Agency credits as they appear in datelines (lower case), each with the spelling we record.
pub const AGENCIES: &[(&str, &str)] = &[
    ("itar-tass", "ITAR-TASS"),
    ("itar tass", "ITAR-TASS"),
    ("tass", "TASS"),
    ("reuters", "Reuters"),
    ("reuter", "Reuters"),
    ("ap", "AP"),
    ("associated press", "AP"),
    ("dpa", "dpa"),
    ("afp", "AFP"),
    ("xinhua", "Xinhua"),
    ("interfax", "Interfax"),
    ("kyodo", "Kyodo"),
    ("kyodo news", "Kyodo"),
    ("upi", "UPI"),
    ("ria novosti", "RIA Novosti"),
    ("bloomberg", "Bloomberg"),
    ("yonhap", "Yonhap"),
    ("ansa", "ANSA"),
    ("efe", "EFE"),
    ("pti", "PTI"),
    ("aap", "AAP"),
    ("sputnik", "Sputnik"),
    ("ani", "ANI"),
    ("anadolu", "Anadolu"),
    ("anadolu agency", "Anadolu"),
    ("ians", "IANS"),
    ("prensa latina", "Prensa Latina"),
    ("belta", "BelTA"),
    ("cnn", "CNN"),
    ("ukrinform", "Ukrinform"),
    ("bernama", "Bernama"),
    ("antara", "Antara"),
    ("the associated press", "AP"),
    ("kyodonews", "Kyodo"),
    ("agence france-presse", "AFP"),
    ("agence france presse", "AFP"),
    ("deutsche presse-agentur", "dpa"),
    ("reuters.com", "Reuters"),
    ("thomson reuters", "Reuters"),
    ("xinhua news agency", "Xinhua"),
    // The Russian wires credit themselves in Russian in their own-language copy.
    ("тасс", "TASS"),
    ("итар-тасс", "ITAR-TASS"),
    ("итар тасс", "ITAR-TASS"),
    ("риа новости", "RIA Novosti"),
    ("риа", "RIA Novosti"),
    ("р-спорт", "R-Sport"),
    ("интерфакс", "Interfax"),
    ("interfax.ru", "Interfax"),
    ("прайм", "Prime"),
    ("ria", "RIA Novosti"),
];

/// Month names and abbreviations of the other languages the wires write in, lower case, with
/// the month: Russian in the genitive (`21 января`) as datelines write it, and the nominative;
/// French (`21 janv 2014`), German (`21. Januar`), Spanish (`21 ene`).
const FOREIGN_MONTHS: &[(&str, u32)] = &[
    ("января", 1),
    ("январь", 1),
    ("янв", 1),
    ("февраля", 2),
    ("февраль", 2),
    ("фев", 2),
    ("февр", 2),
    ("марта", 3),
    ("март", 3),
    ("мар", 3),
    ("апреля", 4),
    ("апрель", 4),
    ("апр", 4),
    ("мая", 5),
    ("май", 5),
    ("июня", 6),
    ("июнь", 6),
    ("июн", 6),
    ("июля", 7),
    ("июль", 7),
    ("июл", 7),
    ("августа", 8),
    ("август", 8),
    ("авг", 8),
    ("сентября", 9),
    ("сентябрь", 9),
    ("сен", 9),
    ("сент", 9),
    ("октября", 10),
    ("октябрь", 10),
    ("окт", 10),
    ("ноября", 11),
    ("ноябрь", 11),
    ("ноя", 11),
    ("нояб", 11),
    ("декабря", 12),
    ("декабрь", 12),
    ("дек", 12),
    ("janvier", 1),
    ("janv", 1),
    ("février", 2),
    ("fevrier", 2),
    ("févr", 2),
    ("fevr", 2),
    ("fév", 2),
    ("mars", 3),
    ("avril", 4),
    ("avr", 4),
    ("mai", 5),
    ("juin", 6),
    ("juillet", 7),
    ("juil", 7),
    ("août", 8),
    ("aout", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("décembre", 12),
    ("decembre", 12),
    ("déc", 12),
    ("januar", 1),
    ("jänner", 1),
    ("februar", 2),
    ("märz", 3),
    ("maerz", 3),
    ("juni", 6),
    ("juli", 7),
    ("oktober", 10),
    ("dezember", 12),
    ("dez", 12),
    ("enero", 1),
    ("ene", 1),
    ("febrero", 2),
    ("marzo", 3),
    ("abril", 4),
    ("abr", 4),
    ("mayo", 5),
    ("junio", 6),
    ("julio", 7),
    ("agosto", 8),
    ("ago", 8),
    ("septiembre", 9),
    ("setiembre", 9),
    ("octubre", 10),
    ("noviembre", 11),
    ("diciembre", 12),
    ("dic", 12),
];

/// Month names, lower case, in calendar order: the position is the month number less one.
const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Most words a place or region may have (`POINT PLEASANT BEACH`, `ABOARD AIR FORCE ONE`).
const MAX_PLACE_WORDS: usize = 6;
/// Most words a region given with a place may have (`Leningrad Region`).
const MAX_REGION_WORDS: usize = 4;

/// Recognises a dateline at the start of `paragraph`; `None` when it does not open with one.
///
/// ```
/// use wiredex::article::dateline::parse_dateline;
/// let text = "LONDON, March 3 (Reuters) - Shares rose.";
/// let d = parse_dateline(text).expect("a dateline");
/// assert_eq!((d.place.as_str(), d.agency.as_deref()), ("London", Some("Reuters")));
/// assert_eq!((d.month, d.day), (Some(3), Some(3)));
/// assert_eq!(&text[d.end..], "Shares rose.");
/// ```
pub fn parse_dateline(paragraph: &str) -> Option<Dateline> {
    let sc = Scan { s: paragraph };
    let start = sc.skip_lead(0);
    if sc.byte(start) == Some(b'(') {
        // ANSA puts the credit first: `(ANSA) - Rome, October 11 - Text`.
        let (content, after) = sc.group(start, b'(', b')')?;
        let agency = agency_lookup(content)?;
        let rest = sc.terminator(after)?;
        return parse_place_form(&sc, sc.spaces(rest), Some(agency));
    }
    parse_place_form(&sc, start, None)
}

/// Recognises a dateline that names no city: `Jan 30 (Reuters) -`, `(Reuters) - `,
/// `April 7, 1987 (AFP) -`. Archives and some feeds strip the city and keep the date and credit;
/// such a dateline still dates the story and names its agency. The [`Dateline::place`] it
/// returns is empty. Without a date, only an agency of [`AGENCIES`] makes it a dateline, since a
/// paragraph may open with an editor's note in brackets (`(Adds comments) -`); after a date, an
/// unknown capitalised credit (`Jan 3 (OPTA) -`, `Jan 30 (Gracenote) -`) is the agency as
/// written: a wire relaying a data provider's copy credits the provider there.
///
/// ```
/// use wiredex::article::dateline::parse_cityless_dateline;
/// let text = "Jan 30 (Reuters) - Shares rose.";
/// let d = parse_cityless_dateline(text).expect("a dateline");
/// assert_eq!((d.place.as_str(), d.agency.as_deref()), ("", Some("Reuters")));
/// assert_eq!((d.month, d.day), (Some(1), Some(30)));
/// assert_eq!(&text[d.end..], "Shares rose.");
/// ```
pub fn parse_cityless_dateline(paragraph: &str) -> Option<Dateline> {
    let sc = Scan { s: paragraph };
    let start = sc.skip_lead(0);
    let (date, after_date) = match sc.date_at(start, false) {
        Some((date, e)) => (Some(date), e),
        None => (None, start),
    };
    let mut j = sc.spaces(after_date);
    if date.is_some() && sc.byte(j) == Some(b',') {
        j = sc.spaces(j + 1);
    }
    if date.is_some() && j == after_date {
        // `Jan 30(Reuters)`: a credit is set off by a space.
        return None;
    }
    let (content, e) = sc.group(j, b'(', b')')?;
    let agency = match (agency_lookup(content), date) {
        (Some(agency), _) => Some(agency.to_string()),
        (None, Some(_)) if looks_like_cityless_credit(content) => Some(collapse_spaces(content)),
        _ => return None,
    };
    let end = sc.ws(sc.terminator(e)?);
    let d = date.unwrap_or_default();
    Some(Dateline {
        place: String::new(),
        region: None,
        agency,
        month: d.month,
        day: d.day,
        year: d.year,
        end,
    })
}

/// A credit after a cityless date that is no known agency: one or two capitalised words
/// (`Gracenote`, `OPTA`, `BusinessDesk`), never a note (`Adds details`, `corrected`).
fn looks_like_cityless_credit(content: &str) -> bool {
    let words: Vec<&str> = content.split_whitespace().collect();
    (1..=2).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars()
                    .all(|c| c.is_alphanumeric() || matches!(c, '-' | '/' | '&'))
        })
        && !word_list(WordClass::NotInBarePlace).contains(&words[0].to_lowercase().as_str())
}

/// How a place is written, which decides how much evidence it needs and how it is normalised.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Case {
    /// `RIO DE JANEIRO`: the wire convention; title-cased on output.
    Upper,
    /// `st paul`, `Mexico city`: hand-keyed feeds; title-cased, and only accepted with a date.
    Careless,
    /// `Rio de Janeiro`, `Berlin`: kept as written.
    Mixed,
}

/// A validated date; all `None` when the dateline's date is malformed (`Feb 31`, `March 187`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct DateParts {
    month: Option<u32>,
    day: Option<u32>,
    year: Option<i32>,
}

/// Parses `Place[ /Region/][, Region][, Date][ credit] separator` from `start`: the place,
/// the regions and date after it, the credit and separator, then whether the form has
/// evidence enough to be a dateline.
fn parse_place_form(sc: &Scan, start: usize, preset: Option<&str>) -> Option<Dateline> {
    let mut form = PlaceForm::read_place(sc, start, preset)?;
    form.read_slashed_region(sc);
    form.read_regions_and_date(sc);
    let end = form.read_credit_and_separator(sc)?;
    if !form.is_evident() {
        return None;
    }
    let d = form.date.unwrap_or_default();
    Some(Dateline {
        place: normal_place(&form.words, form.case),
        region: if form.regions.is_empty() {
            None
        } else {
            Some(form.regions.join(", "))
        },
        agency: form.agency,
        month: d.month,
        day: d.day,
        year: d.year,
        end,
    })
}

/// A dateline of the place form as far as it has been read: one step per part, each moving
/// `pos` past what it read.
#[derive(Debug)]
struct PlaceForm<'a> {
    /// The words of the place as written (a trailing full stop dropped).
    words: Vec<&'a str>,
    /// How the place is written.
    case: Case,
    /// Regions given with the place, in order.
    regions: Vec<String>,
    /// The date, once read.
    date: Option<DateParts>,
    /// Whether the date came after a comma (`Moscow, 21 January`), the stronger form.
    date_after_comma: bool,
    /// The agency credited, or the one given before the place (ANSA).
    agency: Option<String>,
    /// Whether an agency credit was read.
    credited: bool,
    /// `NOW OPEN—`: a heading glued to its dash; datelines leave a space.
    glued: bool,
    /// Byte offset just past what has been read.
    pos: usize,
}

/// Letters in a word (`Conn.` has four).
fn letter_count(w: &str) -> usize {
    w.chars().filter(|c| c.is_alphabetic()).count()
}

impl<'a> PlaceForm<'a> {
    /// Reads the words of the place at `start`, with a region abbreviation glued to them
    /// (`FARMINGTON Conn.`); `None` when they cannot be a place.
    fn read_place(sc: &Scan<'a>, start: usize, preset: Option<&str>) -> Option<PlaceForm<'a>> {
        let spans = sc.words(start, MAX_PLACE_WORDS)?;
        let mut words: Vec<&str> = spans.iter().map(|r| sc.text(r.clone())).collect();
        let pos = spans.last()?.end;
        if words.iter().any(|w| w.chars().any(|c| c.is_ascii_digit())) {
            return None;
        }
        let mut regions: Vec<String> = Vec::new();
        // `FARMINGTON Conn., March 9`: the comma before the region was forgotten.
        // Only a lone abbreviation counts: `BALDWIN Park` is one place typed with a caps-lock
        // slip.
        if let [head @ .., last] = words.as_slice() {
            let abbreviation = last.ends_with('.')
                && last.chars().next().is_some_and(char::is_uppercase)
                && last.chars().any(char::is_lowercase);
            if !head.is_empty()
                && abbreviation
                && head
                    .iter()
                    .all(|w| letter_count(w) >= 3 && !w.chars().any(char::is_lowercase))
            {
                regions.push((*last).to_string());
                words.truncate(head.len());
            }
        }
        let case = case_of(&words)?;
        if words.len() == 1 && month_of(words[0]).is_some() {
            return None;
        }
        // `MOSCOW. Jan 21 (Interfax)`: Interfax ends the place with a full stop; keep `St.` and
        // `D.C.`.
        if let Some(last) = words.last_mut()
            && let Some(bare) = last.strip_suffix('.')
        {
            let long = bare.chars().filter(|c| c.is_alphabetic()).count() > 3;
            if long && !bare.contains('.') {
                *last = bare;
            }
        }
        Some(PlaceForm {
            words,
            case,
            regions,
            date: None,
            date_after_comma: false,
            agency: preset.map(str::to_string),
            credited: false,
            glued: false,
            pos,
        })
    }

    /// `IGORA /Leningrad Region/, December 26. /TASS/.`: TASS sets the region off with slashes.
    fn read_slashed_region(&mut self, sc: &Scan) {
        let j = sc.spaces(self.pos);
        if j > self.pos
            && sc.byte(j) == Some(b'/')
            && let Some((content, e)) = sc.group(j, b'/', b'/')
        {
            let content = content.trim();
            let wordy = content.chars().next().is_some_and(char::is_alphabetic)
                && !content.chars().any(|c| c.is_ascii_digit());
            if wordy && agency_lookup(content).is_none() {
                self.regions.push(collapse_spaces(content));
                self.pos = e;
            }
        }
    }

    /// Comma-separated regions, then the date: `SAITAMA, Japan, Dec. 9`; or a date without a
    /// comma: `JOHANNESBURG March 13 -`, `MOSCOW. Jan 21`.
    fn read_regions_and_date(&mut self, sc: &Scan) {
        for _ in 0..4 {
            let j = sc.spaces(self.pos);
            if sc.byte(j) == Some(b',') {
                if self.date.is_none() && self.read_after_comma(sc, sc.spaces(j + 1)) {
                    continue;
                }
                break;
            }
            if self.date.is_none()
                && j > self.pos
                && let Some((d, e)) = sc.date_at(j, false)
            {
                self.date = Some(d);
                self.pos = e;
                continue;
            }
            break;
        }
    }

    /// Reads a date or a region at `k`, after a comma; whether it read one.
    fn read_after_comma(&mut self, sc: &Scan, k: usize) -> bool {
        if let Some((d, e)) = sc.date_at(k, true) {
            self.date = Some(d);
            self.date_after_comma = true;
            self.pos = e;
            return true;
        }
        if self.regions.len() < 2
            && let Some((r, careless, e)) = sc.region_at(k)
        {
            // `PONCE, Puerto rico, April 9`: a careless region only before a date.
            let c = sc.spaces(e);
            let dated = sc.byte(c) == Some(b',') && sc.date_at(sc.spaces(c + 1), true).is_some();
            if !careless || dated {
                self.regions.push(r);
                self.pos = e;
                return true;
            }
        }
        false
    }

    /// Reads the agency credit and the separator that ends the dateline; the offset where the
    /// story starts, or `None` when no separator ends the form.
    fn read_credit_and_separator(&mut self, sc: &Scan) -> Option<usize> {
        self.credited = self.agency.is_some();
        let mut j = sc.spaces(self.pos);
        if sc.byte(j) == Some(b',') {
            // `LONDON, (Reuters) -`, `April 7, Reuter -`.
            j = sc.spaces(j + 1);
        }
        match self.read_slashed_credit(sc, j)? {
            Some(end) => Some(end),
            None => self.read_credit_before_separator(sc, j),
        }
    }

    /// TASS: `MOSCOW, January 21. /ITAR-TASS/. Text`. `Some(Some(end))` after such a credit,
    /// `Some(None)` when there is none, `None` when text is glued to it.
    fn read_slashed_credit(&mut self, sc: &Scan, j: usize) -> Option<Option<usize>> {
        let mut k = j;
        if sc.byte(k) == Some(b'.') {
            k = sc.spaces(k + 1);
        }
        if sc.byte(k) == Some(b'/')
            && let Some((content, e)) = sc.group(k, b'/', b'/')
            && let Some(a) = agency_lookup(content).or_else(|| correspondent_credit(content))
        {
            self.agency.get_or_insert_with(|| a.to_string());
            self.credited = true;
            let mut e = e;
            if sc.byte(e) == Some(b'.') {
                e += 1;
            }
            let e = sc.terminator(e).unwrap_or(e);
            if sc.ch(e).is_some_and(|c| !c.is_whitespace()) {
                return None;
            }
            return Some(Some(sc.ws(e)));
        }
        Some(None)
    }

    /// A credit in parentheses or a bare agency name at `j`, then the separator, then a date
    /// set off by its own dash; the offset where the story starts.
    fn read_credit_before_separator(&mut self, sc: &Scan, j: usize) -> Option<usize> {
        let mut j = j;
        if sc.byte(j) == Some(b'.')
            && let Some((_, e)) = sc.bare_agency_at(sc.spaces(j + 1))
            && sc.terminator(e).is_some()
        {
            // Interfax in Russian: `МОСКВА. 21 января. ИНТЕРФАКС - Text`.
            j = sc.spaces(j + 1);
        }
        if sc.byte(j) == Some(b'(') {
            let (content, e) = sc.group(j, b'(', b')')?;
            if let Some(a) = agency_lookup(content) {
                self.agency.get_or_insert_with(|| a.to_string());
                self.credited = true;
            } else if self.case == Case::Upper && content.trim().is_empty() {
                // `WASHINGTON () -`: the feed stripped the credit but kept its frame.
            } else if self.case == Case::Upper && looks_like_credit(content) {
                // An agency not in the table, in the unmistakable `PLACE (XYZ) -` frame.
                self.agency
                    .get_or_insert_with(|| content.trim().to_string());
                self.credited = true;
            } else {
                return None;
            }
            self.pos = e;
        } else if let Some((a, e)) = sc.bare_agency_at(j) {
            // Kyodo and AFP on some feeds: `SAITAMA, Japan, Dec. 9 Kyodo -`.
            self.agency.get_or_insert_with(|| a.to_string());
            self.credited = true;
            self.pos = e;
        }
        let pos = self.pos;
        self.glued = sc.spaces(pos) == pos && sc.byte(pos) != Some(b',');
        let mut end = sc.ws(sc.terminator(pos)?);
        if !self.credited
            && let Some((a, e)) = sc.credit_after_dash(end)
        {
            self.agency.get_or_insert_with(|| a.to_string());
            self.credited = true;
            self.glued = false;
            end = e;
        }
        if self.date.is_none() {
            // `KANSAS CITY, Mo. - March 13 - Text`: the date set off by its own dash.
            if let Some((d, e)) = sc.date_at(end, false)
                && d.day.is_some()
                && let Some(t) = sc.terminator(e)
            {
                self.date = Some(d);
                end = sc.ws(t);
            }
        }
        Some(end)
    }

    /// Whether what was read is evidence enough of a dateline for how the place is written.
    fn is_evident(&self) -> bool {
        let date = self.date;
        match self.case {
            // `la paz, march 4 -`, never `In an email dated Feb. 12, 2012 —`.
            Case::Careless => {
                self.date_after_comma
                    && date.is_some_and(|d| d.day.is_some())
                    && self.words.len() <= 3
            }
            // `Berlin (dpa)`, `Moscow, 21 January -`, never `Since March 3 - `.
            Case::Mixed => self.credited || (self.date_after_comma && date.is_some()),
            Case::Upper => {
                let letters: usize = self.words.iter().map(|w| letter_count(w)).sum();
                let labelled = self
                    .words
                    .iter()
                    .copied()
                    .chain(self.regions.iter().flat_map(|r| r.split_whitespace()))
                    .any(|w| {
                        word_list(WordClass::NotInBarePlace).contains(&w.to_lowercase().as_str())
                    });
                self.credited || date.is_some() || (letters >= 3 && !labelled && !self.glued)
            }
        }
    }
}

/// A cursor-free view of the paragraph: every offset it hands out is a char boundary.
struct Scan<'a> {
    s: &'a str,
}

impl<'a> Scan<'a> {
    /// The byte at `i`, if the paragraph is that long.
    fn byte(&self, i: usize) -> Option<u8> {
        self.s.as_bytes().get(i).copied()
    }

    /// The character that starts at `i`, if `i` is a char boundary inside the paragraph.
    fn ch(&self, i: usize) -> Option<char> {
        self.s.get(i..)?.chars().next()
    }

    /// The text of range `r`, or nothing when it is not a range of char boundaries.
    fn text(&self, r: Range<usize>) -> &'a str {
        self.s.get(r).unwrap_or("")
    }

    /// Skips whitespace, control characters and bullets before the dateline.
    fn skip_lead(&self, mut i: usize) -> usize {
        while let Some(c) = self.ch(i) {
            if c.is_whitespace() || c.is_control() || matches!(c, '*' | '•' | '\u{feff}') {
                i += c.len_utf8();
            } else {
                break;
            }
        }
        i
    }

    /// Skips spaces and tabs on the same line.
    fn spaces(&self, mut i: usize) -> usize {
        while let Some(c) = self.ch(i) {
            if matches!(c, ' ' | '\t' | '\u{a0}') {
                i += c.len_utf8();
            } else {
                break;
            }
        }
        i
    }

    /// Skips any whitespace, line breaks included.
    fn ws(&self, mut i: usize) -> usize {
        while let Some(c) = self.ch(i) {
            if c.is_whitespace() {
                i += c.len_utf8();
            } else {
                break;
            }
        }
        i
    }

    /// End of the word at `i`: a letter, then letters, digits, `.`, apostrophes, `&`, and `-` or
    /// `/` when a letter follows (`PORT-AU-PRINCE`, `WASHINGTON/NEW`, `N.J.`, `O'HARE`).
    fn word_end(&self, i: usize) -> Option<usize> {
        let rest = self.s.get(i..)?;
        let mut it = rest.char_indices().peekable();
        let (_, first) = it.next()?;
        if !first.is_alphabetic() {
            return None;
        }
        let mut end = i + first.len_utf8();
        while let Some((k, c)) = it.next() {
            let ok = c.is_alphanumeric()
                || matches!(c, '.' | '\'' | '’' | '&')
                || (matches!(c, '-' | '/') && it.peek().is_some_and(|&(_, n)| n.is_alphabetic()));
            if !ok {
                break;
            }
            end = i + k + c.len_utf8();
        }
        Some(end)
    }

    /// The words of a place or region from `i`, stopping before a date or a bare agency credit.
    fn words(&self, i: usize, max: usize) -> Option<Vec<Range<usize>>> {
        let mut spans = Vec::new();
        let mut pos = i;
        loop {
            let e = self.word_end(pos)?;
            spans.push(pos..e);
            let k = self.spaces(e);
            let more = spans.len() < max && k > e && k - e <= 2 && self.word_end(k).is_some();
            if !more || self.month_day_at(k) {
                return Some(spans);
            }
            if let Some((_, ae)) = self.bare_agency_at(k)
                && self.terminator(ae).is_some()
            {
                return Some(spans);
            }
            pos = k;
        }
    }

    /// A region after a comma: `Calif.`, `West Germany`, `N.J.`, `the Netherlands`; the flag
    /// says it has lower-case words that are not particles (`Puerto rico`).
    fn region_at(&self, i: usize) -> Option<(String, bool, usize)> {
        let spans = self.words(i, MAX_REGION_WORDS)?;
        let words: Vec<&str> = spans.iter().map(|r| self.text(r.clone())).collect();
        if words.iter().any(|w| w.chars().any(|c| c.is_ascii_digit())) {
            return None;
        }
        let lower_start = |w: &str| w.chars().next().is_some_and(char::is_lowercase);
        let first = words.first()?;
        if lower_start(first) && (words.len() == 1 || !is_particle(first)) {
            return None;
        }
        let careless = words
            .iter()
            .skip(1)
            .any(|w| lower_start(w) && !is_particle(w));
        Some((normal_region(&words), careless, spans.last()?.end))
    }

    /// Whether a month name followed by a day number starts at `i` (`March 13`, `Jan. 21`).
    fn month_day_at(&self, i: usize) -> bool {
        let Some(e) = self.word_end(i) else {
            return false;
        };
        if month_of(self.text(i..e)).is_none() {
            return false;
        }
        let k = self.spaces(e);
        k > e && self.byte(k).is_some_and(|b| b.is_ascii_digit())
    }

    /// A date at `i`: `Feb 26`, `Jan. 21`, `Aug 29, 2014`, `21 January`, `December 26` or a
    /// bare month (`April`). `fuzzy` also accepts one-letter typos of a month before a day
    /// (`Mach 4`, `Juen 19`), which hand-keyed 1980s wires have; only where a date is expected.
    fn date_at(&self, i: usize, fuzzy: bool) -> Option<(DateParts, usize)> {
        if let Some(we) = self.word_end(i) {
            let word = self.text(i..we);
            let exact = month_of(word);
            let month = match exact {
                Some(m) => m,
                None if fuzzy => month_typo(word)?,
                None => return None,
            };
            let mut k = self.spaces(we);
            if self.byte(k) == Some(b',') {
                // `April, 13`
                k = self.spaces(k + 1);
            }
            if k > we
                && let Some((day, de)) = self.day_at(k)
            {
                let (year, ye) = self.year_after(de);
                return Some((validate(month, day, year), ye));
            }
            if exact.is_some() {
                // `CHICAGO, April - `: a month with no day.
                let parts = DateParts {
                    month: Some(month),
                    ..DateParts::default()
                };
                return Some((parts, we));
            }
            return None;
        }
        // `Moscow, 21 January (Interfax)`, `AMSTERDAM, 2 March -`.
        let (day, de) = self.day_at(i)?;
        let k = self.spaces(de);
        if k == de {
            return None;
        }
        let we = self.word_end(k)?;
        let month = month_of(self.text(k..we))?;
        let (year, ye) = self.year_after(we);
        Some((validate(month, day, year), ye))
    }

    /// A day number at `i` with an optional ordinal suffix; the value is `None` when it cannot be
    /// a day (`187`, `2O`) but the token is still consumed so the place survives.
    fn day_at(&self, i: usize) -> Option<(Option<u32>, usize)> {
        let b = self.s.as_bytes();
        let mut e = i;
        while b.get(e).is_some_and(u8::is_ascii_digit) {
            e += 1;
        }
        if e == i {
            return None;
        }
        let digits = self.text(i..e);
        let mut value = if digits.len() <= 2 {
            digits.parse::<u32>().ok()
        } else {
            None
        };
        let suffix = self.text(e..(e + 2).min(b.len())).to_ascii_lowercase();
        let after_suffix = b.get(e + 2).is_none_or(|c| !c.is_ascii_alphanumeric());
        if matches!(suffix.as_str(), "st" | "nd" | "rd" | "th") && after_suffix {
            e += 2;
        } else if b.get(e).is_some_and(u8::is_ascii_alphanumeric) {
            while b.get(e).is_some_and(u8::is_ascii_alphanumeric) {
                e += 1;
            }
            value = None;
        }
        Some((value, e))
    }

    /// A four-digit year after a day: `, 2014` or ` 2014`.
    fn year_after(&self, i: usize) -> (Option<i32>, usize) {
        let b = self.s.as_bytes();
        let mut k = i;
        if b.get(k) == Some(&b',') {
            k += 1;
        }
        let k = self.spaces(k);
        if k == i {
            return (None, i);
        }
        let mut e = k;
        while b.get(e).is_some_and(u8::is_ascii_digit) {
            e += 1;
        }
        let boundary = b.get(e).is_none_or(|c| !c.is_ascii_alphanumeric());
        match self.text(k..e).parse::<i32>() {
            Ok(y) if e - k == 4 && boundary && (1800..=2200).contains(&y) => (Some(y), e),
            _ => (None, i),
        }
    }

    /// An agency named without brackets at `i` (`Kyodo`, `AFP`, `Reuter`): canonical name and end.
    fn bare_agency_at(&self, i: usize) -> Option<(&'static str, usize)> {
        let rest = self.s.get(i..)?;
        let mut best: Option<(&'static str, usize)> = None;
        for &(key, canon) in AGENCIES {
            let Some(len) = prefix_ignoring_case(rest, key) else {
                continue;
            };
            let boundary = self.ch(i + len).is_none_or(|c| !c.is_alphanumeric());
            if boundary && best.is_none_or(|(_, e)| i + len > e) {
                best = Some((canon, i + len));
            }
        }
        best
    }

    /// RIA Novosti puts its credit after the dash: `МОСКВА, 21 янв — РИА Новости. Text`, with a
    /// correspondent at times (`— РИА Новости, Адам Буражев.`). The agency and the offset after
    /// the full stop that ends the credit.
    fn credit_after_dash(&self, i: usize) -> Option<(&'static str, usize)> {
        let (agency, e) = self.bare_agency_at(i)?;
        let mut k = e;
        if self.byte(k) == Some(b',') {
            // A correspondent's name: up to four words, then the full stop.
            let spans = self.words(self.spaces(k + 1), 4)?;
            let last = spans
                .iter()
                .find(|r| self.text((*r).clone()).ends_with('.'))?
                .end;
            k = last - 1;
        }
        if self.byte(k) != Some(b'.') {
            return None;
        }
        let after = k + 1;
        if self.ch(after).is_some_and(|c| !c.is_whitespace()) {
            return None;
        }
        Some((agency, self.ws(after)))
    }

    /// `open content close` at `i`, on one line and short: the content and the offset after it.
    fn group(&self, i: usize, open: u8, close: u8) -> Option<(&'a str, usize)> {
        if self.byte(i) != Some(open) {
            return None;
        }
        let b = self.s.as_bytes();
        // 96 bytes: 48 letters of Cyrillic (`/Корр. ТАСС Екатерина Плотникова/`).
        let limit = (i + 1 + 96).min(b.len());
        let k = (i + 1..limit).find(|&k| matches!(b[k], b'\n' | b'\r') || b[k] == close)?;
        if b[k] != close {
            return None;
        }
        Some((self.s.get(i + 1..k)?, k + 1))
    }

    /// The separator that ends a dateline (`-`, `--`, `—`, `–`, AP's `_`), optionally after a
    /// comma; returns the offset after it.
    fn terminator(&self, i: usize) -> Option<usize> {
        let mut j = self.spaces(i);
        if self.byte(j) == Some(b',') {
            j = self.spaces(j + 1);
        }
        // EFE: `Madrid, 21 ene (EFE).- Text`.
        if self.byte(j) == Some(b'.') && self.byte(j + 1) == Some(b'-') {
            j += 1;
        }
        let c = self.ch(j)?;
        let mut k = j;
        match c {
            '-' | '_' => {
                while self.ch(k) == Some(c) {
                    k += 1;
                }
                // `WASHINGTON-based` is a word, not a dateline.
                if self.ch(k).is_some_and(|n| !n.is_whitespace()) {
                    return None;
                }
            }
            '—' | '–' | '―' | '−' => k += c.len_utf8(),
            _ => return None,
        }
        Some(k)
    }
}

/// Agencies as feeds name them in metadata, beside [`AGENCIES`]: `PA` is no dateline credit to
/// look for in text (`FORT WASHINGTON, Pa. (AP)`), but in a source field it is the agency.
const FEED_AGENCIES: &[(&str, &str)] = &[
    ("pa", "PA"),
    ("press association", "PA"),
    ("the press association", "PA"),
    ("pa media", "PA"),
    ("australian associated press", "AAP"),
    ("canadian press", "CP"),
    ("the canadian press", "CP"),
    ("cp", "CP"),
    ("ana-mpa", "ANA-MPA"),
    ("απε-μπε", "ANA-MPA"),
    ("athens-macedonian news agency", "ANA-MPA"),
];

/// The usual spelling of an agency credited in a feed's metadata (`The Associated Press` -> `AP`,
/// `KYODONEWS` -> `Kyodo`). A credit that names an agency and then one of its desks or services
/// (`PA Sport`, `PA SPORT DATA`, `AFP Sport`) is the agency; one word opening a longer credit
/// counts only as the agency spells it or in capitals, so a name (`Ani Petrosyan`) stays a name.
/// An unknown credit is kept as written, trimmed.
pub fn canonical_agency(credit: &str) -> String {
    let words: Vec<&str> = credit.split_whitespace().collect();
    (1..=words.len())
        .rev()
        .find_map(|n| {
            let key = words[..n].join(" ");
            let canon = agency_lookup(&key).or_else(|| {
                let key = key.to_lowercase();
                FEED_AGENCIES
                    .iter()
                    .find(|(k, _)| *k == key)
                    .map(|&(_, canon)| canon)
            })?;
            let as_spelled = key == canon || !key.chars().any(char::is_lowercase);
            (n == words.len() || n > 1 || as_spelled).then_some(canon)
        })
        .map(str::to_string)
        .unwrap_or_else(|| collapse_spaces(credit))
}

/// A place as a feed's metadata spells it (`MOSCOW`, `rio de janeiro`), in normal capitalisation.
pub fn normal_case_place(raw: &str) -> String {
    let words: Vec<&str> = raw.split_whitespace().collect();
    match case_of(&words) {
        Some(case) => normal_place(&words, case),
        None => collapse_spaces(raw),
    }
}

/// The agency a credit names (`(Reuters)`, `/ITAR-TASS/`), spelt as we record it.
fn agency_lookup(credit: &str) -> Option<&'static str> {
    let key = collapse_spaces(credit).to_lowercase();
    AGENCIES
        .iter()
        .find(|(k, _)| *k == key)
        .map(|&(_, canon)| canon)
}

/// The agency of a correspondent's credit in TASS's slashes: `Корр. ТАСС Иван Петров`,
/// `Корр. ИТАР-ТАСС`, `Corr. TASS`.
fn correspondent_credit(content: &str) -> Option<&'static str> {
    let lower = collapse_spaces(content).to_lowercase();
    let rest = ["корр. ", "корр ", "corr. ", "соб. корр. ", "спецкорр. "]
        .iter()
        .find_map(|p| lower.strip_prefix(p))?;
    let agency = rest.split(' ').next()?;
    agency_lookup(agency)
}

/// The byte length of `key`'s match at the start of `text`, comparing letters without case;
/// `key` is lower case.
fn prefix_ignoring_case(text: &str, key: &str) -> Option<usize> {
    let mut len = 0;
    let mut chars = text.chars();
    for k in key.chars() {
        let c = chars.next()?;
        if c != k && !c.to_lowercase().eq(std::iter::once(k)) {
            return None;
        }
        len += c.len_utf8();
    }
    Some(len)
}

/// An unknown agency credit: a short capitals code like `LPC/IFR` or `KUNA`, never `AP Photo`.
fn looks_like_credit(content: &str) -> bool {
    let t = content.trim();
    let upper = t.chars().filter(char::is_ascii_uppercase).count();
    (2..=16).contains(&t.len())
        && upper >= 2
        && t.chars()
            .all(|c| c.is_ascii_uppercase() || matches!(c, '/' | '-' | '&' | '.'))
}

/// The month of a name or abbreviation in any case: `January`, `JAN`, `Jan.`, `Sept.`.
fn month_of(word: &str) -> Option<u32> {
    let bare = word.strip_suffix('.').unwrap_or(word);
    if !bare.is_ascii() {
        let w = bare.to_lowercase();
        return FOREIGN_MONTHS
            .iter()
            .find(|(m, _)| *m == w)
            .map(|&(_, n)| n);
    }
    let w = bare.to_ascii_lowercase();
    if w == "sept" {
        return Some(9);
    }
    let n = MONTHS
        .iter()
        .position(|m| *m == w || (w.len() == 3 && m.starts_with(&w)));
    match n {
        Some(n) => u32::try_from(n + 1).ok(),
        None => FOREIGN_MONTHS
            .iter()
            .find(|(m, _)| *m == w)
            .map(|&(_, n)| n),
    }
}

/// The one month within one typo (insertion, deletion, substitution or swap) of `word`.
fn month_typo(word: &str) -> Option<u32> {
    let w = word.strip_suffix('.').unwrap_or(word).to_ascii_lowercase();
    if w.len() < 3 || w.len() > 10 || !w.bytes().all(|b| b.is_ascii_lowercase()) {
        return None;
    }
    let mut found = None;
    for (n, m) in MONTHS.iter().enumerate() {
        let abbr = m.get(..3).unwrap_or(m);
        if typo_distance(w.as_bytes(), m.as_bytes())
            .min(typo_distance(w.as_bytes(), abbr.as_bytes()))
            <= 1
        {
            if found.is_some() {
                return None;
            }
            found = u32::try_from(n + 1).ok();
        }
    }
    found
}

/// Optimal string alignment distance (Levenshtein plus adjacent swaps) of two short words.
fn typo_distance(a: &[u8], b: &[u8]) -> usize {
    let w = b.len() + 1;
    let mut d = vec![0usize; (a.len() + 1) * w];
    for i in 0..=a.len() {
        d[i * w] = i;
    }
    for (j, cell) in d.iter_mut().enumerate().take(w) {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[(i - 1) * w + j] + 1)
                .min(d[i * w + j - 1] + 1)
                .min(d[(i - 1) * w + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[(i - 2) * w + j - 2] + 1);
            }
            d[i * w + j] = v;
        }
    }
    d[a.len() * w + b.len()]
}

/// A checked date: all `None` unless month and day exist together (`Feb 29` needs a leap year).
fn validate(month: u32, day: Option<u32>, year: Option<i32>) -> DateParts {
    let leap = year.is_none_or(|y| (y % 4 == 0 && y % 100 != 0) || y % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => 0,
    };
    match day {
        Some(d) if (1..=days).contains(&d) => DateParts {
            month: Some(month),
            day: Some(d),
            year,
        },
        _ => DateParts::default(),
    }
}

/// How the place is written; `None` when the words do not read as a place name at all.
fn case_of(words: &[&str]) -> Option<Case> {
    let has_lower = words.iter().any(|w| w.chars().any(char::is_lowercase));
    let has_upper = words.iter().any(|w| w.chars().any(char::is_uppercase));
    let ends_in_particle = words.len() > 1
        && words.last().is_some_and(|w| {
            word_list(WordClass::PlaceParticles).contains(&w.to_lowercase().as_str())
        });
    if ends_in_particle {
        return None;
    }
    if !has_lower {
        return Some(Case::Upper);
    }
    let first_capital = words
        .first()
        .and_then(|w| w.chars().next())
        .is_some_and(|c| !c.is_lowercase());
    let rest_lower = words
        .iter()
        .skip(1)
        .all(|w| !w.chars().any(char::is_uppercase));
    if !has_upper || (first_capital && rest_lower && words.len() > 1) {
        // `la paz`, `Mexico city`: typed without care, so it needs a date to count.
        return Some(Case::Careless);
    }
    for (n, w) in words.iter().enumerate() {
        let lower_start = w.chars().next().is_some_and(char::is_lowercase);
        if lower_start && (n == 0 || !is_particle(w)) {
            return None;
        }
    }
    Some(Case::Mixed)
}

/// A particle word, or one opening with a particle and a hyphen (`al-Arish`).
fn is_particle(word: &str) -> bool {
    let lower = word.to_lowercase();
    let head = lower.split('-').next().unwrap_or("");
    word_list(WordClass::PlaceParticles).contains(&lower.as_str())
        || (lower.contains('-') && word_list(WordClass::PlaceParticles).contains(&head))
}

/// The words of `s` with single spaces between them.
fn collapse_spaces(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The place in normal capitalisation: capitals and lower case become title case.
fn normal_place(words: &[&str], case: Case) -> String {
    let shouting = |w: &&str| {
        w.chars().filter(|c| c.is_alphabetic()).count() >= 3 && !w.chars().any(char::is_lowercase)
    };
    match case {
        // `BALDWIN Park`: a caps-lock slip, not a spelling to keep.
        Case::Mixed if words.iter().any(shouting) => words
            .iter()
            .enumerate()
            .map(|(n, w)| title_word(w, n == 0))
            .collect::<Vec<_>>()
            .join(" "),
        Case::Mixed => words.join(" "),
        Case::Upper | Case::Careless => words
            .iter()
            .enumerate()
            .map(|(n, w)| title_word(w, n == 0))
            .collect::<Vec<_>>()
            .join(" "),
    }
}

/// A region in normal capitalisation; abbreviations such as `N.J.`, `UK` or `FLA` stay as they are.
fn normal_region(words: &[&str]) -> String {
    if words.iter().any(|w| w.chars().any(char::is_lowercase)) {
        return words.join(" ");
    }
    words
        .iter()
        .enumerate()
        .map(|(n, w)| {
            let letters = w.chars().filter(|c| c.is_alphabetic()).count();
            let dotted = w.trim_end_matches('.').contains('.');
            if dotted || (letters <= 3 && !w.contains('.')) {
                (*w).to_string()
            } else {
                title_word(w, n == 0)
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Title case for one word of a place: `PORT-AU-PRINCE` → `Port-au-Prince`, `O'HARE` →
/// `O'Hare`, `MCALLEN` → `McAllen`, `WASHINGTON/NEW` → `Washington/New`.
fn title_word(word: &str, first_word: bool) -> String {
    let mut out = String::with_capacity(word.len());
    let mut leading = first_word;
    for piece in word.split_inclusive(['-', '/']) {
        let (body, sep) = match piece.strip_suffix(['-', '/']) {
            Some(body) => (body, piece.get(body.len()..).unwrap_or("")),
            None => (piece, ""),
        };
        out.push_str(&title_part(body, leading));
        out.push_str(sep);
        // A slash starts another place (`WASHINGTON/NEW YORK`); a hyphen continues this one.
        leading = sep == "/";
    }
    out
}

/// One word of a place in title case (`N'Djamena`, `McAllen`); a particle stays lower case
/// unless it leads (`Rio de Janeiro`, `La Paz`).
fn title_part(part: &str, leading: bool) -> String {
    let lower = part.to_lowercase();
    if !leading && word_list(WordClass::PlaceParticles).contains(&lower.as_str()) {
        return lower;
    }
    if let Some(pos) = lower.find(['\'', '’']) {
        let head = lower.get(..pos).unwrap_or("");
        let apostrophe = lower
            .get(pos..)
            .and_then(|t| t.chars().next())
            .unwrap_or('\'');
        let tail = lower.get(pos + apostrophe.len_utf8()..).unwrap_or("");
        if head.chars().count() == 1 {
            // `N'Djamena`, `O'Hare`, but `Coeur d'Alene`.
            let head = if !leading && (head == "d" || head == "l") {
                head.to_string()
            } else {
                capitalise(head)
            };
            return format!("{head}{apostrophe}{}", capitalise(tail));
        }
        return capitalise(&lower);
    }
    if let Some(rest) = lower.strip_prefix("mc")
        && rest.chars().count() > 1
    {
        return format!("Mc{}", capitalise(rest));
    }
    capitalise(&lower)
}

/// `s` with its first character upper case.
fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What a case expects: place, region, agency, (month, day, year), and the text after.
    type Want = (
        &'static str,
        Option<&'static str>,
        Option<&'static str>,
        (Option<u32>, Option<u32>, Option<i32>),
        &'static str,
    );

    const NO_DATE: (Option<u32>, Option<u32>, Option<i32>) = (None, None, None);

    fn md(m: u32, d: u32) -> (Option<u32>, Option<u32>, Option<i32>) {
        (Some(m), Some(d), None)
    }

    fn check(cases: &[(&str, &str, Want)]) {
        let mut failures = Vec::new();
        for &(name, input, (place, region, agency, (month, day, year), rest)) in cases {
            let got = parse_dateline(input);
            let want = Dateline {
                place: place.to_string(),
                region: region.map(str::to_string),
                agency: agency.map(str::to_string),
                month,
                day,
                year,
                end: input.len() - rest.len(),
            };
            if got.as_ref() != Some(&want) || !input.ends_with(rest) {
                failures.push(format!(
                    "{name}: {input:?}\n  want {want:?}\n  got  {got:?}"
                ));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn agency_datelines_parse() {
        let cases: &[(&str, &str, Want)] = &[
            (
                "itar_tass_with_date",
                "MOSCOW, January 21. /ITAR-TASS/. Russian President said",
                (
                    "Moscow",
                    None,
                    Some("ITAR-TASS"),
                    md(1, 21),
                    "Russian President said",
                ),
            ),
            (
                "tass_region_in_slashes",
                "IGORA /Leningrad Region/, December 26. /TASS/. Russia could",
                (
                    "Igora",
                    Some("Leningrad Region"),
                    Some("TASS"),
                    md(12, 26),
                    "Russia could",
                ),
            ),
            (
                "tass_region_lower_case_region",
                "IGORA /Leningrad region/, December 26. /TASS/. Russia's economy",
                (
                    "Igora",
                    Some("Leningrad region"),
                    Some("TASS"),
                    md(12, 26),
                    "Russia's economy",
                ),
            ),
            (
                "tass_saint_place",
                "ST. PETERSBURG, June 3. /TASS/. The forum",
                ("St. Petersburg", None, Some("TASS"), md(6, 3), "The forum"),
            ),
            (
                "reuters_no_date",
                "WASHINGTON (Reuters) - The U.S. Senate",
                (
                    "Washington",
                    None,
                    Some("Reuters"),
                    NO_DATE,
                    "The U.S. Senate",
                ),
            ),
            (
                "reuters_with_date",
                "LONDON, March 3 (Reuters) - Shares",
                ("London", None, Some("Reuters"), md(3, 3), "Shares"),
            ),
            (
                "reuters_three_word_place_with_particle",
                "RIO DE JANEIRO (Reuters) - Brazil",
                ("Rio de Janeiro", None, Some("Reuters"), NO_DATE, "Brazil"),
            ),
            (
                "reuters_two_places",
                "WASHINGTON/NEW YORK (Reuters) - Banks",
                (
                    "Washington/New York",
                    None,
                    Some("Reuters"),
                    NO_DATE,
                    "Banks",
                ),
            ),
            (
                "reuters_united_nations",
                "UNITED NATIONS, Oct 5 (Reuters) - The council",
                (
                    "United Nations",
                    None,
                    Some("Reuters"),
                    md(10, 5),
                    "The council",
                ),
            ),
            (
                "reuters_region_abbreviation",
                "PALM SPRINGS, Calif. (Reuters) - The",
                (
                    "Palm Springs",
                    Some("Calif."),
                    Some("Reuters"),
                    NO_DATE,
                    "The",
                ),
            ),
            (
                "reuters_comma_before_credit",
                "LONDON, (Reuters) - Sterling",
                ("London", None, Some("Reuters"), NO_DATE, "Sterling"),
            ),
            (
                "reuters_no_space_before_credit",
                "NEW YORK(Reuters) - Stocks",
                ("New York", None, Some("Reuters"), NO_DATE, "Stocks"),
            ),
            (
                "reuters_1987_no_agency",
                "SALVADOR, Feb 26 - Showers continued",
                ("Salvador", None, None, md(2, 26), "Showers continued"),
            ),
            (
                "reuters_1987_us_state",
                "    TRENTON, N.J., May 13 -\n    The company",
                ("Trenton", Some("N.J."), None, md(5, 13), "The company"),
            ),
            (
                "reuters_1987_caps_region_and_month",
                "EL PASO, TEX., MAY 6 - The bank",
                ("El Paso", Some("Tex."), None, md(5, 6), "The bank"),
            ),
            (
                "reuters_1987_month_typo",
                "ELKO, Nev., Mach 4 - Sales",
                ("Elko", Some("Nev."), None, md(3, 4), "Sales"),
            ),
            (
                "reuters_1987_lower_case_line",
                "st cloud, may 9 - Clear",
                ("St Cloud", None, None, md(5, 9), "Clear"),
            ),
            (
                "reuters_1987_dash_on_day",
                "HALIFAX, Oct 2-\n    Canada",
                ("Halifax", None, None, md(10, 2), "Canada"),
            ),
            (
                "reuters_1987_no_comma_before_date",
                "PRETORIA May 13 - Gold",
                ("Pretoria", None, None, md(5, 13), "Gold"),
            ),
            (
                "reuters_1987_day_before_month",
                "ROTTERDAM, 2 May - Dutch",
                ("Rotterdam", None, None, md(5, 2), "Dutch"),
            ),
            (
                "reuters_1987_month_without_day",
                "DETROIT, April - Futures",
                ("Detroit", None, None, (Some(4), None, None), "Futures"),
            ),
            (
                "reuters_1987_bare_reuter",
                "OSAKA, May 7, Reuter - Japan",
                ("Osaka", None, Some("Reuters"), md(5, 7), "Japan"),
            ),
            (
                "reuters_1987_caps_place_only",
                "WASHINGTON - The Fed",
                ("Washington", None, None, NO_DATE, "The Fed"),
            ),
            (
                "reuters_1987_region_without_date",
                "EDMONTON, Alberta - Oil",
                ("Edmonton", Some("Alberta"), None, NO_DATE, "Oil"),
            ),
            (
                "invalid_day_keeps_place",
                "SALVADOR, Feb 31 - Rain",
                ("Salvador", None, None, NO_DATE, "Rain"),
            ),
            (
                "three_digit_day_keeps_place",
                "DENVER, May 187 - The firm",
                ("Denver", None, None, NO_DATE, "The firm"),
            ),
            (
                "ap_region_em_dash",
                "BUENOS AIRES, Argentina (AP) — Argentina's president",
                (
                    "Buenos Aires",
                    Some("Argentina"),
                    Some("AP"),
                    NO_DATE,
                    "Argentina's president",
                ),
            ),
            (
                "ap_underscore",
                "BUENOS AIRES, Argentina (AP) _ The",
                (
                    "Buenos Aires",
                    Some("Argentina"),
                    Some("AP"),
                    NO_DATE,
                    "The",
                ),
            ),
            (
                "ap_double_hyphen",
                "BUENOS AIRES, Argentina (AP) -- The",
                (
                    "Buenos Aires",
                    Some("Argentina"),
                    Some("AP"),
                    NO_DATE,
                    "The",
                ),
            ),
            (
                "ap_en_dash",
                "BUENOS AIRES, Argentina (AP) – The",
                (
                    "Buenos Aires",
                    Some("Argentina"),
                    Some("AP"),
                    NO_DATE,
                    "The",
                ),
            ),
            (
                "ap_kuala_lumpur",
                "KUALA LUMPUR, Malaysia (AP) _ Police",
                (
                    "Kuala Lumpur",
                    Some("Malaysia"),
                    Some("AP"),
                    NO_DATE,
                    "Police",
                ),
            ),
            (
                "ap_date_and_year",
                "NEW YORK, Sept. 5, 2016 (AP) -- Stocks",
                (
                    "New York",
                    None,
                    Some("AP"),
                    (Some(9), Some(5), Some(2016)),
                    "Stocks",
                ),
            ),
            (
                "dpa_mixed_case",
                "Berlin (dpa) - Germany's",
                ("Berlin", None, Some("dpa"), NO_DATE, "Germany's"),
            ),
            (
                "afp_date_year",
                "STOCKHOLM, Aug 29, 2014 (AFP) - Sweden",
                (
                    "Stockholm",
                    None,
                    Some("AFP"),
                    (Some(8), Some(29), Some(2014)),
                    "Sweden",
                ),
            ),
            (
                "afp_bare_credit",
                "BUSAN, Nov 2 AFP - Shipping",
                ("Busan", None, Some("AFP"), md(11, 2), "Shipping"),
            ),
            (
                "xinhua_abbreviated_month",
                "BEIJING, Jan. 21 (Xinhua) -- China",
                ("Beijing", None, Some("Xinhua"), md(1, 21), "China"),
            ),
            (
                "interfax_full_stop_after_place",
                "MOSCOW. Jan 21 (Interfax) - Russia",
                ("Moscow", None, Some("Interfax"), md(1, 21), "Russia"),
            ),
            (
                "interfax_day_before_month",
                "Moscow, 21 January (Interfax) - The",
                ("Moscow", None, Some("Interfax"), md(1, 21), "The"),
            ),
            (
                "kyodo_bare_credit",
                "SAITAMA, Japan, Dec. 9 Kyodo - A man",
                ("Saitama", Some("Japan"), Some("Kyodo"), md(12, 9), "A man"),
            ),
            (
                "kyodo_in_brackets",
                "TOKYO, Jan 21 (Kyodo) - Japan",
                ("Tokyo", None, Some("Kyodo"), md(1, 21), "Japan"),
            ),
            (
                "upi",
                "WASHINGTON, Jan. 21 (UPI) -- The",
                ("Washington", None, Some("UPI"), md(1, 21), "The"),
            ),
            (
                "afp_no_date",
                "PARIS (AFP) - France",
                ("Paris", None, Some("AFP"), NO_DATE, "France"),
            ),
            (
                "reuters_caps_date",
                "MOSCOW, Jan 21 (Reuters) - Russia",
                ("Moscow", None, Some("Reuters"), md(1, 21), "Russia"),
            ),
            (
                "ria_novosti",
                "MOSCOW (RIA Novosti) - Russia",
                ("Moscow", None, Some("RIA Novosti"), NO_DATE, "Russia"),
            ),
            (
                "itar_tass_spelled_mixed",
                "MOSCOW (Itar-Tass) - Russia",
                ("Moscow", None, Some("ITAR-TASS"), NO_DATE, "Russia"),
            ),
            (
                "ansa_credit_first",
                "(ANSA) - Milan, March 4 - The mayor",
                ("Milan", None, Some("ANSA"), md(3, 4), "The mayor"),
            ),
            (
                "unknown_capitals_credit",
                "CHICAGO (LPC/IFR) - Banks",
                ("Chicago", None, Some("LPC/IFR"), NO_DATE, "Banks"),
            ),
            (
                "empty_credit",
                "WASHINGTON () - The",
                ("Washington", None, None, NO_DATE, "The"),
            ),
            (
                "mixed_case_place_with_comma_date",
                "Nelson, British Columbia, May 11 - Mills",
                ("Nelson", Some("British Columbia"), None, md(5, 11), "Mills"),
            ),
            (
                "careless_place_title_cased",
                "San diego, May 2 - Shares",
                ("San Diego", None, None, md(5, 2), "Shares"),
            ),
            (
                "careless_region_before_date",
                "MAYAGUEZ, Puerto rico, May 9 - Rain",
                ("Mayaguez", Some("Puerto rico"), None, md(5, 9), "Rain"),
            ),
            (
                "region_with_lower_case_article",
                "UTRECHT, the Netherlands, May 3 - Dutch",
                ("Utrecht", Some("the Netherlands"), None, md(5, 3), "Dutch"),
            ),
            (
                "date_after_its_own_dash",
                "TOPEKA, Kan. - May 13 - The bank",
                ("Topeka", Some("Kan."), None, md(5, 13), "The bank"),
            ),
            (
                "missing_comma_before_state",
                "HARTFORD Conn., May 9 - Insurers",
                ("Hartford", Some("Conn."), None, md(5, 9), "Insurers"),
            ),
            (
                "caps_lock_slip_in_place",
                "CULVER City, Calif, May 3 - The studio",
                ("Culver City", Some("Calif"), None, md(5, 3), "The studio"),
            ),
            (
                "region_then_comma_then_dash",
                "AUSTIN, Texas, - The state",
                ("Austin", Some("Texas"), None, NO_DATE, "The state"),
            ),
            (
                "dateline_is_whole_paragraph",
                "PARIS (AFP) -",
                ("Paris", None, Some("AFP"), NO_DATE, ""),
            ),
        ];
        check(cases);
    }

    #[test]
    fn russian_french_german_spanish_datelines_parse() {
        let cases: &[(&str, &str, Want)] = &[
            (
                "tass_in_russian",
                "МОСКВА, 21 января. /ТАСС/. Министр заявил",
                ("Москва", None, Some("TASS"), md(1, 21), "Министр заявил"),
            ),
            (
                "itar_tass_in_russian",
                "САНКТ-ПЕТЕРБУРГ, 3 марта. /ИТАР-ТАСС/. Текст",
                (
                    "Санкт-Петербург",
                    None,
                    Some("ITAR-TASS"),
                    md(3, 3),
                    "Текст",
                ),
            ),
            (
                "tass_correspondent",
                "ТОКИО, 14 мая. /Корр. ТАСС Екатерина Плотникова/. Текст",
                ("Токио", None, Some("TASS"), md(5, 14), "Текст"),
            ),
            (
                "tass_region_in_russian",
                "НОВО-ОГАРЕВО /Московская область/, 2 июня. /ТАСС/. Текст",
                (
                    "Ново-Огарево",
                    Some("Московская область"),
                    Some("TASS"),
                    md(6, 2),
                    "Текст",
                ),
            ),
            (
                "particle_na",
                "РОСТОВ-НА-ДОНУ, 9 октября. /ТАСС/. Текст",
                ("Ростов-на-Дону", None, Some("TASS"), md(10, 9), "Текст"),
            ),
            (
                "ria_credit_after_dash",
                "МОСКВА, 21 янв — РИА Новости. Текст",
                ("Москва", None, Some("RIA Novosti"), md(1, 21), "Текст"),
            ),
            (
                "ria_lower_case_with_correspondent",
                "магас, 1 дек\u{a0}— риа новости, адам буражев. текст",
                ("Магас", None, Some("RIA Novosti"), md(12, 1), "текст"),
            ),
            (
                "ria_hyphen_glued_to_date",
                "москва, 1 дек- риа новости. текст",
                ("Москва", None, Some("RIA Novosti"), md(12, 1), "текст"),
            ),
            (
                "r_sport",
                "москва, 1 дек — р-спорт. текст",
                ("Москва", None, Some("R-Sport"), md(12, 1), "текст"),
            ),
            (
                "interfax_in_parentheses",
                "МОСКВА, 21 января (Интерфакс) - Текст",
                ("Москва", None, Some("Interfax"), md(1, 21), "Текст"),
            ),
            (
                "interfax_full_stops",
                "МОСКВА. 21 января. ИНТЕРФАКС - Текст",
                ("Москва", None, Some("Interfax"), md(1, 21), "Текст"),
            ),
            (
                "interfax_place_in_normal_case",
                "Москва. 21 января. INTERFAX.RU - Текст",
                ("Москва", None, Some("Interfax"), md(1, 21), "Текст"),
            ),
            (
                "afp_in_french",
                "PARIS, 21 janv 2014 (AFP) - Texte",
                (
                    "Paris",
                    None,
                    Some("AFP"),
                    (Some(1), Some(21), Some(2014)),
                    "Texte",
                ),
            ),
            (
                "afp_french_accents",
                "BRUXELLES, 3 févr 2015 (AFP) - Texte",
                (
                    "Bruxelles",
                    None,
                    Some("AFP"),
                    (Some(2), Some(3), Some(2015)),
                    "Texte",
                ),
            ),
            (
                "dpa_in_german",
                "Berlin (dpa) - Text",
                ("Berlin", None, Some("dpa"), NO_DATE, "Text"),
            ),
            (
                "efe_in_spanish",
                "Madrid, 21 ene (EFE).- Texto",
                ("Madrid", None, Some("EFE"), md(1, 21), "Texto"),
            ),
        ];
        check(cases);
    }

    #[test]
    fn agency_table_credits_parse() {
        for &(key, canon) in AGENCIES {
            let input = format!("LIMA ({key}) - Text");
            let got = parse_dateline(&input).map(|d| d.agency);
            assert_eq!(got, Some(Some(canon.to_string())), "credit {key:?}");
        }
    }

    #[test]
    fn capitals_become_normal_case() {
        let cases: &[(&str, &str, &str)] = &[
            (
                "particle_de",
                "RIO DE JANEIRO (Reuters) - x",
                "Rio de Janeiro",
            ),
            (
                "hyphenated_particle",
                "PORT-AU-PRINCE (Reuters) - x",
                "Port-au-Prince",
            ),
            (
                "particle_es",
                "DAR ES SALAAM (Reuters) - x",
                "Dar es Salaam",
            ),
            ("saint_abbreviation", "ST. LOUIS (Reuters) - x", "St. Louis"),
            ("irish_apostrophe", "O'HARE (Reuters) - x", "O'Hare"),
            (
                "apostrophe_first_letter",
                "N'DJAMENA (AFP) - x",
                "N'Djamena",
            ),
            (
                "particle_apostrophe",
                "COEUR D'ALENE (AP) - x",
                "Coeur d'Alene",
            ),
            ("mc_prefix", "MCALLEN, Texas (Reuters) - x", "McAllen"),
            ("particle_first_stays_capital", "LA PAZ (EFE) - x", "La Paz"),
            (
                "particle_upon",
                "STRATFORD-UPON-AVON (Reuters) - x",
                "Stratford-upon-Avon",
            ),
            (
                "particle_am",
                "FRANKFURT AM MAIN (dpa) - x",
                "Frankfurt am Main",
            ),
            (
                "particle_al",
                "RAS AL-KHAIMAH (Reuters) - x",
                "Ras al-Khaimah",
            ),
            ("non_ascii_capitals", "SÃO PAULO (Reuters) - x", "São Paulo"),
            (
                "mixed_case_kept",
                "Rio de Janeiro (dpa) - x",
                "Rio de Janeiro",
            ),
            (
                "lower_case_title_cased",
                "mexico city, may 9 - x",
                "Mexico City",
            ),
        ];
        let mut failures = Vec::new();
        for &(name, input, want) in cases {
            let got = parse_dateline(input).map(|d| d.place);
            if got.as_deref() != Some(want) {
                failures.push(format!("{name}: {input:?} want {want:?} got {got:?}"));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn story_openings_are_not_datelines() {
        let cases: &[(&str, &str)] = &[
            (
                "tass_description",
                "Russia could use Oreshnik again if need be, but the country",
            ),
            (
                "plain_sentence",
                "The president said on Monday that talks would resume.",
            ),
            (
                "photo_credit",
                "WASHINGTON (AP Photo) - President Joe Biden",
            ),
            ("photo_credit_mixed", "Washington (AP Photo) - President"),
            ("credit_without_place", "(Reuters) - The U.S. Senate passed"),
            (
                "correction_note",
                "(In March 3 story, corrects spelling of name in paragraph 4)",
            ),
            (
                "bracketed_topic",
                "Jane Doe (tennis) - Former world number one",
            ),
            (
                "title_words_without_date",
                "Acme Widget Corp - The company said",
            ),
            ("mixed_case_dash_only", "London - The pound"),
            ("date_without_place", "MAY 5 - Prices"),
            (
                "date_without_place_mixed",
                "Feb. 3 (BusinessDesk) - Lenders",
            ),
            ("table_row", "JUL9  --  -- 123"),
            ("number_row", " uk     1.6015 - 1.6025"),
            ("kicker", "EXCLUSIVE - Company plans"),
            ("kicker_with_number", "UPDATE 1 - Stocks fall"),
            ("hyphenated_adjective", "WASHINGTON-based lobby groups said"),
            (
                "sentence_with_comma_and_date",
                "Russia said, March 3 was a holiday.",
            ),
            ("lower_case_needs_date", "overnight 5 1/8 - 5 1/4"),
            ("lower_case_words", "the company said - no"),
            ("caps_heading_glued_to_dash", "LAST CALL—The shop closes"),
            (
                "caps_heading_sentence",
                "SENATE HAS DELAYED THE VOTE — Leaders said",
            ),
            ("caps_label", "ZINC HIGH GRADE A - 1,000 tonnes"),
            (
                "careless_words_with_date",
                "In a letter sent Jan. 5, 2010 — the firm",
            ),
            (
                "mixed_case_date_without_comma",
                "Since March 3 - the firm has",
            ),
            ("particle_at_end", "Position of may 20 - x"),
            ("quote_opening", "\"We will win,\" he said."),
            ("empty", ""),
            ("whitespace_only", "   \n "),
            ("dash_only", " - "),
            ("unterminated_credit", "PARIS (AFP"),
            ("credit_without_separator", "PARIS (AFP) Text"),
            (
                "tass_credit_glued_to_text",
                "MOSCOW, January 21. /TASS/.Text",
            ),
        ];
        let mut failures = Vec::new();
        for &(name, input) in cases {
            if let Some(d) = parse_dateline(input) {
                failures.push(format!("{name}: {input:?} parsed as {d:?}"));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn odd_input_never_panics_and_end_is_a_boundary() {
        let inputs = [
            "É",
            "ÉÉÉ, Ñov 3 - x",
            "MOSCOW, January 21. /",
            "MOSCOW, January 21. /TASS",
            "MOSCOW /ЛЕНИНГРАД/, May 3 - x",
            "МОСКВА, 21 января. /ТАСС/. Текст",
            "東京 (Kyodo) - 本文",
            "LONDON, March 3 (Reuters) —",
            "LONDON, March 3 (Reuters) —é",
            "LONDON, 99999999999999999999 March - x",
            "LONDON, March 99999999999999999999 - x",
            "LONDON, Feb 29, 2023 - x",
            "LONDON, Feb 29, 2024 - x",
            "A, B, C, D, E, F, G, H - x",
            "(",
            "(é",
            "((((((((",
            "/////",
            "X\u{0}Y - z",
            "Z,",
            "Z, 1",
            "Z, Mar",
            "Z, Mar 1st",
            "Z, Mar 1sté - x",
            "Z (AP) ",
        ];
        for input in inputs {
            if let Some(d) = parse_dateline(input) {
                assert!(input.is_char_boundary(d.end), "{input:?} -> {d:?}");
                assert!(d.end <= input.len(), "{input:?} -> {d:?}");
            }
        }
        assert_eq!(
            parse_dateline("LONDON, Feb 29, 2023 - x").map(|d| d.day),
            Some(None),
            "feb_29_in_common_year"
        );
        assert_eq!(
            parse_dateline("LONDON, Feb 29, 2024 - x").map(|d| d.day),
            Some(Some(29)),
            "feb_29_in_leap_year"
        );
    }

    #[test]
    fn feed_credits_name_the_agency_not_its_desk() {
        // (case, credit as the feed gives it, agency)
        let cases = [
            ("known agency", "The Associated Press", "AP"),
            ("desk of an agency", "PA Sport", "PA"),
            ("desk in capitals", "PA SPORT DATA", "PA"),
            ("full name", "Press Association", "PA"),
            ("full name, capitals", "THE CANADIAN PRESS", "CP"),
            (
                "relaying agency's full name",
                "Australian Associated Press",
                "AAP",
            ),
            (
                "service of a known agency",
                "Reuters Breakingviews",
                "Reuters",
            ),
            (
                "two-word agency and its service",
                "Kyodo News Service",
                "Kyodo",
            ),
            (
                "person named like an agency",
                "Ani Petrosyan",
                "Ani Petrosyan",
            ),
            ("unknown credit", "Opta  Sports Data", "Opta Sports Data"),
            ("unknown code", "CL", "CL"),
            ("agency's own-language name", "ΑΠΕ-ΜΠΕ", "ANA-MPA"),
        ];
        for (case, credit, agency) in cases {
            assert_eq!(canonical_agency(credit), agency, "{case}");
        }
    }

    #[test]
    fn datelines_without_a_city_still_date_and_credit() {
        // (case, paragraph, (month, day, year, agency, text after) or None)
        type Expected = Option<(
            Option<u32>,
            Option<u32>,
            Option<i32>,
            Option<&'static str>,
            &'static str,
        )>;
        let cases: [(&str, &str, Expected); 11] = [
            (
                "date and agency",
                "Jan 30 (Reuters) - Shares rose.",
                Some((Some(1), Some(30), None, Some("Reuters"), "Shares rose.")),
            ),
            (
                "date with year",
                "April 7, 1987 (AFP) - Talks ended.",
                Some((Some(4), Some(7), Some(1987), Some("AFP"), "Talks ended.")),
            ),
            (
                "abbreviated month",
                "Jan. 12 (Reuters) -- Rates held.",
                Some((Some(1), Some(12), None, Some("Reuters"), "Rates held.")),
            ),
            (
                "agency alone",
                "(Reuters) - A court ruled.",
                Some((None, None, None, Some("Reuters"), "A court ruled.")),
            ),
            (
                "unknown credit after a date",
                "Jan 3 (OPTA) - Results follow.",
                Some((Some(1), Some(3), None, Some("OPTA"), "Results follow.")),
            ),
            (
                "unknown credit alone is a note",
                "(Gracenote) - Results follow.",
                None,
            ),
            (
                "editor's note",
                "(Adds comments, detail) - Gold rose.",
                None,
            ),
            (
                "note after a date",
                "Jan 3 (adds detail) - Gold rose.",
                None,
            ),
            ("no separator", "Jan 30 (Reuters) Shares rose.", None),
            (
                "a sentence opening with a date",
                "Jan 30 was the coldest day.",
                None,
            ),
            (
                "a city dateline is not cityless",
                "LONDON, Jan 30 (Reuters) - Shares rose.",
                None,
            ),
        ];
        for (case, paragraph, expected) in cases {
            let found = parse_cityless_dateline(paragraph);
            let got = found.as_ref().map(|d| {
                (
                    d.month,
                    d.day,
                    d.year,
                    d.agency.as_deref(),
                    &paragraph[d.end..],
                )
            });
            assert_eq!(got, expected, "{case}");
            assert!(found.is_none_or(|d| d.place.is_empty()), "{case}");
        }
    }
}
