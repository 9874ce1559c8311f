/// What can be wrong with a document of the model.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    /// The JSON could not be read as the named kind of document.
    #[error("the {kind} document is not valid: {source}")]
    InvalidJson {
        kind: &'static str,
        #[source]
        source: serde_json::Error,
    },
    /// The document was written by a newer version of the app than this one.
    #[error("the {kind} was made by a newer Persona Studio (schema {found}; this version reads up to {supported})")]
    TooNew {
        kind: &'static str,
        found: u32,
        supported: u32,
    },
    /// The document has no usable schema number.
    #[error("the {kind} document has no schema version")]
    MissingSchema { kind: &'static str },
    /// A colour is not of the form `#rrggbb`.
    #[error("'{value}' is not a colour of the form #rrggbb")]
    BadColor { value: String },
    /// A name is empty or only white space.
    #[error("a {kind} name cannot be empty")]
    EmptyName { kind: &'static str },
    /// A name is longer than the model allows.
    #[error("a {kind} name can be at most {max} characters (this one has {len})")]
    NameTooLong {
        kind: &'static str,
        len: usize,
        max: usize,
    },
    /// A slider value outside 0–100.
    #[error("slider '{label}' has value {value}; it must be between 0 and 100")]
    SliderOutOfRange { label: String, value: u8 },
    /// A preset names a module or slider the persona does not have.
    #[error("the preset '{preset}' does not fit this persona: module '{module}': {detail}")]
    PresetMismatch {
        preset: String,
        module: String,
        detail: String,
    },
    /// No template with this id is known.
    #[error("there is no template '{id}'")]
    UnknownTemplate { id: String },
}
