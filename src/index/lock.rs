//! The lock that lets one `index` run at a time change an index folder. It is an advisory lock
//! on `wiredex.lock` (flock on Unix), held for the whole run, so it covers what tantivy's own
//! writer lock does not: creating the index, wiping it for `--rebuild`, and the manifest. The
//! operating system releases it when the process ends, even by `kill -9`. Readers never take it.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// The lock file's name in the index folder.
pub const LOCK_FILE: &str = "wiredex.lock";

/// Lock files that may sit in an index folder without making it "not empty": ours and
/// tantivy's.
pub const LOCK_FILES: &[&str] = &[LOCK_FILE, ".tantivy-writer.lock", ".tantivy-meta.lock"];

/// A held lock on an index folder; dropping it releases the lock.
#[derive(Debug)]
pub struct IndexLock {
    _file: File,
    path: PathBuf,
}

impl IndexLock {
    /// Takes the lock on the index folder `dir` at once, or fails with [`Error::Locked`] when
    /// another run holds it.
    pub fn acquire(dir: &Path) -> Result<IndexLock> {
        let path = dir.join(LOCK_FILE);
        let file = OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .map_err(|reason| Error::Io {
                path: path.clone(),
                reason,
            })?;
        match file.try_lock() {
            Ok(()) => Ok(IndexLock { _file: file, path }),
            Err(TryLockError::WouldBlock) => Err(Error::Locked {
                path: dir.to_path_buf(),
            }),
            Err(TryLockError::Error(reason)) => Err(Error::Io { path, reason }),
        }
    }

    /// The lock file.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_on_the_same_folder_fails_until_the_first_is_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let first = IndexLock::acquire(dir.path()).unwrap();
        assert_eq!(first.path(), dir.path().join(LOCK_FILE));
        let second = IndexLock::acquire(dir.path()).unwrap_err();
        assert_eq!(
            second.to_string(),
            format!(
                "another wiredex index run holds the lock on {}; wait for it to finish, or stop it and run again",
                dir.path().display()
            )
        );
        drop(first);
        assert!(IndexLock::acquire(dir.path()).is_ok());
    }
}
