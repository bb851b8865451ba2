//! A response body that carries something along until it ends: the call's span (entered while
//! a stream's messages are computed, told the trailers' status) or a load-shedding slot (held).
//! One wrapper for the layers that need to outlive the handler's future.

use std::pin::Pin;
use std::task::{Context, Poll};

use http::HeaderMap;
use http_body::{Body, Frame};

/// What rides along with a response body.
pub trait Attachment: Unpin + Send + 'static {
    /// Held while the body is polled.
    fn enter(&self) -> Option<tracing::span::Entered<'_>> {
        None
    }
    /// Sees the trailers (`grpc-status`) when they pass.
    fn trailers(&self, _trailers: &HeaderMap) {}
}

impl Attachment for tokio::sync::OwnedSemaphorePermit {}

pub struct Attached<A> {
    inner: tonic::body::Body,
    attachment: A,
}

impl<A: Attachment> Attached<A> {
    pub fn body(inner: tonic::body::Body, attachment: A) -> tonic::body::Body {
        tonic::body::Body::new(Attached { inner, attachment })
    }
}

impl<A: Attachment> Body for Attached<A> {
    type Data = <tonic::body::Body as Body>::Data;
    type Error = <tonic::body::Body as Body>::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Self::Data>, Self::Error>>> {
        let this = &mut *self;
        let _entered = this.attachment.enter();
        let polled = Pin::new(&mut this.inner).poll_frame(cx);
        if let Poll::Ready(Some(Ok(frame))) = &polled {
            if let Some(trailers) = frame.trailers_ref() {
                this.attachment.trailers(trailers);
            }
        }
        polled
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> http_body::SizeHint {
        self.inner.size_hint()
    }
}
