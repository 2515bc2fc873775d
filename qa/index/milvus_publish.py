"""What a Milvus-backed index publishes beside its search rows, so that a replica needs nothing on local disk.

The process that holds the index database publishes each generation it loads into a record store next to the
search collection (``<collection>_records``):

- one ``document`` record per document version: the document (text, byline, stored summary), its passages with
  their search words, the passage vectors and the sentences with their vectors, everything the reader and the
  summariser read;
- one ``generation`` record per generation: the index's meta and its documents in order, with their digests;
- ``head``, naming the latest generation, written last.

A replica reads ``head``, that generation's record and its documents' records. A record stays until the
generation after the next is published, so a replica loading one generation while the next is written reads it
whole; records are keyed by content, so a document that did not change is written once.
"""

from __future__ import annotations

import hashlib
import json
import struct
from collections import Counter
from dataclasses import dataclass

import numpy as np

from qa.index.milvus_records import RecordStore
from qa.index.snapshot import Rows
from qa.index.turnover import Turnover
from qa.schema import Document, Passage

HEAD = "head"
HEADER = struct.Struct("<I")
"""Length of a document record's JSON header; its passage and sentence vectors follow as raw arrays."""


def records_collection(collection: str) -> str:
    """The record store beside a search collection."""
    return f"{collection}_records"


def document_key(meta: dict, doc_id: str, digest: str) -> str:
    """A document version's record key: what its stored vectors and summary depend on (model, encoder, digest)."""
    text = f"{meta['model']}\x1f{meta['encoder']}\x1f{doc_id}\x1f{digest}"
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def record_name(key: str) -> str:
    return f"document:{key}"


def generation_name(generation: int) -> str:
    return f"generation:{generation}"


@dataclass(frozen=True)
class Publication:
    """What one process published for one generation.

    Args:
        generation: the generation.
        documents: record keys of its documents.
        lingering: record keys of the generation before that this one no longer holds (removed one publication
            later).
    """

    generation: int
    documents: frozenset[str]
    lingering: frozenset[str]


def encode_document(rows: Rows, document: Document, passages: range, sentences: range) -> bytes:
    """One document's record: a JSON header, then its passage vectors (float32) and sentence vectors (float16).

    Args:
        rows: the generation's rows.
        document: the document.
        passages, sentences: its passage rows and sentence rows in ``rows``.
    """
    spans = rows.spans[sentences.start:sentences.stop].astype(np.int64)
    spans[:, 0] -= passages.start
    header = json.dumps({"document": document.to_dict(), "digest": rows.digests[document.id],
                         "passages": [rows.passages[r].to_dict() for r in passages],
                         "words": [rows.tokens[r] for r in passages], "sentences": spans.tolist()},
                        ensure_ascii=False).encode("utf-8", "surrogatepass")
    return (HEADER.pack(len(header)) + header
            + rows.vectors[passages.start:passages.stop].astype(np.float32).tobytes()
            + rows.sentence_vectors[sentences.start:sentences.stop].astype(np.float16).tobytes())


def decode_documents(records: list[bytes], dimension: int) -> Rows:
    """The rows of documents read from their records, in the order given."""
    documents, passages, words, vectors, spans, sentence_vectors, digests = [], [], [], [], [], [], {}
    for record in records:
        (length,) = HEADER.unpack_from(record)
        header = json.loads(record[HEADER.size:HEADER.size + length].decode("utf-8", "surrogatepass"))
        document = Document.from_dict(header["document"])
        documents.append(document)
        digests[document.id] = header["digest"]
        count, sentences = len(header["passages"]), np.array(header["sentences"], dtype=np.int32).reshape(-1, 3)
        sentences[:, 0] += len(passages)
        passages += [Passage(**passage) for passage in header["passages"]]
        words += header["words"]
        data = HEADER.size + length
        vectors.append(np.frombuffer(record, dtype=np.float32, count=count * dimension, offset=data))
        sentence_vectors.append(np.frombuffer(record, dtype=np.float16, count=len(sentences) * dimension,
                                              offset=data + count * dimension * 4))
        spans.append(sentences)
    return Rows(documents, digests, passages,
                np.concatenate(vectors).reshape(-1, dimension) if vectors else np.zeros((0, dimension), np.float32),
                words, np.concatenate(spans) if spans else np.zeros((0, 3), np.int32),
                np.concatenate(sentence_vectors).reshape(-1, dimension) if sentence_vectors
                else np.zeros((0, dimension), np.float16))


def publish(store: RecordStore, meta: dict, rows: Rows, lexical: str, previous: Publication | None,
            batch: int) -> Publication:
    """Publish one generation: the records of documents not yet published, the generation's record, then ``head``;
    then remove what neither this generation nor the one before it needs.

    Args:
        store: the record store.
        meta: the index's meta (its ``generation`` is the one published).
        rows: the generation's rows.
        lexical: the collection's lexical mode (``Settings.milvus_lexical``), which a replica searches with.
        previous: what this process published for the generation before, or ``None`` (then what the store holds
            is read).
        batch: rows per Milvus write.
    """
    generation = int(meta.get("generation", 0))
    keys = [document_key(meta, d.id, rows.digests[d.id]) for d in rows.documents]
    wanted = set(keys)
    turnover = Turnover.of(wanted, (previous.documents, previous.lingering) if previous else None,
                           lambda: {name.split(":", 1)[1] for name in store.names("document")})
    counts = Counter(passage.doc_id for passage in rows.passages)
    passage_first = np.cumsum([0] + [counts[d.id] for d in rows.documents])
    sentence_first = np.searchsorted(rows.spans[:, 0], passage_first)
    new = [(key, index) for index, key in enumerate(keys) if key not in turnover.existing]
    for start in range(0, len(new), batch):
        store.put("document", {record_name(key): encode_document(
            rows, rows.documents[index], range(passage_first[index], passage_first[index + 1]),
            range(sentence_first[index], sentence_first[index + 1])) for key, index in new[start:start + batch]}, batch)
    listing = {"meta": meta, "lexical": lexical, "documents": [[d.id, rows.digests[d.id]] for d in rows.documents]}
    store.put("generation", {generation_name(generation): json.dumps(listing, ensure_ascii=False).encode()}, batch)
    store.flush()
    head = published_generation(store)
    if head is None or head <= generation:
        store.put("head", {HEAD: json.dumps({"generation": generation}).encode()}, batch)
        store.flush()
    kept = {generation_name(generation)} | ({generation_name(previous.generation)} if previous else set())
    store.delete(sorted(store.names("generation") - kept))
    store.delete([record_name(key) for key in turnover.stale])
    return Publication(generation, frozenset(wanted), turnover.lingering)


def published_generation(store: RecordStore) -> int | None:
    """The latest generation published, or ``None`` when nothing is."""
    head = store.get([HEAD]).get(HEAD)
    return None if head is None else int(json.loads(head)["generation"])


def read_generation(store: RecordStore, generation: int) -> dict | None:
    """A generation's record: ``meta``, ``lexical`` and ``documents`` (id and digest, in order)."""
    record = store.get([generation_name(generation)]).get(generation_name(generation))
    return None if record is None else json.loads(record)


def read_documents(store: RecordStore, meta: dict, documents: list[tuple[str, str]]) -> Rows:
    """The rows of some documents (id and digest each) as published, in the order given.

    Raises:
        KeyError: a document's record is missing (removed by a publication since).
    """
    names = [record_name(document_key(meta, doc_id, digest)) for doc_id, digest in documents]
    records = store.get(names)
    return decode_documents([records[name] for name in names], int(meta["dimension"]))
