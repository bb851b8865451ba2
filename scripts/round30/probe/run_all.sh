#!/bin/sh
# Round 30's outside probe (a helper, black box, its own list parser and generators) of the two-slip
# surname rule and the surnameless-alias cap, against two servers on the Belarus lists of
# ../shared/data (or $SCREENER_DATA):
#   bash scripts/round30/probe/run_all.sh NEW_HOST:PORT BASE_HOST:PORT
# Outputs (*.json) are written into this directory; ana.py / anafp.py summarise them.
set -e
cd "$(dirname "$0")"
export NEW=${1:?usage: run_all.sh NEW_HOST:PORT BASE_HOST:PORT} BASE=${2:?usage}
python3 lists.py                                   # persons.json: every Belarus-programme person
python3 gen_recall.py && python3 run.py recall_q.json recall_r.json && python3 ana.py
python3 gen_fmt.py && python3 run.py fmt_q.json fmt_r.json
python3 gen_fp.py 11 4000 fp_q.json && python3 run.py fp_q.json fp_r.json && python3 anafp.py
python3 gen_fp.py 99 16000 fp2_q.json && python3 run.py fp2_q.json fp2_r.json
