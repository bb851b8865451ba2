#!/usr/bin/env python3
"""python3 report.py RESULTS_LISTED [RESULTS_UNLISTED]  (query files found by name: results_X -> queries_X)."""
import sys, json, collections, re, os
def load(res):
    qf = os.path.join(os.path.dirname(res) or '.', re.sub(r'^results_', 'queries_', os.path.basename(res)))
    Q = {json.loads(l)['id']: json.loads(l) for l in open(qf)}
    R = [json.loads(l) for l in open(res)]
    return [(Q[r['id']], r) for r in R]

def right(q, r):
    return r['decision'] in ('REVIEW', 'BLOCK') and any(m['eid'] in q['expect'] for m in r['matches'])

def fmt(q, r):
    top = r['matches'][0] if r['matches'] else None
    t = f"{top['name']} ({top['eid']}, {top['score']})" if top else '-'
    return f"  {q['name']!r} -> {r['decision']} top={t}; expected {q.get('listed_as', '')} {q['expect'][:2]}"

out = []
args = sys.argv[1:] or ['results_listed.jsonl', 'results_unlisted.jsonl']
for res in args:
    P = load(res)
    listed = any(q['expect'] for q, _ in P)
    if listed:
        out.append(f'== {res}: listed variants')
        out.append(f"{'family / sub':62} {'bucket':9} {'n':>5} {'CLEAR%':>7} {'REVIEW%':>7} {'BLOCK%':>7} {'right%':>7}")
        for level in ('fam', 'sub'):
            g = collections.defaultdict(list)
            for q, r in P:
                k = (q['fam'], q['bucket']) if level == 'fam' else (q['fam'] + ' ' + q['sub'], q['bucket'])
                g[k].append((q, r))
            for (k, b), L in sorted(g.items()):
                n = len(L); c = collections.Counter(r['decision'] for _, r in L)
                out.append(f"{k:62} {b:9} {n:5} {100*c['CLEAR']/n:7.1f} {100*c['REVIEW']/n:7.1f} {100*c['BLOCK']/n:7.1f} {100*sum(right(q, r) for q, r in L)/n:7.1f}")
            out.append('')
        g = collections.defaultdict(list)
        for q, r in P:
            if q['fam'] == 'F2' and q['sub'] == 'ocr': g[q['note']].append((q, r))
        if g: out.append('F2 ocr by confusion: n CLEAR% right%')
        for k, L in sorted(g.items()):
            n = len(L); out.append(f"  {k:14} {n:5} {100*sum(r['decision']=='CLEAR' for _, r in L)/n:6.1f} {100*sum(right(q, r) for q, r in L)/n:6.1f}")
        out.append('-- misses (CLEAR, or flagged without the expected entity), up to 6 per sub-family')
        g = collections.defaultdict(list)
        for q, r in P:
            if not right(q, r): g[(q['fam'], q['sub'], q['bucket'])].append((q, r))
        for k, L in sorted(g.items()):
            out.append(f'{k} {len(L)} missed')
            for q, r in L[:6]: out.append(fmt(q, r))
    else:
        out.append(f'== {res}: unlisted (false positives)')
        out.append(f"{'sub':30} {'bucket':20} {'n':>5} {'REVIEW':>7} {'BLOCK':>6} {'flag%':>6}")
        g = collections.defaultdict(list)
        for q, r in P: g[(q['sub'], q['bucket'])].append((q, r))
        tot = collections.Counter()
        for k, L in sorted(g.items()):
            c = collections.Counter(r['decision'] for _, r in L); n = len(L)
            tot['n'] += n; tot['R'] += c['REVIEW']; tot['B'] += c['BLOCK']
            out.append(f"{k[0]:30} {k[1]:20} {n:5} {c['REVIEW']:7} {c['BLOCK']:6} {100*(c['REVIEW']+c['BLOCK'])/n:6.2f}")
        out.append(f"{'ALL':51} {tot['n']:5} {tot['R']:7} {tot['B']:6} {100*(tot['R']+tot['B'])/tot['n']:6.2f}")
        for q, r in [x for x in P if x[1]['decision'] == 'BLOCK'][:25] + [x for x in P if x[1]['decision'] == 'REVIEW'][:40]:
            out.append(f"  [{q['sub']}/{q['bucket']}] {fmt(q, r)}")
    out.append('')
txt = '\n'.join(out)
print(txt)
open('report.txt', 'w').write(txt)
