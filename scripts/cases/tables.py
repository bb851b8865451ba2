# Own tables: transliteration, declension helpers, keyboard, OCR, name tables (independent of the server).
import re, unicodedata

RU2LAT = {'а': 'a', 'б': 'b', 'в': 'v', 'г': 'g', 'д': 'd', 'е': 'e', 'ё': 'yo', 'ж': 'zh', 'з': 'z', 'и': 'i', 'й': 'y', 'к': 'k',
          'л': 'l', 'м': 'm', 'н': 'n', 'о': 'o', 'п': 'p', 'р': 'r', 'с': 's', 'т': 't', 'у': 'u', 'ф': 'f', 'х': 'kh', 'ц': 'ts',
          'ч': 'ch', 'ш': 'sh', 'щ': 'shch', 'ъ': '', 'ы': 'y', 'ь': '', 'э': 'e', 'ю': 'yu', 'я': 'ya', 'і': 'i', 'ў': 'w', 'ї': 'yi', 'є': 'ye', 'ґ': 'g'}


def ru_lat(s):
    out = []
    for i, ch in enumerate(s):
        lo = ch.lower()
        if lo in RU2LAT:
            t = RU2LAT[lo]
            # BGN: е after vowel/ь/ъ or at word start -> ye
            if lo == 'е' and (i == 0 or not s[i - 1].isalpha() or s[i - 1].lower() in 'аеёиоуыэюяьъ'):
                t = 'ye'
            if lo == 'ь' and i + 1 < len(s) and s[i + 1].lower() in 'еёиюя':
                t = ''
            if ch.isupper():
                t = t.upper() if (i + 1 < len(s) and s[i + 1].isupper()) or (i > 0 and s[i - 1].isupper()) else t.capitalize()
            out.append(t)
        else:
            out.append(ch)
    return ''.join(out)


UK2LAT = {'а': 'a', 'б': 'b', 'в': 'v', 'г': 'h', 'ґ': 'g', 'д': 'd', 'е': 'e', 'є': 'ie', 'ж': 'zh', 'з': 'z', 'и': 'y', 'і': 'i', 'ї': 'i',
          'й': 'i', 'к': 'k', 'л': 'l', 'м': 'm', 'н': 'n', 'о': 'o', 'п': 'p', 'р': 'r', 'с': 's', 'т': 't', 'у': 'u', 'ф': 'f', 'х': 'kh',
          'ц': 'ts', 'ч': 'ch', 'ш': 'sh', 'щ': 'shch', 'ь': '', 'ю': 'iu', 'я': 'ia', "'": ''}


def uk_lat(s):  # Ukrainian national system (2010), word-initial є ї й ю я -> ye yi y yu ya
    out = []
    for i, ch in enumerate(s):
        lo = ch.lower()
        if lo in UK2LAT:
            t = UK2LAT[lo]
            if (i == 0 or not s[i - 1].isalpha()) and lo in 'єїйюя':
                t = {'є': 'ye', 'ї': 'yi', 'й': 'y', 'ю': 'yu', 'я': 'ya'}[lo]
            if ch.isupper():
                t = t.capitalize()
            out.append(t)
        else:
            out.append(ch)
    return ''.join(out)


# Belarusian Cyrillic -> Łacinka (classical)
BE2LAC = {'а': 'a', 'б': 'b', 'в': 'v', 'г': 'h', 'ґ': 'g', 'д': 'd', 'ж': 'ž', 'з': 'z', 'і': 'i', 'й': 'j', 'к': 'k', 'м': 'm',
          'н': 'n', 'о': 'o', 'п': 'p', 'р': 'r', 'с': 's', 'т': 't', 'у': 'u', 'ў': 'ŭ', 'ф': 'f', 'х': 'ch', 'ц': 'c', 'ч': 'č',
          'ш': 'š', 'ы': 'y', 'э': 'e', "'": '', 'и': 'i', 'щ': 'šč', 'ъ': ''}
SOFT = {'з': 'ź', 'с': 'ś', 'н': 'ń', 'ц': 'ć', 'л': 'l'}
IOT = {'е': 'e', 'ё': 'o', 'ю': 'u', 'я': 'a'}


def be_lacinka(s):
    out = []
    n = len(s)
    for i, ch in enumerate(s):
        lo = ch.lower()
        prev = s[i - 1].lower() if i > 0 else ' '
        nxt = s[i + 1].lower() if i + 1 < n else ' '
        if lo == 'ь':
            continue
        if lo in IOT:
            if prev == 'л':
                t = IOT[lo]
            elif not prev.isalpha() or prev in 'аеёіоуыэюяўь\'':
                t = 'j' + IOT[lo]
            else:
                t = 'i' + IOT[lo]
        elif lo == 'л':
            t = 'l' if nxt in 'ьеёюяі' else 'ł'
        elif lo in SOFT and nxt == 'ь':
            t = SOFT[lo]
        elif lo in BE2LAC:
            t = BE2LAC[lo]
        else:
            out.append(ch); continue
        if ch.isupper():
            t = t[:1].upper() + t[1:]
        out.append(t)
    return ''.join(out)


def fold(s):
    s = s.replace('ł', 'l').replace('Ł', 'L')
    return ''.join(c for c in unicodedata.normalize('NFKD', s) if not unicodedata.combining(c))


# Latin (Russian-style romanisation) -> Russian Cyrillic, greedy
LAT2RU = [('shch', 'щ'), ('sch', 'щ'), ('kh', 'х'), ('zh', 'ж'), ('ts', 'ц'), ('ch', 'ч'), ('sh', 'ш'), ('yu', 'ю'), ('ya', 'я'), ('ye', 'е'),
          ('yo', 'ё'), ('iy', 'ий'), ('yy', 'ый'), ('yi', 'ый'), ('ia', 'ия'), ('a', 'а'), ('b', 'б'), ('v', 'в'), ('w', 'в'), ('g', 'г'), ('h', 'х'),
          ('d', 'д'), ('e', 'е'), ('z', 'з'), ('i', 'и'), ('j', 'й'), ('k', 'к'), ('l', 'л'), ('m', 'м'), ('n', 'н'), ('o', 'о'), ('p', 'п'),
          ('r', 'р'), ('s', 'с'), ('t', 'т'), ('u', 'у'), ('f', 'ф'), ('y', 'ы'), ('c', 'к'), ('x', 'кс'), ('q', 'к'), ("'", 'ь')]


def lat_ru(word):
    w = word.lower()
    out = ''
    i = 0
    while i < len(w):
        for a, b in LAT2RU:
            if w.startswith(a, i):
                # y before consonant after vowel -> й ; y at end after vowel -> й
                if a == 'y' and i > 0 and w[i - 1] in 'aeiou':
                    b = 'й'
                if a == 'ye' and i > 0 and w[i - 1] not in 'aeiouy' and i > 0:
                    b = 'ье'
                out += b; i += len(a); break
        else:
            out += w[i]; i += 1
    out = re.sub('ьевич', 'ьевич', out)
    return out[:1].upper() + out[1:]


# ---------------- Russian declension (Cyrillic)
HUSH = 'гкхжшчщ'
VOW = 'аеёиоуыэюя'


def decl_given(w, g, case):  # case: 'dat' / 'gen'
    lw = w.lower()
    if g == 'M':
        if lw.endswith('ий'): return w[:-1] + ('ю' if case == 'dat' else 'я')
        if lw.endswith('й') or lw.endswith('ь'): return w[:-1] + ('ю' if case == 'dat' else 'я')
        if lw.endswith('ья'): return w[:-1] + ('е' if case == 'dat' else 'и')
        if lw.endswith('а'): return w[:-1] + ('е' if case == 'dat' else ('и' if lw[-2] in HUSH else 'ы'))
        if lw[-1] in VOW: return w
        return w + ('у' if case == 'dat' else 'а')
    else:
        if lw.endswith('ия'): return w[:-1] + 'и'
        if lw.endswith('ья'): return w[:-1] + ('е' if case == 'dat' else 'и')
        if lw.endswith('я'): return w[:-1] + ('е' if case == 'dat' else 'и')
        if lw.endswith('а'): return w[:-1] + ('е' if case == 'dat' else ('и' if lw[-2] in HUSH else 'ы'))
        if lw.endswith('вь'): return w[:-1] + 'и'
        return w


def decl_patr(w, g, case):
    lw = w.lower()
    if lw.endswith('ич'): return w + ('у' if case == 'dat' else 'а')
    if lw.endswith('на'): return w[:-1] + ('е' if case == 'dat' else 'ы')
    return w


def decl_surname(w, g, case):
    lw = w.lower()
    if '-' in w:
        return '-'.join(decl_surname(p, g, case) for p in w.split('-'))
    if g == 'M':
        if re.search('(ский|цкий)$', lw): return w[:-2] + ('ому' if case == 'dat' else 'ого')
        if re.search('(ый|ой)$', lw): return w[:-2] + ('ому' if case == 'dat' else 'ого')
        if lw.endswith('ий'): return w[:-2] + (('ому' if case == 'dat' else 'ого') if lw[-3] in HUSH else ('ему' if case == 'dat' else 'его'))
        if re.search('(ко|о|ых|их|е|и|у|ю|э)$', lw): return w
        if lw.endswith('ья') or lw.endswith('я'): return w[:-1] + ('е' if case == 'dat' else 'и')
        if lw.endswith('а'): return w[:-1] + ('е' if case == 'dat' else ('и' if lw[-2] in HUSH else 'ы'))
        if lw.endswith('ь') or lw.endswith('й'): return w[:-1] + ('ю' if case == 'dat' else 'я')
        return w + ('у' if case == 'dat' else 'а')
    else:
        if re.search('(ова|ева|ёва|ина|ына)$', lw): return w[:-1] + 'ой'
        if re.search('(ская|цкая|ая)$', lw): return w[:-2] + 'ой'
        if lw.endswith('яя'): return w[:-2] + 'ей'
        if lw.endswith('а') and lw[-2] not in VOW: return w[:-1] + ('е' if case == 'dat' else ('и' if lw[-2] in HUSH else 'ы'))
        return w


# Russian company words: nominative -> (genitive, dative)
ORG_WORDS = {
    'открытое': ('открытого', 'открытому'), 'закрытое': ('закрытого', 'закрытому'), 'акционерное': ('акционерного', 'акционерному'),
    'общество': ('общества', 'обществу'), 'республиканское': ('республиканского', 'республиканскому'),
    'унитарное': ('унитарного', 'унитарному'), 'предприятие': ('предприятия', 'предприятию'), 'государственное': ('государственного', 'государственному'),
    'частное': ('частного', 'частному'), 'производственное': ('производственного', 'производственному'), 'торговое': ('торгового', 'торговому'),
    'объединение': ('объединения', 'объединению'), 'завод': ('завода', 'заводу'), 'банк': ('банка', 'банку'), 'концерн': ('концерна', 'концерну'),
    'компания': ('компании', 'компании'), 'управляющая': ('управляющей', 'управляющей'), 'холдинга': ('холдинга', 'холдинга'),
    'холдинг': ('холдинга', 'холдингу'), 'учреждение': ('учреждения', 'учреждению'), 'комитет': ('комитета', 'комитету'),
    'оао': ('оао', 'оао'), 'зао': ('зао', 'зао'), 'ооо': ('ооо', 'ооо'), 'руп': ('руп', 'руп'), 'уп': ('уп', 'уп'), 'ао': ('ао', 'ао'),
    'белорусский': ('белорусского', 'белорусскому'), 'белорусская': ('белорусской', 'белорусской'), 'белорусское': ('белорусского', 'белорусскому'),
    'минский': ('минского', 'минскому'), 'национальный': ('национального', 'национальному'), 'институт': ('института', 'институту'),
    'научно-исследовательский': ('научно-исследовательского', 'научно-исследовательскому'), 'автомобильный': ('автомобильного', 'автомобильному'),
    'тракторный': ('тракторного', 'тракторному'), 'металлургический': ('металлургического', 'металлургическому'),
    'с': ('с', 'с'), 'ограниченной': ('ограниченной', 'ограниченной'), 'ответственностью': ('ответственностью', 'ответственностью'),
}


def decl_brand(w, case):
    lw = w.lower()
    if lw.endswith('ий'): return w[:-1] + ('я' if case == 'gen' else 'ю')
    if lw.endswith('ь') or lw.endswith('й'): return w[:-1] + ('я' if case == 'gen' else 'ю')
    if lw.endswith('а'): return w[:-1] + (('и' if lw[-2] in HUSH else 'ы') if case == 'gen' else 'е')
    if lw.endswith('я'): return w[:-1] + ('и' if case == 'gen' else 'е')
    if lw[-1] in VOW or not lw[-1].isalpha(): return w
    return w + ('а' if case == 'gen' else 'у')


# ---------------- keyboard (QWERTY) and OCR
KB = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm']
POS = {c: (r, i) for r, row in enumerate(KB) for i, c in enumerate(row)}


def kb_neighbours(c):
    lo = c.lower()
    if lo not in POS:
        return []
    r, i = POS[lo]
    out = []
    for dr, di in ((0, -1), (0, 1), (-1, 0), (-1, 1), (1, 0), (1, -1)):
        rr, ii = r + dr, i + di
        if 0 <= rr < 3 and 0 <= ii < len(KB[rr]):
            out.append(KB[rr][ii])
    return out


OCR = [('rn', 'm'), ('m', 'rn'), ('cl', 'd'), ('d', 'cl'), ('O', '0'), ('o', '0'), ('0', 'O'), ('l', '1'), ('I', 'l'), ('l', 'I'), ('i', '1'),
       ('I', '1'), ('S', '5'), ('s', '5'), ('B', '8'), ('vv', 'w'), ('w', 'vv'), ('h', 'b'), ('e', 'c'), ('u', 'ii'), ('n', 'ri')]

# ---------------- Ukrainian forms of Russian given names (Cyrillic)
UKR_GIVEN = {'Александр': 'Олександр', 'Алексей': 'Олексій', 'Анатолий': 'Анатолій', 'Андрей': 'Андрій', 'Аркадий': 'Аркадій',
             'Валерий': 'Валерій', 'Василий': 'Василь', 'Виктор': 'Віктор', 'Виталий': 'Віталій', 'Владимир': 'Володимир', 'Вячеслав': "В'ячеслав",
             'Геннадий': 'Геннадій', 'Георгий': 'Георгій', 'Григорий': 'Григорій', 'Дмитрий': 'Дмитро', 'Евгений': 'Євген', 'Иван': 'Іван',
             'Игорь': 'Ігор', 'Илья': 'Ілля', 'Кирилл': 'Кирило', 'Константин': 'Костянтин', 'Леонид': 'Леонід', 'Михаил': 'Михайло',
             'Николай': 'Микола', 'Олег': 'Олег', 'Павел': 'Павло', 'Петр': 'Петро', 'Пётр': 'Петро', 'Сергей': 'Сергій', 'Степан': 'Степан',
             'Юрий': 'Юрій', 'Федор': 'Федір', 'Фёдор': 'Федір', 'Тимофей': 'Тимофій', 'Семен': 'Семен', 'Семён': 'Семен', 'Никита': 'Микита',
             'Елена': 'Олена', 'Наталья': 'Наталія', 'Наталия': 'Наталія', 'Татьяна': 'Тетяна', 'Ирина': 'Ірина', 'Светлана': 'Світлана',
             'Анна': 'Ганна', 'Мария': 'Марія', 'Екатерина': 'Катерина', 'Лилия': 'Лілія', 'Юлия': 'Юлія', 'Ольга': 'Ольга', 'Галина': 'Галина',
             'Людмила': 'Людмила', 'Валентина': 'Валентина', 'Лидия': 'Лідія', 'Инна': 'Інна', 'Алла': 'Алла', 'Марина': 'Марина',
             'Вадим': 'Вадим', 'Максим': 'Максим', 'Роман': 'Роман', 'Денис': 'Денис', 'Руслан': 'Руслан', 'Валентин': 'Валентин',
             'Станислав': 'Станіслав', 'Ярослав': 'Ярослав', 'Артем': 'Артем', 'Артём': 'Артем', 'Эдуард': 'Едуард', 'Антон': 'Антон',
             'Борис': 'Борис', 'Иосиф': 'Йосип', 'Владислав': 'Владислав', 'Людмила': 'Людмила', 'Оксана': 'Оксана', 'Надежда': 'Надія',
             'Вера': 'Віра', 'Любовь': 'Любов', 'Евгения': 'Євгенія', 'Виктория': 'Вікторія', 'Зоя': 'Зоя', 'Лариса': 'Лариса',
             'Тамара': 'Тамара', 'Жанна': 'Жанна', 'Олеся': 'Олеся', 'Дарья': 'Дар\'я', 'Полина': 'Поліна', 'Кристина': 'Христина'}


def uk_word(w):
    # Russian spelling -> Ukrainian spelling of a non-given word (surname / patronymic), letter level
    s = w
    s = re.sub('ий$', 'ий', s)
    s = s.replace('и', '\x01').replace('ы', 'и').replace('\x01', 'і').replace('э', 'е').replace('ё', 'ьо').replace('ъ', "'")
    s = s.replace('И', 'І').replace('Ы', 'И').replace('Э', 'Е')
    s = re.sub('ій$', 'ий', s)  # adjective surnames keep -ий
    s = re.sub('ьевич$', 'ович', s); s = re.sub('ьевна$', 'івна', s)
    s = re.sub('евич$', 'ович', s) if re.search('[жшчщц]евич$', s) is None and s.endswith('евич') and len(s) > 6 and s[-5] in 'йь' else s
    s = re.sub('овна$', 'івна', s); s = re.sub('евна$', 'ївна', s)
    s = re.sub('іч$', 'ич', s)  # patronymic -ович keeps и
    s = re.sub('ович$', 'ович', s)
    return s
