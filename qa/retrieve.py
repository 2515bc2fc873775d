"""Retrieval: dense, lexical or hybrid (fused) ranking of passages for a question."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Literal

import numpy as np

from qa.embed import Embedder
from qa.fusion import reciprocal_rank_fusion, score_fusion
from qa.ingest import Passage
from qa.store import Index

Mode = Literal["hybrid", "dense", "lexical"]
MODES: tuple[str, ...] = ("hybrid", "dense", "lexical")


@dataclass
class Hit:
    """One retrieved passage with its fused score and each component's score and rank."""

    passage: Passage
    score: float
    dense_score: float | None = None
    dense_rank: int | None = None
    lexical_score: float | None = None
    lexical_rank: int | None = None


@dataclass
class Retrieval:
    """The ranked hits for one question, with per-stage timings in milliseconds."""

    hits: list[Hit]
    timings: dict[str, float] = field(default_factory=dict)
    query_vector: np.ndarray | None = None


class Retriever:
    """Searches one loaded index with one embedder.

    Args:
        index: the loaded index.
        embedder: the model that built the index.
        fusion: ``rrf`` or ``score``.
        rrf_k: reciprocal-rank-fusion constant.
        candidates: how many candidates each index contributes before fusion.
    """

    def __init__(self, index: Index, embedder: Embedder, fusion: str = "rrf", rrf_k: int = 60,
                 candidates: int = 50) -> None:
        self.index = index
        self.embedder = embedder
        self.fusion = fusion
        self.rrf_k = rrf_k
        self.candidates = candidates

    def search(self, question: str, top_k: int = 5, mode: Mode = "hybrid") -> Retrieval:
        """Rank passages for ``question``.

        Args:
            question: the question, in any script or width.
            top_k: how many hits to return.
            mode: ``hybrid``, ``dense`` or ``lexical``.

        Returns:
            Hits, best first, and stage timings.
        """
        if mode not in MODES:
            raise ValueError(f"unknown mode {mode!r}; use one of {', '.join(MODES)}")
        timings: dict[str, float] = {}
        depth = max(top_k, self.candidates)
        dense = lexical = (np.zeros(0, dtype=np.float32), np.zeros(0, dtype=np.int64))
        vector = None
        if mode in ("hybrid", "dense"):
            clock = time.perf_counter()
            vector = self.embedder.encode_queries([question])[0]
            timings["embed_ms"] = (time.perf_counter() - clock) * 1000
            clock = time.perf_counter()
            dense = self.index.dense.search(vector, depth)
            timings["dense_ms"] = (time.perf_counter() - clock) * 1000
        if mode in ("hybrid", "lexical"):
            clock = time.perf_counter()
            lexical = self.index.lexical.search(question, depth)
            timings["lexical_ms"] = (time.perf_counter() - clock) * 1000
        clock = time.perf_counter()
        if mode == "dense":
            fused = dict(zip(dense[1].tolist(), dense[0].tolist()))
        elif mode == "lexical":
            fused = dict(zip(lexical[1].tolist(), lexical[0].tolist()))
        elif self.fusion == "score":
            fused = score_fusion([dense, lexical])
        else:
            fused = reciprocal_rank_fusion([dense[1], lexical[1]], self.rrf_k)
        ranked = sorted(fused.items(), key=lambda item: (-item[1], item[0]))[:top_k]
        hits = [self._hit(row, score, dense, lexical) for row, score in ranked]
        timings["fusion_ms"] = (time.perf_counter() - clock) * 1000
        return Retrieval(hits, timings, vector)

    def _hit(self, row: int, score: float, dense: tuple, lexical: tuple) -> Hit:
        hit = Hit(self.index.passages[row], float(score))
        for (scores, rows), name in ((dense, "dense"), (lexical, "lexical")):
            found = np.flatnonzero(rows == row)
            if len(found):
                setattr(hit, f"{name}_score", float(scores[found[0]]))
                setattr(hit, f"{name}_rank", int(found[0]) + 1)
        return hit
