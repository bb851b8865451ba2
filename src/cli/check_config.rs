//! `screener check-config`: validates the settings `serve` would run with (flags, environment,
//! file) and prints them as JSON, without loading lists or listening.
//!
//! The files the settings name are read as `serve` reads them (the good-guy list, the telemetry
//! key, the TLS files, the admin token), so a path that is wrong, unreadable or not a regular
//! file fails here, before a deployment, rather than at start or at the first admin call.

use crate::config::{ServeConfig, Settings};

/// `screener check-config`: the handler of the subcommand.
pub fn command(settings: &Settings) -> anyhow::Result<()> {
    let config = ServeConfig::from_settings(settings)?;
    if let Some(path) = &config.good_guys {
        crate::good_guys::GoodGuys::read(path)?;
    }
    crate::telemetry::Privacy::new(config.telemetry_hash_key_file.as_deref(), config.telemetry_raw_values)?;
    if let Some(files) = &config.tls {
        crate::tls::TlsConfig::load(files.clone())?;
    }
    if let Some(path) = &config.admin.token_file {
        crate::auth::check_token_file(path).map_err(anyhow::Error::msg)?;
    }
    println!("{}", serde_json::to_string_pretty(&config)?);
    Ok(())
}
