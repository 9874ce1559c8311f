//! The library: everything a user has made, in one folder on their disk.
//!
//! A sled database holds projects, personas and assets (images stored once, by content
//! hash). Only one process may hold a library: [`Library::open`] takes an exclusive
//! lock first and answers [`StoreError::Locked`] to every other process. Every write is
//! flushed to disk before it returns, so a save the UI reports as done survives a crash
//! or a `kill -9`.
//!
//! sled stays inside this crate; callers see typed documents only.

mod error;
mod library;
mod lock;

pub use error::StoreError;
pub use library::{asset_hash, Batch, Library};
pub use lock::LOCK_FILE;

/// The folder inside the data directory that holds the sled database.
pub const DB_DIR: &str = "library.sled";
