//! Character encodings: turns a file's bytes into text. A byte-order mark decides first (UTF-8,
//! UTF-16 LE/BE), then valid UTF-8, then the encoding the file declares (`<?xml encoding=...?>`,
//! `<meta charset=...>`), then `chardetng`'s guess among the legacy encodings old wire archives
//! use (Windows-1251, Windows-1252, Latin-1, ...). It never fails: undecodable bytes become
//! U+FFFD and the caller is told, so the file is indexed and the damage reported.

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_8};

/// Text decoded from a file, with how it was decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded<'a> {
    /// The text, without any byte-order mark: the bytes themselves when they are UTF-8 (a
    /// large file is not held twice), else a decoded copy.
    pub text: Cow<'a, str>,
    /// The encoding used.
    pub encoding: &'static Encoding,
    /// How the encoding was chosen.
    pub how: Detection,
    /// True when some bytes were invalid in that encoding and became U+FFFD.
    pub replaced: bool,
}

/// How an encoding was chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Detection {
    /// A byte-order mark named it.
    ByteOrderMark,
    /// The bytes are valid UTF-8 (no guess needed).
    Utf8,
    /// The file declares it (XML declaration or HTML meta charset).
    Declared,
    /// `chardetng` guessed it from the bytes.
    Guessed,
}

impl Decoded<'_> {
    /// A note for the index report when decoding was not clean: replacement characters, or a
    /// legacy encoding that had to be guessed.
    pub fn warning(&self) -> Option<String> {
        let name = self.encoding.name();
        if self.replaced {
            Some(format!(
                "decoded as {name} with replacement characters (some bytes were invalid)"
            ))
        } else if self.how == Detection::Guessed {
            Some(format!("not UTF-8: decoded as {name} (detected)"))
        } else {
            None
        }
    }
}

/// True when the bytes start with a UTF-16 byte-order mark (such files contain NUL bytes).
pub fn is_utf16(bytes: &[u8]) -> bool {
    bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF")
}

/// Decodes a whole file.
pub fn decode(bytes: &[u8]) -> Decoded<'_> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let (text, replaced) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        return Decoded {
            text,
            encoding,
            how: Detection::ByteOrderMark,
            replaced,
        };
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Decoded {
            text: Cow::Borrowed(text),
            encoding: UTF_8,
            how: Detection::Utf8,
            replaced: false,
        };
    }
    let (encoding, how) = match declared_encoding(bytes) {
        // A declared UTF-8 that is not valid UTF-8 is a damaged file, not a mislabelled one.
        Some(declared) => (declared, Detection::Declared),
        None if mostly_utf8(bytes) => (UTF_8, Detection::Utf8),
        None => {
            let mut detector =
                chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
            detector.feed(bytes, true);
            (
                detector.guess(None, chardetng::Utf8Detection::Allow),
                Detection::Guessed,
            )
        }
    };
    let (text, replaced) = encoding.decode_without_bom_handling(bytes);
    Decoded {
        text,
        encoding,
        how,
        replaced,
    }
}

/// True when the file holds well-formed multi-byte UTF-8 sequences and only a few invalid
/// bytes (no more than well-formed characters): a UTF-8 file with damage, which a legacy decoding would turn into mojibake throughout.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let mut valid = 0usize;
    let mut invalid = 0usize;
    for chunk in bytes.utf8_chunks() {
        valid += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        if !chunk.invalid().is_empty() {
            invalid += 1;
        }
    }
    valid > 0 && invalid <= valid
}

/// The encoding an XML declaration or HTML `<meta charset>` names in the first kilobyte.
fn declared_encoding(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(1024)];
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    let value_after = |key: &str| -> Option<String> {
        let start = head.find(key)? + key.len();
        let rest = head[start..].trim_start_matches([' ', '=', '"', '\'']);
        let end = rest.find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))?;
        Some(rest[..end].to_string())
    };
    let label = if head.trim_start().starts_with("<?xml") {
        value_after("encoding")
    } else {
        value_after("charset")
    }?;
    let encoding = Encoding::for_label(label.as_bytes())?;
    // Declarations of UTF-16 in a file without a BOM are wrong more often than right.
    (encoding != UTF_8 && encoding.is_ascii_compatible()).then_some(encoding)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodings_are_detected_and_decoded() {
        let cyrillic_1251 = encoding_rs::WINDOWS_1251
            .encode("Москва, 21 января. Министр иностранных дел России заявил, что переговоры продолжатся.")
            .0
            .into_owned();
        let mut utf16le = vec![0xFF, 0xFE];
        utf16le.extend("Tokyo – “quoted”".encode_utf16().flat_map(u16::to_le_bytes));
        let mut utf16be = vec![0xFE, 0xFF];
        utf16be.extend("Tokyo – “quoted”".encode_utf16().flat_map(u16::to_be_bytes));
        let cases: Vec<(&str, Vec<u8>, &str, &str, Detection)> = vec![
            (
                "utf-8",
                "café “q”".into(),
                "café “q”",
                "UTF-8",
                Detection::Utf8,
            ),
            (
                "utf-8 bom",
                b"\xEF\xBB\xBFplain".to_vec(),
                "plain",
                "UTF-8",
                Detection::ByteOrderMark,
            ),
            (
                "utf-16le",
                utf16le,
                "Tokyo – “quoted”",
                "UTF-16LE",
                Detection::ByteOrderMark,
            ),
            (
                "utf-16be",
                utf16be,
                "Tokyo – “quoted”",
                "UTF-16BE",
                Detection::ByteOrderMark,
            ),
            (
                "windows-1252",
                b"caf\xe9 \x93quoted\x94 na\xefve".to_vec(),
                "café “quoted” naïve",
                "windows-1252",
                Detection::Guessed,
            ),
            (
                "windows-1251",
                cyrillic_1251,
                "Москва, 21 января. Министр иностранных дел России заявил, что переговоры продолжатся.",
                "windows-1251",
                Detection::Guessed,
            ),
            (
                "declared latin-1",
                b"<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><p>M\xfcller</p>".to_vec(),
                "<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><p>Müller</p>",
                "windows-1252",
                Detection::Declared,
            ),
        ];
        for (name, bytes, text, encoding, how) in cases {
            let decoded = decode(&bytes);
            assert_eq!(decoded.text, text, "{name}");
            assert_eq!(decoded.encoding.name(), encoding, "{name}");
            assert_eq!(decoded.how, how, "{name}");
            assert!(!decoded.replaced, "{name}");
        }
    }

    #[test]
    fn damaged_utf8_is_decoded_with_replacements_and_reported() {
        let bytes: Vec<u8> = "Zürich café naïve façade — “quoted” \u{2019}s ok "
            .as_bytes()
            .iter()
            .copied()
            .chain([0xFC, b'!'])
            .collect();
        let decoded = decode(&bytes);
        assert!(decoded.replaced);
        assert!(decoded.text.ends_with("ok \u{FFFD}!"), "{}", decoded.text);
        assert_eq!(
            decoded.warning().as_deref(),
            Some("decoded as UTF-8 with replacement characters (some bytes were invalid)")
        );
    }

    #[test]
    fn a_guessed_legacy_encoding_is_reported() {
        let decoded = decode(b"plain ascii with one stray \xfc byte");
        assert_eq!(decoded.how, Detection::Guessed);
        assert!(
            decoded
                .warning()
                .unwrap()
                .starts_with("not UTF-8: decoded as ")
        );
        assert_eq!(decode(b"clean").warning(), None);
    }
}
