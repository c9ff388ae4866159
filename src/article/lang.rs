//! The language an article is written in, as an ISO 639-1 code (`ru`, `en`, `fr`, `de`, `es`).
//! The feed's own declaration (`xml:lang`, a `language` field) wins; else the text decides,
//! through `whichlang` (quickwit's linear model over character n-grams: no dependencies, a few
//! microseconds per article, 16 languages including every one the wires here write in). Pure
//! text in, a code out; no I/O.

/// How much of the story the detector reads: the lead says what language the story is in, and
/// reading more costs ingest time for nothing (2,000 bytes cost Reuters-21578's ingest 10%;
/// 400 bytes, a lead sentence or two, still tell ru, en, fr, de and es apart in the tests).
const SAMPLE_BYTES: usize = 400;

/// The article's language: the feed's declaration when it names a language, else detected from
/// the headline and the start of the body. `None` when there are no letters to go on.
///
/// ```
/// use wiredex::article::lang::language;
/// assert_eq!(language(None, "Нефть дорожает", "Цены на нефть выросли на 2%."), Some("ru".into()));
/// assert_eq!(language(Some("fr-FR"), "Oil", "Oil prices rose."), Some("fr".into()));
/// ```
pub fn language(declared: Option<&str>, headline: &str, body: &str) -> Option<String> {
    if let Some(code) = declared.and_then(declared_code) {
        return Some(code);
    }
    // The body's lead, or the headline when the body has no letters.
    let sample = [body, headline]
        .into_iter()
        .map(|text| {
            let mut end = text.len().min(SAMPLE_BYTES);
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            &text[..end]
        })
        .find(|sample| sample.chars().any(char::is_alphabetic))?;
    Some(two_letter(whichlang::detect_language(sample)).to_string())
}

/// The ISO 639-1 code of a feed's declaration: `ru`, `ru-RU`, `en_US`, `rus`, `Russian`,
/// `русский`; `None` for what names no language we know.
pub fn declared_code(declared: &str) -> Option<String> {
    let lower = declared.trim().to_lowercase();
    let primary = lower.split(['-', '_']).next().unwrap_or("");
    let named = match primary {
        "russian" | "русский" | "rus" => Some("ru"),
        "english" | "eng" => Some("en"),
        "french" | "français" | "francais" | "fra" | "fre" => Some("fr"),
        "german" | "deutsch" | "deu" | "ger" => Some("de"),
        "spanish" | "español" | "espanol" | "spa" => Some("es"),
        _ => None,
    };
    if let Some(code) = named {
        return Some(code.to_string());
    }
    (primary.len() == 2 && primary.bytes().all(|b| b.is_ascii_lowercase()))
        .then(|| primary.to_string())
}

/// ISO 639-1 for the detector's languages.
fn two_letter(lang: whichlang::Lang) -> &'static str {
    use whichlang::Lang;
    match lang {
        Lang::Ara => "ar",
        Lang::Cmn => "zh",
        Lang::Deu => "de",
        Lang::Eng => "en",
        Lang::Fra => "fr",
        Lang::Hin => "hi",
        Lang::Ita => "it",
        Lang::Jpn => "ja",
        Lang::Kor => "ko",
        Lang::Nld => "nl",
        Lang::Por => "pt",
        Lang::Rus => "ru",
        Lang::Spa => "es",
        Lang::Swe => "sv",
        Lang::Tur => "tr",
        Lang::Vie => "vi",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_languages_are_detected_from_the_lead() {
        let cases = [
            (
                "ru",
                "Глава МИД провел переговоры",
                "Министр иностранных дел заявил журналистам, что переговоры прошли конструктивно.",
            ),
            (
                "en",
                "Minister holds talks",
                "The foreign minister told reporters the talks had been constructive.",
            ),
            (
                "fr",
                "Le ministre tient des discussions",
                "Le ministre des affaires étrangères a déclaré que les discussions avaient été constructives.",
            ),
            (
                "de",
                "Minister führt Gespräche",
                "Der Außenminister sagte den Journalisten, die Gespräche seien konstruktiv gewesen.",
            ),
            (
                "es",
                "El ministro mantiene conversaciones",
                "El ministro de Asuntos Exteriores dijo a los periodistas que las conversaciones fueron constructivas.",
            ),
        ];
        for (want, headline, body) in cases {
            assert_eq!(
                language(None, headline, body).as_deref(),
                Some(want),
                "{body}"
            );
        }
    }

    #[test]
    fn the_feed_declaration_wins() {
        let cases = [
            ("ru-RU", Some("ru")),
            ("en_GB", Some("en")),
            ("Russian", Some("ru")),
            ("deu", Some("de")),
            ("x-klingon", None),
            ("", None),
        ];
        for (declared, want) in cases {
            assert_eq!(declared_code(declared).as_deref(), want, "{declared:?}");
        }
        assert_eq!(
            language(Some("de"), "Oil", "Oil prices rose.").as_deref(),
            Some("de")
        );
        assert_eq!(language(None, "", "12 34 …"), None);
    }

    #[test]
    fn a_sample_ends_on_a_char_boundary() {
        let body = "ж".repeat(3000);
        assert_eq!(language(None, "", &body).as_deref(), Some("ru"));
    }
}
