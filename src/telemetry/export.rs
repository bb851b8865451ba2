//! Runs the OTLP/gRPC exporter's calls on the server's Tokio runtime.
//!
//! The SDK's batch span processor exports from its own OS thread, outside any Tokio runtime,
//! while tonic's channel needs one (timers, I/O): exporting from that thread panics with "there is
//! no reactor running" and every span is lost (opentelemetry-rust #2673, #3125). Blocking that
//! thread on the runtime's handle for each export is the small fix; the SDK's async-runtime
//! processor would do too, but is behind experimental feature flags.

use std::time::Duration;

use opentelemetry_sdk::error::OTelSdkResult;
use opentelemetry_sdk::trace::{SpanData, SpanExporter};
use opentelemetry_sdk::Resource;

#[derive(Debug)]
pub(super) struct OnRuntime {
    inner: opentelemetry_otlp::SpanExporter,
    runtime: tokio::runtime::Handle,
}

impl OnRuntime {
    pub(super) fn new(inner: opentelemetry_otlp::SpanExporter, runtime: tokio::runtime::Handle) -> OnRuntime {
        OnRuntime { inner, runtime }
    }
}

impl SpanExporter for OnRuntime {
    fn export(&self, batch: Vec<SpanData>) -> impl std::future::Future<Output = OTelSdkResult> + Send {
        // Called on the batch processor's thread, never on a runtime worker, so blocking here
        // is allowed; the export itself is bounded by the exporter's timeout.
        let result = self.runtime.block_on(self.inner.export(batch));
        std::future::ready(result)
    }

    fn shutdown_with_timeout(&self, timeout: Duration) -> OTelSdkResult {
        self.inner.shutdown_with_timeout(timeout)
    }

    fn force_flush(&self) -> OTelSdkResult {
        self.inner.force_flush()
    }

    fn set_resource(&mut self, resource: &Resource) {
        self.inner.set_resource(resource);
    }
}
