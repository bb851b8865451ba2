#!/bin/sh
# Round 28's outside benchmark: Russian grammatical cases, typing and OCR slips, bank layouts,
# other languages' renderings, names inside payment text, and unlisted namesakes.
#   bash scripts/cases/run_all.sh HOST:PORT
# against a server on the Belarus lists of ../shared/data (or $SCREENER_DATA): parses the lists
# (its own parser, lists.py -> entities.json), regenerates the queries (seeded), screens them and
# prints the tables (report.txt).
set -e
cd "$(dirname "$0")"
python3 lists.py && python3 gen.py >/dev/null && python3 gen_fp.py >/dev/null
python3 run.py "$1" queries_listed.jsonl results_listed.jsonl
python3 run.py "$1" queries_unlisted.jsonl results_unlisted.jsonl
python3 report.py results_listed.jsonl results_unlisted.jsonl
