//! A URL source against a local HTTP server: conditional polling, updates, publisher failures,
//! and a restart that serves from the cache while the publisher is down.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use common::Server;
use screener::pb;

/// What the fake publisher answers.
#[derive(Clone)]
enum Mode {
    /// 200 with this body and ETag, or 304 when the request's If-None-Match matches.
    Serve(Arc<Vec<u8>>, String),
    Fail500,
}

/// (If-None-Match sent, status answered).
type Request = (Option<String>, u16);

struct Publisher {
    mode: Arc<Mutex<Mode>>,
    requests: Arc<Mutex<Vec<Request>>>,
    port: u16,
    stop: Arc<std::sync::atomic::AtomicBool>,
}

impl Publisher {
    fn start(mode: Mode) -> Publisher {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        let port = listener.local_addr().expect("addr").port();
        listener.set_nonblocking(true).expect("nonblocking");
        let mode = Arc::new(Mutex::new(mode));
        let requests = Arc::new(Mutex::new(Vec::new()));
        let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let (m, r, st) = (mode.clone(), requests.clone(), stop.clone());
        std::thread::spawn(move || {
            // Dropping the listener when stopped makes further connections fail (refused).
            while !st.load(std::sync::atomic::Ordering::Relaxed) {
                let Ok((stream, _)) = listener.accept() else {
                    std::thread::sleep(Duration::from_millis(10));
                    continue;
                };
                stream.set_nonblocking(false).expect("blocking");
                let mut reader = BufReader::new(stream.try_clone().expect("clone"));
                let mut etag = None;
                let mut line = String::new();
                while reader.read_line(&mut line).is_ok_and(|n| n > 0) {
                    if line == "\r\n" {
                        break;
                    }
                    if let Some(v) = line.to_ascii_lowercase().strip_prefix("if-none-match:") {
                        etag = Some(v.trim().to_string());
                    }
                    line.clear();
                }
                let mode = m.lock().expect("lock").clone();
                let mut out = stream;
                let status = match mode {
                    Mode::Serve(_, tag) if etag.as_deref() == Some(tag.to_lowercase().as_str()) => {
                        let _ = out.write_all(
                            format!("HTTP/1.1 304 Not Modified\r\nETag: {tag}\r\nConnection: close\r\n\r\n").as_bytes(),
                        );
                        304
                    }
                    Mode::Serve(body, tag) => {
                        let head = format!(
                            "HTTP/1.1 200 OK\r\nETag: {tag}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                            body.len()
                        );
                        let _ = out.write_all(head.as_bytes());
                        let _ = out.write_all(&body);
                        200
                    }
                    Mode::Fail500 => {
                        let _ = out.write_all(
                            b"HTTP/1.1 500 Internal Server Error\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
                        );
                        500
                    }
                };
                let _ = out.flush();
                let mut rest = Vec::new();
                let _ = reader.read_to_end(&mut rest);
                r.lock().expect("lock").push((etag, status));
            }
        });
        Publisher { mode, requests, port, stop }
    }

    fn set(&self, mode: Mode) {
        *self.mode.lock().expect("lock") = mode;
    }

    fn statuses(&self) -> Vec<u16> {
        self.requests.lock().expect("lock").iter().map(|r| r.1).collect()
    }
}

async fn version(
    client: &mut pb::screening_service_client::ScreeningServiceClient<tonic::transport::Channel>,
) -> String {
    client.get_list_status(pb::GetListStatusRequest {}).await.expect("status").into_inner().list_version
}

async fn wait_for<F: Fn(&[u16]) -> bool>(p: &Publisher, what: &str, f: F) {
    let t0 = Instant::now();
    while !f(&p.statuses()) {
        assert!(t0.elapsed() < Duration::from_secs(15), "{what}: {:?}", p.statuses());
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn polled_url_source() {
    let uk = std::fs::read(common::uk()).expect("read");
    // A second publication: the same list with one more name variant appended (a new row of an
    // existing group), so it passes the gate and changes the content.
    let text = String::from_utf8(uk.clone()).expect("utf-8");
    let last = text.trim_end().lines().last().expect("row").replace("LUKASHENKA", "LUKASHENKOVA");
    let uk2 = format!("{}\r\n{last}\r\n", text.trim_end()).into_bytes();
    let publisher = Publisher::start(Mode::Serve(Arc::new(uk.clone()), "\"v1\"".into()));
    let cache = tempfile::tempdir().expect("tempdir");
    let args: Vec<String> = [
        "--source",
        &format!("uk-ofsi=http://127.0.0.1:{}/ConList.csv", publisher.port),
        "--allow-http",
        "--cache-dir",
        &cache.path().display().to_string(),
        "--poll-interval",
        "1",
        "--no-watch",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let server = Server::start(&args);
    let mut client = server.ready_client().await;
    let v1 = version(&mut client).await;

    // 304s: conditional requests with the ETag, no reload.
    wait_for(&publisher, "two 304s", |s| s.iter().filter(|x| **x == 304).count() >= 2).await;
    assert!(publisher.requests.lock().expect("lock").iter().skip(1).all(|r| r.0.as_deref() == Some("\"v1\"")));
    assert_eq!(version(&mut client).await, v1);

    // A new body: reloaded.
    publisher.set(Mode::Serve(Arc::new(uk2), "\"v2\"".into()));
    let t0 = Instant::now();
    let v2 = loop {
        let v = version(&mut client).await;
        if v != v1 {
            break v;
        }
        assert!(t0.elapsed() < Duration::from_secs(15), "the new publication was not loaded");
        tokio::time::sleep(Duration::from_millis(50)).await;
    };

    // An error page with status 200 (a captive portal, a CDN's maintenance page): refused by the
    // gate, and kept out of what a restart serves.
    publisher.set(Mode::Serve(Arc::new(b"<html><body>Down for maintenance</body></html>\n".to_vec()), "\"v3\"".into()));
    let t0 = Instant::now();
    let refusal = loop {
        let status = client.get_list_status(pb::GetListStatusRequest {}).await.expect("status").into_inner();
        if let Some(s) = status.sources.iter().find(|s| !s.last_refusal.is_empty()) {
            break s.last_refusal.clone();
        }
        assert!(t0.elapsed() < Duration::from_secs(15), "the error page was not refused");
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    assert!(refusal.contains("Last Updated"), "{refusal}");
    assert_eq!(version(&mut client).await, v2);

    // 500, then a refused connection: the cached version keeps serving.
    publisher.set(Mode::Fail500);
    wait_for(&publisher, "a 500", |s| s.contains(&500)).await;
    publisher.stop.store(true, std::sync::atomic::Ordering::Relaxed);
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert_eq!(version(&mut client).await, v2);
    let r = client
        .screen_party(pb::ScreenPartyRequest {
            request_id: "x".into(),
            party: Some(pb::Party { name: "Aleksandr Lukashenko".into(), ..Default::default() }),
            ..Default::default()
        })
        .await
        .expect("still screening")
        .into_inner();
    assert_eq!(r.decision, pb::Decision::Block as i32);
    let log = server.drain_log().join("\n");
    assert!(log.contains("cached copy keeps serving"), "failures are logged");
    drop(server);

    // A restart while the publisher is down, with the error page in the cache, serves the last
    // accepted copy at once and says why.
    let server = Server::start(&args);
    let mut client = server.ready_client().await;
    assert_eq!(version(&mut client).await, v2);
    let status = client.get_list_status(pb::GetListStatusRequest {}).await.expect("status").into_inner();
    assert!(status.sources[0].last_refusal.starts_with("at start: "), "{:?}", status.sources[0]);
}
