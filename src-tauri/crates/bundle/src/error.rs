//! What can go wrong reading or writing a bundle or a persona JSON file.
//!
//! Every variant names the entry that was wrong and the value and limit involved, so
//! that the CLI and the UI can say in one sentence what is wrong with which file.

use persona_model::{AssetHash, ModelError, PersonaId, ProjectId, TemplateId};

use crate::manifest::FormatVersion;

/// Why a bundle (or a persona JSON file) was refused. Nothing is ever written when a
/// read fails: the reader works in memory only.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// Reading the source itself failed.
    #[error("the file could not be read: {0}")]
    Io(#[from] std::io::Error),
    /// The file is larger than any bundle this version accepts.
    #[error("the file is larger than {limit} bytes (at least {size})")]
    FileTooLarge { size: u64, limit: u64 },
    /// The zip structure itself (central directory, headers) is broken.
    #[error("the file is not a readable zip archive: {reason}")]
    NotAZip { reason: String },
    /// More entries than allowed.
    #[error("the bundle has {count} entries; at most {limit} are allowed")]
    TooManyEntries { count: usize, limit: usize },
    /// Two entries share a name.
    #[error("the entry '{entry}' appears more than once")]
    DuplicateEntry { entry: String },
    /// An entry name that could leave the bundle or mean different things on different
    /// systems.
    #[error("the entry '{entry}' has an unsafe name: {problem}")]
    UnsafePath { entry: String, problem: PathProblem },
    /// A symbolic link.
    #[error("the entry '{entry}' is a symbolic link")]
    Symlink { entry: String },
    /// A password-protected entry.
    #[error("the entry '{entry}' is encrypted")]
    Encrypted { entry: String },
    /// A compression method other than stored or deflate.
    #[error("the entry '{entry}' uses an unsupported compression method ({method})")]
    UnsupportedCompression { entry: String, method: String },
    /// A name that is not part of the format (including directories).
    #[error("the entry '{entry}' is not part of a Persona Studio bundle")]
    UnknownEntry { entry: String },
    /// One entry is larger than allowed.
    #[error("the entry '{entry}' is larger than {limit} bytes")]
    EntryTooLarge { entry: String, limit: u64 },
    /// All entries together are larger than allowed; `entry` is the one that crossed
    /// the limit.
    #[error("the bundle unpacks to more than {limit} bytes (reached at '{entry}')")]
    TotalTooLarge { entry: String, limit: u64 },
    /// An entry expands far more than real content does: a zip bomb.
    #[error("the entry '{entry}' expands more than {limit} times (from {compressed} bytes)")]
    CompressionRatio {
        entry: String,
        compressed: u64,
        limit: u64,
    },
    /// An entry's compressed data is corrupt (bad deflate stream, CRC mismatch).
    #[error("the entry '{entry}' is corrupt: {reason}")]
    CorruptEntry { entry: String, reason: String },
    /// There is no `manifest.json`.
    #[error("the bundle has no manifest.json")]
    MissingManifest,
    /// The manifest is not a Persona Studio manifest.
    #[error("this is not a Persona Studio bundle (format '{found}')")]
    NotABundle { found: String },
    /// The manifest's `format_version` is missing or malformed.
    #[error("the bundle's format version '{found}' is not of the form 1.0")]
    BadFormatVersion { found: String },
    /// A newer major format than this build reads.
    #[error("the bundle was made by a newer Persona Studio ({found}); this version reads format {supported} and older")]
    NewerFormat {
        found: FormatVersion,
        supported: FormatVersion,
    },
    /// The manifest lists an entry the zip does not have.
    #[error("the manifest lists '{entry}', which is missing")]
    MissingEntry { entry: String },
    /// The zip has an entry the manifest does not list.
    #[error("the entry '{entry}' is not listed in the manifest")]
    UnlistedEntry { entry: String },
    /// The manifest lists the same path twice.
    #[error("the manifest lists '{entry}' more than once")]
    DuplicateListing { entry: String },
    /// The entry's size differs from what the manifest says.
    #[error("the entry '{entry}' has {actual} bytes; the manifest says {listed}")]
    SizeMismatch {
        entry: String,
        listed: u64,
        actual: u64,
    },
    /// The entry's SHA-256 differs from what the manifest says.
    #[error("the entry '{entry}' does not match its hash in the manifest (listed {listed}, actual {actual})")]
    HashMismatch {
        entry: String,
        listed: String,
        actual: String,
    },
    /// A JSON document larger than allowed.
    #[error("the document '{entry}' has {size} bytes; at most {limit} are allowed")]
    JsonTooLarge {
        entry: String,
        size: u64,
        limit: u64,
    },
    /// A JSON document nested deeper than allowed.
    #[error("the document '{entry}' is nested deeper than {limit} levels")]
    JsonTooDeep { entry: String, limit: usize },
    /// Not JSON at all, or JSON of the wrong shape.
    #[error("the document '{entry}' is not valid: {reason}")]
    InvalidJson { entry: String, reason: String },
    /// JSON the model refuses: wrong types, a newer schema, an empty name…
    #[error("the document '{entry}' is not valid: {source}")]
    InvalidDocument {
        entry: String,
        #[source]
        source: ModelError,
    },
    /// The evidence document has a schema newer than this build reads.
    #[error("the document '{entry}' was made by a newer Persona Studio (schema {found}; this version reads up to {supported})")]
    EvidenceTooNew {
        entry: String,
        found: u64,
        supported: u32,
    },
    /// A document's id differs from the id in its entry name.
    #[error("the entry '{entry}' holds a document with id '{id}'")]
    IdMismatch { entry: String, id: String },
    /// An image that is not PNG, JPEG or WebP.
    #[error("the image '{entry}' is not PNG, JPEG or WebP")]
    UnsupportedImage { entry: String },
    /// An image whose content is not of the kind its name says.
    #[error("the image '{entry}' is named .{named} but holds {actual}")]
    ImageTypeMismatch {
        entry: String,
        named: &'static str,
        actual: &'static str,
    },
    /// An image whose header cannot be read.
    #[error("the image '{entry}' is damaged: its size cannot be read")]
    UnreadableImage { entry: String },
    /// An image larger than allowed, or of zero size, judged from its header.
    #[error(
        "the image '{entry}' claims {width}×{height} pixels; at most {limit} pixels are allowed"
    )]
    ImageTooLarge {
        entry: String,
        width: u64,
        height: u64,
        limit: u64,
    },
    /// An image whose name is not its own hash.
    #[error("the image '{entry}' has SHA-256 {actual}, not the one in its name")]
    AssetNameMismatch { entry: String, actual: String },
    /// A document refers to an image the bundle does not hold.
    #[error("'{entry}' refers to the image {asset}, which the bundle does not hold")]
    MissingAsset { entry: String, asset: AssetHash },
    /// An image no document refers to.
    #[error("the image '{entry}' is not used by anything in the bundle")]
    UnreferencedAsset { entry: String },
    /// A persona whose template the bundle does not hold.
    #[error("'{entry}' uses the template '{template}', which the bundle does not hold")]
    MissingTemplate { entry: String, template: TemplateId },
    /// A persona of another project than the bundle's project.
    #[error("'{entry}' belongs to project {project}, not to the bundle's project")]
    ForeignPersona { entry: String, project: ProjectId },
}

/// What is wrong with an entry name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PathProblem {
    #[error("it is not UTF-8")]
    NotUtf8,
    #[error("it is empty")]
    Empty,
    #[error("it is an absolute path")]
    Absolute,
    #[error("it contains a backslash")]
    Backslash,
    #[error("it contains '..'")]
    ParentDir,
    #[error("it has an empty or '.' component")]
    EmptyComponent,
    #[error("it contains a drive letter or colon")]
    Colon,
    #[error("it contains a control character")]
    ControlChar,
    #[error("it is longer than 255 bytes")]
    TooLong,
}

/// Why a bundle or a persona JSON file could not be written.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// A persona, project or template the model refuses.
    #[error("{what} cannot be exported: {source}")]
    Invalid {
        what: String,
        #[source]
        source: ModelError,
    },
    /// Two personas with the same id.
    #[error("the persona {0} is included twice")]
    DuplicatePersona(PersonaId),
    /// Two templates with the same id.
    #[error("the template '{0}' is included twice")]
    DuplicateTemplate(TemplateId),
    /// A template id that cannot name a file.
    #[error("the template id '{0}' can only use letters, digits, '-' and '_' (1–64 of them)")]
    UnsafeTemplateId(TemplateId),
    /// A persona whose template is not included.
    #[error("the persona '{persona}' uses the template '{template}', which is not included")]
    MissingTemplate {
        persona: String,
        template: TemplateId,
    },
    /// A persona of another project than the one included.
    #[error("the persona '{persona}' belongs to another project than the one exported")]
    ForeignPersona { persona: String },
    /// A referenced image whose bytes are not included.
    #[error("the image {0} is used but its bytes are not included")]
    MissingAsset(AssetHash),
    /// Asset bytes nothing in the contents refers to.
    #[error("the image {0} is included but nothing uses it")]
    UnusedAsset(AssetHash),
    /// Asset bytes whose SHA-256 is not the hash they are filed under.
    #[error("the bytes given for image {0} have another SHA-256")]
    AssetHashMismatch(AssetHash),
    /// The finished bundle would be refused by a reader (an image too large, too many
    /// entries…): nothing is written that this build could not open again.
    #[error("the bundle would not open again: {0}")]
    WouldBeRefused(#[source] Box<ReadError>),
    /// The zip library failed while assembling the archive in memory.
    #[error("the bundle could not be assembled: {reason}")]
    Zip { reason: String },
    /// Writing the finished bytes to the destination failed.
    #[error("the bundle could not be written: {0}")]
    Io(#[from] std::io::Error),
}
