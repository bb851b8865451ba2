//! The index snapshot: every in-scope entity of every loaded list, with its names prepared for
//! comparison and the lookup tables the matcher retrieves candidates from.
//!
//! A snapshot is immutable once built. Reloads build a new one off the request path and swap it
//! in whole (see `store`), so a request always sees one consistent set of lists and the index
//! needs no locks.

pub mod name_form;

use std::collections::HashMap;

use sha2::{Digest, Sha256};

use crate::model::{Entity, EntityType, IdKind, Regime, SourceKind};
use crate::normalize::{country_key, fold};
use name_form::NameForm;

/// One source as loaded into a snapshot.
#[derive(Debug, Clone)]
pub struct SourceInfo {
    pub kind: SourceKind,
    pub location: String,
    pub list_date: Option<String>,
    pub sha256: String,
    pub entities_total: usize,
    pub entities_in_scope: usize,
    /// RFC 3339, UTC.
    pub loaded_at: String,
}

/// The parsed publication of one source, ready to be indexed.
#[derive(Debug, Clone)]
pub struct LoadedSource {
    pub info: SourceInfo,
    pub entities: Vec<Entity>,
}

/// One listed name of one entity, prepared.
#[derive(Debug)]
pub struct Variant {
    pub entity: u32,
    pub name: u16,
    pub form: NameForm,
}

#[derive(Debug)]
pub struct Snapshot {
    pub regime: Regime,
    pub sources: Vec<SourceInfo>,
    pub list_version: String,
    /// In-scope entities only.
    pub entities: Vec<Entity>,
    pub variants: Vec<Variant>,
    /// Country keys (ISO alpha-2 where recognised) of each entity, for comparison.
    pub countries: Vec<Vec<String>>,
    /// Phonetic key and folded spelling (and their one-letter deletions) → variants holding a
    /// token with that key or spelling. Spellings catch typos the key magnifies (`NAFTsN`).
    /// Deletions make a typo or a dropped letter in the query still meet the listed token
    /// (symmetric-deletion lookup), with hash lookups instead of a scan.
    postings: HashMap<String, Vec<u32>>,
    /// Normalised identifier → entities.
    identifiers: HashMap<String, Vec<u32>>,
    /// Organisation-word weights by phonetic key, from document frequency over all loaded lists.
    word_weights: HashMap<String, f32>,
    max_word_weight: f32,
}

/// Keys shorter than this get no deletion variants: deleting a letter from a 3-letter key meets
/// too many unrelated names.
const MIN_KEY_FOR_DELETES: usize = 4;

impl Snapshot {
    /// Builds the snapshot from loaded sources. `list_version` digests every source's content
    /// digest and the regime, so two servers with the same files and scope agree on it.
    pub fn build(sources: Vec<LoadedSource>, regime: Regime) -> Snapshot {
        let weights = word_weights(&sources);
        Snapshot::build_with_weights(sources, regime, weights)
    }

    /// Builds with given organisation-word weights: `Compare` indexes one candidate but must
    /// weigh its words as the full lists do, or its scores would differ from screening's.
    pub fn build_with_weights(
        sources: Vec<LoadedSource>,
        regime: Regime,
        word_weights: HashMap<String, f32>,
    ) -> Snapshot {
        let max_word_weight = 1.5;
        let weight_of = |key: &str| word_weights.get(key).copied().unwrap_or(max_word_weight);
        let mut version = Sha256::new();
        version.update(regime.as_str().as_bytes());
        let mut infos = Vec::new();
        let mut entities = Vec::new();
        for mut s in sources {
            version.update(s.info.kind.as_str().as_bytes());
            version.update(s.info.sha256.as_bytes());
            s.info.entities_total = s.entities.len();
            let before = entities.len();
            entities.extend(s.entities.into_iter().filter(|e| e.in_scope(regime)));
            s.info.entities_in_scope = entities.len() - before;
            infos.push(s.info);
        }
        let list_version = hex::encode(&version.finalize()[..8]);
        let mut variants = Vec::new();
        let mut postings: HashMap<String, Vec<u32>> = HashMap::new();
        let mut identifiers: HashMap<String, Vec<u32>> = HashMap::new();
        let mut countries = Vec::with_capacity(entities.len());
        for (ei, e) in entities.iter().enumerate() {
            for (ni, n) in e.names.iter().enumerate() {
                let form = name_form::listed(n, e.entity_type, &weight_of);
                if form.tokens.is_empty() {
                    continue;
                }
                let vi = variants.len() as u32;
                for t in form.tokens.iter().filter(|t| !t.optional()) {
                    for k in lookup_keys(&t.key).into_iter().chain(lookup_keys(&t.text)) {
                        let list = postings.entry(k).or_default();
                        if list.last() != Some(&vi) {
                            list.push(vi);
                        }
                    }
                }
                variants.push(Variant { entity: ei as u32, name: ni as u16, form });
            }
            for id in &e.identifiers {
                let k = id.key();
                if k.len() >= 4 {
                    identifiers.entry(k).or_default().push(ei as u32);
                }
            }
            countries.push(e.countries.iter().map(|c| country_key(c)).collect());
        }
        Snapshot {
            regime,
            sources: infos,
            list_version,
            entities,
            variants,
            countries,
            postings,
            identifiers,
            word_weights,
            max_word_weight,
        }
    }

    /// Variants sharing a (possibly one-letter-deleted) key or spelling with `key`.
    pub fn candidates_for_key(&self, key: &str, out: &mut Vec<u32>) {
        for k in lookup_keys(key) {
            if let Some(list) = self.postings.get(&k) {
                out.extend_from_slice(list);
            }
        }
    }

    /// Entities listing an identifier with this normalised value.
    pub fn entities_with_identifier(&self, key: &str) -> &[u32] {
        self.identifiers.get(key).map(Vec::as_slice).unwrap_or(&[])
    }

    pub fn word_weights(&self) -> &HashMap<String, f32> {
        &self.word_weights
    }

    /// Weight of an organisation word (by phonetic key): rare words weigh more.
    pub fn word_weight(&self, key: &str) -> f32 {
        self.word_weights.get(key).copied().unwrap_or(self.max_word_weight)
    }

    pub fn entity_count(&self) -> usize {
        self.entities.len()
    }
}

/// The key itself and, for long enough keys, each one-letter deletion.
fn lookup_keys(key: &str) -> Vec<String> {
    let mut out = vec![key.to_string()];
    let chars: Vec<char> = key.chars().collect();
    if chars.len() >= MIN_KEY_FOR_DELETES {
        for i in 0..chars.len() {
            let d: String = chars.iter().enumerate().filter(|(j, _)| *j != i).map(|(_, c)| *c).collect();
            if !out.contains(&d) {
                out.push(d);
            }
        }
    }
    out
}

/// Inverse document frequency of organisation-name words over every entity of every loaded list
/// (in scope or not: more names give better statistics), scaled to [0.2, 1.5]. "Company",
/// "Belarus", "plant" weigh little; "Belaruskali" a lot.
fn word_weights(sources: &[LoadedSource]) -> HashMap<String, f32> {
    let mut df: HashMap<String, u32> = HashMap::new();
    let mut n = 0u32;
    for e in sources.iter().flat_map(|s| &s.entities) {
        if e.entity_type == EntityType::Person {
            continue;
        }
        n += 1;
        let mut seen: Vec<String> = Vec::new();
        for name in &e.names {
            for t in fold(&name.full).split_whitespace() {
                let k = crate::normalize::phonetic_key(t);
                if !seen.contains(&k) {
                    seen.push(k);
                }
            }
        }
        for k in seen {
            *df.entry(k).or_default() += 1;
        }
    }
    let ln_n = ((n + 1) as f32).ln().max(1.0);
    df.into_iter()
        .map(|(k, d)| {
            let idf = (((n + 1) as f32) / (d as f32 + 0.5)).ln() / ln_n;
            (k, (0.2 + 1.3 * idf).clamp(0.2, 1.5))
        })
        .collect()
}

/// Identifier kinds that can be compared with each other (a passport number published as a
/// national id by one list is still the same document number).
pub fn kinds_comparable(a: IdKind, b: IdKind) -> bool {
    use IdKind::*;
    a == b
        || matches!((a, b), (Passport | NationalId | Other, Passport | NationalId | Other))
        || matches!((a, b), (Registration | TaxId | Other, Registration | TaxId | Other))
}
