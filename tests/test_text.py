from qa.text.normalize import fold, is_sentence_end, sentence_spans, simplify, split_sentences, squeeze


def test_fold_keeps_length_and_folds_width_case_script():
    text = "ＡＢＣ１２３，黨員志願者 Hello！"
    folded = fold(text)
    assert len(folded) == len(text)
    assert folded.startswith("abc123,党员志愿者 hello!")


def test_squeeze_drops_punctuation_and_space():
    assert squeeze("400 多名，黨員!") == "400多名党员"


def test_sentences_split_on_full_and_half_width_marks():
    text = "疫情就是命令!云潭镇迅速行动。你方便吗?“好的,没问题。”收到后;再说"
    assert split_sentences(text) == ["疫情就是命令!", "云潭镇迅速行动。", "你方便吗?", "“好的,没问题。”", "收到后;", "再说"]


def test_commas_do_not_split():
    assert split_sentences("7月11日,茂南区城南街道莱茵春天小区划为高、中风险区域。") == [
        "7月11日,茂南区城南街道莱茵春天小区划为高、中风险区域。"]


def test_spans_index_original_text_and_trim_space():
    text = "  第一句。 第二句！\n第三句"
    spans = sentence_spans(text)
    assert [text[a:b] for a, b in spans] == ["第一句。", "第二句！", "第三句"]


def test_spans_within_a_window():
    text = "甲。乙。丙。"
    assert [text[a:b] for a, b in sentence_spans(text, 2, 4)] == ["乙。"]


def test_sentence_end_sees_through_closing_quotes():
    assert is_sentence_end("他说:“打赢这一仗。”")
    assert not is_sentence_end("当好战“疫”的“指挥棒”")
    assert not is_sentence_end("截至7月13日,")


def test_simplify_converts_the_script_only_and_keeps_offsets():
    text = "他是著名的作家，頭髮很長。ＡＢＣ Taipei"
    simplified = simplify(text)
    assert simplified == "他是著名的作家，头发很长。ＡＢＣ Taipei"  # 著名 by phrase, not 着名; width and case kept
    assert len(simplified) == len(text)
    already = "党员志愿者著名"
    assert simplify(already) is already
