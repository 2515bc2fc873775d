"""Encoders: the ONNX exports against sentence-transformers on PyTorch, the question cache, missing exports."""

import numpy as np
import pytest

from qa.config import Settings
from qa.embed import get_embedder
from qa.model_store import ModelError
from qa.onnx_export import onnx_model_file

TEXTS = ["全镇27个党组织的党员闻“疫”而动,共有400多名党员主动申请加入志愿者队伍。", "核酸检测现场秩序井然。",
         "How many party members volunteered?"]


@pytest.fixture(scope="module")
def torch_vectors(settings):
    embedder = get_embedder(Settings(encoder="torch", model_dir=settings.model_dir))
    assert embedder.encoder == "torch"
    return embedder.encode_documents(TEXTS, ["标题"] * 3), embedder.encode_queries(TEXTS)


@pytest.mark.parametrize("encoder, floor", [("onnx", 0.999), ("onnx-int8", 0.95)])
def test_onnx_vectors_match_torch(settings, torch_vectors, encoder, floor):
    embedder = get_embedder(Settings(encoder=encoder, model_dir=settings.model_dir))
    documents, queries = torch_vectors
    for ours, theirs in ((embedder.encode_documents(TEXTS, ["标题"] * 3), documents),
                         (embedder.encode_queries(TEXTS), queries)):
        assert ours.dtype == np.float32 and ours.shape == theirs.shape == (3, 768)
        assert np.allclose(np.linalg.norm(ours, axis=1), 1, atol=1e-4)
        assert (ours * theirs).sum(axis=1).min() >= floor


def test_question_vectors_are_cached(embedder, monkeypatch):
    first = embedder.encode_queries(["缓存测试问题"])
    monkeypatch.setattr(embedder, "_embed", lambda *a, **k: pytest.fail("re-encoded a cached question"))
    assert np.array_equal(embedder.encode_queries(["缓存测试问题"]), first)


def test_missing_export_names_the_fix(tmp_path):
    with pytest.raises(ModelError, match="qa optimize-model"):
        onnx_model_file(tmp_path, "onnx-int8")


def test_onnx_needs_the_default_model(settings):
    with pytest.raises(ModelError, match="QA_ENCODER=torch"):
        get_embedder(Settings(encoder="onnx", model="some/other-model", model_dir=settings.model_dir))


def test_manifest_records_the_encoder(seed_index_dir, embedder):
    from qa.store import read_manifest

    manifest = read_manifest(seed_index_dir)
    assert manifest["encoder"] == embedder.encoder and manifest["dense_index"] == {"type": "flat-ip"}


def make_static_model(folder):
    """A tiny Model2Vec model (word-level tokenizer, four dimensions) standing in for the distilled one."""
    from model2vec import StaticModel
    from tokenizers import Tokenizer
    from tokenizers.models import WordLevel
    from tokenizers.pre_tokenizers import Whitespace

    vocabulary = {"[UNK]": 0, "[PAD]": 1, "党员": 2, "志愿者": 3, "核酸": 4, "检测": 5}
    tokenizer = Tokenizer(WordLevel(vocabulary, unk_token="[UNK]"))
    tokenizer.pre_tokenizer = Whitespace()
    vectors = np.random.default_rng(0).normal(size=(6, 4)).astype(np.float32)
    StaticModel(vectors=vectors, tokenizer=tokenizer, normalize=True).save_pretrained(str(folder))


def test_static_backend_builds_an_index_of_its_own_space(tmp_path):
    from qa.embed import STATIC_FOLDER
    from qa.ingest import Document
    from qa.store import IndexMismatch, build_index, load_index

    make_static_model(tmp_path / STATIC_FOLDER)
    embedder = get_embedder(Settings(encoder="static", model_dir=tmp_path))
    assert embedder.encoder == "static" and embedder.dimension == 4 and embedder.name.endswith("+model2vec")
    vectors = embedder.encode_documents(["党员 志愿者", "核酸 检测"], ["标题", "标题"])
    assert vectors.shape == (2, 4) and np.allclose(np.linalg.norm(vectors, axis=1), 1, atol=1e-5)
    document = Document(id="d", title="标题", text="党员 志愿者 报名。\n核酸 检测 完成。")
    build_index([document], embedder, tmp_path / "ix", progress=False)
    assert load_index(tmp_path / "ix", embedder.name).manifest["encoder"] == "static"
    with pytest.raises(IndexMismatch, match="built with model"):
        load_index(tmp_path / "ix", "google/embeddinggemma-300m")


def test_static_backend_without_a_distilled_model(tmp_path):
    with pytest.raises(ModelError, match="qa distill-static"):
        get_embedder(Settings(encoder="static", model_dir=tmp_path))
