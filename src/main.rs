//! The `screener` binary: parses the command line and runs the chosen command (see `screener::cli`).
#![forbid(unsafe_code)]

use clap::Parser;
use screener::cli::Cli;

fn main() -> anyhow::Result<()> {
    screener::cli::run(Cli::parse())
}
