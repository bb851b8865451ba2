#!/usr/bin/env python3
"""Run a query set (A or C) against HOST:PORT, at most 4 calls in flight. Usage: run.py HOST:PORT A|C"""
import json, os, sys, time
from concurrent.futures import ThreadPoolExecutor
HERE = os.path.dirname(os.path.abspath(__file__)); sys.path.insert(0, HERE)
from client import stub, screen, health
addr, which = sys.argv[1], sys.argv[2]
qs = [json.loads(l) for l in open(f'{HERE}/queries/{which}.jsonl')]
ch, st = stub(addr)
assert health(ch) == 'SERVING', 'server not serving'
def one(q):
    r = screen(st, q['message'], q.get('format', 0), rid=q['qid'])
    r['qid'] = q['qid']
    return r
t = time.time()
os.makedirs(f'{HERE}/results', exist_ok=True)
with ThreadPoolExecutor(4) as ex, open(f'{HERE}/results/{which}.jsonl', 'w') as f:
    for r in ex.map(one, qs):
        f.write(json.dumps(r, ensure_ascii=False) + '\n')
print(which, len(qs), 'calls in %.1fs' % (time.time() - t), 'health after:', health(ch))
