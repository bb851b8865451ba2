//! Cyrillic → Latin, and repair of mixed-script words.
//!
//! Written by hand rather than taken from a crate: the available transliteration crates either
//! target one national standard (and none covers Belarusian ў/і together with Russian) or go
//! through Unicode names to ASCII (`deunicode`), which maps `х` to `kh` but `ў` to `u` with no
//! control over the choice. The choice matters less than consistency here, because every
//! romanisation system is reconciled afterwards by the phonetic key; this table only has to be a
//! faithful, lossless-enough base (close to BGN/PCGN, with Belarusian г read as `h`).

/// Appends the Latin form of one lower-case character (or the character itself if not Cyrillic).
pub(super) fn to_latin(c: char, out: &mut String) {
    let s = match c {
        'а' => "a",
        'б' => "b",
        'в' => "v",
        'г' => "g",
        'ґ' => "g",
        'д' => "d",
        'е' => "e",
        'ё' => "e",
        'є' => "ye",
        'ж' => "zh",
        'з' => "z",
        'и' => "i",
        'і' => "i",
        'ї' => "yi",
        'й' => "y",
        'к' => "k",
        'л' => "l",
        'м' => "m",
        'н' => "n",
        'о' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'у' => "u",
        'ў' => "u",
        'ф' => "f",
        'х' => "kh",
        'ц' => "ts",
        'ч' => "ch",
        'ш' => "sh",
        'щ' => "shch",
        // Hard and soft signs, and the apostrophes and primes (ISO 9 `ʹ` `ʺ`) that stand for them.
        'ъ' | 'ь' | '\'' | '’' | 'ʼ' | 'ʹ' | 'ʺ' | 'ˮ' => "",
        'ы' => "y",
        'э' => "e",
        'ю' => "yu",
        'я' => "ya",
        'ј' => "j",
        'љ' => "lj",
        'њ' => "nj",
        'ћ' => "c",
        'ђ' => "dj",
        'џ' => "dz",
        'ѕ' => "dz",
        _ => {
            out.push(c);
            return;
        }
    };
    out.push_str(s);
}

/// Latin and Greek letters that look like Cyrillic ones, both cases. Only exact look-alikes:
/// a word is repaired towards its majority script, so a wrong guess would corrupt real names.
const LOOKALIKES: [(char, char); 30] = [
    ('A', 'А'),
    ('a', 'а'),
    ('B', 'В'),
    ('C', 'С'),
    ('c', 'с'),
    ('E', 'Е'),
    ('e', 'е'),
    ('H', 'Н'),
    ('I', 'І'),
    ('i', 'і'),
    ('J', 'Ј'),
    ('K', 'К'),
    ('M', 'М'),
    ('O', 'О'),
    ('o', 'о'),
    ('P', 'Р'),
    ('p', 'р'),
    ('T', 'Т'),
    ('X', 'Х'),
    ('x', 'х'),
    ('Y', 'У'),
    ('y', 'у'),
    ('Α', 'А'),
    ('Β', 'В'),
    ('Ε', 'Е'),
    ('Η', 'Н'),
    ('Κ', 'К'),
    ('Μ', 'М'),
    ('Ο', 'О'),
    ('ο', 'о'),
];

/// Greek letters that look like Latin ones (for words that are mostly Latin).
const GREEK_TO_LATIN: [(char, char); 14] = [
    ('Α', 'A'),
    ('Β', 'B'),
    ('Ε', 'E'),
    ('Η', 'H'),
    ('Ι', 'I'),
    ('Κ', 'K'),
    ('Μ', 'M'),
    ('Ν', 'N'),
    ('Ο', 'O'),
    ('ο', 'o'),
    ('Ρ', 'P'),
    ('Τ', 'T'),
    ('Χ', 'X'),
    ('ν', 'v'),
];

fn is_cyrillic(c: char) -> bool {
    matches!(c as u32, 0x0400..=0x052F)
}

/// Rewrites look-alike letters of the minority script into the word's majority script:
/// `АЛЯШКЕВIЧ` (Latin I) → `АЛЯШКЕВІЧ`; `Lukаshenko` (Cyrillic а) → `Lukashenko`.
pub(super) fn repair_script(word: &str) -> String {
    let cyr = word.chars().filter(|&c| is_cyrillic(c)).count();
    let other = word.chars().filter(|&c| c.is_alphabetic() && !is_cyrillic(c)).count();
    if cyr == 0 && !word.chars().any(|c| matches!(c as u32, 0x0370..=0x03FF)) {
        return word.to_string();
    }
    if cyr > other {
        word.chars()
            .map(|c| if is_cyrillic(c) { c } else { LOOKALIKES.iter().find(|(l, _)| *l == c).map_or(c, |(_, k)| *k) })
            .collect()
    } else {
        word.chars()
            .map(|c| {
                if let Some((_, l)) = GREEK_TO_LATIN.iter().find(|(g, _)| *g == c) {
                    *l
                } else if is_cyrillic(c) {
                    LOOKALIKES.iter().find(|(_, k)| *k == c).map_or(c, |(l, _)| *l)
                } else {
                    c
                }
            })
            .collect()
    }
}
