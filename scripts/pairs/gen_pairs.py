import os
HERE = os.path.dirname(os.path.abspath(__file__))
import random, json, unicodedata, itertools
from names_ru import MALE, FEMALE, SURNAMES, fem_surname, translit, SYSTEMS
from curated import X, XNEG
R = random.Random(7)
P = []
def add(a, b, label, cat, sub, typ='PERSON', **kw):
    d = dict(a=a, b=b, type=typ, label=label, category=cat, sub=sub); d.update(kw); P.append(d)
SYS = list(SYSTEMS)
LATSYS = ['bgn','press','icao','german','french','polish','iso']
def person(gender=None, surname=None, given=None):
    g = gender or R.choice('MMF')
    s = surname or R.choice(SURNAMES)
    fa = R.choice(MALE)
    if g == 'M':
        gv = given or R.choice(MALE)[0]; pat = fa[1]; sn = s
    else:
        gv = given or R.choice(FEMALE); pat = fa[2]; sn = fem_surname(s)
    return dict(g=g, given=gv, pat=pat, sur=sn, base=s, father=fa[0])
def full(p, pat=True): return f"{p['given']} {p['pat']} {p['sur']}" if pat else f"{p['given']} {p['sur']}"

# ---------- 1 cross-script ----------
C='1_cross_script'
bygroup = {}
for g, nat, lat in X: bygroup.setdefault(g, []).append((nat, lat))
npos = 0
for g, rows in bygroup.items():
    for nat, lat in rows:
        combos = [(n, l) for n in nat for l in lat]; R.shuffle(combos)
        for n, l in combos[:3]: add(n, l, 1, C, g); npos += 1
    # negatives: native of row i vs latin of another row in the same script group
    k = len(rows)
    for i, (nat, lat) in enumerate(rows):
        for sh in ((1, 2) if R.random() < 0.35 else (1,)):
            j = (i + sh * max(1, k // 3)) % k
            if j == i: continue
            add(R.choice(nat), R.choice(rows[j][1]), 0, C, g)
for n, l in XNEG: add(n, l, 0, C, 'hard_namesake')
# generated Russian Cyrillic vs Latin systems
for _ in range(120):
    p = person(); f = full(p, R.random() < 0.6)
    add(f, translit(f, R.choice(LATSYS)), 1, C, 'ru_generated')
for _ in range(120):
    p = person(); q = dict(p)
    if R.random() < 0.5:  # same given+patronymic, other surname
        q = person(gender=p['g']); q['given'] = p['given']; q['pat'] = p['pat']
    else:                 # same surname, other given name
        q = person(gender=p['g'], surname=p['base']);
        while q['given'] == p['given']: q = person(gender=p['g'], surname=p['base'])
    usep = R.random() < 0.6
    add(full(p, usep), translit(full(q, usep), R.choice(LATSYS)), 0, C, 'ru_generated')

# ---------- 2 transliteration variants in Latin ----------
C='2_translit_latin'
for _ in range(220):
    p = person(); f = full(p, R.random() < 0.5)
    a, b = R.sample(LATSYS, 2)
    add(translit(f, a), translit(f, b), 1, C, 'ru_systems', systems=f"{a}/{b}")
for _ in range(220):
    p = person()
    if R.random() < 0.5:
        q = person(gender=p['g']); q['given'] = p['given']; q['pat'] = p['pat']
    else:
        q = person(gender=p['g'], surname=p['base'])
        while q['given'] == p['given']: q = person(gender=p['g'], surname=p['base'])
    usep = R.random() < 0.5
    a, b = R.sample(LATSYS, 2)
    add(translit(full(p, usep), a), translit(full(q, usep), b), 0, C, 'ru_systems', systems=f"{a}/{b}")
GIV = [["Aleksandr","Alexander","Oleksandr","Aliaksandr","Alyaksandr","Alexandr","Aleksander"],
 ["Mohammed","Muhammad","Mohamed","Mohammad","Muhammed","Mohamad","Mukhammad"],
 ["Yevgeny","Evgeniy","Evgeny","Jewgeni","Yevgeniy","Evgenii","Yevhen","Ievgen"],
 ["Sergey","Sergei","Serguei","Sergej","Siarhei","Serhiy","Serhii"],
 ["Dmitry","Dmitri","Dmitriy","Dmitrij","Dmytro","Dzmitry","Dmitrii"],
 ["Yuri","Yury","Yuriy","Juri","Jurij","Iouri","Yurii","Yuriy"],
 ["Nikolay","Nikolai","Mikalai","Mykola","Nikolaj"],["Andrey","Andrei","Andrej","Andriy","Andrii","Andrej"],
 ["Alexey","Aleksey","Alexei","Alexej","Aliaksei","Oleksiy","Aleksei"],["Mikhail","Michail","Mykhailo","Mikhailo","Michael"],
 ["Vladimir","Volodymyr","Uladzimir","Wladimir","Vladimer"],["Pyotr","Petr","Piotr","Petro","Pjotr"],
 ["Fyodor","Fedor","Fiodor","Fjodor","Fedir"],["Grigory","Grigoriy","Grigori","Hryhoriy","Ryhor"],
 ["Natalia","Natalya","Nataliya","Natallia","Natalja"],["Yelena","Elena","Jelena","Olena","Alena"],["Olga","Olha","Volha"],
 ["Tatyana","Tatiana","Tatjana","Tatsiana","Tetiana"],["Yulia","Yuliya","Julia","Iuliia","Yuliia","Julija"],
 ["Ksenia","Kseniya","Xenia","Ksenija"],["Vyacheslav","Viacheslav","Wjatscheslaw","Viatcheslav","Viachaslau"],
 ["Ilya","Ilia","Ilja","Illia","Illya"],["Khalid","Khaled","Chaled","Halid"],["Hussein","Husayn","Hossein","Hussain","Husain"],
 ["Abdulrahman","Abdul Rahman","Abd al-Rahman","Abdel Rahman","Abdurrahman"],["Osama","Usama","Oussama"],["Omar","Umar"],
 ["Yusuf","Youssef","Yousef","Yusef","Yussuf"],["Ahmed","Ahmad","Achmed"],["Abdullah","Abdallah","Abdulla","Abdellah"],
 ["Qasim","Kasim","Qassem","Ghasem","Kassem"],["Mustafa","Moustafa","Mostafa","Mustapha"]]
SUR = [["Gaddafi","Qadhafi","Kadhafi","Qaddafi","Gadhafi","al-Qadhafi"],["Tchaikovsky","Chaykovskiy","Tschaikowski","Tchaïkovski","Czajkowski"],
 ["Khrushchev","Chruschtschow","Khrouchtchev","Chruszczow","Hruscov"],["Gorbachev","Gorbatschow","Gorbatchev","Gorbaczow","Gorbachov"],
 ["Yeltsin","Jelzin","Eltsine","Jelcyn","Eltsin"],["Shevchenko","Schewtschenko","Chevtchenko","Szewczenko","Sevcenko"],
 ["Zhukov","Schukow","Joukov","Zukow","Zhoukov"],["Lukashenko","Lukashenka","Lukaschenko","Loukachenko","Lukaszenka"],
 ["Yanukovych","Yanukovich","Janukowytsch","Ianoukovitch","Janukowycz"],["Tymoshenko","Timoshenko","Timoschenko","Timochenko","Tymoszenko"],
 ["Medvedev","Medwedew","Miedwiediew","Medvedeff"],["Zaitsev","Saizew","Zaytsev","Zajcew","Zaitzev"],
 ["Kuznetsov","Kusnezow","Kouznetsov","Kuzniecow","Kuznecov"],["Chekhov","Tschechow","Tchekhov","Czechow","Cechov"],
 ["Rachmaninov","Rakhmaninov","Rachmaninoff","Rachmaninow"],["Prokofiev","Prokofjew","Prokofieff","Prokofyev"],
 ["Shostakovich","Schostakowitsch","Chostakovitch","Szostakowicz"],["Dostoevsky","Dostoyevsky","Dostojewski","Dostoievski"],
 ["Tolstoy","Tolstoi","Tolstoj"],["Pushkin","Puschkin","Pouchkine","Puszkin"],["Zhirinovsky","Schirinowski","Jirinovski","Zhirinovskiy"],
 ["Kalashnikov","Kalaschnikow","Kalasznikow","Kalachnikov"],["Khodorkovsky","Chodorkowski","Khodorkovski","Khodorkovskiy"],
 ["Yushchenko","Juschtschenko","Iouchtchenko","Juszczenko"],["Klitschko","Klychko","Klitchko","Kliczko"],
 ["Zelensky","Zelenskyy","Selenskyj","Zelenski","Zelenskiy"],["Assad","al-Assad","Al Asad","el-Assad","Asad"],
 ["Nasrallah","Nasr Allah","Nasrullah"],["Zawahiri","al-Zawahiri","az-Zawahiri","Zawahri"],["Khomeini","Chomeini","Khomeyni"],
 ["Ahmadinejad","Ahmadinezhad","Ahmadinedschad"],["Rouhani","Rohani","Ruhani"],["Khamenei","Chamenei","Khamenehi"],
 ["Abdel Rahman","Abdulrahman","Abd al-Rahman"],["Baghdadi","al-Baghdadi","El-Baghdadi"],["Hariri","al-Hariri","El Hariri"]]
for _ in range(150):
    gi, si = R.randrange(len(GIV)), R.randrange(len(SUR))
    a = f"{R.choice(GIV[gi])} {R.choice(SUR[si])}"; b = f"{R.choice(GIV[gi])} {R.choice(SUR[si])}"
    if a == b: continue
    add(a, b, 1, C, 'hand_variants')
for _ in range(150):
    gi, si = R.randrange(len(GIV)), R.randrange(len(SUR))
    if R.random() < 0.5:
        gj = (gi + R.randrange(1, len(GIV))) % len(GIV)
        add(f"{R.choice(GIV[gi])} {R.choice(SUR[si])}", f"{R.choice(GIV[gj])} {R.choice(SUR[si])}", 0, C, 'hand_variants')
    else:
        sj = (si + R.randrange(1, len(SUR))) % len(SUR)
        add(f"{R.choice(GIV[gi])} {R.choice(SUR[si])}", f"{R.choice(GIV[gi])} {R.choice(SUR[sj])}", 0, C, 'hand_variants')

# ---------- 3 order & structure ----------
C='3_order_structure'
NICK = {"Александр":["Sasha","Shura"],"Сергей":["Seryozha"],"Дмитрий":["Dima","Mitya"],"Алексей":["Alyosha","Lyosha"],"Михаил":["Misha"],
 "Николай":["Kolya"],"Владимир":["Volodya","Vova"],"Иван":["Vanya"],"Евгений":["Zhenya"],"Юрий":["Yura"],"Игорь":["Igoryok"],"Павел":["Pasha"],
 "Пётр":["Petya"],"Фёдор":["Fedya"],"Григорий":["Grisha"],"Вячеслав":["Slava"],"Анатолий":["Tolya"],"Борис":["Borya"],"Константин":["Kostya"],
 "Леонид":["Lyonya"],"Максим":["Maks"],"Василий":["Vasya"],"Елена":["Lena"],"Ольга":["Olya"],"Татьяна":["Tanya"],"Наталья":["Natasha"],
 "Ирина":["Ira"],"Светлана":["Sveta"],"Юлия":["Yulya"],"Мария":["Masha"],"Анна":["Anya"],"Екатерина":["Katya"],"Людмила":["Lyuda"],
 "Галина":["Galya"],"Александра":["Sasha"],"Дарья":["Dasha"],"Анастасия":["Nastya"],"Надежда":["Nadya"]}
TITLES = ["Mr.","Mrs.","Dr.","Gen.","Col.","H.E.","Prof.","Mr","Sheikh","Gospodin"]
def T(s): return translit(s, 'bgn')
def initials(w): return ''.join(x[0]+'.' for x in w)
gen_structs = ['surname_comma','surname_first','no_patronymic','initials_front','initials_back','nickname','title','upper_comma']
for _ in range(240):
    p = person(); st = R.choice(gen_structs)
    G, Pt, S = T(p['given']), T(p['pat']), T(p['sur'])
    a = f"{G} {Pt} {S}"
    if st == 'surname_comma': b = f"{S}, {G} {Pt}"
    elif st == 'surname_first': b = f"{S} {G} {Pt}"
    elif st == 'no_patronymic': b = f"{G} {S}"
    elif st == 'initials_front': b = f"{G[0]}. {Pt[0]}. {S}"
    elif st == 'initials_back': b = f"{S} {G[0]}.{Pt[0]}."
    elif st == 'nickname':
        if p['given'] not in NICK: continue
        b = f"{R.choice(NICK[p['given']])} {S}"
    elif st == 'title': b = f"{R.choice(TITLES)} {G} {S}"
    else: b = f"{S.upper()}, {G} {Pt}"
    add(a, b, 1, C, st)
    # matched negative: same transform applied to another person sharing the given name (or surname)
    q = person(gender=p['g']); q['given'] = p['given']
    if R.random() < 0.3: q = person(gender=p['g'], surname=p['base'])
    if q['sur'] == p['sur'] and q['given'] == p['given']: continue
    G2, P2, S2 = T(q['given']), T(q['pat']), T(q['sur'])
    if st == 'surname_comma': b2 = f"{S2}, {G2} {P2}"
    elif st == 'surname_first': b2 = f"{S2} {G2} {P2}"
    elif st == 'no_patronymic': b2 = f"{G2} {S2}"
    elif st == 'initials_front': b2 = f"{G2[0]}. {P2[0]}. {S2}"
    elif st == 'initials_back': b2 = f"{S2} {G2[0]}.{P2[0]}."
    elif st == 'nickname': b2 = f"{R.choice(NICK.get(q['given'], [G2]))} {S2}"
    elif st == 'title': b2 = f"{R.choice(TITLES)} {G2} {S2}"
    else: b2 = f"{S2.upper()}, {G2} {P2}"
    add(a, b2, 0, C, st)
STRUCT = [ # (sub, a, b) positives
 ("western_middle","George Walker Bush","George W. Bush"),("western_middle","George Walker Bush","BUSH, George W."),
 ("nickname","William Jefferson Clinton","Bill Clinton"),("nickname","Robert Francis Kennedy","Bobby Kennedy"),
 ("nickname","Joseph Robinette Biden Jr.","Joe Biden"),("western_middle","Donald John Trump","Donald Trump"),("western_middle","Donald John Trump","TRUMP, Donald J."),
 ("western_middle","Barack Hussein Obama","Barack Obama"),("western_middle","John Fitzgerald Kennedy","John F. Kennedy"),
 ("nickname","Richard Milhous Nixon","Dick Nixon"),("nickname","James Earl Carter","Jimmy Carter"),("nickname","Anthony Charles Lynton Blair","Tony Blair"),
 ("nickname","Alexander Boris de Pfeffel Johnson","Boris Johnson"),("western_middle","Angela Dorothea Merkel","Angela Merkel"),
 ("hispanic","Nicolás Maduro Moros","Nicolas Maduro"),("hispanic","Gabriel José García Márquez","Gabriel Garcia Marquez"),
 ("hispanic","Andrés Manuel López Obrador","Andres Manuel Lopez Obrador"),("hispanic","Hugo Rafael Chávez Frías","Hugo Chavez"),
 ("hispanic","Daniel José Ortega Saavedra","Daniel Ortega"),("hispanic","Miguel Díaz-Canel Bermúdez","Miguel Diaz-Canel"),
 ("hispanic","Fidel Alejandro Castro Ruz","Fidel Castro"),("hispanic","Raúl Modesto Castro Ruz","Raul Castro"),
 ("arabic_nasab","Mohammed bin Salman bin Abdulaziz Al Saud","Mohammed bin Salman"),("arabic_nasab","Saddam Hussein Abd al-Majid al-Tikriti","Saddam Hussein"),
 ("arabic_nasab","Tamim bin Hamad bin Khalifa Al Thani","Tamim bin Hamad Al Thani"),("arabic_nasab","Osama bin Mohammed bin Awad bin Laden","Osama bin Laden"),
 ("arabic_nasab","Mohamed bin Zayed bin Sultan Al Nahyan","Mohamed bin Zayed Al Nahyan"),("arabic_nasab","Ali Hassan al-Majid al-Tikriti","Ali Hassan al-Majid"),
 ("cjk_order","Xi Jinping","Jinping Xi"),("cjk_order","Li Keqiang","Keqiang Li"),("cjk_order","Mao Zedong","Zedong Mao"),("cjk_order","Hu Jintao","Jintao Hu"),
 ("cjk_order","Wang Yi","Yi Wang"),("cjk_order","Zhang Yimou","Yimou Zhang"),("cjk_order","Kim Jong Un","Jong Un Kim"),("cjk_order","Moon Jae-in","Jae-in Moon"),
 ("cjk_order","Park Geun-hye","Geun-hye Park"),("cjk_order","Kim Yo Jong","Yo Jong Kim"),("cjk_order","Choe Ryong Hae","Ryong Hae Choe"),
 ("cjk_order","Abe Shinzo","Shinzo Abe"),("cjk_order","Kishida Fumio","Fumio Kishida"),("cjk_order","Ban Ki-moon","Ki-moon Ban"),
 ("cjk_order","Kim Jong Un","KIM JONG-UN"),("cjk_order","Kim Jong Un","Kimjongun"),("cjk_order","Lee Jae-myung","Jae Myung Lee"),
 ("hungarian_order","Orbán Viktor","Viktor Orbán"),("hungarian_order","Bartók Béla","Béla Bartók"),("hungarian_order","Kodály Zoltán","Zoltán Kodály"),
 ("hungarian_order","Szijjártó Péter","Peter Szijjarto"),("hungarian_order","Novák Katalin","Katalin Novak"),("hungarian_order","Rubik Ernő","Erno Rubik"),
 ("hungarian_order","Puskás Ferenc","Ferenc Puskas"),("hungarian_order","Semmelweis Ignác","Ignaz Semmelweis"),
 ("title","Vladimir Putin","President Vladimir Putin"),("title","Alexander Lukashenko","Mr. Alexander Lukashenko"),("title","Ali Khamenei","Ayatollah Ali Khamenei"),
 ("title","Hassan Nasrallah","Sayyed Hassan Nasrallah"),("title","Mohammed bin Salman","HRH Crown Prince Mohammed bin Salman"),("title","Abdullah Azzam","Sheikh Abdullah Azzam"),
 ("title","Viktor Khrenin","Lt. Gen. Viktor Khrenin"),("title","Sergei Lavrov","H.E. Sergei Lavrov"),("title","Ayman al-Zawahiri","Dr. Ayman al-Zawahiri"),
 ("title","Mohammad Javad Zarif","Dr Mohammad Javad Zarif"),("title","Hamad bin Isa Al Khalifa","King Hamad bin Isa Al Khalifa"),
]
for sub, a, b in STRUCT: add(a, b, 1, C, sub)
SNEG = [("western_middle","George Walker Bush","George H. W. Bush"),("western_middle","George Herbert Walker Bush","George W. Bush"),
 ("nickname","William Jefferson Clinton","Hillary Clinton"),("nickname","Robert Francis Kennedy","Ted Kennedy"),("nickname","Joseph Robinette Biden Jr.","Hunter Biden"),
 ("western_middle","Donald John Trump","Donald Trump Jr."),("western_middle","Donald John Trump","Eric Trump"),("western_middle","John Fitzgerald Kennedy","Robert F. Kennedy"),
 ("hispanic","Fidel Alejandro Castro Ruz","Raul Castro"),("hispanic","Raúl Modesto Castro Ruz","Fidel Castro"),("hispanic","Nicolás Maduro Moros","Nicolas Maduro Guerra"),
 ("hispanic","Hugo Rafael Chávez Frías","Adán Chávez Frías"),("hispanic","Daniel José Ortega Saavedra","Humberto Ortega Saavedra"),
 ("arabic_nasab","Mohammed bin Salman bin Abdulaziz Al Saud","Khalid bin Salman bin Abdulaziz Al Saud"),("arabic_nasab","Saddam Hussein Abd al-Majid al-Tikriti","Uday Saddam Hussein al-Tikriti"),
 ("arabic_nasab","Saddam Hussein Abd al-Majid al-Tikriti","Qusay Saddam Hussein"),("arabic_nasab","Tamim bin Hamad Al Thani","Hamad bin Khalifa Al Thani"),
 ("arabic_nasab","Osama bin Laden","Hamza bin Laden"),("arabic_nasab","Mohamed bin Zayed Al Nahyan","Mansour bin Zayed Al Nahyan"),("arabic_nasab","Ali Hassan al-Majid","Hassan Ali al-Majid"),
 ("cjk_order","Xi Jinping","Xi Mingze"),("cjk_order","Li Keqiang","Qiang Li"),("cjk_order","Hu Jintao","Hu Haifeng"),("cjk_order","Kim Jong Un","Kim Jong Nam"),
 ("cjk_order","Kim Jong Un","Kim Un Jong"),("cjk_order","Kim Yo Jong","Kim Yong Jo"),("cjk_order","Moon Jae-in","Moon Jae-yong"),("cjk_order","Park Geun-hye","Park Ji-man"),
 ("cjk_order","Abe Shinzo","Abe Akie"),("cjk_order","Kishida Fumio","Kishida Yuko"),("cjk_order","Wang Yi","Wang Yang"),("cjk_order","Zhang Yimou","Zhang Yiming"),
 ("hungarian_order","Orbán Viktor","Viktor Orbán Jr."),("hungarian_order","Orbán Viktor","Orbán Gáspár"),("hungarian_order","Bartók Béla","Béla Kun"),
 ("hungarian_order","Kodály Zoltán","Zoltán Kovács"),("hungarian_order","Szijjártó Péter","Péter Magyar"),("hungarian_order","Novák Katalin","Katalin Karikó"),
 ("title","Vladimir Putin","President Vladimir Zelensky"),("title","Alexander Lukashenko","Mr. Viktor Lukashenko"),("title","Ali Khamenei","Ayatollah Ali Sistani"),
 ("title","Hassan Nasrallah","Sayyed Hassan Rouhani"),("title","Mohammed bin Salman","Crown Prince Mohammed bin Zayed"),("title","Sergei Lavrov","H.E. Sergei Shoigu"),
 ("title","Ayman al-Zawahiri","Dr. Ayman Nour"),("title","Mohammad Javad Zarif","Dr Mohammad Mossadegh")]
for sub, a, b in SNEG: add(a, b, 0, C, sub)

# ---------- 4 organisations ----------
C='4_organisations'
ORGS = [ # each row: variants of one organisation
 ["PJSC Gazprom","Gazprom PAO","ПАО «Газпром»","Public Joint Stock Company Gazprom","OAO Gazprom","Gazprom"],
 ["Rosneft Oil Company","NK Rosneft","ПАО «НК «Роснефть»","Rosneft PJSC","Oil Company Rosneft"],
 ["Sberbank of Russia","PAO Sberbank","Сбербанк России","Sber Bank","Sberbank Rossii"],
 ["VTB Bank PJSC","Bank VTB","Банк ВТБ (ПАО)","VTB Bank","VTB Bank Public Joint Stock Company"],
 ["OAO Belaruskali","Belaruskali OJSC","ОАО «Беларуськалий»","Open Joint Stock Company Belaruskali","Belaruskaliy"],
 ["JSC Savings Bank Belarusbank","ASB Belarusbank","ОАО «АСБ Беларусбанк»","Belarusbank","Belarus Bank"],
 ["Belavia Belarusian Airlines","OAO Aviakompaniya Belavia","ОАО «Авиакомпания «Белавиа»","Belavia","Belavia OJSC"],
 ["Naftan OAO","ОАО «Нафтан»","JSC Naftan","Naftan Open Joint Stock Company"],["Grodno Azot","OAO Grodno Azot","ОАО «Гродно Азот»","Hrodna Azot","Grodno Azot JSC"],
 ["Minsk Automobile Plant","MAZ","ОАО «МАЗ»","Minsk Automobile Works","Minskiy Avtomobilnyy Zavod"],["BelAZ","OJSC BELAZ","ОАО «БЕЛАЗ»","Belarusian Autoworks"],
 ["Belshina OAO","ОАО «Белшина»","Belshina JSC","Open Joint-Stock Company Belshina"],["Minsk Tractor Works","Minsk Tractor Plant","MTZ","ОАО «МТЗ»","Minskiy Traktornyy Zavod"],
 ["State Corporation Rostec","Rostekh","Госкорпорация Ростех","Rostec Corporation"],["Rosatom","State Atomic Energy Corporation Rosatom","Госкорпорация «Росатом»"],
 ["Aeroflot Russian Airlines","PAO Aeroflot","ПАО «Аэрофлот»","Aeroflot - Russian Airlines PJSC"],["Lukoil","PJSC LUKOIL","ПАО «ЛУКОЙЛ»","Lukoil Oil Company"],
 ["MMC Norilsk Nickel","Norilsk Nickel","ГМК «Норильский никель»","Mining and Metallurgical Company Norilsk Nickel"],
 ["Transneft","PAO Transneft","ПАО «Транснефть»","Transneft PJSC"],["Novatek","PAO Novatek","ПАО «НОВАТЭК»"],["Alrosa","ALROSA PJSC","АК «АЛРОСА» (ПАО)"],
 ["Uralkali","PJSC Uralkali","ПАО «Уралкалий»"],["Severstal","PAO Severstal","ПАО «Северсталь»"],["Kalashnikov Concern","AO Kontsern Kalashnikov","АО «Концерн «Калашников»","Concern Kalashnikov JSC"],
 ["Almaz-Antey","Almaz Antey Air and Space Defence Corporation","АО «Концерн ВКО «Алмаз – Антей»"],
 ["International Business Machines Corporation","IBM Corp.","IBM"],["Volkswagen AG","Volkswagen Aktiengesellschaft","VW AG"],
 ["Deutsche Bank AG","Deutsche Bank Aktiengesellschaft","Deutsche Bank"],["Banco Santander, S.A.","Banco Santander SA","Santander"],
 ["Procter & Gamble","The Procter and Gamble Company","Procter & Gamble Co."],["AT&T Inc.","AT and T Inc","AT&T"],["Johnson & Johnson","Johnson and Johnson","J&J"],
 ["The Coca-Cola Company","Coca Cola Co","Coca-Cola"],["Société Générale S.A.","Societe Generale SA","Société Générale"],["BNP Paribas SA","BNP Paribas","B.N.P. Paribas S.A."],
 ["PKN Orlen S.A.","Polski Koncern Naftowy ORLEN Spółka Akcyjna","Orlen SA"],["Naftogaz of Ukraine","НАК «Нафтогаз України»","NJSC Naftogaz","National Joint Stock Company Naftogaz of Ukraine"],
 ["PJSC Ukrnafta","ПАТ «Укрнафта»","Ukrnafta"],["Antonov State Enterprise","ДП «Антонов»","Antonov","SE Antonov"],["JSC Motor Sich","АТ «Мотор Січ»","Motor Sich PJSC","Motor Sich"],
 ["CB PrivatBank JSC","АТ КБ «ПриватБанк»","PrivatBank","Privat Bank"],["Kowalski Transport Sp. z o.o.","Kowalski Transport Spółka z ograniczoną odpowiedzialnością","Kowalski Transport LLC"],
 ["Müller Logistik GmbH","Mueller Logistik Gesellschaft mit beschränkter Haftung","Muller Logistik GmbH"],["ООО «Технопром»","OOO Tekhnoprom","Tekhnoprom LLC","Technoprom Ltd"],
 ["ТОВ «Альфа-Трейд»","TOV Alfa-Treid","Alfa Trade LLC","Alfa-Treid TOV"],["ЗАО «Северный Поток»","ZAO Severny Potok","Severnyy Potok CJSC"],
 ["ОАО «Минский моторный завод»","Minsk Motor Plant OJSC","Minskiy Motornyy Zavod OAO","Minsk Engine Works"],["Byelorussian Steel Works","BMZ","Belarusian Metallurgical Works","ОАО «БМЗ»"],
 ["Mozyr Oil Refinery","OAO Mozyrsky NPZ","Mozyr Refinery","ОАО «Мозырский НПЗ»"],["Belneftekhim Concern","Belarusian State Concern for Oil and Chemistry","Концерн «Белнефтехим»","Belneftekhim"],
 ["Belarusian Potash Company","BPC","ОАО «Белорусская калийная компания»","Belarusian Potash Co."],["Integral OAO","ОАО «Интеграл»","JSC Integral"],
 ["Rosoboronexport","JSC Rosoboronexport","АО «Рособоронэкспорт»"],["Sovcomflot","PAO Sovcomflot","ПАО «Совкомфлот»","SCF Group"],
 ["Hongkong and Shanghai Banking Corporation","HSBC","HSBC Bank"],["Islamic Revolutionary Guard Corps","IRGC","Sepah-e Pasdaran"],
 ["Mahan Air","Mahan Airlines","ماهان ایر"],["Bank Melli Iran","بانک ملی ایران","Melli Bank"],["National Iranian Oil Company","NIOC","شرکت ملی نفت ایران"],
 ["Korea Kwangson Banking Corp","Korea Kwangson Banking Corporation","KKBC"],["Foreign Trade Bank of the DPRK","Foreign Trade Bank","조선무역은행"],
 ["Smith & Sons Ltd","Smith and Sons Limited","Smith & Sons Ltd."],["The Global Trading Company","Global Trading Co","Global Trading Company, Inc."],
]
for row in ORGS:
    combos = list(itertools.combinations(row, 2)); R.shuffle(combos)
    for a, b in combos[:4]: add(a, b, 1, C, 'variants', typ='ORGANIZATION')
ONEG = [("Belaruskali","Belarusbank"),("Belarusbank","Belagroprombank"),("Belinvestbank","Belgazprombank"),("Belarusbank","Belinvestbank"),
 ("OAO Belaruskali","Belarusian Potash Company"),("Gazprom","Gazprombank"),("PJSC Gazprom","Gazprom Neft PJSC"),("Rosneft","Rosneftegaz"),
 ("Transneft","Transnefteprodukt"),("Sberbank","Sovcombank"),("VTB Bank","VEB.RF"),("VTB Bank","VTB Capital"),("Alfa-Bank","Alfa-Lizing"),("Promsvyazbank","Promsyryoimport"),
 ("Minsk Tractor Works","Minsk Automobile Plant"),("Minsk Tractor Works","Minsk Wheeled Tractor Plant"),("Minsk Automobile Plant","Minsk Motor Plant"),
 ("Grodno Azot","Grodno Tobacco Factory Neman"),("Naftan","Mozyr Oil Refinery"),("Belshina","Belneftekhim"),("BelAZ","MAZ"),("BelAZ","BelAZ-Holding Management Company"),
 ("Integral","Integral Energy Ltd"),("Belavia","Belavia Aircraft Repair Plant 407"),("558 Aircraft Repair Plant","557 Aircraft Repair Plant"),
 ("Plant No. 1","Plant No. 2"),("Global Trading LLC","Global Trade Services Ltd"),("Alfa Trade LLC","Alfa Tech LLC"),("Sky Logistics GmbH","Sky Logic GmbH"),
 ("Star Shipping Co","Star Shopping Co"),("Tekhnoprom LLC","Tekhnopark LLC"),("Deutsche Bank AG","Deutsche Börse AG"),("Siemens AG","Siemens Energy AG"),
 ("Volkswagen AG","Volkswagen Bank GmbH"),("Banco Santander","Banco Sabadell"),("Société Générale","Crédit Lyonnais"),("AT&T Inc.","AT Kearney"),
 ("Johnson & Johnson","Johnson Controls"),("The Coca-Cola Company","PepsiCo"),("Rosatom","Rosavtodor"),("Rostec","Rostelecom"),("Aeroflot","Aurora Airlines"),
 ("Lukoil","Lukoil-Neftekhim"),("Novatek","Novatek-Yurkharovneftegaz"),("Uralkali","Uralchem"),("Severstal","Severnaya Verf"),("Alrosa","Alrosa-Nyurba"),
 ("Kalashnikov Concern","Kalashnikov Group Holding"),("Almaz-Antey","Almaz Capital"),("IBM","IBS Group"),("Mahan Air","Iran Air"),("Bank Melli Iran","Bank Mellat"),
 ("Bank Melli Iran","Bank Saderat Iran"),("National Iranian Oil Company","National Iranian Gas Company"),("National Iranian Oil Company","National Iranian Tanker Company"),
 ("Korea Kwangson Banking Corp","Korea Daesong Bank"),("Foreign Trade Bank of the DPRK","Foreign Trade Bank of Iran"),("Islamic Revolutionary Guard Corps","Islamic Revolutionary Court"),
 ("Smith & Sons Ltd","Smith & Nephew plc"),("Smith & Sons Ltd","Jones & Sons Ltd"),("Müller Logistik GmbH","Müller Logistics Consulting AG"),("Kowalski Transport Sp. z o.o.","Nowak Transport Sp. z o.o."),
 ("OOO Tekhnoprom","OOO Tekhnostroy"),("TOV Alfa-Treid","TOV Omega-Treid"),("ZAO Severny Potok","ZAO Yuzhny Potok"),("Antonov","Antonov Airlines"),
 ("Motor Sich","Motor Sich Aero"),("PrivatBank","Pravex Bank"),("Naftogaz of Ukraine","Ukrgasbank"),("Ukrnafta","Ukrtatnafta"),("Rosoboronexport","Rosoboronservis"),
 ("Sovcomflot","Sovcombank"),("HSBC","HBOS"),("Belarusian Potash Company","Belarusian Steel Company"),("Byelorussian Steel Works","Belarusian Cement Plant"),
 ("Mozyr Oil Refinery","Mozyr Salt Works"),("Belneftekhim Concern","Bellesbumprom Concern"),("Minsk Engine Works","Minsk Gear Works"),
 ("First National Bank","Second National Bank"),("Bank of Moscow","Moscow Credit Bank"),("Moscow Exchange","Moscow Stock Exchange Services"),("Russian Railways","Russian Post"),
 ("United Aircraft Corporation","United Shipbuilding Corporation"),("United Shipbuilding Corporation","United Engine Corporation"),("Tupolev","Ilyushin"),("Sukhoi","Mikoyan"),
 ("Global Resources Ltd","Global Resource Partners LP"),("International Trading Company","International Trade Centre"),("New Star Trading","New Sun Trading"),
 ("Oriental Shipping Co","Oriental Shipping Lines Co"),("Eastern Investments LLC","Western Investments LLC"),("Alpha Consulting","Alfa Bank"),
 ("Belarusian Railway","Belarusian Radio"),("Beltelecom","Belteleradiocompany"),("Belorusneft","Belneftegaz"),("Grodno Azot","Gomel Azot"),
 ("Mogilevkhimvolokno","Mogilevliftmash"),("Svetlogorsk Khimvolokno","Mogilevkhimvolokno"),("Bobruisk Tyre Plant","Bobruisk Machine-Building Plant"),
 ("Zavod Sistem","Zavod Signal"),("Peleng","Planar"),("Agat","Alevkurp"),("Tekhnika","Tekhnoservis"),("KB Radar","KB Rader"),("BelTechExport","BelSpetsVneshTechnika"),
]
for a, b in ONEG: add(a, b, 0, C, 'similar_other', typ='ORGANIZATION')
# balance with extra random negatives (different rows)
for _ in range(max(0, sum(1 for p in P if p['category']==C and p['label']==1) - sum(1 for p in P if p['category']==C and p['label']==0))):
    i, j = R.sample(range(len(ORGS)), 2); add(R.choice(ORGS[i]), R.choice(ORGS[j]), 0, C, 'random_other', typ='ORGANIZATION')

# ---------- 5 hard negatives (with matched sibling positives) ----------
C='5_hard_negatives'
for _ in range(70):  # patronymic contradiction
    p = person(); q = dict(p); fa2 = R.choice(MALE)
    while fa2[0] == p['father']: fa2 = R.choice(MALE)
    q['pat'] = fa2[1] if p['g']=='M' else fa2[2]
    s1, s2 = R.sample(['bgn','press','icao'], 2)
    add(translit(full(p), s1), translit(full(q), s2), 0, C, 'patronymic_conflict')
    add(translit(full(p), s1), translit(full(p), s2), 1, C, 'patronymic_conflict')
for _ in range(60):  # masculine vs feminine forms of different people
    s = R.choice([x for x in SURNAMES if fem_surname(x) != x]); m = R.choice(MALE)
    FEMOF = {"Александр":"Александра","Евгений":"Евгения","Валентин":"Валентина","Виктор":"Виктория"}
    if R.random() < 0.5 and m[0] in FEMOF: fg = FEMOF[m[0]]
    else: fg = R.choice(FEMALE)
    sy = R.choice(['bgn','press'])
    add(translit(f"{m[0]} {s}", sy), translit(f"{fg} {fem_surname(s)}", sy), 0, C, 'masc_fem')
    add(translit(f"{m[0]} {s}", sy), translit(f"{m[0]} {s}", 'german' if sy=='bgn' else 'icao'), 1, C, 'masc_fem')
for (g1, g2) in [("Aleksandr","Aleksandra"),("Yevgeniy","Yevgeniya"),("Vitaliy","Vitaliya"),("Valentin","Valentina"),("Viktor","Viktoriya"),("Stanislav","Stanislava"),("Yaroslav","Yaroslava")]:
    for s in R.sample(SURNAMES[:120], 3):
        sl = translit(s,'bgn'); add(f"{g1} {sl}", f"{g2} {translit(fem_surname(s),'bgn')}", 0, C, 'masc_fem_same_given')
        add(f"{g1} {sl}", f"{g1} {translit(s,'german')}", 1, C, 'masc_fem_same_given')
SWAP = [("Ali","Hassan"),("Omar","Khalid"),("Abbas","Ali"),("Mahmoud","Ahmed"),("Thomas","James"),("Henry","David"),("Scott","Allen"),("Hussein","Saleh"),
 ("Karim","Hamid"),("Ibrahim","Yusuf"),("Jamal","Ahmad"),("Salem","Nasser"),("Adam","Daniel"),("Martin","Paul"),("Walid","Ibrahim"),("Farid","Rashid")]
for a, b in SWAP:
    add(f"{a} {b}", f"{b} {a}", 0, C, 'swapped_given_surname')
    add(f"{a} {b}", f"{b.upper()}, {a}", 1, C, 'swapped_given_surname')
for _ in range(50):  # same surname, other given name
    p = person(); q = person(gender=p['g'], surname=p['base'])
    if q['given'] == p['given']: continue
    add(translit(full(p, False),'bgn'), translit(full(q, False),'bgn'), 0, C, 'same_surname_other_given')
    add(translit(full(p, False),'bgn'), translit(full(p, False),'press'), 1, C, 'same_surname_other_given')
ONE = [("Ira","Ina"),("Inna","Anna"),("Igor","Egor"),("Lena","Lina"),("Dina","Dana"),("Gleb","Glen"),("Boris","Doris"),("Marina","Marika"),("Yana","Yara"),
 ("Oleg","Olga"),("Ilya","Ilona"),("Vera","Vika"),("Roman","Ramon"),("Denis","Deniz"),("Daria","Dania"),("Sofia","Sonia"),("Zoya","Zoia")]
ONE = [x for x in ONE if x != ("Zoya","Zoia")]
SURPAIR = [("Sidorov","Sidorin"),("Fedorov","Fedotov"),("Markov","Markin"),("Titov","Titkov"),("Gusev","Gusin"),("Morozov","Morozyuk"),("Sorokin","Sorokov"),
 ("Lukin","Lutin"),("Belov","Belkov"),("Orlov","Orlik"),("Nikitin","Nikishin"),("Zhukov","Zhuk"),("Kovalev","Kovalchuk"),("Kuzmin","Kuzin"),("Pavlov","Pavlik"),
 ("Popov","Popkov"),("Volkov","Valkov"),("Karpov","Karpin"),("Ivanov","Ivakov"),("Romanov","Romanyuk"),("Petrov","Petrik"),("Lavrov","Lavrik"),("Gromov","Gromyko"),("Sokolov","Sokolik")]
for g1, g2 in ONE:
    s = translit(R.choice(SURNAMES), 'bgn')
    add(f"{g1} {s}", f"{g2} {s}", 0, C, 'one_letter_given')
for s1, s2 in SURPAIR:
    g = translit(R.choice(MALE)[0], 'bgn')
    add(f"{g} {s1}", f"{g} {s2}", 0, C, 'close_other_surname')
    add(f"{g} {s1}", f"{g} {s1.replace('ov','off') if s1.endswith('ov') else s1+'e'}", 1, C, 'close_other_surname')
SIBPOS = [("Ira","Irina"),("Igor","Ihar"),("Lena","Yelena"),("Dina","Dinah"),("Gleb","Hleb"),("Boris","Barys"),("Marina","Maryna"),("Yana","Jana"),
 ("Oleg","Aleh"),("Ilya","Illia"),("Vera","Viera"),("Roman","Raman"),("Denis","Dzianis"),("Daria","Darya"),("Sofia","Sofiya")]
for g1, g2 in SIBPOS:
    s = translit(R.choice(SURNAMES), 'bgn'); add(f"{g1} {s}", f"{g2} {s}", 1, C, 'one_letter_given')

# ---------- 6 degraded positives ----------
C='6_degraded'
KEYB = dict(zip("qwertyuiopasdfghjklzxcvbnm", "wqrtyuiopsadfghjklkxcvbnmn"))
def typo(s):
    idx = [i for i, c in enumerate(s) if c.isalpha()]; i = R.choice(idx[1:]) ; k = R.random()
    if k < 0.25: return s[:i] + s[i+1:]
    if k < 0.5: return s[:i] + s[i] + s[i:]
    if k < 0.75 and i+1 < len(s) and s[i+1].isalpha(): return s[:i] + s[i+1] + s[i] + s[i+2:]
    c = s[i].lower(); r = KEYB.get(c, c)
    return s[:i] + (r.upper() if s[i].isupper() else r) + s[i+1:]
OCR = [("m","rn"),("rn","m"),("l","1"),("o","0"),("O","0"),("e","c"),("d","cl"),("h","b"),("i","l"),("S","5"),("B","8"),("g","q")]
def ocr(s):
    opts = [(a, b) for a, b in OCR if a in s[1:]]
    a, b = R.choice(opts); i = s.index(a, 1); return s[:i] + b + s[i+len(a):]
def novowel(s): return ' '.join(w[0] + ''.join(c for c in w[1:] if c.lower() not in 'aeiouy') for w in s.split())
def trunc35(s): return s[:35]
def join(s): return s.replace(' ', '', 1)
def split(s):
    ws = s.split(); j = max(range(len(ws)), key=lambda k: len(ws[k])); w = ws[j]; c = len(w)//2
    ws[j] = w[:c] + ' ' + w[c:]; return ' '.join(ws)
def strip_dia(s): return ''.join(c for c in unicodedata.normalize('NFKD', s) if not unicodedata.combining(c)).replace('ł','l').replace('Ł','L').replace('đ','d').replace('Đ','D')
HG = {'a':'а','e':'е','o':'о','p':'р','c':'с','x':'х','y':'у','i':'і','A':'А','B':'В','E':'Е','K':'К','M':'М','H':'Н','O':'О','P':'Р','C':'С','T':'Т','X':'Х'}
def homoglyph(s):
    idx = [i for i, c in enumerate(s) if c in HG]; out = list(s)
    for i in R.sample(idx, min(len(idx), R.choice([1,2,3]))): out[i] = HG[out[i]]
    return ''.join(out)
ZW = ['\u200b','\u200c','\u200d','\ufeff','\u00ad','\u2060']
def zw(s):
    i = R.randrange(1, len(s)); return s[:i] + R.choice(ZW) + s[i:]
DEG = dict(typo=typo, ocr=ocr, no_vowels=novowel, trunc35=trunc35, joined=join, split=split, homoglyph=homoglyph, zero_width=zw)
DIA = ["Aleksandar Vučić","Novak Đoković","Zoran Đinđić","Recep Tayyip Erdoğan","Andrej Babiš","Miloš Zeman","Łukasz Żółkiewski","Bronisław Komorowski",
 "Nguyễn Tấn Dũng","Nguyễn Phú Trọng","Tô Lâm","Lech Wałęsa","Viktor Orbán","Péter Szijjártó","Ramón Pérez Núñez","José María Aznar","Gerhard Schröder",
 "Jürgen Müller","François Hollande","Ahmet Davutoğlu","Mevlüt Çavuşoğlu","Hakan Fidan","Sviatlana Tsikhanoŭskaja","Aliaksandr Łukašenka","Ivan Rendić",
 "Milorad Dodik","Željko Komšić","Jiří Šťastný","Zdeněk Hřib","Małgorzata Kidawa-Błońska"]
DIA = [d for d in DIA if strip_dia(d) != d]
def pool_person():
    p = person(); return translit(full(p, R.random()<0.7), R.choice(['bgn','press','icao'])), p
LONGORG = ["Open Joint Stock Company Belarusian Metallurgical Works","Joint Stock Company Minsk Wheeled Tractor Plant","National Olympic Committee of the Republic of Belarus",
 "State Authority for Military Industry of the Republic of Belarus","Closed Joint Stock Company Belarusian Oil Company","Public Joint Stock Company Sovcomflot Shipping",
 "Open Joint Stock Company Grodno Tobacco Factory Neman","Limited Liability Company Tekhnoprom Engineering","Islamic Revolutionary Guard Corps Cooperative Foundation",
 "National Iranian Oil Company Refining and Distribution"]
for kind, fn in DEG.items():
    n = 35 if kind != 'trunc35' else 40
    for _ in range(n):
        if kind == 'trunc35':
            if R.random() < 0.3:
                a = R.choice(LONGORG); typ = 'ORGANIZATION'; b = trunc35(a)
                other = R.choice([o for o in LONGORG if o != a]); add(a, trunc35(other), 0, C, kind, typ=typ)
                add(a, b, 1, C, kind, typ=typ); continue
            while True:
                p = person(); a = R.choice(["Mr ","Gen. ","Dr. ",""]) + translit(full(p), 'bgn') + R.choice([" of Minsk, Belarus"," Deputy Minister", ""])
                if len(a) > 37: break
        else:
            a, p = pool_person()
        b = fn(a)
        if b == a: continue
        add(a, b, 1, C, kind)
        # negative: another person sharing the given name (or surname), degraded the same way
        q = person(gender=p['g']); q['given'] = p['given']
        if R.random() < 0.4: q = person(gender=p['g'], surname=p['base']); 
        if q['given'] == p['given'] and q['sur'] == p['sur']: continue
        a2 = translit(full(q, len(a.split()) >= 3), 'bgn')
        if kind == 'trunc35': a2 = "Mr " + translit(full(q), 'bgn') + " of Minsk, Belarus"
        add(a, fn(a2), 0, C, kind)
for d in DIA:
    add(d, strip_dia(d), 1, C, 'diacritics')
for i, d in enumerate(DIA):
    o = DIA[(i + 7) % len(DIA)]; add(d, strip_dia(o), 0, C, 'diacritics')
# organisations degraded
ORG1 = [r[0] for r in ORGS if not any('\u0400' <= c <= '\u04ff' for c in r[0])]
for kind in ['typo','ocr','joined','split','homoglyph','zero_width']:
    for a in R.sample(ORG1, 12):
        try: b = DEG[kind](a)
        except Exception: continue
        if b == a: continue
        add(a, b, 1, C, kind + '_org', typ='ORGANIZATION')
        o = R.choice([x for x in ORG1 if x != a]); add(a, DEG[kind](o), 0, C, kind + '_org', typ='ORGANIZATION')

# ---------- 7 secondary features (DOB / country) ----------
C='7_dob_country'
for _ in range(60):
    p = person(); f = full(p, R.random() < 0.5); a = translit(f, 'bgn'); b = translit(f, R.choice(['press','icao','german']))
    y = R.randrange(1950, 1995); dob = f"{y}-{R.randrange(1,13):02d}-{R.randrange(1,29):02d}"
    add(a, b, 1, C, 'same_dob', a_dob=dob, b_dob=dob)
    dob2 = f"{y + R.choice([-23,-17,-12,12,18,25])}-{R.randrange(1,13):02d}-{R.randrange(1,29):02d}"
    add(a, b, 0, C, 'other_dob_same_name', a_dob=dob, b_dob=dob2)
for _ in range(30):
    p = person(); f = full(p, False); a = translit(f, 'bgn'); b = translit(f, 'press')
    add(a, b, 1, C, 'same_country', a_country='BY', b_country='Belarus')
    add(a, translit(full(person(gender=p['g'], surname=p['base']), False), 'press'), 0, C, 'same_surname_same_country', a_country='BY', b_country='BY')

# dedupe and write
seen = set(); out = []
for d in P:
    k = (d['a'], d['b'], d['type'], d.get('a_dob'), d.get('b_dob'), d.get('a_country'), d.get('b_country'))
    if k in seen or d['a'] == d['b']: continue
    seen.add(k); out.append(d)
with open(os.path.join(HERE, 'out', 'pairs.jsonl'), 'w') as f:
    for d in out: f.write(json.dumps(d, ensure_ascii=False) + '\n')
from collections import Counter
c = Counter((d['category'], d['label']) for d in out)
for k in sorted(c): print(k, c[k])
print(len(out))
