import json, collections, os, random
rs=[json.loads(l) for l in open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'out', 'results.jsonl'))]
R=random.Random(3)
st=collections.Counter(r['status'] for r in rs); print('status',st)
for r in rs:
    if r['status']!='OK': print('ERR',r['family'],repr(r['query'])[:80],r['status'],r.get('error'))
by=collections.defaultdict(list)
for r in rs: by[r['family']].append(r)
print('%-24s %6s %7s %7s %7s %8s'%('family','n','CLEAR%','REVIEW%','BLOCK%','exp_hit%'))
for f,v in sorted(by.items(), key=lambda kv:-sum(x['decision']=='CLEAR' for x in kv[1])/len(kv[1])):
    n=len(v); c=collections.Counter(x['decision'] for x in v)
    eh=[x['expected_hit'] for x in v if x['expected_hit'] is not None]
    print('%-24s %6d %6.1f%% %6.1f%% %6.1f%% %7.1f%%'%(f,n,100*c['CLEAR']/n,100*c['REVIEW']/n,100*c['BLOCK']/n,100*sum(eh)/len(eh) if eh else -1))
