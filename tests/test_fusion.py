import numpy as np
import pytest

from qa.retrieve.fusion import reciprocal_rank_fusion, score_fusion


def test_rrf_rewards_agreement():
    fused = reciprocal_rank_fusion([np.array([1, 2, 3]), np.array([2, 4])], k=60)
    assert max(fused, key=fused.get) == 2
    assert fused[1] == pytest.approx(1 / 61)
    assert fused[2] == pytest.approx(1 / 62 + 1 / 61)


def test_score_fusion_normalises_each_list():
    fused = score_fusion([(np.array([0.9, 0.5]), np.array([1, 2])), (np.array([10.0, 0.0]), np.array([2, 3]))])
    assert fused == {1: 1.0, 2: 1.0, 3: 0.0}


def test_score_fusion_handles_empty_and_flat_lists():
    fused = score_fusion([(np.zeros(0), np.zeros(0, dtype=int)), (np.array([2.0]), np.array([7]))])
    assert fused == {7: 1.0}
