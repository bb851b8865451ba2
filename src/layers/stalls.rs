//! Clients that stop reading their responses.
//!
//! A call holds its admission slot until its response body has been sent (`load_shed`), and
//! HTTP/2 sends only what the client's flow-control window lets through. A client that opens
//! calls and never reads the answers (its window stays shut) kept every slot it took for as long
//! as it stayed connected: four connections of 256 calls locked every other client out of
//! screening, and their unread answers (a `ScreenMessage` answer is several times its request)
//! grew the process past its memory limit; `--request-timeout` did not help, since it bounds the
//! handler, which had long finished (an outside test). Nothing inside hyper times a response out
//! while it waits for the window, and the body is not polled meanwhile, so the wait is watched
//! from outside: each response records when it handed data to HTTP/2 and has not been asked for
//! more since, and a watchdog closes the connection of any response that has waited so longer
//! than the request timeout. Closing the connection ends its calls and frees their slots and
//! memory; a client that reads what it asked for never waits that long.

use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use futures_util::task::AtomicWaker;
use std::sync::{Arc, Mutex, Weak};
use std::task::Waker;
use std::time::{Duration, Instant};

use dashmap::DashMap;

/// The connections being watched, by their peer's address (what a call's request knows of its
/// connection).
#[derive(Debug)]
pub struct Stalls {
    connections: DashMap<SocketAddr, Arc<Watched>>,
    /// How long a response may wait for its client to read it.
    timeout: Duration,
    start: Instant,
}

/// One connection: whether it is to be closed, the task that reads it (woken to close it), and
/// its responses waiting for the client, by when they started waiting (milliseconds since
/// [`Stalls::start`]; 0: not waiting).
#[derive(Debug, Default)]
pub struct Watched {
    closed: AtomicBool,
    reader: AtomicWaker,
    waiting: Mutex<slab::Slab<Arc<AtomicU64>>>,
}

impl Watched {
    /// Whether the connection is to be closed. Asked of every read and write: one atomic load.
    pub fn closed(&self) -> bool {
        self.closed.load(Ordering::Acquire)
    }

    /// Has `waker` woken when the connection is to be closed; asked by a read that waits, so
    /// that a connection with nothing to read is closed too.
    pub fn wake_on_close(&self, waker: &Waker) {
        self.reader.register(waker);
    }

    fn close(&self) {
        self.closed.store(true, Ordering::Release);
        self.reader.wake();
    }
}

/// A connection's place among the watched, given up when the connection is dropped.
#[derive(Debug)]
pub struct Registration {
    stalls: Arc<Stalls>,
    peer: SocketAddr,
    pub watched: Arc<Watched>,
}

impl Drop for Registration {
    fn drop(&mut self) {
        self.stalls.connections.remove_if(&self.peer, |_, w| Arc::ptr_eq(w, &self.watched));
    }
}

/// A response's wait for its client.
#[derive(Debug)]
pub struct Response {
    watched: Arc<Watched>,
    key: usize,
    since: Arc<AtomicU64>,
    start: Instant,
}

impl Response {
    /// The response handed data to HTTP/2 and is owed a poll when it is sent: from now on it waits
    /// for the client.
    pub fn handed_data(&self) {
        let ms = u64::try_from(self.start.elapsed().as_millis()).unwrap_or(u64::MAX).max(1);
        self.since.store(ms, Ordering::Relaxed);
    }

    /// The response waits for the server (its next message), or is done.
    pub fn not_waiting(&self) {
        self.since.store(0, Ordering::Relaxed);
    }
}

impl Drop for Response {
    fn drop(&mut self) {
        if let Ok(mut waiting) = self.watched.waiting.lock() {
            waiting.try_remove(self.key);
        }
    }
}

impl Stalls {
    pub fn new(timeout: Duration) -> Arc<Stalls> {
        Arc::new(Stalls { connections: DashMap::new(), timeout, start: Instant::now() })
    }

    /// Watches a connection from `peer` until the registration is dropped.
    pub fn register(self: &Arc<Self>, peer: SocketAddr) -> Registration {
        let watched = Arc::new(Watched::default());
        self.connections.insert(peer, watched.clone());
        Registration { stalls: self.clone(), peer, watched }
    }

    /// Watches a response on the connection from `peer` (none when that connection is not
    /// watched).
    pub fn response(&self, peer: SocketAddr) -> Option<Response> {
        let watched = self.connections.get(&peer)?.clone();
        let since = Arc::new(AtomicU64::new(0));
        let key = watched.waiting.lock().ok()?.insert(since.clone());
        Some(Response { watched, key, since, start: self.start })
    }

    /// Closes the connections with a response that has waited for its client longer than the
    /// timeout; returns how many.
    fn close_stalled(&self) -> usize {
        let now = u64::try_from(self.start.elapsed().as_millis()).unwrap_or(u64::MAX);
        let limit = u64::try_from(self.timeout.as_millis()).unwrap_or(u64::MAX);
        let mut closed = 0;
        for c in self.connections.iter() {
            let stalled = c
                .waiting
                .lock()
                .map(|w| {
                    w.iter().any(|(_, since)| {
                        let since = since.load(Ordering::Relaxed);
                        since != 0 && now.saturating_sub(since) > limit
                    })
                })
                .unwrap_or(false);
            if stalled && !c.closed.load(Ordering::Acquire) {
                c.close();
                closed += 1;
            }
        }
        closed
    }

    /// Looks every second (a tenth of the timeout at most) until the registry is dropped.
    pub fn spawn_watchdog(self: &Arc<Self>) {
        let weak: Weak<Stalls> = Arc::downgrade(self);
        let every = (self.timeout / 10).clamp(Duration::from_millis(10), Duration::from_secs(1));
        tokio::spawn(async move {
            let mut last_log: Option<Instant> = None;
            loop {
                tokio::time::sleep(every).await;
                let Some(stalls) = weak.upgrade() else { return };
                let closed = stalls.close_stalled();
                if closed > 0 {
                    metrics::counter!("screener_stalled_connections_closed_total").increment(closed as u64);
                    if last_log.is_none_or(|t| t.elapsed() > Duration::from_secs(60)) {
                        tracing::warn!(
                            connections = closed,
                            "closed connections whose client had not read a response for {} s (--request-timeout); \
                             logged at most once a minute",
                            stalls.timeout.as_secs()
                        );
                        last_log = Some(Instant::now());
                    }
                }
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_response_waiting_for_its_client_too_long_closes_its_connection_only() {
        let stalls = Stalls::new(Duration::from_millis(20));
        let (a, b): (SocketAddr, SocketAddr) =
            ("127.0.0.1:1000".parse().expect("addr"), "127.0.0.1:1001".parse().expect("addr"));
        let (ra, rb) = (stalls.register(a), stalls.register(b));
        let stuck = stalls.response(a).expect("watched");
        let reading = stalls.response(b).expect("watched");
        stuck.handed_data();
        reading.handed_data();
        reading.not_waiting();
        std::thread::sleep(Duration::from_millis(40));
        assert_eq!(stalls.close_stalled(), 1);
        assert!(ra.watched.closed());
        assert!(!rb.watched.closed());
        // Dropped, the response and the registration leave nothing behind.
        drop((stuck, reading));
        assert!(ra.watched.waiting.lock().expect("lock").is_empty());
        drop(ra);
        assert!(stalls.response(a).is_none());
        assert!(stalls.response(b).is_some());
    }
}
