//! Two statuses tonic reports differently from the gRPC spec (and every other gRPC server),
//! rewritten on the way out because clients' retry policies key on them: a request larger than
//! the limit is OUT_OF_RANGE in tonic, RESOURCE_EXHAUSTED in the spec; a call past its
//! `grpc-timeout` is CANCELLED ("Timeout expired") in tonic, DEADLINE_EXCEEDED in the spec.
//! And a request that is not valid protobuf (a string field that is not UTF-8) is INTERNAL in
//! tonic, which tells the caller the server failed; it is the caller's request that is wrong,
//! INVALID_ARGUMENT, and retrying it cannot help.
//!
//! A call's `grpc-timeout` is also read here, before any work: tonic ignores one it cannot parse
//! and answers a call whose deadline had passed on arrival (`0n`, `0S`) if the answer is quick,
//! where the spec's servers say DEADLINE_EXCEEDED; a client that sent either should hear so
//! (an outside fault test, round 17).

use std::task::{Context, Poll};

use futures_util::future::{ready, Either, FutureExt, Map, Ready};
use http::{HeaderValue, Request, Response};
use tower::{Layer, Service};

#[derive(Debug, Clone, Copy)]
pub struct StatusFixLayer {
    request_timeout: std::time::Duration,
}

impl StatusFixLayer {
    /// `request_timeout`: `--request-timeout`, the longest any call may take to be answered.
    pub fn new(request_timeout: std::time::Duration) -> StatusFixLayer {
        StatusFixLayer { request_timeout }
    }
}

impl<S> Layer<S> for StatusFixLayer {
    type Service = StatusFix<S>;
    fn layer(&self, inner: S) -> StatusFix<S> {
        StatusFix { inner, request_timeout: self.request_timeout }
    }
}

#[derive(Debug, Clone)]
pub struct StatusFix<S> {
    inner: S,
    request_timeout: std::time::Duration,
}

type Timed<B, E> = Result<Result<Response<B>, E>, tokio::time::error::Elapsed>;
type Fix<B, E> = fn(Timed<B, E>) -> Result<Response<B>, E>;

/// How much earlier than the call's `grpc-timeout` this layer answers: tonic times calls out by
/// that header too, in a layer outside this one whose timer starts first, and answers CANCELLED
/// (`Timeout expired`); a call whose request never ended got that (round 28), and clients' retry
/// policies key on DEADLINE_EXCEEDED.
const AHEAD_OF_TONIC: std::time::Duration = std::time::Duration::from_millis(2);

impl<S, ReqBody, ResBody> Service<Request<ReqBody>> for StatusFix<S>
where
    S: Service<Request<ReqBody>, Response = Response<ResBody>>,
    ResBody: Default,
{
    type Response = Response<ResBody>;
    type Error = S::Error;
    type Future = Either<
        Ready<Result<Response<ResBody>, S::Error>>,
        Map<tokio::time::Timeout<S::Future>, Fix<ResBody, S::Error>>,
    >;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    /// The call is answered within its `grpc-timeout` and `--request-timeout`, whichever is
    /// sooner, or with DEADLINE_EXCEEDED (tonic's own server timeout is not set: it answered
    /// CANCELLED).
    fn call(&mut self, req: Request<ReqBody>) -> Self::Future {
        if let Some(refusal) = not_grpc(&req) {
            return Either::Left(ready(Ok(refusal)));
        }
        let header = req.headers().get("grpc-timeout").map(HeaderValue::as_bytes);
        if let Some(refusal) = timeout_refusal(header) {
            return Either::Left(ready(Ok(tonic::Status::from(refusal).into_http())));
        }
        let limit = match header.and_then(grpc_timeout) {
            Some(t) => {
                t.saturating_sub(AHEAD_OF_TONIC).max(std::time::Duration::from_micros(1)).min(self.request_timeout)
            }
            None => self.request_timeout,
        };
        Either::Right(tokio::time::timeout(limit, self.inner.call(req)).map(fix as Fix<ResBody, S::Error>))
    }
}

/// An HTTP answer to a request that is no gRPC call, as the gRPC spec asks: 415 for a
/// content type other than `application/grpc` or `application/grpc+proto` (a gRPC answer is HTTP
/// 200, which another HTTP client would read as success; `application/grpc+json` was decoded as
/// protobuf and answered INTERNAL, and `application/grpc-web` served as gRPC: round 32), 405 for
/// a method other than POST (tonic answered INTERNAL, the server's fault: round 28).
fn not_grpc<ReqBody, ResBody: Default>(req: &Request<ReqBody>) -> Option<Response<ResBody>> {
    let grpc = req.headers().get(http::header::CONTENT_TYPE).is_some_and(|v| {
        let v = v.as_bytes();
        // The media type without its parameters (`; charset=…`).
        let media = v[..v.iter().position(|&b| b == b';').unwrap_or(v.len())].trim_ascii();
        media.eq_ignore_ascii_case(b"application/grpc") || media.eq_ignore_ascii_case(b"application/grpc+proto")
    });
    let status = if req.method() != http::Method::POST {
        http::StatusCode::METHOD_NOT_ALLOWED
    } else if !grpc {
        http::StatusCode::UNSUPPORTED_MEDIA_TYPE
    } else {
        return None;
    };
    let mut resp = Response::new(ResBody::default());
    *resp.status_mut() = status;
    if status == http::StatusCode::METHOD_NOT_ALLOWED {
        resp.headers_mut().insert(http::header::ALLOW, HeaderValue::from_static("POST"));
    }
    Some(resp)
}

/// Why a call's `grpc-timeout` refuses it before any work, if it does: one that is no timeout
/// (gRPC over HTTP/2: one to eight digits and a unit, `H` `M` `S` `m` `u` `n`) is the caller's
/// mistake; one under a microsecond had passed when the call arrived (no answer takes less).
fn timeout_refusal(value: Option<&[u8]>) -> Option<crate::error::ApiError> {
    let v = value?;
    let Some(timeout) = grpc_timeout(v) else {
        return Some(crate::error::ApiError::InvalidArgument(format!(
            "grpc-timeout `{}` is not a timeout: one to eight digits and a unit, H, M, S, m, u or n \
             (gRPC over HTTP/2)",
            String::from_utf8_lossy(v)
        )));
    };
    (timeout < std::time::Duration::from_micros(1)).then(|| {
        crate::error::ApiError::DeadlineExceeded(format!(
            "the call's grpc-timeout ({}) had passed when it arrived",
            String::from_utf8_lossy(v)
        ))
    })
}

fn fix<B: Default, E>(r: Timed<B, E>) -> Result<Response<B>, E> {
    let Ok(r) = r else {
        return Ok(tonic::Status::from(crate::error::ApiError::DeadlineExceeded(
            "no answer within the call's grpc-timeout or the server's --request-timeout (a call whose request \
             never ends waits for it until then)"
                .into(),
        ))
        .into_http());
    };
    r.map(|mut resp| {
        let h = resp.headers();
        let status = h.get("grpc-status").map(|v| v.as_bytes());
        let message = h.get("grpc-message").map(|v| v.as_bytes()).unwrap_or_default();
        let contains = |needle: &[u8]| message.windows(needle.len()).any(|w| w == needle);
        let too_large = status == Some(b"11")
            && (contains(b"message%20length%20too%20large") || contains(b"message length too large"));
        let timed_out = status == Some(b"1") && message.starts_with(b"Timeout");
        let undecodable = status == Some(b"13")
            && (message.starts_with(UNDECODABLE.as_bytes()) || message.starts_with(b"failed%20to%20decode%20Protobuf"));
        // An unknown service or method (tonic says UNIMPLEMENTED and nothing more): say what to
        // do, as every other refusal does.
        let unknown_method = status == Some(b"12") && message.is_empty();
        if unknown_method {
            resp.headers_mut().insert("grpc-message", HeaderValue::from_static(UNKNOWN_METHOD));
        }
        if too_large {
            resp.headers_mut().insert("grpc-status", HeaderValue::from_static("8"));
        } else if timed_out {
            resp.headers_mut().insert("grpc-status", HeaderValue::from_static("4"));
        } else if undecodable {
            resp.headers_mut().insert("grpc-status", HeaderValue::from_static("3"));
        }
        resp
    })
}

/// The message of an UNIMPLEMENTED call (percent-encoded as `grpc-message` requires).
const UNKNOWN_METHOD: &str = "no%20such%20service%20or%20method%20on%20this%20server:%20list%20them%20with%20`grpcurl%20-plaintext%20HOST:PORT%20list`%20(reflection%20is%20on)";

/// How prost's decode errors begin (tonic passes them on as INTERNAL).
const UNDECODABLE: &str = "failed to decode Protobuf message";

/// A streamed message that could not be read, as the spec's status (the layer above sees only
/// the response headers, not a stream's trailers): not protobuf is INVALID_ARGUMENT, over the
/// size limit RESOURCE_EXHAUSTED, as for a unary call. `record`: which message of the stream it
/// was (from 1); the stream cannot be read past it, so the caller is told where to resume.
pub(crate) fn undecodable(status: tonic::Status, record: u64) -> tonic::Status {
    let rest = "the stream ends there, as a message that cannot be read leaves the rest unreadable: \
                resend the records after it";
    if status.code() == tonic::Code::Internal && status.message().starts_with(UNDECODABLE) {
        return crate::error::ApiError::InvalidArgument(format!(
            "record {record} of the stream is not a valid protobuf message ({}); {rest}",
            status.message()
        ))
        .into();
    }
    if status.code() == tonic::Code::OutOfRange && status.message().contains("message length too large") {
        return crate::error::ApiError::TooLarge(format!(
            "record {record} of the stream is larger than --max-message-bytes ({}); {rest}",
            status.message()
        ))
        .into();
    }
    status
}

/// A `grpc-timeout` value (gRPC over HTTP/2: one to eight digits and a unit, H, M, S, m, u or
/// n), or `None` when it is no timeout. The one parser of the header: this layer refuses what
/// it cannot read, and streams read their deadline with it (`service::convert::deadline`).
pub(crate) fn grpc_timeout(v: &[u8]) -> Option<std::time::Duration> {
    use std::time::Duration;
    let (digits, unit) = v.split_at(v.len().checked_sub(1)?);
    if !(1..=8).contains(&digits.len()) || !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let n: u64 = std::str::from_utf8(digits).ok()?.parse().ok()?;
    Some(match unit {
        b"H" => Duration::from_secs(n * 3600),
        b"M" => Duration::from_secs(n * 60),
        b"S" => Duration::from_secs(n),
        b"m" => Duration::from_millis(n),
        b"u" => Duration::from_micros(n),
        b"n" => Duration::from_nanos(n),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_request_that_is_no_grpc_call_gets_an_http_refusal() {
        let req = |method: &str, content_type: Option<&str>| {
            let mut b = Request::builder().method(method).uri("/screening.v1.ScreeningService/ScreenParty");
            if let Some(c) = content_type {
                b = b.header("content-type", c);
            }
            b.body(()).expect("request")
        };
        let status = |r: &Request<()>| not_grpc::<(), String>(r).map(|resp| resp.status().as_u16());
        assert_eq!(status(&req("POST", Some("application/grpc"))), None);
        assert_eq!(status(&req("POST", Some("application/grpc+proto"))), None);
        assert_eq!(status(&req("POST", Some("application/grpc; charset=utf-8"))), None);
        assert_eq!(status(&req("POST", Some("text/html"))), Some(415));
        assert_eq!(status(&req("POST", Some("application/grpc+json"))), Some(415));
        assert_eq!(status(&req("POST", Some("application/grpc-web"))), Some(415));
        assert_eq!(status(&req("POST", Some("application/grpcfoo"))), Some(415));
        assert_eq!(status(&req("POST", None)), Some(415));
        assert_eq!(status(&req("GET", Some("application/grpc"))), Some(405));
    }

    #[test]
    fn a_timeout_that_is_none_or_had_passed_refuses_the_call() {
        for ok in [None, Some(&b"1S"[..]), Some(b"99999999m"), Some(b"5000n"), Some(b"1u"), Some(b"2H")] {
            assert!(timeout_refusal(ok).is_none(), "{ok:?}");
        }
        for (v, code) in [
            (&b"0n"[..], tonic::Code::DeadlineExceeded),
            (b"0S", tonic::Code::DeadlineExceeded),
            (b"1n", tonic::Code::DeadlineExceeded),
            (b"", tonic::Code::InvalidArgument),
            (b"5", tonic::Code::InvalidArgument),
            (b"S", tonic::Code::InvalidArgument),
            (b"123456789S", tonic::Code::InvalidArgument),
            (b"1.5S", tonic::Code::InvalidArgument),
            (b"-1S", tonic::Code::InvalidArgument),
            (b"10s", tonic::Code::InvalidArgument),
        ] {
            let refusal = timeout_refusal(Some(v)).map(tonic::Status::from);
            assert_eq!(refusal.as_ref().map(tonic::Status::code), Some(code), "{:?}", String::from_utf8_lossy(v));
        }
    }
}
