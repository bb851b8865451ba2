//! `screener serve`: validates the settings, starts logging and tracing, and serves until
//! Ctrl-C or SIGTERM.

use anyhow::Context;

use crate::config::{ServeConfig, Settings};
use crate::telemetry::Telemetry;

/// `screener serve`: the handler of the subcommand.
pub fn command(settings: &Settings) -> anyhow::Result<()> {
    let config = ServeConfig::from_settings(settings)?;
    if !config.telemetry_raw_values {
        quiet_panics();
    }
    let runtime = tokio::runtime::Runtime::new().context("starting the async runtime")?;
    let result = runtime.block_on(async {
        let telemetry = Telemetry::init(config.log_format)?;
        let served = crate::server::serve(config, shutdown_signal()).await;
        // Flushing the last spans blocks on the exporter: off the async workers, and not for ever.
        let _ = tokio::time::timeout(
            std::time::Duration::from_secs(5),
            tokio::task::spawn_blocking(move || telemetry.shutdown()),
        )
        .await;
        served?;
        anyhow::Ok(())
    });
    // Dropping the runtime waits for its blocking threads, and a list read blocked on a FIFO or a
    // hung file system never returns: shutdown gives them a moment, then exits without them.
    runtime.shutdown_timeout(BLOCKING_GRACE);
    result
}

/// Panics are logged by where they happened, without their message: a panic on the request path
/// (a defect, answered INTERNAL) may carry the screened name in its message, and names stay out
/// of default logs. `--telemetry-raw-values` keeps Rust's default report, message and all.
fn quiet_panics() {
    std::panic::set_hook(Box::new(|info| {
        let location = info.location().map(|l| format!("{}:{}", l.file(), l.line())).unwrap_or_default();
        let thread = std::thread::current().name().unwrap_or("unnamed").to_string();
        const WHAT: &str = "panic (a defect in screener); its message is not logged, since it may hold a screened name";
        if tracing::dispatcher::has_been_set() {
            tracing::error!(%location, %thread, "{WHAT}");
        } else {
            eprintln!("{WHAT}: at {location}, thread {thread}");
        }
    }));
}

/// How long shutdown waits for blocking work (a list being read) once serving has stopped.
const BLOCKING_GRACE: std::time::Duration = std::time::Duration::from_secs(2);

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
