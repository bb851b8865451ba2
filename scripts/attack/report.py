"""Aggregate data/results.jsonl + data/queries.jsonl -> recall per kind/list, FP rates, failures."""
import json, os, sys, collections, re

HERE = os.path.dirname(os.path.abspath(__file__))
res_path = sys.argv[1] if len(sys.argv) > 1 else f"{HERE}/data/results.jsonl"
Q = {q["qid"]: q for q in map(json.loads, open(f"{HERE}/data/queries.jsonl"))}
R = [json.loads(l) for l in open(res_path)]
BEL = {e["id"] for e in json.load(open(f"{HERE}/data/entities.json"))}
CL = json.load(open(f"{HERE}/data/clusters.json"))


def found_any(q, r):
    """flagged and some REVIEW/BLOCK match is the same real-world party (any list)"""
    c = CL.get(q["expect"])
    return r["decision"] in ("REVIEW", "BLOCK") and any(CL.get(m["id"]) == c and m["d"] != "CLEAR" for m in r["matches"])


def found(q, r):
    return r["decision"] in ("REVIEW", "BLOCK") and r.get("exp_rank") is not None


def family(kind):
    k = re.sub(r"_(linked|revcyr)$", "", kind)
    return k


pos = [(Q[r["qid"]], r) for r in R if Q[r["qid"]]["label"] == "match"]
neg = [(Q[r["qid"]], r) for r in R if Q[r["qid"]]["label"] == "no_match"]
errs = [r for r in R if r["decision"] == "ERROR" or r.get("error")]

print(f"queries {len(R)}  positives {len(pos)}  negatives {len(neg)}  errors {len(errs)}")
tot = sum(found(q, r) for q, r in pos)
print(f"OVERALL recall {tot}/{len(pos)} = {tot / len(pos):.3f}")
ta = sum(found(q, r) or found_any(q, r) for q, r in pos)
print(f"  recall counting the same party on another list: {ta / len(pos):.3f};  positives answered CLEAR: {sum(r['decision'] == 'CLEAR' for q, r in pos)}")
anyflag = sum(r["decision"] != "CLEAR" for q, r in pos)
print(f"  positives not CLEAR at all: {anyflag / len(pos):.3f};  flagged but expected entity absent: "
      f"{sum(r['decision'] != 'CLEAR' and r.get('exp_rank') is None for q, r in pos)}")

print("\n== recall per list (persons / orgs)")
for src in sorted({q["source"] for q, r in pos}):
    for et in ("PERSON", "ORGANIZATION"):
        xs = [(q, r) for q, r in pos if q["source"] == src and q["etype"] == et]
        if xs:
            f = sum(found(q, r) for q, r in xs)
            print(f"  {src:12s} {et:12s} {f:6d}/{len(xs):6d} = {f / len(xs):.3f}")

print("\n== recall per kind (sorted ascending), with per-list breakdown")
by = collections.defaultdict(list)
for q, r in pos:
    by[(q["kind"], q["etype"])].append((q, r))
rows = []
for (k, et), xs in by.items():
    f = sum(found(q, r) for q, r in xs)
    per = {}
    for src in ("us-ofac-sdn", "uk-ofsi", "ca-sema", "jp-mof"):
        ys = [(q, r) for q, r in xs if q["source"] == src]
        if ys:
            per[src] = f"{sum(found(q, r) for q, r in ys)}/{len(ys)}"
    blk = sum(r["decision"] == "BLOCK" and r.get("exp_rank") is not None for q, r in xs)
    fa = sum(found(q, r) or found_any(q, r) for q, r in xs)
    clear = sum(r["decision"] == "CLEAR" for q, r in xs)
    rows.append((f / len(xs), k, et, f, len(xs), per, blk, fa, clear))
for rec, k, et, f, n, per, blk, fa, clear in sorted(rows):
    print(f"  {rec:.3f} {k:38s} {et[:3]} {f:5d}/{n:5d} anylist={fa / n:.2f} CLEAR={clear / n:.2f} block={blk / n:.2f} " + " ".join(f"{s.split('-')[0]}={v}" for s, v in per.items()))

print("\n== negatives")
bykind = collections.defaultdict(list)
for q, r in neg:
    bykind[q["kind"]].append((q, r))
for k, xs in sorted(bykind.items()):
    nc = sum(r["decision"] != "CLEAR" for q, r in xs)
    nb = sum(r["decision"] == "BLOCK" for q, r in xs)
    nbel = sum(r["decision"] != "CLEAR" and any(m["id"] in BEL and m["d"] != "CLEAR" for m in r["matches"]) for q, r in xs)
    print(f"  {k:32s} n={len(xs):4d} FP(not CLEAR)={nc / len(xs):.3f} falseBLOCK={nb / len(xs):.3f} FP-on-Belarus-entity={nbel / len(xs):.3f}")
plain = [(q, r) for q, r in neg if not q["kind"].startswith("hard_neg")]
nc = sum(r["decision"] != "CLEAR" for q, r in plain); nb = sum(r["decision"] == "BLOCK" for q, r in plain)
print(f"  ALL non-hard negatives n={len(plain)} FP={nc / len(plain):.3f} falseBLOCK={nb / len(plain):.3f}")
hard = [(q, r) for q, r in neg if q["kind"].startswith("hard_neg")]
nc = sum(r["decision"] != "CLEAR" for q, r in hard); nb = sum(r["decision"] == "BLOCK" for q, r in hard)
print(f"  ALL hard negatives n={len(hard)} FP={nc / len(hard):.3f} falseBLOCK={nb / len(hard):.3f}")

L = sorted(r["lat_ms"] for r in R)
pct = lambda p: L[min(len(L) - 1, int(len(L) * p))]
print(f"\n== latency over {len(L)} calls: p50={pct(.5)}ms p90={pct(.9)}ms p99={pct(.99)}ms max={L[-1]}ms")

if errs:
    print("\n== errors (first 10)")
    for r in errs[:10]:
        print("  ", repr(Q[r["qid"]]["name"]), r["decision"], r.get("error"))

# dump failures for inspection
with open(f"{HERE}/data/failures.jsonl", "w") as f:
    for q, r in pos:
        if not found(q, r):
            f.write(json.dumps(dict(kind=q["kind"], name=q["name"], type=q.get("type"), expect=q["expect"], listed=q["listed"], anylist=found_any(q, r),
                                    decision=r["decision"], exp_score=r.get("exp_score"), top=r["matches"][:2]), ensure_ascii=False) + "\n")
    for q, r in neg:
        if r["decision"] != "CLEAR":
            f.write(json.dumps(dict(kind=q["kind"], name=q["name"], type=q.get("type"), expect=None, decision=r["decision"],
                                    top=r["matches"][:3]), ensure_ascii=False) + "\n")
