"""Own parser of the three Belarus-regime list files (Canada SEMA XML, OFAC SDN legacy CSV + alt_,
UK OFSI ConList CSV). Returns one record per listed name or alias."""
import csv, os, re, unicodedata
import xml.etree.ElementTree as ET

# The list files: $SCREENER_DATA, else the repository's ../shared/data (scripts/round29/names -> four levels up).
D = os.environ.get('SCREENER_DATA') or os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', '..', '..', 'shared', 'data')
CYR = re.compile(r'[\u0400-\u04FF]')
PATR = re.compile(r'(vich|vych|vitch|vna|auna|ouna|ichna|ovič|evič|ovna|evna|yevna|ievna|ovic|evic|'
                  r'вич|вна|ўна|ична|вiч|віч)$', re.I)
MONTHS = {m: i + 1 for i, m in enumerate('jan feb mar apr may jun jul aug sep oct nov dec'.split())}


def is_cyr(s):
    return bool(CYR.search(s))


def clean(s):
    s = (s or '').replace('\n', ' ').replace('\t', ' ')
    return re.sub(r'\s+', ' ', s).strip(' ,;/')


def person_parts(toks):
    """tokens of a person's name -> (given, middle list, surname) or None."""
    toks = [t for t in toks if t]
    if len(toks) < 2:
        return None
    if len(toks) == 2:
        if PATR.search(toks[1]) and not PATR.search(toks[0]):
            return None  # given + patronymic only
        return toks[0], [], toks[1]
    if PATR.search(toks[-1]) and not PATR.search(toks[1]):
        return toks[1], toks[2:], toks[0]  # Surname Given Patronymic
    return toks[0], toks[1:-1], toks[-1]


def mk(src, eid, kind, full, parts=None, dob='', country='BY'):
    full = clean(full)
    r = dict(src=src, eid=eid, kind=kind, name=full, script='cyr' if is_cyr(full) else 'lat',
             dob=dob, country=country)
    if kind == 'P' and parts:
        g, m, s = parts
        r.update(given=clean(g), middle=[clean(x) for x in m if clean(x)], surname=clean(s))
    return r


LABEL = re.compile(r'\b(Belarussian|Belarusian|Russian|Belarus)\s*:\s*', re.I)


def split_aliases(text):
    text = LABEL.sub('|', text.replace('\n', ' '))
    parts = re.split(r'\||;|,| or |/|\(|\)', text)
    return [clean(p) for p in parts if clean(p)]


def canada():
    out = []
    root = ET.parse(f'{D}/canada/sema-lmes_2025-09-22.xml').getroot()
    for rec in root:
        d = {c.tag: (c.text or '') for c in rec}
        if 'Belarus' not in d.get('Country', ''):
            continue
        sch = re.sub(r'\s+', '', d['Schedule']).lower()  # "1,Part1.1"
        m = re.match(r'(\d+),part(\S+)', sch)
        eid = f"ca-sema:belarus/{m.group(1)}-part-{m.group(2)}/{d['Item'].strip()}"
        dob = d.get('DateOfBirthOrShipBuildDate', '').strip()
        if d.get('LastName') or d.get('GivenName'):
            g = clean(d.get('GivenName')).split()
            s = clean(d.get('LastName'))
            if g and s:
                out.append(mk('ca-sema', eid, 'P', ' '.join(g + [s]), (g[0], g[1:], s), dob))
            for a in split_aliases(d.get('Aliases', '')):
                pp = person_parts(a.split())
                if pp:
                    out.append(mk('ca-sema', eid, 'P', a, pp, dob))
        else:
            n = clean(d.get('EntityOrShip'))
            names = [n]
            mm = re.match(r'^(.*?)\s*\(([^)]*)\)\s*(.*)$', n)
            if mm:
                names += [clean(mm.group(1) + ' ' + mm.group(3)), clean(mm.group(2))]
            names += [a for a in split_aliases(d.get('Aliases', '')) if len(a) >= 3]
            seen = set()
            for x in names:
                if x and x.lower() not in seen:
                    seen.add(x.lower())
                    out.append(mk('ca-sema', eid, 'O', x))
    return out


def ofac_dob(remarks):
    m = re.search(r'DOB (\d{1,2}) (\w{3}) (\d{4})', remarks)
    if m:
        return f"{m.group(3)}-{MONTHS[m.group(2).lower()]:02d}-{int(m.group(1)):02d}"
    m = re.search(r'DOB (\d{4})', remarks)
    return m.group(1) if m else ''


def ofac():
    out = []
    rows = list(csv.reader(open(f'{D}/ofac/sdn_2023-12-28.csv', encoding='latin-1')))
    ents = {}
    for r in rows:
        if len(r) < 12 or not re.search(r'\bBELARUS(\b|-)', r[3]):
            continue
        typ = r[2].strip()
        if typ in ('aircraft', 'vessel'):
            continue
        ents[r[0]] = ('P' if typ == 'individual' else 'O', ofac_dob(r[11]))
        out.append((r[0], r[1]))
    for r in csv.reader(open(f'{D}/ofac/alt_2023-12-28.csv', encoding='latin-1')):
        if r and r[0] in ents:
            out.append((r[0], r[3]))
    res = []
    for ent, name in out:
        kind, dob = ents[ent]
        eid = f'us-ofac-sdn:{ent}'
        if kind == 'P':
            if ',' in name:
                s, g = name.split(',', 1)
                g = g.split()
                if not g:
                    continue
                res.append(mk('us-ofac-sdn', eid, 'P', ' '.join(g) + ' ' + s.strip(), (g[0], g[1:], s.strip()), dob))
            else:
                pp = person_parts(name.split())
                if pp:
                    res.append(mk('us-ofac-sdn', eid, 'P', name, pp, dob))
        else:
            res.append(mk('us-ofac-sdn', eid, 'O', name))
    return res


def uk():
    res = []
    rows = list(csv.reader(open(f'{D}/uk/ConList_2025-04-10.csv', encoding='utf-8-sig')))
    h = rows[1]
    for r in rows[2:]:
        d = dict(zip(h, r))
        if d.get('Regime') != 'Belarus':
            continue
        eid = f"uk-ofsi:{d['Group ID']}"
        dob = d.get('DOB', '')
        m = re.match(r'(\d\d)/(\d\d)/(\d{4})', dob)
        if m:
            dd, mo, y = m.groups()
            dob = y if mo == '00' else (f'{y}-{mo}' if dd == '00' else f'{y}-{mo}-{dd}')
        if d['Group Type'] == 'Individual':
            g = ' '.join(d[f'Name {i}'] for i in range(1, 6) if d[f'Name {i}']).split()
            s = clean(d['Name 6'])
            if g and s:
                res.append(mk('uk-ofsi', eid, 'P', ' '.join(g + [s]), (g[0], g[1:], s), dob))
            nl = clean(d.get('Name Non-Latin Script'))
            if nl:
                pp = person_parts(nl.split())
                if pp:
                    res.append(mk('uk-ofsi', eid, 'P', nl, pp, dob))
        elif d['Group Type'] == 'Entity':
            n = clean(' '.join(d[f'Name {i}'] for i in range(1, 7) if d[f'Name {i}']))
            if n:
                res.append(mk('uk-ofsi', eid, 'O', n))
            nl = clean(d.get('Name Non-Latin Script'))
            if nl:
                res.append(mk('uk-ofsi', eid, 'O', nl))
    return res


def load():
    allr = canada() + ofac() + uk()
    seen, out = set(), []
    for r in allr:
        k = (r['eid'], r['name'].lower())
        if k not in seen:
            seen.add(k)
            out.append(r)
    return out


if __name__ == '__main__':
    import collections
    L = load()
    print(len(L), collections.Counter((r['src'], r['kind'], r['script']) for r in L))
    print(len({r['eid'] for r in L}))
