from probe import *
import textwrap,json,re
L=json.load(open('out/listed.json'))['entities']
def mts(s): return re.sub(r"[^A-Za-z0-9/\-?:().,'+ ]",' ',s.replace('&',' AND ')).upper()
names=sorted({mts(e['listed']) for e in L if e['type']=='org' and len(mts(e['listed']))>35})
print(len(names))
C=[]
for i,nm in enumerate(names):
    C.append((f'iso_{i}',iso(cdtr=nm)))
    C.append((f'w35_{i}',mt103(f59=['/BY86AKBB10100000002966000000',*[nm[j:j+35] for j in range(0,len(nm),35)]])))
    C.append((f'word_{i}',mt103(f59=['/BY86AKBB10100000002966000000',*textwrap.wrap(nm,35)])))
    C.append((f'word50_{i}',mt103(f50=['/BY86AKBB10100000002966000000',*textwrap.wrap(nm,35)])))
import io,contextlib
f=io.StringIO()
with contextlib.redirect_stdout(f): res=run(C,'t4')
from collections import Counter
cnt=Counter()
for (n,r) in res:
    k=n.split('_')[0]; cnt[(k,r.get('decision'))]+=1
print(sorted(cnt.items()))
# list word-wrap misses where iso blocks
d={n:r for n,r in res}
for i,nm in enumerate(names):
    if d[f'iso_{i}']['decision']=='BLOCK' and d[f'word_{i}']['decision']=='CLEAR':
        print('MISS', textwrap.wrap(nm,35), d[f'w35_{i}']['decision'], d[f'word50_{i}']['decision'])
