//! Responses written together: what HTTP/2 writes between two flushes leaves in one `write`.
//!
//! h2 copies a DATA frame into its connection's write buffer only when the frame is small (under
//! 256 bytes on a transport that says it writes vectored, 1,024 otherwise); a larger one is
//! written from where it lies, and nothing more is buffered until it has gone out. A BLOCK answer
//! with three matches is about 450 bytes, so under load every such answer cost a `writev` of its
//! own, a clear one shared a write with dozens of others: 1.42 `writev` per BLOCK call against
//! 0.51 per CLEAR one (`perf stat -e 'syscalls:sys_enter_writev' -p` during
//! `scripts/h2load.sh`), and with each write the kernel's wake-ups of the reader. Here the
//! connection says it does not write vectored (so answers up to 1 KiB are copied into h2's
//! buffer), and what h2 writes between flushes is gathered here and written once (so a larger
//! answer, chained after the buffer, still costs one write, not two). The README ("Performance")
//! has the figures.

use std::io;
use std::pin::Pin;
use std::task::{ready, Context, Poll};

use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tonic::transport::server::Connected;

/// Writes at least this long go out as they come (after what is gathered before them): h2's
/// buffer holds 16 KiB, so a flush's buffer and the answer chained after it are gathered whole.
const GATHER_BYTES: usize = 32 * 1024;

/// Room first made for what is gathered: a flush's frames under light load.
const FIRST_GATHER_BYTES: usize = 4096;

/// A connection as HTTP/2 sees it: reads pass through, writes are gathered until a flush.
pub struct Coalesced<IO> {
    io: IO,
    /// Written by h2, not yet by the transport: `out[sent..]`. Allocated while there is
    /// something to gather, and given back once it has gone out, so an idle connection holds
    /// no more than before.
    out: Vec<u8>,
    sent: usize,
}

impl<IO> Coalesced<IO> {
    pub fn new(io: IO) -> Coalesced<IO> {
        Coalesced { io, out: Vec::new(), sent: 0 }
    }
}

impl<IO: AsyncWrite + Unpin> Coalesced<IO> {
    /// Writes out what is gathered.
    fn poll_drain(&mut self, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        while self.sent < self.out.len() {
            let n = ready!(Pin::new(&mut self.io).poll_write(cx, &self.out[self.sent..]))?;
            if n == 0 {
                return Poll::Ready(Err(io::ErrorKind::WriteZero.into()));
            }
            self.sent += n;
        }
        self.out = Vec::new();
        self.sent = 0;
        Poll::Ready(Ok(()))
    }
}

impl<IO: Connected> Connected for Coalesced<IO> {
    type ConnectInfo = IO::ConnectInfo;

    fn connect_info(&self) -> Self::ConnectInfo {
        self.io.connect_info()
    }
}

impl<IO: AsyncRead + Unpin> AsyncRead for Coalesced<IO> {
    fn poll_read(mut self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &mut ReadBuf<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.io).poll_read(cx, buf)
    }
}

impl<IO: AsyncWrite + Unpin> AsyncWrite for Coalesced<IO> {
    fn poll_write(self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &[u8]) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        if this.out.len() + buf.len() > GATHER_BYTES {
            ready!(this.poll_drain(cx))?;
        }
        if buf.len() >= GATHER_BYTES {
            return Pin::new(&mut this.io).poll_write(cx, buf);
        }
        if this.out.capacity() == 0 {
            this.out.reserve(buf.len().max(FIRST_GATHER_BYTES));
        }
        this.out.extend_from_slice(buf);
        Poll::Ready(Ok(buf.len()))
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        ready!(this.poll_drain(cx))?;
        Pin::new(&mut this.io).poll_flush(cx)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        ready!(this.poll_drain(cx))?;
        Pin::new(&mut this.io).poll_shutdown(cx)
    }

    /// Not vectored: h2 then copies DATA frames of up to 1 KiB into its buffer (see the module
    /// documentation).
    fn is_write_vectored(&self) -> bool {
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    /// A transport that counts its writes.
    struct Counting {
        written: Vec<u8>,
        writes: usize,
        /// Accepts at most this many bytes a write (a socket with little room).
        room: usize,
    }

    impl AsyncWrite for Counting {
        fn poll_write(mut self: Pin<&mut Self>, _: &mut Context<'_>, buf: &[u8]) -> Poll<io::Result<usize>> {
            let n = buf.len().min(self.room);
            self.written.extend_from_slice(&buf[..n]);
            self.writes += 1;
            Poll::Ready(Ok(n))
        }
        fn poll_flush(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<io::Result<()>> {
            Poll::Ready(Ok(()))
        }
        fn poll_shutdown(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<io::Result<()>> {
            Poll::Ready(Ok(()))
        }
    }

    #[tokio::test]
    async fn writes_between_flushes_go_out_in_one_write_in_order() {
        let mut c = Coalesced::new(Counting { written: Vec::new(), writes: 0, room: usize::MAX });
        c.write_all(b"frames of several answers ").await.unwrap();
        c.write_all(&[7u8; 700]).await.unwrap();
        c.write_all(b" trailers").await.unwrap();
        assert_eq!(c.io.writes, 0, "nothing is written before the flush");
        c.flush().await.unwrap();
        assert_eq!(c.io.writes, 1);
        let mut want = b"frames of several answers ".to_vec();
        want.extend_from_slice(&[7u8; 700]);
        want.extend_from_slice(b" trailers");
        assert_eq!(c.io.written, want);
        assert_eq!(c.out.capacity(), 0, "an idle connection keeps no buffer");
    }

    #[tokio::test]
    async fn partial_writes_and_large_writes_keep_every_byte_in_order() {
        let mut c = Coalesced::new(Counting { written: Vec::new(), writes: 0, room: 1000 });
        let small: Vec<u8> = (0..5000u32).map(|i| i as u8).collect();
        let large: Vec<u8> = (0..GATHER_BYTES as u32 * 2).map(|i| (i / 7) as u8).collect();
        c.write_all(&small).await.unwrap();
        c.write_all(&large).await.unwrap();
        c.write_all(&small).await.unwrap();
        c.shutdown().await.unwrap();
        let mut want = small.clone();
        want.extend_from_slice(&large);
        want.extend_from_slice(&small);
        assert_eq!(c.io.written, want);
    }

    #[tokio::test]
    async fn reads_pass_through() {
        let (client, server) = tokio::io::duplex(64);
        let mut c = Coalesced::new(server);
        let mut client = client;
        client.write_all(b"ping").await.unwrap();
        let mut got = [0u8; 4];
        c.read_exact(&mut got).await.unwrap();
        assert_eq!(&got, b"ping");
        c.write_all(b"pong").await.unwrap();
        c.flush().await.unwrap();
        client.read_exact(&mut got).await.unwrap();
        assert_eq!(&got, b"pong");
    }
}
