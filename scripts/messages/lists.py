import os
HERE=os.path.dirname(os.path.abspath(__file__))
"""Parse Belarus-programme entries from the raw list files (own code)."""
import csv, json, re, io
import xml.etree.ElementTree as ET
D=os.environ.get('SCREENER_DATA', os.path.join(HERE,'..','..','..','shared','data'))
def ofac():
    out=[]; bics=[]
    raw=open(f'{D}/ofac/sdn_2023-12-28.csv','rb').read().rstrip(b'\x1a').decode('latin-1')
    for r in csv.reader(io.StringIO(raw)):
        if len(r)<12: continue
        r=[x.strip() for x in r]; r=[ '' if x=='-0-' else x for x in r]
        if 'BELARUS' not in r[3]: continue
        typ='person' if r[2]=='individual' else ('org' if r[2]=='' else r[2])
        name=r[1]
        e={'id':'us-ofac-sdn:'+r[0],'source':'us-ofac-sdn','type':typ,'listed':name}
        if typ=='person' and ',' in name:
            sur,giv=[x.strip() for x in name.split(',',1)]
            e['surname']=sur; e['given']=giv
        for b in re.findall(r'SWIFT/BIC ([A-Z0-9]{8,11})',r[11]):
            bics.append({'id':e['id'],'bic':b,'listed':name})
        out.append(e)
    return out,bics
def uk():
    rows=list(csv.reader(open(f'{D}/uk/ConList_2025-04-10.csv',encoding='utf-8-sig')))
    h=rows[1]; ix={k:i for i,k in enumerate(h)}
    out={}
    for r in rows[2:]:
        if r[ix['Regime']]!='Belarus' or r[ix['Alias Type']]!='Primary name': continue
        g=r[ix['Group ID']]
        if r[ix['Group Type']]=='Individual':
            giv=' '.join(r[ix[f'Name {i}']] for i in range(1,6) if r[ix[f'Name {i}']])
            out[g]={'id':'uk-ofsi:'+g,'source':'uk-ofsi','type':'person','surname':r[ix['Name 6']],'given':giv,'listed':(r[ix['Name 6']]+', '+giv)}
        else:
            out[g]={'id':'uk-ofsi:'+g,'source':'uk-ofsi','type':'org','listed':r[ix['Name 6']]}
    return list(out.values())
def canada():
    t=ET.parse(f'{D}/canada/sema-lmes_2025-09-22.xml'); out=[]
    for rec in t.getroot():
        g=lambda k:(rec.findtext(k) or '').strip()
        if not g('Country').startswith('Belarus'): continue
        sched=re.sub(r'[ ,]+','-',g('Schedule').lower())
        eid=f"ca-sema:belarus/{sched}/{g('Item')}"
        if g('EntityOrShip'):
            out.append({'id':eid,'source':'ca-sema','type':'org','listed':g('EntityOrShip')})
        else:
            out.append({'id':eid,'source':'ca-sema','type':'person','surname':g('LastName'),'given':g('GivenName'),'listed':g('LastName')+', '+g('GivenName')})
    return out
if __name__=='__main__':
    o,b=ofac(); u=uk(); c=canada()
    print(len(o),len(b),len(u),len(c))
    json.dump({'entities':o+u+c,'bics':b},open(os.path.join(HERE,'out','listed.json'),'w'),indent=0,ensure_ascii=False)
    print(b)
