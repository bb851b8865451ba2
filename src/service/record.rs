//! What a screening call leaves behind: attributes on the call's span and a line in the audit
//! log. Both take decisions, scores, entity ids and versions from the response, and from the
//! request only its ids; the party's name only under `--telemetry-raw-values` (see
//! [`crate::telemetry`]).

use tracing::Span;

use crate::pb;
use crate::telemetry::{AuditLog, Decided, DecidedMatch, DecidedParty, Privacy, RpcTrace};

use super::decision_label;

#[derive(Debug, Clone, Default)]
pub struct Recorder {
    pub audit: Option<AuditLog>,
    pub privacy: Privacy,
}

/// One screened party of a call, with what was decided for it.
pub struct Screened<'a> {
    pub role: &'a str,
    /// Where in a screened message the field that hit is (`ScreenMessage` only).
    pub path: Option<&'a str>,
    pub party: Option<&'a pb::Party>,
    pub decision: i32,
    pub matches: &'a [pb::Match],
    pub fingerprint: &'a str,
}

/// One decided call.
pub struct Call<'a> {
    pub rpc: &'a str,
    pub request_id: &'a str,
    pub payment_id: &'a str,
    pub decision: i32,
    pub list_version: &'a str,
    pub parties: Vec<Screened<'a>>,
}

impl Recorder {
    /// Records a decided call on `span` (the call's span, or a stream item's) and in the audit log.
    pub fn decided(&self, span: &Span, trace: Option<&RpcTrace>, call: &Call<'_>) {
        let span_on = !span.is_disabled();
        if !span_on && self.audit.is_none() {
            return;
        }
        // One keyed hash per party, shared by the span and the audit line.
        let mut hashes = call.parties.iter().map(|p| self.privacy.party_hash(p.fingerprint)).collect::<Vec<_>>();
        if span_on {
            let all_matches = || call.parties.iter().flat_map(|p| p.matches.iter());
            span.record("request_id", call.request_id);
            span.record("decision", decision_label(call.decision));
            span.record("match_count", all_matches().count() as i64);
            span.record("top_score", all_matches().map(|m| m.score).fold(0.0, f64::max));
            span.record("list_version", call.list_version);
            span.record("party_count", call.parties.len() as i64);
            if let ([one], [hash]) = (call.parties.as_slice(), hashes.as_slice()) {
                if let Some(h) = hash {
                    span.record("party.hash", h.as_str());
                }
                if self.privacy.raw_values() {
                    span.record("party.name", one.party.map(|p| p.name.as_str()).unwrap_or_default());
                }
            }
        }
        let Some(audit) = &self.audit else { return };
        let parties = call
            .parties
            .iter()
            .zip(hashes.iter_mut())
            .map(|(p, hash)| DecidedParty {
                role: p.role,
                path: p.path,
                decision: decision_label(p.decision),
                party_hash: hash.take(),
                name: self.privacy.raw_values().then(|| p.party.map(|p| p.name.as_str()).unwrap_or_default()),
                matches: p
                    .matches
                    .iter()
                    .map(|m| DecidedMatch {
                        entity_id: &m.entity_id,
                        score: m.score,
                        decision: decision_label(m.decision),
                        accepted_false_positive: m.accepted.is_some(),
                    })
                    .collect(),
            })
            .collect();
        audit.record(&Decided {
            time: crate::model::now_rfc3339(),
            rpc: call.rpc,
            request_id: call.request_id,
            payment_id: call.payment_id,
            trace_id: trace.and_then(|t| t.trace_id.as_deref()),
            decision: decision_label(call.decision),
            list_version: call.list_version,
            parties,
        });
    }
}
