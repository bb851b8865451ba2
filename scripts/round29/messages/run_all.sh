#!/bin/sh
# Round 29's outside benchmark of payment messages (ScreenMessage): A recall, C ordinary unlisted payments,
# B malformed / extreme inputs.
#   bash scripts/round29/messages/run_all.sh HOST:PORT
# against a server on the Belarus lists of ../shared/data (or $SCREENER_DATA): ca-sema 2025-09-22,
# us-ofac-sdn 2023-12-28, uk-ofsi 2025-04-10. At most 4 calls in flight. Everything is written into this directory.
set -e
cd "$(dirname "$0")"
ADDR=${1:?usage: run_all.sh HOST:PORT}
python3 lists.py > results_lists.txt                       # own parse -> entities.json
python3 gen.py                                             # queries/A.jsonl, queries/C.jsonl (seeded)
python3 run.py "$ADDR" A
python3 run.py "$ADDR" C
python3 faults.py "$ADDR" > results_B_console.txt          # inputs in queries/B/, results/B.jsonl
python3 faults_extra.py "$ADDR" > results_B_extra_console.txt
python3 starve.py "$ADDR"                                  # results/B_starve.json
python3 report.py > results/summary.md
sed -n '/^| \*\*all\*\*/p;/^n = /p' results/summary.md
echo "summary: $(pwd)/results/summary.md"
