"""Documents to passages: one per paragraph, caption or heading; long paragraphs packed into sentence runs."""

from __future__ import annotations

from qa.ingest.blocks import classify_line
from qa.schema import Document, Passage
from qa.text.normalize import sentence_spans


def pack_sentences(spans: list[tuple[int, int]], limit: int) -> list[tuple[int, int]]:
    """Pack consecutive sentence spans into runs of at most ``limit`` characters (a longer sentence stands alone)."""
    packed: list[tuple[int, int]] = []
    for start, end in spans:
        if packed and end - packed[-1][0] <= limit:
            packed[-1] = (packed[-1][0], end)
        else:
            packed.append((start, end))
    return packed


def passages_of(document: Document, chunk_chars: int) -> list[Passage]:
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

