"""From a strategy's prediction and the conversation's current agent to a
decision: a conversation sticks with its agent while the topic holds, moves when
it changes with enough confidence, ignores small talk, and gets a clarifying
answer (not a random agent) when the message is out of scope or unclear."""

from __future__ import annotations

from dataclasses import dataclass

from router_svc.routing.base import OUT_OF_SCOPE, SMALL_TALK, TOPIC, UNCLEAR, Decision, Prediction


@dataclass(frozen=True)
class RoutingPolicy:
    # Below this, a prediction is "unclear": keep the current agent or ask.
    min_confidence: float = 0.45
    # ... except a new conversation's request that names an agent with at least this much
    # and leads every other destination: the nearest agent answers it (a question back
    # would leave a clear request, "there's a leak under the panels", with no agent).
    fallback_confidence: float = 0.3
    # Moving a conversation to another agent takes at least this much.
    handoff_confidence: float = 0.6
    # An out-of-scope prediction needs this much to be answered as out of scope.
    out_of_scope_confidence: float = 0.5
    # Where a new conversation that opens with small talk goes.
    default_agent: str = "sales"
    # A conversation stays with its agent while the agent keeps at least this
    # share of the evidence (strategies that report shares: embedding).
    stay_share: float = 0.2

    @staticmethod
    def _follow(p: Prediction, current_agent: str) -> Decision:
        """The strategy weighed the conversation already: a request always names its
        (nearest) agent, and a different one is a change of topic."""
        if not current_agent or p.agent == current_agent:
            return Decision(p.agent, p.intent, p.confidence, p.strategy)
        return Decision(p.agent, p.intent, p.confidence, p.strategy, handoff_from=current_agent)

    def _nearest_agent(self, p: Prediction) -> bool:
        """A request below min_confidence whose agent is still the nearest destination."""
        if p.intent == UNCLEAR or not p.agent or p.kind != TOPIC or p.ask:
            return False
        if not self.fallback_confidence <= p.confidence < self.min_confidence:
            return False
        return all(share <= p.confidence for name, share in p.destinations.items() if name != p.agent)

    def _unsure(self, p: Prediction, current_agent: str) -> Decision:
        """Below min_confidence, or no agent named: the conversation keeps its agent; a new one
        goes to the nearest agent when that agent still leads, or gets a question back."""
        if not current_agent and self._nearest_agent(p):
            return Decision(p.agent, p.intent, p.confidence, p.strategy)
        intent = p.intent if p.intent != OUT_OF_SCOPE else UNCLEAR
        # `ask`: the agent was only a greeting's default; the customer is asked instead.
        if current_agent and not p.ask:
            return Decision(current_agent, intent, p.confidence, "sticky")
        return Decision("", intent, p.confidence, p.strategy, action="clarify")

    def decide(self, prediction: Prediction, current_agent: str) -> Decision:
        p = prediction
        if p.kind == SMALL_TALK and p.intent != UNCLEAR:
            if current_agent:
                return Decision(current_agent, p.intent, p.confidence, "sticky")
            return Decision(self.default_agent, p.intent, p.confidence, p.strategy)
        if p.kind == OUT_OF_SCOPE and p.intent != UNCLEAR and (p.contextual or p.confidence >= self.out_of_scope_confidence):
            return Decision("", p.intent, p.confidence, p.strategy, action="clarify", nearest_agent=_nearest_agent(p))
        if p.contextual and p.agent and p.intent != UNCLEAR:
            return self._follow(p, current_agent)
        if p.intent == UNCLEAR or not p.agent or p.confidence < self.min_confidence:
            return self._unsure(p, current_agent)
        if not current_agent or p.agent == current_agent:
            return Decision(p.agent, p.intent, p.confidence, p.strategy)
        if p.destinations.get(current_agent, 0.0) >= self.stay_share:
            return Decision(current_agent, p.intent, p.confidence, "sticky")
        if p.confidence >= self.handoff_confidence:
            return Decision(p.agent, p.intent, p.confidence, p.strategy, handoff_from=current_agent)
        return Decision(current_agent, p.intent, p.confidence, "sticky")


def _nearest_agent(p: Prediction) -> str:
    """The agent with the largest share of the evidence ("" when the strategy reports none)."""
    agents = {name: share for name, share in p.destinations.items() if name not in (OUT_OF_SCOPE, SMALL_TALK, UNCLEAR)}
    return max(agents, key=lambda name: agents[name]) if agents else ""
