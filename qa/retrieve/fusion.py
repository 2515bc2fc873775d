"""Fusing ranked lists: reciprocal-rank fusion and normalised score fusion."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np


def reciprocal_rank_fusion(rankings: list[np.ndarray], k: int) -> dict[int, float]:
    """Score each item by the sum of ``1 / (k + rank)`` over the rankings it appears in.

    Args:
        rankings: item ids per ranking, best first.
        k: smoothing constant.

    Returns:
        Fused score per item.
    """
    fused: dict[int, float] = {}
    for ranking in rankings:
        for rank, item in enumerate(ranking.tolist(), 1):
            fused[item] = fused.get(item, 0.0) + 1.0 / (k + rank)
    return fused


def min_max(scores: np.ndarray) -> np.ndarray:
    """Scores mapped onto [0, 1] by the list's own range (all 1 where the list is flat): every list's best counts
    the same, however far ahead of the rest it is."""
    low, high = float(scores.min()), float(scores.max())
    return (scores - low) / (high - low) if high > low else np.ones_like(scores)


def z_score(scores: np.ndarray) -> np.ndarray:
    """Scores in standard deviations from the list's mean (all 0 where the list is flat): a list whose best stands
    far above the rest, a side that is sure of its answer, counts for more than one whose scores are close."""
    spread = float(scores.std())
    return (scores - float(scores.mean())) / spread if spread > 0 else np.zeros_like(scores)


NORMALISERS: dict[str, Callable[[np.ndarray], np.ndarray]] = {"score": min_max, "zscore": z_score}
"""How each score-fusion kind puts the two sides' scores on one scale."""


def score_fusion(results: list[tuple[np.ndarray, np.ndarray]], weights: list[float],
                 normalise: Callable[[np.ndarray], np.ndarray]) -> dict[int, float]:
    """Score each item by the weighted sum of its normalised scores (0 where a list lacks it).

    Args:
        results: ``(scores, items)`` per ranking.
        weights: one weight per ranking.
        normalise: puts one list's scores on the common scale (:func:`min_max` or :func:`z_score`).

    Returns:
        Fused score per item.
    """
    fused: dict[int, float] = {}
    for (scores, items), weight in zip(results, weights):
        if len(scores) == 0:
            continue
        for value, item in zip(normalise(scores.astype(np.float64)).tolist(), items.tolist()):
            fused[item] = fused.get(item, 0.0) + weight * value
    return fused
