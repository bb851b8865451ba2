import json, re, random
random.seed(7)
P=json.load(open('persons.json'))
trip=[]  # (G,P,S,grp,src)
groups={}
for p in P:
    grp=p['id']
    names=[]
    if len(p['given'])==2: names.append((p['given'][0],p['given'][1],p['surname'].split()[0] if p['surname'] else ''))
    if p['src']=='US':
        for a in p['aliases']:
            if ', ' in a:
                s,gv=a.split(', ',1); gv=gv.split()
                if len(gv)==2 and ' ' not in s: names.append((gv[0],gv[1],s))
    if p['src']=='CA' and p['aliases']:
        for a in re.split(r'[,;]\s*',p['aliases']):
            a=re.sub(r'^\w+:\s*','',a).strip()
            w=a.split()
            if len(w)==3 and '(' not in a: names.append((w[0],w[1],w[2]))
    if p['src']=='UK' and p.get('nonlatin'):
        a=p['nonlatin'].replace(',','')
        w=a.split()
        if len(w)==3:
            if w[0].isupper() and not w[1].isupper(): names.append((w[1],w[2],w[0]))
            else: names.append((w[0],w[1],w[2]))
    for n in names:
        if all(n) and len(n[2])>=3: trip.append((n[0],n[1],n[2],grp,p['src']))
trip=list(dict.fromkeys(trip))
LAT='abcdefghijklmnopqrstuvwxyz'; CYR='абвгдеёжзийклмнопрстуфхцчшщыьэюяіў'
def alpha(s): return CYR if re.search('[а-яА-Я]',s) else LAT
def edits1(s,kind):
    s0=s; low=s.lower(); A=alpha(s); n=len(low)
    i=random.randrange(1,n) if n>1 else 0
    if kind=='sub':
        c=random.choice([x for x in A if x!=low[i]]); low=low[:i]+c+low[i+1:]
    elif kind=='del': low=low[:i]+low[i+1:]
    elif kind=='ins': low=low[:i]+random.choice(A)+low[i:]
    elif kind=='tr':
        i=min(max(i,1),n-2); low=low[:i]+low[i+1]+low[i]+low[i+2:]
    return low.upper() if s0.isupper() else low.capitalize()
def fem(s):
    l=s.lower()
    for suf,f in [('ov','ova'),('ev','eva'),('in','ina'),('ski','skaya'),('sky','skaya'),('kiy','kaya'),('ich','ich'),('ау','ава'),('au','ava'),('ов','ова'),('ев','ева'),('ин','ина')]:
        if l.endswith(suf): return s[:len(s)-len(suf)]+(f.upper() if s.isupper() else f)
    return None
TR=dict(zip('abvgdezijklmnoprstufhc','абвгдезийклмнопрстуфхц'))
def tocyr(s):
    l=s.lower()
    for a,b in [('shch','щ'),('zh','ж'),('kh','х'),('ts','ц'),('ch','ч'),('sh','ш'),('yu','ю'),('ya','я'),('yo','ё'),('ye','е'),('iy','ий'),('yi','ый'),('y','ы'),('e','е'),('x','кс'),('w','в'),('q','к')]:
        l=l.replace(a,b)
    l=''.join(TR.get(c,c) for c in l)
    return l.capitalize()
Q=[]
def add(name,fam,t): Q.append(dict(q=name,fam=fam,grp=t[3],src=t[4],orig=' '.join(t[:3])))
for t in trip:
    G,Pp,S=t[:3]
    add(f'{G} {Pp} {S}','exact',t)
    add(f'{S.upper()} {G} {Pp}','sfirst',t)
    add(f'{S}, {G} {Pp}','scomma',t)
    if len(S)>=6:
        for k in ['sub','del','ins','tr']:
            s1=edits1(S,k); add(f'{G} {Pp} {s1}','e1'+k,t); add(f'{s1.upper()} {G} {Pp}','sf_e1'+k,t)
        s2=edits1(edits1(S,random.choice(['sub','del','ins','tr'])),random.choice(['sub','del','ins','tr']))
        add(f'{G} {Pp} {s2}','e2',t); add(f'{s2.upper()} {G} {Pp}','sf_e2',t)
    else:
        for k in ['sub','del','tr']:
            add(f'{G} {Pp} {edits1(S,k)}','short_e1'+k,t)
    f=fem(S)
    if f and f!=S: add(f'{G} {Pp} {f}','female_surname',t)
    add(f'{G} {Pp} {S}'.lower(),'lower',t)
    add(f'  {G}   {Pp}  {S} ','spaces',t)
    add(f'Mr {G} {Pp} {S}','title_mr',t)
    add(f'Dr. {G} {Pp} {S}','title_dr',t)
    add(f'{G} {Pp} {S}-Ivanova','hyphen_extra',t)
    add(f'{G}-{Pp} {S}','hyphen_gp',t)
    add(f'{G} {S}','given_surname',t)
    add(f'{G[0]}. {Pp[0]}. {S}','initials',t)
    if len(S)>=6:
        s1=edits1(S,'sub')
        add(f'{G} {Pp} {s1}'.lower(),'lower_e1',t)
        add(f'Mr {G} {Pp} {s1}','title_e1',t)
        add(f'{G}  {Pp}  {s1}','spaces_e1',t)
        add(f'{s1}, {G} {Pp}','scomma_e1',t)
        if f and f!=S: add(f'{G} {Pp} {edits1(f,"sub")}','female_e1',t)
    if not re.search('[а-яА-Я]',S):
        c=f'{tocyr(G)} {tocyr(Pp)} {tocyr(S)}'; add(c,'my_cyr',t)
# cross-romanisation within group: given/patronymic from one, surname from another with an edit
from collections import defaultdict
byg=defaultdict(list)
for t in trip: byg[t[3]].append(t)
for grp,ts in byg.items():
    lat=[t for t in ts if not re.search('[а-яА-Я]',t[0]+t[2])]
    for a in lat:
        for b in lat:
            if a[2].lower()!=b[2].lower() and len(b[2])>=6:
                add(f'{a[0]} {a[1]} {b[2]}','xrom',a)
                add(f'{a[0]} {a[1]} {edits1(b[2],"sub")}','xrom_e1',a)
                add(f'{b[2].upper()} {a[0]} {a[1]}','xrom_sf',a)
json.dump(Q,open('recall_q.json','w'),ensure_ascii=False)
print(len(trip),len(Q))
