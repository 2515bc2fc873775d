"""Learn the answer-candidate ranker from public reading-comprehension data, and measure it.

Every question of each set is retrieved (hybrid) against that set's index and read; each candidate of the
reader becomes one row of its features (qa.reader.ranking.FEATURES), labelled 1 when it is exactly a gold
answer (after the CMRC 2018 scorer's normalisation, which folds Traditional to Simplified), or, for a question
none of whose candidates is, when it overlaps the gold answer best (character F1 of 0.5 or more). A logistic
regression (scikit-learn) learns the weights, and coordinate ascent then moves them one at a time while the mean
F1 of each question's top candidate rises (the regression scores candidates alone); the ascent is run on bootstrap
samples of the questions and the directions it reaches are averaged (bagging). Cross-validation trains on
one set and tests on the other, both ways; the shipped weights are then fitted on both sets and written, with
what made them, to qa/data/ranker.json.

Figures per test set: the candidate ceiling (questions whose gold answer is among the candidates), and EM/F1 of
the top candidate with every question answered, for the hand-set ranker, the regression, one ascent from it over all
the training questions, and the learned (bagged) ranker.

Usage:
    python scripts/train_ranker.py --set cmrc=/tmp/cmrc-index:../shared/bench/cmrc2018-trial/qa.jsonl \
        --set drcd=/tmp/drcd-index:../shared/bench/drcd-test/qa.jsonl [--tables results/ranker-tables.pkl]
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler
from tqdm import tqdm

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from qa.config import configure_runtime, get_settings  # noqa: E402
from qa.evaluate import load_gold  # noqa: E402
from qa.evaluate.metrics import char_f1, exact_match  # noqa: E402
from qa.index.store import connect  # noqa: E402
from qa.reader.questions import analyze_question  # noqa: E402
from qa.reader.ranker import LinearRanker  # noqa: E402
from qa.reader.ranking import FEATURES  # noqa: E402
from qa.reader.weights import ReaderWeights  # noqa: E402
from qa.service import QAService  # noqa: E402

NEAR_MISS = 0.5
"""A question with no candidate exactly right learns from its best candidate when that reaches this F1."""
REGULARISATION = 1.0
"""Inverse regularisation strength of the logistic regression (scikit-learn's ``C``)."""
ASCENT_STEPS = (0.5, 0.25, 0.1)
"""Coordinate ascent moves one weight by these shares of its size (plus 0.1) ..."""
ASCENT_MULTIPLES = (1, 2, 4)
"""... times each of these, up and down ..."""
ASCENT_ROUNDS = 3
"""... over every weight for at most this many rounds, keeping a move only when the top candidates' F1 rises."""
BAGS = 16
"""Bootstrap samples of the training questions, each given its own regression and ascent; the learned weights are
their mean direction. One ascent follows the questions it is given closely: over one set of rules its held-out F1
on DRCD ranged from 0.503 to 0.581 over bootstrap samples, and between runs by more than a round of
rules moves it."""
BAGGING_SEED = 0
"""Seed of the bootstrap samples, so that a run gives the same weights again."""


@dataclass
class QuestionTable:
    """The candidates of one question: feature rows, and each candidate's EM and F1 against the gold answers."""

    rows: np.ndarray
    em: np.ndarray
    f1: np.ndarray
    question: str = ""
    answers: tuple[str, ...] = ()
    texts: tuple[str, ...] = ()


def read_tables(service: QAService, gold: Path) -> list[QuestionTable]:
    """Read every gold question and keep its candidates' features and scores."""
    tables = []
    for item in tqdm(load_gold(gold), desc=gold.parent.name, unit="q"):
        info = analyze_question(item.question)
        retrieval = service.retriever.search(item.question, service.reader.depth)
        _, table = service.reader.candidate_table(info, retrieval.hits, service.index, retrieval.query_vector)
        texts = [sentence.text[candidate.start:candidate.end] for _, candidate, sentence in table]
        tables.append(QuestionTable(np.array([row for row, _, _ in table], dtype=float).reshape(-1, len(FEATURES)),
                                    np.array([exact_match(t, item.answers) for t in texts]),
                                    np.array([char_f1(t, item.answers) for t in texts]), item.question,
                                    tuple(item.answers), tuple(texts)))
    return tables


def best_labels(table: QuestionTable) -> np.ndarray:
    """1 for the candidates that are a gold answer, or (none is) that overlap it best (character F1 of at least
    ``NEAR_MISS``); 0 for the others."""
    if table.em.max() > 0:
        return table.em
    return ((table.f1 == table.f1.max()) & (table.f1 >= NEAR_MISS)).astype(float)


def linear_ranker(weights: np.ndarray, intercept: float) -> LinearRanker:
    """A ranker from weights in :data:`FEATURES` order, rounded as they are written to the shipped file."""
    return LinearRanker({name: round(float(c), 6) for name, c in zip(FEATURES, weights)}, round(intercept, 6))


def fit(tables: list[QuestionTable]) -> LinearRanker:
    """A logistic regression over the candidates of these questions, as a linear ranker on raw features."""
    rows = np.vstack([t.rows for t in tables if len(t.rows)])
    labels = np.concatenate([best_labels(t) for t in tables if len(t.rows)])
    scaler = StandardScaler().fit(rows)
    scale = np.where(scaler.scale_ > 0, scaler.scale_, 1.0)
    model = LogisticRegression(C=REGULARISATION, max_iter=2000).fit((rows - scaler.mean_) / scale, labels)
    coefficients = model.coef_[0] / scale
    intercept = float(model.intercept_[0] - coefficients @ scaler.mean_)
    return linear_ranker(coefficients, intercept)


def top_f1(coefficients: np.ndarray, tables: list[QuestionTable]) -> float:
    """Mean F1 of the top candidate under these coefficients (0 for a question with no candidate)."""
    return float(np.mean([t.f1[int(np.argmax(t.rows @ coefficients))] if len(t.rows) else 0.0 for t in tables]))


def ascend(ranker: LinearRanker, tables: list[QuestionTable]) -> LinearRanker:
    """Coordinate ascent on the mean F1 of the top candidate, from the logistic regression's weights: the regression
    scores each candidate alone, the answer is the best of a question's candidates, so its weights are moved one at
    a time while the metric itself rises. The intercept is kept (it ranks nothing; the decline threshold reads it)."""
    start = ranker.vector()
    scale = float(np.abs(start).max()) or 1.0
    weights = start / scale
    best = top_f1(weights, tables)
    for _ in range(ASCENT_ROUNDS):
        improved = False
        for feature in range(len(weights)):
            for step in ASCENT_STEPS:
                for move in (sign * multiple for multiple in ASCENT_MULTIPLES for sign in (1, -1)):
                    trial = weights.copy()
                    trial[feature] += move * step * (abs(weights[feature]) + 0.1)
                    value = top_f1(trial, tables)
                    if value > best + 1e-9:
                        best, weights, improved = value, trial, True
        if not improved:
            break
    weights *= scale
    return linear_ranker(weights, ranker.intercept)


def bagged(regression: LinearRanker, tables: list[QuestionTable]) -> LinearRanker:
    """The mean of ``BAGS`` coordinate ascents, each from the regression over a bootstrap sample of these questions.

    Args:
        regression: :func:`fit` over all these questions (it sets the weights' length and the intercept).
        tables: the training questions' candidates.

    Returns:
        a ranker whose weights point the ascents' mean direction (each ascent's weights taken at unit length), as
        long as the regression's over all the questions, whose intercept it keeps (the decline threshold reads it).
    """
    samples = np.random.default_rng(BAGGING_SEED)
    directions = []
    for _ in tqdm(range(BAGS), desc="bagging", unit="sample", leave=False):
        sample = [tables[i] for i in samples.integers(0, len(tables), len(tables))]
        weights = ascend(fit(sample), sample).vector()
        directions.append(weights / np.linalg.norm(weights))
    mean = np.mean(directions, axis=0)
    weights = mean / np.linalg.norm(mean) * np.linalg.norm(regression.vector())
    return linear_ranker(weights, regression.intercept)


def measure(ranker: LinearRanker, tables: list[QuestionTable]) -> dict[str, float]:
    """Candidate ceiling, and EM/F1 of the ranker's top candidate with every question answered."""
    em, f1, ceiling = [], [], []
    for table in tables:
        if not len(table.rows):
            em.append(0.0), f1.append(0.0), ceiling.append(0.0)
            continue
        best = int(np.argmax(ranker.score(table.rows)))
        em.append(float(table.em[best])), f1.append(float(table.f1[best])), ceiling.append(float(table.em.max()))
    return {"questions": len(tables), "ceiling": round(float(np.mean(ceiling)), 4),
            "em": round(float(np.mean(em)), 4), "f1": round(float(np.mean(f1)), 4)}


def provenance(gold: Path) -> str:
    """The 'Source:' paragraph of the README beside a gold file (where the public data came from), or its folder."""
    readme = gold.parent / "README.md"
    if readme.is_file():
        text = readme.read_text(encoding="utf-8")
        start = text.find("Source:")
        if start >= 0:
            return " ".join(text[start:].split("\n\n")[0].split())
    return gold.parent.name


def subset(index: Path, gold: Path, questions: int) -> str:
    """What of a set was used: the index's passages and documents, and the gold questions read of its lines."""
    with closing(connect(index)) as connection:
        passages = connection.execute("SELECT COUNT(*) FROM passages").fetchone()[0]
        documents = connection.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    lines = sum(1 for line in gold.read_text(encoding="utf-8").splitlines() if line.strip())
    skipped = f" ({lines - questions:,} with an empty question skipped)" if lines > questions else ""
    return (f"all {passages:,} passages ({documents:,} documents) of the index searched, "
            f"and {questions:,} questions of {gold.parent.name}/{gold.name}{skipped}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--set", action="append", required=True, metavar="NAME=INDEX:GOLD",
                        help="a named data set: its index folder and its gold questions (two to train)")
    parser.add_argument("--tables", help="folder caching each set's read candidates (read once, reused)")
    parser.add_argument("--out", default=str(ROOT / "qa" / "data" / "ranker.json"))
    args = parser.parse_args()

    configure_runtime()
    settings = get_settings()
    sets: dict[str, tuple[Path, Path]] = {}
    for spec in args.set:
        name, _, paths = spec.partition("=")
        index, _, gold = paths.partition(":")
        sets[name] = (Path(index), Path(gold))
    tables: dict[str, list[QuestionTable]] = {}
    embedder = None
    for name, (index, gold) in sets.items():
        cache = Path(args.tables) / f"{name}.pkl" if args.tables else None
        if cache and cache.is_file():
            tables[name] = pickle.loads(cache.read_bytes())
            continue
        service = QAService(settings, index, embedder)
        embedder = service.embedder
        tables[name] = read_tables(service, gold)
        if cache:
            cache.parent.mkdir(parents=True, exist_ok=True)
            cache.write_bytes(pickle.dumps(tables[name]))
    if len(tables) < 2:
        print("read; give a second set to train and cross-validate")
        return 0

    hand = LinearRanker.hand_set(ReaderWeights())
    names = list(sets)
    report: dict[str, dict] = {}
    for test in names:
        train = [t for name in names if name != test for t in tables[name]]
        fitted = fit(train)
        report[test] = {"trained_on": [n for n in names if n != test], "hand": measure(hand, tables[test]),
                        "logistic": measure(fitted, tables[test]),
                        "ascent": measure(ascend(fitted, train), tables[test]),
                        "learned": measure(bagged(fitted, train), tables[test])}
        print(f"{test}: {report[test]}")
    everything = [t for name in names for t in tables[name]]
    final = bagged(fit(everything), everything)
    sources = {name: {"gold": gold.name, "source": provenance(gold), "questions": len(tables[name]),
                      "subset": subset(index, gold, len(tables[name]))}
               for name, (index, gold) in sets.items()}
    document = {"coefficients": final.coefficients, "intercept": final.intercept,
                "source": {"script": "scripts/train_ranker.py", "model": "logistic regression (scikit-learn), "
                           f"C={REGULARISATION}, label: candidate is a gold answer, else the "
                           f"best-overlapping one when its F1 >= {NEAR_MISS}; then coordinate ascent on the top "
                           f"candidate's mean F1 ({ASCENT_ROUNDS} rounds at most), averaged over {BAGS} "
                           f"bootstrap samples (seed {BAGGING_SEED})", "data": sources,
                           "cross_validation": report}}
    Path(args.out).write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
