//! Shared test support: paths to the real list files and a real server process.
#![allow(dead_code)]

use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{mpsc, Arc, Mutex};
use std::time::{Duration, Instant};

use screener::pb::screening_service_client::ScreeningServiceClient;
use tonic::transport::Channel;
use tonic_health::pb::health_check_response::ServingStatus;
use tonic_health::pb::health_client::HealthClient;
use tonic_health::pb::HealthCheckRequest;

/// The list files the tests read: the excerpts of the official publications committed in
/// `tests/data/lists` (`tests/data/MANIFEST.md`), always, so that a fresh clone and CI test the same
/// data; or `SCREENER_DATA`, a directory laid out the same way (e.g. `../shared/data`). Figures
/// only the full publications have are tested on [`full_data_dir`].
pub fn data_dir() -> PathBuf {
    std::env::var_os("SCREENER_DATA").map(PathBuf::from).unwrap_or_else(excerpts_dir)
}

/// The committed excerpts, `tests/data/lists`.
pub fn excerpts_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/lists")
}

/// Whether [`data_dir`] is the committed excerpts (whose exact totals the tests know).
pub fn using_excerpts() -> bool {
    data_dir() == excerpts_dir()
}

/// The full official publications, for the few tests of what only they have (totals, `--regime
/// all` counts): `SCREENER_FULL_DATA`, else `../shared/data` beside the repository. When they are
/// not there, prints one line (past the test harness's capture) saying that `what` was skipped and
/// why, and returns `None`: a skip is never a silent pass.
pub fn full_data_dir(what: &str) -> Option<PathBuf> {
    let dir = std::env::var_os("SCREENER_FULL_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data"));
    if dir.join("canada/sema-lmes_2025-09-22.xml").is_file() {
        return Some(dir);
    }
    let _ = writeln!(
        std::io::stderr(),
        "SKIPPED {what}: needs the full publications, not found in {} (set SCREENER_FULL_DATA)",
        dir.display()
    );
    None
}

/// The three lists in `dir` (laid out as [`data_dir`]) as `KIND=PATH` specs.
pub fn sources_in(dir: &Path) -> Vec<String> {
    vec![
        format!("ca-sema={}", dir.join("canada/sema-lmes_2025-09-22.xml").display()),
        format!("us-ofac-sdn={}", dir.join("ofac/sdn_2023-12-28.csv").display()),
        format!("uk-ofsi={}", dir.join("uk/ConList_2025-04-10.csv").display()),
    ]
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

/// The Japanese MOF workbook, a real publication copied whole.
pub fn japan() -> PathBuf {
    data_dir().join("japan/mof-asset-freeze_2026-03-05.xlsx")
}

/// A hand-written fixture in `tests/data/lists/fixtures` (no real publication of that format is
/// available here; see `tests/data/MANIFEST.md`). Always the committed copy, whatever
/// `SCREENER_DATA` says: the full publications do not include them.
pub fn fixture(name: &str) -> PathBuf {
    excerpts_dir().join("fixtures").join(name)
}

/// The FCDO UK Sanctions List fixture (XML).
pub fn uk_fcdo() -> PathBuf {
    fixture("UK-Sanctions-List_fixture.xml")
}

/// The EU Financial Sanctions Files fixture (XML 1.1).
pub fn eu_fsf() -> PathBuf {
    fixture("eu-fsf-xml-1.1_fixture.xml")
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
    /// Where `/metrics` is served, as logged at start (`--metrics-listen 127.0.0.1:0` asks for
    /// any free port; a port chosen free beforehand was taken by another test's server in CI).
    pub metrics_addr: Option<String>,
    /// The server's first and last log lines, for the message when it fails to start.
    pub tail: Arc<Mutex<LogTail>>,
}

/// The first and last [`LogTail::KEEP`] lines a server wrote to stderr, and whether stderr has
/// closed. The first lines are kept as well because an error printed with a backtace
/// (`RUST_BACKTRACE` set, as in CI) leaves only stack frames at the end.
#[derive(Default)]
pub struct LogTail {
    pub head: Vec<String>,
    pub lines: VecDeque<String>,
    pub dropped: usize,
    pub closed: bool,
}

impl LogTail {
    pub const KEEP: usize = 20;

    fn push(&mut self, line: String) {
        if self.head.len() < Self::KEEP {
            self.head.push(line);
            return;
        }
        if self.lines.len() == Self::KEEP {
            self.lines.pop_front();
            self.dropped += 1;
        }
        self.lines.push_back(line);
    }

    /// The kept lines, indented, for a panic message.
    pub fn render(tail: &Mutex<LogTail>) -> String {
        let t = tail.lock().unwrap_or_else(|e| e.into_inner());
        if t.head.is_empty() {
            return "  (it logged nothing)".to_string();
        }
        let mut out: Vec<String> = t.head.iter().map(|l| format!("  {l}")).collect();
        if t.dropped > 0 {
            out.push(format!("  … {} lines …", t.dropped));
        }
        out.extend(t.lines.iter().map(|l| format!("  {l}")));
        out.join("\n")
    }
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
        let tail = Arc::new(Mutex::new(LogTail::default()));
        let tail_writer = tail.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                tail_writer.lock().unwrap_or_else(|e| e.into_inner()).push(strip_ansi(&line));
                if tx.send(line).is_err() {
                    break;
                }
            }
            tail_writer.lock().unwrap_or_else(|e| e.into_inner()).closed = true;
        });
        let deadline = Instant::now() + Duration::from_secs(60);
        let mut metrics_addr = None;
        loop {
            let line = match rx.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
                Ok(line) => line,
                Err(e) => {
                    let why = if e == mpsc::RecvTimeoutError::Timeout {
                        let _ = child.kill();
                        "no \"listening on\" line in 60 s".to_string()
                    } else {
                        "it exited".to_string()
                    };
                    let status = child.wait().map(|s| s.to_string()).unwrap_or_else(|e| e.to_string());
                    panic!(
                        "the server did not start ({why}; {status}): screener serve {}\nits last log lines:\n{}",
                        args.join(" "),
                        LogTail::render(&tail)
                    );
                }
            };
            // Text or JSON logs: an address ends at the first character an address lacks.
            let address = |rest: &str| -> String {
                rest.chars().take_while(|c| c.is_ascii_alphanumeric() || ".:[]".contains(*c)).collect()
            };
            let line = strip_ansi(&line);
            if let Some(rest) = line.split("metrics at http://").nth(1) {
                metrics_addr = Some(address(rest));
            }
            if let Some(rest) = line.split("listening on ").nth(1) {
                return Server { child, addr: address(rest), log: rx, metrics_addr, tail };
            }
        }
    }

    /// Panics saying why the server is not SERVING, with its last log lines.
    fn not_serving(&self, why: &str) -> ! {
        panic!(
            "server {} did not become SERVING: {why}\nits last log lines:\n{}",
            self.addr,
            LogTail::render(&self.tail)
        )
    }

    /// The port `/metrics` is served on; the server must have been started with
    /// `--metrics-listen 127.0.0.1:0`.
    pub fn metrics_port(&self) -> u16 {
        self.metrics_addr
            .as_deref()
            .and_then(|a| a.rsplit(':').next())
            .and_then(|p| p.parse().ok())
            .unwrap_or_else(|| panic!("the server logged no metrics address: {:?}", self.metrics_addr))
    }

    pub fn endpoint(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Waits until health reports SERVING, then returns a screening client.
    pub async fn ready_client(&self) -> ScreeningServiceClient<Channel> {
        let channel = match Channel::from_shared(self.endpoint()).expect("uri").connect().await {
            Ok(channel) => channel,
            Err(e) => self.not_serving(&format!("cannot connect: {e}")),
        };
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
            if self.tail.lock().unwrap_or_else(|e| e.into_inner()).closed {
                self.not_serving("it exited");
            }
            if Instant::now() >= deadline {
                self.not_serving("still not SERVING after 60 s");
            }
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

/// The Prometheus text served on `port`, with the HTTP status line and headers.
pub fn scrape(port: u16) -> String {
    use std::io::{Read, Write};
    let mut s = std::net::TcpStream::connect(("127.0.0.1", port)).expect("metrics port");
    s.write_all(b"GET /metrics HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").expect("write");
    let mut out = String::new();
    s.read_to_string(&mut out).expect("read");
    out
}
