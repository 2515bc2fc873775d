"""The search backend interface, and the embedded default: FAISS for vectors beside bm25s for words.

A backend holds the passage vectors and words in passage-row order and answers the two searches the
retriever needs, plus word statistics for the reader. The other backend, a Milvus collection
(:mod:`qa.index.milvus_backend`), implements the same few methods; ``Settings.backend`` chooses.
"""

from __future__ import annotations

import logging
import shutil
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Protocol, TypeVar

import numpy as np

from qa.config import Settings
from qa.index.arrays import Rows2D, save_beside
from qa.index.dense import DenseIndex
from qa.index.lexical import LexicalIndex

log = logging.getLogger(__name__)
Stored = TypeVar("Stored", DenseIndex, LexicalIndex)

Ranking = tuple[np.ndarray, np.ndarray]
"""Scores and passage rows, best first."""


class SearchBackend(Protocol):
    """What retrieval and the reader ask of an index backend."""

    info: dict
    """What the manifest and /health show: ``backend`` (its name), ``dense_index``, ``lexical``."""

    def __len__(self) -> int: ...

    def search_dense(self, vector: np.ndarray, k: int) -> Ranking:
        """The ``k`` passages nearest to a normalised query vector (inner product)."""

    def search_lexical(self, query: str, k: int) -> Ranking:
        """The ``k`` best BM25 passages that share a word with ``query``."""

    def idf(self, word: str) -> float:
        """Inverse document frequency of a folded word."""


class FaissBm25Backend:
    """FAISS inner-product search (exact, or IVF above a size) and bm25s over jieba words, in one process.

    Args:
        dense: the vector index.
        lexical: the word index.
    """

    DENSE = "dense"
    LEXICAL = "lexical"

    def __init__(self, dense: DenseIndex, lexical: LexicalIndex) -> None:
        self.dense = dense
        self.lexical = lexical
        self.info = {"backend": "faiss+bm25s", "dense_index": dense.info, "lexical": "bm25s"}

    @classmethod
    def opened(cls, folder: Path | None) -> "FaissBm25Backend | None":
        """The backend stored whole in a generation's folder, mapped; ``None`` where either index is missing or
        cannot be read (a damaged one is removed)."""
        dense = mapped(folder / cls.DENSE if folder else None, DenseIndex.open)
        lexical = mapped(folder / cls.LEXICAL if folder else None, LexicalIndex.open) if dense else None
        return cls(dense, lexical) if dense and lexical else None

    @classmethod
    def stored_or_built(cls, folder: Path | None, vectors: Rows2D, words: Callable[[], Iterable[list[str]]] | None,
                        settings: Settings, previous: "FaissBm25Backend | None") -> "FaissBm25Backend":
        """The backend of one generation: each index mapped from the generation's folder where stored there, else
        built (then stored and mapped, where the folder can be written).

        Args:
            folder: the generation's folder, or ``None`` when its arrays are in memory.
            vectors: the passage vectors, in passage order.
            words: gives each passage's search words afresh at each call (needed unless the lexical index is
                stored; read twice).
            settings: how the vector index is chosen.
            previous: the backend served before, whose trained IVF cells a new vector index keeps.

        Raises:
            ValueError: the lexical index must be built and ``words`` is ``None``.
        """
        dense = mapped(folder / cls.DENSE if folder else None, DenseIndex.open)
        if dense is None:
            dense = (previous.dense.refilled(vectors, settings.exact_below, settings.target_recall) if previous
                     else DenseIndex.build(vectors, settings.exact_below, settings.target_recall))
            dense = mapped(save_beside(folder, cls.DENSE, dense.save), DenseIndex.open) or dense
        lexical = mapped(folder / cls.LEXICAL if folder else None, LexicalIndex.open)
        if lexical is None:
            if words is None:
                raise ValueError("the passages' search words are needed to build the lexical index")
            lexical = LexicalIndex.from_tokens(words)
            if lexical.retriever is not None:
                lexical = mapped(save_beside(folder, cls.LEXICAL, lexical.save), LexicalIndex.open) or lexical
        return cls(dense, lexical)

    def __len__(self) -> int:
        return len(self.dense)

    def search_dense(self, vector: np.ndarray, k: int) -> Ranking:
        return self.dense.search(vector, k)

    def search_lexical(self, query: str, k: int) -> Ranking:
        return self.lexical.search(query, k)

    def idf(self, word: str) -> float:
        return self.lexical.idf(word)


def mapped(path: Path | None, open_: Callable[[Path], Stored]) -> Stored | None:
    """What ``open_`` maps from ``path``, or ``None`` where nothing is stored there; a stored index that cannot be
    read is removed, so that it is stored again."""
    if path is None or not path.is_dir():
        return None
    try:
        return open_(path)
    except (OSError, RuntimeError, ValueError) as error:
        log.warning("stored index %s unreadable (%s); building it again", path, error)
        shutil.rmtree(path, ignore_errors=True)
        return None
