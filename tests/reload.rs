//! Hot reload on the real publications: files replaced under a running server while clients
//! screen continuously; broken publications refused while the old lists keep answering.

mod common;

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use common::Server;
use screener::lists::store;
use screener::model::{Regime, SourceKind};
use screener::pb;
use screener::pb::admin_service_client::AdminServiceClient;
use screener::source::SourceSpec;

/// Replaces `to` with `from`'s bytes the way publishers' sync jobs do: write aside, then rename.
fn publish(bytes: &[u8], to: &Path) {
    let tmp = to.with_extension("partial");
    std::fs::write(&tmp, bytes).expect("write");
    std::fs::rename(&tmp, to).expect("rename");
}

/// The Canadian list without the 2022-11-17 Belarus listing (22 officials, 16 entities).
fn canada_before_2022_11_17() -> Vec<u8> {
    let xml = std::fs::read_to_string(common::canada()).expect("read");
    let mut out = String::with_capacity(xml.len());
    let mut rest = xml.as_str();
    while let Some(start) = rest.find("<record>") {
        let end = rest[start..].find("</record>").map(|e| start + e + "</record>".len()).expect("record end");
        out.push_str(&rest[..start]);
        let rec = &rest[start..end];
        if !(rec.contains("<DateOfListing>2022-11-17</DateOfListing>") && rec.contains("Belarus")) {
            out.push_str(rec);
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out.into_bytes()
}

fn spec(kind: SourceKind, p: &Path) -> SourceSpec {
    SourceSpec::new(kind, p.to_path_buf(), None)
}

/// In-scope entities of a source as the library parses it, by id.
fn belarus(kind: SourceKind, p: &Path) -> std::collections::HashMap<String, screener::model::Entity> {
    let raw = screener::source::read(&spec(kind, p)).expect("read");
    let list = screener::parser::parse(kind, &raw).expect("parse");
    list.entities.into_iter().filter(|e| e.belarus).map(|e| (e.id.clone(), e)).collect()
}

fn belarus_ids(kind: SourceKind, p: &Path) -> HashSet<String> {
    belarus(kind, p).into_keys().collect()
}

/// (added, removed, changed) ids between two parses, sorted: the expected change feed.
fn expected_change(
    old: &std::collections::HashMap<String, screener::model::Entity>,
    new: &std::collections::HashMap<String, screener::model::Entity>,
) -> (Vec<String>, Vec<String>, Vec<String>) {
    let mut added: Vec<String> = new.keys().filter(|k| !old.contains_key(*k)).cloned().collect();
    let mut removed: Vec<String> = old.keys().filter(|k| !new.contains_key(*k)).cloned().collect();
    let mut changed: Vec<String> =
        new.iter().filter(|(k, e)| old.get(*k).is_some_and(|o| o != *e)).map(|(k, _)| k.clone()).collect();
    added.sort();
    removed.sort();
    changed.sort();
    (added, removed, changed)
}

fn version(specs: &[SourceSpec]) -> String {
    store::load(specs, Regime::Belarus).expect("loads").list_version
}

struct Load {
    stop: Arc<AtomicBool>,
    calls: Arc<AtomicUsize>,
    failures: Arc<Mutex<Vec<String>>>,
    versions: Arc<Mutex<HashSet<String>>>,
    handles: Vec<tokio::task::JoinHandle<()>>,
}

/// `n` clients screening continuously, recording every failure and every list_version seen.
fn start_load(endpoint: String, n: usize) -> Load {
    let load = Load {
        stop: Arc::new(AtomicBool::new(false)),
        calls: Arc::new(AtomicUsize::new(0)),
        failures: Arc::new(Mutex::new(Vec::new())),
        versions: Arc::new(Mutex::new(HashSet::new())),
        handles: Vec::new(),
    };
    let names = ["Aleksandr Lukashenko", "Maria Schmidt", "Belaruskali", "Viktor Sheiman", "Ivan Tertel"];
    let mut handles = Vec::new();
    for i in 0..n {
        let (stop, calls, failures, versions) =
            (load.stop.clone(), load.calls.clone(), load.failures.clone(), load.versions.clone());
        let endpoint = endpoint.clone();
        handles.push(tokio::spawn(async move {
            let mut client = screener::pb::screening_service_client::ScreeningServiceClient::connect(endpoint)
                .await
                .expect("connects");
            let mut k = i;
            while !stop.load(Ordering::Relaxed) {
                k += 1;
                let party = pb::Party { name: names[k % names.len()].into(), ..Default::default() };
                match client
                    .screen_party(pb::ScreenPartyRequest {
                        request_id: format!("{i}-{k}"),
                        party: Some(party),
                        ..Default::default()
                    })
                    .await
                {
                    Ok(r) => {
                        versions.lock().expect("lock").insert(r.into_inner().list_version);
                    }
                    Err(e) => failures.lock().expect("lock").push(e.to_string()),
                }
                calls.fetch_add(1, Ordering::Relaxed);
            }
        }));
    }
    Load { handles, ..load }
}

/// Polls until `name` is found from `source`, returning how long it took.
async fn time_until_found(
    client: &mut screener::pb::screening_service_client::ScreeningServiceClient<tonic::transport::Channel>,
    name: &str,
    id: &str,
) -> Duration {
    let t0 = Instant::now();
    loop {
        let r = client
            .screen_party(pb::ScreenPartyRequest {
                request_id: "probe".into(),
                party: Some(pb::Party { name: name.into(), ..Default::default() }),
                ..Default::default()
            })
            .await
            .expect("screens")
            .into_inner();
        if r.matches.iter().any(|m| m.entity_id == id) {
            return t0.elapsed();
        }
        assert!(t0.elapsed() < Duration::from_secs(10), "{name} ({id}) not found 10 s after the change");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

fn primary_name(kind: SourceKind, p: &Path, id: &str) -> String {
    let raw = screener::source::read(&spec(kind, p)).expect("read");
    let list = screener::parser::parse(kind, &raw).expect("parse");
    list.entities.into_iter().find(|e| e.id == id).map(|e| e.primary_name().to_string()).expect("entity")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn replayed_publications_under_load() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ofac_dir = dir.path().join("ofac");
    std::fs::create_dir(&ofac_dir).expect("mkdir");
    let sdn = ofac_dir.join("SDN.CSV");
    let canada = dir.path().join("sema-lmes.xml");
    let read = |p: PathBuf| std::fs::read(p).expect("read");
    publish(&read(common::ofac("2022-11-18")), &sdn);
    publish(&canada_before_2022_11_17(), &canada);

    // Every version the clients may legitimately see, computed independently of the server.
    let specs = |_: ()| {
        vec![
            spec(SourceKind::CaSema, &canada),
            spec(SourceKind::UsOfacSdn, &ofac_dir),
            spec(SourceKind::UkOfsi, &common::uk()),
        ]
    };
    let mut published = vec![version(&specs(()))];
    let ofac_2022 = belarus_ids(SourceKind::UsOfacSdn, &ofac_dir);
    let ca_before = belarus_ids(SourceKind::CaSema, &canada);
    assert_eq!(ca_before.len(), 320 - 38);

    // The dated 2022 and 2024 archives come without ALT.CSV and ADD.CSV.
    let args: Vec<String> = [
        "--source",
        &format!("ca-sema={}", canada.display()),
        "--source",
        &format!("us-ofac-sdn={}", ofac_dir.display()),
        "--source",
        &format!("uk-ofsi={}", common::uk().display()),
        "--allow-missing-companions",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let server = Server::start(&args);
    let mut client = server.ready_client().await;
    let mut feed = client
        .watch_list_changes(pb::WatchListChangesRequest { since_list_version: String::new() })
        .await
        .expect("feed")
        .into_inner();
    let mut expected_feed = Vec::new();
    let load = start_load(server.endpoint(), 8);
    tokio::time::sleep(Duration::from_millis(300)).await;

    // OFAC 2022-11-18 → 2023-12-28 → 2024-05-03.
    for date in ["2023-12-28", "2024-05-03"] {
        let before_entities = belarus(SourceKind::UsOfacSdn, &ofac_dir);
        let before: HashSet<String> = before_entities.keys().cloned().collect();
        publish(&read(common::ofac(date)), &sdn);
        published.push(version(&specs(())));
        let after_entities = belarus(SourceKind::UsOfacSdn, &ofac_dir);
        expected_feed.push(("us-ofac-sdn", expected_change(&before_entities, &after_entities)));
        let after: HashSet<String> = after_entities.keys().cloned().collect();
        let mut added: Vec<&String> = after.difference(&before).collect();
        added.sort();
        assert!(!added.is_empty(), "{date} adds Belarus entries");
        let id = added[0];
        let name = primary_name(SourceKind::UsOfacSdn, &ofac_dir, id);
        let took = time_until_found(&mut client, &name, id).await;
        assert!(took < Duration::from_secs(2), "{id} found only after {took:?}");
    }
    assert!(ofac_2022.len() < belarus_ids(SourceKind::UsOfacSdn, &ofac_dir).len());

    // Canada without → with the 2022-11-17 listing.
    let ca_before_entities = belarus(SourceKind::CaSema, &canada);
    let before_ca_version = published.last().expect("version").clone();
    publish(&read(common::canada()), &canada);
    published.push(version(&specs(())));
    let ca_after = belarus_ids(SourceKind::CaSema, &canada);
    let added: Vec<&String> = ca_after.difference(&ca_before).collect();
    assert_eq!(added.len(), 38, "22 officials and 16 entities");
    let id = added.iter().min().expect("one");
    let name = primary_name(SourceKind::CaSema, &canada, id);
    let took = time_until_found(&mut client, &name, id).await;
    assert!(took < Duration::from_secs(2), "{id} found only after {took:?}");
    expected_feed.push(("ca-sema", expected_change(&ca_before_entities, &belarus(SourceKind::CaSema, &canada))));

    // The change feed reported exactly what the files say changed.
    for (i, (source, (added, removed, changed))) in expected_feed.iter().enumerate() {
        let change = tokio::time::timeout(Duration::from_secs(5), feed.message())
            .await
            .expect("in time")
            .expect("ok")
            .expect("a change");
        assert_eq!(change.list_version, published[i + 1]);
        assert_eq!(change.previous_list_version, published[i]);
        assert_eq!(
            change.sources.len(),
            1,
            "only {source} changed: {:?}",
            change.sources.iter().map(|s| &s.id).collect::<Vec<_>>()
        );
        let s = &change.sources[0];
        assert_eq!(s.id, *source);
        assert_eq!((&s.added, &s.removed, &s.changed), (added, removed, changed), "{source} change {i}");
    }
    assert_eq!(expected_feed[2].1 .0.len(), 38);

    // Delta screening: only what was added or changed since a version.
    let delta = |name: &str, since: &str| pb::ScreenPartyRequest {
        request_id: "delta".into(),
        party: Some(pb::Party { name: name.into(), ..Default::default() }),
        since_list_version: since.into(),
    };
    let r = client.screen_party(delta(&name, &before_ca_version)).await.expect("screens").into_inner();
    assert!(r.matches.iter().any(|m| m.entity_id == **id), "the new listing is screened");
    let r = client.screen_party(delta("Aleksandr Lukashenko", &before_ca_version)).await.expect("screens").into_inner();
    assert_eq!(r.decision, pb::Decision::Clear as i32, "unchanged listings are not screened again: {r:?}");
    let e = client.screen_party(delta("Aleksandr Lukashenko", "0123456789abcdef")).await.expect_err("unknown version");
    assert_eq!(e.code(), tonic::Code::FailedPrecondition);
    // No list version at all (a long value was echoed into a status too large to send).
    let e = client.screen_party(delta("Aleksandr Lukashenko", &"x".repeat(10_000))).await.expect_err("no version");
    assert_eq!((e.code(), e.message().len() < 200), (tonic::Code::InvalidArgument, true), "{e:?}");

    tokio::time::sleep(Duration::from_millis(300)).await;
    load.stop.store(true, Ordering::Relaxed);
    for h in load.handles {
        h.await.expect("client task");
    }
    let failures = load.failures.lock().expect("lock").clone();
    assert!(failures.is_empty(), "{} failed calls, e.g. {:?}", failures.len(), &failures[..failures.len().min(3)]);
    assert!(load.calls.load(Ordering::Relaxed) > 100);
    let seen = load.versions.lock().expect("lock").clone();
    for v in &seen {
        assert!(published.contains(v), "a response named list_version {v}, which was never published ({published:?})");
    }
    assert!(seen.len() >= 3, "clients saw the versions change: {seen:?}");
    let status = client.get_list_status(pb::GetListStatusRequest {}).await.expect("status").into_inner();
    assert_eq!(status.list_version, *published.last().expect("last"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn broken_publications_are_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let uk = dir.path().join("ConList.csv");
    let good = std::fs::read(common::uk()).expect("read");
    publish(&good, &uk);
    let mut args: Vec<String> = vec!["--source".into(), format!("uk-ofsi={}", uk.display()), "--no-watch".into()];
    let (_token_dir, token_args) = common::admin_token_args();
    args.extend(token_args);
    let server = Server::start(&args);
    let mut client = server.ready_client().await;
    let mut admin = AdminServiceClient::connect(server.endpoint()).await.expect("connects");
    let v0 = client.get_list_status(pb::GetListStatusRequest {}).await.expect("status").into_inner().list_version;

    // The first half of the rows, written back as CSV (rows hold quoted newlines).
    let text = String::from_utf8(good.clone()).expect("utf-8");
    let (first, rest) = text.split_once('\n').expect("first line");
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(rest.as_bytes());
    let records: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    let mut writer = csv::Writer::from_writer(format!("{first}\n").into_bytes());
    for r in &records[..records.len() / 2] {
        writer.write_record(r).expect("write");
    }
    let half = String::from_utf8(writer.into_inner().expect("flush")).expect("utf-8");
    let cut = &good[..good.len() * 3 / 4];
    let cases: [(&str, &[u8], &str); 4] = [
        ("empty", b"", "empty"),
        ("another format", &std::fs::read(common::canada()).expect("read"), "Last Updated"),
        ("a 50 % shrink", half.as_bytes(), "in-scope entities"),
        ("cut mid-row", cut, ""),
    ];
    for (label, bytes, why) in cases {
        publish(bytes, &uk);
        let r = admin
            .reload_lists(common::as_admin(pb::ReloadListsRequest { force: false, ..Default::default() }))
            .await
            .expect("reload")
            .into_inner();
        let outcome = &r.sources[0];
        assert_eq!(outcome.outcome, pb::ReloadOutcome::Refused as i32, "{label}: {outcome:?}");
        assert!(outcome.reason.contains(why), "{label}: {}", outcome.reason);
        let status = r.status.expect("status");
        assert_eq!(status.list_version, v0, "{label}: the old lists keep serving");
        assert_eq!(status.sources[0].last_refusal, outcome.reason);
        // Still answering, from the old version.
        let s = client
            .screen_party(pb::ScreenPartyRequest {
                request_id: "x".into(),
                party: Some(pb::Party { name: "Aleksandr Lukashenko".into(), ..Default::default() }),
                ..Default::default()
            })
            .await
            .expect("screens")
            .into_inner();
        assert_eq!(s.list_version, v0);
        assert_eq!(s.decision, pb::Decision::Block as i32);
    }
    let status = client.get_list_status(pb::GetListStatusRequest {}).await.expect("status").into_inner();
    assert_eq!(status.sources[0].refused_publications, 4);
    let log = server.drain_log().join("\n");
    assert!(log.contains("publication refused"), "refusals are logged");

    // The file put back as the publication serving: the refusal no longer stands, and an alert
    // on it clears; the count stays.
    publish(&good, &uk);
    let r = admin
        .reload_lists(common::as_admin(pb::ReloadListsRequest { force: false, ..Default::default() }))
        .await
        .expect("reload")
        .into_inner();
    assert_eq!(r.sources[0].outcome, pb::ReloadOutcome::Unchanged as i32, "{:?}", r.sources[0]);
    let status = r.status.expect("status");
    assert!(status.sources[0].last_refusal.is_empty(), "{:?}", status.sources[0]);
    assert_eq!(status.sources[0].refused_publications, 4);

    // An operator can force a shrunk publication through; never a broken one.
    publish(half.as_bytes(), &uk);
    let r = admin
        .reload_lists(common::as_admin(pb::ReloadListsRequest { force: true, ..Default::default() }))
        .await
        .expect("reload")
        .into_inner();
    assert_eq!(r.sources[0].outcome, pb::ReloadOutcome::Accepted as i32, "{:?}", r.sources[0]);
    let status = r.status.expect("status");
    assert_ne!(status.list_version, v0);
    // The refusals before it are resolved by it: an alert on `lastRefusal` clears; the count stays.
    assert!(status.sources[0].last_refusal.is_empty(), "{:?}", status.sources[0]);
    assert_eq!(status.sources[0].refused_publications, 4);
    publish(b"", &uk);
    let r = admin
        .reload_lists(common::as_admin(pb::ReloadListsRequest { force: true, ..Default::default() }))
        .await
        .expect("reload")
        .into_inner();
    assert_eq!(r.sources[0].outcome, pb::ReloadOutcome::Refused as i32);

    // SIGHUP reloads too (the watcher is off here).
    publish(&good, &uk);
    let pid = server.child.id().to_string();
    assert!(std::process::Command::new("kill").args(["-HUP", &pid]).status().expect("kill").success());
    let t0 = Instant::now();
    loop {
        let v = client.get_list_status(pb::GetListStatusRequest {}).await.expect("status").into_inner().list_version;
        if v == v0 {
            break;
        }
        assert!(t0.elapsed() < Duration::from_secs(10), "SIGHUP did not reload");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// Byte offset of the start of the CSV record nearest below `fraction` of `text` (after
/// `skip` bytes of preamble), so a cut there leaves whole rows only.
fn record_boundary(text: &[u8], skip: usize, fraction: f64) -> usize {
    let target = (text.len() as f64 * fraction) as usize;
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(&text[skip..]);
    let mut record = csv::ByteRecord::new();
    let mut best = skip;
    loop {
        // The reader stands just after the previous record's terminator, or inside a CRLF.
        let mut at = skip + reader.position().byte() as usize;
        while at < text.len() && matches!(text[at], b'\r' | b'\n') {
            at += 1;
        }
        if at > target || !reader.read_byte_record(&mut record).expect("csv") {
            return best;
        }
        best = at;
    }
}

/// Entities in scope in `full` whose row (OFAC: `\nNUM,`) starts at or after `cut`: what a cut
/// there would lose. Persons only, since they are screened by name here.
fn ofac_lost(full: &Path, cut: usize) -> Vec<String> {
    let bytes = std::fs::read(full).expect("read");
    let mut lost = Vec::new();
    for (id, e) in belarus(SourceKind::UsOfacSdn, full) {
        let num = id.trim_start_matches("us-ofac-sdn:");
        let needle = format!("\n{num},");
        let at = bytes.windows(needle.len()).position(|w| w == needle.as_bytes()).expect("row");
        if at >= cut && e.entity_type == screener::model::EntityType::Person {
            lost.push(id);
        }
    }
    lost.sort();
    lost
}

async fn decision_of(
    client: &mut screener::pb::screening_service_client::ScreeningServiceClient<tonic::transport::Channel>,
    name: &str,
    id: &str,
) -> (i32, String) {
    let r = client
        .screen_party(pb::ScreenPartyRequest {
            request_id: "lost".into(),
            party: Some(pb::Party { name: name.into(), ..Default::default() }),
            ..Default::default()
        })
        .await
        .expect("screens")
        .into_inner();
    let d = r.matches.iter().find(|m| m.entity_id == id).map(|m| m.decision).unwrap_or(pb::Decision::Clear as i32);
    (d, r.list_version)
}

/// The truncations a careless or hostile operator produced, replayed under load with the file
/// watcher on: each is refused once, no call is answered from it, and the listed people it would
/// have lost are still BLOCK.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn truncated_publications_are_refused_under_load() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ofac_dir = dir.path().join("ofac");
    std::fs::create_dir(&ofac_dir).expect("mkdir");
    let data = common::data_dir().join("ofac");
    for (from, to) in [
        ("sdn_2023-12-28.csv", "SDN.CSV"),
        ("alt_2023-12-28.csv", "ALT.CSV"),
        ("add_2023-12-28.csv", "ADD.CSV"),
        ("sdn_comments_2023-12-28.csv", "SDN_COMMENTS.CSV"),
    ] {
        publish(&std::fs::read(data.join(from)).expect("read"), &ofac_dir.join(to));
    }
    let canada = dir.path().join("sema-lmes.xml");
    let uk = dir.path().join("ConList.csv");
    let (ca_bytes, uk_bytes) =
        (std::fs::read(common::canada()).expect("read"), std::fs::read(common::uk()).expect("read"));
    publish(&ca_bytes, &canada);
    publish(&uk_bytes, &uk);
    let sdn = ofac_dir.join("SDN.CSV");
    let sdn_bytes = std::fs::read(&sdn).expect("read");

    // The cuts, and whom each would lose.
    let row_cut = record_boundary(&sdn_bytes, 0, 0.85);
    let lost_at_row = ofac_lost(&sdn, row_cut);
    assert!(lost_at_row.len() >= 10, "the row-boundary cut loses Belarus people: {lost_at_row:?}");
    let quoted_cut = {
        let from = (sdn_bytes.len() as f64 * 0.9) as usize;
        from + sdn_bytes[from..].windows(5).position(|w| w == b"\"DOB ").expect("a remark") + 3
    };
    let lost_in_quotes = ofac_lost(&sdn, quoted_cut);
    // Canada: after the `</record>` before the last Belarus record, so the cut loses Belarus
    // listings (the file is ordered by country).
    let ca_cut = {
        let last = ca_bytes.windows(16).rposition(|w| w == b"<Country>Belarus").expect("Belarus records");
        ca_bytes[..last].windows(9).rposition(|w| w == b"</record>").expect("a record") + 9
    };
    let uk_text = String::from_utf8(uk_bytes.clone()).expect("utf-8");
    let first_line = uk_text.find('\n').expect("first line") + 1;
    let uk_cut = record_boundary(&uk_bytes, first_line, 0.80);

    let uk_cut_bytes = uk_bytes[..uk_cut].to_vec();
    let uk_scope = |b: &[u8]| {
        let p = dir.path().join("uk-probe.csv");
        std::fs::write(&p, b).expect("write");
        belarus_ids(SourceKind::UkOfsi, &p).len()
    };
    assert_eq!(uk_scope(&uk_bytes), 167);
    let uk_after_cut = uk_scope(&uk_cut_bytes);
    assert!(uk_after_cut < 150, "the 80 % cut loses Belarus groups: 167 → {uk_after_cut}");

    // Names known by an ALT.CSV alias (multi-word ones, of Belarus entities).
    let alt = std::fs::read(ofac_dir.join("ALT.CSV")).expect("read");
    let alt_text: String = alt.iter().map(|&b| b as char).collect();
    let alt_text = alt_text.trim_end_matches(['\u{1a}', '\r', '\n']);
    let in_scope = belarus(SourceKind::UsOfacSdn, &ofac_dir);
    let mut by_alias: Vec<(String, String)> = Vec::new();
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(alt_text.as_bytes());
    for row in reader.records() {
        let row = row.expect("ALT row");
        let (Some(num), Some(name)) = (row.get(0), row.get(3)) else { continue };
        let id = format!("us-ofac-sdn:{}", num.trim());
        if in_scope.contains_key(&id) && name.trim().contains(' ') && by_alias.len() < 40 {
            by_alias.push((name.trim().to_string(), id));
        }
    }
    // Who the UK and Canada cuts would lose: the whole publication's scope less the cut one's
    // (Canada's cut parsed with its closing tag put back).
    let lost_by = |kind: SourceKind, full: &Path, cut: &[u8]| {
        let p = dir.path().join(format!("probe-{}", kind.as_str()));
        std::fs::write(&p, cut).expect("write");
        let kept = belarus_ids(kind, &p);
        let mut lost: Vec<(String, String)> = belarus(kind, full)
            .into_iter()
            .filter(|(id, _)| !kept.contains(id))
            .map(|(id, e)| (e.primary_name().to_string(), id))
            .collect();
        lost.sort();
        lost
    };
    let uk_lost = lost_by(SourceKind::UkOfsi, &uk, &uk_cut_bytes);
    let ca_lost = lost_by(SourceKind::CaSema, &canada, &[&ca_bytes[..ca_cut], b"</data-set>"].concat());
    assert!(!uk_lost.is_empty(), "the UK cut loses listed entities");
    assert!(!ca_lost.is_empty(), "the Canada cut loses listed entities");

    let args: Vec<String> = vec![
        "--source".into(),
        format!("ca-sema={}", canada.display()),
        "--source".into(),
        format!("us-ofac-sdn={}", ofac_dir.display()),
        "--source".into(),
        format!("uk-ofsi={}", uk.display()),
    ];
    let server = Server::start(&args);
    let mut client = server.ready_client().await;
    let status = client.get_list_status(pb::GetListStatusRequest {}).await.expect("status").into_inner();
    let v0 = status.list_version.clone();

    // The people each cut would lose, by name, all BLOCK now.
    let name_of = |id: &str| in_scope.get(id).map(|e| e.primary_name().to_string()).expect("entity");
    let mut watched: Vec<(String, String)> = Vec::new();
    for id in lost_at_row.iter().take(5).chain(lost_in_quotes.iter().take(3)) {
        watched.push((name_of(id), id.clone()));
    }
    let aliases_that_block = {
        let mut out = Vec::new();
        for (name, id) in &by_alias {
            if decision_of(&mut client, name, id).await.0 == pb::Decision::Block as i32 && out.len() < 3 {
                out.push((name.clone(), id.clone()));
            }
        }
        out
    };
    assert!(!aliases_that_block.is_empty(), "some Belarus entity BLOCKs by an ALT.CSV alias");
    watched.extend(aliases_that_block.iter().cloned());
    watched.extend(uk_lost.iter().take(3).cloned());
    watched.extend(ca_lost.iter().take(3).cloned());
    for (name, id) in &watched {
        assert_eq!(decision_of(&mut client, name, id).await.0, pb::Decision::Block as i32, "{id} before any cut");
    }

    let load = start_load(server.endpoint(), 6);
    let alt_bytes = alt.clone();
    type Step<'a> = Box<dyn Fn() + 'a>;
    let cases: Vec<(&str, SourceKind, Step, Step, &str)> = vec![
        (
            "SDN.CSV cut at a row boundary",
            SourceKind::UsOfacSdn,
            Box::new(|| publish(&sdn_bytes[..row_cut], &sdn)),
            Box::new(|| publish(&sdn_bytes, &sdn)),
            "0x1A",
        ),
        (
            "SDN.CSV cut inside a quoted field",
            SourceKind::UsOfacSdn,
            Box::new(|| publish(&sdn_bytes[..quoted_cut], &sdn)),
            Box::new(|| publish(&sdn_bytes, &sdn)),
            "0x1A",
        ),
        (
            "Canada cut after a </record>",
            SourceKind::CaSema,
            Box::new(|| publish(&ca_bytes[..ca_cut], &canada)),
            Box::new(|| publish(&ca_bytes, &canada)),
            "</data-set>",
        ),
        (
            "UK cut at 80 %",
            SourceKind::UkOfsi,
            Box::new(|| publish(&uk_cut_bytes, &uk)),
            Box::new(|| publish(&uk_bytes, &uk)),
            "in-scope",
        ),
        (
            "ALT.CSV removed",
            SourceKind::UsOfacSdn,
            Box::new(|| std::fs::remove_file(ofac_dir.join("ALT.CSV")).expect("remove")),
            Box::new(|| publish(&alt_bytes, &ofac_dir.join("ALT.CSV"))),
            "ALT.CSV",
        ),
    ];
    let mut refused_before: std::collections::HashMap<String, u32> = std::collections::HashMap::new();
    for (label, kind, cut, restore, why) in cases {
        let id = kind.as_str().to_string();
        let before = *refused_before.entry(id.clone()).or_default();
        cut();
        // The watcher sees the change; wait for the refusal.
        let t0 = Instant::now();
        let source = loop {
            let st = client.get_list_status(pb::GetListStatusRequest {}).await.expect("status").into_inner();
            let source = st.sources.iter().find(|s| s.id == id).expect("source").clone();
            assert_eq!(st.list_version, v0, "{label}: a new version was published");
            if source.refused_publications > before {
                break source;
            }
            assert!(t0.elapsed() < Duration::from_secs(10), "{label}: not refused within 10 s");
            tokio::time::sleep(Duration::from_millis(50)).await;
        };
        assert!(source.last_refusal.contains(why), "{label}: {}", source.last_refusal);
        // Refused once, not again and again.
        tokio::time::sleep(Duration::from_millis(1500)).await;
        let st = client.get_list_status(pb::GetListStatusRequest {}).await.expect("status").into_inner();
        let again = st.sources.iter().find(|s| s.id == id).expect("source").refused_publications;
        assert_eq!(again, before + 1, "{label}: refused {} times", again - before);
        refused_before.insert(id, again);
        for (name, id) in &watched {
            let (d, v) = decision_of(&mut client, name, id).await;
            assert_eq!(d, pb::Decision::Block as i32, "{label}: {id} is no longer BLOCK");
            assert_eq!(v, v0);
        }
        // Put the whole file back: the publication serving, so nothing changes.
        restore();
        tokio::time::sleep(Duration::from_millis(1000)).await;
    }

    load.stop.store(true, Ordering::Relaxed);
    for h in load.handles {
        h.await.expect("client task");
    }
    let failures = load.failures.lock().expect("lock").clone();
    assert!(failures.is_empty(), "{} failed calls, e.g. {:?}", failures.len(), &failures[..failures.len().min(3)]);
    assert!(load.calls.load(Ordering::Relaxed) > 100);
    let seen = load.versions.lock().expect("lock").clone();
    assert_eq!(seen, HashSet::from([v0.clone()]), "every call was answered from the accepted lists");
    let st = client.get_list_status(pb::GetListStatusRequest {}).await.expect("status").into_inner();
    assert_eq!(st.list_version, v0);
}

/// An idle server reads no list file: reading produces the very watcher events that made it
/// reload itself several times a second. And a bad publication is refused and counted once.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_idle_server_does_not_reload_itself() {
    let dir = tempfile::tempdir().expect("tempdir");
    let uk = dir.path().join("ConList.csv");
    let canada = dir.path().join("sema-lmes.xml");
    publish(&std::fs::read(common::uk()).expect("read"), &uk);
    publish(&std::fs::read(common::canada()).expect("read"), &canada);
    let args: Vec<String> = vec![
        "--source".into(),
        format!("uk-ofsi={}", uk.display()),
        "--source".into(),
        format!("ca-sema={}", canada.display()),
        "--metrics-listen".into(),
        "127.0.0.1:0".into(),
    ];
    let server = Server::start(&args);
    let port = server.metrics_port();
    let mut client = server.ready_client().await;
    let reloads = || {
        let text = common::scrape(port);
        text.lines()
            .filter(|l| l.starts_with("screener_reloads_total"))
            .filter_map(|l| l.rsplit(' ').next().and_then(|v| v.parse::<f64>().ok()))
            .sum::<f64>()
    };
    tokio::time::sleep(Duration::from_secs(1)).await;
    let idle_start = reloads();
    tokio::time::sleep(Duration::from_secs(4)).await;
    assert_eq!(reloads(), idle_start, "an idle server reloaded");
    assert_eq!(idle_start, 0.0, "no reload happened while nothing changed");

    // A bad publication: refused once, and the old one keeps serving.
    publish(b"Last Updated,10/04/2025\r\nName 6,Group ID\r\n\"cut", &uk);
    tokio::time::sleep(Duration::from_secs(3)).await;
    let st = client.get_list_status(pb::GetListStatusRequest {}).await.expect("status").into_inner();
    let source = st.sources.iter().find(|s| s.id == "uk-ofsi").expect("uk");
    assert_eq!(source.refused_publications, 1, "{source:?}");
    assert_eq!(reloads(), 1.0, "one reload for one publication");
    let log = server.drain_log().join("\n");
    assert_eq!(log.matches("publication refused").count(), 1, "{log}");
}

/// An OFAC source without ALT.CSV and ADD.CSV does not start silently with a third fewer names.
#[test]
fn an_ofac_source_without_companions_fails_at_start() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::copy(common::ofac("2024-05-03"), dir.path().join("SDN.CSV")).expect("copy");
    let source = format!("us-ofac-sdn={}", dir.path().display());
    let out = common::screener_command()
        .args(["serve", "--listen", "127.0.0.1:0", "--no-watch", "--source", &source])
        .env("RUST_LOG", "info")
        .env("NO_COLOR", "1")
        .output()
        .expect("runs");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("ALT.CSV, ADD.CSV") && err.contains("--allow-missing-companions"), "{err}");
}

/// The current Canadian list written in place at `to`, half of it so far: the file, still open
/// for writing, and the whole list to finish it with.
fn write_half_of_canada(to: &Path) -> (std::fs::File, Vec<u8>) {
    use std::io::Write;
    let full = std::fs::read(common::canada()).expect("read");
    let mut f = std::fs::File::create(to).expect("open for writing");
    f.write_all(&full[..full.len() / 2]).expect("write");
    f.flush().expect("flush");
    (f, full)
}

/// Writes the rest of the half-written list and closes it, then waits (10 s at most) for a list
/// version other than `v0`, which must hold the whole list; `each` is asked of every status read
/// meanwhile.
async fn finish_and_wait_for_it(
    mut f: std::fs::File,
    full: &[u8],
    client: &mut pb::screening_service_client::ScreeningServiceClient<tonic::transport::Channel>,
    v0: &str,
    each: impl Fn(&pb::SourceStatus),
) {
    use std::io::Write;
    f.write_all(&full[full.len() / 2..]).expect("write");
    drop(f);
    let t0 = Instant::now();
    loop {
        let st = client.get_list_status(pb::GetListStatusRequest {}).await.expect("status").into_inner();
        each(&st.sources[0]);
        if st.list_version != v0 {
            assert_eq!(st.sources[0].entities_in_scope, 320);
            break;
        }
        assert!(t0.elapsed() < Duration::from_secs(10), "the finished file was not loaded: {:?}", st.sources[0]);
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// A file written in place, with a pause in the middle (a slow download), is read once it is
/// closed: the half-written file is never a publication, so nothing is refused.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_write_in_progress_is_not_a_publication() {
    let dir = tempfile::tempdir().expect("tempdir");
    let canada = dir.path().join("sema-lmes.xml");
    publish(&canada_before_2022_11_17(), &canada);
    let server = Server::start(&["--source".to_string(), format!("ca-sema={}", canada.display())]);
    let mut client = server.ready_client().await;
    let v0 = client.get_list_status(pb::GetListStatusRequest {}).await.expect("status").into_inner().list_version;

    let (f, full) = write_half_of_canada(&canada);
    tokio::time::sleep(Duration::from_millis(1200)).await;
    let st = client.get_list_status(pb::GetListStatusRequest {}).await.expect("status").into_inner();
    assert_eq!(st.sources[0].refused_publications, 0, "the half-written file was read: {:?}", st.sources[0]);
    assert_eq!(st.list_version, v0);
    finish_and_wait_for_it(f, &full, &mut client, &v0, |s| assert_eq!(s.refused_publications, 0, "{s:?}")).await;
}

/// A list without a date of its own is as old as its content: written again with the same
/// entities (other line endings), it stays as old, and stale; with other entities it is new.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_same_entities_written_again_keep_their_age() {
    let dir = tempfile::tempdir().expect("tempdir");
    let canada = dir.path().join("sema-lmes.xml");
    publish(&canada_before_2022_11_17(), &canada);
    let old = std::time::SystemTime::now() - Duration::from_secs(400 * 86_400);
    std::fs::File::options().write(true).open(&canada).expect("open").set_modified(old).expect("mtime");
    let mut args = vec!["--no-watch".to_string(), "--source".to_string(), format!("ca-sema={}", canada.display())];
    let (_token_dir, token_args) = common::admin_token_args();
    args.extend(token_args);
    let server = Server::start(&args);
    let mut client = server.ready_client().await;
    let status = |c: &mut pb::screening_service_client::ScreeningServiceClient<tonic::transport::Channel>| {
        let mut c = c.clone();
        async move { c.get_list_status(pb::GetListStatusRequest {}).await.expect("status").into_inner() }
    };
    let before = status(&mut client).await;
    assert!(before.sources[0].stale, "{:?}", before.sources[0]);
    let mut admin = AdminServiceClient::connect(server.endpoint()).await.expect("connects");
    let crlf = String::from_utf8(canada_before_2022_11_17()).expect("utf-8").replace('\n', "\r\n");
    publish(crlf.as_bytes(), &canada);
    let reload = pb::ReloadListsRequest { force: false, ..Default::default() };
    admin.reload_lists(common::as_admin(reload.clone())).await.expect("reload");
    let after = status(&mut client).await;
    assert_ne!(after.sources[0].sha256, before.sources[0].sha256, "the new bytes were read");
    assert_eq!(after.sources[0].publication_date, before.sources[0].publication_date);
    assert!(after.sources[0].stale, "{:?}", after.sources[0]);
    // Other entities are a new publication, as old as the file.
    publish(&std::fs::read(common::canada()).expect("read"), &canada);
    admin.reload_lists(common::as_admin(reload)).await.expect("reload");
    let changed = status(&mut client).await;
    assert!(!changed.sources[0].stale, "{:?}", changed.sources[0]);
}

/// A file written in place and held open past the watcher's wait (a writer that stopped at a
/// record, 97 % through a newer publication, in an outside test) is not read until it is closed,
/// whatever asks for a reload: the publication serving stays, and the refusal says why.
#[cfg(target_os = "linux")]
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_file_held_open_for_writing_is_not_read_until_closed() {
    let (_dirs, canada, server, mut client, v0) = watched_canada(&canada_before_2022_11_17()).await;

    let (f, full) = write_half_of_canada(&canada);
    // The watcher waits 60 s for the close, then reads nothing: the source is refused.
    let t0 = Instant::now();
    let refused = loop {
        let st = client.get_list_status(pb::GetListStatusRequest {}).await.expect("status").into_inner();
        assert_eq!(st.list_version, v0, "a file open for writing was served");
        if st.sources[0].refused_publications > 0 {
            break st.sources[0].last_refusal.clone();
        }
        assert!(t0.elapsed() < Duration::from_secs(90), "no refusal after 90 s: {:?}", st.sources[0]);
        tokio::time::sleep(Duration::from_millis(500)).await;
    };
    assert!(refused.contains("still open for writing"), "{refused}");
    // A reload asked for meanwhile (the poll, SIGHUP, ReloadLists) does not read it either.
    let mut admin = AdminServiceClient::connect(server.endpoint()).await.expect("connects");
    let r = forced_reload(&mut admin).await;
    assert!(r.sources.iter().all(|o| o.reason.contains("still open for writing")), "{r:?}");
    let st = client.get_list_status(pb::GetListStatusRequest {}).await.expect("status").into_inner();
    assert_eq!(st.list_version, v0);
    finish_and_wait_for_it(f, &full, &mut client, &v0, |_| {}).await;
}

/// A list file being written in place is not read by a reload asked for meanwhile, even a forced
/// one, from its first write: round 25's forced `ReloadLists`, 0.1 s after a UK file was
/// rewritten in place and held open, read it half-written and served half the list. Here the
/// bytes written so far are a whole publication, smaller (as a file cut at a record can be), and
/// `force` would take it.
#[cfg(target_os = "linux")]
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_forced_reload_does_not_read_a_file_being_written() {
    use std::io::Write;
    let (_dirs, canada, server, mut client, v0) = watched_canada(&std::fs::read(common::canada()).expect("read")).await;

    let mut f = std::fs::File::create(&canada).expect("open for writing");
    f.write_all(&canada_before_2022_11_17()).expect("write");
    f.flush().expect("flush");
    // The moment the watcher needs to hear of the write.
    tokio::time::sleep(Duration::from_millis(300)).await;
    let mut admin = AdminServiceClient::connect(server.endpoint()).await.expect("connects");
    let r = forced_reload(&mut admin).await;
    assert!(r.sources.iter().all(|o| o.reason.contains("still open for writing")), "{r:?}");
    let st = client.get_list_status(pb::GetListStatusRequest {}).await.expect("status").into_inner();
    assert_eq!(st.list_version, v0, "a file being written was served");
    // Closed, it is a publication like any other: a forced reload takes it.
    drop(f);
    tokio::time::sleep(Duration::from_millis(300)).await;
    let r = forced_reload(&mut admin).await;
    assert!(r.sources.iter().all(|o| !o.reason.contains("still open for writing")), "{r:?}");
}

/// A server watching a Canada file of its own that holds `bytes`, with an admin token: (the
/// directories to keep, the file, the server, a client, the list version serving).
async fn watched_canada(
    bytes: &[u8],
) -> (
    [tempfile::TempDir; 2],
    std::path::PathBuf,
    Server,
    pb::screening_service_client::ScreeningServiceClient<tonic::transport::Channel>,
    String,
) {
    let dir = tempfile::tempdir().expect("tempdir");
    let canada = dir.path().join("sema-lmes.xml");
    publish(bytes, &canada);
    let mut args = vec!["--source".to_string(), format!("ca-sema={}", canada.display())];
    let (token_dir, token_args) = common::admin_token_args();
    args.extend(token_args);
    let server = Server::start(&args);
    let mut client = server.ready_client().await;
    let v0 = client.get_list_status(pb::GetListStatusRequest {}).await.expect("status").into_inner().list_version;
    ([dir, token_dir], canada, server, client, v0)
}

/// `ReloadLists` with `force`, as an admin.
async fn forced_reload(admin: &mut AdminServiceClient<tonic::transport::Channel>) -> pb::ReloadListsResponse {
    admin
        .reload_lists(common::as_admin(pb::ReloadListsRequest { force: true, ..Default::default() }))
        .await
        .expect("reload")
        .into_inner()
}

/// Publications the file watcher cannot see by name, found by the metadata poll: a Kubernetes
/// ConfigMap volume swapping its `..data` symlink, and an OFAC directory replaced by `mv`.
#[cfg(unix)]
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn symlink_swaps_and_replaced_directories_are_seen() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().expect("tempdir");
    let mount = dir.path().join("mount");
    std::fs::create_dir_all(mount.join("..2026_12_01")).expect("mkdir");
    std::fs::write(mount.join("..2026_12_01/sema-lmes.xml"), canada_before_2022_11_17()).expect("write");
    symlink("..2026_12_01", mount.join("..data")).expect("symlink");
    symlink("..data/sema-lmes.xml", mount.join("sema-lmes.xml")).expect("symlink");
    let ofac = dir.path().join("ofac");
    std::fs::create_dir_all(&ofac).expect("mkdir");
    for (from, to) in [("sdn", "SDN.CSV"), ("alt", "ALT.CSV"), ("add", "ADD.CSV")] {
        let src = common::ofac("2023-12-28").with_file_name(format!("{from}_2023-12-28.csv"));
        std::fs::copy(src, ofac.join(to)).expect("copy");
    }
    let args = vec![
        "--source".to_string(),
        format!("ca-sema={}", mount.join("sema-lmes.xml").display()),
        "--source".to_string(),
        format!("us-ofac-sdn={}", ofac.display()),
    ];
    let server = Server::start(&args);
    let mut client = server.ready_client().await;
    let status = |c: &mut pb::screening_service_client::ScreeningServiceClient<tonic::transport::Channel>| {
        let mut c = c.clone();
        async move { c.get_list_status(pb::GetListStatusRequest {}).await.expect("status").into_inner() }
    };
    let v0 = status(&mut client).await.list_version;

    // The kubelet's swap: a new timestamped directory, a temporary link, renamed over `..data`.
    std::fs::create_dir_all(mount.join("..2026_12_02")).expect("mkdir");
    std::fs::write(mount.join("..2026_12_02/sema-lmes.xml"), std::fs::read(common::canada()).expect("read"))
        .expect("write");
    symlink("..2026_12_02", mount.join("..data_tmp")).expect("symlink");
    std::fs::rename(mount.join("..data_tmp"), mount.join("..data")).expect("swap");
    let t0 = Instant::now();
    let v1 = loop {
        let st = status(&mut client).await;
        if st.list_version != v0 {
            let ca = st.sources.iter().find(|s| s.id == "ca-sema").expect("ca");
            assert_eq!(ca.entities_in_scope, 320, "{ca:?}");
            break st.list_version;
        }
        assert!(t0.elapsed() < Duration::from_secs(20), "the ..data swap was not seen");
        tokio::time::sleep(Duration::from_millis(100)).await;
    };

    // The OFAC directory replaced whole: the new one moved in under the old name.
    let next = dir.path().join("ofac.next");
    std::fs::create_dir_all(&next).expect("mkdir");
    std::fs::copy(common::ofac("2024-05-03"), next.join("SDN.CSV")).expect("copy");
    for f in ["ALT.CSV", "ADD.CSV"] {
        std::fs::copy(ofac.join(f), next.join(f)).expect("copy");
    }
    std::fs::rename(&ofac, dir.path().join("ofac.old")).expect("mv away");
    std::fs::rename(&next, &ofac).expect("mv in");
    let t0 = Instant::now();
    loop {
        let st = status(&mut client).await;
        let us = st.sources.iter().find(|s| s.id == "us-ofac-sdn").expect("us").clone();
        assert_eq!(us.refused_publications, 0, "{us:?}");
        if st.list_version != v1 {
            break;
        }
        assert!(t0.elapsed() < Duration::from_secs(20), "the replaced directory was not seen");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// `force` names its sources: forcing one source's real delisting must not let a cut file of
/// another through.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn force_applies_to_the_sources_named() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (uk, canada) = (dir.path().join("ConList.csv"), dir.path().join("sema-lmes.xml"));
    publish(&std::fs::read(common::uk()).expect("read"), &uk);
    publish(&std::fs::read(common::canada()).expect("read"), &canada);
    let mut args: Vec<String> = vec![
        "--source".into(),
        format!("uk-ofsi={}", uk.display()),
        "--source".into(),
        format!("ca-sema={}", canada.display()),
        "--no-watch".into(),
    ];
    let (_token_dir, token_args) = common::admin_token_args();
    args.extend(token_args);
    let server = Server::start(&args);
    server.ready_client().await;
    let mut admin = AdminServiceClient::connect(server.endpoint()).await.expect("connects");

    // Canada loses its 2022-11-17 listing (a real delisting, say); the UK file is cut to a third.
    publish(&canada_before_2022_11_17(), &canada);
    let text = std::fs::read_to_string(common::uk()).expect("read");
    let lines: Vec<&str> = text.lines().collect();
    publish(format!("{}\n", lines[..lines.len() / 3].join("\n")).as_bytes(), &uk);

    let e = admin
        .reload_lists(common::as_admin(pb::ReloadListsRequest { force: true, ..Default::default() }))
        .await
        .expect_err("force without sources");
    assert_eq!(e.code(), tonic::Code::InvalidArgument);
    assert!(e.message().contains("\"uk-ofsi\"") && e.message().contains("\"ca-sema\""), "{}", e.message());
    let e = admin
        .reload_lists(common::as_admin(pb::ReloadListsRequest { force: true, sources: vec!["eu".into()] }))
        .await
        .expect_err("unknown source");
    assert_eq!(e.code(), tonic::Code::InvalidArgument);

    let r = admin
        .reload_lists(common::as_admin(pb::ReloadListsRequest { force: true, sources: vec!["ca-sema".into()] }))
        .await
        .expect("reload")
        .into_inner();
    let outcome = |id: &str| r.sources.iter().find(|s| s.id == id).expect(id).outcome;
    assert_eq!(outcome("ca-sema"), pb::ReloadOutcome::Accepted as i32, "{:?}", r.sources);
    assert_eq!(outcome("uk-ofsi"), pb::ReloadOutcome::Refused as i32, "{:?}", r.sources);
}
