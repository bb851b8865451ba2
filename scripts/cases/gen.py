#!/usr/bin/env python3
"""Round 28 generator: listed variants (families 1-5) -> queries_listed.jsonl, unlisted (family 6) -> queries_unlisted.jsonl.
Each query: id, fam, sub, bucket (fair/hard/overlap), name, type, expect (list of entity ids, the source entity + its cross-list links)."""
import json, random, re, itertools, collections
from tables import *

random.seed(28)
E = json.load(open('entities.json'))
CYR = re.compile('[\u0400-\u04ff]')


# ---- cross-list links (own, crude): surname skeleton + given-name first consonant
def skel(w):
    w = w.lower()
    if CYR.search(w):
        w = ru_lat(w)
    w = fold(w)
    w = re.sub('([aeiouy])[uw](?=$|[^aeiouy])', r'\1v', w)
    for a, b in (('shch', 's'), ('kh', 'x'), ('zh', 'j'), ('ts', 'c'), ('ch', 'c'), ('sh', 's'), ('h', 'g'), ('w', 'v'), ('z', 's'), ('tz', 'c')):
        w = w.replace(a, b)
    w = re.sub('[^a-z]', '', w)
    w = re.sub('[aeiouyj]', '', w)
    return re.sub(r'(.)\1+', r'\1', w)


def pkeys(e):
    ks = set()
    for n in e['names']:
        if n.get('surname') and n.get('given'):
            ks.add((skel(n['surname']), skel(n['given'])[:2]))
    return ks


def okeys(e):
    return {' '.join(sorted(skel(w) for w in re.findall(r'\w+', n['full']) if len(w) > 3))[:40] for n in e['names']}


links = collections.defaultdict(set)
pk = {e['eid']: pkeys(e) if e['type'] == 'P' else okeys(e) for e in E}
for a, b in itertools.combinations(E, 2):
    if a['type'] == b['type'] and pk[a['eid']] & pk[b['eid']]:
        links[a['eid']].add(b['eid']); links[b['eid']].add(a['eid'])


def expect(e):
    return [e['eid']] + sorted(links[e['eid']])


Q = []
seen = set()


def add(fam, sub, name, typ, e, bucket='fair', note=''):
    name = re.sub(r'\s+', ' ', name).strip()
    key = (fam, sub, name, e['eid'])
    if not name or key in seen:
        return
    seen.add(key)
    Q.append({'id': f'{fam}.{sub}.{len(Q)}', 'fam': fam, 'sub': sub, 'bucket': bucket, 'name': name, 'type': 'PERSON' if typ == 'P' else 'ORGANIZATION',
              'expect': expect(e), 'listed_as': e['names'][0]['full'], 'note': note})


def cap(w):
    return '-'.join(p[:1].upper() + p[1:].lower() for p in w.split('-'))


def latin_person(e):
    """primary Latin name with separate parts (given, patr, surname)."""
    for n in e['names']:
        if n['script'] == 'lat' and n.get('surname') and n.get('given'):
            return n
    return None


def is_belarusian_latin(n):
    return bool(re.search(r'(ia|ya)ksandr|iarh|hor|avich|auna|siar|uladz|ryh|enka$|au$|aliak|yury|ihar', n['full'], re.I))


def ru_cyr_person(e):
    """Russian Cyrillic (given, patr, surname): listed if given, else our reverse transliteration of a Russian-style Latin name."""
    for n in e['names']:
        if n['script'] == 'cyr' and n.get('lang') in ('ru', 'ru?') and n.get('surname') and n.get('given'):
            return n['given'].split()[0], n.get('patr', ''), n['surname'], 'listed'
    for n in e['names']:
        if n['script'] == 'lat' and n.get('surname') and n.get('given') and not is_belarusian_latin(n):
            g = n['given'].split()[0]
            return lat_ru(g), lat_ru(n['patr']) if n.get('patr') else '', cap(lat_ru(n['surname'])), 'ours'
    return None


def be_cyr_person(e):
    for n in e['names']:
        if n['script'] == 'cyr' and n.get('lang') == 'be' and n.get('surname') and n.get('given'):
            return n['given'].split()[0], n.get('patr', ''), n['surname']
    return None


persons = [e for e in E if e['type'] == 'P']
orgs = [e for e in E if e['type'] == 'O']

# ======================= F1 grammatical cases
for e in persons:
    c = ru_cyr_person(e)
    g = e['gender'] or 'M'
    if not c:
        continue
    G, P, S, origin = c
    S = cap(S)
    for case in ('dat', 'gen'):
        Gi, Pi, Si = decl_given(G, g, case), decl_patr(P, g, case) if P else '', decl_surname(S, g, case)
        if (Gi, Pi, Si) == (G, P, S):
            continue  # nothing inflects
        add('F1', f'person_{case}_cyr', f'{Si} {Gi} {Pi}', 'P', e, note=origin)
        add('F1', f'person_{case}_cyr_given_first', f'{Gi} {Pi} {Si}', 'P', e, note=origin)
        add('F1', f'person_{case}_lat', ru_lat(f'{Si} {Gi} {Pi}'), 'P', e, note=origin)
        add('F1', f'person_{case}_lat_upper', ru_lat(f'{Si} {Gi} {Pi}').upper(), 'P', e, note=origin)
    # payment-order wording: "Получатель: ИП ..." is old; use "перевод Ивановой М.П." style? keep full name with preposition
    Gd, Pd, Sd = decl_given(G, g, 'dat'), decl_patr(P, g, 'dat') if P else '', decl_surname(S, g, 'dat')
    add('F1', 'person_dat_cyr_with_preposition', f'перевод {Sd} {Gd} {Pd}', 'P', e, note=origin)

ORG_FORM_RU = {'OJSC': 'ОАО', 'OAO': 'ОАО', 'CJSC': 'ЗАО', 'ZAO': 'ЗАО', 'JSC': 'АО', 'LLC': 'ООО', 'OOO': 'ООО', 'RUE': 'РУП'}


def org_brand(e):
    """(legal form abbrev Cyrillic, brand word Latin) for orgs whose Latin name is FORM + one or two brand words."""
    out = []
    for n in e['names']:
        if n['script'] != 'lat':
            continue
        w = n['full'].replace('"', ' ').replace("'", ' ').split()
        forms = [x for x in w if x.upper() in ORG_FORM_RU]
        rest = [x for x in w if x.upper() not in ORG_FORM_RU]
        if forms and len(rest) == 1 and len(rest[0]) >= 4 and re.fullmatch(r'[A-Za-z-]+', rest[0]):
            out.append((ORG_FORM_RU[forms[0].upper()], forms[0].upper(), rest[0]))
    return out


def lat_brand_decl(w, case):
    lw = w.lower()
    up = (lambda x: x.upper()) if w.isupper() else (lambda x: x)
    if re.search('(iy|yi|ij)$', lw): b = w[:-2]; return b + up('iya' if case == 'gen' else 'iyu')
    if lw.endswith('i'): return w + up('ya' if case == 'gen' else 'yu')
    if lw.endswith('a'): return w[:-1] + up('y' if case == 'gen' else 'e')
    if lw[-1] in 'aeiouy': return w
    return w + up('a' if case == 'gen' else 'u')


for e in orgs:
    for n in e['names']:
        if n['script'] == 'cyr' and not re.search(r'Russian|Belarus|[()]', n['full']):
            nf = n['full']
            m = re.search(r'[«"“](.+?)[»"”]', nf)
            words = nf.split()
            # descriptive words declined, quoted name kept (correct grammar)
            for case, k in (('gen', 0), ('dat', 1)):
                out, changed = [], False
                inq = False
                for w in words:
                    if w.startswith(('«', '"', '“')): inq = True
                    lw = w.lower()
                    adj = re.search('(ое|ый|ий|ая|ой)$', lw) and not inq and len(lw) > 4
                    if not inq and (lw in ORG_WORDS or adj):
                        if lw in ORG_WORDS:
                            x = ORG_WORDS[lw][k]
                        elif lw.endswith('ая'):
                            x = lw[:-2] + 'ой'
                        else:
                            x = lw[:-2] + ('ого' if k == 0 else 'ому')
                        x = x.upper() if w.isupper() else (x.capitalize() if w[0].isupper() else x)
                        changed |= x != w
                        out.append(x)
                    else:
                        out.append(w)
                    if w.endswith(('»', '"', '”')): inq = False
                if changed:
                    s = ' '.join(out)
                    add('F1', f'org_{case}_cyr_descriptive', s, 'O', e)
                    add('F1', f'org_{case}_lat_descriptive', ru_lat(s.replace('«', '"').replace('»', '"')), 'O', e)
            # colloquial: brand itself inflected, quotes dropped ("ОАО Беларуськалия")
            if m and len(m.group(1).split()) == 1:
                brand = m.group(1)
                pre = nf[:m.start()].strip()
                form = pre if len(pre) <= 5 else ''
                for case in ('gen', 'dat'):
                    b = decl_brand(brand, case)
                    if b != brand:
                        add('F1', f'org_{case}_cyr_brand', f'{form} {b}', 'O', e)
                        add('F1', f'org_{case}_lat_brand', ru_lat(f'{form} {b}'), 'O', e)
            elif len(words) <= 3 and words[0].upper() in ('ОАО', 'ЗАО', 'ООО', 'АО', 'ААТ', 'ЗАТ', 'ТАА', 'РУП', 'УП') and len(words) == 2:
                for case in ('gen', 'dat'):
                    b = decl_brand(words[1], case)
                    if b != words[1]:
                        add('F1', f'org_{case}_cyr_brand', f'{words[0]} {b}', 'O', e)
                        add('F1', f'org_{case}_lat_brand', ru_lat(f'{words[0]} {b}'), 'O', e)
    for cform, lform, brand in org_brand(e):
        for case in ('gen', 'dat'):
            b = lat_brand_decl(brand, case)
            add('F1', f'org_{case}_lat_brand_from_latin', f'{lform} {b}', 'O', e)
            add('F1', f'org_{case}_cyr_brand_from_latin', f'{cform} {decl_brand(lat_ru(brand), case)}', 'O', e)


# ======================= F2 typos / OCR, one edit in one word
def edits(w):
    out = []
    L = len(w)
    lo = w.lower()
    pos = [i for i in range(1, L) if w[i].isalpha()]  # not the first letter (fair)
    if not pos:
        return out
    i = random.choice(pos)
    nb = kb_neighbours(w[i])
    if nb:
        c = random.choice(nb)
        out.append(('kb_adjacent', w[:i] + (c.upper() if w[i].isupper() else c) + w[i + 1:]))
    out.append(('double_letter', w[:i] + w[i] + w[i:]))
    j = random.choice(pos)
    out.append(('dropped_letter', w[:j] + w[j + 1:]))
    if L >= 6:
        k = random.choice([p for p in range(1, L - 1) if w[p].isalpha() and w[p + 1].isalpha() and w[p] != w[p + 1]] or [1])
        out.append(('transposition', w[:k] + w[k + 1] + w[k] + w[k + 2:]))
    for a, b in OCR:
        idx = [m.start() for m in re.finditer(re.escape(a), w)]
        if idx:
            p = random.choice(idx)
            out.append((f'ocr_{a}>{b}', w[:p] + b + w[p + len(a):]))
    return out


for e in E:
    for n in e['names'][:3]:
        if n['script'] != 'lat':
            continue
        words = n['full'].split()
        cand = [i for i, w in enumerate(words) if re.fullmatch(r"[A-Za-z'-]+", w) and len(w) >= 3]
        if not cand:
            continue
        # the surname (persons) or the longest distinctive word (orgs)
        if e['type'] == 'P' and n.get('surname'):
            wi = len(words) - 1 if words[-1] == n['surname'].split()[-1] else max(cand, key=lambda i: len(words[i]))
        else:
            wi = max(cand, key=lambda i: len(words[i]))
        w = words[wi]
        ocr_seen = set()
        for kind, nw in edits(w):
            if kind.startswith('ocr'):
                if kind in ocr_seen: continue
                ocr_seen.add(kind)
            q = ' '.join(words[:wi] + [nw] + words[wi + 1:])
            hard = len(w) <= 4 or (e['type'] == 'P' and len(re.sub(r'\W', '', n['full'])) < 9)
            add('F2', kind if not kind.startswith('ocr') else 'ocr', q, e['type'], e, 'hard' if hard else ('fair-rare' if kind in ('ocr_n>ri', 'ocr_u>ii', 'ocr_h>b', 'ocr_e>c') else 'fair'), note=kind)
        break  # one listed name per entity

# ======================= F3 name layouts (persons)
for e in persons:
    n = latin_person(e)
    if not n:
        continue
    G = n['given'].split()[0]; P = n.get('patr', ''); S = n['surname']
    Gc, Sc, Pc = cap(G), cap(S), cap(P)
    if P:
        add('F3', 'SURNAME, Given P.', f'{S.upper()}, {Gc} {P[0].upper()}.', 'P', e)
        add('F3', 'Given P. Surname', f'{Gc} {P[0].upper()}. {Sc}', 'P', e)
        add('F3', 'Surname G P (no dots)', f'{Sc} {G[0].upper()} {P[0].upper()}', 'P', e, note='initials: REVIEW expected')
        add('F3', 'G.P.Surname (no space)', f'{G[0].upper()}.{P[0].upper()}.{Sc}', 'P', e, note='initials: REVIEW expected')
        add('F3', 'patronymic abbreviated Latin', f'{Gc} {Pc[:4]}. {Sc}', 'P', e)
        add('F3', 'joined no spaces (full)', f'{Gc}{Pc}{Sc}', 'P', e, 'hard')
    add('F3', 'Surname G. (given initial only)', f'{Sc} {G[0].upper()}.', 'P', e, note='initials: REVIEW expected')
    add('F3', 'SURNAME G (no dot)', f'{S.upper()} {G[0].upper()}', 'P', e, note='initials: REVIEW expected')
    add('F3', 'joined no spaces (given+surname)', f'{Gc}{Sc}'.upper(), 'P', e)
    add('F3', 'joined lower (given+surname)', f'{G}{S}'.lower(), 'P', e)
    add('F3', 'camelCase given+surname', f'{Gc}{Sc}', 'P', e)
    add('F3', 'camelCase surname+given', f'{Sc}{Gc}', 'P', e)
    add('F3', 'email given.surname', f'{G}.{S}'.lower(), 'P', e)
    add('F3', 'email surname_given', f'{S}_{G}'.lower(), 'P', e)
    add('F3', 'email with domain', f'{G}.{S}@mail.by'.lower(), 'P', e)
    add('F3', 'email initial+surname', f'{G[0]}{S}'.lower(), 'P', e, 'hard', note='initial only')
    c = ru_cyr_person(e)
    if c and c[1]:
        Gr, Pr, Sr, origin = c
        add('F3', 'patronymic abbreviated Cyrillic', f'{cap(Sr)} {Gr} {Pr[:4]}.', 'P', e, note=origin)
        add('F3', 'Cyrillic Surname И.О.', f'{cap(Sr)} {Gr[0]}.{Pr[0]}.', 'P', e, note='initials: REVIEW expected, ' + origin)

# ======================= F4 other languages' renderings
for e in persons:
    c = ru_cyr_person(e)
    g = e['gender'] or 'M'
    if c:
        G, P, S, origin = c
        Gu = UKR_GIVEN.get(G)
        if Gu:
            Pu = uk_word(P) if P else ''
            Su = uk_word(cap(S))
            add('F4', 'ukrainian_cyrillic', f'{Gu} {Pu} {Su}', 'P', e, note=origin)
            add('F4', 'ukrainian_cyrillic_no_patr', f'{Gu} {Su}', 'P', e, note=origin)
            add('F4', 'ukrainian_national_latin', uk_lat(f'{Gu} {Pu} {Su}'), 'P', e, 'overlap?', note=origin)
            add('F4', 'ukrainian_national_latin_no_patr', uk_lat(f'{Gu} {Su}'), 'P', e, 'overlap?', note=origin)
    b = be_cyr_person(e)
    if b:
        G, P, S = b
        full = f'{G} {P} {cap(S)}'
        lac = ' '.join(cap(x) for x in be_lacinka(full).split())
        add('F4', 'lacinka_ascii_folded', fold(lac), 'P', e)
        add('F4', 'lacinka_ascii_folded_no_patr', ' '.join(cap(x) for x in fold(be_lacinka(f'{G} {cap(S)}')).split()), 'P', e)
        add('F4', 'lacinka_ascii_upper_surname_first', fold(be_lacinka(f'{cap(S)} {G}')).upper(), 'P', e)
        add('F4', 'lacinka_diacritics', lac, 'P', e, 'overlap', note='scripts/attack did Lacinka')
    # Czech press transcription of the Russian form (own rules on the Russian Latin)
    if c:
        G, P, S, origin = c
        def cz(s):
            t = ru_lat(s).lower()
            for a, bb in (('shch', 'šč'), ('ch', 'č'), ('kh', 'ch'), ('zh', 'ž'), ('ts', 'c'), ('sh', 'š'), ('yu', 'ju'), ('ya', 'ja'), ('ye', 'je'), ('yo', 'jo'), ('iy', 'ij'), ('y', 'y')):
                t = t.replace(a, bb)
            return ' '.join(cap(w) for w in t.split())
        z = cz(f'{G} {P} {cap(S)}')
        add('F4', 'czech_diacritics', z, 'P', e, note=origin)
        add('F4', 'czech_ascii_folded', fold(z), 'P', e, note=origin)

# ======================= F5 organisations
EN = {'zavod': 'Plant', 'avtomobilnyi': 'Automobile', 'avtomobilny': 'Automobile', 'traktornyi': 'Tractor', 'traktorny': 'Tractor',
      'belarusski': 'Belarusian', 'belorusskiy': 'Belarusian', 'belaruski': 'Belarusian', 'minskiy': 'Minsk', 'minski': 'Minsk',
      'metallurgicheskiy': 'Metallurgical', 'kompaniya': 'Company', 'gosudarstvennyy': 'State', 'natsionalnyy': 'National',
      'obshchestvo': 'Company', 'predpriyatie': 'Enterprise', 'unitarnoe': 'Unitary', 'respublikanskoe': 'Republican',
      'optiko-mekhanicheskoe': 'Optical and Mechanical', 'obedinenie': 'Association', 'ob\'edinenie': 'Association', 'nauchno': 'Scientific',
      'proizvodstvennoe': 'Production', 'upravlyayushchaya': 'Management', 'kholdinga': 'of Holding', 'koncern': 'Concern', 'kontsern': 'Concern'}
EN_REV = {'plant': 'Zavod', 'automobile': 'Avtomobilny', 'tractor': 'Traktorny', 'belarusian': 'Belorusskiy', 'works': 'Zavod', 'state': 'Gosudarstvennoe',
          'company': 'Kompaniya', 'enterprise': 'Predpriyatie', 'republican': 'Respublikanskoe', 'unitary': 'Unitarnoe', 'national': 'Natsionalny',
          'bank': 'Bank', 'joint': 'Aktsionernoe', 'stock': '', 'open': 'Otkrytoe', 'closed': 'Zakrytoe', 'production': 'Proizvodstvennoe',
          'association': "Ob'edinenie", 'research': 'Nauchno-issledovatelsky', 'institute': 'Institut', 'steel': 'Metallurgichesky',
          'chemical': 'Khimichesky', 'oil': 'Neftyanoy', 'refinery': 'NPZ', 'committee': 'Komitet', 'security': 'Bezopasnosti',
          'wheel': 'Kolesny', 'tractors': 'Traktorov', 'minsk': 'Minsky', 'holding': 'Kholding', 'management': 'Upravlyayushchaya',
          'of': '', 'the': '', 'and': 'i', 'limited': 'Ogranichennoy', 'liability': 'Otvetstvennostyu'}
GOODS = ['potash', 'fertilizer', 'spare parts', 'steel wire', 'tyres', 'consulting services', 'equipment', 'transport services', 'timber', 'machinery']
TEMPL_EN = ['payment for {g} to {n} under contract {k}', 'INV {k} {g} {n} prepayment', '/RFB/contract {k}/{n}/{g}',
            'transfer to {n} for {g} inv. no {k} dd 12.03.2024']
TEMPL_RU = ['оплата за {g} по договору № {k} {n}', 'предоплата {n} по счету {k}']
GOODS_RU = ['калий', 'удобрения', 'запчасти', 'оборудование', 'услуги']
for e in orgs:
    names = e['names']
    lat = [n['full'] for n in names if n['script'] == 'lat']
    cyr = [n['full'] for n in names if n['script'] == 'cyr']
    # translation direction: a transliterated name -> English via our table, and an English name -> transliteration
    for nf in lat[:4]:
        ws = re.findall(r"[\w'-]+", nf)
        if sum(w.lower() in EN for w in ws) >= 2:
            t = ' '.join(EN.get(w.lower(), w) for w in ws)
            if t.lower() != nf.lower():
                add('F5', 'translit->english', t, 'O', e)
        if sum(w.lower() in EN_REV for w in ws) >= 2 and sum(w.lower() in ('of', 'the') for w in ws) >= 0:
            t = ' '.join(x for x in (EN_REV.get(w.lower(), w) for w in ws) if x)
            if t.lower() != nf.lower() and len(t) > 3:
                add('F5', 'english->translit', t, 'O', e, 'hard', note='word-for-word')
    # acronyms the list gives (a one-word alias in capitals, or in brackets)
    acr = set()
    for nf in lat:
        for m in re.findall(r'\b([A-Z][A-Za-z]{1,6})\b', nf):
            if (m.isupper() or re.fullmatch(r'[A-Z][a-z]+[A-Z]+', m)) and len(m) >= 3 and m.upper() not in ('OJSC', 'JSC', 'LLC', 'CJSC', 'OAO', 'ZAO', 'OOO', 'RUE', 'THE', 'AND', 'LTD', 'SPZOO', 'ODO', 'FLLC', 'JLLC', 'PJSC', 'CO', 'UE', 'SUE', 'JV', 'IOOO', 'OF'):
                if not re.search(r'\b' + m + r'\b', nf.upper().replace(m.upper(), '', 1)) and len(nf.split()) >= 1:
                    if nf.strip().upper() == m.upper() or re.search(r'\(' + m + r'\)', nf) or re.fullmatch(r'[A-Z][a-z]+[A-Z]+', m) or nf.isupper() is False:
                        acr.add(m)
    for nf in lat:
        if len(nf.split()) == 1 and nf.isupper() and 3 <= len(nf) <= 8:
            acr.add(nf)
    for a in sorted(acr):
        add('F5', 'acronym + town', f'{a.upper()} MINSK', 'O', e)
        add('F5', 'acronym with goods', f'payment for {random.choice(GOODS)} to {a}', 'O', e, 'hard', note='acronym inside free text')
    # the name inside a payment reference
    for nf in lat[:2]:
        core = re.sub(r'\b(OJSC|JSC|CJSC|LLC|OAO|ZAO|OOO|Open Joint Stock Company|Joint Stock Company|Limited Liability Company|Closed Joint Stock Company)\b', '', nf, flags=re.I).strip(' ,"\'')
        if not core:
            continue
        short = f'{core} OAO' if len(core.split()) <= 3 else core
        t = random.choice(TEMPL_EN)
        add('F5', 'name inside payment reference (en)', t.format(g=random.choice(GOODS), n=short, k=random.randint(1, 999)), 'O', e)
        add('F5', 'full listed name inside reference (en)', f'payment for {random.choice(GOODS)} to {nf} under contract {random.randint(1, 99)}', 'O', e)
    for nf in cyr[:1]:
        t = random.choice(TEMPL_RU)
        add('F5', 'name inside payment reference (ru)', t.format(g=random.choice(GOODS_RU), n=nf, k=random.randint(1, 999)), 'O', e)
for e in persons:
    n = latin_person(e)
    if n:
        add('F5', 'person inside payment reference (en)', f'salary transfer to {n["full"]} for March', 'P', e)
        add('F5', 'person inside payment reference (en, surname first)', f'loan repayment {n["surname"].upper()} {n["given"].upper()} contract {random.randint(1, 99)}', 'P', e)

if __name__ == "__main__":
    with open("queries_listed.jsonl", "w") as f:
        for q in Q:
            f.write(json.dumps(q, ensure_ascii=False) + '\n')
    c = collections.Counter((q['fam'], q['sub']) for q in Q)
    for k in sorted(c):
        print(k, c[k])
    print('total', len(Q))
