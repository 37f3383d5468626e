"""The offline engine: no network, deterministic. It follows the agent's plan (the
Guidance), calls the same tools a hosted model would (knowledge_search for
comparisons and for a sharper query when retrieval was weak), answers from the
retrieved passages in the customer's language, and says what it is when asked."""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import AsyncIterator

from agent_svc.domain import Passage
from agent_svc.evidence import LEAD_PASSAGES, Scored, Selection, Selector, passage_language
from agent_svc.llm.base import (
    CallUsage,
    ChatMessage,
    Finished,
    Guidance,
    LLMRequest,
    LLMResponse,
    StreamEvent,
    TextDelta,
    ToolCall,
)
from agent_svc.text import content_words, is_question
from atende_guardrails.text import split_sentences

_GREETING = re.compile(
    r"^\s*(oi|ol[áa]|bom dia|boa tarde|boa noite|e a[ií]|hello|hi|hey|good (morning|afternoon|evening))\b", re.I
)
# After the greeting, how are you ("oi, tudo bem?"): still a greeting.
_HOW_ARE_YOU = re.compile(r"^\W*(tudo (bem|bom|certo|joia)|td (bem|bom)|como (vai|vc vai|voce vai|esta|estao)|beleza|blz|"
                          r"how are you|how'?s it going|what'?s up)\W*$", re.I)


def _only_greets(question: str) -> bool:
    """A greeting and little else: "oi", "boa tarde, tudo bem?"; not a question after it ("oi! qual inversor vem no
    JS-K8"), which is answered."""
    match = _GREETING.match(question)
    if match is None or len(content_words(question)) > 2:
        return False
    rest = question[match.end():].strip(" \t\n!,.;:-")
    return not rest or _HOW_ARE_YOU.match(rest) is not None or not (is_question(rest) or re.search(r"\d", rest))


_ARE_YOU_BOT = re.compile(
    r"\b(voc[eê] [ée] (um |uma )?(rob[oô]|bot|humano|pessoa|ia|intelig[eê]ncia artificial)|[ée] um (rob[oô]|bot)|"
    r"are you (a |an )?(bot|robot|human|person|real|ai)|is this a (bot|human|real person)|am i talking to a (bot|human))\b",
    re.I,
)
_COMPARE = (
    re.compile(
        r"(?:diferen[çc]as?|compar\w*|difference|compare)\s+(?:(?:entre|between)\s+)?(?:(?:o|a|os|as|the)\s+)?(.+?)\s+"
        r"(?:e|and|com|with|ao|à|a|to|vs\.?|versus|x)\s+(?:o\s+|a\s+|the\s+)?(.+?)\s*[?.!]*$",
        re.I,
    ),
    re.compile(r"(?:^|\s)([\w][\w\s.-]{0,40}?)\s+(?:vs\.?|versus|x|ou|or)\s+([\w][\w\s.-]{0,40}?)\s*[?.!]*$", re.I),
)


def comparison_items(text: str) -> list[str]:
    """The two things a comparison question names, or nothing."""
    for pattern in _COMPARE:
        match = pattern.search(text.strip())
        if match:
            items = [m.strip(" ,;:") for m in match.groups()]
            if all(content_words(item) for item in items) and items[0].lower() != items[1].lower():
                return items
    return []


def _overlap(question: str, passage: Passage) -> int:
    return len(content_words(question) & content_words(passage.title + " " + passage.text))


def best_sentences(question: str, passage: str, limit: int = 2) -> str:
    """The passage's sentences that share most words with the question, in their order."""
    sentences = [s.strip() for s in split_sentences(passage.strip()) if s.strip()]
    if len(sentences) <= limit:
        return " ".join(sentences)
    wanted = content_words(question)
    ranked = sorted(range(len(sentences)), key=lambda i: (-len(wanted & content_words(sentences[i])), i))[:limit]
    return " ".join(sentences[i] for i in sorted(ranked))


def useful_passages(question: str, passages: list[Passage], weak_score: float) -> list[Passage]:
    """Passages that answer: a strong score, or words in common with the question."""
    keep = [p for p in passages if p.score >= weak_score or _overlap(question, p) > 0]
    return sorted(keep, key=lambda p: (-_overlap(question, p), -p.score))


def passages_from_tools(messages: tuple[ChatMessage, ...]) -> list[Passage]:
    found: list[Passage] = []
    for message in messages:
        if message.role != "tool" or message.tool_name != "knowledge_search" or message.is_error:
            continue
        try:
            data = json.loads(message.text)
        except json.JSONDecodeError:
            continue
        for item in data.get("passages", []) if isinstance(data, dict) else []:
            found.append(Passage(str(item.get("document_id", "")), str(item.get("title", "")), str(item.get("source", "")),
                                 str(item.get("text", "")), float(item.get("score", 0.0)),
                                 str(item.get("section", ""))))
    return found


def _approx_tokens(text: str) -> int:
    return max(1, len(text) // 4)


# Without the encoder the selection has only words to go on: a lower bar.
LEXICAL_FLOOR = 0.15
_CROSS = {
    ("pt", "en"): "Segundo o documento em inglês \"{title}\": {body}",
    ("pt", ""): "Segundo o documento \"{title}\": {body}",
    ("en", "pt"): "According to our document in Portuguese \"{title}\": {body}",
    ("en", ""): "According to our document \"{title}\": {body}",
}
_OFFERS_PERSON = re.compile(
    r"\b(pessoa|atendente|consultor|consultora|equipe|humano|human|person|consultant|team|agent)\b", re.I
)
_OFFER_PERSON = {
    "pt": "Se quiser, posso chamar uma pessoa da nossa equipe para ajudar.",
    "en": "If you like, I can bring in a person from our team to help.",
}


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "!", "?", "…", ")")) else text + "."


def _lead_passages(guidance: Guidance) -> int:
    """The lead rule (evidence.py LEAD_PASSAGES) weighs the turn's own retrieval: passages a
    tool search added after it are read, not counted among the first four."""
    return LEAD_PASSAGES if len(guidance.passages) > LEAD_PASSAGES else 0


class LocalEngine:
    name = "local"
    model = "atende-local-1"

    def __init__(self, selector: Selector | None = None) -> None:
        self.selector = selector or Selector()

    async def complete(self, request: LLMRequest) -> LLMResponse:
        user_text = next((m.text for m in reversed(request.messages) if m.role == "user"), "")
        since_user: list[ChatMessage] = []
        for message in reversed(request.messages):
            if message.role == "user":
                break
            since_user.append(message)
        guidance = request.guidance
        prompt_size = sum(len(m.text) for m in request.messages) + len(request.system) + len(request.context)
        if guidance is None:
            text = (
                "I'm atende's local engine, answering without a hosted language model. "
                "I can only help with what the business's knowledge base says."
            )
            return self._response(text, [], prompt_size)
        tool_names = {t.name for t in request.tools}
        searched = any(m.role == "tool" for m in since_user)
        if not searched and "knowledge_search" in tool_names and guidance.answer and request.tool_choice != "none":
            queries = self._searches(user_text, guidance)
            if queries:
                calls = [ToolCall(f"local_{i}", "knowledge_search", {"query": q}) for i, q in enumerate(queries)]
                return self._response("", calls, prompt_size)
        passages = list(guidance.passages) + passages_from_tools(tuple(reversed(since_user)))
        selection = None
        if passages and guidance.answer:
            # On the event loop when every vector is cached (a thread hand-off costs more
            # than the ranking then); in a worker thread when the encoder must run.
            lead = _lead_passages(guidance)
            selection = self.selector.rank_now(user_text, passages, lead_passages=lead)
            if selection is None:
                selection = await asyncio.to_thread(self.selector.rank, user_text, passages, lead)
        return self._response(self.compose(guidance, user_text, passages, selection), [], prompt_size)

    def _searches(self, question: str, guidance: Guidance) -> list[str]:
        items = comparison_items(question)
        if items:
            have = {p.document_id for p in useful_passages(question, list(guidance.passages), guidance.weak_score)}
            if len(have) < 2:
                return items
            return []
        if guidance.passages and not useful_passages(question, list(guidance.passages), guidance.weak_score):
            keywords = " ".join(sorted(content_words(question)))
            if keywords and keywords != question.strip().lower():
                return [keywords]
        return []

    def _response(self, text: str, calls: list[ToolCall], prompt_chars: int) -> LLMResponse:
        usage = CallUsage(input_tokens=_approx_tokens(" " * prompt_chars), output_tokens=_approx_tokens(text))
        return LLMResponse(text, calls, usage, "tool_use" if calls else "end_turn", self.name, self.model)

    def compose(self, guidance: Guidance, question: str, passages: list[Passage],
                selection: Selection | None = None) -> str:
        lang = guidance.language
        book = guidance.playbook
        if _ARE_YOU_BOT.search(question):
            honest = (
                "Sou um assistente automático: o motor local do atende, que responde a partir da base de "
                "conhecimento da empresa, sem um modelo de linguagem hospedado. Se preferir, posso chamar uma pessoa."
                if lang == "pt"
                else "I'm an automated assistant: atende's local engine, answering from the company's knowledge base "
                "without a hosted language model. I can bring in a person if you prefer."
            )
            return " ".join([*guidance.lead_in, honest])
        parts = list(guidance.lead_in)
        if guidance.answer:
            parts.extend(self._answer(guidance, question, passages, selection))
        parts.extend(guidance.follow_up)
        text = " ".join(p.strip() for p in parts if p.strip())
        return text or book.say(lang, "no_answer")

    def _answer(self, guidance: Guidance, question: str, passages: list[Passage],
                selection: Selection | None = None) -> list[str]:
        lang, book = guidance.language, guidance.playbook
        if _only_greets(question) and not guidance.lead_in:
            return [book.say(lang, "greeting")]
        based_on = book.say(lang, "based_on") or (
            "Segundo nossa documentação" if lang == "pt" else "According to our documentation"
        )
        if passages and selection is None:
            selection = self.selector.rank(question, passages, _lead_passages(guidance))
        # "A or B?" reads as a comparison; it is answered as one only when the plain
        # selection would answer too (what it asks about is in the passages).
        floor = self.selector.answer_floor if self.selector.encoder is not None else LEXICAL_FLOOR
        answerable = selection is None or bool(self.selector.answer(selection, floor))
        compared = self._comparison(guidance, question, passages, selection, based_on,
                                    self.selector.max_gap) if answerable else ""
        if compared:
            return [compared]
        if passages:
            if selection is None:
                selection = self.selector.rank(question, passages, _lead_passages(guidance))
            chosen = self.selector.answer(selection, floor)
            if chosen:
                return [self._quote(lang, based_on, passages, chosen)]
        # Nothing retrieved answers: say so plainly, quote nothing, and offer a person
        # (unless the playbook's phrase already does).
        said = [book.say(lang, key) for key in guidance.unanswered if book.say(lang, key)]
        if passages and not _OFFERS_PERSON.search(" ".join(said)):
            said.append(book.say(lang, "offer_person") or _OFFER_PERSON.get(lang, _OFFER_PERSON["en"]))
        return said

    @staticmethod
    def _comparison(guidance: Guidance, question: str, passages: list[Passage], selection: Selection | None,
                    based_on: str, max_gap: float) -> str:
        """A comparison question's answer, one sentence of each thing's passage; "" when
        it is none, or when what it compares is not in the passages: a code none
        holds, or the best units leave max_gap of the question uncovered (the answer
        abstains)."""
        items = comparison_items(question)
        if not items:
            return ""
        if selection is not None and (selection.names_unknown
                                      or selection.gap(selection.ranked[:2], codes=False) >= max_gap):
            return ""
        picked: list[Passage] = []
        for item in items:
            ranked = useful_passages(item, passages, guidance.weak_score)
            choice = next((p for p in ranked if p.document_id not in {q.document_id for q in picked}), None)
            if choice is not None:
                picked.append(choice)
        if len(picked) != 2:
            return ""
        left, right = (f"{p.title}: {best_sentences(question, p.text, 1)}" for p in picked)
        return f"{based_on}: {left} {right}"

    @staticmethod
    def _quote(lang: str, based_on: str, passages: list[Passage], chosen: list[Scored]) -> str:
        """The chosen units grouped by passage, each group under its title; a passage
        in another language than the customer's is introduced as such."""
        groups: dict[int, list[str]] = {}
        for item in chosen:
            groups.setdefault(item.unit.passage, []).append(_sentence(item.unit.text))
        parts: list[str] = []
        for number, (index, texts) in enumerate(groups.items()):
            passage = passages[index]
            body = " ".join(texts)
            source_lang = passage_language(passage)
            if source_lang and source_lang != lang:
                key = (lang, source_lang) if (lang, source_lang) in _CROSS else (lang if lang == "pt" else "en", "")
                parts.append(_CROSS[key].format(title=passage.title, body=body))
            elif number == 0:
                parts.append(f"{based_on} ({passage.title}): {body}")
            else:
                parts.append(f"({passage.title}): {body}")
        return " ".join(parts)

    async def stream(self, request: LLMRequest) -> AsyncIterator[StreamEvent]:
        response = await self.complete(request)
        # Word groups, as a hosted model would stream them, so the guardrail gate
        # upstream sees the same shape of input from every provider.
        pieces = re.findall(r"\S+\s*", response.text)
        for start in range(0, len(pieces), 4):
            yield TextDelta("".join(pieces[start : start + 4]))
        yield Finished(response)

    async def close(self) -> None:
        return None
