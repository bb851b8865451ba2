//! A name prepared for comparison: folded tokens with phonetic keys, roles and weights. Built once
//! per listed name at index build, and once per query from the query's text
//! (`matcher::query_text`), which shares the tokens, titles and notes defined here.

use crate::model::{EntityType, Name};
use crate::normalize::{fold, is_legal_form_word, phonetic_key};

// Shared with the matcher (`matcher::similarity`), which compares what the index keeps by them.
/// The shortest cut token compared as a prefix: `Luk` may begin `Lukashenko`; `Co` begins too
/// many words to say anything.
pub const MIN_PREFIX_CHARS: usize = 3;
/// Shortest consonant skeleton compared for a word typed without vowels: two consonants (`Yln`
/// for Yelena, `Lp` for Lapo) mean little alone, but beside a matched surname they are the given
/// name the list has.
pub const MIN_SKELETON: usize = 2;

/// What a token is within its name; decides its weight and whether it may be missing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Role {
    Surname,
    Given,
    /// Optional: payments usually leave it out.
    Patronymic,
    /// An organisation's legal form: optional and nearly weightless.
    Legal,
    /// A token of an organisation's name, weighted by how distinctive it is.
    #[default]
    Word,
    /// A title or honorific in a query (`Mr`, `Gen.`, `President`): ignored.
    Title,
}

impl Role {
    /// May be missing from the other name without counting against the match.
    pub fn optional(self) -> bool {
        matches!(self, Role::Patronymic | Role::Legal | Role::Title)
    }
}

/// One word of a name, prepared. Listed names hold hundreds of thousands of these, so the
/// spellings are boxed strings (no spare capacity) and what only query tokens carry sits behind
/// one optional pointer.
#[derive(Debug, Clone, Default)]
pub struct Token {
    /// Folded spelling.
    pub text: Box<str>,
    /// Phonetic key (see `normalize::phonetic`).
    pub key: Box<str>,
    /// The key without vowels: what is left of a name typed without vowels (`Lkshnk`).
    pub skeleton: Box<str>,
    pub role: Role,
    pub weight: f32,
    /// Letters (chars) of `text` and `key`, counted once: every comparison of two words starts
    /// from their lengths.
    text_chars: u32,
    key_chars: u32,
    /// What `normalize::hard_c_reading` may do with the word ([`Token::reads_as_english`]),
    /// found once per word: similarity asks it of every pair compared.
    hard_c: u8,
    readings: Option<Box<Readings>>,
}

/// [`Token::hard_c`]: the word holds a letter the reading reads (`c`, `k`, `q`, `x`) and has
/// enough letters to be read.
const HARD_C_LETTERS: u8 = 1;
/// [`Token::hard_c`]: the reading changes the word.
const HARD_C_CHANGES: u8 = 2;

/// Query tokens only: other readings of the word.
#[derive(Debug, Clone, Default)]
struct Readings {
    /// Keys of equivalent given names in other languages (Aliaksandr / Aleksandr / Alexander),
    /// from the index.
    equivalents: std::sync::Arc<[String]>,
    /// Keys of the token's [`Readings::leet`] spellings and of the token with OCR confusions
    /// undone.
    alt_keys: Vec<String>,
    /// The token's spellings by other languages' romanisation habits (`normalize::respellings`),
    /// each with its phonetic key: compared as spellings, since a reading can be far from the
    /// word in letters and close to the listed word only once read (`Saizew` / `Zaitsev`).
    respelt: Box<[Respelt]>,
    /// Keys of its nicknames or full names (`index::nicknames_of`), looked up once per query
    /// token rather than once per comparison.
    nicknames: Vec<&'static str>,
    /// An organisation's word written short (`Pl.`, `Dept.`, `Mgmt`): it may stand for a listed
    /// word it abbreviates ([`abbreviates`]), which no key or deletion of it meets.
    abbreviation: bool,
    /// Consonant classes of a word romanised from another script, one per way its script's
    /// spelling reads (`normalize::loose_readings`), compared when its spelling and keys meet
    /// nothing.
    loose: Box<[Box<str>]>,
    /// The word without a Lithuanian or Latvian masculine ending (`normalize::inflection_stem`,
    /// and `normalize::soft_ending_stem` for an `-is` that may write `-ий`), as given names.
    stems: Box<[Token]>,
    /// The spellings of a word of letters and digits with the digits read as letters
    /// (`normalize::leet_readings`): compared and retrieved as spellings, not only by key.
    leet: Box<[Box<str>]>,
}

/// A query word as another language's romanisation writes it, read back, with its key.
#[derive(Debug, Clone)]
pub struct Respelt {
    pub text: Box<str>,
    pub key: Box<str>,
    /// A reading the word's letters allow but do not settle
    /// ([`normalize::uncertain_respellings`](crate::normalize::uncertain_respellings)): REVIEW
    /// strength at most.
    pub uncertain: bool,
}

/// [`normalize::respellings`](crate::normalize::respellings) of a word with their keys, and the
/// word's alternative keys (of its leet readings and OCR confusions undone).
fn respelt_and_alt_keys(text: &str, key: &str, leet: &[String]) -> (Box<[Respelt]>, Vec<String>) {
    let certain = crate::normalize::respellings(text);
    let uncertain: Vec<String> =
        crate::normalize::uncertain_respellings(text).into_iter().filter(|r| !certain.contains(r)).collect();
    let respelt: Box<[Respelt]> = certain
        .into_iter()
        .map(|r| (r, false))
        .chain(uncertain.into_iter().map(|r| (r, true)))
        .map(|(r, uncertain)| Respelt { key: phonetic_key(&r).into(), text: r.into(), uncertain })
        .collect();
    (respelt, crate::normalize::alternative_keys(text, key, leet))
}

/// The letters of a word typed without vowels (`Token::vowelless`, but for the skeleton): three
/// or more, ASCII, and no vowel but the first letter or one after a `y`.
fn may_be_vowelless(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() >= 3
        && b.iter().all(u8::is_ascii_alphabetic)
        && (1..b.len()).all(|i| !matches!(b[i], b'a' | b'e' | b'i' | b'o' | b'u') || b[i - 1] == b'y')
}

impl Token {
    pub fn new(text: &str, role: Role, weight: f32) -> Token {
        Token::build(text, role, weight, true)
    }

    /// A query word without its other readings (a query's words run together, `score::units`):
    /// as [`Token::new`], but its skeleton is only kept when the word may be vowel-less.
    pub fn plain_query(text: &str, role: Role, weight: f32) -> Token {
        Token::build(text, role, weight, may_be_vowelless(text))
    }

    /// A query word's skeleton is only read when it has no vowels ([`Token::vowelless`]); a
    /// listed word's always (a query typed without vowels meets it by its skeleton).
    fn build(text: &str, role: Role, weight: f32, with_skeleton: bool) -> Token {
        let key = phonetic_key(text);
        let skeleton = if with_skeleton { crate::normalize::skeleton(&key) } else { String::new() };
        let chars = |s: &str| u32::try_from(crate::normalize::char_count(s)).unwrap_or(u32::MAX);
        let text_chars = chars(text);
        let hard_c = if text_chars as usize >= crate::normalize::MIN_HARD_C_CHARS
            && crate::normalize::has_hard_c_letters(text)
        {
            HARD_C_LETTERS | if crate::normalize::hard_c_changes(text) { HARD_C_CHANGES } else { 0 }
        } else {
            0
        };
        Token {
            text_chars,
            key_chars: chars(&key),
            hard_c,
            text: text.into(),
            key: key.into(),
            skeleton: skeleton.into(),
            role,
            weight,
            readings: None,
        }
    }

    /// The number of chars of [`Token::text`].
    pub fn text_chars(&self) -> usize {
        self.text_chars as usize
    }

    /// Whether the word may read as another by `normalize::hard_c_reading` (it has the letters and
    /// the length), and whether the reading changes it.
    pub fn reads_as_english(&self) -> (bool, bool) {
        (self.hard_c & HARD_C_LETTERS != 0, self.hard_c & HARD_C_CHANGES != 0)
    }

    /// The number of chars of [`Token::key`].
    pub fn key_chars(&self) -> usize {
        self.key_chars as usize
    }

    /// Keys of the query token's other spellings (`normalize::alternative_keys`; none for listed
    /// tokens).
    pub fn alt_keys(&self) -> &[String] {
        self.readings.as_ref().map(|r| r.alt_keys.as_slice()).unwrap_or_default()
    }

    /// Keys of equivalent given names in other languages (set on query tokens by the matcher).
    pub fn equivalents(&self) -> &[String] {
        self.readings.as_ref().map(|r| &*r.equivalents).unwrap_or_default()
    }

    pub fn set_equivalents(&mut self, equivalents: std::sync::Arc<[String]>) {
        if equivalents.is_empty() && self.readings.is_none() {
            return;
        }
        self.readings.get_or_insert_with(Default::default).equivalents = equivalents;
    }

    pub fn optional(&self) -> bool {
        self.role.optional()
    }

    /// No vowel in a word of three letters or more, but for the first letter and those that
    /// Cyrillic `я`/`ю`/`е` leave after a `y` (`Ягн` → `yagn`): typed without vowels on purpose.
    /// (A leading vowel is kept by those who drop the others: `Atbkv` for Atabekov.)
    pub fn vowelless(&self) -> bool {
        // A word of `y`s and vowels alone (`Yuy`, Yury with a letter dropped) has no consonants to
        // be met by.
        !self.skeleton.is_empty() && may_be_vowelless(&self.text)
    }

    /// A query token: also knows its foreign readings.
    pub fn query(text: &str, role: Role, weight: f32) -> Token {
        Token::query_in(text, role, weight, false)
    }

    /// [`Token::query`] for a word of a name written in leet (`in_leet`), whose words of digits
    /// alone are letters too (`0139` for Oleg).
    pub(crate) fn query_in(text: &str, role: Role, weight: f32, in_leet: bool) -> Token {
        let mut t = Token::plain_query(text, role, weight);
        let leet = crate::normalize::leet_readings(text, in_leet);
        let (respelt, alt_keys) = respelt_and_alt_keys(text, &t.key, &leet);
        let nicknames = crate::index::nicknames_of(&t.text, &t.key);
        // The stem is read by the same habits (`Chreninas` → `chrenin` → `khrenin`), but is no
        // word of its own to stem again or to take nicknames from.
        let stems: Box<[Token]> = crate::normalize::inflection_stem(text)
            .into_iter()
            .chain(crate::normalize::soft_ending_stem(text))
            .map(|s| Token::stem(s, weight))
            .collect();
        if !alt_keys.is_empty() || !nicknames.is_empty() || !stems.is_empty() || !leet.is_empty() || !respelt.is_empty()
        {
            let leet = leet.into_iter().map(Into::into).collect();
            t.readings = Some(Box::new(Readings { alt_keys, respelt, nicknames, stems, leet, ..Default::default() }));
        }
        t
    }

    /// A query word's [`Token::inflection_stem`], as a given name with its respellings.
    fn stem(text: &str, weight: f32) -> Token {
        let mut t = Token::plain_query(text, Role::Given, weight);
        let (respelt, alt_keys) = respelt_and_alt_keys(text, &t.key, &[]);
        if !respelt.is_empty() || !alt_keys.is_empty() {
            t.readings = Some(Box::new(Readings { alt_keys, respelt, ..Default::default() }));
        }
        t
    }

    /// The query word's spellings by other languages' romanisation habits.
    /// Makes the word a title: compared with nothing, so its readings are dropped.
    pub(crate) fn make_title(&mut self) {
        self.role = Role::Title;
        self.readings = None;
    }

    pub fn respelt(&self) -> &[Respelt] {
        self.readings.as_ref().map(|r| &*r.respelt).unwrap_or_default()
    }

    /// The query word's spellings with its digits read as letters (`1UK45H3NK4`), if it has both.
    pub fn leet(&self) -> &[Box<str>] {
        self.readings.as_ref().map(|r| &*r.leet).unwrap_or_default()
    }

    /// The query word without a Lithuanian or Latvian masculine ending, when it has one (two
    /// readings of an `-is`).
    pub fn inflection_stems(&self) -> &[Token] {
        self.readings.as_ref().map(|r| &*r.stems).unwrap_or_default()
    }

    /// Also compares the token by its consonant classes: it was romanised from `script`, a script
    /// other than Latin or Cyrillic (see `normalize::loose_readings`). Readings of one class are
    /// kept for short given names (`matcher::similarity::short_loose`), not retrieved by.
    pub fn with_loose_reading(mut self, script: crate::normalize::Script) -> Token {
        let loose = crate::normalize::loose_readings(&self.text, script);
        if !loose.is_empty() {
            self.readings.get_or_insert_with(Default::default).loose = loose.into_iter().map(Into::into).collect();
        }
        self
    }

    /// The consonant classes of a token romanised from another script, each way it reads (none
    /// otherwise).
    pub fn loose(&self) -> &[Box<str>] {
        self.readings.as_ref().map(|r| &*r.loose).unwrap_or_default()
    }

    /// Keys of the query token's nicknames or full names (none for listed tokens).
    pub fn nicknames(&self) -> &[&'static str] {
        self.readings.as_ref().map(|r| r.nicknames.as_slice()).unwrap_or_default()
    }

    /// Marks an organisation's query word as written short (see [`Token::is_abbreviation`]).
    pub(crate) fn mark_abbreviation(&mut self) {
        self.readings.get_or_insert_with(Default::default).abbreviation = true;
    }

    /// The query word was written short (`Pl.` for Plant, `Mgmt` for Management): it may meet a
    /// listed word it [`abbreviates`].
    pub fn is_abbreviation(&self) -> bool {
        self.readings.as_ref().is_some_and(|r| r.abbreviation)
    }
}

/// Whether `short` (folded) may be `word` written short: its first letter, and its other letters
/// in the word's order (`pl` / `plant`, `dept` / `department`, `mgmt` / `management`, `mn` /
/// `minsk`). Organisations' names in payments are cut to fit a field this way; a contraction is
/// no prefix, and shares no key or deletion with the word.
pub fn abbreviates(short: &str, word: &str) -> bool {
    let (s, w) = (short.as_bytes(), word.as_bytes());
    if s.len() < 2 || w.len() <= s.len() || s[0] != w[0] || !short.is_ascii() {
        return false;
    }
    let mut rest = w[1..].iter();
    s[1..].iter().all(|c| rest.any(|x| x == c))
}

/// What is left of a folded word typed without vowels: the first letter (vowel or not), then the
/// other letters but `a e i o u y`, doubled letters once (`Svyatoslavovich` → `svtslvch`, as
/// `Svtslvvch`). Compared as spelt rather than by phonetic key, since dropping the vowels makes
/// letters meet that the key would read as one sound (`t`+`s` → `ts`).
pub fn consonants(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, c) in text.chars().enumerate() {
        if (i == 0 || !matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y')) && !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

/// Fewest consonant classes compared: one class (`Li`, `Ann`) meets too many names.
pub const MIN_LOOSE_CLASSES: usize = 2;

/// Relative weights of person-name parts: a surname carries most of the identity; a different
/// given name with the same surname must fall below REVIEW.
pub const SURNAME_WEIGHT: f32 = 2.0;
pub const GIVEN_WEIGHT: f32 = 1.0;
/// What a listed person's further given names weigh when one of them (or the patronymic) is
/// matched: `Aleksandr Ivanov` for `Aleksandr Viktor Ivanov` is the listed man with one given name
/// left out.
pub const SECOND_GIVEN_FACTOR: f32 = 0.5;
pub const PATRONYMIC_WEIGHT: f32 = 0.6;
pub const LEGAL_WEIGHT: f32 = 0.05;
/// The least weight of a word that names an organisation by itself ([`brand_words`]): rare in
/// the lists (word weights run 0.2 for `company` to 1.5 for a word of one listed name; a brand
/// that four lists carry, `Dabrabyt`, weighs 1.29). At 1.0, words of English that the lists
/// seldom hold (`Sports`, `Civil`, `Metal`, `Laser`, 1.1–1.24) made ordinary companies REVIEW in
/// an outside test (round 15).
pub const BRAND_MIN_WEIGHT: f32 = 1.25;
/// The fewest letters of such a word: short names and acronyms (`SPP`, `IRSA`) are met by chance.
pub const BRAND_MIN_CHARS: usize = 5;

/// The words of an organisation's listed name that name it by themselves, as a mask of
/// positions: its heaviest (rarest in the lists) required words but generic ones, when they weigh
/// [`BRAND_MIN_WEIGHT`] or more and have [`BRAND_MIN_CHARS`] letters or more, in a name of two
/// required words or more. Payments name a company by its brand (`Belavia` for `OPEN JOINT STOCK
/// COMPANY BELAVIA BELARUSIAN AIRLINES`, `Transaviaexport` for `JSC TRANSAVIAEXPORT AIRLINES`):
/// the words left out say what it does and where. A place is no brand, however rare among
/// company names (`Minsk` in `Minsk OMON`: words of the lists' addresses are not), nor a word
/// of trade the synonyms table knows (`Works`, `Holding`), nor a given name or a word of a
/// listed person's name (`Alexei`, `Kozlov` in `… Plant named after V.I. Kozlov`). None for a person's name. `parts`:
/// each word's role, weight, letters and whether it is generic so, in order. Computed once per listed name (`index::Variant::brands`), for retrieval's bounds and
/// for scoring alike.
pub fn brand_words(person: bool, parts: impl Iterator<Item = (Role, f32, usize, bool)> + Clone) -> u64 {
    if person || parts.clone().filter(|(role, ..)| !role.optional()).count() < 2 {
        return 0;
    }
    let candidates = parts.clone().filter(|(role, _, _, generic)| !role.optional() && !generic);
    let heaviest = candidates.fold(0.0f32, |m, (_, w, _, _)| m.max(w));
    if heaviest < BRAND_MIN_WEIGHT {
        return 0;
    }
    parts.take(64).enumerate().fold(0, |mask, (pos, (role, weight, chars, generic))| {
        if !role.optional() && !generic && weight == heaviest && chars >= BRAND_MIN_CHARS {
            mask | 1 << pos
        } else {
            mask
        }
    })
}

#[derive(Debug, Clone, Default)]
pub struct NameForm {
    pub tokens: Vec<Token>,
    pub person: bool,
    /// The query filled a legacy fixed-width field (35 or 70 characters) and may have been cut:
    /// its last token may be a prefix, and listed tokens after the last one matched may be missing.
    pub truncated: bool,
    /// Adjacent query tokens that were one word run together in camel case (`BurhanEddine`): bit
    /// `i` joins token `i` with `i + 1`, so the pair is also compared as the one word it was.
    pub joins: u32,
    /// A query's words of [`MIN_REPEATED_CHARS`] letters or more that it holds more than once (bit
    /// `i` for token `i`): a name sent in full and short repeats its words, which count once
    /// (`matcher::score`). Set by [`NameForm::with_repeats`]; 0 for listed names.
    pub repeated: u32,
    /// The surname of a full name of three words (`matcher::score::full_name_places`) is a word
    /// the lists hold as written: a surname, not two slips in another (set by screening).
    pub surname_listed: bool,
    /// The query's name holds Cyrillic letters: a slip in it is one of them, which may be several
    /// of its folded letters (`matcher::similarity::two_slips`; set by screening).
    pub typed_in_cyrillic: bool,
}

/// The fewest letters of a query word that, repeated, counts as the word met once.
pub const MIN_REPEATED_CHARS: usize = 4;

impl NameForm {
    /// The form with [`NameForm::repeated`] set: found once per query, rather than asked of
    /// every listed name scored.
    pub fn with_repeats(mut self) -> NameForm {
        let n = self.tokens.len().min(31);
        for i in 0..n {
            for j in i + 1..n {
                let (a, b) = (&self.tokens[i], &self.tokens[j]);
                if a.text == b.text && a.text_chars() >= MIN_REPEATED_CHARS {
                    self.repeated |= 1 << i | 1 << j;
                }
            }
        }
        self
    }
}

/// East Slavic patronymics (and the Belarusian `-avich`/`-auna` forms), after folding.
pub fn is_patronymic(t: &str) -> bool {
    // Every ending ends in one of these letters: most words are ruled out by their last one
    // (this runs on most pairs of words compared).
    t.len() > 5
        && matches!(t.as_bytes().last(), Some(b'h' | b'a' | b'j' | b'c'))
        && PATRONYMIC_ENDINGS.iter().any(|s| t.ends_with(s))
}

/// Endings of patronymics (Russian, Belarusian, Ukrainian; German and Scandinavian spellings of
/// them), longest first so that the first that fits is the whole ending.
const PATRONYMIC_ENDINGS: [&str; 16] = [
    "ievich", "witsch", "vitsch", "ichna", "ovich", "evich", "vitch", "ovitj", "ovna", "evna", "vich", "vych", "vna",
    "una", "ich", "vic",
];

/// A patronymic without its ending and the link vowel before it: the father's name as the
/// patronymic spells it (`Grigor-y-evich`, `Grigor-i-evich` → `grigor`). `None` if `t` is no
/// patronymic.
pub fn patronymic_stem(t: &str) -> Option<&str> {
    if !is_patronymic(t) {
        return None;
    }
    let s = PATRONYMIC_ENDINGS.iter().find_map(|e| t.strip_suffix(e)).unwrap_or(t);
    Some(s.trim_end_matches(['y', 'i', 'j', 'e', 'o']))
}

/// Titles, honorifics and ranks that surround names in payment fields; they say nothing about
/// who the person is. Hand-written: a short closed list in the languages of the region's payments.
const TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "dr",
    "prof",
    "sir",
    "dame",
    "lord",
    "lady",
    "hon",
    "rev",
    "mister",
    "madam",
    "herr",
    "frau",
    "monsieur",
    "madame",
    "mme",
    "mlle",
    "m",
    "gospodin",
    "gospozha",
    "gn",
    "gzha",
    "pan",
    "pani",
    "gen",
    "general",
    "col",
    "colonel",
    "maj",
    "major",
    "capt",
    "captain",
    "lt",
    "lieutenant",
    "sgt",
    "president",
    "minister",
    "deputy",
    "chairman",
    "director",
    "ambassador",
    "judge",
    "prosecutor",
    "mp",
    "jr",
    "sr",
    // Russian `мл.` (junior) as folded.
    "ml",
    "junior",
    "senior",
    "esq",
    // Generations and degrees after a name (`Lukashenko III`, `…, MBA`); `Ph.D.` and `M.B.A.`
    // written with dots are read as their letters joined (`matcher::query_text`). Not `II` or
    // `IV`: initials without dots (`IV KUBRAKOV`, Ivan Vladimirovich) are far more common.
    "iii",
    "mba",
    "msc",
    "bsc",
    "llm",
    "cpa",
    "late",
    "deceased",
    "aka",
    "fka",
    "nee",
    // Religious, academic and professional honorifics seen before names in payments.
    "hajji",
    "haji",
    "hadji",
    "hajj",
    "alhaji",
    "sheikh",
    "shaikh",
    "sheik",
    "shaykh",
    "sayyid",
    "imam",
    "mullah",
    "ayatollah",
    "eng",
    "engr",
    "ing",
    "dipl",
    "phd",
    "md",
    "professor",
    "doctor",
    "dott",
    "honourable",
    "honorable",
    "excellency",
    "hrh",
    "reverend",
    "fr",
    "father",
    "sen",
    "senator",
    "gov",
    "governor",
    "amb",
    "adm",
    "admiral",
    "brig",
    "cmdr",
    "commander",
    "marshal",
    "cpl",
    "pvt",
    "ltc",
    "mayor",
    "chief",
    "sra",
    "senor",
    "senora",
    "signor",
    "signora",
    "sig",
    "panna",
    "tovarishch",
    "comrade",
    "tov",
    "grazhdanin",
    "grazhdanka",
    "spadar",
    "spadarynia",
    // Russian and Belarusian academic titles (`акад.`, `праф.`, `доцент`).
    "akad",
    "akademik",
    "praf",
    "dotsent",
];

/// Words after a person's name that start a note about them (`Aleksandr Lukashenko born
/// 30.08.1954`, `… DOB …`, `… c/o …`): the rest is not the name.
pub(crate) const NOTE_WORDS: &[&str] = &["born", "dob", "geb", "birth", "nee", "resident", "passport", "address"];

/// Whether a folded word is a title or honorific (`mr`, `gen`), which names nothing.
pub fn is_title(t: &str) -> bool {
    // Fx-hashed, as the fixed tables asked of every query word are (`normalize::legal_forms`).
    static SET: std::sync::OnceLock<rustc_hash::FxHashSet<&'static str>> = std::sync::OnceLock::new();
    SET.get_or_init(|| TITLES.iter().copied().collect()).contains(t)
}

/// Every reading of a listed name that a query may use. A name with a parenthesised part
/// (`BNK (UK) LIMITED`, `MZKT (MINSK WHEEL TRACTOR PLANT)`) is read as published, without the
/// part (which is how a query with it is read: `strip_notes`), and, when the part is a name of its
/// own (two words or more, or one distinctive word), as that part alone. The same rule on both
/// sides means a listed name screened as published always meets itself.
pub fn listed_readings(name: &Name, entity_type: EntityType, weight_of: &dyn Fn(&str) -> f32) -> Vec<NameForm> {
    let mut out = vec![listed(name, entity_type, weight_of)];
    out.extend(without_the_republic(&out[0]));
    if !name.full.contains(['(', '[']) {
        return out;
    }
    let stripped = match &name.parts {
        Some(p) => Name::from_parts(&strip_notes(&p.surname), &strip_notes(&p.given), name.quality),
        None => Name::new(strip_notes(&name.full), name.quality),
    };
    if !stripped.full.trim().is_empty() && stripped.full != name.full {
        out.push(listed(&stripped, entity_type, weight_of));
    }
    let person = entity_type == EntityType::Person;
    if person {
        for alternative in spelt_otherwise(name) {
            out.push(listed(&alternative, entity_type, weight_of));
        }
    }
    for part in parenthesised(&name.full) {
        // A person's aside of one word is another spelling of the word before it (above) or a
        // note, no name of its own: read alone, `Sergey(Sergei) AKSYONOV` made every `Sergei` a
        // BLOCK.
        if person && part.split_whitespace().nth(1).is_none() {
            continue;
        }
        if is_name_of_its_own(&fold(part)) {
            out.push(listed(&Name::new(part, name.quality), entity_type, weight_of));
        }
    }
    out
}

/// The word of a person's aside of one word (`Sergei` of `Sergey(Sergei)`), unless it is a note
/// (`(deceased)`, `(born …)`) or a title.
fn one_word_aside(part: &str) -> Option<&str> {
    let mut words = part.split_whitespace();
    let (Some(word), None) = (words.next(), words.next()) else { return None };
    let folded = fold(word);
    let note = NOTE_WORDS.contains(&folded.as_str()) || is_title(&folded) || folded == "deceased";
    (!note && word.chars().filter(|c| c.is_alphabetic()).count() >= 2).then_some(word)
}

/// At most this many further readings of a person's name by its asides (three asides).
const MAX_SPELT_OTHERWISE: usize = 7;

/// A person's name with its words' asides of one word read in their place: Japan's list writes
/// another romanisation after a word (`Sergey(Sergei) AKSYONOV(AKSENOV)`, `Mariya (Maria)
/// BOGATOVA`), and the person is as much `Sergei AKSENOV` as `Sergey AKSYONOV`. Each combination
/// of words replaced but none (the name without its asides, `strip_notes`).
fn spelt_otherwise(name: &Name) -> Vec<Name> {
    let readings = |text: &str| -> Vec<String> {
        // Words with the aside that follows each, if one of one word does.
        let mut words: Vec<(String, Option<String>)> = Vec::new();
        let (mut depth, mut word, mut aside) = (0usize, String::new(), String::new());
        for c in text.chars().chain([' ']) {
            match c {
                '(' | '[' => {
                    if depth == 0 && !word.is_empty() {
                        words.push((std::mem::take(&mut word), None));
                    }
                    depth += 1;
                    aside.clear();
                }
                ')' | ']' if depth > 0 => {
                    depth -= 1;
                    if depth == 0 {
                        if let (Some(alt), Some(last)) = (one_word_aside(&aside), words.last_mut()) {
                            if last.1.is_none() {
                                last.1 = Some(alt.to_string());
                            }
                        }
                    }
                }
                _ if depth > 0 => aside.push(c),
                c if c.is_whitespace() => {
                    if !word.is_empty() {
                        words.push((std::mem::take(&mut word), None));
                    }
                }
                c => word.push(c),
            }
        }
        let with: Vec<usize> = (0..words.len()).filter(|&i| words[i].1.is_some()).collect();
        let mut out = vec![strip_notes(text)];
        // Every combination, the name as published without its asides first (mask 0).
        for mask in 1u32..(1 << with.len().min(3)) {
            let reading = words
                .iter()
                .enumerate()
                .map(|(i, (w, alt))| match (with.iter().position(|&j| j == i), alt) {
                    (Some(k), Some(alt)) if k < 3 && mask & (1 << k) != 0 => alt.as_str(),
                    _ => w.as_str(),
                })
                .collect::<Vec<_>>()
                .join(" ");
            out.push(reading);
        }
        out
    };
    let mut out = Vec::new();
    match &name.parts {
        Some(p) => {
            let (surnames, givens) = (readings(&p.surname), readings(&p.given));
            for (i, surname) in surnames.iter().enumerate() {
                for (j, given) in givens.iter().enumerate() {
                    if i + j > 0 {
                        out.push(Name::from_parts(surname, given, name.quality));
                    }
                }
            }
        }
        None => out.extend(readings(&name.full).into_iter().skip(1).map(|r| Name::new(r, name.quality))),
    }
    out.truncate(MAX_SPELT_OTHERWISE);
    out
}

/// An organisation's name `… of the Republic of Belarus` also read `… of Belarus`, as payments
/// write Belarus's state bodies and banks (`National Bank of Belarus`, `Министерство обороны
/// Беларуси`, `Банк развития РБ` with `РБ` read as `belarus`, see `matcher::query_text`): a
/// name of generic words otherwise lost to the one word left out (`National Bank of Belarus` was
/// CLEAR). A further reading, not a rewrite: leetspeak and truncated queries (`Repub1ic`, `… of
/// the Repu`) still meet the name as listed.
fn without_the_republic(form: &NameForm) -> Option<NameForm> {
    if form.person {
        return None;
    }
    let word = |i: usize| &*form.tokens[i].text;
    let (at, country) = (1..form.tokens.len()).find_map(|i| republic_of_belarus(&form.tokens, i).map(|c| (i, c)))?;
    // `of the Republic of Belarus` is `of Belarus`, `de la République du Bélarus` `de Bélarus`.
    let article = at >= 2 && matches!((word(at - 2), word(at - 1)), ("of", "the") | ("de", "la"));
    let from = if article { at - 1 } else { at };
    let mut tokens = form.tokens.clone();
    tokens.drain(from..country);
    Some(NameForm { tokens, repeated: 0, ..form.clone() }.with_repeats())
}

/// Where the word at `at` is `Republic` naming Belarus (`Republic of Belarus`, `République du
/// Bélarus`, `Республики Беларусь`): the position of the country's word.
pub(crate) fn republic_of_belarus(tokens: &[Token], at: usize) -> Option<usize> {
    // `Republic` in English, French, Russian and Belarusian (declined), what joins it to the
    // country's name, and the country.
    const REPUBLIC: [&str; 6] = ["republic", "republique", "respublika", "respubliki", "respubliky", "respublike"];
    const JOINING: [&str; 5] = ["of", "the", "du", "de", "la"];
    const BELARUS: [&str; 4] = ["belarus", "belarusi", "bielarus", "byelorussia"];
    if !REPUBLIC.contains(&&*tokens.get(at)?.text) {
        return None;
    }
    let country = (at + 1..tokens.len()).find(|&j| !JOINING.contains(&&*tokens[j].text))?;
    BELARUS.contains(&&*tokens[country].text).then_some(country)
}

/// Whether a parenthesised part of a name (folded) is a name of its own: two words or more, or
/// one distinctive word (four letters or more, no country, no legal form). The same rule reads
/// listed names and queries (`matcher::query_text::note_readings`).
pub(crate) fn is_name_of_its_own(folded: &str) -> bool {
    let word = folded.trim();
    match word.split_whitespace().count() {
        0 => false,
        1 => {
            word.len() >= 4
                && crate::normalize::country_key(word).len() != 2
                && !is_legal_form_word(word, &phonetic_key(word))
        }
        _ => true,
    }
}

/// The contents of the top-level parentheses and brackets of a name.
pub(crate) fn parenthesised(name: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    for (i, c) in name.char_indices() {
        match c {
            '(' | '[' => {
                if depth == 0 {
                    start = i + 1;
                }
                depth += 1;
            }
            ')' | ']' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    out.push(&name[start..i]);
                }
            }
            _ => {}
        }
    }
    out
}

/// Prepares a listed name. `weight_of` gives an organisation word's weight (from its document
/// frequency across the lists).
pub fn listed(name: &Name, entity_type: EntityType, weight_of: &dyn Fn(&str) -> f32) -> NameForm {
    let person = entity_type == EntityType::Person;
    if !person {
        return org_form(&name.full, weight_of);
    }
    let mut tokens = Vec::new();
    if let Some(parts) = &name.parts {
        let given: Vec<String> = fold(&parts.given).split_whitespace().map(str::to_string).collect();
        for (i, t) in given.iter().enumerate() {
            let role = if i > 0 && is_patronymic(t) { Role::Patronymic } else { Role::Given };
            tokens.push(person_token(t, role));
        }
        for t in fold(&parts.surname).split_whitespace() {
            tokens.push(person_token(t, Role::Surname));
        }
    } else {
        let words: Vec<String> = fold(&name.full).split_whitespace().map(str::to_string).collect();
        let roles = guess_roles(&words);
        for (t, role) in words.iter().zip(roles) {
            tokens.push(person_token(t, role));
        }
    }
    NameForm {
        tokens,
        person,
        truncated: false,
        joins: 0,
        repeated: 0,
        surname_listed: false,
        typed_in_cyrillic: false,
    }
}

/// Without separate parts: a patronymic is recognised by its ending; in `Surname Given
/// Patronymic` (the Russian order) the surname is first, otherwise it is last.
fn guess_roles(words: &[String]) -> Vec<Role> {
    let n = words.len();
    let mut roles = vec![Role::Given; n];
    // A listed alias can fold to nothing (only control characters or punctuation): no roles.
    if n == 0 {
        return roles;
    }
    // A patronymic stands between a given name and a surname: in a name of two words the last
    // one is the surname, whatever it ends in (`Katerina Smuschkovich`).
    let patronymic = (1..n).find(|&i| n >= 3 && is_patronymic(&words[i]));
    if let Some(p) = patronymic {
        roles[p] = Role::Patronymic;
    }
    if n == 1 || (n >= 3 && patronymic == Some(n - 1)) {
        roles[0] = Role::Surname;
    } else if roles[n - 1] != Role::Patronymic {
        roles[n - 1] = Role::Surname;
    }
    roles
}

fn person_token(t: &str, role: Role) -> Token {
    let weight = match role {
        Role::Surname => SURNAME_WEIGHT,
        Role::Patronymic => PATRONYMIC_WEIGHT,
        _ => GIVEN_WEIGHT,
    };
    Token::new(t, role, weight)
}

fn org_form(full: &str, weight_of: &dyn Fn(&str) -> f32) -> NameForm {
    let words: Vec<String> = fold(full).split_whitespace().map(str::to_string).collect();
    let tokens = org_words(&words).iter().map(|t| org_word(Token::new(t, Role::Word, 0.0), weight_of)).collect();
    NameForm {
        tokens,
        person: false,
        truncated: false,
        joins: 0,
        repeated: 0,
        surname_listed: false,
        typed_in_cyrillic: false,
    }
}

/// An organisation's words with each run of one-letter words joined: a dotted acronym
/// (`A.B.C. Company`, `p.l.c.`, `S.A.`, `Sp. z o.o.`) folds to single letters, which are one
/// word, not initials. Done alike on both sides, so `A & M TRADING` meets itself.
///
/// Belarus's state bodies are written `… of the RB` (`РБ`), `… RB OJSC`, `… of the R. Belarus`
/// and `… of the Rep. of Belarus` in payments for the lists' `… of the Republic of Belarus`:
/// `rb` after `of` (or `of the`) or between a name and its legal form, and `r`, `rep`, `resp`
/// there before (`of`) `belarus`, are those words. Only there: `RB` elsewhere is any company's
/// initials.
///
/// A Roman numeral of two letters or more is written in digits (`Investments III`), so that a
/// number meets itself however it is written and another number is another organisation
/// (`matcher::score`; an ordinal's digits, `101st`, are compared in `matcher::similarity`).
/// Number words are left as written: a name in another script spells them as sounds (`Second` is
/// `セコンド` in the Japanese list), which digits would no longer meet.
pub(crate) fn org_words(words: &[String]) -> Vec<std::borrow::Cow<'_, str>> {
    let mut out: Vec<std::borrow::Cow<'_, str>> = Vec::with_capacity(words.len());
    let single = |w: &str| w.chars().count() == 1 && w.chars().all(char::is_alphabetic);
    let mut i = 0;
    while i < words.len() {
        if let Some(digits) = roman_numeral(&words[i]) {
            out.push(std::borrow::Cow::Borrowed(digits));
            i += 1;
            continue;
        }
        let after_of = i > 0 && (words[i - 1] == "of" || (i > 1 && words[i - 1] == "the" && words[i - 2] == "of"));
        // Or closing the name before its legal form (`Development Bank RB OJSC`, round 22).
        let before_legal_form =
            || i >= 2 && i + 1 < words.len() && words[i + 1..].iter().all(|w| is_legal_form_word(w, &phonetic_key(w)));
        if words[i] == "rb" && (after_of || before_legal_form()) {
            out.push(std::borrow::Cow::Borrowed("republic"));
            out.push(std::borrow::Cow::Borrowed("belarus"));
            i += 1;
            continue;
        }
        // `R.`, `Rep.`, `Resp.` for Republic before Belarus.
        let republic_cut = matches!(words[i].as_str(), "r" | "rep" | "resp");
        let before_belarus = |j: usize| words.get(j).is_some_and(|w| w == "belarus");
        if republic_cut
            && after_of
            && (before_belarus(i + 1) || (words.get(i + 1).is_some_and(|w| w == "of") && before_belarus(i + 2)))
        {
            out.push(std::borrow::Cow::Borrowed("republic"));
            i += 1;
            continue;
        }
        let mut j = i;
        while j < words.len() && single(&words[j]) {
            j += 1;
        }
        if j - i >= 2 {
            out.push(std::borrow::Cow::Owned(words[i..j].concat()));
            i = j;
        } else {
            out.push(std::borrow::Cow::Borrowed(&words[i]));
            i += 1;
        }
    }
    out
}

/// A Roman numeral of two letters or more, to twenty, as digits (`Investments III Corp`): one
/// letter is an initial as often.
fn roman_numeral(word: &str) -> Option<&'static str> {
    const ROMAN: [&str; 21] = [
        "", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv", "xvi",
        "xvii", "xviii", "xix", "xx",
    ];
    const DIGITS: [&str; 21] = [
        "", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16", "17", "18", "19",
        "20",
    ];
    (word.len() >= 2).then(|| ROMAN.iter().position(|r| *r == word).map(|i| DIGITS[i])).flatten()
}

/// A word of an organisation's name: a legal form (optional, nearly weightless) or a word weighed
/// by its rarity.
pub(crate) fn org_word(mut tok: Token, weight_of: &dyn Fn(&str) -> f32) -> Token {
    if is_legal_form_word(&tok.text, &tok.key) {
        tok.role = Role::Legal;
        tok.weight = LEGAL_WEIGHT;
    } else {
        tok.weight = weight_of(&tok.key);
    }
    tok
}

/// Legacy payment formats cut names at 35 characters a line (SWIFT MT, many core systems).
pub(crate) fn looks_truncated(name: &str) -> bool {
    let n = name.trim_end().chars().count();
    n > 0 && (n % 35 == 0 || n % 35 == 34) && !name.trim_end().ends_with(['.', ')'])
}

/// Removes what surrounds a name in a payment field: a leading label (`Beneficiary: `) and
/// parenthesised notes (`(President)`, `(SAMI)`).
pub fn strip_notes(name: &str) -> String {
    let name = crate::normalize::strip_label(name);
    let mut out = String::with_capacity(name.len());
    let mut depth = 0usize;
    for c in name.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' if depth > 0 => {
                depth -= 1;
                out.push(' ');
            }
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    // An unclosed parenthesis (cut off by a field width) keeps what it held.
    if depth > 0 {
        return name.to_string();
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_word_written_short_keeps_its_first_letter_and_the_order_of_the_others() {
        for (short, word) in [("pl", "plant"), ("dept", "department"), ("mgmt", "management"), ("mn", "minsk")] {
            assert!(abbreviates(short, word), "{short} / {word}");
        }
        for (short, word) in [("lp", "plant"), ("pm", "plant"), ("plant", "plant"), ("plants", "plant"), ("p", "plant")]
        {
            assert!(!abbreviates(short, word), "{short} / {word}");
        }
    }

    /// `is_patronymic` rules words out by their last letter before the table: every ending of
    /// the table must end in one of those letters.
    #[test]
    fn every_patronymic_ending_ends_in_a_letter_the_precheck_lets_through() {
        for e in PATRONYMIC_ENDINGS {
            assert!(is_patronymic(&format!("grigor{e}")), "{e}");
        }
    }
    use super::*;

    #[test]
    fn words_typed_without_vowels_keep_their_consonants() {
        assert_eq!(consonants("svyatoslavovich"), consonants("svtslvvch"));
        assert_eq!(consonants("yuliya"), "yl");
        assert!(Token::query("yagn", Role::Word, 1.0).vowelless());
        assert!(!Token::query("yuri", Role::Word, 1.0).vowelless());
        assert!(!Token::query("yuy", Role::Word, 1.0).vowelless());
    }

    #[test]
    fn a_state_body_of_the_republic_of_belarus_is_also_read_of_belarus() {
        let readings = |name: &str| {
            listed_readings(&Name::new(name, crate::model::NameQuality::Primary), EntityType::Organization, &|_| 1.0)
                .iter()
                .map(|f| f.tokens.iter().map(|t| t.text.to_string()).collect::<Vec<_>>().join(" "))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            readings("NATIONAL BANK OF THE REPUBLIC OF BELARUS"),
            ["national bank of the republic of belarus", "national bank of belarus"]
        );
        assert_eq!(readings("Банк развития Республики Беларусь")[1], "bank razvitiya belarus");
        assert_eq!(
            readings("Banque de développement de la République du Bélarus")[1],
            "banque de developpement de belarus"
        );
        // Another republic, a republic as a company's word, and a person are left as they are.
        assert_eq!(readings("National Bank of the Republic of Moldova").len(), 1);
        assert_eq!(readings("Republic Bank of Belarus").len(), 1);
        let person = listed_readings(
            &Name::new("Respubliki Belarus", crate::model::NameQuality::Primary),
            EntityType::Person,
            &|_| 1.0,
        );
        assert_eq!(person.len(), 1);
    }

    fn readings_of(name: &Name, t: EntityType) -> Vec<String> {
        listed_readings(name, t, &|_| 1.0)
            .iter()
            .map(|f| f.tokens.iter().map(|t| t.text.to_string()).collect::<Vec<_>>().join(" "))
            .collect()
    }

    #[test]
    fn a_persons_one_word_aside_is_another_spelling_of_the_word_before_it() {
        use crate::model::NameQuality::Primary;
        // Japan's list: a person's surname in capitals, another romanisation after a word.
        let r = readings_of(&Name::from_parts("AKSYONOV(AKSENOV)", "Sergey(Sergei)", Primary), EntityType::Person);
        for expected in ["sergey aksyonov", "sergei aksyonov", "sergey aksenov", "sergei aksenov"] {
            assert!(r.iter().any(|x| x == expected), "{expected} in {r:?}");
        }
        // No word of the name is a name of its own: `Sergei` alone is no reading.
        assert!(r.iter().all(|x| x.split_whitespace().count() >= 2), "{r:?}");
        let r = readings_of(&Name::new("Mariya (Maria) BOGATOVA", Primary), EntityType::Person);
        assert!(r.iter().any(|x| x == "maria bogatova") && r.iter().all(|x| x != "maria"), "{r:?}");
        // A note is not a spelling, and an aside of two words is a name of its own still.
        let r = readings_of(&Name::new("Ivan PETROV (deceased)", Primary), EntityType::Person);
        assert!(r.iter().all(|x| !x.contains("deceased") || x.contains("petrov")), "{r:?}");
        let r = readings_of(&Name::new("Aleksandr LUKASHENKO (Alyaksandr LUKASHENKA)", Primary), EntityType::Person);
        assert!(r.iter().any(|x| x == "alyaksandr lukashenka"), "{r:?}");
        // An organisation's aside of one distinctive word is a name of its own, as before.
        let r = readings_of(&Name::new("MINSK WHEEL TRACTOR PLANT (VOLAT)", Primary), EntityType::Organization);
        assert!(r.iter().any(|x| x == "volat"), "{r:?}");
    }
}
