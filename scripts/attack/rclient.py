import grpc, json
from grpc_reflection.v1alpha import reflection_pb2, reflection_pb2_grpc
from google.protobuf import descriptor_pb2, descriptor_pool, json_format
try:
    from google.protobuf.message_factory import GetMessageClass
except ImportError:
    GetMessageClass = None
from google.protobuf import message_factory

def load(channel, service="screening.v1.ScreeningService"):
    stub = reflection_pb2_grpc.ServerReflectionStub(channel)
    pool = descriptor_pool.DescriptorPool()
    seen = set()
    def req(**kw):
        return next(iter(stub.ServerReflectionInfo(iter([reflection_pb2.ServerReflectionRequest(**kw)]))))
    pending = [req(file_containing_symbol=service)]
    protos = {}
    while pending:
        r = pending.pop()
        for b in r.file_descriptor_response.file_descriptor_proto:
            fd = descriptor_pb2.FileDescriptorProto.FromString(b)
            if fd.name in protos: continue
            protos[fd.name] = fd
            for dep in fd.dependency:
                if dep not in protos:
                    pending.append(req(file_by_filename=dep))
    added = set()
    def add(name):
        if name in added: return
        for d in protos[name].dependency:
            if d in protos: add(d)
        try: pool.Add(protos[name])
        except Exception: pass
        added.add(name)
    for n in protos: add(n)
    return pool, protos

def msgcls(pool, name):
    d = pool.FindMessageTypeByName(name)
    if GetMessageClass: return GetMessageClass(d)
    return message_factory.MessageFactory(pool).GetPrototype(d)

class Screener:
    def __init__(self, addr):
        self.ch = grpc.insecure_channel(addr)
        self.pool, self.protos = load(self.ch)
        svc = self.pool.FindServiceByName("screening.v1.ScreeningService")
        m = svc.methods_by_name["ScreenParty"]
        self.Req = msgcls(self.pool, m.input_type.full_name)
        self.Resp = msgcls(self.pool, m.output_type.full_name)
        self.call = self.ch.unary_unary("/screening.v1.ScreeningService/ScreenParty",
            request_serializer=lambda x: x.SerializeToString(), response_deserializer=self.Resp.FromString)
    def screen(self, name, typ=None):
        p = {"name": name}
        if typ: p["type"] = typ
        req = json_format.ParseDict({"party": p}, self.Req())
        r = self.call(req, timeout=30)
        return json_format.MessageToDict(r, preserving_proto_field_name=True)
