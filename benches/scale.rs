//! Growth with list size: synthetic lists of 100 k and 1 M entities with realistic name shapes
//! (East Slavic persons in Latin and Cyrillic script, companies with legal forms), built in
//! memory through the same snapshot code as real lists. Reports build time, memory, and per-query
//! latency percentiles for a mix of listed names with one typo and unlisted names.
//!
//! `cargo bench --bench scale` (100 k and 1 M), or `cargo bench --bench scale -- 250000`.

use std::hint::black_box;
use std::time::Instant;

use screener::index::{LoadedSource, SourceInfo};
use screener::matcher::{self, Query, Thresholds};
use screener::model::{Entity, EntityType, Name, NameQuality, Regime, SourceKind};

/// The allocator the server binary uses (`src/main.rs`), so that what is measured here is what
/// runs.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// A small xorshift generator: reproducible lists without a dependency; quality is irrelevant.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[(self.next() % xs.len() as u64) as usize]
    }
}

const GIVEN: &[&str] = &[
    "Aleksandr",
    "Sergei",
    "Vladimir",
    "Dmitry",
    "Andrei",
    "Aleksei",
    "Nikolai",
    "Ivan",
    "Mikhail",
    "Yuri",
    "Viktor",
    "Igor",
    "Oleg",
    "Pavel",
    "Roman",
    "Anatoly",
    "Gennady",
    "Valery",
    "Vasily",
    "Konstantin",
    "Leonid",
    "Maksim",
    "Artem",
    "Denis",
    "Yevgeny",
    "Natalia",
    "Olga",
    "Tatiana",
    "Elena",
    "Irina",
    "Svetlana",
    "Galina",
    "Anna",
    "Maria",
    "Liudmila",
    "Aliaksandr",
    "Siarhei",
    "Uladzimir",
    "Dzmitry",
    "Mikalai",
    "Ihar",
    "Aleh",
    "Raman",
    "Александр",
    "Сергей",
    "Владимир",
    "Дмитрий",
    "Андрей",
    "Наталья",
    "Ольга",
    "Аляксандр",
    "Сяргей",
    "Уладзімір",
];
const SYLLABLES: &[&str] = &[
    "ka", "lu", "sha", "ne", "vo", "ro", "ma", "ti", "zu", "pe", "do", "gri", "bel", "kor", "sko", "pra", "mi", "le",
    "va", "to", "chu", "zhe", "ba", "ra", "no", "vi", "sa", "li", "kra", "so", "de", "ni", "go", "ry", "lo", "ku",
    "ya", "tse", "ha", "bo", "dzi", "ve", "ru", "pa", "mo", "se", "ta", "ko", "fe", "ne",
];
const ENDINGS: &[&str] =
    &["ov", "ev", "enko", "enka", "ich", "uk", "in", "sky", "ski", "ovich", "au", "ets", "ik", "ko"];
const WORDS: &[&str] = &[
    "Trade",
    "Holding",
    "Invest",
    "Group",
    "Plant",
    "Service",
    "Logistics",
    "Energy",
    "Oil",
    "Chemical",
    "Machine",
    "Tractor",
    "Export",
    "Import",
    "Bank",
    "Capital",
    "Systems",
    "Technologies",
    "Engineering",
    "Transit",
    "Agro",
    "Metal",
    "Petro",
    "Nord",
    "Vostok",
    "Zapad",
    "Minsk",
    "Gomel",
    "Brest",
    "Vitebsk",
    "Grodno",
    "Mogilev",
];
const FORMS: &[&str] = &["OJSC", "LLC", "CJSC", "JSC", "OOO", "ZAO", "Unitary Enterprise", "Ltd"];

fn surname(r: &mut Rng) -> String {
    let n = 2 + (r.next() % 2) as usize;
    let mut s: String = (0..n).map(|_| r.pick(SYLLABLES)).collect();
    s.push_str(r.pick(ENDINGS));
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}

fn entities(n: usize, seed: u64) -> Vec<Entity> {
    let mut r = Rng(seed);
    (0..n)
        .map(|i| {
            let person = r.next() % 10 < 7;
            let t = if person { EntityType::Person } else { EntityType::Organization };
            let mut e = Entity::new(format!("synthetic:{i}"), SourceKind::UkOfsi, t);
            e.programs = vec!["Synthetic".into()];
            e.countries = vec!["Belarus".into()];
            e.belarus = true;
            if person {
                let given = format!("{} {}ovich", r.pick(GIVEN), r.pick(&GIVEN[..20]));
                e.push_name(Name::from_parts(&surname(&mut r), &given, NameQuality::Primary));
                if r.next() % 3 == 0 {
                    e.push_name(Name::from_parts(&surname(&mut r), r.pick(GIVEN), NameQuality::Strong));
                }
            } else {
                let name = format!("{} {} {}", r.pick(WORDS), surname(&mut r), r.pick(FORMS));
                e.push_name(Name::new(name, NameQuality::Primary));
            }
            e
        })
        .collect()
}

fn rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines().find(|l| l.starts_with("VmRSS:")).and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

fn run(n: usize) {
    let before = rss_kib();
    let list = entities(n, 0x5eed);
    let queries: Vec<Query> = {
        let mut r = Rng(7);
        (0..2000)
            .map(|i| {
                let name = if i % 2 == 0 {
                    // A listed name with one letter changed.
                    let e = &list[(r.next() % n as u64) as usize];
                    let mut chars: Vec<char> = e.primary_name().chars().collect();
                    let k = (r.next() % chars.len() as u64) as usize;
                    if chars[k].is_alphabetic() {
                        chars[k] = 'e';
                    }
                    chars.into_iter().collect()
                } else {
                    format!("{} {}", r.pick(GIVEN), surname(&mut r))
                };
                Query { name, ..Default::default() }
            })
            .collect()
    };
    let t0 = Instant::now();
    let info = SourceInfo {
        kind: SourceKind::UkOfsi,
        location: "synthetic".into(),
        list_date: None,
        sha256: String::new(),
        entities_total: n,
        entities_in_scope: n,
        loaded_at: String::new(),
        published: None,
        publication_basis: "",
        max_age: None,
    };
    let snapshot = screener::index::Snapshot::build(
        vec![LoadedSource { info, entities: list.into_iter().map(std::sync::Arc::new).collect() }],
        Regime::All,
    );
    let build = t0.elapsed();
    let rss = rss_kib().saturating_sub(before);
    let t = Thresholds::default();
    let mut lat = Vec::with_capacity(queries.len());
    for q in &queries {
        let t0 = Instant::now();
        black_box(matcher::screen(&snapshot, q, &t));
        lat.push(t0.elapsed().as_secs_f64() * 1e6);
    }
    lat.sort_by(f64::total_cmp);
    let p = |x: f64| lat[((lat.len() as f64 * x) as usize).min(lat.len() - 1)];
    println!(
        "entities {n:>8}  names {:>8}  build {:>6.2} s  memory +{:>5} MiB  query p50 {:>7.1} µs  p90 {:>7.1} µs  p99 {:>7.1} µs",
        snapshot.variants.len(),
        build.as_secs_f64(),
        rss / 1024,
        p(0.5),
        p(0.9),
        p(0.99)
    );
}

fn main() {
    let sizes: Vec<usize> = std::env::args().skip(1).filter_map(|a| a.parse().ok()).collect();
    for n in if sizes.is_empty() { vec![100_000, 1_000_000] } else { sizes } {
        run(n);
    }
}
