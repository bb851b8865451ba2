"""Screens the same parties on two running servers and reports every difference in decision,
matched entities, scores (to 1e-4), matched names, the party's fingerprint or a refusal: the
check that a change meant to leave answers alone (a faster retrieval) did. Talks gRPC by
reflection, so it needs no generated code.

    python3 scripts/same-answers.py HOST:PORT_A HOST:PORT_B QUERIES.jsonl

QUERIES.jsonl: one party per line, either `{"party": {...}}` (the dev set) or the party itself
(`{"name": ..., "type": ...}`, the outside attack's queries); other fields are ignored. Exits 1
when any party differs.
"""
import json
import sys
from concurrent.futures import ThreadPoolExecutor

import grpc
from google.protobuf import json_format, message_factory
from google.protobuf.descriptor_pool import DescriptorPool
from grpc_reflection.v1alpha.proto_reflection_descriptor_database import ProtoReflectionDescriptorDatabase


def client(addr):
    ch = grpc.insecure_channel(addr)
    pool = DescriptorPool(ProtoReflectionDescriptorDatabase(ch))
    m = pool.FindServiceByName("screening.v1.ScreeningService").methods_by_name["ScreenParty"]
    req_t = message_factory.GetMessageClass(m.input_type)
    resp_t = message_factory.GetMessageClass(m.output_type)
    call = ch.unary_unary("/screening.v1.ScreeningService/ScreenParty",
                          request_serializer=req_t.SerializeToString, response_deserializer=resp_t.FromString)

    def screen(party):
        try:
            d = json_format.MessageToDict(call(json_format.ParseDict({"party": party}, req_t()), timeout=60))
        except grpc.RpcError as e:  # a refusal is an answer too: its status and message compared
            return "ERROR", e.code().name, e.details()
        matches = sorted((m["entityId"], round(m.get("score", 0), 4), m.get("matchedName", ""))
                         for m in d.get("matches", []))
        return d.get("decision", "CLEAR"), matches, d.get("partyFingerprint", "")
    return screen


def parties(path):
    seen = set()
    for line in open(path, encoding="utf-8"):
        q = json.loads(line)
        p = q.get("party", q)
        p = {k: p[k] for k in ("name", "type") if p.get(k) not in (None, "", "UNSPECIFIED")}
        key = json.dumps(p, sort_keys=True)
        if key not in seen:
            seen.add(key)
            yield p


def main():
    a, b = client(sys.argv[1]), client(sys.argv[2])
    todo = list(parties(sys.argv[3]))
    with ThreadPoolExecutor(4) as ex:
        results = ex.map(lambda p: (p, a(p), b(p)), todo)
        differ = [(p, ra, rb) for p, ra, rb in results if ra != rb]
    for p, ra, rb in differ:
        print("DIFF", json.dumps(p, ensure_ascii=False), ra, rb)
    print(f"{len(todo)} parties, {len(differ)} differ")
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
