"""Observability of the whole mesh, Envoy included: one REST turn is one trace from
the gateway through every service on its path, correctly parented; each service's
/metrics shows the turn; its log lines carry the trace id; the spans carry what an
operator filters on and never the customer's text or personal data."""

from __future__ import annotations

import json
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from devstack.stack import Stack, StackConfig
from devstack.traces import Span, read_spans, traces, tree

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]
EMAIL = "maria.obs@exemplo.com"
TEXT = f"Quanto custa o kit solar para minha casa? Meu e-mail é {EMAIL}"


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory, database_url: str, redis_url: str) -> Iterator[Stack]:
    suffix = uuid.uuid4().hex[:10]
    config = StackConfig.on_free_ports(
        tmp_path_factory.mktemp("observed"),
        database_url=database_url,
        redis_url=redis_url,
        extra_env={
            "MEMORY_DB_SCHEMA": f"obs_memory_{suffix}",
            "MEMORY_REDIS_PREFIX": f"obs:{suffix}:",
            "INTEGRATIONS_DB_SCHEMA": f"obs_integrations_{suffix}",
            "MEMORY_METRICS_SAMPLE_SECONDS": "0.5",
            "INTEGRATIONS_METRICS_SAMPLE_SECONDS": "0.5",
            # Spans leave each process within a tenth of a second.
            "OTEL_BSP_SCHEDULE_DELAY": "100",
        },
    )
    running = Stack(config)
    running.start()
    yield running
    running.stop()


@pytest.fixture(scope="module")
def turn(stack: Stack) -> httpx.Response:
    response = httpx.post(
        f"{stack.gateway_url}/v1/conversations/obs-turn/messages",
        json={"user_id": "maria-obs", "text": TEXT, "channel": "web"},
        timeout=30,
    )
    assert response.status_code == 200, response.text
    return response


def _trace_of(stack: Stack, request_id: str, want: set[str]) -> list[Span]:
    """The trace whose gateway span carries the request id, once spans of every
    service in `want` have arrived."""
    deadline = time.monotonic() + 20
    while True:
        found: list[Span] = []
        if stack.traces_file.exists():
            for spans in traces(read_spans(stack.traces_file)).values():
                if any(s.attributes.get("guid:x-request-id") == request_id for s in spans):
                    found = spans
        if want <= {s.service for s in found} or time.monotonic() > deadline:
            return found
        time.sleep(0.2)


def test_one_rest_turn_is_one_trace_across_the_mesh(stack: Stack, turn: httpx.Response) -> None:
    request_id = turn.headers["x-request-id"]
    path = {"gateway", "router_svc", "memory_svc", "agent_svc", "knowledge_svc"}
    spans = _trace_of(stack, request_id, path)
    assert path <= {s.service for s in spans}, sorted({s.service for s in spans})
    assert len({s.trace_id for s in spans}) == 1
    roots = tree(spans)
    assert len(roots) == 1 and roots[0].service == "gateway"
    by_id = {s.span_id: s for s in spans}

    def server(service: str, method: str) -> Span:
        return next(s for s in spans if s.service == service and s.kind == 2 and s.name.endswith(method))

    send = server("router_svc", "ConversationService/SendMessage")
    assert by_id[send.parent_id].service == "gateway"
    # Each hop: the callee's server span under the caller's client span, inside the caller's server span.
    for caller, callee, method in (
        (send, server("memory_svc", "MemoryService/GetContext"), "GetContext"),
        (send, server("agent_svc", "AgentService/GenerateReply"), "GenerateReply"),
        (server("agent_svc", "AgentService/GenerateReply"), server("knowledge_svc", "KnowledgeService/SearchKnowledge"),
         "SearchKnowledge"),
        (send, server("memory_svc", "MemoryService/AppendMessages"), "AppendMessages"),
    ):
        client = by_id[callee.parent_id]
        assert client.kind == 3 and client.name.endswith(method) and client.service == caller.service
        assert by_id[client.parent_id] is caller
        assert caller.start <= client.start <= callee.start and callee.end <= client.end <= caller.end + 1_000_000
    # The stores are in the trace: SQL and Redis under memory_svc, the search under knowledge_svc.
    assert any(s.service == "memory_svc" and s.attributes.get("db.system") == "postgresql" for s in spans)
    assert any(s.service == "memory_svc" and s.attributes.get("db.system") == "redis" for s in spans)
    assert any(s.service == "knowledge_svc" and s.name == "knowledge.search" for s in spans)
    # What an operator filters on, on the turn's span and the model call's.
    assert send.attributes["atende.conversation_id"] == "obs-turn"
    assert send.attributes["atende.agent"] == turn.json()["reply"]["agent"]
    assert send.attributes["atende.intent"] == turn.json()["intent"]["name"]
    assert "atende.routing.strategy" in send.attributes
    llm = next(s for s in spans if s.attributes.get("gen_ai.operation.name") == "chat")
    assert llm.service == "agent_svc" and llm.attributes["gen_ai.system"] and llm.attributes["gen_ai.request.model"]
    assert "gen_ai.usage.output_tokens" in llm.attributes and "atende.llm.cost_usd" in llm.attributes


def test_spans_never_carry_the_message_or_personal_data(stack: Stack, turn: httpx.Response) -> None:
    spans = _trace_of(stack, turn.headers["x-request-id"], {"gateway", "router_svc", "memory_svc", "agent_svc"})
    assert spans
    text = json.dumps([[s.name, s.attributes] for s in spans], ensure_ascii=False)
    for secret in (EMAIL, "maria-obs", "kit solar", "Quanto custa", turn.json()["reply"]["text"][:30]):
        assert secret not in text, secret


def test_the_waterfall_command_shows_the_turn(stack: Stack, turn: httpx.Response) -> None:
    request_id = turn.headers["x-request-id"]
    _trace_of(stack, request_id, {"gateway", "router_svc", "memory_svc", "agent_svc", "knowledge_svc"})
    shown = subprocess.run(
        [sys.executable, "-m", "devstack.traces", request_id, "--file", str(stack.traces_file), "--width", "200"],
        cwd=ROOT, capture_output=True, text=True, timeout=30, check=True,
    ).stdout
    lines = shown.splitlines()
    assert lines[0].startswith("trace ") and "gateway → router_svc" in lines[0]
    assert any("SendMessage" in line and "█" in line for line in lines)
    assert any(line.startswith("knowledge_svc") for line in lines)


def test_every_service_counts_the_turn_on_its_metrics_endpoint(stack: Stack, turn: httpx.Response) -> None:
    def scrape(name: str) -> str:
        answer = httpx.get(stack.metrics_url(name), timeout=5)
        assert answer.status_code == 200
        return answer.text

    router = scrape("router_svc")
    assert 'grpc_server_handled_total{grpc_code="OK",grpc_method="SendMessage"' in router
    assert 'grpc_server_handling_seconds_count{grpc_code="OK",grpc_method="SendMessage"' in router
    assert "atende_turns_total{" in router and "atende_turn_duration_seconds_bucket" in router
    assert 'grpc_method="GenerateReply"' in scrape("agent_svc")
    assert "atende_llm_calls_total{" in scrape("agent_svc")
    memory = scrape("memory_svc")
    assert 'grpc_method="AppendMessages"' in memory and "atende_cache_lookups_total{" in memory
    assert "atende_handoff_queue_depth{" in memory and "atende_outbox_oldest_pending_age_seconds" in memory
    assert "atende_knowledge_searches_total{" in scrape("knowledge_svc")
    assert "atende_job_oldest_queued_age_seconds" in scrape("integrations_svc")
    gateway = scrape("gateway")
    assert "envoy_cluster_upstream_rq_total" in gateway and 'envoy_cluster_name="router_svc"' in gateway
    # The stats listener serves nothing else of the admin interface.
    assert httpx.get(stack.metrics_url("gateway").replace("/stats/prometheus", "/config_dump")).status_code == 404


def test_the_turns_log_lines_carry_its_trace_id(stack: Stack, turn: httpx.Response) -> None:
    request_id = turn.headers["x-request-id"]
    spans = _trace_of(stack, request_id, {"gateway", "router_svc"})
    trace_id = spans[0].trace_id
    assert stack.config.log_dir is not None
    lines = [json.loads(line) for line in (stack.config.log_dir / "router_svc.log").read_text().splitlines()
             if line.startswith("{") and request_id in line]
    assert lines and all(line["trace_id"] == trace_id and len(line["span_id"]) == 16 for line in lines)
    assert any(line["msg"] == "turn" for line in lines)


def test_dashboard_and_rule_metric_names_exist_on_the_live_endpoints(stack: Stack, turn: httpx.Response) -> None:
    """Every Envoy series the shipped rules and dashboards read is one the gateway
    serves (the services' own are checked without a stack, in tests/test_observability_assets.py)."""
    from test_observability_assets import metric_names_used

    served = httpx.get(stack.metrics_url("gateway"), timeout=5).text
    envoy_names = {n for n in metric_names_used() if n.startswith("envoy_")}
    assert envoy_names
    missing = [n for n in envoy_names if f"\n{n}{{" not in served and f"\n{n} " not in served]
    assert not missing, missing


CONSENT_DEMO = (
    "Oi, bom dia!",
    "Quanto custa o kit solar para minha casa?",
    "Meu nome é Ana Lima, email ana.obs@exemplo.com.br. Orçamento de uns 20 mil reais.",
    "Eu decido sozinha, quero instalar no próximo mês.",
    "Sim, pode passar meus dados para o consultor.",
)


def test_the_outbox_delivery_links_back_to_the_turn_that_committed_it(stack: Stack) -> None:
    """The consent turn commits a sync_lead action; the relay delivers it later, in a
    trace of its own that links to the turn's trace and goes on into integrations_svc."""
    responses = [
        httpx.post(f"{stack.gateway_url}/v1/conversations/obs-outbox/messages",
                   json={"user_id": "ana-obs", "text": text, "channel": "web"}, timeout=30)
        for text in CONSENT_DEMO
    ]
    assert all(r.status_code == 200 for r in responses), [r.text for r in responses]
    assert responses[-1].json()["lead"]["crm_status"] == "CRM_STATUS_PENDING"
    turn = _trace_of(stack, responses[-1].headers["x-request-id"], {"gateway", "router_svc", "memory_svc"})
    append = next(s for s in turn if s.service == "memory_svc" and s.name.endswith("MemoryService/AppendMessages")
                  and s.kind == 2)
    deadline = time.monotonic() + 30

    def submitted(spans: list[Span]) -> bool:
        return any(s.service == "integrations_svc" and s.name.endswith("IntegrationsService/SyncLead") for s in spans)

    linked: list[list[Span]] = []
    while time.monotonic() < deadline and not any(submitted(spans) for spans in linked):
        time.sleep(0.3)
        # The submission's trace, then the follow-ups' (GetJob until the CRM has it): each links to the turn.
        linked = [
            spans for spans in traces(read_spans(stack.traces_file)).values()
            if any(s.name == "relay sync_lead" and s.attributes.get("atende.conversation_id") == "obs-outbox"
                   and s.links == [(append.trace_id, append.span_id)] for s in spans)
        ]
    assert linked, "no relay trace linked to the consent turn"
    assert all(spans[0].trace_id != append.trace_id for spans in linked)
    assert any(submitted(spans) for spans in linked), [sorted({(s.service, s.name) for s in spans}) for spans in linked]
