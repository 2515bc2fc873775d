"""Retrieval: dense, lexical or hybrid (fused) ranking of passages for a question."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import numpy as np

from qa.config import Settings
from qa.embed import Embedder
from qa.index import Index
from qa.index.backend import Ranking
from qa.retrieve.fusion import NORMALISERS, reciprocal_rank_fusion, score_fusion
from qa.retrieve.sentence_match import with_best_sentence
from qa.schema import MODES, Hit, Mode

EMPTY: Ranking = (np.zeros(0, dtype=np.float32), np.zeros(0, dtype=np.int64))


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
        fusion: ``zscore``, ``score`` (min-max) or ``rrf``.
        rrf_k: reciprocal-rank-fusion constant.
        candidates: how many candidates each side contributes before fusion.
        sentence_share: weight of a passage's best sentence in its dense score.
        dense_weight: weight of the dense side in score fusion (the lexical side weighs 1).
    """

    def __init__(self, index: Index, embedder: Embedder, fusion: str, rrf_k: int, candidates: int,
                 sentence_share: float, dense_weight: float) -> None:
        self.index = index
        self.embedder = embedder
        self.fusion = fusion
        self.rrf_k = rrf_k
        self.candidates = candidates
        self.sentence_share = sentence_share
        self.dense_weight = dense_weight

    @classmethod
    def from_settings(cls, index: Index, embedder: Embedder, settings: Settings) -> "Retriever":
        """A retriever configured by ``settings``."""
        return cls(index, embedder, settings.fusion, settings.rrf_k, settings.candidates,
                   settings.dense_sentence_share, settings.fusion_dense_weight)

    def search(self, question: str, top_k: int, mode: Mode = "hybrid") -> Retrieval:
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
        backend = self.index.backend
        dense = lexical = EMPTY
        vector = None
        if mode in ("hybrid", "dense"):
            clock = time.perf_counter()
            vector = self.embedder.encode_queries([question])[0]
            timings["embed_ms"] = (time.perf_counter() - clock) * 1000
            clock = time.perf_counter()
            dense = with_best_sentence(backend.search_dense(vector, depth), vector, self.index.sentences,
                                       self.sentence_share)
            timings["dense_ms"] = (time.perf_counter() - clock) * 1000
        if mode in ("hybrid", "lexical"):
            clock = time.perf_counter()
            lexical = backend.search_lexical(question, depth)
            timings["lexical_ms"] = (time.perf_counter() - clock) * 1000
        clock = time.perf_counter()
        fused = self.fuse(mode, dense, lexical)
        ranked = sorted(fused.items(), key=lambda item: (-item[1], item[0]))[:top_k]
        hits = [self._hit(row, score, dense, lexical) for row, score in ranked]
        timings["fusion_ms"] = (time.perf_counter() - clock) * 1000
        return Retrieval(hits, timings, vector)

    def fuse(self, mode: Mode, dense: Ranking, lexical: Ranking) -> dict[int, float]:
        """One score per passage row: a single side's own scores, or the two sides fused."""
        if mode == "dense":
            return dict(zip(dense[1].tolist(), dense[0].tolist()))
        if mode == "lexical":
            return dict(zip(lexical[1].tolist(), lexical[0].tolist()))
        if self.fusion in NORMALISERS:
            return score_fusion([dense, lexical], [self.dense_weight, 1.0], NORMALISERS[self.fusion])
        return reciprocal_rank_fusion([dense[1], lexical[1]], self.rrf_k)

    def _hit(self, row: int, score: float, dense: Ranking, lexical: Ranking) -> Hit:
        hit = Hit(self.index.passages[row], float(score))
        for (scores, rows), name in ((dense, "dense"), (lexical, "lexical")):
            found = np.flatnonzero(rows == row)
            if len(found):
                setattr(hit, f"{name}_score", float(scores[found[0]]))
                setattr(hit, f"{name}_rank", int(found[0]) + 1)
        return hit
