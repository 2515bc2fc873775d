"""Description questions (有什么特点, 有何作用, 的用途是什么) and the spans that answer them.

Sentences and questions marked CMRC are from the CMRC 2018 trial set (Chinese Wikipedia text, CC BY-SA 4.0), those
marked DRCD from the DRCD test set (Chinese Wikipedia text in Traditional characters, CC BY-SA 3.0, Delta
Electronics); see tests/data/README.md for both. The fresh gold's question is this project's (Apache-2.0).
"""

import pytest

from qa.reader.candidates import extract_candidates
from qa.reader.descriptions import asked_attribute, descriptions, subject_words
from qa.reader.questions import analyze_question
from qa.text.normalize import fold


@pytest.mark.parametrize("question, attribute", [
    ("夜来香的种子有什么特点？", "特点"),  # CMRC
    ("短叶水蜈蚣有哪些功能？", "功能"),  # CMRC
    ("浙江海塘有何作用?", "作用"),  # DRCD
    ("電燈泡所應用的焦耳加熱效應，也可以用來電力取暖，但電力取暖有什麼缺點?", "缺点"),  # DRCD, folded
    ("大果西番莲和百香果相比，有什么不同？", "不同"),  # CMRC
    ("发布情况说明后有什么效果？", "效果"),  # fresh gold
    ("这种树具有什么样的特征？", "特征"),
    ("夜来香的用途是什么？", "用途"),
])
def test_a_question_about_what_something_is_like_or_does_is_a_description(question, attribute):
    info = analyze_question(question)
    assert info.type == "description"
    assert attribute not in info.words  # the text states the property, rarely naming it


@pytest.mark.parametrize("question, expected", [
    ("莱茵春天小区疫情防控工作专班下设哪些工作小组？", "list"),  # seed: a thing asked for, not a property
    ("云潭镇党委通过哪些渠道发布核酸检测的情况说明？", "list"),  # seed
    ("这一政策对经济有什么影响力？", "list"),  # the attribute noun must end the question
    ("影响最大的是什么？", "identity"),  # not after 有, and not closing 的…是什么
])
def test_other_questions_keep_their_type(question, expected):
    assert analyze_question(question).type == expected


def test_asked_attribute_reads_both_forms():
    assert asked_attribute("夜来香的种子", "有什么", "特点") == "特点"
    assert asked_attribute("浙江海塘有", "何", "作用") == "作用"
    assert asked_attribute("夜来香的用途", "是什么", "") == "用途"
    assert asked_attribute("夜来香的种子", "是什么", "") == ""
    assert asked_attribute("云潭镇党委通过", "哪些", "渠道") == ""


@pytest.mark.parametrize("question, subjects", [
    ("夜来香的种子有什么特点？", ["种子"]),  # CMRC: the phrase after the last 的
    ("夜来香的副花冠有什么特点？", ["副花冠"]),  # CMRC: not 花冠, which the text names first in 花冠裂片
    ("长柄艾纳香的上部叶有什么特点？", ["上部叶"]),  # CMRC: not 上部, which the text says of the stem
    ("昌昌内的十个城堡的用途是什么？", ["十个城堡", "城堡"]),  # CMRC: the text says 这些城堡
    ("浙江海塘有何作用?", ["海塘", "浙江"]),  # DRCD: no 的, so the content words, the last first
    ("误食黄蝉有什么危害？", ["黄蝉", "误食"]),  # CMRC: the text says 误食可引致…, not naming 黄蝉
    ("過氧乙醚具有什麼樣的特性?", ["乙醚", "过氧"]),  # DRCD: 具 of 具有 is no part of it
    ("在苏格兰地区，蓍被认为有什么作用？", ["认为", "地区", "苏格兰"]),  # CMRC: 为 of 认为 is no 是/为 before 什么
    ("夜来香的用途是什么？", ["夜来香"]),  # not 夜来 too, a word inside it
    ("误食软枝黄蝉的话，有什么症状？", ["黄蝉", "软枝", "误食"]),  # CMRC: 的话 closes a condition, naming nothing
    ("如果误食黄蝉的话会有什么危害？", ["黄蝉", "误食"]),
    ("有什么特点？", []),
])
def test_the_subjects_are_what_the_question_names_before_the_attribute(question, subjects):
    assert subject_words(analyze_question(question)) == subjects


def test_a_phrase_after_de_that_names_nothing_is_no_subject():
    # DRCD: 是对孩子还 (after 最重要的) is no noun phrase, so the content words stand in
    info = analyze_question("專家建議產後餵初乳，可以減少出血以及最重要的是對孩子還有什麼好處?")
    assert subject_words(info)[0] == "孩子"


@pytest.mark.parametrize("sentence, subjects, expected", [
    # CMRC: what follows the subject to the sentence's end, commas and all
    ("种子宽卵形，顶端具白色绢质种毛。中国特有植物。", "种子", "宽卵形，顶端具白色绢质种毛"),
    # CMRC: a bracketed aside after the subject is skipped
    ("其叶柄（petiole）有四到六个腺体。", "叶柄", "有四到六个腺体"),
    # CMRC: a semicolon ends what is said of it
    ("花冠裂片5，矩圆形；副花冠5裂，肉质，短于花药；椭圆形直立的花粉块每室1个。", "副花冠 花冠", "5裂，肉质，短于花药"),
    # CMRC: the first subject the sentence names
    ("这些城堡用作礼仪、葬礼、庙宇、贮水及居住用途。", "十个城堡 城堡", "用作礼仪、葬礼、庙宇、贮水及居住用途"),
    # DRCD, folded: what the first clause says that the question says too is left out
    ("塢堡大多由世族豪強建立，主要作為軍事防衛。", "坞堡", "主要作为军事防卫"),
    ("果实中包含了许多的种子", "叶柄", None),  # the subject is not named
    ("它的用途是叶柄", "叶柄", None),  # nothing is said after it
    # CMRC: the attribute named right after the subject is left out
    ("产妇症状为呼吸困难及低血压，肺动脉高压。", "产妇", "呼吸困难及低血压，肺动脉高压"),
])
def test_descriptions_take_what_the_sentence_says_after_the_subject(sentence, subjects, expected):
    folded = fold(sentence)
    spans = descriptions(folded, subjects.split(), ["世族", "豪强", "建立"])
    assert [folded[a:b] for a, b in spans] == ([fold(expected)] if expected else [])


def test_the_questions_having_verb_in_the_sentence_leads_to_what_is_had():
    folded = fold("過氧乙醚傾向於以過氧化物的形式存在，並且可以形成具有爆炸性的過氧化物。")
    spans = descriptions(folded, ["乙醚"], ["过氧", "乙醚", "具有"])
    assert [folded[a:b] for a, b in spans] == [fold("爆炸性的過氧化物")]
    # without it the whole rest is kept; 过氧 of 过氧化物 is no echo of the question's 过氧, being no word there
    assert [folded[a:b] for a, b in descriptions(folded, ["乙醚"], ["过氧", "乙醚"])] == [
        fold("傾向於以過氧化物的形式存在，並且可以形成具有爆炸性的過氧化物")]


def test_a_description_question_gets_a_description_candidate():
    info = analyze_question("大果西番莲的根部有什么作用？")
    sentence = "它的根部可用来当作催吐剂与麻醉药品。"
    found = [sentence[c.start:c.end] for c in extract_candidates(sentence, info) if c.type == "description"]
    assert found == ["可用来当作催吐剂与麻醉药品"]
