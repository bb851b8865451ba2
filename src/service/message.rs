//! `ScreenMessage` at the gRPC edge: the request into the message domain ([`crate::message`]),
//! its result back into protobuf. The CLI (`screener screen-message`) answers through the same
//! functions, so an analyst sees what the service decides.

use crate::error::ApiError;
use crate::index::Snapshot;
use crate::matcher::Thresholds;
use crate::message::{self, Format, Role};
use crate::pb;

use super::convert;

/// A message that cannot be screened is the caller's to fix, except one too large to serve.
/// Here rather than in `error`, which sits below every module (the tower layers build their
/// statuses from it) and so may depend on none of the domain's.
impl From<crate::message::MessageError> for ApiError {
    fn from(e: crate::message::MessageError) -> ApiError {
        match e {
            crate::message::MessageError::TooLarge(m) => ApiError::TooLarge(m),
            e => ApiError::InvalidArgument(format!("message: {e}")),
        }
    }
}

pub fn format(f: i32) -> Result<Format, ApiError> {
    match pb::MessageFormat::try_from(f) {
        Ok(pb::MessageFormat::Unspecified) => Ok(Format::Detect),
        Ok(pb::MessageFormat::Iso20022) => Ok(Format::Iso20022),
        Ok(pb::MessageFormat::SwiftMt) => Ok(Format::SwiftMt),
        Err(_) => Err(ApiError::InvalidArgument(format!("format {f} is not a MessageFormat"))),
    }
}

pub fn role(r: Option<Role>) -> pb::PartyRole {
    use pb::PartyRole as P;
    match r {
        None => P::Unspecified,
        Some(Role::Debtor) => P::Debtor,
        Some(Role::Creditor) => P::Creditor,
        Some(Role::UltimateDebtor) => P::UltimateDebtor,
        Some(Role::UltimateCreditor) => P::UltimateCreditor,
        Some(Role::InitiatingParty) => P::InitiatingParty,
        Some(Role::DebtorAgent) => P::DebtorAgent,
        Some(Role::CreditorAgent) => P::CreditorAgent,
        Some(Role::IntermediaryAgent(_)) => P::IntermediaryAgent,
        Some(Role::PreviousInstructingAgent(_)) => P::PreviousInstructingAgent,
        Some(Role::InstructingAgent) => P::InstructingAgent,
        Some(Role::InstructedAgent) => P::InstructedAgent,
        Some(Role::InstructingReimbursementAgent) => P::InstructingReimbursementAgent,
        Some(Role::InstructedReimbursementAgent) => P::InstructedReimbursementAgent,
        Some(Role::ThirdReimbursementAgent) => P::ThirdReimbursementAgent,
    }
}

/// A screened message: the response, and per hit its role label and party fingerprint (for the
/// audit line, which records neither text nor name).
pub struct Answer {
    pub response: pb::ScreenMessageResponse,
    pub audit: Vec<(&'static str, String)>,
}

/// Parses and screens one message.
pub fn screen(
    snapshot: &Snapshot,
    thresholds: &Thresholds,
    request_id: &str,
    text: &str,
    format: Format,
) -> Result<Answer, ApiError> {
    let parsed = message::parse(text, format)?;
    let screened = message::screen(snapshot, &parsed, thresholds)?;
    let mut audit = Vec::with_capacity(screened.hits.len());
    let hits = screened
        .hits
        .into_iter()
        .map(|h| {
            audit.push((h.role.map_or("text", Role::label), h.screening.fingerprint.clone()));
            pb::FieldHit {
                path: h.path,
                role: role(h.role) as i32,
                text: h.text,
                decision: convert::decision(h.screening.decision) as i32,
                matches: convert::matches(snapshot, &h.screening),
                span_start: h.span.0 as u32,
                span_end: h.span.1 as u32,
            }
        })
        .collect();
    Ok(Answer {
        response: pb::ScreenMessageResponse {
            request_id: request_id.to_string(),
            decision: convert::decision(screened.decision) as i32,
            message_type: parsed.message_type,
            hits,
            list_version: snapshot.list_version.clone(),
            message_id: parsed.reference,
            fields_screened: screened.fields_screened as u32,
        },
        audit,
    })
}
