"""python -m router_svc.eval routing [--errors]

routing: accuracy and a confusion matrix per routing strategy (eval/routing.tsv).
The guardrail evaluation moved with the library: python -m atende_guardrails.eval"""

from __future__ import annotations

import sys

from atende_runtime.main import limit_blas_threads


def main(argv: list[str]) -> int:
    if not argv or argv[0] != "routing":
        print(__doc__)
        return 2
    limit_blas_threads()  # before numpy loads
    from router_svc.eval.routing_eval import run

    run(show_errors="--errors" in argv)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
