//! Errors a caller can cause or meet, and their one mapping to gRPC status codes.

use tonic::Status;

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// The request is malformed; the message says which field and why.
    #[error("{0}")]
    InvalidArgument(String),
    /// The request is well-formed but too large to serve.
    #[error("{0}")]
    TooLarge(String),
    /// No list is loaded yet (start-up): retry later.
    #[error("sanctions lists are not loaded yet; retry shortly (health reports NOT_SERVING until they are)")]
    NotReady,
    /// A list version the server does not remember.
    #[error("{0}")]
    UnknownVersion(String),
}

impl From<ApiError> for Status {
    fn from(e: ApiError) -> Status {
        match e {
            ApiError::InvalidArgument(m) => Status::invalid_argument(m),
            ApiError::TooLarge(m) => Status::resource_exhausted(m),
            e @ ApiError::NotReady => Status::unavailable(e.to_string()),
            ApiError::UnknownVersion(m) => Status::failed_precondition(m),
        }
    }
}

/// A message that cannot be screened is the caller's to fix, except one too large to serve.
impl From<crate::message::MessageError> for ApiError {
    fn from(e: crate::message::MessageError) -> ApiError {
        match e {
            crate::message::MessageError::TooLarge(m) => ApiError::TooLarge(m),
            e => ApiError::InvalidArgument(format!("message: {e}")),
        }
    }
}
