//! The last accepted publication of each source, kept on disk (`--state-dir`), with the gate's
//! history of what was accepted.
//!
//! Without it a restart has nothing to judge a publication by: a list cut to 15 % while the
//! service was down would be served whole-heartedly at start, and a URL source whose cached copy
//! was overwritten by a refused download (an HTML error page with status 200) would fail to start
//! at all. With it, the start passes each source through the same gate as a reload, against the
//! publications accepted before the restart, and a source the gate refuses serves its last
//! accepted copy from here, refused and reported as on a reload.
//!
//! Layout: `<state-dir>/<kind>/record.json` (the history and the files' roles) and the files
//! beside it; the history again in `<state-dir>/<kind>.history.json`, so that losing the copy
//! does not lose what the next start judges by. A new copy is written to a fresh directory and renamed into place, so a crash
//! leaves the previous copy or the new one, never a mixture; the record's sha256 is checked on
//! reading, so a copy altered on disk is ignored, not served.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::lists::gate::History;
use crate::model::SourceKind;
use crate::source::{RawFile, RawPublication};

#[derive(Debug, Clone)]
pub struct LastGood {
    dir: PathBuf,
}

#[derive(Serialize, Deserialize)]
struct Record {
    /// Where the publication was read from when accepted, for messages.
    location: String,
    /// The files' roles, in order; file `i` is stored as `file-i`.
    roles: Vec<String>,
    paths: Vec<String>,
    /// When its files were last written (Unix seconds), for the lists judged by content age.
    modified: Option<i64>,
    sha256: String,
    history: History,
}

/// The history kept apart from the copy, with the location it is of.
#[derive(Serialize, Deserialize)]
struct Ledger {
    location: String,
    history: History,
}

/// See [`LastGood::kept`].
pub enum KeptCopy {
    Absent,
    Usable(Kept),
    /// Why it cannot serve (a file altered or missing, a record cut short).
    Unusable(String),
    /// The location it was kept from.
    Elsewhere(String),
}

/// See [`LastGood::ledger`].
pub enum LedgerState {
    Absent,
    Usable(History),
    /// Why it cannot be read (not a regular file, cut short, empty, too large).
    Unusable(String),
    /// The location it is of.
    Elsewhere(String),
}

/// Whether two locations name one source: the same words, or paths to the same file however
/// written (`./lists/x.csv`, an absolute path, through a symbolic link). A file moved since (a
/// mount path changed) is another location.
fn same_location(kept: &str, configured: &str) -> bool {
    kept == configured
        || std::fs::canonicalize(kept).is_ok_and(|k| std::fs::canonicalize(configured).is_ok_and(|c| k == c))
}

/// Whether `path` is a symbolic link (one to nothing does not `exist`, yet is no absence: it
/// was made, and its target lost).
fn is_link(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
}

/// A kept publication, as read back.
pub struct Kept {
    pub raw: RawPublication,
    pub history: History,
}

impl LastGood {
    pub fn new(dir: PathBuf) -> LastGood {
        LastGood { dir }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn of(&self, kind: SourceKind) -> PathBuf {
        self.dir.join(kind.as_str())
    }

    /// Whether the directory is usable: created if missing, and writable (a probe file written
    /// and removed). Checked at start, so that a state directory that cannot keep anything
    /// fails the start rather than silently turning the restart gate off.
    ///
    /// Leftovers of saves cut short (a full disk, a crash) are removed first: the probe failed on
    /// the disk they filled, and the service's own debris kept it from starting, a crash loop
    /// (an outside test).
    pub fn check_writable(&self) -> std::io::Result<()> {
        std::fs::create_dir_all(&self.dir)?;
        if let Ok(entries) = std::fs::read_dir(&self.dir) {
            for e in entries.flatten() {
                let name = e.file_name();
                let Some(name) = name.to_str() else { continue };
                let leftover = name.starts_with('.')
                    && (name.contains(".new-") || name.contains(".old-") || name.starts_with(".probe-"));
                if leftover {
                    let _ = if e.path().is_dir() {
                        std::fs::remove_dir_all(e.path())
                    } else {
                        std::fs::remove_file(e.path())
                    };
                }
            }
        }
        let probe = self.dir.join(format!(".probe-{}", std::process::id()));
        std::fs::write(&probe, b"screener")?;
        std::fs::remove_file(&probe)
    }

    /// Whether a kept copy of the source is there (without reading it).
    pub fn has(&self, kind: SourceKind) -> bool {
        self.of(kind).join("record.json").is_file()
    }

    /// The kept copy of a source read from `location`, if there is a whole one (tests; the start
    /// asks [`LastGood::kept`], which says why there is none).
    #[cfg(test)]
    pub fn load(&self, kind: SourceKind, location: &str, limit: u64) -> Option<Kept> {
        match self.kept(kind, location, limit) {
            KeptCopy::Usable(k) => Some(k),
            _ => None,
        }
    }

    /// What the state directory holds of a source's last accepted copy: none, a whole one, one
    /// that cannot be read back as it was written, or one kept from another location (a state
    /// directory shared by instances serving different files). Files are read only if regular
    /// and at most `limit` bytes each.
    pub fn kept(&self, kind: SourceKind, location: &str, limit: u64) -> KeptCopy {
        let dir = self.of(kind);
        let path = dir.join("record.json");
        if !dir.exists() && !is_link(&dir) {
            return KeptCopy::Absent;
        }
        let kept = read_small_record(&path).and_then(|record| read_record(&dir, &record, limit));
        match kept {
            Ok(kept) if same_location(&kept.raw.location, location) => KeptCopy::Usable(kept),
            Ok(kept) => KeptCopy::Elsewhere(kept.raw.location),
            Err(why) => KeptCopy::Unusable(format!("{}: {why}", dir.display())),
        }
    }

    /// Keeps `raw` as the source's last accepted publication, with its history.
    pub fn save(&self, kind: SourceKind, raw: &RawPublication, history: &History) -> std::io::Result<()> {
        let target = self.of(kind);
        // Leftovers of a save that failed or was cut short (a full disk, a crash), by this
        // process or an earlier one: they would otherwise hold the space for good.
        if let Ok(entries) = std::fs::read_dir(&self.dir) {
            let prefixes = [format!(".{}.new-", kind.as_str()), format!(".{}.old-", kind.as_str())];
            for e in entries.flatten() {
                if e.file_name().to_str().is_some_and(|n| prefixes.iter().any(|p| n.starts_with(p.as_str()))) {
                    let _ = std::fs::remove_dir_all(e.path());
                }
            }
        }
        let fresh = self.dir.join(format!(".{}.new-{}", kind.as_str(), std::process::id()));
        std::fs::create_dir_all(&fresh)?;
        for (i, f) in raw.files.iter().enumerate() {
            std::fs::write(fresh.join(format!("file-{i}")), &f.bytes)?;
        }
        let record = Record {
            location: raw.location.clone(),
            roles: raw.files.iter().map(|f| f.role.clone()).collect(),
            paths: raw.files.iter().map(|f| f.path.clone()).collect(),
            modified: raw.modified.map(|m| time::OffsetDateTime::from(m).unix_timestamp()),
            sha256: raw.sha256(),
            history: history.clone(),
        };
        std::fs::write(fresh.join("record.json"), serde_json::to_vec_pretty(&record).map_err(std::io::Error::other)?)?;
        let old = self.dir.join(format!(".{}.old-{}", kind.as_str(), std::process::id()));
        let had = target.exists();
        if had {
            std::fs::rename(&target, &old)?;
        }
        std::fs::rename(&fresh, &target)?;
        if had {
            let _ = std::fs::remove_dir_all(&old);
        }
        self.save_ledger(kind, &raw.location, history)
    }

    /// Keeps the history again, apart from the copy (see [`LastGood::ledger`]), written whole or
    /// not at all.
    pub fn save_ledger(&self, kind: SourceKind, location: &str, history: &History) -> std::io::Result<()> {
        let ledger = Ledger { location: location.to_string(), history: history.clone() };
        let fresh = self.dir.join(format!(".{}.history.new-{}", kind.as_str(), std::process::id()));
        std::fs::write(&fresh, serde_json::to_vec_pretty(&ledger).map_err(std::io::Error::other)?)?;
        std::fs::rename(&fresh, self.ledger_path(kind))
    }

    pub fn ledger_path(&self, kind: SourceKind) -> PathBuf {
        self.dir.join(format!("{}.history.json", kind.as_str()))
    }

    /// What was accepted of a source, kept apart from its copy (`<state-dir>/<kind>.history.json`):
    /// when the copy is lost or damaged (a disk fault, a directory removed by hand), the start can
    /// still judge a publication by what was accepted before, instead of serving a list cut
    /// while the service was down as if it were the first start.
    pub fn ledger(&self, kind: SourceKind, location: &str) -> LedgerState {
        let path = self.ledger_path(kind);
        if !path.exists() && !is_link(&path) {
            return LedgerState::Absent;
        }
        let ledger = read_small_record(&path)
            .and_then(|bytes| serde_json::from_slice::<Ledger>(&bytes).map_err(|e| format!("not a history: {e}")));
        match ledger {
            Ok(l) if l.history.serving().is_none() => LedgerState::Unusable("it holds no accepted publication".into()),
            Ok(l) if same_location(&l.location, location) => LedgerState::Usable(l.history),
            Ok(l) => LedgerState::Elsewhere(l.location),
            Err(why) => LedgerState::Unusable(why),
        }
    }
}

/// The largest `record.json` read: a month of history is a few kilobytes.
const RECORD_LIMIT: u64 = 1024 * 1024;

/// A record or history file, regular and at most [`RECORD_LIMIT`] bytes.
fn read_small_record(path: &Path) -> Result<Vec<u8>, String> {
    crate::source::read_regular(path, RECORD_LIMIT).map_err(|e| match e {
        crate::source::SourceError::TooLarge { size, .. } => {
            format!(
                "{} is {size} bytes, more than the {RECORD_LIMIT} a record of the state directory may be",
                path.display()
            )
        }
        e => e.to_string(),
    })
}

fn read_record(dir: &Path, bytes: &[u8], limit: u64) -> Result<Kept, String> {
    let record: Record = serde_json::from_slice(bytes).map_err(|e| format!("record.json: {e}"))?;
    if record.roles.len() != record.paths.len() || record.roles.is_empty() {
        return Err("record.json lists no files".into());
    }
    let mut files = Vec::new();
    for (i, (role, path)) in record.roles.iter().zip(&record.paths).enumerate() {
        let bytes = crate::source::read_regular(&dir.join(format!("file-{i}")), limit).map_err(|e| e.to_string())?;
        files.push(RawFile { role: role.clone(), path: path.clone(), bytes });
    }
    let raw = RawPublication {
        location: record.location,
        files,
        modified: record
            .modified
            .and_then(|m| time::OffsetDateTime::from_unix_timestamp(m).ok())
            .map(std::time::SystemTime::from),
    };
    if raw.sha256() != record.sha256 {
        return Err("its files do not have the sha256 recorded when it was kept".into());
    }
    if record.history.serving().is_none_or(|c| c.sha256 != record.sha256) {
        return Err("its history does not end with it".into());
    }
    Ok(Kept { raw, history: record.history })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Found by an outside test: a save cut short by a full disk left its copy behind, and every
    /// later start failed on the disk it filled. The start's check removes such leftovers.
    #[test]
    fn the_start_check_removes_leftovers_of_saves_cut_short() {
        let dir = tempfile::tempdir().expect("tempdir");
        let state = LastGood::new(dir.path().to_path_buf());
        let leftover = dir.path().join(".us-ofac-sdn.new-2665");
        std::fs::create_dir_all(&leftover).expect("mkdir");
        std::fs::write(leftover.join("file-0"), b"half a copy").expect("write");
        std::fs::write(dir.path().join(".ca-sema.history.new-12"), b"{").expect("write");
        std::fs::write(dir.path().join("us-ofac-sdn.history.json"), b"{}").expect("write");
        state.check_writable().expect("writable");
        let left: Vec<String> = std::fs::read_dir(dir.path())
            .expect("read")
            .flatten()
            .filter_map(|e| e.file_name().to_str().map(str::to_string))
            .collect();
        assert_eq!(left, ["us-ofac-sdn.history.json"], "only what a whole save wrote is kept");
    }
}
