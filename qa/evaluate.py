"""Evaluation on gold question/answer pairs: retrieval, answer and latency metrics.

Metric functions are pure; :func:`evaluate` runs questions through the same
:class:`qa.service.QAService` path as ``POST /ask``.
"""

from __future__ import annotations

import json
import logging
import math
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from tqdm import tqdm

from qa.text import fold

log = logging.getLogger(__name__)

TOP_KS = (1, 3, 5, 10)


class GoldError(ValueError):
    """The gold file is missing or malformed."""


@dataclass
class GoldItem:
    """One gold question."""

    id: str
    question: str
    answers: list[str] = field(default_factory=list)
    evidence: str | None = None
    passage_ids: list[str] = field(default_factory=list)

    @property
    def answerable(self) -> bool:
        """A question with no gold answer is one the corpus cannot answer."""
        return bool(self.answers)


def load_gold(path: Path, limit: int | None = None) -> list[GoldItem]:
    """Read a JSONL gold file, one question per line.

    Raises:
        GoldError: naming the line and what is wrong with it.
    """
    path = Path(path)
    if not path.is_file():
        raise GoldError(f"gold file not found: {path}")
    items: list[GoldItem] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            raise GoldError(f"{where}: not valid JSON ({error.msg})") from None
        if not isinstance(row, dict):
            raise GoldError(f"{where}: expected a JSON object")
        if not isinstance(row.get("question"), str):
            raise GoldError(f"{where}: 'question' must be a string")
        if not row["question"].strip():
            log.warning("%s: empty question skipped", where)
            continue
        answers = row.get("answers", [])
        if not isinstance(answers, list) or not all(isinstance(a, str) for a in answers):
            raise GoldError(f"{where}: 'answers' must be a list of strings")
        passage_ids = row.get("passage_ids", [])
        if not isinstance(passage_ids, list):
            raise GoldError(f"{where}: 'passage_ids' must be a list")
        evidence = row.get("evidence")
        if evidence is not None and not isinstance(evidence, str):
            raise GoldError(f"{where}: 'evidence' must be a string")
        items.append(GoldItem(str(row.get("id", number)), row["question"], answers, evidence,
                              [str(p) for p in passage_ids]))
        if limit and len(items) >= limit:
            break
    if not items:
        raise GoldError(f"{path}: no questions")
    return items


# ---------------------------------------------------------------- matching and metrics


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


# ---------------------------------------------------------------- running


def score_response(item: GoldItem, response: dict) -> dict:
    """Per-question result for one ``/ask``-shaped response."""
    passages = response["passages"]
    relevant = [is_relevant(item, p["source"]["doc_id"], p["text"]) for p in passages]
    rank = first_relevant_rank(relevant)
    top5 = "".join(normalize_answer(p["text"]) for p in passages[:5])
    result = {
        "id": item.id, "question": item.question, "answerable": item.answerable, "rank": rank,
        "top_passage": passages[0]["id"] if passages else None,
        "answer_in_top5": any(normalize_answer(a) in top5 for a in item.answers if a) if item.answerable else None,
        "timings": response.get("timings", {}),
    }
    if "answer" in response:
        answer = response["answer"]
        predicted = answer["text"] if answer else ""
        result |= {"answer": predicted or None, "declined": answer is None}
        if item.answerable:
            result |= {"em": exact_match(predicted, item.answers), "f1": char_f1(predicted, item.answers)}
    return result


def summarize(results: list[dict]) -> dict:
    """Aggregate per-question results into the metrics table of one mode."""
    answerable = [r for r in results if r["answerable"]]
    ranks = [r["rank"] for r in answerable]
    metrics: dict[str, float | int] = {"questions": len(results), "answerable": len(answerable)}
    for k in TOP_KS:
        metrics[f"hit@{k}"] = mean([hit_at(rank, k) for rank in ranks])
    metrics["mrr@10"] = mean([reciprocal_rank(rank) for rank in ranks])
    metrics["answer_in_top5"] = mean([1.0 if r["answer_in_top5"] else 0.0 for r in answerable])
    if results and "declined" in results[0]:
        unanswerable = [r for r in results if not r["answerable"]]
        metrics["em"] = mean([r["em"] for r in answerable])
        metrics["f1"] = mean([r["f1"] for r in answerable])
        metrics["declined_unanswerable"] = mean([1.0 if r["declined"] else 0.0 for r in unanswerable])
        metrics["declined_answerable"] = mean([1.0 if r["declined"] else 0.0 for r in answerable])
    stages = sorted({stage for r in results for stage in r["timings"]})
    for stage in stages:
        values = [r["timings"][stage] for r in results if stage in r["timings"]]
        metrics[f"{stage.removesuffix('_ms')}_p50_ms"] = percentile(values, 50)
        metrics[f"{stage.removesuffix('_ms')}_p95_ms"] = percentile(values, 95)
    return metrics


def evaluate(ask: Callable[[str, int, str], dict], items: list[GoldItem], modes: list[str], top_k: int = 10,
             progress: bool = True) -> dict:
    """Run every gold question in every mode.

    Args:
        ask: the service's ``ask(question, top_k, mode)``.
        items: gold questions.
        modes: retrieval modes to score.
        top_k: passages retrieved per question (at least 10 for hit@10).
        progress: show a progress bar.

    Returns:
        ``{"modes": {mode: metrics}, "results": {mode: [per-question results]}}``.
    """
    report: dict = {"modes": {}, "results": {}}
    with tqdm(total=len(items) * len(modes), desc="evaluating", unit="q", disable=not progress) as bar:
        for mode in modes:
            results = []
            for item in items:
                results.append(score_response(item, ask(item.question, top_k, mode)))
                bar.update()
            report["modes"][mode] = summarize(results)
            report["results"][mode] = results
    return report


def format_table(report: dict) -> str:
    """The metrics of every mode as a plain-text table (rows: metrics, columns: modes)."""
    modes = list(report["modes"])
    names = list(dict.fromkeys(name for mode in modes for name in report["modes"][mode]))
    width = max(len(name) for name in names) + 2
    lines = ["metric".ljust(width) + "".join(mode.rjust(10) for mode in modes)]
    for name in names:
        cells = []
        for mode in modes:
            value = report["modes"][mode].get(name, math.nan)
            cells.append(f"{value:10d}" if isinstance(value, int) else f"{value:10.3f}")
        lines.append(name.ljust(width) + "".join(cells))
    return "\n".join(lines)
