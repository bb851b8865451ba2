"""Training load for a profile-guided build (scripts/pgo/build.sh runs it; see README, Performance).

Drives an instrumented server with what a bank's traffic looks like to the code, not with the
benchmarks' payloads: every name the given list files publish (people and organisations of all
programmes, most of them not on the Belarus lists, so most answers are CLEAR or REVIEW after a
full retrieval), each also with its words reversed, with one letter dropped and in lower case;
the payment messages in tests/data/messages; health checks. The names come from the list files
themselves, read here with Python's csv and XML readers, not from screener's parsers.

    python3 scripts/pgo/train.py ADDR OFAC_CSV UK_CSV CANADA_XML [--names-out PATH]

--names-out also writes the names, one per line, for the benchmark's training run
(SCREENER_BENCH_NAMES_FILE).
"""
import argparse
import concurrent.futures
import csv
import glob
import os
import random
import sys
import xml.etree.ElementTree as ET

import grpc

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "out"))
from screening.v1 import screening_pb2 as pb, screening_pb2_grpc as pbg  # noqa: E402


def ofac_names(path):
    with open(path, encoding="latin-1", newline="") as f:
        for row in csv.reader(f):
            if len(row) > 2 and row[1].strip() and row[1].strip() != "-0-":
                yield row[1].strip(), row[2].strip().lower() == "individual"


def uk_names(path):
    with open(path, encoding="utf-8-sig", errors="replace", newline="") as f:
        rows = csv.reader(f)
        next(rows, None)
        header = next(rows, None) or []
        col = {h: i for i, h in enumerate(header)}
        for row in rows:
            if "Name 6" not in col or len(row) < len(header):
                continue
            given = [row[col[f"Name {i}"]] for i in range(1, 6) if row[col[f"Name {i}"]].strip()]
            surname = row[col["Name 6"]].strip()
            person = row[col.get("Group Type", 0)].strip().lower() == "individual"
            if surname:
                yield " ".join(given + [surname]), person


def canada_names(path):
    for rec in ET.parse(path).getroot().iter("record"):
        entity = (rec.findtext("EntityOrShip") or "").strip()
        if entity:
            yield entity, False
        else:
            name = " ".join(x for x in [(rec.findtext("GivenName") or "").strip(), (rec.findtext("LastName") or "").strip()] if x)
            if name:
                yield name, True


def variants(name, rnd):
    yield name
    words = name.split()
    if len(words) > 1:
        yield " ".join(reversed(words))
    if len(name) > 4:
        i = rnd.randrange(1, len(name) - 1)
        yield name[:i] + name[i + 1:]
    yield name.lower()


def main():
    ap = argparse.ArgumentParser()
    for a in ("addr", "ofac", "uk", "canada"):
        ap.add_argument(a)
    ap.add_argument("--names-out")
    args = ap.parse_args()
    rnd = random.Random(7)
    parties = []
    for source in (ofac_names(args.ofac), uk_names(args.uk), canada_names(args.canada)):
        for name, person in source:
            for v in variants(name, rnd):
                parties.append(pb.Party(name=v, type=pb.PERSON if person else pb.ORGANIZATION))
    rnd.shuffle(parties)
    if args.names_out:
        with open(args.names_out, "w", encoding="utf-8") as f:
            f.writelines(" ".join(p.name.split()) + "\n" for p in parties)
    messages = sorted(glob.glob(os.path.join(HERE, "..", "..", "tests", "data", "messages", "*")))
    channel = grpc.insecure_channel(args.addr)
    stub = pbg.ScreeningServiceStub(channel)
    decisions = {}

    def one(party):
        try:
            r = stub.ScreenParty(pb.ScreenPartyRequest(party=party))
        except grpc.RpcError as e:
            # A name with nothing to screen is refused, as it should be; anything else (the
            # server gone, overloaded) would leave a profile of error paths: stop.
            if e.code() != grpc.StatusCode.INVALID_ARGUMENT:
                raise
            return e.code().name
        return pb.Decision.Name(r.decision)

    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        for d in pool.map(one, parties, chunksize=64):
            decisions[d] = decisions.get(d, 0) + 1
    requests = []
    for m in messages:
        with open(m, encoding="utf-8") as f:
            fmt = pb.SWIFT_MT if m.endswith(".fin") else pb.MESSAGE_FORMAT_UNSPECIFIED
            requests.append(pb.ScreenMessageRequest(message=f.read(), format=fmt))
    for _ in range(50):
        for request in requests:
            stub.ScreenMessage(request)
    print(f"trained on {len(parties)} parties: {decisions}; {50 * len(messages)} messages")


if __name__ == "__main__":
    main()
