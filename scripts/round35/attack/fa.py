import itertools, random
random.seed(51)
GIVEN='Ivan Sergei Sergey Aleksandr Alexander Dmitry Dmitri Andrei Andrey Mikhail Nikolai Vladimir Viktor Yuri Oleg Igor Pavel Petr Anatoly Gleb Hleb Maksim Alexei Aleksei Artem Denis Roman Vasily Yevgeny Konstantin Stanislau Uladzimir Siarhei Aliaksandr Andrii Mykola Taras Bohdan Olena Olga Tatiana Natalia Elena Yelena Irina Anna Maria Svetlana Ludmila Jan Piotr Tomasz Krzysztof Marek Pawel Wojciech Katarzyna John James Michael David Peter Mark Paul Robert'.split()
PATR='Ivanovich Petrovich Sergeyevich Nikolaevich Aleksandrovich Vladimirovich Viktorovich Yurievich Yurevich Mikhailovich Dmitrievich Andreevich Olegovich Pavlovich Fedorovich Anatolievich Vasilievich Uladzimiravich Ivanavich Ivanovna Petrovna Sergeevna Nikolaevna Vladimirovna Aleksandrovna'.split()
# real 4-letter surnames (RU/BY/UA/PL/EN), several one letter from listed DOLA DRIL DRYL GORA GRIB HARA HRYB LAPO SICH SMAL ZHUK
SUR4='ZHUR ZHUN ZHUK ZUEV ZUBA DUDA DUBA DOLE DOLL DOLY DULA DALA SOLA LOLA KOLA GORE GORY GURA HORA HURA DORA CORA KORA GORN GOLA BORA DRAL DROL TRIL GRIP GRUB GRIN GRIM KRIB HRIB HRYN LAPA LAPP LAPE LIPO SAPO SYCH SUCH SICK SIKH RICH BICH SMAK SMAG SMOL SMIL HART HARE HAAS KARA MARA VARA PARA SARA TARA ZARA LAZA LUKA KUZA SOLD FROL ORLO MOLL BELL BALL HALL HILL HOLL GALL WALL WOLF ROSS ROTH NOWY KROL SOWA MAZUR KOZA BUGA BIRO DOBA POPA LEUS KLIM PUPA KUNA HUSS ZHUL ZHIR'.split()
SUR4=[s for s in SUR4 if len(s)==4]
SURL='IVANOV PETROV SIDOROV SMIRNOV KOVALENKO SHEVCHENKO NOVAK KOWALSKI NOWAK WISNIEWSKI MELNYK BONDARENKO SMITH JONES BROWN TAYLOR SOKOLOV KOZLOV POPOV VOLKOV MOROZOV KUZNETSOV LEBEDEV NOVIKOV'.split()
def persons():
    qs=[]
    for g in GIVEN:
        ps=random.sample(PATR,4)
        for p in ps:
            for s in random.sample(SUR4,12)+random.sample(SURL,2):
                qs.append(dict(fam='fa_person_common',name=f'{g} {p} {s}',type='PERSON'))
    return qs
def listed_given_real_sur(pairs):
    """listed given+patronymic with real 4-letter surname one edit from the listed one (expected REVIEW by design)"""
    import gen
    qs=[]
    for (g,s),sid in pairs.items():
        sl=gen.slips(s)
        for r in SUR4:
            if r.lower() in sl:
                qs.append(dict(fam='fa_listedgiven_realsur1',name=f'{g} {r}',type='PERSON',exp=sid,src=g+' '+s,how=sl[r.lower()]))
            elif r!=s and r not in {x for (_,x) in pairs}:
                qs.append(dict(fam='fa_listedgiven_realsur_far',name=f'{g} {r}',type='PERSON',src=g+' '+s))
    return qs
ADJ='Minsk Global Best Royal Golden Star Victory Alpha United First City Nord Baltic Central Modern Euro Grand Sokol Vostok Sibir Metro Polar Ural Volga Dnepr Kyiv Warsaw London Atlas Orion Delta Neva'.split()
NOUN='Club|Sports Club|Fitness Club|Football Club|Tennis Club|Company|Trading Company|Construction Company|Electronic Company|Electronics|Factory|Tobacco Factory|Tobacco Company|Furniture Factory|Technics|Export|Export Company|Import Export|Trading|Construction|Oil Company|Bank|Plant|Tractor Plant|Cement Company|Holding|Group|Steel Works|Auto Plant|Electric|Electromechanics|Computer Systems|Security Service|Logistics|Potash Trading'.split('|')
def ck_word(w):
    import gen
    return gen.hard_c(w)
def companies():
    import gen
    qs=[]
    for a in ADJ:
        for n in NOUN:
            nm=f'{a} {n}'
            qs.append(dict(fam='fa_company_plain',name=nm.upper(),type='ORGANIZATION'))
            v=' '.join(gen.hard_c(w) for w in nm.split()).upper()
            if v!=nm.upper(): qs.append(dict(fam='fa_company_ck',name=v,type='ORGANIZATION',src=nm))
            qs.append(dict(fam='fa_company_cyr',name=gen.cyr(nm),type='ORGANIZATION',src=nm))
    # generic only (no distinctive word)
    for n in NOUN:
        for pre in ['','LLC ','OOO ','JSC ','OJSC ']:
            for f in (lambda x:x, lambda x:' '.join(gen.hard_c(w) for w in x.split()), gen.cyr):
                qs.append(dict(fam='fa_company_generic',name=(pre+f(n)).upper(),type='ORGANIZATION',src=n))
    # Russian-style ordinary company names
    RU='Stroi|Torg|Tekhnika|Elektronika|Kompaniya|Klub|Zavod|Fabrika|Eksport|Servis|Avto|Neft|Les|Agro|Invest|Transit|Trans|Kapital|Kontakt|Kristall'.split('|')
    for a in ['Minsk','Grodno','Brest','Vitebsk','Gomel','Mogilev','Moskva','Kiev','Novy','Zolotoi','Belyi','Krasny','Severny']:
        for r in RU:
            for w in (r, gen.k_to_c(r)):
                qs.append(dict(fam='fa_company_ru',name=f'OOO {a} {w}'.upper(),type='ORGANIZATION'))
                qs.append(dict(fam='fa_company_ru',name=f'{a}{w}'.upper(),type='ORGANIZATION'))
    return qs
def listed_word_swaps():
    """listed org's distinctive word c/k-swapped, combined with ordinary other words"""
    import gen, re
    STOP=set('OF THE AND FOR OJSC JSC LLC OOO OAO CJSC ZAO TAA AAT COMPANY JOINT STOCK OPEN CLOSED LIMITED LIABILITY REPUBLIC BELARUS'.split())
    qs=[]; seen=set()
    for e in gen.E:
        if e['type']!='ORG': continue
        for n in e['names']:
            for w in re.findall('[A-Za-z]+',n.upper()):
                if w in STOP or len(w)<4: continue
                for f in (gen.hard_c,gen.k_to_c):
                    v=f(w).upper()
                    if v==w or v in seen: continue
                    seen.add(v)
                    for extra in ['TRADING','FITNESS CENTER','CONSULTING LTD','FAMILY CAFE']:
                        qs.append(dict(fam='fa_listedword_ck_plus_other',name=f'{v} {extra}',type='ORGANIZATION',src=w+' ('+n+')',exp=e['sid']))
                        qs.append(dict(fam='fa_listedword_orig_plus_other',name=f'{w} {extra}',type='ORGANIZATION',src=w+' ('+n+')',exp=e['sid']))
    return qs
