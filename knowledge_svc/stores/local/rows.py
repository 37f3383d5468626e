"""`rows.sqlite` (SQLite, WAL) of a local index: one row a live chunk (an increasing
row number, the chunk id, its metadata tags and its unit dense vector), and a small
key-value table (format, dimension, the `dirty` mark). The durable truth of the index,
written in the same call as Milvus. Not thread-safe: the LocalIndex's lock guards it."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt

# (row, tags, unit vector) of live chunks, read a part at a time.
RowPart = list[tuple[int, list[str], npt.NDArray[np.float32]]]


class RowLog:
    def __init__(self, path: Path) -> None:
        self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA page_size=8192")  # a new file: three 2 KB vectors a page, not one
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.executescript(
            """
            CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS chunks(
                row INTEGER PRIMARY KEY AUTOINCREMENT,
                chunk_id TEXT NOT NULL UNIQUE,
                tags TEXT NOT NULL,
                vector BLOB NOT NULL
            );
            """
        )

    def meta(self, key: str) -> str | None:
        row = self._db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def set_meta(self, key: str, value: str) -> None:
        self._db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (key, value))

    def live(self) -> Iterator[tuple[int, str, list[str]]]:
        """(row, chunk id, tags) of every live chunk."""
        for row, chunk_id, tags in self._db.execute("SELECT row, chunk_id, tags FROM chunks"):
            yield int(row), str(chunk_id), json.loads(tags)

    def vectors_after(self, row: int) -> list[tuple[int, npt.NDArray[np.float32]]]:
        """(row, vector) of the live rows numbered above `row`, in order: the replay
        of what the last HNSW checkpoint misses."""
        found = self._db.execute("SELECT row, vector FROM chunks WHERE row > ? ORDER BY row", (row,)).fetchall()
        return [(int(r), np.frombuffer(blob, dtype=np.float32)) for r, blob in found]

    def parts(self, size: int = 1024) -> Iterator[RowPart]:
        """Every live row with its tags and vector, in row order, `size` at a time."""
        cursor = self._db.execute("SELECT row, tags, vector FROM chunks ORDER BY row")
        while part := cursor.fetchmany(size):
            yield [(int(r), json.loads(tags), np.frombuffer(blob, dtype=np.float32)) for r, tags, blob in part]

    def insert(self, chunks: Sequence[tuple[str, Sequence[str], npt.NDArray[np.float32]]]) -> list[int]:
        """Adds (chunk id, tags, unit vector) rows in one transaction; their row numbers."""
        self._db.execute("BEGIN")
        try:
            rows: list[int] = []
            for chunk_id, tags, vector in chunks:
                cursor = self._db.execute(
                    "INSERT INTO chunks(chunk_id, tags, vector) VALUES (?, ?, ?)",
                    (chunk_id, json.dumps(list(tags)), vector.tobytes()),
                )
                assert cursor.lastrowid is not None
                rows.append(cursor.lastrowid)
            self._db.execute("COMMIT")
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        return rows

    def delete(self, rows: Sequence[int]) -> None:
        self._db.executemany("DELETE FROM chunks WHERE row = ?", [(row,) for row in rows])

    def close(self) -> None:
        self._db.close()
