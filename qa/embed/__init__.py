"""Embeddings: encoder backends with one interface, the verified model store and the ONNX export."""

from qa.embed.base import Embedder
from qa.embed.loader import get_embedder

__all__ = ["Embedder", "get_embedder"]
