"""Corpus files to documents: find the supported files, read each with the reader of its format.

Every document's ``text`` is its cleaned paragraphs joined by newlines; passages index it.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Iterable, Iterator

from qa.errors import IngestError, UnsupportedType
from qa.ingest.formats.html import documents_from_html
from qa.ingest.formats.jsonl import documents_from_jsonl
from qa.ingest.formats.markdown import documents_from_markdown
from qa.ingest.formats.plain_text import documents_from_text
from qa.schema import Document

log = logging.getLogger(__name__)

SUPPORTED_SUFFIXES = {".txt", ".md", ".html", ".htm", ".jsonl"}


def decode(raw: bytes, name: str) -> str:
    """UTF-8 text of a file (a byte-order mark dropped).

    Raises:
        IngestError: naming the file and the first bad byte.
    """
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise IngestError(f"{name}: not UTF-8 text (byte {error.start})") from None


def parse_text(text: str, name: str, path: str) -> list[Document]:
    """The documents of one file's text, read by the reader of its format (by the suffix of ``name``)."""
    suffix = Path(name).suffix.lower()
    stem = Path(name).stem
    if suffix == ".jsonl":
        return documents_from_jsonl(text, path)
    if suffix == ".md":
        return documents_from_markdown(text, stem, path)
    if suffix in {".html", ".htm"}:
        return documents_from_html(text, stem, path)
    return documents_from_text(text, stem, path)


def parse_file(path: Path, name: str | None = None) -> list[Document]:
    """Read one corpus file.

    Args:
        path: the file.
        name: what its documents record as their ``path`` (default: ``path`` as given).

    Raises:
        IngestError: the file cannot be read or is not UTF-8.
    """
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise IngestError(f"{path}: cannot read ({error.strerror})") from None
    return parse_text(decode(raw, str(path)), path.name, str(path) if name is None else name)


def parse_upload(raw: bytes, name: str) -> list[Document]:
    """The documents of an uploaded file, read exactly as ``qa build`` reads a file of that name.

    Raises:
        UnsupportedType: not one of the supported file types.
        IngestError: not UTF-8, or a malformed line (named).
    """
    if Path(name).suffix.lower() not in SUPPORTED_SUFFIXES:
        raise UnsupportedType(f"{name}: unsupported file type; upload {', '.join(sorted(SUPPORTED_SUFFIXES))} files")
    return parse_text(decode(raw, name), Path(name).name, Path(name).name)


def source_name(root: Path, path: Path) -> str:
    """What a document records as its ``path``: the file relative to the corpus root given at build, under the
    root folder's own name (``seeds/a.txt``), or a root file's name; never the machine's absolute path."""
    if root.is_dir():
        return (Path(root.resolve().name) / path.relative_to(root)).as_posix()
    return path.name


def corpus_files(paths: Iterable[Path]) -> Iterator[tuple[Path, str]]:
    """Yield the supported files under each path (a file or a folder, searched recursively), sorted, each with
    its :func:`source_name`."""
    for root in paths:
        if not root.exists():
            raise IngestError(f"{root}: no such file or folder")
        candidates = sorted(p for p in root.rglob("*") if p.is_file()) if root.is_dir() else [root]
        for path in candidates:
            if path.name.startswith("."):
                continue
            if path.suffix.lower() in SUPPORTED_SUFFIXES:
                yield path, source_name(root, path)
            else:
                log.warning("skipping %s: unsupported file type %r", path, path.suffix or "(none)")


def read_corpus(paths: Iterable[Path]) -> list[Document]:
    """Read every supported file under ``paths`` into documents.

    Raises:
        IngestError: a file is unreadable, malformed, or two documents share an id.
    """
    documents: list[Document] = []
    seen: dict[str, str] = {}
    for path, name in corpus_files(paths):
        for document in parse_file(path, name):
            if document.id in seen:
                raise IngestError(f"document id {document.id!r} appears in both {seen[document.id]} and {path}")
            seen[document.id] = str(path)
            documents.append(document)
    return documents
