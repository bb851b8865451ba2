"""Own parser of the Belarus-regime entries of the three lists (independent of the project)."""
import csv, io, os, re, json, sys, unicodedata
import xml.etree.ElementTree as ET
HERE = os.path.dirname(os.path.abspath(__file__))
# The list files: $SCREENER_DATA, else the repository's ../shared/data (scripts/round29/messages -> four levels up).
D = os.environ.get('SCREENER_DATA') or os.path.join(HERE, '..', '..', '..', '..', 'shared', 'data')

def canada():
    out = []
    root = ET.parse(f'{D}/canada/sema-lmes_2025-09-22.xml').getroot()
    for r in root.findall('record'):
        g = lambda t: (r.findtext(t) or '').strip()
        if not g('Country').startswith('Belarus'):
            continue
        sched = g('Schedule'); item = g('Item')
        sid = re.sub(r'[,\s]+', '-', sched.lower().strip())
        eid = f'ca-sema:belarus/{sid}/{item}'
        if g('EntityOrShip'):
            kind, name = 'org', g('EntityOrShip')
        else:
            kind, name = 'person', (g('GivenName') + ' ' + g('LastName')).strip()
        al = g('Aliases')
        # Russian form first (what a Russian-language payment carries), else Belarusian
        cyr = []
        for lab in ('Russian', 'Belarussian', 'Belarusian'):
            for m in re.finditer(lab + r'\s*:\s*([^,;/]+)', al):
                v = m.group(1).strip()
                if re.search(r'[\u0400-\u04FF]{2}', v): cyr.append(v)
        out.append(dict(id=eid, source='ca-sema', kind=kind, name=name, cyr=cyr, bics=[],
                        dob=g('DateOfBirthOrShipBuildDate'), aliases=al))
    return out

def ofac():
    out = []
    raw = open(f'{D}/ofac/sdn_2023-12-28.csv', 'rb').read().decode('latin-1').rstrip('\x1a')
    alts = {}
    for row in csv.reader(io.StringIO(open(f'{D}/ofac/alt_2023-12-28.csv', 'rb').read().decode('latin-1').rstrip('\x1a'))):
        if len(row) >= 4:
            alts.setdefault(row[0].strip(), []).append(row[3].strip())
    for row in csv.reader(io.StringIO(raw)):
        if len(row) < 12: continue
        prog = row[3]
        if 'BELARUS' not in prog: continue
        num, nm, typ, rem = row[0].strip(), row[1].strip(), row[2].strip(), row[11]
        if typ == 'individual':
            kind = 'person'
            if ', ' in nm:
                last, first = nm.split(', ', 1); name = f'{first} {last}'
            else: name = nm
        elif typ in ('vessel', 'aircraft'):
            kind = typ; name = nm
        else:
            kind, name = 'org', nm
        bics = sorted(set(re.findall(r'SWIFT/BIC ([A-Z0-9]{8,11})', rem)))
        out.append(dict(id=f'us-ofac-sdn:{num}', source='us-ofac-sdn', kind=kind, name=name, cyr=[],
                        bics=bics, remarks=rem, aliases=alts.get(num, [])))
    return out

def uk():
    txt = open(f'{D}/uk/ConList_2025-04-10.csv', encoding='utf-8-sig', errors='replace').read()
    lines = txt.split('\n', 1)[1]
    groups = {}
    for r in csv.DictReader(io.StringIO(lines)):
        if r['Regime'].strip() != 'Belarus': continue
        groups.setdefault(r['Group ID'], []).append(r)
    out = []
    for gid, rows in groups.items():
        prim = [r for r in rows if r['Alias Type'].strip() == 'Primary name'] or rows
        r = prim[0]
        kind = 'person' if r['Group Type'] == 'Individual' else ('org' if r['Group Type'] == 'Entity' else r['Group Type'].lower())
        parts = [r[f'Name {i}'].strip() for i in range(1, 6)] + [r['Name 6'].strip()]
        name = ' '.join(p for p in parts if p)
        cyr = sorted({x['Name Non-Latin Script'].strip() for x in rows if x['Name Non-Latin Script'].strip()})
        bics = sorted(set(re.findall(r'\b([A-Z]{4}BY[A-Z0-9]{2}(?:[A-Z0-9]{3})?)\b', ' '.join(x['Other Information'] for x in rows))))
        out.append(dict(id=f'uk-ofsi:{gid}', source='uk-ofsi', kind=kind, name=name, cyr=cyr, bics=bics,
                        aliases=[' '.join(p for p in [x[f'Name {i}'].strip() for i in range(1,6)]+[x['Name 6'].strip()] if p) for x in rows if x is not r]))
    return out

def load():
    return canada() + ofac() + uk()

if __name__ == '__main__':
    es = load()
    json.dump(es, open(os.path.join(HERE, 'entities.json'), 'w'), ensure_ascii=False, indent=0)
    from collections import Counter
    print(Counter((e['source'], e['kind']) for e in es))
    print('bics', sorted({b for e in es for b in e['bics']}))
    print('with cyr', sum(1 for e in es if e['cyr']))
    for e in es[:3] + es[330:333] + es[-3:]: print(e['id'], e['kind'], e['name'], e['cyr'][:1])
