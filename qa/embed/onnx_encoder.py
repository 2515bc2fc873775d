"""ONNX Runtime over the model exported by ``qa optimize-model`` (:mod:`qa.embed.onnx_export`), fp32 or int8."""

from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np
from tqdm import tqdm

from qa.embed.base import Embedder


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
        query_cache_size: how many recent question vectors to keep.
    """

    MAX_TOKENS = 2048

    def __init__(self, model_dir: str, onnx_file: Path, name: str, batch_size: int, encoder: str, threads: int,
                 query_cache_size: int) -> None:
        import onnxruntime
        from transformers import AutoTokenizer

        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = threads or (os.cpu_count() or 1)
        options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_ALL
        self.session = onnxruntime.InferenceSession(str(onnx_file), options, providers=["CPUExecutionProvider"])
        tokenizer = AutoTokenizer.from_pretrained(model_dir, local_files_only=True)
        config = json.loads((Path(model_dir) / "config_sentence_transformers.json").read_text(encoding="utf-8"))
        dimension = int(self.session.get_outputs()[0].shape[-1])
        super().__init__(name, dimension, dict(config.get("prompts") or {}), batch_size, encoder, query_cache_size)
        self.tokenizer = tokenizer

    def _embed(self, texts: list[str], progress: bool) -> np.ndarray:
        order = np.argsort([-len(text) for text in texts], kind="stable")
        vectors = np.zeros((len(texts), self.dimension), dtype=np.float32)
        batches = range(0, len(texts), self.batch_size)
        for start in tqdm(batches, desc="encoding", unit="batch", disable=not progress):
            rows = order[start:start + self.batch_size]
            tokens = self.tokenizer([texts[i] for i in rows], padding=True, truncation=True,
                                    max_length=self.MAX_TOKENS, return_tensors="np")
            feeds = {"input_ids": tokens["input_ids"].astype(np.int64),
                     "attention_mask": tokens["attention_mask"].astype(np.int64)}
            vectors[rows] = self.session.run(None, feeds)[0]
        return vectors
