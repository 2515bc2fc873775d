"""Calibrate when the answer extractor declines (QA_ANSWER_THRESHOLD, QA_ANSWER_MIN_COVERAGE, QA_ANSWER_MIN_DENSE).

Each question is answered with declining switched off, and the best candidate's support is kept:
its score, its sentence's share of the question's word weight (coverage) and its sentence's
embedding similarity (dense). Three sets:

- the seed gold questions against the seed index (answerable and unanswerable);
- CMRC 2018 trial questions against the seed index: the seed articles cannot answer them;
- CMRC 2018 trial questions against the CMRC index: supported whenever the answer's sentence
  comes from the question's own passage.

Declining is about support, not about extraction: a question is "wanted" (should be answered)
when the corpus answers it and the candidate's sentence comes from a passage that holds the
answer. A grid search picks the thresholds that maximise right decisions (supported questions
answered, the others declined), subject to declining every unanswerable seed gold question. Score thresholds
are tried at quantiles of the observed scores, so the search fits whichever ranker (hand-set or learned) scores.
With ``--score-only`` only the score threshold is searched and the others stay as configured: how the learned
ranker's threshold (QA_ANSWER_THRESHOLD_LEARNED) is set.

Usage:
    python scripts/calibrate_decline.py --seed-index index/default --cmrc-index index/cmrc [--sample 300]
    QA_ANSWER_RANKER=learned python scripts/calibrate_decline.py ... --score-only
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from dataclasses import asdict
from itertools import product
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from qa.config import configure_runtime, get_settings  # noqa: E402
from qa.evaluate import load_gold  # noqa: E402
from qa.evaluate.metrics import char_f1  # noqa: E402
from qa.reader import DeclinePolicy, Support  # noqa: E402
from qa.reader.questions import analyze_question  # noqa: E402
from qa.service import QAService  # noqa: E402

GRID_STEP = 0.01
"""Step of the coverage and similarity thresholds searched."""
NO_SUPPORT = Support(score=-1.0, coverage=0.0, dense=0.0, late=False)

CMRC = ROOT.parent / "shared" / "bench" / "cmrc2018-trial"


def supports(service: QAService, items, group: str) -> list[dict]:
    """Answer each question with declining off; record support and whether answering is wanted."""
    rows = []
    for item in items:
        info = analyze_question(item.question)
        retrieval = service.retriever.search(item.question, service.reader.depth)
        reading, best = service.reader.best_candidate(info, retrieval.hits, service.index, retrieval.query_vector)
        text, doc_id = "", None
        if best is not None:
            _, candidate, sentence = best
            text = sentence.text[candidate.start:candidate.end]
            doc_id = sentence.hit.passage.doc_id
        wanted = doc_id in item.passage_ids if item.passage_ids else bool(item.answers)
        rows.append({"group": group, "question": item.question, "english": info.english,
                     "support": reading.support or NO_SUPPORT, "wanted": wanted, "answerable": bool(item.answers),
                     "answer": text, "right": bool(item.answers) and char_f1(text, item.answers) >= 0.5})
    return rows


def support_arrays(rows: list[dict]) -> dict[str, np.ndarray]:
    """The rows' support as arrays: score, coverage, similarity and whether the question is English."""
    return {"score": np.array([r["support"].score for r in rows]),
            "coverage": np.array([r["support"].coverage for r in rows]),
            "dense": np.array([r["support"].dense for r in rows]),
            "english": np.array([r["english"] for r in rows])}


def decide(support: dict[str, np.ndarray], threshold: float, coverage: float, dense: float, english: float
           ) -> np.ndarray:
    """Which rows would be answered under these thresholds (:meth:`DeclinePolicy.accepts` over all rows at once)."""
    supported = np.where(support["english"], support["dense"] >= english,
                         (support["coverage"] >= coverage) | (support["dense"] >= dense))
    return (support["score"] >= threshold) & supported


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seed-index", default="index/default")
    parser.add_argument("--cmrc-index", default="index/cmrc")
    parser.add_argument("--gold", default=str(ROOT / "tests" / "data" / "gold.jsonl"))
    parser.add_argument("--sample", type=int, default=300, help="CMRC questions per CMRC set")
    parser.add_argument("--score-only", action="store_true", help="search the score threshold alone, the others as "
                        "configured")
    parser.add_argument("--json-out", default=str(ROOT / "results" / "calibration.json"))
    args = parser.parse_args()

    configure_runtime()
    settings = get_settings()
    cmrc = load_gold(CMRC / "qa.jsonl")
    random.Random(7).shuffle(cmrc)
    seed_service = QAService(settings, Path(args.seed_index))
    rows = supports(seed_service, load_gold(Path(args.gold)), "seed-gold")
    rows += supports(seed_service, [item.__class__(item.id, item.question) for item in cmrc[:args.sample]],
                     "cmrc-on-seed")
    cmrc_service = QAService(settings, Path(args.cmrc_index), seed_service.embedder)
    rows += supports(cmrc_service, cmrc[args.sample:2 * args.sample], "cmrc")

    must_decline = np.array([r["group"] == "seed-gold" and not r["answerable"] for r in rows])
    wanted = np.array([r["wanted"] for r in rows])
    support = support_arrays(rows)
    best = None
    scores = [r["support"].score for r in rows if r["support"] is not NO_SUPPORT]
    thresholds = np.unique(np.round(np.quantile(scores, np.linspace(0, 0.9, 37)), 2))
    configured = DeclinePolicy.from_settings(settings)
    late = any(r["support"].late for r in rows)
    grid = (product(thresholds, [configured.min_coverage],
                    [configured.min_dense_late if late else configured.min_dense], [configured.min_dense_english])
            if args.score_only else
            product(thresholds, np.arange(0.2, 0.95, GRID_STEP), np.arange(0.4, 0.95, GRID_STEP),
                    np.arange(0.1, 0.6, 0.05)))
    for threshold, coverage, dense, english in grid:
        answered = decide(support, threshold, coverage, dense, english)
        if answered[must_decline].any():
            continue
        right = int((answered == wanted).sum())
        key = (right, -threshold, -coverage, -dense, -english)
        if best is None or key > best[0]:
            best = (key, float(threshold), float(coverage), float(dense), float(english), answered)
    assert best is not None, "no thresholds decline every unanswerable seed question"
    _, threshold, coverage, dense, english, answered = best
    report = {"threshold": round(threshold, 2), "min_coverage": round(coverage, 2), "min_dense": round(dense, 2),
              "min_dense_english": round(english, 2), "late": late, "ranker": settings.answer_ranker, "groups": {}}
    for group in ("seed-gold", "cmrc-on-seed", "cmrc"):
        members = [(a, r) for a, r in zip(answered, rows) if r["group"] == group]
        report["groups"][group] = {
            "questions": len(members),
            "wanted": sum(r["wanted"] for _, r in members),
            "answered": int(sum(a for a, _ in members)),
            "answered_wanted": int(sum(a and r["wanted"] for a, r in members)),
            "declined_unwanted": int(sum((not a) and (not r["wanted"]) for a, r in members)),
            "answered_right": int(sum(a and r["right"] for a, r in members)),
        }
    dense_variable = "QA_ANSWER_MIN_DENSE_LATE" if report["late"] else "QA_ANSWER_MIN_DENSE"
    score_variable = "QA_ANSWER_THRESHOLD_LEARNED" if settings.answer_ranker == "learned" else "QA_ANSWER_THRESHOLD"
    print(f"{score_variable}={report['threshold']} QA_ANSWER_MIN_COVERAGE={report['min_coverage']} "
          f"{dense_variable}={report['min_dense']} QA_ANSWER_MIN_DENSE_ENGLISH={report['min_dense_english']}")
    for group, figures in report["groups"].items():
        print(f"  {group:<13} {figures}")
    Path(args.json_out).parent.mkdir(parents=True, exist_ok=True)
    rows = [row | {"support": asdict(row["support"])} for row in rows]
    Path(args.json_out).write_text(json.dumps(report | {"rows": rows}, ensure_ascii=False, indent=2),
                                   encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
