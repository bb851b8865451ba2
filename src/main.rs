//! The `screener` binary: parses the command line and runs the chosen command (see `screener::cli`).
#![forbid(unsafe_code)]

use clap::Parser;
use screener::cli::Cli;

/// mimalloc rather than the system allocator: under load, glibc's malloc and free were a quarter
/// of the server's CPU (`perf record -p` during `scripts/h2load.sh`), since every call allocates
/// its request, its query's words and its response on one worker thread and frees them on
/// another. The README ("Performance") has the figures.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> anyhow::Result<()> {
    screener::cli::run(Cli::parse())
}
