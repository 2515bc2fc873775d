"""Running gold questions through the service and aggregating the metrics of each retrieval mode."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import asdict, dataclass, field

from tqdm import tqdm

from qa.evaluate.gold import GoldItem
from qa.evaluate.metrics import (TOP_KS, char_f1, exact_match, first_relevant_rank, hit_at, is_relevant, mean,
                                 normalize_answer, percentile, reciprocal_rank)
from qa.reader.categories import question_category
from qa.schema import AskResult, Mode


@dataclass
class QuestionResult:
    """How one gold question fared in one mode."""

    id: str
    question: str
    answerable: bool
    rank: int | None
    top_passage: str | None
    answer_in_top5: bool | None
    answer: str | None
    declined: bool
    em: float | None = None
    f1: float | None = None
    category: str = "other"
    in_candidates: bool | None = None
    timings: dict[str, float] = field(default_factory=dict)


@dataclass
class Report:
    """Metrics per mode and every question's result per mode."""

    modes: dict[str, dict[str, float | int]] = field(default_factory=dict)
    results: dict[str, list[QuestionResult]] = field(default_factory=dict)

    def to_dict(self) -> dict:
        """A JSON-ready dict."""
        return {"modes": self.modes, "results": {m: [asdict(r) for r in rs] for m, rs in self.results.items()}}


def score_result(item: GoldItem, result: AskResult) -> QuestionResult:
    """Per-question result for one ask result."""
    hits = result.hits
    rank = first_relevant_rank([is_relevant(item, h.passage.doc_id, h.passage.text) for h in hits])
    top5 = "".join(normalize_answer(h.passage.text) for h in hits[:5])
    predicted = result.answer.text if result.answer else ""
    scored = QuestionResult(
        id=item.id, question=item.question, answerable=item.answerable, rank=rank,
        top_passage=hits[0].passage.id if hits else None,
        answer_in_top5=any(normalize_answer(a) in top5 for a in item.answers if a) if item.answerable else None,
        answer=predicted or None, declined=result.answer is None, timings=result.timings,
        category=question_category(item.question))
    if item.answerable:
        scored.em, scored.f1 = exact_match(predicted, item.answers), char_f1(predicted, item.answers)
        scored.in_candidates = any(exact_match(text, item.answers) for text in result.candidates)
    return scored


def aggregate(results: list[QuestionResult]) -> dict[str, float | int]:
    """The metrics of one mode."""
    answerable = [r for r in results if r.answerable]
    unanswerable = [r for r in results if not r.answerable]
    ranks = [r.rank for r in answerable]
    metrics: dict[str, float | int] = {"questions": len(results), "answerable": len(answerable)}
    for k in TOP_KS:
        metrics[f"hit@{k}"] = mean([hit_at(rank, k) for rank in ranks])
    metrics["mrr@10"] = mean([reciprocal_rank(rank) for rank in ranks])
    metrics["answer_in_top5"] = mean([1.0 if r.answer_in_top5 else 0.0 for r in answerable])
    metrics["em"] = mean([r.em for r in answerable if r.em is not None])
    metrics["f1"] = mean([r.f1 for r in answerable if r.f1 is not None])
    metrics["candidate_ceiling"] = mean([1.0 if r.in_candidates else 0.0 for r in answerable])
    for category in sorted({r.category for r in answerable}):
        members = [r for r in answerable if r.category == category]
        metrics[f"n[{category}]"] = len(members)
        metrics[f"em[{category}]"] = mean([r.em for r in members if r.em is not None])
        metrics[f"f1[{category}]"] = mean([r.f1 for r in members if r.f1 is not None])
    metrics["declined_unanswerable"] = mean([1.0 if r.declined else 0.0 for r in unanswerable])
    metrics["declined_answerable"] = mean([1.0 if r.declined else 0.0 for r in answerable])
    for stage in sorted({stage for r in results for stage in r.timings}):
        values = [r.timings[stage] for r in results if stage in r.timings]
        metrics[f"{stage.removesuffix('_ms')}_p50_ms"] = percentile(values, 50)
        metrics[f"{stage.removesuffix('_ms')}_p95_ms"] = percentile(values, 95)
    return metrics


def evaluate(ask: Callable[[str, int, Mode], AskResult], items: list[GoldItem], modes: list[Mode], top_k: int,
             progress: bool = True) -> Report:
    """Run every gold question in every mode.

    Args:
        ask: the service's ``ask(question, top_k, mode)``.
        items: gold questions.
        modes: retrieval modes to score.
        top_k: passages retrieved per question (at least 10 for hit@10).
        progress: show a progress bar.
    """
    report = Report()
    with tqdm(total=len(items) * len(modes), desc="evaluating", unit="q", disable=not progress) as bar:
        for mode in modes:
            results = []
            for item in items:
                results.append(score_result(item, ask(item.question, top_k, mode)))
                bar.update()
            report.modes[mode] = aggregate(results)
            report.results[mode] = results
    return report


def format_table(report: Report) -> str:
    """The metrics of every mode as a plain-text table (rows: metrics, columns: modes)."""
    modes = list(report.modes)
    names = list(dict.fromkeys(name for mode in modes for name in report.modes[mode]))
    width = max(len(name) for name in names) + 2
    lines = ["metric".ljust(width) + "".join(mode.rjust(10) for mode in modes)]
    for name in names:
        cells = []
        for mode in modes:
            value = report.modes[mode].get(name, math.nan)
            cells.append(f"{value:10d}" if isinstance(value, int) else f"{value:10.3f}")
        lines.append(name.ljust(width) + "".join(cells))
    return "\n".join(lines)
