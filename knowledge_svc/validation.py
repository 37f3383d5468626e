"""What a request to the knowledge base may carry: the limits, the checks that name
each bad field (atende_runtime.errors.Validator), and the parsing and chunking of
documents once they pass. CPU work only; no grpc, no store."""

from __future__ import annotations

import logging
import math
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from atende_runtime.errors import InvalidArgument, Validator
from knowledge_svc.chunking import chunk_document
from knowledge_svc.documents import PDF, ParseError, normalize_content_type, parse

log = logging.getLogger("atende.knowledge")

_COLLECTION = re.compile(r"[A-Za-z0-9_]+")
_METADATA_KEY = re.compile(r"[A-Za-z0-9_.\-]+")


@dataclass(frozen=True)
class Limits:
    """Bounds on what one request may carry, and the search defaults."""

    default_collection: str = "default"
    max_collection_chars: int = 64
    max_documents: int = 1000
    max_document_chars: int = 2_000_000
    max_id_chars: int = 256
    max_title_chars: int = 500
    max_source_chars: int = 1000
    max_metadata_entries: int = 32
    max_metadata_key_chars: int = 64
    max_metadata_value_chars: int = 256
    max_query_chars: int = 2000
    default_top_k: int = 5
    max_top_k: int = 50
    chunk_chars: int = 400
    chunk_overlap: int = 60


@dataclass(frozen=True)
class DocumentInput:
    id: str
    text: str
    title: str = ""
    source: str = ""
    metadata: Mapping[str, str] = field(default_factory=dict)
    content_type: str = ""


@dataclass(frozen=True)
class QueryEmbedding:
    """A query vector the caller computed, and the model that computed it."""

    model: str
    values: Sequence[float]


@dataclass(frozen=True)
class Prepared:
    document: DocumentInput
    title: str
    chunks: list[tuple[str, str]]  # (section, text)


class Checks:
    """The checks of every request, against `limits`."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits

    def collection_name(self, value: str, field_name: str = "collection") -> str:
        name = value.strip() if value else ""
        if not name:
            return self.limits.default_collection
        if len(name) > self.limits.max_collection_chars or not _COLLECTION.fullmatch(name):
            raise InvalidArgument.single(
                field_name,
                f"must be 1 to {self.limits.max_collection_chars} letters, digits or '_' (got {name[:80]!r})",
            )
        return name

    def top_k(self, value: int) -> int:
        """0 means the default (5); above the maximum (50) is coerced down to it, as
        AIP-158 does for page sizes; negative is invalid."""
        if value < 0:
            raise InvalidArgument.single("top_k", f"must not be negative (got {value})")
        if value == 0:
            return self.limits.default_top_k
        return min(value, self.limits.max_top_k)

    def check_metadata(self, validator: Validator, prefix: str, metadata: Mapping[str, str]) -> None:
        limits = self.limits
        if len(metadata) > limits.max_metadata_entries:
            validator.add(prefix, f"has {len(metadata)} entries; the limit is {limits.max_metadata_entries}")
            return
        for key, value in metadata.items():
            if not (0 < len(key) <= limits.max_metadata_key_chars) or not _METADATA_KEY.fullmatch(key):
                validator.add(
                    f"{prefix}[{key[:40]!r}]",
                    f"keys are 1 to {limits.max_metadata_key_chars} letters, digits, '_', '.' or '-'",
                )
            if len(value) > limits.max_metadata_value_chars:
                validator.add(f"{prefix}[{key[:40]!r}]", f"values are at most {limits.max_metadata_value_chars} characters")
            validator.clean_text(f"{prefix}[{key[:40]!r}]", value)

    def validate_document(self, validator: Validator, prefix: str, document: DocumentInput) -> str | None:
        """Checks one document; returns its normalized content type."""
        limits = self.limits
        validator.require(f"{prefix}.id", document.id)
        if len(document.id) > limits.max_id_chars:
            validator.add(f"{prefix}.id", f"is {len(document.id)} characters long; the limit is {limits.max_id_chars}")
        if any(unicodedata.category(ch) == "Cc" for ch in document.id):
            validator.add(f"{prefix}.id", "contains a control character")
        validator.clean_text(f"{prefix}.id", document.id)
        if not document.text or not document.text.strip():
            validator.add(f"{prefix}.text", "is required (the document is empty)")
        elif len(document.text) > limits.max_document_chars:
            validator.add(
                f"{prefix}.text",
                f"is {len(document.text)} characters long; the limit is {limits.max_document_chars}: "
                "split the document into parts",
            )
        validator.clean_text(f"{prefix}.text", document.text)
        validator.max_length(f"{prefix}.title", document.title, limits.max_title_chars)
        validator.clean_text(f"{prefix}.title", document.title)
        validator.max_length(f"{prefix}.source", document.source, limits.max_source_chars)
        validator.clean_text(f"{prefix}.source", document.source)
        self.check_metadata(validator, f"{prefix}.metadata", document.metadata)
        content_type = normalize_content_type(document.content_type, document.text)
        if content_type is None:
            validator.add(
                f"{prefix}.content_type",
                f"{document.content_type[:60]!r} is not one of text/plain, text/markdown, text/html, application/pdf",
            )
        return content_type

    def prepare(self, documents: Sequence[DocumentInput], prefix: str) -> list[Prepared]:
        """Validates every document, then parses and chunks them (CPU work: runs in
        a worker thread). Reports every problem at once."""
        if not documents:
            raise InvalidArgument.single(prefix, "at least one document is required")
        if len(documents) > self.limits.max_documents:
            raise InvalidArgument.single(
                prefix, f"has {len(documents)} documents; the limit is {self.limits.max_documents} a request"
            )
        validator = Validator()
        types: list[str | None] = []
        seen: dict[str, int] = {}
        for index, document in enumerate(documents):
            types.append(self.validate_document(validator, f"{prefix}[{index}]", document))
            if document.id in seen:
                validator.add(f"{prefix}[{index}].id", f"{document.id!r} is also documents[{seen[document.id]}]")
            seen.setdefault(document.id, index)
        validator.check()

        prepared: list[Prepared] = []
        for index, (document, content_type) in enumerate(zip(documents, types, strict=True)):
            assert content_type is not None
            try:
                parsed = parse(document.text, content_type)
            except ParseError as error:
                validator.add(f"{prefix}[{index}].text", str(error))
                continue
            pieces = chunk_document(parsed, self.limits.chunk_chars, self.limits.chunk_overlap)
            if not pieces:
                what = "PDF has no extractable text (a scan?)" if content_type == PDF else "has no text once parsed"
                validator.add(f"{prefix}[{index}].text", what)
                continue
            title = document.title.strip() or parsed.title or document.id
            prepared.append(
                Prepared(document, title[: self.limits.max_title_chars], [(c.section[:500], c.text) for c in pieces])
            )
        validator.check()
        return prepared

    def given_vector(
        self, validator: Validator, given: QueryEmbedding | None, model: str, dimension: int
    ) -> npt.NDArray[np.float32] | None:
        """The caller's query vector when it comes from our model (None: embed the
        query here); reports a vector our model cannot have produced."""
        if given is None or not given.values:
            return None
        if given.model != model:
            log.debug(
                "query embedding from another model ignored",
                extra={"model": given.model[:80], "expected": model},
            )
            return None
        field_name = "query_embedding.values"
        if len(given.values) != dimension:
            validator.add(
                field_name,
                f"has {len(given.values)} values; {model} vectors have {dimension}",
            )
            return None
        vector = np.asarray(given.values, dtype=np.float32)
        if not np.isfinite(vector).all():
            validator.add(field_name, "contains a value that is not a finite number (NaN or infinity)")
            return None
        norm = float(np.linalg.norm(vector))
        if norm == 0.0 or not math.isfinite(norm):
            validator.add(field_name, "is all zeros (or too large to normalise)")
            return None
        normalised: npt.NDArray[np.float32] = (vector / norm).astype(np.float32)
        return normalised
