import json, os, sys, time, grpc
from concurrent.futures import ThreadPoolExecutor
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, 'out'))
from screening.v1 import screening_pb2 as pb, screening_pb2_grpc as g

ch = grpc.insecure_channel(os.environ.get('SCREENER_ADDR', '127.0.0.1:52051'))
stub = g.ScreeningServiceStub(ch)
cases = [json.loads(l) for l in open(os.path.join(HERE, 'out', 'cases.jsonl'))]


def one(i_c):
    i, c = i_c
    party = pb.Party(name=c['query'], type=pb.PartyType.Value(c['type']), date_of_birth=c['dob'], country=c['country'])
    out = dict(c)
    try:
        r = stub.ScreenParty(pb.ScreenPartyRequest(request_id='a49-%d' % i, party=party), timeout=10)
        out['status'] = 'OK'
        out['decision'] = pb.Decision.Name(r.decision)
        out['matches'] = [dict(id=m.entity_id, listed=m.listed_name, matched=m.matched_name, score=round(m.score, 4),
                               decision=pb.Decision.Name(m.decision)) for m in r.matches[:5]]
        out['n_matches'] = len(r.matches)
        out['expected_hit'] = any(m.entity_id == c['expect_id'] for m in r.matches) if c['expect_id'] else None
        if r.request_id != 'a49-%d' % i: out['echo_mismatch'] = r.request_id
    except grpc.RpcError as ex:
        out['status'] = ex.code().name
        out['error'] = ex.details()
        out['decision'] = None
    return out


t = time.time()
with ThreadPoolExecutor(4) as ex, open(os.path.join(HERE, 'out', 'results.jsonl'), 'w') as f:
    for res in ex.map(one, enumerate(cases), chunksize=64):
        f.write(json.dumps(res, ensure_ascii=False) + '\n')
print('done', len(cases), time.time() - t)
