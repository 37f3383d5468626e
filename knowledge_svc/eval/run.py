"""Evaluates retrieval on labelled questions (knowledge_svc/eval/questions.jsonl:
one JSON object a line with `question`, `document_id` and `lang`).

    python -m knowledge_svc.eval                      # fresh Milvus Lite, sample KB, in-process
    python -m knowledge_svc.eval --verbose            # also lists the questions missed at 5
    python -m knowledge_svc.eval --addr 127.0.0.1:50054 --collection default   # a running service

A question counts as found at rank r when the r-th passage returned belongs to its
document. recall@k is the share of questions found within the first k passages;
MRR is the mean of 1/r over the first 10 passages (0 when not found)."""

from __future__ import annotations

import argparse
import asyncio
import json
import shutil
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_QUESTIONS = HERE / "questions.jsonl"
DEFAULT_KB = HERE.parent / "sample_kb"
DEPTH = 10

Search = Callable[[str], Awaitable[list[str]]]


@dataclass(frozen=True)
class Question:
    text: str
    document_id: str
    lang: str


@dataclass(frozen=True)
class Outcome:
    question: Question
    rank: int  # 1-based; 0 when not in the first DEPTH passages
    returned: list[str]
    seconds: float


def load_questions(path: Path) -> list[Question]:
    questions: list[Question] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        item = json.loads(line)
        if not item.get("question") or not item.get("document_id"):
            raise ValueError(f"{path}:{number}: needs question and document_id")
        questions.append(Question(item["question"], item["document_id"], item.get("lang", "")))
    return questions


def metrics(outcomes: Sequence[Outcome]) -> dict[str, float]:
    n = len(outcomes) or 1
    return {
        "recall@1": sum(1 for o in outcomes if o.rank == 1) / n,
        "recall@5": sum(1 for o in outcomes if 0 < o.rank <= 5) / n,
        "mrr": sum(1 / o.rank for o in outcomes if o.rank) / n,
    }


async def evaluate(questions: Sequence[Question], search: Search) -> list[Outcome]:
    outcomes: list[Outcome] = []
    for question in questions:
        started = time.perf_counter()
        returned = await search(question.text)
        seconds = time.perf_counter() - started
        rank = next((i for i, doc in enumerate(returned[:DEPTH], start=1) if doc == question.document_id), 0)
        outcomes.append(Outcome(question, rank, returned, seconds))
    return outcomes


def report(outcomes: Sequence[Outcome], verbose: bool) -> str:
    lines = []
    overall = metrics(outcomes)
    lines.append(
        f"questions: {len(outcomes)}   recall@1 {overall['recall@1']:.3f}   recall@5 {overall['recall@5']:.3f}   "
        f"MRR {overall['mrr']:.3f}"
    )
    for lang in sorted({o.question.lang for o in outcomes if o.question.lang}):
        part = [o for o in outcomes if o.question.lang == lang]
        m = metrics(part)
        lines.append(
            f"  lang={lang:<3} n={len(part):<3} recall@1 {m['recall@1']:.3f}   recall@5 {m['recall@5']:.3f}   "
            f"MRR {m['mrr']:.3f}"
        )
    latencies = sorted(o.seconds * 1000 for o in outcomes)
    if latencies:
        lines.append(f"  search latency: p50 {latencies[len(latencies) // 2]:.1f} ms, max {latencies[-1]:.1f} ms")
    if verbose:
        missed = [o for o in outcomes if not 0 < o.rank <= 5]
        lines.append(f"missed at 5 ({len(missed)}):")
        for o in missed:
            lines.append(f"  - [{o.question.lang}] {o.question.text!r} -> want {o.question.document_id}, got "
                         f"{', '.join(dict.fromkeys(o.returned[:5]))} (rank {o.rank or '>10'})")
    return "\n".join(lines)


async def _in_process(args: argparse.Namespace, questions: Sequence[Question]) -> list[Outcome]:
    from knowledge_svc.app import build_embedder, build_store, load_folder
    from knowledge_svc.knowledge import KnowledgeBase
    from knowledge_svc.settings import Settings

    folder = Path(tempfile.mkdtemp(prefix="atende-knowledge-eval-"))
    try:
        settings = Settings(milvus_uri=str(folder / "eval.db"), load_sample_kb=False)
        embedder = await asyncio.to_thread(build_embedder, settings)
        store = await asyncio.to_thread(build_store, settings, embedder)
        knowledge = KnowledgeBase(store, embedder, settings.limits())
        started = time.perf_counter()
        chunks = await load_folder(knowledge, "eval", Path(args.kb))
        print(f"ingested {args.kb}: {chunks} chunks in {time.perf_counter() - started:.1f} s", file=sys.stderr)

        async def search(query: str) -> list[str]:
            passages = await knowledge.search("eval", query, DEPTH)
            return [p.document_id for p in passages]

        try:
            return await evaluate(questions, search)
        finally:
            store.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


async def _remote(args: argparse.Namespace, questions: Sequence[Question]) -> list[Outcome]:
    import grpc
    from atende.knowledge.v1 import knowledge_service_pb2 as pb
    from atende.knowledge.v1 import knowledge_service_pb2_grpc as pb_grpc

    async with grpc.aio.insecure_channel(args.addr) as channel:
        stub = pb_grpc.KnowledgeServiceStub(channel)

        async def search(query: str) -> list[str]:
            response = await stub.SearchKnowledge(
                pb.SearchKnowledgeRequest(collection=args.collection, query=query, top_k=DEPTH), timeout=30
            )
            return [r.document_id for r in response.results]

        return await evaluate(questions, search)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m knowledge_svc.eval", description=__doc__.split("\n\n")[0])
    parser.add_argument("--questions", default=str(DEFAULT_QUESTIONS), help="labelled questions (JSON lines)")
    parser.add_argument("--kb", default=str(DEFAULT_KB), help="folder ingested for the in-process run")
    parser.add_argument("--addr", default="", help="evaluate a running knowledge_svc instead (host:port)")
    parser.add_argument("--collection", default="default", help="collection searched with --addr")
    parser.add_argument("--verbose", action="store_true", help="list the questions missed at 5")
    parser.add_argument("--min-recall5", type=float, default=0.0, help="exit 1 when recall@5 is below this")
    args = parser.parse_args(argv)

    questions = load_questions(Path(args.questions))
    outcomes = asyncio.run(_remote(args, questions) if args.addr else _in_process(args, questions))
    print(report(outcomes, args.verbose))
    return 1 if metrics(outcomes)["recall@5"] < args.min_recall5 else 0
