"""Questions that ask two things (云潭镇从哪天起开展核酸检测，持续了几天): split into their parts, each read on its
own, and the parts' answers joined into one."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from qa.reader.questions import CHINESE_PATTERNS, TRAILING, QuestionInfo, analyze_question
from qa.schema import Answer, AnswerPart
from qa.text.normalize import fold

SEPARATOR = re.compile(r"[,，;；、]|以及|并且|还有|同时|和")
JOIN = "；"
NEAR = 8
"""Parts at most this many characters apart in one passage are shown as the stretch that holds both."""


@lru_cache(maxsize=1)
def interrogative() -> re.Pattern:
    """Any Chinese interrogative, longest first."""
    alternatives = [alt for _, pattern in CHINESE_PATTERNS
                    for alt in pattern.partition("(?P<wh>")[2].rpartition(")")[0].split("|")]
    return re.compile("|".join(sorted(set(alternatives), key=len, reverse=True)))


def split_question(question: str) -> list[str]:
    """The two questions one question asks, split where a comma, 、, 和 or 以及 stands between two interrogatives;
    ``[question]`` (folded, trailing punctuation off) when it asks one thing.

    Args:
        question: the question as asked.
    """
    text = TRAILING.sub("", fold(question.strip()))
    found = list(interrogative().finditer(text))
    if len(found) != 2:
        return [text]
    separators = list(SEPARATOR.finditer(text, found[0].end(), found[1].start()))
    if not separators:
        return [text]
    cut = separators[-1]
    first, second = text[:cut.start()], text[cut.end():]
    return [first, second] if first and second else [text]


def part_questions(question: str) -> list[QuestionInfo]:
    """The analysed parts of a question that asks two things (each with the content words of the whole
    question, so that sentences are found by all of it), or an empty list."""
    texts = split_question(question)
    if len(texts) < 2:
        return []
    infos = [analyze_question(text) for text in texts]
    words = list(dict.fromkeys(word for info in infos for word in info.words))
    return [replace(info, words=words) for info in infos]


def joined(answers: list[Answer], passage_texts: dict[str, str]) -> Answer:
    """One answer from the answers of a question's parts: each becomes a part; the text is the stretch of the
    passage that holds them when they stand close in one sentence, else their texts joined by ``；`` (offsets:
    the first part's).

    Args:
        answers: the parts' answers, in the question's order.
        passage_texts: the text of each answer's passage, by passage id.
    """
    parts = [AnswerPart(a.text, a.type, a.passage_id, a.start, a.end, a.doc_start, a.doc_end) for a in answers]
    ordered = sorted(answers, key=lambda a: a.start)
    first, last = ordered[0], ordered[-1]
    close = all(a.passage_id == first.passage_id and a.sentence == first.sentence for a in answers)
    if close and last.start - first.end <= NEAR:
        end = max(a.end for a in answers)
        return replace(first, text=passage_texts[first.passage_id][first.start:end], end=end,
                       doc_end=first.doc_start + end - first.start, parts=parts)
    return replace(answers[0], text=JOIN.join(a.text for a in answers), parts=parts)
