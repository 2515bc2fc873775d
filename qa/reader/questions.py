"""Question analysis: the expected answer type, the interrogative slot and the content words.

Pure functions over folded text (Simplified, half-width, lower case); Chinese and English forms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from qa.reader.descriptions import asked_attribute
from qa.reader.spans import LATIN_MEASURE, dictionary_count, tagged
from qa.schema import AnswerType
from qa.text.normalize import fold
from qa.text.tokenize import stopwords, tokenize

# Ordered: the first pattern that matches decides. Each has the interrogative as group "wh". A demonstrative
# before 几 makes it no question (核酸检测那几天天气怎么样 asks how, not how long), and neither does 许 / 众 / 很 / 诸
# before 多 (许多高明的决定, 众多大型舰船: many, not how) nor 乎 / 何 / 近 after 几 (几乎, 几何学, 几近: almost, geometry).
CHINESE_PATTERNS: list[tuple[AnswerType, str]] = [
    ("reason", r"(?P<wh>(?<!命名)为什么|因为什么|由于什么|为何|为啥|什么原因|何故|因何|怎么会|原因是什么|原因是)"),
    ("time", r"(?P<wh>什么时候|什么时间|何时|哪天|哪一天|哪日|几月几日|几月几号|几月份|几月|几号|几点|哪年|哪一年|几几年|哪个月|哪月|何年|"
             r"什么日子|哪个时期|什么年代|哪个年代|哪个朝代|什么朝代|几时|几世纪|哪个世纪|哪一个世纪|(?<=[西公纪]元)几年)"),
    ("duration", r"(?<![第这那這])(?P<wh>多久|多长时间|多少时间|多长的时间|几天|几个月|几个小时|几小时|几年|几周|几个星期|几分钟|"
                 r"多少天|多少年|多少个月|多少小时|多少个小时|多少分钟|多少周|几昼夜)"),
    ("quantity", r"(?<![许众很诸])(?P<wh>多少|(?<![哪这那這])几(?![乎何近])|多大|多长|多高|多远|多重|多久|多深|多宽|多厚|多快|多老|多少钱|"
                 r"多长时间|百分之几|第几|哪一?(?=代(?![人表价言理])))"),
    ("person", r"(?P<wh>谁|哪位|哪个人|什么人|叫什么名字|名字是什么|姓什么|何人)"),
    ("place", r"(?P<wh>哪里|哪儿|在哪|何处|何地|什么地方|哪个地方|哪个国家|哪国|哪座城市|哪个城市|哪个省|哪个地区|去哪|位于哪|什么位置)"),
    ("organisation", r"(?P<wh>哪个公司|哪家公司|哪家|哪个机构|哪个组织|哪个单位|哪个部门|哪所|哪个学校|哪个大学|哪个球队|哪支)"),
    ("action", r"(?<!是)(?P<wh>做了什么|做过什么|做什么|干了什么|干过什么|干什么|做了哪些|做过哪些|干了哪些|发生了什么)"),
    ("list", r"(?P<wh>哪些|有什么|包括什么|包含什么|有哪几|哪几)"),
    ("manner", r"(?P<wh>怎样|如何|怎么|怎么样|什么方式|什么方法|什么形式|什么途径|什么手段)"),
    ("identity", r"(?P<wh>什么身份|是什么|是指什么|指什么|什么是|叫做什么|称为什么|被称为|什么意思|何为|何谓)"),
    ("other", r"(?P<wh>什么样(?!式)|什么|哪个|哪一个|哪种|哪一|哪|(?<!几)何)"),
]

ENGLISH_PATTERNS: list[tuple[AnswerType, str]] = [
    ("reason", r"^(?P<wh>why)\b"),
    ("duration", r"\b(?P<wh>how long|how many days|how many hours|how many weeks|how many months|how many years)\b"),
    ("quantity", r"\b(?P<wh>how (?:many|much|old|far|big|large|tall|high))\b"),
    ("time", r"^(?P<wh>when|what time|what year|which year|what date|which day)\b"),
    ("person", r"^(?P<wh>who|whom|whose)\b"),
    ("place", r"^(?P<wh>where)\b"),
    ("list", r"^(?P<wh>which|what) \w+ (?:are|were|include)\b"),
    ("manner", r"^(?P<wh>how)\b"),
    ("identity", r"^(?P<wh>what (?:is|are|was|were))\b"),
    ("other", r"^(?P<wh>what|which)\b"),
]

GLUED_AFTER = "于是有为时在现来以把被将"
GLUED_BEFORE = "时以在由被把将和与"
"""Function characters jieba's guess at an unknown word glues onto a name or noun, after it (陈诚|于, 刘七|是, 杨昊|现
效力) or before it (年|时|由|爱思唯尔, 以|京大): no part of the word a passage names it by; not 于, a surname too (于敏)."""
FRAMING = ("时候", "文中")
"""Words that only frame a question (在哪一年的时候, 文中提及): no passage's sentence need hold them."""
POST_ASKED = re.compile("职务|职位|官职|头衔|职称")
"""Nouns with which a question asks for someone's post: what is asked, not a word the answer's sentence holds."""
OCCUPATION_ASKED = "职业"
"""The noun with which a question asks what someone does for a living: not a word the answer's sentence holds
(杨昊，中国足球运动员)."""
OCCUPATION_TYPES = ("other", "identity")
"""The question types a question asking someone's trade may have (杨昊的职业是什么: identity)."""
DESCRIBED_TYPES = ("list", "other", "identity")
"""Types of a question that asks what something is like or does when its noun is an attribute (有什么特点, 有何作用,
的用途是什么: :func:`~qa.reader.descriptions.asked_attribute`)."""
POINT_ASKED = re.compile(r"开始|起始|始于|始自|开打|开幕|开工|开播|首播|(?:从|自)(?:何时|什么时候|哪)|(?:何时|哪一?年)起"
                         r"|之前|以前|之后|以后|为止|(?:哪一?|几|何)(?:年|月|日|天|号|点)(?!间|之间)")
"""Words of a time question that ask for one point of time: when something began (何时开始, 自哪一年, 哪一天开打),
before or after when, or which year, month or day (哪一年, 几月; not 几年间)."""
RANGE_START_ASKED = re.compile(r"^(?:时|年)?(?:开始|起始|始于|始自|起)")
"""What follows the interrogative of a time question asking when something began (何时开始, 哪一年起): a range in the
text answers with its first time."""
RANGE_START_BEFORE = re.compile(r"(?:从|自)$")
"""What precedes such an interrogative (自哪一年, 从何时)."""
RANGE_END_ASKED = re.compile(r"^(?:时|年)?(?:结束|截止|终止|为止|止)")
"""What follows the interrogative of a time question asking when something ended (何时结束, 哪一年为止)."""
NAMING_VERB = re.compile("(?:名叫|叫做|叫|称作|称为)$")
"""A verb that only ties a thing to the name asked for (所在的社区叫什么): the text names it without the verb
(站南社区), so it is not a word the answer's sentence must hold."""
ALIAS_NOUNS = ("别名|别称|又名|又称|原名|本名|旧称|俗称|学名|简称|缩写|全称|全名|英文全称|英文简称|英文名称|英文名|英语名称"
               "|英语名|英文|英语|外号|绰号|昵称")
"""Nouns for another name of something (猴面包树的别名是什么, 刺角瓜又名什么, 大溪高级中学的简称是什么, 联盟的英文是什么),
the longer first (英文全称 before 英文)."""
EPITHET_NOUNS = "称号|美誉|美称|雅号|尊称|封号|别号|称呼|外号|绰号|昵称|暱称"
"""Nouns for a name of praise or a nickname someone or something earned (王爱爱有什么美誉, 杜林获得什么称号; 暱称, as
Traditional text writes it, too)."""
EPITHET_ASKED = re.compile(rf"(?:{EPITHET_NOUNS})(?:是|为)?$")
"""The end of a question's part before its interrogative that asks for such a name (他的外号是什么)."""
ALSO_CALLED = r"(?:又|也|亦|或)被?"
"""What turns a naming verb into one asking for another name (凉茶舖又叫什么, 又被称为什么)."""
ALIAS_BEFORE = re.compile(rf"(?:{ALIAS_NOUNS})(?:是|为|叫|叫做)?$|{ALSO_CALLED}(?:叫做|叫作|叫|称之为|称为|称作|称)$")
ALIAS_AFTER = re.compile(rf"^(?:{ALIAS_NOUNS})(?:是|为)?$")
SHORT_FORM_ASKED = re.compile(r"^(?:的|之)?(?:简称|缩写|简写|略称)$")
"""What follows the interrogative of a question asking what a short form stands for (首钢是什么的简称)."""
NAME_ASKED = ("称为什么", "被称为", "叫做什么")
"""Interrogatives that ask what something is called (这种生殖称为什么, 他管理的区域被称为)."""
POST_VERBS = re.compile("担任|出任|任职|现任|时任|身任|任")
"""Verbs that only tie a person to the post asked for: a text states the post by putting it before the name
(综合行政执法办公室主任蓝家宇), so the verb is not a word the answer's sentence must hold either."""
POSTING_VERBS = "担任|出任|升任|调任|改任|转任|兼任|现任|时任|接任|继任|历任|任"
"""Verbs that put a person in the post that follows them (1973年10月，任长春市邮局国际联邮员)."""
POSTING = re.compile(rf"(?<![卸离辞解免撤去主责信放胜])(?:{POSTING_VERBS})")
"""A verb giving someone a post (not 卸任, 离任: a post left; not 主任 or 信任)."""
POSTED_BEFORE = re.compile(rf"{POSTING.pattern}$")
"""The end of a sentence's text right before a post given to someone."""
IMPLICIT_WHAT = re.compile(r"(?:为|是|于|在|叫|叫做|称|称为|包括|有|到|成)$")
"""A question with no interrogative that ends where one would stand (最早发展都市计划的文明为？) asks what."""
KIND_WORDS = 2
"""At most this many nouns after 为什么 ending the question make it ask which one (:func:`names_a_kind`)."""
OWNED_BREAK_TAGS = ("v", "d", "p", "c", "a", "u", "r")
"""Tags of words that make what follows 为什么 + noun + 的 a clause (为什么人们的收入下降): verbs, adverbs, prepositions,
conjunctions, adjectives, particles and pronouns."""
REASON_NOUNS = ("原因", "理由", "缘故", "缘由", "目的", "用意", "动机", "起因")
"""Nouns after which a closing 为何 still asks why (原因为何)."""
NAME_ORIGIN = re.compile(r"[名称][字称号呼]?的?(?:由来|来源|来历|起源)|[名称][字称号呼]?是?(?:怎么|如何|怎样)(?:得来|而来|来)"
                         r"|(?:怎么|如何|怎样|为何|因何|为什么)而?得名")
"""How a question asks where a name came from (名字的由来是什么, 名称是怎么来的, 是怎么得名的): it asks why the thing
is so called, whatever its interrogative, unless one stands before it and asks for a thing (将什么视为国名来源)."""
NAME_ORIGIN_WORDS = re.compile(r".*[名称][字号呼]?|由来|来源|来历|起源")
"""Words of such a question that only ask after the name (名称, 名字, 得名, 由来): a passage gives the reason in its
own words (乌石港之名由此而来, 赐名李忠臣)."""
WHY_LEAD_INS = ("是", "这", "那", "但", "却", "又", "还", "到底", "究竟")
"""Words after which a closing 为何 / 为什么 still asks why (这是为什么, 却又为何)."""
DURATION_PREDICATE = re.compile(r"(?P<verb>持续|历时|为期|用时|耗时|花费|花了|用了|延续|经历|经过|长达)"
                                r"(?:了|长达|约|大约|共|总共|将近|近)*$")
"""A verb that only relates an event to its length (核酸检测 *持续了* 几天): the text states the length in its own
words (连续三天, 为期三天), so the verb is not a word the answer's sentence must hold."""
DURATION_UNIT_IN_WH = re.compile(r"^(?:几|多少|多久|多长的?时间|多少时间)个?")
ACTION_TAIL = re.compile(r"(?:事|事情|工作|举措|行动)?的?")
"""What may follow 做了什么 in a question about what someone did (做了哪些工作, 用来做什么的); 做什么菜 asks for a thing."""
COLLOQUIAL = (("甚么", "什么"), ("什么时后", "什么时候"), ("哪边", "哪里"), ("为啥", "为什么"), ("干啥", "做什么"),
              ("干嘛", "做什么"), ("干吗", "做什么"), ("啥", "什么"), ("咋样", "怎样"), ("咋", "怎么"), ("多会儿", "什么时候"))
"""Spoken or variant interrogatives and the written ones they stand for (啥时候 → 什么时候, 咋回答 → 怎么回答; 甚么, as
Traditional text writes 甚麼, → 什么; the slip 什么时后 → 什么时候; 在哪边举行 → 在哪里举行, not 哪一边), in the order they
are replaced (为啥 before 啥)."""
THAT_FOR_WHICH = re.compile(r"那(?=[一个里裡些位种種儿兒边邊])")
"""那 written for 哪 (韩国铁路中那一种…, 是在那里进行的?, as Taiwan's text often writes it): read so in a question that
has no interrogative; 那一年 in one that has stays that year."""
YES_NO = re.compile(r"(?:吗|嘛)[\s?？!！。.]*$|是否|是不是|有没有|能不能|会不会|可不可以|对不对")
"""How a question that has no interrogative asks whether something is so (丙烯颜料有毒吗, 是否连续三天)."""
TRAILING = re.compile(r"[\s?？!！。.,，;；:：呢吗啊呀]+$")
MEASURE_AFTER_WH = re.compile(
    r"^(?:万|千|百|亿)?(?:名|位|个|人次|人|户|轮|项|件|天|日元|日圆|日|小时|分钟|秒|次|家|所|条|元|岁|年|月|周|米|公里|"
    r"千米|平方米|平方公里|平方公尺|公尺|公分|公厘|吨|辆|台|场|批|支|份|张|套|间|栋|座|层|例|剂|倍|组|队|处|种|部|首|本|篇|"
    r"届|期|集|枚|架|艘|座|片|亩|公顷|级|代|万人|千克|公斤|克|度|米高|英尺|英里|美元|美金|港元|欧元|英镑|块|样|门|颗|只|"
    rf"头|匹|条|百分比|{LATIN_MEASURE})")


@dataclass
class QuestionInfo:
    """What a question asks for.

    Attributes:
        text: the folded question without trailing punctuation.
        type: expected answer type.
        wh: the interrogative as written (folded), or "".
        prefix: folded text before the interrogative.
        suffix: folded text after the interrogative.
        measure: for quantities, the measure word right after the interrogative (``名`` in 多少名); for durations,
            the unit asked for (``天`` in 几天, none in 多久).
        words: content words (jieba, stopwords and interrogatives dropped).
        english: the question is in English.
    """

    text: str
    type: AnswerType
    wh: str = ""
    prefix: str = ""
    suffix: str = ""
    measure: str = ""
    words: list[str] = field(default_factory=list)
    english: bool = False


def unglued(word: str) -> str:
    """``word`` without the function characters jieba glued onto it (:data:`GLUED_AFTER`, :data:`GLUED_BEFORE`)
    where its dictionary does not list it as a word (陈诚于 → 陈诚, 时由爱思 → 爱思; 于是, 以为 and 时间 stay)."""
    while len(word) > 1 and not dictionary_count(word):
        if word[-1] in GLUED_AFTER:
            word = word[:-1]
        elif word[0] in GLUED_BEFORE:
            word = word[1:]
        else:
            break
    return word


def starts_within(text: str, word: str, start: int, end: int) -> bool:
    """Whether ``word`` stands in ``text`` starting within ``[start, end)``, the interrogative with the 一 and
    classifier after it: part of it (一种 of 哪一种, 一位 of 在哪一位; not 含有 of 含有什么)."""
    return any(start <= match.start() < end for match in re.finditer(re.escape(word), text))


def without_place_suffix(words: list[str]) -> list[str]:
    """Words naming the place of an act (出生地, 原产地, 发源地) as the act (出生, 原产), which a passage says with 于
    or 在 after it (出生于上海市, 原产于台湾) as often as with the noun; the noun's tail that jieba also gives (生地,
    产地) goes with it."""
    acts = {word: word[:-1] for word in words if len(word) >= 3 and word.endswith("地") and dictionary_count(word[:-1])}
    return [acts.get(word, word) for word in words
            if not any(len(word) < len(place) and place.endswith(word) for place in acts)]


def longest_first(pattern: str) -> str:
    """Reorder the alternatives of the ``wh`` group longest first, so 多长时间 wins over 多长."""
    head, _, rest = pattern.partition("(?P<wh>")
    body, _, tail = rest.rpartition(")")
    alternatives = sorted(body.split("|"), key=len, reverse=True)
    return f"{head}(?P<wh>{'|'.join(alternatives)}){tail}"


def written(text: str) -> str:
    """The question with its spoken interrogatives in their written form (:data:`COLLOQUIAL`)."""
    for spoken, standard in COLLOQUIAL:
        text = text.replace(spoken, standard)
    return text


def is_english(text: str) -> bool:
    """True when the text is mostly Latin letters."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isascii() for c in letters) / len(letters) > 0.7


def glues_shi(suffix: str) -> bool:
    """Whether what follows a time interrogative starts with the 时 a question glues onto it (哪一年时毕业于, 何年时):
    a word of its own (not the 时期 of 何时期), part of the interrogative and no word the sentence need hold."""
    words = tagged(suffix)
    return bool(words) and suffix[:words[0][1]] == "时"


def analyze_question(question: str) -> QuestionInfo:
    """Classify a question and locate its interrogative slot.

    Args:
        question: the question as asked.

    Returns:
        The question's type, slot and content words.
    """
    with_particles = written(fold(question.strip()))
    text = TRAILING.sub("", with_particles)
    english = is_english(text)
    words = without_place_suffix([word for word in map(unglued, tokenize(text)) if word not in stopwords()])
    patterns = ENGLISH_PATTERNS if english else CHINESE_PATTERNS
    for answer_type, pattern in patterns:
        match = re.search(longest_first(pattern), text)
        if match and match.group("wh") == "为什么" and (verb_before_what(text, match.start("wh"))
                                                    or text[match.end("wh"):].startswith("时候")):
            continue  # 改为什么, 为什么时候: 为 + 什么 (a thing, a time)
        if match and answer_type == "reason" and match.group("wh").endswith("什么") and names_a_kind(
                text[match.end("wh"):]):
            continue
        if match and answer_type == "action" and not ACTION_TAIL.fullmatch(text[match.end("wh"):]):
            continue
        if match:
            wh = match.group("wh")
            prefix, suffix = text[:match.start("wh")], text[match.end("wh"):]
            measure = ""
            if answer_type == "quantity" and not english:
                found = MEASURE_AFTER_WH.match(suffix)
                measure = found.group() if found else ""
            if answer_type == "duration" and not english:
                measure = DURATION_UNIT_IN_WH.sub("", wh)
                predicate = DURATION_PREDICATE.search(prefix)
                words = [w for w in words if not predicate or w != predicate.group("verb")]
            if answer_type == "reason" and not english and asks_what_not_why(prefix, wh, suffix):
                answer_type = "other"
            if answer_type == "other" and not english:
                answer_type = refine_other(prefix, suffix)
            if wh == "在哪" and suffix[:1] in "一" + CLASSIFIERS:
                answer_type = refine_other(prefix, suffix.removeprefix("一"))
            if answer_type == "action":
                words = [w for w in words if w not in suffix]
            if answer_type == "time" and glues_shi(suffix):
                suffix = suffix[1:]
                words = [w for w in words if w != "时"]
            if answer_type == "identity" and suffix.startswith("身份"):
                suffix = suffix[2:]
                words = [w for w in words if w != "身份"]
            if not english and origin_asked(text, match.start("wh")):
                answer_type = "reason"
                words = [w for w in words if not NAME_ORIGIN_WORDS.fullmatch(w)]
            naming = naming_verb(wh, prefix, suffix)
            if naming:
                words = [w for w in words if w != naming]
            attribute = asked_attribute(prefix, wh, suffix) if answer_type in DESCRIBED_TYPES and not english else ""
            if attribute:
                answer_type = "description"
                words = [w for w in words if w != attribute]
            if answer_type == "list" and asks_epithet(prefix, suffix):
                answer_type = "identity"  # 有什么美誉 asks for one name
            if answer_type in OCCUPATION_TYPES and asks_occupation(prefix, suffix):
                words = [w for w in words if w != OCCUPATION_ASKED]
            if answer_type in ("other", "identity") and asks_post(prefix, suffix):
                words = [w for w in words if not POST_ASKED.fullmatch(w) and not POST_VERBS.fullmatch(w)]
            which = re.match(f"一?[{CLASSIFIERS}]?", suffix).group() if wh.endswith(("哪", "一")) else ""
            words = [w for w in words if w not in wh and wh not in w and not (wh.endswith("几") and w.startswith("几"))
                     and not starts_within(text, w, match.start("wh"), match.end("wh") + len(which))
                     and w not in FRAMING]
            return QuestionInfo(text, answer_type, wh, prefix, suffix, measure, words, english)
    if not english and THAT_FOR_WHICH.search(text):
        return analyze_question(THAT_FOR_WHICH.sub("哪", question))
    if not english and YES_NO.search(with_particles):
        return QuestionInfo(text, "yesno", prefix=text, words=[w for w in words if not YES_NO.fullmatch(w)])
    if not english and IMPLICIT_WHAT.search(text):
        asked = IMPLICIT_WHAT.sub("", text)
        answer_type = "reason" if asked.endswith(REASON_NOUNS) else refine_other(text, "")
        return QuestionInfo(text, answer_type, prefix=text, words=words)
    return QuestionInfo(text, "other", words=words, english=english)


def asks_several(question: QuestionInfo) -> bool:
    """Whether a question asks for several things (分布在哪些地区, 哪几位): an enumeration of them answers it."""
    return question.wh in ("哪些", "哪几", "有哪几") or (question.wh.startswith("哪") or question.wh.endswith("哪")) \
        and question.suffix.startswith(("些", "几"))


def item_type(question: QuestionInfo) -> AnswerType:
    """The type of each thing a question asks for: a list question's by its noun (哪几个国家 → place), any other's
    its own."""
    return refine_other(question.prefix, question.suffix, default="list") if question.type == "list" else question.type


def asks_what_not_why(prefix: str, wh: str, suffix: str) -> bool:
    """Whether a reason interrogative asks what, not why: 为何 or 为什么 closing a question or its clause after a noun
    or verb (更名为何, 主张为何, 别称名为什么, 改组为什么，首都…; not 原因为何, 这是为什么, nor after a comma), or 因为/由于什么
    followed by a noun or 的 (因为什么事件而灭绝, 因为什么的崩塌; not 因为什么原因)."""
    if wh in ("为何", "为什么") and (not suffix or suffix[0] in "，,"):
        return bool(prefix) and prefix[-1].isalnum() and not prefix.endswith(REASON_NOUNS + WHY_LEAD_INS)
    if wh in ("因为什么", "由于什么") and suffix and not suffix.startswith(REASON_NOUNS):
        flag = next((flag for _, _, flag in tagged(suffix)), "")
        return suffix.startswith("的") or flag.startswith("n")
    return False


def verb_before_what(text: str, position: int) -> bool:
    """Whether the 为 of a 为什么 at ``position`` ends a verb (称为, 成为, 作为, 改为 + 什么): then it asks what,
    not why."""
    import jieba

    end = 0
    for word in jieba.cut(text):
        end += len(word)
        if end == position + 1:
            return len(word) > 1 and word.endswith("为")
        if end > position:
            return False
    return False


def names_a_kind(rest: str) -> bool:
    """Whether what follows a 为什么 / 因为什么 is nouns alone to the question's end (重心为什么行业, 因为什么事件), or
    nouns and then 的 and what that owns, with no verb (当时为什么部落的官称, 为什么星的一半): the question asks which
    one, not why (为什么人们的收入下降 asks why)."""
    words = [(rest[start:end], flag) for start, end, flag in tagged(rest) if rest[start:end].strip()]
    owner = next((index for index, (word, _) in enumerate(words) if word == "的"), len(words))
    owned = words[owner + 1:]
    clause = any(flag.startswith(OWNED_BREAK_TAGS) for _, flag in owned)
    return (0 < owner <= KIND_WORDS and all(flag.startswith("n") for _, flag in words[:owner])
            and (owner == len(words) or bool(owned) and not clause))


CLASSIFIERS = "门种个位家所项类部本条座支只件样款间篇首幅届场张"
"""Classifiers that may stand between 哪/哪一 and the noun asked for (哪一门语言, 哪一座城市)."""
PERSON_CLASSIFIER = "位"
"""The classifier that counts people: 哪几位专家 asks for people, whatever the noun (名 also starts 名字, 名号)."""
HEAD_NOUNS: list[tuple[AnswerType, tuple[str, ...]]] = [
    ("time", ("时间", "日期", "年份", "时候", "时期", "年代", "朝代", "季节", "月份", "世纪")),
    ("person", ("人", "人物", "名字", "姓名", "党员", "同志", "医生", "记者", "干部", "作者", "演员", "球员", "歌手", "导演", "主席", "总统", "书记",
                "主任", "领导", "队员", "创始人", "总裁", "教练", "皇帝", "国王", "丈夫", "妻子", "儿子", "女儿", "父亲",
                "母亲", "哥哥", "弟弟", "姐姐", "妹妹", "祖父", "祖母", "继承人", "继任者", "校长", "总理", "首相", "市长",
                "院长", "会长", "董事长", "老师", "作家", "诗人", "画家", "科学家", "学者", "将军", "首领", "领袖", "君主",
                "皇后", "王后", "太子", "编剧", "主角", "主持人", "总督", "发明者", "发明人", "设计师", "建筑师", "奠基人",
                "创办人", "建立者", "创建者", "开创者")),
    ("place", ("地方", "地点", "城市", "国家", "省", "地区", "位置", "区域", "岛", "山", "河", "镇", "村", "县", "港口",
               "街道", "社区", "小区", "市", "区", "乡", "州", "国", "城")),
    ("organisation", ("公司", "机构", "组织", "单位", "部门", "学校", "大学", "团队", "球队", "党支部", "政府",
                      "医院", "企业", "集团", "银行", "委员会", "协会", "学院", "研究所", "研究院", "俱乐部", "乐队",
                      "党委", "支部", "法院", "报社", "电视台", "出版社")),
]

WORD_PREFIXES = ("市", "区", "乡", "州", "国", "城")
"""Place nouns that also start other words (市场, 区别, 国际, 城堡): they type a question only as a word of their own."""


def refine_other(prefix: str, suffix: str, default: AnswerType = "other") -> AnswerType:
    """Type a bare 什么/哪个 question by the noun right after it and any classifier (什么时间 → time, 哪一座城市 →
    place), or, when nothing follows, by the noun it asks about (那位党员叫什么 → person, 城市名为什么 → place);
    ``default`` when neither tells."""
    head = re.sub(f"^[{CLASSIFIERS}](?=.)", "", suffix)[:6]
    tail = re.sub(r"(?:叫|是|为|的|名叫|叫做|名)+$", "", prefix)[-4:]
    first = tagged(head)[0][1] if head else 0
    for answer_type, nouns in HEAD_NOUNS:
        if any(head.startswith(noun) and (noun not in WORD_PREFIXES or first == 1) for noun in nouns):
            return answer_type
    if organisation_head(suffix):
        return "organisation"
    if suffix.startswith(PERSON_CLASSIFIER):
        return "person"
    if not head:
        for answer_type, nouns in HEAD_NOUNS:
            if any(tail.endswith(noun) for noun in nouns):
                return answer_type
    return default


def naming_verb(wh: str, prefix: str, suffix: str) -> str:
    """The naming verb (:data:`NAMING_VERB`) right before a closing 什么 (叫 of 所在的社区叫什么), or ""."""
    found = NAMING_VERB.search(prefix) if wh == "什么" and not suffix else None
    return found.group() if found else ""


def asks_name_origin(question: QuestionInfo) -> bool:
    """Whether a question asks where a name came from (:data:`NAME_ORIGIN`)."""
    return question.type == "reason" and origin_asked(question.text, len(question.prefix))


def origin_asked(text: str, wh_start: int) -> bool:
    """Whether ``text`` asks where a name came from with its interrogative, which starts at ``wh_start``, at or after
    the words that ask it (名称是怎么来的; not 将什么视为国名来源)."""
    origin = NAME_ORIGIN.search(text)
    return origin is not None and origin.start() <= wh_start


def asks_name(question: QuestionInfo) -> bool:
    """Whether a question asks what something is called: 称为什么, 被称为, 叫做什么, a naming verb before a closing
    什么 (所在的社区叫什么), or another name of it (:func:`asks_alias`)."""
    return (question.wh in NAME_ASKED or bool(naming_verb(question.wh, question.prefix, question.suffix))
            or asks_alias(question))


def asks_alias(question: QuestionInfo) -> bool:
    """Whether a question asks for another name of something: an alias noun right before the interrogative and
    nothing after it (盾柱木的别名是什么, 刺角瓜又名什么), the noun alone after it (又有哪一个俗称), a naming verb
    made one by 又, 也, 亦 or 或 (内台航路也叫什么, 阿閦佛又称之为什么, 又被称为), or a name earned
    (:func:`asks_epithet`)."""
    return (bool(ALIAS_BEFORE.search(question.prefix)) and not question.suffix.strip("?？")
            or bool(ALIAS_AFTER.match(question.suffix.rstrip("?？")))
            or question.wh in NAME_ASKED and re.search(f"{ALSO_CALLED}$", question.prefix) is not None
            or asks_epithet(question.prefix, question.suffix))


def asks_epithet(prefix: str, suffix: str) -> bool:
    """Whether the interrogative asks for a name of praise or a nickname (王爱爱有什么美誉, 杜林获得什么称号,
    松嫩平原腹地有何称号, 他的外号是什么): a noun of :data:`EPITHET_NOUNS` alone after it, or right before it with
    nothing after."""
    return (re.fullmatch(rf"(?:的|之)?(?:{EPITHET_NOUNS})", suffix.rstrip("?？")) is not None
            or bool(EPITHET_ASKED.search(prefix)) and not suffix.strip("?？"))


def short_form_asked(question: QuestionInfo) -> str:
    """The short form whose full name the question asks for (首钢 of 首钢是什么的简称, dq of DQ是哪个公司的缩写), or ""."""
    if not SHORT_FORM_ASKED.match(question.suffix):
        return ""
    return re.sub(r"(?:是|为)$", "", question.prefix)


RATIO_ASKED = re.compile(r"比例|比率|比值|比分|比数")
"""Nouns with which a quantity question asks for a ratio or a score (男女生比例是多少, 比数是多少)."""


def asks_ratio(question: QuestionInfo) -> bool:
    """Whether a quantity question asks for a ratio or a score (:data:`RATIO_ASKED`), which 1:7 or 2比1 answers."""
    return question.type == "quantity" and bool(RATIO_ASKED.search(question.text))


ORDINAL_WH = ("第几", "哪一", "哪")
"""Interrogatives of a quantity question that ask for an ordinal: 第几区, and 哪一代 (answered by 第二代)."""


def asks_ordinal(question: QuestionInfo) -> bool:
    """Whether a question asks for an ordinal (第几区, 第几的产业, 哪一代战机)."""
    return question.type == "quantity" and question.wh in ORDINAL_WH


def asks_point_of_time(question: QuestionInfo) -> bool:
    """Whether a time question asks for one point of time (:data:`POINT_ASKED`), which one time of a range
    answers, not the range."""
    return question.type == "time" and bool(POINT_ASKED.search(question.text))


def range_side_asked(question: QuestionInfo) -> str:
    """Which end of a range of time a question's interrogative asks for: ``"start"`` (何时开始, 自哪一年), ``"end"``
    (何时结束, 哪一年为止) or "" (从1976年开始…到何时 asks for neither: its 开始 is the question's own)."""
    if question.type != "time":
        return ""
    if RANGE_START_BEFORE.search(question.prefix) or RANGE_START_ASKED.search(question.suffix):
        return "start"
    return "end" if RANGE_END_ASKED.search(question.suffix) else ""


def asks_post(prefix: str, suffix: str) -> bool:
    """Whether the interrogative asks for a post (担任什么职务, 陈永滔的职务是什么)."""
    return bool(POST_ASKED.match(suffix) or POST_ASKED.search(prefix.rstrip("的是为")[-2:]))


def asks_occupation(prefix: str, suffix: str) -> bool:
    """Whether the interrogative asks what someone does for a living (杨昊的职业是什么, 从事什么职业)."""
    return suffix.startswith(OCCUPATION_ASKED) or prefix.rstrip("的是为").endswith(OCCUPATION_ASKED)


def trade_asked(question: QuestionInfo) -> bool:
    """Whether an analysed question of a thing asks someone's trade (:func:`asks_occupation`)."""
    return question.type in OCCUPATION_TYPES and asks_occupation(question.prefix, question.suffix)


def organisation_head(suffix: str) -> str:
    """The organisation noun that heads the asked-about phrase (``党支部`` in ``临时党支部的…``), or ""."""
    return kind_of_body(re.split(r"[的是了,，]", suffix, maxsplit=1)[0][:8])


def kind_of_body(phrase: str) -> str:
    """The longest kind of body (an organisation noun of :data:`HEAD_NOUNS`) that ends a noun phrase (公司 of 石油公司,
    党支部 of 临时党支部), or ""."""
    return max((noun for noun in dict(HEAD_NOUNS)["organisation"] if phrase.endswith(noun)), key=len, default="")

