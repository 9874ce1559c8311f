use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::Path;

use crate::StoreError;

/// The lock file in the data directory. It holds the pid of the process that owns the
/// library, so the message another process shows can name it.
pub const LOCK_FILE: &str = "library.lock";

/// An exclusive, advisory lock on a data directory, released when dropped (or when the
/// process dies, however it dies: the kernel drops the lock with the file descriptor).
#[derive(Debug)]
pub(crate) struct DirLock {
    _file: File,
}

impl DirLock {
    pub(crate) fn acquire(dir: &Path) -> Result<DirLock, StoreError> {
        let path = dir.join(LOCK_FILE);
        let bad = |e: std::io::Error| StoreError::BadDataDir {
            dir: dir.to_owned(),
            reason: e.to_string(),
        };
        let mut file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .map_err(bad)?;
        match file.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                let mut text = String::new();
                // The pid is only for the message; a lock file we cannot read still locks.
                let pid = file
                    .read_to_string(&mut text)
                    .ok()
                    .and_then(|_| text.trim().parse().ok());
                return Err(StoreError::Locked {
                    dir: dir.to_owned(),
                    pid,
                });
            }
            Err(TryLockError::Error(e)) => return Err(bad(e)),
        }
        file.set_len(0).map_err(bad)?;
        file.seek(SeekFrom::Start(0)).map_err(bad)?;
        write!(file, "{}", std::process::id()).map_err(bad)?;
        file.flush().map_err(bad)?;
        Ok(DirLock { _file: file })
    }
}
