//! `AdminService`: operations that change what the bank screens against. Separate from
//! screening so it can be authorised separately.

use std::sync::Arc;

use tonic::{Request, Response, Status};

use crate::error::ApiError;
use crate::lists::reload::{Outcome, Reloader};
use crate::lists::store::ListStore;
use crate::model::SourceKind;
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

impl AdminApi {
    /// The sources a request forces: those it names, or the only one configured.
    fn forced(&self, req: &pb::ReloadListsRequest) -> Result<Vec<SourceKind>, ApiError> {
        let configured = self.reloader.kinds();
        let ids = || configured.iter().map(|k| format!("\"{k}\"")).collect::<Vec<_>>().join(", ");
        let mut forced = Vec::new();
        for id in &req.sources {
            match configured.iter().find(|k| k.as_str() == id.trim()) {
                Some(k) => forced.push(*k),
                None => {
                    return Err(ApiError::InvalidArgument(format!(
                        "sources: `{id}` is not a configured source (configured: {})",
                        ids()
                    )))
                }
            }
        }
        match (req.force, forced.is_empty()) {
            (false, false) => Err(ApiError::InvalidArgument(
                "sources names what `force` applies to; set force: true, or leave sources empty".into(),
            )),
            (false, true) => Ok(Vec::new()),
            (true, false) => Ok(forced),
            (true, true) if configured.len() == 1 => Ok(configured),
            (true, true) => Err(ApiError::InvalidArgument(format!(
                "force: name the sources to force in `sources` (configured: {}); forcing every source to let one \
                 real change through would also let a cut file of another through",
                ids()
            ))),
        }
    }
}

#[tonic::async_trait]
impl AdminService for AdminApi {
    async fn reload_lists(
        &self,
        request: Request<pb::ReloadListsRequest>,
    ) -> Result<Response<pb::ReloadListsResponse>, Status> {
        let req = request.get_ref();
        let forced = self.forced(req)?;
        let force = !forced.is_empty();
        let principal = request.extensions().get::<crate::auth::AdminPrincipal>().map(|p| p.0.as_str()).unwrap_or("?");
        let forced_ids: Vec<&str> = forced.iter().map(|k| k.as_str()).collect();
        tracing::info!(force, forced = %forced_ids.join(","), principal, "reload requested through AdminService");
        let outcomes = self.reloader.reload(&forced, if force { "admin (forced)" } else { "admin" }).await;
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
