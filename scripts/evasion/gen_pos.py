# Independent evasion-benchmark generator over OFAC SDN Belarus individuals (2023-12-28).
import random, re, json, hashlib
from load import people

PATR_SUFFIX = re.compile(r"(vich|vna|auna|euna|wna|ovna|evna|ichna|itj|ovych|ivna|yevich|ievich)$", re.I)

def parse(listed):
    sur, rest = [x.strip() for x in listed.split(",", 1)]
    toks = rest.split()
    patr = toks[-1] if len(toks) > 1 and PATR_SUFFIX.search(toks[-1]) else None
    given = toks[:-1] if patr else toks
    return dict(sur=sur.title(), sur_raw=sur, given=given, patr=patr)

def natural(p, sur_upper=False):
    s = p["sur_raw"] if sur_upper else p["sur"]
    return " ".join(p["given"] + ([p["patr"]] if p["patr"] else []) + [s])

def listed_form(p):
    return p["sur_raw"] + ", " + " ".join(p["given"] + ([p["patr"]] if p["patr"] else []))

def base(p, rng):
    # realistic payment spellings of the full name
    return rng.choice([natural(p), natural(p, True), listed_form(p)])

def words(s):
    return s.split(" ")

def on_word(s, rng, f, idx=None):
    w = words(s)
    cand = [i for i, x in enumerate(w) if len(re.sub(r"[^A-Za-z]", "", x)) >= 2]
    i = rng.choice(cand) if idx is None else idx
    w[i] = f(w[i])
    return " ".join(w), i

# ---------------------------------------------------------------- benign
TRANSLIT = [  # my own romanisation alternations, (from, to) on lower-case text
    ("kh", "h"), ("h", "kh"), ("y", "i"), ("i", "y"), ("ya", "ja"), ("yu", "ju"), ("ye", "je"),
    ("ie", "e"), ("e", "ie"), ("ov", "ow"), ("ov", "ou"), ("au", "ov"), ("ev", "iev"), ("iev", "ev"),
    ("ks", "x"), ("x", "ks"), ("ts", "tz"), ("ts", "c"), ("ia", "ya"), ("ya", "ia"), ("iu", "yu"),
    ("yu", "iu"), ("iy", "y"), ("y", "iy"), ("sh", "sch"), ("v", "w"), ("dz", "d"), ("g", "h"),
    ("ii", "iy"), ("ch", "tch"), ("zh", "sh"), ("j", "y"), ("u", "ou"), ("ei", "ey"), ("ey", "ei"),
    ("ai", "ay"), ("ay", "ai"),
]

def recase_like(new, old):
    if old.isupper(): return new.upper()
    if old[:1].isupper(): return new[:1].upper() + new[1:].lower()
    return new.lower()

def translit_once(s, rng):
    w = words(s)
    opts = []
    for wi, x in enumerate(w):
        lw = x.lower()
        for a, b in TRANSLIT:
            for m in re.finditer(re.escape(a), lw):
                if a == "h" and m.start() > 0 and lw[m.start() - 1] in "skcz": continue
                if a == "e" and (m.start() == 0 or lw[m.start() - 1] in "aeiouy"): continue
                opts.append((wi, m.start(), a, b))
    if not opts: return None
    wi, pos, a, b = rng.choice(opts)
    x = w[wi]; lw = x.lower()
    nl = lw[:pos] + b + lw[pos + len(a):]
    w[wi] = recase_like(nl, x.rstrip(",")) + ("," if x.endswith(",") and not nl.endswith(",") else "")
    return " ".join(w)

def benign(p, rng):
    out = []
    nat = natural(p); lf = listed_form(p)
    out += [("case_lower", nat.lower()), ("case_upper", nat.upper()),
            ("case_random", "".join(c.upper() if rng.random() < .5 else c.lower() for c in nat)),
            ("case_listed_lower", lf.lower())]
    out += [("order_given_first", nat), ("order_surname_comma", p["sur"] + ", " + " ".join(p["given"] + ([p["patr"]] if p["patr"] else []))),
            ("order_surname_first_nocomma", lf.replace(",", "")),
            ("order_surname_middle", " ".join(p["given"] + [p["sur"]] + ([p["patr"]] if p["patr"] else [])))]
    if p["patr"]:
        out.append(("patronymic_removed", " ".join(p["given"] + [p["sur"]])))
        out.append(("patronymic_removed_listed", p["sur_raw"] + ", " + " ".join(p["given"])))
    else:
        out.append(("patronymic_added_unknown", " ".join(p["given"] + [rng.choice(["Ivanovich", "Petrovich", "Nikolaevich"]) if not p["given"][0].endswith("a") else "Ivanovna"] + [p["sur"]])))
    for k in range(2):
        b = base(p, rng)
        t = translit_once(b, rng)
        if t: out.append(("translit_one", t))
    for k in range(2):
        t = base(p, rng)
        for _ in range(rng.randint(2, 3)):
            t = translit_once(t, rng) or t
        out.append(("translit_multi", t))
    return out

# ---------------------------------------------------------------- adversarial
CYR = {"a": "а", "c": "с", "e": "е", "o": "о", "p": "р", "x": "х", "y": "у", "i": "і", "j": "ј", "s": "ѕ", "h": "һ", "d": "ԁ",
       "A": "А", "B": "В", "C": "С", "E": "Е", "H": "Н", "I": "І", "J": "Ј", "K": "К", "M": "М", "O": "О", "P": "Р",
       "S": "Ѕ", "T": "Т", "X": "Х", "Y": "Ү"}
GRK = {"A": "Α", "B": "Β", "E": "Ε", "H": "Η", "I": "Ι", "K": "Κ", "M": "Μ", "N": "Ν", "O": "Ο", "P": "Ρ", "T": "Τ",
       "X": "Χ", "Y": "Υ", "Z": "Ζ", "o": "ο", "v": "ν", "i": "ι", "u": "υ", "a": "α", "k": "κ", "p": "ρ"}

def homoglyph(s, rng, table, frac):
    idx = [i for i, c in enumerate(s) if c in table]
    if not idx: return None
    n = 1 if frac == 0 else max(1, round(len(idx) * frac))
    pick = set(rng.sample(idx, n))
    return "".join(table[c] if i in pick else c for i, c in enumerate(s))

INV = ["\u200b", "\u200d", "\u200c", "\u00ad", "\u2060"]
def insert_inside(w, rng, ch):
    core = w.rstrip(",")
    if len(core) < 2: return w
    k = rng.randint(1, len(core) - 1)
    return core[:k] + ch + core[k:] + w[len(core):]

V = "aeiouyAEIOUY"
def devowel(w, keep_first=True):
    core = w.rstrip(","); tail = w[len(core):]
    if keep_first: r = core[0] + "".join(c for c in core[1:] if c not in V)
    else: r = "".join(c for c in core if c not in V) or core[0]
    return r + tail

KB = {}
rows = ["qwertyuiop", "asdfghjkl", "zxcvbnm"]
for r_i, row in enumerate(rows):
    for c_i, ch in enumerate(row):
        nb = set()
        for dr in (-1, 0, 1):
            rr = r_i + dr
            if 0 <= rr < 3:
                for dc in (-1, 0, 1):
                    cc = c_i + dc + (0 if dr == 0 else (0 if dr < 0 else -0))
                    if 0 <= cc < len(rows[rr]) and not (dr == 0 and dc == 0): nb.add(rows[rr][cc])
        KB[ch] = "".join(sorted(nb))

def typo(w, rng, kind):
    core = w.rstrip(","); tail = w[len(core):]
    L = "abcdefghijklmnopqrstuvwxyz"
    up = core.isupper()
    def cs(c): return c.upper() if up else c
    n = len(core)
    if kind == "sub":
        i = rng.randrange(1, n) if n > 2 else rng.randrange(n)
        c = rng.choice([x for x in L if x != core[i].lower()]); r = core[:i] + cs(c) + core[i + 1:]
    elif kind == "del":
        i = rng.randrange(n); r = core[:i] + core[i + 1:]
    elif kind == "ins":
        i = rng.randrange(1, n + 1); r = core[:i] + cs(rng.choice(L)) + core[i:]
    elif kind == "transpose":
        cand = [i for i in range(n - 1) if core[i].lower() != core[i + 1].lower()]
        if not cand: return None
        i = rng.choice(cand); r = core[:i] + core[i + 1] + core[i] + core[i + 2:]
    elif kind == "keyboard":
        cand = [i for i in range(n) if core[i].lower() in KB]
        i = rng.choice(cand); c = rng.choice(KB[core[i].lower()])
        r = core[:i] + (c.upper() if core[i].isupper() else c) + core[i + 1:]
    return r + tail

def leet(s, rng, allof):
    m = {"o": "0", "O": "0", "l": "1", "L": "1", "e": "3", "E": "3"}
    idx = [i for i, c in enumerate(s) if c in m]
    if not idx: return None
    pick = set(idx) if allof else {rng.choice(idx)}
    return "".join(m[c] if i in pick else c for i, c in enumerate(s))

def adversarial(p, rng):
    out = []
    for tbl, nm in ((CYR, "homoglyph_cyr"), (GRK, "homoglyph_greek")):
        for frac, lab in ((0, "_one"), (0.5, "_half"), (1.0, "_all")):
            for k in range(2 if frac < 1 else 1):
                t = homoglyph(base(p, rng), rng, tbl, frac)
                if t: out.append((nm + lab, t))
    mixed = {**GRK, **CYR}
    t = homoglyph(natural(p), rng, {k: rng.choice([v, GRK.get(k, v)]) for k, v in mixed.items()}, 1.0)
    out.append(("homoglyph_mixed_all", t))
    for k in range(2):
        s, _ = on_word(base(p, rng), rng, lambda w: insert_inside(w, rng, rng.choice(INV)))
        out.append(("invisible_one", s))
    s = " ".join(insert_inside(w, rng, rng.choice(INV)) for w in words(base(p, rng)))
    out.append(("invisible_every_word", s))
    s = base(p, rng)
    for _ in range(4): s = " ".join(insert_inside(w, rng, rng.choice(INV)) if rng.random() < .6 else w for w in words(s))
    out.append(("invisible_many", s))
    # vowels
    b = natural(p)
    w = words(b)
    out.append(("vowels_dropped_surname", " ".join(w[:-1] + [devowel(w[-1])])))
    if len(w) > 1:
        i = rng.randrange(len(w) - 1)
        out.append(("vowels_dropped_given_word", " ".join(devowel(x) if j == i else x for j, x in enumerate(w))))
    out.append(("vowels_dropped_every_word", " ".join(devowel(x) for x in w)))
    out.append(("vowels_dropped_every_word_strict", " ".join(devowel(x, False) for x in w)))
    # typos
    for kind in ("sub", "del", "ins", "transpose", "keyboard"):
        for role in ("surname", "forename"):
            for k in range(2):
                b = natural(p, rng.random() < .3)
                w = words(b)
                idx = len(w) - 1 if role == "surname" else rng.randrange(max(1, len(w) - 1))
                r = typo(w[idx], rng, kind)
                if r is None or r == w[idx]: continue
                w[idx] = r
                out.append((f"typo_{kind}_{role}", " ".join(w)))
    for allof, lab in ((False, "leet_one"), (True, "leet_all")):
        for k in range(2 if not allof else 1):
            t = leet(base(p, rng), rng, allof)
            if t: out.append((lab, t))
    for k in range(2):
        s, _ = on_word(base(p, rng), rng, lambda w: (lambda c, i: c[:i] + c[i] + c[i:] + w[len(c):])(w.rstrip(","), rng.randrange(len(w.rstrip(",")))))
        out.append(("doubled_letter", s))
    s = " ".join((lambda c, i: c[:i] + c[i] + c[i:] + x[len(c):])(x.rstrip(","), rng.randrange(len(x.rstrip(",")))) for x in words(natural(p)))
    out.append(("doubled_letter_every_word", s))
    for ch, lab in (("-", "hyphen_inside_word"), (".", "dot_inside_word")):
        for k in range(2):
            s, _ = on_word(base(p, rng), rng, lambda w: insert_inside(w, rng, ch))
            out.append((lab, s))
    w = words(natural(p))
    out.append(("joined_all_camel", "".join(w)))
    out.append(("joined_all_lower", "".join(w).lower()))
    out.append(("joined_all_upper_listed", listed_form(p).replace(", ", "").replace(" ", "").upper()))
    if len(w) > 1:
        i = rng.randrange(len(w) - 1)
        out.append(("joined_two_words", " ".join(w[:i] + [w[i] + w[i + 1]] + w[i + 2:])))
    for k in range(2):
        b = base(p, rng)
        s, _ = on_word(b, rng, lambda x: (lambda c, i: c[:i] + " " + c[i:] + x[len(c):])(x.rstrip(","), rng.randint(2, max(2, len(x.rstrip(",")) - 2))) if len(x.rstrip(",")) >= 4 else x)
        if s != b: out.append(("split_word", s))
    return out

# ---------------------------------------------------------------- degraded
TITLES = ["Mr", "Mr.", "Mrs", "Ms", "Dr", "Dr.", "Gen.", "General", "Colonel", "Col.", "Minister", "Hajji", "Sheikh",
          "Gospodin", "Pan", "Pani", "His Excellency", "H.E.", "Prof.", "Mister"]
EXTRA = ["Maksim", "Oleg", "Ivan", "Pavel", "Anton", "Roman", "Artur", "Maria", "Anna", "Olga", "Boris", "Kirill", "Jan", "Felix", "Omar"]
OCR = [("m", "rn"), ("rn", "m"), ("l", "I"), ("l", "1"), ("I", "l"), ("I", "1"), ("i", "l"), ("o", "0"), ("O", "0"),
       ("d", "cl"), ("w", "vv"), ("W", "VV"), ("D", "CL"), ("M", "RN"), ("L", "I")]

def ocr(s, rng, n):
    for _ in range(n):
        opts = [(m.start(), a, b) for a, b in OCR for m in re.finditer(re.escape(a), s)]
        if not opts: return None
        pos, a, b = rng.choice(opts)
        s = s[:pos] + b + s[pos + len(a):]
    return s

def degraded(p, rng):
    out = []
    for k in range(3):
        b = base(p, rng); L = len(b)
        lo = -(-6 * L // 10)
        if lo >= L: continue
        c = rng.randint(lo, L - 1)
        t = b[:c].rstrip(" ,")
        if len(t) < L: out.append(("truncated_>=60pct", t))
    for n, lab in ((1, "ocr_one"), (2, "ocr_two")):
        for k in range(2):
            t = ocr(base(p, rng), rng, n)
            if t: out.append((lab, t))
    g = p["given"] + ([p["patr"]] if p["patr"] else [])
    ini = [x[0].upper() for x in g]
    out += [("initials_dots_before", " ".join(i + "." for i in ini) + " " + p["sur"]),
            ("initials_nodots_before", " ".join(ini) + " " + p["sur"]),
            ("initials_run_before", "".join(ini) + " " + p["sur"]),
            ("initials_dots_after", p["sur_raw"] + " " + ".".join(ini) + "."),
            ("initials_nodots_after", p["sur_raw"] + ", " + " ".join(ini)),
            ("initial_given_only", ini[0] + ". " + p["sur"])]
    if p["patr"]:
        out.append(("initial_given_full_patronymic", ini[0] + ". " + p["patr"] + " " + p["sur"]))
    for k in range(3):
        out.append(("title_prepended", rng.choice(TITLES) + " " + base(p, rng)))
    for k in range(2):
        ex = rng.choice([e for e in EXTRA if e.lower() not in [x.lower() for x in g]])
        w = p["given"] + [ex] + ([p["patr"]] if p["patr"] else []) + [p["sur"]]
        out.append(("extra_middle_word", " ".join(w)))
    if len(g) + 1 >= 3:
        out.append(("dropped_given", " ".join(g[1:] + [p["sur"]])))
        out.append(("dropped_patronymic", " ".join(g[:-1] + [p["sur"]])))
        out.append(("dropped_surname", " ".join(g)))
    return out

CLASSES = {"benign": benign, "adversarial": adversarial, "degraded": degraded}

def generate():
    rows = []
    for ent, listed, alts in people:
        p = parse(listed)
        rows.append(dict(cls="baseline", sub="exact_listed", q=listed, ent=ent, listed=listed))
        for t, a in alts:
            rows.append(dict(cls="baseline", sub="exact_alias", q=a, ent=ent, listed=listed))
        for cname, f in CLASSES.items():
            seed = int(hashlib.sha256(f"{cname}:{ent}:attack3".encode()).hexdigest()[:8], 16)
            rng = random.Random(seed)
            for sub, q in f(p, rng):
                rows.append(dict(cls=cname, sub=sub, q=q, ent=ent, listed=listed))
    return rows

if __name__ == "__main__":
    rows = generate()
    json.dump(rows, open("positives.json", "w"), ensure_ascii=False, indent=0)
    from collections import Counter
    print(len(rows)); print(Counter(r["cls"] for r in rows))
    rng = random.Random(1)
    for r in rng.sample(rows, 40): print(r["sub"], "|", repr(r["q"]), "|", r["listed"])
