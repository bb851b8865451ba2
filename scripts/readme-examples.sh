#!/usr/bin/env bash
# Runs every `grpcurl` command of the README's examples against the real server with the real
# lists (the excerpts committed in tests/data/lists, as the README's quick start serves), so the
# examples cannot rot. Each must exit 0 and print something; the expected words
# in `# expect:` comments right after a command must appear in its output.
set -euo pipefail
cd "$(dirname "$0")/.."

BIN=target/release/screener
[ -x "$BIN" ] || cargo build --release --locked
command -v grpcurl >/dev/null || { echo "readme-examples: grpcurl not found (cargo install grpcurl-rs)" >&2; exit 1; }

log=$(mktemp)
work=$(mktemp -d)
head -c 24 /dev/urandom | base64 > "$work/admin.token"
D=tests/data/lists
"$BIN" serve --listen 127.0.0.1:0 --admin-token-file "$work/admin.token" \
  --source "ca-sema=$D/canada/sema-lmes_2025-09-22.xml" \
  --source "us-ofac-sdn=$D/ofac/sdn_2023-12-28.csv" \
  --source "uk-ofsi=$D/uk/ConList_2025-04-10.csv" 2>"$log" &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -rf "$log" "$work"' EXIT

addr=""
for _ in $(seq 1 600); do
  addr=$(sed -n 's/.*listening on \([0-9.:]*\).*/\1/p' "$log" | head -n1)
  [ -n "$addr" ] && break
  sleep 0.1
done
[ -n "$addr" ] || { echo "server did not start:"; cat "$log"; exit 1; }
for _ in $(seq 1 600); do
  grpcurl -plaintext -d '{"service":""}' "$addr" grpc.health.v1.Health/Check 2>/dev/null | grep -q '"SERVING"' && break
  sleep 0.1
done

# Commands: lines of ```sh blocks starting with `grpcurl`, with `\` continuations joined.
python3 - "$addr" "$work" <<'PY' > "$log.cmds"
import re, sys
addr, work = sys.argv[1], sys.argv[2]
text = open("README.md", encoding="utf-8").read()
for block in re.findall(r"```sh\n(.*?)```", text, re.S):
    lines = block.replace("\\\n", " ").splitlines()
    for i, line in enumerate(lines):
        if line.startswith("grpcurl "):
            expect = ""
            if i + 1 < len(lines) and lines[i + 1].startswith("# expect:"):
                expect = lines[i + 1][len("# expect:"):].strip()
            line = line.replace("localhost:50051", addr).replace("$(cat admin.token)", f"$(cat {work}/admin.token)")
            print(line + "\t" + expect)
PY

n=0
while IFS=$'\t' read -r cmd expect; do
  n=$((n + 1))
  echo "-- $cmd"
  out=$(bash -c "$cmd")
  [ -n "$out" ] || { echo "no output"; exit 1; }
  for word in $expect; do
    grep -q -- "$word" <<<"$out" || { echo "expected '$word' in:"; echo "$out"; exit 1; }
  done
done < "$log.cmds"
rm -f "$log.cmds"
[ "$n" -ge 5 ] || { echo "only $n grpcurl examples found in README.md"; exit 1; }
echo "$n passed, 0 failed"
