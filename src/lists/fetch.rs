//! URL sources: polls the publishers' URLs with conditional requests (`If-None-Match`,
//! `If-Modified-Since`) and keeps the last copy it fetched in a cache directory, which is what the
//! reloader reads. So a publisher that is down never stalls screening (the cached copy keeps
//! serving, and a restart serves from it at once), and a copy fetched whole is only then renamed
//! into place (never half a file).
//!
//! A fetched copy still passes the reloader's validation gate before it serves.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use tokio::io::AsyncWriteExt;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::lists::reload::Reloader;
use crate::source::{layout, SourceSpec};

/// The official publications, used when no source is configured (see [`layout::OFFICIAL`]).
pub use crate::source::layout::OFFICIAL;

#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    #[error("{url}: {error}")]
    Http { url: String, error: String },
    #[error("{url}: the publisher answered HTTP {status}")]
    Status { url: String, status: u16 },
    #[error("{url}: the publication is larger than the {limit} bytes allowed (--max-publication-bytes)")]
    TooLarge { url: String, limit: u64 },
    #[error("cannot write the cached copy {path}: {error}")]
    Cache { path: String, error: std::io::Error },
}

/// Validators from the last successful response, kept beside the cached copy.
#[derive(Debug, Default, Serialize, Deserialize)]
struct Meta {
    etag: Option<String>,
    last_modified: Option<String>,
}

/// The files of a URL source: (URL, cached path, required), as [`layout`] lays them out.
fn files(spec: &SourceSpec) -> Vec<(String, PathBuf, bool)> {
    let Some(url) = &spec.url else { return Vec::new() };
    let layout = layout::of(spec.kind);
    if !layout.is_set() {
        return vec![(url.clone(), spec.location.clone(), true)];
    }
    layout
        .remote_files(url)
        .into_iter()
        .map(|(remote, name, required)| (remote, spec.location.join(name), required))
        .collect()
}

/// Whether every required file of a URL source is in the cache already.
pub fn cached(spec: &SourceSpec) -> bool {
    files(spec).iter().all(|(_, path, required)| !required || path.is_file())
}

pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .user_agent(concat!("screener/", env!("CARGO_PKG_VERSION")))
        .connect_timeout(Duration::from_secs(20))
        // A publisher that accepts the connection and then sends nothing (or stops mid-body)
        // must not hold the poller: 30 s without a byte fails the fetch, the cache keeps serving
        // and the next poll tries again. The whole download may still take five minutes.
        .read_timeout(Duration::from_secs(30))
        .timeout(Duration::from_secs(300))
        .build()
        .unwrap_or_default()
}

/// Fetches a URL source's files once. Returns whether anything changed in the cache.
pub async fn fetch(client: &reqwest::Client, spec: &SourceSpec) -> Result<bool, FetchError> {
    let mut changed = false;
    for (url, path, required) in files(spec) {
        changed |= fetch_file(client, &url, &path, required, spec.max_bytes).await?;
    }
    Ok(changed)
}

async fn fetch_file(
    client: &reqwest::Client,
    url: &str,
    path: &Path,
    required: bool,
    limit: u64,
) -> Result<bool, FetchError> {
    let http = |e: reqwest::Error| FetchError::Http { url: url.to_string(), error: e.to_string() };
    let cache = |error: std::io::Error| FetchError::Cache { path: path.display().to_string(), error };
    let meta_path = path.with_extension("meta.json");
    // File work goes through tokio's blocking pool (tokio::fs, spawn_blocking): on the async
    // workers, writing, syncing and hashing a publication of a hundred megabytes stalled the RPCs
    // sharing them.
    let cached = tokio::fs::metadata(path).await.is_ok_and(|m| m.is_file());
    let meta: Meta = match tokio::fs::read(&meta_path).await {
        Ok(b) if cached => serde_json::from_slice(&b).unwrap_or_default(),
        _ => Meta::default(),
    };
    let mut req = client.get(url);
    if let Some(etag) = &meta.etag {
        req = req.header(reqwest::header::IF_NONE_MATCH, etag);
    }
    if let Some(lm) = &meta.last_modified {
        req = req.header(reqwest::header::IF_MODIFIED_SINCE, lm);
    }
    let mut resp = req.send().await.map_err(http)?;
    let status = resp.status();
    if status == reqwest::StatusCode::NOT_MODIFIED {
        return Ok(false);
    }
    if status == reqwest::StatusCode::NOT_FOUND && !required {
        return Ok(false);
    }
    if !status.is_success() {
        return Err(FetchError::Status { url: url.to_string(), status: status.as_u16() });
    }
    let too_large = || FetchError::TooLarge { url: url.to_string(), limit };
    if resp.content_length().is_some_and(|n| n > limit) {
        return Err(too_large());
    }
    let header = |name| {
        resp.headers().get(name).and_then(|v: &reqwest::header::HeaderValue| v.to_str().ok()).map(str::to_string)
    };
    let new_meta = Meta { etag: header(reqwest::header::ETAG), last_modified: header(reqwest::header::LAST_MODIFIED) };
    // Streamed to disk chunk by chunk: a body without Content-Length (or lying about it) is cut
    // off at the limit without ever being held in memory, which an endless body would fill.
    if let Some(dir) = path.parent() {
        tokio::fs::create_dir_all(dir).await.map_err(cache)?;
    }
    let tmp = path.with_extension("partial");
    let mut out = tokio::fs::File::create(&tmp).await.map_err(cache)?;
    let mut hasher = Sha256::new();
    let mut size = 0u64;
    let written: Result<(), FetchError> = async {
        while let Some(chunk) = resp.chunk().await.map_err(http)? {
            size += chunk.len() as u64;
            if size > limit {
                return Err(too_large());
            }
            hasher.update(&chunk);
            out.write_all(&chunk).await.map_err(cache)?;
        }
        out.sync_all().await.map_err(cache)
    }
    .await;
    drop(out);
    if let Err(e) = written {
        let _ = tokio::fs::remove_file(&tmp).await;
        return Err(e);
    }
    let digest = hasher.finalize();
    let old = path.to_path_buf();
    let same =
        tokio::task::spawn_blocking(move || digest_of(&old)).await.ok().flatten().is_some_and(|d| d == digest[..]);
    let meta_bytes = serde_json::to_vec(&new_meta).unwrap_or_default();
    if same {
        // Same bytes without validators (a publisher that ignores conditional requests).
        let _ = tokio::fs::remove_file(&tmp).await;
        let _ = tokio::fs::write(&meta_path, meta_bytes).await;
        return Ok(false);
    }
    tokio::fs::rename(&tmp, path).await.map_err(cache)?;
    let _ = tokio::fs::write(&meta_path, meta_bytes).await;
    Ok(true)
}

/// The sha256 of a cached file, read in pieces.
fn digest_of(path: &Path) -> Option<Vec<u8>> {
    let mut f = std::fs::File::open(path).ok()?;
    let mut h = Sha256::new();
    std::io::copy(&mut f, &mut h).ok()?;
    Some(h.finalize().to_vec())
}

/// Fetches until the first copy is cached (start-up without a cache), backing off between tries.
pub async fn first_copy(client: &reqwest::Client, spec: &SourceSpec, max_backoff: Duration) {
    let mut backoff = Duration::from_secs(1);
    while !cached(spec) {
        match fetch(client, spec).await {
            Ok(_) if cached(spec) => break,
            Ok(_) => tracing::warn!(source = %spec, "the publisher sent nothing to cache; retrying"),
            Err(e) => {
                tracing::warn!(source = %spec, error = %e, retry_in_s = backoff.as_secs(), "cannot fetch the list; retrying")
            }
        }
        tokio::time::sleep(backoff).await;
        backoff = (backoff * 2).min(max_backoff);
    }
}

/// Polls every URL source forever: on a change, reloads (through the gate); on a failure, backs
/// off (doubling from 1 s up to `interval`) and keeps serving the cached copy.
pub fn poll(reloader: Arc<Reloader>, specs: Vec<SourceSpec>, interval: Duration) {
    for spec in specs.into_iter().filter(|s| s.url.is_some()) {
        let reloader = reloader.clone();
        tokio::spawn(async move {
            let client = client();
            let mut wait = interval;
            loop {
                tokio::time::sleep(wait).await;
                match fetch(&client, &spec).await {
                    Ok(true) => {
                        tracing::info!(source = %spec, "the publisher has a new copy");
                        reloader.reload(&[], "publisher update").await;
                        wait = interval;
                    }
                    Ok(false) => wait = interval,
                    Err(e) => {
                        wait = if wait >= interval { Duration::from_secs(1) } else { (wait * 2).min(interval) };
                        tracing::warn!(source = %spec, error = %e, retry_in_ms = wait.as_millis() as u64,
                            "cannot fetch the list; the cached copy keeps serving");
                    }
                }
            }
        });
    }
}
