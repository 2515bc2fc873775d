"""ONNX Runtime over the transformer exported by ``qa optimize-model`` (:mod:`qa.embed.onnx_export`), fp32 or int8;
the model's head (pooling, dense layers) runs in numpy (:mod:`qa.embed.head`)."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import numpy as np
from tqdm import tqdm

from qa.embed.base import Embedder
from qa.embed.head import SentenceHead, TokenStates
from qa.embed.tokenizer import ModelTokenizer
from qa.errors import ModelError


class OnnxEmbedder(Embedder):
    """ONNX Runtime over the exported transformer, with the model's head applied to its token states.

    Inputs are sorted by length and padded per batch, so short texts do not pay for long ones.

    Args:
        model_dir: the sentence-transformers folder (tokenizer, prompts, head).
        onnx_file: the exported graph (token ids and mask in, token states out).
        name: the vector space name.
        batch_size: encoding batch size.
        encoder: ``onnx`` or ``onnx-int8``.
        threads: intra-op threads (0: all cores).
        query_cache_size: how many recent question vectors to keep.
        providers: ONNX Runtime execution providers, in order of preference.
    """

    MAX_TOKENS = 2048

    def __init__(self, model_dir: str, onnx_file: Path, name: str, batch_size: int, encoder: str, threads: int,
                 query_cache_size: int, providers: list[str]) -> None:
        import onnxruntime

        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = threads or (os.cpu_count() or 1)
        options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_ALL
        self.session = onnxruntime.InferenceSession(str(onnx_file), options, providers=providers)
        head = SentenceHead.from_folder(model_dir)
        if head is None:
            raise ModelError(f"the model in {model_dir} does not pool by token mean: use QA_ENCODER=torch")
        config = json.loads((Path(model_dir) / "config_sentence_transformers.json").read_text(encoding="utf-8"))
        dimension = len(head.bias) if head.bias is not None else int(self.session.get_outputs()[0].shape[-1])
        super().__init__(name, dimension, dict(config.get("prompts") or {}), batch_size, encoder, query_cache_size)
        self.tokenizer = ModelTokenizer(model_dir, self.MAX_TOKENS)
        self.head = head
        self.device = "cuda" if self.session.get_providers()[0] == "CUDAExecutionProvider" else "cpu"

    def _batches(self, texts: list[str], progress: bool
                 ) -> Iterator[tuple[np.ndarray, np.ndarray, np.ndarray, list[np.ndarray]]]:
        """Forward passes over length-sorted batches: ``(rows, token states, attention mask, token offsets)``."""
        order = np.argsort([-len(text) for text in texts], kind="stable")
        for start in tqdm(range(0, len(texts), self.batch_size), desc="encoding", unit="batch", disable=not progress):
            rows = order[start:start + self.batch_size]
            ids, mask, offsets = self.tokenizer.batch([texts[i] for i in rows])
            yield rows, self.session.run(None, {"input_ids": ids, "attention_mask": mask})[0], mask, offsets

    def _embed(self, texts: list[str], progress: bool) -> np.ndarray:
        vectors = np.zeros((len(texts), self.dimension), dtype=np.float32)
        for rows, states, mask, _ in self._batches(texts, progress):
            weights = mask[:, :, None].astype(np.float32)
            vectors[rows] = self.head.apply((states * weights).sum(axis=1) / weights.sum(axis=1))
        return vectors

    def _token_states(self, texts: list[str]) -> list[TokenStates]:
        found: list[TokenStates | None] = [None] * len(texts)
        for rows, states, mask, offsets in self._batches(texts, False):
            for position, row in enumerate(rows):
                kept = mask[position].astype(bool)
                found[row] = TokenStates(states[position][kept], offsets[position][kept])
        return found  # type: ignore[return-value]

    def _token_offsets(self, text: str) -> list[tuple[int, int]]:
        return self.tokenizer.offsets(text)
