//! The good-guy list: false positives a compliance officer has reviewed and accepted. A match of
//! a party (by fingerprint) to a listed entity (by id) found there turns from REVIEW into CLEAR,
//! and the response says who accepted it and why. Never applied to a BLOCK (an identifier equal
//! to a listed one, or a name strong enough to block): those always need a fresh look.
//!
//! File format, JSON lines (blank lines and lines starting with `#` ignored):
//! `{"fingerprint": "fp1:…", "entity_id": "us-ofac-sdn:9760", "accepted_by": "j.doe", "reason": "…"}`
//! with an optional `"accepted_at"`. Every screening response carries the party's fingerprint.

use std::collections::HashMap;

use serde::Deserialize;
use sha2::{Digest, Sha256};

use crate::model::{EntityType, Query};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Acceptance {
    pub accepted_by: String,
    pub reason: String,
    pub accepted_at: String,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct GoodGuys {
    entries: HashMap<(String, String), Acceptance>,
}

#[derive(Debug, thiserror::Error)]
pub enum GoodGuysError {
    #[error("cannot read good-guy list {path}: {error}")]
    Read { path: String, error: std::io::Error },
    #[error("good-guy list {path}, line {line}: {message}")]
    Line { path: String, line: usize, message: String },
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    fingerprint: String,
    entity_id: String,
    accepted_by: String,
    reason: String,
    #[serde(default)]
    accepted_at: String,
}

/// A good-guy list holds a line per accepted false positive, a few hundred bytes each: 64 MiB is
/// hundreds of thousands of them.
const MAX_GOOD_GUYS_BYTES: u64 = 64 << 20;

impl GoodGuys {
    pub fn read(path: &std::path::Path) -> Result<GoodGuys, GoodGuysError> {
        let read_error = |error| GoodGuysError::Read { path: path.display().to_string(), error };
        let bytes = crate::source::read_small(path, MAX_GOOD_GUYS_BYTES).map_err(read_error)?;
        let text = String::from_utf8(bytes)
            .map_err(|_| read_error(std::io::Error::new(std::io::ErrorKind::InvalidData, "not UTF-8 text")))?;
        GoodGuys::parse(&text, &path.display().to_string())
    }

    pub fn parse(text: &str, path: &str) -> Result<GoodGuys, GoodGuysError> {
        let mut entries = HashMap::new();
        for (i, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let bad = |message: String| GoodGuysError::Line { path: path.to_string(), line: i + 1, message };
            let e: Entry = serde_json::from_str(line).map_err(|e| bad(e.to_string()))?;
            if !is_fingerprint(&e.fingerprint) {
                return Err(bad(format!(
                    "`{}` is not a party fingerprint (fp1: and 32 hex digits, as returned in party_fingerprint)",
                    e.fingerprint
                )));
            }
            for (field, value) in [("entity_id", &e.entity_id), ("accepted_by", &e.accepted_by), ("reason", &e.reason)]
            {
                if value.trim().is_empty() {
                    return Err(bad(format!(
                        "`{field}` is empty: every acceptance names the entity, who accepted it and why"
                    )));
                }
            }
            entries.insert(
                (e.fingerprint, e.entity_id),
                Acceptance { accepted_by: e.accepted_by, reason: e.reason, accepted_at: e.accepted_at },
            );
        }
        Ok(GoodGuys { entries })
    }

    pub fn get(&self, fingerprint: &str, entity_id: &str) -> Option<&Acceptance> {
        if self.entries.is_empty() {
            return None;
        }
        self.entries.get(&(fingerprint.to_string(), entity_id.to_string()))
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// A digest of the acceptances (not of the file's layout: comments, order and spacing do
    /// not change it), which `list_version` includes so that a decision names every input
    /// that made it.
    pub fn digest(&self) -> [u8; 32] {
        let mut keys: Vec<&(String, String)> = self.entries.keys().collect();
        keys.sort();
        let mut h = Sha256::new();
        for k in keys {
            let a = &self.entries[k];
            for part in [&k.0, &k.1, &a.accepted_by, &a.reason, &a.accepted_at] {
                h.update(part.as_bytes());
                h.update([0u8]);
            }
        }
        h.finalize().into()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

fn is_fingerprint(s: &str) -> bool {
    s.strip_prefix("fp1:").is_some_and(|h| h.len() == 32 && h.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// A stable fingerprint of a screened party: the same name (in any case, order or spacing), type,
/// date of birth, country and identifiers give the same value. It is a digest, so the good-guy
/// file need not hold the names themselves.
pub fn fingerprint(q: &Query) -> String {
    fingerprint_of_words(q, &crate::normalize::tokens(&q.name))
}

/// [`fingerprint`] from the folded words of the query's name as given, when the caller has them
/// already. They must be the words of the whole name (`normalize::tokens(&q.name)`), not of the
/// name with a label or notes stripped, or the fingerprint would not be the good-guy list's key.
pub fn fingerprint_of_words(q: &Query, words: &[String]) -> String {
    // Sorted by reference: the words stay the caller's.
    let mut tokens: Vec<&str> = words.iter().map(String::as_str).collect();
    tokens.sort_unstable();
    let mut ids: Vec<String> = q.identifiers.iter().map(|i| format!("{}={}", i.kind.as_str(), i.key())).collect();
    ids.sort();
    let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
    let t = match q.party_type {
        None => "any",
        Some(EntityType::Person) => "person",
        Some(EntityType::Organization) => "organization",
        Some(EntityType::Vessel) => "vessel",
        Some(EntityType::Aircraft) => "aircraft",
        Some(EntityType::Unknown) => "unknown",
    };
    // The parts, each followed by a 0 byte: "fp1", the sorted words joined by spaces, the type,
    // the date of birth, the country key, the sorted identifiers joined by commas. Hashed piece
    // by piece rather than joined first: this runs on every screening.
    let mut h = Sha256::new();
    let joined = |h: &mut Sha256, items: &[&str], sep: &[u8]| {
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                h.update(sep);
            }
            h.update(item.as_bytes());
        }
        h.update([0u8]);
    };
    h.update(b"fp1\0");
    joined(&mut h, &tokens, b" ");
    h.update(t.as_bytes());
    h.update([0u8]);
    if let Some(d) = q.date_of_birth {
        h.update(d.to_string().as_bytes());
    }
    h.update([0u8]);
    if let Some(c) = q.country.as_deref() {
        h.update(crate::normalize::country_key(c).as_bytes());
    }
    h.update([0u8]);
    joined(&mut h, &ids, b",");
    with_hex("fp1:", &h.finalize()[..16])
}

/// `prefix` and `bytes` in lower-case hex, in one allocation: `format!` of `hex::encode` made
/// two and went through the formatter, a fiftieth of a CLEAR screening's instructions.
fn with_hex(prefix: &str, bytes: &[u8]) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(prefix.len() + 2 * bytes.len());
    out.push_str(prefix);
    for &b in bytes {
        out.push(char::from(HEX[usize::from(b >> 4)]));
        out.push(char::from(HEX[usize::from(b & 0x0f)]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_is_the_hex_crates() {
        let bytes: Vec<u8> = (0..=255).collect();
        assert_eq!(with_hex("fp1:", &bytes), format!("fp1:{}", hex::encode(&bytes)));
        assert_eq!(with_hex("", &[]), "");
    }

    #[test]
    fn fingerprints_ignore_case_order_and_spacing() {
        let q = |n: &str| Query { name: n.into(), party_type: Some(EntityType::Person), ..Default::default() };
        assert_eq!(fingerprint(&q("Aleksandr  LUKASHENKO")), fingerprint(&q("lukashenko, Aleksandr")));
        assert_ne!(fingerprint(&q("Aleksandr Lukashenko")), fingerprint(&q("Viktor Lukashenko")));
        assert!(is_fingerprint(&fingerprint(&q("x"))));
    }

    /// Fingerprints are kept in good-guy files: a change of the bytes hashed would silently
    /// undo every accepted false positive. This value is the sha256 of the parts as documented
    /// (`fp1`, words, type, date of birth, country, identifiers, each ended by a 0 byte),
    /// computed outside this code.
    #[test]
    fn the_fingerprint_format_is_stable() {
        let q =
            Query { name: "Aleksandr  LUKASHENKO".into(), party_type: Some(EntityType::Person), ..Default::default() };
        assert_eq!(fingerprint(&q), "fp1:208f54a558968d42f03e5edd66b50cee");
    }

    #[test]
    fn bad_lines_are_named() {
        let e = GoodGuys::parse(
            "# accepted\n{\"fingerprint\":\"fp1:00\",\"entity_id\":\"x\",\"accepted_by\":\"a\",\"reason\":\"r\"}\n",
            "gg.jsonl",
        )
        .unwrap_err()
        .to_string();
        assert!(e.contains("gg.jsonl, line 2"), "{e}");
        let fp = "fp1:0123456789abcdef0123456789abcdef";
        let ok = GoodGuys::parse(
            &format!("{{\"fingerprint\":\"{fp}\",\"entity_id\":\"x\",\"accepted_by\":\"a\",\"reason\":\"r\"}}"),
            "g",
        )
        .expect("valid");
        assert_eq!(ok.get(fp, "x").map(|a| a.accepted_by.as_str()), Some("a"));
        assert!(GoodGuys::parse(
            &format!("{{\"fingerprint\":\"{fp}\",\"entity_id\":\"x\",\"accepted_by\":\"\",\"reason\":\"r\"}}"),
            "g"
        )
        .is_err());
    }
}
