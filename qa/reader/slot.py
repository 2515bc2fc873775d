"""Aligning a question with a sentence around its interrogative: the gap the question leaves is the answer slot."""

from __future__ import annotations

import re

from qa.reader.definitions import defined_term, definitions
from qa.reader.patterns import (ITEM_SEPARATORS, NOUN_JOINERS, PERIOD_NOUNS, PLACE_SUFFIXES, dictionary_words,
                                noun_chunks, time_ranges)
from qa.reader.questions import CLASSIFIERS, REASON_NOUNS, QuestionInfo, asks_several, organisation_head
from qa.reader.spans import clause_bounds, clause_breaks, is_numeral, tagged, trim, word_at

NOUN_TYPES = ("organisation", "identity", "other", "place", "person")
"""Question types whose interrogative may be followed by the noun asked for (哪一个帝国, 什么组织)."""
JOINED_ITEM = "(?:" + "|".join(NOUN_JOINERS) + r")[^,，。;；、]{{0,8}}?{noun}"
"""Another item of the noun a list question asks for, joined on (和防疫物资 after 生活物资)."""
NOUN_KEPT = ("other", "place", "list")
"""Question types whose slot keeps the noun asked for where the sentence has it right after (什么充值问题 → 天然气卡充值问题,
哪个街道 → 城南街道, 哪些物资 → 生活物资和防疫物资); not after 的, where the noun heads the items before it (接力赛的世界纪录
answers 哪些世界纪录 with 接力赛) or, for other questions, a modifier that names the kind asked for (:func:`names_a_kind`:
伦敦大学的名义 answers 以什么名义 with 伦敦大学); and for places only a word that ends a place's name
(:data:`PLACE_SUFFIXES`: 哪个国家 is answered by 西班牙, not by …两个国家); a time question's slot keeps only a period's
noun (:data:`KEPT_NOUNS`)."""
KEPT_NOUNS = {"place": PLACE_SUFFIXES, "time": PERIOD_NOUNS}
"""The only nouns asked for a slot of these question types keeps: a word that ends a place's name, a period's noun
(什么时期 → 西周时期; not 哪一个月份, whose noun the text need not write)."""
KIND_MODIFIER_CHARS = 8
"""The most characters of a modifier before 的 + the noun asked for that name the kind asked for; a longer one is a
clause the noun stays with (六浦－神武寺2.8公里的路段 for 哪个路段)."""
CLAUSE_OPENING_TAGS = ("c", "u")
"""Tags of a first word that make what follows a clause, not a modifier naming a kind (只有私人土地上的纽西兰鸡毛松)."""
EQUATED_NOUN = re.compile(r"(?:^|的)([^的]+?)(?:都|也|就|即|则)?(?:为|是)$")
"""What a question with no interrogative equates its answer with: the phrase before its closing 为 or 是."""
PLACE_EQUATED = re.compile(r"(?:^|的)([^的]+?)(?:叫做|叫|是|为)$")
"""What a place question ending in its interrogative equates its answer with (社区 in 所在的社区叫什么)."""
ATTRIBUTE_BEFORE = r"{attribute}[:：]?(?:是|为|乃|叫做|叫|称为|即)?$"
"""An attribute the sentence names right before a value (分子式为, 字, 英文名:)."""
MOST_SLOT_CHARS = 60
"""A longer gap between a question's words in a sentence is no slot ..."""
MOST_SLOT_CHARS_SEVERAL = 120
"""... except for a question asking for several things, whose items may run long (分布于老挝、朝鲜…各省等地)."""
COPULAS = ("是", "为", "乃")
COPULA_REACH = 4
"""A copula this many characters or fewer before the question's words in the sentence equates them with its subject."""
ADVERBS_BEFORE_COPULA = re.compile("[则就即也都亦]*$")
"""Adverbs that may stand between a subject and its copula (锡克教则为)."""
VERBS_BEFORE_WEI = set("称成作视改定选列任封评誉名译")
"""Characters that make 为 after them part of a verb (称为, 视为, 评为), not a copula, even where jieba splits them."""
ECHO_CHARS = 4
"""The fewest characters of what a question says before 是哪一个 + noun that, repeated right after a copula in the
sentence, make the copula's subject its answer (…，锡克教则为最大的传统非主流宗教 for 全球最大的传统非主流宗教是哪一个宗教)."""
NOT_NOUN_TAGS = ("v", "a", "d", "p", "c", "u", "m", "q", "r", "t", "f")
"""Tags of words that are no noun asked for (jieba tags a lone 文明 nr, so the noun tags are not listed)."""
NAME_NOUNS = ("名字", "名称", "姓名", "全称", "简称", "称号")
"""Nouns that ask for a name, not for a thing of their kind (以前的名字为 is not answered by a word ending in 字)."""
ANOTHER = re.compile(r"另一|还有|(?:以及|和|与|及)(?=哪|什么|$)")
"""Where a question turns from an item it names to another it asks for."""
EXCEPT = re.compile(r"除了?(?P<items>[^,，]+?)(?:之外|以外|外)?(?=[,，]|还|也|另|哪|什么|$)")
"""Items a question sets aside (除了希腊文、希伯来文，还有哪种语言)."""
REST_CHARS = 3
"""The most characters of a question's prefix after its last word found that are looked for beyond it ..."""
REST_GAP = 4
"""... this many characters on at most (a name the question leaves out: 党委书记古辉到)."""
WH_VERB = re.compile("位于")
"""A verb place interrogatives of :data:`qa.reader.questions.CHINESE_PATTERNS` start with (位于哪)."""
OWNED_MIN_CHARS = 3
"""The fewest characters of a question's owned part (的十世孙, 的 included) that frame a slot where a sentence has them."""
TIME_CLAUSE_WORDS = ("时", "时候", "后", "之后", "以后", "前", "之前", "以前", "期间")
"""Words that end a clause setting the time of the next (画直棱柱时, 人取桥之战后; not the 后 of 皇后)."""
WH_NOUN = re.compile(r"(?<=[个家所支])[^个家所支]{2,}$")
"""The noun an organisation's interrogative holds after its classifier (公司 of 哪个公司, 机构 of 哪个机构)."""
PREFIX_PARTICLES = {"是", "为", "叫", "叫做", "有", "在", "了", "的", "着", "过", "将", "被"}

DIRECTIONAL_COMPLEMENTS = "往至到入进去抵"
"""Complements of direction a verb takes one for another (迁往, 迁至, 迁入, 迁抵; 追溯至, 追溯到): a passage answers
迁往何处 with 迁至金华."""


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


def directional_variant_in(prefix: str, folded: str) -> tuple[int, int] | None:
    """Where the verb that ends a question's prefix with a complement of direction (:data:`DIRECTIONAL_COMPLEMENTS`)
    stands last in ``folded`` with that complement or another (迁往 of 遷往何處 against 省政府迁至金华)."""
    words = tagged(prefix)
    if not words:
        return None
    start, end, flag = words[-1]
    if not flag.startswith("v") or end - start < 2 or prefix[end - 1] not in DIRECTIONAL_COMPLEMENTS:
        return None
    found = [*re.finditer(re.escape(prefix[start:end - 1]) + f"[{DIRECTIONAL_COMPLEMENTS}]", folded)]
    return found[-1].span() if found else None


def verb_in_interrogative(wh: str) -> str:
    """The verb a place interrogative holds (位于 in 位于哪): the sentence's answer follows it, so it frames the slot."""
    found = WH_VERB.match(wh)
    return found.group() if found else ""


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


def nominal_head(suffix: str) -> str:
    """The nouns that start a question's suffix (充值问题 in 什么充值问题): the asked-for thing's head noun, which
    the answer keeps when the sentence has it right after the slot (天然气卡充值问题)."""
    end = 0
    for start, stop, flag in tagged(suffix):
        if start != end or not flag.startswith(("n", "vn", "an", "a")) or flag == "nr":
            break
        end = stop
    return suffix[:end]


def first_word(text: str) -> str:
    """The word ``text`` starts with, by jieba (层 in 层又可以称之为心外膜, 窗口)."""
    words = tagged(text)
    return text[:words[0][1]] if words else ""


def joined_item(folded: str, end: int, noun: str) -> int:
    """Where a further item of the same noun joined on at ``end`` ends (生活物资 + 和防疫物资), or 0."""
    found = re.compile(JOINED_ITEM.format(noun=re.escape(noun))).match(folded, end)
    return found.end() if found else 0


def asked_part(question: QuestionInfo) -> str:
    """What follows the question's interrogative, without a leading 的, 是 or 了."""
    return re.sub(r"^(?:的|是|了)", "", question.suffix)


def owns_what_follows(question: QuestionInfo) -> bool:
    """Whether the question's interrogative owns what follows it (与什么的迅速普及, 哪一个国家的首都): the noun after
    的 is no head of the answer and stays out of it (电子邮件, not 电子邮件的迅速普及); 什么样的 asks for a kind of
    that noun."""
    return question.suffix.startswith("的") and not question.wh.endswith("样")


def names_a_kind(modifier: str) -> bool:
    """Whether the words before 的 + a noun name a kind of it (唯泰主义 of 以唯泰主义的意识型态, 杀虫 of 杀虫的效果): past a
    leading preposition, at most :data:`KIND_MODIFIER_CHARS` characters, not opening with a conjunction or particle
    (只有私人土地上的) and stating no act (以创造新的文字)."""
    words = [word for word in tagged(modifier) if word[2] != "x"]
    while words and words[0][2].startswith("p"):
        words.pop(0)
    return (bool(words) and words[-1][1] - words[0][0] <= KIND_MODIFIER_CHARS
            and not words[0][2].startswith(CLAUSE_OPENING_TAGS)
            and not any(flag.startswith("v") and flag != "vn" for _, _, flag in words))


def asked_noun(question: QuestionInfo) -> str:
    """The noun word a question of one of the :data:`NOUN_TYPES` asks for: the noun its interrogative holds
    (公司 of 哪个公司达成协议, not 达成协议); :func:`named_noun` after its
    interrogative; with nothing after it, for a place :func:`equated_place`, for a bare 哪 (哪一个, 哪种) that does
    not ask for a person :func:`equated_noun`, as with no interrogative (最大油田是哪一个; not 命名为什么 nor
    作者是谁); failing all, :func:`sibling_head`; else "" (and for 谁的 or 哪里的 + noun, which asks for the noun's
    owner or place: 以谁的名义 is answered by 党委, not 党委名义)."""
    if question.type not in NOUN_TYPES or question.type in ("person", "place") and question.suffix.startswith("的"):
        return ""
    if question.type == "organisation" and (named := WH_NOUN.search(question.wh)):
        return named.group()
    asked = asked_part(question)
    if question.wh and asked and not re.fullmatch(f"[{CLASSIFIERS}]", asked):
        noun = named_noun(question)
    elif question.wh and question.type == "place":
        noun = equated_place(question.prefix)
    elif not question.wh or question.type != "person" and asks_which(question.wh):
        noun = equated_noun(question.prefix)
    else:
        noun = ""
    return noun or sibling_head(question.text)


def asks_which(wh: str) -> bool:
    """Whether an interrogative is a bare 哪 with at most 一 and a classifier (哪一个, 哪种), naming no noun."""
    return wh.rstrip("一" + CLASSIFIERS) == "哪"


def asks_a_place_level(question: QuestionInfo, noun: str) -> bool:
    """Whether a place question names the kind of place it asks for (哪个街道, 社区叫什么): ``noun``, its
    :func:`asked_noun`, is one of the :data:`PLACE_SUFFIXES`."""
    return question.type == "place" and noun in PLACE_SUFFIXES


def equated_place(prefix: str) -> str:
    """The kind of place a question names before a closing 叫, 是 or 为 and its interrogative (社区 in
    莱茵春天小区所在的社区叫什么), when it is one of the :data:`PLACE_SUFFIXES`; else ""."""
    equated = PLACE_EQUATED.search(prefix)
    words = tagged(equated.group(1)) if equated else ()
    noun = equated.group(1)[words[-1][0]:] if words else ""
    return noun if noun in PLACE_SUFFIXES else ""


NOUN_TAGS = ("n", "t")
"""jieba's tags of a noun a question may ask for, nouns of time among them (哪一节日); after a classifier a verbal
noun too (哪一场革命)."""
NOUN_MODIFIER_TAGS = ("f", "b")
"""Tags of a word that only qualifies the noun after it (外来 of 哪一外来宗教, 主要 of 哪一主要城市)."""


def named_noun(question: QuestionInfo) -> str:
    """The noun word right after a question's interrogative and any classifier (语言 in 哪一门语言, 帝国 in 哪一个帝国,
    纸张 in 什么纸张, 革命 in 哪一场革命, 肉 in 哪一种肉 where jieba guessed 种肉 a word, 书 in 哪一本书 where it guessed
    本书 a pronoun, 文章 in 哪一篇文章 where its dictionary has 篇文章; a lone character keeps the question's own tag:
    jieba's dictionary tags 村 zg) past a word only qualifying it (宗教 in 哪一外来宗教), or ""."""
    suffix = re.sub(f"^一[{CLASSIFIERS}]?", "", asked_part(question))
    words = [(suffix[start:end], flag) for start, end, flag in tagged(suffix)]
    if words and len(words[0][0]) > 1:
        words = dictionary_words(words[0][0]) + words[1:]
    classified = len(words) > 1 and words[0][0] in CLASSIFIERS
    if classified:
        words = words[1:]
    while len(words) > 1 and words[0][1] in NOUN_MODIFIER_TAGS and words[1][1].startswith(NOUN_TAGS):
        words = words[1:]
    word, flag = words[0] if words else ("", "")
    if len(word) > 1 and word[0] in CLASSIFIERS and not flag.startswith(NOUN_TAGS):
        word, flag, classified = word[1:], (tagged(word[1:]) or ((0, 0, ""),))[0][2], True
    elif len(word) > 2 and word[0] in CLASSIFIERS:
        word = word[1:]
    return word if flag.startswith(NOUN_TAGS) and flag != "nr" or classified and flag == "vn" else ""


def before_another(text: str) -> str:
    """What a question says before it turns to another item (:data:`ANOTHER`), without a closing 之外 or comma; ""
    when it does not turn."""
    cue = ANOTHER.search(text)
    return re.sub(r"(?:之外|以外|[,，、])+$", "", text[:cue.start()]) if cue else ""


def sibling_head(text: str) -> str:
    """For a question that asks for another item than one it names (一个是天主教，另一个是？, 分裂为德意志民主共和国以及？),
    the last character of that item: its sibling in the sentence often shares it (东正教, 德意志联邦共和国); else ""."""
    named = before_another(text)
    words = tagged(named)
    if not words or not words[-1][2].startswith(("n", "j", "l")) or words[-1][1] - words[-1][0] < 2:
        return ""
    return named[-1]


def named_items(text: str) -> tuple[str, ...]:
    """The items a question names beside the one it asks for: those it sets aside with 除了 (希腊文, 希伯来文), or
    the item before it turns to another (天主教 in 一个是天主教，另一个是？; 日本电气 in 是日本电气还有哪一家公司)."""
    excepted = EXCEPT.search(text)
    if excepted:
        named = re.sub(r"^(?:有|是)", "", excepted.group("items"))
    elif before := before_another(text):
        clause = re.split(r"[,，]", before)[-1]
        named = re.split(r"是|为", clause)[-1]
    else:
        return ()
    items, position = [], 0
    for start, end, flag in tagged(named):
        if named[start:end] in ITEM_SEPARATORS + ("，", ",") and flag != "p":  # 与 joining, not 与刘宋有关系
            items.append(named[position:start])
            position = end
    items.append(named[position:])
    if not excepted:  # the first item without what its clause says before it (包括320国道, 由希腊文)
        items[0] = last_noun_phrase(items[0]) if named == clause else without_leading_preposition(items[0])
    return tuple(item for item in items if len(item) >= 2)


def last_noun_phrase(text: str) -> str:
    """The longest noun phrase that ends ``text`` (劳动阶级的利益, not 利益), else its last one, else ``text``."""
    chunks = noun_chunks(text)
    ending = [start for start, end in chunks if end == len(text)]
    if ending:
        return text[min(ending):]
    return text[chunks[-1][0]:chunks[-1][1]] if chunks else text


def without_leading_preposition(text: str) -> str:
    """``text`` without the prepositions that lead it (由希腊文 → 希腊文; a verb stays: 应用心理学)."""
    words = tagged(text)
    lead = next((index for index, (_, _, flag) in enumerate(words) if not flag.startswith("p")), len(words))
    return text[words[lead][0]:] if 0 < lead < len(words) else text


def equated_noun(prefix: str) -> str:
    """The noun a question with no interrogative equates its answer with, before its closing 为 or 是 (文明 in
    最早发展都市计划的文明为), unless it asks for a name or a reason; else ""."""
    equated = EQUATED_NOUN.search(prefix)
    words = tagged(equated.group(1)) if equated else ()
    if not words or words[-1][2].startswith(NOT_NOUN_TAGS):
        return ""
    noun = equated.group(1)[words[-1][0]:]
    return noun if len(noun) >= 2 and noun not in REASON_NOUNS + NAME_NOUNS else ""


def owned_part(question: QuestionInfo, suffix: str) -> tuple[str, str] | None:
    """For a question asking which noun owns something (哪一个皇帝的十世孙, 哪个国家的首都): its noun and what
    follows the noun, from 的 on; else None."""
    noun = named_noun(question) if question.wh else ""
    position = suffix.find(noun + "的") if noun else -1
    rest = suffix[position + len(noun):] if position >= 0 else ""
    return (noun, rest) if 0 <= position <= 1 and len(rest) >= OWNED_MIN_CHARS else None


def owned_anchor(owned: tuple[str, str], folded: str, start: int) -> tuple[int, int] | None:
    """Where the sentence names what a :func:`owned_part` question owns, with its owner before it but not the
    question's noun (宋太祖赵匡胤的十世孙 for 哪一个皇帝的十世孙): the right edge of the slot; else None."""
    found = longest_head_in(owned[1], folded, start)
    if not found or found[1] - found[0] < OWNED_MIN_CHARS or folded[:found[0]].endswith(owned[0]):
        return None
    return found


def verb_before(prefix: str, folded: str, end: int) -> tuple[int, int] | None:
    """Where the character that ends a question's prefix stands as a word of its own in the clause before ``end``,
    when the rest of the prefix is not there (邓铭东用什么为群众录入信息 against 他用自己的手机为群众录入信息 frames
    自己的手机) or stands in an earlier clause (古辉以什么名义做好解释工作 against 古辉到…,并及时以党委名义做好解释工作
    frames 党委名义)."""
    start = clause_bounds(folded, end)[0]
    for first, stop, _ in reversed(tagged(folded)):
        if start <= first and stop < end and stop - first == 1 and folded[first] == prefix[-1]:
            return first, stop
    return None


def word_end_anchor(folded: str, anchor: tuple[int, int] | None) -> tuple[int, int] | None:
    """An anchor that ends where a word of the sentence ends: one ending inside a verb is taken to the verb's end
    (改组 in 改组成), one ending inside any other word is none (邓铭 in 邓铭东同志 frames no answer), and one ending on
    a number that goes on as a date is taken past the date (the 2000 of 1998年6月至2000年4月任… frames 任…, not
    年4月任…)."""
    if anchor is None or anchor[1] == 0:
        return anchor
    if is_numeral(folded[anchor[1] - 1]):
        date_end = next((end for start, end in time_ranges(folded) if start < anchor[1] < end), 0)
        if date_end:
            return anchor[0], date_end
    word = word_at(tagged(folded), anchor[1] - 1)
    if word is None or word[1] == anchor[1]:
        return anchor
    return (anchor[0], word[1]) if word[2].startswith("v") else None


def past_the_rest(prefix: str, folded: str, anchor: tuple[int, int]) -> tuple[int, int]:
    """An anchor on a word inside the prefix, moved past the rest of the prefix where the sentence has it a few
    characters on (云潭镇党委书记到哪里 against 镇党委书记古辉到核酸检测现场: past 到, not 党委书记)."""
    rest = prefix[prefix.rfind(folded[anchor[0]:anchor[1]]) + anchor[1] - anchor[0]:]
    if not rest or len(rest) > REST_CHARS:
        return anchor
    position = folded.find(rest, anchor[1], anchor[1] + len(rest) + REST_GAP)
    return (anchor[0], position + len(rest)) if position >= 0 else anchor


def frames_next_clause(folded: str, end: int) -> bool:
    """Whether the question's words found in the sentence up to ``end`` close a clause that only sets the time of the
    next one (2013年3月，当选为… for 2013年3月担任什么职务; 画直棱柱时，应将… for 画直棱柱时有什么注意事项): what the
    question asks is said in that next clause."""
    if end not in clause_breaks(folded):
        return False
    start = clause_bounds(folded, end)[0]
    last = word_at(tagged(folded), end - 1) if end > start else None
    return (last is not None and folded[last[0]:last[1]] in TIME_CLAUSE_WORDS
            or any(a <= start and end <= b for a, b in time_ranges(folded)))


def names_the_attribute(folded: str, question: QuestionInfo, start: int) -> bool:
    """Whether a question asking for an attribute of something (乙酰胺的分子式是什么, 魏玩的字是什么) has the sentence name
    that attribute right before its slot at ``start``, a copula between them or not (分子式为CHCONH, 字玉汝); a slot
    framed by the thing alone (魏玩随往京城汴梁) holds no value of it."""
    _, of, attribute = question.prefix.rpartition("的")
    named = ATTRIBUTE_BEFORE.format(attribute=re.escape(attribute))
    return bool(of and attribute) and re.search(named, folded[:start]) is not None


def names_noun_alone(question: QuestionInfo) -> bool:
    """Whether all a question has after its interrogative is the noun it asks for (是哪一个宗教)."""
    noun = named_noun(question)
    return bool(noun) and re.sub(f"^一?[{CLASSIFIERS}]?", "", question.suffix) == noun


def subject_adjoining_copula(folded: str, echo: tuple[int, int]) -> tuple[int, int] | None:
    """For a question that equates something with the noun it asks for (全球最大的传统非主流宗教是哪一个宗教), the noun
    phrase standing right before a copula word (adverbs such as 则 between them) that comes right before the
    sentence's ``echo`` of what the question says (锡克教 in 锡克教则为最大的传统非主流宗教); ``None`` without one."""
    if echo[1] - echo[0] < ECHO_CHARS:
        return None
    copula = next((start for start, end, _ in tagged(folded) if end == echo[0] and folded[start:end] in COPULAS), -1)
    if copula < 0 or folded[copula] == "为" and folded[copula - 1:copula] in VERBS_BEFORE_WEI:
        return None
    subject_end = copula - len(ADVERBS_BEFORE_COPULA.search(folded[:copula])[0])
    chunks = [(a, b) for a, b in noun_chunks(folded[:subject_end]) if b == subject_end and b - a > 1]
    return chunks[0] if chunks else None


def subject_before_copula(folded: str, anchor: int) -> tuple[int, int] | None:
    """For a question that ends where the sentence's clause ends (全美国第二大的学生活动中心为何 against …，是全美第二大的
    学生活动中心。), what the sentence equates with it: the first noun phrase before the copula standing just before
    the question's words (印第安纳大学俱乐部), not one that starts with a digit (1928年); ``None`` without such a
    copula."""
    reach = folded[max(0, anchor - COPULA_REACH):anchor]
    copula = max(reach.rfind(word) for word in COPULAS)
    if copula < 0:
        return None
    copula += max(0, anchor - COPULA_REACH)
    chunks = [(a, b) for a, b in noun_chunks(folded[:copula]) if not folded[a].isdigit()]
    return chunks[0] if chunks else None


def slot(folded: str, question: QuestionInfo) -> tuple[int, int, float] | None:
    """Align the question around its interrogative with the sentence; the gap is the answer slot.

    ``X坚持什么施政理念`` against ``…坚持“人民至上 生命至上”的施政理念`` gives the quoted phrase.
    The slot stays within one clause (the one before, when the question's words start a clause: “三人小组”,坚持每日上门
    for 谁坚持每日上门); for an organisation it keeps its head noun (哪个党支部 → …党支部), and for
    什么 + noun the noun when the sentence has it right after (什么充值问题 → 天然气卡充值问题). A question asking
    which noun owns something is framed by what is owned, where the sentence has it without that noun
    (:func:`owned_part`: 宋太祖赵匡胤的十世孙 for 哪一个皇帝的十世孙).

    A what-is question's slot is the definition the sentence gives its term (:mod:`qa.reader.definitions`), fully
    framed.

    Returns:
        ``(start, end, strength)``: the gap and how much of the question's context frames it (0..1).
    """
    term = defined_term(question)
    defined = [trim(folded, *span) for span in definitions(folded, term)] if term else []
    if defined and defined[0][1] > defined[0][0]:
        return (*defined[0], 1.0)
    prefix = strip_particles(question.prefix + verb_in_interrogative(question.wh))
    before = [w for w in question.words if w in prefix]
    suffix = asked_part(question)
    if question.measure:
        suffix = suffix[len(question.measure):]
    head = organisation_head(suffix) if question.type == "organisation" else ""
    left = (longest_tail_in(prefix, folded) or directional_variant_in(prefix, folded)
            or last_word_in(prefix, question.words, folded)) if len(prefix) >= 2 else None
    left = word_end_anchor(folded, left)
    if left and not prefix.endswith(folded[left[0]:left[1]]):
        left = past_the_rest(prefix, folded, left)
    right = longest_head_in(suffix, folded, left[1] if left else 0) if len(suffix) >= 2 else None
    owned = owned_part(question, suffix)
    owned_at = owned_anchor(owned, folded, left[1] if left else 0) if owned else None
    owner_noun = ""  # the question's noun, when what it owns frames the slot without it
    if owned_at and (not right or right[1] - right[0] <= len(owned[0])):
        right, owner_noun = owned_at, owned[0]
    if left and not right and names_noun_alone(question) and (subject := subject_adjoining_copula(folded, left)):
        return (*subject, anchor_strength(before, folded[subject[1]:]))
    if left and not right and len(suffix) >= 2:
        right = longest_head_in(suffix, folded, 0)
        if right and right[0] < left[0]:
            left = None
        else:
            right = None
    if right and prefix and (not left or not prefix.endswith(folded[left[0]:left[1]])
                             and clause_breaks(folded, left[1], right[0])):
        left = verb_before(prefix, folded, right[0]) or left
    if left and right:
        start, end = left[1], right[0]
    elif left:
        start = left[1] + 1 if frames_next_clause(folded, left[1]) else left[1]
        end = clause_bounds(folded, start)[1]
    elif right:
        start, end = clause_bounds(folded, right[0])[0], right[0]
        if start == end and start > 0:
            start, end = clause_bounds(folded, start - 1)
    else:
        return None
    if head and right:
        reach = suffix.find(head) + len(head)
        if folded[right[0]:right[0] + reach] == suffix[:reach]:
            end = right[0] + reach
    elif (right and (question.type in NOUN_KEPT or question.type in KEPT_NOUNS) and right[0] == end
          and not owns_what_follows(question)
          and (folded[end - 1] != "的" or question.type == "other" and not names_a_kind(folded[start:end - 1]))):
        noun = nominal_head(suffix) or (first_word(suffix) if end - start == 1 else "")
        end += len(noun) if folded.startswith(noun, end) and noun in KEPT_NOUNS.get(question.type, (noun,)) else 0
        while noun and question.type == "list" and (more := joined_item(folded, end, noun)):
            end = more
    breaks = clause_breaks(folded, start, end)
    if breaks:
        end = breaks[0] if left or not right else end
        start = start if left or not right else breaks[-1] + 1
    start, end = trim(folded, start, end)
    if end <= start and left and not right and not suffix:
        subject = subject_before_copula(folded, left[0])
        return (*subject, anchor_strength(before, folded[subject[1]:])) if subject else None
    if end <= start or end - start > (MOST_SLOT_CHARS_SEVERAL if asks_several(question) else MOST_SLOT_CHARS):
        return None
    after = [w for w in question.words if w in suffix and w not in before and w != owner_noun]
    kept_noun = right is not None and (question.type in ("place", "list") or question.type == "time"
                                       and folded[start:end].endswith(PERIOD_NOUNS))  # the noun kept frames it
    following = folded[min(end, right[0]):] if kept_noun else folded[end:]
    strength = (anchor_strength(before, folded[:start]) * len(before) + anchor_strength(after, following) *
                len(after)) / max(1, len(before) + len(after))
    return start, end, strength

