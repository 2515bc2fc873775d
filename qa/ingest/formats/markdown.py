"""Markdown: ``#`` lines are headings, the first one the title; emphasis marks are dropped."""

from __future__ import annotations

import re

from qa.ingest.articles import assemble
from qa.ingest.blocks import clean_lines, to_blocks
from qa.schema import Document


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

