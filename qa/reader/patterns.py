"""Typed spans in a folded sentence: quantities, times, enumerations, identities, named entities, and reason or
manner clauses. Pure functions; folded text has the original's length, so every span indexes the original too."""

from __future__ import annotations

import re
from collections.abc import Callable

from qa.reader.questions import ALIAS_NOUNS, EPITHET_NOUNS, QuestionInfo, asks_name_origin
from qa.reader.spans import (CHINESE_DIGITS, CURRENCIES, DATE_UNITS, LATIN_MEASURE, clause_bounds, clauses,
                             dictionary_count, is_numeral, quoted_ranges, tagged, words_within)

ONE_NUMERAL = rf"(?:\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|[{CHINESE_DIGITS}]*(?:十几|几十|几百|几千|几万)[{CHINESE_DIGITS}]*|[{CHINESE_DIGITS}]+|半)"
NUMERAL = rf"(?:{ONE_NUMERAL}(?:[-~—至到]{ONE_NUMERAL})?)"
RANGE_JOINERS = ("至", "到", "-", "~", "—", "–")
"""What joins two quantities into a range (200米至2,300米)."""
APPROXIMATE = r"(?:约|近|超过|逾|将近|大约|不到|不足|多达|高达)"
MEASURES = sorted(
    "人次 个小时 小时 分钟 平方公里 平方米 公里 千米 公斤 千克 万元 亿元 个月 名 位 个 人 户 轮 项 件 天 次 家 所 "
    "条 元 岁 年 周 米 吨 辆 台 场 批 支 份 张 套 间 栋 座 层 例 剂 % 倍 组 队 处 种 部 首 本 篇 届 期 集 枚 架 艘 片 亩 "
    "公顷 级 代 度 克 块 颗 只 头 匹 秒 号 路 点 英里 英尺 厘米 毫米 升 年级 强 季 个多月 个半月 个多小时 个半小时 个星期 "
    "星期 昼夜 公尺 公分 公厘 公克 公升 公吨 平方公尺 立方公尺 立方米 千瓦 兆瓦 千兆瓦 瓦 英寸 海里 光年 毫升 吨级 席 册 卷 股 "
    "幅 幕 章 节 类".split() + list(CURRENCIES),
    key=len, reverse=True)
DURATION_UNITS = ("天", "小时", "分钟", "个月", "个多月", "个半月", "年", "周", "星期", "秒", "昼夜", "夜")
DURATION_MEASURE = re.compile(r"(?:" + "|".join(DURATION_UNITS) + r")(?:多|余)?$")
MEASURE = "(?:" + "|".join(re.escape(m) for m in MEASURES) + f"|{LATIN_MEASURE})"
FRACTION = rf"(?:\d+|[{CHINESE_DIGITS}]+)分之(?:\d+(?:\.\d+)?|[{CHINESE_DIGITS}]+)"
"""A fraction or share as Chinese writes it: 五分之一, 三分之二, 百分之十五, 千分之三, 百万分之一."""
QUANTITY = re.compile(
    rf"(?:{APPROXIMATE})?(?:{FRACTION}|第?{NUMERAL}(?:多|余|来)?(?:[十百千万亿]+)?(?:多|余)?(?:{MEASURE})?(?:多|余)?)")
COMPOUND_QUANTITY = re.compile(
    r"\d+个?小时\d+分钟?(?:\d+秒)?|\d+分\d+秒(?:\d{1,2}(?!\d))?|\d米\d{1,2}(?![\d\w])"
    r"|\d+(?:°|度)\s?\d+(?:′|')(?:\s?\d+(?:\.\d+)?(?:″|\"))?|\d+(?:呎|英尺)\d+(?:吋|英寸)")
"""A quantity in two or more units, the larger first: 1小时20分, 3分33秒62 (a race's time), 1米93 (a height),
23°26′31" (a latitude), 6呎11吋."""
DAY_PART = r"(?:凌晨|清晨|早上|早晨|上午|中午|下午|傍晚|晚上|夜间|深夜|当晚|当天|次日)"
CLOCK = (rf"(?:{DAY_PART}|晚)?(?:(?:\d{{1,2}}|[一二三四五六七八九十]{{1,3}})[时点](?:\d{{1,2}}分|半|许)?"
         rf"|(?:[01]?\d|2[0-4]):[0-5]\d(?::[0-5]\d)?(?![\d:]))|{DAY_PART}")
"""A time of day: 凌晨2时, 晚上8点半, 上午11:00 (the hour and minutes of a clock, not a ratio such as 1:100)."""
DAY = r"(?:\d{1,2}|[一二三四五六七八九十廿卅]{1,3})[日号]"
MONTH = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3}|正)月(?:份)?"
LUNAR_DATE = (r"(?:[一二三四五六七八九十]{1,3}|正|冬|腊)月"
              r"(?:初[一二三四五六七八九十]|[十廿][一二三四五六七八九]|二十[一二三四五六七八九]?|三十)"
              r"(?:日|(?![号〇零一二三四五六七八九十\d]))")
"""A day of a month as histories write it, counted from 初 or without 日 (七月初四, 五月初九日, 七月十一, 腊月廿六): the
month in Chinese numerals."""
CALENDAR = r"(?:(?:公元|西元)前?|(?:中华)?民国)"
"""The calendar a year may be counted in: 公元前, 西元 (Taiwan's word), 民国 (the Republic's years)."""
YEAR_NUMBER = r"(?:\d{1,4}|[〇零一二三四五六七八九十元]{1,4})"
"""The number of a year, in digits or Chinese numerals (28, 四十三, 元 of 民国元年)."""
YEAR = rf"{CALENDAR}?(?:\d{{1,4}}|[〇零一二三四五六七八九]{{2,4}})年(?:代)?|[一二三四五六七八九]十年代"
"""A year with its calendar (公元前240年, 西元前4713年, 民国99年), or a decade in Chinese numerals (六十年代)."""
REIGN_YEAR = r"[\u4e00-\u9fff]{2}(?:元|\d{1,3}|[一二三四五六七八九十]{1,4})年\((?:公元前?)?\d{1,4}年\)"
"""An era's year with the calendar year it glosses, as encyclopaedias write it: 天正16年(1588年), 承光元年(577年)
(folded text: half-width brackets). The two characters before the number name the era."""
DYNASTY = (r"(?:[东西南北][汉晋魏齐周宋](?:朝|代)?|[夏商周秦汉晋隋唐宋元明清魏齐梁陈辽金](?:朝|代))"
           r"(?:末年|初年|年间|末期|初期|中期|后期)?")
"""A dynasty as a time: 明朝, 宋代, 东汉末年, 清朝末年."""
PERIOD_PART = r"(?:上半叶|下半叶|初期|中期|末期|前期|后期|早期|晚期|中叶|末叶|初叶)"
"""A part of a century or decade (19世纪晚期, 1950年代初期)."""
YEAR_PART = re.compile(rf"年底|年初|年末|年中|上半年|下半年|{PERIOD_PART}|[底末](?!期)|初(?![次步级中赛审选稿始])")
"""A part of a year or decade that belongs to the time after it (2015年年底, 民国26年上半年, 1980年代末); not 初
starting another word (2015年初步建成)."""
MONTH_PART = re.compile(r"上旬|中旬|下旬|底|末|初(?![次步级中赛审选稿始])")
"""A part of a month (7月初, 3月下旬)."""
GEOLOGICAL_TIME = (r"(?:[上下早中晚]?(?:侏罗|侏㑩|白垩|三叠|二叠|石炭|泥盆|志留|奥陶|寒武|第三|第四|新近|古近|震旦)纪"
                   r"|(?:新生|中生|古生|元古|太古)代|(?:古新|始新|渐新|中新|上新|更新|全新)世(?!界))+")
"""A time of the geological time scale, several joined as one (白垩纪, 中生代侏罗纪, 第三纪中新世, 上白垩纪); not
全新世 of 全新世界."""
TIME = re.compile(
    rf"{REIGN_YEAR}(?:{MONTH})?(?:{DAY})?|{DYNASTY}|{GEOLOGICAL_TIME}(?:{PERIOD_PART}|末)?"
    rf"|(?:{YEAR})?(?:{LUNAR_DATE}|(?:{MONTH})?(?:{DAY})?)(?:{CLOCK})?"
    rf"|{CALENDAR}?(?:\d{{1,2}}|[一二三四五六七八九十]{{1,3}})世纪(?:\d{{2}}年代)?(?:{PERIOD_PART}|初|末)?"
    r"|(?:今年|去年|明年|前年|当年|当天|昨天|今天|明天|次日|近日|日前|本月|上月|上周|本周)")
ENUMERATION_ITEM = r"(?:[^\s,，。；;：:、“”\"()（）等]|[(（][^\s,，。；;：:、“”\"()（）]{1,8}[)）]){1,16}"
"""An item of an enumeration: up to 16 characters, a short parenthetical counting as one (村(社区)书记)."""
ENUMERATION = re.compile(f"{ENUMERATION_ITEM}(?:[、和及与]{ENUMERATION_ITEM})*、{ENUMERATION_ITEM}")
COLLECTIVE_TAIL = re.compile(r"(?<=[^、和及与])各[^、和及与]$")
"""各 and a measure word closing an enumeration's last item (湖南、江西各省): they sum the items up, no item's part."""
NAME_GIVEN = re.compile(r"(?:称之为|称为|称作|称做|叫做|叫作|简称|俗称|又称|通称|统称|名为|史称)[「“\"《]?"
                        r"(?P<name>[^,，。；;、:：（()」”\"》]{2,20})")
"""The name a sentence gives something after a naming verb (…的酶称为DNA连接酶, 史称「牛车水事件」)."""
EPITHET_GIVEN = re.compile(
    rf"[「“\"](?P<quoted>[^「」“”\"]{{2,20}})[」”\"](?:的|之)(?:{EPITHET_NOUNS})"
    rf"|(?:获得|得到|享有|素有|拥有|赢得|荣获|有)了?(?P<plain>[^,，。；;:：、的之「“\"]{{2,12}})(?:的|之)(?:{EPITHET_NOUNS})"
    r"|(?:誉为|号称|人称|尊称为|美称为)[「“\"《]?(?P<after>[^,，。；;、:：（()」”\"》]{2,20})")
"""The name of praise or nickname a sentence gives: quoted before 的称号 and its like (获得了「义大利汽车之都」的昵称),
after a verb of earning it (得到了老虎的绰号), or after 誉为, 号称 or 人称 (被誉为晋剧皇后)."""
SHORTENED = r"(?:简称|简写|缩写|略称)(?:为|是)?[:：]?[「“\"]?"
"""Words that give the short form of the name before them (首钢集团有限公司，简称首钢)."""
CLAUSE_MARKS = ",，。;；:：(（"
ALIAS_GIVEN = re.compile(rf"(?:{ALIAS_NOUNS}|(?:亦|也|或|又|一)(?:称|名|叫|作))(?:为|是|叫|叫做|作)?[:：]?"
                         r"(?P<name>[^,，。；;:：()（）'\s][^,，。；;:：]{1,59})")
"""Another name a sentence gives something after an alias noun or 亦, 也, 或, 又 or 一 with 称, 名, 叫 or 作 (或称内台航线,
亦作近盖娄王), to the clause's end, several of them if listed (别称黄莺、小黄蝉); a bracket or quote mark left by a
name stripped from the text (学名：'）) is none."""
IDENTITY = re.compile(r"(?:作为|身为|担任|出任)(?P<span>[^,，。；;!！?？]{2,30})|是(?P<tail>[^,，。；;!！?？]{2,30})")
CLOSED_BY_ER = re.compile(r"(?P<reason>因(?![为此而])[^,，。;；]{1,40}?)而")
"""因 … 而: the reason ends where 而 leads on to what it caused (因俄国发生十月革命并退出战争而结束 → 因俄国发生十月革命并退出战争)."""
REASON_MARKER = re.compile(rf"因为|由于|为了|(?<=是)因|(?={CLOSED_BY_ER.pattern})因|鉴于|之所以"
                           r"|根据(?=[^,，。;；]{1,20}(?:需要|要求|规定|部署|指示))")
"""Words that start a reason; 根据 only before a need, rule or order it names (根据疫情防控工作需要); a 是 before
因 is the predicate's, not the reason's (是因为行为不检点 → 因为行为不检点, 是因其… → 因其…); a lone 因 only where
而 closes the reason in its clause (:data:`CLOSED_BY_ER`)."""
MANNER_MARKER = re.compile(r"通过|利用|采用|采取|借助|依靠|凭借|运用|按照|依照|经过|使用")
CONTINUATION = re.compile(r"^(?:加上|而且|并且|并|且|又|还|再|以及|同时|进一步|从而|以便|以)")
NAME_TAGS = ("nr", "nrt", "nrfg", "ns", "nt", "nz")
"""Tags of proper names: of people, places, bodies and other things."""
PERSON_TAGS = {"nr", "nrt", "nrfg", "nrf"}
CJK_CHAR = re.compile(r"[\u4e00-\u9fff]")
PLACE_TAGS = {"ns", "nsf"}
LANDFORMS = ("山", "山脉", "峰", "河", "江", "湖", "海", "湾", "峡湾", "海峡", "岛", "群岛", "半岛", "盆地", "高原",
             "平原", "沙漠", "峡谷", "瀑布")
"""Endings of the names of features of the land, which a name jieba tags a person's may lead (奥斯陆峡湾, 吉力马札罗山)."""
LANDFORM_NAME_TAGS = {"n", "nz", "j"}
"""Tags of a noun before a bare landform that names it (太白 n of 太白山脉)."""
MAX_LANDFORM_NAME_CHARS = 8
"""The longest landform's name the words before it widen it to."""
PLACE_SUFFIXES = ("街道", "社区", "小区", "村", "镇", "乡", "区", "县", "市", "省", "州", "街", "路")
"""Nouns that end a place's name where jieba leaves them a word of their own (茂南区城南 + 街道)."""
ERA_TAGS = {"t", "n", "nr", "nrfg", "nrt", "ns", "nz"}
"""Tags jieba gives an era's name (正德 t, 光绪 n, 洪武 nr, 绍兴 ns, 建文 nz)."""
DURATION_LEADS = ("时", "间", "期", "达", "约", "近", "后", "前", "来", "过")
"""Last characters of a word after which a number of years is a duration, not an era's year (历时, 期间)."""
PERIOD_NOUNS = ("时期", "期间", "年间", "时代", "初年", "末年")
"""Nouns that make the name before them a period of time (冷战时期, 一次大战期间, 清朝嘉庆年间)."""
PERIOD_NAME_TAGS = {"n", "nr", "nrt", "nrfg", "ns", "nsf", "nt", "nz", "t", "v", "vn", "j", "b", "eng", "m"}
"""Tags of the words that may name a period (日治 ns, 冷战 v, 一次 m of 一次大战; 民国时期 b, one word with its
noun)."""
MAX_PERIOD_NAME = (3, 10)
"""At most this many words and characters name a period (香港日治时期, 罗马共和国时期)."""
COUNTING_MEASURES = "个种段些类"
"""Measure words with which a numeral counts periods rather than names one (四个历史时期)."""
POINTING = "这那该此其同各每本"
"""First characters of a name that points back rather than names (该时期, 同一时期)."""
SEASON = re.compile(r"[春夏秋冬](?:天|季)")
"""A season as a time (秋天, 夏季): a word of its own, and not after a name it belongs to (莱茵春天小区)."""
ORG_TAGS = {"nt"}
ORG_NAMED_BY_TAGS = {"ns", "nsf", "nr", "nrt", "nz"}
"""Tags of a word before an organisation that names which one it is (:func:`named_by`)."""
ORG_FIELD_TAGS = ("n", "l", "nz", "vn")
"""Tags of the words before an organisation's generic name, tagged as one word, that say what it is for
(产业 + 工会 + 联合会, 国际 + 生物科学 + 联合会): part of its name (:func:`named_by`) ..."""
GENERIC_ORG_ENDINGS = ("会", "部", "局", "院", "所", "社", "团", "署", "处", "厅", "组织", "政府", "学堂", "学校", "公司")
"""... where the name ends like a kind of body (联合会, 非政府), not where it is a proper name of its own (正值 +
国民党) ..."""
ORG_FIELD_WORDS = 2
"""... at most this many."""


def quantities(folded: str) -> list[tuple[int, int]]:
    """Numbers with measure words and approximation words (400多名, 30多万人次, 近百, 约3000余人, 1.2万, 十几天,
    3至5人); Chinese numerals and fractions as written (五分之一, 百分之十五); ordinals in Chinese numerals (第三 of
    第三产业); two with a measure each joined as one range (200米至2,300米: either end alone misquotes it); a quantity
    in two or more units as one (:data:`COMPOUND_QUANTITY`: 1米93, not 1米 and 93)."""
    spans = []
    for match in QUANTITY.finditer(folded):
        text = match.group()
        has_digit = any(c.isdigit() for c in text)
        has_measure = re.search(MEASURE + "(?:多|余)?$", text) is not None
        approximate = re.match(APPROXIMATE, text) is not None
        ordinal = text.startswith("第") and len(text) > 1
        if not (has_digit or has_measure or ordinal or "分之" in text or (approximate and re.search("[百千万亿]", text))):
            continue
        after = folded[match.end():match.end() + 1]
        if has_digit and not has_measure and after in "月日号年":
            continue
        if re.fullmatch(r"\d{4}年|[〇零一二三四五六七八九]{4}年", text):
            continue
        spans.append(match.span())
    compounds = [match.span() for match in COMPOUND_QUANTITY.finditer(folded)]
    spans = [(start, end) for start, end in spans if not any(a < end and start < b for a, b in compounds)] + compounds
    return joined_ranges(folded, spans, lambda start, end: re.search(MEASURE + "$", folded[start:end]) is not None)


RATIO = re.compile(r"\d+(?:\.\d+)?\s?(?:[:：比]|-(?=\d))\s?\d+(?:\.\d+)?(?![\d:年月日号])")
"""Two numbers set against each other: a ratio or a score (1:7, 2比1, 3-2)."""


def ratios(folded: str) -> list[tuple[int, int]]:
    """Ratios and scores (:data:`RATIO`): what answers a question asking for one, never a time of day (11:00)."""
    return [match.span() for match in RATIO.finditer(folded) if not re.fullmatch(CLOCK, match.group())]


def joined_ranges(folded: str, spans: list[tuple[int, int]], opens: Callable[[int, int], bool]
                  ) -> list[tuple[int, int]]:
    """Spans in text order, two joined by a range word (:data:`RANGE_JOINERS`) merged into one when the first may
    open a range (``opens(start, end)``)."""
    ranged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if ranged and folded[ranged[-1][1]:start] in RANGE_JOINERS and opens(*ranged[-1]):
            ranged[-1] = (ranged[-1][0], end)
        else:
            ranged.append((start, end))
    return ranged


def durations(folded: str) -> list[tuple[int, int]]:
    """Quantities of time (连续三天, 6个小时, 一个多月, 3至5年, 半天)."""
    return [(a, b) for a, b in quantities(folded) if DURATION_MEASURE.search(folded[a:b])]


def times(folded: str) -> list[tuple[int, int]]:
    """Dates and times (7月13日凌晨2时, 2022年, 19世纪, 今年, 明朝, 康熙三十二年) with the part of the year or month
    that closes them (:data:`YEAR_PART`, :data:`MONTH_PART`); one that starts with a numeral starts where a word
    starts (not 一时 inside 第一时间); an era's year joins the date right after it (宣统三年九月十九日)."""
    spans = []
    starts = {start for start, _, _ in tagged(folded)}
    for match in TIME.finditer(folded):
        if (match.end() > match.start() and not re.fullmatch(r"\d{1,2}[时点]", match.group())
                and (match.start() in starts or not is_numeral(match.group()[0]))):
            part = (YEAR_PART if match.group().endswith(("年", "年代")) else
                    MONTH_PART if match.group().endswith(("月", "月份")) else None)
            found = part.match(folded, match.end()) if part else None
            spans.append((match.start(), found.end() if found else match.end()))
    eras = [span for span in era_years(folded) if span not in spans]
    dated = {end: start for start, end in eras if any(first == end for first, _ in spans)}
    return [(dated.get(start, start), end) for start, end in spans] + [span for span in eras if span[1] not in dated]


def periods(folded: str) -> list[tuple[int, int]]:
    """Named periods of time and seasons (:data:`SEASON`): the name before a period noun (:data:`PERIOD_NOUNS`) with
    the noun (冷战时期, 汉武帝时期, 一次大战期间), up to :data:`MAX_PERIOD_NAME`. The name starts after a verb that
    leads other words (进入 of 进入战国时期) and after a date before it (1965年 of 1965年越战期间: a time of its own); a
    name of numerals alone (这一时期), one that points back (同一时期), counts periods (四个历史时期), spans a range
    (1950年到1980年间) or is a lone verb after 的 (确立 of 社会主义制度的确立时期, a phrase's last word) names none."""
    words = tagged(folded)
    spans = [(start, end) for index, (start, end, _) in enumerate(words) if SEASON.fullmatch(folded, start, end)
             and not (index and words[index - 1][2] in NAME_TAGS)]
    max_words, max_chars = MAX_PERIOD_NAME
    for index, (start, end, flag) in enumerate(words):
        noun = next((noun for noun in PERIOD_NOUNS if folded[start:end].endswith(noun)), None)
        if noun is None:
            continue
        if end - start > len(noun):  # one word with its name (春秋时期, 民国时期 b): the name is that word's
            named = [words[index]] if flag in PERIOD_NAME_TAGS else []
        else:
            first = index
            while (first > 0 and index - first < max_words and words[first - 1][2] in PERIOD_NAME_TAGS
                   and end - words[first - 1][0] <= max_chars):
                first -= 1
            named = list(words[first:index])
        while len(named) > 1 and (named[0][2] == "v" or is_date_piece(folded[named[0][0]:named[0][1]])):
            named = named[1:]
        verb_of_phrase = len(named) == 1 and named[0][2] == "v" and folded[:named[0][0]].endswith("的")
        if (any(tag != "m" for _, _, tag in named) and folded[named[0][0]] not in POINTING and not verb_of_phrase
                and not (named[0][2] == "m" and folded[named[0][1] - 1] in COUNTING_MEASURES)
                and not any(folded[a:b] in RANGE_JOINERS for a, b, _ in named)):
            spans.append((named[0][0], end))
    return spans


def is_date_piece(word: str) -> bool:
    """Whether a word is a date's number or unit (1965, 年, 7日), no name's start."""
    return any(char.isdigit() for char in word) or word in DATE_UNITS


def range_sides(folded: str) -> dict[str, list[tuple[int, int]]]:
    """The times that open a range and those that close one, by side (``"start"``: 1953年, ``"end"``: 1957年 of
    1953年至1957年)."""
    spans = sorted(times(folded))
    sides: dict[str, list[tuple[int, int]]] = {"start": [], "end": []}
    for opening, closing in zip(spans, spans[1:]):
        if folded[opening[1]:closing[0]] in RANGE_JOINERS:
            sides["start"].append(opening)
            sides["end"].append(closing)
    return sides


def time_ranges(folded: str) -> list[tuple[int, int]]:
    """Dates and times (:func:`times`), two joined by 至, 到, - or ~ as one range (1984年10月7日至1985年9月29日,
    上午11:00~12:00: either end alone misquotes it)."""
    return joined_ranges(folded, times(folded), lambda start, end: True)


def era_years(folded: str) -> list[tuple[int, int]]:
    """Years of an era counted in Chinese numerals, the era named by the word before (康熙三十二年, 正德十一年, 民国元年):
    a name, place or time word of two characters or more, not one that makes the number a duration (历时十年)."""
    words = tagged(folded)
    spans = []
    for (start, middle, flag), (_, end, _) in zip(words, words[1:]):
        era, number = folded[start:middle], folded[middle:end]
        if (len(era) >= 2 and flag in ERA_TAGS and not era.endswith(DURATION_LEADS)
                and re.fullmatch(r"(?:元|[一二三四五六七八九十]{1,4})年", number)):
            spans.append((start, end))
    return spans


def enumerations(folded: str) -> list[tuple[int, int]]:
    """Items joined by 、 (a trailing 等… is left out, and a trailing 各 + measure that sums them up: 江西各省)."""
    spans = []
    for match in ENUMERATION.finditer(folded):
        tail = COLLECTIVE_TAIL.search(match.group())
        spans.append((match.start(), match.end() - (len(tail.group()) if tail else 0)))
    return spans


def names_given(folded: str) -> list[tuple[int, int]]:
    """The names a sentence gives after a naming verb (:data:`NAME_GIVEN`), for a question asking what something is
    called."""
    return [match.span("name") for match in NAME_GIVEN.finditer(folded)]


def epithets_given(folded: str) -> list[tuple[int, int]]:
    """The names of praise or nicknames a sentence gives (:data:`EPITHET_GIVEN`), for a question asking for one."""
    return [next(match.span(group) for group in ("quoted", "plain", "after") if match.group(group))
            for match in EPITHET_GIVEN.finditer(folded)]


def full_names(folded: str, short: str) -> list[tuple[int, int]]:
    """The full names a sentence gives right before a short form of them (首钢集团有限公司，简称首钢; 易颉输入法（简称易颉）),
    for a question asking what the short form stands for: from the clause's start, or past the last 的 in it, to the
    comma or bracket before 简称.

    Args:
        folded: the sentence.
        short: the short form the question names.
    """
    spans = []
    for match in re.finditer(rf"[,，(（]?{SHORTENED}{re.escape(short)}(?=$|[,，。;；)）」”\"、])", folded):
        clause = max(folded.rfind(mark, 0, match.start()) for mark in CLAUSE_MARKS) + 1
        start = max(clause, folded.rfind("的", clause, match.start()) + 1)
        if match.start() - start >= 2:
            spans.append((start, match.start()))
    return spans


def aliases_given(folded: str) -> list[tuple[int, int]]:
    """The other names a sentence gives something after an alias noun (:data:`ALIAS_GIVEN`), for a question asking
    for one."""
    return [match.span("name") for match in ALIAS_GIVEN.finditer(folded)]


def identities(folded: str) -> list[tuple[int, int]]:
    """What something or someone is: the phrase after 作为/身为/担任 or after 是/为 (up to the clause end)."""
    spans = []
    for match in IDENTITY.finditer(folded):
        group = "span" if match.group("span") else "tail"
        spans.append(match.span(group))
    return spans


def dictionary_words(word: str) -> list[tuple[str, str]]:
    """``word`` as jieba's dictionary has it: itself where listed, else its listed pieces with their tags (种肉, a
    word jieba guessed, is 种 + 肉)."""
    import jieba.posseg

    jieba.dt.check_initialized()
    if word in jieba.dt.FREQ:
        return [(word, flag) for _, _, flag in tagged(word)]
    return [(piece, flag) for piece, flag in jieba.posseg.cut(word, HMM=False)]


def entities(folded: str, tags: set[str]) -> list[tuple[int, int]]:
    """Runs of words whose part-of-speech tag is in ``tags`` (joined when adjacent or linked by ·); places keep a
    :data:`PLACE_SUFFIXES` word after them and the character jieba split off their front (:func:`with_split_head`),
    organisations the name before them (:func:`named_by`), and persons' names are mended where jieba split them
    (:func:`mend_name`; a ruler's numbered name keeps the character split off its front too: 斐|迪南二世)."""
    spans: list[tuple[int, int]] = []
    words = tagged(folded)
    for start, end, flag in words:
        if flag in tags and end - start < 2 and tags & PERSON_TAGS and not (spans and spans[-1][1] == start):
            continue
        if flag in tags or (flag == "eng" and tags & PERSON_TAGS and folded[start:end][:1].isupper()):
            if spans and (spans[-1][1] == start or folded[spans[-1][1]:start] == "·"):
                spans[-1] = (spans[-1][0], end)
            else:
                spans.append((start, end))
    if not spans and not tags & PERSON_TAGS:
        return spans
    before = {stop: (first, flag) for first, stop, flag in words}
    if tags & PLACE_TAGS:
        ends = {first: stop for first, stop, _ in words if folded[first:stop] in PLACE_SUFFIXES}
        return [(named_place_start(folded, before, with_split_head(folded, before, start), end), ends.get(end, end))
                for start, end in spans]
    if tags & ORG_TAGS:
        return [(named_by(folded, before, start, end), end) for start, end in spans]
    if not tags & PERSON_TAGS:
        return spans
    after = {first: (stop, flag) for first, stop, flag in words}
    names: list[tuple[int, int]] = []
    regnal = [(with_split_head(folded, before, start), end) for start, end in regnal_names(folded, words)]
    for start, end in sorted([mend_name(folded, before, after, span) for span in spans] + regnal):
        if names and start < names[-1][1]:
            names[-1] = (names[-1][0], max(end, names[-1][1]))
        else:
            names.append((start, end))
    return names


def regnal_names(folded: str, words: tuple[tuple[int, int, str], ...]) -> list[tuple[int, int]]:
    """Rulers numbered by 世 (拿破仑三世, 瓦伦丁尼安三世, 亚历山大六世): the number and the one or two name words
    before it, which jieba tags as names or places (the word next to the number also as a noun: 拿破仑; not
    皇帝 in 皇帝威廉二世)."""
    spans = []
    for index, (start, end, _) in enumerate(words):
        if not REGNAL.fullmatch(folded[start:end]):
            continue
        first = start
        for previous in reversed(words[max(0, index - REGNAL_NAME_WORDS):index]):
            tags = REGNAL_NAME_TAGS if previous[1] == start else PERSON_TAGS | PLACE_TAGS
            if previous[2] not in tags or not CJK_CHAR.match(folded[previous[0]]):
                break
            first = previous[0]
        if start - first >= 2:
            spans.append((first, end))
    return spans


REGNAL = re.compile(r"[一二三四五六七八九十]{1,3}世")
REGNAL_NAME_TAGS = {"nr", "nrt", "nrfg", "nrf", "ns", "n", "nz"}
REGNAL_NAME_WORDS = 2
"""At most this many words make the name before a ruler's number (瓦伦丁|尼安 in 瓦伦丁尼安三世)."""
DOTTED_NAME_TAGS = {"nr", "nrt", "nrfg", "nrf", "ns", "nz"}
DOTTED_PART_CHARS = 6
"""A transliterated name's part is at most this long (帕西瓦尔 in 帕西瓦尔·洛厄尔, 比阿特丽斯 in 伊夫林·比阿特丽斯·霍尔)."""
TRANSLITERATION_CHARS = frozenset(
    "阿埃艾爱奥欧伊乌尤安昂恩英翁因温扬延耶约亚雅巴贝比博布拜鲍班邦本宾伯彼碧帕佩皮波普派保潘庞彭平蓬珀达德迪"
    "多杜代道丹当登丁东敦蒂黛塔特托图泰坦唐滕廷通屯汀加盖吉戈古甘冈根贡格卡凯基科库考坎康肯孔昆克扎泽齐佐祖宰"
    "赞藏津宗尊兹茨察策奇措楚钦聪查切乔丘琼詹杰萨塞西索苏赛绍桑森辛松斯瑟逊沙谢希舒夏尚欣什舍哈赫霍胡豪汉亨瓦"
    "韦维沃武怀旺威法费菲福富凡芬弗夫马梅米莫穆迈曼芒蒙姆玛麦默纳内尼诺努奈瑙南嫩宁娜妮涅拉莱利洛卢劳兰朗伦隆"
    "勒尔丽莉琳里罗鲁列雷赖娅莎丝蕾琪露芭顿斐奎薇哥芙提烈施翰卜密易契林撒文夸瑞摩廉那休厄罕士得")
"""Characters that transliterate foreign names (the syllables of the common transliteration tables, less Chinese
surnames they seldom use, 朱, 孙, 陶, and words that often follow a name: 山, 海, 门, 家, 人): a name written only in
them continues over the pieces of them jieba split off its ends (斯卡利|格, 布里|尼亚|娜, 希波|丹姆)."""
TRANSLITERATION_TAIL_TAGS = {"n", "ng", "nr", "nrt", "nrfg", "ns", "nz", "j", "rg", "zg", "x"}
"""Tags of a character a transliterated name continues over: nouns, names and characters jieba does not know; never a
verb, adverb, preposition or particle (史密斯曾, 史密斯说)."""
TRANSLITERATION_PIECE_CHARS = 2
"""The longest word jieba split off a transliterated name that it continues over (尼亚 of 布里尼亚娜, 希波 of
希波丹姆)."""
RARE_PIECE_FREQUENCY = 200
"""A word of transliteration characters that jieba tags a place or noun is a piece of a longer name when jieba's
dictionary counts it less often than this (尼亚 176, 希波 34, 哈利 29), not when it names a country or city of its
own (巴西 1628, 芬兰 745, 亚历山大 550)."""
NAME_HEAD_TAGS = {"a", "n", "ng", "nr", "ns", "nz", "j"}
"""Tags jieba gives a name's first character when it splits it off: 德 (ns) in 德|川家康, 足 (a) in 足|利义辉, 羽 (nr)
in 羽|柴秀吉, 科 (n) in 科|龙港."""
NAME_QUALIFIERS = ("原", "前", "旧", "新", "全", "老", "本", "该", "各", "大", "小")
"""Characters that qualify a name rather than start it (原大河坪乡: the former township; 全欧洲)."""
KIN_TERMS = ("父", "母", "妻", "兄", "弟", "姐", "妹", "侄", "甥", "婿", "嫂", "媳")
"""Characters naming a relative, which stand before a name rather than start it (之弟诸葛亮: his brother)."""
RARE_TAIL_FREQUENCY = 500
"""A lone character after a name that jieba's dictionary counts less often than this as a word is the name's last
character, split off it (袁丽|嫦 41, 黄华|麒 281, 慕容|皝 150, 蒋家|旻 52), not a word after it (家 41022, 军
27200, 氏 2573)."""
NAME_TAIL_TAGS = {"j", "ng", "nr", "nrt", "rg", "x"}
"""Tags jieba gives a name's last character when it splits it off: 帝 (j) in 尼葛洛庞|帝, 纳 (nr) in 威斯|纳, 兹 (rg)
in 霍尔|兹, and a character it does not know (x: 娅 in 弗拉维|娅; only a Chinese character counts)."""


def linked(folded: str, position: int) -> bool:
    """Whether ``position`` holds what links the parts of a transliterated name: · (约瑟夫·斯卡利格), or a hyphen
    between two Chinese characters (爱德华·怀克-史密斯, 路易-菲利普)."""
    mark = folded[position:position + 1]
    return position > 0 and (mark == "·" or mark == "-" and bool(CJK_CHAR.match(folded[position - 1]))
                             and bool(CJK_CHAR.match(folded[position + 1:position + 2])))


def mend_name(folded: str, before: dict[int, tuple[int, str]], after: dict[int, tuple[int, str]],
              span: tuple[int, int]) -> tuple[int, int]:
    """A person's name with the lone character jieba split off either end, and every part linked to it by · or a
    hyphen (:func:`linked`; 理察·科伯恩·麦克劳林 tagged in pieces, 李·德富雷斯特 with 德富 tagged a place).

    Args:
        folded: the sentence.
        before: jieba's words by where they end, each ``(start, tag)``.
        after: jieba's words by where they start, each ``(end, tag)``.
        span: the name as tagged.
    """
    start, end = span
    while True:
        if linked(folded, start - 1) and start - 1 in before and before[start - 1][1] != "x":
            start = before[start - 1][0]
        elif start in before and before[start][1] in DOTTED_NAME_TAGS and linked(folded, before[start][0] - 1):
            start = before[start][0]
        else:
            break
    while True:
        if linked(folded, end) and (between := linked_part_end(folded, end + 1)):
            end = between
        elif linked(folded, end) and end + 1 in after and after[end + 1][1] != "x":
            end = after[end + 1][0]
        elif end in after and after[end][1] in DOTTED_NAME_TAGS and linked(folded, after[end][0]):
            end = after[end][0]
        elif (tail := split_tail(folded, after, end)) and linked(folded, tail):
            end = tail
        else:
            break
    dot = folded.find("·", start, end)
    while dot > 0 and start in before and before[start][1] in DOTTED_NAME_TAGS and CJK_CHAR.match(
            folded[before[start][0]]) and dot - before[start][0] <= DOTTED_PART_CHARS:
        start = before[start][0]
    start, end = transliterated_head(folded, before, start, end), transliterated_tail(folded, after, start, end)
    return with_split_head(folded, before, start), split_tail(folded, after, end) or end


COMPOUND_SURNAMES = (
    "欧阳", "司马", "上官", "夏侯", "诸葛", "皇甫", "尉迟", "公孙", "轩辕", "令狐", "钟离", "宇文", "长孙", "慕容",
    "鲜于", "闾丘", "司徒", "端木", "呼延", "独孤", "拓跋", "耶律", "完颜", "爱新觉罗", "叶赫那拉")
"""Surnames of two characters or more (the 百家姓's common ones, and the Khitan, Jurchen, Xianbei and Manchu clan
names of the histories): a name they lead is one name, not the surname and another."""


def name_parts(folded: str, start: int, end: int) -> tuple[str, ...]:
    """The parts of the person's name ``folded[start:end]`` that relatives and clans share: each part linked by · or
    a hyphen (特鲁多 of 皮埃尔·特鲁多) and a compound surname leading it (:data:`COMPOUND_SURNAMES`: 耶律 of
    耶律金山). A question about one of them (贾斯汀·特鲁多的父亲, 耶律乞奴被谁所杀) holds the part without it being
    the question's echo in the other's name."""
    links = [position for position in range(start, end) if linked(folded, position)]
    bounds = [start - 1, *links, end]
    parts = [folded[first + 1:last] for first, last in zip(bounds, bounds[1:])] if links else []
    surname = next((name for name in COMPOUND_SURNAMES if folded.startswith(name, start)
                    and end - start > len(name)), "")
    return tuple(dict.fromkeys(parts + [surname] if surname else parts))


def linked_part_end(folded: str, start: int) -> int | None:
    """Where the part of a name that starts at ``start`` ends when another link follows it and the part is Chinese
    characters only, however jieba tagged them (比阿特丽斯 in 伊夫林·比阿特丽斯·霍尔, 比 tagged a preposition)."""
    for end in range(start + 1, min(start + DOTTED_PART_CHARS, len(folded) - 1) + 1):
        if not CJK_CHAR.match(folded[end - 1]):
            return None
        if linked(folded, end):
            return end
    return None


def transliterated_tail(folded: str, after: dict[int, tuple[int, str]], start: int, end: int) -> int:
    """Where a name ending at ``end`` ends with the pieces jieba split off its end (:func:`name_piece`) when its last
    part (after its last link) is written only in :data:`TRANSLITERATION_CHARS` (约瑟夫·斯卡利|格, 恩里科·布里|尼亚|娜,
    阿夸弗雷斯|卡), up to :data:`DOTTED_PART_CHARS` for the part."""
    part_start = max([start] + [position + 1 for position in range(start, end) if linked(folded, position)])
    if not transliterated(folded[part_start:end]):
        return end
    while ((word := after.get(end)) and word[0] - part_start <= DOTTED_PART_CHARS
           and name_piece(folded[end:word[0]], word[1])):
        end = word[0]
    return end


def transliterated_head(folded: str, before: dict[int, tuple[int, str]], start: int, end: int) -> int:
    """Where a name starting at ``start`` starts with the piece of two characters or more jieba split off its front
    (:func:`name_piece`; 希波|丹姆, 哈利|里德) when its first part is written only in :data:`TRANSLITERATION_CHARS`,
    up to :data:`DOTTED_PART_CHARS` for the part."""
    part_end = next((position for position in range(start, end) if linked(folded, position)), end)
    if not transliterated(folded[start:part_end]):
        return start
    while ((word := before.get(start)) and start - word[0] > 1 and part_end - word[0] <= DOTTED_PART_CHARS
           and name_piece(folded[word[0]:start], word[1])):
        start = word[0]
    return start


def transliterated(text: str) -> bool:
    """Whether a text is written only in :data:`TRANSLITERATION_CHARS`."""
    return all(char in TRANSLITERATION_CHARS for char in text)


def name_piece(word: str, flag: str) -> bool:
    """Whether a word jieba split off a transliterated name is a piece of it: written only in
    :data:`TRANSLITERATION_CHARS`, at most :data:`TRANSLITERATION_PIECE_CHARS` long, and one character tagged as
    :data:`TRANSLITERATION_TAIL_TAGS` allow, a name, or a place or noun jieba rarely counts
    (:data:`RARE_PIECE_FREQUENCY`)."""
    if len(word) > TRANSLITERATION_PIECE_CHARS or not transliterated(word):
        return False
    if len(word) == 1:
        return flag in TRANSLITERATION_TAIL_TAGS
    return flag in PERSON_TAGS or flag in ("ns", "nz", "n") and dictionary_count(word) < RARE_PIECE_FREQUENCY


def split_tail(folded: str, after: dict[int, tuple[int, str]], end: int) -> int | None:
    """Where a name ending at ``end`` ends with the lone character jieba split off it (:data:`NAME_TAIL_TAGS`, or a
    character jieba's dictionary seldom counts as a word of its own and not as a verb: :data:`RARE_TAIL_FREQUENCY`),
    if it split one off."""
    tail = after.get(end)
    if tail and tail[0] - end == 1 and CJK_CHAR.match(folded[end]) and (
            tail[1] in NAME_TAIL_TAGS
            or not tail[1].startswith("v") and dictionary_count(folded[end]) < RARE_TAIL_FREQUENCY):
        return tail[0]
    return None


def named_by(folded: str, before: dict[int, tuple[int, str]], start: int, end: int) -> int:
    """The start of an organisation's name widened over the place or name jieba left a word of its own before it
    (南京 + 国民政府, 重庆 + 理工大学, 柏林 + 陆军学院, 云潭镇 + 人民政府): it tells which one; a name jieba tags as one
    word that ends like a kind of body (:data:`GENERIC_ORG_ENDINGS`: 联合会) is widened over the nouns of its field
    before it too (:data:`ORG_FIELD_TAGS`: 产业工会联合会).

    Args:
        folded: the sentence.
        before: jieba's words by where they end, each ``(start, tag)``.
        start: where the name starts as tagged.
        end: where it ends.
    """
    head = before.get(start)
    if head and head[1] in ORG_NAMED_BY_TAGS:
        return head[0]
    if before.get(end, (start, ""))[0] != start or not folded[start:end].endswith(GENERIC_ORG_ENDINGS):
        return start
    for _ in range(ORG_FIELD_WORDS):
        head = before.get(start)
        if not head or not head[1].startswith(ORG_FIELD_TAGS):
            break
        start = head[0]
    return start


def named_place_start(folded: str, before: dict[int, tuple[int, str]], start: int, end: int) -> int:
    """The start of a place that ends like a feature of the land (:data:`LANDFORMS`) widened over the name jieba
    tagged a person's right before it (奥斯陆|峡湾, 吉力马札|罗山), or a bare landform over the one noun before it
    (太白|山脉; 小 of 小高加索山脉 qualifies the name, it does not name it), up to :data:`MAX_LANDFORM_NAME_CHARS` characters.

    Args:
        folded: the sentence.
        before: jieba's words by where they end, each ``(start, tag)``.
        start: where the place starts as found.
        end: where it ends.
    """
    place = folded[start:end]
    if not place.endswith(LANDFORMS):
        return start
    word = before.get(start)
    if word and place in LANDFORMS and word[1] in LANDFORM_NAME_TAGS and end - word[0] <= MAX_LANDFORM_NAME_CHARS:
        return word[0]
    while ((word := before.get(start)) and word[1] in PERSON_TAGS and CJK_CHAR.match(folded[word[0]])
           and end - word[0] <= MAX_LANDFORM_NAME_CHARS):
        start = word[0]
    return start


def with_split_head(folded: str, before: dict[int, tuple[int, str]], start: int) -> int:
    """The start of a name widened over the lone character jieba split off its front (德|川家康, 羽|柴秀吉, 廖|内省,
    科|龙港); not over a word that qualifies it (原|大河坪乡, 全|欧洲) or names a relative (弟|诸葛亮).

    Args:
        folded: the sentence.
        before: jieba's words by where they end, each ``(start, tag)``.
        start: where the name starts as tagged.
    """
    head = before.get(start)
    if (head and start - head[0] == 1 and head[1] in NAME_HEAD_TAGS and CJK_CHAR.match(folded[head[0]])
            and folded[head[0]] not in NAME_QUALIFIERS + KIN_TERMS):
        return head[0]
    return start


def marked_clauses(folded: str, marker: re.Pattern, question: QuestionInfo) -> list[tuple[int, int]]:
    """Clauses that start at a marker word, continued over following clauses that extend them.

    A reason or manner clause runs on while the next clause continues it (加上…, a verb-initial
    clause) and does not repeat the question's words; a reason 因 … 而 ends at its 而 (:data:`CLOSED_BY_ER`).
    """
    spans = []
    for match in marker.finditer(folded):
        closed = CLOSED_BY_ER.match(folded, match.start())
        if closed:
            spans.append(closed.span("reason"))
            continue
        start, end = match.start(), clause_bounds(folded, match.end())[1]
        while end < len(folded) and folded[end] in ",，;；":
            next_start, next_end = clause_bounds(folded, end + 1)
            clause = folded[next_start:next_end]
            if any(word in clause for word in question.words if len(word) > 1):
                break
            first_flag = next((flag for s, e, flag in tagged(clause)), "")
            causal = match.group() in ("因为", "由于", "之所以", "因", "鉴于")
            if not (causal or CONTINUATION.match(clause) or first_flag[:1] in ("v", "d", "a")):
                break
            end = next_end
        spans.append((start, end))
    return spans


CONSEQUENCE_MARKER = re.compile(r"因此|所以|因而|故而|以致|从而|于是|致使|(?:^|(?<=[,，;；]))故(?![宫乡事意居址都人])")
"""Words that start a consequence: the clauses before one are its cause (…，得证阿罗汉，因此被称为阿若); 故 only
at a clause's start, and not as the first character of a word (故宫, 故乡)."""
NAMING_CONSEQUENCE = re.compile(r"由此|之名|[得赐命取定改]名")
"""For a question asking where a name came from, also words that state the name as the outcome of what went
before (乌石礁为立于乌石港中之乌礁石，乌石港之名由此而来; …，唐肃宗召至京师，赐名李忠臣)."""
NAME_SOURCE = re.compile(r"来源于|源于|源自|得名于|得名自|取自|取名于|取名自|追溯到|追溯至")
"""Words after which a passage says what a name came from (地名来源于早期殖民地的一位秘书的名字)."""
MAX_CAUSE_CLAUSES = 3
"""How many clauses back a cause read before its consequence may reach."""
RESTATED_SHARE = 0.5
"""Share of the question's words a consequence must hold to restate it (成公英于是结集… names only who did it)."""


def causes_before(folded: str, question: QuestionInfo) -> list[tuple[int, int]]:
    """The clauses before a consequence that restates the question (吉斯伯恩有长时间的日照，…；因此，畜牧业发达
    asked 为什么吉斯伯恩的畜牧业发达 → 吉斯伯恩有长时间的日照，…): up to :data:`MAX_CAUSE_CLAUSES` of them, back to the
    sentence's start."""
    bounds = clauses(folded)
    words = [word for word in question.words if len(word) > 1]
    naming = asks_name_origin(question)
    spans = []
    for index, (start, end) in enumerate(bounds[1:], 1):
        marker = CONSEQUENCE_MARKER.search(folded, start, end) or (
            NAMING_CONSEQUENCE.search(folded, start, end) if naming else None)
        if not marker:
            continue
        alone = folded[marker.end():end] == "" and index + 1 < len(bounds)  # 因此，畜牧业发达
        consequence = folded[start:bounds[index + 1][1] if alone else end]
        if words and sum(word in consequence for word in words) >= RESTATED_SHARE * len(words):
            first = bounds[max(0, index - MAX_CAUSE_CLAUSES)][0]
            led = CONSEQUENCE_MARKER.match(folded, first)  # 所以发行前评价很高: itself the consequence of what went before
            spans.append((led.end() if led else first, bounds[index - 1][1]))
    return spans


NOMINAL_TAGS = ("n", "nr", "nrt", "nrfg", "nrf", "ns", "nsf", "nt", "nz", "ng", "eng", "j", "l", "m", "q", "mq", "b",
                "t", "vn", "an", "s", "f")
MODIFIER_TAGS = ("a", "ad", "uj")
MAX_CHUNK_CHARS = 24


def noun_chunks(folded: str) -> list[tuple[int, int]]:
    """Noun phrases by jieba's parts of speech: maximal runs of nominal words (an adjective or 的 inside a run
    that goes on with a noun), and for a run with 的 also the part after its last 的 (四川省成都市的一座医院 →
    一座医院). Runs longer than ``MAX_CHUNK_CHARS`` are left out."""
    words = tagged(folded)
    spans: list[tuple[int, int]] = []
    run: list[tuple[int, int, str]] = []

    def close() -> None:
        while run and not run[-1][2].startswith(NOMINAL_TAGS):
            run.pop()
        while run and run[0][2] == "uj":
            run.pop(0)
        if run and run[-1][1] - run[0][0] <= MAX_CHUNK_CHARS:
            spans.append((run[0][0], run[-1][1]))
            last = max((i for i, word in enumerate(run) if word[2] == "uj"), default=-1)
            if 0 <= last < len(run) - 1:
                spans.append((run[last + 1][0], run[-1][1]))
        run.clear()

    for word in words:
        if word[2].startswith(NOMINAL_TAGS) or (run and word[2] in MODIFIER_TAGS) or (not run and word[2] == "a"):
            run.append(word)
        else:
            close()
    close()
    return spans


ITEM_END_TAGS = ("m", "mq", "q", "f")
"""Tags of words that end an enumeration's last item: a count or a locality word (希伯来文|三种语言, 里海|之间)."""
NOUN_JOINERS = ("和", "与", "及", "以及", "、")
"""Words that join nouns into one phrase (医护人员和志愿者, 生活物资和防疫物资)."""
ITEM_SEPARATORS = ("、", "和", "及", "与", "以及", "或", "或者", "或是")
"""What joins the items of an enumeration (拉丁文、希腊文和希伯来文)."""


ITEM_MODIFIER_TAGS = ("a", "b")
"""Tags of the words a first item keeps before as many words as a named item has: adjectives and distinguishing
words that name which one (小高加索山脉 beside 亚美尼亚高原)."""
ITEM_TAIL_CHARS = 2
"""The most characters an enumeration's item may run on past its noun phrase to the separator (爱滋病|毒、, 广昆|高速、)."""
ITEM_TAIL_BREAK_TAGS = ("v", "u", "c", "p", "x")
"""Tags of words no such tail holds: verbs, particles, conjunctions, prepositions and punctuation."""
QUOTE_MARKS = "“”「」《》\"『』"
"""The marks a quoted name or title stands between."""


def siblings(folded: str, named: tuple[str, ...]) -> list[tuple[int, int]]:
    """The other items of an enumeration that holds an item a question names (拉丁文 in 拉丁文、希腊文、希伯来文 for a
    question naming 希腊文): noun phrases joined by :data:`ITEM_SEPARATORS` (:func:`item_tail`), and
    :func:`quoted_siblings`. The outer edges the separators do not mark are guessed: the first item keeps as many
    words as the longest named item has (拉丁文, not 头上方以拉丁文) and any adjective before them, starts past its last
    的 and ends before a count; the last ends before a count or a locality word (希伯来文, not 希伯来文三种语言; 里海,
    not 里海之间). A time or number alone is no item."""
    named = tuple(item.strip(QUOTE_MARKS) for item in named)
    chunks = noun_chunks(folded)
    chunks = [c for c in chunks if not any(o != c and o[0] <= c[0] and c[1] <= o[1] for o in chunks)]
    words = tagged(folded)
    chains = chained(chunks, lambda end, next_start: item_tail(folded, words, end, next_start))
    most_words = max((len(tagged(item)) for item in named), default=0)
    found = []
    for chain in chains:
        holds = [any(item in folded[a:b] or item.startswith(folded[a:b]) for item in named) for a, b in chain]
        if len(chain) < 2 or not any(holds):
            continue
        for index, ((start, end), held) in enumerate(zip(chain, holds)):
            inner = words_within(words, start, end)
            if held or not inner:
                continue
            if index == 0:
                kept = max(0, len(inner) - most_words)
                while kept > 0 and inner[kept - 1][2] in ITEM_MODIFIER_TAGS:  # 小|高加索山脉 for 亚美尼亚高原
                    kept -= 1
                start = inner[kept][0]
                if not any("的" in item for item in named):  # 佩洛特的|傻瓜塔 beside 艾吉巴斯顿水塔
                    start = next((b for a, b, _ in reversed(inner) if folded[a:b] == "的" and b < end), start)
                end = next((a for a, _, flag in inner[1:] if flag in ("m", "mq") and a > start), end)  # 反对党|一些成员
            elif index == len(chain) - 1:
                end = next((a for a, _, flag in inner[1:] if flag in ITEM_END_TAGS), end)
            if not all(flag in ("t", "m") for _, _, flag in words_within(words, start, end)):
                found.append((start, end))  # not a time or number alone (公元前 of 粟特与公元前后进入中亚的…)
    quotes = quoted_ranges(folded)  # a quoted item is whole in quoted_siblings, not a noun phrase inside it
    return [(start, end) for start, end in found if not any(a < start and end < b for a, b in quotes)] + \
        quoted_siblings(folded, named)


def quoted_siblings(folded: str, named: tuple[str, ...]) -> list[tuple[int, int]]:
    """The other quoted names of an enumeration of them that quotes one a question names (《马德里议定书》 beside
    《南极条约》 in 《南极条约》及《马德里议定书》, 「资产负债表」 beside 「损益表」), quotes included.

    Args:
        folded: the sentence.
        named: the items the question names, without their quote marks.
    """
    joined = chained(quoted_ranges(folded),
                     lambda end, next_start: end if folded[end:next_start] in ITEM_SEPARATORS else None)
    found = []
    for chain in joined:
        held = [folded[start + 1:end - 1] in named for start, end in chain]
        if len(chain) > 1 and any(held):
            found += [quoted for quoted, is_named in zip(chain, held) if not is_named]
    return found


def chained(spans: list[tuple[int, int]], link: Callable[[int, int], int | None]) -> list[list[tuple[int, int]]]:
    """``spans`` in runs of an enumeration's items: ``link(end, next_start)`` gives where an item ending at ``end``
    ends when the span at ``next_start`` is the next item (:func:`item_tail`), ``None`` when it starts another run."""
    chains: list[list[tuple[int, int]]] = []
    for start, end in spans:
        last = link(chains[-1][-1][1], start) if chains else None
        if last is not None:
            chains[-1][-1] = (chains[-1][-1][0], last)
            chains[-1].append((start, end))
        else:
            chains.append([(start, end)])
    return chains


def item_tail(folded: str, words: tuple[tuple[int, int, str], ...], end: int, next_start: int) -> int | None:
    """Where an enumeration's item ending its noun phrase at ``end`` ends, when only :data:`ITEM_SEPARATORS` (after
    at most :data:`ITEM_TAIL_CHARS` characters of the item jieba tagged otherwise: 爱滋病|毒 with 毒 a morpheme, or
    between quote marks) stand before the next noun phrase at ``next_start``; ``None`` when something else does."""
    gap = folded[end:next_start]
    if gap.strip(QUOTE_MARKS) in ITEM_SEPARATORS:  # 「自然状态」和国家起源说: quotes around an item
        return end
    for separator in sorted(ITEM_SEPARATORS, key=len, reverse=True):
        if gap.endswith(separator) and len(gap) - len(separator) <= ITEM_TAIL_CHARS:
            tail = end + len(gap) - len(separator)
            inner = words_within(words, end, tail)
            if sum(b - a for a, b, _ in inner) == tail - end and not any(
                    flag.startswith(ITEM_TAIL_BREAK_TAGS) for _, _, flag in inner):
                return tail
    return None


OCCUPATION_ENDINGS = ("家", "员", "手", "师", "者", "星", "匠", "官", "生", "姐")
"""Last characters of nouns that name a trade (漫画家, 运动员, 歌手, 律师, 记者, 歌星, 外交官, 医生, 空姐)."""
APPOSED = re.compile(r"[^\w]+|是|为|及|和|与|、")
"""What may stand between a name and the trade set beside it besides nominal words and counts: punctuation and
brackets, a copula, a conjunction (潘嘉丽（英文名：，），新加坡人，新加坡及台湾歌手)."""
APPOSED_TAGS = ("n", "m", "q", "eng")
"""Tags of the words that may stand there too (新加坡人, 一名)."""


def occupations(folded: str, names: list[str]) -> list[tuple[int, int]]:
    """Noun phrases that name a trade (:data:`OCCUPATION_ENDINGS`, a word of two characters or more) set beside a
    name the question gives (:data:`APPOSED`: 杨昊（），中国足球运动员; 牛佬，香港漫画家; 他是一名歌手), without the
    places and counts before them (足球运动员, 漫画家, 歌手). A trade told with a verb between (过去曾是新航空姐, 牛佬入行的启蒙老师) is
    not what the named one does."""
    words = tagged(folded)
    spans = []
    for start, end in noun_chunks(folded):
        inner = words_within(words, start, end)
        if not inner or inner[-1][1] != end or inner[-1][1] - inner[-1][0] < 2 or not folded[:end].endswith(
                OCCUPATION_ENDINGS):
            continue
        while len(inner) > 1 and (inner[0][2] in PLACE_TAGS | {"m", "q", "mq"}
                                  or folded[inner[0][0]:inner[0][1]] in NOUN_JOINERS):
            inner = inner[1:]
        before = max((found + len(name) for name in names if (found := folded.rfind(name, 0, start)) >= 0),
                     default=-1)
        if before >= 0 and all(APPOSED.match(folded[a:b]) or flag.startswith(APPOSED_TAGS)
                               for a, b, flag in words_within(words, before, inner[0][0])):
            spans.append((inner[0][0], end))
    return spans


def headed_by(folded: str, noun: str, most_words: int) -> list[tuple[int, int]]:
    """Nominal words that end in a character of the noun a question asks for, each alone and with up to
    ``most_words`` nominal words before it (not numbers or classifiers: 1841年 is not part of 第一次鸦片战争):
    伊斯兰教 for 宗教 (inside 伊斯兰教苏菲派), 羊肉 for 肉, 里海 for 海. A maximal noun chunk (:func:`noun_chunks`)
    often runs past such a word or starts well before it. Words inside quotes are left to the quote
    (《血盟救国军军歌》, not 军歌). The asked noun alone is no answer, but the words before it are kept with it
    (站南社区 for 社区). No phrase starts at a character split off the name before it (:func:`split_off`): it runs
    on to that name, even past ``most_words`` (瓦伦本哥国家公园, not 哥国家公园)."""
    words = tagged(folded)
    quoted = quoted_ranges(folded)
    spans: list[tuple[int, int]] = []
    for last, (start, end, flag) in enumerate(words):
        if (not joins_head(flag) or flag == "f" or folded[end - 1] not in noun
                or any(a <= start < b for a, b in quoted)):
            continue
        first = last
        while True:
            split = first < last and split_off(folded, words, first)
            if (first < last or folded[start:end] != noun) and not split:
                spans.append((words[first][0], end))
            if first == 0 or last - first >= most_words and not split or not joins_head(words[first - 1][2]):
                break
            first -= 1
    return spans


def split_off(folded: str, words: list[tuple[int, int, str]], index: int) -> bool:
    """Whether word ``index`` is a single character split off the word before it, a name jieba does not know cut
    up (哥 of 瓦伦本|哥|国家公园, 儿 and 汗 of 阿布海|儿|汗|时代): a noun phrase does not start there. A name that ends
    in a place's suffix is whole (新 of 云潭镇|新|农村 starts the village's name)."""
    start, end, _ = words[index]
    if end - start > 1 or index == 0:
        return False
    before, stop, flag = words[index - 1]
    return stop - before == 1 and joins_head(flag) or flag in NAME_TAGS and not folded[before:stop].endswith(
        PLACE_SUFFIXES)


def joins_head(flag: str) -> bool:
    """A word that may stand in a noun phrase before its head (or, not a locality word like 中, be the head):
    nominal or a place word (站南 in 站南社区), but not a number or classifier (一篇)."""
    return flag.startswith(NOMINAL_TAGS + ("s",)) and flag not in ("m", "q", "mq")
