//! The command line: one module per subcommand of the `screener` binary, which only parses the
//! arguments (declared in `config`) and calls [`run`].
//!
//! - [`serve`]: the gRPC server;
//! - [`check_config`]: validate and print the settings `serve` would run with;
//! - [`compare`]: score pairs of parties offline, as the `Compare` RPC does;
//! - [`screen_message`]: screen payment message files offline, as the `ScreenMessage` RPC does.

pub mod check_config;
pub mod compare;
pub mod screen_message;
pub mod serve;

use crate::config::{Cli, Command};

/// Runs the subcommand the command line chose.
pub fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Command::Serve(args) => serve::command(&args),
        Command::Compare(args) => compare::command(&args),
        Command::ScreenMessage(args) => screen_message::command(&args),
        Command::CheckConfig(args) => check_config::command(&args),
    }
}
