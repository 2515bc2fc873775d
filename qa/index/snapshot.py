"""A loaded index: one committed generation of the database, its arrays and search structures mapped from the
generation's files (:mod:`qa.index.arrays`), its records (documents, passages) in memory.

A snapshot never changes; a write produces a new generation, which a server builds beside the old one (from the
old one and the documents that changed, :func:`refresh_index`) and then swaps in, so every request sees one
generation throughout.
"""

from __future__ import annotations

import ctypes
import json
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from qa.config import Settings
from qa.index.arrays import (PASSAGE_VECTORS, SENTENCE_SPANS, SENTENCE_VECTORS, Allocate, GenerationArrays, Rows2D,
                             gather, generation_key, in_memory, open_arrays, write_arrays)
from qa.index.backend import FaissBm25Backend, SearchBackend
from qa.index.sentences import SentenceTable, sentence_rows
from qa.index.store import (TOKEN_SEPARATOR, check_compatible, connect, database_path, read_meta,
                            reported_damage)
from qa.schema import Document, Passage


@dataclass
class Index:
    """One generation of an index: documents, passages, their sentences and the search backend, with what a
    newer generation is built from (passage vectors, search words, each document's digest)."""

    folder: Path
    manifest: dict
    documents: dict[str, Document]
    passages: list[Passage]
    backend: SearchBackend
    sentences: SentenceTable
    vectors: Rows2D
    tokens: list[str] | None
    """Each passage's search words, kept where the backend follows a newer generation with them (Milvus); the
    embedded backend reads them from the database when it is rebuilt."""
    digests: dict[str, str]
    replica: bool = False
    """Whether it was read from what another process published to Milvus (no index database here)."""
    _rows: dict[str, int] = field(init=False, repr=False)
    _by_document: dict[str, list[int]] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._rows = {passage.id: row for row, passage in enumerate(self.passages)}
        self._by_document = {}
        for row, passage in enumerate(self.passages):
            self._by_document.setdefault(passage.doc_id, []).append(row)

    @property
    def generation(self) -> int:
        """The committed write this snapshot shows."""
        return int(self.manifest.get("generation", 0))

    def passage_row(self, passage_id: str) -> int:
        """Row of a passage in the vector and sentence tables."""
        return self._rows[passage_id]

    def document_rows(self, doc_id: str) -> list[int]:
        """Rows of one document's passages, in order."""
        return self._by_document.get(doc_id, [])


@dataclass
class Rows:
    """Documents as read from the database, with their passages and sentences in order (sentence spans index the
    passages of these rows)."""

    documents: list[Document]
    digests: dict[str, str]
    passages: list[Passage]
    vectors: Rows2D
    tokens: list[str] | None
    """Each passage's search words, where the backend is built from them (``None`` where it is stored)."""
    spans: np.ndarray
    sentence_vectors: Rows2D
    folder: Path | None = None
    """The generation's folder that the arrays are read from, where the search backend stores its files too."""

    @classmethod
    def of(cls, documents: list[Document], digests: dict[str, str], passages: list[Passage], tokens: list[str] | None,
           arrays: GenerationArrays) -> "Rows":
        """Records with a generation's arrays."""
        return cls(documents, digests, passages, arrays.passage_vectors, tokens, arrays.sentence_spans,
                   arrays.sentence_vectors, arrays.folder)


def read_manifest(folder: Path) -> dict:
    """The stored description of an index (format, model, encoder, dimension, chunk size, generation, times).

    Raises:
        IndexMissing: no index in ``folder``.
    """
    with reported_damage(folder):
        connection = connect(folder)
        try:
            return read_meta(connection)
        finally:
            connection.close()


def scope(connection, doc_ids: list[str] | None) -> str:
    """The ``WHERE`` clause that keeps the rows of ``doc_ids`` (all when ``None``) of documents aliased ``d``."""
    if doc_ids is None:
        return ""
    connection.execute("CREATE TEMP TABLE IF NOT EXISTS wanted (id TEXT PRIMARY KEY)")
    connection.execute("DELETE FROM wanted")
    connection.executemany("INSERT INTO wanted VALUES (?)", [(doc_id,) for doc_id in doc_ids])
    return " WHERE d.id IN (SELECT id FROM wanted)"


def read_records(connection, doc_ids: list[str] | None = None,
                 with_tokens: bool = True) -> tuple[list[Document], dict[str, str], list[Passage], list[str] | None]:
    """Documents (all, or those of ``doc_ids``) with their digests, passages and (when asked) search words, in index
    order, inside the caller's read transaction."""
    where = scope(connection, doc_ids)
    documents = connection.execute(f"SELECT d.id, d.digest, d.body FROM documents d{where} ORDER BY d.seq").fetchall()
    words = "p.tokens" if with_tokens else "NULL"
    passage_rows = connection.execute(f"SELECT p.body, {words} FROM passages p JOIN documents d ON d.id = p.doc_id"
                                      f"{where} ORDER BY d.seq, p.ordinal").fetchall()
    return ([Document.from_dict(shared(json.loads(body), DOCUMENT_SHARED)) for _, _, body in documents],
            {doc_id: digest for doc_id, digest, _ in documents},
            [Passage(**shared(json.loads(body), PASSAGE_SHARED)) for body, _ in passage_rows],
            [tokens for _, tokens in passage_rows] if with_tokens else None)


PASSAGE_SHARED = ("doc_id", "title", "kind")
"""Passage fields that repeat from passage to passage (a document's id and title, the kind)."""
DOCUMENT_SHARED = ("keywords", "outlet", "source", "date", "reporters", "correspondents")
"""Document fields that repeat from document to document."""


def shared(values: dict, names: tuple[str, ...]) -> dict:
    """``values`` with the strings of ``names`` (or of lists under them) interned, so that a string that repeats
    across records is held once."""
    for name in names:
        value = values.get(name)
        if isinstance(value, str):
            values[name] = sys.intern(value)
        elif isinstance(value, list):
            values[name] = [sys.intern(item) if isinstance(item, str) else item for item in value]
    return values


IN_ORDER = "FROM passages p JOIN documents d ON d.id = p.doc_id ORDER BY d.seq, p.ordinal"
"""Every passage, in index order."""


def read_tokens(connection) -> list[str]:
    """Every passage's search words, in index order."""
    return [tokens for (tokens,) in connection.execute(f"SELECT p.tokens {IN_ORDER}")]


def stream_words(connection) -> Iterator[list[str]]:
    """Every passage's search words, in index order, one passage at a time."""
    for (tokens,) in connection.execute(f"SELECT p.tokens {IN_ORDER}"):
        yield tokens.split(TOKEN_SEPARATOR)


def read_arrays(connection, dimension: int, passage_ids: list[str], doc_ids: list[str] | None,
                allocate: Allocate) -> GenerationArrays:
    """The vectors and sentence spans of the passages ``passage_ids`` (those of ``doc_ids``, in index order),
    streamed from the database into arrays made by ``allocate``."""
    where = scope(connection, doc_ids)
    rows = {passage_id: row for row, passage_id in enumerate(passage_ids)}
    joined = f"FROM sentences s JOIN passages p ON p.id = s.passage_id JOIN documents d ON d.id = p.doc_id{where}"
    count = connection.execute(f"SELECT COUNT(*) {joined}").fetchone()[0]
    vectors = allocate(PASSAGE_VECTORS, (len(passage_ids), dimension), "float32")
    spans = allocate(SENTENCE_SPANS, (count, 3), "int32")
    sentence_vectors = allocate(SENTENCE_VECTORS, (count, dimension), "float16")
    cursor = connection.execute("SELECT v.dtype, v.data FROM passages p JOIN documents d ON d.id = p.doc_id "
                                f"JOIN vectors v ON v.key = p.vector_key{where} ORDER BY d.seq, p.ordinal")
    for row, (dtype, data) in enumerate(cursor):
        vectors[row] = np.frombuffer(data, dtype=dtype)
    cursor = connection.execute("SELECT s.passage_id, s.start, s.end, v.dtype, v.data FROM sentences s JOIN passages p "
                                "ON p.id = s.passage_id JOIN documents d ON d.id = p.doc_id JOIN vectors v ON v.key = "
                                f"s.vector_key{where} ORDER BY d.seq, p.ordinal, s.ordinal")
    for row, (passage_id, start, end, dtype, data) in enumerate(cursor):
        spans[row] = (rows[passage_id], start, end)
        sentence_vectors[row] = np.frombuffer(data, dtype=dtype)
    return GenerationArrays(vectors, spans, sentence_vectors)


def read_rows(connection, dimension: int, doc_ids: list[str] | None = None) -> Rows:
    """Read documents (all, or those of ``doc_ids``) in index order, arrays in memory, inside the caller's read
    transaction."""
    documents, digests, passages, tokens = read_records(connection, doc_ids)
    arrays = read_arrays(connection, dimension, [p.id for p in passages], doc_ids, in_memory)
    return Rows.of(documents, digests, passages, tokens, arrays)


def stored_backend(settings: Settings, folder: Path | None) -> SearchBackend | None:
    """The embedded search backend as stored with a generation's arrays in ``folder`` (then its passages' search
    words need not be read), or ``None``."""
    return FaissBm25Backend.opened(folder) if settings.backend == "faiss" else None


def search_backend(folder: Path, meta: dict, rows: Rows, settings: Settings,
                   previous: SearchBackend | None) -> SearchBackend:
    """The configured search backend over ``rows``.

    Args:
        previous: the backend of the generation served before, which a FAISS IVF index keeps its trained cells
            from, and whose Milvus rows stay searchable until the next refresh.
    """
    if settings.backend == "milvus":
        from qa.index.milvus_backend import MilvusBackend

        return MilvusBackend.synced(settings, folder, meta, rows, [t.split(TOKEN_SEPARATOR) for t in rows.tokens],
                                    previous if isinstance(previous, MilvusBackend) else None)
    tokens = rows.tokens
    words = (lambda: (t.split(TOKEN_SEPARATOR) for t in tokens)) if tokens is not None else None
    return FaissBm25Backend.stored_or_built(rows.folder, rows.vectors, words, settings,
                                            previous if isinstance(previous, FaissBm25Backend) else None)


def assemble(folder: Path, meta: dict, rows: Rows, backend: SearchBackend, replica: bool = False) -> Index:
    """An index from its rows and the search backend over them."""
    sentences = SentenceTable.from_arrays(rows.spans, rows.sentence_vectors, len(rows.passages))
    manifest = meta | backend.info | {"documents": len(rows.documents), "passages": len(rows.passages),
                                      "sentences": len(sentences)}
    return Index(folder, manifest, {d.id: d for d in rows.documents}, rows.passages, backend, sentences,
                 rows.vectors, None if isinstance(backend, FaissBm25Backend) else rows.tokens, rows.digests, replica)


def last_arrays(connection, folder: Path, meta: dict, passage_ids: list[str]) -> GenerationArrays:
    """The arrays of the generation ``meta`` describes: opened from its files, else written there from the
    database (inside the caller's read transaction), or kept in memory where the folder cannot be written."""
    dimension, key = int(meta["dimension"]), generation_key(meta)
    return open_arrays(folder, key, len(passage_ids), dimension) or write_arrays(
        folder, key, len(passage_ids), dimension,
        lambda allocate: read_arrays(connection, dimension, passage_ids, None, allocate))


@contextmanager
def compatible_reading(folder: Path, model_name: str | None) -> Iterator[tuple[sqlite3.Connection, dict]]:
    """One read transaction over an index's database, its format and model checked first: the connection and the
    index's meta values. What a damaged database raises becomes :class:`IndexCorrupt`.

    Raises:
        IndexMissing: nothing built there.
        IndexMismatch: different format version or model.
    """
    with reported_damage(folder):
        connection = connect(folder)
        try:
            connection.execute("BEGIN")
            meta = read_meta(connection)
            check_compatible(meta, folder, model_name)
            yield connection, meta
            connection.execute("COMMIT")
        finally:
            connection.close()


def load_index(folder: Path, settings: Settings, model_name: str | None = None,
               previous: SearchBackend | None = None) -> Index:
    """Load the last committed generation of an index: its records from the database, its arrays and search
    backend mapped from the generation's files (written first when missing).

    Args:
        folder: index folder.
        settings: the search backend, and how its vector index is chosen.
        model_name: the vector space that will embed queries; ``None`` skips the check.
        previous: the backend of the generation this process served before (see :func:`search_backend`).

    Raises:
        IndexMissing: nothing built there.
        IndexMismatch: different format version or model.
    """
    folder = Path(folder)
    if settings.backend == "milvus" and not database_path(folder).exists():
        from qa.index.replica import load_replica

        return load_replica(folder, settings, model_name)
    with compatible_reading(folder, model_name) as (connection, meta):
        documents, digests, passages, _ = read_records(connection, with_tokens=False)
        arrays = last_arrays(connection, folder, meta, [p.id for p in passages])
        backend = stored_backend(settings, arrays.folder)
        tokens = read_tokens(connection) if backend is None else None
    rows = Rows.of(documents, digests, passages, tokens, arrays)
    index = assemble(folder, meta, rows, backend or search_backend(folder, meta, rows, settings, previous))
    return_freed_memory()
    return index


def store_generation(folder: Path, settings: Settings, model_name: str) -> None:
    """Write the files of an index's last committed generation (arrays, FAISS, BM25) where they are missing,
    without reading its records as a load does: what ``qa build`` leaves for servers to map. Only passage ids are
    held; vectors and search words are streamed from the database.

    Raises:
        IndexMissing: nothing built there.
        IndexMismatch: different format version or model.
    """
    with compatible_reading(folder, model_name) as (connection, meta):
        passage_ids = [passage_id for (passage_id,) in connection.execute(f"SELECT p.id {IN_ORDER}")]
        arrays = last_arrays(connection, folder, meta, passage_ids)
        if arrays.folder is not None and FaissBm25Backend.opened(arrays.folder) is None:
            FaissBm25Backend.stored_or_built(arrays.folder, arrays.passage_vectors, lambda: stream_words(connection),
                                             settings, None)
    return_freed_memory()


def return_freed_memory() -> None:
    """Hand the memory freed after a load (what reading the database left behind) back to the system, where the C
    library can (glibc's ``malloc_trim``); elsewhere a no-op."""
    process = ctypes.CDLL(None)
    if hasattr(process, "malloc_trim"):
        process.malloc_trim(0)


def refresh_index(old: Index, settings: Settings) -> Index:
    """The last committed generation, built from ``old`` and the documents that changed since: only those are
    read from the database, and an IVF vector index keeps its trained cells. Falls back to a whole load when the
    documents were reordered or most of them changed.

    Returns:
        ``old`` itself when nothing was committed since.
    """
    if old.replica:
        from qa.index.replica import refresh_replica

        return refresh_replica(old, settings)
    with reported_damage(old.folder):
        return refreshed(old, settings)


def refreshed(old: Index, settings: Settings) -> Index:
    """:func:`refresh_index` without the damage report."""
    connection = connect(old.folder)
    try:
        connection.execute("BEGIN")
        meta = read_meta(connection)
        if meta.get("generation") == old.generation:
            connection.execute("COMMIT")
            return old
        check_compatible(meta, old.folder, old.manifest.get("model"))
        stored = connection.execute("SELECT id, digest FROM documents ORDER BY seq").fetchall()
        changed = changed_documents(old, stored)
        if changed is None:
            connection.execute("COMMIT")
            return load_index(old.folder, settings, old.manifest.get("model"), old.backend)
        dimension, key = int(meta["dimension"]), generation_key(meta)
        delta = read_rows(connection, dimension, changed)
        documents, digests, passages, tokens, take = merge_records(old, delta, [doc_id for doc_id, _ in stored])
        arrays = open_arrays(old.folder, key, len(passages), dimension)
        backend = stored_backend(settings, arrays.folder if arrays else None)
        if tokens is None and backend is None:
            tokens = read_tokens(connection)
        connection.execute("COMMIT")
    finally:
        connection.close()
    arrays = arrays or write_arrays(old.folder, key, len(passages), dimension,
                                    lambda allocate: merge_arrays(old, delta, take, allocate))
    rows = Rows.of(documents, digests, passages, tokens, arrays)
    index = assemble(old.folder, meta, rows, backend or search_backend(old.folder, meta, rows, settings, old.backend))
    return_freed_memory()
    return index


def changed_documents(old: Index, stored: list[tuple[str, str]]) -> list[str] | None:
    """The documents of a newer generation (id and digest, in order) that ``old`` does not hold as they are, or
    ``None`` when reading it whole is simpler: its documents were reordered, or most of them changed."""
    changed = [doc_id for doc_id, digest in stored if old.digests.get(doc_id) != digest]
    unchanged = [doc_id for doc_id, digest in stored if old.digests.get(doc_id) == digest]
    kept = set(unchanged)
    if unchanged != [d for d in old.documents if d in kept] or len(changed) > len(stored) // 2 + 1:
        return None
    return changed


def merge_records(old: Index, delta: Rows, order: list[str]) -> tuple[list[Document], dict[str, str], list[Passage],
                                                                      list[str] | None, np.ndarray]:
    """The records of the new generation (documents, digests, passages, search words where both sides hold them) and
    which rows of ``old``'s passages followed by ``delta``'s it keeps: each document in ``order`` from ``delta`` if it
    changed, else from ``old``."""
    new_documents = {d.id: d for d in delta.documents}
    delta_rows: dict[str, list[int]] = {}
    for row, passage in enumerate(delta.passages):
        delta_rows.setdefault(passage.doc_id, []).append(row)
    offset = len(old.passages)
    take = np.array([row for doc_id in order for row in (
        [offset + r for r in delta_rows.get(doc_id, [])] if doc_id in new_documents else old.document_rows(doc_id))],
        dtype=np.int64)
    passages = old.passages + delta.passages
    tokens = old.tokens + delta.tokens if old.tokens is not None and delta.tokens is not None else None
    documents = [new_documents.get(doc_id) or old.documents[doc_id] for doc_id in order]
    return (documents, {d: delta.digests.get(d) or old.digests[d] for d in order}, [passages[r] for r in take],
            [tokens[r] for r in take] if tokens is not None else None, take)


def merge_arrays(old: Index, delta: Rows, take: np.ndarray, allocate: Allocate) -> GenerationArrays:
    """The arrays of the new generation: rows ``take`` of ``old``'s passages followed by ``delta``'s, with their
    sentences, gathered into arrays made by ``allocate``."""
    delta_first = np.searchsorted(delta.spans[:, 0], np.arange(len(delta.passages) + 1))
    sentence_take, counts = sentence_rows(
        np.concatenate([old.sentences.first[:-1], old.sentences.first[-1] + delta_first]), take)
    dimension = old.vectors.shape[1]
    spans = gather([old.sentences.spans, delta.spans], sentence_take,
                   allocate(SENTENCE_SPANS, (len(sentence_take), 3), "int32"))
    spans[:, 0] = np.repeat(np.arange(len(take)), counts)
    return GenerationArrays(
        gather([old.vectors, delta.vectors], take, allocate(PASSAGE_VECTORS, (len(take), dimension), "float32")), spans,
        gather([old.sentences.vectors, delta.sentence_vectors], sentence_take,
               allocate(SENTENCE_VECTORS, (len(sentence_take), dimension), "float16")))


def merge_rows(old: Index, delta: Rows, order: list[str]) -> Rows:
    """The rows of the new generation in memory (see :func:`merge_records`)."""
    documents, digests, passages, tokens, take = merge_records(old, delta, order)
    arrays = merge_arrays(old, delta, take, in_memory)
    return Rows.of(documents, digests, passages, tokens, arrays)
