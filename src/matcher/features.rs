//! Secondary features: date of birth, country, identifiers. Each compares the query with one
//! listed entity and says how much it moves the name score; agreement raises it a little,
//! conflict lowers it more (a wrong date of birth is strong evidence of another person).

use std::borrow::Cow;

use crate::index::kinds_comparable;
use crate::model::{Entity, Identifier, PartialDate};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Absent,
    Match,
    Partial,
    Conflict,
}

/// One feature compared. A secondary feature the query does not give is not compared at all, and
/// not reported: its functions return `None` (a match used to carry three `ABSENT` features with
/// the same prose each, over half of a hit's response bytes).
#[derive(Debug, Clone)]
pub struct Feature {
    pub feature: &'static str,
    pub score: f64,
    pub outcome: Outcome,
    /// Fixed prose for most outcomes, formatted only when it names values.
    pub detail: Cow<'static, str>,
    /// What this feature adds to (or takes from) the name score.
    pub adjustment: f64,
}

impl Feature {
    fn absent(feature: &'static str, detail: &'static str) -> Feature {
        Feature { feature, score: 0.0, outcome: Outcome::Absent, detail: Cow::Borrowed(detail), adjustment: 0.0 }
    }
}

/// `None` when the query gives no date of birth.
pub fn date_of_birth(query: Option<PartialDate>, listed: &[PartialDate]) -> Option<Feature> {
    let q = query?;
    // A date of birth after tomorrow (UTC; tomorrow is today somewhere) is a slip of the field, a
    // payment date or a year typed wrong: compared, it would count as evidence of another person.
    // Not compared, and said so; not refused, which would leave a whole payment unscreened for
    // one party's optional field (round 22).
    if after_tomorrow(q) {
        return Some(Feature::absent("date_of_birth", "the date of birth sent is after today: not compared"));
    }
    // Nobody alive was born in 1900 or before: such a date is a placeholder for an unknown one
    // (`1900-01-01`, `0001-01-01`), and compared it would count against a listed person.
    if q.year <= PLACEHOLDER_YEARS_TO {
        return Some(Feature::absent(
            "date_of_birth",
            "the date of birth sent is in 1900 or before, a placeholder for an unknown date: not compared",
        ));
    }
    let Some(((score, outcome, adjustment), l)) = closest(q, listed) else {
        return Some(Feature::absent("date_of_birth", "the list gives no date of birth"));
    };
    Some(Feature {
        feature: "date_of_birth",
        score,
        outcome,
        detail: Cow::Owned(format!("query {q}, listed {l}")),
        adjustment,
    })
}

/// Whether the party's date of birth is a listed one as far as the list gives it, when the list
/// gives the year alone: the same year (and the date not one [`date_of_birth`] leaves
/// uncompared). A listed full date is met only in full (`EXACT_DOB`).
pub fn birth_year_as_listed(query: Option<PartialDate>, listed: &[PartialDate]) -> bool {
    query.is_some_and(|q| {
        q.year > PLACEHOLDER_YEARS_TO
            && !after_tomorrow(q)
            && listed.iter().any(|l| l.month.is_none() && l.day.is_none() && l.year == q.year)
    })
}

/// The last year of birth read as a placeholder (see [`date_of_birth`]).
const PLACEHOLDER_YEARS_TO: u16 = 1900;

/// Whether the party's date of birth rules out the list's (as [`date_of_birth`]'s CONFLICT,
/// without writing its detail).
pub fn dob_conflicts(query: PartialDate, listed: &[PartialDate]) -> bool {
    !after_tomorrow(query)
        && query.year > PLACEHOLDER_YEARS_TO
        && closest(query, listed).is_some_and(|((_, outcome, _), _)| outcome == Outcome::Conflict)
}

/// The listed date of birth closest to the party's, and how they compare.
fn closest(q: PartialDate, listed: &[PartialDate]) -> Option<((f64, Outcome, f64), &PartialDate)> {
    listed.iter().map(|l| (compare_dates(q, *l), l)).max_by(|a, b| a.0 .0.total_cmp(&b.0 .0))
}

/// Whether a date, to the precision given, is after tomorrow (UTC).
fn after_tomorrow(date: PartialDate) -> bool {
    let tomorrow = time::OffsetDateTime::now_utc().date().next_day().unwrap_or(time::Date::MAX);
    let given = (date.year, date.month.unwrap_or(1), date.day.unwrap_or(1));
    given > (u16::try_from(tomorrow.year()).unwrap_or(u16::MAX), u8::from(tomorrow.month()), tomorrow.day())
}

/// What a date of birth equal to the listed one, day, month and year, adds to a match: the most a
/// date of birth adds.
pub const EXACT_DOB: f64 = 0.05;

/// What a country the entity is listed with adds to a match: the most a country adds.
pub const COUNTRY_MATCH: f64 = 0.02;

/// (score, outcome, adjustment) for two dates of possibly different precision.
fn compare_dates(q: PartialDate, l: PartialDate) -> (f64, Outcome, f64) {
    if q.year != l.year {
        let swapped = digits_transposed(q.year, l.year);
        let close = q.year.abs_diff(l.year) <= 1;
        return if swapped || close { (0.5, Outcome::Partial, 0.0) } else { (0.0, Outcome::Conflict, -0.2) };
    }
    match (q.month, l.month, q.day, l.day) {
        (Some(qm), Some(lm), Some(qd), Some(ld)) => {
            if qm == lm && qd == ld {
                (1.0, Outcome::Match, EXACT_DOB)
            } else if qm == ld && qd == lm {
                // Day and month swapped (US vs European order).
                (0.8, Outcome::Partial, 0.03)
            } else if qm == lm || qd == ld {
                (0.6, Outcome::Partial, 0.0)
            } else {
                (0.3, Outcome::Conflict, -0.1)
            }
        }
        (Some(qm), Some(lm), _, _) if qm != lm => (0.4, Outcome::Partial, -0.05),
        _ => (0.8, Outcome::Partial, 0.02),
    }
}

fn digits_transposed(a: u16, b: u16) -> bool {
    let (a, b) = (a.to_string().into_bytes(), b.to_string().into_bytes());
    if a.len() != b.len() {
        return false;
    }
    let diff: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
    diff.len() == 2 && diff[1] == diff[0] + 1 && a[diff[0]] == b[diff[1]] && a[diff[1]] == b[diff[0]]
}

/// `None` when the query gives no country.
pub fn country(query: Option<&str>, listed: &[String]) -> Option<Feature> {
    let q = query?;
    if listed.is_empty() {
        return Some(Feature::absent("country", "the list gives no country"));
    }
    // A country not recognised (`Atlantis`, `XX`, a typo) is no evidence of another party: not
    // compared, and said so (round 21 saw it counted against a listed person).
    // (`normalize::country_key` gives a recognised country as its upper-case ISO code, other
    // text folded to lower case.)
    if !(q.len() == 2 && q.bytes().all(|b| b.is_ascii_uppercase())) {
        return Some(Feature::absent("country", "the query's country is not one screener recognises: not compared"));
    }
    Some(if listed.iter().any(|l| l == q) {
        Feature {
            feature: "country",
            score: 1.0,
            outcome: Outcome::Match,
            detail: Cow::Owned(format!("{q} is listed")),
            adjustment: COUNTRY_MATCH,
        }
    } else {
        Feature {
            feature: "country",
            score: 0.0,
            outcome: Outcome::Conflict,
            detail: Cow::Owned(format!("query {q}, listed {}", listed.join(", "))),
            adjustment: -0.05,
        }
    })
}

/// Returns the feature (`None` when the query gives no identifier) and whether an identifier is
/// equal to a listed one (which blocks on its own). `countries`: the entity's listed countries'
/// keys, against which a number written after a country's code is also compared without it;
/// `prefixed`: each query identifier's `Identifier::country_prefixed`, read once per screening
/// by the caller rather than once per entity.
pub fn identifier(
    query: &[Identifier],
    prefixed: &[Option<(String, String)>],
    entity: &Entity,
    countries: &[String],
) -> (Option<Feature>, bool) {
    if query.is_empty() {
        return (None, false);
    }
    if entity.identifiers.is_empty() {
        return (Some(Feature::absent("identifier", "the list gives no identifier")), false);
    }
    for (i, q) in query.iter().enumerate() {
        let qk = q.key();
        let without_code = prefixed.get(i).and_then(Option::as_ref).filter(|(code, _)| countries.contains(code));
        let equal = |k: &str| k == qk || without_code.is_some_and(|(_, rest)| rest == k);
        if let Some(l) = entity.identifiers.iter().find(|l| kinds_comparable(q.kind, l.kind) && equal(&l.key())) {
            let detail = Cow::Owned(format!("{} {} is listed", l.kind.as_str(), l.value));
            return (
                Some(Feature { feature: "identifier", score: 1.0, outcome: Outcome::Match, detail, adjustment: 0.0 }),
                true,
            );
        }
    }
    let comparable = query.iter().any(|q| entity.identifiers.iter().any(|l| kinds_comparable(q.kind, l.kind)));
    if comparable {
        let f = Feature {
            feature: "identifier",
            score: 0.0,
            outcome: Outcome::Conflict,
            detail: Cow::Borrowed("a listed identifier of the same kind differs"),
            adjustment: -0.05,
        };
        (Some(f), false)
    } else {
        (Some(Feature::absent("identifier", "no listed identifier of the same kind")), false)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> PartialDate {
        PartialDate::parse_iso(s).expect("date")
    }

    #[test]
    fn a_placeholder_date_of_birth_is_not_compared() {
        for placeholder in ["9999-12-31", "0001-01-01", "1900-01-01", "1800"] {
            let q = PartialDate::parse_typed(placeholder).expect("a date a caller may type");
            let f = date_of_birth(Some(q), &[d("1954-08-30")]).expect("given");
            assert_eq!((f.outcome, f.adjustment), (Outcome::Absent, 0.0), "{placeholder}");
        }
        assert_eq!(
            date_of_birth(Some(d("1901-01-01")), &[d("1954-08-30")]).map(|f| f.outcome),
            Some(Outcome::Conflict)
        );
        // The check without the feature says the same.
        for (q, listed) in [("1901-01-01", "1954-08-30"), ("1954", "1954-08-30"), ("1900-01-01", "1954-08-30")] {
            let q = PartialDate::parse_typed(q).expect("date");
            let f = date_of_birth(Some(q), &[d(listed)]).expect("given");
            assert_eq!(dob_conflicts(q, &[d(listed)]), f.outcome == Outcome::Conflict);
        }
        assert!(!dob_conflicts(d("1901-01-01"), &[]));
        // Unknown parts written `00` leave a date of that precision.
        assert_eq!(PartialDate::parse_typed("1954-00-00"), Some(d("1954")));
        assert_eq!(PartialDate::parse_typed("1954-08-00"), Some(d("1954-08")));
        for not_a_date in ["0000-01-01", "9999-02-29", "99999", "1954-13-01", "1954-00-30", "-00-00"] {
            assert_eq!(PartialDate::parse_typed(not_a_date), None, "{not_a_date}");
        }
    }

    #[test]
    fn a_date_of_birth_after_tomorrow_is_not_compared() {
        let next_year = time::OffsetDateTime::now_utc().year() + 1;
        let f = date_of_birth(Some(d(&format!("{next_year}-01-01"))), &[d("1954-08-30")]).expect("given");
        assert_eq!((f.outcome, f.adjustment), (Outcome::Absent, 0.0));
        assert!(f.detail.contains("after today"));
        let today = time::OffsetDateTime::now_utc().date();
        let today = format!("{:04}-{:02}-{:02}", today.year(), u8::from(today.month()), today.day());
        assert_eq!(date_of_birth(Some(d(&today)), &[d("1954-08-30")]).map(|f| f.outcome), Some(Outcome::Conflict));
    }

    #[test]
    fn dates() {
        assert_eq!(compare_dates(d("1954-08-30"), d("1954-08-30")).1, Outcome::Match);
        assert_eq!(compare_dates(d("1954"), d("1954-08-30")).1, Outcome::Partial);
        assert_eq!(compare_dates(d("1945"), d("1954")).1, Outcome::Partial);
        assert_eq!(compare_dates(d("1970"), d("1954")).1, Outcome::Conflict);
    }
}
