"""Vectors kept by content: the key of a vector is a hash of the vector space, the encoder, the stored precision
and the exact model input (prompt and text), so no text is embedded twice, across writes and builds alike."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable

import numpy as np

from qa.embed import Embedder
from qa.index.store import read_vectors, transaction, write_vectors


def vector_key(embedder: Embedder, dtype: str, *model_input: str) -> str:
    """The content key of one vector, whose model input is the parts of ``model_input`` joined (given in parts, a
    long input shared by many keys is never copied into each), each as the model reads it
    (:meth:`Embedder.model_text`)."""
    digest = hashlib.sha256()
    for part in (embedder.name, embedder.encoder, dtype):
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    for part in model_input:
        digest.update(embedder.model_text(part).encode("utf-8", "surrogatepass"))
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
        return self._rows(keys, found, dtype)

    def late_vectors(self, inputs: list[str], spans: list[list[tuple[int, int]]], span_keys: list[list[str]]) -> None:
        """Store the vectors of passages (float32) and of spans of them (float16), one forward pass per passage
        that lacks either (:meth:`Embedder.encode_late`).

        Args:
            inputs: passages' model inputs.
            spans: per passage, character spans of its input.
            span_keys: per passage, the key each span's vector is stored under (see :meth:`stored`).
        """
        passage_keys = vector_keys(self.embedder, inputs, "float32")
        found = read_vectors(self.connection, list(dict.fromkeys(passage_keys + [k for keys in span_keys for k in keys])))
        missing = list({passage_keys[row]: row for row in range(len(inputs))
                        if passage_keys[row] not in found or any(k not in found for k in span_keys[row])}.values())
        if not missing:
            return
        vectors, parts = self.embedder.encode_late([inputs[row] for row in missing], [spans[row] for row in missing])
        fresh = {passage_keys[row]: vector for row, vector in zip(missing, vectors)}
        for row, part in zip(missing, parts):
            fresh |= dict(zip(span_keys[row], part.astype(np.float16)))
        with transaction(self.connection):
            write_vectors(self.connection, fresh)
        self.embedded += len(missing)

    def stored(self, keys: list[str], dtype: str) -> np.ndarray:
        """Vectors already stored under ``keys`` (such as late-chunked sentences'), rows in order.

        Raises:
            KeyError: one is not stored.
        """
        return self._rows(keys, read_vectors(self.connection, list(dict.fromkeys(keys))), dtype)

    def _rows(self, keys: list[str], found: dict[str, np.ndarray], dtype: str) -> np.ndarray:
        if not keys:
            return np.zeros((0, self.embedder.dimension), dtype=dtype)
        return np.stack([found[key] for key in keys])
