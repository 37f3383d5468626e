"""The schema of a chunk row in Milvus, the same for Lite and a server: citation
fields, metadata as JSON and as "key=value" tags, the dense vector, and the sparse
BM25 vector a Milvus function computes from `search_text`. Imported through
stores.open_store (pymilvus reads MILVUS_URI when it is imported)."""

from __future__ import annotations

from typing import Any

from pymilvus import DataType, Function, FunctionType, MilvusClient

from knowledge_svc.stores.expressions import MAX_TAGS

# Field sizes: Milvus counts VARCHAR lengths in bytes; the service validates
# characters well under these (a character is at most 4 bytes).
_ID_BYTES = 1024
_CHUNK_ID_BYTES = 1100
_TITLE_BYTES = 2048
_SOURCE_BYTES = 4096
_SECTION_BYTES = 2048
_TEXT_BYTES = 65535
_TAG_BYTES = 1300


def chunk_schema(dimension: int, description: str) -> Any:
    schema = MilvusClient.create_schema(auto_id=False, enable_dynamic_field=False, description=description)
    schema.add_field("chunk_id", DataType.VARCHAR, is_primary=True, max_length=_CHUNK_ID_BYTES)
    schema.add_field("document_id", DataType.VARCHAR, max_length=_ID_BYTES)
    schema.add_field("chunk_index", DataType.INT32)
    schema.add_field("title", DataType.VARCHAR, max_length=_TITLE_BYTES)
    schema.add_field("source", DataType.VARCHAR, max_length=_SOURCE_BYTES)
    schema.add_field("section", DataType.VARCHAR, max_length=_SECTION_BYTES)
    schema.add_field("text", DataType.VARCHAR, max_length=_TEXT_BYTES)
    schema.add_field(
        "search_text",
        DataType.VARCHAR,
        max_length=_TEXT_BYTES,
        enable_analyzer=True,
        analyzer_params={"tokenizer": "standard", "filter": ["lowercase"]},
    )
    schema.add_field("metadata", DataType.JSON)
    schema.add_field("tags", DataType.ARRAY, element_type=DataType.VARCHAR, max_capacity=MAX_TAGS, max_length=_TAG_BYTES)
    schema.add_field("sparse", DataType.SPARSE_FLOAT_VECTOR)
    schema.add_field("dense", DataType.FLOAT_VECTOR, dim=dimension)
    schema.add_function(
        Function(
            name="search_text_bm25",
            function_type=FunctionType.BM25,
            input_field_names=["search_text"],
            output_field_names=["sparse"],
        )
    )
    return schema
