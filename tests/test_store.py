"""The index folder on the fast tier: manifest, model check, atomic rebuilds, failed builds."""

import pytest

from conftest import SEEDS
from qa.errors import IndexMismatch, IndexMissing
from qa.index import build_from_corpus, load_index, read_manifest


def test_manifest_records_the_build(fast_index_dir, fast_embedder):
    manifest = read_manifest(fast_index_dir)
    assert manifest["model"] == fast_embedder.name and manifest["dimension"] == fast_embedder.dimension
    assert manifest["encoder"] == "hashing" and manifest["format_version"] == 3
    assert manifest["generation"] == 1 and manifest["created_at"] and manifest["updated_at"]


def test_index_built_with_another_model_is_refused(fast_index_dir, fast_settings):
    with pytest.raises(IndexMismatch, match="built with model"):
        load_index(fast_index_dir, fast_settings, "some/other-model")


def test_missing_index(tmp_path, fast_settings):
    with pytest.raises(IndexMissing, match="qa build"):
        load_index(tmp_path / "none", fast_settings)


def test_loaded_index_keeps_documents_passages_and_sentences(fast_index_dir, fast_settings):
    index = load_index(fast_index_dir, fast_settings)
    assert index.manifest["backend"] == "faiss+bm25s" and index.manifest["documents"] == 2
    assert len(index.backend) == len(index.passages) == index.manifest["passages"]
    assert len(index.sentences) == index.manifest["sentences"]
    for doc_id, document in index.documents.items():
        rows = index.document_rows(doc_id)
        assert rows and all(index.passages[r].doc_id == doc_id for r in rows)
        assert document.summary and document.keywords
        for sentence in document.summary:
            assert document.text[sentence.start:sentence.end] == sentence.text


def test_failed_build_leaves_the_old_index_untouched(tmp_path, fast_embedder, fast_settings, monkeypatch):
    folder = tmp_path / "ix"
    build_from_corpus([SEEDS], folder, fast_settings, fast_embedder, progress=False)
    before = load_index(folder, fast_settings)

    def broken(*args, **kwargs):
        raise RuntimeError("crash mid-build")

    monkeypatch.setattr("qa.index.writer.IndexWriter._commit", broken)
    with pytest.raises(RuntimeError, match="crash mid-build"):
        build_from_corpus([SEEDS], folder, fast_settings.model_copy(update={"chunk_chars": 100}), fast_embedder,
                          progress=False)
    after = load_index(folder, fast_settings, fast_embedder.name)
    assert after.manifest == before.manifest and [p.id for p in after.passages] == [p.id for p in before.passages]
    assert sorted(p.name for p in tmp_path.iterdir()) == [".ix.lock", "ix"]


def test_rebuild_replaces_atomically(tmp_path, fast_embedder, fast_settings):
    folder = tmp_path / "ix"
    build_from_corpus([SEEDS], folder, fast_settings, fast_embedder, progress=False)
    stats = build_from_corpus([SEEDS], folder, fast_settings.model_copy(update={"chunk_chars": 100}), fast_embedder,
                              progress=False)
    assert read_manifest(folder)["chunk_chars"] == 100
    assert len(load_index(folder, fast_settings).passages) == stats.passages
    assert sorted(p.name for p in tmp_path.iterdir()) == [".ix.lock", "ix"]


def test_empty_corpus_is_refused(tmp_path, fast_embedder, fast_settings):
    (tmp_path / "corpus").mkdir()
    with pytest.raises(ValueError, match="no documents"):
        build_from_corpus([tmp_path / "corpus"], tmp_path / "ix", fast_settings, fast_embedder, progress=False)
    assert not (tmp_path / "ix").exists()


def test_a_second_writer_is_refused_and_leftovers_are_cleaned(tmp_path, fast_embedder, fast_settings):
    from qa.folders import FolderBusy, writer_lock

    folder = tmp_path / "ix"
    leftover = tmp_path / ".ix.staging-killed"
    leftover.mkdir()
    impatient = fast_settings.model_copy(update={"write_lock_timeout": 0.2})
    with writer_lock(folder):
        with pytest.raises(FolderBusy, match="another writer"):
            build_from_corpus([SEEDS], folder, impatient, fast_embedder, progress=False)
    build_from_corpus([SEEDS], folder, fast_settings, fast_embedder, progress=False)
    assert not leftover.exists() and read_manifest(folder)["generation"] == 1
