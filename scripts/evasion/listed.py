# index of every listed individual (all programmes) in the three loaded lists, by (surname key, given key)
import csv, io, re, unicodedata, xml.etree.ElementTree as ET
import os
from load import rd, DATA
def fold(s):
    s=unicodedata.normalize("NFKD",s.lower()); s="".join(c for c in s if not unicodedata.combining(c))
    s=s.replace("ł","l").replace("ß","ss")
    return re.sub(r"[^a-z]","",s)
def skel(s):
    s=fold(s)
    for a,b in [("x","ks"),("w","v"),("ph","f"),("dz","d"),("kh","h"),("j","y"),("ck","k"),("tz","ts")]: s=s.replace(a,b)
    s=(s[0]+re.sub(r"[aeiouyh]","",s[1:])) if s else s   # keep first letter
    return re.sub(r"(.)\1+",r"\1",s)
def gkey(g): return skel(g)
PAIRS=set()   # (surname skeleton, given skeleton)
SURN=set()
def add(sur,giv):
    if not sur: return
    for s in re.split(r"[\s\-]+",sur):
        if len(fold(s))<2: continue
        SURN.add(skel(s))
        for g in re.split(r"[\s\-]+",giv or ""):
            if len(fold(g))>=2: PAIRS.add((skel(s),skel(g)))
# OFAC all individuals + aliases
ind={}
for r in rd("sdn_2023-12-28.csv"):
    if len(r)>3 and r[2].strip()=="individual": ind[r[0].strip()]=r[1]
def addsdn(n):
    if "," in n: s,g=n.split(",",1)
    else:
        p=n.split(); s=" ".join(p[-1:]); g=" ".join(p[:-1])
    add(s,g); add(g,s)  # both orders, conservative
for k,n in ind.items(): addsdn(n)
for r in rd("alt_2023-12-28.csv"):
    if len(r)>3 and r[0].strip() in ind: addsdn(r[3])
# UK
t=open(os.path.join(DATA, "uk/ConList_2025-04-10.csv"),encoding="utf-8-sig",errors="replace").read().split("\n",1)[1]
for r in csv.DictReader(io.StringIO(t)):
    if r.get("Group Type")=="Individual":
        g=" ".join(r[k] for k in ["Name 1","Name 2","Name 3","Name 4","Name 5"] if r.get(k))
        add(r["Name 6"],g); add(g,r["Name 6"])
# Canada
root=ET.parse(os.path.join(DATA, "canada/sema-lmes_2025-09-22.xml")).getroot()
for rec in root:
    ln=rec.findtext("LastName") or ""; gn=rec.findtext("GivenName") or ""
    if ln and gn: add(ln,gn); add(gn,ln)
def is_listed(given, surname):
    """True if some listed individual has this surname with this given name (skeleton-equal, conservative)."""
    ss=[skel(s) for s in re.split(r"[\s\-]+",surname) if len(fold(s))>=2]
    gs=[skel(g) for g in re.split(r"[\s\-]+",given) if len(fold(g))>=2]
    return any((s,g) in PAIRS for s in ss for g in gs)
if __name__=="__main__":
    print(len(PAIRS),len(SURN), is_listed("Sergey","Novikov"), is_listed("Anna","Orlova"), is_listed("Aleksandr","Moroz"), is_listed("Mohammed","Ali"))
