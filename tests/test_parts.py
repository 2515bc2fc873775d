"""Questions that ask two things: where they split, and answers with a part each."""

import pytest

from qa.reader.parts import joined, split_question
from qa.schema import Answer, Span


@pytest.mark.parametrize("question, parts", [
    ("云潭镇从哪天起开展全员核酸检测，持续了几天？", ["云潭镇从哪天起开展全员核酸检测", "持续了几天"]),
    ("核酸检测什么时候开始、持续多久？", ["核酸检测什么时候开始", "持续多久"]),
    ("城南街道党工委书记是谁以及他说了什么？", ["城南街道党工委书记是谁", "他说了什么"]),
])
def test_two_questions_in_one_are_split(question, parts):
    assert split_question(question) == parts


@pytest.mark.parametrize("question", ["蓝家宇和几名党员面向党旗宣誓？", "高、中风险区有多少人完成了核酸检测？",
                                      "邓铭东是哪个党支部的预备党员？", "谁在哪里发现了病毒？"])
def test_one_question_is_not_split(question):
    assert len(split_question(question)) == 1


def answer(text, start, passage="p", sentence=(0, 40)):
    return Answer(text, "time", 1.0, passage, start, start + len(text), Span(*sentence), "D", 100 + start,
                  100 + start + len(text))


def test_close_parts_show_the_stretch_that_holds_them():
    text = "根据疫情防控工作需要,7月12日起连续三天,高州云潭镇需对全镇人民群众开展全员核酸检测。"
    both = joined([answer("7月12日", 11), answer("三天", 19)], {"p": text})
    assert both.text == "7月12日起连续三天" == text[both.start:both.end]
    assert [p.text for p in both.parts] == ["7月12日", "三天"] and both.doc_end - both.doc_start == len(both.text)


def test_distant_parts_are_joined():
    both = joined([answer("陈永滔", 5, "p1"), answer("7月11日", 3, "p2")], {"p1": "", "p2": ""})
    assert both.text == "陈永滔；7月11日" and both.passage_id == "p1" and len(both.parts) == 2


def test_a_two_part_question_gets_both_parts(fast_service):
    result = fast_service.ask("高州云潭镇从哪天起需对全镇人民群众开展全员核酸检测，连续几天？")
    answer = result.answer
    assert answer is not None and [(p.text, p.type) for p in answer.parts] == [("7月12日", "time"), ("三天", "duration")]
    document = fast_service.document(answer.doc_id).document
    for part in answer.parts:
        assert document.text[part.doc_start:part.doc_end] == part.text
