//! Hot reload on the real publications: files replaced under a running server while clients
//! screen continuously; broken publications refused while the old lists keep answering.

mod common;

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use common::Server;
use screener::model::{Regime, SourceKind};
use screener::pb;
use screener::pb::admin_service_client::AdminServiceClient;
use screener::source::SourceSpec;
use screener::store;

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

    let args: Vec<String> = [
        "--source",
        &format!("ca-sema={}", canada.display()),
        "--source",
        &format!("us-ofac-sdn={}", ofac_dir.display()),
        "--source",
        &format!("uk-ofsi={}", common::uk().display()),
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
        ("a 50 % shrink", half.as_bytes(), "lost"),
        ("cut mid-row", cut, ""),
    ];
    for (label, bytes, why) in cases {
        publish(bytes, &uk);
        let r = admin
            .reload_lists(common::as_admin(pb::ReloadListsRequest { force: false }))
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

    // An operator can force a shrunk publication through; never a broken one.
    publish(half.as_bytes(), &uk);
    let r = admin
        .reload_lists(common::as_admin(pb::ReloadListsRequest { force: true }))
        .await
        .expect("reload")
        .into_inner();
    assert_eq!(r.sources[0].outcome, pb::ReloadOutcome::Accepted as i32, "{:?}", r.sources[0]);
    assert_ne!(r.status.expect("status").list_version, v0);
    publish(b"", &uk);
    let r = admin
        .reload_lists(common::as_admin(pb::ReloadListsRequest { force: true }))
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
