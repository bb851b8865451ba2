import os
HERE = os.path.dirname(os.path.abspath(__file__))
import json, sys, time, grpc
from concurrent.futures import ThreadPoolExecutor
sys.path.insert(0, os.path.join(HERE, 'out')); sys.path.insert(0, HERE)
from screening.v1 import screening_pb2 as pb, screening_pb2_grpc as rpc
ADDR = sys.argv[1] if len(sys.argv) > 1 else '127.0.0.1:53051'
T = {'PERSON': pb.PERSON, 'ORGANIZATION': pb.ORGANIZATION, 'UNSPECIFIED': pb.PARTY_TYPE_UNSPECIFIED}
stub = rpc.ScreeningServiceStub(grpc.insecure_channel(ADDR))
def party(d, side):
    kw = dict(name=d[side], type=T[d['type']])
    if d.get(side + '_dob'): kw['date_of_birth'] = d[side + '_dob']
    if d.get(side + '_country'): kw['country'] = d[side + '_country']
    return pb.Party(**kw)
def call(q, c):
    t = time.time()
    try:
        r = stub.Compare(pb.CompareRequest(query=q, candidate=c), timeout=10)
        return dict(score=r.score, decision=pb.Decision.Name(r.decision), ms=round((time.time()-t)*1000, 1),
                    detail=' | '.join(f"{f.feature}={f.score:.3f}:{pb.FeatureOutcome.Name(f.outcome)}:{f.detail}" for f in r.features))
    except grpc.RpcError as e:
        return dict(score=None, decision=None, error=f"{e.code().name}: {e.details()}", ms=round((time.time()-t)*1000, 1))
def run(d):
    ab = call(party(d, 'a'), party(d, 'b')); ba = call(party(d, 'b'), party(d, 'a'))
    return dict(d, ab=ab, ba=ba)
pairs = [json.loads(l) for l in open(os.path.join(HERE, 'out', 'pairs.jsonl'))]
t0 = time.time()
with ThreadPoolExecutor(4) as ex: res = list(ex.map(run, pairs))
with open(os.path.join(HERE, 'out', 'results.jsonl'), 'w') as f:
    for r in res: f.write(json.dumps(r, ensure_ascii=False) + '\n')
print(len(res), 'pairs in', round(time.time() - t0, 1), 's')
