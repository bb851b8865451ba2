#!/usr/bin/env bash
# Instructions per screening, counted by valgrind (callgrind) inside `matcher::screen` only, over
# one pass of the dev set's 3,799 names, for each index (`--regime belarus`, `--regime all`).
# Unlike timings on a shared machine, the count is the same on every run, so two builds can be
# compared by it to the tenth of a percent (it does not see cache misses: confirm a change by the
# same-run p50 of `cargo bench --bench screening -- --percentiles` too).
#
#   bash scripts/instructions.sh [BENCH_BINARY ...]
#
# With no argument it builds the screening bench and measures it. To compare two commits, build
# the bench in each (`cargo bench --bench screening --no-run`), copy
# `target/release/deps/screening-<hash>` somewhere, and pass both. Needs valgrind (Debian
# `valgrind`) and the full lists and dev set in ../shared; each binary takes about two minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -eq 0 ]; then
  out=$(cargo bench --bench screening --no-run --message-format=json 2>/dev/null)
  bin=$(printf '%s\n' "$out" | python3 -c '
import json, sys
for line in sys.stdin:
    m = json.loads(line)
    if m.get("reason") == "compiler-artifact" and m["target"]["name"] == "screening" and m.get("executable"):
        print(m["executable"])')
  set -- "$bin"
fi
# SCREENER_BENCH_NAMES='A|B' (see benches/screening.rs) counts those names instead, 2,000
# screenings of each.
if [ -n "${SCREENER_BENCH_NAMES:-}" ]; then
  queries=$(( ( $(printf '%s' "$SCREENER_BENCH_NAMES" | tr -cd '|' | wc -c) + 1 ) * 2000 ))
else
  queries=$(wc -l < ../shared/eval/dev.jsonl)
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf '| binary | index | instructions per screening |\n|---|---|---|\n'
for b in "$@"; do
  for regime in belarus all; do
    SCREENER_BENCH_REGIME=$regime SCREENER_BENCH_ROUNDS=1 valgrind --tool=callgrind \
      --callgrind-out-file="$tmp/out" '--toggle-collect=screener::matcher::screen' \
      "$b" --percentiles > "$tmp/log" 2>&1
    total=$(grep -o 'Collected : [0-9]*' "$tmp/log" | awk '{print $3}')
    printf '| `%s` | `--regime %s` | %s |\n' "$(basename "$b")" "$regime" "$((total / queries))"
  done
done
