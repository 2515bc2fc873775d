"""Retrieval on the fast tier: each mode, fusion, depth and the hit fields, over the stand-in encoder."""

import numpy as np
import pytest

from qa.retrieve import Retriever
from qa.retrieve.sentence_match import with_best_sentence
from qa.schema import MODES


@pytest.fixture(scope="module")
def retriever(fast_service) -> Retriever:
    return fast_service.retriever


@pytest.mark.parametrize("mode", MODES)
def test_each_mode_returns_ranked_hits_with_their_sides(retriever, mode):
    retrieval = retriever.search("核酸检测", 6, mode)
    hits = retrieval.hits
    assert len(hits) == 6 and [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    assert "fusion_ms" in retrieval.timings
    if mode == "dense":
        assert all(h.dense_rank is not None and h.lexical_rank is None for h in hits)
        assert [h.dense_rank for h in hits] == list(range(1, 7)) and retrieval.query_vector is not None
    if mode == "lexical":
        assert all(h.lexical_rank is not None and h.dense_rank is None for h in hits)
        assert retrieval.query_vector is None and "embed_ms" not in retrieval.timings
    if mode == "hybrid":
        assert any(h.dense_rank and h.lexical_rank for h in hits)


def test_lexical_hits_hold_the_query_words(retriever):
    assert all("核酸" in h.passage.text for h in retriever.search("核酸检测", 3, "lexical").hits)


@pytest.mark.parametrize("fusion", ["zscore", "score"])
def test_hybrid_score_fusion_is_the_weighted_sum_of_normalised_sides(fast_service, fast_settings, fusion):
    retriever = Retriever.from_settings(fast_service.index, fast_service.embedder,
                                        fast_settings.model_copy(update={"fusion": fusion}))
    backend = retriever.index.backend
    vector = retriever.embedder.encode_queries(["党员志愿者"])[0]
    dense = with_best_sentence(backend.search_dense(vector, retriever.candidates), vector, retriever.index.sentences,
                               retriever.sentence_share)
    lexical = backend.search_lexical("党员志愿者", retriever.candidates)
    assert retriever.dense_weight != 1.0
    expected = {}
    for (scores, rows), weight in ((dense, retriever.dense_weight), (lexical, 1.0)):
        scores = scores.astype(np.float64)
        if fusion == "score":
            normalised = (scores - scores.min()) / (scores.max() - scores.min())
        else:
            normalised = (scores - scores.mean()) / scores.std()
        for value, row in zip(normalised, rows):
            expected[int(row)] = expected.get(int(row), 0.0) + weight * float(value)
    best = max(expected, key=expected.get)
    top = retriever.search("党员志愿者", 1, "hybrid").hits[0]
    assert top.passage.id == retriever.index.passages[best].id
    assert top.score == pytest.approx(expected[best])


def test_rrf_fusion_from_settings(fast_service, fast_settings):
    rrf = Retriever.from_settings(fast_service.index, fast_service.embedder,
                                  fast_settings.model_copy(update={"fusion": "rrf", "rrf_k": 60}))
    hits = rrf.search("党员志愿者", 3).hits
    both = [h for h in hits if h.dense_rank and h.lexical_rank]
    assert both and all(h.score <= 2 / 61 for h in hits)
    assert both[0].score == pytest.approx(1 / (60 + both[0].dense_rank) + 1 / (60 + both[0].lexical_rank))


def test_top_k_beyond_the_corpus_returns_every_passage(retriever):
    hits = retriever.search("党员", 500, "dense").hits
    assert len(hits) == len(retriever.index.passages)
    assert len({h.passage.id for h in hits}) == len(hits)


def test_unknown_mode_is_refused(retriever):
    with pytest.raises(ValueError, match="unknown mode"):
        retriever.search("党员", 3, "fuzzy")


def test_dense_scores_blend_the_passage_cosine_and_its_best_sentence_cosine(retriever):
    vector = retriever.embedder.encode_queries(["党员志愿者"])[0]
    hit = retriever.search("党员志愿者", 1, "dense").hits[0]
    row = retriever.index.passage_row(hit.passage.id)
    stored = retriever.index.backend.dense.vectors()[row]
    sentences = retriever.index.sentences
    best = max(float(sentences.rows_of([r])[0] @ vector) for r, _, _ in sentences.of_passage(row))
    share = retriever.sentence_share
    assert 0 < share < 1
    assert hit.dense_score == pytest.approx((1 - share) * float(np.dot(stored, vector)) + share * best, abs=1e-5)
