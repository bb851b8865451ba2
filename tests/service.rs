//! The real binary with the real lists, called through a tonic client as a bank backend would.

mod common;

use common::{real_source_args, Server};
use screener::pb;
use tonic::Code;

fn person(name: &str) -> pb::Party {
    pb::Party { name: name.into(), r#type: pb::PartyType::Person as i32, ..Default::default() }
}

fn org(name: &str) -> pb::Party {
    pb::Party { name: name.into(), r#type: pb::PartyType::Organization as i32, ..Default::default() }
}

fn req(id: &str, party: pb::Party) -> pb::ScreenPartyRequest {
    pb::ScreenPartyRequest { request_id: id.into(), party: Some(party) }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn screening_against_the_real_lists() {
    let server = Server::start(&real_source_args());
    let mut client = server.ready_client().await;

    let status = client.get_list_status(pb::GetListStatusRequest {}).await.expect("status").into_inner();
    let count = |id: &str| status.sources.iter().find(|s| s.id == id).map(|s| s.entities_in_scope);
    assert_eq!(count("ca-sema"), Some(320));
    assert_eq!(count("us-ofac-sdn"), Some(210));
    assert_eq!(count("uk-ofsi"), Some(167));
    assert_eq!(status.regime, "belarus");
    for s in &status.sources {
        assert_eq!(s.sha256.len(), 64);
        assert!(s.entities_total >= s.entities_in_scope);
        assert!(!s.loaded_at.is_empty() && !s.publisher.is_empty());
    }
    let uk = status.sources.iter().find(|s| s.id == "uk-ofsi").expect("uk");
    assert_eq!(uk.list_date, "2025-04-10");
    assert_eq!(
        uk.sha256, "389b2243f8b2c0281493e3d815be4ced6ac854af0aab6406cdb6ef1736fd681d",
        "content digest is the file's sha256"
    );

    for name in
        ["Aleksandr Lukashenko", "LUKASHENKA Aliaksandr", "Александр Лукашенко", "Аляксандр Рыгоравіч Лукашэнка"]
    {
        let r = client.screen_party(req("q", person(name))).await.expect("screens").into_inner();
        assert!(r.decision == pb::Decision::Block as i32 || r.decision == pb::Decision::Review as i32, "{name}: {r:?}");
        for source in ["ca-sema", "us-ofac-sdn", "uk-ofsi"] {
            assert!(
                r.matches.iter().any(|m| m.source == source && m.listed_name.to_lowercase().contains("luka")),
                "{name}: no {source} match in {:?}",
                r.matches.iter().map(|m| &m.entity_id).collect::<Vec<_>>()
            );
        }
        assert_eq!(r.list_version, status.list_version);
        assert_eq!(r.request_id, "q");
        let top = &r.matches[0];
        assert!(top.score > 0.0 && top.score <= 1.0);
        let features: Vec<&str> = top.features.iter().map(|f| f.feature.as_str()).collect();
        assert_eq!(features, ["name", "date_of_birth", "country", "identifier"]);
    }

    let r = client.screen_party(req("t", person("Sviatlana Tsikhanouskaya"))).await.expect("screens").into_inner();
    assert_eq!(r.decision, pb::Decision::Clear as i32, "{r:?}");
    assert!(r.matches.is_empty());

    for name in ["Belaruskali", "ОАО «Беларуськалий»"] {
        let r = client.screen_party(req("b", org(name))).await.expect("screens").into_inner();
        assert_ne!(r.decision, pb::Decision::Clear as i32, "{name}");
        assert!(r.matches.iter().any(|m| m.listed_name.to_lowercase().contains("belaruskali")), "{name}: {r:?}");
    }

    // A date of birth that agrees raises the score; one that conflicts lowers it.
    let mut with_dob = person("Viktor Lukashenko");
    with_dob.date_of_birth = "1975-11-28".into();
    let agree = client.screen_party(req("d", with_dob.clone())).await.expect("screens").into_inner();
    with_dob.date_of_birth = "1990".into();
    let conflict = client.screen_party(req("d", with_dob)).await.expect("screens").into_inner();
    let top = |r: &pb::ScreenPartyResponse| r.matches.first().map(|m| m.score).unwrap_or(0.0);
    assert!(top(&agree) > top(&conflict), "{} vs {}", top(&agree), top(&conflict));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn payments_streams_and_bad_input() {
    let server = Server::start(&real_source_args());
    let mut client = server.ready_client().await;

    let payment = pb::ScreenPaymentRequest {
        request_id: "p1".into(),
        payment_id: "E2E-1".into(),
        debtor: Some(person("John Smith")),
        creditor: Some(org("Belaruskali OAO")),
        debtor_agent: Some(pb::Agent { bic: "DEUTDEFF".into(), name: "Deutsche Bank".into(), country: "DE".into() }),
        intermediary_agents: vec![pb::Agent { bic: "".into(), name: "Belagroprombank".into(), country: "".into() }],
        ..Default::default()
    };
    let r = client.screen_payment(payment).await.expect("screens").into_inner();
    assert_eq!(r.decision, pb::Decision::Block as i32);
    assert_eq!(r.payment_id, "E2E-1");
    let roles: Vec<i32> = r.parties.iter().map(|p| p.role).collect();
    assert_eq!(
        roles,
        [
            pb::PartyRole::Debtor as i32,
            pb::PartyRole::Creditor as i32,
            pb::PartyRole::DebtorAgent as i32,
            pb::PartyRole::IntermediaryAgent as i32
        ]
    );
    assert_eq!(r.parties[0].decision, pb::Decision::Clear as i32);
    assert_eq!(r.parties[1].decision, pb::Decision::Block as i32);
    assert_ne!(r.parties[3].decision, pb::Decision::Clear as i32, "{:?}", r.parties[3]);

    let e = client.screen_payment(pb::ScreenPaymentRequest::default()).await.expect_err("empty payment");
    assert_eq!(e.code(), Code::InvalidArgument);

    // Stream: one answer per request, in order, bad records answered with an error, not a reset.
    let names = ["Aleksandr Lukashenko", "Maria Schmidt", "", "Belaruskali"];
    let reqs: Vec<_> = (0..200).map(|i| req(&format!("s{i}"), person(names[i % names.len()]))).collect();
    let out = client.screen_stream(tokio_stream::iter(reqs)).await.expect("stream").into_inner();
    use futures_util::StreamExt;
    let resps: Vec<pb::ScreenPartyResponse> = out.map(|r| r.expect("item")).collect().await;
    assert_eq!(resps.len(), 200);
    for (i, r) in resps.iter().enumerate() {
        assert_eq!(r.request_id, format!("s{i}"));
        if i % names.len() == 2 {
            assert!(r.error.contains("name"), "{r:?}");
            assert_eq!(r.decision, pb::Decision::Unspecified as i32);
        } else {
            assert!(r.error.is_empty());
        }
    }
    assert_eq!(resps[0].decision, pb::Decision::Block as i32);
    assert_eq!(resps[1].decision, pb::Decision::Clear as i32);

    for (party, needle) in [
        (person(""), "name or at least one identifier"),
        (person(&"a".repeat(1025)), "1024"),
        (person("Ivan\nPetrov"), "control"),
        (pb::Party { date_of_birth: "30.08.1954".into(), ..person("Ivan Petrov") }, "date_of_birth"),
    ] {
        let e = client.screen_party(req("bad", party)).await.expect_err("invalid");
        assert_eq!(e.code(), Code::InvalidArgument);
        assert!(e.message().contains(needle), "{}", e.message());
    }
    let e = client
        .screen_party(pb::ScreenPartyRequest { request_id: "x".into(), party: None })
        .await
        .expect_err("no party");
    assert_eq!(e.code(), Code::InvalidArgument);

    let e = client.screen_party(req("big", person(&"a".repeat(1_000_000)))).await.expect_err("too large");
    assert_eq!(e.code(), Code::ResourceExhausted, "{e:?}");

    let e = client
        .screen_payment(pb::ScreenPaymentRequest {
            debtor: Some(person("Ivan Petrov")),
            intermediary_agents: vec![pb::Agent { bic: "DEUTDEFF".into(), ..Default::default() }; 100],
            ..Default::default()
        })
        .await
        .expect_err("too many agents");
    assert_eq!(e.code(), Code::ResourceExhausted);

    // An identifier equal to a listed one blocks whatever the name.
    let r = client
        .screen_party(req(
            "id",
            pb::Party {
                name: "Someone Else".into(),
                identifiers: vec![pb::Identifier {
                    kind: pb::IdentifierKind::Passport as i32,
                    value: "3250386H012PB7".into(),
                }],
                ..Default::default()
            },
        ))
        .await
        .expect("screens")
        .into_inner();
    assert_eq!(r.decision, pb::Decision::Block as i32, "{r:?}");

    // The server is still healthy after all of that.
    let r = client.screen_party(req("ok", person("Aleksandr Lukashenko"))).await.expect("still serving");
    assert_eq!(r.into_inner().decision, pb::Decision::Block as i32);
}

#[test]
fn start_without_sources_or_with_a_bad_list_fails_clearly() {
    let out = common::screener_command()
        .args(["serve", "--listen", "127.0.0.1:0"])
        .env_remove("SCREENER_SOURCES")
        .output()
        .expect("runs");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no list source configured"), "{err}");

    let dir = tempfile::tempdir().expect("tempdir");
    let bad = dir.path().join("sema.xml");
    std::fs::write(&bad, "<data-set><record><Country>Belarus</Country><Item>1</Item>").expect("write");
    let out = common::screener_command()
        .args(["serve", "--listen", "127.0.0.1:0", "--source", &format!("ca-sema={}", bad.display())])
        .env("NO_COLOR", "1")
        .output()
        .expect("runs");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("sema.xml") && err.contains("cut short"), "{err}");

    let out = common::screener_command().args(["serve", "--source", "eu=/x"]).output().expect("runs");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown source kind"));
}
