"""Sentence embeddings: one model per process, loaded lazily and shared by API, CLI and tests.

Two backends with the same methods: :class:`TorchEmbedder` (sentence-transformers) and
:class:`OnnxEmbedder` (ONNX Runtime over the exported model, fp32 or int8). Both use the model's
own query and document prompts and return normalised float32 vectors.
"""

from __future__ import annotations

import json
import os
import threading
from collections import OrderedDict
from functools import lru_cache
from pathlib import Path

import numpy as np
from tqdm import tqdm

from qa.config import DEFAULT_MODEL, Settings, get_settings
from qa.model_store import MODEL_NAME, ModelError, is_verified

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

TITLE_SLOT = "title: none"


def resolve_model(settings: Settings) -> str:
    """Return the model path or name to load.

    Raises:
        ModelError: the default model has not been fetched and verified yet.
    """
    if settings.model != DEFAULT_MODEL:
        return settings.model
    folder = Path(settings.model_dir) / MODEL_NAME
    if not is_verified(folder):
        raise ModelError(f"no verified model in {folder}: run `qa fetch-model` (or `make run`) first")
    return str(folder)


class Embedder:
    """What every backend shares: prompts, batching, normalisation and a cache of question vectors.

    Args:
        name: the vector space, recorded in index manifests (indexes of another space are refused).
        dimension: vector dimension.
        prompts: the model's named prompts (``query``, ``document``, ``STS`` …).
        batch_size: encoding batch size.
        encoder: backend name (``torch``, ``onnx``, ``onnx-int8``).
        query_cache_size: how many recent question vectors to keep.
    """

    def __init__(self, name: str, dimension: int, prompts: dict[str, str], batch_size: int, encoder: str,
                 query_cache_size: int = 1024) -> None:
        self.name = name
        self.dimension = dimension
        self.prompts = prompts
        self.batch_size = batch_size
        self.encoder = encoder
        self.query_cache_size = query_cache_size
        self._lock = threading.Lock()
        self._cache_lock = threading.Lock()
        self._query_cache: OrderedDict[str, np.ndarray] = OrderedDict()

    def _embed(self, texts: list[str], progress: bool) -> np.ndarray:
        """Backend hook: embed texts that already carry their prompt."""
        raise NotImplementedError

    def _encode(self, texts: list[str], prompt: str, progress: bool = False) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        with self._lock:
            vectors = np.asarray(self._embed([prompt + text for text in texts], progress), dtype=np.float32)
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        return np.ascontiguousarray(vectors / np.where(norms > 0, norms, 1))

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        """Embed questions with the model's ``query`` prompt, reusing vectors of recently seen questions.

        Returns:
            Normalised float32 vectors, one row per text.
        """
        with self._cache_lock:
            found = {text: self._query_cache[text] for text in texts if text in self._query_cache}
        missing = [text for text in dict.fromkeys(texts) if text not in found]
        if missing:
            found |= dict(zip(missing, self._encode(missing, self.prompts.get("query", ""))))
        with self._cache_lock:
            for text in texts:
                self._query_cache[text] = found[text]
                self._query_cache.move_to_end(text)
            while len(self._query_cache) > self.query_cache_size:
                self._query_cache.popitem(last=False)
        rows = [found[text] for text in texts]
        return np.stack(rows) if rows else np.zeros((0, self.dimension), dtype=np.float32)

    def encode_documents(self, texts: list[str], titles: list[str] | None = None, progress: bool = False) -> np.ndarray:
        """Embed passages with the model's ``document`` prompt, filling in each passage's title when the prompt has a slot for it.

        Returns:
            Normalised float32 vectors, one row per text.
        """
        prompt = self.prompts.get("document", "")
        if titles is not None and TITLE_SLOT in prompt:
            texts = [prompt.replace(TITLE_SLOT, f"title: {title or 'none'}") + text for text, title in zip(texts, titles)]
            prompt = ""
        return self._encode(texts, prompt, progress)

    def encode_texts(self, texts: list[str]) -> np.ndarray:
        """Embed texts symmetrically (sentence similarity), for comparing sentences with each other."""
        return self._encode(texts, self.prompts.get("STS", ""))


class TorchEmbedder(Embedder):
    """sentence-transformers on PyTorch.

    Args:
        model: model name or folder.
        name: the vector space name (default: ``model``).
        batch_size: encoding batch size.
    """

    def __init__(self, model: str, name: str | None = None, batch_size: int = 8) -> None:
        from sentence_transformers import SentenceTransformer

        self.model = SentenceTransformer(model, device="cpu")
        dimension = getattr(self.model, "get_embedding_dimension", None) or self.model.get_sentence_embedding_dimension
        super().__init__(name or model, int(dimension()), dict(self.model.prompts or {}), batch_size, "torch")

    def _embed(self, texts: list[str], progress: bool) -> np.ndarray:
        return self.model.encode(texts, batch_size=self.batch_size, show_progress_bar=progress, convert_to_numpy=True)


class OnnxEmbedder(Embedder):
    """ONNX Runtime over the model exported by ``qa optimize-model`` (see :mod:`qa.onnx_export`).

    Inputs are sorted by length and padded per batch, so short texts do not pay for long ones.

    Args:
        model_dir: the sentence-transformers folder (tokenizer, prompts).
        onnx_file: the exported graph (token ids and mask in, sentence embedding out).
        name: the vector space name.
        batch_size: encoding batch size.
        encoder: ``onnx`` or ``onnx-int8``.
        threads: intra-op threads (0: all cores).
        max_tokens: longer inputs are truncated.
    """

    def __init__(self, model_dir: str, onnx_file: Path, name: str, batch_size: int = 8, encoder: str = "onnx-int8",
                 threads: int = 0, max_tokens: int = 2048) -> None:
        import onnxruntime
        from transformers import AutoTokenizer

        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = threads or (os.cpu_count() or 1)
        options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_ALL
        self.session = onnxruntime.InferenceSession(str(onnx_file), options, providers=["CPUExecutionProvider"])
        self.tokenizer = AutoTokenizer.from_pretrained(model_dir)
        self.max_tokens = max_tokens
        config = json.loads((Path(model_dir) / "config_sentence_transformers.json").read_text(encoding="utf-8"))
        dimension = int(self.session.get_outputs()[0].shape[-1])
        super().__init__(name, dimension, dict(config.get("prompts") or {}), batch_size, encoder)

    def _embed(self, texts: list[str], progress: bool) -> np.ndarray:
        order = np.argsort([-len(text) for text in texts], kind="stable")
        vectors = np.zeros((len(texts), self.dimension), dtype=np.float32)
        batches = range(0, len(texts), self.batch_size)
        for start in tqdm(batches, desc="encoding", unit="batch", disable=not progress):
            rows = order[start:start + self.batch_size]
            tokens = self.tokenizer([texts[i] for i in rows], padding=True, truncation=True,
                                    max_length=self.max_tokens, return_tensors="np")
            feeds = {"input_ids": tokens["input_ids"].astype(np.int64),
                     "attention_mask": tokens["attention_mask"].astype(np.int64)}
            vectors[rows] = self.session.run(None, feeds)[0]
        return vectors


@lru_cache(maxsize=4)
def _load(model: str, name: str, batch_size: int, encoder: str, model_dir: str, threads: int) -> Embedder:
    if encoder == "torch":
        return TorchEmbedder(model, name, batch_size)
    from qa.onnx_export import onnx_model_file

    return OnnxEmbedder(model, onnx_model_file(Path(model_dir), encoder), name, batch_size, encoder, threads)


def get_embedder(settings: Settings | None = None) -> Embedder:
    """Return the process-wide embedder for the configured model and encoder (loaded on first use).

    Raises:
        ModelError: the model (or its ONNX export) is missing.
    """
    settings = settings or get_settings()
    if settings.threads:
        import torch

        torch.set_num_threads(settings.threads)
    if settings.encoder != "torch" and settings.model != DEFAULT_MODEL:
        raise ModelError(f"QA_ENCODER={settings.encoder} is available for the default model only; "
                         "use QA_ENCODER=torch with QA_MODEL")
    return _load(resolve_model(settings), settings.model, settings.batch_size, settings.encoder,
                 str(settings.model_dir), settings.threads)
