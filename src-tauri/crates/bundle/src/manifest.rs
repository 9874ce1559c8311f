//! `manifest.json`: what a bundle says about itself, and the format versions this
//! build reads.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The value of `format` in every manifest; anything else is not a Persona Studio bundle.
pub const FORMAT_NAME: &str = "persona-studio-bundle";

/// The format version this build writes, and the newest it reads.
pub const FORMAT_VERSION: FormatVersion = FormatVersion { major: 1, minor: 0 };

/// The path of the manifest inside the zip.
pub const MANIFEST_PATH: &str = "manifest.json";

/// A bundle format version, written `"major.minor"`.
///
/// A reader refuses a newer *major* version. A newer *minor* version of a known major
/// may only add optional JSON fields, which older readers ignore; new kinds of entries
/// need a new major version.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, TS)]
#[ts(export, type = "string")]
pub struct FormatVersion {
    pub major: u32,
    pub minor: u32,
}

impl fmt::Display for FormatVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.major, self.minor)
    }
}

impl FromStr for FormatVersion {
    type Err = ();

    /// Parses `"1.0"`: two decimal numbers without signs, spaces or leading `+`.
    fn from_str(s: &str) -> Result<Self, ()> {
        let (major, minor) = s.split_once('.').ok_or(())?;
        let number = |t: &str| {
            if t.is_empty() || t.len() > 9 || !t.bytes().all(|b| b.is_ascii_digit()) {
                return Err(());
            }
            t.parse::<u32>().map_err(|_| ())
        };
        Ok(FormatVersion {
            major: number(major)?,
            minor: number(minor)?,
        })
    }
}

impl Serialize for FormatVersion {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for FormatVersion {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        text.parse()
            .map_err(|_| serde::de::Error::custom(format!("'{text}' is not a version like 1.0")))
    }
}

/// What a bundle holds, as chosen when it was written. It only tells the reader what
/// to expect ("a project", "two personas"); the contents decide what is imported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    /// One persona.
    Persona,
    /// Some personas chosen by the user.
    Selection,
    /// A whole project: its brand and all its personas.
    Project,
}

/// One file in the bundle other than the manifest itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContentEntry {
    /// The entry's path inside the zip, e.g. `personas/<id>.json`.
    pub path: String,
    /// Its uncompressed size in bytes.
    pub size: u64,
    /// The lowercase hex SHA-256 of its uncompressed bytes.
    pub sha256: String,
}

/// The typed `manifest.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    /// Always [`FORMAT_NAME`].
    pub format: String,
    /// The format version the bundle was written in.
    pub format_version: FormatVersion,
    /// The version of Persona Studio that wrote it; informative only.
    pub app_version: String,
    /// What was exported.
    pub scope: Scope,
    /// Every other entry of the zip, sorted by path.
    pub contents: Vec<ContentEntry>,
}

/// A bundle as raw entries, before any document is typed: what format migrations
/// work on, so that a step can rename entries or rewrite documents of an older format.
#[derive(Debug, Clone)]
pub(crate) struct RawBundle {
    pub manifest: serde_json::Value,
    /// Path → bytes, every entry except the manifest.
    pub entries: std::collections::BTreeMap<String, Vec<u8>>,
    /// The size of the manifest as found, for the inspection's totals.
    pub manifest_bytes: u64,
}

/// One migration step: lifts a bundle of version `from` to the next version in
/// [`MIGRATIONS`]. Steps run in order until the bundle reaches [`FORMAT_VERSION`].
pub(crate) struct Migration {
    pub from: FormatVersion,
    pub to: FormatVersion,
    pub apply: fn(&mut RawBundle),
}

/// Every step from an older format to a newer one. Format 1.0 is the first, so there
/// is none yet; a future 1.1 or 2.0 adds `Migration { from: 1.0, to: …, apply }` here
/// and the fixtures under `tests/fixtures/` prove old files still open.
pub(crate) const MIGRATIONS: &[Migration] = &[];

/// Brings `raw` from `found` up to [`FORMAT_VERSION`]. Versions of the current major
/// that no step mentions need nothing (minor versions only add optional fields).
pub(crate) fn migrate(raw: &mut RawBundle, found: FormatVersion) -> FormatVersion {
    let mut version = found;
    for step in MIGRATIONS {
        if step.from == version {
            (step.apply)(raw);
            version = step.to;
        }
    }
    if version.major == FORMAT_VERSION.major {
        version = version.max(FORMAT_VERSION);
    }
    if let Some(obj) = raw.manifest.as_object_mut() {
        obj.insert(
            "format_version".into(),
            serde_json::Value::String(version.to_string()),
        );
    }
    version
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_parse_strictly() {
        assert_eq!(
            "1.0".parse::<FormatVersion>(),
            Ok(FormatVersion { major: 1, minor: 0 })
        );
        assert_eq!(
            "12.34".parse::<FormatVersion>(),
            Ok(FormatVersion {
                major: 12,
                minor: 34
            })
        );
        for bad in [
            "",
            "1",
            "1.",
            ".1",
            "1.0.0",
            "+1.0",
            "1.-0",
            " 1.0",
            "a.b",
            "99999999999.0",
        ] {
            assert!(bad.parse::<FormatVersion>().is_err(), "{bad:?}");
        }
    }

    #[test]
    fn versions_order_by_major_then_minor() {
        let v = |s: &str| s.parse::<FormatVersion>().unwrap();
        assert!(v("1.10") > v("1.9"));
        assert!(v("2.0") > v("1.99"));
    }
}
