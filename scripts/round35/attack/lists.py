import csv, re, json, xml.etree.ElementTree as ET
import os
D=os.path.join(os.environ.get('SCREENER_DATA',os.path.join(os.path.dirname(os.path.abspath(__file__)),'..','..','..','..','shared','data')),'')
def ents():
    out=[]  # dict(src,id,type,names:[str], persons:[(given,surname)])
    r=ET.parse(D+'canada/sema-lmes_2025-09-22.xml').getroot()
    for rec in r:
        d={c.tag:(c.text or '').strip() for c in rec}
        if 'Belarus' not in d.get('Country',''): continue
        eid='ca:'+d.get('Schedule','')+'/'+d.get('Item','')
        if d.get('EntityOrShip'):
            nm=d['EntityOrShip']; names=[nm]
            m=re.match(r'(.*?)\s*\((.*)\)\s*$',nm)
            if m: names=[m.group(1),m.group(2)]
            out.append(dict(src='ca',id=eid,type='ORG',names=names,aliases=d.get('Aliases','')))
        else:
            out.append(dict(src='ca',id=eid,type='PERSON',names=[d.get('GivenName','')+' '+d.get('LastName','')],persons=[(d.get('GivenName',''),d.get('LastName',''))],aliases=d.get('Aliases','')))
    # OFAC
    alts={}
    with open(D+'ofac/alt_2023-12-28.csv',encoding='latin-1') as f:
        for row in csv.reader(f):
            if len(row)<4: continue
            alts.setdefault(row[0].strip(),[]).append(row[3].strip())
    with open(D+'ofac/sdn_2023-12-28.csv',encoding='latin-1') as f:
        for row in csv.reader(f):
            if len(row)<4 or 'BELARUS' not in row[3]: continue
            n=row[0].strip(); typ='PERSON' if row[2].strip()=='individual' else 'ORG'
            nm=[row[1].strip()]+alts.get(n,[])
            e=dict(src='ofac',id='ofac:'+n,type=typ,names=[],persons=[])
            for x in nm:
                if typ=='PERSON' and ',' in x:
                    s,g=x.split(',',1); e['persons'].append((g.strip(),s.strip())); e['names'].append(g.strip()+' '+s.strip())
                else: e['names'].append(x)
            out.append(e)
    # UK
    with open(D+'uk/ConList_2025-04-10.csv',encoding='utf-8-sig') as f:
        f.readline()
        groups={}
        for row in csv.DictReader(f):
            if row['Regime']!='Belarus': continue
            g=groups.setdefault(row['Group ID'],dict(src='uk',id='uk:'+row['Group ID'],type='PERSON' if row['Group Type']=='Individual' else 'ORG',names=[],persons=[],nonlatin=[]))
            given=' '.join(row['Name %d'%i] for i in range(1,6) if row['Name %d'%i]).strip()
            sur=row['Name 6'].strip()
            if g['type']=='PERSON':
                g['persons'].append((given,sur)); g['names'].append((given+' '+sur).strip())
            else:
                g['names'].append((given+' '+sur).strip())
            if row['Name Non-Latin Script']: g['nonlatin'].append(row['Name Non-Latin Script'])
        out+=groups.values()
    return out
if __name__=='__main__':
    E=ents()
    from collections import Counter
    print(Counter((e['src'],e['type']) for e in E))
    json.dump(E,open('ents.json','w'),ensure_ascii=False,indent=0)
