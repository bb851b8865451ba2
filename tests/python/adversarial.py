"""Adversarial test-data generator and recall/false-positive harness for screener.

Written independently of the matcher: it parses the three official list files itself (Canada SEMA
XML, OFAC SDN legacy CSV + ALT, UK OFSI ConList CSV), keeps every Belarus name (primary names and
aliases, persons and organisations), and derives perturbed queries from them with its own tables.
Nothing here imports or mirrors the Rust code; the only thing learnt from the service is the
entity-id format (`ca-sema:belarus/<schedule>/<item>`, `us-ofac-sdn:<ent_num>`,
`uk-ofsi:<group id>`).

Every generated query is deterministic: a variant's random choices come from a generator seeded
with SEED and the (kind, entity, name) it is built from, so the set does not depend on iteration
order.

Usage:  python3 tests/python/adversarial.py 127.0.0.1:PORT [--threads 8] [--examples 10]

A positive counts as FOUND when the response decision is not CLEAR and one of its matches has the
expected entity_id. A negative is a false positive when the decision is not CLEAR.
"""
import csv
import difflib
import functools
import hashlib
import os
import random
import re
import sys
import threading
import time
import unicodedata
import xml.etree.ElementTree as ET
from collections import defaultdict, namedtuple
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

SEED = 20261201
REPO_ROOT = Path(__file__).resolve().parents[2]

# --------------------------------------------------------------------------------------------
# Kinds
# --------------------------------------------------------------------------------------------

KINDS = {
    1: "extra words",
    2: "parts dropped",
    3: "truncation",
    4: "initials",
    5: "homoglyphs",
    6: "invisible chars",
    7: "vowels dropped",
    8: "short-word typo",
    9: "OCR/keyboard slips",
    10: "other scripts",
    11: "joined/split words",
    12: "identity",
    13: "org legal form",
    14: "role swaps (neg)",
    15: "nicknames",
    16: "wrapped 35 / tab",
    17: "Baltic endings",
}
# Kinds whose positives are REVIEW at most: the share that came back BLOCK is reported.
REVIEW_CAPPED = {3, 4, 7, 15}
# Kinds that have no positives (negatives only).
NEGATIVE_ONLY = {14}

# --------------------------------------------------------------------------------------------
# Text helpers (own folding, own transliteration)
# --------------------------------------------------------------------------------------------

CYR2LAT_TRANSLIT = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
    "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya", "і": "i", "ї": "i",
    "є": "e", "ў": "u", "ґ": "g", "'": "", "’": "", "ʼ": "",
}


def script_of(text):
    """'cyr' or 'lat' (majority of letters), 'other' when neither dominates."""
    lat = cyr = oth = 0
    for ch in text:
        if not ch.isalpha():
            continue
        n = unicodedata.name(ch, "")
        if n.startswith("LATIN"):
            lat += 1
        elif n.startswith("CYRILLIC"):
            cyr += 1
        else:
            oth += 1
    if cyr > lat and cyr >= oth:
        return "cyr"
    if lat >= cyr and lat >= oth and lat:
        return "lat"
    return "other"


def fold(text):
    """Lower-case ASCII letters only (own Cyrillic transliteration, diacritics dropped)."""
    out = []
    for ch in unicodedata.normalize("NFKC", text).lower():
        if ch in CYR2LAT_TRANSLIT:
            out.append(CYR2LAT_TRANSLIT[ch])
        else:
            out.append(ch)
    s = unicodedata.normalize("NFKD", "".join(out))
    return "".join(c for c in s if "a" <= c <= "z")


def fold_words(text):
    return [w for w in (fold(t) for t in re.split(r"[\s,;/()\"«»“”„.'-]+", text)) if w]


def skeleton(folded):
    return folded[:1] + re.sub(r"[aeiouy]", "", folded[1:])


def similar(a, b):
    return difflib.SequenceMatcher(None, a, b).ratio()


def clean_spaces(s):
    return re.sub(r"\s+", " ", s or "").strip()


def rng_for(*parts):
    h = hashlib.sha256(("\x1f".join(str(p) for p in (SEED,) + parts)).encode()).digest()
    return random.Random(int.from_bytes(h[:8], "big"))


LETTER_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)

PATRONYMIC_SUFFIXES = (
    "vich", "vych", "vitch", "vna", "ichna", "auna", "euna", "ouna", "iuna", "ivna", "ovic",
    "evic", "avic", "ogly", "oglu", "kyzy",
)


def looks_patronymic(tok):
    t = fold(tok)
    return len(t) >= 6 and t.endswith(PATRONYMIC_SUFFIXES)


# --------------------------------------------------------------------------------------------
# List parsing
# --------------------------------------------------------------------------------------------

# A person name: tokens in published order with a role per token: G given, P patronymic, S surname.
Name = namedtuple("Name", "text tokens roles script source_note")
Entity = namedtuple("Entity", "id kind names")  # kind: 'person' | 'org'

LEGAL_ONLY_WORDS = {
    "ooo", "oao", "zao", "ojsc", "cjsc", "jsc", "llc", "ltd", "limited", "company", "joint",
    "stock", "open", "closed", "obshchestvo", "aktsionernoe", "otkrytoe", "obshestvo", "s",
    "ogranichennoi", "otvetstvennostiu", "obshchestvo", "tovarystva", "akcyianernae", "ue",
    "obshchestvos", "ogranichennoy", "otvetstvennostyu", "tavarystva", "aktsyianernae",
    "adkrytae", "zakrytae", "akcyjanernae", "unitarnoe", "predpriiatie", "pradpryiemstva",
    "liability", "aat", "zat", "taa", "up", "ruup", "rup", "chup", "oaa", "pao", "ao",
}


def _cyr_or_lat_tokens(text):
    return [t for t in re.split(r"\s+", text) if LETTER_WORD.search(t)]


def structure_person(text, known_surnames):
    """Roles for a free-form person name. Uses the entity's known surnames when possible."""
    raw = clean_spaces(re.sub(r"\([^)]*\)", " ", text))
    comma_first = None
    if "," in raw:
        head, _, tail = raw.partition(",")
        comma_first = len(_cyr_or_lat_tokens(head))
        raw = clean_spaces(head + " " + tail)
    toks = _cyr_or_lat_tokens(raw.replace(",", " "))
    if not toks:
        return [], []
    roles = ["G"] * len(toks)
    if comma_first:
        for i in range(min(comma_first, len(toks))):
            roles[i] = "S"
    else:
        # the token most like a known surname
        best, best_i = 0.0, None
        for i, t in enumerate(toks):
            ft = fold(t)
            for s in known_surnames:
                r = similar(ft, s)
                if r > best:
                    best, best_i = r, i
        caps = [i for i, t in enumerate(toks)
                if len(LETTER_WORD.findall(t)[0]) > 1 and t.upper() == t and t.lower() != t]
        if best >= 0.6 and best_i is not None:
            roles[best_i] = "S"
        elif len(caps) == 1 and len(toks) > 1:
            roles[caps[0]] = "S"
        elif len(toks) == 3 and looks_patronymic(toks[2]) and not looks_patronymic(toks[1]):
            roles[0] = "S"
        else:
            roles[-1] = "S"
    # patronymic: a non-surname token with a patronymic suffix that is not the first given name
    given_idx = [i for i, r in enumerate(roles) if r == "G"]
    for i in given_idx[1:]:
        if looks_patronymic(toks[i]):
            roles[i] = "P"
    return toks, roles


def _person_name(text, known_surnames, note, tokens=None, roles=None):
    text = clean_spaces(text)
    if tokens is None:
        tokens, roles = structure_person(text, known_surnames)
    return Name(text, tuple(tokens), tuple(roles), script_of(text), note)


def _org_name(text, note):
    text = clean_spaces(text)
    return Name(text, tuple(text.split(" ")), (), script_of(text), note)


def split_ca_aliases(text):
    """Canada's free-text Aliases into name fragments (own rules)."""
    text = clean_spaces(text)
    parts = re.split(r"[;,/]|\)\s*\(|\s+or\s+|\s+a\.k\.a\.?\s+", text)
    out = []
    for p in parts:
        if p.count("(") != p.count(")"):
            p = p.replace("(", " ").replace(")", " ")
        p = re.sub(r"^\s*[A-Za-z][A-Za-z .-]{1,30}?\s*:\s*", "", p)  # language labels
        p = clean_spaces(p).strip(" .")
        if p:
            out.append(p)
    return out


def ca_id_part(s):
    english = s.split(" / ")[0].strip().lower()
    out = re.sub(r"[^0-9a-z.]+", "-", english)
    return re.sub(r"-+", "-", out).strip("-")


def parse_canada(path):
    root = ET.parse(path).getroot()
    entities = []
    for rec in root.iter("record"):
        country = clean_spaces(rec.findtext("Country"))
        if not country.startswith("Belarus"):
            continue
        sched = clean_spaces(rec.findtext("Schedule"))
        item = clean_spaces(rec.findtext("Item"))
        eid = f"ca-sema:{ca_id_part(country)}/{ca_id_part(sched)}/{item}"
        last = clean_spaces(rec.findtext("LastName"))
        given = clean_spaces(rec.findtext("GivenName"))
        org = clean_spaces(rec.findtext("EntityOrShip"))
        aliases = split_ca_aliases(rec.findtext("Aliases") or "")
        names = []
        if last or given:
            surnames = [fold(w) for w in last.split()]
            gt = given.split()
            roles = ["G"] * len(gt)
            if len(gt) >= 2 and looks_patronymic(gt[-1]):
                roles[-1] = "P"
            toks = gt + last.split()
            roles += ["S"] * len(last.split())
            names.append(_person_name(f"{given} {last}", surnames, "primary", toks, roles))
            for a in aliases:
                n = _person_name(a, surnames, "alias")
                if len(n.tokens) < 2:
                    continue
                has_surname = any(similar(fold(t), s) >= 0.6 for t in n.tokens for s in surnames)
                if not has_surname and len(n.tokens) < 3:
                    continue  # a given name (+ patronymic) alone, not a name of the person
                if not any(r == "G" and not looks_patronymic(t)
                           for t, r in zip(n.tokens, n.roles)):
                    continue  # patronymic + surname only ("Vasilyevich Maximavich")
                names.append(n)
            kind = "person"
        else:
            names.append(_org_name(org, "primary"))
            for a in aliases:
                words = fold_words(a)
                if not words or all(w in LEGAL_ONLY_WORDS or len(w) < 2 for w in words):
                    continue
                if sum(len(w) for w in words) < 3:
                    continue
                names.append(_org_name(a, "alias"))
            kind = "org"
        entities.append(Entity(eid, kind, _dedupe(names)))
    return entities


def _dedupe(names):
    seen, out = set(), []
    for n in names:
        if n.text and n.text not in seen:
            seen.add(n.text)
            out.append(n)
    return out


def _ofac_rows(path):
    with open(path, encoding="latin-1", newline="") as f:
        data = f.read().replace("\x1a", "")
    for row in csv.reader(data.splitlines()):
        if row:
            yield [("" if c.strip() == "-0-" else c.strip()) for c in row]


def ofac_person_name(text, note):
    """OFAC 'SURNAME, Given Patronymic'."""
    text = clean_spaces(text)
    if "," in text:
        sur, _, giv = text.partition(",")
        st, gt = sur.split(), giv.split()
        roles = ["S"] * len(st) + ["G"] * len(gt)
        if len(gt) >= 2 and looks_patronymic(gt[-1]):
            roles[-1] = "P"
        return Name(text, tuple(st + gt), tuple(roles), script_of(text), note)
    return _person_name(text, [], note)


def parse_ofac(sdn_path):
    sdn_path = Path(sdn_path)
    alt_path = sdn_path.with_name(sdn_path.name.replace("sdn", "alt"))
    alts = defaultdict(list)
    if alt_path.exists():
        for row in _ofac_rows(alt_path):
            if len(row) >= 4 and row[3]:
                alts[row[0]].append(row[3])
    entities, skipped = [], 0
    for row in _ofac_rows(sdn_path):
        if len(row) < 4:
            continue
        ent, name, typ, prog = row[0], row[1], row[2].lower(), row[3]
        programs = {p.strip(" []") for p in re.split(r"\]\s*\[", prog)}
        if not programs & {"BELARUS", "BELARUS-EO14038"}:
            continue
        if typ in ("vessel", "aircraft"):
            skipped += 1
            continue
        texts = [name] + alts.get(ent, [])
        if typ == "individual":
            names = [ofac_person_name(t, "primary" if i == 0 else "alias")
                     for i, t in enumerate(texts)]
            kind = "person"
        else:
            names = [_org_name(t, "primary" if i == 0 else "alias") for i, t in enumerate(texts)]
            kind = "org"
        entities.append(Entity(f"us-ofac-sdn:{ent}", kind, _dedupe(names)))
    return entities


def parse_uk(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        f.readline()  # "Last Updated,dd/mm/yyyy"
        rows = [r for r in csv.DictReader(f) if (r.get("Regime") or "").strip() == "Belarus"]
    groups = defaultdict(list)
    for r in rows:
        groups[r["Group ID"].strip()].append(r)
    entities = []
    for gid, grs in groups.items():
        person = grs[0]["Group Type"].strip() == "Individual"
        names = []
        surnames = [fold(w) for r in grs for w in clean_spaces(r["Name 6"]).split()]
        for r in grs:
            parts = [clean_spaces(r[f"Name {i}"]) for i in range(1, 7)]
            if person:
                given = [w for p in parts[:5] for w in p.split()]
                sur = parts[5].split()
                roles = ["G"] * len(given)
                for i in range(1, len(given)):
                    if looks_patronymic(given[i]):
                        roles[i] = "P"
                if given or sur:
                    names.append(_person_name(" ".join(given + sur), surnames, "primary",
                                              given + sur, roles + ["S"] * len(sur)))
            else:
                text = " ".join(p for p in parts if p)
                if text:
                    names.append(_org_name(text, "primary"))
            nl = clean_spaces(r.get("Name Non-Latin Script", ""))
            if nl:
                if person:
                    n = _person_name(nl, surnames, "non-latin")
                    if len(n.tokens) >= 2:
                        names.append(n)
                else:
                    names.append(_org_name(nl, "non-latin"))
        entities.append(Entity(f"uk-ofsi:{gid}", "person" if person else "org", _dedupe(names)))
    return entities


def default_data_dir():
    return Path(os.environ.get("SCREENER_DATA", REPO_ROOT / "tests" / "data" / "lists"))


def load_lists(data_dir=None):
    d = Path(data_dir or default_data_dir())
    return (parse_canada(d / "canada/sema-lmes_2025-09-22.xml")
            + parse_ofac(d / "ofac/sdn_2023-12-28.csv")
            + parse_uk(d / "uk/ConList_2025-04-10.csv"))


# --------------------------------------------------------------------------------------------
# Own tables
# --------------------------------------------------------------------------------------------

TITLES_LAT = ["Hajji", "Sheikh", "Eng.", "Dr", "Prof.", "Col.", "Hon.", "Pan", "Gospodin",
              "Mister", "Herr", "Madame", "Sir", "Ing.", "Maj. Gen.", "Excellency", "Comrade",
              "Monsieur", "Signor", "Pani"]
TITLES_CYR = ["Господин", "Госпожа", "Пан", "Пані", "Д-р", "Проф.", "Товарищ", "Генерал",
              "Спадар", "Г-н"]
EXTRA_MIDDLE_LAT = ["Maria", "Jan", "Jozef", "Peter", "Anna", "Karl", "Stefan", "Marek",
                    "Luis", "Emil"]
EXTRA_MIDDLE_CYR = ["Мария", "Ян", "Иосиф", "Пётр", "Анна", "Карл", "Стефан", "Марек"]
EXTRA_SURNAME_LAT = ["Garcia", "Schmidt", "Kowalski", "Novak", "Jensen", "Rossi", "Dubois",
                     "Horvat", "Silva", "Andersson"]
EXTRA_SURNAME_CYR = ["Гарсия", "Шмидт", "Ковальски", "Новак", "Йенсен", "Росси"]

# Nickname / short forms: folded full forms -> (Latin nickname, Cyrillic nickname)
NICKNAMES = {}


def _nick(fulls, lat, cyr):
    for f in fulls.split():
        NICKNAMES[f] = (lat, cyr)


_nick("aleksandr alexander aliaksandr alexandr aleksander alyaksandr aliaksander alexandre "
      "aleksandra aliaksandra alexandra", "Sasha", "Саша")
_nick("nikolai nikolay mikalai mikalay nikolaj mikola", "Kolya", "Коля")
_nick("mikhail mikhal mikhas michail mihail mikhael", "Misha", "Миша")
_nick("dmitry dmitri dmitriy dzmitry dzmitri dzmitryi dmitrij dmitrii dzmitriy", "Dima", "Дима")
_nick("vladimir uladzimir wladimir vladimer uladzimer", "Volodya", "Володя")
_nick("sergei sergey siarhei sergej serhii sergii siargei siarhey", "Seryozha", "Серёжа")
_nick("aleksei alexei aleksey alexey aliaksei aliaksey alyaksei aleksej", "Alyosha", "Алёша")
_nick("yevgeny evgeny evgeni evgenii yauhen yauheni evgeniy yevgeniy", "Zhenya", "Женя")
_nick("ivan", "Vanya", "Ваня")
_nick("pavel paval pavlo", "Pasha", "Паша")
_nick("petr piotr pyotr piatro petro", "Petya", "Петя")
_nick("anatoly anatoli anatol anatolii anatoliy", "Tolya", "Толя")
_nick("viktor viktar victor", "Vitya", "Витя")
_nick("yuri yury yuriy iury iouri yurii jurij", "Yura", "Юра")
_nick("andrei andrey andrej andrii andrew", "Andryusha", "Андрюша")
_nick("konstantin kanstantsin kanstantin", "Kostya", "Костя")
_nick("vyacheslav viachaslau viacheslav vyachaslav", "Slava", "Слава")
_nick("valery valeri valeriy valerii valer", "Valera", "Валера")
_nick("gennady gennadiy gennadi henadz genadz henadzi gennadii", "Gena", "Гена")
_nick("leonid leanid", "Lyonya", "Лёня")
_nick("grigory grigori grigoriy ryhor hryhory hryhoryi grigorii", "Grisha", "Гриша")
_nick("boris barys", "Borya", "Боря")
_nick("maksim maxim maksym", "Max", "Макс")
_nick("roman raman", "Roma", "Рома")
_nick("natalia natalya natallia nataliya natalja", "Natasha", "Наташа")
_nick("yelena elena alena alyona helena alyona", "Lena", "Лена")
_nick("olga volha olha", "Olya", "Оля")
_nick("svetlana sviatlana sviatlana svyatlana", "Sveta", "Света")
_nick("tatiana tatyana tatsiana tatsyana tatjana", "Tanya", "Таня")
_nick("irina iryna", "Ira", "Ира")
_nick("maria mariya maryia maryja", "Masha", "Маша")
_nick("ekaterina yekaterina katsiaryna katerina kacjaryna", "Katya", "Катя")
_nick("anna hanna ganna", "Anya", "Аня")
_nick("lyudmila liudmila ludmila liudmyla", "Lyuda", "Люда")
_nick("valentina valiantsina valyantsina", "Valya", "Валя")
_nick("galina halina", "Galya", "Галя")
_nick("stanislav stanislau", "Stas", "Стас")
_nick("vladislav uladzislau", "Vlad", "Влад")
_nick("vasily vasili vasil vasiliy vasilii", "Vasya", "Вася")
_nick("stepan stsiapan stiapan", "Styopa", "Стёпа")
_nick("vadim vadzim", "Vadik", "Вадик")
_nick("vitaly vitali vitaliy vitalii", "Vitalik", "Виталик")
_nick("anastasia anastasiya anastasiia", "Nastya", "Настя")
_nick("william", "Bill", "Билл")
_nick("robert", "Bob", "Боб")
_nick("yakov", "Yasha", "Яша")
_nick("fedor fyodor fiodar", "Fedya", "Федя")
_nick("oleg aleh", "Olezhka", "Олежка")
_nick("denis dzianis", "Denya", "Деня")
_nick("kirill kiryl", "Kirya", "Киря")

# Unlisted people and companies (negatives). Filtered against the lists at build time.
NEG_GIVEN_M = ["Artur", "Bogdan", "Daniil", "Eduard", "Filipp", "Gleb", "Ilya", "Lev", "Matvei",
               "Nazar", "Oskar", "Platon", "Rostislav", "Savva", "Timofei", "Yaroslav", "Zakhar",
               "Arseni", "Emil", "Robert", "Marat", "Taras", "Yegor", "Klim", "Miron", "Ignat",
               "Ivan", "Sergei", "Aleksandr", "Dmitry", "Andrei", "Pavel", "Nikolai", "Igor"]
NEG_GIVEN_F = ["Alisa", "Vera", "Darya", "Milana", "Polina", "Ulyana", "Yana", "Zlata", "Kira",
               "Varvara", "Eva", "Sofia", "Taisia", "Inna", "Lidia", "Oksana", "Olga", "Anna",
               "Natalia", "Yelena"]
NEG_FATHERS = ["Arturovich", "Bogdanovich", "Glebovich", "Ilyich", "Lvovich", "Matveevich",
               "Nazarovich", "Platonovich", "Savvich", "Timofeevich", "Yaroslavovich",
               "Zakharovich", "Emilevich", "Maratovich", "Tarasovich", "Yegorovich"]
NEG_SURNAMES = ["Abramchik", "Bogushevich", "Vysotsky", "Gurinovich", "Dashkevich", "Yermolovich",
                "Zhdanovich", "Zayats", "Ilyinsky", "Klimovich", "Lebedko", "Molchanov",
                "Nesterovich", "Ostrovsky", "Pashkevich", "Rodionov", "Sidorchik", "Tikhonovich",
                "Ulasevich", "Filimonov", "Khvostov", "Tsvirko", "Chaikovsky", "Sharapov",
                "Shchukin", "Yurkevich", "Yakubovich", "Avdeenko", "Belousov", "Vorobey",
                "Gerasimchik", "Dudarev", "Yevdokimov", "Zhukovsky", "Zuyev", "Komarovsky",
                "Lapitsky", "Mazurkevich", "Novitsky", "Osipenko", "Prokopovich", "Rubanik",
                "Samusev", "Tarasevich", "Usov", "Fomenko", "Khmelnitsky", "Tsyganok",
                "Chernov", "Shostak", "Shumsky", "Yanushkevich", "Anisimov", "Borovik",
                "Volodko", "Golubev", "Demidovich", "Yefremov", "Zhilinsky", "Zimin", "Kiselyov",
                "Lobach", "Mironenko", "Naumovich", "Orekhov", "Pilipenko", "Rudenok", "Sakovich",
                "Timoshenko", "Ustinovich", "Frolov", "Kharitonov", "Tsybulsky", "Chizhik",
                "Shevelyov", "Shpak", "Yaroshevich", "Andrusevich", "Baranovsky", "Vasilevsky",
                "Goncharik", "Drozdovich", "Yeremenko", "Zhuravlev", "Zubkov", "Kovalchuk",
                "Levkovich", "Moroz", "Nikitenko", "Ogorodnik", "Plyushch", "Rybakov",
                "Sviridov", "Tumash", "Utkin", "Fedosenko", "Khodasevich", "Tselikov",
                "Chuprina", "Shimko", "Shved", "Yatskevich", "Brandt", "Hoffmann", "Kowalczyk",
                "Lindqvist", "Moreau", "O'Brien", "Papadopoulos", "Quintero", "Rasmussen",
                "Takahashi", "Varga", "Wojcik", "Yilmaz", "Zielinski", "Haddad", "Castellano",
                "Bulgakov", "Vernadsky", "Gogolev", "Derzhavin", "Yesenin", "Zhitkov",
                "Izmailov", "Korolyov", "Lermontov", "Mendeleev", "Nabokov", "Obolensky",
                "Pasternak", "Rimsky", "Saltykov", "Tolstikov", "Uvarov", "Fonvizin",
                "Khlebnikov", "Tsiolkovsky", "Chekhovich", "Shishkin", "Ehrenburg",
                "Yurovsky", "Yablokov", "Aivazovsky", "Borodin", "Vrubel", "Glinka",
                "Dobrynin", "Yeltsov", "Zabolotsky", "Kuindzhi", "Levitan", "Mussorgsky",
                "Nekrasovich", "Ozerov", "Polenov", "Repinsky", "Serov", "Tyutchev",
                "Ulitsky", "Fadeyev", "Kharms", "Tsvetaev", "Chaliapin", "Sholokhov",
                "Bykovsky", "Gorbunov", "Kuprin", "Leskov", "Mayakovsky", "Platonov",
                "Rasputin", "Skryabin", "Tarkovsky", "Vysotin", "Zamyatin", "Akhmatov",
                "Bazhov", "Vereshchagin", "Grabar", "Dyagilev", "Kandinsky", "Malevich",
                "Nesterov", "Perov", "Savrasov", "Tropinin", "Fedotov", "Shchedrin",
                "Eisenstein", "Yunusov", "Lindgren", "Fitzgerald", "Kowalewski", "Okafor",
                "Nakamura", "Oliveira", "Petersen", "Schneider", "Van der Berg", "Gonzalez",
                "Kim", "Nguyen", "Mahmoud", "Kaplan", "Bjornsson", "Costa", "Dimitrov"]
NEG_OTHER_PEOPLE = ["John Smith", "Maria Garcia Lopez", "Hiroshi Tanaka", "Fatima Al Zahra",
                    "Jean-Pierre Moreau", "Giulia Bianchi", "Lars Eriksson", "Ana Ferreira",
                    "Mehmet Yilmaz", "Olivia Brown", "Pieter de Vries", "Katarzyna Nowak",
                    "Sviatlana Tsikhanouskaya", "Mark Zuckerberg", "Angela Merkel",
                    "Emmanuel Macron", "Elena Ferrante", "Igor Stravinsky", "Sergei Rachmaninoff",
                    "Anna Pavlova", "Marc Chagall", "Svetlana Alexievich"]
NEG_ORG_STEMS = ["Polesye Confectionery", "Narochanka Dairy", "Vitebsk Furniture Workshop",
                 "Grodno Azot Fertiliser Trading", "Baltic Timber Export", "Nordic Logistics",
                 "Krynitsa Brewery", "Kommunarka Sweets", "Savushkin Produkt",
                 "Milavitsa Lingerie", "Atlant Household Appliances", "Horizont Electronics",
                 "Bellakt Infant Food", "Santa Bremor Seafood", "Slavyanka Textiles",
                 "Evroopt Retail", "Hippo Supermarkets", "Alfa Vita Dental", "Zubr Capital",
                 "EPAM Systems", "Wargaming Studio", "Viber Media", "Flo Health", "Pandadoc",
                 "Gurtam Telematics", "Yandex Taxi Minsk", "Velcom Mobile", "Life Telecom",
                 "Belsmart Kitchens", "Pinskdrev Furniture", "Bobruisk Agromash Service",
                 "Lida Paint Works", "Mozyr Salt", "Slutsk Sugar Refinery Trading",
                 "Orsha Flax Mill", "Kobrin Butter Plant", "Borisov Crystal Glassworks",
                 "Baranovichi Cotton Weavers", "Svetlogorsk Pulp Trading", "Molodechno Bakery",
                 "Acme Widgets", "Globex Shipping", "Initech Software", "Umbrella Pharma",
                 "Stark Industries", "Wayne Enterprises", "Tyrell Robotics", "Cyberdyne Systems",
                 "Hooli Cloud", "Vandelay Imports", "Oceanic Airlines", "Soylent Foods",
                 "Pied Piper Compression", "Dunder Mifflin Paper", "Massive Dynamic",
                 "Aperture Science", "Black Mesa Research", "Wonka Chocolate", "Prestige Worldwide",
                 "Gringotts Wizarding", "Bogatyr Bakery", "Zhuravinka Canned Goods",
                 "Krasny Pishchevik Confectioners", "Dzerzhinsk Ceramics Trading",
                 "Lyakhovichi Orchard", "Vileyka Dairy Farms", "Braslav Lakes Tourism",
                 "Nesvizh Castle Hotels", "Mir Castle Events", "Belovezhskaya Pushcha Eco Tours",
                 "Pripyat River Barges", "Neman Glass Trading", "Berezina Kayak Rentals",
                 "Sozh Fisheries", "Dnieper Grain Logistics", "Kupala Books Publishing",
                 "Chagall Art Gallery", "Yanka Kupala Theatre Tickets", "Marmalade Design Studio",
                 "Sunflower Oil Press", "Harvest Moon Farms", "Silver Birch Software",
                 "Amber Coast Shipping", "Granite Peak Mining", "Blue Lake Water Bottling"]
NEG_ORG_FORMS = ["LLC", "OJSC", "JSC", "CJSC", "OOO", "OAO", "ZAO", "Ltd", "GmbH", "plc", "UE",
                 "Limited Liability Company", "Open Joint Stock Company", "S.A.", "AG"]

# Legal-form equivalence groups (own table). Longest spellings first when matching.
LEGAL_FORMS = [
    ["Open Joint Stock Company", "Open Joint-Stock Company", "OJSC", "OAO", "ОАО", "ААТ",
     "Открытое акционерное общество", "Адкрытае акцыянернае таварыства",
     "Otkrytoe Aktsionernoe Obshchestvo", "Otkrytoye Aktsionernoye Obshchestvo", "PJSC", "PAO"],
    ["Closed Joint Stock Company", "Closed Joint-Stock Company", "CJSC", "ZAO", "ЗАО", "ЗАТ",
     "ZAT", "Закрытое акционерное общество", "Zakrytoe Aktsionernoe Obshchestvo"],
    ["Joint Stock Company", "Joint-Stock Company", "JSC", "AO", "АО", "АТ",
     "Aktiengesellschaft", "AG", "S.A.", "SA", "Акционерное общество",
     "Акцыянернае таварыства", "Aktsionernoe Obshchestvo"],
    ["Foreign Limited Liability Company", "FLLC", "ИООО", "IOOO", "Foreign LLC"],
    ["Limited Liability Company", "LLC", "L.L.C.", "OOO", "ООО", "ТОВ", "TOV", "ТАА", "TAA",
     "GmbH", "Sp. z o.o.", "TOO", "ТОО", "Общество с ограниченной ответственностью",
     "Obshchestvo s Ogranichennoi Otvetstvennostyu", "S.R.L.", "SARL"],
    ["Public Limited Company", "plc", "p.l.c.", "PLC"],
    ["Limited", "Ltd", "Ltd."],
    ["Republican Unitary Enterprise", "RUE", "РУП", "Республиканское унитарное предприятие",
     "Рэспубліканскае унітарнае прадпрыемства"],
    ["Private Unitary Enterprise", "PUE", "ЧУП", "Частное унитарное предприятие", "ПУП",
     "Prywatne przedsiebiorstwo unitarne"],
    ["Unitary Enterprise", "UE", "УП", "Унитарное предприятие", "Унітарнае прадпрыемства",
     "Unitarnoe Predpriyatie"],
]
_LEGAL_SORTED = sorted(((sp, gi) for gi, g in enumerate(LEGAL_FORMS) for sp in g),
                       key=lambda x: -len(x[0]))


def find_legal_form(text):
    """(start, end, group index) of a legal form written as whole words, or None."""
    for sp, gi in _LEGAL_SORTED:
        pat = r"(?<![^\W_])" + re.escape(sp).replace(r"\ ", r"[\s-]+") + r"(?![^\W_])"
        m = re.search(pat, text, flags=re.IGNORECASE)
        if m:
            return m.start(), m.end(), gi, sp
    return None


# Homoglyph maps (own): only letters that render (near-)identically.
LAT2CYR = {"A": "А", "B": "В", "C": "С", "E": "Е", "H": "Н", "I": "І", "J": "Ј", "K": "К",
           "M": "М", "O": "О", "P": "Р", "S": "Ѕ", "T": "Т", "X": "Х", "Y": "Ү", "a": "а",
           "c": "с", "e": "е", "i": "і", "j": "ј", "o": "о", "p": "р", "s": "ѕ", "x": "х",
           "y": "у", "h": "һ"}
CYR2LAT = {"А": "A", "В": "B", "С": "C", "Е": "E", "Н": "H", "І": "I", "К": "K", "М": "M",
           "О": "O", "Р": "P", "Т": "T", "Х": "X", "Ү": "Y", "Ј": "J", "Ѕ": "S", "а": "a",
           "с": "c", "е": "e", "і": "i", "о": "o", "р": "p", "х": "x", "у": "y", "ј": "j",
           "ѕ": "s", "һ": "h"}
LAT2GRK = {"A": "Α", "B": "Β", "E": "Ε", "H": "Η", "I": "Ι", "K": "Κ", "M": "Μ", "N": "Ν",
           "O": "Ο", "P": "Ρ", "T": "Τ", "X": "Χ", "Y": "Υ", "Z": "Ζ", "o": "ο", "v": "ν",
           "u": "υ", "i": "ι", "k": "κ", "p": "ρ", "a": "α"}
CYR2GRK = {"А": "Α", "В": "Β", "Е": "Ε", "Н": "Η", "К": "Κ", "М": "Μ", "О": "Ο", "Р": "Ρ",
           "Т": "Τ", "Х": "Χ", "Г": "Γ", "Л": "Λ", "П": "Π", "Ф": "Φ", "о": "ο", "р": "ρ",
           "к": "κ", "а": "α", "п": "π", "ф": "φ"}

INVISIBLES = ["\u200b", "\u200c", "\u200d", "\u00ad", "\u2060", "\ufeff"]
VOWELS_LAT = set("aeiouyAEIOUY")
VOWELS_CYR = set("аеёиоуыэюяіїєўАЕЁИОУЫЭЮЯІЇЄЎ")
ALPHA_LAT = "abcdefghijklmnopqrstuvwxyz"
ALPHA_CYR = "абвгдежзиклмнопрстуфхцчшщыэюя"

# --------------------------------------------------------------------------------------------
# Other scripts (kind 10): own Latin syllabifier and per-script renderers
# --------------------------------------------------------------------------------------------

_CONS_GRAPHS = ["shch", "tsch", "sch", "zh", "kh", "sh", "ch", "ts", "tz", "dz", "ph", "th",
                "ck"]
_CANON = {"tsch": "ch", "sch": "sh", "tz": "ts", "ph": "f", "th": "t", "ck": "k", "q": "k",
          "w": "v", "j": "y"}


def latin_units(word):
    """Folded Latin word -> list of ('C', cons) / ('V', vowel) units."""
    w = fold(word)
    units, i = [], 0
    while i < len(w):
        for g in _CONS_GRAPHS:
            if w.startswith(g, i):
                if g == "shch":
                    units += [("C", "sh"), ("C", "ch")]
                else:
                    units.append(("C", _CANON.get(g, g)))
                i += len(g)
                break
        else:
            c = w[i]
            i += 1
            if c in "aeiou":
                units.append(("V", c))
            elif c == "y":
                nxt = w[i] if i < len(w) else ""
                units.append(("C", "y") if nxt in "aeiou" and nxt else ("V", "i"))
            elif c == "x":
                units += [("C", "k"), ("C", "s")]
            elif c == "c":
                nxt = w[i] if i < len(w) else ""
                units.append(("C", "ts" if nxt in ("e", "i", "y") and nxt else "k"))
            else:
                units.append(("C", _CANON.get(c, c)))
    # double consonants are written once (Hoffmann, Natallya)
    units = [u for k, u in enumerate(units) if not (u[0] == "C" and k and units[k - 1] == u)]
    # 'i' before a vowel after a consonant is a glide (Aliaksandr -> a-l-ya-...)
    out = []
    for k, (t, v) in enumerate(units):
        if (t == "V" and v == "i" and k + 1 < len(units) and units[k + 1][0] == "V"
                and k > 0 and units[k - 1][0] == "C"):
            out.append(("C", "y"))
        else:
            out.append((t, v))
    return out


def syllables(word):
    """[(consonant or '', vowel or '')] — CV pairs, lone consonants with vowel ''."""
    u = latin_units(word)
    out, i = [], 0
    while i < len(u):
        t, v = u[i]
        if t == "C":
            if i + 1 < len(u) and u[i + 1][0] == "V":
                out.append((v, u[i + 1][1]))
                i += 2
                continue
            out.append((v, ""))
        else:
            out.append(("", v))
        i += 1
    return out


_VIDX = {"a": 0, "i": 1, "u": 2, "e": 3, "o": 4}
_KANA = {
    "": "アイウエオ", "k": "カキクケコ", "g": "ガギグゲゴ", "s": "サシスセソ", "z": "ザジズゼゾ",
    "t": ["タ", "ティ", "トゥ", "テ", "ト"], "d": ["ダ", "ディ", "ドゥ", "デ", "ド"],
    "n": "ナニヌネノ", "h": "ハヒフヘホ", "b": "バビブベボ", "p": "パピプペポ", "m": "マミムメモ",
    "y": ["ヤ", "イ", "ユ", "イェ", "ヨ"], "r": "ラリルレロ", "l": "ラリルレロ",
    "v": ["ヴァ", "ヴィ", "ヴ", "ヴェ", "ヴォ"], "f": ["ファ", "フィ", "フ", "フェ", "フォ"],
    "sh": ["シャ", "シ", "シュ", "シェ", "ショ"], "ch": ["チャ", "チ", "チュ", "チェ", "チョ"],
    "zh": ["ジャ", "ジ", "ジュ", "ジェ", "ジョ"], "ts": ["ツァ", "ツィ", "ツ", "ツェ", "ツォ"],
    "kh": "ハヒフヘホ", "dz": "ザジズゼゾ",
}
_KANA_LONE = {"n": "ン", "m": "ム", "t": "ト", "d": "ド", "sh": "シュ", "ch": "チ", "zh": "ジュ",
              "ts": "ツ", "y": "イ", "kh": "フ", "h": "フ", "dz": "ズ"}


def to_katakana(word):
    out = []
    for c, v in syllables(word):
        row = _KANA.get(c, _KANA[""])
        if v:
            out.append(row[_VIDX[v]])
        else:
            out.append(_KANA_LONE.get(c, row[2]))
    return "".join(out)


_HCHO = {"g": 0, "k": 15, "n": 2, "d": 3, "t": 16, "l": 5, "r": 5, "m": 6, "b": 7, "v": 7,
         "p": 17, "f": 17, "s": 9, "sh": 9, "ch": 14, "zh": 12, "z": 12, "dz": 12, "ts": 14,
         "h": 18, "kh": 18, "y": 11, "": 11}
_HV = {"a": 0, "e": 5, "i": 20, "o": 8, "u": 13}
_HVY = {"a": 2, "e": 7, "i": 20, "o": 12, "u": 17}
_HFIN = {"n": 4, "m": 16, "l": 8, "r": 8, "k": 1, "g": 1, "p": 17, "b": 17}


def _hangul(cho, jung, jong=0):
    return chr(0xAC00 + (cho * 21 + jung) * 28 + jong)


def to_hangul(word):
    sy = syllables(word)
    out = []  # list of [cho, jung, jong]
    for k, (c, v) in enumerate(sy):
        if v:
            vy = _HVY if c in ("y", "sh") else _HV
            out.append([_HCHO.get(c, 11), vy[v], 0])
        else:
            if out and out[-1][2] == 0 and c in _HFIN and (k + 1 == len(sy) or sy[k + 1][0]):
                out[-1][2] = _HFIN[c]
            elif c in ("sh", "ch", "zh"):
                out.append([_HCHO[c], 20, 0])
            else:
                out.append([_HCHO.get(c, 11), 18, 0])
    return "".join(_hangul(*s) for s in out)


_ZH = {
    "": "阿伊乌埃奥", "b": "巴比布贝博", "p": "帕皮普佩波", "m": "马米穆梅莫", "f": "法菲夫费福",
    "v": "瓦维武韦沃", "d": "达迪杜德多", "t": "塔蒂图特托", "n": "纳尼努涅诺", "l": "拉利卢列洛",
    "r": "拉里鲁列罗", "g": "加吉古格戈", "k": "卡基库克科", "h": "哈希胡赫霍", "kh": "哈希胡赫霍",
    "z": "扎济祖泽佐", "dz": "扎济祖泽佐", "s": "萨西苏谢索", "sh": "沙希舒舍绍",
    "zh": "扎日茹热若", "ch": "恰奇丘切乔", "ts": "察齐楚采措", "y": "亚伊尤耶约",
}
_ZH_LONE = {"n": "恩", "m": "姆", "l": "尔", "r": "尔", "k": "克", "g": "格", "d": "德", "t": "特",
            "s": "斯", "sh": "什", "ch": "奇", "zh": "日", "ts": "茨", "b": "布", "p": "普",
            "v": "夫", "f": "夫", "h": "赫", "kh": "赫", "z": "兹", "dz": "兹", "y": "伊"}


def to_chinese(word):
    out = []
    for c, v in syllables(word):
        if v:
            out.append(_ZH.get(c, _ZH[""])[_VIDX[v]])
        else:
            out.append(_ZH_LONE.get(c, "克"))
    return "".join(out)


_TH_C = {"k": "ก", "g": "ก", "kh": "ค", "h": "ฮ", "ch": "ช", "sh": "ช", "zh": "ช", "ts": "ซ",
         "s": "ซ", "z": "ซ", "dz": "ด", "d": "ด", "t": "ต", "n": "น", "b": "บ", "p": "ป",
         "f": "ฟ", "v": "ว", "m": "ม", "y": "ย", "r": "ร", "l": "ล", "": "อ"}


def to_thai(word):
    out = []
    for c, v in syllables(word):
        cc = _TH_C.get(c, "อ")
        if v == "a":
            out.append(cc + "า")
        elif v == "i":
            out.append(cc + "ิ")
        elif v == "u":
            out.append(cc + "ู")
        elif v == "e":
            out.append("เ" + cc)
        elif v == "o":
            out.append("โ" + cc)
        else:
            out.append(cc)
    return "".join(out)


_GR_C = {"b": "μπ", "v": "β", "g": "γκ", "d": "ντ", "z": "ζ", "k": "κ", "l": "λ", "m": "μ",
         "n": "ν", "p": "π", "r": "ρ", "s": "σ", "t": "τ", "f": "φ", "kh": "χ", "h": "χ",
         "sh": "σ", "ch": "τσ", "zh": "ζ", "ts": "τσ", "dz": "τζ", "y": "ι"}
_GR_V = {"a": "α", "e": "ε", "i": "ι", "o": "ο", "u": "ου"}


def to_greek(word):
    s = "".join(_GR_C.get(c, "") + _GR_V.get(v, "") for c, v in syllables(word))
    s = s.replace("\u03bd\u03bd\u03c4", "\u03bd\u03c4").replace("\u03bc\u03bc\u03c0", "\u03bc\u03c0")
    if s.endswith("σ"):
        s = s[:-1] + "ς"
    return s[:1].upper() + s[1:]


_AR_C = {"b": "ب", "p": "ب", "v": "ف", "f": "ف", "g": "غ", "d": "د", "t": "ت", "z": "ز",
         "zh": "ج", "k": "ك", "kh": "خ", "h": "ه", "l": "ل", "m": "م", "n": "ن", "r": "ر",
         "s": "س", "sh": "ش", "ch": "تش", "ts": "تس", "dz": "دز", "y": "ي"}
_AR_V = {"a": "ا", "e": "ي", "i": "ي", "o": "و", "u": "و"}


def to_arabic(word):
    out = []
    for k, (c, v) in enumerate(syllables(word)):
        if not c and k == 0:
            out.append({"a": "ا", "e": "ا", "i": "اي", "o": "او", "u": "او"}[v])
            continue
        out.append(_AR_C.get(c, "") + _AR_V.get(v, ""))
    return "".join(out)


_HE_C = {"b": "ב", "v": "ב", "g": "ג", "d": "ד", "z": "ז", "zh": "ז'", "h": "ה", "kh": "ח",
         "t": "ט", "y": "י", "k": "ק", "l": "ל", "m": "מ", "n": "נ", "s": "ס", "p": "פ",
         "f": "פ", "ts": "צ", "r": "ר", "sh": "ש", "ch": "צ'", "dz": "דז"}
_HE_FINAL = {"מ": "ם", "נ": "ן", "פ": "ף", "צ": "ץ", "כ": "ך"}


def to_hebrew(word):
    sy = syllables(word)
    out = []
    for k, (c, v) in enumerate(sy):
        s = "א" if (not c and k == 0) else _HE_C.get(c, "")
        if v in ("o", "u"):
            s += "ו"
        elif v == "i":
            s += "י"
        elif v == "a" and k == len(sy) - 1:
            s += "ה"
        out.append(s)
    s = "".join(out)
    if s and s[-1] in _HE_FINAL:
        s = s[:-1] + _HE_FINAL[s[-1]]
    return s


_HY_C = {"b": "բ", "g": "գ", "d": "դ", "z": "զ", "l": "լ", "kh": "խ", "ts": "ց", "k": "կ",
         "h": "հ", "zh": "ժ", "m": "մ", "y": "յ", "n": "ն", "sh": "շ", "ch": "չ", "p": "պ",
         "r": "ր", "s": "ս", "v": "վ", "t": "տ", "f": "ֆ", "dz": "ձ"}
_HY_V = {"a": "ա", "e": "ե", "i": "ի", "o": "ո", "u": "ու"}


def to_armenian(word):
    out = []
    for k, (c, v) in enumerate(syllables(word)):
        vv = _HY_V.get(v, "")
        if not c and k == 0:
            vv = {"o": "օ", "e": "է"}.get(v, vv)
        out.append(_HY_C.get(c, "") + vv)
    s = "".join(out)
    return s[:1].upper() + s[1:]


_KA_C = {"b": "ბ", "g": "გ", "d": "დ", "v": "ვ", "z": "ზ", "t": "ტ", "k": "კ", "l": "ლ",
         "m": "მ", "n": "ნ", "p": "პ", "zh": "ჟ", "r": "რ", "s": "ს", "f": "ფ", "kh": "ხ",
         "sh": "შ", "ch": "ჩ", "ts": "ც", "dz": "ძ", "h": "ჰ", "y": "ი"}
_KA_V = {"a": "ა", "e": "ე", "i": "ი", "o": "ო", "u": "უ"}


def to_georgian(word):
    return "".join(_KA_C.get(c, "") + _KA_V.get(v, "") for c, v in syllables(word))


OTHER_SCRIPTS = {
    "greek": (to_greek, " "), "arabic": (to_arabic, " "), "hebrew": (to_hebrew, " "),
    "armenian": (to_armenian, " "), "georgian": (to_georgian, " "),
    "katakana": (to_katakana, "・"), "hangul": (to_hangul, " "), "chinese": (to_chinese, "·"),
    "thai": (to_thai, " "),
}

# --------------------------------------------------------------------------------------------
# Perturbations
# --------------------------------------------------------------------------------------------

Query = namedtuple("Query", "kind sub name ptype expect src")  # expect: entity id or None


def _words(text):
    return text.split(" ")


def _replace_token(name, idx, new):
    toks = list(name.tokens)
    toks[idx] = new
    return toks


def _ordered(name, order):
    return " ".join(name.tokens[i] for i in order)


def _roles(name, role):
    return [i for i, r in enumerate(name.roles) if r == role]


def _letters(tok):
    return "".join(LETTER_WORD.findall(tok))


def k1_extra_words(ent, name, r):
    if ent.kind != "person" or not name.tokens:
        return []
    cyr = name.script == "cyr"
    out = []
    title = r.choice(TITLES_CYR if cyr else TITLES_LAT)
    out.append(("title", f"{title} {name.text}"))
    given = _roles(name, "G")
    if given:
        mid = r.choice(EXTRA_MIDDLE_CYR if cyr else EXTRA_MIDDLE_LAT)
        toks = list(name.tokens)
        toks.insert(given[0] + 1, mid)
        out.append(("middle", " ".join(toks)))
    sur = _roles(name, "S")
    if sur:
        extra = r.choice(EXTRA_SURNAME_CYR if cyr else EXTRA_SURNAME_LAT)
        toks = list(name.tokens)
        toks.insert(sur[-1] + 1, extra)
        out.append(("second-surname", " ".join(toks)))
    return out


def k2_parts_dropped(ent, name, r):
    if ent.kind != "person":
        return []
    S, G, P = _roles(name, "S"), _roles(name, "G"), _roles(name, "P")
    out = []
    if S and P and G:
        out.append(("surname+patronymic", _ordered(name, sorted(S + P))))
    if S and len(G) >= 2:
        keep = r.choice(G)
        out.append(("surname+one-given", _ordered(name, sorted(S + [keep] + P))))
    return out


def k3_truncation(ent, name, r):
    out = []
    toks = list(name.tokens)
    if len(toks) >= 2:
        last = toks[-1]
        if len(_letters(last)) >= 4 and _letters(last) == last:
            cut = r.randint(3, len(last) - 1)
            out.append(("last-word-prefix", " ".join(toks[:-1] + [last[:cut]])))
    if ent.kind == "person":
        P, S, G = _roles(name, "P"), _roles(name, "S"), _roles(name, "G")
        if P and S and G and len(name.tokens[P[0]]) >= 6:
            p = name.tokens[P[0]]
            cut = r.randint(3, len(p) - 3)
            order = [name.tokens[i] for i in S] + [name.tokens[i] for i in G] + [p[:cut]]
            out.append(("cut-mid-patronymic", " ".join(order)))
    return out


def k4_initials(ent, name, r):
    if ent.kind != "person":
        return []
    S = _roles(name, "S")
    GP = [i for i, ro in enumerate(name.roles) if ro in ("G", "P")]
    if not S or not GP:
        return []
    sur = " ".join(name.tokens[i] for i in S)
    ini = [_letters(name.tokens[i])[:1].upper() for i in GP]
    if not all(ini):
        return []
    return [("A.G. Surname", "".join(i + "." for i in ini) + " " + sur),
            ("Surname A.G.", sur + " " + "".join(i + "." for i in ini)),
            ("A G Surname", " ".join(ini) + " " + sur),
            ("AG Surname", "".join(ini) + " " + sur)]


def k5_homoglyphs(ent, name, r):
    out = []
    if name.script == "lat":
        out.append(("lat->cyr", "".join(LAT2CYR.get(c, c) for c in name.text)))
        out.append(("lat->greek", "".join(LAT2GRK.get(c, c) for c in name.text)))
    elif name.script == "cyr":
        out.append(("cyr->lat", "".join(CYR2LAT.get(c, c) for c in name.text)))
        out.append(("cyr->greek", "".join(CYR2GRK.get(c, c) for c in name.text)))
    return out


def k6_invisible(ent, name, r):
    words = [w for w in name.text.split(" ")]
    ins = []
    for w in words:
        if len(w) >= 3 and LETTER_WORD.fullmatch(w):
            p = r.randint(1, len(w) - 1)
            w = w[:p] + r.choice(INVISIBLES) + w[p:]
        ins.append(w)
    out = [("zero-width inside words", " ".join(ins))]
    longest = max(range(len(words)), key=lambda i: (len(words[i]), -i)) if words else None
    if longest is not None and len(words[longest]) >= 4 and LETTER_WORD.fullmatch(words[longest]):
        w = words[longest]
        p = r.randint(2, len(w) - 2)
        sp = list(words)
        sp[longest] = w[:p] + " " + w[p:]
        out.append(("invisible became space", " ".join(sp)))
    return out


def _drop_vowels_word(w):
    if not LETTER_WORD.search(w):
        return w
    out, first = [], True
    for c in w:
        if c.isalpha() and first:
            out.append(c)
            first = False
        elif c in VOWELS_LAT or c in VOWELS_CYR:
            continue
        else:
            out.append(c)
    return "".join(out)


def k7_vowels(ent, name, r):
    if name.script not in ("lat", "cyr"):
        return []
    q = " ".join(_drop_vowels_word(w) for w in name.text.split(" "))
    return [("every word", q)] if q != name.text else []


def k8_typo(ent, name, r):
    if ent.kind != "person":
        return []
    G, S = _roles(name, "G"), _roles(name, "S")
    cands = [i for i in G if 4 <= len(name.tokens[i]) <= 5 and LETTER_WORD.fullmatch(name.tokens[i])]
    if not cands or not S:
        return []
    i = r.choice(cands)
    t = name.tokens[i]
    p = r.randint(1, len(t) - 1)
    alpha = ALPHA_CYR if script_of(t) == "cyr" else ALPHA_LAT
    old = t[p]
    new = r.choice([c for c in alpha if c != old.lower()])
    if old.isupper():
        new = new.upper()
    return [("given 4-5 letters", " ".join(_replace_token(name, i, t[:p] + new + t[p + 1:])))]


_OCR_FIRST = {"I": "l", "B": "8", "S": "5", "O": "0", "i": "l", "b": "8", "s": "5", "o": "0",
              "О": "0", "З": "3", "В": "8", "б": "6"}


def k9_ocr(ent, name, r):
    out = []
    toks = list(name.tokens)
    cands = [i for i, t in enumerate(toks) if t[:1] in _OCR_FIRST and len(t) >= 3]
    if cands:
        i = r.choice(cands)
        t = toks[i]
        out.append(("first letter I/B/S/O", " ".join(_replace_token(name, i, _OCR_FIRST[t[0]] + t[1:]))))
    if ent.kind == "person":
        S = [i for i in _roles(name, "S") if len(toks[i]) >= 4 and LETTER_WORD.fullmatch(toks[i])]
        if S:
            i = S[0]
            t = toks[i]
            p = r.randint(2, len(t) - 1)
            rest = [toks[j] for j in range(len(toks)) if j != i]
            out.append(("comma inside surname", t[:p] + "," + t[p:] + " " + " ".join(rest)))
    long_words = [i for i, t in enumerate(toks) if len(t) >= 4 and LETTER_WORD.fullmatch(t)]
    if long_words:
        i = r.choice(long_words)
        t = toks[i]
        p = r.randint(1, len(t) - 2)
        if t[p] != t[p + 1]:
            sw = t[:p] + t[p + 1] + t[p] + t[p + 2:]
            out.append(("adjacent transposed", " ".join(_replace_token(name, i, sw))))
    if name.script == "lat":
        leet = "".join(_LEET.get(c.lower(), c) for c in name.text)
        if leet != name.text:
            out.append(("leet, every letter", leet))
    return out


# Leetspeak as evaders write it: every letter that has a digit is written as that digit, `1` for
# both `i` and `l`.
_LEET = {"a": "4", "b": "8", "e": "3", "g": "9", "i": "1", "l": "1", "o": "0", "s": "5", "t": "7",
         "z": "2"}


def k10_scripts(ent, name, r):
    if ent.kind != "person" or name.script != "lat":
        return []
    words = [_letters(t) for t in name.tokens]
    words = [w for w in words if fold(w)]
    if not words:
        return []
    out = []
    for sname, (fn, sep) in OTHER_SCRIPTS.items():
        out.append((sname, sep.join(fn(w) for w in words)))
    return out


def k11_joined(ent, name, r):
    toks = list(name.tokens)
    out = []
    if len(toks) < 2:
        return out
    if ent.kind == "person":
        out.append(("CamelJoined", "".join(t[:1].upper() + t[1:] for t in toks)))
        out.append(("hyphen-joined", "-".join(toks)))
        out.append(("lowerjoined", "".join(toks).lower()))
    else:
        i = r.randrange(len(toks) - 1)
        out.append(("adjacent pair joined", " ".join(toks[:i] + [toks[i] + toks[i + 1]] + toks[i + 2:])))
    longw = [i for i, t in enumerate(toks) if len(t) >= 6 and LETTER_WORD.fullmatch(t)]
    if longw:
        i = r.choice(longw)
        t = toks[i]
        p = r.randint(2, len(t) - 3)
        out.append(("word split", " ".join(toks[:i] + [t[:p], t[p:]] + toks[i + 1:])))
    return out


def k12_identity(ent, name, r):
    return [("as published", name.text)]


def k13_legal(ent, name, r):
    if ent.kind != "org":
        return []
    found = find_legal_form(name.text)
    if not found:
        return []
    s, e, gi, sp = found
    alts = [x for x in LEGAL_FORMS[gi] if x.lower() != sp.lower()]
    if not alts:
        return []
    rep = r.choice(alts)
    rest = clean_spaces((name.text[:s] + " " + name.text[e:]).strip(" ,"))
    if not fold(rest):
        return []
    out = [("replaced in place", clean_spaces(name.text[:s] + rep + name.text[e:]))]
    rep2 = r.choice(alts)
    moved = f"{rest} {rep2}" if s < len(name.text) / 2 else f"{rep2} {rest}"
    out.append(("replaced and moved", clean_spaces(moved)))
    return out


def k15_nicknames(ent, name, r):
    if ent.kind != "person":
        return []
    G = _roles(name, "G")
    for i in G:
        key = fold(name.tokens[i])
        if key in NICKNAMES:
            lat, cyr = NICKNAMES[key]
            nick = cyr if name.script == "cyr" else lat
            if name.tokens[i].isupper():
                nick = nick.upper()
            return [("given->nickname", " ".join(_replace_token(name, i, nick)))]
    return []


def k16_wrapped(ent, name, r):
    t = name.text
    out = []
    if len(t) > 35:
        out.append(("\\n at 35", t[:35] + "\n" + t[35:]))
        out.append(("\\r\\n at 35", t[:35] + "\r\n" + t[35:]))
    elif " " in t:
        i = t.rfind(" ")
        out.append(("\\n for last space", t[:i] + "\n" + t[i + 1:]))
    if " " in t:
        spaces = [i for i, c in enumerate(t) if c == " "]
        i = r.choice(spaces)
        out.append(("tab for a space", t[:i] + "\t" + t[i + 1:]))
    return out


_BALTIC_VOWELS = set("aeiouy")


def _baltic(word, lang):
    """A man's name as Lithuanian (`lt`) or Latvian (`lv`) writes it: its own nominative endings
    (Aleksandras / Aleksandrs, Sergejus / Sergejs, Kalinovskis). Own rules, from the languages'
    grammars: a word ending in a vowel is left as it is."""
    low = word.lower()
    up = word.isupper()
    if not low or not low[-1].isalpha() or not low.isascii():
        return word
    if low.endswith(("sky", "skiy", "skii", "ski")):
        stem = word[:len(word) - len(low.rsplit("sk", 1)[1])]
        end = "is"
    elif low.endswith(("iy", "ii", "ij", "yi")):
        stem, end = word[:-2], ("ijus" if lang == "lt" else "ijs")
    elif low[-1] in "yij" and len(low) > 1 and low[-2] in _BALTIC_VOWELS:
        stem, end = word[:-1], ("jus" if lang == "lt" else "js")
    elif low[-1] in _BALTIC_VOWELS:
        return word
    else:
        stem, end = word, ("as" if lang == "lt" else "s")
    return stem + (end.upper() if up else end)


def k17_baltic(ent, name, r):
    """Kind 17: a listed man's given name and surname with Lithuanian or Latvian endings, as a
    Baltic bank's payment writes them (`Aleksandras LUKASHENKA`, `Viktors Sheimans`)."""
    if ent.kind != "person" or name.script != "lat":
        return []
    G, S = _roles(name, "G"), _roles(name, "S")
    if not G or not S:
        return []
    given = _letters(name.tokens[G[0]])
    surname = [_letters(name.tokens[i]) for i in S]
    if not given or not all(surname) or fold(given).endswith("a"):
        return []  # a woman's name keeps its ending
    out = []
    for lang in ("lt", "lv"):
        words = [_baltic(given, lang)] + [_baltic(w, lang) for w in surname]
        if r.random() < 0.5:
            words = words[1:] + words[:1]
        out.append((lang, " ".join(words)))
    return out


GENERATORS = {1: k1_extra_words, 2: k2_parts_dropped, 3: k3_truncation, 4: k4_initials,
              5: k5_homoglyphs, 6: k6_invisible, 7: k7_vowels, 8: k8_typo, 9: k9_ocr,
              10: k10_scripts, 11: k11_joined, 12: k12_identity, 13: k13_legal,
              15: k15_nicknames, 16: k16_wrapped, 17: k17_baltic}


# --------------------------------------------------------------------------------------------
# Negatives
# --------------------------------------------------------------------------------------------

class ListIndex:
    """Folded vocabulary of the lists, to keep negatives unlisted."""

    def __init__(self, entities):
        self.tokens = set()
        self.skeletons = set()
        self.person_surnames = defaultdict(set)  # folded surname -> set of entity ids
        self.given_by_surname = defaultdict(set)  # folded surname -> folded given-name classes
        self.person_req = []  # folded given names + surnames of each listed person name
        self.req_by_token = defaultdict(set)
        for e in entities:
            for n in e.names:
                for t in n.tokens:
                    for w in fold_words(t):
                        if len(w) >= 3:
                            self.tokens.add(w)
                            self.skeletons.add(skeleton(w))
                if e.kind == "person":
                    sur = [fold(n.tokens[i]) for i in _roles(n, "S")]
                    giv = [fold(n.tokens[i]) for i in _roles(n, "G")]
                    for s in sur:
                        self.person_surnames[s].add(e.id)
                        for g in giv:
                            self.given_by_surname[s] |= given_classes(g)
                    req = [fold(n.tokens[i]) for i, ro in enumerate(n.roles) if ro in "GS"]
                    req = [t for t in req if t]
                    if req and sur:
                        k = len(self.person_req)
                        self.person_req.append(req)
                        for t in sur:  # retrieved by surname, then checked whole
                            if t:
                                self.req_by_token[t].add(k)
        self._tok_list = sorted(self.tokens)
        self._req_vocab = sorted(self.req_by_token)
        self._req_by_key = defaultdict(set)
        for t in self._req_vocab:
            for key in _near_keys(t):
                self._req_by_key[key].add(t)
        self._sur_by_key = defaultdict(set)
        for t in self.given_by_surname:
            for key in _near_keys(t):
                self._sur_by_key[key].add(t)

    def contains_listed_person(self, text):
        """True when every given name and surname of some listed person name is in `text`
        (fuzzily, nickname-equivalent): such a query is a legitimate hit, not a negative."""
        q = [w for w in fold_words(text) if w]
        cands = set()
        for w in q:
            near = {w}
            for key in _near_keys(w):
                near |= self._req_by_key.get(key, set())
            for t in near:
                cands |= self.req_by_token.get(t, set())
        for k in cands:
            if all(any(token_eq(t, w) for w in q) for t in self.person_req[k]):
                return True
        return False

    def word_listed(self, w, threshold=0.72):
        w = fold(w)
        if len(w) < 3:
            return False
        if w in self.tokens or skeleton(w) in self.skeletons:
            return True
        for t in difflib.get_close_matches(w, self._tok_list, n=1, cutoff=threshold):
            return True
        return False

    def givens_near_surname(self, surname):
        s = fold(surname)
        out = set()
        cands = set()
        for key in _near_keys(s):
            cands |= self._sur_by_key.get(key, set())
        for ls in cands:
            if similar(ls, s) >= 0.75 or skeleton(ls) == skeleton(s):
                out |= self.given_by_surname[ls]
        return out


def _near_keys(t):
    """Retrieval keys for fuzzy token lookup: skeleton, first three letters, last four."""
    return {"k:" + skeleton(t), "p:" + t[:3], "s:" + t[-4:]}


def given_classes(folded):
    out = {"first3:" + skeleton(folded)[:3]}
    if folded in NICKNAMES:
        out.add("nick:" + NICKNAMES[folded][0])
    return out


@functools.lru_cache(maxsize=None)
def token_eq(a, b):
    if a == b or skeleton(a) == skeleton(b) or similar(a, b) >= 0.8:
        return True
    na, nb = NICKNAMES.get(a), NICKNAMES.get(b)
    return bool(na and nb and na == nb) or (na is not None and fold(na[0]) == b) or (
        nb is not None and fold(nb[0]) == a)


def _patronymic_for(given, female):
    g = given
    if g.endswith(("i", "y")) and len(g) > 4:
        stem = g[:-1] if g.endswith(("ii", "iy", "ey", "ei")) else g[:-1] + "i"
        base = stem + "e"
    elif g.endswith("a"):
        base = g[:-1] + "i"
    else:
        base = g + "o"
    return base + ("vna" if female else "vich")


def build_negative_people(index):
    r = random.Random(SEED)
    ok_surnames = [s for s in NEG_SURNAMES
                   if not index.word_listed(s, 0.7) and not index.word_listed(to_cyrillic(s), 0.7)]
    people = []
    for k, s in enumerate(ok_surnames):
        for female in (False, True, False):
            given = r.choice(NEG_GIVEN_F if female else NEG_GIVEN_M)
            sur = s
            if female and s.endswith(("ov", "ev", "in", "yov")):
                sur = s + "a"
            elif female and s.endswith("sky"):
                sur = s[:-1] + "aya"
            if index.word_listed(sur, 0.7) or index.word_listed(to_cyrillic(sur), 0.7):
                continue
            father = r.choice(NEG_FATHERS)
            if female:
                patr = (father[:-4] + "vna") if father.endswith("vich") else father[:-2] + "nichna"
            else:
                patr = father
            style = (k * 2 + female) % 3
            if style == 0:
                toks, roles = [given, patr, sur], ["G", "P", "S"]
            elif style == 1:
                toks, roles = [sur.upper() + ",", given, patr], ["S", "G", "P"]
                text = f"{sur.upper()}, {given} {patr}"
                people.append(Name(text, (sur.upper(), given, patr), ("S", "G", "P"), "lat", "neg"))
                continue
            else:
                g2 = r.choice(NEG_GIVEN_F if female else NEG_GIVEN_M)
                toks, roles = [given, g2, sur], ["G", "G", "S"]
            people.append(Name(" ".join(toks), tuple(toks), tuple(roles), "lat", "neg"))
    # Cyrillic renderings of a few (own reverse table)
    for n in list(people[::3]):
        cy = to_cyrillic(n.text)
        toks = tuple(to_cyrillic(t) for t in n.tokens)
        people.append(Name(cy, toks, n.roles, "cyr", "neg"))
    for text in NEG_OTHER_PEOPLE:
        toks = text.split()
        if any(index.word_listed(t) for t in toks[-1:]):
            continue
        roles = ["G"] * (len(toks) - 1) + ["S"]
        people.append(Name(text, tuple(toks), tuple(roles), "lat", "neg"))
    return people


_LAT2CYR_TRANSLIT = [("shch", "щ"), ("zh", "ж"), ("kh", "х"), ("ts", "ц"), ("ch", "ч"),
                     ("sh", "ш"), ("yu", "ю"), ("ya", "я"), ("yo", "ё"), ("ye", "е")]
_LAT2CYR_1 = dict(zip("abvgdezijklmnoprstufhcyxwq", "абвгдезийклмнопрстуфхцыхвк"))


def to_cyrillic(text):
    out, i, low = [], 0, text
    while i < len(low):
        for lat, cy in _LAT2CYR_TRANSLIT:
            if low[i:i + len(lat)].lower() == lat:
                out.append(cy.upper() if low[i].isupper() else cy)
                i += len(lat)
                break
        else:
            c = low[i]
            cy = _LAT2CYR_1.get(c.lower())
            out.append((cy.upper() if c.isupper() else cy) if cy else c)
            i += 1
    return "".join(out)


def build_negative_orgs(index):
    r = random.Random(SEED + 1)
    orgs = []
    for stem in NEG_ORG_STEMS:
        words = stem.split()
        distinctive = words[0]
        if index.word_listed(distinctive, threshold=0.8):
            continue
        form = r.choice(NEG_ORG_FORMS)
        text = f"{form} {stem}" if r.random() < 0.5 else f"{stem} {form}"
        orgs.append(_org_name(text, "neg"))
    return orgs


def build_role_swaps(entities, index):
    """Kind 14 negatives: given names and surnames of two different listed people combined, and
    son/father swaps (`Aleksandr Grigoryevich X` -> `Grigory Aleksandrovich X`)."""
    persons = [(e, n) for e in entities if e.kind == "person" for n in e.names
               if n.script == "lat" and _roles(n, "S") and _roles(n, "G")]
    r = random.Random(SEED + 2)
    out = []
    by_first = defaultdict(list)
    for e, n in persons:
        by_first[e.id].append(n)
    ids = sorted(by_first)
    for eid in ids:
        n = by_first[eid][0]
        sur = " ".join(n.tokens[i] for i in _roles(n, "S"))
        near = index.givens_near_surname(sur)
        # given name of another listed person
        for _ in range(20):
            other = by_first[r.choice(ids)][0]
            if other is n:
                continue
            g = other.tokens[_roles(other, "G")[0]]
            if given_classes(fold(g)) & near:
                continue
            text = f"{g} {sur}" if r.random() < 0.5 else f"{sur} {g}"
            out.append(Query(14, "listed surname + other listed given", text, "PERSON", None,
                             eid))
            break
        # son/father swap
        G, P = _roles(n, "G"), _roles(n, "P")
        if G and P:
            g = n.tokens[G[0]]
            p = n.tokens[P[0]]
            m = re.match(r"(.+?)(ovich|evich|yevich|ievich|ich|ovna|evna|ievna|yevna|ichna|"
                         r"avich|avna|auna|euna)$", p, flags=re.IGNORECASE)
            if not m:
                continue
            female = p.lower().endswith(("na", "auna", "euna"))
            father = m.group(1)
            if father.lower().endswith(("r", "n", "m", "l", "d", "t", "s", "k", "v", "b", "p")):
                father_given = father
            else:
                father_given = father + ("i" if not father.lower().endswith("i") else "")
            fg_class = given_classes(fold(father_given))
            if fg_class & near or fg_class & given_classes(fold(g)):
                continue
            new_patr = _patronymic_for(g.lower(), female)
            new_patr = new_patr[:1].upper() + new_patr[1:]
            if g.isupper():
                new_patr = new_patr.upper()
            father_given = father_given[:1].upper() + father_given[1:].lower()
            text = f"{father_given} {new_patr} {sur}"
            out.append(Query(14, "son/father swap", text, "PERSON", None, eid))
        for tok in n.tokens:
            if tok.lower() in ("bin", "ibn", "ben"):
                i = [t.lower() for t in n.tokens].index(tok.lower())
                a, b = n.tokens[:i], n.tokens[i + 1:]
                out.append(Query(14, "A bin B -> B bin A", " ".join(b + (tok,) + a), "PERSON",
                                 None, eid))
    return out


# --------------------------------------------------------------------------------------------
# Building the whole set
# --------------------------------------------------------------------------------------------

def build_queries(entities=None):
    entities = entities if entities is not None else load_lists()
    index = ListIndex(entities)
    queries = []
    for kind, gen in GENERATORS.items():
        for e in entities:
            ptype = "PERSON" if e.kind == "person" else "ORGANIZATION"
            for n in e.names:
                for sub, text in gen(e, n, rng_for(kind, e.id, n.text)):
                    if text and text != n.text or kind == 12:
                        queries.append(Query(kind, sub, text, ptype, e.id, n.text))
    neg_people = [n for n in build_negative_people(index)
                  if not index.contains_listed_person(n.text)]
    neg_orgs = build_negative_orgs(index)
    neg_ent_p = Entity("neg:person", "person", neg_people)
    neg_ent_o = Entity("neg:org", "org", neg_orgs)
    for kind, gen in GENERATORS.items():
        for e in (neg_ent_p, neg_ent_o):
            ptype = "PERSON" if e.kind == "person" else "ORGANIZATION"
            for n in e.names:
                for sub, text in gen(e, n, rng_for("neg", kind, n.text)):
                    queries.append(Query(kind, sub, text, ptype, None, n.text))
    queries += [q for q in build_role_swaps(entities, index)
                if not index.contains_listed_person(q.name)]
    return queries, index, (neg_people, neg_orgs)


# --------------------------------------------------------------------------------------------
# Running against a server
# --------------------------------------------------------------------------------------------

def make_caller(addr):
    """Thread-safe callable(name, ptype) -> (decision, [(entity_id, decision, score)], error)."""
    import grpc
    from google.protobuf import descriptor_pool, message_factory
    from grpc_reflection.v1alpha.proto_reflection_descriptor_database import (
        ProtoReflectionDescriptorDatabase,
    )
    channel = grpc.insecure_channel(addr)
    grpc.channel_ready_future(channel).result(timeout=30)
    db = ProtoReflectionDescriptorDatabase(channel)
    pool = descriptor_pool.DescriptorPool(db)
    md = pool.FindServiceByName("screening.v1.ScreeningService").FindMethodByName("ScreenParty")
    req_cls = message_factory.GetMessageClass(md.input_type)
    resp_cls = message_factory.GetMessageClass(md.output_type)
    stub = channel.unary_unary("/screening.v1.ScreeningService/ScreenParty",
                               request_serializer=req_cls.SerializeToString,
                               response_deserializer=resp_cls.FromString)
    party_type = md.input_type.fields_by_name["party"].message_type.fields_by_name["type"]
    decision_enum = md.output_type.fields_by_name["decision"].enum_type
    type_values = {v.name: v.number for v in party_type.enum_type.values}
    decision_names = {v.number: v.name for v in decision_enum.values}

    def call(name, ptype, request_id="adv"):
        req = req_cls()
        req.request_id = request_id
        req.party.name = name
        req.party.type = type_values.get(ptype, type_values.get("PARTY_TYPE_" + ptype, 0))
        for attempt in range(3):
            try:
                resp = stub(req, timeout=30)
                break
            except grpc.RpcError as e:
                if e.code() in (grpc.StatusCode.UNAVAILABLE,) and attempt < 2:
                    time.sleep(0.5)
                    continue
                return "ERROR:" + e.code().name, [], e.details()
        matches = [(m.entity_id, decision_names.get(m.decision, str(m.decision)), m.score)
                   for m in resp.matches]
        return decision_names.get(resp.decision, str(resp.decision)), matches, None

    call.channel = channel
    return call


def run(addr, queries, threads=8, progress=False):
    call = make_caller(addr)
    distinct = sorted({(q.name, q.ptype) for q in queries})
    results = {}
    lock = threading.Lock()

    def one(key):
        res = call(key[0], key[1])
        with lock:
            results[key] = res

    with ThreadPoolExecutor(max_workers=threads) as ex:
        list(ex.map(one, distinct, chunksize=64))
    call.channel.close()
    return results


def _decision_ok(decision):
    return decision not in ("CLEAR", "DECISION_UNSPECIFIED") and not decision.startswith("ERROR")


class Stats(dict):
    """Per-kind results; short repr so that pytest tracebacks stay readable."""

    def __repr__(self):
        return "<adversarial stats: " + ", ".join(
            f"{k}: {v['found']}/{v['pos']} fp {v['fp']}/{v['neg']}" for k, v in self.items()) + ">"


def evaluate(queries, results):
    """Per kind: positives total/found/block, negatives total/fp, misses, per-sub breakdown."""
    stats = Stats({k: dict(pos=0, found=0, block=0, refused=0, neg=0, fp=0, matched_src=0,
                     misses=[], fps=[], blocks=[], sub=defaultdict(lambda: [0, 0])) for k in KINDS})
    for q in queries:
        decision, matches, err = results[(q.name, q.ptype)]
        st = stats[q.kind]
        if q.expect is not None:
            st["pos"] += 1
            own = [m for m in matches if m[0] == q.expect]
            found = _decision_ok(decision) and bool(own)
            if q.kind == 12:
                found = found and decision == "BLOCK" and any(m[1] == "BLOCK" for m in own)
            st["sub"][q.sub][0] += 1
            if found:
                st["found"] += 1
                st["sub"][q.sub][1] += 1
                if any(m[1] == "BLOCK" for m in own):
                    st["block"] += 1
                    st["blocks"].append((q, decision, err, own[:1]))
            else:
                if decision.startswith("ERROR"):
                    st["refused"] += 1
                st["misses"].append((q, decision, err, matches[:2]))
        else:
            st["neg"] += 1
            if _decision_ok(decision):
                st["fp"] += 1
                st["fps"].append((q, decision, matches[:2]))
                if q.kind == 14 and any(m[0] == q.src for m in matches):
                    st["matched_src"] += 1
    return stats


# Targets (what the issue demands).
RECALL_TARGET = {k: 0.95 for k in KINDS}
RECALL_TARGET.update({4: 0.90, 5: 0.90, 7: 0.90})
# Kind 10 is held to the 0.95 like the others, though the per-letter/per-syllable tables
# here are crude (abjads drop vowels, katakana and Chinese add vowels and merge l/r, b/v): see
# KNOWN_SHORT in test_adversarial.py for where it stands.
FP_TARGET = 0.01


def format_report(stats, examples=10, elapsed=None, nqueries=None):
    lines = []
    hdr = (f"{'kind':<26} {'found/total':>13} {'recall':>7} {'target':>6} {'BLOCK%':>7} "
           f"{'refused':>7} {'FP/neg':>10} {'FP%':>6}")
    lines.append(hdr)
    lines.append("-" * len(hdr))
    for k, title in KINDS.items():
        st = stats[k]
        rec = st["found"] / st["pos"] if st["pos"] else None
        blk = (f"{100 * st['block'] / st['found']:.1f}" if k in REVIEW_CAPPED and st["found"]
               else "")
        fp = st["fp"] / st["neg"] if st["neg"] else None
        lines.append(
            f"{k:>2} {title:<23} {st['found']:>6}/{st['pos']:<6} "
            f"{(f'{rec:.3f}' if rec is not None else '-'):>7} "
            f"{(f'{RECALL_TARGET[k]:.2f}' if st['pos'] else '-'):>6} {blk:>7} "
            f"{st['refused'] or '':>7} {st['fp']:>4}/{st['neg']:<5} "
            f"{(f'{100 * fp:.2f}' if fp is not None else '-'):>6}")
    lines.append("")
    lines.append("per sub-kind recall:")
    for k in KINDS:
        for sub, (tot, fnd) in sorted(stats[k]["sub"].items()):
            lines.append(f"  {k:>2} {sub:<34} {fnd:>6}/{tot:<6} {fnd / tot:.3f}")
    if stats[14]["neg"]:
        lines.append(f"  14 matched the source person: {stats[14]['matched_src']}/"
                     f"{stats[14]['neg']}")
    for k in KINDS:
        st = stats[k]
        if st["misses"]:
            lines.append(f"\nmisses, kind {k} ({KINDS[k]}): {len(st['misses'])}")
            for q, dec, err, m in _spread(st["misses"], examples):
                extra = f" [{err}]" if err else ""
                lines.append(f"  {q.name!r} ({q.sub}; from {q.src!r}) expected {q.expect} got "
                             f"{dec}{extra} {[(a, b, round(c, 3)) for a, b, c in m]}")
        if k in REVIEW_CAPPED and st["blocks"]:
            lines.append(f"\nBLOCK (REVIEW at most), kind {k} ({KINDS[k]}): {len(st['blocks'])}")
            for q, dec, err, m in _spread(st["blocks"], examples):
                lines.append(f"  {q.name!r} ({q.sub}; from {q.src!r}) "
                             f"{[(a, b, round(c, 3)) for a, b, c in m]}")
        if st["fps"]:
            lines.append(f"\nfalse positives, kind {k} ({KINDS[k]}): {len(st['fps'])}")
            for q, dec, m in _spread(st["fps"], examples):
                lines.append(f"  {q.name!r} ({q.sub}) got {dec} "
                             f"{[(a, b, round(c, 3)) for a, b, c in m]}")
    if elapsed is not None:
        lines.append(f"\n{nqueries} distinct queries in {elapsed:.1f} s")
    return "\n".join(lines)


def _spread(items, n):
    """Up to n examples, spread over sub-kinds."""
    by_sub = defaultdict(list)
    for it in items:
        by_sub[it[0].sub].append(it)
    out, subs = [], sorted(by_sub)
    i = 0
    while len(out) < n and any(by_sub[s] for s in subs):
        s = subs[i % len(subs)]
        if by_sub[s]:
            out.append(by_sub[s].pop(0))
        i += 1
    return out


def failures(stats):
    """Target violations as strings (empty when everything meets the targets)."""
    bad = []
    for k in KINDS:
        st = stats[k]
        if st["pos"]:
            rec = st["found"] / st["pos"]
            if rec < RECALL_TARGET[k]:
                bad.append(f"kind {k} ({KINDS[k]}): recall {rec:.3f} < {RECALL_TARGET[k]}")
        if st["neg"] and st["fp"] / st["neg"] > FP_TARGET:
            bad.append(f"kind {k} ({KINDS[k]}): false positives {st['fp']}/{st['neg']} > "
                       f"{FP_TARGET:.0%}")
    if stats[12]["pos"] and stats[12]["found"] != stats[12]["pos"]:
        bad.append(f"identity: {stats[12]['pos'] - stats[12]['found']} listed names not BLOCK "
                   f"of their own entity")
    if stats[4]["block"]:
        bad.append(f"initials: {stats[4]['block']} BLOCK (must be REVIEW at most)")
    return bad


def main(argv):
    import argparse
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("addr")
    ap.add_argument("--threads", type=int, default=8)
    ap.add_argument("--examples", type=int, default=10)
    ap.add_argument("--data", default=None)
    ap.add_argument("--kinds", default=None, help="comma-separated kinds to run")
    args = ap.parse_args(argv)
    entities = load_lists(args.data)
    queries, _, (np_, no_) = build_queries(entities)
    if args.kinds:
        keep = {int(k) for k in args.kinds.split(",")}
        queries = [q for q in queries if q.kind in keep]
    print(f"{len(entities)} entities, {sum(len(e.names) for e in entities)} listed names, "
          f"{len(np_)} unlisted people, {len(no_)} unlisted companies, {len(queries)} queries")
    t0 = time.monotonic()
    results = run(args.addr, queries, threads=args.threads)
    elapsed = time.monotonic() - t0
    stats = evaluate(queries, results)
    print(format_report(stats, examples=args.examples, elapsed=elapsed, nqueries=len(results)))
    bad = failures(stats)
    print("\nbelow target:" if bad else "\nall targets met")
    for b in bad:
        print("  " + b)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
