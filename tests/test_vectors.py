import numpy as np

from qa.index import dense
from qa.index.arrays import RowFile
from qa.index.dense import DenseIndex, exact_neighbours, recall_at


def clustered(count: int, dimension: int = 32, seed: int = 0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    centres = rng.normal(size=(20, dimension))
    vectors = centres[rng.integers(0, 20, count)] + 0.3 * rng.normal(size=(count, dimension))
    return (vectors / np.linalg.norm(vectors, axis=1, keepdims=True)).astype(np.float32)


def test_small_corpora_get_exact_search():
    vectors = clustered(100)
    index = DenseIndex.build(vectors, exact_below=1000, target_recall=0.98)
    assert index.info == {"type": "flat-ip"}
    scores, rows = index.search(vectors[7], 3)
    assert rows[0] == 7 and scores[0] == np.float32(scores.max())
    assert len(index) == 100 and np.allclose(index.vectors(), vectors)


def test_large_corpora_get_ivf_tuned_to_the_target_recall():
    vectors = clustered(4000)
    index = DenseIndex.build(vectors, exact_below=1000, target_recall=0.98)
    assert index.info["type"] == "ivf-fp16" and index.info["recall_at_10"] >= 0.98
    loaded = index
    exact = DenseIndex.build(vectors, exact_below=10**9, target_recall=0.98)
    rng = np.random.default_rng(1)
    queries = vectors[rng.choice(4000, 100)] + rng.normal(scale=0.5 / np.sqrt(32), size=(100, 32))
    found = np.stack([loaded.search(q, 10)[1] for q in queries])
    truth = np.stack([exact.search(q, 10)[1] for q in queries])
    assert recall_at(found, truth) >= 0.95
    assert np.allclose(loaded.vectors(), vectors, atol=1e-3) and not np.allclose(loaded.vectors(), vectors, atol=1e-7)


def test_a_stored_index_is_mapped_back_and_refilled_with_its_cells(tmp_path):
    vectors = clustered(4000)
    index = DenseIndex.build(vectors, exact_below=1000, target_recall=0.98)
    index.save(tmp_path / "dense")
    opened = DenseIndex.open(tmp_path / "dense")
    assert opened.info == index.info and len(opened) == 4000
    for query in vectors[:20]:
        assert np.array_equal(opened.search(query, 5)[1], index.search(query, 5)[1])
    grown = opened.refilled(np.concatenate([vectors, vectors[:10]]), exact_below=1000, target_recall=0.98)
    assert len(grown) == 4010 and grown.info["nlist"] == index.info["nlist"] and len(opened) == 4000
    assert set(grown.search(vectors[3], 2)[1]) == {3, 4003}


def test_recall_at():
    assert recall_at(np.array([[1, 2, 3]]), np.array([[3, 4, 5]]), k=3) == 1 / 3


def test_a_build_reads_the_vector_file_a_slice_at_a_time(tmp_path, monkeypatch):
    vectors = clustered(4000)
    np.save(tmp_path / "vectors.npy", vectors)
    monkeypatch.setattr(dense, "SLICE_ROWS", 700)
    from_file = DenseIndex.build(RowFile(tmp_path / "vectors.npy"), exact_below=1000, target_recall=0.98)
    in_memory = DenseIndex.build(vectors, exact_below=1000, target_recall=0.98)
    assert from_file.info == in_memory.info and len(from_file) == 4000
    assert np.array_equal(from_file.vectors(), in_memory.vectors())
    flat = DenseIndex.build(RowFile(tmp_path / "vectors.npy"), exact_below=10**9, target_recall=0.98)
    assert np.array_equal(flat.vectors(), vectors)
    grown = in_memory.refilled(RowFile(tmp_path / "vectors.npy"), exact_below=1000, target_recall=0.98)
    assert np.array_equal(grown.vectors(), in_memory.vectors())


def test_exact_neighbours_across_slices_match_one_flat_search(monkeypatch):
    vectors = clustered(3000)
    queries = clustered(50, seed=3)
    monkeypatch.setattr(dense, "SLICE_ROWS", 256)
    flat = DenseIndex.build(vectors, exact_below=10**9, target_recall=0.98)
    truth = np.stack([flat.search(query, 10)[1] for query in queries])
    assert np.array_equal(np.sort(exact_neighbours(vectors, queries, 10), axis=1), np.sort(truth, axis=1))
