"""Own name tables: given names (Russian/Belarusian/Ukrainian/intl forms, diminutives), titles, legal forms."""

# canon: (ru forms, be forms, diminutives, international/other-language forms, gender)
GIVEN = [
 (["Aleksandr", "Alexander", "Alexandr", "Aleksander"], ["Aliaksandr", "Alyaksandr", "Alaksandr"], ["Sasha", "Sanya", "Shura"], ["Alexander", "Alexandre", "Oleksandr", "Aleksandras"], "m"),
 (["Aleksei", "Alexey", "Aleksey", "Alexei", "Alexej"], ["Aliaksei", "Alyaksei"], ["Lyosha", "Alyosha"], ["Alexis", "Oleksiy", "Aleksiej"], "m"),
 (["Anatoly", "Anatoliy", "Anatoli"], ["Anatol", "Anatoli"], ["Tolya", "Tolik"], ["Anatolii", "Anatolij", "Anatole"], "m"),
 (["Andrei", "Andrey", "Andrej"], ["Andrei", "Andrey"], ["Andryusha"], ["Andrew", "Andreas", "Andrzej", "Andriy", "Andre"], "m"),
 (["Boris"], ["Barys"], ["Borya"], ["Borys"], "m"),
 (["Dmitry", "Dmitriy", "Dmitri", "Dmitrii"], ["Dzmitry", "Dzmitri", "Dzmitriy"], ["Dima", "Mitya"], ["Dmytro", "Dimitri", "Dymitr"], "m"),
 (["Gennady", "Gennadiy", "Gennadi"], ["Henadz", "Genadz", "Hienadz"], ["Gena"], ["Hennadiy", "Gennadij"], "m"),
 (["Georgy", "Georgiy", "Georgi"], ["Heorhi", "Heorhiy"], ["Zhora", "Gosha"], ["George", "Georg", "Jerzy", "Heorhiy"], "m"),
 (["Grigory", "Grigoriy", "Grigori"], ["Ryhor", "Hryhory"], ["Grisha"], ["Gregory", "Grzegorz", "Hryhoriy"], "m"),
 (["Igor"], ["Ihar"], ["Igoryok"], ["Ihor"], "m"),
 (["Ivan"], ["Ivan"], ["Vanya"], ["Ivan"], "m"),
 (["Konstantin"], ["Kanstantsin", "Kanstantin"], ["Kostya"], ["Constantine", "Konstanty", "Kostiantyn", "Constantin"], "m"),
 (["Leonid"], ["Leanid"], ["Lyonya"], ["Leonide"], "m"),
 (["Maksim", "Maxim"], ["Maksim", "Maksym"], ["Maks", "Maksimka"], ["Maxime", "Maksym"], "m"),
 (["Mikhail", "Mihail"], ["Mikhail", "Mikhas"], ["Misha"], ["Michael", "Michail", "Michal", "Mykhailo", "Michel"], "m"),
 (["Nikolai", "Nikolay", "Nikolaj"], ["Mikalai", "Mikalay", "Mikalaj"], ["Kolya", "Kolia"], ["Nicholas", "Nikolaus", "Mykola", "Mikolaj", "Nicolas"], "m"),
 (["Oleg"], ["Aleh", "Aleg"], ["Olezhka"], ["Oleh"], "m"),
 (["Pavel"], ["Pavel", "Paval", "Paulo"], ["Pasha"], ["Paul", "Pawel", "Pavlo"], "m"),
 (["Petr", "Pyotr", "Piotr"], ["Piatro", "Pyatro"], ["Petya"], ["Peter", "Pierre", "Petro"], "m"),
 (["Roman"], ["Raman"], ["Roma"], ["Roman"], "m"),
 (["Sergei", "Sergey", "Sergej", "Sergiy"], ["Siarhei", "Syarhey", "Siarhej"], ["Seryozha", "Seryoga"], ["Serge", "Serhiy", "Sergiusz"], "m"),
 (["Stepan"], ["Stsiapan", "Stiapan", "Stsyapan"], ["Styopa"], ["Stephen", "Stefan"], "m"),
 (["Valery", "Valeriy", "Valeri"], ["Valery", "Valer"], ["Valera"], ["Valerii", "Walery"], "m"),
 (["Vadim"], ["Vadzim"], ["Vadik"], ["Vadym"], "m"),
 (["Vasily", "Vasiliy", "Vasili"], ["Vasil", "Vasil"], ["Vasya"], ["Vasyl", "Wasyl"], "m"),
 (["Viktor", "Victor"], ["Viktar"], ["Vitya"], ["Wiktor"], "m"),
 (["Vitaly", "Vitaliy", "Vitali"], ["Vital", "Vitali"], ["Vitalik", "Vitya"], ["Vitalii", "Witalij"], "m"),
 (["Vladimir"], ["Uladzimir", "Uladzimer"], ["Volodya", "Vova"], ["Volodymyr", "Wlodzimierz"], "m"),
 (["Vyacheslav", "Viacheslav"], ["Viachaslau", "Vyachaslau"], ["Slava"], ["Wiaczeslaw", "Viacheslav"], "m"),
 (["Yevgeny", "Evgeny", "Evgeniy", "Yevgeniy", "Evgenii"], ["Yauhen", "Yauheni", "Jauhien"], ["Zhenya"], ["Eugene", "Eugen", "Jewgeni", "Yevhen"], "m"),
 (["Yuri", "Yury", "Yuriy", "Iurii", "Jurij"], ["Yury", "Yuri", "Jury"], ["Yura"], ["Yurii", "Juri", "Jerzy"], "m"),
 (["Denis"], ["Dzianis", "Dzyanis"], ["Denya"], ["Dennis", "Denys"], "m"),
 (["Artem", "Artyom"], ["Artsiom", "Artsem"], ["Tyoma"], ["Artemiy"], "m"),
 (["Kirill"], ["Kiryl", "Kiril"], ["Kirya"], ["Cyril", "Kyrylo"], "m"),
 (["Ruslan"], ["Ruslan"], ["Rusik"], ["Rouslan"], "m"),
 (["Anna"], ["Hanna", "Ganna"], ["Anya", "Nyura"], ["Anne", "Ann", "Hannah", "Anja"], "f"),
 (["Natalia", "Natalya", "Natalja", "Nataliya"], ["Natallia", "Natallya"], ["Natasha"], ["Natalie", "Nathalie", "Natalka"], "f"),
 (["Yelena", "Elena", "Jelena"], ["Alena", "Alyona", "Aliona"], ["Lena", "Lenochka"], ["Helen", "Helena", "Olena", "Helene"], "f"),
 (["Olga"], ["Volha", "Volga"], ["Olya"], ["Olha"], "f"),
 (["Tatyana", "Tatiana", "Tatjana"], ["Tatsiana", "Tatsyana"], ["Tanya"], ["Tetiana", "Tatiane"], "f"),
 (["Svetlana"], ["Sviatlana", "Svyatlana"], ["Sveta"], ["Svitlana", "Swietlana"], "f"),
 (["Lyudmila", "Ludmila", "Liudmila"], ["Liudmila", "Lyudmila"], ["Lyuda", "Mila"], ["Ludmilla", "Liudmyla"], "f"),
 (["Galina"], ["Halina"], ["Galya"], ["Halyna", "Galyna"], "f"),
 (["Irina"], ["Iryna"], ["Ira"], ["Irene", "Irena"], "f"),
 (["Marina"], ["Maryna"], ["Marisha"], ["Maryna"], "f"),
 (["Yulia", "Yuliya", "Julia"], ["Yuliya", "Yulia"], ["Yulya"], ["Julie", "Juliya"], "f"),
 (["Valentina"], ["Valiantsina", "Valyantsina"], ["Valya"], ["Valentyna", "Valentine"], "f"),
 (["Lidia", "Lidiya"], ["Lidziya", "Lidzia"], ["Lida"], ["Lydia"], "f"),
 (["Inna", "Ina"], ["Ina", "Inna"], ["Innochka"], ["Inna"], "f"),
 (["Alina"], ["Alina"], ["Alya"], ["Aline"], "f"),
]


def skel(s):
    import unicodedata, re
    s = "".join(c for c in unicodedata.normalize("NFKD", s.lower()) if not unicodedata.combining(c))
    s = s.replace("ł", "l")
    for a, b in [("kh", "h"), ("x", "ks"), ("w", "v"), ("j", "i"), ("y", "i"), ("ie", "e"), ("dz", "d"), ("ts", "t"),
                 ("iu", "u"), ("ia", "a"), ("g", "h")]:
        s = s.replace(a, b)
    s = re.sub(r"[^a-z]", "", s)
    s = re.sub(r"(.)\1+", r"\1", s)
    s = re.sub(r"i$", "", s)
    return s


_IDX = {}
for row in GIVEN:
    for f in row[0] + row[1]:
        _IDX.setdefault(skel(f), row)


def lookup_given(name):
    return _IDX.get(skel(name))


TITLES_M = ["Mr", "Mr.", "MR", "Dr.", "Prof.", "Herr", "Monsieur", "Sr.", "Senor", "Pan", "Gospodin", "Господин", "г-н",
            "H.E.", "His Excellency", "Gen.", "General", "Col.", "Colonel", "Minister", "Hon.", "Sir", "Ing.", "Dipl.-Ing."]
TITLES_F = ["Mrs", "Mrs.", "Ms.", "Ms", "Dr.", "Frau", "Madame", "Mme", "Pani", "Gospozha", "Госпожа", "г-жа", "Sra.", "H.E.", "Prof."]
SUFFIXES = [", Jr.", " (Mr)", " PhD", ", Esq."]

# legal forms: family -> forms (English/Russian/Belarusian/Ukrainian/Polish/German/other, short and long)
LEGAL = {
 "jsc": ["OAO", "OJSC", "JSC", "AO", "AAT", "PJSC", "PAO", "JSCo", "Joint Stock Company", "Open Joint Stock Company",
         "Open Joint-Stock Company", "Otkrytoe Aktsionernoe Obshchestvo", "Adkrytae Aktsyyanernae Tavarystva", "ОАО", "ААТ",
         "AG", "S.A.", "SA", "A/S", "PLC", "Aktiengesellschaft", "Spolka Akcyjna", "S.p.A."],
 "cjsc": ["ZAO", "CJSC", "ZAT", "Closed Joint Stock Company", "Zakrytoe Aktsionernoe Obshchestvo", "ЗАО", "JSC", "AO"],
 "llc": ["OOO", "LLC", "L.L.C.", "TOV", "TAA", "Ltd", "Ltd.", "Limited", "Sp. z o.o.", "GmbH", "SRL", "S.A.R.L.",
         "Limited Liability Company", "Obshchestvo s Ogranichennoy Otvetstvennostyu", "ООО", "ТАА", "Co. Ltd"],
 "ue": ["UE", "RUE", "RUP", "UP", "Unitary Enterprise", "Republican Unitary Enterprise", "State Enterprise", "Unitarnoe Predpriyatie", "SUE", "RUPP"],
}
LEGAL_TOKENS = sorted({f.upper() for fs in LEGAL.values() for f in fs} | {
    "OPEN JOINT STOCK COMPANY", "OPEN JOINT-STOCK COMPANY", "CLOSED JOINT STOCK COMPANY", "CLOSED JOINT-STOCK COMPANY",
    "JOINT STOCK COMPANY", "JOINT-STOCK COMPANY", "LIMITED LIABILITY COMPANY", "FOREIGN LIMITED LIABILITY COMPANY",
    "REPUBLICAN UNITARY ENTERPRISE", "UNITARY ENTERPRISE", "PUBLIC JOINT STOCK COMPANY", "ADDITIONAL LIABILITY COMPANY",
    "INC.", "INC", "LIMITED", "LTD", "FLLC", "IOOO", "ODO", "ALC", "ZTAA"}, key=len, reverse=True)

SYNONYMS = [("PLANT", ["WORKS", "FACTORY", "ZAVOD", "MILL", "Werk"]), ("WORKS", ["PLANT", "FACTORY", "ZAVOD"]),
            ("FACTORY", ["PLANT", "FABRIKA", "WORKS"]), ("COMPANY", ["CO.", "CO", "CORP"]), ("AND", ["&"]),
            ("REPUBLIC OF BELARUS", ["RB", "BELARUS", "R. BELARUS"]), ("BELARUSIAN", ["BELORUSSIAN", "BYELORUSSIAN", "BELARUSSIAN"]),
            ("MINISTRY OF INTERNAL AFFAIRS", ["MVD", "INTERIOR MINISTRY"]), ("INTERNAL AFFAIRS", ["INTERIOR"]),
            ("BANK", ["BANKA", "BANQUE"]), ("GROUP", ["GRUPP", "GRP", "GRUPPA"]), ("OIL", ["NEFT", "PETROLEUM"]),
            ("HOLDING", ["HOLDINGS", "KHOLDING"]), ("ENGINEERING", ["INZHINIRING", "ENG."]), ("STATE", ["GOSUDARSTVENNY"]),
            ("COMMITTEE", ["KOMITET", "CMTE"]), ("ELECTROMECHANICAL", ["ELEKTROMEKHANICHESKIY", "ELECTRO-MECHANICAL"]),
            ("TRACTOR", ["TRAKTOR"]), ("AUTOMOBILE", ["AVTOMOBILNY", "AUTO", "MOTOR"]), ("RESEARCH INSTITUTE", ["NII", "R&D INSTITUTE"])]

# curated short forms / brands an evader or payment clerk uses (only where the short form is a real name of the entity)
BRANDS = {
 "MINSK WHEEL TRACTOR PLANT": ["MZKT", "MZKT Volat", "Volat"],
 "BELARUSIAN STEEL WORKS": ["BMZ", "BMZ Zhlobin", "Byelorussian Steel Works"],
 "MINSK AUTOMOBILE PLANT": ["MAZ", "MAZ Minsk", "Minsk Automobile Plant OJSC"],
 "BELAZ": ["BelAZ", "BELAZ Zhodino", "BelAZ Holding"],
 "BELARUSIAN POTASH COMPANY": ["BPC", "Belarusian Potash Co", "BPK"],
 "MINSK TRACTOR WORKS": ["MTZ", "Belarus Tractor", "MTZ Belarus"],
 "STATE SECURITY COMMITTEE": ["KGB of Belarus", "Belarus KGB", "KGB RB"],
 "STATE AUTHORITY FOR MILITARY INDUSTRY": ["SAMI", "Goskomvoenprom", "Goskomvoyenprom Belarus"],
 "CENTRAL ELECTION COMMISSION": ["CEC of Belarus", "Belarus CEC", "TsIK Belarusi"],
 "NATIONAL OLYMPIC COMMITTEE": ["NOC Belarus", "NOK Belarusi", "Belarus NOC"],
 "BELARUSIAN RAILWAY": ["BelZhD", "BCh", "Belarusian Railways"],
 "GRODNO AZOT": ["Grodno Azot", "Azot Grodno", "Hrodna Azot"],
 "BELINVESTBANK": ["Belinvest Bank", "BIB"],
 "BELAGROPROMBANK": ["Belagroprom Bank", "BAPB"],
 "BELARUSBANK": ["Belarus Bank", "ASB Belarusbank"],
 "BELGAZPROMBANK": ["Belgazprom Bank", "BGPB"],
 "PRIORBANK": ["Prior Bank", "Priorbank Minsk"],
 "BELVNESHECONOMBANK": ["BelVEB", "Bel VEB Bank", "Belvnesheconom Bank"],
 "BPS-SBERBANK": ["BPS Sberbank", "Sber Bank Belarus", "BPS-Sber Bank"],
 "MTBANK": ["MT Bank", "MTB Bank"],
 "BELNEFTEKHIM": ["Belneftekhim Concern", "Belneftechim", "Belneftehim"],
 "NAFTAN": ["Naftan Novopolotsk", "Naftan Refinery"],
 "BELARUSKALI": ["Belaruskaliy", "Belarus Kali", "Belaruskali Soligorsk"],
 "BELSHINA": ["Bel Shina", "Belshina Bobruisk"],
 "BELTECHEXPORT": ["Bel Tech Export", "Beltekheksport"],
 "BELSPETSVNESHTECHNIKA": ["BSVT", "Belspetsvneshtekhnika"],
 "SPECIAL PURPOSE POLICE": ["OMON Minsk", "Minsk OMON"],
 "BELAERONAVIGATSIA": ["Belaeronavigatsiya", "Belaeronavigatsia RUE"],
 "BELTELERADIO": ["Belteleradio Company", "BT Belarus TV"],
 "GOMSELMASH": ["Gomselmash Gomel", "Gomsel Mash"],
 "DEVELOPMENT BANK OF THE REPUBLIC OF BELARUS": ["Development Bank of Belarus", "Belarus Development Bank", "Bank razvitiya"],
 "NATIONAL BANK OF THE REPUBLIC OF BELARUS": ["National Bank of Belarus", "NBRB", "Belarus National Bank"],
 "BELARUSKY NARODNY BANK": ["BNB-Bank", "BNB Bank", "Belarusian People's Bank"],
}

CITIES_BY = ["Minsk", "Grodno", "Brest", "Gomel", "Vitebsk", "Mogilev", "Bobruisk", "Borisov", "Orsha", "Pinsk", "Lida",
             "Soligorsk", "Novopolotsk", "Molodechno", "Baranovichi", "Zhodino"]
