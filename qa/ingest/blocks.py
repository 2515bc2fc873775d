"""Lines to blocks: clean the lines of a file, re-join paragraphs broken in mid-sentence, and tell
paragraphs, captions and headings apart."""

from __future__ import annotations

from dataclasses import dataclass

from qa.schema import PassageKind
from qa.text.normalize import CLAUSE_MARKS, is_sentence_end, sentence_spans

SHORT_LINE = 40


@dataclass
class Block:
    """A paragraph-level piece of a document before it gets offsets."""

    text: str
    kind: PassageKind = "paragraph"


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

