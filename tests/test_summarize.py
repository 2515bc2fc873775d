"""Summaries: selection unit tests on hand-made cases, offsets and limits on the fast tier, and quality end to end
on the seed articles with the real model."""

import numpy as np
import pytest

from qa.summarize import Summarizer
from qa.summarize.graph import lexrank, mmr
from qa.summarize.units import SentenceUnit, text_units

YUNTAN = "000_8d8056a1d20578f2-2"
CHENGNAN = "000_8d8056a1d20578f2-1"


def test_lexrank_favours_the_central_sentence():
    similarity = np.array([[1, .9, .9], [.9, 1, .1], [.9, .1, 1]])
    scores = lexrank(similarity)
    assert scores.argmax() == 0 and scores.sum() == pytest.approx(1)


def test_mmr_skips_redundant_sentences():
    relevance = np.array([1.0, 0.95, 0.5])
    similarity = np.array([[1, .99, 0], [.99, 1, 0], [0, 0, 1]])
    assert mmr(relevance, similarity, [10, 10, 10], 2, None, 0.3, 0.95) == [0, 2]


def test_mmr_respects_length_limits():
    relevance = np.array([1.0, 0.9, 0.8])
    similarity = np.eye(3)
    assert mmr(relevance, similarity, [10, 50, 10], 3, 25, 0.3, 0.95) == [0, 2]
    assert mmr(relevance, similarity, [10, 50, 10], 1, None, 0.3, 0.95) == [0]
    assert mmr(relevance, similarity, [100, 5, 5], 3, 20, 0.3, 0.95) == [0]


def test_selection_keeps_source_order(fast_embedder, fast_settings):
    units = [SentenceUnit(f"句子{i}。", i * 5, i * 5 + 4, i) for i in range(3)]
    vectors = np.eye(3, dtype=np.float32)
    summarizer = Summarizer.from_settings(fast_embedder, fast_settings)
    picked = summarizer.select(units, vectors, np.array([0.2, 0.9, 0.8]), 2, None)
    assert [sentence.start for sentence in picked] == [5, 10]


def test_text_units_index_the_text():
    text = "第一句很长很长很长。  短。\n第二句也很长很长很长!"
    units = text_units(text)
    assert [text[u.start:u.end] for u in units] == [u.text for u in units] == ["第一句很长很长很长。", "第二句也很长很长很长!"]


def test_one_sentence_summary_is_the_testing_campaign(service):
    [sentence] = service.summarize(doc_id=YUNTAN, max_sentences=1).sentences
    assert "核酸检测" in sentence.text and "全镇" in sentence.text
    assert "记者" not in sentence.text and sentence.text != "核酸检测现场秩序井然。"


@pytest.mark.parametrize("doc_id", [YUNTAN, CHENGNAN])
def test_document_summaries_are_verbatim_with_offsets(service, doc_id):
    document = service.document(doc_id).document
    summary = service.summarize(doc_id=doc_id)
    assert len(summary.sentences) == 3 and summary.keywords
    starts = [s.start for s in summary.sentences]
    assert starts == sorted(starts)
    for sentence in summary.sentences:
        assert document.text[sentence.start:sentence.end] == sentence.text
        assert sentence.doc_id == doc_id and sentence.passage_id.startswith(doc_id)
        assert sentence.start >= document.dateline_end and not sentence.text.startswith("“")
    assert summary.text == "".join(s.text for s in summary.sentences)


@pytest.mark.parametrize("doc_id", [YUNTAN, CHENGNAN])
def test_fast_tier_summaries_index_their_documents(fast_service, doc_id):
    document = fast_service.document(doc_id).document
    summary = fast_service.summarize(doc_id=doc_id, max_sentences=4)
    assert 1 <= len(summary.sentences) <= 4
    assert all(document.text[s.start:s.end] == s.text and s.start >= document.dateline_end for s in summary.sentences)


def test_stored_summary_and_keywords_come_with_the_document(client):
    document = client.get(f"/documents/{YUNTAN}").json()
    assert len(document["summary"]) == 3 and len(document["keywords"]) >= 5
    for sentence in document["summary"]:
        assert document["text"][sentence["start"]:sentence["end"]] == sentence["text"]


def test_question_summary_draws_on_both_articles(client, service):
    body = client.post("/summarize", json={"question": "党员志愿者做了什么"}).json()
    assert {s["doc_id"] for s in body["sentences"]} == {YUNTAN, CHENGNAN}
    doc_order = [s["doc_id"] for s in body["sentences"]]
    assert doc_order == sorted(doc_order, key=doc_order.index)
    for sentence in body["sentences"]:
        text = service.document(sentence["doc_id"]).document.text
        assert text[sentence["start"]:sentence["end"]] == sentence["text"]


def test_text_summary_offsets_index_the_given_text(fast_client):
    text = ("人工智能正在改变新闻业。许多编辑部开始使用机器翻译和自动摘要工具。\n\n"
            "记者仍然负责核实事实和采访。读者更关心报道是否准确可靠。自动化工具提高了效率,但也带来了新的风险。")
    body = fast_client.post("/summarize", json={"text": text, "max_sentences": 2}).json()
    assert len(body["sentences"]) == 2 and body["took_ms"] > 0
    for sentence in body["sentences"]:
        assert text[sentence["start"]:sentence["end"]] == sentence["text"] and sentence["doc_id"] is None


def test_max_chars_limits_the_summary(fast_client):
    body = fast_client.post("/summarize", json={"doc_id": CHENGNAN, "max_sentences": 5, "max_chars": 120}).json()
    assert sum(len(s["text"]) for s in body["sentences"]) <= 120 or len(body["sentences"]) == 1


def test_long_text_summarises(fast_client):
    text = "".join(f"第{i}段讲述了城市{i % 7}的防疫工作,志愿者{i % 5}名参与核酸检测。" for i in range(1500))[:50_000]
    body = fast_client.post("/summarize", json={"text": text}).json()
    assert len(body["sentences"]) == 3
    assert all(text[s["start"]:s["end"]] == s["text"] for s in body["sentences"])


@pytest.mark.parametrize("body, status", [
    ({}, 422),
    ({"doc_id": YUNTAN, "text": "两个来源。"}, 422),
    ({"doc_id": "nope"}, 404),
    ({"text": "   "}, 400),
    ({"text": "长" * 50_001}, 413),
    ({"question": ""}, 400),
    ({"doc_id": YUNTAN, "max_sentences": 0}, 422),
    ({"doc_id": YUNTAN, "max_sentences": 21}, 422),
    ({"doc_id": YUNTAN, "max_chars": 0}, 422),
    ({"text": 5}, 422),
])
def test_bad_summarize_input(fast_client, body, status):
    response = fast_client.post("/summarize", json=body)
    assert response.status_code == status
    assert set(response.json()) == {"error", "detail"}


def test_cli_summarize(seed_index_dir, tmp_path):
    import subprocess
    import sys

    from conftest import ROOT

    result = subprocess.run([sys.executable, "-m", "qa.cli", "summarize", "--doc", YUNTAN, "--index",
                             str(seed_index_dir), "--max-sentences", "2"], capture_output=True, text=True, cwd=ROOT,
                            timeout=300)
    assert result.returncode == 0, result.stderr
    assert "[1] 云潭镇：党员干部防疫一线勇担当" in result.stdout and "keywords:" in result.stdout
    missing = subprocess.run([sys.executable, "-m", "qa.cli", "summarize", "--doc", "nope", "--index",
                              str(seed_index_dir)], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert missing.returncode == 2 and "no document with id 'nope'" in missing.stderr
    assert "Traceback" not in missing.stderr
