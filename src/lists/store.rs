//! Holds the snapshot that answers requests, and builds snapshots from configured sources.
//!
//! The snapshot sits behind an `ArcSwapOption`: readers take an `Arc` with one atomic load (no
//! lock, no contention between requests), and a reload replaces it whole. A request keeps the
//! `Arc` it started with, so it is answered from exactly one snapshot even if a reload lands
//! meanwhile, and the old snapshot's memory is released when its last request finishes.

use std::sync::Arc;

use arc_swap::ArcSwapOption;

use dashmap::DashMap;

use crate::index::{LoadedSource, Snapshot, SourceInfo};
use crate::model::now_rfc3339;
use crate::model::{Regime, SourceKind};
use crate::parser::{self, ParseError};
use crate::source::{self, RawPublication, SourceError, SourceSpec};

#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("source {spec}: {error}")]
    Source { spec: String, error: SourceError },
    #[error("source {spec}: {error}")]
    Parse { spec: String, error: ParseError },
    #[error("no list source configured: give at least one --source KIND=PATH (see README)")]
    NoSources,
    #[error(transparent)]
    GoodGuys(#[from] crate::good_guys::GoodGuysError),
    #[error("list loading task failed: {0}")]
    Task(String),
    #[error(
        "source {spec}: the OFAC publication lacks {missing}, which hold the aliases and addresses (a third of \
         the names); put them beside SDN.CSV as OFAC publishes them, or start with --allow-missing-companions"
    )]
    MissingCompanions { spec: String, missing: String },
    #[error("source {spec}: the publication's sha256 is {actual}, not the pinned {pinned}")]
    PinMismatch { spec: String, actual: String, pinned: String },
    #[error("source {spec}: refused by the validation gate: {reason}")]
    Refused { spec: String, reason: String },
    #[error("source {spec}: the publication was refused ({refused}), and the last accepted copy kept in the state directory cannot serve instead: {kept}")]
    KeptUnusable { spec: String, refused: String, kept: String },
    #[error("source {spec}: the state directory cannot judge this start: {what}")]
    StateDamaged { spec: String, what: String },
    #[error("the state directory {dir} is not usable ({error}): it keeps the last accepted lists for the next start; fix it or point --state-dir elsewhere")]
    StateDir { dir: String, error: std::io::Error },
}

/// A publication the validation gate refused, kept for status.
#[derive(Debug, Clone, PartialEq)]
pub struct Refusal {
    pub reason: String,
    /// RFC 3339, UTC.
    pub at: String,
    /// Refusals since start.
    pub count: u32,
    /// The source's file is again the publication serving (restored, or back after it could
    /// not be read): the refusal no longer stands, and status shows it no more.
    pub resolved: bool,
}

#[derive(Debug, Default)]
pub struct ListStore {
    current: ArcSwapOption<Snapshot>,
    /// Per source, the last refused publication. A concurrent map because the reloader writes it
    /// while status requests read it, each source's entry independently; a lock around the whole
    /// would make status calls wait for a reload.
    refusals: DashMap<SourceKind, Refusal>,
    /// What each new version changed; the feed and delta screening read it.
    pub changes: crate::lists::changes::ChangeLog,
}

impl ListStore {
    pub fn new() -> ListStore {
        ListStore::default()
    }

    /// The snapshot answering requests now, or `None` before the first successful load.
    pub fn current(&self) -> Option<Arc<Snapshot>> {
        self.current.load_full()
    }

    pub fn publish(&self, snapshot: Snapshot) -> Arc<Snapshot> {
        let s = Arc::new(snapshot);
        self.current.store(Some(s.clone()));
        s
    }

    pub fn refuse(&self, kind: SourceKind, reason: String) {
        let at = now_rfc3339();
        let mut e = self.refusals.entry(kind).or_insert(Refusal {
            reason: String::new(),
            at: String::new(),
            count: 0,
            resolved: false,
        });
        e.reason = reason;
        e.at = at;
        e.count += 1;
        e.resolved = false;
    }

    /// The source's file reads as the publication serving again: its last refusal is resolved.
    pub fn resolve(&self, kind: SourceKind) {
        if let Some(mut e) = self.refusals.get_mut(&kind) {
            e.resolved = true;
        }
    }

    /// The source's last refusal, if any since start.
    pub fn refusal(&self, kind: SourceKind) -> Option<Refusal> {
        self.refusals.get(&kind).map(|r| r.clone())
    }
}

/// Reads, parses and indexes every source. Any failure fails the whole load, naming the source:
/// a snapshot is never built from part of the configured lists.
pub fn load(specs: &[SourceSpec], regime: Regime) -> Result<Snapshot, LoadError> {
    if specs.is_empty() {
        return Err(LoadError::NoSources);
    }
    let loaded = specs.iter().map(load_one).collect::<Result<Vec<_>, _>>()?;
    Ok(Snapshot::build(loaded, regime))
}

/// Reads and parses one source.
pub fn load_one(spec: &SourceSpec) -> Result<LoadedSource, LoadError> {
    let raw = source::read(spec).map_err(|error| LoadError::Source { spec: spec.to_string(), error })?;
    parse_raw(spec, raw)
}

/// Parses a publication already read from `spec`.
pub fn parse_raw(spec: &SourceSpec, raw: RawPublication) -> Result<LoadedSource, LoadError> {
    let sha256 = raw.sha256();
    if let Some(pinned) = spec.pin.as_deref().filter(|p| !p.eq_ignore_ascii_case(&sha256)) {
        return Err(LoadError::PinMismatch { spec: spec.to_string(), actual: sha256, pinned: pinned.to_string() });
    }
    let parsed = parser::parse(spec.kind, &raw).map_err(|error| LoadError::Parse { spec: spec.to_string(), error })?;
    let loaded_at = now_rfc3339();
    let (published, publication_basis) = match parsed.publication_time() {
        Some(t) => (Some(t), date_field(spec.kind)),
        // When the content was last written: a file replaced by each download, or the cached
        // copy of a URL source (which the poller rewrites only when the bytes changed).
        None => (
            Some(raw.modified.map(time::OffsetDateTime::from).unwrap_or_else(time::OffsetDateTime::now_utc)),
            "content change",
        ),
    };
    Ok(LoadedSource {
        info: SourceInfo {
            kind: spec.kind,
            location: raw.describe(),
            list_date: parsed.list_date,
            sha256,
            entities_total: parsed.entities.len(),
            entities_in_scope: 0,
            loaded_at,
            published,
            publication_basis,
            max_age: spec.max_age,
        },
        entities: parsed.entities.into_iter().map(std::sync::Arc::new).collect(),
    })
}

/// The element or field a list states its publication date in.
fn date_field(kind: SourceKind) -> &'static str {
    match kind {
        SourceKind::UkFcdo => "DateGenerated",
        SourceKind::EuFsf => "generationDate",
        SourceKind::UkOfsi => "Last Updated",
        SourceKind::CaSema | SourceKind::UsOfacSdn | SourceKind::JpMof => "list date",
    }
}
