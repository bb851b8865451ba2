//! `screener compare`: scores pairs of parties read as JSON lines, with the same code path as the
//! `Compare` RPC (same validation, same matcher, same rounding), so analysts can replay and tune
//! offline what the service decides.
//!
//! Input, one pair per line: `{"query": PARTY, "candidate": PARTY}` where PARTY is
//! `screening.v1.Party` in proto JSON (`name`, `type` as `"PERSON"`, `dateOfBirth` or
//! `date_of_birth`, `country`, `identifiers: [{"kind": "PASSPORT", "value": "..."}]`, `address`).
//! Output, one line per pair: `{"line": N, "score": ..., "decision": "...", "features": [...]}`, or
//! `{"line": N, "error": "..."}` for a line that cannot be read.

use std::io::{BufRead, Write};
use std::path::PathBuf;

use serde::Deserialize;

use std::sync::Arc;

use anyhow::Context;

use crate::config::{ListSettings, ServeConfig};
use crate::index::ListStats;
use crate::matcher::{self, Thresholds};
use crate::pb;
use crate::service::{compare_response, party_query};

/// `screener compare`'s arguments: its input, and the server's list settings.
#[derive(Debug, Clone, clap::Args, Default)]
pub struct CompareArgs {
    /// JSON-lines file to read [default: standard input].
    #[arg(long)]
    pub input: Option<PathBuf>,
    #[command(flatten)]
    pub lists: ListSettings,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Pair {
    query: JsonParty,
    candidate: JsonParty,
}

/// `screening.v1.Party` in proto JSON: lowerCamelCase or original field names, enums by name.
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct JsonParty {
    name: String,
    #[serde(rename = "type")]
    party_type: Option<String>,
    #[serde(alias = "date_of_birth", rename = "dateOfBirth")]
    date_of_birth: String,
    country: String,
    identifiers: Vec<JsonIdentifier>,
    address: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct JsonIdentifier {
    kind: Option<String>,
    value: String,
}

impl JsonParty {
    fn into_pb(self) -> Result<pb::Party, String> {
        let party_type = match self.party_type.as_deref() {
            None => pb::PartyType::Unspecified,
            Some(t) => pb::PartyType::from_str_name(t).ok_or_else(|| format!("unknown party type `{t}`"))?,
        };
        let identifiers =
            self.identifiers
                .into_iter()
                .map(|i| {
                    let kind = match i.kind.as_deref() {
                        None => pb::IdentifierKind::Unspecified,
                        Some(k) => pb::IdentifierKind::from_str_name(k)
                            .ok_or_else(|| format!("unknown identifier kind `{k}`"))?,
                    };
                    Ok(pb::Identifier { kind: kind as i32, value: i.value })
                })
                .collect::<Result<Vec<_>, String>>()?;
        Ok(pb::Party {
            name: self.name,
            r#type: party_type as i32,
            date_of_birth: self.date_of_birth,
            country: self.country,
            identifiers,
            address: self.address,
        })
    }
}

/// Compares every pair from `input`, writing one JSON line each to `output`. Returns how many
/// lines could not be read.
pub fn run(
    input: impl BufRead,
    mut output: impl Write,
    thresholds: &Thresholds,
    stats: &Arc<ListStats>,
) -> std::io::Result<usize> {
    let mut failures = 0;
    for (i, line) in input.lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let n = i + 1;
        let out = match compare_line(&line, thresholds, stats) {
            Ok(resp) => serde_json::json!({
                "line": n,
                "score": resp.score,
                "decision": pb::Decision::try_from(resp.decision).unwrap_or_default().as_str_name(),
                "features": resp.features.iter().map(|f| serde_json::json!({
                    "feature": f.feature,
                    "score": f.score,
                    "outcome": pb::FeatureOutcome::try_from(f.outcome).unwrap_or_default().as_str_name(),
                    "detail": f.detail,
                })).collect::<Vec<_>>(),
            }),
            Err(e) => {
                failures += 1;
                serde_json::json!({ "line": n, "error": e })
            }
        };
        writeln!(output, "{out}")?;
    }
    Ok(failures)
}

fn compare_line(line: &str, thresholds: &Thresholds, stats: &Arc<ListStats>) -> Result<pb::CompareResponse, String> {
    let pair: Pair = serde_json::from_str(line).map_err(|e| format!("not a {{\"query\", \"candidate\"}} pair: {e}"))?;
    let query = party_query(&pair.query.into_pb()?, "query").map_err(|e| e.to_string())?;
    let candidate = party_query(&pair.candidate.into_pb()?, "candidate").map_err(|e| e.to_string())?;
    let result = matcher::compare(&query, &candidate, thresholds, stats.clone());
    Ok(compare_response(&candidate, &result))
}

/// `screener compare`: the handler of the subcommand.
pub fn command(args: &CompareArgs) -> anyhow::Result<()> {
    let config = ServeConfig::for_lists(&args.lists)?;
    let (sources, thresholds, regime) = (config.sources, config.thresholds, config.regime);
    let weights = if sources.is_empty() {
        eprintln!("screener compare: no --source given, so organisation words all weigh the same; pass the server's sources to get its scores exactly");
        std::sync::Arc::new(crate::index::ListStats::from_sources(&[]))
    } else {
        // Word statistics cover every entity whatever the regime (as the server's do).
        crate::lists::store::load(&sources, regime)?.stats().clone()
    };
    let stdout = std::io::stdout().lock();
    let failures = match &args.input {
        Some(p) => {
            let f = std::fs::File::open(p).with_context(|| format!("cannot open {}", p.display()))?;
            run(std::io::BufReader::new(f), stdout, &thresholds, &weights)?
        }
        None => run(std::io::stdin().lock(), stdout, &thresholds, &weights)?,
    };
    if failures > 0 {
        anyhow::bail!("{failures} line(s) could not be compared (see their \"error\")");
    }
    Ok(())
}
