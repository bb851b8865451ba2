//! Replays the saved fuzz corpus (`fuzz/corpus/<target>/`) and every crash the fuzzers once found
//! (`fuzz/regressions/<target>/`) through the same entry points the fuzz targets call. Fuzzing
//! needs nightly; this replay runs on stable in CI, so a fixed crash stays fixed.

mod common;

use std::path::{Path, PathBuf};

fn inputs(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else { return Vec::new() };
    let mut files: Vec<PathBuf> = entries.filter_map(|e| e.ok()).map(|e| e.path()).filter(|p| p.is_file()).collect();
    files.sort();
    files
}

#[test]
fn every_saved_fuzz_input_is_handled_without_a_panic() {
    // `screen_name` screens against the Canadian list it finds through `SCREENER_DATA`.
    if std::env::var_os("SCREENER_DATA").is_none() {
        std::env::set_var("SCREENER_DATA", common::data_dir());
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    for target in screener::fuzzing::TARGETS {
        let corpus = inputs(&root.join("corpus").join(target));
        assert!(
            corpus.len() >= 10,
            "fuzz/corpus/{target} has {} inputs: run scripts/fuzz.sh to build it, then commit it",
            corpus.len()
        );
        let regressions = inputs(&root.join("regressions").join(target));
        for path in corpus.iter().chain(&regressions) {
            let data = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let outcome = std::panic::catch_unwind(|| screener::fuzzing::run(target, &data));
            assert!(matches!(outcome, Ok(true)), "{target} panicked on {}", path.display());
        }
    }
}
