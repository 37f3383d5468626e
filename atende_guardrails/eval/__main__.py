"""python -m atende_guardrails.eval [--errors]

Prompt-injection detection and false-positive rates of the configured input chain
(eval/injection*.tsv) and PII recall per kind (eval/pii.tsv)."""

from __future__ import annotations

import sys

from atende_runtime.main import limit_blas_threads

if __name__ == "__main__":
    if any(arg != "--errors" for arg in sys.argv[1:]):
        raise SystemExit(__doc__)
    limit_blas_threads()  # before numpy loads
    from atende_guardrails.eval.guardrails_eval import run

    run(show_errors="--errors" in sys.argv)
