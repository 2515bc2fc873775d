import json
import math

import pytest

from conftest import DRCD_SUBSET, GOLD, ROOT
from qa.evaluate import GoldError, GoldItem, evaluate, format_table, load_gold
from qa.evaluate.metrics import (char_f1, exact_match, first_relevant_rank, hit_at, is_relevant,
                                 longest_common_substring, normalize_answer, percentile, reciprocal_rank)
from qa.evaluate.run import aggregate, score_result
from qa.ingest import read_corpus
from qa.schema import Answer, AskResult, Hit, Passage, Span


def test_gold_file_is_rich_and_grounded():
    items = load_gold(GOLD)
    assert len(items) >= 50
    assert sum(not item.answerable for item in items) >= 8
    assert len({item.id for item in items}) == len(items)
    texts = [d.text for d in read_corpus([ROOT / "seeds"])]
    for item in items:
        if item.evidence:
            assert any(item.evidence in text for text in texts), item.evidence
        assert item.answerable == bool(item.evidence)
    questions = " ".join(item.question for item in items)
    for form in ("多少", "几", "什么时候", "谁", "哪些", "为什么", "怎样", "How many", "黨員"):
        assert form in questions


def test_normalize_answer_drops_punctuation_space_and_folds():
    assert normalize_answer("“人民至上 生命至上”") == "人民至上生命至上"
    assert normalize_answer("ＬＥＤ顯示屏，") == "led显示屏"


def test_exact_match_and_f1():
    assert exact_match("400多名", ["400多名"]) == 1.0
    assert exact_match("400多名党员", ["400多名"]) == 0.0
    assert char_f1("400多名党员", ["400多名"]) == pytest.approx(2 * (5 / 7) * 1 / (5 / 7 + 1))
    assert char_f1("", ["400多名"]) == 0.0
    assert char_f1("abc", ["xyz", "abc"]) == 1.0
    assert longest_common_substring("abcde", "xbcdy") == 3


def test_ranks_hits_and_mrr():
    assert first_relevant_rank([False, True, True]) == 2
    assert first_relevant_rank([False, False]) is None
    assert hit_at(2, 1) == 0.0 and hit_at(2, 3) == 1.0 and hit_at(None, 10) == 0.0
    assert reciprocal_rank(4) == 0.25 and reciprocal_rank(11) == 0.0 and reciprocal_rank(None) == 0.0


def test_relevance_rules():
    by_doc = GoldItem("1", "q", ["x"], passage_ids=["D1"])
    assert is_relevant(by_doc, "D1", "nothing") and not is_relevant(by_doc, "D2", "x")
    by_evidence = GoldItem("2", "q", ["400多名"], evidence="共有400多名党员")
    assert is_relevant(by_evidence, "any", "全镇…共有 400多名党员主动")
    assert not is_relevant(by_evidence, "any", "400多名")
    by_answer = GoldItem("3", "q", ["古辉"])
    assert is_relevant(by_answer, "any", "书记古輝")


def test_percentile():
    assert percentile([5, 1, 3, 2, 4], 50) == 3
    assert percentile([1, 2, 3, 4], 95) == 4
    assert math.isnan(percentile([], 50))


def result(passages, answer=None, candidates=()):
    hits = [Hit(Passage(f"p{i}", doc, "t", text, 1, "paragraph", 0, len(text)), 1.0)
            for i, (doc, text) in enumerate(passages)]
    found = Answer(answer, "other", 1.0, "p0", 0, 1, Span(0, 1), "D", 0, 1) if answer else None
    return AskResult("q", "other", found, hits, {}, {"embed_ms": 10.0}, candidates=list(candidates))


def test_summarize_hand_made_case():
    answerable = GoldItem("a", "q", ["甲"], passage_ids=["D1"])
    missed = GoldItem("b", "q", ["乙"], passage_ids=["D9"])
    unanswerable = GoldItem("c", "q", [])
    results = [
        score_result(answerable, result([("D2", "无"), ("D1", "甲在这里")], answer="甲")),
        score_result(missed, result([("D2", "无")])),
        score_result(unanswerable, result([("D2", "无")])),
    ]
    metrics = aggregate(results)
    assert metrics["hit@1"] == 0.0 and metrics["hit@3"] == 0.5 and metrics["mrr@10"] == 0.25
    assert metrics["answer_in_top5"] == 0.5
    assert metrics["em"] == 0.5 and metrics["f1"] == 0.5
    assert metrics["declined_unanswerable"] == 1.0 and metrics["declined_answerable"] == 0.5
    assert metrics["embed_p50_ms"] == 10.0


def test_candidate_ceiling_and_figures_by_question_kind():
    when = GoldItem("a", "会议是什么时候召开的？", ["7月11日"])
    who = GoldItem("b", "书记是谁？", ["陈永滔"])
    many = GoldItem("c", "有多少人？", ["800多人"])
    results = [
        score_result(when, result([("D", "7月11日")], answer="7月11日", candidates=["7月11日", "今天"])),
        score_result(who, result([("D", "陈永滔")], answer="书记", candidates=["书记", "陈永滔"])),
        score_result(many, result([("D", "800人")], candidates=["800人"])),
    ]
    assert [r.category for r in results] == ["time", "person", "quantity"]
    assert [r.in_candidates for r in results] == [True, True, False]
    metrics = aggregate(results)
    assert metrics["candidate_ceiling"] == 2 / 3
    assert metrics["em[time]"] == 1.0 and metrics["em[person]"] == 0.0 and metrics["n[quantity]"] == 1


def test_malformed_gold_lines_are_named(tmp_path):
    cases = {"{bad": "not valid JSON", '{"answers": []}': "'question'", '{"question": "q", "answers": "x"}': "'answers'",
             '{"question": 3}': "'question'", "[1]": "JSON object"}
    for line, message in cases.items():
        path = tmp_path / "g.jsonl"
        path.write_text(json.dumps({"question": "ok", "answers": []}) + "\n" + line + "\n")
        with pytest.raises(GoldError, match=f"g.jsonl:2: .*{message}"):
            load_gold(path)
    with pytest.raises(GoldError, match="not found"):
        load_gold(tmp_path / "missing.jsonl")


def test_empty_questions_are_skipped_with_a_warning(tmp_path, caplog):
    path = tmp_path / "g.jsonl"
    path.write_text('{"question": "", "answers": ["x"]}\n{"question": "有吗", "answers": []}\n', encoding="utf-8")
    assert [item.question for item in load_gold(path)] == ["有吗"]
    assert "g.jsonl:1: empty question skipped" in caplog.text


def test_evaluation_on_seed_gold_meets_floors(service):
    report = evaluate(service.ask, load_gold(GOLD), ["hybrid", "dense", "lexical"], 10, progress=False)
    hybrid = report.modes["hybrid"]
    assert hybrid["hit@1"] >= 0.8 and hybrid["hit@5"] >= 0.95 and hybrid["mrr@10"] >= 0.88
    assert report.modes["dense"]["hit@5"] >= 0.9 and report.modes["lexical"]["hit@5"] >= 0.85
    assert len(report.results["hybrid"]) == len(load_gold(GOLD))
    table = format_table(report)
    assert "hit@1" in table and "lexical" in table


def test_a_passages_best_sentence_lifts_dense_retrieval_among_paragraphs_of_one_article(tmp_path, settings,
                                                                                      embedder):
    from qa.index import build_from_corpus
    from qa.service import QAService

    build_from_corpus([DRCD_SUBSET / "corpus.jsonl"], tmp_path, settings, embedder, progress=False)
    items = load_gold(DRCD_SUBSET / "qa.jsonl")

    def hit_at_1(share: float) -> dict[str, float]:
        service = QAService(settings.model_copy(update={"dense_sentence_share": share}), tmp_path, embedder)
        modes = evaluate(service.ask, items, ["dense", "hybrid"], 10, progress=False).modes
        return {mode: figures["hit@1"] for mode, figures in modes.items()}

    passage_only, blended = hit_at_1(0.0), hit_at_1(settings.dense_sentence_share)
    assert blended["dense"] >= passage_only["dense"] + 0.1
    assert blended["hybrid"] >= passage_only["hybrid"]


@pytest.mark.heavy
def test_eval_cli_writes_json(fast_index_dir, tmp_path):
    import os
    import subprocess
    import sys

    env = os.environ | {"QA_ENCODER": "hashing"}
    out = tmp_path / "eval.json"
    result = subprocess.run([sys.executable, "scripts/evaluate.py", "--index", str(fast_index_dir), "--gold", str(GOLD),
                             "--limit", "5", "--modes", "lexical", "--json-out", str(out)], cwd=ROOT,
                            capture_output=True, text=True, timeout=300, env=env)
    assert result.returncode == 0, result.stderr
    assert "hit@1" in result.stdout
    report = json.loads(out.read_text())
    assert report["modes"]["lexical"]["questions"] == 5 and len(report["results"]["lexical"]) == 5
    bad = subprocess.run([sys.executable, "scripts/evaluate.py", "--index", str(fast_index_dir), "--gold",
                          str(tmp_path / "none.jsonl")], cwd=ROOT, capture_output=True, text=True, timeout=300, env=env)
    assert bad.returncode == 2 and "gold file not found" in bad.stderr and "Traceback" not in bad.stderr


@pytest.mark.heavy
def test_make_snippets_cuts_passages_and_keeps_questions_inside_one(tmp_path):
    import subprocess
    import sys

    out = tmp_path / "snippets"
    result = subprocess.run([sys.executable, "scripts/make_snippets.py", str(DRCD_SUBSET), str(out),
                             "--max-chars", "60"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    passages = {p["id"]: p for p in map(json.loads, (DRCD_SUBSET / "corpus.jsonl").open(encoding="utf-8"))}
    snippets = {s["id"]: s for s in map(json.loads, (out / "corpus.jsonl").open(encoding="utf-8"))}
    for passage_id, passage in passages.items():
        pieces = [s for s in snippets.values() if s["id"].rsplit("_s", 1)[0] == passage_id]
        assert len(pieces) > 1 and all(piece["title"] == passage["title"] for piece in pieces)
        assert "".join("".join(piece["text"].split()) for piece in pieces) == "".join(passage["text"].split())
    source = {q["id"]: q for q in map(json.loads, (DRCD_SUBSET / "qa.jsonl").open(encoding="utf-8"))}
    kept = [json.loads(line) for line in (out / "qa.jsonl").open(encoding="utf-8")]
    assert 0 < len(kept) <= len(source) and f"{len(kept)} questions kept" in result.stdout
    for item in kept:
        assert item["answers"] == source[item["id"]]["answers"]
        assert item["passage_ids"] and all(any(a in snippets[s]["text"] for a in item["answers"])
                                           for s in item["passage_ids"])
