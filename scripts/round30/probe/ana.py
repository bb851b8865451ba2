import json,sys
from collections import Counter,defaultdict
Q=json.load(open('recall_q.json')); R=json.load(open('recall_r.json'))
rank={'CLEAR':0,'REVIEW':1,'BLOCK':2}
def d(x): return x[0]
st=defaultdict(Counter); ex=defaultdict(list)
for q in Q:
    n,b=R[q['q']+'|1']
    dn,db=d(n),d(b)
    f=q['fam']
    st[f]['tot']+=1
    if dn.startswith('ERR') or db.startswith('ERR'): st[f]['err']+=1; ex['err'].append((q,n,b)); continue
    st[f]['N_clear']+=dn=='CLEAR'; st[f]['B_clear']+=db=='CLEAR'
    if rank[dn]<rank[db]: st[f]['down']+=1; ex['down_'+f].append((q,n,b))
    if rank[dn]>rank[db]: st[f]['up']+=1; ex['up_'+f].append((q,n,b))
    if dn=='CLEAR' and db=='CLEAR': ex['bothclear_'+f].append((q,n,b))
print('%-16s %6s %6s %6s %5s %5s %4s'%('fam','tot','Nclr','Bclr','down','up','err'))
for f,c in st.items(): print('%-16s %6d %6d %6d %5d %5d %4d'%(f,c['tot'],c['N_clear'],c['B_clear'],c['down'],c['up'],c['err']))
json.dump(ex,open('recall_ex.json','w'),ensure_ascii=False)
