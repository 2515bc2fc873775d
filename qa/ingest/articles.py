"""News articles: split a file's blocks at datelines, read each byline, and assemble documents."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from qa.ingest.blocks import SHORT_LINE, Block
from qa.schema import Document
from qa.text.normalize import is_sentence_end

DATELINE = re.compile(
    r"^(?P<outlet>[\u4e00-\u9fffA-Za-z]{2,12}?(?:晚报|日报|早报|晨报|商报|时报|都市报|青年报|法制报|报|网|台))讯"
    r"|^(?P<agency>新华社|中新社|中新网|人民网|央视网)(?P<place>[^\s电]{0,12}?)(?:\d{1,2}月\d{1,2}日)?电"
)
BYLINE_NAME = re.compile(r"^(?:(?P<role>记者|通讯员|实习生|摄影|摄|文/图|文|图)[/：:]?)?(?P<name>[\u4e00-\u9fff·]{2,4})$")
AGENCY_BYLINE = re.compile(r"[（(](?P<people>[^）)]{1,40})[）)]")


@dataclass
class Byline:
    """What a dateline paragraph says of its article; empty values when there is no dateline.

    Attributes:
        outlet: the newspaper or agency (茂名晚报, 新华社).
        reporters: reporters' names.
        correspondents: correspondents' (通讯员) names.
        byline: the byline as written.
        dateline_end: offset in the paragraph where the article body starts.
    """

    outlet: str = ""
    reporters: list[str] = field(default_factory=list)
    correspondents: list[str] = field(default_factory=list)
    byline: str = ""
    dateline_end: int = 0


def find_dateline(text: str) -> re.Match | None:
    """Match a news dateline (``茂名晚报讯``, ``新华社北京7月1日电``) at the start of ``text``."""
    return DATELINE.match(text)


def split_articles(blocks: list[Block]) -> list[list[Block]]:
    """Split the blocks of one file into articles at news datelines.

    An article starts with the run of short lines (headline, subtitle, captions) that
    stands right before its dateline paragraph.

    Args:
        blocks: classified blocks of the whole file.

    Returns:
        Block lists, one per article (the whole file when it has at most one dateline).
    """
    starts: list[int] = []
    for index, block in enumerate(blocks):
        if block.kind == "paragraph" and find_dateline(block.text):
            head = index
            while head > 0 and blocks[head - 1].kind != "paragraph" and (not starts or head - 1 > starts[-1]):
                head -= 1
            starts.append(head)
    if len(starts) <= 1:
        return [blocks] if blocks else []
    starts[0] = 0
    return [blocks[a:b] for a, b in zip(starts, starts[1:] + [len(blocks)])]


def parse_byline(paragraph: str) -> Byline:
    """Read outlet, reporters and correspondents from a dateline paragraph.

    Args:
        paragraph: a paragraph starting with a dateline.

    Returns:
        The byline, empty when the paragraph has no dateline.
    """
    match = find_dateline(paragraph)
    if not match:
        return Byline()
    outlet = match.group("outlet") or match.group("agency") or ""
    position = match.end()
    reporters: list[str] = []
    correspondents: list[str] = []
    agency = AGENCY_BYLINE.match(paragraph, position)
    if agency:
        for token in re.split(r"[\s、,，]+", agency.group("people")):
            named = BYLINE_NAME.match(token)
            if named:
                (correspondents if named.group("role") == "通讯员" else reporters).append(named.group("name"))
        position = agency.end()
    else:
        role = "记者"
        for token in re.finditer(r"\S+", paragraph[position:]):
            named = BYLINE_NAME.match(token.group())
            if not named:
                break
            role = named.group("role") or role
            (correspondents if role == "通讯员" else reporters).append(named.group("name"))
            position = match.end() + token.end()
    while position < len(paragraph) and paragraph[position].isspace():
        position += 1
    return Byline(outlet, reporters, correspondents, paragraph[match.end():position].strip(), position)


def assemble(doc_id: str, blocks: list[Block], path: str = "", title: str = "", meta: dict | None = None) -> Document:
    """Build a document whose text is its blocks joined by newlines.

    When ``title`` is empty, the first short line becomes the title (and a second heading
    right after it the subtitle).
    """
    text = "\n".join(block.text for block in blocks)
    subtitle = ""
    if not title and blocks and len(blocks[0].text) <= SHORT_LINE * 2 and not is_sentence_end(blocks[0].text):
        title = blocks[0].text
        if len(blocks) > 1 and blocks[1].kind == "heading":
            subtitle = blocks[1].text
    byline = Byline()
    offset = 0
    for block in blocks:
        if block.kind == "paragraph":
            found = parse_byline(block.text)
            if found.outlet:
                byline = found
                byline.dateline_end += offset
            break
        offset += len(block.text) + 1
    meta = meta or {}
    return Document(id=doc_id, title=title or doc_id, text=text, path=path, subtitle=subtitle,
                    url=str(meta.get("url", "")), date=str(meta.get("date", "")),
                    source=str(meta.get("source", "")), outlet=byline.outlet,
                    reporters=byline.reporters, correspondents=byline.correspondents, byline=byline.byline,
                    dateline_end=byline.dateline_end)

