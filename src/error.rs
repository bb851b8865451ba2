//! Errors a caller can cause or meet, and their one mapping to gRPC status codes.

use tonic::{Code, Status};

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
    /// The server is draining (SIGTERM): retry on another replica.
    #[error(
        "the server is shutting down; retry (another replica answers; a ScreenStream: resend the parties after the \
         last one answered; a list-change watch resumes with since_list_version)"
    )]
    ShuttingDown,
    /// The admission budgets are full (`layers::load_shed`); the message says which.
    #[error("{0}")]
    Overloaded(String),
    /// The call's own deadline or the server's bound passed; the message says which.
    #[error("{0}")]
    DeadlineExceeded(String),
    /// AdminService without credentials, or with a token that is not the one.
    #[error("{0}")]
    Unauthenticated(String),
    /// AdminService with credentials it does not take (or disabled on this server).
    #[error("{0}")]
    PermissionDenied(String),
    /// The server cannot check the caller's credentials now (its token file is unreadable).
    #[error("{0}")]
    CannotAuthenticate(String),
    /// A list-change subscriber read too slowly and missed changes: it must resubscribe.
    #[error("this subscriber fell behind the list-change feed; resubscribe with since_list_version")]
    FellBehind,
    /// A defect in screener stopped the call. The message says nothing of the request (a panic's
    /// message may hold the screened name); the server's log says where it failed.
    #[error("the screening failed inside the server (a defect in screener: its log says where); nothing was decided")]
    Internal,
}

impl ApiError {
    /// The status code the caller receives. The `From` impl below and the metrics label both
    /// read it, so what a call returned and what it was counted as cannot drift apart.
    pub fn code(&self) -> Code {
        match self {
            ApiError::InvalidArgument(_) => Code::InvalidArgument,
            ApiError::TooLarge(_) => Code::ResourceExhausted,
            ApiError::NotReady => Code::Unavailable,
            ApiError::UnknownVersion(_) => Code::FailedPrecondition,
            ApiError::ShuttingDown => Code::Unavailable,
            ApiError::Overloaded(_) => Code::ResourceExhausted,
            ApiError::DeadlineExceeded(_) => Code::DeadlineExceeded,
            ApiError::FellBehind => Code::Aborted,
            ApiError::Unauthenticated(_) => Code::Unauthenticated,
            ApiError::PermissionDenied(_) => Code::PermissionDenied,
            ApiError::CannotAuthenticate(_) => Code::Unavailable,
            ApiError::Internal => Code::Internal,
        }
    }
}

impl From<ApiError> for Status {
    fn from(e: ApiError) -> Status {
        Status::new(e.code(), e.to_string())
    }
}

/// A status code as a metrics label: the gRPC spec's name in lower case (`invalid_argument`), as
/// dashboards already query it. Exhaustive, so a code tonic adds is a compile error here rather
/// than an unlabelled series.
pub fn code_label(code: Code) -> &'static str {
    match code {
        Code::Ok => "ok",
        Code::Cancelled => "cancelled",
        Code::Unknown => "unknown",
        Code::InvalidArgument => "invalid_argument",
        Code::DeadlineExceeded => "deadline_exceeded",
        Code::NotFound => "not_found",
        Code::AlreadyExists => "already_exists",
        Code::PermissionDenied => "permission_denied",
        Code::ResourceExhausted => "resource_exhausted",
        Code::FailedPrecondition => "failed_precondition",
        Code::Aborted => "aborted",
        Code::OutOfRange => "out_of_range",
        Code::Unimplemented => "unimplemented",
        Code::Internal => "internal",
        Code::Unavailable => "unavailable",
        Code::DataLoss => "data_loss",
        Code::Unauthenticated => "unauthenticated",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_status_carries_the_code_and_the_message() {
        let errors = [
            ApiError::InvalidArgument("name: empty".into()),
            ApiError::TooLarge("message: too large".into()),
            ApiError::NotReady,
            ApiError::UnknownVersion("no version v1".into()),
            ApiError::ShuttingDown,
            ApiError::Overloaded("server overloaded: 8 calls already in progress".into()),
            ApiError::DeadlineExceeded("the call's grpc-timeout has passed".into()),
            ApiError::FellBehind,
            ApiError::Unauthenticated("invalid bearer token".into()),
            ApiError::PermissionDenied("not allowed".into()),
            ApiError::CannotAuthenticate("the admin token cannot be read on the server".into()),
            ApiError::Internal,
        ];
        for e in errors {
            let (code, message) = (e.code(), e.to_string());
            let status = Status::from(e);
            assert_eq!((status.code(), status.message()), (code, message.as_str()));
        }
        assert_eq!(code_label(ApiError::TooLarge(String::new()).code()), "resource_exhausted");
        assert_eq!(code_label(ApiError::NotReady.code()), "unavailable");
    }
}
