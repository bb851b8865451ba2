"""Round 29 generator: name variations other benchmarks' generators produce, for every listed
Belarus name and alias (persons and organisations), and an unlisted control set treated alike.
Seeded and reproducible: python3 gen.py  -> queries.jsonl"""
import json, random, re, sys, unicodedata, hashlib
import lists

SEED = 29

# ---------------------------------------------------------------- tables
DIM = {  # canonical: (latin spellings, latin diminutives, cyrillic diminutives)
    'aleksandr': ('aleksandr alexander alexandr aleksander aliaksandr alyaksandr aliaksander oleksandr alexandre aleksandar alexsandr', 'Sasha Sanya Shura', 'Саша Саня Шура'),
    'aleksandra': ('aleksandra alexandra aliaksandra alyaksandra', 'Sasha Shura', 'Саша Шура'),
    'vladimir': ('vladimir uladzimir wladimir volodymyr vladimer', 'Volodya Vova Volodia', 'Володя Вова'),
    'nikolai': ('nikolai nikolay mikalai mikalay nikolaj mikola nicolai', 'Kolya Kolia', 'Коля'),
    'dmitry': ('dmitry dmitri dmitriy dzmitry dzmitryi dmitrii dmytro dzmitri dzmitriy dimitri', 'Dima Mitya', 'Дима Митя'),
    'mikhail': ('mikhail michail mikhal mihail mikhailo mikhael', 'Misha', 'Миша'),
    'elena': ('elena yelena alena alyona olena helena jelena yalena alyena', 'Lena', 'Лена'),
    'tatiana': ('tatiana tatyana tatsiana tatjana tatsyana', 'Tanya Tania', 'Таня'),
    'svetlana': ('svetlana sviatlana svyatlana', 'Sveta', 'Света'),
    'natalia': ('natalia natalya natallia nataliya natalja natalla natallya', 'Natasha', 'Наташа'),
    'evgeny': ('evgeny evgeniy yevgeny yevgeniy yauheni yauhen evgenii eugene yevhen yevgeni evgeni', 'Zhenya Zhenia', 'Женя'),
    'evgenia': ('evgenia yevgenia yauhenia evgeniya', 'Zhenya', 'Женя'),
    'sergei': ('sergei sergey siarhei sergiy serhiy sergej serguei siarhey', 'Seryozha Seryoga Serezha', 'Серёжа Серёга'),
    'viktor': ('viktor victor viktar', 'Vitya Vitia', 'Витя'),
    'aleksei': ('aleksei alexei alexey aleksey aliaksei alyaksei oleksiy alexej aleksej alexeij', 'Lyosha Alyosha Lesha', 'Лёша Алёша'),
    'andrei': ('andrei andrey andrej andrii andriy andrew andrew', 'Andryusha Andriusha', 'Андрюша'),
    'ivan': ('ivan', 'Vanya Vania', 'Ваня'),
    'pavel': ('pavel paval paul pavlo', 'Pasha', 'Паша'),
    'yuri': ('yuri yury yuriy iury jurij yurii yurij', 'Yura', 'Юра'),
    'igor': ('igor ihar ihor', 'Garik Igoryok', 'Гарик'),
    'oleg': ('oleg aleh oleh', 'Olezhka', 'Олежка'),
    'anatoly': ('anatoly anatoli anatoliy anatol anatolii', 'Tolya Tolik', 'Толя'),
    'valery': ('valery valeri valeriy valer valerii', 'Valera', 'Валера'),
    'vitaly': ('vitaly vitali vitaliy vital vitalii', 'Vitalik', 'Виталик'),
    'konstantin': ('konstantin kanstantsin kostiantyn constantin', 'Kostya Kostia', 'Костя'),
    'maksim': ('maksim maxim maksym', 'Max Maks', 'Макс'),
    'roman': ('roman raman', 'Roma', 'Рома'),
    'vadim': ('vadim vadzim', 'Vadik', 'Вадик'),
    'leonid': ('leonid leanid', 'Lyonya Lenya', 'Лёня'),
    'gennady': ('gennady gennadiy genadz henadz gennadi hienadz gennadii', 'Gena', 'Гена'),
    'vyacheslav': ('vyacheslav viachaslau viacheslav vyachaslau', 'Slava', 'Слава'),
    'vladislav': ('vladislav uladzislau', 'Vlad Vladik', 'Влад'),
    'stanislav': ('stanislav stanislau', 'Stas', 'Стас'),
    'petr': ('petr pyotr piotr piatro petro peter', 'Petya', 'Петя'),
    'grigory': ('grigory grigoriy ryhor hryhory', 'Grisha', 'Гриша'),
    'anna': ('anna hanna ganna', 'Anya Ania', 'Аня'),
    'olga': ('olga volha olha', 'Olya Olia', 'Оля'),
    'irina': ('irina iryna', 'Ira', 'Ира'),
    'galina': ('galina halina', 'Galya', 'Галя'),
    'lyudmila': ('lyudmila liudmila ludmila lyudmyla ludmilla', 'Lyuda Mila', 'Люда'),
    'yulia': ('yulia yuliya julia yuliia julija', 'Yulya', 'Юля'),
    'ekaterina': ('ekaterina yekaterina katsiaryna katerina kateryna', 'Katya Katia', 'Катя'),
    'maria': ('maria mariya maryia marya', 'Masha', 'Маша'),
    'valentina': ('valentina valiantsina valyantsina', 'Valya', 'Валя'),
    'vasily': ('vasily vasil vasili vasiliy vasyl', 'Vasya', 'Вася'),
    'zinaida': ('zinaida', 'Zina', 'Зина'),
    'nadezhda': ('nadezhda nadzeya', 'Nadya', 'Надя'),
    'larisa': ('larisa larysa', 'Lara', 'Лара'),
    'artem': ('artem artyom artiom artsiom', 'Tyoma', 'Тёма'),
    'boris': ('boris barys', 'Borya', 'Боря'),
    'anton': ('anton antonii', 'Tosha', 'Тоша'),
    'kirill': ('kirill kiryl kiril', 'Kirya', 'Киря'),
    'yaroslav': ('yaroslav yaraslau', 'Yarik', 'Ярик'),
    'georgy': ('georgy georgiy heorhi georgii', 'Zhora Gosha', 'Жора Гоша'),
    'semyon': ('semyon semen siamion', 'Syoma', 'Сёма'),
    'ilya': ('ilya illia ilia', 'Ilyusha', 'Илюша'),
    'fedor': ('fedor fyodor fiodar', 'Fedya', 'Федя'),
    'stepan': ('stepan sciapan', 'Styopa', 'Стёпа'),
    'oksana': ('oksana', 'Ksyusha', 'Ксюша'),
    'viktoria': ('viktoria victoria viktoriya', 'Vika', 'Вика'),
    'lidia': ('lidia lydia lidiya', 'Lida', 'Лида'),
    'lyubov': ('lyubov liubou lubov', 'Lyuba', 'Люба'),
    'tamara': ('tamara', 'Toma', 'Тома'),
    'mikalai': ('', '', ''),
}
DIMIDX = {}
for canon, (sp, _, _) in DIM.items():
    for s in sp.split():
        DIMIDX[s] = canon

L2C = [('shch', 'щ'), ('sch', 'щ'), ('zh', 'ж'), ('kh', 'х'), ('ts', 'ц'), ('ch', 'ч'), ('sh', 'ш'), ('ya', 'я'), ('ia', 'я'),
       ('yu', 'ю'), ('iu', 'ю'), ('ye', 'е'), ('yo', 'ё'), ('a', 'а'), ('b', 'б'), ('v', 'в'), ('g', 'г'), ('d', 'д'),
       ('e', 'е'), ('z', 'з'), ('i', 'и'), ('y', 'ы'), ('j', 'й'), ('k', 'к'), ('l', 'л'), ('m', 'м'), ('n', 'н'),
       ('o', 'о'), ('p', 'п'), ('r', 'р'), ('s', 'с'), ('t', 'т'), ('u', 'у'), ('f', 'ф'), ('h', 'х'), ('c', 'ц'),
       ('w', 'в'), ('x', 'кс'), ('q', 'к')]
C2L = {'а': 'a', 'б': 'b', 'в': 'v', 'г': 'g', 'д': 'd', 'е': 'e', 'ё': 'yo', 'ж': 'zh', 'з': 'z', 'и': 'i', 'й': 'y',
       'к': 'k', 'л': 'l', 'м': 'm', 'н': 'n', 'о': 'o', 'п': 'p', 'р': 'r', 'с': 's', 'т': 't', 'у': 'u', 'ф': 'f',
       'х': 'kh', 'ц': 'ts', 'ч': 'ch', 'ш': 'sh', 'щ': 'shch', 'ъ': '', 'ы': 'y', 'ь': '', 'э': 'e', 'ю': 'yu',
       'я': 'ya', 'і': 'i', 'ў': 'u', 'є': 'ye', 'ї': 'yi', "'": ''}


def lat2cyr(w):
    for a, b in (('iy', 'ий'), ('yy', 'ый'), ('ii', 'ий'), ('yi', 'ый')):
        if w.lower().endswith(a):
            return lat2cyr(w[:-2]) + (b.upper() if w[-1].isupper() and len(w) > 1 and w[-2].isupper() else b)
    if len(w) > 2 and w[-1] in 'yY' and w[-2].lower() not in 'aeiouy':
        return lat2cyr(w[:-1]) + ('ИЙ' if w.isupper() else 'ий')
    out, i, lw = '', 0, w.lower()
    while i < len(lw):
        if lw[i] in 'aeou' and lw[i + 1:i + 2] == 'y' and (i + 2 == len(lw) or lw[i + 2] not in 'aeiouy'):
            v = dict(a='а', e='е', o='о', u='у')[lw[i]] + 'й'
            out += v.upper() if w[i].isupper() else v
            i += 2
            continue
        for a, b in L2C:
            if lw.startswith(a, i):
                out += b.upper() if w[i].isupper() else b
                i += len(a)
                break
        else:
            out += w[i]
            i += 1
    return out


def cyr2lat(w):
    out = ''
    for ch in w:
        l = C2L.get(ch.lower())
        if l is None:
            out += ch
        else:
            out += l.capitalize() if ch.isupper() else l
    return out


def fold(s):
    return ''.join(c for c in unicodedata.normalize('NFKD', s) if not unicodedata.combining(c)).lower()


KB = {}
rows = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm']
for r, row in enumerate(rows):
    for i, ch in enumerate(row):
        nb = set()
        for dr in (-1, 0, 1):
            rr = r + dr
            if 0 <= rr < 3:
                for dj in (-1, 0, 1):
                    j = i + dj + (0 if dr == 0 else (0 if dr < 0 else 0))
                    if 0 <= j < len(rows[rr]) and rows[rr][j] != ch:
                        nb.add(rows[rr][j])
        KB[ch] = sorted(nb)
VOW = set('aeiouyAEIOUY')
CVOW = set('аеёиоуыэюяіАЕЁИОУЫЭЮЯІ')
ALPHA_L = 'abcdefghijklmnopqrstuvwxyz'
ALPHA_C = 'абвгдежзиклмнопрстуфхцчшщыэюя'


def case_like(src, new):
    if src.isupper() and len(src) > 1:
        return new.upper()
    return new


def alpha_for(w):
    return ALPHA_C if lists.is_cyr(w) else ALPHA_L


def put(w, i, ch):
    return w[:i] + (ch.upper() if w[i].isupper() else ch) + w[i + 1:]


# typo operations on one word (never the first letter)
def t_sub(r, w):
    if len(w) < 3: return None
    i = r.randrange(1, len(w)); a = alpha_for(w)
    c = r.choice([x for x in a if x != w[i].lower()])
    return put(w, i, c)


def t_ins(r, w):
    if len(w) < 2: return None
    i = r.randrange(1, len(w) + 1); c = r.choice(alpha_for(w))
    return w[:i] + (c.upper() if w.isupper() else c) + w[i:]


def t_del(r, w):
    if len(w) < 4: return None
    i = r.randrange(1, len(w)); return w[:i] + w[i + 1:]


def t_trans(r, w):
    if len(w) < 4: return None
    i = r.randrange(1, len(w) - 1)
    if w[i] == w[i + 1]: return None
    return w[:i] + w[i + 1] + w[i] + w[i + 2:]


def t_double(r, w):
    if len(w) < 3: return None
    i = r.randrange(1, len(w)); return w[:i] + w[i] + w[i:]


def t_kbd(r, w):
    if lists.is_cyr(w) or len(w) < 3: return None
    idx = [i for i in range(1, len(w)) if w[i].lower() in KB]
    if not idx: return None
    i = r.choice(idx); return put(w, i, r.choice(KB[w[i].lower()]))


TYPO = [t_sub, t_ins, t_del, t_trans, t_double]


def chain(r, w, ops, tries=20):
    for _ in range(tries):
        x = w
        ok = True
        for op in ops:
            y = op(r, x)
            if y is None: ok = False; break
            x = y
        if ok and fold(x) != fold(w):
            return x
    return None


def drop_vowels(w):
    if lists.is_cyr(w):
        return w[0] + ''.join(c for c in w[1:] if c not in CVOW)
    return w[0] + ''.join(c for c in w[1:] if c not in VOW)


def vowel_swap(r, w, n=2):
    T = {'o': 'a', 'a': 'o', 'e': 'i', 'i': 'e', 'u': 'o', 'y': 'i'}
    TC = {'о': 'а', 'а': 'о', 'е': 'и', 'и': 'е', 'я': 'е', 'э': 'е'}
    tab = TC if lists.is_cyr(w) else T
    idx = [i for i in range(1, len(w)) if w[i].lower() in tab]
    if not idx: return None
    r.shuffle(idx)
    x = w
    for i in idx[:n]:
        x = put(x, i, tab[x[i].lower()])
    return x


PHON = [('ph', 'f'), ('f', 'ph'), ('ks', 'x'), ('x', 'ks'), ('y', 'i'), ('i', 'y'), ('j', 'y'), ('y', 'j'), ('w', 'v'),
        ('v', 'w'), ('kh', 'h'), ('kh', 'ch'), ('h', 'kh'), ('ts', 'tz'), ('ts', 'c'), ('c', 'ts'), ('ou', 'u'),
        ('u', 'ou'), ('ie', 'ye'), ('ye', 'ie'), ('ck', 'k'), ('k', 'ck'), ('sh', 'sch'), ('ch', 'tch'), ('zh', 'j'),
        ('oo', 'u'), ('ii', 'iy'), ('iy', 'y'), ('ia', 'ya'), ('ya', 'ia'), ('iu', 'yu'), ('yu', 'iu')]


def phonetic(r, name, n=2):
    words = name.split()
    app = [(a, b) for a, b in PHON if any(a in fold(w) for w in words)]
    if not app: return None
    r.shuffle(app)
    out = name
    used = 0
    for a, b in app:
        if used >= n: break
        # replace in one random word occurrence (case-insensitive)
        ws = out.split()
        cand = [i for i, w in enumerate(ws) if a in w.lower()]
        if not cand: continue
        i = r.choice(cand)
        w = ws[i]
        pos = [m.start() for m in re.finditer(re.escape(a), w.lower())]
        p = r.choice(pos)
        rep = b.upper() if w[p:p + len(a)].isupper() else (b.capitalize() if w[p].isupper() else b)
        ws[i] = w[:p] + rep + w[p + len(a):]
        out = ' '.join(ws)
        used += 1
    return out if out != name else None


def mixed_script(r, w):
    if len(w) < 4: return None
    k = r.randrange(2, len(w) - 1)
    if lists.is_cyr(w):
        return w[:k] + cyr2lat(w[k:])  # Cyrillic start, Latin end
    return w[:k] + lat2cyr(w[k:])


MALE_A = {'nikita', 'ilya', 'ilia', 'illia', 'foma', 'kuzma', 'mykola', 'mikola', 'luka', 'никита', 'илья', 'савва'}


def female(p):
    g = fold(p.get('given', ''))
    if g in MALE_A: return False
    if g.endswith(('a', 'ya', 'ia', 'а', 'я')): return True
    m = fold(' '.join(p.get('middle', [])))
    return m.endswith(('na', 'на'))


GIVEN_M = 'Aleksandr Sergei Dmitry Andrei Vladimir Nikolai Igor Oleg Pavel Yuri Viktor Mikhail Ivan Anatoly Maksim Roman Vadim Leonid Konstantin Denis Artem Kirill Boris Stepan Fedor'.split()
GIVEN_F = 'Elena Tatiana Svetlana Natalia Olga Irina Anna Galina Lyudmila Yulia Ekaterina Maria Valentina Nadezhda Larisa Oksana Marina Inna Vera Nina'.split()
PATR_M = 'Aleksandrovich Sergeevich Dmitrievich Andreevich Vladimirovich Nikolaevich Igorevich Olegovich Pavlovich Yurievich Viktorovich Mikhailovich Ivanovich Anatolievich Petrovich Stepanovich Borisovich Fedorovich Konstantinovich Leonidovich'.split()
PATR_F = [p[:-2] + 'na' if p.endswith('ich') else p for p in PATR_M]
PATR_F = [p.replace('vich', 'vna').replace('ichna', 'ichna') for p in PATR_M]
TITLES_PRE = ['Mr', 'Mr.', 'Dr.', 'Gen.', 'Col.', 'Lt. Col.', 'Maj. Gen.', 'Minister', 'President', 'Prof.', 'Deputy Minister',
              'гражданин', 'господин', 'Pan', 'Herr', 'H.E.', 'Sir', 'Judge', 'General']
TITLES_PRE_F = ['Mrs', 'Ms.', 'Dr.', 'Madam', 'Minister', 'гражданка', 'госпожа', 'Pani', 'Frau', 'Judge', 'Prof.']
SUFFIX = ['Jr.', 'Sr.', 'II', 'PhD', 'Esq.', 'MBA', '(Minister)', '- director', 'Snr']
PAYPFX = ['c/o', 'C/O', 'attn', 'ATTN:', 'Attn.', 'FBO', 'F/B/O', 'ben:', 'BEN:', 'ben.', 'For benefit of', 'ref:']

CITY = [', Minsk, Belarus', ' Minsk BY', ' (Minsk)', ', Republic of Belarus', ' - Grodno, Belarus', ', Gomel', ' MINSK BELARUS',
        ', 220030 Minsk', ' BY-Minsk', ', Vitebsk, Belarus', ', Brest', ' Belarus']
LEGAL_ABBR = [(r'\bopen joint[- ]?stock company\b', 'OJSC'), (r'\bclosed joint[- ]?stock company\b', 'CJSC'),
              (r'\bjoint[- ]?stock company\b', 'JSC'), (r'\blimited liability company\b', 'LLC'),
              (r'\bcompany\b', 'Co.'), (r'\bcorporation\b', 'Corp.'), (r'\blimited\b', 'Ltd'),
              (r'\bincorporated\b', 'Inc'), (r'\binternational\b', 'Intl'), (r'\bindustrial\b', 'Ind.'),
              (r'\bassociation\b', 'Assn'), (r'\bholding\b', 'Hldg'), (r'\bmanufacturing\b', 'Mfg'),
              (r'\bengineering\b', 'Eng.'), (r'\bresearch\b', 'Res.'), (r'\binstitute\b', 'Inst.'),
              (r'\bproduction\b', 'Prod.'), (r'\brepublican\b', 'Rep.'), (r'\bunitary enterprise\b', 'UE'),
              (r'\bscientific\b', 'Sci.'), (r'\bdesign bureau\b', 'DB'), (r'\bdepartment\b', 'Dept.'),
              (r'\bdirectorate\b', 'Dir.'), (r'\bministry\b', 'Min.'), (r'\bcommittee\b', 'Cttee'),
              (r'\bbelarusian\b', 'Bel'), (r'\bbelarus\b', 'Bel'), (r'\bbelorussian\b', 'Bel'),
              (r'\bnational\b', 'Natl'), (r'\bstate\b', 'St.'), (r'\bgroup\b', 'Grp'), (r'\btrading\b', 'Trdg'),
              (r'\bplant\b', 'Plt'), (r'\bfactory\b', 'Fcty'), (r'\bbrothers\b', 'Bros')]
ADD_FORM = ['Co.', 'Corp.', 'Ltd', 'Inc', 'Ltd.', 'Co Ltd', 'Corp']
TRANS = {'plant': ['factory', 'works', 'zavod', 'mill'], 'factory': ['plant', 'works', 'fabrika', 'zavod'],
         'works': ['plant', 'factory', 'zavod'], 'zavod': ['plant', 'factory', 'works'],
         'enterprise': ['company', 'firm', 'predpriyatie'], 'company': ['firm', 'kompaniya', 'enterprise'],
         'bank': ['banque', 'banco', 'bankas'], 'holding': ['holdings', 'kholding'], 'group': ['gruppa', 'grupa', 'groupe'],
         'institute': ['institut', 'NII'], 'committee': ['komitet', 'commission'], 'ministry': ['ministerstvo', 'department'],
         'railway': ['railroad', 'zheleznaya doroga'], 'association': ['obyedinenie', 'union'],
         'directorate': ['upravlenie', 'administration'], 'department': ['upravlenie', 'directorate'],
         'center': ['centre', 'tsentr'], 'centre': ['center', 'tsentr'], 'club': ['klub'], 'trading': ['trade', 'torgovy'],
         'house': ['dom'], 'oil': ['neft'], 'chemical': ['khimicheskiy'], 'tractor': ['traktorny'],
         'automobile': ['avtomobilny', 'automotive', 'motor'], 'police': ['militsiya', 'politsiya'], 'bureau': ['byuro'],
         'kompaniya': ['company'], 'avtomobilnyi': ['automobile'], 'zavod': ['plant']}
STOP = {'of', 'the', 'and', 'named', 'after', 'for', 'in', 'on', 'a', 'de', 'la', 'du', '&'}
LEGALW = {'ojsc', 'jsc', 'cjsc', 'llc', 'ooo', 'oao', 'zao', 'ue', 'pjsc', 'ltd', 'inc', 'co', 'corp', 'open', 'closed',
          'joint', 'stock', 'joint-stock', 'jointstock', 'company', 'limited', 'liability', 'private', 'unitary', 'enterprise',
          'оао', 'ооо', 'зао', 'ао', 'ааt', 'таа', 'уп', 'ааТ'.lower(), 'ат'}
QUOTES = [('"', '"'), ('«', '»'), ('“', '”'), ('„', '“'), ("'", "'"), ('‹', '›'), ('`', '`'), ('""', '""')]


def sig_words(name):
    return [w for w in re.findall(r"[\w'-]+", name) if fold(w) not in STOP and fold(w) not in LEGALW]


def longest_word(name):
    ws = [w for w in name.split() if fold(w.strip('"«»“”\'(),.')) not in LEGALW]
    ws = ws or name.split()
    return max(ws, key=lambda w: len(re.sub(r'\W', '', w)))


def replace_word(name, old, new):
    ws = name.split()
    for i, w in enumerate(ws):
        if w == old:
            ws[i] = new
            return ' '.join(ws)
    return None


def core(w):
    m = re.match(r'^(\W*)(.*?)(\W*)$', w)
    return m.groups()


def on_core(name, fn):
    """apply fn to the longest word's letters, keeping its surrounding punctuation"""
    w = longest_word(name)
    a, c, b = core(w)
    if len(c) < 3: return None
    nc = fn(c)
    if not nc or nc == c: return None
    return replace_word(name, w, a + nc + b)


# ---------------------------------------------------------------- person families
def pname(p, given=None, middle=None, surname=None, order='gms'):
    g = p['given'] if given is None else given
    m = ' '.join(p['middle']) if middle is None else middle
    s = p['surname'] if surname is None else surname
    parts = [x for x in ([g, m, s] if order == 'gms' else [s, g, m]) if x]
    return ' '.join(parts)


def dim_latin(r, p):
    if p['script'] != 'lat': return None
    c = DIMIDX.get(fold(p['given']))
    if not c or not DIM[c][1]: return None
    d = r.choice(DIM[c][1].split())
    if p['given'].isupper(): d = d.upper()
    return pname(p, given=d, middle='' if r.random() < 0.7 else None)


def dim_cyr(r, p):
    if p['script'] == 'cyr':
        c = DIMIDX.get(fold(cyr2lat(p['given'])).replace('iy', 'y'))
        c = c or DIMIDX.get(fold(cyr2lat(p['given'])))
        if not c or not DIM[c][2]: return None
        return r.choice(DIM[c][2].split()) + ' ' + p['surname']
    c = DIMIDX.get(fold(p['given']))
    if not c or not DIM[c][2]: return None
    return r.choice(DIM[c][2].split()) + ' ' + lat2cyr(p['surname'].capitalize() if p['surname'].isupper() else p['surname'])


def on_surname(fn):
    def f(r, p):
        s = fn(r, p['surname'])
        if not s: return None
        return pname(p, surname=s)
    return f


def typo2_spread(r, p):
    g = chain(r, p['given'], [r.choice(TYPO)])
    s = chain(r, p['surname'], [r.choice(TYPO)])
    if not g or not s: return None
    return pname(p, given=g, surname=s)


def kbd2_spread(r, p):
    g = chain(r, p['given'], [t_kbd]); s = chain(r, p['surname'], [t_kbd])
    if not g or not s: return None
    return pname(p, given=g, surname=s)


def vowels_all(r, p):
    return ' '.join(drop_vowels(w) if len(w) > 2 else w for w in pname(p).split())


def dbl_remove(r, w):
    idx = [i for i in range(1, len(w)) if w[i].lower() == w[i - 1].lower()]
    if not idx: return None
    i = r.choice(idx); return w[:i] + w[i + 1:]


def dbl_add(r, w):
    idx = [i for i in range(1, len(w)) if w[i].lower() not in VOW and w[i].lower() not in CVOW and w[i].isalpha()
           and w[i].lower() != w[i - 1].lower()]
    if not idx: return None
    i = r.choice(idx); return w[:i] + w[i] + w[i:]


def dbl_person(r, p):
    words = [p['given']] + p['middle'] + [p['surname']]
    cand = [i for i, w in enumerate(words) if dbl_remove(random.Random(0), w)]
    if cand:
        i = r.choice(cand); words[i] = dbl_remove(r, words[i]); tag = 'rm'
    else:
        i = len(words) - 1; words[i] = dbl_add(r, words[i]); tag = 'add'
        if not words[i]: return None
    return ' '.join(words)


def surname_dob(r, p):
    if not p.get('dob'): return None
    return p['surname']


def wrong_middle(r, p):
    pool = PATR_F if female(p) else PATR_M
    real = fold(' '.join(p['middle']))
    cand = [x for x in pool if fold(x)[:4] not in real]
    m = r.choice(cand)
    if p['script'] == 'cyr': m = lat2cyr(m)
    if p['surname'].isupper(): m = m.upper() if r.random() < 0.3 else m
    return pname(p, middle=m)


def patr_abbr(r, p):
    if not p['middle']: return None
    m = ' '.join(w[0] + '.' for w in p['middle'])
    return r.choice([pname(p, middle=m), pname(p, middle=m, order='sgm')])


def hyph_given_middle(r, p):
    if not p['middle']: return None
    return p['given'] + '-' + p['middle'][0] + ' ' + ' '.join(p['middle'][1:] + [p['surname']])


def double_given(r, p):
    pool = GIVEN_F if female(p) else GIVEN_M
    o = r.choice([x for x in pool if fold(x) != fold(p['given'])])
    if p['script'] == 'cyr': o = lat2cyr(o)
    return pname(p, given=r.choice([p['given'] + '-' + o, o + '-' + p['given']]))


def join_two(r, p):
    ws = pname(p).split()
    i = r.randrange(len(ws) - 1)
    return ' '.join(ws[:i] + [ws[i] + ws[i + 1]] + ws[i + 2:])


def camel_all(r, p):
    ws = pname(p, order=r.choice(['gms', 'sgm'])).split()
    return ''.join(w[:1].upper() + w[1:].lower() for w in ws)


def joined_all(r, p):
    ws = pname(p, order=r.choice(['gms', 'sgm'])).split()
    s = ''.join(ws)
    return r.choice([s.upper(), s.lower()])


def punct(r, name):
    ws = name.split()
    k = r.randrange(5)
    if k == 0: return '  '.join(ws) + '  '
    if k == 1: return r.choice(['.', '_', '-', '+', '*']).join(ws)
    if k == 2: return ws[-1] + r.choice([' ,, ', ' / ', ';', ' - ', ',']) + ' '.join(ws[:-1])
    if k == 3: return r.choice(['**', '--', '"', '(', '#', '.']) + ' ' + name + ' ' + r.choice(['**', '--', '"', ')', '#', '.'])
    return ' . '.join(ws)


def extra_punct_p(r, p):
    return punct(r, pname(p))


def title_p(r, p):
    t = r.choice(TITLES_PRE_F if female(p) else TITLES_PRE)
    n = pname(p, order=r.choice(['gms', 'gms', 'sgm']))
    if r.random() < 0.25:
        return n + ' ' + r.choice(SUFFIX)
    return t + ' ' + n


def paypfx(r, name):
    return r.choice(PAYPFX) + r.choice([' ', '  ', '']) + name if r.random() < 0.5 else r.choice(PAYPFX) + ' ' + name


def prefix_p(r, p):
    return paypfx(r, pname(p))


def phon_p(r, p):
    if p['script'] != 'lat': return None
    return phonetic(r, pname(p), 2)


def mixed_p(r, p):
    s = mixed_script(r, p['surname'])
    return pname(p, surname=s) if s else None


PERSON_FAMILIES = {
    'P00_exact': lambda r, p: pname(p),
    'P01_diminutive_latin': dim_latin,
    'P02_diminutive_cyrillic': dim_cyr,
    'P03_typo2_ins_del': on_surname(lambda r, w: chain(r, w, [t_ins, t_del])),
    'P04_typo2_two_subs': on_surname(lambda r, w: chain(r, w, [t_sub, t_sub])),
    'P05_typo2_transpose_double': on_surname(lambda r, w: chain(r, w, [t_trans, t_double])),
    'P06_keyboard_1': on_surname(lambda r, w: chain(r, w, [t_kbd])),
    'P07_keyboard_2_surname': on_surname(lambda r, w: chain(r, w, [t_kbd, t_kbd])),
    'P08_typo_spread_given_surname': typo2_spread,
    'P09_keyboard_spread': kbd2_spread,
    'P10_vowels_dropped_surname': on_surname(lambda r, w: drop_vowels(w) if len(w) > 3 else None),
    'P11_vowels_dropped_all': vowels_all,
    'P12_double_letters_rm_add': dbl_person,
    'P13_vowel_swap_reduction': on_surname(lambda r, w: vowel_swap(r, w, 2)),
    'P14_surname_dob_country': surname_dob,
    'P15_wrong_middle_name': wrong_middle,
    'P16_patronymic_abbrev': patr_abbr,
    'P17_hyphen_given_middle': hyph_given_middle,
    'P18_hyphen_double_given': double_given,
    'P19_join_two_words': join_two,
    'P20_camelcase_all': camel_all,
    'P21_all_joined': joined_all,
    'P22_extra_spaces_punct': extra_punct_p,
    'P23_titles_suffixes': title_p,
    'P24_payment_prefix': prefix_p,
    'P25_phonetic_respelling': phon_p,
    'P26_mixed_script_word': mixed_p,
    'P27_given_surname_only': lambda r, p: pname(p, middle='') if p['middle'] else None,
}

# ---------------------------------------------------------------- organisation families


def o_abbrev(r, n):
    app = [(pat, rep) for pat, rep in LEGAL_ABBR if re.search(pat, n, re.I)]
    if not app:
        return n + ' ' + r.choice(ADD_FORM)
    r.shuffle(app)
    out = n
    for pat, rep in app[:r.choice([1, 2, 3])]:
        if rep == 'Bel' and r.random() < 0.5:
            out = re.sub(pat + r'\s+', 'Bel-', out, count=1, flags=re.I)
            if 'Bel-' not in out: out = re.sub(pat, rep, out, count=1, flags=re.I)
        else:
            out = re.sub(pat, rep, out, count=1, flags=re.I)
    return out


def o_amp(r, n):
    if re.search(r'\band\b', n, re.I): return re.sub(r'\band\b', '&', n, count=1, flags=re.I)
    if '&' in n: return n.replace('&', r.choice(['and', 'AND', '+']), 1)
    return None


def o_the(r, n):
    if re.match(r'^the\s', n, re.I): return re.sub(r'^the\s+', '', n, flags=re.I)
    if re.search(r'\bthe\b', n, re.I): return re.sub(r'\s*\bthe\b', '', n, count=1, flags=re.I)
    return r.choice(['The ', 'THE ']) + n


def o_translate(r, n):
    ws = n.split()
    idx = [i for i, w in enumerate(ws) if fold(core(w)[1]) in TRANS]
    if not idx: return None
    i = r.choice(idx)
    a, c, b = core(ws[i])
    t = r.choice(TRANS[fold(c)])
    if c.isupper(): t = t.upper()
    elif c[:1].isupper(): t = t[:1].upper() + t[1:]
    ws[i] = a + t + b
    return ' '.join(ws)


def o_acronym(r, n):
    ws = sig_words(n)
    if len(ws) < 2: return None
    ac = ''.join(w[0].upper() for w in ws)
    k = r.randrange(3)
    if k == 0: return ac
    if k == 1: return ac + ' ' + r.choice(['OJSC', 'JSC', 'LLC', 'Ltd', 'Co.'])
    return '.'.join(ac) + '.'


def o_quotes(r, n):
    if re.search(r'["«»“”„\']', n):
        if r.random() < 0.5:
            return re.sub(r'["«»“”„]', '', n)
        a, b = r.choice(QUOTES)
        out = re.sub(r'["«“„]', a, n, count=1)
        return re.sub(r'["»”“]', b, out[::-1], count=1)[::-1] if out != n else None
    ws = n.split()
    w = longest_word(n)
    a, b = r.choice(QUOTES)
    return replace_word(n, w, a + w + b)


def o_city(r, n):
    return n + r.choice(CITY)


def o_trunc(r, n):
    if len(n) <= 35: return None
    return n[:35]


def o_twolines(r, n):
    if r.random() < 0.5 and len(n) > 35:
        return n[:35] + '\n' + n[35:]
    ws = n.split()
    if len(ws) < 2: return None
    k = r.randrange(1, len(ws))
    return ' '.join(ws[:k]) + '\n' + ' '.join(ws[k:])


def o_typo2(r, n):
    if r.random() < 0.5:
        return on_core(n, lambda c: chain(r, c, [r.choice(TYPO), r.choice(TYPO)]))
    ws = sig_words(n)
    if len(ws) < 2: return on_core(n, lambda c: chain(r, c, [r.choice(TYPO), r.choice(TYPO)]))
    a, b = r.sample(ws, 2)
    out = n
    for w in (a, b):
        nw = chain(r, w, [r.choice(TYPO)])
        if not nw: return None
        out = re.sub(r'(?<![\w])' + re.escape(w) + r'(?![\w])', nw, out, count=1)
    return out if out != n else None


def o_kbd(r, n):
    return on_core(n, lambda c: chain(r, c, [t_kbd]))


def o_vowels(r, n):
    if r.random() < 0.6:
        return on_core(n, lambda c: drop_vowels(c) if len(c) > 3 else None)
    return ' '.join(drop_vowels(w) if len(w) > 3 else w for w in n.split())


def o_vowel_swap(r, n):
    return on_core(n, lambda c: vowel_swap(r, c, 2))


def o_dbl(r, n):
    return on_core(n, lambda c: dbl_remove(r, c) or dbl_add(r, c))


def o_join(r, n):
    ws = n.split()
    if len(ws) < 2: return None
    k = r.randrange(3)
    if k == 0:
        i = r.randrange(len(ws) - 1); return ' '.join(ws[:i] + [ws[i] + ws[i + 1]] + ws[i + 2:])
    if k == 1: return ''.join(w[:1].upper() + w[1:].lower() for w in ws)
    return ''.join(ws).upper()


def o_punct(r, n):
    return punct(r, n)


def o_prefix(r, n):
    return paypfx(r, n)


def o_phon(r, n):
    if lists.is_cyr(n): return None
    return phonetic(r, n, 2)


def o_mixed(r, n):
    return on_core(n, lambda c: mixed_script(r, c))


ORG_FAMILIES = {
    'O00_exact': lambda r, n: n,
    'O01_abbrev_co_corp_ltd_bel': o_abbrev,
    'O02_ampersand_and': o_amp,
    'O03_the_drop_add': o_the,
    'O04_generic_word_translated': o_translate,
    'O05_acronym_built': o_acronym,
    'O06_quotes_variants': o_quotes,
    'O07_city_country_after': o_city,
    'O08_truncated_35': o_trunc,
    'O09_two_lines': o_twolines,
    'O10_typo2': o_typo2,
    'O11_keyboard_1': o_kbd,
    'O12_vowels_dropped': o_vowels,
    'O13_vowel_swap': o_vowel_swap,
    'O14_double_letters': o_dbl,
    'O15_concat_camel': o_join,
    'O16_extra_spaces_punct': o_punct,
    'O17_payment_prefix': o_prefix,
    'O18_phonetic_respelling': o_phon,
    'O19_mixed_script_word': o_mixed,
}

# ---------------------------------------------------------------- unlisted control bases
U_GIVEN = {
    'slavic_m': 'Aleksandr Sergei Dmitry Andrei Vladimir Nikolai Igor Oleg Pavel Yuri Viktor Mikhail Ivan Anatoly Maksim Roman Vadim Leonid Konstantin Denis Artem Kirill Boris Stepan Fedor Timofei Gleb Yegor Nikita Arseny'.split(),
    'slavic_f': 'Elena Tatiana Svetlana Natalia Olga Irina Anna Galina Lyudmila Yulia Ekaterina Maria Valentina Nadezhda Larisa Oksana Marina Inna Vera Nina Polina Daria Alina Ksenia'.split(),
    'baltic_m': 'Jonas Tomas Mantas Darius Andrius Janis Martins Edgars Raimonds Kristaps Aivars Mindaugas Vytautas Rolands Gintaras'.split(),
    'western_m': 'John Michael David James Robert William Thomas Peter Mark Paul Daniel Stefan Klaus Jean Pierre Marco Luca Hans Pedro Carlos'.split(),
    'western_f': 'Mary Susan Emma Sophie Laura Anna Claire Julia Sarah Monika Petra Chiara Isabel Ines Marie'.split(),
    'arabic_m': 'Mohammed Ahmed Omar Khalid Youssef Hassan Ali Karim Tariq Samir Faisal Nabil Rami Walid Ziad'.split(),
    'asian_m': 'Wei Jun Hiroshi Takeshi Min-jun Ji-hoon Anh Minh Somchai Arjun Rahul Vikram Kenji Haruto Chen'.split(),
}
U_SUR = {
    'slavic': 'Kozlov Sokolov Popov Lebedev Novikov Morozov Volkov Solovyov Vasiliev Zaitsev Pavlov Semenov Golubev Vinogradov Bogdanov Vorobyov Fedorov Mikhailov Belyaev Tarasov Belov Komarov Orlov Kiselev Makarov Andreev Kovalev Ilyin Gusev Titov Kuzmin Kudryavtsev Baranov Kulikov Alekseev Stepanov Yakovlev Sorokin Sergeev Romanov Zakharov Borisov Korolev Gerasimov Ponomarev Grigoriev Lazarev Medvedev Ershov Nikitin Sobolev Ryabov Polyakov Tsvetkov Danilov Zhukov Frolov Zhuravlev Nikolaev Krylov Maximov Sidorov Osipov Belousov Fedotov Dorofeev Egorov Matveev Bobrov Dmitriev Kalinin Anisimov Petukhov Antonov Timofeev Nikiforov Veselov Filippov Markov Bolshakov Sukhanov Mironov Shiryaev Alexandrov Konovalov Shestakov Kazakov Efimov Denisov Gromov Fomin Davydov Melnikov Shcherbakov Blinov Kolesnikov Karpov Afanasiev Vlasov Maslov Isakov Tikhonov Aksenov Gavrilov Rodionov Kotov Gorbunov Kudryashov Bykov Zuev Tretyakov Savelyev Panov Rybakov Suvorov Abramov Voronov Mukhin Arkhipov Trofimov Martynov Emelyanov Gorshkov Chernov Ovchinnikov Seleznev Panfilov Kopylov Mikheev Galkin Nazarov Lobanov Lukin Belyakov Potapov Nekrasov Khokhlov Zhdanov Naumov Shilov Vorontsov Ermakov Drozdov Ignatiev Savin Loginov Safonov Kapustin Kirillov Moiseev Eliseev Koshelev Kostin Gorbachev Orekhov Efremov Isaev Evdokimov Kalashnikov Kabanov Noskov Yudin Kulagin Lapin Prokhorov Nesterov Kharitonov Agafonov Muravyov Laptev Gordeev Bondarev Kovalchuk Shevchenko Tkachenko Kravchenko Boyko Marchenko Savchenko Rudenko Moroz Lysenko Petrenko Klimenko Pavlenko Kharchenko Levchenko Karpenko Zhuk Ostapenko Yurchenko Kozak Panchenko Ryabko Dovgal Ishchenko Korzh Hrytsenko Sidorenko Ilchenko Kushnir'.split(),
    'baltic': 'Kazlauskas Jankauskas Petrauskas Stankevicius Vasiliauskas Zukauskas Butkus Paulauskas Urbonas Kavaliauskas Berzins Kalnins Ozolins Jansons Liepins Krumins Balodis Eglitis Zarins Petersons Vitols Klavins Karklins Vanags Lacis'.split(),
    'western': 'Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Thomas Moore Martin Jackson White Harris Clark Lewis Walker Hall Young King Wright Scott Green Baker Adams Nelson Hill Campbell Mitchell Roberts Carter Phillips Evans Turner Parker Collins Edwards Stewart Morris Murphy Cook Rogers Morgan Cooper Peterson Bailey Reed Kelly Howard Cox Ward Richardson Watson Brooks Wood James Bennett Gray Hughes Price Sanders Myers Long Ross Foster Mueller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Dubois Durand Lefebvre Moreau Laurent Rossi Russo Ferrari Esposito Bianchi Romano Garcia Fernandez Lopez Martinez Gonzalez Rodriguez Sanchez Perez'.split(),
    'arabic': 'Al-Rashid Haddad Khoury Nasser Saleh Mansour Aziz Hamdan Farouk Abdullah Al-Masri Qasim Othman Bakr Hijazi Darwish Sabbagh Karam Zayed Youssef'.split(),
    'asian': 'Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Tanaka Suzuki Takahashi Watanabe Ito Yamamoto Nakamura Kim Lee Park Choi Jung Kang Nguyen Tran Le Pham Patel Sharma Singh Gupta Kumar Reddy Srisai Wongsakul'.split(),
}
U_CO_W1 = 'Baltic Nordic Amber Silver Golden Green Vector Delta Orion Atlant Polar Eastern Western Central Global United Prime Stellar Granit Kristall Almaz Sever Yug Vostok Ural Volga Dnepr Neva Kama Sibir Karpaty Riga Vilnius Kaunas Tallinn Warsaw Krakow Prague Berlin Hamburg Lviv Kyiv Odessa'.split()
U_CO_W2 = 'Timber Dairy Furniture Textile Logistics Software Glass Paper Bakery Brewing Pharma Cement Plastics Electronics Shipping Consulting Agro Meat Fish Fruit Steel Cable Pumps Tools Paints Shoes Leather Printing Medical Dental Hotel Travel Insurance Freight Solar Wind Energy Foods Grain Sugar'.split()
U_CO_W3 = 'Plant Factory Works Company Group Holding Trading House Center Service Systems Industries Partners Bank Solutions Enterprise Association'.split()
U_CO_LF = ['LLC', 'OJSC', 'JSC', 'Ltd', 'GmbH', 'SIA', 'UAB', 'S.A.', 'Inc.', 'Sp. z o.o.', 'OOO', 'CJSC', 'AS', '']


def make_unlisted(rng, listed):
    listed_names = {fold(r['name']) for r in listed}
    listed_sur = {fold(r['surname']) for r in listed if r['kind'] == 'P' and r['script'] == 'lat'}
    listed_words = {fold(w) for r in listed for w in re.findall(r'\w+', r['name'])}
    out = []

    def addp(cat, g, s, m='', dob='', country=''):
        nm = ' '.join(x for x in (g, m, s) if x)
        if fold(nm) in listed_names: return
        out.append(dict(src='unlisted', eid='', kind='P', name=nm, script='lat', dob=dob, country=country, given=g,
                        middle=[m] if m else [], surname=s, ucat=cat))

    def rdob():
        return f'{rng.randint(1950, 2000)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}'
    for cat, gk, sk, n, withp, ctry in [
        ('slavic_m', 'slavic_m', 'slavic', 170, True, 'RU'), ('slavic_f', 'slavic_f', 'slavic', 110, True, 'UA'),
        ('baltic', 'baltic_m', 'baltic', 60, False, 'LT'), ('western', 'western_m', 'western', 60, False, 'DE'),
        ('western_f', 'western_f', 'western', 40, False, 'FR'), ('arabic', 'arabic_m', 'arabic', 50, False, 'AE'),
        ('asian', 'asian_m', 'asian', 50, False, 'CN')]:
        k = 0
        while k < n:
            g = rng.choice(U_GIVEN[gk]); s = rng.choice(U_SUR[sk])
            if cat == 'slavic_f':
                s = s + 'a' if s.endswith(('ov', 'ev', 'in', 'yov')) else s
            if fold(s) in listed_sur: continue
            m = ''
            if withp and rng.random() < 0.6:
                m = rng.choice(PATR_F if cat == 'slavic_f' else PATR_M)
            addp(cat, g, s, m, rdob() if rng.random() < 0.5 else '', ctry)
            k += 1
    # namesakes: a listed surname with another given name and patronymic; a listed given name+patronymic with another surname
    lp = [r for r in listed if r['kind'] == 'P' and r['script'] == 'lat' and r['middle']]
    given_of = {}
    for r in listed:
        if r['kind'] == 'P' and r['script'] == 'lat':
            given_of.setdefault(fold(r['surname'])[:4], set()).add(fold(r['given'])[:3])
    for _ in range(140):
        p = rng.choice(lp)
        fem = female(p)
        taken = given_of.get(fold(p['surname'])[:4], set())
        # a given name no listed person of a like surname has (else it is the listed name itself)
        g = rng.choice([x for x in (GIVEN_F if fem else GIVEN_M) if fold(x)[:3] not in taken])
        m = rng.choice([x for x in (PATR_F if fem else PATR_M) if fold(x)[:4] != fold(p['middle'][0])[:4]])
        addp('namesake_surname', g, p['surname'].capitalize(), m if rng.random() < 0.5 else '', rdob(), 'RU')
    for _ in range(60):
        p = rng.choice(lp)
        s = rng.choice([x for x in U_SUR['slavic'] if fold(x) not in listed_sur])
        if female(p): s = s + 'a' if s.endswith(('ov', 'ev', 'in')) else s
        addp('namesake_given', p['given'], s, p['middle'][0], rdob(), 'BY')
    # companies
    k = 0
    while k < 300:
        n = ' '.join(x for x in [rng.choice(U_CO_W1), rng.choice(U_CO_W2), rng.choice(U_CO_W3) if rng.random() < 0.7 else '',
                                 rng.choice(U_CO_LF)] if x)
        if fold(n) in listed_names: continue
        out.append(dict(src='unlisted', eid='', kind='O', name=n, script='lat', dob='', country='', ucat='company'))
        k += 1
    lo = [r for r in listed if r['kind'] == 'O' and r['script'] == 'lat']
    wents = {}
    for r in listed:
        for w in re.findall(r'\w+', fold(r['name'])):
            wents.setdefault(w, set()).add(r['eid'].split(':')[0] + fold(r['name'])[:0] + r['eid'])
    CITIES = {'grodno', 'gomel', 'brest', 'vitebsk', 'mogilev', 'polotsk', 'novopolotsk', 'borisov', 'bobruisk', 'orsha',
              'pinsk', 'lida', 'mozyr', 'zhodino', 'moskva', 'moscow', 'dubai'}

    def brand(w):
        # a word found in the names of one listed entity only (its source's), and not a town: the entity's own brand
        f = fold(w)
        return f not in CITIES and len({e for e in wents.get(f, ())}) <= 3 and len(f) >= 6
    k = 0
    while k < 100:
        o = rng.choice(lo)
        ws = [w for w in sig_words(o['name']) if len(w) > 3 and fold(w) not in ('belarus', 'republic', 'minsk')]
        if not ws: continue
        w = rng.choice(ws).strip('"').capitalize()
        if not re.fullmatch(r'[A-Za-z-]+', w): continue
        n = ' '.join(x for x in [w, rng.choice(U_CO_W2), rng.choice(U_CO_W3), rng.choice(U_CO_LF)] if x) \
            if rng.random() < 0.5 else ' '.join(x for x in [rng.choice(U_CO_W1), w, rng.choice(U_CO_LF)] if x)
        if fold(n) in listed_names: continue
        out.append(dict(src='unlisted', eid='', kind='O', name=n, script='lat', dob='', country='', ucat='namesake_company_brand' if brand(w) else 'namesake_company_generic',
                        shared=w))
        k += 1
    return out


# ---------------------------------------------------------------- main
def rng_for(*keys):
    return random.Random(int(hashlib.sha256(('|'.join(map(str, keys)) + str(SEED)).encode()).hexdigest()[:12], 16))


def junk(r):
    """parser leftovers that are no name: an alias that is only legal-form words or the country"""
    if r['kind'] != 'O': return False
    ws = [fold(w) for w in re.findall(r'\w+', r['name'])]
    rest = [w for w in ws if w not in LEGALW and w not in STOP and w not in
            ('belarus', 'общество', 'с', 'ограниченной', 'ответственностью', 'адкрытае', 'акцыянернае', 'таварыства',
             'открытое', 'акционерное')]
    return not rest


def main(out='queries.jsonl'):
    listed = [r for r in lists.load() if not junk(r)]
    unl = make_unlisted(random.Random(SEED), listed)
    seen = set()
    n = 0
    with open(out, 'w') as f:
        for base in listed + unl:
            fams = PERSON_FAMILIES if base['kind'] == 'P' else ORG_FAMILIES
            if base['kind'] == 'P' and 'surname' not in base: continue
            for fam, fn in fams.items():
                r = rng_for(fam, base['eid'], base['name'])
                try:
                    q = fn(r, base if base['kind'] == 'P' else base['name'])
                except (IndexError, ValueError):
                    q = None
                if not q: continue
                if fam not in ('P00_exact', 'O00_exact') and q == base['name']: continue
                key = (fam, base['eid'], q)
                if key in seen: continue
                seen.add(key)
                party = dict(name=q, type='PERSON' if base['kind'] == 'P' else 'ORGANIZATION')
                if fam == 'P14_surname_dob_country':
                    party.update(date_of_birth=base['dob'], country='BY')
                rec = dict(id=f'q{n:06d}', family=fam, listed=base['src'] != 'unlisted', party=party,
                           expect=base['eid'], base=base['name'], src=base['src'])
                if base['kind'] == 'P':
                    rec.update(slen=len(base['surname']), script=base['script'], nmid=len(base['middle']))
                else:
                    rec.update(script=base['script'])
                if base['src'] == 'unlisted':
                    rec['ucat'] = base['ucat']
                    if fam == 'P14_surname_dob_country':
                        party.update(date_of_birth=base['dob'] or '1970-01-01', country=base['country'] or 'BY')
                if fam == 'P14_surname_dob_country' and base['src'] != 'unlisted':
                    rec['dob_precision'] = {4: 'year', 7: 'month', 10: 'day'}.get(len(base['dob']), 'other')
                f.write(json.dumps(rec, ensure_ascii=False) + '\n')
                n += 1
    print('wrote', n, 'queries to', out)


if __name__ == '__main__':
    main(*sys.argv[1:])
