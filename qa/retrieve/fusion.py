"""Fusing ranked lists: reciprocal-rank fusion and normalised score fusion."""

from __future__ import annotations

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


def score_fusion(results: list[tuple[np.ndarray, np.ndarray]], weights: list[float] | None = None) -> dict[int, float]:
    """Score each item by the weighted sum of its min-max normalised scores (0 where a list lacks it).

    Args:
        results: ``(scores, items)`` per ranking.
        weights: one weight per ranking (default: equal).

    Returns:
        Fused score per item.
    """
    weights = weights or [1.0] * len(results)
    fused: dict[int, float] = {}
    for (scores, items), weight in zip(results, weights):
        if len(scores) == 0:
            continue
        low, high = float(scores.min()), float(scores.max())
        spread = high - low
        for score, item in zip(scores.tolist(), items.tolist()):
            normalised = (score - low) / spread if spread > 0 else 1.0
            fused[item] = fused.get(item, 0.0) + weight * normalised
    return fused
