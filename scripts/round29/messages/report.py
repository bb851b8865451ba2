#!/usr/bin/env python3
"""Summarise results/A.jsonl, results/C.jsonl and results/B.jsonl into tables (markdown on stdout) and results/*_misses.jsonl."""
import json, os, re, sys, statistics
from collections import defaultdict, Counter
HERE = os.path.dirname(os.path.abspath(__file__))
def load(n):
    p = f'{HERE}/results/{n}.jsonl'
    return [json.loads(l) for l in open(p)] if os.path.exists(p) else []
def pct(a, b): return f'{100 * a / b:.1f}' if b else '-'
out = []
A = load('A'); Q = {json.loads(l)['qid']: json.loads(l) for l in open(f'{HERE}/queries/A.jsonl')}
if A:
    fam = defaultdict(list)
    for r in A:
        fam[Q[r['qid']]['family']].append(r)
    out.append('## A. Recall per family\n')
    out.append('| family | n | errors | % CLEAR | % REVIEW | % BLOCK | % expected entity found | % found (name fit the field, not truncated) | p50 ms | max ms |')
    out.append('|---|---|---|---|---|---|---|---|---|---|')
    misses = []
    tot = Counter()
    for f in sorted(fam):
        rs = fam[f]; n = len(rs)
        err = sum(not r['ok'] for r in rs)
        dec = Counter(r.get('decision') for r in rs if r['ok'])
        def found(r):
            return r['ok'] and any(m['id'] == Q[r['qid']]['expect'] for h in r['hits'] for m in h['matches'])
        fd = sum(found(r) for r in rs)
        nt = [r for r in rs if not Q[r['qid']]['trunc']]
        fdt = sum(found(r) for r in nt)
        ms = [r['ms'] for r in rs]
        out.append(f'| {f} | {n} | {err} | {pct(dec["CLEAR"], n)} | {pct(dec["REVIEW"], n)} | {pct(dec["BLOCK"], n)} | {pct(fd, n)} | {pct(fdt, len(nt))} (of {len(nt)}) | {statistics.median(ms):.1f} | {max(ms):.1f} |')
        tot['n'] += n; tot['clear'] += dec['CLEAR']; tot['found'] += fd; tot['err'] += err
        for r in rs:
            if not found(r):
                q = Q[r['qid']]
                misses.append(dict(qid=r['qid'], family=f, expect=q['expect'], name=q['name'], text=q['text'], trunc=q['trunc'], decision=r.get('decision'), err=r.get('detail'),
                                   got=[(h['path'], h['decision'], [m['id'] + ' ' + m['name'] for m in h['matches']][:3]) for h in r.get('hits', [])]))
    out.append(f'| **all** | {tot["n"]} | {tot["err"]} | {pct(tot["clear"], tot["n"])} | | | {pct(tot["found"], tot["n"])} | | | |')
    with open(f'{HERE}/results/A_misses.jsonl', 'w') as f:
        for m in misses: f.write(json.dumps(m, ensure_ascii=False) + '\n')
C = load('C')
if C:
    QC = {json.loads(l)['qid']: json.loads(l) for l in open(f'{HERE}/queries/C.jsonl')}
    dec = Counter(r.get('decision') if r['ok'] else 'ERROR ' + r['code'] for r in C)
    out.append('\n## C. Ordinary unlisted payments\n')
    out.append(f'n = {len(C)}; ' + ', '.join(f'{k}: {v}' for k, v in sorted(dec.items())))
    fps = [r for r in C if not r['ok'] or r['decision'] != 'CLEAR']
    with open(f'{HERE}/results/C_flagged.jsonl', 'w') as f:
        for r in fps:
            q = QC[r['qid']]
            f.write(json.dumps(dict(qid=r['qid'], decision=r.get('decision'), cred=q['cred'], deb=q['deb'], text=q['text'],
                                    hits=[(h['path'], h['text'], h['decision'], h['span'], [m['id'] + ' ' + m['name'] + ' [' + m['matched'] + '] ' + str(m['score']) for m in h['matches']][:3]) for h in r.get('hits', [])]), ensure_ascii=False) + '\n')
    bytext = Counter()
    for r in fps:
        for h in r.get('hits', []):
            bytext[(h['path'].split('/')[-1] if h['path'].startswith('/') else h['path'], h['text'][h['span'][0]:h['span'][1]], h['decision'], h['matches'][0]['name'] if h['matches'] else '')] += 1
    out.append('\n| field | text that hit | decision | best listed entity | count |\n|---|---|---|---|---|')
    for (p, t, d, m), c in bytext.most_common(40):
        out.append(f'| {p} | {t} | {d} | {m} | {c} |')
    ms = sorted(r['ms'] for r in C)
    out.append(f'\nlatency p50 {ms[len(ms)//2]:.1f} ms, p99 {ms[int(len(ms)*.99)]:.1f} ms, max {ms[-1]:.1f} ms')
B = load('B')
if B:
    out.append('\n## B. Faults\n')
    out.append('| case | bytes | outcome | detail | ms | health after |\n|---|---|---|---|---|---|')
    for r in B:
        oc = r.get('decision') if r['ok'] else r['code']
        det = (r.get('detail') or (f"{r.get('type')} hits={len(r.get('hits', []))} fields={r.get('fields')}")).replace('|', '\\|').replace('\n', ' ')[:160]
        det = re.sub(r'[\x00-\x1f]', '', det)
        flag = '' if r['verdict'] == 'ok' else ' **' + r['verdict'] + '**'
        out.append(f"| {r['case']}{flag} | {r['bytes']} | {oc} | {det} | {r['ms']:.1f} | {r['health']} |")
print('\n'.join(out))
