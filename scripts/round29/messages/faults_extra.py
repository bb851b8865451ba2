#!/usr/bin/env python3
"""B extra: trailing content after the XML root, and worst-case free-text cost under 256 KiB. Usage: faults_extra.py HOST:PORT [N]
N (default 3): how many worst-case calls are sent at once at the end, with one health check beside them, so at most N + 1 calls
are in flight (round 29's console used N = 4)."""
import json, os, sys, time, threading
HERE = os.path.dirname(os.path.abspath(__file__)); sys.path.insert(0, HERE)
from client import stub, health, screen
import faults_lib as F
ch, st = stub(sys.argv[1])
NCONC = int(sys.argv[2]) if len(sys.argv) > 2 else 3
OUT = f'{HERE}/queries/B'; os.makedirs(OUT, exist_ok=True)
res = []
def run(name, msg, note=''):
    r = screen(st, msg, timeout=60)
    h = health(ch)
    ids = sorted({m['id'] for x in r.get('hits', []) for m in x['matches']})
    line = dict(case=name, bytes=len(msg.encode()), ok=r['ok'], decision=r.get('decision'), code=r.get('code'), detail=r.get('detail'), ms=round(r['ms'], 1), health=h,
                hits=[(x['path'], x['decision'], x['text'][:60]) for x in r.get('hits', [])][:4], ids=ids[:5])
    fn = ''.join(c if c.isalnum() else '_' for c in name)[:80]
    open(f'{OUT}/{fn}.txt', 'w').write(msg)
    line['file'] = f'queries/B/{fn}.txt'
    print(json.dumps(line, ensure_ascii=False)[:600], flush=True); res.append(line)
P = F.pacs
clean = P(cdtr='NORDIC TIMBER TRADING AB')
run('XML + trailing text after root', clean + ' BELARUSKALI OAO')
run('XML + trailing text after root (newline, MT-like line)', clean + '\n:59:/BY20\nBELARUSKALI OAO')
run('XML + trailing element after root', clean + '<Cdtr><Nm>BELARUSKALI OAO</Nm></Cdtr>')
run('XML + trailing comment with name', clean + '<!-- BELARUSKALI OAO -->')
run('XML preceded by text', 'BELARUSKALI OAO ' + clean)
run('two Documents, listed only in 1st', P() + clean)
run('MT + trailing text after -}', F.mt(f59=':59:/BY20AKBB30120000000000000000\nNORDIC TIMBER TRADING AB') + '\nBELARUSKALI OAO')
run('MT + text after {5:} trailer', F.mt(f59=':59:/BY20AKBB30120000000000000000\nNORDIC TIMBER TRADING AB') + '{5:{CHK:123456789ABC}}\n:59:BELARUSKALI OAO')
run('MT block 3 holding text', F.mt(f59=':59:/BY20AKBB30120000000000000000\nNORDIC TIMBER TRADING AB').replace('{4:', '{3:{108:BELARUSKALI OAO}}{4:'))
run('MT :59: of 40 one-char lines', F.mt(f59=':59:/BY20AKBB30120000000000000000\n' + '\n'.join('BELARUSKALI OAO')))
run('MT :59: name on line 5 and beyond (over 4-line limit)', F.mt(f59=':59:/BY20AKBB30120000000000000000\nJOHN SMITH\nLINE 2\nLINE 3\nLINE 4\nBELARUSKALI OAO'))
run('MT :70: 10 lines (over 4-line limit), listed on line 10', F.mt(f70=':70:' + '\n'.join(['INVOICE 2024-113'] * 9 + ['BELARUSKALI OAO'])))
# cost: words resembling listed words everywhere
words = 'LUKASHENKO BELARUSKALI NAFTAN GRODNO AZOT BELAVIA MINSK TRACTOR WORKS VOLAT BELSHINA ALEKSANDR VIKTOR BELARUSIAN STATE PLANT COMPANY OAO JSC'.split()
import random; R = random.Random(3)
def txt(n): 
    s = ''
    while len(s) < n: s += R.choice(words) + ' '
    return s[:n].strip()
big = P(cdtr='NORDIC TIMBER TRADING AB').replace('<RmtInf><Ustrd>INVOICE 2024-113</Ustrd></RmtInf>', '<RmtInf>' + ''.join(f'<Ustrd>{txt(4000)}</Ustrd>' for _ in range(60)) + '</RmtInf>')
run('60 Ustrd x 4,000 chars of listed-looking words (~240 KB)', big)
bigm = F.mt(f59=':59:/BY20AKBB30120000000000000000\nNORDIC TIMBER TRADING AB', f70=':70:' + '\n'.join(txt(35) for _ in range(4)))
bigm = bigm.replace(':71A:SHA', ':71A:SHA\n' + '\n'.join(':72:/BNF/' + '\n//'.join(txt(33) for _ in range(100)) for _ in range(60)))
run('MT with 60 :72: fields of 100 lines of listed-looking words', bigm)
adr = P(cdtr='NORDIC TIMBER TRADING AB', extra_cdtr='<PstlAdr>' + ''.join(f'<AdrLine>{txt(70)}</AdrLine>' for _ in range(3000)) + '</PstlAdr>')
run('3,000 AdrLine of 70 chars listed-looking words', adr)
nm = P(cdtr=txt(1000))
run('Cdtr/Nm 1,000 chars of listed-looking words', nm)
many = P(cdtr='NORDIC TIMBER TRADING AB').replace('</Cdtr>', '</Cdtr>' + ''.join(f'<UltmtCdtr><Nm>{txt(1000)}</Nm></UltmtCdtr>' for _ in range(200)))
run('200 UltmtCdtr/Nm of 1,000 chars listed-looking words', many)
legit = P(cdtr='NORDIC TIMBER TRADING AB').replace('<RmtInf><Ustrd>INVOICE 2024-113</Ustrd></RmtInf>', '<RmtInf>' + ''.join(f'<Ustrd>{("INVOICE 2024-%03d DELIVERY OF SPARE PARTS AND SERVICES AS PER CONTRACT 77/2023 " % i) * 2}'[:140] + '</Ustrd>' for i in range(35)) + '</RmtInf>')
run('35 Ustrd of 140 chars ordinary text (4,900 chars joined)', legit)
legit2 = legit.replace('<Ustrd>INVOICE 2024-034', '<Ustrd>PAYMENT TO BELARUSKALI OAO 2024-034')
run('35 Ustrd of 140 chars, listed company in the last', legit2)
# 4 concurrent worst-case + health latency
def hammer(out, msg):
    r = screen(st, msg, timeout=60); out.append((round(r['ms']), r.get('code') or r.get('decision')))
for msg, label in [(bigm, 'MT 60x:72: (~470 ms each alone)'), (many, '200 UltmtCdtr (~490 ms each alone)')]:
    outs = []; ths = [threading.Thread(target=hammer, args=(outs, msg)) for _ in range(NCONC)]
    t0 = time.perf_counter(); [t.start() for t in ths]
    time.sleep(0.05); th = time.perf_counter(); hs = health(ch); hms = (time.perf_counter() - th) * 1000
    [t.join() for t in ths]
    line = dict(case=f'{NCONC} concurrent worst-case {label} calls', per_call=outs, wall_ms=round((time.perf_counter() - t0) * 1000), health=hs, health_ms=round(hms, 1))
    print(json.dumps(line)); res.append(line)
os.makedirs(f'{HERE}/results', exist_ok=True)
with open(f'{HERE}/results/B_extra.jsonl', 'w') as f:
    for r in res: f.write(json.dumps(r, ensure_ascii=False) + '\n')
