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
        // The háček letters of Lacinka, ISO 9, Belarus's 2007 romanisation, Czech, Lithuanian and
        // Latvian are the hushing sounds the lists write `ch`, `sh`, `zh` (`Čiernyšev`, `Žukas`,
        // `Janukovyč`): folded to `c`, `s`, `z`, they were a letter off each (an outside test,
        // round 18, found such names CLEAR). `č` and `š` are written as Polish writes them (`cz`,
        // `sz`), which the phonetic key reads as `ch` and `sh`: as `ch`, a `č` would be read as
        // х by the western neighbours' reading, as the `ch` beside it is (`Michovičius`).
        'č' => "cz",
        'š' => "sz",
        'ž' => "zh",
        // Latin letters (diacritics are folded later) and what is not a letter stay as they are.
        _ if c.is_ascii() || !c.is_alphabetic() || matches!(c as u32, 0x00C0..=0x024F | 0x1E00..=0x1EFF) => {
            out.push(c);
            return;
        }
        // Every other script (Greek, Arabic, Hebrew, Armenian, Georgian, CJK, kana, Hangul, Thai,
        // Cyrillic letters outside the table): romanised by `any_ascii`'s maintained tables, so a
        // name written in them meets its Latin listed name (`ルカシェンコ` → `rukashenko`). The
        // Cyrillic table above stays ours because it knows Belarusian (see the module doc).
        // Greek χ is `ch` in any_ascii (ISO 843), but in Slavic names written in Greek it is
        // always х (`Μπαχτιμπεκοβιτς`, Bakhtibekovich): `kh`, as our Cyrillic table reads х.
        'χ' => "kh",
        // Hebrew ו is mostly a vowel letter (o, u) in names from other languages; any_ascii reads
        // it `v`. As `w` it is read as Arabic و is (see `phonetic::loose_key`).
        'ו' => "w",
        // `什` is `shen` in any_ascii (as in 什么), but `shi` in names, where it writes ш before a
        // consonant (什韦德 Shved, 什切青 Szczecin).
        '什' => "shi",
        _ => {
            // Apostrophes mark ejectives (Georgian `k'`) or glottal stops (Arabic, Hebrew): no
            // letter of the Latin listed name, and a separator if kept.
            for l in any_ascii::any_ascii_char(c).chars().filter(|l| l.is_ascii_alphanumeric()) {
                out.push(l.to_ascii_lowercase());
            }
            return;
        }
    };
    out.push_str(s);
}

/// Letters of a script other than Latin and Cyrillic (Greek, Arabic, Hebrew, Armenian, Georgian,
/// CJK, kana, Hangul, Thai, …): a name holding them was romanised by `any_ascii`, whose spellings
/// are far from the lists' (`arekusandoru` for Aleksandr), so the matcher also compares it by its
/// consonant classes (`phonetic::loose_key`).
pub fn is_other_script(c: char) -> bool {
    !c.is_ascii()
        && super::is_letter(c)
        && !matches!(c as u32, 0x00C0..=0x024F | 0x1E00..=0x1EFF | 0x0400..=0x052F | 0x1C80..=0x1C8F | 0x2DE0..=0x2DFF | 0xA640..=0xA69F)
}

/// The script a name other than Latin and Cyrillic was written in, where its romanisation by
/// `any_ascii` needs its own reading rules to meet the Latin listed name (see
/// `phonetic::loose_readings`); scripts whose romanisation the general rules read well are
/// [`Script::Other`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    /// Chinese characters, romanised as pinyin.
    Han,
    Greek,
    Arabic,
    Hebrew,
    Thai,
    /// Katakana (and hiragana), romanised by `kana`.
    Kana,
    /// Hangul, Armenian, Georgian and the rest.
    Other,
}

impl Script {
    fn of(c: char) -> Option<Script> {
        Some(match c as u32 {
            0x0370..=0x03FF | 0x1F00..=0x1FFF => Script::Greek,
            0x0600..=0x06FF | 0x0750..=0x077F | 0x08A0..=0x08FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => Script::Arabic,
            0x0590..=0x05FF | 0xFB1D..=0xFB4F => Script::Hebrew,
            0x0E00..=0x0E7F => Script::Thai,
            0x3040..=0x30FF | 0x31F0..=0x31FF | 0xFF66..=0xFF9F => Script::Kana,
            0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3FFFF => Script::Han,
            _ if is_other_script(c) => Script::Other,
            _ => return None,
        })
    }

    /// The script of most of the letters of a name, when most of its letters are in scripts
    /// other than Latin and Cyrillic (`None` otherwise: the name is read as Latin).
    pub fn of_name(s: &str) -> Option<Script> {
        const ALL: [Script; 7] =
            [Script::Han, Script::Greek, Script::Arabic, Script::Hebrew, Script::Thai, Script::Kana, Script::Other];
        let (mut letters, mut counts) = (0usize, [0usize; 7]);
        for c in s.chars().filter(|&c| super::is_letter(c)) {
            letters += 1;
            if let Some(sc) = Script::of(c) {
                counts[ALL.iter().position(|a| *a == sc).unwrap_or(6)] += 1;
            }
        }
        let other: usize = counts.iter().sum();
        if other == 0 || 2 * other < letters {
            return None;
        }
        // Ties go to the first in `ALL` (any fixed order would do).
        let best = (0..ALL.len()).rev().max_by_key(|&i| counts[i]).unwrap_or(6);
        Some(ALL[best])
    }
}

/// Thai writes the vowels `เ แ โ ใ ไ` before the consonant they are sounded after (`เล` is `le`),
/// and Unicode keeps them in that written order, which `any_ascii` follows letter by letter
/// (`el`). Put after their consonant, they romanise in the order they are sounded, so a
/// consonant followed by a vowel (`ว` before `เ` in `เวซ`, vets) reads as such.
pub(super) fn thai_in_spoken_order(word: &str) -> std::borrow::Cow<'_, str> {
    let preposed = |c: char| matches!(c, '\u{0E40}'..='\u{0E44}');
    if !word.chars().any(preposed) {
        return std::borrow::Cow::Borrowed(word);
    }
    let mut chars: Vec<char> = word.chars().collect();
    let mut i = 0;
    while i + 1 < chars.len() {
        if preposed(chars[i]) && matches!(chars[i + 1], '\u{0E01}'..='\u{0E2E}') {
            chars.swap(i, i + 1);
            i += 2;
        } else {
            i += 1;
        }
    }
    std::borrow::Cow::Owned(chars.into_iter().collect())
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

/// A letter of the Cyrillic block or its supplement.
pub(crate) fn is_cyrillic(c: char) -> bool {
    matches!(c as u32, 0x0400..=0x052F)
}

/// Whether a text holds a Cyrillic letter.
pub(crate) fn has_cyrillic(s: &str) -> bool {
    s.chars().any(is_cyrillic)
}

fn is_greek(c: char) -> bool {
    matches!(c as u32, 0x0370..=0x03FF)
}

/// Latin letters that have a Cyrillic or Greek look-alike (`LOOKALIKES`, `GREEK_TO_LATIN`): seeing
/// one says nothing about which script the writer meant.
fn latin_confusable(c: char) -> bool {
    LOOKALIKES.iter().any(|(l, _)| *l == c) || GREEK_TO_LATIN.iter().any(|(_, l)| *l == c)
}

/// The Latin letter a Cyrillic or Greek letter is drawn like, by the Unicode confusables data
/// (UTS #39 skeleton, from `unicode-security`), when it is one plain letter: `Н` → `H`, `с` → `c`,
/// `ѕ` → `s`. `None` for letters with no Latin look-alike (`Л`, `ж`).
fn latin_lookalike(c: char) -> Option<char> {
    // Asked for every Cyrillic and Greek letter of every name: the confusables lookup (a
    // decomposition and a table search per letter) is done once per letter of the two blocks.
    static TABLE: std::sync::OnceLock<Vec<Option<char>>> = std::sync::OnceLock::new();
    const FIRST: u32 = 0x0370;
    const LAST: u32 = 0x052F;
    let table = TABLE.get_or_init(|| (FIRST..=LAST).map(|u| char::from_u32(u).and_then(lookalike_uncached)).collect());
    match c as u32 {
        u @ FIRST..=LAST => table[(u - FIRST) as usize],
        _ => lookalike_uncached(c),
    }
}

fn lookalike_uncached(c: char) -> Option<char> {
    if let Some((_, l)) = GREEK_TO_LATIN.iter().find(|(g, _)| *g == c) {
        return Some(*l);
    }
    if let Some((l, _)) = LOOKALIKES.iter().find(|(_, k)| *k == c) {
        return Some(*l);
    }
    let mut buf = [0u8; 4];
    let mut sk = unicode_security::skeleton(c.encode_utf8(&mut buf));
    match (sk.next(), sk.next()) {
        (Some(l), None) if l.is_ascii_alphabetic() => Some(l),
        _ => None,
    }
}

/// Which script a word (or a whole name) was written in, as far as its letters tell.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct ScriptEvidence {
    /// Latin letters that no Cyrillic or Greek letter looks like (`L`, `S`, `V`, `d`).
    latin_only: usize,
    /// Cyrillic letters that look like no Latin one (`Л`, `Ш`, `ж`).
    cyrillic_only: usize,
    cyrillic: usize,
    other_letters: usize,
    greek: usize,
}

impl ScriptEvidence {
    pub(super) fn of(word: &str) -> ScriptEvidence {
        let mut e = ScriptEvidence::default();
        for c in word.chars().filter(|&c| super::is_letter(c)) {
            if is_cyrillic(c) {
                e.cyrillic += 1;
                if latin_lookalike(c).is_none() {
                    e.cyrillic_only += 1;
                }
            } else {
                e.other_letters += 1;
                if is_greek(c) {
                    e.greek += 1;
                } else if c.is_ascii_alphabetic() && !latin_confusable(c) {
                    e.latin_only += 1;
                }
            }
        }
        e
    }

    pub(super) fn add(&mut self, o: ScriptEvidence) {
        self.latin_only += o.latin_only;
        self.cyrillic_only += o.cyrillic_only;
        self.cyrillic += o.cyrillic;
        self.other_letters += o.other_letters;
        self.greek += o.greek;
    }

    /// Two scripts in one word, or Greek letters among others (a word wholly in Greek is Greek and
    /// is transliterated as such).
    fn mixed(&self) -> bool {
        (self.cyrillic > 0 && self.other_letters > 0) || (self.greek > 0 && self.greek < self.other_letters)
    }
}

/// The name with each word all in Latin look-alikes of Cyrillic letters (`XOMEHKO`) written in
/// Cyrillic, when the rest of the name is plainly Cyrillic (`XOMEHKO, Cepгeй Hикoлaeвич`): such a
/// word may have been typed to look Cyrillic. A further reading, not the name's own: a Latin word
/// beside a Cyrillic one is as often the name as written (`MAXIM ГАМОЛА`, `BAIKO Валентин`, which
/// read as Cyrillic lost their BLOCK in round 26). `None` when no word is so.
pub(crate) fn cyrillic_lookalike_reading(name: &str) -> Option<String> {
    // Asked of every name: most have no Cyrillic letter, or no ASCII one.
    if name.is_ascii() || !name.bytes().any(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    let mut evidence = ScriptEvidence::default();
    for w in name.split(|c: char| !super::is_letter(c)).filter(|w| !w.is_empty()) {
        evidence.add(ScriptEvidence::of(w));
    }
    if evidence.cyrillic_only == 0 || evidence.latin_only > 0 || evidence.other_letters == 0 {
        return None;
    }
    let mut changed = false;
    let out: String = name
        .split_inclusive(|c: char| !super::is_letter(c))
        .map(|piece| {
            let word = piece.trim_end_matches(|c: char| !super::is_letter(c));
            let w = ScriptEvidence::of(word);
            if w.cyrillic == 0 && w.other_letters > 0 && word.chars().all(|c| c.is_ascii_alphabetic()) {
                changed = true;
                piece
                    .chars()
                    .map(|c| LOOKALIKES.iter().find(|(l, _)| *l == c).map_or(c, |(_, k)| *k))
                    .collect::<String>()
            } else {
                piece.to_string()
            }
        })
        .collect();
    changed.then_some(out)
}

/// The name with the Cyrillic letters of each word that mixes them with Latin ones read as
/// sounds, not as look-alikes (`LUKASХЕНКО` → `LUKASKHENKO`): a word typed partly with the
/// keyboard switched to the other layout, which the look-alike reading of [`repair_script`]
/// makes `LUKASXEHKO` (round 29: 13 % of such listed names CLEAR). A further reading; `None` when
/// no word mixes the scripts.
pub(crate) fn mixed_words_transliterated(name: &str) -> Option<String> {
    // Asked of every name: most have no Cyrillic letter, or no ASCII one.
    if name.is_ascii() || !name.bytes().any(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    let mut changed = false;
    let out: String = name
        .split_inclusive(|c: char| !super::is_letter(c))
        .map(|piece| {
            let w = ScriptEvidence::of(piece);
            if w.cyrillic == 0 || w.other_letters == w.greek {
                return piece.to_string();
            }
            changed = true;
            let mut out = String::with_capacity(piece.len() + 4);
            for c in piece.chars() {
                if !is_cyrillic(c) {
                    out.push(c);
                    continue;
                }
                let mut latin = String::new();
                c.to_lowercase().for_each(|l| to_latin(l, &mut latin));
                if c.is_uppercase() {
                    latin.make_ascii_uppercase();
                }
                out.push_str(&latin);
            }
            out
        })
        .collect();
    changed.then_some(out)
}

/// Rewrites the look-alike letters of a word written in two scripts (or in Greek look-alikes) into
/// the script the writer meant: `АЛЯШКЕВIЧ` (a Latin I) → `АЛЯШКЕВІЧ`; `Lukаshenko` (a Cyrillic а)
/// → `Lukashenko`; `МIКLАSНЕVIСН`, typed almost wholly with Cyrillic look-alikes, → `MIKLASHEVICH`.
///
/// A letter only one script has decides: a Latin `L` or `S` cannot be a look-alike, so the word is
/// Latin, and every Cyrillic letter in it is read by what it looks like (`Н` as `H`, not as `n`).
/// When the word has only look-alikes, the whole name (`name`) decides, then the majority.
pub(super) fn repair_script(word: &str, name: ScriptEvidence) -> std::borrow::Cow<'_, str> {
    let w = ScriptEvidence::of(word);
    if !w.mixed() {
        // A word all in Cyrillic look-alikes (`АВЕТ`) inside a name that is otherwise plainly
        // Latin was typed to look Latin.
        let latin_name = name.latin_only > 0 && name.cyrillic_only == 0;
        if !(w.cyrillic > 0 && w.cyrillic_only == 0 && latin_name) {
            return std::borrow::Cow::Borrowed(word);
        }
    }
    let latin = match (w.latin_only > 0, w.cyrillic_only > 0) {
        (true, false) => true,
        (false, true) => false,
        (true, true) => w.other_letters >= w.cyrillic,
        (false, false) if name.latin_only > 0 && name.cyrillic_only == 0 => true,
        (false, false) if name.cyrillic_only > 0 && name.latin_only == 0 => false,
        (false, false) => w.other_letters >= w.cyrillic,
    };
    let repaired = if latin {
        word.chars().map(|c| if is_cyrillic(c) || is_greek(c) { latin_lookalike(c).unwrap_or(c) } else { c }).collect()
    } else {
        word.chars()
            .map(|c| if is_cyrillic(c) { c } else { LOOKALIKES.iter().find(|(l, _)| *l == c).map_or(c, |(_, k)| *k) })
            .collect()
    };
    std::borrow::Cow::Owned(repaired)
}
