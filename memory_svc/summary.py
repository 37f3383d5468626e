"""A deterministic extractive summary of the messages a context leaves out, so a
prompt stays bounded however long the conversation grows. No model is involved:
the same messages always give the same summary."""

from __future__ import annotations

import re

ITEM_CHARS = 160
MIN_ITEM_CHARS = 24
# Older customer messages a summary looks at: the first one (how the conversation
# started) and this many of the most recent ones before the context window.
RECENT_ITEMS = 40
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|\n+")
_SPACES = re.compile(r"\s+")


def first_sentence(text: str, limit: int = ITEM_CHARS) -> str:
    text = text.strip()
    if not text:
        return ""
    # A greeting alone ("Olá!") says nothing: take sentences until there is substance.
    sentence = ""
    for part in _SENTENCE_END.split(text):
        sentence = f"{sentence} {part}" if sentence else part
        if len(sentence) >= MIN_ITEM_CHARS:
            break
    sentence = _SPACES.sub(" ", sentence).strip()
    if len(sentence) > limit:
        cut = sentence[: limit - 1]
        # Cut at a word boundary when one is near, so words are not chopped mid-way.
        space = cut.rfind(" ")
        if space > limit // 2:
            cut = cut[:space]
        sentence = cut.rstrip(" ,;:") + "…"
    return sentence


def summarize(user_texts: list[str], truncated: bool, max_chars: int) -> str:
    """`user_texts` are older customer messages, oldest first; `truncated` says some
    between the first and the rest were not passed in."""
    items: list[str] = []
    for text in user_texts:
        item = first_sentence(text)
        if item and (not items or items[-1] != item):
            items.append(item)
    if not items:
        return ""
    header = "Earlier in this conversation the customer said:"
    lines = [f"- {item}" for item in items]
    omitted = "- (…)"
    budget = max_chars - len(header) - 1
    if not truncated and sum(len(line) + 1 for line in lines) <= budget:
        return "\n".join([header, *lines])
    # Too long: keep how it started and as many of the latest points as fit.
    first, rest = lines[0], lines[1:]
    room = budget - len(first) - 1 - len(omitted) - 1
    kept: list[str] = []
    for line in reversed(rest):
        if len(line) + 1 > room:
            truncated = True
            break
        kept.append(line)
        room -= len(line) + 1
    kept.reverse()
    middle = [omitted] if truncated else []
    return "\n".join([header, first, *middle, *kept])[:max_chars]
