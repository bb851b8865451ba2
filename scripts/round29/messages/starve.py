#!/usr/bin/env python3
"""B: do costly messages (~0.5 s of CPU each, refused in the end) delay ordinary payments of another client?
3 attacker calls in flight on one connection, 1 victim on its own connection (4 calls total). Usage: starve.py HOST:PORT"""
import json, os, sys, time, threading, statistics
HERE = os.path.dirname(os.path.abspath(__file__)); sys.path.insert(0, HERE)
from client import stub, health, screen
import faults_lib as F
import random; R = random.Random(3)
words = 'LUKASHENKO BELARUSKALI NAFTAN GRODNO AZOT BELAVIA MINSK TRACTOR WORKS VOLAT BELSHINA ALEKSANDR VIKTOR BELARUSIAN STATE PLANT COMPANY OAO JSC'.split()
def txt(n):
    s = ''
    while len(s) < n: s += R.choice(words) + ' '
    return s[:n].strip()
costly = F.pacs(cdtr='NORDIC TIMBER TRADING AB').replace('</Cdtr>', '</Cdtr>' + ''.join(f'<UltmtCdtr><Nm>{txt(1000)}</Nm></UltmtCdtr>' for _ in range(200)))
victim = F.mt(f59=':59:/BY20AKBB30120000000000000000\nNORDIC TIMBER TRADING AB')
cha, sta = stub(sys.argv[1]); chv, stv = stub(sys.argv[1])
def base(n=50):
    return [screen(stv, victim)['ms'] for _ in range(n)]
b = base()
stop = time.time() + 6; cnt = []
def attacker():
    while time.time() < stop:
        r = screen(sta, costly, timeout=60); cnt.append(r.get('code') or r.get('decision'))
ths = [threading.Thread(target=attacker) for _ in range(3)]
[t.start() for t in ths]; time.sleep(0.3)
during = []
while time.time() < stop:
    during.append(screen(stv, victim, timeout=60)['ms'])
[t.join() for t in ths]
out = dict(victim_baseline_p50_ms=round(statistics.median(b), 1), victim_during_n=len(during), victim_during_p50_ms=round(statistics.median(during), 1),
           victim_during_max_ms=round(max(during), 1), victim_over_1s=sum(x > 1000 for x in during), attacker_calls=len(cnt), attacker_outcomes=dict((k, cnt.count(k)) for k in set(cnt)), health=health(chv))
print(json.dumps(out))
os.makedirs(f'{HERE}/results', exist_ok=True)
json.dump(out, open(f'{HERE}/results/B_starve.json', 'w'))
