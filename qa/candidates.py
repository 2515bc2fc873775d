"""Typed answer candidates in a sentence: pure functions returning spans of the sentence.

Matching runs on folded text (same length as the original), so every span indexes the
original sentence too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from qa.questions import QuestionInfo, organisation_head
from qa.text import fold

NUMERAL = r"(?:\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千万亿]+)"
APPROXIMATE = r"(?:约|近|超过|逾|将近|大约|不到|不足|多达|高达)"
MEASURES = sorted(
    "人次 个小时 小时 分钟 平方公里 平方米 公里 千米 公斤 千克 万元 亿元 美元 港元 欧元 个月 名 位 个 人 户 轮 项 件 天 次 家 所 "
    "条 元 岁 年 周 米 吨 辆 台 场 批 支 份 张 套 间 栋 座 层 例 剂 % 倍 组 队 处 种 部 首 本 篇 届 期 集 枚 架 艘 片 亩 "
    "公顷 级 代 度 克 块 颗 只 头 匹 秒 号 路 点 英里 英尺 厘米 毫米 升 年级 强 季".split(), key=len, reverse=True)
MEASURE = "(?:" + "|".join(re.escape(m) for m in MEASURES) + ")"
QUANTITY = re.compile(
    rf"(?:{APPROXIMATE})?第?{NUMERAL}(?:多|余|来)?(?:[十百千万亿]+)?(?:多|余)?(?:{MEASURE})?(?:多|余)?")
CLOCK = r"(?:凌晨|清晨|早上|早晨|上午|中午|下午|傍晚|晚上|夜间|深夜|当晚|当天|次日|晚)?(?:\d{1,2}|[一二三四五六七八九十]{1,3})[时点](?:\d{1,2}分|半|许)?"
DAY = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})[日号]"
MONTH = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3}|正)月(?:份)?"
YEAR = r"(?:公元前?)?(?:\d{1,4}|[〇零一二三四五六七八九]{2,4})年(?:代)?"
TIME = re.compile(
    rf"(?:{YEAR})?(?:{MONTH})?(?:{DAY})?(?:{CLOCK})?"
    r"|\d{1,2}世纪(?:\d{2}年代)?(?:初|末|中叶|中期|后期|前期)?"
    r"|(?:今年|去年|明年|前年|当年|当天|昨天|今天|明天|次日|近日|日前|本月|上月|上周|本周)")
ENUMERATION = re.compile(r"[^\s,，。；;：:、“”\"()（）等]{1,16}(?:[、和及与][^\s,，。；;：:、“”\"()（）等]{1,16})*、[^\s,，。；;：:、“”\"()（）等]{1,16}")
QUOTED = re.compile(r"“[^“”]{1,30}”|「[^「」]{1,30}」|《[^《》]{1,30}》|\"[^\"]{1,30}\"")
IDENTITY = re.compile(r"(?:作为|身为|担任|出任)(?P<span>[^,，。；;!！?？]{2,30})|是(?P<tail>[^,，。；;!！?？]{2,30})")
CLAUSE_BREAK = re.compile(r"[,，;；:：。!！?？]")
REASON_MARKER = re.compile(r"因为|由于|为了|因此|是因|鉴于|之所以")
MANNER_MARKER = re.compile(r"通过|利用|采用|采取|借助|依靠|凭借|运用|按照|依照|经过|使用")
CONTINUATION = re.compile(r"^(?:加上|而且|并且|并|且|又|还|再|以及|同时|进一步|从而|以便|以)")
EDGE_PUNCTUATION = "，,、：:;；。!！?？ \u3000"
LEADING_WORDS = {"的", "了", "是", "为", "在", "于", "将", "把", "被", "和", "与", "及", "并", "作为", "身为", "由",
                 "对", "向", "从", "又", "还", "也", "都", "就", "共", "共有", "有", "达", "即", "则", "给"}
TRAILING_WORDS = {"的", "了", "是", "等", "之", "以来"}
PREFIX_PARTICLES = {"是", "为", "叫", "叫做", "有", "在", "了", "的", "着", "过", "将", "被"}
PERSON_TAGS = {"nr", "nrt", "nrfg", "nrf"}
PLACE_TAGS = {"ns", "nsf"}
ORG_TAGS = {"nt"}


@dataclass(frozen=True)
class Candidate:
    """An answer candidate: a span of the sentence, its type and how it was found."""

    start: int
    end: int
    type: str
    origin: str


def quoted_ranges(text: str) -> list[tuple[int, int]]:
    """Quoted names and titles (“首善先锋”, 《书名》), quotes included."""
    return [match.span() for match in QUOTED.finditer(text)]


def clause_breaks(text: str, start: int = 0, end: int | None = None) -> list[int]:
    """Positions of clause breaks (commas, semicolons, sentence ends) that are not inside quotes."""
    end = len(text) if end is None else end
    quoted = quoted_ranges(text)
    return [m.start() for m in CLAUSE_BREAK.finditer(text, start, end)
            if not any(a < m.start() < b - 1 for a, b in quoted)]


def clause_bounds(text: str, position: int) -> tuple[int, int]:
    """The clause (between commas, semicolons or sentence ends outside quotes) around ``position``."""
    breaks = clause_breaks(text)
    start = max((b + 1 for b in breaks if b < position), default=0)
    end = min((b for b in breaks if b >= position), default=len(text))
    return start, end


def trim(text: str, start: int, end: int, drop: frozenset[str] = frozenset()) -> tuple[int, int]:
    """Drop punctuation, function words and the question's own words (``drop``) from both edges of a span.

    Words are jieba's, so a word that merely starts with a function character (和平) is kept;
    an unpaired quote at either edge is dropped, a paired one kept.
    """
    import jieba

    while True:
        while start < end and text[start] in EDGE_PUNCTUATION:
            start += 1
        while end > start and text[end - 1] in EDGE_PUNCTUATION:
            end -= 1
        words = list(jieba.cut(text[start:end])) if end > start else []
        if len(words) > 1 and (words[0] in LEADING_WORDS or words[0] in drop):
            start += len(words[0])
            continue
        if len(words) > 1 and (words[-1] in TRAILING_WORDS or words[-1] in drop):
            end -= len(words[-1])
            continue
        break
    if start < end and text[start] in "“\"" and "”" not in text[start:end] and '"' not in text[start + 1:end]:
        start += 1
    if start < end and text[end - 1] in "”\"" and "“" not in text[start:end - 1] and '"' not in text[start:end - 1]:
        end -= 1
    return start, end


def quantities(folded: str) -> list[tuple[int, int]]:
    """Numbers with measure words and approximation words (400多名, 30多万人次, 近百, 约3000余人, 1.2万)."""
    spans = []
    for match in QUANTITY.finditer(folded):
        text = match.group()
        has_digit = any(c.isdigit() for c in text)
        has_measure = re.search(MEASURE + "(?:多|余)?$", text) is not None
        approximate = re.match(APPROXIMATE, text) is not None
        if not (has_digit or has_measure or (approximate and re.search("[百千万亿]", text))):
            continue
        after = folded[match.end():match.end() + 1]
        if has_digit and not has_measure and after in "月日号年":
            continue
        if re.fullmatch(r"\d{4}年", text):
            continue
        spans.append(match.span())
    return spans


def times(folded: str) -> list[tuple[int, int]]:
    """Dates and times (7月13日凌晨2时, 2022年, 19世纪, 今年)."""
    spans = []
    for match in TIME.finditer(folded):
        if match.end() > match.start() and not re.fullmatch(r"\d{1,2}[时点]", match.group()):
            spans.append(match.span())
    return spans


def enumerations(folded: str) -> list[tuple[int, int]]:
    """Items joined by 、 (a trailing 等… is left out)."""
    return [match.span() for match in ENUMERATION.finditer(folded)]


def identities(folded: str) -> list[tuple[int, int]]:
    """What something or someone is: the phrase after 作为/身为/担任 or after 是/为 (up to the clause end)."""
    spans = []
    for match in IDENTITY.finditer(folded):
        group = "span" if match.group("span") else "tail"
        spans.append(match.span(group))
    return spans


@lru_cache(maxsize=4096)
def tagged(text: str) -> tuple[tuple[int, int, str], ...]:
    """jieba part-of-speech tags as ``(start, end, flag)`` spans."""
    import jieba.posseg

    spans, position = [], 0
    for word, flag in jieba.posseg.cut(text):
        spans.append((position, position + len(word), flag))
        position += len(word)
    return tuple(spans)


def entities(folded: str, tags: set[str]) -> list[tuple[int, int]]:
    """Runs of words whose part-of-speech tag is in ``tags`` (joined when adjacent or linked by ·)."""
    spans: list[tuple[int, int]] = []
    for start, end, flag in tagged(folded):
        if flag in tags and end - start < 2 and tags & PERSON_TAGS:
            continue
        if flag in tags or (flag == "eng" and tags & PERSON_TAGS and folded[start:end][:1].isupper()):
            if spans and (spans[-1][1] == start or folded[spans[-1][1]:start] == "·"):
                spans[-1] = (spans[-1][0], end)
            else:
                spans.append((start, end))
    return spans


def marked_clauses(folded: str, marker: re.Pattern, question: QuestionInfo) -> list[tuple[int, int]]:
    """Clauses that start at a marker word, continued over following clauses that extend them.

    A reason or manner clause runs on while the next clause continues it (加上…, a verb-initial
    clause) and does not repeat the question's words.
    """
    spans = []
    for match in marker.finditer(folded):
        start, end = match.start(), clause_bounds(folded, match.end())[1]
        while end < len(folded) and folded[end] in ",，;；":
            next_start, next_end = clause_bounds(folded, end + 1)
            clause = folded[next_start:next_end]
            if any(word in clause for word in question.words if len(word) > 1):
                break
            first_flag = next((flag for s, e, flag in tagged(clause)), "")
            causal = match.group() in ("因为", "由于", "之所以", "是因", "鉴于")
            if not (causal or CONTINUATION.match(clause) or first_flag[:1] in ("v", "d", "a")):
                break
            end = next_end
        spans.append((start, end))
    return spans


def longest_tail_in(needle: str, haystack: str, limit: int = 12) -> tuple[int, int] | None:
    """Where the longest tail (at least two characters) of ``needle`` occurs in ``haystack``."""
    for length in range(min(len(needle), limit), 1, -1):
        position = haystack.rfind(needle[-length:])
        if position >= 0:
            return position, position + length
    return None


def last_word_in(text: str, words: list[str], haystack: str) -> tuple[int, int] | None:
    """Where the content word that stands last in ``text`` occurs (last occurrence) in ``haystack``."""
    present = [w for w in words if len(w) >= 2 and w in text and w in haystack]
    if not present:
        return None
    word = max(present, key=lambda w: (text.rfind(w) + len(w), len(w)))
    position = haystack.rfind(word)
    return position, position + len(word)


def longest_head_in(needle: str, haystack: str, start: int, limit: int = 12) -> tuple[int, int] | None:
    """Where the longest head (at least two characters) of ``needle`` first occurs in ``haystack`` after ``start``."""
    for length in range(min(len(needle), limit), 1, -1):
        position = haystack.find(needle[:length], start)
        if position >= 0:
            return position, position + length
    return None


def strip_particles(prefix: str) -> str:
    """Drop the particles and copulas that end a question's prefix (是, 了, 的, 叫 …) as whole jieba words."""
    import jieba

    words = jieba.lcut(prefix)
    while words and words[-1] in PREFIX_PARTICLES:
        words.pop()
    return "".join(words)


def anchor_strength(words: list[str], text: str) -> float:
    """Share of the words' length found in ``text`` (1.0 when there are no words)."""
    total = sum(len(w) for w in words)
    return sum(len(w) for w in words if w in text) / total if total else 1.0


def slot(folded: str, question: QuestionInfo) -> tuple[int, int, float] | None:
    """Align the question around its interrogative with the sentence; the gap is the answer slot.

    ``X坚持什么施政理念`` against ``…坚持“人民至上 生命至上”的施政理念`` gives the quoted phrase.
    The slot stays within one clause; for an organisation it keeps its head noun (哪个党支部 → …党支部).

    Returns:
        ``(start, end, strength)``: the gap and how much of the question's context frames it (0..1).
    """
    prefix = strip_particles(question.prefix)
    suffix = re.sub(r"^(?:的|是|了)", "", question.suffix)
    if question.measure:
        suffix = suffix[len(question.measure):]
    head = organisation_head(suffix) if question.type == "organisation" else ""
    left = (longest_tail_in(prefix, folded) or last_word_in(prefix, question.words, folded)) if len(prefix) >= 2 else None
    right = longest_head_in(suffix, folded, left[1] if left else 0) if len(suffix) >= 2 else None
    if left and not right and len(suffix) >= 2:
        right = longest_head_in(suffix, folded, 0)
        if right and right[0] < left[0]:
            left = None
        else:
            right = None
    if left and right:
        start, end = left[1], right[0]
    elif left:
        start, end = left[1], clause_bounds(folded, left[1])[1]
    elif right:
        start, end = clause_bounds(folded, right[0])[0], right[0]
    else:
        return None
    if head and right:
        reach = suffix.find(head) + len(head)
        if folded[right[0]:right[0] + reach] == suffix[:reach]:
            end = right[0] + reach
    breaks = clause_breaks(folded, start, end)
    if breaks:
        end = breaks[0] if left or not right else end
        start = start if left or not right else breaks[-1] + 1
    start, end = trim(folded, start, end)
    if end <= start or end - start > 60:
        return None
    before = [w for w in question.words if w in prefix]
    after = [w for w in question.words if w in suffix and w not in before]
    strength = (anchor_strength(before, folded[:start]) * len(before) + anchor_strength(after, folded[end:]) *
                len(after)) / max(1, len(before) + len(after))
    return start, end, strength


@lru_cache(maxsize=1024)
def _question_words(text: str) -> frozenset[str]:
    import jieba

    return frozenset(w for w in jieba.cut_for_search(text) if len(w) > 1)


def question_words(question: QuestionInfo) -> frozenset[str]:
    """Words (two characters or more) of the question, interrogative left out: never part of an answer's edge."""
    return frozenset(w for w in _question_words(question.text) if w not in question.wh and question.wh not in w)


def extract_candidates(sentence: str, question: QuestionInfo) -> list[Candidate]:
    """All answer candidates of a sentence for a question, typed.

    Args:
        sentence: the sentence (original characters).
        question: the analysed question.

    Returns:
        Candidates; spans index ``sentence``.
    """
    folded = fold(sentence)
    drop = question_words(question)
    found: list[Candidate] = []
    kinds = {
        "quantity": quantities(folded),
        "time": times(folded),
        "person": entities(folded, PERSON_TAGS),
        "place": entities(folded, PLACE_TAGS),
        "organisation": entities(folded, ORG_TAGS),
        "list": enumerations(folded),
        "reason": marked_clauses(folded, REASON_MARKER, question),
        "manner": marked_clauses(folded, MANNER_MARKER, question),
        "quote": quoted_ranges(folded),
        "identity": identities(folded),
    }
    for kind, spans in kinds.items():
        for start, end in spans:
            start, end = trim(folded, start, end, drop)
            if end > start:
                found.append(Candidate(start, end, kind, "pattern"))
    return found
