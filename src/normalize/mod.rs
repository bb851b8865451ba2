//! Text normalisation shared by the index (at build) and the matcher (per query), so both sides
//! of a comparison are reduced the same way.
//!
//! A name goes through: invisible characters dropped → per-word script repair (Latin look-alike
//! letters inside Cyrillic words and the reverse) → Cyrillic to Latin → diacritics and case folded
//! → tokens. Each token also gets a phonetic key that makes romanisation systems meet
//! ([`phonetic`]).

mod cases;
mod kana;
mod legal_forms;
mod payment_field;
mod phonetic;
mod translit;

pub(crate) use cases::nominative_reading;
pub use legal_forms::{is_legal_form_spelling, is_legal_form_word};
pub(crate) use payment_field::spaced_sole_proprietor;
pub(crate) use payment_field::SOLE_PROPRIETOR;
pub use payment_field::{names_sole_proprietor, without_boilerplate, without_branch, without_places};
pub use phonetic::{
    alternative_keys, hard_c_changes, hard_c_reading, has_hard_c_letters, inflection_stem, is_ordinal,
    key as phonetic_key, leet_readings, loose_key, loose_readings, respellings, skeleton, soft_ending_stem,
    uncertain_respellings, MIN_HARD_C_CHARS,
};
pub(crate) use translit::{cyrillic_lookalike_reading, has_cyrillic, mixed_words_transliterated};
pub use translit::{is_other_script, Script};

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::{IsNormalized, UnicodeNormalization};

/// `char::is_alphabetic`, answered without Unicode's tables for ASCII and for the letters of the
/// Russian and Belarusian alphabets, which are most of the other letters screened: the table
/// lookup was 5 % of a screening's instructions (callgrind over the dev set).
pub(crate) fn is_letter(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' | '\u{0410}'..='\u{044F}' | 'ё' | 'Ё' | 'і' | 'І' | 'ў' | 'Ў' => true,
        c => !c.is_ascii() && c.is_alphabetic(),
    }
}

/// `char::is_alphanumeric` by way of [`is_letter`].
pub(crate) fn is_letter_or_digit(c: char) -> bool {
    is_letter(c) || c.is_ascii_digit() || (!c.is_ascii() && c.is_numeric())
}

/// Folds a string to lower-case ASCII-ish Latin: Cyrillic transliterated, diacritics removed,
/// everything that is not a letter or digit turned into a space. Used for both names and other
/// free text (countries).
pub fn fold(s: &str) -> String {
    // Most payment names are plain ASCII: the same result without Unicode normalisation.
    if s.is_ascii() {
        let mut out = String::with_capacity(s.len());
        // Apostrophes, and the backtick that GOST 7.79-B and keyboards write for one (`Petry`she`nka`
        // for Петрышэнка), are inside a word, not between two.
        out.extend(s.bytes().filter(|b| !matches!(b, b'\'' | b'`')).map(|b| {
            if b.is_ascii_alphanumeric() {
                char::from(b.to_ascii_lowercase())
            } else {
                ' '
            }
        }));
        return out;
    }
    // An acute accent or a backtick standing alone is an apostrophe typed (NFKC would part `´`
    // into a space and a combining accent, and so the word).
    let cleaned: String = s
        .chars()
        .filter(|c| !is_invisible(*c))
        .map(|c| match c {
            c if c.is_whitespace() => ' ',
            '´' | '`' => '\'',
            c => c,
        })
        .collect();
    let cleaned = kana::dashes_as_long_marks(cleaned);
    let mut out = String::with_capacity(cleaned.len());
    let pieces = split_keep(&cleaned);
    // Which script the name as a whole is in decides the words that are all look-alikes.
    let mut evidence = translit::ScriptEvidence::default();
    for p in &pieces {
        if let Piece::Word(w) = p {
            evidence.add(translit::ScriptEvidence::of(w));
        }
    }
    for word in pieces {
        match word {
            Piece::Word(w) => {
                let repaired = translit::repair_script(w, evidence);
                let repaired = translit::thai_in_spoken_order(&repaired);
                // Katakana is read a word at a time (see `kana`): its syllables depend on
                // their neighbours.
                let mut katakana = String::new();
                let mut read = |c: char| {
                    if kana::is_katakana(c) {
                        katakana.push(c);
                        return;
                    }
                    if !katakana.is_empty() {
                        out.push_str(&kana::to_latin(&std::mem::take(&mut katakana)));
                    }
                    for l in c.to_lowercase() {
                        translit::to_latin(l, &mut out);
                    }
                };
                // Most words are in NFKC already, and composing them again was a quarter of
                // folding a Cyrillic name. ASCII and the letters of the Cyrillic block up to
                // U+045F have no compatibility decomposition, and the accented ones among them
                // (`й`, `ё`, `ў`, `ї`) are the composed forms, so a word of those alone is in NFKC
                // (the table's own quick check, for other words, costs more than the folding).
                let plain = |c: char| c.is_ascii() || ('\u{0400}'..='\u{045F}').contains(&c);
                if repaired.chars().all(plain)
                    || unicode_normalization::is_nfkc_quick(repaired.chars()) == IsNormalized::Yes
                {
                    repaired.chars().for_each(&mut read);
                } else {
                    repaired.nfkc().for_each(&mut read);
                }
                if !katakana.is_empty() {
                    out.push_str(&kana::to_latin(&katakana));
                }
            }
            Piece::Other => out.push(' '),
        }
    }
    let mut folded = String::with_capacity(out.len());
    let mut push = |c: char| match c {
        'ß' => folded.push_str("ss"),
        'æ' => folded.push_str("ae"),
        'œ' => folded.push_str("oe"),
        'ø' => folded.push('o'),
        'ł' => folded.push('l'),
        'đ' | 'ð' => folded.push('d'),
        'þ' => folded.push_str("th"),
        'ı' => folded.push('i'),
        c if is_letter_or_digit(c) => folded.push(c),
        _ => folded.push(' '),
    };
    // Transliterated text is mostly ASCII, which decomposes to itself.
    if out.is_ascii() {
        out.chars().for_each(&mut push);
    } else {
        out.nfkd().filter(|c| !is_combining_mark(*c)).for_each(&mut push);
    }
    folded
}

/// A country as an ISO 3166 alpha-2 code when it is recognisable (code, alpha-3 or English name),
/// else its folded text.
pub fn country_key(s: &str) -> String {
    let t = s.trim();
    if let Ok(c) = t.parse::<celes::Country>() {
        return c.alpha2.to_string();
    }
    let folded = fold(t);
    let compact: String = folded.split_whitespace().collect();
    if let Ok(c) = compact.parse::<celes::Country>() {
        return c.alpha2.to_string();
    }
    // `Republic of Belarus`, `Belarus, Republic of`: the country's name without its form.
    let named: String = folded
        .split_whitespace()
        .filter(|w| !matches!(*w, "republic" | "rep" | "respublika" | "respubliki" | "of" | "the"))
        .collect();
    if named != compact && !named.is_empty() {
        if let Ok(c) = named.parse::<celes::Country>() {
            return c.alpha2.to_string();
        }
    }
    // Names as the region writes them (Russian, Belarusian, Polish, German; `РБ`, `РФ`), which
    // the ISO tables do not hold.
    match named.as_str() {
        "russia" | "rossiya" | "rossija" | "rf" | "russianfederation" | "rossiyskayafederatsiya" => "RU".into(),
        "belarus" | "byelorussia" | "belorussia" | "belorussiya" | "belarusi" | "bielarus" | "bialorus" | "rb"
        | "weissrussland" | "belorusskaya" => "BY".into(),
        "ukraina" | "ukraine" => "UA".into(),
        "deutschland" => "DE".into(),
        "polska" => "PL".into(),
        "lietuva" => "LT".into(),
        "latvija" => "LV".into(),
        _ => {
            // The UK list's `Former USSR, Now Belarus`, `former ussr currently belarus`: the
            // country now (round 21: a Belarusian's own country counted against him).
            let now = [" now ", " currently "].iter().find_map(|m| folded.rsplit_once(m).map(|(_, now)| now.trim()));
            match now {
                Some(now) if !now.is_empty() => {
                    let key = country_key(now);
                    if key.len() == 2 {
                        key
                    } else {
                        folded
                    }
                }
                _ => folded,
            }
        }
    }
}

/// Whether a folded word is the name of a country (`belarus`, `russia`, `germany`). A country is no
/// cut-short listed name: a party field reading `BELARUS` is not `Belaruskali` cut at 7 letters.
pub fn is_country_name(folded: &str) -> bool {
    // Fx-hashed, as the fixed tables asked of every query word are (`legal_forms`).
    static NAMES: std::sync::OnceLock<rustc_hash::FxHashSet<String>> = std::sync::OnceLock::new();
    NAMES
        .get_or_init(|| {
            let mut names: rustc_hash::FxHashSet<String> = celes::Country::get_countries()
                .iter()
                .map(|c| fold(c.long_name))
                .filter(|n| !n.contains(' '))
                .collect();
            names.extend(["russia", "belarus", "byelorussia", "belorussia"].map(String::from));
            names
        })
        .contains(folded)
}

/// Payment formats wrap a name at 35 characters a line whatever the words (`NATIONAL OLYMPIC
/// COMMITTEE OF THE R` / `EPUBLIC OF BELARUS`): a line of 35 characters (or a multiple) that ends
/// in a letter, followed by a line that starts with one, is joined to it without a space. Where
/// the wrap fell between two words they are run together, which screening splits again by the
/// listed words (`QueryText::split_joined`). Other line breaks are spaces, as folding makes them.
pub fn unwrap_lines(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains('\n') {
        return std::borrow::Cow::Borrowed(s);
    }
    let lines: Vec<&str> = s.split('\n').map(|l| l.strip_suffix('\r').unwrap_or(l)).collect();
    let mut out = String::with_capacity(s.len());
    for (i, line) in lines.iter().enumerate() {
        out.push_str(line);
        let Some(next) = lines.get(i + 1) else { break };
        let n = line.chars().count();
        let wrapped = n > 0
            && n % 35 == 0
            && line.chars().last().is_some_and(char::is_alphabetic)
            && next.chars().next().is_some_and(char::is_alphabetic);
        if !wrapped {
            out.push(' ');
        }
    }
    std::borrow::Cow::Owned(out)
}

/// The name lines of a SWIFT party field in option F (`:50F:`, `:59F:`) copied into a name field:
/// `1/LUKASHENKA ALYAKSANDR 2/UL. NEZAVISIMOSTI 10 3/BY/MINSK` is the name `LUKASHENKA ALYAKSANDR`,
/// an address and a town. Each line starts with a digit and a slash saying what it holds (1 name,
/// 2 address, 3 country and town, 4 date of birth, 5 place of birth, 6 to 8 identifiers and
/// more), lines may be run together with spaces, and a long name continues on further `1/` lines.
/// `None` unless the text starts with `1/`.
pub fn structured_name(s: &str) -> Option<String> {
    let t = s.trim_start();
    if !t.starts_with("1/") {
        return None;
    }
    let mut name = String::new();
    let mut in_name = false;
    for piece in t.split_whitespace() {
        let b = piece.as_bytes();
        let piece = if b.len() >= 2 && (b'1'..=b'8').contains(&b[0]) && b[1] == b'/' {
            in_name = b[0] == b'1';
            &piece[2..]
        } else {
            piece
        };
        if in_name && !piece.is_empty() {
            if !name.is_empty() {
                name.push(' ');
            }
            name.push_str(piece);
        }
    }
    (!name.trim().is_empty()).then_some(name)
}

/// `Russian : Геннадий` → `Геннадий`, `Beneficiary: X` → `X`. A label is one or two known words
/// before a colon (a language, as the lists put them before aliases, or a payment field's name,
/// as payment systems copy them into name fields). Other words before a colon are part of the
/// name: `AL-HARAMAIN : PAKISTAN BRANCH` is one listed name, not a label and a branch.
pub fn strip_label(s: &str) -> &str {
    let s = after_code_word(s);
    match s.split_once(':') {
        Some((label, rest))
            if !rest.trim().is_empty()
                && label.split_whitespace().count() <= 2
                && fold(label).split_whitespace().all(|w| LABELS.contains(&w)) =>
        {
            rest
        }
        _ => after_dotted_label(s),
    }
}

/// `ben. X`, `Attn.X` → `X`: a label of [`LABELS`] abbreviated with a dot where [`strip_label`]
/// reads a colon (round 29 found `ben. Anatol Lapo` REVIEW, the label weighing as a word of the
/// name). An abbreviation is one short word (three to five letters: not an initial or `Nm.`,
/// and not a language, `BELARUSIAN.STATE.AUTHORITY…` being a name with dots for spaces), and a
/// name follows it: after a space, or a capitalised word, or after a label in capitals a word in
/// capitals.
fn after_dotted_label(s: &str) -> &str {
    let t = s.trim_start();
    // The dot of a label of three to five letters, looked for among a name's first bytes only.
    let Some(dot) = t.bytes().take(6).position(|b| b == b'.').filter(|&i| i >= 3) else { return s };
    let (label, rest) = (&t[..dot], &t[dot + 1..]);
    // An abbreviated label in capitals is typed onto a name in capitals as well (`ATTN.BELAZ`);
    // a label that is a word of names may have a dot for a space (`BANK.DABRABYT`).
    let label_in_capitals = label.bytes().all(|b| b.is_ascii_uppercase())
        && ABBREVIATED_LABELS.contains(&label.to_ascii_lowercase().as_str());
    let mut after = rest.chars();
    let name_follows = match (after.next(), after.next()) {
        (Some(c), _) if c.is_whitespace() => !rest.trim().is_empty(),
        (Some(c), Some(d)) => c.is_uppercase() && (d.is_lowercase() || label_in_capitals),
        _ => false,
    };
    if (3..=5).contains(&label.len())
        && label.bytes().all(|b| b.is_ascii_alphabetic())
        && name_follows
        && LABELS.contains(&label.to_ascii_lowercase().as_str())
    {
        rest
    } else {
        s
    }
}

/// Labels of [`LABELS`] that are abbreviations, no word of a name: in capitals with a dot, what
/// follows in capitals is the name (`ATTN.BELAZ`, [`after_dotted_label`]).
const ABBREVIATED_LABELS: [&str; 11] =
    ["attn", "ref", "ben", "benef", "bnf", "cdtr", "dbtr", "acct", "nm", "aka", "fka"];

/// `/BNF/RUSTANKER LLC` → `RUSTANKER LLC`: a SWIFT code word between slashes (field 72's `/BNF/`,
/// `/ACC/`, `/REC/`, field 77B's `/BENEFRES/`), or a label of [`LABELS`] so written, opens the
/// text a payment system copied into a name field, as does `//`, a code word's continuation line.
/// An outside test found listed companies CLEAR behind `/BNF/`.
fn after_code_word(s: &str) -> &str {
    const CODE_WORDS: [&str; 14] = [
        "acc", "ins", "int", "rec", "rfb", "inv", "roc", "tsu", "phon", "phonben", "tele", "teleben", "benefres",
        "orderres",
    ];
    let t = s.trim_start();
    if let Some(rest) = t.strip_prefix("//") {
        return rest;
    }
    let Some((code, rest)) = t.strip_prefix('/').and_then(|r| r.split_once('/')) else { return s };
    let lower = code.to_ascii_lowercase();
    let known = (2..=8).contains(&code.len())
        && code.bytes().all(|b| b.is_ascii_alphabetic())
        && (CODE_WORDS.contains(&lower.as_str()) || LABELS.contains(&lower.as_str()));
    if known && !rest.trim().is_empty() {
        rest
    } else {
        s
    }
}

/// Words that label a name rather than being part of it (see [`strip_label`]). Hand-written: the
/// languages the lists label aliases with and the field names payment systems copy.
const LABELS: &[&str] = &[
    "russian",
    "belarusian",
    "belarussian",
    "byelorussian",
    "ukrainian",
    "arabic",
    "english",
    "french",
    "latin",
    "cyrillic",
    "transliteration",
    "translation",
    "original",
    "beneficiary",
    "benef",
    "bnf",
    "ben",
    "creditor",
    "cdtr",
    "debtor",
    "dbtr",
    "payee",
    "payer",
    "remitter",
    "ordering",
    "customer",
    "client",
    "name",
    "nm",
    "holder",
    "account",
    "acct",
    "to",
    "from",
    "attn",
    "ref",
    "party",
    "counterparty",
    "recipient",
    "sender",
    "receiver",
    "ultimate",
    "intermediary",
    "agent",
    "bank",
    "aka",
    "alias",
    "fka",
];

/// The characters of `s`: its length when it is ASCII, as most words are (counting was 2 % of a
/// screening).
pub fn char_count(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}

/// The folded tokens of a name.
pub fn tokens(s: &str) -> Vec<String> {
    fold(s).split_whitespace().map(str::to_string).collect()
}

/// Zero-width, joiners, soft hyphens, bidi marks and other format characters that render as
/// nothing: an evader can put them inside a name to break naive matching.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}' | '\u{180E}'
        | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{206F}' | '\u{FEFF}' | '\u{FE00}'..='\u{FE0F}')
}

enum Piece<'a> {
    Word(&'a str),
    Other,
}

/// Splits into runs of letters/digits/apostrophes (words) and the rest. Apostrophes stay inside
/// words because Belarusian and Ukrainian write them inside names (`Аб'ядноўваць`) and they must
/// not split a token.
fn split_keep(s: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut in_word = None;
    for (i, c) in s.char_indices() {
        let w = is_letter_or_digit(c) || is_combining_mark(c) || matches!(c, '\'' | '’' | 'ʼ');
        match in_word {
            None => in_word = Some(w),
            Some(prev) if prev != w => {
                out.push(if prev { Piece::Word(&s[start..i]) } else { Piece::Other });
                start = i;
                in_word = Some(w);
            }
            _ => {}
        }
    }
    if let Some(prev) = in_word {
        out.push(if prev { Piece::Word(&s[start..]) } else { Piece::Other });
    }
    out
}

/// Control characters a value may not contain (tabs and newlines included: an identifier or a
/// request id is one line).
pub fn has_control_chars(s: &str) -> bool {
    s.chars().any(char::is_control)
}

/// Control characters a name may not contain. Payment fields wrap names at 35 characters, so a
/// line break or a tab inside a name is a space (folding makes it one); other control characters
/// are refused.
pub fn has_control_chars_in_name(s: &str) -> bool {
    s.chars().any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
}

#[cfg(test)]
mod tests {

    #[test]
    fn swift_code_words_open_no_name() {
        assert_eq!(strip_label("/BNF/RUSTANKER LLC"), "RUSTANKER LLC");
        assert_eq!(strip_label("/ACC/Beneficiary: BELAVIA"), " BELAVIA");
        assert_eq!(strip_label("//RUSTANKER LLC"), "RUSTANKER LLC");
        // Slashes that are no code word, and a code word with nothing after it, stay.
        assert_eq!(strip_label("/XYZ/ TRADING"), "/XYZ/ TRADING");
        assert_eq!(strip_label("A/O BELSHINA"), "A/O BELSHINA");
        assert_eq!(strip_label("/BNF/"), "/BNF/");
    }

    #[test]
    fn a_label_abbreviated_with_a_dot_opens_no_name() {
        assert_eq!(strip_label("ben. Anatol Lapo"), " Anatol Lapo");
        assert_eq!(strip_label("Attn.Vadim Ipatov"), "Vadim Ipatov");
        assert_eq!(strip_label("ATTN.BELAZ"), "BELAZ");
        assert_eq!(strip_label("ATTN.BELAZ OAO"), "BELAZ OAO");
        // Capitals after a label that is not in capitals: the dot may stand for a space, kept.
        assert_eq!(strip_label("Attn.BELAZ"), "Attn.BELAZ");
        assert_eq!(strip_label("ATTN.B. SMITH"), "B. SMITH");
        assert_eq!(strip_label("ref: Viktor Lukashenko"), " Viktor Lukashenko");
        // Initials, a name with its initials after it, a label with nothing after it stay.
        for name in [
            "A. Lukashenko",
            "Lukashenko A.G.",
            "Ben.",
            "St. Petersburg Bank",
            "Ivan Petrov. Minsk",
            "BELARUSIAN.STATE.AUTHORITY.FOR.MILITARY.INDUSTRY",
            "BANK.DABRABYT",
            "AGENT.SMITH",
        ] {
            assert_eq!(strip_label(name), name);
        }
    }

    /// `fold` skips composing words of ASCII and of the Cyrillic block up to U+045F: each of
    /// those characters is its own NFKC form, alone and after any other of them.
    /// Apostrophes and the backtick written for one (GOST 7.79-B's `y``, `e``) join a word's
    /// letters in either script, as ASCII or not.
    #[test]
    fn apostrophes_and_backticks_stay_inside_a_word() {
        for name in ["Petry`she`nka", "Petry'she'nka", "Petry’she’nka", "Petry´she´nka", "Ігар Petry`she`nka"]
        {
            assert!(super::fold(name).ends_with("petryshenka"), "{name}: {}", super::fold(name));
        }
    }

    #[test]
    fn ascii_and_basic_cyrillic_are_their_own_nfkc() {
        let plain: Vec<char> = (0u32..0x80).chain(0x400..=0x45F).filter_map(char::from_u32).collect();
        for &c in &plain {
            let s = format!("a{c}\u{0438}{c}");
            assert_eq!(s.nfkc().collect::<String>(), s, "U+{:04X}", u32::from(c));
        }
    }
    #[test]
    fn names_wrapped_at_35_characters_are_joined_where_the_line_was_full() {
        let u = |s: &str| super::unwrap_lines(s).into_owned();
        assert_eq!(
            u("NATIONAL OLYMPIC COMMITTEE OF THE R\nEPUBLIC OF BELARUS"),
            "NATIONAL OLYMPIC COMMITTEE OF THE REPUBLIC OF BELARUS"
        );
        assert_eq!(
            u("2566 Radioelectronic Armament Repai\r\nr Plant JSC"),
            "2566 Radioelectronic Armament Repair Plant JSC"
        );
        assert_eq!(
            u("Minsk Research Institute of Instrument\nEngineering JSC"),
            "Minsk Research Institute of Instrument Engineering JSC"
        );
        assert_eq!(u("Short line\nnext"), "Short line next");
        assert_eq!(u("no break"), "no break");
    }

    #[test]
    fn structured_party_fields_keep_their_name_lines() {
        let name = |s: &str| super::structured_name(s);
        assert_eq!(
            name("1/LUKASHENKA ALYAKSANDR 2/UL. NEZAVISIMOSTI 10 3/BY/MOGILEV").as_deref(),
            Some("LUKASHENKA ALYAKSANDR")
        );
        assert_eq!(
            name("1/MINSK WHEEL TRACTOR\n1/PLANT OAO\n2/ULITSA 150\n3/BY/MINSK").as_deref(),
            Some("MINSK WHEEL TRACTOR PLANT OAO")
        );
        assert_eq!(name("Ivan 1/2 Petrov"), None);
        assert_eq!(name("1/ 2/ADDRESS"), None);
    }

    use super::*;

    #[test]
    fn is_letter_is_is_alphabetic() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_letter(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(is_letter_or_digit(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn scripts_meet() {
        assert_eq!(tokens("Аляксандр Рыгоравіч Лукашэнка"), vec!["alyaksandr", "rygoravich", "lukashenka"]);
        assert_eq!(tokens("Александр Лукашенко"), vec!["aleksandr", "lukashenko"]);
        // Latin I inside a Cyrillic word (as in the Canadian list).
        assert_eq!(tokens("АЛЯШКЕВIЧ"), tokens("АЛЯШКЕВІЧ"));
        // Cyrillic а and о inside a Latin word.
        assert_eq!(tokens("Lukаshenkо"), vec!["lukashenko"]);
        // Almost wholly Cyrillic look-alikes, with Latin letters only Latin has (L, S, V).
        assert_eq!(tokens("МIКLАSНЕVIСН"), vec!["miklashevich"]);
        // A word all in look-alikes inside a plainly Latin name.
        assert_eq!(tokens("Ivan РЕТROV"), vec!["ivan", "petrov"]);
        // A Cyrillic name stays Cyrillic.
        assert_eq!(tokens("Валерый ВАКУЛЬЧЫК"), vec!["valeryy", "vakulchyk"]);
        // A word all in Latin look-alikes inside a plainly Cyrillic name has a further reading in
        // Cyrillic; the name as written stays Latin there.
        let reading = cyrillic_lookalike_reading("XOMEHKO, Cepгeй Hикoлaeвич").expect("a reading");
        assert_eq!(tokens(&reading), tokens("ХОМЕНКО Сергей Николаевич"));
        assert_eq!(tokens("MAXIM ГАМОЛА"), vec!["maxim", "gamola"]);
        // Beside a Latin name, or alone, it has none.
        assert_eq!(cyrillic_lookalike_reading("XOMEHKO Sergei"), None);
        assert_eq!(cyrillic_lookalike_reading("TEXHO"), None);
        assert_eq!(cyrillic_lookalike_reading("Иван Петров"), None);
        // Typed with the keyboard switched to the other layout mid-word.
        assert_eq!(mixed_words_transliterated("LUKASХЕНКО Aleksandr").as_deref(), Some("LUKASKHENKO Aleksandr"));
        assert_eq!(mixed_words_transliterated("Лукашенко Aleksandr"), None);
        assert_eq!(mixed_words_transliterated("Aleksandr Lukashenko"), None);
    }

    #[test]
    fn other_scripts_are_romanised() {
        assert!(tokens("アレクサンドル・ルカシェンコ").last().is_some_and(|t| t.starts_with("lukash")));
        assert!(!tokens("Λουκασένκο").is_empty() && tokens("Λουκασένκο")[0].is_ascii());
        assert!(tokens("لوكاشينكو")[0].is_ascii());
        assert!(tokens("김정은")[0].is_ascii());
    }

    #[test]
    fn names_in_other_scripts_keep_the_consonant_classes_of_the_listed_name() {
        // Every way each word of a name in another script reads, by its script's rules.
        let readings = |s: &str| {
            let script = Script::of_name(s).expect("another script");
            tokens(s).iter().map(|t| loose_readings(t, script)).collect::<Vec<_>>()
        };
        let classes = |s: &str| tokens(s).iter().map(|t| loose_key(t)).collect::<Vec<_>>();
        let reads_as = |written: &str, listed: &str| {
            let (r, l) = (readings(written), classes(listed));
            assert_eq!(r.len(), l.len(), "{written}");
            for (r, l) in r.iter().zip(&l) {
                assert!(r.contains(l), "{written}: {r:?} lacks {l} of {listed}");
            }
        };
        let listed = classes("Aleksandr Lukashenko");
        for written in [
            "アレクサンドル・ルカシェンコ",
            "알렉산드르 루카셴코",
            "Αλεξάντρ Λουκασένκο",
            "ალექსანდრე ლუკაშენკო",
            "Ալեքսանդր Լուկաշենկո",
        ] {
            assert!(readings(written)[1].contains(&listed[1]), "{written}");
        }
        reads_as("اليكساندر", "Aleksandr");
        // Greek writes d and b as ντ and μπ, also for nd and mb.
        reads_as("Μπαχτιμπεκοβιτς", "Bakhtibekovich");
        reads_as("Αλεξάντρ Ντμίτρι", "Aleksandr Dmitri");
        // Chinese: pinyin sounds, palatals for velars, sibilants and soft dentals, 日 for ж.
        reads_as("格里戈里耶维奇·卢卡申科", "Grigoryevich Lukashenko");
        reads_as("谢尔盖·梅德韦杰夫", "Sergei Medvedev");
        reads_as("弗拉基米尔·叶利钦", "Vladimir Yeltsin");
        reads_as("茹拉夫廖夫", "Zhuravlev");
        reads_as("什韦德", "Shved");
        // Thai vowels written before their consonant; ว after a vowel as в.
        reads_as("เซลิโกเวซ", "Tselikovets");
        reads_as("บือโกว", "Bykov");
        // Katakana フ for х, チ for ti.
        reads_as("ケニュフ・フレニン", "Keniukh Khrenin");
        reads_as("プーチン", "Putin");
        // Hebrew וו and an initial ו are v; Arabic ج also g.
        reads_as("ולדימיר", "Vladimir");
        reads_as("ووروبيوف", "Vorobyov");
        reads_as("جالينا", "Galina");
        // The classes of a Latin word are one reading; unrelated names stay apart.
        assert!(!readings("谢尔盖")[0].contains(&loose_key("nikolai")));
        // Georgian ejective marks do not split a word.
        assert_eq!(tokens("ლუკაშენკო").len(), 1);
        assert!(is_other_script('ア') && !is_other_script('Ж') && !is_other_script('é'));
        assert_eq!(Script::of_name("Иван 李"), None);
        assert_eq!(Script::of_name("李 Ivan Петров"), None);
        assert_eq!(Script::of_name("ชูราวเลว Ivan"), Some(Script::Thai));
    }

    #[test]
    fn a_wrapped_name_is_one_name() {
        assert!(!has_control_chars_in_name("Minsk Research Institute of Instrument\nEngineering JSC"));
        assert!(has_control_chars_in_name("Minsk\u{7}"));
        assert_eq!(tokens("Instrument\nEngineering\tJSC"), vec!["instrument", "engineering", "jsc"]);
    }

    #[test]
    fn ascii_fast_path_agrees() {
        for s in ["O'Brien-Smith, John", "LUKASHENKA Aliaksandr (Pres.)", "a.k.a. 'X'"] {
            let slow = tokens(&format!("{s} ё"));
            assert_eq!(tokens(s), slow[..slow.len() - 1], "{s}");
        }
    }

    #[test]
    fn countries_by_code_or_name() {
        assert_eq!(country_key("BY"), country_key("Belarus"));
        assert_eq!(country_key("Russia"), "RU");
        assert_eq!(country_key("Former USSR, Now Belarus"), "BY");
        assert_eq!(country_key("former ussr currently belarus"), "BY");
        assert_eq!(country_key("Atlantis"), "atlantis");
        for belarus in
            ["Republic of Belarus", "Belarus, Republic of", "РБ", "Беларусь", "Белоруссия", "Białoruś", "BLR"]
        {
            assert_eq!(country_key(belarus), "BY", "{belarus}");
        }
        assert_eq!(country_key("Россия"), "RU");
        assert_eq!(country_key("Deutschland"), "DE");
    }

    #[test]
    fn invisible_and_diacritics_are_dropped() {
        assert_eq!(tokens("Luka\u{200B}šenko\u{00A0}Aliaksandr"), vec!["lukaszenko", "aliaksandr"]);
        assert_eq!(tokens("Sébastien Müller Łukasz"), vec!["sebastien", "muller", "lukasz"]);
        assert_eq!(tokens("«Беларуськалий»"), vec!["belaruskaliy"]);
    }
}
