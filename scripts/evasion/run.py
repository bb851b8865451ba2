#!/usr/bin/env python3
"""Evasion benchmark over the OFAC SDN Belarus individuals, screened through gRPC.

Written from outside the matcher (its own tables, generators and labels, never reading
`src/`): every listed individual in a BELARUS programme of the 2023-12-28 SDN publication and
each of its aliases, perturbed in benign, adversarial and degraded ways (`gen_pos.py`), and
unlisted names plus other listed people's parts recombined as negatives (`gen_neg.py`). A hit
is REVIEW or BLOCK with the expected `us-ofac-sdn:` entry among the matches.

    python3 scripts/evasion/run.py 127.0.0.1:50051      # a server on the full lists, --regime all

Needs ../shared/data (or SCREENER_DATA) and `grpcio` + `grpcio-reflection`.
"""
import os
import sys
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import grpc  # noqa: E402
from google.protobuf import descriptor_pool, message_factory  # noqa: E402
from grpc_reflection.v1alpha.proto_reflection_descriptor_database import (  # noqa: E402
    ProtoReflectionDescriptorDatabase,
)

# Listed people the negative generator's exclusion missed (its own check of the lists found
# them later): they are not negatives.
NOT_NEGATIVES = {"Zmitser Hanchar", "Ihar Gutnik"}


def client(addr):
    ch = grpc.insecure_channel(addr)
    grpc.channel_ready_future(ch).result(timeout=60)
    pool = descriptor_pool.DescriptorPool(ProtoReflectionDescriptorDatabase(ch))
    md = pool.FindServiceByName("screening.v1.ScreeningService").FindMethodByName("ScreenParty")
    req, resp = (message_factory.GetMessageClass(t) for t in (md.input_type, md.output_type))
    stub = ch.unary_unary("/screening.v1.ScreeningService/ScreenParty",
                          request_serializer=req.SerializeToString, response_deserializer=resp.FromString)
    types = {v.name: v.number for v in md.input_type.fields_by_name["party"].message_type
             .fields_by_name["type"].enum_type.values}
    names = {v.number: v.name for v in md.output_type.fields_by_name["decision"].enum_type.values}
    person = types.get("PERSON", types.get("PARTY_TYPE_PERSON", 0))

    def screen(name):
        r = req()
        r.request_id = "evasion"
        r.party.name = name
        r.party.type = person
        a = stub(r, timeout=30)
        return names[a.decision], [m.entity_id for m in a.matches]
    return screen


def main(addr):
    from gen_neg import gen_recombined, gen_unlisted
    from gen_pos import generate
    import random
    screen = client(addr)
    pos = generate()
    # Truncations are told apart by what the cut left of the surname: a name cut before its
    # surname is forenames alone, which screener (like any filter) does not flag.
    from gen_pos import parse
    for r in pos:
        if r["sub"].startswith("truncated"):
            sur, q = parse(r["listed"])["sur"].lower(), r["q"].lower()
            last = q.split()[-1:]
            r["sub"] = ("truncated_keeps_surname" if sur in q
                        else "truncated_cuts_surname" if any(sur.startswith(w.strip(",")) for w in last)
                        else "truncated_loses_surname")
    neg = [n for n in gen_unlisted(random.Random(20260301)) + gen_recombined(random.Random(777))
           if n["q"] not in NOT_NEGATIVES]
    with ThreadPoolExecutor(6) as ex:
        pr = list(ex.map(lambda r: screen(r["q"]), pos))
        nr = list(ex.map(lambda r: screen(r["q"]), neg))
    cls, sub = defaultdict(lambda: [0, 0]), defaultdict(lambda: [0, 0])
    for r, (d, ids) in zip(pos, pr):
        hit = d != "CLEAR" and f"us-ofac-sdn:{r['ent']}" in ids
        for agg, k in ((cls, r["cls"]), (sub, (r["cls"], r["sub"]))):
            agg[k][0] += hit
            agg[k][1] += 1
    print("| class | found | recall |\n|---|---|---|")
    for c, (h, n) in cls.items():
        print(f"| {c} | {h}/{n} | {h / n:.3f} |")
    print(f"| all | {sum(v[0] for v in cls.values())}/{len(pos)} | "
          f"{sum(v[0] for v in cls.values()) / len(pos):.3f} |")
    print("\nsub-classes below 0.95:")
    for (c, s), (h, n) in sorted(sub.items(), key=lambda kv: kv[1][0] / kv[1][1]):
        if h / n < 0.95:
            print(f"  {c}/{s}: {h}/{n} {h / n:.3f}")
    fp = sum(d != "CLEAR" for d, _ in nr)
    block = sum(d == "BLOCK" for d, _ in nr)
    print(f"\nnegatives: {fp}/{len(neg)} not CLEAR ({fp / len(neg):.3%}), {block} BLOCK")
    for r, (d, ids) in zip(neg, nr):
        if d == "BLOCK":
            print(f"  BLOCK {r['q']!r} -> {ids[:2]}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "127.0.0.1:50051")
