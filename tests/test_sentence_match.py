"""Dense scores that credit a passage's best sentence (qa/retrieve/sentence_match.py), on hand-made vectors."""

import numpy as np

from qa.index.sentences import SentenceTable
from qa.retrieve.sentence_match import with_best_sentence


def unit(*values: float) -> np.ndarray:
    vector = np.array(values, dtype=np.float32)
    return vector / np.linalg.norm(vector)


QUERY = unit(1, 0, 0)
# Passage 0: close overall, no sentence on the point; passage 1: further overall, one sentence right on it;
# passage 2: no sentences.
SENTENCES = SentenceTable.from_arrays(
    np.array([[0, 0, 5], [0, 5, 9], [1, 0, 4], [1, 4, 8], [1, 8, 12]], dtype=np.int32),
    np.stack([unit(1, 1, 0), unit(1, 0, 1), unit(0, 1, 0), unit(1, 0, 0), unit(0, 0, 1)]).astype(np.float16),
    passages=3)
RANKING = (np.array([0.8, 0.6, 0.5], dtype=np.float32), np.array([0, 1, 2]))


def test_share_zero_keeps_the_ranking():
    scores, rows = with_best_sentence(RANKING, QUERY, SENTENCES, 0.0)
    assert rows.tolist() == [0, 1, 2] and np.allclose(scores, RANKING[0])


def test_the_best_sentence_lifts_its_passage_by_the_blend():
    scores, rows = with_best_sentence(RANKING, QUERY, SENTENCES, 0.5)
    assert rows.tolist() == [1, 0, 2]
    expected = {0: 0.5 * 0.8 + 0.5 * float(unit(1, 1, 0) @ QUERY), 1: 0.5 * 0.6 + 0.5 * 1.0, 2: 0.5}
    assert np.allclose(scores, [expected[row] for row in rows.tolist()], atol=1e-3)


def test_a_ranking_in_any_order_and_an_empty_one():
    scores, rows = with_best_sentence((RANKING[0][::-1].copy(), RANKING[1][::-1].copy()), QUERY, SENTENCES, 0.5)
    assert rows.tolist() == [1, 0, 2]
    empty = (np.zeros(0, dtype=np.float32), np.zeros(0, dtype=np.int64))
    assert with_best_sentence(empty, QUERY, SENTENCES, 0.5)[1].size == 0
