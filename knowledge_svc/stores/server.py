"""The Store on a Milvus server or cluster (an http(s):// or tcp:// URI): Milvus
serves searches itself with `hybrid_search`, a dense route (HNSW, COSINE) and a BM25
route (the sparse vector a Milvus function computes from `search_text`), fused by
Milvus's RRFRanker or WeightedRanker. Passages come back with the ranking, in one
call; stores/cached.py can serve them from memory instead (rank, then read)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Literal

import numpy as np
import numpy.typing as npt
from pymilvus import AnnSearchRequest, RRFRanker, WeightedRanker
from pymilvus.exceptions import MilvusException

from knowledge_svc.lexical import query_parts
from knowledge_svc.ranking import by_document, pool_size
from knowledge_svc.stores.expressions import filter_expression
from knowledge_svc.stores.milvus import OUTPUT_FIELDS, MilvusCollections, to_hit, translate
from knowledge_svc.stores.protocol import ChunkRecord, StoredHit

Ranker = Literal["rrf", "weighted"]


class ServerStore:
    """`ranker` "rrf" fuses by rank with `rrf_k`; "weighted" adds the routes' scores
    weighted `dense_weight` and 1 - `dense_weight` (Milvus normalises them first)."""

    def __init__(
        self,
        uri: str,
        *,
        token: str = "",
        embedding_name: str,
        dimension: int,
        collection_prefix: str = "kb_",
        hnsw_m: int = 16,
        hnsw_ef_construction: int = 200,
        search_ef: int = 64,
        candidates: int = 10,
        ranker: Ranker = "rrf",
        rrf_k: int = 60,
        dense_weight: float = 0.5,
        timeout: float = 30.0,
    ) -> None:
        self.uri = uri
        self.search_ef = search_ef
        self.candidates = candidates
        self._weighted = ranker == "weighted"
        self._ranker: Any = RRFRanker(rrf_k) if ranker == "rrf" else WeightedRanker(dense_weight, 1.0 - dense_weight)
        # A query with no keywords left (only function words) searches the dense route
        # alone: a weighted ranker needs one weight a route.
        self._dense_only: Any = RRFRanker(rrf_k) if ranker == "rrf" else WeightedRanker(1.0)
        self.milvus = MilvusCollections(
            uri,
            token=token,
            embedding_name=embedding_name,
            dimension=dimension,
            prefix=collection_prefix,
            dense_index=("HNSW", {"M": hnsw_m, "efConstruction": hnsw_ef_construction}),
            timeout=timeout,
        )

    @property
    def description(self) -> str:
        return f"Milvus server {self.uri.split('@')[-1]}"  # no credentials in logs

    def ping(self) -> bool:
        return self.milvus.ping()

    def close(self) -> None:
        self.milvus.close()

    def has_collection(self, name: str) -> bool:
        return self.milvus.exists(name)

    def ensure_collection(self, name: str) -> None:
        self.milvus.ensure(name)

    def drop_collection(self, name: str) -> None:
        self.milvus.drop(name)

    def label(self, name: str, key: str) -> str:
        return self.milvus.label(name, key)

    def set_label(self, name: str, key: str, value: str) -> None:
        self.milvus.set_label(name, key, value)

    def count(self, name: str) -> int:
        return self.milvus.count(name) if self.has_collection(name) else 0

    def _hybrid(
        self,
        name: str,
        vector: npt.NDArray[np.float32],
        text: str,
        top_k: int,
        metadata_filter: Mapping[str, str],
        fields: list[str],
    ) -> list[Any]:
        candidates = max(self.candidates, top_k)
        expression = filter_expression(metadata_filter) or None
        requests = [
            AnnSearchRequest(
                data=[np.asarray(vector, dtype=np.float32).tolist()],
                anns_field="dense",
                param={"metric_type": "COSINE", "params": {"ef": max(self.search_ef, candidates)}},
                limit=candidates,
                expr=expression,
            )
        ]
        # Milvus's BM25 cannot weigh a term below another: a server searches the
        # customer's words only, without the translations of a bilingual query.
        text = query_parts(text)[0]
        if text.strip():
            bm25 = {"metric_type": "BM25"}
            requests.append(AnnSearchRequest(data=[text], anns_field="sparse", param=bm25, limit=candidates, expr=expression))
        try:
            result = self.milvus.client.hybrid_search(
                self.milvus.milvus_name(name), requests, self._ranker if len(requests) > 1 else self._dense_only,
                limit=pool_size(top_k) if self._weighted else top_k, output_fields=[*fields, "document_id"],
            )
        except MilvusException as error:
            raise translate(error) from error
        hits = list(result[0]) if result else []
        if not self._weighted:
            return hits
        ranked = by_document(hits, top_k, lambda hit: str(hit.get("entity", {}).get("document_id", "")),
                             lambda hit: float(hit.get("distance", 0.0)))
        return [{**hit, "distance": score} for hit, score in ranked]

    def search(
        self,
        name: str,
        vector: npt.NDArray[np.float32],
        text: str,
        top_k: int,
        metadata_filter: Mapping[str, str],
    ) -> list[StoredHit]:
        hits = self._hybrid(name, vector, text, top_k, metadata_filter, OUTPUT_FIELDS)
        return [to_hit(hit.get("entity", {}), str(hit.get("id", "")), float(hit.get("distance", 0.0))) for hit in hits]

    def rank(
        self,
        name: str,
        vector: npt.NDArray[np.float32],
        text: str,
        top_k: int,
        metadata_filter: Mapping[str, str],
    ) -> list[tuple[str, float]]:
        hits = self._hybrid(name, vector, text, top_k, metadata_filter, ["chunk_id"])
        # pymilvus names a hit's id after the primary field ("chunk_id"); older ones said "id".
        return [(str(hit.get("entity", {}).get("chunk_id", hit.get("id", ""))), float(hit.get("distance", 0.0))) for hit in hits]

    def read(self, name: str, chunk_ids: Sequence[str]) -> dict[str, StoredHit]:
        return self.milvus.read(name, chunk_ids)

    def replace_documents(self, name: str, documents: Mapping[str, Sequence[ChunkRecord]]) -> int:
        """The server seals segments itself (and rate-limits flush): no flush here."""
        if not documents:
            return 0
        return len(self.milvus.replace(name, documents))

    def delete_document(self, name: str, document_id: str) -> int:
        if not self.has_collection(name):
            return 0
        ids = self.milvus.chunk_ids(name, [document_id]).get(document_id, [])
        self.milvus.delete(name, ids)
        return len(ids)
