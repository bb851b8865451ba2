# Own variant generator for Belarus-regime names.  Writes cases.jsonl
import json, os, random, re, unicodedata, itertools
from lists import load, CYR

R = random.Random(4949)
E = load()

VOW = set('aeiouyAEIOUY')
KB = {}
rows = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm']
for ri, row in enumerate(rows):
    for ci, c in enumerate(row):
        nb = []
        if ci > 0: nb.append(row[ci - 1])
        if ci < len(row) - 1: nb.append(row[ci + 1])
        for dr in (-1, 1):
            if 0 <= ri + dr < 3:
                r2 = rows[ri + dr]
                for dc in (0, 1) if dr == -1 else (-1, 0):
                    if 0 <= ci + dc < len(r2): nb.append(r2[ci + dc])
        KB[c] = nb


def keep_case(src, new):
    return new.upper() if src.isupper() else new


# ---------------------------------------------------------------- typo operators on one word
def drop_vowel(w):
    idx = [i for i, c in enumerate(w) if c in VOW and 0 < i]
    if not idx or len(w) < 4: return None
    i = R.choice(idx); return w[:i] + w[i + 1:]


def swap(w):
    if len(w) < 4: return None
    i = R.randrange(1, len(w) - 1)
    if w[i] == w[i + 1]: return None
    return w[:i] + w[i + 1] + w[i] + w[i + 2:]


def double(w):
    if len(w) < 3: return None
    i = R.randrange(1, len(w)); return w[:i] + w[i] + w[i:]


def keyboard(w):
    idx = [i for i, c in enumerate(w) if c.lower() in KB and i > 0]
    if not idx or len(w) < 4: return None
    i = R.choice(idx); c = w[i]
    n = R.choice(KB[c.lower()])
    return w[:i] + (n.upper() if c.isupper() else n) + w[i + 1:]


def insert_punct(w):
    if len(w) < 5: return None
    i = R.randrange(2, len(w) - 1)
    return w[:i] + R.choice(['-', ' ', '.', '-']) + w[i:]


TYPO = {'typo_vowel_drop': drop_vowel, 'typo_swap': swap, 'typo_double': double,
        'typo_keyboard': keyboard, 'intraword_punct': insert_punct}

# ---------------------------------------------------------------- script operators
LAT2CYR = [('shch', 'щ'), ('sch', 'щ'), ('zh', 'ж'), ('kh', 'х'), ('ts', 'ц'), ('tz', 'ц'), ('ch', 'ч'), ('sh', 'ш'),
           ('yu', 'ю'), ('iu', 'ю'), ('ya', 'я'), ('ia', 'я'), ('yo', 'ё'), ('io', 'ё'), ('ye', 'е'), ('ie', 'е'),
           ('iy', 'ий'), ('yy', 'ый'), ('ey', 'ей'), ('ay', 'ай'), ('oy', 'ой'), ('uy', 'уй'), ('ei', 'ей'), ('ai', 'ай'), ('oi', 'ой'),
           ('dz', 'дз'), ('x', 'кс'), ('a', 'а'), ('b', 'б'), ('v', 'в'), ('w', 'в'), ('g', 'г'), ('h', 'г'), ('d', 'д'),
           ('e', 'е'), ('z', 'з'), ('i', 'и'), ('j', 'й'), ('k', 'к'), ('l', 'л'), ('m', 'м'), ('n', 'н'), ('o', 'о'),
           ('p', 'п'), ('r', 'р'), ('s', 'с'), ('t', 'т'), ('u', 'у'), ('f', 'ф'), ('c', 'к'), ('q', 'к'), ('y', 'ы'), ("'", 'ь')]


def to_cyr_word(w, belarusian=False):
    lw = w.lower(); out = []; i = 0
    while i < len(lw):
        for a, b in LAT2CYR:
            if lw.startswith(a, i):
                if a == 'y' and (i == 0 or i == len(lw) - 1 and out and out[-1] in 'аеоуиы'):
                    b = 'й' if i else 'и'
                if a == 'e' and i == 0: b = 'э'
                if a in ('ye', 'ie') and i == 0: b = 'е'
                if belarusian:
                    if a == 'u' and out and out[-1] in 'аеоэяюё': b = 'ў'
                    if b == 'и': b = 'і'
                    if a == 'e' and i > 0: b = 'э'
                    if b == 'щ': b = 'шч'
                    if b == 'ий': b = 'і'
                out.append(b); i += len(a); break
        else:
            out.append(lw[i]); i += 1
    s = ''.join(out)
    if w.isupper(): return s.upper()
    if w[:1].isupper(): return s[:1].upper() + s[1:]
    return s


def to_cyr(name, by=False):
    return ' '.join(to_cyr_word(t, by) if re.search('[A-Za-z]', t) else t for t in name.split())


HOMO = {'a': 'а', 'e': 'е', 'o': 'о', 'p': 'р', 'c': 'с', 'x': 'х', 'y': 'у', 'i': 'і', 'A': 'А', 'B': 'В', 'E': 'Е',
        'K': 'К', 'M': 'М', 'H': 'Н', 'O': 'О', 'P': 'Р', 'C': 'С', 'T': 'Т', 'X': 'Х', 'I': 'І', 'S': 'Ѕ', 'J': 'Ј'}


def homoglyph(name, k):
    idx = [i for i, c in enumerate(name) if c in HOMO]
    if not idx: return None
    pick = idx if k == 'all' else R.sample(idx, min(k, len(idx)))
    return ''.join(HOMO[c] if i in pick else c for i, c in enumerate(name))


def fullwidth(name):
    return ''.join(chr(ord(c) + 0xFEE0) if '!' <= c <= '~' else ('\u3000' if c == ' ' else c) for c in name)


ACC = {'a': 'áàâä', 'e': 'éèêë', 'i': 'íìï', 'o': 'óöô', 'u': 'úüù', 'c': 'č', 's': 'š', 'z': 'ž', 'n': 'ñ', 'y': 'ý',
       'A': 'ÁÄ', 'E': 'ÉË', 'O': 'ÖÓ', 'U': 'ÜÚ', 'S': 'Š', 'Z': 'Ž', 'C': 'Č', 'I': 'Í'}


def accented(name, k=2):
    idx = [i for i, c in enumerate(name) if c in ACC]
    if not idx: return None
    pick = R.sample(idx, min(k, len(idx)))
    return ''.join(R.choice(ACC[c]) if i in pick else c for i, c in enumerate(name))


def combining(name):
    return unicodedata.normalize('NFD', accented(name, 3) or name)


# Cyrillic -> Latin, several romanisations the bank may receive
ISO9 = dict(zip('абвгдеёжзийклмнопрстуфхцчшщъыьэюяіў', ['a', 'b', 'v', 'g', 'd', 'e', 'ë', 'ž', 'z', 'i', 'j', 'k', 'l', 'm', 'n', 'o', 'p', 'r', 's', 't', 'u', 'f', 'h', 'c', 'č', 'š', 'ŝ', 'ʺ', 'y', 'ʹ', 'è', 'û', 'â', 'ì', 'ŭ']))
ICAO = dict(zip('абвгдеёжзийклмнопрстуфхцчшщъыьэюяіў', ['a', 'b', 'v', 'g', 'd', 'e', 'e', 'zh', 'z', 'i', 'i', 'k', 'l', 'm', 'n', 'o', 'p', 'r', 's', 't', 'u', 'f', 'kh', 'ts', 'ch', 'sh', 'shch', 'ie', 'y', '', 'e', 'iu', 'ia', 'i', 'u']))
DUDEN = dict(zip('абвгдеёжзийклмнопрстуфхцчшщъыьэюяіў', ['a', 'b', 'w', 'g', 'd', 'e', 'jo', 'sch', 's', 'i', 'j', 'k', 'l', 'm', 'n', 'o', 'p', 'r', 's', 't', 'u', 'f', 'ch', 'z', 'tsch', 'sch', 'schtsch', '', 'y', '', 'e', 'ju', 'ja', 'i', 'u']))
POL = dict(zip('абвгдеёжзийклмнопрстуфхцчшщъыьэюяіў', ['a', 'b', 'w', 'h', 'd', 'e', 'io', 'ż', 'z', 'i', 'j', 'k', 'ł', 'm', 'n', 'o', 'p', 'r', 's', 't', 'u', 'f', 'ch', 'c', 'cz', 'sz', 'szcz', '', 'y', '', 'e', 'iu', 'ia', 'i', 'ŭ']))


def romanise(s, table):
    out = []
    for k, c in enumerate(s):
        lc = c.lower()
        if lc in table:
            r = table[lc]
            nxt = s[k + 1:k + 2]
            if c.isupper():
                r = r.upper() if (nxt.isupper() or (not nxt.isalpha() and k > 0 and s[k - 1].isupper())) else r[:1].upper() + r[1:]
            out.append(r)
        else:
            out.append(c)
    return ''.join(out)


# ---------------------------------------------------------------- given-name equivalents (own table)
EQUIV = [
    ['Aleksandr', 'Alexander', 'Aliaksandr', 'Alyaksandr', 'Alexandr', 'Oleksandr', 'Aleksander'],
    ['Aleksei', 'Alexei', 'Alexey', 'Aleksey', 'Aliaksei', 'Alexej'], ['Dmitry', 'Dmitri', 'Dmitriy', 'Dzmitry', 'Dzmitriy', 'Dmitrij'],
    ['Sergei', 'Sergey', 'Siarhei', 'Sergiy', 'Serhii', 'Siarhey'], ['Vladimir', 'Uladzimir', 'Wladimir', 'Volodymyr', 'Vladimer'],
    ['Viktor', 'Victor', 'Viktar', 'Wiktor'], ['Nikolai', 'Nikolay', 'Mikalai', 'Mikalay', 'Mykola', 'Nicolai'],
    ['Andrei', 'Andrey', 'Andrej', 'Andrzej', 'Andrii', 'Andrew'], ['Yuri', 'Yury', 'Yuriy', 'Iouri', 'Juri', 'Jurij'],
    ['Igor', 'Ihar', 'Ihor'], ['Pavel', 'Paval', 'Paul', 'Pawel'], ['Mikhail', 'Mikhal', 'Michail', 'Mikhas', 'Michal', 'Michael'],
    ['Ivan', 'Iwan', 'Ivan', 'Jan'], ['Anatoly', 'Anatoli', 'Anatol', 'Anatolii', 'Anatoliy'], ['Oleg', 'Aleh', 'Oleh'],
    ['Valery', 'Valeri', 'Valeriy', 'Valer', 'Valerii'], ['Vasily', 'Vasili', 'Vasil', 'Vasyl', 'Wasilij'],
    ['Yevgeny', 'Evgeny', 'Evgeni', 'Yauhen', 'Yevhen', 'Eugene', 'Evgenij'], ['Gennady', 'Genadi', 'Henadz', 'Gennadiy'],
    ['Petr', 'Pyotr', 'Piotr', 'Peter', 'Piatro'], ['Natalia', 'Natalya', 'Natallia', 'Nataliya'], ['Olga', 'Volha', 'Olha'],
    ['Elena', 'Yelena', 'Alena', 'Helena', 'Alyona', 'Olena'], ['Tatiana', 'Tatyana', 'Tatsiana', 'Tetiana'],
    ['Svetlana', 'Sviatlana', 'Svyatlana', 'Swetlana'], ['Leonid', 'Leanid'], ['Konstantin', 'Kanstantsin', 'Kostiantyn', 'Constantin'],
    ['Roman', 'Raman'], ['Maxim', 'Maksim', 'Maksym'], ['Grigory', 'Ryhor', 'Hryhoriy', 'Grigori'], ['Georgy', 'Georgiy', 'Heorhi'],
    ['Vyacheslav', 'Viachaslau', 'Vyacheslau', 'Wiaczeslaw'], ['Stanislav', 'Stanislau', 'Stanislaw'], ['Yaroslav', 'Yaraslau', 'Jaroslaw'],
    ['Vitaly', 'Vitali', 'Vitaliy', 'Vital'], ['Ilya', 'Ilia', 'Ilja'], ['Irina', 'Iryna', 'Irena'], ['Marina', 'Maryna'],
    ['Lyudmila', 'Ludmila', 'Liudmila', 'Lyudmyla'], ['Anna', 'Hanna', 'Ganna'], ['Valentin', 'Valiantsin', 'Walentin'],
    ['Semyon', 'Siamion', 'Semen'], ['Anton', 'Antan'], ['Vadim', 'Vadzim'], ['Denis', 'Dzianis', 'Denys'], ['Artem', 'Artyom', 'Artsiom'],
]
EQ = {}
for grp in EQUIV:
    for n in grp:
        EQ.setdefault(n.lower(), set()).update(x for x in grp if x.lower() != n.lower())


def surname_variants(s):
    out = set()
    l = s.lower()
    rules = [('kh', 'h'), ('kh', 'ch'), ('y', 'i'), ('sky', 'ski'), ('skiy', 'ski'), ('ski', 'sky'), ('enka', 'enko'),
             ('enko', 'enka'), ('ya', 'ia'), ('ia', 'ya'), ('yu', 'iu'), ('iu', 'yu'), ('ts', 'tz'), ('v', 'w'), ('sh', 'sch'),
             ('ch', 'tsch'), ('ov', 'off'), ('ev', 'eff'), ('ich', 'icz'), ('sh', 'sz'), ('ch', 'cz'), ('au', 'ov'), ('ou', 'ov'),
             ('ei', 'ey'), ('ey', 'ei'), ('e', 'ie'), ('j', 'y'), ('x', 'ks'), ('ks', 'x')]
    for a, b in rules:
        if a in l:
            i = l.rfind(a) if a in ('ov', 'ev', 'sky', 'skiy', 'enka', 'enko', 'au', 'ou') else l.find(a)
            n = l[:i] + b + l[i + len(a):]
            out.add(n)
    return [keep_case(s, n.capitalize()) for n in out if n != l]


# ---------------------------------------------------------------- org helpers
LEGAL = ['open joint stock company', 'open joint-stock company', 'closed joint stock company', 'closed joint-stock company',
         'joint stock company', 'joint-stock company', 'limited liability company', 'private unitary enterprise',
         'republican unitary enterprise', 'state enterprise', 'unitary enterprise', 'ojsc', 'oao', 'jsc', 'cjsc', 'zao', 'llc',
         'ooo', 'pjsc', 'ue', 'rue', 'ltd', 'inc', 'inc.', 'ltd.', 'co.', 'company', 'oajsc', 'jllc', 'sooo', 'odo', 'llc.', 'co']
NEWLEGAL_PRE = ['OOO', 'OAO', 'ZAO', 'JSC', 'LLC', 'OJSC', 'ООО', 'ОАО', 'ЗАО', 'UAB', 'Sp. z o.o.', 'AO', 'PAO', 'TOO']
NEWLEGAL_POST = ['LLC', 'Ltd', 'Ltd.', 'GmbH', 'Inc.', 'JSC', 'OJSC', 'Sp. z o.o.', 'S.A.', 'LLP', 'Holding', 'Group', 'Co. Ltd', 'SIA', 'FZE']


def strip_legal(n):
    s = re.sub(r'["“”«»\'‘’]', '', n)
    changed = True
    while changed:
        changed = False
        for lf in sorted(LEGAL, key=len, reverse=True):
            for pat in (r'^\s*' + re.escape(lf) + r'\b[\s,]*', r'[\s,]*\b' + re.escape(lf) + r'\s*$'):
                s2 = re.sub(pat, '', s, flags=re.I)
                if s2 != s and s2.strip():
                    s = s2; changed = True
    return re.sub(r'\s+', ' ', s).strip(' ,')


ABBR = {'belarusian': 'Bel.', 'republican': 'Rep.', 'enterprise': 'Ent.', 'company': 'Co.', 'plant': 'Pl.', 'research': 'Res.',
        'institute': 'Inst.', 'international': 'Intl', 'management': 'Mgmt', 'production': 'Prod.', 'association': 'Assn.',
        'corporation': 'Corp.', 'limited': 'Ltd', 'republic': 'Rep.', 'national': 'Natl', 'ministry': 'Min.', 'department': 'Dept.',
        'scientific': 'Sci.', 'design': 'Des.', 'bureau': 'Bur.', 'minsk': 'Mn.', 'holding': 'Hldg', 'automobile': 'Auto',
        'factory': 'Fact.', 'state': 'St.', 'trading': 'Trdg', 'engineering': 'Eng.', 'open': 'O.', 'joint': 'J.', 'stock': 'S.'}


def acronym(core):
    ws = [w for w in re.split(r'[\s\-]+', core) if w and w.lower() not in ('of', 'the', 'and', 'for', 'named', 'after')]
    if len(ws) < 2: return None
    return ''.join(w[0].upper() for w in ws)


# ---------------------------------------------------------------- emit
cases = []


def emit(fam, e, name, ptype=None, dob='', country='', note=''):
    if not name or not name.strip(): return
    cases.append(dict(family=fam, query=name, type=ptype or e['type'], dob=dob, country=country, expect_id=e['id'],
                      expect_name=e['listed'], src=e['src'], note=note))


def shuffles(toks, k):
    out = []
    for _ in range(20):
        p = list(toks); R.shuffle(p)
        if p != list(toks) and p not in out: out.append(p)
        if len(out) >= k: break
    return out


def longest_idx(toks):
    return max(range(len(toks)), key=lambda i: len(toks[i]))


def iso_dob(d):
    if not d: return None
    m = re.match(r'(\d{1,2}) (\w{3}) (\d{4})', d)
    MON = dict(Jan=1, Feb=2, Mar=3, Apr=4, May=5, Jun=6, Jul=7, Aug=8, Sep=9, Oct=10, Nov=11, Dec=12)
    if m: return '%s-%02d-%02d' % (m.group(3), MON.get(m.group(2), 1), int(m.group(1)))
    return d


TITLES_PRE = ['Mr', 'Mr.', 'Mrs', 'Ms.', 'Dr.', 'Dr', 'Gen.', 'General', 'Colonel', 'Col.', 'Lt. Col.', 'Major', 'Prof.',
              'Professor', 'Herr', 'Frau', 'Господин', 'Г-н', 'Pan', 'Sir', 'Hon.', 'H.E.', 'Minister', 'Judge', 'Capt.']
TITLES_POST = ['Jr.', 'Sr.', 'PhD', 'III', 'Esq.', 'MBA', 'Ph.D.', 'MD']
WRONG_C = ['Russia', 'RU', 'Poland', 'PL', 'Ukraine', 'Lithuania', 'LV', 'Germany', 'Cyprus', 'AE', 'Kazakhstan', 'US', 'GB']
MIDDLE = ['John', 'Maria', 'Jan', 'Michael', 'Anna', 'Peter', 'Ivan', 'Lee', 'Paul', 'Marie']

for e in E:
    if e['type'] == 'PERSON':
        F, P, S = e['first'], e['patro'], e['sur']
        if not S: continue
        nat = ' '.join(F + P + S)
        sur = ' '.join(S); given = ' '.join(F + P)
        # exact forms
        if e['src'] == 'us-ofac-sdn':
            emit('exact_listed', e, e['listed'])
        else:
            emit('exact_listed', e, e['listed'])
            emit('exact_listed', e, '%s, %s' % (sur, given) if given else sur)
        emit('exact_reversed', e, ('%s %s' % (sur, given)).strip())
        emit('exact_reversed', e, nat)
        emit('case_mangled', e, nat.lower())
        emit('case_mangled', e, nat.upper().replace(' ', '  '))
        emit('case_mangled', e, ('%s,%s' % (sur.upper(), given.upper())))
        for a in e['aliases'][:4]:
            emit('exact_alias', e, a)
        for c in e['cyr'][:3]:
            emit('exact_cyrillic_listed', e, c)
        # titles
        for t in R.sample(TITLES_PRE, 4):
            emit('honorific', e, '%s %s' % (t, nat))
        emit('honorific', e, '%s %s' % (nat, R.choice(TITLES_POST)))
        emit('honorific', e, '%s, %s %s' % (sur.upper(), R.choice(TITLES_PRE), given))
        # typos: on surname and on a random token
        toks = F + P + S
        for fam, fn in TYPO.items():
            done = set()
            for tgt in ('sur', 'any', 'sur2'):
                tt = list(toks)
                i = len(F + P) + longest_idx(S) if tgt != 'any' else R.randrange(len(tt))
                v = fn(tt[i])
                if v and v != tt[i]:
                    tt[i] = v; q = ' '.join(tt)
                    if q not in done: done.add(q); emit(fam, e, q)
        # two typos at once
        tt = list(toks); i = len(F + P) + longest_idx(S)
        v = swap(tt[i]); v = drop_vowel(v) if v else None
        if v: tt[i] = v; emit('typo_double_error', e, ' '.join(tt))
        tt = list(toks)
        if len(tt) > 1:
            for j in R.sample(range(len(tt)), 2):
                v = keyboard(tt[j])
                if v: tt[j] = v
            emit('typo_double_error', e, ' '.join(tt))
        # scripts
        emit('cyrillic_ru', e, to_cyr(nat)); emit('cyrillic_ru', e, to_cyr(sur.upper() + ' ' + given))
        emit('cyrillic_by', e, to_cyr(nat, True)); emit('cyrillic_by', e, to_cyr('%s %s' % (sur, ' '.join(F)), True))
        emit('homoglyph_mixed', e, homoglyph(nat, 1)); emit('homoglyph_mixed', e, homoglyph(nat, 3)); emit('homoglyph_mixed', e, homoglyph(nat, 'all'))
        emit('fullwidth', e, fullwidth(nat)); emit('fullwidth', e, fullwidth(sur.upper() + ', ' + given))
        emit('accented', e, accented(nat, 1)); emit('accented', e, accented(nat, 3)); emit('accented', e, combining(nat))
        # re-romanised from listed Cyrillic
        for c in e['cyr'][:2]:
            for fam, tab in (('retranslit_iso9', ISO9), ('retranslit_icao', ICAO), ('retranslit_german', DUDEN), ('retranslit_polish', POL)):
                emit(fam, e, romanise(c, tab))
        # order / structure
        perms = shuffles(toks, 3)
        for p in perms:
            emit('word_shuffle', e, ' '.join(p))
        if F:
            ini = ' '.join(x[0] + '.' for x in F)
            inip = ' '.join(x[0] + '.' for x in F + P)
            emit('given_initial', e, '%s %s' % (ini, sur)); emit('given_initial', e, '%s %s' % (inip.replace(' ', ''), sur))
            emit('given_initial', e, '%s %s' % (sur, inip)); emit('given_initial', e, '%s %s %s' % (ini, ' '.join(P), sur))
        if P and F:
            emit('patronymic_dropped', e, '%s %s' % (' '.join(F), sur)); emit('patronymic_dropped', e, '%s, %s' % (sur.upper(), ' '.join(F)))
        m = R.choice(MIDDLE)
        emit('extra_middle', e, '%s %s %s' % (' '.join(F), m, ' '.join(P + S)))
        emit('extra_middle', e, '%s %s-%s' % (given, sur, R.choice(['Smith', 'Ivanova', 'Kowalski', 'Schmidt'])))
        # romanisation variants
        alts = []
        for t in F:
            for a in sorted(EQ.get(t.lower(), [])):
                alts.append(' '.join([a if x == t else x for x in F] + P + S))
        for q in R.sample(alts, min(3, len(alts))): emit('given_name_equivalent', e, q)
        sv = surname_variants(S[-1])
        for v in R.sample(sv, min(4, len(sv))):
            emit('surname_romanisation', e, ' '.join(F + P + S[:-1] + [v]))
        # with wrong dob / country
        d = iso_dob(e['dob'])
        if d:
            y = int(d[:4])
            emit('wrong_dob', e, nat, dob='%d%s' % (y + R.choice([-7, -5, 4, 9]), d[4:]), note='listed ' + d)
            emit('wrong_dob', e, nat, dob='%d-%02d-%02d' % (y + R.choice([-1, 1]), R.randint(1, 12), R.randint(1, 28)), note='listed ' + d)
            emit('correct_dob_control', e, nat, dob=d)
        else:
            emit('wrong_dob', e, nat, dob='%d-%02d-%02d' % (R.randint(1950, 1990), R.randint(1, 12), R.randint(1, 28)), note='none listed')
        emit('wrong_country', e, nat, country=R.choice(WRONG_C)); emit('wrong_country', e, nat, country=R.choice(WRONG_C))
        emit('wrong_dob_and_country', e, nat, dob='%d-%02d-%02d' % (R.randint(1950, 1995), R.randint(1, 12), R.randint(1, 28)), country=R.choice(WRONG_C))
        emit('type_unspecified', e, nat, ptype='PARTY_TYPE_UNSPECIFIED')
        emit('type_wrong_org', e, nat, ptype='ORGANIZATION')
        # clerk combos
        emit('concatenated', e, ''.join(F + S)); emit('concatenated', e, sur + ''.join(F))
        emit('noise_chars', e, ' '.join(F) + ' ' + sur + ' / ' + R.choice(['MINSK', 'BY', 'acc 40817810', 'ref inv 2231']))
        emit('noise_chars', e, '%s (%s)' % (nat, R.choice(['Mr', 'private person', 'IP', 'beneficiary'])))
    else:  # ORGANIZATION
        n = e['listed']
        core = strip_legal(n)
        emit('exact_listed', e, n)
        for a in e['aliases'][:4]: emit('exact_alias', e, a)
        for c in e['cyr'][:3]: emit('exact_cyrillic_listed', e, c)
        emit('case_mangled', e, n.lower()); emit('case_mangled', e, n.upper())
        # legal form changes
        emit('org_legal_form', e, core, note='stripped')
        for lf in R.sample(NEWLEGAL_PRE, 3): emit('org_legal_form', e, '%s %s' % (lf, core))
        for lf in R.sample(NEWLEGAL_POST, 3): emit('org_legal_form', e, '%s %s' % (core, lf))
        emit('org_legal_form', e, 'Open Joint Stock Company %s' % core)
        emit('org_legal_form', e, '%s, Limited Liability Company' % core)
        # quotes
        emit('org_quotes', e, 'OAO "%s"' % core); emit('org_quotes', e, 'ООО «%s»' % core); emit('org_quotes', e, "JSC '%s'" % core)
        emit('org_quotes', e, '"%s" LLC' % core.upper()); emit('org_quotes', e, '„%s“' % core)
        # abbreviations
        ac = acronym(core)
        if ac: emit('org_acronym', e, ac); emit('org_acronym', e, '%s OJSC' % ac)
        ab = ' '.join(ABBR.get(w.lower(), w) for w in core.split())
        if ab != core: emit('org_abbrev_words', e, ab)
        # typos on the longest word of the core
        ct = core.split()
        if ct:
            for fam, fn in TYPO.items():
                for k in range(2):
                    tt = list(ct); i = longest_idx(tt) if k == 0 else R.randrange(len(tt))
                    v = fn(tt[i])
                    if v and v != tt[i]: tt[i] = v; emit(fam, e, ' '.join(tt))
            emit('cyrillic_ru', e, to_cyr(core)); emit('cyrillic_ru', e, 'ООО ' + to_cyr(core))
            emit('cyrillic_by', e, to_cyr(core, True))
            emit('homoglyph_mixed', e, homoglyph(core, 1)); emit('homoglyph_mixed', e, homoglyph(n, 3)); emit('homoglyph_mixed', e, homoglyph(core, 'all'))
            emit('fullwidth', e, fullwidth(n)); emit('accented', e, accented(core, 2)); emit('accented', e, combining(core))
            for c in e['cyr'][:2]:
                for fam, tab in (('retranslit_iso9', ISO9), ('retranslit_icao', ICAO), ('retranslit_german', DUDEN), ('retranslit_polish', POL)):
                    emit(fam, e, romanise(c, tab))
            if len(ct) > 1:
                for p in shuffles(ct, 2): emit('word_shuffle', e, ' '.join(p))
            emit('concatenated', e, core.replace(' ', ''))
            emit('noise_chars', e, '%s / Minsk, BY' % n)
            emit('wrong_country', e, n, country=R.choice(WRONG_C)); emit('wrong_country', e, core + ' LLC', country=R.choice(WRONG_C))
            emit('type_unspecified', e, n, ptype='PARTY_TYPE_UNSPECIFIED'); emit('type_wrong_person', e, n, ptype='PERSON')
            sv = []
            for i, w in enumerate(ct):
                for v in surname_variants(w)[:2]: sv.append(' '.join(ct[:i] + [v] + ct[i + 1:]))
            for q in R.sample(sv, min(3, len(sv))): emit('org_romanisation', e, q)

# ---------------------------------------------------------------- false-positive set (unlisted)
listed_tokens = set()
for e in E:
    for t in re.findall(r'[^\W\d_]+', e['listed'] + ' ' + ' '.join(e.get('aliases', []))):
        listed_tokens.add(t.lower())
listed_sur = set()
for e in E:
    if e['type'] == 'PERSON':
        for t in e['sur']: listed_sur.add(t.lower())

MALE = ['Aleksandr', 'Sergei', 'Dmitry', 'Andrei', 'Alexey', 'Ivan', 'Mikhail', 'Nikolai', 'Pavel', 'Vladimir', 'Yuri', 'Igor',
        'Oleg', 'Artem', 'Maksim', 'Kirill', 'Denis', 'Anton', 'Roman', 'Evgeny', 'Viktor', 'Vitaly', 'Stanislav', 'Egor',
        'Matvei', 'Timofei', 'Bogdan', 'Taras', 'Mykola', 'Petro', 'Ostap', 'Piotr', 'Krzysztof', 'Tomasz', 'Marek', 'Pawel',
        'Jakub', 'Lukasz', 'Michal', 'Wojciech', 'John', 'Michael', 'David', 'James', 'Robert', 'Thomas', 'Daniel', 'Mark',
        'Hans', 'Klaus', 'Jurgen', 'Pierre', 'Luca', 'Marco', 'Ahmed', 'Arturs', 'Tomas', 'Jonas', 'Mindaugas']
FEMALE = ['Anna', 'Maria', 'Olga', 'Elena', 'Natalia', 'Irina', 'Tatiana', 'Svetlana', 'Ekaterina', 'Yulia', 'Anastasia',
          'Daria', 'Polina', 'Alina', 'Kseniya', 'Veronika', 'Oksana', 'Halyna', 'Nadia', 'Agnieszka', 'Katarzyna', 'Malgorzata',
          'Joanna', 'Magdalena', 'Sarah', 'Emma', 'Laura', 'Julia', 'Sophie', 'Claire', 'Ingrid', 'Ieva', 'Rasa', 'Aleksandra']
FATHERS = ['Ivan', 'Petr', 'Sergei', 'Nikolai', 'Mikhail', 'Aleksandr', 'Vasily', 'Andrei', 'Yuri', 'Igor', 'Pavel', 'Oleg', 'Anatoly', 'Dmitry', 'Gennady', 'Boris']
PATM = {'Ivan': 'Ivanovich', 'Petr': 'Petrovich', 'Sergei': 'Sergeevich', 'Nikolai': 'Nikolaevich', 'Mikhail': 'Mikhailovich',
        'Aleksandr': 'Aleksandrovich', 'Vasily': 'Vasilievich', 'Andrei': 'Andreevich', 'Yuri': 'Yurievich', 'Igor': 'Igorevich',
        'Pavel': 'Pavlovich', 'Oleg': 'Olegovich', 'Anatoly': 'Anatolievich', 'Dmitry': 'Dmitrievich', 'Gennady': 'Gennadievich', 'Boris': 'Borisovich'}
RU_SUR = ['Smirnov', 'Kuznetsov', 'Popov', 'Vasiliev', 'Sokolov', 'Mikhailov', 'Novikov', 'Fedorov', 'Morozov', 'Volkov',
          'Alekseev', 'Lebedev', 'Semenov', 'Egorov', 'Pavlov', 'Kozlov', 'Stepanov', 'Nikolaev', 'Orlov', 'Andreev', 'Makarov',
          'Nikitin', 'Zakharov', 'Zaitsev', 'Soloviev', 'Borisov', 'Yakovlev', 'Grigoriev', 'Romanov', 'Vorobiev', 'Sergeev',
          'Kuzmin', 'Frolov', 'Aleksandrov', 'Dmitriev', 'Korolev', 'Gusev', 'Kiselev', 'Ilyin', 'Maksimov', 'Polyakov',
          'Sorokin', 'Vinogradov', 'Kovalev', 'Belov', 'Medvedev', 'Antonov', 'Tarasov', 'Zhukov', 'Baranov', 'Filippov',
          'Komarov', 'Davydov', 'Belyaev', 'Gerasimov', 'Bogdanov', 'Osipov', 'Sidorov', 'Matveev', 'Titov', 'Markov',
          'Mironov', 'Krylov', 'Kulikov', 'Karpov', 'Vlasov', 'Melnikov', 'Denisov', 'Gavrilov', 'Tikhonov', 'Kazakov', 'Afanasiev']
BY_SUR = ['Kavaleu', 'Novik', 'Melnik', 'Zhuk', 'Shevchuk', 'Klimovich', 'Yakimovich', 'Hrytsevich', 'Dubrouski', 'Kasperovich',
          'Sidarovich', 'Karpovich', 'Martinovich', 'Bogdanovich', 'Zhdanovich', 'Savitski', 'Vasilevich', 'Pashkevich',
          'Ramanovich', 'Stankevich', 'Lukashevich', 'Yurkevich', 'Dashkevich', 'Tsvirko', 'Lapko', 'Kuzmich', 'Hurynovich',
          'Sakalou', 'Kazlou', 'Marozau', 'Babrou', 'Zaitsau', 'Lebedzeu', 'Pratasevich', 'Shyla', 'Zhylinski', 'Akulich',
          'Barysevich', 'Charnyshou', 'Davidovich', 'Hlushko', 'Kireyeu', 'Lysenka', 'Malashenka', 'Navitski', 'Pilipenka']
UA_SUR = ['Shevchenko', 'Bondarenko', 'Kovalenko', 'Boyko', 'Tkachenko', 'Kravchenko', 'Oliynyk', 'Shevchuk', 'Polishchuk',
          'Lysenko', 'Rudenko', 'Savchenko', 'Petrenko', 'Marchenko', 'Moroz', 'Tkachuk', 'Pavlenko', 'Kharchenko', 'Ponomarenko',
          'Levchenko', 'Karpenko', 'Vasylenko', 'Klymenko', 'Melnychuk', 'Honcharenko', 'Dmytrenko', 'Hrytsenko', 'Yurchenko']
PL_SUR = ['Nowak', 'Kowalski', 'Wisniewski', 'Wojcik', 'Kowalczyk', 'Kaminski', 'Lewandowski', 'Zielinski', 'Szymanski',
          'Wozniak', 'Dabrowski', 'Kozlowski', 'Jankowski', 'Mazur', 'Kwiatkowski', 'Krawczyk', 'Piotrowski', 'Grabowski',
          'Nowakowski', 'Pawlowski', 'Michalski', 'Adamczyk', 'Dudek', 'Zajac', 'Wieczorek', 'Jablonski', 'Krol', 'Majewski']
W_SUR = ['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Davis', 'Wilson', 'Anderson', 'Taylor', 'Thomas',
         'Moore', 'Martin', 'Jackson', 'Thompson', 'White', 'Harris', 'Clark', 'Lewis', 'Walker', 'Hall', 'Young', 'King',
         'Muller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Dubois', 'Moreau', 'Rossi',
         'Bianchi', 'Garcia', 'Martinez', 'Jansen', 'Berzins', 'Kazlauskas', 'Petraitis', 'Ozols', 'Tamm', 'Novak', 'Horvat']
FEM = lambda s: (s + 'a') if re.search(r'(ov|ev|in|yn)$', s) else (s[:-1] + 'a' if s.endswith('ski') or s.endswith('sky') else s)

COMP_A = ['Baltic', 'Nord', 'Vostok', 'Polesie', 'Dnepr', 'Neman', 'Volga', 'Ural', 'Sibir', 'Amber', 'Granite', 'Silver',
          'Blue', 'Green', 'Alpha', 'Vector', 'Stella', 'Orion', 'Atlas', 'Delta', 'Sigma', 'Zenit', 'Rassvet', 'Luch', 'Iskra',
          'Sever', 'Yug', 'Zapad', 'Euro', 'Trans', 'Inter', 'Global', 'Prime', 'Tech', 'Agro', 'Stroi', 'Les', 'Mebel']
COMP_B = ['Trade', 'Logistics', 'Consulting', 'Foods', 'Dairy', 'Timber', 'Textiles', 'Software', 'Pharma', 'Construction',
          'Freight', 'Energy', 'Motors', 'Print', 'Packaging', 'Furniture', 'Travel', 'Invest', 'Capital', 'Systems',
          'Solutions', 'Media', 'Design', 'Electronics', 'Chemicals', 'Glass', 'Steel', 'Optics', 'Service', 'Market']
COMP_C = ['LLC', 'Ltd', 'OOO', 'JSC', 'GmbH', 'Sp. z o.o.', 'UAB', 'SIA', 'Inc.', 'ODO', 'ChUP', 'OAO', 'ZAO', 'S.A.', 'AG', 'BV']
CITY = ['Minsk', 'Grodno', 'Brest', 'Vitebsk', 'Gomel', 'Mogilev', 'Pinsk', 'Lida', 'Warsaw', 'Vilnius', 'Riga', 'Kyiv', 'Lviv', 'Moscow', 'Berlin', 'London']

fp = set(); FR = random.Random(777); guard = 0
while guard < 200000 and len([x for x in fp if x[1] == 'PERSON']) < 1800:
    kind = FR.random(); guard += 1
    if kind < 0.45:
        f = FR.choice(MALE[:22]); s = FR.choice(RU_SUR + BY_SUR + UA_SUR); p = PATM[FR.choice(FATHERS)]
        fem = FR.random() < 0.4
        if fem:
            f = FR.choice(FEMALE[:20]); s = FEM(s); p = p.replace('ich', 'na')
        if s.lower() in listed_sur or s.lower() in listed_tokens: continue
        name = FR.choice(['%s %s %s' % (f, p, s), '%s %s' % (f, s), '%s, %s %s' % (s.upper(), f, p), '%s %s' % (s, f)])
    elif kind < 0.6:
        f = FR.choice(MALE[27:40] + FEMALE[19:25]); s = FR.choice(PL_SUR + UA_SUR)
        if s.lower() in listed_sur: continue
        name = '%s %s' % (f, s)
    else:
        f = FR.choice(MALE[40:] + FEMALE[25:]); s = FR.choice(W_SUR)
        if s.lower() in listed_sur: continue
        name = FR.choice(['%s %s' % (f, s), '%s %s %s' % (f, FR.choice(MALE[40:52]), s)])
    fp.add((name, 'PERSON'))
while len([x for x in fp if x[1] == 'ORGANIZATION']) < 700:
    k = FR.random()
    if k < 0.5:
        name = '%s%s %s' % (FR.choice(COMP_A), FR.choice(COMP_B).lower(), FR.choice(COMP_C))
    elif k < 0.8:
        name = '%s %s %s' % (FR.choice(COMP_A), FR.choice(COMP_B), FR.choice(COMP_C))
    else:
        name = '%s %s %s %s' % (FR.choice(CITY), FR.choice(COMP_A), FR.choice(COMP_B), FR.choice(COMP_C))
    fp.add((name, 'ORGANIZATION'))
for name, t in sorted(fp):
    dob = country = ''
    if t == 'PERSON' and FR.random() < 0.3: dob = '%d-%02d-%02d' % (FR.randint(1950, 2000), FR.randint(1, 12), FR.randint(1, 28))
    if FR.random() < 0.3: country = FR.choice(['BY', 'Belarus', 'RU', 'PL', 'UA', 'LT', 'DE', 'GB'])
    cases.append(dict(family='fp_unlisted', query=name, type=t, dob=dob, country=country, expect_id='', expect_name='', src='', note=''))

with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'out', 'cases.jsonl'), 'w') as f:
    for c in cases: f.write(json.dumps(c, ensure_ascii=False) + '\n')
import collections
print(len(cases)); print(collections.Counter(c['family'] for c in cases))
