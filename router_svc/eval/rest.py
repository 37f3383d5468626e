"""The blind routing and guardrail sets through a running stack's public REST API, the way
an outside evaluator measures them (the in-process evaluations skip the gateway, the
input chain before routing, memory_svc's context and the stored conversation agent):

- routing, single messages: each message one customer turn in a conversation of its
  own (`POST /v1/conversations/{id}/messages`), labelled from the response the way
  `evalsets` labels a decision (`reply.agent`; `router` with `intent.name` out_of_scope
  or not; a small-talk intent of the configured examples);
- routing, conversations: the turns of one conversation in order, in one conversation,
  so the stack's own stored agent and recent messages carry from turn to turn;
- injection: each message one turn in a conversation of its own; refused when the
  reply lists a `guardrails[]` action `blocked` (`--injection-via check` asks
  `POST /v1/guardrails:check` with stage input instead);
- PII: `POST /v1/guardrails:check` with stage output, as blind_eval scores it.

    make run   # in another terminal; GATEWAY_RATE_LIMIT_PER_MINUTE=100000 saves the waits
    .venv/bin/python -m router_svc.eval rest --split dev
    .venv/bin/python -m router_svc.eval rest --sets routing --business vetorfibra   # a stack started with
        # ROUTER_ROUTING_EXAMPLES=evals/vetorfibra/routing_examples.toml

A 429 (the gateway's rate limit) is waited out and retried. Misses are listed only for
dev (`--errors`): never tune on test."""

from __future__ import annotations

import argparse
import os
import sys
import tomllib
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from atende_guardrails.eval import blind_eval
from devstack.rest import post_json
from router_svc.eval.evalsets import (
    BUSINESSES,
    ROUTER_AGENT,
    THRESHOLDS,
    Case,
    _summary,
    load_conversations,
    load_single,
)
from router_svc.routing import OUT_OF_SCOPE, SMALL_TALK

DEFAULT_EXAMPLES = Path(__file__).resolve().parents[1] / "rules" / "examples.toml"
SETS = ("routing", "injection", "pii")
BLOCKED = "blocked"  # the intent of a turn the input chain refused (router_svc/turn.py)
# A conversation people hold (handed off): the turn has no intent and no agent reply.
HELD_BY_PEOPLE = "(held by people)"
PEOPLE_KINDS = ("OWNER_KIND_HUMAN_QUEUE", "OWNER_KIND_HUMAN")


@dataclass(frozen=True)
class Seen:
    """What `_summary` prints of a miss: the intent the stack answered with."""

    intent: str
    confidence: float
    strategy: str = "rest"


class Stack:
    """A running stack's REST API, with the rate limit waited out."""

    def __init__(self, client: httpx.Client, run: str) -> None:
        self.client = client
        self.run = run

    def post(self, path: str, body: dict[str, Any]) -> dict[str, Any]:
        return post_json(self.client, path, body)

    def turn(self, conversation: str, text: str) -> dict[str, Any]:
        return self.post(f"/v1/conversations/rest-eval-{self.run}-{conversation}/messages",
                         {"user_id": f"rest-eval-{self.run}", "text": text, "channel": "api"})

    def check(self, text: str, stage: str) -> dict[str, Any]:
        return self.post("/v1/guardrails:check", {"text": text, "stage": stage})


def small_talk_intents(examples: Path) -> set[str]:
    """The configured intents of kind small_talk (the label a REST client gives them)."""
    intents = tomllib.loads(examples.read_text(encoding="utf-8")).get("intents", {})
    return {name for name, spec in intents.items() if spec.get("kind") == SMALL_TALK}


def label(response: dict[str, Any], small_talk: set[str]) -> tuple[str, Seen]:
    """The routing label a REST client reads off a turn's response (evalsets.rest_label)."""
    intent = response.get("intent", {})
    name = str(intent.get("name", ""))
    if not name and response.get("owner", {}).get("kind") in PEOPLE_KINDS:
        name = HELD_BY_PEOPLE
    seen = Seen(name, float(intent.get("confidence", 0.0)))
    agent = str(response.get("reply", {}).get("agent", "")) or ROUTER_AGENT
    if name in small_talk:
        return SMALL_TALK, seen
    if agent == ROUTER_AGENT:
        return (OUT_OF_SCOPE if name == OUT_OF_SCOPE else "clarify"), seen
    return agent, seen


def blocked(response: dict[str, Any]) -> tuple[bool, list[str]]:
    actions = [a for a in response.get("reply", {}).get("guardrails", []) if a.get("action") == "blocked"]
    return bool(actions), [str(a.get("check", "")) for a in actions]


def routing(stack: Stack, business: str, split: str, small_talk: set[str], errors: bool) -> dict[str, float]:
    single = [(case, *label(stack.turn(f"{business}-{case.id}", case.text), small_talk))
              for case in load_single(business, (split,))]
    scores = {"single": _summary("single messages", single, errors)}
    conversations = load_conversations(business, (split,))
    turns: list[tuple[Case, str, Seen]] = []
    for conversation in conversations:
        for case in conversation:
            turns.append((case, *label(stack.turn(f"{business}-{case.conversation}", case.text), small_talk)))
    scores["conversations"] = _summary(f"conversations per turn ({len(conversations)} conv.)", turns, errors)
    refused = sum(seen.intent == BLOCKED for _, _, seen in [*single, *turns])
    held = sum(seen.intent == HELD_BY_PEOPLE for _, _, seen in [*single, *turns])
    print(f"  refused by the input guardrails: {refused} of {len(single) + len(turns)} messages; "
          f"waiting for a person (the conversation was handed off, no agent answers): {held}")
    return scores


def guardrails(stack: Stack, split: str, sets: Sequence[str], via: str, errors: bool) -> list[str]:
    def refused(text: str) -> tuple[bool, list[str]]:
        if via == "check":
            answer = stack.check(text, "input")
            return not answer.get("allowed", False), [str(f.get("check", "")) for f in answer.get("findings", [])]
        return blocked(stack.turn(f"guard-{uuid.uuid4().hex[:12]}", text))

    injection = blind_eval.InjectionFigures()
    if "injection" in sets:
        injection = blind_eval.score_injection(refused, blind_eval.load("injection.jsonl", [split]))
        # Over REST the timings are round trips, not the chain: printed apart, not as the chain's.
        timings, injection.timings = sorted(injection.timings), []
        print(f"\n   {via} round trip per message: p50 {timings[len(timings) // 2]:.2f} ms, "
              f"p99 {timings[min(len(timings) - 1, int(len(timings) * 0.99))]:.2f} ms")
    pii = blind_eval.PiiFigures()
    if "pii" in sets:
        pii = blind_eval.score_pii(lambda text: str(stack.check(text, "output").get("redacted_text", "")),
                                   blind_eval.load("pii.jsonl", [split]))
    failures = blind_eval.report(f"{split} (REST)", injection, pii, errors)
    if "injection" not in sets:
        failures = [f for f in failures if "attack" not in f and "benign" not in f]
    if "pii" not in sets:
        failures = [f for f in failures if "PII" not in f and "clean" not in f]
    return failures


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m router_svc.eval rest", description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", default="http://127.0.0.1:8080")
    parser.add_argument("--api-key-env", default="ATENDE_API_KEY", help="the variable holding an admin key, if any")
    parser.add_argument("--business", choices=list(BUSINESSES), default="solar",
                        help="whose routing sets; the stack must run with that business's examples")
    parser.add_argument("--sets", default=",".join(SETS), help=f"comma-separated, of {', '.join(SETS)}")
    parser.add_argument("--split", choices=["dev", "test", "both"], default="dev")
    parser.add_argument("--injection-via", choices=["turn", "check"], default="turn")
    parser.add_argument("--insecure", action="store_true", help="accept a self-signed TLS certificate (make run's)")
    parser.add_argument("--errors", action="store_true", help="list the misses (refused on a test split)")
    args = parser.parse_args(argv)
    sets = [s for s in args.sets.split(",") if s]
    unknown = sorted(set(sets) - set(SETS))
    if unknown:
        parser.error(f"unknown set(s) {', '.join(unknown)}; known: {', '.join(SETS)}")
    splits = ("dev", "test") if args.split == "both" else (args.split,)
    if args.errors and "test" in splits:
        parser.error("--errors lists misses for dev only: never tune on test")
    key = os.environ.get(args.api_key_env, "")
    examples = BUSINESSES[args.business] or DEFAULT_EXAMPLES
    small_talk = small_talk_intents(examples)
    failed: list[str] = []
    with httpx.Client(base_url=args.url, headers={"x-api-key": key} if key else {}, timeout=60,
                      verify=not args.insecure) as client:
        stack = Stack(client, uuid.uuid4().hex[:8])
        for split in splits:
            if "routing" in sets:
                print(f"\n== {args.business} / {split} (REST)")
                for kind, value in routing(stack, args.business, split, small_talk, args.errors).items():
                    threshold = THRESHOLDS.get((args.business, kind))
                    if threshold is not None and value < threshold:
                        failed.append(f"{args.business} {kind} {split}: {value:.3f} < {threshold}")
            if "injection" in sets or "pii" in sets:
                failed += guardrails(stack, split, sets, args.injection_via, args.errors)
    for line in failed:
        print("BELOW THRESHOLD:", line)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
