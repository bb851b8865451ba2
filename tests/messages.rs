//! `ScreenMessage` through gRPC against the real binary on the committed list excerpts, as a
//! bank's payment system would call it; and `screener screen-message` on the same files.

mod common;

use std::time::{Duration, Instant};

use common::{real_source_args, Server};
use screener::pb;
use tonic::Code;

fn message(name: &str) -> String {
    let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/messages").join(name);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn request(id: &str, text: &str, format: pb::MessageFormat) -> pb::ScreenMessageRequest {
    pb::ScreenMessageRequest { request_id: id.into(), message: text.into(), format: format as i32 }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn messages_are_screened_field_by_field_and_bad_ones_refused_with_a_message() {
    let audit_dir = tempfile::tempdir().expect("tempdir");
    let audit = audit_dir.path().join("audit.jsonl");
    let mut args = real_source_args();
    args.extend(["--audit-log".to_string(), audit.display().to_string()]);
    let server = Server::start(&args);
    let mut client = server.ready_client().await;
    use pb::MessageFormat::{Iso20022, SwiftMt, Unspecified};

    let r = client
        .screen_message(request("m-1", &message("pacs008_listed_creditor.xml"), Unspecified))
        .await
        .expect("screens")
        .into_inner();
    assert_eq!((r.decision, r.request_id.as_str()), (pb::Decision::Block as i32, "m-1"));
    assert_eq!((r.message_type.as_str(), r.message_id.as_str()), ("pacs.008.001.08", "NDEA-20250312-0001"));
    assert!(!r.list_version.is_empty());
    let creditor = r
        .hits
        .iter()
        .find(|h| h.path == "/Envelope/Document/FIToFICstmrCdtTrf/CdtTrfTxInf[2]/Cdtr/Nm")
        .expect("the creditor's path");
    assert_eq!((creditor.role, creditor.decision), (pb::PartyRole::Creditor as i32, pb::Decision::Block as i32));
    assert_eq!(creditor.text, "BELARUSKALI OAO");
    assert!(creditor.matches.iter().any(|m| m.entity_id == "us-ofac-sdn:32746"), "{creditor:?}");
    assert!(r.hits.iter().any(|h| h.role == pb::PartyRole::UltimateCreditor as i32));
    assert!(r.hits.iter().any(|h| h.role == pb::PartyRole::CreditorAgent as i32 && h.text == "BLBBBY2XXXX"));

    let r = client
        .screen_message(request("m-2", &message("pacs008_remittance_listed_company.xml"), Iso20022))
        .await
        .expect("screens")
        .into_inner();
    assert_eq!(r.decision, pb::Decision::Review as i32);
    assert_eq!(r.hits.len(), 1, "{:?}", r.hits);
    let h = &r.hits[0];
    assert_eq!(h.path, "/Document/FIToFICstmrCdtTrf/CdtTrfTxInf[1]/RmtInf/Ustrd[1]");
    let span: String = h.text.chars().skip(h.span_start as usize).take((h.span_end - h.span_start) as usize).collect();
    assert_eq!(span, "BELARUSKALI");

    let r = client
        .screen_message(request("m-3", &message("pacs008_clean.xml"), Unspecified))
        .await
        .expect("screens")
        .into_inner();
    // 2 names, 4 agent BICs, 4 address texts, 1 remittance text, 2 IBANs.
    assert_eq!((r.decision, r.hits.len(), r.fields_screened), (pb::Decision::Clear as i32, 0, 13));

    for (file, format, tag) in [("mt103_option_f.fin", SwiftMt, ":50F:1/"), ("mt202cov.fin", Unspecified, "B/:59:")] {
        let r = client.screen_message(request("mt", &message(file), format)).await.expect("screens").into_inner();
        assert_eq!(r.decision, pb::Decision::Block as i32, "{file}");
        assert!(
            r.hits.iter().any(|h| h.path == tag && h.decision == pb::Decision::Block as i32),
            "{file}: {:?}",
            r.hits
        );
    }

    // Malformed messages: INVALID_ARGUMENT, saying where.
    for (text, format, expect) in [
        ("<Document><FIToFICstmrCdtTrf>\n<Cdtr></Dbtr>", Unspecified, "line 2, column"),
        (
            "<!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><Document><FIToFICstmrCdtTrf><CdtTrfTxInf><Cdtr><Nm>&x;</Nm></Cdtr></CdtTrfTxInf></FIToFICstmrCdtTrf></Document>",
            Unspecified,
            "DOCTYPE",
        ),
        ("<Document><BkToCstmrStmt/></Document>", Iso20022, "<BkToCstmrStmt> "),
        ("{1:F01NDEASESSAXXX0000000000}{2:I103DEUTDEFFXXXXN}{4:\r\n:20:X\r\n", Unspecified, "block 4 is not closed"),
        ("{2:I940DEUTDEFFXXXXN}{4:\r\n:20:X\r\n-}", SwiftMt, "MT940 is not screened"),
        ("PAY BELARUSKALI", Unspecified, "not ISO 20022 XML and not a SWIFT MT message"),
        ("", Unspecified, "empty"),
    ] {
        let e = client.screen_message(request("bad", text, format)).await.expect_err("refused");
        assert_eq!(e.code(), Code::InvalidArgument, "{text}: {e:?}");
        assert!(e.message().contains(expect), "{text}: {}", e.message());
    }
    let e = client
        .screen_message(pb::ScreenMessageRequest { format: 9, message: "<Document/>".into(), ..Default::default() })
        .await
        .expect_err("refused");
    assert_eq!(e.code(), Code::InvalidArgument);
    // Larger than max_message_bytes (256 KiB), as for other requests.
    let huge = format!("<Document>{}</Document>", "<a/>".repeat(80_000));
    let e = client.screen_message(request("big", &huge, Iso20022)).await.expect_err("refused");
    assert_eq!(e.code(), Code::ResourceExhausted, "{e:?}");

    // The audit log records the paths and entity ids of the hits, never the text.
    let deadline = Instant::now() + Duration::from_secs(10);
    let log = loop {
        let log = std::fs::read_to_string(&audit).unwrap_or_default();
        if log.lines().filter(|l| l.contains("\"ScreenMessage\"")).count() >= 5 || Instant::now() > deadline {
            break log;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    let records: Vec<serde_json::Value> = log
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON"))
        .filter(|r: &serde_json::Value| r["rpc"] == "ScreenMessage")
        .collect();
    let first = records.iter().find(|r| r["request_id"] == "m-1").expect("m-1 audited");
    assert_eq!(first["payment_id"], "NDEA-20250312-0001");
    assert_eq!(first["decision"], "block");
    let creditor = first["parties"]
        .as_array()
        .expect("parties")
        .iter()
        .find(|p| p["path"] == "/Envelope/Document/FIToFICstmrCdtTrf/CdtTrfTxInf[2]/Cdtr/Nm")
        .expect("the creditor's hit is audited by path");
    assert_eq!(creditor["role"], "creditor");
    assert!(creditor["matches"].as_array().expect("matches").iter().any(|m| m["entity_id"] == "us-ofac-sdn:32746"));
    let logs = server.drain_log().join("\n");
    for secret in ["BELARUSKALI", "Belaruskali", "POTASH", "Lukashenko", "LUKASHENKO", "Baltic Agro"] {
        assert!(!log.contains(secret), "the audit log holds `{secret}`: {log}");
        assert!(!logs.contains(secret), "the server log holds `{secret}`");
    }
}

#[test]
fn the_cli_screens_message_files_as_the_service_does() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/messages");
    let out = common::screener_command()
        .arg("screen-message")
        .args(real_source_args())
        .arg(dir.join("mt103_option_k.fin"))
        .arg(dir.join("pacs008_clean.xml"))
        .env_remove("SCREENER_SOURCES")
        .output()
        .expect("runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let lines: Vec<serde_json::Value> =
        String::from_utf8_lossy(&out.stdout).lines().map(|l| serde_json::from_str(l).expect("JSON lines")).collect();
    assert_eq!(lines.len(), 2);
    assert_eq!((lines[0]["messageType"].as_str(), lines[0]["decision"].as_str()), (Some("MT103"), Some("BLOCK")));
    let paths: Vec<&str> =
        lines[0]["hits"].as_array().expect("hits").iter().filter_map(|h| h["path"].as_str()).collect();
    assert_eq!(paths, [":57A:", ":59:", ":72:"]);
    assert_eq!(lines[1]["decision"], "CLEAR");

    let bad = tempfile::NamedTempFile::new().expect("temp");
    std::fs::write(bad.path(), "<Document><FIToFICstmrCdtTrf>").expect("write");
    let out = common::screener_command()
        .arg("screen-message")
        .args(real_source_args())
        .arg(bad.path())
        .output()
        .expect("runs");
    assert!(!out.status.success());
    let line: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON line");
    assert!(line["error"].as_str().is_some_and(|e| e.contains("never closed")), "{line}");
}
