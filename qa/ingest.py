"""Ingestion: files -> documents -> passages, with offsets into each document's text.

Pure functions apart from :func:`read_corpus`, which does the file I/O.
A document's ``text`` is its cleaned paragraphs joined by newlines (paragraphs broken in
mid-sentence are re-joined); every passage satisfies ``document.text[start:end] == passage.text``.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from dataclasses import asdict, dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Iterable, Iterator, Literal

from qa.text import CLAUSE_MARKS, is_sentence_end, sentence_spans

log = logging.getLogger(__name__)

SUPPORTED_SUFFIXES = {".txt", ".md", ".html", ".htm", ".jsonl"}
SHORT_LINE = 40
PassageKind = Literal["paragraph", "caption", "heading"]

DATELINE = re.compile(
    r"^(?P<outlet>[\u4e00-\u9fffA-Za-z]{2,12}?(?:晚报|日报|早报|晨报|商报|时报|都市报|青年报|法制报|报|网|台))讯"
    r"|^(?P<agency>新华社|中新社|中新网|人民网|央视网)(?P<place>[^\s电]{0,12}?)(?:\d{1,2}月\d{1,2}日)?电"
)
BYLINE_NAME = re.compile(r"^(?:(?P<role>记者|通讯员|实习生|摄影|摄|文/图|文|图)[/：:]?)?(?P<name>[\u4e00-\u9fff·]{2,4})$")
AGENCY_BYLINE = re.compile(r"[（(](?P<people>[^）)]{1,40})[）)]")


class IngestError(ValueError):
    """A corpus file could not be read or parsed."""


@dataclass
class Block:
    """A paragraph-level piece of a document before it gets offsets."""

    text: str
    kind: PassageKind = "paragraph"


@dataclass
class Document:
    """One article with its cleaned text and metadata."""

    id: str
    title: str
    text: str
    path: str = ""
    subtitle: str = ""
    outlet: str = ""
    reporters: list[str] = field(default_factory=list)
    correspondents: list[str] = field(default_factory=list)
    byline: str = ""
    dateline_end: int = 0
    url: str = ""
    date: str = ""
    source: str = ""
    summary: list[dict] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        """Return a JSON-ready dict."""
        return asdict(self)


@dataclass
class Passage:
    """A retrievable unit: a paragraph, a packed run of its sentences, a caption or a heading."""

    id: str
    doc_id: str
    title: str
    text: str
    paragraph: int
    kind: PassageKind
    start: int
    end: int

    def to_dict(self) -> dict:
        """Return a JSON-ready dict."""
        return asdict(self)


# ---------------------------------------------------------------- blocks


def clean_lines(raw: str) -> list[str]:
    """Return the non-empty, stripped lines of ``raw`` (full-width spaces included)."""
    return [line.strip().strip("\u3000") for line in raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")
            if line.strip().strip("\u3000")]


def is_unfinished(line: str) -> bool:
    """True for a line that stops in mid-sentence: it ends on a clause mark, or is long and has no sentence end."""
    if not line:
        return False
    if line[-1] in CLAUSE_MARKS:
        return True
    return len(line) > SHORT_LINE and not is_sentence_end(line)


def join_broken(lines: list[str]) -> list[str]:
    """Join each line that stops in mid-sentence with the line after it.

    Args:
        lines: stripped paragraph lines.

    Returns:
        Repaired paragraphs.
    """
    repaired: list[str] = []
    pending = ""
    for line in lines:
        if pending:
            separator = " " if pending[-1].isascii() and pending[-1].isalnum() and line[0].isascii() else ""
            line = pending + separator + line
        if is_unfinished(line):
            pending = line
        else:
            repaired.append(line)
            pending = ""
    if pending:
        repaired.append(pending)
    return repaired


def classify_line(line: str) -> PassageKind:
    """Tell a short standalone sentence (caption) and a short unpunctuated line (heading) from a paragraph."""
    if len(line) > SHORT_LINE:
        return "paragraph"
    if is_sentence_end(line):
        return "caption" if len(sentence_spans(line)) == 1 else "paragraph"
    return "heading"


def to_blocks(lines: list[str]) -> list[Block]:
    """Repair and classify lines into blocks."""
    return [Block(line, classify_line(line)) for line in join_broken(lines)]


# ---------------------------------------------------------------- articles


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


def parse_byline(paragraph: str) -> dict:
    """Read outlet, reporters and correspondents from a dateline paragraph.

    Args:
        paragraph: a paragraph starting with a dateline.

    Returns:
        ``outlet``, ``reporters``, ``correspondents``, ``byline`` (verbatim) and ``dateline_end``
        (offset where the article body starts); empty values when there is no dateline.
    """
    empty = {"outlet": "", "reporters": [], "correspondents": [], "byline": "", "dateline_end": 0}
    match = find_dateline(paragraph)
    if not match:
        return empty
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
    return {"outlet": outlet, "reporters": reporters, "correspondents": correspondents,
            "byline": paragraph[match.end():position].strip(), "dateline_end": position}


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
    byline = {"outlet": "", "reporters": [], "correspondents": [], "byline": "", "dateline_end": 0}
    offset = 0
    for block in blocks:
        if block.kind == "paragraph":
            found = parse_byline(block.text)
            if found["outlet"]:
                byline = found | {"dateline_end": offset + found["dateline_end"]}
            break
        offset += len(block.text) + 1
    meta = meta or {}
    return Document(id=doc_id, title=title or doc_id, text=text, path=path, subtitle=subtitle,
                    url=str(meta.get("url", "")), date=str(meta.get("date", "")),
                    source=str(meta.get("source", "")), **byline)


# ---------------------------------------------------------------- passages


def pack_sentences(spans: list[tuple[int, int]], limit: int) -> list[tuple[int, int]]:
    """Pack consecutive sentence spans into runs of at most ``limit`` characters (a longer sentence stands alone)."""
    packed: list[tuple[int, int]] = []
    for start, end in spans:
        if packed and end - packed[-1][0] <= limit:
            packed[-1] = (packed[-1][0], end)
        else:
            packed.append((start, end))
    return packed


def passages_of(document: Document, chunk_chars: int = 300) -> list[Passage]:
    """Cut a document into passages with offsets into ``document.text``.

    Args:
        document: the document.
        chunk_chars: paragraphs longer than this are packed into sentence runs of at most this size.

    Returns:
        Passages in document order; ``paragraph`` is the 1-based line number in ``document.text``.
    """
    passages: list[Passage] = []
    offset = 0
    title_lines = {document.title, document.subtitle} - {""}
    for number, line in enumerate(document.text.split("\n"), 1):
        start, end = offset, offset + len(line)
        offset = end + 1
        kind = "heading" if line in title_lines else classify_line(line)
        pieces = [(start, end)]
        if kind == "paragraph" and len(line) > chunk_chars:
            pieces = pack_sentences(sentence_spans(document.text, start, end), chunk_chars)
        for part, (a, b) in enumerate(pieces):
            suffix = f".{part + 1}" if len(pieces) > 1 else ""
            passages.append(Passage(id=f"{document.id}#p{number}{suffix}", doc_id=document.id, title=document.title,
                                    text=document.text[a:b], paragraph=number, kind=kind, start=a, end=b))
    return passages


# ---------------------------------------------------------------- file formats


class _HTMLText(HTMLParser):
    """Collect headings, paragraphs and captions of an HTML page as lines."""

    BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "figcaption", "li", "div", "br", "title"}
    SKIP = {"script", "style", "head", "nav", "footer"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.title = ""
        self._buffer: list[str] = []
        self._skip = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "title":
            self._in_title = True
        elif tag in self.SKIP:
            self._skip += 1
        if tag in self.BLOCKS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag in self.SKIP:
            self._skip = max(0, self._skip - 1)
        if tag in self.BLOCKS:
            self._flush()
            if tag == "h1" and not self.title and self.lines:
                self.title = self.lines[-1]

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title = self.title or data.strip()
        elif not self._skip:
            self._buffer.append(data)

    def _flush(self) -> None:
        text = " ".join("".join(self._buffer).split())
        if text:
            self.lines.append(text)
        self._buffer = []

    def close(self) -> None:
        super().close()
        self._flush()


def documents_from_text(raw: str, stem: str, path: str = "") -> list[Document]:
    """Parse plain text that may hold several news articles."""
    articles = split_articles(to_blocks(clean_lines(raw)))
    if len(articles) == 1:
        return [assemble(stem, articles[0], path)]
    return [assemble(f"{stem}-{n}", blocks, path) for n, blocks in enumerate(articles, 1)]


def documents_from_markdown(raw: str, stem: str, path: str = "") -> list[Document]:
    """Parse Markdown: ``#`` lines are headings, the first one the title; emphasis marks are dropped."""
    lines = []
    title = ""
    for line in clean_lines(raw):
        heading = re.match(r"^#{1,6}\s+(.*)$", line)
        text = re.sub(r"[*_`]+", "", heading.group(1) if heading else line).strip()
        if heading and not title:
            title = text
        if text and not re.fullmatch(r"[-=*_\s]+", line):
            lines.append(text)
    return [assemble(stem, to_blocks(lines), path, title=title)]


def documents_from_html(raw: str, stem: str, path: str = "") -> list[Document]:
    """Parse HTML into its text blocks; the ``<title>`` or first ``<h1>`` is the title."""
    parser = _HTMLText()
    parser.feed(raw)
    parser.close()
    blocks = to_blocks(parser.lines)
    if parser.title and blocks and blocks[0].text != parser.title:
        blocks.insert(0, Block(parser.title, "heading"))
    return [assemble(stem, blocks, path, title=parser.title)]


def documents_from_jsonl(raw: str, path: str = "") -> list[Document]:
    """Parse JSON Lines, one document per line with ``id`` and ``text`` (``title``, ``url``, ``date``, ``source`` optional)."""
    documents = []
    for number, line in enumerate(raw.splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise IngestError(f"{path}:{number}: not valid JSON ({error.msg})") from None
        if not isinstance(record, dict) or not isinstance(record.get("text"), str) or "id" not in record:
            raise IngestError(f"{path}:{number}: a line needs an 'id' and a string 'text'")
        blocks = to_blocks(clean_lines(record["text"]))
        documents.append(assemble(str(record["id"]), blocks, path, title=str(record.get("title") or ""), meta=record))
    return documents


def parse_file(path: Path) -> list[Document]:
    """Read one corpus file.

    Raises:
        IngestError: the file cannot be read or is not UTF-8.
    """
    try:
        raw = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise IngestError(f"{path}: not UTF-8 text (byte {error.start})") from None
    except OSError as error:
        raise IngestError(f"{path}: cannot read ({error.strerror})") from None
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        return documents_from_jsonl(raw, str(path))
    if suffix == ".md":
        return documents_from_markdown(raw, path.stem, str(path))
    if suffix in {".html", ".htm"}:
        return documents_from_html(raw, path.stem, str(path))
    return documents_from_text(raw, path.stem, str(path))


def corpus_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Yield the supported files under each path (a file or a folder, searched recursively), sorted."""
    for root in paths:
        if not root.exists():
            raise IngestError(f"{root}: no such file or folder")
        candidates = sorted(p for p in root.rglob("*") if p.is_file()) if root.is_dir() else [root]
        for path in candidates:
            if path.name.startswith("."):
                continue
            if path.suffix.lower() in SUPPORTED_SUFFIXES:
                yield path
            else:
                log.warning("skipping %s: unsupported file type %r", path, path.suffix or "(none)")


def read_corpus(paths: Iterable[Path]) -> list[Document]:
    """Read every supported file under ``paths`` into documents.

    Raises:
        IngestError: a file is unreadable, malformed, or two documents share an id.
    """
    documents: list[Document] = []
    seen: dict[str, str] = {}
    for path in corpus_files(paths):
        for document in parse_file(path):
            if document.id in seen:
                raise IngestError(f"document id {document.id!r} appears in both {seen[document.id]} and {path}")
            seen[document.id] = str(path)
            documents.append(document)
    return documents


def fingerprint(documents: list[Document]) -> str:
    """A short hash of the documents' ids, titles and texts."""
    digest = hashlib.sha256()
    for document in documents:
        for part in (document.id, document.title, document.text):
            digest.update(part.encode("utf-8"))
            digest.update(b"\0")
    return digest.hexdigest()[:16]
