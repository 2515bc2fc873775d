"""Evaluation on gold question/answer pairs: retrieval, answer and latency metrics."""

from qa.evaluate.gold import GoldError, GoldItem, load_gold
from qa.evaluate.run import Report, evaluate, format_table

__all__ = ["GoldError", "GoldItem", "Report", "evaluate", "format_table", "load_gold"]
