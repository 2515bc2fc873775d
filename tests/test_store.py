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


@pytest.mark.parametrize("damage", [b"this is not a database at all" * 100, b""])
def test_a_damaged_index_is_reported_naming_its_file_and_can_be_rebuilt(tmp_path, fast_settings, fast_embedder,
                                                                        damage, capsys, monkeypatch):
    from fastapi.testclient import TestClient

    from qa.api import create_app
    from qa.cli import main
    from qa.errors import IndexCorrupt

    folder = tmp_path / "ix"
    build_from_corpus([SEEDS], folder, fast_settings, fast_embedder, progress=False)
    (folder / "index.sqlite").write_bytes(damage)
    for name in ("index.sqlite-wal", "index.sqlite-shm"):
        (folder / name).unlink(missing_ok=True)
    with pytest.raises(IndexCorrupt, match=r"ix/index.sqlite"):
        load_index(folder, fast_settings)
    with TestClient(create_app(fast_settings, index_dir=folder), base_url="http://localhost") as client:
        for response in (client.get("/health"), client.post("/ask", json={"question": "多少党员志愿者"})):
            assert response.status_code == 503 and "index.sqlite" in response.json()["detail"]
            assert str(tmp_path) not in response.text
    from qa.config import get_settings

    monkeypatch.setenv("QA_ENCODER", "hashing")
    monkeypatch.setenv("QA_MODEL_DIR", str(tmp_path))
    get_settings.cache_clear()
    try:
        assert main(["ask", "多少党员志愿者", "--index", str(folder)]) == 2
    finally:
        get_settings.cache_clear()
    error = capsys.readouterr().err.strip().splitlines()
    assert len(error) == 1 and "error:" in error[0] and "index.sqlite" in error[0]
    build_from_corpus([SEEDS], folder, fast_settings, fast_embedder, progress=False)
    assert len(load_index(folder, fast_settings).documents) == 2


@pytest.mark.heavy
def test_two_builds_into_one_folder_never_leave_it_missing_or_broken(tmp_path):
    import os
    import subprocess
    import sys
    import threading

    from conftest import CMRC_CORPUS, ROOT
    from qa.config import Settings
    from qa.errors import IndexMissing

    folder = tmp_path / "ix"
    env = os.environ | {"QA_ENCODER": "hashing", "QA_MODEL_DIR": str(tmp_path)}
    builds = [subprocess.Popen([sys.executable, "-m", "qa.cli", "build", "--corpus", str(corpus), "--index",
                                str(folder)], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
              for corpus in (CMRC_CORPUS, SEEDS)]
    settings = Settings(encoder="hashing", model_dir=tmp_path)
    seen, missing_after_seen, failures = [0], [0], []

    def read() -> None:
        while any(build.poll() is None for build in builds):
            try:
                load_index(folder, settings)
                seen[0] += 1
            except IndexMissing:
                missing_after_seen[0] += bool(seen[0])
            except Exception as error:  # anything else is a broken index
                failures.append(repr(error))

    reader = threading.Thread(target=read)
    reader.start()
    outputs = [build.communicate(timeout=600) for build in builds]
    reader.join(timeout=60)
    assert [build.returncode for build in builds] == [0, 0], outputs
    assert not failures and not missing_after_seen[0]
    index = load_index(folder, settings)
    assert set(index.documents) in ({"000_8d8056a1d20578f2-1", "000_8d8056a1d20578f2-2"}, set(
        line.split('"id": "')[1].split('"')[0] for line in CMRC_CORPUS.read_text(encoding="utf-8").splitlines()))


def test_late_sentence_keys_are_those_of_their_span_marked_passage_input(fast_embedder):
    from qa.index.vector_cache import vector_key
    from qa.index.writer import late_sentence_keys

    passage_input = "title: 云潭 | text: 全镇共有400多名党员。志愿者为居民派送物资。"
    spans = [(20, 32), (32, 44)]
    keys = late_sentence_keys(fast_embedder, passage_input, spans)
    assert keys == [vector_key(fast_embedder, "float16", f"late {a}:{b}\0{passage_input}") for a, b in spans]
    assert keys[0] != keys[1] and keys[0] != vector_key(fast_embedder, "float32", f"late 20:32\0{passage_input}")


def test_a_prepared_document_holds_keys_and_joined_words_not_copies_of_its_input(fast_embedder):
    from qa.index.store import TOKEN_SEPARATOR
    from qa.index.vector_cache import vector_keys
    from qa.index.writer import prepare
    from qa.ingest import document_from_record

    document = document_from_record({"id": "d", "title": "云潭", "text": "全镇共有400多名党员。志愿者为居民派送物资。"})
    for method in ("late", "separate"):
        prepared = prepare(document, 500, fast_embedder, method)
        assert all(isinstance(words, str) and "党员" in words.split(TOKEN_SEPARATOR) for words in prepared.tokens[:1])
        assert [len(keys) for keys in prepared.sentence_keys] == [len(spans) for spans in prepared.sentences]
        assert all(len(key) == 64 for key in prepared.all_sentence_keys)
        if method == "late":
            assert prepared.sentence_inputs == [[]]
        else:
            assert prepared.all_sentence_keys == vector_keys(fast_embedder, prepared.sentence_inputs[0], "float16")


def test_a_write_in_many_small_steps_stores_what_one_step_does(tmp_path, fast_embedder, fast_settings, monkeypatch):
    import numpy as np

    import qa.index.writer as writer

    build_from_corpus([SEEDS], tmp_path / "whole", fast_settings, fast_embedder, progress=False)
    whole = load_index(tmp_path / "whole", fast_settings)
    steps = []
    monkeypatch.setattr(writer, "EMBED_CHUNK", 2)
    monkeypatch.setattr(writer.IndexWriter, "_embed_and_summarize",
                        lambda self, cache, step, original=writer.IndexWriter._embed_and_summarize:
                        steps.append(len(step)) or original(self, cache, step))
    build_from_corpus([SEEDS], tmp_path / "stepped", fast_settings, fast_embedder, progress=False)
    stepped = load_index(tmp_path / "stepped", fast_settings)
    assert len(steps) == 2 and list(stepped.documents) == list(whole.documents)
    assert [d.to_dict() for d in stepped.documents.values()] == [d.to_dict() for d in whole.documents.values()]
    assert [p.to_dict() for p in stepped.passages] == [p.to_dict() for p in whole.passages]
    assert np.array_equal(stepped.sentences.spans, whole.sentences.spans)
    assert np.array_equal(np.asarray(stepped.sentences.vectors), np.asarray(whole.sentences.vectors))
    assert stepped.digests == whole.digests and stepped.generation == whole.generation == 1
