"""Questions about what someone did: which questions ask it, and the predicate a sentence gives its subject."""

import pytest

from qa.reader.actions import anchor, predicates
from qa.reader.questions import analyze_question
from qa.text.normalize import fold

# Sentences from seeds/ (茂名晚报, 2022) and one from CMRC 2018 trial (CC BY-SA 4.0).
ARRIVED = ("作为云潭镇新农村第二党支部的一名预备党员,邓铭东同志放下了手头上的工作,迅速回到核酸检测现场,他用自己的手机为群众录入"
           "核酸检测信息,并提前为医务人员和群众准备好了充电宝。")
SWORE = "7月11日,茂南区城南街道综合行政执法办公室主任蓝家宇和4名党员面向党旗庄严宣誓,誓言进入疫情最严重区域。"
DIRECTED = "镇党委书记古辉到核酸检测现场指挥调度检测工作,并及时以党委名义做好解释工作。"
MUSEUM = "公园里有一座小型的火车博物馆,用来展示泰国的机车及车厢。"


@pytest.mark.parametrize("question", ["邓铭东在核酸检测现场做了什么？", "蓝家宇和4名党员做了什么", "他为群众做了哪些事？",
                                      "后燃器是用来做什么的?", "杨瑛得知独孤剑下落后做了什么？",
                                      "7月11日莱茵春天小区发生了什么？"])
def test_questions_about_what_someone_did(question):
    assert analyze_question(question).type == "action"


@pytest.mark.parametrize("question", ["林永康离职前，是做什么工作的？", "他们晚饭做什么菜", "邓铭东在哪里帮忙？",
                                      "民国二年南田县发生了什么变故？"])
def test_other_questions_are_not_about_an_action(question):
    assert analyze_question(question).type != "action"


def test_the_words_a_question_asks_with_are_no_content_words():
    assert analyze_question("邓铭东为群众做了哪些事？").words == ["邓铭东", "群众"]


@pytest.mark.parametrize("sentence, question, expected", [
    (SWORE, "蓝家宇和4名党员做了什么？", "面向党旗庄严宣誓"),
    (DIRECTED, "古辉到核酸检测现场做了什么？", "指挥调度检测工作"),
    (ARRIVED, "邓铭东在核酸检测现场做了什么？", "用自己的手机为群众录入核酸检测信息"),  # the next clause, its 他 left out
    (ARRIVED, "邓铭东做了什么？", "放下了手头上的工作"),  # the form of address left out
    ("7月11日,茂南区城南街道莱茵春天小区划为高、中风险区域。", "7月11日莱茵春天小区发生了什么？", "划为高、中风险区域"),
    # jieba tags 部署 a noun: the predicate is read by position, not by tags
    ("尽管已经疲惫不堪,云潭镇党政领导班子仍然坚持召开班子会议,专题研究部署下一阶段的疫情防控工作。",
     "云潭镇党政领导班子在班子会议上做了什么？", "专题研究部署下一阶段的疫情防控工作"),
])
def test_the_predicate_after_the_question_words(sentence, question, expected):
    folded = fold(sentence)
    spans = predicates(folded, analyze_question(question))
    assert [folded[a:b] for a, b in spans] == [expected]


def test_no_predicate_where_the_words_are_missing_or_a_copula_follows():
    assert predicates(fold(DIRECTED), analyze_question("陈永滔做了什么？")) == []
    assert predicates(fold("古辉是镇党委书记。"), analyze_question("古辉做了什么")) == []


def test_the_anchor_follows_the_question_words_in_their_order():
    folded = fold(ARRIVED)
    assert folded[anchor(folded, ["邓铭东", "核酸", "检测", "现场"]) - 2:][:2] == "现场"
    assert anchor(folded, ["陈永滔"]) == -1
