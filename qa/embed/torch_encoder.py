"""The sentence-transformers encoder on PyTorch: the reference the ONNX exports are checked against."""

from __future__ import annotations

import threading

import numpy as np

from qa.embed.base import Embedder
from qa.embed.head import SentenceHead, TokenStates


class TorchEmbedder(Embedder):
    """sentence-transformers on PyTorch.

    Args:
        model: model name or folder.
        name: the vector space name (default: ``model``).
        batch_size: encoding batch size.
        query_cache_size: how many recent question vectors to keep.
        device: ``cpu`` or ``cuda``.
    """

    def __init__(self, model: str, name: str, batch_size: int, query_cache_size: int, device: str) -> None:
        from sentence_transformers import SentenceTransformer

        self.model = SentenceTransformer(model, device=device, local_files_only=True)
        dimension = getattr(self.model, "get_embedding_dimension", None) or self.model.get_sentence_embedding_dimension
        super().__init__(name, int(dimension()), dict(self.model.prompts or {}), batch_size, "torch", query_cache_size)
        self.tokenizer = self.model.tokenizer
        self.head = SentenceHead.from_folder(model)
        self.device = device
        self._tokenizer_lock = threading.Lock()

    def _embed(self, texts: list[str], progress: bool) -> np.ndarray:
        return self.model.encode(texts, batch_size=self.batch_size, show_progress_bar=progress, convert_to_numpy=True)

    def _token_offsets(self, text: str) -> list[tuple[int, int]]:
        with self._tokenizer_lock:
            return list(self.tokenizer(text, add_special_tokens=False, return_offsets_mapping=True)["offset_mapping"])

    def _token_states(self, texts: list[str]) -> list[TokenStates]:
        states = self.model.encode(texts, batch_size=self.batch_size, output_value="token_embeddings")
        with self._tokenizer_lock:
            offsets = self.tokenizer(texts, truncation=True, max_length=self.model.max_seq_length,
                                     return_offsets_mapping=True)["offset_mapping"]
        return [TokenStates(state.float().cpu().numpy(), np.asarray(offset, dtype=np.int64).reshape(-1, 2))
                for state, offset in zip(states, offsets)]
