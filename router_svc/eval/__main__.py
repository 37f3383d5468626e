"""python -m router_svc.eval routing [--errors]

routing: accuracy and a confusion matrix per routing strategy (eval/routing.tsv).
The guardrail evaluation moved with the library: python -m atende_guardrails.eval"""

from __future__ import annotations

import sys

from atende_runtime.main import limit_blas_threads

if __name__ == "__main__":
    if sys.argv[1:2] != ["routing"] or any(arg != "--errors" for arg in sys.argv[2:]):
        raise SystemExit(__doc__)
    limit_blas_threads()  # before numpy loads
    from router_svc.eval.routing_eval import run

    run(show_errors="--errors" in sys.argv)
