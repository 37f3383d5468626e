"""Agent configuration files (custom agents without code) and the deterministic
readers of the customer's words that every provider relies on."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from agent_helpers import make_runtime, make_turn

from agent_svc.config import load_agents
from agent_svc.config_files import ConfigError
from agent_svc.signals import extract_bant, extract_contact, parse_meeting_time, sentiment, wants_human, zone
from agent_svc.tools import ToolRegistry

TOOLS = ToolRegistry().names()


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.toml").write_text(text, encoding="utf-8")
    return folder


async def test_an_inline_playbook_is_a_whole_agent(tmp_path: Path) -> None:
    folder = write(
        tmp_path,
        "faq",
        """
description = "Answers the opening hours."
tools = ["knowledge_search"]
knowledge_collection = "default"
language = "en"
[playbook]
system = "You answer questions about opening hours."
[playbook.en]
greeting = "Hello from the FAQ bot!"
not_found = "Nothing about that in the FAQ."
clarify = "Which store do you mean?"
""",
    )
    runtime = make_runtime(agents_dir=folder)
    agent = runtime.get("faq")
    assert agent.description == "Answers the opening hours." and agent.kind == "assistant"
    hello = await runtime.reply(make_turn("Oi", agent="faq", language="pt"))
    assert hello.text == "Hello from the FAQ bot!"  # the configured language wins
    unknown = await runtime.reply(make_turn("Do you sell bicycles?", agent="faq", language="en"))
    assert unknown.text == "Nothing about that in the FAQ. Which store do you mean?"


def test_a_prompt_version_can_be_pinned(tmp_path: Path) -> None:
    folder = write(tmp_path, "old-sales", 'kind = "sales"\nprompt = "sales.v1"\n')
    runtime = make_runtime(agents_dir=folder)
    assert runtime.get("old-sales").playbook.version == 1
    assert runtime.get("sales").playbook.version == 2


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('tools = ["teleport"]', "unknown tools teleport"),
        ('kind = "oracle"', "kind must be one of"),
        ('name = "Bad Name"', "name must be"),
        ('name = "sales"', "already defined"),
        ('langauge = "pt"', "unknown keys langauge"),
        ("[budget]\nconversation_tokens = -5", "must not be negative"),
        ('[escalation]\non_request = "yes"', "escalation.on_request must be bool"),
        ("max_steps = 0", "max_steps must be at least 1"),
        ("[scoring]\nthreshold = 150", "threshold"),
        ("name = [", "not valid TOML"),
    ],
)
def test_a_broken_file_is_refused_with_its_name(tmp_path: Path, text: str, message: str) -> None:
    folder = write(tmp_path, "broken", text + "\n")
    with pytest.raises(ConfigError, match=message) as caught:
        load_agents(TOOLS, "default", folder)
    assert "broken.toml" in str(caught.value)


def test_contact_details() -> None:
    found = extract_contact("Oi, aqui é a Maria da Silva, maria.silva@acme.com.br, (11) 98765-4321, trabalho na Acme Energia.")
    assert found.name == "Maria da Silva" and found.email == "maria.silva@acme.com.br"
    assert found.phone == "(11) 98765-4321" and found.company == "Acme Energia"
    assert extract_contact("I'm the owner, my name is John Smith and I work at Sunny Corp").name == "John Smith"
    assert extract_contact("sou o dono da empresa").name == ""


def test_bant_slots() -> None:
    bant = extract_bant(
        "Precisamos de um sistema para a fábrica, temos R$ 200 mil, preciso de aprovação do CFO, até o fim do ano"
    )
    assert bant.budget == "R$ 200 mil" and "aprovação do CFO" in bant.authority
    assert bant.need.startswith("Precisamos de um sistema") and bant.timeline == "até o fim do ano"
    assert extract_bant("next month", expected="timeline").timeline == "next month"
    assert extract_bant("only me", expected="authority").authority == "decides alone"
    assert extract_bant("uma loja de roupas", expected="need").need == "uma loja de roupas"
    assert extract_bant("ok", expected="need").need == ""


def test_meeting_times_in_the_business_time_zone() -> None:
    now = datetime(2025, 3, 10, 15, 0, tzinfo=UTC)  # Monday, 12:00 in São Paulo
    sp = zone("America/Sao_Paulo")

    def when(text: str) -> str:
        found = parse_meeting_time(text, now, sp)
        return found.start.isoformat() if found else ""

    assert when("amanhã às 10h") == "2025-03-11T10:00:00-03:00"
    assert when("tomorrow at 3pm") == "2025-03-11T15:00:00-03:00"
    assert when("sexta às 14:30") == "2025-03-14T14:30:00-03:00"
    assert when("dia 20/03 às 9h") == "2025-03-20T09:00:00-03:00"
    assert when("hoje às 9h") == ""  # already past
    assert when("semana que vem") == ""  # no hour: the agent asks


def test_mood_and_requests_for_a_person() -> None:
    assert sentiment("Isso é um absurdo, vou no Procon")[0] == "angry"
    assert sentiment("THIS IS NOT WORKING AT ALL")[0] == "angry"
    assert sentiment("Estou um pouco frustrado")[0] == "negative"
    assert sentiment("Obrigado pela ajuda")[0] == "neutral"
    assert wants_human("Quero falar com um atendente")
    assert wants_human("can I speak to a real person?")
    assert not wants_human("quero saber o preço")
