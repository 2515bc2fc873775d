"""Ranking the candidates of one sentence: type agreement, the slot, closeness to the question's words, the
measure word asked for, and penalties for echoing the question or running long."""

from __future__ import annotations

import math
import re

from qa.reader.boundaries import ORGANISATION_NOUNS, past_posting_verb
from qa.reader.candidates import (NAME_PHRASE_TAGS, NAMED_FRONT, OCCUPATION, PERSON_NOUNS, Candidate,
                                  SentenceCandidates, question_words, strip_question_edges, widen_quantity)
from qa.reader.numerals import arabic, chinese_value
from qa.reader.patterns import (CALENDAR, CJK_CHAR, DURATION_MEASURE, NAME_TAGS, PERIOD_NOUNS, PERIOD_PART,
                               PLACE_SUFFIXES, PLACE_TAGS, YEAR_NUMBER, dictionary_words, name_parts, times)
from qa.reader.places import COMPASS, COUNTRY_NAME_ENDINGS, fits_place_kind, place_kind_asked, territory_names
from qa.reader.questions import (CLASSIFIERS, HEAD_NOUNS, POSTED_BEFORE, POSTING, QuestionInfo, asks_alias,
                                 asks_ordinal, asks_post, asks_several, item_type, kind_of_body, short_form_asked,
                                 trade_asked)
from qa.reader.sentences import ScoredSentence
from qa.reader.slot import NOUN_KEPT, TIME_CLAUSE_WORDS, WH_NOUN, asked_noun, asks_a_place_level, nominal_head
from qa.reader.spans import (CHINESE_DIGITS, CLAUSE_BREAK, CURRENCIES, EDGE_PUNCTUATION, HONORIFICS, end_closing_quote,
                             quoted_ranges, tagged, word_at, words_within)
from qa.reader.weights import ReaderWeights
from qa.text.normalize import CLOSERS, fold

PEOPLE_WORDS = re.compile(r"\b(?:people|persons?|members?|volunteers?|staff|workers?|residents?|doctors?|nurses?)\b")
PEOPLE_MEASURES = ("名", "人", "位", "人次")
COUNTED_MEASURE = re.compile(rf"[\d.{CHINESE_DIGITS}几数]+(?:多|余)?(?P<measure>[^\d.多余{CHINESE_DIGITS}几数]{{1,2}})$")
"""The measure word a count ends in (人 in 110多人, 人次 in 30多万人次)."""
IDENTIFIER_ASKED = re.compile(r"(?:号码|电话|编号|代码|邮编|密码|账号)(?:是|为)?$")
"""A 多少 that asks for a number someone is reached or known by (电话号码是多少): never a count of anything (5名)."""
SIZE_WH = ("多长", "多高", "多远", "多宽", "多深", "多厚")
"""Interrogatives that ask how big something is along one dimension."""
SIZE_UNITS = ("米", "里", "公尺", "公分", "公厘", "英尺", "英寸", "尺", "寸", "丈", "光年", "度", "℃", "m")
"""Measure words a size may end in: lengths (米 ends 千米, 厘米 and 毫米; 里 ends 公里, 英里 and 海里; m ends km, cm
and mm as folded text writes them), and degrees."""
NOT_A_SIZE = ("平方", "立方", "m2", "m3")
"""Words that make a length unit one of area or volume (630平方公里, 1.601km2): no answer to how long or how
high."""
UNIT_KINDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("area", ("平方公里", "平方千米", "平方米", "平方公尺", "平方英里", "km2", "m2", "km²", "m²", "公顷", "亩")),
    ("volume", ("立方米", "立方公尺", "m3", "毫升", "公升", "升")),
    ("length", ("公里", "千米", "厘米", "毫米", "米", "公尺", "公分", "公厘", "英里", "英尺", "英寸", "海里", "光年", "km", "cm",
                "mm")),
    ("mass", ("公斤", "千克", "公吨", "吨", "公克", "克", "kg")),
    ("money", CURRENCIES + ("元",)),
    ("share", ("%", "百分比")),
    ("people", PEOPLE_MEASURES),
)
"""What a measure word measures, the longer units first (平方公里 is an area, not a length): an answer measured in one
kind answers no question that asks in another (多少人 is not answered by 270万平方公里, 多少平方公里 not by 1.07%)."""
NEUTRAL_MEASURES = ("个", "种")
"""Measure words that count people and things alike (几个人, 27个党组织)."""
KIND_NOUNS = (PERSON_NOUNS + PLACE_SUFFIXES + tuple(dict(HEAD_NOUNS)["place"]) + tuple(dict(HEAD_NOUNS)["organisation"])
              + ("都市", "城镇", "地域", "王国", "帝国", "共和国", "联邦"))
"""Nouns that name a kind of person, place or body, not one of them: no answer to a place or organisation question
(都市 in 新北市是…的都市 for 哪一县市, 学校 for 培训的单位是, 王国 for 和哪一个国家组成的)."""
CALENDAR_LED = re.compile(rf"^{CALENDAR}(?={YEAR_NUMBER})")
"""The calendar leading a year (民国28年, 公元前240年): part of the year, not an echo of a question that names it."""
MAX_ECHO_SHARE = 0.8
"""A candidate made this much of the question's own words is no answer."""
MIN_CLAUSE_CHARS = 3
"""A why or how question (:data:`CLAUSE_WH`) is answered by no fewer characters than this: 因此, 唯有 or 命名 alone say
no cause and no way."""
CLAUSE_WH = ("为什么", "为何", "为啥", "何故", "怎么会", "怎样", "如何", "怎么", "怎么样")
"""Interrogatives that ask for a cause or a way in a clause when words follow them; not 什么方式, 由于什么事件 or a
closing 为何 (名称为何: what is it), which a noun may answer."""
NAME_WORDS = "名字|名号|称号|名称|简称|别称|别名|外号|绰号|全称|称为|叫做"
NAMING = re.compile(NAME_WORDS + "|口号|理念|精神|原则|主题")
WORKS = ("文章", "书", "作品", "著作", "小说", "诗", "歌", "歌曲", "曲", "电影", "剧", "报", "杂志", "期刊", "论文", "专辑",
         "节目", "法", "法令", "条约", "典")
"""Nouns for works, whose names are written as 《titles》 (哪一篇文章 → 《一种美味》)."""
PROPER_NAME_ASKED = re.compile(NAME_WORDS + "|叫什么")
"""Questions whose answer is a proper name, never a verb phrase (叫什么名号 is not answered by 积极开展疫情宣传)."""
PREDICATE_TAGS = ("v", "d", "p", "c", "l")
NOT_NOMINAL_TAGS = ("v", "a", "d", "p", "c", "u", "r", "y", "e", "o", "z")
"""Tags of a last word that ends no noun phrase (``vn`` and ``an``, nouns made of verbs and adjectives, do) ..."""
FUNCTION_TAGS = ("r", "f", "p", "c", "u", "y", "e", "o")
"""jieba's tags of pronouns, words of position, prepositions, conjunctions, particles, interjections and
onomatopoeia (a Latin word, ``eng``, is none of them: :data:`NOMINAL_EXCEPTIONS`)."""
NAMED_PLACE_KINDS = ("country", "division")
"""Kinds of place asked for whose names hold a naming word (:func:`names_no_place`); a mountain's may not (无量山,
which jieba tags as an idiom)."""
NOMINAL_EXCEPTIONS = ("vn", "an", "eng")
"""... but these tags, which start like them, are nominal: nouns made of verbs and adjectives, and a word in Latin
letters (jieba's ``eng``, not the interjection ``e``: ateleia, Google)."""
LONE_CHARACTER_TAGS = ("n", "m", "eng")
"""Tags of a word of one character that may answer on its own: a noun (桑, 氦, 铁) or a number (6)."""
NAMED_TYPES = ("place", "organisation")
"""Candidate kinds that name a place or a body, and so may qualify a noun of the question (茂南区 of 茂南区城南街道);
a person's name before a word of the question is more often its subject (杜慧度 of 杜慧度派兵)."""
THING_TYPES = ("other", "place", "person", "organisation")
"""Question types that ask for a thing, a place, a person or a body: answered by a noun phrase."""
NAMED_ASKED = ("place", "person", "organisation")
"""Question types no date or time answers (哪一个国家 is not answered by 1913年6月1日)."""
UNIT_PARTS = "初末底中"
"""The part of a year or month a date may name after it (1803年初, 1957年底, 3月中旬): no part of the unit asked."""
ASPECT_PARTICLES = ("着", "著", "了", "过")
"""Particles that close a verb (奉行著, 包括了, 透过): no thing's name starts with one (:func:`past_aspect_particle`)."""
ECHO_PREDICATE_TAGS = ("v", "p", "d", "f")
"""jieba tags of the word that starts a tail :func:`before_echoed_predicate` cuts: a verb, preposition, adverb or word
of position (传播于, 之后) says what the question says of the answer; a noun (丑闻, 出口额) may be part of its name."""
MIN_ECHO_TAIL_CHARS = 2
"""The fewest characters of the question a tail must hold for :func:`before_echoed_predicate` to cut it (之后)."""
ECHO_EDGE_CHARS = 2
"""The most characters of the question beside its interrogative that :func:`past_echoed_edges` cuts from an edge."""
MIN_NAME_CHARS = 2
"""The fewest characters a name keeps after an edge is cut from it (:func:`past_echoed_edges`,
:func:`past_aspect_particle`)."""
TIME_NOUN_ENDINGS = ("阶段", "时", "代", "期", "季", "节", "日", "年", "月", "纪", "天", "间", "刻")
"""How the nouns end whose instances may be times (哪一个阶段, 哪个节日, 什么时代): a question asking for any other
noun (哪一个政权, 哪一个疾病) is answered by no date or dynasty, as a question asking for a place or person is not
(:data:`NAMED_ASKED`)."""
DASHES = "-－—–~～"
"""Dashes and tildes, which join names and numbers (南加大-圣母大学, 5~32公里) and end or start none."""
LEADING_MARKS = "(（)）」』”’》〉】"
"""Marks no answer starts with: an opening bracket (a parenthetical is no answer) or anything that closes."""
AGO = ("以前", "前")
"""Words after a length of time that make it a point in the past (十亿年前, 八千多年以前): the answer to 多久以前."""
DAY_ASKED = re.compile(r"(?:几|哪一?个?|何|什么)[日号天]")
"""A question that asks for the day (几月几日, 哪一天, 哪年何日) keeps a date whole; a day the question only names
(直取奉天, 中日双方) asks for none."""
WITHIN_A_DAY = ("小时", "分钟", "秒")
"""Duration units shorter than a day: 几天 is not answered by 6个小时, nor 几个小时 by 三天."""
ORDINAL_MEASURES = "区任名张届位套个次号期代章季集轮批站层楼排行局场回部"
"""Measure words that follow an ordinal on their own (第1区, 第265任教宗): 第几 + one of them is answered with it."""
BARE_ORDINAL = re.compile(rf"^第[{CHINESE_DIGITS}]+$")
"""An ordinal with no measure after it (第三 of 第三产业): it answers only a question asking for an ordinal."""
ORDINAL = re.compile(rf"^第[\d{CHINESE_DIGITS}]+(?P<measure>.)")
"""An ordinal with the measure word after it (代 of 第二代): an ordinal asked for with a measure (哪一代) is answered
only by one with the same measure."""
RANK_ONLY = re.compile(rf"^第[\d{CHINESE_DIGITS}]+[位名个次张多大]$")
"""A rank and nothing it ranks (第二位, 第一个, 第二多): it answers a question asking how many or which rank ..."""
RANK_ASKED = re.compile("第几|名次|排名|排第|名列|成绩")
"""... and one naming a rank (第几张专辑, 得到的成绩为), not one asking what or who came first (冠军的是: 第二位)."""
SHORT_YEARS = re.compile(r"\d{1,2}年")
"""One or two digits before 年: a number of years (实施了4年), no calendar year unless an era names it (民国39年)."""
DETAILING = re.compile(r"[,，(（](?:其中)?(?:包括|包含|例如|比如|诸如|如)[:：]?$")
"""What introduces an enumeration of the parts or instances of the noun phrase before it (，包括 in
印度太平洋区，包括东非、马达加斯加)."""
NOT_DETAILED = ("list", "slot", "clause", "evidence")
"""Kinds of candidate that are no noun phrase an enumeration after :data:`DETAILING` details (本鱼分布于西太平洋区 is
a clause; 西太平洋区 is the phrase)."""
ENUMERATED_ITEMS = 2
"""Items of the asked type an enumeration must hold to answer a question asking for several (分布在哪些地区)."""
NOMINAL_STARTS = ("n", "j", "eng", "vn", "an", "b")
"""jieba tags of a word that may start a noun phrase: nouns and names, abbreviations, Latin words, nouns made of
verbs and adjectives, and attributive words (副 of 副热带)."""
NOUN_TAGS = ("n", "j", "eng", "b")
"""jieba tags of the words that go on a noun phrase after its first word: nouns, names, abbreviations, Latin words
and attributive words, not a verb's noun (生产 of 哪个公司生产汽车)."""
TRAILING_FUNCTION_TAGS = ("d", "c", "p", "u", "y")
"""jieba tags of adverbs, conjunctions, prepositions, particles and modal particles: no name ends with one."""
NAME_ENDING_PARTICLE = "所"
"""A particle by jieba's tags (所说) that also ends names (研究所, 宫田制铳所 of 宫田制铳所将…): kept at a name's end."""
NOMINAL_ENDS = ("n", "j", "eng", "vn", "an", "m", "q")
"""jieba tags of a word that may end a name: nouns, abbreviations, Latin words, nouns made of verbs and adjectives,
numerals and measure words (第34集)."""
PLACE_TAIL_CHARS = ("州", "省", "市", "县", "区", "镇", "乡", "村", "城", "邦", "港", "郡")
"""Characters a place's name may end in (苏黎世州, 尤巴城, 下萨克森邦, 兰开夏郡)."""
FRAMED = 1.0 - 1e-9
"""Slot overlap (:data:`FEATURES`) of a candidate that is the question's slot, wholly framed by its words."""
SLOT_RUNS_ON = ("place", "organisation")
"""Question types whose fully framed slot may run on past the best candidate (:func:`framed_slot_first`)."""
TIED = 1e-9
"""Scores this close are a tie (candidates whose features are all alike)."""
NAMING_TAGS = NAME_TAGS + ("j", "eng")
"""jieba tags of words that name something: proper names, abbreviations and Latin words."""
NOT_IN_A_NAME_TAGS = ("v", "l", "i", "d", "p", "c", "u", "m", "q", "r", "t", "f", "y", "e", "o")
"""jieba tags of words no place's name holds: verbs, idioms, adverbs, prepositions, conjunctions, particles, numerals,
measure words, pronouns, time and direction words, modal particles, interjections and onomatopoeia."""
# Which candidate kinds may answer which question type.
ACCEPTS: dict[str, tuple[str, ...]] = {
    "quantity": ("quantity",),
    "time": ("time",),
    "duration": ("duration",),
    "person": ("person", "headed", "slot"),
    "place": ("place", "slot", "chunk", "headed", "person"),
    "organisation": ("organisation", "slot", "quote", "chunk", "headed"),
    "list": ("list", "slot"),
    "reason": ("reason", "clause"),
    "manner": ("manner", "clause", "chunk"),
    "action": ("action", "slot", "clause"),
    "yesno": ("evidence",),
    "description": ("description",),
    "identity": ("identity", "slot", "quote", "clause", "chunk", "headed", "post"),
    "other": ("slot", "quote", "list", "clause", "identity", "chunk", "headed", "post"),
}
ENUMERATION_CLOSERS = ("等等", "等")
"""Words that close examples before the noun naming their kind (突厥等游牧部落)."""
ANY_TYPE = ("sibling",)
"""Candidate kinds that may answer a question of any type: another item beside those the question names."""
REFERRING = ("该", "这", "此", "它", "他", "她")
"""Pronouns and demonstratives that refer back (该河, 这发明, 它也被一些公司部署): a phrase that starts with one names
nothing a reader can quote, so it answers no question asking for a thing, place, person or body ..."""
BARE_COUNT = re.compile(rf"^[\d{CHINESE_DIGITS}几数]+[{CLASSIFIERS}]$")
"""A count with its classifier and nothing counted (一种, 一个, 两类): it answers only a question asking how many."""
TAXON_RANKS = ("属", "科", "目", "纲")
"""Rank words jieba splits off the taxon they name (天门冬|属的植物, 天门冬|科多年生): a span that starts with one may be
cut inside a name (:func:`starts_with_a_rank`)."""
POSSESSIVE_PRONOUNS = ("他", "她", "它", "他们", "她们", "它们")
"""... but a possessive before a noun phrase is left out instead (他的哲学原理 → 哲学原理). 其 is neither: a phrase it
starts (其国民荣誉赏) is quoted as it stands."""


def word_positions(question: QuestionInfo, folded: str) -> list[tuple[int, int]]:
    """Where the question's content words (two characters or more) occur in a folded sentence."""
    return [m.span() for word in dict.fromkeys(question.words) if len(word) >= 2
            for m in re.finditer(re.escape(word), folded)]


def gap(start: int, end: int, spans: list[tuple[int, int]]) -> float:
    """Characters between ``[start, end)`` and the nearest span (inf when none)."""
    gaps = [max(0, a - end, start - b) for a, b in spans]
    return float(min(gaps)) if gaps else math.inf


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


def echoed_chars(text: str, question: QuestionInfo) -> int:
    """Characters of ``text`` taken by the question's own content words. A word the question holds only inside
    longer words of its own, none of them in the text, is not echoed (党委 of 党委书记 in 以党委名义)."""
    words = {w for w in question.words if len(w) >= 2}
    return sum(len(w) for w in words if w in text and echoed_alone(w, words, question.text, text))


def echoed_alone(word: str, words: set[str], question: str, text: str) -> bool:
    """Whether ``word`` stands in the question outside its longer ``words``, or one of those is in ``text``."""
    longer = [w for w in words if word in w and w != word]
    if any(w in text for w in longer):
        return True
    for w in sorted(longer, key=len, reverse=True):
        question = question.replace(w, "\0")
    return word in question


def echo_share(text: str, question: QuestionInfo, noun: str, named: bool = False, body_asked: str = "") -> float:
    """Share of a candidate taken by the question's own words, the asked noun it ends in left out (天然气卡充值问题
    for 什么充值问题, 站南社区 for 所在的社区叫什么, 美日领事机构 for 哪一个领事机构: :func:`organisation_asked`), and
    so are the calendar leading a year (民国28年 for 民国几年), the noun that closes a period (时期 of 冷战时期 for
    哪一个时期) and the question's word that names which one a name is (重庆 of 重庆理工大学).

    Args:
        text: the candidate's text.
        question: the analysed question.
        noun: the noun the question asks for (:func:`asked_noun`), or "".
        named: whether the candidate starts with such a word (:func:`~qa.reader.boundaries.with_named_front`).
        body_asked: the noun phrase a question asking for a body asks for (:func:`organisation_asked`), or "".
    """
    head = nominal_head(question.suffix) if question.type in NOUN_KEPT else ""
    period = next((closing for closing in PERIOD_NOUNS if text.endswith(closing)), "")
    for asked in (head, body_asked, noun, period):
        if asked and text.endswith(asked) and len(text) > len(asked):
            text = text[:-len(asked)]
            break
    text = CALENDAR_LED.sub("", text)
    if named:
        text = text[max((len(word) for word in question_words(question) if text.startswith(word)), default=0):]
    return echoed_chars(text, question) / len(text) if text else 0.0


def noun_agreement(text: str, noun: str, most_chars: int) -> float:
    """How a candidate ends in the noun asked for: 1 in the whole noun (罗马帝国 for 帝国), 0.5 in one of its
    characters (莎草纸 for 纸张, 梵语 for 语言), else 0. Only a short noun phrase agrees (at most ``most_chars``
    characters more than the noun, no clause break or enumeration comma): a clause that happens to end in the
    noun does not, nor the noun alone."""
    if (not noun or len(text) <= len(noun) and text in noun or len(text) > len(noun) + most_chars
            or "、" in text or CLAUSE_BREAK.search(text)):
        return 0.0
    if text.endswith(noun):
        return 1.0
    return 0.5 if len(noun) >= 2 and text.endswith((noun[0], noun[-1])) else 0.0


def counts_the_noun(text: str, noun: str) -> bool:
    """Whether a candidate counts the things the question asks for: a number, any classifier or 大, and right after
    them a noun asked of two characters or more (三方面 for 以及哪一个方面, 4个领域 for 还有哪一领域): the sum of an
    enumeration, not one of its items. A run of digits naming no single number names an event (九一八事变), and a
    character that is no classifier a name (三民主义)."""
    count = re.fullmatch(rf"(?P<number>[\d{CHINESE_DIGITS}]+)[{CLASSIFIERS}大]?{re.escape(noun)}", text)
    return len(noun) > 1 and count is not None and (
        count["number"].isdigit() or chinese_value(count["number"]) is not None)


def holds_a_naming_word(words: list[tuple[int, int, str]]) -> bool:
    """Whether any of these tagged words names something (:data:`NAMING_TAGS`)."""
    return any(flag.startswith(NAMING_TAGS) for _, _, flag in words)


def names_no_place(folded: str, candidate: Candidate) -> bool:
    """Whether a candidate holds no naming word (:data:`NAMING_TAGS`) and some word no place's name holds: a verb,
    idiom, adverb, preposition, conjunction, particle, numeral, pronoun, time or direction word (攻击没能, 劫后余生,
    这件事件 for 哪一个城市). A candidate of nouns alone may be a name jieba does not know (信阳), and one cut by
    jieba into pieces that tag as anything (尚|比亚, with 比亚 a place) still names."""
    words = words_within(tagged(folded), candidate.start, candidate.end)
    return not holds_a_naming_word(words) and any(flag.startswith(NOT_IN_A_NAME_TAGS) for _, _, flag in words)


def names_no_country(folded: str, candidate: Candidate, text: str) -> bool:
    """Whether a candidate for a question asking for a country is no country's name (CLDR), ends unlike a country's
    name (:data:`COUNTRY_NAME_ENDINGS`: 夫余国, 罗马帝国) and holds no naming word (:data:`NAMING_TAGS`): 所在地,
    战略态势, 小组 name no country, where 普鲁士 and 高句丽, named by no CLDR locale, are names."""
    if text in territory_names().countries or text.endswith(COUNTRY_NAME_ENDINGS):
        return False
    return not holds_a_naming_word(words_within(tagged(folded), candidate.start, candidate.end))


def starts_predicate(folded: str, candidate: Candidate) -> bool:
    """Whether the candidate begins with a verb, adverb, preposition, conjunction or idiom (by its sentence's
    tagging): no proper name does."""
    first = word_at(tagged(folded), candidate.start)
    return first is not None and first[2].startswith(PREDICATE_TAGS) and not first[2].startswith("vn")


def ends_no_noun_phrase(flag: str) -> bool:
    """Whether a word of this jieba tag ends no noun phrase (:data:`NOT_NOMINAL_TAGS` but not
    :data:`NOMINAL_EXCEPTIONS`)."""
    return flag.startswith(NOT_NOMINAL_TAGS) and not flag.startswith(NOMINAL_EXCEPTIONS)


def ends_in_predicate(folded: str, candidate: Candidate) -> bool:
    """Whether the candidate's last word is a verb, adjective, adverb or function word (形式存在, 丰富, 由此成为): no
    thing a question asks for ends so. A one-character last word is not trusted (jieba tags the 会 of 加温会 a verb), nor
    a kind of body (jieba tags the 组织 of 马其顿内部革命组织 a verb)."""
    last = word_at(tagged(folded), candidate.end - 1)
    return (last is not None and last[1] - last[0] >= 2 and ends_no_noun_phrase(last[2])
            and folded[last[0]:last[1]] not in ORGANISATION_NOUNS)


def referring_word(folded: str, candidate: Candidate) -> tuple[int, int] | None:
    """The span of the candidate's first word where it is a pronoun of :data:`REFERRING` (by its sentence's
    tagging), else ``None``."""
    first = word_at(tagged(folded), candidate.start)
    if first is None or not first[2].startswith("r") or not folded.startswith(REFERRING, first[0]):
        return None
    return first[0], first[1]


def past_possessive(candidate: Candidate, folded: str) -> Candidate:
    """The candidate without a possessive it starts with (:data:`POSSESSIVE_PRONOUNS` and 的)."""
    word = referring_word(folded, candidate)
    if word is None:
        return candidate
    start, end = word
    pronoun = folded[start:end]
    if pronoun not in POSSESSIVE_PRONOUNS or not folded.startswith("的", end):
        return candidate
    end += 1
    return Candidate(end, candidate.end, candidate.type, candidate.origin) if end < candidate.end else candidate


def before_trailing_function_words(candidate: Candidate, folded: str) -> Candidate:
    """A candidate without the adverbs, conjunctions, prepositions and particles (:data:`TRAILING_FUNCTION_TAGS`, by
    its sentence's tagging) after its last noun or closing mark (汉文也 → 汉文, 亚硫酸可以 → 亚硫酸, 阿拉瓦克印第安人最先从
    → 阿拉瓦克印第安人): a thing, place, person or body ends where its name does. A clause (职权包含了议事主席权在内)
    keeps them: cut, it would pass for a name."""
    words = words_within(tagged(folded), candidate.start, candidate.end)
    if not words or words[-1][1] != candidate.end:
        return candidate
    kept = len(words)
    while (kept > 1 and words[kept - 1][2].startswith(TRAILING_FUNCTION_TAGS)
           and folded[words[kept - 1][0]:words[kept - 1][1]] != NAME_ENDING_PARTICLE):
        kept -= 1
    end = words[kept - 1][1]
    trimmed = Candidate(candidate.start, end, candidate.type, candidate.origin)
    if (kept == len(words) or end - candidate.start < 2 or holds_verb(folded, trimmed)
            or not (words[kept - 1][2].startswith(NOMINAL_ENDS) or folded[end - 1] in CLOSERS)):
        return candidate
    return trimmed


def past_leading_predicate(candidate: Candidate, folded: str) -> Candidate:
    """A candidate without the verbs, prepositions and adverbs it starts with, when a plain noun phrase follows them
    to its end (源自太极两仪 → 太极两仪, 几乎完全是伊斯兰教 → 伊斯兰教): a thing, place, person or body is named by the
    noun phrase, not by the predicate that leads to it."""
    words = words_within(tagged(folded), candidate.start, candidate.end)
    if not words or words[0][0] != candidate.start:
        return candidate
    lead = 0
    while lead < len(words) and predicate_word(words[lead][2]):
        lead += 1
    rest = words[lead:]
    if (not lead or not rest or candidate.end - rest[0][0] < 2
            or not (rest[0][2].startswith(NOMINAL_STARTS) or folded[rest[0][0]] in "「《“")
            or any(predicate_word(flag) or flag.startswith("c") for _, _, flag in rest)
            or ends_no_noun_phrase(rest[-1][2])):
        return candidate
    return Candidate(rest[0][0], candidate.end, candidate.type, candidate.origin)


def with_place_tail(candidate: Candidate, folded: str) -> Candidate:
    """A place followed, with nothing between, by up to two nominal words that end in a place character
    (:data:`PLACE_TAIL_CHARS`: 瑞士 + 苏黎世州, 加州 + 尤巴城, 下萨克森 + 邦), widened over them: jieba tags many
    foreign place names as people's, so the place it found stopped short of where the text says."""
    end = candidate.end
    for first, last, flag in words_within(tagged(folded), end, len(folded))[:2]:
        if first != end or not flag.startswith("n"):
            break
        end = last
        if folded[first:last].endswith(PLACE_TAIL_CHARS):
            return Candidate(candidate.start, end, candidate.type, candidate.origin)
    return candidate


def without_edge_dashes(candidate: Candidate, folded: str) -> Candidate:
    """A candidate without the dashes it starts or ends with (-圣母大学 of 南加大-圣母大学, ——丝绸 of 要道——丝绸之路),
    but for a minus before a number (-5℃)."""
    start, end = candidate.start, candidate.end
    while start < end and folded[start] in DASHES and not folded[start + 1:start + 2].isdigit():
        start += 1
    while end > start and folded[end - 1] in DASHES:
        end -= 1
    return candidate if (start, end) == (candidate.start, candidate.end) or start == end else Candidate(
        start, end, candidate.type, candidate.origin)


def organisation_asked(question: QuestionInfo) -> str:
    """The noun phrase a question asking for a body asks for, where a kind of body (:data:`ORGANISATION_NOUNS`) ends
    it (组织 of 哪一个组织估计, 石油公司 of 哪一家石油公司的油轮, 领事机构 of 哪一个领事机构的资助), or "": the
    interrogative's noun and the nouns after it (:data:`NOUN_TAGS`; 教会 of 哪一个教会组织的, where 组织 is the verb,
    names no kind of body)."""
    if question.type != "organisation":
        return ""
    named = WH_NOUN.search(question.wh)
    asked = (named.group() if named else "") + re.sub(f"^[{CLASSIFIERS}]", "", question.suffix)
    end = next((start for start, _, flag in tagged(asked)[1:] if not flag.startswith(NOUN_TAGS)), len(asked))
    return asked[:end] if kind_of_body(asked[:end]) else ""


def with_organisation_noun(candidate: Candidate, folded: str, noun: str) -> Candidate:
    """A body's name widened over the kind of body the question asks for where the sentence goes on with it (国际非政府
    + 组织, 半岛美国石油 + 公司 for 哪一家石油公司): jieba tags 组织 a verb, so the name found stopped before the noun
    the body is named with.

    Args:
        candidate: the candidate.
        folded: its sentence.
        noun: the kind of body asked for (:func:`~qa.reader.questions.kind_of_body` of :func:`organisation_asked`),
            or "".
    """
    if not noun or not folded.startswith(noun, candidate.end) or folded[candidate.start:candidate.end].endswith(noun):
        return candidate
    return Candidate(candidate.start, candidate.end + len(noun), candidate.type, candidate.origin)


def with_ago(candidate: Candidate, folded: str, question: QuestionInfo) -> Candidate:
    """For a question asking how long ago (多久以前, 多少年前), a length of time widened over the 以前 or 前 right after
    it (十亿年 → 十亿年前): the question asks for the point in the past, which the word makes of the length."""
    ago = next((word for word in AGO if folded.startswith(word, candidate.end)), "")
    if not ago or not question.suffix.startswith(AGO):
        return candidate
    return Candidate(candidate.start, candidate.end + len(ago), candidate.type, candidate.origin)


def predicate_word(flag: str) -> bool:
    """A jieba tag of a verb, preposition or adverb (a noun made of a verb, ``vn``, is none)."""
    return flag.startswith(("v", "p", "d")) and not flag.startswith("vn")


def lone_word_tag(folded: str, candidate: Candidate) -> str | None:
    """The jieba tag of the candidate when it is exactly one word of its sentence, else ``None``."""
    word = word_at(tagged(folded), candidate.start)
    return word[2] if word is not None and word[0] == candidate.start and word[1] == candidate.end else None


def is_stray_character(folded: str, candidate: Candidate) -> bool:
    """Whether the candidate is one character that names nothing on its own: a piece of a word (理 of 总理), a word
    of function (的, 也, 暨), of position (北 of 北汉江, 中, 下) or the 时 that ends a clause of time (占领全国时). A
    noun of one character (桑, 氦) or a number (6) may answer (:data:`LONE_CHARACTER_TAGS`)."""
    if candidate.end - candidate.start != 1:
        return False
    flag = lone_word_tag(folded, candidate)
    char = folded[candidate.start]
    return flag is None or not flag.startswith(LONE_CHARACTER_TAGS) or char in COMPASS or char in TIME_CLAUSE_WORDS


def is_lone_predicate(folded: str, candidate: Candidate) -> bool:
    """Whether the candidate is one word that no noun phrase is made of (是, 接壤: tagged as in
    :data:`NOT_NOMINAL_TAGS`). It names no place, person or body, nor the noun an ``other`` question asks for
    (什么样的人 is not answered by 就是); an ``other`` question that names no noun may ask for an act, so it keeps
    them."""
    flag = lone_word_tag(folded, candidate)
    return flag is not None and ends_no_noun_phrase(flag)


def is_lone_function_word(folded: str, candidate: Candidate) -> bool:
    """Whether the candidate is one word of a kind that names nothing and states no act (:data:`FUNCTION_TAGS`:
    之一, 以下, 中 of 在会议中): no answer to any question."""
    flag = lone_word_tag(folded, candidate)
    return (flag is not None and flag.startswith(FUNCTION_TAGS) and not flag.startswith(NOMINAL_EXCEPTIONS)
            and not (flag == "f" and candidate.end - candidate.start >= 2 and folded[candidate.start] in COMPASS))


def holds_verb(folded: str, candidate: Candidate) -> bool:
    """Whether the candidate holds a verb of two characters or more (by its sentence's tagging; not a noun made of
    a verb): a clause (到核酸检测现场指挥调度检测工作), which names no post. One-character words are not trusted."""
    return any(end - start >= 2 and flag.startswith("v") and not flag.startswith("vn")
               for start, end, flag in words_within(tagged(folded), candidate.start, candidate.end))


def addresses_a_name(folded: str, candidate: Candidate) -> bool:
    """Whether the candidate starts with a form of address after a name (同志 in 邓铭东同志, 同志放下了手头上的工作): it
    is part of how the name is said, and what follows is what the named person did, no thing of its own."""
    before = word_at(tagged(folded), candidate.start - 1) if candidate.start else None
    return folded.startswith(HONORIFICS, candidate.start) and before is not None and before[2].startswith("nr")


def modifies_a_noun(folded: str, candidate: Candidate, asked: str) -> bool:
    """Whether a quoted phrase is part of a longer name: a noun follows it with nothing between (“0708”疫情防控工作
    一线指挥部), other than the one the question puts right after its interrogative (``asked``: 「光明星4号」卫星
    for 哪一卫星 is the satellite's name). A 《title》 is a name of its own whatever follows (《资治通鉴》记载)."""
    if folded.startswith("《", candidate.start):
        return False
    after = word_at(tagged(folded), candidate.end)
    return (after is not None and after[0] == candidate.end and after[2].startswith(("n", "vn"))
            and not asked.startswith(folded[after[0]:after[1]]))


def names_a_body(folded: str, candidate: Candidate) -> bool:
    """Whether a place starts the name of a body, its head noun right after it (西北 in 西北银行, 北京 in 北京大学): no
    answer to where something is (:data:`qa.reader.boundaries.ORGANISATION_NOUNS`)."""
    return candidate.type == "place" and folded.startswith(ORGANISATION_NOUNS, candidate.end)


def time_unit_asked(question: QuestionInfo) -> str:
    """The calendar unit a time question asks for: 年 (哪一年, 何年, 什么年份), 月 (哪个月, 什么月份), 年代 (哪个年代),
    世纪 (哪一个世纪, 几世纪), or ""."""
    if question.type != "time":
        return ""
    asked = question.wh + question.suffix[:2]
    found = re.search(r"(?:哪一?个?|何|什么|几)(年代|年|月|世纪)(?!代|底|初|末)", asked)
    return found.group(1) if found else ""


def cut_suffix_echo(candidate: Candidate, folded: str, question: QuestionInfo, noun: str) -> Candidate:
    """A candidate without a tail the question itself holds after its interrogative (有丝分裂尤其重要 asked as
    哪一种细胞分裂尤其重要): the longest such run of at least three characters after which a word ends what stays,
    unless it is the phrase right after the interrogative, holds the noun asked for (什么临时党支部 keeps
    临时党支部) or is a part of a person's name (洛厄尔 of 帕西瓦尔·洛厄尔, asked who founded 洛厄尔天文台). A noun asked
    after examples closed by 等 is their kind, and goes with the 等 (突厥等游牧部落 asked as 哪个游牧部落 → 突厥)."""
    text = folded[candidate.start:candidate.end]
    parts = name_parts(folded, candidate.start, candidate.end) if candidate.type == "person" else ()
    for length in range(len(text) - 2, 2, -1):
        tail = text[-length:]
        if tail in question.suffix:
            closer = next((word for word in ENUMERATION_CLOSERS if text[:-length].endswith(word)), "")
            if noun and noun in tail and closer and len(text) - length - len(closer) >= 2:
                end = candidate.end - length - len(closer)
                return Candidate(candidate.start, end, candidate.type, candidate.origin)
            if question.suffix.startswith(tail[:2]) or noun and (noun in tail or tail in noun) or tail in parts:
                break
            end = candidate.end - length
            if any(stop == end for _, stop, _ in tagged(folded)):
                return Candidate(candidate.start, end, candidate.type, candidate.origin)
    return candidate


def with_ordinal_noun(candidate: Candidate, folded: str, question: QuestionInfo) -> Candidate:
    """For 第几 + noun, an ordinal widened over the measure word or first word of that noun where the sentence goes on
    with it: 第几区 is answered by 第1区, 第几任教宗 by 第265任, 第几产业 by 第三产业 (not 第1, 第265, 第三)."""
    suffix = question.suffix.removeprefix("的")  # 第几的产业
    if not asks_ordinal(question) or not suffix or not folded.startswith("第", candidate.start):
        return candidate
    pieces = dictionary_words(suffix)
    noun = suffix[0] if suffix[0] in ORDINAL_MEASURES or not pieces else pieces[0][0]
    if folded.startswith(noun, candidate.end):
        return Candidate(candidate.start, candidate.end + len(noun), candidate.type, candidate.origin)
    return candidate


def cut_to_unit_asked(candidate: Candidate, folded: str, question: QuestionInfo) -> Candidate:
    """A date cut after the calendar unit asked for: 哪一年 is answered by 1945年, not 1945年1月17日 nor 1803年初
    (:data:`UNIT_PARTS`) nor 2006年后期 (a period's part); 哪个月 by 3月, not 3月3日 nor 3月中旬 (几月几日 asks for the
    day); 哪一个世纪 by 19世纪, not 19世纪60年代初 nor 二十世纪晚期; 哪个年代 by 90年代, not 90年代后期."""
    unit = time_unit_asked(question) if not DAY_ASKED.search(question.wh + question.suffix) else ""
    text = folded[candidate.start:candidate.end]
    after = rf"[0-9{CHINESE_DIGITS}正元初]+[月日号]|[{UNIT_PARTS}]|\d{{2}}年代|{PERIOD_PART}"
    found = re.search(f"{unit}(?={after})", text) if unit else None
    return Candidate(candidate.start, candidate.start + found.end(), candidate.type, candidate.origin) if found \
        else candidate


def fits_unit_asked(text: str, question: QuestionInfo) -> bool:
    """Whether a time holds the calendar unit asked for (哪一年 is not answered by 八月, nor by 4年 unless the
    question names the era: 民国哪一年; 哪个朝代 not by a year or date; neither by a period: 冷战时期, 明朝建文年间),
    an ordinal is asked for (第三 answers 第几区, not 多少个区) and counts what is asked (第几位 not by 第二个), a
    rank alone answers only a question of how many or of a rank (:data:`RANK_ONLY`, :data:`RANK_ASKED`), a
    quantity is measured in the kind of unit asked for (:data:`UNIT_KINDS`),
    a duration is on the scale asked for (hours and less, or days and more), a count of things is no length of time
    (多少户 is not answered by 24小时), a count answers only a count of the same kind (:func:`counts_alike`) and no
    count answers for a phone or other number (:data:`IDENTIFIER_ASKED`); true when the question names no unit (多久,
    何时, 多少)."""
    unit = time_unit_asked(question)
    if unit and unit not in text or unit == "年" and SHORT_YEARS.fullmatch(text) and not names_an_era(question):
        return False
    dynasty = "朝代" in question.wh + question.suffix[:2]  # 哪个朝代, 哪一个 + 朝代
    if dynasty and any(char.isdigit() for char in text):
        return False
    if (unit or dynasty) and text.endswith(PERIOD_NOUNS):
        return False
    if BARE_ORDINAL.match(text) and not asks_ordinal(question):
        return False
    if RANK_ONLY.match(text) and question.type != "quantity" and not RANK_ASKED.search(question.text):
        return False
    ordinal = ORDINAL.match(text)
    if ordinal and asks_ordinal(question) and question.measure and ordinal.group("measure") != question.measure:
        return False  # 哪一代 is not answered by 第二个
    if question.type == "quantity" and not fits_size_asked(text, question):
        return False
    asked_kind = "share" if question.wh == "百分之几" else unit_kind(question.measure)
    if question.type == "quantity" and asked_kind and unit_kind(text) not in ("", asked_kind):
        return False
    if question.type == "quantity" and (not counts_alike(text, question.measure)
                                        or IDENTIFIER_ASKED.search(question.prefix) and COUNTED_MEASURE.search(text)):
        return False
    found = DURATION_MEASURE.search(text)
    if question.type == "quantity" and question.measure and found is not None:
        return DURATION_MEASURE.search(question.measure) is not None
    if question.type != "duration" or not question.measure or found is None:
        return True
    return found.group().rstrip("多余").endswith(WITHIN_A_DAY) == question.measure.endswith(WITHIN_A_DAY)


def fits_size_asked(text: str, question: QuestionInfo) -> bool:
    """Whether a quantity can answer a question asking how long, high, far, wide, deep or thick (:data:`SIZE_WH`):
    a bare number, a length (630米, 46公里), a temperature or angle, or for 多长 a length of time; not an area
    (630平方公里) nor a count of things (一种, 一条)."""
    if question.wh not in SIZE_WH:
        return True
    if any(word in text for word in NOT_A_SIZE):
        return False
    counted = COUNTED_MEASURE.search(text)
    return counted is None or counted.group("measure").endswith(SIZE_UNITS) or (
        question.wh == "多长" and DURATION_MEASURE.search(text) is not None)


def unit_kind(text: str) -> str:
    """The kind of unit a quantity or a question's measure word ends in (:data:`UNIT_KINDS`; a share for 百分之十五),
    or "" for none."""
    if text.startswith("百分之"):
        return "share"
    bare = text.rstrip("多余")
    return next((kind for kind, units in UNIT_KINDS if bare.endswith(units)), "")


def counts_alike(text: str, measure: str) -> bool:
    """Whether a count and the measure word asked for both count people or both count things (多少辆救护车 is not
    answered by 110多人, nor 多少名 by 197户); true when either has no measure word or one of
    :data:`NEUTRAL_MEASURES`."""
    found = COUNTED_MEASURE.search(text)
    asked = measure.lstrip("万千百亿")
    if found is None or not asked or found.group("measure") in NEUTRAL_MEASURES or asked in NEUTRAL_MEASURES:
        return True
    return (found.group("measure") in PEOPLE_MEASURES) == (asked in PEOPLE_MEASURES)


def names_an_era(question: QuestionInfo) -> bool:
    """Whether a noun stands right before the interrogative (民国哪一年, 康熙哪一年): years are counted in it."""
    words = tagged(question.prefix)
    return bool(words) and words[-1][2].startswith(("n", "t"))


def is_well_formed(text: str, question: QuestionInfo, echo: float) -> bool:
    """A candidate text that could be an answer: holding a letter, digit or character (a lone 」 is none), brackets
    balanced, not led by an opening bracket or any closing mark, long enough for a why or how question
    (:data:`MIN_CLAUSE_CHARS`), not a bare count unless the question asks how many (:data:`BARE_COUNT`), not mostly
    the question's own words (``echo``, its :func:`echo_share`; 三人 is the 3人 of a question)."""
    balanced = text.count("(") + text.count("（") == text.count(")") + text.count("）")
    if not any(char.isalnum() for char in text) or text[0] in LEADING_MARKS or not balanced:
        return False
    if question.wh in CLAUSE_WH and question.suffix and len(text) < MIN_CLAUSE_CHARS:
        return False
    if BARE_COUNT.match(text) and question.type != "quantity":
        return False
    return arabic(text) not in arabic(question.text) and echo < MAX_ECHO_SHARE


def starts_with_a_rank(folded: str, candidate: Candidate, question: QuestionInfo) -> bool:
    """Whether a candidate starts with a taxon's rank word cut off the name before it: the rank and 的 (属的植物 of
    天门冬属的植物), or a rank other than 属 (a verb too: 马祖属亚热带…) right after the question's own word
    (科多年生… of 天门冬科多年生…, not the 科 that starts 科龙港)."""
    word = word_at(tagged(folded), candidate.start)
    if word is None or folded[word[0]:word[1]] not in TAXON_RANKS or candidate.start == 0:
        return False
    before = folded[:candidate.start]
    return folded[word[1]:word[1] + 1] == "的" or folded[word[0]] != "属" and any(
        len(term) > 1 and before.endswith(term) for term in question.words)


def from_the_title_start(folded: str, candidate: Candidate, title: str) -> Candidate:
    """A candidate that starts inside a mention of its article's title (folded), cut off the name's first
    characters by jieba, widened to where the mention starts (保护主义 of 环境保护主义 in the article 环境保护主义 →
    环境保护主义; 尔一生多次获奖 of 苏佩维埃尔一生多次获奖 → the whole, which then echoes the question's name)."""
    if len(title) < 2:
        return candidate
    start = next((start for start in range(max(0, candidate.start - len(title) + 1), candidate.start)
                  if folded.startswith(title, start)), None)
    return candidate if start is None else Candidate(start, candidate.end, candidate.type, candidate.origin)


FEATURES = ("sentence", "dense", "coverage", "sentence_rank", "type_match", "type_compatible", "echo", "slot",
            "naming_quote", "proximity", "measure_match", "measure_mismatch", "counted_noun", "english_people",
            "clause", "chunk", "asked_noun", "predicate", "long_chars", "length", "agreement")
"""What the ranker knows of a candidate, in this order (``agreement`` is filled in once all sentences are read)."""


def candidate_features(sentence: ScoredSentence, rank: int, found: SentenceCandidates, question: QuestionInfo,
                       weights: ReaderWeights) -> list[tuple[list[float], Candidate]]:
    """The features (:data:`FEATURES`) of each candidate of one sentence that may answer the question. A candidate
    cut past its leading predicate (:func:`past_leading_predicate`) is as close to the question's words as the span
    it was cut from.

    Args:
        sentence: the scored sentence.
        rank: the sentence's place among the best sentences (0 for the best).
        found: its candidates and the question's slot in it.
        question: the analysed question.
        weights: the scales of the distance terms and the long-answer limit.
    """
    folded = fold(sentence.text)
    title = fold(sentence.hit.passage.title) if sentence.hit is not None else ""
    positions = word_positions(question, folded)
    several = asks_several(question)
    accepted = ACCEPTS[question.type] + (("list",) if several else ())
    detailed = with_what_they_detail(typed_enumerations(found.candidates, item_type(question)) if several else [],
                                     found.candidates, folded)
    wholes = list(detailed.values())
    aligned = found.slot
    names_asked = PROPER_NAME_ASKED.search(question.text) is not None and question.type in ("other", "identity")
    alias = asks_alias(question) or bool(short_form_asked(question))
    quoted = any(candidate.type == "quote" for candidate in found.candidates)
    naming = NAMING.search(question.text) is not None
    body_asked = organisation_asked(question)
    body = kind_of_body(body_asked)
    noun = body or asked_noun(question)
    post = asks_post(question.prefix, question.suffix)
    thing_asked = question.type == "other" and bool(noun) and not noun.endswith(TIME_NOUN_ENDINGS)
    dates = times(folded) if question.type in THING_TYPES else []
    time_spans = dates if question.type in NAMED_ASKED or thing_asked else []
    noun_asked = question.type in NAMED_ASKED or bool(noun) and question.type in THING_TYPES
    place_tail = question.type == "place" and not asks_a_place_level(question, noun)
    place_kind = place_kind_asked(question, noun)
    quotes = quoted_ranges(folded)
    rows = []
    for candidate in found.candidates:
        if candidate.type not in accepted + ANY_TYPE:
            continue
        candidate = detailed.get(candidate, candidate)
        whole = candidate in wholes
        if not whole and any(inside(candidate, enumeration) for enumeration in wholes):
            continue
        if question.type == "quantity":
            candidate = with_ordinal_noun(widen_quantity(candidate, folded), folded, question)
        if question.type == "duration":
            candidate = with_ago(candidate, folded, question)
        if candidate.type == "time":  # a period's named front stays (香港 of 香港日治时期)
            stripped = candidate if candidate.origin == NAMED_FRONT else strip_question_edges(candidate, folded,
                                                                                               question.text)
            candidate = cut_to_unit_asked(stripped, folded, question)
        elif candidate.type != "quote" and question.type in THING_TYPES:
            candidate = before_trailing_function_words(
                past_possessive(cut_suffix_echo(candidate if post else past_leading_date(candidate, folded, dates),
                                                folded, question, noun), folded), folded)
            candidate = before_echoed_predicate(past_aspect_particle(candidate, folded), folded, question)
            if question.type == "person":
                candidate = past_echoed_edges(candidate, folded, question, noun)
            if referring_word(folded, candidate) is not None or is_lone_function_word(folded, candidate) or (
                    (question.type != "other" or noun) and is_lone_predicate(folded, candidate)):
                continue
        if post:
            candidate = Candidate(past_posting_verb(folded, candidate.start, candidate.end), candidate.end,
                                  candidate.type, candidate.origin)
        if post and candidate.type == "slot" and holds_verb(folded, candidate):
            continue
        if candidate.type != "quote":
            candidate = Candidate(candidate.start, end_closing_quote(quotes, candidate.start, candidate.end),
                                  candidate.type, candidate.origin)
        candidate = without_edge_dashes(from_the_title_start(folded, candidate, title), folded)
        as_found = candidate
        if noun_asked:
            candidate = past_leading_predicate(candidate, folded)
        if place_tail and candidate.type == "place":
            candidate = with_place_tail(candidate, folded)
        if candidate.type != "quote":
            candidate = with_organisation_noun(candidate, folded, body)
        if (question.type == "place" and names_a_body(folded, candidate)
                or starts_with_a_rank(folded, candidate, question)):
            continue
        if is_stray_character(folded, candidate):
            continue
        text = folded[candidate.start:candidate.end]
        named = candidate.origin == NAMED_FRONT
        renamed = alias and candidate.origin == "name"  # another name shares the named thing's words: 内台航线, 首钢集团
        echo = (echo_share(text, question, noun, named, body_asked)
                if candidate.type != "evidence" and not renamed else 0.0)
        if (not is_well_formed(text, question, echo) or not fits_unit_asked(text, question)
                or not fits_place_kind(text, place_kind)
                or place_kind in NAMED_PLACE_KINDS and names_no_place(folded, candidate)
                or place_kind == "country" and names_no_country(folded, candidate, text)):
            continue
        if (question.type in ("place", "organisation") and text in KIND_NOUNS
                or counts_the_noun(text, noun) or addresses_a_name(folded, candidate)
                or within_a_time(candidate, time_spans)):
            continue
        if names_asked and candidate.type != "quote" and candidate.origin != "name" and (
                quoted or starts_predicate(folded, candidate)):
            continue
        if candidate.type == "quote" and not naming and modifies_a_noun(folded, candidate, question.suffix):
            continue
        if alias and candidate.type == "identity" and candidate.origin != "name":
            continue
        agreement = 1.0 if candidate.type == "post" else noun_agreement(text, noun, weights.asked_noun_chars)
        exact = renamed or of_asked_type(candidate, question, noun, whole) and not names_another_level(text, noun) and (
            agreement > 0 or not restates_the_subject(candidate, folded, question, aligned, weights))
        distance = gap(as_found.start, as_found.end, positions)
        measured = quantity_terms(candidate, text, folded, question, weights)
        rows.append(([
            sentence.score, sentence.dense, sentence.coverage, float(rank), float(exact), float(not exact),
            echo,
            aligned[2] * overlap_ratio(candidate, aligned[0], aligned[1]) if aligned else 0.0,
            float(candidate.type == "quote" and (naming or (text.startswith("《") and noun.endswith(WORKS)))),
            1 / (1 + distance / weights.proximity_scale) if distance != math.inf else 0.0,
            *measured, float(candidate.origin == "clause"), float(candidate.type == "chunk"),
            agreement,
            float(question.type in THING_TYPES and ends_in_predicate(folded, candidate)),
            0.0 if whole else float(max(0, len(text) - weights.long_answer_chars)), math.log(len(text)), 0.0,
        ], candidate))
    return rows


def past_leading_date(candidate: Candidate, folded: str, dates: list[tuple[int, int]]) -> Candidate:
    """A thing's candidate without the date written in digits it starts with where more follows (1980年代意大利 →
    意大利, 1897年澳大利亚新南威尔斯州 → 澳大利亚新南威尔斯州): a date frames the sentence and names no thing.

    Args:
        candidate: the candidate.
        folded: its sentence.
        dates: the sentence's dates and times (:func:`qa.reader.patterns.times`).
    """
    if not folded[candidate.start:candidate.start + 1].isdigit():
        return candidate
    end = max((end for start, end in dates if start == candidate.start and end < candidate.end), default=None)
    return candidate if end is None else Candidate(end, candidate.end, candidate.type, candidate.origin)


def past_aspect_particle(candidate: Candidate, folded: str) -> Candidate:
    """A thing's candidate without the aspect particle it starts with after a verb (奉行著韩国 → 韩国, 处理著外交活动 →
    外交活动, 包括了曹魏故都 → 曹魏故都, 透过萨丁尼亚王国 → 萨丁尼亚王国): the particle closes the verb before it,
    alone or as that verb's last character, and 著 is no aspect particle where it starts a word (著作).

    Args:
        candidate: the candidate.
        folded: its sentence.
    """
    start = candidate.start
    if folded[start:start + 1] not in ASPECT_PARTICLES or start == 0 or candidate.end - start - 1 < MIN_NAME_CHARS:
        return candidate
    words = tagged(folded)
    particle, before = word_at(words, start), word_at(words, start - 1)
    if (particle is None or before is None or particle[1] != start + 1 or not before[2].startswith("v")
            or not CJK_CHAR.match(folded[start + 1])):
        return candidate
    return Candidate(start + 1, candidate.end, candidate.type, candidate.origin)


def before_echoed_predicate(candidate: Candidate, folded: str, question: QuestionInfo) -> Candidate:
    """A thing's candidate without the tail the question itself holds, before or after its interrogative, where that
    tail starts with a word of :data:`ECHO_PREDICATE_TAGS` (伊斯兰教于8世纪或9世纪时 for 于8世纪或9世纪时传播到沿海地区的
    为哪一教, 俄国革命之后 for 哪件事情之后, 房间隔相反 for 与哪一种组织相反): the question's own predicate or frame is
    no part of the thing it asks for. The longest such tail goes, with the marks before it (乃为保障子女利益、 keeps no
    、), where :data:`MIN_NAME_CHARS` stay before it, not all of :data:`TRAILING_FUNCTION_TAGS` (仍被视为普通宫人 stays
    whole) and not ending in a predicate (天然能够摄取外源DNA stays whole: :func:`ends_in_predicate`), and where it
    does not start the noun a measure word after the interrogative counts (总选举 for 哪场选举中获得 stays whole).

    Args:
        candidate: the candidate.
        folded: its sentence.
        question: the analysed question.
    """
    words = tagged(folded)
    counted = re.match(f"[{CLASSIFIERS}]", question.suffix)
    for start, _, flag in words_within(words, candidate.start + MIN_NAME_CHARS, candidate.end):
        tail = folded[start:candidate.end]
        kept = Candidate(candidate.start, candidate.start + len(folded[candidate.start:start].rstrip(EDGE_PUNCTUATION)),
                         candidate.type, candidate.origin)
        if (len(tail) >= MIN_ECHO_TAIL_CHARS and tail in question.text and flag.startswith(ECHO_PREDICATE_TAGS)
                and not flag.startswith(NOMINAL_EXCEPTIONS)
                and not (counted and question.suffix[counted.end():].startswith(tail[:MIN_ECHO_TAIL_CHARS]))
                and kept.end - kept.start >= MIN_NAME_CHARS
                and any(not tag.startswith(TRAILING_FUNCTION_TAGS)
                        for _, _, tag in words_within(words, kept.start, kept.end))
                and not ends_in_predicate(folded, kept)):
            return kept
    return candidate


def past_echoed_edges(candidate: Candidate, folded: str, question: QuestionInfo, noun: str) -> Candidate:
    """A person's candidate without the question's own characters that stand right beside its interrogative, where
    the candidate starts or ends with them and keeps a name of :data:`MIN_NAME_CHARS` (封朱熹 for 封哪一个人,
    陈诚任 for 哪一个人任职, 朱棣称帝 for 谁称帝): jieba glues a verb of one or two characters to a name it does not
    know, and a person's name holds none of the question's predicate. The noun a 哪 asks for is no predicate and
    stays (较低的社会阶层升级的人 for 哪一类人); 谁 asks for none, and its predicate follows it (谁称帝).

    Args:
        candidate: the candidate.
        folded: its sentence.
        question: the analysed question, asking for a person.
        noun: the noun it asks for (人 of 哪一个人).
    """
    start, end = candidate.start, candidate.end
    after, noun = (re.sub(f"^[{CLASSIFIERS}]", "", text) for text in (question.suffix, noun))
    predicate = after if "谁" in question.wh or not noun else after.removeprefix(noun)
    end -= next((length for length in range(ECHO_EDGE_CHARS, 0, -1) if len(predicate) >= length
                 and predicate[:length] == folded[end - length:end] and end - length - start >= MIN_NAME_CHARS), 0)
    start += next((length for length in range(ECHO_EDGE_CHARS, 0, -1) if len(question.prefix) >= length
                   and question.prefix[-length:] == folded[start:start + length]
                   and end - start - length >= MIN_NAME_CHARS), 0)
    return candidate if (start, end) == (candidate.start, candidate.end) else Candidate(start, end, candidate.type,
                                                                                          candidate.origin)


def within_a_time(candidate: Candidate, time_spans: list[tuple[int, int]]) -> bool:
    """Whether a candidate lies inside one of its sentence's dates or times (1913年6月1日, or 年6月 cut from 1947年6月)."""
    return any(start <= candidate.start and candidate.end <= end for start, end in time_spans)


def of_asked_type(candidate: Candidate, question: QuestionInfo, noun: str, whole: bool) -> bool:
    """Whether a candidate is of the type asked: by its kind, as a whole enumeration of them, or as a word ending in
    the kind of place asked for (站南社区 for 哪个社区)."""
    return (candidate.type in (question.type, *ANY_TYPE) or whole
            or candidate.type == "headed" and asks_a_place_level(question, noun))


def names_another_level(text: str, noun: str) -> bool:
    """Whether a place names a level other than the one asked for (茂南区城南街道 for 社区叫什么, 云潭镇 for 哪个村);
    a name with no such suffix (高州) may be any level."""
    return noun in PLACE_SUFFIXES and text.endswith(PLACE_SUFFIXES) and not text.endswith(noun)


def restates_the_subject(candidate: Candidate, folded: str, question: QuestionInfo,
                         aligned: tuple[int, int, float] | None, weights: ReaderWeights) -> bool:
    """Whether a candidate qualifies one of the question's own words, standing right before it (茂南区 of
    茂南区城南街道), ahead of a slot the question frames firmly (下沉到 + 各大规模核酸检测采样点): it belongs to the
    subject the question restates, not to what it asks."""
    if (candidate.type not in NAMED_TYPES or aligned is None or aligned[2] < weights.firm_slot
            or candidate.end > aligned[0]):
        return False
    following = word_at(tagged(folded), candidate.end)
    return (following is not None and following[0] == candidate.end and following[2].startswith("n")
            and any(folded.startswith(word, candidate.end) for word in question.words if len(word) >= 2))


def inside(candidate: Candidate, enclosing: Candidate) -> bool:
    """Whether a candidate lies within another (the same span included)."""
    return enclosing.start <= candidate.start and candidate.end <= enclosing.end


def with_what_they_detail(enumerations: list[Candidate], candidates: list[Candidate], folded: str
                          ) -> dict[Candidate, Candidate]:
    """Each enumeration, widened back over the candidate it details when a word such as 包括 introduces it
    (印度太平洋区，包括东非、马达加斯加…: the region and the places it takes in answer 分布在哪些地区 together, and the
    region alone no longer does).

    Args:
        enumerations: the enumerations that answer a question asking for several (:func:`typed_enumerations`).
        candidates: all candidates of the sentence, among them the noun phrase an enumeration may detail.
        folded: the sentence.

    Returns:
        Each enumeration's answer by the enumeration.
    """
    widened = {}
    for enumeration in enumerations:
        marker = DETAILING.search(folded, 0, enumeration.start)
        detailed = [candidate for candidate in candidates if marker and candidate.end == marker.start()
                    and candidate.type not in NOT_DETAILED]
        start = min((candidate.start for candidate in detailed), default=enumeration.start)
        widened[enumeration] = Candidate(start, enumeration.end, enumeration.type, enumeration.origin)
    return widened


def typed_enumerations(candidates: list[Candidate], answer_type: str) -> list[Candidate]:
    """The enumerations among a sentence's candidates that list several things of the asked type (越南、老挝 lists
    two places): for a question asking for several, the whole answer, and neither item alone."""
    return [enumeration for enumeration in candidates if enumeration.type == "list" and sum(
        c.type == answer_type and inside(c, enumeration) for c in candidates) >= ENUMERATED_ITEMS]


def quantity_terms(candidate: Candidate, text: str, folded: str, question: QuestionInfo,
                   weights: ReaderWeights) -> tuple[float, float, float, float]:
    """For a quantity or duration: whether it ends in the measure word asked for (or another), its closeness to
    the counted noun after it, and whether it counts people for an English question about people."""
    if candidate.type not in ("quantity", "duration"):
        return 0.0, 0.0, 0.0, 0.0
    match = mismatch = 0.0
    if question.measure:
        matches = re.search(re.escape(question.measure) + "(?:多|余)?$", text) is not None
        match, mismatch = float(matches), float(not matches)
    noun_gap = counted_noun_gap(candidate, folded, question)
    counted = 1 / (1 + noun_gap / weights.counted_noun_scale) if noun_gap != math.inf else 0.0
    people = question.english and PEOPLE_WORDS.search(question.text) and text.rstrip("多余").endswith(PEOPLE_MEASURES)
    return match, mismatch, counted, float(bool(people))


def whole_name_first(ranked: list[tuple[float, Candidate, ScoredSentence]]
                     ) -> list[tuple[float, Candidate, ScoredSentence]]:
    """Ranked candidates with a tie at the top settled for the longest of the tied spans that end where the best
    one ends in its sentence and add before it only nominal words, a name among them (联邦储备系统 over 储备系统,
    塞尔维亚反对党 over 反对党, scored alike): a name cut short is no answer. A common noun before it (传统, 部分) may
    qualify it, so it alone does not settle the tie.

    Args:
        ranked: ``(score, candidate, sentence)``, best first.

    Returns:
        The same items, the whole name moved to the front.
    """
    if not ranked:
        return ranked
    value, best, sentence = ranked[0]
    folded = fold(sentence.text)
    chosen = 0
    for index, (score, candidate, other) in enumerate(ranked[1:], 1):
        if score < value - TIED:
            break
        if (other is sentence and candidate.end == best.end and candidate.start < ranked[chosen][1].start
                and leads_a_name(folded, candidate.start, best.start)):
            chosen = index
    return [ranked[chosen], *ranked[:chosen], *ranked[chosen + 1:]]


def given_name_first(ranked: list[tuple[float, Candidate, ScoredSentence]], question: QuestionInfo
                     ) -> list[tuple[float, Candidate, ScoredSentence]]:
    """Ranked candidates of a question asking for another name of something with the best name a sentence gives
    after an alias word or naming verb (又名凉茶店, 或称内台航线), or of one asking what a short form stands for with the
    full name given before it (首钢集团有限公司，简称首钢), put first, at the best score, when its sentence holds as much of
    the question's words as the best candidate's: the text answers in so many words.

    Args:
        ranked: ``(score, candidate, sentence)``, best first.
        question: the analysed question.

    Returns:
        The same items, the given name moved to the front with the best candidate's score.
    """
    if not ranked or not asks_alias(question) and not short_form_asked(question):
        return ranked
    best_sentence = ranked[0][2]
    for index, (_, candidate, sentence) in enumerate(ranked):
        if candidate.origin == "name" and sentence.coverage >= best_sentence.coverage:
            return first_at_best_score(ranked, index)
    return ranked


def post_given_first(ranked: list[tuple[float, Candidate, ScoredSentence]], question: QuestionInfo
                     ) -> list[tuple[float, Candidate, ScoredSentence]]:
    """Ranked candidates of a question asking for someone's post with the best one that its sentence gives right
    after a verb of taking it (:data:`~qa.reader.questions.POSTED_BEFORE`: 1973年10月，任长春市邮局国际联邮员) put
    first, at the best score, when its sentence holds as much of the question's words as the best candidate's: a
    post its sentence says was joined (加入中国共产党) or left (卸任中共海南省委书记) answers no such question. Where a
    verb gives a post before the best candidate, that candidate stands (任省委、省政府决策咨询委员会名誉主任).

    Args:
        ranked: ``(score, candidate, sentence)``, best first.
        question: the analysed question.

    Returns:
        The same items, the post given moved to the front with the best candidate's score.
    """
    if not ranked or question.type not in ("other", "identity") or not asks_post(question.prefix, question.suffix):
        return ranked
    _, best, best_sentence = ranked[0]
    if POSTING.search(best_sentence.text, 0, best.start):
        return ranked
    for index, (_, candidate, sentence) in enumerate(ranked[1:], 1):
        if sentence.coverage >= best_sentence.coverage and POSTED_BEFORE.search(sentence.text, 0, candidate.start):
            return first_at_best_score(ranked, index)
    return ranked


def occupation_first(ranked: list[tuple[float, Candidate, ScoredSentence]], question: QuestionInfo
                     ) -> list[tuple[float, Candidate, ScoredSentence]]:
    """Ranked candidates of a question asking someone's trade (杨昊的职业是什么) with the best one that names a trade
    (:data:`~qa.reader.candidates.OCCUPATION`: 足球运动员) put first, at the best score, when its sentence holds as
    much of the question's words as the best candidate's: what a sentence says someone is (北京国安青训系统培养的球员,
    新航空姐 of 过去曾是新航空姐) is not always a trade.

    Args:
        ranked: ``(score, candidate, sentence)``, best first.
        question: the analysed question.

    Returns:
        The same items, the trade moved to the front with the best candidate's score.
    """
    if not ranked or not trade_asked(question):
        return ranked
    for index, (_, candidate, sentence) in enumerate(ranked):
        if candidate.origin == OCCUPATION:
            return first_at_best_score(ranked, index) if sentence.coverage >= ranked[0][2].coverage else ranked
    return ranked


def runs_on_to_a_place(overlap: float, candidate: Candidate, sentence: ScoredSentence, question: QuestionInfo,
                       weights: ReaderWeights) -> bool:
    """Whether a slot the question's words frame only in part may still run on past the best candidate
    (:func:`framed_slot_first`): for a where question that names no kind of place (分布在哪些地区, 原产地在哪里, not 哪一个国家
    or 哪个州), when the slot ends in a place (澳洲南部岛屿及西岸地区, 台湾、菲律宾、中国的云南及西藏; not 英国的黑便士).

    Args:
        overlap: the slot overlap of the candidate (:data:`FEATURES`).
        candidate: the candidate.
        sentence: its sentence.
        question: the analysed question.
        weights: the reader's weights (:attr:`ReaderWeights.place_slot_overlap`).
    """
    if question.type != "place" or candidate.type != "slot" or overlap < weights.place_slot_overlap:
        return False
    noun = asked_noun(question)
    if place_kind_asked(question, noun) or asks_a_place_level(question, noun):
        return False
    folded = fold(sentence.text)
    last = words_within(tagged(folded), candidate.start, candidate.end)[-1:]
    return bool(last) and last[0][1] == candidate.end and (
        last[0][2] in PLACE_TAGS or folded[candidate.start:candidate.end].endswith(PLACE_SUFFIXES))


def framed_slot_first(ranked: list[tuple[float, Candidate, ScoredSentence]],
                      framed: list[tuple[Candidate, ScoredSentence]], question: QuestionInfo
                      ) -> list[tuple[float, Candidate, ScoredSentence]]:
    """Ranked candidates of a where or which-body question with the question's slot put first, at the best score,
    when the slot is wholly framed by the question's words and starts with the best candidate but runs on past it
    (泰国 → 泰国的首都曼谷的乍都节县, 北京 → 北京群星艺术学院, 麦茨 → 麦茨要塞): the words the question frames say where.

    Args:
        ranked: ``(score, candidate, sentence)``, best first.
        framed: the candidates whose slot overlap (:data:`FEATURES`) is whole, with their sentences.
        question: the analysed question.

    Returns:
        The same items, the slot moved to the front with the best candidate's score.
    """
    if not ranked or question.type not in SLOT_RUNS_ON:
        return ranked
    _, best, sentence = ranked[0]
    for index, (_, candidate, other) in enumerate(ranked[1:], 1):
        if (other is sentence and candidate.start == best.start and candidate.end > best.end
                and any(candidate == slot and other is where for slot, where in framed)):
            return first_at_best_score(ranked, index)
    return ranked


def first_at_best_score(ranked: list[tuple[float, Candidate, ScoredSentence]], index: int
                        ) -> list[tuple[float, Candidate, ScoredSentence]]:
    """``ranked`` with its item at ``index`` moved to the front at the best score (the others keep their order)."""
    _, candidate, sentence = ranked[index]
    return [(ranked[0][0], candidate, sentence), *ranked[:index], *ranked[index + 1:]]


def leads_a_name(folded: str, start: int, end: int) -> bool:
    """Whether ``[start, end)`` is whole nominal words (nouns, names, abbreviations, Latin words), one of them a
    name (塞尔维亚, 屯田, 圣乔治)."""
    words = words_within(tagged(folded), start, end)
    return (bool(words) and words[0][0] == start and words[-1][1] == end
            and sum(stop - first for first, stop, _ in words) == end - start
            and all(flag.startswith(NAME_PHRASE_TAGS) for _, _, flag in words)
            and holds_a_naming_word(words))
