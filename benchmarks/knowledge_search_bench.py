"""knowledge_svc alone under search load: a knowledge_svc process on a throwaway Milvus
Lite folder with the sample KB, driven by 20 concurrent callers that send the query's
vector as router_svc and agent_svc do (SearchKnowledge with query_embedding), four
questions in turn. Prints the server's CPU-ms per search (user + system from /proc)
and searches per second. Tracing off, so only the search path is measured.

    .venv/bin/python benchmarks/knowledge_search_bench.py [SEARCHES]   # default 4000
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "gen" / "python")]

import grpc  # noqa: E402
from atende.knowledge.v1 import knowledge_service_pb2 as pb  # noqa: E402
from atende.knowledge.v1 import knowledge_service_pb2_grpc as pb_grpc  # noqa: E402

from atende_runtime.main import blas_single_thread_env  # noqa: E402
from devstack.embedded import free_port  # noqa: E402
from knowledge_svc.embedding import UseEmbedder  # noqa: E402

QUESTIONS = ("Quanto custa o kit solar comercial?", "Preciso de energia solar para minha loja",
             "qual a garantia do inversor SB-HYB-5K?", "Oi, tudo bem?")
CALLERS = 20


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def drive(port: int, pid: int, searches: int) -> None:
    embedder = UseEmbedder()
    requests = [
        pb.SearchKnowledgeRequest(collection="default", query=q, top_k=5, query_embedding=pb.QueryEmbedding(
            model=embedder.name, values=[float(v) for v in embedder.embed_query(q)]))
        for q in QUESTIONS
    ]
    async with grpc.aio.insecure_channel(f"127.0.0.1:{port}") as channel:
        stub = pb_grpc.KnowledgeServiceStub(channel)
        for request in requests:  # warm: the rows reach the cache
            await stub.SearchKnowledge(request, timeout=30)

        async def caller(index: int) -> None:
            for turn in range(searches // CALLERS):
                await stub.SearchKnowledge(requests[(index + turn) % len(requests)], timeout=30)

        cpu_before, started = cpu_seconds(pid), time.perf_counter()
        await asyncio.gather(*(caller(i) for i in range(CALLERS)))
        cpu_after, elapsed = cpu_seconds(pid), time.perf_counter() - started
    done = searches // CALLERS * CALLERS
    print(f"knowledge_svc CPU-ms per search: {1000 * (cpu_after - cpu_before) / done:.2f} "
          f"({done} searches, {done / elapsed:.0f}/s, {CALLERS} callers)")


def main() -> None:
    searches = int(sys.argv[1]) if len(sys.argv) > 1 else 4000
    data = Path(tempfile.mkdtemp(prefix="atende-knowledge-bench-"))
    port = free_port()
    env = {**os.environ, **blas_single_thread_env(), "KNOWLEDGE_MILVUS_URI": str(data / "knowledge.db"),
           "KNOWLEDGE_PORT": str(port), "KNOWLEDGE_MEMORY_ADDR": "", "KNOWLEDGE_METRICS_PORT": "0",
           "OTEL_SDK_DISABLED": "true", "PYTHONPATH": f"{ROOT}{os.pathsep}{ROOT / 'gen' / 'python'}"}
    log_path = data / "knowledge_svc.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen([sys.executable, "-m", "knowledge_svc"], env=env, stdout=log, stderr=log, cwd=ROOT)
        try:
            deadline = time.monotonic() + 300
            while b"sample knowledge base loaded" not in log_path.read_bytes():
                if process.poll() is not None or time.monotonic() > deadline:
                    raise SystemExit(f"knowledge_svc did not load the sample KB; see {log_path}")
                time.sleep(0.5)
            asyncio.run(drive(port, process.pid, searches))
        finally:
            process.terminate()
            process.wait(10)


if __name__ == "__main__":
    main()
