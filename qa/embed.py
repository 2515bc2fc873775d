"""Sentence embeddings: one model per process, loaded lazily and shared by API, CLI and tests."""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from functools import lru_cache
from pathlib import Path

import numpy as np

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
    """A sentence-transformers model with the model's own query and document prompts.

    Args:
        model: model name or folder.
        name: the name recorded in index manifests (default: ``model``).
        batch_size: encoding batch size.
        query_cache_size: how many recent question vectors to keep.
    """

    def __init__(self, model: str, name: str | None = None, batch_size: int = 8, query_cache_size: int = 1024) -> None:
        from sentence_transformers import SentenceTransformer

        self.name = name or model
        self.batch_size = batch_size
        self.model = SentenceTransformer(model, device="cpu")
        dimension = getattr(self.model, "get_embedding_dimension", None) or self.model.get_sentence_embedding_dimension
        self.dimension = int(dimension())
        self.prompts: dict[str, str] = dict(self.model.prompts or {})
        self._lock = threading.Lock()
        self._cache_lock = threading.Lock()
        self.query_cache_size = query_cache_size
        self._query_cache: OrderedDict[str, np.ndarray] = OrderedDict()

    def _encode(self, texts: list[str], prompt: str, progress: bool = False) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        with self._lock:
            vectors = self.model.encode(texts, prompt=prompt, batch_size=self.batch_size, show_progress_bar=progress,
                                        normalize_embeddings=True, convert_to_numpy=True)
        return np.ascontiguousarray(vectors, dtype=np.float32)

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


@lru_cache(maxsize=4)
def _load(model: str, name: str, batch_size: int) -> Embedder:
    return Embedder(model, name, batch_size)


def get_embedder(settings: Settings | None = None) -> Embedder:
    """Return the process-wide embedder for the configured model (loaded on first use)."""
    settings = settings or get_settings()
    if settings.threads:
        import torch

        torch.set_num_threads(settings.threads)
    return _load(resolve_model(settings), settings.model, settings.batch_size)
