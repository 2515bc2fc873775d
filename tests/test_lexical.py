"""The BM25 side: what it finds, word statistics, and the bm25s layout that ``LexicalIndex.idf`` reads."""

import math
import os
from pathlib import Path

import numpy as np
import pytest

from qa.index.lexical import LexicalIndex, load_bm25s, passage_words, searched_text
from qa.text.tokenize import tokenize

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_8d8056a1d20578f2.txt"

TEXTS = ["全镇共有400多名党员主动申请加入志愿者队伍。", "核酸检测现场秩序井然。", "志愿者为居民派送物资,党员带头。",
         "莱茵春天小区划为高、中风险区域。"]


@pytest.fixture(scope="module")
def lexical() -> LexicalIndex:
    return LexicalIndex.build(TEXTS)


def test_search_ranks_passages_sharing_words(lexical):
    scores, rows = lexical.search("党员志愿者", 10)
    assert set(rows.tolist()) == {0, 2} and rows.dtype == np.int64
    assert list(scores) == sorted(scores, reverse=True) and (scores > 0).all()


def test_search_folds_script_and_width(lexical):
    assert lexical.search("核酸檢測", 3)[1].tolist() == [1]


def test_no_shared_word_finds_nothing(lexical):
    for query in ("埃菲尔铁塔", "的", ""):
        scores, rows = lexical.search(query, 5)
        assert len(scores) == len(rows) == 0
    assert len(lexical.search("党员", 0)[1]) == 0


def test_bm25s_layout_that_idf_reads(lexical):
    """``idf`` takes document frequencies from bm25s's CSR score matrix: one row per vocabulary word (bm25s appends
    an empty padding word that has none), whose length is the number of passages holding the word. A bm25s release
    that changes this layout fails here."""
    scores = lexical.retriever.scores
    assert {"data", "indices", "indptr", "num_docs"} <= set(scores)
    assert int(scores["num_docs"]) == len(TEXTS)
    indptr = np.asarray(scores["indptr"])
    words = {word: row for word, row in lexical.retriever.vocab_dict.items() if word}
    assert len(indptr) == len(words) + 1 and sorted(words.values()) == list(range(len(words)))
    holding = {word: sum(word in tokenize(text) for text in TEXTS) for word in words}
    for word, row in words.items():
        assert indptr[row + 1] - indptr[row] == holding[word], word


def test_idf_orders_words_by_rarity(lexical):
    count = len(TEXTS)
    assert lexical.idf("党员") == pytest.approx(math.log(1 + (count - 2 + 0.5) / (2 + 0.5)))
    assert lexical.idf("核酸") > lexical.idf("党员")
    assert lexical.idf("从未出现的词") == pytest.approx(math.log(1 + (count + 0.5) / 0.5))


def test_from_tokens_matches_build_and_handles_no_passages(lexical):
    again = LexicalIndex.from_tokens(lambda: (tokenize(text) or [""] for text in TEXTS))
    for query in ("党员志愿者", "核酸检测", "风险区域"):
        assert again.search(query, 5)[1].tolist() == lexical.search(query, 5)[1].tolist()
    empty = LexicalIndex.from_tokens(list)
    assert len(empty.search("党员", 5)[1]) == 0 and empty.idf("党员") > 0


def test_the_streamed_build_is_bm25s_own_index_exactly():
    """Two readings of the words, no corpus held: the same matrix, vocabulary and scores as ``bm25s.BM25.index``
    over the same words (the seed article's paragraphs, with an empty passage and repeated words)."""
    import bm25s

    from qa.index.lexical import BM25_B, BM25_K1

    paragraphs = [line for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]
    words = [tokenize(text) or [""] for text in [*paragraphs, *TEXTS, "", "党员 党员 党员"]]
    readings = []

    def reading():
        readings.append(1)
        return iter(words)

    ours = LexicalIndex.from_tokens(reading).retriever
    assert len(readings) == 2 and len(words) > 30
    vocabulary: dict[str, int] = {}
    ids = [[vocabulary.setdefault(word, len(vocabulary)) for word in passage] for passage in words]
    by_ids = bm25s.BM25(k1=BM25_K1, b=BM25_B)
    by_ids.index((ids, vocabulary), show_progress=False)
    assert ours.vocab_dict == by_ids.vocab_dict and ours.scores["num_docs"] == by_ids.scores["num_docs"] == len(words)
    for name in ("data", "indices", "indptr"):
        assert ours.scores[name].dtype == by_ids.scores[name].dtype
        assert np.array_equal(ours.scores[name], by_ids.scores[name]), name
    by_words = bm25s.BM25(k1=BM25_K1, b=BM25_B)
    by_words.index(words, show_progress=False)
    for query in ("党员志愿者", "核酸检测", "风险区域", "志愿者 核酸"):
        asked = [word for word in tokenize(query) if word in by_words.vocab_dict]
        assert asked and np.array_equal(ours.get_scores(asked), by_words.get_scores(asked))


def test_words_that_change_between_the_two_readings_are_refused():
    words = [tokenize(text) for text in TEXTS]
    changed = [[words[0], words[1]], [words[0], words[1] + ["新词"]], [words[0]], [words[0], words[1], words[2]]]
    for second in changed[1:]:
        readings = iter([words[:2], second])
        with pytest.raises(ValueError, match="changed between the two readings"):
            LexicalIndex.from_tokens(lambda: iter(next(readings)))
    readings = iter([words[:2], [words[0], words[0]]])
    with pytest.raises(ValueError, match="changed between the two readings"):
        LexicalIndex.from_tokens(lambda: iter(next(readings)))


def test_a_passage_is_searched_by_its_title_too():
    """A passage that names its subject only by a pronoun is still found by the subject, through its title."""
    passages = [("纽西兰鸡毛松", "纽西兰鸡毛松是罗汉松科的一种。"),
                ("纽西兰鸡毛松", "其叶螺旋状排列,幼树的叶呈尖锥状。"),
                ("红豆杉", "红豆杉的叶螺旋状排列。")]
    index = LexicalIndex.from_tokens(lambda: (passage_words(title, text) for title, text in passages))
    assert set(index.search("纽西兰", 3)[1].tolist()) == {0, 1}
    assert index.search("纽西兰鸡毛松的叶是什么形状", 3)[1].tolist() == [0, 1, 2]
    untitled = LexicalIndex.build([text for _, text in passages])
    assert untitled.search("纽西兰", 3)[1].tolist() == [0]
    assert passage_words("", "核酸检测") == tokenize("核酸检测")
    assert searched_text("标题", "正文") == "标题\n正文"


def test_bm25s_is_imported_with_jax_kept_off_the_gpu(monkeypatch):
    """bm25s runs a JAX operation when imported where JAX is installed; on a GPU, JAX would take most of its memory."""
    monkeypatch.delenv("JAX_PLATFORMS", raising=False)
    assert load_bm25s().BM25 and os.environ["JAX_PLATFORMS"] == "cpu"
    monkeypatch.setenv("JAX_PLATFORMS", "cuda")
    load_bm25s()
    assert os.environ["JAX_PLATFORMS"] == "cuda", "the user's own choice stays"
