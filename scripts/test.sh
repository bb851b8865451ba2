#!/usr/bin/env bash
# Every test the project has, as CI runs them (after .ci/run has installed what they need):
# formatting and lints, the dependency policy, Rust unit and integration tests (real binary, real list excerpts), the Python
# client that learns the API by reflection, and the README's grpcurl examples.
set -euo pipefail
cd "$(dirname "$0")/.."

# The tests read the excerpts of the official lists committed in tests/data/lists (SCREENER_DATA
# points them elsewhere). The few that check what only the full publications have run when
# ../shared/data (or SCREENER_FULL_DATA) is there, and otherwise each print one SKIPPED line.
if [ -d "${SCREENER_FULL_DATA:-../shared/data}" ]; then
  echo "test.sh: data: tests/data/lists (committed excerpts); full publications: ${SCREENER_FULL_DATA:-../shared/data}"
else
  echo "test.sh: data: tests/data/lists (committed excerpts); no full publications beside the repository, so the full-list tests say SKIPPED"
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
