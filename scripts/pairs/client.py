import os
HERE = os.path.dirname(os.path.abspath(__file__))
import grpc, sys
sys.path.insert(0, os.path.join(HERE, 'out')); sys.path.insert(0, HERE)
from screening.v1 import screening_pb2 as pb, screening_pb2_grpc as rpc
TYPES = {'PERSON': pb.PERSON, 'ORGANIZATION': pb.ORGANIZATION, 'UNSPECIFIED': pb.PARTY_TYPE_UNSPECIFIED, '': pb.PARTY_TYPE_UNSPECIFIED}
def stub(addr='127.0.0.1:53051'):
    return rpc.ScreeningServiceStub(grpc.insecure_channel(addr))
def compare(s, a, b, typ='PERSON', a_extra=None, b_extra=None, timeout=10):
    q = pb.Party(name=a, type=TYPES[typ], **(a_extra or {}))
    c = pb.Party(name=b, type=TYPES[typ], **(b_extra or {}))
    r = s.Compare(pb.CompareRequest(query=q, candidate=c), timeout=timeout)
    return r.score, pb.Decision.Name(r.decision), r.matched_name, [(f.feature, round(f.score,3), pb.FeatureOutcome.Name(f.outcome), f.detail) for f in r.features]
if __name__ == '__main__':
    s = stub()
    typ = sys.argv[3] if len(sys.argv) > 3 else 'PERSON'
    print(compare(s, sys.argv[1], sys.argv[2], typ))
    print(compare(s, sys.argv[2], sys.argv[1], typ))
