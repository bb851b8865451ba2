use screener::lists::store;
use screener::matcher::{self, Query, Thresholds};
use screener::model::{EntityType, Regime};
use screener::source::SourceSpec;
fn main() {
    let d = "/work/shared/data";
    let specs: Vec<SourceSpec> = [
        format!("ca-sema={d}/canada/sema-lmes_2025-09-22.xml"),
        format!("us-ofac-sdn={d}/ofac/sdn_2023-12-28.csv"),
        format!("uk-ofsi={d}/uk/ConList_2025-04-10.csv"),
        format!("jp-mof={d}/japan/mof-asset-freeze_2026-03-05.xlsx"),
    ]
    .iter()
    .map(|s| SourceSpec::parse(s).unwrap())
    .collect();
    let s = store::load(&specs, Regime::All).unwrap();
    let t = Thresholds::default();
    for name in std::env::args().skip(1) {
        let q = Query { name: name.clone(), party_type: Some(EntityType::Person), ..Default::default() };
        let (p, f) = (matcher::screen(&s, &q, &t), matcher::screen_unpruned(&s, &q, &t));
        println!(
            "{name}: pruned {:?} unpruned {:?}",
            p.matches.iter().map(|m| m.score).collect::<Vec<_>>(),
            f.matches.iter().map(|m| m.score).collect::<Vec<_>>()
        );
    }
}
