"""Questions about an article itself (its reporters, correspondents, outlet, title, date), answered from the
document's parsed byline and title where they stand in its text."""

from __future__ import annotations

import re
from dataclasses import dataclass

from qa.index import Index
from qa.reader.patterns import times
from qa.schema import Answer, AnswerPart, AnswerType, Document, Hit, Span
from qa.text.normalize import fold

ASKED = r"(?:是|有|都是|分别是)?(?:谁|哪些人|哪些|哪几位|哪位|哪几个人|叫什么|名字)"
ARTICLE = re.compile(r"这篇|本篇|该篇|此篇|本文|该文|文章|报道|稿件|新闻|消息|《")
"""How a question shows it is about an article (not a book's author or a word's origin)."""
FIELD_QUESTIONS: list[tuple[str, re.Pattern, bool]] = [
    ("correspondents", re.compile(rf"通讯员{ASKED}|哪(?:位|些|几位)通讯员"), False),
    ("reporters", re.compile(rf"(?<!摄影)记者{ASKED}|哪(?:位|些|几位)记者"), False),
    ("reporters", re.compile(rf"(?:作者|撰稿人|采写人){ASKED}|(?:谁|哪位)(?:写|采写|撰写)(?:了|的)"), True),
    ("outlet", re.compile(r"(?:哪家|哪个|哪一家|什么)(?:报纸|报社|媒体|新闻机构|通讯社|新闻网站|网站|刊物)|"
                          r"(?:刊登|发表|刊发|登载|发布|刊载)(?:在|于)(?:哪|什么)|出自哪|来源是"), True),
    ("subtitle", re.compile(r"副标题(?:是|叫)?(?:什么|啥)"), True),
    ("title", re.compile(r"(?<!副)(?:标题|题目)(?:是|叫)?(?:什么|啥)|(?:报道|文章|新闻|稿件)(?:的名字)?叫什么(?:名字|标题)?$"),
     True),
    ("date", re.compile(r"(?:什么时候|何时|哪天|哪一天|几月几日|几月几号|哪年)(?:发表|发布|刊登|刊发|见报|刊载)|"
                        r"(?:发表|发布|刊登|刊发|见报)(?:的)?(?:时间|日期)"), True),
]
"""Which field a question asks for; the last flag: only when the question shows it is about an article."""
FIELD_TYPES: dict[str, AnswerType] = {"reporters": "person", "correspondents": "person", "outlet": "organisation",
                                      "title": "title", "subtitle": "title", "date": "time"}
TITLE_IN_QUESTION = re.compile(r"《([^《》]{2,60})》|“([^“”]{4,60})”")


@dataclass(frozen=True)
class DocSpan:
    """A stretch of a document's text: ``document.text[start:end]``."""

    start: int
    end: int


def asked_field(question: str) -> str | None:
    """Which of the article's own facts a question asks for (``reporters``, ``title`` …), or ``None``.

    Args:
        question: the question (any script; folded before matching).
    """
    folded = fold(question)
    about_article = ARTICLE.search(folded) is not None
    return next((name for name, pattern, needs_article in FIELD_QUESTIONS
                 if pattern.search(folded) and (about_article or not needs_article)), None)


def named_document(question: str, hits: list[Hit], index: Index) -> Document | None:
    """The article the question names by its title (quoted or written out), else the best passage's article;
    ``None`` when the question quotes a 《title》 that no article has (a book's author is no reporter)."""
    folded = fold(question)
    quoted = [fold(a or b) for a, b in TITLE_IN_QUESTION.findall(question)]
    for document in index.documents.values():
        title = fold(document.title)
        if title and title != fold(document.id) and (title in quoted or (len(title) >= 6 and title in folded)):
            return document
    if "《" in question:
        return None
    return index.documents.get(hits[0].passage.doc_id) if hits else None


def byline_start(document: Document) -> int:
    """Where the byline stands in the document's text (-1 when it has none)."""
    if not document.byline:
        return -1
    return document.text.rfind(document.byline, 0, max(document.dateline_end, len(document.byline)))


def field_spans(document: Document, name: str) -> list[DocSpan]:
    """Where the value of one field stands in the document's text: one span per name for people, else one.

    Returns:
        The spans in text order; empty when the document has no such value or it is not in its text.
    """
    if name in ("reporters", "correspondents"):
        start = byline_start(document)
        if start < 0:
            return []
        spans, position = [], start
        for person in getattr(document, name):
            found = document.text.find(person, position, start + len(document.byline))
            if found < 0:
                return []
            spans.append(DocSpan(found, found + len(person)))
            position = found + len(person)
        return spans
    head = document.text[:document.dateline_end] if document.dateline_end else document.text
    if name == "outlet":
        found = head.rfind(document.outlet) if document.outlet else -1
        return [DocSpan(found, found + len(document.outlet))] if found >= 0 else []
    if name in ("title", "subtitle"):
        value = getattr(document, name)
        if not value or value == document.id:
            return []
        found = document.text.find(value)
        return [DocSpan(found, found + len(value))] if found >= 0 else []
    if document.date and (found := document.text.find(document.date)) >= 0:
        return [DocSpan(found, found + len(document.date))]
    end = byline_start(document)
    if end < 0:
        return []
    paragraph = document.text.rfind("\n", 0, end) + 1
    dated = times(fold(document.text[paragraph:end]))
    return [DocSpan(paragraph + dated[0][0], paragraph + dated[0][1])] if dated else []


def place_in_passage(index: Index, doc_id: str, span: DocSpan) -> tuple[int, int, int] | None:
    """The passage (its row) that holds a stretch of a document, and the stretch's offsets in it."""
    for row in index.document_rows(doc_id):
        passage = index.passages[row]
        if passage.start <= span.start and span.end <= passage.end:
            return row, span.start - passage.start, span.end - passage.start
    return None


def metadata_answer(question: str, hits: list[Hit], index: Index) -> Answer | None:
    """The answer to a question about the article itself, from its parsed fields, or ``None`` (not such a
    question, or the article does not state it).

    Args:
        question: the question as asked.
        hits: retrieved passages, best first (the best one's article is asked about unless the question names one).
        index: the index (documents and their passages).
    """
    name = asked_field(question)
    document = named_document(question, hits, index) if name else None
    if document is None:
        return None
    placed = [place_in_passage(index, document.id, span) for span in field_spans(document, name)]
    if not placed or any(p is None or p[0] != placed[0][0] for p in placed):
        return None
    row, start, end = placed[0][0], placed[0][1], placed[-1][2]
    passage = index.passages[row]
    answer_type = FIELD_TYPES[name]
    sentence = next(((a, b) for _, a, b in index.sentences.of_passage(row) if a <= start and end <= b), (start, end))
    parts = [AnswerPart(passage.text[a:b], answer_type, passage.id, a, b, passage.start + a, passage.start + b)
             for _, a, b in placed] if len(placed) > 1 else []
    return Answer(text=passage.text[start:end], type=answer_type, score=1.0, passage_id=passage.id, start=start,
                  end=end, sentence=Span(*sentence), doc_id=document.id, doc_start=passage.start + start,
                  doc_end=passage.start + end, parts=parts)
