"""tools/guardrail_decisions.py diff: the row-by-row check a guardrail change must pass
before it lands (an attack let through, an ordinary message refused, a PII value left or a
clean text altered is a loss, whatever the aggregate rates say)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("guardrail_decisions", ROOT / "tools" / "guardrail_decisions.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _write(path: Path, lines: list[str]) -> str:
    path.write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")
    return str(path)


def test_a_gain_paid_for_by_a_loss_is_still_a_loss(tmp_path: Path) -> None:
    tool = _tool()
    before = _write(tmp_path / "before.tsv", [
        "inj\tprobe.tsv\t0\tattack\t1", "inj\tprobe.tsv\t1\tattack\t0", "inj\tprobe.tsv\t2\tbenign\t0",
        "pii\tpii.tsv\t0\tcpf\taaa\t1", "pii\tpii.tsv\t1\tnone\tbbb\t0",
    ])
    after = _write(tmp_path / "after.tsv", [
        "inj\tprobe.tsv\t0\tattack\t0", "inj\tprobe.tsv\t1\tattack\t1", "inj\tprobe.tsv\t2\tbenign\t1",
        "pii\tpii.tsv\t0\tcpf\tccc\t0", "pii\tpii.tsv\t1\tnone\tddd\t1",
        "inj\tnew_probe.tsv\t0\tattack\t0",  # a new probe's row: nothing to compare it with
    ])
    gains, losses, changed = tool.diff(before, after)
    assert [g.split()[:3] for g in gains] == [["inj", "probe.tsv", "1"]]
    assert sorted(loss.split()[2] for loss in losses) == ["0", "0", "1", "2"]
    assert changed == 2
    assert tool.main(["diff", before, after]) == 1


def test_the_same_decisions_are_no_loss(tmp_path: Path) -> None:
    tool = _tool()
    rows = ["inj\tprobe.tsv\t0\tattack\t1", "pii\tpii.tsv\t0\tcpf\taaa\t1"]
    same = _write(tmp_path / "same.tsv", rows)
    assert tool.diff(same, same) == ([], [], 0)
    assert tool.main(["diff", same, same]) == 0
