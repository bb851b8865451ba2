"""Parse the four official list files independently; emit Belarus-programme entities
and the set of all listed names (all regimes) for negative collision checks.
Output: data/entities.json, data/all_names.txt
"""
import csv, json, os, re, sys, unicodedata
import xml.etree.ElementTree as ET

# The full publications beside the repository (as the tests find them), or SCREENER_FULL_DATA.
D = os.environ.get("SCREENER_FULL_DATA", os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../../shared/data"))
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")
CYR = re.compile(r"[\u0400-\u04FF]")
# Latin look-alikes that appear inside Cyrillic words in the real files
LAT2CYR = str.maketrans({"I": "І", "i": "і", "A": "А", "a": "а", "E": "Е", "e": "е", "O": "О", "o": "о",
                         "C": "С", "c": "с", "P": "Р", "p": "р", "X": "Х", "x": "х", "K": "К", "M": "М",
                         "H": "Н", "T": "Т", "B": "В", "y": "у"})


def fix_cyr(s):
    # repair latin lookalikes inside words that are mostly Cyrillic
    def w(m):
        t = m.group(0)
        if CYR.search(t):
            return t.translate(LAT2CYR)
        return t
    return re.sub(r"[^\s,;/()]+", w, s)


def ent(source, key, typ, primary, names, cyr_ru=(), cyr_be=(), parts=None, extra=None):
    ws = lambda t: re.sub(r"\s+", " ", t).strip()
    cyr = {fix_cyr(ws(c)) for c in list(cyr_ru) + list(cyr_be) if c.strip()}
    be_ = {c for c in cyr if re.search(r"[іІўЎ]", c)}
    e = {"id": f"{source}:{key}", "source": source, "type": typ, "primary": ws(primary),
         "names": sorted({ws(n) for n in names if n and n.strip()}),
         "cyr_ru": sorted(cyr - be_), "cyr_be": sorted(be_)}
    if parts:
        e["parts"] = parts
    if extra:
        e.update(extra)
    return e


def ofac():
    rows = list(csv.reader(open(f"{D}/ofac/sdn_2023-12-28.csv", encoding="latin-1", newline="")))
    alt = {}
    for r in csv.reader(open(f"{D}/ofac/alt_2023-12-28.csv", encoding="latin-1", newline="")):
        if len(r) >= 4:
            alt.setdefault(r[0].strip(), []).append((r[2].strip(), r[3].strip()))
    addr = {}
    for r in csv.reader(open(f"{D}/ofac/add_2023-12-28.csv", encoding="latin-1", newline="")):
        if len(r) >= 5:
            addr.setdefault(r[0].strip(), []).append([x.strip() for x in r[2:5] if x.strip() != "-0-"])
    out, allnames = [], []
    for r in rows:
        if len(r) < 4:
            continue
        num, name, typ, prog = r[0].strip(), r[1].strip(), r[2].strip(), r[3]
        aliases = [a[1] for a in alt.get(num, [])]
        allnames.append(name); allnames += aliases
        if "BELARUS" not in prog or typ in ("aircraft", "vessel"):
            continue
        person = typ == "individual"
        def disp(n):
            if person and "," in n:
                s, g = n.split(",", 1)
                return f"{g.strip()} {s.strip()}"
            return n
        parts = None
        if person and "," in name:
            s, g = name.split(",", 1)
            g = g.split()
            parts = {"surname": s.strip(), "given": g[:1], "middle": g[1:]}
        names = [disp(name)] + [disp(a) for a in aliases]
        weak = [a[1] for a in alt.get(num, []) if a[0] == "nka"]
        out.append(ent("us-ofac-sdn", num, "PERSON" if person else "ORGANIZATION", disp(name), names,
                       parts=parts, extra={"addresses": [", ".join(a) for a in addr.get(num, []) if a][:2]}))
    return out, allnames


def uk():
    f = open(f"{D}/uk/ConList_2025-04-10.csv", encoding="utf-8-sig", newline="")
    next(f)
    groups, allnames = {}, []
    for r in csv.DictReader(f):
        n = " ".join(r[k] for k in ["Name 1", "Name 2", "Name 3", "Name 4", "Name 5", "Name 6"] if r[k].strip())
        allnames.append(n)
        if r["Name Non-Latin Script"].strip():
            allnames.append(r["Name Non-Latin Script"])
        if r["Regime"] != "Belarus":
            continue
        g = groups.setdefault(r["Group ID"], {"rows": []})
        g["rows"].append(r)
    out = []
    for gid, g in groups.items():
        rows = g["rows"]
        person = rows[0]["Group Type"] == "Individual"
        names, ru, be = [], [], []
        prim = None
        parts = None
        for r in rows:
            given = [r[k].strip() for k in ["Name 1", "Name 2", "Name 3", "Name 4", "Name 5"] if r[k].strip()]
            sur = r["Name 6"].strip()
            n = " ".join(given + [sur])
            names.append(n)
            if r["Alias Type"] == "Primary name" and prim is None:
                prim = n
                if person and given:
                    parts = {"surname": sur, "given": given[:1], "middle": given[1:]}
            nl = r["Name Non-Latin Script"].strip()
            if nl:
                lang = r["Non-Latin Script Language"].strip().lower()
                # Belarusian if flagged or has і/ў/э-ending forms
                if lang.startswith("belarus") or re.search(r"[ўЎ]|[іІ]", fix_cyr(nl)):
                    be.append(nl)
                else:
                    ru.append(nl)
        prim = prim or names[0]
        if person and parts is None:
            r = rows[0]
            given = [r[k].strip() for k in ["Name 1", "Name 2", "Name 3"] if r[k].strip()]
            parts = {"surname": r["Name 6"].strip(), "given": given[:1], "middle": given[1:]}
        addrs = []
        for r in rows[:1]:
            a = ", ".join(r[k] for k in ["Address 1", "Address 2", "Address 5", "Country"] if r[k].strip())
            if a:
                addrs.append(a)
        out.append(ent("uk-ofsi", gid, "PERSON" if person else "ORGANIZATION", prim, names, ru, be, parts,
                       extra={"addresses": addrs}))
    return out, allnames


def split_aliases(s):
    """Canada Aliases free text -> (latin names, ru cyr, be cyr)."""
    lat, ru, be = [], [], []
    s = s.replace(";", ",")
    lang = None
    for piece in re.split(r",", s):
        p = piece.strip()
        m = re.match(r"^(Belarus+ian|Russian|Ukrainian)\s*:\s*(.*)$", p, re.I)
        if m:
            lang = m.group(1).lower()
            p = m.group(2).strip()
        for q in re.split(r"\s+or\s+|/", p):
            q = q.strip(" .")
            if not q or len(q) < 3:
                continue
            if CYR.search(q):
                (be if (lang and lang.startswith("belarus")) else ru).append(q)
            else:
                lat.append(q)
    return lat, ru, be


def canada():
    root = ET.parse(f"{D}/canada/sema-lmes_2025-09-22.xml").getroot()
    out, allnames = [], []
    for x in root:
        g = lambda t: (x.findtext(t) or "").strip()
        n = g("EntityOrShip") or (g("GivenName") + " " + g("LastName")).strip()
        al = g("Aliases")
        allnames.append(n)
        if al:
            allnames += split_aliases(al)[0]
        if "Belarus" not in g("Country"):
            continue
        sched = re.sub(r"\s*,\s*", "-", g("Schedule").lower()).replace(" ", "-")
        key = f"belarus/{sched}/{g('Item')}"
        person = not g("EntityOrShip")
        lat, ru, be = split_aliases(al) if al else ([], [], [])
        parts = None
        if person:
            gv = g("GivenName").split()
            parts = {"surname": g("LastName"), "given": gv[:1], "middle": gv[1:]}
        out.append(ent("ca-sema", key, "PERSON" if person else "ORGANIZATION", n, [n] + lat, ru, be, parts))
    return out, allnames


def japan():
    import openpyxl, warnings
    warnings.simplefilter("ignore")
    wb = openpyxl.load_workbook(f"{D}/japan/mof-asset-freeze_2026-03-05.xlsx", read_only=True)
    out, allnames = [], []
    for ws in wb.worksheets:
        num = ws.title.split(".")[0]
        rows = list(ws.iter_rows(values_only=True))
        for r in rows[2:]:
            if not r or len(r) < 4 or not r[3]:
                continue
            en = str(r[3]).strip()
            jp = str(r[2] or "").strip()
            allnames.append(en)
            m = re.findall(r"a\.k\.a\.\s*([^;)）]+)", " ".join(str(c) for c in r if c))
            allnames += m
            if "ベラルーシ" not in ws.title or "以外" in ws.title:
                continue
            person = "個人" in ws.title
            names = [en]
            pm = re.match(r"^(.*?)\s*\((.*)\)\s*$", en)
            if pm:
                names += [pm.group(1), pm.group(2)]
            if "/" in en and not person:
                names += en.split("/")
            parts = None
            if person:
                t = en.split()
                parts = {"surname": t[-1], "given": t[:1], "middle": t[1:-1]}
            out.append(ent("jp-mof", f"{num}/{str(r[1]).strip()}", "PERSON" if person else "ORGANIZATION",
                           en, names, parts=parts, extra={"katakana": jp,
                                                          "addresses": [str(r[4])] if not person and len(r) > 4 and r[4] else []}))
    return out, allnames


def main():
    os.makedirs(OUT, exist_ok=True)
    ents, alln = [], []
    for fn in (ofac, uk, canada, japan):
        e, a = fn()
        print(fn.__name__, len(e), "belarus entities;", len(a), "names all regimes", file=sys.stderr)
        ents += e; alln += a
    json.dump(ents, open(f"{OUT}/entities.json", "w"), ensure_ascii=False, indent=0)
    with open(f"{OUT}/all_names.txt", "w") as f:
        for n in sorted(set(alln)):
            f.write(n.replace("\n", " ") + "\n")


if __name__ == "__main__":
    main()
