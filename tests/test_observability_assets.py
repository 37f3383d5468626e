"""What ships for operators, checked without a cluster: the alert rules (promtool check
and promtool test with fixture series), the Grafana dashboards (every query names a
metric the services export, with labels they have), the kustomize component that
deploys them, and the telemetry of one process (metrics names, log ids, no message
text in spans). Envoy's metric names are checked against a live gateway in
tests/e2e/test_observability.py."""

from __future__ import annotations

import asyncio
import json
import logging
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
COMPONENT = ROOT / "k8s" / "components" / "observability"
RULES = COMPONENT / "prometheus-rules.yaml"
DASHBOARDS = COMPONENT / "dashboards"

# PromQL words that are not metric names.
_PROMQL_WORDS = {
    "sum", "rate", "increase", "irate", "histogram_quantile", "max", "min", "avg", "count", "by", "without", "on",
    "ignoring", "group_left", "group_right", "and", "or", "unless", "offset", "bool", "label_values", "topk", "bottomk",
    "abs", "clamp_min", "clamp_max", "delta", "deriv", "absent", "time", "vector", "scalar", "le", "inf", "nan",
}
# Series Prometheus makes itself, not an exporter.
_PROMETHEUS_OWN = {"up"}


def _rule_exprs() -> list[str]:
    doc = yaml.safe_load(RULES.read_text())
    return [rule["expr"] for group in doc["spec"]["groups"] for rule in group["rules"]]


def _dashboard_exprs() -> list[str]:
    exprs = []
    for path in sorted(DASHBOARDS.glob("*.json")):
        board = json.loads(path.read_text())
        for panel in board["panels"]:
            exprs += [target["expr"] for target in panel.get("targets", [])]
        for variable in board["templating"]["list"]:
            if variable.get("type") == "query":
                exprs.append(variable["definition"])
    return exprs


def _selectors(expr: str) -> Iterator[tuple[str, set[str]]]:
    """(metric, label names it is selected by) for each selector with braces."""
    for match in re.finditer(r"([a-zA-Z_:][a-zA-Z0-9_:]*)\{([^}]*)\}", expr):
        labels = set(re.findall(r"([a-zA-Z_][a-zA-Z0-9_]*)\s*(?:=~|!~|!=|=)", match.group(2)))
        yield match.group(1), labels


def metric_names(expr: str) -> set[str]:
    text = re.sub(r'"[^"]*"', "", expr)  # strings
    text = re.sub(r"\{[^}]*\}", " ", text)  # label matchers
    text = re.sub(r"\[[^\]]*\]", " ", text)  # ranges
    text = re.sub(r"\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)", " ", text)  # grouping labels
    text = re.sub(r"\$\w+", " ", text)  # Grafana variables
    names = set()
    for match in re.finditer(r"[a-zA-Z_:][a-zA-Z0-9_:]*", text):
        word = match.group(0)
        after = text[match.end():].lstrip()[:1]
        if word.lower() in _PROMQL_WORDS or after == "(" or re.fullmatch(r"\d+[smhdwy]?", word):
            continue
        names.add(word)
    # label_values(metric, label): the label is not a metric.
    for call in re.finditer(r"label_values\(\s*([a-zA-Z_:][a-zA-Z0-9_:]*)\s*,\s*([a-zA-Z_]\w*)\s*\)", expr):
        names.discard(call.group(2))
        names.add(call.group(1))
    return names


def metric_names_used() -> set[str]:
    return set().union(*(metric_names(e) for e in _rule_exprs() + _dashboard_exprs()))


def _import_every_service_metrics() -> None:
    for module in ("atende_runtime.metrics", "router_svc.metrics", "agent_svc.metrics", "memory_svc.metrics",
                   "integrations_svc.metrics", "knowledge_svc.metrics"):
        __import__(module)


def exported() -> dict[str, set[str]]:
    """Every series name the services' processes export, with its label names."""
    from prometheus_client import REGISTRY

    _import_every_service_metrics()
    suffixes = {"counter": ("_total", "_created"), "histogram": ("_bucket", "_count", "_sum", "_created"),
                "gauge": ("",), "summary": ("_count", "_sum", "_created"), "info": ("_info",)}
    names: dict[str, set[str]] = {}
    for collector in list(REGISTRY._collector_to_names):  # the registered metrics, with their label names
        if not hasattr(collector, "describe"):
            continue  # the process and platform collectors: nothing of ours
        labels = set(getattr(collector, "_labelnames", ()))
        for family in collector.describe():
            for suffix in suffixes.get(family.type, ("",)):
                names[family.name + suffix] = labels | ({"le"} if suffix == "_bucket" else set())
    return names


def test_every_metric_a_rule_or_dashboard_reads_is_exported() -> None:
    served = exported()
    used = metric_names_used()
    assert {"grpc_server_handled_total", "atende_turn_duration_seconds_bucket", "atende_llm_cost_usd_total"} <= used
    ours = {name for name in used if not name.startswith("envoy_") and name not in _PROMETHEUS_OWN}
    missing = sorted(ours - set(served))
    assert not missing, f"read by a rule or dashboard, exported by no service: {missing}"
    for expr in _rule_exprs() + _dashboard_exprs():
        for metric, labels in _selectors(expr):
            if metric in served:
                assert labels <= served[metric], f"{metric} has no label {sorted(labels - served[metric])}: {expr}"


def test_the_metric_name_parser() -> None:
    expr = ('histogram_quantile(0.95, sum by (le, grpc_method) (rate(grpc_server_handling_seconds_bucket'
            '{grpc_service=~"$service"}[$__rate_interval]))) / 1000 > 2 and up{job=~"x"} == 0')
    assert metric_names(expr) == {"grpc_server_handling_seconds_bucket", "up"}
    assert metric_names("label_values(grpc_server_handled_total, grpc_service)") == {"grpc_server_handled_total"}


def _promtool() -> str | None:
    for candidate in (os.environ.get("PROMTOOL"), shutil.which("promtool"), str(ROOT / "build" / "tools" / "promtool")):
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    return None


@pytest.fixture(scope="module")
def promtool() -> str:
    found = _promtool()
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("promtool is missing: `make test` fetches it (tools/promtool.sh)")
        pytest.skip("promtool is not installed: run tools/promtool.sh")
    return found


@pytest.fixture()
def rules_dir(tmp_path: Path) -> Path:
    """The PrometheusRule's groups as a plain rules file, beside the test fixtures."""
    groups = yaml.safe_load(RULES.read_text())["spec"]["groups"]
    (tmp_path / "atende.rules.yaml").write_text(yaml.safe_dump({"groups": groups}, sort_keys=False))
    shutil.copy(COMPONENT / "rules-test.yaml", tmp_path / "rules-test.yaml")
    return tmp_path


def test_promtool_check_rules(promtool: str, rules_dir: Path) -> None:
    result = subprocess.run([promtool, "check", "rules", str(rules_dir / "atende.rules.yaml")],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr


def test_promtool_test_rules(promtool: str, rules_dir: Path) -> None:
    result = subprocess.run([promtool, "test", "rules", "rules-test.yaml"], cwd=rules_dir,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_alert_the_issue_names_exists_and_is_tested() -> None:
    doc = yaml.safe_load(RULES.read_text())
    alerts = {rule["alert"]: rule for group in doc["spec"]["groups"] for rule in group["rules"]}
    for name in ("AtendeErrorRatioHigh", "AtendeTurnLatencyHigh", "AtendeOutboxStuck", "AtendeDeadLetters",
                 "AtendeGuardrailTripSpike", "AtendeServiceNotServing"):
        assert name in alerts
    assert "> 0.005" in alerts["AtendeErrorRatioHigh"]["expr"] and "> 2" in alerts["AtendeTurnLatencyHigh"]["expr"]
    tested = {case["alertname"] for test in yaml.safe_load((COMPONENT / "rules-test.yaml").read_text())["tests"]
              for case in test["alert_rule_test"]}
    assert set(alerts) <= tested, f"alerts without a promtool test: {sorted(set(alerts) - tested)}"
    for rule in alerts.values():
        assert rule["labels"]["severity"] in ("page", "warn") and rule["annotations"]["summary"]


def test_dashboards_are_the_generators_output_and_well_formed() -> None:
    result = subprocess.run([sys.executable, str(ROOT / "tools" / "gen_dashboards.py"), "--check"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    titles = set()
    for path in sorted(DASHBOARDS.glob("*.json")):
        board = json.loads(path.read_text())
        titles.add(board["title"])
        ids = [panel["id"] for panel in board["panels"]]
        assert len(ids) == len(set(ids)), path.name
        queried = [panel for panel in board["panels"] if panel["type"] != "row"]
        assert queried and all(panel["targets"] and all(t["expr"] for t in panel["targets"]) for panel in queried)
        assert all(panel["datasource"]["uid"] == "${datasource}" for panel in queried)
    assert {"atende / golden signals", "atende / a turn, hop by hop", "atende / business KPIs",
            "atende / LLM cost"} <= titles


@pytest.mark.skipif(shutil.which("kubectl") is None, reason="kubectl is not installed")
def test_the_kustomize_component_scrapes_every_pod_and_ships_rules_and_dashboards(tmp_path: Path) -> None:
    tree = tmp_path / "k8s"
    shutil.copytree(ROOT / "k8s", tree, ignore=shutil.ignore_patterns("secrets.env"))
    shutil.copy(tree / "base" / "secrets.example.env", tree / "base" / "secrets.env")
    overlay = tree / "overlays" / "observed"
    overlay.mkdir()
    (overlay / "kustomization.yaml").write_text(
        "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nnamespace: atende\n"
        "resources: [../../base]\ncomponents: [../../components/observability]\n"
    )
    result = subprocess.run(["kubectl", "kustomize", str(overlay)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    docs: list[dict[str, Any]] = [d for d in yaml.safe_load_all(result.stdout) if d]
    by_kind: dict[str, list[dict[str, Any]]] = {}
    for doc in docs:
        by_kind.setdefault(doc["kind"], []).append(doc)
    config = next(d for d in by_kind["ConfigMap"] if d["metadata"]["name"].startswith("atende-config"))["data"]
    for deployment in by_kind["Deployment"]:
        container = deployment["spec"]["template"]["spec"]["containers"][0]
        ports = {p["name"]: p["containerPort"] for p in container["ports"]}
        assert "metrics" in ports, deployment["metadata"]["name"]
        annotations = deployment["spec"]["template"]["metadata"]["annotations"]
        assert annotations["prometheus.io/port"] == str(ports["metrics"])
        name = deployment["metadata"]["name"]
        setting = "GATEWAY_STATS_PORT" if name == "gateway" else f"{name.upper()}_METRICS_PORT"
        assert config[setting] == str(ports["metrics"]), name
    monitors = {m["metadata"]["name"]: m for m in by_kind["PodMonitor"]}
    assert monitors["atende-gateway"]["spec"]["podMetricsEndpoints"][0]["path"] == "/stats/prometheus"
    assert monitors["atende-services"]["spec"]["podMetricsEndpoints"][0]["port"] == "metrics"
    assert all(m["metadata"]["namespace"] == "atende" for m in monitors.values())
    (rule,) = by_kind["PrometheusRule"]
    assert rule["spec"] == yaml.safe_load(RULES.read_text())["spec"]
    (dashboards,) = [d for d in by_kind["ConfigMap"] if d["metadata"]["name"] == "atende-dashboards"]
    assert dashboards["metadata"]["labels"]["grafana_dashboard"] == "1"
    assert set(dashboards["data"]) == {p.name for p in DASHBOARDS.glob("*.json")}


# --- one process's telemetry ---------------------------------------------------------------


@pytest.fixture(scope="module")
def memory_spans() -> Any:
    """Tracing on in this process, spans kept in memory."""
    from opentelemetry import trace
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import SimpleSpanProcessor
    from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

    from atende_runtime import telemetry

    exporter = InMemorySpanExporter()
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    if not telemetry.enabled():
        trace.set_tracer_provider(provider)
        telemetry._state["provider"] = provider
    else:  # another test set tracing up first: add to its provider
        telemetry._state["provider"].add_span_processor(SimpleSpanProcessor(exporter))
    return exporter


async def test_a_call_through_open_channel_is_a_client_span_the_server_continues(memory_spans: Any) -> None:
    import grpc
    from atende.agent.v1 import agent_service_pb2 as apb
    from atende.agent.v1 import agent_service_pb2_grpc as agrpc

    from atende_runtime.channels import open_channel
    from atende_runtime.errors import NotFound
    from atende_runtime.interceptors import RequestContextInterceptor
    from atende_runtime.service import register
    from atende_runtime.telemetry import span

    class Agents:
        async def ListAgents(self, request: Any, context: Any) -> Any:
            return apb.ListAgentsResponse()

        async def GenerateReply(self, request: Any, context: Any) -> Any:
            raise NotFound("no such agent")

    server = grpc.aio.server(interceptors=[RequestContextInterceptor()])
    register(server, apb.DESCRIPTOR.services_by_name["AgentService"], Agents())
    port = server.add_insecure_port("127.0.0.1:0")
    await server.start()
    channel = open_channel(f"127.0.0.1:{port}", 5)
    memory_spans.clear()
    try:
        stub = agrpc.AgentServiceStub(channel)
        with span("turn", conversation_id="c-1"):
            await stub.ListAgents(apb.ListAgentsRequest())
            with pytest.raises(grpc.aio.AioRpcError):
                await stub.GenerateReply(apb.GenerateReplyRequest(agent="nobody"))
    finally:
        await channel.close()
        await server.stop(None)
    await asyncio.sleep(0)
    spans = memory_spans.get_finished_spans()
    root = next(s for s in spans if s.name == "turn")
    clients = [s for s in spans if s.kind.name == "CLIENT"]
    servers = [s for s in spans if s.kind.name == "SERVER"]
    assert len(clients) == 2 and len(servers) == 2
    assert {s.context.trace_id for s in spans} == {root.context.trace_id}
    assert all(c.parent.span_id == root.context.span_id for c in clients)
    assert {s.parent.span_id for s in servers} == {c.context.span_id for c in clients}
    assert sorted(c.attributes["rpc.grpc.status_code"] for c in clients) == [0, 5]
    assert sorted(s.attributes["rpc.grpc.status_code"] for s in servers) == [0, 5]
    assert {s.name for s in servers} == {"atende.agent.v1.AgentService/ListAgents", "atende.agent.v1.AgentService/GenerateReply"}
    assert all(s.attributes["rpc.system"] == "grpc" for s in servers)
    assert root.attributes["atende.conversation_id"] == "c-1"


def test_log_lines_carry_the_current_trace_and_span_ids(memory_spans: Any) -> None:
    from atende_runtime.logs import JsonFormatter
    from atende_runtime.telemetry import span

    formatter = JsonFormatter("test")
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "outside", None, None)
    assert "trace_id" not in json.loads(formatter.format(record))
    with span("work") as current:
        line = json.loads(formatter.format(logging.LogRecord("x", logging.INFO, __file__, 1, "inside", None, None)))
    assert line["trace_id"] == format(current.get_span_context().trace_id, "032x")
    assert line["span_id"] == format(current.get_span_context().span_id, "016x")


def test_otlp_json_lines_round_trip_through_the_waterfall(tmp_path: Path, memory_spans: Any) -> None:
    from opentelemetry.exporter.otlp.proto.common.trace_encoder import encode_spans

    from atende_runtime.telemetry import otlp_json, span
    from devstack.traces import read_spans, select, traces, waterfall

    memory_spans.clear()
    with span("outer", agent="sales"), span("inner"):
        pass
    finished = memory_spans.get_finished_spans()
    path = tmp_path / "spans.jsonl"
    path.write_text(otlp_json(encode_spans(finished)) + "\n" + "{half a line")
    line = json.loads(path.read_text().splitlines()[0])
    raw = line["resourceSpans"][0]["scopeSpans"][0]["spans"][0]
    assert re.fullmatch(r"[0-9a-f]{32}", raw["traceId"]) and re.fullmatch(r"[0-9a-f]{16}", raw["spanId"])
    chosen = select(traces(read_spans(path)), None)
    assert chosen is not None
    drawn = waterfall(chosen, 120)
    assert drawn.startswith("trace ") and "outer" in drawn and "  inner" in drawn and "agent=sales" in drawn


def test_the_file_exporter_and_the_otlp_receiver_write_the_same_otlp_json(tmp_path: Path, memory_spans: Any) -> None:
    """The services' file path (spans_json, no protobuf) and the OTLP/gRPC path through
    the local receiver (what Envoy and a service with OTEL_EXPORTER_OTLP_ENDPOINT use)
    give the same lines."""
    from opentelemetry.exporter.otlp.proto.grpc.trace_exporter import OTLPSpanExporter

    from atende_runtime.telemetry import OtlpJsonFileExporter, span
    from devstack.embedded import free_port
    from devstack.otlp_sink import serve

    memory_spans.clear()
    with span("outer", agent="sales", score=80, cost=0.5, verdicts=["pii:redacted"]), span("inner"):
        pass
    finished = memory_spans.get_finished_spans()
    direct = tmp_path / "direct.jsonl"
    OtlpJsonFileExporter(direct).export(finished)
    received = tmp_path / "received.jsonl"
    port = free_port()
    sink = serve(port, received)
    try:
        exporter = OTLPSpanExporter(endpoint=f"http://127.0.0.1:{port}", insecure=True)
        assert exporter.export(finished).name == "SUCCESS"
        exporter.shutdown()
    finally:
        sink.stop(None)

    def spans_of(path: Path) -> list[dict[str, Any]]:
        (line,) = path.read_text().splitlines()
        spans = json.loads(line)["resourceSpans"][0]["scopeSpans"][0]["spans"]
        for item in spans:
            item.pop("flags", None)
        return sorted(spans, key=lambda item: item["spanId"])

    assert spans_of(direct) == spans_of(received)
