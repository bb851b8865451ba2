//! `screener check-config`: validates the settings `serve` would run with (flags, environment,
//! file) and prints them as JSON, without loading lists or listening.

use crate::config::{ServeConfig, Settings};

/// `screener check-config`: the handler of the subcommand.
pub fn command(settings: &Settings) -> anyhow::Result<()> {
    let config = ServeConfig::from_settings(settings)?;
    println!("{}", serde_json::to_string_pretty(&config)?);
    Ok(())
}
