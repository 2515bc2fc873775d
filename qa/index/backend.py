"""The search backend interface, and the embedded default: FAISS for vectors beside bm25s for words.

A backend holds the passage vectors and words in passage-row order and answers the two searches the
retriever needs, plus word statistics for the reader. The other backend, a Milvus collection
(:mod:`qa.index.milvus_backend`), implements the same few methods; ``Settings.backend`` chooses.
"""

from __future__ import annotations

from typing import Protocol

import numpy as np

from qa.index.dense import DenseIndex
from qa.index.lexical import LexicalIndex

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

    def __init__(self, dense: DenseIndex, lexical: LexicalIndex) -> None:
        self.dense = dense
        self.lexical = lexical
        self.info = {"backend": "faiss+bm25s", "dense_index": dense.info, "lexical": "bm25s"}

    def __len__(self) -> int:
        return len(self.dense)

    def search_dense(self, vector: np.ndarray, k: int) -> Ranking:
        return self.dense.search(vector, k)

    def search_lexical(self, query: str, k: int) -> Ranking:
        return self.lexical.search(query, k)

    def idf(self, word: str) -> float:
        return self.lexical.idf(word)
