"""The output gate of a turn, owned by agent_svc (atende_guardrails/README.md says
why): the agent has what the checks need at hand, the passages it retrieved (and
those its tools find while it writes), the customer's own words and its playbook.
Every sentence is checked before it leaves, in the stream and in the unary reply."""

from __future__ import annotations

import asyncio
import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from agent_svc.domain import GuardrailTrip, Passage
from agent_svc.prompts import Playbook
from atende_guardrails.base import GuardContext
from atende_guardrails.config import Guardrails
from atende_guardrails.encoder import NotCached, cached_only
from atende_guardrails.gate import OutputGate
from atende_guardrails.text import fold, words

MAX_CITATIONS = 3
# Text checked on the event loop at most: the output chain takes well under two
# milliseconds on this much when it needs no encoder run (longer goes to a thread).
INLINE_CHARS = 1500
_REF = re.compile(r"\[(\d{1,2})\]")


def evidence(passages: Sequence[Passage]) -> tuple[str, ...]:
    """The passages as the grounding check reads them."""
    return tuple(f"{p.title}: {p.text}" if p.title else p.text for p in passages)


class ReplyGate:
    """An OutputGate with the agent's context. The grounding check may ask the sentence
    encoder, so a step runs on the event loop only while every vector it needs is
    cached (atende_guardrails.encoder.cached_only) and the text is short; otherwise
    the gate goes back to where it was and the step runs on a worker thread. Most
    steps (a streamed delta that ends no sentence, a reply of passages' own words)
    never reach the encoder, and a thread hand-off costs more than they do."""

    def __init__(self, guardrails: Guardrails, context: GuardContext, playbook: Playbook,
                 passages: list[Passage]) -> None:
        texts = guardrails.texts
        own = playbook.say(context.language, "safe_fallback")
        self.passages = passages  # grows while tools run
        self._known = len(passages)
        context = replace(context, evidence=evidence(passages))
        self.gate = OutputGate(guardrails.output, context, texts.pick(texts.fallback, context.language),
                               own or texts.pick(texts.fallback, context.language))

    @property
    def text(self) -> str:
        return self.gate.text

    async def feed(self, delta: str) -> str:
        return await self._step(self._feed, delta)

    async def finish(self) -> str:
        return await self._step(self._finish)

    async def check_all(self, text: str) -> str:
        """The whole reply at once (the unary route): same checks, same result, one
        step."""
        return await self._step(self._check_all, text)

    async def _step(self, work: Callable[..., list[str]], *args: str) -> str:
        """`work` on the event loop when it turns out cheap, else on a worker thread."""
        if sum(map(len, args)) <= INLINE_CHARS:
            saved = self._state()
            try:
                with cached_only():
                    return "".join(work(*args))
            except NotCached:
                self._restore(saved)  # nothing was released: the thread does it all again
        return "".join(await asyncio.to_thread(work, *args))

    def _state(self) -> tuple[int, dict[str, Any]]:
        return self._known, self.gate.checkpoint()

    def _restore(self, saved: tuple[int, dict[str, Any]]) -> None:
        self._known, gate = saved
        self.gate.rollback(gate)

    def trips(self) -> list[GuardrailTrip]:
        return [GuardrailTrip(t.check, t.action, t.detail) for t in self.gate.trips()]

    def _grown(self) -> list[str]:
        if len(self.passages) == self._known:
            return []
        self._known = len(self.passages)
        return self.gate.set_evidence(evidence(self.passages))

    def _feed(self, delta: str) -> list[str]:
        return [*self._grown(), *self.gate.feed(delta)]

    def _finish(self) -> list[str]:
        return [*self._grown(), *self.gate.finish()]

    def _check_all(self, text: str) -> list[str]:
        return [*self._feed(text), *self._finish()]


def guard_context(agent: str, language: str, playbook: Playbook, passages: Sequence[Passage], trusted: str,
                  own_words: Sequence[str], grounded: bool) -> GuardContext:
    """`trusted`: what the customer said (its figures are grounded); `own_words`: what
    this turn's plan says, which with the playbook's phrases is the business speaking."""
    phrases = [*own_words, *playbook.phrases.get(language, {}).values()]
    return GuardContext(stage="output", language=language, agent=agent, evidence=evidence(passages),
                        note=playbook.say(language, "safe_fallback"), trusted=trusted, own_words="\n".join(phrases),
                        grounded=grounded)


# A phrase's fixed start shorter than this ("Olá", "Sim") could be a passage's words.
MIN_OWN_PHRASE = 12


def mentions(reply: str, passage: Passage) -> bool:
    """Whether a reply draws on a passage: names its title or repeats its wording."""
    folded = _fold(reply)
    if passage.title and _fold(passage.title) in folded:
        return True
    reply_words = _word_set(reply)
    passage_words = _long_words(passage.text)
    shared = sum(1 for w in passage_words if w in reply_words)
    return shared >= max(4, len(passage_words) // 5)


def _without(text: str, phrases: Sequence[str]) -> str:
    """`text` without the phrases it holds (a templated phrase by its fixed start)."""
    for phrase in phrases:
        fixed = phrase.split("{", 1)[0].strip()
        if len(fixed) >= MIN_OWN_PHRASE and fixed in text:
            text = text.replace(fixed, " ")
    return text


# A reply is compared with each passage, and the same passages come back turn after
# turn: their words are found once per text.
_fold = functools.lru_cache(maxsize=4096)(fold)


@functools.lru_cache(maxsize=4096)
def _word_set(text: str) -> frozenset[str]:
    return frozenset(words(text))


@functools.lru_cache(maxsize=4096)
def _long_words(text: str) -> frozenset[str]:
    return frozenset(w for w in words(text) if len(w) > 3)


def citations(text: str, passages: list[Passage], own_phrases: Sequence[str] = ()) -> list[Passage]:
    """The passages a reply cites ([n]) or draws on, at most MAX_CITATIONS. The agent's
    own phrases (its playbook's) draw on no passage: "Não encontrei essa informação…
    qual problema você quer resolver?" shares enough words with a short passage to
    look like a quote of it, and a reply that says it does not know cites nothing."""
    cited: list[Passage] = []
    for ref in _REF.findall(text):
        index = int(ref) - 1
        if 0 <= index < len(passages) and passages[index] not in cited:
            cited.append(passages[index])
    quoted = _without(text, own_phrases)
    for passage in passages:
        if passage not in cited and mentions(quoted, passage):
            cited.append(passage)
    return cited[:MAX_CITATIONS]
