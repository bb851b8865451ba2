import os, sys, grpc, json, time
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'round29'))  # proto_stubs
from proto_stubs import pb, pbg as g
from concurrent.futures import ThreadPoolExecutor
# NEW and BASE servers (HOST:PORT), from the environment (run_all.sh sets them)
S={'N':g.ScreeningServiceStub(grpc.insecure_channel(os.environ['NEW'])),'B':g.ScreeningServiceStub(grpc.insecure_channel(os.environ['BASE']))}
def one(srv,name,typ=1,dob='',country=''):
    try:
        r=S[srv].ScreenParty(pb.ScreenPartyRequest(party=pb.Party(name=name,type=typ,date_of_birth=dob,country=country)),timeout=30)
        ms=[(m.listed_name,m.matched_name,round(m.score,3),pb.Decision.Name(m.decision),m.entity_id) for m in r.matches]
        return pb.Decision.Name(r.decision), ms
    except grpc.RpcError as e:
        return 'ERR:'+str(e.code()), [e.details()]
def both(qs, workers=4):
    # qs: list of (name,typ) ; returns list of (q, new, base)
    jobs=[(s,q) for q in qs for s in 'NB']
    with ThreadPoolExecutor(workers) as ex:
        res=list(ex.map(lambda j: one(j[0],*j[1]) , jobs))
    out=[]
    for i,q in enumerate(qs):
        out.append((q,res[2*i],res[2*i+1]))
    return out
def short(d): return d[0].replace('DECISION_','')
