"""Candidate summary sentences with their offsets: from a raw text, or from an indexed document."""

from __future__ import annotations

from dataclasses import dataclass

from qa.schema import Document, Passage
from qa.text.normalize import sentence_spans

MIN_SENTENCE_CHARS = 8



@dataclass
class SentenceUnit:
    """A candidate sentence: where it is, and where it comes from."""

    text: str
    start: int
    end: int
    order: int
    doc_id: str | None = None
    passage_id: str | None = None
    position: float = 0.0
    lead: bool = False


def text_units(text: str) -> list[SentenceUnit]:
    """Sentences of a raw text, with offsets into it; fragments shorter than a sentence are dropped."""
    spans = [(a, b) for a, b in sentence_spans(text) if b - a >= MIN_SENTENCE_CHARS]
    return [SentenceUnit(text[a:b], a, b, order, position=order / max(1, len(spans)))
            for order, (a, b) in enumerate(spans)]


def document_units(document: Document, passages: list[Passage], sentence_rows: list[list[tuple[int, int, int]]]
                   ) -> tuple[list[SentenceUnit], list[int]]:
    """Candidate sentences of an indexed document: paragraph sentences only, with the dateline cut off.

    Args:
        document: the document.
        passages: its passages in order.
        sentence_rows: per passage, ``(sentence_row, start, end)`` in passage offsets.

    Returns:
        The units (offsets into ``document.text``) and their rows in the index's sentence table.
    """
    units, rows = [], []
    for passage, sentences in zip(passages, sentence_rows):
        if passage.kind != "paragraph":
            continue
        for row, start, end in sentences:
            start, end = passage.start + start, passage.start + end
            if start < document.dateline_end <= end:
                start = document.dateline_end
            if end - start < MIN_SENTENCE_CHARS or end <= document.dateline_end:
                continue
            units.append(SentenceUnit(document.text[start:end], start, end, len(units), document.id, passage.id))
            rows.append(row)
    for unit in units:
        unit.position = unit.order / max(1, len(units))
        unit.lead = bool(document.dateline_end) and unit.start == document.dateline_end and not is_speech(unit.text)
    return units, rows


def is_speech(text: str) -> bool:
    """A sentence of direct speech (it opens with a quotation mark)."""
    return text[:1] in "“\"「'"

