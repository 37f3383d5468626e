"""Transactional e-mail templates kept in the repository, one file per template and
language: `<name>.<lang>.txt`, a `Subject:` line, a blank line, then the body, with
`${placeholder}` values (string.Template). The HTML part is the body, escaped."""

from __future__ import annotations

import html
import string
from dataclasses import dataclass
from pathlib import Path

BUILT_IN = Path(__file__).parent / "templates"
LANGUAGES = ("pt", "en")


@dataclass(frozen=True)
class Template:
    name: str
    language: str
    subject: string.Template
    body: string.Template

    def placeholders(self) -> set[str]:
        return set(self.subject.get_identifiers()) | set(self.body.get_identifiers())


@dataclass(frozen=True)
class Rendered:
    subject: str
    text: str
    html: str


class UnknownTemplate(LookupError):
    pass


class MissingVariables(ValueError):
    def __init__(self, names: list[str]) -> None:
        super().__init__(", ".join(names))
        self.names = names


def _parse(name: str, language: str, text: str) -> Template:
    head, _, body = text.partition("\n\n")
    if not head.startswith("Subject:"):
        raise ValueError(f"template {name}.{language} must start with a 'Subject:' line")
    return Template(name, language, string.Template(head[len("Subject:") :].strip()), string.Template(body.strip()))


class TemplateStore:
    """Loads every template once; a folder given later overrides the built-in ones."""

    def __init__(self, *folders: Path) -> None:
        self._templates: dict[tuple[str, str], Template] = {}
        for folder in (BUILT_IN, *folders):
            for path in sorted(folder.glob("*.*.txt")):
                name, language = path.name[: -len(".txt")].rsplit(".", 1)
                self._templates[(name, language)] = _parse(name, language, path.read_text(encoding="utf-8"))

    def names(self) -> set[str]:
        return {name for name, _ in self._templates}

    def get(self, name: str, language: str) -> Template:
        template = self._templates.get((name, language))
        if template is None:
            raise UnknownTemplate(f"{name}.{language}")
        return template

    def render(self, name: str, language: str, variables: dict[str, str]) -> Rendered:
        template = self.get(name, language)
        missing = sorted(template.placeholders() - set(variables))
        if missing:
            raise MissingVariables(missing)
        subject = " ".join(template.subject.substitute(variables).split())
        text = template.body.substitute(variables)
        escaped = {key: html.escape(value) for key, value in variables.items()}
        paragraphs = template.body.substitute(escaped).split("\n\n")
        body_html = "".join("<p>" + part.replace("\n", "<br>") + "</p>" for part in paragraphs)
        return Rendered(subject=subject, text=text, html=f'<html lang="{language}"><body>{body_html}</body></html>')
