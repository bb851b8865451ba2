//! How screening holds up when listed names reach it in other romanisations, degraded or
//! disguised. Queries are generated here from every listed Belarus person (not from the dev
//! set), with transliteration tables written independently of the matcher's, so the test measures
//! generalisation rather than agreement with itself. Each transformation must keep finding the
//! listed entity (decision not CLEAR, the entity among the matches) for the share given.

mod common;

use screener::index::Snapshot;
use screener::lists::store;
use screener::matcher::{self, Decision, Query, Thresholds};
use screener::model::{EntityType, Regime, Script};
use screener::source::SourceSpec;

fn snapshot() -> Snapshot {
    let specs: Vec<SourceSpec> = common::real_sources().iter().map(|s| SourceSpec::parse(s).expect("spec")).collect();
    store::load(&specs, Regime::Belarus).expect("loads")
}

fn german(c: char) -> &'static str {
    match c {
        'а' => "a",
        'б' => "b",
        'в' => "w",
        'г' => "g",
        'д' => "d",
        'е' => "e",
        'ё' => "jo",
        'ж' => "sch",
        'з' => "s",
        'и' => "i",
        'й' => "i",
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
        'ф' => "f",
        'х' => "ch",
        'ц' => "z",
        'ч' => "tsch",
        'ш' => "sch",
        'щ' => "schtsch",
        'ы' => "y",
        'э' => "e",
        'ю' => "ju",
        'я' => "ja",
        'і' => "i",
        'ў' => "w",
        _ => "",
    }
}

fn french(c: char) -> &'static str {
    match c {
        'а' => "a",
        'б' => "b",
        'в' => "v",
        'г' => "g",
        'д' => "d",
        'е' => "e",
        'ё' => "io",
        'ж' => "j",
        'з' => "z",
        'и' => "i",
        'й' => "ï",
        'к' => "k",
        'л' => "l",
        'м' => "m",
        'н' => "n",
        'о' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'у' => "ou",
        'ф' => "f",
        'х' => "kh",
        'ц' => "ts",
        'ч' => "tch",
        'ш' => "ch",
        'щ' => "chtch",
        'ы' => "y",
        'э' => "e",
        'ю' => "iou",
        'я' => "ia",
        'і' => "i",
        'ў' => "ou",
        _ => "",
    }
}

fn iso9(c: char) -> &'static str {
    match c {
        'а' => "a",
        'б' => "b",
        'в' => "v",
        'г' => "g",
        'д' => "d",
        'е' => "e",
        'ё' => "ë",
        'ж' => "ž",
        'з' => "z",
        'и' => "i",
        'й' => "j",
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
        'ф' => "f",
        'х' => "h",
        'ц' => "c",
        'ч' => "č",
        'ш' => "š",
        'щ' => "ŝ",
        'ъ' => "ʺ",
        'ы' => "y",
        'ь' => "ʹ",
        'э' => "è",
        'ю' => "û",
        'я' => "â",
        'і' => "ì",
        'ў' => "ǔ",
        _ => "",
    }
}

/// Romanises a Cyrillic name word by word with a table, capitalising each word.
fn romanise(name: &str, table: fn(char) -> &'static str) -> String {
    name.split_whitespace()
        .map(|w| {
            let lower: String = w.to_lowercase().chars().map(|c| if c == 'i' { 'і' } else { c }).collect();
            // Letters the table lacks (Latin look-alikes inside the published Cyrillic) pass through.
            let latin: String = lower
                .chars()
                .map(|c| match table(c) {
                    "" if c.is_ascii_alphabetic() => c.to_string(),
                    t => t.to_string(),
                })
                .collect();
            let mut cs = latin.chars();
            cs.next().map(|f| f.to_uppercase().chain(cs).collect::<String>()).unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A named transformation of a listed person into a query, and the share that must be found.
type Case = (&'static str, f64, Box<dyn Fn(&Person) -> String>);

/// (id, primary given names, surname, Cyrillic names) of every listed Belarus person.
struct Person {
    id: String,
    given: String,
    surname: String,
    cyrillic: Vec<String>,
}

fn people(s: &Snapshot) -> Vec<Person> {
    s.entities
        .iter()
        .filter(|e| e.entity_type == EntityType::Person)
        .filter_map(|e| {
            let parts = e.names.iter().find_map(|n| n.parts.clone())?;
            if parts.given.split_whitespace().count() == 0 || parts.surname.chars().count() < 4 {
                return None;
            }
            let cyrillic = e
                .names
                .iter()
                .filter(|n| n.script == Script::Cyrillic && n.full.split_whitespace().count() >= 2)
                .map(|n| n.full.clone())
                .collect();
            Some(Person { id: e.id.clone(), given: parts.given, surname: parts.surname, cyrillic })
        })
        .collect()
}

fn found(s: &Snapshot, name: &str, id: &str) -> bool {
    let q = Query { name: name.to_string(), party_type: Some(EntityType::Person), ..Default::default() };
    let r = matcher::screen(s, &q, &Thresholds::default());
    r.decision != Decision::Clear && r.matches.iter().any(|m| s.entities[m.entity as usize].id == id)
}

/// The highest decision on the entity with this id among the matches of a person's name.
fn decision_on(s: &Snapshot, name: &str, id: &str) -> Decision {
    let q = Query { name: name.to_string(), party_type: Some(EntityType::Person), ..Default::default() };
    let r = matcher::screen(s, &q, &Thresholds::default());
    r.matches
        .iter()
        .filter(|m| s.entities[m.entity as usize].id == id)
        .map(|m| m.decision)
        .max()
        .unwrap_or(Decision::Clear)
}

/// Runs `make` over every person, returns the share found, printing misses.
fn rate(s: &Snapshot, label: &str, people: &[Person], make: impl Fn(&Person) -> Vec<String>) -> f64 {
    let (mut ok, mut n) = (0usize, 0usize);
    let mut misses = Vec::new();
    for p in people {
        for q in make(p) {
            n += 1;
            if found(s, &q, &p.id) {
                ok += 1;
            } else if misses.len() < 8 {
                misses.push(q);
            }
        }
    }
    let r = ok as f64 / n.max(1) as f64;
    eprintln!("{label:32} {r:.3} ({ok}/{n}) misses: {misses:?}");
    r
}

fn first_given(p: &Person) -> &str {
    p.given.split_whitespace().next().unwrap_or_default()
}

#[test]
fn other_romanisations_of_the_cyrillic_names() {
    let s = snapshot();
    let people = people(&s);
    for (label, table) in [("German (Duden)", german as fn(char) -> &'static str), ("French", french), ("ISO 9", iso9)]
    {
        let r = rate(&s, label, &people, |p| p.cyrillic.iter().map(|c| romanise(c, table)).collect());
        assert!(r >= 0.95, "{label}: {r:.3}");
    }
}

/// A namesake with another father whose name shares its ending with the listed father's
/// (`Yaroslavovich` for Svyatoslavovich, `Bronislavovich` for Stanislavovich): the whole words are
/// alike, the fathers are not. The given name and surname are the listed ones, so REVIEW (a
/// patronymic made up must not clear a listed person: round 29), never BLOCK; and with a date of
/// birth decades from the listed one, CLEAR. Only persons every one of whose names gives the
/// patronymic (a listed name without one is met by any father's son, as it should be).
#[test]
fn a_namesake_whose_father_shares_an_ending_is_reviewed_not_blocked() {
    let s = snapshot();
    let people = people(&s);
    const FATHERS: [&str; 8] =
        ["Yaroslav", "Stanislav", "Vyacheslav", "Svyatoslav", "Bronislav", "Vladislav", "Miroslav", "Rostislav"];
    let (mut n, mut dated) = (0, 0);
    let (mut blocked, mut cleared, mut flagged_when_born_apart) = (Vec::new(), Vec::new(), Vec::new());
    for p in &people {
        let words: Vec<&str> = p.given.split_whitespace().collect();
        let Some(own) = words.iter().find(|w| w.to_lowercase().contains("slav") && w.to_lowercase().ends_with("vich"))
        else {
            continue;
        };
        let Some(e) = s.entities.iter().find(|e| e.id == p.id) else { continue };
        if e.names.iter().any(|n| n.full.split_whitespace().count() < 3) {
            continue;
        }
        // Which father is the listed one's is this test's own reading of the spellings (`plain`).
        for father in FATHERS.iter().filter(|f| !plain(own).starts_with(&plain(f))) {
            n += 1;
            let name = format!("{} {father}ovich {}", words[0], p.surname);
            let screen = |date_of_birth| {
                let q = Query {
                    name: name.clone(),
                    party_type: Some(EntityType::Person),
                    date_of_birth,
                    ..Default::default()
                };
                let r = matcher::screen(&s, &q, &Thresholds::default());
                r.matches.iter().filter(|m| s.entities[m.entity as usize].id == p.id).map(|m| m.decision).max()
            };
            match screen(None) {
                Some(Decision::Block) => blocked.push(name.clone()),
                None | Some(Decision::Clear) => cleared.push(name.clone()),
                _ => {}
            }
            if let Some(dob) = e.dates_of_birth.first() {
                dated += 1;
                let apart = screener::model::PartialDate::parse_iso(&format!("{:04}", dob.year.saturating_sub(30)));
                if screen(apart).is_some_and(|d| d != Decision::Clear) {
                    flagged_when_born_apart.push(name);
                }
            }
        }
    }
    eprintln!(
        "another father ending in -slav: {n} tried, {} blocked, {} cleared, {dated} dated, {} flagged born 30 years apart",
        blocked.len(),
        cleared.len(),
        flagged_when_born_apart.len()
    );
    assert!(n >= 20 && dated >= 10, "{n} / {dated}");
    // This test's own reading of the spellings does not know every romanisation of one father
    // (`Viachaslavavich` is Vyacheslav's son), so a few are the listed father after all.
    assert!(blocked.len() * 20 <= n, "{blocked:?}");
    assert!(cleared.len() * 20 <= n, "{cleared:?}");
    assert!(flagged_when_born_apart.len() * 20 <= dated, "{flagged_when_born_apart:?}");
}

/// A listed person's given name and surname with a patronymic made up (this test's own table of
/// fathers, none the listed one's): REVIEW at least, BLOCK never. The name without a patronymic
/// BLOCKs, and a made-up one had made 52.5 % of listed persons CLEAR (round 29).
#[test]
fn a_made_up_patronymic_does_not_clear_a_listed_person() {
    let s = snapshot();
    const FATHERS: [(&str, &str); 6] = [
        ("Ivanovich", "Ivanovna"),
        ("Petrovich", "Petrovna"),
        ("Nikolaevich", "Nikolaevna"),
        ("Olegovich", "Olegovna"),
        ("Borisovich", "Borisovna"),
        ("Fedorovich", "Fedorovna"),
    ];
    let (mut n, mut missed, mut blocked) = (0usize, Vec::new(), Vec::new());
    for p in people(&s) {
        let words: Vec<&str> = p.given.split_whitespace().collect();
        let [given, patronymic] = words[..] else { continue };
        let lower = plain(patronymic);
        let female = lower.ends_with("vna") || lower.ends_with("una") || lower.ends_with("ichna");
        if !(female || lower.ends_with("vich") || lower.ends_with("ich")) {
            continue;
        }
        for (man, woman) in FATHERS.iter().filter(|(m, _)| !lower.starts_with(&plain(&m[..4]))).take(2) {
            n += 1;
            let name = format!("{given} {} {}", if female { woman } else { man }, p.surname);
            match decision_on(&s, &name, &p.id) {
                Decision::Clear => missed.push(name),
                Decision::Block => blocked.push(name),
                Decision::Review => {}
            }
        }
    }
    println!("{n} tried, {} missed, {} blocked", missed.len(), blocked.len());
    assert!(n >= 200, "too few listed persons with a patronymic: {n}");
    assert!(missed.len() * 50 <= n, "{} of {n} missed: {:?}", missed.len(), &missed[..missed.len().min(20)]);
    assert!(blocked.len() * 50 <= n, "{} of {n} blocked: {:?}", blocked.len(), &blocked[..blocked.len().min(20)]);
}

/// In `word`, the first consonant of `alphabet` at `from` or after (else before) changed to the
/// next in it: the two slip tests' letter typed instead of a consonant. (A vowel changed is often
/// a romanisation, `Karpenkov` / `Kerpenkov`, which may BLOCK rightly.)
fn next_consonant(word: &mut [char], from: usize, alphabet: &str) {
    if let Some(at) = (from..word.len()).chain((0..from).rev()).find(|&i| alphabet.contains(word[i])) {
        let next = alphabet.chars().position(|c| c == word[at]).map_or(0, |i| i + 1);
        word[at] = alphabet.chars().nth(next).or_else(|| alphabet.chars().next()).unwrap_or(word[at]);
    }
}

/// Slipped names tried by the two slip tests: how many, and those CLEAR and BLOCK on the person.
#[derive(Default)]
struct Slips {
    tried: usize,
    missed: Vec<String>,
    blocked: Vec<String>,
}

impl Slips {
    fn try_name(&mut self, s: &Snapshot, name: String, id: &str) {
        self.tried += 1;
        match decision_on(s, &name, id) {
            Decision::Clear => self.missed.push(name),
            Decision::Block => self.blocked.push(name),
            Decision::Review => {}
        }
    }

    /// At most a tenth missed, a fiftieth BLOCKed (some slips are romanisations, `v` / `w`,
    /// `Siwakow`, or leave a long surname 0.9 alike: those BLOCK as the listed spelling would).
    fn check(&self, least: usize) {
        let Slips { tried: n, missed, blocked } = self;
        println!("{n} tried, {} missed, {} blocked", missed.len(), blocked.len());
        assert!(*n >= least, "too few listed persons with a patronymic and a long surname: {n}");
        assert!(missed.len() * 10 <= *n, "{} of {n} missed: {:?}", missed.len(), &missed[..missed.len().min(20)]);
        assert!(blocked.len() * 50 <= *n, "{} of {n} blocked: {:?}", blocked.len(), &blocked[..blocked.len().min(20)]);
    }
}

/// A listed person's given name and patronymic as listed, with two slips in a surname of seven
/// letters or more (this test's own slips: two consonants changed, one letter left out and one
/// added, two swapped and a consonant changed): REVIEW at least, BLOCK only where the slips are a
/// romanisation. Two slips in a surname of nine letters or fewer meet no listed word, and made
/// 52 % of listed persons so written CLEAR (round 29).
#[test]
fn two_slips_in_the_surname_beside_the_listed_given_name_and_patronymic() {
    let s = snapshot();
    const CONSONANTS: &str = "bcdfghjklmnpqrstvwxz";
    let change = |w: &mut Vec<char>, from: usize| next_consonant(w, from, CONSONANTS);
    let mut slips = Slips::default();
    for p in people(&s) {
        let words: Vec<&str> = p.given.split_whitespace().collect();
        let [given, patronymic] = words[..] else { continue };
        let surname: Vec<char> = p.surname.to_lowercase().chars().collect();
        let k = surname.len();
        if k < 7 || !surname.iter().all(|c| c.is_ascii_lowercase()) {
            continue;
        }
        let changed = {
            let mut w = surname.clone();
            change(&mut w, 1);
            change(&mut w, k - 2);
            w
        };
        let out_and_in = {
            let mut w = surname.clone();
            w.remove(2);
            w.insert(k - 3, 'r');
            w
        };
        let swapped_and_changed = {
            let mut w = surname.clone();
            w.swap(1, 2);
            change(&mut w, k - 2);
            w
        };
        for slipped in [changed, out_and_in, swapped_and_changed] {
            slips.try_name(&s, format!("{given} {patronymic} {}", slipped.iter().collect::<String>()), &p.id);
        }
    }
    slips.check(300);
}

/// A listed person's given name and patronymic as listed, with one consonant of a surname of four
/// letters changed (this test's own slip: the next consonant in the alphabet, at the word's end
/// or its second letter): REVIEW at least. One letter of four leaves the words 0.75 alike, below
/// any pair, and round 35 found such names CLEAR (`Hleb Uladzimiravich DRYO` for DRYL).
#[test]
fn one_slip_in_a_short_surname_beside_the_listed_given_name_and_patronymic() {
    let s = snapshot();
    const CONSONANTS: &str = "bcdfghjklmnpqrstvwxz";
    let mut slips = Slips::default();
    for p in people(&s) {
        let words: Vec<&str> = p.given.split_whitespace().collect();
        let [given, patronymic] = words[..] else { continue };
        let surname: Vec<char> = p.surname.to_lowercase().chars().collect();
        if surname.len() != 4 || !surname.iter().all(|c| c.is_ascii_lowercase()) {
            continue;
        }
        for from in [3, 1] {
            let mut w = surname.clone();
            next_consonant(&mut w, from, CONSONANTS);
            if w[0] == surname[0] {
                slips.try_name(&s, format!("{given} {patronymic} {}", w.iter().collect::<String>()), &p.id);
            }
        }
    }
    slips.check(8);
}

/// The same slips typed in Cyrillic, in the Cyrillic names the lists give (Canada's): a slip is
/// one Cyrillic letter, which may be several of the folded Latin ones (`ч` is `ch`, `щ` `shch`):
/// round 30's outside probe found 28 % of such names CLEAR. This test's own slips: two consonants
/// changed to the next in the alphabet, or one letter left out and `ч` added.
#[test]
fn two_cyrillic_slips_in_the_surname_beside_the_listed_given_name_and_patronymic() {
    let s = snapshot();
    const CONSONANTS: &str = "бвгджзклмнпрстфхцчшщ";
    let change = |w: &mut Vec<char>, from: usize| next_consonant(w, from, CONSONANTS);
    let mut slips = Slips::default();
    let mut seen = std::collections::HashSet::new();
    for p in people(&s) {
        for full in &p.cyrillic {
            let words: Vec<&str> = full.split_whitespace().collect();
            let [given, patronymic, surname] = words[..] else { continue };
            let patronymic_lower = patronymic.to_lowercase();
            if !["вич", "віч", "вiч", "вна", "ўна", "ична"].iter().any(|e| patronymic_lower.ends_with(e))
            {
                continue;
            }
            let surname: Vec<char> = surname.to_lowercase().chars().collect();
            let k = surname.len();
            if k < 7
                || !surname.iter().all(|c| ('а'..='я').contains(c) || "ёіўє".contains(*c))
                || !seen.insert(full.clone())
            {
                continue;
            }
            let changed = {
                let mut w = surname.clone();
                change(&mut w, 1);
                change(&mut w, k - 2);
                w
            };
            let out_and_in = {
                let mut w = surname.clone();
                w.remove(2);
                w.insert(k - 3, 'ч');
                w
            };
            for slipped in [changed, out_and_in] {
                slips.try_name(&s, format!("{given} {patronymic} {}", slipped.iter().collect::<String>()), &p.id);
            }
        }
    }
    slips.check(100);
}

/// A payment's opening typed onto the name, with no space (`FBOGenadz Andreevich BOGDAN`, `For
/// benefit ofViktor …`): every listed person's name behind each of this test's openings is found
/// as it is spaced (round 29: 5.5 % of listed persons so written CLEAR, since the glued word hid
/// the given name).
#[test]
fn an_opening_typed_onto_a_listed_name_does_not_hide_it() {
    let s = snapshot();
    const OPENINGS: [&str; 7] = ["FBO", "F/B/O", "attn", "c/o", "For benefit of", "For the benefit of", "в пользу"];
    let (mut n, mut missed) = (0usize, Vec::new());
    for p in people(&s) {
        // As the lists write a name (capitalised or in capitals), which is what a payment copies.
        let name = format!("{} {}", p.given, p.surname);
        if !name.chars().next().is_some_and(char::is_uppercase) {
            continue;
        }
        for opening in OPENINGS {
            n += 1;
            let glued = format!("{opening}{name}");
            if decision_on(&s, &glued, &p.id) == Decision::Clear && decision_on(&s, &name, &p.id) != Decision::Clear {
                missed.push(glued);
            }
        }
    }
    println!("{n} tried, {} missed", missed.len());
    assert!(n >= 1000, "too few listed persons: {n}");
    assert!(missed.len() * 100 <= n, "{} of {n} missed: {:?}", missed.len(), &missed[..missed.len().min(20)]);
}

/// Words a bank in another country writes before the name to say whom a payment is for
/// (`zugunsten von`, `en faveur de`, `na rzecz`, `IFO`): every listed person's name behind each of
/// this test's openings is answered as strongly as the name alone, not lowered to REVIEW by the
/// opening's words weighing as words of the name (a round 32 probe).
#[test]
fn a_foreign_opening_before_a_listed_name_does_not_weaken_it() {
    let s = snapshot();
    const OPENINGS: [&str; 14] = [
        "Zugunsten von",
        "z. Hd.",
        "À l'attention de",
        "ZUGUNSTEN",
        "En faveur de",
        "AU PROFIT DE",
        "A favor de",
        "per conto di",
        "Na rzecz",
        "IFO",
        "A/C",
        "By order of",
        "В интересах",
        "Від імені",
    ];
    at_most_one_in_a_hundred_weakened(&s, |name| OPENINGS.iter().map(|o| format!("{o} {name}")).collect());
}

/// Puts every listed person's name (given names and surname) through `dress`, and fails when
/// more than one in a hundred of the dressed names is answered weaker on that person than the
/// name alone.
fn at_most_one_in_a_hundred_weakened(s: &Snapshot, dress: impl Fn(&str) -> Vec<String>) {
    let (mut n, mut weakened) = (0usize, Vec::new());
    for p in people(s) {
        let name = format!("{} {}", p.given, p.surname);
        let alone = decision_on(s, &name, &p.id);
        if alone == Decision::Clear {
            continue;
        }
        for dressed in dress(&name) {
            n += 1;
            if decision_on(s, &dressed, &p.id) < alone {
                weakened.push(dressed);
            }
        }
    }
    println!("{n} tried, {} weakened", weakened.len());
    assert!(n >= 1000, "too few listed persons: {n}");
    assert!(weakened.len() * 100 <= n, "{} of {n} weakened: {:?}", weakened.len(), &weakened[..weakened.len().min(20)]);
}

/// A degree or a generation after a listed name (`, Ph.D.`, `MBA`, `III`), as letterheads and
/// customer records write them, weighs nothing: round 33's outside attack found all of them
/// lowering a listed name to REVIEW. Every listed person, each way.
#[test]
fn a_degree_after_a_listed_name_does_not_weaken_it() {
    let s = snapshot();
    const AFTER: [&str; 5] = [", Ph.D.", " PhD", " MBA", ", M.B.A.", " III"];
    at_most_one_in_a_hundred_weakened(&s, |name| AFTER.iter().map(|a| format!("{name}{a}")).collect());
}

/// Every listed organisation's name in Latin letters of three words or more, run together in
/// capitals without spaces or punctuation (`INVESTIGATIVECOMMITTEEOFTHEREPUBLICOFBELARUS`, a
/// classic way round a filter that reads words): found. Round 33's outside attack found the long
/// names of state bodies CLEAR, their connectors (`of`, `the`) and word count out of the split's
/// reach (of 422 names here, 105 were missed then). What is still missed (49): runs of more than
/// `MAX_WORD_CHARS` (64) characters, which are cut rather than split, and Russian legal forms the
/// lists themselves misspell (`OTVESTVENNOSTYU`, `OBSCHESTVO`).
#[test]
fn an_organisation_name_run_together_is_found() {
    let s = snapshot();
    listed_organisations_found(&s, 100, |name| {
        let words = name.full.split_whitespace().count();
        if !(3..=12).contains(&words) || name.full.contains(['(', '[']) {
            return None;
        }
        Some(name.full.chars().filter(|c| c.is_alphanumeric()).collect::<String>().to_uppercase())
    });
}

/// An organisation's English name spelt by ear, or read back from Cyrillic letters that wrote it
/// letter for letter (`ТОБАККО ФАКТОРЫ`): this test's own respelling writes a hard `c` (before
/// `a`, `o`, `u`, a consonant other than `h`, or ending a word) and `ck` as `k`, and `x` as `ks`.
/// Round 35 found `GRODNO TOBAKKO FACTORY NEMAN` and `SHOCK SPORTS KLUB` CLEAR: the phonetic key
/// keeps `c` (ц in Polish and Czech) apart from `k`.
#[test]
fn an_organisation_name_spelt_by_ear_is_found() {
    let s = snapshot();
    listed_organisations_found(&s, 100, |name| {
        let upper: Vec<char> = name.full.to_uppercase().chars().collect();
        let mut out = String::new();
        let mut i = 0;
        while i < upper.len() {
            let next = upper.get(i + 1).copied();
            match (upper[i], next) {
                ('C', Some('K')) => {
                    out.push('K');
                    i += 1;
                }
                ('C', Some('E' | 'I' | 'Y' | 'H' | 'Z')) => out.push('C'),
                ('C', _) => out.push('K'),
                ('X', _) => out.push_str("KS"),
                (c, _) => out.push(c),
            }
            i += 1;
        }
        (out != name.full.to_uppercase() && !name.full.contains(['(', '['])).then_some(out)
    });
}

/// Screens, as an organisation, `variant` of each listed organisation's Latin name (those it
/// gives one for): at least `min` are tried, and seven in eight find the organisation itself,
/// REVIEW at least.
fn listed_organisations_found(s: &Snapshot, min: usize, variant: impl Fn(&screener::model::Name) -> Option<String>) {
    let (mut n, mut missed) = (0usize, Vec::new());
    for e in s.entities.iter().filter(|e| e.entity_type == EntityType::Organization) {
        for query in e.names.iter().filter(|n| n.script == Script::Latin).filter_map(&variant) {
            n += 1;
            let q = Query { name: query.clone(), party_type: Some(EntityType::Organization), ..Default::default() };
            let r = matcher::screen(s, &q, &Thresholds::default());
            if r.decision == Decision::Clear || !r.matches.iter().any(|m| s.entities[m.entity as usize].id == e.id) {
                missed.push(query);
            }
        }
    }
    println!("{n} tried, {} missed: {:?}", missed.len(), &missed[..missed.len().min(20)]);
    assert!(n >= min, "too few listed organisation names: {n}");
    assert!(missed.len() * 8 <= n, "{} of {n} missed: {:?}", missed.len(), &missed[..missed.len().min(30)]);
}

/// Words of an organisation's name written short, as payments fit a name to a field of 35
/// characters (`Minsk Wheel Tractor Pl.`, `Dept. of … the Rep. of Belarus`), by this test's own
/// table of business abbreviations: the listed organisation is still found (REVIEW at least).
/// Round 33's outside attack found 57 % of such names CLEAR: the short word met nothing and
/// counted against the name. A name whose every word but its legal form is written short says
/// too little, and is not asked.
#[test]
fn an_organisation_name_with_words_written_short_is_found() {
    const SHORT: [(&str, &str); 24] = [
        ("DEPARTMENT", "Dept."),
        ("REPUBLIC", "Rep."),
        ("REPUBLICAN", "Rep."),
        ("STATE", "St."),
        ("NATIONAL", "Nat."),
        ("MINISTRY", "Min."),
        ("PLANT", "Pl."),
        ("FACTORY", "Fact."),
        ("ENTERPRISE", "Ent."),
        ("ASSOCIATION", "Assn."),
        ("INSTITUTE", "Inst."),
        ("RESEARCH", "Res."),
        ("PRODUCTION", "Prod."),
        ("SCIENTIFIC", "Sci."),
        ("MANAGEMENT", "Mgmt"),
        ("HOLDING", "Hldg"),
        ("BUREAU", "Bur."),
        ("DESIGN", "Des."),
        ("DIRECTORATE", "Dir."),
        ("COMMITTEE", "Cttee."),
        ("INDUSTRIAL", "Ind."),
        ("ELECTRONIC", "Electr."),
        ("BELARUSIAN", "Bel."),
        ("MINSK", "Mn."),
    ];
    let s = snapshot();
    listed_organisations_found(&s, 50, |name| {
        let words: Vec<&str> = name.full.split_whitespace().collect();
        let short = |w: &str| {
            let bare = w.trim_matches(|c: char| !c.is_alphanumeric()).to_uppercase();
            SHORT.iter().find(|(long, _)| *long == bare).map(|(_, s)| s.to_string())
        };
        let written: Vec<String> = words.iter().map(|w| short(w).unwrap_or_else(|| w.to_string())).collect();
        let kept = words.iter().filter(|w| short(w).is_none() && w.chars().filter(|c| c.is_alphabetic()).count() > 4);
        (written != words && kept.count() > 0 && !name.full.contains(['(', '['])).then(|| written.join(" "))
    });
}

/// Every word of a listed organisation's name written short (its first two letters and a dot),
/// and every word but the first: a guess at most, never BLOCK, and screened to the end (the
/// first rescoring without words met short recursed without end on a short last word that also
/// met a legal form).
#[test]
fn a_name_of_words_written_short_is_never_blocked() {
    let s = snapshot();
    let mut blocked = Vec::new();
    let mut n = 0;
    for e in s.entities.iter().filter(|e| e.entity_type == EntityType::Organization) {
        for name in &e.names {
            let words: Vec<&str> = name.full.split_whitespace().collect();
            let short = |w: &str| format!("{}.", w.chars().take(2).collect::<String>());
            let all: Vec<String> = words.iter().map(|w| short(w)).collect();
            let but_first: Vec<String> =
                words.iter().enumerate().map(|(i, w)| if i == 0 { w.to_string() } else { short(w) }).collect();
            for (query, rest) in [(all.join(" "), words.len()), (but_first.join(" "), words.len() - 1)] {
                n += 1;
                let q = Query { name: query.clone(), party_type: Some(EntityType::Organization), ..Default::default() };
                if matcher::screen(&s, &q, &Thresholds::default()).decision == Decision::Block && rest >= 2 {
                    blocked.push(query);
                }
            }
        }
    }
    assert!(n >= 100, "too few listed organisation names: {n}");
    assert!(blocked.is_empty(), "{} of {n}: {blocked:?}", blocked.len());
}

/// Ordinary companies' names written short by the same habit (this test's own names, of the
/// words the listed names are made of) stay CLEAR: a short word stands for a common word beside
/// a rarer one met in full, not for the word that names a listed organisation.
#[test]
fn ordinary_names_written_short_are_not_flagged() {
    const NAMES: [&str; 16] = [
        "Bel. Joint Holding GmbH",
        "Commercial Services Min. GmbH",
        "Mn. Comm. Ins. Services Sp. z o.o.",
        "Northern Bel. Cttee. Invt. Holding",
        "Gomel Dairy Pl. LLC",
        "Minsk Software Dev. Ltd",
        "Natl. Glass Fact. OOO",
        "Vit. Textile Ent. OJSC",
        "Brest Timber Trdg. Co.",
        "St. Precision Instruments Inc.",
        "Rep. Logistics Centre UAB",
        "Mgmt Consulting Grp. Ltd",
        "Eastern Bel. Energy Hldg",
        "Sci. Prod. Assn. Orion LLC",
        "Dept. of Public Works Baltic",
        "Grodno Auto Pl. Service",
    ];
    let s = snapshot();
    let flagged: Vec<&str> = NAMES
        .iter()
        .copied()
        .filter(|name| {
            let q = Query { name: name.to_string(), party_type: Some(EntityType::Organization), ..Default::default() };
            matcher::screen(&s, &q, &Thresholds::default()).decision != Decision::Clear
        })
        .collect();
    assert!(flagged.is_empty(), "{flagged:?}");
}

/// A listed alias of given name and patronymic alone (UK's `Sergei YEVGENEVICH`, Canada's
/// `Andrey Sergeevich`) of a person whose surname the list gives in other names, sent with a
/// surname of this test's own table: another family, not REVIEW on that person (round 30: such
/// aliases made 1.9 % of every listed given name and patronymic with a common surname REVIEW).
/// With the person's own listed surname it is still found.
#[test]
fn an_alias_without_the_surname_does_not_flag_every_namesake() {
    let s = snapshot();
    const SURNAMES: [&str; 6] = ["Semenov", "Kovalenko", "Stankevich", "Golubev", "Martinyuk", "Shestakov"];
    let (mut aliases, mut flagged, mut missed) = (0usize, Vec::new(), Vec::new());
    let mut seen = std::collections::HashSet::new();
    for v in s.variants.iter().filter(|v| v.surnameless_alias) {
        let e = &s.entities[v.entity as usize];
        let alias = &e.names[usize::from(v.name)].full;
        if !seen.insert((v.entity, alias.clone())) || alias.split_whitespace().count() != 2 {
            continue;
        }
        aliases += 1;
        let decision = |name: String| decision_on(&s, &name, &e.id);
        for surname in SURNAMES {
            let name = format!("{alias} {surname}");
            if decision(name.clone()) != Decision::Clear {
                flagged.push(name);
            }
        }
        let own = e.names.iter().find_map(|n| n.parts.as_ref().map(|p| p.surname.clone()));
        if let Some(own) = own.filter(|o| o.chars().count() >= 3) {
            let name = format!("{alias} {own}");
            if decision(name.clone()) == Decision::Clear {
                missed.push(name);
            }
        }
    }
    println!("{aliases} aliases, {} flagged, {} missed", flagged.len(), missed.len());
    assert!(aliases >= 3, "too few aliases without a surname: {aliases}");
    assert!(flagged.is_empty(), "{flagged:?}");
    assert!(missed.is_empty(), "{missed:?}");
}

/// A Cyrillic name typed with one letter dropped that romanises to several Latin ones (щ ж х ц
/// ч ш я ю): one slip in Cyrillic, two to four letters off once romanised. Dropped from the
/// longest word of eight letters or more, where one letter off is still the name.
#[test]
fn a_cyrillic_letter_dropped_from_a_long_word() {
    let s = snapshot();
    let people = people(&s);
    let dropped = |name: &String| -> Option<String> {
        let words: Vec<&str> = name.split_whitespace().collect();
        let (k, longest) = words.iter().enumerate().max_by_key(|(_, w)| w.chars().count())?;
        if longest.chars().count() < 8 {
            return None;
        }
        let at = longest.char_indices().skip(1).find(|(_, c)| "щжхцчшяюЩЖХЦЧШЯЮ".contains(*c))?.0;
        let c = longest[at..].chars().next()?;
        let mut w = words.clone();
        let slipped = format!("{}{}", &longest[..at], &longest[at + c.len_utf8()..]);
        w[k] = &slipped;
        Some(w.join(" "))
    };
    let r = rate(&s, "a Cyrillic letter dropped", &people, |p| p.cyrillic.iter().filter_map(dropped).collect());
    assert!(r >= 0.97, "a Cyrillic letter dropped: {r:.3}");
}

#[test]
fn layouts_titles_and_case() {
    let s = snapshot();
    let people = people(&s);
    let cases: [Case; 5] = [
        ("SURNAME,Given (no space)", 0.99, Box::new(|p| format!("{},{}", p.surname.to_uppercase(), p.given))),
        ("ALL UPPER CASE", 0.99, Box::new(|p| format!("{} {}", p.given, p.surname).to_uppercase())),
        ("title and note", 0.97, Box::new(|p| format!("Mr. {} {} (director)", first_given(p), p.surname))),
        ("label", 0.99, Box::new(|p| format!("Beneficiary: {} {}", p.given, p.surname))),
        ("surname first, no patronymic", 0.99, Box::new(|p| format!("{} {}", p.surname, first_given(p)))),
    ];
    for (label, min, f) in cases {
        let r = rate(&s, label, &people, |p| vec![f(p)]);
        assert!(r >= min, "{label}: {r:.3}");
    }
}

/// Found by an outside test: what a name holds in parentheses or brackets was dropped as a note,
/// so a listed name written inside them (`Aleksandr (Lukashenko)`, `Ivan Petrov (a.k.a. …)`) was
/// CLEAR, and a name wholly in parentheses was refused. Every listed person, each way.
#[test]
fn listed_names_inside_parentheses_or_brackets() {
    let s = snapshot();
    let people = people(&s);
    let cases: [Case; 4] = [
        ("surname in parentheses", 0.97, Box::new(|p| format!("{} ({})", first_given(p), p.surname))),
        ("whole name in parentheses", 0.99, Box::new(|p| format!("({} {})", first_given(p), p.surname))),
        ("an alias in a note", 0.97, Box::new(|p| format!("Ivan Petrov (a.k.a. {} {})", first_given(p), p.surname))),
        ("in brackets after another name", 0.97, Box::new(|p| format!("Maria Ivanova [{} {}]", p.given, p.surname))),
    ];
    for (label, min, f) in cases {
        let r = rate(&s, label, &people, |p| vec![f(p)]);
        assert!(r >= min, "{label}: {r:.3}");
    }
}

/// A listed company's one-word name in a note of another party's name (`Tom Baker (Belshina)`)
/// names it in passing: REVIEW, never CLEAR and, unlike a name said to be the party's own
/// (`a.k.a.`), never BLOCK (an outside test of the readings above found such notes BLOCK).
#[test]
fn a_listed_one_word_name_in_a_note_is_a_mention() {
    let s = snapshot();
    let words: Vec<String> = s
        .entities
        .iter()
        .filter(|e| e.entity_type == EntityType::Organization)
        .filter_map(|e| {
            let w: Vec<&str> = e.names[0].full.split_whitespace().collect();
            (w.len() == 1 && w[0].chars().count() >= 6 && w[0].chars().all(char::is_alphabetic))
                .then(|| w[0].to_string())
        })
        .collect();
    assert!(words.len() >= 5, "{words:?}");
    for w in &words {
        let screen = |name: String| {
            let q = Query { name, party_type: Some(EntityType::Person), ..Default::default() };
            matcher::screen(&s, &q, &Thresholds::default()).decision
        };
        assert_eq!(screen(format!("Tom Baker ({w})")), Decision::Review, "{w}");
        assert_ne!(screen(format!("Tom Baker (a.k.a. {w})")), Decision::Clear, "{w}");
    }
}

#[test]
fn initials_reach_review_but_never_block() {
    let s = snapshot();
    let people = people(&s);
    let initials = |p: &Person| {
        let i: Vec<String> =
            p.given.split_whitespace().filter_map(|g| g.chars().next()).map(|c| format!("{c}.")).collect();
        format!("{} {}", i.join(" "), p.surname)
    };
    let r = rate(&s, "initials", &people, |p| vec![initials(p)]);
    assert!(r >= 0.95, "initials: {r:.3}");
    for p in &people {
        let q = Query { name: initials(p), party_type: Some(EntityType::Person), ..Default::default() };
        let res = matcher::screen(&s, &q, &Thresholds::default());
        assert!(res.matches.iter().all(|m| m.decision != Decision::Block), "{} blocked on initials", q.name);
    }
}

#[test]
fn disguised_and_degraded_names() {
    let s = snapshot();
    let people = people(&s);
    let full = |p: &Person| format!("{} {}", first_given(p), p.surname);
    // Cyrillic look-alikes for Latin letters, and Greek ones.
    let homoglyphs = |t: &str| {
        t.chars()
            .map(|c| match c {
                'a' => 'а',
                'e' => 'е',
                'o' => 'о',
                'c' => 'с',
                'p' => 'р',
                'A' => 'Α',
                'O' => 'Ο',
                _ => c,
            })
            .collect::<String>()
    };
    let zero_width =
        |t: &str| t.chars().flat_map(|c| [c, '\u{200B}']).collect::<String>().replace("\u{200B} ", "\u{00A0}");
    let no_vowels = |p: &Person| {
        let sur: String = p
            .surname
            .chars()
            .enumerate()
            .filter(|(i, c)| *i == 0 || !"aeiouyAEIOUY".contains(*c))
            .map(|(_, c)| c)
            .collect();
        format!("{} {}", first_given(p), sur)
    };
    let ocr = |t: &str| t.replace('m', "rn").replace('o', "0").replace('l', "1");
    let cases: Vec<Case> = vec![
        ("homoglyphs", 0.99, Box::new(move |p| homoglyphs(&full(p)))),
        ("zero-width and NBSP", 0.99, Box::new(move |p| zero_width(&full(p)))),
        ("vowels dropped from surname", 0.9, Box::new(no_vowels)),
        ("OCR confusions", 0.9, Box::new(move |p| ocr(&full(p)))),
        (
            "cut to 35 characters",
            0.95,
            Box::new(|p| {
                let n = format!("{} {}", p.given, p.surname).to_uppercase();
                n.chars().take(35).collect()
            }),
        ),
    ];
    for (label, min, f) in cases {
        let r = rate(&s, label, &people, |p| vec![f(p)]);
        assert!(r >= min, "{label}: {r:.3}");
    } // Two slips in one patronymic (a letter replaced, another inserted: `Mikhailavich` typed
      // `Mikzzailavich`), beyond what retrieval finds by one deletion: the rest of the name is
      // as listed, so the person is still found.
    let patronymic_slips = |p: &Person| {
        let words: Vec<&str> = p.given.split_whitespace().collect();
        let Some(k) = words.iter().position(|w| {
            let w = w.to_lowercase();
            w.chars().count() >= 8 && ["vich", "vna", "ich"].iter().any(|e| w.ends_with(e))
        }) else {
            return Vec::new();
        };
        let chars: Vec<char> = words[k].chars().collect();
        let slipped: String = chars[..3].iter().chain(['z', 'z'].iter()).chain(&chars[4..]).collect();
        let mut given = words.clone();
        given[k] = &slipped;
        vec![format!("{} {}", given.join(" "), p.surname)]
    };
    let r = rate(&s, "two slips in the patronymic", &people, patronymic_slips);
    assert!(r >= 0.9, "two slips in the patronymic: {r:.3}");
}

/// A name as this test compares names: lower case, Latin letters without their marks, the
/// spellings that romanisations of one Cyrillic letter differ in brought together (`y`/`j`/`i`,
/// `kh`/`h`/`g`, `x`/`ks`, `w`/`v`, `ph`/`f`), doubled letters once. Written here, apart from
/// `screener::normalize`, so that the test does not share the matcher's errors.
fn plain(name: &str) -> String {
    let mut out = String::new();
    for c in name.to_lowercase().chars() {
        let c = match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'ą' => 'a',
            'é' | 'è' | 'ê' | 'ë' | 'ė' | 'ę' | 'ě' => 'e',
            'í' | 'ì' | 'î' | 'ï' | 'ı' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' => 'o',
            'ú' | 'ù' | 'û' | 'ü' | 'ū' | 'ů' | 'ŭ' | 'ў' => 'u',
            'č' | 'ć' | 'ç' => 'c',
            'š' | 'ś' => 's',
            'ž' | 'ź' | 'ż' => 'z',
            'ł' => 'l',
            'ń' | 'ñ' => 'n',
            'ř' => 'r',
            'ý' | 'y' | 'j' => 'i',
            'w' => 'v',
            'x' => {
                out.push_str("ks");
                continue;
            }
            c if c.is_alphabetic() => c,
            _ => continue,
        };
        if out.ends_with(c) {
            continue;
        }
        out.push(c);
    }
    out.replace("kh", "h").replace("ph", "f").replace('g', "h")
}

/// Given names that are one name in the languages of the lists (Russian, Belarusian, Ukrainian,
/// Polish, Lithuanian, English), by this test's own table; compared in `plain` spelling.
const GIVEN_NAME_ROWS: &[&[&str]] = &[
    &["Aleksandr", "Alexander", "Aleksandar", "Aliaksandr", "Alyaksandr", "Aleksandras", "Oleksandr"],
    &["Sergei", "Sergey", "Siarhei", "Serhiy", "Serhii", "Sergii"],
    &["Vladimir", "Uladzimir", "Uladimir", "Volodymyr", "Vladzimir", "Vladimiras"],
    &["Dmitry", "Dmitri", "Dzmitry", "Dmytro", "Dimitri", "Dzmitryi"],
    &["Andrei", "Andrey", "Andrii", "Andrius", "Andrzej", "Andreas", "Andrew"],
    &["Igor", "Ihar", "Ihor", "Igoris"],
    &["Viktor", "Viktar", "Victor", "Viktoras"],
    &["Nikolai", "Nikolay", "Mikalai", "Mykola", "Nikolas", "Mikolaj"],
    &["Yuri", "Yury", "Yuriy", "Yurii", "Iurii", "Juras", "Jurij"],
    &["Oleg", "Aleh", "Oleh", "Olegas"],
    &["Pavel", "Paval", "Pavlo", "Pavlas", "Pawel", "Paul"],
    &["Ivan", "Ivanas", "Iwan", "Jan", "Yan"],
    &["Natalia", "Natallia", "Nataliya", "Natalya", "Natalija"],
    &["Elena", "Alena", "Olena", "Yelena", "Helena", "Alyona", "Jelena"],
    &["Olga", "Volha", "Olha"],
    &["Anatoly", "Anatoli", "Anatol", "Anatolii", "Anatoliy", "Anatolijus"],
    &["Mikhail", "Mikhas", "Mykhailo", "Michal", "Mikhailas", "Michael"],
    &["Valery", "Valeri", "Valerii", "Valeriy", "Valer", "Valerijus"],
    &["Evgeny", "Yevgeny", "Evgeni", "Yauheni", "Yauhen", "Yevhen", "Yevhenii", "Eugene"],
    &["Aleksei", "Alexey", "Aleksey", "Alexei", "Aliaksei", "Oleksii", "Alaksei"],
    &["Petr", "Piotr", "Pyotr", "Petro", "Petras", "Peter", "Petar"],
    &["Leonid", "Leanid", "Leonidas"],
    &["Gennady", "Gennadi", "Henadz", "Hienadz", "Gennadii"],
    &["Vasily", "Vasili", "Vasil", "Vasyl", "Vasiliy", "Vasilijus"],
    &["Tatiana", "Tatyana", "Tatsiana", "Tetiana", "Tatjana"],
    &["Svetlana", "Sviatlana", "Svitlana"],
    &["Irina", "Iryna", "Irena"],
    &["Ludmila", "Lyudmila", "Liudmila", "Liudmyla"],
    &["Maxim", "Maksim", "Maksym", "Maksimas"],
    &["Konstantin", "Kanstantsin", "Kostiantyn", "Konstantinas"],
    &["Vyacheslav", "Viachaslau", "Viacheslav", "Vyachaslau"],
    &["Vitaly", "Vitali", "Vital", "Vitalii", "Vitaliy", "Vitalijus"],
    &["Artem", "Artyom", "Artsiom", "Artiom"],
    &["Denis", "Dzianis", "Dzianis"],
    &["Roman", "Raman", "Romanas"],
    &["Kirill", "Kiryl", "Kirylo", "Kirilas"],
    &["Stanislav", "Stanislau", "Stanislavas", "Stanislaw"],
    &["Yaroslav", "Yaraslau", "Jaroslav"],
    &["Vadim", "Vadzim"],
    &["Grigory", "Grigori", "Ryhor", "Hryhoriy", "Hryhorii", "Grigorijus"],
    &["Fedor", "Fyodor", "Fiodar", "Fedir"],
    &["Stepan", "Stsiapan", "Stefan"],
    &["Semen", "Semyon", "Siamion"],
    &["Boris", "Barys", "Borisas"],
    &["Ilya", "Illia", "Ilia", "Ilja"],
    &["Anna", "Hanna", "Ana"],
    &["Maria", "Maryia", "Mariia", "Marija"],
    &["Ekaterina", "Yekaterina", "Katsiaryna", "Kateryna"],
    &["Valentina", "Valiantsina", "Valentyna"],
    &["Galina", "Halina", "Halyna"],
    &["Lyubov", "Liubou", "Lubov", "Liubov"],
    &["Nadezhda", "Nadzeya", "Nadiya"],
    &["Viktoria", "Viktoriya", "Viktoryia", "Viktorija"],
    &["Yulia", "Yuliya", "Julia", "Yuliia", "Julija"],
    &["Iosif", "Yosyp", "Józef", "Jozef"],
    &["Nikita", "Mikita", "Mykyta"],
    &["Eduard", "Eduardas", "Edvard"],
    &["Zhanna", "Zanna", "Jeanne"],
];

fn same_given_name(a: &str, b: &str) -> bool {
    let (a, b) = (plain(a), plain(b));
    let in_row = |row: &[&str], n: &str| row.iter().any(|r| plain(r) == n);
    a == b || GIVEN_NAME_ROWS.iter().any(|row| in_row(row, &a) && in_row(row, &b))
}

/// One surname, as a man's or a woman's, in Russian or Belarusian endings (`Lukashenko` /
/// `Lukashenka`, `Ivanov` / `Ivanova`): `plain` without the last vowels.
fn same_surname(a: &str, b: &str) -> bool {
    let stem = |s: &str| plain(s).trim_end_matches(['a', 'o', 'i', 'e', 'u']).to_string();
    stem(a) == stem(b)
}

#[test]
fn another_persons_parts_do_not_match() {
    // A listed surname with a given name no listed person of that surname has: the given names
    // of other listed people (the 30 most common), and a few from outside the lists. True
    // equivalents in other languages (Aliaksandr for Aleksandr) are not "other" names.
    let s = snapshot();
    let people = people(&s);
    let mut counts: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for p in &people {
        *counts.entry(first_given(p).to_string()).or_default() += 1;
    }
    let mut common: Vec<(String, usize)> = counts.into_iter().collect();
    common.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut givens: Vec<String> = common.into_iter().take(30).map(|(g, _)| g).collect();
    givens.extend(["Boris", "Oksana", "Timur", "Ruslan", "Zhanna", "Eduard"].map(String::from));
    // Which names are one name is this test's own judgement (`same_given_name`, `same_surname`),
    // not the matcher's keys or equivalents: a pair the matcher wrongly took for one name would
    // otherwise be left out of the count exactly where it errs.
    let same_name = same_given_name;
    let (mut wrong, mut n) = (0, 0);
    let mut examples = Vec::new();
    for p in &people {
        for g in &givens {
            let taken = people
                .iter()
                .any(|o| same_surname(&o.surname, &p.surname) && o.given.split_whitespace().any(|og| same_name(og, g)));
            if taken || p.given.split_whitespace().any(|pg| same_name(pg, g)) {
                continue;
            }
            n += 1;
            let q = format!("{g} {}", p.surname);
            if found(&s, &q, &p.id) {
                wrong += 1;
                if examples.len() < 8 {
                    examples.push(format!("{q} -> {}", p.id));
                }
            }
        }
    }
    let r = wrong as f64 / n as f64;
    eprintln!("other given name, same surname: {r:.4} flagged ({wrong}/{n}) {examples:?}");
    assert!(r <= 0.005, "{r:.4}: {examples:?}");
}

/// Words of legal forms and of what kind of body a company is, in the lists' languages and
/// their romanisations, by the beginnings this test knows them by (its own table, not the
/// matcher's): a cut that keeps only such words cannot tell the company.
const LEGAL_FORM_STEMS: &[&str] = &[
    "open",
    "closed",
    "joint",
    "stock",
    "compan",
    "limited",
    "liabilit",
    "public",
    "private",
    "societ",
    "unitar",
    "enterpris",
    "state",
    "corporat",
    "incorporat",
    "holding",
    "group",
    "republic",
    "respub",
    "production",
    "association",
    "subsidiar",
    "additional",
    "responsib",
    "foreign",
    "inostr",
    "obsh",
    "obsc",
    "otkryt",
    "zakryt",
    "adkryt",
    "zakryt",
    "publich",
    "aktsi",
    "aktsy",
    "akcy",
    "akts",
    "ogran",
    "otvet",
    "tovar",
    "tavar",
    "predpr",
    "pradpr",
    "gosudar",
    "dzyarzh",
    "chastn",
    "gmbh",
    "ооо",
    "оао",
    "зао",
    "пао",
    "акцы",
    "акци",
    "обществ",
    "открыт",
    "закрыт",
    "адкрыт",
    "публич",
    "огранич",
    "ответств",
    "адказн",
    "тавар",
    "товар",
    "унітар",
    "унитар",
    "предпр",
    "прадпр",
    "республ",
    "рэспубл",
    "государ",
    "дзярж",
    "частн",
    "іншаземн",
    "иностр",
];

/// Endings of Russian, Belarusian and Ukrainian patronymics, in Latin and Cyrillic letters.
const PATRONYMIC_ENDINGS: [&str; 20] = [
    "vich", "vič", "vych", "vitj", "vitch", "vic", "vna", "auna", "euna", "ouna", "ŭna", "ichna", "ivna", "вич", "віч",
    "вiч", "вна", "ўна", "івна", "ічна",
];

/// Legal forms as their initials, in Latin and Cyrillic letters.
const LEGAL_FORM_ACRONYMS: [&str; 16] = [
    "ojsc", "cjsc", "pjsc", "jsc", "zao", "zat", "oao", "ooo", "llc", "ltd", "ооо", "оао", "зао", "аат", "тов", "ктуп",
];

fn is_legal_form_word(word: &str) -> bool {
    LEGAL_FORM_STEMS.iter().any(|stem| word.starts_with(stem))
}

/// A company name cut by a 35-character field still finds the listed company, but the words
/// after the cut are unknown: a match that needed them excused is REVIEW at most, never BLOCK
/// (`OPEN JOINT STOCK COMPANY BELARUSIAN` begins the names of several listed companies).
#[test]
fn a_cut_company_name_reaches_review_but_never_blocks_on_its_beginning_alone() {
    let s = snapshot();
    let (mut found_it, mut cut_matches, mut n) = (0usize, 0usize, 0usize);
    for e in s.entities.iter().filter(|e| e.entity_type == EntityType::Organization) {
        let Some(name) = e.names.iter().map(|n| n.full.as_str()).find(|n| n.chars().count() > 45) else { continue };
        let cut: String = name.chars().take(35).collect();
        // Only cuts that keep a word of the name proper, not just its legal form: `OOO Nauchno`
        // cannot tell which company it was.
        let lower = cut.to_lowercase();
        let words: Vec<&str> = lower.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
        let kept = &words[..words.len().saturating_sub(1)];
        if cut.ends_with(' ') || !kept.iter().any(|w| w.chars().count() >= 4 && !is_legal_form_word(w)) {
            continue;
        }
        n += 1;
        let q = Query { name: cut.clone(), party_type: Some(EntityType::Organization), ..Default::default() };
        let r = matcher::screen(&s, &q, &Thresholds::default());
        let ok = r.decision != Decision::Clear && r.matches.iter().any(|m| s.entities[m.entity as usize].id == e.id);
        if !ok {
            eprintln!("missed {cut:?} (cut from {name:?})");
        }
        found_it += usize::from(ok);
        for m in &r.matches {
            if m.features.iter().any(|f| f.feature == "name" && f.detail.contains("cut short")) {
                cut_matches += 1;
                assert_ne!(m.decision, Decision::Block, "{cut:?} blocked {}", s.entities[m.entity as usize].id);
            }
        }
    }
    eprintln!("cut company names: {found_it}/{n} found, {cut_matches} matches needed the cut excused");
    assert!(n >= 50, "only {n} long company names");
    assert!(found_it as f64 >= 0.95 * n as f64, "cut company names found: {found_it}/{n}");
    assert!(cut_matches > 0, "no match needed the cut excused: the test checks nothing");
}

/// Listed people written in other scripts as those scripts' own conventions write Russian names
/// (Xinhua-style Chinese with its dropped final r and palatal `j q x`, Greek `ντ`, Hebrew `ו` for
/// v, Thai vowels written before their consonant, katakana `フ` for х), not as our generator
/// does: found, and never BLOCK on consonant classes alone. A short given name of one consonant
/// class meets only a listed one with the same back vowel (Yuri, not Ilya).
#[test]
fn names_written_in_other_scripts_by_their_own_conventions() {
    let s = snapshot();
    let screen = |name: &str| {
        let q = Query { name: name.to_string(), party_type: Some(EntityType::Person), ..Default::default() };
        matcher::screen(&s, &q, &Thresholds::default())
    };
    let named = |r: &matcher::Screening, surname: &str| {
        r.matches.iter().any(|m| s.entities[m.entity as usize].primary_name().to_uppercase().contains(surname))
    };
    for (written, surname) in [
        ("亚历山大·卢卡申科", "LUKASHENK"),
        ("维克托·舍伊曼", "SHEIMAN"),
        ("尤里·卡拉耶夫", "KARAEV"),
        ("يوري كارايف", "KARAEV"),
        ("יורי קרייב", "KARAEV"),
        ("ולדימיר מקיי", "MAKE"),
        ("ยูรี คาราเยฟ", "KARAEV"),
        ("ユーリー・カラエフ", "KARAEV"),
        ("Γιούρι Καράεβ", "KARAEV"),
    ] {
        let r = screen(written);
        assert!(r.decision == Decision::Review && named(&r, surname), "{written}: {r:?}");
    }
    let r = screen("إيليا كارايف");
    assert!(!named(&r, "KARAEV"), "Ilya is not Yuri Karaev: {r:?}");
}

/// Every passport and national identification number of the UK list's Belarus entries, sent
/// alone beside a name that is not the listed one, finds its entry. The list writes several
/// numbers in one field (`(1) SP0017927 (2) MP2486634`); they are read here from the CSV itself,
/// cut at each `(n)` by this test's own reading, not the parser's.
#[test]
fn each_of_several_numbers_in_one_field_finds_its_entry() {
    let s = snapshot();
    let text = std::fs::read_to_string(common::uk()).expect("the UK list");
    let body = text.split_once('\n').expect("a date line").1;
    let mut rows = csv::ReaderBuilder::new().flexible(true).from_reader(body.as_bytes());
    let header = rows.headers().expect("header").clone();
    let column = |name: &str| header.iter().position(|h| h == name).expect(name);
    let (regime, group) = (column("Regime"), column("Group ID"));
    let (mut checked, mut several) = (0, 0);
    for row in rows.records() {
        let row = row.expect("row");
        if !row.get(regime).is_some_and(|r| r.contains("Belarus")) {
            continue;
        }
        let id = format!("uk-ofsi:{}", row.get(group).expect("group"));
        for (name, kind) in [
            ("Passport Number", screener::model::IdKind::Passport),
            ("National Identification Number", screener::model::IdKind::NationalId),
        ] {
            let field = row.get(column(name)).unwrap_or("");
            // `(1) A (2) B` → ["", " A ", " B"]: the text between markers of digits in brackets.
            let mut numbers = Vec::new();
            let mut rest = field;
            while let Some(open) = rest.find('(') {
                let close = rest[open..].find(')').map(|c| open + c);
                match close {
                    Some(c) if c > open + 1 && rest[open + 1..c].chars().all(|ch| ch.is_ascii_digit()) => {
                        numbers.push(&rest[..open]);
                        rest = &rest[c + 1..];
                    }
                    _ => break,
                }
            }
            numbers.push(rest);
            let numbers: Vec<&str> = numbers.into_iter().map(str::trim).filter(|n| !n.is_empty()).collect();
            several += usize::from(numbers.len() > 1);
            for number in numbers {
                let q = Query {
                    name: "Jonathan Q. Unrelated".into(),
                    party_type: Some(EntityType::Person),
                    identifiers: vec![screener::model::Identifier { kind, value: number.to_string() }],
                    ..Default::default()
                };
                let r = matcher::screen(&s, &q, &Thresholds::default());
                assert!(
                    r.decision == Decision::Block && r.matches.iter().any(|m| s.entities[m.entity as usize].id == id),
                    "{name} {number} of {id}: {:?}",
                    r.decision
                );
                checked += 1;
            }
        }
    }
    assert!(checked >= 10 && several >= 3, "{checked} numbers, {several} fields of several");
}

/// A name screened without a party type, as payment fields give it.
fn screen_untyped(s: &Snapshot, name: &str) -> matcher::Screening {
    let q = Query { name: name.to_string(), ..Default::default() };
    matcher::screen(s, &q, &Thresholds::default())
}

/// Whether the name BLOCKs, and the entry `id` among the matches that BLOCK.
fn blocks_its_entry(s: &Snapshot, name: &str, id: &str) -> bool {
    let r = screen_untyped(s, name);
    r.decision == Decision::Block
        && r.matches.iter().any(|m| m.decision == Decision::Block && s.entities[m.entity as usize].id == id)
}

/// Payments name a sole proprietor with a marker before or after the name (`ИП Лукашенко
/// Александр Григорьевич`, `… [ИП]`). Read as initials, the marker had kept a listed person at
/// REVIEW. Every listed person whose name alone BLOCKs (as written in the list, in Latin and in
/// Cyrillic) must BLOCK with each marker, and the marker must not raise an unlisted name.
#[test]
fn a_sole_proprietors_marker_does_not_lower_a_block() {
    let s = snapshot();
    let screen = |name: &str| screen_untyped(&s, name);
    let blocks = |name: &str, id: &str| blocks_its_entry(&s, name, id);
    let (mut checked, mut missed) = (0, Vec::new());
    for p in people(&s) {
        let names = std::iter::once(format!("{} {}", p.given, p.surname)).chain(p.cyrillic.iter().cloned());
        for name in names {
            if !blocks(&name, &p.id) {
                continue;
            }
            let marks = [
                format!("ИП {name}"),
                format!("{name} [ИП]"),
                format!("IP {name}"),
                format!("ІП {name}"),
                format!("И.П. {name}"),
                format!("I.P. {name}"),
                format!("И. П. {name}"),
                format!("I. P. {name}"),
                format!("Sole Proprietor {name}"),
                format!("{name} IE"),
            ];
            for marked in marks {
                checked += 1;
                if !blocks(&marked, &p.id) {
                    missed.push(marked);
                }
            }
        }
    }
    assert!(
        checked > 400 && missed.is_empty(),
        "{} of {checked} no longer BLOCK: {:?}",
        missed.len(),
        &missed[..missed.len().min(10)]
    );
    // Sent as an organisation with an address after a bar, read without both: still a person
    // (initials keep it at REVIEW; it must be found).
    let as_organisation = |name: &str| {
        let q = Query { name: name.to_string(), party_type: Some(EntityType::Organization), ..Default::default() };
        matcher::screen(&s, &q, &Thresholds::default())
    };
    let lost: Vec<String> = people(&s)
        .iter()
        .filter_map(|p| p.given.chars().next().map(|g| (format!("ИП {} {g}. | г. Минск", p.surname), p)))
        .filter(|(n, p)| !as_organisation(n).matches.iter().any(|m| s.entities[m.entity as usize].id == p.id))
        .map(|(n, _)| n)
        .collect();
    assert!(lost.len() * 10 <= people(&s).len(), "{} lost: {:?}", lost.len(), &lost[..lost.len().min(10)]);
    for name in [
        "ИП Ганс Орлов",
        "Hans Orlov [ИП]",
        "ИП Мария Фернанда Гонсалес",
        "Tom Baker IP",
        "Sole Proprietor Tom Baker",
        "И. П. Ганс Орлов",
        "I. P. Tom Baker",
    ] {
        assert_eq!(screen(name).decision, Decision::Clear, "{name}");
    }
}

/// How payment orders of the region fill a name field around the name: labels, tax numbers,
/// accounts with their bank, the address after a comma, how the party trades or who it is. An
/// outside test found every listed person so wrapped lost the BLOCK, and companies with a tax
/// number or a city CLEAR. Every listed Belarus person and organisation whose name alone BLOCKs
/// must BLOCK so wrapped (this test's own conventions, written from payment orders, not from the
/// code's tables), and unlisted names so wrapped must stay CLEAR.
#[test]
fn what_payment_orders_add_to_a_name_does_not_hide_it() {
    let s = snapshot();
    let screen = |name: &str| screen_untyped(&s, name);
    let blocks = |name: &str, id: &str| blocks_its_entry(&s, name, id);
    let wrappers: [fn(&str) -> String; 27] = [
        |n| format!("{n}, per. Sadovy 4, Brest 224000"),
        // A telephone, a region, a post box before the name without a comma.
        |n| format!("{n} tel. +375 29 1234567"),
        |n| format!("{n} Gomel region"),
        |n| format!("P.O. Box 17 {n}"),
        // Parted from the name otherwise than by a comma, or written before it.
        |n| format!("{n}; a/ya 17, Brest 224000"),
        |n| format!("{n} - 8 Kirova Street, Gomel"),
        |n| format!("{n}\nPO Box 4410\nVitebsk"),
        |n| format!("Room 12, 44 Pushkina St., Mogilev, {n}"),
        |n| format!("{n} P.O. Box 3006 Grodno"),
        |n| format!("{n}, P.O. Box 112, Gomel"),
        // Addresses as the lists write their companies' (a street word somewhere in the part
        // after the comma, a house number, a postcode, a country).
        |n| format!("{n}, 27 Pobediteley Ave., Minsk 220004, Belarus"),
        |n| format!("{n}, Office 305, 12 Kalinovskogo St., Minsk"),
        |n| format!("{n}, bld. 3, Tolstogo Street 10, Vitebsk 210001, Belarus"),
        |n| format!("{n}, 1200 Brickell Avenue, Miami, FL 33131, United States"),
        |n| format!("{n}, Flat 4, 10 Ledra Street, Limassol 3035, Cyprus"),
        |n| format!("Получатель: {n}"),
        |n| format!("Плательщик {n}"),
        |n| format!("ИНН 7712345678 {n}"),
        |n| format!("{n} УНП 190123456"),
        |n| format!("INN 771234567890 {n}"),
        |n| format!("{n}, г. Минск"),
        |n| format!("{n}, 220030, г. Минск, ул. Ленина, д. 1, кв. 5"),
        |n| format!("{n}, MINSK, BELARUS"),
        |n| format!("ИНН 771234567890 {n} р/с 40817810099910004312 в ПАО Сбербанк г. Москва"),
        |n| format!("{n} BY20OLMP31350000001000000933"),
        |n| format!("{n} РБ"),
        |n| format!("{n} ИНН:7712345678"),
    ];
    let persons: [fn(&str) -> String; 4] = [
        |n| format!("гр. {n}"),
        |n| format!("Гражданин РБ {n}"),
        |n| format!("Индивидуальный предприниматель {n}"),
        |n| format!("ФЛП {n}"),
    ];
    let mut names: Vec<(String, String, bool)> = Vec::new();
    for e in &s.entities {
        let person = e.entity_type == EntityType::Person;
        for n in e.names.iter().filter(|n| n.full.split_whitespace().count() >= 2).take(3) {
            names.push((n.full.clone(), e.id.clone(), person));
        }
    }
    let (mut checked, mut missed) = (0, Vec::new());
    for (name, id, person) in &names {
        if !blocks(name, id) {
            continue;
        }
        let extra: &[fn(&str) -> String] = if *person { &persons } else { &[] };
        for wrap in wrappers.iter().chain(extra) {
            let wrapped = wrap(name);
            checked += 1;
            if !blocks(&wrapped, id) {
                missed.push(wrapped);
            }
        }
    }
    assert!(
        checked > 5000 && missed.is_empty(),
        "{} of {checked} no longer BLOCK: {:?}",
        missed.len(),
        &missed[..missed.len().min(12)]
    );
    // Nor may these words, typed inside a name, take the name away with them (an outside test hid
    // every listed person as `Лукашенко, ул. Александр Григорьевич 5`).
    let hiding: [fn(&Person) -> String; 4] = [
        |p| format!("{}, ул. {} 5", p.surname, p.given),
        |p| format!("{}, д. 5 {}", p.surname, p.given),
        |p| format!("{}, 220030 {}", p.surname, p.given),
        |p| format!("ООО Ромашка р/с 40817810099910004312 в {} {}", p.given, p.surname),
    ];
    let found = |name: &str, id: &str| {
        let r = screen(name);
        r.decision != Decision::Clear && r.matches.iter().any(|m| s.entities[m.entity as usize].id == id)
    };
    let people = people(&s);
    let hidden: Vec<String> = people
        .iter()
        .flat_map(|p| hiding.iter().map(move |h| (h(p), p)))
        .filter(|(n, p)| !found(n, &p.id))
        .map(|(n, _)| n)
        .collect();
    assert!(people.len() > 100 && hidden.is_empty(), "{} hidden: {:?}", hidden.len(), &hidden[..hidden.len().min(10)]);
    for name in ["Беляева Татьяна Александровна", "Бойко Александр Сергеевич", "Иванов Пётр Сергеевич", "ООО «Ромашка»"]
    {
        assert_eq!(screen(name).decision, Decision::Clear, "{name}");
        for wrap in wrappers.iter().chain(&persons) {
            let wrapped = wrap(name);
            assert_eq!(screen(&wrapped).decision, Decision::Clear, "{wrapped}");
        }
    }
}

/// A listed name sent with the other type (a listed person's name as an organisation, a listed
/// company's as a person: an outside attack sent 727 so, all CLEAR) finds its entry at REVIEW,
/// BLOCK only when a person's name shows its type (a patronymic), as written in the
/// list and with its words in reverse order, when it has two
/// words of three letters or more besides legal forms (a name with a note or an alias in it is
/// read as its parts, each as any type: not asked here); a listed person's surname with other given names, sent as an
/// organisation, stays CLEAR.
#[test]
fn a_listed_name_sent_with_the_other_type_is_review() {
    let s = snapshot();
    let screen = |name: &str, t: EntityType| {
        let q = Query { name: name.to_string(), party_type: Some(t), ..Default::default() };
        matcher::screen(&s, &q, &Thresholds::default())
    };
    let (mut checked, mut missed) = (0, Vec::new());
    for e in &s.entities {
        let other = match e.entity_type {
            EntityType::Person => EntityType::Organization,
            EntityType::Organization => EntityType::Person,
            _ => continue,
        };
        let names = e.names.iter().filter(|n| n.quality != screener::model::NameQuality::Weak);
        let words = |n: &str| {
            n.split(|c: char| !c.is_alphanumeric())
                .filter(|w| w.chars().count() >= 3 && !is_legal_form_word(&w.to_lowercase()))
                .filter(|w| !LEGAL_FORM_ACRONYMS.contains(&w.to_lowercase().as_str()))
                .count()
        };
        let notes = |n: &str| n.contains(['(', '[']) || n.to_lowercase().contains("a.k.a");
        for n in names.filter(|n| words(&n.full) >= 2 && !notes(&n.full)) {
            let reversed: Vec<&str> = n.full.split_whitespace().rev().collect();
            for name in [n.full.clone(), reversed.join(" ")] {
                checked += 1;
                let r = screen(&name, other);
                let entry = r.matches.iter().find(|m| s.entities[m.entity as usize].id == e.id);
                // A person's name that shows its type (a patronymic) is screened as a person's: it
                // may BLOCK.
                let typed = e.entity_type == EntityType::Person
                    && name
                        .split_whitespace()
                        .map(|w| w.chars().filter(|c| c.is_alphanumeric()).collect::<String>().to_lowercase())
                        .any(|w| PATRONYMIC_ENDINGS.iter().any(|end| w.chars().count() > 5 && w.ends_with(end)));
                let ok = match entry.map(|m| m.decision) {
                    Some(Decision::Review) => true,
                    Some(Decision::Block) => typed,
                    _ => false,
                };
                if !ok {
                    missed.push((name, entry.map(|m| m.decision)));
                }
            }
        }
    }
    // A person's name with a patronymic (three words, the patronymic not first, in a common
    // romanisation or in Cyrillic), sent as an organisation's with a letter doubled in its first
    // word, is still found: the patronymic says it is a person's.
    for e in s.entities.iter().filter(|e| e.entity_type == EntityType::Person) {
        for n in e.names.iter().filter(|n| n.quality != screener::model::NameQuality::Weak) {
            let words: Vec<&str> = n.full.split_whitespace().collect();
            let patronymic = |w: &&str| {
                let w: String = w.chars().filter(|c| c.is_alphanumeric()).collect::<String>().to_lowercase();
                ["vich", "vych", "vna", "auna", "euna", "ouna", "вич", "віч", "вна", "ўна"]
                    .iter()
                    .any(|end| w.chars().count() > 5 && w.ends_with(end))
            };
            if words.len() != 3 || !words[1..].iter().any(patronymic) || n.full.contains(['(', '[']) {
                continue;
            }
            let first = words[0].trim_end_matches(',');
            let Some(c) = first.chars().last() else { continue };
            let typo = format!("{first}{c} {} {}", words[1], words[2]);
            checked += 1;
            let r = screen(&typo, EntityType::Organization);
            if !r.matches.iter().any(|m| m.decision != Decision::Clear && s.entities[m.entity as usize].id == e.id) {
                missed.push((typo, None));
            }
        }
    }
    assert!(
        checked > 1000 && missed.is_empty(),
        "{} of {checked} not REVIEW with their entry: {:?}",
        missed.len(),
        &missed[..missed.len().min(12)]
    );
    // Unless a listed name holds both words (another listed person of that surname).
    let listed: Vec<Vec<String>> = s
        .entities
        .iter()
        .flat_map(|e| &e.names)
        .map(|n| n.full.split_whitespace().map(str::to_lowercase).collect())
        .collect();
    let unlisted = |g: &str, surname: &str| {
        let (g, surname) = (g.to_lowercase(), surname.to_lowercase());
        !listed.iter().any(|n| n.contains(&g) && n.contains(&surname))
    };
    let others = ["Maria", "Pavel", "Oksana", "Gennady"];
    let raised: Vec<String> = people(&s)
        .iter()
        .flat_map(|p| others.iter().filter(|g| unlisted(g, &p.surname)).map(move |g| format!("{g} {}", p.surname)))
        .filter(|n| screen(n, EntityType::Organization).decision != Decision::Clear)
        .collect();
    assert!(raised.is_empty(), "{} raised: {:?}", raised.len(), &raised[..raised.len().min(12)]);
}

/// A listed company named by a word of its listed name that no other listed entity's names hold
/// (`Belavia` for `OPEN JOINT STOCK COMPANY BELAVIA BELARUSIAN AIRLINES`, `Bremino` for `Bremino
/// Group`), the way payments name a company by its brand, finds it (REVIEW at least); an outside
/// test found 86 % of such names CLEAR. Words are this test's own: six letters or more, in a name
/// of two words or more, not a city of the region. Ordinary company names stay CLEAR.
#[test]
fn a_listed_company_named_by_its_own_word_is_found() {
    let s = snapshot();
    let words = |name: &str| -> Vec<String> {
        name.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
    };
    // Which entities' names hold each word.
    let mut holders: std::collections::HashMap<String, std::collections::HashSet<usize>> = Default::default();
    for (ei, e) in s.entities.iter().enumerate() {
        for n in &e.names {
            for w in words(&n.full) {
                holders.entry(w).or_default().insert(ei);
            }
        }
    }
    const CITIES: [&str; 12] = [
        "minsk",
        "grodno",
        "hrodna",
        "vitebsk",
        "gomel",
        "homel",
        "mogilev",
        "brest",
        "bobruisk",
        "borisov",
        "soligorsk",
        "novopolotsk",
    ];
    let screen = |name: &str| {
        let q = Query { name: name.to_string(), party_type: Some(EntityType::Organization), ..Default::default() };
        matcher::screen(&s, &q, &Thresholds::default())
    };
    let (mut checked, mut missed) = (0, Vec::new());
    // Found alone, then tried with a town: how many, which were lost.
    let mut with_town: (usize, Vec<String>) = (0, Vec::new());
    let mut glides: (usize, Vec<String>) = (0, Vec::new());
    for (ei, e) in s.entities.iter().enumerate().filter(|(_, e)| e.entity_type == EntityType::Organization) {
        let mut own: Vec<String> = e
            .names
            .iter()
            .filter(|n| words(&n.full).len() >= 2 && n.full.is_ascii())
            .flat_map(|n| words(&n.full))
            .filter(|w| w.len() >= 6 && !CITIES.contains(&w.as_str()) && w.bytes().all(|b| b.is_ascii_alphabetic()))
            .filter(|w| holders[w].len() == 1 && holders[w].contains(&ei))
            .collect();
        own.sort();
        own.dedup();
        for w in own {
            checked += 1;
            let found = |name: &str| {
                screen(name).matches.iter().any(|m| m.decision != Decision::Clear && m.entity as usize == ei)
            };
            if !found(&w) {
                missed.push(w);
                continue;
            }
            // With the town it trades from after it, without a comma (`Belavia Minsk`).
            let town = CITIES[with_town.0 % CITIES.len()];
            let mut capitalised = town.chars();
            let town: String =
                capitalised.next().map(|c| c.to_ascii_uppercase()).into_iter().chain(capitalised).collect();
            with_town.0 += 1;
            let named = format!("{w} {town}");
            if !found(&named) {
                with_town.1.push(named);
            }
            // Romanised with its soft vowel written another way (`Belaviya`, `Belavija` for
            // BELAVIA, as Russian and Belarusian `я` are): still the company's own word.
            if let Some(at) = w.find("ia") {
                for glide in ["iya", "ija"] {
                    glides.0 += 1;
                    let respelt = format!("{}{glide}{}", &w[..at], &w[at + 2..]);
                    if !found(&respelt) {
                        glides.1.push(respelt);
                    }
                }
            }
        }
    }
    println!("{} of {} found with the glide written another way", glides.0 - glides.1.len(), glides.0);
    assert!(
        glides.0 >= 10 && glides.1.len() * 10 <= glides.0,
        "{} of {} lost with the glide written another way: {:?}",
        glides.1.len(),
        glides.0,
        &glides.1[..glides.1.len().min(20)]
    );
    let found = 1.0 - missed.len() as f64 / checked as f64;
    println!("{} of {checked} found; missed e.g. {:?}", checked - missed.len(), &missed[..missed.len().min(20)]);
    assert!(checked > 100 && found >= 0.65, "{found:.3} of {checked}: missed {:?}", &missed[..missed.len().min(20)]);
    assert!(
        with_town.1.len() * 20 <= with_town.0,
        "{} of {} lost with a town: {:?}",
        with_town.1.len(),
        with_town.0,
        &with_town.1[..with_town.1.len().min(20)]
    );
    let ordinary = [
        "Romashka",
        "Vektor Plus",
        "Severnaya Zvezda",
        "Golden Gate Trading",
        "Blue Ocean Logistics",
        "Sunrise Bakery",
    ];
    let raised: Vec<&str> = ordinary.iter().copied().filter(|n| screen(n).decision != Decision::Clear).collect();
    assert!(raised.is_empty(), "raised: {raised:?}");
}

/// Belarus's state bodies and banks are listed `… of the Republic of Belarus` (Russian `…
/// Республики Беларусь`) and written in payments `… of Belarus`, `… of the RB`, `… RB`, `…
/// Беларуси`, `… РБ`. Every listed organisation name of that shape, rewritten so by this test's
/// own patterns, must find its entity.
#[test]
fn a_state_body_named_with_belarus_written_short_is_found() {
    let s = snapshot();
    let screen = |name: &str| {
        let q = Query { name: name.to_string(), party_type: Some(EntityType::Organization), ..Default::default() };
        matcher::screen(&s, &q, &Thresholds::default())
    };
    let latin = [" of Belarus", " of the RB", " RB", " Belarus"];
    let cyrillic = [" Беларуси", " РБ"];
    let (mut tried, mut lost) = (0usize, Vec::new());
    for (ei, e) in s.entities.iter().enumerate().filter(|(_, e)| e.entity_type == EntityType::Organization) {
        for n in &e.names {
            let lower = n.full.to_lowercase();
            let (phrase, shorts) = if let Some(at) = lower.find(" of the republic of belarus") {
                ((at, " of the republic of belarus".len()), &latin[..])
            } else if let Some(at) = lower.find(" республики беларусь") {
                ((at, " республики беларусь".len()), &cyrillic[..])
            } else {
                continue;
            };
            // Only where the phrase closes the name (or a note follows it).
            let (at, len) = phrase;
            let rest = n.full[at + len..].trim();
            if !(rest.is_empty() || rest.starts_with('(')) {
                continue;
            }
            for short in shorts {
                let name = format!("{}{short}", &n.full[..at]);
                tried += 1;
                let r = screen(&name);
                if !r.matches.iter().any(|m| m.decision != Decision::Clear && m.entity as usize == ei) {
                    lost.push(name);
                }
            }
        }
    }
    println!("{} of {tried} found", tried - lost.len());
    assert!(
        tried >= 40 && lost.len() * 20 <= tried,
        "{} of {tried} lost: {:?}",
        lost.len(),
        &lost[..lost.len().min(20)]
    );
    // `Belarus` and a legal form around ordinary words are no state body.
    let ordinary =
        ["Belarus Holding Inc", "Belarus Accounting Inc", "Belarus Consulting LLC", "Trading Inc", "Alfa RB"];
    let raised: Vec<&str> = ordinary.iter().copied().filter(|n| screen(n).decision != Decision::Clear).collect();
    assert!(raised.is_empty(), "raised: {raised:?}");
}

/// A listed person written in Cyrillic as payment orders write him, surname and initials
/// (`Паршин А.Е.`), from every listed Cyrillic name that parts surname from given names by a
/// comma. Initials that romanise in two letters or as `Ye` (`Я`, `Ю`, `Х`, `Е`) are counted
/// apart: round 21 found them CLEAR where one-letter ones were found.
#[test]
fn a_surname_with_cyrillic_initials_is_found() {
    let s = snapshot();
    let (mut all, mut hard) = ((0usize, Vec::new()), (0usize, Vec::new()));
    for p in people(&s) {
        for c in p.cyrillic.iter().filter_map(|c| c.split_once(',')) {
            let initials: String =
                c.1.split_whitespace().filter_map(|g| g.chars().next()).map(|i| format!("{i}.")).collect();
            if initials.is_empty() {
                continue;
            }
            let name = format!("{} {initials}", c.0.trim());
            let two_letters = initials.chars().any(|i| "ЕЁЯЮХЖЦЧШЩЄЇ".contains(i));
            let count = if two_letters { &mut hard } else { &mut all };
            count.0 += 1;
            if !found(&s, &name, &p.id) {
                count.1.push(name);
            }
        }
    }
    // And romanised, a `Ye` name's initial as Russian writes it, `E.` (`Parshin A.E.` for Andrei
    // Yevgenevich PARSHIN), from every listed name with such a given name or patronymic.
    for p in people(&s) {
        let parts: Vec<&str> = p.given.split_whitespace().collect();
        if !parts.iter().any(|g| g.to_lowercase().starts_with("ye")) {
            continue;
        }
        let initials: String = parts
            .iter()
            .filter_map(|g| {
                let first = g.chars().next()?;
                Some(if g.to_lowercase().starts_with("ye") { "E.".to_string() } else { format!("{first}.") })
            })
            .collect();
        let name = format!("{} {initials}", p.surname);
        hard.0 += 1;
        if !found(&s, &name, &p.id) {
            hard.1.push(name);
        }
    }
    println!(
        "{} of {} found; initials romanised otherwise {} of {}",
        all.0 - all.1.len(),
        all.0,
        hard.0 - hard.1.len(),
        hard.0
    );
    assert!(all.0 >= 40 && all.1.len() * 20 <= all.0, "lost {:?}", &all.1[..all.1.len().min(20)]);
    assert!(hard.0 >= 20 && hard.1.len() * 10 <= hard.0, "lost {:?}", &hard.1[..hard.1.len().min(20)]);
}

/// A listed person's full name, with a date of birth two or more years off and another country
/// than the listed one, is REVIEWed, not cleared: either alone was (round 21), and details a payer
/// gives can be wrong or made up. Every listed person with a full date of birth, by the first of
/// his names.
#[test]
fn a_listed_full_name_is_reviewed_whatever_the_birth_date_and_country_say() {
    let s = snapshot();
    let (mut tried, mut cleared) = (0usize, Vec::new());
    for e in s.entities.iter().filter(|e| e.entity_type == EntityType::Person) {
        let Some(dob) = e.dates_of_birth.iter().find(|d| d.day.is_some()) else { continue };
        let Some(name) = e.names.first() else { continue };
        let Some(month) = dob.month else { continue };
        let off = format!("{:04}-{month:02}-{:02}", dob.year + 3, dob.day.unwrap_or(1));
        let country = if e.countries.iter().any(|c| c.contains("Brazil")) { "Chile" } else { "Brazil" };
        let q = Query {
            name: name.full.clone(),
            party_type: Some(EntityType::Person),
            date_of_birth: screener::model::PartialDate::parse_iso(&off),
            country: Some(country.into()),
            ..Default::default()
        };
        let r = matcher::screen(&s, &q, &Thresholds::default());
        tried += 1;
        if !r.matches.iter().any(|m| m.decision != Decision::Clear && s.entities[m.entity as usize].id == e.id) {
            cleared.push(name.full.clone());
        }
    }
    println!("{} of {tried} reviewed", tried - cleared.len());
    assert!(
        tried >= 50 && cleared.is_empty(),
        "{} of {tried} cleared: {:?}",
        cleared.len(),
        &cleared[..cleared.len().min(20)]
    );
}

/// A party whose name meets a dated and an undated listing of one person at BLOCK strength, born
/// far from the dated one's date, is REVIEWed on the undated one, not BLOCKed (round 21 BLOCKed
/// namesakes born 30 years apart on listings that give no date). Every pair of listings one
/// primary name meets so.
#[test]
fn an_undated_listing_does_not_block_a_party_another_listing_dates_otherwise() {
    let s = snapshot();
    let (mut tried, mut blocked) = (0usize, Vec::new());
    for e in s.entities.iter().filter(|e| e.entity_type == EntityType::Person) {
        let Some(dob) = e.dates_of_birth.first() else { continue };
        let Some(name) = e.names.first() else { continue };
        let screen = |date: Option<screener::model::PartialDate>| {
            let q = Query {
                name: name.full.clone(),
                party_type: Some(EntityType::Person),
                date_of_birth: date,
                ..Default::default()
            };
            matcher::screen(&s, &q, &Thresholds::default())
        };
        let undated_blocks = |r: &matcher::Screening| {
            r.matches
                .iter()
                .any(|m| m.decision == Decision::Block && s.entities[m.entity as usize].dates_of_birth.is_empty())
        };
        if !undated_blocks(&screen(None)) {
            continue;
        }
        let far = screener::model::PartialDate::parse_iso(&format!("{:04}", dob.year.saturating_sub(30)));
        tried += 1;
        if undated_blocks(&screen(far)) {
            blocked.push(name.full.clone());
        }
    }
    println!("{tried} names met an undated listing");
    assert!(
        tried >= 20 && blocked.is_empty(),
        "{} of {tried} blocked: {:?}",
        blocked.len(),
        &blocked[..blocked.len().min(20)]
    );
}

/// A listed person's surname alone with his full date of birth (`Lukashenko`, 1954-08-30) is
/// REVIEWed: few namesakes share both (round 21 found every listed person so named CLEAR). With
/// another date, the surname alone stays CLEAR. Every listed person with a full date of birth.
#[test]
fn a_surname_with_the_listed_full_birth_date_is_reviewed() {
    let s = snapshot();
    let (mut tried, mut missed, mut raised) = (0usize, Vec::new(), Vec::new());
    for e in s.entities.iter().filter(|e| e.entity_type == EntityType::Person) {
        let Some(dob) = e.dates_of_birth.iter().find(|d| d.day.is_some() && d.month.is_some()) else { continue };
        let Some(parts) = e.names.iter().find_map(|n| n.parts.clone()) else { continue };
        let surname = parts.surname.trim().to_string();
        if surname.split_whitespace().count() != 1 || surname.chars().count() < 4 {
            continue;
        }
        let screen = |date: &str| {
            let q = Query {
                name: surname.clone(),
                party_type: Some(EntityType::Person),
                date_of_birth: screener::model::PartialDate::parse_iso(date),
                ..Default::default()
            };
            matcher::screen(&s, &q, &Thresholds::default())
        };
        let (month, day) = (dob.month.unwrap_or(1), dob.day.unwrap_or(1));
        tried += 1;
        let r = screen(&format!("{:04}-{month:02}-{day:02}", dob.year));
        if !r.matches.iter().any(|m| m.decision != Decision::Clear && s.entities[m.entity as usize].id == e.id) {
            missed.push(surname.clone());
        }
        let other = screen(&format!("{:04}-{month:02}-{day:02}", dob.year + 7));
        if other.matches.iter().any(|m| s.entities[m.entity as usize].id == e.id) {
            raised.push(surname.clone());
        }
    }
    println!("{} of {tried} reviewed; {} raised with another date", tried - missed.len(), raised.len());
    assert!(
        tried >= 100 && missed.len() * 20 <= tried,
        "{} of {tried} missed: {:?}",
        missed.len(),
        &missed[..missed.len().min(20)]
    );
    assert!(raised.len() * 20 <= tried, "raised with another date: {:?}", &raised[..raised.len().min(20)]);
}

/// Where the list gives a person's year of birth alone, his surname with that year and a country
/// he is listed with is REVIEWed, as with a full date where the list gives one (round 29: all 161
/// so named CLEAR). With another year, or another country, the surname alone stays CLEAR. Every
/// listed person whose list gives years alone.
#[test]
fn a_surname_with_the_listed_year_of_birth_and_country_is_reviewed_where_the_list_gives_the_year_alone() {
    let s = snapshot();
    let (mut tried, mut missed, mut raised) = (0usize, Vec::new(), Vec::new());
    for e in s.entities.iter().filter(|e| e.entity_type == EntityType::Person) {
        if e.dates_of_birth.is_empty() || e.dates_of_birth.iter().any(|d| d.month.is_some()) {
            continue;
        }
        let Some(country) = e.countries.iter().map(|c| screener::normalize::country_key(c)).find(|c| c.len() == 2)
        else {
            continue;
        };
        let Some(parts) = e.names.iter().find_map(|n| n.parts.clone()) else { continue };
        let surname = parts.surname.trim().to_string();
        if surname.split_whitespace().count() != 1 || surname.chars().count() < 4 {
            continue;
        }
        let year = e.dates_of_birth[0].year;
        let on_entity = |date: String, country: &str| {
            let q = Query {
                name: surname.clone(),
                party_type: Some(EntityType::Person),
                date_of_birth: screener::model::PartialDate::parse_iso(&date),
                country: Some(country.to_string()),
                ..Default::default()
            };
            let r = matcher::screen(&s, &q, &Thresholds::default());
            r.matches.iter().any(|m| m.decision != Decision::Clear && s.entities[m.entity as usize].id == e.id)
        };
        tried += 1;
        if !on_entity(format!("{year:04}"), &country) {
            missed.push(surname.clone());
        }
        let elsewhere = if country == "FR" { "PT" } else { "FR" };
        if on_entity(format!("{:04}", year + 7), &country) || on_entity(format!("{year:04}"), elsewhere) {
            raised.push(surname.clone());
        }
    }
    println!("{} of {tried} reviewed; {} raised with another year or country", tried - missed.len(), raised.len());
    assert!(
        tried >= 50 && missed.len() * 20 <= tried,
        "{} of {tried} missed: {:?}",
        missed.len(),
        &missed[..missed.len().min(20)]
    );
    assert!(raised.len() * 20 <= tried, "raised with another year or country: {:?}", &raised[..raised.len().min(20)]);
}

/// Every listed number of an entity listed in Belarus, written after Belarus's code as forms and
/// VAT numbers write it (`BY MP2663333`, `BY100331707`), finds its entity; after another
/// country's code (`DE100331707`, a German VAT number), it does not (round 22 BLOCKed those).
#[test]
fn a_number_after_a_country_code_meets_only_that_countrys_listings() {
    let s = snapshot();
    let screen = |kind: screener::model::IdKind, value: String| {
        let q = Query { identifiers: vec![screener::model::Identifier { kind, value }], ..Default::default() };
        matcher::screen(&s, &q, &Thresholds::default())
    };
    let (mut tried, mut missed, mut crossed) = (0usize, Vec::new(), Vec::new());
    for e in &s.entities {
        let belarus = e.countries.iter().any(|c| screener::normalize::country_key(c) == "BY");
        if !belarus {
            continue;
        }
        for id in e
            .identifiers
            .iter()
            .filter(|i| !matches!(i.kind, screener::model::IdKind::Bic | screener::model::IdKind::Imo))
        {
            let key = id.key();
            if key.len() < 6 {
                continue;
            }
            tried += 1;
            let found = |r: &matcher::Screening| {
                r.matches.iter().any(|m| m.decision == Decision::Block && s.entities[m.entity as usize].id == e.id)
            };
            if !found(&screen(id.kind, format!("BY {}", id.value))) || !found(&screen(id.kind, format!("BY{key}"))) {
                missed.push(id.value.clone());
            }
            if found(&screen(id.kind, format!("DE{key}"))) {
                crossed.push(id.value.clone());
            }
        }
    }
    println!("{tried} listed numbers");
    assert!(tried >= 50 && missed.is_empty(), "missed after BY: {:?}", &missed[..missed.len().min(20)]);
    assert!(crossed.is_empty(), "met after DE: {:?}", &crossed[..crossed.len().min(20)]);
}

/// Belarus's state bodies and companies by their own Russian names, as a payment from Minsk or
/// Moscow writes them; the lists give most of them in English only. Written by hand (as round
/// 23's native names were), each with the English name the lists give it.
#[test]
fn a_state_body_or_company_by_its_russian_name_is_found() {
    let s = snapshot();
    let pairs = [
        (
            "Центральная избирательная комиссия Республики Беларусь",
            "central election commission of the republic of belarus",
        ),
        (
            "Комитет государственной безопасности Республики Беларусь",
            "state security committee of the republic of belarus",
        ),
        ("КГБ Республики Беларусь", "state security committee of the republic of belarus"),
        ("Следственный комитет Республики Беларусь", "investigative committee of the republic of belarus"),
        (
            "Национальный олимпийский комитет Республики Беларусь",
            "national olympic committee of the republic of belarus",
        ),
        ("Министерство обороны Республики Беларусь", "the belarus ministry of defence"),
        ("Национальный банк Республики Беларусь", "national bank of the republic of belarus"),
        ("ОАО «Минский подшипниковый завод»", "minsk bearing plant"),
        ("Белорусская калийная компания", "belarusian potash company"),
    ];
    let mut lost = Vec::new();
    for (russian, english) in pairs {
        let ids: Vec<&str> = s
            .entities
            .iter()
            .filter(|e| e.names.iter().any(|n| n.full.trim().to_lowercase() == english))
            .map(|e| e.id.as_str())
            .collect();
        assert!(!ids.is_empty(), "no listed entity named {english}");
        let q = Query { name: russian.to_string(), party_type: Some(EntityType::Organization), ..Default::default() };
        let r = matcher::screen(&s, &q, &Thresholds::default());
        if !r
            .matches
            .iter()
            .any(|m| m.decision != Decision::Clear && ids.contains(&s.entities[m.entity as usize].id.as_str()))
        {
            lost.push(russian);
        }
    }
    assert!(lost.is_empty(), "CLEAR: {lost:?}");
}

/// `name` screened as an organisation's: whether entity `ei` is among the matches at `least`.
fn org_found(s: &Snapshot, name: &str, ei: usize, least: Decision) -> bool {
    let q = Query { name: name.to_string(), party_type: Some(EntityType::Organization), ..Default::default() };
    let r = matcher::screen(s, &q, &Thresholds::default());
    r.matches.iter().any(|m| m.decision >= least && m.entity as usize == ei)
}

/// At least `least` queries tried, and one in fifty lost at most.
fn assert_few_lost(tried: usize, lost: &[String], least: usize) {
    println!("{} of {tried} found", tried - lost.len());
    assert!(
        tried >= least && lost.len() * 50 <= tried,
        "{} of {tried} lost: {:?}",
        lost.len(),
        &lost[..lost.len().min(20)]
    );
}

/// A listed company's branch or representative office, as payments name them, from every
/// listed organisation name of two words or more: the branch is the company (round 23 found
/// 26.8 % of `Representative office of … in Moscow` CLEAR).
#[test]
fn a_listed_companys_branch_or_representative_office_is_found() {
    let s = snapshot();
    let forms: [fn(&str) -> String; 4] = [
        |n| format!("Representative office of {n} in Moscow"),
        |n| format!("{n} Minsk branch"),
        |n| format!("Branch of {n}"),
        |n| format!("Филиал {n}"),
    ];
    let (mut tried, mut lost) = (0usize, Vec::new());
    for (ei, e) in s.entities.iter().enumerate().filter(|(_, e)| e.entity_type == EntityType::Organization) {
        let Some(name) = e.names.iter().find(|n| n.full.split_whitespace().count() >= 2) else { continue };
        for form in forms {
            let q = form(&name.full);
            tried += 1;
            if !org_found(&s, &q, ei, Decision::Review) {
                lost.push(q);
            }
        }
    }
    assert_few_lost(tried, &lost, 200);
}

/// A listed person's surname spelt out letter by letter (`B.a.l.a.b.a`, `K-U-B-R-A-K-O-V`,
/// `K U B R A K O V`), beside the given name: read as initials it said nothing, and round 24
/// found 441 of 454 listed surnames so written CLEAR.
#[test]
fn a_surname_spelt_out_letter_by_letter_is_found() {
    let s = snapshot();
    let people = people(&s);
    let spelt = |w: &str, sep: &str| w.chars().map(String::from).collect::<Vec<_>>().join(sep);
    let r = rate(&s, "surname spelt out", &people, |p| {
        let surname = p.surname.split_whitespace().next().unwrap_or_default().to_string();
        if surname.chars().count() < 4 {
            return Vec::new();
        }
        let mut forms = vec![
            format!("{} {}", first_given(p), spelt(&surname, ".")),
            format!("{} {}", spelt(&surname.to_lowercase(), " "), first_given(p)),
        ];
        // In capitals, six letters or more: fewer are as often initials or an acronym.
        if surname.chars().count() >= 6 {
            forms.push(format!("{} {}", spelt(&surname.to_uppercase(), "-"), first_given(p)));
            forms.push(format!("{} {}", first_given(p), spelt(&surname.to_uppercase(), " ")));
        }
        forms
    });
    assert!(r >= 0.97, "{r:.3}");
    // Initials stay initials: two or three letters are not a word spelt out.
    let q = Query { name: "A. G. L.".into(), party_type: Some(EntityType::Person), ..Default::default() };
    assert_eq!(matcher::screen(&s, &q, &Thresholds::default()).decision, Decision::Clear);
}

/// A listed organisation's longest word with its first letter set apart by a space, a dot or a
/// hyphen (`B elinvestbank`, `V-istan`, `MINSK WHEEL T RACTOR PLANT`): round 24 found 73 such
/// names CLEAR, where a split anywhere else in the word was met. Words that begin with a
/// consonant: a vowel alone is a connector in one language or another (`LASHKAR I JHANGVI`), and
/// is not joined to the word after it (`A-bsolutbank` stays a miss).
#[test]
fn an_organisations_word_with_its_first_letter_set_apart_is_found() {
    let s = snapshot();
    let (mut tried, mut lost) = (0usize, Vec::new());
    for (ei, e) in s.entities.iter().enumerate().filter(|(_, e)| e.entity_type == EntityType::Organization) {
        let Some(name) = e.names.iter().find(|n| n.script == Script::Latin) else { continue };
        let words: Vec<&str> = name.full.split_whitespace().collect();
        let Some((at, longest)) = words
            .iter()
            .enumerate()
            .filter(|(_, w)| w.chars().count() >= 6 && w.chars().all(char::is_alphabetic))
            .filter(|(_, w)| w.chars().next().is_some_and(|c| !"aeiouyAEIOUY".contains(c)))
            .max_by_key(|(_, w)| w.chars().count())
        else {
            continue;
        };
        let first = longest.chars().next().unwrap_or_default();
        let rest: String = longest.chars().skip(1).collect();
        for sep in [" ", ".", "-"] {
            let mut q = words.clone();
            let split = format!("{first}{sep}{rest}");
            q[at] = &split;
            let q = q.join(" ");
            tried += 1;
            if !org_found(&s, &q, ei, Decision::Review) {
                lost.push(q);
            }
        }
    }
    assert_few_lost(tried, &lost, 150);
}

/// A namesake's full name whose patronymic is a listed person's surname (Belarusian surnames are
/// often patronymics in form: `Yury Ivanovich VASILEVICH`, `Valery Valerievich IVANKOVICH`), with
/// a surname of its own: `Yury Vasilevich Borisov` is Vasily's son of the Borisov family, not the
/// listed man (round 24: every such full name was REVIEW). The listed man is still found by his
/// given name and surname, and by his full name.
#[test]
fn a_patronymic_that_is_a_listed_surname_names_another_family() {
    // Common given names of this test's own, whose sons' patronymics are surnames too. Not the
    // rarer ones (Makar, Lukash): their sons' patronymics are read as the surnames they mostly
    // are (`Makarevich`), so that a listed Makarevich beside a second surname stays found.
    const FATHERS: [&str; 24] = [
        "ivan",
        "petr",
        "pavel",
        "vasil",
        "vasily",
        "sergei",
        "sergey",
        "fedor",
        "fyodor",
        "mikhail",
        "nikolai",
        "yakov",
        "stepan",
        "anton",
        "grigory",
        "roman",
        "yuri",
        "dmitri",
        "oleg",
        "viktor",
        "aleksandr",
        "yevgeny",
        "vladimir",
        "andrei",
    ];
    let patronymic_of_a_given_name = |w: &str| {
        let w = w.to_lowercase();
        ["ovich", "evich", "avich", "ovna", "evna", "auna"].iter().any(|e| {
            w.strip_suffix(e).is_some_and(|stem| {
                FATHERS.iter().any(|f| *f == stem || (f.len() == stem.len() + 1 && f.starts_with(stem)))
            })
        })
    };
    let s = snapshot();
    let (mut namesakes, mut flagged, mut lost) = (0usize, Vec::new(), Vec::new());
    for e in s.entities.iter().filter(|e| e.entity_type == EntityType::Person) {
        // The entity's names that give a patronymic (three words or more), and its surname.
        let Some(parts) = e.names.iter().find_map(|n| n.parts.clone()) else { continue };
        let given: Vec<&str> = parts.given.split_whitespace().collect();
        if given.len() < 2
            || parts.surname.split_whitespace().count() != 1
            || !patronymic_of_a_given_name(&parts.surname)
        {
            continue;
        }
        let surname = {
            let mut c = parts.surname.chars();
            c.next().map(|f| f.to_uppercase().chain(c.flat_map(char::to_lowercase)).collect::<String>())
        }
        .unwrap_or_default();
        let screen = |name: String| {
            let q = Query { name, party_type: Some(EntityType::Person), ..Default::default() };
            let r = matcher::screen(&s, &q, &Thresholds::default());
            let hit =
                r.matches.iter().any(|m| m.decision != Decision::Clear && s.entities[m.entity as usize].id == e.id);
            (q.name, hit)
        };
        for other in ["Kudryavtsev", "Kovalenko", "Mikheeva"] {
            namesakes += 2;
            for name in
                [format!("{} {surname} {other}", given[0]), format!("{} {} {surname}", other.to_uppercase(), given[0])]
            {
                let (q, hit) = screen(name);
                if hit {
                    flagged.push(q);
                }
            }
        }
        for (q, hit) in [
            screen(format!("{} {surname}", given[0])),
            screen(format!("{} {} {surname}", given[0], given[1])),
            screen(format!("{} {} {}", surname.to_uppercase(), given[0], given[1])),
        ] {
            if !hit {
                lost.push(q);
            }
        }
    }
    // A listed person whose surname is a patronymic in form but no patronymic of these fathers
    // (`Aleshkevich`), beside a second surname, is still found (round 26 lost 67 of 69).
    let mut apart = 0;
    for e in s.entities.iter().filter(|e| e.entity_type == EntityType::Person) {
        let Some(parts) = e.names.iter().find_map(|n| n.parts.clone()) else { continue };
        let Some(given) = parts.given.split_whitespace().next() else { continue };
        let surname = parts.surname.trim();
        if surname.split_whitespace().count() != 1
            || !surname.to_lowercase().ends_with("vich")
            || patronymic_of_a_given_name(surname)
        {
            continue;
        }
        for name in [format!("{given} {surname}-Ivanov"), format!("{given} {surname} Sokolov")] {
            apart += 1;
            let q = Query { name, party_type: Some(EntityType::Person), ..Default::default() };
            let r = matcher::screen(&s, &q, &Thresholds::default());
            if !r.matches.iter().any(|m| m.decision != Decision::Clear && s.entities[m.entity as usize].id == e.id) {
                lost.push(q.name);
            }
        }
    }
    assert!(apart >= 40, "too few listed -vich surnames: {apart}");
    println!("{namesakes} namesakes, flagged: {flagged:?}");
    assert!(namesakes >= 6, "too few listed persons with such a surname: {namesakes}");
    assert!(flagged.is_empty(), "namesakes flagged: {flagged:?}");
    assert!(lost.is_empty(), "listed persons lost: {lost:?}");
}

/// Which word of a listed Cyrillic name is what: (surname, given names, patronymic), from the
/// patronymic's ending and the comma or capitals that mark the surname. None for a name without a
/// patronymic.
fn cyrillic_parts(name: &str) -> Option<(String, Vec<String>, String, bool)> {
    let (before, after) = match name.split_once(',') {
        Some((s, rest)) => (Some(s.trim().to_string()), rest.to_string()),
        None => (None, name.to_string()),
    };
    let words: Vec<String> = after.split_whitespace().map(str::to_string).collect();
    let is_patronymic = |w: &str| {
        let l = w.to_lowercase();
        ["вич", "віч", "вна", "ўна", "ична"].iter().any(|e| l.ends_with(e))
    };
    let at = words.iter().position(|w| is_patronymic(w))?;
    let male = ["вич", "віч"].iter().any(|e| words[at].to_lowercase().ends_with(e));
    let mut rest: Vec<String> = words.iter().enumerate().filter(|(i, _)| *i != at).map(|(_, w)| w.clone()).collect();
    let surname = match before {
        Some(s) => s,
        // `SURNAME Given Patronymic` or `Given Patronymic Surname`.
        None if at == 2 && rest.len() == 2 => rest.remove(0),
        None if at == 1 && rest.len() == 2 => rest.pop()?,
        None => return None,
    };
    if rest.len() != 1 || surname.split_whitespace().count() != 1 {
        return None;
    }
    Some((surname, rest, words[at].clone(), male))
}

/// A word in the genitive (`dative` false) or dative, by this test's own table of Russian
/// declension: how the nominative ends (`ский`, a consonant, `а` …) says what it becomes. A
/// surname and a given name ending in `ий` decline apart (`Гурского`, `Дмитрия`).
fn decline(word: &str, male: bool, surname: bool, dative: bool) -> String {
    let lower = word.to_lowercase();
    let ends = |e: &str| lower.ends_with(e);
    let cut = |n: usize| word.chars().take(word.chars().count() - n).collect::<String>();
    let hard_after = |s: &str| s.ends_with(['г', 'к', 'х', 'ж', 'ш', 'ч', 'щ']);
    // A name in capitals is declined in capitals (`ЛУЦКОГО`).
    let upper = word.chars().all(|c| !c.is_lowercase());
    let pick = |gen: &str, dat: &str| {
        let e = if dative { dat } else { gen };
        if upper {
            e.to_uppercase()
        } else {
            e.to_string()
        }
    };
    let consonant = !lower.ends_with(['а', 'е', 'ё', 'и', 'о', 'у', 'ы', 'э', 'ю', 'я', 'ь', 'й', 'і']);
    if male {
        if surname && (ends("ский") || ends("цкий") || ends("ый") || ends("ой")) {
            return cut(2) + &pick("ого", "ому");
        }
        if ends("ий") || ends("ей") || ends("ай") || ends("й") {
            return cut(1) + &pick("я", "ю");
        }
        if ends("ь") {
            return cut(1) + &pick("я", "ю");
        }
        if ends("а") {
            let stem = cut(1);
            let gen = if hard_after(&stem.to_lowercase()) { "и" } else { "ы" };
            return stem + &pick(gen, "е");
        }
        if consonant {
            return word.to_string() + &pick("а", "у");
        }
        return word.to_string();
    }
    if surname {
        if ends("ская") || ends("цкая") || ends("ая") {
            return cut(2) + &pick("ой", "ой");
        }
        if ends("ова") || ends("ева") || ends("ина") || ends("ына") {
            return cut(1) + &pick("ой", "ой");
        }
        return word.to_string();
    }
    if ends("ия") {
        return cut(1) + &pick("и", "и");
    }
    if ends("а") {
        let stem = cut(1);
        let gen = if hard_after(&stem.to_lowercase()) { "и" } else { "ы" };
        return stem + &pick(gen, "е");
    }
    if ends("я") {
        return cut(1) + &pick("и", "е");
    }
    word.to_string()
}

/// A listed person named as a Russian payment order names its beneficiary, in the genitive (`в
/// пользу Червякова Александра Викторовича`) or the dative (`перевод Касинскому Леониду
/// Викторовичу`), in Cyrillic and romanised: round 28 found two thirds of the men named in the
/// genitive CLEAR. Every listed Cyrillic name with a patronymic, declined by this test's own table.
#[test]
fn a_listed_person_named_in_another_grammatical_case_is_found() {
    let s = snapshot();
    let (mut n, mut lost) = (0usize, Vec::new());
    for p in people(&s) {
        for c in &p.cyrillic {
            let Some((surname, given, patronymic, male)) = cyrillic_parts(c) else { continue };
            for dative in [false, true] {
                let sur = decline(&surname, male, true, dative);
                let giv = decline(&given[0], male, false, dative);
                let pat = decline(&patronymic, male, false, dative);
                let cyrillic = format!("{sur} {giv} {pat}");
                let mut queries = vec![cyrillic.clone(), format!("{giv} {pat} {sur}"), romanise(&cyrillic, iso9)];
                if dative {
                    queries.push(format!("перевод {giv} {pat} {sur}"));
                }
                for q in queries {
                    n += 1;
                    if !found(&s, &q, &p.id) {
                        lost.push(q);
                    }
                }
            }
        }
    }
    println!("{} of {n} found; lost: {:?}", n - lost.len(), &lost[..lost.len().min(30)]);
    assert!(n >= 300, "too few listed Cyrillic names with a patronymic: {n}");
    assert!(lost.len() * 50 <= n, "lost {} of {n}: {:?}", lost.len(), &lost[..lost.len().min(30)]);
}

/// A listed company named with its legal form written out in the genitive or dative, as a
/// payment's sentence declines it (`Открытому акционерному обществу "Планар"`), or with its own
/// word in that case (`ОАО Планара`, `JSC Planaru`), is found: blocked when the form is written
/// out, reviewed at least when the word itself is declined. Round 28 found both mostly CLEAR. Every
/// listed company whose name is one word besides an abbreviated legal form, with this test's own
/// table of the written-out forms.
#[test]
fn a_listed_company_named_in_another_grammatical_case_is_found() {
    const FORMS: [&str; 6] = ["ojsc", "oao", "jsc", "cjsc", "zao", "ao"];
    const WRITTEN: [&str; 4] = [
        "Открытого акционерного общества",
        "Открытому акционерному обществу",
        "Otkrytogo aktsionernogo obshchestva",
        "Obshchestvu s ogranichennoy otvetstvennostyu",
    ];
    let s = snapshot();
    let (mut n, mut lost) = (0usize, Vec::new());
    for (ei, e) in s.entities.iter().enumerate().filter(|(_, e)| e.entity_type == EntityType::Organization) {
        let Some(name) = e.names.iter().find(|n| n.script != Script::Cyrillic) else { continue };
        let words: Vec<&str> = name.full.split_whitespace().collect();
        let own: Vec<&&str> = words.iter().filter(|w| !FORMS.contains(&w.to_lowercase().as_str())).collect();
        if words.len() != 2
            || own.len() != 1
            || own[0].chars().count() < 5
            || !own[0].chars().all(|c| c.is_ascii_alphabetic())
        {
            continue;
        }
        let brand = own[0];
        // Written out, the form leaves the name whole: blocked.
        let mut queries: Vec<(String, Decision)> =
            WRITTEN.iter().map(|w| (format!("{w} \"{brand}\""), Decision::Block)).collect();
        // The brand's own word declined (a consonant's genitive and dative): reviewed at least,
        // since another word may end so.
        if !brand.to_lowercase().ends_with(['a', 'e', 'i', 'o', 'u', 'y']) {
            queries.push((format!("OAO {brand}a"), Decision::Review));
            queries.push((format!("JSC {brand}u"), Decision::Review));
        }
        for (q, least) in queries {
            n += 1;
            if !org_found(&s, &q, ei, least) {
                lost.push(q);
            }
        }
    }
    println!("{} of {n} found; lost: {:?}", n - lost.len(), &lost[..lost.len().min(30)]);
    assert!(n >= 60, "too few listed companies of one word and a legal form: {n}");
    assert!(lost.len() * 20 <= n, "lost {} of {n}: {:?}", lost.len(), &lost[..lost.len().min(30)]);
}

/// A company's descriptive Cyrillic name in the genitive, as a payment order declines it
/// (`Национального банка Республики Беларусь`, `Белорусской железной дороги`): every listed
/// Cyrillic organisation name of two words or more with an adjective, declined by this test's
/// own table (words in quotes, a brand, are left as they are). REVIEW at least (round 28 left
/// 15–27 % of such names CLEAR).
#[test]
fn a_descriptive_company_name_in_the_genitive_is_found() {
    // Endings of the nominative and the genitive, longest first.
    const ADJECTIVES: [(&str, &str); 8] = [
        ("ский", "ского"),
        ("ый", "ого"),
        ("ой", "ого"),
        ("ий", "его"),
        ("ая", "ой"),
        ("яя", "ей"),
        ("ое", "ого"),
        ("ее", "его"),
    ];
    let noun = |w: &str| -> String {
        let hushing = |s: &str| s.ends_with(['г', 'к', 'х', 'ж', 'ш', 'щ', 'ч']);
        if let Some(stem) = w.strip_suffix("ие") {
            format!("{stem}ия")
        } else if let Some(stem) = w.strip_suffix('а') {
            format!("{stem}{}", if hushing(stem) { 'и' } else { 'ы' })
        } else if let Some(stem) = w.strip_suffix('я') {
            format!("{stem}и")
        } else if let Some(stem) = w.strip_suffix('о') {
            format!("{stem}а")
        } else if w.ends_with(|c: char| "бвгджзклмнпрстфхцчшщ".contains(c)) {
            format!("{w}а")
        } else {
            w.to_string()
        }
    };
    let s = snapshot();
    let (mut n, mut missed) = (0usize, Vec::new());
    for (ei, e) in s.entities.iter().enumerate().filter(|(_, e)| e.entity_type == EntityType::Organization) {
        for name in e.names.iter().filter(|n| n.script == Script::Cyrillic) {
            let lower = name.full.to_lowercase();
            let words: Vec<&str> = lower.split_whitespace().collect();
            let adjective = |w: &str| ADJECTIVES.iter().find(|(nom, _)| w.ends_with(nom) && w.chars().count() > 4);
            // The head of the name declines: its adjectives and the noun after them; the words
            // after it (`института приборостроения`, a brand in quotes) keep their case.
            let head = words.iter().take_while(|w| adjective(w).is_some()).count();
            if words.len() < 2 || head == 0 || head == words.len() || words[head].starts_with(['«', '"', '\'']) {
                continue;
            }
            let declined: Vec<String> = words
                .iter()
                .enumerate()
                .map(|(i, w)| match adjective(w) {
                    Some((nom, gen)) if i < head => format!("{}{gen}", &w[..w.len() - nom.len()]),
                    _ if i == head => noun(w),
                    _ => w.to_string(),
                })
                .collect();
            let q = declined.join(" ");
            n += 1;
            if !org_found(&s, &q, ei, Decision::Review) {
                missed.push(format!("{q} ({})", name.full));
            }
        }
    }
    println!("{} of {n} found; missed: {:?}", n - missed.len(), &missed[..missed.len().min(20)]);
    assert!(n >= 12, "too few listed Cyrillic company names with an adjective: {n}");
    assert!(missed.len() * 10 <= n, "{} of {n} missed: {:?}", missed.len(), &missed[..missed.len().min(30)]);
}
