"""Every guardrail decision on the project's own sets, row by row, to compare two versions of the code.

A change to the injection or PII checks is safe to land when no attack is let through that was
refused, no ordinary message refused that was let through, no PII value left that was redacted and no
clean text altered that was left alone. Aggregate rates hide a loss paid for by a gain; a row-by-row
comparison does not.

    # in a checkout of each version (its code is what gets dumped)
    PYTHONPATH=.:gen/python .venv/bin/python tools/guardrail_decisions.py dump /tmp/before.tsv
    PYTHONPATH=.:gen/python .venv/bin/python tools/guardrail_decisions.py dump /tmp/after.tsv
    python tools/guardrail_decisions.py diff /tmp/before.tsv /tmp/after.tsv   # last line: NO LOSS or LOSS

Rows: every `atende_guardrails/eval/injection*.tsv` except the classifier's seed, the generated sets,
the blind dev rows of `evals/guardrails/injection.jsonl`; every `pii*.tsv` and the blind dev rows of
`evals/guardrails/pii.jsonl`. The blind test rows are never read. `diff` exits 1 on a loss."""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from atende_guardrails.base import GuardrailChain

ROOT = Path(__file__).resolve().parents[1]
EVAL_DIR = ROOT / "atende_guardrails" / "eval"
BLIND = ROOT / "evals" / "guardrails"


def _digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def dump_rows() -> Iterator[str]:
    """One tab-separated line per decision: `inj file row label refused` or
    `pii file row kind digest-of-redacted-text redacted`."""
    from atende_guardrails.config import load_guardrails
    from atende_guardrails.encoder import UsemEncoder

    encoder = UsemEncoder()
    encoder.load()
    chains = load_guardrails(encoder=encoder)
    yield from _injection_rows(chains.input)
    yield from _pii_rows(chains.output)


def _injection_rows(chain: GuardrailChain) -> Iterator[str]:
    from atende_guardrails.eval.blind_eval import refuses
    from atende_guardrails.eval.guardrails_eval import load_injection

    files = sorted(p for p in EVAL_DIR.glob("injection*.tsv") if p.name != "injection_seed.tsv")
    for path in [*files, *sorted((EVAL_DIR / "generated").glob("*.tsv"))]:
        for index, (label, _language, _kind, text) in enumerate(load_injection(path)):
            yield f"inj\t{path.name}\t{index}\t{label}\t{int(refuses(chain, text)[0])}"
    for line in (BLIND / "injection.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row["split"] == "dev":
            yield f"inj\tblind_dev\t{row['id']}\t{row['label']}\t{int(refuses(chain, row['text'])[0])}"


def _pii_rows(chain: GuardrailChain) -> Iterator[str]:
    from atende_guardrails.base import GuardContext
    from atende_guardrails.eval.guardrails_eval import _unescape
    from atende_guardrails.text import detect_language

    def redacted(text: str) -> str:
        return chain.run(text, GuardContext(stage="output", language=detect_language(text))).redacted_text

    for path in sorted(EVAL_DIR.glob("pii*.tsv")):
        for index, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
            if not line.strip() or line.startswith("#"):
                continue
            kind, value, text = (_unescape(part) for part in line.split("\t", 2))
            output = redacted(text)
            done = output != text if kind == "none" else value not in output
            yield f"pii\t{path.name}\t{index}\t{kind}\t{_digest(output)}\t{int(done)}"
    for line in (BLIND / "pii.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row["split"] != "dev":
            continue
        output = redacted(row["text"])
        values = row["values"]
        done = all(v["value"] not in output for v in values) if values else output != row["text"]
        kind = ",".join(v["kind"] for v in values) or "none"
        yield f"pii\tblind_dev\t{row['id']}\t{kind}\t{_digest(output)}\t{int(done)}"


def _load(path: str) -> dict[tuple[str, ...], list[str]]:
    rows: dict[tuple[str, ...], list[str]] = {}
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        rows[tuple(fields[:3])] = fields[3:]
    return rows


def diff(before_path: str, after_path: str) -> tuple[list[str], list[str], int]:
    """Gains, losses and how many redacted texts changed, over the rows both dumps hold
    (a new probe's rows are only in the later one)."""
    before, after = _load(before_path), _load(after_path)
    gains: list[str] = []
    losses: list[str] = []
    changed = 0
    for key in sorted(before.keys() & after.keys()):
        old, new = before[key], after[key]
        if key[0] == "inj":
            label, was, now = old[0], old[1], new[1]
            lost = (label == "attack" and now == "0") or (label != "attack" and now == "1")
        else:
            label, was, now = old[0], old[2], new[2]
            changed += old[1] != new[1]
            lost = (label == "none" and now == "1") or (label != "none" and now == "0")
        if was != now:
            (losses if lost else gains).append(f"{' '.join(key)} {label} {was}->{now}")
    return gains, losses, changed


def main(argv: list[str]) -> int:
    if len(argv) == 2 and argv[0] == "dump":
        Path(argv[1]).write_text("".join(f"{line}\n" for line in dump_rows()), encoding="utf-8")
        print(f"dumped {argv[1]}")
        return 0
    if len(argv) == 3 and argv[0] == "diff":
        gains, losses, changed = diff(argv[1], argv[2])
        print(f"gains {len(gains)}; losses {len(losses)}; PII redacted texts changed {changed}")
        for line in gains:
            print(f"  gain {line}")
        for line in losses:
            print(f"  LOSS {line}")
        print("NO LOSS" if not losses else "LOSS")
        return 1 if losses else 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
