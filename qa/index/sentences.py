"""The sentence table: every sentence of every passage with its vector, for answers and summaries."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from qa.index.arrays import Rows2D
from qa.schema import Passage
from qa.text.normalize import sentence_spans


@dataclass
class SentenceTable:
    """``spans`` rows are ``(passage_row, start, end)`` in passage offsets, ``vectors`` their normalised embeddings
    (float16, as stored, in memory or read from the generation's file by row: take rows with :meth:`rows_of` for
    float32 arithmetic), ``first`` the first row of each passage."""

    spans: np.ndarray
    vectors: Rows2D
    first: np.ndarray

    @classmethod
    def from_arrays(cls, spans: np.ndarray, vectors: Rows2D, passages: int) -> "SentenceTable":
        """Index the rows by passage."""
        first = np.searchsorted(spans[:, 0], np.arange(passages + 1)).astype(np.int64)
        return cls(spans, vectors, first)

    def rows_of(self, rows: list[int] | np.ndarray) -> np.ndarray:
        """The vectors of some sentences, as float32."""
        return self.vectors[rows].astype(np.float32)

    def of_passage(self, row: int) -> list[tuple[int, int, int]]:
        """``(sentence_row, start, end)`` of each sentence of one passage, offsets into the passage text."""
        return [(r, int(self.spans[r, 1]), int(self.spans[r, 2])) for r in range(int(self.first[row]),
                                                                                 int(self.first[row + 1]))]

    def __len__(self) -> int:
        return len(self.spans)


def sentence_rows(first: np.ndarray, passages: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The sentence rows of some passage rows, passage after passage, and how many each passage has.

    Args:
        first: each passage's first sentence row, then one past the last sentence.
        passages: passage rows.
    """
    starts, counts = first[passages], first[passages + 1] - first[passages]
    offsets = np.concatenate([[0], np.cumsum(counts)[:-1]]).astype(np.int64)
    return np.repeat(starts - offsets, counts) + np.arange(int(counts.sum())), counts


def passage_sentences(passages: list[Passage]) -> np.ndarray:
    """``(passage_row, start, end)`` of each sentence, in passage order."""
    rows = [(row, a, b) for row, p in enumerate(passages) for a, b in sentence_spans(p.text)]
    return np.array(rows, dtype=np.int32).reshape(-1, 3)
