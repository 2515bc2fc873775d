"""Writing documents into an index: add, replace and delete, embedding only text the index has not seen.

One writer at a time per index (the folder's lock, held for the whole write); the visible change is one
transaction, so readers see all of a write or none of it. Documents are prepared, embedded and summarised a step at
a time, their rows staged in temporary tables on disk until that transaction, so a large write holds one step in
memory, not the whole corpus.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import numpy as np

from qa.config import Settings
from qa.embed import Embedder
from qa.errors import DocumentNotFound, IndexMismatch
from qa.folders import remove_leftovers, writer_lock
from qa.index.lexical import SEARCHED_FIELDS, passage_words
from qa.index.sentences import SentenceTable
from qa.index.store import (FORMAT_VERSION, TOKEN_SEPARATOR, check_compatible, connect, generation, read_meta,
                            reported_damage, transaction, write_meta)
from qa.index.vector_cache import VectorCache, vector_key, vector_keys
from qa.ingest import passages_of
from qa.schema import Document, Passage
from qa.summarize import Summarizer
from qa.text.normalize import sentence_spans

Progress = Callable[[int, int], None]
"""Called with (passages embedded, passages to embed)."""
EMBED_CHUNK = 64
"""Passages embedded (with their sentences) per committed step."""
STAGING = """
CREATE TEMP TABLE IF NOT EXISTS staged_documents (id TEXT PRIMARY KEY, seq INTEGER NOT NULL, digest TEXT NOT NULL,
    body TEXT NOT NULL);
CREATE TEMP TABLE IF NOT EXISTS staged_passages (id TEXT PRIMARY KEY, doc_id TEXT NOT NULL, ordinal INTEGER NOT NULL,
    body TEXT NOT NULL, tokens TEXT NOT NULL, vector_key TEXT NOT NULL);
CREATE TEMP TABLE IF NOT EXISTS staged_sentences (passage_id TEXT NOT NULL, ordinal INTEGER NOT NULL,
    start INTEGER NOT NULL, end INTEGER NOT NULL, vector_key TEXT NOT NULL, PRIMARY KEY (passage_id, ordinal));
DELETE FROM staged_documents;
DELETE FROM staged_passages;
DELETE FROM staged_sentences;
"""
"""A write's rows before they are committed (temporary tables: on disk, this connection's only)."""


@dataclass
class PreparedDocument:
    """A document cut into passages and sentences, with the model inputs each needs.

    With late chunking a sentence has no model input of its own: its ``sentence_inputs`` entry names its span
    of the passage's input (the key its vector is stored under) and ``input_spans`` locates it there.
    """

    document: Document
    digest: str
    passages: list[Passage]
    tokens: list[str]
    """Each passage's search words, joined as stored."""
    sentences: list[list[tuple[int, int]]]
    passage_inputs: list[str]
    sentence_inputs: list[list[str]]
    """Each passage's sentences' own model inputs (empty with late chunking)."""
    sentence_keys: list[list[str]]
    """What each passage's sentences' vectors are stored under (late chunking: :func:`late_sentence_keys`)."""
    input_spans: list[list[tuple[int, int]]]
    late: bool

    @property
    def all_sentence_keys(self) -> list[str]:
        """The sentences' vector keys, passage by passage."""
        return [key for keys in self.sentence_keys for key in keys]


@dataclass
class WriteResult:
    """What a write changed and what it cost."""

    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    passages: int = 0
    passages_written: int = 0
    vectors_embedded: int = 0
    embed_seconds: float = 0.0
    """Preparing, embedding, summarising and staging the changed documents (all but the commit)."""
    seconds: float = 0.0
    generation: int = 0


def now() -> str:
    """The time of day in UTC, to the second, as stored in the index's meta."""
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def document_digest(document: Document, chunk_chars: int, sentence_vectors: str) -> str:
    """What decides whether a stored document must be rewritten: its content, metadata, the chunk size, how its
    sentences get vectors and which fields its search words come from."""
    content = document.to_dict()
    content.pop("summary")
    content.pop("keywords")
    payload = json.dumps([content, chunk_chars, sentence_vectors, SEARCHED_FIELDS], ensure_ascii=False,
                         sort_keys=True)
    return hashlib.sha256(payload.encode("utf-8", "surrogatepass")).hexdigest()


def late_sentence_keys(embedder: Embedder, passage_input: str, spans: list[tuple[int, int]]) -> list[str]:
    """What late-chunked sentence vectors are stored under: the key of each one's span of the passage's model input
    (``late START:END``, a NUL, then the passage's input)."""
    return [vector_key(embedder, "float16", f"late {a}:{b}\0", passage_input) for a, b in spans]


def sentence_method(requested: str, embedder: Embedder) -> str:
    """How sentences get vectors: ``late`` where asked for and the encoder exposes token states, else
    ``separate``."""
    return "late" if requested == "late" and embedder.head is not None else "separate"


def prepare(document: Document, chunk_chars: int, embedder: Embedder, sentence_vectors: str) -> PreparedDocument:
    """Cut a document into passages, their search tokens and sentence spans, with each one's model input.

    Args:
        sentence_vectors: ``late`` or ``separate``, as :func:`sentence_method` resolved it.
    """
    passages = passages_of(document, chunk_chars)
    sentences = [sentence_spans(p.text) for p in passages]
    passage_inputs = embedder.document_inputs([p.text for p in passages], [p.title for p in passages])
    shifts = [len(model_input) - len(p.text) for model_input, p in zip(passage_inputs, passages)]
    input_spans = [[(a + shift, b + shift) for a, b in spans] for spans, shift in zip(sentences, shifts)]
    late = sentence_vectors == "late"
    if late:
        sentence_inputs = [[] for _ in passages]
        keys = [late_sentence_keys(embedder, model_input, spans) for model_input, spans in zip(passage_inputs,
                                                                                               input_spans)]
    else:
        sentence_inputs = [embedder.document_inputs([p.text[a:b] for a, b in spans])
                           for p, spans in zip(passages, sentences)]
        keys = [vector_keys(embedder, inputs, "float16") for inputs in sentence_inputs]
    return PreparedDocument(document, document_digest(document, chunk_chars, sentence_vectors), passages,
                            [TOKEN_SEPARATOR.join(passage_words(p.title, p.text) or [""]) for p in passages], sentences,
                            passage_inputs, sentence_inputs, keys, input_spans, late)


def plan(stored: dict[str, tuple[int, str]], upserts: list[Document], deletions: list[str], keep_only: bool,
         chunk_chars: int, sentence_vectors: str) -> tuple[WriteResult, list[Document]]:
    """Sort a write's documents into added, replaced, unchanged and deleted; return those to be written.

    Args:
        stored: ``(seq, digest)`` of each stored document, by id.

    Raises:
        DocumentNotFound: a deletion names no stored document.
    """
    missing = [doc_id for doc_id in deletions if doc_id not in stored]
    if missing:
        raise DocumentNotFound(missing[0])
    result = WriteResult()
    changed: list[Document] = []
    for document in upserts:
        digest = document_digest(document, chunk_chars, sentence_vectors)
        if document.id in stored and stored[document.id][1] == digest:
            result.unchanged.append(document.id)
            continue
        (result.replaced if document.id in stored else result.added).append(document.id)
        changed.append(document)
    kept = {d.id for d in upserts}
    result.deleted = [doc_id for doc_id in stored if doc_id not in kept] if keep_only else list(deletions)
    return result, changed


class IndexWriter:
    """Applies changes to the index in ``folder``.

    Args:
        folder: the index folder (created on the first write).
        embedder: the encoder (its vector space must be the index's).
        settings: chunk size and summary length.
    """

    def __init__(self, folder: Path, embedder: Embedder, settings: Settings) -> None:
        self.folder = Path(folder)
        self.embedder = embedder
        self.settings = settings
        self.summarizer = Summarizer.from_settings(embedder, settings)

    def write(self, upserts: list[Document], deletions: list[str], progress: Progress | None = None,
              keep_only: bool = False) -> WriteResult:
        """Add or replace ``upserts`` and delete ``deletions``, as one visible change.

        Args:
            upserts: documents to add, or to replace where their id exists (unchanged ones are left alone).
            deletions: ids of documents to delete.
            progress: embedding progress.
            keep_only: delete every stored document not in ``upserts`` and order the rest as given (a build).

        Raises:
            DocumentNotFound: a deletion names no stored document (nothing is changed).
            IndexMismatch: the index belongs to another model or format.
            FolderBusy: another writer held the index longer than ``write_lock_timeout``.
        """
        with writer_lock(self.folder, self.settings.write_lock_timeout):
            return self.write_locked(upserts, deletions, progress, keep_only)

    def write_locked(self, upserts: list[Document], deletions: list[str], progress: Progress | None = None,
                     keep_only: bool = False) -> WriteResult:
        """:meth:`write`, for a caller that already holds the folder's writer lock."""
        started = time.perf_counter()
        with reported_damage(self.folder):
            remove_leftovers(self.folder)
            connection = connect(self.folder, create=True)
            try:
                result = self._write(connection, upserts, deletions, progress, keep_only)
            finally:
                connection.close()
        result.seconds = time.perf_counter() - started
        return result

    def _write(self, connection, upserts: list[Document], deletions: list[str], progress: Progress | None,
               keep_only: bool) -> WriteResult:
        meta = read_meta(connection) or self._create(connection)
        check_compatible(meta, self.folder, self.embedder.name)
        if meta.get("dimension") != self.embedder.dimension:
            raise IndexMismatch(f"index {self.folder.name} holds {meta.get('dimension')}-dimensional vectors")
        stored = {doc_id: (seq, digest) for doc_id, seq, digest in
                  connection.execute("SELECT id, seq, digest FROM documents")}
        chunk = self.settings.chunk_chars
        method = sentence_method(self.settings.sentence_vectors, self.embedder)
        result, changed = plan(stored, upserts, deletions, keep_only, chunk, method)
        clock = time.perf_counter()
        cache = VectorCache(connection, self.embedder)
        result.passages_written = self._stage(connection, cache, changed, stored, method, progress)
        result.embed_seconds = time.perf_counter() - clock
        result.vectors_embedded = cache.embedded
        order = [d.id for d in upserts] if keep_only else []
        current = [doc_id for doc_id, _ in sorted(stored.items(), key=lambda item: item[1][0])]
        if meta["generation"] and not changed and not result.deleted and (not order or order == current):
            result.generation = generation(connection)
            result.passages = connection.execute("SELECT COUNT(*) FROM passages").fetchone()[0]
            return result
        with transaction(connection):
            self._commit(connection, [d.id for d in changed], result.deleted, order)
            result.generation = generation(connection) + 1
            write_meta(connection, {"generation": result.generation, "updated_at": now(), "chunk_chars": chunk,
                                    "sentence_vectors": method})
        result.passages = connection.execute("SELECT COUNT(*) FROM passages").fetchone()[0]
        return result

    def _create(self, connection) -> dict:
        """Describe a new, empty index (generation 0): its format and vector space, before anything is embedded,
        so that a build killed while embedding is resumed in place."""
        meta = {"format_version": FORMAT_VERSION, "model": self.embedder.name, "encoder": self.embedder.encoder,
                "dimension": self.embedder.dimension, "chunk_chars": self.settings.chunk_chars, "generation": 0,
                "created_at": now(), "updated_at": now()}
        with transaction(connection):
            write_meta(connection, meta)
        return meta

    def _stage(self, connection, cache: VectorCache, changed: list[Document], stored: dict[str, tuple[int, str]],
               method: str, progress: Progress | None) -> int:
        """Prepare, embed and summarise the changed documents a step at a time, and stage their rows in temporary
        tables (on disk), so that only one step's documents are held in memory; :meth:`_commit` moves the rows in.

        Returns:
            The passages staged.
        """
        connection.executescript(STAGING)
        total = sum(len(passages_of(document, self.settings.chunk_chars)) for document in changed)
        if progress:
            progress(0, total)
        next_seq = max((seq for seq, _ in stored.values()), default=-1) + 1
        step: list[PreparedDocument] = []
        done = 0
        for position, document in enumerate(changed):
            step.append(prepare(document, self.settings.chunk_chars, self.embedder, method))
            if sum(len(prepared.passages) for prepared in step) < EMBED_CHUNK and position + 1 < len(changed):
                continue
            self._embed_and_summarize(cache, step)
            with transaction(connection):
                for prepared in step:
                    seq = stored[prepared.document.id][0] if prepared.document.id in stored else next_seq
                    next_seq += prepared.document.id not in stored
                    self._stage_rows(connection, prepared, seq)
            done += sum(len(prepared.passages) for prepared in step)
            step = []
            if progress:
                progress(done, total)
        return done

    def _embed_and_summarize(self, cache: VectorCache, step: list[PreparedDocument]) -> None:
        """Embed what these documents need (committed as it is embedded), then give each its summary."""
        items = [(prepared, row) for prepared in step for row in range(len(prepared.passages))]
        late = [(prepared, row) for prepared, row in items if prepared.late]
        cache.late_vectors([prepared.passage_inputs[row] for prepared, row in late],
                           [prepared.input_spans[row] for prepared, row in late],
                           [prepared.sentence_keys[row] for prepared, row in late])
        separate = [(prepared, row) for prepared, row in items if not prepared.late]
        cache.vectors([prepared.passage_inputs[row] for prepared, row in separate], "float32")
        cache.vectors([text for prepared, row in separate for text in prepared.sentence_inputs[row]], "float16")
        for prepared in step:
            self._summarize(cache, prepared)

    def _summarize(self, cache: VectorCache, prepared: PreparedDocument) -> None:
        spans = np.array([(row, a, b) for row, sentences in enumerate(prepared.sentences) for a, b in sentences],
                         dtype=np.int32).reshape(-1, 3)
        vectors = cache.stored(prepared.all_sentence_keys, "float16")
        table = SentenceTable.from_arrays(spans, vectors, len(prepared.passages))
        title = cache.vectors(self.embedder.document_inputs([prepared.document.title]), "float32")[0]
        summary = self.summarizer.summarize_document(
            prepared.document, prepared.passages, [table.of_passage(row) for row in range(len(prepared.passages))],
            table.vectors, title, self.settings.summary_sentences, None)
        prepared.document.summary = summary.sentences
        prepared.document.keywords = summary.keywords

    def _commit(self, connection, changed: list[str], deleted: list[str], order: list[str]) -> None:
        """The visible change, inside the caller's transaction: the staged rows replace those of their documents."""
        connection.executemany("DELETE FROM documents WHERE id = ?", [(doc_id,) for doc_id in deleted + changed])
        connection.execute("INSERT INTO documents (id, seq, digest, body) SELECT id, seq, digest, body FROM "
                           "temp.staged_documents ORDER BY rowid")
        connection.execute("INSERT INTO passages (id, doc_id, ordinal, body, tokens, vector_key) SELECT id, doc_id, "
                           "ordinal, body, tokens, vector_key FROM temp.staged_passages ORDER BY rowid")
        connection.execute("INSERT INTO sentences (passage_id, ordinal, start, end, vector_key) SELECT passage_id, "
                           "ordinal, start, end, vector_key FROM temp.staged_sentences ORDER BY rowid")
        connection.executemany("UPDATE documents SET seq = ? WHERE id = ?",
                               [(position, doc_id) for position, doc_id in enumerate(order)])

    def _stage_rows(self, connection, prepared: PreparedDocument, seq: int) -> None:
        """Stage one prepared document's rows (its document, passages and sentences) for :meth:`_commit`."""
        document, passages = prepared.document, prepared.passages
        connection.execute("INSERT INTO temp.staged_documents (id, seq, digest, body) VALUES (?, ?, ?, ?)",
                           (document.id, seq, prepared.digest, json.dumps(document.to_dict(), ensure_ascii=False)))
        passage_keys = vector_keys(self.embedder, prepared.passage_inputs, "float32")
        connection.executemany(
            "INSERT INTO temp.staged_passages (id, doc_id, ordinal, body, tokens, vector_key) VALUES (?, ?, ?, ?, ?, ?)",
            [(p.id, p.doc_id, ordinal, json.dumps(p.to_dict(), ensure_ascii=False), tokens, key)
             for ordinal, (p, tokens, key) in enumerate(zip(passages, prepared.tokens, passage_keys))])
        rows = [(p.id, ordinal, a, b) for p, spans in zip(passages, prepared.sentences)
                for ordinal, (a, b) in enumerate(spans)]
        connection.executemany(
            "INSERT INTO temp.staged_sentences (passage_id, ordinal, start, end, vector_key) VALUES (?, ?, ?, ?, ?)",
            [row + (key,) for row, key in zip(rows, prepared.all_sentence_keys)])
