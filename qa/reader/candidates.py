"""Answer candidates of one sentence: typed pattern spans, the question's slot, a fallback clause, and the
adjustments a span needs before it is ranked (widened to its whole quantity, the question's own words cut)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from qa.reader.patterns import (ITEM_SEPARATORS, MANNER_MARKER, NAME_SOURCE, NOUN_JOINERS, ORG_TAGS, PERIOD_NOUNS,
                                PERSON_TAGS, PLACE_SUFFIXES, PLACE_TAGS, REASON_MARKER, aliases_given, causes_before,
                                durations, entities, enumerations, epithets_given, full_names, headed_by, identities,
                                marked_clauses, name_parts, names_given, noun_chunks, occupations, periods, quantities,
                                range_sides, ratios, siblings, time_ranges, times)
from qa.reader.actions import predicates
from qa.reader.boundaries import cut_echoed_predicate, drop_complement, refine, with_named_front
from qa.reader.definitions import defined_term, definitions
from qa.reader.descriptions import descriptions, subject_words
from qa.reader.questions import (HEAD_NOUNS, QuestionInfo, asks_alias, asks_epithet, asks_name, asks_name_origin,
                                 asks_post, asks_point_of_time, asks_ratio, range_side_asked, short_form_asked,
                                 trade_asked)
from qa.reader.sentences import weighted_coverage
from qa.reader.slot import asked_noun, asks_a_place_level, named_items, names_the_attribute, slot
from qa.reader.spans import CHINESE_DIGITS, CLAUSE_BREAK, clauses, is_numeral, quoted_ranges, tagged, trim, words_within
from qa.text.normalize import fold

PRONOUNS = re.compile(r"^(?:他|她|他们|她们|其|该人|此人)$")
PERSON_NOUNS = tuple(dict(HEAD_NOUNS)["person"])
STRICT_TYPES = ("quantity", "time", "duration", "person")
CLAUSE_ANSWERED = ("reason", "manner")
"""Question types whose answer is a clause: another item beside one they name is no noun phrase (另一个原因是)."""
NAMED_FRONT_KINDS = ("organisation", "headed", "sibling")
"""Kinds of candidate that are names, which keep the question's word that names which one (:func:`with_named_front`);
a named period does too (香港日治时期 for 在哪一个时期时香港仔…)."""
NAMED_FRONT = "front"
"""The origin of a candidate widened back over such a word: the word is no echo of the question."""
OCCUPATION = "occupation"
"""The origin of a candidate that names a trade, for a question asking someone's
(:func:`~qa.reader.patterns.occupations`)."""
PEOPLE_ENDINGS = ("人", "者", "员", "众", "民", "妇", "士", "师", "们", "属", "友", "工", "兵", "官", "小组")
"""How nouns naming people by role or group end (孕妇, 全镇人民群众, “三人小组”): a 谁 question's slot may hold one
instead of a name."""
INDEFINITE = re.compile("一[名位个种群批]")
"""An indefinite count before such a noun (一名孕妇): no part of who it is."""
REFERRING_NOUNS = ("前者", "后者", "两者", "二者", "三者", "或者")
"""Nouns that refer back to people named before them, naming nobody themselves."""
NOT_IN_A_NOUN_PHRASE = ("v", "d", "p", "c", "r", "f")
"""jieba tags of words that make a slot a clause, not a noun phrase naming people (城还剩下7000人), but for the
words that join nouns (:data:`~qa.reader.patterns.NOUN_JOINERS`: 医护人员和志愿者)."""
MANNER_TAGS = ("a", "ad", "an", "d", "z", "n")
MANNER_WORDS = 2
"""How a slot may go on after the people it names: up to two words of manner (安全有序: jieba tags 有序 a noun), no
name or verb (作曲者吕骥 names 吕骥, not 作曲者)."""
POST_ENDINGS = PERSON_NOUNS + ("长", "员", "官", "委员", "司令", "参谋", "顾问", "教授", "经理", "秘书", "负责人")
"""How a post ends (办公室主任, 党委书记, 镇长, 委员)."""
NOT_IN_A_POST = ("x", "p", "c", "u", "d", "r", "m", "q", "f", "t", "nr")
"""jieba tags of words a post does not run back over: punctuation, function words, numbers, times, names."""
PLACE_NAME_ENDINGS = ("岛", "海峡", "港", "湾", "湖", "州", "市", "县", "郡", "省", "城", "镇", "村", "盆地", "平原",
                      "高原")
"""Endings that make a name jieba tags as a person's the name of a place, and no person's (鹿儿岛, 麻六甲海峡, 东海郡),
after two characters or more (not 小镇); not 山, 江 or 河, which end given names (孙中山)."""
PLACE_FRAMES = ("位于", "设于", "设在", "坐落于", "地处", "生于", "迁至", "迁往", "迁到", "抵达", "到达", "前往", "首都为",
                "首都是", "首府为", "首府是", "定都", "总部在", "总部设于")
"""Words after which a name jieba tags as a person's is a place (首都为杜笃玛, 总部设于多伦多)."""
PLACE_PREPOSITIONS = ("在", "于")
"""Prepositions after which a name jieba tags as a person's is a place where the clause ends right after it or a
word of its surroundings follows (:data:`SURROUNDINGS`: 第二次是在莫斯科, 部署在莫斯科附近; not 在张三的带领下)."""
SURROUNDINGS = ("附近", "一带", "周边", "周围", "以北", "以南", "以东", "以西", "境内", "市内", "市区", "郊区", "郊外",
                "近郊", "城外", "城内")
"""Words that place something around a place named before them."""
ROLE_ENDINGS = ("家", "者", "员", "长", "官", "师", "统", "王", "帝", "相", "督", "事", "人")
"""Endings of a word naming someone's role, after which a name jieba tags as a place's is a person's (航海家拉彼鲁兹,
知事中村)."""
DEGREE_ADVERBS = ("最", "很", "非常", "更", "更加", "较", "较为", "比较", "十分", "极", "极其", "太", "最为", "相当")
"""Adverbs of degree, which modify an adjective or verb and never a name (最古老: jieba's dictionary tags 古老 nr)."""
MODIFIER_TAGS = ("a", "ad")
"""Tags of a word of two characters or more after which a word is a verb or adjective, not a name (耐心安抚: jieba's
dictionary tags 安抚 nr); a one-character one may be a dynasty's (明神宗, 清赵翼)."""

HEADED_WORDS = 2
"""How many nominal words before a noun-headed word a candidate may take in (:func:`headed_by`)."""
MIN_NAME_CHARS, MAX_NAME_CHARS = 2, 8
"""How long a slot read as a person may be (君主, 阮爱馨女士)."""
NAME_PHRASE_TAGS = ("n", "eng", "j")
"""Tags of the words a slot read as a person may hold: nouns and names (``n…``), Latin words and abbreviations."""
COUNTED_GROUP = re.compile(rf"[\d{CHINESE_DIGITS}几]+(?:大|个|種|种|类|類|项|項|条|條)")
"""A count that leads a phrase: 五大宗教, 四个主体民族 name a group of the noun asked for, no one of them."""


@dataclass(frozen=True)
class Candidate:
    """An answer candidate: a span of the sentence, its type and how it was found."""

    start: int
    end: int
    type: str
    origin: str


@dataclass
class SentenceCandidates:
    """The candidates of one sentence, and the question's slot in it (``(start, end, strength)`` or ``None``)."""

    candidates: list[Candidate]
    slot: tuple[int, int, float] | None


@lru_cache(maxsize=1024)
def _question_words(text: str) -> frozenset[str]:
    import jieba

    return frozenset(w for w in jieba.cut_for_search(text) if len(w) > 1)


def question_words(question: QuestionInfo) -> frozenset[str]:
    """Words (two characters or more) of the question, interrogative left out: never part of an answer's edge."""
    return frozenset(w for w in _question_words(question.text) if w not in question.wh and question.wh not in w)


def joined_people(folded: str, names: list[tuple[int, int]], drop: frozenset[str]) -> list[tuple[int, int]]:
    """People's names, and the names a conjunction joins with the one before them (邓廷桢和林则徐, 杜江及霍思燕):
    both did what the sentence says, so both answer who did it. Names the question gives are left out of a join
    (艾伦以及谁: 艾伦 is no part of the answer)."""
    joined = list(names)
    for (start, end), (after, stop) in zip(names, names[1:]):
        if folded[end:after] in ITEM_SEPARATORS and not {folded[start:end], folded[after:stop]} & drop:
            joined.append((start, stop))
    return joined


def ratio_or_quantities(folded: str, question: QuestionInfo) -> list[tuple[int, int]]:
    """The quantities of a sentence; for a question asking for a ratio or score, its ratios (:func:`ratios`) in place
    of the numbers they set against each other (1:7, not 1 or 7)."""
    if not asks_ratio(question):
        return quantities(folded)
    found = ratios(folded)
    return found + [(start, end) for start, end in quantities(folded)
                    if not any(first <= start and end <= last for first, last in found)]


def extract_candidates(sentence: str, question: QuestionInfo) -> list[Candidate]:
    """All typed pattern candidates of a sentence for a question.

    Args:
        sentence: the sentence (original characters).
        question: the analysed question.

    Returns:
        Candidates; spans index ``sentence``.
    """
    folded = fold(sentence)
    drop = question_words(question)
    noun = asked_noun(question)
    found: list[Candidate] = []
    people, places = entities(folded, PERSON_TAGS), entities(folded, PLACE_TAGS)
    kinds = {
        "quantity": ratio_or_quantities(folded, question),
        "time": (times(folded) if asks_point_of_time(question) else time_ranges(folded)) + periods(folded),
        "duration": durations(folded),
        "person": joined_people(folded, with_people_tagged_as_places(
            folded, [span for span in people if not ends_like_a_place(folded[span[0]:span[1]])
                     and not modified_as_a_predicate(folded, span) and not within_a_place(folded, span, places)],
            places), drop),
        "place": with_places_tagged_as_people(folded, places, people),
        "organisation": entities(folded, ORG_TAGS),
        "list": enumerations(folded),
        "reason": marked_clauses(folded, REASON_MARKER, question) + (
            causes_before(folded, question) if question.type == "reason" else []) + (
            marked_clauses(folded, NAME_SOURCE, question) if asks_name_origin(question) else []),
        "manner": marked_clauses(folded, MANNER_MARKER, question),
        "action": predicates(folded, question) if question.type == "action" else [],
        "quote": quoted_ranges(folded),
        "identity": identities(folded),
        "chunk": noun_chunks(folded),
        "headed": noun_headed(folded, question, noun),
        "post": posts_before_names(folded, question),
        "sibling": (siblings(folded, named) if question.type not in CLAUSE_ANSWERED
                    and (named := named_items(question.text)) else []),
        "description": (descriptions(folded, subject_words(question), question.words)
                        if question.type == "description" else []),
    }
    place_named = asks_a_place_level(question, noun)  # 哪个街道 → 城南街道
    if place_named:
        kinds["place"] = place_levels(folded, kinds["place"])
    for kind, spans in kinds.items():
        edges = (drop - {noun} if kind in ("headed", "sibling") or place_named else
                 drop - set(PERIOD_NOUNS) if kind == "time" else drop)  # 冷战时期 asked as 哪一个时期 keeps 时期
        for start, end in spans:
            shared = set(name_parts(folded, start, end)) if kind == "person" else set()  # 特鲁多 of 皮埃尔·特鲁多
            heads = heads_of_items(folded[start:end], edges) if kind == "list" else set()
            headed_end = trim(folded, start, end, edges - heads)[1] if heads else 0
            trimmed, end = trim(folded, start, end, edges - shared)
            end = max(end, headed_end)  # the last item keeps the head its items share (文科地理实验室)
            named_period = kind == "time" and folded[start:end].endswith(PERIOD_NOUNS)  # 香港 of 香港日治时期
            keeps_front = (kind in NAMED_FRONT_KINDS or named_period) and not place_named  # 茂南区 of 茂南区城南街道
            front = with_named_front(folded, trimmed, drop, question.text) if keeps_front else trimmed
            start, end = refine(folded, front, end, kind)
            cut = cut_echoed_predicate(folded, start, end, drop) if kind == "list" else end
            if cut < end:
                end = trim(folded, start, cut, edges)[1]
            if end > start and not (kind == "time" and folded[start:end] in PERIOD_NOUNS):  # 实施期间 less 实施
                found.append(Candidate(start, end, kind, NAMED_FRONT if start == front < trimmed else "pattern"))
    given = names_given(folded) + (aliases_given(folded) if asks_alias(question) else []) + (
        epithets_given(folded) if asks_epithet(question.prefix, question.suffix) else [])
    named = [(start, end) for start, end in given  # the longest of the names given at one place: 丝冬、天棘… not 丝冬
             if not any(start == other and end < stop for other, stop in given)]
    short = short_form_asked(question)
    for start, end in (named if asks_name(question) else []) + (full_names(folded, short) if short else []):
        start, end = trim(folded, start, end)  # a name may hold the question's words (DNA连接酶 for 酶)
        if end > start:
            found.append(Candidate(start, end, "identity", "name"))
    if trade_asked(question):
        found += [Candidate(start, end, "identity", OCCUPATION) for start, end in occupations(folded, question.words)]
    term = defined_term(question)
    for start, end in definitions(folded, term) if term else []:
        start, end = trim(folded, start, end)
        if end > start:
            found.append(Candidate(start, end, "identity", "definition"))
    return without_other_side(found, folded, question)


def with_people_tagged_as_places(folded: str, people: list[tuple[int, int]], places: list[tuple[int, int]]
                                 ) -> list[tuple[int, int]]:
    """People with the names jieba tags as a place's that follow a word of two characters or more naming a role
    (:data:`ROLE_ENDINGS`: 法国航海家拉彼鲁兹), where no person's name overlaps them (not 帕西 of 帕西瓦尔·洛厄尔)."""
    word_starts = {stop: start for start, stop, _ in tagged(folded)}
    return sorted(set(people) | {(start, end) for start, end in places if start - word_starts.get(start, start) >= 2
                                 and folded[word_starts[start]:start].endswith(ROLE_ENDINGS)
                                 and not any(first < end and start < stop for first, stop in people)})


def modified_as_a_predicate(folded: str, span: tuple[int, int]) -> bool:
    """Whether one word jieba tags as a person's name stands where a verb or adjective does: right after an adverb
    of degree (:data:`DEGREE_ADVERBS`: 最古老) or a manner word of two characters or more (:data:`MODIFIER_TAGS`:
    邓铭东耐心安抚群众情绪), which no name follows."""
    words = tagged(folded)
    inside = words_within(words, *span)
    before = next((word for word in words if word[1] == span[0]), None)
    if len(inside) != 1 or before is None:
        return False
    word = folded[before[0]:before[1]]
    return word in DEGREE_ADVERBS or before[2] in MODIFIER_TAGS and len(word) >= 2


def ends_like_a_place(name: str) -> bool:
    """Whether a name ends in a place's ending after two characters or more (:data:`PLACE_NAME_ENDINGS`)."""
    return any(name.endswith(ending) and len(name) - len(ending) >= 2 for ending in PLACE_NAME_ENDINGS)


def within_a_place(folded: str, span: tuple[int, int], places: list[tuple[int, int]]) -> bool:
    """Whether a name jieba tags as a person's names a part of the place right before it, which a preposition of
    place introduces (:data:`PLACE_PREPOSITIONS`: 在英国威尔斯发明: Wales, not a man named 威尔斯)."""
    return any(end == span[0] and folded[:start].endswith(PLACE_PREPOSITIONS) for start, end in places)


def with_places_tagged_as_people(folded: str, places: list[tuple[int, int]], people: list[tuple[int, int]]
                                 ) -> list[tuple[int, int]]:
    """Places with the names jieba tags as a person's that end in a place's ending (:data:`PLACE_NAME_ENDINGS`:
    鹿儿岛, 秋明州, 罗斯托克港), stand after a word that frames a place (:data:`PLACE_FRAMES`: 首都为杜笃玛), after
    a preposition of place with nothing or the surroundings after them (:data:`PLACE_PREPOSITIONS`: 在莫斯科附近) or
    within a place it introduces (:func:`within_a_place`: 在英国威尔斯), each joined to a place that ends where it
    starts (加州 + 尤巴城, 英国 + 威尔斯)."""
    spans = sorted(places)
    for start, end in people:
        name = folded[start:end]
        placed = folded[:start].endswith(PLACE_PREPOSITIONS) and (
            end == len(folded) or CLAUSE_BREAK.match(folded, end) is not None or folded.startswith(SURROUNDINGS, end))
        if not (ends_like_a_place(name) or folded[:start].endswith(PLACE_FRAMES) or placed
                or within_a_place(folded, (start, end), places)):
            continue
        before = next((span for span in spans if span[1] == start), None)
        if before:
            spans.remove(before)
        spans.append((before[0] if before else start, end))
    return sorted(spans)


def without_other_side(found: list[Candidate], folded: str, question: QuestionInfo) -> list[Candidate]:
    """Candidates less those within the end of a range of time that a question asking for its other end does not
    want (1957年 of 1953年至1957年 for 自哪一年开始)."""
    side = range_side_asked(question)
    if not side:
        return found
    unwanted = range_sides(folded)["end" if side == "start" else "start"]
    return [c for c in found if not any(start <= c.start and c.end <= end for start, end in unwanted)]


def noun_headed(folded: str, question: QuestionInfo, noun: str) -> list[tuple[int, int]]:
    """Where the question asks for a noun (哪一个宗教; ``noun``, its :func:`asked_noun`), the sentence's nominal words
    that end in it (:func:`headed_by`)."""
    if not noun:
        return []
    spans = [span for span in headed_by(folded, noun, HEADED_WORDS) if not COUNTED_GROUP.match(folded, span[0])]
    if asks_a_place_level(question, noun):
        words = tagged(folded)
        spans = [span for span in spans if names_one_level(folded, span, words)]
    return spans


def place_levels(folded: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Each place of a chain of them by its own name (广东省茂名市高州市 → 广东省, 茂名市, 高州市; 茂南区城南街道 →
    茂南区, 城南街道: a suffix jieba leaves a word of its own stays with the name before it), for a question that
    asks for one level; a lone character jieba split off is dropped."""
    words = tagged(folded)
    levels = []
    for span in spans:
        parts: list[tuple[int, int]] = []
        for start, end, _ in words_within(words, *span):
            joined = parts and folded[start:end] in PLACE_SUFFIXES
            parts[-1:] = [(parts[-1][0], end)] if joined else parts[-1:] + [(start, end)]
        levels += [part for part in parts if part[1] - part[0] >= 2]
    return levels


def names_one_level(folded: str, span: tuple[int, int], words: tuple[tuple[int, int, str], ...]) -> bool:
    """Whether a span ending in the kind of place asked for (村, 社区, 街道) names one place of that level: not the
    level above it too (云潭镇新农村 for 哪个村 is 新农村), nor the kind alone (农村) unless jieba knows it as a place."""
    inner = words_within(words, *span)
    if any(folded[start:end].endswith(PLACE_SUFFIXES) for start, end, _ in inner[:-1]):
        return False
    return len(inner) > 1 or bool(inner) and inner[0][2] in PLACE_TAGS


def heads_of_items(enumeration: str, words: frozenset[str] | set[str]) -> set[str]:
    """The question's ``words`` that end an item of ``enumeration`` before its last (实验室 of 物理探究性实验室、…、
    文科地理实验室): the items' shared head noun, which the last item keeps too (文科地理实验室, not 文科地理)."""
    items = re.split("|".join(sorted(ITEM_SEPARATORS, key=len, reverse=True)), enumeration)[:-1]
    return {word for word in words if any(item.endswith(word) for item in items)}


def posts_before_names(folded: str, question: QuestionInfo) -> list[tuple[int, int]]:
    """Where the question asks for someone's post (蓝家宇担任什么职务), the post the sentence puts right before a
    word of the question (综合行政执法办公室主任蓝家宇): the words back to the clause's edge or a function word."""
    if not asks_post(question.prefix, question.suffix):
        return []
    words = tagged(folded)
    names = [word for word in question.words if len(word) >= 2]
    spans = []
    for index, (start, _, _) in enumerate(words):
        if not any(folded.startswith(name, start) for name in names):
            continue
        first = index
        while first and not words[first - 1][2].startswith(NOT_IN_A_POST):
            first -= 1
        if first < index and folded[words[first][0]:start].endswith(POST_ENDINGS):
            spans.append((words[first][0], start))
    return spans


def best_clause(folded: str, word_weights: dict[str, float]) -> tuple[int, int] | None:
    """The clause that holds most of the question's word weight, or ``None`` when none holds any."""
    best: tuple[float, int, int] | None = None
    for start, end in clauses(folded):
        covered = weighted_coverage(word_weights, folded[start:end]) if end > start else 0.0
        if covered > 0 and (best is None or covered > best[0]):
            best = (covered, start, end)
    return (best[1], best[2]) if best else None


def fallback_clause(folded: str, question: QuestionInfo, word_weights: dict[str, float]) -> Candidate | None:
    """For open questions: the clause that carries most of the match, without the question's own words or a
    verb's complement left in front (准备好了充电宝 asked as 准备了什么 → 充电宝)."""
    best = best_clause(folded, word_weights)
    if best is None:
        return None
    start, end = trim(folded, *best, frozenset(w for w in question.words if len(w) > 1))
    start = drop_complement(folded, start, end) if end > start else start
    return Candidate(start, end, "clause", "clause") if end > start else None


def evidence_clause(folded: str, word_weights: dict[str, float]) -> Candidate | None:
    """For a question whether something is so: the clause that holds most of it, whole (丙烯颜料有毒吗 →
    丙烯颜料有轻微毒性; 引起恐慌了吗 → 没有引起恐慌): the reader says what the text says, not yes or no."""
    best = best_clause(folded, word_weights)
    start, end = trim(folded, *best) if best else (0, 0)
    return Candidate(start, end, "evidence", "clause") if end > start else None


def sentence_candidates(sentence: str, question: QuestionInfo, word_weights: dict[str, float]
                        ) -> SentenceCandidates:
    """Every candidate of one sentence: pattern spans, the aligned slot (a pronoun in it resolved to the
    nearest name before it), the fallback clause, and for person questions any name at all.

    Args:
        sentence: the sentence (original characters).
        question: the analysed question.
        word_weights: IDF weight of each of the question's content words.
    """
    folded = fold(sentence)
    aligned = slot(folded, question)
    candidates = extract_candidates(sentence, question)
    if aligned and question.type == "person" and PRONOUNS.match(folded[aligned[0]:aligned[1]]):
        named = [c for c in candidates if c.type == "person" and c.end <= aligned[0]]
        if named:
            aligned = (named[-1].start, named[-1].end, aligned[2])
    if aligned and question.type == "person":
        candidates += role_before(folded, aligned[1]) + people_in_slot(folded, aligned[0], aligned[1])
    if aligned and question.type not in STRICT_TYPES and (
            question.suffix or question.type != "identity" or names_the_attribute(folded, question, aligned[0])):
        start, end = refine(folded, aligned[0], aligned[1], "slot")
        candidates.append(Candidate(start, end, "slot", "slot"))
    if question.type == "yesno":
        clause = evidence_clause(folded, word_weights)
    else:
        clause = fallback_clause(folded, question, word_weights) if question.type != "identity" else None
    if clause:
        candidates.append(clause)
    if question.type == "person" and not any(c.type == "person" for c in candidates):
        candidates += [Candidate(a, b, "person", "nearby") for a, b in entities(folded, PERSON_TAGS)]
    if question.type == "person" and aligned and not any(c.type == "person" for c in candidates):
        candidates += named_in_slot(folded, aligned[0], aligned[1])
    return SentenceCandidates(candidates, aligned)


def named_in_slot(folded: str, start: int, end: int) -> list[Candidate]:
    """For a 谁 question whose sentence names nobody jieba knows as a person, the question's slot when it is a short
    noun phrase (现任校长为阮爱馨女士 → 阮爱馨女士, 属于君主 → 君主): no verb, function word or digit in it, nor a word
    referring back (后者). It is a slot, not a name: it ranks below the names of other sentences (部长 against 凯·艾维)."""
    start, end = refine(folded, start, end, "slot")
    words = words_within(tagged(folded), start, end)
    if (not MIN_NAME_CHARS <= end - start <= MAX_NAME_CHARS or not words or any(c.isdigit() for c in folded[start:end])
            or not all(flag.startswith(NAME_PHRASE_TAGS) for _, _, flag in words)
            or folded[start:end] in REFERRING_NOUNS):
        return []
    return [Candidate(start, end, "slot", "slot")]


def role_before(folded: str, end: int) -> list[Candidate]:
    """The noun phrase that ends where the question's slot ends, when it names people by their role (谁的求助电话
    → 新农村委会干部 in 收到新农村委会干部求助电话): who asked is often a role, not a name."""
    return [Candidate(start, stop, "person", "slot") for start, stop in noun_chunks(folded)
            if stop == end and folded[start:stop].endswith(PERSON_NOUNS) and folded[start:stop] not in PERSON_NOUNS]


def people_in_slot(folded: str, start: int, end: int) -> list[Candidate]:
    """The question's slot as a person candidate when it holds a noun phrase naming people (对谁开展核酸检测 →
    全镇人民群众 in 对全镇人民群众开展…; the phrase after the last 的: 由…组成的“三人小组” → “三人小组”), not a bare role noun
    (干部), a phrase with digits in it (1人, 蓝家宇和4名党员) or a word referring back (后者). A verb the phrase
    follows as its object and a manner after it are left out, and nouns joined by 和 / 与 / 及 stay one phrase
    (谁对居民进行核酸筛查 → 医护人员和志愿者 in 组织医护人员和志愿者安全有序对居民…)."""
    start, end = refine(folded, start, end, "slot")
    start = max(start, folded.rfind("的", start, end) + 1)
    indefinite = INDEFINITE.match(folded, start, end)
    start = indefinite.end() if indefinite else start
    words = [(start + a, start + b, flag) for a, b, flag in tagged(folded[start:end])]
    naming = [index for index, (a, b, flag) in enumerate(words)
              if flag.startswith("n") and folded[a:b].endswith(PEOPLE_ENDINGS)]
    if naming and len(words) > 1 and words[0][2] == "v" and naming[0] > 0:
        start = words[1][0]
    after = [word for word in words[naming[-1] + 1:] if word[2] != "x"] if naming else []
    if after and len(after) <= MANNER_WORDS and all(flag in MANNER_TAGS for _, _, flag in after):
        end = words[naming[-1]][1]
    text = folded[start:end].strip("“”「」\"")
    words = tagged(text)
    if (not text.endswith(PEOPLE_ENDINGS) or text in PERSON_NOUNS + REFERRING_NOUNS or not words
            or not words[-1][2].startswith("n") or sum(not is_numeral(c) for c in text) < 2
            or any(c.isdigit() for c in text)
            or any(flag.startswith(NOT_IN_A_NOUN_PHRASE) and text[a:b] not in NOUN_JOINERS for a, b, flag in words)):
        return []
    return [Candidate(start, end, "person", "slot")]


def widen_quantity(candidate: Candidate, folded: str) -> Candidate:
    """Widen a span to the whole quantity it sits in (a slot of ``4`` in ``4分钟`` becomes ``4分钟``)."""
    for start, end in quantities(folded):
        if start <= candidate.start < end or candidate.start <= start < candidate.end:
            return Candidate(min(start, candidate.start), max(end, candidate.end), "quantity", candidate.origin)
    return candidate


def strip_question_edges(candidate: Candidate, folded: str, question_text: str) -> Candidate:
    """Cut from a candidate's edges the longest run (two characters or more) that the question itself holds:
    the answer to 哪一年的2月14日 is the year, not the repeated date. A cut never leaves a number at the edge it
    makes: 1998年 asked about beside 2008年 keeps its 8年, 1930年代 asked about as 什么年代 keeps its 年代, and a
    period keeps its noun (冷战时期 asked about as 哪一个时期; a shorter run is not tried instead: 公元前240年 beside
    公元前510年 stays whole); nor is a period's noun left alone (实施期间 asked about as 从何时开始实施 stays whole, to
    be refused as the question's echo)."""
    start, end = candidate.start, candidate.end
    for length in range(end - start - 1, 1, -1):
        if folded[end - length:end] in question_text:
            kept = is_numeral(folded[end - length - 1]) or folded[end - length:end] in PERIOD_NOUNS
            end -= 0 if kept else length
            break
    for length in range(end - start - 1, 1, -1):
        if folded[start:start + length] in question_text:
            start += 0 if is_numeral(folded[start + length]) else length
            break
    if (start, end) == (candidate.start, candidate.end) or folded[start:end] in PERIOD_NOUNS:
        return candidate
    start, end = trim(folded, start, end)
    return Candidate(start, end, candidate.type, candidate.origin) if end > start else candidate
