"""Answer extraction without reader weights: score sentences, extract typed candidates, rank them, or decline.

One entry point, :func:`extract_answer`. Sentence scores mix embedding similarity to the question
(sentence vectors stored in the index) with IDF-weighted coverage of the question's content words;
candidates come from :mod:`qa.candidates` and are ranked by type agreement, the question's
interrogative slot, closeness to the question's words and agreement across passages.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

import numpy as np

from qa.candidates import (PERSON_TAGS, Candidate, clause_bounds, entities, extract_candidates, quantities, slot,
                           trim)
from qa.questions import QuestionInfo, analyze_question
from qa.retrieve import Hit
from qa.store import Index
from qa.text import fold

PEOPLE_WORDS = re.compile(r"\b(?:people|persons?|members?|volunteers?|staff|workers?|residents?|doctors?|nurses?)\b")
PEOPLE_MEASURES = ("名", "人", "位", "人次")
PRONOUNS = re.compile(r"^(?:他|她|他们|她们|其|该人|此人)$")
NAMING = re.compile(r"名字|名号|称号|名称|简称|别称|别名|外号|绰号|全称|称为|叫做|口号|理念|精神|原则|主题")
STRICT_TYPES = ("quantity", "time", "person")
# Which candidate kinds may answer which question type.
ACCEPTS: dict[str, tuple[str, ...]] = {
    "quantity": ("quantity",),
    "time": ("time",),
    "person": ("person",),
    "place": ("place", "slot"),
    "organisation": ("organisation", "slot", "quote"),
    "list": ("list", "slot"),
    "reason": ("reason", "clause"),
    "manner": ("manner", "clause"),
    "identity": ("identity", "slot", "quote", "clause"),
    "other": ("slot", "quote", "list", "clause", "identity"),
}


@dataclass
class ScoredSentence:
    """A sentence of a retrieved passage with its relevance to the question."""

    hit: Hit
    start: int
    end: int
    text: str
    dense: float
    coverage: float
    score: float


@dataclass
class AnswerResult:
    """The answer (or ``None`` when declined) and the sentences to highlight per passage."""

    answer: dict | None
    highlights: dict[str, list[list[int]]] = field(default_factory=dict)
    question_type: str = "other"
    support: dict[str, float] = field(default_factory=dict)

    @property
    def answerable(self) -> bool:
        """Whether an answer was given."""
        return self.answer is not None


def weighted_coverage(weights: dict[str, float], folded_text: str, context: str = "") -> float:
    """Share of the question's content-word weight found in the text; words found only in the
    surrounding ``context`` (the rest of the passage) count half."""
    total = sum(weights.values())
    if not total:
        return 0.0
    found = sum(weight if word in folded_text else 0.5 * weight if word in context else 0.0
                for word, weight in weights.items())
    return found / total


def word_weights(question: QuestionInfo, index: Index) -> dict[str, float]:
    """IDF weight of each content word; words no passage holds weigh most."""
    return {word: index.lexical.idf(word) for word in set(question.words)}


def score_sentences(question: QuestionInfo, weights: dict[str, float], query_vector: np.ndarray | None,
                    hits: list[Hit], index: Index, passages: int = 5) -> list[ScoredSentence]:
    """Score every sentence of the top passages, best first."""
    scored: list[ScoredSentence] = []
    dense_weight = 0.8 if question.english else 0.45
    for rank, hit in enumerate(hits[:passages]):
        row = index.passage_row(hit.passage.id)
        passage_text = fold(hit.passage.text)
        for sentence_row, start, end in index.sentences.of_passage(row):
            text = hit.passage.text[start:end]
            dense = float(index.sentences.vectors[sentence_row] @ query_vector) if query_vector is not None else 0.0
            covered = weighted_coverage(weights, fold(text), passage_text)
            score = dense_weight * dense + (1 - dense_weight) * covered + 0.05 / (rank + 1)
            scored.append(ScoredSentence(hit, start, end, text, dense, covered, score))
    return sorted(scored, key=lambda s: -s.score)


def word_positions(question: QuestionInfo, folded: str) -> list[tuple[int, int]]:
    """Where the question's content words (two characters or more) occur in a folded sentence."""
    return [m.span() for word in set(question.words) if len(word) >= 2 for m in re.finditer(re.escape(word), folded)]


def gap(start: int, end: int, spans: list[tuple[int, int]]) -> float:
    """Characters between ``[start, end)`` and the nearest span (inf when none)."""
    gaps = [max(0, a - end, start - b) for a, b in spans]
    return float(min(gaps)) if gaps else math.inf


def strip_question_edges(candidate: Candidate, folded: str, question_text: str) -> Candidate:
    """Cut from a candidate's edges the longest run (two characters or more) that the question itself holds:
    the answer to 哪一年的2月14日 is the year, not the repeated date."""
    start, end = candidate.start, candidate.end
    for length in range(end - start - 1, 1, -1):
        if folded[end - length:end] in question_text:
            end -= length
            break
    for length in range(end - start - 1, 1, -1):
        if folded[start:start + length] in question_text:
            start += length
            break
    if (start, end) == (candidate.start, candidate.end):
        return candidate
    start, end = trim(folded, start, end)
    return Candidate(start, end, candidate.type, candidate.origin) if end > start else candidate


def overlap_ratio(candidate: Candidate, start: int, end: int) -> float:
    """Intersection over union of a candidate and a span."""
    inter = min(candidate.end, end) - max(candidate.start, start)
    if inter <= 0:
        return 0.0
    return inter / (max(candidate.end, end) - min(candidate.start, start))


def counted_noun_gap(candidate: Candidate, folded: str, question: QuestionInfo) -> float:
    """For quantities: characters from the candidate to the first counted noun of the question after it."""
    best = math.inf
    for noun in (w for w in question.words if len(w) >= 2 and w in question.suffix):
        position = folded.find(noun, candidate.end)
        if 0 <= position - candidate.end < 15:
            best = min(best, position - candidate.end)
    return best


def widen_quantity(candidate: Candidate, folded: str) -> Candidate:
    """Widen a span to the whole quantity it sits in (a slot of ``4`` in ``4分钟`` becomes ``4分钟``)."""
    for start, end in quantities(folded):
        if start <= candidate.start < end or candidate.start <= start < candidate.end:
            return Candidate(min(start, candidate.start), max(end, candidate.end), "quantity", candidate.origin)
    return candidate


def fallback_clause(folded: str, question: QuestionInfo, weights: dict[str, float]) -> Candidate | None:
    """For open questions: the clause that carries most of the match, without the question's own words."""
    best: tuple[float, int, int] | None = None
    position = 0
    while position < len(folded):
        start, end = clause_bounds(folded, position)
        covered = weighted_coverage(weights, folded[start:end]) if end > start else 0.0
        if covered > 0 and (best is None or covered > best[0]):
            best = (covered, start, end)
        position = end + 1
    if best is None:
        return None
    start, end = trim(folded, best[1], best[2], frozenset(w for w in question.words if len(w) > 1))
    return Candidate(start, end, "clause", "clause") if end > start else None


def sentence_candidates(sentence: ScoredSentence, question: QuestionInfo, weights: dict[str, float],
                        ) -> list[tuple[float, Candidate]]:
    """Score the candidates of one sentence (higher is better)."""
    folded = fold(sentence.text)
    aligned = slot(folded, question)
    candidates = extract_candidates(sentence.text, question)
    if aligned and question.type == "person" and PRONOUNS.match(folded[aligned[0]:aligned[1]]):
        named = [c for c in candidates if c.type == "person" and c.end <= aligned[0]]
        if named:
            aligned = (named[-1].start, named[-1].end, aligned[2])
    if aligned and question.type not in STRICT_TYPES and (question.suffix or question.type != "identity"):
        candidates.append(Candidate(aligned[0], aligned[1], "slot", "slot"))
    clause = fallback_clause(folded, question, weights) if question.type != "identity" else None
    if clause:
        candidates.append(clause)
    if question.type == "person" and not any(c.type == "person" for c in candidates):
        candidates += [Candidate(a, b, "person", "nearby") for a, b in entities(folded, PERSON_TAGS)]
    positions = word_positions(question, folded)
    accepted = ACCEPTS[question.type]
    scored = []
    for candidate in candidates:
        if candidate.type not in accepted:
            continue
        if question.type == "quantity":
            candidate = widen_quantity(candidate, folded)
        if candidate.type == "time":
            candidate = strip_question_edges(candidate, folded, question.text)
        text = folded[candidate.start:candidate.end]
        if not text or text[0] in "(（" or text.count("(") + text.count("（") != text.count(")") + text.count("）"):
            continue
        inside = sum(len(w) for w in set(question.words) if len(w) >= 2 and w in text)
        if not text or text in question.text or inside >= 0.8 * len(text):
            continue
        value = sentence.score + (0.3 if candidate.type == question.type else 0.15)
        value -= 0.4 * inside / len(text)
        if aligned:
            value += 0.35 * aligned[2] * overlap_ratio(candidate, aligned[0], aligned[1])
        if candidate.type == "quote" and NAMING.search(question.text):
            value += 0.2
        distance = gap(candidate.start, candidate.end, positions)
        value += 0.15 / (1 + distance / 4) if distance != math.inf else 0.0
        if candidate.type == "quantity":
            if question.measure:
                value += 0.2 if re.search(re.escape(question.measure) + "(?:多|余)?$", text) else -0.25
            noun_gap = counted_noun_gap(candidate, folded, question)
            value += 0.15 / (1 + noun_gap / 3) if noun_gap != math.inf else 0.0
            if question.english and PEOPLE_WORDS.search(question.text):
                value += 0.15 if text.rstrip("多余").endswith(PEOPLE_MEASURES) else 0.0
        if candidate.origin == "clause":
            value -= 0.1
        value -= 0.003 * max(0, len(text) - 20)
        scored.append((value, candidate))
    return scored


def accept(support: dict[str, float], english: bool, threshold: float, min_coverage: float,
           min_dense: float, min_dense_english: float) -> bool:
    """Whether the best candidate is good enough to answer with (see ``scripts/calibrate_decline.py``).

    Args:
        support: the candidate's ``score`` and its sentence's ``coverage`` and ``dense`` similarity.
        english: the question is English (no word coverage with Chinese text: meaning alone must carry it).
        threshold: minimum candidate score.
        min_coverage: minimum share of the question's word weight in the sentence ...
        min_dense: ... unless the sentence's embedding similarity reaches this.
        min_dense_english: for English questions, the similarity the sentence needs.
    """
    if support["score"] < threshold:
        return False
    if english:
        return support["dense"] >= min_dense_english
    return support["coverage"] >= min_coverage or support["dense"] >= min_dense


def extract_answer(question: str, hits: list[Hit], index: Index, query_vector: np.ndarray | None,
                   threshold: float = 0.5, min_coverage: float = 0.5, min_dense: float = 0.6,
                   min_dense_english: float = 0.3, sentences: int = 4) -> AnswerResult:
    """Find the answer to ``question`` in the retrieved passages.

    Args:
        question: the question as asked.
        hits: retrieved passages, best first.
        index: the index (sentence vectors, word statistics).
        query_vector: the question's embedding (``None`` in lexical mode: word coverage alone scores sentences).
        threshold: answers scoring below this are declined.
        min_coverage: answers whose sentence holds less of the question's word weight are declined ...
        min_dense: ... unless the sentence is at least this similar to the question.
        min_dense_english: the similarity an English question's sentence needs.
        sentences: how many top sentences to look for candidates in.

    Returns:
        The answer with offsets into the passage and the document, or a decline; highlights per passage.
    """
    info = analyze_question(question)
    weights = word_weights(info, index)
    scored = score_sentences(info, weights, query_vector, hits, index)
    highlights = highlight(scored)
    ranked: list[tuple[float, Candidate, ScoredSentence]] = []
    votes: dict[str, int] = {}
    for sentence in scored[:sentences]:
        for value, candidate in sentence_candidates(sentence, info, weights):
            key = fold(sentence.text[candidate.start:candidate.end])
            votes[key] = votes.get(key, 0) + 1
            ranked.append((value, candidate, sentence))
    best = max(((value + 0.05 * (votes[fold(s.text[c.start:c.end])] - 1), c, s) for value, c, s in ranked),
               key=lambda item: item[0], default=None)
    if best is None:
        return AnswerResult(None, highlights, info.type)
    value, candidate, sentence = best
    support = {"score": value, "coverage": sentence.coverage, "dense": sentence.dense}
    if not accept(support, info.english, threshold, min_coverage, min_dense, min_dense_english):
        return AnswerResult(None, highlights, info.type, support)
    passage = sentence.hit.passage
    start, end = sentence.start + candidate.start, sentence.start + candidate.end
    answer = {
        "text": passage.text[start:end], "type": info.type, "score": round(value, 4),
        "passage_id": passage.id, "start": start, "end": end,
        "sentence": {"start": sentence.start, "end": sentence.end},
        "doc_id": passage.doc_id, "doc_start": passage.start + start, "doc_end": passage.start + end,
    }
    return AnswerResult(answer, highlights, info.type, support)


def highlight(scored: list[ScoredSentence], per_passage: int = 2) -> dict[str, list[list[int]]]:
    """Sentences that bear on the question, by passage: the best ones, close to the top score."""
    if not scored:
        return {}
    top = scored[0].score
    marks: dict[str, list[list[int]]] = {}
    for sentence in scored:
        if sentence.score < top * 0.75 or (sentence.coverage == 0 and sentence.dense < 0.3):
            continue
        spans = marks.setdefault(sentence.hit.passage.id, [])
        if len(spans) < per_passage:
            spans.append([sentence.start, sentence.end])
    return {pid: sorted(spans) for pid, spans in marks.items()}
