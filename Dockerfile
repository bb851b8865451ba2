# Build: the Rust toolchain; protoc is vendored by the build, so no system packages are needed.
FROM rust:1.95-bookworm AS build
WORKDIR /src
COPY Cargo.toml Cargo.lock build.rs rustfmt.toml ./
COPY proto proto
COPY src src
COPY benches benches
RUN cargo build --release --locked --bin screener

# Run: distroless (no shell, no package manager), as the non-root user 65532.
FROM gcr.io/distroless/cc-debian12:nonroot
COPY --from=build /src/target/release/screener /usr/local/bin/screener
USER 65532:65532
EXPOSE 50051
ENTRYPOINT ["/usr/local/bin/screener"]
CMD ["serve", "--config", "/etc/screener/screener.toml"]
