# Re-run: cd scripts/round35/attack && python3 runall.py   (writes results.json, prints summary via report.py)
import json, gen, fa, client
qs=gen.org_queries()+gen.person_queries(4,4)+gen.person_queries(3,3,'per_slip3')+gen.person_queries(5,5,'per_slip5')
P=gen.person_pairs(4,4)
qs+=fa.persons()+fa.listed_given_real_sur(P)+fa.companies()+fa.listed_word_swaps()
# exact listed names (NEW-worse check)
for e in gen.E:
    for n in e['names']:
        qs.append(dict(fam='listed_exact',name=n.replace('\n',' '),type='PERSON' if e['type']=='PERSON' else 'ORGANIZATION',exp=e['sid'],src=n))
    for n in e.get('nonlatin',[]):
        qs.append(dict(fam='listed_nonlatin',name=n,type='PERSON' if e['type']=='PERSON' else 'ORGANIZATION',exp=e['sid'],src=n))
    for g,s in e.get('persons',[]):
        if g and s: qs.append(dict(fam='listed_surname_first',name=s+' '+g,type='PERSON',exp=e['sid'],src=g+' '+s))
print(len(qs))
res=client.run(qs)
json.dump(res,open('results.json','w'),ensure_ascii=False)
