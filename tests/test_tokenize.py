from qa.text.tokenize import tokenize


def test_same_words_for_traditional_and_simplified():
    assert tokenize("多少黨員志願者") == tokenize("多少党员志愿者")


def test_stopwords_and_punctuation_dropped():
    words = tokenize("莱茵春天小区什么时候被划为高中风险区？")
    assert "什么" not in words and "？" not in words and "?" not in words
    assert {"莱茵", "春天", "小区"} <= set(words)


def test_full_width_and_case_folded():
    assert tokenize("ＬＥＤ显示屏") == tokenize("led显示屏")


def test_english_words_lowercased_without_stopwords():
    assert tokenize("How many party members volunteered?") == ["party", "members", "volunteered"]


def test_empty_text_has_no_words():
    assert tokenize("  ，。！") == []
