import csv, io
import os
DATA=os.environ.get("SCREENER_DATA", os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../../shared/data"))
D=os.path.join(DATA, "ofac/")
def rd(f):
    t=open(D+f,encoding="latin-1").read().replace("\x1a","")
    return list(csv.reader(io.StringIO(t)))
sdn=[r for r in rd("sdn_2023-12-28.csv") if len(r)>3 and r[2].strip()=="individual" and "BELARUS" in r[3]]
alt={}
for r in rd("alt_2023-12-28.csv"):
    if len(r)>3: alt.setdefault(r[0].strip(),[]).append((r[2].strip(),r[3].strip()))
people=[(r[0].strip(),r[1].strip(),alt.get(r[0].strip(),[])) for r in sdn]
