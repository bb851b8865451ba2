use screener::index::name_form;
use screener::model::Regime;
use screener::source::SourceSpec;
fn main() {
    let d = "../shared/data";
    let specs: Vec<SourceSpec> = [
        format!("ca-sema={d}/canada/sema-lmes_2025-09-22.xml"),
        format!("us-ofac-sdn={d}/ofac/sdn_2023-12-28.csv"),
        format!("uk-ofsi={d}/uk/ConList_2025-04-10.csv"),
    ]
    .iter()
    .map(|s| SourceSpec::parse(s).unwrap())
    .collect();
    let s = screener::store::load(&specs, Regime::All).unwrap();
    let text = std::fs::read_to_string("../shared/eval/dev.jsonl").unwrap();
    let (mut units, mut near_total, mut occ_total, mut passing) = (0, 0, 0, 0);
    for l in text.lines().take(1000) {
        let v: serde_json::Value = serde_json::from_str(l).unwrap();
        let name = v["party"]["name"].as_str().unwrap();
        let f = name_form::query(name, true, &|_| 1.0);
        for t in &f.tokens {
            let mut near = Vec::new();
            s.tokens_near(t, false, &mut near);
            near.sort_unstable();
            near.dedup();
            units += 1;
            near_total += near.len();
            for &ti in &near {
                let tk = &s.tokens[ti as usize];
                if screener::matcher::score::token_sim(t, &tk.tok) >= 0.8 {
                    passing += 1;
                    occ_total += tk.occurrences.len();
                }
            }
        }
    }
    println!(
        "tokens {} near/unit {:.1} passing/unit {:.1} occurrences/unit {:.1} listed tokens {}",
        units,
        near_total as f64 / units as f64,
        passing as f64 / units as f64,
        occ_total as f64 / units as f64,
        s.tokens.len()
    );
}
