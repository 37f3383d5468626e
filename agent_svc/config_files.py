"""Reading configuration files: TOML, each table's keys and value types checked
against the defaults of the dataclass it fills, errors that name the file and the key."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any


class ConfigError(ValueError):
    """A configuration file is wrong; the message names the file and the field."""


def read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: not valid TOML: {error}") from error


def strings(path: Path, key: str, value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{path}: {key} must be a list of strings")
    return tuple(value)


def typed_table(path: Path, section: str, data: dict[str, Any], defaults: Any) -> dict[str, Any]:
    """Checks a table's keys and value types against a dataclass's defaults."""
    known = {name: getattr(defaults, name) for name in defaults.__dataclass_fields__}
    out: dict[str, Any] = {}
    for key, value in data.items():
        if key not in known:
            raise ConfigError(f"{path}: unknown key {section}.{key}; known: {', '.join(known)}")
        expected = known[key]
        if isinstance(expected, bool):
            ok = isinstance(value, bool)
        elif isinstance(expected, float):
            ok = isinstance(value, (int, float)) and not isinstance(value, bool)
            value = float(value) if ok else value
        elif isinstance(expected, int):
            ok = isinstance(value, int) and not isinstance(value, bool)
        elif isinstance(expected, tuple):
            value = strings(path, f"{section}.{key}", value)
            ok = True
        else:
            ok = isinstance(value, type(expected))
        if not ok:
            raise ConfigError(f"{path}: {section}.{key} must be {type(expected).__name__}")
        if isinstance(value, (int, float)) and not isinstance(value, bool) and value < 0:
            raise ConfigError(f"{path}: {section}.{key} must not be negative")
        out[key] = value
    return out
