//! The list-change feed: what each new list version added, removed and changed, per source, and
//! the set of entities a client must re-screen against since a version it names (delta
//! screening).

use std::collections::{HashMap, HashSet, VecDeque};
use std::sync::{Arc, Mutex};

use tokio::sync::broadcast;

use crate::index::Snapshot;
use crate::model::SourceKind;

/// One source's part of a change.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SourceChange {
    pub source: Option<SourceKind>,
    pub added: Vec<String>,
    pub removed: Vec<String>,
    pub changed: Vec<String>,
}

/// From one list version to the next.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListChange {
    pub list_version: String,
    pub previous_list_version: String,
    /// RFC 3339, UTC.
    pub at: String,
    pub sources: Vec<SourceChange>,
}

/// In-scope entities added, removed or changed (any field) between two snapshots, per source.
pub fn diff(old: &Snapshot, new: &Snapshot) -> ListChange {
    fn index(s: &Snapshot) -> HashMap<&str, &crate::model::Entity> {
        s.entities.iter().map(|e| (e.id.as_str(), &**e)).collect()
    }
    fn part(sources: &mut Vec<SourceChange>, kind: SourceKind) -> &mut SourceChange {
        let i = match sources.iter().position(|s| s.source == Some(kind)) {
            Some(i) => i,
            None => {
                sources.push(SourceChange { source: Some(kind), ..Default::default() });
                sources.len() - 1
            }
        };
        &mut sources[i]
    }
    let (o, n) = (index(old), index(new));
    let mut sources: Vec<SourceChange> = Vec::new();
    for (id, e) in &n {
        match o.get(id) {
            None => part(&mut sources, e.source).added.push(id.to_string()),
            Some(old_e) if *old_e != *e => part(&mut sources, e.source).changed.push(id.to_string()),
            _ => {}
        }
    }
    for (id, e) in &o {
        if !n.contains_key(id) {
            part(&mut sources, e.source).removed.push(id.to_string());
        }
    }
    for s in &mut sources {
        s.added.sort();
        s.removed.sort();
        s.changed.sort();
    }
    sources.sort_by_key(|s| s.source);
    ListChange {
        list_version: new.list_version.clone(),
        previous_list_version: old.list_version.clone(),
        at: crate::model::now_rfc3339(),
        sources,
    }
}

/// How many versions back delta screening and feed replays can reach.
pub const HISTORY: usize = 64;

/// (since, current version, ids added or changed in between).
type DeltaCache = (String, String, Arc<HashSet<String>>);

/// Remembered changes and the live feed.
pub struct ChangeLog {
    /// Written once per published version, read by delta-screening and feed requests; a plain
    /// mutex suffices because both are rare next to screening and hold it for a copy only.
    history: Mutex<VecDeque<Arc<ListChange>>>,
    /// The last delta set computed (since, current version) → ids, so a bulk re-screening with
    /// one `since_list_version` computes it once, not per party.
    cache: Mutex<Option<DeltaCache>>,
    feed: broadcast::Sender<Arc<ListChange>>,
}

impl Default for ChangeLog {
    fn default() -> Self {
        ChangeLog { history: Mutex::new(VecDeque::new()), cache: Mutex::new(None), feed: broadcast::channel(HISTORY).0 }
    }
}

impl std::fmt::Debug for ChangeLog {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ChangeLog")
    }
}

impl ChangeLog {
    pub fn record(&self, change: ListChange) {
        let change = Arc::new(change);
        if let Ok(mut h) = self.history.lock() {
            h.push_back(change.clone());
            while h.len() > HISTORY {
                h.pop_front();
            }
        }
        // No subscriber is not an error.
        let _ = self.feed.send(change);
    }

    pub fn subscribe(&self) -> broadcast::Receiver<Arc<ListChange>> {
        self.feed.subscribe()
    }

    /// Changes after `since`, oldest first; `None` when `since` is not remembered.
    ///
    /// Also `None` unless the changes chain from `since` to `current` without a gap: a change
    /// not recorded (its diff failed, or the new lists serve before it is recorded) would
    /// otherwise leave its additions out of a delta screening without a word. Refused, the
    /// caller screens in full.
    pub fn after(&self, since: &str, current: &str) -> Option<Vec<Arc<ListChange>>> {
        if since == current {
            return Some(Vec::new());
        }
        let h = self.history.lock().ok()?;
        let start = h.iter().position(|c| c.previous_list_version == since)?;
        let changes: Vec<Arc<ListChange>> = h.iter().skip(start).cloned().collect();
        let chained = changes.windows(2).all(|w| w[1].previous_list_version == w[0].list_version)
            && changes.last().is_some_and(|c| c.list_version == current);
        chained.then_some(changes)
    }

    /// Ids added or changed since `since` and still listed in `current`; `None` when `since` is
    /// not remembered.
    pub fn delta(&self, since: &str, current: &Snapshot) -> Option<Arc<HashSet<String>>> {
        if let Ok(c) = self.cache.lock() {
            if let Some((s, v, set)) = c.as_ref() {
                if s == since && *v == current.list_version {
                    return Some(set.clone());
                }
            }
        }
        let changes = self.after(since, &current.list_version)?;
        let mut set = HashSet::new();
        for c in &changes {
            for s in &c.sources {
                set.extend(s.added.iter().chain(&s.changed).cloned());
            }
        }
        let set = Arc::new(set);
        if let Ok(mut c) = self.cache.lock() {
            *c = Some((since.to_string(), current.list_version.clone(), set.clone()));
        }
        Some(set)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change(previous: &str, version: &str) -> ListChange {
        ListChange {
            list_version: version.into(),
            previous_list_version: previous.into(),
            at: String::new(),
            sources: Vec::new(),
        }
    }

    fn versions(changes: Option<Vec<Arc<ListChange>>>) -> Option<Vec<String>> {
        changes.map(|c| c.iter().map(|c| c.list_version.clone()).collect())
    }

    /// A change missing from the log (its diff failed, or not recorded yet) leaves a gap; what
    /// spans the gap is not remembered, rather than remembered without the missing change.
    #[test]
    fn changes_after_a_version_chain_to_the_current_one_or_are_not_remembered() {
        let log = ChangeLog::default();
        log.record(change("v0", "v1"));
        log.record(change("v1", "v2"));
        assert_eq!(versions(log.after("v0", "v2")), Some(vec!["v1".into(), "v2".into()]));
        assert_eq!(versions(log.after("v1", "v2")), Some(vec!["v2".into()]));
        assert_eq!(versions(log.after("v2", "v2")), Some(vec![]));
        // v2 → v3 is serving but not recorded yet.
        assert_eq!(versions(log.after("v1", "v3")), None);
        // v2 → v3 never recorded; v3 → v4 was.
        log.record(change("v3", "v4"));
        assert_eq!(versions(log.after("v0", "v4")), None);
        assert_eq!(versions(log.after("v3", "v4")), Some(vec!["v4".into()]));
        assert_eq!(versions(log.after("unknown", "v4")), None);
    }
}
