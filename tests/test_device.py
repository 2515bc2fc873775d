"""Choosing where the encoder runs (QA_DEVICE), without needing a GPU."""

import pytest

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
