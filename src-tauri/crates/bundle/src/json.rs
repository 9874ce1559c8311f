//! JSON documents under limits, and the single-persona JSON exchange format.
//!
//! Every document is checked for size and nesting depth before serde sees it: serde's
//! own recursion guard would stop a deep document too, but only with a generic message
//! and after allocating for every level it entered.

use persona_model::{migrate, Persona};
use serde::Serialize;

use crate::error::{ReadError, WriteError};
use crate::limits::Limits;

/// The entry name used in errors about a standalone persona JSON file.
pub const PERSONA_JSON_ENTRY: &str = "persona.json";

/// Writes one persona as a standalone JSON document (the `persona.schema.json` shape,
/// the same document a bundle holds under `personas/`), for integrations.
///
/// Images are referred to by hash and not included; use a bundle to carry them.
pub fn to_json(persona: &Persona) -> Result<Vec<u8>, WriteError> {
    persona.validate().map_err(|source| WriteError::Invalid {
        what: format!("the persona '{}'", persona.name),
        source,
    })?;
    Ok(pretty(persona))
}

/// Reads a standalone persona JSON document with the same limits as a bundle's
/// documents: size, nesting depth, schema version (older ones are migrated, newer
/// ones refused) and the model's own checks.
pub fn from_json(bytes: &[u8], limits: &Limits) -> Result<Persona, ReadError> {
    check_document(PERSONA_JSON_ENTRY, bytes, limits)?;
    migrate::persona(bytes).map_err(|source| ReadError::InvalidDocument {
        entry: PERSONA_JSON_ENTRY.to_owned(),
        source,
    })
}

/// Pretty JSON with a final newline: stable bytes for the same value, readable diffs.
pub(crate) fn pretty<T: Serialize>(value: &T) -> Vec<u8> {
    // Model values are plain data (strings, numbers, vectors, string-keyed maps), for
    // which serde_json cannot fail; an empty document would be refused on reading.
    let mut out = serde_json::to_vec_pretty(value).unwrap_or_default();
    out.push(b'\n');
    out
}

/// Checks the size and nesting depth of a JSON document without parsing it.
pub(crate) fn check_document(entry: &str, bytes: &[u8], limits: &Limits) -> Result<(), ReadError> {
    let size = bytes.len() as u64;
    if size > limits.max_json_bytes {
        return Err(ReadError::JsonTooLarge {
            entry: entry.to_owned(),
            size,
            limit: limits.max_json_bytes,
        });
    }
    if nesting_depth_exceeds(bytes, limits.max_json_depth) {
        return Err(ReadError::JsonTooDeep {
            entry: entry.to_owned(),
            limit: limits.max_json_depth,
        });
    }
    Ok(())
}

/// Parses a checked document into an untyped value.
pub(crate) fn parse_value(
    entry: &str,
    bytes: &[u8],
    limits: &Limits,
) -> Result<serde_json::Value, ReadError> {
    check_document(entry, bytes, limits)?;
    serde_json::from_slice(bytes).map_err(|e| ReadError::InvalidJson {
        entry: entry.to_owned(),
        reason: e.to_string(),
    })
}

/// True when arrays and objects nest deeper than `max` anywhere in `bytes`. Brackets
/// inside strings do not count. Malformed JSON is left for the parser to refuse.
fn nesting_depth_exceeds(bytes: &[u8], max: usize) -> bool {
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for &b in bytes {
        if in_string {
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > max {
                    return true;
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn depth_ignores_brackets_in_strings() {
        assert!(!nesting_depth_exceeds(br#"{"a": "[[[[[[", "b": [1]}"#, 2));
        assert!(nesting_depth_exceeds(br#"{"a": [[1]]}"#, 2));
        assert!(!nesting_depth_exceeds(br#"{"a": "\"[[[", "b": [[]]}"#, 3));
        assert!(nesting_depth_exceeds(&b"[".repeat(100_000), 64));
    }
}
