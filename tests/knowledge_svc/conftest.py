"""knowledge_svc in-process on port 0, with the real embedding model (loaded once a
session) and real Milvus Lite in a temporary folder; the server store's tests run against
milvus-lite's server mode (milvus_server.py). The session's server loads the
sample knowledge base into its default collection, as a first start does; each test
writes to a collection of its own (unique_name)."""

from __future__ import annotations

from atende_runtime.main import limit_blas_threads

limit_blas_threads()

from collections.abc import AsyncIterator, Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from knowledge_helpers import Service, close_service, knowledge_settings, open_service  # noqa: E402
from milvus_server import milvus_lite_server  # noqa: E402

from knowledge_svc.embedding import UseEmbedder  # noqa: E402


@pytest.fixture(scope="session")
def embedder() -> UseEmbedder:
    return UseEmbedder()


@pytest.fixture(scope="session")
def milvus_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("knowledge-milvus")


@pytest.fixture(scope="session")
async def service(milvus_dir: Path, embedder: UseEmbedder) -> AsyncIterator[Service]:
    """The session's server: a first start, so it loads the sample knowledge base."""
    settings = knowledge_settings(str(milvus_dir / "knowledge.db"), load_sample_kb=True)
    svc = await open_service(settings, embedder)
    try:
        yield svc
    finally:
        await close_service(svc)


@pytest.fixture(scope="session")
async def sample_loaded(service: Service) -> int:
    """Waits for the background load of the sample knowledge base; its chunk count."""
    assert service.mounted.sample_task is not None
    return await service.mounted.sample_task


@pytest.fixture(scope="session")
def milvus_server_uri(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A Milvus server protocol peer (milvus-lite's server mode) for the session."""
    with milvus_lite_server(tmp_path_factory.mktemp("milvus-server")) as uri:
        yield uri
