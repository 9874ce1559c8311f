//! The bounds every read of a bundle or a persona JSON file is held to.
//!
//! A `.persona` file comes from someone else's machine, so every size it declares is
//! treated as a claim to check, never as a number to allocate by. The defaults are
//! far above what a real project needs (a project of a hundred personas with photos is
//! a few megabytes) and far below what would hurt the machine reading it.

use serde::Serialize;

/// Limits applied while reading. [`Limits::default`] is what the app and the CLI use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Limits {
    /// Largest bundle file accepted, in bytes, before anything inside is looked at.
    pub max_file_bytes: u64,
    /// Largest sum of the uncompressed sizes of all entries, in bytes.
    pub max_total_bytes: u64,
    /// Most entries (files) in the zip.
    pub max_entries: usize,
    /// Largest uncompressed entry of any kind, in bytes.
    pub max_entry_bytes: u64,
    /// Largest uncompressed-to-compressed ratio of one entry…
    pub max_compression_ratio: u64,
    /// …checked only once an entry has grown past this many bytes, because tiny files
    /// (a short JSON document) can legitimately compress very well.
    pub ratio_floor_bytes: u64,
    /// Largest JSON document (manifest, persona, template, project, evidence), in bytes.
    pub max_json_bytes: u64,
    /// Deepest nesting of arrays and objects in a JSON document.
    pub max_json_depth: usize,
    /// Largest image, in pixels (width × height), read from its header without decoding.
    pub max_image_pixels: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_file_bytes: 256 * MIB,
            max_total_bytes: 512 * MIB,
            max_entries: 4096,
            max_entry_bytes: 64 * MIB,
            max_compression_ratio: 100,
            ratio_floor_bytes: MIB,
            max_json_bytes: 4 * MIB,
            max_json_depth: 64,
            // 8000 × 5000: a large camera photo; decoded as RGBA it is 160 MB.
            max_image_pixels: 40_000_000,
        }
    }
}

const MIB: u64 = 1024 * 1024;
