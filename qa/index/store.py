"""The index on disk: one SQLite database that holds documents, passages, sentences and their vectors.

It is the source of truth; each generation's arrays and search structures (FAISS, bm25s) are derived from it into
files beside it when the generation is first loaded (:mod:`qa.index.arrays`, :mod:`qa.index.snapshot`). Every write
is one transaction that also bumps ``generation``, so a reader sees all of a write or none of it, a write is durable
once committed, and a process killed mid-write leaves the state before it. Vectors are kept by content (model,
encoder, prompt and exact text), so text seen before is never embedded again.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from qa.errors import IndexCorrupt, IndexMismatch, IndexMissing

FORMAT_VERSION = 3
DATABASE = "index.sqlite"
SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    id TEXT PRIMARY KEY, seq INTEGER NOT NULL, digest TEXT NOT NULL, body TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS passages (
    id TEXT PRIMARY KEY, doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL, body TEXT NOT NULL, tokens TEXT NOT NULL, vector_key TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS passages_by_document ON passages(doc_id, ordinal);
CREATE TABLE IF NOT EXISTS sentences (
    passage_id TEXT NOT NULL REFERENCES passages(id) ON DELETE CASCADE, ordinal INTEGER NOT NULL,
    start INTEGER NOT NULL, end INTEGER NOT NULL, vector_key TEXT NOT NULL, PRIMARY KEY (passage_id, ordinal));
CREATE TABLE IF NOT EXISTS vectors (key TEXT PRIMARY KEY, dtype TEXT NOT NULL, data BLOB NOT NULL);
"""
TOKEN_SEPARATOR = "\x1f"


@dataclass
class StoredPassage:
    """A passage row as stored: its JSON body, search tokens and vector key."""

    id: str
    doc_id: str
    ordinal: int
    body: str
    tokens: list[str]
    vector_key: str


@dataclass
class StoredSentence:
    """A sentence row: its span in its passage and its vector key."""

    passage_id: str
    ordinal: int
    start: int
    end: int
    vector_key: str


def database_path(folder: Path) -> Path:
    """Where an index folder keeps its database."""
    return Path(folder) / DATABASE


def connect(folder: Path, create: bool = False) -> sqlite3.Connection:
    """Open the index database of ``folder`` (WAL journal, durable commits, foreign keys on).

    Raises:
        IndexMissing: no index there and ``create`` is false.
    """
    path = database_path(folder)
    if not path.is_file():
        if not create:
            raise IndexMissing(f"no index at {Path(folder).name}: build one with `qa build --corpus seeds/ --index "
                               f"{Path(folder).name}`")
        create_database(path)
    connection = sqlite3.connect(path, timeout=60, isolation_level=None, check_same_thread=False)
    connection.execute("PRAGMA synchronous=FULL")
    connection.execute("PRAGMA foreign_keys=ON")
    return connection


def create_database(path: Path) -> None:
    """Make an empty database with the schema beside ``path`` and rename it into place, so that a reader finds
    either no database or one with every table."""
    path.parent.mkdir(parents=True, exist_ok=True)
    staged = path.with_name(f".{path.name}.new")
    staged.unlink(missing_ok=True)
    connection = sqlite3.connect(staged, isolation_level=None)
    try:
        connection.execute("PRAGMA journal_mode=WAL")
        connection.executescript(SCHEMA)
    finally:
        connection.close()
    os.replace(staged, path)


@contextmanager
def reported_damage(folder: Path) -> Iterator[None]:
    """Turn what a damaged database raises into one :class:`IndexCorrupt` naming the index and its file."""
    try:
        yield
    except (sqlite3.DatabaseError, ValueError, KeyError, TypeError) as error:
        name = Path(folder).name
        raise IndexCorrupt(f"index {name} is damaged ({name}/{DATABASE}: {error}); rebuild it with `qa build "
                           f"--corpus ... --index {name}`") from None


@contextmanager
def transaction(connection: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One atomic write: committed whole on success, rolled back on any error."""
    connection.execute("BEGIN IMMEDIATE")
    try:
        yield connection
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")


def read_meta(connection: sqlite3.Connection) -> dict:
    """The index's meta values (format, model, encoder, dimension, chunk size, generation, times)."""
    return {key: json.loads(value) for key, value in connection.execute("SELECT key, value FROM meta")}


def write_meta(connection: sqlite3.Connection, values: dict) -> None:
    """Set meta values (inside the caller's transaction)."""
    connection.executemany("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET "
                           "value = excluded.value", [(k, json.dumps(v, ensure_ascii=False)) for k, v in values.items()])


def generation(connection: sqlite3.Connection) -> int:
    """The number of the last committed write."""
    row = connection.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()
    return int(json.loads(row[0])) if row else 0


def check_compatible(meta: dict, folder: Path, model_name: str | None) -> None:
    """Refuse an index of another format or vector space.

    Raises:
        IndexMissing: the database is there but its first write has not begun.
        IndexMismatch: naming what differs and how to fix it.
    """
    name = Path(folder).name
    if not meta:
        raise IndexMissing(f"index {name} is being created: nothing is written there yet")
    if meta.get("format_version") != FORMAT_VERSION:
        raise IndexMismatch(f"index {name} has format {meta.get('format_version')}, this version reads "
                            f"{FORMAT_VERSION}: rebuild it with `qa build`")
    if model_name is not None and meta.get("model") != model_name:
        raise IndexMismatch(f"index {name} was built with model {meta.get('model')!r}, but the configured model is "
                            f"{model_name!r}: rebuild it or set QA_MODEL")


def vector_blob(vector: np.ndarray) -> tuple[str, bytes]:
    """A vector as stored: its dtype name and raw bytes."""
    return str(vector.dtype), np.ascontiguousarray(vector).tobytes()


def read_vectors(connection: sqlite3.Connection, keys: list[str]) -> dict[str, np.ndarray]:
    """The stored vectors among ``keys``."""
    found: dict[str, np.ndarray] = {}
    for start in range(0, len(keys), 500):
        chunk = keys[start:start + 500]
        marks = ",".join("?" * len(chunk))
        for key, dtype, data in connection.execute(f"SELECT key, dtype, data FROM vectors WHERE key IN ({marks})",
                                                   chunk):
            found[key] = np.frombuffer(data, dtype=dtype)
    return found


def write_vectors(connection: sqlite3.Connection, vectors: dict[str, np.ndarray]) -> None:
    """Store vectors by key (a committed vector is reused by every later write and build)."""
    connection.executemany("INSERT OR IGNORE INTO vectors (key, dtype, data) VALUES (?, ?, ?)",
                           [(key, *vector_blob(vector)) for key, vector in vectors.items()])
