//! What payment orders put in a name field besides the name, taken away before the name is read.
//!
//! Payment systems of the region fill the payer's and beneficiary's name field with more than a
//! name: a label (`Получатель:`), tax and registration numbers (`ИНН 7712345678`, `УНП
//! 600122610`), accounts (`р/с 40702810…`, an IBAN) with the bank after them (`в ПАО Сбербанк`),
//! the city or the whole address after a comma (`, г. Минск, ул. Ленина, д. 1`), and how the
//! party trades or who it is (`ИП`, `Индивидуальный предприниматель`, `гр.`, `Гражданин РБ`,
//! `ФЛП`, `ЧТУП`, `ТОВ`). An outside test wrapped every listed Belarus person and company in
//! such conventions (`/work/bench-faults/round12.md`): extra words beside a name lower its score,
//! so every listed person lost the BLOCK, companies with a tax number or a city were CLEAR, and
//! short words (`гр.`, `РБ`) read as initials raised unlisted namesakes to REVIEW.
//!
//! Hand-written tables: closed sets of the region's abbreviations, labels and address words that
//! no crate covers. Only what cannot be part of a name is taken away: a reference word only with
//! the number it introduces, an address only after a comma, markers of trade or status only at
//! the start or the end, and in Cyrillic letters where the Latin spelling is also a name (`IP`,
//! `Pat`, `At`).

use super::translit::has_cyrillic;
use std::borrow::Cow;

/// Markers of a sole proprietor (`matcher::query_text` also reads the name without the Latin
/// ones, which are surnames too).
/// Written with dots between the letters too (`И.П.`, `I.P.`); `IE` is the English for `ИП`
/// (individual entrepreneur) on Belarusian and Russian companies' English documents.
pub(crate) const SOLE_PROPRIETOR: &[&str] = &["ИП", "ІП", "ЧП", "ИЧП", "ПБОЮЛ", "ФОП", "СПД", "IP", "IE"];

/// Words (lower case, Cyrillic) that open or close a name to say how the party trades or who it
/// is, not which one, besides the sole proprietors' ([`SOLE_PROPRIETOR`], see [`is_marker`]):
/// private persons, citizens, and the legal forms of the region that the legal-form table
/// (`legal_forms`) does not hold, some because their Latin spelling is also a name (`ПАТ`, `АТ`,
/// `ГП`).
const MARKERS: &[&str] = &[
    "спд-фл",
    "флп",
    "фл",
    "гр",
    "гражданин",
    "гражданка",
    "грамадзянін",
    "громадянин",
    "громадянка",
    "самозанятый",
    "самозанятая",
    "чтуп",
    "чпуп",
    "руп",
    "куп",
    "гп",
    "пп",
    "пат",
    "ат",
    "сооо",
    "иуп",
    "осоо",
];

/// Labels of the name field in Russian, Belarusian and Ukrainian payment orders (`Получатель:`,
/// `ФИО`), with or without their colon; the English ones are `normalize::strip_label`'s.
const LABELS: &[&str] = &[
    "получатель",
    "плательщик",
    "бенефициар",
    "бенефіціар",
    "атрымальнік",
    "плацельшчык",
    "отримувач",
    "платник",
    "фио",
    "піб",
    "наименование",
    "найменування",
    "назва",
];

/// Whether a lower-case word is a marker: one of [`MARKERS`] or a sole proprietor's.
fn is_marker(lower: &str) -> bool {
    MARKERS.contains(&lower) || is_sole_proprietor(lower)
}

/// Whether a lower-case word is a sole proprietor's marker ([`SOLE_PROPRIETOR`]), its letters
/// with or without dots between them (`и.п`).
fn is_sole_proprietor(lower: &str) -> bool {
    static SOLE: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    let sole = SOLE.get_or_init(|| SOLE_PROPRIETOR.iter().map(|m| m.to_lowercase()).collect());
    lower.len() <= 16 && sole.iter().any(|m| m.chars().eq(lower.chars().filter(|&c| c != '.')))
}

/// Two-word markers of a person: a sole proprietor or a private person (`Индивидуальный
/// предприниматель`, `физ. лицо`), as the lower-case words without their dots.
const PERSON_TWO_WORD_MARKERS: &[[&str; 2]] = &[
    ["индивидуальный", "предприниматель"],
    ["individual", "entrepreneur"],
    ["индивидуальная", "предпринимательница"],
    ["індывідуальны", "прадпрымальнік"],
    ["фізична", "особа"],
    ["физическое", "лицо"],
    ["физ", "лицо"],
    ["спд", "фл"],
    ["sole", "proprietor"],
    ["sole", "trader"],
    ["private", "entrepreneur"],
];

/// Whether the name opens or closes with a sole proprietor's marker (`ИП Лукашенко …`, `… ФОП`,
/// `Индивидуальный предприниматель …`, `IP …`) or opens with a private person's (`физ. лицо
/// …`): the party is a person, whatever type it was sent as (`matcher`).
pub fn names_sole_proprietor(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    let sole = |w: &str| is_sole_proprietor(&bare(w));
    let two = |a: &str, b: &str| {
        let (a, b) = (bare(a), bare(b));
        PERSON_TWO_WORD_MARKERS.iter().any(|m| m[0] == a && m[1] == b)
    };
    match words.as_slice() {
        [] | [_] => false,
        [first, second, .., last] => {
            sole(first) || sole(last) || two(first, second) || spaced_sole_proprietor(first, second, true)
        }
        [first, last] => sole(first) || sole(last),
    }
}

/// Whether two words are a sole proprietor's marker written as two initials with a space between
/// (`И. П.`, `І. П.`; with `latin`, `I. P.` too), each with its dot: without the dots they are a
/// person's initials as much as a marker. Latin letters are asked only where the party's type is
/// in doubt or in a further reading, as `IP` is: in the name screened first they may be initials.
pub(crate) fn spaced_sole_proprietor(a: &str, b: &str, latin: bool) -> bool {
    let letter = |w: &str| {
        let mut c = w.strip_suffix('.')?.chars();
        let l = c.next()?;
        c.next().is_none().then_some(l)
    };
    match (letter(a), letter(b)) {
        (Some('И' | 'и' | 'І' | 'і'), Some('П' | 'п')) => true,
        (Some('I' | 'i'), Some('P' | 'p')) => latin,
        _ => false,
    }
}

/// Two-word markers of an organisation's kind (`Приватне підприємство`), as the lower-case words
/// without their dots; those of a person are [`PERSON_TWO_WORD_MARKERS`].
const TWO_WORD_MARKERS: &[[&str; 2]] = &[["приватне", "підприємство"], ["акціонерне", "товариство"]];

/// The Ukrainian limited company written out (`Товариство з обмеженою відповідальністю`).
const LONG_MARKERS: &[&[&str]] = &[
    &["товариство", "з", "обмеженою", "відповідальністю"],
    &["публічне", "акціонерне", "товариство"],
    &["приватне", "акціонерне", "товариство"],
];

/// Words that say whom a payment is for or from, opening the name field (`в пользу ОАО «Гродно
/// Азот»`, `on behalf of …`): no part of a name, and one word of a name may follow them. Round
/// 28 found `в пользу ОАО Гродно Азот` CLEAR (two words of no name beside a short company name)
/// and the English phrases lowering a listed name to REVIEW.
const INTRODUCING: &[&[&str]] = &[
    &["в", "пользу"],
    &["на", "имя"],
    &["в", "адрес"],
    &["от", "имени"],
    &["по", "поручению"],
    &["на", "карысць"],
    &["на", "користь"],
    &["для"],
    &["in", "favour", "of"],
    &["in", "favor", "of"],
    &["on", "behalf", "of"],
    &["for", "the", "benefit", "of"],
    &["for", "benefit", "of"],
    &["for", "the", "account", "of"],
    &["for", "account", "of"],
    &["in", "the", "name", "of"],
    &["by", "order", "of"],
    &["per", "procura"],
    &["fbo"],
    &["f/b/o"],
    &["ffc"],
    &["fao"],
    &["attn"],
    &["attention"],
    &["c/o"],
    &["ifo"],
    &["obo"],
    &["o/b/o"],
    &["b/o"],
    &["a/c", "of"],
    &["a/c"],
    // What banks in the euro area write (German, French, Spanish, Italian, Polish), and
    // Ukrainian and Belarusian besides the Russian above: a round 32 probe found `zugunsten`,
    // `en faveur de` and `Per procura` before a listed name weighing as words of it.
    &["zugunsten", "von"],
    &["zugunsten"],
    &["zu", "gunsten", "von"],
    &["zu", "gunsten"],
    &["zu", "handen", "von"],
    &["zu", "handen"],
    // `z. Hd.` / `z.Hd.`, zu Handen abbreviated (words are compared without their last dot).
    &["z", "hd"],
    &["z.hd"],
    &["im", "auftrag", "von"],
    &["en", "faveur", "de"],
    &["au", "profit", "de"],
    &["pour", "le", "compte", "de"],
    &["a", "l'attention", "de"],
    &["a", "l’attention", "de"],
    &["a", "l'ordre", "de"],
    &["a", "l’ordre", "de"],
    &["a", "favor", "de"],
    &["en", "favor", "de"],
    &["por", "cuenta", "de"],
    &["a", "nombre", "de"],
    &["a", "favore", "di"],
    &["in", "favore", "di"],
    &["per", "conto", "di"],
    &["na", "rzecz"],
    &["w", "imieniu"],
    &["в", "интересах"],
    &["на", "ім'я"],
    &["на", "ім’я"],
    &["від", "імені"],
    &["на", "імя"],
    &["ад", "імя"],
];

/// After a citizen's marker, the country (`Гражданин РБ`, `гражданка Украины`).
const CITIZEN_OF: &[&str] = &["рб", "рф", "беларуси", "россии", "украины", "казахстана", "республики"];

/// Words (lower case, without their dots) that introduce a tax, registration, bank or account
/// number: with that number they are a reference, not a name.
const REFERENCE: &[&str] = &[
    "инн",
    "унп",
    "кпп",
    "огрн",
    "огрнип",
    "окпо",
    "бин",
    "иин",
    "єдрпоу",
    "едрпоу",
    "рнокпп",
    "ипн",
    "бик",
    "бік",
    "мфо",
    "р/с",
    "р/сч",
    "л/с",
    "к/с",
    "сч",
    "счет",
    "счёт",
    "рахунок",
    "inn",
    "unp",
    "kpp",
    "ogrn",
    "okpo",
    "bin",
    "iin",
    "edrpou",
    "bik",
    "mfo",
    "tin",
    "vat",
    "swift",
    "bic",
    "iban",
    "acc",
    "account",
    "a/c",
];

/// Words (lower case, without their dots) that start an address or name a place, when they open
/// a part of the field after a comma (`…, г. Минск`, `…, MINSK, BELARUS`).
const ADDRESS: &[&str] = &[
    "г",
    "гор",
    "город",
    "ул",
    "улица",
    "вул",
    "вулиця",
    "вуліца",
    "пр",
    "пр-т",
    "просп",
    "проспект",
    "пер",
    "переулок",
    "д",
    "дом",
    "кв",
    "обл",
    "область",
    "р-н",
    "район",
    "пос",
    "пгт",
    "аг",
    "м",
    "республика",
    "рэспубліка",
    "республіка",
    "рб",
    "рф",
    "g",
    "ul",
    "str",
    "street",
    "city",
    "oblast",
    "region",
    "district",
    "republic",
];

/// Countries and towns (lower case) a payment names beside a party: places after a comma as the
/// words of [`ADDRESS`] are, and at the very end of the field without one (`Belavia Minsk`,
/// `Белавиа Гродно`, round 15 found a brand with its city CLEAR), taken away in the further
/// reading.
const TOWNS: &[&str] = &[
    "беларусь",
    "россия",
    "украина",
    "україна",
    "казахстан",
    "минск",
    "мінск",
    "москва",
    "киев",
    "київ",
    "алматы",
    "belarus",
    "minsk",
    "russia",
    "moscow",
    "ukraine",
    "kyiv",
    "kiev",
    "kazakhstan",
    "almaty",
    // Belarus's regional capitals, in Russian, Belarusian and Latin spellings: the towns a
    // payment to or from Belarus most often names after or before a party.
    "брест",
    "брэст",
    "гомель",
    "гродно",
    "гродна",
    "могилев",
    "могилёв",
    "магілёў",
    "витебск",
    "віцебск",
    "brest",
    "gomel",
    "homel",
    "grodno",
    "hrodna",
    "mogilev",
    "mogilyov",
    "mahilyow",
    "mahilioŭ",
    "vitebsk",
    "viciebsk",
    // Belarus's other towns of 50,000 people or more.
    "бобруйск",
    "бабруйск",
    "борисов",
    "барысаў",
    "барановичи",
    "баранавічы",
    "пинск",
    "пінск",
    "орша",
    "мозырь",
    "мазыр",
    "солигорск",
    "салігорск",
    "новополоцк",
    "наваполацк",
    "полоцк",
    "полацк",
    "лида",
    "ліда",
    "молодечно",
    "маладзечна",
    "жлобин",
    "жлобін",
    "светлогорск",
    "светлагорск",
    "речица",
    "рэчыца",
    "жодино",
    "жодзіна",
    "слуцк",
    "bobruisk",
    "bobruysk",
    "babruysk",
    "borisov",
    "barysaw",
    "baranovichi",
    "baranavichy",
    "pinsk",
    "orsha",
    "mozyr",
    "mazyr",
    "soligorsk",
    "salihorsk",
    "novopolotsk",
    "navapolatsk",
    "polotsk",
    "polatsk",
    "lida",
    "molodechno",
    "maladzyechna",
    "zhlobin",
    "svetlogorsk",
    "svietlahorsk",
    "rechitsa",
    "rechytsa",
    "zhodino",
    "zhodzina",
    "slutsk",
];

/// Words (lower case, without their dots) that open what a payment order adds after the name
/// besides an address: a telephone, an invoice, a contract (`tel. +375 17 2001234`, `inv.
/// 12/2024`, `по договору №5`; round 16 found listed names so followed kept their BLOCK in 1 %
/// of cases). They cut the rest of the field in the further reading when a number follows.
const CONTACT: &[&str] = &[
    "tel",
    "phone",
    "ph",
    "mob",
    "fax",
    "тел",
    "телефон",
    "факс",
    "inv",
    "invoice",
    "contract",
    "agreement",
    "договор",
    "договору",
    "дог",
    "контракт",
    "контракту",
];

/// Words (lower case, without their dots) that make the word before them a region or a town
/// (`Minsk region`, `Минская обл.`, `Gomel obl`, `Minsk city`).
const REGION: &[&str] =
    &["region", "oblast", "obl", "voblasts", "city", "district", "raion", "rayon", "обл", "область", "р-н", "район"];

/// Whether a word (lower case) names a place or opens an address.
fn is_place_word(word: &str) -> bool {
    place_sets().0.contains(word)
}

/// Whether a word (lower case) is a town or a country ([`TOWNS`]).
fn is_town(word: &str) -> bool {
    place_sets().1.contains(word)
}

/// [`ADDRESS`] with [`TOWNS`], and [`TOWNS`] alone, as sets built once: asked of a field's words
/// one by one, a scan of the tables' 170 words each time was per-request work.
fn place_sets() -> &'static (rustc_hash::FxHashSet<&'static str>, rustc_hash::FxHashSet<&'static str>) {
    type Sets = (rustc_hash::FxHashSet<&'static str>, rustc_hash::FxHashSet<&'static str>);
    static SETS: std::sync::OnceLock<Sets> = std::sync::OnceLock::new();
    SETS.get_or_init(|| (ADDRESS.iter().chain(TOWNS).copied().collect(), TOWNS.iter().copied().collect()))
}

/// Whether a word (lower case, as [`bare`] leaves it) is a street word, up to its first dot
/// (`ул.Ленина`, `p.o`).
fn is_street_word(word: &str) -> bool {
    STREET.contains(&word.split_once('.').map_or(word, |(m, _)| m))
}

/// Whether a word (lower case, as [`bare`] leaves it) opens a post box (`P.O. Box`, `PO Box`).
fn opens_post_box(word: &str) -> bool {
    matches!(word, "p.o" | "po")
}

/// Words (lower case, without their dots) of a street address, or a postcode: no name holds them
/// after a comma, as a city it may (see [`ADDRESS`]).
const STREET: &[&str] = &[
    "ул",
    "улица",
    "вул",
    "вулиця",
    "вуліца",
    "пр-т",
    "просп",
    "проспект",
    "пер",
    "переулок",
    "д",
    "дом",
    "кв",
    "str",
    "street",
    "ul",
    // As the lists write their companies' addresses in Latin letters (`11 Sovetskaya St.`,
    // `Kosmonavtov ave. 100`, `Shosse Minskoe 4`, `Room 20`, `bld. 7`).
    "st",
    "ave",
    "avenue",
    "prospect",
    "prospekt",
    "prosp",
    "blvd",
    "boulevard",
    "road",
    "rd",
    "lane",
    "shosse",
    "highway",
    "sq",
    "square",
    "office",
    "room",
    "building",
    "bldg",
    "bld",
    "floor",
    "flat",
    "apt",
    "suite",
    // Romanised Russian, Belarusian and Ukrainian abbreviations, and other languages' streets
    // and post boxes (an outside test, round 15: `per.`, `pr-t`, `vul.`, `mkr.`, `Via`, `Rue`,
    // `P.O. Box` kept listed companies from BLOCK).
    "per",
    "pereulok",
    "pr-t",
    "vul",
    "vulitsa",
    "mkr",
    "mikrorayon",
    "naberezhnaya",
    "tract",
    "trakt",
    "via",
    "rue",
    "box",
    // A post box in Russian (`а/я 17`, абонентский ящик), and romanised; a flat, premises
    // and a block romanised (`kv. 5`, `pom. 7`, `korp. 2`).
    "а/я",
    "a/ya",
    "kv",
    "pom",
    "korp",
    "korpus",
    // A post box abbreviated (`POB 214`; round 16). Not `of.` (an office): as a word of a part
    // after a comma, `OF THE REPUBLIC OF BELARUS, per. …` read as an address took the name away.
    "pob",
];

/// Whether a word may open or close a name as a marker or a label (the tables' first words, all
/// Cyrillic), asked of most Cyrillic names' first and last words: lower-cased on the stack and
/// looked up in one set, since a lower-cased copy of each word and a scan of the tables were a
/// tenth of screening such a name.
fn is_known_edge_word(word: &str) -> bool {
    static SET: std::sync::OnceLock<rustc_hash::FxHashSet<String>> = std::sync::OnceLock::new();
    // Punctuation around a word is ASCII or quotes (`«ИП`, `ИНН:`): trimmed without Unicode's
    // tables, which took half of this.
    let w = word.trim_matches(|c: char| {
        matches!(c, '«' | '»' | '„' | '“' | '”' | '‘' | '’')
            || (c.is_ascii() && !c.is_ascii_alphanumeric() && c != '/' && c != '-')
    });
    if w.len() > 40 || !w.chars().next().is_some_and(super::translit::is_cyrillic) {
        return false;
    }
    // Cyrillic capitals by their code points (`char::to_lowercase` searches Unicode's table for
    // every letter); the tables hold no other letters.
    let lower = |c: char| match c {
        'А'..='Я' => char::from_u32(c as u32 + 0x20).unwrap_or(c),
        'Ѐ'..='Џ' => char::from_u32(c as u32 + 0x50).unwrap_or(c),
        c => c.to_ascii_lowercase(),
    };
    let mut buf = [0u8; 64];
    let mut len = 0;
    // Dots between a marker's letters go (`И.П.`).
    for c in w.chars().filter(|&c| c != '.').map(lower) {
        if len + c.len_utf8() > buf.len() {
            return false;
        }
        len += c.encode_utf8(&mut buf[len..]).len();
    }
    let set = SET.get_or_init(|| {
        MARKERS
            .iter()
            .chain(LABELS)
            .copied()
            .chain(PERSON_TWO_WORD_MARKERS.iter().chain(TWO_WORD_MARKERS).map(|m| m[0]))
            .chain(LONG_MARKERS.iter().chain(INTRODUCING).map(|m| m[0]))
            .chain(["рб", "рф"])
            .chain(TOWNS.iter().copied())
            .chain(REGION.iter().copied())
            .map(str::to_string)
            .chain(SOLE_PROPRIETOR.iter().map(|m| m.to_lowercase()))
            .collect()
    });
    std::str::from_utf8(&buf[..len]).is_ok_and(|l| set.contains(l))
}

/// A word in lower case without the punctuation around it (`«ИП`, `ИНН:`, `г.`), and without the
/// marks over its Latin letters (`Mińsk`, `Brześć`: the tables' words in Latin letters have none).
fn bare(word: &str) -> String {
    let w = word.trim_matches(|c: char| !(c.is_alphanumeric() || c == '/' || c == '-')).trim_end_matches('.');
    without_latin_marks(w).unwrap_or_else(|| w.to_lowercase())
}

/// A word with marked Latin letters (`ń`, `ś`, `ł`, `ü`), folded as names are (`normalize::fold`:
/// lower case, marks dropped); `None` for a word without any, as most are (ASCII, or Cyrillic).
fn without_latin_marks(word: &str) -> Option<String> {
    let marked = |c: char| matches!(c, '\u{C0}'..='\u{24F}' | '\u{1E00}'..='\u{1EFF}') && c != '×' && c != '÷';
    if word.is_ascii() || !word.chars().any(marked) {
        return None;
    }
    Some(super::fold(word).trim().to_string())
}

fn digits(s: &str) -> usize {
    s.chars().filter(char::is_ascii_digit).count()
}

/// An IBAN's shape: two letters, two check digits, and at least eleven letters or digits more.
fn is_iban(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() >= 15
        && w.is_ascii()
        && b[..2].iter().all(u8::is_ascii_alphabetic)
        && b[2..4].iter().all(u8::is_ascii_digit)
        && b.iter().all(u8::is_ascii_alphanumeric)
}

/// A number of at least `least` digits and two letters at most, or an IBAN.
fn is_number_of(word: &str, least: usize) -> bool {
    let w: String = word.chars().filter(|c| c.is_alphanumeric()).collect();
    let d = digits(&w);
    (d >= least && w.chars().count() - d <= 2) || is_iban(&w)
}

/// A number that is a reference rather than part of a name once a reference word introduces it:
/// five digits or more (a tax number, an account, `№600122610`).
fn is_reference_number(word: &str) -> bool {
    is_number_of(word, 5)
}

/// A number long enough to be an account or a tax number wherever it stands (nine digits or
/// more): no person's name holds one, and a word in leet (`84kh75183k4v1ch`) has more letters.
fn is_account_number(word: &str) -> bool {
    is_number_of(word, 9)
}

/// A reference word glued to its number (`ИНН7712345678`, `УНП:600122610`).
fn is_glued_reference(word: &str) -> bool {
    let w = bare(word);
    REFERENCE
        .iter()
        .any(|r| w.strip_prefix(r).is_some_and(|rest| is_reference_number(rest.trim_start_matches([':', '№', '#']))))
}

/// The name without what a payment order adds around it that no name holds and that cannot take
/// a name with it (see the module documentation): labels, markers of trade or status, numbers a
/// reference word introduces, a country's abbreviation at the end. The name itself when there is
/// nothing to take away, as for most names. What names may hold (a city: `музей г. Мариуполя`,
/// `ZAVOD IM. KALININA, G. YEKATERINBURG`; a number: `K2016212771 SOUTH AFRICA PTY LTD`), and
/// what cuts the rest of the field (an address, the bank after an account), are taken away only
/// by [`without_places`], screened besides.
pub fn without_boilerplate(name: &str) -> Cow<'_, str> {
    let once = match unglued_opening(name) {
        Some(unglued) => Cow::Owned(strip(&unglued, false).into_owned()),
        None => strip(name, false),
    };
    // An opening typed twice, the second onto the name (`FBO FBOAleksandr Lukashenko`, a
    // clerk's paste over a template's): the first taken away, the second is the name's opening
    // now. Asked only of a name something was taken from.
    match &once {
        Cow::Owned(stripped) => match unglued_opening(stripped) {
            Some(unglued) => Cow::Owned(strip(&unglued, false).into_owned()),
            None => once,
        },
        Cow::Borrowed(_) => once,
    }
}

/// The name with words saying whom a payment is for ([`INTRODUCING`]) parted from the name's
/// first word when typed onto it (`FBOGenadz Andreevich BOGDAN`, `For benefit ofViktor …`,
/// `attnAleksandr ASTREIKO`, `в пользуРаман …`), or `None` when no opening is so glued (most
/// names). The glued word hid the name's first word, and with it the name (round 29: 5.5 % of
/// listed persons behind such openings CLEAR). The name's word must begin with a capital and a
/// small letter after it, or a capital after an opening in small letters, or follow an opening no
/// name begins with ([`UNMISTAKABLE_OPENINGS`]), so that a name merely beginning as an opening
/// does (`Faostino`, `Attenborough`, `FAOSTINO`) is left as it is.
fn unglued_opening(name: &str) -> Option<String> {
    // Asked of every name: most begin with a letter no opening begins with, and are done with at
    // their first letter (a pass over every opening cost 3 % of screening a name).
    let first = name.trim_start().chars().next()?;
    let first = if first.is_ascii() { first.to_ascii_lowercase() } else { first.to_lowercase().next()? };
    // The openings by their first letter, built once: most names begin with a letter no opening
    // begins with and are done with here, and the others walk only their letter's few openings
    // (walking the table of sixty for every name cost 5 % of screening one).
    type ByFirst = Vec<(char, Vec<&'static [&'static str]>)>;
    static BY_FIRST: std::sync::OnceLock<ByFirst> = std::sync::OnceLock::new();
    let by_first = BY_FIRST.get_or_init(|| {
        let mut out: ByFirst = Vec::new();
        for &phrase in INTRODUCING {
            let Some(c) = phrase[0].chars().next() else { continue };
            match out.iter_mut().find(|(f, _)| *f == c) {
                Some((_, phrases)) => phrases.push(phrase),
                None => out.push((c, vec![phrase])),
            }
        }
        out
    });
    let phrases = &by_first.iter().find(|(c, _)| *c == first)?.1;
    let first_word = name.split_whitespace().next()?;
    phrases.iter().find_map(|phrase| {
        // A phrase of several words begins with the name's first word, whole.
        if phrase.len() > 1 && first_word.len() != phrase[0].len() {
            return None;
        }
        let (last, before) = phrase.split_last()?;
        let mut words = name.split_whitespace();
        if !before.iter().all(|b| words.next().is_some_and(|w| eq_lower(w, b))) {
            return None;
        }
        let glued = words.next()?;
        let cut = lower_prefix(glued, last)?;
        let mut rest = glued[cut..].chars();
        let (next, after) = (rest.next(), rest.next());
        let capital = next.is_some_and(char::is_uppercase);
        // A capitalised word (`FBOGenadz`), or a capital after the opening typed in small letters
        // (`ofCENTRAL`, `attnOMON`); after an opening no word begins with, or the last word of
        // one whose words before it are there, a capital, a digit or a quote (`F/B/O140 REMONTNYI
        // ZAVOD`, `FBO"Тетрахедър"`, `C/OTAVARYSTVA`, `FOR BENEFIT OFBELARUSKALI`; not `Ffcar`).
        let unmistakable = !before.is_empty() || last.contains('/') || UNMISTAKABLE_OPENINGS.contains(last);
        let case_says =
            capital && (after.is_some_and(char::is_lowercase) || glued[..cut].chars().any(char::is_lowercase));
        if !(case_says
            || (unmistakable && next.is_some_and(|c| c.is_uppercase() || c.is_numeric() || QUOTES.contains(&c))))
        {
            return None;
        }
        // `glued` is a slice of `name`: where it starts there.
        let at = glued.as_ptr() as usize - name.as_ptr() as usize + cut;
        Some(format!("{} {}", &name[..at], &name[at..]))
    })
}

/// Openings of [`INTRODUCING`] (besides those with a slash) that no word of a name begins with:
/// glued to a name in capitals they are still parted from it ([`unglued_opening`]). Not `fao`
/// (`FAOSTINO`) or `attention`.
const UNMISTAKABLE_OPENINGS: [&str; 3] = ["fbo", "ffc", "attn"];

/// Quotation marks a company's name opens with (`FBO"Тетрахедър"`).
const QUOTES: [char; 6] = ['"', '«', '“', '„', '\'', '‘'];

/// Whether a word is `lower` (a table's word, in lower case) in any case.
fn eq_lower(word: &str, lower: &str) -> bool {
    lower_prefix(word, lower) == Some(word.len())
}

/// The length in bytes of the start of `word` that is `lower` (a table's word, in lower case)
/// in any case, if it starts so.
fn lower_prefix(word: &str, lower: &str) -> Option<usize> {
    let mut chars = word.char_indices();
    for p in lower.chars() {
        let (_, c) = chars.next()?;
        if c != p && !c.to_lowercase().eq(std::iter::once(p)) {
            return None;
        }
    }
    Some(chars.next().map_or(word.len(), |(i, _)| i))
}

/// The name also without an address or a city or country after a comma or a lower-case `г.`,
/// without the bank after an account, and without a number no reference word introduces: a
/// further reading, screened besides the name (the lists name companies by their city, `ZAVOD IM.
/// KALININA, G. YEKATERINBURG`, and an address typed inside a name would otherwise hide it), or
/// `None` when it differs in nothing from [`without_boilerplate`].
pub fn without_places(name: &str) -> Option<String> {
    let unglued = unglued_opening(name);
    let name = unglued.as_deref().unwrap_or(name);
    let parted = with_parts_marked(name);
    if !may_hold_boilerplate(&parted) {
        return None;
    }
    // Without a comma first: `P.O. Box 17 АЗЕМША, Сергей` holds the name in its first part.
    let after_address = after_a_leading_address_unparted(&parted).or_else(|| after_a_leading_address(&parted));
    // A town closing what follows an address written first is the name's (`…, CEC BELARUS`).
    let town_last = after_address.is_none();
    match (strip_any(after_address.unwrap_or(&parted), true, town_last), after_address) {
        (Cow::Owned(more), _) if *more != *strip_any(name, false, false) => Some(more),
        (Cow::Borrowed(rest), Some(_)) => Some(rest.to_string()),
        _ => None,
    }
}

/// The name of a company's branch or representative office without the words that say so
/// (`Representative office of KB RADAR in Moscow`, `OAO TAE AVIA Minsk branch`, `Филиал ОАО
/// «Белшина»`): a branch is the listed company, and the words, weighing as much as a rare
/// name's, had made round 23's listed companies CLEAR (26.8 % of representative offices). A
/// further reading (`matcher::query_text::note_readings`), or `None` when the name says nothing
/// of a branch. A town before a closing word goes with it, as does `in` a town after an opening
/// one.
pub fn without_branch(name: &str) -> Option<String> {
    const OPENING: [&[&str]; 9] = [
        &["representative", "office", "of"],
        &["representation", "of"],
        &["branch", "office", "of"],
        &["the", "branch", "of"],
        &["branch", "of"],
        &["filial"],
        &["филиал"],
        &["представительство"],
        &["oddzial"],
    ];
    const CLOSING: [&[&str]; 7] = [
        &["representative", "office"],
        &["rep", "office"],
        &["branch", "office"],
        &["branch"],
        &["filial"],
        &["филиал"],
        &["представительство"],
    ];
    // Asked of every name: the marks looked for in one pass over its bytes, without a copy
    // (`branch`, `represent`, `filial`, `oddział` in any case; the Cyrillic words only in a name
    // that is not ASCII).
    let h = name.as_bytes();
    let at = |i: usize, rest: &[u8]| h.get(i + 1..i + 1 + rest.len()).is_some_and(|w| w.eq_ignore_ascii_case(rest));
    let latin = (0..h.len()).any(|i| match h[i] | 0x20 {
        b'b' => at(i, b"ranch"),
        b'r' => at(i, b"epresent"),
        b'f' => at(i, b"ilial"),
        b'o' => at(i, b"ddzia"),
        _ => false,
    });
    let cyrillic = || ["илиал", "ИЛИАЛ", "редстав", "РЕДСТАВ"].iter().any(|m| name.contains(m));
    if !(latin || (!name.is_ascii() && cyrillic())) {
        return None;
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    let lw: Vec<String> = words.iter().map(|w| bare(w)).collect();
    let (mut from, mut to) = (0, words.len());
    if let Some(p) =
        OPENING.iter().find(|p| lw.len() > p.len() && lw[..p.len()].iter().zip(p.iter()).all(|(a, b)| a == b))
    {
        from = p.len();
    }
    if let Some(p) =
        CLOSING.iter().find(|p| to - from > p.len() && lw[to - p.len()..].iter().zip(p.iter()).all(|(a, b)| a == b))
    {
        to -= p.len();
        if to - from > 2 && is_town(&lw[to - 1]) {
            to -= 1;
        }
    }
    if from == 0 && to == words.len() {
        return None;
    }
    if from > 0 {
        if let Some(k) =
            (to.saturating_sub(3)..to).find(|&k| k > from + 1 && matches!(lw[k].as_str(), "in" | "в" | "w"))
        {
            to = k;
        }
    }
    let rest = words[from..to].join(" ");
    (!rest.is_empty()).then_some(rest)
}

/// The field with the other marks payment orders part a name from its address by written as
/// commas: a semicolon, a line break, a bar, and a dash between spaces before what opens an
/// address, a number, a street, a post box or a place (an outside test, round 15: `Bank
/// Dabrabyt; P.O. Box 589, Minsk` kept a listed bank CLEAR). Other dashes stay: listed names
/// hold them (`ATE - Engineering LLC`).
fn with_parts_marked(name: &str) -> Cow<'_, str> {
    const DASHES: [&str; 3] = [" - ", " – ", " — "];
    let address_dash = |rest: &str| {
        DASHES.iter().find(|d| {
            rest.starts_with(**d) && {
                let next = bare(rest[d.len()..].split_whitespace().next().unwrap_or_default());
                next.starts_with(|c: char| c.is_ascii_digit())
                    || is_street_word(&next)
                    || is_place_word(&next)
                    || opens_post_box(&next)
            }
        })
    };
    // Most names hold none of these, nor a dash after a space (0xE2 opens the long dashes): one
    // pass to see.
    let b = name.as_bytes();
    // A comma glued to the letter after it (`ул.Ленина,д.5`) parts as one with a space.
    let glued = |i: usize| b[i] == b',' && b.get(i + 1).is_some_and(|&n| n.is_ascii_alphabetic() || n >= 0x80);
    let marked = b.iter().enumerate().any(|(i, &c)| {
        matches!(c, b';' | b'\n' | b'\r' | b'|') || (matches!(c, b'-' | 0xE2) && i > 0 && b[i - 1] == b' ') || glued(i)
    });
    if !marked {
        return Cow::Borrowed(name);
    }
    let dashed = DASHES.iter().any(|d| name.match_indices(d).any(|(i, _)| address_dash(&name[i..]).is_some()));
    if !dashed && !name.contains([';', '\n', '\r', '|']) && !(0..b.len()).any(glued) {
        return Cow::Borrowed(name);
    }
    let mut out = String::with_capacity(name.len() + 8);
    let mut rest = name;
    while let Some(c) = rest.chars().next() {
        if let Some(d) = address_dash(rest) {
            out.push_str(", ");
            rest = &rest[d.len()..];
            continue;
        }
        match c {
            ';' | '\n' | '\r' | '|' => out.push_str(", "),
            ',' if glued(name.len() - rest.len()) => out.push_str(", "),
            c => out.push(c),
        }
        rest = &rest[c.len_utf8()..];
    }
    Cow::Owned(out)
}

/// What follows an address written before the name (`P.O. Box 589, Minsk, Bank Dabrabyt`): the
/// field's first part is a postcode, or opens with a street word, a number or a post box and
/// holds a street word and a number; the parts after it that are places (a city, a postcode, a
/// country, more of the address) go with it. `None` when the field does not open so, or nothing
/// is left.
fn after_a_leading_address(field: &str) -> Option<&str> {
    let mut parts = field.split_inclusive(',');
    let first = parts.next()?;
    let words = |part: &str| part.split_whitespace().map(bare).filter(|w| !w.is_empty()).collect::<Vec<String>>();
    let street = |w: &String| is_street_word(w);
    let number = |w: &String| w.bytes().any(|b| b.is_ascii_digit());
    let head = words(first);
    let opens = head.first().is_some_and(|w| street(w) || number(w) || opens_post_box(w));
    let postcode = |w: &[String]| w.len() == 1 && w[0].len() == 6 && w[0].bytes().all(|b| b.is_ascii_digit());
    // A town first, with its postcode or before a street and number (`220030 Minsk, ul. Lenina 5,
    // CEC BELARUS`, `Minsk, ul. Lenina 5, …`: round 23 found listed companies so written CLEAR).
    let town_first = head.len() <= 2
        && head.iter().any(|w| is_town(w))
        && head.iter().all(|w| is_town(w) || postcode(std::slice::from_ref(w)));
    let street_next = || {
        let next = field[first.len()..].split_inclusive(',').next().map(words).unwrap_or_default();
        next.iter().any(street) && next.iter().any(number)
    };
    let town_opens = town_first && (head.len() == 2 || street_next());
    if !(postcode(&head) || town_opens || opens && head.iter().any(street) && head.iter().any(number)) {
        return None;
    }
    let mut at = first.len();
    for part in parts {
        let w = words(part);
        let place = w.iter().all(|w| {
            is_place_word(w)
                || w.bytes().all(|b| b.is_ascii_digit())
                || w.split_once('.').is_some_and(|(m, _)| is_place_word(m))
        });
        let country = {
            let key = crate::normalize::country_key(part.trim_end_matches(','));
            key.len() == 2 && key.bytes().all(|b| b.is_ascii_uppercase())
        };
        // More of the address: a street word with a number, a postcode, or a street word opening
        // a part before another (`ул. Ленина, д. 5, …`; last, `RUE BELTAMOZHSERVICE` is a name).
        let last = field[at + part.len()..].trim().is_empty() || !part.ends_with(',');
        let more =
            (w.iter().any(street) && w.iter().any(number)) || postcode(&w) || (!last && w.first().is_some_and(street));
        // A town the tables do not know stays: `…, Mogilev, Khazalbek Atabekov` and `…,
        // АСТРЭЙКА, Аляксандр` are written alike.
        if w.is_empty() || !(place || country || more) {
            break;
        }
        at += part.len();
    }
    let rest = field[at..].trim();
    rest.chars().any(char::is_alphabetic).then_some(rest)
}

/// What follows an address written before the name with no comma (`P.O. Box 5 KB RADAR`, `ul.
/// Lenina 5 Bank Dabrabyt`, `220004 Minsk Bank Dabrabyt`, `г. Минск Банк Дабрабыт`, `BY Bank
/// Dabrabyt`): a post box with its number, a street word with the number after it, a postcode,
/// the city abbreviated (`г. Минск`), a country's code. A town after them stays: listed names
/// open with theirs (`P.O. Box 17 Minsk Tractor Works`). `None` unless two words are left.
fn after_a_leading_address_unparted(field: &str) -> Option<&str> {
    // Most fields open with a word of the name: asked of the first word before anything is built.
    let first = field.split_whitespace().next()?;
    let f = bare(first);
    let postcode = f.len() == 6 && f.bytes().all(|b| b.is_ascii_digit());
    if !(opens_post_box(&f) || is_street_word(&f) || postcode || is_country_code(first) || f == "г") {
        return None;
    }
    let words: Vec<(usize, &str)> =
        field.split_whitespace().map(|w| (w.as_ptr() as usize - field.as_ptr() as usize, w)).collect();
    let lower: Vec<String> = words.iter().map(|(_, w)| bare(w)).collect();
    // A house number or a postcode as written, not a telephone (`+375 …`).
    let number = |k: usize| {
        words.get(k).is_some_and(|(_, w)| {
            let w = w.trim_end_matches([',', '.', ';']);
            !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit())
        })
    };
    // No comma between: the address is written without one.
    let joined = |i: usize, k: usize| !words[i..k].iter().any(|(_, w)| w.ends_with(','));
    let mut i = 0;
    while i + 2 < words.len() {
        i = if opens_post_box(&lower[i]) && lower[i + 1] == "box" && number(i + 2) {
            i + 3
        } else if is_street_word(&lower[i]) {
            match (i + 1..(i + 4).min(words.len())).find(|&k| number(k) && joined(i, k)) {
                Some(k) => k + 1,
                None => break,
            }
        } else if (lower[i].len() == 6 && number(i)) || is_country_code(words[i].1) {
            i + 1
        } else if lower[i] == "г" {
            i + 2
        } else {
            break;
        };
    }
    // An address closed by a comma is [`after_a_leading_address`]'s, as is one that goes on to
    // its town and a comma (`220030 Minsk, ul. Lenina 5, …`).
    let town_then_comma = words.get(i).is_some_and(|(_, w)| w.ends_with(',')) && is_town(&lower[i]);
    if i == 0 || words.len().saturating_sub(i) < 2 || words[i - 1].1.ends_with(',') || town_then_comma {
        return None;
    }
    Some(field[words[i].0..].trim())
}

/// Whether the name may hold any of this, asked first of every name: most hold no digit, comma
/// or colon, no `г.`, and start and end with a word of their name (screening a name of the dev
/// set cost 19 % more instructions when every name was taken apart).
fn may_hold_boilerplate(name: &str) -> bool {
    let (mut ascii, mut comma, mut city) = (true, false, false);
    let b = name.as_bytes();
    for (i, &c) in b.iter().enumerate() {
        if c.is_ascii_digit() || c == b':' || c == b'@' {
            return true;
        }
        comma |= c == b',';
        ascii &= c.is_ascii();
        // `г.` (U+0433 is 0xD0 0xB3 in UTF-8).
        city |= c == b'.' && i >= 2 && b[i - 2] == 0xD0 && b[i - 1] == 0xB3;
    }
    let mut words = name.split_ascii_whitespace();
    let (first, last) = (words.next().unwrap_or_default(), words.next_back().unwrap_or_default());
    if ascii {
        // In Latin letters, a comma matters only before a place (`…, MINSK, BELARUS`).
        let place_after_comma = comma
            && name.split(',').skip(1).any(|part| {
                let word = part.split_whitespace().next().unwrap_or_default().trim_end_matches('.');
                latin_word_in(word, LatinWords::Place)
            });
        return place_after_comma
            || is_country_code(last)
            || is_country_code(first)
            || latin_word_in(last.trim_end_matches(['.', ',']), LatinWords::Town)
            || latin_word_in(first.trim_end_matches('.'), LatinWords::MarkerStart);
    }
    if comma || city {
        return true;
    }
    // A town in Latin letters with their marks (`Mińsk`).
    let marked_town =
        || without_latin_marks(last.trim_end_matches(['.', ','])).is_some_and(|w| latin_word_in(&w, LatinWords::Town));
    // An opening with its marks (`À l'attention de`, as French writes it: round 33 found it
    // before a listed name REVIEW where `A l'attention de` was taken away).
    let marked_opening = || without_latin_marks(first).is_some_and(|w| latin_word_in(&w, LatinWords::MarkerStart));
    is_known_edge_word(first)
        || is_known_edge_word(last)
        || marked_town()
        || marked_opening()
        || name.split_ascii_whitespace().nth(1).is_some_and(|second| spaced_sole_proprietor(first, second, false))
        || latin_word_in(first, LatinWords::MarkerStart)
        || latin_word_in(last.trim_end_matches(['.', ',']), LatinWords::Town)
        || is_country_code(first)
        || is_country_code(last)
}

/// Whether a word is a country's code as payments to and from the region write it beside a
/// name, in Latin capitals (`BY`, `RB`).
fn is_country_code(word: &str) -> bool {
    matches!(word, "BY" | "RB" | "RF" | "RU" | "UA" | "KZ")
}

/// Which of the tables' words in Latin letters [`latin_word_in`] looks a word up among.
#[derive(Clone, Copy)]
enum LatinWords {
    /// A place or a street ([`ADDRESS`], [`TOWNS`], [`STREET`]).
    Place = 0,
    /// A town or a country ([`TOWNS`]), or a word making the one before it a region ([`REGION`]).
    Town = 1,
    /// The first word of a person's marker (`Individual Entrepreneur`, `Sole Proprietor`) or of
    /// words saying whom a payment is for ([`INTRODUCING`]: `on behalf of`).
    MarkerStart = 2,
}

/// Whether an ASCII word is one of the tables' words in Latin letters, in any case: lower-cased
/// on the stack and looked up in one set, since [`may_hold_boilerplate`] asks it of every name
/// in Latin letters and a scan of the tables cost 4 % of screening one.
fn latin_word_in(word: &str, which: LatinWords) -> bool {
    /// Each set's words, and a mask of their lengths: most words are turned away by their length
    /// before they are lower-cased and hashed.
    type Sets = [(rustc_hash::FxHashSet<&'static str>, u32); 3];
    static SETS: std::sync::OnceLock<Sets> = std::sync::OnceLock::new();
    let mut buf = [0u8; 24];
    if word.is_empty() || word.len() > buf.len() || !word.is_ascii() {
        return false;
    }
    let sets = SETS.get_or_init(|| {
        let ascii = |t: &'static [&'static str]| t.iter().copied().filter(|w| w.is_ascii());
        let with_lengths = |set: rustc_hash::FxHashSet<&'static str>| {
            let lengths = set.iter().filter(|w| w.len() < 32).fold(0u32, |m, w| m | 1 << w.len());
            (set, lengths)
        };
        [
            with_lengths(ascii(ADDRESS).chain(ascii(TOWNS)).chain(ascii(STREET)).collect()),
            with_lengths(ascii(TOWNS).chain(ascii(REGION)).collect()),
            with_lengths(
                PERSON_TWO_WORD_MARKERS
                    .iter()
                    .map(|m| m[0])
                    .chain(INTRODUCING.iter().map(|m| m[0]))
                    .filter(|w| w.is_ascii())
                    .collect(),
            ),
        ]
    });
    let (set, lengths) = &sets[which as usize];
    if lengths >> word.len() & 1 == 0 {
        return false;
    }
    buf[..word.len()].copy_from_slice(word.as_bytes());
    buf[..word.len()].make_ascii_lowercase();
    std::str::from_utf8(&buf[..word.len()]).is_ok_and(|w| set.contains(w))
}

fn strip(name: &str, places: bool) -> Cow<'_, str> {
    if !may_hold_boilerplate(name) {
        return Cow::Borrowed(name);
    }
    strip_any(name, places, places)
}

/// [`strip`] without asking [`may_hold_boilerplate`] first; `town_last`: whether a town closing
/// the field may be taken away (in the further reading, `places`).
fn strip_any(name: &str, places: bool, town_last: bool) -> Cow<'_, str> {
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.len() < 2 {
        return Cow::Borrowed(name);
    }
    let lower: Vec<String> = words.iter().map(|w| bare(w)).collect();
    let mut keep = vec![true; words.len()];
    // The bank after an account is cut off only when a name was given before it: a name written
    // after `р/с … в` is not dropped with the bank.
    let named_before = |keep: &[bool], i: usize| (0..i).filter(|&j| keep[j]).count() >= 2;
    let mut end = words.len();
    // References: a reference word and its number; a number no name holds; after an account,
    // the bank it is held at (`р/с 40702810… в ПАО Сбербанк г. Москва`).
    let mut i = 0;
    while i < end {
        let separator = |j: usize| words.get(j).is_some_and(|w| matches!(*w, ":" | "№" | "#" | "-"));
        if REFERENCE.contains(&lower[i].as_str()) {
            let value = if separator(i + 1) { i + 2 } else { i + 1 };
            if words.get(value).is_some_and(|w| is_reference_number(w)) {
                keep[i..=value].iter_mut().for_each(|k| *k = false);
                if places && lower.get(value + 1).is_some_and(|w| w == "в") && named_before(&keep, i) {
                    end = value + 1;
                }
                i = value + 1;
                continue;
            }
        }
        if is_glued_reference(words[i]) || (places && is_account_number(words[i])) {
            keep[i] = false;
            if places && lower.get(i + 1).is_some_and(|w| w == "в") && named_before(&keep, i) {
                end = i + 1;
            }
        }
        i += 1;
    }
    // An address's abbreviations in lower case with their dot (`г.`, `ул.`, `д.`, `кв.`) after a
    // comma are no initials, which are capitals: read as initials they raised namesakes (`г.` as
    // the G. of a listed surname). Only the word goes; what follows it stays in the name screened
    // first.
    // After a comma: a company names its town without one (`музей г. Мариуполя`).
    let first_comma = words.iter().position(|w| w.ends_with(',')).map_or(end, |c| c + 1);
    for j in first_comma..end {
        let abbreviation = words[j].contains('.')
            && words[j].chars().next().is_some_and(|c| c.is_lowercase() && has_cyrillic(words[j]))
            && lower[j].split_once('.').map_or(lower[j].as_str(), |(m, _)| m).len() <= 6;
        let a = lower[j].split_once('.').map_or(lower[j].as_str(), |(m, _)| m);
        if abbreviation && (STREET.contains(&a) || matches!(a, "г" | "обл" | "р-н" | "гор")) {
            keep[j] = false;
        }
    }
    // In the further reading only (an outside test hid every listed person as `Лукашенко, ул.
    // Александр Григорьевич 5` when the name itself was cut): an address or a place after a comma
    // (its first or second word, `…, Минская обл.`), the rest of the field; without a comma, the
    // city in Russian abbreviated in lower case (`… г. Минск`, `… г.Минск`), which no initial is.
    let place = |j: usize| {
        is_place_word(&lower[j])
            || lower[j].split_once('.').is_some_and(|(m, rest)| !rest.is_empty() && is_place_word(m))
            || (lower[j].len() == 6 && lower[j].chars().all(|c| c.is_ascii_digit()))
    };
    let region =
        |j: usize| lower.get(j).is_some_and(|w| matches!(w.as_str(), "обл" | "область" | "р-н" | "район" | "вобл"));
    let city = |j: usize| {
        words[j] == "г." || (words[j].starts_with("г.") && words[j].chars().nth(2).is_some_and(char::is_alphabetic))
    };
    let street =
        |j: usize| is_street_word(&lower[j]) || (lower[j].len() == 6 && lower[j].chars().all(|c| c.is_ascii_digit()));
    // The words of the part of the field that starts at `j`, up to the next comma.
    let part = |j: usize| {
        let to = (j..end).find(|&k| words[k].ends_with(',')).map_or(end, |k| k + 1);
        j..to
    };
    // A part that is a country's name (`…, Cyprus`, `…, United States`).
    let country = |j: usize| {
        let name: Vec<&str> = part(j).map(|k| words[k].trim_end_matches(',')).collect();
        let key = crate::normalize::country_key(&name.join(" "));
        key.len() == 2 && key.bytes().all(|b| b.is_ascii_uppercase())
    };
    // Without a comma, where a post box or a street with its house number starts (`Bank
    // Dabrabyt P.O. Box 589 Minsk`, `… 11 Sovetskaya St. Minsk`), after two words of the name.
    // The words from `j` to `k` in one part of the field.
    let joined = |j: usize, k: usize| k < end && !words[j..k].iter().any(|w| w.ends_with(','));
    let number = |k: usize| k < end && !lower[k].is_empty() && lower[k].bytes().all(|b| b.is_ascii_digit());
    // What opens a telephone, an e-mail, an invoice or a contract after two words of the name:
    // a word of [`CONTACT`] with a number after it, an address with `@`, a number with `+`.
    let opens_contact_word = |j: usize| {
        j >= 2
            && ((CONTACT.contains(&lower[j].as_str())
                && (j + 1..(j + 3).min(end)).any(|k| words[k].bytes().any(|b| b.is_ascii_digit())))
                || (words[j].contains('@') && words[j].contains('.'))
                || (words[j].starts_with('+')
                    && words[j].len() > 3
                    && words[j][1..].bytes().take(3).all(|b| b.is_ascii_digit())))
    };
    // With the preposition before it (`по договору №5`, `under contract 5`).
    let opens_contact = |j: usize| {
        opens_contact_word(j)
            || (matches!(lower[j].as_str(), "по" | "under" | "per") && j + 1 < end && opens_contact_word(j + 1))
    };
    // A house number glued to its word (`д.5`, `d.5`).
    let glued_number = |k: usize| {
        k < end
            && lower[k]
                .split_once('.')
                .is_some_and(|(m, n)| is_street_word(m) && !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    };
    // The house after a comma, as Russian addresses write it (`ул. Ленина, д. 5`, `ул.Ленина,д.5`):
    // the house's own word, not any street word (`… OFFICE JSC, Office 305` is a name, then an
    // address).
    let house = |k: usize| matches!(lower[k].split_once('.').map_or(lower[k].as_str(), |(m, _)| m), "д" | "дом" | "d");
    let house_next = |j: usize| {
        let to = part(j).end;
        to - j <= 3 && to < end && house(to) && (glued_number(to) || number(to + 1))
    };
    let opens_address = |j: usize| {
        let street_at = |k: usize| joined(j, k) && street(k);
        let number_at = |k: usize| joined(j, k) && (number(k) || glued_number(k));
        let po = |k: usize| opens_post_box(&lower[k]) && lower.get(k + 1).is_some_and(|w| w == "box");
        j >= 2
            && (po(j)
                || (street(j) && (number_at(j + 1) || number_at(j + 2) || house_next(j)))
                || (number(j) && (street_at(j + 1) || (street_at(j + 2) && !po(j + 1)))))
    };
    if let Some(at) = (1..end).find(|&j| {
        let after_comma = words[j - 1].ends_with(',');
        if !places {
            false
        } else if (after_comma && (place(j) || (j + 1 < end && region(j + 1))))
            || (j >= 2 && city(j))
            || opens_address(j)
            || opens_contact(j)
        {
            true
        } else {
            // With a house number or a postcode after it: `…, ul. Aleksandr Grigoryevich` is a
            // name cut by one typed word, not an address.
            // A street word anywhere in the part (`…, 11 Sovetskaya St., Minsk`), or a country.
            // Where a post box or a house number opens the address later in the part (`…, Aleksandr
            // P.O. Box 5`), there.
            after_comma
                && (country(j)
                    || (part(j).any(street)
                        && words[j..end].iter().any(|w| w.bytes().any(|b| b.is_ascii_digit()))
                        && (street(j) || !part(j).skip(1).any(|k| opens_address(k) && !street(k)))))
        }
    }) {
        end = at;
        // Before a place, a part of one or two words after the name is a town the tables do not
        // know (`…, Mogilev, Belarus`), when the name before it has two words or more.
        while let Some(start) = (1..end).rev().find(|&j| places && words[j - 1].ends_with(',')) {
            let named = words[..start].iter().filter(|w| w.chars().any(char::is_alphanumeric)).count();
            if end - start > 2 || named < 2 {
                break;
            }
            end = start;
        }
    }
    // A country after the name (`… РБ`), in Cyrillic letters, or Belarus's code in Latin
    // capitals (`…, BY`): no listed name ends so, and read as a word `BY` met the surname BYKAU
    // (round 16).
    // Whether the field's end is still its own (no address taken away before it): a town closing
    // it may go (below).
    let whole_field = end == words.len();
    let of_the_name = |j: usize| {
        ["republic", "respublik", "республик", "рэспублік", "республік"].iter().any(|r| lower[j].starts_with(r))
            || matches!(
                lower[j].as_str(),
                "of" | "the" | "in" | "for" | "and" | "de" | "du" | "des" | "и" | "в" | "i" | "у"
            )
    };
    let belarus = |j: usize| {
        matches!(lower[j].as_str(), "рб" | "рф")
            || (matches!(words[j].trim_end_matches(['.', ',']), "BY" | "RB") && !of_the_name(j - 1))
    };
    while end > 2 && keep[..end].iter().filter(|k| **k).count() > 2 && belarus(end - 1) {
        end -= 1;
    }
    // In the further reading, the country's code in Latin capitals, alone or before a postcode
    // (`… BY`, `… RB`, `… BY-220004`): read as initials, it had met a listed alias's patronymic
    // (round 16).
    let country_code = |w: &str| {
        let (code, post) = w.split_once('-').unwrap_or((w, ""));
        is_country_code(code) && post.bytes().all(|b| b.is_ascii_digit())
    };
    // In the further reading, a town or a country closing the field without a comma (`Belavia
    // Minsk`), while a word is left; not one the name itself leads to (`… of the Republic of
    // Belarus`, `… Республики Беларусь`, `Bank in Minsk`), nor one left before an address taken
    // away, which is the name's (`CEC BELARUS, P.O. Box 112`). The two
    // in either order (`… BY-220004 Minsk`, `… Minsk BY`).
    while places && end > 2 && country_code(words[end - 1].trim_end_matches([',', '.'])) && !of_the_name(end - 2) {
        end -= 1;
    }
    // A region or a town named with its kind (`… Minsk region`, `… Минская обл.`) goes with the
    // word before it.
    // The name before it is left whole (`CEC BELARUS Gomel region`).
    // So does one before the country (`… Minsk region Belarus`).
    let region_at = |end: usize| {
        town_last && whole_field && end >= 4 && REGION.contains(&lower[end - 1].as_str()) && !of_the_name(end - 3)
    };
    let mut region_named = region_at(end);
    if region_named {
        end -= 2;
    }
    while town_last
        && whole_field
        && !region_named
        && end >= 2
        && (0..end - 1).any(|j| keep[j])
        && is_town(&lower[end - 1])
        && !of_the_name(end - 2)
    {
        end -= 1;
        while end > 2 && country_code(words[end - 1].trim_end_matches([',', '.'])) {
            end -= 1;
        }
        region_named = region_at(end);
        if region_named {
            end -= 2;
        }
    }
    // Markers of trade or status at the start (and after them, a citizen's country), then at the
    // end, while two words of the name are left.
    let kept = |keep: &[bool], end: usize| keep[..end].iter().filter(|k| **k).count();
    while let Some(first) = (0..end).find(|&j| keep[j]) {
        let next = (first + 1..end).find(|&j| keep[j]);
        let long = LONG_MARKERS.iter().chain(INTRODUCING).find(|m| {
            let at: Vec<usize> = (first..end).filter(|&j| keep[j]).take(m.len()).collect();
            at.len() == m.len() && at.iter().zip(m.iter()).all(|(&j, w)| lower[j] == *w)
        });
        let taken: Vec<usize> = if let Some(m) = long {
            (first..end).filter(|&j| keep[j]).take(m.len()).collect()
        } else if next.is_some_and(|n| {
            PERSON_TWO_WORD_MARKERS.iter().chain(TWO_WORD_MARKERS).any(|m| lower[first] == m[0] && lower[n] == m[1])
                || spaced_sole_proprietor(words[first], words[n], false)
        }) {
            vec![first, next.unwrap_or(first)]
        } else if (is_marker(&lower[first]) || LABELS.contains(&lower[first].as_str())) && has_cyrillic(words[first]) {
            let citizen = matches!(lower[first].as_str(), "гражданин" | "гражданка" | "громадянин" | "громадянка");
            match next {
                Some(n) if citizen && CITIZEN_OF.contains(&lower[n].as_str()) => vec![first, n],
                _ => vec![first],
            }
        } else {
            break;
        };
        // What is left must be a name: two words, or one in quotes after a legal form or a
        // label (`ГП «Белоруснефть»`, `Бенефициар: «Синезис»`), as companies are written.
        let rest = (first..end).filter(|&j| keep[j]).nth(taken.len());
        let quoted = rest.is_some_and(|j| words[j].starts_with(['«', '"', '„', '“', '\'']));
        let labelled = (LABELS.contains(&lower[first].as_str()) && words[first].ends_with(':'))
            || long.is_some_and(|m| INTRODUCING.contains(m));
        if kept(&keep, end) < taken.len() + if quoted || labelled { 1 } else { 2 } {
            break;
        }
        taken.iter().for_each(|&j| keep[j] = false);
    }
    if let Some(last) = (0..end).rev().find(|&j| keep[j]) {
        if is_marker(&lower[last]) && has_cyrillic(words[last]) && kept(&keep, end) >= 3 {
            keep[last] = false;
        }
    }
    if end == words.len() && keep.iter().all(|k| *k) {
        return Cow::Borrowed(name);
    }
    let out: Vec<&str> = (0..end).filter(|&j| keep[j]).map(|j| words[j]).collect();
    if out.is_empty() {
        return Cow::Borrowed(name);
    }
    // A comma that closed a part taken away is no longer the name's.
    // So is a dash that parted them (`Bank Dabrabyt – 11 Sovetskaya St.`).
    Cow::Owned(out.join(" ").trim_end_matches([',', ';', ' ', '-', '–', '—']).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cut(name: &str) -> String {
        without_boilerplate(name).into_owned()
    }

    fn places(name: &str) -> String {
        without_places(name).unwrap_or_else(|| cut(name))
    }

    #[test]
    fn an_opening_typed_onto_the_name_is_parted_from_it_and_taken_away() {
        assert_eq!(cut("FBOGenadz Andreevich BOGDAN"), "Genadz Andreevich BOGDAN");
        assert_eq!(cut("FBO FBOGenadz Andreevich BOGDAN"), "Genadz Andreevich BOGDAN");
        assert_eq!(cut("For benefit ofViktor Hryhoryavich GOLOVANOV"), "Viktor Hryhoryavich GOLOVANOV");
        assert_eq!(cut("For the benefit ofAliaksandr ASTREIKA"), "Aliaksandr ASTREIKA");
        assert_eq!(cut("attnAleksandr ASTREIKO"), "Aleksandr ASTREIKO");
        assert_eq!(cut("в пользуРаман Іванавіч БІЗЮК"), "Раман Іванавіч БІЗЮК");
        assert_eq!(cut("C/OГеннадий Иванович Кудласевич"), "Геннадий Иванович Кудласевич");
        assert_eq!(cut("For benefit ofCENTRAL ELECTION COMMISSION"), "CENTRAL ELECTION COMMISSION");
        assert_eq!(cut("F/B/O140 REMONTNYI ZAVOD OAO"), "140 REMONTNYI ZAVOD OAO");
        assert_eq!(cut("FBOBELNEFTEGAZ"), "BELNEFTEGAZ");
        assert_eq!(cut("FOR BENEFIT OFBELARUSKALI"), "BELARUSKALI");
        assert_eq!(cut("For benefit of140 REMONTNYI ZAVOD"), "140 REMONTNYI ZAVOD");
        assert_eq!(cut("В ПОЛЬЗУБЕЛАРУСЬКАЛИЙ"), "БЕЛАРУСЬКАЛИЙ");
        // Spaced, the openings go as the others do.
        assert_eq!(cut("attn Svetlana Petrovna Katsubo"), "Svetlana Petrovna Katsubo");
        assert_eq!(cut("c/o Dmitry Lukashenko"), "Dmitry Lukashenko");
        // Names that merely begin as an opening does stay whole.
        for name in ["Attenborough David", "Faostino Rossi", "FAOSTINO ROSSI", "Forbes Ofelia", "Ffcar Ltd", "Attn"] {
            assert_eq!(cut(name), name);
        }
        assert_eq!(places("FBOGenadz Andreevich BOGDAN, Minsk"), "Genadz Andreevich BOGDAN");
    }

    #[test]
    fn a_branch_or_representative_office_is_its_company() {
        let branch = |n: &str| without_branch(n);
        assert_eq!(branch("Representative office of KB RADAR in Moscow").as_deref(), Some("KB RADAR"));
        assert_eq!(branch("OAO TAE AVIA Minsk branch").as_deref(), Some("OAO TAE AVIA"));
        assert_eq!(branch("Branch of Belshina OAO").as_deref(), Some("Belshina OAO"));
        assert_eq!(branch("Филиал ОАО «Белшина»").as_deref(), Some("ОАО «Белшина»"));
        assert_eq!(branch("Belneftekhim Representative Office").as_deref(), Some("Belneftekhim"));
        assert_eq!(branch("Bank Dabrabyt Branch").as_deref(), Some("Bank Dabrabyt"));
        assert_eq!(branch("Belshina"), None);
        assert_eq!(branch("Branch"), None);
    }

    #[test]
    fn references_and_the_bank_after_an_account_are_taken_away() {
        assert_eq!(cut("Лукашенко Александр Григорьевич УНП 190123456"), "Лукашенко Александр Григорьевич");
        assert_eq!(cut("ИНН: 7712345678 КПП 771201001 ООО «Синезис»"), "ООО «Синезис»");
        assert_eq!(cut("INN 771234567890 AZARENOK GRIGORII IUREVICH"), "AZARENOK GRIGORII IUREVICH");
        assert_eq!(cut("ИНН7712345678 Иванов Иван Иванович"), "Иванов Иван Иванович");
        assert_eq!(
            places("ИНН 771234567890 Иванов Иван Иванович р/с 40817810099910004312 в ПАО Сбербанк г. Москва"),
            "Иванов Иван Иванович"
        );
        assert_eq!(cut("Petrov Ivan BY20OLMP31350000001000000933"), "Petrov Ivan BY20OLMP31350000001000000933");
        assert_eq!(places("Petrov Ivan BY20OLMP31350000001000000933"), "Petrov Ivan");
        assert!(without_places("V1k74r 4114k54ndr4v1ch 1UK45H3NK4").is_none());
        assert!(without_places("Kh4z4183k 84kh75183k4v1ch 47483K4U").is_none());
        // A registration number as a company's name stays in the name as screened first.
        assert_eq!(cut("K2016212771 SOUTH AFRICA PTY LTD"), "K2016212771 SOUTH AFRICA PTY LTD");
        // A word that is a reference word elsewhere, without a number, stays (`bin Laden`).
        assert_eq!(cut("Usama bin Muhammad bin Awad bin Laden"), "Usama bin Muhammad bin Awad bin Laden");
        // Numbers of a few digits belong to names (`72nd Repair Plant`, `Zavod 558`).
        assert_eq!(cut("Zavod 558 OAO"), "Zavod 558 OAO");
    }

    #[test]
    fn an_address_after_a_comma_is_taken_away() {
        assert_eq!(places("ОАО «Гродно Азот», г. Минск"), "ОАО «Гродно Азот»");
        assert_eq!(
            places("Барсуков Александр Петрович, 220030, г. Минск, ул. Ленина, д. 1, кв. 5"),
            "Барсуков Александр Петрович"
        );
        assert_eq!(places("Иванов Иван, г.Минск, ул. Ленина 1"), "Иванов Иван");
        // The name screened first keeps what follows a comma: an address typed inside a name
        // does not take the name away.
        assert_eq!(cut("Лукашенко, ул. Александр Григорьевич 5"), "Лукашенко, Александр Григорьевич 5");
        // Only Cyrillic abbreviations in lower case are known to be no initials.
        assert_eq!(cut("LUKASHENKO, ul. Aleksandr Grigoryevich"), "LUKASHENKO, ul. Aleksandr Grigoryevich");
        assert_eq!(
            cut("р/с 40817810099910004312 в Лукашенко Александр Григорьевич"),
            "в Лукашенко Александр Григорьевич"
        );
        assert_eq!(places("PETROV IVAN, MINSK, BELARUS"), "PETROV IVAN");
        assert_eq!(places("Alyaksandr Ryhorovich LUKASHENKA, Mogilev, Belarus"), "Alyaksandr Ryhorovich LUKASHENKA");
        assert_eq!(places("LUKASHENKA, Alyaksandr Ryhorovich, Belarus"), "LUKASHENKA, Alyaksandr Ryhorovich");
        assert_eq!(places("МАТКИН , Олег Владимирович, г. Минск"), "МАТКИН , Олег Владимирович");
        // A city may be part of a company's name: screened with it too.
        assert_eq!(
            cut("ZAVOD IM. M.I. KALININA, G. YEKATERINBURG OAO"),
            "ZAVOD IM. M.I. KALININA, G. YEKATERINBURG OAO"
        );
        assert_eq!(cut("краеведческий музей г. Мариуполя"), "краеведческий музей г. Мариуполя");
        assert_eq!(cut("Иванов Д. Петрович"), "Иванов Д. Петрович");
        assert!(without_places("Aleksandr Lukashenko").is_none());
        assert_eq!(places("Иванов Иван Иванович, Минская обл."), "Иванов Иван Иванович");
        assert_eq!(places("Иванов Иван Иванович г. Минск"), "Иванов Иван Иванович");
        assert_eq!(places("ОАО «Гродно Азот» г.Минск, ул. Ленина 1"), "ОАО «Гродно Азот»");
        // An initial is upper case.
        assert_eq!(places("Иванов Иван Г."), "Иванов Иван Г.");
        // A surname first and a comma is a layout, not an address.
        assert_eq!(cut("LUKASHENKO, Aleksandr Grigoryevich"), "LUKASHENKO, Aleksandr Grigoryevich");
        assert_eq!(cut("Лукашенко Александр Григорьевич РБ"), "Лукашенко Александр Григорьевич");
        assert_eq!(cut("Aleksandr Kuzmin, BY"), "Aleksandr Kuzmin");
        assert_eq!(cut("Aleksandr Kuzmin By"), "Aleksandr Kuzmin By");
        assert_eq!(cut("State Security Committee Of The RB"), "State Security Committee Of The RB");
    }

    #[test]
    fn an_address_parted_otherwise_or_written_first_is_taken_away() {
        for field in [
            "Bank Dabrabyt; P.O. Box 589, Minsk",
            "Bank Dabrabyt - P.O. Box 589, Minsk",
            "Bank Dabrabyt – 11 Sovetskaya St., Minsk",
            "Bank Dabrabyt\nP.O. Box 589\nMinsk",
            "Bank Dabrabyt | 11 Sovetskaya St. | Minsk 220010",
            "Bank Dabrabyt P.O. Box 589 Minsk",
            "Bank Dabrabyt 11 Sovetskaya St Minsk",
            "P.O. Box 589, Minsk, Bank Dabrabyt",
            "11 Sovetskaya St., Minsk 220010, Belarus, Bank Dabrabyt",
            "P.O. Box 589; Minsk; Bank Dabrabyt",
            "220004, г. Минск, ул. Ленина, д. 5, Bank Dabrabyt",
            "Bank Dabrabyt kv. 5",
            "Bank Dabrabyt BY-220004",
            "Bank Dabrabyt BY-220004 Minsk",
            "Bank Dabrabyt Minsk BY",
            "Bank Dabrabyt tel. +375 17 2001234",
            "Bank Dabrabyt +375172001234",
            "Bank Dabrabyt info@dabrabyt.by",
            "Bank Dabrabyt inv. 12/2024",
            "Bank Dabrabyt по договору №5",
            "Bank Dabrabyt Minsk region",
            "Bank Dabrabyt Минская обл.",
            "P.O. Box 5 Bank Dabrabyt",
            "ul. Lenina 5 Bank Dabrabyt",
            "220004 Bank Dabrabyt",
            "г. Минск Bank Dabrabyt",
            "BY Bank Dabrabyt",
            "Bank Dabrabyt POB 214, Brest",
            "Bank Dabrabyt Minsk",
            "Bank Dabrabyt Minsk Belarus",
            "Room 12, 44 Pushkina St., Mogilev, Bank Dabrabyt",
            "Bank Dabrabyt - 8 Kirova Street, Gomel",
            "Bank Dabrabyt Minsk region Belarus",
            "Bank Dabrabyt Mińsk",
            "Bank Dabrabyt, Mińsk, Białoruś",
            "Bank Dabrabyt ул.Ленина,д.5",
            "Bank Dabrabyt ул. Ленина, д. 5",
            "220030 Minsk, ul. Lenina 5, Bank Dabrabyt",
            "Minsk 220030, Bank Dabrabyt",
            "Minsk, ul. Lenina 5, Bank Dabrabyt",
        ] {
            assert_eq!(places(field), "Bank Dabrabyt", "{field:?}");
        }
        // A town alone before a name is no address written first.
        assert!(without_places("Minsk, Bank Dabrabyt").is_none_or(|p| p.contains("Dabrabyt")));
        // A dash before a number introduces a reference's value; the name screened first keeps
        // its words, and a street word with no number is no address.
        assert_eq!(places("ИНН - 7712345678 Иванов Иван Иванович"), "Иванов Иван Иванович");
        assert_eq!(cut("Bank Dabrabyt; P.O. Box 589"), "Bank Dabrabyt; P.O. Box 589");
        assert!(without_places("Wall Street Capital; Holdings").is_none());
        assert!(without_places("Sadovaya Street Trading").is_none());
        assert_eq!(
            places("/BY30AKBB4685942080559646\nNATIONAL OLYMPIC COMMITTEE OF THE REPUBLIC OF BELARUS\nper. Pervomayskaya 12a"),
            "NATIONAL OLYMPIC COMMITTEE OF THE REPUBLIC OF BELARUS"
        );
        assert_eq!(places("Aleksandr Grigorievich Lukashenko RB"), "Aleksandr Grigorievich Lukashenko");
        assert_eq!(places("Белавиа Гродно"), "Белавиа");
        assert_eq!(cut("Белавиа Гродно"), "Белавиа Гродно");
        assert!(without_places("Minsk").is_none());
        // A sole proprietor's marker as two initials with a space between, each with its dot.
        assert_eq!(cut("И. П. Лукашенко Александр Григорьевич"), "Лукашенко Александр Григорьевич");
        assert_eq!(cut("И П Лукашенко Александр"), "И П Лукашенко Александр");
        assert_eq!(cut("I. P. Lukashenko Aleksandr"), "I. P. Lukashenko Aleksandr");
        assert!(
            names_sole_proprietor("I. P. Lukashenko Aleksandr") && names_sole_proprietor("И. П. Лукашенко Александр")
        );
        assert!(without_places("National Bank of the Republic of Belarus").is_none());
        assert!(without_places("Национальный банк Республики Беларусь").is_none());
    }

    #[test]
    fn markers_of_trade_or_status_are_taken_away_while_a_name_is_left() {
        assert_eq!(cut("ИП Лукашенко Александр"), "Лукашенко Александр");
        assert_eq!(cut("Получатель: ИП Лукашенко Александр"), "Лукашенко Александр");
        assert_eq!(cut("ФИО: Лукашенко Александр"), "Лукашенко Александр");
        assert_eq!(cut("Лукашенко Александр ип,"), "Лукашенко Александр");
        assert_eq!(cut("Индивидуальный предприниматель Иванов Иван"), "Иванов Иван");
        assert_eq!(cut("Гражданин РБ Бойко Александр Сергеевич"), "Бойко Александр Сергеевич");
        assert_eq!(cut("гр. Беляева Татьяна Александровна"), "Беляева Татьяна Александровна");
        assert_eq!(cut("ЧТУП «Белтехэкспорт» Минск"), "«Белтехэкспорт» Минск");
        assert_eq!(cut("Товариство з обмеженою відповідальністю «Банк Дабрабыт»"), "«Банк Дабрабыт»");
        assert_eq!(cut("ГП «Белоруснефть»"), "«Белоруснефть»");
        assert_eq!(cut("Бенефициар: «Синезис»"), "«Синезис»");
        assert_eq!(cut("Бенефициар: Беларуськалий"), "Беларуськалий");
        assert_eq!(cut("INDIVIDUAL ENTREPRENEUR PETROV IVAN"), "PETROV IVAN");
        assert_eq!(cut("Sole Proprietor Petrov Ivan"), "Petrov Ivan");
        assert_eq!(cut("И.П. Лукашенко Александр"), "Лукашенко Александр");
        assert!(names_sole_proprietor("I.P. Petrov Ivan") && names_sole_proprietor("Sole Trader Petrov Ivan"));
        // Not a company's one word without its quotes.
        assert_eq!(cut("ГП Белоруснефть"), "ГП Белоруснефть");
        // Two words of the name are left at least; Latin letters are names too (`IP Kam Wing`).
        assert_eq!(cut("ИП Лукашенко"), "ИП Лукашенко");
        assert_eq!(cut("IP Kam Wing"), "IP Kam Wing");
        assert_eq!(cut("Pat At Home"), "Pat At Home");
        assert!(matches!(without_boilerplate("Aleksandr Grigoryevich Lukashenko"), Cow::Borrowed(_)));
    }

    #[test]
    fn words_saying_whom_a_payment_is_for_are_taken_away() {
        assert_eq!(cut("в пользу ОАО Гродно Азот"), "ОАО Гродно Азот");
        assert_eq!(cut("В пользу Беларуськалий"), "Беларуськалий");
        assert_eq!(cut("для Червякова Александра Викторовича"), "Червякова Александра Викторовича");
        assert_eq!(cut("on behalf of Grodno Azot OAO"), "Grodno Azot OAO");
        assert_eq!(cut("For the benefit of Belaruskali"), "Belaruskali");
        assert_eq!(cut("FBO Viktor Sheiman"), "Viktor Sheiman");
        // Only at the start, and only the whole phrase.
        assert_eq!(cut("Favour Of Minsk"), "Favour Of Minsk");
        assert_eq!(cut("in favour of"), "in favour of");
    }
}
