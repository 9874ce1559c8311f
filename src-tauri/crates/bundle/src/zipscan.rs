//! A few facts read straight from the zip's end records, before the zip library
//! builds its index: how many entries the archive claims (so a central directory of
//! millions of entries is refused before it is parsed) and which name repeats (the
//! library keeps one entry per name and only reports that some name repeated).
//!
//! Every read here is bounds-checked; a structure that does not add up gives `None`
//! and the zip library then refuses the file with its own reason.

const EOCD_SIG: [u8; 4] = [0x50, 0x4b, 0x05, 0x06];
const ZIP64_LOCATOR_SIG: [u8; 4] = [0x50, 0x4b, 0x06, 0x07];
const ZIP64_EOCD_SIG: [u8; 4] = [0x50, 0x4b, 0x06, 0x06];
const CENTRAL_SIG: [u8; 4] = [0x50, 0x4b, 0x01, 0x02];
/// The end record is 22 bytes plus a comment of at most 65,535 bytes.
const EOCD_SEARCH: usize = 22 + 65_535;

/// The number of entries the last end-of-central-directory record declares, or the
/// zip64 record next to it if that declares more (the zip library may believe either).
pub(crate) fn declared_entries(bytes: &[u8]) -> Option<u64> {
    let eocd = find_eocd(bytes)?;
    let classic = u64::from(u16_at(bytes, eocd + 10)?);
    Some(classic.max(zip64_entries(bytes, eocd).unwrap_or(0)))
}

/// The count in the zip64 end record, found through the locator that sits right
/// before the classic end record.
fn zip64_entries(bytes: &[u8], eocd: usize) -> Option<u64> {
    let locator = eocd.checked_sub(20)?;
    if bytes.get(locator..locator + 4)? != ZIP64_LOCATOR_SIG {
        return None;
    }
    let record = usize::try_from(u64_at(bytes, locator + 8)?).ok()?;
    if bytes.get(record..record.checked_add(4)?)? != ZIP64_EOCD_SIG {
        return None;
    }
    u64_at(bytes, record.checked_add(32)?)
}

/// The first entry name that appears twice in the central directory starting at
/// `start`, reading at most `max` headers.
pub(crate) fn repeated_name(bytes: &[u8], start: u64, max: usize) -> Option<String> {
    let mut pos = usize::try_from(start).ok()?;
    let mut seen = std::collections::BTreeSet::new();
    for _ in 0..max {
        if bytes.get(pos..pos.checked_add(4)?)? != CENTRAL_SIG {
            return None;
        }
        let name_len = usize::from(u16_at(bytes, pos + 28)?);
        let extra_len = usize::from(u16_at(bytes, pos + 30)?);
        let comment_len = usize::from(u16_at(bytes, pos + 32)?);
        let name_start = pos.checked_add(46)?;
        let name = bytes.get(name_start..name_start.checked_add(name_len)?)?;
        if !seen.insert(name) {
            return Some(String::from_utf8_lossy(name).into_owned());
        }
        pos = name_start
            .checked_add(name_len)?
            .checked_add(extra_len)?
            .checked_add(comment_len)?;
    }
    None
}

fn find_eocd(bytes: &[u8]) -> Option<usize> {
    let lowest = bytes.len().saturating_sub(EOCD_SEARCH);
    let last = bytes.len().checked_sub(22)?;
    (lowest..=last)
        .rev()
        .find(|&i| bytes.get(i..i + 4) == Some(&EOCD_SIG[..]))
}

fn u16_at(bytes: &[u8], at: usize) -> Option<u16> {
    let b = bytes.get(at..at.checked_add(2)?)?;
    Some(u16::from_le_bytes([b[0], b[1]]))
}

fn u64_at(bytes: &[u8], at: usize) -> Option<u64> {
    let b = bytes.get(at..at.checked_add(8)?)?;
    let mut a = [0u8; 8];
    a.copy_from_slice(b);
    Some(u64::from_le_bytes(a))
}
