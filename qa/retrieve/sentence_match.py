"""Dense scores that credit a passage's best sentence: a question usually asks about one sentence, and a long
passage's single vector blurs it among the passage's other topics (many paragraphs of one article then look alike)."""

from __future__ import annotations

import numpy as np

from qa.index.backend import Ranking
from qa.index.sentences import SentenceTable, sentence_rows


def with_best_sentence(ranking: Ranking, query_vector: np.ndarray, sentences: SentenceTable, share: float) -> Ranking:
    """Rescore dense hits as ``(1 − share) · passage similarity + share · best sentence's similarity``, best first.

    Args:
        ranking: the dense side's passages and similarities.
        query_vector: the question's normalised embedding.
        sentences: the index's sentence table.
        share: weight of the best sentence (0 keeps the ranking as it is).

    Returns:
        The same passages, rescored and re-sorted; a passage without sentences keeps its own similarity.
    """
    scores, rows = ranking
    if share == 0 or len(rows) == 0:
        return ranking
    members, counts = sentence_rows(sentences.first, rows)
    offsets = np.concatenate([[0], np.cumsum(counts)[:-1]])
    similarities = sentences.rows_of(members) @ query_vector.astype(np.float32)
    best = scores.astype(np.float32)
    present = counts > 0
    if similarities.size:
        best[present] = np.maximum.reduceat(similarities, offsets[present])
    blended = (1 - share) * scores + share * best
    order = np.argsort(-blended, kind="stable")
    return blended[order].astype(np.float32), rows[order]
