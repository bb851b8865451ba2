"""Adversarial recall and false-positive test of the screener binary over gRPC.

The queries come from tests/python/adversarial.py, which parses the three official list files
itself and perturbs every listed Belarus name (16 kinds of perturbation: extra words, dropped
parts, truncation, initials, homoglyphs, invisible characters, dropped vowels, typos, OCR slips,
other scripts, joined/split words, identity, legal forms, role swaps, nicknames, wrapped
lines), plus the same perturbations of unlisted people and companies as negatives.

The thresholds are the targets set by the issue, not today's figures: this test is expected to
fail until the matcher reaches them. The per-kind table is printed whether or not it passes.

Environment: SCREENER_BIN, SCREENER_DATA (as for test_grpcio_reflection.py);
ADVERSARIAL_THREADS (default 8).
"""
import os
import queue
import re
import subprocess
import sys
import threading
import time
from pathlib import Path

import grpc
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
import adversarial as adv  # noqa: E402

REPO_ROOT = Path(__file__).resolve().parents[2]
STARTUP_TIMEOUT = 60
ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
LISTENING = re.compile(r"listening on (\S+)")


def _path_from_env(var, default):
    p = Path(os.environ.get(var, default))
    return p if p.is_absolute() else REPO_ROOT / p


def _wait_serving(addr, proc, log):
    from google.protobuf import descriptor_pool, message_factory
    from grpc_reflection.v1alpha.proto_reflection_descriptor_database import (
        ProtoReflectionDescriptorDatabase,
    )
    with grpc.insecure_channel(addr) as ch:
        grpc.channel_ready_future(ch).result(timeout=STARTUP_TIMEOUT)
        pool = descriptor_pool.DescriptorPool(ProtoReflectionDescriptorDatabase(ch))
        md = pool.FindServiceByName("grpc.health.v1.Health").FindMethodByName("Check")
        req_cls = message_factory.GetMessageClass(md.input_type)
        resp_cls = message_factory.GetMessageClass(md.output_type)
        check = ch.unary_unary("/grpc.health.v1.Health/Check",
                               request_serializer=req_cls.SerializeToString,
                               response_deserializer=resp_cls.FromString)
        serving = md.output_type.fields_by_name["status"].enum_type.values_by_name["SERVING"]
        deadline, status = time.monotonic() + STARTUP_TIMEOUT, None
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                status = check(req_cls(service=""), timeout=5).status
            except grpc.RpcError as e:
                status = e.code().name
            if status == serving.number:
                return
            time.sleep(0.2)
    pytest.fail(f"server never became SERVING (last status {status}); stderr:\n"
                + "\n".join(log[-30:]))


@pytest.fixture(scope="module")
def adversarial_server():
    """Starts `screener serve` on a free port (as test_grpcio_reflection.py does)."""
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
        for line in proc.stderr:
            line = ANSI.sub("", line.rstrip("\n"))
            log.append(line)
            m = LISTENING.search(line)
            if m:
                addr_q.put(m.group(1))
        addr_q.put(None)

    threading.Thread(target=drain, daemon=True).start()
    try:
        try:
            addr = addr_q.get(timeout=STARTUP_TIMEOUT)
        except queue.Empty:
            addr = None
        if addr is None:
            pytest.fail("server did not report its address; stderr:\n" + "\n".join(log[-30:]))
        _wait_serving(addr, proc, log)
        yield addr
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture(scope="module")
def adversarial_stats(adversarial_server, request):
    data = os.environ.get("SCREENER_DATA")
    entities = adv.load_lists(_path_from_env("SCREENER_DATA", data) if data else None)
    queries, _, _ = adv.build_queries(entities)
    t0 = time.monotonic()
    results = adv.run(adversarial_server, queries,
                      threads=int(os.environ.get("ADVERSARIAL_THREADS", "8")))
    elapsed = time.monotonic() - t0
    stats = adv.evaluate(queries, results)
    report = adv.format_report(stats, examples=10, elapsed=elapsed, nqueries=len(results))
    # Shown with or without -s: printed with capture suspended.
    capman = request.config.pluginmanager.getplugin("capturemanager")
    if capman is not None:
        with capman.global_and_fixture_disabled():
            print("\n" + report, flush=True)
    else:
        print(report)
    return stats


POSITIVE_KINDS = [k for k in adv.KINDS if k not in adv.NEGATIVE_ONLY]

# Kinds still below the target (README, "Matching"), held at the recall measured when they
# were last worked on, so that they cannot get worse unnoticed. None at present: other scripts
# (kind 10) reached it with script-aware consonant-class readings.
KNOWN_SHORT = {}
KNOWN_FP = {}


@pytest.mark.parametrize("kind", POSITIVE_KINDS, ids=[f"{k}-{adv.KINDS[k]}" for k in POSITIVE_KINDS])
def test_recall(adversarial_stats, kind):
    st = adversarial_stats[kind]
    assert st["pos"] > 0, "no positives generated"
    recall = st["found"] / st["pos"]
    target = KNOWN_SHORT.get(kind, adv.RECALL_TARGET[kind])
    examples = "\n".join(f"  {q.name!r} ({q.sub}) expected {q.expect}, got {d}"
                         + (f" [{e}]" if e else "")
                         for q, d, e, _ in adv._spread(st["misses"], 10))
    assert recall >= target, (f"kind {kind} ({adv.KINDS[kind]}): recall {recall:.3f} "
                              f"({st['found']}/{st['pos']}) < {target}\n{examples}")


def test_identity_is_block_of_own_entity(adversarial_stats):
    st = adversarial_stats[12]
    examples = "\n".join(f"  {q.name!r} expected BLOCK {q.expect}, got {d} {m}"
                         for q, d, _, m in st["misses"][:10])
    assert st["found"] == st["pos"], (f"{st['pos'] - st['found']} of {st['pos']} listed names "
                                      f"are not BLOCK of their own entity\n{examples}")


def test_initials_never_block(adversarial_stats):
    st = adversarial_stats[4]
    assert st["block"] == 0, f"{st['block']} initials queries were BLOCK (REVIEW at most)"


def test_wrapped_names_not_refused(adversarial_stats):
    st = adversarial_stats[16]
    examples = "\n".join(f"  {q.name!r}: {d} [{e}]" for q, d, e, _ in st["misses"] if e)[:2000]
    assert st["refused"] == 0, f"{st['refused']} wrapped names refused\n{examples}"


NEG_KINDS = list(adv.KINDS)


@pytest.mark.parametrize("kind", NEG_KINDS, ids=[f"{k}-{adv.KINDS[k]}" for k in NEG_KINDS])
def test_false_positive_rate(adversarial_stats, kind):
    st = adversarial_stats[kind]
    if not st["neg"]:
        pytest.skip("no negatives for this kind")
    rate = st["fp"] / st["neg"]
    examples = "\n".join(f"  {q.name!r} ({q.sub}) got {d} {m}"
                         for q, d, m in adv._spread(st["fps"], 10))
    assert rate <= KNOWN_FP.get(kind, adv.FP_TARGET), (f"kind {kind} ({adv.KINDS[kind]}): false positives "
                                   f"{st['fp']}/{st['neg']} = {rate:.2%}\n{examples}")
