//! Where lists come from: reads a configured source location into raw bytes and fingerprints
//! them. Knows nothing of formats beyond which files make up one publication ([`layout`]).

pub mod layout;

use std::fmt;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::model::SourceKind;
use layout::{FileRole, Files, Need};

/// A source as configured: `KIND=LOCATION`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceSpec {
    pub kind: SourceKind,
    /// Where the publication is read from: the configured path, or for a URL source the local
    /// cache copy that the poller (`fetch`) keeps.
    pub location: PathBuf,
    /// The publisher's URL for URL sources.
    pub url: Option<String>,
    /// Integrity pin: the sha256 (hex) the publication must have, as `GetListStatus` reports
    /// it; any other content is refused. For publications delivered with a digest out of band.
    pub pin: Option<String>,
    /// A publication larger than this is refused before it is read into memory.
    pub max_bytes: u64,
    /// A publication older than this (by its own date, or since its content last changed) is
    /// reported stale: the publisher stopped publishing, or the feed stopped reaching us.
    /// `None`: never stale. See [`default_max_age`].
    pub max_age: Option<std::time::Duration>,
}

/// Default for [`SourceSpec::max_age`], per kind. Lists that state a generation date are judged
/// by it, and the FCDO's and the EU's are regenerated at least every working day, so three days
/// cover a weekend. OFSI's `Last Updated` moved on each change, which came at least weekly before
/// the list was retired (so it shows stale now, as it should). The others are judged by when
/// their content last changed, and change less often: OFAC's SDN list most weeks, Canada's and
/// Japan's every few weeks to months. These are judgement calls, not measurements: an operator
/// tunes them with `--max-list-age KIND=AGE`.
pub fn default_max_age(kind: SourceKind) -> Option<std::time::Duration> {
    const DAY: u64 = 24 * 3600;
    let days = match kind {
        SourceKind::UkFcdo | SourceKind::EuFsf | SourceKind::UkOfsi => 3,
        SourceKind::UsOfacSdn => 14,
        SourceKind::CaSema => 60,
        SourceKind::JpMof => 90,
    };
    Some(std::time::Duration::from_secs(days * DAY))
}

/// Default for [`SourceSpec::max_bytes`]: ten times the largest official file today (the UK's
/// 15 MB), small enough that a runaway or hostile publisher cannot exhaust memory.
pub const DEFAULT_MAX_PUBLICATION_BYTES: u64 = 256 * 1024 * 1024;

impl SourceSpec {
    /// A source without pin and with the default size limit.
    pub fn new(kind: SourceKind, location: PathBuf, url: Option<String>) -> SourceSpec {
        SourceSpec {
            kind,
            location,
            url,
            pin: None,
            max_bytes: DEFAULT_MAX_PUBLICATION_BYTES,
            max_age: default_max_age(kind),
        }
    }

    /// Parses `ca-sema=path/to/sema-lmes.xml` or `uk-ofsi=https://…/ConList.csv` (a URL source's
    /// cache location is set by [`SourceSpec::cached_in`]).
    pub fn parse(s: &str) -> Result<SourceSpec, String> {
        let (kind, loc) = s
            .split_once('=')
            .ok_or_else(|| format!("source `{s}` must be KIND=PATH, e.g. ca-sema=lists/sema-lmes.xml"))?;
        let kind = SourceKind::parse(kind)
            .ok_or_else(|| format!("unknown source kind `{kind}` in `{s}`: expected one of {}", SourceKind::names()))?;
        if loc.trim().is_empty() {
            return Err(format!("source `{s}` has an empty path"));
        }
        let loc = loc.trim();
        if loc.starts_with("https://") || loc.starts_with("http://") {
            return Ok(SourceSpec::new(kind, PathBuf::new(), Some(loc.to_string())));
        }
        Ok(SourceSpec::new(kind, PathBuf::from(loc), None))
    }

    /// For a URL source, points `location` at its copy in `cache_dir`: a directory for OFAC
    /// (the SDN file and its companions), a file otherwise.
    pub fn cached_in(mut self, cache_dir: &Path) -> SourceSpec {
        if let Some(url) = &self.url {
            self.location = layout::of(self.kind).cache_location(self.kind, url, cache_dir);
        }
        self
    }
}

impl fmt::Display for SourceSpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.url {
            Some(u) => write!(f, "{}={u}", self.kind),
            None => write!(f, "{}={}", self.kind, self.location.display()),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum SourceError {
    #[error("cannot read {path}: {error}")]
    Io { path: String, error: std::io::Error },
    #[error("{0}")]
    Missing(String),
    #[error("{path} is {size} bytes, more than the {limit} allowed (--max-publication-bytes)")]
    TooLarge { path: String, size: u64, limit: u64 },
}

/// One file of a publication.
#[derive(Debug, Clone)]
pub struct RawFile {
    /// The file's name in the publication (`SDN.CSV`, `ALT.CSV` ...), or its path for
    /// single-file publications.
    pub role: String,
    /// Where it was read from, for error messages.
    pub path: String,
    pub bytes: Vec<u8>,
}

/// The files of one publication, as read, with their digest.
#[derive(Debug, Clone)]
pub struct RawPublication {
    pub location: String,
    pub files: Vec<RawFile>,
    /// When its files were last written (the latest of them), for the lists that state no date
    /// of their own: how old their content is. `None` when not read from files.
    pub modified: Option<std::time::SystemTime>,
}

impl RawPublication {
    pub fn from_bytes(location: &str, bytes: Vec<u8>) -> RawPublication {
        RawPublication {
            location: location.to_string(),
            files: vec![RawFile { role: location.to_string(), path: location.to_string(), bytes }],
            modified: None,
        }
    }

    pub fn describe(&self) -> String {
        self.location.clone()
    }

    /// A file of the publication by role, case-insensitively.
    pub fn file(&self, role: &str) -> Option<&RawFile> {
        self.files.iter().find(|f| f.role.eq_ignore_ascii_case(role))
    }

    /// sha256 over the files in role order (role names included, so a file moved between roles
    /// changes the digest).
    pub fn sha256(&self) -> String {
        let mut files: Vec<_> = self.files.iter().collect();
        files.sort_by(|a, b| a.role.cmp(&b.role));
        let mut h = Sha256::new();
        if let [f] = files.as_slice() {
            h.update(&f.bytes);
        } else {
            for f in files {
                h.update(f.role.as_bytes());
                h.update((f.bytes.len() as u64).to_le_bytes());
                h.update(&f.bytes);
            }
        }
        hex::encode(h.finalize())
    }
}

/// Reads a source location.
///
/// An OFAC source may name a directory holding `SDN.CSV`, `ALT.CSV`, `ADD.CSV` and optionally
/// `SDN_COMMENTS.CSV` (names matched case-insensitively, as OFAC publishes them), or the SDN file
/// itself: then its companions are the files beside it whose names replace the leading `sdn` by
/// `alt`, `add` and `sdn_comments` (`sdn_2023-12-28.csv` → `alt_2023-12-28.csv`), which is how
/// dated archives are usually kept.
pub fn read(spec: &SourceSpec) -> Result<RawPublication, SourceError> {
    let path = &spec.location;
    let meta = std::fs::metadata(path).map_err(|e| io(path, e))?;
    let location = path.display().to_string();
    let Files::Set(roles) = layout::of(spec.kind).files else {
        if meta.is_dir() {
            return Err(SourceError::Missing(format!(
                "{location} is a directory; a {} source is a single file",
                spec.kind
            )));
        }
        let bytes = read_file(path, &meta, spec.max_bytes)?;
        let mut publication = RawPublication::from_bytes(&location, bytes);
        publication.modified = meta.modified().ok();
        return Ok(publication);
    };
    let files = if meta.is_dir() { set_in_dir(path, roles)? } else { set_beside(path, roles)? };
    let mut out = Vec::new();
    let mut total = 0u64;
    let mut modified = None;
    for (role, file) in files {
        let meta = std::fs::metadata(&file).map_err(|e| io(&file, e))?;
        modified = modified.max(meta.modified().ok());
        let bytes = read_file(&file, &meta, spec.max_bytes.saturating_sub(total)).map_err(|e| match e {
            SourceError::TooLarge { .. } => SourceError::TooLarge {
                path: path.display().to_string(),
                size: total + meta.len(),
                limit: spec.max_bytes,
            },
            e => e,
        })?;
        total += bytes.len() as u64;
        out.push(RawFile { role: role.to_string(), path: file.display().to_string(), bytes });
    }
    Ok(RawPublication { location, files: out, modified })
}

/// Reads one file of a publication, at most `limit` bytes.
///
/// Only regular files (or symlinks to them): a FIFO at a list path would block the reload on
/// `open` until someone writes to it, and a device such as `/dev/zero` reports size 0 and never
/// ends. The size is checked again while reading, not only from the metadata, because a file can
/// grow between the two (a download still appending to it).
fn read_file(path: &Path, meta: &std::fs::Metadata, limit: u64) -> Result<Vec<u8>, SourceError> {
    use std::io::Read;
    if !meta.is_file() {
        return Err(SourceError::Missing(format!(
            "{} is not a regular file (a pipe, device or socket cannot hold a publication)",
            path.display()
        )));
    }
    let too_large = |size| SourceError::TooLarge { path: path.display().to_string(), size, limit };
    if meta.len() > limit {
        return Err(too_large(meta.len()));
    }
    let file = open_regular(path)?;
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes).map_err(|e| io(path, e))?;
    if bytes.len() as u64 > limit {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

/// Only the required file must be there; whether a publication may lack a companion is the
/// reload gate's to decide (it knows `--allow-missing-companions`).
fn set_in_dir(dir: &Path, roles: &'static [FileRole]) -> Result<Vec<(&'static str, PathBuf)>, SourceError> {
    let entries: Vec<PathBuf> =
        std::fs::read_dir(dir).map_err(|e| io(dir, e))?.filter_map(|e| e.ok().map(|e| e.path())).collect();
    let mut out = Vec::new();
    for &FileRole { name: role, need } in roles {
        let mut named = entries
            .iter()
            .filter(|p| p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.eq_ignore_ascii_case(role)));
        let found = named.next();
        // `SDN.CSV` beside `sdn.csv` (a download that changed case): which one is the
        // publication cannot be told, and reading either in silence served the older one.
        if let (Some(a), Some(b)) = (found, named.next()) {
            return Err(SourceError::Missing(format!(
                "{} holds two files for {role}: {} and {}; keep one",
                dir.display(),
                a.display(),
                b.display()
            )));
        }
        match found {
            Some(p) => out.push((role, p.clone())),
            None if need == Need::Required => {
                return Err(SourceError::Missing(format!("{} holds no {role} (OFAC legacy CSV set)", dir.display())))
            }
            None => {}
        }
    }
    Ok(out)
}

/// The set's main file named directly (a dated archive's `sdn_2023-12-28.csv`); see [`read`].
/// The set is OFAC's, the only one there is, which the message names.
fn set_beside(main: &Path, roles: &'static [FileRole]) -> Result<Vec<(&'static str, PathBuf)>, SourceError> {
    let Some((first, others)) = roles.split_first() else { return Ok(Vec::new()) };
    let name = main.file_name().and_then(|n| n.to_str()).unwrap_or_default();
    let lower = name.to_ascii_lowercase();
    let main_prefix = first.archive_prefix();
    let Some(rest) = lower.strip_prefix(main_prefix.as_str()) else {
        let needed: Vec<&str> = roles.iter().filter(|r| r.need != Need::Optional).map(|r| r.name).collect();
        let ext = first.name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
        return Err(SourceError::Missing(format!(
            "{}: an OFAC source is a directory with {}, or an {main_prefix}*.{ext} file",
            main.display(),
            needed.join(", ")
        )));
    };
    // Keep the original spelling of the suffix so `SDN.CSV` finds `ALT.CSV`.
    let suffix = &name[name.len() - rest.len()..];
    let dir = main.parent().unwrap_or(Path::new("."));
    let mut out = vec![(first.name, main.to_path_buf())];
    for role in others {
        let prefix = role.archive_prefix();
        for candidate in [format!("{prefix}{suffix}"), format!("{}{suffix}", prefix.to_ascii_uppercase())] {
            let p = dir.join(&candidate);
            if p.is_file() {
                out.push((role.name, p));
                break;
            }
        }
    }
    Ok(out)
}

/// Opens `path` for reading only if it is a regular file, checked on the opened file itself: a
/// check of the path before opening it leaves a moment in which a FIFO swapped in would block the
/// `open` (and with it every later reload) for good. Opened without blocking for that reason;
/// for a regular file the flag changes nothing.
pub(crate) fn open_regular(path: &Path) -> Result<std::fs::File, SourceError> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path).map_err(|e| io(path, e))?;
    if !file.metadata().map_err(|e| io(path, e))?.is_file() {
        return Err(SourceError::Missing(format!(
            "{} is not a regular file (a pipe, device or socket cannot hold a publication)",
            path.display()
        )));
    }
    Ok(file)
}

/// Reads a regular file of at most `limit` bytes (see [`open_regular`]); for files kept beside
/// the publications, such as the last accepted copies.
pub(crate) fn read_regular(path: &Path, limit: u64) -> Result<Vec<u8>, SourceError> {
    use std::io::Read;
    let file = open_regular(path)?;
    let mut bytes = Vec::new();
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes).map_err(|e| io(path, e))?;
    if bytes.len() as u64 > limit {
        return Err(SourceError::TooLarge { path: path.display().to_string(), size: bytes.len() as u64, limit });
    }
    Ok(bytes)
}

/// Reads a small file the operator points at (the admin token, the telemetry key, TLS
/// certificates, the good-guy list, the configuration) as list files are read: a regular file
/// only, opened without blocking, and at most `limit` bytes. A FIFO at such a path hung the start
/// or, for the admin token read on every call, the whole server; `/dev/zero` filled memory.
pub fn read_small(path: &Path, limit: u64) -> std::io::Result<Vec<u8>> {
    read_regular(path, limit).map_err(|e| match e {
        SourceError::Io { error, .. } => error,
        SourceError::Missing(_) => std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "not a regular file (a pipe, device or socket cannot hold it)",
        ),
        SourceError::TooLarge { limit, .. } => {
            std::io::Error::new(std::io::ErrorKind::InvalidData, format!("larger than {limit} bytes"))
        }
    })
}

fn io(path: &Path, error: std::io::Error) -> SourceError {
    // A symbolic link whose target was removed reads as "no such file", which sends the operator
    // looking for a file that is there.
    if error.kind() == std::io::ErrorKind::NotFound
        && std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
    {
        let target = std::fs::read_link(path).map(|t| t.display().to_string()).unwrap_or_default();
        return SourceError::Missing(format!(
            "{} is a symbolic link to {target}, which does not exist (its target was removed or renamed)",
            path.display()
        ));
    }
    SourceError::Io { path: path.display().to_string(), error }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn a_link_to_a_removed_file_says_so() {
        let dir = std::env::temp_dir().join(format!("screener-dangling-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let link = dir.join("ConList.csv");
        let _ = std::fs::remove_file(&link);
        std::os::unix::fs::symlink(dir.join("gone.csv"), &link).unwrap();
        let spec = SourceSpec::parse(&format!("uk-ofsi={}", link.display())).unwrap();
        let e = read(&spec).unwrap_err().to_string();
        assert!(e.contains("is a symbolic link to") && e.contains("gone.csv") && e.contains("does not exist"), "{e}");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn spec_parsing_explains_mistakes() {
        assert!(SourceSpec::parse("ca-sema=x.xml").is_ok());
        assert!(SourceSpec::parse("x.xml").unwrap_err().contains("KIND=PATH"));
        assert!(SourceSpec::parse("eu=x.xml").unwrap_err().contains("unknown source kind"));
    }

    #[test]
    fn an_ofac_file_not_named_sdn_is_explained() {
        let spec = SourceSpec::new(SourceKind::UsOfacSdn, PathBuf::from(file!()), None);
        let e = read(&spec).expect_err("not an SDN file").to_string();
        assert!(
            e.ends_with(": an OFAC source is a directory with SDN.CSV, ALT.CSV, ADD.CSV, or an sdn*.csv file"),
            "{e}"
        );
    }

    /// Found by an outside test: `SDN.CSV` beside `sdn.csv` served one of them in silence (the
    /// older); now refused, naming both.
    #[test]
    fn two_files_for_one_role_are_refused() {
        let dir = tempfile::tempdir().expect("tempdir");
        for name in ["SDN.CSV", "sdn.csv"] {
            std::fs::write(dir.path().join(name), b"\x1A").expect("write");
        }
        let spec = SourceSpec::new(SourceKind::UsOfacSdn, dir.path().to_path_buf(), None);
        let e = read(&spec).expect_err("two SDN files").to_string();
        assert!(e.contains("two files for SDN.CSV") && e.contains("sdn.csv"), "{e}");
    }

    /// A FIFO at a list path (swapped in after any check of the path) is refused at once, not
    /// waited on: a blocked `open` would hold every later reload.
    #[cfg(unix)]
    #[test]
    fn a_fifo_at_a_list_path_is_refused_without_blocking() {
        let dir = tempfile::tempdir().expect("tempdir");
        let fifo = dir.path().join("sema-lmes.xml");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !made.is_ok_and(|s| s.success()) {
            eprintln!("SKIPPED: no mkfifo");
            return;
        }
        let e = open_regular(&fifo).expect_err("a FIFO").to_string();
        assert!(e.contains("not a regular file"), "{e}");
    }

    #[test]
    fn a_dated_sdn_file_brings_the_companions_beside_it() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/lists/ofac");
        let spec = SourceSpec::new(SourceKind::UsOfacSdn, Path::new(dir).join("sdn_2023-12-28.csv"), None);
        let p = read(&spec).expect("reads");
        let roles: Vec<&str> = p.files.iter().map(|f| f.role.as_str()).collect();
        assert_eq!(roles, ["SDN.CSV", "ALT.CSV", "ADD.CSV", "SDN_COMMENTS.CSV"]);
        assert!(p.files[1].path.ends_with("alt_2023-12-28.csv"), "{}", p.files[1].path);
    }
}
