"""The hybrid strategy: the business's labelled examples in the encoder's space
(each intent scored by its nearest examples and by its prototype, the mean of
its examples), plus domain-general lexical cues (rules/cues.toml: buying verbs,
"already bought" and complaint words, how-it-works questions), plus the
conversation: a follow-up ("e qto fica?", "and the other one?") borrows the
previous message's meaning and leans to the conversation's current agent, while
a message that is clearly about something else moves it.

It always names the nearest agent for a request; it says "unclear" only when
the message names no request and no agent leads (the router then asks), or
when two agents are too close to call without a conversation to lean on."""

from __future__ import annotations

import asyncio
import math
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from atende_guardrails.encoder import TextEncoder, Vectors
from router_svc.routing.base import OUT_OF_SCOPE, SMALL_TALK, TOPIC, UNCLEAR, Prediction
from router_svc.routing.embedding import ExampleSet
from router_svc.routing.normalize import folded, plain

CLARIFY = "clarify"

# A whole message of these words is small talk, in any business.
_SMALL_TALK_WORDS = frozenset("""
oi ola ole opa eai e ai hey hi hello hola bom boa dia tarde noite good morning afternoon evening tudo bem bom tranquilo
obrigado obrigada obrigadao valeu vlw brigado brigada muito mt thanks thank you thx ty cheers appreciate it much lot so
ok okay okk blz beleza certo entendi show perfeito otimo top massa legal joia fechado combinado cool great perfect nice
awesome got gotcha understood sure alright fine tchau ate mais logo breve falou flw bye see later adeus abraco abracos
nada isso era so de por enquanto thats all that's for now have a day da de pois ta esta bao sim nao yes no yeah yep
ah ahh hum hm maybe ll entendo saquei tendi vou pensar pensar think i i'll ill will it about depois retorno volto falo
later get back you to fechou demais bacana otima excelente excellent
""".split())


def is_chit_chat(text: str) -> bool:
    """The whole message is pleasantries ("oi, tudo bem?", "ok valeu", "thanks!")."""
    words = re.findall(r"[a-z0-9]+", folded(text[:300]))
    return bool(words) and all(w in _SMALL_TALK_WORDS for w in words)


@dataclass(frozen=True)
class Cue:
    name: str
    destination: str
    weight: float
    patterns: tuple[re.Pattern[str], ...]
    suppresses: tuple[str, ...] = ()

    def matches(self, text: str) -> bool:
        return any(p.search(text) for p in self.patterns)


def load_cues(path: Path) -> list[Cue]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return [
        Cue(str(c["name"]), str(c["destination"]), float(c.get("weight", 1.0)),
            tuple(re.compile(p) for p in c.get("patterns", [])), tuple(str(n) for n in c.get("suppresses", [])))
        for c in data.get("cue", [])
    ]


_FOLLOW_UP = re.compile(
    r"^\W*(e|e o|e a|e os|e as|e se|e pra|e para|e quanto|e qual|e como|e em|mas|ah|ah e|ok e|ta e|tá e|and|and the|and if|"
    r"what about|how about|also|so|then|ok|okay|entao|então|tambem|também|isso|esse|essa|ele|ela|it|that|this|the other)\b",
    re.IGNORECASE,
)


class HybridClassifier:
    """See the module docstring. `temperature` turns example similarities into
    log-odds; cue weights add to them; `context_prior` leans a follow-up to the
    conversation's agent (`stay_prior` any other message); `clarify_margin`: two
    agents whose shares differ by less are a close call."""

    name = "hybrid"
    accepts_agent = True

    def __init__(
        self,
        encoder: TextEncoder,
        examples: ExampleSet,
        cues: list[Cue],
        *,
        k: int = 3,
        temperature: float = 0.06,
        prototype_weight: float = 0.5,
        context_weight: float = 0.6,
        follow_up_words: int = 7,
        context_prior: float = 2.0,
        stay_prior: float = 0.3,
        clarify_margin: float = 0.1,
        min_similarity: float = 0.25,
        topic_change_weight: float = 1.0,
    ) -> None:
        self.topic_change_weight = topic_change_weight
        self.encoder = encoder
        self.examples = examples
        self.intents = examples.intents
        self.cues = cues
        self.k = k
        self.temperature = temperature
        self.prototype_weight = prototype_weight
        self.context_weight = context_weight
        self.follow_up_words = follow_up_words
        self.context_prior = context_prior
        self.stay_prior = stay_prior
        self.clarify_margin = clarify_margin
        self.min_similarity = min_similarity
        names = [n for n in examples.intents if any(i == n for i, _ in examples.examples)]
        self._names = names
        self._groups = [self._group(n) for n in names]
        self.destinations = sorted(set(self._groups), key=self._groups.index)
        self._group_index = np.array([self.destinations.index(g) for g in self._groups])
        self._agents = {d for d in self.destinations if d not in (SMALL_TALK, OUT_OF_SCOPE, UNCLEAR)}
        rows = [[i for i, (n, _) in enumerate(examples.examples) if n == name] for name in names]
        widest = max(len(r) for r in rows)
        self._index = np.zeros((len(names), widest), dtype=np.intp)
        self._present = np.zeros((len(names), widest), dtype=bool)
        for i, r in enumerate(rows):
            self._index[i, : len(r)] = r
            self._present[i, : len(r)] = True
        self._counts = self._present.sum(axis=1)
        self._matrix: Vectors | None = None
        self._prototypes: Vectors | None = None
        self._ready = asyncio.Lock()

    def _group(self, name: str) -> str:
        spec = self.intents[name]
        return spec.agent if spec.kind == TOPIC else spec.kind

    def _texts(self) -> list[str]:
        # The examples normalised (once, at start): closer to both spellings customers use.
        return [plain(text) for _, text in self.examples.examples]

    def _prepare(self, matrix: Vectors) -> None:
        prototypes = np.zeros((len(self._names), matrix.shape[1]), dtype=np.float32)
        for i in range(len(self._names)):
            mean = matrix[self._index[i, : self._counts[i]]].mean(axis=0)
            prototypes[i] = mean / max(float(np.linalg.norm(mean)), 1e-12)
        self._prototypes = prototypes
        self._matrix = matrix

    async def start(self) -> None:
        async with self._ready:
            if self._matrix is None:
                self._prepare(await self.encoder.aencode(self._texts()))

    def start_sync(self) -> None:
        if self._matrix is None:
            self._prepare(self.encoder.encode(self._texts()))

    # ------------------------------------------------------------ prediction

    def is_follow_up(self, text: str) -> bool:
        words = len(text.split())
        return words <= self.follow_up_words or bool(_FOLLOW_UP.match(folded(text)))

    async def predict(self, text: str, history: tuple[str, ...] = (), current_agent: str = "") -> Prediction:
        if self._matrix is None:
            await self.start()
        # Pleasantries say nothing about the topic: the context is the customer's last
        # message that did, and without one the conversation's agent is only the
        # default a greeting got, not a topic to lean to.
        history = tuple(h for h in history if not is_chit_chat(h))
        if not history:
            current_agent = ""
        follow_up = bool(history) and self.is_follow_up(text)
        # The message as the customer wrote it: the input guardrails and the agent's
        # retrieval encode the same text, so the turn computes one vector (the cues read
        # the normalised text; the encoder copes with informal spelling as well either way).
        texts = [text] + ([history[-1]] if follow_up else [])
        vectors = await self.encoder.aencode(texts)
        return self.predict_vectors(text, vectors[0], vectors[1] if follow_up else None, current_agent)

    def _scores(self, vector: Vectors, previous: Vectors | None) -> tuple[np.ndarray, np.ndarray]:
        """Each intent's score (nearest examples and prototype) and each destination's (its best intent)."""
        assert self._matrix is not None and self._prototypes is not None, "call start() first"
        if previous is not None:
            blended = vector + self.context_weight * previous
            vector = np.asarray(blended / max(float(np.linalg.norm(blended)), 1e-12), dtype=np.float32)
        similarities = self._matrix @ vector
        padded = np.where(self._present, similarities[self._index], -np.inf)
        top = np.sort(padded, axis=1)[:, -self.k:]
        counted = np.isfinite(top)
        knn = np.where(counted, top, 0.0).sum(axis=1) / counted.sum(axis=1)
        intent_scores = (1 - self.prototype_weight) * knn + self.prototype_weight * (self._prototypes @ vector)
        group_scores = np.full(len(self.destinations), -1.0)
        np.maximum.at(group_scores, self._group_index, intent_scores)
        return intent_scores, group_scores

    def _kinds_of_message(self, logits: np.ndarray, text_folded: str) -> tuple[list[Cue], bool]:
        """Adds the cues to the log-odds; returns the agent cues that fired and whether the
        whole message is pleasantries."""
        words = re.findall(r"[a-z0-9]+", text_folded)
        fired = [c for c in self.cues if c.destination in self._agents and c.matches(text_folded)]
        suppressed = {name for c in fired for name in c.suppresses}
        fired = [c for c in fired if c.name not in suppressed]
        for cue in fired:
            logits[self.destinations.index(cue.destination)] += cue.weight
        chit_chat = is_chit_chat(text_folded)
        short = len(words) <= 4
        for i, destination in enumerate(self.destinations):
            if destination == SMALL_TALK:
                # Small talk is a whole message of pleasantries, or close to an example of one.
                logits[i] += 3.0 if chit_chat else (-4.0 if fired or not short else -1.0)
            elif destination == UNCLEAR and (not short or fired or chit_chat):
                logits[i] = -math.inf
            elif destination == OUT_OF_SCOPE and fired:
                logits[i] -= 1.5
        return fired, chit_chat

    def _lean(self, logits: np.ndarray, text: str, fired: list[Cue], previous: Vectors | None, current_agent: str) -> None:
        """A follow-up leans to the conversation's agent, unless a cue names another one."""
        if current_agent not in self._agents or any(
                c.destination != current_agent and c.weight >= self.topic_change_weight for c in fired):
            return
        prior = self.stay_prior
        if previous is not None or self.is_follow_up(text):
            prior = self.context_prior * (1.5 if _FOLLOW_UP.match(folded(text)) else 1.0)
        logits[self.destinations.index(current_agent)] += prior

    def predict_vectors(self, text: str, vector: Vectors, previous: Vectors | None, current_agent: str = "") -> Prediction:
        intent_scores, group_scores = self._scores(vector, previous)
        logits = group_scores / self.temperature
        logits = logits - logits.max()
        text_folded = folded(text[:1000])
        fired, chit_chat = self._kinds_of_message(logits, text_folded)
        if not chit_chat:
            self._lean(logits, text, fired, previous, current_agent)
        vague = not chit_chat and len(text_folded.split()) <= 8 and any(
            c.destination == CLARIFY and c.matches(text_folded) for c in self.cues)

        shares = np.exp(logits - logits.max())
        shares = shares / shares.sum()
        destinations = {d: round(float(s), 3) for d, s in zip(self.destinations, shares, strict=True)}
        best = int(np.argmax(shares))
        group = self.destinations[best]
        ranked = {self._names[i]: round(float(intent_scores[i]), 3) for i in np.argsort(-intent_scores)[:4]}
        confidence = round(float(shares[best]), 3)
        unclear = Prediction(UNCLEAR, "", TOPIC, confidence, self.name, ranked, destinations, contextual=True)
        if group == UNCLEAR or (vague and not current_agent):
            return unclear
        if group in self._agents and not current_agent and not fired:
            agent_shares = sorted((float(shares[self.destinations.index(a)]) for a in self._agents), reverse=True)
            close = len(agent_shares) > 1 and agent_shares[0] - agent_shares[1] < self.clarify_margin
            if close or float(group_scores.max()) < self.min_similarity:
                return unclear
        in_group = [i for i, g in enumerate(self._groups) if g == group]
        spec = self.intents[self._names[max(in_group, key=lambda i: intent_scores[i])]]
        return Prediction(spec.name, spec.agent, spec.kind, confidence, self.name, ranked, destinations, contextual=True)
