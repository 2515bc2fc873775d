"""The sentence-transformers encoder on PyTorch: the reference the ONNX exports are checked against."""

from __future__ import annotations

import numpy as np

from qa.embed.base import Embedder


class TorchEmbedder(Embedder):
    """sentence-transformers on PyTorch.

    Args:
        model: model name or folder.
        name: the vector space name (default: ``model``).
        batch_size: encoding batch size.
        query_cache_size: how many recent question vectors to keep.
    """

    def __init__(self, model: str, name: str, batch_size: int, query_cache_size: int) -> None:
        from sentence_transformers import SentenceTransformer

        self.model = SentenceTransformer(model, device="cpu", local_files_only=True)
        dimension = getattr(self.model, "get_embedding_dimension", None) or self.model.get_sentence_embedding_dimension
        super().__init__(name, int(dimension()), dict(self.model.prompts or {}), batch_size, "torch", query_cache_size)
        self.tokenizer = self.model.tokenizer

    def _embed(self, texts: list[str], progress: bool) -> np.ndarray:
        return self.model.encode(texts, batch_size=self.batch_size, show_progress_bar=progress, convert_to_numpy=True)
