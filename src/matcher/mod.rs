//! The matcher: from a screening query to the listed entities that match it, each with a
//! calibrated score, a decision and the per-feature reasons. Reads an index snapshot; never
//! mutates it.

pub mod features;
pub mod score;
pub mod text;

use std::collections::HashSet;
use std::sync::Arc;

use rustc_hash::FxHashMap;

use crate::index::name_form::{self, NameForm};
use crate::index::{ListStats, Snapshot};
use crate::model::{Entity, EntityType, Name, NameQuality};
use features::{Feature, Outcome};

// Declared in `model`, below both the matcher and the good-guy list that fingerprints it.
pub use crate::model::Query;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Decision {
    Clear,
    Review,
    Block,
}

/// Decision thresholds on the calibrated score. Defaults and their measured effect are in the
/// README ("Matching").
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Thresholds {
    pub review: f64,
    pub block: f64,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds { review: 0.80, block: 0.92 }
    }
}

/// At most this many matches are returned, best first.
pub const MAX_MATCHES: usize = 10;

#[derive(Debug, Clone)]
pub struct MatchResult {
    /// Set when the good-guy list accepted this match as a false positive (its decision is then
    /// CLEAR).
    pub accepted: Option<crate::good_guys::Acceptance>,
    /// Index into `Snapshot::entities`.
    pub entity: u32,
    /// Index into the entity's names of the name that matched best.
    pub name: u16,
    pub score: f64,
    pub decision: Decision,
    pub features: Vec<Feature>,
}

#[derive(Debug, Clone)]
pub struct Screening {
    pub decision: Decision,
    /// The party's fingerprint, the key of the good-guy list.
    pub fingerprint: String,
    pub matches: Vec<MatchResult>,
}

/// Names scoring below this are not worth the secondary features (which move a score by at most
/// a few hundredths upwards).
const NAME_FLOOR: f32 = 0.6;
/// Bounds are sums of f32 shares, rounded differently from the score they bound: a name scoring
/// exactly the floor must not be ruled out by a bound a rounding below it.
const BOUND_MARGIN: f32 = 1e-4;
/// Tokens occurring in fewer names are always visited: deferring them would save little and
/// use up the budget that the common ones need.
const MIN_DEFERRED_OCCURRENCES: usize = 64;
/// A weak alias is weaker evidence than a primary name or strong alias.
const WEAK_ALIAS_FACTOR: f32 = 0.95;

/// The most a name can score against a query cut by a field width, given the pairs retrieval
/// found in it: at most every pair, the initials (0.8 of a given name each) and every legal-form
/// word (compared only when scored), over the least denominator a cut allows
/// (`Variant::cut_weight`).
fn cut_bound(v: &crate::index::Variant, person: bool, pairs: &[score::Pair], initial_bonus: f32) -> f32 {
    let num: f32 = pairs.iter().map(|p| p.sim * v.parts[p.pos as usize].weight).sum::<f32>()
        + if person { initial_bonus } else { 0.0 }
        + v.legal_weight;
    if v.cut_weight <= 0.0 {
        return 1.0;
    }
    (num / v.cut_weight).min(1.0)
}

/// Pairs a listed given name or patronymic that retrieval did not reach with a short query word
/// one slip away from it (`score::short_typo`), and returns the weight they add. Retrieval meets a
/// slip through one-letter deletions, but a slip in a Cyrillic letter romanised with two
/// (`Оюег`, `oyueg` for Oleg) or a two-letter spelling against a one-letter one changes the length
/// by two; such words are only worth comparing within names already retrieved by other words.
fn short_slips(
    snapshot: &Snapshot,
    v: &crate::index::Variant,
    units: &[score::Unit],
    pairs: &mut Vec<score::Pair>,
) -> f32 {
    let mut added = 0.0;
    for (pos, part) in v.parts.iter().enumerate() {
        if !matches!(part.role, name_form::Role::Given | name_form::Role::Patronymic)
            || pairs.iter().any(|p| usize::from(p.pos) == pos)
        {
            continue;
        }
        let listed = &snapshot.tokens[part.token as usize].tok;
        for (ui, u) in units.iter().enumerate() {
            if u.initial
                || u.glued
                || u.token.role == name_form::Role::Title
                || pairs.iter().any(|p| units.get(usize::from(p.unit)).is_some_and(|o| o.mask & u.mask != 0))
            {
                continue;
            }
            let sim = score::short_typo(&u.token, listed);
            if sim >= score::MIN_PAIR_SIM {
                pairs.push(score::Pair { unit: ui as u8, pos: pos as u8, sim });
                added += sim * part.weight;
            }
        }
    }
    added
}

fn type_compatible(query: Option<EntityType>, listed: EntityType) -> bool {
    match (query, listed) {
        (None, _) | (_, EntityType::Unknown) => true,
        (Some(EntityType::Person), t) => t == EntityType::Person,
        (Some(_), t) => t != EntityType::Person,
    }
}

/// Screens one query against a snapshot.
pub fn screen(snapshot: &Snapshot, query: &Query, thresholds: &Thresholds) -> Screening {
    evaluate(snapshot, query, thresholds, NAME_FLOOR, false, None, true)
}

/// Screens as [`screen`] does, but scores every name retrieval finds instead of ruling most out
/// by their bounds first. The reference that pruning must agree with, result for result (see
/// `tests/dev_set.rs`); much slower on large lists.
pub fn screen_unpruned(snapshot: &Snapshot, query: &Query, thresholds: &Thresholds) -> Screening {
    evaluate(snapshot, query, thresholds, NAME_FLOOR, false, None, false)
}

/// Screens against the listed entities whose ids are in `only` (delta screening: what was added
/// or changed since a list version the client already screened against).
pub fn screen_only(snapshot: &Snapshot, query: &Query, thresholds: &Thresholds, only: &HashSet<String>) -> Screening {
    evaluate(snapshot, query, thresholds, NAME_FLOOR, false, Some(only), true)
}

/// Scores a query against one candidate party with the same code path as screening (the
/// candidate becomes a one-entity snapshot), keeping the result even when it is CLEAR.
/// `stats` should come from the loaded lists so words weigh and names pair as in screening.
pub fn compare(query: &Query, candidate: &Query, thresholds: &Thresholds, stats: Arc<ListStats>) -> MatchResult {
    let mut entity = Entity::new(
        "candidate".into(),
        crate::model::SourceKind::CaSema,
        candidate.party_type.unwrap_or(EntityType::Unknown),
    );
    entity.dates_of_birth = candidate.date_of_birth.into_iter().collect();
    entity.countries = candidate.country.iter().cloned().collect();
    entity.identifiers = candidate.identifiers.clone();
    entity.belarus = true;
    entity.push_name(Name::new(candidate.name.clone(), NameQuality::Primary));
    let info = crate::index::SourceInfo {
        kind: entity.source,
        location: String::new(),
        list_date: None,
        sha256: String::new(),
        entities_total: 1,
        entities_in_scope: 1,
        loaded_at: String::new(),
        published: None,
        publication_basis: "",
        max_age: None,
    };
    let snapshot = Snapshot::build_with_stats(
        vec![crate::index::LoadedSource { info, entities: vec![Arc::new(entity)] }],
        crate::model::Regime::All,
        stats,
    );
    let mut r = evaluate(&snapshot, query, thresholds, 0.0, true, None, false);
    r.matches.pop().unwrap_or(MatchResult {
        accepted: None,
        entity: 0,
        name: 0,
        score: 0.0,
        decision: Decision::Clear,
        features: Vec::new(),
    })
}

fn evaluate(
    snapshot: &Snapshot,
    query: &Query,
    thresholds: &Thresholds,
    name_floor: f32,
    keep_clear: bool,
    only: Option<&HashSet<String>>,
    prune: bool,
) -> Screening {
    // Stage spans: debug level, so they cost nothing unless traces are exported.
    let retrieval = tracing::debug_span!("retrieve", candidates = tracing::field::Empty).entered();
    let weight_of = |k: &str| snapshot.word_weight(k);
    let want_person = query.party_type.is_none_or(|t| t == EntityType::Person);
    let want_org = query.party_type != Some(EntityType::Person);
    let mut text = name_form::QueryText::new(&query.name);
    text.split_joined(&|w, person| snapshot.is_listed_word(w, person));
    let (person_form, org_form) = name_form::query_forms(&text, want_person, want_org, &weight_of);
    let mut person_units = person_form.as_ref().map(score::units).unwrap_or_default();
    for u in &mut person_units {
        let equivalents = snapshot.name_equivalents(&u.token.key);
        if !equivalents.is_empty() {
            u.token.to_mut().set_equivalents(equivalents);
        }
    }
    let org_units = org_form.as_ref().map(score::units).unwrap_or_default();

    // Retrieval, token by token: listed tokens near each query unit (by key, spelling or one
    // deletion), each compared once; then the names holding them, with an upper bound on what
    // each name can score so most are never scored in full.
    // An initial may also meet a one-letter listed word in full, or a surname (weight 2).
    let initial_bonus = person_units.iter().filter(|u| u.initial).count() as f32 * name_form::SURNAME_WEIGHT;
    // The bounds below divide by a name's whole required weight. A query cut by a field width is
    // excused the listed tokens after its last match, so its score can exceed them: such queries
    // (one in fifty, by length) defer nothing and bound each name by what cannot be excused
    // (`cut_bound`) instead.
    let cut = person_form.iter().chain(&org_form).any(|f| f.truncated);
    let (prune, prune_cut) = (prune && !cut, prune && cut);
    // Retrieval in two steps. First, each query unit's near listed tokens, compared once:
    // (unit, token, similarity, person form?).
    let mut matched: Vec<(u8, u32, f32, bool)> = Vec::new();
    if !keep_clear {
        let mut near = Vec::new();
        for (units, form) in [(&person_units, &person_form), (&org_units, &org_form)] {
            let Some(form) = form else { continue };
            for (ui, u) in units.iter().enumerate().filter(|(_, u)| !u.initial) {
                near.clear();
                snapshot.tokens_near(&u.token, u.cut, &mut near);
                near.sort_unstable();
                near.dedup();
                for &ti in &near {
                    let sim = u.sim(&snapshot.tokens[ti as usize].tok);
                    if sim >= score::MIN_PAIR_SIM {
                        matched.push((ui as u8, ti, sim, form.person));
                    }
                }
            }
        }
    }
    // Second, the names holding them. Common tokens (a frequent given name, "Ivanovich",
    // "Belarus") occur in tens of thousands of names, yet alone cannot lift a name to the floor:
    // while the most they add stays below what a name needs, they are deferred, so only names
    // holding a rarer token are visited, and the deferred tokens are then looked up in those
    // names alone. This keeps the work per query nearly flat as lists grow.
    //
    // Deferral is per (unit, listed token), most common first: "Ivanovich" is deferred while the
    // rare surnames that also resemble it are visited. A query unit aligns with one listed token
    // at most, so what a unit's deferred tokens can add to any name is the largest of their
    // shares, and `spent` sums that over units, per kind of name (organisations also get the
    // legal-form slack; persons the initials).
    let budget =
        |person: bool| if person { name_floor - initial_bonus } else { name_floor - snapshot.max_legal_slack } - BOUND_MARGIN;
    let mut by_cost: Vec<(usize, usize)> = matched
        .iter()
        .enumerate()
        .map(|(i, m)| (snapshot.tokens[m.1 as usize].occurrences(m.3).len(), i))
        .filter(|&(n, _)| prune && n >= MIN_DEFERRED_OCCURRENCES)
        .collect();
    by_cost.sort_unstable_by_key(|&(n, i)| (std::cmp::Reverse(n), i));
    // Per (unit, kind of name): the most its deferred tokens add.
    let mut unit_spent: Vec<(u8, bool, f32)> = Vec::new();
    let mut spent = [0.0f32; 2];
    let mut is_deferred = vec![false; matched.len()];
    for &(_, i) in &by_cost {
        let (unit, ti, sim, person) = matched[i];
        let add = sim * snapshot.tokens[ti as usize].max_share(person);
        let slot = match unit_spent.iter().position(|u| u.0 == unit && u.1 == person) {
            Some(k) => k,
            None => {
                unit_spent.push((unit, person, 0.0));
                unit_spent.len() - 1
            }
        };
        let grows = (add - unit_spent[slot].2).max(0.0);
        if spent[usize::from(person)] + grows < budget(person) {
            spent[usize::from(person)] += grows;
            unit_spent[slot].2 += grows;
            is_deferred[i] = true;
        }
    }
    let mut deferred: FxHashMap<(u32, bool), Vec<(u8, f32)>> = FxHashMap::default();
    for (m, _) in matched.iter().zip(&is_deferred).filter(|(_, d)| **d) {
        deferred.entry((m.1, m.3)).or_default().push((m.0, m.2));
    }
    // (variant, its share of the bound, the aligned pair), grouped by variant afterwards: one
    // flat vector and a sort are cheaper than a map of vectors on this path.
    let mut hits: Vec<(u32, f32, score::Pair)> = Vec::new();
    for (&(ui, ti, sim, person), _) in matched.iter().zip(&is_deferred).filter(|(_, d)| !**d) {
        for o in snapshot.tokens[ti as usize].occurrences(person) {
            hits.push((o.variant, sim * o.share, score::Pair { unit: ui, pos: o.pos, sim }));
        }
    }
    hits.sort_unstable_by_key(|h| h.0);
    retrieval.record("candidates", hits.chunk_by(|a, b| a.0 == b.0).count() as i64);
    drop(retrieval);
    let scoring = tracing::debug_span!("score", matches = tracing::field::Empty).entered();

    // Best name score per entity.
    let mut best: FxHashMap<u32, (f32, u16, score::NameScore)> = FxHashMap::default();
    let mut score_variant = |vi: u32, pairs: Option<&mut Vec<score::Pair>>| {
        let v = &snapshot.variants[vi as usize];
        let entity = &snapshot.entities[v.entity as usize];
        if !type_compatible(query.party_type, entity.entity_type) {
            return;
        }
        let (units, form): (&[score::Unit], &NameForm) =
            match (snapshot.variant_bounds[vi as usize].person, &person_form, &org_form) {
                (true, Some(f), _) => (&person_units, f),
                (false, _, Some(f)) => (&org_units, f),
                _ => return,
            };
        let mut s = match pairs {
            Some(p) => score::score_pairs(units, form, &snapshot.listed_name(vi), p),
            None => score::score(units, form, &snapshot.listed_name(vi)),
        };
        if s.score >= 1.0 {
            let listed = snapshot.listed_name(vi);
            s.exact = listed.parts.len() == form.tokens.len()
                && (0..listed.parts.len()).all(|i| listed.token(i).text == form.tokens[i].text);
        }
        if entity.names[v.name as usize].quality == crate::model::NameQuality::Weak {
            s.score *= WEAK_ALIAS_FACTOR;
        }
        if s.score < name_floor || (s.score == 0.0 && !keep_clear) {
            return;
        }
        // The entity's best name decides; a name that can BLOCK without caveats (initials only,
        // a cut query's excused end) beats a higher one that cannot, and a name listed word for
        // word as asked beats one that scores as high in another order.
        let rank = |s: &score::NameScore| {
            (!(s.initials || s.cut || s.weak) && f64::from(s.score) >= thresholds.block, s.score, s.exact)
        };
        let e = best.entry(v.entity).or_insert((0.0, v.name, Default::default()));
        if e.0 == 0.0 || rank(&s) > rank(&e.2) {
            *e = (s.score, v.name, s);
        }
    };
    if keep_clear {
        for vi in 0..snapshot.variants.len() as u32 {
            score_variant(vi, None);
        }
    } else {
        let mut pairs = Vec::new();
        for group in hits.chunk_by(|a, b| a.0 == b.0) {
            let vi = group[0].0;
            // Initials can add to a person's bound (weight at most a given name's, 1 per initial).
            let crate::index::VariantBound { required_weight, legal_slack: slack, person } =
                snapshot.variant_bounds[vi as usize];
            let extra = if person { initial_bonus / required_weight } else { 0.0 };
            let mut bound: f32 = group.iter().map(|h| h.1).sum();
            // The deferred tokens add at most `spent` (one per unit): most candidates are ruled
            // out here, before their tokens are read.
            if prune && bound + spent[usize::from(person)] + extra + slack + BOUND_MARGIN < name_floor {
                continue;
            }
            let v = &snapshot.variants[vi as usize];
            pairs.clear();
            pairs.extend(group.iter().map(|h| h.2));
            if !deferred.is_empty() {
                for (pos, part) in v.parts.iter().enumerate() {
                    for &(unit, sim) in deferred.get(&(part.token, person)).into_iter().flatten() {
                        bound += sim * part.weight / required_weight;
                        pairs.push(score::Pair { unit, pos: pos as u8, sim });
                    }
                }
            }
            if person {
                bound += short_slips(snapshot, v, &person_units, &mut pairs) / required_weight;
            }
            if prune && bound + extra + slack + BOUND_MARGIN < name_floor {
                continue;
            }
            if prune_cut && cut_bound(v, person, &pairs, initial_bonus) + BOUND_MARGIN < name_floor {
                continue;
            }
            score_variant(vi, Some(&mut pairs));
        }
    }
    // Identifier hits count whatever the name.
    for id in &query.identifiers {
        for &ei in snapshot.entities_with_identifier(&id.key()) {
            best.entry(ei).or_insert((0.0, 0, Default::default()));
        }
    }

    let query_country = query.country.as_deref().map(crate::normalize::country_key);
    let fingerprint = match text.whole_words() {
        Some(words) => crate::good_guys::fingerprint_of_words(query, words.to_vec()),
        None => crate::good_guys::fingerprint(query),
    };
    let mut matches: Vec<(bool, MatchResult)> = Vec::new();
    for (ei, (name_score, name, how)) in best {
        let entity = &snapshot.entities[ei as usize];
        if only.is_some_and(|only| !only.contains(&entity.id)) {
            continue;
        }
        let dob = features::date_of_birth(query.date_of_birth, &entity.dates_of_birth);
        let country = features::country(query_country.as_deref(), &snapshot.countries[ei as usize]);
        let (ident, id_hit) = features::identifier(&query.identifiers, entity);
        let name_feature = Feature {
            feature: "name",
            score: f64::from(name_score),
            outcome: if name_score >= 0.999 {
                Outcome::Match
            } else if name_score > 0.0 {
                Outcome::Partial
            } else {
                Outcome::Absent
            },
            detail: [
                how.initials.then_some("given names met only as initials"),
                how.cut.then_some("the name looks cut short: its last word begins a listed one, or listed words after the cut were not compared"),
                how.weak.then_some("a given name met only as a nickname or with a slip in a short word"),
            ]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join("; "),
            adjustment: 0.0,
        };
        let mut score = f64::from(name_score) + dob.adjustment + country.adjustment + ident.adjustment;
        score = score.clamp(0.0, 1.0);
        let mut decision = if score >= thresholds.block {
            Decision::Block
        } else if score >= thresholds.review {
            Decision::Review
        } else {
            Decision::Clear
        };
        // What the query does not say (given names as initials, words after a cut) can make a
        // REVIEW, never a BLOCK on its own.
        if (how.initials || how.cut || how.weak) && decision == Decision::Block {
            decision = Decision::Review;
        }
        if id_hit {
            decision = Decision::Block;
            score = 1.0;
        }
        // An accepted false positive turns a REVIEW, and only a REVIEW, into CLEAR.
        let accepted = match decision {
            Decision::Review if !keep_clear => snapshot.good_guys.get(&fingerprint, &entity.id).cloned(),
            _ => None,
        };
        if accepted.is_some() {
            decision = Decision::Clear;
        }
        if decision == Decision::Clear && !keep_clear && accepted.is_none() {
            continue;
        }
        matches.push((
            how.exact,
            MatchResult {
                entity: ei,
                name,
                score,
                decision,
                features: vec![name_feature, dob, country, ident],
                accepted,
            },
        ));
    }
    // Entries that list the name word for word as it was asked come first, then by score: a
    // common name (`Abu Muhammad`) scores high against dozens of entries, and the one listed so
    // (even as a weak alias, scored a little lower) must never be cut off by `MAX_MATCHES`.
    matches.sort_by(|(ea, a), (eb, b)| eb.cmp(ea).then(b.score.total_cmp(&a.score)).then(a.entity.cmp(&b.entity)));
    let mut matches: Vec<MatchResult> = matches.into_iter().map(|(_, m)| m).collect();
    matches.truncate(MAX_MATCHES);
    let decision = matches.iter().map(|m| m.decision).max().unwrap_or(Decision::Clear);
    scoring.record("matches", matches.len() as i64);
    Screening { decision, matches, fingerprint }
}
