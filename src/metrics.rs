//! Prometheus metrics, served on their own port (`--metrics-listen`, `/metrics`) so scraping
//! never competes with screening traffic and needs no gRPC. Labels never carry names, dates of
//! birth or identifiers: only RPC names, decisions, status codes and source kinds.

use std::net::SocketAddr;
use std::time::Duration;

use metrics::{counter, gauge, histogram};
use metrics_exporter_prometheus::PrometheusBuilder;

use crate::index::Snapshot;
use crate::model::SourceKind;

#[derive(Debug, thiserror::Error)]
#[error("cannot serve metrics on {addr}: {error}")]
pub struct MetricsError {
    addr: SocketAddr,
    error: String,
}

/// Installs the recorder and serves `/metrics` on `addr`. Must run inside the Tokio runtime.
///
/// Served here rather than by the exporter's own listener, which kept every connection it
/// accepted and retried a failed `accept` at once: 150 idle connections to the metrics port
/// under a descriptor limit of 128 starved the gRPC port, spun a core and logged 120 MB/s. Here
/// at most [`MAX_SCRAPES`] connections are open at once, each closed unless its request arrives
/// within [`REQUEST_TIMEOUT`], and accept errors are paced. A connection beyond that closes the
/// oldest one still waiting for its request, not itself: round 28 kept Prometheus out for as long
/// as 40 clients that never sent a request reopened their connections (0 scrapes of 5 answered),
/// which silences every alert on these metrics. A scraper sends its request as it connects, so it
/// is never the oldest waiting for long.
///
/// Returns the address bound, so that port 0 (any free port) can be asked for and the port
/// logged: a port chosen free beforehand can be taken by another process before it is bound.
pub fn install(addr: SocketAddr) -> Result<SocketAddr, MetricsError> {
    let err = |error: String| MetricsError { addr, error };
    let handle = PrometheusBuilder::new()
        .set_buckets(&[0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.1, 1.0])
        .map_err(|e| err(e.to_string()))?
        .install_recorder()
        .map_err(|e| err(e.to_string()))?;
    let listener = std::net::TcpListener::bind(addr).map_err(|e| err(e.to_string()))?;
    listener.set_nonblocking(true).map_err(|e| err(e.to_string()))?;
    let local = listener.local_addr().map_err(|e| err(e.to_string()))?;
    let listener = tokio::net::TcpListener::from_std(listener).map_err(|e| err(e.to_string()))?;
    let upkeep = handle.clone();
    tokio::spawn(async move {
        loop {
            tokio::time::sleep(Duration::from_secs(5)).await;
            upkeep.run_upkeep();
        }
    });
    tokio::spawn(serve(listener, handle));
    Ok(local)
}

/// Scrapes served at once.
const MAX_SCRAPES: usize = 16;
/// How long a scrape's request may take to arrive, and its answer to be written.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(5);
/// After a failed `accept` (descriptors exhausted), the pause before the next.
const ACCEPT_ERROR_PAUSE: Duration = Duration::from_millis(100);

/// The metrics port's open connections: those still waiting for their request, oldest first
/// (each with the handle that closes it), and how many are being answered.
#[derive(Default)]
struct Open {
    waiting: std::collections::VecDeque<(u64, tokio::task::AbortHandle)>,
    answering: usize,
}

impl Open {
    fn count(&self) -> usize {
        self.waiting.len() + self.answering
    }

    fn forget(&mut self, id: u64) -> bool {
        let before = self.waiting.len();
        self.waiting.retain(|(i, _)| *i != id);
        self.waiting.len() < before
    }
}

type Shared = std::sync::Arc<std::sync::Mutex<Open>>;

fn lock(open: &Shared) -> std::sync::MutexGuard<'_, Open> {
    // A panic while holding the lock leaves counts that are still counts.
    open.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

async fn serve(listener: tokio::net::TcpListener, handle: metrics_exporter_prometheus::PrometheusHandle) {
    let open: Shared = Default::default();
    for id in 0u64.. {
        let conn = match listener.accept().await {
            Ok((conn, _)) => conn,
            Err(error) => {
                tracing::warn!(%error, "metrics port: accept failed; pausing");
                tokio::time::sleep(ACCEPT_ERROR_PAUSE).await;
                continue;
            }
        };
        {
            let mut o = lock(&open);
            if o.count() >= MAX_SCRAPES {
                match o.waiting.pop_front() {
                    Some((_, oldest)) => oldest.abort(),
                    // Every place is answering a scrape: this one is closed, and asks again.
                    None => continue,
                }
            }
        }
        let (handle, task_open) = (handle.clone(), open.clone());
        // Registered before the task can run, under the same lock it takes to leave `waiting`.
        let mut o = lock(&open);
        let task = tokio::spawn(async move {
            let left = Leaves { open: task_open, id, answered: std::sync::atomic::AtomicBool::new(false) };
            let _ = tokio::time::timeout(REQUEST_TIMEOUT, answer(conn, &handle, || left.answering())).await;
        });
        o.waiting.push_back((id, task.abort_handle()));
    }
}

/// A connection's place in [`Open`], given up when its task ends (answered, timed out or closed
/// for a newer connection).
struct Leaves {
    open: Shared,
    id: u64,
    answered: std::sync::atomic::AtomicBool,
}

impl Leaves {
    /// The request has arrived: no longer one a newer connection may close. False if one has
    /// closed it already (its place taken).
    fn answering(&self) -> bool {
        let mut o = lock(&self.open);
        let waiting = o.forget(self.id);
        if waiting {
            o.answering += 1;
            self.answered.store(true, std::sync::atomic::Ordering::Relaxed);
        }
        waiting
    }
}

impl Drop for Leaves {
    fn drop(&mut self) {
        let mut o = lock(&self.open);
        // Still waiting: leaves the queue. Answering: leaves the count. Closed for a newer
        // connection: its place was taken then.
        if !o.forget(self.id) && self.answered.load(std::sync::atomic::Ordering::Relaxed) {
            o.answering = o.answering.saturating_sub(1);
        }
    }
}

/// Reads one HTTP request head (at most 8 KiB) and answers it: the metrics for `GET /metrics`,
/// 404 otherwise; then closes.
///
/// `arrived` is told when the request head is in; false from it closes the connection unanswered.
async fn answer(
    mut conn: impl tokio::io::AsyncRead + tokio::io::AsyncWrite + Unpin,
    handle: &metrics_exporter_prometheus::PrometheusHandle,
    arrived: impl FnOnce() -> bool,
) -> std::io::Result<()> {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut head = Vec::with_capacity(1024);
    let mut buf = [0u8; 1024];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") && head.len() < 8192 {
        let n = conn.read(&mut buf).await?;
        if n == 0 {
            break;
        }
        head.extend_from_slice(&buf[..n]);
    }
    if !arrived() {
        return Ok(());
    }
    let line = head.split(|b| *b == b'\n').next().unwrap_or_default();
    let mut parts = line.split(|b| *b == b' ');
    let (method, path) = (parts.next().unwrap_or_default(), parts.next().unwrap_or_default());
    let path = path.split(|b| *b == b'?').next().unwrap_or_default();
    let (status, body) = if method == b"GET" && (path == b"/metrics" || path == b"/") {
        ("200 OK", handle.render())
    } else {
        ("404 Not Found", "metrics are at /metrics\n".to_string())
    };
    let response = format!(
        "HTTP/1.1 {status}\r\nContent-Type: text/plain; version=0.0.4\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    conn.write_all(response.as_bytes()).await?;
    conn.shutdown().await
}

/// One finished RPC: `outcome` is the decision for screening calls, or the gRPC code of an error.
///
/// The handles are looked up once per (rpc, outcome) and thread, not per call: building the
/// label set and finding it in the registry was a twentieth of a CLEAR `ScreenParty`'s server
/// time (perf, under h2load). The recorder is installed before the server serves, so no thread
/// keeps a handle from before it.
pub fn rpc(rpc: &'static str, outcome: &'static str, elapsed: Duration) {
    RPC_HANDLES.with_borrow_mut(|handles| {
        let i = match handles.iter().position(|h| h.rpc == rpc && h.outcome == outcome) {
            Some(i) => i,
            None => {
                handles.push(RpcHandles {
                    rpc,
                    outcome,
                    calls: counter!("screener_rpc_requests_total", "rpc" => rpc, "outcome" => outcome),
                    duration: histogram!("screener_rpc_duration_seconds", "rpc" => rpc, "outcome" => outcome),
                });
                handles.len() - 1
            }
        };
        handles[i].calls.increment(1);
        handles[i].duration.record(elapsed.as_secs_f64());
    });
}

/// One (rpc, outcome)'s metric handles. A handful of RPCs times a handful of outcomes: a short
/// list, scanned.
struct RpcHandles {
    rpc: &'static str,
    outcome: &'static str,
    calls: metrics::Counter,
    duration: metrics::Histogram,
}

std::thread_local! {
    static RPC_HANDLES: std::cell::RefCell<Vec<RpcHandles>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// The lists now serving: entities per source, when each publication was loaded, the version.
pub fn snapshot(s: &Snapshot) {
    for src in &s.sources {
        let kind = src.kind.as_str();
        gauge!("screener_list_entities", "source" => kind, "scope" => "in_scope").set(src.entities_in_scope as f64);
        gauge!("screener_list_entities", "source" => kind, "scope" => "total").set(src.entities_total as f64);
        if let Ok(t) = time::OffsetDateTime::parse(&src.loaded_at, &time::format_description::well_known::Rfc3339) {
            gauge!("screener_list_loaded_timestamp_seconds", "source" => kind).set(t.unix_timestamp() as f64);
        }
    }
    gauge!("screener_snapshot_entities").set(s.entity_count() as f64);
}

/// Seconds since each source's serving publication was loaded, for an alert when a publisher
/// stops updating (or the poller stops fetching); and the staleness alarm: the publication's age
/// by the date it is judged by (see `SourceInfo::published`) and whether that passed the
/// source's `--max-list-age`.
pub fn ages(s: &Snapshot) {
    let now = time::OffsetDateTime::now_utc();
    for src in &s.sources {
        let kind = src.kind.as_str();
        if let Ok(t) = time::OffsetDateTime::parse(&src.loaded_at, &time::format_description::well_known::Rfc3339) {
            gauge!("screener_list_age_seconds", "source" => kind).set((now - t).as_seconds_f64());
        }
        if let Some(p) = src.published {
            gauge!("screener_list_publication_age_seconds", "source" => kind).set((now - p).as_seconds_f64());
        }
        gauge!("screener_list_stale", "source" => kind).set(if src.stale(now) { 1.0 } else { 0.0 });
    }
}

/// A reload: its outcome ("changed", "unchanged", "refused", "failed") and how long it took.
pub fn reload(outcome: &'static str, elapsed: Duration) {
    counter!("screener_reloads_total", "outcome" => outcome).increment(1);
    histogram!("screener_reload_duration_seconds").record(elapsed.as_secs_f64());
    gauge!("screener_last_reload_success").set(if outcome == "refused" || outcome == "failed" { 0.0 } else { 1.0 });
    gauge!("screener_last_reload_duration_seconds").set(elapsed.as_secs_f64());
}

/// A publication the validation gate refused.
pub fn refused(source: SourceKind) {
    counter!("screener_publications_refused_total", "source" => source.as_str()).increment(1);
}

/// Whether the source's file as last read is refused (1) or serves (0): raised for as long as a
/// refused file stays in place, whatever other sources do (the counter above counts a refusal
/// once, and `screener_last_reload_success` clears when another source reloads).
pub fn source_refused(source: SourceKind, refused: bool) {
    gauge!("screener_source_refused", "source" => source.as_str()).set(if refused { 1.0 } else { 0.0 });
}
