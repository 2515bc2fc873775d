"""JSON Lines: one document per line with ``id`` and ``text`` (``title``, ``url``, ``date``, ``source`` optional)."""

from __future__ import annotations

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
        blocks = to_blocks(clean_lines(record["text"]))
        documents.append(assemble(str(record["id"]), blocks, path, title=str(record.get("title") or ""), meta=record))
    return documents

