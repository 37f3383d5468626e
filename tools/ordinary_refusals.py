"""How many customer messages of the routing and KB probes the input chain refuses, and which.

Every message of `evals/probes/*.jsonl` (single messages, conversation turns, KB questions) is an ordinary customer
message by construction: none was written as an attack. The input chain runs as the router runs it, with the local
encoder. A change to the injection checks should not raise the count; `--list FILE` writes the refused messages
(file, findings, text) so that two versions can be compared with `diff`. Counts are printed; no row is, so the
unread halves of the probes can be measured without being read.

    PYTHONPATH=.:gen/python .venv/bin/python tools/ordinary_refusals.py [--list /tmp/refused.tsv]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def probe_messages() -> dict[str, str]:
    """Each distinct message of the probes, with the file it first came from."""
    texts: dict[str, str] = {}
    for path in sorted((ROOT / "evals" / "probes").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            row = json.loads(line)
            found = [row.get("text"), row.get("question"), *(turn["text"] for turn in row.get("turns", []))]
            for text in found:
                if text:
                    texts.setdefault(text, path.name)
    return texts


def main(argv: list[str]) -> int:
    from atende_runtime.main import limit_blas_threads

    limit_blas_threads()
    from atende_guardrails.config import load_guardrails
    from atende_guardrails.encoder import UsemEncoder
    from atende_guardrails.eval.blind_eval import refuses

    encoder = UsemEncoder()
    encoder.load()
    chain = load_guardrails(encoder=encoder).input
    texts = probe_messages()
    refused = []
    for text, source in texts.items():
        blocked, why = refuses(chain, text)
        if blocked:
            refused.append(f"{source}\t{','.join(why)}\t{text}")
    encoder.close()
    print(f"{len(texts)} customer messages of evals/probes/*.jsonl; {len(refused)} refused by the input chain")
    if "--list" in argv:
        Path(argv[argv.index("--list") + 1]).write_text("".join(f"{line}\n" for line in sorted(refused)),
                                                        encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
