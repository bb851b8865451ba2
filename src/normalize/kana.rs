//! Katakana → Latin for foreign names, word by word.
//!
//! Japan's lists write foreign names in katakana (`アレクサンドル・ルカシェンコ`), a syllabary: every
//! consonant carries a vowel, so Japanese adds vowels the name does not have (`ku` for k, `ru` for
//! a final r) and writes r and l with the same letters. A syllable-by-syllable romanisation
//! (`arekusandoru rukashienko`, what `any_ascii` gives) is too far from the Latin listed names for
//! the matcher to meet them. This reading undoes the regular conventions of writing foreign words
//! in katakana, without any per-name rule:
//! - small kana join the syllable before (`シェ` she, `ヴィ` vi, `ティ` ti, `ファ` fa), `ー` and `ッ`
//!   (length, doubling) add nothing the phonetic key would keep;
//! - the vowel `u` that Japanese adds after a consonant (`ク` ku, `ス` su, `ル` ru, `フ` fu …) is
//!   dropped before another consonant and at the end of the word, except in the first syllable
//!   (`ルカシェンコ` keeps its `lu`): `アレクサンドル` → `aleksandol`;
//! - `ラ`…`ロ` are read with `l`: katakana has one row for r and l, so one of them must be chosen, and
//!   the matcher's edit distances absorb a wrong choice as one letter.
//!
//! Hiragana and other scripts are left to `any_ascii` by the caller.

/// Whether `c` is a katakana letter this module reads (full-width; half-width forms reach it as
/// full-width after NFKC).
pub(super) fn is_katakana(c: char) -> bool {
    matches!(c, '\u{30A1}'..='\u{30FA}' | '\u{30FC}')
}

/// A dash between two katakana letters read as the long mark `ー` it stands for. Japanese bank
/// transfers (the Zengin format) carry names in half-width katakana, where `ｰ` is often typed as a
/// hyphen (`ﾊﾂｶ-ﾆ` for ハッカーニ); as a hyphen it would part the word in two.
pub(super) fn dashes_as_long_marks(s: String) -> String {
    let kana = |c: char| is_katakana(c) || ('\u{FF66}'..='\u{FF9F}').contains(&c);
    // Katakana, full- and half-width, is encoded from bytes E3 and EF: most names (Latin,
    // Cyrillic) hold neither, and are passed over without decoding a char.
    if !s.bytes().any(|b| b == 0xE3 || b == 0xEF) || !s.chars().any(kana) {
        return s;
    }
    let chars: Vec<char> = s.chars().collect();
    (0..chars.len())
        .map(|i| {
            let between = i > 0 && chars.get(i + 1).is_some_and(|&n| kana(n)) && kana(chars[i - 1]);
            if between
                && matches!(
                    chars[i],
                    '-' | '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2212}' | '\u{FF0D}'
                )
            {
                'ー'
            } else {
                chars[i]
            }
        })
        .collect()
}

/// The Latin reading of a word written in katakana.
pub(super) fn to_latin(word: &str) -> String {
    let chars: Vec<char> = word.chars().collect();
    // Syllables: (consonant, vowel, written with a small vowel), the vowel empty for ン.
    let mut syllables: Vec<(String, String, bool)> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if let Some((cons, vowel)) = next.and_then(|n| digraph(c, n)) {
            syllables.push((cons.to_string(), vowel.to_string(), true));
            i += 2;
            continue;
        }
        match c {
            'ー' | 'ッ' => {}
            'ン' => syllables.push(("n".into(), String::new(), false)),
            _ => {
                if let Some((cons, vowel)) = mora(c) {
                    syllables.push((cons.to_string(), vowel.to_string(), false));
                } else {
                    // A small vowel on its own, or a letter outside the table: its vowel alone.
                    let s = any_ascii::any_ascii_char(c).to_ascii_lowercase();
                    syllables.push((String::new(), s, false));
                }
            }
        }
        i += 1;
    }
    let mut out = String::with_capacity(word.len());
    let last = syllables.len().saturating_sub(1);
    for (k, (cons, vowel, small)) in syllables.iter().enumerate() {
        out.push_str(cons);
        // A vowel written small is meant (`トゥ` tu); the first syllable's is the name's own.
        let added = k > 0
            && !small
            && ((vowel == "u" && !matches!(cons.as_str(), "" | "y" | "w"))
                || (vowel == "i" && cons == "ch" && k == last));
        if !added {
            out.push_str(vowel);
        }
    }
    out
}

/// A consonant and a small vowel or small y-kana read as one syllable. A y-kana written large
/// after a kana of the i-row (`キヨ`, `ジヤ`) is read so too: the Zengin format of Japanese bank
/// transfers has no small kana, and writes `ｼﾞﾔ` for ジャ (ja); a foreign name written in katakana
/// writes `kiyo` with its own vowel (`キーヨ`, `キヨー`) far less often than `kyo` so.
fn digraph(c: char, small: char) -> Option<(&'static str, &'static str)> {
    let small = match small {
        'ヤ' | 'ユ' | 'ヨ' if mora(c).is_some_and(|(cons, vowel)| vowel == "i" && !cons.is_empty()) => match small {
            'ヤ' => 'ャ',
            'ユ' => 'ュ',
            _ => 'ョ',
        },
        s => s,
    };
    let vowel = match small {
        'ァ' => "a",
        'ィ' => "i",
        'ゥ' => "u",
        'ェ' => "e",
        'ォ' => "o",
        'ャ' => "ya",
        'ュ' => "yu",
        'ョ' => "yo",
        _ => return None,
    };
    let (cons, _) = mora(c)?;
    // シ, チ, ジ already carry their y: `シャ` sha, `チェ` che, `ジェ` je.
    let cons = match (cons, vowel.len()) {
        ("sh" | "ch" | "j", 2) => return Some((cons, &vowel[1..])),
        ("sh" | "ch" | "j", _) => cons,
        (_, 2) => return Some((y_form(cons), vowel)),
        _ => cons,
    };
    // ティ, ディ, トゥ, ドゥ: the consonant of the row, with the small vowel.
    Some((cons, vowel))
}

fn y_form(cons: &'static str) -> &'static str {
    match cons {
        "k" => "k",
        "g" => "g",
        "n" => "n",
        "h" => "h",
        "b" => "b",
        "p" => "p",
        "m" => "m",
        "l" => "l",
        "f" => "f",
        "v" => "v",
        _ => cons,
    }
}

/// One katakana letter as consonant and vowel (modified Hepburn, with ラ-row as l and ツ as ts).
fn mora(c: char) -> Option<(&'static str, &'static str)> {
    const ROWS: [(&str, [char; 5]); 19] = [
        ("", ['ア', 'イ', 'ウ', 'エ', 'オ']),
        ("k", ['カ', 'キ', 'ク', 'ケ', 'コ']),
        ("g", ['ガ', 'ギ', 'グ', 'ゲ', 'ゴ']),
        ("s", ['サ', 'シ', 'ス', 'セ', 'ソ']),
        ("z", ['ザ', 'ジ', 'ズ', 'ゼ', 'ゾ']),
        ("t", ['タ', 'チ', 'ツ', 'テ', 'ト']),
        ("d", ['ダ', 'ヂ', 'ヅ', 'デ', 'ド']),
        ("n", ['ナ', 'ニ', 'ヌ', 'ネ', 'ノ']),
        ("h", ['ハ', 'ヒ', 'フ', 'ヘ', 'ホ']),
        ("b", ['バ', 'ビ', 'ブ', 'ベ', 'ボ']),
        ("p", ['パ', 'ピ', 'プ', 'ペ', 'ポ']),
        ("m", ['マ', 'ミ', 'ム', 'メ', 'モ']),
        ("y", ['ヤ', '\0', 'ユ', '\0', 'ヨ']),
        ("l", ['ラ', 'リ', 'ル', 'レ', 'ロ']),
        ("w", ['ワ', 'ヰ', '\0', 'ヱ', 'ヲ']),
        ("v", ['\0', '\0', 'ヴ', '\0', '\0']),
        ("v", ['ヷ', 'ヸ', '\0', 'ヹ', 'ヺ']),
        ("", ['ァ', 'ィ', 'ゥ', 'ェ', 'ォ']),
        ("y", ['ャ', '\0', 'ュ', '\0', 'ョ']),
    ];
    const VOWELS: [&str; 5] = ["a", "i", "u", "e", "o"];
    let (cons, v) = ROWS.iter().find_map(|(cons, row)| row.iter().position(|k| *k == c).map(|v| (*cons, v)))?;
    // Hepburn's exceptions: shi, chi, tsu, ji, fu.
    let cons = match (cons, v) {
        ("s", 1) => "sh",
        ("t", 1) => "ch",
        ("t", 2) => "ts",
        ("z", 1) | ("d", 1) => "j",
        ("d", 2) => "z",
        ("h", 2) => "f",
        _ => cons,
    };
    Some((cons, VOWELS[v]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn foreign_names_in_katakana_come_close_to_their_latin_spelling() {
        assert_eq!(to_latin("ルカシェンコ"), "lukashenko");
        assert_eq!(to_latin("アレクサンドル"), "aleksandol");
        assert_eq!(to_latin("ヴィクトル"), "viktol");
        assert_eq!(to_latin("ラッポ"), "lapo");
        assert_eq!(to_latin("ドミトリー"), "domitoli");
        assert_eq!(to_latin("ベルアグロプロムバンク"), "belaglopulombank".replace("pu", "p"));
        assert_eq!(to_latin("パントゥス"), "pantus");
        assert_eq!(to_latin("ヴォリフォヴィチ"), "volifovich");
        assert_eq!(to_latin("チェ"), "che");
        assert_eq!(to_latin("ジュ"), "ju");
    }

    #[test]
    fn names_in_bank_transfer_katakana_read_as_listed() {
        // The Zengin format: half-width, no small kana, a hyphen for the long mark.
        assert_eq!(crate::normalize::fold("ｼﾞﾔﾗﾙ"), crate::normalize::fold("ジャラル"));
        assert_eq!(crate::normalize::fold("ﾊﾂｶ-ﾆ"), crate::normalize::fold("ハツカーニ"));
        assert_eq!(to_latin("キヨ"), to_latin("キョ"));
        // A y-kana after a kana of another row keeps its own syllable, and a hyphen between
        // words in another script stays one.
        assert_eq!(to_latin("アヤ"), "aya");
        assert_eq!(crate::normalize::fold("Ivanov-Petrov"), "ivanov petrov");
    }
}
