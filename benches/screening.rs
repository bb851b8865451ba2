//! In-process screening latency on the real lists, with a realistic query mix (the dev set's
//! names, positives and negatives), against a baseline measured in the same run: folding the
//! query name into tokens, the least work any screening must do.
//!
//! `cargo bench --bench screening` (criterion: mean time per query). Per-query percentiles:
//! `cargo bench --bench screening -- --percentiles` prints p50/p90/p99 from timing each query of
//! the mix individually.

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Instant;

use criterion::{criterion_group, Criterion};
use screener::index::Snapshot;
use screener::lists::store;
use screener::matcher::{self, Query, Thresholds};
use screener::model::{EntityType, Regime};
use screener::source::SourceSpec;

/// The allocator the server binary uses (`src/main.rs`), so that what is measured here is what
/// runs.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn data() -> PathBuf {
    std::env::var_os("SCREENER_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data"))
}

fn snapshot(regime: Regime) -> Snapshot {
    let d = data();
    let specs = [
        format!("ca-sema={}", d.join("canada/sema-lmes_2025-09-22.xml").display()),
        format!("us-ofac-sdn={}", d.join("ofac/sdn_2023-12-28.csv").display()),
        format!("uk-ofsi={}", d.join("uk/ConList_2025-04-10.csv").display()),
    ];
    let specs: Vec<SourceSpec> = specs.iter().map(|s| SourceSpec::parse(s).expect("spec")).collect();
    store::load(&specs, regime).expect("lists load")
}

fn queries() -> Vec<Query> {
    let text = std::fs::read_to_string(data().join("../eval/dev.jsonl")).expect("dev set");
    text.lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .map(|v| Query {
            name: v["party"]["name"].as_str().unwrap_or_default().to_string(),
            party_type: match v["party"]["type"].as_str() {
                Some("PERSON") => Some(EntityType::Person),
                Some("ORGANIZATION") => Some(EntityType::Organization),
                _ => None,
            },
            ..Default::default()
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let qs = queries();
    let t = Thresholds::default();
    let mut g = c.benchmark_group("per_query");
    let mut i = 0;
    g.bench_function("baseline_fold_name", |b| {
        b.iter(|| {
            i = (i + 1) % qs.len();
            black_box(screener::normalize::tokens(&qs[i].name))
        })
    });
    for regime in [Regime::Belarus, Regime::All] {
        let s = snapshot(regime);
        let mut i = 0;
        g.bench_function(format!("screen_{}", regime.as_str()), |b| {
            b.iter(|| {
                i = (i + 1) % qs.len();
                black_box(matcher::screen(&s, &qs[i], &t))
            })
        });
    }
    g.finish();
}

fn percentiles() {
    // For profiling one payload, as `scripts/h2load.sh` sends it: SCREENER_BENCH_NAMES='A|B'
    // screens each of these names (typed PERSON) 2,000 times a round instead of the dev set.
    // SCREENER_BENCH_NAMES_FILE=PATH screens the names of PATH (one per line, type unknown)
    // instead: the training run of a profile-guided build (`scripts/pgo/build.sh --bench`),
    // which must not be the dev set it is then measured with.
    let qs = match (std::env::var("SCREENER_BENCH_NAMES"), std::env::var("SCREENER_BENCH_NAMES_FILE")) {
        (Ok(names), _) => names
            .split('|')
            .map(|n| Query { name: n.to_string(), party_type: Some(EntityType::Person), ..Default::default() })
            .flat_map(|q| std::iter::repeat_n(q, 2000))
            .collect(),
        (_, Ok(path)) => std::fs::read_to_string(&path)
            .expect("SCREENER_BENCH_NAMES_FILE")
            .lines()
            .filter(|n| !n.trim().is_empty())
            .map(|n| Query { name: n.to_string(), ..Default::default() })
            .collect(),
        _ => queries(),
    };
    let t = Thresholds::default();
    // For profiling one regime at length: SCREENER_BENCH_REGIME=belarus|all, SCREENER_BENCH_ROUNDS=N.
    let only = std::env::var("SCREENER_BENCH_REGIME").ok();
    let rounds: usize = std::env::var("SCREENER_BENCH_ROUNDS").ok().and_then(|r| r.parse().ok()).unwrap_or(3);
    for regime in [Regime::Belarus, Regime::All] {
        if only.as_deref().is_some_and(|o| o != regime.as_str()) {
            continue;
        }
        let s = snapshot(regime);
        let mut lat = Vec::with_capacity(qs.len() * rounds);
        // SCREENER_BENCH_EVICT=KIB writes that much memory between screenings (untimed), as the
        // HTTP/2 stack's buffers do between calls in the server: the tight loop otherwise keeps
        // the index's lines in cache, which a server under load does not.
        let evict_kib: usize = std::env::var("SCREENER_BENCH_EVICT").ok().and_then(|k| k.parse().ok()).unwrap_or(0);
        let mut scratch = vec![0u8; evict_kib * 1024];
        for _ in 0..rounds {
            for (n, q) in qs.iter().enumerate() {
                for line in scratch.chunks_mut(64) {
                    line[0] = line[0].wrapping_add(n as u8);
                }
                black_box(&scratch);
                let t0 = Instant::now();
                black_box(matcher::screen(&s, q, &t));
                lat.push(t0.elapsed().as_nanos() as f64 / 1000.0);
            }
        }
        // SCREENER_BENCH_DUMP=PATH writes each screening's time (µs, in the order screened) to
        // PATH.<regime>: which queries cost, by category of the dev set.
        if let Ok(path) = std::env::var("SCREENER_BENCH_DUMP") {
            let per: Vec<String> = lat.iter().map(|x| format!("{x:.2}")).collect();
            std::fs::write(format!("{path}.{}", regime.as_str()), per.join("\n")).expect("dump");
        }
        lat.sort_by(f64::total_cmp);
        let p = |x: f64| lat[((lat.len() as f64 * x) as usize).min(lat.len() - 1)];
        println!(
            "screen_{:8} entities {:6}  p50 {:7.1} µs  p90 {:7.1} µs  p99 {:7.1} µs  max {:8.1} µs",
            regime.as_str(),
            s.entity_count(),
            p(0.5),
            p(0.9),
            p(0.99),
            lat[lat.len() - 1]
        );
    }
}

criterion_group!(benches, bench);

fn main() {
    if std::env::args().any(|a| a == "--percentiles") {
        percentiles();
        return;
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
}
