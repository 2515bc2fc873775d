"""HTML: headings, paragraphs and captions as lines; scripts, styles and navigation left out."""

from __future__ import annotations

from html.parser import HTMLParser

from qa.ingest.articles import assemble
from qa.ingest.blocks import Block, to_blocks
from qa.schema import Document


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


def documents_from_html(raw: str, stem: str, path: str = "") -> list[Document]:
    """Parse HTML into its text blocks; the ``<title>`` or first ``<h1>`` is the title."""
    parser = _HTMLText()
    parser.feed(raw)
    parser.close()
    blocks = to_blocks(parser.lines)
    if parser.title and blocks and blocks[0].text != parser.title:
        blocks.insert(0, Block(parser.title, "heading"))
    return [assemble(stem, blocks, path, title=parser.title)]

