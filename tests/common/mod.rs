//! Shared test support: paths to the real list files and a real server process.
#![allow(dead_code)]

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use screener::pb::screening_service_client::ScreeningServiceClient;
use tonic::transport::Channel;
use tonic_health::pb::health_check_response::ServingStatus;
use tonic_health::pb::health_client::HealthClient;
use tonic_health::pb::HealthCheckRequest;

/// `../shared/data` beside the repository (where CI puts it), or `SCREENER_DATA`.
pub fn data_dir() -> PathBuf {
    std::env::var_os("SCREENER_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data"))
}

pub fn eval_file() -> PathBuf {
    data_dir().join("../eval/dev.jsonl")
}

pub fn canada() -> PathBuf {
    data_dir().join("canada/sema-lmes_2025-09-22.xml")
}

pub fn ofac(date: &str) -> PathBuf {
    data_dir().join(format!("ofac/sdn_{date}.csv"))
}

pub fn uk() -> PathBuf {
    data_dir().join("uk/ConList_2025-04-10.csv")
}

/// The three real lists as `serve` arguments.
pub fn real_source_args() -> Vec<String> {
    real_sources().into_iter().flat_map(|s| ["--source".to_string(), s]).collect()
}

/// The three real lists as `KIND=PATH` specs.
pub fn real_sources() -> Vec<String> {
    vec![
        format!("ca-sema={}", canada().display()),
        format!("us-ofac-sdn={}", ofac("2023-12-28").display()),
        format!("uk-ofsi={}", uk().display()),
    ]
}

/// A running `screener serve` on an ephemeral port, killed on drop.
pub struct Server {
    pub child: Child,
    pub addr: String,
    pub log: mpsc::Receiver<String>,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn screener_command() -> Command {
    Command::new(env!("CARGO_BIN_EXE_screener"))
}

impl Server {
    /// Starts the real binary with `args` after `serve --listen 127.0.0.1:0` and waits for its
    /// "listening on" log line.
    pub fn start(args: &[String]) -> Server {
        Server::start_with_env(args, &[])
    }

    /// As [`Server::start`], with extra environment variables.
    pub fn start_with_env(args: &[String], env: &[(&str, &str)]) -> Server {
        let mut cmd = screener_command();
        cmd.args(["serve", "--listen", "127.0.0.1:0"]).args(args);
        cmd.envs(env.iter().copied());
        cmd.env("RUST_LOG", "info").env("NO_COLOR", "1").stdout(Stdio::null()).stderr(Stdio::piped());
        let mut child = cmd.spawn().expect("the screener binary starts");
        let Some(stderr) = child.stderr.take() else {
            let _ = child.kill();
            let _ = child.wait();
            panic!("stderr is piped");
        };
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            let line =
                rx.recv_timeout(deadline.saturating_duration_since(Instant::now())).expect("server logs its address");
            if let Some(rest) = strip_ansi(&line).split("listening on ").nth(1) {
                // Text or JSON logs: the address ends at the first character an address lacks.
                let addr: String =
                    rest.chars().take_while(|c| c.is_ascii_alphanumeric() || ".:[]".contains(*c)).collect();
                return Server { child, addr, log: rx };
            }
        }
    }

    pub fn endpoint(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Waits until health reports SERVING, then returns a screening client.
    pub async fn ready_client(&self) -> ScreeningServiceClient<Channel> {
        let channel = Channel::from_shared(self.endpoint()).expect("uri").connect().await.expect("connects");
        let mut health = HealthClient::new(channel.clone());
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            let status = health
                .check(HealthCheckRequest { service: String::new() })
                .await
                .map(|r| r.into_inner().status)
                .unwrap_or_default();
            if status == ServingStatus::Serving as i32 {
                break;
            }
            assert!(Instant::now() < deadline, "server did not become SERVING");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        ScreeningServiceClient::new(channel)
    }

    /// Log lines received so far.
    pub fn drain_log(&self) -> Vec<String> {
        self.log.try_iter().map(|l| strip_ansi(&l)).collect()
    }
}

pub fn strip_ansi(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for d in chars.by_ref() {
                if d.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// The AdminService bearer token the tests' servers accept (see [`admin_token_args`]).
pub const ADMIN_TOKEN: &str = "test-admin-token-0123456789abcdef";

/// `--admin-token-file` for [`ADMIN_TOKEN`]; keep the returned directory alive while the server runs.
pub fn admin_token_args() -> (tempfile::TempDir, Vec<String>) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("admin.token");
    std::fs::write(&path, format!("{ADMIN_TOKEN}\n")).expect("write token");
    (dir, vec!["--admin-token-file".to_string(), path.display().to_string()])
}

/// A request carrying the admin bearer token.
pub fn as_admin<T>(message: T) -> tonic::Request<T> {
    let mut r = tonic::Request::new(message);
    r.metadata_mut().insert("authorization", format!("Bearer {ADMIN_TOKEN}").parse().expect("ascii"));
    r
}

/// A TCP port free at the moment of asking (for `--metrics-listen`).
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").expect("bind").local_addr().expect("addr").port()
}

/// The Prometheus text served on `port`, with the HTTP status line and headers.
pub fn scrape(port: u16) -> String {
    use std::io::{Read, Write};
    let mut s = std::net::TcpStream::connect(("127.0.0.1", port)).expect("metrics port");
    s.write_all(b"GET /metrics HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").expect("write");
    let mut out = String::new();
    s.read_to_string(&mut out).expect("read");
    out
}
