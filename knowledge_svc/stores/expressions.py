"""Milvus filter expressions and metadata tags: pure functions shared by both stores
(and the local index, which filters on the same tags). No pymilvus here."""

from __future__ import annotations

from collections.abc import Mapping

MAX_TAGS = 64


def escape_string(value: str) -> str:
    """A Milvus filter string literal: double-quoted with C escapes."""
    escaped = (
        value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
    )
    return f'"{escaped}"'


def metadata_tags(metadata: Mapping[str, str]) -> list[str]:
    """Metadata as the "key=value" strings a chunk row carries, to filter on."""
    return [f"{key}={value}" for key, value in sorted(metadata.items())][:MAX_TAGS]


def filter_expression(metadata_filter: Mapping[str, str]) -> str:
    if not metadata_filter:
        return ""
    tags = ", ".join(escape_string(tag) for tag in metadata_tags(metadata_filter))
    return f"array_contains_all(tags, [{tags}])"


def document_filter(document_ids: list[str]) -> str:
    return f"document_id in [{', '.join(escape_string(d) for d in document_ids)}]"
