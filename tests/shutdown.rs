//! Graceful shutdown as Kubernetes drives it: SIGTERM turns health NOT_SERVING while calls are
//! still answered for the grace period, then the listener closes and calls in flight finish.

mod common;

use std::time::{Duration, Instant};

use common::{real_source_args, Server};
use futures_util::StreamExt;
use screener::pb;
use tonic_health::pb::health_client::HealthClient;
use tonic_health::pb::HealthCheckRequest;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_drains_without_cutting_calls() {
    let mut args = real_source_args();
    args.extend(["--shutdown-grace".to_string(), "1.5".to_string(), "--no-watch".to_string()]);
    let mut server = Server::start(&args);
    let mut client = server.ready_client().await;
    let channel =
        tonic::transport::Channel::from_shared(server.endpoint()).expect("uri").connect().await.expect("connects");
    let mut health = HealthClient::new(channel);

    // A bulk stream that runs across the whole shutdown: 150 parties, one every 20 ms (3 s).
    let reqs = futures_util::stream::iter(0..150).then(|i| async move {
        tokio::time::sleep(Duration::from_millis(20)).await;
        pb::ScreenPartyRequest {
            request_id: format!("s{i}"),
            party: Some(pb::Party { name: "Aleksandr Lukashenko".into(), ..Default::default() }),
            ..Default::default()
        }
    });
    let mut stream_client = client.clone();
    let stream = tokio::spawn(async move {
        let out = stream_client.screen_stream(reqs).await.expect("stream opens").into_inner();
        out.collect::<Vec<_>>().await
    });
    tokio::time::sleep(Duration::from_millis(500)).await;

    let pid = server.child.id().to_string();
    let t0 = Instant::now();
    assert!(std::process::Command::new("kill").args(["-TERM", &pid]).status().expect("kill").success());

    // NOT_SERVING at once, while calls are still answered during the grace period.
    let mut saw_not_serving = false;
    while t0.elapsed() < Duration::from_millis(1200) {
        let status = health
            .check(HealthCheckRequest { service: String::new() })
            .await
            .expect("health answers")
            .into_inner()
            .status;
        saw_not_serving |= status == tonic_health::pb::health_check_response::ServingStatus::NotServing as i32;
        let r = client
            .screen_party(pb::ScreenPartyRequest {
                request_id: "during-grace".into(),
                party: Some(pb::Party { name: "Belaruskali".into(), ..Default::default() }),
                ..Default::default()
            })
            .await;
        assert!(r.is_ok(), "a call during the grace period failed: {r:?}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(saw_not_serving, "health did not turn NOT_SERVING on SIGTERM");

    // The stream that was in flight when the listener closed finished whole.
    let items = tokio::time::timeout(Duration::from_secs(10), stream).await.expect("stream ends").expect("task");
    assert_eq!(items.len(), 150, "the stream was cut");
    for (i, item) in items.iter().enumerate() {
        let r = item.as_ref().expect("every streamed answer arrived");
        assert_eq!(r.request_id, format!("s{i}"));
    }

    // And the process exited cleanly, well before a 30 s termination grace period.
    let status = loop {
        if let Some(s) = server.child.try_wait().expect("wait") {
            break s;
        }
        assert!(t0.elapsed() < Duration::from_secs(15), "still running 15 s after SIGTERM");
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    assert!(status.success(), "{status:?}");
    let log = server.drain_log().join("\n");
    assert!(log.contains("NOT_SERVING") && log.contains("stopped"), "{log}");
}

/// Watch streams never end on their own; they must not hold the process after SIGTERM. They end
/// with a status once the grace period is over, and the process exits cleanly right after.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_ends_watch_streams_and_exits() {
    let grace = Duration::from_millis(1500);
    let mut args = real_source_args();
    args.extend(["--shutdown-grace".to_string(), "1.5".to_string(), "--no-watch".to_string()]);
    let mut server = Server::start(&args);
    let mut client = server.ready_client().await;
    let channel =
        tonic::transport::Channel::from_shared(server.endpoint()).expect("uri").connect().await.expect("connects");
    let mut health = HealthClient::new(channel);

    let mut changes = client
        .watch_list_changes(pb::WatchListChangesRequest { since_list_version: String::new() })
        .await
        .expect("feed opens")
        .into_inner();
    let mut watch =
        health.watch(HealthCheckRequest { service: String::new() }).await.expect("health watch opens").into_inner();
    let first = watch.message().await.expect("status").expect("a status");
    assert_eq!(first.status, tonic_health::pb::health_check_response::ServingStatus::Serving as i32);

    let pid = server.child.id().to_string();
    let t0 = Instant::now();
    assert!(std::process::Command::new("kill").args(["-TERM", &pid]).status().expect("kill").success());

    // The health watch hears NOT_SERVING, then both streams end with UNAVAILABLE.
    let changes_end = tokio::spawn(async move {
        loop {
            match changes.message().await {
                Ok(Some(_)) => continue,
                Ok(None) => return None,
                Err(e) => return Some(e),
            }
        }
    });
    let mut saw_not_serving = false;
    let watch_end = loop {
        match tokio::time::timeout(Duration::from_secs(10), watch.message()).await.expect("health watch ends") {
            Ok(Some(s)) => {
                saw_not_serving |= s.status == tonic_health::pb::health_check_response::ServingStatus::NotServing as i32
            }
            Ok(None) => break None,
            Err(e) => break Some(e),
        }
    };
    assert!(saw_not_serving, "the health watch did not hear NOT_SERVING");
    let watch_end = watch_end.expect("the health watch ends with a status");
    assert_eq!(watch_end.code(), tonic::Code::Unavailable, "{watch_end:?}");
    assert!(t0.elapsed() >= grace, "watch streams end after the grace period, not before");
    let changes_end = tokio::time::timeout(Duration::from_secs(10), changes_end)
        .await
        .expect("the change feed ends")
        .expect("task")
        .expect("with a status");
    assert_eq!(changes_end.code(), tonic::Code::Unavailable, "{changes_end:?}");
    assert!(changes_end.message().contains("shutting down"), "{}", changes_end.message());

    let status = loop {
        if let Some(s) = server.child.try_wait().expect("wait") {
            break s;
        }
        assert!(t0.elapsed() < grace + Duration::from_secs(3), "still running {:?} after SIGTERM", t0.elapsed());
        tokio::time::sleep(Duration::from_millis(20)).await;
    };
    assert!(status.success(), "{status:?}");
}

/// A `ScreenStream` still sending when the drain period ends is ended with UNAVAILABLE, after
/// the answers sent so far, and told to resend the rest; it was cut with no status (round 28:
/// its client could not tell which parties had been screened). The process still exits by the
/// end of the drain period.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_ends_a_stream_still_sending_with_a_status() {
    let mut args = real_source_args();
    args.extend(["--shutdown-grace".to_string(), "1".to_string(), "--no-watch".to_string()]);
    let mut server = Server::start(&args);
    let mut client = server.ready_client().await;
    let (tx, rx) = tokio::sync::mpsc::channel::<pb::ScreenPartyRequest>(4);
    let sender = tokio::spawn(async move {
        for i in 0.. {
            let party = pb::Party { name: format!("Ivan Petrov {i}"), ..Default::default() };
            let req = pb::ScreenPartyRequest { request_id: i.to_string(), party: Some(party), ..Default::default() };
            if tx.send(req).await.is_err() {
                return;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    });
    let mut bulk =
        client.screen_stream(tokio_stream::wrappers::ReceiverStream::new(rx)).await.expect("stream").into_inner();
    let pid = server.child.id().to_string();
    let t0 = Instant::now();
    assert!(std::process::Command::new("kill").args(["-TERM", &pid]).status().expect("kill").success());
    let mut answered = 0;
    let end = loop {
        match tokio::time::timeout(Duration::from_secs(15), bulk.message()).await.expect("the stream ends") {
            Ok(Some(r)) => {
                assert_eq!(r.request_id, answered.to_string(), "answers in order, none lost before the end");
                answered += 1;
            }
            Ok(None) => panic!("the stream ended without a status after {answered} answers"),
            Err(e) => break e,
        }
    };
    sender.abort();
    assert_eq!(end.code(), tonic::Code::Unavailable, "{end:?}");
    assert!(end.message().contains("resend the parties after the last one answered"), "{}", end.message());
    assert!(answered >= 50, "only {answered} parties answered through the grace and drain periods");
    let status = loop {
        if let Some(s) = server.child.try_wait().expect("wait") {
            break s;
        }
        assert!(t0.elapsed() < Duration::from_secs(8), "still running {:?} after SIGTERM", t0.elapsed());
        tokio::time::sleep(Duration::from_millis(20)).await;
    };
    assert!(status.success(), "{status:?}");
}
