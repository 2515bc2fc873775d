"""Questions about what someone said: which questions ask it, which words the text says, and who said them."""

import pytest

from qa.reader.categories import question_category
from qa.reader.questions import analyze_question
from qa.reader.speech import asks_speech, names_speaker, quotations, speaker_of, speaker_word
from qa.text.normalize import fold

# The exchange is from seeds/ (茂名晚报, 2022); the other passages are from CMRC 2018 trial (CC BY-SA 4.0) and
# DRCD (CC BY-SA 3.0), Traditional folded.
EXCHANGE = ("“邓铭东同志,你好!由于今晚我们村需要做全员核酸检测,人手不够,请问你方便到村委会帮忙吗?”“好的,没问题,"
            "我马上请假赶回去帮忙。”收到新农村委会干部求助电话后,邓铭东义无反顾答应回来帮忙。")
PRONOUN = ("2006年，媒体错误地报导娜塔莎与亚当约会。她谈到媒体的报导：「亚当是可爱的，但我没有和他约会。」。"
           "娜塔莎最终与马特结婚。")
UNQUOTED = "有预感诀别的刘少奇向家人最后说道：好在历史是人民写的。他的病本非难症。"


@pytest.mark.parametrize("question", ["陈永滔在会上说了什么？", "邓铭东收到求助电话后是怎么回答的？", "他说了些什么",
                                      "娜塔莎是如何回应的？", "村委会干部问了什么", "新农村委会干部在电话里问了邓铭东什么？",
                                      "邓铭东是怎么回答村委会干部的？"])
def test_questions_about_words_said(question):
    assert asks_speech(analyze_question(question))
    assert question_category(question) == "speech"


@pytest.mark.parametrize("question", ["这个符号表示什么？", "邓铭东是怎么帮忙的？", "陈永滔说要与什么赛跑？",
                                      "他们说的是什么语言", "What did Chen say?", "这说明了什么？",
                                      "他讲课的时候用的是什么教材", "林郁智宣布分手的理由是什么？"])
def test_other_questions_do_not_ask_for_words_said(question):
    assert not asks_speech(analyze_question(question))


def test_an_exchange_shares_the_text_around_it_and_names_are_not_quoted_words():
    quotes = quotations(fold(EXCHANGE))
    said = [EXCHANGE[q.start:q.end] for q in quotes]
    assert said == ["邓铭东同志,你好!由于今晚我们村需要做全员核酸检测,人手不够,请问你方便到村委会帮忙吗?",
                    "好的,没问题,我马上请假赶回去帮忙。"]
    folded = fold(EXCHANGE)
    assert all(q.around(folded).strip() == "收到新农村委会干部求助电话后,邓铭东义无反顾答应回来帮忙" for q in quotes)
    text = "发扬“我是党员,我先上”的精神,筑起“防护墙”。"
    assert quotations(fold(text))[0].around(fold(text)).startswith("发扬")
    assert len(quotations(fold("筑起一道“防护墙”和“红色防线”。"))) == 0


def test_a_pronoun_takes_in_the_sentence_before_and_unquoted_words_after_a_colon_count():
    quote, = quotations(fold(PRONOUN))
    assert PRONOUN[quote.start:quote.end] == "亚当是可爱的，但我没有和他约会。" and "娜塔莎" in quote.around(fold(PRONOUN))
    quote, = quotations(fold(UNQUOTED))
    assert UNQUOTED[quote.start:quote.end] == "好在历史是人民写的" and "刘少奇" in quote.around(fold(UNQUOTED))


@pytest.mark.parametrize("question, speaker", [
    ("陈永滔在会上说了什么？", "陈永滔"),
    ("针对2006年媒体的错误报道，娜塔莎是怎么回应的？", "娜塔莎"),  # the name, not the first word
    ("邓铭东收到求助电话后是怎么回答的？", "邓铭东"),
    ("村委会干部在电话里问了邓铭东什么？", "村委会"),  # who asked, not who was asked
])
def test_the_speaker_is_the_name_asked_about(question, speaker):
    assert speaker_word(analyze_question(question)) == speaker


OPENING = ("茂名晚报讯 记者吴捷 通讯员丘阳红 陈敏如 “我们要与时间赛跑,直面困难,让我们一起打赢这一仗。”在7月11日召开的疫情防控会议上,"
           "党工委书记陈永滔的话语掷地有声。")
INTRODUCED = "会上,镇党委书记古辉说：“大家辛苦了,明天继续。”随后李明带队出发。"


@pytest.mark.parametrize("text, said_by", [
    (OPENING, ["陈永滔"]),  # the name after the words, not the byline's names before them
    (INTRODUCED, ["古辉"]),  # introduced by 说： the name before, not the one after
    (EXCHANGE, [None, "邓铭东"]),  # the request addresses 邓铭东 and names no one else; the reply is his
])
def test_who_said_the_words(text, said_by):
    folded = fold(text)
    found = [speaker_of(folded, quote) for quote in quotations(folded)]
    assert [folded[slice(*span)] if span else None for span in found] == said_by


@pytest.mark.parametrize("question, asks", [
    ("谁说要与时间赛跑？", True), ("“我们要与时间赛跑”是谁说的？", True), ("谁答应回来帮忙？", False),
    ("陈永滔说了什么？", False),
])
def test_questions_about_who_said_something(question, asks):
    assert names_speaker(analyze_question(question)) is asks
