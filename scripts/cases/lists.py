#!/usr/bin/env python3
"""Own parser of the three list files (Belarus programmes only) -> entities.json.
Each entity: eid (as the server names it), source, type P/O, gender, dob, names: [{full, given, patr, surname, script}]."""
import csv, json, re, sys, collections
import os
D = os.environ.get('SCREENER_DATA') or os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', '..', 'shared', 'data')
CYR = re.compile('[\u0400-\u04ff]')
LAT2CYR = str.maketrans({'i': 'і', 'I': 'І', 'e': 'е', 'o': 'о', 'a': 'а', 'c': 'с', 'p': 'р', 'x': 'х', 'y': 'у', 'E': 'Е', 'O': 'О', 'A': 'А', 'C': 'С', 'P': 'Р', 'X': 'Х', 'H': 'Н', 'K': 'К', 'M': 'М', 'T': 'Т', 'B': 'В'})


def fix_cyr(s):
    # Latin look-alikes inside Cyrillic words -> Cyrillic
    return ' '.join(w.translate(LAT2CYR) if CYR.search(w) else w for w in s.split())


def cyr_lang(s):
    if re.search('[іўэІЎЭ]', s):
        return 'be'
    if re.search('[иъщИЪЩ]', s):
        return 'ru'
    return 'ru?'


def person_parts(surname, given):
    g = given.split()
    patr = ''
    if len(g) >= 2 and re.search(r'(vich|vna|ich|ichna|ovna|evna|auna|euna|ovič|evič|вич|вна|ич|ична|ўна)$', g[-1], re.I):
        patr = g[-1]; g = g[:-1]
    return {'given': ' '.join(g), 'patr': patr, 'surname': surname}


def split_full(full, surname_last=True):
    w = full.replace(',', ' , ').split()
    if ',' in w:
        i = w.index(',')
        return person_parts(' '.join(w[:i]), ' '.join(x for x in w[i + 1:] if x != ','))
    if len(w) < 2:
        return None
    caps = [x for x in w if x.isupper() and len(x) > 1]
    if len(caps) == 1 and len(w) >= 2:
        return person_parts(caps[0], ' '.join(x for x in w if x != caps[0]))
    PAT = r'(вич|вна|ична|ўна|vich|vna)$'
    if len(w) == 3 and re.search(PAT, w[-1]) and not re.search(PAT, w[1]):
        from tables import UKR_GIVEN
        if w[0] in UKR_GIVEN:   # Given Surname Patronymic
            return {'given': w[0], 'patr': w[2], 'surname': w[1]}
        surname_last = False
    if surname_last:
        return person_parts(w[-1], ' '.join(w[:-1]))
    return person_parts(w[0], ' '.join(w[1:]))


ents = {}


def add(eid, src, typ, names, gender='', dob=''):
    e = ents.setdefault(eid, {'eid': eid, 'source': src, 'type': typ, 'gender': gender, 'dob': dob, 'names': []})
    if gender and not e['gender']:
        e['gender'] = gender
    if dob and not e['dob']:
        e['dob'] = dob
    for n in names:
        if n['full'] and n['full'] not in [m['full'] for m in e['names']]:
            e['names'].append(n)


def nm(full, parts=None, script=None):
    full = re.sub(r'\s+', ' ', full).strip()
    d = {'full': full, 'script': script or ('cyr' if CYR.search(full) else 'lat')}
    if d['script'] == 'cyr':
        d['lang'] = cyr_lang(full)
    if parts:
        d.update(parts)
    return d


# ---- Canada
x = open(f'{D}/canada/sema-lmes_2025-09-22.xml', encoding='utf-8').read()
for r in re.findall(r'<record>(.*?)</record>', x, re.S):
    f = dict((k, v.strip()) for k, v in re.findall(r'<(\w+)>(.*?)</\1>', r, re.S))
    if 'Belarus' not in f.get('Country', ''):
        continue
    sch = f['Schedule'].lower().replace(', ', '-').replace(' ', '-')
    eid = f"ca-sema:belarus/{sch}/{f['Item']}"
    aliases = f.get('Aliases', '')
    for a, b in (('&amp;', '&'), ('&apos;', "'"), ('&quot;', '"')):
        aliases = aliases.replace(a, b)
    if f.get('EntityOrShip'):
        name = f['EntityOrShip'].replace('&amp;', '&')
        names = [nm(name)]
        for m in re.findall(r'\(([^()]*)\)', name):
            names.append(nm(m))
        for a in re.split(r'[;,]\s*(?=[^\s])', aliases) if aliases else []:
            a = re.sub(r'^(Belarus+ian|Russian|also known as|a\.k\.a\.)\s*:?\s*', '', a.strip(), flags=re.I)
            if a:
                names.append(nm(fix_cyr(a)))
        add(eid, 'ca-sema', 'O', names)
    else:
        p = person_parts(f.get('LastName', ''), f.get('GivenName', ''))
        names = [nm(f"{f.get('GivenName', '')} {f.get('LastName', '')}", p)]
        for a in re.split(r'[;,]', aliases) if aliases else []:
            a = re.sub(r'^\s*(Belarus+ian|Russian)\s*:\s*', '', a.strip(), flags=re.I).strip()
            if len(a.split()) >= 2:
                a = fix_cyr(a)
                names.append(nm(a, split_full(a)))
        add(eid, 'ca-sema', 'P', names, dob=f.get('DateOfBirthOrShipBuildDate', ''))

# ---- OFAC
def ofac_rows(path):
    raw = open(path, encoding='latin-1').read().replace('\x1a', '')
    return list(csv.reader(raw.splitlines()))

bel = {}
for r in ofac_rows(f'{D}/ofac/sdn_2023-12-28.csv'):
    if len(r) < 4 or 'BELARUS' not in r[3]:
        continue
    typ = r[2].strip().strip('"')
    if typ not in ('individual', '-0-'):
        continue  # vessels / aircraft
    rem = r[11] if len(r) > 11 else ''
    g = 'F' if 'Gender Female' in rem else ('M' if 'Gender Male' in rem else '')
    m = re.search(r'DOB (\d{2} \w{3} \d{4}|\d{4})', rem)
    bel[r[0]] = ('P' if typ == 'individual' else 'O', g, m.group(1) if m else '')
    eid = f'us-ofac-sdn:{r[0]}'
    name = r[1]
    if typ == 'individual':
        s, _, gv = name.partition(', ')
        add(eid, 'us-ofac-sdn', 'P', [nm(f'{gv} {s}', person_parts(s, gv))], g, bel[r[0]][2])
    else:
        add(eid, 'us-ofac-sdn', 'O', [nm(name)])
for r in ofac_rows(f'{D}/ofac/alt_2023-12-28.csv'):
    if len(r) < 4 or r[0] not in bel:
        continue
    eid = f'us-ofac-sdn:{r[0]}'
    name = r[3]
    if bel[r[0]][0] == 'P':
        s, _, gv = name.partition(', ')
        if gv:
            add(eid, 'us-ofac-sdn', 'P', [nm(f'{gv} {s}', person_parts(s, gv))])
        else:
            add(eid, 'us-ofac-sdn', 'P', [nm(name, split_full(name))])
    else:
        add(eid, 'us-ofac-sdn', 'O', [nm(name)])

# ---- UK
rows = list(csv.reader(open(f'{D}/uk/ConList_2025-04-10.csv', encoding='utf-8-sig')))
hdr = rows[1]
for r in rows[2:]:
    f = dict(zip(hdr, r))
    if f['Regime'] != 'Belarus':
        continue
    eid = f"uk-ofsi:{f['Group ID']}"
    g = 'F' if '(Gender):Female' in f['Other Information'] else ('M' if '(Gender):Male' in f['Other Information'] else '')
    if f['Group Type'] == 'Individual':
        gv = ' '.join(f[f'Name {i}'] for i in range(1, 6) if f[f'Name {i}'])
        names = [nm(f"{gv} {f['Name 6']}", person_parts(f['Name 6'], gv))]
        if f['Name Non-Latin Script']:
            c = fix_cyr(f['Name Non-Latin Script'])
            names.append(nm(c, split_full(c)))
        dob = f['DOB']
        add(eid, 'uk-ofsi', 'P', names, g, dob)
    else:
        names = [nm(f['Name 6'])]
        if f['Name Non-Latin Script']:
            names.append(nm(fix_cyr(f['Name Non-Latin Script'])))
        add(eid, 'uk-ofsi', 'O', names)

E = list(ents.values())
# gender from patronymic / given name when not given
for e in E:
    if e['type'] == 'P' and not e['gender']:
        for n in e['names']:
            p = n.get('patr', '').lower()
            if re.search(r'(vna|una|ovna|evna|ична|вна|ўна)$', p):
                e['gender'] = 'F'; break
            if re.search(r'(ich|ič|ич)$', p):
                e['gender'] = 'M'; break
json.dump(E, open('entities.json', 'w'), ensure_ascii=False, indent=0)
c = collections.Counter((e['source'], e['type']) for e in E)
print(sorted(c.items()), 'cyr names', sum(1 for e in E for n in e['names'] if n['script'] == 'cyr'))
