import json
from collections import Counter
Q=json.load(open('fp_q.json')); R=json.load(open('fp_r.json'))
c=Counter(); ex=[]
for q in Q:
    n,b=R[q['q']+'|1']
    c[(q['fam'],n[0],b[0])]+=1
    if n[0]!=b[0]: ex.append((q,n,b))
for k,v in sorted(c.items()): print(k,v)
for q,n,b in ex[:60]: print(q['fam'],'|',q['q'],'| N',n[0],n[1][:1],'| B',b[0],b[1][:1])
