"""Corpus files to documents: find the supported files, read each with the reader of its format.

Every document's ``text`` is its cleaned paragraphs joined by newlines; passages index it.
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path
from typing import Iterable, Iterator

from qa.errors import IngestError
from qa.ingest.formats.html import documents_from_html
from qa.ingest.formats.jsonl import documents_from_jsonl
from qa.ingest.formats.markdown import documents_from_markdown
from qa.ingest.formats.plain_text import documents_from_text
from qa.schema import Document

log = logging.getLogger(__name__)

SUPPORTED_SUFFIXES = {".txt", ".md", ".html", ".htm", ".jsonl"}


def parse_file(path: Path, name: str | None = None) -> list[Document]:
    """Read one corpus file.

    Args:
        path: the file.
        name: what its documents record as their ``path`` (default: ``path`` as given).

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
    name = str(path) if name is None else name
    if suffix == ".jsonl":
        return documents_from_jsonl(raw, name)
    if suffix == ".md":
        return documents_from_markdown(raw, path.stem, name)
    if suffix in {".html", ".htm"}:
        return documents_from_html(raw, path.stem, name)
    return documents_from_text(raw, path.stem, name)


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


def fingerprint(documents: list[Document]) -> str:
    """A short hash of the documents' ids, titles and texts."""
    digest = hashlib.sha256()
    for document in documents:
        for part in (document.id, document.title, document.text):
            digest.update(part.encode("utf-8"))
            digest.update(b"\0")
    return digest.hexdigest()[:16]

