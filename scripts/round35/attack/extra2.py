# Re-run: cd scripts/round35/attack && python3 extra2.py && python3 report.py results_extra2.json
# Probes: slipped 4-letter surname with only ONE of the listed given name / patronymic kept (other replaced by a common one)
import json, gen, client, random
random.seed(7)
G='Ivan Sergei Nikolai Pavel Oleg Igor Viktor Roman Denis Artem'.split()
PT='Ivanovich Petrovich Sergeyevich Nikolaevich Pavlovich Olegovich Igorevich Romanovich Denisovich Maksimovich'.split()
qs=[]
for (g,s),sid in gen.person_pairs(4,4).items():
    parts=g.split()
    if len(parts)<2: continue
    sl=[v for v,h in gen.slips(s).items() if h in('sub','add') and v[0]==s[0].lower()]
    sl=random.sample(sl,30)
    for v in sl:
        for x in random.sample(G,3): qs.append(dict(fam='fa_slip4_other_given',name=f'{x} {parts[1]} {v.upper()}',type='PERSON',src=g+' '+s))
        for x in random.sample(PT,3): qs.append(dict(fam='fa_slip4_other_patronymic',name=f'{parts[0]} {x} {v.upper()}',type='PERSON',src=g+' '+s))
    # exact listed surname with other given / patronymic (baseline behaviour)
    for x in G: qs.append(dict(fam='ref_exact_sur_other_given',name=f'{x} {parts[1]} {s}',type='PERSON',src=g+' '+s))
print(len(qs))
json.dump(client.run(qs),open('results_extra2.json','w'),ensure_ascii=False)
