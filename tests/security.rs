//! Who gets in and what cannot take the service down: TLS and mutual TLS with certificates made
//! here (rcgen), rotation without restart, AdminService authorisation, load shedding, size and
//! deadline limits, and list integrity (pins, publication size).

mod common;

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use common::Server;
use rcgen::{BasicConstraints, CertificateParams, DnType, IsCa, Issuer, KeyPair, SanType};
use screener::pb;
use screener::pb::admin_service_client::AdminServiceClient;
use screener::pb::screening_service_client::ScreeningServiceClient;
use tonic::transport::{Certificate, Channel, ClientTlsConfig, Identity};
use tonic::Code;

struct Ca {
    issuer: Issuer<'static, KeyPair>,
    pem: String,
}

fn ca(name: &str) -> Ca {
    let key = KeyPair::generate().expect("key");
    let mut params = CertificateParams::new(Vec::<String>::new()).expect("params");
    params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    params.distinguished_name.push(DnType::CommonName, name);
    let cert = params.self_signed(&key).expect("self-signed");
    Ca { pem: cert.pem(), issuer: Issuer::new(params, key) }
}

/// (certificate PEM, key PEM) signed by `ca`, for `localhost`/127.0.0.1 and the given common name.
fn leaf(ca: &Ca, common_name: &str) -> (String, String) {
    let key = KeyPair::generate().expect("key");
    let mut params = CertificateParams::new(vec!["localhost".to_string()]).expect("params");
    params.subject_alt_names.push(SanType::IpAddress(std::net::IpAddr::from([127, 0, 0, 1])));
    params.distinguished_name.push(DnType::CommonName, common_name);
    let cert = params.signed_by(&key, &ca.issuer).expect("signed");
    (cert.pem(), key.serialize_pem())
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let p = dir.join(name);
    std::fs::write(&p, text).expect("write");
    p.display().to_string()
}

async fn tls_channel(server: &Server, ca_pem: &str, client: Option<&(String, String)>) -> Result<Channel, String> {
    let mut tls = ClientTlsConfig::new().ca_certificate(Certificate::from_pem(ca_pem)).domain_name("localhost");
    if let Some((cert, key)) = client {
        tls = tls.identity(Identity::from_pem(cert, key));
    }
    let endpoint = Channel::from_shared(format!("https://{}", server.addr)).map_err(|e| e.to_string())?;
    let endpoint = endpoint.tls_config(tls).map_err(|e| e.to_string())?.timeout(Duration::from_secs(5));
    endpoint.connect().await.map_err(|e| format!("{e:?}"))
}

/// Calls one after the other from a connection of its own, answers or refusals alike, until
/// dropped: with enough of these, the unary budget is full at every moment. (A call holds its
/// place while it is screened and answered; one whose request has not ended holds none.)
async fn keep_busy(endpoint: String) {
    let channel = Channel::from_shared(endpoint).expect("uri").connect().await.expect("connects");
    let mut client = ScreeningServiceClient::new(channel);
    loop {
        let _ = client.screen_party(party("Aleksandr Grigoryevich Lukashenko")).await;
    }
}

fn party(name: &str) -> pb::ScreenPartyRequest {
    pb::ScreenPartyRequest {
        request_id: "sec".into(),
        party: Some(pb::Party { name: name.into(), ..Default::default() }),
        ..Default::default()
    }
}

/// Calls ScreenParty over `channel`; the error code if it fails (a refused handshake shows as a
/// transport error, code UNAVAILABLE or UNKNOWN).
async fn screen(channel: Channel) -> Result<pb::Decision, Code> {
    let r = ScreeningServiceClient::new(channel).screen_party(party("Aleksandr Lukashenko")).await;
    r.map(|r| pb::Decision::try_from(r.into_inner().decision).unwrap_or_default()).map_err(|s| s.code())
}

/// The server certificate a fresh TLS connection is shown.
async fn served_certificate(addr: &str, ca_pem: &str, client: &(String, String)) -> Vec<u8> {
    let tls = tls_connect(addr, ca_pem, client).await;
    tls.get_ref().1.peer_certificates().and_then(|c| c.first()).map(|c| c.to_vec()).unwrap_or_default()
}

/// A TLS connection, handshake done, nothing sent over it.
async fn tls_connect(
    addr: &str,
    ca_pem: &str,
    client: &(String, String),
) -> tokio_rustls::client::TlsStream<tokio::net::TcpStream> {
    use rustls_pki_types::pem::PemObject;
    use rustls_pki_types::{CertificateDer, PrivateKeyDer, ServerName};
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let mut roots = rustls::RootCertStore::empty();
    roots.add(CertificateDer::from_pem_slice(ca_pem.as_bytes()).expect("ca")).expect("root");
    let config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .expect("versions")
        .with_root_certificates(roots)
        .with_client_auth_cert(
            vec![CertificateDer::from_pem_slice(client.0.as_bytes()).expect("cert")],
            PrivateKeyDer::from_pem_slice(client.1.as_bytes()).expect("key"),
        )
        .expect("client config");
    let tcp = tokio::net::TcpStream::connect(addr).await.expect("tcp");
    let name = ServerName::try_from("localhost").expect("name");
    tokio_rustls::TlsConnector::from(Arc::new(config)).connect(name, tcp).await.expect("handshake")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn mutual_tls_admits_only_clients_of_the_ca_and_rotates_without_restart() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ours = ca("screener test CA");
    let theirs = ca("some other CA");
    let server_pair = leaf(&ours, "screener");
    let teller = leaf(&ours, "teller");
    let ops = leaf(&ours, "ops-admin");
    let stranger = leaf(&theirs, "ops-admin");
    let cert = write(dir.path(), "server.pem", &server_pair.0);
    let key = write(dir.path(), "server.key", &server_pair.1);
    let client_ca = write(dir.path(), "clients-ca.pem", &ours.pem);
    let (_token_dir, token_args) = common::admin_token_args();
    let mut args = vec![
        "--source".to_string(),
        format!("ca-sema={}", common::canada().display()),
        "--no-watch".into(),
        "--tls-cert".into(),
        cert.clone(),
        "--tls-key".into(),
        key.clone(),
        "--tls-client-ca".into(),
        client_ca,
        "--admin-identity".into(),
        "ops-admin".into(),
    ];
    args.extend(token_args);
    let server = Server::start(&args);

    // Plaintext against TLS: refused.
    let plain = Channel::from_shared(server.endpoint()).expect("uri").timeout(Duration::from_secs(5));
    if let Ok(ch) = plain.connect().await {
        assert!(screen(ch).await.is_err(), "a plaintext call must fail");
    }
    // TLS without a client certificate, or with one from another CA: refused.
    for client in [None, Some(&stranger)] {
        if let Ok(ch) = tls_channel(&server, &ours.pem, client).await {
            assert!(screen(ch).await.is_err(), "a client without a certificate of the CA must fail");
        }
    }
    // With a certificate of the CA: served (retry while the lists load).
    let deadline = Instant::now() + Duration::from_secs(60);
    let teller_channel = loop {
        if let Ok(ch) = tls_channel(&server, &ours.pem, Some(&teller)).await {
            if screen(ch.clone()).await == Ok(pb::Decision::Block) {
                break ch;
            }
        }
        assert!(Instant::now() < deadline, "mTLS client with a CA certificate was never served");
        tokio::time::sleep(Duration::from_millis(100)).await;
    };

    // AdminService: the teller's certificate is not on the allow-list; ops-admin's is; the
    // bearer token works for anyone who holds it.
    let e = AdminServiceClient::new(teller_channel.clone())
        .reload_lists(pb::ReloadListsRequest { force: false, ..Default::default() })
        .await
        .expect_err("teller is no admin");
    assert_eq!(e.code(), Code::PermissionDenied, "{e:?}");
    AdminServiceClient::new(teller_channel)
        .reload_lists(common::as_admin(pb::ReloadListsRequest { force: false, ..Default::default() }))
        .await
        .expect("the token admits");
    let ops_channel = tls_channel(&server, &ours.pem, Some(&ops)).await.expect("ops connects");
    AdminServiceClient::new(ops_channel)
        .reload_lists(pb::ReloadListsRequest { force: false, ..Default::default() })
        .await
        .expect("ops-admin's certificate admits");

    // Rotation: new certificate files; new connections get them, no restart.
    let before = served_certificate(&server.addr, &ours.pem, &teller).await;
    let rotated = leaf(&ours, "screener-rotated");
    std::fs::write(&key, &rotated.1).expect("write key");
    std::fs::write(&cert, &rotated.0).expect("write cert");
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let now = served_certificate(&server.addr, &ours.pem, &teller).await;
        if now != before {
            use rustls_pki_types::pem::PemObject;
            let expected = rustls_pki_types::CertificateDer::from_pem_slice(rotated.0.as_bytes()).expect("pem");
            assert_eq!(now, expected.to_vec());
            break;
        }
        assert!(Instant::now() < deadline, "the rotated certificate was not served within 20 s");
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    let ch = tls_channel(&server, &ours.pem, Some(&teller)).await.expect("connects after rotation");
    assert_eq!(screen(ch).await, Ok(pb::Decision::Block));

    // A client that completes the handshake and then sends nothing is closed after the opening
    // timeout, as a silent plaintext connection is: it held its connection slot for good.
    let mut idle = tls_connect(&server.addr, &ours.pem, &teller).await;
    let t0 = Instant::now();

    // A broken replacement is refused; the rotated certificate keeps serving.
    std::fs::write(&cert, "-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n").expect("write");
    tokio::time::sleep(Duration::from_secs(6)).await;
    let ch = tls_channel(&server, &ours.pem, Some(&teller)).await.expect("still connects");
    assert_eq!(screen(ch).await, Ok(pb::Decision::Block));

    use tokio::io::AsyncReadExt;
    let mut buf = [0u8; 256];
    loop {
        match tokio::time::timeout(Duration::from_secs(20), idle.read(&mut buf)).await.expect("closed by the server") {
            Ok(0) | Err(_) => break,
            Ok(_) => continue,
        }
    }
    assert!(t0.elapsed() >= Duration::from_secs(9), "closed before the opening timeout: {:?}", t0.elapsed());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn admin_needs_credentials_and_a_closed_admin_says_how_to_open_it() {
    let (_token_dir, token_args) = common::admin_token_args();
    let mut args = vec!["--source".to_string(), format!("ca-sema={}", common::canada().display()), "--no-watch".into()];
    args.extend(token_args);
    let server = Server::start(&args);
    server.ready_client().await;
    let mut admin = AdminServiceClient::connect(server.endpoint()).await.expect("connects");
    let e = admin
        .reload_lists(pb::ReloadListsRequest { force: true, ..Default::default() })
        .await
        .expect_err("no credentials");
    assert_eq!(e.code(), Code::Unauthenticated);
    let mut wrong = tonic::Request::new(pb::ReloadListsRequest { force: true, ..Default::default() });
    wrong.metadata_mut().insert("authorization", "Bearer not-the-token".parse().expect("ascii"));
    let e = admin.reload_lists(wrong).await.expect_err("wrong token");
    assert_eq!(e.code(), Code::Unauthenticated);
    let r = admin
        .reload_lists(common::as_admin(pb::ReloadListsRequest { force: false, ..Default::default() }))
        .await
        .expect("token");
    assert!(r.into_inner().status.is_some());

    let closed = Server::start(&["--source".to_string(), format!("ca-sema={}", common::canada().display())]);
    closed.ready_client().await;
    let mut admin = AdminServiceClient::connect(closed.endpoint()).await.expect("connects");
    let e = admin
        .reload_lists(common::as_admin(pb::ReloadListsRequest { force: true, ..Default::default() }))
        .await
        .expect_err("closed");
    assert_eq!(e.code(), Code::PermissionDenied);
    assert!(e.message().contains("--admin-token-file"), "{}", e.message());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn excess_calls_are_shed_and_limits_refuse_cleanly() {
    let args = vec![
        "--source".to_string(),
        format!("ca-sema={}", common::canada().display()),
        "--no-watch".into(),
        "--max-concurrent-requests".into(),
        "1".into(),
        "--max-message-bytes".into(),
        "262144".into(),
    ];
    let server = Server::start(&args);
    let mut client = server.ready_client().await;
    assert_eq!(
        client.screen_party(party("Aleksandr Lukashenko")).await.expect("served").into_inner().decision,
        pb::Decision::Block as i32
    );

    // One unary slot, kept full by 64 clients calling without a pause (the server's two workers
    // screen two calls at once, one beyond the budget). A call beyond it is shed at once with RESOURCE_EXHAUSTED and a message saying what to do; once the
    // clients stop, calls are served again. (A call whose request has not ended takes no slot, so
    // slots are held by calls at work.)
    let held: Vec<_> = (0..64).map(|_| tokio::spawn(keep_busy(server.endpoint()))).collect();
    let deadline = Instant::now() + Duration::from_secs(20);
    let e = loop {
        match client.screen_party(party("Aleksandr Lukashenko")).await {
            Err(e) => break e,
            Ok(_) if Instant::now() < deadline => {}
            Ok(_) => panic!("64 clients calling on 1 slot: every other call was still served after 20 s"),
        }
    };
    assert_eq!(e.code(), Code::ResourceExhausted, "{e:?}");
    assert!(e.message().contains("overloaded"), "{}", e.message());
    for h in held {
        h.abort();
    }
    let deadline = Instant::now() + Duration::from_secs(10);
    while let Err(e) = client.screen_party(party("Aleksandr Lukashenko")).await {
        assert_eq!(e.code(), Code::ResourceExhausted, "{e:?}");
        assert!(Instant::now() < deadline, "slots not given back 10 s after their calls went");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }

    // Open streams do not take unary slots: with two streams open, calls are still served.
    let (tx1, rx1) = tokio::sync::mpsc::channel::<pb::ScreenPartyRequest>(1);
    let (tx2, rx2) = tokio::sync::mpsc::channel::<pb::ScreenPartyRequest>(1);
    let s1 = client.screen_stream(tokio_stream::wrappers::ReceiverStream::new(rx1)).await.expect("stream 1");
    let s2 = client.screen_stream(tokio_stream::wrappers::ReceiverStream::new(rx2)).await.expect("stream 2");
    for _ in 0..5 {
        client.screen_party(party("Aleksandr Lukashenko")).await.expect("served while streams are open");
    }
    let channel = Channel::from_shared(server.endpoint()).expect("uri").connect().await.expect("connects");
    let mut health = tonic_health::pb::health_client::HealthClient::new(channel);
    let h = health.check(tonic_health::pb::HealthCheckRequest { service: String::new() }).await.expect("health");
    assert_eq!(h.into_inner().status, tonic_health::pb::health_check_response::ServingStatus::Serving as i32);
    // A health check is asked with a service's name: 100 KB of one is refused, not read (round 28).
    let e =
        health.check(tonic_health::pb::HealthCheckRequest { service: "s".repeat(100_000) }).await.expect_err("100 KB");
    assert_eq!(e.code(), Code::ResourceExhausted, "{e:?}");
    drop((tx1, tx2, s1, s2));

    // A 10 MB request and a payment with 100 000 parties: RESOURCE_EXHAUSTED, and the server
    // carries on.
    let e = client.screen_party(party(&"Lukashenko ".repeat(1_000_000))).await.expect_err("10 MB");
    assert_eq!(e.code(), Code::ResourceExhausted, "{e:?}");
    let agents = vec![pb::Agent { bic: "DEUTDEFF".into(), ..Default::default() }; 100_000];
    let e = client
        .screen_payment(pb::ScreenPaymentRequest {
            debtor: Some(pb::Party { name: "Ivan Petrov".into(), ..Default::default() }),
            intermediary_agents: agents,
            ..Default::default()
        })
        .await
        .expect_err("100 000 parties");
    assert_eq!(e.code(), Code::ResourceExhausted, "{e:?}");
    assert!(client.screen_party(party("Aleksandr Lukashenko")).await.is_ok());
    // In a bulk stream, the records before it are answered; the status is the unary one and
    // says which record could not be read (round 17: OUT_OF_RANGE, no record named).
    let records = vec![party("Aleksandr Lukashenko"), party(&"Lukashenko ".repeat(1_000_000))];
    let mut out = client.screen_stream(tokio_stream::iter(records)).await.expect("stream").into_inner();
    assert!(out.message().await.expect("the first record is answered").is_some());
    let e = out.message().await.expect_err("the second is too large");
    assert_eq!(e.code(), Code::ResourceExhausted, "{e:?}");
    assert!(e.message().contains("record 2 "), "{}", e.message());

    // A stream past its grpc-timeout ends with DEADLINE_EXCEEDED.
    let (tx, rx) = tokio::sync::mpsc::channel::<pb::ScreenPartyRequest>(4);
    let mut req = tonic::Request::new(tokio_stream::wrappers::ReceiverStream::new(rx));
    req.set_timeout(Duration::from_millis(400));
    tx.send(party("Aleksandr Lukashenko")).await.expect("send");
    let mut out = client.screen_stream(req).await.expect("stream").into_inner();
    assert!(out.message().await.expect("first in time").is_some());
    tokio::time::sleep(Duration::from_millis(600)).await;
    let _ = tx.send(party("Aleksandr Lukashenko")).await;
    let e = out.message().await.expect_err("past the deadline");
    assert_eq!(e.code(), Code::DeadlineExceeded, "{e:?}");

    // A grpc-timeout that is no timeout is the caller's mistake, said so. (One that had passed
    // on arrival is DEADLINE_EXCEEDED, `layers::status_fix`'s test; tonic's client would time
    // such a call out itself, first, whatever the server said.)
    let mut req = tonic::Request::new(party("Aleksandr Lukashenko"));
    req.metadata_mut().insert("grpc-timeout", "soon".parse().expect("ascii"));
    let e = client.screen_party(req).await.expect_err("malformed timeout");
    assert_eq!(e.code(), Code::InvalidArgument, "{e:?}");
    assert!(e.message().contains("grpc-timeout `soon`"), "{}", e.message());
}

/// 1,025 `ScreenStream` calls opened from 5 connections and never written to: they get a stream
/// budget of their own (16 per connection here), the rest are refused at once, unary screening
/// and health on another connection answer throughout, and the idle streams are closed after
/// the idle timeout, giving their slots back.
/// A unary call that carries two request messages is refused, not answered on the first: a
/// client or proxy that joined `John Smith` and a listed name into one `ScreenParty` had a CLEAR
/// for both (round 28). Sent here as one body, and with the second message a moment later.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_unary_call_with_two_messages_is_refused() {
    use futures_util::StreamExt;
    let mut args = common::real_source_args();
    args.push("--no-watch".into());
    let server = Server::start(&args);
    let _ = server.ready_client().await;
    let channel = Channel::from_shared(server.endpoint()).expect("uri").connect().await.expect("connects");
    let mut grpc = tonic::client::Grpc::new(channel);
    let path = || http::uri::PathAndQuery::from_static("/screening.v1.ScreeningService/ScreenParty");
    let at_once = futures_util::stream::iter([party("John Smith"), party("Aleksandr Lukashenko")]).boxed();
    let later = futures_util::stream::once(async { party("John Smith") })
        .chain(futures_util::stream::once(async {
            tokio::time::sleep(Duration::from_millis(200)).await;
            party("Aleksandr Lukashenko")
        }))
        .boxed();
    for (how, messages) in [("one body", at_once), ("a moment later", later)] {
        grpc.ready().await.expect("ready");
        let e = grpc
            .client_streaming::<_, _, pb::ScreenPartyResponse, _>(
                tonic::Request::new(messages),
                path(),
                tonic_prost::ProstCodec::default(),
            )
            .await
            .expect_err(how);
        assert_eq!(e.code(), Code::InvalidArgument, "{how}: {e:?}");
        assert!(e.message().contains("one request message"), "{how}: {}", e.message());
    }
    // One message is answered as ever.
    grpc.ready().await.expect("ready");
    let r = grpc
        .client_streaming::<_, _, pb::ScreenPartyResponse, _>(
            tonic::Request::new(futures_util::stream::iter([party("Aleksandr Lukashenko")])),
            path(),
            tonic_prost::ProstCodec::default(),
        )
        .await
        .expect("one message");
    assert_eq!(r.into_inner().decision, pb::Decision::Block as i32);
}

/// A unary call whose request never ends is answered DEADLINE_EXCEEDED at its `grpc-timeout`,
/// or at `--request-timeout` without one, as the README says: tonic's own timeout answered
/// CANCELLED ("Timeout expired"), which clients' retry policies do not read as a deadline
/// (round 28).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_call_whose_request_never_ends_is_past_its_deadline() {
    use futures_util::StreamExt;
    let mut args = common::real_source_args();
    args.extend(["--no-watch".into(), "--request-timeout".into(), "2".into()]);
    let server = Server::start(&args);
    let _ = server.ready_client().await;
    let channel = Channel::from_shared(server.endpoint()).expect("uri").connect().await.expect("connects");
    let mut grpc = tonic::client::Grpc::new(channel);
    for grpc_timeout in [Some("700m"), None] {
        let never_done = futures_util::stream::once(async { party("Aleksandr Lukashenko") })
            .chain(futures_util::stream::pending::<pb::ScreenPartyRequest>());
        let mut req = tonic::Request::new(never_done);
        if let Some(t) = grpc_timeout {
            req.metadata_mut().insert("grpc-timeout", t.parse().expect("ascii"));
        }
        grpc.ready().await.expect("ready");
        let t0 = std::time::Instant::now();
        let e = grpc
            .client_streaming::<_, _, pb::ScreenPartyResponse, _>(
                req,
                http::uri::PathAndQuery::from_static("/screening.v1.ScreeningService/ScreenParty"),
                tonic_prost::ProstCodec::default(),
            )
            .await
            .expect_err("never ends");
        // tonic's client keeps the same `grpc-timeout` itself: on a loaded machine its own timer
        // may fire before the server's answer arrives (CANCELLED, "Timeout expired", from the
        // client's transport; CI once). That says nothing of the server, whose answer is asserted
        // whenever it comes first, and always without the header.
        let client_timer =
            grpc_timeout.is_some() && e.code() == Code::Cancelled && format!("{e:?}").contains("TimeoutExpired");
        assert!(e.code() == Code::DeadlineExceeded || client_timer, "{grpc_timeout:?}: {e:?}");
        assert!(t0.elapsed() < Duration::from_secs(4), "{grpc_timeout:?}: {:?}", t0.elapsed());
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn an_idle_stream_flood_locks_nobody_out() {
    let mut args = common::real_source_args();
    args.extend(["--no-watch".into(), "--stream-idle-timeout".into(), "3".into()]);
    let server = Server::start(&args);
    let mut client = server.ready_client().await;

    let mut held = Vec::new();
    let mut opened = Vec::new();
    for _ in 0..5 {
        let channel = Channel::from_shared(server.endpoint()).expect("uri").connect().await.expect("connects");
        let c = ScreeningServiceClient::new(channel);
        for _ in 0..205 {
            let (tx, rx) = tokio::sync::mpsc::channel::<pb::ScreenPartyRequest>(1);
            held.push(tx);
            let mut c = c.clone();
            opened.push(tokio::spawn(async move {
                c.screen_stream(tokio_stream::wrappers::ReceiverStream::new(rx)).await.map(|r| r.into_inner())
            }));
        }
    }
    let t0 = Instant::now();
    let (mut open, mut refused) = (Vec::new(), 0);
    for o in opened {
        match o.await.expect("task") {
            Ok(stream) => open.push(stream),
            Err(e) => {
                assert_eq!(e.code(), Code::ResourceExhausted, "{e:?}");
                assert!(e.message().contains("streams"), "{}", e.message());
                refused += 1;
            }
        }
    }
    assert_eq!(open.len() + refused, 1025);
    assert!(open.len() <= 5 * 16, "{} streams admitted, more than 16 per connection", open.len());
    assert!(refused > 0);

    // While the flood is open: unary screening and health answer.
    let channel = Channel::from_shared(server.endpoint()).expect("uri").connect().await.expect("connects");
    let mut health = tonic_health::pb::health_client::HealthClient::new(channel);
    let mut answered = 0;
    while t0.elapsed() < Duration::from_secs(2) {
        let r = client.screen_party(party("Aleksandr Lukashenko")).await.expect("screened during the flood");
        assert_eq!(r.into_inner().decision, pb::Decision::Block as i32);
        let h = health.check(tonic_health::pb::HealthCheckRequest { service: String::new() }).await.expect("health");
        assert_eq!(h.into_inner().status, tonic_health::pb::health_check_response::ServingStatus::Serving as i32);
        answered += 1;
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert!(answered > 0);

    // The idle streams are closed after the idle timeout, with a status that says why.
    for mut s in open {
        let e = tokio::time::timeout(Duration::from_secs(15), s.message())
            .await
            .expect("an idle stream is closed")
            .expect_err("with a status");
        assert_eq!(e.code(), Code::DeadlineExceeded, "{e:?}");
        assert!(e.message().contains("idle"), "{}", e.message());
    }
    // Their slots are free again: a new stream is admitted and served.
    let (tx, rx) = tokio::sync::mpsc::channel::<pb::ScreenPartyRequest>(1);
    tx.send(party("Aleksandr Lukashenko")).await.expect("send");
    let mut s =
        client.screen_stream(tokio_stream::wrappers::ReceiverStream::new(rx)).await.expect("admitted").into_inner();
    let r = s.message().await.expect("answered").expect("one answer");
    assert_eq!(r.decision, pb::Decision::Block as i32);
    drop(held);
}

/// A request body that sends its first byte and then nothing: a call begun and never finished.
struct OneByteThenNothing(bool);

impl http_body::Body for OneByteThenNothing {
    type Data = tonic::codegen::Bytes;
    type Error = tonic::Status;

    fn poll_frame(
        mut self: std::pin::Pin<&mut Self>,
        _cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<Result<http_body::Frame<Self::Data>, Self::Error>>> {
        if std::mem::replace(&mut self.0, true) {
            std::task::Poll::Pending
        } else {
            std::task::Poll::Ready(Some(Ok(http_body::Frame::data(tonic::codegen::Bytes::from_static(&[0])))))
        }
    }
}

/// Unary calls not sent whole, from eight connections each of three ways (headers and no body;
/// one byte of the body; the whole message and no end), six times the unary budget: they do no
/// work and take no place in it (only their connections' shares), so another client's screening
/// is answered throughout. Round 25 locked every other client out with six connections of 200
/// bodiless calls, until the request timeout, while health said SERVING; round 32 with four
/// connections of 256 calls sending one byte each, the place then taken at the first byte.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn calls_not_sent_whole_lock_nobody_out() {
    use futures_util::StreamExt;
    use tower::ServiceExt;
    let mut args = common::real_source_args();
    args.extend(
        ["--no-watch", "--max-concurrent-requests", "16", "--max-requests-per-connection", "4"].map(String::from),
    );
    let server = Server::start(&args);
    let mut client = server.ready_client().await;
    let mut held = Vec::new();
    for way in 0..3 {
        for _ in 0..8 {
            let channel = Channel::from_shared(server.endpoint()).expect("uri").connect().await.expect("connects");
            for _ in 0..4 {
                let channel = channel.clone();
                let endpoint = server.endpoint();
                held.push(tokio::spawn(async move {
                    if way == 0 {
                        let request = http::Request::builder()
                            .method("POST")
                            .uri(format!("{endpoint}/screening.v1.ScreeningService/ScreenParty"))
                            .header("content-type", "application/grpc")
                            .header("te", "trailers")
                            .body(tonic::body::Body::new(OneByteThenNothing(false)))
                            .expect("request");
                        return channel.oneshot(request).await.map(|_| ()).map_err(|_| ());
                    }
                    let mut grpc = tonic::client::Grpc::new(channel);
                    grpc.ready().await.expect("ready");
                    // No message and no end, or the whole message and no end.
                    let messages = if way == 1 { vec![] } else { vec![party("Aleksandr Lukashenko")] };
                    let body = futures_util::stream::iter(messages).chain(futures_util::stream::pending());
                    let codec = tonic_prost::ProstCodec::<pb::ScreenPartyRequest, pb::ScreenPartyResponse>::default();
                    let path = http::uri::PathAndQuery::from_static("/screening.v1.ScreeningService/ScreenParty");
                    grpc.client_streaming(tonic::Request::new(body), path, codec).await.map(|_| ()).map_err(|_| ())
                }));
            }
        }
    }
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert!(held.iter().all(|h| !h.is_finished()), "a call not sent whole was answered");
    // Twice the budget, one after the other from another connection: each has its place.
    for _ in 0..32 {
        let r = client.screen_party(party("Aleksandr Lukashenko")).await.expect("screened beside the held calls");
        assert_eq!(r.into_inner().decision, pb::Decision::Block as i32);
    }
    for h in held {
        h.abort();
    }
}

#[test]
fn pinned_and_oversized_publications_are_refused_with_the_reason() {
    use screener::source::SourceSpec;
    let mut spec = SourceSpec::parse(&format!("ca-sema={}", common::canada().display())).expect("spec");
    let real = screener::lists::store::load_one(&spec).expect("loads").info.sha256;
    spec.pin = Some(real.clone());
    screener::lists::store::load_one(&spec).expect("the pinned digest loads");
    spec.pin = Some("0".repeat(64));
    let e = screener::lists::store::load_one(&spec).expect_err("another digest").to_string();
    assert!(e.contains("not the pinned") && e.contains(&real), "{e}");
    spec.pin = None;
    spec.max_bytes = std::fs::metadata(common::canada()).expect("size").len() - 1;
    let e = screener::lists::store::load_one(&spec).expect_err("too large").to_string();
    assert!(e.contains(&format!("more than the {} allowed", spec.max_bytes)), "{e}");
}

/// Connections that never send a byte, or only the HTTP/2 preface, fill `--max-connections`; they
/// are closed after the opening timeout and a real client gets in. Meanwhile idle watches from one client do not
/// lock streams (server reflection) out.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn silent_connections_and_idle_watches_lock_nobody_out() {
    use tokio::io::AsyncReadExt;
    let mut args = common::real_source_args();
    args.extend(
        ["--no-watch", "--max-connections", "8", "--max-streams", "4", "--max-streams-per-connection", "4"]
            .map(String::from),
    );
    let server = Server::start(&args);
    let mut client = server.ready_client().await;

    // Idle watches fill the watch budget; a ScreenStream is still admitted.
    let mut watches = Vec::new();
    for _ in 0..4 {
        let mut c = client.clone();
        watches.push(
            c.watch_list_changes(pb::WatchListChangesRequest::default()).await.expect("watch admitted").into_inner(),
        );
    }
    let e = client.watch_list_changes(pb::WatchListChangesRequest::default()).await.expect_err("watch budget full");
    assert_eq!(e.code(), Code::ResourceExhausted, "{e:?}");
    let (tx, rx) = tokio::sync::mpsc::channel::<pb::ScreenPartyRequest>(1);
    tx.send(party("Aleksandr Lukashenko")).await.expect("send");
    let mut s = client
        .screen_stream(tokio_stream::wrappers::ReceiverStream::new(rx))
        .await
        .expect("a stream is admitted beside the full watch budget")
        .into_inner();
    assert_eq!(s.message().await.expect("answered").expect("one").decision, pb::Decision::Block as i32);
    // So is a health Watch (clients' own health checking), which has a budget of its own.
    let channel = Channel::from_shared(server.endpoint()).expect("uri").connect().await.expect("connects");
    let mut health = tonic_health::pb::health_client::HealthClient::new(channel);
    let mut hw = health
        .watch(tonic_health::pb::HealthCheckRequest { service: String::new() })
        .await
        .expect("a health watch is admitted beside the full list-change watch budget")
        .into_inner();
    assert!(hw.message().await.expect("status").is_some());
    drop((tx, s, watches, hw, health));

    // Silent connections up to the limit (the client above holds one more); half of them send
    // the HTTP/2 preface and then nothing (no SETTINGS frame, which must follow it).
    use tokio::io::AsyncWriteExt;
    let addr = server.endpoint().trim_start_matches("http://").to_string();
    let mut silent = Vec::new();
    for i in 0..8 {
        let mut c = tokio::net::TcpStream::connect(&addr).await.expect("tcp connect");
        if i % 2 == 1 {
            c.write_all(b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n").await.expect("preface");
        }
        silent.push(c);
    }
    let t0 = Instant::now();
    let mut late = tokio::spawn({
        let endpoint = server.endpoint();
        async move {
            let channel = Channel::from_shared(endpoint).expect("uri").connect().await.expect("connects");
            screen(channel).await
        }
    });
    // Each silent connection is closed by the server (EOF) within the timeout and some slack.
    for mut c in silent {
        let mut buf = [0u8; 1];
        let n = tokio::time::timeout(Duration::from_secs(20), c.read(&mut buf)).await.expect("closed by the server");
        assert!(matches!(n, Ok(0) | Err(_)), "{n:?}");
    }
    let decision = tokio::time::timeout(Duration::from_secs(20), &mut late).await.expect("the late client got in");
    assert_eq!(decision.expect("task"), Ok(pb::Decision::Block));
    assert!(t0.elapsed() >= Duration::from_secs(9), "closed before the first-byte timeout: {:?}", t0.elapsed());
}

/// Files an operator points at (the admin token, the telemetry key, the good-guy list) are read
/// as list files are: a FIFO there fails at once with a message instead of hanging the start, or
/// the whole server at the first admin call; check-config reads them as serve would.
#[test]
fn files_named_by_the_settings_must_be_regular_and_readable() {
    let dir = tempfile::tempdir().expect("temp dir");
    let fifo = dir.path().join("token.fifo");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status().expect("mkfifo runs");
    assert!(made.success());
    let missing = dir.path().join("good-guys.jsonl");
    let check = |args: &[&str]| {
        let out = common::screener_command()
            .args(["check-config", "--source", "uk-ofsi=ConList.csv"])
            .args(args)
            .output()
            .expect("check-config runs");
        (out.status.success(), String::from_utf8_lossy(&out.stderr).into_owned())
    };
    let fifo = fifo.to_string_lossy().into_owned();
    let (ok, err) = check(&["--admin-token-file", &fifo]);
    assert!(!ok && err.contains("not a regular file"), "{err}");
    let (ok, err) = check(&["--telemetry-hash-key-file", &fifo]);
    assert!(!ok && err.contains("not a regular file"), "{err}");
    let (ok, err) = check(&["--good-guys", &missing.to_string_lossy()]);
    assert!(!ok && err.contains("good-guys.jsonl"), "{err}");
    let empty = dir.path().join("token");
    std::fs::write(&empty, "\n").expect("write");
    let (ok, err) = check(&["--admin-token-file", &empty.to_string_lossy()]);
    assert!(!ok && err.contains("is empty"), "{err}");
    // serve too refuses to start on it, rather than at the first admin call.
    let out = common::screener_command()
        .args(["serve", "--listen", "127.0.0.1:0", "--no-watch", "--admin-token-file", &empty.to_string_lossy()])
        .args(["--source", &format!("ca-sema={}", common::canada().display())])
        .output()
        .expect("serve runs");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success() && err.contains("is empty"), "{err}");
    std::fs::write(&empty, "s3cret-token-value\n").expect("write");
    let (ok, err) = check(&["--admin-token-file", &empty.to_string_lossy()]);
    assert!(ok, "{err}");
}

/// One HTTP/2 frame: length, type, flags, stream id, payload (RFC 9113 §4.1).
fn h2_frame(kind: u8, flags: u8, stream: u32, payload: &[u8]) -> Vec<u8> {
    let len = u32::try_from(payload.len()).expect("small frame").to_be_bytes();
    let mut f = vec![len[1], len[2], len[3], kind, flags];
    f.extend_from_slice(&stream.to_be_bytes());
    f.extend_from_slice(payload);
    f
}

/// A header field as an HPACK literal without indexing, new name (RFC 7541 §6.2.2): names and
/// values here are under 127 bytes, so each length is one byte.
fn hpack_literal(name: &str, value: &str) -> Vec<u8> {
    let mut out = vec![0u8, u8::try_from(name.len()).expect("short")];
    out.extend_from_slice(name.as_bytes());
    out.push(u8::try_from(value.len()).expect("short"));
    out.extend_from_slice(value.as_bytes());
    out
}

/// A client that asks and never reads the answers (its HTTP/2 window stays at zero) held its
/// calls' slots for as long as it stayed connected: two such connections locked every other
/// client out (an outside test). Its connection is closed once an answer has waited for it longer
/// than the request timeout, and the slots serve others again. Written with raw frames, since a
/// real client library always reads.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_client_that_never_reads_its_answers_cannot_hold_the_slots() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let args = vec![
        "--source".to_string(),
        format!("ca-sema={}", common::canada().display()),
        "--no-watch".into(),
        "--max-concurrent-requests".into(),
        "4".into(),
        // Four seconds, not two: the other client must see the slots taken before the watchdog
        // frees them, and under a full test run two seconds were once missed (a CI-only flake).
        "--request-timeout".into(),
        "4".into(),
    ];
    let server = Server::start(&args);
    let mut client = server.ready_client().await;
    let request = {
        use prost::Message;
        let body = party("Aleksandr Lukashenko").encode_to_vec();
        let mut framed = vec![0u8];
        framed.extend_from_slice(&u32::try_from(body.len()).expect("small").to_be_bytes());
        framed.extend_from_slice(&body);
        framed
    };
    let mut stalled = tokio::net::TcpStream::connect(&server.addr).await.expect("connects");
    let mut opening = b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".to_vec();
    // SETTINGS_INITIAL_WINDOW_SIZE (4) = 0: the server may send no data on any stream.
    opening.extend(h2_frame(0x4, 0, 0, &[0, 4, 0, 0, 0, 0]));
    for k in 0..4u32 {
        let stream = 1 + 2 * k;
        let mut headers = Vec::new();
        for (n, v) in [
            (":method", "POST"),
            (":scheme", "http"),
            (":path", "/screening.v1.ScreeningService/ScreenParty"),
            (":authority", "localhost"),
            ("content-type", "application/grpc"),
            ("te", "trailers"),
        ] {
            headers.extend(hpack_literal(n, v));
        }
        opening.extend(h2_frame(0x1, 0x4, stream, &headers));
        opening.extend(h2_frame(0x0, 0x1, stream, &request));
    }
    stalled.write_all(&opening).await.expect("writes");
    // Its four calls hold the four slots: another client is turned away.
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        match client.screen_party(party("Aleksandr Lukashenko")).await {
            Err(e) if e.code() == Code::ResourceExhausted => break,
            _ if Instant::now() < deadline => tokio::time::sleep(Duration::from_millis(20)).await,
            other => panic!("four unread calls on four slots, yet another call got {other:?}"),
        }
    }
    // Within the timeout and the watchdog's second, the connection is closed (reads end) and
    // the others are served.
    let mut buf = vec![0u8; 65_536];
    let closed = tokio::time::timeout(Duration::from_secs(15), async {
        loop {
            match stalled.read(&mut buf).await {
                Ok(0) | Err(_) => break,
                Ok(_) => {}
            }
        }
    })
    .await;
    assert!(closed.is_ok(), "the connection that read nothing was not closed");
    let r = client.screen_party(party("Aleksandr Lukashenko")).await.expect("served again");
    assert_eq!(r.into_inner().decision, pb::Decision::Block as i32);
    assert!(server.drain_log().iter().any(|l| l.contains("had not read a response")), "the closing is logged");
}
