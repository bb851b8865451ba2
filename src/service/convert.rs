//! Protobuf ↔ domain translation and request validation. No matching logic lives here.

use crate::error::ApiError;
use crate::index::Snapshot;
use crate::matcher::{features::Outcome, Decision, MatchResult, Query, Screening};
use crate::model::{EntityType, IdKind, Identifier, PartialDate};
use crate::normalize::{has_control_chars, has_control_chars_in_name};
use crate::pb;

/// Longest name accepted, in characters. Real names, even with every alias of a company, stay
/// far below; anything longer is a client bug or an attack on matching cost.
pub const MAX_NAME_CHARS: usize = 1024;
pub const MAX_REQUEST_ID_CHARS: usize = 256;
pub const MAX_IDENTIFIERS: usize = 32;
pub const MAX_IDENTIFIER_CHARS: usize = 64;
pub const MAX_SHORT_FIELD_CHARS: usize = 256;
pub const MAX_ADDRESS_CHARS: usize = 2048;
/// A payment reference: ISO 20022 end-to-end and UETR identifiers are 35 and 36 characters; the
/// limit leaves room for composite references. It goes into every audit line of the payment.
pub const MAX_PAYMENT_ID_CHARS: usize = 256;

/// `payment_id`: bounded, printable.
pub fn check_payment_id(id: &str) -> Result<(), ApiError> {
    if id.chars().count() > MAX_PAYMENT_ID_CHARS {
        return Err(ApiError::InvalidArgument(format!("payment_id is longer than {MAX_PAYMENT_ID_CHARS} characters")));
    }
    if has_control_chars(id) {
        return Err(ApiError::InvalidArgument("payment_id contains control characters".into()));
    }
    Ok(())
}

/// `since_list_version`, trimmed: a list version as `list_version` gives it (16 hex digits), or
/// empty. Anything else is no version this server could have published, and echoing a long one
/// back in the message made the status too large to send.
pub fn since_list_version(since: &str) -> Result<&str, ApiError> {
    let since = since.trim();
    if since.len() > 64 || !since.chars().all(|c| c.is_ascii_alphanumeric()) {
        return Err(ApiError::InvalidArgument(
            "since_list_version is not a list version (16 hex digits, as list_version gives it)".into(),
        ));
    }
    Ok(since)
}

/// Characters that render as blank yet count as letters (Hangul fillers): a name made of them
/// looks like a name to a length check and carries nothing to screen.
fn is_filler(c: char) -> bool {
    matches!(c, '\u{115F}' | '\u{1160}' | '\u{3164}' | '\u{FFA0}')
}

/// Whether a name has something left to screen once its label, titles (`Mr.`, `(director)`) and
/// blank filler characters are removed, as the matcher removes them.
/// Such a name would be answered CLEAR whoever the party is, which reads as "screened, not
/// listed": the caller must hear that nothing was screened.
fn has_screenable_words(name: &str) -> bool {
    // Most names have a word of Latin letters alone that is no title: one such word answers,
    // without folding the name (which the matcher does anyway; this ran for every party, a
    // twentieth of screening an unlisted name). Without a colon there is no label to strip.
    if !name.contains(':')
        && name.split_whitespace().any(|w| {
            w.bytes().all(|b| b.is_ascii_alphabetic()) && !crate::index::name_form::is_title(&w.to_ascii_lowercase())
        })
    {
        return true;
    }
    // Asked of every party: nothing copied that need not be.
    let cleaned: std::borrow::Cow<'_, str> = if name.chars().any(is_filler) {
        name.chars().map(|c| if is_filler(c) { ' ' } else { c }).collect::<String>().into()
    } else {
        name.into()
    };
    // Parenthesised parts count: `(Aleksandr Lukashenko)` is a name, screened as one (see
    // `matcher::query_text::note_readings`); `(director)` alone still has nothing to screen.
    let stripped = crate::normalize::strip_label(&cleaned).replace(['(', ')', '[', ']'], " ");
    crate::normalize::fold(&stripped)
        .split_whitespace()
        .any(|t| t.chars().any(char::is_alphanumeric) && !crate::index::name_form::is_title(t))
}

/// An identifier's value without a label typed before it (`SWIFT: BLBBBY2X`, `Passport No.:
/// MP123`, `INN: 100`): the label made the value no listed one, and a listed BIC sent so was
/// CLEAR (an outside test). A label is letters, spaces, dots and slashes before a colon.
fn without_label(value: &str) -> &str {
    match value.split_once(':') {
        Some((label, rest))
            if !rest.trim().is_empty()
                && label.chars().count() <= 24
                && label.chars().any(char::is_alphabetic)
                && label.chars().all(|c| c.is_alphabetic() || matches!(c, ' ' | '.' | '/' | '-' | '#')) =>
        {
            rest.trim()
        }
        _ => value,
    }
}

/// A query-side identifier in the form the lists write them: full-width and other
/// compatibility forms (`ＭＰ２６６３３３３`, typed on East Asian keyboards) become the ASCII
/// the publications use (`MP2663333`).
fn identifier_value(value: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    value.nfkc().collect()
}

pub fn check_request_id(id: &str) -> Result<(), ApiError> {
    if id.chars().count() > MAX_REQUEST_ID_CHARS {
        return Err(ApiError::InvalidArgument(format!("request_id is longer than {MAX_REQUEST_ID_CHARS} characters")));
    }
    if has_control_chars(id) {
        return Err(ApiError::InvalidArgument("request_id contains control characters".into()));
    }
    Ok(())
}

/// Validates a party and turns it into a matcher query. `what` names the party in messages
/// (`party`, `debtor`, `intermediary_agents[1]`).
pub fn query(party: &pb::Party, what: &str) -> Result<Query, ApiError> {
    let bad = |m: String| ApiError::InvalidArgument(format!("{what}: {m}"));
    let name = party.name.trim();
    if name.chars().count() > MAX_NAME_CHARS {
        return Err(bad(format!("name is longer than {MAX_NAME_CHARS} characters")));
    }
    if has_control_chars_in_name(&party.name) {
        return Err(
            bad("name contains control characters (non-printing codes other than tabs and line breaks)".into()),
        );
    }
    // A person's name of titles and labels alone (`MARSHAL`, `DR`) says nothing: refused, unless
    // the party has identifiers, which are screened alone then (round 21: the refusal had left a
    // listed national ID unscreened). Another party's is screened as written: companies are
    // named so (`ING`, `GEN`, `PAN`; round 29 found a ScreenPayment to ING refused whole).
    let person = party.r#type == pb::PartyType::Person as i32;
    let unscreenable = person && name.chars().any(char::is_alphanumeric) && !has_screenable_words(name);
    if unscreenable && party.identifiers.is_empty() {
        return Err(bad("name has nothing to screen once titles and labels are removed: give the party's name".into()));
    }
    let name = if unscreenable { "" } else { name };
    if party.identifiers.len() > MAX_IDENTIFIERS {
        return Err(bad(format!("more than {MAX_IDENTIFIERS} identifiers")));
    }
    let mut identifiers = Vec::with_capacity(party.identifiers.len());
    for (i, id) in party.identifiers.iter().enumerate() {
        let value = id.value.trim();
        if value.is_empty() {
            return Err(bad(format!("identifiers[{i}] has an empty value")));
        }
        if has_control_chars(value) {
            return Err(bad(format!("identifiers[{i}] contains control characters (non-printing codes)")));
        }
        if value.chars().count() > MAX_IDENTIFIER_CHARS {
            return Err(bad(format!("identifiers[{i}] is longer than {MAX_IDENTIFIER_CHARS} characters")));
        }
        // `---` screens nothing, and a party known by such a value alone was answered CLEAR (round
        // 31): no identifier has no letter or digit.
        if !value.chars().any(char::is_alphanumeric) {
            return Err(bad(format!(
                "identifiers[{i}] `{value}` has no letters or digits: give the identifier's value"
            )));
        }
        let kind = pb::IdentifierKind::try_from(id.kind)
            .map_err(|_| bad(format!("identifiers[{i}].kind {} is not an IdentifierKind", id.kind)))?;
        let kind = match kind {
            pb::IdentifierKind::Passport => IdKind::Passport,
            pb::IdentifierKind::NationalId => IdKind::NationalId,
            pb::IdentifierKind::Registration => IdKind::Registration,
            pb::IdentifierKind::TaxId => IdKind::TaxId,
            pb::IdentifierKind::Bic => IdKind::Bic,
            pb::IdentifierKind::Imo => IdKind::Imo,
            pb::IdentifierKind::Other | pb::IdentifierKind::Unspecified => IdKind::Other,
        };
        identifiers.push(Identifier { kind, value: identifier_value(without_label(value)) });
    }
    if !name.chars().any(char::is_alphanumeric) && identifiers.is_empty() {
        return Err(bad(if name.is_empty() {
            "give a name or at least one identifier".into()
        } else {
            "name has no letters or digits to screen: give the party's name or at least one identifier".into()
        }));
    }
    let date_of_birth = match party.date_of_birth.trim() {
        "" => None,
        d => Some(
            PartialDate::parse_typed(d)
                .ok_or_else(|| bad(format!("date_of_birth `{d}` is not a date: use YYYY, YYYY-MM or YYYY-MM-DD")))?,
        ),
    };
    for (field, value, max) in
        [("country", &party.country, MAX_SHORT_FIELD_CHARS), ("address", &party.address, MAX_ADDRESS_CHARS)]
    {
        if has_control_chars(value) {
            return Err(bad(format!("{field} contains control characters (non-printing codes)")));
        }
        if value.chars().count() > max {
            return Err(bad(format!("{field} is longer than {max} characters")));
        }
    }
    let party_type =
        pb::PartyType::try_from(party.r#type).map_err(|_| bad(format!("type {} is not a PartyType", party.r#type)))?;
    let party_type = match party_type {
        pb::PartyType::Unspecified => None,
        pb::PartyType::Person => Some(EntityType::Person),
        pb::PartyType::Organization => Some(EntityType::Organization),
        pb::PartyType::Vessel => Some(EntityType::Vessel),
        pb::PartyType::Aircraft => Some(EntityType::Aircraft),
    };
    let country = Some(party.country.trim()).filter(|c| !c.is_empty()).map(str::to_string);
    Ok(Query { name: name.to_string(), party_type, date_of_birth, country, identifiers })
}

/// An agent's BIC, when given, must have a BIC's shape (ISO 9362: a 4-letter institution code, a
/// 2-letter country code, a 2-character location, and an optional 3-character branch): a value
/// that is none meets no listed BIC, and an agent known by it alone was answered CLEAR (an
/// outside test).
pub fn check_agent_bic(field: &str, agent: &pb::Agent) -> Result<(), ApiError> {
    let bic: String = without_label(agent.bic.trim()).chars().filter(|c| !c.is_whitespace()).collect();
    if bic.is_empty() {
        return Ok(());
    }
    if crate::model::is_bic_shaped(&bic) {
        Ok(())
    } else {
        Err(ApiError::InvalidArgument(format!(
            "{field}.bic `{}` is not a BIC: 8 or 11 letters and digits, the first six letters (ISO 9362)",
            agent.bic.chars().take(40).collect::<String>()
        )))
    }
}

/// An agent (bank) of a payment as a party: an organisation known by BIC and/or name.
pub fn agent_party(agent: &pb::Agent) -> pb::Party {
    let mut identifiers = Vec::new();
    if !agent.bic.trim().is_empty() {
        identifiers.push(pb::Identifier { kind: pb::IdentifierKind::Bic as i32, value: agent.bic.clone() });
    }
    pb::Party {
        name: agent.name.clone(),
        r#type: pb::PartyType::Organization as i32,
        country: agent.country.clone(),
        identifiers,
        ..Default::default()
    }
}

pub fn decision(d: Decision) -> pb::Decision {
    match d {
        Decision::Clear => pb::Decision::Clear,
        Decision::Review => pb::Decision::Review,
        Decision::Block => pb::Decision::Block,
    }
}

fn entity_type(t: EntityType) -> pb::PartyType {
    match t {
        EntityType::Person => pb::PartyType::Person,
        EntityType::Organization => pb::PartyType::Organization,
        EntityType::Vessel => pb::PartyType::Vessel,
        EntityType::Aircraft => pb::PartyType::Aircraft,
        EntityType::Unknown => pb::PartyType::Unspecified,
    }
}

fn outcome(o: Outcome) -> pb::FeatureOutcome {
    match o {
        Outcome::Absent => pb::FeatureOutcome::Absent,
        Outcome::Match => pb::FeatureOutcome::Match,
        Outcome::Partial => pb::FeatureOutcome::Partial,
        Outcome::Conflict => pb::FeatureOutcome::Conflict,
    }
}

pub fn matches(snapshot: &Snapshot, screening: &Screening) -> Vec<pb::Match> {
    screening.matches.iter().map(|m| one_match(snapshot, m)).collect()
}

pub fn compare_response(candidate: &Query, m: &MatchResult) -> pb::CompareResponse {
    pb::CompareResponse {
        score: round4(m.score),
        decision: decision(m.decision) as i32,
        features: features(m),
        matched_name: candidate.name.clone(),
    }
}

/// Rounded so that the same comparison prints the same score everywhere (RPC, CLI, logs).
fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

fn features(m: &MatchResult) -> Vec<pb::FeatureScore> {
    m.features
        .iter()
        .map(|f| pb::FeatureScore {
            feature: f.feature.to_string(),
            score: round4(f.score),
            outcome: outcome(f.outcome) as i32,
            detail: f.detail.to_string(),
        })
        .collect()
}

fn one_match(snapshot: &Snapshot, m: &MatchResult) -> pb::Match {
    let e = &snapshot.entities[m.entity as usize];
    pb::Match {
        entity_id: e.id.clone(),
        source: e.source.as_str().to_string(),
        programs: e.programs.clone(),
        listed_name: e.primary_name().to_string(),
        matched_name: e.names.get(m.name as usize).map(|n| n.full.clone()).unwrap_or_default(),
        entity_type: entity_type(e.entity_type) as i32,
        score: round4(m.score),
        decision: decision(m.decision) as i32,
        features: features(m),
        accepted: m.accepted.as_ref().map(|a| pb::AcceptedFalsePositive {
            accepted_by: a.accepted_by.clone(),
            reason: a.reason.clone(),
            accepted_at: a.accepted_at.clone(),
        }),
    }
}

/// Whether RFC 3339 time `a` is before `b` (compared as times: the text of two instants in one
/// second does not sort by time once fractions are trimmed). Unreadable times are not before.
fn before(a: &str, b: &str) -> bool {
    let parse = |t: &str| time::OffsetDateTime::parse(t, &time::format_description::well_known::Rfc3339).ok();
    matches!((parse(a), parse(b)), (Some(a), Some(b)) if a < b)
}

pub fn list_status(snapshot: &Snapshot, store: &crate::lists::store::ListStore) -> pb::ListStatus {
    pb::ListStatus {
        list_version: snapshot.list_version.clone(),
        regime: snapshot.regime.as_str().to_string(),
        sources: snapshot
            .sources
            .iter()
            .map(|s| {
                let all = store.refusal(s.kind);
                // A refusal older than the publication serving was resolved by it: shown no
                // more, so that an alert on a refusal clears when a good publication lands.
                // So is one whose file reads as the publication serving again.
                let refusal = all.as_ref().filter(|r| !r.resolved && !before(&r.at, &s.loaded_at));
                pb::SourceStatus {
                    id: s.kind.as_str().to_string(),
                    kind: s.kind.as_str().to_string(),
                    publisher: s.kind.publisher().to_string(),
                    location: s.location.clone(),
                    list_date: s.list_date.clone().unwrap_or_default(),
                    sha256: s.sha256.clone(),
                    entities_in_scope: s.entities_in_scope as u32,
                    entities_total: s.entities_total as u32,
                    loaded_at: s.loaded_at.clone(),
                    last_refusal: refusal.map(|r| r.reason.clone()).unwrap_or_default(),
                    last_refusal_at: refusal.map(|r| r.at.clone()).unwrap_or_default(),
                    refused_publications: all.as_ref().map(|r| r.count).unwrap_or_default(),
                    publication_date: s.published_rfc3339(),
                    publication_date_basis: s.publication_basis.to_string(),
                    stale: s.stale(time::OffsetDateTime::now_utc()),
                    max_list_age_seconds: s.max_age.map(|a| a.as_secs()).unwrap_or_default(),
                }
            })
            .collect(),
    }
}

pub fn list_change(c: &crate::lists::changes::ListChange) -> pb::ListChange {
    pb::ListChange {
        list_version: c.list_version.clone(),
        previous_list_version: c.previous_list_version.clone(),
        changed_at: c.at.clone(),
        sources: c
            .sources
            .iter()
            .map(|s| pb::SourceChange {
                id: s.source.map(|k| k.as_str().to_string()).unwrap_or_default(),
                added: s.added.clone(),
                removed: s.removed.clone(),
                changed: s.changed.clone(),
            })
            .collect(),
    }
}

/// The call's `grpc-timeout` (`layers::status_fix::grpc_timeout`, which has refused a call
/// whose value is no timeout before it reaches a service).
pub fn deadline(metadata: &tonic::metadata::MetadataMap) -> Option<std::time::Duration> {
    crate::layers::status_fix::grpc_timeout(metadata.get("grpc-timeout")?.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_of_titles_alone_is_refused_unless_identifiers_are_screened() {
        let id = pb::Identifier { kind: pb::IdentifierKind::NationalId as i32, value: "3120172H018PB4".into() };
        let party = |name: &str, ids: Vec<pb::Identifier>| pb::Party {
            name: name.into(),
            identifiers: ids,
            r#type: pb::PartyType::Person as i32,
            ..Default::default()
        };
        let e = query(&party("MARSHAL", vec![]), "party").expect_err("title alone").to_string();
        assert!(e.contains("nothing to screen"), "{e}");
        let q = query(&party("MARSHAL", vec![id]), "party").expect("identifier screened");
        assert_eq!((q.name.as_str(), q.identifiers.len()), ("", 1));
        // A company, or a party of no type, may be named so (`ING`).
        for r#type in [pb::PartyType::Organization, pb::PartyType::Unspecified] {
            let bank = pb::Party { name: "ING".into(), r#type: r#type as i32, ..Default::default() };
            assert_eq!(query(&bank, "creditor").expect("screened").name, "ING");
        }
    }

    #[test]
    fn an_agent_bic_must_have_a_bic_s_shape() {
        let agent = |bic: &str| pb::Agent { bic: bic.into(), ..Default::default() };
        for ok in ["", "BLBBBY2X", "blbbby2x", "BLBBBY2XXXX", "BIC: BLBBBY2X", "BLBB BY 2X"] {
            assert!(check_agent_bic("debtor_agent", &agent(ok)).is_ok(), "{ok}");
        }
        for bad in ["not a bic!!", "BLBB", "12345678", "BLBBBY2X1", "BLBBBY2XXXXX"] {
            let e = check_agent_bic("debtor_agent", &agent(bad)).expect_err(bad).to_string();
            assert!(e.contains("debtor_agent.bic") && e.contains("is not a BIC"), "{e}");
        }
    }
}
