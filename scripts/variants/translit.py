"""My own romanisation tables (written for this benchmark)."""
import re
V_RU = 'аеёиоуыэюяіў'
def _cap(s):
    return '-'.join(p[:1].upper() + p[1:] for p in s.split('-'))

def lat2cyr(w):
    """Reverse-transliterate a Latin (BGN/OFAC-style) Russian/Belarusian name to Russian-ish Cyrillic."""
    s = w.lower()
    pairs = [('ph', 'ф'), ('ck', 'к'), ('ca', 'ка'), ('co', 'ко'), ('cu', 'ку'), ('ct', 'кт'), ('iya', 'ия'), ('ija', 'ия'), ('shch', 'щ'), ('sch', 'щ'), ('zh', 'ж'), ('kh', 'х'), ('ts', 'ц'), ('tz', 'ц'), ('ch', 'ч'), ('sh', 'ш'),
             ('yu', 'ю'), ('iu', 'ю'), ('ya', 'я'), ('ia', 'я'), ('yo', 'ё'), ('io', 'ё'), ('ye', 'е'), ('ie', 'ье'),
             ('iy', 'ий'), ('yy', 'ый'), ('ei', 'ей'), ('ai', 'ай'), ('oi', 'ой'), ('ui', 'уй'), ('ey', 'ей'), ('ay', 'ай'), ('oy', 'ой'),
             ('a', 'а'), ('b', 'б'), ('v', 'в'), ('w', 'в'), ('g', 'г'), ('h', 'г'), ('d', 'д'), ('e', 'е'), ('z', 'з'), ('i', 'и'),
             ('j', 'й'), ('k', 'к'), ('l', 'л'), ('m', 'м'), ('n', 'н'), ('o', 'о'), ('p', 'п'), ('r', 'р'), ('s', 'с'),
             ('t', 'т'), ('u', 'у'), ('f', 'ф'), ('y', 'ы'), ('c', 'ц'), ('x', 'кс'), ("'", 'ь'), ('q', 'к')]
    out = ''; i = 0
    while i < len(s):
        if i == 0 and s[0] == 'e':
            out += 'э'; i = 1; continue
        for a, b in pairs:
            if s.startswith(a, i):
                # word-initial / after-vowel "e" -> э/е ; "ie" after consonant = ье only mid-word
                if a == 'ie' and (i == 0):
                    b = 'ие'
                if a == 'y' and i + 1 < len(s) and s[i + 1] in 'aeiou':
                    b = 'й'
                if a == 'e' and i == 0:
                    b = 'э'
                out += b; i += len(a); break
        else:
            out += s[i]; i += 1
    out = re.sub(r'ы$', 'ий', out) if re.search(r'[кгх]ы$', out) else out
    out = re.sub(r'ый$', 'ый', out)
    return _cap(out)

def _map(s, table, special=None):
    out = []
    s2 = s
    for i, ch in enumerate(s2):
        lo = ch.lower()
        prev = s2[i - 1].lower() if i else ' '
        nxt = s2[i + 1].lower() if i + 1 < len(s2) else ' '
        if special:
            r = special(lo, prev, nxt)
            if r is not None:
                out.append(r if ch == lo else r[:1].upper() + r[1:]); continue
        r = table.get(lo, lo)
        out.append(r if ch == lo else r[:1].upper() + r[1:])
    return ''.join(out)

BASE = dict(zip('абвгдзийклмнопрстуфыэ', 'a b v g d z i y k l m n o p r s t u f y e'.split()))
def _initial_or_vowel(prev):
    return prev in ' -' + V_RU + 'ъь'

def bgn(s):
    t = dict(BASE, ж='zh', х='kh', ц='ts', ч='ch', ш='sh', щ='shch', ъ='', ь='', ю='yu', я='ya', ё='yo', е='e', і='i', ў='u')
    return _map(s, t, lambda c, p, n: ('ye' if c == 'е' and _initial_or_vowel(p) else None))
def icao(s):
    t = dict(BASE, й='i', ж='zh', х='kh', ц='ts', ч='ch', ш='sh', щ='shch', ъ='ie', ь='', ю='iu', я='ia', ё='e', е='e', і='i', ў='u')
    return _map(s, t)
def iso9(s):
    t = dict(BASE, й='j', ж='ž', х='h', ц='c', ч='č', ш='š', щ='ŝ', ъ='ʺ', ь='ʹ', ю='û', я='â', ё='ë', е='e', э='è', і='ì', ў='ŭ')
    return _map(s, t)
def gost_b(s):
    t = dict(BASE, й='j', ж='zh', х='x', ц='cz', ч='ch', ш='sh', щ='shh', ъ='``', ь='`', ю='yu', я='ya', ё='yo', е='e', э="e`", ы="y`", і='i', ў='u')
    return _map(s, t)
def polish(s):
    t = dict(BASE, в='w', й='j', ж='ż', х='ch', ц='c', ч='cz', ш='sz', щ='szcz', ъ='', ь='', ё='io', е='e', ю='iu', я='ia', і='i', ў='u', л='ł')
    def sp(c, p, n):
        if c == 'л' and n in 'ьеёюяиі': return 'l'
        if c in 'еёюя' and _initial_or_vowel(p): return {'е': 'je', 'ё': 'jo', 'ю': 'ju', 'я': 'ja'}[c]
        if c == 'и' and p in 'жшц': return 'y'
        if c == 'ь' and n in 'еёюя': return ''
        return None
    return _map(s, t, sp)
def german(s):
    t = dict(BASE, в='w', з='s', й='j', ж='sch', х='ch', ц='z', ч='tsch', ш='sch', щ='schtsch', ъ='', ь='', ю='ju', я='ja', ё='jo', е='e', ы='y', э='e', і='i', ў='w')
    def sp(c, p, n):
        if c == 'е' and _initial_or_vowel(p): return 'je'
        if c == 'с' and p in V_RU and n in V_RU: return 'ss'
        if c == 'к' and n == 'с': return 'k'
        return None
    return _map(s, t, sp)
def french(s):
    t = dict(BASE, й='ï', ж='j', х='kh', ц='ts', ч='tch', ш='ch', щ='chtch', ъ='', ь='', ю='iou', я='ia', ё='io', е='e', у='ou', ы='y', э='e', і='i', ў='ou')
    def sp(c, p, n):
        if c == 'й' and n == ' ': return 'ï'
        if c == 'с' and p in V_RU and n in V_RU: return 'ss'
        if c == 'г' and n in 'еиіэ': return 'gu'
        if c == 'е' and _initial_or_vowel(p): return 'ie'
        return None
    out = _map(s, t, sp)
    return re.sub(r'(?<=\w)in\b', 'ine', out)
def czech(s):
    t = dict(BASE, й='j', ж='ž', х='ch', ц='c', ч='č', ш='š', щ='šč', ъ='', ь='', ю='ju', я='ja', ё='jo', е='e', ы='y', э='e', і='i', ў='u')
    def sp(c, p, n):
        if c == 'е' and _initial_or_vowel(p): return 'je'
        if c in 'юяё' and p not in ' -' + V_RU + 'ъь': return {'ю': 'iu', 'я': 'ia', 'ё': 'io'}[c]
        return None
    return _map(s, t, sp)
def by2007(s):   # Belarusian national system (2007), applied to Belarusian Cyrillic
    t = dict(BASE, г='h', й='j', ж='ž', х='ch', ц='c', ч='č', ш='š', ъ='', ь='', ю='ju', я='ja', ё='jo', е='je', ы='y', э='e', і='i', ў='ŭ', и='i', щ='šč')
    soft = {'з': 'ź', 'с': 'ś', 'ц': 'ć', 'н': 'ń', 'л': 'ĺ', 'дз': 'dź'}
    def sp(c, p, n):
        if c in 'еёюя' and p not in ' -' + V_RU + 'ъь\'': return {'е': 'ie', 'ё': 'io', 'ю': 'iu', 'я': 'ia'}[c]
        if c in soft and n == 'ь': return soft[c]
        return None
    return _map(s, t, sp)
def lacinka(s):
    t = dict(BASE, г='h', й='j', ж='ž', х='ch', ц='c', ч='č', ш='š', ъ='', ь='', ю='ju', я='ja', ё='jo', е='je', ы='y', э='e', і='i', ў='ŭ', и='i', л='ł', щ='šč')
    soft = {'з': 'ź', 'с': 'ś', 'ц': 'ć', 'н': 'ń'}
    def sp(c, p, n):
        if c == 'л' and n in 'ьеёюяі': return 'l'
        if c in 'еёюя' and p == 'л': return {'е': 'e', 'ё': 'o', 'ю': 'u', 'я': 'a'}[c]
        if c in 'еёюя' and p not in ' -' + V_RU + 'ъь': return {'е': 'ie', 'ё': 'io', 'ю': 'iu', 'я': 'ia'}[c]
        if c in soft and n == 'ь': return soft[c]
        return None
    return _map(s, t, sp)
def ukr_lat(s):  # Ukrainian national 2010, applied to Ukrainian Cyrillic
    t = dict(BASE, г='h', ґ='g', и='y', і='i', ї='i', є='ie', й='i', ж='zh', х='kh', ц='ts', ч='ch', ш='sh', щ='shch', ь='', ю='iu', я='ia', е='e')
    def sp(c, p, n):
        if c in 'єїйюя' and p in ' -': return {'є': 'ye', 'ї': 'yi', 'й': 'y', 'ю': 'yu', 'я': 'ya'}[c]
        return None
    return _map(s, t, sp)
def lith(s):
    t = dict(BASE, й='j', ж='ž', х='ch', ц='c', ч='č', ш='š', щ='šč', ъ='', ь='', ю='ju', я='ja', ё='jo', е='e', ы='y', э='e', і='i', ў='u', г='g')
    def sp(c, p, n):
        if c in 'юяё' and p not in ' -' + V_RU + 'ъь': return {'ю': 'iu', 'я': 'ia', 'ё': 'io'}[c]
        if c == 'е' and _initial_or_vowel(p): return 'je'
        return None
    return _map(s, t, sp)
SYSTEMS = dict(bgn=bgn, icao=icao, iso9=iso9, gost_b=gost_b, polish=polish, german=german, french=french, czech=czech)

def lt_masc(w, role):
    """Lithuanian nominative of a (Lithuanian-lettered) masculine word."""
    lw = w.lower()
    if role == 'sur' and re.search(r'(ij|yj)$', lw): return w[:-2] + 'is'
    if re.search(r'(ij|yj|ji)$', lw): return w + 'us'
    if lw.endswith('a') or lw.endswith('o'): return w
    if lw.endswith('j'): return w + 'us'
    if role == 'sur' and re.search(r'(ij|yj)$', lw): return w[:-2] + 'is'
    if lw.endswith('i'): return w[:-1] + 'is' if role == 'sur' else w + 'jus'
    if lw.endswith('č'): return w + 'ius'
    if lw.endswith('y'): return w[:-1] + 'is'
    return w + 'as'
def lv_masc(w):
    lw = w.lower()
    if lw.endswith('a') or lw.endswith('o') or lw.endswith('e'): return w
    if lw.endswith('ij') or lw.endswith('yj'): return w[:-2] + 'ijs'
    if lw.endswith('j'): return w + 's'
    if lw.endswith('i') or lw.endswith('y'): return w[:-1] + 'ijs'
    return w + 's'
def lt_fem_surname(w, married=True):
    lw = w.lower()
    if lw.endswith('ova') or lw.endswith('eva') or lw.endswith('ina'): return w
    if lw.endswith('a') or lw.endswith('o'): return w[:-1] + ('ienė' if married else 'aitė')
    return w + ('ienė' if married else 'aitė')

def ru2by(w):
    """Crude Russian-Cyrillic -> Belarusian-Cyrillic spelling of a name word."""
    s = w
    s = re.sub(r'енко$', 'енка', s); s = re.sub(r'ЕНКО$', 'ЕНКА', s)
    s = re.sub(r'(?<=[ожшчцр])е', 'э', s)
    s = re.sub(r'(?<=[жшчцр])и', 'ы', s)
    s = s.replace('и', 'і').replace('И', 'І')
    s = re.sub(r'ов$', 'оў', s); s = re.sub(r'ев$', 'еў', s)
    s = re.sub(r'ский$', 'скі', s); s = re.sub(r'цкий$', 'цкі', s); s = re.sub(r'ий$', 'і', s); s = re.sub(r'ій$', 'і', s)
    s = re.sub(r'ович$', 'овіч', s); s = re.sub(r'овіч$', 'авіч', s); s = re.sub(r'овна$', 'аўна', s); s = re.sub(r'евна$', 'еўна', s)
    s = re.sub(r'ъ', "'", s)
    s = re.sub(r'щ', 'шч', s)
    return s
def ru2ua(w):
    """Russian-Cyrillic surname/patronymic -> Ukrainian Cyrillic spelling."""
    s = w.replace('и', 'і').replace('ы', 'и').replace('И', 'І').replace('Ы', 'И').replace('э', 'е').replace('ё', 'ьо').replace('ъ', "'")
    s = re.sub(r'(?<=[аоу])е', 'є', s)
    s = re.sub(r'ій$', 'ий', s); s = re.sub(r'ский$|скій$', 'ський', s)
    s = re.sub(r'ович$|овіч$', 'ович', s); s = re.sub(r'евіч$', 'евич', s)
    return s
