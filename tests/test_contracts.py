"""The contracts: generated code matches proto/, buf lint passes, and every public
route of DESIGN.md is served."""

from __future__ import annotations

import filecmp
import subprocess
import sys
from pathlib import Path

from google.api import annotations_pb2
from google.protobuf import descriptor_pb2

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def _files(folder: Path) -> set[Path]:
    return {p.relative_to(folder) for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts}


def test_generated_code_is_up_to_date(tmp_path: Path) -> None:
    subprocess.run([sys.executable, str(ROOT / "tools" / "gen_proto.py"), str(tmp_path)], check=True)
    committed, fresh = ROOT / "gen", tmp_path
    assert _files(committed) == _files(fresh), "gen/ has files proto/ does not produce: run `make proto`"
    stale = [str(p) for p in sorted(_files(fresh)) if not filecmp.cmp(committed / p, fresh / p, shallow=False)]
    assert not stale, f"generated code is stale, run `make proto`: {stale}"


def test_buf_lint_passes(tmp_path: Path) -> None:
    subprocess.run([sys.executable, str(ROOT / "tools" / "third_party_protos.py"), str(ROOT / "build" / "third_party")],
                   check=True)
    # Offline: googleapis from build/third_party, not the registry (tools/third_party_protos.py).
    offline = ROOT / "build" / "buf.offline.yaml"
    result = subprocess.run([str(BIN / "buf"), "lint", "proto", "--config", str(offline)], cwd=ROOT, capture_output=True,
                            text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def _http_rules() -> dict[tuple[str, str], str]:
    descriptors = descriptor_pb2.FileDescriptorSet.FromString((ROOT / "gen" / "atende.pb").read_bytes())
    rules: dict[tuple[str, str], str] = {}
    for file in descriptors.file:
        for service in file.service:
            for method in service.method:
                if not method.options.HasExtension(annotations_pb2.http):
                    continue
                rule = method.options.Extensions[annotations_pb2.http]
                verb = rule.WhichOneof("pattern")
                assert verb is not None
                rules[(verb.upper(), getattr(rule, verb))] = f"{file.package}.{service.name}/{method.name}"
    return rules


def test_every_public_route_of_the_design_is_annotated() -> None:
    expected = {
        ("POST", "/v1/conversations/{conversation_id}/messages"),
        ("POST", "/v1/conversations/{conversation_id}/messages:stream"),
        ("GET", "/v1/conversations/{conversation_id}"),
        ("GET", "/v1/leads/{lead_id}"),
        ("GET", "/v1/leads"),
        ("POST", "/v1/knowledge/documents"),
        ("POST", "/v1/knowledge:search"),
        ("DELETE", "/v1/knowledge/documents/{document_id}"),
        ("GET", "/v1/agents"),
        ("POST", "/v1/intents:classify"),
        ("POST", "/v1/guardrails:check"),
        ("DELETE", "/v1/subjects/{user_id}"),
        ("GET", "/v1/subjects/{user_id}:export"),
        ("GET", "/v1/audit/events"),
        ("GET", "/v1/subjects/{user_id}/erasures/{erasure_id}"),
    }
    assert expected <= set(_http_rules())
