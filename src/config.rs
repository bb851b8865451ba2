//! Settings of `serve` (and the list settings `compare` and `screen-message` share), declared
//! once in [`Settings`]: clap reads each from its flag and `SCREENER_*` environment variable,
//! serde from the TOML file (`--config`) under the same name. Precedence: command line, then
//! environment, then file, then the defaults in [`defaults`]. [`ServeConfig::resolve`] validates
//! the merged settings into the typed form the server runs with; anything wrong stops the start
//! with a message naming the setting.
//!
//! Why one struct for three sources: a setting added in one place and forgotten in another (a
//! flag with no file key, a file key the flag does not override) is silently ignored, the worst
//! kind of configuration bug in a compliance service.

use std::collections::BTreeSet;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::time::Duration;

use clap::{Args, ValueEnum};
use serde::{Deserialize, Serialize};

use crate::auth::AdminPolicy;
use crate::matcher::Thresholds;
use crate::model::Regime;
use crate::source::SourceSpec;
use crate::telemetry::LogFormat;
use crate::tls::TlsFiles;

/// The default of every setting that has one, by name; the flag help and the README quote them.
pub mod defaults {
    pub const LISTEN: &str = "0.0.0.0:50051";
    pub const MAX_MESSAGE_BYTES: usize = 256 * 1024;
    pub const CACHE_DIR: &str = ".screener-cache";
    pub const POLL_INTERVAL_S: u64 = 3600;
    pub const SHUTDOWN_GRACE_S: f64 = 5.0;
    pub const MAX_CONCURRENT_REQUESTS: usize = 1024;
    pub const MAX_REQUESTS_PER_CONNECTION: usize = 256;
    pub const MAX_STREAMS: usize = 256;
    pub const MAX_STREAMS_PER_CONNECTION: usize = 16;
    pub const STREAM_TIMEOUT_S: f64 = 3600.0;
    pub const STREAM_IDLE_TIMEOUT_S: f64 = 30.0;
    pub const MAX_CONCURRENT_STREAMS: u32 = 256;
    pub const REQUEST_TIMEOUT_S: f64 = 30.0;
    pub use crate::lists::reload::{DEFAULT_MAX_SCOPE_SHRINK as MAX_SCOPE_SHRINK, DEFAULT_MAX_SHRINK as MAX_SHRINK};
    pub use crate::source::DEFAULT_MAX_PUBLICATION_BYTES as MAX_PUBLICATION_BYTES;
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RegimeArg {
    Belarus,
    All,
}

impl From<RegimeArg> for Regime {
    fn from(r: RegimeArg) -> Regime {
        match r {
            RegimeArg::Belarus => Regime::Belarus,
            RegimeArg::All => Regime::All,
        }
    }
}

/// The lists and how they are screened: shared by `serve`, `compare` and `screen-message`
/// (`#[command(flatten)]`), so an analyst replays a decision with exactly the server's flags.
#[derive(Debug, Clone, Default, Args, Serialize, Deserialize)]
#[serde(default)]
pub struct ListSettings {
    /// A list source, KIND=PATH or KIND=URL; repeat for each list. Kinds: ca-sema (sema-lmes.xml),
    /// us-ofac-sdn (directory with SDN.CSV, ALT.CSV, ADD.CSV, or an sdn*.csv file), uk-fcdo
    /// (UK-Sanctions-List.xml), eu-fsf (EU XML 1.1), jp-mof (the MOF workbook, .xlsx), uk-ofsi
    /// (ConList.csv, retired on 28 January 2026). In the environment: comma-separated. `serve`
    /// with none uses the official URLs; `compare` uses them for word statistics only.
    #[arg(long = "source", env = "SCREENER_SOURCES", value_delimiter = ',')]
    pub sources: Vec<String>,
    /// TOML configuration file with any of these settings under their long names with `_`
    /// (see deploy/screener.example.toml).
    #[arg(long, env = "SCREENER_CONFIG")]
    #[serde(skip)]
    pub config: Option<PathBuf>,
    /// Which entities are screened against [default: belarus].
    #[arg(long, env = "SCREENER_REGIME", value_enum)]
    pub regime: Option<RegimeArg>,
    /// Score at or above which a match is REVIEW [default: 0.80].
    #[arg(long, env = "SCREENER_REVIEW_THRESHOLD")]
    pub review_threshold: Option<f64>,
    /// Score at or above which a match is BLOCK [default: 0.92].
    #[arg(long, env = "SCREENER_BLOCK_THRESHOLD")]
    pub block_threshold: Option<f64>,
}

/// Every setting of `serve`, optional here: `None` is "not given", so the next source down (the
/// environment, the file, the default in [`ServeConfig::resolve`]) decides. Switches are
/// `Option<bool>` for that reason: `--no-watch` alone is true, `--no-watch=false` or
/// `SCREENER_NO_WATCH=false` turns off a `no_watch = true` from the file (`1`/`0`, `yes`/`no`,
/// `on`/`off` work too).
#[derive(Debug, Clone, Default, Args, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    #[command(flatten)]
    #[serde(flatten)]
    pub lists: ListSettings,
    /// Address to listen on for gRPC [default: 0.0.0.0:50051]. Port 0 picks a free port (logged).
    #[arg(long, env = "SCREENER_LISTEN")]
    pub listen: Option<SocketAddr>,
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
    #[arg(long, env = "SCREENER_ALLOW_MISSING_COMPANIONS", num_args = 0..=1, require_equals = true, default_missing_value = "true", value_parser = clap::builder::BoolishValueParser::new())]
    pub allow_missing_companions: Option<bool>,
    /// Do not watch the list files (reload only on SIGHUP or AdminService.ReloadLists).
    #[arg(long, env = "SCREENER_NO_WATCH", num_args = 0..=1, require_equals = true, default_missing_value = "true", value_parser = clap::builder::BoolishValueParser::new())]
    pub no_watch: Option<bool>,
    /// Where URL sources keep their last fetched copy [default: .screener-cache].
    #[arg(long, env = "SCREENER_CACHE_DIR")]
    pub cache_dir: Option<PathBuf>,
    /// Where the last accepted copy of each source is kept, so that a restart judges the lists
    /// by the publications accepted before it and falls back to them when the gate refuses
    /// [default: CACHE_DIR/accepted with URL sources, none otherwise].
    #[arg(long, env = "SCREENER_STATE_DIR")]
    pub state_dir: Option<PathBuf>,
    /// Seconds between polls of URL sources [default: 3600].
    #[arg(long, env = "SCREENER_POLL_INTERVAL")]
    pub poll_interval: Option<u64>,
    /// Accept plain `http://` source URLs (tests, internal mirrors); otherwise only `https://`.
    #[arg(long, env = "SCREENER_ALLOW_HTTP", num_args = 0..=1, require_equals = true, default_missing_value = "true", value_parser = clap::builder::BoolishValueParser::new())]
    pub allow_http: Option<bool>,
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
    #[arg(long, env = "SCREENER_TELEMETRY_RAW_VALUES", num_args = 0..=1, require_equals = true, default_missing_value = "true", value_parser = clap::builder::BoolishValueParser::new())]
    pub telemetry_raw_values: Option<bool>,
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
    /// Unary calls in progress at once, across connections, counted from their request's first
    /// bytes (a call whose body never comes does no work); more are refused with
    /// RESOURCE_EXHAUSTED [default: 1024]. Streams have their own budget (--max-streams).
    #[arg(long, env = "SCREENER_MAX_CONCURRENT_REQUESTS")]
    pub max_concurrent_requests: Option<usize>,
    /// Unary calls in progress at once on one connection, at most a quarter of
    /// --max-concurrent-requests when that is 8 or more [default: 256].
    #[arg(long, env = "SCREENER_MAX_REQUESTS_PER_CONNECTION")]
    pub max_requests_per_connection: Option<usize>,
    /// Streams (ScreenStream, WatchListChanges, health Watch, reflection) open at once, across
    /// connections; more are refused with RESOURCE_EXHAUSTED [default: 256].
    #[arg(long, env = "SCREENER_MAX_STREAMS")]
    pub max_streams: Option<usize>,
    /// Streams open at once on one connection, at most a quarter of --max-streams when that is 8
    /// or more [default: 16].
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
    /// Connections open at once; more wait in the kernel's backlog until one closes
    /// [default: the open-file limit less 64, at most 10000].
    #[arg(long, env = "SCREENER_MAX_CONNECTIONS")]
    pub max_connections: Option<usize>,
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
    pub max_list_age: Vec<String>,
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

impl Settings {
    /// These settings over the file's (`--config`): what the command line or the environment
    /// gave wins, the file fills the rest. Unknown keys in the file are errors, so a typo is not
    /// silently ignored.
    pub fn merged_with_file(&self) -> Result<Settings, ConfigError> {
        let Some(path) = &self.lists.config else { return Ok(self.clone()) };
        let mut merged = to_table(&read_file(path)?)?;
        for (key, value) in to_table(self)? {
            if is_given(&value) {
                merged.insert(key, value);
            }
        }
        let mut settings: Settings = toml::Value::Table(merged).try_into().map_err(|e: toml::de::Error| {
            ConfigError::File { path: path.display().to_string(), error: e.to_string() }
        })?;
        settings.lists.config = Some(path.clone());
        Ok(settings)
    }

    /// The keys a configuration file may hold: every setting but `config` itself.
    fn keys() -> BTreeSet<String> {
        match serde_json::to_value(Settings::default()) {
            Ok(serde_json::Value::Object(m)) => m.into_iter().map(|(k, _)| k).collect(),
            _ => BTreeSet::new(),
        }
    }
}

/// A value the command line or environment set. Absent options are absent from the table; a
/// list of nothing but blanks (`SCREENER_PINS=` from a template whose variable was unset) is not
/// given either, so it cannot silently empty the file's list (and drop its pins).
fn is_given(v: &toml::Value) -> bool {
    match v {
        toml::Value::Array(a) => a.iter().any(|x| x.as_str().is_none_or(|s| !s.trim().is_empty())),
        _ => true,
    }
}

/// The settings as a TOML table: options not given are left out, floats keep NaN and infinity
/// (so validation still refuses them).
fn to_table(s: &Settings) -> Result<toml::Table, ConfigError> {
    match toml::Value::try_from(s) {
        Ok(toml::Value::Table(t)) => Ok(t),
        Ok(_) => Err(ConfigError::Invalid("settings are not a table".into())),
        Err(e) => Err(ConfigError::Invalid(format!(
            "a setting cannot be represented ({e}); with --config, paths must be UTF-8"
        ))),
    }
}

/// Largest configuration file read. A real one is a few kilobytes; a mistyped `--config` naming a
/// list publication, a log or `/dev/zero` is refused at once instead of read into memory.
const MAX_CONFIG_BYTES: u64 = 1 << 20;

fn read_file(path: &Path) -> Result<Settings, ConfigError> {
    let bad = |error: String| ConfigError::File { path: path.display().to_string(), error };
    let read_error = |error| ConfigError::Read { path: path.display().to_string(), error };
    let bytes = crate::source::read_small(path, MAX_CONFIG_BYTES).map_err(|e| match e.kind() {
        std::io::ErrorKind::InvalidData => bad(format!(
            "larger than {} KiB: not a configuration file (is --config the right path?)",
            MAX_CONFIG_BYTES / 1024
        )),
        _ => read_error(e),
    })?;
    let text = String::from_utf8(bytes).map_err(|_| bad("not UTF-8 text".into()))?;
    let table: toml::Table = toml::from_str(&text).map_err(|e| bad(e.to_string()))?;
    let known = Settings::keys();
    if table.contains_key("config") {
        return Err(bad("`config` names this file: it cannot be set inside it (give --config once)".into()));
    }
    if let Some(unknown) = table.keys().find(|k| !known.contains(k.as_str())) {
        return Err(bad(format!(
            "unknown setting `{unknown}` (settings are the long flag names with `_`: {})",
            known.iter().cloned().collect::<Vec<_>>().join(", ")
        )));
    }
    table.clone().try_into().map_err(|e: toml::de::Error| bad(name_the_key(&table, e)))
}

/// The error, with the key it is about. serde names the key of a plain field but not of one in
/// the flattened list settings (`review_threshold = "x"` said only "expected f64"), so each key
/// is tried alone to find it.
fn name_the_key(table: &toml::Table, e: toml::de::Error) -> String {
    let culprit = table.iter().find(|(k, v)| {
        let alone = toml::Table::from_iter([((*k).clone(), (*v).clone())]);
        alone.try_into::<Settings>().is_err()
    });
    match culprit {
        Some((key, _)) if !e.to_string().contains(&format!("`{key}`")) => format!("{}\nin `{key}`", e.message()),
        _ => e.to_string(),
    }
}

/// Validated settings for `serve`, in the types the server runs with. `check-config` prints it.
#[derive(Debug, Clone, Serialize)]
pub struct ServeConfig {
    pub listen: SocketAddr,
    #[serde(serialize_with = "display_all")]
    pub sources: Vec<SourceSpec>,
    #[serde(serialize_with = "regime_name")]
    pub regime: Regime,
    #[serde(serialize_with = "threshold_pair")]
    pub thresholds: Thresholds,
    pub max_message_bytes: usize,
    pub log_format: LogFormat,
    pub good_guys: Option<PathBuf>,
    pub max_shrink: f64,
    pub max_scope_shrink: f64,
    pub allow_missing_companions: bool,
    pub watch: bool,
    #[serde(serialize_with = "seconds")]
    pub poll_interval: Duration,
    /// See `Settings::state_dir`; resolved.
    pub state_dir: Option<PathBuf>,
    /// No source was configured, so the official publication URLs are used.
    pub official_defaults: bool,
    #[serde(serialize_with = "seconds")]
    pub shutdown_grace: Duration,
    pub metrics_listen: Option<SocketAddr>,
    pub audit_log: Option<PathBuf>,
    pub telemetry_hash_key_file: Option<PathBuf>,
    pub telemetry_raw_values: bool,
    pub tls: Option<TlsFiles>,
    pub admin: AdminPolicy,
    pub max_concurrent_streams: u32,
    pub max_connections: usize,
    #[serde(serialize_with = "seconds")]
    pub request_timeout: Duration,
    /// Unary and stream budgets, stream timeout.
    #[serde(serialize_with = "admission_limits")]
    pub admission: crate::layers::Admission,
    #[serde(serialize_with = "seconds")]
    pub stream_idle_timeout: Duration,
}

fn seconds<S: serde::Serializer>(d: &Duration, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_f64(d.as_secs_f64())
}

/// Each source with what `serve` applies to it: where it is read (a URL source's cache copy),
/// its pin, staleness alarm and size limit.
fn display_all<S: serde::Serializer>(v: &[SourceSpec], s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(v.iter().map(|x| {
        serde_json::json!({
            "source": x.to_string(),
            "kind": x.kind.as_str(),
            "location": x.location.display().to_string(),
            "url": x.url,
            "pin": x.pin,
            "max_list_age": x.max_age.map(|a| a.as_secs()),
            "max_publication_bytes": x.max_bytes,
        })
    }))
}

fn regime_name<S: serde::Serializer>(r: &Regime, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(r.as_str())
}

fn threshold_pair<S: serde::Serializer>(t: &Thresholds, s: S) -> Result<S::Ok, S::Error> {
    serde_json::json!({"review": t.review, "block": t.block}).serialize(s)
}

fn admission_limits<S: serde::Serializer>(a: &crate::layers::Admission, s: S) -> Result<S::Ok, S::Error> {
    serde_json::json!({
        "max_concurrent_requests": a.unary.total,
        "max_requests_per_connection": a.unary.per_connection,
        "max_streams": a.streams.total,
        "max_streams_per_connection": a.streams.per_connection,
        "stream_timeout": a.stream_timeout.as_secs_f64(),
    })
    .serialize(s)
}

impl ServeConfig {
    /// The settings `serve` runs with: `settings` over its file, validated. With no source the
    /// official publication URLs are used.
    pub fn from_settings(settings: &Settings) -> Result<ServeConfig, ConfigError> {
        ServeConfig::resolve(settings, true)
    }

    /// The list settings as `serve` would resolve them, for the offline commands; the sources
    /// may be empty (no official defaults: those commands do not fetch).
    ///
    /// A file shared with `serve` may hold its other settings too: they are read (a typo is
    /// still an error) but not validated, since these commands do not use them and cannot be
    /// given the flags or environment that would override them. What reading a source needs
    /// (its cache, pins, size limit, plain http) is kept.
    pub fn for_lists(lists: &ListSettings) -> Result<ServeConfig, ConfigError> {
        let s = Settings { lists: lists.clone(), ..Default::default() }.merged_with_file()?;
        let kept = Settings {
            lists: s.lists,
            allow_http: s.allow_http,
            cache_dir: s.cache_dir,
            max_publication_bytes: s.max_publication_bytes,
            pins: s.pins,
            max_list_age: s.max_list_age,
            ..Default::default()
        };
        ServeConfig::validate(&kept, false)
    }

    fn resolve(given: &Settings, require_sources: bool) -> Result<ServeConfig, ConfigError> {
        ServeConfig::validate(&given.merged_with_file()?, require_sources)
    }

    fn validate(s: &Settings, require_sources: bool) -> Result<ServeConfig, ConfigError> {
        use defaults as d;
        // An empty path is a template whose variable was left blank, not a choice: the cache would
        // land in the working directory, and the others fail later with a less helpful message.
        for (name, path) in [
            ("cache_dir", &s.cache_dir),
            ("state_dir", &s.state_dir),
            ("good_guys", &s.good_guys),
            ("audit_log", &s.audit_log),
            ("telemetry_hash_key_file", &s.telemetry_hash_key_file),
            ("tls_cert", &s.tls_cert),
            ("tls_key", &s.tls_key),
            ("tls_client_ca", &s.tls_client_ca),
            ("admin_token_file", &s.admin_token_file),
        ] {
            if path.as_ref().is_some_and(|p| p.as_os_str().is_empty()) {
                return Err(ConfigError::Invalid(format!("{name} is empty: give a path, or leave the setting out")));
            }
        }
        let mut sources = s
            .lists
            .sources
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
        let allow_http = s.allow_http.unwrap_or(false);
        if let Some(s) =
            sources.iter().find(|s| s.url.as_deref().is_some_and(|u| u.starts_with("http://")) && !allow_http)
        {
            return Err(ConfigError::Invalid(format!(
                "source {s} uses plain http, which anyone on the path can alter; use https, or --allow-http for a trusted mirror"
            )));
        }
        let cache_dir = s.cache_dir.clone().unwrap_or_else(|| PathBuf::from(d::CACHE_DIR));
        let max_bytes = s.max_publication_bytes.unwrap_or(d::MAX_PUBLICATION_BYTES);
        if max_bytes < 1024 {
            return Err(ConfigError::Invalid(format!("max_publication_bytes must be at least 1024 (got {max_bytes})")));
        }
        // URL sources write a cache anyway, so their accepted copies are kept beside it by default;
        // file sources keep none unless asked, since the service would otherwise write into
        // whatever directory it was started from.
        let state_dir =
            s.state_dir.clone().or_else(|| sources.iter().any(|s| s.url.is_some()).then(|| cache_dir.join("accepted")));
        let mut sources: Vec<SourceSpec> = sources.into_iter().map(|s| s.cached_in(&cache_dir)).collect();
        for s in &mut sources {
            s.max_bytes = max_bytes;
        }
        for pin in s.pins.iter().filter(|p| !p.trim().is_empty()) {
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
            if source.pin.is_some() {
                return Err(ConfigError::Invalid(format!("pin `{pin}`: {} is pinned twice", source.kind)));
            }
            source.pin = Some(digest);
        }
        let configured_kinds = sources.iter().map(|s| s.kind.as_str()).collect::<Vec<_>>().join(", ");
        for setting in s.max_list_age.iter().filter(|p| !p.trim().is_empty()) {
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
            let mut configured = sources.iter_mut().filter(|s| s.kind == kind).peekable();
            if configured.peek().is_none() {
                return Err(ConfigError::Invalid(format!(
                    "max_list_age `{setting}` names no configured source (configured: {})",
                    configured_kinds
                )));
            }
            for s in configured {
                s.max_age = age;
            }
        }
        let grace = within("shutdown_grace", s.shutdown_grace.unwrap_or(d::SHUTDOWN_GRACE_S), 0.0..=600.0, " seconds")?;
        let shutdown_grace = Duration::from_secs_f64(grace);
        let poll_interval = s.poll_interval.unwrap_or(d::POLL_INTERVAL_S);
        if poll_interval == 0 {
            return Err(ConfigError::Invalid("poll_interval must be at least 1 second".into()));
        }
        let mut kinds: Vec<_> = sources.iter().map(|s| s.kind).collect();
        kinds.sort();
        if kinds.windows(2).any(|w| w[0] == w[1]) {
            return Err(ConfigError::Invalid("each source kind may be configured once".into()));
        }
        let thresholds = Thresholds {
            review: s.lists.review_threshold.unwrap_or(Thresholds::default().review),
            block: s.lists.block_threshold.unwrap_or(Thresholds::default().block),
        };
        if !(thresholds.review > 0.0 && thresholds.review <= thresholds.block && thresholds.block <= 1.0) {
            return Err(ConfigError::Invalid(format!(
                "thresholds must satisfy 0 < review <= block <= 1 (got review {}, block {})",
                thresholds.review, thresholds.block
            )));
        }
        let max_message_bytes = within(
            "max_message_bytes",
            s.max_message_bytes.unwrap_or(d::MAX_MESSAGE_BYTES),
            1024..=64 * 1024 * 1024,
            "",
        )?;
        let max_shrink = within("max_shrink", s.max_shrink.unwrap_or(d::MAX_SHRINK), 0.0..=1.0, "")?;
        let max_scope_shrink =
            within("max_scope_shrink", s.max_scope_shrink.unwrap_or(d::MAX_SCOPE_SHRINK), 0.0..=1.0, "")?;
        let listen = match s.listen {
            Some(l) => l,
            None => d::LISTEN.parse().map_err(|_| ConfigError::Invalid("bad default listen address".into()))?,
        };
        let tls = match (s.tls_cert.clone(), s.tls_key.clone(), s.tls_client_ca.clone()) {
            (Some(cert), Some(key), client_ca) => Some(TlsFiles { cert, key, client_ca }),
            (None, None, None) => None,
            (None, None, Some(_)) => {
                return Err(ConfigError::Invalid("tls_client_ca needs tls_cert and tls_key (mutual TLS is TLS)".into()))
            }
            _ => return Err(ConfigError::Invalid("tls_cert and tls_key go together: give both or neither".into())),
        };
        let admin = AdminPolicy {
            token_file: s.admin_token_file.clone(),
            identities: s.admin_identities.iter().map(|i| i.trim().to_string()).filter(|i| !i.is_empty()).collect(),
        };
        if !admin.identities.is_empty() && tls.as_ref().is_none_or(|t| t.client_ca.is_none()) {
            return Err(ConfigError::Invalid(
                "admin_identities are client-certificate identities: they need mutual TLS (tls_client_ca)".into(),
            ));
        }
        let max_concurrent_requests = within(
            "max_concurrent_requests",
            s.max_concurrent_requests.unwrap_or(d::MAX_CONCURRENT_REQUESTS),
            1..=1_000_000,
            "",
        )?;
        let max_concurrent_streams = within(
            "max_concurrent_streams",
            s.max_concurrent_streams.unwrap_or(d::MAX_CONCURRENT_STREAMS),
            1..=65_536,
            "",
        )?;
        let max_connections = match s.max_connections {
            Some(n) => within("max_connections", n, 1..=1_000_000, "")?,
            None => crate::layers::default_max_connections(),
        };
        let request_timeout =
            within("request_timeout", s.request_timeout.unwrap_or(d::REQUEST_TIMEOUT_S), 0.001..=3600.0, " seconds")?;
        let max_requests_per_connection = within(
            "max_requests_per_connection",
            s.max_requests_per_connection.unwrap_or(d::MAX_REQUESTS_PER_CONNECTION),
            1..=1_000_000,
            "",
        )?;
        let max_streams = within("max_streams", s.max_streams.unwrap_or(d::MAX_STREAMS), 1..=1_000_000, "")?;
        let max_streams_per_connection = within(
            "max_streams_per_connection",
            s.max_streams_per_connection.unwrap_or(d::MAX_STREAMS_PER_CONNECTION),
            1..=65_536,
            "",
        )?;
        let stream_timeout =
            within("stream_timeout", s.stream_timeout.unwrap_or(d::STREAM_TIMEOUT_S), 0.001..=86_400.0, " seconds")?;
        let stream_idle_timeout = within(
            "stream_idle_timeout",
            s.stream_idle_timeout.unwrap_or(d::STREAM_IDLE_TIMEOUT_S),
            0.001..=86_400.0,
            " seconds",
        )?;
        // One connection holds a quarter of a budget at most, whatever its own limit says: with
        // `max_concurrent_requests = 256` and the per-connection default of 256, one client's
        // connection of calls that never sent their bodies refused every other client for as long
        // as the request timeout (an outside test, round 17). A budget below 8 is one client's
        // (a test, a sidecar): its connection may take all of it.
        let share = |total: usize, per_connection: usize| {
            if total < 8 {
                per_connection
            } else {
                per_connection.min(total / 4)
            }
        };
        let admission = crate::layers::Admission {
            unary: crate::layers::Budget {
                total: max_concurrent_requests,
                per_connection: share(max_concurrent_requests, max_requests_per_connection),
            },
            streams: crate::layers::Budget {
                total: max_streams,
                per_connection: share(max_streams, max_streams_per_connection),
            },
            stream_timeout: Duration::from_secs_f64(stream_timeout),
            // As much as the whole unary budget's requests at their largest.
            arriving_bytes: max_concurrent_requests.saturating_mul(max_message_bytes),
        };
        let regime = Regime::from(s.lists.regime.unwrap_or(RegimeArg::Belarus));
        Ok(ServeConfig {
            listen,
            sources,
            regime,
            thresholds,
            max_message_bytes,
            log_format: s.log_format.unwrap_or_default(),
            good_guys: s.good_guys.clone(),
            max_shrink,
            max_scope_shrink,
            allow_missing_companions: s.allow_missing_companions.unwrap_or(false),
            watch: !s.no_watch.unwrap_or(false),
            poll_interval: Duration::from_secs(poll_interval),
            state_dir,
            official_defaults,
            shutdown_grace,
            metrics_listen: s.metrics_listen,
            audit_log: s.audit_log.clone(),
            telemetry_hash_key_file: s.telemetry_hash_key_file.clone(),
            telemetry_raw_values: s.telemetry_raw_values.unwrap_or(false),
            tls,
            admin,
            max_concurrent_streams,
            max_connections,
            request_timeout: Duration::from_secs_f64(request_timeout),
            admission,
            stream_idle_timeout: Duration::from_secs_f64(stream_idle_timeout),
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

#[cfg(test)]
mod tests {
    use super::*;

    fn args(sources: &[&str]) -> Settings {
        let lists = ListSettings { sources: sources.iter().map(|s| s.to_string()).collect(), ..Default::default() };
        Settings { lists, ..Default::default() }
    }

    #[test]
    fn no_source_means_the_official_urls_and_http_needs_consent() {
        let c = ServeConfig::from_settings(&args(&[])).expect("valid");
        assert!(c.official_defaults);
        let kinds: Vec<&str> = c.sources.iter().map(|s| s.kind.as_str()).collect();
        assert_eq!(kinds, ["ca-sema", "us-ofac-sdn", "uk-fcdo", "eu-fsf"], "the current publications, not OFSI's");
        assert!(c.sources.iter().all(|s| s.url.as_deref().is_some_and(|u| u.starts_with("https://"))));
        assert_eq!(c.sources[1].location, PathBuf::from(".screener-cache/us-ofac-sdn"));
        let e = ServeConfig::from_settings(&args(&["uk-ofsi=http://mirror/ConList.csv"])).unwrap_err().to_string();
        assert!(e.contains("plain http"), "{e}");
        let mut a = args(&["uk-ofsi=http://mirror/ConList.csv"]);
        a.allow_http = Some(true);
        let c = ServeConfig::from_settings(&a).expect("valid");
        assert_eq!(c.sources[0].location, PathBuf::from(".screener-cache/uk-ofsi/ConList.csv"));
    }

    #[test]
    fn list_ages_are_set_per_kind_with_units_and_off() {
        let mut a = args(&["uk-fcdo=x.xml", "jp-mof=y.xlsx", "ca-sema=z.xml"]);
        a.max_list_age = vec!["uk-fcdo=36h".into(), "jp-mof=off".into()];
        let c = ServeConfig::from_settings(&a).expect("valid");
        assert_eq!(c.sources[0].max_age, Some(std::time::Duration::from_secs(36 * 3600)));
        assert_eq!(c.sources[1].max_age, None);
        assert_eq!(c.sources[2].max_age, crate::source::default_max_age(crate::model::SourceKind::CaSema));
        a.max_list_age = vec!["uk-fcdo=3 weeks".into()];
        assert!(ServeConfig::from_settings(&a).unwrap_err().to_string().contains("number of days"));
        a.max_list_age = vec!["eu=3d".into()];
        assert!(ServeConfig::from_settings(&a).unwrap_err().to_string().contains("unknown source kind"));
    }

    /// One connection never holds more than a quarter of a budget of 8 or more: with the
    /// cluster's 256 unary calls and the per-connection default, one connection took them all.
    #[test]
    fn one_connection_holds_a_quarter_of_a_budget_at_most() {
        let mut a = args(&["ca-sema=x.xml"]);
        a.max_concurrent_requests = Some(256);
        a.max_streams = Some(32);
        let c = ServeConfig::from_settings(&a).expect("valid");
        assert_eq!(c.admission.unary.per_connection, 64);
        assert_eq!(c.admission.streams.per_connection, 8);
        a.max_concurrent_requests = Some(4);
        let c = ServeConfig::from_settings(&a).expect("valid");
        assert_eq!(c.admission.unary.per_connection, defaults::MAX_REQUESTS_PER_CONNECTION, "a budget of one client's");
        let c = ServeConfig::from_settings(&args(&["ca-sema=x.xml"])).expect("valid");
        assert_eq!(c.admission.unary.per_connection, 256, "the defaults already keep to a quarter");
    }

    #[test]
    fn thresholds_are_checked() {
        let mut a = args(&["ca-sema=x.xml"]);
        a.lists.review_threshold = Some(0.95);
        a.lists.block_threshold = Some(0.9);
        assert!(ServeConfig::from_settings(&a).unwrap_err().to_string().contains("review <= block"));
    }

    #[test]
    fn example_file_is_valid() {
        let mut a = args(&[]);
        a.lists.config = Some(PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/deploy/screener.example.toml")));
        let c = ServeConfig::from_settings(&a).expect("the shipped example parses");
        assert_eq!(c.sources.len(), 4);
        assert_eq!(c.thresholds, Thresholds::default());
        assert_eq!(c.max_message_bytes, defaults::MAX_MESSAGE_BYTES);
    }

    #[test]
    fn file_fills_what_the_command_line_leaves() {
        let dir = tempfile::tempdir().expect("tempdir");
        let p = dir.path().join("c.toml");
        std::fs::write(&p, "sources = [\"uk-ofsi=ConList.csv\"]\nregime = \"all\"\nreview_threshold = 0.7\n")
            .expect("write");
        let mut a = args(&[]);
        a.lists.config = Some(p.clone());
        let c = ServeConfig::from_settings(&a).expect("valid");
        assert_eq!(c.regime, Regime::All);
        assert_eq!(c.sources.len(), 1);
        assert!((c.thresholds.review - 0.7).abs() < 1e-9);
        std::fs::write(&p, "review_threshold = \"high\"\n").expect("write");
        let e = ServeConfig::from_settings(&a).unwrap_err().to_string();
        assert!(e.contains("`review_threshold`"), "a flattened list setting is named too: {e}");
        std::fs::write(&p, "sorces = []\n").expect("write");
        assert!(ServeConfig::from_settings(&a).unwrap_err().to_string().contains("sorces"));
    }

    #[test]
    fn empty_paths_and_oversized_files_are_refused() {
        let mut a = args(&["ca-sema=x.xml"]);
        a.cache_dir = Some(PathBuf::new());
        assert!(ServeConfig::from_settings(&a).unwrap_err().to_string().contains("cache_dir is empty"));
        let dir = tempfile::tempdir().expect("tempdir");
        let p = dir.path().join("big.toml");
        let line = "# a comment line that makes the file large\n";
        std::fs::write(&p, line.repeat((MAX_CONFIG_BYTES as usize) / line.len() + 2)).expect("write");
        let mut a = args(&[]);
        a.lists.config = Some(p.clone());
        let e = ServeConfig::from_settings(&a).unwrap_err().to_string();
        assert!(e.contains("not a configuration file") && e.contains("big.toml"), "{e}");
        std::fs::write(&p, "tls_cert = \"\"\n").expect("write");
        let e = ServeConfig::from_settings(&a).unwrap_err().to_string();
        assert!(e.contains("tls_cert is empty"), "{e}");
    }

    #[test]
    fn every_file_key_is_a_flag_with_an_environment_variable() {
        use clap::Args as _;
        let cmd = Settings::augment_args(clap::Command::new("serve"));
        for key in Settings::keys() {
            let arg = cmd.get_arguments().find(|a| a.get_id().as_str() == key);
            let arg = arg.unwrap_or_else(|| panic!("file key `{key}` has no flag"));
            let env = arg.get_env().and_then(|e| e.to_str()).unwrap_or_default();
            assert_eq!(env, format!("SCREENER_{}", key.to_ascii_uppercase()), "{key}");
        }
    }

    #[test]
    fn the_command_line_wins_over_the_file_and_the_file_over_the_defaults() {
        let dir = tempfile::tempdir().expect("tempdir");
        let p = dir.path().join("c.toml");
        std::fs::write(
            &p,
            "sources = [\"uk-ofsi=ConList.csv\"]\nshutdown_grace = 2.5\nno_watch = true\nmax_streams = 9\n",
        )
        .expect("write");
        let mut a = args(&["ca-sema=x.xml"]);
        a.lists.config = Some(p);
        a.max_streams = Some(12);
        let c = ServeConfig::from_settings(&a).expect("valid");
        assert_eq!(c.sources.len(), 1);
        assert_eq!(c.sources[0].kind.as_str(), "ca-sema", "the flag's sources replace the file's");
        assert_eq!(c.shutdown_grace, Duration::from_secs_f64(2.5), "the file fills what the flags leave");
        assert!(!c.watch, "a switch set in the file holds when the flag is not given");
        assert_eq!(c.admission.streams.total, 12);
        assert_eq!(c.request_timeout, Duration::from_secs_f64(defaults::REQUEST_TIMEOUT_S));
    }

    #[test]
    fn a_blank_list_or_a_false_switch_from_the_environment_is_read_as_such() {
        let dir = tempfile::tempdir().expect("tempdir");
        let p = dir.path().join("c.toml");
        let pin = "a".repeat(64);
        std::fs::write(
            &p,
            format!("sources = [\"uk-ofsi=ConList.csv\"]\npins = [\"uk-ofsi={pin}\"]\ntelemetry_raw_values = true\n"),
        )
        .expect("write");
        let mut a = args(&[""]);
        a.lists.config = Some(p);
        a.pins = vec![" ".into()];
        a.telemetry_raw_values = Some(false);
        let c = ServeConfig::from_settings(&a).expect("valid");
        assert!(!c.official_defaults, "a blank SCREENER_SOURCES does not replace the file's sources");
        assert_eq!(c.sources[0].pin.as_deref(), Some(pin.as_str()), "nor does a blank SCREENER_PINS drop its pin");
        assert!(!c.telemetry_raw_values, "false from the environment turns off the file's true");
        a.shutdown_grace = Some(f64::INFINITY);
        assert!(ServeConfig::from_settings(&a).unwrap_err().to_string().contains("shutdown_grace"));
    }
}
