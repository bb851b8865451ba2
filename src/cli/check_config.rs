//! `screener check-config`: validates the settings `serve` would run with (flags, environment,
//! file) and prints them as JSON, without loading lists or listening.
//!
//! The files the settings name are read as `serve` reads them (the good-guy list, the telemetry
//! key, the TLS files, the admin token), so a path that is wrong, unreadable or not a regular
//! file fails here, before a deployment, rather than at start or at the first admin call.

use anyhow::Context;

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
        let token = crate::source::read_small(path, crate::auth::MAX_TOKEN_BYTES)
            .with_context(|| format!("admin_token_file {}", path.display()))?;
        anyhow::ensure!(
            !String::from_utf8_lossy(&token).trim().is_empty(),
            "admin_token_file {} is empty: every AdminService call would be refused",
            path.display()
        );
    }
    println!("{}", serde_json::to_string_pretty(&config)?);
    Ok(())
}
