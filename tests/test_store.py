import json

import pytest

from conftest import SEEDS
from qa.build import build_from_corpus
from qa.store import IndexMismatch, IndexMissing, load_index, read_manifest


def test_manifest_records_the_build(seed_index_dir, embedder):
    manifest = read_manifest(seed_index_dir)
    assert manifest["model"] == embedder.name and manifest["dimension"] == embedder.dimension == 768
    assert manifest["documents"] == 2 and manifest["passages"] > 20
    assert len(manifest["fingerprint"]) == 16 and manifest["built_at"]


def test_index_built_with_another_model_is_refused(seed_index_dir):
    with pytest.raises(IndexMismatch, match="built with model"):
        load_index(seed_index_dir, "some/other-model")


def test_missing_index(tmp_path):
    with pytest.raises(IndexMissing, match="qa build"):
        load_index(tmp_path / "none")


def test_failed_build_leaves_the_old_index_untouched(tmp_path, embedder, settings, monkeypatch):
    folder = tmp_path / "ix"
    build_from_corpus([SEEDS], folder, settings, embedder, progress=False)
    before = (folder / "manifest.json").read_text()

    def broken(*args, **kwargs):
        raise RuntimeError("crash mid-build")

    monkeypatch.setattr("qa.store.LexicalIndex.build", broken)
    with pytest.raises(RuntimeError, match="crash mid-build"):
        build_from_corpus([SEEDS], folder, settings, embedder, progress=False)
    assert (folder / "manifest.json").read_text() == before
    assert [p.name for p in tmp_path.iterdir()] == ["ix"]
    assert len(load_index(folder, embedder.name).passages) == json.loads(before)["passages"]


def test_rebuild_replaces_atomically(tmp_path, embedder, settings):
    folder = tmp_path / "ix"
    build_from_corpus([SEEDS], folder, settings, embedder, progress=False)
    stats = build_from_corpus([SEEDS], folder, settings, embedder, chunk_chars=100, progress=False)
    assert read_manifest(folder)["chunk_chars"] == 100
    assert len(load_index(folder).passages) == stats.passages
    assert [p.name for p in tmp_path.iterdir()] == ["ix"]
