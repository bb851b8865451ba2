//! End-to-end load benchmark against the real release server with the real lists.
//!
//! In one run and on the same connection settings it drives (a) the gRPC health `Check`, a call
//! that does no screening on the same server stack (the baseline), then (b) `ScreenParty` with
//! the dev set's names (listed and unlisted, all scripts, in file order), and `ScreenMessage` with a
//! typical clean pacs.008 (`tests/data/messages/pacs008_clean.xml`), and `ScreenParty` with an
//! unlisted person (CLEAR) and a person on all three lists (BLOCK, three matches), each decision
//! checked, then (c) `ScreenStream`
//! for bulk re-screening; it reports requests per second, latency percentiles, every error by
//! gRPC status (each response is checked, unlike h2load, which counts a gRPC error inside an
//! HTTP 200 as a success), each phase's share of the baseline, the server's memory, and the time from
//! a list file change to the new lists serving.
//!
//! ```text
//! cargo build --release && cargo run --release --example load -- --connections 16 --seconds 10
//! ```
//!
//! The load generator runs on the same machine as the server and takes CPU from it; ratios
//! against the baseline, measured the same way in the same run, are what compare across
//! machines.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use clap::Parser;
use screener::pb;
use screener::pb::screening_service_client::ScreeningServiceClient;
use tonic::transport::Channel;
use tonic_health::pb::health_client::HealthClient;

#[derive(Parser, Debug)]
struct Args {
    /// HTTP/2 connections (each its own TCP connection).
    #[arg(long, default_value_t = 16)]
    connections: usize,
    /// Calls in flight per connection.
    #[arg(long, default_value_t = 2)]
    in_flight: usize,
    /// Seconds per phase (after one second of warm-up).
    #[arg(long, default_value_t = 5)]
    seconds: u64,
    /// `belarus` or `all`.
    #[arg(long, default_value = "belarus")]
    regime: String,
    /// Rounds of (baseline, ScreenParty), alternated so that drift in the machine's load hits
    /// both alike; the ratio reported is the median of the rounds'.
    #[arg(long, default_value_t = 3)]
    rounds: usize,
    /// Parties per ScreenStream phase.
    #[arg(long, default_value_t = 200_000)]
    stream_parties: usize,
    /// Where the list files and the dev set are (`../shared/data`).
    #[arg(long, env = "SCREENER_DATA", default_value = "../shared/data")]
    data: PathBuf,
}

struct Server {
    child: Child,
    addr: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start(sources: &[String], regime: &str) -> anyhow::Result<Server> {
    let bin = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/release/screener");
    anyhow::ensure!(bin.exists(), "{} is missing: run `cargo build --release` first", bin.display());
    let mut cmd = Command::new(bin);
    cmd.args(["serve", "--listen", "127.0.0.1:0", "--regime", regime, "--max-concurrent-requests", "100000"]);
    for s in sources {
        cmd.args(["--source", s]);
    }
    cmd.env("RUST_LOG", "warn,screener::server=info").env("NO_COLOR", "1").stdout(Stdio::null()).stderr(Stdio::piped());
    let mut child = cmd.spawn()?;
    let stderr = child.stderr.take().ok_or_else(|| anyhow::anyhow!("no stderr"))?;
    let mut lines = BufReader::new(stderr).lines();
    let addr = loop {
        let line = lines.next().ok_or_else(|| anyhow::anyhow!("server exited before listening"))??;
        if let Some(rest) = line.split("listening on ").nth(1) {
            break rest.chars().take_while(|c| c.is_ascii_alphanumeric() || ".:".contains(*c)).collect::<String>();
        }
    };
    std::thread::spawn(move || for _ in lines {});
    Ok(Server { child, addr })
}

async fn ready(addr: &str) -> anyhow::Result<Channel> {
    let channel = Channel::from_shared(format!("http://{addr}"))?.connect().await?;
    let mut health = HealthClient::new(channel.clone());
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        let r = health.check(tonic_health::pb::HealthCheckRequest { service: String::new() }).await;
        if r.is_ok_and(|r| r.into_inner().status == 1) {
            return Ok(channel);
        }
        anyhow::ensure!(Instant::now() < deadline, "server not SERVING after 120 s");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[derive(Default)]
struct Tally {
    latencies_us: Vec<u32>,
    errors: BTreeMap<String, u64>,
}

struct Phase {
    name: &'static str,
    rps: f64,
    p50: f64,
    p90: f64,
    p99: f64,
    ok: usize,
    errors: BTreeMap<String, u64>,
    /// CPU time per successful call over the measured seconds: the server's, and this load
    /// generator's (which takes it from the same cores).
    server_cpu_us: f64,
    client_cpu_us: f64,
}

/// Clock ticks per second of `/proc/<pid>/stat` times.
fn clk_tck() -> f64 {
    static TCK: std::sync::OnceLock<f64> = std::sync::OnceLock::new();
    *TCK.get_or_init(|| {
        Command::new("getconf")
            .arg("CLK_TCK")
            .output()
            .ok()
            .and_then(|o| String::from_utf8_lossy(&o.stdout).trim().parse().ok())
            .unwrap_or(100.0)
    })
}

/// CPU time (user + system) a process has used so far, in seconds (`pid` may be `self`).
fn cpu_seconds(pid: &str) -> f64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    // The command name may hold spaces: fields are counted after its closing parenthesis, where
    // the state (field 3) comes first, so utime and stime (fields 14 and 15) are 11 and 12.
    let after = stat.rsplit_once(')').map(|(_, rest)| rest).unwrap_or_default();
    let ticks: f64 = after.split_whitespace().skip(11).take(2).filter_map(|x| x.parse::<f64>().ok()).sum();
    ticks / clk_tck()
}

fn pct(sorted: &[u32], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    sorted[((sorted.len() - 1) as f64 * p).round() as usize] as f64 / 1000.0
}

/// Runs `call` from `connections × in_flight` tasks for `seconds` after a one-second warm-up.
async fn phase<F, Fut>(name: &'static str, server_pid: u32, channels: &[Channel], args: &Args, call: F) -> Phase
where
    F: Fn(Channel, usize) -> Fut + Send + Sync + 'static,
    Fut: std::future::Future<Output = Result<(), tonic::Status>> + Send,
{
    let call = Arc::new(call);
    let warm = Instant::now() + Duration::from_secs(1);
    let end = warm + Duration::from_secs(args.seconds);
    let cpu = tokio::spawn(async move {
        let server = server_pid.to_string();
        tokio::time::sleep_until(warm.into()).await;
        let (s0, c0) = (cpu_seconds(&server), cpu_seconds("self"));
        tokio::time::sleep_until(end.into()).await;
        (cpu_seconds(&server) - s0, cpu_seconds("self") - c0)
    });
    let mut tasks = Vec::new();
    for (c, channel) in channels.iter().enumerate() {
        for k in 0..args.in_flight {
            let (call, channel) = (call.clone(), channel.clone());
            let mut i = (c * args.in_flight + k) * 7919;
            tasks.push(tokio::spawn(async move {
                let mut t = Tally::default();
                loop {
                    let started = Instant::now();
                    if started >= end {
                        break;
                    }
                    let r = call(channel.clone(), i).await;
                    i += 1;
                    if started < warm {
                        continue;
                    }
                    match r {
                        Ok(()) => t.latencies_us.push(started.elapsed().as_micros().min(u32::MAX as u128) as u32),
                        Err(s) => *t.errors.entry(format!("{:?}", s.code())).or_default() += 1,
                    }
                }
                t
            }));
        }
    }
    let mut all = Tally::default();
    for task in tasks {
        if let Ok(t) = task.await {
            all.latencies_us.extend(t.latencies_us);
            for (k, v) in t.errors {
                *all.errors.entry(k).or_default() += v;
            }
        }
    }
    all.latencies_us.sort_unstable();
    let n = all.latencies_us.len();
    let (server_cpu, client_cpu) = cpu.await.unwrap_or_default();
    let per_call = |secs: f64| if n > 0 { secs * 1e6 / n as f64 } else { 0.0 };
    Phase {
        name,
        rps: n as f64 / args.seconds as f64,
        p50: pct(&all.latencies_us, 0.5),
        p90: pct(&all.latencies_us, 0.9),
        p99: pct(&all.latencies_us, 0.99),
        ok: n,
        errors: all.errors,
        server_cpu_us: per_call(server_cpu),
        client_cpu_us: per_call(client_cpu),
    }
}

fn dev_parties(data: &Path) -> anyhow::Result<Vec<pb::Party>> {
    let text = std::fs::read_to_string(data.join("../eval/dev.jsonl"))?;
    let mut out = Vec::new();
    for line in text.lines() {
        let v: serde_json::Value = serde_json::from_str(line)?;
        let p = &v["party"];
        out.push(pb::Party {
            name: p["name"].as_str().unwrap_or_default().to_string(),
            r#type: match p["type"].as_str() {
                Some("PERSON") => pb::PartyType::Person as i32,
                Some("ORGANIZATION") => pb::PartyType::Organization as i32,
                _ => 0,
            },
            date_of_birth: p["date_of_birth"].as_str().unwrap_or_default().to_string(),
            country: p["country"].as_str().unwrap_or_default().to_string(),
            ..Default::default()
        });
    }
    anyhow::ensure!(!out.is_empty(), "no parties in the dev set");
    Ok(out)
}

/// Peak and current resident memory of the server, from /proc.
fn memory(pid: u32) -> String {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let field = |k: &str| {
        status.lines().find(|l| l.starts_with(k)).and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
    };
    match (field("VmHWM:"), field("VmRSS:")) {
        (Some(peak), Some(now)) => format!("peak RSS {:.0} MiB, now {:.0} MiB", peak / 1024.0, now / 1024.0),
        _ => "unknown".into(),
    }
}

/// Time from replacing the OFAC file (2023 → 2024 publication, an atomic rename as a deploy
/// would do) to `GetListStatus` showing the new list version.
async fn reload_time(data: &Path, regime: &str) -> anyhow::Result<Duration> {
    let dir = tempfile::tempdir()?;
    let ofac = dir.path().join("sdn.csv");
    std::fs::copy(data.join("ofac/sdn_2023-12-28.csv"), &ofac)?;
    for companion in ["alt", "add", "sdn_comments"] {
        let _ = std::fs::copy(
            data.join(format!("ofac/{companion}_2023-12-28.csv")),
            dir.path().join(format!("{companion}.csv")),
        );
    }
    let sources = vec![
        format!("ca-sema={}", data.join("canada/sema-lmes_2025-09-22.xml").display()),
        format!("us-ofac-sdn={}", ofac.display()),
        format!("uk-ofsi={}", data.join("uk/ConList_2025-04-10.csv").display()),
    ];
    let server = start(&sources, regime)?;
    let channel = ready(&server.addr).await?;
    let mut client = ScreeningServiceClient::new(channel);
    let status = |c: &mut ScreeningServiceClient<Channel>| {
        let mut c = c.clone();
        async move { c.get_list_status(pb::GetListStatusRequest {}).await.map(|r| r.into_inner().list_version) }
    };
    let before = status(&mut client).await?;
    let staged = dir.path().join("sdn.csv.new");
    std::fs::copy(data.join("ofac/sdn_2024-05-03.csv"), &staged)?;
    let changed = Instant::now();
    std::fs::rename(&staged, &ofac)?;
    loop {
        if status(&mut client).await? != before {
            return Ok(changed.elapsed());
        }
        anyhow::ensure!(changed.elapsed() < Duration::from_secs(60), "the change was not served within 60 s");
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
}

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    runtime.block_on(run(args))
}

async fn run(args: Args) -> anyhow::Result<()> {
    let d = &args.data;
    let sources = vec![
        format!("ca-sema={}", d.join("canada/sema-lmes_2025-09-22.xml").display()),
        format!("us-ofac-sdn={}", d.join("ofac/sdn_2023-12-28.csv").display()),
        format!("uk-ofsi={}", d.join("uk/ConList_2025-04-10.csv").display()),
    ];
    let parties = Arc::new(dev_parties(d)?);
    let server = start(&sources, &args.regime)?;
    ready(&server.addr).await?;
    let loaded_memory = memory(server.child.id());
    let mut channels = Vec::new();
    for _ in 0..args.connections {
        // One Endpoint per connection: each connect() opens its own HTTP/2 connection.
        channels.push(Channel::from_shared(format!("http://{}", server.addr))?.connect().await?);
    }

    // A typical pacs.008 (two parties, two agents, remittance text), as `benches/message.rs`.
    let pacs008: Arc<str> =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/messages/pacs008_clean.xml"))?
            .into();
    let mut results: Vec<Vec<Phase>> = Vec::new();
    for _ in 0..args.rounds.max(1) {
        let baseline = phase("health Check (baseline)", server.child.id(), &channels, &args, |ch, _| async move {
            HealthClient::new(ch)
                .check(tonic_health::pb::HealthCheckRequest { service: String::new() })
                .await
                .map(|_| ())
        })
        .await;
        let ps = parties.clone();
        let screen = phase("ScreenParty (dev-set mix)", server.child.id(), &channels, &args, move |ch, i| {
            let party = ps[i % ps.len()].clone();
            async move {
                let r = ScreeningServiceClient::new(ch)
                    .screen_party(pb::ScreenPartyRequest { party: Some(party), ..Default::default() })
                    .await?;
                if r.get_ref().decision == pb::Decision::Unspecified as i32 {
                    return Err(tonic::Status::internal("no decision"));
                }
                Ok(())
            }
        })
        .await;
        let text = pacs008.clone();
        let message = phase("ScreenMessage (typical pacs.008)", server.child.id(), &channels, &args, move |ch, _| {
            let text = text.to_string();
            async move {
                let r = ScreeningServiceClient::new(ch)
                    .screen_message(pb::ScreenMessageRequest { message: text, ..Default::default() })
                    .await?;
                if r.get_ref().decision != pb::Decision::Clear as i32 {
                    return Err(tonic::Status::internal("the clean message did not come back CLEAR"));
                }
                Ok(())
            }
        })
        .await;
        // The two payloads issue 18 measures apart: the common case of a payment (an unlisted
        // person, CLEAR) and a person on all three lists (BLOCK, three matches).
        let mut fixed = Vec::new();
        for (name, party, want) in [
            ("ScreenParty CLEAR (an unlisted person)", "Maria Fernanda Gonzalez", pb::Decision::Clear),
            ("ScreenParty BLOCK (three lists)", "Aleksandr Grigoryevich Lukashenko", pb::Decision::Block),
        ] {
            let party = pb::Party { name: party.into(), r#type: pb::PartyType::Person as i32, ..Default::default() };
            fixed.push(
                phase(name, server.child.id(), &channels, &args, move |ch, _| {
                    let party = party.clone();
                    async move {
                        let r = ScreeningServiceClient::new(ch)
                            .screen_party(pb::ScreenPartyRequest { party: Some(party), ..Default::default() })
                            .await?;
                        let r = r.get_ref();
                        if r.decision != want as i32 || (want == pb::Decision::Block && r.matches.len() < 3) {
                            return Err(tonic::Status::internal("not the expected decision"));
                        }
                        Ok(())
                    }
                })
                .await,
            );
        }
        let mut round = vec![baseline, screen, message];
        round.extend(fixed);
        results.push(round);
    }

    // Bulk re-screening: one stream per connection, the parties split between them.
    let per_stream = args.stream_parties / args.connections.max(1);
    let started = Instant::now();
    let mut tasks = Vec::new();
    for (c, ch) in channels.iter().enumerate() {
        let (ch, ps) = (ch.clone(), parties.clone());
        tasks.push(tokio::spawn(async move {
            let items = (0..per_stream).map(move |k| pb::ScreenPartyRequest {
                party: Some(ps[(c * per_stream + k) % ps.len()].clone()),
                ..Default::default()
            });
            let mut out =
                ScreeningServiceClient::new(ch).screen_stream(futures_util::stream::iter(items)).await?.into_inner();
            let (mut ok, mut failed) = (0usize, 0usize);
            while let Some(r) = out.message().await? {
                if r.error.is_empty() {
                    ok += 1;
                } else {
                    failed += 1;
                }
            }
            Ok::<_, tonic::Status>((ok, failed))
        }));
    }
    let (mut streamed, mut stream_failed) = (0usize, 0usize);
    for t in tasks {
        let (ok, failed) = t.await??;
        streamed += ok;
        stream_failed += failed;
    }
    let stream_secs = started.elapsed().as_secs_f64();
    let after_memory = memory(server.child.id());
    drop(channels);
    drop(server);

    let cpus = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(0);
    let model = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|c| {
            c.lines()
                .find(|l| l.starts_with("model name"))
                .map(|l| l.split(':').nth(1).unwrap_or("").trim().to_string())
        })
        .unwrap_or_default();
    println!("machine: {cpus} CPUs ({model}); server and load generator share them");
    println!(
        "regime {}: {} connections × {} in flight, {} rounds of {} s per phase after 1 s warm-up\n",
        args.regime, args.connections, args.in_flight, args.rounds, args.seconds
    );
    println!(
        "| round | phase | req/s | p50 ms | p90 ms | p99 ms | ok | errors | server CPU µs/call | load generator CPU µs/call |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|");
    // Each phase's share of the health check's requests per second, round by round.
    let mut ratios: Vec<(&str, Vec<f64>)> = Vec::new();
    let mut failed_calls = false;
    for (round, phases) in results.iter().enumerate() {
        for p in phases {
            let errors = if p.errors.is_empty() { "none".to_string() } else { format!("{:?}", p.errors) };
            failed_calls |= !p.errors.is_empty();
            println!(
                "| {} | {} | {:.0} | {:.3} | {:.3} | {:.3} | {} | {} | {:.1} | {:.1} |",
                round + 1,
                p.name,
                p.rps,
                p.p50,
                p.p90,
                p.p99,
                p.ok,
                errors,
                p.server_cpu_us,
                p.client_cpu_us
            );
        }
        let baseline = phases[0].rps;
        for (i, p) in phases.iter().enumerate().skip(1) {
            if ratios.len() < i {
                ratios.push((p.name, Vec::new()));
            }
            ratios[i - 1].1.push(if baseline > 0.0 { p.rps / baseline } else { 0.0 });
        }
    }
    println!();
    for (name, mut r) in ratios {
        r.sort_by(f64::total_cmp);
        println!(
            "{name} / baseline requests per second: median {:.2} (rounds: {})",
            r[r.len() / 2],
            r.iter().map(|x| format!("{x:.2}")).collect::<Vec<_>>().join(", ")
        );
    }
    println!(
        "ScreenStream: {streamed} parties in {stream_secs:.2} s = {:.0} parties/s ({stream_failed} answered with an error)",
        streamed as f64 / stream_secs
    );
    println!("server memory: after loading {loaded_memory}; after the load {after_memory}");
    for regime in ["belarus", "all"] {
        match reload_time(d, regime).await {
            Ok(t) => println!("reload, --regime {regime}: file replaced → new lists serving in {:.0} ms (250 ms of it is the watch debounce)", t.as_secs_f64() * 1e3),
            Err(e) => println!("reload, --regime {regime}: {e}"),
        }
    }
    anyhow::ensure!(!failed_calls && stream_failed == 0, "calls failed (see errors)");
    Ok(())
}
