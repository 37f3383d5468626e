"""The Kubernetes deployment (k8s/, Dockerfile): every kustomization renders, every
manifest is valid for the Kubernetes API (kubernetes-validate, offline), and the rules
of atende's deployment hold: gRPC probes, the restricted security settings, requests
and limits, an autoscaler, a Service and a disruption budget for every Deployment, no
committed secret, and settings that the services really read.

Every kustomization is rendered by `kubectl kustomize` (kustomize v5, the one
`kubectl apply -k` uses), so overlays may use any kustomize feature, strategic-merge
patches included; generated names lose their hash suffix here. Custom resources are
checked against their CRDs' schemas, vendored in tests/crds/ (no download at test time)."""

from __future__ import annotations

import base64
import functools
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from unittest import mock

import kubernetes_validate
import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
K8S = ROOT / "k8s"
# overlays/production-mtls is made by the k8s_tree fixture as an operator would: the
# production overlay with its commented components/mtls line switched on.
KUSTOMIZATIONS = ("base", "overlays/dev", "overlays/production", "overlays/production-mtls")
CERT_MANAGER = "cert-manager.io/v1"
# The oldest and a recent Kubernetes the manifests must be valid for (gRPC probes are
# stable since 1.27).
KUBERNETES_VERSIONS = ("1.30", "1.35")
CLUSTER_SCOPED = {"Namespace", "ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition", "PersistentVolume",
                  "StorageClass", "PriorityClass", "IngressClass"}
PLACEHOLDER = "CHANGE_ME"

Doc = dict[str, Any]


# --- rendering: kubectl kustomize ---------------------------------------------------

KUBECTL = os.environ.get("KUBECTL") or shutil.which("kubectl")
pytestmark = pytest.mark.skipif(KUBECTL is None, reason="kubectl is not installed (set KUBECTL to its path)")
# Generated ConfigMaps and Secrets get a content hash suffix; the tests name them without it.
GENERATED = re.compile(r"\b(atende-config|atende-secrets|atende-dashboards|atende-prometheus-adapter)-[a-z0-9]{10}\b")


def _load_yaml(path: Path) -> list[Doc]:
    return [doc for doc in yaml.safe_load_all(path.read_text()) if doc]


def _read_env_file(path: Path) -> dict[str, str]:
    values: dict[str, str] = {}
    for line in path.read_text().splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        key, sep, value = line.partition("=")
        assert sep, f"{path}: not KEY=value: {line!r}"
        values[key.strip()] = value
    return values


def render(directory: Path) -> list[Doc]:
    """`kubectl kustomize directory`, the generated names without their hash suffix."""
    assert KUBECTL is not None
    result = subprocess.run([KUBECTL, "kustomize", str(directory)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, f"{directory}: {result.stderr}"
    return [doc for doc in yaml.safe_load_all(GENERATED.sub(r"\1", result.stdout)) if doc]


def pod_spec(doc: Doc) -> Doc:
    spec: Doc = doc["spec"]["template"]["spec"]
    return spec


def containers(doc: Doc, *, init: bool = True) -> list[Doc]:
    spec = pod_spec(doc)
    return [*(spec.get("initContainers", []) if init else []), *spec["containers"]]


# --- fixtures ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def k8s_tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of k8s/ with secrets.env made from secrets.example.env, as an operator would."""
    tree = tmp_path_factory.mktemp("k8s") / "k8s"
    shutil.copytree(K8S, tree, ignore=shutil.ignore_patterns("secrets.env"))
    shutil.copy(tree / "base" / "secrets.example.env", tree / "base" / "secrets.env")
    mtls = tree / "overlays" / "production-mtls"
    shutil.copytree(tree / "overlays" / "production", mtls)
    text = (mtls / "kustomization.yaml").read_text()
    assert "  # - ../../components/mtls\n" in text, "the production overlay offers components/mtls"
    (mtls / "kustomization.yaml").write_text(text.replace("  # - ../../components/mtls\n", "  - ../../components/mtls\n"))
    return tree


@pytest.fixture(scope="module")
def rendered(k8s_tree: Path) -> dict[str, list[Doc]]:
    return {name: render(k8s_tree / name) for name in KUSTOMIZATIONS}


def find(docs: list[Doc], kind: str) -> list[Doc]:
    return [doc for doc in docs if doc["kind"] == kind]


def one(docs: list[Doc], kind: str, name: str) -> Doc:
    hits = [doc for doc in docs if doc["kind"] == kind and doc["metadata"]["name"] == name]
    assert len(hits) == 1, f"{kind}/{name}: {len(hits)} found"
    return hits[0]


def all_deployments(rendered: dict[str, list[Doc]]) -> Iterator[tuple[str, Doc]]:
    for name, docs in rendered.items():
        for deployment in find(docs, "Deployment"):
            yield f"{name}: {deployment['metadata']['name']}", deployment


def is_gateway(deployment: Doc) -> bool:
    return bool(deployment["metadata"]["labels"].get("app.kubernetes.io/component") == "gateway")


def is_webhooks(deployment: Doc) -> bool:
    """The channels' webhook server: HTTP (aiohttp), not gRPC."""
    return bool(deployment["metadata"]["labels"].get("app.kubernetes.io/component") == "webhooks")


def container_env(docs: list[Doc], container: Doc) -> dict[str, str]:
    """The environment a container gets: envFrom ConfigMaps, then env (secrets decoded)."""
    env: dict[str, str] = {}
    for source in container.get("envFrom", []):
        assert "configMapRef" in source, "only ConfigMaps come in whole (envFrom); secrets key by key"
        env.update(one(docs, "ConfigMap", source["configMapRef"]["name"])["data"])
    for entry in container.get("env", []):
        if "value" in entry:
            env[entry["name"]] = entry["value"]
            continue
        ref = entry["valueFrom"]["secretKeyRef"]
        data = one(docs, "Secret", ref["name"])["data"]
        if ref["key"] in data:
            env[entry["name"]] = base64.b64decode(data[ref["key"]]).decode()
        else:
            assert ref.get("optional"), f"{entry['name']}: key {ref['key']} missing from Secret {ref['name']}"
    return env


def secret_mounts(deployment: Doc, container: Doc) -> dict[str, str]:
    """Where a container mounts Secrets: mount path -> Secret name."""
    volumes = {v["name"]: v["secret"]["secretName"] for v in pod_spec(deployment).get("volumes", []) if "secret" in v}
    return {m["mountPath"]: volumes[m["name"]] for m in container.get("volumeMounts", []) if m["name"] in volumes}


def mounted_certificate(docs: list[Doc], deployment: Doc, container: Doc, path: str) -> Doc:
    """The cert-manager Certificate whose Secret the container mounts where `path` is."""
    folder = str(Path(path).parent)
    mounts = secret_mounts(deployment, container)
    assert folder in mounts, f"{deployment['metadata']['name']}: nothing mounted at {folder}"
    hits = [c for c in find(docs, "Certificate") if c["spec"]["secretName"] == mounts[folder]]
    assert len(hits) == 1, f"no Certificate makes Secret {mounts[folder]}"
    return hits[0]


def serving_certificate(docs: list[Doc], service_name: str) -> Doc:
    """The certificate the pods behind a Service serve (their ATENDE_TLS_CERT)."""
    selector = one(docs, "Service", service_name)["spec"]["selector"]
    (deployment,) = [
        d for d in find(docs, "Deployment") if selector.items() <= d["spec"]["template"]["metadata"]["labels"].items()
    ]
    (container,) = containers(deployment, init=False)
    return mounted_certificate(docs, deployment, container, container_env(docs, container)["ATENDE_TLS_CERT"])


# --- rendering and schema ------------------------------------------------------------


def test_every_kustomization_renders(rendered: dict[str, list[Doc]]) -> None:
    for name, docs in rendered.items():
        kinds = {doc["kind"] for doc in docs}
        assert {"Namespace", "ConfigMap", "Secret", "Deployment", "Service", "HorizontalPodAutoscaler",
                "PodDisruptionBudget"} <= kinds, name
        names = [(doc["kind"], doc["metadata"]["name"]) for doc in docs]
        assert len(names) == len(set(names)), f"{name}: duplicate objects"
        assert {doc["metadata"].get("namespace") for doc in docs if doc["kind"] not in CLUSTER_SCOPED} == {"atende"}, name
    assert {d["metadata"]["name"] for d in find(rendered["overlays/dev"], "StatefulSet")} == {"postgres", "redis", "milvus"}
    assert not find(rendered["base"], "StatefulSet"), "the base runs no database: they are external services"


def test_manifests_are_valid_kubernetes(rendered: dict[str, list[Doc]], monkeypatch: pytest.MonkeyPatch) -> None:
    # kubernetes-validate parses its schema files (megabytes of JSON) on every call: once is enough.
    utils = kubernetes_validate.utils
    monkeypatch.setattr(utils, "schema_contents", functools.lru_cache(maxsize=None)(utils.schema_contents))
    # Custom resources are not Kubernetes' own: test_cert_manager_resources and
    # test_custom_resources_match_their_crds check them.
    unique = {
        json.dumps(doc, sort_keys=True): doc
        for docs in rendered.values() for doc in docs if doc["apiVersion"].split("/")[0] not in CUSTOM_GROUPS
    }
    failures = []
    for version in KUBERNETES_VERSIONS:
        for doc in unique.values():
            try:
                kubernetes_validate.validate(doc, version, strict=True)
            except kubernetes_validate.ValidationError as error:
                failures.append(f"{version} {doc['kind']}/{doc['metadata']['name']}: {error.message} at {list(error.path)}")
    assert not failures, "\n".join(failures)


# The groups of custom resources k8s/ uses; each kind of them has a vendored schema in
# tests/crds/, except cert-manager's (test_cert_manager_resources) and the Prometheus
# Operator's (their rules are tested by promtool in test_observability_assets.py).
CUSTOM_GROUPS = {"cert-manager.io", "argoproj.io", "postgresql.cnpg.io", "monitoring.coreos.com"}
CRDS = ROOT / "tests" / "crds"


def test_custom_resources_match_their_crds(rendered: dict[str, list[Doc]]) -> None:
    import jsonschema

    checked = set()
    for name, docs in rendered.items():
        for doc in docs:
            group, _, version = doc["apiVersion"].rpartition("/")
            if group not in CUSTOM_GROUPS - {"cert-manager.io", "monitoring.coreos.com"}:
                continue
            schema_file = CRDS / f"{group}_{version}_{doc['kind']}.json"
            assert schema_file.exists(), f"{name}: no vendored schema for {doc['apiVersion']} {doc['kind']}"
            schema = json.loads(schema_file.read_text())
            try:
                jsonschema.validate(doc["spec"], schema)
            except jsonschema.ValidationError as error:
                pytest.fail(f"{name}: {doc['kind']}/{doc['metadata']['name']}: {error.message} at {list(error.path)}")
            assert doc["metadata"]["namespace"] == "atende"
            checked.add(doc["kind"])
    assert checked == {"Rollout", "AnalysisTemplate", "Cluster", "ScheduledBackup"}


# --- the deployment's rules ----------------------------------------------------------


def test_every_deployment_has_probes(rendered: dict[str, list[Doc]]) -> None:
    for where, deployment in all_deployments(rendered):
        for container in containers(deployment, init=False):
            ports = {p.get("name"): p["containerPort"] for p in container["ports"]}
            for probe_name in ("readinessProbe", "livenessProbe"):
                probe = container.get(probe_name)
                assert probe, f"{where}: no {probe_name}"
                if is_gateway(deployment):
                    # Envoy's admin /ready is on 127.0.0.1, out of the kubelet's reach.
                    assert "tcpSocket" in probe or "httpGet" in probe, f"{where}: {probe_name}"
                    port = (probe.get("tcpSocket") or probe.get("httpGet"))["port"]
                    assert port in ports or port in ports.values(), f"{where}: {probe_name} port"
                elif is_webhooks(deployment):
                    assert probe.get("httpGet", {}).get("port") == "http" and "http" in ports, f"{where}: {probe_name}"
                else:
                    # With mTLS the service port wants a client certificate, which the
                    # kubelet's gRPC probe cannot give: it asks the plaintext health port.
                    expected = ports["health"] if "health" in ports else ports["grpc"]
                    assert probe.get("grpc", {}).get("port") == expected, f"{where}: {probe_name} is not gRPC"
            if is_webhooks(deployment):
                # The same split over HTTP: /readyz asks PostgreSQL, /healthz the process.
                assert container["readinessProbe"]["httpGet"]["path"] == "/readyz", where
                assert container["livenessProbe"]["httpGet"]["path"] == "/healthz", where
                assert container["startupProbe"]["httpGet"]["path"] == "/healthz", where
            elif not is_gateway(deployment):
                # Readiness asks for the dependencies; startup and liveness only for the
                # process: an outage of PostgreSQL must make pods unready, not restart them.
                assert container["readinessProbe"]["grpc"].get("service", "") == "", where
                assert container["livenessProbe"]["grpc"].get("service") == "liveness", where
                assert container["startupProbe"]["grpc"].get("service") == "liveness", where
            if deployment["metadata"]["name"] == "knowledge":
                assert container["startupProbe"]["grpc"]["port"] == ports.get("health", ports["grpc"])
                startup = container["startupProbe"]
                assert startup["periodSeconds"] * startup["failureThreshold"] >= 120, "the model needs time to load"


def test_every_deployment_is_locked_down(rendered: dict[str, list[Doc]]) -> None:
    for where, deployment in all_deployments(rendered):
        spec = pod_spec(deployment)
        pod = spec.get("securityContext", {})
        assert spec.get("automountServiceAccountToken") is False, where
        assert spec.get("enableServiceLinks") is False, f"{where}: service links would set e.g. ROUTER_PORT=tcp://..."
        volumes = {v["name"]: v for v in spec.get("volumes", [])}
        for container in containers(deployment):
            context = container.get("securityContext", {})
            who = f"{where}/{container['name']}"
            assert context.get("runAsNonRoot", pod.get("runAsNonRoot")) is True, who
            assert context.get("runAsUser", pod.get("runAsUser", 0)) != 0, who
            assert context.get("allowPrivilegeEscalation") is False, who
            assert context.get("readOnlyRootFilesystem") is True, who
            assert "ALL" in context.get("capabilities", {}).get("drop", []), who
            assert not context.get("capabilities", {}).get("add"), who
            assert context.get("seccompProfile", pod.get("seccompProfile")) == {"type": "RuntimeDefault"}, who
            tmp = [m for m in container.get("volumeMounts", []) if m["mountPath"] == "/tmp"]
            assert tmp and "emptyDir" in volumes[tmp[0]["name"]], f"{who}: /tmp must be an emptyDir"


def test_every_container_has_requests_and_limits(rendered: dict[str, list[Doc]]) -> None:
    for docs in rendered.values():
        for workload in find(docs, "Deployment") + find(docs, "StatefulSet"):
            for container in containers(workload):
                resources = container.get("resources", {})
                for bound in ("requests", "limits"):
                    assert {"cpu", "memory"} <= set(resources.get(bound, {})), (
                        f"{workload['metadata']['name']}/{container['name']}: {bound}"
                    )


def _cores(quantity: str) -> float:
    return float(quantity[:-1]) / 1000 if quantity.endswith("m") else float(quantity)


def test_a_pods_cpu_follows_its_worker_processes(rendered: dict[str, list[Doc]]) -> None:
    """A service's <PREFIX>_WORKERS server processes (atende_runtime/workers.py) share its
    pod: each may use a core, so with several the pod's CPU limit is at least a core each
    and its request at least 250m each. The services that spend CPU on every turn run two."""
    import importlib

    for name, docs in rendered.items():
        workers = {}
        for deployment in find(docs, "Deployment"):
            if is_gateway(deployment) or is_webhooks(deployment):
                continue
            (container,) = containers(deployment)
            module = container["command"][2]
            with mock.patch.dict(os.environ, container_env(docs, container), clear=True):
                settings = importlib.import_module(f"{module}.settings").Settings()
            app = deployment["metadata"]["name"]
            workers[app] = settings.workers
            resources = container["resources"]
            if settings.workers > 1:  # one worker: as the service needs (an I/O-bound one, less than a core)
                assert _cores(resources["limits"]["cpu"]) >= settings.workers, f"{name}: {app}: a core a worker"
                assert _cores(resources["requests"]["cpu"]) >= 0.25 * settings.workers, f"{name}: {app}: 250m a worker"
        assert workers["router"] >= 2 and workers["agent"] >= 2, f"{name}: {workers}"
        assert workers["knowledge"] == 1 or "://" in one(docs, "ConfigMap", "atende-config")["data"]["MILVUS_URI"]


def test_every_deployment_has_a_service_an_autoscaler_and_a_budget(rendered: dict[str, list[Doc]]) -> None:
    for name, docs in rendered.items():
        for deployment in find(docs, "Deployment"):
            app = deployment["metadata"]["name"]
            labels = deployment["spec"]["template"]["metadata"]["labels"]
            assert deployment["spec"]["selector"]["matchLabels"].items() <= labels.items()
            ports = {p["name"]: p["containerPort"] for c in containers(deployment, init=False) for p in c["ports"]}

            services = [s for s in find(docs, "Service") if s["spec"]["selector"].items() <= labels.items()]
            assert services, f"{name}: no Service for {app}"
            for service in services:
                for port in service["spec"]["ports"]:
                    assert port["targetPort"] in ports, f"{name}: Service {service['metadata']['name']} port"
            if not is_gateway(deployment):
                service = one(docs, "Service", app)
                assert service["spec"].get("type", "ClusterIP") == "ClusterIP"
                protocol = "http" if is_webhooks(deployment) else "grpc"
                assert [(p["name"], p.get("appProtocol")) for p in service["spec"]["ports"]] == [(protocol, protocol)]

            hpa = one(docs, "HorizontalPodAutoscaler", app)
            assert hpa["apiVersion"] == "autoscaling/v2"
            # With components/canary the Rollout of the same name runs the Deployment's pods.
            workload = rollout_of(docs, app) or deployment
            if workload is not deployment:
                assert deployment["spec"]["replicas"] == 0, f"{name}: {app}: the Rollout owns the pods"
            ref = {"apiVersion": workload["apiVersion"], "kind": workload["kind"], "name": app}
            assert hpa["spec"]["scaleTargetRef"] == ref, f"{name}: {app}"
            if not find(docs, "PodMonitor"):  # without Prometheus, CPU (metrics-server)
                metric = hpa["spec"]["metrics"][0]["resource"]
                assert metric["name"] == "cpu" and metric["target"] == {"type": "Utilization", "averageUtilization": 70}
            assert 1 <= hpa["spec"]["minReplicas"] <= workload["spec"]["replicas"] <= hpa["spec"]["maxReplicas"]
            if name == "base":
                assert deployment["spec"]["replicas"] == 2
                assert (hpa["spec"]["minReplicas"], hpa["spec"]["maxReplicas"]) == (2, 10)

            pdb = one(docs, "PodDisruptionBudget", app)
            assert pdb["spec"]["minAvailable"] == 1
            assert pdb["spec"]["selector"]["matchLabels"].items() <= labels.items()
    gateway = one(rendered["base"], "Service", "gateway")
    assert gateway["spec"]["type"] == "LoadBalancer" and gateway["spec"]["ports"][0]["port"] == 8080


def test_the_deployments_are_the_stack_of_the_local_run(rendered: dict[str, list[Doc]]) -> None:
    """Same modules and ports as devstack/stack.py, and one image for all."""
    from devstack.stack import DEFAULT_PORTS, SERVICES
    from integrations_svc.channels.settings import ChannelSettings

    docs = rendered["base"]
    started = {}
    for deployment in find(docs, "Deployment"):
        if is_gateway(deployment):
            continue
        if is_webhooks(deployment):
            (container,) = containers(deployment)
            assert container["command"] == ["python", "-m", "integrations_svc.channels"]
            default_port = ChannelSettings.model_fields["port"].default
            assert container["ports"][0]["containerPort"] == default_port, "the port of a local run"
            continue
        (container,) = containers(deployment)
        assert container["command"][:2] == ["python", "-m"]
        started[container["command"][2]] = container["ports"][0]["containerPort"]
    assert started == {service: DEFAULT_PORTS[service] for service in SERVICES}
    images = {c["image"] for d in find(docs, "Deployment") for c in containers(d)}
    assert images == {"atende:0.1.0"}
    production = {c["image"] for d in find(rendered["overlays/production"], "Deployment") for c in containers(d)}
    assert len(production) == 1 and production != images


def test_the_services_settings_load_from_the_manifests(rendered: dict[str, list[Doc]]) -> None:
    """Each service's own Settings class, fed the container's environment, listens on
    0.0.0.0 at the container port and calls upstreams that exist as Services."""
    import importlib

    for name, docs in rendered.items():
        services = {s["metadata"]["name"]: {p["port"] for p in s["spec"]["ports"]} for s in find(docs, "Service")}
        checked = 0
        for deployment in find(docs, "Deployment"):
            if is_gateway(deployment) or is_webhooks(deployment):
                continue  # the channels server: test_the_channels_server_is_deployed_behind_the_gateway
            (container,) = containers(deployment)
            module = container["command"][2]
            try:
                settings_module = importlib.import_module(f"{module}.settings")
            except ModuleNotFoundError:
                continue  # a service still being written
            env = container_env(docs, container)
            with mock.patch.dict(os.environ, env, clear=True):
                settings = settings_module.Settings()
            where = f"{name}: {module}"
            assert settings.host == "0.0.0.0", f"{where}: the kubelet's probes reach the pod IP, not loopback"
            assert settings.port == container["ports"][0]["containerPort"], where
            for field, value in settings.model_dump().items():
                if field.endswith("_addr"):
                    host, port = upstream(str(value), where=f"{where}: {field}")
                    assert host in services and port in services[host], f"{where}: {field}={value}"
                    if settings.tls.enabled:  # the service called proves that name
                        assert host in serving_certificate(docs, host)["spec"]["dnsNames"], f"{where}: {field}"
            if settings.tls.enabled:
                ports = {p["name"]: p["containerPort"] for p in container["ports"]}
                assert settings.health_port == ports["health"] != settings.port, where
                certificate = mounted_certificate(docs, deployment, container, str(settings.tls.cert))
                assert {"server auth", "client auth"} <= set(certificate["spec"]["usages"]), where
                for path in (settings.tls.key, settings.tls.ca):
                    assert mounted_certificate(docs, deployment, container, str(path)) is certificate, where
            else:
                assert settings.health_port is None, where
            checked += 1
        assert checked >= 2, name
        config = one(docs, "ConfigMap", "atende-config")["data"]
        assert re.match(r"https?://", config["MILVUS_URI"]), "Milvus Lite allows one process per data folder"
        for variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
            assert config[variable] == "1"


CHANNEL_SECRETS = ("CHANNELS_WHATSAPP_APP_SECRET", "CHANNELS_WHATSAPP_VERIFY_TOKEN", "CHANNELS_WHATSAPP_ACCESS_TOKEN",
                   "CHANNELS_EMAIL_WEBHOOK_SECRET", "INTEGRATIONS_SENDGRID_API_KEY")


def test_the_channels_server_is_deployed_behind_the_gateway(rendered: dict[str, list[Doc]], tmp_path: Path) -> None:
    """The webhook server's settings load from its container's environment (listening
    on 0.0.0.0 at its container port, calling router and memory through headless
    Services), its vendor secrets come key by key from the Secret, the gateway routes
    /webhooks/ to it, only the gateway may reach it, and with mTLS it presents a
    client certificate of the mesh on its calls."""
    from gateway.render import GatewayConfig, write
    from integrations_svc.channels.settings import ChannelSettings

    for name, docs in rendered.items():
        deployment = one(docs, "Deployment", "channels")
        (container,) = containers(deployment)
        env = container_env(docs, container)
        with mock.patch.dict(os.environ, env, clear=True):
            settings = ChannelSettings()
        assert (settings.host, settings.port) == ("0.0.0.0", container["ports"][0]["containerPort"]), name
        assert settings.database_url and settings.db_schema == "integrations", name
        headless = {s["metadata"]["name"]: {p["port"] for p in s["spec"]["ports"]}
                    for s in find(docs, "Service") if s["spec"].get("clusterIP") == "None"}
        for address in (settings.router_addr, settings.memory_addr):
            host, port = upstream(address, where=f"{name}: channels")
            assert port in headless.get(host, set()), f"{name}: {address}"
        by_name = {e["name"]: e for e in container["env"]}
        for variable in CHANNEL_SECRETS:
            ref = by_name[variable]["valueFrom"]["secretKeyRef"]
            assert ref == {"name": "atende-secrets", "key": variable, "optional": True}, f"{name}: {variable}"
        config = one(docs, "ConfigMap", "atende-config")["data"]
        assert not set(CHANNEL_SECRETS) & set(config), "vendor secrets never in the ConfigMap"

        gateway = one(docs, "Deployment", "gateway")
        init_env = container_env(docs, pod_spec(gateway)["initContainers"][0])
        assert init_env["CHANNELS_ADDR"] == f"channels-headless:{settings.port}", name
        gateway_config = GatewayConfig.from_env({**init_env, "GATEWAY_DESCRIPTOR": str(ROOT / "gen" / "atende.pb")})
        envoy_yaml = write(gateway_config, tmp_path / name / "envoy.yaml").read_text()
        assert "prefix: /webhooks/" in envoy_yaml and f"address: channels-headless, port_value: {settings.port}" in envoy_yaml

        if find(docs, "NetworkPolicy"):
            policy = one(docs, "NetworkPolicy", "channels-from-gateway")["spec"]
            assert policy["podSelector"]["matchLabels"] == {"app.kubernetes.io/name": "channels"}
            assert policy["ingress"] == [{"from": [{"podSelector": {"matchLabels": {"app.kubernetes.io/name": "gateway"}}}],
                                          "ports": [{"port": settings.port, "protocol": "TCP"}]}], name
        if "ATENDE_TLS_CERT" in env:  # mTLS: the services refuse callers without a mesh certificate
            certificate = mounted_certificate(docs, deployment, container, env["ATENDE_TLS_CERT"])
            assert "client auth" in certificate["spec"]["usages"], name
            for variable in ("ATENDE_TLS_KEY", "ATENDE_TLS_CA"):
                assert mounted_certificate(docs, deployment, container, env[variable]) is certificate, name
    assert "ATENDE_TLS_CERT" in container_env(
        rendered["overlays/production-mtls"], containers(one(rendered["overlays/production-mtls"], "Deployment", "channels"))[0])


def rollout_of(docs: list[Doc], app: str) -> Doc | None:
    hits = [r for r in find(docs, "Rollout") if r["spec"].get("workloadRef", {}).get("name") == app]
    assert len(hits) <= 1
    return hits[0] if hits else None


def upstream(address: str, *, where: str) -> tuple[str, int]:
    """host and port of a service-to-service address, which must be `dns:///` to a
    headless Service: gRPC's resolver then sees every pod and round_robin spreads calls."""
    assert address.startswith("dns:///"), f"{where}: {address} (dns:/// resolves every pod)"
    host, _, port = address.removeprefix("dns:///").rpartition(":")
    return host, int(port)


def test_no_service_address_points_at_a_cluster_ip(rendered: dict[str, list[Doc]]) -> None:
    """Every *_ADDR a container gets names a headless Service (no cluster IP): through
    a cluster IP, a long-lived HTTP/2 connection pins a client to one pod."""
    for name, docs in rendered.items():
        headless = {s["metadata"]["name"] for s in find(docs, "Service") if s["spec"].get("clusterIP") == "None"}
        apps = {d["metadata"]["name"] for d in find(docs, "Deployment") if not is_gateway(d)}
        assert {f"{a}-headless" for a in apps} <= headless, f"{name}: a headless Service per service"
        seen = 0
        for deployment in find(docs, "Deployment"):
            for container in containers(deployment):
                for variable, value in container_env(docs, container).items():
                    if not variable.endswith("_ADDR") or value.startswith("127.0.0.1:"):
                        continue  # 127.0.0.1: a process beside it in the pod (the gateway's guard)
                    where = f"{name}: {deployment['metadata']['name']}/{container['name']} {variable}"
                    host = value.removeprefix("dns:///").rpartition(":")[0]
                    assert host in headless, f"{where}={value} is not a headless Service"
                    seen += 1
        assert seen >= 10, name


def test_the_gateway_renders_a_config_envoy_accepts(rendered: dict[str, list[Doc]], tmp_path: Path) -> None:
    from gateway.render import UPSTREAMS, GatewayConfig, write

    for name, docs in rendered.items():
        deployment = one(docs, "Deployment", "gateway")
        (init,) = pod_spec(deployment)["initContainers"]
        envoy, guard = containers(deployment, init=False)
        assert init["command"][:3] == ["python", "-m", "gateway.render"]
        out = init["command"][3]
        assert envoy["command"][:3] == ["envoy", "-c", out] and "--disable-hot-restart" in envoy["command"]
        for container in (init, envoy):
            assert not any("secretKeyRef" in str(e) for e in container.get("env", [])), "only the guard sees the keys"
        assert guard["command"] == ["python", "-m", "gateway.guard"]
        guard_env = {e["name"]: e for e in guard["env"]}
        assert {"ATENDE_API_KEYS", "DATABASE_URL", "REDIS_URL"} <= set(guard_env)

        env = container_env(docs, init)
        assert env["GATEWAY_BIND"] == "0.0.0.0" and env["GATEWAY_PORT"] == "8080"
        headless = {s["metadata"]["name"] for s in find(docs, "Service") if s["spec"].get("clusterIP") == "None"}
        for variable, _ in UPSTREAMS.values():
            host = env[variable].rpartition(":")[0]
            assert host in headless, f"{variable}: Envoy balances per pod through a headless Service"
        assert env["GATEWAY_DESCRIPTOR"] == "/app/gen/atende.pb"
        config = GatewayConfig.from_env({**env, "GATEWAY_DESCRIPTOR": str(ROOT / "gen" / "atende.pb")})
        assert config.guard_addr == "127.0.0.1:50060", "API keys are checked by the guard beside Envoy"
        _check_gateway_tls(name, docs, deployment, envoy, config)
        path = write(config, tmp_path / name / "envoy.yaml")
        envoy_bin = str(Path(sys.executable).with_name("envoy"))
        result = subprocess.run([envoy_bin, "--mode", "validate", "-c", str(path)], capture_output=True, text=True, timeout=60)
        assert result.returncode == 0, f"{name}: " + result.stdout[-2000:] + result.stderr[-2000:]


def _check_gateway_tls(name: str, docs: list[Doc], deployment: Doc, envoy: Doc, config: Any) -> None:
    """Plaintext on 8080 in base and dev (TLS at the load balancer); TLS only on 8443
    behind the Service's 443 in production, with the files of a mounted Secret, which
    Envoy reads (the init container only names them); mTLS to every upstream with the
    gateway's client certificate, each upstream serving a certificate for the name dialled."""
    ports = {p["name"]: p["containerPort"] for p in envoy["ports"]}
    service = one(docs, "Service", "gateway")["spec"]["ports"]
    if name.startswith("overlays/production"):
        assert (config.plaintext, config.tls_port) == (False, 8443), name
        assert ports == {"https": 8443} and [(p["port"], p["targetPort"]) for p in service] == [(443, "https")], name
        for probe in ("readinessProbe", "livenessProbe"):
            assert envoy[probe]["tcpSocket"]["port"] == "https", name
        certificate = mounted_certificate(docs, deployment, envoy, str(config.tls_cert))
        assert mounted_certificate(docs, deployment, envoy, str(config.tls_key)) is certificate
        policy = one(docs, "NetworkPolicy", "gateway-public")["spec"]["ingress"][0]["ports"]
        assert [p["port"] for p in policy] == [8443], name
    else:
        assert (config.plaintext, config.tls_port) == (True, 0), name
        assert ports == {"http": 8080} and [p["port"] for p in service] == [8080], name
    assert config.upstream_tls == name.endswith("-mtls"), name
    if config.upstream_tls:
        certificate = mounted_certificate(docs, deployment, envoy, str(config.upstream_tls_cert))
        assert "client auth" in certificate["spec"]["usages"]
        for path in (config.upstream_tls_key, config.upstream_tls_ca):
            assert mounted_certificate(docs, deployment, envoy, str(path)) is certificate
        for address in config.upstreams.values():
            host = address.rpartition(":")[0]
            assert host in serving_certificate(docs, host)["spec"]["dnsNames"], f"{name}: {host}"


# The fields of cert-manager's v1 API that k8s/ uses (kubernetes-validate has no schema
# for custom resources); anything else is a typo cert-manager would reject.
_ISSUER_REF = {
    "type": "object", "required": ["name", "kind"], "additionalProperties": False,
    "properties": {"name": {"type": "string"}, "kind": {"enum": ["Issuer", "ClusterIssuer"]},
                   "group": {"const": "cert-manager.io"}},
}
_CERT_MANAGER_SPECS = {
    "Certificate": {
        "type": "object", "required": ["secretName", "issuerRef"], "additionalProperties": False,
        "properties": {
            "secretName": {"type": "string"}, "commonName": {"type": "string", "maxLength": 64},
            "dnsNames": {"type": "array", "items": {"type": "string"}, "minItems": 1},
            "isCA": {"type": "boolean"}, "duration": {"type": "string", "pattern": "^[0-9]+h$"},
            "renewBefore": {"type": "string", "pattern": "^[0-9]+h$"},
            "usages": {"type": "array", "items": {"enum": ["server auth", "client auth", "digital signature",
                                                             "key encipherment", "cert sign"]}},
            "privateKey": {
                "type": "object", "additionalProperties": False,
                "properties": {"algorithm": {"enum": ["RSA", "ECDSA", "Ed25519"]}, "size": {"type": "integer"},
                               "rotationPolicy": {"enum": ["Never", "Always"]}},
            },
            "issuerRef": _ISSUER_REF,
        },
    },
    "Issuer": {
        "type": "object", "additionalProperties": False, "minProperties": 1, "maxProperties": 1,
        "properties": {"selfSigned": {"type": "object", "maxProperties": 0},
                       "ca": {"type": "object", "required": ["secretName"], "additionalProperties": False,
                              "properties": {"secretName": {"type": "string"}}}},
    },
}


def test_cert_manager_resources(rendered: dict[str, list[Doc]]) -> None:
    """Certificates and Issuers have the fields cert-manager knows; each issuer named
    exists (a ClusterIssuer is the operator's: production's ACME issuer), each Secret a
    pod mounts for TLS is made by a Certificate, and the mesh CA is one."""
    import jsonschema

    for name, docs in rendered.items():
        issuers = {doc["metadata"]["name"]: doc for doc in find(docs, "Issuer")}
        made = {doc["spec"]["secretName"]: doc for doc in find(docs, "Certificate")}
        for doc in docs:
            if doc["apiVersion"] != CERT_MANAGER:
                continue
            assert doc["kind"] in _CERT_MANAGER_SPECS, f"{name}: {doc['kind']}"
            jsonschema.validate(doc["spec"], _CERT_MANAGER_SPECS[doc["kind"]])
            reference = doc["spec"].get("issuerRef")
            if reference and reference["kind"] == "Issuer":
                assert reference["name"] in issuers, f"{name}: {doc['metadata']['name']} names a missing Issuer"
        for issuer in issuers.values():
            if "ca" in issuer["spec"]:
                assert made[issuer["spec"]["ca"]["secretName"]]["spec"].get("isCA") is True, name
        for deployment in find(docs, "Deployment"):
            for container in containers(deployment, init=False):
                for secret in secret_mounts(deployment, container).values():
                    assert secret in made, f"{name}: {deployment['metadata']['name']} mounts {secret}, which nothing makes"
    assert not find(rendered["base"], "Certificate"), "the base needs no cert-manager"
    assert {d["metadata"]["name"] for d in find(rendered["overlays/production-mtls"], "Issuer")} == {
        "atende-selfsigned", "atende-mesh"
    }


# --- secrets -----------------------------------------------------------


def test_no_secret_value_is_committed() -> None:
    for path in K8S.rglob("*.yaml"):
        for doc in _load_yaml(path):
            assert doc.get("kind") != "Secret", f"{path}: Secrets are generated from the operator's secrets.env"
    base = yaml.safe_load((K8S / "base" / "kustomization.yaml").read_text())
    assert base["secretGenerator"] == [{"name": "atende-secrets", "type": "Opaque", "envs": ["secrets.env"]}]

    example = _read_env_file(K8S / "base" / "secrets.example.env")
    for key, value in example.items():
        if key != "REDIS_URL" or "@" in value:
            assert PLACEHOLDER in value, f"secrets.example.env: {key} must be a {PLACEHOLDER} placeholder"

    if shutil.which("git") and (ROOT / ".git").exists():
        ignored = subprocess.run(["git", "check-ignore", "-q", "k8s/base/secrets.env"], cwd=ROOT)
        assert ignored.returncode == 0, "k8s/base/secrets.env must be git-ignored"
        tracked = subprocess.run(["git", "ls-files", "k8s"], cwd=ROOT, capture_output=True, text=True).stdout
        assert "secrets.env" not in tracked.replace("secrets.example.env", "")


# --- releases, scaling and backups (production) --------------------------------------


def test_production_releases_by_canary_with_automatic_rollback(rendered: dict[str, list[Doc]]) -> None:
    """Every workload of production is a Rollout: 5, 25, 50, 100 % with the gateway's
    error ratio watched throughout, aborting above 5 %."""
    docs = rendered["overlays/production"]
    template = one(docs, "AnalysisTemplate", "gateway-error-ratio")["spec"]
    (metric,) = template["metrics"]
    assert metric["failureCondition"] == "len(result) > 0 && result[0] > 0.05" and metric["failureLimit"] == 0
    query = metric["provider"]["prometheus"]["query"]
    assert "envoy_http_downstream_rq_xx" in query and 'envoy_response_code_class="5"' in query
    assert "envoy_http_downstream_rq_total" in query
    for deployment in find(docs, "Deployment"):
        rollout = rollout_of(docs, deployment["metadata"]["name"])
        assert rollout is not None, deployment["metadata"]["name"]
        canary = rollout["spec"]["strategy"]["canary"]
        assert [s["setWeight"] for s in canary["steps"] if "setWeight" in s] == [5, 25, 50, 100]
        assert canary["analysis"]["templates"] == [{"templateName": "gateway-error-ratio"}]
        assert rollout["spec"]["selector"] == deployment["spec"]["selector"]
    assert not find(rendered["base"], "Rollout"), "the base needs no Argo Rollouts"


def test_production_scales_on_rpcs_where_cpu_is_not_the_bottleneck(rendered: dict[str, list[Doc]]) -> None:
    from atende_runtime import metrics

    exported = {metrics.RPC_IN_FLIGHT._name, metrics.RPC_STARTED._name + "_total"}
    adapter = yaml.safe_load((K8S / "components" / "scaling-on-rpcs" / "prometheus-adapter-values.yaml").read_text())
    served = {rule["name"]["as"]: rule["seriesQuery"].split("{")[0] for rule in adapter["rules"]["custom"]}
    assert set(served.values()) <= exported, "the adapter reads what the services export"
    docs = rendered["overlays/production"]
    for app in ("router", "agent", "memory", "knowledge", "integrations"):
        kinds = {}
        for metric in one(docs, "HorizontalPodAutoscaler", app)["spec"]["metrics"]:
            if metric["type"] == "Pods":
                assert metric["pods"]["metric"]["name"] in served, app
                kinds[metric["pods"]["metric"]["name"]] = metric
            else:
                kinds[metric["resource"]["name"]] = metric
        assert ("cpu" in kinds) == (app in ("router", "knowledge")), f"{app}: CPU only where it is the bottleneck"
        assert set(kinds) - {"cpu"}, f"{app}: an RPC signal"


def test_production_backs_up_postgres_for_30_days_with_point_in_time_recovery(rendered: dict[str, list[Doc]]) -> None:
    docs = rendered["overlays/production"]
    cluster = one(docs, "Cluster", "atende-pg")["spec"]
    assert cluster["instances"] >= 2 and cluster["backup"]["retentionPolicy"] == "30d"
    store = cluster["backup"]["barmanObjectStore"]
    assert store["wal"], "WAL archived continuously: point-in-time recovery"
    minutes = int(cluster["postgresql"]["parameters"]["archive_timeout"].removesuffix("min"))
    assert minutes <= 15, "RPO 15 minutes"
    credentials = {ref["name"] for ref in store["s3Credentials"].values()}
    assert credentials == {"atende-backup-s3"} and not [s for s in find(docs, "Secret") if s["metadata"]["name"] in credentials]
    backup = one(docs, "ScheduledBackup", "atende-pg-nightly")["spec"]
    assert backup["cluster"]["name"] == "atende-pg" and backup["method"] == "barmanObjectStore"
    assert backup["schedule"].split()[3:] == ["*", "*", "*"], "every day"
    assert (ROOT / "docs" / "runbooks" / "recovery.md").exists() and (ROOT / "docs" / "runbooks" / "canary.md").exists()
