"""The customer's text through the input guardrail chain, at the least cost.

The chain is CPU work of 0.2 to 1.5 ms for a text under 500 characters when the
encoder has its windows' vectors, but a new text also runs the sentence encoder on
them (4 to 7 ms): on the event loop that would stall every other turn, so a text
seen for the first time is checked on a worker thread. Its verdict depends only on
the text and its language (the checks keep no state), so a short text's verdict is
kept: the same short message again ("oi", "sim", "obrigado", a greeting) is answered
on the event loop with no thread hand-off, which alone costs about 0.1 ms of CPU
and a wake-up of the loop."""

from __future__ import annotations

import asyncio
from collections import OrderedDict

from atende_guardrails.base import ChainResult, GuardContext, GuardrailChain

# Texts this long or shorter have their verdict kept: the ones that repeat across
# conversations; longer ones are nearly always unique (and carry more personal data).
MAX_KEPT_CHARS = 200
KEPT_VERDICTS = 2048


class InputScreen:
    def __init__(self, chain: GuardrailChain, *, kept: int = KEPT_VERDICTS, max_kept_chars: int = MAX_KEPT_CHARS) -> None:
        self.chain = chain
        self.kept = kept
        self.max_kept_chars = max_kept_chars
        self._verdicts: OrderedDict[tuple[str, str], ChainResult] = OrderedDict()

    def kept_verdict(self, text: str, language: str) -> ChainResult | None:
        """The kept result for this text, if any (shared between turns: read it, never
        change it)."""
        key = (text, language)
        verdict = self._verdicts.get(key)
        if verdict is not None:
            self._verdicts.move_to_end(key)
        return verdict

    async def run(self, text: str, language: str) -> ChainResult:
        """The chain's result (stopping at the first check that blocks). A kept result
        is shared between turns: read it, never change it."""
        verdict = self.kept_verdict(text, language)
        if verdict is not None:
            return verdict
        verdict = await asyncio.to_thread(
            self.chain.run, text, GuardContext(stage="input", language=language), stop_at_block=True
        )
        if self.kept > 0 and len(text) <= self.max_kept_chars:
            self._verdicts[(text, language)] = verdict
            if len(self._verdicts) > self.kept:
                self._verdicts.popitem(last=False)
        return verdict
