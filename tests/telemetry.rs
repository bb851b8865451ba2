//! Traces, audit log and what they leak: an OTLP collector (the collector's own `TraceService`,
//! served with tonic from the `opentelemetry-proto` types) receives the server's spans; a call
//! carrying a W3C `traceparent` yields a server span in that trace, child of the caller's span,
//! with the stage spans under it; and no screened name or date of birth appears in anything the
//! server exports (spans, metrics, default logs, audit log).

mod common;

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use common::Server;
use opentelemetry_proto::tonic::collector::trace::v1::trace_service_server::{TraceService, TraceServiceServer};
use opentelemetry_proto::tonic::collector::trace::v1::{ExportTraceServiceRequest, ExportTraceServiceResponse};
use opentelemetry_proto::tonic::common::v1::any_value::Value;
use opentelemetry_proto::tonic::trace::v1::Span;
use screener::pb;
use tonic::{Request, Response, Status};

#[derive(Clone, Default)]
struct Collector {
    /// (the exporting resource's attributes, rendered; one span)
    spans: Arc<Mutex<Vec<(String, Span)>>>,
}

#[tonic::async_trait]
impl TraceService for Collector {
    async fn export(
        &self,
        request: Request<ExportTraceServiceRequest>,
    ) -> Result<Response<ExportTraceServiceResponse>, Status> {
        let mut spans = self.spans.lock().map_err(|_| Status::internal("poisoned"))?;
        for rs in request.into_inner().resource_spans {
            let resource = format!("{:?}", rs.resource);
            for ss in rs.scope_spans {
                spans.extend(ss.spans.into_iter().map(|s| (resource.clone(), s)));
            }
        }
        Ok(Response::new(ExportTraceServiceResponse { partial_success: None }))
    }
}

fn attr<'a>(span: &'a Span, key: &str) -> Option<&'a Value> {
    span.attributes.iter().find(|a| a.key == key).and_then(|a| a.value.as_ref()?.value.as_ref())
}

fn attr_str<'a>(span: &'a Span, key: &str) -> Option<&'a str> {
    match attr(span, key) {
        Some(Value::StringValue(s)) => Some(s),
        _ => None,
    }
}

fn attr_num(span: &Span, key: &str) -> Option<f64> {
    match attr(span, key) {
        Some(Value::IntValue(i)) => Some(*i as f64),
        Some(Value::DoubleValue(d)) => Some(*d),
        _ => None,
    }
}

const TRACE_ID: &str = "4bf92f3577b34da6a3ce929d0e0e4736";
const CALLER_SPAN: &str = "00f067aa0ba902b7";

fn with_traceparent<T>(msg: T) -> Request<T> {
    let mut r = Request::new(msg);
    r.metadata_mut().insert("traceparent", format!("00-{TRACE_ID}-{CALLER_SPAN}-01").parse().expect("ascii"));
    r
}

fn person(name: &str, dob: &str) -> pb::Party {
    pb::Party {
        name: name.into(),
        date_of_birth: dob.into(),
        r#type: pb::PartyType::Person as i32,
        identifiers: vec![pb::Identifier { kind: pb::IdentifierKind::Passport as i32, value: "MP7654321".into() }],
        ..Default::default()
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn spans_join_the_callers_trace_and_nothing_exported_names_the_party() {
    let collector = Collector::default();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind collector");
    let collector_addr = listener.local_addr().expect("addr");
    tokio::spawn(
        tonic::transport::Server::builder()
            .add_service(TraceServiceServer::new(collector.clone()))
            .serve_with_incoming(tokio_stream::wrappers::TcpListenerStream::new(listener)),
    );

    let dir = tempfile::tempdir().expect("tempdir");
    let audit_path = dir.path().join("audit.jsonl");
    let key_path = dir.path().join("hash.key");
    std::fs::write(&key_path, "a-test-key-of-32-bytes-0123456789\n").expect("key");
    let mut args = common::real_source_args();
    args.extend(
        [
            "--no-watch",
            "--log-format",
            "json",
            "--audit-log",
            &audit_path.display().to_string(),
            "--telemetry-hash-key-file",
            &key_path.display().to_string(),
            "--metrics-listen",
            "127.0.0.1:0",
        ]
        .map(String::from),
    );
    let (_token_dir, token_args) = common::admin_token_args();
    args.extend(token_args);
    let endpoint = format!("http://{collector_addr}");
    let server = Server::start_with_env(
        &args,
        &[
            ("OTEL_EXPORTER_OTLP_ENDPOINT", endpoint.as_str()),
            ("OTEL_BSP_SCHEDULE_DELAY", "100"),
            ("OTEL_SERVICE_NAME", "screener-under-test"),
            ("OTEL_RESOURCE_ATTRIBUTES", "deployment.environment=test"),
        ],
    );
    let mut client = server.ready_client().await;

    // The parties screened: a listed person in two scripts with date of birth and passport, a
    // payment, and a stream.
    let lukashenko = person("Alexander Lukashenko", "1954-08-30");
    let response = client
        .screen_party(with_traceparent(pb::ScreenPartyRequest {
            request_id: "req-traced".into(),
            party: Some(lukashenko.clone()),
            ..Default::default()
        }))
        .await
        .expect("screens")
        .into_inner();
    assert_eq!(response.decision, pb::Decision::Block as i32);
    client
        .screen_party(pb::ScreenPartyRequest {
            request_id: "req-cyrillic".into(),
            party: Some(person("Лукашенко Александр Григорьевич", "1954-08-30")),
            ..Default::default()
        })
        .await
        .expect("screens");
    client
        .screen_payment(pb::ScreenPaymentRequest {
            request_id: "req-payment".into(),
            payment_id: "pay-1".into(),
            debtor: Some(person("Sviatlana Tsikhanouskaya", "1982-09-11")),
            creditor: Some(pb::Party { name: "OAO Belaruskali".into(), ..Default::default() }),
            ..Default::default()
        })
        .await
        .expect("screens");
    let items = vec![
        pb::ScreenPartyRequest { request_id: "s1".into(), party: Some(lukashenko.clone()), ..Default::default() },
        pb::ScreenPartyRequest {
            request_id: "s2".into(),
            party: Some(person("Maria Kalesnikava", "1982-04-24")),
            ..Default::default()
        },
    ];
    let mut stream = client.screen_stream(futures_util::stream::iter(items)).await.expect("stream opens").into_inner();
    let mut streamed = 0;
    while let Some(item) = stream.message().await.expect("stream item") {
        assert!(item.error.is_empty());
        streamed += 1;
    }
    assert_eq!(streamed, 2);
    let mut admin = pb::admin_service_client::AdminServiceClient::connect(server.endpoint()).await.expect("admin");
    admin
        .reload_lists(common::as_admin(pb::ReloadListsRequest { force: true, sources: vec!["uk-ofsi".into()] }))
        .await
        .expect("reload");
    let metrics = common::scrape(server.metrics_port());

    // Spans arrive in batches (every 100 ms here).
    let deadline = Instant::now() + Duration::from_secs(20);
    let spans = loop {
        let spans = collector.spans.lock().expect("lock").clone();
        let have = |name: &str| spans.iter().any(|(_, s)| s.name == name);
        if have("screening.v1.ScreeningService/ScreenParty")
            && have("screening.v1.AdminService/ReloadLists")
            && have("ScreenStream.item")
            && have("screening.v1.ScreeningService/ScreenPayment")
        {
            break spans;
        }
        assert!(
            Instant::now() < deadline,
            "spans missing; got {:?}",
            spans.iter().map(|s| &s.1.name).collect::<Vec<_>>()
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    };

    // The traced call: in the caller's trace, child of the caller's span, a server span with the
    // decision's attributes, and the pipeline stages under it.
    let trace = hex::decode(TRACE_ID).expect("hex");
    let (resource, rpc) = spans
        .iter()
        .find(|(_, s)| s.trace_id == trace && s.name == "screening.v1.ScreeningService/ScreenParty")
        .expect("the traced call's span");
    assert_eq!(hex::encode(&rpc.parent_span_id), CALLER_SPAN);
    assert_eq!(rpc.kind, 2, "SPAN_KIND_SERVER");
    assert!(resource.contains("screener-under-test") && resource.contains("deployment.environment"), "{resource}");
    assert_eq!(attr_str(rpc, "decision"), Some("block"));
    assert_eq!(attr_str(rpc, "list_version"), Some(response.list_version.as_str()));
    assert_eq!(attr_str(rpc, "request_id"), Some("req-traced"));
    assert_eq!(attr_num(rpc, "match_count"), Some(response.matches.len() as f64), "{:?}", rpc.attributes);
    assert!(attr_num(rpc, "top_score").is_some_and(|s| s >= 0.92), "{:?}", rpc.attributes);
    assert_eq!(attr_num(rpc, "rpc.grpc.status_code"), Some(0.0));
    assert!(attr_str(rpc, "party.hash").is_some_and(|h| h.len() == 32));
    assert!(attr_str(rpc, "party.name").is_none(), "names stay out unless --telemetry-raw-values");
    for stage in ["retrieve", "score"] {
        let s = spans
            .iter()
            .map(|(_, s)| s)
            .find(|s| s.name == stage && s.parent_span_id == rpc.span_id)
            .unwrap_or_else(|| panic!("no {stage} span under the call"));
        assert_eq!(s.trace_id, trace);
    }
    let reload = spans
        .iter()
        .map(|(_, s)| s)
        .find(|s| s.name == "reload" && attr_str(s, "trigger").is_some_and(|t| t.starts_with("admin")))
        .expect("the admin reload's span");
    let admin_call = spans
        .iter()
        .map(|(_, s)| s)
        .find(|s| s.name == "screening.v1.AdminService/ReloadLists")
        .expect("the admin call's span");
    assert_eq!(reload.parent_span_id, admin_call.span_id, "a reload through the admin RPC is part of its trace");
    assert!(attr_str(reload, "outcome").is_some() && attr_num(reload, "duration_ms").is_some());
    assert!(spans.iter().any(|(_, s)| s.name == "reload" && attr_str(s, "trigger") == Some("initial")));
    let sources: Vec<_> = spans.iter().map(|(_, s)| s).filter(|s| s.name == "reload.source").collect();
    assert!(sources.len() >= 3, "one span per source and reload");
    assert!(sources.iter().all(|s| attr_str(s, "source").is_some() && attr_num(s, "duration_ms").is_some()));

    // Stop gracefully (flushes the audit log and the last spans), then gather what was exported.
    let pid = server.child.id().to_string();
    assert!(std::process::Command::new("kill").args(["-TERM", &pid]).status().expect("kill").success());
    let stopped = Instant::now();
    let mut server = server;
    while server.child.try_wait().expect("wait").is_none() {
        assert!(stopped.elapsed() < Duration::from_secs(20), "server did not stop");
        std::thread::sleep(Duration::from_millis(50));
    }
    let logs = server.drain_log();
    let audit = std::fs::read_to_string(&audit_path).expect("audit log");
    let spans_text = format!("{:?}", collector.spans.lock().expect("lock"));

    // The audit log: one line per decision, with the trace of the traced call.
    let all: Vec<serde_json::Value> =
        audit.lines().map(|l| serde_json::from_str(l).expect("audit lines are JSON")).collect();
    let admin_line = all.iter().find(|r| r["rpc"] == "AdminService").expect("the admin call is audited");
    assert_eq!(admin_line["allowed"], true);
    assert_eq!(admin_line["principal"], "bearer token");
    let records: Vec<&serde_json::Value> = all.iter().filter(|r| r["rpc"] != "AdminService").collect();
    assert_eq!(records.len(), 5, "2 ScreenParty, 1 ScreenPayment, 2 ScreenStream: {audit}");
    let traced = records.iter().find(|r| r["request_id"] == "req-traced").expect("traced record");
    assert_eq!(traced["trace_id"], TRACE_ID);
    assert_eq!(traced["decision"], "block");
    assert_eq!(traced["list_version"], response.list_version.as_str());
    let ids: Vec<&str> = traced["parties"][0]["matches"]
        .as_array()
        .expect("matches")
        .iter()
        .filter_map(|m| m["entity_id"].as_str())
        .collect();
    assert!(
        !ids.is_empty()
            && ids
                .iter()
                .all(|i| i.starts_with("ca-sema:") || i.starts_with("us-ofac-sdn:") || i.starts_with("uk-ofsi:")),
        "{traced}"
    );
    assert_eq!(traced["parties"][0]["party_hash"], attr_str(rpc, "party.hash").expect("hash"));
    let payment = records.iter().find(|r| r["rpc"] == "ScreenPayment").expect("payment record");
    assert_eq!(payment["payment_id"], "pay-1");
    assert_eq!(payment["parties"].as_array().map(Vec::len), Some(2));

    // Nothing exported names a screened party or gives a date of birth or passport number.
    assert!(logs.iter().any(|l| l.starts_with('{') && l.contains("serving")), "JSON logs: {logs:?}");
    assert!(metrics.contains("screener_rpc_requests_total"));
    let forbidden = [
        "lukashenk",
        "лукашенк",
        "alexander",
        "александр",
        "tsikhanousk",
        "sviatlana",
        "belaruskali",
        "kalesnikava",
        "1954-08-30",
        "1982-09-11",
        "1982-04-24",
        "mp7654321",
    ];
    for (what, text) in [
        ("spans", spans_text.as_str()),
        ("metrics", metrics.as_str()),
        ("audit log", audit.as_str()),
        ("logs", &logs.join("\n")),
    ] {
        let lower = text.to_lowercase();
        for f in forbidden {
            assert!(!lower.contains(f), "{what} contain `{f}`");
        }
    }
}

/// An audit file that cannot be written (here `/dev/full`: every write is "no space left")
/// loses decision records; the log says so, without the screened name, instead of only a
/// counter nobody may be watching.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_audit_log_that_cannot_be_written_is_reported() {
    if !std::path::Path::new("/dev/full").exists() {
        eprintln!("SKIPPED telemetry::an_audit_log_that_cannot_be_written_is_reported: no /dev/full here");
        return;
    }
    let mut args = common::real_source_args();
    args.extend(["--no-watch", "--audit-log", "/dev/full"].map(String::from));
    let server = Server::start(&args);
    let mut client = server.ready_client().await;
    let party = person("Alexander Lukashenko", "1954-08-30");
    client
        .screen_party(pb::ScreenPartyRequest { request_id: "r".into(), party: Some(party), ..Default::default() })
        .await
        .expect("screening still answers");
    let mut log = String::new();
    for _ in 0..50 {
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        log.push_str(&server.drain_log().join("\n"));
        if log.contains("cannot write the audit log") {
            break;
        }
    }
    assert!(log.contains("cannot write the audit log"), "{log}");
    assert!(!log.to_lowercase().contains("lukashenko"), "the name stays out of the log");
}
