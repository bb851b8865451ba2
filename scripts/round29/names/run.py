"""Send every query of a jsonl file to ScreenParty (at most 4 calls in flight); write results jsonl.
python3 run.py HOST:PORT queries.jsonl results.jsonl"""
import json, os, sys, time
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))  # proto_stubs
import grpc
from proto_stubs import pb, pbg as g

DEC = {0: 'UNSPECIFIED', 1: 'CLEAR', 2: 'REVIEW', 3: 'BLOCK'}


def main(target, qpath, opath, window=4):
    ch = grpc.insecure_channel(target)
    grpc.channel_ready_future(ch).result(timeout=30)
    stub = g.ScreeningServiceStub(ch)
    qs = [json.loads(l) for l in open(qpath)]
    out = open(opath, 'w')
    inflight = []
    t0 = time.time()
    done = 0

    def finish(q, fut):
        rec = dict(id=q['id'])
        try:
            r = fut.result()
            rec['decision'] = DEC[r.decision]
            rec['matches'] = [dict(eid=m.entity_id, src=m.source, listed=m.listed_name, matched=m.matched_name,
                                   score=round(m.score, 4), decision=DEC[m.decision]) for m in r.matches]
        except grpc.RpcError as e:
            rec['decision'] = 'ERROR'
            rec['error'] = f'{e.code().name}: {e.details()}'
            rec['matches'] = []
        out.write(json.dumps(rec, ensure_ascii=False) + '\n')

    for q in qs:
        p = q['party']
        party = pb.Party(name=p['name'], type=pb.PartyType.Value(p['type']),
                         date_of_birth=p.get('date_of_birth', ''), country=p.get('country', ''))
        fut = stub.ScreenParty.future(pb.ScreenPartyRequest(request_id=q['id'], party=party), timeout=30)
        inflight.append((q, fut))
        if len(inflight) >= window:
            finish(*inflight.pop(0))
            done += 1
            if done % 10000 == 0:
                print(f'{done} done, {done / (time.time() - t0):.0f}/s', flush=True)
    for x in inflight:
        finish(*x)
    out.close()
    print(f'{len(qs)} queries in {time.time() - t0:.1f}s')


if __name__ == '__main__':
    main(*sys.argv[1:4])
