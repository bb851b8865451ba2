//! A name prepared for comparison: folded tokens with phonetic keys, roles and weights. Built once
//! per listed name at index build, and once per query.

use crate::model::{EntityType, Name};
use crate::normalize::{fold, is_legal_form_word, phonetic_key};

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
    readings: Option<Box<Readings>>,
}

/// Query tokens only: other readings of the word.
#[derive(Debug, Clone, Default)]
struct Readings {
    /// Keys of equivalent given names in other languages (Aliaksandr / Aleksandr / Alexander),
    /// from the index.
    equivalents: std::sync::Arc<[String]>,
    /// Keys of the token read as German or French romanisation or with OCR confusions undone.
    alt_keys: Vec<String>,
    /// Keys of its nicknames or full names (`index::nicknames_of`), looked up once per query
    /// token rather than once per comparison.
    nicknames: &'static [String],
}

impl Token {
    pub fn new(text: &str, role: Role, weight: f32) -> Token {
        let key = phonetic_key(text);
        let skeleton = crate::normalize::skeleton(&key);
        Token { text: text.into(), key: key.into(), skeleton: skeleton.into(), role, weight, readings: None }
    }

    /// Keys of the query token read as German or French romanisation or with OCR confusions
    /// undone (none for listed tokens).
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

    /// No vowel at all in a word of three letters or more: typed without vowels on purpose.
    /// (A leading vowel is kept by those who drop the others: `Atbkv` for Atabekov.)
    pub fn vowelless(&self) -> bool {
        // A `y` is kept by those who drop the vowels (`Slzhvsky`): it is read as a consonant here.
        self.text.chars().count() >= 3
            && self.text.chars().all(|c| c.is_ascii_alphabetic())
            && !self.text.chars().skip(1).any(|c| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u'))
    }

    /// A query token: also knows its foreign readings.
    pub fn query(text: &str, role: Role, weight: f32) -> Token {
        let mut t = Token::new(text, role, weight);
        let alt_keys = crate::normalize::alternative_keys(text, &t.key);
        let nicknames = crate::index::nicknames_of(&t.key);
        if !alt_keys.is_empty() || !nicknames.is_empty() {
            t.readings = Some(Box::new(Readings { alt_keys, nicknames, ..Default::default() }));
        }
        t
    }

    /// Keys of the query token's nicknames or full names (none for listed tokens).
    pub fn nicknames(&self) -> &[String] {
        self.readings.as_ref().map(|r| r.nicknames).unwrap_or_default()
    }
}

/// Relative weights of person-name parts: a surname carries most of the identity; a different
/// given name with the same surname must fall below REVIEW.
pub const SURNAME_WEIGHT: f32 = 2.0;
pub const GIVEN_WEIGHT: f32 = 1.0;
pub const PATRONYMIC_WEIGHT: f32 = 0.6;
pub const LEGAL_WEIGHT: f32 = 0.05;

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
}

/// East Slavic patronymics (and the Belarusian `-avich`/`-auna` forms), after folding.
pub fn is_patronymic(t: &str) -> bool {
    t.len() > 5
        && [
            "vich", "vych", "vic", "ich", "vna", "una", "ichna", "ovich", "evich", "ievich", "vitch", "witsch",
            "vitsch", "ovitj",
        ]
        .iter()
        .any(|s| t.ends_with(s))
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
    "esq",
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
    "tov",
    "grazhdanin",
    "grazhdanka",
    "spadar",
    "spadarynia",
];

/// Whether a folded word is a title or honorific (`mr`, `gen`), which names nothing.
pub fn is_title(t: &str) -> bool {
    static SET: std::sync::OnceLock<std::collections::HashSet<&'static str>> = std::sync::OnceLock::new();
    SET.get_or_init(|| TITLES.iter().copied().collect()).contains(t)
}

/// Every reading of a listed name that a query may use. A name with a parenthesised part
/// (`BNK (UK) LIMITED`, `MZKT (MINSK WHEEL TRACTOR PLANT)`) is read as published, without the
/// part (which is how a query with it is read: `strip_notes`), and, when the part is a name of its
/// own (two words or more, or one distinctive word), as that part alone. The same rule on both
/// sides means a listed name screened as published always meets itself.
pub fn listed_readings(name: &Name, entity_type: EntityType, weight_of: &dyn Fn(&str) -> f32) -> Vec<NameForm> {
    let mut out = vec![listed(name, entity_type, weight_of)];
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
    for part in parenthesised(&name.full) {
        let words = fold(part);
        let n = words.split_whitespace().count();
        let distinctive = n >= 2
            || (n == 1
                && words.trim().len() >= 4
                && crate::normalize::country_key(part).len() != 2
                && !is_legal_form_word(words.trim(), &phonetic_key(words.trim())));
        if distinctive {
            out.push(listed(&Name::new(part, name.quality), entity_type, weight_of));
        }
    }
    out
}

/// The contents of the top-level parentheses and brackets of a name.
fn parenthesised(name: &str) -> Vec<&str> {
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
    NameForm { tokens, person, truncated: false, joins: 0 }
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
    NameForm { tokens, person: false, truncated: false, joins: 0 }
}

/// An organisation's words with each run of one-letter words joined: a dotted acronym
/// (`A.B.C. Company`, `p.l.c.`, `S.A.`, `Sp. z o.o.`) folds to single letters, which are one
/// word, not initials. Done alike on both sides, so `A & M TRADING` meets itself.
fn org_words(words: &[String]) -> Vec<std::borrow::Cow<'_, str>> {
    let mut out: Vec<std::borrow::Cow<'_, str>> = Vec::with_capacity(words.len());
    let single = |w: &str| w.chars().count() == 1 && w.chars().all(char::is_alphabetic);
    let mut i = 0;
    while i < words.len() {
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

/// A word of an organisation's name: a legal form (optional, nearly weightless) or a word weighed
/// by its rarity.
fn org_word(mut tok: Token, weight_of: &dyn Fn(&str) -> f32) -> Token {
    if is_legal_form_word(&tok.text, &tok.key) {
        tok.role = Role::Legal;
        tok.weight = LEGAL_WEIGHT;
    } else {
        tok.weight = weight_of(&tok.key);
    }
    tok
}

/// Legacy payment formats cut names at 35 characters a line (SWIFT MT, many core systems).
fn looks_truncated(name: &str) -> bool {
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

/// A query name folded once: both of its readings (person and organisation) and the party's
/// fingerprint start from the same words, and folding (transliteration, Unicode normalisation)
/// is a tenth of a screening.
#[derive(Debug, Clone)]
pub struct QueryText {
    words: Vec<String>,
    /// The words of the person reading when they differ: words run together in camel case
    /// (`VladimirPutin`) are split, since a person's name parts are listed apart.
    person_words: Option<(Vec<String>, u32)>,
    truncated: bool,
    /// Nothing (label, notes) was stripped: the words are the folded name as given.
    whole: bool,
}

impl QueryText {
    pub fn new(name: &str) -> QueryText {
        let unlabelled = crate::normalize::strip_label(name);
        let stripped = strip_notes(unlabelled);
        let person_words = camel_words(&stripped);
        QueryText {
            whole: stripped == name,
            words: fold(&stripped).split_whitespace().map(str::to_string).collect(),
            person_words,
            truncated: looks_truncated(unlabelled),
        }
    }

    /// The folded words of the name, notes and label left out.
    pub fn words(&self) -> &[String] {
        &self.words
    }

    /// The folded words of the name as given, when nothing was stripped from it.
    pub fn whole_words(&self) -> Option<&[String]> {
        self.whole.then_some(self.words.as_slice())
    }
}

/// `VladimirPutin` → `Vladimir Putin`: a space wherever a lower-case letter is followed by an
/// upper-case one. `None` when there is no such place (most names).
fn camel_split(s: &str) -> Option<String> {
    let mut prev_lower = false;
    let mut out: Option<String> = None;
    for (i, c) in s.char_indices() {
        if prev_lower && c.is_uppercase() {
            out.get_or_insert_with(|| s[..i].to_string()).push(' ');
        }
        if let Some(o) = out.as_mut() {
            o.push(c);
        }
        prev_lower = c.is_lowercase();
    }
    out
}

/// The folded words of a name with its camel-case words split, and which adjacent words were one
/// (see `NameForm::joins`). `None` when no word is in camel case.
fn camel_words(name: &str) -> Option<(Vec<String>, u32)> {
    camel_split(name)?;
    let mut words: Vec<String> = Vec::new();
    let mut joins = 0u32;
    for w in name.split_whitespace() {
        match camel_split(w) {
            Some(split) => {
                let start = words.len();
                words.extend(fold(&split).split_whitespace().map(str::to_string));
                for i in start..words.len().saturating_sub(1) {
                    if i < 31 {
                        joins |= 1 << i;
                    }
                }
            }
            None => words.extend(fold(w).split_whitespace().map(str::to_string)),
        }
    }
    Some((words, joins))
}

/// Prepares a query name. Roles are unknown, so every token counts the same, except
/// legal-form words (optional) and patronymic-looking ones (optional, since the listed name may
/// lack one), and titles (ignored).
pub fn query(name: &str, person: bool, weight_of: &dyn Fn(&str) -> f32) -> NameForm {
    let (p, o) = query_forms(&QueryText::new(name), person, !person, weight_of);
    p.or(o).unwrap_or_default()
}

/// The person and organisation readings of a query that are asked for. Each word's keys and
/// other readings are computed once for both.
pub fn query_forms(
    text: &QueryText,
    person: bool,
    organisation: bool,
    weight_of: &dyn Fn(&str) -> f32,
) -> (Option<NameForm>, Option<NameForm>) {
    let truncated = text.truncated;
    let base: Vec<Token> = text.words.iter().map(|t| Token::query(t, Role::Word, 0.0)).collect();
    let org = organisation.then(|| {
        let joined = org_words(&text.words);
        let tokens = if joined.len() == base.len() {
            base.iter().map(|t| org_word(t.clone(), weight_of)).collect()
        } else {
            joined.iter().map(|t| org_word(Token::query(t, Role::Word, 0.0), weight_of)).collect()
        };
        NameForm { tokens, person: false, truncated, joins: 0 }
    });
    if !person {
        return (None, org);
    }
    let (words, base, joins) = match &text.person_words {
        Some((w, joins)) => (w, w.iter().map(|t| Token::query(t, Role::Word, 0.0)).collect(), *joins),
        None => (&text.words, base, 0),
    };
    let all_titles = words.iter().all(|w| is_title(w));
    // A title after the name starts a description (`Aleksandr Lukashenko, President of Belarus`):
    // from there on nothing is a name.
    let description = (1..words.len())
        .find(|&i| is_title(&words[i]) && words[..i].iter().any(|w| !is_title(w)))
        .unwrap_or(words.len());
    let tokens = base
        .into_iter()
        .enumerate()
        .map(|(i, mut tok)| {
            if !all_titles && (is_title(&tok.text) || i >= description) {
                tok.role = Role::Title;
                tok.readings = None;
                return tok;
            }
            tok.role = if i > 0 && is_patronymic(&tok.text) { Role::Patronymic } else { Role::Given };
            tok.weight = if tok.role == Role::Patronymic { 0.3 } else { 1.0 };
            tok
        })
        .collect();
    (Some(NameForm { tokens, person, truncated, joins }), org)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_and_titles() {
        assert_eq!(strip_notes("Mr. Aleksandr Lukashenko (President)").trim(), "Mr. Aleksandr Lukashenko");
        let q = query("Gen. Viktor Sheiman", true, &|_| 1.0);
        assert_eq!(q.tokens[0].role, Role::Title);
        assert_eq!(q.tokens[0].weight, 0.0);
        let q = query("Mr Alexander LUKASHENKO, President of Belarus", true, &|_| 1.0);
        let roles: Vec<Role> = q.tokens.iter().map(|t| t.role).collect();
        assert_eq!(roles, [Role::Title, Role::Given, Role::Given, Role::Title, Role::Title, Role::Title]);
        assert!(looks_truncated("ALIAKSANDR RYHORAVICH LUKASHENK SUP"));
        assert!(!looks_truncated("Aleksandr Lukashenko"));
    }
}
