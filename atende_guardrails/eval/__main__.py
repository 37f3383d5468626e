"""python -m atende_guardrails.eval [--errors]

Prompt-injection detection and false-positive rates of the configured input chain
(eval/injection*.tsv) and PII recall per kind (eval/pii.tsv)."""

from __future__ import annotations

import sys

from atende_runtime.main import limit_blas_threads


def main(argv: list[str]) -> int:
    if any(arg not in ("--errors",) for arg in argv):
        print(__doc__)
        return 2
    limit_blas_threads()  # before numpy loads
    from atende_guardrails.eval.guardrails_eval import run

    run(show_errors="--errors" in argv)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
