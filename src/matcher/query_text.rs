//! The query's text made ready for matching: notes, labels and titles set aside, words folded
//! once, words run together (`VladimirPutin`, `LUKASHENKAAlyaksandr`) split into listed words and
//! words split by a slip joined again, then the person and organisation readings of the name
//! (`query_forms`), with their roles guessed, since a query says nothing of which word is the
//! surname. Listed names are prepared by `index::name_form`, with the tokens both sides share.

use crate::index::name_form::{
    is_patronymic, is_title, looks_truncated, org_word, org_words, strip_notes, NameForm, Role, Token, NOTE_WORDS,
};
use crate::normalize::fold;

/// A query name folded once: both of its readings (person and organisation) and the party's
/// fingerprint start from the same words, and folding (transliteration, Unicode normalisation)
/// is a tenth of a screening.
#[derive(Debug, Clone)]
pub struct QueryText {
    words: Vec<String>,
    /// The words of the person reading when they differ: words run together in camel case
    /// (`VladimirPutin`) are split, since a person's name parts are listed apart.
    person_words: Option<(Vec<String>, u32)>,
    /// The words of the organisation reading when they differ: words run together in camel case
    /// (`NationalOlympicCommitteeOfTheRepublicOfBelarus`), or that are listed words apart
    /// (`BreminoGroup`, see [`QueryText::split_joined`]).
    org_words: Option<Vec<String>>,
    /// The words with camel case split as an organisation's are (short connectors allowed), and
    /// which were one: [`QueryText::split_joined`] keeps a word whole that is listed whole
    /// (`BelTechExport`).
    org_camel: Option<(Vec<String>, u32)>,
    /// Which adjacent words of `org_words` were one (see `NameForm::joins`).
    org_joins: u32,
    truncated: bool,
    /// Nothing (label, notes) was stripped: the words are the folded name as given.
    whole: bool,
    /// Written mostly in a script other than Latin and Cyrillic (this one): its words are also
    /// compared by their consonant classes (`Token::with_loose_reading`).
    foreign: Option<crate::normalize::Script>,
    /// Words written short, folded ([`abbreviations`]).
    abbreviations: Vec<String>,
}

/// The most letters of a word written short (`Assoc.`, `Mgmt`).
const MAX_ABBREVIATION_CHARS: usize = 6;
/// The most words of a name read as written short: each is looked for among the organisations'
/// words of its first letter (`Snapshot::tokens_abbreviated_by`).
const MAX_ABBREVIATIONS: usize = 4;

/// Marks an organisation's words written short (`Token::mark_abbreviation`), but its legal forms
/// (`Co.`, `Ltd`), which are compared as they are.
fn mark_abbreviations(tokens: &mut [Token], abbreviations: &[String]) {
    // A title is no word written short (`Belorusski Mr.` met Minoborony by `Mr.`).
    for t in tokens
        .iter_mut()
        .filter(|t| t.role == Role::Word && abbreviations.iter().any(|a| **a == *t.text) && !is_title(&t.text))
    {
        t.mark_abbreviation();
    }
}

/// The words of a name written short, folded: two to [`MAX_ABBREVIATION_CHARS`] letters closed by
/// a dot (`Pl.`, `Dept.`, `Rep.`, `Мин.`), or three or more without a vowel (`Mgmt`, `Hldg`;
/// two are more often an acronym, `BG`, than a word). Payments fit a company's name to a field
/// of 35 characters so. Single letters are initials (`name_form::org_words` joins them). `words`
/// are the name's words folded, which the vowel-less are looked for in; the name itself is read
/// only when it holds a dot.
fn abbreviations(name: &str, words: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    if name.contains(DOTS) {
        dotted_words(name, &mut out);
    }
    for w in words {
        if (3..=MAX_ABBREVIATION_CHARS).contains(&w.len())
            && w.bytes().all(|b| b.is_ascii_lowercase() && !matches!(b, b'a' | b'e' | b'i' | b'o' | b'u' | b'y'))
            && !out.contains(w)
        {
            out.push(w.clone());
        }
    }
    out.truncate(MAX_ABBREVIATIONS);
    out
}

/// The full stop, and the full-width and ideographic ones that a name typed with an East Asian
/// input method ends its words with (`Ｐｌ．`), which folding writes as a full stop only later.
const DOTS: [char; 4] = ['.', '\u{FF0E}', '\u{FF61}', '\u{3002}'];

/// The words of [`abbreviations`] closed by a dot ([`DOTS`]), folded, added to `out`.
fn dotted_words(name: &str, out: &mut Vec<String>) {
    let mut start = None;
    let mut letters = 0;
    for (i, c) in name.char_indices() {
        if c.is_alphabetic() {
            start.get_or_insert(i);
            letters += 1;
            continue;
        }
        if let (Some(from), true) = (start, DOTS.contains(&c)) {
            if (2..=MAX_ABBREVIATION_CHARS).contains(&letters) {
                let w = fold(&name[from..i]);
                if !out.contains(&w) {
                    out.push(w);
                }
            }
        }
        (start, letters) = (None, 0);
    }
}

/// Words that introduce another name inside a note (`Ivan Petrov (a.k.a. Aleksandr
/// Lukashenko)`, `Trading LLC (formerly Belaruskali)`), folded: the note read alone starts after
/// them.
const ALIAS_MARKERS: &[&str] = &[
    "also known as",
    "formerly known as",
    "doing business as",
    "trading as",
    "a k a",
    "f k a",
    "d b a",
    "aka",
    "fka",
    "dba",
    "formerly",
    "former",
    "previously",
    "alias",
    "nee",
    "ex",
];

/// Further readings of a name that holds parenthesised or bracketed parts, screened besides the
/// name without them (which is how [`QueryText::new`] reads it: notes such as `(President)` are
/// no part of a name). A part may be the name itself (`Aleksandr (Lukashenko)`, `OAO
/// (Belaruskali)`, `(Aleksandr Lukashenko)`) or another name of the party (`Ivan Petrov (a.k.a.
/// Aleksandr Lukashenko)`), and dropping it let a listed name through as CLEAR (an outside test):
/// so the name with its brackets taken away, and each part that is a name of its own (the rule
/// listed names are read by, `name_form::listed_readings`), without the words that introduce an
/// alias. None for a name without brackets, the common case, at the cost of one search.
///
/// A name followed by its city or country, or holding an account number
/// (`normalize::without_places`), is also read without them.
///
/// A person's name in a grammatical case other than the nominative (`Червякова Александра
/// Викторовича`, `Ivanovu Sergeyu Petrovichu`) is also read in the nominative
/// (`normalize::nominative_reading`).
///
/// A name that a sole proprietor's marker in Latin letters opens or closes (`IP Lukashenko
/// Aleksandr`, see [`SOLE_PROPRIETOR`]) is also read without it, as any type: the marker read as
/// initials had kept a listed person at REVIEW. The name as given is screened too, since `Ip` is
/// also a surname; a marker in Cyrillic is no name, and [`QueryText::new`] drops it
/// (`normalize::without_boilerplate`).
pub(crate) fn note_readings(name: &str) -> Vec<NoteReading> {
    let mut out: Vec<NoteReading> = Vec::new();
    if let Some(person) = without_sole_proprietor(name) {
        out.push(NoteReading { name: person, organisation: false, mention: false, part: true });
    }
    let placeless = crate::normalize::without_places(name);
    if let Some(name) = &placeless {
        out.push(NoteReading { name: name.clone(), organisation: false, mention: false, part: false });
    }
    if let Some(name) = with_belarus_written_out(name) {
        out.push(NoteReading { name, organisation: true, mention: false, part: false });
    }
    if let Some(name) = crate::normalize::without_branch(name) {
        out.push(NoteReading { name, organisation: true, mention: false, part: false });
    }
    if let Some(name) = crate::normalize::cyrillic_lookalike_reading(name) {
        out.push(NoteReading { name, organisation: false, mention: false, part: false });
    }
    if let Some(name) = crate::normalize::mixed_words_transliterated(name) {
        out.push(NoteReading { name, organisation: false, mention: false, part: false });
    }
    // Read without its town (`Червякову Александру Викторовичу, г. Минск`), since a further
    // reading is not taken apart again.
    if let Some(name) = crate::normalize::nominative_reading(placeless.as_deref().unwrap_or(name)) {
        out.push(NoteReading { name, organisation: false, mention: false, part: false });
    }
    if !name.contains(['(', '[']) {
        return out;
    }
    let parts = crate::index::name_form::parenthesised(name);
    if parts.is_empty() {
        return out;
    }
    // A bracket that holds only a sole proprietor's marker (`Hans Orlov [ИП]`) says how the
    // party trades, not who it is.
    let mut unbracketed = String::with_capacity(name.len());
    let (mut depth, mut k, mut skipping) = (0usize, 0usize, false);
    for c in name.chars() {
        match c {
            '(' | '[' => {
                if depth == 0 {
                    skipping = parts.get(k).is_some_and(|p| is_sole_proprietor(&fold(p)));
                    k += 1;
                }
                depth += 1;
                unbracketed.push(' ');
            }
            ')' | ']' => {
                depth = depth.saturating_sub(1);
                skipping &= depth > 0;
                unbracketed.push(' ');
            }
            _ if skipping => {}
            c => unbracketed.push(c),
        }
    }
    out.push(NoteReading {
        name: unbracketed.split_whitespace().collect::<Vec<_>>().join(" "),
        organisation: false,
        mention: false,
        part: false,
    });
    for part in parts {
        let mut words = fold(part);
        let mut alias = false;
        // The markers are folded words (`a.k.a.` folds to `a k a`); one may follow another.
        while let Some(rest) = ALIAS_MARKERS.iter().find_map(|m| {
            words.trim_start().strip_prefix(m).filter(|r| r.is_empty() || r.starts_with(' ')).map(str::to_string)
        }) {
            words = rest;
            alias = true;
        }
        let words = words.trim();
        let legal = |w: &str| crate::normalize::is_legal_form_word(w, &crate::normalize::phonetic_key(w));
        if crate::index::name_form::is_name_of_its_own(words) && !out.iter().any(|o| fold(&o.name).trim() == words) {
            // One word besides legal forms, not said to be another name of the party: a
            // mention (`Tom Baker (Belshina)`), as a one-word name in free text is.
            let named = words.split_whitespace().filter(|w| !legal(w)).count();
            out.push(NoteReading {
                name: words.to_string(),
                organisation: false,
                mention: !alias && named < 2,
                part: true,
            });
        }
    }
    out
}

/// Endings an organisation's own word takes in another case, with what its nominative ends in
/// instead, folded: the genitive and dative of the masculine brands most listed companies have
/// (`Планара`, `JSC Priorbanka`, `ООО Рукксервомотору`, `в Приорбанке`, `Белвнешэкономбанком`),
/// and the genitive of a feminine one (`Белшины`); first, the adjectives descriptive names are
/// made of, in the genitive, dative, instrumental and prepositional (`Национального банка`,
/// `Белорусской железной дороги`, `Минскому автомобильному заводу`: round 28 left 15–27 % of
/// such names CLEAR), as folded from `-ого`, `-ому`, `-ым`, `-ой`, `-ую` and their soft forms.
const ORGANISATION_CASE_ENDINGS: &[(&str, &str)] = &[
    ("ogo", "yy"),
    ("ogo", "oy"),
    ("ogo", "oe"),
    ("ego", "iy"),
    ("ego", "ee"),
    ("omu", "yy"),
    ("omu", "oy"),
    ("omu", "oe"),
    ("emu", "iy"),
    ("emu", "ee"),
    ("ym", "yy"),
    ("im", "iy"),
    ("oy", "aya"),
    ("ey", "yaya"),
    ("uyu", "aya"),
    ("om", "yy"),
    ("om", ""),
    ("a", ""),
    ("u", ""),
    ("e", ""),
    ("y", "a"),
    ("i", "a"),
];

/// Legal forms, folded, of Russia, Belarus and their neighbours, whose languages decline a
/// company's name: a name in Latin letters with one of them may be so declined (`JSC Priorbanka`).
/// `LLC` and `Ltd` are every country's.
const DECLINING_FORMS: &[&str] = &[
    "ooo", "oao", "zao", "ao", "pao", "odo", "chup", "chtup", "chpup", "up", "rup", "kup", "uup", "ip", "ojsc", "cjsc",
    "jsc", "pjsc", "tov", "zat", "prat", "pat", "sooo", "iooo",
];

/// Least letters of the nominative read back: a shorter stem meets too many listed words.
const MIN_UNINFLECTED_LETTERS: usize = 4;

/// An organisation's `Republic` naming Belarus (`КГБ Республики Беларусь`) weighs as a legal
/// form: optional, met only as spelt. The lists also read their `… of the Republic of Belarus`
/// as `… of Belarus` (`name_form::listed_readings`), and a listed short form (`BELARUSIAN KGB`)
/// had lost to the one word it lacks (round 23).
fn with_the_republic_optional(mut tokens: Vec<Token>) -> Vec<Token> {
    for at in 0..tokens.len() {
        if crate::index::name_form::republic_of_belarus(&tokens, at).is_some() {
            tokens[at].role = Role::Legal;
            tokens[at].weight = crate::index::name_form::LEGAL_WEIGHT;
        }
    }
    tokens
}

/// A name closed by Belarus's abbreviation (`Национальный банк РБ`, `National Bank RB`) with the
/// country written out. The name as screened first has it taken away as a country
/// (`normalize::without_boilerplate`: read as initials it met persons' namesakes), which leaves a
/// state body or bank of the Republic of Belarus two generic words; written out, it meets the
/// listed name read `… of Belarus` (`name_form::listed_readings`). A further reading, so that a
/// company named without the country (`Bremino Group РБ`) still meets its name as listed.
fn with_belarus_written_out(name: &str) -> Option<String> {
    let name = name.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ',' | ';'));
    let (head, last) = name.rsplit_once(char::is_whitespace)?;
    let country = match last {
        "РБ" | "рб" => "Беларусь",
        "RB" => "Belarus",
        _ => return None,
    };
    let words: Vec<&str> = head.split_whitespace().collect();
    // `… of the RB` is read so already (`name_form::org_words`).
    let after_of = words.last().is_some_and(|w| matches!(w.to_lowercase().as_str(), "of" | "the"));
    (words.len() >= 2 && !after_of).then(|| format!("{head} {country}"))
}

/// The sole proprietors' markers ([`crate::normalize::SOLE_PROPRIETOR`]) folded, as they are
/// written in Latin letters (`ИП` → `ip`).
fn folded_markers() -> &'static [String] {
    static FOLDED: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    FOLDED.get_or_init(|| crate::normalize::SOLE_PROPRIETOR.iter().map(|m| fold(m).trim().replace(' ', "")).collect())
}

/// Whether folded words are a sole proprietor's marker, in any script.
fn is_sole_proprietor(folded: &str) -> bool {
    let words: String = folded.split_whitespace().collect();
    folded_markers().contains(&words)
}

/// The word without the ASCII punctuation around it (`IP,`, `"IP"`): the markers looked for in
/// it are ASCII, and trimming by Unicode's tables cost more than the rest of the look.
fn bare(word: &str) -> &str {
    word.trim_matches(|c: char| c.is_ascii_punctuation())
}

/// The name without the sole proprietor's marker in Latin letters that opens or closes it, when
/// two words or more are left (see [`note_readings`]). Asked of every name: no allocation unless
/// a marker is there.
pub(crate) fn without_sole_proprietor(name: &str) -> Option<String> {
    // With or without dots between its letters (`I.P.`).
    let marker = |w: &str| {
        // Markers are six letters at most; with dots between them, eleven characters.
        let b = bare(w);
        if b.len() > 11 || (b.len() > 6 && !b.contains('.')) || !b.is_ascii() {
            return false;
        }
        let dots = b.bytes().filter(|&c| c == b'.').count();
        let letters = || b.bytes().filter(|&c| c != b'.').map(|c| c.to_ascii_lowercase());
        folded_markers()
            .iter()
            .any(|m| m.len() == b.len() - dots && m.bytes().map(|c| c.to_ascii_lowercase()).eq(letters()))
    };
    let mut words = name.split_whitespace();
    let (first, second, last) = (words.next()?, words.next()?, words.next_back().unwrap_or_default());
    // Its two letters with a space between (`I. P. Petrov Ivan`).
    let spaced = crate::normalize::spaced_sole_proprietor(first, second, true);
    let (from_first, from_last) = (marker(first), !marker(first) && !spaced && marker(last));
    if !from_first && !from_last && !spaced {
        return None;
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    let (from, to) = if spaced {
        (2, words.len())
    } else if from_first {
        (1, words.len())
    } else {
        (0, words.len() - 1)
    };
    (to.saturating_sub(from) >= 2).then(|| words[from..to].join(" "))
}

/// The fewest letters written one by one that are read as one word spelt out (see
/// [`letters_joined`]): three are initials as often as not (`A.G.L.`, `O.A.O.`).
const MIN_SPELT_LETTERS: usize = 4;

/// The fewest capitals written one by one that are read as one word spelt out: fewer are
/// initials (`Jamal H A A A ALSHUTTI`) or an acronym (`C.P.C.L.`) as often.
const MIN_SPELT_CAPITALS: usize = 6;

/// The name with each word spelt out letter by letter written as the word: four letters or more,
/// each alone between separators of one kind, either punctuation alone (`B.a.l.a.b.a`,
/// `K-U-B-R-A-K-O-V`) or with spaces (`B. a. l. a. b. a.`, `K U B R A K O V`). Read as initials
/// they said nothing (round 24: 441 of 454 listed surnames so written were CLEAR), and nobody
/// has four initials. A separator of punctuation with a hyphen in it (`A.G.A.T.-.C.O.N.T.R.O.L`)
/// stays a hyphen; the kinds are not mixed, so `I.v.a.n.o.v I.v.a.n` stays two words. `None`
/// when the name has no such run (most names: one pass over its bytes says so).
fn letters_joined(name: &str) -> Option<String> {
    if !may_spell_letters(name) {
        return None;
    }
    // The name as runs: a word (letters and digits), or what separates words.
    #[derive(Clone, Copy, PartialEq)]
    enum Gap {
        Tight { hyphen: bool },
        Spaced,
    }
    let mut runs: Vec<(&str, bool)> = Vec::new();
    let mut start = 0;
    let mut in_word = None;
    for (i, c) in name.char_indices() {
        let word = c.is_alphanumeric();
        if in_word != Some(word) {
            if let Some(w) = in_word {
                runs.push((&name[start..i], w));
            }
            start = i;
            in_word = Some(word);
        }
    }
    if let Some(w) = in_word {
        runs.push((&name[start..], w));
    }
    let single = |r: &(&str, bool)| r.1 && r.0.chars().count() == 1 && r.0.chars().all(char::is_alphabetic);
    let gap = |g: &str| {
        if g.chars().any(char::is_whitespace) {
            Gap::Spaced
        } else {
            Gap::Tight { hyphen: g.len() > 1 && g.contains('-') }
        }
    };
    let mut out = String::with_capacity(name.len());
    let mut changed = false;
    let mut i = 0;
    while i < runs.len() {
        // The longest run of single letters from here whose gaps are of one kind.
        let mut end = i;
        let mut kind = None;
        if single(&runs[i]) {
            while end + 2 < runs.len() && single(&runs[end + 2]) && !runs[end + 1].1 {
                let k = matches!(gap(runs[end + 1].0), Gap::Spaced);
                if kind.is_some_and(|spaced| spaced != k) {
                    break;
                }
                kind = Some(k);
                end += 2;
            }
        }
        // Capitals alone are initials or an acronym unless there are many of them (`H A A A` is
        // Husayn 'Abd 'Ali 'Abd-al-Rahim, `C.P.C.L.` a company): a small letter after the first
        // says a word was spelt out.
        let letters = (end - i) / 2 + 1;
        let small = runs[i..=end].iter().step_by(2).skip(1).any(|r| r.0.chars().any(char::is_lowercase));
        if letters >= MIN_SPELT_LETTERS && (small || letters >= MIN_SPELT_CAPITALS) {
            for (k, r) in runs[i..=end].iter().enumerate() {
                if k % 2 == 0 {
                    out.push_str(r.0);
                } else if gap(r.0) == (Gap::Tight { hyphen: true }) {
                    out.push('-');
                }
            }
            changed = true;
            i = end + 1;
        } else {
            out.push_str(runs[i].0);
            i += 1;
        }
    }
    changed.then_some(out)
}

/// Whether `name` may hold [`MIN_SPELT_LETTERS`] letters in a row each alone between separators
/// (see [`letters_joined`]): one pass over its bytes, since this is asked of every name screened
/// (a pass over its chars, Unicode's tables asked of each, was 3 % of a screening). A letter is
/// an ASCII one or a two-byte character (Latin with accents, Greek, Cyrillic); a few two-byte
/// characters that are no letters (`«`) pass too, and [`letters_joined`] tells them apart.
fn may_spell_letters(name: &str) -> bool {
    let b = name.as_bytes();
    let word_byte = |x: u8| x.is_ascii_alphanumeric() || x >= 0x80;
    let (mut chain, mut i) = (0usize, 0usize);
    while i < b.len() {
        let x = b[i];
        let len = if x.is_ascii_alphabetic() {
            1
        } else if (0xC2..=0xDF).contains(&x) && b.get(i + 1).is_some_and(|c| c & 0xC0 == 0x80) {
            2
        } else {
            0
        };
        if len == 0 {
            if !(x.is_ascii_punctuation() || x == b' ') {
                chain = 0;
            }
            i += 1;
            continue;
        }
        i += len;
        if b.get(i).is_some_and(|&c| word_byte(c)) {
            chain = 0;
            while b.get(i).is_some_and(|&c| word_byte(c)) {
                i += 1;
            }
        } else {
            chain += 1;
            if chain >= MIN_SPELT_LETTERS {
                return true;
            }
        }
    }
    false
}

/// A further reading of a name (see [`note_readings`]).
pub(crate) struct NoteReading {
    pub name: String,
    /// A reading only an organisation's name has: not screened for a party sent as a person.
    pub organisation: bool,
    /// A note's one word alone, which names a listed entity only in passing: REVIEW at most.
    pub mention: bool,
    /// A note alone: it may name another party than the one whose type was given (a person's
    /// employer, `Tom Baker (Belshina)`), so it is screened as any type.
    pub part: bool,
}

impl QueryText {
    pub fn new(name: &str) -> QueryText {
        let whole_name = name;
        let unwrapped = crate::normalize::unwrap_lines(name);
        let structured = crate::normalize::structured_name(&unwrapped);
        let name = structured.as_deref().unwrap_or(&unwrapped);
        let unlabelled = crate::normalize::without_boilerplate(crate::normalize::strip_label(name));
        let stripped = strip_notes(&unlabelled);
        let stripped = letters_joined(&stripped).unwrap_or(stripped);
        // Most names have no lower-case letter followed by a capital: one pass to see, before
        // the two readings' splits.
        let mut lower_then_upper = false;
        let mut prev_lower = false;
        for c in stripped.chars() {
            lower_then_upper |= prev_lower && c.is_uppercase();
            prev_lower = c.is_lowercase();
        }
        let (person_words, org_camel) =
            if lower_then_upper { (camel_words(&stripped, false), camel_words(&stripped, true)) } else { (None, None) };
        let foreign = if stripped.is_ascii() { None } else { crate::normalize::Script::of_name(&stripped) };
        // A word cut to `MAX_WORD_CHARS` is not the name as given (the fingerprint is of that).
        let mut cut = false;
        let words: Vec<String> = fold(&stripped)
            .split_whitespace()
            .map(|w| {
                let kept = word(w);
                cut |= kept.len() < w.len();
                kept
            })
            .collect();
        let abbreviations = abbreviations(&stripped, &words);
        QueryText {
            whole: stripped == whole_name && !cut,
            words,
            person_words,
            org_words: None,
            org_camel,
            org_joins: 0,
            truncated: looks_truncated(&unlabelled),
            foreign,
            abbreviations,
        }
    }

    /// Splits words that are two or more listed words run together (`vladimirputin`,
    /// `LUKASHENKAAlyaksandr`, `SportsClub`) when they are not listed words themselves:
    /// `is_listed(word, person)` says whether a word is a listed word of a person's name (or of an
    /// organisation's). Camel case says where a person's words meet only when the writer kept the
    /// capitals; the lists know the words whatever the case. The pieces of a split word are
    /// marked as joined (`NameForm::joins`), so they are also compared as the one word they were.
    /// Only the readings asked for (`person`, `organisation`) are split: a split costs a few dozen
    /// lookups per long word, a tenth of screening a person.
    pub fn split_joined(&mut self, person: bool, organisation: bool, is_listed: &dyn Fn(&str, bool) -> bool) {
        if person {
            self.split_person(is_listed);
        }
        if organisation {
            // Legal forms are words of an organisation's name too (`PelengJSC`), by spelling: a
            // word is tried at every cut, and a phonetic key per cut was a tenth of a screening's
            // time.
            let org_listed = |w: &str| is_listed(w, false) || crate::normalize::is_legal_form_spelling(w);
            if let Some((pieces, joins)) = &self.org_camel {
                let (words, joins) = rejoin_listed(pieces, *joins, &|w| is_listed(w, false));
                self.org_words = Some(words);
                self.org_joins = joins;
            }
            let words = self.org_words.as_deref().unwrap_or(&self.words);
            if let Some((split, joins)) = split_words(words, self.org_joins, &org_listed, Split::Organisation) {
                self.org_words = Some(split);
                self.org_joins = joins;
            }
        }
    }

    /// The organisation's name with each word that is no listed word, but would be one without
    /// the ending of another case, read in the nominative; None when no word is so. Banks write
    /// the party as the sentence around it declines it (`оплата ОАО Беларуськалия`), and the brand
    /// word in that case had met nothing (round 28: 54 % of companies named in the genitive
    /// CLEAR). Only words whose nominative the lists hold are changed (`is_listed`, of
    /// organisations' words), so a word that merely ends so is left be; from the folded words,
    /// so a query pays a lookup or two per word that ends so.
    ///
    /// Only for a name written in Cyrillic or with a legal form of the countries whose language
    /// declines so (`ОАО`, `OOO`, `JSC`, `ЧУП`): a round-28 attack found `Agora`, `Atlanta`,
    /// `Irisa LLC`, `Integrale SpA` read as AGOR, ATLANT, ARIES and Integral.
    pub fn organisation_nominative(&self, name: &str, is_listed: &dyn Fn(&str) -> bool) -> Option<String> {
        let declines = name.chars().any(|c| matches!(c, '\u{0400}'..='\u{04FF}'))
            || self.words.iter().any(|w| DECLINING_FORMS.contains(&w.as_str()));
        if !declines {
            return None;
        }
        let mut read: Option<Vec<String>> = None;
        for (i, w) in self.words.iter().enumerate() {
            if w.len() <= MIN_UNINFLECTED_LETTERS || !w.ends_with(['a', 'u', 'e', 'y', 'i', 'm', 'o']) || is_listed(w) {
                continue;
            }
            let nominative = ORGANISATION_CASE_ENDINGS.iter().find_map(|(ending, nominative)| {
                let stem = w.strip_suffix(ending)?;
                if stem.len() + nominative.len() < MIN_UNINFLECTED_LETTERS {
                    return None;
                }
                if nominative.is_empty() {
                    return is_listed(stem).then(|| stem.to_string());
                }
                let n = format!("{stem}{nominative}");
                is_listed(&n).then_some(n)
            });
            if let Some(n) = nominative {
                read.get_or_insert_with(|| self.words.clone())[i] = n;
            }
        }
        read.map(|words| words.join(" "))
    }

    fn split_person(&mut self, is_listed: &dyn Fn(&str, bool) -> bool) {
        let (words, joins) = match &self.person_words {
            Some((w, j)) => (w.as_slice(), *j),
            None => (self.words.as_slice(), 0),
        };
        // A listed word with an unlisted rest is split only when it is the whole name: next to
        // other words, a long word beginning with a listed one is a surname (`Kazakevičas`,
        // `Kazak` + `evičas`), read better whole.
        let free_rest = words.len() == 1;
        if let Some(split) = split_words(words, joins, &|w| is_listed(w, true), Split::Person { free_rest }) {
            self.person_words = Some(split);
        }
        // A listed word split in two where neither part is short (`Uladzi miravich`): the parts
        // are also compared joined when joined they are a listed word.
        let (words, mut joins) = match &self.person_words {
            Some((w, j)) => (w.as_slice(), *j),
            None => (self.words.as_slice(), 0),
        };
        let before = joins;
        let mut joined = String::new();
        for i in 0..words.len().saturating_sub(1).min(31) {
            let (a, b) = (&words[i], &words[i + 1]);
            if joins & (1 << i) == 0 && !(is_listed(a, true) && is_listed(b, true)) {
                joined.clear();
                joined.push_str(a);
                joined.push_str(b);
                if is_listed(&joined, true) {
                    joins |= 1 << i;
                }
            }
        }
        if joins != before {
            self.person_words = Some((words.to_vec(), joins));
        }
    }

    /// The folded words of the name, labels, notes and payment boilerplate aside.
    pub fn words(&self) -> &[String] {
        &self.words
    }

    /// The folded words of the name as given, when nothing was stripped from it.
    pub fn whole_words(&self) -> Option<&[String]> {
        self.whole.then_some(self.words.as_slice())
    }
}

/// The pieces of words split by camel case, each word whole again when it is listed whole
/// (`BelTechExport`, `УралВагонЗавод`), and which of the words left were one: `joins` marks the
/// pieces that were one word. A word left split is also compared whole (`score::units`), so a
/// slip in it (`BslTechExport`) still meets the listed word.
fn rejoin_listed(pieces: &[String], joins: u32, is_listed: &dyn Fn(&str) -> bool) -> (Vec<String>, u32) {
    let mut out = Vec::with_capacity(pieces.len());
    let mut out_joins = 0u32;
    let mut start = 0;
    while start < pieces.len() {
        let mut end = start + 1;
        while end < pieces.len() && end - 1 < 31 && joins & (1 << (end - 1)) != 0 {
            end += 1;
        }
        let whole = pieces[start..end].concat();
        if end - start > 1 && is_listed(&whole) {
            out.push(whole);
        } else {
            for i in out.len()..(out.len() + end - start - 1).min(31) {
                out_joins |= 1 << i;
            }
            out.extend(pieces[start..end].iter().cloned());
        }
        start = end;
    }
    (out, out_joins)
}

/// Shortest word looked at for a split: shorter ones are rarely two names run together, and each
/// word looked at costs a few dozen lookups.
const MIN_SPLIT_WORD: usize = 6;
/// Shortest piece of a split word, and most pieces. Two-letter pieces (`Yu`, `Li`, and `Al`,
/// `Bin` of Arabic names) made ordinary words (`Albina`) into common words that reach tens of
/// thousands of names: a split must be worth its cost.
const MIN_SPLIT_PIECE: usize = 3;
const MAX_SPLIT_PIECES: usize = 4;

/// Most pieces of an organisation's word split, whose connectors of two letters (`of`, `im`) may
/// be pieces too: a state body's name run together is seven words or more
/// (`INVESTIGATIVECOMMITTEEOFTHEREPUBLICOFBELARUS` was CLEAR, round 33), and the walk stops as
/// soon as no listed word goes on, so ordinary words pay no more for it.
const MAX_ORG_SPLIT_PIECES: usize = 10;

/// Bytes of an organisation's word from which it may be split with connectors and pieces of two
/// letters (`KBRADARJSC`, ten).
const MIN_ORG_RUN_BYTES: usize = 10;

/// How a word is split (see [`segment`]).
#[derive(Clone, Copy)]
enum Split {
    /// A person's name; `free_rest` as for [`segment`].
    Person { free_rest: bool },
    /// An organisation's: more pieces, and connectors of two letters among them.
    Organisation,
}

/// Fewest characters of the unlisted rest of a person's word split after a listed first piece
/// (`segment`'s `free_rest`), and of that first piece.
const MIN_FREE_REST: usize = 5;
const MIN_FREE_FIRST: usize = 4;

/// `words` with each long word that is not listed, but is listed words run together, split into
/// them (fewest pieces first), and the joins shifted to match. `None` when no word was split.
/// With `free_rest`, a word that is a listed word followed by an unlisted one is split there too
/// (see [`segment`]).
fn split_words(
    words: &[String],
    joins: u32,
    is_listed: &dyn Fn(&str) -> bool,
    how: Split,
) -> Option<(Vec<String>, u32)> {
    let mut out: Option<(Vec<String>, u32)> = None;
    for (i, w) in words.iter().enumerate() {
        let pieces = if crate::normalize::char_count(w) >= MIN_SPLIT_WORD && !is_listed(w) {
            segment(w, is_listed, how)
        } else {
            None
        };
        if pieces.is_none() && out.is_none() {
            continue;
        }
        let (acc, acc_joins) = out.get_or_insert_with(|| {
            let kept = words[..i].to_vec();
            (kept, joins & ((1u32 << i.min(31)) - 1))
        });
        let start = acc.len();
        match pieces {
            Some(p) => acc.extend(p.into_iter().map(str::to_string)),
            None => acc.push(w.clone()),
        }
        for k in start..acc.len().saturating_sub(1) {
            if k < 31 {
                *acc_joins |= 1 << k;
            }
        }
        // The word's own join with the next word carries over to its last piece.
        let last = acc.len() - 1;
        if i < 31 && joins & (1 << i) != 0 && last < 31 {
            *acc_joins |= 1 << last;
        }
    }
    out
}

/// The fewest listed words (each of `MIN_SPLIT_PIECE` characters or more, at most
/// `MAX_SPLIT_PIECES`) that `word` is made of, or `None`. A breadth-first walk over the positions
/// where a listed word ends, so the first complete reading has the fewest pieces.
///
/// With `free_rest` (a person's name of one word), a word that no listed words make up but that
/// begins with one (of [`MIN_FREE_FIRST`] characters or more) is split after the longest such,
/// when [`MIN_FREE_REST`] characters or more are left: a person's two names run together where the
/// second is misspelt, or romanised apart from the list's (`アレクサンドルルカシェンコ`, katakana
/// without its `・`, reads `aleksandollkashenko`). The rest is compared like any word, and the
/// whole stays compared as the one word it was.
fn segment<'w>(word: &'w str, is_listed: &dyn Fn(&str) -> bool, how: Split) -> Option<Vec<&'w str>> {
    // An organisation's word of fewer letters is split as a person's (`COMPANIA` is no `CO` +
    // `M` + `PANIA`): the connectors and pieces of two letters are for names run together.
    let (free_rest, max_pieces, min_piece, connectors) = match how {
        Split::Person { free_rest } => (free_rest, MAX_SPLIT_PIECES, MIN_SPLIT_PIECE, false),
        Split::Organisation if word.len() >= MIN_ORG_RUN_BYTES => (false, MAX_ORG_SPLIT_PIECES, 2, true),
        Split::Organisation => (false, MAX_SPLIT_PIECES, MIN_SPLIT_PIECE, false),
    };
    // Byte offset of each character and of the end: pieces are spans of characters, and a query
    // word is at most `MAX_WORD_CHARS` of them, so the walk keeps fixed tables on the stack
    // (every unlisted long word of every screening comes here).
    let mut at = [0usize; MAX_WORD_CHARS + 1];
    let mut n = 0;
    for (i, _) in word.char_indices() {
        if n == MAX_WORD_CHARS {
            return None;
        }
        at[n] = i;
        n += 1;
    }
    at[n] = word.len();
    // A connector (`of`, `the`) is a piece of an organisation's name, listed or not, but never its
    // first or last; a listed word of two letters is one too (`KB`, `UE`, `PO`: abbreviations of
    // a company's kind, `KBRADARJSC`).
    let piece_ok = |start: usize, end: usize, piece: &str| {
        (end - start >= min_piece && is_listed(piece)) || (connectors && start > 0 && end < n && is_connector(piece))
    };
    // Where the piece ending at each character position starts (`NONE`: not reached yet).
    const NONE: u8 = u8::MAX;
    let mut prev = [NONE; MAX_WORD_CHARS + 1];
    let mut frontier = [0u8; MAX_WORD_CHARS + 1];
    let mut next = [0u8; MAX_WORD_CHARS + 1];
    let mut frontier_len = 1;
    for _ in 0..max_pieces {
        let mut next_len = 0;
        for &start in &frontier[..frontier_len] {
            let start = usize::from(start);
            for end in start + if connectors { 1 } else { min_piece }..=n {
                if prev[end] != NONE || (start == 0 && end == n) {
                    continue;
                }
                if piece_ok(start, end, &word[at[start]..at[end]]) {
                    prev[end] = start as u8;
                    if end == n {
                        let mut pieces = Vec::new();
                        let mut e = end;
                        while e > 0 {
                            let s = usize::from(prev[e]);
                            pieces.push(&word[at[s]..at[e]]);
                            e = s;
                        }
                        pieces.reverse();
                        return Some(pieces);
                    }
                    next[next_len] = end as u8;
                    next_len += 1;
                }
            }
        }
        if next_len == 0 {
            break;
        }
        frontier[..next_len].copy_from_slice(&next[..next_len]);
        frontier_len = next_len;
    }
    if !free_rest {
        return None;
    }
    // The first round of the walk marked every listed first piece (`prev` of its end is 0).
    let first = (MIN_FREE_FIRST..n.saturating_sub(MIN_FREE_REST) + 1).rev().find(|&e| e < n && prev[e] == 0)?;
    Some(vec![&word[..at[first]], &word[at[first]..]])
}

/// The most characters of one query word that are compared. No name word comes near it (the
/// longest listed words, names run together, are under 40); a word of a thousand letters (one
/// katakana run, romanised) cost 5–9 ms in splitting and deletions, so a stream of them could
/// hold the server's cores, and its end cannot say more about a name than its first 64 letters.
pub const MAX_WORD_CHARS: usize = 64;

/// A query word as compared: at most [`MAX_WORD_CHARS`] characters.
fn word(w: &str) -> String {
    match w.char_indices().nth(MAX_WORD_CHARS) {
        Some((cut, _)) => w[..cut].to_string(),
        None => w.to_string(),
    }
}

/// `VladimirPutin` → `Vladimir Putin`: a space wherever a lower-case letter is followed by an
/// upper-case one. `None` when there is no such place (most names). `connectors`: the name is
/// read as an organisation's, whose short words of and the (`CentralElectionCommissionOfThe…`)
/// are not the short pieces of case typed at random.
fn camel_split(s: &str, connectors: bool) -> Option<String> {
    // A word in capitals with a few small letters (`ELEKTRATEChNITschNY`, `BELINcEST`: a
    // transliterator's digraphs in title case, a slip of the shift key) is one word, not words
    // run together, which write small letters most.
    let (upper, lower) =
        s.chars().fold((0, 0), |(u, l), c| (u + usize::from(c.is_uppercase()), l + usize::from(c.is_lowercase())));
    if upper >= 2 * lower {
        return None;
    }
    let mut prev_lower = false;
    // Only a capitalised piece ends where a capital follows: a word beginning in lower case with
    // a capital next (`uGtnik`, `vSiataslavauna`) is two letters typed in the wrong order with
    // the shift key, not two names.
    let (mut piece_capitalised, mut at_start, mut prev_upper) = (false, true, false);
    let mut out: Option<String> = None;
    for (i, c) in s.char_indices() {
        // The last capital of a run of them before small letters begins a word after an acronym
        // (`KBUnmannedHelicopters`, `OOOBelaruskali`, `LUKASHENKAAlyaksandr`; round 33 found the
        // first CLEAR). Two small letters after it at least: `VOLKSWAGENAg` is not split.
        let acronym_before = || {
            let mut next = s[i + c.len_utf8()..].chars();
            next.next().is_some_and(char::is_lowercase) && next.next().is_some_and(char::is_lowercase)
        };
        if at_start {
            piece_capitalised = c.is_uppercase();
        } else if c.is_uppercase() && ((prev_lower && piece_capitalised) || (prev_upper && acronym_before())) {
            out.get_or_insert_with(|| s[..i].to_string()).push(' ');
        }
        if let Some(o) = out.as_mut() {
            o.push(c);
        }
        prev_lower = c.is_lowercase();
        prev_upper = c.is_uppercase();
        at_start = !crate::normalize::is_letter(c);
    }
    let out = out?;
    // Names run together keep pieces of a few letters, one of them short at most (`SimonAL`;
    // `DeLaCruz` is not split, and meets `de la Cruz` as one word); a piece of one letter, or
    // several short ones, is case typed at random (`PoDoBeD`, `AlIAksANdR`), which hides the
    // word if it is split.
    let pieces = || out.split(|c: char| !crate::normalize::is_letter(c)).filter(|p| !p.is_empty());
    let shortest = pieces().map(|p| p.chars().count()).min().unwrap_or(0);
    let short = pieces().filter(|p| p.chars().count() < MIN_CAMEL_PIECE && !(connectors && is_connector(p))).count();
    (shortest >= 2 && short <= 1).then_some(out)
}

/// Short words that join the words of an organisation's name, in the languages of the lists
/// (`s` and `z` of the Russian and Belarusian limited company, `obshchestvo s ogranichennoy …`).
/// Compared in place, without a lower-cased copy: the split of a long word asks it of every piece.
fn is_connector(piece: &str) -> bool {
    const CONNECTORS: [&str; 16] =
        ["of", "the", "and", "for", "de", "la", "du", "des", "der", "und", "et", "i", "y", "im", "s", "z"];
    piece.len() <= 3 && CONNECTORS.iter().any(|c| c.eq_ignore_ascii_case(piece))
}

/// Letters of a piece of a camel-case split below which it is short.
const MIN_CAMEL_PIECE: usize = 3;

/// The folded words of a name with its camel-case words split, and which adjacent words were one
/// (see `NameForm::joins`). `None` when no word is in camel case. `connectors` as for
/// [`camel_split`].
fn camel_words(name: &str, connectors: bool) -> Option<(Vec<String>, u32)> {
    if !name.split_whitespace().any(|w| camel_split(w, connectors).is_some()) {
        return None;
    }
    let mut words: Vec<String> = Vec::new();
    let mut joins = 0u32;
    for w in name.split_whitespace() {
        match camel_split(w, connectors) {
            Some(split) => {
                let start = words.len();
                words.extend(fold(&split).split_whitespace().map(word));
                for i in start..words.len().saturating_sub(1) {
                    if i < 31 {
                        joins |= 1 << i;
                    }
                }
            }
            None => words.extend(fold(w).split_whitespace().map(word)),
        }
    }
    Some((words, joins))
}

/// Russian and Belarusian academic degrees as their dotted letters fold and join: candidate
/// (`к.`) or doctor (`д.`) of technical (`т.н.`), economic, legal, medical, historical,
/// philological, chemical, biological, pedagogical, psychological, geographical, agricultural,
/// veterinary, physical-mathematical and geological sciences. Bank forms and letterheads put them
/// after the name (`Лукашенко А.Г., к.т.н.`); a round-33 outside test found one left a listed
/// name REVIEW. Only as a dotted tail (`degree_from`), never as a word: `Ken`, `Din`, `Kin` are
/// names.
const RUSSIAN_DEGREES: [&str; 28] = [
    "ktn", "dtn", "ken", "den", "kyun", "dyun", "kmn", "dmn", "kin", "din", "kfn", "dfn", "kkhn", "dkhn", "kbn", "dbn",
    "kpn", "dpn", "kpsn", "dpsn", "kgn", "dgn", "kskhn", "dskhn", "kfmn", "dfmn", "kgmn", "dgmn",
];

/// Prepares a query name. Roles are unknown, so every token counts the same, except
/// legal-form words (optional) and patronymic-looking ones (optional, since the listed name may
/// lack one), and titles (ignored). One reading at a time, for tests.
#[cfg(test)]
pub(crate) fn query(name: &str, person: bool, weight_of: &dyn Fn(&str) -> f32) -> NameForm {
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
    // A name with a word of letters and digits (`1UK45H3NK4`) is written in leet, and its words of
    // digits alone are letters too (`0139` for Oleg), not a date or a reference.
    let is_number = |w: &str| w.bytes().all(|b| b.is_ascii_digit());
    let leet = text
        .words
        .iter()
        .any(|w| !is_number(w) && !crate::normalize::is_ordinal(w) && w.bytes().any(|b| b.is_ascii_digit()));
    let new_token = |t: &str| {
        let tok = Token::query_in(t, Role::Word, 0.0, leet);
        if let Some(script) = text.foreign {
            tok.with_loose_reading(script)
        } else {
            tok
        }
    };
    // The words as folded, when a reading asked for uses them rather than its own split.
    let needs_base = (person && text.person_words.is_none()) || (organisation && text.org_words.is_none());
    let base: Vec<Token> = if needs_base { text.words.iter().map(|t| new_token(t)).collect() } else { Vec::new() };
    let org = organisation.then(|| {
        let (tokens, joins) = if let Some(words) = &text.org_words {
            let joined = org_words(words);
            // Runs of single letters joined move the words after them: their joins are dropped.
            let joins = if joined.len() == words.len() { text.org_joins } else { 0 };
            (joined.iter().map(|t| org_word(new_token(t), weight_of)).collect(), joins)
        } else {
            let joined = org_words(&text.words);
            let tokens = if joined.len() == base.len() && joined.iter().zip(&base).all(|(j, b)| **j == *b.text) {
                base.iter().map(|t| org_word(t.clone(), weight_of)).collect()
            } else {
                joined.iter().map(|t| org_word(new_token(t), weight_of)).collect()
            };
            (tokens, 0)
        };
        let mut tokens = with_the_republic_optional(tokens);
        if !text.abbreviations.is_empty() {
            mark_abbreviations(&mut tokens, &text.abbreviations);
        }
        NameForm {
            tokens,
            person: false,
            truncated,
            joins,
            repeated: 0,
            surname_listed: false,
            typed_in_cyrillic: false,
        }
        .with_repeats()
    });
    if !person {
        return (None, org);
    }
    let (words, base, joins) = match &text.person_words {
        Some((w, joins)) => (w, w.iter().map(|t| new_token(t)).collect(), *joins),
        None => (&text.words, base, 0),
    };
    // A title its dots or hyphen split in two (`H.E.` for His or Her Excellency, Russian `Г-н`
    // and `Д-р`, Mr and Dr) before a name of two words or more: the letters are a title, not the
    // initials of given names (`H. E. Smith`, `D. R. Smith` keep them).
    let excellency = words.len() >= 4
        && words[0].chars().count() == 1
        && words[1].chars().count() <= 3
        && (words[0] == "h" && words[1] == "e" || is_title(&format!("{}{}", words[0], words[1])));
    // A degree its dots split at the end (`Ph.D.`, `M.B.A.`, Russian `к.т.н.`, `к.ф.-м.н.`), after
    // a name of two words or more: its letters joined are a title. Not two single letters
    // (`M.D.`): after a surname they are more often a person's initials (`Petrov M. D.`).
    let degree_from = (2..=4)
        .filter(|&k| words.len() >= k + 2)
        .map(|k| words.len() - k)
        .find(|&from| {
            let tail = &words[from..];
            tail.iter().all(|w| w.chars().count() <= 2)
                && (tail.len() >= 3 || tail.iter().any(|w| w.chars().count() == 2))
                && {
                    let joined = tail.concat();
                    is_title(&joined) || RUSSIAN_DEGREES.contains(&joined.as_str())
                }
        })
        .unwrap_or(words.len());
    // A word that joined with a neighbour is a listed word (`Alyaksan-dr`, `Pan tus`) is part of
    // the name, whatever the title table says.
    let joined = |i: usize| (i < 31 && joins & (1 << i) != 0) || (i > 0 && i <= 31 && joins & (1 << (i - 1)) != 0);
    let title_at = |i: usize| {
        if (excellency && i < 2) || i >= degree_from {
            return true;
        }
        // A number beside a person's name is a date or a reference, not a name (unless the name
        // is written in leet).
        if !leet && is_number(&words[i]) {
            return true;
        }
        // `His Excellency`, `Her Honour`: the pronoun belongs to the title after it.
        if matches!(words[i].as_str(), "his" | "her") && words.get(i + 1).is_some_and(|w| is_title(w)) {
            return true;
        }
        let named_before = words[..i].iter().enumerate().any(|(j, w)| !(is_title(w) || excellency && j < 2));
        // After a name word a single letter is a middle initial (`John M. Smith`), not `M.`
        // for Monsieur.
        is_title(&words[i]) && !joined(i) && !(named_before && words[i].len() == 1)
    };
    let all_titles = (0..words.len()).all(title_at);
    // A title after the name starts a description (`Aleksandr Lukashenko, President of Belarus`):
    // from there on nothing is a name. Only a rank or office spelt out does (five letters or
    // more): an abbreviation after a name word (`Dr`, `Gen`, `Pan`) is more often a piece of a
    // word split by a hyphen or a space, and ending the name there would let one hyphen hide it.
    let description = (1..words.len())
        .find(|&i| {
            let care_of = words[i] == "c" && words.get(i + 1).is_some_and(|w| w == "o");
            (title_at(i) && words[i].len() >= 5 || care_of || NOTE_WORDS.contains(&words[i].as_str()))
                && (0..i).any(|j| !title_at(j))
        })
        .unwrap_or(words.len());
    // `Halina Knizonak or Knizonok or Knizonok-Maksimova`, as the Canadian list writes aliases and
    // payments copy them: the `or` and the spellings after it of a word already given are
    // alternatives, not more words of the name.
    let first_or = (1..words.len().saturating_sub(1)).find(|&i| words[i] == "or");
    let alternative = |i: usize, tok: &Token, base: &[Token]| {
        first_or.is_some_and(|o| {
            i == o || (i > o && (words[i] == "or" || base[..o].iter().any(|b| b.key == tok.key && b.text.len() > 2)))
        })
    };
    let keys: Vec<Token> = if first_or.is_some() { base.clone() } else { Vec::new() };
    let tokens = base
        .into_iter()
        .enumerate()
        .map(|(i, mut tok)| {
            if !all_titles && (title_at(i) || i >= description || alternative(i, &tok, &keys)) {
                tok.make_title();
                return tok;
            }
            tok.role = if i > 0 && is_patronymic(&tok.text) { Role::Patronymic } else { Role::Given };
            tok.weight = if tok.role == Role::Patronymic { 0.3 } else { 1.0 };
            tok
        })
        .collect();
    (
        Some(
            NameForm { tokens, person, truncated, joins, repeated: 0, surname_listed: false, typed_in_cyrillic: false }
                .with_repeats(),
        ),
        org,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_spelt_out_letter_by_letter_is_the_word() {
        let joined = |n: &str| letters_joined(n);
        assert_eq!(joined("Dmitry B.a.l.a.b.a").as_deref(), Some("Dmitry Balaba"));
        assert_eq!(joined("K-U-B-R-A-K-O-V Ivan").as_deref(), Some("KUBRAKOV Ivan"));
        assert_eq!(joined("Ivan k u b r a k").as_deref(), Some("Ivan kubrak"));
        assert_eq!(joined("B. a. l. a. b. a. Dmitry").as_deref(), Some("Balaba. Dmitry"));
        assert_eq!(joined("Ivan K U B R A K O V").as_deref(), Some("Ivan KUBRAKOV"));
        assert_eq!(joined("A.G.A.T.-.C.O.N.T.R.O.L SYSTEMS").as_deref(), Some("AGAT-CONTROL SYSTEMS"));
        assert_eq!(joined("I.v.a.n.o.v I.v.a.n").as_deref(), Some("Ivanov Ivan"));
        assert_eq!(joined("Б.а.л.а.б.а").as_deref(), Some("Балаба"));
        // Initials, and a name with none spelt out, stay as written.
        for n in [
            "A. G. Lukashenko",
            "A.G.L. Lukashenko",
            "O.A.O. Belshina",
            "Aleksandr Lukashenko",
            "1.2.3.4",
            "Jamal H A A A ALSHUTTI",
            "INVERSIONES C.P.C.L. Y CIA.",
            "B R C S.A.",
        ] {
            assert_eq!(joined(n), None, "{n}");
        }
    }

    #[test]
    fn a_sole_proprietors_marker_is_no_part_of_the_name() {
        assert_eq!(without_sole_proprietor("IP Kam Wing").as_deref(), Some("Kam Wing"));
        assert_eq!(without_sole_proprietor("ИП Лукашенко Александр"), None);
        let names = |n: &str| note_readings(n).into_iter().map(|r| r.name).collect::<Vec<_>>();
        assert_eq!(names("Hans Orlov [ИП]"), ["Hans Orlov"]);
        assert_eq!(names("Hans Orlov [ИП] (Belshina)")[0], "Hans Orlov Belshina");
    }

    #[test]
    fn the_rb_is_the_republic_of_belarus_only_after_of_or_closing_a_name() {
        let words =
            |name: &str| query(name, false, &|_| 1.0).tokens.iter().map(|t| t.text.to_string()).collect::<Vec<_>>();
        assert_eq!(
            words("Central Election Commission of the RB"),
            words("Central Election Commission of the Republic Belarus")
        );
        assert_eq!(words("National Bank of R. Belarus"), words("National Bank of Republic Belarus"));
        // Closing a name, `РБ` is taken away as a country, and an organisation's further reading
        // writes the country out.
        assert_eq!(words("Национальный банк РБ"), ["natsionalnyy", "bank"]);
        let further =
            |name: &str| note_readings(name).into_iter().filter(|r| r.organisation).map(|r| r.name).collect::<Vec<_>>();
        assert_eq!(further("Национальный банк РБ."), ["Национальный банк Беларусь"]);
        assert_eq!(further("National Bank RB"), ["National Bank Belarus"]);
        assert!(further("National Bank of the RB").is_empty());
        assert!(further("Alfa RB").is_empty());
        // Elsewhere `RB` is initials.
        assert_eq!(words("RB Capital"), ["rb", "capital"]);
        assert_eq!(words("The RB Group"), ["the", "rb", "group"]);
        assert_eq!(words("Alfa RB"), ["alfa", "rb"]);
    }

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
        let roles = |name: &str| query(name, true, &|_| 1.0).tokens.iter().map(|t| t.role).collect::<Vec<_>>();
        // `H.E.` before a full name is a title; before a surname alone, initials.
        assert_eq!(roles("H.E. Alyaksandr Lukashenka"), [Role::Title, Role::Title, Role::Given, Role::Given]);
        assert_eq!(roles("H. E. Smith"), [Role::Given, Role::Given, Role::Given]);
        assert_eq!(roles("Д-р Анна Борисовна Леусик")[..2], [Role::Title, Role::Title]);
        assert_eq!(roles("Г-н Олег Каразей"), [Role::Title, Role::Title, Role::Given, Role::Given]);
        assert_eq!(roles("His Excellency Ivan Ivankovich"), [Role::Title, Role::Title, Role::Given, Role::Patronymic]);
        // A middle initial is not `M.` for Monsieur, and an abbreviation after a name word does
        // not end the name (`Alyaksan-dr`): only an office spelt out starts a description.
        assert_eq!(roles("John M. Smith"), [Role::Given, Role::Given, Role::Given]);
        assert_eq!(roles("Alyaksan-dr Lukashenka"), [Role::Given, Role::Title, Role::Given]);
        assert_eq!(roles("Lukashenka, Minister Aleksandr"), [Role::Given, Role::Title, Role::Title]);
        assert_eq!(roles("Aleksandr Lukashenko 1954"), [Role::Given, Role::Given, Role::Title]);
        assert_eq!(roles("Lukashenko Aleksandr born 30.08.1954")[2..], [Role::Title; 4]);
        // Degrees and generations after the name; two single letters stay initials.
        assert_eq!(roles("Aleksandr Lukashenko, Ph.D.")[2..], [Role::Title; 2]);
        assert_eq!(roles("Aleksandr Lukashenko M.B.A.")[2..], [Role::Title; 3]);
        assert_eq!(roles("Aleksandr Lukashenko III")[2], Role::Title);
        assert_eq!(roles("Petrov M. D.")[1..], [Role::Given; 2]);
    }

    #[test]
    fn case_typed_at_random_is_not_camel_case() {
        assert_eq!(camel_split("VladimirPutin", false).as_deref(), Some("Vladimir Putin"));
        assert_eq!(camel_split("BurhanEddine", false).as_deref(), Some("Burhan Eddine"));
        assert_eq!(camel_split("PoDoBeD", false), None);
        assert_eq!(camel_split("AlIAksANdR", false), None);
        assert_eq!(camel_split("SimonAL", false).as_deref(), Some("Simon AL"));
        assert_eq!(camel_split("DeLaCruz", false), None);
        assert_eq!(camel_split("ELEKTRATEChNITschNY", true), None);
        assert_eq!(camel_split("BELINcEST", true), None);
        // An organisation's short words of and the are no random case.
        assert_eq!(
            camel_split("CentralElectionCommissionOfTheRepublicOfBelarus", true).as_deref(),
            Some("Central Election Commission Of The Republic Of Belarus")
        );
        assert_eq!(camel_split("CentralElectionCommissionOfTheRepublicOfBelarus", false), None);
        assert!(camel_words("Yury PoDoBeD", false).is_none());
        let (words, joins) = camel_words("Yu VladimirPutin", false).expect("split");
        assert_eq!((words.as_slice(), joins), (["yu", "vladimir", "putin"].map(String::from).as_slice(), 0b10));
    }

    #[test]
    fn words_run_together_are_split_into_listed_words() {
        let listed = ["vladimir", "putin", "lukashenka", "alyaksandr", "sports", "club"];
        let is_listed = |w: &str, _person: bool| listed.contains(&w);
        let mut t = QueryText::new("vladimirputin");
        t.split_joined(true, true, &is_listed);
        let (words, joins) = t.person_words.clone().expect("split");
        assert_eq!(words, ["vladimir", "putin"]);
        assert_eq!(joins, 1);
        let mut t = QueryText::new("LUKASHENKAAlyaksandr Putin");
        t.split_joined(true, true, &is_listed);
        assert_eq!(t.person_words.expect("split").0, ["lukashenka", "alyaksandr", "putin"]);
        let mut t = QueryText::new("Presidential SportsClub");
        t.split_joined(true, true, &is_listed);
        assert_eq!(t.org_words.expect("split"), ["presidential", "sports", "club"]);
        // A word that is not listed words run together stays whole.
        let mut t = QueryText::new("Vladimirova Putina");
        t.split_joined(true, true, &is_listed);
        assert!(t.person_words.is_none() && t.org_words.is_none());
        // An organisation's name of many words, with its connectors listed or not.
        let listed = ["investigative", "committee", "republic", "belarus", "state", "authority", "military"];
        let is_listed = |w: &str, _person: bool| listed.contains(&w);
        let mut t = QueryText::new("INVESTIGATIVECOMMITTEEOFTHEREPUBLICOFBELARUS");
        t.split_joined(false, true, &is_listed);
        assert_eq!(
            t.org_words.expect("split"),
            ["investigative", "committee", "of", "the", "republic", "of", "belarus"]
        );
        // A connector is never the first or last piece, and every other piece must be listed.
        for unsplit in ["IMSTATEAUTHORITY", "STATEAUTHORITYIM", "STATEAUTHORITYXYZ"] {
            let mut t = QueryText::new(unsplit);
            t.split_joined(false, true, &is_listed);
            assert!(t.org_words.is_none(), "{unsplit}: {:?}", t.org_words);
        }
    }

    #[test]
    fn a_russian_degree_after_a_name_is_a_title_and_a_name_like_it_is_not() {
        let name_words = |name: &str| {
            let q = query(name, true, &|_| 1.0);
            q.tokens.iter().filter(|t| t.role != Role::Title).count()
        };
        assert_eq!(name_words("Лукашенко Александр Григорьевич, к.т.н."), 3);
        assert_eq!(name_words("Лукашенко Александр Григорьевич, к.ф.-м.н."), 3);
        assert_eq!(name_words("Ken Din Lee"), 3);
    }

    #[test]
    fn words_written_short_are_those_closed_by_a_dot_or_without_a_vowel() {
        let of = |name: &str| abbreviations(name, &fold(name).split_whitespace().map(String::from).collect::<Vec<_>>());
        assert_eq!(of("Minsk Wheel Tractor Pl."), ["pl"]);
        assert_eq!(of("Rep. Prod. Mgmt Co. BG OJSC"), ["rep", "prod", "co", "mgmt"]);
        assert_eq!(of("Мин. обороны РБ"), ["min"]);
        assert_eq!(of("Minsk Wheel Tractor Ｐｌ．"), ["pl"]);
        assert_eq!(of("Minsk Wheel Tractor Pl。"), ["pl"]);
        // Initials, long words and vowels: none.
        assert!(of("A. B. Smith Trading").is_empty());
        assert!(of("Internationale. Belaruskali").is_empty());
    }

    #[test]
    fn an_acronym_run_onto_a_word_is_split_before_the_word() {
        assert_eq!(camel_split("KBUnmannedHelicopters", true).as_deref(), Some("KB Unmanned Helicopters"));
        assert_eq!(camel_split("OOOBelaruskali", true).as_deref(), Some("OOO Belaruskali"));
        assert_eq!(camel_split("LUKASHENKAAlyaksandr", false).as_deref(), Some("LUKASHENKA Alyaksandr"));
        // One small letter after the capitals, or a piece of one letter: no split.
        assert_eq!(camel_split("MINSKPLANTs", true), None);
        assert_eq!(camel_split("ODonnell", false), None);
    }

    #[test]
    fn a_one_word_person_name_is_split_after_a_listed_first_name() {
        let listed = ["aleksandol", "lukashenko"];
        let is_listed = |w: &str, _person: bool| listed.contains(&w);
        // Katakana without its `・`: the second name reads apart from the listed reading.
        let mut t = QueryText::new("アレクサンドルルカシェンコ");
        t.split_joined(true, false, &is_listed);
        assert_eq!(t.person_words.expect("split"), (vec!["aleksandol".to_string(), "lkashenko".to_string()], 1));
        // Not next to other words, and not with a short rest.
        for name in ["Aleksandolkashenko Petrov", "aleksandolpetr"] {
            let mut t = QueryText::new(name);
            t.split_joined(true, false, &is_listed);
            assert!(t.person_words.is_none(), "{name}");
        }
    }

    #[test]
    fn a_listed_word_split_in_two_long_parts_is_also_read_joined() {
        let is_listed = |w: &str, _person: bool| w == "uladzimiravich";
        let mut t = QueryText::new("Siarhei Uladzi miravich");
        t.split_joined(true, true, &is_listed);
        assert_eq!(t.person_words.expect("joined").1, 0b10);
    }
}
