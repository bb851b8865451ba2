//! How alike two words of names are, in [0, 1], apart from how the words of two names are aligned
//! (`score`): spelling and phonetic key, equivalent given names and nicknames, vowel-less and
//! other-script readings, slips in short words, prefixes of cut words.

use crate::index::name_form::{self, Role, Token, MIN_PREFIX_CHARS, MIN_SKELETON};

/// Below this a token pair is not considered the same name part at all: a near miss counts as
/// nothing rather than as a partial match, so a different given name with the same surname does
/// not ride on the surname.
pub const MIN_TOKEN_SIM: f32 = 0.8;

/// An organisation's word this long or longer is met letter for letter by a spelling that differs
/// only in its glides ([`token_sim`]); shorter ones (`Yug`, `Iug`) are too little to tell.
const MIN_GLIDE_WORD_CHARS: usize = 5;

/// Similarity of two name parts in [0, 1]: the better of the spelling (edit distance on the folded
/// forms) and the sound (edit distance on phonetic keys, slightly discounted since it is coarser);
/// equivalent given names across languages and vowel-less spellings have fixed similarities.
pub fn token_sim(q: &Token, c: &Token) -> f32 {
    if q.text == c.text {
        return 1.0;
    }
    // An organisation's word whose spellings differ only in how they write the glide and the soft
    // vowels (`Belaviya`, `Belavija`, Belarusian `Белавія`, for BELAVIA) is one word romanised
    // two ways, as a brand is: letter for letter, so that the brand rule (which asks the words met
    // to be spelt as listed) holds. A person's names keep the letter-off credit below: `Juryj` /
    // `Yuriy` are short, and a person's name met so is not certain.
    if q.role == Role::Word && q.text_chars() >= MIN_GLIDE_WORD_CHARS && same_but_glides(&q.text, &c.text) {
        return 1.0;
    }
    // Numbers meet only their own digits; an ordinal its cardinal (`101st` / `101`), as a word a
    // letter off does: `5th Energy` may not be `5 Energy`. Two digits of a long number swapped
    // (`EW-78483` for EW-78843) are a slip, compared as any word's letters.
    let digit_first = |t: &Token| t.text.as_bytes().first().is_some_and(u8::is_ascii_digit);
    if let (true, Some(a), Some(b)) = (digit_first(q) && digit_first(c), number_digits(&q.text), number_digits(&c.text))
    {
        if a == b {
            return ORDINAL_SIM;
        }
        let (x, y) = (a.as_bytes(), b.as_bytes());
        let swapped = x.len() >= 4
            && x.len() == y.len()
            && (0..x.len() - 1)
                .any(|i| x[i] == y[i + 1] && x[i + 1] == y[i] && x[..i] == y[..i] && x[i + 2..] == y[i + 2..]);
        if !swapped {
            return 0.0;
        }
    }
    // An organisation's word has its translations for equivalents (`index::org_synonym_keys`),
    // which meet only the words of their row, not every word of their keys (and are no
    // feminine forms: `Banka` is a bank).
    let equivalent = q.equivalents().iter().any(|e| **e == *c.key);
    if q.role == Role::Word && equivalent && crate::index::org_synonyms(&q.text, &q.key, &c.text, &c.key) {
        return EQUIVALENT_SIM;
    }
    // A legal form says how a company is held, not which it is: it meets listed legal forms (by
    // spelling and sound, `Aktsionernoe` / `Aktsyyanernae`) but no listed word of a name, or
    // `Inc` met `NOC` by sound and `Belarus Holding Inc` was the National Olympic Committee.
    // (The listed token's role is its first name's, shared: whether it is a legal form is asked.)
    if q.role == Role::Title
        || (q.role == Role::Legal && !crate::normalize::is_legal_form_word(&c.text, &c.key))
        || gendered_pair(&q.text, &c.text)
    {
        return 0.0;
    }
    if equivalent && q.role != Role::Word {
        // Keys drop a final vowel, so `Aleksandra` has the key of `Aleksandr`, which the table
        // pairs with `Alexander`: a woman's name meets a man's only where the table writes both.
        if q.role == Role::Given
            && genders_differ(&q.text, &c.text)
            && !crate::index::spellings_in_table_row(&q.text, &c.text)
        {
            return GENDER_SIM.min(LISTED_EQUIVALENT_SIM);
        }
        if crate::index::is_neighbour_form(&q.text) || crate::index::is_neighbour_form(&c.text) {
            return NEIGHBOUR_SIM;
        }
        return if crate::index::equivalent_in_table(&q.key, &c.key) { EQUIVALENT_SIM } else { LISTED_EQUIVALENT_SIM };
    }
    if q.nicknames().iter().any(|k| crate::index::nickname_matches(k, &c.text, &c.key)) {
        return NICKNAME_SIM;
    }
    // Neither spelling nor any key can reach the threshold when lengths differ too much: skip the
    // edit distances (most retrieved candidates end here).
    let reachable = |a: Word<'_>, b: Word<'_>| length_bound(a, b) >= MIN_TOKEN_SIM;
    let loose = if q.loose().is_empty() { 0.0 } else { loose_sim(q.loose(), &c.text) };
    let (q_text, c_text, q_key, c_key) = (Word::text(q), Word::text(c), Word::key(q), Word::key(c));
    let any_reachable = reachable(q_text, c_text)
        || reachable(q_key, c_key)
        || q.alt_keys().iter().any(|k| reachable(Word::of(k), c_key))
        || q.leet().iter().any(|r| reachable(Word::of(r), c_text))
        || (q.vowelless() && (q.skeleton == c.skeleton || same_consonants(q, c)));
    if !any_reachable {
        // A letter dropped from a short name leaves its length and key too far to reach the
        // threshold (`Yuy` for Yury: its key is one vowel), and is still a slip.
        let slip = if q.text_chars().max(c.text_chars()) <= SHORT_NAME_CHARS { short_typo(q, c) } else { 0.0 };
        return loose.max(inflected(q, c)).max(slip).max(respelt_sim(q, c));
    }
    // Only similarities of MIN_TOKEN_SIM and above count (callers drop the rest), so a distance
    // that cannot reach it is cut short (see `ratio_at_least`): the keys to what lifts a pair
    // there, then the spelling down to where a key can lift it (or to MIN_TOKEN_SIM when none
    // can). Results at or above MIN_TOKEN_SIM are exactly as computed in full.
    //
    // Sound may lift a spelling only so far: keys are coarse, and two short, different names can
    // share one (`Aumann` / `OMON`). Only keys whose lengths allow beating the best are compared.
    let mut best_key = if q.key == c.key { 1.0 } else { 0.0 };
    for k in std::iter::once(q_key).chain(q.alt_keys().iter().map(|k| Word::of(k))) {
        if best_key < 1.0 && length_bound(k, c_key) > best_key {
            best_key = best_key.max(if k.s == c_key.s { 1.0 } else { ratio_at_least(k, c_key, KEY_MIN) });
        }
    }
    let least = if best_key >= KEY_MIN { MIN_TOKEN_SIM - PHONETIC_LIFT - 0.01 } else { MIN_TOKEN_SIM };
    let fine = ratio_at_least(q_text, c_text, least);
    // A word in leet (`1UK45H3NK4`) by the letters its digits stand for, a little below the same
    // letters typed: written so on purpose, it is no slip, and may block. By spelling only: the
    // sound's lift on top of a decoded spelling made company codes (`21st`) meet any word of
    // their key (`Zest`).
    let leet = q
        .leet()
        .iter()
        .fold(0.0f32, |f, r| f.max(LEET_FACTOR * ratio_at_least(Word::of(r), c_text, MIN_TOKEN_SIM / LEET_FACTOR)));
    let leet = leet.max(LEET_FACTOR * leet_letter_for_letter(q.leet(), &c.text));
    let loose = if leet >= MIN_TOKEN_SIM { loose.max(leet) } else { loose };
    // Spellings that differ only in how they write the glide й and the soft vowels (`Juryj`,
    // `Uryj` (ISO 9 `Ûryj`), `Yuriy`; `Ilja` / `Iliya`) are one name by any system: as close as a
    // letter off, for the sound to lift (just below MIN_TOKEN_SIM, so that in short names the
    // lift stops at review strength, as for any short pair the key lifts). Asked only of pairs
    // whose keys already meet.
    let fine = if fine < MIN_TOKEN_SIM && best_key >= 1.0 && same_but_glides(&q.text, &c.text) {
        MIN_TOKEN_SIM - 0.01
    } else {
        fine
    };
    if fine >= 0.95 {
        return other_first_sound_cap(q, c, fine);
    }
    let mut s = fine.max((0.95 * best_key).min(fine + PHONETIC_LIFT));
    if s < MIN_TOKEN_SIM {
        s = s.max(hard_c_sim(q, c));
    }
    // Two letters swapped across one (`Bakarat` for Barakat) or one moved two places
    // (`Malerhbe` for Malherbe) are one slip of the hand, two edits by the distance: as one edit,
    // below BLOCK strength.
    if s < MIN_TOKEN_SIM && letters_moved(&q.text, &c.text) {
        s = 1.0 - 1.0 / q.text.len() as f32;
    }
    // Spellings of one name in two languages that share a key (`Ihar` / `Igor`) are as good as
    // equivalents, however far apart the letters.
    let in_table = || q.key == c.key && crate::index::spellings_in_table_row(&q.text, &c.text);
    if s < EQUIVALENT_SIM && in_table() {
        s = EQUIVALENT_SIM;
    }
    // In names of three letters or fewer, one letter is a different name (Ira / Ina).
    if q.text.len().min(c.text.len()) <= 3 && s < 0.95 {
        s = 0.0;
    }
    if q.vowelless() && c.skeleton.len() >= MIN_SKELETON && (q.skeleton == c.skeleton || same_consonants(q, c)) {
        s = s.max(VOWELLESS_SIM);
    }
    // Keys fold vowels together, so in a short name the key lifts a letter of difference that is
    // another person's name (`Egor` / `Igor`, `Yegor` / `Igor`): review strength, below
    // [`BLOCK_PAIR_SIM`], unless the table pairs them (above).
    if s > fine
        && fine < MIN_TOKEN_SIM
        && matches!(q.role, Role::Given | Role::Patronymic)
        && q.text_chars().max(c.text_chars()) <= SHORT_NAME_CHARS
        && !in_table()
    {
        s = s.min(SHORT_KEY_SIM);
    }
    if s >= MIN_TOKEN_SIM {
        s = s.min(patronymic_stems(&q.text, &c.text));
        // A woman's given name against a man's spelt another way (`Aleksandra` / `Alexander`):
        // perhaps a misspelling, more likely his wife or daughter. Review strength (the table's
        // equivalents, `Mykola` / `Nikolai`, returned above).
        if q.role == Role::Given && s > GENDER_SIM && genders_differ(&q.text, &c.text) {
            s = GENDER_SIM;
        }
    }
    if s < MIN_TOKEN_SIM {
        s = short_typo(q, c);
    }
    if s < INFLECTED_SIM {
        s = s.max(inflected(q, c));
    }
    other_first_sound_cap(q, c, s.max(loose).max(respelt_sim(q, c)))
}

/// Similarity of two words that are one word as English writes its hard `c` with a `k` and its
/// `x` with `ks`: a company's English name spelt by ear (`Tobakko`, `Klub`, `Faktory`), or read
/// back from Cyrillic letters that wrote it letter for letter (`ТОБАККО ФАКТОРЫ`, `КЛУБ`,
/// `ЭКСЕКУТИВЕ`). The phonetic key keeps `c` apart from `k`, rightly for the Slavic names it is
/// for (Polish and Czech `c` is ц), so such a word met nothing: round 35 found `GRODNO TOBAKKO
/// FACTORY NEMAN` and `SHOCK SPORTS KLUB` CLEAR (0.58, 0.47) where one `k` for `c` was BLOCK.
/// Both words are read as English says them (`normalize::hard_c_reading`); words the reading makes
/// one are as alike as by sound ([`HARD_C_SIM`]), else by the edits between the readings. Retrieval
/// meets them by the reading (`index::Snapshot::tokens_near`).
fn hard_c_sim(q: &Token, c: &Token) -> f32 {
    let ((q_letters, q_changes), (c_letters, c_changes)) = (q.reads_as_english(), c.reads_as_english());
    // Two words the reading leaves as written are no nearer by it; the reading changes a word's
    // length by at most a letter in three.
    if !(q_letters && c_letters && (q_changes || c_changes)) || q.text_chars().abs_diff(c.text_chars()) > 3 {
        return 0.0;
    }
    let (mut a, mut b) = ([0u8; 64], [0u8; 64]);
    let (Some(la), Some(lb)) =
        (crate::normalize::hard_c_reading(&q.text, &mut a), crate::normalize::hard_c_reading(&c.text, &mut b))
    else {
        return 0.0;
    };
    let (a, b) = (&a[..la], &b[..lb]);
    if a == b {
        return HARD_C_SIM;
    }
    // Edits between the readings over the longer word as written: `x` read `ks` lengthens both
    // words, and the same slip would weigh less in them (`Alexnder` is no nearer Alexander).
    match (std::str::from_utf8(a), std::str::from_utf8(b)) {
        (Ok(x), Ok(y)) => {
            let longer = q.text_chars().max(c.text_chars());
            osa_within(x, y, 2).map_or(0.0, |d| 1.0 - d as f32 / longer as f32).min(HARD_C_SIM)
        }
        _ => 0.0,
    }
}

/// What [`hard_c_sim`] credits two words that its reading makes one: as a key met in full lifts.
const HARD_C_SIM: f32 = 0.95;

/// A person's name that differs from a listed one only in its first letter, where no
/// romanisation or look-alike puts one letter for the other (`Dashkevich` / `Vashkevich`,
/// `Pashkevich`, `Gashkevich`): as often another family's name as a slip, so below BLOCK
/// strength, REVIEW at most (round 21 BLOCKed an unlisted Uladzimir Dashkevich against Vladimir
/// Vashkevich). Romanisations differ at the first letter all the time (`Chrenin`, `Xrenin` for
/// Khrenin, German `Simousky` for Zimousky, Belarusian `Hienadz`, `Uladzimir`, `Aleg`), and
/// keep theirs; so do an organisation's words and leetspeak's digits.
fn other_first_sound_cap(q: &Token, c: &Token, s: f32) -> f32 {
    /// First letters one romanisation or another writes for the other's letter (Cyrillic Х as
    /// c(h), x, k(h), h(h); К as k, q; Ш as c(h), s(h), x; Ж as j, z; З as s, z; Г as g, h; the
    /// glides as i, j, y, e, French o(u); Belarusian а for о and э, ў and в as u, v, w; ф, в as
    /// f, v; Ц as c, t(s)), and the look-alikes `I` and `l` (round 22 found `Qubrakov`,
    /// `Hhrenin`, `Ouriy`, `Wladzimirauna` lose BLOCK before the last four were added).
    const ROMANISED: [(u8, u8); 26] = [
        (b'c', b'k'),
        (b'k', b'x'),
        (b'c', b'x'),
        (b'c', b's'),
        (b's', b'x'),
        (b's', b'z'),
        (b'x', b'z'),
        (b'j', b'z'),
        (b'c', b'z'),
        (b'c', b't'),
        (b'g', b'h'),
        (b'i', b'j'),
        (b'i', b'y'),
        (b'j', b'y'),
        (b'e', b'y'),
        (b'e', b'i'),
        (b'a', b'o'),
        (b'a', b'e'),
        (b'u', b'v'),
        (b'v', b'w'),
        (b'f', b'v'),
        (b'i', b'l'),
        (b'k', b'q'),
        (b'h', b'k'),
        (b'o', b'y'),
        (b'u', b'w'),
    ];
    if !(BLOCK_PAIR_SIM..1.0).contains(&s) || q.role == Role::Word {
        return s;
    }
    let (a, b) = (q.text.as_bytes(), c.text.as_bytes());
    let (Some(&x), Some(&y)) = (a.first(), b.first()) else { return s };
    if x == y || !x.is_ascii_alphabetic() || !y.is_ascii_alphabetic() || a[1..] != b[1..] {
        return s;
    }
    let pair = (x.min(y), x.max(y));
    if ROMANISED.contains(&pair) {
        s
    } else {
        s.min(BLOCK_PAIR_SIM - 0.001)
    }
}

/// An ordinal and its cardinal ([`token_sim`]).
pub const ORDINAL_SIM: f32 = 0.85;

/// The digits of a number, written in digits alone or as an ordinal (`101st`, `2nd`, `3rd`,
/// `72th`; `normalize::is_ordinal`).
pub fn number_digits(word: &str) -> Option<&str> {
    let digits = if crate::normalize::is_ordinal(word) { &word[..word.len() - 2] } else { word };
    (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())).then_some(digits)
}

/// Whether two words of six letters or more differ only by letters moved within three places
/// (swapped across one, or one moved two places), with the same first letter: a slip of the hand
/// the edit distance counts twice. The index retrieves such words by their letters sorted
/// (`index::Snapshot::tokens_near`).
#[inline]
pub fn letters_moved(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() || a.len() < 6 || a[0] != b[0] || !a.is_ascii() || !b.is_ascii() {
        return false;
    }
    let Some(first) = (0..a.len()).find(|&i| a[i] != b[i]) else {
        return false;
    };
    let last = (0..a.len()).rev().find(|&i| a[i] != b[i]).unwrap_or(first);
    if last - first > 2 {
        return false;
    }
    // At most three letters each: sorted on the stack (this runs for many pairs compared).
    let sorted = |s: &[u8]| {
        let mut t = [0u8; 3];
        t[..s.len()].copy_from_slice(s);
        t[..s.len()].sort_unstable();
        t
    };
    sorted(&a[first..=last]) == sorted(&b[first..=last])
}

/// A person's word with a Lithuanian or Latvian ending (`Petras`, `Orlovs`) read without it:
/// as close as its stem is, at most [`INFLECTED_SIM`], when the stem meets the listed word by
/// its letters as well as its sound ([`STEM_SPELLING_MIN`]), or [`INFLECTED_SIM`] when read by another language's habits (`Michailas`, `Luckijs`
/// read `lutskij`, `Jurijus` read `yuriy`: the reading's own spelling was weighed by
/// [`respelt_sim`]; an outside test found a Baltic bank's `Igors Luckijs`, `Aleksandrs Zajcevs`
/// CLEAR while the stem's letters alone were too far), else 0.
fn inflected(q: &Token, c: &Token) -> f32 {
    if !matches!(q.role, Role::Given | Role::Patronymic) {
        return 0.0;
    }
    q.inflection_stems().iter().fold(0.0f32, |best, stem| {
        let sim = if respelt_sim(stem, c) > 0.0 {
            INFLECTED_SIM
        } else if spelling(stem, c) >= STEM_SPELLING_MIN {
            // A given name's stem met as closely as a word is met (`Igaras` → `igar` against
            // Ihar, `Piotras` against Petr: the bare `Igar` and `Piotr` were met, the inflected
            // ones not), never closer than `INFLECTED_SIM`. A longer stem is a surname's, which
            // must meet closely: Lithuanians' own surnames read so met other listed ones
            // (`Petrauskas` / PETRASH, `Vaškevičius` / PASHKEVICH: an outside test).
            let s = token_sim(stem, c);
            if s >= BLOCK_PAIR_SIM || (s >= MIN_TOKEN_SIM && stem.text_chars() <= MAX_LOOSE_STEM_CHARS) {
                s.min(INFLECTED_SIM)
            } else {
                0.0
            }
        } else {
            0.0
        };
        best.max(sim)
    })
}

/// The most letters of a stem met less closely than [`BLOCK_PAIR_SIM`] (see `inflected`): a
/// given name's (`igar`, `piotr`, `artiom`).
const MAX_LOOSE_STEM_CHARS: usize = 6;

/// The least spelling similarity of a stem to the listed word it meets: English names ending in
/// `-s` lose it too, and a stem met by sound alone (`Simons` → `simon`, which shares Sheiman's key)
/// is another name. `Aleškevičas` → `aleskevic` against `aleshkevich` (0.73) still meets.
const STEM_SPELLING_MIN: f32 = 0.7;

/// A given name met only through a neighbour language's form of it (`index::is_neighbour_form`:
/// `Jerzy` for Yuri, `Dymitr`): enough to review, never to block on its own.
pub const NEIGHBOUR_SIM: f32 = 0.89;

/// What a word's spelling with its digits read as letters (`normalize::leet_readings`) keeps of
/// its similarity: letters for letters, it is 0.95, enough to block.
const LEET_FACTOR: f32 = 0.95;

/// A word in leet against a listed word of its length, letter for letter, each `1` read as
/// whichever of `i` and `l` the listed word has there (`11d14` is Lidia, though neither reading
/// of the `1`s alone is): `1 - mismatches / length`, or 0. Leet writes a digit for a letter, so the
/// letters stay where they were.
fn leet_letter_for_letter(readings: &[Box<str>], listed: &str) -> f32 {
    let [as_l, as_i] = readings else { return 0.0 };
    let (l, i, c) = (as_l.as_bytes(), as_i.as_bytes(), listed.as_bytes());
    if l.len() != c.len() || i.len() != c.len() || c.is_empty() {
        return 0.0;
    }
    let mismatches = (0..c.len()).filter(|&k| c[k] != l[k] && c[k] != i[k]).count();
    1.0 - mismatches as f32 / c.len() as f32
}

/// Whether two words are the same letters once each run of `i`, `j` and `y` is read as one
/// letter, with two letters or more besides: the letters romanisations write the glide й and the
/// soft vowels я, ю, е, і with (`Juryj` / `Yuriy`, `Ilja` / `Iliya`), where they stand (`Mariya`
/// is not Mayra).
fn same_but_glides(a: &str, b: &str) -> bool {
    // Each run of glides as one `i`: the letters in order (read twice rather than collected:
    // this is asked of many pairs), and how many are not glides.
    read_glides(a).eq(read_glides(b)) && read_glides(a).filter(|&c| c != 'i').nth(1).is_some()
}

/// A word's letters with each run of glides (`i`, `j`, `y`) read as one `i`.
fn read_glides(w: &str) -> impl Iterator<Item = char> + '_ {
    let mut after_i = false;
    w.chars().filter_map(move |c| {
        let c = if matches!(c, 'i' | 'j' | 'y') { 'i' } else { c };
        if c == 'i' && after_i {
            return None;
        }
        after_i = c == 'i';
        Some(c)
    })
}

/// The word as another language's romanisation writes it, read back (`normalize::respellings`:
/// `Saizew`, `Mijail`, `Chrenin`), against a listed word of the reading's key, by letters alone:
/// [`RESPELT_SIM`] when the reading is the listed word, a listed surname or patronymic, of six
/// letters or more;
/// [`RESPELT_NEAR_SIM`], review strength, when it is a letter or two off, or the word is short
/// (`Jung` read `yung` is also a Chinese name). The sound lifts no reading: a reading's key
/// lifting the word's own letters met other names (`Brown` read `broun`, Braun).
fn respelt_sim(q: &Token, c: &Token) -> f32 {
    let short = q.text_chars() <= SHORT_NAME_CHARS;
    let least = if short { 1.0 } else { RESPELT_NEAR_SPELLING };
    // The best reading of the listed word's key, and whether any names the listed father (as
    // read: `Mijovich` is Mikhovich's son).
    let (best, father, certain) =
        q.respelt().iter().filter(|r| r.key == c.key).fold((0.0f32, 0.0f32, false), |(b, f, sure), r| {
            // A reading that differs only in its glides (Central `Juryj` read `yuryy`, Yuriy).
            let glides = if same_but_glides(&r.text, &c.text) { MIN_TOKEN_SIM } else { 0.0 };
            let spelt = ratio_at_least(Word::of(&r.text), Word::text(c), least).max(glides);
            (b.max(spelt), f.max(patronymic_stems(&r.text, &c.text)), sure || (spelt >= 1.0 && !r.uncertain))
        });
    // A given name in another language's spelling is as strong as a neighbour language's form
    // of it (`NEIGHBOUR_SIM`): `Mijail` is the Spanish spelling of Mikhail, and a Cuban's own name.
    // (The listed word's role: a query's words are all read as given names.) A reading the
    // letters do not settle is a letter or so off at best.
    let sim = if best >= 1.0 && certain && !short && c.role != Role::Given {
        RESPELT_SIM
    } else if best > 0.0 {
        RESPELT_NEAR_SIM
    } else {
        return 0.0;
    };
    // Another father, or a woman's name for a man's.
    let sim = sim.min(father);
    if q.role == Role::Given && genders_differ(&q.text, &c.text) {
        sim.min(GENDER_SIM)
    } else {
        sim
    }
}

/// A respelling that is the listed word ([`respelt_sim`]): as a spelling a letter off, may block.
const RESPELT_SIM: f32 = 0.95;

/// A respelling a letter or so off the listed word, or of a short word ([`respelt_sim`]).
const RESPELT_NEAR_SIM: f32 = 0.89;

/// The least spelling similarity of a respelling near the listed word of its key: `Chrypač`
/// read `khrypac` against `Khripach` (0.75); `Sikora` read `zikora` against `Zakaria` (0.71, the
/// same key) is another name.
const RESPELT_NEAR_SPELLING: f32 = 0.75;

/// A word met only without its Lithuanian or Latvian ending (`normalize::inflection_stem`):
/// enough to review, never to block on its own (below [`BLOCK_PAIR_SIM`]), since English names
/// end the same way (`Roberts`, `Thomas`).
pub const INFLECTED_SIM: f32 = 0.89;

/// A given name against one of the other gender (`genders_differ`).
pub const GENDER_SIM: f32 = 0.85;

/// Whether one given name reads as a woman's and the other as a man's by their endings: East
/// Slavic and most European women's names end in `a` (`Aleksandra`, `Viktoriya`), men's in a
/// consonant or `y`/`i` (`Alexander`, `Vitaliy`). Names of four letters or more only.
fn genders_differ(a: &str, b: &str) -> bool {
    let feminine = |w: &str| w.ends_with('a');
    let masculine = |w: &str| w.ends_with(|c: char| c.is_ascii_alphabetic() && !"aeou".contains(c));
    a.len() >= 4 && b.len() >= 4 && ((feminine(a) && masculine(b)) || (masculine(a) && feminine(b)))
}

/// Two patronymics say whose children they are: `Yevgenyevich` and `Ivanovich` share most of their
/// letters through the ending, and are different fathers: 0, so the pair counts against the match
/// (`score`: another patronymic is another person). Two spellings of one father's name
/// (`Grigoryevich` / `Hryhoryevich`) keep their similarity (1.0 here), and so does any pair but two
/// patronymics.
fn patronymic_stems(a: &str, b: &str) -> f32 {
    let (Some(sa), Some(sb)) = (name_form::patronymic_stem(a), name_form::patronymic_stem(b)) else {
        return 1.0;
    };
    if sa == sb {
        return 1.0;
    }
    // Romanisations of one name can be far apart in letters (`Grigor` / `Ryhor`, half its letters):
    // only stems unlike in both spelling and sound are different fathers.
    if ratio_at_least(Word::of(sa), Word::of(sb), 0.0) >= DIFFERENT_STEMS_SPELLING {
        return 1.0;
    }
    // Keys only for the few pairs whose letters differ this much.
    let (ka, kb) = (crate::normalize::phonetic_key(sa), crate::normalize::phonetic_key(sb));
    let sound = if ka == kb { 1.0 } else { ratio_at_least(Word::of(&ka), Word::of(&kb), 0.0) };
    if sound < DIFFERENT_STEMS_SOUND {
        0.0
    } else {
        1.0
    }
}

/// Whether two patronymics name one father by their letters: their stems (the father's name)
/// at most a slip or two apart (`Mikzzail` / `Mikhail`, 0.75), not two names that share an ending
/// (`Yaroslav` / `Svyatoslav` 0.7, `Igor` / `Grigor` 0.67, `Egor` / `Fedor` 0.6). For a pair that
/// retrieval left unpaired (`score::score_pairs_with`): romanisations of one name are paired
/// there already, and what is left is a slip or another father; an outside attack found the
/// namesakes of six listed persons with another `-slavovich` made REVIEW by the similarity alone.
pub fn same_father_spelt(a: &str, b: &str) -> bool {
    match (name_form::patronymic_stem(a), name_form::patronymic_stem(b)) {
        (Some(sa), Some(sb)) => ratio_at_least(Word::of(sa), Word::of(sb), 0.0) >= SLIPPED_STEM_SPELLING,
        _ => ratio_at_least(Word::of(a), Word::of(b), 0.0) >= SLIPPED_PATRONYMIC_SPELLING,
    }
}

/// See [`same_father_spelt`]: two slips in a stem of eight letters.
const SLIPPED_STEM_SPELLING: f32 = 0.74;
/// See [`same_father_spelt`]: a word whose stem is not found is held to a slip in seven letters.
const SLIPPED_PATRONYMIC_SPELLING: f32 = 0.85;

/// Below both of these, two patronymics' stems are different names: `Yevgen` / `Ivan` (spelling
/// 0.33, keys 0.8) are, `Grigor` / `Ryhor` (0.5, 0.83) are not.
const DIFFERENT_STEMS_SPELLING: f32 = 0.45;
const DIFFERENT_STEMS_SOUND: f32 = 0.85;

/// A query word typed without vowels and a listed word with the same letters once their vowels
/// are gone (`name_form::consonants`).
fn same_consonants(q: &Token, c: &Token) -> bool {
    let cq = name_form::consonants(&q.text);
    cq.len() >= MIN_SKELETON && cq == name_form::consonants(&c.text)
}

/// A word romanised from another script against a listed word, by consonant classes
/// (`normalize::loose_key`): the same classes are [`LOOSE_SIM`]; one class more or less in a long
/// name (kana `bafu` for `bakh`) is [`LOOSE_NEAR_SIM`].
fn loose_sim(q_loose: &[Box<str>], listed_text: &str) -> f32 {
    let c = crate::normalize::loose_key(listed_text);
    if c.len() < name_form::MIN_LOOSE_CLASSES {
        0.0
    } else if q_loose.iter().any(|q| **q == c) {
        LOOSE_SIM
    } else if q_loose.iter().any(|q| q.len().min(c.len()) >= LOOSE_NEAR_MIN && osa_within(q, &c, 1).is_some()) {
        LOOSE_NEAR_SIM
    } else {
        0.0
    }
}

/// A short given name romanised from another script whose consonants are a single class, the
/// listed given name's (`ywry`, `youli`, `ioyri` / Yuri; `n`, `nh` / Anna): one class says little,
/// since many given names have the same (Yuri, Ilya and Lera are all `R`), so it is partial
/// credit ([`SHORT_LOOSE_SIM`]), which scoring gives only to given names and patronymics, and
/// only as REVIEW evidence. Asked only within names other words retrieved
/// (`retrieve::short_slips`): one class is no retrieval key.
///
/// The vowels must also agree in having a back one (`o`, `u`, or the `w` of Arabic و and
/// Hebrew ו) or not: every script here writes the vowels of a foreign name, abjads too with
/// their vowel letters, and the back vowel is what tells Yuri (`ywry`) from Ilya (`yly`).
pub fn short_loose(q: &Token, c: &Token) -> f32 {
    if q.loose().iter().any(|l| l.len() == 1) {
        let listed = crate::normalize::loose_key(&c.text);
        let back = |t: &str| t.bytes().any(|b| matches!(b, b'o' | b'u' | b'w'));
        if listed.len() == 1 && q.loose().iter().any(|l| **l == listed) && back(&q.text) == back(&c.text) {
            return SHORT_LOOSE_SIM;
        }
    }
    0.0
}

/// One slip (a letter replaced, added, dropped or two swapped) in a word of four or five letters
/// (`Perr` for `Petr`, `lgor` for `Igor`) is below `MIN_TOKEN_SIM` by the ratio, yet the likeliest
/// reading: partial credit ([`SHORT_TYPO_SIM`]), which scoring gives only to given names and
/// patronymics, and only as REVIEW evidence.
pub fn short_typo(q: &Token, c: &Token) -> f32 {
    if !gendered_pair(&q.text, &c.text) && slip(&q.text, &c.text) {
        SHORT_TYPO_SIM
    } else {
        0.0
    }
}

/// [`short_typo`], also counted in letters of the Cyrillic original where the romanisation spelt
/// one with two (`Оюег` is `oyueg`, one slip from `oleg`, not two). Retrieval cannot meet such a
/// slip (it changes the length by two), so this is asked only of the words of names already
/// retrieved (`retrieve::short_slips`), not of every candidate pair.
pub fn short_typo_any_spelling(q: &Token, c: &Token) -> f32 {
    short_typo_respelt(q, &respelt(&q.text), c, &respelt(&c.text))
}

/// A word as [`short_typo_any_spelling`] reads it: each two- or four-letter spelling of one
/// Cyrillic letter written as that letter. Computed once per word by callers that compare one
/// word with many.
pub struct Respelt<'a>(std::borrow::Cow<'a, str>);

impl Respelt<'_> {
    /// Whether the word had such a spelling.
    fn changed(&self) -> bool {
        matches!(self.0, std::borrow::Cow::Owned(_))
    }
}

pub fn respelt(text: &str) -> Respelt<'_> {
    Respelt(one_per_letter(text))
}

/// [`short_typo_any_spelling`] with both words' [`respelt`] forms given.
pub fn short_typo_respelt(q: &Token, qt: &Respelt<'_>, c: &Token, ct: &Respelt<'_>) -> f32 {
    if short_typo(q, c) > 0.0 {
        return SHORT_TYPO_SIM;
    }
    if (qt.changed() || ct.changed()) && !gendered_pair(&q.text, &c.text) && slip(&qt.0, &ct.0) {
        SHORT_TYPO_SIM
    } else {
        0.0
    }
}

/// One edit between two words of four or five letters, or of three and four with one dropped
/// (`Olg` for `Olga`): one changed in three is another name (`Ira` / `Ina`).
fn slip(a: &str, b: &str) -> bool {
    let (la, lb) = (char_len(a), char_len(b));
    let short_ok = |l: usize| (4..=5).contains(&l) || (l == 3 && la != lb);
    short_ok(la) && short_ok(lb) && osa_within(a, b, 1).is_some()
}

/// A short word with the two- and four-letter spellings of single Cyrillic letters (`zh`, `kh`,
/// `ts`, `ch`, `sh`, `shch`, `yu`, `ya`) written as those letters again, so that a slip counts
/// as one edit however the letter was romanised.
/// The spellings `one_per_letter` writes as one letter, longest first; the byte `match` there
/// finds them, bit `k` for `DIGRAPHS[k]` (a test holds the two together).
const DIGRAPHS: [(&str, &str); 8] =
    [("shch", "щ"), ("zh", "ж"), ("kh", "х"), ("ts", "ц"), ("ch", "ч"), ("sh", "ш"), ("yu", "ю"), ("ya", "я")];

fn one_per_letter(s: &str) -> std::borrow::Cow<'_, str> {
    if s.len() > 10 {
        return std::borrow::Cow::Borrowed(s);
    }
    // One pass over the bytes finds which spellings occur (most words have none): this is asked
    // of every short word of every retrieved name, and comparing byte pairs by `match` is a
    // tenth of the cost of comparing them as slices. Replacing one spelling can only remove
    // others (the replacements are not ASCII), so those found are the most there are to replace.
    let b = s.as_bytes();
    let mut found = 0u8;
    for (i, w) in b.windows(2).enumerate() {
        found |= match (w[0], w[1]) {
            (b's', b'h') if b[i + 2..].starts_with(b"ch") => 1 | 1 << 5,
            (b'z', b'h') => 1 << 1,
            (b'k', b'h') => 1 << 2,
            (b't', b's') => 1 << 3,
            (b'c', b'h') => 1 << 4,
            (b's', b'h') => 1 << 5,
            (b'y', b'u') => 1 << 6,
            (b'y', b'a') => 1 << 7,
            _ => 0,
        };
    }
    if found == 0 {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = s.to_string();
    for (k, (d, l)) in DIGRAPHS.iter().enumerate() {
        if found & (1 << k) != 0 && out.contains(d) {
            out = out.replace(d, l);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// A query token cut short against a listed token it begins.
pub fn prefix_sim(q: &Token, c: &Token) -> f32 {
    // `Karpenkov` also begins `Karpenkova`: a query cut one letter short cannot tell the listed
    // woman from her husband, so the cut reading stands (REVIEW at most, as every cut).
    if q.text_chars() >= MIN_PREFIX_CHARS && c.text.len() > q.text.len() && c.text.starts_with(&*q.text) {
        PREFIX_SIM
    } else {
        0.0
    }
}

/// Lowest similarity a pair of tokens may align with: below `MIN_TOKEN_SIM`, only for the partial
/// credit of a slip in a short given name or a nickname (REVIEW at most).
pub const MIN_PAIR_SIM: f32 = 0.75;
/// A slip in a short given name (see `short_typo`).
pub const SHORT_TYPO_SIM: f32 = 0.75;
/// A nickname or short form of a listed given name (`Sasha` / `Aleksandr`, `Bill` / `William`):
/// the same person is likely, not certain.
pub const NICKNAME_SIM: f32 = 0.75;

/// Equivalent given names in other languages (Uladzimir / Vladimir): as good as a phonetic match.
pub const EQUIVALENT_SIM: f32 = 0.93;
/// The least similarity of every word met for a name to BLOCK. With the surname weighing two
/// thirds of a person's name, an exact surname lifts any given name the matcher accepts (0.8)
/// over the BLOCK threshold: `Nataliya Koval` met `Anatoly Koval`, `Yegor` met `Igor`. One letter
/// off in a word of ten (`Lukashenla`) is 0.9 and still blocks; in a word of five it is 0.8.
pub const BLOCK_PAIR_SIM: f32 = 0.9;
/// Names of this many letters or fewer are short for [`SHORT_KEY_SIM`].
const SHORT_NAME_CHARS: usize = 5;
/// A short name whose key, not its spelling, meets the listed one.
pub const SHORT_KEY_SIM: f32 = 0.89;
/// Given names only the lists pair (two entities each listed under both): enough to review, not
/// to block on its own (below [`BLOCK_PAIR_SIM`]).
pub const LISTED_EQUIVALENT_SIM: f32 = 0.85;
/// A name typed without vowels whose consonants are the listed name's: enough to review, not to
/// block on its own.
pub const VOWELLESS_SIM: f32 = 0.85;
/// A word written in another script whose consonant classes are the listed word's
/// (`arekusandoru` / Aleksandr): enough to review, never to block on its own.
pub const LOOSE_SIM: f32 = 0.85;
/// A short given name of one consonant class written in another script (see `short_loose`).
pub const SHORT_LOOSE_SIM: f32 = MIN_PAIR_SIM;
/// The same with one class more, less or different, in names of [`LOOSE_NEAR_MIN`] classes or more.
pub const LOOSE_NEAR_SIM: f32 = 0.8;
const LOOSE_NEAR_MIN: usize = 5;

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
    // Every ending pair below differs in length by one or two bytes.
    if short.len() < 4 || !(1..=2).contains(&(long.len() - short.len())) {
        return false;
    }
    // Every feminine form below ends in `a`: most pairs compared stop here (this runs on every
    // pair of words compared, and the table walk was 7 % of a screening).
    if !long.ends_with('a') {
        return false;
    }
    // Karpenkov / Karpenkova, and given names: Aleksandr / Aleksandra, Valentin / Valentina.
    if long.len() == short.len() + 1
        && long.ends_with('a')
        && long.starts_with(short)
        && short.ends_with(|c: char| c.is_ascii_alphabetic() && !"aeiouy".contains(c))
    {
        return true;
    }
    for (m, f) in [
        ("skiy", "skaya"),
        ("skii", "skaya"),
        ("skij", "skaja"),
        ("ski", "skaya"),
        ("sky", "skaya"),
        ("skiy", "skaja"),
        ("ski", "skaja"),
        ("iy", "iya"),
        ("ii", "iya"),
        ("ij", "ija"),
        ("y", "ya"),
    ] {
        if let (Some(ms), Some(fs)) = (short.strip_suffix(m), long.strip_suffix(f)) {
            if ms == fs {
                return true;
            }
        }
    }
    false
}

/// Surnames of this many letters or more may be met two slips off (see [`two_slips`]): two of
/// five letters is another name as often as not (`Ivanov` / `Ivashov` is two of six, at the edge).
pub const TWO_SLIPS_MIN_CHARS: usize = 6;
/// The fewest letters of a surname met two slips off with its consonants kept (see [`two_slips`]).
pub const TWO_SLIPS_SHORT_MIN_CHARS: usize = 4;

/// Whether two folded ASCII words hold the same consonants, as many of each, in any order (`y` a
/// vowel, as romanisations write й and ы with it). Not for other letters: a folded word that is
/// not ASCII keeps letters no table reads.
fn same_consonants_in_any_order(a: &str, b: &str) -> bool {
    if !a.is_ascii() || !b.is_ascii() {
        return false;
    }
    let mut counts = [0i8; 26];
    let consonant = |c: u8| c.is_ascii_lowercase() && !b"aeiouy".contains(&c);
    for c in a.bytes().filter(|&c| consonant(c)) {
        counts[usize::from(c - b'a')] += 1;
    }
    for c in b.bytes().filter(|&c| consonant(c)) {
        counts[usize::from(c - b'a')] -= 1;
    }
    counts.iter().all(|&n| n == 0) && a.bytes().any(consonant)
}

/// Whether two folded words are at most two slips apart (a letter changed, left out or added, or
/// two letters swapped, twice), both of [`TWO_SLIPS_MIN_CHARS`] letters or more (shorter ones
/// below). Two slips in a
/// surname of nine letters or fewer leave the words under 0.8 alike, below any pair; this is
/// asked only of a full name whose given name and patronymic met the listed ones
/// (`score::SLIPPED_SURNAME_SCORE`).
///
/// A slip is one letter of the script the name was typed in. With `typed_in_cyrillic` (`a` is the
/// query's word, typed in Cyrillic) a slip there may be two or four letters here, where `ч` is
/// `ch` and `щ` `shch` (`normalize::translit`): `Кчарчевскик` for Карчевский, `kcharchevskik` /
/// `karchevskiy`, is two slips in Cyrillic and four in Latin (round 30's outside probe found 19 %
/// of listed persons' surnames with two Cyrillic slips CLEAR). The words are then also compared
/// with each such spelling written as one letter ([`one_letter_spellings`]); both ways are asked,
/// since a slip inside a pair of Latin letters (`Lukahsenko`) is one in the letters and two in the
/// compacted word. Not for a word typed in Latin, where `ch` is two keys: compacted, Latin words
/// meet more namesakes (`Polyakov` two slips from Volkov, `Rozhkov` from Radkov; +2 % REVIEW in
/// `scripts/round30/slipped_fp.py`).
///
/// A shorter word, of [`TWO_SLIPS_SHORT_MIN_CHARS`] letters or more, is two slips from another
/// only when its consonants are the other's (the slips moved letters or left out or changed
/// vowels), its first letter is the other's and its length within one of it: `MRAKV` for
/// Markov, `ZBKVO` for Zubkov, `GULB` for Golub. Round 33's outside attack found 7.8 % of full
/// names with two such slips in the surname CLEAR, nearly all of them surnames of five letters
/// or fewer. A consonant changed in a name that short is another name (`Golub` / `Gulak`), and
/// so, in round 34's probe of the rule, was a surname of the lists' consonants with two vowels
/// added (`Zhukau` / Zhuk, `Turau` / Tur), another first letter (`Ogar` / Gora, `Idol` /
/// Dola), a feminine form (`Larina` / Larin) or a listed surname of three letters (`Tura`, `Duka`
/// for Tur, Duk).
///
/// One slip in such a word (a key next to the right one, `DRYO` for Dryl, `ZBUK` for Zhuk) counts
/// whatever letter it changed, with the same first letter: one letter of four leaves the words
/// 0.75 alike, below any pair, and round 35's run of round 33's attack found full names with one
/// keyboard slip in a surname of four letters CLEAR (`Hleb Uladzimiravich DRYO`). The cost is a
/// namesake's real surname one letter off on the listed given name and patronymic, REVIEW too
/// (`Andrey Vladimirovich ZHUR` for Zhuk: round 35's helper found 22 more of 119 such names
/// REVIEW; `scripts/round30/slipped_fp.py`'s common surnames, none).
pub fn two_slips(a: &str, b: &str, typed_in_cyrillic: bool) -> bool {
    let shortest = char_len(a).min(char_len(b));
    if shortest < TWO_SLIPS_SHORT_MIN_CHARS {
        return false;
    }
    if shortest < TWO_SLIPS_MIN_CHARS {
        return a.as_bytes().first() == b.as_bytes().first()
            && a.len().abs_diff(b.len()) <= 1
            && !gendered_pair(a, b)
            && (osa_within(a, b, 1).is_some()
                || (same_consonants_in_any_order(a, b) && osa_within(a, b, 2).is_some()));
    }
    if osa_within(a, b, 2).is_some() {
        return true;
    }
    if !typed_in_cyrillic {
        return false;
    }
    match (one_letter_spellings(a), one_letter_spellings(b)) {
        (None, None) => false,
        (ca, cb) => osa_within(ca.as_deref().unwrap_or(a), cb.as_deref().unwrap_or(b), 2).is_some(),
    }
}

/// The spellings `normalize::translit` writes one Cyrillic letter with (ж х ц ч ш щ ю я, and the
/// háček letters `č` `š` it writes as Polish does), each as the one upper-case ASCII letter no
/// folded word holds, longest first. `ts` is also `т` + `с`, and is compacted on both sides alike.
const ONE_LETTER_SPELLINGS: [(&[u8], u8); 10] = [
    (b"shch", b'W'),
    (b"zh", b'Z'),
    (b"kh", b'X'),
    (b"ts", b'T'),
    (b"ch", b'C'),
    (b"sh", b'S'),
    (b"cz", b'C'),
    (b"sz", b'S'),
    (b"yu", b'U'),
    (b"ya", b'A'),
];

/// A folded word with each of [`ONE_LETTER_SPELLINGS`] written as one letter, or `None` when it
/// holds none (or is not ASCII, which a folded name is).
fn one_letter_spellings(word: &str) -> Option<String> {
    let b = word.as_bytes();
    if !word.is_ascii() || !b.windows(2).any(|w| ONE_LETTER_SPELLINGS.iter().any(|(p, _)| p.starts_with(w))) {
        return None;
    }
    let mut out = String::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match ONE_LETTER_SPELLINGS.iter().find(|(p, _)| b[i..].starts_with(p)) {
            Some((p, c)) => {
                out.push(char::from(*c));
                i += p.len();
            }
            None => {
                out.push(char::from(b[i]));
                i += 1;
            }
        }
    }
    Some(out)
}

fn char_len(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}

/// A word and its length in chars: a token's are counted once (`Token::text_chars`), not at
/// each of the comparisons that start from them.
#[derive(Debug, Clone, Copy)]
struct Word<'a> {
    s: &'a str,
    chars: usize,
}

impl<'a> Word<'a> {
    fn of(s: &'a str) -> Word<'a> {
        Word { s, chars: char_len(s) }
    }
    fn text(t: &'a Token) -> Word<'a> {
        Word { s: &t.text, chars: t.text_chars() }
    }
    fn key(t: &'a Token) -> Word<'a> {
        Word { s: &t.key, chars: t.key_chars() }
    }
    /// As many chars as bytes: every one is ASCII.
    fn ascii(&self) -> bool {
        self.chars == self.s.len()
    }
}

/// The highest similarity (`1 - distance / longer length`) two strings of these lengths can have.
fn length_bound(a: Word<'_>, b: Word<'_>) -> f32 {
    let (la, lb) = (a.chars, b.chars);
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

/// How alike two words are in spelling alone (`1 - distance / longer length`), without their
/// sound: for a person's word rebuilt from two written apart (`Yu ry`), whose key can meet any
/// name with the same consonants (`Hao Sun` read `Haosun`, key of `Hassan`).
pub fn spelling(a: &Token, b: &Token) -> f32 {
    ratio_at_least(Word::text(a), Word::text(b), 0.0)
}

/// `1 - distance / longer length` when that is at least `min`, else 0.
fn ratio_at_least(a: Word<'_>, b: Word<'_>, min: f32) -> f32 {
    let (la, lb) = (a.chars, b.chars);
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
    osa_within_words(a, b, k).map_or(0.0, ratio)
}

/// Optimal-string-alignment distance (edits and adjacent transpositions) when it is at most `k`.
/// `rapidfuzz` computes it bit-parallel (Hyyrö 2003) after stripping the common prefix and
/// suffix: this is the innermost loop of screening, and a cell-by-cell table was a fifth of the
/// time of a screening.
fn osa_within(a: &str, b: &str, k: usize) -> Option<usize> {
    osa_within_words(Word::of(a), Word::of(b), k)
}

/// [`osa_within`] of words whose lengths are known.
fn osa_within_words(a: Word<'_>, b: Word<'_>, k: usize) -> Option<usize> {
    use rapidfuzz::distance::osa;
    let d = if a.ascii() && b.ascii() {
        let (a, b) = (a.s, b.s);
        if a.len().abs_diff(b.len()) > k {
            return None;
        }
        if k <= 1 {
            return within_one_edit(a.as_bytes(), b.as_bytes()).filter(|&d| d <= k);
        }
        if a.len().max(b.len()) <= 64 {
            osa_ascii(a.as_bytes(), b.as_bytes())
        } else {
            osa::distance(a.bytes(), b.bytes())
        }
    } else {
        osa::distance(a.s.chars(), b.s.chars())
    };
    (d <= k).then_some(d)
}

/// The OSA distance of two words when it is 0 or 1, by one pass over them: equal, or alike but
/// for one letter replaced, added, dropped, or two neighbours swapped. Most comparisons allow
/// one edit at most (a ratio of 0.8 in a word of up to nine letters, one slip in a short word),
/// and the bit-parallel distance cost ten times more for them.
fn within_one_edit(a: &[u8], b: &[u8]) -> Option<usize> {
    let (a, b) = if a.len() < b.len() { (b, a) } else { (a, b) };
    let p = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[p..], &b[p..]);
    match a.len() - b.len() {
        0 if a.is_empty() => Some(0),
        0 if a[1..] == b[1..] => Some(1),
        0 if a.len() >= 2 && a[0] == b[1] && a[1] == b[0] && a[2..] == b[2..] => Some(1),
        1 if a[1..] == *b => Some(1),
        _ => None,
    }
}

/// The OSA distance of two ASCII words of at most 64 bytes: the bit-parallel algorithm of
/// Hyyrö (2003) as `rapidfuzz` computes it (common prefix and suffix stripped, the longer word as
/// the pattern), but with a table of the pattern's letters half the size, for ASCII.
/// `rapidfuzz` fills a 2 KiB table per call: measured with callgrind over the dev set,
/// the table was most of the 520 instructions of a comparison of two names' words, and the
/// comparison is made about a hundred times per screening. Held to `strsim` by the tests below.
fn osa_ascii(a: &[u8], b: &[u8]) -> usize {
    let (a, b) = if a.len() < b.len() { (b, a) } else { (a, b) };
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[prefix..], &b[prefix..]);
    let suffix = a.iter().rev().zip(b.iter().rev()).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[..a.len() - suffix], &b[..b.len() - suffix]);
    if a.is_empty() {
        return b.len();
    }
    // Each text letter's positions in the pattern. What is left once the common ends are
    // stripped is mostly a letter or two (`lukashenko` / `lukashenka`), where scanning the
    // pattern per letter costs less than clearing a table; longer, a table of the 128 ASCII
    // letters (1 KiB, not 2).
    if a.len() <= 4 {
        return hyyro_osa(a.len(), b, |c| a.iter().enumerate().fold(0_u64, |m, (i, &x)| m | u64::from(x == c) << i));
    }
    let mut masks = [0_u64; 128];
    for (i, &x) in a.iter().enumerate() {
        masks[usize::from(x & 0x7f)] |= 1 << i;
    }
    hyyro_osa(a.len(), b, |c| masks[usize::from(c & 0x7f)])
}

/// Hyyrö's bit-parallel OSA distance between a pattern of `m` letters (1 to 64) and the text `b`,
/// given each text letter's positions in the pattern.
fn hyyro_osa(m: usize, b: &[u8], positions: impl Fn(u8) -> u64) -> usize {
    let mut vp = !0_u64;
    let mut vn = 0_u64;
    let mut d0 = 0_u64;
    let mut pm_old = 0_u64;
    let mut dist = m;
    let last = 1_u64 << (m - 1);
    for &c in b {
        let pm = positions(c);
        let tr = ((!d0 & pm) << 1) & pm_old;
        d0 = ((pm & vp).wrapping_add(vp) ^ vp) | pm | vn | tr;
        let mut hp = vn | !(d0 | vp);
        let mut hn = d0 & vp;
        dist += usize::from(hp & last != 0);
        dist -= usize::from(hn & last != 0);
        hp = (hp << 1) | 1;
        hn <<= 1;
        vp = hn | !(d0 | hp);
        vn = hp & d0;
        pm_old = pm;
    }
    dist
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_slips_are_counted_in_the_letters_of_the_script_typed() {
        let fold = |w: &str| crate::normalize::fold(w);
        // Two Cyrillic slips, four folded letters: `ч` added, `й` changed.
        let (typed, listed) = (fold("Кчарчевскик"), fold("Карчевский"));
        assert!(!two_slips(&typed, &listed, false), "{typed} / {listed}");
        assert!(two_slips(&typed, &listed, true), "{typed} / {listed}");
        // `щ` for `с`, `и` added: two slips whichever side spells the hushing sound.
        assert!(two_slips(&fold("Тараиевщич"), &fold("Тарасевич"), true));
        // A slip inside a Latin pair is still one (the letters are asked first).
        assert!(two_slips("lukahsenko", "lukashenko", true));
        // Three Cyrillic slips are not two, and five letters are too few.
        assert!(!two_slips(&fold("Кчарчевсщик"), &fold("Карчевский"), true));
        assert!(!two_slips(&fold("Ливна"), &fold("Литвина"), true));
        // A short surname: two slips that keep its consonants, or one with its first letter kept;
        // not two that change a consonant, and not another first letter.
        assert!(two_slips("mrakv", "markov", false));
        assert!(two_slips("zbkvo", "zubkov", false));
        assert!(two_slips("gulb", "golub", false));
        assert!(!two_slips("lop", "lapo", false));
        assert!(!two_slips("larina", "larin", false));
        assert!(!two_slips("gulak", "golub", false));
        assert!(two_slips("hryg", "hryb", false));
        assert!(two_slips("dryo", "dryl", false));
        assert!(!two_slips("kryb", "hryb", false));
        assert!(!two_slips("gaag", "hryb", false));
        assert!(!two_slips("vm", "vom", false));
        assert!(!two_slips("zhukau", "zhuk", false));
        assert!(!two_slips("ogar", "gora", false));
        assert!(!two_slips("idol", "dola", false));
    }

    /// An organisation's generic word meets its translations (with the keys retrieval sets), a
    /// feminine-looking one too (`Banka`); a word of the same key that is no translation does
    /// not, and neither does a person's word.
    /// An organisation's word romanised with its glide or soft vowel written another way is met
    /// letter for letter (a brand spelt so is still the brand); a person's name is not, nor a
    /// short word, nor a word that differs in more than its glides.
    #[test]
    fn an_organisations_word_differing_only_in_glides_is_letter_for_letter() {
        let word = |w: &str| Token::query(w, Role::Word, 1.0);
        let listed = Token::new("belavia", Role::Word, 1.0);
        for w in ["belaviya", "belavija", "belaviia"] {
            assert_eq!(token_sim(&word(w), &listed), 1.0, "{w}");
        }
        assert!(token_sim(&word("belavida"), &listed) < 1.0);
        assert!(token_sim(&word("miya"), &Token::new("mia", Role::Word, 1.0)) < 1.0);
        let given = Token::query("mariya", Role::Given, 1.0);
        assert!(token_sim(&given, &Token::new("maria", Role::Given, 1.0)) < 1.0);
    }

    /// Two letters swapped across one, or one moved two places, is a slip: as one edit, below
    /// BLOCK strength. Not letters further apart, nor another first letter.
    #[test]
    fn letters_moved_are_one_slip() {
        let surname = |w: &str| Token::query(w, Role::Surname, 2.0);
        for (a, b) in [("bakarat", "barakat"), ("malerhbe", "malherbe"), ("lukahsenko", "lukashenko")] {
            let s = token_sim(&surname(a), &Token::new(b, Role::Surname, 2.0));
            assert!((MIN_TOKEN_SIM..BLOCK_PAIR_SIM.max(0.91)).contains(&s), "{a} / {b}: {s}");
        }
        assert!(!letters_moved("kabarat", "barakat"), "first letter");
        assert!(!letters_moved("barakta", "bakarat"), "letters four places apart");
        assert!(!letters_moved("ivanov", "ivanov"));
    }

    #[test]
    fn another_first_sound_is_below_block_strength() {
        let surname = |w: &str| Token::query(w, Role::Surname, 2.0);
        let sim = |a: &str, b: &str| token_sim(&surname(a), &Token::new(b, Role::Surname, 2.0));
        for (a, b) in [("dashkevich", "vashkevich"), ("pashkevich", "vashkevich"), ("bondarenko", "hondarenko")] {
            let s = sim(a, b);
            assert!((MIN_TOKEN_SIM..BLOCK_PAIR_SIM).contains(&s), "{a} / {b}: {s}");
        }
        // A slip further in, romanisations whose first letters differ and a look-alike keep block
        // strength.
        for (a, b) in [
            ("lukoshenko", "lukashenko"),
            ("chrenin", "khrenin"),
            ("xrenin", "khrenin"),
            ("simousky", "zimousky"),
            ("hienadz", "gienadz"),
            ("iukashenka", "lukashenka"),
        ] {
            let s = sim(a, b);
            assert!(s >= BLOCK_PAIR_SIM, "{a} / {b}: {s}");
        }
    }

    #[test]
    fn organisation_words_meet_their_translations() {
        let word = |w: &str| {
            let mut t = Token::query(w, Role::Word, 1.0);
            t.set_equivalents(crate::index::org_synonym_keys(w, &crate::normalize::phonetic_key(w)));
            t
        };
        let listed = |w: &str| Token::new(w, Role::Word, 1.0);
        for (a, b) in [("works", "plant"), ("zavod", "factory"), ("banka", "bank"), ("bank", "banque"), ("neft", "oil")]
        {
            assert_eq!(token_sim(&word(a), &listed(b)), EQUIVALENT_SIM, "{a} / {b}");
        }
        let mill = crate::normalize::phonetic_key("mill");
        let other =
            ["mali", "mall", "mole", "mila", "mail"].into_iter().find(|w| crate::normalize::phonetic_key(w) == mill);
        let other = other.expect("a word of mill's key");
        assert!(token_sim(&word("works"), &listed(other)) < MIN_TOKEN_SIM, "works / {other}");
        assert!(token_sim(&Token::query("works", Role::Surname, 2.0), &listed("plant")) < MIN_TOKEN_SIM);
        // The inflected forms the table writes (an organisation's words only): `Industries`,
        // `Trading`.
        for (a, b) in
            [("industries", "industry"), ("trading", "trade"), ("systems", "system"), ("technologies", "technology")]
        {
            assert_eq!(token_sim(&word(a), &listed(b)), EQUIVALENT_SIM, "{a} / {b}");
        }
        assert!(token_sim(&Token::query("trading", Role::Given, 1.0), &listed("trade")) < MIN_TOKEN_SIM);
        assert!(token_sim(&word("status"), &listed("stat")) < MIN_TOKEN_SIM);
    }

    #[test]
    fn other_languages_romanisations_meet_the_lists_spelling() {
        let given = |w: &str| Token::query(w, Role::Given, 1.0);
        let sim = |a: &str, b: &str| token_sim(&given(a), &given(b));
        // German `s` for з and `z` for ц, `sch` for ж; Spanish `j` for х; the neighbours' `ch`.
        let surname =
            |a: &str, b: &str| token_sim(&Token::query(a, Role::Surname, 2.0), &Token::query(b, Role::Surname, 2.0));
        for (a, b) in [("saizew", "zaitsev"), ("gurschy", "gurzhy"), ("jrenin", "khrenin"), ("mijovich", "mikhovich")] {
            assert!(surname(a, b) >= BLOCK_PAIR_SIM, "{a} / {b}: {}", surname(a, b));
        }
        // A given name so spelt is review strength, as a neighbour language's form is.
        assert_eq!(sim("mijail", "mikhail"), RESPELT_NEAR_SIM);
        assert!(sim("chrenin", "khrenin") >= MIN_TOKEN_SIM);
        // A Lithuanian ending on a spelling read so: review strength.
        assert_eq!(sim("chreninas", "khrenin"), INFLECTED_SIM);
        // An ending after the `u` of ў, a stem met only as closely as a word is, an `-is` that
        // writes `-ий`: review strength too (round 18: `Zubkouas`, `Igaras`, `Juris`).
        for (a, b) in [("zubkouas", "zubkou"), ("shatrous", "shatrou"), ("igaras", "ihar"), ("juris", "yury")] {
            assert!((MIN_TOKEN_SIM..=INFLECTED_SIM).contains(&sim(a, b)), "{a} / {b}: {}", sim(a, b));
        }
        // Not a stem of other letters (`Simons` / Sheiman share a key).
        assert!(sim("simons", "sheiman") < MIN_TOKEN_SIM);
        // The glide written `j`, `y` or `i` where it stands: review strength in short names; a
        // short word's reading, even exact, too (`Jung` read `yung` is also a Chinese name).
        for (a, b) in [("juryj", "yuriy"), ("ilja", "iliya"), ("jung", "yung")] {
            assert!((MIN_TOKEN_SIM..BLOCK_PAIR_SIM).contains(&sim(a, b)), "{a} / {b}: {}", sim(a, b));
        }
        // A `j` starting a word is no Spanish х (`Jalil` is not Khalil); a reading further off
        // than a letter, or a short word's a letter off, is not lifted by its sound (`Jones` read
        // `yones` is not Younous, `Brown` read `broun` not Braun); French `-eau` is no `-ov`
        // (`Moreau` / `Morov`); glides elsewhere are other letters (`Mariya` / `Mayra`, which
        // only their shared key brings near).
        for (a, b) in [("jan", "khan"), ("jalil", "khalil"), ("jones", "younous"), ("moreau", "morov")] {
            assert!(sim(a, b) < MIN_TOKEN_SIM, "{a} / {b}: {}", sim(a, b));
        }
        for (a, b) in [("brown", "braun"), ("mariya", "mayra")] {
            assert!(sim(a, b) < BLOCK_PAIR_SIM, "{a} / {b}: {}", sim(a, b));
        }
    }

    #[test]
    fn a_letter_dropped_from_a_short_name_is_a_slip() {
        let given = |w: &str| Token::query(w, Role::Given, 1.0);
        for (a, b) in [("yuy", "yury"), ("olg", "olga"), ("igr", "igor")] {
            assert!(token_sim(&given(a), &given(b)) >= SHORT_TYPO_SIM, "{a} / {b}");
        }
    }

    #[test]
    fn a_womans_given_name_meets_a_mans_at_review_strength_at_most() {
        let given = |w: &str| Token::query(w, Role::Given, 1.0);
        assert!(token_sim(&given("aleksandra"), &given("alexander")) <= GENDER_SIM);
        assert!(token_sim(&given("viktoriya"), &given("viktor")) <= GENDER_SIM);
        assert!(token_sim(&given("evgeniya"), &given("evgeniy")) < MIN_TOKEN_SIM);
        // Two spellings of one name of the same gender keep their similarity.
        assert!(token_sim(&given("aleksandra"), &given("alexandra")) >= 0.9);
    }

    #[test]
    fn patronymics_of_different_fathers_do_not_meet() {
        let p = |w: &str| Token::query(w, Role::Patronymic, 0.6);
        assert!(token_sim(&p("yevgenyevich"), &p("ivanovich")) < MIN_TOKEN_SIM);
        assert!(token_sim(&p("grigoryevich"), &p("grigorievich")) >= MIN_TOKEN_SIM);
        assert!(token_sim(&p("hryhoryevich"), &p("grigoryevich")) >= MIN_TOKEN_SIM);
    }

    #[test]
    fn a_short_name_met_by_its_key_alone_cannot_block() {
        let t = |w: &str| Token::new(w, Role::Given, 1.0);
        let s = token_sim(&t("egor"), &t("igor"));
        // An organisation's words are not given names.
        assert!(token_sim(&Token::new("egor", Role::Word, 1.0), &t("igor")) >= 0.9);
        assert!((MIN_TOKEN_SIM..BLOCK_PAIR_SIM).contains(&s), "{s}");
        // The table's spellings of one name still block; long words are unchanged.
        assert!(token_sim(&t("ihar"), &t("igor")) >= BLOCK_PAIR_SIM);
        assert!(token_sim(&t("piotr"), &t("petr")) >= BLOCK_PAIR_SIM);
        assert!(token_sim(&t("lukashenka"), &t("lukashenko")) >= BLOCK_PAIR_SIM);
    }

    /// The byte match in `one_per_letter` finds every spelling of its table, alone and inside a
    /// word, and replaces it as the table says; a word with none is left as it is.
    #[test]
    fn one_per_letter_finds_every_spelling_of_its_table() {
        for (d, l) in DIGRAPHS {
            assert_eq!(one_per_letter(d), l, "{d}");
            let word = format!("o{d}a");
            assert!(matches!(one_per_letter(&word), std::borrow::Cow::Owned(_)), "{word}");
            assert_eq!(one_per_letter(&word), format!("o{l}a"), "{word}");
        }
        assert_eq!(one_per_letter("vashchenko"), "vaщenko");
        assert!(matches!(one_per_letter("petrov"), std::borrow::Cow::Borrowed(_)));
    }

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
            "minskyzavodkolesnykhtyagachei",
            "minskiyzavodkolesnyhtyagachey",
            "otkrytoeaktsionernoeobshchestvobelaruskaliminskayaoblastsoligorsk",
            "otkrytoeaktsionernoeobshchestvobelaruskaliminskayaoblast",
        ];
        for a in words {
            for b in words {
                let d = strsim::osa_distance(a, b);
                assert_eq!(within_one_edit(a.as_bytes(), b.as_bytes()), (d <= 1).then_some(d), "{a} / {b}");
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
        let mut next = super::super::xorshift(12345);
        // Most of them short; some about 64 letters long, where the bit-parallel pattern ends.
        let words: Vec<String> = (0..190)
            .map(|i| {
                let n = if i < 150 { next() % 11 } else { 56 + next() % 14 };
                (0..n).map(|_| char::from(b'a' + (next() % 4) as u8)).collect()
            })
            .collect();
        for a in &words {
            for b in &words {
                let d = strsim::osa_distance(a, b);
                if a.len().max(b.len()) <= 64 {
                    assert_eq!(osa_ascii(a.as_bytes(), b.as_bytes()), d, "{a} / {b}");
                }
                assert_eq!(within_one_edit(a.as_bytes(), b.as_bytes()), (d <= 1).then_some(d), "{a} / {b}");
                for k in 0..8 {
                    assert_eq!(osa_within(a, b, k), (d <= k).then_some(d), "{a} / {b} within {k}");
                }
            }
        }
    }
}
