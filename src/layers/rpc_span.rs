//! One server span per gRPC call, child of the caller's span when the request carries W3C
//! `traceparent`/`tracestate` metadata, and open until the response body (a stream's last
//! message, the trailers with `grpc-status`) is sent.
//!
//! The handler adds what the call decided (decision, match count, top score, list version) to
//! this span as attributes; the status code is read from the response here. Health checks and
//! reflection get no span: probes every few seconds would bury the calls that matter.

use std::task::{Context, Poll};

use futures_util::future::BoxFuture;
use http::{HeaderMap, Request, Response};
use opentelemetry::propagation::Extractor;
use opentelemetry::trace::TraceContextExt;
use tower::{Layer, Service};
use tracing::field::Empty;
use tracing::{Instrument, Span};
use tracing_opentelemetry::OpenTelemetrySpanExt;

use super::attached_body::{Attached, Attachment};
use crate::telemetry::{decision_span, RpcTrace};

#[derive(Debug, Clone, Copy, Default)]
pub struct RpcSpanLayer;

impl<S> Layer<S> for RpcSpanLayer {
    type Service = RpcSpan<S>;
    fn layer(&self, inner: S) -> RpcSpan<S> {
        RpcSpan { inner }
    }
}

#[derive(Debug, Clone)]
pub struct RpcSpan<S> {
    inner: S,
}

struct Headers<'a>(&'a HeaderMap);

impl Extractor for Headers<'_> {
    fn get(&self, key: &str) -> Option<&str> {
        self.0.get(key).and_then(|v| v.to_str().ok())
    }
    fn keys(&self) -> Vec<&str> {
        self.0.keys().map(|k| k.as_str()).collect()
    }
}

fn untraced(path: &str) -> bool {
    path.starts_with("/grpc.health.") || path.starts_with("/grpc.reflection.")
}

impl<S, ReqBody> Service<Request<ReqBody>> for RpcSpan<S>
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

    fn call(&mut self, mut req: Request<ReqBody>) -> Self::Future {
        let path = req.uri().path();
        if untraced(path) {
            return Box::pin(self.inner.call(req));
        }
        let refused = Refused::of(path);
        let (service, method) = path.trim_start_matches('/').split_once('/').unwrap_or((path, ""));
        let span = decision_span!(
            tracing::Level::INFO,
            "rpc",
            otel.name = %path.trim_start_matches('/'),
            otel.kind = "server",
            otel.status_code = Empty,
            rpc.system = "grpc",
            rpc.service = %service,
            rpc.method = %method,
            rpc.grpc.status_code = Empty
        );
        let parent = if req.headers().contains_key("traceparent") {
            opentelemetry::global::get_text_map_propagator(|p| p.extract(&Headers(req.headers())))
        } else {
            opentelemetry::Context::new()
        };
        let caller = parent.span().span_context().clone();
        if span.is_disabled() {
            // Spans are not exported: no span to keep open, only the caller's trace for the audit log.
            let trace_id = caller.is_valid().then(|| caller.trace_id().to_string());
            req.extensions_mut().insert(RpcTrace { trace_id });
            let fut = self.inner.call(req);
            return Box::pin(async move {
                let resp = fut.await?;
                refused.count(&resp);
                Ok(resp)
            });
        }
        let _ = span.set_parent(parent);
        let own = span.context().span().span_context().clone();
        let trace_id = [own, caller].into_iter().find(|c| c.is_valid()).map(|c| c.trace_id().to_string());
        req.extensions_mut().insert(RpcTrace { trace_id });
        let fut = self.inner.call(req).instrument(span.clone());
        Box::pin(async move {
            let resp = fut.await?;
            refused.count(&resp);
            // A call that fails before any message answers with headers only ("trailers-only").
            if let Some(code) = resp.headers().get("grpc-status").and_then(|v| v.to_str().ok()) {
                record_status(&span, code);
            }
            Ok(resp.map(|body| Attached::body(body, CallSpan(span))))
        })
    }
}

/// A screening call's refusal, counted in `screener_rpc_requests_total` with the gRPC code as
/// its outcome. Here rather than in the handlers, which count the decisions: a call whose body
/// does not decode, whose deadline passed, or that admission sheds never reaches a handler, and
/// a dashboard of refusals without them hid the very failures an operator looks for (round 32).
/// A refusal answers before any message, with its status in the headers ("trailers-only"); a
/// stream's refusals of single parties after its first message are the handler's to count.
struct Refused(Option<(&'static str, std::time::Instant)>);

impl Refused {
    /// The screening service's methods, as their `rpc` label; other paths are not counted.
    fn of(path: &str) -> Refused {
        let rpc = path.strip_prefix("/screening.v1.ScreeningService/").and_then(|method| {
            ["ScreenParty", "ScreenStream", "ScreenPayment", "ScreenMessage", "Compare"]
                .into_iter()
                .find(|m| *m == method)
        });
        Refused(rpc.map(|rpc| (rpc, std::time::Instant::now())))
    }

    fn count<B>(&self, resp: &Response<B>) {
        let Some((rpc, started)) = self.0 else { return };
        let code = resp.headers().get("grpc-status").and_then(|v| v.to_str().ok()?.parse::<i32>().ok());
        if let Some(code) = code.filter(|&c| c != 0) {
            crate::metrics::rpc(rpc, crate::error::code_label(tonic::Code::from(code)), started.elapsed());
        }
    }
}

/// Server-side errors per the OpenTelemetry gRPC conventions: the server's fault, not the
/// caller's (an INVALID_ARGUMENT is the caller's and leaves the span's status unset).
fn record_status(span: &Span, code: &str) {
    span.record("rpc.grpc.status_code", code.parse::<i64>().unwrap_or(-1));
    if matches!(code, "2" | "4" | "12" | "13" | "14" | "15") {
        span.record("otel.status_code", "error");
    }
}

/// The call's span rides with the response body: entered while it is produced (a stream's
/// messages are computed as the body is polled), told the trailers' status, open until the end.
struct CallSpan(Span);

impl Attachment for CallSpan {
    fn enter(&self) -> Option<tracing::span::Entered<'_>> {
        Some(self.0.enter())
    }
    fn trailers(&self, trailers: &http::HeaderMap) {
        if let Some(code) = trailers.get("grpc-status").and_then(|v| v.to_str().ok()) {
            record_status(&self.0, code);
        }
    }
}
