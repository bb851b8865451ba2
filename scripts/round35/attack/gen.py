import json, re, itertools, random
import os
E=json.load(open(os.path.join(os.path.dirname(os.path.abspath(__file__)),'ents.json')))
def sid(e):
    if e['src']=='ofac': return 'us-ofac-sdn:'+e['id'][5:]
    if e['src']=='uk': return 'uk-ofsi:'+e['id'][3:]
    sch,item=e['id'][3:].rsplit('/',1)
    return 'ca-sema:belarus/'+re.sub(r'[^a-z0-9]+','-',sch.lower()).strip('-')+'/'+item
for e in E: e['sid']=sid(e)
V='aeiouy'
def hard_c(w):
    """English hard c -> k, ck -> k, x -> ks. Returns variant (lower)."""
    w=w.lower(); out=''; i=0
    while i<len(w):
        ch=w[i]; nx=w[i+1] if i+1<len(w) else ''
        if ch=='c' and nx=='k': out+='k'; i+=2; continue
        if ch=='c' and nx not in ('e','i','y','h'): out+='k'; i+=1; continue
        if ch=='x': out+='ks'; i+=1; continue
        out+=ch; i+=1
    return out
def k_to_c(w):
    w=w.lower(); out=''
    for i,ch in enumerate(w):
        nx=w[i+1] if i+1<len(w) else ''
        if ch=='k' and nx not in ('h','e','i','y'): out+='c'
        else: out+=ch
    out=out.replace('ks','x') if 'ks' in w else out
    return out
def ks_to_x(w): return w.lower().replace('ks','x')
def words(n): return re.findall(r"[A-Za-z]+|[^A-Za-z]+",n)
def variants(name):
    toks=words(name); res={}
    idx=[i for i,t in enumerate(toks) if t.isalpha()]
    for fname,f in (('c->k',hard_c),('k->c',k_to_c),('ks->x',ks_to_x)):
        allv=''.join(f(t) if t.isalpha() else t for t in toks)
        if allv.lower()!=name.lower(): res[allv.upper()]=fname+' all'
        for i in idx:
            v=f(toks[i])
            if v!=toks[i].lower():
                s=''.join(v if j==i else t for j,t in enumerate(toks))
                res.setdefault(s.upper(),fname+' word:'+toks[i])
    return res
CY={'a':'А','b':'Б','c':'К','d':'Д','e':'Е','f':'Ф','g':'Г','h':'Х','i':'И','j':'ДЖ','k':'К','l':'Л','m':'М','n':'Н','o':'О','p':'П','q':'К','r':'Р','s':'С','t':'Т','u':'У','v':'В','w':'В','x':'КС','y':'И','z':'З'}
DI={'sh':'Ш','ch':'Ч','zh':'Ж','kh':'Х','ts':'Ц','ck':'КК','th':'Т','ph':'Ф','oo':'У','ee':'И','ya':'Я','yu':'Ю'}
def cyr(name, ck='КК'):
    s=name.lower(); out=''; i=0
    while i<len(s):
        two=s[i:i+2]
        if two in DI: out+=(ck if two=='ck' else DI[two]); i+=2; continue
        ch=s[i]
        if ch=='c' and i+1<len(s) and s[i+1] in 'eiy': out+='С'
        elif ch=='y' and i>0 and s[i-1] in 'aeiou': out+='Й'
        else: out+=CY.get(ch,ch.upper())
        i+=1
    return out
ENG=set('company club plant factory works bank tobacco sports oil trading house holding holdings group airlines research institute electronic computers design bureau steel tractor wheel automobile potash cement management joint stock open closed limited liability new enterprise republican state committee security system systems service center centre technical scientific production repair aircraft radio machine tool electromechanical mechanical railway national development investigative internal affairs department directorate'.split())
def is_eng(n): return any(w.lower() in ENG for w in re.findall('[A-Za-z]+',n))
def org_queries():
    qs=[]; seen=set()
    for e in E:
        if e['type']!='ORG': continue
        listed={n.upper() for n in e['names']}
        for n in e['names']:
            n=n.replace('\n',' ').strip()
            if not re.search('[A-Za-z]',n): continue
            for v,how in variants(n).items():
                if v in listed or (v,e['sid']) in seen: continue
                seen.add((v,e['sid'])); qs.append(dict(fam='org_ck',name=v,type='ORGANIZATION',exp=e['sid'],src=n,how=how))
            if is_eng(n):
                for ck in ('КК','К'):
                    v=cyr(n,ck)
                    if (v,e['sid']) in seen: continue
                    seen.add((v,e['sid'])); qs.append(dict(fam='org_cyr_eng',name=v,type='ORGANIZATION',exp=e['sid'],src=n,how='cyr'+ck))
    return qs
AL='abcdefghijklmnopqrstuvwxyz'
def slips(w):
    w=w.lower(); out={}
    for i in range(len(w)):
        out.setdefault(w[:i]+w[i+1:],'drop')
        for c in AL:
            if c!=w[i]: out.setdefault(w[:i]+c+w[i+1:],'sub')
    for i in range(len(w)+1):
        for c in AL: out.setdefault(w[:i]+c+w[i:],'add')
    for i in range(len(w)-1):
        if w[i]!=w[i+1]: out.setdefault(w[:i]+w[i+1]+w[i]+w[i+2:],'swap')
    out.pop(w,None); return out
def person_pairs(minl=4,maxl=4):
    pairs={}
    for e in E:
        if e['type']!='PERSON': continue
        for g,s in e.get('persons',[]):
            s=s.strip()
            if ' ' in s or not s.isalpha() or not (minl<=len(s)<=maxl): continue
            pairs.setdefault((g.strip(),s.upper()),e['sid'])
    return pairs
def person_queries(minl=4,maxl=4,fam='per_slip4'):
    qs=[]; P=person_pairs(minl,maxl)
    listed_sur={s for (g,s) in P}
    for (g,s),sid in P.items():
        full=len(g.split())>=2
        for v,how in slips(s).items():
            qs.append(dict(fam=fam+('_full' if full else '_givenonly'),name=g+' '+v.upper(),type='PERSON',exp=sid,src=g+' '+s,how=how,sur=v.upper(),listed_other=v.upper() in listed_sur))
    return qs
