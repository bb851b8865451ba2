import os
HERE=os.path.dirname(os.path.abspath(__file__))
import grpc, sys, time
sys.path.insert(0,os.path.join(HERE,'..','out')); sys.path.insert(0,HERE)
from screening.v1 import screening_pb2 as pb, screening_pb2_grpc as pbg
ch=grpc.insecure_channel(os.environ.get('SCREENER_ADDR','127.0.0.1:52051'), options=[('grpc.max_send_message_length',8<<20),('grpc.max_receive_message_length',8<<20)])
stub=pbg.ScreeningServiceStub(ch)
DEC={0:'UNSPEC',1:'CLEAR',2:'REVIEW',3:'BLOCK'}
def screen(msg, fmt=0, timeout=20):
    """returns dict: ok, decision, hits[(path,role,decision,[ids],text,span)], err"""
    t=time.time()
    try:
        r=stub.ScreenMessage(pb.ScreenMessageRequest(request_id='t',message=msg,format=fmt),timeout=timeout)
    except grpc.RpcError as e:
        return {'ok':False,'code':e.code().name,'err':e.details(),'ms':(time.time()-t)*1000}
    hits=[(h.path,pb.PartyRole.Name(h.role),DEC[h.decision],[m.entity_id for m in h.matches],h.text,(h.span_start,h.span_end)) for h in r.hits]
    return {'ok':True,'decision':DEC[r.decision],'type':r.message_type,'hits':hits,'fields':r.fields_screened,'ms':(time.time()-t)*1000}
def party(name, typ=0):
    r=stub.ScreenParty(pb.ScreenPartyRequest(party=pb.Party(name=name,type=typ)))
    return DEC[r.decision],[(m.entity_id,round(m.score,3),m.matched_name) for m in r.matches]
