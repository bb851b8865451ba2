#!/bin/sh
# Round 29's outside benchmark of name variations (ScreenParty).
#   bash scripts/round29/names/run_all.sh HOST:PORT
# against a server on the Belarus lists of ../shared/data (or $SCREENER_DATA): ca-sema 2025-09-22,
# us-ofac-sdn 2023-12-28, uk-ofsi 2025-04-10. Everything is written into this directory.
set -e
cd "$(dirname "$0")"
TARGET=${1:?usage: run_all.sh HOST:PORT}
python3 gen.py queries.jsonl                               # listed variants + unlisted control (seeded)
python3 run.py "$TARGET" queries.jsonl results.jsonl       # <= 4 calls in flight
python3 report.py queries.jsonl results.jsonl > REPORT_tables.md
python3 acro.py gen acro_queries.jsonl                     # every 3-letter acronym, plain and dotted
python3 run.py "$TARGET" acro_queries.jsonl acro_results.jsonl
python3 acro.py report > acro.txt
# optional hand probes behind the worst families, not needed for the tables:
#   python3 probe.py HOST:PORT > probe.txt
sed -n '/^| \*\*all listed\*\*/p;/^| \*\*all unlisted\*\*/p' REPORT_tables.md
head -8 acro.txt
echo "tables in $(pwd)/REPORT_tables.md and acro.txt"
