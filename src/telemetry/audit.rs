//! The decision audit log: one JSON line per screening decision (and per admin action), for the
//! compliance record of what was decided, against which list version, in which trace.
//!
//! Lines are written by a dedicated thread behind a bounded queue, so a slow disk never holds up
//! a payment. When the queue is full (the disk cannot keep up for 65 536 lines) a line is
//! dropped, counted in `screener_audit_records_dropped_total` and logged: a stalled screening
//! service would stop payments, a gap in the audit log is visible and alertable.

use std::io::Write;
use std::path::Path;
use std::sync::mpsc::{sync_channel, Receiver, RecvTimeoutError, SyncSender, TrySendError};
use std::time::Duration;

use serde::Serialize;

use super::TelemetryError;

const QUEUE: usize = 65_536;

static DROPPED: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

enum Msg {
    Line(String),
    Flush(std::sync::mpsc::Sender<()>),
}

#[derive(Debug, Clone)]
pub struct AuditLog {
    tx: SyncSender<Msg>,
}

impl std::fmt::Debug for Msg {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Msg::Line(_) => "Line",
            Msg::Flush(_) => "Flush",
        })
    }
}

/// A screening decision as audited.
#[derive(Debug, Serialize)]
pub struct Decided<'a> {
    pub time: String,
    pub rpc: &'a str,
    pub request_id: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    pub payment_id: &'a str,
    pub trace_id: Option<&'a str>,
    pub decision: &'a str,
    pub list_version: &'a str,
    pub parties: Vec<DecidedParty<'a>>,
}

#[derive(Debug, Serialize)]
pub struct DecidedParty<'a> {
    /// The party's role in a payment (`debtor`, `creditor` ...); `party` for a single screening.
    pub role: &'a str,
    /// `ScreenMessage`: the path of the field that hit (`/Document/…/Cdtr/Nm`, `:59:`); the
    /// field's text is never recorded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<&'a str>,
    pub decision: &'a str,
    /// Keyed hash of the party fingerprint (see [`super::Privacy`]); absent without a key.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub party_hash: Option<String>,
    /// The name as sent: only with `--telemetry-raw-values`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<&'a str>,
    pub matches: Vec<DecidedMatch<'a>>,
}

#[derive(Debug, Serialize)]
pub struct DecidedMatch<'a> {
    pub entity_id: &'a str,
    pub score: f64,
    pub decision: &'a str,
    /// Set when the good-guy list turned this match CLEAR.
    pub accepted_false_positive: bool,
}

impl AuditLog {
    /// Opens `path` for appending (created if missing), or standard output for `-`.
    pub fn open(path: &Path) -> Result<AuditLog, TelemetryError> {
        let sink = if path == Path::new("-") {
            Sink::Stdout(std::io::BufWriter::new(std::io::stdout()))
        } else {
            Sink::file(path).map_err(|error| TelemetryError::Audit { path: path.display().to_string(), error })?
        };
        // Exported from the start at 0, so that an alert on them has a series to watch.
        metrics::counter!("screener_audit_write_errors_total").increment(0);
        metrics::counter!("screener_audit_records_dropped_total").increment(0);
        let (tx, rx) = sync_channel(QUEUE);
        std::thread::Builder::new()
            .name("audit-log".into())
            .spawn(move || write_lines(rx, sink))
            .map_err(|error| TelemetryError::Audit { path: path.display().to_string(), error })?;
        Ok(AuditLog { tx })
    }

    /// Queues one record; never blocks.
    pub fn record(&self, record: &impl Serialize) {
        let line = match serde_json::to_string(record) {
            Ok(l) => l,
            Err(e) => {
                tracing::error!(error = %e, "cannot serialise an audit record");
                return;
            }
        };
        match self.tx.try_send(Msg::Line(line)) {
            Ok(()) => {}
            Err(TrySendError::Full(_)) => {
                metrics::counter!("screener_audit_records_dropped_total").increment(1);
                // Logged at the 1st, 2nd, 4th, 8th ... drop: a flood of drops must not flood
                // the logs too.
                let n = DROPPED.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
                if n.is_power_of_two() {
                    tracing::warn!(
                        dropped = n,
                        "audit log queue full: records dropped (is the audit disk slow or full?)"
                    );
                }
            }
            Err(TrySendError::Disconnected(_)) => {
                metrics::counter!("screener_audit_records_dropped_total").increment(1);
                tracing::error!("audit log writer stopped: a record was dropped");
            }
        }
    }

    /// Waits until every record queued so far is written and flushed (at shutdown).
    pub fn flush(&self, timeout: Duration) {
        let (tx, rx) = std::sync::mpsc::channel();
        if self.tx.send(Msg::Flush(tx)).is_ok() {
            let _ = rx.recv_timeout(timeout);
        }
    }
}

/// Where audit lines go: standard output, or a file followed by its path.
enum Sink {
    Stdout(std::io::BufWriter<std::io::Stdout>),
    File {
        path: std::path::PathBuf,
        out: std::io::BufWriter<std::fs::File>,
        /// The open file's device and inode, to see the path name another file (or none).
        id: Option<(u64, u64)>,
        checked: std::time::Instant,
    },
}

/// How often the audit file's path is looked at.
const ROTATION_CHECK: Duration = Duration::from_secs(1);

#[cfg(unix)]
fn file_id(m: &std::fs::Metadata) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    Some((m.dev(), m.ino()))
}

#[cfg(not(unix))]
fn file_id(_: &std::fs::Metadata) -> Option<(u64, u64)> {
    None
}

impl Sink {
    fn file(path: &Path) -> std::io::Result<Sink> {
        let f = std::fs::OpenOptions::new().create(true).append(true).open(path)?;
        let id = f.metadata().ok().as_ref().and_then(file_id);
        Ok(Sink::File {
            path: path.to_path_buf(),
            out: std::io::BufWriter::new(f),
            id,
            checked: std::time::Instant::now(),
        })
    }

    fn out(&mut self) -> &mut dyn Write {
        match self {
            Sink::Stdout(w) => w,
            Sink::File { out, .. } => out,
        }
    }

    /// Follows the path when the file was moved away or removed (log rotation: `logrotate`'s
    /// `create`, or a file deleted by hand): lines went on to the renamed file, or to a deleted
    /// one and were lost without a word (an outside test). Looked at once a second at most; the
    /// new file is opened after what was buffered is flushed to the old.
    fn follow_rotation(&mut self, failures: &mut Failures) {
        let Sink::File { path, out, id, checked } = self else { return };
        if checked.elapsed() < ROTATION_CHECK || id.is_none() {
            return;
        }
        *checked = std::time::Instant::now();
        let now = std::fs::metadata(&*path).ok().as_ref().and_then(file_id);
        if now.is_some() && now == *id {
            return;
        }
        failures.check(out.flush());
        match Sink::file(path) {
            Ok(fresh) => {
                tracing::info!(path = %path.display(), "audit log file moved or removed: writing to a new one at its path");
                *self = fresh;
            }
            Err(e) => failures.check::<()>(Err(e)),
        }
    }
}

fn write_lines(rx: Receiver<Msg>, mut sink: Sink) {
    let mut dirty = false;
    let mut failures = Failures::default();
    loop {
        // Flush whenever the queue runs dry for a moment: lines reach the file within ~100 ms
        // without a write system call per line under load.
        let msg = match rx.recv_timeout(Duration::from_millis(100)) {
            Ok(m) => m,
            Err(RecvTimeoutError::Timeout) => {
                if dirty {
                    failures.check(sink.out().flush());
                    dirty = false;
                }
                sink.follow_rotation(&mut failures);
                continue;
            }
            Err(RecvTimeoutError::Disconnected) => break,
        };
        sink.follow_rotation(&mut failures);
        match msg {
            Msg::Line(l) => {
                failures.check(writeln!(sink.out(), "{l}"));
                dirty = true;
            }
            Msg::Flush(done) => {
                failures.check(sink.out().flush());
                dirty = false;
                let _ = done.send(());
            }
        }
    }
    failures.check(sink.out().flush());
}

/// Writes to the audit file that failed (a full disk, a file gone, a closed pipe): each counted
/// in `screener_audit_write_errors_total`, and logged at most once a minute, with how many since
/// the last line. Buffered lines mostly fail when flushed, not when written, so both count.
#[derive(Default)]
struct Failures {
    since_logged: u64,
    logged_at: Option<std::time::Instant>,
}

impl Failures {
    fn check<T>(&mut self, result: std::io::Result<T>) {
        let Err(e) = result else { return };
        metrics::counter!("screener_audit_write_errors_total").increment(1);
        self.since_logged += 1;
        if self.logged_at.is_none_or(|t| t.elapsed() >= Duration::from_secs(60)) {
            tracing::error!(error = %e, failures = self.since_logged,
                "cannot write the audit log: decision records are being lost (is the disk full, or the file gone?)");
            self.logged_at = Some(std::time::Instant::now());
            self.since_logged = 0;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Found by an outside test: after `mv audit.jsonl audit.jsonl.1` (log rotation) lines went on
    /// to the renamed file, and after `rm` to a deleted one. The path is followed.
    #[test]
    fn the_audit_file_is_followed_through_rotation_and_removal() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("audit.jsonl");
        let log = AuditLog::open(&path).expect("opens");
        log.record(&serde_json::json!({"n": 1}));
        log.flush(Duration::from_secs(5));
        std::fs::rename(&path, dir.path().join("audit.jsonl.1")).expect("rotate");
        std::thread::sleep(ROTATION_CHECK + Duration::from_millis(300));
        log.record(&serde_json::json!({"n": 2}));
        log.flush(Duration::from_secs(5));
        assert_eq!(std::fs::read_to_string(&path).expect("a new file").trim(), r#"{"n":2}"#);
        assert_eq!(std::fs::read_to_string(dir.path().join("audit.jsonl.1")).expect("old").trim(), r#"{"n":1}"#);
        std::fs::remove_file(&path).expect("rm");
        std::thread::sleep(ROTATION_CHECK + Duration::from_millis(300));
        log.record(&serde_json::json!({"n": 3}));
        log.flush(Duration::from_secs(5));
        assert_eq!(std::fs::read_to_string(&path).expect("recreated").trim(), r#"{"n":3}"#);
    }
}
