"""Retrieval: dense, lexical and fused rankings of passages."""

from qa.retrieve.retriever import Retrieval, Retriever

__all__ = ["Retrieval", "Retriever"]
