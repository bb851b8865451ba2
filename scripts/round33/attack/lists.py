# Own parser of the raw Belarus-regime entries (independent of the service's code).
import csv, os, re, xml.etree.ElementTree as ET

DATA = os.environ.get('SCREENER_DATA', os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', '..', '..', 'shared', 'data'))
OFAC = os.path.join(DATA, 'ofac/sdn_2023-12-28.csv')
UK = os.path.join(DATA, 'uk/ConList_2025-04-10.csv')
CA = os.path.join(DATA, 'canada/sema-lmes_2025-09-22.xml')

CYR = re.compile(r'[\u0400-\u04FF]')
PATRO = re.compile(r'(vich|vych|vna|ich|ichna|auna|ovna|evna|ieuna|euna|ovych|ivna|ogly|avich|ovich|evich)$', re.I)


def clean(s):
    return re.sub(r'\s+', ' ', (s or '').replace('\t', ' ')).strip()


def split_person(given, surname):
    """given: 'Aleksandr Grigoryevich' -> (first tokens, patronymic tokens)"""
    toks = clean(given).split()
    first, patro = [], []
    for t in toks:
        (patro if PATRO.search(t) and first else first).append(t)
    return first, patro, clean(surname).split()


def load():
    ents = []  # dict(src, id, type, listed, first, patro, sur, dob, aliases, cyr)
    # ---- OFAC
    with open(OFAC, encoding='latin-1') as f:
        for row in csv.reader(f):
            if len(row) < 12:
                continue
            num, name, typ, prog = row[0], row[1].strip(), row[2].strip(), row[3]
            if 'BELARUS' not in prog:
                continue
            rem = row[11]
            akas = re.findall(r"a\.k\.a\. '([^']+)'", rem)
            dob = None
            m = re.search(r'DOB (\d{1,2} \w{3} \d{4}|\d{4})', rem)
            if m:
                dob = m.group(1)
            if typ == 'individual':
                sur, _, given = name.partition(',')
                first, patro, surt = split_person(given, sur)
                ents.append(dict(src='us-ofac-sdn', id='us-ofac-sdn:' + num.strip(), type='PERSON', listed=name,
                                 first=first, patro=patro, sur=surt, dob=dob, aliases=akas, cyr=[]))
            elif typ in ('-0-', ''):
                ents.append(dict(src='us-ofac-sdn', id='us-ofac-sdn:' + num.strip(), type='ORGANIZATION', listed=name,
                                 dob=None, aliases=akas, cyr=[]))
    # ---- UK OFSI
    with open(UK, encoding='utf-8-sig') as f:
        r = csv.reader(f)
        next(r)
        h = next(r)
        ix = {k: i for i, k in enumerate(h)}
        groups = {}
        for x in r:
            if x[ix['Regime']] != 'Belarus':
                continue
            groups.setdefault(x[ix['Group ID']], []).append(x)
    for gid, rows in groups.items():
        prim = [x for x in rows if x[ix['Alias Type']] == 'Primary name'] or rows
        p = prim[0]
        gt = p[ix['Group Type']]
        aliases, cyr = [], []
        for x in rows:
            nl = clean(x[ix['Name Non-Latin Script']])
            if nl:
                cyr.append(nl)
            if gt == 'Individual':
                n = ' '.join(clean(x[ix['Name %d' % i]]) for i in range(1, 6) if clean(x[ix['Name %d' % i]]))
                n = clean(n + ' ' + clean(x[ix['Name 6']]))
            else:
                n = clean(x[ix['Name 6']])
            if n and x is not p:
                aliases.append(n)
        dobs = p[ix['DOB']]
        dob = None
        m = re.match(r'(\d\d)/(\d\d)/(\d{4})', dobs)
        if m:
            dob = '%s-%s-%s' % (m.group(3), m.group(2), m.group(1))
        if gt == 'Individual':
            given = ' '.join(clean(p[ix['Name %d' % i]]) for i in range(1, 6))
            first, patro, surt = split_person(given, p[ix['Name 6']])
            listed = clean(given + ' ' + clean(p[ix['Name 6']]))
            ents.append(dict(src='uk-ofsi', id='uk-ofsi:' + gid, type='PERSON', listed=listed, first=first,
                             patro=patro, sur=surt, dob=dob, aliases=sorted(set(aliases) - {listed}), cyr=sorted(set(cyr))))
        else:
            listed = clean(p[ix['Name 6']])
            ents.append(dict(src='uk-ofsi', id='uk-ofsi:' + gid, type='ORGANIZATION', listed=listed, dob=None,
                             aliases=sorted(set(aliases) - {listed}), cyr=sorted(set(cyr))))
    # ---- Canada SEMA
    root = ET.parse(CA).getroot()
    for rec in root:
        if not (rec.findtext('Country') or '').startswith('Belarus'):
            continue
        sched = clean(rec.findtext('Schedule')).lower().replace(', ', '-').replace(' ', '-')
        eid = 'ca-sema:belarus/%s/%s' % (sched, clean(rec.findtext('Item')))
        al = clean(rec.findtext('Aliases'))
        dob = clean(rec.findtext('DateOfBirthOrShipBuildDate')) or None
        if rec.findtext('EntityOrShip'):
            ents.append(dict(src='ca-sema', id=eid, type='ORGANIZATION', listed=clean(rec.findtext('EntityOrShip')),
                             dob=None, aliases=[], cyr=[]))
        else:
            given, sur = clean(rec.findtext('GivenName')), clean(rec.findtext('LastName'))
            first, patro, surt = split_person(given, sur)
            cyr, aliases = [], []
            for part in re.split(r',\s*(?=(?:Belarusian|Russian|Belarussian)\s*:)', al):
                part = part.strip().strip(',').strip()
                mm = re.match(r'(Belarusian|Russian|Belarussian)\s*:\s*(.*)', part)
                if mm:
                    cyr.append(clean(mm.group(2)))
                elif part and ',' not in part:
                    aliases.append(part)
            ents.append(dict(src='ca-sema', id=eid, type='PERSON', listed=clean(given + ' ' + sur), first=first,
                             patro=patro, sur=surt, dob=dob, aliases=aliases, cyr=cyr))
    return ents


if __name__ == '__main__':
    import collections
    e = load()
    print(len(e), collections.Counter((x['src'], x['type']) for x in e))
    for x in e[:3] + e[300:303] + e[-3:]:
        print(x)
