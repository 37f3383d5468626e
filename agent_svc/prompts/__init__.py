"""Versioned prompt files: `<agent>.v<N>.toml`; the highest version is used."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

PROMPTS_DIR = Path(__file__).parent
_NAME = re.compile(r"^(?P<agent>[a-z0-9_]+)\.v(?P<version>\d+)\.toml$")


@dataclass(frozen=True)
class Playbook:
    agent: str
    version: int
    description: str
    system: str
    phrases: dict[str, dict[str, str]]

    def say(self, language: str, key: str) -> str:
        table = self.phrases.get(language) or self.phrases.get("en") or {}
        return table.get(key, "")


def load_playbook(agent: str, directory: Path = PROMPTS_DIR) -> Playbook:
    versions: list[tuple[int, Path]] = []
    for path in directory.glob(f"{agent}.v*.toml"):
        match = _NAME.match(path.name)
        if match and match["agent"] == agent:
            versions.append((int(match["version"]), path))
    if not versions:
        raise FileNotFoundError(f"no prompt file for agent {agent!r} in {directory}")
    version, path = max(versions)
    data: dict[str, Any] = tomllib.loads(path.read_text(encoding="utf-8"))
    phrases = {lang: dict(data[lang]) for lang in ("pt", "en") if lang in data}
    return Playbook(agent, version, str(data.get("description", "")), str(data.get("system", "")), phrases)
