"""Sentence scoring: a question word found only around the sentence (its passage) earns part credit, one found in the
title of its document full credit."""

from dataclasses import replace

import pytest

from qa.reader.questions import analyze_question
from qa.reader.sentences import score_sentences, weighted_coverage
from qa.reader.weights import ReaderWeights
from qa.schema import Hit


def test_words_in_the_sentence_count_whole_and_around_it_in_part():
    weights = {"核酸": 2.0, "检测": 1.0, "云潭镇": 1.0}
    assert weighted_coverage(weights, "核酸检测") == pytest.approx(0.75)
    assert weighted_coverage(weights, "核酸检测", "云潭镇开展核酸检测", 0.5) == pytest.approx(0.875)
    assert weighted_coverage({}, "核酸") == 0.0


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

