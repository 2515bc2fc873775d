"""The model head in numpy (pooling, composed dense layers, normalisation) and late chunking over it."""

import json

import numpy as np
import pytest
from safetensors.numpy import save_file

from qa.embed.head import SentenceHead, TokenStates

POOLING = "sentence_transformers.models.Pooling"


def model_folder(tmp_path, pooling: dict, dense: list[tuple[np.ndarray, np.ndarray | None]],
                 activation: str = "torch.nn.modules.linear.Identity"):
    modules = [{"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
               {"idx": 1, "name": "1", "path": "1_Pooling", "type": POOLING}]
    (tmp_path / "1_Pooling").mkdir()
    (tmp_path / "1_Pooling" / "config.json").write_text(json.dumps(pooling))
    for number, (weight, bias) in enumerate(dense, start=2):
        folder = tmp_path / f"{number}_Dense"
        folder.mkdir()
        folder.joinpath("config.json").write_text(json.dumps({"activation_function": activation}))
        save_file({"linear.weight": weight} | ({} if bias is None else {"linear.bias": bias}),
                  str(folder / "model.safetensors"))
        modules.append({"idx": number, "name": str(number), "path": folder.name,
                        "type": "sentence_transformers.models.Dense"})
    modules.append({"idx": 9, "name": "9", "path": "9_Normalize", "type": "sentence_transformers.models.Normalize"})
    (tmp_path / "modules.json").write_text(json.dumps(modules))
    return tmp_path


MEAN = {"pooling_mode_mean_tokens": True, "pooling_mode_cls_token": False, "include_prompt": True}


def unit(vectors):
    return vectors / np.linalg.norm(vectors, axis=-1, keepdims=True)


def test_composed_dense_layers_equal_applying_them_in_turn(tmp_path):
    generator = np.random.default_rng(0)
    first, second = generator.normal(size=(12, 4)).astype(np.float32), generator.normal(size=(3, 12)).astype(np.float32)
    bias = generator.normal(size=3).astype(np.float32)
    head = SentenceHead.from_folder(model_folder(tmp_path, MEAN, [(first, None), (second, bias)]))
    pooled = generator.normal(size=(5, 4)).astype(np.float32)
    assert np.allclose(head.apply(pooled), unit(pooled @ first.T @ second.T + bias), atol=1e-5)


def test_spans_pool_the_tokens_that_overlap_them(tmp_path):
    head = SentenceHead.from_folder(model_folder(tmp_path, MEAN, []))
    states = np.array([[1, 0, 0], [0, 1, 0], [0, 1, 1], [0, 0, 1], [5, 5, 5]], dtype=np.float32)
    offsets = np.array([[0, 0], [0, 2], [2, 4], [4, 6], [0, 0]])
    whole, spans = head.pool(TokenStates(states, offsets), [(0, 3), (4, 6), (10, 12)])
    assert np.allclose(whole, unit(states.mean(axis=0)))
    assert np.allclose(spans[0], unit(states[1:3].mean(axis=0)))
    assert np.allclose(spans[1], unit(states[3]))
    assert np.allclose(spans[2], whole), "a span beyond the tokens gets the text's vector"


@pytest.mark.parametrize("pooling, activation", [
    ({"pooling_mode_cls_token": True, "pooling_mode_mean_tokens": False}, "torch.nn.modules.linear.Identity"),
    ({"pooling_mode_mean_tokens": True, "pooling_mode_max_tokens": True}, "torch.nn.modules.linear.Identity"),
    (MEAN, "torch.nn.modules.activation.Tanh"),
    ({"embedding_dimension": 4, "pooling_mode": "cls", "include_prompt": True}, "torch.nn.modules.linear.Identity"),
    ({"embedding_dimension": 4, "pooling_mode": ["mean", "max"]}, "torch.nn.modules.linear.Identity"),
])
def test_heads_that_do_not_commute_with_spans_are_refused(tmp_path, pooling, activation):
    weight = np.eye(3, dtype=np.float32)
    assert SentenceHead.from_folder(model_folder(tmp_path, pooling, [(weight, None)], activation)) is None


def test_a_model_saved_by_the_installed_sentence_transformers_keeps_its_head(tiny_model):
    from qa.embed.torch_encoder import TorchEmbedder

    texts = ["茂名市开展全员核酸检测。", "检测从7月12日起连续三天。"]
    embedder = TorchEmbedder(str(tiny_model(texts)), "tiny", 2, 0, "cpu")
    inputs = embedder.document_inputs(texts)
    passages, sentences = embedder.encode_late(inputs, [[(0, len(text) // 2)] for text in inputs])
    assert np.allclose((passages * embedder.encode_documents(texts)).sum(axis=1), 1, atol=1e-5)
    assert [parts.shape for parts in sentences] == [(1, 16), (1, 16)]


def test_a_folder_without_modules_has_no_head(tmp_path):
    assert SentenceHead.from_folder(tmp_path) is None


def test_late_chunking_keeps_passage_vectors_and_places_sentences(embedder):
    """One forward pass gives the passage's usual vector, and each sentence a vector nearest its own text."""
    text = "云潭镇共有400多名党员主动申请加入志愿者队伍。核酸检测现场秩序井然。暴雨导致河水上涨。"
    sentences = [(0, 23), (23, 33), (33, 43)]
    [model_input] = embedder.document_inputs([text], ["标题"])
    shift = len(model_input) - len(text)
    passages, parts = embedder.encode_late([model_input], [[(a + shift, b + shift) for a, b in sentences]])
    assert float(passages[0] @ embedder.encode_inputs([model_input])[0]) > 0.999
    assert parts[0].shape == (3, embedder.dimension)
    assert np.allclose(np.linalg.norm(parts[0], axis=1), 1, atol=1e-4)
    alone = embedder.encode_documents([text[a:b] for a, b in sentences])
    similarity = parts[0] @ alone.T
    assert list(similarity.argmax(axis=1)) == [0, 1, 2]
