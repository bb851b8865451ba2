//! A phonetic key that makes the romanisation systems of Russian and Belarusian names meet.
//!
//! The same Cyrillic name reaches a bank as `Lukashenko`, `Lukashenka` (Belarusian), `Loukachenko`
//! (French), `Lukaschenko` (German), `Lukašenko` (ISO 9, diacritics folded to `Lukasenko`). The
//! systems differ in three ways, and the key removes each:
//! - how they spell one sound with several letters (`sh`/`sch`/`ch`/`š`, `kh`/`ch`/`h`, `ts`/`tz`/`c`,
//!   `zh`/`j`/`ž`): each family becomes one letter;
//! - vowels (Belarusian akanye writes `a` where Russian writes `o`; `ia`/`ya`/`ja`; `ie`/`e`): every
//!   run of vowels becomes one `a`;
//! - Belarusian letters for Russian ones (`h` for `g`, `dz` for `d`): folded together.
//!
//! The key is coarse on purpose: it is used for candidate retrieval and as one of the similarity
//! measures, never alone for a decision (see `matcher::score`).

/// Multi-letter spellings first (longest match wins at each position).
const RULES: [(&str, char); 36] = [
    ("shtsch", 's'),
    ("shch", 's'),
    ("tsch", 'c'),
    ("dzh", 'j'),
    ("sch", 's'),
    ("tch", 'c'),
    ("sh", 's'),
    ("sz", 's'),
    ("ch", 'c'),
    ("cz", 'c'),
    ("ts", 'c'),
    ("tz", 'c'),
    ("zh", 'z'),
    ("kh", 'h'),
    ("gh", 'h'),
    ("dz", 'd'),
    ("ph", 'f'),
    ("th", 't'),
    ("ck", 'k'),
    ("ks", 'x'),
    ("x", 'x'),
    ("c", 'c'),
    ("g", 'h'),
    ("h", 'h'),
    ("q", 'k'),
    ("w", 'v'),
    ("j", 'a'),
    ("y", 'a'),
    ("a", 'a'),
    ("e", 'a'),
    ("i", 'a'),
    ("o", 'a'),
    ("u", 'a'),
    ("ü", 'a'),
    ("ö", 'a'),
    ("ä", 'a'),
];

/// The phonetic key of one folded token (see [`super::fold`]). Digits are kept as they are.
pub fn key(token: &str) -> String {
    let b = token.as_bytes();
    let mut out = String::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let rest = &token[i..];
        let (len, c) =
            RULES.iter().find(|(pat, _)| rest.starts_with(pat)).map(|(pat, c)| (pat.len(), *c)).unwrap_or_else(|| {
                let ch = rest.chars().next().unwrap_or(' ');
                (ch.len_utf8(), ch)
            });
        if !out.ends_with(c) {
            out.push(c);
        }
        i += len;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::key;

    #[test]
    fn romanisations_meet() {
        let k = key("lukashenko");
        for v in ["lukashenka", "loukachenko", "lukaschenko", "lukasenko"] {
            // French `ch` is a different letter family from English `sh`: one letter apart.
            let d = strsim::levenshtein(&key(v), &k);
            assert!(d <= 1, "{v}: {} vs {k}", key(v));
        }
        assert_eq!(key("aleksandr"), key("aliaksandr"));
        assert_eq!(key("alyaksandr"), key("alexandr"));
        assert_eq!(key("sergei"), key("siarhei"));
        assert_eq!(key("dmitry"), key("dzmitry"));
        assert_eq!(key("yuri"), key("iouri"));
    }
}
