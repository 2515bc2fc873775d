"""Sentence-graph algorithms: LexRank centrality, TF-IDF similarity, maximal marginal relevance."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from qa.text.tokenize import tokenize

if TYPE_CHECKING:
    from scipy.sparse import csr_matrix


def lexrank(similarity: np.ndarray, damping: float = 0.85, iterations: int = 50) -> np.ndarray:
    """Stationary scores of a random walk over a similarity graph (LexRank, continuous weights).

    Args:
        similarity: square non-negative similarity matrix.
        damping: probability of following an edge.
        iterations: power-iteration steps.

    Returns:
        Scores summing to 1.
    """
    size = len(similarity)
    if size == 0:
        return np.zeros(0)
    weights = np.clip(similarity, 0, None).astype(np.float64)
    np.fill_diagonal(weights, 0)
    totals = weights.sum(axis=1, keepdims=True)
    transition = np.divide(weights, totals, out=np.full_like(weights, 1 / size), where=totals > 0)
    scores = np.full(size, 1 / size)
    for _ in range(iterations):
        scores = (1 - damping) / size + damping * scores @ transition
    return scores / scores.sum()


def tfidf_vectors(texts: list[str]) -> csr_matrix:
    """Sentences as unit-length TF-IDF vectors of their jieba words (a sparse row per text; empty rows stay zero)."""
    from scipy.sparse import csr_matrix

    vocabulary: dict[str, int] = {}
    rows, cols = [], []
    for row, text in enumerate(texts):
        for word in tokenize(text):
            rows.append(row)
            cols.append(vocabulary.setdefault(word, len(vocabulary)))
    matrix = csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(texts), max(1, len(vocabulary))))
    matrix.sum_duplicates()
    frequency = np.bincount(matrix.indices, minlength=matrix.shape[1])
    matrix = matrix.multiply(np.log((1 + len(texts)) / (1 + frequency)) + 1).tocsr()
    norms = np.sqrt(matrix.multiply(matrix).sum(axis=1)).A.ravel()
    norms[norms == 0] = 1
    return matrix.multiply(1 / norms[:, None]).tocsr()


def lexrank_of_vectors(vectors: csr_matrix, damping: float = 0.85, iterations: int = 50) -> np.ndarray:
    """:func:`lexrank` of the cosine graph ``vectors @ vectors.T`` without building that n×n matrix.

    Each step multiplies by the vectors twice, so time and memory grow with their non-zero entries, not with
    the square of their number. The scores equal ``lexrank(vectors @ vectors.T)`` when no entry is negative.

    Args:
        vectors: non-negative row vectors (such as :func:`tfidf_vectors`).
        damping: probability of following an edge.
        iterations: power-iteration steps.

    Returns:
        Scores summing to 1.
    """
    size = vectors.shape[0]
    if size == 0:
        return np.zeros(0)
    self_similarity = np.asarray(vectors.multiply(vectors).sum(axis=1)).ravel()
    totals = vectors @ np.asarray(vectors.sum(axis=0)).ravel() - self_similarity
    linked = totals > 0
    scores = np.full(size, 1 / size)
    for _ in range(iterations):
        share = np.divide(scores, totals, out=np.zeros(size), where=linked)
        flow = vectors @ (vectors.T @ share) - self_similarity * share
        scores = (1 - damping) / size + damping * (flow + scores[~linked].sum() / size)
    return scores / scores.sum()


def mmr(relevance: np.ndarray, similarity: np.ndarray, lengths: list[int], max_sentences: int,
        max_chars: int | None, diversity: float, max_redundancy: float) -> list[int]:
    """Maximal marginal relevance: pick relevant sentences that do not say the same thing.

    Args:
        relevance: score of each sentence.
        similarity: sentence-by-sentence similarity.
        lengths: characters of each sentence.
        max_sentences: at most this many sentences.
        max_chars: at most this many characters in all (the best sentence is kept even if longer).
        diversity: weight of the redundancy penalty (0 = relevance only).
        max_redundancy: a sentence this similar to a chosen one is never added.

    Returns:
        Indexes of the chosen sentences, in the order chosen.
    """
    chosen: list[int] = []
    used = 0
    remaining = set(range(len(relevance)))
    while remaining and len(chosen) < max_sentences:
        def gain(i: int) -> float:
            redundancy = max((similarity[i, j] for j in chosen), default=0.0)
            return (1 - diversity) * relevance[i] - diversity * redundancy

        best = max(sorted(remaining), key=gain)
        remaining.discard(best)
        if max_chars is not None and chosen and used + lengths[best] > max_chars:
            continue
        if chosen and max((similarity[best, j] for j in chosen), default=0.0) > max_redundancy:
            continue
        chosen.append(best)
        used += lengths[best]
    return chosen


def normalise(values: np.ndarray) -> np.ndarray:
    """Scale to 0..1 (all ones when flat)."""
    if len(values) == 0:
        return values
    low, high = float(values.min()), float(values.max())
    return (values - low) / (high - low) if high > low else np.ones_like(values, dtype=np.float64)

