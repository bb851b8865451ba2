//! screener: screens payment counterparties against the Belarus sanctions lists.
//!
//! The data path, one module per stage: [`source`] (read a list location) → [`parser`] (official
//! formats → [`model`]) → [`index`] (immutable snapshot with lookup tables) → [`matcher`] (query →
//! scored matches) → [`service`] (gRPC edge). Around it: [`lists`] keeps the lists current (the
//! live snapshot, reloads through the validation gate, URL polling, the change feed); [`layers`]
//! are the tower layers around the gRPC services; [`server`] wires the gRPC server; [`config`]
//! validates settings; [`cli`] runs the subcommands of the binary. [`message`] reads payment
//! messages (ISO 20022, SWIFT MT) into the fields the matcher screens.
//!
//! No two modules import each other, directly or round a cycle (`tests/module_cycles.rs`).
#![forbid(unsafe_code)]

pub mod auth;
pub mod cli;
pub mod config;
pub mod error;
pub mod fuzzing;
pub mod good_guys;
pub mod index;
pub mod layers;
pub mod lists;
pub mod matcher;
pub mod message;
pub mod metrics;
pub mod model;
pub mod normalize;
pub mod parser;
pub mod server;
pub mod service;
pub mod source;
pub mod telemetry;
pub mod tls;

/// Generated protobuf and gRPC code for `screening.v1`.
pub mod pb {
    #![allow(clippy::all, clippy::pedantic, missing_docs)]
    tonic::include_proto!("screening.v1");

    /// Encoded descriptors of the API, served by reflection.
    pub const FILE_DESCRIPTOR_SET: &[u8] = tonic::include_file_descriptor_set!("screening_descriptor");
}
