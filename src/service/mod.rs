//! The gRPC edge: translates protobuf requests into matcher queries and results back. Holds no
//! matching logic of its own.

mod admin;
mod convert;
mod message;
mod record;

pub use admin::AdminApi;

pub use convert::{compare_response, query as party_query, MAX_NAME_CHARS};
pub use message::{screen as screen_message, Answer as MessageAnswer};
pub use record::Recorder;

use std::pin::Pin;
use std::sync::Arc;
use std::time::Instant;

use futures_util::{Stream, StreamExt};
use tonic::{Request, Response, Status, Streaming};
use tracing::Span;

use crate::error::ApiError;
use crate::index::Snapshot;
use crate::lists::store::ListStore;
use crate::matcher::{self, Decision, Thresholds};
use crate::pb;
use crate::pb::screening_service_server::ScreeningService;
use crate::telemetry::RpcTrace;
use record::{Call, Screened};

/// Intermediary agents accepted in one payment (pacs.008 allows 3; chains of correspondent banks
/// rarely exceed a handful).
pub const MAX_INTERMEDIARY_AGENTS: usize = 16;

/// Default for [`ScreeningApi::with_stream_idle_timeout`].
pub const DEFAULT_STREAM_IDLE_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(30);

/// The handler of the `screening.v1.ScreeningService` RPCs.
#[derive(Debug, Clone)]
pub struct ScreeningApi {
    store: Arc<ListStore>,
    thresholds: Thresholds,
    recorder: Arc<Recorder>,
    stream_idle_timeout: std::time::Duration,
    /// Permits to screen costly work (see [`heavy_permits`]): messages of an ordinary size, and
    /// larger messages and long parties, in lanes of their own (see [`ORDINARY_MESSAGE_BYTES`]).
    heavy: [Arc<tokio::sync::Semaphore>; 2],
    /// Costly calls waiting for or holding those permits, per connection.
    heavy_shares: Arc<HeavyShares>,
}

/// Costly calls (messages, long names) one connection may have waiting for or holding the heavy
/// permits. The permits are few (half the cores) and served in turn, so without a share one
/// client's hundreds of messages in flight would queue every other client's costly calls behind
/// them until their deadlines passed; with it the excess is refused at once, and other
/// connections' calls wait behind at most this many of each.
const MAX_HEAVY_PER_CONNECTION: usize = 8;

#[derive(Debug, Default)]
struct HeavyShares(std::sync::Mutex<std::collections::HashMap<std::net::SocketAddr, usize>>);

/// One costly call's place in its connection's share, given back when the call ends (or its
/// client goes away).
struct HeavyShare {
    shares: Arc<HeavyShares>,
    peer: Option<std::net::SocketAddr>,
}

impl HeavyShares {
    fn take(self: &Arc<Self>, peer: Option<std::net::SocketAddr>) -> Result<HeavyShare, ApiError> {
        if let Some(p) = peer {
            let mut by_peer = self.0.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
            let n = by_peer.entry(p).or_default();
            if *n >= MAX_HEAVY_PER_CONNECTION {
                // Shed as the admission layer sheds, and counted with it: the metric operators are
                // told to alert on.
                metrics::counter!("screener_calls_shed_total", "kind" => "costly").increment(1);
                return Err(ApiError::TooLarge(format!(
                    "this connection already has {MAX_HEAVY_PER_CONNECTION} costly calls (messages, long names) waiting \
                     or running: send fewer at once"
                )));
            }
            *n += 1;
        }
        Ok(HeavyShare { shares: self.clone(), peer })
    }
}

impl Drop for HeavyShare {
    fn drop(&mut self) {
        let Some(p) = self.peer else { return };
        let mut by_peer = self.shares.0.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(n) = by_peer.get_mut(&p) {
            *n = n.saturating_sub(1);
            if *n == 0 {
                by_peer.remove(&p);
            }
        }
    }
}

/// A party whose name and address are longer than this, in bytes of UTF-8, is screened as heavy
/// work ([`heavy_permits`]): names are far shorter, while a name of a thousand characters (a
/// listed name repeated, a long run of kana) costs up to a few milliseconds, and streams of them
/// screened on the async workers delayed health checks by a second. Bytes, not characters: the
/// length is known without a pass over the text, and a name in another script (two or three
/// bytes a letter) is heavy from 55–80 letters, still far beyond any real name.
const LONG_PARTY_BYTES: usize = 160;

/// A message of at most this many bytes is screened in a lane of its own ([`Lane::Ordinary`]):
/// an MT103 holds at most 10,000 characters and a pacs.008 of one transaction a few kilobytes.
/// Round 29 sent three messages of 210 KB of listed words (half a second each before the
/// window budget refused them); an ordinary MT103 from another client waited behind them in the
/// one lane there was, 0.5 ms → 0.4–0.9 s.
const ORDINARY_MESSAGE_BYTES: usize = 16 * 1024;

/// Which permits a costly call waits for.
#[derive(Clone, Copy)]
enum Lane {
    /// A message of an ordinary size.
    Ordinary = 0,
    /// A larger message, a long party, two long names compared.
    Large = 1,
}

/// The bytes of a party that screening reads: its name and address.
fn party_bytes(p: Option<&pb::Party>) -> usize {
    p.map(|p| p.name.len() + p.address.len()).unwrap_or(0)
}

/// The bytes of an agent (a bank) that screening reads: its name and BIC.
fn agent_bytes(a: Option<&pb::Agent>) -> usize {
    a.map(|a| a.name.len() + a.bic.len()).unwrap_or(0)
}

/// How many `ScreenMessage` calls (and long parties, [`LONG_PARTY_CHARS`]) are screened at once:
/// half the cores, at least one, in each [`Lane`].
///
/// A message costs up to a few hundred milliseconds (every name-like line of a long remittance
/// is screened), against microseconds for a party. Screened on the async workers, 64 of them in
/// flight from one client held every worker: other clients' ScreenParty took 4–9 s and health
/// checks 3–4 s (Kubernetes probes give up after 1 s). So messages are screened off the async
/// workers, on the blocking pool, and only this many at once; the rest wait their turn without
/// holding a thread, and the other half of the cores keeps answering everything else.
fn heavy_permits() -> usize {
    std::thread::available_parallelism().map(|n| n.get() / 2).unwrap_or(1).max(1)
}

impl ScreeningApi {
    pub fn new(store: Arc<ListStore>, thresholds: Thresholds, recorder: Recorder) -> ScreeningApi {
        ScreeningApi {
            store,
            thresholds,
            recorder: Arc::new(recorder),
            stream_idle_timeout: DEFAULT_STREAM_IDLE_TIMEOUT,
            heavy: [(); 2].map(|_| Arc::new(tokio::sync::Semaphore::new(heavy_permits()))),
            heavy_shares: Arc::default(),
        }
    }

    /// How long a `ScreenStream` may wait for its client's next party before it is closed: an
    /// open stream holds a slot of the stream budget, and one that is never written to must
    /// give it back.
    pub fn with_stream_idle_timeout(mut self, idle: std::time::Duration) -> ScreeningApi {
        self.stream_idle_timeout = idle;
        self
    }

    /// Span attributes and audit line of one screened party.
    fn record_party(
        &self,
        span: &Span,
        trace: Option<&RpcTrace>,
        rpc: &str,
        req: &pb::ScreenPartyRequest,
        resp: &pb::ScreenPartyResponse,
    ) {
        let party = Screened {
            role: "party",
            path: None,
            party: req.party.as_ref(),
            decision: resp.decision,
            matches: &resp.matches,
            fingerprint: &resp.party_fingerprint,
        };
        let call = Call {
            rpc,
            request_id: &resp.request_id,
            payment_id: "",
            decision: resp.decision,
            list_version: &resp.list_version,
            parties: vec![party],
        };
        self.recorder.decided(span, trace, &call);
    }

    /// Runs `f` on the blocking pool under the heavy permits (see [`heavy_permits`]): for
    /// messages, and for parties whose names are long enough to cost milliseconds.
    ///
    /// A panic in `f` (a defect) answers INTERNAL with a message that says nothing of the request,
    /// and is logged by where it happened only (see `cli::serve`'s panic hook): its message may
    /// hold the screened name.
    async fn run_heavy<T: Send + 'static>(
        &self,
        peer: Option<std::net::SocketAddr>,
        lane: Lane,
        f: impl FnOnce() -> Result<T, ApiError> + Send + 'static,
    ) -> Result<T, ApiError> {
        let _share = self.heavy_shares.take(peer)?;
        let permit = self.heavy[lane as usize].clone().acquire_owned().await.map_err(|_| ApiError::ShuttingDown)?;
        let span = Span::current();
        tokio::task::spawn_blocking(move || {
            let _permit = permit;
            let _entered = span.enter();
            f()
        })
        .await
        .unwrap_or_else(|e| {
            tracing::error!(panicked = e.is_panic(), "a screening task failed; the call is answered INTERNAL");
            Err(ApiError::Internal)
        })
    }

    fn snapshot(&self) -> Result<Arc<Snapshot>, ApiError> {
        self.store.current().ok_or(ApiError::NotReady)
    }

    fn screen_one(
        &self,
        snapshot: &Snapshot,
        req: &pb::ScreenPartyRequest,
    ) -> Result<pb::ScreenPartyResponse, ApiError> {
        convert::check_request_id(&req.request_id)?;
        let party = req.party.as_ref().ok_or_else(|| ApiError::InvalidArgument("party is required".into()))?;
        let query = convert::query(party, "party")?;
        let result = match convert::since_list_version(&req.since_list_version)? {
            "" => matcher::screen(snapshot, &query, &self.thresholds),
            since => {
                let only = self.store.changes.delta(since, snapshot).ok_or_else(|| {
                    ApiError::UnknownVersion(format!(
                        "since_list_version {since} is not one of the last {} list versions this server published \
                         (current: {}); screen without it",
                        crate::lists::changes::HISTORY,
                        snapshot.list_version
                    ))
                })?;
                matcher::screen_only(snapshot, &query, &self.thresholds, &only)
            }
        };
        Ok(pb::ScreenPartyResponse {
            request_id: req.request_id.clone(),
            decision: convert::decision(result.decision) as i32,
            matches: convert::matches(snapshot, &result),
            list_version: snapshot.list_version.clone(),
            error: String::new(),
            party_fingerprint: result.fingerprint,
        })
    }

    /// The payment's response, and each screened party with the request field it came from (in
    /// the order of the response's `parties`).
    fn payment(
        &self,
        req: &pb::ScreenPaymentRequest,
    ) -> Result<(pb::ScreenPaymentResponse, Vec<(String, pb::Party)>), ApiError> {
        let snapshot = self.snapshot()?;
        convert::check_request_id(&req.request_id)?;
        convert::check_payment_id(&req.payment_id)?;
        if req.intermediary_agents.len() > MAX_INTERMEDIARY_AGENTS {
            return Err(ApiError::TooLarge(format!(
                "a payment may have at most {MAX_INTERMEDIARY_AGENTS} intermediary agents, this one has {}",
                req.intermediary_agents.len()
            )));
        }
        use pb::PartyRole as R;
        let mut parties: Vec<(R, u32, String, pb::Party)> = Vec::new();
        for (role, field, p) in [
            (R::Debtor, "debtor", &req.debtor),
            (R::Creditor, "creditor", &req.creditor),
            (R::UltimateDebtor, "ultimate_debtor", &req.ultimate_debtor),
            (R::UltimateCreditor, "ultimate_creditor", &req.ultimate_creditor),
        ] {
            if let Some(p) = p {
                parties.push((role, 0, field.to_string(), p.clone()));
            }
        }
        for (role, field, a) in [
            (R::DebtorAgent, "debtor_agent", &req.debtor_agent),
            (R::CreditorAgent, "creditor_agent", &req.creditor_agent),
        ] {
            if let Some(a) = a {
                convert::check_agent_bic(field, a)?;
                parties.push((role, 0, field.to_string(), convert::agent_party(a)));
            }
        }
        for (i, a) in req.intermediary_agents.iter().enumerate() {
            convert::check_agent_bic(&format!("intermediary_agents[{i}]"), a)?;
            parties.push((
                R::IntermediaryAgent,
                i as u32,
                format!("intermediary_agents[{i}]"),
                convert::agent_party(a),
            ));
        }
        if parties.is_empty() {
            return Err(ApiError::InvalidArgument(
                "the payment names no party: give at least a debtor or a creditor".into(),
            ));
        }
        let mut results = Vec::with_capacity(parties.len());
        let mut worst = Decision::Clear;
        for (role, index, field, party) in &parties {
            let query = convert::query(party, field)?;
            let screening = matcher::screen(&snapshot, &query, &self.thresholds);
            worst = worst.max(screening.decision);
            results.push(pb::PartyResult {
                role: *role as i32,
                index: *index,
                decision: convert::decision(screening.decision) as i32,
                matches: convert::matches(&snapshot, &screening),
                party_fingerprint: screening.fingerprint,
            });
        }
        let response = pb::ScreenPaymentResponse {
            request_id: req.request_id.clone(),
            payment_id: req.payment_id.clone(),
            decision: convert::decision(worst) as i32,
            parties: results,
            list_version: snapshot.list_version.clone(),
        };
        Ok((response, parties.into_iter().map(|(_, _, field, party)| (field, party)).collect()))
    }
}

impl ScreeningApi {
    /// One party of a `ScreenStream`: its answer, or its error in the answer (the stream goes on).
    fn stream_item(
        &self,
        req: &pb::ScreenPartyRequest,
        trace: Option<&RpcTrace>,
    ) -> Result<pb::ScreenPartyResponse, ApiError> {
        let snapshot = self.snapshot()?;
        // A span per party, under the stream's span: each decision is traceable on its own.
        let span = crate::telemetry::decision_span!(tracing::Level::DEBUG, "ScreenStream.item");
        let _entered = span.enter();
        let started = Instant::now();
        let result = self.screen_one(&snapshot, req);
        // Counted per party, as a unary screening is: a bank screening in bulk sees its
        // decisions on the same dashboard.
        let outcome = match &result {
            Ok(r) => decision_label(r.decision),
            Err(e) => error_label(e),
        };
        crate::metrics::rpc("ScreenStream", outcome, started.elapsed());
        Ok(match result {
            Ok(resp) => {
                self.record_party(&span, trace, "ScreenStream", req, &resp);
                resp
            }
            Err(e) => pb::ScreenPartyResponse {
                request_id: req.request_id.clone(),
                decision: pb::Decision::Unspecified as i32,
                matches: Vec::new(),
                list_version: snapshot.list_version.clone(),
                error: e.to_string(),
                party_fingerprint: String::new(),
            },
        })
    }

    fn compare_one(&self, req: &pb::CompareRequest) -> Result<pb::CompareResponse, ApiError> {
        let snapshot = self.snapshot()?;
        let missing = |f: &str| ApiError::InvalidArgument(format!("{f} is required"));
        let query = convert::query(req.query.as_ref().ok_or_else(|| missing("query"))?, "query")?;
        let candidate = convert::query(req.candidate.as_ref().ok_or_else(|| missing("candidate"))?, "candidate")?;
        let result = matcher::compare(&query, &candidate, &self.thresholds, snapshot.stats().clone());
        Ok(convert::compare_response(&candidate, &result))
    }

    fn message(&self, req: &pb::ScreenMessageRequest) -> Result<MessageAnswer, ApiError> {
        let snapshot = self.snapshot()?;
        convert::check_request_id(&req.request_id)?;
        let format = message::format(req.format)?;
        message::screen(&snapshot, &self.thresholds, &req.request_id, &req.message, format)
    }
}

pub(crate) fn decision_label(d: i32) -> &'static str {
    match pb::Decision::try_from(d).unwrap_or_default() {
        pb::Decision::Clear => "clear",
        pb::Decision::Review => "review",
        pb::Decision::Block => "block",
        pb::Decision::Unspecified => "unspecified",
    }
}

/// The metrics outcome of a failed call: the label of the code the caller receives.
fn error_label(e: &ApiError) -> &'static str {
    crate::error::code_label(e.code())
}

type ResponseStream = Pin<Box<dyn Stream<Item = Result<pb::ScreenPartyResponse, Status>> + Send>>;

#[tonic::async_trait]
impl ScreeningService for ScreeningApi {
    async fn screen_party(
        &self,
        request: Request<pb::ScreenPartyRequest>,
    ) -> Result<Response<pb::ScreenPartyResponse>, Status> {
        let started = Instant::now();
        let result = if party_bytes(request.get_ref().party.as_ref()) > LONG_PARTY_BYTES {
            let (this, req) = (self.clone(), request.get_ref().clone());
            self.run_heavy(request.remote_addr(), Lane::Large, move || {
                this.snapshot().and_then(|snapshot| this.screen_one(&snapshot, &req))
            })
            .await
        } else {
            self.snapshot().and_then(|snapshot| self.screen_one(&snapshot, request.get_ref()))
        };
        let outcome = match &result {
            Ok(r) => {
                let trace = request.extensions().get::<RpcTrace>();
                self.record_party(&Span::current(), trace, "ScreenParty", request.get_ref(), r);
                Some(decision_label(r.decision))
            }
            // Refused: counted by `layers::rpc_span`, with the calls refused before they reach
            // a handler (a body that does not decode, a deadline passed, admission).
            Err(_) => None,
        };
        if let Some(outcome) = outcome {
            crate::metrics::rpc("ScreenParty", outcome, started.elapsed());
        }
        Ok(Response::new(result?))
    }

    async fn screen_payment(
        &self,
        request: Request<pb::ScreenPaymentRequest>,
    ) -> Result<Response<pb::ScreenPaymentResponse>, Status> {
        let started = Instant::now();
        let req = request.get_ref();
        // Every party and agent the payment screens counts: four parties of a thousand
        // characters each are as heavy as one.
        let bytes = [&req.debtor, &req.creditor, &req.ultimate_debtor, &req.ultimate_creditor]
            .into_iter()
            .map(|p| party_bytes(p.as_ref()))
            .chain([&req.debtor_agent, &req.creditor_agent].into_iter().map(|a| agent_bytes(a.as_ref())))
            .chain(req.intermediary_agents.iter().map(|a| agent_bytes(Some(a))))
            .sum::<usize>();
        let result = if bytes > LONG_PARTY_BYTES {
            let (this, req) = (self.clone(), req.clone());
            self.run_heavy(request.remote_addr(), Lane::Large, move || this.payment(&req)).await
        } else {
            self.payment(req)
        };
        let outcome = match &result {
            Ok((r, parties)) => {
                let call = Call {
                    rpc: "ScreenPayment",
                    request_id: &r.request_id,
                    payment_id: &r.payment_id,
                    decision: r.decision,
                    list_version: &r.list_version,
                    parties: r
                        .parties
                        .iter()
                        .zip(parties)
                        .map(|(result, (field, party))| Screened {
                            role: field,
                            path: None,
                            party: Some(party),
                            decision: result.decision,
                            matches: &result.matches,
                            fingerprint: &result.party_fingerprint,
                        })
                        .collect(),
                };
                self.recorder.decided(&Span::current(), request.extensions().get::<RpcTrace>(), &call);
                Some(decision_label(r.decision))
            }
            // Refused: counted by `layers::rpc_span`, with the calls refused before they reach
            // a handler (a body that does not decode, a deadline passed, admission).
            Err(_) => None,
        };
        if let Some(outcome) = outcome {
            crate::metrics::rpc("ScreenPayment", outcome, started.elapsed());
        }
        Ok(Response::new(result?.0))
    }

    async fn screen_message(
        &self,
        request: Request<pb::ScreenMessageRequest>,
    ) -> Result<Response<pb::ScreenMessageResponse>, Status> {
        let started = Instant::now();
        let trace = request.extensions().get::<RpcTrace>().cloned();
        let peer = request.remote_addr();
        let req = request.into_inner();
        let this = self.clone();
        let lane = if req.message.len() <= ORDINARY_MESSAGE_BYTES { Lane::Ordinary } else { Lane::Large };
        let result = self.run_heavy(peer, lane, move || this.message(&req)).await;
        let outcome = match &result {
            Ok(answer) => {
                let r = &answer.response;
                let call = Call {
                    rpc: "ScreenMessage",
                    request_id: &r.request_id,
                    payment_id: &r.message_id,
                    decision: r.decision,
                    list_version: &r.list_version,
                    parties: r
                        .hits
                        .iter()
                        .zip(&answer.audit)
                        .map(|(hit, (role, fingerprint))| Screened {
                            role,
                            path: Some(&hit.path),
                            party: None,
                            decision: hit.decision,
                            matches: &hit.matches,
                            fingerprint,
                        })
                        .collect(),
                };
                self.recorder.decided(&Span::current(), trace.as_ref(), &call);
                Some(decision_label(r.decision))
            }
            // Refused: counted by `layers::rpc_span`, with the calls refused before they reach
            // a handler (a body that does not decode, a deadline passed, admission).
            Err(_) => None,
        };
        if let Some(outcome) = outcome {
            crate::metrics::rpc("ScreenMessage", outcome, started.elapsed());
        }
        Ok(Response::new(result?.response))
    }

    type ScreenStreamStream = ResponseStream;

    /// Each response is computed when the client is ready for it: the next request is read only
    /// when the previous response has been taken by the transport, so HTTP/2 flow control pushes
    /// back on a client that sends faster than it reads, and nothing queues without bound.
    async fn screen_stream(
        &self,
        request: Request<Streaming<pb::ScreenPartyRequest>>,
    ) -> Result<Response<Self::ScreenStreamStream>, Status> {
        self.snapshot()?;
        let this = self.clone();
        let trace = request.extensions().get::<RpcTrace>().cloned();
        let peer = request.remote_addr();
        // tonic applies `grpc-timeout` to a call's first response only; a stream honours it here,
        // ending with DEADLINE_EXCEEDED at the first party read after the deadline.
        let deadline = convert::deadline(request.metadata()).map(|d| Instant::now() + d);
        let idle = self.stream_idle_timeout;
        // The wait for each next party is bounded; a stream that sends nothing for that long
        // ends with DEADLINE_EXCEEDED and gives its slot back.
        // Records are counted so that one that cannot be read is named in the status.
        let incoming = futures_util::stream::unfold(Some((request.into_inner(), 0u64)), move |state| async move {
            let (mut parties, read) = state?;
            match tokio::time::timeout(idle, parties.next()).await {
                Ok(Some(Ok(item))) => Some((Ok(item), Some((parties, read + 1)))),
                Ok(Some(Err(status))) => Some((Err(crate::layers::status_fix::undecodable(status, read + 1)), None)),
                Ok(None) => None,
                Err(_) => Some((
                    Err(ApiError::DeadlineExceeded(format!(
                        "no party received for {} s (--stream-idle-timeout): the idle stream is closed",
                        idle.as_secs_f64()
                    ))
                    .into()),
                    None,
                )),
            }
        });
        let out = incoming.then(move |item| {
            let (this, trace) = (this.clone(), trace.clone());
            async move {
                let req = item?;
                if deadline.is_some_and(|d| Instant::now() > d) {
                    return Err(ApiError::DeadlineExceeded("the call's grpc-timeout has passed".into()).into());
                }
                if party_bytes(req.party.as_ref()) > LONG_PARTY_BYTES {
                    let this2 = this.clone();
                    return Ok(this
                        .run_heavy(peer, Lane::Large, move || this2.stream_item(&req, trace.as_ref()))
                        .await?);
                }
                Ok(this.stream_item(&req, trace.as_ref())?)
            }
        });
        Ok(Response::new(Box::pin(out)))
    }

    /// Two long names cost as a long party does (two one-name indexes, every word against every
    /// word), so they go to the heavy pool by the same bound.
    async fn compare(&self, request: Request<pb::CompareRequest>) -> Result<Response<pb::CompareResponse>, Status> {
        let started = Instant::now();
        let req = request.get_ref();
        let result = if party_bytes(req.query.as_ref()) + party_bytes(req.candidate.as_ref()) > LONG_PARTY_BYTES {
            let (this, req) = (self.clone(), req.clone());
            self.run_heavy(request.remote_addr(), Lane::Large, move || this.compare_one(&req)).await
        } else {
            self.compare_one(req)
        };
        let outcome = match &result {
            Ok(r) => Some(decision_label(r.decision)),
            // Refused: counted by `layers::rpc_span`, with the calls refused before they reach
            // a handler (a body that does not decode, a deadline passed, admission).
            Err(_) => None,
        };
        if let Some(outcome) = outcome {
            crate::metrics::rpc("Compare", outcome, started.elapsed());
        }
        Ok(Response::new(result?))
    }

    type WatchListChangesStream = Pin<Box<dyn Stream<Item = Result<pb::ListChange, Status>> + Send>>;

    async fn watch_list_changes(
        &self,
        request: Request<pb::WatchListChangesRequest>,
    ) -> Result<Response<Self::WatchListChangesStream>, Status> {
        let snapshot = self.snapshot()?;
        // Subscribe before reading the history so no change falls between the two.
        let live = self.store.changes.subscribe();
        let since = convert::since_list_version(&request.get_ref().since_list_version)?.to_string();
        let replay = if since.is_empty() {
            Vec::new()
        } else {
            self.store.changes.after(&since, &snapshot.list_version).ok_or_else(|| {
                ApiError::UnknownVersion(format!(
                    "since_list_version {since} is not remembered (current: {})",
                    snapshot.list_version
                ))
            })?
        };
        let replayed: std::collections::HashSet<String> = replay.iter().map(|c| c.list_version.clone()).collect();
        let head = futures_util::stream::iter(replay.into_iter().map(|c| Ok(convert::list_change(&c))));
        let tail = tokio_stream::wrappers::BroadcastStream::new(live).filter_map(move |item| {
            let out = match item {
                Ok(c) if replayed.contains(&c.list_version) => None,
                Ok(c) => Some(Ok(convert::list_change(&c))),
                Err(_) => Some(Err(ApiError::FellBehind.into())),
            };
            std::future::ready(out)
        });
        Ok(Response::new(Box::pin(head.chain(tail))))
    }

    async fn get_list_status(
        &self,
        _request: Request<pb::GetListStatusRequest>,
    ) -> Result<Response<pb::ListStatus>, Status> {
        let snapshot = self.snapshot()?;
        Ok(Response::new(convert::list_status(&snapshot, &self.store)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One connection's costly calls are bounded; another connection's are not held by them, and
    /// a call that ends gives its place back.
    #[test]
    fn each_connection_has_its_own_share_of_costly_calls() {
        let shares = Arc::new(HeavyShares::default());
        let (a, b): (std::net::SocketAddr, std::net::SocketAddr) =
            ("10.0.0.1:1000".parse().expect("addr"), "10.0.0.2:1000".parse().expect("addr"));
        let mut held: Vec<HeavyShare> =
            (0..MAX_HEAVY_PER_CONNECTION).map(|_| shares.take(Some(a)).expect("within the share")).collect();
        let e = shares.take(Some(a)).err().expect("beyond the share");
        assert_eq!(e.code(), tonic::Code::ResourceExhausted, "{e}");
        assert!(shares.take(Some(b)).is_ok(), "another connection has its own share");
        held.pop();
        assert!(shares.take(Some(a)).is_ok(), "a place given back is free again");
        drop(held);
        assert!(shares.0.lock().expect("lock").is_empty(), "nothing left behind");
        assert!((0..100).all(|_| shares.take(None).is_ok()), "no peer address (in-process): not limited");
    }
}
