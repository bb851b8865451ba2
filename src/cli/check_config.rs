//! `screener check-config`: validates the settings `serve` would run with (flags, environment,
//! file) and prints them as JSON, without loading lists or listening.

use crate::config::{ServeArgs, ServeConfig};

/// `screener check-config`: the handler of the subcommand.
pub fn command(args: &ServeArgs) -> anyhow::Result<()> {
    let c = ServeConfig::from_args(args)?;
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
