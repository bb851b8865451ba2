#!/usr/bin/env bash
# Peak resident memory (VmHWM) of the release server after loading the shared lists, for
# `--regime belarus` and `--regime all`: the figures behind the README and the Kubernetes sizing.
# Last, the bytes each extra indexed name costs: the resident difference between the two
# regimes over the difference in names (the `names=` of the server's "serving" line).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x target/release/screener ] || cargo build --release --locked
# The full publications (the committed excerpts in tests/data/lists are far smaller than real lists).
D=${SCREENER_FULL_DATA:-../shared/data}
[ -d "$D" ] || { echo "measure-rss: needs the full publications in $D (set SCREENER_FULL_DATA)" >&2; exit 1; }
declare -A rss names
for regime in belarus all; do
  log=$(mktemp)
  target/release/screener serve --listen 127.0.0.1:0 --no-watch --log-format json --regime "$regime" \
    --source "ca-sema=$D/canada/sema-lmes_2025-09-22.xml" \
    --source "us-ofac-sdn=$D/ofac/sdn_2023-12-28.csv" \
    --source "uk-ofsi=$D/uk/ConList_2025-04-10.csv" 2>"$log" &
  pid=$!
  for _ in $(seq 1 600); do grep -q '"serving"\|serving' "$log" && grep -q 'list_version' "$log" && break; sleep 0.1; done
  sleep 0.5
  rss[$regime]=$(awk '/VmRSS/ {print $2}' /proc/$pid/status)
  names[$regime]=$(sed -n 's/.*"names":\([0-9][0-9]*\).*/\1/p' "$log" | head -n1)
  echo "--regime $regime: $(grep VmHWM /proc/$pid/status | awk '{printf "%.0f MiB", $2/1024}') peak resident, $(grep VmRSS /proc/$pid/status | awk '{printf "%.0f MiB", $2/1024}') resident after loading"
  kill "$pid"; wait "$pid" 2>/dev/null || true; rm -f "$log"
done
echo "per extra indexed name: $(( (rss[all] - rss[belarus]) * 1024 / (names[all] - names[belarus]) )) bytes (${names[belarus]} → ${names[all]} names)"
