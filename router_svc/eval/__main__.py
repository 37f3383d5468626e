"""python -m router_svc.eval routing [--errors]
python -m router_svc.eval evalsets [--split dev|test|both] [--business solar,vetorfibra] [--errors]
python -m router_svc.eval probe [--file PATH] [--half a|b|all] [--errors]
python -m router_svc.eval probe-conversations [--file PATH] [--half a|b|all] [--business solar,vetorfibra] [--errors]
python -m router_svc.eval rest [--sets routing,injection,pii] [--split dev|test|both] [--url URL] [--errors]

routing: accuracy and a confusion matrix per routing strategy (eval/routing.tsv).
probe-conversations: a hand-written conversation probe (evals/probes/conversations_probe_*.jsonl),
turn by turn with the state evalsets gives a conversation, per business.
evalsets: the blind sets of evals/ (single messages and conversations per turn,
per business and split), scored as a REST client sees a turn; exits 1 below the
thresholds.
rest: the blind routing and guardrail sets through a running stack's REST API.
The guardrail evaluation moved with the library: python -m atende_guardrails.eval"""

from __future__ import annotations

import sys

from atende_runtime.main import limit_blas_threads

if __name__ == "__main__":
    command = sys.argv[1:2]
    if command == ["evalsets"]:
        limit_blas_threads()  # before numpy loads
        from router_svc.eval.evalsets import main

        sys.exit(main(sys.argv[2:]))
    if command == ["probe"]:
        limit_blas_threads()  # before numpy loads
        from router_svc.eval.probe import main as probe_main

        sys.exit(probe_main(sys.argv[2:]))
    if command == ["probe-conversations"]:
        limit_blas_threads()  # before numpy loads
        from router_svc.eval.probe import conversations_main

        sys.exit(conversations_main(sys.argv[2:]))
    if command == ["rest"]:
        from router_svc.eval.rest import main as rest_main

        sys.exit(rest_main(sys.argv[2:]))
    if command != ["routing"] or any(arg != "--errors" for arg in sys.argv[2:]):
        raise SystemExit(__doc__)
    limit_blas_threads()  # before numpy loads
    from router_svc.eval.routing_eval import run

    run(show_errors="--errors" in sys.argv)
