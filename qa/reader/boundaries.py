"""Where an answer span starts and ends, by jieba's parts of speech: a verb's complement left in front of a noun
answer is dropped (送到纽奥良黄蜂 → 纽奥良黄蜂), a prepositional tail after a noun phrase is cut (LED显示屏对…宣传 →
LED显示屏), and quoted names, titles and organisations are never cut inside. Spans index folded sentences."""

from __future__ import annotations

import re

from qa.reader.patterns import CALENDAR, ITEM_SEPARATORS, NAME_TAGS, YEAR_NUMBER, times
from qa.reader.questions import HEAD_NOUNS, POSTING
from qa.reader.spans import quoted_ranges, tagged, word_at, words_within

COMPLEMENTS = {"好", "到", "完", "成", "上", "出", "给"}
ASPECT = {"了", "着", "过"}
NOUN_TAGS = ("n", "nr", "nrt", "nrfg", "ns", "nt", "nz", "eng", "j", "l")
TAIL_PREPOSITIONS = {"对", "向", "给", "为", "在", "从", "把", "被", "用", "以", "替", "跟", "同", "与"}
OBJECT_PREPOSITIONS = {"于", "在", "至", "到", "为", "成", "向", "自", "从"}
"""Prepositions a verb takes its object through (诞生于工业革命, 译为第一公民, 迁徙自科尔基斯)."""
RELATIVE_POSITIONS = ("之后", "以后", "之前", "以前", "之中", "当中", "上面", "里面", "之内")
"""Words of position of two characters that place a thing after, before or within another, no part of it
(P-51战斗机之后, 区域性污染上面); not those of a direction (东部, 以西), which a place keeps."""
COORDINATING = {"与", "同", "跟"}
"""Prepositions that also join two nouns: followed by nouns alone to the span's end, they start no tail (信心与责任心)."""
ORGANISATION_NOUNS = tuple(dict(HEAD_NOUNS)["organisation"])
CUT_KINDS = ("slot", "identity")
CLAUSE_KINDS = ("reason", "manner")
"""Kinds answered by a whole clause, verb and all."""
PREDICATE_KINDS = ("action", "description")
"""Kinds answered by what is done or said of something, which a preposition may open (以和平方式抱住大树)."""
COUNTED_KINDS = ("time", "quantity", "duration")
"""Kinds whose closing word of position belongs to them (1949年后, 三天内)."""
ECHOED_SHARE = 0.6
"""Share of the words after an enumeration's trailing verb that must be the question's for the verb to be cut."""
COUNTED_YEAR = re.compile(rf"{YEAR_NUMBER}年")
"""A year by its number alone (28年, 四十三年): the calendar the sentence writes before it belongs to it."""
CALENDAR_BEFORE = re.compile(rf"{CALENDAR}$")
TRAILING_COUNT = re.compile(r"等?[0-9零一二三四五六七八九十百两几]+[位名个人家所项种座间件条部首]$")
"""A count that sums up the enumeration before it (张伟、李娜和王芳三位): no part of the enumeration."""


def is_protected(text: str) -> bool:
    """A quoted phrase, a title or an organisation's name: never cut inside."""
    quoted = text[:1] in "“《「\"" and text[-1:] in "”》」\""
    return quoted or text.endswith(ORGANISATION_NOUNS)


def drop_complement(folded: str, start: int, end: int) -> int:
    """The start of a span without a verb's complement (and aspect particle) left in front of it:
    ``被送到纽奥良黄蜂`` → ``纽奥良黄蜂``, ``准备好了充电宝`` → ``充电宝``.

    The complement is dropped only where jieba reads it as a word right after a verb, or as the end of a verb
    (送到).
    """
    sentence = tagged(folded)
    first = word_at(sentence, start)
    if first is None or folded[start:first[1]] not in COMPLEMENTS:
        return start
    if first[0] < start:
        if not first[2].startswith("v"):
            return start
    else:
        before = word_at(sentence, start - 1) if start > 0 else None
        if before is None or not before[2].startswith("v"):
            return start
    position = first[1]
    following = word_at(sentence, position)
    if following and following[0] == position and folded[following[0]:following[1]] in ASPECT:
        position = following[1]
    return position if end - position >= 2 else start


def drop_leading_verb(folded: str, start: int, end: int) -> int:
    """The start of a noun answer without the sentence's verb in front of it: ``解决天然气卡充值问题`` →
    ``天然气卡充值问题``; a verb phrase (快速斩断疫情传播链) is kept."""
    words = tagged(folded[start:end])
    if (len(words) >= 2 and words[0][2] == "v" and words[1][2] in NOUN_TAGS and words[0][1] >= 2
            and words[1][1] - words[1][0] >= 2):
        return start + words[0][1]
    return start


def drop_particle_before_name(folded: str, start: int, end: int) -> int:
    """The start of a noun answer without a one-character verb or preposition standing before the name it starts
    with (``驻花垣镇`` → ``花垣镇``, ``以徐家汇`` → ``徐家汇``): the sentence's own word, not part of the name."""
    words = tagged(folded[start:end])
    if (len(words) >= 2 and words[0][1] == 1 and words[0][2] in ("v", "p") and words[1][2] in NAME_TAGS
            and words[1][1] - words[1][0] >= 2):
        return start + 1
    return start


def drop_verb_and_preposition(folded: str, start: int, end: int) -> int:
    """The start of an answer without the verb and preposition that open it, adverbs and all (``诞生于工业革命`` →
    ``工业革命``, ``通常译为第一公民`` → ``第一公民``): jieba reads only adverbs, verbs and conjunctions before the
    preposition, a verb right before it, and two characters or more follow it."""
    words = tagged(folded[start:end])
    index = next((index for index, (_, _, flag) in enumerate(words) if flag not in ("d", "v", "vd", "c")), 0)
    if index == 0 or words[index - 1][2] != "v" or words[index][2] != "p":
        return start
    word_start, word_end, _ = words[index]
    if folded[start + word_start:start + word_end] not in OBJECT_PREPOSITIONS or end - start - word_end < 2:
        return start
    return start + word_end


def drop_preposition_before_noun(folded: str, start: int, end: int) -> int:
    """The start of a noun answer without the one-character preposition its sentence puts before it (``以共产党`` →
    ``共产党``, ``以铳炮`` → ``铳炮``, ``在莫斯科`` → ``莫斯科``): jieba reads it as a word of its own, a preposition
    (or, after 的, a word of position) of :data:`TAIL_PREPOSITIONS`, and a noun follows it."""
    if folded[start:start + 1] not in TAIL_PREPOSITIONS:
        return start
    words = tagged(folded[start:end])
    if len(words) >= 2 and words[0][1] == 1 and words[0][2] in ("p", "f") and words[1][2].startswith("n"):
        return start + 1
    return start


def cut_prepositional_tail(folded: str, start: int, end: int) -> int:
    """The end of a noun answer without the prepositional phrase that follows its noun phrase:
    ``LED显示屏对疫情防控工作开展常态化宣传`` → ``LED显示屏``; quoted names, titles and organisations are kept, and so
    are nouns joined by a :data:`COORDINATING` preposition."""
    text = folded[start:end]
    if is_protected(text):
        return end
    words = tagged(text)
    for index, (a, b, flag) in enumerate(words[1:], 1):
        previous = words[index - 1]
        joins = text[a:b] in COORDINATING and all(tag in NOUN_TAGS for _, _, tag in words[index + 1:])
        if flag == "p" and text[a:b] in TAIL_PREPOSITIONS and previous[2] in NOUN_TAGS and a >= 2 and not joins:
            return start + a
    return end


def drop_trailing_position(folded: str, start: int, end: int) -> int:
    """The end of a candidate without a one-character word of position closing it (九一八事变后 → 九一八事变, 会议中 →
    会议, by the sentence's tagging): it places the thing the question asks for, and is no part of it."""
    words = words_within(tagged(folded), start, end)
    if len(words) > 1 and words[-1][1] == end and words[-1][1] - words[-1][0] == 1 and words[-1][2] == "f":
        return words[-1][0]
    return end


def drop_relative_position(folded: str, start: int, end: int) -> int:
    """The end of a candidate without a word of :data:`RELATIVE_POSITIONS` closing it (「七七事变」以后 → 「七七事变」),
    by the sentence's tagging, unless it follows a time, whose own it is (2007年年底以前)."""
    words = words_within(tagged(folded), start, end)
    if len(words) < 2 or words[-1][1] != end or folded[words[-1][0]:end] not in RELATIVE_POSITIONS:
        return end
    position = words[-1][0]
    return end if any(stop == position for _, stop in times(folded)) else position


def with_calendar(folded: str, start: int, end: int) -> int:
    """The start of a year widened over the calendar written before it (28年 in 民国28年 → 民国28年, 240年 in
    公元前240年 → 公元前240年): without it the year is another (a question that names the calendar, 民国几年, has it
    cut from the span as one of its own words)."""
    if not COUNTED_YEAR.match(folded, start, end):
        return start
    found = CALENDAR_BEFORE.search(folded, 0, start)
    return found.start() if found else start


def drop_verb_before_quote(folded: str, start: int, end: int) -> int:
    """The start of a span that closes with a quoted name or title, without the verb phrase it is the object of
    (定为「乔治亚」 → 「乔治亚」, 开展「反对资产阶级自由化」 → 「反对资产阶级自由化」, 不满签署《…协议》 → 《…协议》);
    a modifier before the quote stays (防疫“侦察兵”, 地理名词的「台湾」)."""
    opening = next((a for a, b in quoted_ranges(folded) if b == end and start < a), None)
    if opening is None:
        return start
    before = word_at(tagged(folded), opening - 1)
    return opening if before and before[2] == "v" else start


def with_named_front(folded: str, start: int, echoed: frozenset[str], question: str) -> int:
    """The start of a name widened back over the question's own word that names which one it is (重庆 of
    重庆理工大学 for 重庆哪所大学, 关岛 of 关岛组织法, 中国 of 中国青年党): a proper name right before it, where the
    name goes on with a noun, is no restatement of the question to be trimmed, unless the question holds it apart
    as the owner of what it asks for (德国 of 在德国的哪一个学院: 柏林陆军学院).

    Args:
        folded: the sentence.
        start: where the name starts, the question's words trimmed.
        echoed: the question's words.
        question: the question's folded text.
    """
    sentence = tagged(folded)
    front = word_at(sentence, start - 1) if start > 0 else None
    rest = word_at(sentence, start)
    if not (front and front[1] == start and front[2] in NAME_TAGS and rest and rest[0] == start
            and rest[2].startswith(NOUN_TAGS)):
        return start
    word = folded[front[0]:start]
    if word not in echoed or all(question.startswith("的", found.end())
                                 for found in re.finditer(re.escape(word), question)):
        return start
    return front[0]


def past_posting_verb(folded: str, start: int, end: int) -> int:
    """The start of a post question's answer past the verb of taking the post that opens it (任中共天津市大港区委副书记
    → 中共天津市大港区委副书记): the question's own 担任, as the sentence writes it, when jieba reads it as a word."""
    found = POSTING.match(folded, start, end)
    word = word_at(tagged(folded), start) if found else None
    return found.end() if word and word[1] == found.end() and end - found.end() >= 2 else start


def refine(folded: str, start: int, end: int, kind: str) -> tuple[int, int]:
    """A candidate's span with its edges set by the rules above (the tail cut only for noun answers read from
    the question's slot or an identity)."""
    start = with_calendar(folded, start, end)
    if kind not in CLAUSE_KINDS:
        start = drop_verb_before_quote(folded, start, end)
    if is_protected(folded[start:end]):
        return start, end
    start = drop_complement(folded, start, end)
    if kind not in COUNTED_KINDS:
        end = drop_trailing_position(folded, start, end)
    if kind not in COUNTED_KINDS + CLAUSE_KINDS:
        end = drop_relative_position(folded, start, end)
    if kind not in CLAUSE_KINDS + COUNTED_KINDS + PREDICATE_KINDS:
        start = drop_preposition_before_noun(folded, start, end)
    if kind == "slot":
        start = drop_verb_and_preposition(folded, start, end)
    if kind in CUT_KINDS:
        start = drop_particle_before_name(folded, drop_leading_verb(folded, start, end), end)
        end = cut_prepositional_tail(folded, start, end)
    if kind == "list":
        start = drop_leading_predicate(folded, start, end)
        end = drop_trailing_count(folded, start, end)
    return start, end


def cut_echoed_predicate(folded: str, start: int, end: int, echoed: frozenset[str]) -> int:
    """The end of an enumeration without the predicate its last item runs on into, when what follows the verb
    restates the question (``…、村(社区)书记召开疫情防控工作加温会`` asked 哪些人参加了疫情防控工作加温会 →
    ``…、村(社区)书记``): the first verb after a noun of the last item, when the words after it are at least
    :data:`ECHOED_SHARE` the question's own."""
    position, separator = max((folded.rfind(separator, start, end), separator) for separator in ITEM_SEPARATORS)
    if position < 0:
        return end
    last = position + len(separator)
    previous = ""
    for word_start, word_end, flag in words_within(tagged(folded), last, end):
        if flag.startswith("v") and previous.startswith(NOUN_TAGS):
            rest = folded[word_end:end]
            taken = {i for word in echoed if len(word) >= 2 for match in re.finditer(re.escape(word), rest)
                     for i in range(*match.span())}
            return word_start if rest and len(taken) >= ECHOED_SHARE * len(rest) else end
        previous = flag
    return end


def drop_leading_predicate(folded: str, start: int, end: int) -> int:
    """The start of an enumeration of noun phrases without the clause's subject and verb (or preposition) that its
    first item runs back into: ``云潭镇又迅速组织全体镇干部职工、圩镇机关单位负责人`` → ``全体镇干部职工、…``; an
    enumeration whose second item starts with a verb (领导挂帅、分组配合) lists actions and keeps its first whole."""
    first_end = folded.find("、", start, end)
    if first_end < 0:
        return start
    words = words_within(tagged(folded), start, end)
    second = next((word for word in words if word[0] > first_end), None)
    if second is None or verb_or_preposition(second[2]):
        return start
    cut = start
    for _, word_end, flag in words:
        if word_end > first_end:
            break
        if verb_or_preposition(flag):
            cut = word_end
    return cut if first_end - cut >= 2 and cut > start else start


def verb_or_preposition(flag: str) -> bool:
    """A jieba tag of a verb or preposition, not of a noun made of a verb (``vn``)."""
    return flag.startswith(("v", "p")) and not flag.startswith("vn")


def drop_trailing_count(folded: str, start: int, end: int) -> int:
    """The end of an enumeration without the count that sums it up: ``张伟、李娜和王芳三位`` → ``张伟、李娜和王芳``."""
    found = TRAILING_COUNT.search(folded, start, end)
    return found.start() if found and "、" in folded[start:found.start()] else end
