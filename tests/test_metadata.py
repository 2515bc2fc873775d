"""Questions about the article itself: which field is asked, where its value stands, and the answer end to end."""

import pytest

from qa.ingest.corpus import parse_text
from qa.reader.categories import question_category
from qa.reader.metadata import asked_field, field_spans

AGENCY = ("暴雨过后的村庄\n新华社广州7月1日电（记者张三 李四）暴雨过后，村民们一早就来到村口清理道路上的树枝和淤泥，"
          "镇里派出的抢修队也在午后赶到，帮助恢复供电和供水。\n")
LOCAL = "云潭镇：党员干部防疫一线勇担当\n茂名晚报讯 记者柯泽彪 通讯员谢伟燕 梁翠平 根据疫情防控工作需要，全镇开展检测。\n"


@pytest.mark.parametrize("question, field", [
    ("这篇报道的记者是谁？", "reporters"),
    ("这篇报道是哪位记者写的？", "reporters"),
    ("文章的作者是谁", "reporters"),
    ("這篇報道的通訊員有哪些？", "correspondents"),
    ("这篇报道刊登在哪家报纸上？", "outlet"),
    ("这条新闻发表在什么媒体", "outlet"),
    ("这篇报道的标题是什么？", "title"),
    ("这篇报道的副标题是什么", "subtitle"),
    ("记者是谁", "reporters"),
    ("这篇报道是什么时候发表的？", "date"),
    ("文章的发布时间", "date"),
])
def test_questions_about_the_article_name_their_field(question, field):
    assert asked_field(question) == field
    assert question_category(question) == "metadata"


@pytest.mark.parametrize("question", ["茂名晚报的总编辑是谁？", "记者在现场看到了什么？", "核酸检测是什么时候开始的？",
                                      "摄影记者是谁", "蓝家宇和几名党员面向党旗宣誓？", "这篇报道讲了什么？",
                                      # CMRC 2018 trial questions about books and names, not the article:
                                      "伏尔泰的朋友们是谁写的？", "吉斯伯恩大区的名字的来源是什么？",
                                      "他曾在哪家报纸工作？", "他什么时候发表了论文"])
def test_other_questions_are_not_about_the_article(question):
    assert asked_field(question) is None


def test_local_byline_fields_stand_where_the_text_has_them():
    document = parse_text(LOCAL, "local.txt", "local.txt")[0]
    values = {name: [document.text[s.start:s.end] for s in field_spans(document, name)]
              for name in ("reporters", "correspondents", "outlet", "title", "date")}
    assert values == {"reporters": ["柯泽彪"], "correspondents": ["谢伟燕", "梁翠平"], "outlet": ["茂名晚报"],
                      "title": ["云潭镇：党员干部防疫一线勇担当"], "date": []}


def test_agency_dateline_gives_the_date_and_the_reporters():
    document = parse_text(AGENCY, "agency.txt", "agency.txt")[0]
    assert [document.text[s.start:s.end] for s in field_spans(document, "date")] == ["7月1日"]
    assert [document.text[s.start:s.end] for s in field_spans(document, "reporters")] == ["张三", "李四"]
    assert [document.text[s.start:s.end] for s in field_spans(document, "outlet")] == ["新华社"]


@pytest.mark.parametrize("question, text, parts, kind", [
    ("《云潭镇：党员干部防疫一线勇担当》的通讯员有哪些？", "谢伟燕 梁翠平", ["谢伟燕", "梁翠平"], "person"),
    ("《云潭镇：党员干部防疫一线勇担当》的记者是谁？", "柯泽彪", [], "person"),
    ("《党旗在战“疫”一线高高飘扬》刊登在哪家报纸？", "茂名晚报", [], "organisation"),
    ("《党旗在战“疫”一线高高飘扬》的副标题是什么？", "茂南区城南街道党工委筑牢疫情防控的“铜墙铁壁”", [], "title"),
])
def test_article_facts_are_answered_with_offsets(fast_service, question, text, parts, kind):
    result = fast_service.ask(question)
    answer = result.answer
    assert answer is not None and answer.text == text and answer.type == kind and result.question_type == kind
    assert [part.text for part in answer.parts] == parts
    document = fast_service.document(answer.doc_id).document
    assert document.text[answer.doc_start:answer.doc_end] == text
    for part in answer.parts:
        assert document.text[part.doc_start:part.doc_end] == part.text


def test_a_quoted_title_no_article_has_is_not_answered_from_an_article(fast_service):
    result = fast_service.ask("《越南亡国史》的作者是谁？")
    assert result.answer is None or result.answer.text not in ("吴捷", "柯泽彪")


def test_an_unstated_date_is_not_made_up(fast_service):
    result = fast_service.ask("《云潭镇：党员干部防疫一线勇担当》是什么时候发表的？")
    assert result.answer is None or result.answer.type != "time" or result.answer.score != 1.0
