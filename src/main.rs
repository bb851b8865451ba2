//! The `screener` binary: parses the command line, sets up logging, runs the chosen command.
#![forbid(unsafe_code)]

use anyhow::Context;
use clap::Parser;
use screener::config::{Cli, Command, CompareArgs, MessageFormatArg, ScreenMessageArgs, ServeConfig};
use screener::telemetry::Telemetry;

fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    match cli.command {
        Command::Serve(args) => {
            let config = ServeConfig::from_args(&args)?;
            let runtime = tokio::runtime::Runtime::new().context("starting the async runtime")?;
            runtime.block_on(async {
                let telemetry = Telemetry::init(config.log_format)?;
                let served = screener::server::serve(config, shutdown_signal()).await;
                // Flushing the last spans blocks on the exporter: off the async workers.
                let _ = tokio::task::spawn_blocking(move || telemetry.shutdown()).await;
                served?;
                anyhow::Ok(())
            })
        }
        Command::Compare(args) => compare(&args),
        Command::ScreenMessage(args) => screen_message(&args),
        Command::CheckConfig(args) => {
            let c = ServeConfig::from_args(&args)?;
            let summary = serde_json::json!({
                "listen": c.listen.to_string(),
                "sources": c.sources.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
                "regime": c.regime.as_str(),
                "review_threshold": c.thresholds.review,
                "block_threshold": c.thresholds.block,
                "max_message_bytes": c.max_message_bytes,
                "max_shrink": c.max_shrink,
                "max_scope_shrink": c.max_scope_shrink,
                "allow_missing_companions": c.allow_missing_companions,
                "max_concurrent_requests": c.admission.unary.total,
                "max_requests_per_connection": c.admission.unary.per_connection,
                "max_streams": c.admission.streams.total,
                "max_streams_per_connection": c.admission.streams.per_connection,
                "stream_timeout_s": c.admission.stream_timeout.as_secs_f64(),
                "stream_idle_timeout_s": c.stream_idle_timeout.as_secs_f64(),
                "watch": c.watch,
                "poll_interval_s": c.poll_interval.as_secs(),
                "shutdown_grace_s": c.shutdown_grace.as_secs_f64(),
                "good_guys": c.good_guys.as_ref().map(|p| p.display().to_string()),
                "metrics_listen": c.metrics_listen.map(|a| a.to_string()),
                "audit_log": c.audit_log.as_ref().map(|p| p.display().to_string()),
                "telemetry_hash_key_file": c.telemetry_hash_key_file.as_ref().map(|p| p.display().to_string()),
                "telemetry_raw_values": c.telemetry_raw_values,
            });
            println!("{summary:#}");
            Ok(())
        }
    }
}

fn compare(args: &CompareArgs) -> anyhow::Result<()> {
    let (sources, thresholds) = args.resolve()?;
    let weights = if sources.is_empty() {
        eprintln!("screener compare: no --source given, so organisation words all weigh the same; pass the server's sources to get its scores exactly");
        std::sync::Arc::new(screener::index::ListStats::from_sources(&[]))
    } else {
        screener::store::load(&sources, screener::model::Regime::All)?.stats().clone()
    };
    let stdout = std::io::stdout().lock();
    let failures = match &args.input {
        Some(p) => {
            let f = std::fs::File::open(p).with_context(|| format!("cannot open {}", p.display()))?;
            screener::compare::run(std::io::BufReader::new(f), stdout, &thresholds, &weights)?
        }
        None => screener::compare::run(std::io::stdin().lock(), stdout, &thresholds, &weights)?,
    };
    if failures > 0 {
        anyhow::bail!("{failures} line(s) could not be compared (see their \"error\")");
    }
    Ok(())
}

fn screen_message(args: &ScreenMessageArgs) -> anyhow::Result<()> {
    let (sources, thresholds, regime) = args.resolve()?;
    let snapshot = screener::store::load(&sources, regime)?;
    let format = match args.format {
        MessageFormatArg::Detect => screener::message::Format::Detect,
        MessageFormatArg::Iso20022 => screener::message::Format::Iso20022,
        MessageFormatArg::SwiftMt => screener::message::Format::SwiftMt,
    };
    let failures =
        screener::screen_message::run(&args.files, std::io::stdout().lock(), &snapshot, &thresholds, format)?;
    if failures > 0 {
        anyhow::bail!("{failures} file(s) could not be screened (see their \"error\")");
    }
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
}
