import os
HERE=os.path.dirname(os.path.abspath(__file__))
import json, collections, sys
R=[json.loads(l) for l in open(os.path.join(HERE,'out','results.jsonl'))]
P=[r for r in R if r['kind']=='pos']; N=[r for r in R if r['kind']=='neg']
def rate(rows): 
    h=sum(r['outcome'].startswith('hit') for r in rows); return f"{h}/{len(rows)} ({100*h/max(1,len(rows)):.0f}%)"
def grp(rows,key,title):
    print(f'\n## {title}'); g=collections.defaultdict(list)
    for r in rows: g[key(r)].append(r)
    for k in sorted(g): 
        oc=collections.Counter(r['outcome'] for r in g[k])
        print(f"{k:55s} {rate(g[k]):18s} {dict(oc)}")
print('positives',rate(P))
plain=[r for r in P if r['transform']=='none']
grp([r for r in plain if r['etype']!='bic'],lambda r:(r['fmt']+' '+r['field']),'recall per field (no transform, all name forms)')
grp([r for r in plain if r['etype']!='bic'],lambda r:(r['form']+' '+r['etype']),'recall per name form (all fields)')
# name-level baseline where party screening finds the entity
ok=[r for r in plain if r['party_baseline'] and r['party_baseline'][1] and r['party_baseline'][0]!='CLEAR']
grp(ok,lambda r:(r['fmt']+' '+r['field']),'recall per field, only names that ScreenParty itself finds')
grp([r for r in P if r['transform']!='none' and r['etype']!='bic'],lambda r:(r['fmt']+' '+r['transform']),'recall per transformation (exact name form)')
grp([r for r in P if r['etype']=='bic'],lambda r:(r['fmt']+' '+r['field']+' '+r['transform']),'BICs')
print('\nnegatives',len(N),'not CLEAR:',sum(r['outcome']!='CLEAR' for r in N), collections.Counter(r['outcome'] for r in N))
