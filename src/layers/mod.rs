//! The tower layers around the gRPC services, outermost first as `server` stacks them: the call
//! span ([`RpcSpanLayer`]), load shedding ([`LoadShedLayer`], the admission budgets) and status
//! fixes ([`StatusFixLayer`], statuses tonic reports differently from the gRPC spec). What must
//! outlive the handler's future (a call's span, a load-shedding slot) rides on the response body
//! ([`Attached`]).
//!
//! Below them, [`connections`] admits the connections themselves (how many, and how long one may
//! stay silent), [`stalls`] closes those whose client stopped reading its responses, and
//! [`coalesce`] gathers what HTTP/2 writes between flushes into one write.
//!
//! They know nothing of screening: they see HTTP requests and gRPC statuses only.

mod attached_body;
pub mod coalesce;
pub mod connections;
mod load_shed;
mod rpc_span;
pub mod stalls;
pub(crate) mod status_fix;

pub use attached_body::{Attached, Attachment};
pub use connections::{default_max_connections, ConnectionLimits};
pub use load_shed::{Admission, Budget, LoadShedLayer, StopSignal, Stopping};
pub use rpc_span::RpcSpanLayer;
pub use stalls::Stalls;
pub use status_fix::StatusFixLayer;
