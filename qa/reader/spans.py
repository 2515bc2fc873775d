"""Span edges and clauses: jieba's tagged words, where clauses break (outside quotes), and trimming a span to its
content."""

from __future__ import annotations

import re
from functools import lru_cache

from qa.reader.numerals import NUMERAL_CHARS

LATIN_MEASURE = r"(?:\s?(?:[kcm]?m[23]?|kg|mg|[kmg]w|[kmg]?hz|ppm|°c|℃|°f)(?![a-z0-9]))"
"""A unit written in Latin letters or symbols, as folded text has it (1750.33km2 for km², 2.4ghz, 25℃)."""
CURRENCIES = ("美元", "港元", "欧元", "日元", "日圆", "美金", "港币", "英镑", "韩元", "卢布", "新台币", "台币", "人民币",
              "瑞士法郎", "法郎", "卢比", "越南盾", "泰铢", "林吉特", "令吉", "新加坡元", "新元", "澳元", "澳币", "加元", "加币",
              "澳门元", "澳门币", "比索", "披索", "里拉", "兰特", "克朗")
"""Currencies a quantity may be counted in (5亿日圆, 10.2亿美金): measure words of an amount of money."""
QUOTED = re.compile(r"“[^“”]{1,30}”|「[^「」]{1,30}」|《[^《》]{1,60}》|\"[^\"]{1,30}\"")
PARENTHETICAL = re.compile(r"[(（][^()（）]{1,40}[)）]")
"""A short aside in brackets: its commas and colons break no clause."""
HONORIFICS = ("同志", "先生", "女士", "小姐", "师傅", "老师", "阁下")
"""Forms of address that follow a name (邓铭东同志)."""
CLAUSE_BREAK = re.compile(r"[，;；：。!！?？]|(?<!\d)[,:]|[,:](?!\d)")
"""A comma, semicolon, colon or sentence end; a Latin comma or colon between digits is part of a number (3,000名,
10:30), not a break."""
EDGE_PUNCTUATION = "，,、：:;；。!！?？·・ \u3000"
LEADING_WORDS = {"的", "了", "是", "为", "在", "于", "将", "把", "被", "和", "与", "及", "并", "作为", "身为", "由",
                 "对", "向", "从", "又", "还", "也", "都", "就", "共", "共有", "有", "达", "即", "则", "给", "至", "到",
                 "或", "或者", "以及", "而", "而且", "并且"}
TRAILING_WORDS = {"的", "了", "是", "等", "之", "以来", "而", "和", "及", "与", "或", "以及", "并",
                  "至", "到", "-", "~", "—", "–"}
"""Words no span ends with: particles, and a conjunction or range word whose second half was left out (甜品而,
以柴油和, 1998年- when the question gave the range's end)."""
CHINESE_DIGITS = NUMERAL_CHARS
DATE_UNITS = ("年", "月", "日", "号")
"""Units of a date: a number the question gives, cut from a span's start, takes its unit with it."""


@lru_cache(maxsize=4096)
def tagged(text: str) -> tuple[tuple[int, int, str], ...]:
    """jieba part-of-speech tags as ``(start, end, flag)`` spans."""
    import jieba.posseg

    spans, position = [], 0
    for word, flag in jieba.posseg.cut(text):
        spans.append((position, position + len(word), flag))
        position += len(word)
    return tuple(spans)


def dictionary_count(word: str) -> int:
    """How often jieba's dictionary counts ``word`` as a word of its own (0 where it does not list it)."""
    import jieba

    jieba.dt.check_initialized()
    return jieba.dt.FREQ.get(word, 0)


def word_at(spans: tuple[tuple[int, int, str], ...], position: int) -> tuple[int, int, str] | None:
    """The tagged word that holds ``position``."""
    return next((span for span in spans if span[0] <= position < span[1]), None)


def words_within(spans: tuple[tuple[int, int, str], ...], start: int, end: int) -> list[tuple[int, int, str]]:
    """The tagged words that lie wholly inside ``[start, end)``."""
    return [span for span in spans if start <= span[0] and span[1] <= end]


def quoted_ranges(text: str) -> list[tuple[int, int]]:
    """Quoted names and titles (“首善先锋”, 《书名》), quotes included."""
    return [match.span() for match in QUOTED.finditer(text)]


def end_closing_quote(quotes: list[tuple[int, int]], start: int, end: int) -> int:
    """The end of a span widened to the closing mark of a quoted name or title it opens and cuts (《韩国 → 《韩国宪法》,
    起草《台湾自救运动 → 起草《台湾自救运动宣言》): an answer that stops inside a title is no one's quote.

    Args:
        quotes: the sentence's quoted names and titles (:func:`quoted_ranges`).
        start: the span's start.
        end: the span's end.
    """
    return max((last for first, last in quotes if start <= first < end < last), default=end)


def clause_breaks(text: str, start: int = 0, end: int | None = None) -> list[int]:
    """Positions of clause breaks (commas, semicolons, sentence ends) that are not inside quotes or a short
    parenthetical (呼通诺尔湖（维吾尔语：异常冰冷的湖泊）而得名 is one clause)."""
    end = len(text) if end is None else end
    quoted = quoted_ranges(text) + [match.span() for match in PARENTHETICAL.finditer(text)]
    return [m.start() for m in CLAUSE_BREAK.finditer(text, start, end)
            if not any(a < m.start() < b - 1 for a, b in quoted)]


def clause_bounds(text: str, position: int) -> tuple[int, int]:
    """The clause (between commas, semicolons or sentence ends outside quotes) around ``position``."""
    breaks = clause_breaks(text)
    start = max((b + 1 for b in breaks if b < position), default=0)
    end = min((b for b in breaks if b >= position), default=len(text))
    return start, end


def clauses(text: str) -> list[tuple[int, int]]:
    """Every clause of ``text`` (:func:`clause_bounds`), in order; two breaks in a row leave an empty one."""
    breaks = clause_breaks(text)
    return [(start, end) for start, end in zip([0] + [b + 1 for b in breaks], breaks + [len(text)])
            if start < len(text)]


def is_numeral(char: str) -> bool:
    """An Arabic digit or a Chinese numeral character."""
    return char.isdigit() or char in CHINESE_DIGITS


def governs_object(text: str, position: int) -> bool:
    """Whether the word of ``text`` that ends at ``position`` is a verb or preposition of two characters or more,
    which wants the object after it (时间是少于, 位于)."""
    word = word_at(tagged(text), position - 1)
    return word is not None and word[1] == position and word[2][0] in "vp" and word[1] - word[0] > 1


def echoed_tail(words: list[str], drop: frozenset[str]) -> int:
    """The length of the run of the question's words that ends ``words``."""
    length = 0
    for word in reversed(words[1:]):
        if word not in drop:
            break
        length += len(word)
    return length


def trim(text: str, start: int, end: int, drop: frozenset[str] = frozenset()) -> tuple[int, int]:
    """Drop punctuation, function words and the question's own words (``drop``) from both edges of a span.

    Words are jieba's, so a word that merely starts with a function character (和平) is kept, and a question's
    word that is a number's unit (世纪 in 13世纪) stays; a question's number leading a span goes with its date unit
    (1789年法国大革命 → 法国大革命, not 年法国大革命) unless another number follows (2014年10月 stays whole); the
    question's words closing a span stay when cutting them would leave a verb or preposition without its object
    (时间是少于十分钟, not 时间是少于); an unpaired quote at either edge is dropped, a paired one kept.
    """
    import jieba

    while True:
        while start < end and text[start] in EDGE_PUNCTUATION:
            start += 1
        while end > start and text[end - 1] in EDGE_PUNCTUATION:
            end -= 1
        words = list(jieba.cut(text[start:end])) if end > start else []
        if len(words) > 1 and (words[0] in LEADING_WORDS or words[0] in drop):
            dated = words[0] in drop and all(is_numeral(c) for c in words[0]) and words[1] in DATE_UNITS
            if not dated:
                start += len(words[0])
                continue
            if len(words) > 2 and not is_numeral(words[2][0]):
                start += len(words[0]) + len(words[1])
                continue
        if len(words) > 1 and (words[-1] in TRAILING_WORDS or words[-1] in drop):
            if words[-1] in drop and is_numeral(text[end - len(words[-1]) - 1]):
                break  # the question's word is the number's unit: 13世纪 asked about as 哪一个世纪
            if words[-1] in drop and governs_object(text, end - echoed_tail(words, drop)):
                break
            end -= len(words[-1])
            continue
        break
    if start < end and text[start] in "“\"" and "”" not in text[start:end] and '"' not in text[start + 1:end]:
        start += 1
    if start < end and text[end - 1] in "”\"" and "“" not in text[start:end - 1] and '"' not in text[start:end - 1]:
        end -= 1
    return start, end

