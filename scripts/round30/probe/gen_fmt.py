import json,re
Q=json.load(open('recall_q.json')); R=json.load(open('recall_r.json'))
out=[]
for q in Q:
    if q['fam']!='e2': continue
    n,b=R[q['q']+'|1']
    if n[0]=='REVIEW' and b[0]=='CLEAR' and n[1] and n[1][0][2]==0.85:
        G,P,S=q['q'].split()
        for fam,s in [('f_title',f'Mr {G} {P} {S}'),('f_comma',f'{S}, {G} {P}'),('f_lower',f'{G} {P} {S}'.lower()),('f_upper',f'{G} {P} {S}'.upper()),
                      ('f_spaces',f' {G}  {P}   {S} '),('f_hyph2',f'{G} {P} {S}-Smith'),('f_gs',f'{G} {S}'),('f_gps_pg',f'{P} {G} {S}'),('f_sgp',f'{S} {G} {P}'),
                      ('f_dot',f'{G} {P} {S}.'),('f_4w',f'{G} {P} {S} Jr'),('f_initial',f'{G} {P[0]}. {S}'),('f_nbsp',f'{G}\u00a0{P}\u00a0{S}'),('f_fem',f'{G} {P} {S}a')]:
            out.append(dict(q=s,fam=fam,orig=q['orig'],base=q['q'],grp=q['grp']))
json.dump(out,open('fmt_q.json','w'),ensure_ascii=False); print(len(out))
