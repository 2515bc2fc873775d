"""Restatement: the question rewritten with each of the best candidates, and the reordering by how closely that
finds the candidate's sentence (stand-in vectors here; the real model and index in the slow test)."""

import numpy as np
import pytest

from qa.config import Settings
from qa.reader import Reader
from qa.reader.candidates import Candidate
from qa.reader.questions import analyze_question
from qa.reader.restatement import Restatement, restated
from qa.reader.sentences import ScoredSentence


@pytest.mark.parametrize("question, answer, expected", [
    ("大秦指的是哪一个帝国？", "罗马帝国", "大秦指的是罗马帝国"),  # DRCD, folded: the asked noun said once
    ("这次核酸检测持续了几天？", "三天", "这次核酸检测持续了三天"),  # seed style
    ("谁是这篇报道的记者？", "张三", "张三是这篇报道的记者"),
    ("欧洲第一高峰为？", "厄尔布鲁士峰", "欧洲第一高峰为厄尔布鲁士峰"),  # DRCD: no interrogative, the answer follows
    ("最早的神经外科医学文献是用什么纸张写成的？", "莎草纸", "最早的神经外科医学文献是用莎草纸纸张写成的"),  # one shared character is not enough
])
def test_a_question_is_restated_with_the_answer_in_place_of_its_interrogative(question, answer, expected):
    assert restated(analyze_question(question), answer) == expected


def sentence_with(text: str, row: int) -> ScoredSentence:
    return ScoredSentence(hit=None, start=0, end=len(text), text=text, dense=0.5, coverage=0.5, score=0.5, row=row)


def candidate(sentence: ScoredSentence, answer: str) -> Candidate:
    start = sentence.text.index(answer)
    return Candidate(start, start + len(answer), "chunk", "chunk")


class Lookup:
    """A stand-in encoder: known texts get fixed unit vectors, and every call is recorded."""

    def __init__(self, vectors: dict[str, list[float]]) -> None:
        self.vectors = {text: np.array(v) / np.linalg.norm(v) for text, v in vectors.items()}
        self.calls: list[list[str]] = []

    def __call__(self, texts: list[str]) -> np.ndarray:
        self.calls.append(texts)
        return np.stack([self.vectors[text] for text in texts])


QUESTION = analyze_question("大秦指的是哪一个帝国？")
SENTENCE = sentence_with("其人民皆长大平正，故谓之大秦，即罗马帝国", 0)
OTHER = sentence_with("大秦位于其外部", 1)
SENTENCE_VECTORS = np.array([[0.0, 1.0, 0.0], [0.0, 0.0, 1.0]])


def sentence_vectors(rows: list[int]) -> np.ndarray:
    return SENTENCE_VECTORS[rows]


def ranked_list():
    return [(1.0, candidate(SENTENCE, "长大平正"), SENTENCE), (0.9, candidate(SENTENCE, "罗马帝国"), SENTENCE),
            (0.8, candidate(OTHER, "其外部"), OTHER)]


def encoder(third: list[float]) -> Lookup:
    return Lookup({"大秦指的是长大平正帝国": [1, 0, 0], "大秦指的是罗马帝国": [0, 1, 0], "大秦指的是其外部帝国": third})


def reranked(ranked, candidates=2, weight=0.5, question=QUESTION, encode=None):
    encode = encode or encoder([0, 0, 1])
    return Restatement(encode, candidates=candidates, weight=weight).rerank(question, ranked, sentence_vectors)


def test_the_candidate_whose_restatement_reads_like_its_sentence_moves_up_keeping_its_score():
    encode = encoder([0, 0, 1])
    reordered = reranked(ranked_list(), encode=encode)
    assert [SENTENCE.text[c.start:c.end] if s is SENTENCE else OTHER.text[c.start:c.end] for _, c, s in reordered] == [
        "罗马帝国", "长大平正", "其外部"]
    assert [score for score, _, _ in reordered] == [0.9, 1.0, 0.8], "each keeps the ranker's own score"
    assert encode.calls == [["大秦指的是长大平正帝国", "大秦指的是罗马帝国"]], "one call for the best two"


def test_a_wide_ranker_margin_is_not_overturned():
    ranked = ranked_list()
    ranked[0] = (1.6, *ranked[0][1:])
    assert reranked(ranked) == ranked


def test_only_the_best_few_are_restated():
    reordered = reranked(ranked_list(), weight=5.0)
    assert reordered[2] == ranked_list()[2], "the third, though its restatement matches best, is not looked at"
    widened = reranked(ranked_list(), candidates=3, weight=5.0)
    assert widened[1][1] == ranked_list()[2][1], "restated too, the third passes the first"


def test_a_lone_candidate_costs_no_encoder_call():
    encode = encoder([0, 0, 1])
    assert reranked(ranked_list()[:1], encode=encode) == ranked_list()[:1]
    assert encode.calls == []


def test_an_english_question_is_left_as_ranked():
    encode = encoder([0, 0, 1])
    english = analyze_question("How many people were sampled in the nucleic acid tests?")
    assert reranked(ranked_list(), weight=5.0, question=english, encode=encode) == ranked_list()
    assert encode.calls == []


def test_restatement_is_off_unless_asked_for(fast_embedder):
    assert Reader.from_settings(Settings(encoder="hashing"), embedder=fast_embedder).restatement is None
    reader = Reader.from_settings(Settings(encoder="hashing", answer_restate=3), embedder=fast_embedder)
    assert reader.restatement.candidates == 3 and reader.restatement.weight == reader.weights.restatement


def test_a_server_with_restatement_answers_over_http(fast_settings, fast_index_dir, fast_embedder, serve_app):
    import httpx

    from conftest import warm_service
    from qa.api import create_app

    settings = fast_settings.model_copy(update={"answer_restate": 3})
    service = warm_service(settings, fast_index_dir, fast_embedder)
    calls = []
    encode = service.reader.restatement.encode
    service.reader.restatement.encode = lambda texts: calls.append(texts) or encode(texts)
    url = serve_app(create_app(settings, service=service))
    body = httpx.post(f"{url}/ask", json={"question": "莱茵春天小区疫情防控工作专班下设哪些工作小组？"}, timeout=60).json()
    assert body["answer"]["text"] and calls, "the answer was chosen after restating the best candidates"


def test_with_the_real_model_the_restated_answer_that_finds_its_sentence_wins(embedder):
    import json
    from functools import partial

    from conftest import DRCD_SUBSET

    passage = next(json.loads(line) for line in (DRCD_SUBSET / "corpus.jsonl").read_text(encoding="utf-8").splitlines()
                   if json.loads(line)["id"] == "2485-4")["text"]
    start = passage.index("在1862年國會選舉中")
    text = passage[start:passage.index("。", start) + 1]
    sentence = ScoredSentence(hit=None, start=0, end=len(text), text=text, dense=0.5, coverage=0.5, score=0.5, row=0)
    question = analyze_question("好戰派民主黨人都投票給林肯是由於他們跟誰的意見不合?")  # DRCD 2485-4-3
    ranked = [(1.0, candidate(sentence, answer), sentence) for answer in ("溫和派", "喬治麥克萊倫")]
    vector = embedder.encode_documents([text])
    restatement = Restatement(partial(embedder.encode_queries, remember=False), candidates=2, weight=0.5)
    best = restatement.rerank(question, ranked, lambda rows: vector[[0 for _ in rows]])[0][1]
    assert text[best.start:best.end] == "喬治麥克萊倫"


def test_a_real_server_with_restatement_answers_the_seed_gold(settings, seed_index_dir, embedder, serve_app):
    import httpx

    from conftest import GOLD, warm_service
    from qa.api import create_app
    from qa.evaluate import load_gold

    restating = settings.model_copy(update={"answer_restate": 2})
    service = warm_service(restating, seed_index_dir, embedder)
    url = serve_app(create_app(restating, service=service))
    answers = {item.question: (item.answers, httpx.post(f"{url}/ask", json={"question": item.question},
                                                       timeout=60).json()["answer"]) for item in load_gold(GOLD)}
    right = sum(bool(gold) and answer is not None and answer["text"] in gold for gold, answer in answers.values())
    assert right >= 50 and sum(bool(gold) for gold, _ in answers.values()) == 58, "the default reader gets 53 of 58"
    assert all(answer is None for gold, answer in answers.values() if not gold), "every unanswerable one declined"
