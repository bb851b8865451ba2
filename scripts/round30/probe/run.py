import json,sys
from cl import *
inp,out=sys.argv[1],sys.argv[2]
Q=json.load(open(inp))
uniq=list(dict.fromkeys((q['q'],q.get('typ',1)) for q in Q))
R=both(uniq)
json.dump({f'{q[0]}|{q[1]}':[n,b] for q,n,b in R},open(out,'w'),ensure_ascii=False)
print('done',len(uniq))
