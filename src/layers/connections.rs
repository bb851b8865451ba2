//! Connection admission, below HTTP/2: how many connections may be open, how long one may stay
//! silent before it says anything, and what happens when the process runs out of descriptors.
//!
//! tonic's own accept loop keeps every connection it accepts for as long as the peer keeps it
//! open, and retries a failed `accept` at once. So 400 connections that never sent a byte took
//! every file descriptor of a process limited to 256, every later client timed out, and the loop
//! spun a core on `EMFILE` (the metrics listener, sharing the descriptor table, logged the error
//! at 60–100 MB/s). Here:
//!
//! - at most `max_connections` are open at once; at the limit, no more are accepted (they wait in
//!   the kernel's backlog) until one closes. The default leaves room below the process's
//!   descriptor limit for list files, the metrics listener and the audit log;
//! - a connection must send its opening, the HTTP/2 preface and the header of its first frame
//!   (or as much of a TLS ClientHello), within `opening_timeout`, or it is closed: a silent connection, or one that
//!   sends a byte now and then (a first byte alone once sufficed), holds a slot and a descriptor
//!   for nothing. After that, HTTP/2 keepalive pings (set on the server) find dead peers;
//! - a failed `accept` is retried after a pause and logged at most once a minute.

use std::io;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use futures_util::{Stream, StreamExt};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::TcpStream;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};
use tonic::transport::server::Connected;

/// The connection limits.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ConnectionLimits {
    pub max_connections: usize,
    pub opening_timeout: Duration,
}

/// Descriptors kept free of connections: list files (OFAC's four), the watcher, the metrics
/// listener and its scrapes, the audit log, the OTLP exporter, URL fetches.
const RESERVED_DESCRIPTORS: usize = 64;

/// The default connection limit: the process's open-file limit less [`RESERVED_DESCRIPTORS`]
/// (at least 16), at most 10,000 (each connection costs HTTP/2 buffers too).
pub fn default_max_connections() -> usize {
    open_file_limit().map(|n| n.saturating_sub(RESERVED_DESCRIPTORS).max(16)).unwrap_or(1024).min(10_000)
}

/// The soft limit on open files, from `/proc/self/limits` (Linux); reading it this way needs no
/// `unsafe` libc call. `None` elsewhere, or when unlimited.
fn open_file_limit() -> Option<usize> {
    let limits = std::fs::read_to_string("/proc/self/limits").ok()?;
    let line = limits.lines().find(|l| l.starts_with("Max open files"))?;
    line.split_whitespace().nth(3)?.parse().ok()
}

/// The bytes a connection must send before it is handed to the server: the 24-byte HTTP/2 client
/// preface (`PRI * HTTP/2.0…`) and the 9-byte header of the SETTINGS frame that must follow it
/// (RFC 9113 §3.4), which every client sends at once; a TLS ClientHello is longer. With the
/// preface alone, a connection that then said nothing held its slot until keepalive found it
/// dead, 80 s later.
const OPENING_BYTES: usize = 33;

/// An admitted connection: the stream, the opening bytes already read from it (given to the
/// server first), and its place among `max_connections`, given back when the server drops it.
pub struct Admitted<IO> {
    io: IO,
    opening: [u8; OPENING_BYTES],
    given: usize,
    /// `None` for a TLS stream read again after its handshake (see [`Admitted::opened`]): the
    /// TCP connection under it holds the slot.
    _slot: Option<OwnedSemaphorePermit>,
    /// Watched for responses its client does not read (`stalls`); on the TCP connection only.
    stalls: Option<super::stalls::Registration>,
}

impl<IO: AsyncRead + Unpin> Admitted<IO> {
    /// `io` once it has sent its opening within `timeout`, or `None` (closed, or silent: counted
    /// and dropped). Also asked of a TLS stream after its handshake, since a ClientHello alone
    /// meets the opening's length on the raw connection: a client that completed the handshake and
    /// then said nothing held its slot for good.
    pub async fn opened(mut io: IO, timeout: Duration, slot: Option<OwnedSemaphorePermit>) -> Option<Admitted<IO>> {
        use tokio::io::AsyncReadExt;
        let mut opening = [0u8; OPENING_BYTES];
        match tokio::time::timeout(timeout, io.read_exact(&mut opening)).await {
            Ok(Ok(_)) => Some(Admitted { io, opening, given: 0, _slot: slot, stalls: None }),
            Ok(Err(_)) => None,
            Err(_) => {
                metrics::counter!("screener_silent_connections_closed_total").increment(1);
                tracing::debug!("connection closed: its opening did not arrive within the timeout");
                None
            }
        }
    }
}

impl<IO: Connected> Connected for Admitted<IO> {
    type ConnectInfo = IO::ConnectInfo;

    fn connect_info(&self) -> Self::ConnectInfo {
        self.io.connect_info()
    }
}

/// The error a connection closed for a response its client did not read ends with.
fn stalled() -> io::Error {
    io::Error::new(io::ErrorKind::TimedOut, "closed: the client did not read a response within the request timeout")
}

impl<IO: AsyncRead + Unpin> AsyncRead for Admitted<IO> {
    fn poll_read(mut self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &mut ReadBuf<'_>) -> Poll<io::Result<()>> {
        // The server always waits to read the next frame, so this is where a connection found
        // stalled is ended: at once, or when the read that waits is woken for it.
        if self.stalls.as_ref().is_some_and(|r| r.watched.closed()) {
            return Poll::Ready(Err(stalled()));
        }
        if self.given < OPENING_BYTES {
            let n = (OPENING_BYTES - self.given).min(buf.remaining());
            let from = self.given;
            buf.put_slice(&self.opening[from..from + n]);
            self.given += n;
            return Poll::Ready(Ok(()));
        }
        let read = Pin::new(&mut self.io).poll_read(cx, buf);
        if read.is_pending() {
            if let Some(r) = &self.stalls {
                r.watched.wake_on_close(cx.waker());
                if r.watched.closed() {
                    return Poll::Ready(Err(stalled()));
                }
            }
        }
        read
    }
}

impl<IO: AsyncWrite + Unpin> AsyncWrite for Admitted<IO> {
    fn poll_write(mut self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &[u8]) -> Poll<io::Result<usize>> {
        if self.stalls.as_ref().is_some_and(|r| r.watched.closed()) {
            return Poll::Ready(Err(stalled()));
        }
        Pin::new(&mut self.io).poll_write(cx, buf)
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.io).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.io).poll_shutdown(cx)
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.io).poll_write_vectored(cx, bufs)
    }

    fn is_write_vectored(&self) -> bool {
        self.io.is_write_vectored()
    }
}

/// Pause after a failed `accept` (out of descriptors, out of memory): the condition does not
/// clear by trying again at once.
const ACCEPT_ERROR_PAUSE: Duration = Duration::from_millis(100);

/// Admits connections from `accepted` under `limits`. The accepting ends when the returned
/// stream is dropped (the server stopping), which closes the listener.
pub fn admit<S>(
    accepted: S,
    limits: ConnectionLimits,
    stalls: Option<Arc<super::Stalls>>,
) -> impl Stream<Item = Result<Admitted<TcpStream>, io::Error>>
where
    S: Stream<Item = Result<TcpStream, io::Error>> + Send + 'static,
{
    let (tx, rx) = tokio::sync::mpsc::channel(64);
    let slots = Arc::new(Semaphore::new(limits.max_connections.max(1)));
    tokio::spawn(async move {
        let mut accepted = std::pin::pin!(accepted);
        let mut last_error_log: Option<tokio::time::Instant> = None;
        let mut at_limit_logged = false;
        loop {
            // A slot first: at the limit, connections wait in the kernel's backlog.
            let slot = match slots.clone().try_acquire_owned() {
                Ok(s) => {
                    at_limit_logged = false;
                    s
                }
                Err(_) => {
                    if !at_limit_logged {
                        tracing::warn!(
                            max_connections = limits.max_connections,
                            "connection limit reached; new connections wait until one closes (--max-connections)"
                        );
                        metrics::counter!("screener_connection_limit_reached_total").increment(1);
                        at_limit_logged = true;
                    }
                    tokio::select! {
                        s = slots.clone().acquire_owned() => match s { Ok(s) => s, Err(_) => return },
                        _ = tx.closed() => return,
                    }
                }
            };
            let conn = tokio::select! {
                c = accepted.next() => c,
                _ = tx.closed() => return,
            };
            let conn = match conn {
                Some(Ok(c)) => c,
                Some(Err(e)) => {
                    metrics::counter!("screener_accept_errors_total").increment(1);
                    if last_error_log.is_none_or(|t| t.elapsed() > Duration::from_secs(60)) {
                        tracing::warn!(error = %e, "cannot accept connections (logged at most once a minute)");
                        last_error_log = Some(tokio::time::Instant::now());
                    }
                    tokio::time::sleep(ACCEPT_ERROR_PAUSE).await;
                    continue;
                }
                None => return,
            };
            let tx = tx.clone();
            let stalls = stalls.clone();
            tokio::spawn(async move {
                let peer = conn.peer_addr().ok();
                if let Some(mut admitted) = Admitted::opened(conn, limits.opening_timeout, Some(slot)).await {
                    admitted.stalls = stalls.zip(peer).map(|(s, p)| s.register(p));
                    let _ = tx.send(Ok(admitted)).await;
                }
            });
        }
    });
    tokio_stream::wrappers::ReceiverStream::new(rx)
}
