"""Writes atende's Grafana dashboards (JSON) into k8s/components/observability/dashboards/.

    python tools/gen_dashboards.py          # rewrite them
    python tools/gen_dashboards.py --check  # fail if the committed files differ

The dashboards are data: this file keeps their panels short to read and alike (one
Prometheus data source variable, the same units and layout); the JSON is what ships.
tests/test_observability_assets.py checks that every query names a metric the services
or Envoy really export, and that the files are this script's output."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

OUT = Path(__file__).resolve().parent.parent / "k8s" / "components" / "observability" / "dashboards"
DS = {"type": "prometheus", "uid": "${datasource}"}
SERVICE = 'grpc_service=~"$service"'
GATEWAY = 'envoy_http_conn_manager_prefix="gateway"'
SERVER_ERRORS = 'grpc_code=~"UNKNOWN|INTERNAL|UNAVAILABLE|DEADLINE_EXCEEDED|DATA_LOSS|UNIMPLEMENTED"'


def _p(quantile: float, metric: str, selector: str = "", by: str = "le") -> str:
    inner = f"{metric}_bucket{{{selector}}}" if selector else f"{metric}_bucket"
    return f"histogram_quantile({quantile}, sum by ({by}) (rate({inner}[$__rate_interval])))"


class Board:
    def __init__(self, uid: str, title: str, description: str, variables: list[dict[str, Any]] | None = None) -> None:
        self.uid, self.title, self.description = uid, title, description
        self.panels: list[dict[str, Any]] = []
        self.variables = variables or []
        self._x = self._y = 0

    def row(self, title: str) -> None:
        if self._x:
            self._x, self._y = 0, self._y + 8
        self.panels.append({"type": "row", "title": title, "collapsed": False, "id": len(self.panels) + 1,
                            "gridPos": {"h": 1, "w": 24, "x": 0, "y": self._y}, "panels": []})
        self._y += 1

    def panel(self, title: str, targets: list[tuple[str, str]], unit: str = "short", kind: str = "timeseries",
              width: int = 8, description: str = "") -> None:
        if self._x + width > 24:
            self._x, self._y = 0, self._y + 8
        panel: dict[str, Any] = {
            "id": len(self.panels) + 1,
            "type": kind,
            "title": title,
            "description": description,
            "datasource": DS,
            "gridPos": {"h": 8, "w": width, "x": self._x, "y": self._y},
            "fieldConfig": {"defaults": {"unit": unit}, "overrides": []},
            "options": {"legend": {"displayMode": "table", "placement": "bottom", "calcs": ["lastNotNull", "max"]}}
            if kind == "timeseries" else {},
            "targets": [
                {"refId": chr(ord("A") + i), "datasource": DS, "expr": expr, "legendFormat": legend}
                for i, (expr, legend) in enumerate(targets)
            ],
        }
        self.panels.append(panel)
        self._x += width

    def json(self) -> dict[str, Any]:
        datasource = {"name": "datasource", "type": "datasource", "query": "prometheus", "label": "Prometheus",
                      "current": {}, "hide": 0}
        return {
            "uid": self.uid,
            "title": self.title,
            "description": self.description,
            "tags": ["atende"],
            "timezone": "browser",
            "schemaVersion": 39,
            "version": 1,
            "editable": True,
            "refresh": "30s",
            "time": {"from": "now-3h", "to": "now"},
            "templating": {"list": [datasource, *self.variables]},
            "annotations": {"list": []},
            "panels": self.panels,
        }


def _service_variable() -> dict[str, Any]:
    return {
        "name": "service", "label": "service", "type": "query", "datasource": DS, "refresh": 2,
        "query": {"query": "label_values(grpc_server_handled_total, grpc_service)", "refId": "service"},
        "definition": "label_values(grpc_server_handled_total, grpc_service)",
        "includeAll": True, "multi": True, "allValue": ".*", "current": {}, "hide": 0, "sort": 1,
    }


def golden_signals() -> Board:
    board = Board("atende-golden-signals", "atende / golden signals",
                  "Traffic, errors, latency and saturation of every gRPC service and of the gateway.",
                  [_service_variable()])
    board.row("Services (server side of every RPC)")
    board.panel("Requests a second by method", [
        (f"sum by (grpc_service, grpc_method) (rate(grpc_server_handled_total{{{SERVICE}}}[$__rate_interval]))",
         "{{grpc_service}} {{grpc_method}}")], "reqps")
    board.panel("Server error ratio (target < 0.5 %)", [
        (f"sum by (grpc_service) (rate(grpc_server_handled_total{{{SERVICE},{SERVER_ERRORS}}}[$__rate_interval])) / "
         f"sum by (grpc_service) (rate(grpc_server_handled_total{{{SERVICE}}}[$__rate_interval]))", "{{grpc_service}}")],
        "percentunit")
    board.panel("Responses by status code", [
        (f"sum by (grpc_code) (rate(grpc_server_handled_total{{{SERVICE}}}[$__rate_interval]))", "{{grpc_code}}")],
        "reqps")
    board.panel("p50 / p95 / p99 latency by method", [
        (_p(q, "grpc_server_handling_seconds", SERVICE, "le, grpc_method"), f"p{int(q * 100)} {{{{grpc_method}}}}")
        for q in (0.5, 0.95, 0.99)], "s", width=12)
    board.panel("In flight (saturation)", [
        (f"sum by (grpc_service) (grpc_server_in_flight{{{SERVICE}}})", "{{grpc_service}}")], width=6)
    board.panel("Pods SERVING", [("sum(atende_serving)", "serving"), ("count(atende_serving)", "pods")], width=6)
    board.row("Gateway (Envoy)")
    board.panel("Requests a second by class", [
        (f"sum by (envoy_response_code_class) (rate(envoy_http_downstream_rq_xx{{{GATEWAY}}}[$__rate_interval]))",
         "{{envoy_response_code_class}}xx")], "reqps")
    board.panel("Gateway 5xx ratio", [
        (f'sum(rate(envoy_http_downstream_rq_xx{{{GATEWAY},envoy_response_code_class="5"}}[$__rate_interval])) / '
         f"sum(rate(envoy_http_downstream_rq_total{{{GATEWAY}}}[$__rate_interval]))", "5xx")], "percentunit")
    board.panel("Gateway p95 by upstream", [
        (_p(0.95, "envoy_cluster_upstream_rq_time", 'envoy_cluster_name=~".*_svc"', "le, envoy_cluster_name"),
         "{{envoy_cluster_name}}")], "ms")
    board.panel("Healthy upstream hosts", [
        ('min by (envoy_cluster_name) (envoy_cluster_membership_healthy{envoy_cluster_name=~".*_svc"})',
         "{{envoy_cluster_name}}")], width=12)
    board.panel("Active downstream connections", [
        (f"sum(envoy_http_downstream_cx_active{{{GATEWAY}}})", "connections")], width=12)
    return board


def _hop(method: str) -> str:
    return _p(0.95, "grpc_server_handling_seconds", f'grpc_method="{method}"')


def turn_latency() -> Board:
    board = Board("atende-turn-latency", "atende / a turn, hop by hop",
                  "Where a customer turn's time goes: the gateway, router_svc, its calls to memory_svc and "
                  "agent_svc, the knowledge search and the LLM (p95 of each hop).")
    board.row("The turn")
    board.panel("p50 / p95 / p99 turn (router_svc, target p95 < 2 s)", [
        (_p(q, "atende_turn_duration_seconds"), f"p{int(q * 100)}") for q in (0.5, 0.95, 0.99)], "s", width=12)
    board.panel("p95 turn by agent", [(_p(0.95, "atende_turn_duration_seconds", "", "le, agent"), "{{agent}}")],
                "s", width=12)
    board.row("Hops (p95)")
    board.panel("p95 of each hop", [
        (_p(0.95, "envoy_cluster_upstream_rq_time", 'envoy_cluster_name="router_svc"') + " / 1000",
         "gateway → router_svc"),
        (_hop("SendMessage"), "router_svc SendMessage"),
        (_hop("GetContext"), "memory_svc GetContext"),
        (_hop("GenerateReply"), "agent_svc GenerateReply"),
        (_hop("SearchKnowledge"), "knowledge_svc SearchKnowledge"),
        (_p(0.95, "atende_llm_call_duration_seconds"), "LLM call"),
        (_hop("AppendMessages"), "memory_svc AppendMessages"),
    ], "s", kind="timeseries", width=24,
        description="Each hop includes the ones below it: the gateway's includes router_svc's, GenerateReply "
                    "includes the knowledge search and the LLM.")
    board.panel("Knowledge search p95 by collection", [
        (_p(0.95, "atende_knowledge_search_duration_seconds", "", "le, collection"), "{{collection}}")], "s")
    board.panel("LLM call p95 by model", [
        (_p(0.95, "atende_llm_call_duration_seconds", "", "le, provider, model"), "{{provider}} {{model}}")], "s")
    board.panel("Context cache hit rate", [
        ('sum(rate(atende_cache_lookups_total{cache="context",result="hit"}[$__rate_interval])) / '
         'sum(rate(atende_cache_lookups_total{cache="context"}[$__rate_interval]))', "hit rate")], "percentunit")
    return board


def business() -> Board:
    board = Board("atende-business", "atende / business KPIs",
                  "Turns, leads, hand-offs, guardrails and the delivery of actions to the business's systems.")
    board.row("Conversations")
    board.panel("Turns a minute by agent", [
        ("sum by (agent) (rate(atende_turns_total[$__rate_interval])) * 60", "{{agent}}")])
    board.panel("Turns a minute by intent", [
        ("sum by (intent) (rate(atende_turns_total[$__rate_interval])) * 60", "{{intent}}")])
    board.panel("Agent hand-overs and escalations to people", [
        ("sum(increase(atende_agent_handoffs_total[1h]))", "agent to agent (1 h)"),
        ("sum(increase(atende_handoffs_to_people_total[1h]))", "to people (1 h)")])
    board.panel("Out-of-scope messages put to an agent: answered from the knowledge base or confirmed (1 h)", [
        ("sum by (outcome) (increase(atende_out_of_scope_checks_total[1h]))", "{{outcome}}")])
    board.row("Leads")
    board.panel("Leads created, updated, qualified (1 h)", [
        ("sum by (event) (increase(atende_leads_total[1h]))", "{{event}}")])
    board.panel("Lead score distribution", [
        ("sum by (le) (increase(atende_lead_score_bucket[$__rate_interval]))", "{{le}}")], kind="heatmap")
    board.panel("Qualification rate (qualified / created)", [
        ('sum(increase(atende_leads_total{event="qualified"}[1d])) / sum(increase(atende_leads_total{event="created"}[1d]))',
         "qualified")], "percentunit")
    board.row("People")
    board.panel("Hand-off queue depth", [("sum by (owner_kind) (atende_handoff_queue_depth)", "{{owner_kind}}")])
    board.panel("Turns stored for people (1 h)", [("sum(increase(atende_turns_for_people_total[1h]))", "turns")])
    board.panel("Replies dropped because a person took over (1 h)", [
        ("sum(increase(atende_replies_dropped_for_people_total[1h]))", "dropped")])
    board.row("Guardrails")
    board.panel("Guardrail trips a minute by check", [
        ("sum by (stage, check) (rate(atende_guardrail_trips_total[$__rate_interval])) * 60", "{{stage}} {{check}}")],
        width=12)
    board.panel("Prompt injections blocked (1 h)", [("sum(increase(atende_prompt_injections_blocked_total[1h]))", "blocked")],
                width=12)
    board.row("Actions and integrations")
    board.panel("Outbox: pending actions by kind", [("sum by (kind) (atende_outbox_pending)", "{{kind}}")])
    board.panel("Oldest pending action / queued job", [
        ("max(atende_outbox_oldest_pending_age_seconds)", "outbox"),
        ("max(atende_job_oldest_queued_age_seconds)", "vendor jobs")], "s")
    board.panel("Dead letters and failed actions", [
        ("sum by (kind) (atende_dead_letters)", "dead {{kind}}"), ("max(atende_outbox_failed)", "outbox failed")])
    board.panel("Deliveries a minute by outcome", [
        ("sum by (adapter, outcome) (rate(atende_deliveries_total[$__rate_interval])) * 60", "{{adapter}} {{outcome}}")],
        width=12)
    board.panel("Actions committed by kind (1 h)", [("sum by (kind) (increase(atende_actions_committed_total[1h]))", "{{kind}}")],
                width=12)
    board.row("Caches")
    board.panel("Cache hit rate by cache", [
        ('sum by (cache) (rate(atende_cache_lookups_total{result="hit"}[$__rate_interval])) / '
         "sum by (cache) (rate(atende_cache_lookups_total[$__rate_interval]))", "{{cache}}")], "percentunit", width=12)
    board.panel("Knowledge searches that reuse the router's embedding", [
        ('sum(rate(atende_knowledge_searches_total{embedding="given"}[$__rate_interval])) / '
         "sum(rate(atende_knowledge_searches_total[$__rate_interval]))", "reused")], "percentunit", width=12)
    return board


def cost() -> Board:
    board = Board("atende-llm-cost", "atende / LLM cost",
                  "Model calls, tokens and what they cost, by provider and model; the cascade's step-downs.")
    board.row("Spend")
    board.panel("Cost an hour by model (USD)", [
        ("sum by (provider, model) (rate(atende_llm_cost_usd_total[$__rate_interval])) * 3600", "{{provider}} {{model}}")],
        "currencyUSD", width=12)
    board.panel("Cost in the last 24 h (USD)", [("sum(increase(atende_llm_cost_usd_total[24h]))", "24 h")],
                "currencyUSD", kind="stat", width=6)
    board.panel("Cost per turn (USD)", [
        ("sum(rate(atende_llm_cost_usd_total[1h])) / sum(rate(atende_turns_total[1h]))", "per turn")],
        "currencyUSD", kind="stat", width=6)
    board.row("Calls and tokens")
    board.panel("Calls a minute by model and outcome", [
        ("sum by (provider, model, outcome) (rate(atende_llm_calls_total[$__rate_interval])) * 60",
         "{{provider}} {{model}} {{outcome}}")])
    board.panel("Tokens a minute by kind", [
        ("sum by (provider, model, kind) (rate(atende_llm_tokens_total[$__rate_interval])) * 60",
         "{{model}} {{kind}}")])
    board.panel("Prompt cache share of input tokens", [
        ('sum(rate(atende_llm_tokens_total{kind="cache_read"}[$__rate_interval])) / '
         'sum(rate(atende_llm_tokens_total{kind=~"input|cache_read"}[$__rate_interval]))', "cached")], "percentunit")
    board.row("Budget cascade")
    board.panel("Step-downs a minute by reason", [
        ("sum by (agent, model, reason) (rate(atende_llm_step_downs_total[$__rate_interval])) * 60",
         "{{agent}} {{model}} {{reason}}")], width=24)
    return board


BOARDS = {"golden-signals.json": golden_signals, "turn-latency.json": turn_latency, "business.json": business,
          "llm-cost.json": cost}


def render() -> dict[str, str]:
    return {name: json.dumps(make().json(), indent=2, ensure_ascii=False) + "\n" for name, make in BOARDS.items()}


def main(argv: list[str]) -> int:
    files = render()
    if "--check" in argv:
        stale = [name for name, text in files.items() if not (OUT / name).exists() or (OUT / name).read_text() != text]
        if stale:
            print(f"stale dashboards (run python tools/gen_dashboards.py): {', '.join(stale)}", file=sys.stderr)
            return 1
        return 0
    OUT.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (OUT / name).write_text(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
