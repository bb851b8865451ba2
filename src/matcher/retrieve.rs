//! Retrieval: from a query's words to the listed names worth scoring, and the best name of each
//! entity reached. The cost of a screening is here (see the README, "Retrieval"): listed tokens are
//! found by hash lookups, compared once each, and names are ruled out by upper bounds on what they
//! can score before they are aligned in full.

use rustc_hash::FxHashMap;

use super::query_text::{query_forms, QueryText};
use super::{score, similarity, Options, Query, Thresholds};
use crate::index::name_form::{self, NameForm};
use crate::index::Snapshot;
use crate::model::EntityType;

/// A query unit and a listed token near it, compared once.
#[derive(Debug, Clone, Copy)]
struct Near {
    unit: u8,
    /// Index into `Snapshot::tokens`.
    token: u32,
    sim: f32,
    /// The unit meets the token only as its prefix (`score::Pair::prefix`).
    prefix: bool,
    /// Whether the unit belongs to the person reading of the query (else the organisation one).
    person: bool,
}

/// A listed name holding a near token: its share of the name's bound and the aligned pair.
#[derive(Debug, Clone, Copy)]
struct Hit {
    variant: u32,
    share: f32,
    pair: score::Pair,
    /// The pair meets a brand of the name letter for letter (see [`brand_met`]).
    brand: bool,
}

/// Whether a listed token's occurrence, met with this similarity, may lift its name to
/// [`score::ORG_BRAND_SCORE`] whatever its share: a brand met letter for letter.
fn brand_met(o: &crate::index::Occurrence, sim: f32) -> bool {
    o.brand && sim >= score::ORG_COVERED_SIM
}

/// A name's bound from its shares, raised to [`score::ORG_BRAND_SCORE`] when a brand of it was
/// met (`brand`).
fn with_brand(bound: f32, brand: bool) -> f32 {
    if brand {
        bound.max(score::ORG_BRAND_SCORE)
    } else {
        bound
    }
}

/// The best name of one entity: its score, which of the entity's names, and how it matched.
#[derive(Debug, Clone, Default)]
pub(super) struct BestName {
    pub score: f32,
    pub name: u16,
    pub how: score::NameScore,
    /// Met as a listed name of the other type than the party's (see [`other_type_names`]).
    pub other_type: bool,
}

/// How a name ranks among its entity's names (see `best_names`): blocks without caveats, score,
/// listed word for word as asked.
type Rank = (bool, f32, bool);

/// The highest rank: no name ranks above one met word for word without caveats.
const MOST_RANK: Rank = (true, 1.0, true);

/// Bounds are sums of f32 shares, rounded differently from the score they bound: a name scoring
/// exactly the floor must not be ruled out by a bound a rounding below it.
const BOUND_MARGIN: f32 = 1e-4;
/// Tokens occurring in fewer names are always visited: deferring them would save little and
/// use up the budget that the common ones need.
const MIN_DEFERRED_OCCURRENCES: usize = 64;
/// A token's occurrences of low share are deferred apart from those of high share only when
/// there are this many: a name visited for its other tokens is then searched for the deferred
/// ones, and for fewer the search costs more than visiting them (Belarus lists: a given name
/// in 82 names, of which one of high share).
const MIN_PARTLY_DEFERRED: usize = 128;
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

/// What deferring a unit's occurrences of this share adds to what its deferred tokens add (a
/// unit aligns with one listed token at most, so the largest of its deferred shares counts).
fn grows_at(sim: f32, share: f32, unit_spent: f32) -> f32 {
    (sim * share - unit_spent).max(0.0)
}

/// [`crate::index::VariantBound::given_relax`] once a name's pairs are known: only when one of them
/// meets a given name or the patronymic (or an initial may) can the given names they leave out
/// weigh half, and only those.
fn paired_relax(
    v: &crate::index::Variant,
    vb: &crate::index::VariantBound,
    pairs: &[score::Pair],
    initials: bool,
) -> f32 {
    if !vb.person {
        return 1.0;
    }
    let given_or_patronymic =
        |pos: usize| matches!(v.parts[pos].role, name_form::Role::Given | name_form::Role::Patronymic);
    if !initials && !pairs.iter().any(|p| given_or_patronymic(usize::from(p.pos))) {
        return 1.0;
    }
    let left_out: f32 = v
        .parts
        .iter()
        .enumerate()
        .filter(|(pos, part)| part.role == name_form::Role::Given && !pairs.iter().any(|p| usize::from(p.pos) == *pos))
        .map(|(_, part)| part.weight)
        .sum();
    crate::index::given_relax(vb.required_weight, left_out)
}

/// Pairs a listed given name or patronymic that retrieval did not reach with a short query word
/// one slip away from it (`similarity::short_typo`), and returns the weight they add. Retrieval meets a
/// slip through one-letter deletions, but a slip in a Cyrillic letter romanised with two
/// (`Оюег`, `oyueg` for Oleg) or a two-letter spelling against a one-letter one changes the length
/// by two; such words are only worth comparing within names already retrieved by other words.
/// So is a short given name written in another script whose consonants are one class
/// (`similarity::short_loose`).
///
/// A common given name is a part of thousands of retrieved names, so each (unit, listed token)
/// comparison is made once per query and kept in `memo`, and each word respelt once.
fn short_slips<'s>(
    snapshot: &'s Snapshot,
    v: &crate::index::Variant,
    units: &[score::Unit],
    slip_units: &[SlipUnit<'_>],
    pairs: &mut Vec<score::Pair>,
    memo: &mut SlipMemo<'s>,
) -> f32 {
    let mut added = 0.0;
    for (pos, part) in v.parts.iter().enumerate() {
        if !matches!(part.role, name_form::Role::Given | name_form::Role::Patronymic)
            || pairs.iter().any(|p| usize::from(p.pos) == pos)
        {
            continue;
        }
        let listed = &snapshot.tokens[part.token as usize].tok;
        if listed.text.len() > MAX_SLIP_BYTES {
            continue;
        }
        for su in slip_units {
            let ui = su.unit;
            let u = &units[usize::from(ui)];
            if pairs.iter().any(|p| units.get(usize::from(p.unit)).is_some_and(|o| o.mask & u.mask != 0)) {
                continue;
            }
            let sim = match memo.pairs.get(&(ui, part.token)) {
                Some(&sim) => sim,
                None => {
                    // A common given name's names hold a few dozen distinct short words: room
                    // for them at once rather than growing the maps a word at a time.
                    if memo.pairs.is_empty() {
                        memo.pairs.reserve(64);
                        memo.listed.reserve(32);
                    }
                    let listed_respelt =
                        memo.listed.entry(part.token).or_insert_with(|| similarity::respelt(&listed.text));
                    let sim = similarity::short_typo_respelt(&u.token, &su.respelt, listed, listed_respelt)
                        .max(similarity::short_loose(&u.token, listed));
                    memo.pairs.insert((ui, part.token), sim);
                    sim
                }
            };
            if sim >= similarity::MIN_PAIR_SIM {
                pairs.push(score::Pair { unit: ui, pos: pos as u8, sim, prefix: u.cut && u.only_as_prefix(listed) });
                added += sim * part.weight;
            }
        }
    }
    added
}

/// A query unit that may be a slip in a short given name, and its respelling
/// (`similarity::respelt`).
struct SlipUnit<'q> {
    unit: u8,
    respelt: similarity::Respelt<'q>,
}

/// What [`short_slips`] has compared in this query: each (unit, listed token) pair's similarity,
/// and each listed token's respelling.
#[derive(Default)]
struct SlipMemo<'s> {
    pairs: FxHashMap<(u8, u32), f32>,
    listed: FxHashMap<u32, similarity::Respelt<'s>>,
}

/// The most [`short_slips`] can add to a name: every given name and patronymic that retrieval did
/// not pair, at the credit of a slip. Most names a query reaches cannot get to the floor even so,
/// and are not compared word by word.
fn short_slips_bound(v: &crate::index::Variant, paired: impl Fn(usize) -> bool) -> f32 {
    v.parts
        .iter()
        .enumerate()
        .filter(|(pos, part)| {
            matches!(part.role, name_form::Role::Given | name_form::Role::Patronymic) && !paired(*pos)
        })
        .map(|(_, part)| similarity::SHORT_TYPO_SIM.max(similarity::SHORT_LOOSE_SIM) * part.weight)
        .sum()
}

/// Words longer than this (in bytes of the folded spelling) are not short words, however their
/// letters were romanised (five Cyrillic letters are at most a dozen Latin ones, `shch` and all).
const MAX_SLIP_BYTES: usize = 12;

/// Whether a name whose found pairs add up to `bound` (a sum of shares) cannot reach
/// `name_floor`, whatever the deferred tokens (`spent`) and the query's initials add: the first
/// bound of retrieval, before a name's own tokens are read.
fn ruled_out(bound: f32, spent: f32, initial_bonus: f32, vb: &crate::index::VariantBound, name_floor: f32) -> bool {
    let extra = if vb.person { initial_bonus / vb.required_weight } else { 0.0 };
    (bound + spent + extra) * vb.given_relax + vb.legal_slack + BOUND_MARGIN < name_floor
        && !kind_lifts(bound + spent, vb, name_floor)
}

/// Whether an organisation's name whose shares add up to `bound` may reach `name_floor` when all
/// of it but its word of kind (`Plant`) is met ([`score::ORG_KIND_LEFT_SCORE`]). Asked of names
/// already ruled out otherwise: most names have no word of kind (`kind_share` 0).
fn kind_lifts(bound: f32, vb: &crate::index::VariantBound, name_floor: f32) -> bool {
    vb.kind_share > 0.0
        && bound + vb.kind_share + BOUND_MARGIN >= 1.0
        && score::ORG_KIND_LEFT_SCORE + vb.legal_slack + BOUND_MARGIN >= name_floor
}

/// Per listed name (variant) of a snapshot, the sum of its shares in this query and how many
/// hits it has: a slot per name, reused between calls on a thread (as `SEEN`) and marked by
/// round, so a query reads and writes only the names it reaches. Sixteen bytes a name a thread
/// (tens of kilobytes on the Belarus lists, 24 MB at a million and a half names).
///
/// The names kept are then sorted, and their hits laid out name after name (a counting sort by
/// name): screening scores names in snapshot order, and a name's pairs in the order retrieval
/// found them.
#[derive(Default)]
struct Sums {
    /// Even: this query's round; `round + 1` marks a name kept.
    round: u32,
    slots: Vec<Slot>,
    /// The names reached, in the order first reached; then the names kept, in snapshot order.
    touched: Vec<u32>,
}

#[derive(Clone, Copy, Default)]
struct Slot {
    round: u32,
    sum: f32,
    /// A brand of the name was met ([`brand_met`]).
    brand: bool,
    /// The name's hits; once kept, where its next hit goes.
    at: u32,
}

impl Sums {
    fn start(&mut self, variants: usize) {
        if self.slots.len() < variants {
            self.slots.resize(variants, Slot::default());
        }
        self.round = self.round.wrapping_add(2);
        if self.round == 0 {
            self.slots.fill(Slot::default());
            self.round = 2;
        }
        self.touched.clear();
    }

    fn add(&mut self, variant: u32, share: f32, brand: bool) {
        let slot = &mut self.slots[variant as usize];
        if slot.round != self.round {
            *slot = Slot { round: self.round, sum: 0.0, at: 0, brand: false };
            self.touched.push(variant);
        }
        slot.brand |= brand;
        slot.sum += share;
        slot.at += 1;
    }

    /// Keeps the names reached for which `keep(name, sum, brand met)` holds, and places their
    /// hits: returns how many they have.
    fn keep(&mut self, keep: impl Fn(u32, f32, bool) -> bool) -> usize {
        let slots = &mut self.slots;
        let round = self.round;
        self.touched.retain(|&v| keep(v, slots[v as usize].sum, slots[v as usize].brand));
        self.touched.sort_unstable();
        let mut at = 0;
        for &v in &self.touched {
            let slot = &mut slots[v as usize];
            let n = slot.at;
            *slot = Slot { round: round + 1, at, ..*slot };
            at += n;
        }
        at as usize
    }

    /// Where the next hit of `variant` goes, if the name is kept.
    fn place(&mut self, variant: u32) -> Option<usize> {
        let slot = &mut self.slots[variant as usize];
        (slot.round == self.round + 1).then(|| {
            slot.at += 1;
            slot.at as usize - 1
        })
    }
}

std::thread_local! {
    /// This thread's [`Sums`].
    static SUMS: std::cell::RefCell<Sums> = std::cell::RefCell::new(Sums::default());
}

std::thread_local! {
    /// Per listed token, the round of [`distinct`] that last saw it.
    static SEEN: std::cell::RefCell<(u32, Vec<u32>)> = const { std::cell::RefCell::new((0, Vec::new())) };
}

/// Sorts `ids` (listed token ids, below `tokens`) and drops repeats. A word's lookups (its key and
/// spelling, each with every letter deleted) find the same listed token many times: a listed
/// person's surname brings a few hundred ids, and sorting them all was a twentieth of screening
/// that person. Repeats are dropped first, by a mark per token kept between calls on this thread.
fn distinct(ids: &mut Vec<u32>, tokens: usize) {
    if ids.len() > 16 {
        SEEN.with_borrow_mut(|(round, seen)| {
            if seen.len() < tokens {
                seen.resize(tokens, 0);
            }
            *round = round.wrapping_add(1);
            if *round == 0 {
                seen.fill(0);
                *round = 1;
            }
            let r = *round;
            ids.retain(|&id| match seen.get_mut(id as usize) {
                Some(s) if *s == r => false,
                Some(s) => {
                    *s = r;
                    true
                }
                None => true,
            });
        });
    }
    ids.sort_unstable();
    ids.dedup();
}

/// Which readings of the query's name are screened: as a person's, as an organisation's, or
/// both when the party type is not given.
pub(super) fn readings(query: &Query) -> (bool, bool) {
    (query.party_type.is_none_or(|t| t == EntityType::Person), query.party_type != Some(EntityType::Person))
}

fn type_compatible(query: Option<EntityType>, listed: EntityType) -> bool {
    match (query, listed) {
        (None, _) | (_, EntityType::Unknown) => true,
        (Some(EntityType::Person), t) => t == EntityType::Person,
        (Some(_), t) => t != EntityType::Person,
    }
}

/// The best-scoring name of every listed entity a query can reach: query units, listed tokens
/// near each, deferral of common tokens, bounds that rule most names out unscored, then the name
/// alignment (`score`) of the rest.
pub(super) fn best_names(
    snapshot: &Snapshot,
    query: &Query,
    text: &QueryText,
    thresholds: &Thresholds,
    opts: &Options<'_>,
) -> FxHashMap<u32, BestName> {
    let Options { name_floor, keep_clear, prune, .. } = *opts;
    // Stage spans: debug level, so they cost nothing unless traces are exported.
    let retrieval = tracing::debug_span!("retrieve", candidates = tracing::field::Empty).entered();
    let weight_of = |k: &str| snapshot.word_weight(k);
    let (want_person, want_org) = readings(query);
    let (mut person_form, mut org_form) = query_forms(text, want_person, want_org, &weight_of);
    // A person's given names meet their equivalents in other languages, an organisation's
    // generic words their translations (`Works` / `Plant` / `Zavod`). Set on the form's words,
    // which the units borrow, and on the units' own words (words joined): a unit's borrowed word
    // set apart would be cloned with all its readings.
    let person_equivalents = |t: &mut name_form::Token| {
        let equivalents = snapshot.name_equivalents(&t.key);
        if !equivalents.is_empty() {
            t.set_equivalents(equivalents);
        }
    };
    let org_equivalents = |t: &mut name_form::Token| {
        let synonyms = crate::index::org_synonym_keys(&t.text, &t.key);
        if !synonyms.is_empty() {
            t.set_equivalents(synonyms);
        }
    };
    for t in person_form.iter_mut().flat_map(|f| f.tokens.iter_mut()) {
        person_equivalents(t);
    }
    // A full name's surname that the lists hold as written is no slip (`score::SLIPPED_SURNAME_SCORE`).
    if let Some(f) = person_form.as_mut() {
        if let Some([_, _, surname]) = score::full_name_places(f) {
            f.surname_listed = snapshot.is_listed_word(&f.tokens[surname].text, true);
            f.typed_in_cyrillic = crate::normalize::has_cyrillic(&query.name);
        }
    }
    for t in org_form.iter_mut().flat_map(|f| f.tokens.iter_mut()) {
        org_equivalents(t);
    }
    let mut person_units = person_form.as_ref().map(score::units).unwrap_or_default();
    for u in &mut person_units {
        if let std::borrow::Cow::Owned(t) = &mut u.token {
            person_equivalents(t);
        }
    }
    let mut org_units = org_form.as_ref().map(score::units).unwrap_or_default();
    for u in &mut org_units {
        if let std::borrow::Cow::Owned(t) = &mut u.token {
            org_equivalents(t);
        }
    }
    // The person units that may be a slip in a short given name (see `short_slips`).
    let slip_units: Vec<SlipUnit<'_>> = person_units
        .iter()
        .enumerate()
        .filter(|(_, u)| {
            !u.initial && !u.glued && u.token.role != name_form::Role::Title && u.token.text.len() <= MAX_SLIP_BYTES
        })
        .map(|(i, u)| SlipUnit { unit: i as u8, respelt: similarity::respelt(&u.token.text) })
        .collect();
    let loose_slips =
        slip_units.iter().any(|su| person_units[usize::from(su.unit)].token.loose().iter().any(|l| l.len() == 1));

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
    let mut matched: Vec<Near> = Vec::with_capacity(32);
    if !keep_clear {
        let mut near = Vec::with_capacity(64);
        for (units, form) in [(&person_units, &person_form), (&org_units, &org_form)] {
            let Some(form) = form else { continue };
            for (ui, u) in units.iter().enumerate().filter(|(_, u)| !u.initial) {
                near.clear();
                snapshot.tokens_near(&u.token, u.cut, &mut near);
                if u.abbreviation {
                    snapshot.tokens_abbreviated_by(&u.token.text, &mut near);
                }
                distinct(&mut near, snapshot.tokens.len());
                for &ti in &near {
                    let (sim, prefix) = u.compare(&snapshot.tokens[ti as usize].tok);
                    if sim >= similarity::MIN_PAIR_SIM {
                        matched.push(Near { unit: ui as u8, token: ti, sim, prefix, person: form.person });
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
        |person: bool| if person {
            name_floor / snapshot.max_given_relax - initial_bonus
        } else {
            name_floor - snapshot.max_legal_slack
        } - BOUND_MARGIN;
    let mut by_cost: Vec<(usize, usize)> = matched
        .iter()
        .enumerate()
        .map(|(i, m)| (snapshot.tokens[m.token as usize].occurrences(m.person).len(), i))
        .filter(|&(n, i)| prune && n >= MIN_DEFERRED_OCCURRENCES && !snapshot.tokens[matched[i].token as usize].brand)
        .collect();
    by_cost.sort_unstable_by_key(|&(n, i)| (std::cmp::Reverse(n), i));
    // Per (unit, kind of name): the most its deferred tokens add.
    let mut unit_spent: Vec<(u8, bool, f32)> = Vec::new();
    let mut spent = [0.0f32; 2];
    // Per near token: how many of its occurrences are visited (the rest, of lower shares, are
    // deferred). A token's occurrences are in order of share, highest first (see
    // `ListedToken::occurrences`), and a common given name's highest share (in a name of two
    // words) is more than the budget allows while most of its names are long: so the occurrences
    // of low share are deferred and those of high share visited, and the token's deferral costs
    // the budget only the share of its highest deferred occurrence.
    let mut visited: Vec<usize> =
        matched.iter().map(|m| snapshot.tokens[m.token as usize].occurrences(m.person).len()).collect();
    for &(n, i) in &by_cost {
        let Near { unit, token: ti, sim, person, .. } = matched[i];
        let occurrences = snapshot.tokens[ti as usize].occurrences(person);
        let slot = match unit_spent.iter().position(|u| u.0 == unit && u.1 == person) {
            Some(k) => k,
            None => {
                unit_spent.push((unit, person, 0.0));
                unit_spent.len() - 1
            }
        };
        let room = budget(person) - spent[usize::from(person)];
        // The first occurrence whose share, and all after it, fit the budget; then the first of
        // its share, so that a share is either visited or deferred, never both.
        let k = occurrences.partition_point(|o| grows_at(sim, o.share, unit_spent[slot].2) >= room);
        if k >= n || (k > 0 && n - k < MIN_PARTLY_DEFERRED) {
            continue;
        }
        let share = occurrences[k].share;
        let k = occurrences.partition_point(|o| o.share > share);
        let add = grows_at(sim, share, unit_spent[slot].2);
        spent[usize::from(person)] += add;
        unit_spent[slot].2 += add;
        visited[i] = k;
    }
    // The near tokens deferred, with the highest share deferred: a few (the budget allows no
    // more), so a visited name's parts are looked for in a short list rather than a map.
    let deferred: Vec<(Near, f32)> = matched
        .iter()
        .zip(&visited)
        .filter_map(|(m, &k)| snapshot.tokens[m.token as usize].occurrences(m.person).get(k).map(|o| (*m, o.share)))
        .collect();
    // The names reached, each with the sum of its shares (`Sums`), in one pass over the
    // occurrences visited: most are ruled out by that bound alone ([`ruled_out`], the first
    // check below), and only the occurrences of the rest are laid out as hits, name after name.
    // A listed person's given name reaches a few hundred names, of which a few dozen are kept:
    // gathering every hit and sorting them by name was a quarter of screening that person.
    // Summed in the order the hits are laid out, so a name's sum is its group's sum below.
    let (hits, reached) = SUMS.with_borrow_mut(|sums| {
        sums.start(snapshot.variants.len());
        for (m, &k) in matched.iter().zip(&visited) {
            for o in &snapshot.tokens[m.token as usize].occurrences(m.person)[..k] {
                sums.add(o.variant, m.sim * o.share, brand_met(o, m.sim));
            }
        }
        let reached = sums.touched.len();
        // A person's name that short slips may lift is kept: what they add needs its pairs.
        let kept = sums.keep(|vi, bound, brand| {
            let bound = with_brand(bound, brand);
            let vb = &snapshot.variant_bounds[vi as usize];
            !prune
                || (vb.person && loose_slips)
                || !ruled_out(bound, spent[usize::from(vb.person)], initial_bonus, vb, name_floor)
        });
        let mut hits = vec![
            Hit {
                variant: 0,
                share: 0.0,
                pair: score::Pair { unit: 0, pos: 0, sim: 0.0, prefix: false },
                brand: false
            };
            kept
        ];
        for (&Near { unit: ui, token: ti, sim, prefix, person }, &k) in matched.iter().zip(&visited) {
            for o in &snapshot.tokens[ti as usize].occurrences(person)[..k] {
                if let Some(at) = sums.place(o.variant) {
                    hits[at] = Hit {
                        variant: o.variant,
                        share: sim * o.share,
                        pair: score::Pair { unit: ui, pos: o.pos, sim, prefix },
                        brand: brand_met(o, sim),
                    };
                }
            }
        }
        (hits, reached)
    });
    retrieval.record("candidates", reached as i64);
    drop(retrieval);
    let _scoring = tracing::debug_span!("score").entered();

    // Best name score per entity.
    let mut best: FxHashMap<u32, BestName> = FxHashMap::default();
    let mut legal_memo = score::LegalMemo::default();
    // The query's reading a listed name is scored with: its units and form, as the name is a
    // person's or an organisation's.
    let reading = |vi: u32| -> Option<(&[score::Unit], &NameForm)> {
        match (snapshot.variant_bounds[vi as usize].person, &person_form, &org_form) {
            (true, Some(f), _) => Some((&person_units, f)),
            (false, _, Some(f)) => Some((&org_units, f)),
            _ => None,
        }
    };
    let rank = |s: &score::NameScore| -> Rank {
        (!(s.initials || s.cut || s.weak || s.approximate) && f64::from(s.score) >= thresholds.block, s.score, s.exact)
    };
    // Scores a name and keeps it as its entity's best when it ranks higher (of equals, the first
    // in the snapshot): returns the rank kept, when it is this name's.
    let mut score_variant = |vi: u32, pairs: Option<&mut Vec<score::Pair>>| -> Option<Rank> {
        let v = &snapshot.variants[vi as usize];
        let entity = &snapshot.entities[v.entity as usize];
        if !type_compatible(query.party_type, entity.entity_type) {
            return None;
        }
        let (units, form) = reading(vi)?;
        let mut s = match pairs {
            Some(p) => score::score_pairs_with(units, form, &snapshot.listed_name(vi), p, &mut legal_memo),
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
            return None;
        }
        // The entity's best name decides; a name that can BLOCK without caveats (initials only,
        // a cut query's excused end) beats a higher one that cannot, and a name listed word for
        // word as asked beats one that scores as high in another order.
        let e = best.entry(v.entity).or_insert(BestName { score: 0.0, name: v.name, ..Default::default() });
        let r = rank(&s);
        if e.score == 0.0 || r > rank(&e.how) {
            *e = BestName { score: s.score, name: v.name, how: s, other_type: false };
            Some(r)
        } else {
            None
        }
    };
    if keep_clear {
        for vi in 0..snapshot.variants.len() as u32 {
            score_variant(vi, None);
        }
    } else {
        let mut pairs = Vec::new();
        let mut slip_memo = SlipMemo::default();
        // The best rank so far of the entity being scored, whose names are contiguous in the
        // snapshot: a listed person has up to a few dozen (Canada lists 18 transliterations of
        // Lukashenko), and once one has scored high most of the others cannot score as high.
        let mut top: Option<(u32, Rank)> = None;
        for group in hits.chunk_by(|a, b| a.variant == b.variant) {
            let vi = group[0].variant;
            // Initials can add to a person's bound (weight at most a given name's, 1 per initial).
            let vb = snapshot.variant_bounds[vi as usize];
            let crate::index::VariantBound { required_weight, legal_slack: slack, person, .. } = vb;
            let extra = if person { initial_bonus / required_weight } else { 0.0 };
            // Shares divide by the name's required weight, but a person's score may divide by
            // less (`VariantBound::given_relax`): the sums of shares are scaled up by as much.
            let relax = vb.given_relax;
            let brand = group.iter().any(|h| h.brand);
            let mut bound: f32 = with_brand(group.iter().map(|h| h.share).sum(), brand);
            // The deferred tokens add at most `spent` (one per unit): most candidates are ruled
            // out here, before their tokens are read.
            // A query in another script may meet short given names by one consonant class, which
            // only `short_slips` compares: its bound counts what they may add.
            let v = &snapshot.variants[vi as usize];
            if prune
                && ruled_out(bound, spent[usize::from(person)], initial_bonus, &vb, name_floor)
                && !(person
                    && loose_slips
                    && (bound
                        + short_slips_bound(v, |pos| group.iter().any(|h| usize::from(h.pair.pos) == pos))
                            / required_weight
                        + spent[usize::from(person)]
                        + extra)
                        * relax
                        + slack
                        + BOUND_MARGIN
                        >= name_floor)
            {
                continue;
            }
            let best_so_far = top.filter(|(e, _)| *e == v.entity).map(|(_, r)| r);
            // Nothing ranks above a name met word for word without caveats.
            if best_so_far.is_some_and(|r| r >= MOST_RANK) {
                continue;
            }
            pairs.clear();
            pairs.extend(group.iter().map(|h| h.pair));
            if !deferred.is_empty() {
                for (pos, part) in v.parts.iter().enumerate() {
                    // Shares are computed as the index computed them, so they compare exactly.
                    let share = part.weight / required_weight;
                    for &(Near { unit, sim, prefix, .. }, _) in
                        deferred.iter().filter(|(d, top)| d.token == part.token && d.person == person && share <= *top)
                    {
                        bound += sim * share;
                        pairs.push(score::Pair { unit, pos: pos as u8, sim, prefix });
                    }
                }
            }
            if person
                && !slip_units.is_empty()
                && (!prune
                    || (bound
                        + short_slips_bound(v, |pos| pairs.iter().any(|p| usize::from(p.pos) == pos))
                            / required_weight
                        + extra)
                        * relax
                        + slack
                        + BOUND_MARGIN
                        >= name_floor)
            {
                bound +=
                    short_slips(snapshot, v, &person_units, &slip_units, &mut pairs, &mut slip_memo) / required_weight;
            }
            if prune
                && (bound + extra) * paired_relax(v, &vb, &pairs, initial_bonus > 0.0) + slack + BOUND_MARGIN
                    < name_floor
                && !kind_lifts(bound, &vb, name_floor)
            {
                continue;
            }
            if prune_cut
                && !brand
                && cut_bound(v, person, &pairs, initial_bonus) * relax + BOUND_MARGIN < name_floor
                && !kind_lifts(bound, &vb, name_floor)
            {
                continue;
            }
            // A name that must score lower than the entity's best so far ranks lower, unless that
            // one has a caveat that keeps it from blocking and this one might block. (Not in the
            // unpruned reference, which `tests/dev_set.rs` holds this to.)
            if let (true, Some((blockable, score, _))) = (prune, best_so_far) {
                if (blockable || f64::from(score) <= thresholds.block)
                    && reading(vi).is_some_and(|(units, form)| {
                        score::cannot_reach(units, form, &snapshot.listed_name(vi), &pairs, score - BOUND_MARGIN)
                    })
                {
                    continue;
                }
            }
            if let Some(r) = score_variant(vi, Some(&mut pairs)) {
                top = Some((v.entity, r));
            }
        }
        // Names whose surname two slips kept from retrieval, scored in full (they are few).
        if let Some(form) = &person_form {
            let near = matched.iter().filter(|m| m.person).map(|m| (m.unit, m.token, m.sim));
            for vi in super::slipped_surname::candidates(snapshot, form, &person_units, near) {
                score_variant(vi, None);
            }
        }
    }
    // Identifier hits count whatever the name.
    for id in &query.identifiers {
        let prefixed = id.country_prefixed();
        let without_code = prefixed.iter().flat_map(|(code, rest)| {
            snapshot
                .entities_with_identifier(rest)
                .iter()
                .filter(move |&&ei| snapshot.countries[ei as usize].contains(code))
        });
        for &ei in snapshot.entities_with_identifier(&id.key()).iter().chain(without_code) {
            best.entry(ei).or_insert(BestName { score: 0.0, name: 0, ..Default::default() });
        }
    }
    if !keep_clear {
        other_type_names(snapshot, query, text, &mut best);
    }
    best
}

/// A party sent with the other type than its listed one: a listed person's name sent as an
/// organisation's, or a listed company's as a person's (a sole proprietor's business bears its
/// owner's name, a form's type field defaults wrongly; an outside attack sent 727 listed names
/// so, all CLEAR). The type is trusted for everything but a name listed word for word, in any
/// order and case, legal forms aside (`index::words_key`): that is found by one lookup, and is
/// REVIEW at most (`decide`), since the type says it may be another party of the same name.
/// Reading every typed party both ways in full costs half as much again as screening it.
fn other_type_names(snapshot: &Snapshot, query: &Query, text: &QueryText, best: &mut FxHashMap<u32, BestName>) {
    let listed_person = match query.party_type {
        Some(EntityType::Person) => false,
        Some(EntityType::Organization) => true,
        _ => return,
    };
    let Some(key) = crate::index::words_key(text.words().iter().map(String::as_str)) else { return };
    for &vi in snapshot.listed_as_words(listed_person, key) {
        let v = &snapshot.variants[vi as usize];
        let how = score::NameScore { score: 1.0, ..Default::default() };
        best.entry(v.entity).or_insert(BestName { score: 1.0, name: v.name, how, other_type: true });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Marks dropping repeats give what sorting and `dedup` give, over rounds enough to reuse the
    /// marks, and for ids past the marks' length.
    #[test]
    fn distinct_ids_are_those_of_a_sort_and_dedup() {
        let mut next = super::super::xorshift(11);
        for round in 0..300 {
            let tokens = 1 + (next() % 500) as usize;
            let n = (next() % 200) as usize;
            let ids: Vec<u32> = (0..n).map(|_| next() % (tokens as u32 + u32::from(round % 7 == 0) * 50)).collect();
            let mut expected = ids.clone();
            expected.sort_unstable();
            expected.dedup();
            let mut got = ids;
            distinct(&mut got, tokens);
            assert_eq!(got, expected, "round {round}");
        }
    }

    /// The hits of the names kept, laid out by `Sums`, are those a stable sort by name of the
    /// kept hits gives, and each name's sum is its hits' sum, bit for bit (the bound retrieval
    /// checks again from them); over rounds enough to reuse the slots, and snapshots of every
    /// size.
    #[test]
    fn sums_lay_out_the_kept_hits_as_a_stable_sort_does() {
        let mut next = super::super::xorshift(7);
        let mut sums = Sums::default();
        for round in 0..400 {
            let variants = [1, 10, 300, 70_000][round % 4];
            let n = (next() % 300) as usize;
            let hits: Vec<(u32, f32)> = (0..n).map(|_| (next() % variants, (next() % 1000) as f32 / 997.0)).collect();
            sums.start(variants as usize);
            for &(v, share) in &hits {
                sums.add(v, share, false);
            }
            let mut expected_sums: FxHashMap<u32, f32> = FxHashMap::default();
            for &(v, share) in &hits {
                *expected_sums.entry(v).or_default() += share;
            }
            assert_eq!(sums.touched.len(), expected_sums.len());
            // Keep about half the names, by their sum.
            let keep = |v: u32, sum: f32, _brand: bool| {
                assert_eq!(sum.to_bits(), expected_sums[&v].to_bits());
                (v ^ sum.to_bits()) % 2 == 0
            };
            let kept = sums.keep(keep);
            let mut laid = vec![(u32::MAX, 0.0f32, usize::MAX); kept];
            for (i, &(v, share)) in hits.iter().enumerate() {
                if let Some(at) = sums.place(v) {
                    laid[at] = (v, share, i);
                }
            }
            let mut expected: Vec<(u32, f32, usize)> = hits
                .iter()
                .enumerate()
                .filter(|(_, &(v, _))| keep(v, expected_sums[&v], false))
                .map(|(i, &(v, share))| (v, share, i))
                .collect();
            expected.sort_by_key(|h| h.0);
            assert_eq!(laid, expected, "round {round}");
        }
    }
}
