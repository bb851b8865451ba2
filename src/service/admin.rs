//! `AdminService`: operations that change what the bank screens against. Separate from
//! screening so it can be authorised separately.

use std::sync::Arc;

use tonic::{Request, Response, Status};

use crate::error::ApiError;
use crate::lists::reload::{Outcome, Reloader};
use crate::lists::store::ListStore;
use crate::pb;
use crate::pb::admin_service_server::AdminService;

/// The handler of the `screening.v1.AdminService` RPCs.
pub struct AdminApi {
    reloader: Arc<Reloader>,
    store: Arc<ListStore>,
}

impl AdminApi {
    pub fn new(reloader: Arc<Reloader>, store: Arc<ListStore>) -> AdminApi {
        AdminApi { reloader, store }
    }
}

#[tonic::async_trait]
impl AdminService for AdminApi {
    async fn reload_lists(
        &self,
        request: Request<pb::ReloadListsRequest>,
    ) -> Result<Response<pb::ReloadListsResponse>, Status> {
        let force = request.get_ref().force;
        let principal = request.extensions().get::<crate::auth::AdminPrincipal>().map(|p| p.0.as_str()).unwrap_or("?");
        tracing::info!(force, principal, "reload requested through AdminService");
        let outcomes = self.reloader.reload(force, if force { "admin (forced)" } else { "admin" }).await;
        let snapshot = self.store.current().ok_or(ApiError::NotReady)?;
        let sources = outcomes
            .into_iter()
            .map(|o| {
                let (outcome, reason) = match o.outcome {
                    Outcome::Accepted => (pb::ReloadOutcome::Accepted, String::new()),
                    Outcome::Unchanged => (pb::ReloadOutcome::Unchanged, String::new()),
                    Outcome::Refused(r) | Outcome::StillRefused(r) => (pb::ReloadOutcome::Refused, r),
                };
                pb::SourceReload { id: o.kind.as_str().to_string(), outcome: outcome as i32, reason }
            })
            .collect();
        Ok(Response::new(pb::ReloadListsResponse {
            sources,
            status: Some(super::convert::list_status(&snapshot, &self.store)),
        }))
    }
}
