"""Generate attack queries (positives + negatives) from data/entities.json -> data/queries.jsonl"""
import json, os, random, re, sys, unicodedata
from translit import translit, ascii_fold, lt_endings, lv_endings, reverse, SYS
from names import GIVEN, lookup_given, skel, TITLES_M, TITLES_F, LEGAL, LEGAL_TOKENS, SYNONYMS, BRANDS, CITIES_BY

HERE = os.path.dirname(os.path.abspath(__file__))
ENTS = json.load(open(f"{HERE}/data/entities.json"))
SEED = int(os.environ.get("SEED", "7"))
CYR = re.compile(r"[\u0400-\u04FF]")

# ---------------------------------------------------------------- helpers
KB = ["qwertyuiop", "asdfghjkl", "zxcvbnm"]
ADJ = {}
for r, row in enumerate(KB):
    for c, ch in enumerate(row):
        n = set()
        for dr in (-1, 0, 1):
            rr = r + dr
            if 0 <= rr < 3:
                for dc in (-1, 0, 1):
                    cc = c + dc + (0 if dr == 0 else (0 if dr < 0 else -0))
                    if 0 <= cc < len(KB[rr]) and (dr, dc) != (0, 0):
                        n.add(KB[rr][cc])
        ADJ[ch] = sorted(n)

HOMO_CYR = {"a": "а", "e": "е", "o": "о", "p": "р", "c": "с", "x": "х", "y": "у", "i": "і", "A": "А", "B": "В", "E": "Е",
            "K": "К", "M": "М", "H": "Н", "O": "О", "P": "Р", "C": "С", "T": "Т", "X": "Х", "I": "І", "s": "ѕ", "S": "Ѕ", "j": "ј"}
HOMO_GRK = {"A": "Α", "B": "Β", "E": "Ε", "H": "Η", "I": "Ι", "K": "Κ", "M": "Μ", "N": "Ν", "O": "Ο", "P": "Ρ", "T": "Τ",
            "X": "Χ", "Y": "Υ", "Z": "Ζ", "o": "ο", "v": "ν", "i": "ι"}
LAT_FOR_CYR = {v: k for k, v in HOMO_CYR.items()}
LEET = {"a": "4", "e": "3", "i": "1", "o": "0", "s": "5", "t": "7", "l": "1", "b": "8", "g": "9"}
ZW = ["\u200b", "\u200c", "\u200d", "\u2060", "\u00ad", "\ufeff"]


def caps_word(w):
    return w.isupper() and len(w) > 1


def typo(word, kind, rnd):
    if len(word) < 4:
        return None
    lo = 1  # keep first letter mostly
    i = rnd.randrange(lo, len(word) - 1) if len(word) > 2 else 0
    ch = word[i]
    if kind == "typo_adjacent":
        if ch.lower() not in ADJ:
            return None
        r = rnd.choice(ADJ[ch.lower()])
        r = r.upper() if ch.isupper() else r
        return word[:i] + r + word[i + 1:]
    if kind == "typo_double":
        return word[:i] + ch + word[i:]
    if kind == "typo_drop":
        return word[:i] + word[i + 1:]
    if kind == "typo_transpose":
        if i + 1 >= len(word) or word[i] == word[i + 1]:
            return None
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    if kind == "typo_first_letter":
        ch = word[0]
        if ch.lower() not in ADJ:
            return None
        r = rnd.choice(ADJ[ch.lower()])
        return (r.upper() if ch.isupper() else r) + word[1:]
    return None


def homoglyph(s, rnd, n=2, table=HOMO_CYR):
    idx = [i for i, c in enumerate(s) if c in table]
    if not idx:
        return None
    pick = idx if n == "all" else rnd.sample(idx, min(n, len(idx)))
    t = list(s)
    for i in pick:
        t[i] = table[t[i]]
    return "".join(t)


def zero_width(s, rnd, ch=None, n=2):
    t = list(s)
    pos = sorted(rnd.sample(range(1, len(s)), min(n, len(s) - 1)), reverse=True)
    for p in pos:
        t.insert(p, ch or rnd.choice(ZW))
    return "".join(t)


def leet(s, rnd, n=2):
    idx = [i for i, c in enumerate(s) if c.lower() in LEET]
    if not idx:
        return None
    pick = idx if n == "all" else rnd.sample(idx, min(n, len(idx)))
    t = list(s)
    for i in pick:
        t[i] = LEET[t[i].lower()]
    return "".join(t)


def fullwidth(s):
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else ("\u3000" if c == " " else c) for c in s)


def combining(s, rnd):
    t = []
    for c in s:
        t.append(c)
        if c.lower() in "aeiou" and rnd.random() < 0.5:
            t.append(rnd.choice(["\u0301", "\u0300", "\u0308", "\u0306"]))
    return "".join(t)


def norm_key(s):
    s = ascii_fold(s).lower()
    return " ".join(sorted(re.findall(r"[a-z0-9\u0400-\u04ff]+", s)))


def tokens(s):
    return re.findall(r"[^\W_]+", ascii_fold(s).lower())


def title(w):
    return "-".join(p[:1].upper() + p[1:].lower() for p in w.split("-"))


# ---------------------------------------------------------------- person parts
def split_latin(n):
    t = n.replace(",", " ").split()
    caps = [x for x in t if caps_word(x)]
    if caps:
        sur = caps[0]
        rest = [x for x in t if x is not sur]
    else:
        sur, rest = t[-1], t[:-1]
    return sur, rest


def person_parts(e):
    p = e.get("parts")
    if p and p.get("surname") and p.get("given"):
        s = p["surname"].strip()
        g = p["given"][0]
        m = p.get("middle", [])
    else:
        s, rest = split_latin(e["primary"])
        g, m = (rest[0] if rest else ""), rest[1:]
    return s, g, m


def is_female(g, m, s):
    row = lookup_given(g)
    if row:
        return row[4] == "f"
    if any(x.lower().endswith(("ovna", "evna", "auna", "euna", "ichna")) for x in m):
        return True
    if s.upper().endswith(("OVA", "EVA", "INA", "SKAYA", "AVA", "EUNA", "YNA")):
        return True
    return g.lower().endswith("a")


PATR = re.compile(r"(вич|вна|віч|ўна|вны|ична|ьич|ьевич|ьевна|ьеўна|івна|йович|ївна)$", re.I)


def cyr_split(c):
    """Return (surname, given, patronymics, surname_index) from a Cyrillic full name."""
    c = c.replace(",", " ")
    t = c.split()
    if len(t) < 2:
        return None
    caps = [i for i, x in enumerate(t) if x.isupper() and len(x) > 1]
    if caps and len(caps) < len(t):
        si = caps[0]
    elif len(t) >= 3 and PATR.search(t[1]) and not PATR.search(t[0]):
        si = len(t) - 1          # Given Patronymic Surname
    elif len(t) >= 3 and PATR.search(t[2]):
        si = 0                   # Surname Given Patronymic
    else:
        si = len(t) - 1
    sur = t[si]
    rest = [x for i, x in enumerate(t) if i != si]
    return sur, rest[0] if rest else "", rest[1:], si


# link entities to Cyrillic forms found elsewhere (same person in another list)
def link_cyrillic():
    idx = {}
    for e in ENTS:
        if e["type"] != "PERSON" or not (e["cyr_ru"] or e["cyr_be"]):
            continue
        for n in e["names"]:
            s, rest = split_latin(n)
            if rest:
                idx.setdefault((skel(s), skel(rest[0])), []).append(e)
    for e in ENTS:
        e["cyr_src"] = "list" if (e["cyr_ru"] or e["cyr_be"]) else None
        if e["cyr_src"] or e["type"] != "PERSON":
            continue
        for n in e["names"]:
            s, rest = split_latin(n)
            if rest and (skel(s), skel(rest[0])) in idx:
                o = idx[(skel(s), skel(rest[0]))][0]
                e["cyr_ru"], e["cyr_be"], e["cyr_src"] = o["cyr_ru"], o["cyr_be"], "linked:" + o["id"]
                break
        if not e["cyr_src"]:
            s, g, m = person_parts(e)
            e["cyr_ru"] = [reverse(" ".join([g] + m + [s.upper()]))]
            e["cyr_src"] = "reversed"


# ---------------------------------------------------------------- person variants

UA_GIVEN = {"Александр": "Олександр", "Виктор": "Віктор", "Сергей": "Сергій", "Дмитрий": "Дмитро", "Николай": "Микола",
            "Владимир": "Володимир", "Юрий": "Юрій", "Андрей": "Андрій", "Игорь": "Ігор", "Иван": "Іван", "Наталья": "Наталія",
            "Наталия": "Наталія", "Елена": "Олена", "Павел": "Павло", "Пётр": "Петро", "Петр": "Петро", "Михаил": "Михайло",
            "Алексей": "Олексій", "Анатолий": "Анатолій", "Геннадий": "Геннадій", "Валерий": "Валерій", "Григорий": "Григорій",
            "Евгений": "Євген", "Вадим": "Вадим", "Олег": "Олег", "Леонид": "Леонід", "Константин": "Костянтин",
            "Виталий": "Віталій", "Василий": "Василь", "Юлия": "Юлія", "Татьяна": "Тетяна", "Ирина": "Ірина",
            "Светлана": "Світлана", "Людмила": "Людмила", "Галина": "Галина", "Марина": "Марина", "Денис": "Денис",
            "Максим": "Максим", "Роман": "Роман", "Борис": "Борис", "Степан": "Степан", "Вячеслав": "В'ячеслав",
            "Кирилл": "Кирило", "Анна": "Ганна", "Ольга": "Ольга", "Валентина": "Валентина", "Лидия": "Лідія", "Инна": "Інна"}
UA_LAT = {"а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie", "ж": "zh", "з": "z", "и": "y",
          "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s",
          "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ь": "", "ю": "iu",
          "я": "ia", "'": ""}
UA_INIT = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}


def ru_to_ua_word(w, given=False):
    cap = w.isupper() and len(w) > 1
    t = w.capitalize()
    if given and t in UA_GIVEN:
        r = UA_GIVEN[t]
    else:
        r = t.replace("и", "\u0456").replace("ы", "и").replace("э", "е").replace("ё", "ьо").replace("ъ", "'")
        r = re.sub(r"ий$", "ий", r)
        r = re.sub(r"\u0456й$", "ий", r)
    return r.upper() if cap else r


def ua_romanise(s):
    def w(m):
        x = m.group(0)
        out = ""
        for i, ch in enumerate(x.lower()):
            out += UA_INIT[ch] if (i == 0 and ch in UA_INIT) else UA_LAT.get(ch, ch)
        out = out.replace("zgh", "zgh")
        return out.upper() if x.isupper() and len(x) > 1 else out.capitalize()
    return re.sub(r"[\w']+", w, s)


OTHER_SCRIPTS = {
    "LUKASHENK": {"Aleksandr": ["亚历山大·卢卡申科", "ألكسندر لوكاشينكو", "Αλεξάντρ Λουκασένκο", "אלכסנדר לוקשנקו",
                               "ალექსანდრე ლუკაშენკო", "Ալեքսանդր Լուկաշենկո", "알렉산드르 루카셴코", "卢卡申科"]},
}

RU_SYS = ["bgn", "icao", "iso9", "gost_b", "polish", "lithuanian", "latvian", "czech", "german", "french", "spanish", "naive"]
BE_SYS = ["be_passport", "bgn_be", "lacinka", "polish", "lithuanian", "iso9", "icao"]
DIACRITIC = {"iso9", "polish", "lithuanian", "latvian", "czech", "lacinka"}


def be_ru_swap(g, m, s):
    """Switch Belarusian <-> Russian Latin forms."""
    row = lookup_given(g)
    out_g = None
    if row:
        ru, be = row[0], row[1]
        if skel(g) in {skel(x) for x in be} and skel(g) not in {skel(x) for x in ru}:
            out_g = ru[0]
        else:
            out_g = be[0]
    rules_be2ru = [(r"AU$", "OV"), (r"EU$", "EV"), (r"ENKA$", "ENKO"), (r"SKI$", "SKY"), (r"AVA$", "OVA"), (r"^H", "G"), (r"DZ", "D")]
    rules_ru2be = [(r"OV$", "AU"), (r"EV$", "EU"), (r"ENKO$", "ENKA"), (r"SKY$", "SKI"), (r"SKIY$", "SKI"), (r"OVA$", "AVA"), (r"^G", "H")]
    su = s.upper()
    new = su
    for a, b in rules_be2ru:
        new = re.sub(a, b, new)
    if new == su:
        for a, b in rules_ru2be:
            new = re.sub(a, b, new)
    mm = []
    for x in m:
        y = re.sub(r"avich$", "ovich", x)
        y = re.sub(r"auna$", "ovna", y)
        y = re.sub(r"euna$", "evna", y)
        if y == x:
            y = re.sub(r"ovich$", "avich", x)
            y = re.sub(r"ovna$", "auna", y)
            y = re.sub(r"evna$", "euna", y)
        if y[:1] in "Hh" and x != y:
            y = "G" + y[1:]
        mm.append(y)
    s2 = new if caps_word(s) else title(new)
    if out_g is None and s2 == s:
        return None
    return " ".join([out_g or g] + mm + [s2])


def person_variants(e, rnd):
    S, G, M = person_parts(e)
    Sd = S if caps_word(S) else S  # display
    full = " ".join([G] + M + [S])
    short = f"{G} {S}"
    V = []
    add = lambda kind, name, **kw: V.append((kind, name, kw))
    add("exact", e["primary"])
    al = [n for n in e["names"] if n != e["primary"] and len(n.split()) >= 2]
    for a in rnd.sample(al, min(2, len(al))):
        add("alias_listed", a)
    add("no_type", e["primary"], type=None)
    add("wrong_type_org", e["primary"], type="ORGANIZATION")
    add("surname_comma", f"{S.upper()}, {' '.join([G] + M)}")
    add("surname_first", f"{S} {' '.join([G] + M)}")
    if M:
        add("no_patronymic", short)
        add("surname_first_nopat", f"{S.upper()} {G}")
    add("initials_given", f"{G[0]}. {S}")
    if M:
        add("initials_full", f"{G[0]}.{M[0][0]}. {S}")
        add("initials_surname_first", f"{S} {G[0]}.{M[0][0]}.")
        add("middle_initial", f"{G} {M[0][0]}. {S}")
    fem = is_female(G, M, S)
    pool = [r for r in GIVEN if (r[4] == "f") == bool(fem)]
    add("extra_middle", f"{G} {rnd.choice(rnd.choice(pool)[0])} {' '.join(M)} {S}".replace("  ", " "))
    t = rnd.choice(TITLES_F if fem else TITLES_M)
    add("title_prefix", f"{t} {full}")
    add("title_prefix_short", f"{rnd.choice(TITLES_F if fem else TITLES_M)} {short}")
    # given-name forms
    row = lookup_given(G)
    if row:
        add("nickname", f"{rnd.choice(row[2])} {S}")
        add("given_intl", f"{rnd.choice(row[3])} {S}")
        alt = [x for x in row[0] + row[1] if skel(x) != skel(G) or x != G]
        alt = [x for x in alt if x != G]
        if alt:
            add("given_respelled", " ".join([rnd.choice(alt)] + M + [S]))
    br = be_ru_swap(G, M, S)
    if br:
        add("be_ru_form", br)
        add("be_ru_form_short", " ".join([br.split()[0], br.split()[-1]]))
    # romanisations from Cyrillic
    cr = e["cyr_ru"]
    cb = e["cyr_be"]
    src = e.get("cyr_src")
    tag = "" if src == "list" else ("_linked" if src and src.startswith("linked") else "_revcyr")
    if cr:
        c = rnd.choice(cr)
        for sname in RU_SYS:
            r = translit(c, sname)
            add(f"rom_{sname}{tag}", r)
            if sname in DIACRITIC:
                add(f"rom_{sname}_ascii{tag}", ascii_fold(r))
        sp = cyr_split(c)
        if sp:
            sur, gi, pa, si = sp
            lt = lt_endings(ascii_fold(translit(f"{gi} {sur}", "lithuanian")) if False else translit(f"{gi} {sur}", "lithuanian"))
            if not fem:
                add(f"rom_lithuanian_inflected{tag}", lt)
                add(f"rom_latvian_inflected{tag}", lv_endings(translit(f"{gi} {sur}", "latvian")))
    if cb:
        c = rnd.choice(cb)
        for sname in BE_SYS:
            r = translit(c, sname, be=True)
            add(f"rom_be_{sname}{tag}", r)
            if sname in DIACRITIC:
                add(f"rom_be_{sname}_ascii{tag}", ascii_fold(r))
    # Cyrillic script itself
    if src == "list":
        if cr:
            c = rnd.choice(cr)
            add("cyrillic_ru", c)
            sp = cyr_split(c)
            if sp:
                sur, gi, pa, si = sp
                add("cyrillic_ru_nopat", f"{gi} {sur}")
                add("cyrillic_ru_reordered", " ".join([sur, gi] + pa) if si != 0 else " ".join([gi] + pa + [sur]))
                add("cyrillic_ru_lower", c.lower())
                add("cyrillic_latin_lookalikes", "".join(LAT_FOR_CYR.get(ch, ch) for ch in c))
                if len(sur) > 5:
                    t2 = typo_cyr(sur, rnd)
                    add("cyrillic_typo", f"{gi} {t2}")
        if cb:
            c = rnd.choice(cb)
            add("cyrillic_be", c)
            sp = cyr_split(c)
            if sp:
                add("cyrillic_be_nopat", f"{sp[1]} {sp[0]}")
    else:
        add("cyrillic_generated" + ("_linked" if src and src.startswith("linked") else ""),
            rnd.choice(cr) if cr else reverse(full))
    if src == "list" and cr:
        sp = cyr_split(rnd.choice(cr))
        if sp:
            sur, gi, pa, si = sp
            ua = f"{ru_to_ua_word(gi, True)} {ru_to_ua_word(sur)}"
            add("cyrillic_ukrainian", ua)
            add("rom_ukrainian_national", ua_romanise(ua))
    for key, d in OTHER_SCRIPTS.items():
        if key in S.upper() and any(skel(G) == skel(x) or (lookup_given(G) and lookup_given(G) is lookup_given(x)) for x in d):
            for x in d:
                if lookup_given(G) is lookup_given(x):
                    for n in d[x]:
                        add("other_script", n)
    if e.get("katakana"):
        k = e["katakana"]
        add("katakana", k)
        add("katakana_nosep", k.replace("・", ""))
        add("katakana_space", k.replace("・", " "))
        parts = k.split("・")
        if len(parts) == 2:
            add("katakana_surname_first", f"{parts[1]}・{parts[0]}")
    # typos
    for tk in ["typo_adjacent", "typo_double", "typo_drop", "typo_transpose"]:
        t2 = typo(S, tk, rnd)
        if t2:
            add(tk + "_surname", " ".join([G] + M + [t2]))
        t3 = typo(G, tk, rnd)
        if t3:
            add(tk + "_given", " ".join([t3] + M + [S]))
    t2 = typo(S, "typo_first_letter", rnd)
    if t2:
        add("typo_first_letter", f"{G} {t2}")
    a = typo(S, "typo_adjacent", rnd)
    b = typo(G, "typo_drop", rnd)
    if a and b:
        add("typo_two", " ".join([b] + M + [a]))
    # unicode tricks
    add("homoglyph_cyr_2", homoglyph(full, rnd, 2))
    add("homoglyph_cyr_all", homoglyph(full, rnd, "all"))
    add("homoglyph_greek", homoglyph(full.upper(), rnd, 3, HOMO_GRK))
    add("zero_width", zero_width(full, rnd))
    add("soft_hyphen", zero_width(full, rnd, "\u00ad", 2))
    add("zwsp_inside_surname", full.replace(S, S[:len(S) // 2] + "\u200b" + S[len(S) // 2:]))
    add("nbsp_spaces", full.replace(" ", "\u00a0"))
    add("fullwidth", fullwidth(full))
    add("combining_marks", combining(full, rnd))
    add("leet_2", leet(full, rnd, 2))
    add("leet_all", leet(full, rnd, "all"))
    add("upper", full.upper())
    add("lower", full.lower())
    # truncation / concatenation / noise
    if len(full) > 35:
        add("trunc_35", full[:35])
    L = len(full)
    lo = max(int(L * 0.7), L - len(S) + 4)
    if lo < L:
        cut = rnd.randint(lo, L - 1)
        add("trunc_random", full[:cut], cut=cut, of=L)
    if len(S) > 6:
        add("trunc_surname", " ".join([G] + M + [S[:len(S) - rnd.randint(1, 3)]]))
    add("concat", (G + S).replace(" ", ""))
    add("concat_upper_surname_first", (S + G).upper())
    add("dot_joined", f"{G}.{S}")
    add("underscore_joined", f"{S}_{G}")
    add("slash_joined", f"{S.upper()}/{G.upper()}")
    if len(S) >= 8:
        k = len(S) // 2
        add("split_surname", " ".join([G] + M + [S[:k], S[k:]]))
    # context
    city = rnd.choice(CITIES_BY)
    add("address_city", f"{full}, {city}, Belarus")
    adr = e.get("addresses") or []
    if adr:
        add("address_listed", f"{short} {adr[0]}")
    add("address_street", f"{short}, ul. Lenina {rnd.randint(1, 120)}-{rnd.randint(1, 99)}, {city} 2200{rnd.randint(10, 99)} BY")
    add("swift_59f", f"1/{S.upper()} {G.upper()} 2/UL. NEZAVISIMOSTI {rnd.randint(1, 99)} 3/BY/{city.upper()}")
    add("beneficiary_prefix", f"BENEFICIARY: {full}")
    add("with_dob_text", f"{short} DOB 1970")
    add("two_parties", f"{short} and {rnd.choice(['Ivan Petrov', 'Maria Schmidt', 'John Smith'])}")
    add("hyphen_joined", f"{G}-{S}")
    return V


def typo_cyr(w, rnd):
    i = rnd.randrange(1, len(w) - 1)
    return w[:i] + w[i + 1:]


# ---------------------------------------------------------------- org variants
def strip_legal(n):
    s = " " + re.sub(r"[\"“”«»']", " ", n.upper()) + " "
    s = re.sub(r"\([^)]*\)", " ", s)
    found = []
    for lt in LEGAL_TOKENS:
        pat = r"(?<![A-Z0-9])" + re.escape(lt) + r"(?![A-Z0-9])"
        if re.search(pat, s):
            found.append(lt)
            s = re.sub(pat, " ", s)
    core = re.sub(r"\s+", " ", s).strip(" ,-")
    return core, found


def family_of(found):
    for f in found:
        for fam, forms in LEGAL.items():
            if f in {x.upper() for x in forms}:
                return fam
        if "CLOSED" in f:
            return "cjsc"
        if "LIMITED" in f or "LIABILITY" in f:
            return "llc"
        if "UNITARY" in f:
            return "ue"
        if "JOINT" in f:
            return "jsc"
    return None


def tcase(s, primary=""):
    orig = {w.upper(): w for w in re.findall(r"[^\s\"“”«»'()]+", primary)}
    mixed = primary != primary.upper()
    out = []
    for w in s.split():
        if mixed and w in orig:
            out.append(orig[w])
        elif re.search(r"\d", w) or (len(w) <= 4 and not re.search(r"[AEIOUY]", w)):
            out.append(w)
        else:
            out.append("-".join(p.capitalize() for p in w.split("-")))
    return " ".join(out)


def org_variants(e, rnd):
    V = []
    add = lambda kind, name, **kw: V.append((kind, name, kw))
    P = e["primary"]
    add("exact", P)
    for a in rnd.sample([n for n in e["names"] if n != P], min(2, len(e["names"]) - 1)):
        add("alias_listed", a)
    add("no_type", P, type=None)
    add("wrong_type_person", P, type="PERSON")
    core, found = strip_legal(P)
    if not core:
        core = P.upper()
    fam = family_of(found)
    coreT = tcase(core, P)
    if found:
        add("legal_form_dropped", coreT)
    if fam:
        same = [x for x in LEGAL[fam] if x.upper() not in found]
        f = rnd.choice(same)
        add("legal_form_same_family_suffix", f"{coreT} {f}")
        f = rnd.choice(same)
        add("legal_form_same_family_prefix", f"{f} {coreT}")
        oth = rnd.choice([x for k, v in LEGAL.items() if k != fam for x in v])
        add("legal_form_other_family", f"{coreT} {oth}")
    else:
        add("legal_form_added", f"{coreT} {rnd.choice(LEGAL['jsc'] + LEGAL['llc'])}")
        add("legal_form_added_prefix", f"{rnd.choice(['OAO', 'OOO', 'JSC', 'LLC', 'ZAO', 'RUE'])} {coreT}")
    q = rnd.choice([("«", "»"), ("“", "”"), ('"', '"'), ("'", "'"), ("„", "“")])
    add("quoted_core", f"{rnd.choice(['OAO', 'JSC', 'OOO', 'ZAO', 'AAT'])} {q[0]}{coreT}{q[1]}")
    # bank word order
    cu = core.upper()
    m1 = re.match(r"^BANK (.+)$", cu)
    m2 = re.match(r"^(.+) BANK$", cu)
    m3 = re.match(r"^([A-Z-]{3,})BANK$", cu)
    if m1:
        add("bank_reorder", f"{tcase(m1.group(1), P)} Bank")
    elif m2:
        add("bank_reorder", f"Bank {tcase(m2.group(1), P)}")
        add("bank_of", f"Bank of {tcase(m2.group(1), P)}")
    elif m3:
        x = tcase(m3.group(1).strip("-"), P)
        add("bank_split", f"{x} Bank")
        add("bank_reorder", f"Bank {x}")
    # synonyms
    for a, bs in SYNONYMS:
        if re.search(r"\b" + re.escape(a) + r"\b", cu):
            add("synonym", tcase(re.sub(r"\b" + re.escape(a) + r"\b", rnd.choice(bs), cu, count=1)))
            break
    # brands
    cores = [strip_legal(n)[0] for n in e["names"]]
    for k, bs in BRANDS.items():
        if any(k in c and len(c.split()) - len(k.split()) <= 4 and not re.search(r"\b(USA|UKRAINE|EAST|SERVICE|ENGINEERING|STROI|CONTROL|SYSTEM)\b", c) for c in cores):
            for b in bs:
                add("brand_or_short_form", b)
            break
    # Cyrillic names of the org
    cyr = e["cyr_ru"] + e["cyr_be"]
    if cyr:
        c = rnd.choice(cyr)
        add("cyrillic_org", c)
        be = bool(re.search(r"[іўІЎ]", c))
        for sname in (["be_passport", "polish"] if be else ["bgn", "german", "polish", "iso9"]):
            r = translit(c, sname, be=be)
            add(f"rom_org_{sname}", ascii_fold(r) if sname in DIACRITIC else r)
        cc, _ = strip_legal(c)
        if cc and cc != c.upper():
            add("cyrillic_org_core", cc.title())
    if e.get("katakana"):
        add("katakana", e["katakana"])
        add("katakana_core", re.sub(r"^(株式会社|有限会社)|（.*?）", "", e["katakana"]))
    # word-level errors on the longest core word
    words = coreT.split()
    if words:
        li = max(range(len(words)), key=lambda i: len(words[i]))
        for tk in ["typo_adjacent", "typo_double", "typo_drop", "typo_transpose"]:
            t2 = typo(words[li], tk, rnd)
            if t2:
                w2 = list(words); w2[li] = t2
                add(tk, " ".join(w2) + (f" {found[0]}" if found and len(found[0]) <= 5 else ""))
        w = words[li]
        if len(w) >= 9 and len(words) == 1 and "-" not in w:
            k = rnd.randint(3, len(w) - 3)
            add("split_token", f"{w[:k]} {w[k:]}")
        if len(words) > 1:
            add("concat", "".join(words))
            add("hyphen_joined", "-".join(words))
    add("homoglyph_cyr_2", homoglyph(P, rnd, 2))
    add("homoglyph_cyr_all", homoglyph(P, rnd, "all"))
    add("zero_width", zero_width(P, rnd))
    add("soft_hyphen", zero_width(P, rnd, "\u00ad", 2))
    add("fullwidth", fullwidth(P))
    add("leet_2", leet(P, rnd, 2))
    add("lower", P.lower())
    add("nbsp_spaces", P.replace(" ", "\u00a0"))
    if len(P) > 35:
        add("trunc_35", P[:35])
    L = len(P)
    lastw = P.split()[-1]
    lo = max(int(L * 0.7), L - len(lastw) + 4)
    if L > 8 and lo < L:
        cut = rnd.randint(lo, L - 1)
        add("trunc_random", P[:cut], cut=cut, of=L)
    city = rnd.choice(CITIES_BY)
    add("address_city", f"{coreT}, {city}, Republic of Belarus")
    if e.get("addresses"):
        add("address_listed", f"{P}, {e['addresses'][0]}")
    add("country_suffix", f"{coreT} (Belarus)")
    add("swift_59f", f"1/{core} 2/{rnd.choice(['PR. POBEDITELEI', 'UL. KIROVA', 'PR. NEZAVISIMOSTI'])} {rnd.randint(1, 150)} 3/BY/{city.upper()}")
    add("beneficiary_prefix", f"BENEFICIARY: {P}")
    return V


# ---------------------------------------------------------------- negatives
NEG_PERSONS = {
 "slavic": (["Ivan", "Pavel", "Anton", "Oleg", "Nikita", "Yaroslav", "Bogdan", "Taras", "Zakhar", "Timofey", "Arseniy", "Ilya",
             "Gleb", "Matvey", "Fedor", "Daria", "Ksenia", "Polina", "Sofia", "Veronika", "Alisa", "Yana", "Ekaterina", "Kristina",
             "Marek", "Tomasz", "Katarzyna", "Agnieszka", "Jiri", "Petra", "Dragan", "Milica", "Aleksandra", "Vera", "Nadezhda"],
            ["Kovalenko", "Shevchuk", "Bondar", "Kravets", "Tkachuk", "Moroz", "Lysenko", "Rudenko", "Savchenko", "Polishchuk",
             "Kowalski", "Nowak", "Wisniewski", "Wojcik", "Kaminski", "Lewandowski", "Zielinski", "Szymanski", "Dvorak", "Novotny",
             "Svoboda", "Prochazka", "Kucera", "Horvat", "Kovacic", "Babic", "Jovanovic", "Nikolic", "Zhukovsky", "Sidorenko",
             "Belyakova", "Gromova", "Lebedinsky", "Yakubovich", "Sachenko", "Dudko", "Zhuk", "Karpovich", "Hursky", "Miklashevich"]),
 "western": (["James", "Emma", "Oliver", "Charlotte", "William", "Sophie", "Lucas", "Hannah", "Thomas", "Claire", "Henrik", "Ingrid",
              "Matteo", "Giulia", "Pierre", "Camille", "Jan", "Anke", "Patrick", "Siobhan", "Brian", "Megan"],
             ["Miller", "Thompson", "Anderson", "Fischer", "Schneider", "Dubois", "Lefebvre", "Rossi", "Bianchi", "Johansson",
              "Lindqvist", "O'Brien", "Murphy", "Van der Berg", "De Vries", "Walker", "Harrison", "Becker", "Moreau", "Fontaine"]),
 "arabic": (["Omar", "Layla", "Youssef", "Fatima", "Karim", "Nadia", "Tariq", "Samira", "Hassan", "Rania", "Ziad", "Leila", "Bilal", "Amira"],
            ["Haddad", "Nasser", "Khoury", "Mansour", "El-Sayed", "Farouk", "Saleh", "Aziz", "Boutros", "Qureshi", "Bakri", "Hamdan", "Tahan"]),
 "chinese": (["Wei", "Fang", "Jing", "Lei", "Min", "Xiaoling", "Hao", "Yan", "Jun", "Mei", "Zhiwei", "Lan"],
             ["Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Sun", "Ma", "Zhu", "Hu", "Guo"]),
 "indian": (["Priya", "Rahul", "Anita", "Vikram", "Sunita", "Arjun", "Deepa", "Rohan", "Kavita", "Sanjay", "Neha", "Amit"],
            ["Sharma", "Gupta", "Patel", "Reddy", "Iyer", "Nair", "Mehta", "Chatterjee", "Banerjee", "Joshi", "Kulkarni", "Rao"]),
 "hispanic": (["Carlos", "Lucia", "Javier", "Carmen", "Diego", "Valentina", "Mateo", "Isabella", "Andres", "Camila", "Pablo", "Elena"],
              ["Ramirez", "Lopez", "Fernandez", "Gonzalez", "Torres", "Morales", "Castillo", "Navarro", "Ortega", "Delgado", "Vega", "Rios"]),
}
NEG_ORG_CORE = ["Bakery", "Dental Clinic", "Florist", "Yoga Studio", "Software Consulting", "Furniture Workshop", "Pizza House",
                "Translation Services", "Bicycle Repair", "Veterinary Clinic", "Language School", "Chess Club", "Dance Academy",
                "Accounting Services", "Craft Brewery", "Coffee Roasters", "Printing House", "Real Estate Agency", "Taxi Service",
                "Pharmacy", "Travel Agency", "Wedding Photography", "Kindergarten", "Hostel", "Car Wash", "Music School",
                "Bookshop", "Tailoring Studio", "IT Outsourcing", "Fitness Centre"]
NEG_ORG_SHARED = ["{c} Bakery LLC", "{c} Dental Clinic", "Belarus Travel Club Ltd", "Belarusian Folk Dance Ensemble",
                  "{c} Pizza Delivery OOO", "Friends of {c} Charity", "{c} Language Centre GmbH", "Bank Street Coffee Ltd",
                  "Bankside Accounting Partners", "Green Plant Nursery Ltd", "Plant Based Foods GmbH", "{c} Tractor Museum",
                  "Riverside Power Plant Services Ltd", "Republic Pictures Studio", "National Bakery of {c}",
                  "{c} City Marathon Committee", "Oil & Gas Recruitment Ltd", "Steel Works Gym", "Tobacco Road Records",
                  "Olympic Swimming Academy Ltd", "Security Committee Consulting LLC", "Belaya Rus Dairy Farm",
                  "{c} Potato Growers Cooperative", "Minsker Strasse Apotheke", "Development Bank of Ireland Ltd",
                  "Savings Bank of Tallinn", "Agro Bank of Uzbekistan Employees Union", "{c} Bicycle Plant Museum",
                  "{c} Regional Hospital", "{c} State Medical University", "{c} Zoo", "Nemanskaya Bakery LLC",
                  "Radio Plant Hobby Club", "Repair Plant Services Ltd (Ireland)", "Wheel and Tractor Parts Ltd",
                  "Automobile Plant Tours Ltd", "Azot Chemicals Trading (India) Pvt Ltd", "Grodno Ice Hockey Fan Club",
                  "Belarus Embassy Cafe", "Minsk Pediatric Clinic No. 3", "Belarusian Red Cross Volunteers",
                  "Vitebsk Bazaar Festival", "Alfa Laval Tumba AB", "Prior Energy Ltd", "Status Hotel Group",
                  "Integral Yoga Institute", "Planar Systems Inc", "Display Technologies GmbH", "Peleng Solutions Lisbon",
                  "Volat Trucks Fan Forum", "Absolut Vodka Import AB", "Synesis Consulting Pte (Singapore)",
                  "Dana Incorporated", "Inter Tobacco Museum of Seville", "Emirates Airline", "Dubai Water Authority",
                  "Gardening Services Minsk", "Legal Machine Learning Ltd", "Vistan Travel", "Tetra Pak AB"]


def is_collision(name, listed_keys, listed_skel):
    k = norm_key(name)
    if k in listed_keys:
        return True
    sk = frozenset(skel(t) for t in tokens(name))
    return sk in listed_skel


def lev(a, b):
    if abs(len(a) - len(b)) > 2:
        return 3
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def gkeys(tok):
    ks = {skel(tok)}
    row = lookup_given(tok)
    if row:
        ks |= {skel(x) for x in row[0] + row[1] + row[3]}
    return ks


PAT_ALIASES = {"Ivan": ["ivan", "yan"], "Petr": ["petr", "piatr", "piotr", "pyotr", "pietr"], "Serge": ["serge", "siarhe", "serhi", "sergi"],
               "Nikola": ["nikola", "mikala", "mikola", "nicola"], "Pavl": ["pavl", "paul", "pavel"],
               "Mikha": ["mikha", "miha", "mikhaj", "michal", "mihau"], "Oleg": ["oleg", "aleh", "aleg", "oleh"], "Boris": ["boris", "barys"]}


def negatives(rnd):
    listed = [l.strip() for l in open(f"{HERE}/data/all_names.txt") if l.strip()]
    listed_keys = {norm_key(n) for n in listed}
    listed_skel = set()
    tok_sets = []
    given_index = {}
    for n in listed:
        ts = frozenset(skel(t) for t in tokens(n) if len(t) > 1)
        listed_skel.add(ts)
        if len(ts) >= 2:
            tok_sets.append(ts)
            for t in ts:
                given_index.setdefault(t, []).append(ts)
    by_tok = {}
    for ts in tok_sets:
        for t in ts:
            by_tok.setdefault(t, []).append(ts)

    def person_collide(gname, sname):
        s = skel(sname)
        for k in gkeys(gname):
            for ts in given_index.get(k, []):
                for t in ts:
                    if t != k and lev(t, s) <= (1 if len(s) < 6 else 2):
                        return True
        return False

    def collide(name, g=None, s=None):
        if is_collision(name, listed_keys, listed_skel):
            return True
        if g and s and person_collide(g, s):
            return True
        ts = frozenset(skel(t) for t in tokens(name) if len(t) > 1)
        if len(ts) < 2:
            return False
        cands = by_tok.get(min(ts, key=lambda t: len(by_tok.get(t, []))), [])
        for l in cands:
            if ts <= l or l <= ts:
                return True
        return False

    Q = []
    dropped = 0

    def addn(kind, name, typ, g=None, s=None, check=True, **kw):
        nonlocal dropped
        if check and collide(name, g, s):
            dropped += 1
            return
        Q.append(dict(label="no_match", kind=kind, name=name, type=typ, **kw))

    for cult, (gs, ss) in NEG_PERSONS.items():
        seen = set()
        n = 0
        while n < (220 if cult == "slavic" else 120):
            g, s = rnd.choice(gs), rnd.choice(ss)
            if (g, s) in seen:
                continue
            seen.add((g, s))
            fmt = rnd.random()
            name = f"{g} {s}" if fmt < 0.6 else (f"{s.upper()}, {g}" if fmt < 0.8 else f"{g} {rnd.choice(gs)} {s}")
            if cult == "chinese" and fmt < 0.5:
                name = f"{s} {g}"
            addn(f"neg_person_{cult}", name, "PERSON", g=g, s=s)
            n += 1
    for i in range(200):
        c = rnd.choice(CITIES_BY + ["Belarus", "Belarusian"])
        name = f"{c} {rnd.choice(NEG_ORG_CORE)} {rnd.choice(['LLC', 'OOO', 'Ltd', 'GmbH', 'Sp. z o.o.', 'JSC', '', 'ChUP', 'IP'])}".strip()
        addn("neg_org_city_generic", name, "ORGANIZATION")
    for t in NEG_ORG_SHARED:
        for _ in range(2 if "{c}" in t else 1):
            addn("neg_org_shared_word", t.format(c=rnd.choice(CITIES_BY)), "ORGANIZATION")
    # hard negatives built from listed Belarus persons
    persons = [e for e in ENTS if e["type"] == "PERSON"]
    listed_pairs = set()
    for e in ENTS:
        if e["type"] != "PERSON":
            continue
        for n in e["names"]:
            s, rest = split_latin(n)
            for r in rest:
                listed_pairs.add((skel(s), skel(r)))
    surnames = {}
    for e in persons:
        S, G, M = person_parts(e)
        surnames.setdefault(S.upper(), []).append(e)
    for S, es in surnames.items():
        e = es[0]
        _, G, M = person_parts(e)
        fem = is_female(G, M, S)
        pool = [r for r in GIVEN if (r[4] == "f") == bool(fem)]
        for _ in range(5):
            g = rnd.choice(rnd.choice(pool)[0])
            if (skel(S), skel(g)) not in listed_pairs:
                addn("hard_neg_other_given", f"{g} {title(S)}", "PERSON", g=g, s=S, listed_surname_of=[x["id"] for x in es])
                break
        # feminine / masculine counterpart
        su = S.upper()
        fm = None
        for a, b in [("OV", "OVA"), ("EV", "EVA"), ("IN", "INA"), ("SKY", "SKAYA"), ("SKIY", "SKAYA"), ("SKI", "SKAYA"),
                     ("AU", "AVA"), ("EU", "EVA"), ("YN", "YNA")]:
            if su.endswith(a) and not fem:
                fm = su[:-len(a)] + b
                break
        if fm:
            fg = rnd.choice(rnd.choice([r for r in GIVEN if r[4] == "f"])[0])
            # patronymic from the listed one made feminine
            pm = [re.sub(r"ovich$", "ovna", re.sub(r"evich$", "evna", re.sub(r"avich$", "auna", x))) for x in M]
            if (skel(fm), skel(fg)) not in listed_pairs:
                addn("hard_neg_feminine", f"{fg} {' '.join(pm)} {title(fm)}".replace("  ", " "), "PERSON", g=fg, s=fm, listed_surname_of=[x["id"] for x in es])
        if M:
            pats = ["Ivanovich", "Petrovich", "Sergeyevich", "Nikolayevich", "Pavlovich", "Mikhailovich", "Olegovich", "Borisovich"]
            if fem:
                pats = [p.replace("ovich", "ovna").replace("evich", "evna") for p in pats]
            # listed patronymics of this person across all of its names
            lp = {skel(t) for x in es for n in x["names"] for t in n.split()[1:-1]} | {skel(M[0])}
            def same_root(p):
                for root, al in PAT_ALIASES.items():
                    if p.startswith(root[:4]):
                        return any(l.startswith(skel(a)) for l in lp for a in al)
                return False
            ok = [p for p in pats if not same_root(p)]
            if ok:
                p = rnd.choice(ok)
                addn("hard_neg_other_patronymic", f"{G} {p} {title(S)}", "PERSON", check=False, listed_surname_of=[x["id"] for x in es])
    print("negatives dropped for list collision:", dropped, file=sys.stderr)
    return Q


def main():
    rnd = random.Random(SEED)
    link_cyrillic()
    out = []
    for e in ENTS:
        er = random.Random(f"{SEED}:{e['id']}")
        V = person_variants(e, er) if e["type"] == "PERSON" else org_variants(e, er)
        seen = set()
        for kind, name, kw in V:
            if not name or not name.strip():
                continue
            typ = kw.pop("type", e["type"]) if "type" in kw else e["type"]
            key = (kind, name)
            if key in seen:
                continue
            seen.add(key)
            out.append(dict(label="match", kind=kind, name=name, type=typ, expect=e["id"], source=e["source"],
                            etype=e["type"], listed=e["primary"], cyr_src=e.get("cyr_src"), **kw))
    out += negatives(rnd)
    for i, q in enumerate(out):
        q["qid"] = i
    with open(f"{HERE}/data/queries.jsonl", "w") as f:
        for q in out:
            f.write(json.dumps(q, ensure_ascii=False) + "\n")
    import collections
    c = collections.Counter(q["label"] for q in out)
    print(c, file=sys.stderr)
    json.dump(ENTS, open(f"{HERE}/data/entities_linked.json", "w"), ensure_ascii=False)
    # clusters of the same real-world party across lists (approximate), for "found via any list" metric
    par = {e["id"]: e["id"] for e in ENTS}
    def find(x):
        while par[x] != x:
            par[x] = par[par[x]]; x = par[x]
        return x
    keys = {}
    for e in ENTS:
        ks = set()
        for n in e["names"] + e["cyr_ru"] + e["cyr_be"]:
            if e["type"] == "PERSON":
                if CYR.search(n):
                    sp = cyr_split(n)
                    if sp and len(skel(ascii_fold(translit(sp[0], "icao")))) >= 3:
                        ks.add(("p", skel(ascii_fold(translit(sp[0], "icao"))), skel(ascii_fold(translit(sp[1], "icao")))))
                else:
                    s, rest = split_latin(n)
                    if rest:
                        ks.add(("p", skel(s), skel(rest[0])))
            else:
                c = strip_legal(n)[0]
                if c and not CYR.search(n) and len(skel(c)) >= 4:
                    ks.add(("o", skel(c)))
        for k in ks:
            if k in keys:
                par[find(e["id"])] = find(keys[k])
            else:
                keys[k] = e["id"]
    json.dump({e["id"]: find(e["id"]) for e in ENTS}, open(f"{HERE}/data/clusters.json", "w"))


if __name__ == "__main__":
    main()
