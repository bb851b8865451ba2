#!/usr/bin/env bash
# RPC throughput against the health check, as issue 18 measures it: h2load on loopback,
# alternating payloads in one run, every answer's gRPC status checked.
#
#   bash scripts/h2load.sh [ROUNDS] [REQUESTS]      (defaults: 3 rounds of 100000 requests)
#
# Starts the release server (target/release/screener, build it first; SCREENER_BIN=PATH for
# another build, to compare two in one session) on the real lists in
# ../shared/data when they are there, else on the excerpts in tests/data/lists, with metrics on.
# For each round it runs, one after the other on the same server: the gRPC health Check (no
# work: the stack's limit here), ScreenParty for an unlisted person (CLEAR), and ScreenParty for
# a person listed by all three sources (BLOCK, three matches); then prints req/s and each
# screening's share of the health check's req/s in that round, and the server's CPU per call.
#
# h2load counts a gRPC error inside an HTTP 200 as a success, so the script reads the server's
# own per-outcome counters (screener_rpc_requests_total) before and after each run and fails
# unless every call answered with the expected decision.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-3}
N=${2:-100000}
C=${H2LOAD_CONNECTIONS:-16}
M=${H2LOAD_STREAMS:-32}
command -v h2load >/dev/null || { echo "h2load is not installed (Debian: apt-get install nghttp2-client)" >&2; exit 1; }
BIN=${SCREENER_BIN:-target/release/screener}
[ -x "$BIN" ] || { echo "build first: cargo build --release" >&2; exit 1; }

if [ -d ../shared/data ]; then D=../shared/data; else D=tests/data/lists; fi
ca=$D/canada/sema-lmes_2025-09-22.xml
ofac=$D/ofac/sdn_2023-12-28.csv
uk=$D/uk/ConList_2025-04-10.csv

work=$(mktemp -d)
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT
port=$((20000 + RANDOM % 20000)); mport=$((port + 1))
"$BIN" serve --listen 127.0.0.1:$port --metrics-listen 127.0.0.1:$mport --no-watch \
  --source "ca-sema=$ca" --source "us-ofac-sdn=$ofac" --source "uk-ofsi=$uk" >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 600); do grep -q '"serving"\| serving' "$work/server.log" && break; sleep 0.2; done
grep -q 'serving' "$work/server.log" || { tail -20 "$work/server.log" >&2; exit 1; }

# gRPC bodies, hand-encoded: 5-byte frame header, then the protobuf message.
python3 - "$work" <<'EOF'
import struct, sys
work = sys.argv[1]
def field(n, payload):  # length-delimited field
    return bytes([n << 3 | 2]) + bytes([len(payload)]) + payload
def party(name):
    return field(1, name.encode()) + bytes([2 << 3 | 0, 1])  # name, type PERSON
def frame(msg):
    return b"\0" + struct.pack(">I", len(msg)) + msg
open(f"{work}/health.bin", "wb").write(frame(b""))
open(f"{work}/clear.bin", "wb").write(frame(field(2, party("Maria Fernanda Gonzalez"))))
open(f"{work}/hit.bin", "wb").write(frame(field(2, party("Aleksandr Grigoryevich Lukashenko"))))
EOF

calls() { # screener_rpc_requests_total for rpc $1 (and outcome $2, if given), from the server
  curl -s "http://127.0.0.1:$mport/metrics" |
    awk -v r="rpc=\"$1\"" -v o="${2:+outcome=\"$2\"}" \
      'index($0,"screener_rpc_requests_total{") && index($0,r) && index($0,o) {s+=$2} END {print s+0}'
}
cpu_ticks() { # the server's user + system CPU so far, in clock ticks
  awk '{print $14 + $15}' "/proc/$server/stat"
}
run() { # path body -> req/s; the server's CPU per call (µs) is appended to $work/cpu
  local t0 t1
  t0=$(cpu_ticks)
  h2load -n "$N" -c "$C" -m "$M" -H 'content-type: application/grpc' -H 'te: trailers' \
    -d "$2" "http://127.0.0.1:$port$1" >"$work/h2load.out" 2>&1
  t1=$(cpu_ticks)
  echo "($t1 - $t0) * 1000000 / $(getconf CLK_TCK) / $N" | bc -l >>"$work/cpu"
  grep -q "$N succeeded" "$work/h2load.out" || { cat "$work/h2load.out" >&2; exit 1; }
  awk '/^finished in/ {gsub(",", "", $4); print $4}' "$work/h2load.out"
}
screen() { # body expected-outcome -> req/s, after checking every call's outcome
  local before ok_before after ok_after
  before=$(calls ScreenParty); ok_before=$(calls ScreenParty "$2")
  local rps; rps=$(run /screening.v1.ScreeningService/ScreenParty "$1")
  after=$(calls ScreenParty); ok_after=$(calls ScreenParty "$2")
  if [ $((after - before)) -ne "$N" ] || [ $((ok_after - ok_before)) -ne "$N" ]; then
    echo "ScreenParty: $((ok_after - ok_before)) of $N calls answered $2 ($((after - before)) counted)" >&2
    exit 1
  fi
  echo "$rps"
}

echo "h2load -c $C -m $M -n $N, lists from $D"
# req/s of each call, each screening's share of the health check's, and the server's CPU per
# call (from /proc, over the run: what the server spent, whatever h2load spent beside it).
printf '%-6s %12s %12s %12s %8s %8s %22s\n' round health clear hit clear/h hit/h 'server µs: h / c / b'
for r in $(seq "$ROUNDS"); do
  : >"$work/cpu"
  h=$(run /grpc.health.v1.Health/Check "$work/health.bin")
  c=$(screen "$work/clear.bin" clear)
  b=$(screen "$work/hit.bin" block)
  mapfile -t us <"$work/cpu"
  printf '%-6s %12.0f %12.0f %12.0f %8.2f %8.2f %8.1f / %4.1f / %4.1f\n' "$r" "$h" "$c" "$b" \
    "$(echo "$c / $h" | bc -l)" "$(echo "$b / $h" | bc -l)" "${us[0]}" "${us[1]}" "${us[2]}"
done
echo "last run, time for request (min max mean sd):"; grep "time for request" "$work/h2load.out" || true
