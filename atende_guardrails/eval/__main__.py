"""python -m atende_guardrails.eval [--errors] [--pii]

Prompt-injection detection and false-positive rates of the configured input chain
(eval/injection*.tsv) and PII recall per kind (eval/pii.tsv, and the hand-written probe
eval/pii_probe_{tune,holdout}.tsv, eval/pii_probe2_{tune,holdout}.tsv, probes 3, 4 and 5). --pii runs the PII
sections only, without the first probe's holdout part (for tuning), with the second probe's
holdout figures; --errors lists misses (never a holdout part's)."""

from __future__ import annotations

import sys

from atende_runtime.main import limit_blas_threads

if __name__ == "__main__":
    if any(arg not in ("--errors", "--pii") for arg in sys.argv[1:]):
        raise SystemExit(__doc__)
    limit_blas_threads()  # before numpy loads
    from atende_guardrails.eval.guardrails_eval import run

    run(show_errors="--errors" in sys.argv, pii_only="--pii" in sys.argv)
