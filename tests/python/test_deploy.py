"""The Kubernetes manifests and the Dockerfile against what the binary really serves and accepts.

Renders deploy/overlays/example with `kubectl kustomize`, validates every object offline against
the Kubernetes schemas (kubernetes-validate), and checks that ports, probes, arguments and the
configuration file agree with the real binary (`screener serve --help`, `screener check-config`).
"""
import os
import pathlib
import re
import shutil
import subprocess
import json
import tomllib

import kubernetes_validate
import pytest
import yaml

ROOT = pathlib.Path(__file__).resolve().parents[2]
BIN = os.environ.get("SCREENER_BIN") or str(ROOT / "target/release/screener")
K8S_VERSION = "1.32.0"


@pytest.fixture(scope="module")
def objects():
    if shutil.which("kubectl") is None:
        pytest.fail("kubectl is required to render deploy/ (install it; .ci/run checks for it)")
    out = subprocess.run(["kubectl", "kustomize", str(ROOT / "deploy/overlays/example")],
                         check=True, capture_output=True, text=True).stdout
    return [d for d in yaml.safe_load_all(out) if d]


def by_kind(objects, kind):
    found = [o for o in objects if o["kind"] == kind]
    assert found, f"no {kind} rendered"
    return found


def test_every_object_validates_against_the_schemas(objects):
    for o in objects:
        kubernetes_validate.validate(o, K8S_VERSION, strict=True)


def test_deployment_is_least_privilege_and_highly_available(objects):
    d = by_kind(objects, "Deployment")[0]
    assert d["spec"]["replicas"] >= 2
    pod = d["spec"]["template"]["spec"]
    assert pod["automountServiceAccountToken"] is False
    assert pod["securityContext"]["runAsNonRoot"] is True
    assert pod["securityContext"]["seccompProfile"]["type"] == "RuntimeDefault"
    c = pod["containers"][0]
    sc = c["securityContext"]
    assert sc["readOnlyRootFilesystem"] is True and sc["allowPrivilegeEscalation"] is False
    assert sc["capabilities"]["drop"] == ["ALL"]
    assert c["resources"]["requests"]["memory"] and c["resources"]["limits"]["memory"]
    writable = [v for v in pod["volumes"] if "emptyDir" in v]
    assert [v["name"] for v in writable] == ["list-cache"]
    assert by_kind(objects, "PodDisruptionBudget")[0]["spec"]["selector"]["matchLabels"]
    assert by_kind(objects, "HorizontalPodAutoscaler")[0]["spec"]["minReplicas"] >= 2
    np = by_kind(objects, "NetworkPolicy")[0]
    assert set(np["spec"]["policyTypes"]) == {"Ingress", "Egress"}


def test_ports_probes_and_config_match_the_binary(objects, tmp_path):
    d = by_kind(objects, "Deployment")[0]
    c = d["spec"]["template"]["spec"]["containers"][0]
    ports = {p["name"]: p["containerPort"] for p in c["ports"]}
    for probe in ("startupProbe", "readinessProbe", "livenessProbe"):
        assert c[probe]["grpc"]["port"] == ports["grpc"], probe

    # The configuration the pod mounts, checked by the binary's own parser.
    cm = by_kind(objects, "ConfigMap")[0]
    mount = next(m for m in c["volumeMounts"] if m["name"] == "config")
    config_arg = c["args"][c["args"].index("--config") + 1]
    assert config_arg.startswith(mount["mountPath"] + "/")
    cfg = tmp_path / pathlib.Path(config_arg).name
    cfg.write_text(cm["data"][pathlib.Path(config_arg).name])
    args = [a if a != config_arg else str(cfg) for a in c["args"]]
    assert args[0] == "serve"
    checked = subprocess.run([BIN, "check-config", *args[1:]], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
    resolved = json.loads(checked.stdout)
    assert resolved["listen"].endswith(f":{ports['grpc']}")
    assert resolved["metrics_listen"].endswith(f":{ports['metrics']}")
    cache = next(m for m in c["volumeMounts"] if m["name"] == "list-cache")["mountPath"]
    assert tomllib.loads(cfg.read_text())["cache_dir"] == cache, "URL sources cache into the writable volume"
    assert resolved["shutdown_grace"] < d["spec"]["template"]["spec"]["terminationGracePeriodSeconds"]

    # Every flag the manifest passes exists.
    help_text = subprocess.run([BIN, "serve", "--help"], check=True, capture_output=True, text=True).stdout
    for a in c["args"]:
        if a.startswith("--"):
            assert a in help_text, a

    # Services point at the named port.
    for s in by_kind(objects, "Service"):
        for p in s["spec"]["ports"]:
            assert p["targetPort"] in ports and ports[p["targetPort"]] == p["port"]


def test_dockerfile_names_the_real_binary_and_port():
    text = (ROOT / "Dockerfile").read_text()
    cargo = (ROOT / "Cargo.toml").read_text()
    bin_name = re.search(r'\[\[bin\]\]\s*name = "([^"]+)"', cargo).group(1)
    assert f"target/release/{bin_name} " in text
    entry = re.search(r'ENTRYPOINT \["([^"]+)"\]', text).group(1)
    assert re.search(rf"COPY --from=build \S+ {re.escape(entry)}$", text, re.M)
    assert "EXPOSE 50051" in text
    assert re.search(r"^USER 65532", text, re.M)
    cmd = re.search(r"CMD \[(.*)\]", text).group(1)
    assert '"serve"' in cmd and "/etc/screener/screener.toml" in cmd
