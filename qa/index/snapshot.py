"""A loaded index: one committed generation of the database, with its search structures built in memory.

A snapshot never changes; a write produces a new generation, which a server loads beside the old one and then
swaps in, so every request sees one generation throughout.
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
from qa.index.store import TOKEN_SEPARATOR, check_compatible, connect, read_meta
from qa.schema import Document, Passage


@dataclass
class Index:
    """One generation of an index: documents, passages, their sentences and the search backend."""

    folder: Path
    manifest: dict
    documents: dict[str, Document]
    passages: list[Passage]
    backend: SearchBackend
    sentences: SentenceTable
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


def read_manifest(folder: Path) -> dict:
    """The stored description of an index (format, model, encoder, dimension, chunk size, generation, times).

    Raises:
        IndexMissing: no index in ``folder``.
    """
    connection = connect(folder)
    try:
        return read_meta(connection)
    finally:
        connection.close()


def vectors_of(rows: list[tuple[str, bytes]], dimension: int, dtype: str) -> np.ndarray:
    """Stack stored vectors into one array."""
    if not rows:
        return np.zeros((0, dimension), dtype=dtype)
    return np.stack([np.frombuffer(data, dtype=stored) for stored, data in rows]).astype(dtype)


def load_index(folder: Path, settings: Settings, model_name: str | None = None) -> Index:
    """Load the last committed generation of an index.

    Args:
        folder: index folder.
        settings: how the vector index is chosen (exact below ``exact_below`` passages, IVF above).
        model_name: the vector space that will embed queries; ``None`` skips the check.

    Raises:
        IndexMissing: nothing built there.
        IndexMismatch: different format version or model.
    """
    folder = Path(folder)
    connection = connect(folder)
    try:
        connection.execute("BEGIN")
        meta = read_meta(connection)
        check_compatible(meta, folder, model_name)
        documents = [Document.from_dict(json.loads(body)) for (body,) in
                     connection.execute("SELECT body FROM documents ORDER BY seq")]
        passage_rows = connection.execute(
            "SELECT p.body, p.tokens, v.dtype, v.data FROM passages p JOIN documents d ON d.id = p.doc_id "
            "JOIN vectors v ON v.key = p.vector_key ORDER BY d.seq, p.ordinal").fetchall()
        sentence_rows = connection.execute(
            "SELECT s.passage_id, s.start, s.end, v.dtype, v.data FROM sentences s JOIN passages p ON p.id = "
            "s.passage_id JOIN documents d ON d.id = p.doc_id JOIN vectors v ON v.key = s.vector_key "
            "ORDER BY d.seq, p.ordinal, s.ordinal").fetchall()
        connection.execute("COMMIT")
    finally:
        connection.close()
    dimension = int(meta["dimension"])
    passages = [Passage(**json.loads(body)) for body, _, _, _ in passage_rows]
    rows = {passage.id: row for row, passage in enumerate(passages)}
    vectors = vectors_of([(dtype, data) for _, _, dtype, data in passage_rows], dimension, "float32")
    tokens = [tokens.split(TOKEN_SEPARATOR) for _, tokens, _, _ in passage_rows]
    backend = FaissBm25Backend(DenseIndex.build(vectors, settings.exact_below, settings.target_recall),
                               LexicalIndex.from_tokens(tokens))
    spans = np.array([(rows[pid], start, end) for pid, start, end, _, _ in sentence_rows],
                     dtype=np.int32).reshape(-1, 3)
    sentences = SentenceTable.from_arrays(
        spans, vectors_of([(dtype, data) for *_, dtype, data in sentence_rows], dimension, "float16"), len(passages))
    manifest = meta | {"backend": backend.info["name"], "dense_index": backend.info["dense_index"],
                       "documents": len(documents), "passages": len(passages), "sentences": len(sentences)}
    return Index(folder, manifest, {d.id: d for d in documents}, passages, backend, sentences)
