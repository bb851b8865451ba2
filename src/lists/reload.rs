//! Keeps the lists current without a restart: reloads on file changes (watched, debounced),
//! `SIGHUP` and the admin RPC, each publication through a validation gate, and swaps in a whole
//! new snapshot atomically (see `store`).
//!
//! Each source keeps its last accepted publication. A reload reads every source; an unchanged
//! file (same sha256) is not parsed again; a changed one must pass the gate or it is refused —
//! logged, recorded for status, and the previous publication of that source keeps serving. When
//! at least one source changed, a new snapshot is built from the accepted publications off the
//! request path and published with one atomic store.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use notify::{RecursiveMode, Watcher};
use tokio::sync::{mpsc, Mutex};

use crate::good_guys::GoodGuys;
use crate::index::{LoadedSource, Snapshot};
use crate::lists::gate::{self, Counts, History, Limits};
use crate::lists::last_good::{KeptCopy, LastGood, LedgerState};
use crate::lists::store::{self, ListStore, LoadError};
use crate::model::{Regime, SourceKind};
use crate::source::{layout, RawPublication, SourceSpec};

/// Default largest share of a source's entities (all of them, in scope or not) a new
/// publication may lose before it is refused.
pub const DEFAULT_MAX_SHRINK: f64 = 0.30;

/// Default largest share of a source's in-scope entities (the regime screened against) a new
/// publication may lose before it is refused. Tighter than [`DEFAULT_MAX_SHRINK`] because these
/// are the entities that answer BLOCK: a real publication delists a few of them at a time, while
/// a file cut at 80 % loses a fifth (the UK's Belarus groups, 167 → 131) and passes a limit on the
/// whole list.
pub const DEFAULT_MAX_SCOPE_SHRINK: f64 = 0.10;

/// What happened to one source in a reload.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// A new publication passed the gate and is serving.
    Accepted,
    /// Same content as the one serving.
    Unchanged,
    /// Refused, with the reason; the previous publication keeps serving.
    Refused(String),
    /// The same publication as last time refused again (every poll and every reload reads it):
    /// still refused, not reported again as news.
    StillRefused(String),
}

/// Why the gate refused a publication, and which (when it could be read).
struct Refusal {
    reason: String,
    sha256: Option<String>,
}

impl From<String> for Refusal {
    fn from(reason: String) -> Refusal {
        Refusal { reason, sha256: None }
    }
}

#[derive(Debug, Clone)]
pub struct SourceOutcome {
    pub kind: SourceKind,
    pub outcome: Outcome,
}

#[derive(Debug, Clone)]
pub struct Settings {
    pub sources: Vec<SourceSpec>,
    pub regime: Regime,
    pub good_guys: Option<PathBuf>,
    /// See [`DEFAULT_MAX_SHRINK`].
    pub max_shrink: f64,
    /// See [`DEFAULT_MAX_SCOPE_SHRINK`].
    pub max_scope_shrink: f64,
    /// Start and reload an OFAC source without its ALT.CSV and ADD.CSV (dated archives that lack
    /// them). Off by default: without ALT.CSV a third of the OFAC names are not screened.
    pub allow_missing_companions: bool,
    /// Where the last accepted copy of each source is kept across restarts (see `last_good`).
    pub state_dir: Option<PathBuf>,
}

/// A publication the gate accepted, with what the gate compares the next one against.
#[derive(Clone)]
struct Accepted {
    loaded: LoadedSource,
    /// The publications accepted lately, this one last.
    history: History,
    /// The sha256 of the last publication refused since this one was accepted: the same file
    /// refused again (every poll, every unrelated reload) is not reported again as news.
    refused: Option<String>,
}

/// A publication read and parsed, not yet through the gate.
struct Candidate {
    loaded: LoadedSource,
    counts: Counts,
    /// The files as read, kept when a state directory is configured.
    raw: Option<RawPublication>,
}

/// What one pass over the sources produced.
struct Reloaded {
    /// The last accepted publication of each source, after this pass.
    accepted: Vec<Option<Accepted>>,
    outcomes: Vec<SourceOutcome>,
    /// A new snapshot, when anything changed.
    snapshot: Option<Snapshot>,
}

pub struct Reloader {
    settings: Settings,
    store: Arc<ListStore>,
    last_good: Option<LastGood>,
    /// The last accepted publication of each source, in configuration order. Behind an async
    /// mutex because it also serialises reloads: two triggers at once run one after the other,
    /// never interleaved.
    accepted: Mutex<Vec<Option<Accepted>>>,
    /// What the sources looked like when last read (see [`Reloader::poll_metadata`]).
    seen: std::sync::Mutex<Fingerprint>,
    /// Whether the watcher is waiting for a change to settle (a write in progress).
    debouncing: AtomicBool,
    /// List files written to and not closed since, as the watcher hears of them: not read until
    /// they are closed, by any trigger. Kept from the first write, not only once the watcher
    /// stopped waiting ([`MAX_WRITE_WAIT`]): a forced admin reload or a SIGHUP while a file was
    /// being written in place read it half-written, and served it (round 25).
    open_for_writing: Arc<std::sync::Mutex<HashSet<PathBuf>>>,
}

impl Reloader {
    pub fn new(settings: Settings, store: Arc<ListStore>) -> Reloader {
        let n = settings.sources.len();
        let last_good = settings.state_dir.clone().map(LastGood::new);
        Reloader {
            settings,
            store,
            last_good,
            accepted: Mutex::new(vec![None; n]),
            seen: Default::default(),
            debouncing: AtomicBool::new(false),
            open_for_writing: Default::default(),
        }
    }

    /// Whether the source's file is one the watcher saw written to and not closed since (see
    /// [`Reloader::watch`]).
    fn still_being_written(&self, location: &std::path::Path) -> bool {
        let open = self.open_for_writing.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        !open.is_empty()
            && (open.contains(location) || std::fs::canonicalize(location).is_ok_and(|real| open.contains(&real)))
    }

    /// Whether a last accepted copy of the source is kept (see `last_good`): a URL source with
    /// one need not wait for its publisher to start.
    pub fn has_kept(&self, kind: SourceKind) -> bool {
        self.last_good.as_ref().is_some_and(|l| l.has(kind))
    }

    /// The configured sources, in order.
    pub fn kinds(&self) -> Vec<SourceKind> {
        self.settings.sources.iter().map(|s| s.kind).collect()
    }

    /// The first load: every source must load (there is nothing older to fall back on), or the
    /// error names the source and the problem.
    pub async fn initial(self: &Arc<Self>) -> Result<Arc<Snapshot>, LoadError> {
        let span = reload_span("initial");
        let started = std::time::Instant::now();
        let this = self.clone();
        let mut accepted = self.accepted.lock().await;
        let in_task = span.clone();
        let (loaded, good_guys) = tokio::task::spawn_blocking(move || -> Result<_, LoadError> {
            let _entered = in_task.enter();
            this.note_seen();
            if this.last_good.is_none() {
                tracing::info!(
                    "no --state-dir: this start serves the lists as they are, not judged by what was accepted before it \
                     (a list cut while the service was down would serve); give --state-dir to keep the last accepted copies"
                );
            }
            if let Some(l) = &this.last_good {
                l.check_writable()
                    .map_err(|error| LoadError::StateDir { dir: l.dir().display().to_string(), error })?;
            }
            let good_guys = this.settings.good_guys.as_deref().map(GoodGuys::read).transpose()?.unwrap_or_default();
            let loaded = this
                .settings
                .sources
                .iter()
                .map(|spec| {
                    let s = source_span(spec.kind);
                    let _e = s.enter();
                    let t = std::time::Instant::now();
                    let loaded = this.load_first(spec);
                    s.record("outcome", if loaded.is_ok() { "accepted" } else { "refused" });
                    s.record("duration_ms", t.elapsed().as_secs_f64() * 1e3);
                    if let Ok(l) = &loaded {
                        s.record("entities", l.loaded.entities.len() as i64);
                    }
                    loaded
                })
                .collect::<Result<Vec<_>, _>>()?;
            Ok((loaded, good_guys))
        })
        .await
        .map_err(|e| LoadError::Task(e.to_string()))?
        .inspect_err(|_| {
            span.record("outcome", "failed");
        })?;
        for s in loaded.iter().map(|a| &a.loaded) {
            tracing::info!(
                source = %s.info.kind, location = %s.info.location, sha256 = %s.info.sha256,
                entities_total = s.entities.len(), "list loaded"
            );
        }
        let snapshot = build(loaded.iter().map(|a| a.loaded.clone()).collect(), self.settings.regime, good_guys);
        *accepted = loaded.into_iter().map(Some).collect();
        let s = self.store.publish(snapshot);
        crate::metrics::snapshot(&s);
        record_snapshot(&span, "changed", &s, started);
        Ok(s)
    }

    /// Reloads every source through the gate; `force` lets a publication through the shrink and
    /// scope checks (never through a parse error). Returns what happened to each source.
    pub async fn reload(self: &Arc<Self>, force: &[SourceKind], trigger: &str) -> Vec<SourceOutcome> {
        let force = force.to_vec();
        let span = reload_span(trigger);
        let mut accepted = self.accepted.lock().await;
        // A copy, not a move: should the reload task panic, the last accepted publications
        // (the gate's reference for shrink checks) must still be here for the next reload.
        let current: Vec<Option<Accepted>> = accepted.clone();
        let this = self.clone();
        let started = std::time::Instant::now();
        let in_task = span.clone();
        let result = tokio::task::spawn_blocking(move || {
            let _entered = in_task.enter();
            this.reload_blocking(current, &force)
        })
        .await;
        let Reloaded { accepted: next, outcomes, snapshot } = match result {
            Ok(r) => r,
            Err(e) => {
                span.record("outcome", "failed");
                tracing::error!(error = %e, "reload task failed; the previous lists keep serving");
                return Vec::new();
            }
        };
        for o in &outcomes {
            crate::metrics::source_refused(o.kind, matches!(o.outcome, Outcome::Refused(_) | Outcome::StillRefused(_)));
            match &o.outcome {
                Outcome::Refused(reason) => {
                    tracing::warn!(source = %o.kind, trigger, reason = %reason, "publication refused; the previous one keeps serving");
                    self.store.refuse(o.kind, reason.clone());
                    crate::metrics::refused(o.kind);
                }
                Outcome::StillRefused(reason) => {
                    tracing::debug!(source = %o.kind, trigger, reason = %reason, "the refused publication is still there")
                }
                Outcome::Accepted => tracing::info!(source = %o.kind, trigger, "new publication accepted"),
                Outcome::Unchanged => tracing::debug!(source = %o.kind, trigger, "unchanged"),
            }
        }
        // The lists changed whatever another source did: one source left refused counted every
        // later reload as refused, even those that served new lists (an outside test). Each
        // refusal is counted by source apart (`screener_publications_refused_total`).
        let summary = if snapshot.is_some() {
            "changed"
        } else if outcomes.iter().any(|o| matches!(o.outcome, Outcome::Refused(_) | Outcome::StillRefused(_))) {
            "refused"
        } else {
            "unchanged"
        };
        crate::metrics::reload(summary, started.elapsed());
        span.record("outcome", summary);
        span.record("duration_ms", started.elapsed().as_secs_f64() * 1e3);
        if let Some(snapshot) = snapshot {
            let old = self.store.current();
            let s = self.store.publish(snapshot);
            crate::metrics::snapshot(&s);
            if let Some(old) = old {
                // Diffed off the request path, after the swap: requests never wait for it.
                let (old, new, store) = (old, s.clone(), self.store.clone());
                if let Ok(change) = tokio::task::spawn_blocking(move || crate::lists::changes::diff(&old, &new)).await {
                    let counts: Vec<String> = change
                        .sources
                        .iter()
                        .map(|c| {
                            let kind = c.source.map(|k| k.as_str()).unwrap_or("?");
                            format!("{kind}: +{} -{} ~{}", c.added.len(), c.removed.len(), c.changed.len())
                        })
                        .collect();
                    tracing::info!(list_version = %change.list_version, changes = %counts.join(", "), "list change");
                    store.changes.record(change);
                }
            }
            record_snapshot(&span, summary, &s, started);
            tracing::info!(
                list_version = %s.list_version, entities = s.entity_count(), trigger,
                elapsed_ms = started.elapsed().as_millis() as u64, "serving new lists"
            );
        }
        *accepted = next;
        outcomes
    }

    fn reload_blocking(&self, mut accepted: Vec<Option<Accepted>>, force: &[SourceKind]) -> Reloaded {
        self.note_seen();
        let mut outcomes = Vec::new();
        let mut changed = false;
        for (i, spec) in self.settings.sources.iter().enumerate() {
            let span = source_span(spec.kind);
            let _entered = span.enter();
            let started = std::time::Instant::now();
            // A file still open for writing may be a publication cut short that passes every
            // check (a newer date, cut at a record, 3 % of it missing: round 17 served it, and
            // listed people went CLEAR): it is not read, even with `force`, until it is closed.
            let checked = if self.still_being_written(&spec.location) {
                Err(Refusal {
                    reason: "the file is still open for writing (a write in progress, or a writer that has not closed \
                             it); it is read once closed: publish with an atomic rename"
                        .into(),
                    sha256: Some("still open for writing".into()),
                })
            } else {
                self.check(spec, accepted[i].as_ref(), force.contains(&spec.kind))
            };
            let outcome = match checked {
                Ok(None) => {
                    // The file is the publication serving (again): a refusal since, of another
                    // file or of none that could be read, no longer stands.
                    if let Some(a) = accepted[i].as_mut() {
                        a.refused = None;
                    }
                    self.store.resolve(spec.kind);
                    Outcome::Unchanged
                }
                Ok(Some(new)) => {
                    span.record("entities", new.loaded.entities.len() as i64);
                    accepted[i] = Some(new);
                    changed = true;
                    Outcome::Accepted
                }
                Err(Refusal { reason, sha256 }) => match accepted[i].as_mut() {
                    Some(a) if sha256.is_some() && a.refused == sha256 => Outcome::StillRefused(reason),
                    Some(a) => {
                        a.refused = sha256;
                        Outcome::Refused(reason)
                    }
                    None => Outcome::Refused(reason),
                },
            };
            span.record("duration_ms", started.elapsed().as_secs_f64() * 1e3);
            span.record(
                "outcome",
                match outcome {
                    Outcome::Accepted => "accepted",
                    Outcome::Unchanged => "unchanged",
                    Outcome::Refused(_) | Outcome::StillRefused(_) => "refused",
                },
            );
            outcomes.push(SourceOutcome { kind: spec.kind, outcome });
        }
        // The good-guy list reloads with the lists; a broken one keeps the previous one.
        let good_guys = match self.settings.good_guys.as_deref().map(GoodGuys::read).transpose() {
            Ok(g) => g.unwrap_or_default(),
            Err(e) => {
                tracing::warn!(error = %e, "good-guy list refused; the previous one keeps serving");
                self.store.current().map(|s| s.good_guys.clone()).unwrap_or_default()
            }
        };
        let good_guys_changed = self.store.current().is_some_and(|s| s.good_guys != good_guys);
        let snapshot = (changed || good_guys_changed)
            .then(|| accepted.iter().flatten().map(|a| a.loaded.clone()).collect::<Vec<_>>())
            .filter(|l| l.len() == self.settings.sources.len())
            .map(|loaded| build(loaded, self.settings.regime, good_guys));
        Reloaded { accepted, outcomes, snapshot }
    }

    fn limits(&self) -> Limits {
        Limits {
            regime: self.settings.regime,
            max_shrink: self.settings.max_shrink,
            max_scope_shrink: self.settings.max_scope_shrink,
        }
    }

    /// What judges a start that has no usable copy of a source to fall back on. The history kept
    /// apart when it is whole; nothing for a first start (neither kept) or for what was kept from
    /// another location (a state directory shared by instances serving different files, reported).
    /// A history or copy that is there but cannot be read is damage, and the start fails rather
    /// than serve a publication unjudged: the state directory says the source was accepted before.
    fn history_without_copy(&self, spec: &SourceSpec, location: &str, copy: KeptCopy) -> Result<History, LoadError> {
        let Some(l) = &self.last_good else { return Ok(History::default()) };
        let damaged = |what: String| LoadError::StateDamaged { spec: spec.to_string(), what };
        let history_path = l.ledger_path(spec.kind);
        match (copy, l.ledger(spec.kind, location)) {
            (_, LedgerState::Usable(h)) => Ok(h),
            (_, LedgerState::Unusable(why)) => Err(damaged(format!(
                "the history of accepted publications, {path}, is unusable ({why}), and there is no usable kept \
                 copy; restore them, or remove {path} to start this source as a first start would",
                path = history_path.display()
            ))),
            (KeptCopy::Unusable(why), LedgerState::Absent) => Err(damaged(format!(
                "the kept copy is unusable ({why}) and no history is kept apart from it; restore it, or remove its \
                 directory to start this source as a first start would"
            ))),
            // Another location's (a state directory shared by instances serving different files,
            // or a file moved): what this source accepted before is not known, and a first start
            // would serve whatever is there unjudged.
            (KeptCopy::Elsewhere(kept_from), _) | (_, LedgerState::Elsewhere(kept_from)) => Err(damaged(format!(
                "it keeps this source as read from {kept_from}, not from {location}; give each instance its own \
                 --state-dir, or if the list moved, remove {} and {} to start this source as a first start would",
                l.dir().join(spec.kind.as_str()).display(),
                history_path.display()
            ))),
            (KeptCopy::Absent | KeptCopy::Usable(_), LedgerState::Absent) => Ok(History::default()),
        }
    }

    /// Reads and parses a source, with the companions it must have.
    fn candidate(&self, spec: &SourceSpec, raw: RawPublication) -> Result<Candidate, LoadError> {
        let missing = missing_companions(spec, &raw);
        if !missing.is_empty() && !self.settings.allow_missing_companions {
            return Err(LoadError::MissingCompanions { spec: spec.to_string(), missing: missing.join(", ") });
        }
        if !missing.is_empty() {
            tracing::warn!(source = %spec.kind, missing = %missing.join(", "),
                "OFAC source without companions (--allow-missing-companions): their aliases and addresses are not screened");
        }
        let companions = companion_rows(spec, &raw);
        let kept = self.last_good.is_some().then(|| raw.clone());
        let loaded = store::parse_raw(spec, raw)?;
        let dated = (loaded.info.publication_basis != "content change").then_some(loaded.info.published).flatten();
        let counts = Counts::of(&loaded, companions, dated);
        Ok(Candidate { loaded, counts, raw: kept })
    }

    /// Takes a candidate the gate let through: its history extended, its copy kept.
    fn accept(&self, c: Candidate, mut history: History, force: bool) -> Accepted {
        history.accept(c.counts, force);
        if let (Some(last_good), Some(raw)) = (&self.last_good, &c.raw) {
            if let Err(e) = last_good.save(c.loaded.info.kind, raw, &history) {
                tracing::warn!(source = %c.loaded.info.kind, dir = %last_good.dir().display(), error = %e,
                    "cannot keep the accepted publication for the next start; it serves, but a restart cannot fall back to it");
            }
        }
        Accepted { loaded: c.loaded, history, refused: None }
    }

    /// The first load of a source. Without a kept copy (no `--state-dir`, or the first start)
    /// there is nothing to compare with: the publication must parse, or the start fails naming
    /// the source. With one, the publication passes the same gate as a reload against the
    /// publications accepted before the restart, and if it is refused (or does not parse) the
    /// kept copy serves instead, the refusal reported in status as on a reload.
    fn load_first(&self, spec: &SourceSpec) -> Result<Accepted, LoadError> {
        let location = spec.location.display().to_string();
        let copy = match &self.last_good {
            Some(l) => l.kept(spec.kind, &location, spec.max_bytes),
            None => KeptCopy::Absent,
        };
        let fresh = crate::source::read(spec)
            .map_err(|error| LoadError::Source { spec: spec.to_string(), error })
            .and_then(|raw| self.candidate(spec, raw));
        let kept = match copy {
            KeptCopy::Usable(kept) => {
                // Kept by a version before the history was kept apart, or lost since: kept now.
                if let Some(l) = &self.last_good {
                    if !matches!(l.ledger(spec.kind, &location), LedgerState::Usable(_)) {
                        match l.save_ledger(spec.kind, &location, &kept.history) {
                            Ok(()) => tracing::warn!(source = %spec.kind, path = %l.ledger_path(spec.kind).display(),
                                "the history of accepted publications was missing or unusable; written again from the kept copy"),
                            Err(e) => tracing::warn!(source = %spec.kind, error = %e,
                                "cannot keep the history of accepted publications"),
                        }
                    }
                }
                kept
            }
            copy => {
                let c = fresh?;
                let mut history = self.history_without_copy(spec, &location, copy)?;
                // The very publication the history ends with: nothing to judge; its copy is kept
                // anew, and the history ends with it once, not twice.
                if history.serving().is_some_and(|k| k.sha256 == c.counts.sha256) {
                    history.0.pop();
                    return Ok(self.accept(c, history, false));
                }
                // No copy to fall back on. With what was accepted before still known (the copy
                // lost or damaged, its history kept apart), the publication is judged by it, and
                // one the gate refuses fails the start, since nothing else can serve. Otherwise
                // (a first start) what needs no reference still applies: a date in the future
                // would make every real publication after it look older.
                gate::check(&c.counts, &history, self.limits()).map_err(|reason| {
                    let reason = if history.serving().is_some() {
                        format!(
                            "{reason}; there is no usable kept copy to serve instead, and the history of what was \
                             accepted ({}.history.json in the state directory) is what refused it: restore the copy, \
                             or remove that file to accept this publication as a first start would",
                            spec.kind.as_str()
                        )
                    } else {
                        reason
                    };
                    LoadError::Refused { spec: spec.to_string(), reason }
                })?;
                if history.serving().is_some() {
                    tracing::warn!(source = %spec.kind,
                        "no usable kept copy; the publication passed the gate against the history kept apart, and is kept anew");
                }
                return Ok(self.accept(c, history, false));
            }
        };
        let refused = match fresh {
            Ok(c) if kept.history.serving().is_some_and(|k| k.sha256 == c.counts.sha256) => {
                return Ok(Accepted { loaded: c.loaded, history: kept.history, refused: None })
            }
            Ok(c) => match gate::check(&c.counts, &kept.history, self.limits()) {
                Ok(()) => return Ok(self.accept(c, kept.history, false)),
                Err(reason) => (reason, Some(c.counts.sha256)),
            },
            Err(e) => (e.to_string(), None),
        };
        let (reason, sha) = refused;
        let loaded = store::parse_raw(spec, kept.raw).map_err(|e| LoadError::KeptUnusable {
            spec: spec.to_string(),
            refused: reason.clone(),
            kept: e.to_string(),
        })?;
        let since = kept.history.serving().map(|c| c.accepted_at).unwrap_or_default();
        let since = time::OffsetDateTime::from_unix_timestamp(since).map(|t| t.to_string()).unwrap_or_default();
        let reason = format!(
            "at start: {reason}; serving the last accepted copy (accepted {since}) kept in the state directory"
        );
        tracing::warn!(source = %spec.kind, reason = %reason, "publication refused at start; the last accepted copy serves");
        self.store.refuse(spec.kind, reason);
        crate::metrics::refused(spec.kind);
        Ok(Accepted { loaded, history: kept.history, refused: sha })
    }

    /// The validation gate for one source (see [`gate`]). `Ok(None)`: unchanged.
    fn check(&self, spec: &SourceSpec, previous: Option<&Accepted>, force: bool) -> Result<Option<Accepted>, Refusal> {
        let raw = crate::source::read(spec).map_err(|e| e.to_string())?;
        let sha256 = Some(raw.sha256());
        let refused = |reason: String| Refusal { reason, sha256: sha256.clone() };
        let Some(prev) = previous else {
            let c = self.candidate(spec, raw).map_err(|e| refused(e.to_string()))?;
            if !force {
                gate::check(&c.counts, &History::default(), self.limits()).map_err(refused)?;
            }
            return Ok(Some(self.accept(c, History::default(), force)));
        };
        if prev.loaded.info.sha256 == raw.sha256() {
            return Ok(None);
        }
        let mut c = self.candidate(spec, raw).map_err(|e| refused(e.to_string()))?;
        if !force {
            gate::check(&c.counts, &prev.history, self.limits()).map_err(refused)?;
            fn ids(l: &LoadedSource) -> Vec<&str> {
                l.entities.iter().map(|e| e.id.as_str()).collect()
            }
            gate::ends_where_serving_went_on(&ids(&prev.loaded), &ids(&c.loaded)).map_err(refused)?;
        }
        // A list without a date of its own is as old as its content: the same entities written
        // again (line endings changed, a workbook saved again) keep the serving one's time, or a
        // pipeline rewriting a dead list daily would keep it from ever being reported stale
        // (round 17).
        let (new, old) = (&c.loaded.info, &prev.loaded.info);
        fn by_id(l: &crate::index::LoadedSource) -> Vec<&crate::model::Entity> {
            let mut e: Vec<&crate::model::Entity> = l.entities.iter().map(|e| &**e).collect();
            e.sort_by(|a, b| a.id.cmp(&b.id));
            e
        }
        if new.publication_basis == "content change"
            && old.publication_basis == "content change"
            && c.loaded.entities.len() == prev.loaded.entities.len()
            && by_id(&c.loaded) == by_id(&prev.loaded)
        {
            c.loaded.info.published = old.published;
        }
        Ok(Some(self.accept(c, prev.history.clone(), force)))
    }

    /// Watches the source files and reloads on change (debounced: a burst of events, such as a
    /// write then an atomic rename, counts once, and the files must have stopped changing).
    /// Runs until the process ends.
    ///
    /// Only events that change content count (written and closed, created, renamed, removed):
    /// reading the files, as every reload does, raises open, read and close events on the very
    /// files watched, and reacting to those made an idle server reload itself several times a
    /// second.
    pub fn watch(self: &Arc<Self>) -> notify::Result<()> {
        // Unbounded: the debounce tracks which files are still open for writing, so no event may
        // be dropped; events only come as fast as someone writes to the watched directories.
        let (tx, mut rx) = mpsc::unbounded_channel::<(Vec<PathBuf>, Content)>();
        let wanted = watched_files(&self.settings.sources);
        let dirs: HashSet<PathBuf> = wanted.iter().map(|(d, _)| d.clone()).collect();
        let stat_paths: Vec<PathBuf> = self.settings.sources.iter().map(|s| s.location.clone()).collect();
        // The poll first: it also covers what the watcher below cannot watch.
        self.poll_metadata();
        let open = self.open_for_writing.clone();
        let mut watcher = notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
            if let Ok(event) = res {
                let paths: Vec<PathBuf> = event.paths.into_iter().filter(|p| relevant(p, &wanted)).collect();
                if let (Some(content), false) = (content_change(&event.kind), paths.is_empty()) {
                    // Here, as the event comes, so that a reload by any trigger a moment later
                    // knows of the write.
                    note_writes(&open, &paths, content);
                    let _ = tx.send((paths, content));
                }
            }
        })?;
        // A directory that cannot be watched (missing while its source serves the kept copy)
        // leaves the others watched, and the poll sees it when it appears.
        for d in &dirs {
            if let Err(e) = watcher.watch(d, RecursiveMode::NonRecursive) {
                tracing::warn!(dir = %d.display(), error = %e, "cannot watch a list directory; its changes are seen by the 5 s poll");
            }
        }
        let this = self.clone();
        tokio::spawn(async move {
            let _watcher = watcher;
            while let Some(first) = rx.recv().await {
                // Debounce: wait until no event came for a moment, no file written to is still
                // open for writing (a download in progress), and the files' sizes and times stayed
                // the same across the quiet moment. A writer that never closes (or a lost close
                // event) is waited for at most MAX_WRITE_WAIT; the completeness checks decide then.
                this.debouncing.store(true, Ordering::Relaxed);
                let started = tokio::time::Instant::now();
                let mut writing: HashSet<PathBuf> = HashSet::new();
                track(&mut writing, first);
                let mut seen = stat_all(&stat_paths);
                loop {
                    match tokio::time::timeout(DEBOUNCE, rx.recv()).await {
                        Ok(Some(event)) => track(&mut writing, event),
                        Ok(None) => return,
                        Err(_) => {
                            let now = stat_all(&stat_paths);
                            let waited_out = started.elapsed() > MAX_WRITE_WAIT;
                            // A file that never stops changing (a log written into the list
                            // directory) must not hold reloads back for ever either.
                            if waited_out || (now == seen && writing.is_empty()) {
                                if !writing.is_empty() {
                                    tracing::warn!(
                                        files = writing.len(),
                                        "list files still open for writing after {} s; they are not read until \
                                         closed, the publications serving stay (publish with an atomic rename)",
                                        MAX_WRITE_WAIT.as_secs()
                                    );
                                }
                                break;
                            }
                            seen = now;
                        }
                    }
                }
                this.reload(&[], "file change").await;
                this.debouncing.store(false, Ordering::Relaxed);
            }
        });
        Ok(())
    }
}

impl Reloader {
    /// The watcher's safety net: every [`STAT_POLL`], the sources' resolved paths, sizes, times
    /// and inodes, and a reload when they changed and stayed so for a moment.
    ///
    /// inotify watches inodes, not names, so some ways of publishing are invisible to it: a
    /// Kubernetes ConfigMap or Secret volume swaps a `..data` symlink (the watched names never
    /// change), an edit to a symlink's target happens in another directory, and a directory
    /// replaced by `mv` leaves the watch on the old one, dead. Each of these changes what a
    /// path resolves to, which this sees.
    ///
    /// A reload records what it read (`seen`), so a change the watcher already reloaded is not
    /// reloaded a second time here.
    fn poll_metadata(self: &Arc<Self>) {
        let this = self.clone();
        tokio::spawn(async move {
            let look = || {
                let this = this.clone();
                async move { tokio::task::spawn_blocking(move || this.resolved()).await.unwrap_or_default() }
            };
            loop {
                tokio::time::sleep(STAT_POLL).await;
                let now = look().await;
                if this.seen.lock().is_ok_and(|seen| *seen == now) || this.debouncing.load(Ordering::Relaxed) {
                    continue;
                }
                // Unchanged for a whole poll interval, and the watcher not waiting on a write:
                // a download paused midway is not a publication.
                tokio::time::sleep(STAT_POLL).await;
                if look().await != now || this.debouncing.load(Ordering::Relaxed) {
                    continue;
                }
                this.reload(&[], "file change (polled)").await;
            }
        });
    }

    fn resolved(&self) -> Fingerprint {
        let paths: Vec<PathBuf> = self.settings.sources.iter().map(|s| s.location.clone()).collect();
        resolved(&paths)
    }

    /// Notes what the sources look like now, before they are read.
    fn note_seen(&self) {
        let now = self.resolved();
        if let Ok(mut seen) = self.seen.lock() {
            *seen = now;
        }
    }
}

/// How often [`Reloader::poll_metadata`] looks.
const STAT_POLL: Duration = Duration::from_secs(5);

/// Each source file's path, resolved path, size, time, inode and access (mode and owner): a file
/// refused as unreadable and then given read permission (`chmod`, which inotify reports as a
/// metadata change the watcher ignores) is reloaded by the poll.
type Fingerprint = Vec<(PathBuf, Option<PathBuf>, u64, Option<std::time::SystemTime>, u64, u64)>;

/// The [`Fingerprint`] of the sources (the files of a directory source).
fn resolved(paths: &[PathBuf]) -> Fingerprint {
    #[cfg(unix)]
    fn inode(m: &std::fs::Metadata) -> u64 {
        std::os::unix::fs::MetadataExt::ino(m)
    }
    #[cfg(not(unix))]
    fn inode(_: &std::fs::Metadata) -> u64 {
        0
    }
    #[cfg(unix)]
    fn access(m: &std::fs::Metadata) -> u64 {
        use std::os::unix::fs::MetadataExt;
        (u64::from(m.uid()) << 32) ^ (u64::from(m.gid()) << 16) ^ u64::from(m.mode())
    }
    #[cfg(not(unix))]
    fn access(m: &std::fs::Metadata) -> u64 {
        u64::from(m.permissions().readonly())
    }
    // The directories themselves too: one replaced by `mv` changes inode.
    let dirs = paths.iter().filter(|p| p.is_dir()).cloned();
    dirs.chain(source_files(paths))
        .filter_map(|p| {
            let m = std::fs::metadata(&p).ok()?;
            let canonical = std::fs::canonicalize(&p).ok();
            Some((p, canonical, m.len(), m.modified().ok(), inode(&m), access(&m)))
        })
        .collect()
}

/// How long the watched files must be quiet before a reload.
const DEBOUNCE: Duration = Duration::from_millis(250);

/// Longest the watcher waits for a file written to to be closed.
const MAX_WRITE_WAIT: Duration = Duration::from_secs(60);

/// What a watcher event says about a file's content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Content {
    /// Written to, and perhaps still open for writing.
    Written,
    /// Closed after writing: the write is over.
    Closed,
    /// Created, renamed or removed: whole at once.
    Replaced,
}

/// Keeps `open` (the files being written) up to date with a watcher event: a file written to is
/// open for writing until closed after writing, replaced or removed. Only inotify reports closing
/// after writing; elsewhere a write is not waited for.
fn note_writes(open: &std::sync::Mutex<HashSet<PathBuf>>, paths: &[PathBuf], content: Content) {
    let mut open = open.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    for p in paths {
        if content == Content::Written && cfg!(target_os = "linux") {
            open.insert(p.clone());
        } else {
            open.remove(p);
        }
    }
}

/// Which files a publication is being written to.
fn track(writing: &mut HashSet<PathBuf>, (paths, content): (Vec<PathBuf>, Content)) {
    // Only inotify reports closing after writing; elsewhere a write is not waited for.
    let closes_reported = cfg!(target_os = "linux");
    for p in paths {
        if content == Content::Written && closes_reported {
            writing.insert(p);
        } else {
            writing.remove(&p);
        }
    }
}

/// What a watcher event can mean for content: written, closed after writing, created, renamed
/// or removed. `None` for opening, reading, closing after reading and metadata changes (`touch`,
/// `chmod`): they cannot change content, and the service's own reads raise them.
fn content_change(kind: &notify::EventKind) -> Option<Content> {
    use notify::event::{AccessKind, AccessMode, ModifyKind};
    use notify::EventKind as K;
    match kind {
        K::Access(AccessKind::Close(AccessMode::Write)) => Some(Content::Closed),
        K::Access(_) | K::Modify(ModifyKind::Metadata(_)) | K::Other => None,
        K::Modify(ModifyKind::Data(_)) | K::Modify(ModifyKind::Any) | K::Modify(ModifyKind::Other) | K::Any => {
            Some(Content::Written)
        }
        K::Create(_) | K::Modify(ModifyKind::Name(_)) | K::Remove(_) => Some(Content::Replaced),
    }
}

/// Size and modification time of every file a source is read from (the files of a directory
/// source), to tell a finished write from one still in progress.
fn stat_all(paths: &[PathBuf]) -> Vec<(PathBuf, u64, Option<std::time::SystemTime>)> {
    source_files(paths)
        .into_iter()
        .filter_map(|p| {
            let m = std::fs::metadata(&p).ok()?;
            Some((p, m.len(), m.modified().ok()))
        })
        .collect()
}

/// The files sources are read from: a file source's path, a directory source's entries (sorted).
fn source_files(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            if let Ok(entries) = std::fs::read_dir(p) {
                let mut files: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
                files.sort();
                out.extend(files);
            }
        } else {
            out.push(p.clone());
        }
    }
    out
}

/// The companions that carry names and addresses, which a publication must have (see
/// [`Need::Companion`](crate::source::layout::Need::Companion)): without OFAC's `ALT.CSV` the
/// aliases of every entity go unscreened (a third of the names), and without `ADD.CSV` their
/// countries.
fn missing_companions(spec: &SourceSpec, raw: &RawPublication) -> Vec<&'static str> {
    layout::of(spec.kind).companions().filter(|role| raw.file(role).is_none()).collect()
}

/// Rows (lines) of each companion file; a companion that loses most of them is a shrink even
/// though the entity count is the same.
fn companion_rows(spec: &SourceSpec, raw: &RawPublication) -> Vec<(String, usize)> {
    layout::of(spec.kind)
        .companions()
        .filter_map(|role| raw.file(role))
        .map(|f| (f.role.to_ascii_uppercase(), f.bytes.iter().filter(|b| **b == b'\n').count()))
        .collect()
}

/// The snapshot, with the good-guy list. An acceptance turns a REVIEW into a CLEAR, so it is an
/// input of every decision like the lists: a non-empty good-guy list is digested into
/// `list_version`, and a decision's version names the acceptances in force too.
fn build(loaded: Vec<LoadedSource>, regime: Regime, good_guys: GoodGuys) -> Snapshot {
    let mut s = Snapshot::build(loaded, regime);
    if !good_guys.is_empty() {
        use sha2::Digest;
        let mut h = sha2::Sha256::new();
        h.update(s.list_version.as_bytes());
        h.update(good_guys.digest());
        s.list_version = hex::encode(&h.finalize()[..8]);
    }
    s.good_guys = good_guys;
    s
}

/// (directory, file name or `None` for "any file in it") for each source, absolute.
fn watched_files(specs: &[SourceSpec]) -> Vec<(PathBuf, Option<String>)> {
    let mut out = Vec::new();
    for s in specs {
        let p = std::path::absolute(&s.location).unwrap_or_else(|_| s.location.clone());
        if p.is_dir() {
            out.push((p, None));
        } else if let (Some(dir), Some(name)) = (p.parent(), p.file_name().and_then(|n| n.to_str())) {
            if layout::of(s.kind).is_set() {
                // The main file's companions live beside it (see `source::read`).
                out.push((dir.to_path_buf(), None));
            } else {
                out.push((dir.to_path_buf(), Some(name.to_string())));
            }
        }
    }
    out
}

fn relevant(path: &Path, wanted: &[(PathBuf, Option<String>)]) -> bool {
    let (Some(dir), Some(name)) = (path.parent(), path.file_name().and_then(|n| n.to_str())) else { return false };
    wanted.iter().any(|(d, f)| d == dir && f.as_deref().is_none_or(|f| f == name))
}

/// Reloads on SIGHUP, the conventional "re-read your configuration" signal.
#[cfg(unix)]
pub fn reload_on_sighup(reloader: Arc<Reloader>) {
    tokio::spawn(async move {
        let Ok(mut hup) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::hangup()) else {
            tracing::warn!("cannot listen for SIGHUP; reload with the admin RPC or by changing the files");
            return;
        };
        while hup.recv().await.is_some() {
            reloader.reload(&[], "SIGHUP").await;
        }
    });
}

/// The span of one reload, whatever triggered it: its outcome, duration, and the snapshot it
/// published. A root span unless the trigger was a call (the admin RPC), whose span it joins.
fn reload_span(trigger: &str) -> tracing::Span {
    tracing::info_span!(
        "reload",
        trigger,
        outcome = tracing::field::Empty,
        duration_ms = tracing::field::Empty,
        list_version = tracing::field::Empty,
        entities = tracing::field::Empty,
    )
}

/// One source's part of a reload: read, parse, gate.
fn source_span(kind: SourceKind) -> tracing::Span {
    tracing::debug_span!(
        "reload.source",
        source = kind.as_str(),
        outcome = tracing::field::Empty,
        entities = tracing::field::Empty,
        duration_ms = tracing::field::Empty,
    )
}

fn record_snapshot(span: &tracing::Span, outcome: &str, s: &Snapshot, started: std::time::Instant) {
    span.record("outcome", outcome);
    span.record("list_version", s.list_version.as_str());
    span.record("entities", s.entity_count() as i64);
    span.record("duration_ms", started.elapsed().as_secs_f64() * 1e3);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small OFAC publication: `n` Belarus individuals, each with one alias and one address.
    /// An OFAC publication of `n` entries, the first `alt_rows` with an alias. A shorter one
    /// lacks the oldest entries (delisted), not the newest: one without the newest entry is
    /// refused as older whatever its counts.
    fn write_ofac(dir: &Path, n: usize, alt_rows: usize) {
        let mut sdn = String::new();
        let mut alt = String::new();
        let mut add = String::new();
        for k in 1..=n {
            let i = 1000 - n + k;
            let alias = k <= alt_rows;
            sdn.push_str(&format!(
                "{i},\"PERSON{i}, Ivan\",\"individual\",\"BELARUS\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"DOB 1960\"\r\n"
            ));
            if alias {
                alt.push_str(&format!("{i},{i},\"aka\",\"ALIAS{i}, Ivan\",-0- \r\n"));
            }
            add.push_str(&format!("{i},{i},-0- ,\"Minsk\",\"Belarus\",-0- \r\n"));
        }
        for (name, text) in [("SDN.CSV", sdn), ("ALT.CSV", alt), ("ADD.CSV", add)] {
            let mut bytes = text.into_bytes();
            bytes.push(0x1A);
            std::fs::write(dir.join(name), bytes).expect("write");
        }
    }

    fn reloader(dir: &Path, state: Option<&Path>) -> (Reloader, SourceSpec) {
        let spec = SourceSpec::new(SourceKind::UsOfacSdn, dir.to_path_buf(), None);
        let settings = Settings {
            sources: vec![spec.clone()],
            regime: Regime::Belarus,
            good_guys: None,
            max_shrink: DEFAULT_MAX_SHRINK,
            max_scope_shrink: DEFAULT_MAX_SCOPE_SHRINK,
            allow_missing_companions: false,
            state_dir: state.map(Path::to_path_buf),
        };
        (Reloader::new(settings, Arc::new(ListStore::new())), spec)
    }

    fn refusal(r: Result<Option<Accepted>, Refusal>) -> String {
        match r {
            Err(r) => r.reason,
            Ok(_) => panic!("accepted"),
        }
    }

    #[test]
    fn the_gate_counts_what_is_screened() {
        let dir = tempfile::tempdir().expect("tempdir");
        write_ofac(dir.path(), 20, 20);
        let (r, spec) = reloader(dir.path(), None);
        let first = r.load_first(&spec).expect("loads");

        // 18 of 20 in scope (−10 %) passes; 17 (−15 %) does not, though far under −30 % overall.
        write_ofac(dir.path(), 18, 18);
        assert!(r.check(&spec, Some(&first), false).is_ok());
        write_ofac(dir.path(), 17, 17);
        let e = refusal(r.check(&spec, Some(&first), false));
        assert!(e.contains("in-scope entities") && e.contains("20 → 17"), "{e}");

        // The aliases file emptied to a tenth: a shrink, though no entity is missing.
        write_ofac(dir.path(), 20, 2);
        let e = refusal(r.check(&spec, Some(&first), false));
        assert!(e.contains("ALT.CSV lost"), "{e}");
        assert!(r.check(&spec, Some(&first), true).is_ok(), "force lets a real shrink through");
        write_ofac(dir.path(), 20, 20);
        std::fs::remove_file(dir.path().join("ALT.CSV")).expect("remove");
        let e = refusal(r.check(&spec, Some(&first), false));
        assert!(e.contains("lacks ALT.CSV"), "{e}");

        // At start, a source without its companions fails, naming them.
        let e = r.load_first(&spec).err().expect("no ALT.CSV").to_string();
        assert!(e.contains("ALT.CSV") && e.contains("--allow-missing-companions"), "{e}");
    }

    #[test]
    fn a_restart_judges_the_publication_by_the_kept_one_and_falls_back_to_it() {
        let (dir, state) = (tempfile::tempdir().expect("tempdir"), tempfile::tempdir().expect("tempdir"));
        write_ofac(dir.path(), 20, 20);
        let (r, spec) = reloader(dir.path(), Some(state.path()));
        r.load_first(&spec).expect("first start");

        // Cut to 15 % while the service was down: the restart serves the kept copy, refused.
        write_ofac(dir.path(), 3, 3);
        let (r, spec) = reloader(dir.path(), Some(state.path()));
        let a = r.load_first(&spec).expect("falls back");
        assert_eq!(a.loaded.entities.len(), 20);
        let refusal = r.store.refusal(SourceKind::UsOfacSdn).expect("refusal reported").reason;
        assert!(refusal.starts_with("at start: ") && refusal.contains("20 → 3"), "{refusal}");
        // The same directory written another way is the same source, judged and fallen back on
        // alike (it was taken for another location, and the cut list served as a first start).
        let (r, spec) = reloader(&dir.path().join("."), Some(state.path()));
        assert_eq!(r.load_first(&spec).expect("falls back").loaded.entities.len(), 20);

        // Garbage in place of the list: the same.
        std::fs::write(dir.path().join("SDN.CSV"), b"<html>Service unavailable</html>").expect("write");
        let (r, spec) = reloader(dir.path(), Some(state.path()));
        assert_eq!(r.load_first(&spec).expect("falls back").loaded.entities.len(), 20);

        // A whole new publication passes and becomes the kept one.
        write_ofac(dir.path(), 21, 21);
        let (r, spec) = reloader(dir.path(), Some(state.path()));
        assert_eq!(r.load_first(&spec).expect("loads").loaded.entities.len(), 21);
        assert!(r.store.refusal(SourceKind::UsOfacSdn).is_none());
        let location = dir.path().display().to_string();
        let kept =
            LastGood::new(state.path().to_path_buf()).load(SourceKind::UsOfacSdn, &location, u64::MAX).expect("kept");
        assert_eq!(kept.history.0.len(), 2);
        // Kept from another location (a state directory shared by two instances): not served.
        assert!(LastGood::new(state.path().to_path_buf())
            .load(SourceKind::UsOfacSdn, "/elsewhere", u64::MAX)
            .is_none());

        // A kept copy altered on disk is not served.
        std::fs::write(state.path().join("us-ofac-sdn/file-0"), b"1,\"X, Y\",\"individual\"").expect("write");
        assert!(LastGood::new(state.path().to_path_buf()).load(SourceKind::UsOfacSdn, &location, u64::MAX).is_none());
    }

    /// The copy lost or damaged (a disk fault, a directory removed by hand) while the list was
    /// cut: the history kept apart still judges the publication, and with nothing to serve
    /// instead the start fails saying what to do, rather than serving 15 % of the list as a
    /// first start would. A whole publication passes and is kept anew.
    #[test]
    fn a_lost_copy_still_leaves_the_history_to_judge_by() {
        let (dir, state) = (tempfile::tempdir().expect("tempdir"), tempfile::tempdir().expect("tempdir"));
        write_ofac(dir.path(), 20, 20);
        let (r, spec) = reloader(dir.path(), Some(state.path()));
        r.load_first(&spec).expect("first start");
        std::fs::write(state.path().join("us-ofac-sdn/file-0"), b"damaged").expect("write");
        write_ofac(dir.path(), 3, 3);
        let (r, spec) = reloader(dir.path(), Some(state.path()));
        let e = r.load_first(&spec).err().expect("refused with nothing to fall back on").to_string();
        assert!(e.contains("20 → 3") && e.contains("us-ofac-sdn.history.json"), "{e}");
        std::fs::remove_dir_all(state.path().join("us-ofac-sdn")).expect("remove the copy");
        let (r, spec) = reloader(dir.path(), Some(state.path()));
        assert!(r.load_first(&spec).is_err(), "the copy removed: the same");

        write_ofac(dir.path(), 20, 20);
        let (r, spec) = reloader(dir.path(), Some(state.path()));
        assert_eq!(r.load_first(&spec).expect("a whole publication passes").loaded.entities.len(), 20);
        let location = dir.path().display().to_string();
        assert!(LastGood::new(state.path().to_path_buf()).load(SourceKind::UsOfacSdn, &location, u64::MAX).is_some());

        // The copy gone and the history unreadable, or the copy damaged and no history: the
        // state directory says the source was accepted before, and cannot say what; the start
        // fails saying what to remove, rather than serve the publication unjudged.
        let history = state.path().join("us-ofac-sdn.history.json");
        let kept_history = std::fs::read(&history).expect("history");
        std::fs::remove_dir_all(state.path().join("us-ofac-sdn")).expect("remove the copy");
        for broken in [&b"{\"location\": \"x\", \"hist"[..], b"[]", b"{\"location\": \"x\", \"history\": []}"] {
            std::fs::write(&history, broken).expect("write");
            let (r, spec) = reloader(dir.path(), Some(state.path()));
            let e = r.load_first(&spec).err().expect("damage fails the start").to_string();
            assert!(e.contains("cannot judge this start") && e.contains("history.json"), "{e}");
        }
        write_ofac(dir.path(), 20, 20);
        std::fs::write(&history, &kept_history).expect("restore the history");
        let (r, spec) = reloader(dir.path(), Some(state.path()));
        r.load_first(&spec).expect("kept anew");
        std::fs::write(state.path().join("us-ofac-sdn/file-0"), b"damaged").expect("write");
        std::fs::remove_file(&history).expect("remove the history");
        let (r, spec) = reloader(dir.path(), Some(state.path()));
        let e = r.load_first(&spec).err().expect("a damaged copy and no history").to_string();
        assert!(e.contains("the kept copy is unusable"), "{e}");

        // What is kept is of another location (a state directory shared by mistake, a list
        // moved): what this source accepted is not known, and the start fails saying so.
        std::fs::remove_dir_all(state.path().join("us-ofac-sdn")).expect("remove the copy");
        let elsewhere = String::from_utf8(kept_history.clone()).expect("utf-8").replace(&location, "/elsewhere");
        std::fs::write(&history, elsewhere).expect("write");
        write_ofac(dir.path(), 3, 3);
        let (r, spec) = reloader(dir.path(), Some(state.path()));
        let e = r.load_first(&spec).err().expect("another location's history").to_string();
        assert!(e.contains("as read from /elsewhere"), "{e}");

        // Both gone (the state directory wiped; the copy already is): a first start.
        assert!(!state.path().join("us-ofac-sdn").exists());
        std::fs::remove_file(&history).expect("remove the history");
        let (r, spec) = reloader(dir.path(), Some(state.path()));
        assert_eq!(r.load_first(&spec).expect("a first start").loaded.entities.len(), 3);
    }
}
