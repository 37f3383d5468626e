"""knowledge_svc benchmark: ingest throughput (chunks/s, through StreamIngestDocuments
with the real embedding model) and SearchKnowledge latency p50/p95/p99 over gRPC,
with 10,000 and then 100,000 chunks in one collection. Synthetic Portuguese and
English product text with product codes, one chunk a Markdown section.

    .venv/bin/python benchmarks/knowledge_bench.py                      # 10k and 100k, Milvus Lite
    .venv/bin/python benchmarks/knowledge_bench.py --sizes 2000 --queries 100
    .venv/bin/python benchmarks/knowledge_bench.py --milvus-uri http://127.0.0.1:19530 --check
    .venv/bin/python benchmarks/knowledge_bench.py --sizes 100000 --data-dir /tmp/kb100k   # ingest once, reuse after

The service runs as a subprocess (`python -m knowledge_svc`, BLAS pinned to one
thread) on a fresh Milvus Lite folder in a temporary directory, or on the Milvus
server given, or on --data-dir: a folder kept between runs, where the documents
a previous run stored are not sent again (100,000 chunks take a long time to
ingest). Document i's text depends only on the seed and i, and the queries come
from their own generator, so a run on a reused folder searches the same data
with the same queries as a run that ingested it. Searches are sequential (one at
a time, as one conversation turn asks), after a warm-up; a share of them
(--filtered) carries a metadata filter, as agents scoped to one language do.
Target: search p95 under 30 ms at 100,000 chunks; --check exits 1 when the
largest size misses it.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
for entry in (str(ROOT / "gen" / "python"), str(ROOT)):
    if entry not in sys.path:
        sys.path.insert(0, entry)

import grpc  # noqa: E402
from atende.knowledge.v1 import knowledge_service_pb2 as pb  # noqa: E402
from atende.knowledge.v1 import knowledge_service_pb2_grpc as pb_grpc  # noqa: E402
from grpc_health.v1 import health_pb2, health_pb2_grpc  # noqa: E402

from atende_runtime.main import blas_single_thread_env  # noqa: E402
from devstack.embedded import free_port  # noqa: E402

COLLECTION = "bench"
CHUNKS_PER_DOCUMENT = 10
DOCUMENTS_PER_MESSAGE = 50
# Documents a stream carries. The runtime's servers close each connection 5 minutes
# after it opened (max_connection_age, so clients re-resolve replicas) and give
# in-flight calls 30 s of grace: a call longer than that may end UNAVAILABLE. A large
# load is therefore many short streams (1,000 chunks, about 10 s), and a stream cut
# this way is sent again, which is safe: re-ingesting a document replaces it.
DOCUMENTS_PER_STREAM = 100

PRODUCTS_PT = ["kit solar", "painel", "inversor", "bateria", "carregador veicular", "estrutura de fixação", "string box"]
PRODUCTS_EN = ["solar kit", "panel", "inverter", "battery", "EV charger", "mounting rail", "combiner box"]
TOPICS_PT = [
    "A garantia do {p} {code} é de {n} anos contra defeitos de fabricação e cobre peças e mão de obra.",
    "O {p} {code} custa R$ {price} à vista no Pix, ou em até {n} vezes sem juros no cartão de crédito.",
    "A instalação do {p} {code} leva {n} dias e inclui projeto, ART e homologação na distribuidora.",
    "Para limpar o {p} {code} use água e sabão neutro a cada {n} meses, nunca lavadora de alta pressão.",
    "O frete do {p} {code} para a região {region} leva de {n} a {m} dias úteis após o pagamento.",
    "Em caso de erro E-{err} no {p} {code}, desligue o disjuntor, aguarde {n} minutos e religue.",
]
TOPICS_EN = [
    "The {p} {code} has a {n}-year warranty against manufacturing defects, parts and labour included.",
    "The {p} {code} costs R$ {price} when paid upfront, or up to {n} interest-free card instalments.",
    "Installing the {p} {code} takes {n} days, including the design, permits and utility approval.",
    "Clean the {p} {code} with water and mild soap every {n} months; never use a pressure washer.",
    "Shipping the {p} {code} to the {region} region takes {n} to {m} business days after payment.",
    "If the {p} {code} shows error E-{err}, switch off the breaker, wait {n} minutes and switch it on.",
]
REGIONS = ["Nordeste", "Norte", "Sul", "Sudeste", "Centro-Oeste"]
QUERIES = [
    "qual a garantia do {p} {code}?",
    "quanto custa o {p}?",
    "how long does shipping take to the {region} region?",
    "error E-{err} on my {p}",
    "{code}",
    "como limpar o {p}?",
    "how long does installation take?",
    "posso parcelar o {p} {code} no cartão?",
]


def sentence(rng: random.Random, english: bool, code: str) -> str:
    template = rng.choice(TOPICS_EN if english else TOPICS_PT)
    product = rng.choice(PRODUCTS_EN if english else PRODUCTS_PT)
    text = template.format(
        p=product, code=code, n=rng.randint(2, 12), m=rng.randint(13, 25), price=f"{rng.randint(1, 60)}.{rng.randint(100, 999)}",
        region=rng.choice(REGIONS), err=rng.randint(100, 399),
    )
    return text


def document(number: int, seed: int) -> pb.Document:
    rng = random.Random(seed * 1_000_003 + number)  # the same text for the same number, whatever ran before
    english = number % 3 == 0
    sections = []
    for section in range(CHUNKS_PER_DOCUMENT):
        code = f"SB-{rng.choice('ABCDEFGHKMPRTX')}{rng.randint(100, 9999)}"
        body = " ".join(sentence(rng, english, code) for _ in range(3))
        sections.append(f"## {'Section' if english else 'Seção'} {section + 1}: {code}\n\n{body}")
    return pb.Document(
        id=f"doc-{number:06d}",
        title=f"{'Product sheet' if english else 'Ficha do produto'} {number}",
        text="\n\n".join(sections),
        content_type="text/markdown",
        source=f"bench/doc-{number:06d}.md",
        metadata={"lang": "en" if english else "pt", "batch": str(number % 7)},
    )


def query(rng: random.Random) -> str:
    code = f"SB-{rng.choice('ABCDEFGHKMPRTX')}{rng.randint(100, 9999)}"
    product = rng.choice(PRODUCTS_PT + PRODUCTS_EN)
    return rng.choice(QUERIES).format(p=product, code=code, region=rng.choice(REGIONS), err=rng.randint(100, 399))


@dataclass
class Latency:
    label: str
    ms: list[float]
    errors: int

    def quantiles(self) -> tuple[float, float, float]:
        values = sorted(self.ms)
        if len(values) < 2:
            v = values[0] if values else float("nan")
            return v, v, v
        q = statistics.quantiles(values, n=100, method="inclusive")
        return q[49], q[94], q[98]

    def line(self) -> str:
        p50, p95, p99 = self.quantiles()
        return (f"{self.label:<34} {len(self.ms):>5} searches   p50 {p50:7.1f} ms   p95 {p95:7.1f} ms   "
                f"p99 {p99:7.1f} ms   errors {self.errors}")


@contextmanager
def service_process(milvus_uri: str, port: int, log_path: Path) -> Iterator[subprocess.Popen[bytes]]:
    env = dict(os.environ)
    env.update(blas_single_thread_env())
    env.update({
        "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "gen" / "python"), env.get("PYTHONPATH", "")]),
        "MILVUS_URI": milvus_uri,
        "KNOWLEDGE_PORT": str(port),
        "KNOWLEDGE_HOST": "127.0.0.1",
        "KNOWLEDGE_LOAD_SAMPLE_KB": "false",
        "KNOWLEDGE_COLLECTION_PREFIX": "bench_",
        "KNOWLEDGE_LOG_LEVEL": "WARNING",
    })
    with log_path.open("wb") as log:
        process = subprocess.Popen([sys.executable, "-m", "knowledge_svc"], cwd=ROOT, env=env, stdout=log, stderr=log)
        try:
            yield process
        finally:
            process.terminate()
            try:
                process.wait(timeout=120)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


async def wait_serving(channel: grpc.aio.Channel, process: subprocess.Popen[bytes], limit: float) -> float:
    health = health_pb2_grpc.HealthStub(channel)
    started = time.perf_counter()
    while time.perf_counter() - started < limit:
        if process.poll() is not None:
            raise RuntimeError(f"knowledge_svc exited with code {process.returncode}")
        try:
            reply = await health.Check(health_pb2.HealthCheckRequest(service=""), timeout=1)
            if reply.status == health_pb2.HealthCheckResponse.SERVING:
                return time.perf_counter() - started
        except grpc.aio.AioRpcError:
            pass
        await asyncio.sleep(0.2)
    raise TimeoutError("knowledge_svc did not become SERVING")


async def ingest(stub: pb_grpc.KnowledgeServiceStub, first: int, count: int, seed: int) -> tuple[int, float]:
    """Streams documents first..first+count-1; returns (chunks, seconds)."""

    async def requests(start: int, documents: int) -> AsyncIterator[pb.StreamIngestDocumentsRequest]:
        sent = 0
        while sent < documents:
            size = min(DOCUMENTS_PER_MESSAGE, documents - sent)
            yield pb.StreamIngestDocumentsRequest(
                collection=COLLECTION, documents=[document(start + sent + i, seed) for i in range(size)]
            )
            sent += size

    started = time.perf_counter()
    chunks = 0
    retries = 0
    for offset in range(0, count, DOCUMENTS_PER_STREAM):
        part = min(DOCUMENTS_PER_STREAM, count - offset)
        for attempt in range(5):
            try:
                response = await stub.StreamIngestDocuments(requests(first + offset, part), timeout=600)
                break
            except grpc.aio.AioRpcError as error:
                if error.code() != grpc.StatusCode.UNAVAILABLE or attempt == 4:
                    raise
                retries += 1
                await asyncio.sleep(0.5)
        chunks += response.chunk_count
        if offset and offset % (DOCUMENTS_PER_STREAM * 20) == 0:
            rate = chunks / (time.perf_counter() - started)
            print(f"    ... {chunks:,} chunks stored ({rate:,.0f}/s)", file=sys.stderr, flush=True)
    if retries:
        print(f"    ({retries} streams sent again after the server closed an aged connection)", file=sys.stderr)
    return chunks, time.perf_counter() - started


async def searches(
    stub: pb_grpc.KnowledgeServiceStub, count: int, rng: random.Random, label: str, filtered: float
) -> tuple[Latency, Latency]:
    """All searches, and those that carried a metadata filter (a `filtered` share)."""
    # Warm-up. The first search opens the collection's search index, which a first
    # start on data written before the index existed builds from Milvus (minutes at 100k).
    for _ in range(10):
        await stub.SearchKnowledge(pb.SearchKnowledgeRequest(collection=COLLECTION, query=query(rng)), timeout=900)
    latencies: list[float] = []
    with_filter: list[float] = []
    errors = 0
    for _ in range(count):
        request = pb.SearchKnowledgeRequest(collection=COLLECTION, query=query(rng), top_k=5)
        if rng.random() < filtered:
            request.metadata_filter["lang"] = rng.choice(["pt", "en"])
        started = time.perf_counter()
        try:
            response = await stub.SearchKnowledge(request, timeout=60)
            elapsed = (time.perf_counter() - started) * 1000
            latencies.append(elapsed)
            if request.metadata_filter:
                with_filter.append(elapsed)
                wanted = request.metadata_filter["lang"]
                if any(r.metadata.get("lang") != wanted for r in response.results):
                    errors += 1  # the filter let another language through
            if not response.results:
                errors += 1
        except grpc.aio.AioRpcError:
            errors += 1
    return Latency(label, latencies, errors), Latency(label + " (filtered)", with_filter, 0)


Result = tuple[int, int, float, Latency]  # chunks stored, chunks ingested, seconds ingesting, search latency


async def grow(
    stub: pb_grpc.KnowledgeServiceStub, args: argparse.Namespace, size: int, stored: int, milvus_uri: str
) -> tuple[int, float]:
    """Ingests documents until the collection holds `size` chunks; (chunks, seconds)."""
    target_documents = size // CHUNKS_PER_DOCUMENT
    have_documents = stored // CHUNKS_PER_DOCUMENT
    if target_documents <= have_documents:
        return 0, 0.0
    print(f"ingesting up to {size:,} chunks ...", flush=True)
    chunks, seconds = await ingest(stub, have_documents, target_documents - have_documents, args.seed)
    if args.data_dir:
        state = {"seed": args.seed, "milvus_uri": milvus_uri, "chunks": stored + chunks}
        await asyncio.to_thread((args.workdir / "bench-state.json").write_text, json.dumps(state))
    print(f"  ingest: {chunks:,} chunks in {seconds:.1f} s = {chunks / seconds:,.0f} chunks/s "
          f"(embedding + Milvus insert + flush, over gRPC)", flush=True)
    return chunks, seconds


async def measure(stub: pb_grpc.KnowledgeServiceStub, args: argparse.Namespace, milvus_uri: str) -> list[Result]:
    """Grows the collection to each size in turn and measures searches at each."""
    rng = random.Random(args.seed)
    stored = int(str(args.state.get("chunks", 0)))
    if stored:
        print(f"reusing {stored:,} chunks stored by an earlier run in {args.workdir}", flush=True)
    results: list[Result] = []
    for size in sorted(int(s) for s in args.sizes.split(",")):
        chunks, seconds = await grow(stub, args, size, stored, milvus_uri)
        stored += chunks
        if args.settle:
            await asyncio.sleep(args.settle)
        latency, filtered = await searches(stub, args.queries, rng, f"search @ {stored:,} chunks", args.filtered)
        print("  " + latency.line(), flush=True)
        if filtered.ms:
            print("  " + filtered.line(), flush=True)
        results.append((stored, chunks, seconds, latency))
    return results


def summarize(results: list[Result]) -> None:
    print("\nsummary")
    for stored, chunks, seconds, latency in results:
        p50, p95, p99 = latency.quantiles()
        rate = f"{chunks / seconds:7,.0f} chunks/s" if chunks else "  (reused)     "
        throughput = len(latency.ms) / (sum(latency.ms) / 1000) if latency.ms else 0.0
        print(f"  {stored:>7,} chunks: ingest {rate}   search p50 {p50:7.1f} ms   "
              f"p95 {p95:7.1f} ms   p99 {p99:7.1f} ms   {throughput:6.1f} searches/s (sequential)")


async def run(args: argparse.Namespace) -> int:
    workdir: Path = args.workdir
    milvus_uri = args.milvus_uri or str(workdir / "bench.db")
    state: dict[str, object] = args.state
    if state and (state.get("seed") != args.seed or state.get("milvus_uri") != milvus_uri):
        raise SystemExit(f"{workdir} holds data of another seed or Milvus URI ({state}); use another --data-dir")
    port = free_port()
    try:
        with service_process(milvus_uri, port, workdir / "knowledge_svc.log") as process:
            async with grpc.aio.insecure_channel(f"127.0.0.1:{port}") as channel:
                startup = await wait_serving(channel, process, limit=300)
                print(f"knowledge_svc up in {startup:.1f} s (Milvus: {milvus_uri}); log in {workdir}/knowledge_svc.log",
                      flush=True)
                stub = pb_grpc.KnowledgeServiceStub(channel)
                results = await measure(stub, args, milvus_uri)
    finally:
        if args.keep or args.data_dir:
            print(f"kept {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    summarize(results)
    p95 = results[-1][3].quantiles()[1] if results else 0.0
    if args.check and p95 > args.target_p95_ms:
        print(f"FAIL: search p95 {p95:.1f} ms > {args.target_p95_ms} ms at {results[-1][0]:,} chunks")
        return 1
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000,100000", help="collection sizes in chunks, comma separated")
    parser.add_argument("--queries", type=int, default=300, help="searches measured at each size")
    parser.add_argument("--milvus-uri", default="", help="a Milvus server (default: Milvus Lite in a temp folder)")
    parser.add_argument("--settle", type=float, default=0.0, help="seconds to wait after ingest before searching")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--data-dir", default="", help="a folder kept between runs: stored documents are not sent again")
    parser.add_argument("--filtered", type=float, default=0.2, help="share of searches with a metadata filter (0-1)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (Milvus data, service log)")
    parser.add_argument("--check", action="store_true", help="exit 1 when p95 misses the target at the largest size")
    parser.add_argument("--target-p95-ms", type=float, default=30.0)
    args = parser.parse_args()
    if args.data_dir:
        args.workdir = Path(args.data_dir).resolve()
        args.workdir.mkdir(parents=True, exist_ok=True)
    else:
        args.workdir = Path(tempfile.mkdtemp(prefix="atende-knowledge-bench-"))
    # What an earlier run stored in --data-dir (documents are numbered from 0).
    state_path = args.workdir / "bench-state.json"
    args.state = json.loads(state_path.read_text()) if args.data_dir and state_path.exists() else {}
    return asyncio.run(run(args))


if __name__ == "__main__":
    sys.exit(main())
