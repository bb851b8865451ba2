import grpc, sys, json, time
from concurrent.futures import ThreadPoolExecutor
import os
HERE=os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0,os.path.join(HERE,'out'))
from screening.v1 import screening_pb2 as pb, screening_pb2_grpc as pg
ADDR={'BASE':os.environ.get('SCREENER_BASE','127.0.0.1:52051'),'NEW':os.environ.get('SCREENER_NEW','127.0.0.1:52052')}
DEC={0:'UNSPEC',1:'CLEAR',2:'REVIEW',3:'BLOCK'}
_st={}
def stub(k):
    if k not in _st: _st[k]=pg.ScreeningServiceStub(grpc.insecure_channel(ADDR[k]))
    return _st[k]
def screen(k,name,typ):
    req=pb.ScreenPartyRequest(party=pb.Party(name=name,type=pb.PERSON if typ=='PERSON' else pb.ORGANIZATION))
    try:
        r=stub(k).ScreenParty(req,timeout=30)
        return dict(d=DEC[r.decision],m=[(m.entity_id,m.listed_name,m.matched_name,round(m.score,3)) for m in r.matches[:3]])
    except grpc.RpcError as e:
        return dict(d='ERR:'+str(e.code()),m=[],err=e.details())
def run(queries,threads=4):
    """queries: list of dict(name,type,...) -> adds base,new"""
    def one(q):
        q['base']=screen('BASE',q['name'],q['type']); q['new']=screen('NEW',q['name'],q['type']); return q
    t=time.time()
    with ThreadPoolExecutor(threads) as ex: res=list(ex.map(one,queries))
    print('ran %d in %.1fs'%(len(queries),time.time()-t),file=sys.stderr)
    return res
