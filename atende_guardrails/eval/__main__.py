"""python -m atende_guardrails.eval [--errors]

Prompt-injection detection and false-positive rates of the configured input chain
(eval/injection*.tsv) and PII recall per kind (eval/pii.tsv)."""

from __future__ import annotations

import os
import sys

from atende_runtime.embedded import blas_single_thread_env


def main(argv: list[str]) -> int:
    if any(arg not in ("--errors",) for arg in argv):
        print(__doc__)
        return 2
    for name, value in blas_single_thread_env().items():
        os.environ.setdefault(name, value)
    from atende_guardrails.eval.guardrails_eval import run

    run(show_errors="--errors" in argv)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
