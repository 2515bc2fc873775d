"""Encoders: the ONNX exports against sentence-transformers on PyTorch, the question cache, missing exports."""

import numpy as np
import pytest

from qa.config import Settings
from qa.embed import get_embedder
from qa.embed.onnx_export import onnx_model_file
from qa.errors import ModelError

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


@pytest.mark.parametrize("encoder", ["onnx", "onnx-int8"])
def test_the_exported_graphs_run_fused_kernels(settings, encoder):
    """Every RMS norm and GELU of the model is one fused kernel, and no softmax keeps its idle NaN guard
    (:mod:`qa.embed.onnx_fusion`; the vectors are checked against PyTorch above)."""
    import onnx

    types = [node.op_type for node in onnx.load(str(onnx_model_file(settings.model_dir, encoder)),
                                                load_external_data=False).graph.node]
    assert types.count("SimplifiedLayerNormalization") == 145 and types.count("FastGelu") == 24
    assert not {"Pow", "Tanh", "IsNaN"} & set(types)


def test_int8_keeps_passage_and_sentence_vectors_within_the_bar(settings):
    """``onnx-int8`` is the default because its vectors stay close to fp32's: mean cosine >= 0.99 for CMRC passages
    and for the sentences late-chunked from their forward passes."""
    import json

    from qa.text.normalize import sentence_spans
    from conftest import CMRC_CORPUS

    passages = [json.loads(line) for line in CMRC_CORPUS.read_text(encoding="utf-8").splitlines()[:24]]
    vectors = {}
    for encoder in ("onnx", "onnx-int8"):
        embedder = get_embedder(Settings(encoder=encoder, model_dir=settings.model_dir))
        inputs = embedder.document_inputs([p["text"] for p in passages], [p["title"] for p in passages])
        spans = [[(start + len(model_input) - len(p["text"]), end + len(model_input) - len(p["text"]))
                  for start, end in sentence_spans(p["text"])] for p, model_input in zip(passages, inputs)]
        whole, parts = embedder.encode_late(inputs, spans)
        vectors[encoder] = whole, np.concatenate(parts)
    for exact, quantised in zip(vectors["onnx"], vectors["onnx-int8"]):
        assert len(exact) >= 24 and (exact * quantised).sum(axis=1).mean() >= 0.99


def test_traditional_text_is_embedded_in_simplified_script(embedder):
    """The model reads Traditional characters in Simplified script (:meth:`Embedder.model_text`), and a stored vector
    is keyed by what the model read, so both scripts share it."""
    from qa.index.vector_cache import vector_key

    traditional, simplified = "臺灣的頭髮與著名作家", "台湾的头发与著名作家"
    assert embedder.model_text(traditional) == simplified
    vectors = embedder.encode_queries([traditional, simplified])
    assert float(vectors[0] @ vectors[1]) > 0.9999
    assert vector_key(embedder, "float32", traditional) == vector_key(embedder, "float32", simplified)


def test_question_vectors_are_cached(embedder, monkeypatch):
    first = embedder.encode_queries(["缓存测试问题"])
    monkeypatch.setattr(embedder, "_embed", lambda *a, **k: pytest.fail("re-encoded a cached question"))
    assert np.array_equal(embedder.encode_queries(["缓存测试问题"]), first)


def test_texts_not_remembered_are_encoded_again_and_keep_their_order(fast_embedder, monkeypatch):
    texts = ["大秦指的是罗马帝国", "不记住的重述", "大秦指的是罗马帝国"]
    first = fast_embedder.encode_queries(texts, remember=False)
    assert np.array_equal(first[0], first[2]) and first.shape == (3, fast_embedder.dimension)
    calls = []
    encode = fast_embedder._embed

    def counted(inputs, *args, **kwargs):
        calls.append(inputs)
        return encode(inputs, *args, **kwargs)

    monkeypatch.setattr(fast_embedder, "_embed", counted)
    assert np.allclose(fast_embedder.encode_queries(texts[:2], remember=False), first[:2])
    assert len(calls) == 1 and len(calls[0]) == 2, "nothing of the first call was kept"


def test_missing_export_names_the_fix(tmp_path):
    with pytest.raises(ModelError, match="qa optimize-model"):
        onnx_model_file(tmp_path, "onnx-int8")


def test_onnx_needs_the_default_model(tmp_path):
    with pytest.raises(ModelError, match="QA_ENCODER=torch"):
        get_embedder(Settings(encoder="onnx", model="some/other-model", model_dir=tmp_path))


def test_manifest_records_the_encoder(service, embedder):
    manifest = service.index.manifest
    assert manifest["encoder"] == embedder.encoder and manifest["dense_index"] == {"type": "flat-ip"}
    health = service.health()
    assert (health.encoder, health.device) == (embedder.encoder, "cpu"), "no GPU here: auto chose the CPU"


def test_hashing_stand_in_is_deterministic_and_normalised(fast_embedder):
    first = fast_embedder.encode_documents(TEXTS, ["标题"] * 3)
    again = fast_embedder.encode_documents(TEXTS, ["标题"] * 3)
    assert np.array_equal(first, again) and first.shape == (3, fast_embedder.dimension)
    assert np.allclose(np.linalg.norm(first, axis=1), 1, atol=1e-5)
    similar, unrelated = (fast_embedder.encode_queries(["多少党员志愿者"]) @ first[:2].T)[0]
    assert similar > unrelated


def test_missing_model_names_the_fix(tmp_path):
    with pytest.raises(ModelError, match="qa fetch-model"):
        get_embedder(Settings(model_dir=tmp_path))


def toy_transformer(folder, layers: int, hidden: int = 4, wide: int = 8):
    """A graph shaped like the exported model: an embedding table, then per layer an attention, an up and a down
    projection (the down projection's input wider than the hidden size). Returns the file and its node names."""
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    weights = np.random.default_rng(0).standard_normal
    initializers = [numpy_helper.from_array(weights((10, hidden)).astype(np.float32), "table")]
    nodes = [helper.make_node("Gather", ["table", "ids"], ["x0"], name="embed")]
    for layer in range(layers):
        for kind, shape in (("attend", (hidden, hidden)), ("up", (hidden, wide)), ("down", (wide, hidden))):
            name = f"{kind}{layer}"
            initializers.append(numpy_helper.from_array(weights(shape).astype(np.float32), f"w_{name}"))
            source = f"x{layer}" if kind == "attend" else f"h{layer}_{'attend' if kind == 'up' else 'up'}"
            target = f"x{layer + 1}" if kind == "down" else f"h{layer}_{kind}"
            nodes.append(helper.make_node("MatMul", [source, f"w_{name}"], [target], name=name))
    graph = helper.make_graph(nodes, "toy", [helper.make_tensor_value_info("ids", TensorProto.INT64, [None])],
                              [helper.make_tensor_value_info(f"x{layers}", TensorProto.FLOAT, [None, hidden])],
                              initializers)
    onnx.save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)]), folder / "toy.onnx")
    return folder / "toy.onnx", {node.name for node in nodes}


def test_int8_keeps_the_sensitive_weights_in_fp32(tmp_path):
    """The embedding table, every down projection and the edge layers stay fp32; the rest is quantised."""
    from qa.embed.onnx_export import FP32_EDGE_LAYERS, fp32_nodes

    toy, every = toy_transformer(tmp_path, 2 * FP32_EDGE_LAYERS + 1)
    middle = FP32_EDGE_LAYERS
    assert every - set(fp32_nodes(toy)) == {f"attend{middle}", f"up{middle}"}


def test_int8_weights_live_beside_the_graph(tmp_path):
    """The quantised weights go to a data file that ONNX Runtime maps, not into the graph's protobuf (which it
    would copy whole into memory: the fp32 embedding table alone is 805 MB)."""
    import onnx
    import onnxruntime

    from qa.embed.onnx_export import FP32_EDGE_LAYERS, quantize_int8

    toy, _ = toy_transformer(tmp_path, 2 * FP32_EDGE_LAYERS + 1, hidden=32, wide=64)
    target = quantize_int8(toy, tmp_path / "toy_int8.onnx")
    data = tmp_path / "toy_int8.onnx.data"
    graph = onnx.load(str(target), load_external_data=False).graph
    assert data.stat().st_size > target.stat().st_size
    assert any(node.op_type.startswith(("MatMulInteger", "DynamicQuantize")) for node in graph.node)
    assert all(init.data_location == onnx.TensorProto.EXTERNAL for init in graph.initializer if init.name == "table")
    ids = np.array([1, 2, 3], dtype=np.int64)
    session = onnxruntime.InferenceSession(str(target), providers=["CPUExecutionProvider"])
    exact = onnxruntime.InferenceSession(str(toy), providers=["CPUExecutionProvider"])
    ours, theirs = session.run(None, {"ids": ids})[0], exact.run(None, {"ids": ids})[0]
    cosine = (ours * theirs).sum(axis=1) / np.linalg.norm(ours, axis=1) / np.linalg.norm(theirs, axis=1)
    assert cosine.min() > 0.9


def test_the_light_tokenizer_gives_transformers_ids_and_offsets(settings):
    """The ONNX encoder reads tokenizer.json directly (no transformers import): same ids, masks and offsets."""
    from transformers import AutoTokenizer

    from qa.embed.loader import resolve_model
    from qa.embed.tokenizer import ModelTokenizer

    folder = resolve_model(settings)
    reference = AutoTokenizer.from_pretrained(folder, local_files_only=True)
    ours = ModelTokenizer(folder, 2048)
    texts = ["task: search result | query: 多少党员志愿者", "title: 标题 | text: 7月12日起连续三天,“人民至上” English 123",
             "短"]
    ids, mask, offsets = ours.batch(texts)
    expected = reference(texts, padding=True, return_offsets_mapping=True, return_tensors="np")
    assert np.array_equal(ids, expected["input_ids"]) and np.array_equal(mask, expected["attention_mask"])
    assert all(np.array_equal(o, e) for o, e in zip(offsets, expected["offset_mapping"]))
    for text in texts:
        assert ours.offsets(text) == list(reference(text, add_special_tokens=False,
                                                    return_offsets_mapping=True)["offset_mapping"])
