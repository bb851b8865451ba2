"""Round 34's false-alarm probe for words written short in organisations' names
(`matcher::score::ABBREVIATION_SIM`): ordinary company names made of this file's own tables of
places, qualifiers and words of kind (the words Belarus's listed names are made of, so the
probe is hard), each screened as an ORGANIZATION in full and with one to three words written
short by this file's own table of abbreviations, against two servers on the Belarus lists.
Names that server A does not answer CLEAR in full are left out (they may name a listed body).
Prints REVIEW and BLOCK counts of each server on the short names, and every name whose decision
differs.

    python3 scripts/round34/abbrev_fp.py HOST:PORT_A HOST:PORT_B [N]
"""
import os
import random
import sys
import concurrent.futures as cf

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, '..', 'round29'))  # proto_stubs
from proto_stubs import pb, pbg as g  # noqa: E402
import grpc  # noqa: E402

PLACES = "Minsk Gomel Brest Grodno Vitebsk Mogilev Pinsk Orsha Borisov Lida Moscow Kiev Warsaw Vilnius Riga Baltic Eastern Western Northern Southern".split()
QUALIFIERS = ("Belarusian National State Republican Regional Central United International Scientific Industrial "
              "Commercial Technical Agricultural Municipal Federal General Joint Modern Precision Electronic").split()
KINDS = ("Plant Factory Works Association Department Ministry Institute University Bureau Enterprise Holding Group "
         "Management Trading Production Services Committee Directorate Centre Union Laboratory Research Design "
         "Construction Transport Logistics Machinery Equipment Electronics Chemicals Tractor Glass Textile Dairy "
         "Timber Paper Energy Engineering Development Investment Insurance Consulting Software Systems").split()
LEGAL = ["", "LLC", "Ltd", "OJSC", "JSC", "Co.", "GmbH", "Sp. z o.o.", "UAB", "OOO"]
SHORT = {
    "Belarusian": ["Bel.", "Belar."], "National": ["Natl.", "Nat."], "State": ["St."], "Republican": ["Rep."],
    "Regional": ["Reg."], "Central": ["Cent.", "Ctrl."], "International": ["Intl.", "Int."],
    "Scientific": ["Sci."], "Industrial": ["Ind.", "Indl."], "Commercial": ["Comm.", "Coml."],
    "Technical": ["Tech."], "Agricultural": ["Agr.", "Agric."], "Municipal": ["Mun."], "Federal": ["Fed."],
    "General": ["Gen."], "Joint": ["Jt."], "Modern": ["Mod."], "Precision": ["Prec."], "Electronic": ["Electr."],
    "Plant": ["Pl."], "Factory": ["Fact.", "Fcty."], "Works": ["Wks."], "Association": ["Assn.", "Assoc."],
    "Department": ["Dept.", "Dpt."], "Ministry": ["Min."], "Institute": ["Inst."], "University": ["Univ."],
    "Bureau": ["Bur."], "Enterprise": ["Ent.", "Entp."], "Holding": ["Hldg.", "Hldg"], "Group": ["Grp.", "Grp"],
    "Management": ["Mgmt", "Mgmt."], "Trading": ["Trdg."], "Production": ["Prod."], "Services": ["Svcs.", "Serv."],
    "Committee": ["Cttee.", "Comm."], "Directorate": ["Dir."], "Centre": ["Ctr.", "Cntr"], "Union": ["Un."],
    "Laboratory": ["Lab."], "Research": ["Res."], "Design": ["Des."], "Construction": ["Constr.", "Const."],
    "Transport": ["Transp.", "Trans."], "Logistics": ["Log."], "Machinery": ["Mach."], "Equipment": ["Equip.", "Eqpt"],
    "Electronics": ["Electr."], "Chemicals": ["Chem."], "Tractor": ["Tract."], "Textile": ["Text."],
    "Engineering": ["Eng.", "Engg."], "Development": ["Dev.", "Devt."], "Investment": ["Inv.", "Invt."],
    "Insurance": ["Ins."], "Consulting": ["Cons."], "Software": ["Sftw."], "Systems": ["Sys.", "Syst."],
    "Minsk": ["Mn."], "Moscow": ["Msc."], "Mogilev": ["Mog."], "Vitebsk": ["Vit."],
}


def names(n, rng):
    out = set()
    while len(out) < n:
        words = []
        if rng.random() < 0.6:
            words.append(rng.choice(PLACES))
        words += rng.sample(QUALIFIERS, rng.choice([0, 1, 1, 2]))
        words += rng.sample(KINDS, rng.choice([1, 2, 2, 3]))
        if len(words) < 2:
            continue
        out.add((" ".join(words), rng.choice(LEGAL)))
    return sorted(out)


def short_forms(words, rng):
    can = [i for i, w in enumerate(words) if w in SHORT]
    if not can:
        return None
    k = min(len(can), rng.choice([1, 1, 2, 3]))
    pick = set(rng.sample(can, k))
    return " ".join(rng.choice(SHORT[w]) if i in pick else w for i, w in enumerate(words))


def screen(stub, name):
    r = stub.ScreenParty(pb.ScreenPartyRequest(party=pb.Party(name=name, type=pb.ORGANIZATION)), timeout=10)
    return pb.Decision.Name(r.decision).replace("DECISION_", "")


def main():
    a, b = grpc.insecure_channel(sys.argv[1]), grpc.insecure_channel(sys.argv[2])
    sa, sb = g.ScreeningServiceStub(a), g.ScreeningServiceStub(b)
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 3000
    rng = random.Random(34)
    full = [((w + " " + legal).strip(), w.split(), legal) for w, legal in names(n, rng)]
    with cf.ThreadPoolExecutor(16) as ex:
        clear = [f for f, d in zip(full, ex.map(lambda f: screen(sa, f[0]), full)) if d == "CLEAR"]
        shorts = []
        for _, words, legal in clear:
            s = short_forms(words, rng)
            if s:
                shorts.append((s + " " + legal).strip())
        da = list(ex.map(lambda q: screen(sa, q), shorts))
        db = list(ex.map(lambda q: screen(sb, q), shorts))
    print(f"{len(full)} names, {len(clear)} CLEAR in full, {len(shorts)} written short")
    for label, ds in (("A", da), ("B", db)):
        print(label, "REVIEW", ds.count("REVIEW"), "BLOCK", ds.count("BLOCK"))
    for q, x, y in zip(shorts, da, db):
        if x != y:
            print(f"  {q}: {x} -> {y}")


if __name__ == "__main__":
    main()
