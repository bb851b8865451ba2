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
    pub fn check_writable(&self) -> std::io::Result<()> {
        std::fs::create_dir_all(&self.dir)?;
        let probe = self.dir.join(format!(".probe-{}", std::process::id()));
        std::fs::write(&probe, b"screener")?;
        std::fs::remove_file(&probe)
    }

    /// Whether a kept copy of the source is there (without reading it).
    pub fn has(&self, kind: SourceKind) -> bool {
        self.of(kind).join("record.json").is_file()
    }

    /// The kept copy of a source read from `location`, if there is a whole one. A copy that
    /// cannot be read back as it was written, or was kept from another location (a state
    /// directory shared by instances serving different files), is reported and ignored.
    /// Files are read only if regular and at most `limit` bytes each.
    pub fn load(&self, kind: SourceKind, location: &str, limit: u64) -> Option<Kept> {
        let dir = self.of(kind);
        let path = dir.join("record.json");
        if !path.exists() {
            return None;
        }
        let kept = crate::source::read_regular(&path, RECORD_LIMIT)
            .map_err(|e| e.to_string())
            .and_then(|record| read_record(&dir, &record, limit));
        match kept {
            Ok(kept) if kept.raw.location == location => Some(kept),
            Ok(kept) => {
                tracing::error!(source = %kind, dir = %dir.display(), kept_from = %kept.raw.location, location,
                    "the kept last accepted copy is of another location; ignored (give each instance its own --state-dir)");
                None
            }
            Err(why) => {
                tracing::error!(source = %kind, dir = %dir.display(), reason = %why,
                    "the kept last accepted copy is not usable; ignored, so this start is not judged by what was accepted before it");
                None
            }
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
        // The history again, apart from the copy: see [`LastGood::ledger`].
        let ledger = self.dir.join(format!(".{}.history.new-{}", kind.as_str(), std::process::id()));
        std::fs::write(&ledger, serde_json::to_vec_pretty(history).map_err(std::io::Error::other)?)?;
        std::fs::rename(&ledger, self.ledger_path(kind))
    }

    fn ledger_path(&self, kind: SourceKind) -> PathBuf {
        self.dir.join(format!("{}.history.json", kind.as_str()))
    }

    /// What was accepted of a source, kept apart from its copy (`<state-dir>/<kind>.history.json`):
    /// when the copy is lost or damaged (a disk fault, a directory removed by hand), the start can
    /// still judge a publication by what was accepted before, instead of serving a list cut
    /// while the service was down as if it were the first start. `None` when there is none (a
    /// first start) or it cannot be read (reported).
    pub fn ledger(&self, kind: SourceKind) -> Option<History> {
        let path = self.ledger_path(kind);
        if !path.exists() {
            return None;
        }
        let history = crate::source::read_regular(&path, RECORD_LIMIT)
            .map_err(|e| e.to_string())
            .and_then(|bytes| serde_json::from_slice::<History>(&bytes).map_err(|e| e.to_string()));
        match history {
            Ok(h) => Some(h),
            Err(why) => {
                tracing::error!(source = %kind, path = %path.display(), reason = %why,
                    "the history of accepted publications is not readable; ignored");
                None
            }
        }
    }
}

/// The largest `record.json` read: a month of history is a few kilobytes.
const RECORD_LIMIT: u64 = 1024 * 1024;

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
