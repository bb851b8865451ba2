//! Name similarity: where a query name and a listed name are compared and the name score is
//! computed.
//!
//! Token-order-free: every query token is aligned with at most one listed token (greedy on
//! weighted similarity, which is optimal enough for names of a handful of tokens). The score is
//! the weighted share of the listed name that the query covers, with the query's own uncovered
//! tokens counted against it, so neither a partial name nor extra names pass as the full one.

use crate::index::name_form::{NameForm, Role, Token};
use crate::index::ListedName;

/// Below this a token pair is not considered the same name part at all: a near miss counts as
/// nothing rather than as a partial match, so a different given name with the same surname does
/// not ride on the surname.
pub const MIN_TOKEN_SIM: f32 = 0.8;
/// Similarity credited to an initial that agrees with a given name or patronymic: enough for
/// REVIEW with the surname, never for BLOCK.
pub const INITIAL_SIM: f32 = 0.8;

/// A query token or two adjacent ones joined (`Sber Bank` meets `Sberbank`), with the mask of
/// query tokens it stands for.
#[derive(Debug, Clone)]
pub struct Unit<'a> {
    /// Borrowed from the query's form (cloned only to be given equivalents); owned when joined.
    pub token: std::borrow::Cow<'a, Token>,
    pub mask: u32,
    pub initial: bool,
    /// The last token of a query that may have been cut by a field width: may be a prefix.
    pub cut: bool,
}

impl Unit<'_> {
    /// Similarity of this unit with a listed token, prefixes included for a cut last token.
    pub fn sim(&self, c: &Token) -> f32 {
        let s = token_sim(&self.token, c);
        if self.cut {
            s.max(prefix_sim(&self.token, c))
        } else {
            s
        }
    }
}

/// Prepares the query units once per query (not per candidate).
pub fn units(q: &NameForm) -> Vec<Unit<'_>> {
    let n = q.tokens.len().min(31);
    let mut out = Vec::with_capacity(2 * n);
    for (i, t) in q.tokens.iter().take(n).enumerate() {
        out.push(Unit {
            token: std::borrow::Cow::Borrowed(t),
            mask: 1 << i,
            initial: t.text.chars().count() == 1 && t.text.chars().all(char::is_alphabetic),
            cut: q.truncated && i + 1 == n,
        });
    }
    // Joined pairs are for organisations (`Sber Bank`); person names are split the same way on
    // both sides, and joins would only add lookups.
    for i in (1..n).filter(|_| !q.person) {
        let (a, b) = (&q.tokens[i - 1], &q.tokens[i]);
        if a.text.chars().count() < 2 || b.text.chars().count() < 2 {
            continue;
        }
        let token = Token::new(&format!("{}{}", a.text, b.text), a.role, a.weight + b.weight);
        out.push(Unit {
            token: std::borrow::Cow::Owned(token),
            mask: (1 << (i - 1)) | (1 << i),
            initial: false,
            cut: false,
        });
    }
    out
}

/// Similarity of two name parts in [0, 1]: the better of the spelling (edit distance on the folded
/// forms) and the sound (edit distance on phonetic keys, slightly discounted since it is coarser);
/// equivalent given names across languages and vowel-less spellings have fixed similarities.
pub fn token_sim(q: &Token, c: &Token) -> f32 {
    if q.text == c.text {
        return 1.0;
    }
    if q.role == Role::Title || gendered_pair(&q.text, &c.text) {
        return 0.0;
    }
    if q.equivalents().iter().any(|e| **e == *c.key) {
        return EQUIVALENT_SIM;
    }
    // Neither spelling nor any key can reach the threshold when lengths differ too much: skip the
    // edit distances (most retrieved candidates end here).
    let reachable = |a: &str, b: &str| length_bound(a, b) >= MIN_TOKEN_SIM;
    let any_reachable = reachable(&q.text, &c.text)
        || reachable(&q.key, &c.key)
        || q.alt_keys().iter().any(|k| reachable(k, &c.key))
        || (q.vowelless() && q.skeleton == c.skeleton);
    if !any_reachable {
        return 0.0;
    }
    // Only similarities of MIN_TOKEN_SIM and above count (callers drop the rest), so a distance
    // that cannot reach it is cut short (see `ratio_at_least`): the keys to what lifts a pair
    // there, then the spelling down to where a key can lift it (or to MIN_TOKEN_SIM when none
    // can). Results at or above MIN_TOKEN_SIM are exactly as computed in full.
    //
    // Sound may lift a spelling only so far: keys are coarse, and two short, different names can
    // share one (`Aumann` / `OMON`). Only keys whose lengths allow beating the best are compared.
    let mut best_key = if q.key == c.key { 1.0 } else { 0.0 };
    for k in std::iter::once(&*q.key).chain(q.alt_keys().iter().map(String::as_str)) {
        if best_key < 1.0 && length_bound(k, &c.key) > best_key {
            best_key = best_key.max(if *k == *c.key { 1.0 } else { ratio_at_least(k, &c.key, KEY_MIN) });
        }
    }
    let least = if best_key >= KEY_MIN { MIN_TOKEN_SIM - PHONETIC_LIFT - 0.01 } else { MIN_TOKEN_SIM };
    let fine = ratio_at_least(&q.text, &c.text, least);
    if fine >= 0.95 {
        return fine;
    }
    let mut s = fine.max((0.95 * best_key).min(fine + PHONETIC_LIFT));
    // In names of three letters or fewer, one letter is a different name (Ira / Ina).
    if q.text.len().min(c.text.len()) <= 3 && s < 0.95 {
        s = 0.0;
    }
    if q.vowelless() && c.skeleton.len() >= 3 && q.skeleton == c.skeleton {
        s = s.max(VOWELLESS_SIM);
    }
    s
}

/// A query token cut by a field width against a listed token it begins.
pub fn prefix_sim(q: &Token, c: &Token) -> f32 {
    if q.text.chars().count() >= MIN_PREFIX_CHARS && c.text.starts_with(&*q.text) {
        PREFIX_SIM
    } else {
        0.0
    }
}

/// The shortest cut token compared as a prefix: `Luka` may begin `Lukashenko`; `Co` or `Rep` begin
/// too many words to say anything.
pub const MIN_PREFIX_CHARS: usize = 4;

/// Equivalent given names in other languages (Uladzimir / Vladimir): as good as a phonetic match.
pub const EQUIVALENT_SIM: f32 = 0.93;
/// A name typed without vowels whose consonants are the listed name's: enough to review, not to
/// block on its own.
pub const VOWELLESS_SIM: f32 = 0.85;
/// A truncated last token that begins the listed token.
pub const PREFIX_SIM: f32 = 0.9;

/// How far above the spelling similarity the phonetic similarity may lift a pair: enough for
/// `Sergei`/`Siarhei` (spelling 0.57) and `Yuri`/`Iouri` (0.6), not for unrelated words that
/// collapse to the same key.
const PHONETIC_LIFT: f32 = 0.35;

/// The masculine and feminine forms of one East Slavic surname (`Karpenkov` / `Karpenkova`,
/// `Sakalouski` / `Sakalouskaya`) name different people: a wife or daughter is not the listed man.
fn gendered_pair(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() < b.len() { (a, b) } else { (b, a) };
    if short.len() < 4 {
        return false;
    }
    // Karpenkov / Karpenkova, and given names: Aleksandr / Aleksandra, Valentin / Valentina.
    if long.len() == short.len() + 1 && long.ends_with('a') && long.starts_with(short) {
        return short.ends_with(|c: char| c.is_ascii_alphabetic() && !"aeiouy".contains(c));
    }
    for (m, f) in
        [("skiy", "skaya"), ("skii", "skaya"), ("ski", "skaya"), ("sky", "skaya"), ("skiy", "skaja"), ("ski", "skaja")]
    {
        if let (Some(ms), Some(fs)) = (short.strip_suffix(m), long.strip_suffix(f)) {
            if ms == fs {
                return true;
            }
        }
    }
    false
}

fn char_len(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}

/// The highest similarity (`1 - distance / longer length`) two strings of these lengths can have.
fn length_bound(a: &str, b: &str) -> f32 {
    let (la, lb) = (char_len(a), char_len(b));
    let m = la.max(lb);
    if m == 0 {
        0.0
    } else {
        1.0 - la.abs_diff(lb) as f32 / m as f32
    }
}

/// The least key similarity that, discounted, can reach MIN_TOKEN_SIM (0.95 × 0.84 < 0.8:
/// a little below, so rounding never loses a pair).
const KEY_MIN: f32 = 0.84;

/// `1 - distance / longer length` when that is at least `min`, else 0.
fn ratio_at_least(a: &str, b: &str, min: f32) -> f32 {
    let (la, lb) = (char_len(a), char_len(b));
    let m = la.max(lb);
    if m == 0 {
        return 0.0;
    }
    let ratio = |d: usize| 1.0 - d as f32 / m as f32;
    // The most edits that still give `min`, by the same arithmetic as the result.
    let mut k = ((1.0 - min).max(0.0) * m as f32) as usize;
    while k < m && ratio(k + 1) >= min {
        k += 1;
    }
    while k > 0 && ratio(k) < min {
        k -= 1;
    }
    if ratio(k) < min {
        return 0.0;
    }
    osa_within(a, b, k).map_or(0.0, ratio)
}

/// Optimal-string-alignment distance (edits and adjacent transpositions) when it is at most `k`.
/// `rapidfuzz` computes it bit-parallel (Hyyrö 2003) after stripping the common prefix and
/// suffix: this is the innermost loop of screening, and a cell-by-cell table was a fifth of the
/// time of a screening.
fn osa_within(a: &str, b: &str, k: usize) -> Option<usize> {
    use rapidfuzz::distance::osa;
    let d = if a.is_ascii() && b.is_ascii() {
        if a.len().abs_diff(b.len()) > k {
            return None;
        }
        osa::distance(a.bytes(), b.bytes())
    } else {
        osa::distance(a.chars(), b.chars())
    };
    (d <= k).then_some(d)
}

#[derive(Debug, Clone, Copy, Default)]
pub struct NameScore {
    pub score: f32,
    /// The query met a given name only through an initial: REVIEW at most.
    pub initials: bool,
    /// The query was cut by a field width, and listed tokens after the cut were excused or its
    /// short last word was left out: what they would have said is unknown, so REVIEW at most.
    pub cut: bool,
}

/// A query unit and a listed token (by position) that are similar enough to align.
#[derive(Debug, Clone, Copy)]
pub struct Pair {
    pub unit: u8,
    pub pos: u8,
    pub sim: f32,
}

/// A listed name as scoring reads it: its tokens in order, each with its role and weight in this
/// name. A snapshot keeps its names compact ([`ListedName`]); a [`NameForm`] is one too.
pub trait Listed {
    fn count(&self) -> usize;
    fn token(&self, pos: usize) -> &Token;
    fn role(&self, pos: usize) -> Role;
    fn weight(&self, pos: usize) -> f32;
}

impl Listed for NameForm {
    fn count(&self) -> usize {
        self.tokens.len()
    }
    fn token(&self, pos: usize) -> &Token {
        &self.tokens[pos]
    }
    fn role(&self, pos: usize) -> Role {
        self.tokens[pos].role
    }
    fn weight(&self, pos: usize) -> f32 {
        self.tokens[pos].weight
    }
}

impl Listed for ListedName<'_> {
    fn count(&self) -> usize {
        self.parts.len()
    }
    fn token(&self, pos: usize) -> &Token {
        ListedName::token(self, pos)
    }
    fn role(&self, pos: usize) -> Role {
        self.parts[pos].role
    }
    fn weight(&self, pos: usize) -> f32 {
        self.parts[pos].weight
    }
}

/// Scores query units against one listed name by comparing every unit with every token.
pub fn score(units: &[Unit<'_>], query: &NameForm, listed: &impl Listed) -> NameScore {
    let mut pairs = Vec::new();
    for (ui, u) in units.iter().enumerate().filter(|(_, u)| !u.initial) {
        for ci in (0..listed.count()).filter(|&ci| listed.role(ci) != Role::Legal) {
            let sim = u.sim(listed.token(ci));
            if sim >= MIN_TOKEN_SIM {
                pairs.push(Pair { unit: ui as u8, pos: ci as u8, sim });
            }
        }
    }
    score_pairs(units, query, listed, &mut pairs)
}

/// Scores from the aligned pairs found by retrieval (initials are added here). The alignment is
/// greedy on weighted similarity: one unit per listed token, one listed token per query token.
pub fn score_pairs(units: &[Unit<'_>], query: &NameForm, listed: &impl Listed, pairs: &mut Vec<Pair>) -> NameScore {
    for (ui, u) in units.iter().enumerate() {
        for ci in 0..listed.count() {
            let role = listed.role(ci);
            if u.initial {
                if matches!(role, Role::Given | Role::Patronymic) && listed.token(ci).text.starts_with(&*u.token.text) {
                    pairs.push(Pair { unit: ui as u8, pos: ci as u8, sim: INITIAL_SIM });
                }
            } else if role == Role::Legal {
                // Not retrieved through the index (see `Snapshot::build`): compared here.
                let sim = u.sim(listed.token(ci));
                if sim >= MIN_TOKEN_SIM {
                    pairs.push(Pair { unit: ui as u8, pos: ci as u8, sim });
                }
            }
        }
    }
    if pairs.is_empty() {
        return NameScore::default();
    }
    let w = |p: &Pair| p.sim * listed.weight(p.pos as usize);
    // Ties go to the unit standing for more query tokens (`Sber Bank` as one, against `Sberbank`),
    // which leaves fewer query tokens unmatched; then by position, so that the alignment, hence
    // the score, does not depend on the order retrieval found the pairs in.
    let covers = |p: &Pair| units[p.unit as usize].mask.count_ones();
    pairs.sort_unstable_by(|a, b| {
        w(b).total_cmp(&w(a)).then(covers(b).cmp(&covers(a))).then(a.unit.cmp(&b.unit)).then(a.pos.cmp(&b.pos))
    });
    let mut used_q = 0u32;
    let mut used_c = 0u64;
    let mut num = 0.0f32;
    let mut initials = false;
    let mut full_given = false;
    let mut any_required = false;
    for p in pairs.iter() {
        let u = &units[p.unit as usize];
        let c_bit = 1u64 << (p.pos & 63);
        if used_q & u.mask != 0 || used_c & c_bit != 0 {
            continue;
        }
        used_q |= u.mask;
        used_c |= c_bit;
        let role = listed.role(p.pos as usize);
        num += p.sim * listed.weight(p.pos as usize);
        if u.initial {
            initials = true;
        } else if role == Role::Given {
            full_given = true;
        }
        if !role.optional() {
            any_required = true;
        }
    }
    if !any_required {
        return NameScore::default();
    }
    // A cut query may lack the listed tokens after the last one it matched, but only when its
    // own last token is matched: that is where the cut fell. A last token matching nothing was
    // typed in full and differs (`Valentina Nikolaevna Zenkevich` is not excused the surname of
    // every other Valentina Nikolaevna).
    //
    // A cut last token too short to compare (`Rep`, `Co`) says nothing either way: it neither
    // counts against the name nor stops the excuse.
    let last = query.tokens.len().min(31).checked_sub(1);
    let last_used = last.is_some_and(|l| used_q & (1 << l) != 0);
    let fragment =
        query.truncated && !last_used && last.is_some_and(|l| query.tokens[l].text.chars().count() < MIN_PREFIX_CHARS);
    let cut_after =
        if query.truncated && (last_used || fragment) { 64 - used_c.leading_zeros() as usize } else { usize::MAX };
    let mut den = 0.0f32;
    let mut excused = false;
    for ci in 0..listed.count() {
        let used = used_c & (1u64 << (ci & 63)) != 0;
        let role = listed.role(ci);
        // A surname is never excused: given names alone do not say who a person is.
        if used || (!role.optional() && (ci < cut_after || role == Role::Surname)) {
            den += listed.weight(ci);
        } else if !role.optional() {
            excused = true;
        }
    }
    for (qi, t) in query.tokens.iter().enumerate().take(31) {
        if used_q & (1 << qi) == 0 && !(fragment && Some(qi) == last) {
            den += t.weight;
        }
    }
    let score = if den > 0.0 { (num / den).min(1.0) } else { 0.0 };
    // A dropped fragment may have been a whole short word (`Ali`, `Wu`) of a different name:
    // REVIEW at most, as for excused words.
    NameScore { score, initials: initials && !full_given, cut: excused || fragment }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::name_form;
    use crate::model::{EntityType, Name, NameQuality};

    #[test]
    fn the_ascii_distance_agrees_with_strsim() {
        let words = [
            "",
            "a",
            "ab",
            "ba",
            "lukashenko",
            "lukashenka",
            "loukachenko",
            "lukaschenko",
            "lkshnk",
            "aleksandr",
            "alyaksandr",
            "aliaksandr",
            "alexander",
            "ca",
            "abc",
            "acb",
            "bca",
            "belaruskali",
            "belaruskaliy",
        ];
        for a in words {
            for b in words {
                let d = strsim::osa_distance(a, b);
                for k in 0..14 {
                    assert_eq!(osa_within(a, b, k), (d <= k).then_some(d), "{a} / {b} within {k}");
                }
            }
        }
    }

    /// Short strings over a four-letter alphabet: dense in repeats and transpositions, where a
    /// cut-off distance is easiest to get wrong.
    #[test]
    fn the_distance_agrees_with_strsim_on_random_strings() {
        let mut x: u32 = 12345;
        let mut next = || {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            x
        };
        let words: Vec<String> = (0..150)
            .map(|_| {
                let n = next() % 11;
                (0..n).map(|_| char::from(b'a' + (next() % 4) as u8)).collect()
            })
            .collect();
        for a in &words {
            for b in &words {
                let d = strsim::osa_distance(a, b);
                for k in 0..8 {
                    assert_eq!(osa_within(a, b, k), (d <= k).then_some(d), "{a} / {b} within {k}");
                }
            }
        }
    }

    fn s(q: &str, listed_surname: &str, listed_given: &str) -> f32 {
        let l = name_form::listed(
            &Name::from_parts(listed_surname, listed_given, NameQuality::Primary),
            EntityType::Person,
            &|_| 1.0,
        );
        let q = name_form::query(q, true, &|_| 1.0);
        score(&units(&q), &q, &l).score
    }

    #[test]
    fn name_structure() {
        assert!(s("Aleksandr Lukashenko", "Lukashenko", "Aleksandr Grigoryevich") > 0.95);
        assert!(s("LUKASHENKA Aliaksandr", "Lukashenko", "Aleksandr Grigoryevich") > 0.9);
        assert!(s("Viktor Lukashenko", "Lukashenko", "Aleksandr Grigoryevich") < 0.6);
        assert!(s("Lukashevich Aleksandr", "Lukashenko", "Aleksandr Grigoryevich") < 0.6);
        assert!(s("Александр Григорьевич Лукашенко", "Lukashenko", "Aleksandr Grigoryevich") > 0.9);
    }

    /// Retrieval finds a name's pairs in whatever order its lookups return them; the score must
    /// not depend on it (ties between `Sber Bank` as one unit and as two used to).
    #[test]
    fn the_score_does_not_depend_on_the_order_of_pairs() {
        let l = name_form::listed(
            &Name::new("Sber Bank Sberbank", NameQuality::Primary),
            EntityType::Organization,
            &|_| 1.0,
        );
        let q = name_form::query("Sber Bank", false, &|_| 1.0);
        let us = units(&q);
        let mut pairs = Vec::new();
        for (ui, u) in us.iter().enumerate() {
            for (ci, c) in l.tokens.iter().enumerate() {
                let sim = u.sim(c);
                if sim >= MIN_TOKEN_SIM {
                    pairs.push(Pair { unit: ui as u8, pos: ci as u8, sim });
                }
            }
        }
        assert!(pairs.len() >= 3, "{pairs:?}");
        let forward = score_pairs(&us, &q, &l, &mut pairs.clone()).score;
        pairs.reverse();
        assert_eq!(forward, score_pairs(&us, &q, &l, &mut pairs).score);
    }

    /// A query that fills a 35-character field may have lost its end, but a surname is never
    /// excused, and a last word that matches nothing was not cut.
    #[test]
    fn a_cut_query_is_not_excused_the_surname() {
        let l = name_form::listed(
            &Name::from_parts("Kamyshanova", "Aleksandra Aleksandrovna", NameQuality::Primary),
            EntityType::Person,
            &|_| 1.0,
        );
        // 34 characters each: what a 35-character field holds.
        let other = name_form::query("Aleksandra Aleksandrovna Zhukovska", true, &|_| 1.0);
        assert!(other.truncated);
        assert!(score(&units(&other), &other, &l).score < 0.6);
        let cut = name_form::query("Aleksandra Aleksandrovna Kamyshano", true, &|_| 1.0);
        assert!(cut.truncated);
        assert!(score(&units(&cut), &cut, &l).score > 0.8);
    }

    /// A company name cut inside a short last word (`Rep`) is excused the rest, since the fragment
    /// says nothing; the match is marked as cut (REVIEW at most).
    #[test]
    fn a_cut_company_name_ending_in_a_fragment_is_excused_the_rest() {
        let l = name_form::listed(
            &Name::new("State Security Committee of the Republic of Belarus", NameQuality::Primary),
            EntityType::Organization,
            &|_| 1.0,
        );
        let q = name_form::query("STATE SECURITY COMMITTEE OF THE REP", false, &|_| 1.0);
        assert!(q.truncated);
        let r = score(&units(&q), &q, &l);
        assert!(r.cut && r.score > 0.9, "{r:?}");
        let whole = name_form::query("State Security Committee of the Republic of Belarus", false, &|_| 1.0);
        assert!(!score(&units(&whole), &whole, &l).cut);
        // A short last word left out may have been a whole word of another name: flagged too.
        let person = name_form::listed(
            &Name::from_parts("Ivanova", "Aleksandra Sergeevna", NameQuality::Primary),
            EntityType::Person,
            &|_| 1.0,
        );
        let q = name_form::query("Aleksandra Sergeevna Ivanova    Li", true, &|_| 1.0);
        assert!(q.truncated);
        let r = score(&units(&q), &q, &person);
        assert!(r.cut && r.score > 0.9, "{r:?}");
    }

    #[test]
    fn initials_are_flagged() {
        let l = name_form::listed(
            &Name::from_parts("Lukashenko", "Aleksandr Grigoryevich", NameQuality::Primary),
            EntityType::Person,
            &|_| 1.0,
        );
        let q = name_form::query("A. G. Lukashenko", true, &|_| 1.0);
        let r = score(&units(&q), &q, &l);
        assert!(r.initials && r.score > 0.8, "{r:?}");
    }
}
