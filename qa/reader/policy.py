"""When to answer and when to decline: the four thresholds as one policy (see ``scripts/calibrate_decline.py``)."""

from __future__ import annotations

from dataclasses import dataclass

from qa.config import Settings


@dataclass(frozen=True)
class Support:
    """What backs the best candidate: its score, and its sentence's word coverage and embedding similarity (``late``
    when the sentence's vector was pooled from its passage's forward pass, whose similarities run lower)."""

    score: float
    coverage: float
    dense: float
    late: bool


@dataclass(frozen=True)
class DeclinePolicy:
    """Answer only when the best candidate is well supported.

    Attributes:
        threshold: minimum candidate score.
        min_coverage: minimum share of the question's word weight in the answer's sentence ...
        min_dense: ... unless the sentence's embedding similarity reaches this (separately embedded sentences).
        min_dense_late: the same for late-chunked sentence vectors.
        min_dense_english: for English questions (no word coverage with Chinese text), the similarity needed.
    """

    threshold: float
    min_coverage: float
    min_dense: float
    min_dense_late: float
    min_dense_english: float

    @classmethod
    def from_settings(cls, settings: Settings) -> "DeclinePolicy":
        """The policy configured by ``QA_ANSWER_*``: the score threshold of the ranker in use (the learned one scores
        in log-odds, the hand-set one in its own units)."""
        learned = settings.answer_ranker == "learned"
        threshold = settings.answer_threshold_learned if learned else settings.answer_threshold
        return cls(threshold, settings.answer_min_coverage, settings.answer_min_dense,
                   settings.answer_min_dense_late, settings.answer_min_dense_english)

    def accepts(self, support: Support, english: bool) -> bool:
        """Whether an answer with this support is given."""
        if support.score < self.threshold:
            return False
        if english:
            return support.dense >= self.min_dense_english
        return support.coverage >= self.min_coverage or support.dense >= (
            self.min_dense_late if support.late else self.min_dense)
