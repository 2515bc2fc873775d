"""Sentence scoring: a question word found only around the sentence (its passage) earns part credit, one found in the
title of its document full credit."""

from dataclasses import replace

import pytest

from qa.reader.questions import analyze_question
from qa.reader.sentences import longest_part_held, score_sentences, weighted_coverage, with_parts_held
from qa.reader.weights import ReaderWeights
from qa.schema import Hit


def test_words_in_the_sentence_count_whole_and_around_it_in_part():
    weights = {"核酸": 2.0, "检测": 1.0, "云潭镇": 1.0}
    assert weighted_coverage(weights, "核酸检测") == pytest.approx(0.75)
    assert weighted_coverage(weights, "核酸检测", "云潭镇开展核酸检测", 0.5) == pytest.approx(0.875)
    assert weighted_coverage({}, "核酸") == 0.0


@pytest.mark.parametrize("word, texts, part", [
    # CMRC 2018 trial (CC BY-SA 4.0) and DRCD test (CC BY-SA 3.0, folded): jieba glued a character onto a name
    ("杜普洛因", ["琴娜·杜普洛(jenna dupreau)是美国作家"], "杜普洛"),
    ("魏舒史", ["魏舒,即魏献子"], "魏舒"),
    ("阶和鼓阶中", ["前庭阶和鼓阶在蜗顶处通连"], "阶和鼓阶"),
    ("出自于", ["此书出自他的手"], "出自"),
    ("核酸检测车", ["全员核酸检测"], "核酸检测"),
    ("核酸检测车", ["检测人员"], "核酸检测车"),  # no part of half its length or more is held: 检测 is two of five
    ("设计者", ["他的作品"], "设计者"),
])
def test_the_longest_part_of_a_word_that_a_passage_holds(word, texts, part):
    assert longest_part_held(word, texts) == part


def test_a_word_no_passage_holds_gives_way_to_its_part_at_the_share_of_its_length():
    texts = ["琴娜·杜普洛(jenna dupreau)是美国作家,因其“ember书籍”系列儿童小说而著名"]
    assert with_parts_held({"琴娜": 5.0, "杜普洛因": 8.0, "著名": 2.0}, texts) == {"琴娜": 5.0, "杜普洛": 6.0,
                                                                                   "著名": 2.0}
    assert with_parts_held({"满州": 4.0}, ["满洲"]) == {"满州": 4.0}  # two characters: kept as asked
    assert with_parts_held({"出自": 3.0, "出自于": 3.0}, ["出自他的手"]) == {"出自": 3.0}  # the heavier of the two


def test_a_count_of_two_characters_no_passage_holds_weighs_nothing():
    texts = ["在继任的冯国璋总统任期内,与冯国璋发生第二次府院之争"]  # DRCD test, folded
    assert with_parts_held({"继任": 5.5, "总统": 3.3, "一职": 8.3}, texts) == {"继任": 5.5, "总统": 3.3}
    assert with_parts_held({"人口": 2.0, "十万": 6.0}, ["人口超过100,000的城市"]) == {"人口": 2.0}  # written in digits
    assert with_parts_held({"第一": 2.0, "一次": 3.0}, ["第一次世界大战"]) == {"第一": 2.0, "一次": 3.0}  # held: kept
    assert with_parts_held({"三峡": 6.0, "大坝": 4.0}, ["大坝"]) == {"三峡": 6.0, "大坝": 4.0}  # a name, not a count


def test_the_shi_a_question_glues_onto_a_date_weighs_nothing_where_no_passage_holds_it():
    texts = ["1946年他获得了少尉军阶"]  # after DRCD test: 卡特曾於1946年時榮獲了哪一個軍階
    assert with_parts_held({"卡特": 5.0, "年时": 6.0, "军阶": 4.0}, texts) == {"卡特": 5.0, "军阶": 4.0}
    assert with_parts_held({"少年时": 5.0, "年时": 6.0}, ["他少年时在上海"]) == {"少年时": 5.0, "年时": 6.0}  # held


def test_words_of_the_title_count_whole_as_if_in_the_sentence():
    weights = {"明仁": 3.0, "即位": 1.0}
    sentence = "1989年昭和天皇崩御后即位为天皇"
    passage = "明仁是日本第125代天皇。" + sentence
    assert weighted_coverage(weights, sentence, passage, 0.5) == pytest.approx(0.625)
    assert weighted_coverage(weights, sentence, sentence, 0.5, "明仁") == pytest.approx(1.0)


def test_a_passage_title_counts_as_if_in_every_sentence(fast_service):
    index = fast_service.index
    passage = next(p for p in index.passages if "核酸" in p.text and "莱茵春天" not in p.text)
    question = analyze_question("莱茵春天的核酸检测")
    weights = {word: 1.0 for word in question.words}
    in_title_only = [word for word in weights if word in "莱茵春天小区" and word not in passage.text]
    assert in_title_only == ["莱茵", "春天"]
    reader = ReaderWeights()

    def best_coverage(title: str) -> float:
        hit = Hit(replace(passage, title=title), 1.0)
        return max(s.coverage for s in score_sentences(question, weights, None, [hit], index, 1, reader))

    untitled, titled = best_coverage(""), best_coverage("莱茵春天小区")
    assert titled == pytest.approx(untitled + len(in_title_only) / len(weights))

