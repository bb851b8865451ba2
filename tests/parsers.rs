//! The parsers on the real, official list files (the committed excerpts in `tests/data/lists`, and
//! the full publications in `../shared/data` when they are there), and on broken copies of them.

mod common;

use screener::lists::store;
use screener::model::{EntityType, IdKind, Regime, SourceKind};
use screener::parser;
use screener::source::{self, SourceSpec};

fn spec(kind: SourceKind, path: impl Into<std::path::PathBuf>) -> SourceSpec {
    SourceSpec::new(kind, path.into(), None)
}

fn parse(kind: SourceKind, path: impl Into<std::path::PathBuf>) -> Result<parser::ParsedList, String> {
    let raw = source::read(&spec(kind, path)).map_err(|e| e.to_string())?;
    parser::parse(kind, &raw).map_err(|e| e.to_string())
}

/// Checks a total of the committed excerpts (`tests/data/MANIFEST.md`). Other data
/// (`SCREENER_DATA`) has other totals: there only the Belarus counts, which the excerpts share
/// with the full lists, are checked.
fn assert_excerpt_total(what: &str, actual: usize, in_excerpts: usize) {
    if common::using_excerpts() {
        assert_eq!(actual, in_excerpts, "{what} in tests/data/lists");
    }
}

#[test]
fn canada_real_file() {
    let list = parse(SourceKind::CaSema, common::canada()).expect("parses");
    assert_excerpt_total("Canada records", list.entities.len(), 519);
    let belarus: Vec<_> = list.entities.iter().filter(|e| e.belarus).collect();
    assert_eq!(belarus.len(), 320);
    assert_eq!(belarus.iter().filter(|e| e.entity_type == EntityType::Person).count(), 231);
    let luka = list.entities.iter().find(|e| e.id == "ca-sema:belarus/1-part-1/8").expect("Lukashenko");
    assert_eq!(luka.primary_name(), "Aleksandr Grigoryevich Lukashenko");
    assert_eq!(luka.dates_of_birth[0].to_string(), "1954-08-30");
    // The 2022-11-17 listing: 22 officials (Part 1.1) and 16 entities (Part 2) that day.
    let ids: std::collections::HashSet<_> = list.entities.iter().map(|e| e.id.clone()).collect();
    assert_eq!(ids.len(), list.entities.len(), "ids are unique");
    // Aliases mixing scripts and labels are split, labels dropped.
    let with_cyrillic =
        belarus.iter().filter(|e| e.names.iter().any(|n| n.script == screener::model::Script::Cyrillic)).count();
    assert!(with_cyrillic > 50, "{with_cyrillic}");
    assert!(!belarus
        .iter()
        .flat_map(|e| &e.names)
        .any(|n| n.full.starts_with("Russian") || n.full.starts_with("Belarusian:")));
    // Ships carry their IMO number.
    assert!(list
        .entities
        .iter()
        .any(|e| e.entity_type == EntityType::Vessel && e.identifiers.iter().any(|i| i.kind == IdKind::Imo)));
}

#[test]
fn ofac_real_files() {
    let list = parse(SourceKind::UsOfacSdn, common::ofac("2023-12-28")).expect("parses");
    assert_excerpt_total("OFAC 2023-12-28 entries", list.entities.len(), 382);
    assert_eq!(list.entities.iter().filter(|e| e.belarus).count(), 210);
    let luka = list.entities.iter().find(|e| e.id == "us-ofac-sdn:9760").expect("Lukashenka");
    assert_eq!(luka.primary_name(), "Alyaksandr Ryhorovich LUKASHENKA");
    assert!(luka.names.iter().any(|n| n.full == "Aleksandr Grigorevich LUKASHENKO"), "ALT.CSV aliases");
    let dobs: Vec<String> = luka.dates_of_birth.iter().map(|d| d.to_string()).collect();
    assert_eq!(dobs, ["1954-08-30", "1954-08-31"]);
    assert!(luka.countries.iter().any(|c| c == "Belarus"));
    // Remarks yield identifiers for Belarus entries (registration numbers, tax ids, passports).
    let ids: usize = list.entities.iter().filter(|e| e.belarus).map(|e| e.identifiers.len()).sum();
    assert!(ids > 50, "{ids}");
    // Programs split out of `A] [B`.
    assert!(list.entities.iter().any(|e| e.programs.len() > 1));
    // Addresses from ADD.CSV.
    assert!(list.entities.iter().filter(|e| e.belarus).any(|e| e.addresses.iter().any(|a| a.contains("Minsk"))));

    // The dated archives without companions parse too (SDN.CSV alone).
    let older = parse(SourceKind::UsOfacSdn, common::ofac("2022-11-18")).expect("parses");
    assert_eq!(older.entities.iter().filter(|e| e.belarus).count(), 164);
    assert_excerpt_total("OFAC 2022-11-18 entries", older.entities.len(), 336);
    let newer = parse(SourceKind::UsOfacSdn, common::ofac("2024-05-03")).expect("parses");
    assert_eq!(newer.entities.iter().filter(|e| e.belarus).count(), 232);
    assert_excerpt_total("OFAC 2024-05-03 entries", newer.entities.len(), 404);
}

#[test]
fn ofac_directory_with_official_names() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = common::data_dir().join("ofac");
    for (from, to) in
        [("sdn_2023-12-28.csv", "SDN.CSV"), ("alt_2023-12-28.csv", "ALT.CSV"), ("add_2023-12-28.csv", "add.csv")]
    {
        std::fs::copy(data.join(from), dir.path().join(to)).expect("copy");
    }
    let list = parse(SourceKind::UsOfacSdn, dir.path()).expect("parses");
    assert_eq!(list.entities.iter().filter(|e| e.belarus).count(), 210);
    let empty = tempfile::tempdir().expect("tempdir");
    let e = parse(SourceKind::UsOfacSdn, empty.path()).expect_err("no SDN.CSV");
    assert!(e.contains("SDN.CSV"), "{e}");
}

#[test]
fn uk_real_file() {
    let list = parse(SourceKind::UkOfsi, common::uk()).expect("parses");
    assert_eq!(list.list_date.as_deref(), Some("2025-04-10"));
    let belarus: Vec<_> = list.entities.iter().filter(|e| e.belarus).collect();
    assert_eq!(belarus.len(), 167);
    assert_excerpt_total("OFSI groups", list.entities.len(), 262);
    let luka = list.entities.iter().find(|e| e.id == "uk-ofsi:13918").expect("Lukashenka");
    assert_eq!(luka.primary_name(), "Aleksandr Grigorievich LUKASHENKA");
    assert!(luka.programs.contains(&"Belarus".to_string()) && luka.programs.len() >= 2);
    assert_eq!(luka.dates_of_birth[0].to_string(), "1954-08-30");
    // Non-Latin names kept.
    assert!(belarus.iter().flat_map(|e| &e.names).any(|n| n.script == screener::model::Script::Cyrillic));
}

#[test]
fn broken_files_are_refused_with_the_place() {
    let dir = tempfile::tempdir().expect("tempdir");
    let p = |n: &str| dir.path().join(n);

    // Canada cut in the middle of a record.
    let xml = std::fs::read(common::canada()).expect("read");
    std::fs::write(p("cut.xml"), &xml[..xml.len() / 2]).expect("write");
    let e = parse(SourceKind::CaSema, p("cut.xml")).expect_err("truncated");
    assert!(e.contains("cut.xml"), "{e}");

    // Another format in the Canada slot.
    let e = parse(SourceKind::CaSema, common::uk()).expect_err("csv is not xml");
    assert!(e.contains("ConList"), "{e}");

    // Empty files.
    std::fs::write(p("empty.csv"), "").expect("write");
    assert!(parse(SourceKind::UkOfsi, p("empty.csv")).expect_err("empty").contains("empty.csv"));
    std::fs::write(p("sdn.csv"), "").expect("write");
    assert!(parse(SourceKind::UsOfacSdn, p("sdn.csv")).expect_err("empty").contains("empty"));

    // OFAC with a row of the wrong shape: the line is named.
    std::fs::write(p("sdn_bad.csv"), "36,\"AEROCARIBBEAN AIRLINES\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n37,\"X\",\"individual\"\r\n\x1A").expect("write");
    let e = parse(SourceKind::UsOfacSdn, p("sdn_bad.csv")).expect_err("short row");
    assert!(e.contains("line 2") && e.contains("12 columns"), "{e}");

    // UK without its header line.
    let e = parse(SourceKind::UkOfsi, common::ofac("2023-12-28")).expect_err("not OFSI");
    assert!(e.contains("Last Updated"), "{e}");
}

#[test]
fn snapshot_scope_and_version() {
    let specs: Vec<SourceSpec> = common::real_sources().iter().map(|s| SourceSpec::parse(s).expect("spec")).collect();
    let belarus = store::load(&specs, Regime::Belarus).expect("loads");
    assert_eq!(belarus.entity_count(), 320 + 210 + 167);
    let all = store::load(&specs, Regime::All).expect("loads");
    assert_eq!(all.entity_count(), all.sources.iter().map(|s| s.entities_total).sum::<usize>());
    assert_excerpt_total("entities with --regime all", all.entity_count(), 519 + 382 + 262);
    assert_ne!(belarus.list_version, all.list_version);
    let again = store::load(&specs, Regime::Belarus).expect("loads");
    assert_eq!(again.list_version, belarus.list_version, "same files, same version");
}

/// What only the full publications have (`../shared/data`): their totals, and the README's counts
/// (697 entities in the Belarus scope, 23,597 with `--regime all`).
#[test]
fn full_publications_totals() {
    let Some(dir) =
        common::full_data_dir("parsers::full_publications_totals (5,090 + 13,821 + 4,686 = 23,597 entities)")
    else {
        return;
    };
    let count = |l: &parser::ParsedList| (l.entities.len(), l.entities.iter().filter(|e| e.belarus).count());
    let ca = parse(SourceKind::CaSema, dir.join("canada/sema-lmes_2025-09-22.xml")).expect("parses");
    assert_eq!(count(&ca), (5090, 320));
    let ofac = |date: &str| parse(SourceKind::UsOfacSdn, dir.join(format!("ofac/sdn_{date}.csv"))).expect("parses");
    assert_eq!(count(&ofac("2022-11-18")), (11115, 164));
    assert_eq!(count(&ofac("2023-12-28")), (13821, 210));
    assert_eq!(count(&ofac("2024-05-03")), (14965, 232));
    let uk = parse(SourceKind::UkOfsi, dir.join("uk/ConList_2025-04-10.csv")).expect("parses");
    assert_eq!(count(&uk), (4686, 167));
    let specs: Vec<SourceSpec> = common::sources_in(&dir).iter().map(|s| SourceSpec::parse(s).expect("spec")).collect();
    assert_eq!(store::load(&specs, Regime::Belarus).expect("loads").entity_count(), 697);
    assert_eq!(store::load(&specs, Regime::All).expect("loads").entity_count(), 23_597);
}

#[test]
fn japans_real_workbook_has_its_35_belarus_entries_with_names_in_both_scripts() {
    let list = parse(SourceKind::JpMof, common::japan()).expect("parses");
    let belarus: Vec<_> = list.entities.iter().filter(|e| e.belarus).collect();
    assert_eq!(belarus.len(), 35, "19 individuals, 12 entities, 4 banks");
    let persons = belarus.iter().filter(|e| e.entity_type == EntityType::Person).count();
    assert_eq!(persons, 19);
    for sheet in ["31", "32", "33"] {
        assert!(belarus.iter().any(|e| e.id.starts_with(&format!("jp-mof:{sheet}/"))), "sheet {sheet}");
    }
    // Sheets 34–36 name Belarus only to exclude it ("other than Russia and Belarus").
    assert!(list.entities.iter().filter(|e| e.id.starts_with("jp-mof:34/")).all(|e| !e.belarus));
    let luka = list.entities.iter().find(|e| e.id == "jp-mof:31/1").expect("Lukashenko");
    assert_eq!(luka.primary_name(), "Aleksandr LUKASHENKO");
    assert!(luka.names.iter().any(|n| n.full == "アレクサンドル・ルカシェンコ"));
    assert_eq!(luka.dates_of_birth[0].to_string(), "1954-08-30", "an Excel date");
    assert!(luka.titles.iter().any(|t| t == "President of the Republic of Belarus"));
    let lappo = list.entities.iter().find(|e| e.id == "jp-mof:31/4").expect("Lappo");
    assert_eq!(lappo.dates_of_birth[0].to_string(), "1963", "text `1963年`");
    let bank = list.entities.iter().find(|e| e.id == "jp-mof:33/4").expect("Belinvestbank");
    assert!(
        bank.names.iter().any(|n| n.full == "Belarusian Bank for Development and Reconstruction"),
        "{:?}",
        bank.names
    );
    assert!(bank.addresses[0].contains("Minsk") && bank.countries.contains(&"Belarus".to_string()));
    // Aliases in `（別称、…）(a.k.a. …)` cells, on another programme's sheet.
    let with_alias = list.entities.iter().find(|e| e.id == "jp-mof:34/4").expect("Sun Ship Management");
    assert!(with_alias.names.iter().any(|n| n.full == "SCF Management Services Dubai Ltd"), "{:?}", with_alias.names);
    let ids: std::collections::HashSet<_> = list.entities.iter().map(|e| &e.id).collect();
    assert_eq!(ids.len(), list.entities.len(), "ids are unique");
}

#[test]
fn the_fcdo_fixture_reads_names_types_strengths_scripts_dates_and_the_ship() {
    let list = parse(SourceKind::UkFcdo, common::uk_fcdo()).expect("parses");
    assert_eq!(list.list_date.as_deref(), Some("2026-11-24"), "DateGenerated");
    assert_eq!(list.entities.len(), 7);
    assert_eq!(list.entities.iter().filter(|e| e.belarus).count(), 5, "the Belarus regime only");
    let luka = list.entities.iter().find(|e| e.id == "uk-fcdo:BEL0045").expect("Lukashenko");
    assert_eq!(luka.primary_name(), "Alexander Grigorievich LUKASHENKO");
    assert!(luka.names.iter().any(|n| n.full == "Aliaksandr Ryhoravich LUKASHENKA"));
    assert!(luka.names.iter().any(|n| n.full == "ЛУКАШЭНКА, Аляксандр Рыгоравіч"));
    let dobs: Vec<String> = luka.dates_of_birth.iter().map(|d| d.to_string()).collect();
    assert_eq!(dobs, ["1954-08-30", "1954-08-31"]);
    assert!(luka.titles.contains(&"President of Belarus".to_string()));
    assert!(luka.addresses[0].contains("Independence Palace"));
    let ghr = list.entities.iter().find(|e| e.id == "uk-fcdo:GHR0050").expect("the same person, another regime");
    assert!(!ghr.belarus);
    let viktor = list.entities.iter().find(|e| e.id == "uk-fcdo:BEL0047").expect("Viktor Lukashenko");
    let weak = viktor.names.iter().find(|n| n.full == "Viktar LUKASHENKA").expect("low quality alias");
    assert_eq!(weak.quality, screener::model::NameQuality::Weak);
    let gus = list.entities.iter().find(|e| e.id == "uk-fcdo:BEL0118").expect("Gusachenka");
    assert_eq!(gus.identifiers.iter().filter(|i| i.kind == IdKind::Passport).count(), 2);
    let ship = list.entities.iter().find(|e| e.id == "uk-fcdo:DPR0100").expect("ship");
    assert_eq!(ship.entity_type, EntityType::Vessel);
    assert!(ship.identifiers.iter().any(|i| i.kind == IdKind::Imo && i.value == "7408873"));
    assert!(ship.countries.contains(&"North Korea".to_string()));
    let kali = list.entities.iter().find(|e| e.id == "uk-fcdo:BEL0111").expect("Belaruskali");
    assert!(kali.names.iter().any(|n| n.full == "ОАО \"Беларуськалий\""));
    assert!(kali.identifiers.iter().any(|i| i.kind == IdKind::Registration && i.value == "600122610"));
}

#[test]
fn the_eu_fixture_reads_programme_blr_names_in_every_language_and_birth_dates() {
    let list = parse(SourceKind::EuFsf, common::eu_fsf()).expect("parses");
    assert_eq!(list.list_date.as_deref(), Some("2026-11-27"), "generationDate");
    assert_eq!(list.entities.len(), 5);
    assert_eq!(list.entities.iter().filter(|e| e.belarus).count(), 4, "programme BLR");
    let luka = list.entities.iter().find(|e| e.id == "eu-fsf:13918").expect("Lukashenko");
    assert_eq!(luka.primary_name(), "Aleksandr Grigorievich Lukashenko");
    assert!(luka.names.iter().any(|n| n.full == "Аляксандр Рыгоравіч Лукашэнка"));
    assert_eq!(luka.dates_of_birth.len(), 2);
    assert_eq!(luka.countries, ["Belarus"]);
    let viktor = list.entities.iter().find(|e| e.id == "eu-fsf:13919").expect("Viktor");
    assert!(viktor
        .names
        .iter()
        .any(|n| n.full == "Viktar Lukashenka" && n.quality == screener::model::NameQuality::Weak));
    let ship = list.entities.iter().find(|e| e.id == "eu-fsf:13651").expect("tanker");
    assert!(!ship.belarus && ship.identifiers.iter().any(|i| i.kind == IdKind::Imo));
}

/// A real publication whose elements the parser does not know (a renamed record or regime
/// element, another format in the slot) must be refused at the first load, never served as a list
/// with nobody on it.
#[test]
fn publications_whose_element_names_differ_are_refused_not_read_as_empty() {
    let dir = tempfile::tempdir().expect("tempdir");
    let variant = |from: &std::path::Path, name: &str, edit: &dyn Fn(String) -> String| {
        let text = std::fs::read_to_string(from).expect("read");
        let p = dir.path().join(name);
        std::fs::write(&p, edit(text)).expect("write");
        p
    };
    let cases: Vec<(SourceKind, std::path::PathBuf, &str)> = vec![
        // Records renamed: no entity at all.
        (
            SourceKind::UkFcdo,
            variant(&common::uk_fcdo(), "a.xml", &|t| t.replace("Designation>", "Listing>")),
            "no entities",
        ),
        // The regime element renamed: entities, but nobody in the Belarus scope.
        (
            SourceKind::UkFcdo,
            variant(&common::uk_fcdo(), "b.xml", &|t| t.replace("RegimeName>", "Regime>")),
            "none in the Belarus regime",
        ),
        // Name parts renamed: a designation without a name.
        (
            SourceKind::UkFcdo,
            variant(&common::uk_fcdo(), "c.xml", &|t| t.replace("Name6>", "LastName>").replace("Name1>", "FirstName>")),
            "has no name",
        ),
        (
            SourceKind::EuFsf,
            variant(&common::eu_fsf(), "d.xml", &|t| t.replace("sanctionEntity", "sanctionedEntity")),
            "no entities",
        ),
        (
            SourceKind::EuFsf,
            variant(&common::eu_fsf(), "e.xml", &|t| t.replace("programme=", "programCode=")),
            "none in the Belarus regime",
        ),
        (
            SourceKind::EuFsf,
            variant(&common::eu_fsf(), "f.xml", &|t| t.replace("wholeName=", "name=").replace("lastName=", "surname=")),
            "no <nameAlias>",
        ),
        // Another format in the slot.
        (SourceKind::EuFsf, common::uk_fcdo(), "root element is <Designations>"),
        (SourceKind::UkFcdo, common::canada(), "root element is <data-set>"),
        (SourceKind::JpMof, common::uk_fcdo(), "not the MOF asset-freeze workbook"),
        // Cut short.
        // Cut short after a whole designation: well-formed so far, every record valid.
        (
            SourceKind::UkFcdo,
            variant(&common::uk_fcdo(), "g.xml", &|t| cut_after(&t, "</Designation>", 4)),
            "cut short",
        ),
        (
            SourceKind::EuFsf,
            variant(&common::eu_fsf(), "h.xml", &|t| cut_after(&t, "</sanctionEntity>", 3)),
            "cut short",
        ),
    ];
    for (kind, path, expect) in cases {
        let e = parse(kind, &path).expect_err("refused");
        assert!(e.contains(expect), "{kind} {}: {e}", path.display());
    }
}

/// The text up to the end of the `n`th `tag`.
fn cut_after(text: &str, tag: &str, n: usize) -> String {
    let end = text.match_indices(tag).nth(n - 1).map(|(i, _)| i + tag.len()).expect("enough records");
    text[..end].to_string()
}
