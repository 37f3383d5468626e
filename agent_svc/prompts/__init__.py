"""Versioned prompt files: `<agent>.v<N>.toml`; the highest version is used unless a
configuration pins one (`prompt = "sales.v1"`)."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

PROMPTS_DIR = Path(__file__).parent
_NAME = re.compile(r"^(?P<agent>[a-z0-9_]+)\.v(?P<version>\d+)\.toml$")
LANGUAGES = ("pt", "en")


@dataclass(frozen=True)
class Playbook:
    agent: str
    version: int
    description: str
    system: str
    phrases: dict[str, dict[str, str]]
    source: str = ""
    # Keys whose phrase the local engine may use as a follow-up question.
    extra: dict[str, Any] = field(default_factory=dict)

    def say(self, language: str, key: str) -> str:
        table = self.phrases.get(language) or {}
        if key in table:
            return table[key]
        for other in LANGUAGES:
            if key in self.phrases.get(other, {}):
                return self.phrases[other][key]
        return ""

    @cached_property
    def every_phrase(self) -> tuple[str, ...]:
        """Every phrase of the playbook, in every language (read once: every reply's citations use it)."""
        return tuple(phrase for table in self.phrases.values() for phrase in table.values())

    def said(self, key: str, text: str) -> bool:
        """True when `text` contains the phrase `key` in any language (how a stateless
        agent recognizes what it asked in an earlier turn)."""
        for table in self.phrases.values():
            phrase = table.get(key, "").split("{", 1)[0].strip()
            if phrase and phrase in text:
                return True
        return False


def from_mapping(agent: str, data: dict[str, Any], version: int = 1, source: str = "") -> Playbook:
    phrases = {lang: {str(k): str(v) for k, v in dict(data[lang]).items()} for lang in LANGUAGES if lang in data}
    return Playbook(
        agent=agent,
        version=int(data.get("version", version)),
        description=str(data.get("description", "")),
        system=str(data.get("system", "")).strip(),
        phrases=phrases,
        source=source,
    )


def load_playbook(agent: str, directory: Path = PROMPTS_DIR, pinned: int | None = None) -> Playbook:
    versions: list[tuple[int, Path]] = []
    for path in directory.glob(f"{agent}.v*.toml"):
        match = _NAME.match(path.name)
        if match and match["agent"] == agent:
            versions.append((int(match["version"]), path))
    if pinned is not None:
        versions = [v for v in versions if v[0] == pinned]
    if not versions:
        wanted = f"{agent}.v{pinned}" if pinned is not None else agent
        raise FileNotFoundError(f"no prompt file for {wanted!r} in {directory}")
    version, path = max(versions)
    data: dict[str, Any] = tomllib.loads(path.read_text(encoding="utf-8"))
    return from_mapping(agent, data, version, str(path))


def load_reference(reference: str, directories: tuple[Path, ...]) -> Playbook:
    """`name` (newest version) or `name.vN` (pinned), searched in each directory in turn."""
    name, _, pinned = reference.partition(".v")
    for directory in directories:
        try:
            return load_playbook(name, directory, int(pinned) if pinned else None)
        except FileNotFoundError:
            continue
    raise FileNotFoundError(f"no prompt file {reference!r} in {', '.join(str(d) for d in directories)}")
