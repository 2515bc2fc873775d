"""An index served from what another process published to Milvus (:mod:`qa.index.milvus_publish`).

A replica has no index database: it reads the latest published generation (documents, passages, sentences and
their vectors) from the record store and searches the collection as published; it follows newer generations as
they are published, reading only the documents that changed, and takes no writes.
"""

from __future__ import annotations

from pathlib import Path

from qa.config import Settings
from qa.errors import BackendUnavailable, IndexMissing
from qa.index.milvus_backend import MilvusBackend, milvus_uri, opened, server_name
from qa.index.milvus_publish import published_generation, read_documents, read_generation, records_collection
from qa.index.milvus_records import RecordStore
from qa.index.snapshot import Index, Rows, assemble, changed_documents, merge_rows
from qa.index.store import TOKEN_SEPARATOR, check_compatible

ATTEMPTS = 3
"""Reads of a generation before giving up, when publications overtake the reader."""


def open_store(settings: Settings, folder: Path) -> RecordStore:
    """The record store published beside the configured collection.

    Raises:
        IndexMissing: nothing published there.
    """
    uri, client, name = opened(settings, folder)
    store = RecordStore.existing(client, records_collection(name))
    if store is None or published_generation(store) is None:
        raise IndexMissing(f"no index at {Path(folder).name}, and none published in collection {name} of Milvus at "
                           f"{server_name(uri)}: build one with `qa build --backend milvus --corpus seeds/`")
    return store


def load_replica(folder: Path, settings: Settings, model_name: str | None, old: Index | None = None) -> Index:
    """The latest generation published for this index (from ``old`` and the documents that changed, when given).

    Raises:
        IndexMissing: nothing published, or publications kept overtaking the read.
        IndexMismatch: published with another model or format.
        BackendUnavailable: Milvus failed a read.
    """
    from pymilvus.exceptions import MilvusException

    try:
        return read_replica(folder, settings, model_name, old)
    except MilvusException as error:
        raise BackendUnavailable(f"Milvus at {server_name(milvus_uri(settings, folder))} failed a read of index "
                                 f"{Path(folder).name}: {error.message}") from None


def read_replica(folder: Path, settings: Settings, model_name: str | None, old: Index | None) -> Index:
    """:func:`load_replica` without the error translation."""
    store = open_store(settings, folder)
    for _ in range(ATTEMPTS):
        generation = published_generation(store)
        listing = read_generation(store, generation) if generation is not None else None
        if listing is None:
            continue
        meta = listing["meta"]
        check_compatible(meta, folder, model_name)
        documents = [(doc_id, digest) for doc_id, digest in listing["documents"]]
        changed = changed_documents(old, documents) if old is not None else None
        try:
            if changed is None:
                rows = read_documents(store, meta, documents)
            else:
                wanted = set(changed)
                rows = merge_rows(old, read_documents(store, meta, [d for d in documents if d[0] in wanted]),
                                  [doc_id for doc_id, _ in documents])
        except KeyError:
            continue
        return replica_index(folder, meta, rows, settings.model_copy(update={"milvus_lexical": listing["lexical"]}))
    raise IndexMissing(f"index {Path(folder).name}: newer generations were published faster than this replica could "
                       "read one; try again")


def replica_index(folder: Path, meta: dict, rows: Rows, settings: Settings) -> Index:
    """An index over published rows, searching the collection as it is."""
    backend = MilvusBackend.attached(settings, folder, meta, rows, [t.split(TOKEN_SEPARATOR) for t in rows.tokens])
    return assemble(folder, meta, rows, backend, replica=True)


def refresh_replica(old: Index, settings: Settings) -> Index:
    """The latest published generation, or ``old`` itself when it is still the latest."""
    backend = old.backend
    assert isinstance(backend, MilvusBackend)
    if published_generation(RecordStore(backend.client, records_collection(backend.collection))) == old.generation:
        return old
    return load_replica(old.folder, settings, old.manifest.get("model"), old)
