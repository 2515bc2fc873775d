"""Durations, counts of times and Chinese numerals: question types, spans, and numbers matched as values."""

import pytest

from qa.reader.candidates import extract_candidates
from qa.reader.numerals import arabic, chinese_value
from qa.reader.patterns import durations, quantities, times
from qa.reader.questions import analyze_question


@pytest.mark.parametrize("numeral, value", [("三", 3), ("两", 2), ("十", 10), ("十二", 12), ("二十", 20),
                                            ("一百零五", 105), ("两百", 200), ("三万五千", 35000), ("一亿", 100_000_000)])
def test_chinese_numerals_have_their_values(numeral, value):
    assert chinese_value(numeral) == value


@pytest.mark.parametrize("numeral", ["两三", "三四十", "十十"])
def test_runs_that_name_no_single_number_are_not_read(numeral):
    assert chinese_value(numeral) is None


@pytest.mark.parametrize("numeral, value", [("廿八", 28), ("廿", 20), ("卅", 30), ("卅五", 35), ("卌", 40)])
def test_single_characters_for_twenty_thirty_and_forty_are_tens(numeral, value):
    assert chinese_value(numeral) == value


def test_a_count_or_a_day_written_with_nian_is_read():
    # DRCD (CC BY-SA 3.0), folded: the age and the day, not 八岁 and 五月 alone (the era's year before joins it)
    text = "宋朝福建湄洲的孝女林默娘廿八岁时"
    assert [text[start:end] for start, end in quantities(text)] == ["廿八岁"]
    assert arabic("林默娘廿八岁时") == "林默娘28岁时"
    sentence = "永乐六年五月廿四日,薨于昌德宫"
    assert [sentence[start:end] for start, end in times(sentence)] == ["永乐六年五月廿四日"]


def test_arabic_rewrites_numbers_for_matching_only():
    assert arabic("连续三天") == "连续3天"
    assert arabic("两三天") == "两三天"
    assert arabic("十几天") == "十几天"


@pytest.mark.parametrize("question, measure", [
    ("云潭镇全员核酸检测连续进行了几天？", "天"), ("镇卫生院的党员连续奋战了多长时间？", ""), ("疫情持续了多久？", ""),
    ("他在医院工作了几个小时？", "小时"), ("封控持续了多少天", "天"), ("这项工程用了几年", "年"),
    ("How long did the testing last?", ""),
])
def test_duration_questions(question, measure):
    info = analyze_question(question)
    assert info.type == "duration" and info.measure == measure


@pytest.mark.parametrize("question, measure", [("共完成了几轮大规模核酸检测？", "轮"), ("他去过几次北京？", "次"),
                                               ("这是他第几天上班？", "天")])
def test_counts_of_times_and_ordinals_stay_quantities(question, measure):
    info = analyze_question(question)
    assert info.type == "quantity" and info.measure == measure


def spans_text(text, spans):
    return [text[a:b] for a, b in spans]


@pytest.mark.parametrize("text, expected", [
    ("7月12日起连续三天,高州云潭镇需对全镇人民群众开展全员核酸检测", ["三天"]),  # seed article
    ("党员干部连续奋战了6个小时", ["6个小时"]),
    ("工程历时一个多月才完工", ["一个多月"]),
    ("他在那里工作了十几天", ["十几天"]),
    ("预计需要3至5年", ["3至5年"]),
    ("休息了半天", ["半天"]),
    ("第二次世界大战持续了六年", ["六年"]),  # CMRC-style encyclopaedic sentence
])
def test_durations_are_quantities_of_time(text, expected):
    assert spans_text(text, durations(text)) == expected


def test_counts_and_years_are_not_durations():
    text = "共完成5轮检测,共有400多名党员,二〇二二年,2022年"
    assert durations(text) == []
    assert spans_text(text, quantities(text)) == ["5轮", "400多名"]


def test_duration_question_gets_the_duration_candidate():
    sentence = "根据疫情防控工作需要,7月12日起连续三天,高州云潭镇需对全镇人民群众开展全员核酸检测。"
    found = extract_candidates(sentence, analyze_question("云潭镇全员核酸检测连续进行了几天？"))
    assert [sentence[c.start:c.end] for c in found if c.type == "duration"] == ["三天"]
