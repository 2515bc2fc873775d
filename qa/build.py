"""Index building from corpus files: the one implementation behind ``qa build`` and ``scripts/build_index.py``."""

from __future__ import annotations

from pathlib import Path

from qa.config import Settings, get_settings
from qa.embed import Embedder, get_embedder
from qa.ingest import read_corpus
from qa.store import BuildStats, build_index
from qa.summarize import summary_enricher


def build_from_corpus(corpus: list[Path], index_dir: Path, settings: Settings | None = None,
                      embedder: Embedder | None = None, chunk_chars: int | None = None,
                      progress: bool = True) -> BuildStats:
    """Read corpus files and build an index from them.

    Args:
        corpus: files or folders.
        index_dir: destination folder (replaced atomically).
        settings: configuration (default: from the environment).
        embedder: an already loaded embedder (default: the shared one).
        chunk_chars: passage size limit (default: ``settings.chunk_chars``).
        progress: show progress bars.

    Returns:
        Counts and timing.
    """
    settings = settings or get_settings()
    documents = read_corpus(corpus)
    embedder = embedder or get_embedder(settings)
    return build_index(documents, embedder, index_dir, chunk_chars or settings.chunk_chars, progress,
                       enrich=summary_enricher(embedder), exact_below=settings.exact_below,
                       target_recall=settings.target_recall)
