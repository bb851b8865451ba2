//! Words that say what kind of legal person an organisation is rather than which one: legal
//! forms and their abbreviations in English, Russian and Belarusian (transliterated), as the lists
//! and payments write them (OJSC / OAO / ОАО / ААТ / Open Joint-Stock Company, LLC / OOO / ТАА ...).
//!
//! A hand-written table because legal forms are a closed, jurisdiction-defined set that no crate
//! covers for Belarus and Russia. Matching treats these words as optional and nearly weightless,
//! so "LAKOKRASKA OAO" and "LAKOKRASKA Open Joint Stock Company" meet, and "Open Joint Stock
//! Company X" does not match "Open Joint Stock Company Y".

use rustc_hash::FxHashSet;
use std::sync::OnceLock;

const WORDS: &[&str] = &[
    // English
    "open",
    "closed",
    "joint",
    "stock",
    "company",
    "companies",
    "limited",
    "liability",
    "unitary",
    "enterprise",
    "private",
    "public",
    "foreign",
    "republican",
    "municipal",
    "incorporated",
    "corporation",
    "co",
    "corp",
    "inc",
    "ltd",
    "llc",
    "plc",
    "jsc",
    "ojsc",
    "cjsc",
    "pjsc",
    "zao",
    "oao",
    "ooo",
    "pao",
    "ao",
    "ue",
    "up",
    "fllc",
    "iooo",
    "ztaa",
    "zaat",
    "aat",
    "taa",
    "too",
    "ip",
    "llp",
    "gmbh",
    "ag",
    "sa",
    "srl",
    "bv",
    "fsue",
    "fgup",
    "sue",
    "rue",
    "ruep",
    "chup",
    "odo",
    "ooo",
    "the",
    "of",
    "and",
    // Other jurisdictions' legal forms, as written and as their dotted abbreviations fold
    // (`p.l.c.` → `plc`, `S.A.` → `sa`, `Sp. z o.o.` → `sp` `zoo`).
    "aktiengesellschaft",
    "gesellschaft",
    "mbh",
    "kg",
    "ohg",
    "sarl",
    "sas",
    "sasu",
    "spa",
    "ltda",
    "sp",
    "zoo",
    "spzoo",
    "spolka",
    "oy",
    "oyj",
    "asa",
    "aps",
    "kft",
    "zrt",
    "doo",
    "fzco",
    "fze",
    "fzc",
    "fzllc",
    "dmcc",
    "pte",
    "pty",
    "bhd",
    "lp",
    "lllp",
    "zat",
    "prat",
    "tov",
    "tdv",
    "chp",
    "chuup",
    // Belarusian and Kyrgyz forms as payments abbreviate them in Latin letters (ЧТУП, ЧПУП, РУП,
    // КУП, СООО, ИУП, ОсОО).
    "chtup",
    "chpup",
    "rup",
    "kup",
    "sooo",
    "iup",
    "osoo",
    "oao",
    "limitada",
    "anonima",
    "anonyme",
    // Russian (transliterated)
    "otkrytoe",
    "otkrytoye",
    "zakrytoe",
    "zakrytoye",
    "publichnoe",
    "publichnoye",
    "aktsionernoe",
    "aktsionernoye",
    "obshchestvo",
    "s",
    "ogranichennoy",
    "ogranichennoi",
    "otvetstvennostyu",
    "otvetstvennostiyu",
    "unitarnoe",
    "unitarnoye",
    "predpriyatie",
    "predpriyatiye",
    "respublikanskoe",
    "chastnoe",
    "inostrannoe",
    "inostrannoye",
    "gosudarstvennoe",
    "federalnoe",
    "dochernee",
    // Belarusian (transliterated)
    "adkrytae",
    "zakrytae",
    "aktsyyanernae",
    "aktsyianernae",
    "tavarystva",
    "z",
    "abmezhavanay",
    "adkaznastsyu",
    "unitarnae",
    "pradpryemstva",
    "pradpryemstvam",
    "respublikanskae",
    "pryvatnae",
    "zamezhnae",
    "zamezhnaye",
    "dzyarzhaunae",
];

/// Asked of every word of every organisation query and listed name: Fx-hashed (the default
/// SipHash was most of a lookup), as fixed tables need no protection from flooding.
struct Sets {
    words: FxHashSet<&'static str>,
    keys: FxHashSet<String>,
}

fn sets() -> &'static Sets {
    static SETS: OnceLock<Sets> = OnceLock::new();
    SETS.get_or_init(|| Sets {
        words: WORDS.iter().copied().collect(),
        keys: WORDS.iter().filter(|w| w.len() > 4).map(|w| super::phonetic::key(w)).collect(),
    })
}

/// Whether a folded token is a legal-form word as spelt (no phonetic key: for callers that ask of
/// many substrings).
pub fn is_legal_form_spelling(token: &str) -> bool {
    sets().words.contains(token)
}

/// Whether a folded token is a legal-form word (compared by phonetic key, so spelling variants of
/// the transliterations count too).
pub fn is_legal_form_word(token: &str, key: &str) -> bool {
    let s = sets();
    s.words.contains(token) || (token.len() > 4 && s.keys.contains(key))
}
