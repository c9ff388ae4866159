//! The manifest: which files an index holds, as of its last commit. One entry per file read
//! (path, size, modification time, content hash, the ids of its articles, its skip reasons and
//! warnings), kept in the index folder as JSON Lines and replaced atomically (temporary file,
//! fsync, rename) only after the tantivy commit that holds those files has succeeded. So the
//! manifest may lag behind the index after a crash, never run ahead of it: a file it does not
//! know is read again, and its documents are replaced rather than duplicated.
//!
//! This module decides nothing about tantivy and reads no article files; it only compares what
//! a file's metadata and bytes say with what it remembers.

use std::collections::BTreeSet;
use std::io::{BufRead, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// The manifest's file name in the index folder.
pub const MANIFEST_FILE: &str = "wiredex-manifest.jsonl";

/// The version of the manifest's own layout, on its first line.
const MANIFEST_FORMAT: u32 = 1;

/// A modification time this close to the moment the file was read (or later) cannot prove
/// that the file has not changed since: a write in the same clock tick keeps the same time.
/// Two seconds covers the coarsest common file system clock (FAT).
pub const RACY_MARGIN: Duration = Duration::from_secs(2);

/// What the manifest remembers about one file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// The file's absolute path (the `source` of its documents).
    pub path: String,
    /// Size in bytes when it was read.
    pub size: u64,
    /// Modification time in nanoseconds since 1970, when the file system keeps one.
    pub mtime_ns: Option<i64>,
    /// xxh3-128 hash of the bytes (32 hex digits in the file).
    #[serde(with = "hex128")]
    pub hash: u128,
    /// Ids of the articles indexed from it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub articles: Vec<String>,
    /// Why the file, or records in it, were not indexed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub skipped: Vec<String>,
    /// Notes about the file that did not stop it being indexed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
    /// The modification time was too close to the read to prove the file unchanged later.
    #[serde(default, skip_serializing_if = "is_false")]
    pub racy: bool,
    /// The file must be indexed again even if unchanged: a file that shared an article with
    /// it was deleted or changed, and the article's document may have gone with that file.
    #[serde(default, skip_serializing_if = "is_false")]
    pub stale: bool,
}

fn is_false(value: &bool) -> bool {
    !value
}

#[derive(Debug, Serialize, Deserialize)]
struct Header {
    wiredex_manifest: u32,
}

/// What to do with a file found on disk, from its metadata alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Check {
    /// Size and modification time match a trustworthy entry: the file is not read.
    Unchanged,
    /// The file must be read; its hash then tells whether it changed.
    Read,
}

/// The content hash the manifest keeps: xxh3-128, which reads several GB/s, so hashing costs
/// far less than reading the file. It detects change, not tampering.
pub fn content_hash(bytes: &[u8]) -> u128 {
    xxhash_rust::xxh3::xxh3_128(bytes)
}

/// A 128-bit hash written as 32 hex digits.
mod hex128 {
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(hash: &u128, out: S) -> Result<S::Ok, S::Error> {
        out.serialize_str(&format!("{hash:032x}"))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(input: D) -> Result<u128, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(input)?;
        u128::from_str_radix(&text, 16).map_err(serde::de::Error::custom)
    }
}

/// An entry kept in the manifest's set, ordered and found by its path alone (so the path is
/// kept once, not again as a map key: a manifest of a million files is held in memory).
#[derive(Debug, Clone)]
struct Keyed(Entry);

impl PartialEq for Keyed {
    fn eq(&self, other: &Self) -> bool {
        self.0.path == other.0.path
    }
}

impl Eq for Keyed {}

impl PartialOrd for Keyed {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Keyed {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.0.path.cmp(&other.0.path)
    }
}

impl std::borrow::Borrow<str> for Keyed {
    fn borrow(&self) -> &str {
        &self.0.path
    }
}

/// A time as nanoseconds since 1970 (negative before), or `None` out of range.
pub fn nanos(time: SystemTime) -> Option<i64> {
    match time.duration_since(UNIX_EPOCH) {
        Ok(after) => i64::try_from(after.as_nanos()).ok(),
        Err(before) => i64::try_from(before.duration().as_nanos()).ok().map(|n| -n),
    }
}

impl Entry {
    /// Whether a file of `size` bytes modified at `mtime_ns` can be taken as unchanged
    /// without reading it.
    pub fn check(&self, size: u64, mtime_ns: Option<i64>) -> Check {
        let same = self.size == size && self.mtime_ns.is_some() && self.mtime_ns == mtime_ns;
        if same && !self.racy && !self.stale {
            Check::Unchanged
        } else {
            Check::Read
        }
    }

    /// Whether a file modified at `mtime_ns` and read at `read_at` could change again
    /// without its modification time changing.
    pub fn is_racy(mtime_ns: Option<i64>, read_at: SystemTime) -> bool {
        let Some(mtime) = mtime_ns else {
            return true;
        };
        match nanos(read_at.checked_sub(RACY_MARGIN).unwrap_or(UNIX_EPOCH)) {
            Some(limit) => mtime >= limit,
            None => true,
        }
    }
}

/// The manifest of one index folder.
#[derive(Debug, Default, Clone)]
pub struct Manifest {
    entries: BTreeSet<Keyed>,
}

impl PartialEq for Manifest {
    fn eq(&self, other: &Self) -> bool {
        self.entries().eq(other.entries())
    }
}

impl Eq for Manifest {}

impl Manifest {
    /// Reads the manifest of the index in `dir`; an index without one (new, or killed before
    /// its first commit) has an empty manifest.
    pub fn load(dir: &Path) -> Result<Manifest> {
        let path = dir.join(MANIFEST_FILE);
        let file = match std::fs::File::open(&path) {
            Ok(file) => file,
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
                return Ok(Manifest::default());
            }
            Err(reason) => return Err(Error::Io { path, reason }),
        };
        Manifest::read(std::io::BufReader::new(file)).map_err(|(line, why)| {
            Error::index(
                dir,
                format!(
                    "{MANIFEST_FILE} is damaged at line {line} ({why}): rebuild the index with `wiredex index DIR --rebuild --index {}`",
                    dir.display()
                ),
            )
        })
    }

    /// Parses a manifest; on failure, the line number and what is wrong with it.
    fn read(input: impl BufRead) -> std::result::Result<Manifest, (usize, String)> {
        let mut manifest = Manifest::default();
        for (index, line) in input.lines().enumerate() {
            let number = index + 1;
            let line = line.map_err(|e| (number, e.to_string()))?;
            if index == 0 {
                let header: Header =
                    serde_json::from_str(&line).map_err(|e| (number, e.to_string()))?;
                if header.wiredex_manifest != MANIFEST_FORMAT {
                    return Err((
                        number,
                        format!(
                            "manifest format {} is not {MANIFEST_FORMAT}",
                            header.wiredex_manifest
                        ),
                    ));
                }
                continue;
            }
            let entry: Entry = serde_json::from_str(&line).map_err(|e| (number, e.to_string()))?;
            manifest.insert(entry);
        }
        Ok(manifest)
    }

    /// Writes the manifest into `dir` atomically: a reader, or a run after a crash, sees the
    /// old manifest or the new one, never a mix.
    pub fn save(&self, dir: &Path) -> Result<()> {
        let path = dir.join(MANIFEST_FILE);
        let temp = dir.join(format!("{MANIFEST_FILE}.tmp"));
        let io = |path: &Path| {
            let path = path.to_path_buf();
            move |reason| Error::Io { path, reason }
        };
        let file = std::fs::File::create(&temp).map_err(io(&temp))?;
        let mut out = BufWriter::new(file);
        self.write(&mut out).map_err(io(&temp))?;
        let file = out.into_inner().map_err(|e| io(&temp)(e.into_error()))?;
        file.sync_all().map_err(io(&temp))?;
        drop(file);
        std::fs::rename(&temp, &path).map_err(io(&path))?;
        // The rename itself must reach the disk before the run goes on.
        if let Ok(folder) = std::fs::File::open(dir) {
            let _ = folder.sync_all();
        }
        Ok(())
    }

    fn write(&self, out: &mut impl Write) -> std::io::Result<()> {
        let header = Header {
            wiredex_manifest: MANIFEST_FORMAT,
        };
        serde_json::to_writer(&mut *out, &header)?;
        out.write_all(b"\n")?;
        for entry in self.entries() {
            serde_json::to_writer(&mut *out, entry)?;
            out.write_all(b"\n")?;
        }
        Ok(())
    }

    /// The entry of the file with this key.
    pub fn get(&self, key: &str) -> Option<&Entry> {
        self.entries.get(key).map(|keyed| &keyed.0)
    }

    /// Changes the entry of the file with this key, if there is one; `change` must keep its
    /// path. Says whether there was one.
    pub fn update(&mut self, key: &str, change: impl FnOnce(&mut Entry)) -> bool {
        let Some(Keyed(mut entry)) = self.entries.take(key) else {
            return false;
        };
        change(&mut entry);
        debug_assert_eq!(entry.path, key);
        self.entries.insert(Keyed(entry));
        true
    }

    /// Adds or replaces an entry.
    pub fn insert(&mut self, entry: Entry) {
        self.entries.replace(Keyed(entry));
    }

    /// Removes an entry.
    pub fn remove(&mut self, key: &str) -> Option<Entry> {
        self.entries.take(key).map(|keyed| keyed.0)
    }

    /// How many files it knows.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether it knows no file.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Every entry, in path order.
    pub fn entries(&self) -> impl Iterator<Item = &Entry> {
        self.entries.iter().map(|keyed| &keyed.0)
    }

    /// The entries of `root` itself and of everything below it.
    pub fn under<'a>(&'a self, root: &'a Path) -> impl Iterator<Item = &'a Entry> + 'a {
        let prefix = key(root);
        let dir = PathBuf::from(&prefix);
        let start = (
            std::ops::Bound::Included(prefix.as_str()),
            std::ops::Bound::Unbounded,
        );
        self.entries
            .range::<str, _>(start)
            .map(|keyed| &keyed.0)
            .take_while(move |entry| entry.path.starts_with(&prefix))
            .filter(move |entry| Path::new(&entry.path).starts_with(&dir))
    }
}

/// The manifest key of a file: its absolute path as text, losslessly ([`crate::source::path_text`]:
/// a byte that is not UTF-8 is written `\xHH`). With replacement characters, as before, two
/// names differing only in such bytes shared one entry, and each run read both again.
pub fn key(path: &Path) -> String {
    crate::source::path_text(path).into_owned()
}

/// The path a key stands for, as text (a name that is not UTF-8 keeps its `\xHH` escapes): for
/// showing a deleted file, and for comparing with other keys.
pub fn key_path(key: &str) -> PathBuf {
    PathBuf::from(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(path: &str, size: u64, mtime_ns: Option<i64>) -> Entry {
        Entry {
            path: path.to_string(),
            size,
            mtime_ns,
            hash: content_hash(path.as_bytes()),
            articles: vec!["0123456789abcdef".into()],
            skipped: vec![],
            warnings: vec![],
            racy: false,
            stale: false,
        }
    }

    #[test]
    fn only_same_size_and_time_of_a_trusted_entry_skips_reading() {
        let base = entry("/a/x.txt", 10, Some(1_000));
        let racy = Entry {
            racy: true,
            ..base.clone()
        };
        let stale = Entry {
            stale: true,
            ..base.clone()
        };
        let timeless = entry("/a/x.txt", 10, None);
        let cases = [
            (
                "same size and time",
                &base,
                10,
                Some(1_000),
                Check::Unchanged,
            ),
            ("size changed", &base, 11, Some(1_000), Check::Read),
            ("time changed", &base, 10, Some(2_000), Check::Read),
            ("time unknown now", &base, 10, None, Check::Read),
            ("time never known", &timeless, 10, None, Check::Read),
            ("racy entry", &racy, 10, Some(1_000), Check::Read),
            ("stale entry", &stale, 10, Some(1_000), Check::Read),
        ];
        for (name, entry, size, mtime, expected) in cases {
            assert_eq!(entry.check(size, mtime), expected, "{name}");
        }
    }

    #[test]
    fn a_time_within_the_margin_of_the_read_is_racy() {
        let read_at = UNIX_EPOCH + Duration::from_secs(100);
        let ns = |secs: f64| Some((secs * 1e9) as i64);
        let cases = [
            ("long before", ns(50.0), false),
            ("just outside the margin", ns(97.9), false),
            ("inside the margin", ns(98.5), true),
            ("at the read", ns(100.0), true),
            ("in the future", ns(200.0), true),
            ("unknown", None, true),
        ];
        for (name, mtime, expected) in cases {
            assert_eq!(Entry::is_racy(mtime, read_at), expected, "{name}");
        }
    }

    #[test]
    fn hashes_are_stable_and_tell_contents_apart() {
        assert_eq!(content_hash(b"abc"), content_hash(b"abc"));
        assert_ne!(content_hash(b"abc"), content_hash(b"abd"));
        // xxh3-128 of the empty input, as published by the xxHash reference implementation.
        assert_eq!(
            format!("{:032x}", content_hash(b"")),
            "99aa06d3014798d86001c324468d497f"
        );
    }

    #[test]
    fn times_before_1970_are_negative() {
        assert_eq!(nanos(UNIX_EPOCH + Duration::from_nanos(5)), Some(5));
        assert_eq!(
            nanos(UNIX_EPOCH - Duration::from_secs(1)),
            Some(-1_000_000_000)
        );
    }

    #[test]
    fn saves_atomically_and_loads_back_the_same() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(Manifest::load(dir.path()).unwrap(), Manifest::default());
        let mut manifest = Manifest::default();
        manifest.insert(entry("/b/y.json", 3, Some(-7)));
        manifest.insert(Entry {
            skipped: vec!["empty file".into()],
            warnings: vec!["encoding guessed".into()],
            racy: true,
            stale: true,
            articles: vec![],
            ..entry("/a/x.txt", 10, None)
        });
        manifest.save(dir.path()).unwrap();
        assert!(!dir.path().join(format!("{MANIFEST_FILE}.tmp")).exists());
        let loaded = Manifest::load(dir.path()).unwrap();
        assert_eq!(loaded, manifest);
        let keys: Vec<&str> = loaded.entries().map(|e| e.path.as_str()).collect();
        assert_eq!(keys, ["/a/x.txt", "/b/y.json"]);
        let text = std::fs::read_to_string(dir.path().join(MANIFEST_FILE)).unwrap();
        assert_eq!(text.lines().next(), Some("{\"wiredex_manifest\":1}"));
        // Empty lists and false flags are left out: a large manifest stays small.
        assert!(!text.lines().nth(2).unwrap().contains("skipped"), "{text}");
    }

    #[test]
    fn a_damaged_manifest_names_the_line_and_the_way_out() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join(MANIFEST_FILE),
            "{\"wiredex_manifest\":1}\n{\"path\":\"/a\"",
        )
        .unwrap();
        let message = Manifest::load(dir.path()).unwrap_err().to_string();
        let folder = dir.path().display();
        assert_eq!(
            message,
            format!(
                "index {folder}: wiredex-manifest.jsonl is damaged at line 2 (EOF while parsing an object at line 1 column 12): rebuild the index with `wiredex index DIR --rebuild --index {folder}`"
            )
        );
        std::fs::write(dir.path().join(MANIFEST_FILE), "{\"wiredex_manifest\":9}\n").unwrap();
        let message = Manifest::load(dir.path()).unwrap_err().to_string();
        assert!(
            message.contains("damaged at line 1 (manifest format 9 is not 1)"),
            "{message}"
        );
    }

    #[test]
    fn under_a_root_means_the_root_and_below_not_a_longer_name() {
        let mut manifest = Manifest::default();
        for path in [
            "/a/b",
            "/a/b/c.txt",
            "/a/b/d/e.txt",
            "/a/bc/x.txt",
            "/a/a.txt",
        ] {
            manifest.insert(entry(path, 1, Some(1)));
        }
        let under = |root: &str| -> Vec<String> {
            manifest
                .under(Path::new(root))
                .map(|e| e.path.clone())
                .collect()
        };
        assert_eq!(under("/a/b"), ["/a/b", "/a/b/c.txt", "/a/b/d/e.txt"]);
        assert_eq!(under("/a/b/c.txt"), ["/a/b/c.txt"]);
        assert_eq!(under("/z"), Vec::<String>::new());
        assert_eq!(under("/").len(), 5);
    }
}
