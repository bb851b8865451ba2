"""Generate queries.jsonl (listed variants) and negatives.jsonl (unlisted) from entities.json,
using only my own tables (translit.py, names_tables.py). Deterministic (seed 18)."""
import json, os, random, re, unicodedata, itertools
os.chdir(os.path.dirname(os.path.abspath(__file__)))
from translit import *
import names_tables as NT
R = random.Random(18)
ents = json.load(open('entities.json'))
CYR = re.compile('[\u0400-\u04ff]')

def fold(s):
    s = unicodedata.normalize('NFKD', s)
    return ''.join(c for c in s if not unicodedata.combining(c)).lower()
def skel(w):
    w = fold(w)
    if CYR.search(w): w = bgn(w).lower()
    w = w.replace('ł', 'l')
    for a, b in [('shch', 's'), ('sch', 's'), ('sz', 's'), ('sh', 's'), ('zh', 'z'), ('kh', 'h'), ('ch', 'c'), ('ts', 'c'), ('tz', 'c'), ('w', 'v'), ('g', 'h'), ('dz', 'd'), ('x', 'ks'), ('j', 'y')]:
        w = w.replace(a, b)
    w = re.sub(r'[^a-z]', '', w)
    w = re.sub(r'[aeiouy]+', 'a', w)
    w = re.sub(r'(.)\1+', r'\1', w)
    return re.sub(r'a$', '', w)

# ---- given-name table index: any form -> row
GROW = {}
for row in NT.G:
    ru, by, ua, pl, lt, bylat, dims = row
    forms = {ru, by, ua, pl, lt, *bylat}
    for c in (ru, by, ua):
        forms |= {f(c) for f in SYSTEMS.values()} | {by2007(c), lacinka(c), ukr_lat(c)}
    forms |= {'Alexander', 'Alexandr', 'Aleksander', 'Alexei', 'Alexey', 'Aleksey', 'Andrey', 'Sergey', 'Sergei', 'Dmitry', 'Dmitriy', 'Yuri', 'Yury', 'Nikolay', 'Natalia', 'Natalya', 'Evgeny', 'Evgeniy', 'Yevgeny', 'Tatiana', 'Yulia', 'Gennady', 'Gennadiy', 'Valeri', 'Vasily', 'Vasiliy', 'Anatoliy', 'Anatoly', 'Petr', 'Pyotr', 'Fedor', 'Fyodor', 'Artem', 'Artyom', 'Semyon', 'Mariya', 'Lyudmila', 'Ludmila', 'Elena', 'Yelena', 'Olena', 'Ekaterina', 'Yekaterina', 'Ilya', 'Iliya', 'Grigory', 'Grigoriy', 'Mikhail', 'Mihail', 'Vyacheslav', 'Viacheslav', 'Konstantin', 'Leonid', 'Maxim', 'Maksim'} & set() | forms
    for f in forms:
        GROW.setdefault(fold(f), row)
for k, v in [('aleksandr', 'Александр'), ('alexander', 'Александр'), ('alexei', 'Алексей'), ('aleksey', 'Алексей'), ('sergey', 'Сергей'), ('dmitriy', 'Дмитрий'), ('yevgeny', 'Евгений'), ('evgeniy', 'Евгений'), ('nikolay', 'Николай'), ('yekaterina', 'Екатерина'), ('pyotr', 'Петр'), ('fyodor', 'Федор'), ('artyom', 'Артем'), ('semyon', 'Семен'), ('maxim', 'Максим')]:
    GROW.setdefault(fold(k), next(r for r in NT.G if r[0] == v))
def grow(given):
    return GROW.get(fold(given)) if given else None

def cyr_word(w):
    return w if CYR.search(w) else lat2cyr(w)
def cap(w):
    return '-'.join(p[:1].upper() + p[1:].lower() for p in w.split('-'))
def female(n):
    g = (n.get('given') or '').lower(); s = (n.get('surname') or '').lower()
    p = (n.get('patr') or '').lower()
    return bool(re.search(r'(na|уна|вна|аўна|еўна|ична)$', p)) or bool(re.search(r'(ova|eva|ina|aya|ая|ова|ева|іна|ина|kaya)$', s)) or (g.endswith('a') and not g.endswith('ya') and g not in ('ilya', 'illia', 'nikita', 'foma'))

Q = []
def add(fam, name, e, base, typ, extra=None):
    name = re.sub(r'[ ]+', ' ', name).strip() if fam not in ('P18_format_spaces',) else name
    if not name or len(name) > 300: return
    d = dict(family=fam, name=name, type=typ, expected=e['id'], expected_name=base, script=('cyr' if CYR.search(name) else 'lat'))
    if extra: d.update(extra)
    Q.append(d)

KEYB = {}
rows = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm']
for r_, row in enumerate(rows):
    for i, c in enumerate(row):
        KEYB[c] = (row[i - 1] if i else '') + (row[i + 1] if i + 1 < len(row) else '')
def typos(w):
    out = []
    if len(w) < 5: return out
    i = R.randrange(1, len(w) - 1)
    c = w[i].lower()
    if c in KEYB and KEYB[c]:
        out.append(('adjacent', w[:i] + R.choice(KEYB[c]) + w[i + 1:]))
    j = R.randrange(1, len(w) - 2)
    if w[j] != w[j + 1]: out.append(('transpose', w[:j] + w[j + 1] + w[j] + w[j + 2:]))
    k = R.randrange(1, len(w) - 1); out.append(('double', w[:k] + w[k] + w[k:]))
    m = R.randrange(1, len(w) - 1); out.append(('drop', w[:m] + w[m + 1:]))
    return out
OCR = [('m', 'rn'), ('d', 'cl'), ('o', '0'), ('O', '0'), ('l', '1'), ('I', '1'), ('w', 'vv'), ('h', 'li'), ('S', '5'), ('B', '8'), ('e', 'c'), ('n', 'ri')]
def ocr(w):
    out = []
    for a, b in OCR:
        idx = [i for i in range(len(w)) if w.startswith(a, i)]
        if idx:
            i = R.choice(idx); out.append(w[:i] + b + w[i + len(a):])
    return out
L2C = str.maketrans('aeopcxyiAEOPCXHKMBTI', 'аеорсхуіАЕОРСХНКМВТІ')
C2L = str.maketrans('аеорсхуіАЕОРСХНКМВТІ', 'aeopcxyiAEOPCXHKMBTI')
def homoglyph(s):
    chars = list(s); idx = [i for i, c in enumerate(chars) if c.translate(L2C) != c or c.translate(C2L) != c]
    R.shuffle(idx)
    for i in idx[:2]:
        c = chars[i]; chars[i] = c.translate(C2L) if CYR.search(c) else c.translate(L2C)
    return ''.join(chars)

TITLES = ['Mr', 'Mr.', 'Dr.', 'Gen.', 'General', 'Colonel', 'Col.', 'Major General', 'Prof.', 'Mrs', 'Ms.', 'H.E.', 'гражданин', 'г-н', 'гр.', 'господин', 'Sir', 'Minister']
def person_variants(e, n):
    typ = 'PERSON'
    full = n['name']; g, p, s = n.get('given', ''), n.get('patr', ''), n.get('surname', '')
    if not s: return
    fem = female(n)
    add('P00_exact', full, e, full, typ)
    toks = [t for t in (g, p, s) if t]
    gl = ' '.join(t for t in (g, p) if t)
    # Russian Cyrillic base
    cg, cp, cs = [cyr_word(t) if t else '' for t in (g, p, s)]
    cbase = ' '.join(x for x in (cg, cp, cs) if x)
    if CYR.search(full) and re.search(r'[іў]', full.lower()):   # listed in Belarusian: treat base as Belarusian
        bg, bp, bs = g, p, s
    else:
        row = grow(cg)
        bg = row[1] if row else ru2by(cg) if cg else ''
        bp, bs = ru2by(cp) if cp else '', ru2by(cs)
    lat_listed = not CYR.search(full)
    if lat_listed:
        add('P01_cyr_ru', cbase, e, full, typ)
        add('P02_cyr_surname_first', ' '.join(x for x in (cs.upper(), cg, cp) if x), e, full, typ)
    # romanisations of the Cyrillic base
    for sysn, f in SYSTEMS.items():
        add('P03_translit_' + sysn, ' '.join(f(x) for x in (cg, cp, cs) if x), e, full, typ)
    add('P04_by2007', ' '.join(by2007(x) for x in (bg, bp, bs) if x), e, full, typ)
    add('P05_lacinka', ' '.join(lacinka(x) for x in (bg, bp, bs) if x), e, full, typ)
    add('P06_cyr_by', ' '.join(x for x in (bg, bp, bs) if x), e, full, typ)
    # Lithuanian / Latvian inflected forms
    lg, lp, ls = [lith(x) if x else '' for x in (cg, cp, cs)]
    row = grow(cg)
    if not fem:
        ltg = row[4] if row else lt_masc(lg, 'given')
        add('P07_lithuanian', ' '.join(x for x in (ltg, lt_masc(ls, 'sur')) if x), e, full, typ)
        add('P07_lithuanian_patr', ' '.join(x for x in (ltg, lt_masc(lp, 'sur') if lp else '', lt_masc(ls, 'sur')) if x), e, full, typ)
        add('P07_latvian', ' '.join(x for x in (lv_masc(lg) if lg else '', lv_masc(ls)) if x), e, full, typ)
    else:
        ltg = row[4] if row else lg
        add('P07_lithuanian', ' '.join(x for x in (ltg, ls) if x), e, full, typ)
        add('P07_latvian', ' '.join(x for x in (lg, ls) if x), e, full, typ)
    # Ukrainian spelling
    if row:
        ug = row[2]
        us, up = ru2ua(cs), ru2ua(cp) if cp else ''
        add('P08_ukrainian_lat', ' '.join(x for x in (ukr_lat(ug), ukr_lat(us)) if x), e, full, typ)
        add('P08_ukrainian_cyr', ' '.join(x for x in (ug, up, us) if x), e, full, typ)
        # Russian vs Belarusian forms of given name + surname ending
        isby = skel(g) in {skel(x) for x in row[5]} or CYR.search(g or '') and g == row[1]
        sw_g = (bgn(row[0]) if isby else R.choice(row[5]))
        sw_s = s
        for a, b in [('enka', 'enko'), ('ENKA', 'ENKO'), ('ou', 'ov'), ('OU', 'OV'), ('eu', 'ev'), ('EU', 'EV')] if isby or re.search(r'(enka|ou|eu)$', s, re.I) else [('enko', 'enka'), ('ENKO', 'ENKA'), ('ov', 'ou'), ('OV', 'OU'), ('ev', 'eu'), ('EV', 'EU')]:
            if sw_s.endswith(a): sw_s = sw_s[:-len(a)] + b; break
        if not CYR.search(full):
            add('P09_ru_by_given', ' '.join(x for x in (sw_g, p, s) if x), e, full, typ)
            add('P09_ru_by_given_surname', ' '.join(x for x in (sw_g, p, sw_s) if x), e, full, typ)
            for d in row[6][:2]:
                add('P10_diminutive', ' '.join((d if not CYR.search(d) else bgn(d), s)), e, full, typ)
        else:
            for d in row[6]:
                if CYR.search(d): add('P10_diminutive', d + ' ' + s, e, full, typ)
    # order and dropped parts
    if g:
        add('P11_surname_first', ' '.join(x for x in (s.upper(), g, p) if x), e, full, typ)
        add('P11_surname_comma', s + ', ' + ' '.join(x for x in (g, p) if x), e, full, typ)
        if p: add('P11_no_patronymic', g + ' ' + s, e, full, typ)
        add('P12_initials_given', ' '.join(x for x in (g[0] + '.', (p[0] + '.') if p else '', s) if x), e, full, typ)
        add('P12_initials_after', s + ' ' + g[0] + '.' + ((p[0] + '.') if p else ''), e, full, typ)
        if p: add('P12_patronymic_initial', g + ' ' + p[0] + '. ' + s, e, full, typ)
        # extra middle name / double surnames
        mid = R.choice(['Maria', 'Anna', 'Elizabeth']) if fem else R.choice(['John', 'Mark', 'Paul', 'Ivan'])
        add('P14_extra_middle', ' '.join(x for x in (g, mid, p, s) if x), e, full, typ)
        other = R.choice(NT.NEG_SURNAMES[:100]) + ('a' if fem else '')
        add('P14_double_surname_hyphen', ' '.join(x for x in (g, p, s + '-' + other) if x), e, full, typ)
        add('P14_double_surname_space', ' '.join(x for x in (g, p, other, s) if x), e, full, typ)
    # typos (surname, given)
    for part, w in (('surname', s), ('given', g)):
        for k, t in typos(w):
            q = full.replace(w, t, 1) if w in full else ' '.join(x for x in (g, p, s) if x).replace(w, t, 1)
            add('P15_typo_' + k, q, e, full, typ, dict(part=part))
    for t in ocr(full)[:3]:
        add('P16_ocr', t, e, full, typ)
    add('P17_homoglyph', homoglyph(full), e, full, typ)
    add('P18_format_caps', full.upper(), e, full, typ)
    add('P18_format_lower', full.lower(), e, full, typ)
    add('P18_format_punct', R.choice([' , ', '. ', ' - ', '_', '  ;']).join(full.split()) + R.choice(['.', ',', '', ' ;']), e, full, typ)
    add('P18_format_spaces', '  ' + '   '.join(full.split()) + ' \t', e, full, typ)
    t = R.choice(TITLES[:12]) if not CYR.search(full) else R.choice(TITLES[12:16])
    add('P19_title', t + ' ' + full, e, full, typ)
    add('P19_title_rank', R.choice(['Colonel', 'Lieutenant General', 'Maj. Gen.', 'Judge', 'Deputy Minister']) + ' ' + full, e, full, typ)

# ---- organisations
LF = [  # (family name, forms) — same legal form in several spellings
    ('ojsc', ['OJSC', 'OAO', 'ОАО', 'ААТ', 'Open Joint Stock Company', 'Open Joint-Stock Company', 'Открытое акционерное общество', 'Адкрытае акцыянернае таварыства', 'AAT']),
    ('jsc', ['JSC', 'AO', 'АО', 'Joint Stock Company', 'Joint-Stock Company', 'Акционерное общество', 'AS']),
    ('cjsc', ['CJSC', 'ZAO', 'ЗАО', 'ЗАТ', 'Closed Joint Stock Company', 'Закрытое акционерное общество', 'ZAT']),
    ('llc', ['LLC', 'OOO', 'ООО', 'ТАА', 'Limited Liability Company', 'Общество с ограниченной ответственностью', 'TAA', 'Ltd']),
    ('ue', ['UE', 'УП', 'Unitary Enterprise', 'Унитарное предприятие', 'Унітарнае прадпрыемства', 'UP']),
    ('rue', ['RUE', 'РУП', 'Republican Unitary Enterprise', 'Республиканское унитарное предприятие', 'RUP']),
]
LF_ALL = sorted({f for _, fs in LF for f in fs}, key=len, reverse=True)
LFRE = re.compile(r'(?<![\w])(' + '|'.join(re.escape(f) for f in LF_ALL) + r')(?![\w])', re.I)
QUOTES = [('«', '»'), ('"', '"'), ('„', '“'), ('“', '”'), ("'", "'"), ('‘', '’'), ('', '')]
GENERIC_DROP = ['Company', 'Enterprise', 'Group', 'Holding', 'Plant', 'Production Association', 'Republican', 'Open', 'Limited', 'Management', 'Trading']
TRANSL = [('Plant', 'Zavod'), ('Works', 'Zavod'), ('Factory', 'Fabrika'), ('Company', 'Kompaniya'), ('Holding', 'Kholding'), ('Belarusian', 'Belorusskiy'), ('Minsk', 'Minskiy'), ('Automobile', 'Avtomobilny'), ('Tractor', 'Traktorny'), ('Bank', 'Bank'), ('Oil', 'Neftyanaya'), ('Machine-Tool', 'Stankostroitelny'), ('Wheel', 'Kolesny'), ('Repair', 'Remontny'), ('Electromechanical', 'Elektromekhanichesky'), ('Research Institute', 'NII'), ('Ministry', 'Ministerstvo'), ('Development', 'Razvitiya')]
def core_and_lf(n):
    m = LFRE.search(n)
    lf = m.group(1) if m else None
    core = LFRE.sub(' ', n) if m else n
    core = re.sub(r'["«»„“”\'‘’]', ' ', core)
    return re.sub(r'\s+', ' ', core).strip(' ,-'), lf

def org_variants(e, n):
    typ = 'ORGANIZATION'
    full = n['name']
    if len(full) < 3: return
    add('O00_exact', full, e, full, typ)
    core, lf = core_and_lf(full)
    if not core: return
    if lf:
        add('O01_legal_form_dropped', core, e, full, typ)
        fam = next((fs for _, fs in LF if any(lf.lower() == x.lower() for x in fs)), None)
        if fam:
            for alt in R.sample([x for x in fam if x.lower() != lf.lower()], min(3, len(fam) - 1)):
                add('O01_legal_form_swapped', alt + ' ' + core if R.random() < .6 else core + ' ' + alt, e, full, typ)
    else:
        fs = R.choice(LF)[1]
        add('O01_legal_form_added', R.choice(fs) + ' ' + core, e, full, typ)
    for qo, qc in R.sample(QUOTES[:6], 3):
        add('O02_quotes', (lf + ' ' if lf else R.choice(['OAO ', 'ОАО ', 'JSC ', ''])) + qo + core + qc, e, full, typ)
    for gw in GENERIC_DROP:
        if re.search(r'\b' + gw + r'\b', core, re.I) and len(core.split()) > len(gw.split()) + 1:
            add('O03_generic_dropped', re.sub(r'\s+', ' ', re.sub(r'\b' + gw + r'\b', '', core, flags=re.I)).strip(), e, full, typ)
    if CYR.search(full):
        for sysn in ('bgn', 'german', 'polish'):
            add('O04_translit_' + sysn, SYSTEMS[sysn](full), e, full, typ)
    else:
        for a, b in TRANSL:
            if re.search(r'\b' + a + r'\b', core) and a != b:
                add('O05_translated_words', re.sub(r'\b' + a + r'\b', b, core), e, full, typ)
    words = [w for w in core.split() if len(w) >= 6]
    if words:
        w = max(words, key=len)
        for k, t in typos(w)[:3]:
            add('O06_typo_' + k, full.replace(w, t, 1), e, full, typ)
    for t in ocr(full)[:2]:
        add('O07_ocr', t, e, full, typ)
    add('O08_caps_punct', full.upper().replace(' ', R.choice(['  ', ' - ', ', '])), e, full, typ)
    add('O09_homoglyph', homoglyph(full), e, full, typ)

for e in ents:
    for n in e['names']:
        if n.get('script') == 'jpn':
            add('X_japanese_script', n['name'], e, n['name'], e['type']); continue
        if e['type'] == 'PERSON':
            person_variants(e, n)
        elif e['type'] == 'ORGANIZATION':
            org_variants(e, n)
        else:
            add('X_aircraft_exact', n['name'], e, n['name'], e['type'])
# dedupe per (family, name, expected)
seen = set(); QQ = []
for q in Q:
    k = (q['family'], q['name'], q['expected'])
    if k not in seen: seen.add(k); QQ.append(q)
with open('queries.jsonl', 'w') as f:
    for i, q in enumerate(QQ):
        q['qid'] = 'L%06d' % i; f.write(json.dumps(q, ensure_ascii=False) + '\n')

# ---------------- negatives ----------------
L_SUR = {}; L_GIV = {}
for e in ents:
    if e['type'] != 'PERSON': continue
    for n in e['names']:
        if n.get('surname'):
            ss = skel(n['surname']); L_SUR.setdefault(ss, set())
            if n.get('given'):
                row = grow(n['given'])
                L_SUR[ss].add(skel(n['given']))
                if row: L_SUR[ss] |= {skel(x) for x in (row[0], row[1], row[2], *row[5])} | {skel(bgn(row[0]))}
                L_GIV.setdefault(skel(n['given']), set()).add(ss)
N = []
def addn(fam, name, typ):
    N.append(dict(family=fam, name=name, type=typ, expected=None, script=('cyr' if CYR.search(name) else 'lat')))
def neg_person(fem):
    g = R.choice(NT.NEG_GIVEN_F if fem else NT.NEG_GIVEN_M)
    p = NT.patronymic(R.choice(NT.FATHER), fem)
    return g, p
def femsur(s):
    if re.search(r'(ov|ev|in|yn)$', s): return s + 'a'
    if s.endswith('sky') or s.endswith('ski'): return s[:-1] + 'aya' if s.endswith('y') else s[:-1] + 'a'
    return s
listed_sur_ok = lambda s: skel(s) not in L_SUR
cands = [s for s in NT.NEG_SURNAMES if listed_sur_ok(s) and listed_sur_ok(femsur(s))]
for i in range(2600):
    fem = R.random() < .4
    s = R.choice(cands); s = femsur(s) if fem else s
    g, p = neg_person(fem)
    form = R.random()
    if form < .45: addn('N01_person_full', f'{g} {p} {s}', 'PERSON')
    elif form < .65: addn('N01_person_surname_first', f'{s.upper()} {g} {p}', 'PERSON')
    elif form < .85: addn('N02_person_cyr', ' '.join(lat2cyr(x) for x in (s, g, p)), 'PERSON')
    else: addn('N01_person_no_patr', f'{g} {s}', 'PERSON')
# sharing a listed surname, different given name and patronymic
listed_persons = [(e, n) for e in ents if e['type'] == 'PERSON' for n in e['names'] if n.get('surname') and not CYR.search(n['name']) and n.get('given')]
for i in range(1500):
    e, n = R.choice(listed_persons)
    fem = female(n)
    s = cap(n['surname']); ss = skel(s)
    for _ in range(20):
        g, p = neg_person(fem)
        if skel(g) not in L_SUR.get(ss, set()) and (not n.get('patr') or skel(p)[:4] != skel(n['patr'])[:4]):
            break
    else:
        continue
    if R.random() < .8: addn('N03_shared_surname', f'{g} {p} {s}', 'PERSON')
    else: addn('N03_shared_surname_cyr', f'{lat2cyr(g)} {lat2cyr(p)} {lat2cyr(s)}', 'PERSON')
# sharing listed given name + patronymic, different surname
for i in range(700):
    e, n = R.choice(listed_persons)
    if not n.get('patr'): continue
    s = R.choice(cands); s = femsur(s) if female(n) else s
    addn('N04_shared_given_patr', f"{cap(n['given'])} {cap(n['patr'])} {s}", 'PERSON')
for g, s in NT.WESTERN:
    addn('N05_western', f'{g} {s}', 'PERSON')
    for _ in range(3):
        g2, s2 = R.choice(NT.WESTERN)[0], R.choice(NT.WESTERN)[1]
        addn('N05_western', f'{g2} {R.choice(["A.", "J.", "M.", "Lee", "Ann"])} {s2}', 'PERSON')
# companies sharing generic words
CITIES = ['Minsk', 'Grodno', 'Gomel', 'Brest', 'Vitebsk', 'Mogilev', 'Bobruisk', 'Baranovichi', 'Pinsk', 'Orsha', 'Lida', 'Molodechno', 'Borisov', 'Soligorsk', 'Novopolotsk', 'Zhlobin', 'Slutsk', 'Polotsk', 'Rechitsa', 'Svetlogorsk']
PRODUCTS = ['Dairy Plant', 'Bakery', 'Furniture Factory', 'Meat Processing Plant', 'Brewery', 'Confectionery Factory', 'Printing House', 'Bread Factory', 'Garment Factory', 'Shoe Factory', 'Construction Trust', 'Housing Services', 'Veterinary Clinic', 'Dental Clinic', 'Flax Mill', 'Poultry Farm', 'Canning Factory', 'Glass Works', 'Ceramics Plant', 'Sawmill', 'Hotel', 'Bus Depot', 'Pharmacy', 'Trade House', 'Logistics Centre', 'Insurance Company', 'Agro Complex', 'Software Studio', 'Design Bureau', 'Knitting Factory']
BRANDS = ['Zorka', 'Vesta', 'Lesnaya Polyana', 'Kalinka', 'Ruchaek', 'Dobrye Ruki', 'Sonechka', 'Vyaselka', 'Krynitsa Plus', 'Paleskaya Niva', 'Agat-Service', 'Nemiga Trade', 'Dzvina', 'Sozh Invest', 'Pripyat Fish', 'Biarozka', 'Sinyaya Ptitsa', 'Zubr Travel', 'Lyudi i Lodki', 'Zhuravinka', 'Vetrazh', 'Yantar Opt', 'Pchelka', 'Polymer Pack', 'Tekhnolit', 'Stroimontazh-7', 'Avtodor Servis', 'Verasen', 'Lybed', 'Sosny Hall', 'Okno Stroy', 'Dom Mebeli', 'Tsentr Kompyuternykh Tekhnologiy', 'Infoteka', 'Bulbash Foods', 'Polesye Agro', 'Kupalinka', 'Vasilyok', 'Shypshyna', 'Yaselda', 'Narach Tour', 'Myadel Resort', 'Belaya Rus Stroi', 'Svitanak', 'Uzorye', 'Lasunak', 'Kvetka', 'Matrix Soft', 'Geo Logistic', 'Kamenny Tsvetok']
LFNEG = ['OAO', 'ОАО', 'OJSC', 'JSC', 'ZAO', 'CJSC', 'LLC', 'ООО', 'OOO', 'ТАА', 'UE', 'УП', 'ЧУП', 'PUE', 'Private Unitary Enterprise', 'Open Joint Stock Company', 'Limited Liability Company']
for c in CITIES:
    for pr in PRODUCTS:
        lf = R.choice(LFNEG)
        addn('N06_company_city_product', f'{lf} {c} {pr}' if R.random() < .5 else f'{c} {pr} {lf}', 'ORGANIZATION')
for b in BRANDS:
    for k in range(8):
        lf = R.choice(LFNEG); qo, qc = R.choice(QUOTES)
        tail = R.choice(['', ' Group', ' Holding', ' Company', ' Trade', ' Bel', ' Plus', ' Invest', ' Engineering', ' Service'])
        addn('N07_company_brand', f'{lf} {qo}{b}{tail}{qc}', 'ORGANIZATION')
# Cyrillic companies
CYR_PROD = ['молочный завод', 'хлебозавод', 'мебельная фабрика', 'мясокомбинат', 'пивзавод', 'швейная фабрика', 'строительный трест', 'типография', 'птицефабрика', 'консервный завод']
CYR_CITY = ['Минский', 'Гродненский', 'Гомельский', 'Брестский', 'Витебский', 'Могилёвский', 'Пинский', 'Лидский', 'Слуцкий', 'Оршанский']
for c in CYR_CITY:
    for pr in CYR_PROD:
        addn('N08_company_cyr', f'{R.choice(["ОАО", "ЗАО", "ООО", "УП", "ЧУП", "ТАА"])} «{c} {pr}»', 'ORGANIZATION')
seen = set(); NN = []
for q in N:
    if q['name'] not in seen: seen.add(q['name']); NN.append(q)
with open('negatives.jsonl', 'w') as f:
    for i, q in enumerate(NN):
        q['qid'] = 'N%06d' % i; f.write(json.dumps(q, ensure_ascii=False) + '\n')
import collections
print(len(QQ), 'listed variants;', len(NN), 'negatives')
print(collections.Counter(q['family'] for q in NN))
