//! The Prometheus endpoint after real calls and a reload: the series a dashboard and an alert
//! need, with sane values, and no screened name in any of it.

mod common;

use common::Server;
use screener::pb;

fn value(text: &str, series: &str) -> Option<f64> {
    text.lines().find(|l| l.starts_with(series)).and_then(|l| l.rsplit(' ').next()?.parse().ok())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn metrics_after_calls_and_a_reload() {
    let mut args = common::real_source_args();
    args.extend(["--metrics-listen".to_string(), "127.0.0.1:0".to_string(), "--no-watch".to_string()]);
    let (_token_dir, token_args) = common::admin_token_args();
    args.extend(token_args);
    let server = Server::start(&args);
    let port = server.metrics_port();
    let mut client = server.ready_client().await;
    let names = ["Aleksandr Lukashenko", "Sviatlana Tsikhanouskaya", "A. G. Lukashenko"];
    for n in names {
        client
            .screen_party(pb::ScreenPartyRequest {
                request_id: "m".into(),
                party: Some(pb::Party { name: n.into(), date_of_birth: "1954-08-30".into(), ..Default::default() }),
                ..Default::default()
            })
            .await
            .expect("screens");
    }
    let _ = client.screen_party(pb::ScreenPartyRequest::default()).await;
    // A call refused before it reaches a handler is counted too: its deadline is no timeout.
    let mut bad_deadline = tonic::Request::new(pb::ScreenPartyRequest::default());
    bad_deadline.metadata_mut().insert("grpc-timeout", "soon".parse().expect("metadata"));
    let e = client.screen_party(bad_deadline).await.expect_err("refused");
    assert_eq!(e.code(), tonic::Code::InvalidArgument, "{e:?}");
    assert!(e.message().contains("grpc-timeout"), "{e:?}");
    let mut admin = pb::admin_service_client::AdminServiceClient::connect(server.endpoint()).await.expect("admin");
    admin
        .reload_lists(common::as_admin(pb::ReloadListsRequest { force: false, ..Default::default() }))
        .await
        .expect("reload");
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;

    let text = common::scrape(port);
    assert!(text.starts_with("HTTP/1.1 200"), "{}", &text[..text.len().min(200)]);
    assert_eq!(value(&text, r#"screener_rpc_requests_total{rpc="ScreenParty",outcome="block"}"#), Some(1.0), "{text}");
    assert_eq!(value(&text, r#"screener_rpc_requests_total{rpc="ScreenParty",outcome="clear"}"#), Some(1.0));
    assert_eq!(value(&text, r#"screener_rpc_requests_total{rpc="ScreenParty",outcome="review"}"#), Some(1.0));
    // The empty party (refused by the handler) and the bad deadline (refused before it).
    assert_eq!(value(&text, r#"screener_rpc_requests_total{rpc="ScreenParty",outcome="invalid_argument"}"#), Some(2.0));
    assert!(text.contains("screener_rpc_duration_seconds_bucket{rpc=\"ScreenParty\""));
    assert_eq!(value(&text, r#"screener_list_entities{source="ca-sema",scope="in_scope"}"#), Some(320.0));
    assert_eq!(value(&text, r#"screener_list_entities{source="us-ofac-sdn",scope="in_scope"}"#), Some(210.0));
    assert_eq!(value(&text, r#"screener_list_entities{source="uk-ofsi",scope="in_scope"}"#), Some(167.0));
    let age = value(&text, r#"screener_list_age_seconds{source="uk-ofsi"}"#).expect("list age");
    assert!((0.0..120.0).contains(&age), "{age}");
    assert_eq!(value(&text, r#"screener_reloads_total{outcome="unchanged"}"#), Some(1.0));
    assert_eq!(value(&text, "screener_last_reload_success"), Some(1.0));
    for source in ["ca-sema", "us-ofac-sdn", "uk-ofsi"] {
        assert_eq!(value(&text, &format!(r#"screener_source_refused{{source="{source}"}}"#)), Some(0.0), "{source}");
    }
    // Personal data stays out: no screened name or date of birth in any series.
    for needle in ["Lukashenko", "lukashenko", "Tsikhanouskaya", "1954-08-30", "Sviatlana"] {
        assert!(!text.contains(needle), "{needle} leaked into /metrics");
    }
}

/// Clients that open the metrics port and never finish a request, reopening whenever they are
/// closed, do not keep Prometheus out: a new connection closes the oldest one still waiting for
/// its request (round 28: 40 such clients, 0 scrapes of 5 answered), and the gRPC port is not
/// touched.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn idle_connections_do_not_keep_a_scrape_out() {
    use std::io::{Read, Write};
    let mut args = common::real_source_args();
    args.extend(["--metrics-listen".to_string(), "127.0.0.1:0".to_string(), "--no-watch".to_string()]);
    let server = Server::start(&args);
    let port = server.metrics_port();
    let _client = server.ready_client().await;
    let open = || {
        let mut s = std::net::TcpStream::connect(("127.0.0.1", port)).expect("metrics port");
        s.write_all(b"GET /metrics HTTP/1.1\r\nHost: x\r\nX-a: ").expect("write");
        s
    };
    let mut idle: Vec<std::net::TcpStream> = (0..40).map(|_| open()).collect();
    for round in 0..3 {
        // The idle ones closed so far are opened again, as an attacker would.
        for s in &mut idle {
            s.set_nonblocking(true).expect("nonblocking");
            let mut b = [0u8; 16];
            if matches!(s.read(&mut b), Ok(0)) {
                *s = open();
            }
        }
        let t0 = std::time::Instant::now();
        let text = tokio::task::spawn_blocking(move || common::scrape(port)).await.expect("scrape");
        assert!(text.starts_with("HTTP/1.1 200"), "round {round}: {}", &text[..text.len().min(200)]);
        assert!(t0.elapsed() < std::time::Duration::from_secs(2), "round {round}: the scrape took {:?}", t0.elapsed());
    }
}
