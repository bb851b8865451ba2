#!/usr/bin/env python3
"""Family 6: unlisted persons (own tables of Russian/Belarusian/Ukrainian/Polish/Lithuanian names) and unlisted Belarusian-sounding
companies -> queries_unlisted.jsonl. A combination whose given name + surname equals a listed person's (by our skeleton) is dropped;
a listed surname with another given name is kept but tagged 'listed_surname'."""
import json, random, re, collections
from gen import skel, E, cap   # reuses our own skeleton + parsed entities (gen.py regenerates queries_listed.jsonl on import)
random.seed(2828)
NAMES = {
 'ru': (['Aleksandr','Aleksei','Andrei','Anton','Artem','Boris','Vadim','Valentin','Vasily','Viktor','Vitaly','Vladimir','Vladislav','Gennady','Georgy','Grigory','Denis','Dmitry','Evgeny','Egor','Ivan','Igor','Ilya','Kirill','Konstantin','Leonid','Maksim','Mikhail','Nikita','Nikolai','Oleg','Pavel','Petr','Roman','Ruslan','Semen','Sergei','Stanislav','Stepan','Timur','Fedor','Yury','Yaroslav'],
        ['Anna','Alla','Valentina','Vera','Galina','Darya','Evgenia','Elena','Zoya','Irina','Inna','Ksenia','Larisa','Lyudmila','Margarita','Maria','Marina','Nadezhda','Natalia','Oksana','Olga','Polina','Svetlana','Tamara','Tatiana','Yulia','Yana'],
        ['Ivanov','Smirnov','Kuznetsov','Popov','Vasilyev','Sokolov','Mikhailov','Novikov','Fedorov','Morozov','Volkov','Alekseev','Lebedev','Semenov','Egorov','Pavlov','Kozlov','Stepanov','Nikolaev','Orlov','Andreev','Makarov','Nikitin','Zakharov','Zaitsev','Solovyov','Borisov','Yakovlev','Grigoryev','Romanov','Vorobyov','Sergeev','Kuzmin','Frolov','Aleksandrov','Dmitriev','Korolev','Gusev','Kiselev','Ilyin','Maksimov','Polyakov','Sorokin','Vinogradov','Kovalev','Belov','Medvedev','Antonov','Tarasov','Zhukov','Baranov','Filippov','Komarov','Davydov','Belyaev','Gerasimov','Bogdanov','Osipov','Sidorov','Matveev','Titov','Markov','Mironov','Krylov','Kulikov','Karpov','Vlasov','Melnikov','Denisov','Gavrilov','Tikhonov','Kazakov','Afanasyev','Danilov','Savelyev','Timofeev','Fomin','Chernov','Abramov','Martynov','Efimov','Fedotov','Shcherbakov','Nazarov','Kalinin','Isaev','Chernyshev','Bykov','Maslov','Rodionov','Konovalov','Lazarev','Voronin','Klimov','Filatov','Ponomarev','Golubev','Kudryavtsev','Prokhorov','Naumov','Potapov','Zhuravlev','Ovchinnikov','Trofimov','Leonov','Sobolev','Ermakov','Kolesnikov','Goncharov','Emelyanov','Nikiforov','Grachev','Kotov','Grishin','Efremov','Arkhipov','Gromov','Kirillov','Malyshev','Panov','Moiseev','Rumyantsev','Akimov','Kondratyev','Biryukov','Gorbunov','Anisimov','Eremin','Tikhomirov','Galkin','Lukyanov','Mikheev','Skvortsov','Yudin','Belousov','Nesterov','Simonov','Prokofyev','Kharitonov','Knyazev','Tsvetkov','Levin','Mitrofanov','Voronov','Aksenov','Sofronov','Maltsev','Loginov','Gorshkov','Savin','Krasnov','Mayorov','Demidov','Eliseev','Rybakov','Safonov','Plotnikov','Demin','Khokhlov','Fadeev','Molchanov','Ignatov','Litvinov','Ershov','Ushakov','Dementyev','Ryabov','Mukhin','Kalashnikov','Leontyev','Lobanov','Kuzin','Korneev','Evdokimov','Borodin','Platonov','Nekrasov','Balashov','Bobrov','Zhdanov','Blinov','Ignatyev','Korotkov','Muravyov','Kryukov','Belyakov','Bogomolov','Drozdov','Lavrov','Zuev','Petukhov','Larin','Nikulin','Serov','Terentyev','Zotov','Ustinov','Fokin','Samoilov','Konstantinov','Sakharov','Kornilov','Shubin']),
 'by': (['Alyaksandr','Aliaksei','Andrei','Ales','Anton','Uladzimir','Siarhei','Dzmitry','Mikalai','Yauhen','Ihar','Yury','Pavel','Viktar','Vasil','Raman','Maksim','Kanstantsin','Henadz','Zmitser','Mikhail','Ryhor','Stsiapan','Valery','Yan'],
        ['Alena','Volha','Tatsiana','Natallia','Iryna','Sviatlana','Hanna','Maryia','Yuliya','Katsiaryna','Liudmila','Valiantsina','Halina','Nadzeya','Aksana','Darya','Yana'],
        ['Bahdanovich','Kavalenka','Shauchenka','Karpovich','Novik','Kazlou','Marozau','Valkou','Lebedzeu','Kuzniatsou','Pashkevich','Radzevich','Sakalou','Zhukouski','Hrytsuk','Savitski','Yakimovich','Kasperovich','Lyavonchyk','Marchuk','Makarevich','Dubovik','Sidarovich','Klimovich','Tsimashenka','Yurchanka','Karalenka','Kudzin','Barysevich','Tsarou','Kazak','Hurynovich','Sauchuk','Pratasevich','Stankevich','Davydzenka','Kuchynski','Zhuk','Matskevich','Ivanou','Baranau','Ramanovich','Charnyshou','Sasnouski','Lutskevich','Astapenka','Bialiauski','Prakopovich','Mikhalevich','Kireyeu','Hlinski','Adamovich','Hutsko','Kharytonau','Trusau','Dzemidovich','Vaitsekhovich','Yaskevich','Rudkouski','Zaitsau']),
 'ua': (['Oleksandr','Oleksiy','Andriy','Bohdan','Vasyl','Volodymyr','Dmytro','Yevhen','Ihor','Mykola','Mykhailo','Pavlo','Petro','Serhiy','Taras','Yuriy','Ostap','Vitaliy','Roman','Stepan'],
        ['Olena','Oksana','Nataliya','Iryna','Tetiana','Hanna','Mariya','Yuliya','Liudmyla','Svitlana','Halyna','Kateryna','Nadiya','Olha','Solomiya'],
        ['Shevchenko','Kovalenko','Bondarenko','Tkachenko','Kravchenko','Oliynyk','Shevchuk','Koval','Polishchuk','Bondar','Tkachuk','Moroz','Marchenko','Lysenko','Rudenko','Savchenko','Petrenko','Klymenko','Pavlenko','Kravchuk','Kuzmenko','Ponomarenko','Savchuk','Vasylenko','Levchenko','Kharchenko','Karpenko','Honcharenko','Melnyk','Boyko','Hnatiuk','Yarema','Didenko','Ostapenko','Prykhodko','Zinchenko','Mazur','Romaniuk','Fedoriak','Hrytsenko','Yatsenko','Dorosh','Kostenko','Sydorenko','Vlasenko']),
 'pl': (['Piotr','Krzysztof','Andrzej','Tomasz','Pawel','Jan','Michal','Marcin','Jakub','Adam','Lukasz','Grzegorz','Mateusz','Wojciech','Mariusz','Dariusz','Zbigniew','Jerzy','Rafal','Kamil'],
        ['Anna','Katarzyna','Malgorzata','Agnieszka','Barbara','Ewa','Krystyna','Magdalena','Joanna','Zofia','Monika','Beata','Dorota','Halina','Jadwiga'],
        ['Nowak','Kowalski','Wisniewski','Wojcik','Kowalczyk','Kaminski','Lewandowski','Zielinski','Szymanski','Wozniak','Dabrowski','Kozlowski','Jankowski','Mazur','Kwiatkowski','Krawczyk','Piotrowski','Grabowski','Nowakowski','Pawlowski','Michalski','Nowicki','Adamczyk','Dudek','Zajac','Wieczorek','Jablonski','Krol','Majewski','Olszewski','Jaworski','Wrobel','Malinowski','Pawlak','Witkowski','Walczak','Stepien','Gorski','Rutkowski','Michalak','Sikora','Ostrowski','Baran','Duda','Szewczyk','Tomaszewski','Pietrzak','Marciniak','Wroblewski','Zalewski']),
 'lt': (['Jonas','Tomas','Mindaugas','Darius','Andrius','Vytautas','Paulius','Mantas','Giedrius','Rimantas','Saulius','Antanas','Algirdas','Kestutis','Marius'],
        ['Ruta','Egle','Ieva','Laura','Rasa','Jurgita','Vilma','Asta','Daiva','Inga','Kristina','Giedre','Lina','Simona','Aiste'],
        ['Kazlauskas','Jankauskas','Petrauskas','Stankevicius','Vasiliauskas','Zukauskas','Butkus','Paulauskas','Urbonas','Kavaliauskas','Navickas','Baranauskas','Ramanauskas','Savickas','Rimkus','Sakalauskas','Vaitkus','Adomaitis','Mazeika','Balciunas','Zilinskas','Lukosevicius','Pocius','Sinkevicius','Ziukas']),
}
FEM = {'ru': lambda s: s + 'a' if re.search('(ov|ev|in|yn)$', s) else (s[:-2] + 'aya' if s.endswith('iy') or s.endswith('oy') else s),
       'by': lambda s: s[:-1] + 'va' if s.endswith('ou') or s.endswith('au') or s.endswith('eu') else (s[:-1] + 'aya' if s.endswith('ski') else s),
       'ua': lambda s: s, 'pl': lambda s: s[:-1] + 'a' if s.endswith('ski') or s.endswith('cki') else s,
       'lt': lambda s: re.sub('(as|is|us)$', 'iene', s)}
GIVFEM = {'lt': lambda g: g}

def patr(g, lang, fem):
    if lang not in ('ru', 'by', 'ua'): return ''
    base = re.sub('(y|i|iy|ei|ai|yi)$', '', g)
    if lang == 'ru':
        return base + ('ovna' if fem else 'ovich') if not g.endswith(('ei', 'ai', 'y', 'i')) else base + ('evna' if fem else 'evich')
    if lang == 'by':
        return base + ('auna' if fem else 'avich')
    return base + ('ivna' if fem else 'ovych')

# listed given+surname pairs and listed surnames, by skeleton
listed_pairs, listed_sur = set(), set()
for e in E:
    if e['type'] != 'P': continue
    for n in e['names']:
        if n.get('surname') and n.get('given'):
            for s in n['surname'].replace('-', ' ').split():
                listed_sur.add(skel(s))
                for g in n['given'].split():
                    listed_pairs.add((skel(g), skel(s)))
Q, seen = [], set()
def add(sub, name, typ, tag):
    if name in seen: return
    seen.add(name)
    Q.append({'id': f'F6.{sub}.{len(Q)}', 'fam': 'F6', 'sub': sub, 'bucket': tag, 'name': name, 'type': typ, 'expect': []})

dropped = 0
per = {'ru': 900, 'by': 800, 'ua': 550, 'pl': 500, 'lt': 450}
for lang, k in per.items():
    M, F, S = NAMES[lang]
    made = 0
    tries = 0
    while made < k and tries < k * 20:
        tries += 1
        fem = random.random() < 0.35
        g = random.choice(F if fem else M)
        s = random.choice(S)
        if fem: s = FEM[lang](s)
        if any((skel(g), skel(x)) in listed_pairs for x in s.replace('-', ' ').split()):
            dropped += 1; continue
        p = patr(g if not fem else random.choice(M), lang, fem) if random.random() < 0.6 else ''
        if fem and p:
            p = patr(random.choice(M), lang, True)
        if not fem and p:
            p = patr(random.choice(M), lang, False)
        fmt = random.random()
        name = f'{g} {p} {s}' if fmt < 0.5 else (f'{s.upper()} {g} {p}' if fmt < 0.8 else f'{s}, {g} {p}')
        tag = 'listed_surname' if skel(s) in listed_sur else 'fair'
        add(f'person_{lang}', re.sub(r'\s+', ' ', name).strip(' ,'), 'PERSON', tag)
        made += 1
# Cyrillic Russian persons (own reverse transliteration of the ru table)
from tables import lat_ru
M, F, S = NAMES['ru']
for i in range(400):
    g, s = random.choice(M), random.choice(S)
    if (skel(g), skel(s)) in listed_pairs: dropped += 1; continue
    add('person_ru_cyrillic', f'{lat_ru(s)} {lat_ru(g)} {lat_ru(patr(random.choice(M), "ru", False))}', 'PERSON', 'listed_surname' if skel(s) in listed_sur else 'fair')
# companies
PRE = ['Bel', 'Minsk', 'Grodno', 'Brest', 'Vitebsk', 'Gomel', 'Mogilev', 'Polesie', 'Neman', 'Dvina', 'Pripyat', 'Zubr', 'Vasilek', 'Krynitsa', 'Rassvet', 'Zorka', 'Svitanak', 'Lida', 'Pinsk', 'Orsha', 'Borisov', 'Baranovichi', 'Slutsk', 'Zhodino', 'Molodechno']
MID = ['agro', 'trans', 'stroy', 'tekh', 'les', 'mebel', 'moloko', 'khleb', 'torg', 'servis', 'invest', 'logistik', 'ekspert', 'plast', 'teks', 'soft', 'med', 'farm', 'avto', 'prom', 'energo', 'snab', 'kom', 'resurs', 'proekt']
SUF = ['', '-Plus', ' Grupp', ' Trade', '-Servis', ' Tsentr', '-M', ' Invest', ' Sistems', '-Stroy']
FORMS = ['OOO', 'ChUP', 'ODO', 'ZAO', 'OAO', 'IP', 'UP', 'LLC', 'JSC', 'ChTUP', 'SOOO']
listed_org_words = set()
for e in E:
    if e['type'] == 'O':
        for n in e['names']:
            for w in re.findall(r'\w+', n['full'].lower()):
                listed_org_words.add(w)
for i in range(1500):
    brand = random.choice(PRE) + random.choice(MID) + random.choice(SUF)
    f = random.choice(FORMS)
    name = f'{f} "{brand}"' if random.random() < 0.5 else f'{brand} {f}'
    core = re.sub(r'[^a-z]', '', brand.lower())
    tag = 'shares_listed_word' if any(w.lower() in listed_org_words for w in re.findall(r'[A-Za-z]+', brand) if len(w) > 3) or core in listed_org_words else 'fair'
    add('company_by', name, 'ORGANIZATION', tag)
with open('queries_unlisted.jsonl', 'w') as fo:
    for q in Q: fo.write(json.dumps(q, ensure_ascii=False) + '\n')
print(collections.Counter((q['sub'], q['bucket']) for q in Q), 'dropped', dropped, 'total', len(Q))
