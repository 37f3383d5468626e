"""python -m router_svc.eval routing|guardrails [--errors]

routing:    accuracy and a confusion matrix per routing strategy (eval/routing.tsv)
guardrails: prompt-injection detection and false-positive rates (eval/injection.tsv)
            and PII recall per kind (eval/pii.tsv)"""

from __future__ import annotations

import sys

from atende_runtime.main import limit_blas_threads

limit_blas_threads()


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("routing", "guardrails"):
        print(__doc__)
        return 2
    show_errors = "--errors" in argv
    if argv[0] == "routing":
        from router_svc.eval.routing_eval import run

        run(show_errors=show_errors)
    else:
        from router_svc.eval.guardrails_eval import run as run_guardrails

        run_guardrails(show_errors=show_errors)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
