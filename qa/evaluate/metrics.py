"""Metric functions, all pure: relevance, ranks, answer exact match and F1 (the CMRC 2018 scorer's), percentiles."""

from __future__ import annotations

import math
import unicodedata

from qa.evaluate.gold import GoldItem
from qa.text.normalize import fold

TOP_KS = (1, 3, 5, 10)


def normalize_answer(text: str) -> str:
    """CMRC 2018 scorer normalisation: fold width/case/script, drop punctuation and whitespace."""
    return "".join(c for c in fold(text) if not c.isspace() and unicodedata.category(c)[0] not in "PSZ")


def is_relevant(item: GoldItem, doc_id: str, text: str) -> bool:
    """A passage is relevant if its document is in ``passage_ids``, it holds the evidence, or (neither given) an answer."""
    if item.passage_ids and doc_id in item.passage_ids:
        return True
    squeezed = normalize_answer(text)
    if item.evidence:
        return normalize_answer(item.evidence) in squeezed
    if not item.passage_ids:
        return any(normalize_answer(answer) in squeezed for answer in item.answers if answer)
    return False


def first_relevant_rank(relevant: list[bool]) -> int | None:
    """1-based rank of the first relevant passage, or ``None``."""
    return next((rank for rank, flag in enumerate(relevant, 1) if flag), None)


def hit_at(rank: int | None, k: int) -> float:
    """1.0 when the first relevant passage is within the top ``k``."""
    return 1.0 if rank is not None and rank <= k else 0.0


def reciprocal_rank(rank: int | None, cutoff: int = 10) -> float:
    """``1/rank`` within the cutoff, else 0."""
    return 1.0 / rank if rank is not None and rank <= cutoff else 0.0


def longest_common_substring(a: str, b: str) -> int:
    """Length of the longest common substring (the CMRC 2018 scorer's overlap)."""
    best = 0
    previous = [0] * (len(b) + 1)
    for char_a in a:
        current = [0] * (len(b) + 1)
        for j, char_b in enumerate(b, 1):
            if char_a == char_b:
                current[j] = previous[j - 1] + 1
                best = max(best, current[j])
        previous = current
    return best


def exact_match(prediction: str, answers: list[str]) -> float:
    """1.0 when the normalised prediction equals a normalised gold answer."""
    predicted = normalize_answer(prediction)
    return 1.0 if any(predicted == normalize_answer(answer) for answer in answers) else 0.0


def char_f1(prediction: str, answers: list[str]) -> float:
    """Best character F1 over the answers, with the CMRC 2018 longest-common-substring overlap."""
    predicted = normalize_answer(prediction)
    best = 0.0
    for answer in answers:
        gold = normalize_answer(answer)
        overlap = longest_common_substring(predicted, gold)
        if overlap:
            precision, recall = overlap / len(predicted), overlap / len(gold)
            best = max(best, 2 * precision * recall / (precision + recall))
    return best


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (``q`` in 0..100); NaN for no values."""
    if not values:
        return math.nan
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, math.ceil(q / 100 * len(ordered)) - 1))]


def mean(values: list[float]) -> float:
    """Arithmetic mean; NaN for no values."""
    return sum(values) / len(values) if values else math.nan

