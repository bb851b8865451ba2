"""End-to-end tests of the screener binary from the point of view of an outside client.

The client here knows nothing of the project's code: there is no generated code and no .proto
file is read. Like grpcurl, it learns the API from the running server through gRPC server
reflection (v1alpha) and builds messages dynamically from the descriptors it receives. This
checks both that reflection is complete enough for a stranger to use the service and that the
service behaves as documented on real sanctions lists.

Environment:
  SCREENER_BIN   server binary (default: target/release/screener under the repo root)
  SCREENER_DATA  directory holding the list files (default: tests/data/lists, the excerpts of the
                 official lists committed in the repository; e.g. ../shared/data for the full ones)
"""
import os
import queue
import re
import subprocess
import threading
import time
from pathlib import Path

import grpc
import pytest
from google.protobuf import descriptor_pool, json_format, message_factory
from grpc_reflection.v1alpha.proto_reflection_descriptor_database import (
    ProtoReflectionDescriptorDatabase,
)

REPO_ROOT = Path(__file__).resolve().parents[2]
SCREENING = "screening.v1.ScreeningService"
HEALTH = "grpc.health.v1.Health"
SOURCES = ("ca-sema", "us-ofac-sdn", "uk-ofsi")
STARTUP_TIMEOUT = 60
RPC_TIMEOUT = 30

ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
LISTENING = re.compile(r"listening on (\S+)")


def _path_from_env(var, default):
    p = Path(os.environ.get(var, default))
    return p if p.is_absolute() else REPO_ROOT / p


@pytest.fixture(scope="session")
def server_addr():
    """Starts `screener serve` on a free port and yields its address once it is SERVING."""
    binary = _path_from_env("SCREENER_BIN", "target/release/screener")
    data = _path_from_env("SCREENER_DATA", "tests/data/lists")
    if not binary.exists():
        pytest.fail(f"server binary not found: {binary} (set SCREENER_BIN)")
    cmd = [
        str(binary), "serve", "--listen", "127.0.0.1:0",
        "--source", f"ca-sema={data / 'canada/sema-lmes_2025-09-22.xml'}",
        "--source", f"us-ofac-sdn={data / 'ofac/sdn_2023-12-28.csv'}",
        "--source", f"uk-ofsi={data / 'uk/ConList_2025-04-10.csv'}",
    ]
    proc = subprocess.Popen(
        cmd, cwd=REPO_ROOT, env={**os.environ, "RUST_LOG": "info"},
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        text=True, encoding="utf-8", errors="replace",
    )
    log, addr_q = [], queue.Queue()

    def drain():
        # Keeps reading for the whole session so the stderr pipe never fills up.
        for line in proc.stderr:
            line = ANSI.sub("", line.rstrip("\n"))
            log.append(line)
            m = LISTENING.search(line)
            if m:
                addr_q.put(m.group(1))
        addr_q.put(None)  # stderr closed: the process has exited

    threading.Thread(target=drain, daemon=True).start()
    try:
        try:
            addr = addr_q.get(timeout=STARTUP_TIMEOUT)
        except queue.Empty:
            addr = None
        if addr is None:
            pytest.fail("server did not report its address; stderr:\n" + "\n".join(log[-30:]))

        # Health is looked up through reflection too; it says NOT_SERVING while lists load.
        with grpc.insecure_channel(addr) as ch:
            grpc.channel_ready_future(ch).result(timeout=STARTUP_TIMEOUT)
            check = Api(ch).method(HEALTH, "Check")
            deadline, status = time.monotonic() + STARTUP_TIMEOUT, None
            while time.monotonic() < deadline:
                try:
                    status = check({"service": ""}, timeout=5).get("status")
                except grpc.RpcError as e:
                    status = e.code().name
                if status == "SERVING":
                    break
                if proc.poll() is not None:
                    break
                time.sleep(0.2)
            if status != "SERVING":
                pytest.fail(f"server never became SERVING (last status {status}); stderr:\n"
                            + "\n".join(log[-30:]))
        yield addr
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


class Api:
    """Dynamic client: every message class comes from descriptors fetched by reflection."""

    def __init__(self, channel):
        self.channel = channel
        self.db = ProtoReflectionDescriptorDatabase(channel)
        self.pool = descriptor_pool.DescriptorPool(self.db)

    def _types(self, service, name):
        md = self.pool.FindServiceByName(service).FindMethodByName(name)
        return (md, message_factory.GetMessageClass(md.input_type),
                message_factory.GetMessageClass(md.output_type))

    def method(self, service, name):
        """Returns a callable taking a request dict and returning the response as a dict."""
        _, req_cls, resp_cls = self._types(service, name)
        stub = self.channel.unary_unary(f"/{service}/{name}",
                                        request_serializer=req_cls.SerializeToString,
                                        response_deserializer=resp_cls.FromString)

        def call(request, timeout=RPC_TIMEOUT):
            msg = json_format.ParseDict(request, req_cls())
            return json_format.MessageToDict(stub(msg, timeout=timeout))

        return call

    def stream(self, service, name):
        """Returns a callable taking an iterable of request dicts and yielding response dicts."""
        _, req_cls, resp_cls = self._types(service, name)
        stub = self.channel.stream_stream(f"/{service}/{name}",
                                          request_serializer=req_cls.SerializeToString,
                                          response_deserializer=resp_cls.FromString)

        def call(requests, timeout=RPC_TIMEOUT):
            msgs = (json_format.ParseDict(r, req_cls()) for r in requests)
            return [json_format.MessageToDict(m) for m in stub(msgs, timeout=timeout)]

        return call


@pytest.fixture(scope="session")
def api(server_addr):
    # Large sends allowed so that the server, not the client, enforces the size limit.
    with grpc.insecure_channel(server_addr,
                               options=[("grpc.max_send_message_length", -1)]) as ch:
        grpc.channel_ready_future(ch).result(timeout=STARTUP_TIMEOUT)
        yield Api(ch)


@pytest.fixture(scope="session")
def screen_party(api):
    return api.method(SCREENING, "ScreenParty")


def person(name, **extra):
    return {"name": name, "type": "PERSON", **extra}


def org(name):
    return {"name": name, "type": "ORGANIZATION"}


LUKASHENKO_SPELLINGS = [
    "Aleksandr Lukashenko",
    "LUKASHENKA Aliaksandr",
    "Александр Лукашенко",
    "Аляксандр Рыгоравіч Лукашэнка",
]


def test_reflection_describes_the_api(api):
    services = api.db.get_services()
    assert SCREENING in services
    assert HEALTH in services
    svc = api.pool.FindServiceByName(SCREENING)
    methods = {m.name for m in svc.methods}
    assert {"ScreenParty", "ScreenPayment", "ScreenStream", "GetListStatus", "Compare"} <= methods
    stream = svc.FindMethodByName("ScreenStream")
    assert stream.client_streaming and stream.server_streaming


@pytest.mark.parametrize("name", LUKASHENKO_SPELLINGS,
                         ids=["latin", "latin-belarusian", "russian", "belarusian"])
def test_listed_person_matches_on_every_list(screen_party, name):
    request_id = f"luk-{LUKASHENKO_SPELLINGS.index(name)}"
    resp = screen_party({"requestId": request_id, "party": person(name)})
    assert resp.get("requestId") == request_id
    assert resp.get("listVersion")
    assert resp.get("decision") in ("BLOCK", "REVIEW"), resp
    sources = {m.get("source") for m in resp.get("matches", [])}
    assert set(SOURCES) <= sources, f"{name!r} matched only {sorted(sources)}"


def test_unlisted_person_is_clear(screen_party):
    resp = screen_party({"requestId": "tsikh", "party": person("Sviatlana Tsikhanouskaya")})
    assert resp.get("requestId") == "tsikh"
    assert resp.get("listVersion")
    assert resp.get("decision") == "CLEAR", resp
    assert not resp.get("matches"), resp


@pytest.mark.parametrize("name", ["Belaruskali", "ОАО «Беларуськалий»"], ids=["latin", "russian"])
def test_listed_organisation_is_flagged(screen_party, name):
    resp = screen_party({"requestId": "org", "party": org(name)})
    assert resp.get("requestId") == "org"
    assert resp.get("listVersion")
    assert resp.get("decision") not in (None, "CLEAR", "DECISION_UNSPECIFIED"), resp
    assert len(resp.get("matches", [])) >= 1, resp


def test_list_status(api, screen_party):
    status = api.method(SCREENING, "GetListStatus")({})
    by_id = {s["id"]: s for s in status.get("sources", [])}
    assert set(SOURCES) <= set(by_id), sorted(by_id)
    expected_in_scope = {"ca-sema": 320, "us-ofac-sdn": 210, "uk-ofsi": 167}
    for sid, count in expected_in_scope.items():
        src = by_id[sid]
        assert src.get("entitiesInScope") == count, src
        assert re.fullmatch(r"[0-9a-f]{64}", src.get("sha256", "").lower()), src
        assert src.get("loadedAt"), src
    assert by_id["uk-ofsi"].get("listDate") == "2025-04-10"

    screened = screen_party({"requestId": "ver", "party": person("Aleksandr Lukashenko")})
    assert status.get("listVersion")
    assert status["listVersion"] == screened.get("listVersion")


def test_screen_payment(api):
    resp = api.method(SCREENING, "ScreenPayment")({
        "requestId": "pay-1",
        "paymentId": "E2E-0001",
        "debtor": person("Aleksandr Lukashenko"),
        "creditor": person("John Smith"),
        "debtorAgent": {"bic": "DEUTDEFF", "name": "Deutsche Bank"},
    })
    assert resp.get("decision") == "BLOCK", resp
    parties = resp.get("parties", [])
    roles = [p.get("role") for p in parties]
    assert sorted(roles) == sorted(["DEBTOR", "CREDITOR", "DEBTOR_AGENT"]), roles
    by_role = {p["role"]: p for p in parties}
    assert by_role["DEBTOR"].get("decision") == "BLOCK", by_role["DEBTOR"]
    assert by_role["CREDITOR"].get("decision") == "CLEAR", by_role["CREDITOR"]


def test_screen_stream_keeps_order(api):
    listed = LUKASHENKO_SPELLINGS + ["Belaruskali"]
    unlisted = ["John Smith", "Sviatlana Tsikhanouskaya", "Maria Garcia", "Hiroshi Tanaka"]
    requests = []
    for i in range(50):
        name = listed[i // 2 % len(listed)] if i % 2 == 0 else unlisted[i // 2 % len(unlisted)]
        kind = "ORGANIZATION" if name == "Belaruskali" else "PERSON"
        requests.append({"requestId": f"s{i}", "party": {"name": name, "type": kind}})

    responses = api.stream(SCREENING, "ScreenStream")(iter(requests), timeout=60)
    assert len(responses) == 50
    assert [r.get("requestId") for r in responses] == [f"s{i}" for i in range(50)]
    for i, r in enumerate(responses):
        assert r.get("listVersion"), r
        if i % 2 == 0:
            assert r.get("decision") in ("BLOCK", "REVIEW"), (requests[i], r)


@pytest.mark.parametrize("party, hints", [
    pytest.param({"name": "", "type": "PERSON"}, ("name", "identifier"), id="empty-name"),
    pytest.param(person("a" * 1025), ("1024", "long", "length"), id="name-1025-chars"),
    # A line break is a space (payment fields wrap names at 35 characters); a bell is not.
    pytest.param(person("John\x07Smith"), ("control",), id="name-with-control-character"),
    pytest.param(person("John Smith", dateOfBirth="30.08.1954"), ("date",), id="bad-dob"),
])
def test_bad_input_is_invalid_argument(screen_party, party, hints):
    with pytest.raises(grpc.RpcError) as exc:
        screen_party({"requestId": "bad", "party": party})
    e = exc.value
    assert e.code() == grpc.StatusCode.INVALID_ARGUMENT, (e.code(), e.details())
    assert e.details(), "error has no message"
    assert any(h in e.details().lower() for h in hints), e.details()


def test_oversized_request_is_resource_exhausted(screen_party):
    with pytest.raises(grpc.RpcError) as exc:
        screen_party({"requestId": "huge", "party": person("a" * 1_000_000)})
    assert exc.value.code() == grpc.StatusCode.RESOURCE_EXHAUSTED, exc.value.details()


def test_compare(api):
    resp = api.method(SCREENING, "Compare")({
        "query": person("Alexander Lukaschenko"),
        "candidate": person("Aleksandr Grigoryevich Lukashenko"),
    })
    assert resp.get("score", 0.0) >= 0.8, resp
    assert any(f.get("feature") == "name" for f in resp.get("features", [])), resp
