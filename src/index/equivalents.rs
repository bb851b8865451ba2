//! Equivalent given names across languages: the same person is `Aliaksandr` in Belarusian,
//! `Aleksandr` in Russian, `Alexander` in English and German, `Alexandre` in French.
//!
//! Classes come from two places. First, the lists themselves: when one entity is listed under two
//! spellings whose parts line up (OFAC `LUKASHENKA, Alyaksandr Ryhorovich` and its alias
//! `LUKASHENKO, Aleksandr Grigorevich`), the given names at the same position are the same name in
//! two languages, and that holds for everybody else called so. Second, a short table of common
//! pairs that no phonetic key can bridge (the lists may not pair every name), written by hand
//! because no maintained crate carries Belarusian–Russian–Western given-name equivalents.

use std::collections::HashMap;

use crate::index::name_form::is_patronymic;
use crate::model::{Entity, EntityType};
use crate::normalize::{fold, phonetic_key};

/// Each row: one given name in the languages and romanisations payments use, Polish, Czech and
/// other neighbours' forms included (`Dymitr`, `Sergiusz`, `Jerzy` and `Jiří` for Yuri, `Wacław`
/// and `Václav` for Vyacheslav, `Katarzyna`).
const TABLE: &[&[&str]] = &[
    &[
        "aleksandr",
        "aliaksandr",
        "alyaksandr",
        "alexander",
        "alexandr",
        "aleksander",
        "alexandre",
        "oleksandr",
        "alexandru",
    ],
    &["aleksei", "alexei", "aliaksei", "alexey", "aleksey", "alexis", "oleksiy", "aleksy", "aleksej"],
    &["sergei", "siarhei", "sergey", "serge", "serhiy", "sergiy", "sergiusz", "sergej", "sergiu"],
    &["vladimir", "uladzimir", "wladimir", "volodymyr", "wlodzimierz"],
    &["yuri", "yury", "iouri", "jurij", "juri", "yuriy", "yurii", "georgi", "jerzy", "jiri"],
    &["nikolai", "mikalai", "nikolay", "nicolas", "mykola", "nikolaus", "nicolai", "nicolae", "mikolaj", "nikolaj"],
    &["yevgeni", "evgeni", "evgeny", "yevgeny", "yauhen", "evgenii", "eugene", "jewgeni", "ievgen", "eugeniusz"],
    &["grigori", "grigory", "ryhor", "hryhory", "gregory", "grigoriy", "hryhoriy", "grzegorz", "grigorij", "gregor"],
    &["konstantin", "kanstantsin", "constantin", "kostiantyn", "constantine", "konstanty"],
    &["valentin", "valiantsin", "valentyn", "walenty"],
    &[
        "dmitri", "dmitry", "dzmitry", "dmitriy", "dmytro", "zmitser", "dimitri", "dimitry", "dimitrij", "dymitr",
        "dmitrij",
    ],
    &["gennadi", "gennady", "hienadz", "genadz", "hennadiy"],
    &["anatoli", "anatoly", "anatol", "anatolii", "anatoliy"],
    &["pyotr", "piotr", "petr", "pierre", "peter", "petro"],
    &["pavel", "paval", "paul", "pavlo", "pawel"],
    &["mikhail", "mikhas", "michail", "michel", "michael", "mykhailo", "michal"],
    &["leonid", "leanid"],
    &["vasili", "vasily", "vasil", "vasyl", "wassili", "wasyl"],
    &["viktor", "viktar", "victor", "wiktor"],
    &["vitali", "vitaly", "vitalii", "vitaliy", "vital", "witalij"],
    &["vyacheslav", "viachaslau", "viacheslav", "wjatscheslaw", "waclaw", "vaclav"],
    &["vladislav", "uladzislau", "vladyslav"],
    &["stanislav", "stanislau", "stanislaw"],
    &["yaroslav", "yaraslau", "jaroslaw", "jaroslav"],
    &["artyom", "artem", "artsiom", "arciom", "artiom", "artemiy", "artemy", "artemii"],
    &["denis", "dzianis", "denys"],
    &["igor", "ihar", "ihor"],
    &["oleg", "aleh", "oleh"],
    &["roman", "raman"],
    &["stepan", "stsiapan", "stiapan", "stefan", "szczepan"],
    &["timofei", "tsimafei", "tymofiy", "tymoteusz"],
    &["fyodor", "fiodar", "fedor", "theodor", "teodor", "fedir"],
    &["kirill", "kiryl", "cyril", "cyryl"],
    // `Jan` (Belarusian `Ян`, Polish, Czech) is how Ivan is written in those languages (round 33:
    // `Jan Ivanovich KRUPKO` CLEAR).
    &["ivan", "iwan", "jan", "yan"],
    &["andrei", "andrey", "andrej", "andriy", "andre", "andrew", "andreas", "andrzej", "andrii"],
    // Not `helene`: its key is Galina's (`h`/`g` meet), which made Alena and Galina one name.
    &["yelena", "elena", "alena", "alyona", "olena"],
    &["natalia", "natallia", "natalya", "nataliya", "natalja"],
    &["olga", "volha", "olha"],
    &["tatiana", "tatsiana", "tatyana", "tetiana", "tatjana"],
    &["svetlana", "sviatlana", "svitlana", "swietlana"],
    &["irina", "iryna", "irena"],
    &["lyudmila", "liudmila", "ludmila", "lyudmyla"],
    &["galina", "halina", "halyna"],
    &["anna", "hanna", "ganna", "hannah"],
    &["maria", "maryia", "mariya", "marie", "marija"],
    &["nadezhda", "nadzeya", "nadiya", "nadzieja"],
    &["valentina", "valiantsina", "valentyna"],
    &["yekaterina", "ekaterina", "katsiaryna", "kateryna", "catherine", "katarzyna", "katerina"],
    &["yulia", "yuliya", "julia", "iuliia", "julija"],
];

/// Nicknames and short forms, each row a full given name (first) and the forms people are called
/// by in the languages of the lists and of payments. Written by hand for the same reason as
/// `TABLE`. Unlike equivalents these are not the same name: `Sasha` may be Aleksandr or
/// Aleksandra, `Bill` is William for most but not all. A match through one is REVIEW at most
/// (`matcher::similarity::NICKNAME_SIM`), and a nickname meets only its full names, never another
/// nickname of them.
const NICKNAMES: &[&[&str]] = &[
    &[
        "aleksandr",
        "sasha",
        "sacha",
        "sashka",
        "sashenka",
        "shura",
        "shurik",
        "sanya",
        "sanek",
        "alex",
        "sandro",
        "ales",
        "alies",
    ],
    &["aleksandra", "sasha", "sashenka", "shura", "sanya", "alexa"],
    &["aleksei", "alyosha", "lyosha", "lyokha", "alyoshka", "lesha", "alex"],
    &["nikolai", "kolya", "kolka", "kolyan", "kola", "mikola", "nick", "nik"],
    &["mikhail", "misha", "mishka", "mishenka", "mishanya", "misza", "mike", "mikhas"],
    &["dmitri", "dima", "dimka", "dimochka", "dimon", "mitya", "dzima"],
    &["vladimir", "volodya", "volodka", "vova", "vovka", "vovochka", "vlad", "valodzya", "uladzik"],
    &["sergei", "seryozha", "serezha", "seriozha", "seryoga", "seryozhka", "serge", "sergio", "siarhei"],
    &["yevgeni", "zhenya", "zhenia", "zhenka", "zheka", "gene", "evgen"],
    &["yauhen", "zhenya", "zhenia", "zhenka", "zheka"],
    &["ivan", "vanya", "vania", "vanka", "vanyusha", "vanechka", "john"],
    &["pyotr", "petya", "petia", "petka", "petrusha", "pete"],
    &["pavel", "pasha", "pashka", "pavlik"],
    &["andrei", "andryusha", "andrusha", "andryukha", "andy"],
    &["anatoli", "tolya", "tolia", "tolik", "tolyan"],
    &["anton", "antosha", "tosha"],
    &["arkadi", "arkasha"],
    &["viktor", "vitya", "vitia", "vityusha", "vic", "vick"],
    &["vitali", "vitalik", "vitya"],
    &["vadim", "vadik", "vadimka"],
    &["valeri", "valera", "valerka"],
    &["vyacheslav", "slava", "slavik"],
    &["vladislav", "vlad", "vladik", "slava"],
    &["stanislav", "stas", "stasik", "slava"],
    &["yaroslav", "yarik", "slava"],
    &["konstantin", "kostya", "kostia", "kostik"],
    &["yuri", "yura", "yurka", "yurochka", "yurik"],
    &["georgi", "zhora", "zhorik", "gosha", "goga"],
    &["grigori", "grisha", "grishka"],
    &["gennadi", "gena", "genka", "genadz"],
    &["leonid", "lyonya", "lenya"],
    &["valentin", "valya", "valik"],
    &["vasili", "vasya", "vasia", "vaska"],
    &["boris", "borya", "boria", "borka"],
    &["oleg", "olezhka", "olezhek"],
    &["igor", "igoryok", "igorek", "garik"],
    &["ilya", "ilyusha", "ilyukha"],
    &["roman", "roma", "romka", "romochka"],
    &["denis", "denya", "deniska"],
    &["maksim", "maks", "max", "maxim", "maksimka", "maksik"],
    &["artyom", "tyoma", "tema", "tyomka", "artyomka"],
    &["kirill", "kirya", "kiryusha"],
    &["stepan", "styopa", "stepa", "styopka"],
    &["fyodor", "fedya", "fedia", "fedka"],
    &["yakov", "yasha"],
    &["semyon", "syoma", "senya"],
    &["timofei", "tima", "timosha"],
    &["yegor", "yegorka", "zhora"],
    &["yelena", "lena", "lenochka", "alena", "helen"],
    &["natalia", "natasha", "natashka", "nata", "tasha", "natalie"],
    &["tatiana", "tanya", "tania", "tanechka", "tanyusha"],
    &["svetlana", "sveta", "svetik", "svetka"],
    &["irina", "ira", "irka", "irochka", "irene"],
    &["inna", "innochka", "inka"],
    &["ina", "innochka", "inochka"],
    &["lyudmila", "lyuda", "luda", "lyusya", "mila"],
    &["galina", "galya", "galia", "galochka"],
    &["olga", "olya", "olia", "olenka", "olechka", "volha"],
    &["anna", "anya", "ania", "anechka", "anyuta", "nyura", "annie", "hanna"],
    &["anastasia", "nastya", "nastia", "nastenka", "asya"],
    &["maria", "masha", "mashenka", "marusya", "mariya", "mary", "marie"],
    &["marina", "marisha", "marinka"],
    &["yekaterina", "katya", "katia", "katyusha", "katenka", "katerina", "kate", "katie"],
    &["yulia", "yulya", "yulechka", "julie"],
    &["nadezhda", "nadya", "nadia"],
    &["valentina", "valya", "valia"],
    &["valeria", "lera", "lerochka"],
    &["viktoria", "vika", "vikusya"],
    &["darya", "dasha", "dashka", "dashenka"],
    &["kseniya", "ksyusha", "ksenia"],
    &["oksana", "ksyusha", "oksanka"],
    &["lyubov", "lyuba", "lyubasha"],
    &["larisa", "lara", "lora"],
    &["margarita", "rita", "ritochka"],
    &["nina", "ninochka", "ninka"],
    &["polina", "polya", "polinka"],
    &["sofia", "sonya", "sonechka"],
    &["tamara", "toma", "tomochka"],
    &["vera", "verochka", "verka"],
    &["zoya", "zoyka"],
    &["lidiya", "lida", "lidochka"],
    &["raisa", "raya"],
    &["elizaveta", "liza", "lizochka"],
    &["yevgenia", "zhenya", "zhenia"],
    &["alla", "allochka"],
    &["william", "bill", "billy", "will", "willy", "liam"],
    &["robert", "bob", "bobby", "rob", "robbie", "bert"],
    &["richard", "dick", "rick", "ricky", "rich"],
    &["james", "jim", "jimmy", "jamie"],
    &["joseph", "joe", "joey", "iosif", "osip"],
    &["michael", "mike", "mick", "mickey"],
    &["thomas", "tom", "tommy"],
    &["elizabeth", "liz", "lizzie", "beth", "betty", "eliza"],
    &["margaret", "maggie", "meg", "peggy", "marge"],
    &["edward", "ed", "eddie", "ted", "ned"],
    &["charles", "charlie", "chuck"],
    &["anthony", "tony"],
    &["muhammad", "mohammed", "mohamed", "muhammed", "mehmet"],
    &["abdullah", "abdallah", "abdulla"],
];

/// A given name → its nicknames and short forms (and a nickname → its full names), from
/// `NICKNAMES`, each as what [`nickname_matches`] compares. Looked up by phonetic key, so that
/// spellings meet (`Sascha` / `Sasha`), but only from a spelling at most two edits from the table's:
/// keys are coarse (`Sierra` and `Shura` share one). Names whose key is shorter than
/// [`MIN_NICKNAME_KEY`] are compared by their folded spelling, marked with a leading `=`: short keys
/// are shared by unrelated names (`Ira`, `Yura` and `Yuri` are all `ara`), and a key lookup once
/// made every Yuri a nickname of Irina.
pub fn nicknames_of(text: &str, key: &str) -> Vec<&'static str> {
    // Asked of every query word: Fx-hashed (a fixed table needs no protection from flooding),
    // and looked up without building the id when it is the key itself.
    type Map = rustc_hash::FxHashMap<String, Vec<(&'static str, Vec<String>)>>;
    static MAP: std::sync::OnceLock<Map> = std::sync::OnceLock::new();
    let map = MAP.get_or_init(|| {
        let mut m: Map = Map::default();
        let mut add = |from: &'static str, to: &str| {
            let (a, b) = (nickname_id(from, &phonetic_key(from)), nickname_id(to, &phonetic_key(to)));
            if a == b {
                return;
            }
            let spellings = m.entry(a).or_default();
            let at = match spellings.iter().position(|(sp, _)| *sp == from) {
                Some(at) => at,
                None => {
                    spellings.push((from, Vec::new()));
                    spellings.len() - 1
                }
            };
            if !spellings[at].1.contains(&b) {
                spellings[at].1.push(b);
            }
        };
        for row in NICKNAMES {
            for nick in &row[1..] {
                add(row[0], nick);
                add(nick, row[0]);
            }
        }
        m
    });
    let mut out: Vec<&'static str> = Vec::new();
    let entries = if key.len() >= MIN_NICKNAME_KEY { map.get(key) } else { map.get(&nickname_id(text, key)) };
    for (spelling, targets) in entries.into_iter().flatten() {
        if rapidfuzz::distance::osa::distance(spelling.chars(), text.chars()) <= MAX_NICKNAME_EDITS {
            for t in targets {
                if !out.contains(&t.as_str()) {
                    out.push(t.as_str());
                }
            }
        }
    }
    out
}

/// How far a spelling may be from the table's to be read as that nickname or name.
const MAX_NICKNAME_EDITS: usize = 2;

/// Shortest phonetic key a nickname is compared by (see [`nicknames_of`]).
pub const MIN_NICKNAME_KEY: usize = 4;

fn nickname_id(text: &str, key: &str) -> String {
    if key.len() >= MIN_NICKNAME_KEY {
        key.to_string()
    } else {
        format!("={text}")
    }
}

/// Whether an entry of [`nicknames_of`] is the listed token with this spelling and key.
pub fn nickname_matches(entry: &str, text: &str, key: &str) -> bool {
    match entry.strip_prefix('=') {
        Some(t) => t == text,
        None => entry == key,
    }
}

/// What an entry of [`nicknames_of`] is looked up by in the index (a key or a spelling; both
/// are hashed the same way there).
pub fn nickname_lookup(entry: &str) -> &str {
    entry.strip_prefix('=').unwrap_or(entry)
}

/// Forms of the table's names in the languages of Belarus's western neighbours and others
/// (Polish, Czech, Romanian, English), which are the names of millions who are not Russian or
/// Belarusian: `Jerzy Kowalczyk` is an ordinary Pole, and the Polish spelling of Yuri Kovalchuk.
/// A given name met only through one is review strength (`matcher::similarity`), never a BLOCK.
const NEIGHBOUR_FORMS: &[&str] = &[
    "aleksy",
    "sergiusz",
    "sergiu",
    "wlodzimierz",
    "jerzy",
    "jiri",
    "mikolaj",
    "eugeniusz",
    "grzegorz",
    "gregor",
    "constantine",
    "konstanty",
    "walenty",
    "dymitr",
    "michal",
    "wasyl",
    "waclaw",
    "vaclav",
    "szczepan",
    "tymoteusz",
    "teodor",
    "cyryl",
    "swietlana",
    "irena",
    "hannah",
    "nadzieja",
    "katarzyna",
];

/// Words of organisation names that translate one another in the languages of the lists and of
/// payments: a Belarusian `zavod` is published as `Plant`, `Works` or `Factory` and paid to as
/// `Werk` or `Fabrika`, and no spelling or key bridges them. Each row is one word; the words of a
/// row are equivalents (`EQUIVALENT_SIM`) when both names are organisations'. Written by hand: no
/// maintained crate holds these translations; the rows are the generic words of the lists'
/// enterprise names (folded), not names.
const ORG_SYNONYMS: &[&[&str]] = &[
    // With the register abbreviations (`PLT`, `FTY`, `FCTY`, `WKS`): round 29 found `Minsk Gear
    // Plt` CLEAR.
    &[
        "plant", "factory", "works", "mill", "zavod", "werk", "werke", "fabrika", "fabryka", "fabrik", "usine",
        "fabrica", "plt", "fty", "fcty", "wks",
    ],
    &["group", "gruppa", "grupa", "groupe", "gruppe", "grupo", "grp"],
    &["bank", "banka", "banque", "banco"],
    &["oil", "petroleum", "neft", "nafta", "neftyanaya", "neftyanoy", "neftyanoi", "naftavaya", "naftavy"],
    &["ministry", "ministerstvo", "ministerium", "ministere", "ministerio"],
    &["centre", "center", "tsentr", "zentrum", "centrum", "centro"],
    // English words of trade that Russian borrowed and the lists transliterate (`OOO Grant Treid`
    // for LLC Grant-Trade, `ZAO RSK Tekhnologii` for RSK Technologies).
    &[
        "technology",
        "technologies",
        "tekhnologii",
        "tekhnologiya",
        "tekhnologiy",
        "tekhnologij",
        "technologii",
        "tehnologii",
        "technologia",
        "technologie",
        "technologien",
        "tecnologia",
        "tech",
    ],
    // Each row also holds the abbreviations of trade registers and payment fields (`INDS.`,
    // `HLDG`, `TRDG`, `INTL`): an outside test found listed companies CLEAR so written.
    &["trade", "trading", "treid", "treyd", "treiding", "treyding", "trdg"],
    &["service", "services", "servis", "servisy", "serwis", "svc", "svcs"],
    &["system", "systems", "sistemy", "sistema", "sistem", "systemy", "systeme", "sys"],
    &["holding", "holdings", "kholding", "hldg", "hldgs"],
    &[
        "industry",
        "industries",
        "industriya",
        "industria",
        "industrie",
        "promyshlennosti",
        "promyshlennost",
        "inds",
        "indus",
        "indust",
    ],
    &["engineering", "inzhiniring", "engg"],
    &["investment", "investments", "invest", "investitsii", "investitsiya"],
    &["logistics", "logistika", "logistik", "logistica"],
    &["electronics", "elektronika", "elektronik", "electronica", "electronique"],
    &["international", "internatsional", "internacional", "intl"],
    &["consulting", "konsalting"],
    // `Bank razvitiya` is the Development Bank (Belarusian `развіцця`), as a clerk translates half.
    &[
        "development",
        "dev",
        "razvitiya",
        "razvitiia",
        "razvitija",
        "razvitie",
        "razvitiye",
        "razvitstsya",
        "razvitstsia",
    ],
    &["management", "menedzhment", "mgmt"],
    // The lists' industrial adjectives, translated or transliterated from Russian and Belarusian
    // (`Minsk Automobile Plant` is `Minski Avtomobilny Zavod`, `MINSKI AUTAMABILNY ZAVOD`; a clerk
    // writes either half: round 18's `Belarusian Avtomobilny Plant` was CLEAR).
    &[
        "automobile",
        "automotive",
        "avtomobilny",
        "avtomobilnyi",
        "avtomobilnyy",
        "avtomobilnyj",
        "autamabilny",
        "autamabilnyi",
    ],
    &["tractor", "traktorny", "traktornyi", "traktornyy", "traktarny", "traktarnyi"],
    &["wheel", "wheeled", "kolesny", "kolesnyi", "kolesnykh", "kolavy", "kolavykh"],
    &["repair", "remontny", "remontnyi", "remontnyy", "remantny", "remantnyi"],
    &[
        "electromechanical",
        "elektromekhanichesky",
        "elektromekhanicheskiy",
        "elektromekhanicheskii",
        "elektromekhanichny",
        "elektramekhanichny",
    ],
    &["chemical", "khimicheskiy", "khimichesky", "khimicheskii", "khimichny", "khimichnyi"],
    &["metallurgical", "metallurgicheskiy", "metallurgichesky", "metalurhichny", "metalurgichny"],
    &["potash", "kaliyny", "kaliynaya", "kaliinaya", "kaliynyi"],
    &["bearing", "podshipnikovy", "podshipnikovyi", "padshypnikavy"],
    // The country's adjective, translated or transliterated (`Belorusskiy` is Belarusian).
    &[
        "belarusian",
        "belorusian",
        "byelorussian",
        "belorusskiy",
        "belorusskii",
        "belorussky",
        "belorusskaya",
        "belarusskiy",
        "belaruski",
        "belaruskaya",
        // Plural and neuter, as a company's name agrees with its noun (`Белорусские авиалинии`,
        // Belarusian `Беларускія авіялініі`: Belarusian Airlines).
        "belorusskie",
        "belorusskiye",
        "belorusskoe",
        "belaruskiya",
        "belaruskiia",
        "belaruskae",
    ],
    &["airlines", "airline", "avialinii", "aviyalinii", "aviialinii", "avialiniya", "aviakompaniya"],
    // The capital's adjective, as the lists' companies are named by it (`Minskiy Tractor Works`).
    &["minsk", "minskiy", "minskii", "minsky", "minski", "minskaya", "minskoe"],
];

/// The words of the state bodies' names, Russian and Belarusian, as [`ORG_SYNONYMS`] rows: the
/// lists write most of them in English only, and a payment from Minsk or Moscow in Russian
/// (round 23 found `Центральная избирательная комиссия Республики Беларусь` CLEAR). Apart from
/// those rows because they are no words of trade: a name's `Election` or `Olympic` still says
/// which body it is (`name_form::brand_words` asks `is_org_synonym_word`, which these are not).
const STATE_BODY_WORDS: &[&[&str]] = &[
    &[
        "central",
        "tsentralnaya",
        "tsentralnaia",
        "tsentralnaja",
        "tsentralny",
        "tsentralnyy",
        "tsentralnyi",
        "tsentralnyj",
        "tsentralnoe",
    ],
    &["election", "elections", "electoral", "izbiratelnaya", "izbiratelnaia", "izbiratelnoy", "vybarakh"],
    &["commission", "komissiya", "komissiia", "komissija", "komissii", "kamisiya", "kamisiia"],
    &["committee", "komitet", "komiteta", "kamitet", "kamiteta"],
    &[
        "state",
        "gosudarstvenny",
        "gosudarstvennyy",
        "gosudarstvennyi",
        "gosudarstvennaya",
        "gosudarstvennoe",
        "gosudarstvennoi",
        "gosudarstvennoy",
        "dzyarzhauny",
        "dzyarzhaunaya",
        "dziarzhauny",
        "dzyarzhaunai",
    ],
    &["security", "bezopasnosti", "biaspeki", "byaspeki"],
    &["military", "voennoi", "voennoy", "voennaya", "voenny", "voennyy", "vaiskovy", "vayskovy"],
    &["internal", "vnutrennikh", "vnutrennih", "unutranykh"],
    &["affairs", "del", "spravau"],
    &["defence", "defense", "oborony", "abarony"],
    &["national", "natsionalny", "natsionalnyy", "natsionalnyi", "natsionalnyj", "natsionalnaya", "natsyyanalny"],
    &["olympic", "olimpiyskiy", "olimpiiskii", "olimpiyskii", "alimpiiski", "alimpiyski"],
    &["troops", "voyska", "voiska", "vojska"],
    &["republican", "respublikanskoe", "respublikanskoye", "respublikanskiy", "respublikanskii", "respublikanskae"],
    &["investigative", "sledstvenny", "sledstvennyy", "sledstvennyi", "sledchy"],
];

/// Every spelling of the generic words of organisations' names ([`ORG_SYNONYMS`] and
/// [`STATE_BODY_WORDS`]): words of a listed organisation's name in any of these languages, for
/// splitting words run together (`KOMITETGOSUDARSTVENNOIBEZOPASNOSTI` for a body the lists name in
/// English or spell apart).
pub fn org_table_words() -> impl Iterator<Item = &'static str> {
    ORG_SYNONYMS.iter().chain(STATE_BODY_WORDS).flat_map(|row| row.iter().copied())
}

/// The first words of the [`ORG_SYNONYMS`] rows that say what kind of establishment a company is
/// rather than what it makes or where: a payment names `Minsk Automobile Plant` as `Minsk
/// Automobile` (round 18: 16 % of such variants CLEAR), while `Minsk Plant` for `Minsk Tractor
/// Plant` leaves out what the company is. See [`is_kind_word`].
const KIND_ROWS: [&str; 4] = ["plant", "group", "holding", "centre"];

/// Whether a folded word of an organisation's name says only what kind of establishment it is
/// (`Plant`, `Zavod`, `Group`, `Holding`): the one listed word a query may leave out and still be
/// REVIEW (`score::ORG_KIND_LEFT_SCORE`).
pub fn is_kind_word(word: &str) -> bool {
    ORG_SYNONYMS.iter().any(|row| KIND_ROWS.contains(&row[0]) && row.contains(&word))
}

/// Whether two folded words of organisation names (with their phonetic keys) are one row of
/// [`ORG_SYNONYMS`].
pub fn org_synonyms(a: &str, a_key: &str, b: &str, b_key: &str) -> bool {
    let (Some(a), Some(b)) = (row_word(a, a_key), row_word(b, b_key)) else { return false };
    a != b && synonym_rows().any(|row| row.contains(&a) && row.contains(&b))
}

/// The rows of [`ORG_SYNONYMS`] and of [`STATE_BODY_WORDS`].
fn synonym_rows() -> impl Iterator<Item = &'static &'static [&'static str]> {
    ORG_SYNONYMS.iter().chain(STATE_BODY_WORDS)
}

/// The keys of a folded organisation word's synonyms ([`ORG_SYNONYMS`]), for retrieval to look
/// them up as it looks up a given name's equivalents; empty for other words.
pub fn org_synonym_keys(word: &str, key: &str) -> std::sync::Arc<[String]> {
    row_word(word, key).and_then(|w| org_synonym_table().get(w)).cloned().unwrap_or_default()
}

/// The word of [`ORG_SYNONYMS`] a folded word is: itself, or, for a word of six letters or more,
/// the row's word of its phonetic key, so that a row meets the spellings and endings it does
/// not write (`podshipnikovyy` for `podshipnikovy`, round 23: `Минский подшипниковый завод` was
/// CLEAR for Minsk Bearing Plant). Shorter words only as spelt: their keys are shared widely.
fn row_word<'a>(word: &'a str, key: &str) -> Option<&'a str> {
    static BY_KEY: std::sync::OnceLock<rustc_hash::FxHashMap<String, &'static str>> = std::sync::OnceLock::new();
    if org_synonym_table().contains_key(word) {
        return Some(word);
    }
    if word.len() < 6 || key.len() < 4 {
        return None;
    }
    let by_key = BY_KEY.get_or_init(|| {
        let mut m = rustc_hash::FxHashMap::default();
        for w in synonym_rows().flat_map(|row| row.iter()).filter(|w| w.len() >= 6) {
            m.entry(phonetic_key(w)).or_insert(*w);
        }
        m
    });
    by_key.get(key).copied()
}

/// Whether a folded word is a word of trade of [`ORG_SYNONYMS`] (asked of every word of every
/// listed company's name at load: no copy of its synonyms).
pub fn is_org_synonym_word(word: &str) -> bool {
    org_synonym_table().contains_key(word) && !STATE_BODY_WORDS.iter().any(|row| row.contains(&word))
}

fn org_synonym_table() -> &'static rustc_hash::FxHashMap<&'static str, std::sync::Arc<[String]>> {
    static KEYS: std::sync::OnceLock<rustc_hash::FxHashMap<&'static str, std::sync::Arc<[String]>>> =
        std::sync::OnceLock::new();
    KEYS.get_or_init(|| {
        let mut m = rustc_hash::FxHashMap::default();
        for row in synonym_rows() {
            for w in *row {
                let own = phonetic_key(w);
                let mut others: Vec<String> = row.iter().map(|o| phonetic_key(o)).filter(|k| *k != own).collect();
                others.sort_unstable();
                others.dedup();
                m.insert(*w, others.into());
            }
        }
        m
    })
}

/// Whether a folded given name is one of [`NEIGHBOUR_FORMS`].
pub fn is_neighbour_form(word: &str) -> bool {
    NEIGHBOUR_FORMS.contains(&word)
}

/// Whether a folded word is a given name of the hand-written table (`mikhail`, `viktar`).
pub fn is_given_name_in_table(word: &str) -> bool {
    TABLE.iter().flat_map(|row| row.iter()).any(|n| *n == word)
}

/// Whether two keys are equivalents by the hand-written table (not only by the lists' pairing):
/// the lists pair names a person was also listed under, which says less (`Ahmed` / `Mohammad`,
/// `Alena` / `Galina` were paired so).
pub fn equivalent_in_table(a: &str, b: &str) -> bool {
    static ROWS: std::sync::OnceLock<rustc_hash::FxHashMap<String, Vec<usize>>> = std::sync::OnceLock::new();
    let rows = ROWS.get_or_init(|| {
        let mut m: rustc_hash::FxHashMap<String, Vec<usize>> = Default::default();
        for (i, row) in TABLE.iter().enumerate() {
            for n in *row {
                let rows = m.entry(phonetic_key(n)).or_default();
                if !rows.contains(&i) {
                    rows.push(i);
                }
            }
        }
        m
    });
    match (rows.get(a), rows.get(b)) {
        (Some(x), Some(y)) => x.iter().any(|i| y.contains(i)),
        _ => false,
    }
}

/// Whether two folded spellings are names of one row of the table (`ihar` and `igor`): sharing
/// a key is not enough, since a key is shared by names of other rows and none (`Ulyana` has
/// Yelena's).
pub fn spellings_in_table_row(a: &str, b: &str) -> bool {
    static ROWS: std::sync::OnceLock<rustc_hash::FxHashMap<&'static str, usize>> = std::sync::OnceLock::new();
    let rows =
        ROWS.get_or_init(|| TABLE.iter().enumerate().flat_map(|(i, row)| row.iter().map(move |n| (*n, i))).collect());
    matches!((rows.get(a), rows.get(b)), (Some(x), Some(y)) if x == y)
}

/// Whether a folded word is a patronymic made from a given name of the table (`yevgenevich`,
/// `aleksandrovich`), not a surname with a patronymic's ending (`shandarovich`, `miklashevich`,
/// common in Belarus). UK rows put such a patronymic where the surname goes (`Sergei
/// YEVGENEVICH`); the name then has no surname.
pub fn is_patronymic_of_given_name(word: &str) -> bool {
    const ENDINGS: [&str; 12] =
        ["ievich", "ovich", "evich", "avich", "ievna", "ovna", "evna", "auna", "ichna", "ich", "vna", "una"];
    let Some(stem) = ENDINGS.iter().find_map(|e| word.strip_suffix(e)) else { return false };
    stem.len() >= 3
        && TABLE.iter().flat_map(|row| row.iter()).any(|n| {
            // `petr`+`ovich`, `nikola(i)`+`evich` (the name's last vowel dropped); not
            // `ivan`+`k`+`ovich` (Ivankovich) or `mikh(as)`+`ovich` (Mikhovich), surnames.
            *n == stem
                || (n.len() == stem.len() + 1 && n.starts_with(stem) && n.ends_with(['a', 'e', 'i', 'o', 'u', 'y']))
        })
}

/// Phonetic key → the keys of its equivalents. Pairs, not classes: two names are equivalent only
/// when a table row or one entity pairs them directly, never through a chain of pairs (a chain
/// of near pairs from data errors once joined `Aleksandr` to `Vadim`).
pub fn pairs<'a>(entities: impl Iterator<Item = &'a Entity>) -> HashMap<String, Vec<String>> {
    let mut out: HashMap<String, Vec<String>> = HashMap::new();
    let mut add = |a: String, b: String| {
        if a == b {
            return;
        }
        let l = out.entry(a.clone()).or_default();
        if !l.contains(&b) {
            l.push(b.clone());
        }
        let l = out.entry(b).or_default();
        if !l.contains(&a) {
            l.push(a);
        }
    };
    for row in TABLE {
        let keys: Vec<String> = row.iter().map(|n| phonetic_key(n)).collect();
        for (i, x) in keys.iter().enumerate() {
            for y in &keys[i + 1..] {
                add(x.clone(), y.clone());
            }
        }
    }
    // A pairing seen in one entity only may be that entity's data error (one person listed as
    // both Aleksei and Aleksandr); two independent entities make it a language fact.
    let mut support: HashMap<(String, String), usize> = HashMap::new();
    for e in entities.filter(|e| e.entity_type == EntityType::Person) {
        let mut seen: Vec<(String, String)> = Vec::new();
        let given: Vec<Vec<String>> = e
            .names
            .iter()
            .filter_map(|n| n.parts.as_ref())
            .map(|p| fold(&p.given).split_whitespace().map(str::to_string).collect())
            .collect();
        for (i, a) in given.iter().enumerate() {
            for b in &given[i + 1..] {
                if a.len() != b.len() {
                    continue;
                }
                for (x, y) in a.iter().zip(b) {
                    let (kx, ky) = (phonetic_key(x), phonetic_key(y));
                    if kx == ky
                        || is_patronymic(x)
                        || is_patronymic(y)
                        || x.len() < MIN_PAIRED_LEN
                        || y.len() < MIN_PAIRED_LEN
                    {
                        continue;
                    }
                    // Unrelated names paired by a data error share little; real equivalents
                    // (Mikalai / Nikolai, Yauhen / Evgeny) share most of their key.
                    if strsim::normalized_levenshtein(&kx, &ky) < MIN_KEY_SIMILARITY {
                        continue;
                    }
                    let pair = if kx < ky { (kx, ky) } else { (ky, kx) };
                    let n = support.entry(pair.clone()).or_default();
                    // Counted once per entity.
                    if *n == 0 || !seen.contains(&pair) {
                        *n += 1;
                    }
                    seen.push(pair);
                }
            }
        }
    }
    for ((a, b), n) in support {
        if n >= MIN_SUPPORT {
            add(a, b);
        }
    }
    out
}

/// How alike the keys of two given names paired by the lists must be (Uladzimir / Vladimir 0.88,
/// Yauhen / Yevgeny 0.67; Aleksei / Alexander, two different names, 0.56).
const MIN_KEY_SIMILARITY: f64 = 0.6;

/// Names shorter than this are not paired from the lists' data: `Abu` / `Ali` (a kunya and a
/// given name, keys a letter apart) were paired by two entities and then met every Muhammad Ali.
const MIN_PAIRED_LEN: usize = 4;

/// Entities that must pair two names before the lists' own evidence makes them equivalents.
const MIN_SUPPORT: usize = 2;

#[cfg(test)]
mod tests {
    use super::*;

    /// A word of trade is in one row: the retrieval table keeps one row's keys per word.
    #[test]
    fn each_word_of_trade_is_in_one_row() {
        let mut seen = std::collections::HashSet::new();
        for w in synonym_rows().flat_map(|row| row.iter()) {
            assert!(seen.insert(*w), "{w} is in two rows");
            assert_eq!(crate::normalize::fold(w).trim(), *w, "{w} is not folded");
        }
        let org_synonyms = |a: &str, b: &str| super::org_synonyms(a, &phonetic_key(a), b, &phonetic_key(b));
        assert!(org_synonyms("avtomobilny", "automobile") && org_synonyms("minskiy", "minsk"));
        // Spellings and endings a row does not write meet it by their key (words of six letters
        // or more), and the state bodies' words are synonyms but no words of trade.
        assert!(org_synonyms("podshipnikovyy", "bearing") && org_synonyms("komissiei", "commission"));
        assert!(!org_synonyms("dell", "affairs"));
        assert!(is_org_synonym_word("plant") && !is_org_synonym_word("election") && !is_org_synonym_word("olympic"));
        // Belarusian Airlines in Russian and in Belarusian (`Белорусские авиалинии`,
        // `Беларускія авіялініі`), folded.
        for (a, b) in [
            ("belorusskie", "belarusian"),
            ("belaruskiya", "belarusian"),
            ("aviyalinii", "airlines"),
            ("razvitstsya", "development"),
        ] {
            assert!(org_synonyms(crate::normalize::fold(a).trim(), b), "{a}");
        }
        assert_eq!(crate::normalize::fold("Беларускія авіялініі"), "belaruskiya aviyalinii");
        assert!(is_kind_word("zavod") && is_kind_word("holding") && is_kind_word("works"));
        assert!(!is_kind_word("automobile") && !is_kind_word("minsk") && !is_kind_word("bank"));
        for first in KIND_ROWS {
            assert!(ORG_SYNONYMS.iter().any(|row| row[0] == first), "{first} heads no row");
        }
    }
    use crate::model::{Name, NameQuality, SourceKind};

    #[test]
    fn no_key_belongs_to_two_rows() {
        // Rows are compared by key: a key in two rows would make their names one.
        let mut row_of: HashMap<String, usize> = HashMap::new();
        for (i, row) in TABLE.iter().enumerate() {
            for n in *row {
                if let Some(j) = row_of.insert(phonetic_key(n), i) {
                    assert_eq!(i, j, "{n} has the key of a name in row {j}");
                }
            }
        }
        assert!(equivalent_in_table(&phonetic_key("ihar"), &phonetic_key("igor")));
        assert!(spellings_in_table_row("ihar", "igor"));
        for p in
            ["yevgenevich", "aleksandrovich", "uladzimiravich", "sergeevna", "petrovich", "nikolaevich", "yurievich"]
        {
            assert!(is_patronymic_of_given_name(p), "{p}");
        }
        for s in [
            "shandarovich",
            "miklashevich",
            "piatkevich",
            "rusakevich",
            "kazakevich",
            "ivankovich",
            "mikhovich",
            "lukashenka",
        ] {
            assert!(!is_patronymic_of_given_name(s), "{s}");
        }
        assert!(!spellings_in_table_row("ulyana", "yelena"));
        assert!(!equivalent_in_table(&phonetic_key("alena"), &phonetic_key("galina")));
        assert!(!equivalent_in_table(&phonetic_key("ahmed"), &phonetic_key("mohammad")));
    }

    #[test]
    fn lists_pair_names() {
        let person = |id: &str, names: &[(&str, &str)]| {
            let mut e = Entity::new(id.into(), SourceKind::UsOfacSdn, EntityType::Person);
            for (sur, given) in names {
                e.names.push(Name::from_parts(sur, given, NameQuality::Strong));
            }
            e
        };
        let a = person("a", &[("KUBRAKOU", "Ales Uladzimiravich"), ("KUBRAKOV", "Aleksei Vladimirovich")]);
        let b = person("b", &[("PETROU", "Ales"), ("PETROV", "Aleksei")]);
        let c = person("c", &[("SIDARAU", "Alik"), ("SIDOROV", "Oleg")]);
        let p = pairs([&a, &b, &c].into_iter());
        let eq = |x: &str, y: &str| p.get(&phonetic_key(x)).is_some_and(|l| l.contains(&phonetic_key(y)));
        assert!(eq("ales", "aleksei") && eq("aleksei", "ales"), "two entities pair them");
        assert!(!eq("alik", "oleg"), "one entity is not enough");
        assert!(eq("uladzimir", "vladimir") && eq("mikalai", "nikolai"), "the table");
        // No chains: equivalents are pairs, not classes.
        assert!(!eq("sergei", "vladimir"));
    }

    #[test]
    fn short_nicknames_meet_by_spelling_not_by_key() {
        use crate::normalize::phonetic_key;
        // Ira and Yuri share the key `ara`: Yuri must not be a nickname of Irina.
        let yuri = nicknames_of("yuri", &phonetic_key("yuri"));
        let sierra = nicknames_of("sierra", &phonetic_key("sierra"));
        assert!(!sierra.iter().any(|n| nickname_matches(n, "aleksandr", &phonetic_key("aleksandr"))));
        let sascha = nicknames_of("sascha", &phonetic_key("sascha"));
        assert!(sascha.iter().any(|n| nickname_matches(n, "aleksandr", &phonetic_key("aleksandr"))));
        assert!(!yuri.iter().any(|n| nickname_matches(n, "irina", &phonetic_key("irina"))));
        let ira = nicknames_of("ira", &phonetic_key("ira"));
        assert!(ira.iter().any(|n| nickname_matches(n, "irina", &phonetic_key("irina"))));
    }
}
