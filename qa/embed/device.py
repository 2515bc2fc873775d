"""Where the encoder runs: the CPU, or a CUDA GPU when one is there (``QA_DEVICE=cpu|cuda|auto``)."""

from __future__ import annotations

import logging

from qa.errors import ModelError

logger = logging.getLogger(__name__)

CUDA_PROVIDER = "CUDAExecutionProvider"
CPU_PROVIDER = "CPUExecutionProvider"


def cuda_available(encoder: str) -> bool:
    """Whether ``encoder`` can run on a CUDA GPU here: torch built with CUDA and seeing a GPU, or ONNX Runtime
    with its CUDA provider (the ``onnxruntime-gpu`` package)."""
    if encoder == "torch":
        import torch

        return bool(torch.cuda.is_available())
    if encoder.startswith("onnx"):
        import onnxruntime

        return CUDA_PROVIDER in onnxruntime.get_available_providers()
    return False


def choose_device(requested: str, encoder: str, has_cuda: bool) -> str:
    """The device to encode on.

    Args:
        requested: ``cpu``, ``cuda`` or ``auto`` (the GPU when there is one).
        encoder: the encoder backend.
        has_cuda: whether that backend can use a GPU here (:func:`cuda_available`).

    Raises:
        ModelError: ``cuda`` was asked for but is not available to this encoder.
    """
    if requested == "cuda" and not has_cuda:
        raise ModelError(f"QA_DEVICE=cuda, but the {encoder} encoder sees no CUDA GPU here (torch needs a CUDA "
                         "build, ONNX Runtime the onnxruntime-gpu package): set QA_DEVICE=cpu or auto")
    device = "cuda" if requested == "cuda" or (requested == "auto" and has_cuda) else "cpu"
    logger.info("encoder %s runs on %s (QA_DEVICE=%s)", encoder, device, requested)
    return device


def onnx_providers(device: str) -> list[str]:
    """ONNX Runtime's execution providers for a device, the CPU always last."""
    return [CUDA_PROVIDER, CPU_PROVIDER] if device == "cuda" else [CPU_PROVIDER]
