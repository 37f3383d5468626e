from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import AliasChoices, Field, model_validator
from pydantic_settings import SettingsConfigDict

from atende_runtime.settings import ServiceSettings
from knowledge_svc.knowledge import Limits

REPO_ROOT = Path(__file__).resolve().parent.parent
PACKAGE_DIR = Path(__file__).resolve().parent


class Settings(ServiceSettings):
    """knowledge_svc settings; environment variables are prefixed KNOWLEDGE_, except
    the shared MILVUS_URI, MILVUS_TOKEN and OPENAI_API_KEY."""

    model_config = SettingsConfigDict(env_prefix="KNOWLEDGE_", extra="ignore")

    port: int = 50054
    # Where the vectors live, and so which store serves them (stores/__init__.py): a
    # path ending in .db opens Milvus Lite in this process with the local search index
    # (a relative path is relative to the repository); http(s)://host:19530 reaches a
    # Milvus standalone or cluster, which searches with its own hybrid_search.
    milvus_uri: str = Field(
        default="data/milvus/knowledge.db", validation_alias=AliasChoices("MILVUS_URI", "KNOWLEDGE_MILVUS_URI")
    )
    # Token of a Milvus server ("user:password" or an API key); empty for Lite.
    milvus_token: str = Field(default="", validation_alias=AliasChoices("MILVUS_TOKEN", "KNOWLEDGE_MILVUS_TOKEN"))
    # Seconds a Milvus call may take.
    milvus_timeout_seconds: float = Field(default=30.0, gt=0)
    # Seconds start-up keeps retrying a Milvus server that does not answer yet.
    milvus_connect_seconds: float = Field(default=30.0, ge=0)
    # memory_svc, which keeps the audit trail: knowledge changes (ingest, delete) are
    # sent there in batches, in the background. Empty: not recorded.
    memory_addr: str = Field(default="127.0.0.1:50053",
                             validation_alias=AliasChoices("MEMORY_ADDR", "KNOWLEDGE_MEMORY_ADDR", "memory_addr"))
    # Audit events waiting for memory_svc; past it, new ones are dropped with a warning.
    audit_queue_capacity: int = Field(default=10_000, ge=1)
    # Prefix of the Milvus collection behind each knowledge collection (tests use a fresh one).
    collection_prefix: str = Field(default="kb_", pattern=r"^[A-Za-z_][A-Za-z0-9_]{0,30}$")
    # The collection used when a request names none.
    default_collection: str = Field(default="default", pattern=r"^[A-Za-z0-9_]{1,64}$")

    # "use": Universal Sentence Encoder multilingual v3 from site-packages (no network);
    # "openai": an OpenAI-compatible embeddings endpoint (needs the openai package).
    embedding_provider: Literal["use", "openai"] = "use"
    # Texts the encoder embeds per call when ingesting.
    embedding_batch_size: int = Field(default=32, ge=1, le=1024)
    # Query vectors kept in memory (repeated questions are not embedded again).
    query_cache_size: int = Field(default=1024, ge=0)
    # With provider "openai": the model, its base URL (empty: api.openai.com), the key,
    # and the vector size to ask for (0: the model's own).
    openai_embedding_model: str = "text-embedding-3-small"
    openai_base_url: str = ""
    openai_api_key: str = Field(default="", validation_alias=AliasChoices("OPENAI_API_KEY", "KNOWLEDGE_OPENAI_API_KEY"))
    openai_dimensions: int = Field(default=0, ge=0)

    # Target chunk size in characters, and how much of the end of a chunk the next
    # chunk of the same section repeats. USE embeds short passages best: 400 gave a
    # better MRR on the eval set than 700.
    chunk_chars: int = Field(default=400, ge=100, le=8000)
    chunk_overlap: int = Field(default=60, ge=0, le=2000)
    # Largest document text accepted, in characters (about 1,000 pages at 2 MB).
    max_document_chars: int = Field(default=2_000_000, ge=1000)
    # Passages a search returns when top_k is 0, and the most it returns (larger
    # top_k values are coerced down to it).
    default_top_k: int = Field(default=5, ge=1)
    max_top_k: int = Field(default=50, ge=1)
    # How a search fuses its two routes: "weighted" adds dense_weight x cosine and
    # (1 - dense_weight) x the BM25 score divided by the query's best (Lite; a Milvus
    # server's WeightedRanker normalises BM25 itself), "rrf" fuses by rank with rrf_k.
    # Each route proposes search_candidates chunks (at least top_k). Measured on the
    # dev questions of both evaluation KBs (knowledge_svc/eval/answers.py): weighted
    # 0.9 with 20 candidates gave recall@1 0.75 / 0.80 where RRF (k 60, 10
    # candidates) gave 0.68 / 0.64; lower dense weights lost recall (BM25's weak
    # matches across languages outvote the encoder).
    search_candidates: int = Field(default=20, ge=1, le=1000)
    rrf_k: int = Field(default=60, ge=1)
    ranker: Literal["rrf", "weighted"] = "weighted"
    dense_weight: float = Field(default=0.9, ge=0.0, le=1.0)
    # Passages the row cache keeps in memory (0: no cache). With Lite a read by id is
    # most of a search's time; around a server the cache only sees this replica's
    # writes, so it wraps a server store only when row_cache_on_server is true.
    row_cache_rows: int = Field(default=10_000, ge=0)
    row_cache_on_server: bool = False
    # HNSW graph degree, build-time and search-time beam widths.
    hnsw_m: int = Field(default=16, ge=4, le=64)
    hnsw_ef_construction: int = Field(default=200, ge=8)
    hnsw_ef: int = Field(default=64, ge=8)

    # Load the sample knowledge base (sample_kb/) into the default collection when
    # the service starts and that collection is empty.
    load_sample_kb: bool = True
    # Folder of the sample knowledge base.
    sample_kb_dir: Path = PACKAGE_DIR / "sample_kb"
    # Keep the sample's documents when the business ingests its own into the default
    # collection (by default the first such ingest deletes them: sample.py).
    keep_sample_kb: bool = False

    @model_validator(mode="after")
    def _one_process_per_lite_folder(self) -> Settings:
        # Milvus Lite lets one process open its folder: a second worker would fail to
        # start again and again. Say so at once.
        if self.workers > 1 and "://" not in self.milvus_uri:
            raise ValueError("KNOWLEDGE_WORKERS above 1 needs a Milvus server (MILVUS_URI=http://...), not Milvus Lite")
        return self

    def resolved_milvus_uri(self) -> str:
        uri = self.milvus_uri.strip()
        if "://" in uri or not uri.endswith(".db"):
            return uri
        path = Path(uri).expanduser()
        if not path.is_absolute():
            path = REPO_ROOT / path
        return str(path)

    def limits(self) -> Limits:
        return Limits(
            default_collection=self.default_collection,
            max_document_chars=self.max_document_chars,
            default_top_k=self.default_top_k,
            max_top_k=max(self.max_top_k, self.default_top_k),
            chunk_chars=self.chunk_chars,
            chunk_overlap=min(self.chunk_overlap, self.chunk_chars // 2),
        )
