"""The embedding model (USE multilingual v3 from site-packages) and the OpenAI
embeddings option, the latter against a local stand-in of its HTTP endpoint."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import numpy as np
import pytest

from knowledge_svc.embedding import OpenAIEmbedder, UseEmbedder


def test_vectors_are_normalised_and_cross_lingual(embedder: UseEmbedder) -> None:
    vectors = embedder.embed_documents([
        "quanto custa o kit solar para minha casa?",
        "How much is the home solar kit?",
        "Qual é a política de privacidade?",
    ])
    assert vectors.shape == (3, 512) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    paraphrase = float(vectors[0] @ vectors[1])
    unrelated = float(vectors[0] @ vectors[2])
    assert paraphrase > 0.75 and unrelated < paraphrase - 0.3
    assert embedder.embed_documents([]).shape == (0, 512)


def test_query_embedding_is_cached(embedder: UseEmbedder) -> None:
    # Speed is the benchmarks' job (benchmarks/knowledge_bench.py); what made queries
    # slow here (threadpoolctl around every call) is checked by the next test.
    query = "qual a garantia do inversor?"
    first = embedder.embed_query(query)
    others = [embedder.embed_query(f"pergunta diferente número {n}") for n in range(3)]
    assert embedder.embed_query(query) is first
    assert all(other is not first for other in others)
    assert not first.flags.writeable


def test_threadpoolctl_limit_is_disabled(embedder: UseEmbedder) -> None:
    backend = embedder._model._backend
    assert getattr(backend, "_threadpool", None) is None


class _FakeOpenAI(BaseHTTPRequestHandler):
    """POST /v1/embeddings answering like OpenAI: one vector a input, derived from
    the text so that equal texts get equal vectors."""

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        dims = body.get("dimensions") or 8
        data = []
        for index, text in enumerate(body["input"]):
            seed = sum(text.encode()) % 1000
            data.append({"object": "embedding", "index": index, "embedding": [float(seed + i) for i in range(dims)]})
        payload = json.dumps({"object": "list", "data": data, "model": body["model"],
                              "usage": {"prompt_tokens": 1, "total_tokens": 1}}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, format: str, *args: object) -> None:
        return


@pytest.fixture
def fake_openai() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _FakeOpenAI)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/v1"
    finally:
        server.shutdown()


def test_openai_embedder_behind_the_same_interface(fake_openai: str) -> None:
    pytest.importorskip("openai")
    embedder = OpenAIEmbedder(model="text-embedding-3-small", api_key="test", base_url=fake_openai, dimension=16,
                              batch_size=2)
    assert embedder.dimension == 16 and embedder.name == "openai:text-embedding-3-small"
    vectors = embedder.embed_documents(["a", "b", "c"])
    assert vectors.shape == (3, 16)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert np.allclose(embedder.embed_query("b"), vectors[1])
