//! Configuration: command line, environment variables (`SCREENER_*`) and an optional TOML file,
//! merged and validated once at start. Precedence: command line, then environment, then file,
//! then defaults. Anything wrong stops the start with a message naming the setting.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use clap::{Args, Parser, Subcommand, ValueEnum};
use serde::Deserialize;

use crate::auth::AdminPolicy;
use crate::matcher::Thresholds;
use crate::model::Regime;
use crate::source::SourceSpec;
use crate::telemetry::LogFormat;
use crate::tls::TlsFiles;

#[derive(Debug, Parser)]
#[command(
    name = "screener",
    version,
    about = "Sanctions screening over gRPC against the Belarus lists (Canada SEMA, US OFAC SDN, UK FCDO, EU, Japan MOF)"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the gRPC API (screening, health, reflection).
    Serve(ServeArgs),
    /// Validate the settings `serve` would run with (flags, environment, file) and print them,
    /// without loading lists or listening: for CI of deployment manifests.
    CheckConfig(ServeArgs),
    /// Score pairs of parties read as JSON lines ({"query": PARTY, "candidate": PARTY}, PARTY in
    /// proto JSON) and print one JSON line of score, decision and features per pair. Give the
    /// server's --source/--config to weigh organisation words exactly as it does.
    Compare(CompareArgs),
    /// Screen payment messages (ISO 20022 pacs.008, pacs.009, pain.001; SWIFT MT103, MT202,
    /// MT202COV) from files, as ScreenMessage does, printing one JSON line per file: its
    /// decision and every field that hit, with path, role, span and matches.
    ScreenMessage(ScreenMessageArgs),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum MessageFormatArg {
    /// Decide from the content.
    #[default]
    Detect,
    Iso20022,
    SwiftMt,
}

#[derive(Debug, Clone, Args, Default)]
pub struct ScreenMessageArgs {
    /// Message files, one message each.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Format of the files [default: detect].
    #[arg(long, value_enum, default_value_t = MessageFormatArg::Detect)]
    pub format: MessageFormatArg,
    /// List sources, as for `serve` (files or directories; required here, from the flag, the
    /// environment or the configuration file).
    #[arg(long = "source", env = "SCREENER_SOURCES", value_delimiter = ',')]
    pub sources: Vec<String>,
    /// TOML configuration file, as for `serve`.
    #[arg(long, env = "SCREENER_CONFIG")]
    pub config: Option<PathBuf>,
    /// As for `serve` [default: belarus].
    #[arg(long, env = "SCREENER_REGIME", value_enum)]
    pub regime: Option<RegimeArg>,
    /// As for `serve` [default: 0.80].
    #[arg(long, env = "SCREENER_REVIEW_THRESHOLD")]
    pub review_threshold: Option<f64>,
    /// As for `serve` [default: 0.92].
    #[arg(long, env = "SCREENER_BLOCK_THRESHOLD")]
    pub block_threshold: Option<f64>,
}

impl ScreenMessageArgs {
    /// The settings shared with `serve`, validated the same way; the lists are required, since
    /// a message screened against none would read as clear.
    pub fn resolve(&self) -> Result<(Vec<SourceSpec>, Thresholds, Regime), ConfigError> {
        let args = ServeArgs {
            sources: self.sources.clone(),
            config: self.config.clone(),
            regime: self.regime,
            review_threshold: self.review_threshold,
            block_threshold: self.block_threshold,
            ..Default::default()
        };
        let c = ServeConfig::resolve(&args, false)?;
        if c.sources.is_empty() {
            return Err(ConfigError::Invalid(
                "screen-message needs the lists to screen against: give --source KIND=PATH for each (as for serve)"
                    .into(),
            ));
        }
        Ok((c.sources, c.thresholds, c.regime))
    }
}

#[derive(Debug, Clone, Args, Default)]
pub struct CompareArgs {
    /// JSON-lines file to read [default: standard input].
    #[arg(long)]
    pub input: Option<PathBuf>,
    /// List sources, as for `serve` (optional here: they only provide word statistics).
    #[arg(long = "source", env = "SCREENER_SOURCES", value_delimiter = ',')]
    pub sources: Vec<String>,
    /// TOML configuration file, as for `serve`.
    #[arg(long, env = "SCREENER_CONFIG")]
    pub config: Option<PathBuf>,
    /// As for `serve` [default: 0.80].
    #[arg(long, env = "SCREENER_REVIEW_THRESHOLD")]
    pub review_threshold: Option<f64>,
    /// As for `serve` [default: 0.92].
    #[arg(long, env = "SCREENER_BLOCK_THRESHOLD")]
    pub block_threshold: Option<f64>,
}

impl CompareArgs {
    /// The settings `compare` shares with `serve`, validated the same way. Sources are optional.
    pub fn resolve(&self) -> Result<(Vec<SourceSpec>, Thresholds), ConfigError> {
        let args = ServeArgs {
            sources: self.sources.clone(),
            config: self.config.clone(),
            review_threshold: self.review_threshold,
            block_threshold: self.block_threshold,
            ..Default::default()
        };
        let c = ServeConfig::resolve(&args, false)?;
        Ok((c.sources, c.thresholds))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RegimeArg {
    Belarus,
    All,
}

#[derive(Debug, Clone, Args, Default)]
pub struct ServeArgs {
    /// Address to listen on for gRPC [default: 0.0.0.0:50051]. Port 0 picks a free port (logged).
    #[arg(long, env = "SCREENER_LISTEN")]
    pub listen: Option<SocketAddr>,
    /// A list source, KIND=PATH or KIND=URL; repeat for each list. Kinds: ca-sema (sema-lmes.xml),
    /// us-ofac-sdn (directory with SDN.CSV, ALT.CSV, ADD.CSV, or an sdn*.csv file), uk-fcdo
    /// (UK-Sanctions-List.xml), eu-fsf (EU XML 1.1), jp-mof (the MOF workbook, .xlsx), uk-ofsi
    /// (ConList.csv, retired on 28 January 2026). In the environment: comma-separated.
    #[arg(long = "source", env = "SCREENER_SOURCES", value_delimiter = ',')]
    pub sources: Vec<String>,
    /// Which entities are screened against [default: belarus].
    #[arg(long, env = "SCREENER_REGIME", value_enum)]
    pub regime: Option<RegimeArg>,
    /// TOML configuration file (see deploy/screener.example.toml).
    #[arg(long, env = "SCREENER_CONFIG")]
    pub config: Option<PathBuf>,
    /// Score at or above which a match is REVIEW [default: 0.80].
    #[arg(long, env = "SCREENER_REVIEW_THRESHOLD")]
    pub review_threshold: Option<f64>,
    /// Score at or above which a match is BLOCK [default: 0.92].
    #[arg(long, env = "SCREENER_BLOCK_THRESHOLD")]
    pub block_threshold: Option<f64>,
    /// Largest request message accepted, in bytes [default: 262144]. Larger ones get RESOURCE_EXHAUSTED.
    #[arg(long, env = "SCREENER_MAX_MESSAGE_BYTES")]
    pub max_message_bytes: Option<usize>,
    /// Log format [default: text]. The filter is RUST_LOG (default `info`).
    #[arg(long, env = "SCREENER_LOG_FORMAT", value_enum)]
    pub log_format: Option<LogFormat>,
    /// Good-guy list: accepted false positives, JSON lines (see README).
    #[arg(long, env = "SCREENER_GOOD_GUYS")]
    pub good_guys: Option<PathBuf>,
    /// Largest share of a source's entities a new publication may lose before it is refused
    /// [default: 0.30].
    #[arg(long, env = "SCREENER_MAX_SHRINK")]
    pub max_shrink: Option<f64>,
    /// Largest share of a source's in-scope entities (the regime screened against) a new
    /// publication may lose before it is refused [default: 0.10].
    #[arg(long, env = "SCREENER_MAX_SCOPE_SHRINK")]
    pub max_scope_shrink: Option<f64>,
    /// Serve an OFAC source without its ALT.CSV and ADD.CSV (their aliases and addresses are then
    /// not screened); otherwise the start fails naming the missing files.
    #[arg(long, env = "SCREENER_ALLOW_MISSING_COMPANIONS")]
    pub allow_missing_companions: bool,
    /// Do not watch the list files (reload only on SIGHUP or AdminService.ReloadLists).
    #[arg(long, env = "SCREENER_NO_WATCH")]
    pub no_watch: bool,
    /// Where URL sources keep their last fetched copy [default: .screener-cache].
    #[arg(long, env = "SCREENER_CACHE_DIR")]
    pub cache_dir: Option<PathBuf>,
    /// Seconds between polls of URL sources [default: 3600].
    #[arg(long, env = "SCREENER_POLL_INTERVAL")]
    pub poll_interval: Option<u64>,
    /// Accept plain `http://` source URLs (tests, internal mirrors); otherwise only `https://`.
    #[arg(long, env = "SCREENER_ALLOW_HTTP")]
    pub allow_http: bool,
    /// Seconds between SIGTERM and closing the listener, while health reports NOT_SERVING and
    /// calls are still answered [default: 5]. Keep it below the pod's termination grace period.
    #[arg(long, env = "SCREENER_SHUTDOWN_GRACE")]
    pub shutdown_grace: Option<f64>,
    /// Serve Prometheus metrics at http://ADDR/metrics (e.g. 0.0.0.0:9090) [default: off].
    #[arg(long, env = "SCREENER_METRICS_LISTEN")]
    pub metrics_listen: Option<SocketAddr>,
    /// Decision audit log, JSON lines, appended to this file (`-`: standard output) [default: off].
    #[arg(long, env = "SCREENER_AUDIT_LOG")]
    pub audit_log: Option<PathBuf>,
    /// File holding a secret key (16 bytes or more): spans and audit lines then carry a keyed
    /// hash of each screened party, to correlate records without the name [default: no hash].
    #[arg(long, env = "SCREENER_TELEMETRY_HASH_KEY_FILE")]
    pub telemetry_hash_key_file: Option<PathBuf>,
    /// Put screened names into spans and the audit log. Personal data: for a debugging session
    /// only, never in production.
    #[arg(long, env = "SCREENER_TELEMETRY_RAW_VALUES")]
    pub telemetry_raw_values: bool,
    /// Serve gRPC over TLS with this certificate chain (PEM); reloaded when the file changes.
    #[arg(long, env = "SCREENER_TLS_CERT")]
    pub tls_cert: Option<PathBuf>,
    /// Private key (PEM) of --tls-cert.
    #[arg(long, env = "SCREENER_TLS_KEY")]
    pub tls_key: Option<PathBuf>,
    /// Mutual TLS: clients must present a certificate signed by a CA in this PEM file.
    #[arg(long, env = "SCREENER_TLS_CLIENT_CA")]
    pub tls_client_ca: Option<PathBuf>,
    /// File holding the bearer token AdminService callers must send (`authorization: Bearer
    /// TOKEN`); read on each call, so rewriting it rotates the token.
    #[arg(long, env = "SCREENER_ADMIN_TOKEN_FILE")]
    pub admin_token_file: Option<PathBuf>,
    /// A client-certificate identity (common name, DNS or URI alternative name) allowed to call
    /// AdminService under mutual TLS; repeat for each. In the environment: comma-separated.
    #[arg(long = "admin-identity", env = "SCREENER_ADMIN_IDENTITIES", value_delimiter = ',')]
    pub admin_identities: Vec<String>,
    /// Unary calls in progress at once, across connections; more are refused with
    /// RESOURCE_EXHAUSTED [default: 1024]. Streams have their own budget (--max-streams).
    #[arg(long, env = "SCREENER_MAX_CONCURRENT_REQUESTS")]
    pub max_concurrent_requests: Option<usize>,
    /// Unary calls in progress at once on one connection [default: 256].
    #[arg(long, env = "SCREENER_MAX_REQUESTS_PER_CONNECTION")]
    pub max_requests_per_connection: Option<usize>,
    /// Streams (ScreenStream, WatchListChanges, health Watch, reflection) open at once, across
    /// connections; more are refused with RESOURCE_EXHAUSTED [default: 256].
    #[arg(long, env = "SCREENER_MAX_STREAMS")]
    pub max_streams: Option<usize>,
    /// Streams open at once on one connection [default: 16].
    #[arg(long, env = "SCREENER_MAX_STREAMS_PER_CONNECTION")]
    pub max_streams_per_connection: Option<usize>,
    /// Longest a stream may stay open, in seconds; then it ends with DEADLINE_EXCEEDED
    /// (a list-change watch resumes with since_list_version) [default: 3600].
    #[arg(long, env = "SCREENER_STREAM_TIMEOUT")]
    pub stream_timeout: Option<f64>,
    /// Seconds a ScreenStream may wait for its next party before it is closed with
    /// DEADLINE_EXCEEDED [default: 30].
    #[arg(long, env = "SCREENER_STREAM_IDLE_TIMEOUT")]
    pub stream_idle_timeout: Option<f64>,
    /// HTTP/2 streams (calls) a single connection may have open at once [default: 256].
    #[arg(long, env = "SCREENER_MAX_CONCURRENT_STREAMS")]
    pub max_concurrent_streams: Option<u32>,
    /// Longest a unary call may take, in seconds, when the client sets no shorter `grpc-timeout`
    /// [default: 30].
    #[arg(long, env = "SCREENER_REQUEST_TIMEOUT")]
    pub request_timeout: Option<f64>,
    /// Largest list publication accepted, in bytes [default: 268435456].
    #[arg(long, env = "SCREENER_MAX_PUBLICATION_BYTES")]
    pub max_publication_bytes: Option<u64>,
    /// Integrity pin KIND=SHA256: refuse any publication of that source with another digest
    /// (the sha256 `GetListStatus` shows). Repeat per source; in the environment comma-separated.
    #[arg(long = "pin", env = "SCREENER_PINS", value_delimiter = ',')]
    pub pins: Vec<String>,
    /// Staleness alarm KIND=AGE (`3d`, `36h`, `90m`, `off`): a source whose publication is older
    /// (by its own date, or since its content last changed) shows `stale` in GetListStatus and in
    /// the metrics, and logs a warning; it keeps serving. Repeat per source; in the environment
    /// comma-separated [defaults: uk-fcdo, eu-fsf, uk-ofsi 3d; us-ofac-sdn 14d; ca-sema 60d;
    /// jp-mof 90d].
    #[arg(long = "max-list-age", env = "SCREENER_MAX_LIST_AGE", value_delimiter = ',')]
    pub max_list_ages: Vec<String>,
}

/// The configuration file's shape. Unknown keys are errors, so a typo is not silently ignored.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileConfig {
    listen: Option<SocketAddr>,
    #[serde(default)]
    sources: Vec<String>,
    regime: Option<RegimeArg>,
    review_threshold: Option<f64>,
    block_threshold: Option<f64>,
    max_message_bytes: Option<usize>,
    log_format: Option<LogFormat>,
    good_guys: Option<PathBuf>,
    max_shrink: Option<f64>,
    max_scope_shrink: Option<f64>,
    allow_missing_companions: Option<bool>,
    watch: Option<bool>,
    cache_dir: Option<PathBuf>,
    poll_interval: Option<u64>,
    allow_http: Option<bool>,
    shutdown_grace: Option<f64>,
    metrics_listen: Option<SocketAddr>,
    audit_log: Option<PathBuf>,
    telemetry_hash_key_file: Option<PathBuf>,
    telemetry_raw_values: Option<bool>,
    tls_cert: Option<PathBuf>,
    tls_key: Option<PathBuf>,
    tls_client_ca: Option<PathBuf>,
    admin_token_file: Option<PathBuf>,
    #[serde(default)]
    admin_identities: Vec<String>,
    max_concurrent_requests: Option<usize>,
    max_requests_per_connection: Option<usize>,
    max_streams: Option<usize>,
    max_streams_per_connection: Option<usize>,
    stream_timeout: Option<f64>,
    stream_idle_timeout: Option<f64>,
    max_concurrent_streams: Option<u32>,
    request_timeout: Option<f64>,
    max_publication_bytes: Option<u64>,
    #[serde(default)]
    pins: Vec<String>,
    #[serde(default)]
    max_list_age: Vec<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read configuration file {path}: {error}")]
    Read { path: String, error: std::io::Error },
    #[error("configuration file {path} is not valid: {error}")]
    File { path: String, error: String },
    #[error("{0}")]
    Invalid(String),
}

/// Validated settings for `serve`.
#[derive(Debug, Clone)]
pub struct ServeConfig {
    pub listen: SocketAddr,
    pub sources: Vec<SourceSpec>,
    pub regime: Regime,
    pub thresholds: Thresholds,
    pub max_message_bytes: usize,
    pub log_format: LogFormat,
    pub good_guys: Option<PathBuf>,
    pub max_shrink: f64,
    pub max_scope_shrink: f64,
    pub allow_missing_companions: bool,
    pub watch: bool,
    pub poll_interval: std::time::Duration,
    /// No source was configured, so the official publication URLs are used.
    pub official_defaults: bool,
    pub shutdown_grace: std::time::Duration,
    pub metrics_listen: Option<SocketAddr>,
    pub audit_log: Option<PathBuf>,
    pub telemetry_hash_key_file: Option<PathBuf>,
    pub telemetry_raw_values: bool,
    pub tls: Option<TlsFiles>,
    pub admin: AdminPolicy,
    pub max_concurrent_requests: usize,
    pub max_concurrent_streams: u32,
    pub request_timeout: std::time::Duration,
    /// Unary and stream budgets, stream timeout.
    pub admission: crate::layers::Admission,
    pub stream_idle_timeout: std::time::Duration,
}

pub const DEFAULT_LISTEN: &str = "0.0.0.0:50051";
pub const DEFAULT_MAX_MESSAGE_BYTES: usize = 256 * 1024;

impl ServeConfig {
    pub fn from_args(args: &ServeArgs) -> Result<ServeConfig, ConfigError> {
        ServeConfig::resolve(args, true)
    }

    fn resolve(args: &ServeArgs, require_sources: bool) -> Result<ServeConfig, ConfigError> {
        let file = match &args.config {
            Some(p) => read_file(p)?,
            None => FileConfig::default(),
        };
        let raw_sources = if args.sources.is_empty() { file.sources.clone() } else { args.sources.clone() };
        let mut sources = raw_sources
            .iter()
            .filter(|s| !s.trim().is_empty())
            .map(|s| SourceSpec::parse(s).map_err(ConfigError::Invalid))
            .collect::<Result<Vec<_>, _>>()?;
        let official_defaults = sources.is_empty() && require_sources;
        if official_defaults {
            sources = crate::lists::fetch::OFFICIAL
                .iter()
                .map(|(kind, url)| SourceSpec::new(*kind, PathBuf::new(), Some(url.to_string())))
                .collect();
        }
        let allow_http = args.allow_http || file.allow_http.unwrap_or(false);
        if let Some(s) =
            sources.iter().find(|s| s.url.as_deref().is_some_and(|u| u.starts_with("http://")) && !allow_http)
        {
            return Err(ConfigError::Invalid(format!(
                "source {s} uses plain http, which anyone on the path can alter; use https, or --allow-http for a trusted mirror"
            )));
        }
        let cache_dir = args.cache_dir.clone().or(file.cache_dir).unwrap_or_else(|| PathBuf::from(".screener-cache"));
        let max_bytes = args
            .max_publication_bytes
            .or(file.max_publication_bytes)
            .unwrap_or(crate::source::DEFAULT_MAX_PUBLICATION_BYTES);
        if max_bytes < 1024 {
            return Err(ConfigError::Invalid(format!("max_publication_bytes must be at least 1024 (got {max_bytes})")));
        }
        let pins = if args.pins.is_empty() { &file.pins } else { &args.pins };
        let mut sources: Vec<SourceSpec> = sources.into_iter().map(|s| s.cached_in(&cache_dir)).collect();
        for s in &mut sources {
            s.max_bytes = max_bytes;
        }
        for pin in pins.iter().filter(|p| !p.trim().is_empty()) {
            let (kind, digest) =
                pin.split_once('=').ok_or_else(|| ConfigError::Invalid(format!("pin `{pin}` must be KIND=SHA256")))?;
            let digest = digest.trim().to_ascii_lowercase();
            if digest.len() != 64 || !digest.bytes().all(|b| b.is_ascii_hexdigit()) {
                return Err(ConfigError::Invalid(format!("pin `{pin}`: the sha256 must be 64 hex digits")));
            }
            let source = sources.iter_mut().find(|s| s.kind.as_str() == kind.trim()).ok_or_else(|| {
                ConfigError::Invalid(format!(
                    "pin `{pin}` names no configured source (kinds: {})",
                    crate::model::SourceKind::names()
                ))
            })?;
            source.pin = Some(digest);
        }
        let ages = if args.max_list_ages.is_empty() { &file.max_list_age } else { &args.max_list_ages };
        for setting in ages.iter().filter(|p| !p.trim().is_empty()) {
            let (kind, age) = setting.split_once('=').ok_or_else(|| {
                ConfigError::Invalid(format!("max_list_age `{setting}` must be KIND=AGE, e.g. uk-fcdo=3d"))
            })?;
            let kind = crate::model::SourceKind::parse(kind).ok_or_else(|| {
                ConfigError::Invalid(format!(
                    "max_list_age `{setting}`: unknown source kind (kinds: {})",
                    crate::model::SourceKind::names()
                ))
            })?;
            let age = parse_age(age).ok_or_else(|| {
                ConfigError::Invalid(format!(
                    "max_list_age `{setting}`: the age must be a number of days, hours, minutes or seconds (`3d`, \
                     `36h`, `90m`, `600s`) or `off`"
                ))
            })?;
            for s in sources.iter_mut().filter(|s| s.kind == kind) {
                s.max_age = age;
            }
        }
        let grace = within(
            "shutdown_grace",
            args.shutdown_grace.or(file.shutdown_grace).unwrap_or(5.0),
            0.0..=600.0,
            " seconds",
        )?;
        let shutdown_grace = std::time::Duration::from_secs_f64(grace);
        let poll_interval = args.poll_interval.or(file.poll_interval).unwrap_or(3600);
        if poll_interval == 0 {
            return Err(ConfigError::Invalid("poll_interval must be at least 1 second".into()));
        }
        let mut kinds: Vec<_> = sources.iter().map(|s| s.kind).collect();
        kinds.sort();
        if kinds.windows(2).any(|w| w[0] == w[1]) {
            return Err(ConfigError::Invalid("each source kind may be configured once".into()));
        }
        let thresholds = Thresholds {
            review: args.review_threshold.or(file.review_threshold).unwrap_or(Thresholds::default().review),
            block: args.block_threshold.or(file.block_threshold).unwrap_or(Thresholds::default().block),
        };
        if !(thresholds.review > 0.0 && thresholds.review <= thresholds.block && thresholds.block <= 1.0) {
            return Err(ConfigError::Invalid(format!(
                "thresholds must satisfy 0 < review <= block <= 1 (got review {}, block {})",
                thresholds.review, thresholds.block
            )));
        }
        let max_message_bytes = within(
            "max_message_bytes",
            args.max_message_bytes.or(file.max_message_bytes).unwrap_or(DEFAULT_MAX_MESSAGE_BYTES),
            1024..=64 * 1024 * 1024,
            "",
        )?;
        let max_shrink = within(
            "max_shrink",
            args.max_shrink.or(file.max_shrink).unwrap_or(crate::lists::reload::DEFAULT_MAX_SHRINK),
            0.0..=1.0,
            "",
        )?;
        let max_scope_shrink = within(
            "max_scope_shrink",
            args.max_scope_shrink.or(file.max_scope_shrink).unwrap_or(crate::lists::reload::DEFAULT_MAX_SCOPE_SHRINK),
            0.0..=1.0,
            "",
        )?;
        let listen = match args.listen.or(file.listen) {
            Some(l) => l,
            None => DEFAULT_LISTEN.parse().map_err(|_| ConfigError::Invalid("bad default listen address".into()))?,
        };
        let tls = match (
            args.tls_cert.clone().or(file.tls_cert),
            args.tls_key.clone().or(file.tls_key),
            args.tls_client_ca.clone().or(file.tls_client_ca),
        ) {
            (Some(cert), Some(key), client_ca) => Some(TlsFiles { cert, key, client_ca }),
            (None, None, None) => None,
            (None, None, Some(_)) => {
                return Err(ConfigError::Invalid("tls_client_ca needs tls_cert and tls_key (mutual TLS is TLS)".into()))
            }
            _ => return Err(ConfigError::Invalid("tls_cert and tls_key go together: give both or neither".into())),
        };
        let admin = AdminPolicy {
            token_file: args.admin_token_file.clone().or(file.admin_token_file),
            identities: if args.admin_identities.is_empty() {
                file.admin_identities
            } else {
                args.admin_identities.clone()
            }
            .into_iter()
            .map(|i| i.trim().to_string())
            .filter(|i| !i.is_empty())
            .collect(),
        };
        if !admin.identities.is_empty() && tls.as_ref().is_none_or(|t| t.client_ca.is_none()) {
            return Err(ConfigError::Invalid(
                "admin_identities are client-certificate identities: they need mutual TLS (tls_client_ca)".into(),
            ));
        }
        let max_concurrent_requests = within(
            "max_concurrent_requests",
            args.max_concurrent_requests.or(file.max_concurrent_requests).unwrap_or(1024),
            1..=1_000_000,
            "",
        )?;
        let max_concurrent_streams = within(
            "max_concurrent_streams",
            args.max_concurrent_streams.or(file.max_concurrent_streams).unwrap_or(256),
            1..=65_536,
            "",
        )?;
        let request_timeout = within(
            "request_timeout",
            args.request_timeout.or(file.request_timeout).unwrap_or(30.0),
            0.001..=3600.0,
            " seconds",
        )?;
        let max_requests_per_connection = within(
            "max_requests_per_connection",
            args.max_requests_per_connection.or(file.max_requests_per_connection).unwrap_or(256),
            1..=1_000_000,
            "",
        )?;
        let max_streams =
            within("max_streams", args.max_streams.or(file.max_streams).unwrap_or(256), 1..=1_000_000, "")?;
        let max_streams_per_connection = within(
            "max_streams_per_connection",
            args.max_streams_per_connection.or(file.max_streams_per_connection).unwrap_or(16),
            1..=65_536,
            "",
        )?;
        let stream_timeout = within(
            "stream_timeout",
            args.stream_timeout.or(file.stream_timeout).unwrap_or(3600.0),
            0.001..=86_400.0,
            " seconds",
        )?;
        let stream_idle_timeout = within(
            "stream_idle_timeout",
            args.stream_idle_timeout.or(file.stream_idle_timeout).unwrap_or(30.0),
            0.001..=86_400.0,
            " seconds",
        )?;
        let admission = crate::layers::Admission {
            unary: crate::layers::Budget {
                total: max_concurrent_requests,
                per_connection: max_requests_per_connection,
            },
            streams: crate::layers::Budget { total: max_streams, per_connection: max_streams_per_connection },
            stream_timeout: std::time::Duration::from_secs_f64(stream_timeout),
        };
        let regime = match args.regime.or(file.regime).unwrap_or(RegimeArg::Belarus) {
            RegimeArg::Belarus => Regime::Belarus,
            RegimeArg::All => Regime::All,
        };
        Ok(ServeConfig {
            listen,
            sources,
            regime,
            thresholds,
            max_message_bytes,
            log_format: args.log_format.or(file.log_format).unwrap_or_default(),
            good_guys: args.good_guys.clone().or(file.good_guys),
            max_shrink,
            max_scope_shrink,
            allow_missing_companions: args.allow_missing_companions || file.allow_missing_companions.unwrap_or(false),
            watch: !args.no_watch && file.watch.unwrap_or(true),
            poll_interval: std::time::Duration::from_secs(poll_interval),
            official_defaults,
            shutdown_grace,
            metrics_listen: args.metrics_listen.or(file.metrics_listen),
            audit_log: args.audit_log.clone().or(file.audit_log),
            telemetry_hash_key_file: args.telemetry_hash_key_file.clone().or(file.telemetry_hash_key_file),
            telemetry_raw_values: args.telemetry_raw_values || file.telemetry_raw_values.unwrap_or(false),
            tls,
            admin,
            max_concurrent_requests,
            max_concurrent_streams,
            request_timeout: std::time::Duration::from_secs_f64(request_timeout),
            admission,
            stream_idle_timeout: std::time::Duration::from_secs_f64(stream_idle_timeout),
        })
    }
}

/// `3d`, `36h`, `90m`, `600s` (at least a second); `off` for never stale.
fn parse_age(s: &str) -> Option<Option<std::time::Duration>> {
    let s = s.trim();
    if s.eq_ignore_ascii_case("off") {
        return Some(None);
    }
    let unit = match s.chars().last()? {
        'd' => 86_400,
        'h' => 3_600,
        'm' => 60,
        's' => 1,
        _ => return None,
    };
    let n: u64 = s[..s.len() - 1].parse().ok().filter(|n| *n > 0)?;
    Some(Some(std::time::Duration::from_secs(n.checked_mul(unit)?)))
}

/// `value`, or an error naming the setting and its allowed range.
fn within<T: PartialOrd + std::fmt::Display>(
    name: &str,
    value: T,
    range: std::ops::RangeInclusive<T>,
    unit: &str,
) -> Result<T, ConfigError> {
    if !range.contains(&value) {
        return Err(ConfigError::Invalid(format!(
            "{name} must be between {} and {}{unit} (got {value})",
            range.start(),
            range.end()
        )));
    }
    Ok(value)
}

fn read_file(path: &Path) -> Result<FileConfig, ConfigError> {
    let text =
        std::fs::read_to_string(path).map_err(|error| ConfigError::Read { path: path.display().to_string(), error })?;
    toml::from_str(&text).map_err(|e| ConfigError::File { path: path.display().to_string(), error: e.to_string() })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(sources: &[&str]) -> ServeArgs {
        ServeArgs { sources: sources.iter().map(|s| s.to_string()).collect(), ..Default::default() }
    }

    #[test]
    fn no_source_means_the_official_urls_and_http_needs_consent() {
        let c = ServeConfig::from_args(&args(&[])).expect("valid");
        assert!(c.official_defaults);
        let kinds: Vec<&str> = c.sources.iter().map(|s| s.kind.as_str()).collect();
        assert_eq!(kinds, ["ca-sema", "us-ofac-sdn", "uk-fcdo", "eu-fsf"], "the current publications, not OFSI's");
        assert!(c.sources.iter().all(|s| s.url.as_deref().is_some_and(|u| u.starts_with("https://"))));
        assert_eq!(c.sources[1].location, PathBuf::from(".screener-cache/us-ofac-sdn"));
        let e = ServeConfig::from_args(&args(&["uk-ofsi=http://mirror/ConList.csv"])).unwrap_err().to_string();
        assert!(e.contains("plain http"), "{e}");
        let mut a = args(&["uk-ofsi=http://mirror/ConList.csv"]);
        a.allow_http = true;
        let c = ServeConfig::from_args(&a).expect("valid");
        assert_eq!(c.sources[0].location, PathBuf::from(".screener-cache/uk-ofsi/ConList.csv"));
    }

    #[test]
    fn list_ages_are_set_per_kind_with_units_and_off() {
        let mut a = args(&["uk-fcdo=x.xml", "jp-mof=y.xlsx", "ca-sema=z.xml"]);
        a.max_list_ages = vec!["uk-fcdo=36h".into(), "jp-mof=off".into()];
        let c = ServeConfig::from_args(&a).expect("valid");
        assert_eq!(c.sources[0].max_age, Some(std::time::Duration::from_secs(36 * 3600)));
        assert_eq!(c.sources[1].max_age, None);
        assert_eq!(c.sources[2].max_age, crate::source::default_max_age(crate::model::SourceKind::CaSema));
        a.max_list_ages = vec!["uk-fcdo=3 weeks".into()];
        assert!(ServeConfig::from_args(&a).unwrap_err().to_string().contains("number of days"));
        a.max_list_ages = vec!["eu=3d".into()];
        assert!(ServeConfig::from_args(&a).unwrap_err().to_string().contains("unknown source kind"));
    }

    #[test]
    fn thresholds_are_checked() {
        let mut a = args(&["ca-sema=x.xml"]);
        a.review_threshold = Some(0.95);
        a.block_threshold = Some(0.9);
        assert!(ServeConfig::from_args(&a).unwrap_err().to_string().contains("review <= block"));
    }

    #[test]
    fn example_file_is_valid() {
        let mut a = args(&[]);
        a.config = Some(PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/deploy/screener.example.toml")));
        let c = ServeConfig::from_args(&a).expect("the shipped example parses");
        assert_eq!(c.sources.len(), 4);
        assert_eq!(c.thresholds, Thresholds::default());
        assert_eq!(c.max_message_bytes, DEFAULT_MAX_MESSAGE_BYTES);
    }

    #[test]
    fn file_fills_what_the_command_line_leaves() {
        let dir = tempfile::tempdir().expect("tempdir");
        let p = dir.path().join("c.toml");
        std::fs::write(&p, "sources = [\"uk-ofsi=ConList.csv\"]\nregime = \"all\"\nreview_threshold = 0.7\n")
            .expect("write");
        let mut a = args(&[]);
        a.config = Some(p.clone());
        let c = ServeConfig::from_args(&a).expect("valid");
        assert_eq!(c.regime, Regime::All);
        assert_eq!(c.sources.len(), 1);
        assert!((c.thresholds.review - 0.7).abs() < 1e-9);
        std::fs::write(&p, "sorces = []\n").expect("write");
        assert!(ServeConfig::from_args(&a).unwrap_err().to_string().contains("sorces"));
    }
}
