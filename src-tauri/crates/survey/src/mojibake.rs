//! Repair of text that was decoded wrongly once and saved again: UTF-8 read
//! as Windows-1252 ("Cách tạo hồ sơ" → "CÃ¡ch táº¡o há»“ sÆ¡"). The damage is
//! undone run by run, so correctly decoded text in the same string is left
//! alone. Windows-1252 has five undefined bytes (0x81, 0x8D, 0x8F, 0x90,
//! 0x9D) that the first mis-decoding usually dropped; where exactly one such
//! byte is missing the most likely one is guessed, and the repair says so.

use std::sync::OnceLock;

use encoding_rs::WINDOWS_1252;

/// A repaired string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Repaired {
    /// The repaired text.
    pub text: String,
    /// Whether a lost byte had to be guessed somewhere in it.
    pub guessed: bool,
}

/// The bytes Windows-1252 leaves undefined, in the order we try them when
/// one was lost: by how often the resulting letters occur in Vietnamese,
/// the language where this damage is most common (ọ, ờ, ề, ỏ, Đ).
const LOST_BYTES: [u8; 5] = [0x8D, 0x9D, 0x81, 0x8F, 0x90];

/// What Windows-1252 decodes bytes 0x80–0x9F to.
fn c1_table() -> &'static [char; 32] {
    static TABLE: OnceLock<[char; 32]> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = ['\u{0}'; 32];
        for (i, slot) in table.iter_mut().enumerate() {
            let byte = [0x80 + i as u8];
            let (text, _) = WINDOWS_1252.decode_without_bom_handling(&byte);
            *slot = text.chars().next().unwrap_or('\u{FFFD}');
        }
        table
    })
}

/// The Windows-1252 byte (≥ 0x80) that decodes to `c`, if any.
fn high_byte(c: char) -> Option<u8> {
    match c as u32 {
        0xA0..=0xFF => Some(c as u32 as u8),
        0x80..=0x9F => Some(c as u32 as u8),
        _ => c1_table()
            .iter()
            .position(|&t| t == c)
            .map(|i| 0x80 + i as u8),
    }
}

fn utf8_len(lead: u8) -> usize {
    match lead {
        0xC2..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF4 => 4,
        _ => 0,
    }
}

fn is_vietnamese_letter(c: char) -> bool {
    ('\u{1EA0}'..='\u{1EF9}').contains(&c) || "ĐđƠơƯư".contains(c)
}

/// Repairs `s` if it contains mojibake; `None` when there is nothing to
/// repair (the common case, decided without allocating for ASCII).
pub fn repair(s: &str) -> Option<Repaired> {
    if s.is_ascii() {
        return None;
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut certain = 0usize;
    let mut guessed = 0usize;
    // Two-byte guesses ("Ä" + lost byte) are only trusted when the string
    // has proven damage elsewhere: a lone "Ä" is ordinary German.
    let mut pending_two_byte: Vec<(usize, String, String)> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let Some(_) = high_byte(chars[i]) else {
            out.push(chars[i]);
            i += 1;
            continue;
        };
        let start = i;
        let mut bytes = Vec::new();
        while i < chars.len() {
            match high_byte(chars[i]) {
                Some(b) => bytes.push(b),
                None => break,
            }
            i += 1;
        }
        let run: String = chars[start..i].iter().collect();
        let (fixed, c, g2, g3) = repair_run(&bytes, &run);
        certain += c;
        guessed += g3;
        if g2 > 0 {
            pending_two_byte.push((out.len(), run.clone(), fixed.clone()));
            out.push_str(&run);
        } else {
            out.push_str(&fixed);
        }
    }
    if certain > 0 && !pending_two_byte.is_empty() {
        // Apply the held-back two-byte guesses, from the end so the
        // recorded offsets stay valid.
        for (at, run, fixed) in pending_two_byte.into_iter().rev() {
            out.replace_range(at..at + run.len(), &fixed);
            guessed += 1;
        }
    }
    if certain == 0 && guessed == 0 {
        return None;
    }
    Some(Repaired {
        text: out,
        guessed: guessed > 0,
    })
}

/// Repairs one run of high bytes. Returns the text, the number of certain
/// repairs, of two-byte guesses and of three/four-byte guesses.
fn repair_run(bytes: &[u8], run: &str) -> (String, usize, usize, usize) {
    let run_chars: Vec<char> = run.chars().collect();
    let mut out = String::new();
    let (mut certain, mut g2, mut g3) = (0, 0, 0);
    let mut j = 0;
    while j < bytes.len() {
        let need = utf8_len(bytes[j]);
        if need > 0 && j + need <= bytes.len() {
            if let Ok(decoded) = std::str::from_utf8(&bytes[j..j + need]) {
                out.push_str(decoded);
                certain += 1;
                j += need;
                continue;
            }
        }
        // One byte of the sequence may have been lost: the bytes present
        // are the lead and continuations up to the run's end.
        let present = bytes[j..]
            .iter()
            .skip(1)
            .take_while(|b| (0x80..=0xBF).contains(*b))
            .count()
            + 1;
        if need > 0 && present == need - 1 && (need == 2 || present >= 2) {
            if let Some(c) = guess_lost(&bytes[j..j + present]) {
                out.push(c);
                if need == 2 {
                    g2 += 1;
                } else {
                    g3 += 1;
                }
                j += present;
                continue;
            }
        }
        out.push(run_chars[j]);
        j += 1;
    }
    (out, certain, g2, g3)
}

/// Appends each possibly-lost byte and keeps the best decoded letter.
fn guess_lost(prefix: &[u8]) -> Option<char> {
    let mut best: Option<(u8, char)> = None;
    for (rank, &lost) in LOST_BYTES.iter().enumerate() {
        let mut candidate = prefix.to_vec();
        candidate.push(lost);
        let Ok(s) = std::str::from_utf8(&candidate) else {
            continue;
        };
        let Some(c) = s.chars().next() else { continue };
        if !c.is_alphabetic() {
            continue;
        }
        let score = if is_vietnamese_letter(c) { 20u8 } else { 10 } - rank as u8;
        if best.is_none_or(|(s, _)| score > s) {
            best = Some((score, c));
        }
    }
    best.map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repairs_vietnamese_example_from_the_issue() {
        let r = repair("CÃ¡ch táº¡o há»“ sÆ¡").unwrap();
        assert_eq!(r.text, "Cách tạo hồ sơ");
        assert!(!r.guessed);
    }

    #[test]
    fn leaves_correct_text_alone() {
        assert_eq!(repair("Cách tạo hồ sơ"), None);
        assert_eq!(repair("Äpfel und Birnen"), None);
        assert_eq!(repair("plain"), None);
        assert_eq!(repair("Trên thị trường"), None);
    }

    #[test]
    fn mixed_text_repairs_only_damaged_runs() {
        // From the literature sample: some words survived, some did not.
        let r = repair("Thiết lập cá»\u{AD}a hàng trá»±c tuyến").unwrap();
        assert_eq!(r.text, "Thiết lập cửa hàng trực tuyến");
    }

    #[test]
    fn guesses_lost_bytes_and_says_so() {
        // "Mọi" lost its 0x8D; "Đã đọc" lost the 0x90 of Đ and 0x8D of ọ.
        let r = repair("Má»i thứ").unwrap();
        assert_eq!(r.text, "Mọi thứ");
        assert!(r.guessed);
        let r = repair("Äã Ä‘á»c 20 phút").unwrap();
        assert_eq!(r.text, "Đã đọc 20 phút");
        assert!(r.guessed);
    }
}
