//! The index snapshot: every in-scope entity of every loaded list, with its names prepared for
//! comparison and the lookup tables the matcher retrieves candidates from.
//!
//! A snapshot is immutable once built. Reloads build a new one off the request path and swap it
//! in whole (see `store`), so a request always sees one consistent set of lists and the index
//! needs no locks.

mod equivalents;
pub mod name_form;

pub use equivalents::{
    equivalent_in_table, is_given_name_in_table, is_kind_word, is_neighbour_form, is_org_synonym_word,
    is_patronymic_of_given_name, nickname_lookup, nickname_matches, nicknames_of, org_synonym_keys, org_synonyms,
    spellings_in_table_row,
};

use std::collections::HashMap;
use std::sync::Arc;

use rustc_hash::FxHashMap;

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
    /// When the publication was published, as the staleness alarm judges it (see
    /// [`SourceInfo::publication_basis`]).
    pub published: Option<time::OffsetDateTime>,
    /// What `published` was taken from: the list's own date field (`DateGenerated`,
    /// `generationDate`, `Last Updated`), or `content change` (the file's modification time when
    /// its content was first read) for the lists that state no date.
    pub publication_basis: &'static str,
    /// Older than this, the publication is stale (`None`: never).
    pub max_age: Option<std::time::Duration>,
}

impl SourceInfo {
    /// Whether the publication is older than its `max_age` at `now`: its publisher stopped
    /// publishing (a retired list) or the feed stopped reaching us.
    pub fn stale(&self, now: time::OffsetDateTime) -> bool {
        match (self.published, self.max_age) {
            (Some(p), Some(max)) => (now - p).whole_seconds() > i64::try_from(max.as_secs()).unwrap_or(i64::MAX),
            _ => false,
        }
    }

    /// `published` as RFC 3339, UTC; empty when unknown.
    pub fn published_rfc3339(&self) -> String {
        self.published
            .and_then(|p| p.to_offset(time::UtcOffset::UTC).format(&time::format_description::well_known::Rfc3339).ok())
            .unwrap_or_default()
    }
}

/// The parsed publication of one source, ready to be indexed.
#[derive(Debug, Clone)]
pub struct LoadedSource {
    pub info: SourceInfo,
    /// Shared with the snapshots built from it: the reloader keeps each source's last accepted
    /// publication (the gate's reference), and copying every entity into each new snapshot
    /// would double memory and slow reloads.
    pub entities: Vec<Arc<Entity>>,
}

/// One listed name of one entity, prepared.
#[derive(Debug)]
pub struct Variant {
    pub entity: u32,
    pub name: u16,
    /// Total weight of the name's legal-form words (compared when scored, never retrieved by).
    pub legal_weight: f32,
    /// The least a score's denominator can be for a query cut by a field width, which scoring
    /// may excuse the required tokens after its last match: at least one required token is
    /// matched, and a surname is never excused, so the first required token and every surname.
    /// (Without a cut it is the required weight, in `Snapshot::variant_bounds`.)
    pub cut_weight: f32,
    /// The name's tokens in order. Spellings and keys live once in `Snapshot::tokens`: "Aleksandr"
    /// is in hundreds of names, and a copy per name was a fifth of the memory of all lists.
    pub parts: Box<[Part]>,
    /// Positions of the words that name the organisation by themselves
    /// (`name_form::brand_words`).
    pub brands: u64,
    /// A person's alias without the surname the entity's other names give: given name and
    /// patronymic alone (UK's `Sergei YEVGENEVICH` of Sergei Yevgenevich ZUBKOV, Canada's
    /// `Andrey Sergeevich` of Andrei Siarheevich PALCHIK), where the list knows the surname the
    /// alias leaves out (see `score::score_pairs_with`, `other_surname`).
    pub surnameless_alias: bool,
}

/// A variant's score bound inputs (see `Snapshot::variant_bounds`).
#[derive(Debug, Clone, Copy)]
pub struct VariantBound {
    /// Sum of the weights of the name's required tokens: the least a score's denominator can be
    /// (unless the query was cut by a field width: see `Variant::cut_weight`).
    pub required_weight: f32,
    /// The most matched legal-form words can add to the name's score: they are compared when a
    /// name is scored but not retrieved by, so they are not in the shares. With `L` their total
    /// weight, matching them adds at most `L / (required_weight + L)`.
    pub legal_slack: f32,
    pub person: bool,
    /// By how much this name's score can exceed its shares (which divide by `required_weight`):
    /// when a person's given name or patronymic is met, the other given names may be left out and
    /// weigh half (`name_form::SECOND_GIVEN_FACTOR`), so the denominator can be as little as
    /// `required_weight` less half their weight. `required / least`; 1 for organisations.
    pub given_relax: f32,
    /// An organisation's name of three required words or more: the largest share of one of them
    /// that says only what kind of establishment it is (`Plant`; `equivalents::is_kind_word`),
    /// which a query may leave out and still score `score::ORG_KIND_LEFT_SCORE`. 0 otherwise.
    pub kind_share: f32,
}

/// `required / least` of [`VariantBound::given_relax`], the least denominator being `required`
/// less `SECOND_GIVEN_FACTOR` of `given` (the weights of the required given names).
pub fn given_relax(required: f32, given: f32) -> f32 {
    let least = required - name_form::SECOND_GIVEN_FACTOR * given;
    if given <= 0.0 {
        1.0
    } else if least <= 0.0 {
        f32::MAX
    } else {
        required / least
    }
}

/// One position of a listed name: which distinct token is there, and what it is in this name.
#[derive(Debug, Clone, Copy)]
pub struct Part {
    pub token: u32,
    pub role: name_form::Role,
    pub weight: f32,
}

/// A listed name as scoring reads it: each position's token with its role and weight here.
#[derive(Debug, Clone, Copy)]
pub struct ListedName<'a> {
    pub parts: &'a [Part],
    pub tokens: &'a [ListedToken],
    /// `Variant::brands`.
    pub brands: u64,
    /// `Variant::surnameless_alias`.
    pub surnameless_alias: bool,
}

impl<'a> ListedName<'a> {
    pub fn token(&self, pos: usize) -> &'a name_form::Token {
        &self.tokens[self.parts[pos].token as usize].tok
    }
}

/// A distinct token spelling among all listed names, with where it occurs. (Its `tok`'s role and
/// weight are those of one occurrence; each name's own are in its `Part`s.)
#[derive(Debug)]
pub struct ListedToken {
    pub tok: name_form::Token,
    /// Occurrences in person names first, then in other names: a query compares its person
    /// reading with person names only, and "Ivanovich" occurs in tens of thousands of person
    /// names and no organisation's, so each reading reads only its own slice. Within each, by
    /// share, highest first.
    occurrences: Vec<Occurrence>,
    /// How many of `occurrences` are in person names.
    persons: u32,
    /// One of its occurrences is a brand (`Occurrence::brand`): never deferred by retrieval,
    /// whose budget counts shares only.
    pub brand: bool,
}

impl ListedToken {
    /// Where the token occurs in person names (`person`) or in other names.
    pub fn occurrences(&self, person: bool) -> &[Occurrence] {
        let (persons, others) = self.occurrences.split_at(self.persons as usize);
        if person {
            persons
        } else {
            others
        }
    }
}

/// Where a listed token occurs, with what retrieval needs to bound the name's score without
/// touching the name itself.
#[derive(Debug, Clone, Copy)]
pub struct Occurrence {
    pub variant: u32,
    /// Position of the token in the variant's `parts`.
    pub pos: u8,
    /// The token's weight over the name's required weight: its most to the name's score (for a
    /// query not cut by a field width).
    pub share: f32,
    /// The token names an organisation by itself (`name_form::brand_words`): met letter for
    /// letter, it may lift the name to REVIEW whatever its share.
    pub brand: bool,
}

/// Statistics drawn from every entity of every loaded list (in scope or not: more names give
/// better statistics). `Compare` reuses the live snapshot's so that it scores as screening does.
///
/// Both maps are read for every word of every query, and are keyed by list data (a client's
/// words only look up): `FxHashMap`, whose hash costs a tenth of the default SipHash's on words
/// this short, with no flooding to fear.
#[derive(Debug, Clone, Default)]
pub struct ListStats {
    /// Organisation-word weights by phonetic key, from document frequency.
    pub word_weights: FxHashMap<String, f32>,
    /// Given-name equivalents by phonetic key (see `equivalents`).
    pub name_equivalents: FxHashMap<String, Arc<[String]>>,
    /// Hashes of the (folded) words of every listed address: the lists' own places (`Minsk`,
    /// `Vitebsk`, streets), which name no company by themselves however rare they are among
    /// company names (see `name_form::brand_words`).
    pub place_words: rustc_hash::FxHashSet<u64>,
    /// Hashes of the (folded) words of every listed person's names: a company named after a
    /// person (`… named after V.I. Kozlov`) is not named by that word alone.
    pub person_words: rustc_hash::FxHashSet<u64>,
}

impl ListStats {
    pub fn from_sources(sources: &[LoadedSource]) -> ListStats {
        ListStats {
            word_weights: word_weights(sources),
            name_equivalents: equivalents::pairs(sources.iter().flat_map(|s| s.entities.iter().map(|e| &**e)))
                .into_iter()
                .map(|(k, v)| (k, Arc::from(v)))
                .collect(),
            place_words: sources
                .iter()
                .flat_map(|s| &s.entities)
                .flat_map(|e| &e.addresses)
                .flat_map(|a| fold(a).split_whitespace().map(|w| fnv(w.bytes())).collect::<Vec<_>>())
                .collect(),
            person_words: sources
                .iter()
                .flat_map(|s| &s.entities)
                .filter(|e| e.entity_type == EntityType::Person)
                .flat_map(|e| &e.names)
                .flat_map(|n| fold(&n.full).split_whitespace().map(|w| fnv(w.bytes())).collect::<Vec<_>>())
                .collect(),
        }
    }

    /// Whether a folded word is a word of a listed address.
    pub fn is_place_word(&self, word: &str) -> bool {
        self.place_words.contains(&fnv(word.bytes()))
    }

    /// Whether a folded word is a word of a listed person's name.
    pub fn is_person_word(&self, word: &str) -> bool {
        self.person_words.contains(&fnv(word.bytes()))
    }
}

#[derive(Debug)]
pub struct Snapshot {
    pub regime: Regime,
    pub sources: Vec<SourceInfo>,
    pub list_version: String,
    /// In-scope entities only.
    pub entities: Vec<Arc<Entity>>,
    pub variants: Vec<Variant>,
    /// What bounds each variant's score, apart from the variant itself: retrieval checks the
    /// bound of thousands of candidate names a query at a million names, and reading these from
    /// the variants missed the cache on every one.
    pub variant_bounds: Vec<VariantBound>,
    /// The largest `legal_slack` of any variant: what legal-form words may add to any name that
    /// retrieval never reached.
    pub max_legal_slack: f32,
    /// The most a person's score can exceed its share bound by its given names left out
    /// (`VariantBound::given_relax`): the largest of them.
    pub max_given_relax: f32,
    /// Country keys (ISO alpha-2 where recognised) of each entity, for comparison.
    pub countries: Vec<Vec<String>>,
    /// Distinct listed tokens. Similarities are computed once per query token and distinct listed
    /// token, not once per listed name: "aleksandr" occurs in hundreds of names.
    pub tokens: Vec<ListedToken>,
    /// (Keys are already hashes, so the map uses the cheap Fx hasher rather than SipHash.)
    /// Hash of a token's phonetic key or folded spelling, and of each with one letter deleted →
    /// tokens. A query token looks up the same hashes, so a typo, a dropped letter or another
    /// romanisation still meets the listed token (symmetric-deletion lookup) through hash lookups
    /// instead of a scan. Hash collisions only add candidates, which scoring then rejects.
    /// Each hash maps to a range of `posting_ids` rather than to a vector of its own: hundreds of
    /// thousands of short lists as separate allocations cost several times their contents.
    postings: FxHashMap<u64, (u32, u32)>,
    posting_ids: Vec<u32>,
    /// Normalised identifier → entities.
    identifiers: HashMap<String, Vec<u32>>,
    /// Hashes of the spellings of the words of listed persons' names, and of organisations' (see
    /// `is_listed_word`): asked dozens of times per query word that may be words run together,
    /// where scanning postings cost more than the screening.
    listed_words: [rustc_hash::FxHashSet<u64>; 2],
    /// Organisations' words (token ids) by first letter, `a` to `z`: what a query word written
    /// short (`Pl.`, `Mgmt`) may stand for is looked for among them ([`Snapshot::tokens_abbreviated_by`]),
    /// since an abbreviation shares no key or deletion with its word.
    org_words_by_initial: Vec<Vec<u32>>,
    /// Listed names by [`words_key`] → their variants, organisations' then persons' (primary
    /// names and strong aliases): how a party sent with the other type is met.
    /// Laid out as the postings are (`flatten`): a vector per key cost 100 MB at a million names.
    names_as_words: [Flat; 2],
    /// Shared, not copied: `Compare` builds a one-entity snapshot with the live one's statistics.
    stats: Arc<ListStats>,
    /// Accepted false positives, loaded and swapped with the lists.
    pub good_guys: crate::good_guys::GoodGuys,
}

/// Organisation words never seen in the lists weigh the most.
const MAX_WORD_WEIGHT: f32 = 1.5;
/// Hash seeds separating the kinds of lookup keys.
const SEED_SKELETON: u8 = b's';
const SEED_PREFIX: u8 = b'p';
const SEED_CONSONANTS: u8 = b'c';
const SEED_MOVED: u8 = b'm';
/// Entities whose names are prepared together (in parallel) during a build.
const BUILD_CHUNK: usize = 4096;
/// Shortest prefix indexed for truncated queries.
const MIN_PREFIX: usize = name_form::MIN_PREFIX_CHARS;

/// The lookup hash of a word of six letters or more by its first letter and its other letters
/// sorted: what a word with letters moved (`Bakarat` / `Barakat`, see
/// `matcher::similarity::letters_moved`) shares with the word, which deletions do not reach.
fn moved_hash(text: &str) -> Option<u64> {
    let b = text.as_bytes();
    if b.len() < 6 || !b.is_ascii() {
        return None;
    }
    // A sum of one random number per letter is the same in any order of the letters, and costs
    // less than sorting them (this runs for every query word). Two words of other letters with
    // the same sum only add a candidate, which scoring rejects.
    let sum = b[1..].iter().fold(0u64, |h, &x| h.wrapping_add(LETTER_RANDOM[usize::from(x & 0x7f)]));
    Some(fnv([SEED_MOVED, b[0]].into_iter()) ^ sum)
}

/// Shortest word indexed by its thirds ([`thirds_hashes`]).
const MIN_THIRDS_CHARS: usize = 10;
const SEED_THIRDS: u8 = b't';
/// A word as English spelling says it (`normalize::hard_c_reading`: `Klub`, `Tobakko` for Club,
/// Tobacco), asked by its reading only, without deletions.
const SEED_HARD_C: u8 = b'k';

/// The hash a word is looked up by as English spelling says it, for words that reading may
/// make another's (see [`SEED_HARD_C`]).
fn hard_c_hash(t: &name_form::Token) -> Option<u64> {
    if !t.reads_as_english().0 {
        return None;
    }
    let mut buf = [0u8; 64];
    let n = crate::normalize::hard_c_reading(&t.text, &mut buf)?;
    Some(fnv(std::iter::once(SEED_HARD_C).chain(buf[..n].iter().copied())))
}

/// Most listed words a third may be shared by to be looked up (see `Snapshot::tokens_near`).
const MAX_THIRD_SHARED: u32 = 16;

/// The lookup hashes of a long word's first, middle and last third (each keyed by the word's
/// length and its place): two slips in a word (`Lulashebko` for Lukashenko, 0.8 alike) leave one
/// third whole, where deletions reach one slip only. A listed word is indexed by its own length;
/// a query word asks for a listed length `len` (its own, or one more or less: a letter added or
/// dropped). The middle third is asked only at the word's own length, where it has not moved.
/// Only words of ten letters or more: in a shorter one two slips are another name (0.75 alike at
/// eight letters, below what a pair needs).
fn thirds_hashes(text: &str, len: usize, f: &mut impl FnMut(u64)) {
    let b = text.as_bytes();
    if len < MIN_THIRDS_CHARS || !b.is_ascii() || b.len().abs_diff(len) > 1 || b.len() < MIN_THIRDS_CHARS - 1 {
        return;
    }
    let k = len / 3;
    let at = |place: u8, part: &[u8]| fnv([SEED_THIRDS, place, len as u8].into_iter().chain(part.iter().copied()));
    f(at(0, &b[..k]));
    f(at(2, &b[b.len() - k..]));
    if b.len() == len {
        f(at(1, &b[k..2 * k]));
    }
}

/// One random number per ASCII byte, for [`moved_hash`] (xorshift64, fixed seed).
const LETTER_RANDOM: [u64; 128] = {
    let mut t = [0u64; 128];
    let mut x: u64 = 0x2545_f491_4f6c_dd1d;
    let mut i = 0;
    while i < 128 {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        t[i] = x;
        i += 1;
    }
    t
};

/// Set apart the hashes of consonant classes (`normalize::loose_key`), which would otherwise meet
/// spellings (`ksn` is both).
const SEED_LOOSE: u64 = 0x9e37_79b9_7f4a_7c15;
/// Consonant classes get deletion variants from this length: a class lost or added in a long name
/// (`bafu` for `bakh` in kana) still meets; in a short one it meets unrelated names.
const MIN_LOOSE_FOR_DELETES: usize = 5;

/// Spellings shorter than this get no deletion variants: deleting a letter from a 3-letter word
/// meets too many unrelated names.
const MIN_TEXT_FOR_DELETES: usize = 4;
/// Phonetic keys get deletion variants only from this length: the phonetic similarity needs a key
/// ratio of 0.84 to count, which one edit in a key shorter than 7 cannot reach, so shorter keys
/// would retrieve only tokens that scoring then rejects.
const MIN_KEY_FOR_DELETES: usize = 7;

impl Snapshot {
    /// Builds the snapshot from loaded sources. `list_version` digests every source's content
    /// digest and the regime, so two servers with the same files and scope agree on it.
    pub fn build(sources: Vec<LoadedSource>, regime: Regime) -> Snapshot {
        let stats = Arc::new(ListStats::from_sources(&sources));
        Snapshot::build_with_stats(sources, regime, stats)
    }

    /// Builds with given statistics: `Compare` indexes one candidate but must weigh its words and
    /// know name equivalents as the full lists do, or its scores would differ from screening's.
    pub fn build_with_stats(sources: Vec<LoadedSource>, regime: Regime, stats: Arc<ListStats>) -> Snapshot {
        let weight_of = |key: &str| stats.word_weights.get(key).copied().unwrap_or(MAX_WORD_WEIGHT);
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
        let mut variant_bounds = Vec::new();
        let mut max_legal_slack = 0.0f32;
        let mut max_given_relax = 1.0f32;
        let mut tokens: Vec<ListedToken> = Vec::new();
        let mut token_by_text: HashMap<String, u32> = HashMap::new();
        let mut identifiers: HashMap<String, Vec<u32>> = HashMap::new();
        let mut names_as_words: [Vec<(u64, u32)>; 2] = Default::default();
        let mut countries = Vec::with_capacity(entities.len());
        // Names are prepared a chunk at a time: all of them at once would be the peak of a
        // build, and memory freed after a build stays resident.
        let prepared = entities.chunks(BUILD_CHUNK).flat_map(|chunk| chunk.iter().zip(listed_forms(chunk, &weight_of)));
        for (ei, (e, forms)) in prepared.enumerate() {
            // A word in a surname's place is a patronymic when the name has no other, and it is
            // one of a given name the tables know or another name of the same person has it as
            // the patronymic (`Khazalbek BAKHTIBEKAVICH` beside Khazalbek Bakhtibekavich
            // ATABEKAU); beside a patronymic it is the surname (Viktor Evgenievich PETROVICH).
            let patronymics: Vec<&str> = forms
                .iter()
                .filter(|(_, f)| f.person)
                .flat_map(|(_, f)| f.tokens.iter().filter(|t| t.role == name_form::Role::Patronymic))
                .map(|t| &*t.text)
                .collect();
            let has_surname = |f: &NameForm| {
                let with_patronymic = f.tokens.iter().any(|t| t.role == name_form::Role::Patronymic);
                f.person
                    && f.tokens.iter().any(|t| {
                        t.role == name_form::Role::Surname
                            && (with_patronymic
                                || (!patronymics.contains(&&*t.text) && !is_patronymic_of_given_name(&t.text)))
                    })
            };
            let surname_known = forms.iter().any(|(_, f)| has_surname(f));
            let surnameless: Vec<bool> = forms.iter().map(|(_, f)| f.person && !has_surname(f)).collect();
            for ((ni, mut form), surnameless) in forms.into_iter().zip(surnameless) {
                // Positions are kept in a u8 and matched in a 64-bit mask.
                form.tokens.truncate(64);
                if form.tokens.is_empty() || form.tokens.iter().all(|t| t.optional()) {
                    continue;
                }
                let vi = variants.len() as u32;
                if e.names[usize::from(ni)].quality != crate::model::NameQuality::Weak {
                    if let Some(k) = words_key(form.tokens.iter().map(|t| &*t.text)) {
                        names_as_words[usize::from(form.person)].push((k, vi));
                    }
                }
                let required_weight: f32 = form.tokens.iter().filter(|t| !t.optional()).map(|t| t.weight).sum();
                let brands = if form.person {
                    0
                } else {
                    let words: Vec<_> = form
                        .tokens
                        .iter()
                        .map(|t| {
                            let generic = stats.is_place_word(&t.text)
                                || stats.is_person_word(&t.text)
                                || is_org_synonym_word(&t.text)
                                || stats.name_equivalents.contains_key(&*t.key)
                                || !nicknames_of(&t.text, &t.key).is_empty();
                            (t.role, t.weight, t.text_chars(), generic)
                        })
                        .collect();
                    name_form::brand_words(false, words.iter().copied())
                };
                let mut parts = Vec::with_capacity(form.tokens.len());
                for (pos, t) in form.tokens.iter().enumerate() {
                    let id = *token_by_text.entry(t.text.to_string()).or_insert_with(|| {
                        tokens.push(ListedToken { tok: t.clone(), occurrences: Vec::new(), persons: 0, brand: false });
                        (tokens.len() - 1) as u32
                    });
                    parts.push(Part { token: id, role: t.role, weight: t.weight });
                    // Legal forms ("company", "OOO") occur in thousands of names and carry almost
                    // no weight: scoring compares them directly instead of retrieving by them.
                    if t.role == name_form::Role::Legal {
                        continue;
                    }
                    let share = t.weight / required_weight;
                    let brand = brands & (1 << pos) != 0;
                    let token = &mut tokens[id as usize];
                    token.occurrences.push(Occurrence { variant: vi, pos: pos as u8, share, brand });
                    token.brand |= brand;
                }
                let legal_weight: f32 =
                    parts.iter().filter(|p| p.role == name_form::Role::Legal).map(|p| p.weight).sum();
                let legal_slack = legal_weight / (required_weight + legal_weight);
                max_legal_slack = max_legal_slack.max(legal_slack);
                let given_weight: f32 =
                    form.tokens.iter().filter(|t| t.role == name_form::Role::Given).map(|t| t.weight).sum();
                let given_relax = if form.person { given_relax(required_weight, given_weight) } else { 1.0 };
                let required = form.tokens.iter().filter(|t| !t.optional()).count();
                let kind_share = if form.person || required < 3 {
                    0.0
                } else {
                    form.tokens
                        .iter()
                        .filter(|t| !t.optional() && is_kind_word(&t.text))
                        .fold(0.0f32, |m, t| m.max(t.weight / required_weight))
                };
                let bound = VariantBound { required_weight, legal_slack, person: form.person, given_relax, kind_share };
                max_given_relax = max_given_relax.max(given_relax);
                variant_bounds.push(bound);
                variants.push(Variant {
                    entity: ei as u32,
                    name: ni,
                    legal_weight,
                    cut_weight: cut_weight(&parts),
                    parts: parts.into_boxed_slice(),
                    brands,
                    surnameless_alias: surname_known && surnameless,
                });
            }
            for id in &e.identifiers {
                let k = id.key();
                if k.len() >= 4 {
                    identifiers.entry(k).or_default().push(ei as u32);
                }
            }
            countries.push(e.countries.iter().map(|c| country_key(c)).collect());
        }
        for t in &mut tokens {
            // Person names first, then by share, highest first (retrieval defers a common
            // token's occurrences of low share); stable, so in variant order within a share.
            t.occurrences.sort_by(|a, b| {
                let person = |o: &Occurrence| !variant_bounds[o.variant as usize].person;
                person(a).cmp(&person(b)).then(b.share.total_cmp(&a.share))
            });
            t.persons = t.occurrences.iter().filter(|o| variant_bounds[o.variant as usize].person).count() as u32;
        }
        let mut pairs: Vec<(u64, u32)> = Vec::new();
        // Tokens seen only as legal forms are not retrieved by.
        for (id, t) in tokens.iter().enumerate().filter(|(_, t)| !t.occurrences.is_empty()) {
            let id = id as u32;
            let mut add = |h: u64| pairs.push((h, id));
            let t = &t.tok;
            lookup_hashes(&t.key, MIN_KEY_FOR_DELETES, &mut add);
            lookup_hashes(&t.text, MIN_TEXT_FOR_DELETES, &mut add);
            thirds_hashes(&t.text, t.text.len(), &mut add);
            cyrillic_letter_deletes(&t.text, &mut add);
            if t.skeleton.len() >= name_form::MIN_SKELETON {
                add(fnv(std::iter::once(SEED_SKELETON).chain(t.skeleton.bytes())));
            }
            let consonants = name_form::consonants(&t.text);
            if consonants.len() >= name_form::MIN_SKELETON {
                add(fnv(std::iter::once(SEED_CONSONANTS).chain(consonants.bytes())));
            }
            let loose = crate::normalize::loose_key(&t.text);
            if loose.len() >= name_form::MIN_LOOSE_CLASSES {
                lookup_hashes(&loose, MIN_LOOSE_FOR_DELETES, &mut |h| add(h ^ SEED_LOOSE));
            }
            if let Some(h) = moved_hash(&t.text) {
                add(h);
            }
            if let Some(h) = hard_c_hash(t) {
                add(h);
            }
            for (i, _) in t.text.char_indices().skip(MIN_PREFIX) {
                add(fnv(std::iter::once(SEED_PREFIX).chain(t.text[..i].bytes())));
            }
        }
        let mut listed_words: [rustc_hash::FxHashSet<u64>; 2] = Default::default();
        for t in tokens.iter().filter(|t| !t.occurrences.is_empty()) {
            let h = fnv(t.tok.text.bytes());
            if t.persons > 0 {
                listed_words[0].insert(h);
            }
            if t.occurrences.len() > t.persons as usize {
                listed_words[1].insert(h);
            }
        }
        // The generic words of organisations' names in every spelling of their tables: a body the
        // lists name in English is paid to in Russian, its words run together too.
        for w in equivalents::org_table_words() {
            listed_words[1].insert(fnv(w.bytes()));
        }
        let mut org_words_by_initial = vec![Vec::new(); 26];
        for (id, t) in tokens.iter().enumerate().filter(|(_, t)| t.occurrences.len() > t.persons as usize) {
            if let Some(&b @ b'a'..=b'z') = t.tok.text.as_bytes().first() {
                org_words_by_initial[usize::from(b - b'a')].push(id as u32);
            }
        }
        let (postings, posting_ids) = flatten(pairs);
        Snapshot {
            regime,
            sources: infos,
            list_version,
            entities,
            variants,
            variant_bounds,
            max_legal_slack,
            max_given_relax,
            countries,
            tokens,
            postings,
            posting_ids,
            identifiers,
            listed_words,
            org_words_by_initial,
            names_as_words: names_as_words.map(flatten),
            stats,
            good_guys: Default::default(),
        }
    }

    /// Organisations' words that the query word `short` may stand for ([`name_form::abbreviates`]),
    /// added to `out`. A scan of the words of its first letter (a few hundred on the Belarus
    /// lists), asked only of words written short, a few per query at most.
    pub fn tokens_abbreviated_by(&self, short: &str, out: &mut Vec<u32>) {
        let Some(&b @ b'a'..=b'z') = short.as_bytes().first() else { return };
        for &id in &self.org_words_by_initial[usize::from(b - b'a')] {
            if name_form::abbreviates(short, &self.tokens[id as usize].tok.text) {
                out.push(id);
            }
        }
    }

    /// Listed tokens that may be similar to a query token: sharing its key or spelling (or
    /// either with one letter deleted), its equivalent names in other languages, its consonants when it has no
    /// vowels, beginning with it when it may have been cut, sharing a third of a long word
    /// with it (two slips, [`thirds_hashes`]), and read alike as English spelling says them
    /// ([`SEED_HARD_C`]).
    pub fn tokens_near(&self, q: &name_form::Token, cut: bool, out: &mut Vec<u32>) {
        let before = out.len();
        let mut get = |h: u64| {
            if let Some(&(start, end)) = self.postings.get(&h) {
                let ids = &self.posting_ids[start as usize..end as usize];
                // Most ranges hold one to three ids: copied one by one, since the `memmove` call
                // that `extend_from_slice` becomes cost more than the copying.
                if ids.len() <= 8 {
                    for &id in ids {
                        out.push(id);
                    }
                } else {
                    out.extend_from_slice(ids);
                }
            }
        };
        lookup_hashes(&q.key, MIN_KEY_FOR_DELETES, &mut get);
        lookup_hashes(&q.text, MIN_TEXT_FOR_DELETES, &mut get);
        // Alternative readings by exact key only: with deletions too they would triple the lookups.
        for k in q.alt_keys().iter().map(String::as_str).chain(q.respelt().iter().map(|r| &*r.key)) {
            get(fnv(k.bytes()));
        }
        // A word in leet is as far off by its letters as any spelling (`P4U11CH3NK4` is a letter
        // from Paulichenka whichever way its `1`s are read).
        for reading in q.leet() {
            lookup_hashes(reading, MIN_TEXT_FOR_DELETES, &mut get);
        }
        // A Baltic ending stripped is a word of its own, as far off as any other spelling.
        // By key only: the stems are a reading of every word so ending, and their spellings with
        // deletions too were a thirtieth of screening a name.
        for stem in q.inflection_stems() {
            lookup_hashes(&stem.key, MIN_KEY_FOR_DELETES, &mut get);
            for r in stem.respelt() {
                get(fnv(r.key.bytes()));
            }
        }
        if q.vowelless() {
            get(fnv(std::iter::once(SEED_SKELETON).chain(q.skeleton.bytes())));
            let consonants = name_form::consonants(&q.text);
            get(fnv(std::iter::once(SEED_CONSONANTS).chain(consonants.bytes())));
        }
        if cut && q.text_chars() >= MIN_PREFIX {
            get(fnv(std::iter::once(SEED_PREFIX).chain(q.text.bytes())));
        }
        for k in q.equivalents() {
            get(fnv(k.bytes()));
        }
        for loose in q.loose().iter().filter(|l| l.len() >= name_form::MIN_LOOSE_CLASSES) {
            lookup_hashes(loose, MIN_LOOSE_FOR_DELETES, &mut |h| get(h ^ SEED_LOOSE));
        }
        for k in q.nicknames() {
            get(fnv(nickname_lookup(k).bytes()));
        }
        if let Some(h) = moved_hash(&q.text) {
            get(h);
        }
        // Only for a word nothing above reached, a word the lists do not know: a listed one
        // (`Grigoryevich`) shares its thirds with hundreds (every patronymic ends alike), and
        // asking them for every long word doubled the instructions of a screening. A third that
        // many listed words share (`vich` at the end) says little and is passed over.
        if out.len() == before && q.text.len() + 1 >= MIN_THIRDS_CHARS {
            for len in q.text.len().saturating_sub(1)..=q.text.len() + 1 {
                thirds_hashes(&q.text, len, &mut |h| {
                    if let Some(&(start, end)) = self.postings.get(&h) {
                        if end - start <= MAX_THIRD_SHARED {
                            out.extend_from_slice(&self.posting_ids[start as usize..end as usize]);
                        }
                    }
                });
            }
        }
        // After the thirds, which ask whether anything above reached the word.
        if let Some(h) = hard_c_hash(q) {
            if let Some(&(start, end)) = self.postings.get(&h) {
                out.extend_from_slice(&self.posting_ids[start as usize..end as usize]);
            }
        }
    }

    /// The variants of listed names whose [`words_key`] is `key`: of persons' names when
    /// `person`, else of organisations'.
    pub fn listed_as_words(&self, person: bool, key: u64) -> &[u32] {
        let (ranges, ids) = &self.names_as_words[usize::from(person)];
        ranges.get(&key).map_or(&[], |&(start, end)| &ids[start as usize..end as usize])
    }

    /// Whether `word` (folded) is a word of a listed name: of a person's name when `person`, else
    /// of an organisation's. Legal-form-only words do not count.
    pub fn is_listed_word(&self, word: &str, person: bool) -> bool {
        self.listed_words[usize::from(!person)].contains(&fnv(word.bytes()))
    }

    /// Keys of the given names equivalent to this one in other languages.
    pub fn name_equivalents(&self, key: &str) -> Arc<[String]> {
        self.stats.name_equivalents.get(key).cloned().unwrap_or_default()
    }

    pub fn stats(&self) -> &Arc<ListStats> {
        &self.stats
    }

    /// Entities listing an identifier with this normalised value.
    pub fn entities_with_identifier(&self, key: &str) -> &[u32] {
        self.identifiers.get(key).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Weight of an organisation word (by phonetic key): rare words weigh more.
    pub fn word_weight(&self, key: &str) -> f32 {
        self.stats.word_weights.get(key).copied().unwrap_or(MAX_WORD_WEIGHT)
    }

    /// Variant `vi`'s name as scoring reads it.
    pub fn listed_name(&self, vi: u32) -> ListedName<'_> {
        let v = &self.variants[vi as usize];
        ListedName { parts: &v.parts, tokens: &self.tokens, brands: v.brands, surnameless_alias: v.surnameless_alias }
    }

    pub fn entity_count(&self) -> usize {
        self.entities.len()
    }
}

/// See `Variant::cut_weight`.
fn cut_weight(parts: &[Part]) -> f32 {
    let first = parts.iter().position(|p| !p.role.optional());
    let surnames: f32 = parts
        .iter()
        .enumerate()
        .filter(|&(i, p)| p.role == name_form::Role::Surname && Some(i) != first)
        .map(|(_, p)| p.weight)
        .sum();
    first.map_or(0.0, |i| parts[i].weight) + surnames
}

/// Calls `f` with the hash of `s` and, for long enough strings, of `s` with each one character
/// deleted, without allocating.
///
/// The hash of the letters before a deletion is carried along rather than recomputed for each
/// (FNV-1a is a fold from the left), which halves the hashing of a word's deletions.
fn lookup_hashes(s: &str, min_len_for_deletes: usize, f: &mut impl FnMut(u64)) {
    let b = s.as_bytes();
    f(fnv(b.iter().copied()));
    if s.len() < min_len_for_deletes {
        return;
    }
    // Most words are ASCII once folded: byte by byte, without decoding characters (this runs for
    // every query word's key and spelling, twice a word).
    if s.is_ascii() {
        let mut before = FNV_OFFSET;
        for (i, &c) in b.iter().enumerate() {
            let rest = &b[i + 1..];
            if rest.first() != Some(&c) {
                f(fnv_from(before, rest.iter().copied()));
            }
            before = fnv_from(before, std::iter::once(c));
        }
        return;
    }
    if crate::normalize::char_count(s) < min_len_for_deletes {
        return;
    }
    let mut before = FNV_OFFSET;
    for (i, c) in s.char_indices() {
        let end = i + c.len_utf8();
        // Deleting one of a doubled letter gives the same string; hash it once.
        let doubled = if c.is_ascii() { b.get(end) == Some(&(c as u8)) } else { s[end..].starts_with(c) };
        if !doubled {
            f(fnv_from(before, b[end..].iter().copied()));
        }
        before = fnv_from(before, b[i..end].iter().copied());
    }
}

/// The Latin letters that stand for one Cyrillic letter in the folded spellings
/// (`normalize::fold`: щ, ж, х, ц, ч, ш, я, ю).
const CYRILLIC_LETTERS_IN_LATIN: [&str; 8] = ["shch", "zh", "kh", "ts", "ch", "sh", "ya", "yu"];

/// Listed spellings shorter than this get no [`cyrillic_letter_deletes`]: two letters off a
/// shorter word is too far for the similarity to count it (`similarity::MIN_TOKEN_SIM`).
const MIN_TEXT_FOR_LETTER_DELETES: usize = 9;

/// Calls `f` with the hash of a listed spelling without each group of Latin letters that one
/// Cyrillic letter folds to. A name typed in Cyrillic with a letter dropped is one letter off
/// there and two to four here (`Наиональный` for Национальный is `naionalnyy` for
/// `natsionalnyy`), beyond the one deletion [`lookup_hashes`] reaches; the query's own spelling
/// then meets the listed word through this hash, and scoring judges the pair as any other.
fn cyrillic_letter_deletes(text: &str, f: &mut impl FnMut(u64)) {
    if text.len() < MIN_TEXT_FOR_LETTER_DELETES || !text.is_ascii() {
        return;
    }
    let b = text.as_bytes();
    for i in 0..b.len() {
        for letters in CYRILLIC_LETTERS_IN_LATIN {
            if b[i..].starts_with(letters.as_bytes()) {
                f(fnv(b[..i].iter().chain(&b[i + letters.len()..]).copied()));
            }
        }
    }
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

/// FNV-1a: tiny and fast on short keys; strength against adversarial collisions is not needed
/// because a collision only adds a candidate that scoring then rejects.
fn fnv(bytes: impl Iterator<Item = u8>) -> u64 {
    fnv_from(FNV_OFFSET, bytes)
}

/// FNV-1a continued from the hash of what came before.
fn fnv_from(mut h: u64, bytes: impl Iterator<Item = u8>) -> u64 {
    for b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// Inverse document frequency of organisation-name words over every entity of every loaded list
/// (in scope or not: more names give better statistics), scaled to [0.2, 1.5]. "Company",
/// "Belarus", "plant" weigh little; "Belaruskali" a lot.
fn word_weights(sources: &[LoadedSource]) -> FxHashMap<String, f32> {
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

/// A name as its words (folded), in any order, legal forms and words of one or two letters aside
/// (initials, which a listed company's form joins: `V.I. Kozlov`): the key by which a party sent
/// with the other type than its listed one is met (`matcher::retrieve`). None for a name too
/// short to say who it is: no word left, or one word of fewer than five letters.
pub fn words_key<'a>(words: impl IntoIterator<Item = &'a str>) -> Option<u64> {
    let mut words: Vec<&str> = words
        .into_iter()
        .filter(|w| crate::normalize::char_count(w) >= 3 && !crate::normalize::is_legal_form_spelling(w))
        .collect();
    match words.as_slice() {
        [] => return None,
        [one] if crate::normalize::char_count(one) < 5 => return None,
        _ => {}
    }
    words.sort_unstable();
    Some(fnv(words.iter().flat_map(|w| w.bytes().chain(std::iter::once(b' ')))))
}

/// Identifier kinds that can be compared with each other (a passport number published as a
/// national id by one list is still the same document number).
/// Lists of ids laid end to end in one vector, each hash mapping to its range (`flatten`).
type Flat = (FxHashMap<u64, (u32, u32)>, Vec<u32>);

/// The posting lists laid end to end in one vector, each hash mapping to its range. Built from
/// (hash, token) pairs sorted once, without a vector per hash even while building (the peak
/// memory of a reload is what a pod's limit must allow).
fn flatten(mut pairs: Vec<(u64, u32)>) -> Flat {
    pairs.sort_unstable();
    pairs.dedup();
    let mut ids = Vec::with_capacity(pairs.len());
    let mut ranges = FxHashMap::default();
    for group in pairs.chunk_by(|a, b| a.0 == b.0) {
        let start = ids.len() as u32;
        ids.extend(group.iter().map(|p| p.1));
        ranges.insert(group[0].0, (start, ids.len() as u32));
    }
    (ranges, ids)
}

/// Every listed name prepared, per entity, on all cores: preparing names (transliteration,
/// phonetic keys, their foreign and OCR readings) is most of a snapshot build, and a reload of
/// everything must stay within a second. Order is kept, so the result is the same on any
/// machine.
fn listed_forms(entities: &[Arc<Entity>], weight_of: &(dyn Fn(&str) -> f32 + Sync)) -> Vec<Vec<(u16, NameForm)>> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, 8);
    let chunk = entities.len().div_ceil(threads).max(1);
    std::thread::scope(|scope| {
        let parts: Vec<_> = entities
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    part.iter()
                        .map(|e| {
                            e.names
                                .iter()
                                .enumerate()
                                .flat_map(|(ni, n)| {
                                    name_form::listed_readings(n, e.entity_type, weight_of)
                                        .into_iter()
                                        .map(move |f| (ni as u16, f))
                                })
                                .collect()
                        })
                        .collect::<Vec<Vec<(u16, NameForm)>>>()
                })
            })
            .collect();
        parts.into_iter().flat_map(|h| h.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))).collect()
    })
}

/// Whether identifiers of these kinds may be the same number. `Other` (a kind not given) is any:
/// a listed BIC sent without its kind was CLEAR (an outside test); values are compared whole, so
/// a number of another kind meets it only by being the same.
pub fn kinds_comparable(a: IdKind, b: IdKind) -> bool {
    use IdKind::*;
    a == b
        || a == Other
        || b == Other
        || matches!((a, b), (Passport | NationalId | Other, Passport | NationalId | Other))
        || matches!((a, b), (Registration | TaxId | Other, Registration | TaxId | Other))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The carried hashes are the hashes of the strings themselves: the word, then the word with
    /// each letter deleted (one of a doubled letter once), in order.
    #[test]
    fn a_cyrillic_letter_deleted_is_hashed_as_the_word_without_it() {
        let mut got = Vec::new();
        cyrillic_letter_deletes("natsionalnyy", &mut |h| got.push(h));
        assert_eq!(got, vec![fnv("naionalnyy".bytes())]);
        got.clear();
        cyrillic_letter_deletes("shchukinsky", &mut |h| got.push(h));
        let want: Vec<u64> = ["ukinsky", "chukinsky", "shukinsky"].iter().map(|w| fnv(w.bytes())).collect();
        assert_eq!(got, want);
        got.clear();
        cyrillic_letter_deletes("lukashko", &mut |h| got.push(h));
        assert!(got.is_empty(), "too short");
    }

    #[test]
    fn deletion_hashes_are_the_hashes_of_the_deletions() {
        for word in
            ["", "a", "ab", "lukashenko", "aaab", "mазур", "ёлка", "lkshnk", "anna", "ßx", "11", "zz€€z", "abcc"]
        {
            let mut expected = vec![fnv(word.bytes())];
            let chars: Vec<(usize, char)> = word.char_indices().collect();
            for (k, &(i, c)) in chars.iter().enumerate() {
                if chars.get(k + 1).is_some_and(|&(_, d)| d == c) {
                    continue;
                }
                let deleted = format!("{}{}", &word[..i], &word[i + c.len_utf8()..]);
                expected.push(fnv(deleted.bytes()));
            }
            for min in [0, 2, 4, 7] {
                let mut got = Vec::new();
                lookup_hashes(word, min, &mut |h| got.push(h));
                let want = if word.chars().count() < min { &expected[..1] } else { &expected[..] };
                assert_eq!(got, want, "{word} from {min}");
            }
        }
    }
}
