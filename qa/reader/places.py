"""The kind of place a question asks for, a country, a division of one (哪个国家, 哪一个城市, 哪个县) or a feature of
the land or sea (哪一条河, 哪个港口), and the place names that cannot be of that kind: a world region (欧洲, 东南亚) is
none of them, a country (中国) is no city, county or river, a province (黑龙江省) no river, and neither a special
region (香港), a union (联合国), a name ending in a division's suffix (美国维吉尼亚州, 济州岛) nor a count of countries
(三国) is a country. Country and region names are the Unicode CLDR territory names that Babel ships, in Simplified
and Traditional Chinese, folded as the reader folds text."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Literal, NamedTuple

from qa.reader.questions import CLASSIFIERS, QuestionInfo
from qa.reader.spans import CHINESE_DIGITS, tagged
from qa.text.normalize import fold

PlaceKind = Literal["country", "division", "feature", ""]

COUNTRY_NOUNS = ("国家", "国", "国人", "国内")
"""Words after 哪 (and any 一 and classifier) that ask for a country (哪一国, 哪国人 asks for a nationality, 哪一国内)."""
DIVISION_NOUNS = ("城市", "城", "市", "县", "县市", "省", "省份", "州", "镇", "乡", "村", "村子", "区")
"""Words after 哪 that ask for a division of a country: a city, county, province, state, town or village."""
FEATURE_NOUNS = ("河", "江", "河流", "山", "山脉", "山峰", "峰", "湖", "湖泊", "海", "海峡", "海湾", "湾", "港", "港口",
                 "岛", "岛屿", "半岛")
"""Words after 哪 that ask for a feature of the land or sea: a river, mountain, lake, sea, strait, bay, port or
island."""
LEVEL_SUFFIXES = ("市", "县", "省", "州", "镇", "乡", "村", "区", "街道", "社区")
"""Endings of a name that make it a division of a country, no river, mountain, lake, sea or port (黑龙江省 is not
the 黑龙江 asked for by 哪一条河)."""
DIVISION_SUFFIXES = LEVEL_SUFFIXES + ("岛",)
"""Endings of a name that make it a division or an island, not a country (美国维吉尼亚州, 济州岛), unless CLDR names a
country so (冰岛, 所罗门群岛)."""
NAME_LOCALES = ("zh", "zh_Hant", "zh_Hant_HK")
"""The CLDR locales whose territory names are read: mainland, Taiwan and Hong Kong usage (坦桑尼亚, 坦尚尼亚)."""
CONTINENT_CODES = ("AQ",)
"""CLDR territory codes of letters that name a continent, read with the numeric codes of world regions: Antarctica."""
NOT_COUNTRIES = ("EU", "EZ", "UN", "QO", "ZZ", "XA", "XB")
"""CLDR territory codes that name no country: unions, pseudo-regions and the unknown region."""
ALSO_DIVISIONS = ("SG", "MC", "VA", "HK", "MO", "TW")
"""Territories that may answer a question asking for a city or province too: city states (新加坡, 摩纳哥, 梵蒂冈),
Hong Kong and Macau, and Taiwan, also a province's name."""
SPECIAL_REGIONS = ("HK", "MO")
"""Territories that are no country and may answer a question asking for a city: Hong Kong and Macau, named by CLDR
as 中国香港特别行政区 and known by the core of that name (香港)."""
SPECIAL_REGION_FRAME = re.compile("^中国|特别行政区$")
"""What CLDR's name of a special region adds around the name it is known by."""
COMPASS = "东南西北中"
"""First characters of the words of position that name a region (北部, 东南部, 中部): they may answer where."""
DIRECTION = re.compile(f"[{COMPASS}]+[部方边面]?")
"""A direction or a side (东西, 西南, 北部): it names no country, division or feature of the land."""
COUNTRY_NAME_ENDINGS = ("国", "联邦")
"""Endings of a country's longer name, which starts with the name it is known by (南非共和国, 俄罗斯联邦)."""
COUNTRY_COUNT = re.compile(rf"[\d{CHINESE_DIGITS}几数多各诸列]国$")
"""The end of a count of countries (三国, 各国, 法三国 cut from 美英法三国), no country."""


class Territories(NamedTuple):
    """Folded CLDR territory names, by what they may answer."""

    countries: frozenset[str]
    """Countries, less :data:`ALSO_DIVISIONS`."""
    regions: frozenset[str]
    """World regions (世界, 欧洲, 东南亚, 拉丁美洲) and Antarctica."""
    not_countries: frozenset[str]
    """Territories that are no country: the :data:`SPECIAL_REGIONS`, by CLDR's name and by its core (香港), and
    the unions and pseudo-regions of :data:`NOT_COUNTRIES` (欧盟, 联合国)."""


@lru_cache(maxsize=1)
def territory_names() -> Territories:
    """The CLDR territory names of :data:`NAME_LOCALES`, folded and sorted by what they may answer."""
    from babel import Locale

    countries: set[str] = set()
    regions: set[str] = set()
    others: set[str] = set()
    for locale in NAME_LOCALES:
        for code, name in Locale.parse(locale).territories.items():
            name = fold(name)
            if code.isdigit() or code in CONTINENT_CODES:
                regions.add(name)
            elif code in SPECIAL_REGIONS:
                others.update((name, SPECIAL_REGION_FRAME.sub("", name)))
            elif code in NOT_COUNTRIES:
                others.add(name)
            elif code not in ALSO_DIVISIONS:
                countries.add(name)
    return Territories(frozenset(countries), frozenset(regions), frozenset(others))


def place_kind_asked(question: QuestionInfo, noun: str) -> PlaceKind:
    """The kind of place a place question asks for, by the word after its 哪, 何 or 什么 and any 一 and classifier
    (哪一个国家, 哪国人 → country; 哪个城市, 哪一州 → division; 哪一条河, 哪个港口 → feature) or by the noun it asks
    for where it names none after one (历史上最悠久的君主制国家是 → country); "" for other places (哪里, 哪个地区, and
    a noun of two characters or more after the word, which makes a compound asking for no country: 国家公园; not
    国家内).

    Args:
        question: the analysed question.
        noun: the noun it asks for (:func:`qa.reader.slot.asked_noun`).

    Returns:
        ``"country"``, ``"division"``, ``"feature"`` or "".
    """
    if question.type != "place":
        return ""
    word = noun
    interrogatives = list(re.finditer("哪|何|什么", question.wh))
    if interrogatives:
        rest = re.sub(f"^一?[{CLASSIFIERS}]?", "", question.wh[interrogatives[-1].end():] + question.suffix)
        words = tagged(rest)
        compound = len(words) > 1 and words[1][2] == "n" and words[1][1] - words[1][0] > 1
        word = "" if compound else rest[:words[0][1]] if words else noun
    return ("country" if word in COUNTRY_NOUNS else "division" if word in DIVISION_NOUNS
            else "feature" if word in FEATURE_NOUNS else "")


def fits_place_kind(text: str, kind: PlaceKind) -> bool:
    """Whether a folded candidate may be a place of the kind asked: no world region or direction (东西, 北部) is a
    country, a division or a feature, no country a division or a feature, no name ending in a division's suffix a
    feature (黑龙江省 for 哪一条河), and no special region (香港), union (联合国), name ending in a division's suffix,
    count of countries or place within a country (:func:`within_a_country`) a country.

    Args:
        text: the candidate's folded text.
        kind: what :func:`place_kind_asked` read from the question.

    Returns:
        False where the candidate cannot be of that kind.
    """
    if not kind:
        return True
    names = territory_names()
    if text in names.regions or DIRECTION.fullmatch(text):
        return False
    if kind == "division":
        return text not in names.countries
    if kind == "feature":
        return text not in names.countries and not text.endswith(LEVEL_SUFFIXES)
    return text in names.countries or not (text in names.not_countries or text.endswith(DIVISION_SUFFIXES)
                                           or COUNTRY_COUNT.search(text) or within_a_country(text, names.countries))


def within_a_country(text: str, countries: frozenset[str]) -> bool:
    """Whether a folded place names a place within a country: the country's name and more after it (瑞士伯尔尼,
    美国纽奥良), not a longer name of a country (:data:`COUNTRY_NAME_ENDINGS`: 南非共和国, 俄罗斯联邦)."""
    return not text.endswith(COUNTRY_NAME_ENDINGS) and any(text.startswith(country) and len(country) < len(text)
                                                           for country in countries)
