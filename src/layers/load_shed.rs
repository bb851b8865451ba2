//! Admission: how many calls may be in progress, per connection and in total, with unary calls
//! and long-lived streams counted apart. A call beyond a limit is answered at once with
//! RESOURCE_EXHAUSTED instead of waiting in a queue that grows without bound (the latency of
//! every queued payment would grow with it, and the memory). Clients retry with back-off, or
//! their load balancer picks another replica.
//!
//! Streams (`ScreenStream`, `WatchListChanges`, health `Watch`, reflection) have their own
//! budget because they stay open: when they shared one with unary calls, a thousand streams that
//! were opened and never written to locked every payment out for as long as they stayed open.
//! The per-connection limits keep one client from taking a whole budget; the total limits bound
//! the server. A stream holds its slot until its response body ends, and that end is bounded:
//! by `--stream-timeout` here (DEADLINE_EXCEEDED), by the idle timeout in `ScreenStream` itself,
//! and, for the watch streams, by shutdown (UNAVAILABLE after the grace period), so that an open
//! watch cannot keep the process from exiting.
//!
//! A unary call takes its place in the total budget when its request has arrived whole (its body
//! ended), not with its headers or its first bytes: a call whose body has not ended does no work.
//! Six connections sending 200 bodiless `ScreenParty` headers each held all 1,024 places for the
//! request timeout, turning every other client away (round 25); when the place was taken at the
//! first bytes, four connections of 256 calls sending one byte each did the same (round 32).
//! Until its body ends a call holds its connection's share, and the bytes it has sent count
//! against a budget of bodies still arriving (`Admission::arriving_bytes`): a request sent whole,
//! as clients send them, is never refused by it. A stream takes its place with its first bytes.
//! Server reflection has a budget of its own, so that streams opened and never written to do not
//! keep `grpcurl list` out.
//!
//! Health checks are never shed: a pod that is busy is not dead, and failing its probes would
//! move its load onto the others.

use std::future::Future;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use dashmap::DashMap;
use futures_util::future::BoxFuture;
use http::{HeaderMap, HeaderValue, Request, Response};
use http_body::{Body, Frame};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};
use tonic::transport::server::{TcpConnectInfo, TlsConnectInfo};
use tower::{Layer, Service};

use crate::error::ApiError;

/// Limits of one kind of call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Budget {
    /// In progress at once across all connections.
    pub total: usize,
    /// In progress at once on one connection.
    pub per_connection: usize,
}

/// The admission settings.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Admission {
    pub unary: Budget,
    pub streams: Budget,
    /// Longest a stream may stay open.
    pub stream_timeout: Duration,
    /// Bytes of unary requests still arriving (sent in part, their body not ended) across all
    /// connections: what calls that have not taken their place in the total may hold in memory.
    pub arriving_bytes: usize,
}

/// Told once when the server stops accepting calls (after the shutdown grace period): watch
/// streams then end.
pub type StopSignal = tokio::sync::watch::Receiver<Stopping>;

/// How far the server's stop has gone, as the streams it ends hear it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
pub enum Stopping {
    #[default]
    No,
    /// The listener has closed: watches, which never end on their own, end now.
    ListenerClosed,
    /// The drain period is about to end: every stream still open ends, with a status.
    DrainEnding,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Answered at once and never counted: health checks.
    Exempt,
    Unary,
    /// A stream that ends when its client has nothing more to send (ScreenStream, reflection):
    /// left to finish at shutdown.
    Stream,
    /// A stream that would never end on its own (list changes): ended at shutdown.
    Watch,
    /// Health `Watch`: a watch with a budget of its own (see `LoadShedLayer::health_watches`).
    HealthWatch,
    /// Server reflection: a stream with a budget of its own (see `LoadShedLayer::reflection`).
    Reflection,
}

fn kind(path: &str) -> Kind {
    let method = path.rsplit('/').next().unwrap_or_default();
    if path.starts_with("/grpc.health.") {
        return if method == "Watch" { Kind::HealthWatch } else { Kind::Exempt };
    }
    match method {
        "WatchListChanges" => Kind::Watch,
        "ScreenStream" => Kind::Stream,
        "ServerReflectionInfo" => Kind::Reflection,
        _ => Kind::Unary,
    }
}

/// One budget's state: a semaphore for the total, a count per connection.
#[derive(Debug)]
struct Pool {
    what: &'static str,
    /// The kind of call, for the shed metric.
    label: &'static str,
    budget: Budget,
    total: Arc<Semaphore>,
    connections: Arc<DashMap<SocketAddr, usize>>,
}

impl Pool {
    fn new(what: &'static str, label: &'static str, budget: Budget) -> Pool {
        Pool {
            what,
            label,
            budget,
            total: Arc::new(Semaphore::new(budget.total)),
            connections: Arc::new(DashMap::new()),
        }
    }

    /// A place in the budget: the connection's share now, and the total's now or, when `deferred`,
    /// once the request's first bytes arrive ([`Gated`]).
    fn admit(&self, peer: Option<SocketAddr>, deferred: bool) -> Result<Slot, String> {
        let conn = match peer {
            None => None,
            Some(addr) => {
                let mut n = self.connections.entry(addr).or_insert(0);
                if *n >= self.budget.per_connection {
                    return Err(format!(
                        "server overloaded: this connection already has {} {} in progress; retry with back-off \
                         or spread the calls over connections",
                        self.budget.per_connection, self.what
                    ));
                }
                *n += 1;
                Some(ConnSlot { connections: self.connections.clone(), addr })
            }
        };
        if deferred {
            return Ok(Slot { total: Total::Deferred(Arc::new(std::sync::OnceLock::new())), _conn: conn });
        }
        let permit = self.take_total()?;
        Ok(Slot { total: Total::Held(permit), _conn: conn })
    }

    fn take_total(&self) -> Result<OwnedSemaphorePermit, String> {
        self.total.clone().try_acquire_owned().map_err(|_| {
            format!("server overloaded: {} {} already in progress; retry with back-off", self.budget.total, self.what)
        })
    }
}

/// A connection's share of a budget, given back on drop.
#[derive(Debug)]
struct ConnSlot {
    connections: Arc<DashMap<SocketAddr, usize>>,
    addr: SocketAddr,
}

impl Drop for ConnSlot {
    fn drop(&mut self) {
        self.connections.remove_if_mut(&self.addr, |_, n| {
            *n = n.saturating_sub(1);
            *n == 0
        });
    }
}

/// A call's place in a budget, held until its response body ends.
#[derive(Debug)]
struct Slot {
    total: Total,
    _conn: Option<ConnSlot>,
}

/// A call's place in the total budget.
#[derive(Debug)]
enum Total {
    Held(#[allow(dead_code)] OwnedSemaphorePermit),
    /// Taken by the request body when its first bytes arrive ([`Gated`]), and kept here with the
    /// response (tonic drops a unary request's body before the call is answered).
    Deferred(Arc<std::sync::OnceLock<OwnedSemaphorePermit>>),
}

/// What a request body's error becomes: tonic reads a [`tonic::Status`] in it back.
type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// A request body that takes its call's place in the total budget (a stream's when its first
/// frame arrives, a unary call's when its body ends), and fails the call with RESOURCE_EXHAUSTED
/// when the budget is full then.
pub struct Gated<B> {
    inner: B,
    pool: Option<(Arc<Pool>, Arc<std::sync::OnceLock<OwnedSemaphorePermit>>)>,
    /// A unary call's framing, followed so a second message is refused.
    framing: Option<Framing>,
    /// A unary call's bytes in the budget of bodies still arriving, until its body ends.
    arriving: Option<Arriving>,
}

/// The bytes of unary request bodies that have not ended, across the server.
#[derive(Debug)]
struct ArrivingBudget {
    held: std::sync::atomic::AtomicUsize,
    limit: usize,
}

/// One body's hold on the [`ArrivingBudget`], given back when its body ends or the call goes.
#[derive(Debug)]
struct Arriving {
    budget: Arc<ArrivingBudget>,
    held: usize,
}

impl Arriving {
    /// Counts `n` more bytes; false (and nothing counted) when they would take the budget over.
    fn add(&mut self, n: usize) -> bool {
        use std::sync::atomic::Ordering;
        let before = self.budget.held.fetch_add(n, Ordering::Relaxed);
        if before + n > self.budget.limit {
            self.budget.held.fetch_sub(n, Ordering::Relaxed);
            return false;
        }
        self.held += n;
        true
    }

    fn release(&mut self) {
        self.budget.held.fetch_sub(std::mem::take(&mut self.held), std::sync::atomic::Ordering::Relaxed);
    }
}

impl Drop for Arriving {
    fn drop(&mut self) {
        self.release();
    }
}

/// Where a unary request body is in gRPC's framing (a flag byte, a four-byte length, the
/// message): tonic decodes a unary call's first message and drops the rest, so a call that
/// carried `John Smith` and then a listed name was answered CLEAR on the first alone (round 28;
/// grpc-go and grpc-java refuse such a call). The body is read to its end either way (tonic
/// reads on for trailers), so the second message's prefix is seen here.
#[derive(Debug, Default)]
struct Framing {
    prefix: [u8; 5],
    /// Bytes of the current prefix seen so far.
    have: usize,
    /// Bytes of the current message still to come.
    left: u64,
    messages: u32,
}

impl Framing {
    /// Follows `data`; true once a second message starts.
    fn second_message(&mut self, mut data: &[u8]) -> bool {
        while !data.is_empty() {
            if self.left > 0 {
                let n = data.len().min(usize::try_from(self.left).unwrap_or(usize::MAX));
                self.left -= n as u64;
                data = &data[n..];
                continue;
            }
            if self.have == 0 {
                self.messages += 1;
                if self.messages > 1 {
                    return true;
                }
            }
            let n = (5 - self.have).min(data.len());
            self.prefix[self.have..self.have + n].copy_from_slice(&data[..n]);
            self.have += n;
            data = &data[n..];
            if self.have == 5 {
                let [_, a, b, c, d] = self.prefix;
                self.left = u64::from(u32::from_be_bytes([a, b, c, d]));
                self.have = 0;
            }
        }
        false
    }
}

impl<B> Body for Gated<B>
where
    B: Body<Data = tonic::codegen::Bytes> + Unpin,
    B::Error: Into<BoxError>,
{
    type Data = tonic::codegen::Bytes;
    type Error = BoxError;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Self::Data>, Self::Error>>> {
        let this = &mut *self;
        let polled = std::task::ready!(Pin::new(&mut this.inner).poll_frame(cx));
        if let (Some(framing), Some(Ok(frame))) = (this.framing.as_mut(), polled.as_ref()) {
            if frame.data_ref().is_some_and(|data| framing.second_message(data)) {
                this.framing = None;
                return Poll::Ready(Some(Err(Box::new(tonic::Status::from(ApiError::InvalidArgument(
                    "a unary call carries one request message, and this one carried more: none is answered \
                     (send each request as a call of its own, or use ScreenStream)"
                        .into(),
                ))))));
            }
        }
        if let Some(arriving) = this.arriving.as_mut() {
            // A unary call's body has ended with its last frame (or trailers), or ends now.
            let ended = match &polled {
                None => true,
                Some(Ok(frame)) => frame.is_trailers() || this.inner.is_end_stream(),
                Some(Err(_)) => false,
            };
            if ended {
                arriving.release();
            } else {
                let n = polled.as_ref().and_then(|f| f.as_ref().ok()).and_then(Frame::data_ref).map_or(0, |d| d.len());
                if !arriving.add(n) {
                    let limit = arriving.budget.limit;
                    this.arriving = None;
                    this.pool = None;
                    metrics::counter!("screener_calls_shed_total", "kind" => "unary").increment(1);
                    return Poll::Ready(Some(Err(Box::new(tonic::Status::from(ApiError::Overloaded(format!(
                        "server overloaded: requests still arriving hold {limit} bytes already; send each request \
                         whole and retry with back-off"
                    )))))));
                }
                return Poll::Ready(polled.map(|frame| frame.map_err(Into::into)));
            }
        }
        if let Some((pool, place)) = this.pool.take() {
            match pool.take_total() {
                Ok(permit) => {
                    let _ = place.set(permit);
                }
                Err(message) => {
                    metrics::counter!("screener_calls_shed_total", "kind" => pool.label).increment(1);
                    return Poll::Ready(Some(Err(Box::new(tonic::Status::from(ApiError::Overloaded(message))))));
                }
            }
        }
        Poll::Ready(polled.map(|frame| frame.map_err(Into::into)))
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> http_body::SizeHint {
        self.inner.size_hint()
    }
}

#[derive(Debug, Clone)]
pub struct LoadShedLayer {
    unary: Arc<Pool>,
    streams: Arc<Pool>,
    /// Watches (list changes, health `Watch`) have a pool of their own, the same size as the
    /// streams': they stay open by design, and when they shared one, one client holding 256 idle
    /// `WatchListChanges` (16 on each of 16 connections) locked out every `ScreenStream` and
    /// server reflection (`grpcurl list`) for an hour.
    watches: Arc<Pool>,
    /// Health `Watch` apart again: it is how gRPC clients' own health checking follows a server,
    /// and list-change watches filling their budget must not turn those clients away.
    health_watches: Arc<Pool>,
    /// Server reflection apart from `ScreenStream`: twenty connections of `ScreenStream`s opened
    /// and never written to kept `grpcurl list` out (round 25).
    reflection: Arc<Pool>,
    stream_timeout: Duration,
    /// Bytes of unary requests still arriving (see [`Admission::arriving_bytes`]).
    arriving: Arc<ArrivingBudget>,
    stop: StopSignal,
    /// Where a call's response records its waits for the client (see `stalls`).
    stalls: Arc<super::Stalls>,
}

impl LoadShedLayer {
    pub fn new(admission: Admission, stop: StopSignal, stalls: Arc<super::Stalls>) -> LoadShedLayer {
        LoadShedLayer {
            unary: Arc::new(Pool::new("calls", "unary", admission.unary)),
            streams: Arc::new(Pool::new("streams", "stream", admission.streams)),
            watches: Arc::new(Pool::new("watch streams", "watch", admission.streams)),
            health_watches: Arc::new(Pool::new("health watches", "watch", admission.streams)),
            reflection: Arc::new(Pool::new("reflection streams", "stream", admission.streams)),
            stream_timeout: admission.stream_timeout,
            arriving: Arc::new(ArrivingBudget {
                held: std::sync::atomic::AtomicUsize::new(0),
                limit: admission.arriving_bytes,
            }),
            stop,
            stalls,
        }
    }
}

impl<S> Layer<S> for LoadShedLayer {
    type Service = LoadShed<S>;
    fn layer(&self, inner: S) -> LoadShed<S> {
        LoadShed { inner, layer: self.clone() }
    }
}

#[derive(Debug, Clone)]
pub struct LoadShed<S> {
    inner: S,
    layer: LoadShedLayer,
}

/// The peer of the call's connection (plain TCP or TLS), which identifies the connection.
fn peer<B>(req: &Request<B>) -> Option<SocketAddr> {
    let ext = req.extensions();
    ext.get::<TcpConnectInfo>()
        .and_then(|i| i.remote_addr())
        .or_else(|| ext.get::<TlsConnectInfo<TcpConnectInfo>>().and_then(|i| i.get_ref().remote_addr()))
}

impl<S, ReqBody> Service<Request<ReqBody>> for LoadShed<S>
where
    S: Service<Request<Gated<ReqBody>>, Response = Response<tonic::body::Body>>,
    S::Future: Send + 'static,
{
    type Response = Response<tonic::body::Body>;
    type Error = S::Error;
    type Future = BoxFuture<'static, Result<Self::Response, Self::Error>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, req: Request<ReqBody>) -> Self::Future {
        let kind = kind(req.uri().path());
        if kind == Kind::Exempt {
            return Box::pin(self.inner.call(req.map(|inner| Gated {
                inner,
                pool: None,
                framing: None,
                arriving: None,
            })));
        }
        let pool = match kind {
            Kind::Unary | Kind::Exempt => &self.layer.unary,
            Kind::Stream => &self.layer.streams,
            Kind::Watch => &self.layer.watches,
            Kind::HealthWatch => &self.layer.health_watches,
            Kind::Reflection => &self.layer.reflection,
        };
        let peer = peer(&req);
        // Calls that work on what they are sent wait for it to take their place in the total (a
        // unary call for its whole request, a stream for its first bytes); watches hold theirs
        // from the start (they are sent one request and then wait).
        let deferred = matches!(kind, Kind::Unary | Kind::Stream | Kind::Reflection);
        let slot = match pool.admit(peer, deferred) {
            Ok(slot) => slot,
            Err(message) => {
                metrics::counter!("screener_calls_shed_total", "kind" => pool.label).increment(1);
                return Box::pin(async move { Ok(overloaded(message)) });
            }
        };
        let gate = match &slot.total {
            Total::Deferred(place) => Some((pool.clone(), place.clone())),
            Total::Held(_) => None,
        };
        let waits = peer.and_then(|p| self.layer.stalls.response(p));
        let unary = kind == Kind::Unary;
        let framing = unary.then(Framing::default);
        let arriving = unary.then(|| Arriving { budget: self.layer.arriving.clone(), held: 0 });
        let fut = self.inner.call(req.map(|inner| Gated { inner, pool: gate, framing, arriving }));
        let ending: Option<Ending> = match kind {
            Kind::Unary | Kind::Exempt => None,
            // A stream of work runs on through the drain period (a bulk re-screening sent when the
            // listener closed finishes), and one still open just before the drain ends is ended
            // with a status: a `ScreenStream` still sending was cut then with none, so its client
            // could not tell which parties had been screened (round 28).
            Kind::Stream | Kind::Reflection => {
                Some(Box::pin(stream_end(self.layer.stream_timeout, self.layer.stop.clone(), Stopping::DrainEnding)))
            }
            Kind::Watch | Kind::HealthWatch => {
                Some(Box::pin(stream_end(self.layer.stream_timeout, self.layer.stop.clone(), Stopping::ListenerClosed)))
            }
        };
        Box::pin(async move {
            let resp = fut.await?;
            Ok(resp
                .map(|body| tonic::body::Body::new(Admitted { inner: body, _slot: slot, ending, done: false, waits })))
        })
    }
}

type Ending = Pin<Box<dyn Future<Output = ApiError> + Send>>;

/// Resolves to the status a stream ends with when the server ends it: DEADLINE_EXCEEDED at the
/// stream timeout, or UNAVAILABLE once the server's stop has gone as far as `at`.
async fn stream_end(timeout: Duration, mut stop: StopSignal, at: Stopping) -> ApiError {
    let stopped = async move {
        // An error means the server is gone, which is a stop too.
        let _ = stop.wait_for(|stopping| *stopping >= at).await;
    };
    tokio::select! {
        _ = tokio::time::sleep(timeout) => ApiError::DeadlineExceeded(format!(
            "streams are closed after {} s (--stream-timeout); open a new one (a list-change watch resumes with since_list_version)",
            timeout.as_secs()
        )),
        _ = stopped => ApiError::ShuttingDown,
    }
}

/// A response body that holds its admission slot until it ends, and that the server can end
/// with a status (stream timeout, shutdown).
struct Admitted {
    inner: tonic::body::Body,
    _slot: Slot,
    ending: Option<Ending>,
    done: bool,
    /// Whether the body waits for its client to read what it handed over (see `stalls`).
    waits: Option<super::stalls::Response>,
}

impl Body for Admitted {
    type Data = <tonic::body::Body as Body>::Data;
    type Error = <tonic::body::Body as Body>::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Self::Data>, Self::Error>>> {
        let this = &mut *self;
        if this.done {
            return Poll::Ready(None);
        }
        if let Some(ending) = this.ending.as_mut() {
            if let Poll::Ready(end) = ending.as_mut().poll(cx) {
                this.done = true;
                return Poll::Ready(Some(Ok(Frame::trailers(trailers(&tonic::Status::from(end))))));
            }
        }
        let polled = Pin::new(&mut this.inner).poll_frame(cx);
        if matches!(polled, Poll::Ready(None)) {
            this.done = true;
        }
        if let Some(w) = &this.waits {
            // Data handed over is sent as the client's window allows, and the body is polled
            // again once it is: until then, the response waits for the client.
            match &polled {
                Poll::Ready(Some(Ok(frame))) if frame.is_data() => w.handed_data(),
                _ => w.not_waiting(),
            }
        }
        polled
    }

    fn is_end_stream(&self) -> bool {
        self.done || self.inner.is_end_stream()
    }

    fn size_hint(&self) -> http_body::SizeHint {
        self.inner.size_hint()
    }
}

/// gRPC trailers carrying `status` (messages here are ASCII without `%`, so they need no
/// percent-encoding).
fn trailers(status: &tonic::Status) -> HeaderMap {
    let mut h = HeaderMap::new();
    h.insert("grpc-status", HeaderValue::from(status.code() as i32));
    if let Ok(v) = HeaderValue::from_str(status.message()) {
        h.insert("grpc-message", v);
    }
    h
}

/// A trailers-only gRPC response: RESOURCE_EXHAUSTED with a message saying what to do.
fn overloaded(message: String) -> Response<tonic::body::Body> {
    let status = tonic::Status::from(ApiError::Overloaded(message));
    let mut resp = status.into_http::<tonic::body::Body>();
    resp.headers_mut().insert("content-type", HeaderValue::from_static("application/grpc"));
    resp
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_second_message_is_seen_wherever_the_frames_cut() {
        use super::Framing;
        let message = |len: u32| {
            let mut m = vec![0u8];
            m.extend(len.to_be_bytes());
            m.extend(std::iter::repeat_n(7u8, len as usize));
            m
        };
        let one = message(300);
        let two: Vec<u8> = [message(0), message(3)].concat();
        // One message, in frames cut anywhere (inside the prefix too): never a second.
        for cut in [1, 3, 5, 6, 299, 304] {
            let mut f = Framing::default();
            assert!(!f.second_message(&one[..cut]) && !f.second_message(&one[cut..]), "cut at {cut}");
        }
        // An empty message and another, together or cut at any byte.
        for cut in 0..two.len() {
            let mut f = Framing::default();
            assert!(f.second_message(&two[..cut]) || f.second_message(&two[cut..]), "cut at {cut}");
        }
    }

    use super::*;

    #[test]
    fn calls_are_told_apart() {
        assert_eq!(kind("/grpc.health.v1.Health/Check"), Kind::Exempt);
        assert_eq!(kind("/grpc.health.v1.Health/Watch"), Kind::HealthWatch);
        assert_eq!(kind("/screening.v1.ScreeningService/ScreenParty"), Kind::Unary);
        assert_eq!(kind("/screening.v1.ScreeningService/ScreenStream"), Kind::Stream);
        assert_eq!(kind("/screening.v1.ScreeningService/WatchListChanges"), Kind::Watch);
        assert_eq!(kind("/grpc.reflection.v1.ServerReflection/ServerReflectionInfo"), Kind::Reflection);
    }

    #[test]
    fn a_connection_cannot_take_the_whole_budget() {
        let pool = Pool::new("streams", "stream", Budget { total: 3, per_connection: 2 });
        let (a, b): (SocketAddr, SocketAddr) =
            ("127.0.0.1:1000".parse().expect("addr"), "127.0.0.1:1001".parse().expect("addr"));
        let s1 = pool.admit(Some(a), false).expect("first");
        let _s2 = pool.admit(Some(a), false).expect("second");
        assert!(pool.admit(Some(a), false).expect_err("third on a").contains("this connection"));
        let _s3 = pool.admit(Some(b), false).expect("b has its own share");
        assert!(pool.admit(Some(b), false).expect_err("total").contains("3 streams"));
        drop(s1);
        assert!(pool.admit(Some(a), false).is_ok(), "a slot given back is free again");
        assert_eq!(pool.connections.get(&b).map(|n| *n), Some(1));
    }
}
