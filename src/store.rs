//! Holds the snapshot that answers requests, and builds snapshots from configured sources.
//!
//! The snapshot sits behind an `ArcSwapOption`: readers take an `Arc` with one atomic load (no
//! lock, no contention between requests), and a reload replaces it whole. A request keeps the
//! `Arc` it started with, so it is answered from exactly one snapshot even if a reload lands
//! meanwhile, and the old snapshot's memory is released when its last request finishes.

use std::sync::Arc;

use std::path::Path;

use arc_swap::ArcSwapOption;

use crate::good_guys::GoodGuys;

use crate::index::{LoadedSource, Snapshot, SourceInfo};
use crate::model::Regime;
use crate::parser::{self, ParseError};
use crate::source::{self, SourceError, SourceSpec};

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
}

#[derive(Debug, Default)]
pub struct ListStore {
    current: ArcSwapOption<Snapshot>,
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
}

/// Reads, parses and indexes every source. Any failure fails the whole load, naming the source:
/// a snapshot is never built from part of the configured lists.
pub fn load(specs: &[SourceSpec], regime: Regime) -> Result<Snapshot, LoadError> {
    load_with(specs, regime, None)
}

/// [`load`], with a good-guy list (accepted false positives) when one is configured.
pub fn load_with(specs: &[SourceSpec], regime: Regime, good_guys: Option<&Path>) -> Result<Snapshot, LoadError> {
    if specs.is_empty() {
        return Err(LoadError::NoSources);
    }
    let good_guys = good_guys.map(GoodGuys::read).transpose()?.unwrap_or_default();
    let mut loaded = Vec::with_capacity(specs.len());
    for spec in specs {
        loaded.push(load_one(spec)?);
    }
    let mut snapshot = Snapshot::build(loaded, regime);
    snapshot.good_guys = good_guys;
    Ok(snapshot)
}

/// Reads and parses one source.
pub fn load_one(spec: &SourceSpec) -> Result<LoadedSource, LoadError> {
    let raw = source::read(spec).map_err(|error| LoadError::Source { spec: spec.to_string(), error })?;
    let parsed = parser::parse(spec.kind, &raw).map_err(|error| LoadError::Parse { spec: spec.to_string(), error })?;
    let loaded_at =
        time::OffsetDateTime::now_utc().format(&time::format_description::well_known::Rfc3339).unwrap_or_default();
    Ok(LoadedSource {
        info: SourceInfo {
            kind: spec.kind,
            location: raw.describe(),
            list_date: parsed.list_date,
            sha256: raw.sha256(),
            entities_total: parsed.entities.len(),
            entities_in_scope: 0,
            loaded_at,
        },
        entities: parsed.entities,
    })
}
