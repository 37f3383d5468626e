"""Output checks: what an agent's reply must pass before a customer sees it.
PII redaction lives in pii.py; here are policy compliance, claim-level grounding
and toxicity."""

from __future__ import annotations

import bisect
import functools
import itertools
import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np
from numpy.typing import NDArray

from router_svc.guardrails.base import Finding, GuardContext
from router_svc.guardrails.lexicon import Lexicon
from router_svc.guardrails.text import fold, split_sentences

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_PASSAGE_SPLIT = re.compile(r"(?<=[.!?])\s+|\n+")


def normalize_number(raw: str) -> str:
    """"18.500,00" -> "18500", "2,5" -> "2.5", "1,234.5" -> "1234.5"."""
    value = re.sub(r"[.,](?=\d{3}(?:\D|$))", "", raw)
    value = value.replace(",", ".")
    if "." in value:
        value = value.rstrip("0").rstrip(".")
    return value.lstrip("0") or "0"


def numbers_in(text: str) -> set[str]:
    return {normalize_number(m.group(0)) for m in _NUMBER.finditer(text)}


class PolicyCheck:
    """The business's rules from configuration: no discount above a limit, no legal
    or medical advice, no disparaging a competitor, no forbidden phrase."""

    name = "policy"

    _DISCOUNT_CUE = re.compile(r"\b(?:desconto|descontos|discount|discounts|off|abatimento|reducao|abaixo|promocao|promo"
                               r"|cashback|"
                               r"rebate|mais barato|cheaper|less|a menos|de reducao)\b")
    _PERCENT = re.compile(r"(\d{1,3}(?:[.,]\d+)?)\s*(?:%|por cento|porcento|percent|pct)")
    _HALF = re.compile(r"\b(?:metade do preco|pela metade|half price|half off|half the price|50 50)\b")
    _LEGAL = re.compile(
        r"\b(?:(?:voce|you)\s+(?:deve|deveria|pode|poderia|tem o direito de|should|could|can|have the right to)\s+"
        r"(?:processar|processa|sue|entrar com (?:uma )?(?:acao|processo)|file a (?:lawsuit|claim|complaint in court)|"
        r"take legal action|acionar (?:a|o) (?:justica|juizado|procon))|"
        r"(?:entre|entrar|entra) com (?:uma )?acao (?:judicial|na justica|contra)|"
        r"(?:isso|isto|this|that) (?:e|is|configura|constitutes) (?:ilegal|illegal|crime|a crime|fraude|fraud|abusiv[oa])|"
        r"(?:voce|you) (?:ganharia|ganha|venceria|would win|will win|have a strong case|tem um caso forte)|"
        r"(?:tem|has|have) direito a (?:indenizacao|danos morais)|(?:entitled to|eligible for) (?:compensation|damages)|"
        r"(?:legally|juridicamente|legalmente),? (?:voce|you)|(?:segundo|de acordo com|according to|under) (?:a"
        r"|the)? ?lei\b.{0,60}"
        r"(?:voce|you) (?:pode|deve|can|should))"
    )
    _MEDICAL = re.compile(
        r"\b(?:(?:tome|tomar|take|use|usar)\s+\d+\s*(?:mg|ml|comprimidos?|capsulas?|gotas|pills?|tablets?|capsules?|drops)|"
        r"(?:dosagem|dosage|posologia|dose) (?:de|of|recomendada|recommended)|"
        r"(?:voce|you) (?:deve|deveria|should|must|need to|precisa) (?:tomar|take|parar de tomar|stop taking|comecar a tomar"
        r"|start taking)"
        r"(?: \w+){0,3} (?:medicamento|remedio|antibiotico|ibuprofeno|ibuprofen|paracetamol|dipirona|aspirina|aspirin|"
        r"medication|medicine|antibiotics?|pills?|insulina|insulin)|"
        r"(?:voce|you) (?:provavelmente |probably |likely )?(?:tem|have|has|esta com|are suffering from) (?:\w+ ){0,2}"
        r"(?:infeccao|infection|diabetes|cancer|depressao|depression|pneumonia|covid|gripe|flu|doenca|disease|sindrome|syndrome)|"
        r"(?:meu|my) diagnostico|(?:my|o) diagnosis)"
    )
    _NEGATIVE = re.compile(
        r"\b(?:ruim|ruins|pessim[oa]s?|pior|piores|lixo|fraude|golpe|golpistas?|enganam|engana|nao presta|porcaria|horrivel|"
        r"horriveis|falid[oa]|mentem|mentirosos?|desonest[oa]s?|bad|worse|worst|terrible|awful|scam|scammers?|fraud|"
        r"unreliable|garbage|junk|inferior|rip ?off|liars?|dishonest|crooks?|useless|cheap knock ?offs?|nao confie|don t trust|"
        r"do not trust|avoid them|evite)\b"
    )

    def __init__(
        self,
        max_discount_percent: float | None = None,
        forbid_legal_advice: bool = True,
        forbid_medical_advice: bool = True,
        competitors: Sequence[str] = (),
        forbidden_phrases: Sequence[str] = (),
        max_scan_chars: int = 20_000,
    ) -> None:
        self.max_scan_chars = max_scan_chars
        self.max_discount_percent = max_discount_percent
        self.forbid_legal_advice = forbid_legal_advice
        self.forbid_medical_advice = forbid_medical_advice
        self._competitor = (
            re.compile(r"\b(?:" + "|".join(re.escape(fold(c).folded.strip()) for c in competitors if c.strip()) + r")\b")
            if any(c.strip() for c in competitors) else None
        )
        self._forbidden = (
            re.compile("|".join(re.escape(fold(p).folded.strip()) for p in forbidden_phrases if p.strip()))
            if any(p.strip() for p in forbidden_phrases) else None
        )

    def scan(self, text: str, context: GuardContext) -> list[Finding]:
        if len(text) > self.max_scan_chars:
            return [Finding(self.name, "unscanned_overflow", 0, len(text), blocks=True, redact=False)]
        folded = fold(text)
        hits = self._hits(folded.folded)
        if not hits:
            return []
        # Only the sentences that hold a hit are examined (positions mapped to the original text).
        positions = sorted(folded.folded_to_original(hit) for hit in hits)
        findings: list[Finding] = []
        position = 0
        for sentence in split_sentences(text):
            start, end = position, position + len(sentence.rstrip())
            position += len(sentence)
            index = bisect.bisect_left(positions, start)
            if index >= len(positions) or positions[index] >= start + len(sentence):
                continue
            kind = self._violation(fold(sentence).folded)
            if kind:
                findings.append(Finding(self.name, kind, start, end, blocks=True, redact=False))
        return findings

    def _hits(self, folded: str, limit: int = 64) -> list[int]:
        """Where in the folded text a rule could apply (at most `limit` places)."""
        patterns = [
            pattern for pattern, active in (
                (self._DISCOUNT_CUE, self.max_discount_percent is not None), (self._LEGAL, self.forbid_legal_advice),
                (self._MEDICAL, self.forbid_medical_advice), (self._competitor, True), (self._forbidden, True),
            ) if active and pattern is not None
        ]
        hits: list[int] = []
        for pattern in patterns:
            hits.extend(m.start() for m in itertools.islice(pattern.finditer(folded), limit))
        return hits[: limit * 2]

    def _violation(self, folded: str) -> str:
        if self.max_discount_percent is not None and self._DISCOUNT_CUE.search(folded):
            offered = [float(m.group(1).replace(",", ".")) for m in self._PERCENT.finditer(folded)]
            if self._HALF.search(folded):
                offered.append(50.0)
            if any(value > self.max_discount_percent for value in offered):
                return "discount_above_limit"
        if self.forbid_legal_advice and self._LEGAL.search(folded):
            return "legal_advice"
        if self.forbid_medical_advice and self._MEDICAL.search(folded):
            return "medical_advice"
        if self._competitor is not None and self._competitor.search(folded) and self._NEGATIVE.search(folded):
            return "competitor_disparagement"
        if self._forbidden is not None and self._forbidden.search(folded):
            return "forbidden_phrase"
        return ""


_STOPWORDS = frozenset(
    """a o os as um uma uns umas de do da dos das em no na nos nas por pelo pela pelos pelas para pra com sem sob sobre
    e ou mas que se nao sim ja mais menos muito muita muitos muitas ate entre como quando onde qual quais quanto quanta
    este esta estes estas esse essa esses essas isso isto aquele aquela seu sua seus suas meu minha nosso nossa nossos nossas
    voce voces ele ela eles elas eu nos lhe lhes me te ao aos a e é ser sao foi era sera tem ter temos tenho ha havia pode
    podem deve devem segundo conforme tambem ainda so apenas cada todo toda todos todas outro outra the an of in on at to for
    with without by from and or but not no yes is are was were be been being it its this that these those there here our
    your their his her my we you they he she i as also just only each all any some other than then so such can could may
    might will would should must has have had do does did according documentation documentacao catalogo catalogue
    knowledge base""".split()
)
_WORD = re.compile(r"[^\W\d_]{3,}")

_NOT_CLAIM = re.compile(
    r"^\W*(?:ola|oi|bom dia|boa tarde|boa noite|hello|hi|hey|good (?:morning|afternoon|evening)|obrigad|thank|thanks|"
    r"desculp|sorry|lamento|sinto muito|i apologi[sz]e|perdao|claro|certo|entendi|perfeito|otimo|great|sure|of course|"
    r"got it|understood|ok|okay|posso|podemos|poderia|pode me|can i|i can|we can|i could|we could|would you|gostaria|"
    r"quer que|deseja|do you want|do you need|let me|deixe me|deixa eu|vou (?:encaminhar|chamar|verificar|passar|transferir|"
    r"pedir|anotar|registrar|confirmar)|i will (?:forward|check|connect|transfer|hand|ask|note|confirm)|i ll|fico a disposicao|"
    r"estou a disposicao|estamos a disposicao|happy to help|glad to help|feel free|fique a vontade|conte comigo|let me know|"
    r"me avise|me diga|me conte|tell me|please|por favor|informe|envie|mande|describe|send|provide|share|se preferir|"
    r"if you prefer|se quiser|if you want|if you d like|caso queira|nao encontrei|nao tenho (?:essa|esta|a) informac|nao sei|"
    r"i could not find|i couldn t find|i could not locate|i don t have|i do not have|i don t know|i do not know|not sure|"
    r"nao tenho certeza|sou (?:o|um|uma|a) |sou o assistente|i m (?:the|an|a) |i am (?:the|an|a) |para eu (?:indicar|ajudar)|"
    r"to suggest|to help you|para ajudar|para te ajudar|como posso|how can i|em que posso|what else|algo mais|anything else|"
    r"boa sorte|good luck|ate logo|see you|tenha um|have a (?:nice|great|good)|"
    # First-person notes about the conversation itself, not claims about the world.
    r"anotei|registrei|recebi|encaminhei|confirmei|agendei|salvei|atualizei|vi que|entendi que|anotado|registrado|"
    r"i ve (?:noted|recorded|received|forwarded|booked|saved|updated)|i (?:noted|recorded|received|forwarded|booked|saved"
    r"|updated)|i see that|i understand that|noted|done|"
    # The hand-off to a person, said in the agents' playbooks: about the conversation, not the world.
    r"(?:i m|i am) (?:handing|passing|bringing|transferring|connecting|forwarding)|they (?:get|will get|receive)|"
    r"(?:ela|ele) (?:ja )?recebe|your case is (?:already )?with|seu (?:atendimento|caso) ja (?:foi|esta)|nao consegui|"
    r"i couldn t|i could not|perfect|i m sorry|i am sorry)"
)


class GroundingCheck:
    """Claim-level grounding: each factual sentence of a reply must be supported
    by a retrieved passage. A sentence is a claim unless it is a question, a
    greeting, an offer, an apology, a request to the customer or a statement
    that something was not found. A claim is supported when every number in it
    appears in the evidence and enough of its content words (compared by their
    first five letters, so "instalação" meets "instalar") appear in one passage;
    with a similarity function (the multilingual encoder), a passage sentence
    that says the same in another language also supports it. An unsupported
    sentence is replaced by an honest "I could not find that" (once per reply),
    or removed."""

    name = "grounding"

    def __init__(
        self,
        not_found: dict[str, str],
        min_overlap: float = 0.5,
        mode: str = "replace",
        agents: Sequence[str] = (),
        similarity: Callable[[str, Sequence[str]], float] | None = None,
        min_similarity: float = 0.62,
        max_semantic_sentences: int = 3,
        max_scan_chars: int = 8000,
        encoder: SyncEncoder | None = None,
        semantic_chars: int = 200,
        semantic_budget: int = 400,
    ) -> None:
        self.max_scan_chars = max_scan_chars
        if mode not in ("replace", "remove"):
            raise ValueError("grounding mode must be 'replace' or 'remove'")
        self.not_found = not_found
        self.min_overlap = min_overlap
        self.mode = mode
        self.agents = frozenset(agents)
        self.similarity = similarity
        self.min_similarity = min_similarity
        self.max_semantic_sentences = max_semantic_sentences
        self.semantic = CrossLanguageSupport(encoder, semantic_chars, semantic_budget) if encoder is not None else None

    def applies(self, context: GuardContext) -> bool:
        return context.evidence is not None and (not self.agents or context.agent in self.agents)

    def needs_evidence(self, sentence: str, context: GuardContext) -> bool:
        return (not self.agents or context.agent in self.agents) and is_claim(sentence)

    def scan(self, text: str, context: GuardContext) -> list[Finding]:
        if not self.applies(context):
            return []
        if len(text) > self.max_scan_chars:
            return [Finding(self.name, "unscanned_overflow", 0, len(text), blocks=True, redact=False)]
        evidence = context.evidence or ()
        passages = [_evidence(snippet) for snippet in evidence]
        all_numbers = set().union(*(p.numbers for p in passages)) if passages else set()
        findings: list[Finding] = []
        noted = context.noted
        position = 0
        semantic_budget = self.max_semantic_sentences
        unsupported: list[tuple[int, str]] = []
        for sentence in split_sentences(text):
            start = position
            position += len(sentence)
            if not is_claim(sentence):
                continue
            supported, used_semantic = self._supported(sentence, passages, all_numbers, evidence, semantic_budget)
            semantic_budget -= used_semantic
            if not supported:
                unsupported.append((start, sentence))
        if self.semantic is not None and unsupported and evidence:
            # One encoder call for the reply's unsupported claims that another language may support.
            candidates = [s for _, s in unsupported if self._semantic_candidate(s, all_numbers)]
            supported_elsewhere = self.semantic.supported(candidates[: self.max_semantic_sentences * 4], evidence,
                                                          self.min_similarity, self.max_semantic_sentences)
            unsupported = [(start, s) for start, s in unsupported if s not in supported_elsewhere]
        for start, sentence in unsupported:
            trailing = sentence[len(sentence.rstrip()) :]
            note = self.not_found.get(context.language) or self.not_found.get("en", "")
            replacement = note + trailing if self.mode == "replace" and not noted and note else ""
            noted = noted or bool(replacement)
            findings.append(Finding(self.name, "unsupported_claim", start, start + len(sentence), blocks=False, redact=True,
                                    replacement=replacement, detail="no retrieved passage supports the sentence"))
        return findings

    def _supported(
        self, sentence: str, passages: list[_Evidence], all_numbers: set[str], evidence: Sequence[str], budget: int
    ) -> tuple[bool, int]:
        if not passages:
            return False, 0
        if not numbers_in(sentence) <= all_numbers:
            return False, 0
        stems = _stems(sentence)
        if not stems:
            return True, 0
        best = max(len(stems & p.stems) / len(stems) for p in passages)
        if best >= self.min_overlap:
            return True, 0
        if self.similarity is not None and budget > 0 and len(sentence) <= 400 and len(_WORD.findall(sentence)) >= 3:
            return self.similarity(sentence, evidence) >= self.min_similarity, 1
        return False, 0

    @staticmethod
    def _semantic_candidate(sentence: str, all_numbers: set[str]) -> bool:
        return len(sentence) <= 400 and len(_WORD.findall(sentence)) >= 3 and numbers_in(sentence) <= all_numbers


class SyncEncoder(Protocol):
    def encode(self, texts: Sequence[str]) -> NDArray[np.float32]: ...


class CrossLanguageSupport:
    """Whether a passage sentence says the same as a claim in another language, by
    the encoder's cosine. Bounded: distinct claims only, each cut to `chars`, at
    most `budget` characters and a few claims in one encoder call; the passages'
    vectors are computed once per evidence (the gate checks a reply sentence by
    sentence against the same passages)."""

    def __init__(self, encoder: SyncEncoder, chars: int = 200, budget: int = 400, max_pieces: int = 12) -> None:
        self.encoder = encoder
        self.chars = chars
        self.budget = budget
        self.max_pieces = max_pieces
        self._evidence: OrderedDict[tuple[str, ...], NDArray[np.float32] | None] = OrderedDict()
        self._lock = threading.Lock()

    def passages(self, evidence: Sequence[str]) -> NDArray[np.float32] | None:
        key = tuple(evidence)
        with self._lock:  # chains run on worker threads
            if key in self._evidence:
                self._evidence.move_to_end(key)
                return self._evidence[key]
        pieces = list(dict.fromkeys(
            p.strip()[: self.chars] for passage in evidence for p in _PASSAGE_SPLIT.split(passage) if len(p.strip()) > 12
        ))[: self.max_pieces]
        vectors = self.encoder.encode(pieces) if pieces else None
        with self._lock:
            self._evidence[key] = vectors
            if len(self._evidence) > 32:
                self._evidence.popitem(last=False)
        return vectors

    def supported(self, sentences: Sequence[str], evidence: Sequence[str], min_similarity: float,
                  most: int) -> set[str]:
        chosen: list[str] = []
        budget = self.budget
        for sentence in dict.fromkeys(sentences):
            piece = sentence.strip()[: self.chars]
            if len(chosen) >= most or len(piece) > budget:
                break
            chosen.append(sentence)
            budget -= len(piece)
        if not chosen:
            return set()
        passages = self.passages(evidence)
        if passages is None:
            return set()
        vectors = self.encoder.encode([s.strip()[: self.chars] for s in chosen])
        best = (vectors @ passages.T).max(axis=1)
        return {sentence for sentence, score in zip(chosen, best, strict=True) if score >= min_similarity}


@dataclass(frozen=True)
class _Evidence:
    stems: frozenset[str]
    numbers: frozenset[str]


@functools.lru_cache(maxsize=512)
def _evidence(snippet: str) -> _Evidence:
    return _Evidence(frozenset(_stems(snippet)), frozenset(numbers_in(snippet)))


@functools.lru_cache(maxsize=2048)
def _stems(text: str) -> frozenset[str]:
    return frozenset(w[:5] for w in _WORD.findall(fold(text).canonical) if w not in _STOPWORDS)


@functools.lru_cache(maxsize=2048)
def is_claim(sentence: str) -> bool:
    stripped = sentence.strip()
    if not stripped or stripped.endswith("?"):
        return False
    canonical = fold(stripped).canonical.strip()
    if len(canonical.split()) <= 3 and not _NUMBER.search(stripped):
        return False
    return _NOT_CLAIM.match(canonical) is None


class ToxicityCheck:
    """An agent never insults, swears, threatens, or produces hate or sexual content."""

    name = "toxicity"

    def __init__(self, lexicon: Lexicon, max_scan_chars: int = 20_000) -> None:
        self.lexicon = lexicon
        self.max_scan_chars = max_scan_chars

    def scan(self, text: str, context: GuardContext) -> list[Finding]:
        if len(text) > self.max_scan_chars:
            return [Finding(self.name, "unscanned_overflow", 0, len(text), blocks=True, redact=False)]
        return [Finding(self.name, category, start, end, blocks=True, redact=False)
                for category, start, end in self.lexicon.find(text)]
