"""Sequential client-side latency of N random queries (single channel, one in flight)."""
import json, random, sys, time, os
from rclient import Screener
HERE = os.path.dirname(os.path.abspath(__file__))
addr = sys.argv[1] if len(sys.argv) > 1 else "127.0.0.1:50072"
n = int(sys.argv[2]) if len(sys.argv) > 2 else 500
Q = [json.loads(l) for l in open(f"{HERE}/data/queries.jsonl")]
random.seed(1)
S = Screener(addr)
for q in random.sample(Q, 20):
    S.screen(q["name"], q.get("type"))  # warm-up
L = []
for q in random.sample(Q, n):
    t = time.perf_counter(); S.screen(q["name"], q.get("type")); L.append((time.perf_counter() - t) * 1000)
L.sort()
p = lambda x: L[min(len(L) - 1, int(len(L) * x))]
print(f"n={n} sequential: p50={p(.5):.2f}ms p90={p(.9):.2f}ms p99={p(.99):.2f}ms max={L[-1]:.2f}ms mean={sum(L)/len(L):.2f}ms")
