"""Vectors kept by content: the key of a vector is a hash of the vector space, the encoder, the stored precision
and the exact model input (prompt and text), so no text is embedded twice, across writes and builds alike."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable

import numpy as np

from qa.embed import Embedder
from qa.index.store import read_vectors, transaction, write_vectors


def vector_key(embedder: Embedder, dtype: str, model_input: str) -> str:
    """The content key of one vector."""
    digest = hashlib.sha256()
    for part in (embedder.name, embedder.encoder, dtype, model_input):
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.hexdigest()


def vector_keys(embedder: Embedder, inputs: list[str], dtype: str) -> list[str]:
    """The content keys of model inputs stored at ``dtype``."""
    return [vector_key(embedder, dtype, text) for text in inputs]


class VectorCache:
    """Embeds model inputs through the index's vector table: stored vectors are read, missing ones computed and
    committed right away (a killed build resumes where it stopped).

    Args:
        connection: the index database.
        embedder: the encoder.
    """

    def __init__(self, connection: sqlite3.Connection, embedder: Embedder) -> None:
        self.connection = connection
        self.embedder = embedder
        self.embedded = 0

    def vectors(self, inputs: list[str], dtype: str, progress: Callable[[int], None] | None = None) -> np.ndarray:
        """One vector per input (rows in order), embedding only the inputs not stored yet.

        Args:
            inputs: model inputs (prompt and text).
            dtype: ``float32`` or ``float16``, the stored precision.
            progress: called with the number of inputs embedded so far.
        """
        keys = vector_keys(self.embedder, inputs, dtype)
        found = read_vectors(self.connection, list(dict.fromkeys(keys)))
        missing = list(dict.fromkeys(text for text, key in zip(inputs, keys) if key not in found))
        if missing:
            computed = self.embedder.encode_inputs(missing).astype(dtype)
            fresh = {vector_key(self.embedder, dtype, text): vector for text, vector in zip(missing, computed)}
            with transaction(self.connection):
                write_vectors(self.connection, fresh)
            found |= fresh
            self.embedded += len(missing)
            if progress:
                progress(self.embedded)
        if not keys:
            return np.zeros((0, self.embedder.dimension), dtype=dtype)
        return np.stack([found[key] for key in keys])
