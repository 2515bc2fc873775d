"""Choosing where the encoder runs (QA_DEVICE), and (on a machine with a GPU) encoding there."""

import numpy as np
import pytest
import torch

from qa.embed.device import CPU_PROVIDER, CUDA_PROVIDER, choose_device, cuda_available, onnx_providers
from qa.errors import ModelError


@pytest.mark.parametrize("requested, has_cuda, expected", [
    ("auto", True, "cuda"), ("auto", False, "cpu"), ("cpu", True, "cpu"), ("cpu", False, "cpu"), ("cuda", True, "cuda"),
])
def test_device_choice(requested, has_cuda, expected):
    assert choose_device(requested, "onnx", has_cuda) == expected


def test_cuda_without_a_gpu_names_the_fix():
    with pytest.raises(ModelError, match="QA_DEVICE=cpu or auto"):
        choose_device("cuda", "torch", False)


def test_the_choice_is_logged(caplog):
    with caplog.at_level("INFO", logger="qa.embed.device"):
        choose_device("auto", "torch", False)
    assert "torch runs on cpu (QA_DEVICE=auto)" in caplog.text


def test_onnx_providers_keep_the_cpu_last():
    assert onnx_providers("cuda") == [CUDA_PROVIDER, CPU_PROVIDER]
    assert onnx_providers("cpu") == [CPU_PROVIDER]


def test_the_stand_in_encoder_never_asks_for_a_gpu():
    assert cuda_available("hashing") is False


def test_cuda_availability_follows_the_libraries(monkeypatch):
    import onnxruntime
    import torch

    monkeypatch.setattr(onnxruntime, "get_available_providers", lambda: [CUDA_PROVIDER, CPU_PROVIDER])
    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    assert cuda_available("onnx-int8") is True and cuda_available("torch") is False


TEXTS = ["茂名市开展全员核酸检测，400多名党员志愿者到场服务。", "第二段：检测从7月12日起连续三天。", "短句"]


@pytest.mark.gpu
@pytest.mark.skipif(not torch.cuda.is_available(), reason="needs a CUDA GPU")
def test_the_gpu_encodes_passages_and_sentences_as_the_cpu_does(tiny_model):
    from qa.embed.torch_encoder import TorchEmbedder

    folder = tiny_model(TEXTS)
    spans = [[(0, 10), (10, len(text))] if len(text) > 10 else [(0, len(text))] for text in TEXTS]
    on_cpu, on_gpu = (TorchEmbedder(str(folder), "tiny", 2, 0, device) for device in ("cpu", "cuda"))
    assert on_gpu.model.device.type == "cuda" and on_cpu.model.device.type == "cpu"
    cpu_passages, gpu_passages = on_cpu.encode_documents(TEXTS), on_gpu.encode_documents(TEXTS)
    assert np.allclose((cpu_passages * gpu_passages).sum(axis=1), 1, atol=1e-4)
    (cpu_late, cpu_sentences), (gpu_late, gpu_sentences) = (
        embedder.encode_late(embedder.document_inputs(TEXTS), spans) for embedder in (on_cpu, on_gpu))
    assert np.allclose((cpu_late * gpu_late).sum(axis=1), 1, atol=1e-4)
    for cpu_parts, gpu_parts in zip(cpu_sentences, gpu_sentences):
        assert np.allclose((cpu_parts * gpu_parts).sum(axis=1), 1, atol=1e-4)
