"""Own romanisation tables for Russian/Belarusian Cyrillic, plus a rough Latin->Cyrillic reverser."""
import re, unicodedata

VOW = set("аеёиоуыэюяіїєАЕЁИОУЫЭЮЯІЇЄ")
SIGNS = set("ьъЬЪ'’ʼ")

# per-system: base map (lowercase), and special handlers for е ё ю я й ь (context dependent)
BASE = {
 "а": "a", "б": "b", "в": "v", "г": "g", "ґ": "g", "д": "d", "ж": "zh", "з": "z", "и": "i", "і": "i", "ї": "yi",
 "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
 "ў": "w", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "",
 "э": "e", "є": "ye", "'": "", "’": "", "ʼ": "",
}
# (initial/after-vowel form, after-consonant form) for iotated vowels
SYS = {
 # BGN/PCGN Russian (ASCII, apostrophes dropped)
 "bgn": dict(over={}, e=("ye", "e"), yo=("yo", "yo"), yu=("yu", "yu"), ya=("ya", "ya"), y="y"),
 # BGN/PCGN Belarusian: г=h, ў=w
 "bgn_be": dict(over={"г": "h", "ў": "w", "ы": "y"}, e=("ye", "e"), yo=("yo", "yo"), yu=("yu", "yu"), ya=("ya", "ya"), y="y"),
 # ICAO 9303 (Russian passports since 2013)
 "icao": dict(over={"ъ": "ie"}, e=("e", "e"), yo=("e", "e"), yu=("iu", "iu"), ya=("ia", "ia"), y="i"),
 # Belarusian national passport practice
 "be_passport": dict(over={"г": "h", "ў": "u"}, e=("ye", "e"), yo=("yo", "io"), yu=("yu", "iu"), ya=("ya", "ia"), y="i"),
 # ISO 9:1995 with diacritics
 "iso9": dict(over={"ж": "ž", "х": "h", "ц": "c", "ч": "č", "ш": "š", "щ": "ŝ", "ъ": "ʺ", "ь": "ʹ", "э": "è", "і": "ì", "ў": "ǔ", "г": "g"},
              e=("e", "e"), yo=("ë", "ë"), yu=("û", "û"), ya=("â", "â"), y="j"),
 # GOST 7.79 system B (ASCII; backticks dropped as payment systems do)
 "gost_b": dict(over={"х": "x", "ц": "cz", "щ": "shh", "ы": "y", "э": "e", "ў": "u"}, e=("e", "e"), yo=("yo", "yo"), yu=("yu", "yu"), ya=("ya", "ya"), y="j"),
 # Polish
 "polish": dict(over={"в": "w", "ж": "ż", "х": "ch", "ц": "c", "ч": "cz", "ш": "sz", "щ": "szcz", "ы": "y", "ў": "u"},
                e=("je", "ie"), yo=("jo", "io"), yu=("ju", "iu"), ya=("ja", "ia"), y="j", polish=True),
 # Lithuanian (plus Lithuanian inflection endings, see lt_endings)
 "lithuanian": dict(over={"ж": "ž", "х": "ch", "ц": "c", "ч": "č", "ш": "š", "щ": "šč", "ы": "y", "ў": "u"},
                    e=("je", "e"), yo=("jo", "io"), yu=("ju", "iu"), ya=("ja", "ia"), y="j"),
 "latvian": dict(over={"ж": "ž", "х": "h", "ц": "c", "ч": "č", "ш": "š", "щ": "šč", "ы": "i", "ў": "u"},
                 e=("je", "e"), yo=("jo", "jo"), yu=("ju", "ju"), ya=("ja", "ja"), y="j"),
 "czech": dict(over={"ж": "ž", "х": "ch", "ц": "c", "ч": "č", "ш": "š", "щ": "šč", "ы": "y", "ў": "u"},
               e=("je", "e"), yo=("jo", "jo"), yu=("ju", "ju"), ya=("ja", "ja"), y="j", x=True),
 "german": dict(over={"в": "w", "ж": "sch", "з": "s", "х": "ch", "ц": "z", "ч": "tsch", "ш": "sch", "щ": "schtsch", "ы": "y", "ў": "u"},
                e=("je", "e"), yo=("jo", "jo"), yu=("ju", "ju"), ya=("ja", "ja"), y="j", x=True, ss=True),
 "french": dict(over={"ж": "j", "х": "kh", "ц": "ts", "ч": "tch", "ш": "ch", "щ": "chtch", "у": "ou", "ы": "y", "ў": "ou"},
                e=("ie", "e"), yo=("io", "io"), yu=("iou", "iou"), ya=("ia", "ia"), y="ï", x=True, ss=True),
 "spanish": dict(over={"ж": "zh", "х": "j", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "sch", "ы": "y", "ў": "u"},
                 e=("ye", "e"), yo=("yo", "io"), yu=("iu", "iu"), ya=("ia", "ia"), y="i"),
 # naive English-speaking clerk: x->h, ts->c, zh->j
 "naive": dict(over={"х": "h", "ц": "c", "ж": "j", "щ": "sch", "ы": "i", "ў": "v"},
               e=("e", "e"), yo=("yo", "e"), yu=("yu", "u"), ya=("ya", "a"), y="i"),
 # Belarusian Lacinka-like (diacritics)
 "lacinka": dict(over={"г": "h", "ж": "ž", "х": "ch", "ц": "c", "ч": "č", "ш": "š", "щ": "šč", "ў": "ŭ", "ы": "y"},
                 e=("je", "ie"), yo=("jo", "io"), yu=("ju", "iu"), ya=("ja", "ia"), y="j", polish_l=True),
}
POLISH_SOFT = {"н": "ń", "с": "ś", "з": "ź", "ц": "ć", "т": "ć", "д": "dź", "л": "l"}


def _word(w, s, be):
    cfg = SYS[s]
    over = dict(cfg["over"])
    if be and s in ("polish", "lithuanian", "latvian", "czech"):
        over["г"] = "h"
    out = []
    lw = w.lower()
    n = len(lw)
    for i, ch in enumerate(lw):
        prev = lw[i - 1] if i > 0 else ""
        nxt = lw[i + 1] if i + 1 < n else ""
        init = (i == 0) or (prev in VOW) or (prev in SIGNS) or prev == "й" or prev == "ў" or not prev.isalpha()
        if ch in "её":
            # Polish/Lacinka: no i-softening after hushers and л/ц
            key = "e" if ch == "е" else "yo"
            t = cfg[key][0 if init else 1]
            if (cfg.get("polish") or cfg.get("polish_l")) and not init and prev in "жшчщцлр":
                t = t[1:] if t.startswith("i") else t
            out.append(t)
        elif ch in "юя":
            key = "yu" if ch == "ю" else "ya"
            t = cfg[key][0 if init else 1]
            if (cfg.get("polish") or cfg.get("polish_l")) and not init and prev in "л":
                t = t[1:]
            out.append(t)
        elif ch == "й":
            out.append(cfg["y"])
        elif ch == "ь" and (cfg.get("polish") or cfg.get("polish_l")):
            if prev in POLISH_SOFT and out:
                out[-1] = POLISH_SOFT[prev] if prev != "л" else "l"
            # else nothing
        elif ch == "л" and (cfg.get("polish") or cfg.get("polish_l")):
            out.append("l" if nxt in "еёиюяіь" else "ł")
        elif ch == "и" and cfg.get("polish") and prev in "жшц":
            out.append("y")
        elif ch == "к" and nxt == "с" and cfg.get("x"):
            out.append("x")
        elif ch == "с" and prev == "к" and cfg.get("x"):
            continue
        elif ch == "с" and cfg.get("ss") and prev in VOW and nxt in VOW:
            out.append("ss")
        elif ch == "г" and s == "french" and nxt in "еиэіёюя":
            out.append("gu")
        elif ch in over:
            out.append(over[ch])
        elif ch in BASE:
            out.append(BASE[ch])
        else:
            out.append(ch)
    r = "".join(out)
    if w.isupper() and len(w) > 1:
        return r.upper()
    if w[:1].isupper():
        return r[:1].upper() + r[1:]
    return r


def translit(text, system, be=False):
    return re.sub(r"[\w'’ʼ]+", lambda m: _word(m.group(0), system, be), text)


def ascii_fold(s):
    s = s.replace("ł", "l").replace("Ł", "L").replace("ʹ", "").replace("ʺ", "").replace("ß", "ss")
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def lt_endings(name_latin, patronymic_words=()):
    """Lithuanian inflection of masculine Slavic names: Aleksandr -> Aleksandras, Sergej -> Sergejus."""
    out = []
    for w in name_latin.split():
        lw = w.lower()
        if w in patronymic_words:
            continue
        if lw.endswith("ij") or lw.endswith("ii"):
            w2 = w[:-2] + ("ijus" if not w.isupper() else "IJUS")
        elif lw.endswith("j"):
            w2 = w + ("us" if not w.isupper() else "US")
        elif lw[-1:] in "aeiouyąę":
            w2 = w
        else:
            w2 = w + ("as" if not w.isupper() else "AS")
        out.append(w2)
    return " ".join(out)


def lv_endings(name_latin, patronymic_words=()):
    out = []
    for w in name_latin.split():
        if w in patronymic_words:
            continue
        lw = w.lower()
        if lw[-1:] in "aeiouy":
            out.append(w)
        else:
            out.append(w + ("s" if not w.isupper() else "S"))
    return " ".join(out)


# ---------- rough Latin -> Russian Cyrillic (for entities with no Cyrillic anywhere) ----------
REV = [("shch", "щ"), ("sch", "щ"), ("zh", "ж"), ("kh", "х"), ("ts", "ц"), ("ch", "ч"), ("sh", "ш"),
       ("yu", "ю"), ("iu", "ю"), ("ya", "я"), ("ia", "я"), ("yo", "ё"), ("ye", "е"), ("ie", "ье"),
       ("a", "а"), ("b", "б"), ("v", "в"), ("w", "в"), ("g", "г"), ("h", "г"), ("d", "д"), ("e", "е"), ("z", "з"),
       ("i", "и"), ("j", "й"), ("k", "к"), ("l", "л"), ("m", "м"), ("n", "н"), ("o", "о"), ("p", "п"),
       ("r", "р"), ("s", "с"), ("t", "т"), ("u", "у"), ("f", "ф"), ("c", "ц"), ("x", "кс"), ("q", "к")]


def rev_word(w):
    lw = w.lower()
    out = ""
    i = 0
    IOT = {"a": "я", "u": "ю", "o": "ё", "e": "е"}
    while i < len(lw):
        c = lw[i]
        if c == "y" and i + 1 < len(lw) and lw[i + 1] in IOT:
            if i > 0 and lw[i - 1] not in "aeiouy":
                out += "ь"
            out += IOT[lw[i + 1]]
            i += 2
            continue
        if c == "y":
            out += "й" if i > 0 and lw[i - 1] in "aeio" else "ы"
            i += 1
            continue
        for a, b in REV:
            if lw.startswith(a, i):
                if a == "e" and i == 0:
                    b = "э"
                out += b
                i += len(a)
                break
        else:
            out += c
            i += 1
    out = re.sub(r"(иы|ыы|ий|ии)$", lambda m: "ий" if m.group(0) != "ыы" else "ый", out)
    if len(out) > 3 and re.search(r"[рт]и$", out) and not w.isupper():
        out += "й"
    if w.isupper() and len(w) > 1:
        return out.upper()
    return out[:1].upper() + out[1:]


def reverse(text):
    return re.sub(r"[A-Za-z]+", lambda m: rev_word(m.group(0)), text)


if __name__ == "__main__":
    for s in SYS:
        print(s, "|", translit("Александр Григорьевич ЛУКАШЕНКО", s), "|", translit("Сяргей Аляксандравіч ГУСАЧЭНКА", s, be=True),
              "|", translit("Юрий Хренин Щёкин Ольга", s))
    print(lt_endings("Aleksandr Lukašenko"), lv_endings("Aleksandr Lukašenko"))
    print(reverse("Aleksandr Grigoryevich LUKASHENKO"), reverse("Viktor KHRENIN"), reverse("Yuri Dmitriy Nikolay"))
