//! Entry points for the fuzz targets in `fuzz/` and for the corpus replay test
//! (`tests/fuzz_corpus.rs`). They live in the library so that the fuzzers (nightly, libFuzzer)
//! and the replay on stable CI run exactly the same code on the same bytes: a crash the fuzzer
//! saved is a failing test everywhere, not only on a machine with nightly.
//!
//! Each function must return normally (with an error or not) for any input; a panic is the bug.

use std::sync::OnceLock;

use crate::index::Snapshot;
use crate::lists::store;
use crate::matcher::{self, Query, Thresholds};
use crate::model::{Regime, SourceKind};
use crate::normalize;
use crate::source::layout::{self, FileRole, Need};
use crate::source::{RawFile, RawPublication, SourceSpec};

/// Marks the boundary between the files of an OFAC bundle inside one fuzz input: SDN.CSV, then
/// ALT.CSV, ADD.CSV and SDN_COMMENTS.CSV. Chosen so that it cannot occur in a real OFAC file
/// (they are Latin-1 CSV without `#` lines), which keeps the real files usable as seeds.
pub const OFAC_FILE_SEPARATOR: &[u8] = b"\n#--FILE--#\n";

/// Every format the fuzzers feed, and the targets' names in `fuzz/fuzz_targets/`.
pub const TARGETS: &[&str] = &[
    "parse_ca_sema",
    "parse_ofac_sdn",
    "parse_uk_ofsi",
    "parse_uk_fcdo",
    "parse_eu_fsf",
    "parse_jp_mof",
    "normalize_name",
    "screen_name",
];

/// Runs the named target on one input; `false` if the name is not a target.
pub fn run(target: &str, data: &[u8]) -> bool {
    match target {
        "parse_ca_sema" => parse_single(SourceKind::CaSema, data),
        "parse_ofac_sdn" => parse_ofac_bundle(data),
        "parse_uk_ofsi" => parse_single(SourceKind::UkOfsi, data),
        "parse_uk_fcdo" => parse_single(SourceKind::UkFcdo, data),
        "parse_eu_fsf" => parse_single(SourceKind::EuFsf, data),
        "parse_jp_mof" => parse_single(SourceKind::JpMof, data),
        "normalize_name" => normalize_name(data),
        "screen_name" => screen_name(data),
        _ => return false,
    }
    true
}

/// A one-file publication (Canada, FCDO and EU XML, OFSI CSV, Japan's workbook) through the parser and into an index, because a
/// parsed entity that the index builder cannot take is as much a crash as a parser panic.
pub fn parse_single(kind: SourceKind, data: &[u8]) {
    let publication = RawPublication::from_bytes("fuzz-input", data.to_vec());
    index_if_parsed(kind, publication);
}

/// An OFAC bundle: the input split on [`OFAC_FILE_SEPARATOR`] into SDN, ALT, ADD and comments.
pub fn parse_ofac_bundle(data: &[u8]) {
    let roles = layout::of(SourceKind::UsOfacSdn).roles();
    let mut files = Vec::new();
    let mut rest = data;
    for &FileRole { name: role, need } in roles {
        let (part, next) = match find(rest, OFAC_FILE_SEPARATOR) {
            Some(at) => (&rest[..at], &rest[at + OFAC_FILE_SEPARATOR.len()..]),
            None => (rest, &[][..]),
        };
        // Companions are optional in a publication (an empty one is refused as cut short), so
        // an empty part means "not there": slices of the real files often have no comments.
        if need == Need::Required || !part.is_empty() {
            files.push(RawFile { role: role.to_string(), path: format!("fuzz/{role}"), bytes: part.to_vec() });
        }
        rest = next;
        if rest.is_empty() {
            break;
        }
    }
    index_if_parsed(SourceKind::UsOfacSdn, RawPublication { location: "fuzz".into(), files, modified: None });
}

fn index_if_parsed(kind: SourceKind, publication: RawPublication) {
    let Ok(spec) = SourceSpec::parse(&format!("{}=fuzz-input", kind.as_str())) else { return };
    if let Ok(source) = store::parse_raw(&spec, publication) {
        let snapshot = Snapshot::build(vec![source], Regime::All);
        let _ = matcher::screen(
            &snapshot,
            &Query { name: "Lukashenko".into(), ..Default::default() },
            &Thresholds::default(),
        );
    }
}

/// The normaliser on any text: folding, tokens, phonetic keys and skeletons, country keys.
pub fn normalize_name(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let folded = normalize::fold(&text);
    for token in normalize::tokens(&text) {
        let key = normalize::phonetic_key(&token);
        let _ = normalize::respellings(&token);
        let _ = normalize::alternative_keys(&token, &key, &normalize::leet_readings(&token, false));
        let _ = normalize::skeleton(&key);
    }
    let _ = normalize::country_key(&text);
    let _ = normalize::strip_label(&text);
    let _ = normalize::has_control_chars(&folded);
}

/// A query name screened against the real Canada list (loaded once from `$SCREENER_DATA`, by
/// default `../shared/data` beside the crate): query parsing, retrieval and scoring for any text
/// a client can send.
pub fn screen_name(data: &[u8]) {
    static SNAPSHOT: OnceLock<Snapshot> = OnceLock::new();
    let snapshot = SNAPSHOT.get_or_init(|| {
        let dir = std::env::var("SCREENER_DATA")
            .unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data").to_string());
        let spec = format!("ca-sema={dir}/canada/sema-lmes_2025-09-22.xml");
        let spec = SourceSpec::parse(&spec).unwrap_or_else(|e| panic!("fuzz harness: {e}"));
        store::load(&[spec], Regime::All).unwrap_or_else(|e| panic!("fuzz harness needs the real Canada list: {e}"))
    });
    let name = String::from_utf8_lossy(data);
    let query = Query { name: name.into_owned(), ..Default::default() };
    let _ = matcher::screen(snapshot, &query, &Thresholds::default());
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}
