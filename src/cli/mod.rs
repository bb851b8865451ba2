//! The command line: one module per subcommand of the `screener` binary. The settings themselves
//! are declared in [`crate::config`] (one struct for flags, environment and file); each
//! subcommand's own arguments live with its handler.
//!
//! - [`serve`]: the gRPC server;
//! - [`check_config`]: validate and print the settings `serve` would run with;
//! - [`compare`]: score pairs of parties offline, as the `Compare` RPC does;
//! - [`screen_message`]: screen payment message files offline, as the `ScreenMessage` RPC does.

pub mod check_config;
pub mod compare;
pub mod screen_message;
pub mod serve;

use clap::{Parser, Subcommand};

use crate::config::Settings;

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
    Serve(Settings),
    /// Validate the settings `serve` would run with (flags, environment, file) and print them
    /// as JSON, without loading lists or listening: for CI of deployment manifests.
    CheckConfig(Settings),
    /// Score pairs of parties read as JSON lines ({"query": PARTY, "candidate": PARTY}, PARTY in
    /// proto JSON) and print one JSON line of score, decision and features per pair. Give the
    /// server's --source/--config to weigh organisation words exactly as it does.
    Compare(compare::CompareArgs),
    /// Screen payment messages (ISO 20022 pacs.008, pacs.009, pain.001; SWIFT MT103, MT202,
    /// MT202COV) from files, as ScreenMessage does, printing one JSON line per file: its
    /// decision and every field that hit, with path, role, span and matches.
    ScreenMessage(screen_message::ScreenMessageArgs),
}

/// Runs the subcommand the command line chose.
pub fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Command::Serve(settings) => serve::command(&settings),
        Command::Compare(args) => compare::command(&args),
        Command::ScreenMessage(args) => screen_message::command(&args),
        Command::CheckConfig(settings) => check_config::command(&settings),
    }
}
