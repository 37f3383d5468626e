"""The default business's examples include customers' messages of the routing probes' halves a
(router_svc/rules/examples_customers.toml, written by tools/customer_examples.py)."""

from __future__ import annotations

import importlib.util
import tomllib
from pathlib import Path

import pytest

from router_svc.routing import ExampleSet

ROOT = Path(__file__).resolve().parents[2]
RULES = ROOT / "router_svc" / "rules"
_spec = importlib.util.spec_from_file_location("customer_examples", ROOT / "tools" / "customer_examples.py")
assert _spec is not None and _spec.loader is not None
customer_examples = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(customer_examples)
OUT, fold, held_out_texts = customer_examples.OUT, customer_examples.fold, customer_examples.held_out_texts


def test_an_included_file_adds_examples_to_the_including_files_intents(tmp_path: Path) -> None:
    (tmp_path / "more.toml").write_text('[intents.pricing]\nexamples = ["qto sai o kit?", "  "]\n', encoding="utf-8")
    (tmp_path / "examples.toml").write_text(
        'include = ["more.toml"]\n[intents.pricing]\nagent = "sales"\nexamples = ["Quanto custa?"]\n', encoding="utf-8")
    examples = ExampleSet.load(tmp_path / "examples.toml")
    assert examples.examples == [("pricing", "Quanto custa?"), ("pricing", "qto sai o kit?")]


def test_an_included_intent_the_including_file_does_not_define_is_refused_by_name(tmp_path: Path) -> None:
    (tmp_path / "more.toml").write_text('[intents.pricng]\nexamples = ["qto sai o kit?"]\n', encoding="utf-8")
    (tmp_path / "examples.toml").write_text(
        'include = ["more.toml"]\n[intents.pricing]\nagent = "sales"\nexamples = ["Quanto custa?"]\n', encoding="utf-8")
    with pytest.raises(ValueError, match="'pricng' is not defined"):
        ExampleSet.load(tmp_path / "examples.toml")


def test_the_default_router_reads_the_customers_examples() -> None:
    own = tomllib.loads((RULES / "examples.toml").read_text(encoding="utf-8"))
    written = sum(len(spec.get("examples", [])) for spec in own["intents"].values())
    loaded = ExampleSet.load(RULES / "examples.toml")
    assert len(loaded.examples) > written + 2000
    assert set(tomllib.loads(OUT.read_text(encoding="utf-8"))["intents"]) <= set(own["intents"])


def test_no_customer_example_is_a_message_of_a_half_b_or_a_blind_set() -> None:
    """Halves b and the blind sets measure the router: none of their texts may be one of its examples."""
    included = tomllib.loads(OUT.read_text(encoding="utf-8"))["intents"]
    held = held_out_texts()
    leaked = [text for spec in included.values() for text in spec["examples"] if fold(text) in held]
    assert not leaked, leaked[:5]
