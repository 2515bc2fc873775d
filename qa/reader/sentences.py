"""Scoring the sentences of retrieved passages against a question, and choosing which to highlight."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from qa.index import Index
from qa.reader.numerals import NUMERAL_CHARS
from qa.reader.questions import QuestionInfo
from qa.reader.spans import tagged
from qa.reader.weights import ReaderWeights
from qa.schema import Hit, Span
from qa.text.normalize import fold


@dataclass
class ScoredSentence:
    """A sentence of a retrieved passage with its relevance to the question; offsets into the passage, ``row`` its
    row in the index's sentence table (-1: none)."""

    hit: Hit
    start: int
    end: int
    text: str
    dense: float
    coverage: float
    score: float
    row: int = -1


def weighted_coverage(word_weights: dict[str, float], folded_text: str, context: str = "",
                      context_share: float = 0.0, title: str = "") -> float:
    """Share of the question's content-word weight found in the text or in its document's ``title`` (the subject
    every sentence of an article speaks of, named or not: 1989年昭和天皇崩御后即位为天皇 in the article 明仁); a
    word found only in the surrounding ``context`` (the rest of the passage) earns ``context_share`` of its
    weight."""
    total = sum(word_weights.values())
    if not total:
        return 0.0
    found = sum(weight if word in folded_text or word in title else context_share * weight if word in context
                else 0.0 for word, weight in word_weights.items())
    return found / total


def word_weights(question: QuestionInfo, index: Index) -> dict[str, float]:
    """IDF weight of each content word; words no passage holds weigh most."""
    return {word: index.backend.idf(word) for word in dict.fromkeys(question.words)}


SHI_GLUED_UNITS = "年月日代纪"
"""Units a date or period ends in, which a question may glue 时 onto (1946年时, 80年代时); not
:data:`~qa.reader.spans.DATE_UNITS`, the units a number cut from a span's start takes with it."""


def with_parts_held(weights: dict[str, float], texts: list[str]) -> dict[str, float]:
    """The question's word weights where a word of three characters or more that none of ``texts`` holds (jieba's
    guess at a word only the question writes: 出自于, 秋明州州, 至茂宜岛) gives way to its longest part, at least half
    its length, that one of them holds (出自, 秋明州, 茂宜岛), weighing the share of it that part's length is: the
    passages name the thing without the characters the question glued to it. A word with no such part stays. A word
    that only frames the question (:func:`only_frames`) and that none of them holds weighs nothing: it is how the
    question counts, points or dates (总统一职, 大于十万 against 100,000, 于1946年时), not what the passage says.

    Args:
        weights: the question's word weights (:func:`word_weights`).
        texts: the folded text and title of each passage read.
    """
    held: dict[str, float] = {}
    for word, weight in weights.items():
        whole = any(word in text for text in texts)
        if only_frames(word) and not whole:
            continue
        part = word if len(word) < 3 or whole else longest_part_held(word, texts)
        held[part] = max(held.get(part, 0.0), weight * len(part) / len(word))
    return held


def only_frames(word: str) -> bool:
    """Whether a word of two characters only frames the question: a numeral with what it counts (一职, 十万, 四成;
    not 三峡, 百姓) or a date's unit with the 时 the question glues to it (1946年时 cut as 1946, 年时)."""
    if len(word) != 2:
        return False
    return word[0] in NUMERAL_CHARS and tagged(word)[0][2] == "m" or word[0] in SHI_GLUED_UNITS and word[1] == "时"


def longest_part_held(word: str, texts: list[str]) -> str:
    """The longest part of ``word``, at least half its length and two characters, that one of ``texts`` holds
    (the first of equal length), else ``word`` itself."""
    for length in range(len(word) - 1, max(2, (len(word) + 1) // 2) - 1, -1):
        for start in range(len(word) - length + 1):
            if any(word[start:start + length] in text for text in texts):
                return word[start:start + length]
    return word


def score_sentences(question: QuestionInfo, weights: dict[str, float], query_vector: np.ndarray | None,
                    hits: list[Hit], index: Index, passages: int, reader: ReaderWeights) -> list[ScoredSentence]:
    """Score every sentence of the top ``passages`` hits, best first."""
    scored: list[ScoredSentence] = []
    dense_share = reader.dense_share_english if question.english else reader.dense_share
    for rank, hit in enumerate(hits[:passages]):
        row = index.passage_row(hit.passage.id)
        context, title = fold(hit.passage.text), fold(hit.passage.title)
        for sentence_row, start, end in index.sentences.of_passage(row):
            text = hit.passage.text[start:end]
            dense = float(index.sentences.vectors[sentence_row] @ query_vector) if query_vector is not None else 0.0
            covered = weighted_coverage(weights, fold(text), context, reader.context_coverage, title)
            score = dense_share * dense + (1 - dense_share) * covered + reader.passage_rank_bonus / (rank + 1)
            scored.append(ScoredSentence(hit, start, end, text, dense, covered, score, sentence_row))
    return sorted(scored, key=lambda s: -s.score)


def highlight(scored: list[ScoredSentence], reader: ReaderWeights) -> dict[str, list[Span]]:
    """Sentences that bear on the question, by passage: the best ones, close to the top score."""
    if not scored:
        return {}
    top = scored[0].score
    marks: dict[str, list[Span]] = {}
    for sentence in scored:
        if sentence.score < top * reader.highlight_ratio or (sentence.coverage == 0 and
                                                             sentence.dense < reader.highlight_min_dense):
            continue
        spans = marks.setdefault(sentence.hit.passage.id, [])
        if len(spans) < reader.highlights_per_passage:
            spans.append(Span(sentence.start, sentence.end))
    return {passage_id: sorted(spans) for passage_id, spans in marks.items()}
