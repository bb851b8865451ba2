"""Ground truth: my own parse of the four raw list files (Belarus programmes only).
Writes entities.json: [{id, source, type, dob, names:[{name, surname, given, patr, script, kind}]}]"""
import csv, json, re, datetime, xml.etree.ElementTree as ET, warnings
warnings.filterwarnings('ignore')
import os
D = os.environ.get('SCREENER_DATA', os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', '..', 'shared', 'data')) + '/'
CYR = re.compile('[\u0400-\u04ff]')
PATR = re.compile(r'(ovich|evich|ich|ovna|evna|ichna|yevich|ievich|avich|avich|eyevich|aevich|ouna|euna|auna|ovych|ivna|ович|евич|овна|евна|ична|авіч|евіч|эвіч|аўна|еўна|івіч|ич|іч)$', re.I)

def fixcyr(s):
    # Latin look-alikes inside Cyrillic words (the UK list types Belarusian і as Latin i)
    out = []
    for w in s.split(' '):
        if CYR.search(w):
            w = w.translate(str.maketrans('iIaAeEoOcCpPxXyKkMHTB', 'іІаАеЕоОсСрРхХуКкМНТВ'))
        out.append(w)
    return ' '.join(out)

def script(s):
    return 'cyr' if CYR.search(s) else ('jpn' if re.search('[\u3040-\u30ff\u4e00-\u9fff]', s) else 'lat')

def is_patr(w):
    return len(w) > 5 and bool(PATR.search(w))

def split_person(full, surname_hint=None):
    """-> (given, patr, surname) from a free-text full name."""
    full = re.sub(r'\s+', ' ', full.strip().strip(',;.'))
    if ',' in full:
        a, b = full.split(',', 1)
        toks = b.split()
        g = toks[0] if toks else ''
        p = ' '.join(toks[1:])
        return g, p, a.strip()
    toks = full.split()
    if len(toks) == 1:
        return '', '', toks[0]
    up = [t for t in toks if t.isupper() and len(t) > 1]
    if len(up) == 1 and len(toks) > 1:
        s = up[0]; rest = [t for t in toks if t != s]
        return rest[0], ' '.join(rest[1:]), s
    if len(toks) >= 3 and is_patr(toks[1]):      # Given Patronymic Surname
        return toks[0], toks[1], ' '.join(toks[2:])
    if len(toks) >= 3 and is_patr(toks[-1]):     # Surname Given Patronymic
        return toks[1], ' '.join(toks[2:]), toks[0]
    return toks[0], ' '.join(toks[1:-1]), toks[-1]

def pname(given, patr, surname, kind, raw=None):
    given, patr, surname = (x.strip() if x else '' for x in (given, patr, surname))
    full = raw or ' '.join(x for x in (given, patr, surname) if x)
    return dict(name=full, surname=surname, given=given, patr=patr, script=script(full), kind=kind)

def oname(n, kind):
    n = re.sub(r'\s+', ' ', n.replace('\u202f', ' ')).strip().strip(',;')
    return dict(name=n, script=script(n), kind=kind)

ents = []
# ---- Canada
root = ET.parse(D + 'canada/sema-lmes_2025-09-22.xml').getroot()
for rec in root:
    if not rec.findtext('Country', '').startswith('Belarus'):
        continue
    sch = re.sub(r'[,\s]+', '-', rec.findtext('Schedule').strip().lower())
    eid = 'ca-sema:belarus/%s/%s' % (sch, rec.findtext('Item').strip())
    dob = (rec.findtext('DateOfBirthOrShipBuildDate') or '').strip()
    al = rec.findtext('Aliases') or ''
    if rec.find('LastName') is not None:
        gn = (rec.findtext('GivenName') or '').split()
        names = [pname(gn[0] if gn else '', ' '.join(gn[1:]), rec.findtext('LastName'), 'primary')]
        for a in re.split(r'[;,/]|\bor\b|\bRussian:|\bBelaruss?ian:', al):
            a = re.sub(r'^\s*(Belaruss?ian|Russian)\s*:', '', a).strip()
            if len(a) > 3 and len(a.split()) >= 2:
                a = fixcyr(a)
                g, p, s = split_person(a)
                names.append(pname(g, p, s, 'alias', a))
        ents.append(dict(id=eid, source='ca-sema', type='PERSON', dob=dob, names=names))
    else:
        n = rec.findtext('EntityOrShip')
        names = [oname(n, 'primary')]
        m = re.match(r'^(.*?)\s*\(([^)]+)\)\s*$', n.strip())
        if m:
            names += [oname(m.group(1), 'paren'), oname(m.group(2), 'paren')]
        for a in re.split(r'[;,]\s*', al):
            a = re.sub(r'^\s*(Belaruss?ian|Russian)\s*:', '', a).strip()
            if len(a) > 3 and a.count('(') == a.count(')') and not a.startswith(('(', ')')) and ') (' not in a and a.strip().lower() not in ('belarus',) and not re.fullmatch(r'(Общество с ограниченной ответственностью|Limited Liability Company|Open Joint[- ]Stock Company|OAO|OJSC|JSC)', a.strip()):
                names.append(oname(fixcyr(a), 'alias'))
        ents.append(dict(id=eid, source='ca-sema', type='ORGANIZATION', dob='', names=names))

# ---- OFAC SDN + ALT
MON = {m: i for i, m in enumerate('Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(), 1)}
def ofac_dob(rem):
    m = re.search(r'DOB (\d{1,2}) (\w{3}) (\d{4})', rem)
    if m: return '%s-%02d-%02d' % (m.group(3), MON[m.group(2)], int(m.group(1)))
    m = re.search(r'DOB (\d{4})', rem)
    return m.group(1) if m else ''
def ofac_name(n, t, kind):
    if t == 'PERSON':
        if ',' in n:
            s, g = n.split(',', 1); gt = g.split()
            return pname(gt[0] if gt else '', ' '.join(gt[1:]), s, kind, None)
        g, p, s = split_person(n); return pname(g, p, s, kind, n)
    return oname(n, kind)
byid = {}
for r in csv.reader(open(D + 'ofac/sdn_2023-12-28.csv', encoding='latin-1')):
    if len(r) < 12 or 'BELARUS' not in r[3]:
        continue
    t = {'individual': 'PERSON', 'aircraft': 'AIRCRAFT', 'vessel': 'VESSEL'}.get(r[2].strip(), 'ORGANIZATION')
    rem = r[11]
    e = dict(id='us-ofac-sdn:' + r[0], source='us-ofac-sdn', type=t, dob=ofac_dob(rem) if t == 'PERSON' else '',
             names=[ofac_name(r[1], t, 'primary')])
    for a in re.findall(r"[af]\.k\.a\. '([^']+)'", rem):
        e['names'].append(ofac_name(a, t, 'remark-aka'))
    byid[r[0]] = e; ents.append(e)
for r in csv.reader(open(D + 'ofac/alt_2023-12-28.csv', encoding='latin-1')):
    if r and r[0] in byid:
        e = byid[r[0]]; e['names'].append(ofac_name(r[3], e['type'], 'alt-' + r[2].strip()))

# ---- UK OFSI
f = open(D + 'uk/ConList_2025-04-10.csv', encoding='utf-8-sig'); rd = csv.reader(f); next(rd); hdr = next(rd)
uk = {}
for x in rd:
    d = dict(zip(hdr, x))
    if d['Regime'] != 'Belarus':
        continue
    gid = d['Group ID']
    t = 'PERSON' if d['Group Type'] == 'Individual' else ('VESSEL' if d['Group Type'] == 'Ship' else 'ORGANIZATION')
    e = uk.setdefault(gid, dict(id='uk-ofsi:' + gid, source='uk-ofsi', type=t, dob='', names=[]))
    if d['DOB'] and not e['dob']:
        m = re.match(r'(\d\d)/(\d\d)/(\d{4})', d['DOB'])
        e['dob'] = '%s-%s-%s' % (m.group(3), m.group(2), m.group(1)) if m and m.group(1) != '00' else d['DOB'][-4:]
    kind = 'primary' if d['Alias Type'] == 'Primary name' else 'alias'
    if t == 'PERSON':
        given = ' '.join(d['Name %d' % i] for i in (1,) if d['Name %d' % i])
        patr = ' '.join(d['Name %d' % i] for i in (2, 3, 4, 5) if d['Name %d' % i])
        e['names'].append(pname(given, patr, d['Name 6'], kind))
    else:
        n = ' '.join(d['Name %d' % i] for i in (1, 2, 3, 4, 5, 6) if d['Name %d' % i])
        e['names'].append(oname(n, kind))
    nl = d['Name Non-Latin Script'].strip()
    if nl:
        nl = fixcyr(nl)
        if t == 'PERSON':
            g, p, s = split_person(nl); e['names'].append(pname(g, p, s, 'nonlatin', nl))
        else:
            e['names'].append(oname(nl, 'nonlatin'))
ents += list(uk.values())

# ---- Japan MoF Belarus sheets (31 persons, 32 entities, 33 banks)
import openpyxl
wb = openpyxl.load_workbook(D + 'japan/mof-asset-freeze_2026-03-05.xlsx', read_only=True)
for sn in wb.sheetnames:
    m = re.match(r'(\d+)\.ベラルーシ\((個人|団体|特定銀行)', sn)
    if not m:
        continue
    num, kind = m.group(1), m.group(2)
    for row in list(wb[sn].iter_rows(values_only=True))[2:]:
        if not row or row[1] is None:
            continue
        eid = 'jp-mof:%s/%s' % (num, str(row[1]).strip())
        if kind == '個人':
            dob = row[5].strftime('%Y-%m-%d') if isinstance(row[5], datetime.datetime) else (re.sub(r'\D', '', str(row[5] or ''))[:4])
            g, p, s = split_person(row[3])
            ents.append(dict(id=eid, source='jp-mof', type='PERSON', dob=dob,
                             names=[pname(g, p, s, 'primary', row[3]), dict(name=row[2], script='jpn', kind='japanese', surname='', given='', patr='')]))
        else:
            names = [oname(row[3], 'primary'), oname(row[2], 'japanese')]
            mm = re.match(r'^(.*?)\s*\(([^)]+)\)\s*$', row[3])
            if mm: names += [oname(mm.group(1), 'paren'), oname(mm.group(2), 'paren')]
            if '/' in row[3]: names += [oname(x, 'paren') for x in row[3].split('/')]
            ents.append(dict(id=eid, source='jp-mof', type='ORGANIZATION', dob='', names=names))

# dedupe names
for e in ents:
    seen = set(); nn = []
    for n in e['names']:
        k = n['name'].lower()
        if k and k not in seen:
            seen.add(k); nn.append(n)
    e['names'] = nn
json.dump(ents, open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'entities.json'), 'w'), ensure_ascii=False, indent=0)
import collections
print(len(ents), collections.Counter((e['source'], e['type']) for e in ents), sum(len(e['names']) for e in ents), 'names')
