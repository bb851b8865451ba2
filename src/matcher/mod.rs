//! The matcher: from a screening query to the listed entities that match it, each with a
//! calibrated score, a decision and the per-feature reasons. Reads an index snapshot; never
//! mutates it.

mod decide;
pub mod features;
mod query_text;
mod retrieve;
pub mod score;
pub mod similarity;
mod slipped_surname;
pub mod text;

use std::collections::HashSet;
use std::sync::Arc;

use crate::index::{ListStats, Snapshot};
use crate::model::{Entity, EntityType, Name, NameQuality};
use features::Feature;

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

/// Screens one query against a snapshot.
pub fn screen(snapshot: &Snapshot, query: &Query, thresholds: &Thresholds) -> Screening {
    evaluate(snapshot, query, thresholds, &SCREENING)
}

/// Screens as [`screen`] does, but scores every name retrieval finds instead of ruling most out
/// by their bounds first, and keeps every name from the fixed floor up whatever the query's
/// secondary features (`Options::floor_for`). The reference that pruning must agree with, result
/// for result (see `tests/dev_set.rs`); much slower on large lists.
pub fn screen_unpruned(snapshot: &Snapshot, query: &Query, thresholds: &Thresholds) -> Screening {
    evaluate(snapshot, query, thresholds, &Options { prune: false, lift_floor: false, ..SCREENING })
}

/// Screens against the listed entities whose ids are in `only` (delta screening: what was added
/// or changed since a list version the client already screened against).
pub fn screen_only(snapshot: &Snapshot, query: &Query, thresholds: &Thresholds, only: &HashSet<String>) -> Screening {
    evaluate(snapshot, query, thresholds, &Options { only: Some(only), ..SCREENING })
}

/// Scores a query against one candidate party with the same code path as screening (the
/// candidate becomes a one-entity snapshot), keeping the result even when it is CLEAR.
/// `stats` should come from the loaded lists so words weigh and names pair as in screening.
///
/// Both ways: the query is also scored as the listed name and the candidate as the query, and
/// the stronger answer (decision, then score) is returned. Screening reads the payment's side as
/// a query (other scripts romanised and compared by consonant classes, initials, German and
/// French spellings, vowels dropped) and the list's side as published; two parties compared by
/// an analyst have no such sides, and a candidate in Arabic script, with initials or in a German
/// spelling scored 0 one way and its true score the other.
pub fn compare(query: &Query, candidate: &Query, thresholds: &Thresholds, stats: Arc<ListStats>) -> MatchResult {
    let forward = compare_one(query, candidate, thresholds, stats.clone());
    let backward = compare_one(candidate, query, thresholds, stats);
    let mut best =
        if (backward.decision, backward.score) > (forward.decision, forward.score) { backward } else { forward };
    let unmet = |f: &Feature| f.feature == "name" && f.score <= 0.0;
    // One organisation's name is the other's initials: a REVIEW, never more (see `acronym_of`).
    let organisations = [query, candidate].iter().all(|p| p.party_type != Some(EntityType::Person));
    if best.decision == Decision::Clear
        && organisations
        && (acronym_of(&query.name, &candidate.name) || acronym_of(&candidate.name, &query.name))
    {
        let name = Feature {
            feature: "name",
            score: ACRONYM_SCORE,
            outcome: features::Outcome::Partial,
            detail: std::borrow::Cow::Borrowed(ACRONYM_DETAIL),
            adjustment: ACRONYM_SCORE,
        };
        best.features.retain(|f| f.feature != "name");
        best.features.insert(0, name);
        best.score = ACRONYM_SCORE;
        best.decision = if ACRONYM_SCORE >= thresholds.review { Decision::Review } else { Decision::Clear };
        return best;
    }
    // No word of one name met a word of the other: the name scores how alike the two are as
    // letters instead of 0, a ranking below every threshold (see `resemblance`).
    if best.decision == Decision::Clear && best.features.iter().all(|f| f.feature != "name" || unmet(f)) {
        let r = resemblance(&query.name, &candidate.name);
        if r <= 0.0 {
            return best;
        }
        let name = Feature {
            feature: "name",
            score: f64::from(r),
            outcome: features::Outcome::Partial,
            detail: std::borrow::Cow::Borrowed(RESEMBLANCE_DETAIL),
            adjustment: f64::from(r),
        };
        best.features.retain(|f| !unmet(f));
        best.features.insert(0, name);
        best.score = (best.score + f64::from(r)).clamp(0.0, f64::from(RESEMBLANCE_MAX));
    }
    best
}

/// What a comparison scores in which one organisation's name is the other's initials: REVIEW
/// strength at the default thresholds, never BLOCK (initials stand for many names).
const ACRONYM_SCORE: f64 = 0.85;

const ACRONYM_DETAIL: &str =
    "one name is the initials of the other (legal forms aside): REVIEW at most, since initials stand for many names";

/// Words a name's initials often leave out.
const SMALL_WORDS: [&str; 12] = ["of", "the", "and", "for", "de", "la", "du", "des", "der", "und", "y", "et"];

/// Whether `short` is the initials of `long` (`IRGC` / `Islamic Revolutionary Guard Corps`, `IBM
/// Corp.` / `International Business Machines Corporation`, `BOC` / `Bank of China`): legal forms
/// left out of both, the small words of `long` counted or not. Only in `compare`: lists give the
/// acronyms they know as aliases, which screening meets as names, while two names an analyst
/// compares have no aliases; and screened against every listed name, initials would meet
/// hundreds.
fn acronym_of(short: &str, long: &str) -> bool {
    let legal = |t: &String| crate::normalize::is_legal_form_word(t, &crate::normalize::phonetic_key(t));
    let short: Vec<String> = crate::normalize::tokens(short).into_iter().filter(|t| !legal(t)).collect();
    let long = crate::normalize::tokens(long);
    let [acronym] = short.as_slice() else { return false };
    if !(2..=6).contains(&acronym.len()) || !acronym.bytes().all(|b| b.is_ascii_lowercase()) || long.len() < 2 {
        return false;
    }
    // A legal form may be a word of the name (`Bank`) or not (`Corporation`), and a small word
    // counted or not: any of the four readings.
    [(false, false), (false, true), (true, false), (true, true)].iter().any(|&(skip_legal, skip_small)| {
        let initials: String = long
            .iter()
            .filter(|w| !((skip_legal && legal(w)) || (skip_small && SMALL_WORDS.contains(&w.as_str()))))
            .filter_map(|w| w.chars().next())
            .collect();
        initials.len() >= 2 && initials == *acronym
    })
}

/// The most a comparison in which no word of one name meets a word of the other scores: below
/// the name floor and every threshold, so it ranks and never decides.
const RESEMBLANCE_MAX: f32 = 0.5;

const RESEMBLANCE_DETAIL: &str =
    "no word of one name meets a word of the other: the score is how alike the names are as letters and sounds, at most 0.5, never a match";

/// How alike two names are as letters, for a comparison in which no word of one meets a word of
/// the other (`compare`): an analyst ranking candidates learns more from `Saizew` against
/// `Zaitsev` at 0.2 than from 0, and unrelated names stay near 0. The folded words of each
/// (other scripts romanised), sorted, are compared as spelt and as phonetic keys; the better of
/// the two, scaled below [`RESEMBLANCE_MAX`].
fn resemblance(a: &str, b: &str) -> f32 {
    let words = |s: &str| {
        let mut w = crate::normalize::tokens(s);
        w.sort_unstable();
        w
    };
    let keys = |w: &[String]| w.iter().map(|t| crate::normalize::phonetic_key(t)).collect::<Vec<_>>().join(" ");
    let (wa, wb) = (words(a), words(b));
    // Parties given by identifiers alone have no names to be alike.
    if wa.is_empty() || wb.is_empty() {
        return 0.0;
    }
    let sim = |x: &str, y: &str| strsim::normalized_levenshtein(x, y) as f32;
    let alike = sim(&wa.join(" "), &wb.join(" ")).max(sim(&keys(&wa), &keys(&wb)));
    (RESEMBLANCE_MAX * alike).min(RESEMBLANCE_MAX - 0.01)
}

fn compare_one(query: &Query, candidate: &Query, thresholds: &Thresholds, stats: Arc<ListStats>) -> MatchResult {
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
    let mut r = evaluate(
        &snapshot,
        query,
        thresholds,
        &Options { name_floor: 0.0, keep_clear: true, only: None, prune: false, lift_floor: false },
    );
    r.matches.pop().unwrap_or(MatchResult {
        accepted: None,
        entity: 0,
        name: 0,
        score: 0.0,
        decision: Decision::Clear,
        features: Vec::new(),
    })
}

/// How a screening is run: `screen`, `screen_unpruned`, `screen_only` and `compare` differ only
/// in these.
#[derive(Debug, Clone, Copy)]
struct Options<'a> {
    /// Names scoring below this are dropped before the secondary features.
    name_floor: f32,
    /// Keep CLEAR results and score every listed name (`compare`).
    keep_clear: bool,
    /// Only these listed entities (delta screening).
    only: Option<&'a HashSet<String>>,
    /// Rule names out by their bounds before scoring them.
    prune: bool,
    /// Raise `name_floor` to what the query's secondary features leave a chance of REVIEW
    /// ([`Options::floor_for`]).
    lift_floor: bool,
}

const SCREENING: Options<'static> =
    Options { name_floor: NAME_FLOOR, keep_clear: false, only: None, prune: true, lift_floor: true };

impl Options<'_> {
    /// The floor a name must reach to matter for this query. A match is returned only from the
    /// REVIEW threshold up, and the secondary features lift a name's score by at most an exact
    /// date of birth and a listed country, each only when the query gives it; so a name below the
    /// REVIEW threshold less what this query's features can add cannot be returned. The higher
    /// floor lets the bounds rule out most names a listed surname reaches (a person's namesakes
    /// on three lists). An identifier blocks whatever the name, and reports the name's score: a
    /// query with identifiers keeps the fixed floor.
    fn floor_for(&self, query: &Query, thresholds: &Thresholds) -> f32 {
        if !self.lift_floor || self.keep_clear || !query.identifiers.is_empty() {
            return self.name_floor;
        }
        let lift = if query.date_of_birth.is_some() { features::EXACT_DOB } else { 0.0 }
            + if query.country.is_some() { features::COUNTRY_MATCH } else { 0.0 };
        // Scores are f32 sums compared as f64: a hair of slack so a name exactly at the
        // threshold is kept.
        let floor = (thresholds.review - lift - 1e-4) as f32;
        // A full date of birth may make a surname alone a REVIEW (`decide`), and so may a year
        // with a country, where the list gives the year alone.
        let floor = if query.date_of_birth.is_some_and(|d| d.day.is_some() || query.country.is_some()) {
            floor.min(decide::SURNAME_AND_BIRTH - 1e-4)
        } else {
            floor
        };
        self.name_floor.max(floor)
    }
}

/// Screens the query's name and, when it holds parenthesised parts, its further readings
/// ([`query_text::note_readings`]): each listed entity once, as the reading that met it best, and
/// the acceptances of the good-guy list by the party's own fingerprint.
fn evaluate(snapshot: &Snapshot, query: &Query, thresholds: &Thresholds, opts: &Options<'_>) -> Screening {
    let mut organisation_nominative = None;
    let mut screening = evaluate_name(snapshot, query, thresholds, opts, None, Some(&mut organisation_nominative));
    if opts.keep_clear {
        return screening;
    }
    let mut changed = false;
    // A company's word read without a case ending is a guess (`Agora` is no case of AGOR): its
    // matches are REVIEW at most.
    let in_nominative = organisation_nominative
        .map(|name| (query_text::NoteReading { name, organisation: true, mention: false, part: false }, true));
    for (note, uncertain) in query_text::note_readings(&query.name).into_iter().map(|n| (n, false)).chain(in_nominative)
    {
        if note.organisation && query.party_type == Some(EntityType::Person) {
            continue;
        }
        // A party whose marker says it is a person is one in every reading, though the reading
        // drops the marker (`ИП Лукашенко А. Г. | г. Минск` sent as an organisation).
        let marked_person =
            query.party_type == Some(EntityType::Organization) && crate::normalize::names_sole_proprietor(&query.name);
        let party_type = if note.part || marked_person { None } else { query.party_type };
        let reading = Query { name: note.name, party_type, ..query.clone() };
        let other = evaluate_name(snapshot, &reading, thresholds, opts, Some(&screening.fingerprint), None);
        for mut m in other.matches {
            if note.mention {
                // Only a listed name met (nearly) word for word, of five letters or more: common
                // words in notes (`(both)`, `(same)`, `(polling)`) otherwise met listed acronyms
                // and short names by sound or a letter (B.O.T.H., SAMI, Peleng).
                if m.decision != Decision::Block
                    || m.score < MIN_MENTION_SCORE
                    || listed_size(snapshot, &m).1 < MIN_MENTION_LETTERS
                {
                    continue;
                }
                at_most_review(&mut m, MENTION_DETAIL);
            }
            if uncertain && m.decision == Decision::Block {
                at_most_review(&mut m, CASE_ENDING_DETAIL);
            }
            match screening.matches.iter_mut().find(|s| s.entity == m.entity) {
                Some(s) if (m.decision, m.score) > (s.decision, s.score) => *s = m,
                Some(_) => continue,
                None => screening.matches.push(m),
            }
            changed = true;
        }
    }
    if !changed {
        return screening;
    }
    // Stable, the name's own matches first: among equals `decide`'s order stands (an entry that
    // lists the name word for word before others as high), so the truncation keeps it.
    screening.matches.sort_by(|a, b| b.decision.cmp(&a.decision).then(b.score.total_cmp(&a.score)));
    screening.matches.truncate(MAX_MATCHES);
    screening.decision = screening.matches.iter().map(|m| m.decision).max().unwrap_or(Decision::Clear);
    screening
}

/// Least score of a listed name met by one word of a note: as written, or all but a letter of a
/// long name.
const MIN_MENTION_SCORE: f64 = 0.97;
/// Fewest letters (legal forms aside) of a listed name met by one word of a note.
const MIN_MENTION_LETTERS: usize = 5;

/// A word of a name that is legal forms alone (`OAO`, `JSC`, `Co.,Ltd`).
pub(crate) fn is_legal_form(word: &str) -> bool {
    crate::normalize::tokens(word)
        .iter()
        .all(|t| crate::normalize::is_legal_form_word(t, &crate::normalize::phonetic_key(t)))
}

/// Words and letters of the listed name a match met, legal forms aside: how much of a name a
/// mention in free text or in a note of a name met.
pub(crate) fn listed_size(snapshot: &Snapshot, m: &MatchResult) -> (usize, usize) {
    let entity = &snapshot.entities[m.entity as usize];
    let words = entity.names.get(usize::from(m.name)).map(|n| n.full.split_whitespace().filter(|w| !is_legal_form(w)));
    words
        .into_iter()
        .flatten()
        .fold((0, 0), |(w, l), word| (w + 1, l + word.chars().filter(|c| c.is_alphabetic()).count()))
}

/// A match made REVIEW, its name feature saying why.
fn at_most_review(m: &mut MatchResult, why: &'static str) {
    m.decision = Decision::Review;
    if let Some(f) = m.features.iter_mut().find(|f| f.feature == "name") {
        let said = if f.detail.is_empty() { String::new() } else { format!("{}; ", f.detail) };
        f.detail = format!("{said}{why}").into();
    }
}

/// Why a company met only with a case ending taken off one of the query's words is REVIEW at most.
const CASE_ENDING_DETAIL: &str = "met with an ending of another grammatical case taken off a word of the name \
                                  (`Планара` read as Planar), which another word may merely end in: REVIEW at most";

/// Why a name met only as one word in a parenthesised note is REVIEW at most.
const MENTION_DETAIL: &str = "met as one word in a note of the name (in parentheses or brackets), which names the \
                              listed entity in passing: REVIEW at most";

/// One reading of the name. `fingerprint`: the party's, when the name is a further reading of
/// its name (the good-guy list knows the party by what it sent). `organisation_nominative`, when
/// asked for: the name of a party that may be a company, with its words in another case read in
/// the nominative (`QueryText::organisation_nominative`), unless a listed name blocks it already.
fn evaluate_name(
    snapshot: &Snapshot,
    query: &Query,
    thresholds: &Thresholds,
    opts: &Options<'_>,
    fingerprint: Option<&str>,
    organisation_nominative: Option<&mut Option<String>>,
) -> Screening {
    let opts = &Options { name_floor: opts.floor_for(query, thresholds), ..*opts };
    // Words run together are split by what the lists hold, so the text is prepared here, against
    // this snapshot, and its words give the party's fingerprint.
    let mut text = query_text::QueryText::new(&query.name);
    let fingerprint = match (fingerprint, text.whole_words()) {
        (Some(f), _) => f.to_string(),
        (None, Some(words)) => crate::good_guys::fingerprint_of_words(query, words),
        (None, None) => crate::good_guys::fingerprint(query),
    };
    // A name that says what kind of party it is outweighs the type sent: it is screened as any
    // type (the fingerprint stays the party's as sent), and a sole proprietor's marker in Latin
    // letters (`IP`, read as initials otherwise) is no part of the name there.
    let any_type;
    let screened = if type_in_doubt(query, &text) {
        let name = query_text::without_sole_proprietor(&query.name);
        if let Some(name) = &name {
            text = query_text::QueryText::new(name);
        }
        any_type = Query { party_type: None, name: name.unwrap_or_else(|| query.name.clone()), ..query.clone() };
        &any_type
    } else {
        query
    };
    let (person, organisation) = retrieve::readings(screened);
    text.split_joined(person, organisation, &|w, person| snapshot.is_listed_word(w, person));
    let best = retrieve::best_names(snapshot, screened, &text, thresholds, opts);
    let _deciding = tracing::debug_span!("decide").entered();
    let matches = decide::decide(snapshot, query, thresholds, opts, best, &fingerprint);
    let decision = matches.iter().map(|m| m.decision).max().unwrap_or(Decision::Clear);
    if let Some(out) = organisation_nominative {
        if screened.party_type != Some(EntityType::Person) && decision != Decision::Block {
            *out = text.organisation_nominative(&query.name, &|w| snapshot.is_listed_word(w, false));
        }
    }
    Screening { decision, matches, fingerprint }
}

/// Whether the name contradicts the type it was sent with: a patronymic in a name of three words
/// or more, not first (`Гуржий Андрей Анатольевич`; a surname ending so, `Pashkevich`, makes a
/// company's name of two words, `Василевич-Лисенко`), or a sole proprietor's marker (`ИП …`), in
/// a name sent as an organisation's is a person's. Round 14 (outside) found listed persons so sent CLEAR as soon as the spelling
/// differed from the list's, which the exact lookup of `retrieve::other_type_names` requires.
/// (Not the reverse: the legal-form table holds words a person's field may hold too, `The`,
/// `Open`, `Co`; a company sent as a person is met by that exact lookup.)
fn type_in_doubt(query: &Query, text: &query_text::QueryText) -> bool {
    query.party_type == Some(EntityType::Organization)
        && (crate::normalize::names_sole_proprietor(&query.name)
            || (text.words().len() >= 3 && text.words()[1..].iter().any(|w| crate::index::name_form::is_patronymic(w))))
}

/// A small deterministic generator for the tests' random inputs (xorshift32).
#[cfg(test)]
fn xorshift(seed: u32) -> impl FnMut() -> u32 {
    let mut x = seed;
    move || {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        x
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn compare_names(a: &str, b: &str) -> MatchResult {
        let q = |n: &str| Query { name: n.into(), party_type: Some(EntityType::Person), ..Default::default() };
        compare(&q(a), &q(b), &Thresholds::default(), Arc::new(ListStats::default()))
    }

    /// Two names no word of which meets still rank, below every threshold: a respelling that
    /// matching does not read above an unrelated name.
    #[test]
    fn names_that_do_not_meet_rank_by_resemblance_and_stay_clear() {
        // Three letters off in every word: no word meets, the letters are still alike.
        let near = compare_names("Qwertyuiop Asdfghjkl", "Qxerzyuiap Asdxghjqq");
        let far = compare_names("John Smith", "Aleksandr Lukashenko");
        for r in [&near, &far] {
            assert_eq!(r.decision, Decision::Clear);
            assert!(r.score > 0.0 && r.score < f64::from(RESEMBLANCE_MAX), "{}", r.score);
            assert!(r.features.iter().any(|f| f.feature == "name" && f.detail == RESEMBLANCE_DETAIL));
        }
        assert!(near.score > far.score, "{} / {}", near.score, far.score);
        // No name on one side: nothing to resemble.
        assert_eq!(compare_names("", "John Smith").score, 0.0);
        // A name that meets keeps its own score.
        assert!(compare_names("Alexander Lukaschenko", "Aleksandr Lukashenko").score >= 0.8);
    }

    /// German `s` for з before a voiced consonant meets the `z`, at REVIEW strength: the letters
    /// allow `s` too.
    #[test]
    fn german_s_for_z_meets_its_listed_spelling_at_review_strength() {
        for (a, b) in [("Igor Koslow", "Igor Kozlov"), ("Nikolai Kusnezow", "Nikolai Kuznetsov")] {
            assert_eq!(compare_names(a, b).decision, Decision::Review, "{a} / {b}: {}", compare_names(a, b).score);
        }
        // Where German `s` is с, the name as written still blocks.
        assert_eq!(compare_names("Pjotr Maslow", "Pyotr Maslov").decision, Decision::Block);
    }

    fn compare_orgs(a: &str, b: &str) -> MatchResult {
        let q = |n: &str| Query { name: n.into(), party_type: Some(EntityType::Organization), ..Default::default() };
        compare(&q(a), &q(b), &Thresholds::default(), Arc::new(ListStats::default()))
    }

    #[test]
    fn an_organisation_s_initials_meet_its_name_at_review_strength() {
        for (a, b) in [
            ("IRGC", "Islamic Revolutionary Guard Corps"),
            ("IBM Corp.", "International Business Machines Corporation"),
            ("Bank of China", "BOC"),
            ("NIOC", "National Iranian Oil Company"),
        ] {
            let r = compare_orgs(a, b);
            assert_eq!((r.decision, r.score), (Decision::Review, ACRONYM_SCORE), "{a} / {b}");
        }
        // Other initials, a person, one word against one: no.
        assert_eq!(compare_orgs("IRGC", "Islamic Revolutionary Guard").decision, Decision::Clear);
        assert_eq!(compare_names("IK", "Ivan Kozlov").decision, Decision::Clear);
        assert_eq!(compare_orgs("AB", "Abcde").decision, Decision::Clear);
    }

    /// A number written as an ordinal or a Roman numeral meets its digits; another number is
    /// another organisation, however alike the rest.
    #[test]
    fn organisations_of_other_numbers_are_other_organisations() {
        // An ordinal is its cardinal, as a word a letter off is, and two digits of a long number
        // swapped are a slip: not CLEAR. Another number is CLEAR, however alike the rest.
        for (a, b, expected) in [
            ("101st Light Infantry Division", "101 Light Infantry Division", Some(Decision::Block)),
            ("Rim Group Investments III Corp", "Rim Group Investments 3 Corp", Some(Decision::Block)),
            ("OJSC 558 Aircraft Repair Plant", "558 Aircraft Repair Plant OJSC", Some(Decision::Block)),
            ("5th Energy", "5 Energy", None),
            ("EW-78483", "EW-78843", None),
            ("OJSC 558 Aircraft Repair Plant", "OJSC 557 Aircraft Repair Plant", Some(Decision::Clear)),
            (
                "72nd Automotive and Armored Vehicle Repair Plant",
                "71st Automotive and Armored Vehicle Repair Plant",
                Some(Decision::Clear),
            ),
            ("Rim Group Investments III Corp", "Rim Group Investments II Corp", Some(Decision::Clear)),
        ] {
            let r = compare_orgs(a, b);
            match expected {
                Some(d) => assert_eq!(r.decision, d, "{a} / {b}: {}", r.score),
                None => assert_ne!(r.decision, Decision::Clear, "{a} / {b}: {}", r.score),
            }
        }
    }

    /// Company words inflected or borrowed (`Trading` / `Trade`, `Tekhnologii` / `Technologies`)
    /// do not stand between two names of one company.
    #[test]
    fn company_words_inflected_or_borrowed_meet() {
        for (a, b) in [
            ("LLC Grant-Trade", "OOO Grant Treid"),
            ("Closed Joint Stock Company RSK Technologies", "ZAO RSK Tekhnologii"),
            ("Belarusian Oil Trade House", "Belarusian Oil Trading House"),
            ("Fajr Composite Industries", "Fajr Composites Industry"),
        ] {
            let r = compare_orgs(a, b);
            assert_ne!(r.decision, Decision::Clear, "{a} / {b}: {}", r.score);
        }
    }

    /// A Belarusian's name in its Belarusian form meets the Russian form word for word, however
    /// the given name is spelt (`Siarhej`), and the patronymic is the same father's
    /// (`Tsimafeeuna`, Timofeevna).
    #[test]
    fn belarusian_and_russian_forms_of_one_name_meet() {
        for (a, b) in [
            ("Sergey Alexandrovich Gusachenko", "Siarhej Aliaksandravich Husachenka"),
            ("Elena Timofeevna Nekrasova", "Alena Tsimafeeuna Nekrasova"),
            ("Ivan Stanislavovich Tertel", "Ivan Stanislavavich Tsertsel"),
        ] {
            let r = compare_names(a, b);
            assert_ne!(r.decision, Decision::Clear, "{a} / {b}: {}", r.score);
        }
        // Another father: as likely another person as a patronymic made up, REVIEW, never BLOCK.
        assert_eq!(compare_names("Elena Petrovna Nekrasova", "Alena Tsimafeeuna Nekrasova").decision, Decision::Review);
    }
}
