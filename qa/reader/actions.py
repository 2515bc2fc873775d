"""Questions about what someone did (邓铭东在核酸检测现场做了什么): the answer is the predicate the sentence gives
its subject after the words the question shares with it."""

from __future__ import annotations

import re

from qa.reader.questions import QuestionInfo
from qa.reader.spans import HONORIFICS, clause_bounds, trim

HONORIFICS_AND_PRONOUNS = re.compile("(?:" + "|".join(HONORIFICS) + "|[他她它]们?|其|则|也|还|又|便|就|随即|立即)+")
"""What stands between a subject and its predicate, or starts a next clause about the same subject (他用…)."""
COPULAS = ("是", "为", "系", "乃")
"""Words after which a sentence says what its subject is, not what it did (古辉是镇党委书记)."""
WORD_REACH = 30
"""How far past one of the question's words the next may stand and still be read as the same mention."""


def anchor(folded: str, words: list[str]) -> int:
    """Where the sentence's mention of the question's words ends: from the first of them it holds, each later
    word found within :data:`WORD_REACH` characters moves it on; -1 when the sentence holds none.

    Args:
        folded: the folded sentence.
        words: the question's content words, in the question's order.
    """
    for first, word in enumerate(words):
        position = folded.find(word)
        if position < 0:
            continue
        end = position + len(word)
        for later in words[first + 1:]:
            found = folded.find(later, end)
            if 0 <= found <= end + WORD_REACH:
                end = found + len(later)
        return end
    return -1


def predicates(folded: str, question: QuestionInfo) -> list[tuple[int, int]]:
    """The predicate after the question's words: the rest of their clause, or when that is empty the next
    clause with its pronoun subject left out (…回到核酸检测现场,他用自己的手机为群众录入… → 用自己的手机为群众录入…).

    Args:
        folded: the folded sentence.
        question: an ``action`` question.

    Returns:
        At most one span; none after a copula (古辉是镇党委书记 says what he is). jieba's tags are not asked: it
        reads many verbs as nouns (部署, 面向) and idioms as one word (不辞劳苦).
    """
    position = anchor(folded, question.words)
    if position < 0:
        return []
    _, clause_end = clause_bounds(folded, position)
    if not folded[position:clause_end].strip():
        if clause_end >= len(folded) - 1:
            return []
        position = clause_end + 1
        _, clause_end = clause_bounds(folded, position)
    lead = HONORIFICS_AND_PRONOUNS.match(folded, position)
    position = lead.end() if lead else position
    if folded.startswith(COPULAS, position):
        return []
    start, end = trim(folded, position, clause_end)
    return [(start, end)] if end > start else []
