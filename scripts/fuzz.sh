#!/usr/bin/env bash
# Fuzzes each list parser, the name normaliser and query screening with cargo-fuzz (libFuzzer,
# nightly), seeded from slices of the real list files, then minimises the corpus into
# fuzz/corpus/<target> for CI to replay (tests/fuzz_corpus.rs).
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET ...]     (default 600 s, every target)
#
# Needs: rustup's nightly toolchain and `cargo install cargo-fuzz`. A crash stops the script with
# the input saved under fuzz/artifacts/<target>/; after fixing it, copy that input into
# fuzz/regressions/<target>/ so CI replays it for ever.
set -euo pipefail
cd "$(dirname "$0")/.."
secs="${1:-600}"; shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(parse_ca_sema parse_ofac_sdn parse_uk_ofsi parse_uk_fcdo parse_eu_fsf parse_jp_mof normalize_name screen_name)
fi
data="${SCREENER_DATA:-$PWD/tests/data/lists}"
seeds="$(mktemp -d)"; trap 'rm -rf "$seeds"' EXIT
python3 scripts/fuzz_seeds.py "$data" "$seeds"
export SCREENER_DATA="$data"
cargo +nightly fuzz build --release
failed=()
for t in "${targets[@]}"; do
  mkdir -p "fuzz/corpus/$t"
  echo "== $t: ${secs}s"
  # Parsers take whole publications, so they get room for a few records; names stay short.
  case "$t" in parse_*) max_len=32768 ;; *) max_len=512 ;; esac
  if ! cargo +nightly fuzz run --release "$t" "fuzz/corpus/$t" "$seeds/$t" -- \
    -max_total_time="$secs" -max_len="$max_len" -timeout=10 -rss_limit_mb=4096 -print_final_stats=1; then
    failed+=("$t")
    continue
  fi
  cargo +nightly fuzz cmin --release "$t" "fuzz/corpus/$t" -- -max_len="$max_len"
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "crashes in: ${failed[*]} (inputs under fuzz/artifacts/)" >&2
  exit 1
fi
echo "no crash in: ${targets[*]}"
