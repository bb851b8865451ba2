"""Run data/queries.jsonl against the screener; write data/results.jsonl.
usage: python3 run.py [ADDR] [--threads N] [--limit N] [--kinds k1,k2]"""
import argparse, json, os, sys, time, threading, queue
from rclient import Screener

HERE = os.path.dirname(os.path.abspath(__file__))
ap = argparse.ArgumentParser()
ap.add_argument("addr", nargs="?", default="127.0.0.1:50072")
ap.add_argument("--threads", type=int, default=3)
ap.add_argument("--limit", type=int, default=0)
ap.add_argument("--kinds", default="")
ap.add_argument("--out", default=f"{HERE}/data/results.jsonl")
a = ap.parse_args()

Q = [json.loads(l) for l in open(f"{HERE}/data/queries.jsonl")]
if a.kinds:
    ks = set(a.kinds.split(","))
    Q = [q for q in Q if q["kind"] in ks]
if a.limit:
    Q = Q[:a.limit]
S = Screener(a.addr)
inq = queue.Queue()
for q in Q:
    inq.put(q)
lock = threading.Lock()
out = open(a.out, "w")
done = [0]
t0 = time.time()


def worker():
    while True:
        try:
            q = inq.get_nowait()
        except queue.Empty:
            return
        t = time.perf_counter()
        err = None
        try:
            r = S.screen(q["name"], q.get("type"))
        except Exception as ex:  # grpc error
            r, err = {}, f"{type(ex).__name__}: {getattr(ex, 'code', lambda: '')()} {getattr(ex, 'details', lambda: str(ex))()}"
        lat = (time.perf_counter() - t) * 1000
        ms = r.get("matches", [])
        rec = dict(qid=q["qid"], decision=r.get("decision", "ERROR"), error=err or r.get("error") or None, lat_ms=round(lat, 2),
                   n_matches=len(ms),
                   matches=[dict(id=m.get("entity_id"), score=m.get("score"), d=m.get("decision"), mn=m.get("matched_name"),
                                 ln=m.get("listed_name"), prog=m.get("programs")) for m in ms[:8]])
        exp = q.get("expect")
        if exp:
            hit = [m for m in ms if m.get("entity_id") == exp]
            rec["exp_rank"] = next((i for i, m in enumerate(ms) if m.get("entity_id") == exp), None)
            rec["exp_score"] = hit[0].get("score") if hit else None
            rec["exp_decision"] = hit[0].get("decision") if hit else None
        with lock:
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
            done[0] += 1
            if done[0] % 2000 == 0:
                print(f"{done[0]}/{len(Q)} {time.time() - t0:.0f}s", file=sys.stderr, flush=True)


ths = [threading.Thread(target=worker) for _ in range(a.threads)]
for t in ths:
    t.start()
for t in ths:
    t.join()
out.close()
print(f"done {done[0]} in {time.time() - t0:.1f}s", file=sys.stderr)
