"""A generation's arrays on disk: rows read from files, folders published whole, old generations pruned."""

import os
import subprocess
import sys

import numpy as np
import pytest

from qa.index.arrays import (GENERATIONS, PASSAGE_VECTORS, SENTENCE_SPANS, SENTENCE_VECTORS, GenerationArrays,
                             RowFile, gather, generation_folder, generation_key, open_arrays, prune, write_arrays)


def table(rows: int = 40, dimension: int = 6, seed: int = 0) -> np.ndarray:
    return np.random.default_rng(seed).normal(size=(rows, dimension)).astype(np.float32)


def fill_with(passages: np.ndarray, sentences: np.ndarray):
    def fill(allocate) -> GenerationArrays:
        vectors = allocate(PASSAGE_VECTORS, passages.shape, "float32")
        vectors[:] = passages
        spans = allocate(SENTENCE_SPANS, (len(sentences), 3), "int32")
        spans[:] = np.arange(len(sentences) * 3).reshape(-1, 3)
        sentence_vectors = allocate(SENTENCE_VECTORS, sentences.shape, "float16")
        sentence_vectors[:] = sentences
        return GenerationArrays(vectors, spans, sentence_vectors)
    return fill


def test_a_row_file_reads_rows_as_the_array_does(tmp_path):
    array = table()
    np.save(tmp_path / "t.npy", array)
    rows = RowFile(tmp_path / "t.npy")
    assert len(rows) == 40 and rows.shape == (40, 6) and rows.ndim == 2 and rows.dtype == np.float32
    assert np.array_equal(rows[3], array[3]) and np.array_equal(rows[-1], array[-1])
    assert np.array_equal(rows[5:9], array[5:9]) and np.array_equal(rows[::7], array[::7])
    picked = [9, 10, 11, 2, 2, 39, 0, 1]
    assert np.array_equal(rows[picked], array[picked])
    assert np.array_equal(rows[np.array([], dtype=np.int64)], array[[]])
    assert np.array_equal(np.asarray(rows), array) and np.array_equal(rows[[4, 5]].astype(np.float64) @ array[0],
                                                                       array[[4, 5]].astype(np.float64) @ array[0])
    with pytest.raises(IndexError):
        rows[[1, 40]]


def test_a_row_file_refuses_what_is_not_a_whole_array(tmp_path):
    np.save(tmp_path / "t.npy", table())
    data = (tmp_path / "t.npy").read_bytes()
    (tmp_path / "short.npy").write_bytes(data[:-10])
    (tmp_path / "junk.npy").write_bytes(b"not an array")
    with pytest.raises(ValueError, match="not a whole"):
        RowFile(tmp_path / "short.npy")
    with pytest.raises(ValueError):
        RowFile(tmp_path / "junk.npy")


def test_gather_takes_rows_of_sources_as_if_stacked():
    first, second = table(10, seed=1), table(4, seed=2)
    take = np.array([13, 0, 1, 2, 10, 9, 9, 11])
    out = gather([first, second], take, np.empty((len(take), 6), np.float32), chunk=3)
    assert np.array_equal(out, np.concatenate([first, second])[take])


def test_a_generation_is_written_once_then_read_from_its_files(tmp_path):
    passages, sentences = table(5), table(12, seed=3).astype(np.float16)
    arrays = write_arrays(tmp_path, "00000001-a", 5, 6, fill_with(passages, sentences))
    assert arrays.folder == generation_folder(tmp_path, "00000001-a")
    assert isinstance(arrays.passage_vectors, RowFile) and isinstance(arrays.sentence_vectors, RowFile)
    assert np.array_equal(np.asarray(arrays.passage_vectors), passages)
    assert np.array_equal(np.asarray(arrays.sentence_vectors), sentences)
    assert [p.name for p in (tmp_path / GENERATIONS).iterdir()] == ["00000001-a"]
    again = open_arrays(tmp_path, "00000001-a", 5, 6)
    assert again is not None and np.array_equal(again.sentence_spans, arrays.sentence_spans)
    assert open_arrays(tmp_path, "00000002-a", 5, 6) is None


def test_files_that_do_not_fit_the_generation_are_removed(tmp_path):
    write_arrays(tmp_path, "00000001-a", 5, 6, fill_with(table(5), table(12).astype(np.float16)))
    assert open_arrays(tmp_path, "00000001-a", 6, 6) is None
    assert not generation_folder(tmp_path, "00000001-a").exists()
    write_arrays(tmp_path, "00000001-a", 5, 6, fill_with(table(5), table(12).astype(np.float16)))
    vectors = generation_folder(tmp_path, "00000001-a") / SENTENCE_VECTORS
    vectors.write_bytes(vectors.read_bytes()[:100])
    assert open_arrays(tmp_path, "00000001-a", 5, 6) is None
    assert not generation_folder(tmp_path, "00000001-a").exists()


def test_a_failed_write_leaves_nothing_behind(tmp_path):
    def failing(allocate):
        allocate(PASSAGE_VECTORS, (5, 6), "float32")
        raise RuntimeError("the database went away")

    with pytest.raises(RuntimeError):
        write_arrays(tmp_path, "00000001-a", 5, 6, failing)
    assert list((tmp_path / GENERATIONS).iterdir()) == []


def test_the_first_of_two_writers_wins_and_the_second_keeps_its_files(tmp_path):
    from qa.index.arrays import ArraysWriter

    first, second = ArraysWriter(tmp_path, "00000001-a"), ArraysWriter(tmp_path, "00000001-a")
    fill_with(table(5), table(12).astype(np.float16))(first.allocate)
    fill_with(table(5, seed=9), table(12).astype(np.float16))(second.allocate)
    published = first.publish(5, 6)
    kept = second.publish(5, 6)
    assert np.array_equal(np.asarray(kept.passage_vectors), np.asarray(published.passage_vectors))
    assert np.array_equal(np.asarray(kept.passage_vectors), table(5))
    assert sorted(p.name for p in (tmp_path / GENERATIONS).iterdir()) == ["00000001-a"]


def test_where_the_folder_cannot_be_written_the_arrays_stay_in_memory(tmp_path):
    (tmp_path / GENERATIONS).write_text("a file where the folder would be")
    arrays = write_arrays(tmp_path, "00000001-a", 5, 6, fill_with(table(5), table(12).astype(np.float16)))
    assert arrays.folder is None and isinstance(arrays.passage_vectors, np.ndarray)
    assert np.array_equal(arrays.passage_vectors, table(5))


def test_only_the_newest_generations_and_live_writers_scratch_are_kept(tmp_path):
    for generation in range(1, 5):
        write_arrays(tmp_path, f"{generation:08d}-a", 5, 6, fill_with(table(5), table(12).astype(np.float16)))
    assert sorted(p.name for p in (tmp_path / GENERATIONS).iterdir()) == ["00000003-a", "00000004-a"]
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    parent = tmp_path / GENERATIONS
    (parent / f".00000005-a.{int(gone.stdout)}.abcd").mkdir()
    (parent / f".00000005-a.{os.getpid()}.abcd").mkdir()
    prune(tmp_path, "00000004-a")
    assert sorted(p.name for p in parent.iterdir()) == [f".00000005-a.{os.getpid()}.abcd", "00000003-a",
                                                        "00000004-a"]


def test_an_index_rebuilt_in_its_folder_keeps_its_new_generation(tmp_path):
    for generation in (6, 7):
        write_arrays(tmp_path, f"{generation:08d}-old", 5, 6, fill_with(table(5), table(12).astype(np.float16)))
    arrays = write_arrays(tmp_path, "00000001-new", 5, 6, fill_with(table(5), table(12).astype(np.float16)))
    assert arrays.folder is not None and arrays.folder.is_dir()
    assert sorted(p.name for p in (tmp_path / GENERATIONS).iterdir()) == ["00000001-new", "00000007-old"]


def test_a_generation_key_names_the_index_as_well_as_the_generation():
    meta = {"generation": 3, "created_at": "2026-12-01T10:00:00", "updated_at": "2026-12-01T11:00:00"}
    assert generation_key(meta).startswith("00000003-")
    assert generation_key(meta) != generation_key(meta | {"created_at": "2026-12-01T10:00:01"})
    assert generation_key(meta) != generation_key(meta | {"generation": 4})
    assert generation_key(meta) == generation_key(dict(meta))


@pytest.mark.parametrize("exact_below", [10, 50_000])
def test_an_index_is_served_from_its_generation_files(tmp_path, fast_settings, fast_embedder, exact_below):
    import shutil

    from conftest import build_seed_index
    from qa.index import load_index
    from qa.index.backend import FaissBm25Backend

    settings = fast_settings.model_copy(update={"exact_below": exact_below})
    folder = build_seed_index(tmp_path / "index", settings, fast_embedder)
    built = load_index(folder, settings)
    generation = built.sentences.vectors.path.parent
    assert generation.parent == folder / GENERATIONS and FaissBm25Backend.opened(generation) is not None
    assert built.tokens is None and isinstance(built.vectors, RowFile)
    question = fast_embedder.encode_queries(["多少党员志愿者"])[0]
    expected = built.backend.search_dense(question, 5), built.backend.search_lexical("党员志愿者", 5)
    shutil.rmtree(generation / FaissBm25Backend.DENSE)
    (generation / FaissBm25Backend.LEXICAL / "data.csc.index.npy").write_bytes(b"damaged")
    for index in (load_index(folder, settings), load_index(folder, settings)):
        dense, lexical = index.backend.search_dense(question, 5), index.backend.search_lexical("党员志愿者", 5)
        assert np.array_equal(dense[1], expected[0][1]) and np.allclose(dense[0], expected[0][0], atol=1e-5)
        assert np.array_equal(lexical[1], expected[1][1]) and np.allclose(lexical[0], expected[1][0])
        assert np.array_equal(np.asarray(index.sentences.vectors), np.asarray(built.sentences.vectors))
    assert FaissBm25Backend.opened(generation) is not None


def test_a_build_leaves_the_generation_files_without_reading_the_records(tmp_path, fast_settings, fast_embedder,
                                                                         monkeypatch):
    """``qa build`` writes what servers map (arrays, FAISS, BM25) streaming vectors and words from the database:
    no document or passage record is read, so its peak does not hold the corpus as a server does."""
    from conftest import build_seed_index
    from qa.index import load_index, snapshot
    from qa.index.backend import FaissBm25Backend
    from qa.index.lexical import passage_words

    def refuse(*args, **kwargs):
        raise AssertionError("a build read the records")

    with monkeypatch.context() as patch:
        patch.setattr(snapshot, "read_records", refuse)
        folder = build_seed_index(tmp_path / "index", fast_settings, fast_embedder)
    [generation] = (folder / GENERATIONS).iterdir()
    stored = FaissBm25Backend.opened(generation)
    assert stored is not None and {PASSAGE_VECTORS, SENTENCE_SPANS, SENTENCE_VECTORS} <= {
        path.name for path in generation.iterdir()}
    loaded = load_index(folder, fast_settings)
    assert loaded.sentences.vectors.path.parent == generation
    words = lambda: (passage_words(p.title, p.text) or [""] for p in loaded.passages)  # noqa: E731
    rebuilt = FaissBm25Backend.stored_or_built(None, np.asarray(loaded.vectors), words, fast_settings, None)
    for query in ("党员志愿者", "云潭镇核酸检测"):
        scores, rows = stored.search_lexical(query, 10)
        expected = rebuilt.search_lexical(query, 10)
        assert np.array_equal(rows, expected[1]) and np.allclose(scores, expected[0])
    vector = fast_embedder.encode_queries(["多少党员志愿者"])[0]
    assert np.array_equal(stored.search_dense(vector, 5)[1], rebuilt.search_dense(vector, 5)[1])
