#!/usr/bin/env python3
"""python3 run.py PORT IN.jsonl OUT.jsonl  -- screens every query with ScreenParty (8 in flight), writes one result line per query."""
import sys, json, time, grpc
from concurrent.futures import ThreadPoolExecutor
import os, subprocess
HERE = os.path.dirname(os.path.abspath(__file__))
STUBS = os.path.join(HERE, 'stubs')
PROTO = os.path.join(HERE, '..', '..', 'proto')
if not os.path.exists(os.path.join(STUBS, 'screening', 'v1', 'screening_pb2.py')):
    os.makedirs(STUBS, exist_ok=True)
    subprocess.check_call([sys.executable, '-m', 'grpc_tools.protoc', '-I' + PROTO, '--python_out=' + STUBS,
                           '--grpc_python_out=' + STUBS, os.path.join(PROTO, 'screening', 'v1', 'screening.proto')])
sys.path.insert(0, STUBS)
from screening.v1 import screening_pb2 as pb, screening_pb2_grpc as pbg

port, inp, outp = sys.argv[1], sys.argv[2], sys.argv[3]
target = port if ':' in port else f'127.0.0.1:{port}'
ch = grpc.insecure_channel(target)
stub = pbg.ScreeningServiceStub(ch)
Q = [json.loads(l) for l in open(inp)]
TYPES = {'PERSON': pb.PERSON, 'ORGANIZATION': pb.ORGANIZATION, 'UNSPECIFIED': pb.PARTY_TYPE_UNSPECIFIED}
DEC = {0: 'UNSPECIFIED', 1: 'CLEAR', 2: 'REVIEW', 3: 'BLOCK'}


def one(q):
    req = pb.ScreenPartyRequest(request_id=q['id'], party=pb.Party(name=q['name'], type=TYPES[q['type']]))
    for attempt in range(3):
        try:
            r = stub.ScreenParty(req, timeout=30)
            return {'id': q['id'], 'decision': DEC[r.decision],
                    'matches': [{'eid': m.entity_id, 'name': m.listed_name, 'matched': m.matched_name, 'score': round(m.score, 3)} for m in r.matches[:6]]}
        except grpc.RpcError as e:
            err = f'{e.code().name}: {e.details()}'
            if e.code() == grpc.StatusCode.INVALID_ARGUMENT:
                break
            time.sleep(0.5)
    return {'id': q['id'], 'decision': 'ERROR', 'error': err, 'matches': []}


t0 = time.time()
with ThreadPoolExecutor(8) as ex, open(outp, 'w') as f:
    for i, r in enumerate(ex.map(one, Q)):
        f.write(json.dumps(r, ensure_ascii=False) + '\n')
print(f'{len(Q)} queries in {time.time() - t0:.1f}s -> {outp}', file=sys.stderr)
