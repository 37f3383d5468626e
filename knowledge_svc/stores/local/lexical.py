"""The keyword half of a local index: a Tantivy index (Rust, Lucene's design) in
`<folder>/lexical/` of the chunks' search text and metadata tags: BM25 with
collection-wide statistics, deletes, segment merges. Writes are buffered until
`commit`; searches see the last commit."""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from pathlib import Path

import tantivy

from knowledge_svc.lexical import TRANSLATION_WEIGHT, query_parts

log = logging.getLogger("atende.knowledge.index")

_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
_MAX_TOKEN_CHARS = 40


def tokens(text: str) -> list[str]:
    """The lexical terms of a text that lexical.lexical_text already folded:
    runs of letters and digits (a product code "sb-kit-550" gives sb, kit, 550),
    the same at index and query time."""
    return [t for t in _TOKEN.findall(text.lower()) if len(t) <= _MAX_TOKEN_CHARS]


def _schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("chunk_id", stored=True, tokenizer_name="raw")
    builder.add_text_field("text", stored=False, tokenizer_name="whitespace", index_option="freq")
    builder.add_text_field("tag", stored=False, tokenizer_name="raw")
    return builder.build()


class LexicalIndex:
    """Not thread-safe for writes (the LocalIndex's lock guards them); `searcher` may
    be taken under that lock and searched outside it."""

    def __init__(self, folder: Path) -> None:
        self._schema = _schema()
        folder.mkdir(exist_ok=True)
        self._index = tantivy.Index(self._schema, path=str(folder))
        self._writer = self._index.writer(heap_size=32_000_000, num_threads=1)
        self.searcher = self._index.searcher()

    def add(self, chunk_id: str, search_text: str, tags: Sequence[str]) -> None:
        document = tantivy.Document()
        document.add_text("chunk_id", chunk_id)
        document.add_text("text", " ".join(tokens(search_text)))
        for tag in tags:
            document.add_text("tag", tag)
        self._writer.add_document(document)

    def delete(self, chunk_id: str) -> None:
        self._writer.delete_documents_by_term("chunk_id", chunk_id)

    def commit(self) -> None:
        """Makes the buffered writes durable and visible to the next `searcher`."""
        self._writer.commit()
        self._index.reload()
        self.searcher = self._index.searcher()

    def query(self, text: str, tags: Sequence[str]) -> tantivy.Query | None:
        """Any of the text's terms (BM25-scored), among chunks carrying every tag. A
        bilingual query's groups of translations (knowledge_svc.lexical) each count
        as one term: the best of its words, at TRANSLATION_WEIGHT."""
        base, groups = query_parts(text)
        terms = list(dict.fromkeys(tokens(base)))
        schema = self._schema
        clauses = [(tantivy.Occur.Should, tantivy.Query.term_query(schema, "text", term)) for term in terms]
        for group in groups:
            alternatives = [tantivy.Query.term_query(schema, "text", term)
                            for term in dict.fromkeys(tokens(group)) if term not in terms]
            if alternatives:
                clauses.append((tantivy.Occur.Should, tantivy.Query.boost_query(
                    tantivy.Query.disjunction_max_query(alternatives), TRANSLATION_WEIGHT)))
        if not clauses:
            return None
        words = tantivy.Query.boolean_query(clauses)
        if not tags:
            return words
        tag_clauses = [
            (tantivy.Occur.Must, tantivy.Query.const_score_query(tantivy.Query.term_query(schema, "tag", tag), 0.0))
            for tag in tags
        ]
        return tantivy.Query.boolean_query([(tantivy.Occur.Must, words), *tag_clauses])

    @staticmethod
    def search(searcher: tantivy.Searcher, query: tantivy.Query, limit: int) -> list[str]:
        result = searcher.search(query, limit)
        return [str(searcher.doc(address).get_first("chunk_id")) for _, address in result.hits]

    @staticmethod
    def search_scored(searcher: tantivy.Searcher, query: tantivy.Query, limit: int) -> list[tuple[str, float]]:
        result = searcher.search(query, limit)
        return [(str(searcher.doc(address).get_first("chunk_id")), float(score)) for score, address in result.hits]

    def close(self) -> None:
        try:
            self._writer.commit()
            self._writer.wait_merging_threads()
        except Exception:  # closing is best effort; the next open replays or rebuilds
            log.warning("closing the lexical index failed", exc_info=True)
