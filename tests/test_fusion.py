import numpy as np
import pytest

from qa.retrieve.fusion import min_max, reciprocal_rank_fusion, score_fusion, z_score


def test_rrf_rewards_agreement():
    fused = reciprocal_rank_fusion([np.array([1, 2, 3]), np.array([2, 4])], k=60)
    assert max(fused, key=fused.get) == 2
    assert fused[1] == pytest.approx(1 / 61)
    assert fused[2] == pytest.approx(1 / 62 + 1 / 61)


def test_score_fusion_normalises_each_list():
    fused = score_fusion([(np.array([0.9, 0.5]), np.array([1, 2])), (np.array([10.0, 0.0]), np.array([2, 3]))],
                         [1.0, 1.0], min_max)
    assert fused == {1: 1.0, 2: 1.0, 3: 0.0}


def test_score_fusion_handles_empty_and_flat_lists():
    fused = score_fusion([(np.zeros(0), np.zeros(0, dtype=int)), (np.array([2.0]), np.array([7]))], [1.0, 1.0],
                         min_max)
    assert fused == {7: 1.0}


def test_z_score_fusion_weighs_a_side_by_how_far_its_best_stands_out():
    """Min-max gives each list's best the same 1; z-scores let a list whose best stands far above the rest
    outweigh one whose scores are close together."""
    unsure = (np.linspace(1.09, 1.0, 10), np.arange(10, 20))
    sure = (np.array([9.0] + [1.0] * 9), np.arange(1, 11))
    by_range = score_fusion([unsure, sure], [1.5, 1.0], min_max)
    by_spread = score_fusion([unsure, sure], [1.5, 1.0], z_score)
    assert max(by_range, key=by_range.get) == 10
    assert max(by_spread, key=by_spread.get) == 1
    assert by_spread[1] == pytest.approx(z_score(sure[0])[0]) == pytest.approx(3.0)


def test_z_score_of_a_flat_list_is_zero():
    assert z_score(np.array([3.0, 3.0])).tolist() == [0.0, 0.0]
    assert score_fusion([(np.array([2.0]), np.array([7]))], [1.0], z_score) == {7: 0.0}
