import json
from cl import *
base={'Sergei Yevgenevich':['Zubkov','Zubkou','Zubkow','Zoubkov'],'Andrey Sergeevich':['Palchik','Palchyk','Palczyk','Paltschik'],'Zinaida Vasilievna':['Balabalava','Balabalova'],
'Viktor Aleksandrovich':['Lukashenko','Lukashenka','Loukachenko','Lukaschenko'],'Khazalbek Bakhtibekovich':['Atabekov','Atabekau']}
import random; random.seed(4)
def ed(s):
    i=random.randrange(1,len(s)); k=random.choice('sdit')
    if k=='s': return s[:i]+random.choice('aeioukrnst')+s[i+1:]
    if k=='d': return s[:i]+s[i+1:]
    if k=='i': return s[:i]+random.choice('aeioukrnst')+s[i:]
    i=min(i,len(s)-2); return s[:i]+s[i+1]+s[i]+s[i+2:]
qs=[]
for gp,ss in base.items():
    for s in ss:
        for _ in range(12):
            s2=ed(ed(s)); s3=ed(s2)
            qs+= [f'{gp} {s2}',f'{gp} {s3}',f'{s2.upper()} {gp}',f'{gp} {s}-{ed(s)}']
        qs+= [f'{gp} {s}ova', f'{gp[0]}. {gp.split()[1]} {s}']
qs=list(dict.fromkeys(qs))
R=both([(q,1) for q in qs])
from collections import Counter
c=Counter((n[0],b[0]) for q,n,b in R); print(len(qs),c)
for q,n,b in R:
    if n[0]=='CLEAR' and b[0]!='CLEAR': print(q[0],'| B',b[0],b[1][0][:2],b[1][0][4])
