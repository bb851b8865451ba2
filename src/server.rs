//! Wires the gRPC server: screening service, health, reflection (v1 and v1alpha), limits, and
//! the initial list load. Health reports NOT_SERVING until the first snapshot is published.

use std::sync::Arc;
use std::time::Duration;

use futures_util::StreamExt;
use tokio::net::TcpListener;
use tonic::transport::server::TcpIncoming;
use tonic::transport::Server;
use tonic_health::ServingStatus;

use crate::auth::AdminAuth;
use crate::config::ServeConfig;
use crate::layers::coalesce::Coalesced;
use crate::layers::{ConnectionLimits, LoadShedLayer, RpcSpanLayer, StatusFixLayer};
use crate::lists::reload::{Reloader, Settings};
use crate::lists::store::{self, ListStore};
use crate::pb::admin_service_server::AdminServiceServer;
use crate::pb::screening_service_server::ScreeningServiceServer;
use crate::service::{AdminApi, Recorder, ScreeningApi};
use crate::telemetry::{AuditLog, Privacy};

#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error("cannot listen on {addr}: {error}")]
    Bind { addr: String, error: std::io::Error },
    #[error("loading the lists failed: {0}")]
    Load(#[from] store::LoadError),
    #[error("reflection service: {0}")]
    Reflection(#[from] tonic_reflection::server::Error),
    #[error("gRPC server: {0}")]
    Transport(#[from] tonic::transport::Error),
    #[error("list loading task failed: {0}")]
    Join(#[from] tokio::task::JoinError),
    #[error(transparent)]
    Metrics(#[from] crate::metrics::MetricsError),
    #[error(transparent)]
    Telemetry(#[from] crate::telemetry::TelemetryError),
    #[error(transparent)]
    Tls(#[from] crate::tls::TlsError),
    #[error("{0}")]
    AdminToken(String),
}

const SERVICE_NAME: &str = "screening.v1.ScreeningService";

/// Least time calls in flight get to finish once the listener closes.
const DRAIN_MIN: Duration = Duration::from_secs(5);
/// The largest request a health check or a reflection stream reads: a service or symbol name.
const SMALL_REQUEST_BYTES: usize = 16 * 1024;
/// Before the drain period ends, how long streams still open are given to end with a status.
const STREAMS_TOLD: Duration = Duration::from_secs(1);

/// How long a new connection may take to send its opening (the HTTP/2 preface, the start of a
/// TLS ClientHello): a client that connects sends it at once, so ten seconds is generous on any
/// network and short enough that silent or trickling connections cannot pile up.
const OPENING_TIMEOUT: Duration = Duration::from_secs(10);

/// Runs the server until `shutdown` resolves, in four phases: build the services, listen,
/// load the lists (health NOT_SERVING until then), serve with the background tasks running,
/// then drain.
pub async fn serve(
    config: ServeConfig,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> Result<(), ServeError> {
    let app = App::build(&config).await?;
    let running = app.listen(&config).await?;
    tokio::pin!(shutdown);
    let Some(()) = running.load_lists(&config, &mut shutdown).await? else {
        return running.stop(Duration::ZERO, "shutdown requested before the lists loaded").await;
    };
    running.spawn_background(&config);
    shutdown.await;
    running
        .stop(config.shutdown_grace, "shutdown requested: NOT_SERVING, still answering during the grace period")
        .await
}

/// Everything the server is made of, before it listens.
struct App {
    router: tonic::transport::server::Router<AppLayers>,
    health: tonic_health::server::HealthReporter,
    store: Arc<ListStore>,
    reloader: Arc<Reloader>,
    audit: Option<AuditLog>,
    tls: Option<Arc<crate::tls::TlsConfig>>,
    /// Told when the listener closes: watch streams (list changes, health watch) would
    /// otherwise never end, and the server waits for every call to end before it stops.
    streams_stop: tokio::sync::watch::Sender<crate::layers::Stopping>,
    /// Connections whose clients stop reading their responses are closed (`layers::stalls`).
    stalls: Arc<crate::layers::Stalls>,
}

type AppLayers = tower::layer::util::Stack<
    StatusFixLayer,
    tower::layer::util::Stack<LoadShedLayer, tower::layer::util::Stack<RpcSpanLayer, tower::layer::util::Identity>>,
>;

/// The server once it listens: what the later phases act on.
struct Running {
    app_health: tonic_health::server::HealthReporter,
    store: Arc<ListStore>,
    reloader: Arc<Reloader>,
    audit: Option<AuditLog>,
    streams_stop: tokio::sync::watch::Sender<crate::layers::Stopping>,
    stop: tokio::sync::oneshot::Sender<()>,
    server: tokio::task::JoinHandle<Result<(), tonic::transport::Error>>,
}

impl App {
    /// The services and their layers, the list store and reloader, telemetry sinks and TLS; no
    /// socket yet, no list loaded.
    async fn build(config: &ServeConfig) -> Result<App, ServeError> {
        if let Some(addr) = config.metrics_listen {
            let local = crate::metrics::install(addr)?;
            tracing::info!(addr = %local, "metrics at http://{local}/metrics");
        }

        let (health, health_service) = tonic_health::server::health_reporter();
        // Health checks and reflection are asked with a name or two: a request of 300 KB to
        // either was read whole (past --max-message-bytes) and reflection echoed its symbol into
        // an error too large for the client to read (round 28).
        let health_service = health_service.max_decoding_message_size(SMALL_REQUEST_BYTES);
        set_health(&health, ServingStatus::NotServing).await;

        let reflection_v1 = tonic_reflection::server::Builder::configure()
            .register_encoded_file_descriptor_set(crate::pb::FILE_DESCRIPTOR_SET)
            .register_encoded_file_descriptor_set(tonic_health::pb::FILE_DESCRIPTOR_SET)
            .build_v1()?
            .max_decoding_message_size(SMALL_REQUEST_BYTES);
        let reflection_v1alpha = tonic_reflection::server::Builder::configure()
            .register_encoded_file_descriptor_set(crate::pb::FILE_DESCRIPTOR_SET)
            .register_encoded_file_descriptor_set(tonic_health::pb::FILE_DESCRIPTOR_SET)
            .build_v1alpha()?
            .max_decoding_message_size(SMALL_REQUEST_BYTES);

        let store = Arc::new(ListStore::new());
        let reloader = Arc::new(Reloader::new(
            Settings {
                sources: config.sources.clone(),
                regime: config.regime,
                good_guys: config.good_guys.clone(),
                max_shrink: config.max_shrink,
                max_scope_shrink: config.max_scope_shrink,
                allow_missing_companions: config.allow_missing_companions,
                state_dir: config.state_dir.clone(),
            },
            store.clone(),
        ));
        let privacy = Privacy::new(config.telemetry_hash_key_file.as_deref(), config.telemetry_raw_values)?;
        if privacy.raw_values() {
            tracing::warn!("--telemetry-raw-values is on: screened names go into spans and the audit log (personal data; debugging only)");
        }
        let audit = config.audit_log.as_deref().map(AuditLog::open).transpose()?;
        let recorder = Recorder { audit: audit.clone(), privacy };
        let screener = ScreeningApi::new(store.clone(), config.thresholds, recorder)
            .with_stream_idle_timeout(config.stream_idle_timeout);
        let screening = ScreeningServiceServer::new(screener)
            .max_decoding_message_size(config.max_message_bytes)
            .max_encoding_message_size(16 * 1024 * 1024);
        if config.admin.closed() {
            tracing::info!("AdminService is closed (no --admin-token-file or --admin-identity)");
        }
        if let Some(path) = &config.admin.token_file {
            crate::auth::check_token_file(path).map_err(ServeError::AdminToken)?;
        }
        let admin = AdminServiceServer::with_interceptor(
            AdminApi::new(reloader.clone(), store.clone()),
            AdminAuth::new(config.admin.clone(), audit.clone()),
        );
        let tls = config.tls.clone().map(crate::tls::TlsConfig::load).transpose()?;

        let (streams_stop, streams_stopped) = tokio::sync::watch::channel(crate::layers::Stopping::No);
        // A response may wait for its client to read it as long as a call may take.
        let stalls = crate::layers::Stalls::new(config.request_timeout);
        // Limits, outermost first: the call's span (so shed calls are traced too), admission
        // (unary and stream budgets, stream timeout), then the per-call deadline (`grpc-timeout`,
        // capped by --request-timeout, answered DEADLINE_EXCEEDED by `StatusFixLayer`), HTTP/2
        // stream limit and message size limits (set on the services).
        let router = Server::builder()
            .max_concurrent_streams(config.max_concurrent_streams)
            // Pings on connections that carry no call find peers gone without a FIN (a crashed
            // client behind NAT) and free their connection slots.
            .http2_keepalive_interval(Some(Duration::from_secs(60)))
            .http2_keepalive_timeout(Some(Duration::from_secs(20)))
            .layer(RpcSpanLayer)
            .layer(LoadShedLayer::new(config.admission, streams_stopped, stalls.clone()))
            .layer(StatusFixLayer::new(config.request_timeout))
            .add_service(health_service)
            .add_service(reflection_v1)
            .add_service(reflection_v1alpha)
            .add_service(screening)
            .add_service(admin);
        Ok(App { router, health, store, reloader, audit, tls, streams_stop, stalls })
    }

    /// Binds the listener and starts answering (health says NOT_SERVING until the lists load).
    async fn listen(self, config: &ServeConfig) -> Result<Running, ServeError> {
        let bind_error = |error| ServeError::Bind { addr: config.listen.to_string(), error };
        let listener = TcpListener::bind(config.listen).await.map_err(bind_error)?;
        let local = listener.local_addr().map_err(bind_error)?;
        // TCP_NODELAY: small gRPC responses must not wait for Nagle's algorithm (40 ms stalls
        // with delayed ACKs). Keepalive finds dead peers behind NAT and load balancers.
        let incoming =
            TcpIncoming::from(listener).with_nodelay(Some(true)).with_keepalive(Some(Duration::from_secs(60)));
        self.stalls.spawn_watchdog();
        let incoming = crate::layers::connections::admit(
            incoming,
            ConnectionLimits { max_connections: config.max_connections, opening_timeout: OPENING_TIMEOUT },
            Some(self.stalls.clone()),
        );
        let (stop, stop_rx) = tokio::sync::oneshot::channel::<()>();
        let stopped = async {
            let _ = stop_rx.await;
        };
        // HTTP/2 writes through `Coalesced` (plaintext, or the TLS stream's plaintext side).
        let server = match &self.tls {
            None => {
                tokio::spawn(self.router.serve_with_incoming_shutdown(incoming.map(|c| c.map(Coalesced::new)), stopped))
            }
            Some(tls) => {
                tls.watch();
                let incoming = crate::tls::incoming(incoming, tls.clone()).map(|c| c.map(Coalesced::new));
                tokio::spawn(self.router.serve_with_incoming_shutdown(incoming, stopped))
            }
        };
        let scheme = match &self.tls {
            None => "plaintext",
            Some(t) if t.mutual() => "mutual TLS",
            Some(_) => "TLS",
        };
        tracing::info!(addr = %local, scheme, "listening on {local}");
        Ok(Running {
            app_health: self.health,
            store: self.store,
            reloader: self.reloader,
            audit: self.audit,
            streams_stop: self.streams_stop,
            stop,
            server,
        })
    }
}

impl Running {
    /// Fetches what URL sources have no copy of yet, loads the lists off the async workers and
    /// turns health SERVING. `None` when `shutdown` came first.
    async fn load_lists(
        &self,
        config: &ServeConfig,
        shutdown: &mut (impl std::future::Future<Output = ()> + Unpin),
    ) -> Result<Option<()>, ServeError> {
        if config.official_defaults {
            tracing::warn!(
                sources = %config.sources.iter().map(|s| s.to_string()).collect::<Vec<_>>().join(" "),
                "no list source configured: using the official publication URLs"
            );
        }
        let started = std::time::Instant::now();
        let load = async {
            // A URL source without a cached copy must be fetched once before the first load
            // (health stays NOT_SERVING meanwhile); with a cached copy it serves at once.
            let client = crate::lists::fetch::client();
            // A source with a kept last accepted copy starts on it (`Reloader::initial`) while
            // its publisher is down and its cache lost.
            for spec in config.sources.iter().filter(|s| s.url.is_some() && !self.reloader.has_kept(s.kind)) {
                crate::lists::fetch::first_copy(&client, spec, config.poll_interval).await;
            }
            self.reloader.initial().await
        };
        let snapshot = tokio::select! {
            s = load => s?,
            _ = shutdown => return Ok(None),
        };
        tracing::info!(
            list_version = %snapshot.list_version, regime = snapshot.regime.as_str(),
            entities = snapshot.entity_count(), names = snapshot.variants.len(), good_guys = snapshot.good_guys.len(),
            elapsed_ms = started.elapsed().as_millis() as u64, "serving"
        );
        // Watched before SERVING is announced: a publication written the moment after (a
        // deploy script, a test) must not fall between the two and go unread until the next.
        if config.watch {
            if let Err(e) = self.reloader.watch() {
                tracing::warn!(error = %e, "cannot watch the list files; reload with SIGHUP or AdminService.ReloadLists");
            }
        }
        set_health(&self.app_health, ServingStatus::Serving).await;
        Ok(Some(()))
    }

    /// Reload on SIGHUP, poll URL sources, and publish list ages and staleness.
    fn spawn_background(&self, config: &ServeConfig) {
        #[cfg(unix)]
        crate::lists::reload::reload_on_sighup(self.reloader.clone());
        crate::lists::fetch::poll(self.reloader.clone(), config.sources.clone(), config.poll_interval);
        let store = self.store.clone();
        tokio::spawn(async move {
            let mut stale = std::collections::HashSet::new();
            loop {
                if let Some(s) = store.current() {
                    crate::metrics::ages(&s);
                    log_staleness(&s, &mut stale);
                }
                tokio::time::sleep(Duration::from_secs(5)).await;
            }
        });
    }

    /// Graceful shutdown, in the order Kubernetes needs: health turns NOT_SERVING (the
    /// readiness probe fails and endpoints drop the pod) while calls are still served for
    /// `grace`; then the listener closes, watch streams end and in-flight calls get as long
    /// again (at least [`DRAIN_MIN`]) to finish; streams still open [`STREAMS_TOLD`] before that
    /// ends are ended with UNAVAILABLE, so their clients know what was answered. A client that
    /// holds a stream open beyond that does not hold the process.
    async fn stop(self, grace: Duration, why: &str) -> Result<(), ServeError> {
        tracing::info!(grace_s = grace.as_secs_f64(), "{why}");
        set_health(&self.app_health, ServingStatus::NotServing).await;
        tokio::time::sleep(grace).await;
        tracing::info!("closing the listener; ending watch streams, finishing in-flight calls");
        let _ = self.streams_stop.send(crate::layers::Stopping::ListenerClosed);
        let _ = self.stop.send(());
        let drain = grace.max(DRAIN_MIN);
        let mut server = self.server;
        let served = match tokio::time::timeout(drain.saturating_sub(STREAMS_TOLD), &mut server).await {
            Ok(served) => Some(served),
            Err(_) => {
                // Streams still open are ended with a status (UNAVAILABLE: resend what was not
                // answered) rather than cut with none when the server stops.
                let _ = self.streams_stop.send(crate::layers::Stopping::DrainEnding);
                tokio::time::timeout(STREAMS_TOLD, &mut server).await.ok()
            }
        };
        match served {
            Some(served) => served??,
            None => {
                tracing::warn!(
                    drain_s = drain.as_secs_f64(),
                    "calls still in flight after the drain period; stopping anyway"
                );
                server.abort();
            }
        }
        if let Some(audit) = &self.audit {
            audit.flush(Duration::from_secs(5));
        }
        tracing::info!("stopped");
        Ok(())
    }
}

async fn set_health(health: &tonic_health::server::HealthReporter, status: ServingStatus) {
    health.set_service_status("", status).await;
    health.set_service_status(SERVICE_NAME, status).await;
}

/// The staleness alarm's log line: a warning when a source's publication passes its
/// `--max-list-age` (once, not every check), a line when it is current again. Names the source
/// and dates only, never a listed name.
fn log_staleness(s: &crate::index::Snapshot, stale: &mut std::collections::HashSet<crate::model::SourceKind>) {
    let now = time::OffsetDateTime::now_utc();
    for src in &s.sources {
        let is_stale = src.stale(now);
        if is_stale && stale.insert(src.kind) {
            let age_days = src.published.map(|p| (now - p).whole_hours() as f64 / 24.0).unwrap_or_default();
            tracing::warn!(
                source = %src.kind, publication_date = %src.published_rfc3339(), basis = src.publication_basis,
                age_days, max_list_age_s = src.max_age.map(|a| a.as_secs()).unwrap_or_default(),
                "list is stale: its publication is older than --max-list-age (the publisher stopped publishing, or the \
                 feed stopped reaching us); it keeps serving"
            );
        } else if !is_stale && stale.remove(&src.kind) {
            tracing::info!(source = %src.kind, publication_date = %src.published_rfc3339(), "list is current again");
        }
    }
}
