#!/usr/bin/env bash
# A profile-guided build of the server: the binary a production image should ship (README,
# Performance, "A profile-guided build"). Three steps, each a plain cargo build with one flag:
#   1. build an instrumented server (-Cprofile-generate) in target/pgo/gen;
#   2. run it on the lists (../shared/data when there, else the excerpts in tests/data/lists)
#      and drive it with scripts/pgo/train.py: every name those files publish, three variants
#      of each, the payment messages of tests/data/messages, health checks; stop it with SIGINT
#      so that it writes its profile;
#   3. merge the profile (llvm-profdata, from rustup's llvm-tools) and build again with
#      -Cprofile-use in target/pgo/use.
#
#   bash scripts/pgo/build.sh            -> target/pgo/use/release/screener
#   bash scripts/pgo/build.sh --bench    -> also the screening benchmark, trained on the same
#                                           names (not the dev set it measures), for comparing
#                                           in process: target/pgo/use/release/deps/screening-…
#
# Why: a screening walks about 100 KB of matcher code once per name, and in a server under load
# that code is not in cache (README, "Where the bounds…"); the profile lets the compiler put
# what a screening runs together and out of the way of what it does not.
# The profile is only as current as the source it was taken from: build from a clean tree, and
# rebuild after any change (cargo warns of functions the profile does not know).
set -euo pipefail
cd "$(dirname "$0")/../.."
bench=0; [ "${1:-}" = --bench ] && bench=1

profdata=$(find "$(rustc --print sysroot)" -name llvm-profdata -type f 2>/dev/null | head -1)
if [ -z "$profdata" ]; then
  rustup component add llvm-tools
  profdata=$(find "$(rustc --print sysroot)" -name llvm-profdata -type f | head -1)
fi
python3 -c 'import grpc, grpc_tools' 2>/dev/null || python3 -m pip install --quiet grpcio grpcio-tools
mkdir -p scripts/pgo/out
python3 -m grpc_tools.protoc -Iproto --python_out=scripts/pgo/out --grpc_python_out=scripts/pgo/out \
  proto/screening/v1/screening.proto

if [ -d ../shared/data ]; then D=../shared/data; else D=tests/data/lists; fi
ca=$D/canada/sema-lmes_2025-09-22.xml
ofac=$D/ofac/sdn_2023-12-28.csv
uk=$D/uk/ConList_2025-04-10.csv
work=$PWD/target/pgo
raw=$work/raw
rm -rf "$raw" "$work/names.txt"
mkdir -p "$raw"
targets=(--bin screener); [ $bench = 1 ] && targets+=(--bench screening)

echo "pgo: 1/3 instrumented build" >&2
CARGO_TARGET_DIR=$work/gen RUSTFLAGS="${RUSTFLAGS:-} -Cprofile-generate=$raw" \
  cargo build --release --locked "${targets[@]}"

echo "pgo: 2/3 training on the lists in $D" >&2
log=$work/train-server.log
port=$((20000 + RANDOM % 20000))
"$work/gen/release/screener" serve --listen 127.0.0.1:$port --no-watch \
  --source "ca-sema=$ca" --source "us-ofac-sdn=$ofac" --source "uk-ofsi=$uk" >"$log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 600); do grep -q 'serving' "$log" && break; kill -0 $server 2>/dev/null || break; sleep 0.2; done
grep -q 'serving' "$log" || { tail -20 "$log" >&2; exit 1; }
python3 scripts/pgo/train.py 127.0.0.1:$port "$ofac" "$uk" "$ca" --names-out "$work/names.txt"
kill -INT $server
wait $server || true
trap - EXIT
if [ $bench = 1 ]; then
  gen_bench=$(ls -t "$work"/gen/release/deps/screening-* | grep -v '\.d$' | head -1)
  SCREENER_DATA=$D SCREENER_BENCH_NAMES_FILE=$work/names.txt SCREENER_BENCH_ROUNDS=1 \
    LLVM_PROFILE_FILE="$raw/bench-%p.profraw" "$gen_bench" --percentiles
fi
ls "$raw"/*.profraw >/dev/null

echo "pgo: 3/3 optimised build" >&2
"$profdata" merge -o "$work/screener.profdata" "$raw"
CARGO_TARGET_DIR=$work/use RUSTFLAGS="${RUSTFLAGS:-} -Cprofile-use=$work/screener.profdata" \
  cargo build --release --locked "${targets[@]}"
echo "pgo: built $work/use/release/screener" >&2
