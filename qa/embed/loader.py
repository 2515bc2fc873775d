"""Choosing and loading the configured encoder, once per process."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from qa.config import DEFAULT_MODEL, Settings
from qa.embed.base import Embedder
from qa.embed.device import choose_device, cuda_available, onnx_providers
from qa.embed.model_store import MODEL_NAME, verify_model_dir
from qa.errors import ModelError


def resolve_model(settings: Settings) -> str:
    """Return the model path or name to load; the default model's files are verified first, at every load.

    Raises:
        ModelError: the default model has not been fetched yet, or a file of it changed since (naming the file).
    """
    if settings.model != DEFAULT_MODEL:
        return settings.model
    folder = Path(settings.model_dir) / MODEL_NAME
    if not folder.is_dir():
        raise ModelError(f"no verified model in {folder}: run `qa fetch-model` (or `make run`) first")
    verify_model_dir(folder)
    return str(folder)


ENCODER_FIELDS = ("encoder", "model", "model_dir", "batch_size", "threads", "query_cache_size", "hashing_dimension",
                  "device", "query_batch_size", "query_batch_wait_ms")


@lru_cache(maxsize=4)
def _load(key: tuple) -> Embedder:
    settings = Settings(**dict(zip(ENCODER_FIELDS, key)))
    embedder = _create(settings)
    embedder.batch_queries(settings.query_batch_size, settings.query_batch_wait_ms / 1000)
    return embedder


def _create(settings: Settings) -> Embedder:
    if settings.encoder == "hashing":
        from qa.embed.hashing import HashingEmbedder

        return HashingEmbedder(settings.hashing_dimension, settings.batch_size, settings.query_cache_size)
    if settings.encoder != "torch" and settings.model != DEFAULT_MODEL:
        raise ModelError(f"QA_ENCODER={settings.encoder} is available for the default model only; "
                         "use QA_ENCODER=torch with QA_MODEL")
    model = resolve_model(settings)
    device = choose_device(settings.device, settings.encoder, cuda_available(settings.encoder))
    if settings.encoder == "torch":
        import torch

        from qa.embed.torch_encoder import TorchEmbedder

        if settings.threads:
            torch.set_num_threads(settings.threads)
        return TorchEmbedder(model, settings.model, settings.batch_size, settings.query_cache_size, device)
    from qa.embed.onnx_encoder import OnnxEmbedder
    from qa.embed.onnx_export import onnx_model_file

    return OnnxEmbedder(model, onnx_model_file(Path(settings.model_dir), settings.encoder), settings.model,
                        settings.batch_size, settings.encoder, settings.threads, settings.query_cache_size,
                        onnx_providers(device))


def get_embedder(settings: Settings) -> Embedder:
    """Return the process-wide embedder for the configured model and encoder (loaded on first use).

    Raises:
        ModelError: the model (or its ONNX export) is missing.
    """
    return _load(tuple(getattr(settings, name) for name in ENCODER_FIELDS))
