import json, collections, sys
R=json.load(open(sys.argv[1] if len(sys.argv)>1 else 'results.json'))
def hit(q,k):
    r=q[k]; return r['d'] in ('REVIEW','BLOCK') and any(m[0]==q.get('exp') for m in r['m'])
fams=collections.OrderedDict()
for q in R: fams.setdefault(q['fam'],[]).append(q)
print('%-32s %6s | %-26s | %-26s | %s'%('family','n','BASE C/R/B/ERR','NEW C/R/B/ERR','right-entity hits BASE->NEW'))
for f,L in fams.items():
    def cnt(k):
        c=collections.Counter(q[k]['d'] for q in L); return '%d/%d/%d/%d'%(c['CLEAR'],c['REVIEW'],c['BLOCK'],sum(v for kk,v in c.items() if kk.startswith('ERR') or kk=='UNSPEC'))
    h='' if 'exp' not in L[0] else '%d->%d'%(sum(hit(q,'base') for q in L),sum(hit(q,'new') for q in L))
    print('%-32s %6d | %-26s | %-26s | %s'%(f,len(L),cnt('base'),cnt('new'),h))
errs=[q for q in R if q['new']['d'].startswith('ERR') or q['base']['d'].startswith('ERR')]
print('\nERRORS',len(errs)); [print(' ',q['name'],q['base'],q['new']) for q in errs[:10]]
sev={'CLEAR':0,'REVIEW':1,'BLOCK':2}
worse=[q for q in R if q['new']['d'] in sev and q['base']['d'] in sev and sev[q['new']['d']]<sev[q['base']['d']]]
print('\nNEW WORSE than BASE (lower decision):',len(worse))
for q in worse[:40]: print('  [%s] %s : %s->%s  base=%s new=%s'%(q['fam'],q['name'],q['base']['d'],q['new']['d'],q['base']['m'][:1],q['new']['m'][:1]))
lost=[q for q in R if 'exp' in q and hit(q,'base') and not hit(q,'new')]
print('\nLOST right-entity hit (BASE hit, NEW not):',len(lost))
for q in lost[:20]: print('  [%s] %s : base=%s new=%s %s'%(q['fam'],q['name'],q['base']['d'],q['new']['d'],q['new']['m'][:1]))
