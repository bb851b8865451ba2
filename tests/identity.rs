//! Identity, first of all: every name of every entity of every loaded list (`--regime all`),
//! screened exactly as published, is a BLOCK of its own entry, and `Compare` of any listed name
//! with itself scores 1.0. Every name, not a sample: one-letter words, `&`, digits, dotted
//! acronyms, parenthesised parts and one-letter syllables are where a matcher loses its own
//! entries.

mod common;

use screener::lists::store;
use screener::matcher::{self, Decision, Query, Thresholds};
use screener::model::{EntityType, Regime};
use screener::source::SourceSpec;

fn snapshot(regime: Regime) -> screener::index::Snapshot {
    snapshot_of(&common::real_sources(), regime)
}

fn snapshot_of(sources: &[String], regime: Regime) -> screener::index::Snapshot {
    let specs: Vec<SourceSpec> = sources.iter().map(|s| SourceSpec::parse(s).expect("spec")).collect();
    store::load(&specs, regime).expect("loads")
}

/// The query a bank would send for a listed entity: its type when the list says one.
fn party_type(t: EntityType) -> Option<EntityType> {
    (t != EntityType::Unknown).then_some(t)
}

/// A listed "name" that holds nothing to screen: only punctuation, or only legal-form words
/// (Canada lists `ООО` and `Акционерное общество` as aliases). It names no entity, so it is not
/// indexed (README, "Matching"); screening `ООО` must not block every company that is one.
fn names_no_one(full: &str) -> bool {
    let tokens = screener::normalize::tokens(full);
    tokens.iter().all(|t| screener::normalize::is_legal_form_word(t, &screener::normalize::phonetic_key(t)))
}

#[test]
fn every_listed_name_screened_as_published_blocks_its_own_entry() {
    every_listed_name_blocks_its_own_entry_in(&snapshot(Regime::All), 3_000);
}

/// The same over the full publications (59,000 names), where common names meet dozens of
/// entries and only the exact one must not be crowded out.
#[test]
fn every_listed_name_of_the_full_publications_blocks_its_own_entry() {
    if let Some(dir) =
        common::full_data_dir("identity::every_listed_name_of_the_full_publications_blocks_its_own_entry")
    {
        every_listed_name_blocks_its_own_entry_in(&snapshot_of(&common::sources_in(&dir), Regime::All), 50_000);
    }
}

fn every_listed_name_blocks_its_own_entry_in(s: &screener::index::Snapshot, at_least: usize) {
    let t = Thresholds::default();
    let (mut names, mut skipped, mut misses) = (0usize, 0usize, Vec::new());
    for (ei, e) in s.entities.iter().enumerate() {
        for n in &e.names {
            if names_no_one(&n.full) {
                skipped += 1;
                continue;
            }
            names += 1;
            let q = Query { name: n.full.clone(), party_type: party_type(e.entity_type), ..Default::default() };
            let r = matcher::screen(s, &q, &t);
            let own = r.matches.iter().find(|m| m.entity as usize == ei);
            if own.is_none_or(|m| m.decision != Decision::Block) {
                misses.push(format!(
                    "{} {:?} ({:?}): {}",
                    e.id,
                    n.full,
                    e.entity_type,
                    own.map_or("not matched".to_string(), |m| format!("{:?} {:.3}", m.decision, m.score))
                ));
            }
        }
    }
    eprintln!(
        "{names} listed names screened ({skipped} that are only legal forms or punctuation left out); {} not a BLOCK of their own entry",
        misses.len()
    );
    for m in misses.iter().take(60) {
        eprintln!("  {m}");
    }
    assert!(names > at_least, "only {names} names");
    assert!(misses.is_empty(), "{} listed names are not a BLOCK of their own entry", misses.len());
}

#[test]
fn compare_of_every_belarus_name_with_itself_is_one() {
    let s = snapshot(Regime::Belarus);
    let t = Thresholds::default();
    let (mut names, mut misses) = (0usize, Vec::new());
    for e in &s.entities {
        for n in &e.names {
            if names_no_one(&n.full) {
                continue;
            }
            names += 1;
            let q = Query { name: n.full.clone(), party_type: party_type(e.entity_type), ..Default::default() };
            let r = matcher::compare(&q, &q, &t, s.stats().clone());
            if r.score < 1.0 {
                misses.push(format!("{} {:?}: {:.3}", e.id, n.full, r.score));
            }
        }
    }
    eprintln!("{names} names compared with themselves; {} below 1", misses.len());
    for m in misses.iter().take(60) {
        eprintln!("  {m}");
    }
    assert!(names > 2_000, "only {names} names");
    assert!(misses.is_empty(), "{} names do not score 1 against themselves", misses.len());
}

/// The shapes that used to lose their own entry, as made-up names (the test above covers every
/// real one).
#[test]
fn shapes_that_lose_their_own_entry() {
    let t = Thresholds::default();
    let stats = snapshot(Regime::Belarus).stats().clone();
    for (name, ty) in [
        ("A.B.C. Company", EntityType::Organization),
        ("A & M TRADING COMPANY LIMITED", EntityType::Organization),
        ("X Y TRADING FZCO", EntityType::Organization),
        ("1425 SOMEWHERE AVE 63-F LLC", EntityType::Organization),
        ("QWERTY (UK) LIMITED", EntityType::Organization),
        ("ZXCV BANK ZAO (Belarus)", EntityType::Organization),
        ("KLMN (KRASNY LUCH MACHINE NETWORK)", EntityType::Organization),
        ("YU CHOL U", EntityType::Person),
        ("KIM IL O", EntityType::Person),
    ] {
        let q = Query { name: name.into(), party_type: Some(ty), ..Default::default() };
        let r = matcher::compare(&q, &q, &t, stats.clone());
        assert!(r.score >= 1.0 && r.decision == Decision::Block, "{name}: {:.3} {:?}", r.score, r.decision);
    }
}
