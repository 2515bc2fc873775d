import pytest

from qa.reader.places import fits_place_kind, place_kind_asked, territory_names
from qa.reader.questions import analyze_question
from qa.reader.slot import asked_noun
from qa.text.normalize import fold


@pytest.mark.parametrize("question, expected", [
    ("德國的西邊是哪一個國家?", "country"),  # DRCD
    ("坦尚尼亞聯合共和國的西南邊是哪一國?", "country"),  # DRCD
    ("唐納德·赫布是哪國人?", "country"),  # DRCD: a nationality
    ("自然史博物館位在哪一個國家內?", "country"),  # DRCD: 在哪 + 一个国家
    ("西德的領土並不包含哪一國佔領德國的部分？", "country"),  # DRCD
    ("托木斯克州的首府為哪一個城市?", "division"),  # DRCD
    ("南華縣的東邊是哪一個縣?", "division"),  # DRCD
    ("芝加哥大學位於美國的哪一個州?", "division"),  # DRCD
    ("邓铭东是哪个村的？", "division"),
    ("台灣第一座二二八紀念碑位於哪個縣市?", "division"),  # DRCD
    ("盧安達境內哪一個國家公園為山地大猩猩的棲息地?", ""),  # DRCD: a park, not a country
    ("A-135反彈道導彈系統部署在哪個區域附近？", ""),  # DRCD: 区域 is no division
    ("尤金袋鼠分布在哪里？", ""),
    ("胜利广场中心是哪个国王的骑马雕像？", ""),  # a person
    ("哪一个洲为俄罗斯联邦区第16大的洲?", ""),  # not typed a place
    ("古代和中世紀歐洲歷史上最悠久的君主制國家是?", "country"),  # DRCD: no interrogative, the noun equated
    ("鶴崗市與富錦市及佳木斯市之間相隔了哪一條河?", "feature"),  # DRCD
    ("巴爾的摩位於哪一個河流的河口地區?", "feature"),  # DRCD
    ("元日之間主要的交流是透過哪一個港口?", "feature"),  # DRCD
    ("韓國的天然湖泊當中最大的位於哪一座山頂上?", ""),  # DRCD: a mountain's top names no feature
])
def test_the_kind_of_place_is_read_from_the_word_after_the_interrogative(question: str, expected: str) -> None:
    info = analyze_question(fold(question))
    assert place_kind_asked(info, asked_noun(info)) == expected


@pytest.mark.parametrize("text, kind, fits", [
    ("欧洲", "country", False),  # 德國的西邊是哪一個國家 had got 歐洲
    ("欧洲", "division", False),  # 世界最高的博物館位於哪一個城市
    ("东南亚", "country", False),
    ("拉丁美洲", "division", False),
    ("中国", "division", False),  # 哪一個城市不僅為吉林省第五大城市 had got 中國
    ("德国", "division", False),
    ("义大利", "division", False),  # Taiwan's name for Italy, folded
    ("俄罗斯", "division", False),
    ("新加坡", "division", True),  # a city state
    ("台湾", "division", True),  # also a province's name
    ("通化市", "division", True),
    ("高州", "division", True),  # a name CLDR does not know may be anything
    ("三国", "country", False),  # a count of countries
    ("各国", "country", False),
    ("法三国", "country", False),  # cut from 美英法三国
    ("美国维吉尼亚州", "country", False),  # a state
    ("济州岛", "country", False),  # an island
    ("冰岛", "country", True),  # CLDR names a country so
    ("所罗门群岛", "country", True),
    ("寮国", "country", True),  # Taiwan's name for Laos
    ("荷兰", "country", True),
    ("清帝国", "country", True),  # a state of the past, unknown to CLDR
    ("北京", "country", True),  # no list of cities: it may not be refused
    ("香港", "country", False),  # 马尼拉是哪一个国家的城市 had got 香港
    ("香港", "division", True),
    ("联合国", "country", False),  # 哪一國為前南斯拉夫的領土分裂出來 had got 聯合國
    ("欧洲", "", True),  # 分布在哪里 may be answered by a continent
    ("中华人民共和国黑龙江省", "feature", False),  # DRCD, folded: 相隔了哪一條河 had got a province
    ("马里兰州", "feature", False),  # DRCD, folded: 位於哪一個河流的河口地區
    ("日本", "feature", False),  # DRCD: 透過哪一個港口
    ("黑龙江", "feature", True),
    ("大连", "feature", True),  # DRCD, folded: a port known by its city's name
    ("济州岛", "feature", True),
    ("无量山", "feature", True),  # DRCD, folded: jieba tags it an idiom
    ("东西", "feature", False),  # DRCD, folded: 哀牢山以及哪一座山相鄰, a direction jieba tags as a place
    ("北部", "division", False),
    ("东南", "country", False),
    ("瑞士伯尔尼", "country", False),  # DRCD, folded: 到哪一個國家的國際學校就讀, against 於瑞士伯爾尼的一間國際學校
    ("美国纽奥良", "country", False),  # DRCD, folded: 故事發生於哪一個國家
    ("南非共和国", "country", True),  # a country's longer name
    ("俄罗斯联邦", "country", True),  # DRCD, folded: 庫頁島是屬於哪個國家的島嶼
    ("瑞士伯尔尼", "", True),
])
def test_a_place_answers_only_a_question_asking_for_its_kind(text: str, kind: str, fits: bool) -> None:
    assert fits_place_kind(text, kind) is fits


def test_territory_names_keep_countries_and_regions_apart() -> None:
    names = territory_names()
    assert {"中国", "美国", "坦桑尼亚", "坦尚尼亚", "意大利", "义大利"} <= names.countries
    assert {"世界", "欧洲", "非洲", "东南亚", "南极洲"} <= names.regions
    assert {"香港", "澳门", "中国香港特别行政区", "联合国", "欧盟"} <= names.not_countries
    assert not names.countries & names.regions and not names.countries & names.not_countries
    assert not {"欧盟", "联合国", "新加坡", "台湾"} & names.countries
