"""The candidate ranker: a linear score over the candidate features (:data:`qa.reader.ranking.FEATURES`), either
the hand-set weights of :class:`ReaderWeights` or weights learned from public data (``scripts/train_ranker.py``)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from qa.reader.ranking import FEATURES
from qa.reader.weights import ReaderWeights


@dataclass(frozen=True)
class LinearRanker:
    """``score = Σ coefficients[f] · feature f + intercept``.

    Attributes:
        coefficients: weight of each feature by name (a feature not named weighs 0).
        intercept: constant term.
        source: what made the weights (data, script, cross-validated figures), as recorded in their file.
    """

    coefficients: dict[str, float]
    intercept: float = 0.0
    source: dict = field(default_factory=dict)

    @classmethod
    def hand_set(cls, weights: ReaderWeights) -> "LinearRanker":
        """The hand-set ranking of :class:`ReaderWeights` as a linear ranker."""
        return cls({"sentence": 1.0, "type_match": weights.type_match, "type_compatible": weights.type_compatible,
                    "echo": -weights.question_words_penalty, "slot": weights.slot_overlap,
                    "naming_quote": weights.naming_quote, "proximity": weights.proximity,
                    "measure_match": weights.measure_match, "measure_mismatch": -weights.measure_mismatch,
                    "counted_noun": weights.counted_noun, "english_people": weights.english_people,
                    "clause": -weights.clause_penalty, "chunk": -weights.chunk_penalty,
                    "asked_noun": weights.asked_noun, "predicate": -weights.predicate_penalty,
                    "long_chars": -weights.long_answer_penalty,
                    "agreement": weights.agreement}, source={"made_by": "hand, on the seed gold questions"})

    @classmethod
    def load(cls, path: Path) -> "LinearRanker":
        """Weights written by ``scripts/train_ranker.py``."""
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        unknown = set(data["coefficients"]) - set(FEATURES)
        if unknown:
            raise ValueError(f"{path}: unknown ranker features {sorted(unknown)}")
        return cls(data["coefficients"], data["intercept"], data.get("source", {}))

    def vector(self) -> np.ndarray:
        """The coefficients in :data:`FEATURES` order."""
        return np.array([self.coefficients.get(name, 0.0) for name in FEATURES])

    def score(self, rows: np.ndarray) -> np.ndarray:
        """Scores of candidate feature rows (one row per candidate)."""
        return rows @ self.vector() + self.intercept if len(rows) else np.zeros(0)
