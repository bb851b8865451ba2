//! Who may call `AdminService`: reloading and forcing a publication through the validation gate
//! change what every payment is screened against, so they are authorised apart from screening.
//!
//! A caller is an admin when it presents the bearer token held in `--admin-token-file` (read on
//! each call, so the token rotates by rewriting the file), or a client certificate (mutual TLS)
//! whose common name or a DNS/URI alternative name is in `--admin-identity`. With neither
//! configured the admin API is closed: lists still reload on file change, publisher update and
//! SIGHUP. Every attempt, allowed or not, goes to the log and the audit log.

use std::path::PathBuf;
use std::sync::Arc;

use serde::Serialize;
use sha2::{Digest, Sha256};
use tonic::{Request, Status};

use crate::error::ApiError;
use crate::telemetry::AuditLog;

#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct AdminPolicy {
    pub token_file: Option<PathBuf>,
    pub identities: Vec<String>,
}

impl AdminPolicy {
    pub fn closed(&self) -> bool {
        self.token_file.is_none() && self.identities.is_empty()
    }
}

/// Who an allowed admin call came from, for the handler's log line.
#[derive(Debug, Clone)]
pub struct AdminPrincipal(pub String);

/// The `AdminService` interceptor.
#[derive(Debug, Clone)]
pub struct AdminAuth {
    policy: Arc<AdminPolicy>,
    audit: Option<AuditLog>,
}

/// A bearer token is a line of a few dozen characters; a file much larger is not one.
const MAX_TOKEN_BYTES: u64 = 64 * 1024;

/// Whether the admin token file can serve: a regular file, readable, not empty. Asked at start
/// (and by `check-config`), though the file is read again on each call so that rewriting it
/// rotates the token: a wrong path found at the first admin call, in an incident, is found
/// too late.
pub fn check_token_file(path: &std::path::Path) -> Result<(), String> {
    let token = crate::source::read_small(path, MAX_TOKEN_BYTES)
        .map_err(|e| format!("admin token file {}: {e}", path.display()))?;
    if String::from_utf8_lossy(&token).trim().is_empty() {
        return Err(format!("admin token file {} is empty: every AdminService call would be refused", path.display()));
    }
    Ok(())
}

#[derive(Serialize)]
struct AdminAttempt<'a> {
    time: String,
    rpc: &'a str,
    principal: &'a str,
    allowed: bool,
    reason: &'a str,
}

impl AdminAuth {
    pub fn new(policy: AdminPolicy, audit: Option<AuditLog>) -> AdminAuth {
        AdminAuth { policy: Arc::new(policy), audit }
    }

    fn decide(&self, req: &Request<()>) -> Result<String, ApiError> {
        if self.policy.closed() {
            return Err(ApiError::PermissionDenied(
                "AdminService is disabled on this server: start it with --admin-token-file or --admin-identity \
                 (lists still reload on file change, publisher update and SIGHUP)"
                    .into(),
            ));
        }
        if let Some(header) = req.metadata().get("authorization") {
            let Some(path) = &self.policy.token_file else {
                return Err(ApiError::Unauthenticated("this server takes no bearer tokens for AdminService".into()));
            };
            let given = header.to_str().ok().and_then(|h| h.strip_prefix("Bearer ")).unwrap_or_default().trim();
            let expected = crate::source::read_small(path, MAX_TOKEN_BYTES).map_err(|e| {
                tracing::error!(path = %path.display(), error = %e, "cannot read the admin token file");
                ApiError::CannotAuthenticate("the admin token cannot be read on the server".into())
            })?;
            // Compared as digests: equal-length values whose comparison time says nothing
            // about the token.
            let expected = String::from_utf8_lossy(&expected);
            let expected = expected.trim();
            if expected.is_empty() || Sha256::digest(given) != Sha256::digest(expected) {
                return Err(ApiError::Unauthenticated("invalid bearer token".into()));
            }
            return Ok("bearer token".into());
        }
        if let Some(certs) = req.peer_certs() {
            if let Some(leaf) = certs.first() {
                let ids = crate::tls::identities(leaf);
                return match ids.iter().find(|id| self.policy.identities.contains(id)) {
                    Some(id) => Ok(format!("certificate {id}")),
                    None => Err(ApiError::PermissionDenied(format!(
                        "client certificate ({}) is not allowed to call AdminService",
                        ids.join(", ")
                    ))),
                };
            }
        }
        Err(ApiError::Unauthenticated(
            "AdminService needs credentials: `authorization: Bearer <token>` metadata or an allowed client certificate"
                .into(),
        ))
    }
}

impl tonic::service::Interceptor for AdminAuth {
    fn call(&mut self, mut req: Request<()>) -> Result<Request<()>, Status> {
        let decision = self.decide(&req);
        let refusal = decision.as_ref().err().map(ToString::to_string);
        let (principal, allowed, reason) = match &decision {
            Ok(p) => (p.as_str(), true, ""),
            Err(_) => ("unauthenticated", false, refusal.as_deref().unwrap_or_default()),
        };
        if allowed {
            tracing::info!(principal, "AdminService call authorised");
        } else {
            tracing::warn!(reason, "AdminService call refused");
        }
        if let Some(audit) = &self.audit {
            audit.record(&AdminAttempt {
                time: crate::model::now_rfc3339(),
                rpc: "AdminService",
                principal,
                allowed,
                reason,
            });
        }
        let principal = decision?;
        req.extensions_mut().insert(AdminPrincipal(principal));
        Ok(req)
    }
}
