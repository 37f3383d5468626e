"""The offline engine: no network, deterministic. It answers from the retrieved
passages and the agent's playbook in the customer's language, and says what it is
when asked."""

from __future__ import annotations

import re

from agent_svc.domain import Passage, TurnInput
from agent_svc.llm.base import Generation
from agent_svc.prompts import Playbook

_GREETING = re.compile(r"^\s*(oi|ol[áa]|bom dia|boa tarde|boa noite|hello|hi|hey|good (morning|afternoon|evening))\b", re.I)
_ARE_YOU_BOT = re.compile(
    r"\b(voc[eê] [ée] (um )?(rob[oô]|bot|humano|uma? ia)|are you (a )?(bot|robot|human|an? ai)|is this a (bot|human))\b", re.I
)
_WORD = re.compile(r"\w+", re.UNICODE)
_SENTENCE = re.compile(r"(?<=[.!?])\s+")
# Passages scoring below this are not trusted to answer.
MIN_PASSAGE_SCORE = 0.0


def _words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text) if len(w) > 2}


def _best_sentences(question: str, passage: str, limit: int = 2) -> str:
    """The passage's sentences that share most words with the question, in their order."""
    sentences = [s.strip() for s in _SENTENCE.split(passage.strip()) if s.strip()]
    if len(sentences) <= limit:
        return " ".join(sentences)
    wanted = _words(question)
    ranked = sorted(range(len(sentences)), key=lambda i: (-len(wanted & _words(sentences[i])), i))[:limit]
    return " ".join(sentences[i] for i in sorted(ranked))


class LocalEngine:
    name = "local"
    model = "atende-local-1"

    async def generate(self, playbook: Playbook, turn: TurnInput, passages: list[Passage]) -> Generation:
        return Generation(self._compose(playbook, turn, passages), self.name, self.model)

    def _compose(self, playbook: Playbook, turn: TurnInput, passages: list[Passage]) -> str:
        lang = turn.language if turn.language in ("pt", "en") else "en"
        if _ARE_YOU_BOT.search(turn.text):
            if lang == "pt":
                return (
                    "Sou um assistente automático: o motor local do atende, que responde a partir da "
                    "base de conhecimento da empresa, sem um modelo de linguagem hospedado. "
                    "Se preferir, posso chamar uma pessoa."
                )
            return (
                "I'm an automated assistant: atende's local engine, answering from the company's "
                "knowledge base without a hosted language model. I can bring in a person if you prefer."
            )
        useful = [p for p in passages if p.score > MIN_PASSAGE_SCORE]
        if _GREETING.match(turn.text) and len(_words(turn.text)) <= 3:
            return playbook.say(lang, "greeting")
        if useful:
            best = useful[0]
            answer = _best_sentences(turn.text, best.text)
            return f"{playbook.say(lang, 'based_on')} ({best.title}): {answer}"
        follow_up = playbook.say(lang, "clarify") or playbook.say(lang, "ask_need")
        return f"{playbook.say(lang, 'no_answer')} {follow_up}".strip()
