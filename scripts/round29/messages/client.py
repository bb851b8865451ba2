import os, sys, time, grpc
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))  # proto_stubs
from proto_stubs import pb, pbg as g
DEC = {0: 'UNSPECIFIED', 1: 'CLEAR', 2: 'REVIEW', 3: 'BLOCK'}
ROLE = pb.PartyRole
def stub(addr):
    ch = grpc.insecure_channel(addr, options=[('grpc.max_send_message_length', 64 << 20), ('grpc.max_receive_message_length', 64 << 20)])
    return ch, g.ScreeningServiceStub(ch)
def health(ch, timeout=5):
    # grpc.health.v1.Health/Check with raw protobuf (empty request; response field 1 = status enum)
    try:
        f = ch.unary_unary('/grpc.health.v1.Health/Check', request_serializer=lambda b: b, response_deserializer=lambda b: b)
        b = f(b'', timeout=timeout)
        st = b[1] if len(b) >= 2 and b[0] == 0x08 else 0
        return {0: 'UNKNOWN', 1: 'SERVING', 2: 'NOT_SERVING', 3: 'SERVICE_UNKNOWN'}.get(st, str(st))
    except grpc.RpcError as e:
        return 'ERR ' + e.code().name
def screen(st, msg, fmt=0, rid='', timeout=30):
    t = time.perf_counter()
    try:
        r = st.ScreenMessage(pb.ScreenMessageRequest(request_id=rid, message=msg, format=fmt), timeout=timeout)
        dt = time.perf_counter() - t
        hits = [dict(path=h.path, role=ROLE.Name(h.role), text=h.text, decision=DEC[h.decision], span=[h.span_start, h.span_end],
                     matches=[dict(id=m.entity_id, name=m.listed_name, matched=m.matched_name, score=round(m.score, 3), decision=DEC[m.decision]) for m in h.matches])
                for h in r.hits]
        return dict(ok=True, decision=DEC[r.decision], type=r.message_type, hits=hits, fields=r.fields_screened, msgid=r.message_id, ms=dt * 1000)
    except grpc.RpcError as e:
        return dict(ok=False, code=e.code().name, detail=(e.details() or '')[:500], ms=(time.perf_counter() - t) * 1000)
