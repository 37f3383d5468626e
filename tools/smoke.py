"""Smoke test of a running atende, through its gateway: the README's first turn, its
read-back, a lead and a hand-off to a person, each checked. Exits 0 when every step
passed, 1 otherwise (and says which step and why). Run it after a deploy, a rollback
or a recovery (docs/runbooks/recovery.md):

    python tools/smoke.py --url https://api.example.com --key "$ATENDE_API_KEY"
    python tools/smoke.py --url http://localhost:8080          # `make run`, no keys

The key needs the admin scope (it reads leads and works the hand-off queue). Every
run writes its own conversations (smoke-<random>), so it can run against production;
the hand-off is claimed and handed back to the agents by `--human` (default
"smoke-test"). Only httpx is needed (a dependency of the services)."""

from __future__ import annotations

import argparse
import os
import sys
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx


class SmokeFailure(Exception):
    pass


def expect(condition: object, message: str) -> None:
    if not condition:
        raise SmokeFailure(message)


def ok(response: httpx.Response, what: str) -> Any:
    expect(response.status_code == 200, f"{what}: HTTP {response.status_code}: {response.text[:300]}")
    return response.json()


@dataclass
class Smoke:
    http: httpx.Client
    run: str
    human: str

    def turn(self, conversation: str, text: str, user: str) -> Any:
        body = {"user_id": user, "text": text, "channel": "api", "client_message_id": f"{conversation}-{uuid.uuid4().hex}"}
        return ok(self.http.post(f"/v1/conversations/{conversation}/messages", json=body), f"turn in {conversation}")

    def agents(self) -> str:
        agents = ok(self.http.get("/v1/agents"), "GET /v1/agents").get("agents", [])
        expect(agents, "no agents listed")
        return f"{len(agents)} agents"

    def first_turn(self) -> str:
        reply = self.turn(f"smoke-{self.run}-sales", "Quanto custa o kit solar para minha casa?", f"smoke-{self.run}")
        expect(reply.get("reply", {}).get("text"), "the turn has no reply text")
        expect(reply["reply"].get("agent"), "the reply names no agent")
        return f"{reply['reply']['agent']}: {reply['reply']['text'][:60]!r}"

    def read_back(self) -> str:
        conversation = f"smoke-{self.run}-sales"
        body = ok(self.http.get(f"/v1/conversations/{conversation}"), "GET the conversation")
        roles = [m.get("role") for m in body.get("messages", [])]
        expect("user" in roles and len(roles) >= 2, f"the conversation reads back as {roles}")
        return f"{len(roles)} messages"

    def lead(self) -> str:
        conversation, user = f"smoke-{self.run}-lead", f"smoke-{self.run}"
        lead: dict[str, Any] = {}
        for text in ("Quanto custa o kit solar para minha casa?",
                     f"Meu nome é Teste Smoke, email smoke-{self.run}@example.com. Orçamento de uns 20 mil reais.",
                     "Eu decido sozinha, quero instalar no próximo mês."):
            lead = self.turn(conversation, text, user).get("lead") or lead
        expect(lead.get("lead_id"), "no lead after the qualifying turns")
        stored = ok(self.http.get(f"/v1/leads/{lead['lead_id']}"), "GET the lead")
        expect(stored.get("email") == f"smoke-{self.run}@example.com", f"the lead reads back as {stored}")
        return f"lead {lead['lead_id']} score {stored.get('score', 0)}"

    def hand_off(self) -> str:
        conversation, user = f"smoke-{self.run}-human", f"smoke-{self.run}"
        asked = self.turn(conversation, "Quero falar com um atendente humano, por favor.", user)
        expect(asked.get("owner", {}).get("kind") == "OWNER_KIND_HUMAN_QUEUE", f"no hand-off: owner {asked.get('owner')}")
        queue = ok(self.http.get("/v1/handoffs", params={"page_size": 100}), "GET /v1/handoffs").get("handoffs", [])
        expect(any(h.get("conversation_id") == conversation for h in queue), "the hand-off is not in the queue")
        path = f"/v1/conversations/{conversation}"
        ok(self.http.post(f"{path}:claim", json={"human_id": self.human}), "claim")
        ok(self.http.post(f"{path}/humanMessages", json={"human_id": self.human, "text": "Smoke test: a person here."}),
           "answer as a person")
        returned = ok(self.http.post(f"{path}:return", json={"human_id": self.human, "note": "smoke test"}), "hand back")
        expect(returned.get("handoff", {}).get("owner", {}).get("kind") == "OWNER_KIND_AGENT", "not handed back")
        return "queued, claimed, answered, handed back"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", default=os.environ.get("ATENDE_URL", "http://localhost:8080"), help="the gateway")
    parser.add_argument("--key", default=os.environ.get("ATENDE_API_KEY", ""), help="x-api-key (or ATENDE_API_KEY)")
    parser.add_argument("--token", default=os.environ.get("ATENDE_TOKEN", ""), help="a bearer token instead of a key")
    parser.add_argument("--cacert", help="CA bundle of the gateway's certificate (default: the system's)")
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds per request")
    parser.add_argument("--human", default="smoke-test", help="the person who claims the hand-off")
    args = parser.parse_args(argv)

    headers = {"x-api-key": args.key} if args.key else {}
    if args.token:
        headers["authorization"] = f"Bearer {args.token}"
    verify: str | bool = args.cacert or True
    run = uuid.uuid4().hex[:8]
    failed = 0
    with httpx.Client(base_url=args.url.rstrip("/"), headers=headers, timeout=args.timeout, verify=verify) as http:
        smoke = Smoke(http, run, args.human)
        steps: list[tuple[str, Callable[[], str]]] = [
            ("agents", smoke.agents), ("turn", smoke.first_turn), ("read-back", smoke.read_back),
            ("lead", smoke.lead), ("hand-off", smoke.hand_off),
        ]
        for name, step in steps:
            started = time.perf_counter()
            try:
                detail = step()
            except (SmokeFailure, httpx.HTTPError, ValueError, KeyError) as error:
                failed += 1
                detail = f"{type(error).__name__}: {error}"
                status = "FAIL"
            else:
                status = "ok"
            print(f"{status:4} {name:10} {(time.perf_counter() - started) * 1000:7.0f} ms  {detail}", flush=True)
    print(f"smoke {run} against {args.url}: {'FAILED, ' + str(failed) + ' step(s)' if failed else 'passed'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
