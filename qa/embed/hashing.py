"""A model-free stand-in encoder: hashed character n-grams of the folded text.

Deterministic and instant, it lets ingestion, indexing, retrieval, the service and the API be tested without
the 300M-parameter model. Texts that share characters get similar vectors; nothing more is meant by them.
"""

from __future__ import annotations

import zlib

import numpy as np

from qa.embed.base import Embedder
from qa.text.normalize import fold

NGRAMS = (1, 2, 3)


class HashingEmbedder(Embedder):
    """Signed feature hashing of character 1-3-grams into ``dimension`` buckets.

    Args:
        dimension: vector dimension.
        batch_size: kept for the common interface.
        query_cache_size: how many recent question vectors to keep.
    """

    def __init__(self, dimension: int, batch_size: int, query_cache_size: int) -> None:
        super().__init__(f"hashing-ngrams-{dimension}", dimension, {}, batch_size, "hashing", query_cache_size)

    def _embed(self, texts: list[str], progress: bool) -> np.ndarray:
        vectors = np.zeros((len(texts), self.dimension), dtype=np.float32)
        for row, text in enumerate(texts):
            folded = fold(text)
            for size in NGRAMS:
                for start in range(len(folded) - size + 1):
                    code = zlib.crc32(folded[start:start + size].encode("utf-8"))
                    vectors[row, code % self.dimension] += 1.0 if code & 0x80000000 else -1.0
        return vectors
