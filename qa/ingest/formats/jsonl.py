"""JSON Lines: one document per line with ``id`` and ``text`` (``title``, ``url``, ``date``, ``source`` optional)."""

from __future__ import annotations

import hashlib
import json

from qa.errors import IngestError
from qa.ingest.articles import assemble
from qa.ingest.blocks import clean_lines, to_blocks
from qa.schema import Document


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
        documents.append(document_from_record(record, path))
    return documents


def content_id(title: str, text: str) -> str:
    """An id derived from a document's content: the same title and text always get the same id."""
    digest = hashlib.sha256(f"{title}\0{text}".encode("utf-8", "surrogatepass")).hexdigest()
    return f"doc-{digest[:16]}"


def document_from_record(record: dict, path: str = "") -> Document:
    """One document from a record with ``text`` and optional ``id``, ``title``, ``url``, ``date``, ``source``
    (without an id, one is derived from the content)."""
    title = str(record.get("title") or "")
    doc_id = str(record["id"]) if record.get("id") not in (None, "") else content_id(title, record["text"])
    return assemble(doc_id, to_blocks(clean_lines(record["text"])), path, title=title, meta=record)

