//! Prometheus metrics, served on their own port (`--metrics-listen`, `/metrics`) so scraping
//! never competes with screening traffic and needs no gRPC. Labels never carry names, dates of
//! birth or identifiers: only RPC names, decisions, status codes and source kinds.

use std::net::SocketAddr;
use std::time::Duration;

use metrics::{counter, gauge, histogram};
use metrics_exporter_prometheus::PrometheusBuilder;

use crate::index::Snapshot;
use crate::model::SourceKind;

#[derive(Debug, thiserror::Error)]
#[error("cannot serve metrics on {addr}: {error}")]
pub struct MetricsError {
    addr: SocketAddr,
    error: String,
}

/// Starts the exporter's HTTP listener. Must run inside the Tokio runtime.
pub fn install(addr: SocketAddr) -> Result<(), MetricsError> {
    PrometheusBuilder::new()
        .with_http_listener(addr)
        .set_buckets(&[0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.1, 1.0])
        .map_err(|e| MetricsError { addr, error: e.to_string() })?
        .install()
        .map_err(|e| MetricsError { addr, error: e.to_string() })
}

/// One finished RPC: `outcome` is the decision for screening calls, or the gRPC code of an error.
pub fn rpc(rpc: &'static str, outcome: &'static str, elapsed: Duration) {
    counter!("screener_rpc_requests_total", "rpc" => rpc, "outcome" => outcome).increment(1);
    histogram!("screener_rpc_duration_seconds", "rpc" => rpc, "outcome" => outcome).record(elapsed.as_secs_f64());
}

/// The lists now serving: entities per source, when each publication was loaded, the version.
pub fn snapshot(s: &Snapshot) {
    for src in &s.sources {
        let kind = src.kind.as_str();
        gauge!("screener_list_entities", "source" => kind, "scope" => "in_scope").set(src.entities_in_scope as f64);
        gauge!("screener_list_entities", "source" => kind, "scope" => "total").set(src.entities_total as f64);
        if let Ok(t) = time::OffsetDateTime::parse(&src.loaded_at, &time::format_description::well_known::Rfc3339) {
            gauge!("screener_list_loaded_timestamp_seconds", "source" => kind).set(t.unix_timestamp() as f64);
        }
    }
    gauge!("screener_snapshot_entities").set(s.entity_count() as f64);
}

/// Seconds since each source's serving publication was loaded, for an alert when a publisher
/// stops updating (or the poller stops fetching); and the staleness alarm: the publication's age
/// by the date it is judged by (see `SourceInfo::published`) and whether that passed the
/// source's `--max-list-age`.
pub fn ages(s: &Snapshot) {
    let now = time::OffsetDateTime::now_utc();
    for src in &s.sources {
        let kind = src.kind.as_str();
        if let Ok(t) = time::OffsetDateTime::parse(&src.loaded_at, &time::format_description::well_known::Rfc3339) {
            gauge!("screener_list_age_seconds", "source" => kind).set((now - t).as_seconds_f64());
        }
        if let Some(p) = src.published {
            gauge!("screener_list_publication_age_seconds", "source" => kind).set((now - p).as_seconds_f64());
        }
        gauge!("screener_list_stale", "source" => kind).set(if src.stale(now) { 1.0 } else { 0.0 });
    }
}

/// A reload: its outcome ("changed", "unchanged", "refused", "failed") and how long it took.
pub fn reload(outcome: &'static str, elapsed: Duration) {
    counter!("screener_reloads_total", "outcome" => outcome).increment(1);
    histogram!("screener_reload_duration_seconds").record(elapsed.as_secs_f64());
    gauge!("screener_last_reload_success").set(if outcome == "refused" || outcome == "failed" { 0.0 } else { 1.0 });
    gauge!("screener_last_reload_duration_seconds").set(elapsed.as_secs_f64());
}

/// A publication the validation gate refused.
pub fn refused(source: SourceKind) {
    counter!("screener_publications_refused_total", "source" => source.as_str()).increment(1);
}
