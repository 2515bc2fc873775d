"""Restatement: the question rewritten with a candidate in place of its interrogative (大秦指的是罗马帝国 for
大秦指的是哪一个帝国), embedded as a question and compared with the candidate's sentence vector in the index. The
candidate whose restatement finds its own sentence best is the likelier answer; this reorders the ranker's best
few candidates by it."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from qa.reader.candidates import Candidate
from qa.reader.questions import QuestionInfo
from qa.reader.sentences import ScoredSentence
from qa.text.normalize import fold

Ranked = tuple[float, Candidate, ScoredSentence]
MIN_SHARED = 2
"""Fewest characters an answer's end and the question's text after the interrogative must share to be said once."""


def restated(question: QuestionInfo, answer: str) -> str:
    """The question as a statement: ``answer`` in place of its interrogative, or after the question when it has
    none (欧洲第一高峰为 → 欧洲第一高峰为厄尔布鲁士峰). Words the answer ends in that the question names right after
    its interrogative are said once (哪一个帝国 with 罗马帝国 → 罗马帝国, not 罗马帝国帝国)."""
    answer = fold(answer)
    if not question.wh:
        return question.text + answer
    suffix = question.suffix
    longest = min(len(answer), len(suffix))
    shared = next((k for k in range(longest, MIN_SHARED - 1, -1) if answer.endswith(suffix[:k])), 0)
    return question.prefix + answer + suffix[shared:]


class Restatement:
    """Reorders the ranker's best candidates by how closely each restated question matches its sentence.

    Args:
        encode: embeds texts as questions, one normalised row per text.
        candidates: how many of the best candidates are restated and reordered.
        weight: score added per unit of cosine similarity between a restatement and its sentence.
    """

    def __init__(self, encode: Callable[[list[str]], np.ndarray], candidates: int, weight: float) -> None:
        self.encode = encode
        self.candidates = candidates
        self.weight = weight

    def rerank(self, question: QuestionInfo, ranked: list[Ranked], sentence_vectors: Callable[[list[int]], np.ndarray]
               ) -> list[Ranked]:
        """``ranked`` (best first) with its first ``candidates`` reordered by score plus ``weight`` × similarity;
        each keeps its own ranker score, so the decline policy judges the chosen candidate as the ranker did. An
        English question is left as ranked: a Chinese answer in it restates nothing.

        Args:
            question: the analysed question.
            ranked: the ranked candidates with their scores and sentences, best first.
            sentence_vectors: the index's normalised vectors of some sentence rows.
        """
        head = ranked[:self.candidates]
        if len(head) < 2 or question.english:
            return ranked
        statements = self.encode([restated(question, sentence.text[candidate.start:candidate.end])
                                  for _, candidate, sentence in head])
        sentences = sentence_vectors([sentence.row for _, _, sentence in head])
        similarity = np.einsum("ij,ij->i", statements, sentences)
        order = sorted(range(len(head)), key=lambda k: -(head[k][0] + self.weight * float(similarity[k])))
        return [head[k] for k in order] + ranked[self.candidates:]
