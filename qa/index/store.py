"""The index folder: manifest, documents, passages, sentence table and search backend, read and written whole."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from qa.errors import IndexMismatch, IndexMissing
from qa.index.backend import FaissBm25Backend, SearchBackend
from qa.index.sentences import SentenceTable
from qa.schema import Document, Passage

FORMAT_VERSION = 2
MANIFEST = "manifest.json"
DOCUMENTS = "documents.jsonl"
PASSAGES = "passages.jsonl"


@dataclass
class Index:
    """A loaded index: documents, passages, their sentences and the search backend."""

    folder: Path
    manifest: dict
    documents: dict[str, Document]
    passages: list[Passage]
    backend: SearchBackend
    sentences: SentenceTable
    _rows: dict[str, int] = field(init=False, repr=False)
    _by_document: dict[str, list[int]] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._rows = {passage.id: row for row, passage in enumerate(self.passages)}
        self._by_document = {}
        for row, passage in enumerate(self.passages):
            self._by_document.setdefault(passage.doc_id, []).append(row)

    def passage_row(self, passage_id: str) -> int:
        """Row of a passage in the vector and sentence tables."""
        return self._rows[passage_id]

    def document_rows(self, doc_id: str) -> list[int]:
        """Rows of one document's passages, in order."""
        return self._by_document.get(doc_id, [])


def write_jsonl(path: Path, rows: list[dict]) -> None:
    """One JSON object per line, UTF-8."""
    with path.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")


def read_jsonl(path: Path) -> list[dict]:
    """The JSON objects of a JSON Lines file."""
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def write_index(folder: Path, manifest: dict, documents: list[Document], passages: list[Passage],
                backend: SearchBackend, sentences: SentenceTable) -> None:
    """Write every part of an index into an (empty, staging) folder; the manifest last, as the mark of completion."""
    backend.save(folder)
    sentences.save(folder)
    write_jsonl(folder / DOCUMENTS, [d.to_dict() for d in documents])
    write_jsonl(folder / PASSAGES, [p.to_dict() for p in passages])
    (folder / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8")


def read_manifest(folder: Path) -> dict:
    """Read an index manifest.

    Raises:
        IndexMissing: no complete index in ``folder``.
    """
    path = Path(folder) / MANIFEST
    if not path.is_file():
        raise IndexMissing(f"no index at {folder}: build one with `qa build --corpus seeds/ --index {folder}`")
    return json.loads(path.read_text(encoding="utf-8"))


def load_index(folder: Path, model_name: str | None = None) -> Index:
    """Load an index, refusing one built with another model or format.

    Args:
        folder: index folder.
        model_name: the vector space that will embed queries; ``None`` skips the check.

    Raises:
        IndexMissing: nothing built there.
        IndexMismatch: different format version or model, or parts that disagree.
    """
    folder = Path(folder)
    manifest = read_manifest(folder)
    if manifest.get("format_version") != FORMAT_VERSION:
        raise IndexMismatch(f"index at {folder} has format {manifest.get('format_version')}, "
                            f"this version reads {FORMAT_VERSION}: rebuild it with `qa build`")
    if model_name is not None and manifest.get("model") != model_name:
        raise IndexMismatch(f"index at {folder} was built with model {manifest.get('model')!r}, "
                            f"but the configured model is {model_name!r}: rebuild it or set QA_MODEL")
    documents = {row["id"]: Document.from_dict(row) for row in read_jsonl(folder / DOCUMENTS)}
    passages = [Passage(**row) for row in read_jsonl(folder / PASSAGES)]
    backend = FaissBm25Backend.load(folder)
    if len(backend) != len(passages):
        raise IndexMismatch(f"index at {folder} is inconsistent: {len(backend)} vectors for {len(passages)} passages")
    return Index(folder, manifest, documents, passages, backend, SentenceTable.load(folder, len(passages)))
