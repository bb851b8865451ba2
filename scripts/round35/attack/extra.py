# Re-run: cd scripts/round35/attack && python3 extra.py && python3 report.py results_extra.json
import json, re, gen, client
STRICT={'sh':'Ш','ch':'Ч','ck':'КК','ts':'Ц','zh':'Ж','kh':'Х'}
def cyr_strict(n):
    s=n.lower(); out=''; i=0
    while i<len(s):
        if s[i:i+2] in STRICT: out+=STRICT[s[i:i+2]]; i+=2; continue
        out+=gen.CY.get(s[i],s[i].upper()); i+=1
    return out
qs=[]
for e in gen.E:
    if e['type']!='ORG': continue
    for n in e['names']:
        n=n.replace('\n',' ')
        if gen.is_eng(n) and re.search('[A-Za-z]',n):
            v=cyr_strict(n)
            if v!=gen.cyr(n): qs.append(dict(fam='org_cyr_eng_strict',name=v,type='ORGANIZATION',exp=e['sid'],src=n,how='strict'))
# slips in surname-first order, and in upper case given names
for q in gen.person_queries(4,4):
    if not q['fam'].endswith('_full'): continue
    g=q['src'].rsplit(' ',1)[0]
    qs.append(dict(q,fam='per_slip4_full_surfirst',name=q['sur']+' '+g))
    qs.append(dict(q,fam='per_slip4_full_surfirst_comma',name=q['sur']+', '+g))
# Cyrillic persons: listed Cyrillic given+patronymic + 4-letter Cyrillic surname slips
CYA='абвгдеёжзийклмнопрстуфхцчшщъыьэюяіў'
def cslips(w):
    out=set()
    for i in range(len(w)):
        out.add(w[:i]+w[i+1:])
        for c in CYA: out.add(w[:i]+c+w[i+1:])
    for i in range(len(w)+1):
        for c in CYA: out.add(w[:i]+c+w[i:])
    for i in range(len(w)-1): out.add(w[:i]+w[i+1]+w[i]+w[i+2:])
    out.discard(w); return out
for sid,g,s in [('ca-sema:belarus/1-part-1.1/54','Андрэй','Сыч'),('uk-ofsi:16280','Ниĸолай Иванович','Доля'),('uk-ofsi:13990','Андрей Федорович','Смаль'),('ca-sema:belarus/1-part-1.1/50','Андрей Владимирович','Жук')]:
    for v in cslips(s.lower()):
        qs.append(dict(fam='per_slip_cyr_len%d'%len(s),name=g+' '+v.upper(),type='PERSON',exp=sid,src=g+' '+s,how='cyr'))
print(len(qs))
json.dump(client.run(qs),open('results_extra.json','w'),ensure_ascii=False)
