"""Tools an agent's model may call, each declared with a JSON schema. The agent loop
validates the arguments, runs the tool and hands the result back to the model; a
tool that fails returns an error the model can read instead of failing the turn."""

from __future__ import annotations

import asyncio
import json
import logging
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from agent_svc.domain import Bant
from agent_svc.effects import TurnEffects
from agent_svc.llm.base import ChatMessage, ToolCall, ToolSpec

log = logging.getLogger("atende.agent.tools")

EMAIL = re.compile(r"^[\w.+-]+@[\w-]+(\.[\w-]+)+$")
TOOL_TIMEOUT_SECONDS = 5.0


class ToolError(Exception):
    """A failure the model should see and can act on (ask the customer, try again)."""


Handler = Callable[[dict[str, Any], TurnEffects], Awaitable[dict[str, Any]]]


@dataclass(frozen=True)
class Tool:
    spec: ToolSpec
    handler: Handler


_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,), "integer": (int,), "number": (int, float), "boolean": (bool,), "object": (dict,), "array": (list,),
}


def validate(schema: dict[str, Any], value: Any, path: str = "arguments") -> list[str]:
    """The JSON Schema subset our tools use: type, properties, required,
    additionalProperties, enum, minLength/maxLength, minimum/maximum, items."""
    kind = schema.get("type")
    if kind:
        allowed = _TYPES[kind]
        if not isinstance(value, allowed) or (kind in ("integer", "number") and isinstance(value, bool)):
            return [f"{path} must be {kind}"]
    errors: list[str] = []
    if "enum" in schema and value not in schema["enum"]:
        errors.append(f"{path} must be one of {', '.join(map(str, schema['enum']))}")
    if isinstance(value, str):
        errors += _check_length(schema, value, path)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        errors += _check_range(schema, value, path)
    if isinstance(value, dict):
        errors += _check_object(schema, value, path)
    if isinstance(value, list) and "items" in schema:
        for index, item in enumerate(value):
            errors.extend(validate(schema["items"], item, f"{path}[{index}]"))
    return errors


def _check_length(schema: dict[str, Any], value: str, path: str) -> list[str]:
    errors: list[str] = []
    if len(value) < schema.get("minLength", 0):
        errors.append(f"{path} must have at least {schema['minLength']} characters")
    if "maxLength" in schema and len(value) > schema["maxLength"]:
        errors.append(f"{path} must have at most {schema['maxLength']} characters")
    return errors


def _check_range(schema: dict[str, Any], value: float, path: str) -> list[str]:
    errors: list[str] = []
    if "minimum" in schema and value < schema["minimum"]:
        errors.append(f"{path} must be at least {schema['minimum']}")
    if "maximum" in schema and value > schema["maximum"]:
        errors.append(f"{path} must be at most {schema['maximum']}")
    return errors


def _check_object(schema: dict[str, Any], value: dict[str, Any], path: str) -> list[str]:
    properties: dict[str, Any] = schema.get("properties", {})
    errors = [f"{path}.{name} is required" for name in schema.get("required", []) if name not in value]
    for name, item in value.items():
        if name in properties:
            errors.extend(validate(properties[name], item, f"{path}.{name}"))
        elif schema.get("additionalProperties") is False:
            errors.append(f"{path}.{name} is not a known argument")
    return errors


def _object(properties: dict[str, Any], required: list[str]) -> dict[str, Any]:
    return {"type": "object", "properties": properties, "required": required, "additionalProperties": False}


# The built-in tools.

async def knowledge_search(args: dict[str, Any], fx: TurnEffects) -> dict[str, Any]:
    if not fx.collection:
        raise ToolError("this agent has no knowledge collection to search")
    found = await fx.knowledge.search(args["query"], fx.collection, int(args.get("top_k", fx.top_k)))
    refs = fx.add_passages(found)
    return {
        "passages": [
            {"ref": ref, "document_id": p.document_id, "title": p.title, "source": p.source, "text": p.text[:1500],
             "score": round(p.score, 4), **({"section": p.section} if p.section else {})}
            for ref, p in zip(refs, found, strict=True)
        ],
        **({} if found else {"note": "nothing found; ask the customer for details instead of guessing"}),
    }


async def update_lead(args: dict[str, Any], fx: TurnEffects) -> dict[str, Any]:
    email = str(args.get("email", "")).strip()
    if email and not EMAIL.match(email):
        raise ToolError(f"{email!r} is not a valid e-mail address; ask the customer to confirm it")
    phone = str(args.get("phone", "")).strip()
    if phone and not 8 <= sum(ch.isdigit() for ch in phone) <= 15:
        raise ToolError("phone must have 8 to 15 digits")
    bant = Bant(**{slot: str(args.get(slot, "")).strip() for slot in ("budget", "authority", "need", "timeline")})
    changed = fx.learn(str(args.get("name", "")).strip(), email, phone, str(args.get("company", "")).strip(), bant)
    return {"updated": changed, "missing": fx.lead.bant.missing()}


def _require_handoff(fx: TurnEffects) -> None:
    if not fx.consent:
        raise ToolError("the customer has not agreed to share their details yet; ask for consent first")
    if not fx.lead.email:
        raise ToolError("the customer's e-mail is not known; ask for it first")


async def schedule_meeting(args: dict[str, Any], fx: TurnEffects) -> dict[str, Any]:
    _require_handoff(fx)
    try:
        start = datetime.fromisoformat(str(args["start_time"]))
    except ValueError as error:
        raise ToolError("start_time must be ISO 8601 with a UTC offset, e.g. 2025-03-10T14:00:00-03:00") from error
    if start.tzinfo is None:
        raise ToolError("start_time needs a UTC offset, e.g. -03:00")
    if start <= datetime.now(UTC):
        raise ToolError("start_time is in the past; ask the customer for a future time")
    fx.book_meeting(start, "", int(args.get("duration_minutes", fx.meeting_minutes)), str(args.get("title", "")))
    return {"requested": True, "start_time": start.isoformat()}


async def send_email(args: dict[str, Any], fx: TurnEffects) -> dict[str, Any]:
    _require_handoff(fx)
    fx.send_follow_up(str(args.get("template", "lead_follow_up")))
    return {"requested": True, "to": "the customer's e-mail on file"}


async def escalate(args: dict[str, Any], fx: TurnEffects) -> dict[str, Any]:
    fx.escalate(str(args["reason"]))
    return {"escalated": True, "note": "tell the customer a person will take over"}


BUILT_IN_TOOLS: tuple[Tool, ...] = (
    Tool(ToolSpec(
        "knowledge_search",
        "Searches the business's knowledge base (products, prices, policies, manuals). Returns passages with a ref "
        "number; cite them as [ref]. Use it before answering factual questions.",
        _object({"query": {"type": "string", "minLength": 2, "maxLength": 500, "description": "what to look for"},
                 "top_k": {"type": "integer", "minimum": 1, "maximum": 8}}, ["query"]),
    ), knowledge_search),
    Tool(ToolSpec(
        "update_lead",
        "Records what the customer said about themselves: contact details and BANT slots (budget, authority, need, "
        "timeline). Only fields the customer stated; never guess.",
        _object({
            "name": {"type": "string", "maxLength": 120}, "email": {"type": "string", "maxLength": 200},
            "phone": {"type": "string", "maxLength": 40}, "company": {"type": "string", "maxLength": 120},
            "budget": {"type": "string", "maxLength": 200}, "authority": {"type": "string", "maxLength": 200},
            "need": {"type": "string", "maxLength": 400}, "timeline": {"type": "string", "maxLength": 200},
        }, []),
    ), update_lead),
    Tool(ToolSpec(
        "schedule_meeting",
        "Requests a meeting with the sales team at a time the customer chose. Needs the customer's consent and e-mail.",
        _object({"start_time": {"type": "string", "description": "ISO 8601 with offset, e.g. 2025-03-10T14:00:00-03:00"},
                 "duration_minutes": {"type": "integer", "minimum": 15, "maximum": 240},
                 "title": {"type": "string", "maxLength": 120}}, ["start_time"]),
    ), schedule_meeting),
    Tool(ToolSpec(
        "send_email",
        "Sends the customer the follow-up e-mail with a summary of the conversation. Needs consent and e-mail.",
        _object({"template": {"type": "string", "enum": ["lead_follow_up"]}}, []),
    ), send_email),
    Tool(ToolSpec(
        "escalate",
        "Hands the conversation to a person: when the customer asks for one, is upset, or you cannot solve it.",
        _object({"reason": {"type": "string", "minLength": 3, "maxLength": 300}}, ["reason"]),
    ), escalate),
)


class ToolRegistry:
    def __init__(self, tools: tuple[Tool, ...] = BUILT_IN_TOOLS, timeout: float = TOOL_TIMEOUT_SECONDS) -> None:
        self.tools = {tool.spec.name: tool for tool in tools}
        self.timeout = timeout

    def names(self) -> set[str]:
        return set(self.tools)

    def specs(self, names: tuple[str, ...]) -> tuple[ToolSpec, ...]:
        return tuple(self.tools[name].spec for name in names)

    async def run(self, call: ToolCall, fx: TurnEffects, allowed: tuple[str, ...]) -> ChatMessage:
        def result(payload: dict[str, Any], is_error: bool = False) -> ChatMessage:
            return ChatMessage("tool", json.dumps(payload, ensure_ascii=False), tool_call_id=call.id, tool_name=call.name,
                               is_error=is_error)

        tool = self.tools.get(call.name)
        if tool is None or call.name not in allowed:
            return result({"error": f"no tool named {call.name!r}; available: {', '.join(allowed)}"}, True)
        errors = validate(tool.spec.parameters, call.arguments)
        if errors:
            return result({"error": "invalid arguments: " + "; ".join(errors)}, True)
        try:
            payload = await asyncio.wait_for(tool.handler(call.arguments, fx), self.timeout)
        except ToolError as error:
            return result({"error": str(error)}, True)
        except TimeoutError:
            return result({"error": f"{call.name} took longer than {self.timeout:.0f} s; try again or go on without it"}, True)
        except Exception:
            log.exception("tool failed", extra={"tool": call.name})
            return result({"error": f"{call.name} failed unexpectedly; go on without it"}, True)
        return result(payload)
