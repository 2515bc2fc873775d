"""A loaded index: one committed generation of the database, with its search structures built in memory.

A snapshot never changes; a write produces a new generation, which a server builds beside the old one (from the
old one and the documents that changed, :func:`refresh_index`) and then swaps in, so every request sees one
generation throughout.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from qa.config import Settings
from qa.index.backend import FaissBm25Backend, SearchBackend
from qa.index.dense import DenseIndex
from qa.index.lexical import LexicalIndex
from qa.index.sentences import SentenceTable
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
    vectors: np.ndarray
    tokens: list[str]
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
    vectors: np.ndarray
    tokens: list[str]
    spans: np.ndarray
    sentence_vectors: np.ndarray


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


def vectors_of(rows: list[tuple[str, bytes]], dimension: int, dtype: str) -> np.ndarray:
    """Stack stored vectors into one array."""
    if not rows:
        return np.zeros((0, dimension), dtype=dtype)
    return np.stack([np.frombuffer(data, dtype=stored) for stored, data in rows]).astype(dtype, copy=False)


def read_rows(connection, dimension: int, doc_ids: list[str] | None = None) -> Rows:
    """Read documents (all, or those of ``doc_ids``) in index order, inside the caller's read transaction."""
    where = ""
    if doc_ids is not None:
        connection.execute("CREATE TEMP TABLE IF NOT EXISTS wanted (id TEXT PRIMARY KEY)")
        connection.execute("DELETE FROM wanted")
        connection.executemany("INSERT INTO wanted VALUES (?)", [(doc_id,) for doc_id in doc_ids])
        where = " WHERE d.id IN (SELECT id FROM wanted)"
    documents = connection.execute(f"SELECT d.id, d.digest, d.body FROM documents d{where} ORDER BY d.seq").fetchall()
    passage_rows = connection.execute(
        "SELECT p.body, p.tokens, v.dtype, v.data FROM passages p JOIN documents d ON d.id = p.doc_id "
        f"JOIN vectors v ON v.key = p.vector_key{where} ORDER BY d.seq, p.ordinal").fetchall()
    sentence_rows = connection.execute(
        "SELECT s.passage_id, s.start, s.end, v.dtype, v.data FROM sentences s JOIN passages p ON p.id = "
        f"s.passage_id JOIN documents d ON d.id = p.doc_id JOIN vectors v ON v.key = s.vector_key{where} "
        "ORDER BY d.seq, p.ordinal, s.ordinal").fetchall()
    passages = [Passage(**json.loads(body)) for body, _, _, _ in passage_rows]
    rows = {passage.id: row for row, passage in enumerate(passages)}
    spans = np.array([(rows[pid], start, end) for pid, start, end, _, _ in sentence_rows],
                     dtype=np.int32).reshape(-1, 3)
    return Rows([Document.from_dict(json.loads(body)) for _, _, body in documents],
                {doc_id: digest for doc_id, digest, _ in documents}, passages,
                vectors_of([(dtype, data) for _, _, dtype, data in passage_rows], dimension, "float32"),
                [tokens for _, tokens, _, _ in passage_rows], spans,
                vectors_of([(dtype, data) for *_, dtype, data in sentence_rows], dimension, "float16"))


def search_backend(folder: Path, meta: dict, rows: Rows, settings: Settings,
                   previous: SearchBackend | None) -> SearchBackend:
    """The configured search backend over ``rows``.

    Args:
        previous: the backend of the generation served before, which a FAISS IVF index keeps its trained cells
            from, and whose Milvus rows stay searchable until the next refresh.
    """
    words = [t.split(TOKEN_SEPARATOR) for t in rows.tokens]
    if settings.backend == "milvus":
        from qa.index.milvus_backend import MilvusBackend

        return MilvusBackend.synced(settings, folder, meta, rows, words,
                                    previous if isinstance(previous, MilvusBackend) else None)
    if isinstance(previous, FaissBm25Backend):
        dense = previous.dense.refilled(rows.vectors, settings.exact_below, settings.target_recall)
    else:
        dense = DenseIndex.build(rows.vectors, settings.exact_below, settings.target_recall)
    return FaissBm25Backend(dense, LexicalIndex.from_tokens(words))


def assemble(folder: Path, meta: dict, rows: Rows, backend: SearchBackend, replica: bool = False) -> Index:
    """An index from its rows and the search backend over them."""
    sentences = SentenceTable.from_arrays(rows.spans, rows.sentence_vectors, len(rows.passages))
    manifest = meta | backend.info | {"documents": len(rows.documents), "passages": len(rows.passages),
                                      "sentences": len(sentences)}
    return Index(folder, manifest, {d.id: d for d in rows.documents}, rows.passages, backend, sentences,
                 rows.vectors, rows.tokens, rows.digests, replica)


def load_index(folder: Path, settings: Settings, model_name: str | None = None,
               previous: SearchBackend | None = None) -> Index:
    """Load the last committed generation of an index.

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
    with reported_damage(folder):
        connection = connect(folder)
        try:
            connection.execute("BEGIN")
            meta = read_meta(connection)
            check_compatible(meta, folder, model_name)
            rows = read_rows(connection, int(meta["dimension"]))
            connection.execute("COMMIT")
        finally:
            connection.close()
    return assemble(folder, meta, rows, search_backend(folder, meta, rows, settings, previous))


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
        delta = read_rows(connection, int(meta["dimension"]), changed)
        connection.execute("COMMIT")
    finally:
        connection.close()
    rows = merge_rows(old, delta, [doc_id for doc_id, _ in stored])
    return assemble(old.folder, meta, rows, search_backend(old.folder, meta, rows, settings, old.backend))


def changed_documents(old: Index, stored: list[tuple[str, str]]) -> list[str] | None:
    """The documents of a newer generation (id and digest, in order) that ``old`` does not hold as they are, or
    ``None`` when reading it whole is simpler: its documents were reordered, or most of them changed."""
    changed = [doc_id for doc_id, digest in stored if old.digests.get(doc_id) != digest]
    unchanged = [doc_id for doc_id, digest in stored if old.digests.get(doc_id) == digest]
    kept = set(unchanged)
    if unchanged != [d for d in old.documents if d in kept] or len(changed) > len(stored) // 2 + 1:
        return None
    return changed


def merge_rows(old: Index, delta: Rows, order: list[str]) -> Rows:
    """The rows of the new generation: each document in ``order`` from ``delta`` if it changed, else from ``old``."""
    new_documents = {d.id: d for d in delta.documents}
    delta_rows: dict[str, list[int]] = {}
    for row, passage in enumerate(delta.passages):
        delta_rows.setdefault(passage.doc_id, []).append(row)
    offset = len(old.passages)
    take = np.array([row for doc_id in order for row in (
        [offset + r for r in delta_rows.get(doc_id, [])] if doc_id in new_documents else old.document_rows(doc_id))],
        dtype=np.int64)
    passages = old.passages + delta.passages
    tokens = old.tokens + delta.tokens
    delta_first = np.searchsorted(delta.spans[:, 0], np.arange(len(delta.passages) + 1))
    first = np.concatenate([old.sentences.first[:-1], old.sentences.first[-1] + delta_first])
    starts, counts = first[take], first[take + 1] - first[take]
    sentence_take = np.repeat(starts - np.concatenate([[0], np.cumsum(counts)[:-1]]), counts) + np.arange(counts.sum())
    spans = np.concatenate([old.sentences.spans, delta.spans])[sentence_take]
    spans[:, 0] = np.repeat(np.arange(len(take)), counts)
    documents = [new_documents.get(doc_id) or old.documents[doc_id] for doc_id in order]
    return Rows(documents, {d: delta.digests.get(d) or old.digests[d] for d in order}, [passages[r] for r in take],
                np.concatenate([old.vectors, delta.vectors])[take], [tokens[r] for r in take], spans,
                np.concatenate([old.sentences.vectors, delta.sentence_vectors])[sentence_take])
