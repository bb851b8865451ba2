//! tonic reports a request larger than the configured limit as OUT_OF_RANGE; the gRPC spec (and
//! every other gRPC server) says RESOURCE_EXHAUSTED, which is what clients retry-policy on. This
//! layer rewrites that one status on the way out.

use std::task::{Context, Poll};

use futures_util::future::{FutureExt, Map};
use http::{HeaderValue, Request, Response};
use tower::{Layer, Service};

#[derive(Debug, Clone, Copy, Default)]
pub struct OversizeLayer;

impl<S> Layer<S> for OversizeLayer {
    type Service = Oversize<S>;
    fn layer(&self, inner: S) -> Oversize<S> {
        Oversize { inner }
    }
}

#[derive(Debug, Clone)]
pub struct Oversize<S> {
    inner: S,
}

type Fix<B, E> = fn(Result<Response<B>, E>) -> Result<Response<B>, E>;

impl<S, ReqBody, ResBody> Service<Request<ReqBody>> for Oversize<S>
where
    S: Service<Request<ReqBody>, Response = Response<ResBody>>,
{
    type Response = Response<ResBody>;
    type Error = S::Error;
    type Future = Map<S::Future, Fix<ResBody, S::Error>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, req: Request<ReqBody>) -> Self::Future {
        self.inner.call(req).map(fix as Fix<ResBody, S::Error>)
    }
}

fn fix<B, E>(r: Result<Response<B>, E>) -> Result<Response<B>, E> {
    r.map(|mut resp| {
        let h = resp.headers();
        let out_of_range = h.get("grpc-status").is_some_and(|v| v == "11");
        let too_large = h
            .get("grpc-message")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|m| m.contains("message%20length%20too%20large") || m.contains("message length too large"));
        if out_of_range && too_large {
            resp.headers_mut().insert("grpc-status", HeaderValue::from_static("8"));
        }
        resp
    })
}
