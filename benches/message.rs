//! In-process cost of `ScreenMessage`: a typical pacs.008 (two parties, two agents and the
//! instructing/instructed agents by BIC, postal addresses, a remittance text), parsed alone and
//! parsed and screened, against the Belarus lists; and an MT103 for comparison.
//!
//! `cargo bench --bench message` (criterion: mean time per message). The lists are the committed
//! excerpts (every Belarus entry of each list, so the same 697 entities as the full
//! publications), or `SCREENER_DATA=DIR` laid out the same way.

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{criterion_group, Criterion};
use screener::matcher::Thresholds;
use screener::message::{self, Format};
use screener::model::Regime;
use screener::source::SourceSpec;

fn data() -> PathBuf {
    std::env::var_os("SCREENER_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/lists"))
}

fn file(name: &str) -> String {
    std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/messages").join(name))
        .expect("message file")
}

fn bench(c: &mut Criterion) {
    let d = data();
    let specs: Vec<SourceSpec> = [
        format!("ca-sema={}", d.join("canada/sema-lmes_2025-09-22.xml").display()),
        format!("us-ofac-sdn={}", d.join("ofac/sdn_2023-12-28.csv").display()),
        format!("uk-ofsi={}", d.join("uk/ConList_2025-04-10.csv").display()),
    ]
    .iter()
    .map(|s| SourceSpec::parse(s).expect("spec"))
    .collect();
    let snapshot = screener::lists::store::load(&specs, Regime::Belarus).expect("lists load");
    let t = Thresholds::default();
    let mut g = c.benchmark_group("per_message");
    for (label, name) in [
        ("pacs008_typical", "pacs008_clean.xml"),
        ("pacs008_listed_remittance", "pacs008_remittance_listed_company.xml"),
        ("mt103_option_k", "mt103_option_k.fin"),
    ] {
        let text = file(name);
        g.bench_function(format!("parse_{label}"), |b| {
            b.iter(|| black_box(message::parse(&text, Format::Detect).expect("parses")))
        });
        g.bench_function(format!("screen_{label}"), |b| {
            b.iter(|| {
                let m = message::parse(&text, Format::Detect).expect("parses");
                black_box(message::screen(&snapshot, &m, &t).expect("screens"))
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench);

fn main() {
    benches();
    Criterion::default().configure_from_args().final_summary();
}
