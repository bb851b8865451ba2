//! A person's name written in a grammatical case other than the nominative. Russian payment
//! orders and their purpose lines name the beneficiary as the sentence needs him: `перевод
//! Касинскому Леониду Викторовичу` (dative, "to"), `в пользу Червякова Александра Викторовича`
//! (genitive, "for"), `Chernysheva Olega Anatolyevicha` when a bank's system romanised it. Every
//! word then carries an ending the lists never write, and a man's genitive surname reads as a
//! woman's nominative (`Chernysheva`): round 28 found two thirds of listed men named in the
//! genitive CLEAR.
//!
//! A patronymic says both the case and the gender (`-вича` is a man's genitive, `-вне` a woman's
//! dative, in Cyrillic or romanised), so the name is read back in the nominative only when one of
//! its words is a patronymic in another case (or, failing that, a man's adjectival surname in one,
//! `Можиловскому`, which no nominative ends in). The other words are then read by the endings of
//! that case and gender. Written here rather than taken from a crate: the morphological analysers
//! for Russian (pymorphy, Snowball's stemmer) either need a dictionary the names are not in or
//! strip endings off every word, where a name needs its nominative back (`Сергея` → `Сергей`,
//! not `Серге`), in Cyrillic and in the romanisations banks use.

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Gender {
    Male,
    Female,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Case {
    Genitive,
    Dative,
    /// A woman's: a man's accusative is his genitive.
    Accusative,
    Instrumental,
    /// A man's (`о Машадиеве Руслане Хикметовиче`): a woman's is her dative.
    Prepositional,
}

/// Endings of a patronymic (or a man's adjectival surname) that only an oblique case writes,
/// lower case, with the case and gender they say. Longest first where one ends another.
const MARKERS: &[(&str, Gender, Case)] = &[
    ("вичем", Gender::Male, Case::Instrumental),
    ("вічам", Gender::Male, Case::Instrumental),
    ("вича", Gender::Male, Case::Genitive),
    ("віча", Gender::Male, Case::Genitive),
    ("ьича", Gender::Male, Case::Genitive),
    ("вичу", Gender::Male, Case::Dative),
    ("виче", Gender::Male, Case::Prepositional),
    ("віче", Gender::Male, Case::Prepositional),
    ("вічу", Gender::Male, Case::Dative),
    ("ьичу", Gender::Male, Case::Dative),
    ("вной", Gender::Female, Case::Instrumental),
    ("ўной", Gender::Female, Case::Instrumental),
    ("ичной", Gender::Female, Case::Instrumental),
    ("вны", Gender::Female, Case::Genitive),
    ("ўны", Gender::Female, Case::Genitive),
    ("ичны", Gender::Female, Case::Genitive),
    ("вне", Gender::Female, Case::Dative),
    ("ўне", Gender::Female, Case::Dative),
    ("ичне", Gender::Female, Case::Dative),
    ("вну", Gender::Female, Case::Accusative),
    ("ўну", Gender::Female, Case::Accusative),
    ("ичну", Gender::Female, Case::Accusative),
    ("vichem", Gender::Male, Case::Instrumental),
    ("vychem", Gender::Male, Case::Instrumental),
    ("vicha", Gender::Male, Case::Genitive),
    ("vitcha", Gender::Male, Case::Genitive),
    ("vycha", Gender::Male, Case::Genitive),
    ("vichu", Gender::Male, Case::Dative),
    ("vitchu", Gender::Male, Case::Dative),
    ("viche", Gender::Male, Case::Prepositional),
    ("vychu", Gender::Male, Case::Dative),
    ("vnoy", Gender::Female, Case::Instrumental),
    ("vnoi", Gender::Female, Case::Instrumental),
    ("vnoj", Gender::Female, Case::Instrumental),
    ("vny", Gender::Female, Case::Genitive),
    ("vne", Gender::Female, Case::Dative),
    ("vnu", Gender::Female, Case::Accusative),
];

/// Endings of a patronymic in another case as romanisations with diacritics write them
/// (`Georgieviča`, ISO 9, Croatian), once the diacritics are taken off: only for a word that had
/// them, since plain `-vica` ends other words (`Flavica`, `Slavica`).
const DIACRITIC_MARKERS: &[(&str, Gender, Case)] = &[
    ("vicem", Gender::Male, Case::Instrumental),
    ("vica", Gender::Male, Case::Genitive),
    ("vicu", Gender::Male, Case::Dative),
];

/// A man's adjectival surname in the genitive or dative, which no nominative ends in: the case
/// when the name gives no patronymic (`Можиловскому Игорю`).
const SURNAME_MARKERS: &[(&str, Case)] = &[
    ("ского", Case::Genitive),
    ("цкого", Case::Genitive),
    ("скому", Case::Dative),
    ("цкому", Case::Dative),
    ("skogo", Case::Genitive),
    ("skovo", Case::Genitive),
    ("skomu", Case::Dative),
];

/// Least letters of a word read as a marker: `вны` alone is no patronymic.
const MIN_MARKER_LETTERS: usize = 6;

/// How a word of a name in `(gender, case)` ends, and what its nominative ends in instead: the
/// first ending that fits is taken. Surnames that do not decline (`Лукашенко`, `Черных`, a woman's
/// `Пашкевич`) end in none of them.
fn endings(gender: Gender, case: Case) -> &'static [(&'static str, &'static str)] {
    match (gender, case) {
        (Gender::Male, Case::Genitive | Case::Accusative) => &[
            ("ского", "ский"),
            ("цкого", "цкий"),
            ("ого", "ый"),
            ("ия", "ий"),
            ("ея", "ей"),
            ("ая", "ай"),
            ("ья", "ий"),
            ("я", "ь"),
            ("ы", "а"),
            ("а", ""),
            ("skogo", "sky"),
            ("skovo", "sky"),
            ("ogo", "y"),
            ("iya", "iy"),
            ("ija", "ij"),
            ("eya", "ey"),
            ("eja", "ej"),
            ("ea", "ey"),
            ("aya", "ay"),
            ("aja", "aj"),
            ("ya", ""),
            ("ja", ""),
            ("ia", "iy"),
            ("a", ""),
            // `Nikity`, `Gamoly`: the genitive of a man's name in `-a`.
            ("y", "a"),
        ],
        (Gender::Male, Case::Dative) => &[
            ("скому", "ский"),
            ("цкому", "цкий"),
            ("ому", "ый"),
            ("ию", "ий"),
            ("ею", "ей"),
            ("аю", "ай"),
            ("ью", "ий"),
            ("ю", "ь"),
            ("у", ""),
            ("е", "а"),
            ("skomu", "sky"),
            ("omu", "y"),
            ("iyu", "iy"),
            ("iju", "ij"),
            ("eyu", "ey"),
            ("eju", "ej"),
            ("eu", "ey"),
            ("ayu", "ay"),
            ("aju", "aj"),
            ("iu", "iy"),
            ("yu", ""),
            ("ju", ""),
            ("u", ""),
        ],
        (Gender::Male, Case::Instrumental) => &[
            ("ским", "ский"),
            ("цким", "цкий"),
            ("овым", "ов"),
            ("евым", "ев"),
            ("иным", "ин"),
            ("ым", "ый"),
            ("ием", "ий"),
            ("еем", "ей"),
            ("аем", "ай"),
            ("ичем", "ич"),
            ("ічам", "іч"),
            ("ём", "ь"),
            ("ем", "ь"),
            ("ом", ""),
            ("ой", "а"),
            ("skim", "sky"),
            ("ovym", "ov"),
            ("evym", "ev"),
            ("inym", "in"),
            ("iyem", "iy"),
            ("eyem", "ey"),
            ("ichem", "ich"),
            ("ychem", "ych"),
            ("icem", "ic"),
            ("om", ""),
            ("em", ""),
        ],
        (Gender::Male, Case::Prepositional) => &[
            ("ском", "ский"),
            ("цком", "цкий"),
            ("ии", "ий"),
            ("ее", "ей"),
            ("ае", "ай"),
            ("е", ""),
            ("skom", "sky"),
            ("ii", "iy"),
            ("eye", "ey"),
            ("ee", "ey"),
            ("aye", "ay"),
            ("e", ""),
        ],
        // A woman's prepositional is her dative; no marker says it apart.
        (Gender::Female, Case::Genitive | Case::Dative | Case::Instrumental | Case::Prepositional) => &[
            ("ской", "ская"),
            ("цкой", "цкая"),
            ("овой", "ова"),
            ("евой", "ева"),
            ("иной", "ина"),
            ("ыной", "ына"),
            ("ией", "ия"),
            ("ьей", "ья"),
            ("ью", "ь"),
            ("ой", "а"),
            ("ии", "ия"),
            ("ьи", "ья"),
            ("ье", "ья"),
            ("ки", "ка"),
            ("ги", "га"),
            ("хи", "ха"),
            ("ы", "а"),
            ("е", "а"),
            ("skoy", "skaya"),
            ("skoi", "skaya"),
            ("skoj", "skaja"),
            ("ovoy", "ova"),
            ("ovoi", "ova"),
            ("ovoj", "ova"),
            ("evoy", "eva"),
            ("evoi", "eva"),
            ("evoj", "eva"),
            ("inoy", "ina"),
            ("inoi", "ina"),
            ("inoj", "ina"),
            ("vnoy", "vna"),
            ("vnoi", "vna"),
            ("vnoj", "vna"),
            ("iyi", "iya"),
            ("ii", "iya"),
            ("yi", "ya"),
            ("ye", "ya"),
            ("ie", "iya"),
            ("gi", "ga"),
            ("ki", "ka"),
            ("y", "a"),
            ("e", "a"),
        ],
        (Gender::Female, Case::Accusative) => &[
            ("скую", "ская"),
            ("цкую", "цкая"),
            ("ую", "ая"),
            ("ию", "ия"),
            ("ью", "ья"),
            ("у", "а"),
            ("ю", "я"),
            ("skuyu", "skaya"),
            ("skuju", "skaja"),
            ("uyu", "aya"),
            ("iyu", "iya"),
            ("yu", "ya"),
            ("ju", "ja"),
            ("u", "a"),
        ],
    }
}

/// The name read back in the nominative, when a word of it is a patronymic (or a man's adjectival
/// surname) in another case; None otherwise, the common case, after a look at each word's last
/// letter. Words that are no part of the name (`перевод`, `по`, `договору`) are read by the same
/// endings, which costs them nothing: they were no name before either.
pub fn nominative_reading(name: &str) -> Option<String> {
    let (gender, case) = case_of(name)?;
    let mut out = String::with_capacity(name.len() + 8);
    let mut changed = false;
    for (i, word) in name.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let body = word.trim_end_matches(|c: char| !crate::normalize::is_letter(c));
        let tail = &word[body.len()..];
        match nominative(&plain_latin(body), gender, case) {
            Some(n) => {
                out.push_str(&n);
                changed = true;
            }
            None => out.push_str(body),
        }
        out.push_str(tail);
    }
    changed.then_some(out)
}

/// The case and gender a word of the name says, if one does. Runs on every name screened, so
/// each word's last letters are lowered into a small buffer rather than a new string.
fn case_of(name: &str) -> Option<(Gender, Case)> {
    // Every marker holds a `в`, `ў`, `ч`, `к`, `v`, `k` or `c`: one pass over the bytes passes
    // most names over (`В` `Ў` `Ч` `К` `в` `к` are D0 92, D0 8E, D0 A7, D0 9A, D0 B2, D0 BA in
    // UTF-8; `ў` `ч` D1 9E, D1 87), and a name of one word is no name in a case.
    let b = name.as_bytes();
    let marked = b.windows(2).any(|w| match w {
        [0xD0, 0x92 | 0x8E | 0xA7 | 0x9A | 0xB2 | 0xBA] | [0xD1, 0x9E | 0x87] => true,
        [c, _] => matches!(c, b'v' | b'V' | b'k' | b'K' | b'c' | b'C'),
        _ => false,
    }) || b.last().is_some_and(|c| matches!(c, b'v' | b'V' | b'k' | b'K' | b'c' | b'C'));
    if !marked {
        return None;
    }
    let mut surname = None;
    let mut words = 0;
    let mut found = None;
    for word in name.split_whitespace() {
        words += 1;
        if found.is_some() {
            continue;
        }
        let word = match word.chars().next_back() {
            Some(c) if crate::normalize::is_letter(c) => word,
            _ => word.trim_end_matches(|c: char| !crate::normalize::is_letter(c)),
        };
        // Every marker ends in one of these letters (a Latin one maybe with a diacritic,
        // `Georgieviča`): most words are passed over here.
        let may_end_so = match word.chars().next_back().map(lower) {
            Some('a' | 'u' | 'm' | 'y' | 'i' | 'j' | 'e' | 'o' | 'а' | 'у' | 'м' | 'ы' | 'й' | 'е' | 'о') => {
                true
            }
            Some(c) => !c.is_ascii() && !matches!(c, '\u{0400}'..='\u{04FF}'),
            None => false,
        };
        if !may_end_so {
            continue;
        }
        let mut tail = ['\0'; TAIL];
        let mut n = 0;
        let mut diacritics = false;
        for c in word.chars().rev().take(TAIL) {
            let c = lower(c);
            diacritics |= !c.is_ascii() && !matches!(c, '\u{0400}'..='\u{04FF}');
            tail[TAIL - 1 - n] = c;
            n += 1;
        }
        if n < MIN_MARKER_LETTERS {
            continue;
        }
        // And every marker holds one of these (`-вича`, `-вны`, `-vne`, `-ского`, `-vica`).
        if !diacritics && !tail.iter().any(|c| matches!(c, 'в' | 'ў' | 'ч' | 'к' | 'v' | 'k' | 'c')) {
            continue;
        }
        let plain;
        let tail: &[char] = if diacritics {
            plain = plain_latin(word).to_lowercase().chars().collect::<Vec<char>>();
            &plain
        } else {
            &tail
        };
        let ends = |m: &str| {
            let mut t = tail.iter().rev();
            m.chars().rev().all(|c| t.next() == Some(&c))
        };
        let marker = MARKERS.iter().chain(if diacritics { DIACRITIC_MARKERS } else { &[] }).find(|(m, ..)| ends(m));
        if let Some(&(_, gender, case)) = marker {
            found = Some((gender, case));
        } else if surname.is_none() {
            surname = SURNAME_MARKERS.iter().find(|(m, _)| ends(m)).map(|&(_, case)| (Gender::Male, case));
        }
    }
    if words < 2 {
        return None;
    }
    found.or(surname)
}

/// Letters of a word's end that [`case_of`] looks at: the longest marker's.
const TAIL: usize = 6;

/// A letter in lower case, without Unicode's tables for the Latin and Russian alphabets.
fn lower(c: char) -> char {
    match c {
        'A'..='Z' => c.to_ascii_lowercase(),
        'А'..='Я' => char::from_u32(c as u32 + 0x20).unwrap_or(c),
        c if c.is_ascii() || matches!(c, 'а'..='я') => c,
        c => c.to_lowercase().next().unwrap_or(c),
    }
}

/// Given names whose vowel drops in the other cases, as their stem and nominative (lower case).
const FLEETING: &[(&str, &str)] = &[("льв", "лев"), ("павл", "павел"), ("lv", "lev"), ("pavl", "pavel")];

/// `whole` with its first letter in the case of `like`'s.
fn capitalised(whole: &str, like: &str) -> String {
    match like.chars().next() {
        Some(c) if c.is_uppercase() => {
            let mut cs = whole.chars();
            cs.next().map(|f| f.to_uppercase().chain(cs).collect()).unwrap_or_default()
        }
        _ => whole.to_string(),
    }
}

/// A Latin word with diacritics without them, and without the primes that write a soft sign
/// (`Valerʹeviča` → `Valerevica`): romanisations with diacritics (ISO 9, Czech, Croatian) end
/// the cases in `č`, `â`, `û`. Other words as they are.
fn plain_latin(word: &str) -> std::borrow::Cow<'_, str> {
    use unicode_normalization::UnicodeNormalization;
    if word.is_ascii() || word.chars().any(|c| matches!(c, '\u{0400}'..='\u{04FF}')) {
        return std::borrow::Cow::Borrowed(word);
    }
    std::borrow::Cow::Owned(
        word.nfd()
            .filter(|&c| !unicode_normalization::char::is_combining_mark(c) && !matches!(c, 'ʹ' | 'ʺ' | '\'' | '’'))
            .collect(),
    )
}

/// `word` in the nominative, if it ends as `(gender, case)` declines; the case of its letters kept
/// (`ИВАНОВУ` → `ИВАНОВ`, `Sergeyu` → `Sergey`).
fn nominative(word: &str, gender: Gender, case: Case) -> Option<String> {
    let lower = word.to_lowercase();
    let (ending, nominative) = endings(gender, case).iter().find(|(e, _)| lower.ends_with(e))?;
    let stem_chars = lower.chars().count() - ending.chars().count();
    let cut = word.char_indices().nth(stem_chars).map_or(word.len(), |(i, _)| i);
    let stem = &word[..cut];
    let upper = word.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
    // Given names that lose a vowel when declined (`Лев` → `Льва`, `Павел` → `Павла`): the
    // stem alone had read `Льв`, which met names beginning with V.
    if nominative.is_empty() {
        let cut = &lower[..lower.len() - ending.len()];
        if let Some(&(_, whole)) = FLEETING.iter().find(|(stem, _)| cut == *stem) {
            return Some(if upper { whole.to_uppercase() } else { capitalised(whole, stem) });
        }
    }
    // A nominative of two letters is no name (`по`, `от`, `на` are left be; `Жука` is `Жук`).
    if stem_chars < 2 || stem_chars + nominative.chars().count() < 3 {
        return None;
    }
    let mut out = String::with_capacity(stem.len() + nominative.len());
    out.push_str(stem);
    if upper {
        out.push_str(&nominative.to_uppercase());
    } else {
        out.push_str(nominative);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::nominative_reading;

    #[test]
    fn a_mans_name_in_the_genitive_and_dative() {
        for (oblique, nominative) in [
            ("Червякова Александра Викторовича", "Червяков Александр Викторович"),
            ("Карчевского Сергея Владимировича", "Карчевский Сергей Владимирович"),
            ("Лукашенко Александру Григорьевичу", "Лукашенко Александр Григорьевич"),
            ("Головатому Ивану Ивановичу", "Головатый Иван Иванович"),
            ("перевод Касинскому Леониду Викторовичу", "перевод Касинский Леонид Викторович"),
            ("Дмитрия Игоря Васильевича", "Дмитрий Игорь Васильевич"),
            ("Chernysheva Olega Anatolyevicha", "Chernyshev Oleg Anatolyevich"),
            ("Gutseriyeva Mikhaila Safarbekovicha", "Gutseriyev Mikhail Safarbekovich"),
            ("KARCHEVSKOGO Sergeya Vladimirovicha", "KARCHEVSKY Sergey Vladimirovich"),
            ("Ivanovu Sergeyu Petrovichu,", "Ivanov Sergey Petrovich,"),
            ("Можиловскому Игорю", "Можиловский Игорь"),
            ("Луцкому Игорю Владимировичу", "Луцкий Игорь Владимирович"),
            ("Сикорскому Артему Игоревичу", "Сикорский Артем Игоревич"),
            ("Karazeâ Olega Georgieviča", "Karazey Oleg Georgievic"),
            ("Evgeniû Bubiču Valerʹeviču", "Evgeniy Bubic Valerevic"),
            ("KARÁYEVA YÚRIYA KHADZHIMURÁTOVICHA", "KARAYEV YURIY KHADZHIMURATOVICH"),
            ("Льва Юрьевича Крылова", "Лев Юрьевич Крылов"),
            ("Павлу Ивановичу Петрову", "Павел Иванович Петров"),
            ("о Машадиеве Руслане Хикметовиче", "о Машадиев Руслан Хикметович"),
            ("Sergeya Vladimirovitcha Karchevskogo", "Sergey Vladimirovitch Karchevsky"),
            ("Kovalevskogo Nikity", "Kovalevsky Nikita"),
            ("Georgija Petroviča Ivanova", "Georgij Petrovic Ivanov"),
            ("Korolem Aleksandrom Vladimirovichem", "Korol Aleksandr Vladimirovich"),
            ("Королём Александром Владимировичем", "Король Александр Владимирович"),
        ] {
            assert_eq!(nominative_reading(oblique).as_deref(), Some(nominative), "{oblique}");
        }
    }

    #[test]
    fn a_womans_name_in_the_genitive_dative_and_accusative() {
        for (oblique, nominative) in [
            ("Ивановой Марии Петровны", "Иванова Мария Петровна"),
            ("Ермошиной Лидии Михайловне", "Ермошина Лидия Михайловна"),
            ("Ольги Пашкевич Николаевны", "Ольга Пашкевич Николаевна"),
            ("Natalyi Kochanovoy Ivanovny", "Natalya Kochanova Ivanovna"),
            ("Anne Ivanovoi Petrovne", "Anna Ivanova Petrovna"),
            ("Анну Иванову Петровну", "Анна Иванова Петровна"),
            ("Пригожиной Любовью Валентиновной", "Пригожина Любовь Валентиновна"),
        ] {
            assert_eq!(nominative_reading(oblique).as_deref(), Some(nominative), "{oblique}");
        }
    }

    #[test]
    fn a_name_in_the_nominative_has_no_further_reading() {
        for name in [
            "Aleksandr Grigoryevich Lukashenko",
            "Александр Григорьевич Лукашенко",
            "Лидия Михайловна Ермошина",
            "Natalya Ivanovna Kochanova",
            "Maria Fernanda Gonzalez",
            "BELARUSKALI OAO",
            "Jan Kowalski",
            "Chernysheva",
            "Flavica LLC",
            "Slavica Petrovic",
        ] {
            assert_eq!(nominative_reading(name), None, "{name}");
        }
    }
}
