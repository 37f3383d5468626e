"""The public reads that are not a turn: a stored conversation, routing without a
turn, the guardrail chain without a turn (a dry run of either stage: agent_svc
gates the replies of turns with the same configuration)."""

from __future__ import annotations

import asyncio

from atende.common.v1 import types_pb2

from atende_guardrails.base import ChainResult, GuardContext
from atende_guardrails.config import Guardrails
from atende_guardrails.text import detect_language
from atende_runtime.errors import InvalidArgument, Validator
from router_svc.ports import MemoryPort
from router_svc.routing import Decision, Router
from router_svc.turn import user_history
from router_svc.validation import validate_conversation_id

MAX_GUARDRAIL_TEXT = 20_000


class Queries:
    def __init__(self, memory: MemoryPort, router: Router, guardrails: Guardrails, max_text_chars: int) -> None:
        self.memory = memory
        self.router = router
        self.guardrails = guardrails
        self.max_text_chars = max_text_chars

    async def get_conversation(self, conversation_id: str) -> types_pb2.Conversation:
        validate_conversation_id(conversation_id)
        conversation: types_pb2.Conversation = (await self.memory.get_conversation(conversation_id)).conversation
        return conversation

    async def classify(self, text: str, conversation_id: str) -> Decision:
        check = Validator()
        check.require("text", text)
        check.max_length("text", text, self.max_text_chars)
        check.clean_text("text", text)
        if conversation_id:
            try:
                validate_conversation_id(conversation_id)
            except InvalidArgument as error:
                check.violations.extend(error.violations)
        check.check()
        current: str = ""
        history: tuple[str, ...] = ()
        if conversation_id:
            context = await self.memory.get_context(conversation_id, 6)
            current, history = context.agent, user_history(context.messages)
        return await self.router.route(text, current, history)

    async def check_guardrails(self, text: str, stage: str) -> ChainResult:
        check = Validator()
        check.require("text", text)
        check.max_length("text", text, MAX_GUARDRAIL_TEXT)
        check.clean_text("text", text)
        if stage not in ("input", "output"):
            check.add("stage", "must be 'input' or 'output'")
        check.check()
        chain = self.guardrails.input if stage == "input" else self.guardrails.output
        return await asyncio.to_thread(chain.run, text, GuardContext(stage=stage, language=detect_language(text)))
