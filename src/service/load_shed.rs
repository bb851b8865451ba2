//! Load shedding: at most `--max-concurrent-requests` calls in progress across all connections;
//! a call beyond that is answered at once with RESOURCE_EXHAUSTED instead of waiting in a queue
//! that grows without bound (the latency of every queued payment would grow with it, and the
//! memory). Clients retry with back-off, or their load balancer picks another replica.
//!
//! A call holds its slot until its response body ends, so an open `ScreenStream` counts as one
//! call for as long as it is open. Health checks are never shed: a pod that is busy is not dead,
//! and failing its probes would move its load onto the others.

use std::sync::Arc;
use std::task::{Context, Poll};

use futures_util::future::BoxFuture;
use http::{HeaderValue, Request, Response};
use tokio::sync::Semaphore;
use tower::{Layer, Service};

use super::attached_body::Attached;

#[derive(Debug, Clone)]
pub struct LoadShedLayer {
    slots: Arc<Semaphore>,
    limit: usize,
}

impl LoadShedLayer {
    pub fn new(limit: usize) -> LoadShedLayer {
        LoadShedLayer { slots: Arc::new(Semaphore::new(limit)), limit }
    }
}

impl<S> Layer<S> for LoadShedLayer {
    type Service = LoadShed<S>;
    fn layer(&self, inner: S) -> LoadShed<S> {
        LoadShed { inner, slots: self.slots.clone(), limit: self.limit }
    }
}

#[derive(Debug, Clone)]
pub struct LoadShed<S> {
    inner: S,
    slots: Arc<Semaphore>,
    limit: usize,
}

impl<S, ReqBody> Service<Request<ReqBody>> for LoadShed<S>
where
    S: Service<Request<ReqBody>, Response = Response<tonic::body::Body>>,
    S::Future: Send + 'static,
{
    type Response = Response<tonic::body::Body>;
    type Error = S::Error;
    type Future = BoxFuture<'static, Result<Self::Response, Self::Error>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, req: Request<ReqBody>) -> Self::Future {
        if req.uri().path().starts_with("/grpc.health.") {
            return Box::pin(self.inner.call(req));
        }
        let Ok(permit) = self.slots.clone().try_acquire_owned() else {
            metrics::counter!("screener_calls_shed_total").increment(1);
            let limit = self.limit;
            return Box::pin(async move { Ok(overloaded(limit)) });
        };
        let fut = self.inner.call(req);
        Box::pin(async move {
            let resp = fut.await?;
            // The slot is held until the body ends.
            Ok(resp.map(|body| Attached::body(body, permit)))
        })
    }
}

/// A trailers-only gRPC response: RESOURCE_EXHAUSTED with a message saying what to do.
fn overloaded(limit: usize) -> Response<tonic::body::Body> {
    let status = tonic::Status::resource_exhausted(format!(
        "server overloaded: {limit} calls already in progress; retry with back-off"
    ));
    let mut resp = status.into_http::<tonic::body::Body>();
    resp.headers_mut().insert("content-type", HeaderValue::from_static("application/grpc"));
    resp
}
