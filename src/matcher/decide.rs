//! The decision: from each entity's best name to a match with its features (date of birth,
//! country, identifiers), the caps that keep weak evidence from blocking, identifier blocks,
//! accepted false positives (the good-guy list), and the order matches are returned in.

use std::borrow::Cow;

use rustc_hash::FxHashMap;

use super::features::{self, Feature, Outcome};
use super::retrieve::BestName;
use super::{Decision, MatchResult, Options, Query, Thresholds, MAX_MATCHES};
use crate::index::Snapshot;

/// The matches of a screening, best first, at most [`MAX_MATCHES`]; CLEAR ones only when
/// `opts.keep_clear`.
pub(super) fn decide(
    snapshot: &Snapshot,
    query: &Query,
    thresholds: &Thresholds,
    opts: &Options<'_>,
    best: FxHashMap<u32, BestName>,
    fingerprint: &str,
) -> Vec<MatchResult> {
    let Options { keep_clear, only, .. } = *opts;
    let query_country = query.country.as_deref().map(crate::normalize::country_key);
    let dated_otherwise = dated_otherwise(snapshot, query, thresholds, &best);
    let prefixed: Vec<Option<(String, String)>> =
        query.identifiers.iter().map(crate::model::Identifier::country_prefixed).collect();
    let mut matches: Vec<(bool, MatchResult)> = Vec::new();
    for (ei, BestName { score: name_score, name, how, other_type }) in best {
        let entity = &snapshot.entities[ei as usize];
        if only.is_some_and(|only| !only.contains(&entity.id)) {
            continue;
        }
        let dob = features::date_of_birth(query.date_of_birth, &entity.dates_of_birth);
        let country = features::country(query_country.as_deref(), &snapshot.countries[ei as usize]);
        let (ident, id_hit) =
            features::identifier(&query.identifiers, &prefixed, entity, &snapshot.countries[ei as usize]);
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
            detail: name_detail(&how, other_type),
            adjustment: 0.0,
        };
        let adjustment = |f: &Option<Feature>| f.as_ref().map_or(0.0, |f| f.adjustment);
        let (dob_adjustment, country_adjustment) = (adjustment(&dob), adjustment(&country));
        let mut score = f64::from(name_score) + dob_adjustment + country_adjustment + adjustment(&ident);
        score = score.clamp(0.0, 1.0);
        // A listed name met in full (its patronymic too) at BLOCK strength is REVIEWed whatever
        // the date of birth and country sent say against it: a payer's details can be wrong or
        // made up, a list may know one date of several, and a listed person's full name cleared
        // on them is the miss a compliance officer cannot explain (round 21: `Viktor
        // Gennadievich Khrenin` with a date two years off and Russia was CLEAR; either conflict
        // alone was not). A namesake who shares only the given name and surname, born decades
        // apart elsewhere, may still be cleared by them, and so may a name met with a caveat (a
        // first letter off, initials).
        let caveats = how.initials || how.cut || how.weak || how.approximate || other_type;
        if how.full && !caveats && f64::from(name_score) >= thresholds.block {
            score = score.max(thresholds.review);
        }
        let mut decision = if score >= thresholds.block {
            Decision::Block
        } else if score >= thresholds.review {
            Decision::Review
        } else {
            Decision::Clear
        };
        // A listed person's surname with his full date of birth, day, month and year (`Lukashenko`
        // born 1954-08-30): few namesakes share both, and a payment naming the party so is worth
        // a look (round 21 found every listed person so named CLEAR). Where the list gives the
        // year alone, the year is all of the date there is to meet: with it, and with a country
        // the entity is listed with, the same (round 29: all 161 listed persons so named CLEAR,
        // while those whose list gives the day were REVIEW). A year is shared by more namesakes
        // than a day, hence the country too.
        let birth_as_listed = dob.as_ref().is_some_and(|f| f.adjustment >= features::EXACT_DOB)
            || (features::birth_year_as_listed(query.date_of_birth, &entity.dates_of_birth)
                && country.as_ref().is_some_and(|f| f.outcome == Outcome::Match));
        if decision == Decision::Clear && name_score >= SURNAME_AND_BIRTH && birth_as_listed {
            decision = Decision::Review;
            score = score.max(thresholds.review);
        }
        // What the query does not say (given names as initials, words after a cut) can make a
        // REVIEW, never a BLOCK on its own.
        if (how.initials || how.cut || how.weak) && decision == Decision::Block {
            decision = Decision::Review;
        }
        // A listing without a date of birth, when the party's name meets as well another listing
        // whose date the party's rules out (the same person on another list, as a rule: lists
        // differ in what they give), cannot say more than that one: REVIEW at most (round 21:
        // `Aleksandr Zaitsev` born 1946 BLOCKed on Japan's undated Aleksandr ZAITSEV, while
        // OFAC's and Canada's, born 1976, were conflicts).
        let undated_twin = decision == Decision::Block
            && dated_otherwise
            && dob.as_ref().is_some_and(|f| f.outcome == Outcome::Absent);
        let mut dob = dob;
        if undated_twin {
            decision = Decision::Review;
            if let Some(f) = dob.as_mut() {
                f.detail = Cow::Borrowed(UNDATED_TWIN_DETAIL);
            }
        }
        // An approximate name with the listed date of birth is the listed person.
        if how.approximate && decision == Decision::Block && dob_adjustment < features::EXACT_DOB {
            decision = Decision::Review;
        }
        // A name listed as the other type than the party's (met word for word, see
        // `retrieve::other_type_names`) counts only at BLOCK strength, a differing date of birth
        // ruling it out, and then as a REVIEW.
        if other_type && !id_hit {
            if decision != Decision::Block {
                continue;
            }
            decision = Decision::Review;
        }
        if id_hit {
            decision = Decision::Block;
            score = 1.0;
        }
        // An accepted false positive turns a REVIEW, and only a REVIEW, into CLEAR.
        let accepted = match decision {
            Decision::Review if !keep_clear => snapshot.good_guys.get(fingerprint, &entity.id).cloned(),
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
                features: [Some(name_feature), dob, country, ident].into_iter().flatten().collect(),
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
    matches
}

/// The least name score with which a full date of birth equal to the listed one makes a
/// REVIEW: a person's surname alone against his listed given name and surname (weights 2 of 3).
pub(super) const SURNAME_AND_BIRTH: f32 = 0.66;

const UNDATED_TWIN_DETAIL: &str = "the list gives no date of birth, and another listing the name meets as well gives \
                                   one the query's rules out: REVIEW at most";

/// Whether the party's name meets, at BLOCK strength, a listed entity whose dates of birth the
/// party's rules out (see `undated_twin` in [`decide`]).
fn dated_otherwise(
    snapshot: &Snapshot,
    query: &Query,
    thresholds: &Thresholds,
    best: &FxHashMap<u32, BestName>,
) -> bool {
    let Some(dob) = query.date_of_birth else {
        return false;
    };
    best.iter().any(|(ei, b)| {
        let listed = &snapshot.entities[*ei as usize].dates_of_birth;
        f64::from(b.score) >= thresholds.block && features::dob_conflicts(dob, listed)
    })
}

/// What a name score does not say by itself: each caveat that kept it from a plain match.
fn name_detail(how: &crate::matcher::score::NameScore, other_type: bool) -> Cow<'static, str> {
    let caveats = [
        other_type.then_some(
            "listed as another type of party than the one sent (a person's name sent as an organisation, or the \
             reverse): REVIEW at most",
        ),
        how.initials.then_some("given names met only as initials"),
        how.cut.then_some(
            "the name looks cut short: its last word begins a listed one, or listed words after the cut were not \
             compared",
        ),
        how.weak.then_some("a given name met only as a nickname or with a slip in a short word"),
        how.approximate.then_some(
            "a word met only approximately (a letter or a sound off, no vowels, an equivalent the lists suggest), a \
             one-word name, or a word the listed name lacks",
        ),
    ];
    let present = || caveats.iter().flatten().copied();
    match present().count() {
        0 => Cow::Borrowed(""),
        1 => Cow::Borrowed(present().next().unwrap_or_default()),
        _ => Cow::Owned(present().collect::<Vec<_>>().join("; ")),
    }
}
