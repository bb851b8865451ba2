import csv, os, re, xml.etree.ElementTree as ET, json
D=os.environ.get('SCREENER_DATA', os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', '..', '..', 'shared', 'data')) + '/'
P=[]  # dicts: src, id, surname, given(list), kind(primary/alias), raw
# Canada
for r in ET.parse(D+'canada/sema-lmes_2025-09-22.xml').getroot():
    g={c.tag:(c.text or '').strip() for c in r}
    if 'Belarus' not in g.get('Country',''): continue
    if g.get('EntityOrShip'): continue
    if not g.get('LastName'): continue
    P.append(dict(src='CA',id='CA'+g['Item'],surname=g['LastName'],given=g.get('GivenName','').split(),aliases=g.get('Aliases',''),dob=g.get('DateOfBirthOrShipBuildDate','')))
# OFAC
alt={}
for row in csv.reader(open(D+'ofac/alt_2023-12-28.csv',encoding='latin-1')):
    if len(row)>3: alt.setdefault(row[0],[]).append(row[3])
for row in csv.reader(open(D+'ofac/sdn_2023-12-28.csv',encoding='latin-1')):
    if len(row)<4 or 'BELARUS' not in row[3] or row[2].strip()!='individual': continue
    n=row[1]
    if ', ' in n: s,gv=n.split(', ',1)
    else: s,gv=n,''
    P.append(dict(src='US',id='US'+row[0],surname=s,given=gv.split(),aliases=alt.get(row[0],[]),dob=''))
# UK
rows=list(csv.reader(open(D+'uk/ConList_2025-04-10.csv',encoding='utf-8-sig')))
h=rows[1]; ix={k:i for i,k in enumerate(h)}
for row in rows[2:]:
    if len(row)<len(h): continue
    if row[ix['Regime']]!='Belarus' or row[ix['Group Type']]!='Individual': continue
    gv=[row[ix['Name %d'%i]] for i in range(1,6) if row[ix['Name %d'%i]]]
    P.append(dict(src='UK',id='UK'+row[ix['Group ID']],surname=row[ix['Name 6']],given=' '.join(gv).split(),kind=row[ix['Alias Type']],nonlatin=row[ix['Name Non-Latin Script']],dob=row[ix['DOB']]))
json.dump(P,open('persons.json','w'),ensure_ascii=False,indent=0)
from collections import Counter
print(Counter(p['src'] for p in P))
