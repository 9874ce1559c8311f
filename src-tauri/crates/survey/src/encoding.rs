//! Text encoding: detection (BOM, UTF-16 without BOM, UTF-8, then chardetng
//! refined by our own scoring between look-alike single-byte encodings) and
//! decoding with encoding_rs.

use std::borrow::Cow;

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{
    Encoding, IBM866, KOI8_R, KOI8_U, MACINTOSH, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1250,
    WINDOWS_1251, WINDOWS_1252, WINDOWS_1257, X_MAC_CYRILLIC,
};

use crate::error::SurveyError;

/// How much of the file chardetng looks at: enough for a confident guess,
/// bounded so a huge file does not cost a second full pass.
const DETECT_SAMPLE: usize = 1 << 20;

/// Text decoded from a file, with what was learned about its encoding.
#[derive(Debug)]
pub struct Decoded<'a> {
    /// The text, without any byte-order mark. Borrowed when the file was
    /// valid UTF-8 already.
    pub text: Cow<'a, str>,
    /// The encoding used.
    pub encoding: &'static Encoding,
    /// Whether the file started with a byte-order mark.
    pub bom: bool,
    /// Whether some bytes were invalid and replaced by U+FFFD.
    pub had_errors: bool,
}

/// Looks up an encoding by any WHATWG label ("cp1251", "macintosh",
/// "x-mac-cyrillic", "gbk", "utf-16le", …).
pub fn encoding_for_label(label: &str) -> Result<&'static Encoding, SurveyError> {
    Encoding::for_label(label.trim().as_bytes()).ok_or_else(|| SurveyError::UnknownEncoding {
        label: label.to_string(),
    })
}

/// Decodes `bytes`, detecting the encoding unless `forced` names one.
pub fn decode<'a>(
    bytes: &'a [u8],
    forced: Option<&'static Encoding>,
) -> Result<Decoded<'a>, SurveyError> {
    let bom = Encoding::for_bom(bytes);
    let encoding = match forced {
        Some(enc) => enc,
        None => detect(bytes),
    };
    let (body, has_bom) = match bom {
        Some((bom_enc, len)) if bom_enc == encoding => (&bytes[len..], true),
        _ => (bytes, false),
    };
    if encoding != UTF_16LE && encoding != UTF_16BE {
        reject_binary(body)?;
    }
    let (text, had_errors) = encoding.decode_without_bom_handling(body);
    Ok(Decoded {
        text,
        encoding,
        bom: has_bom,
        had_errors,
    })
}

/// Guesses the encoding of `bytes`. Never fails: the fallback is
/// windows-1252, which decodes any byte.
pub fn detect(bytes: &[u8]) -> &'static Encoding {
    if let Some((enc, _)) = Encoding::for_bom(bytes) {
        return enc;
    }
    if let Some(enc) = utf16_without_bom(bytes) {
        return enc;
    }
    if is_utf8(bytes) {
        return UTF_8;
    }
    let sample = &bytes[..bytes.len().min(DETECT_SAMPLE)];
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(sample, sample.len() == bytes.len());
    let guess = detector.guess(None, Utf8Detection::Allow);
    if is_cyrillic_family(guess) {
        return best_cyrillic(sample);
    }
    // With only a handful of non-ASCII bytes (StarWars.csv has two)
    // chardetng's pick among the Latin code pages is close to arbitrary;
    // Excel for Mac's "CSV" is Mac OS Roman, so its evidence is weighed
    // there too. Real Central European text has far more than four.
    let high = sample.iter().filter(|b| !b.is_ascii()).count();
    let latin = guess == WINDOWS_1252 || (guess == WINDOWS_1250 && high <= 4);
    if latin && mac_roman_evidence(sample) {
        return MACINTOSH;
    }
    if guess == WINDOWS_1250 || guess == WINDOWS_1257 {
        return baltic_or_central(sample, guess);
    }
    guess
}

/// Valid UTF-8, tolerating a multi-byte character cut by the end of the
/// file (exports truncated by size limits end that way).
fn is_utf8(bytes: &[u8]) -> bool {
    match std::str::from_utf8(bytes) {
        Ok(_) => true,
        Err(e) => e.error_len().is_none() && e.valid_up_to() + 4 > bytes.len(),
    }
}

/// Excel's "Unicode text" and some Qualtrics TSVs are UTF-16; a BOM is usual
/// but not certain. ASCII-heavy UTF-16 has a zero in every other byte.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(4096) & !1];
    if sample.len() < 4 {
        return None;
    }
    let pairs = sample.len() / 2;
    let even_zero = sample.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_zero = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|&&b| b == 0)
        .count();
    if odd_zero * 10 >= pairs * 4 && even_zero * 20 < pairs {
        Some(UTF_16LE)
    } else if even_zero * 10 >= pairs * 4 && odd_zero * 20 < pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Refuses bytes that cannot be text: a NUL, or many control characters.
pub(crate) fn reject_binary(bytes: &[u8]) -> Result<(), SurveyError> {
    let sample = &bytes[..bytes.len().min(64 * 1024)];
    let mut controls = 0usize;
    let mut first: Option<(usize, u8)> = None;
    for (i, &b) in sample.iter().enumerate() {
        let control = b == 0 || (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0b | 0x0c));
        if control {
            if b == 0 {
                return Err(SurveyError::Binary {
                    offset: i as u64,
                    byte: b,
                });
            }
            controls += 1;
            first.get_or_insert((i, b));
        }
    }
    match first {
        Some((offset, byte)) if controls * 100 > sample.len() => Err(SurveyError::Binary {
            offset: offset as u64,
            byte,
        }),
        _ => Ok(()),
    }
}

fn is_cyrillic_family(enc: &'static Encoding) -> bool {
    [WINDOWS_1251, KOI8_R, KOI8_U, IBM866, X_MAC_CYRILLIC].contains(&enc)
        || enc.name() == "ISO-8859-5"
}

/// chardetng tells Cyrillic from Latin well but does not always pick the
/// right one of the Cyrillic code pages (MacCyrillic in particular). Each
/// candidate is scored by how Russian-like its decoding is.
fn best_cyrillic(sample: &[u8]) -> &'static Encoding {
    let candidates = [WINDOWS_1251, KOI8_R, X_MAC_CYRILLIC, IBM866];
    let mut best = (WINDOWS_1251, i64::MIN);
    for enc in candidates {
        let (text, _) = enc.decode_without_bom_handling(sample);
        let score = russian_score(&text);
        if score > best.1 {
            best = (enc, score);
        }
    }
    best.0
}

/// Relative frequency (per mille, rounded) of Russian letters in ordinary
/// text; the basis of [`russian_score`].
fn russian_letter_weight(lower: char) -> i64 {
    match lower {
        'о' => 110,
        'е' => 85,
        'а' => 80,
        'и' => 74,
        'н' => 67,
        'т' => 63,
        'с' => 55,
        'р' => 47,
        'в' => 45,
        'л' => 44,
        'к' => 35,
        'м' => 32,
        'д' => 30,
        'п' => 28,
        'у' => 26,
        'я' => 20,
        'ы' => 19,
        'ь' => 17,
        'г' => 17,
        'з' => 16,
        'б' => 16,
        'ч' => 14,
        'й' => 12,
        'х' => 10,
        'ж' => 9,
        'ш' => 7,
        'ю' => 6,
        'ц' => 5,
        'щ' => 4,
        'э' => 3,
        'ф' => 3,
        'ъ' => 1,
        'ё' => 1,
        _ => 0,
    }
}

/// Scores how much `text` reads like Russian: frequent letters score high,
/// a capital inside a word or a stray symbol costs a lot (wrong code pages
/// swap case ranges or map letters to box-drawing and Latin-1 symbols).
pub(crate) fn russian_score(text: &str) -> i64 {
    let mut score = 0i64;
    let mut prev_lower_cyr = false;
    for c in text.chars() {
        let cyr = ('\u{0400}'..='\u{04FF}').contains(&c);
        if cyr {
            let lower = c.to_lowercase().next().unwrap_or(c);
            score += russian_letter_weight(lower).max(1);
            if c.is_uppercase() && prev_lower_cyr {
                score -= 150;
            }
        } else if !c.is_ascii() && !"«»—–“”„№…’‘".contains(c) {
            score -= 60;
        }
        prev_lower_cyr = cyr && c.is_lowercase();
    }
    score
}

/// Letters of the Baltic languages Windows-1257 was made for.
const BALTIC_LETTERS: &str = "ąčęėįšųūžĄČĘĖĮŠŲŪŽāēģīķļņōŗĀĒĢĪĶĻŅŌŖõäöüÕÄÖÜ";
/// Letters of the Central European languages of Windows-1250.
const CENTRAL_LETTERS: &str =
    "ąćęłńóśźżĄĆĘŁŃÓŚŹŻčďěňřšťůžČĎĚŇŘŠŤŮŽáéíúýÁÉÍÚÝőűŐŰĺľŕĹĽŔăâîșțĂÂÎȘȚäöüÄÖÜ";

/// chardetng often takes short Lithuanian text in Windows-1257 for
/// Windows-1250; the two place their letters differently, so whichever
/// decodes more of the non-ASCII characters as letters of its own
/// languages wins (ties keep chardetng's guess).
fn baltic_or_central(sample: &[u8], guess: &'static Encoding) -> &'static Encoding {
    let share = |enc: &'static Encoding, letters: &str| -> (usize, usize) {
        let (text, _) = enc.decode_without_bom_handling(sample);
        let non_ascii = text.chars().filter(|c| !c.is_ascii()).count();
        let hits = text.chars().filter(|c| letters.contains(*c)).count();
        (hits, non_ascii.max(1))
    };
    let (b, bn) = share(WINDOWS_1257, BALTIC_LETTERS);
    let (c, cn) = share(WINDOWS_1250, CENTRAL_LETTERS);
    // Compare b/bn with c/cn without floating point.
    match (b * cn).cmp(&(c * bn)) {
        std::cmp::Ordering::Greater => WINDOWS_1257,
        std::cmp::Ordering::Less => WINDOWS_1250,
        std::cmp::Ordering::Equal => guess,
    }
}

/// Mac OS Roman and Windows-1252 agree on ASCII and disagree above it.
/// Windows-1252 text uses 0x80–0x9F almost only for punctuation (quotes,
/// dashes, ellipsis, euro, trade mark); Mac OS Roman puts accented
/// lowercase letters there and its quotes and dashes at 0xD0–0xD5.
fn mac_roman_evidence(sample: &[u8]) -> bool {
    let mut mac = 0usize;
    let mut win = 0usize;
    for (i, &b) in sample.iter().enumerate() {
        match b {
            0x80 | 0x85 | 0x91..=0x97 | 0x99 => win += 1,
            0x81..=0x9f => mac += 1,
            0xd0..=0xd5 => {
                let prev_ascii = i == 0 || sample[i - 1].is_ascii();
                let next_ascii = sample.get(i + 1).is_none_or(|n| n.is_ascii());
                if prev_ascii && next_ascii {
                    mac += 1;
                }
            }
            _ => {}
        }
    }
    mac > win
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        let d = decode("a,b\nç,é\n".as_bytes(), None).unwrap();
        assert_eq!(d.encoding, UTF_8);
        assert!(!d.bom);
        assert!(matches!(d.text, Cow::Borrowed(_)));
        let mut with_bom = vec![0xef, 0xbb, 0xbf];
        with_bom.extend_from_slice("x,y\n".as_bytes());
        let d = decode(&with_bom, None).unwrap();
        assert!(d.bom);
        assert_eq!(d.text, "x,y\n");
    }

    #[test]
    fn utf16_le_without_bom_is_detected() {
        let text = "Name\tAge\nAnna\t31\n";
        let bytes: Vec<u8> = text.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        assert_eq!(detect(&bytes), UTF_16LE);
        let bytes: Vec<u8> = text.encode_utf16().flat_map(|u| u.to_be_bytes()).collect();
        assert_eq!(detect(&bytes), UTF_16BE);
        assert_eq!(decode(&bytes, None).unwrap().text, text);
    }

    #[test]
    fn nul_bytes_are_binary() {
        let err = decode(b"abc\x00\x01\x02", None).unwrap_err();
        assert!(matches!(err, SurveyError::Binary { offset: 3, byte: 0 }));
    }

    #[test]
    fn utf8_cut_mid_character_is_still_utf8() {
        let mut bytes = "ответ,да\n".as_bytes().to_vec();
        bytes.extend_from_slice(&"ы".as_bytes()[..1]);
        assert_eq!(detect(&bytes), UTF_8);
    }

    #[test]
    fn labels_resolve() {
        assert_eq!(encoding_for_label("cp1251").unwrap(), WINDOWS_1251);
        assert_eq!(encoding_for_label("macintosh").unwrap(), MACINTOSH);
        assert!(matches!(
            encoding_for_label("klingon"),
            Err(SurveyError::UnknownEncoding { .. })
        ));
    }
}
