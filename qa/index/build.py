"""Building an index from corpus files: the one implementation behind ``qa build``, ``scripts/build_index.py``
and the tests.

A build makes the index hold exactly the corpus: new and changed documents are written, documents no longer in
the corpus deleted, unchanged ones left alone, and only text the index has not seen is embedded (an unchanged
corpus embeds nothing; a killed build resumes where it stopped). An index of another format or vector space is
replaced whole, atomically.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from tqdm import tqdm

from qa.config import Settings
from qa.embed import Embedder, get_embedder
from qa.errors import IndexCorrupt, IndexMismatch, IndexMissing
from qa.folders import replace_folder, staging_folder, writer_lock
from qa.index.snapshot import load_index, read_manifest, store_generation
from qa.index.store import check_compatible
from qa.index.writer import IndexWriter, Progress, WriteResult
from qa.ingest import read_corpus
from qa.schema import Document


@dataclass
class BuildStats:
    """What a build produced and how fast."""

    documents: int
    passages: int
    passages_written: int
    vectors_embedded: int
    seconds: float
    index_dir: str

    @property
    def passages_per_second(self) -> float:
        """Build throughput over the passages written."""
        return self.passages_written / self.seconds if self.seconds else 0.0


def progress_bar(description: str, enabled: bool) -> tuple[Progress, tqdm]:
    """A progress callback that drives a tqdm bar."""
    bar = tqdm(total=0, desc=description, unit="passage", disable=not enabled)

    def update(done: int, total: int) -> None:
        bar.total = total
        bar.n = done
        bar.refresh()

    return update, bar


def is_compatible(folder: Path, embedder: Embedder) -> bool:
    """Whether an index already at ``folder`` can be written in place with this encoder."""
    try:
        check_compatible(read_manifest(folder), folder, embedder.name)
    except (IndexMissing, IndexMismatch, IndexCorrupt):
        return False
    return True


def build_index(documents: list[Document], embedder: Embedder, folder: Path, settings: Settings,
                progress: bool = True) -> BuildStats:
    """Make the index at ``folder`` hold exactly ``documents``.

    Args:
        documents: ingested documents, in corpus order.
        embedder: the embedding model.
        folder: the index folder.
        settings: chunk size, vector index choice and summary length; with the Milvus backend, the collection is
            filled too (the server needs only to load it).
        progress: show a progress bar.

    Returns:
        Counts and timing.
    """
    if not documents:
        raise ValueError("no documents to index: the corpus holds no supported, non-empty files")
    folder = Path(folder)
    update, bar = progress_bar("embedding", progress)
    with bar, writer_lock(folder, settings.write_lock_timeout):
        if folder.exists() and not is_compatible(folder, embedder):
            result = rebuild_whole(documents, embedder, folder, settings, update)
        else:
            result = IndexWriter(folder, embedder, settings).write_locked(documents, [], update, keep_only=True)
        fill_backend(folder, settings, embedder.name)
    return BuildStats(len(documents), result.passages, result.passages_written, result.vectors_embedded,
                      result.seconds, str(folder))


def fill_backend(folder: Path, settings: Settings, model_name: str) -> None:
    """Make the search backend hold the index's last generation: the embedded one's files are written beside the
    database (a server then maps them at start), without reading the records; Milvus's collection is filled and the
    generation published to replicas.

    Raises:
        BackendUnavailable: Milvus could not be opened.
    """
    if settings.backend == "faiss":
        store_generation(folder, settings, model_name)
    else:
        load_index(folder, settings, model_name)


def rebuild_whole(documents: list[Document], embedder: Embedder, folder: Path, settings: Settings,
                  update: Progress) -> WriteResult:
    """Write a new index beside ``folder`` and swap it in (for an index of another format or model); the caller
    holds ``folder``'s writer lock."""
    staging = staging_folder(folder)
    try:
        result = IndexWriter(staging, embedder, settings).write_locked(documents, [], update, keep_only=True)
        replace_folder(staging, folder)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return result


def build_from_corpus(corpus: list[Path], index_dir: Path, settings: Settings, embedder: Embedder | None = None,
                      progress: bool = True) -> BuildStats:
    """Read corpus files and build an index from them.

    Args:
        corpus: files or folders.
        index_dir: the index folder.
        settings: configuration.
        embedder: an already loaded embedder (default: the configured one).
        progress: show a progress bar.

    Returns:
        Counts and timing.
    """
    documents = read_corpus(corpus)
    return build_index(documents, embedder or get_embedder(settings), index_dir, settings, progress)
