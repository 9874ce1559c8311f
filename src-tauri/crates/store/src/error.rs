use std::path::PathBuf;

/// What can go wrong with the library on disk.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// Another process holds the library.
    #[error("the library at {} is in use by another Persona Studio process{}", dir.display(), pid.map(|p| format!(" (pid {p})")).unwrap_or_default())]
    Locked { dir: PathBuf, pid: Option<u32> },
    /// The data directory cannot be used (it is a file, or cannot be created or written).
    #[error("cannot use {} as the data folder: {reason}", dir.display())]
    BadDataDir { dir: PathBuf, reason: String },
    /// The database itself failed (disk full, permissions, corruption sled detected).
    #[error("the library database failed: {0}")]
    Db(#[from] sled::Error),
    /// A stored document cannot be read back.
    #[error("the stored {kind} {id} cannot be read: {source}")]
    Corrupt {
        kind: &'static str,
        id: String,
        #[source]
        source: persona_model::ModelError,
    },
    /// A document failed validation before it was stored; nothing was written.
    #[error(transparent)]
    Invalid(#[from] persona_model::ModelError),
}
