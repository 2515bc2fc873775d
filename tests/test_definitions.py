"""What-is questions: the term asked about, and the complement its defining sentence gives it."""

import pytest

from qa.reader.definitions import defined_term, definitions
from qa.reader.questions import analyze_question
from qa.text.normalize import fold


@pytest.mark.parametrize("question, term", [
    ("什么是乙酰胺？", "乙酰胺"),
    ("CS/MPQ-78雷达是什么？", "cs/mpq-78雷达"),
    ("“六片”指的是什么？", "“六片”"),
    ("盾柱木的别名是什么？", "盾柱木的别名"),
    ("何謂暴發戶？", "暴发户"),
])
def test_the_term_a_what_is_question_asks_about(question, term):
    assert defined_term(analyze_question(question)) == term


@pytest.mark.parametrize("question", ["是什么让他留下？", "生命数耗完即算为什么？", "昌昌是什么王国的首都？", "谁是党委书记？",
                                      "他在哪里工作？"])
def test_other_questions_ask_about_no_term(question):
    assert defined_term(analyze_question(question)) == ""


@pytest.mark.parametrize("sentence, term, expected", [
    # CMRC 2018 trial sentences (CC BY-SA 4.0), folded
    ("乙酰胺是由乙酸衍生出的酰胺，分子式为CHCONH。", "乙酰胺", ["由乙酸衍生出的酰胺"]),
    ("易颉输入法（简称易颉）是一种智慧型仓颉输入法，运作原理是…", "易颉输入法", ["一种智慧型仓颉输入法"]),
    ("“一心”指西施殿景区，“六片”指主入口管理区、古越文化区、休闲度假区。", "“六片”", ["主入口管理区、古越文化区、休闲度假区"]),
    ("cs/mpq-78雷达为中山科学研究院自行研发的低空搜索雷达系统。", "cs/mpq-78雷达", ["中山科学研究院自行研发的低空搜索雷达系统"]),
])
def test_the_definition_runs_from_the_copula_to_the_clause_end(sentence, term, expected):
    folded = fold(sentence)
    assert [folded[start:end] for start, end in definitions(folded, term)] == expected


@pytest.mark.parametrize("sentence", [
    "乙酰胺指出了一个方向。",  # 指出 is no copula
    "乙酰胺是否有毒尚无定论。",
    "乙酰胺为了稳定需要低温保存。",
    "乙酰胺的衍生物是溶剂。",  # the term is not the subject
])
def test_no_definition_without_a_copula_right_after_the_term(sentence):
    assert definitions(fold(sentence), "乙酰胺") == []


@pytest.mark.parametrize("sentence, term, expected", [
    # CMRC 2018 trial sentences (CC BY-SA 4.0), folded
    ("三角关系，亦称做三角恋、三角恋爱、三角恋情，是指一个三个人的群体在同一时期中，陷入了类似以下的状况。", "三角关系",
     ["一个三个人的群体在同一时期中"]),
    ("暴发户（），也称为新贵（，），指一个人在短时间内就取得了可观的财富。", "暴发户", ["一个人在短时间内就取得了可观的财富"]),
    ("内台航路，或称内台航线，是台湾日治时期连结日本内地与台湾的海运航线，又分为官方指定的航线。", "内台航路",
     ["台湾日治时期连结日本内地与台湾的海运航线"]),
])
def test_clauses_giving_other_names_may_stand_before_the_copula(sentence, term, expected):
    assert [sentence[start:end] for start, end in definitions(sentence, term)] == expected


@pytest.mark.parametrize("sentence, term, expected", [
    ("总杆数低于标准杆数一杆完成比赛，称为小鸟球（Birdie），或者简称小鸟。", "小鸟球", ["总杆数低于标准杆数一杆完成比赛"]),  # CMRC
    ("这个以牛车载水供应用水的地区就称为牛车水。", "牛车水", ["这个以牛车载水供应用水的地区"]),  # CMRC
])
def test_a_definition_may_come_before_the_term_it_names(sentence, term, expected):
    assert [sentence[start:end] for start, end in definitions(sentence, term)] == expected


def test_a_naming_verb_with_nothing_defined_before_it_gives_no_definition():
    assert definitions("他称为王先生的朋友是医生。", "王先生") == []
