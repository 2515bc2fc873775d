"""The index folder: manifest, documents, passages, dense and lexical indexes, written atomically."""

from __future__ import annotations

import json
import shutil
import tempfile
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

import numpy as np
from tqdm import tqdm

from qa.embed import Embedder
from qa.ingest import Document, Passage, fingerprint, passages_of
from qa.lexical import LexicalIndex
from qa.text import sentence_spans
from qa.vectors import DenseIndex

FORMAT_VERSION = 2
MANIFEST = "manifest.json"
DOCUMENTS = "documents.jsonl"
PASSAGES = "passages.jsonl"
SENTENCE_VECTORS = "sentences.npy"
SENTENCE_SPANS = "sentence_spans.npy"


class IndexStoreError(RuntimeError):
    """Base class for index problems."""


class IndexMissing(IndexStoreError):
    """No index has been built at the given folder."""


class IndexMismatch(IndexStoreError):
    """The index was built with another model or format than the one in use."""


@dataclass
class BuildStats:
    """What a build produced and how fast."""

    documents: int
    passages: int
    seconds: float
    index_dir: str

    @property
    def passages_per_second(self) -> float:
        """Build throughput."""
        return self.passages / self.seconds if self.seconds else 0.0


@dataclass
class Index:
    """A loaded index: documents, passages and both search structures."""

    folder: Path
    manifest: dict
    documents: dict[str, Document]
    passages: list[Passage]
    dense: DenseIndex
    lexical: LexicalIndex
    sentences: "SentenceTable"

    def __post_init__(self) -> None:
        self._rows = {passage.id: row for row, passage in enumerate(self.passages)}

    def passage_row(self, passage_id: str) -> int:
        """Row of a passage in the vector and sentence tables."""
        return self._rows[passage_id]

    def document_passages(self, doc_id: str) -> list[Passage]:
        """Passages of one document, in order."""
        return [p for p in self.passages if p.doc_id == doc_id]


@dataclass
class SentenceTable:
    """Every sentence of every passage: ``spans`` rows are ``(passage_row, start, end)`` in passage
    offsets, ``vectors`` their normalised embeddings (float16 on disk), ``first`` the first row of each passage."""

    spans: np.ndarray
    vectors: np.ndarray
    first: np.ndarray

    @classmethod
    def from_arrays(cls, spans: np.ndarray, vectors: np.ndarray, passages: int) -> "SentenceTable":
        first = np.searchsorted(spans[:, 0], np.arange(passages + 1)).astype(np.int64)
        return cls(spans, vectors.astype(np.float32), first)

    def of_passage(self, row: int) -> list[tuple[int, int, int]]:
        """``(sentence_row, start, end)`` of each sentence of one passage, offsets into the passage text."""
        return [(r, int(self.spans[r, 1]), int(self.spans[r, 2])) for r in range(int(self.first[row]),
                                                                                 int(self.first[row + 1]))]


def passage_sentences(passages: list[Passage]) -> np.ndarray:
    """``(passage_row, start, end)`` of each sentence, in passage order."""
    rows = [(row, a, b) for row, p in enumerate(passages) for a, b in sentence_spans(p.text)]
    return np.array(rows, dtype=np.int32).reshape(-1, 3)


def sentence_vectors(embedder: Embedder, passages: list[Passage], spans: np.ndarray, progress: bool) -> np.ndarray:
    """Embed each sentence on its own (no title: sentences are compared with each other and with
    questions inside an already retrieved passage)."""
    texts = [passages[row].text[start:end] for row, start, end in spans]
    return embedder.encode_documents(texts, progress=progress)


def _write_jsonl(path: Path, rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")


def _read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def replace_folder(staged: Path, target: Path) -> None:
    """Move ``staged`` to ``target``, replacing an older ``target`` only once the new one is complete."""
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists():
        retired = target.with_name(f".{target.name}.old-{int(time.time() * 1000)}")
        target.rename(retired)
        staged.rename(target)
        shutil.rmtree(retired, ignore_errors=True)
    else:
        staged.rename(target)


def build_index(
    documents: list[Document],
    embedder: Embedder,
    folder: Path,
    chunk_chars: int = 300,
    progress: bool = True,
    enrich: Callable[[list[Document], list[Passage], "SentenceTable"], None] | None = None,
    exact_below: int = 50_000,
    target_recall: float = 0.98,
) -> BuildStats:
    """Embed and index documents into ``folder``, atomically.

    Args:
        documents: ingested documents.
        embedder: the embedding model.
        folder: destination; an existing index there is replaced only after the new one is complete.
        chunk_chars: passage size limit (see :func:`qa.ingest.passages_of`).
        progress: show progress bars.
        enrich: optional hook that adds derived fields (summaries, keywords) to the documents before they are written.
        exact_below: corpora with fewer passages get exact vector search, larger ones IVF.
        target_recall: recall@10 against exact search that IVF search is tuned to reach.

    Returns:
        Counts and timing.
    """
    if not documents:
        raise ValueError("no documents to index: the corpus holds no supported, non-empty files")
    started = time.perf_counter()
    passages = [p for d in documents for p in passages_of(d, chunk_chars)]
    folder = Path(folder)
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=folder.parent, prefix=f".{folder.name}.build-"))
    try:
        vectors = embedder.encode_documents([p.text for p in passages], [p.title for p in passages], progress)
        spans = passage_sentences(passages)
        sentences = SentenceTable.from_arrays(spans, sentence_vectors(embedder, passages, spans, progress)
                                              .astype(np.float16), len(passages))
        np.save(staging / SENTENCE_SPANS, spans)
        np.save(staging / SENTENCE_VECTORS, sentences.vectors.astype(np.float16))
        if enrich:
            enrich(documents, passages, sentences)
        with tqdm(total=2, desc="indexing", disable=not progress) as bar:
            dense = DenseIndex.build(vectors, exact_below, target_recall)
            dense.save(staging)
            bar.update()
            LexicalIndex.build([p.text for p in passages]).save(staging)
            bar.update()
        _write_jsonl(staging / DOCUMENTS, [d.to_dict() for d in documents])
        _write_jsonl(staging / PASSAGES, [p.to_dict() for p in passages])
        manifest = {
            "format_version": FORMAT_VERSION,
            "model": embedder.name,
            "encoder": embedder.encoder,
            "dimension": embedder.dimension,
            "dense_index": dense.info,
            "documents": len(documents),
            "passages": len(passages),
            "sentences": len(spans),
            "fingerprint": fingerprint(documents),
            "chunk_chars": chunk_chars,
            "built_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        }
        manifest["build_seconds"] = round(time.perf_counter() - started, 3)
        (staging / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8")
        replace_folder(staging, folder)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return BuildStats(len(documents), len(passages), time.perf_counter() - started, str(folder))


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
        model_name: the model that will embed queries; ``None`` skips the check.

    Raises:
        IndexMissing: nothing built there.
        IndexMismatch: different format version or model.
    """
    folder = Path(folder)
    manifest = read_manifest(folder)
    if manifest.get("format_version") != FORMAT_VERSION:
        raise IndexMismatch(f"index at {folder} has format {manifest.get('format_version')}, "
                            f"this version reads {FORMAT_VERSION}: rebuild it with `qa build`")
    if model_name is not None and manifest.get("model") != model_name:
        raise IndexMismatch(f"index at {folder} was built with model {manifest.get('model')!r}, "
                            f"but the configured model is {model_name!r}: rebuild it or set QA_MODEL")
    documents = {row["id"]: Document(**row) for row in _read_jsonl(folder / DOCUMENTS)}
    passages = [Passage(**row) for row in _read_jsonl(folder / PASSAGES)]
    dense = DenseIndex.load(folder)
    if len(dense) != len(passages):
        raise IndexMismatch(f"index at {folder} is inconsistent: {len(dense)} vectors for {len(passages)} passages")
    sentences = SentenceTable.from_arrays(np.load(folder / SENTENCE_SPANS), np.load(folder / SENTENCE_VECTORS),
                                          len(passages))
    return Index(folder, manifest, documents, passages, dense, LexicalIndex.load(folder), sentences)
