"""Domain errors: raised by every stage, mapped to HTTP statuses in one place (:mod:`qa.api.errors`) and to one
``error:`` line by the CLI."""

from __future__ import annotations


class QAError(Exception):
    """Base of every error the service reports to its caller instead of crashing."""


class InvalidInput(QAError):
    """Input that cannot be answered as given: an empty question or text, invalid Unicode."""


class InvalidRequest(QAError):
    """A request whose options are out of range or do not go together."""


class TooLarge(QAError):
    """Input over a configured size limit."""


class DocumentNotFound(QAError):
    """No document with that id in the index."""

    def __init__(self, doc_id: str) -> None:
        super().__init__(f"no document with id {doc_id!r}")
        self.doc_id = doc_id


class IngestError(QAError):
    """A corpus file could not be read or parsed."""


class UnsupportedType(IngestError):
    """A file of a type the ingestion does not read."""


class Unauthorized(QAError):
    """A write without the right token."""


class WritesDisabled(QAError):
    """A write to a service that has no write token configured."""


class ReadOnlyReplica(QAError):
    """A write to a replica, which serves what the process holding the index database publishes to Milvus."""


class JobNotFound(QAError):
    """No write job with that id (jobs are kept in memory, for the life of the server)."""


class ModelError(QAError):
    """The model could not be obtained, or did not verify."""


class IndexStoreError(QAError):
    """Base class for index problems."""


class IndexMissing(IndexStoreError):
    """No index has been built at the given folder."""


class IndexCorrupt(IndexStoreError):
    """The index's files are damaged (truncated, overwritten, not a database)."""


class IndexMismatch(IndexStoreError):
    """The index was built with another model or format than the one in use, or is inconsistent."""


class BackendUnavailable(IndexStoreError):
    """The configured search engine (a Milvus server, or a Milvus Lite file) could not be opened."""
