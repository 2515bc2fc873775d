"""Questions that ask what something is like or does (夜来香的种子有什么特点, 浙江海塘有何作用, 它的用途是什么) and
the part of a sentence that says it: what the sentence goes on to say after naming the thing asked about."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from qa.reader.spans import clause_breaks, tagged, words_within
from qa.text.normalize import SENTENCE_END

if TYPE_CHECKING:
    from qa.reader.questions import QuestionInfo

ATTRIBUTE_NOUNS = ("特点", "特征", "特色", "特性", "性质", "作用", "用途", "功用", "功能", "功效", "效用", "效果",
                   "疗效", "症状", "好处", "益处", "坏处", "危害", "害处", "影响", "优点", "缺点", "优势", "劣势",
                   "区别", "差别", "差异", "不同", "意义", "贡献")
"""Nouns with which a question asks what something is like or does, not for a thing or name: the text states the
property in its own words (种子宽卵形, 可用来当作催吐剂), rarely with the noun itself."""
HAVING = ("有", "具有", "具备", "拥有")
"""Verbs before an interrogative with which a question asks for an attribute (有什么特点, 具有什么样的特性)."""
ASKED_AFTER_HAVING = re.compile(rf"^(?:样的|样)?(?P<noun>{'|'.join(ATTRIBUTE_NOUNS)})$")
ASKED_BEFORE_WHAT = re.compile(rf"(?P<noun>{'|'.join(ATTRIBUTE_NOUNS)})(?:是|为|有)?$")
HAVING_LEADS = ("具", "拥")
"""What stays of 具有 / 拥有 before an interrogative that starts with 有 (过氧乙醚具 + 有什么)."""
SUBJECT_TAGS = ("n", "a", "b", "f", "m", "q", "j", "eng")
"""jieba tags of the words a noun phrase naming the subject may hold (副花冠, 上部叶, 十个城堡; not 是对孩子还)."""
COUNT = re.compile(r"^[\d一二三四五六七八九十百千万两几数多]+[个种只株座条位名]?")
"""A count before the noun a question names (十个城堡): a text may name the noun without it (这些城堡)."""
MIN_SUBJECT_CHARS, MAX_SUBJECT_CHARS = 2, 6
"""How long the phrase after a question's last 的 may be to name what it asks about (叶柄, 副花冠, 下部叶)."""
NAMED_ATTRIBUTE = re.compile(rf"[的之]?(?:主要|最主要)?(?:{'|'.join(ATTRIBUTE_NOUNS)})(?:主要)?(?:是|为|有)?")
"""The attribute itself named right after the subject (产妇症状为…, 早期最主要特色为…): what is said follows it."""
CONDITION_CLOSE = re.compile(r"的话[,，]?(?:会|将)?$")
"""What closes a condition the question sets (误食软枝黄蝉的话，有什么症状): not part of what it names."""
ASIDE = re.compile(r"\s*[（(][^（()）]*[)）]")
"""A bracketed aside right after the thing named (叶柄（petiole）有四到六个腺体), not part of what is said of it."""


def asked_attribute(prefix: str, wh: str, suffix: str) -> str:
    """The attribute noun a question asks about (:data:`ATTRIBUTE_NOUNS`), or "": after 有 / 具有 and an
    interrogative (有什么特点, 有哪些功能, 有何作用), or before 是什么 closing the question (的用途是什么).

    Args:
        prefix: the question before its interrogative.
        wh: the interrogative.
        suffix: the question after it.
    """
    having = wh.startswith(HAVING) or prefix.endswith(HAVING)
    after = ASKED_AFTER_HAVING.match(suffix) if having and wh.endswith(("什么", "哪些", "何")) else None
    if after:
        return after.group("noun")
    before = ASKED_BEFORE_WHAT.search(prefix) if wh in ("什么", "是什么") and not suffix else None
    return before.group("noun") if before else ""


def subject_words(question: QuestionInfo) -> list[str]:
    """The words naming what a description question asks about, in the order they are looked for in a sentence: the
    noun phrase after the last 的 before the attribute (副花冠 of 夜来香的副花冠有什么特点), then the same without its
    count (十个城堡, then 城堡); or where there is no such phrase, the question's content words, the one standing last
    first (海塘, then 浙江 of 浙江海塘有何作用; 黄蝉, then 误食 of 误食黄蝉有什么危害, where the text says 误食可引致…),
    none inside a longer one (夜来 of 夜来香) nor the 的话 that closes a condition; none when there is neither."""
    attribute = asked_attribute(question.prefix, question.wh, question.suffix)
    described = question.prefix
    if not question.suffix:
        described = described.removesuffix("是").removesuffix("为").removesuffix("有")
    described = described.removesuffix(attribute).removesuffix("的").removesuffix("之")
    for having in HAVING + HAVING_LEADS:
        described = described.removesuffix(having)
    described = CONDITION_CLOSE.sub("", described)
    head = described.rpartition("的")[2]
    if "的" in described and MIN_SUBJECT_CHARS <= len(head) <= MAX_SUBJECT_CHARS and all(
            flag.startswith(SUBJECT_TAGS) for _, _, flag in tagged(head)):
        return list(dict.fromkeys([head, COUNT.sub("", head)]))
    words = [word for word in dict.fromkeys(question.words) if len(word) >= MIN_SUBJECT_CHARS and word in described]
    whole = [word for word in words if not any(word in other and word != other for other in words)]
    return sorted(whole, key=lambda word: -(described.rfind(word) + len(word)))


def descriptions(folded: str, subjects: list[str], question_words: list[str]) -> list[tuple[int, int]]:
    """What a sentence says of the first of ``subjects`` it names, after naming it: from just after its first
    mention (and any bracketed aside, the attribute named, what the clause says that the question says too:
    坞堡大多由世族豪强建立，主要作为军事防卫 → 主要作为军事防卫, and the question's 具有 / 拥有 where the sentence says
    it: 可以形成具有爆炸性 → 爆炸性) to the sentence's end or the first semicolon after it (outside quotes).

    Args:
        folded: the sentence, folded.
        subjects: the words naming what the question asks about (:func:`subject_words`).
        question_words: the question's content words.
    """
    position, subject = next(((folded.find(word), word) for word in subjects if word in folded), (-1, ""))
    if position < 0:
        return []
    start = position + len(subject)
    aside = ASIDE.match(folded, start)
    start = aside.end() if aside else start
    named = NAMED_ATTRIBUTE.match(folded, start)
    start = named.end() if named and named.end() > start else start
    breaks = clause_breaks(folded)
    clause_end = min((b for b in breaks if b >= start), default=len(folded))
    asked = {word for word in question_words if len(word) >= MIN_SUBJECT_CHARS and word != subject}
    echoed = [end for first, end, _ in words_within(tagged(folded), start, clause_end) if folded[first:end] in asked]
    if echoed and clause_end < len(folded) and folded[clause_end] in "，,":
        start = max(echoed) + (max(echoed) == clause_end)
    having = next((folded.find(verb, start) + len(verb) for verb in HAVING if len(verb) > 1
                   and verb in question_words and verb in folded[start:]), -1)
    start = max(start, having)
    end = min((b for b in breaks if b >= start and folded[b] in SENTENCE_END), default=len(folded))
    return [(start, end)] if end > start else []
