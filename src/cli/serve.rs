//! `screener serve`: validates the settings, starts logging and tracing, and serves until
//! Ctrl-C or SIGTERM.

use anyhow::Context;

use crate::config::{ServeConfig, Settings};
use crate::telemetry::Telemetry;

/// `screener serve`: the handler of the subcommand.
pub fn command(settings: &Settings) -> anyhow::Result<()> {
    let config = ServeConfig::from_settings(settings)?;
    let runtime = tokio::runtime::Runtime::new().context("starting the async runtime")?;
    runtime.block_on(async {
        let telemetry = Telemetry::init(config.log_format)?;
        let served = crate::server::serve(config, shutdown_signal()).await;
        // Flushing the last spans blocks on the exporter: off the async workers.
        let _ = tokio::task::spawn_blocking(move || telemetry.shutdown()).await;
        served?;
        anyhow::Ok(())
    })
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
