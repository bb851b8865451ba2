//! Logs, traces and the decision audit log, and what keeps personal data out of them.
//!
//! Names, dates of birth and identifiers of screened parties are personal data, and telemetry
//! travels far (log pipelines, tracing back ends, other teams' dashboards). So spans, logs and
//! audit records carry decisions, scores, listed entity ids, list versions, request and trace ids,
//! and never what the client sent about the party. When an operator must tell whether two
//! records concern the same party, a *keyed* hash of the party's fingerprint is added
//! (HMAC-SHA256 under a key from `--telemetry-hash-key-file`): a plain hash of a name is no
//! protection, since anyone can hash candidate names and compare. Raw names appear only with
//! `--telemetry-raw-values`, a switch for a debugging session that logs a warning at start.
//!
//! Traces follow the OpenTelemetry environment variables (`OTEL_EXPORTER_OTLP_ENDPOINT`,
//! `OTEL_SERVICE_NAME`, `OTEL_TRACES_SAMPLER`, `OTEL_RESOURCE_ATTRIBUTES`, `OTEL_BSP_*` ...);
//! without an endpoint nothing is exported and spans cost next to nothing.

mod audit;
mod export;

use std::path::Path;

use hmac::{Hmac, Mac};
use opentelemetry::trace::TracerProvider as _;
use opentelemetry_sdk::trace::SdkTracerProvider;
use sha2::Sha256;
use tracing_subscriber::filter::{filter_fn, FilterExt, Targets};
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;
use tracing_subscriber::{EnvFilter, Layer, Registry};

pub use audit::{AuditLog, Decided, DecidedMatch, DecidedParty};

/// How logs are written to stderr (`--log-format`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, serde::Deserialize, serde::Serialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    #[default]
    Text,
    Json,
}

// The span fields and the call's trace are shared by the call-span layer (`layers`), which opens
// the span and finds the trace, and the service, which fills them: declared here, below both.

/// A span with the fields [`Recorder::decided`](crate::service::Recorder::decided) fills (empty
/// until then), after any fields of its own: the call's span and each streamed party's span
/// declare them in this one place.
macro_rules! decision_span {
    ($level:expr, $name:expr $(, $($field:tt)+)?) => {
        tracing::span!(
            $level,
            $name,
            $($($field)+,)?
            request_id = tracing::field::Empty,
            decision = tracing::field::Empty,
            match_count = tracing::field::Empty,
            top_score = tracing::field::Empty,
            list_version = tracing::field::Empty,
            party_count = tracing::field::Empty,
            party.hash = tracing::field::Empty,
            party.name = tracing::field::Empty,
        )
    };
}
pub(crate) use decision_span;

/// The trace a call belongs to, for the audit log: the server span's trace when spans are
/// exported, else the caller's trace from `traceparent`, else none.
#[derive(Debug, Clone, Default)]
pub struct RpcTrace {
    pub trace_id: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum TelemetryError {
    #[error("OpenTelemetry exporter: {0}")]
    Exporter(String),
    #[error("OTEL_EXPORTER_OTLP_PROTOCOL={0} is not supported: screener exports traces over OTLP/gRPC only (unset it, or set it to `grpc`)")]
    Protocol(String),
    #[error("logging is already initialised")]
    Init,
    #[error("cannot read the telemetry hash key {path}: {error}")]
    KeyFile { path: String, error: std::io::Error },
    #[error(
        "the telemetry hash key in {0} is shorter than 16 bytes; generate one with `head -c 32 /dev/urandom | base64`"
    )]
    KeyTooShort(String),
    #[error("cannot open the audit log {path}: {error}")]
    Audit { path: String, error: std::io::Error },
}

/// Keeps the trace pipeline alive; [`Telemetry::shutdown`] flushes the spans still queued.
pub struct Telemetry {
    provider: Option<SdkTracerProvider>,
}

/// Whether spans are exported: an OTLP endpoint is set and the SDK is not disabled.
fn export_wanted() -> bool {
    let set = |k: &str| std::env::var(k).is_ok_and(|v| !v.trim().is_empty());
    let disabled = std::env::var("OTEL_SDK_DISABLED").is_ok_and(|v| v.eq_ignore_ascii_case("true"))
        || std::env::var("OTEL_TRACES_EXPORTER").is_ok_and(|v| v.eq_ignore_ascii_case("none"));
    !disabled && (set("OTEL_EXPORTER_OTLP_ENDPOINT") || set("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"))
}

/// The log filter when `RUST_LOG` gives none: `info`, but the HTTP/2 stack's own warnings only
/// as errors. It warns once per connection of what a client did wrong (a rapid-reset flood wrote
/// 20,000 lines in 10 s from one client, an outside test); the server's answer to such clients is
/// its limits, which count what they refuse in metrics.
pub const DEFAULT_LOG_FILTER: &str = "info,h2=error,hyper=error";

impl Telemetry {
    /// Installs logging (`RUST_LOG` filter, text or JSON, to stderr) and, when an OTLP endpoint
    /// is configured, span export. Must run inside the Tokio runtime (the exporter's gRPC channel
    /// lives on it).
    pub fn init(format: LogFormat) -> Result<Telemetry, TelemetryError> {
        opentelemetry::global::set_text_map_propagator(opentelemetry_sdk::propagation::TraceContextPropagator::new());
        // Logs carry their own fields; spans are for traces. Formatting every request's span
        // into the log pipeline would cost time on each call and print nothing useful.
        let (env_filter, bad_filter) = match std::env::var("RUST_LOG") {
            Ok(v) if !v.trim().is_empty() => match EnvFilter::try_new(&v) {
                Ok(f) => (f, None),
                Err(e) => (EnvFilter::new(DEFAULT_LOG_FILTER), Some((v, e.to_string()))),
            },
            _ => (EnvFilter::new(DEFAULT_LOG_FILTER), None),
        };
        let log_filter = env_filter.and(filter_fn(|m| m.is_event()));
        let logs = match format {
            LogFormat::Text => tracing_subscriber::fmt::layer().with_writer(std::io::stderr).boxed(),
            LogFormat::Json => tracing_subscriber::fmt::layer().json().with_writer(std::io::stderr).boxed(),
        };
        let mut layers: Vec<Box<dyn Layer<Registry> + Send + Sync>> = vec![logs.with_filter(log_filter).boxed()];
        let provider = if export_wanted() { Some(tracer_provider()?) } else { None };
        if let Some(p) = &provider {
            // The pipeline stages (retrieval, scoring, each source of a reload) are debug spans:
            // exported, but never built when nothing exports them.
            let spans =
                Targets::new().with_target("screener", tracing::Level::DEBUG).with_default(tracing::Level::INFO);
            layers.push(tracing_opentelemetry::layer().with_tracer(p.tracer("screener")).with_filter(spans).boxed());
        }
        tracing_subscriber::registry().with(layers).try_init().map_err(|_| TelemetryError::Init)?;
        if let Some((value, error)) = bad_filter {
            tracing::warn!(RUST_LOG = %value, %error, "RUST_LOG is not a log filter; logging with the default `{DEFAULT_LOG_FILTER}`");
        }
        if provider.is_some() {
            tracing::info!("exporting traces over OTLP/gRPC (OTEL_* environment)");
        }
        Ok(Telemetry { provider })
    }

    /// Flushes queued spans and stops the exporter. Blocks: call from a blocking thread.
    pub fn shutdown(self) {
        if let Some(p) = self.provider {
            if let Err(e) = p.shutdown() {
                tracing::warn!(error = %e, "flushing traces at shutdown failed");
            }
        }
    }
}

fn tracer_provider() -> Result<SdkTracerProvider, TelemetryError> {
    use opentelemetry_otlp::WithExportConfig;
    let protocol = std::env::var("OTEL_EXPORTER_OTLP_TRACES_PROTOCOL")
        .or_else(|_| std::env::var("OTEL_EXPORTER_OTLP_PROTOCOL"))
        .unwrap_or_default();
    if !protocol.is_empty() && protocol != "grpc" {
        return Err(TelemetryError::Protocol(protocol));
    }
    let otlp = opentelemetry_otlp::SpanExporter::builder()
        .with_tonic()
        .with_protocol(opentelemetry_otlp::Protocol::Grpc)
        .build()
        .map_err(|e| TelemetryError::Exporter(e.to_string()))?;
    let exporter = export::OnRuntime::new(otlp, tokio::runtime::Handle::current());
    let named_by_env = std::env::var("OTEL_SERVICE_NAME").is_ok()
        || std::env::var("OTEL_RESOURCE_ATTRIBUTES").is_ok_and(|a| a.contains("service.name="));
    let mut resource = opentelemetry_sdk::Resource::builder()
        .with_attribute(opentelemetry::KeyValue::new("service.version", env!("CARGO_PKG_VERSION")));
    if !named_by_env {
        resource = resource.with_service_name("screener");
    }
    Ok(SdkTracerProvider::builder().with_batch_exporter(exporter).with_resource(resource.build()).build())
}

/// How much of a screened party telemetry may show.
#[derive(Clone, Default)]
pub struct Privacy {
    key: Option<Vec<u8>>,
    raw_values: bool,
}

impl std::fmt::Debug for Privacy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Privacy")
            .field("hash_key", &self.key.as_ref().map(|_| "<set>"))
            .field("raw_values", &self.raw_values)
            .finish()
    }
}

impl Privacy {
    /// Reads the hash key (whitespace around it ignored), if a file is given.
    pub fn new(key_file: Option<&Path>, raw_values: bool) -> Result<Privacy, TelemetryError> {
        let key = match key_file {
            None => None,
            Some(p) => {
                // A key is tens of bytes; 64 KiB is no key.
                let bytes = crate::source::read_small(p, 64 * 1024)
                    .map_err(|error| TelemetryError::KeyFile { path: p.display().to_string(), error })?;
                let key = bytes.trim_ascii().to_vec();
                if key.len() < 16 {
                    return Err(TelemetryError::KeyTooShort(p.display().to_string()));
                }
                Some(key)
            }
        };
        Ok(Privacy { key, raw_values })
    }

    pub fn raw_values(&self) -> bool {
        self.raw_values
    }

    /// The keyed hash of a party fingerprint, to correlate records of one party; `None` without
    /// a key (an unkeyed hash would be reversible by guessing names).
    pub fn party_hash(&self, fingerprint: &str) -> Option<String> {
        let key = self.key.as_ref()?;
        let mut mac = Hmac::<Sha256>::new_from_slice(key).ok()?;
        mac.update(fingerprint.as_bytes());
        Some(hex::encode(&mac.finalize().into_bytes()[..16]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn party_hash_needs_a_key_and_depends_on_it() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (a, b) = (dir.path().join("a"), dir.path().join("b"));
        std::fs::write(&a, "0123456789abcdef0123\n").expect("write");
        std::fs::write(&b, "fedcba9876543210fedc").expect("write");
        assert_eq!(Privacy::default().party_hash("fp1:00"), None);
        let pa = Privacy::new(Some(&a), false).expect("key a");
        let pb = Privacy::new(Some(&b), false).expect("key b");
        let h = pa.party_hash("fp1:00").expect("hash");
        assert_eq!(h.len(), 32);
        assert_eq!(pa.party_hash("fp1:00"), Some(h.clone()));
        assert_ne!(pb.party_hash("fp1:00"), Some(h));
        std::fs::write(&a, "short").expect("write");
        assert!(Privacy::new(Some(&a), false).unwrap_err().to_string().contains("shorter than 16"));
        assert!(!format!("{pb:?}").contains("fedcba"));
    }
}
