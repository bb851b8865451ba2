import os
HERE=os.path.dirname(os.path.abspath(__file__))
"""Run all generated cases against the server on 127.0.0.1:52051; write results.jsonl + summary.txt"""
import json, re, sys, collections
from concurrent.futures import ThreadPoolExecutor
sys.path.insert(0,os.path.join(HERE,'out')); sys.path.insert(0,HERE)
from client import screen, party, pb
from cases import build, PERSONS, ORGS
from gen import forms
cases=build()
def judge(c):
    r=screen(c['msg'])
    c=dict(c); c['resp']=r
    if not r['ok']: c['outcome']='ERROR:'+r['code']; return c
    if c['kind']=='pos':
        right=[h for h in r['hits'] if re.search(c['path_re'].replace(':$',':'),re.sub(r'(?<!CdtTrfTxInf)(?<!PmtInf)\[\d+\]','',h[0])) and c['entity'] in h[3] and h[2]!='CLEAR']
        if right: c['outcome']='hit_'+right[0][2]
        elif any(c['entity'] in h[3] for h in r['hits']): c['outcome']='entity_in_other_field'
        elif r['decision']!='CLEAR': c['outcome']='other_entity_only'
        else: c['outcome']='CLEAR_miss'
    else:
        c['outcome']='CLEAR' if r['decision']=='CLEAR' else 'FP_'+r['decision']
    return c
with ThreadPoolExecutor(4) as ex: res=list(ex.map(judge,cases))
# name-level baseline via ScreenParty
base={}
for e in PERSONS+ORGS:
    for f,n in forms(e).items():
        d,m=party(n, 1 if e['type']=='person' else 2)
        base[(e['id'],f)]=(d, any(x[0]==e['id'] for x in m))
with open(os.path.join(HERE,'out','results.jsonl'),'w') as fo:
    for c in res:
        b=base.get((c['entity'],c['form']))
        c['party_baseline']=b
        fo.write(json.dumps({k:v for k,v in c.items()},ensure_ascii=False)+'\n')
print('done',len(res))
