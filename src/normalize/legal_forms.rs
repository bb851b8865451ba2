//! Words that say what kind of legal person an organisation is rather than which one: legal
//! forms and their abbreviations in English, Russian and Belarusian (transliterated), as the lists
//! and payments write them (OJSC / OAO / ОАО / ААТ / Open Joint-Stock Company, LLC / OOO / ТАА ...).
//!
//! A hand-written table because legal forms are a closed, jurisdiction-defined set that no crate
//! covers for Belarus and Russia. Matching treats these words as optional and nearly weightless,
//! so "LAKOKRASKA OAO" and "LAKOKRASKA Open Joint Stock Company" meet, and "Open Joint Stock
//! Company X" does not match "Open Joint Stock Company Y".

use std::collections::HashSet;
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

fn keys() -> &'static HashSet<String> {
    static KEYS: OnceLock<HashSet<String>> = OnceLock::new();
    KEYS.get_or_init(|| WORDS.iter().map(|w| super::phonetic::key(w)).collect())
}

/// Whether a folded token is a legal-form word (compared by phonetic key, so spelling variants of
/// the transliterations count too).
pub fn is_legal_form_word(token: &str, key: &str) -> bool {
    WORDS.contains(&token) || (token.len() > 4 && keys().contains(key))
}
