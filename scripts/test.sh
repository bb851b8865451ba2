#!/usr/bin/env bash
# Every test the project has, as CI runs them (after .ci/run has installed what they need):
# formatting and lints, the dependency policy, Rust unit and integration tests (real binary, real lists), the Python
# client that learns the API by reflection, and the README's grpcurl examples.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -d ../shared/data ]; then
  echo "test.sh: ../shared/data (the real list files) is missing; the tests need it beside the repository" >&2
  exit 1
fi

echo "== cargo fmt --check"
cargo fmt --check
echo "== cargo clippy"
cargo clippy --release --all-targets --locked -- -D warnings
echo "== dependency policy (cargo deny)"
bash scripts/audit.sh
echo "== cargo test"
cargo test --release --locked
echo "== python reflection client"
python3 -m pytest -q tests/python
echo "== README grpcurl examples"
bash scripts/readme-examples.sh
