//! TLS and mutual TLS for the gRPC listener (rustls), with certificates that reload when their
//! files change, so a rotation (cert-manager, a Kubernetes Secret update) needs no restart.
//!
//! tonic's own TLS settings are fixed at start, so the listener does the handshake itself: each
//! accepted connection is handed the server configuration current at that moment; connections
//! already open keep theirs. A changed file that does not load (half-written, key not matching
//! the certificate) is refused with a log line and the previous configuration keeps serving.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use arc_swap::ArcSwap;
use futures_util::{Stream, StreamExt};
use rustls::server::WebPkiClientVerifier;
use rustls::{RootCertStore, ServerConfig};
use rustls_pki_types::pem::PemObject;
use rustls_pki_types::{CertificateDer, PrivateKeyDer};
use sha2::{Digest, Sha256};
use tokio_rustls::server::TlsStream;
use tokio_rustls::TlsAcceptor;

use crate::layers::connections::Admitted;

/// How long a client may take to finish the handshake before the connection is dropped (a
/// client that opens sockets and never speaks must not hold them).
const HANDSHAKE_TIMEOUT: Duration = Duration::from_secs(10);
/// How often the certificate files are checked for a change. Kubernetes updates mounted
/// Secrets by swapping a symlink, which file watchers see inconsistently; reading three small
/// files every few seconds is simple and always right.
const RELOAD_CHECK: Duration = Duration::from_secs(5);

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct TlsFiles {
    pub cert: PathBuf,
    pub key: PathBuf,
    /// Clients must present a certificate signed by this CA (mutual TLS).
    pub client_ca: Option<PathBuf>,
}

#[derive(Debug, thiserror::Error)]
pub enum TlsError {
    #[error("cannot read {path}: {error}")]
    Read { path: String, error: std::io::Error },
    #[error("{path}: {message}")]
    Pem { path: String, message: String },
    #[error("TLS configuration: {0}")]
    Config(String),
}

/// The server's current TLS configuration, reloaded when its files change.
pub struct TlsConfig {
    files: TlsFiles,
    current: ArcSwap<ServerConfig>,
    digest: std::sync::Mutex<[u8; 32]>,
}

impl std::fmt::Debug for TlsConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TlsConfig").field("files", &self.files).finish_non_exhaustive()
    }
}

/// Certificate chains and keys are a few kilobytes; a megabyte is far beyond any.
const MAX_PEM_BYTES: u64 = 1 << 20;

fn read(path: &Path) -> Result<Vec<u8>, TlsError> {
    crate::source::read_small(path, MAX_PEM_BYTES)
        .map_err(|error| TlsError::Read { path: path.display().to_string(), error })
}

fn digest_of(files: &TlsFiles) -> Result<[u8; 32], TlsError> {
    let mut h = Sha256::new();
    for p in [Some(&files.cert), Some(&files.key), files.client_ca.as_ref()].into_iter().flatten() {
        h.update(read(p)?);
        h.update([0]);
    }
    Ok(h.finalize().into())
}

fn pem_error(path: &Path, message: impl std::fmt::Display) -> TlsError {
    TlsError::Pem { path: path.display().to_string(), message: message.to_string() }
}

fn build(files: &TlsFiles) -> Result<ServerConfig, TlsError> {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let certs: Vec<CertificateDer<'static>> = CertificateDer::pem_slice_iter(&read(&files.cert)?)
        .collect::<Result<_, _>>()
        .map_err(|e| pem_error(&files.cert, e))?;
    if certs.is_empty() {
        return Err(pem_error(&files.cert, "no certificate in the file"));
    }
    let key = PrivateKeyDer::from_pem_slice(&read(&files.key)?).map_err(|e| pem_error(&files.key, e))?;
    let builder = ServerConfig::builder_with_provider(provider.clone())
        .with_safe_default_protocol_versions()
        .map_err(|e| TlsError::Config(e.to_string()))?;
    let builder = match &files.client_ca {
        None => builder.with_no_client_auth(),
        Some(ca) => {
            let mut roots = RootCertStore::empty();
            for cert in CertificateDer::pem_slice_iter(&read(ca)?) {
                roots.add(cert.map_err(|e| pem_error(ca, e))?).map_err(|e| pem_error(ca, e))?;
            }
            if roots.is_empty() {
                return Err(pem_error(ca, "no CA certificate in the file"));
            }
            let verifier = WebPkiClientVerifier::builder_with_provider(Arc::new(roots), provider)
                .build()
                .map_err(|e| TlsError::Config(format!("client CA {}: {e}", ca.display())))?;
            builder.with_client_cert_verifier(verifier)
        }
    };
    let mut config = builder
        .with_single_cert(certs, key)
        .map_err(|e| TlsError::Config(format!("{} and {}: {e}", files.cert.display(), files.key.display())))?;
    // gRPC runs over HTTP/2 only.
    config.alpn_protocols = vec![b"h2".to_vec()];
    Ok(config)
}

impl TlsConfig {
    /// Loads the files once; any problem stops the start.
    pub fn load(files: TlsFiles) -> Result<Arc<TlsConfig>, TlsError> {
        let digest = digest_of(&files)?;
        let config = build(&files)?;
        Ok(Arc::new(TlsConfig { files, current: ArcSwap::from_pointee(config), digest: std::sync::Mutex::new(digest) }))
    }

    pub fn mutual(&self) -> bool {
        self.files.client_ca.is_some()
    }

    /// Checks the files and swaps in a new configuration if they changed and load. Returns
    /// whether a new configuration is serving.
    pub fn reload_if_changed(&self) -> Result<bool, TlsError> {
        let digest = digest_of(&self.files)?;
        let mut seen = self.digest.lock().unwrap_or_else(|p| p.into_inner());
        if *seen == digest {
            return Ok(false);
        }
        let config = build(&self.files);
        // Remember the digest either way: a broken file is reported once, not every 5 s.
        *seen = digest;
        self.current.store(Arc::new(config?));
        Ok(true)
    }

    /// Checks the files every few seconds until the process ends.
    pub fn watch(self: &Arc<Self>) {
        let this = self.clone();
        tokio::spawn(async move {
            loop {
                tokio::time::sleep(RELOAD_CHECK).await;
                let t = this.clone();
                match tokio::task::spawn_blocking(move || t.reload_if_changed()).await {
                    Ok(Ok(true)) => tracing::info!("TLS certificate files changed: new connections use them"),
                    Ok(Ok(false)) => {}
                    Ok(Err(e)) => tracing::error!(
                        error = %e,
                        "TLS certificate files changed but do not load; the previous certificate keeps serving"
                    ),
                    Err(e) => tracing::error!(error = %e, "TLS reload task failed"),
                }
            }
        });
    }

    fn acceptor(&self) -> TlsAcceptor {
        TlsAcceptor::from(self.current.load_full())
    }
}

/// TLS connections from accepted TCP connections. Handshakes run concurrently, each bounded by
/// [`HANDSHAKE_TIMEOUT`]; failed ones (no client certificate under mTLS, plaintext, a wrong CA)
/// are counted and logged at debug level, and never reach the gRPC server.
///
/// After the handshake the stream must send its HTTP/2 opening within the same time, as a
/// plaintext connection must (`layers::connections`): the raw bytes of a ClientHello meet that
/// rule, and a client that completed the handshake and then said nothing held its connection slot
/// for good.
pub fn incoming<S, IO>(
    tcp: S,
    tls: Arc<TlsConfig>,
) -> impl Stream<Item = Result<Admitted<TlsStream<IO>>, std::io::Error>>
where
    S: Stream<Item = Result<IO, std::io::Error>> + Send + 'static,
    IO: tokio::io::AsyncRead + tokio::io::AsyncWrite + Unpin + Send + 'static,
{
    let (tx, rx) = tokio::sync::mpsc::channel(64);
    tokio::spawn(async move {
        let mut tcp = std::pin::pin!(tcp);
        while let Some(conn) = tcp.next().await {
            let Ok(conn) = conn else { continue };
            let (acceptor, tx) = (tls.acceptor(), tx.clone());
            tokio::spawn(async move {
                match tokio::time::timeout(HANDSHAKE_TIMEOUT, acceptor.accept(conn)).await {
                    Ok(Ok(stream)) => {
                        if let Some(opened) = Admitted::opened(stream, HANDSHAKE_TIMEOUT, None).await {
                            let _ = tx.send(Ok(opened)).await;
                        }
                    }
                    Ok(Err(e)) => {
                        metrics::counter!("screener_tls_handshake_failures_total").increment(1);
                        tracing::debug!(error = %e, "TLS handshake failed");
                    }
                    Err(_) => {
                        metrics::counter!("screener_tls_handshake_failures_total").increment(1);
                        tracing::debug!("TLS handshake timed out");
                    }
                }
            });
        }
    });
    tokio_stream::wrappers::ReceiverStream::new(rx)
}

/// The identities a client certificate proves, for the admin allow-list: the subject's common
/// name, and every DNS and URI subject alternative name (SPIFFE ids are URIs).
pub fn identities(cert: &CertificateDer<'_>) -> Vec<String> {
    use x509_parser::prelude::{FromDer, GeneralName, X509Certificate};
    let Ok((_, parsed)) = X509Certificate::from_der(cert.as_ref()) else { return Vec::new() };
    let mut out: Vec<String> =
        parsed.subject().iter_common_name().filter_map(|cn| cn.as_str().ok()).map(str::to_string).collect();
    if let Ok(Some(san)) = parsed.subject_alternative_name() {
        for name in &san.value.general_names {
            match name {
                GeneralName::DNSName(d) => out.push(d.to_string()),
                GeneralName::URI(u) => out.push(u.to_string()),
                _ => {}
            }
        }
    }
    out
}
