//! `screener screen-message FILE…`: screens payment message files with the same code path as the
//! `ScreenMessage` RPC (same parsing, same matcher, same conversion to the response), so an
//! analyst can replay offline what the service decides about a message.
//!
//! Output, one JSON line per file, in the proto's JSON field names:
//! `{"file": ..., "messageType": ..., "messageId": ..., "decision": ..., "fieldsScreened": N,
//! "hits": [{"path", "role", "text", "spanStart", "spanEnd", "decision", "matches": [...]}],
//! "listVersion": ...}`, or `{"file": ..., "error": ...}` for a file that cannot be screened.

use std::io::Write;
use std::path::Path;

use crate::config::{ListSettings, ServeConfig};
use crate::index::Snapshot;
use crate::matcher::Thresholds;
use crate::message::Format;
use crate::pb;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, Default)]
pub enum MessageFormatArg {
    /// Decide from the content.
    #[default]
    Detect,
    Iso20022,
    SwiftMt,
}

/// `screener screen-message`'s arguments: the files, and the server's list settings (the lists
/// are required here, since a message screened against none would read as clear).
#[derive(Debug, Clone, clap::Args, Default)]
pub struct ScreenMessageArgs {
    /// Message files, one message each.
    #[arg(required = true)]
    pub files: Vec<std::path::PathBuf>,
    /// Format of the files [default: detect].
    #[arg(long, value_enum, default_value_t = MessageFormatArg::Detect)]
    pub format: MessageFormatArg,
    #[command(flatten)]
    pub lists: ListSettings,
}

/// Files larger than this are refused unread: a payment message is kilobytes.
pub const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;

/// Screens every file, writing one JSON line each to `output`. Returns how many could not be
/// screened.
pub fn run(
    files: &[impl AsRef<Path>],
    mut output: impl Write,
    snapshot: &Snapshot,
    thresholds: &Thresholds,
    format: Format,
) -> std::io::Result<usize> {
    let mut failures = 0;
    for path in files {
        let path = path.as_ref();
        let line = match screen_file(path, snapshot, thresholds, format) {
            Ok(r) => response_json(path, &r),
            Err(e) => {
                failures += 1;
                serde_json::json!({ "file": path.display().to_string(), "error": e })
            }
        };
        writeln!(output, "{line}")?;
    }
    Ok(failures)
}

fn screen_file(
    path: &Path,
    snapshot: &Snapshot,
    thresholds: &Thresholds,
    format: Format,
) -> Result<pb::ScreenMessageResponse, String> {
    let size = std::fs::metadata(path).map_err(|e| format!("cannot read: {e}"))?.len();
    if size > MAX_FILE_BYTES {
        return Err(format!("{size} bytes: larger than the {MAX_FILE_BYTES} bytes a message file may have"));
    }
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read: {e}"))?;
    let text = String::from_utf8(bytes).map_err(|_| "not UTF-8 text".to_string())?;
    crate::service::screen_message(snapshot, thresholds, "", &text, format)
        .map(|a| a.response)
        .map_err(|e| e.to_string())
}

fn decision(d: i32) -> &'static str {
    pb::Decision::try_from(d).unwrap_or_default().as_str_name()
}

fn response_json(path: &Path, r: &pb::ScreenMessageResponse) -> serde_json::Value {
    serde_json::json!({
        "file": path.display().to_string(),
        "messageType": r.message_type,
        "messageId": r.message_id,
        "decision": decision(r.decision),
        "fieldsScreened": r.fields_screened,
        "hits": r.hits.iter().map(|h| serde_json::json!({
            "path": h.path,
            "role": pb::PartyRole::try_from(h.role).unwrap_or_default().as_str_name(),
            "text": h.text,
            "spanStart": h.span_start,
            "spanEnd": h.span_end,
            "decision": decision(h.decision),
            "matches": h.matches.iter().map(|m| serde_json::json!({
                "entityId": m.entity_id,
                "source": m.source,
                "listedName": m.listed_name,
                "matchedName": m.matched_name,
                "score": m.score,
                "decision": decision(m.decision),
            })).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "listVersion": r.list_version,
    })
}

/// `screener screen-message`: the handler of the subcommand.
pub fn command(args: &ScreenMessageArgs) -> anyhow::Result<()> {
    let config = ServeConfig::for_lists(&args.lists)?;
    if config.sources.is_empty() {
        anyhow::bail!(
            "screen-message needs the lists to screen against: give --source KIND=PATH for each (as for serve)"
        );
    }
    let (sources, thresholds, regime) = (config.sources, config.thresholds, config.regime);
    let snapshot = crate::lists::store::load(&sources, regime)?;
    let format = match args.format {
        MessageFormatArg::Detect => crate::message::Format::Detect,
        MessageFormatArg::Iso20022 => crate::message::Format::Iso20022,
        MessageFormatArg::SwiftMt => crate::message::Format::SwiftMt,
    };
    let failures = run(&args.files, std::io::stdout().lock(), &snapshot, &thresholds, format)?;
    if failures > 0 {
        anyhow::bail!("{failures} file(s) could not be screened (see their \"error\")");
    }
    Ok(())
}
