from probe import *
import json,re,io,contextlib
from english_words import get_english_words_set
W=get_english_words_set(['gcide'],lower=True,alpha=True)
L=json.load(open('out/listed.json'))['entities']
toks=set()
for e in L:
    for t in re.findall(r"[A-Za-z]+",e['listed']): 
        if len(t)>=6: toks.add(t.lower())
pairs=[]
for t in sorted(toks):
    for i in range(3,len(t)-2):
        a,b=t[:i],t[i:]
        if a in W and b in W: pairs.append((t,a,b))
print(len(toks),len(pairs))
C=[]
for t,a,b in pairs:
    C.append((f'{t}:{a}+{b}',iso(ustrd=[f'PAYMENT FOR {a.upper()}',f'{b.upper()} SERVICES MARCH'])))
f=io.StringIO()
with contextlib.redirect_stdout(f): res=run(C,'t5')
hit=[(n,r['decision'],r['hits'][0][3][:2],r['hits'][0][4]) for n,r in res if r.get('decision')!='CLEAR']
print(len(hit))
for h in hit: print(h)
