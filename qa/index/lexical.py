"""Lexical index: BM25 (bm25s) over jieba words of the folded text."""

from __future__ import annotations

import math
import os
from array import array
from collections.abc import Callable, Iterable
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

import numpy as np

from qa.text.tokenize import tokenize

if TYPE_CHECKING:
    import bm25s


BM25_K1 = 1.5
"""BM25 term-frequency saturation (bm25s's default), for every backend."""
BM25_B = 0.75
"""BM25 length normalisation (bm25s's default), for every backend."""


def load_bm25s() -> ModuleType:
    """Import bm25s with JAX kept on the CPU (``JAX_PLATFORMS=cpu`` unless set already; qa never uses JAX).

    Where JAX is installed, importing bm25s runs a JAX operation (its top-k probe), and JAX on a GPU then takes
    75% of the GPU's memory: on an H200 that left the encoder none (CUDA out of memory in ``qa build``).
    """
    os.environ.setdefault("JAX_PLATFORMS", "cpu")
    import bm25s

    return bm25s


def bm25_idf(passages: int, frequency: int) -> float:
    """BM25 inverse document frequency (bm25s's and Lucene's form) of a word held by ``frequency`` of ``passages``."""
    return math.log(1 + (passages - frequency + 0.5) / (frequency + 0.5))


WORDS_CHANGED = "the passages' search words changed between the two readings"
"""Why a streamed build (:meth:`LexicalIndex.from_tokens`) is refused."""

SEARCHED_FIELDS = "title, text"
"""The passage fields BM25 indexes, in order (part of every document's digest, so that an index written with
other fields is re-read on its next build)."""


def searched_text(title: str, text: str) -> str:
    """What BM25 indexes of a passage: its document's title, then its own text. The dense side reads the title too
    (the model's document prompt); without it, passages of one article that name their subject only by a pronoun
    lose to the one passage that spells it out."""
    return f"{title}\n{text}" if title else text


def passage_words(title: str, text: str) -> list[str]:
    """A passage's search words (see :func:`searched_text`)."""
    return tokenize(searched_text(title, text))


class LexicalIndex:
    """BM25 over passage words; queries use the same tokenizer.

    Args:
        retriever: a fitted ``bm25s.BM25``, or ``None`` for an index with no passages.
    """

    def __init__(self, retriever: bm25s.BM25 | None) -> None:
        self.retriever = retriever
        self._document_frequency: np.ndarray | None = None

    @classmethod
    def build(cls, texts: list[str]) -> "LexicalIndex":
        """Index passage texts (in passage order)."""
        return cls.from_tokens(lambda: (tokenize(text) or [""] for text in texts))

    @classmethod
    def from_tokens(cls, tokens: Callable[[], Iterable[list[str]]]) -> "LexicalIndex":
        """Index passages already cut into search words, read twice so that the corpus is never held.

        The first reading numbers the words and counts the passages holding each; the second writes each
        passage's BM25 scores straight into their places in the score matrix. The build so holds the matrix
        itself (eight bytes a distinct word of a passage) and the vocabulary, where bm25s's own ``index`` holds
        every passage's word ids and about five copies of the matrix to sort. Scores and layout are bm25s's
        ("lucene" BM25, stored by word), pinned against ``bm25s.BM25.index`` in ``tests/test_lexical.py``.

        Args:
            tokens: gives every passage's search words, in passage order, afresh at each call.

        Returns:
            The index (one of no passages where ``tokens`` gives none).

        Raises:
            ValueError: the two readings of ``tokens`` differ in their passages.
        """
        vocabulary: dict[str, int] = {}
        holding = array("q")
        lengths = array("q")
        for words in tokens():
            ids = {vocabulary.setdefault(word, len(vocabulary)) for word in words}
            holding.frombytes(bytes(holding.itemsize * (len(vocabulary) - len(holding))))
            for word_id in ids:
                holding[word_id] += 1
            lengths.append(len(words))
        if not lengths:
            return cls(None)
        passages = len(lengths)
        indptr = np.zeros(len(vocabulary) + 1, dtype=np.int64)
        np.cumsum(np.frombuffer(holding, dtype=np.int64), out=indptr[1:])
        idf = np.array([bm25_idf(passages, frequency) for frequency in holding], dtype=np.float32)
        average_length = np.frombuffer(lengths, dtype=np.int64).mean()
        scores = np.empty(indptr[-1], dtype=np.float32)
        rows = np.empty(indptr[-1], dtype=np.int32)
        free = indptr[:-1].copy()
        row = -1
        for row, words in enumerate(tokens()):
            if row >= passages:
                break
            try:
                ids, counts = np.unique(np.fromiter((vocabulary[word] for word in words), dtype=np.int64,
                                                    count=len(words)), return_counts=True)
            except KeyError as unknown:
                raise ValueError(WORDS_CHANGED) from unknown
            frequency = counts.astype(np.float32)
            saturation = frequency / (BM25_K1 * ((1 - BM25_B) + BM25_B * len(words) / average_length) + frequency)
            places = free[ids]
            if (places >= indptr[ids + 1]).any():
                raise ValueError(WORDS_CHANGED)
            scores[places] = idf[ids] * saturation
            rows[places] = row
            free[ids] += 1
        if row + 1 != passages or not np.array_equal(free, indptr[1:]):
            raise ValueError(WORDS_CHANGED)
        # What ``bm25s.BM25.index`` sets, with the padding word it appends to the vocabulary:
        vocabulary.setdefault("", len(vocabulary))
        retriever = load_bm25s().BM25(k1=BM25_K1, b=BM25_B)
        retriever.scores = {"data": scores, "indices": rows, "indptr": indptr, "num_docs": passages}
        retriever.vocab_dict = vocabulary
        retriever.unique_token_ids_set = set(vocabulary.values())
        retriever.nonoccurrence_array = None
        return cls(retriever)

    def save(self, folder: Path) -> None:
        """Write the index into a new folder (an index of no passages has nothing to write).

        Raises:
            ValueError: it holds no passages.
        """
        if self.retriever is None:
            raise ValueError("an empty lexical index is not stored")
        self.retriever.save(folder, show_progress=False)

    @classmethod
    def open(cls, folder: Path) -> "LexicalIndex":
        """Map an index that :meth:`save` wrote (its score matrix stays in the files).

        Raises:
            OSError: the folder cannot be read.
            ValueError: its files are damaged.
        """
        return cls(load_bm25s().BM25.load(folder, mmap=True, show_progress=False, verbosity=0))

    def idf(self, word: str) -> float:
        """BM25 inverse document frequency of a (folded) word; a word no passage holds gets the maximum.

        Reads bm25s's score matrix, stored by word in compressed sparse rows (``scores["indptr"]``: one row per
        vocabulary entry, its length the number of passages holding the word); ``tests/test_lexical.py`` pins it.
        """
        if self.retriever is None:
            return bm25_idf(0, 0)
        if self._document_frequency is None:
            indptr = np.asarray(self.retriever.scores["indptr"])
            self._document_frequency = np.diff(indptr)
        count = int(self.retriever.scores["num_docs"])
        row = self.retriever.vocab_dict.get(word)
        frequency = int(self._document_frequency[row]) if row is not None and row < len(self._document_frequency) \
            else 0
        return bm25_idf(count, frequency)

    def search(self, query: str, k: int) -> tuple[np.ndarray, np.ndarray]:
        """Return BM25 scores and passage rows of the ``k`` best passages that share a word with ``query``."""
        if self.retriever is None or k <= 0:
            return np.zeros(0, dtype=np.float32), np.zeros(0, dtype=np.int64)
        vocabulary = self.retriever.vocab_dict
        words = [word for word in tokenize(query) if word in vocabulary]
        if not words:
            return np.zeros(0, dtype=np.float32), np.zeros(0, dtype=np.int64)
        scores = self.retriever.get_scores(words)
        k = min(k, int(np.count_nonzero(scores > 0)))
        if k == 0:
            return np.zeros(0, dtype=np.float32), np.zeros(0, dtype=np.int64)
        rows = np.argpartition(-scores, k - 1)[:k]
        rows = rows[np.argsort(-scores[rows], kind="stable")]
        return scores[rows].astype(np.float32), rows.astype(np.int64)
