"""Extractive summaries of documents, texts and what the corpus says about a question."""

from qa.summarize.summarizer import Summarizer
from qa.summarize.weights import SummaryWeights

__all__ = ["Summarizer", "SummaryWeights"]
