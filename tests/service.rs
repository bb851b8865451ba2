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
    pb::ScreenPartyRequest { request_id: id.into(), party: Some(party), ..Default::default() }
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
    let file_digest = hex::encode(<sha2::Sha256 as sha2::Digest>::digest(std::fs::read(common::uk()).expect("read")));
    assert_eq!(uk.sha256, file_digest, "content digest is the file's sha256");

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
        // Only what the query gives is compared and reported.
        let features: Vec<&str> = top.features.iter().map(|f| f.feature.as_str()).collect();
        assert_eq!(features, ["name"]);
    }
    let mut given = person("LUKASHENKA Aliaksandr");
    given.date_of_birth = "1954-08-30".into();
    given.country = "BY".into();
    let r = client.screen_party(req("d", given)).await.expect("screens").into_inner();
    let ofac = r.matches.iter().find(|m| m.entity_id == "us-ofac-sdn:9760").expect("the OFAC entry matches");
    let features: Vec<(&str, i32)> = ofac.features.iter().map(|f| (f.feature.as_str(), f.outcome)).collect();
    assert_eq!(
        features,
        [
            ("name", ofac.features[0].outcome),
            ("date_of_birth", pb::FeatureOutcome::Match as i32),
            ("country", pb::FeatureOutcome::Match as i32)
        ],
        "{ofac:?}"
    );

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
        (person("Ivan\u{7}Petrov"), "control"),
        (person("!!! ..."), "name has no letters or digits"),
        (
            pb::Party {
                identifiers: vec![pb::Identifier { kind: pb::IdentifierKind::Passport as i32, value: "---".into() }],
                ..person("")
            },
            "identifiers[0] `---` has no letters or digits",
        ),
        (
            pb::Party {
                identifiers: vec![pb::Identifier {
                    kind: pb::IdentifierKind::Passport as i32,
                    value: "A\u{0}B".into(),
                }],
                ..person("")
            },
            "identifiers[0] contains control characters",
        ),
        (pb::Party { date_of_birth: "30.08.1954".into(), ..person("Ivan Petrov") }, "date_of_birth"),
    ] {
        let e = client.screen_party(req("bad", party)).await.expect_err("invalid");
        assert_eq!(e.code(), Code::InvalidArgument);
        assert!(e.message().contains(needle), "{}", e.message());
    }
    let e = client
        .screen_party(pb::ScreenPartyRequest { request_id: "x".into(), party: None, ..Default::default() })
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
fn start_without_sources_uses_the_official_urls_or_with_a_bad_list_fails_clearly() {
    // No source at all: the official publication URLs, said in the log (this machine has no
    // internet, so it stays NOT_SERVING, retrying).
    let cache = tempfile::tempdir().expect("tempdir");
    let server = Server::start(&["--cache-dir".to_string(), cache.path().display().to_string()]);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    let mut seen = String::new();
    while !seen.contains("official publication URLs") {
        assert!(std::time::Instant::now() < deadline, "no word of the official URLs in: {seen}");
        if let Ok(l) = server.log.recv_timeout(std::time::Duration::from_millis(200)) {
            seen.push_str(&common::strip_ansi(&l));
            seen.push('\n');
        }
    }
    assert!(seen.contains("sanctionslistservice.ofac.treas.gov") && seen.contains("sema-lmes.xml"), "{seen}");
    drop(server);

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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn good_guy_list_clears_accepted_reviews_only() {
    let initials = person("A. G. Lukashenko");
    let by_passport = pb::Party {
        name: "Raman Biziuk".into(),
        identifiers: vec![pb::Identifier { kind: pb::IdentifierKind::Passport as i32, value: "3250386H012PB7".into() }],
        ..Default::default()
    };
    let (review, block) = {
        let server = Server::start(&real_source_args());
        let mut client = server.ready_client().await;
        let review = client.screen_party(req("r", initials.clone())).await.expect("screens").into_inner();
        let block = client.screen_party(req("b", by_passport.clone())).await.expect("screens").into_inner();
        (review, block)
    };
    assert_eq!(review.decision, pb::Decision::Review as i32, "initials alone reach REVIEW, not BLOCK");
    assert_eq!(block.decision, pb::Decision::Block as i32);
    assert!(review.party_fingerprint.starts_with("fp1:"));

    // The analyst accepts every match of both parties.
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("good-guys.jsonl");
    let mut lines = vec!["# accepted false positives".to_string()];
    for (resp, who) in [(&review, "a.analyst"), (&block, "b.analyst")] {
        for m in &resp.matches {
            lines.push(
                serde_json::json!({
                    "fingerprint": resp.party_fingerprint, "entity_id": m.entity_id,
                    "accepted_by": who, "reason": "customer verified in person", "accepted_at": "2026-11-28"
                })
                .to_string(),
            );
        }
    }
    std::fs::write(&file, lines.join("\n")).expect("write");

    let mut args = real_source_args();
    args.extend(["--good-guys".to_string(), file.display().to_string()]);
    let server = Server::start(&args);
    let mut client = server.ready_client().await;
    let r = client.screen_party(req("r2", initials.clone())).await.expect("screens").into_inner();
    assert_eq!(r.decision, pb::Decision::Clear as i32, "{r:?}");
    // The acceptances are an input of the decision: the version names them too.
    let specs: Vec<screener::source::SourceSpec> =
        common::real_sources().iter().map(|s| screener::source::SourceSpec::parse(s).expect("spec")).collect();
    let lists_only =
        screener::lists::store::load(&specs, screener::model::Regime::Belarus).expect("loads").list_version;
    assert_ne!(r.list_version, lists_only, "a good-guy list is part of list_version");
    assert!(
        !r.matches.is_empty()
            && r.matches.iter().all(|m| m.accepted.as_ref().is_some_and(|a| a.accepted_by == "a.analyst"))
    );
    assert!(r.matches.iter().all(|m| m.decision == pb::Decision::Clear as i32));
    // Never applied to an identifier BLOCK.
    let b = client.screen_party(req("b2", by_passport)).await.expect("screens").into_inner();
    assert_eq!(b.decision, pb::Decision::Block as i32);
    assert!(b.matches.iter().all(|m| m.accepted.is_none()));
    // Another party (other fingerprint) is not covered by the acceptance.
    let mut other = initials.clone();
    other.date_of_birth = "1954".into();
    let o = client.screen_party(req("o", other)).await.expect("screens").into_inner();
    assert_ne!(o.decision, pb::Decision::Clear as i32);

    // A broken list stops the start, naming the line.
    std::fs::write(&file, "{\"fingerprint\": \"nope\"}\n").expect("write");
    let out = common::screener_command()
        .args(["serve", "--listen", "127.0.0.1:0", "--good-guys", &file.display().to_string()])
        .args(real_source_args())
        .env("NO_COLOR", "1")
        .output()
        .expect("runs");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("line 1"), "{}", String::from_utf8_lossy(&out.stderr));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn compare_cli_and_rpc_agree() {
    let pairs = [
        (person("Alexander Lukaschenko"), person("Aleksandr Grigoryevich Lukashenko")),
        (person("A. G. Lukashenko"), person("Aleksandr Grigoryevich Lukashenko")),
        (org("ОАО «Беларуськалий»"), org("Belaruskali OAO")),
        (org("Open Joint Stock Company Naftan"), org("Belarusian Oil Trade House")),
        (
            pb::Party { date_of_birth: "1954-08-30".into(), country: "BY".into(), ..person("Lukashenka Aliaksandr") },
            pb::Party { date_of_birth: "1954".into(), country: "Belarus".into(), ..person("Aleksandr Lukashenko") },
        ),
    ];
    let server = Server::start(&real_source_args());
    let mut client = server.ready_client().await;
    let mut input = String::new();
    let mut rpc_scores = Vec::new();
    for (q, c) in &pairs {
        let r = client
            .compare(pb::CompareRequest { query: Some(q.clone()), candidate: Some(c.clone()) })
            .await
            .expect("compares")
            .into_inner();
        rpc_scores.push((r.score, pb::Decision::try_from(r.decision).expect("decision").as_str_name().to_string()));
        let json = |p: &pb::Party| {
            serde_json::json!({
                "name": p.name,
                "type": pb::PartyType::try_from(p.r#type).expect("type").as_str_name(),
                "dateOfBirth": p.date_of_birth,
                "country": p.country,
            })
        };
        input.push_str(&serde_json::json!({"query": json(q), "candidate": json(c)}).to_string());
        input.push('\n');
    }
    assert!(rpc_scores[0].0 >= 0.8 && rpc_scores[2].0 >= 0.9, "{rpc_scores:?}");
    assert!(rpc_scores[3].0 < 0.5, "{rpc_scores:?}");
    assert_eq!(rpc_scores[1].1, "REVIEW", "initials never block");

    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("pairs.jsonl");
    std::fs::write(&path, input).expect("write");
    let mut args = vec!["compare".to_string(), "--input".to_string(), path.display().to_string()];
    args.extend(real_source_args());
    let out = common::screener_command().args(&args).output().expect("runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let cli: Vec<(f64, String)> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("json line");
            (v["score"].as_f64().expect("score"), v["decision"].as_str().expect("decision").to_string())
        })
        .collect();
    assert_eq!(cli, rpc_scores);
}

/// A `ScreenPartyRequest` whose party name is raw bytes on the wire (field 1 of `Party`), to send
/// what a well-behaved client cannot: a string field that is not UTF-8.
#[derive(Clone, PartialEq, prost::Message)]
struct RawRequest {
    #[prost(string, tag = "1")]
    request_id: String,
    #[prost(message, optional, tag = "2")]
    party: Option<RawParty>,
}

#[derive(Clone, PartialEq, prost::Message)]
struct RawParty {
    #[prost(bytes = "vec", tag = "1")]
    name: Vec<u8>,
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn requests_that_cannot_be_screened_are_invalid_arguments() {
    let server = Server::start(&real_source_args());
    let mut client = server.ready_client().await;

    // Not valid protobuf: INVALID_ARGUMENT (the caller's fault), not INTERNAL.
    let channel =
        tonic::transport::Channel::from_shared(server.endpoint()).expect("uri").connect().await.expect("connects");
    let mut grpc = tonic::client::Grpc::new(channel);
    grpc.ready().await.expect("ready");
    let raw = RawRequest { request_id: "raw".into(), party: Some(RawParty { name: vec![0x4C, 0xFF, 0xFE, 0x6F] }) };
    let path = http::uri::PathAndQuery::from_static("/screening.v1.ScreeningService/ScreenParty");
    let codec = tonic_prost::ProstCodec::<RawRequest, pb::ScreenPartyResponse>::default();
    let e = grpc.unary(tonic::Request::new(raw), path, codec).await.expect_err("not UTF-8");
    assert_eq!(e.code(), Code::InvalidArgument, "{e:?}");

    let fullwidth_passport = pb::Party {
        identifiers: vec![pb::Identifier {
            kind: pb::IdentifierKind::Passport as i32,
            value: "ＭＰ２６６３３３３".into(),
        }],
        ..Default::default()
    };
    for (label, party, needle) in [
        ("unknown party type", pb::Party { r#type: 99, ..person("Ivan Petrov") }, "PartyType"),
        (
            "unknown identifier kind",
            pb::Party {
                identifiers: vec![pb::Identifier { kind: 42, value: "MP2663333".into() }],
                ..person("Ivan Petrov")
            },
            "IdentifierKind",
        ),
        (
            "a day February lacks",
            pb::Party { date_of_birth: "1974-02-30".into(), ..person("Ivan Petrov") },
            "date_of_birth",
        ),
        ("a title only", person("Mr."), "nothing to screen"),
        ("a note only", person("(director)"), "nothing to screen"),
        ("a blank filler letter", person("\u{3164}"), "nothing to screen"),
        ("a bell inside the name", person("Ivan\u{7}Petrov"), "control"),
    ] {
        let e = client.screen_party(req("bad", party)).await.expect_err(label);
        assert_eq!(e.code(), Code::InvalidArgument, "{label}: {e:?}");
        assert!(e.message().contains(needle), "{label}: {}", e.message());
    }
    // A real date, and a name broken over lines, are screened.
    let ok = pb::Party { date_of_birth: "1976-02-29".into(), ..person("Ivan\nPetrov") };
    client.screen_party(req("ok", ok)).await.expect("screened");

    // A payment reference of 250 000 characters would go into every audit line.
    let e = client
        .screen_payment(pb::ScreenPaymentRequest {
            payment_id: "E".repeat(250_000),
            debtor: Some(person("Ivan Petrov")),
            ..Default::default()
        })
        .await
        .expect_err("payment_id too long");
    assert_eq!(e.code(), Code::InvalidArgument, "{e:?}");
    assert!(e.message().contains("payment_id"), "{}", e.message());

    // A passport typed in full-width characters meets the listed ASCII one (OFAC 32741).
    let r = client.screen_party(req("fw", fullwidth_passport)).await.expect("screens").into_inner();
    assert_eq!(r.decision, pb::Decision::Block as i32, "{r:?}");
    assert!(r.matches.iter().any(|m| m.entity_id == "us-ofac-sdn:32741"), "{r:?}");
}
