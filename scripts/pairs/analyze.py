import os
HERE = os.path.dirname(os.path.abspath(__file__))
import json, sys
from collections import defaultdict
res = [json.loads(l) for l in open(os.path.join(HERE, 'out', 'results.jsonl'))]
REV = 0.80
errs = [r for r in res if r['ab'].get('error') or r['ba'].get('error')]
asym = [r for r in res if r['ab']['score'] is not None and r['ba']['score'] is not None and abs(r['ab']['score'] - r['ba']['score']) > 1e-9]
decmis = [r for r in res if r['ab'].get('decision') != r['ba'].get('decision')]
def sc(r):
    s = [x['score'] for x in (r['ab'], r['ba']) if x['score'] is not None]
    return max(s) if s else 0.0
def flag(r):  # flagged = decision REVIEW or BLOCK in either direction
    return any(x.get('decision') in ('REVIEW', 'BLOCK') for x in (r['ab'], r['ba']))
def auc(rows):
    pos = [sc(r) for r in rows if r['label'] == 1]; neg = [sc(r) for r in rows if r['label'] == 0]
    if not pos or not neg: return None
    import bisect
    negs = sorted(neg); tot = 0.0
    for p in pos:
        lo = bisect.bisect_left(negs, p); hi = bisect.bisect_right(negs, p)
        tot += lo + 0.5 * (hi - lo)
    return tot / (len(pos) * len(neg))
def stats(rows):
    pos = [r for r in rows if r['label'] == 1]; neg = [r for r in rows if r['label'] == 0]
    rec = sum(flag(r) for r in pos) / len(pos) if pos else None
    fpr = sum(flag(r) for r in neg) / len(neg) if neg else None
    blk_fp = sum(any(x.get('decision') == 'BLOCK' for x in (r['ab'], r['ba'])) for r in neg)
    return len(rows), len(pos), len(neg), auc(rows), rec, fpr, blk_fp
f = lambda x: '–' if x is None else f"{x:.3f}"
bycat = defaultdict(list); bysub = defaultdict(list)
for r in res: bycat[r['category']].append(r); bysub[(r['category'], r['sub'])].append(r)
print('| category | pairs | pos | neg | ROC AUC | recall @REVIEW | FPR @REVIEW | neg BLOCKed |'); print('|---|---|---|---|---|---|---|---|')
for c in sorted(bycat):
    n, p, ng, a, rc, fp, b = stats(bycat[c]); print(f"| {c} | {n} | {p} | {ng} | {f(a)} | {f(rc)} | {f(fp)} | {b} |")
n, p, ng, a, rc, fp, b = stats(res); print(f"| **all** | {n} | {p} | {ng} | **{f(a)}** | **{f(rc)}** | **{f(fp)}** | {b} |")
print('\n| category / sub | pairs | pos | neg | AUC | recall | FPR | neg BLOCK |'); print('|---|---|---|---|---|---|---|---|')
for k in sorted(bysub):
    n, p, ng, a, rc, fp, b = stats(bysub[k]); print(f"| {k[0]} / {k[1]} | {n} | {p} | {ng} | {f(a)} | {f(rc)} | {f(fp)} | {b} |")
print(f"\nerrors: {len(errs)}; score differs by direction: {len(asym)}; decision differs by direction: {len(decmis)}")
for r in errs[:20]: print('ERR', r['a'], '|', r['b'], r['ab'], r['ba'])
for r in asym[:30]: print('ASYM', r['category'], r['a'], '|', r['b'], r['ab']['score'], r['ba']['score'], r['ab']['decision'], r['ba']['decision'])
ms = sorted(x['ms'] for r in res for x in (r['ab'], r['ba'])); print('latency p50/p99/max ms', ms[len(ms)//2], ms[int(len(ms)*.99)], ms[-1])
if '-v' in sys.argv:
    N = int(sys.argv[sys.argv.index('-v')+1]) if len(sys.argv) > sys.argv.index('-v')+1 else 15
    for c in sorted(bycat):
        rows = bycat[c]
        print(f"\n## {c}: lowest positives")
        for r in sorted([r for r in rows if r['label']==1], key=sc)[:N]:
            print(f"  {sc(r):.3f} {r['ab']['decision']:6} [{r['sub']}] {r['a']!r} ~ {r['b']!r}  {r['ab'].get('detail','')[:150]}")
        print(f"## {c}: highest negatives")
        for r in sorted([r for r in rows if r['label']==0], key=sc, reverse=True)[:N]:
            print(f"  {sc(r):.3f} {r['ab']['decision']:6} [{r['sub']}] {r['a']!r} ~ {r['b']!r} {r.get('a_dob','')} {r.get('b_dob','')} {r['ab'].get('detail','')[:150]}")
