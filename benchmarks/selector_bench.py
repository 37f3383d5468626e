"""The local engine's sentence selection (agent_svc/evidence.py Selector.rank) on real
retrieval results: the blind solar and Vetor Fibra KBs' dev questions, each searched
the way a turn searches (AGENT_KNOWLEDGE_TOP_K passages from knowledge_svc's ranking over
a fresh Milvus Lite file), then ranked with 4 and with 8 passages. Every vector is in the
selector's table before timing, as in a warm service. Prints p50/p95/p99 in milliseconds
and rankings a second, CPU time of this process (one BLAS thread, as the services run),
and with 8 passages how often the later four were read (Selection.unread).

    python benchmarks/selector_bench.py [--rounds N] [--kb solar|vetorfibra|all]

Each round ranks every question once; the percentiles are over every ranking of every
round. The machine is shared: compare the two rows of one run, not runs."""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import statistics
import sys
import time
from pathlib import Path

for _name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_name, "1")
sys.path[:0] = [str(Path(__file__).resolve().parent.parent), str(Path(__file__).resolve().parent.parent / "gen" / "python")]

from guardrails_bench import percentile  # noqa: E402

from agent_svc.domain import Passage  # noqa: E402
from agent_svc.evidence import Selector  # noqa: E402
from atende_guardrails.encoder import UsemEncoder  # noqa: E402
from knowledge_svc.eval.answers import KBS, loaded_kb, questions_for  # noqa: E402

DEPTHS = (4, 8)


async def cases(kb: str) -> list[tuple[str, list[Passage]]]:
    """Each dev question with the 8 passages a search returns for it."""
    out = []
    async with loaded_kb(kb) as knowledge:
        for question in questions_for(kb, ("dev",)):
            found = await knowledge.search("eval", question.text, max(DEPTHS))
            out.append((question.text, [Passage(p.document_id, p.title, p.source, p.text, p.score, p.section)
                                        for p in found]))
    return out


async def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--kb", choices=["all", *KBS], default="all")
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    encoder = UsemEncoder()
    await encoder.start()
    try:
        selector = Selector(encoder)
        questions = [case for kb in (list(KBS) if args.kb == "all" else [args.kb]) for case in await cases(kb)]
        for question, passages in questions:  # every vector into the selector's table
            for depth in DEPTHS:
                selector.rank(question, passages[:depth])
        print(f"{len(questions)} dev questions, {args.rounds} rounds, one BLAS thread")
        print("passages   p50 ms   p95 ms   p99 ms   rankings/s (CPU)   later four read")
        for depth in DEPTHS:
            times: list[float] = []
            cpu = 0.0
            read = 0
            for _ in range(args.rounds):
                started_cpu = time.process_time()
                for question, passages in questions:
                    started = time.perf_counter()
                    selection = selector.rank(question, passages[:depth])
                    times.append((time.perf_counter() - started) * 1000)
                    read += depth > 4 and selection.unread == 0
                cpu += time.process_time() - started_cpu
            later = f"{read / args.rounds:.0f} of {len(questions)}" if depth > 4 else "-"
            print(f"{depth:>8} {statistics.median(times):8.3f} {percentile(times, 0.95):8.3f} "
                  f"{percentile(times, 0.99):8.3f} {len(times) / cpu:18.0f}   {later}")
    finally:
        encoder.close()
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
