import json
from pathlib import Path

import pytest

from conftest import CMRC_CORPUS, SEEDS
from qa.errors import IngestError
from qa.ingest import passages_of, read_corpus
from qa.ingest.articles import parse_byline
from qa.ingest.blocks import classify_line, join_broken
from qa.ingest.formats.html import documents_from_html
from qa.ingest.formats.markdown import documents_from_markdown
from qa.ingest.formats.plain_text import documents_from_text
from qa.ingest.passages import pack_sentences

CHUNK = 300


@pytest.fixture(scope="module")
def seed_documents():
    return read_corpus([SEEDS])


def test_seed_file_holds_two_articles(seed_documents):
    assert [d.title for d in seed_documents] == ["党旗在战“疫”一线高高飘扬", "云潭镇：党员干部防疫一线勇担当"]
    first, second = seed_documents
    assert first.subtitle == "茂南区城南街道党工委筑牢疫情防控的“铜墙铁壁”"
    assert first.outlet == second.outlet == "茂名晚报"
    assert first.reporters == ["吴捷"] and first.correspondents == ["丘阳红", "陈敏如"]
    assert second.reporters == ["柯泽彪"] and second.correspondents == ["谢伟燕", "梁翠平"]
    assert first.text[first.dateline_end:].startswith("“我们要与时间赛跑")
    assert second.text[second.dateline_end:].startswith("根据疫情防控工作需要")


def test_broken_paragraphs_are_rejoined(seed_documents):
    first, second = seed_documents
    assert "确保疫情防控工作有序高效" in first.text
    assert "没有智能手机,需要年轻青年回来协助" in second.text
    assert "截至7月13日,上门对重点人员" in first.text
    assert "快速有效开展疫情防控工作" in second.text


def test_captions_and_headings_are_their_own_passages(seed_documents):
    passages = [p for d in seed_documents for p in passages_of(d, CHUNK)]
    kinds = {p.text: p.kind for p in passages}
    assert kinds["党员面向党旗进行宣誓。"] == "caption"
    assert kinds["城南街道党员为居民派送物资。"] == "caption"
    assert kinds["当好战“疫”的“指挥棒”"] == "heading"
    assert kinds["党委亲抓,连夜部署"] == "heading"
    assert kinds["云潭镇：党员干部防疫一线勇担当"] == "heading"


def test_long_paragraphs_are_packed_into_sentence_chunks(seed_documents):
    passages = [p for d in seed_documents for p in passages_of(d, chunk_chars=120)]
    assert all(len(p.text) <= 120 or p.text.count("。") <= 1 for p in passages)
    assert any(p.id.endswith(".2") for p in passages)


@pytest.mark.parametrize("corpus", [SEEDS, CMRC_CORPUS])
def test_offsets_index_document_text(corpus):
    documents = read_corpus([corpus])
    ids = set()
    for document in documents:
        for passage in passages_of(document, CHUNK):
            assert document.text[passage.start:passage.end] == passage.text
            assert passage.text.strip() == passage.text and passage.text
            ids.add(passage.id)
    assert len(ids) == sum(len(passages_of(d, CHUNK)) for d in documents)


def test_passage_ids_are_stable(seed_documents):
    again = read_corpus([SEEDS])
    assert [p.id for d in again for p in passages_of(d, CHUNK)] == [p.id for d in seed_documents
                                                                  for p in passages_of(d, CHUNK)]


def test_join_broken_keeps_finished_lines():
    assert join_broken(["甲乙。", "丙,", "丁。"]) == ["甲乙。", "丙,丁。"]
    assert join_broken(["Hello world this line is long enough to be a paragraph but has no end", "and goes on."]) == [
        "Hello world this line is long enough to be a paragraph but has no end and goes on."]


def test_classify_line():
    assert classify_line("党员面向党旗进行宣誓。") == "caption"
    assert classify_line("强化宣传,筑牢屏障") == "heading"
    assert classify_line("这是第一句。这是第二句。") == "paragraph"


def test_agency_dateline():
    paragraph = "新华社北京7月12日电（记者张三 李四）国务院今天召开会议。"
    found = parse_byline(paragraph)
    assert found.outlet == "新华社" and found.reporters == ["张三", "李四"]
    assert paragraph[found.dateline_end:] == "国务院今天召开会议。"


def test_single_article_without_dateline_uses_first_line_as_title():
    [document] = documents_from_text("标题在这里\n\n正文第一段。\n", "doc")
    assert document.title == "标题在这里" and document.id == "doc"


def test_pack_sentences_respects_limit():
    assert pack_sentences([(0, 5), (5, 10), (10, 20)], 10) == [(0, 10), (10, 20)]


def test_markdown_and_html():
    [md] = documents_from_markdown("# 标题\n\n第一段。\n\n## 小节\n\n第二段。", "m")
    assert md.title == "标题" and "小节" in md.text and "#" not in md.text
    [html] = documents_from_html("<html><head><title>网页标题</title><script>x=1</script></head>"
                                 "<body><p>第一段。</p><figcaption>图片说明。</figcaption><p>第二段。</p></body></html>", "h")
    assert html.title == "网页标题" and "x=1" not in html.text and "图片说明。" in html.text


def test_jsonl_errors_name_the_line(tmp_path: Path):
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps({"id": "a", "text": "好。"}, ensure_ascii=False) + "\n{not json\n", encoding="utf-8")
    with pytest.raises(IngestError, match="bad.jsonl:2"):
        read_corpus([path])


def test_non_utf8_file_is_named(tmp_path: Path):
    path = tmp_path / "gbk.txt"
    path.write_bytes("党员志愿者".encode("gbk"))
    with pytest.raises(IngestError, match="gbk.txt: not UTF-8"):
        read_corpus([path])


def test_unknown_types_are_skipped_with_warning(tmp_path: Path, caplog):
    (tmp_path / "a.txt").write_text("标题\n\n正文。", encoding="utf-8")
    (tmp_path / "b.pdf").write_bytes(b"%PDF")
    documents = read_corpus([tmp_path])
    assert [d.id for d in documents] == ["a"]
    assert "b.pdf" in caplog.text


def test_duplicate_ids_are_refused(tmp_path: Path):
    (tmp_path / "x").mkdir()
    (tmp_path / "a.txt").write_text("正文。", encoding="utf-8")
    (tmp_path / "x" / "a.txt").write_text("正文。", encoding="utf-8")
    with pytest.raises(IngestError, match="appears in both"):
        read_corpus([tmp_path])


def test_missing_path(tmp_path: Path):
    with pytest.raises(IngestError, match="no such file"):
        read_corpus([tmp_path / "nope"])
