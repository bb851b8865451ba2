//! Retrieval of the listed persons a full name of three words may name with two slips in the
//! surname (`score::SLIPPED_SURNAME_SCORE`): `Viktor Gennadevich KXHENIN` for Viktor Gennadevich
//! KHRENIN.
//!
//! Retrieval reaches listed words one slip away, and its bounds rule out a name whose surname
//! (two thirds of a person's weight) met nothing: such a name is never scored. Here the names
//! holding both the query's given name and its patronymic, met closely, are looked through for a
//! surname two slips from the query's, and those few are scored in full: not when the query's
//! surname is a word the lists hold as written (`PARSHIN Andrei Yevgenevich` is a listed name,
//! not two slips in another listed Andrei Yevgenevich's LAPSHIN; `NameForm::surname_listed`,
//! which scoring reads too), and not a name whose surname the query's meets as a pair, which
//! scoring aligns and the rule leaves. So screening finds what scoring every name would.

use super::score::{self, Unit};
use super::similarity::{self, BLOCK_PAIR_SIM, MIN_TOKEN_SIM};
use crate::index::name_form::{NameForm, Role};
use crate::index::Snapshot;

/// The listed names (variants) worth scoring for a slipped surname, in snapshot order. `near` is
/// retrieval's (query unit, listed token, similarity) of the person reading.
pub(super) fn candidates(
    snapshot: &Snapshot,
    form: &NameForm,
    units: &[Unit<'_>],
    near: impl Iterator<Item = (u8, u32, f32)> + Clone,
) -> Vec<u32> {
    let mut out = Vec::new();
    let Some([given, patronymic, surname]) = score::full_name_places(form) else { return out };
    let written = &form.tokens[surname].text;
    if form.surname_listed || written.chars().count() < similarity::TWO_SLIPS_SHORT_MIN_CHARS {
        return out;
    }
    // The unit standing for one query word as written (not joined, not an initial).
    let unit_of = |qi: usize| {
        units.iter().position(|u| u.mask == 1 << qi && !u.initial && !u.glued).and_then(|ui| u8::try_from(ui).ok())
    };
    let (Some(gu), Some(pu)) = (unit_of(given), unit_of(patronymic)) else { return out };
    let close = |unit: u8| near.clone().filter(move |&(u, _, sim)| u == unit && sim >= BLOCK_PAIR_SIM);
    // Listed surnames the query's surname meets as a pair: scoring aligns them, so the rule
    // cannot apply to those names (a listed person's own name is not scored twice).
    let paired: Vec<u32> = match unit_of(surname) {
        Some(su) => near.clone().filter(|&(u, _, sim)| u == su && sim >= MIN_TOKEN_SIM).map(|(_, ti, _)| ti).collect(),
        None => Vec::new(),
    };
    let given_tokens: Vec<u32> = close(gu).map(|(_, ti, _)| ti).collect();
    let patronymic_tokens: Vec<u32> = close(pu).map(|(_, ti, _)| ti).collect();
    if given_tokens.is_empty() || patronymic_tokens.is_empty() {
        return out;
    }
    // The names holding both are found through the rarer of the two (a patronymic is in fewer
    // names than `Aleksandr`, as a rule, but not always), checking each name for the other.
    let occurrences = |tokens: &[u32]| -> usize {
        tokens.iter().map(|&ti| snapshot.tokens[ti as usize].occurrences(true).len()).sum()
    };
    let (through, through_role, other, other_role) = if occurrences(&given_tokens) < occurrences(&patronymic_tokens) {
        (&given_tokens, Role::Given, &patronymic_tokens, Role::Patronymic)
    } else {
        (&patronymic_tokens, Role::Patronymic, &given_tokens, Role::Given)
    };
    let written_bytes = written.len();
    for &ti in through {
        for o in snapshot.tokens[ti as usize].occurrences(true) {
            let v = &snapshot.variants[o.variant as usize];
            if v.parts.get(usize::from(o.pos)).is_none_or(|p| p.role != through_role)
                || !v.parts.iter().any(|p| p.role == other_role && other.contains(&p.token))
            {
                continue;
            }
            let mut surnames = v.parts.iter().filter(|p| p.role == Role::Surname);
            if let (Some(listed), None) = (surnames.next(), surnames.next()) {
                let text = &snapshot.tokens[listed.token as usize].tok.text;
                // Two slips change a folded spelling's length by at most two letters, a few bytes.
                if text.len().abs_diff(written_bytes) <= 8
                    && !paired.contains(&listed.token)
                    && similarity::two_slips(written, text, form.typed_in_cyrillic)
                {
                    out.push(o.variant);
                }
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}
