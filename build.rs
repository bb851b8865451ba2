//! Compiles the public API (`proto/screening/v1/screening.proto`) with a vendored `protoc`, so a
//! fresh machine needs no system protobuf compiler, and writes the descriptor set that server
//! reflection serves.
use std::{env, path::PathBuf};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let protoc = protoc_bin_vendored::protoc_bin_path()?;
    // prost-build finds protoc through this variable; build scripts run single-threaded.
    env::set_var("PROTOC", protoc);
    let out = PathBuf::from(env::var("OUT_DIR")?);
    tonic_prost_build::configure()
        .file_descriptor_set_path(out.join("screening_descriptor.bin"))
        .compile_protos(&["proto/screening/v1/screening.proto"], &["proto"])?;
    println!("cargo:rerun-if-changed=proto");
    Ok(())
}
