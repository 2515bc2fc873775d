"""Plain text: one file may hold several news articles, split at their datelines."""

from __future__ import annotations

from qa.ingest.articles import assemble, split_articles
from qa.ingest.blocks import clean_lines, to_blocks
from qa.schema import Document


def documents_from_text(raw: str, stem: str, path: str = "") -> list[Document]:
    """Parse plain text that may hold several news articles."""
    articles = split_articles(to_blocks(clean_lines(raw)))
    if len(articles) == 1:
        return [assemble(stem, articles[0], path)]
    return [assemble(f"{stem}-{n}", blocks, path) for n, blocks in enumerate(articles, 1)]

