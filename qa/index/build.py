"""Building an index: ingest, embed passages and sentences, store summaries, write the folder atomically.

The one implementation behind ``qa build``, ``scripts/build_index.py`` and the tests.
"""

from __future__ import annotations

import shutil
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from tqdm import tqdm

from qa.config import Settings
from qa.embed import Embedder, get_embedder
from qa.folders import remove_leftovers, replace_folder, staging_folder, writer_lock
from qa.index.backend import FaissBm25Backend
from qa.index.sentences import SentenceTable, passage_sentences
from qa.index.store import FORMAT_VERSION, write_index
from qa.ingest import fingerprint, passages_of, read_corpus
from qa.schema import Document, Passage
from qa.summarize import Summarizer


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


def embed_sentences(embedder: Embedder, passages: list[Passage], progress: bool) -> SentenceTable:
    """Embed each sentence of each passage on its own (no title: sentences are compared with each other and
    with questions inside an already retrieved passage)."""
    spans = passage_sentences(passages)
    texts = [passages[row].text[start:end] for row, start, end in spans]
    vectors = embedder.encode_documents(texts, progress=progress)
    return SentenceTable.from_arrays(spans, vectors.astype("float16"), len(passages))


def store_summaries(documents: list[Document], passages: list[Passage], sentences: SentenceTable,
                    summarizer: Summarizer, max_sentences: int) -> None:
    """Give each document its summary and keywords, computed from the sentence vectors just embedded."""
    rows_by_document: dict[str, list[int]] = {}
    for row, passage in enumerate(passages):
        rows_by_document.setdefault(passage.doc_id, []).append(row)
    titles = summarizer.embed_titles([d.title for d in documents])
    for document, title_vector in zip(documents, titles):
        rows = rows_by_document.get(document.id, [])
        found = summarizer.summarize_document(document, [passages[r] for r in rows],
                                              [sentences.of_passage(r) for r in rows], sentences.vectors,
                                              title_vector, max_sentences, None)
        document.summary = found.sentences
        document.keywords = found.keywords


def build_index(documents: list[Document], embedder: Embedder, folder: Path, settings: Settings,
                progress: bool = True) -> BuildStats:
    """Embed and index documents into ``folder``, atomically.

    Args:
        documents: ingested documents.
        embedder: the embedding model.
        folder: destination; an existing index there is replaced only after the new one is complete.
        settings: chunk size, vector index choice and summary length.
        progress: show progress bars.

    Returns:
        Counts and timing.
    """
    if not documents:
        raise ValueError("no documents to index: the corpus holds no supported, non-empty files")
    started = time.perf_counter()
    folder = Path(folder)
    with writer_lock(folder):
        remove_leftovers(folder)
        return write_new_index(documents, embedder, folder, settings, progress, started)


def write_new_index(documents: list[Document], embedder: Embedder, folder: Path, settings: Settings, progress: bool,
                    started: float) -> BuildStats:
    """Embed and write the index in a staging folder beside ``folder``, then publish it there."""
    passages = [p for d in documents for p in passages_of(d, settings.chunk_chars)]
    staging = staging_folder(folder)
    try:
        vectors = embedder.encode_documents([p.text for p in passages], [p.title for p in passages], progress)
        sentences = embed_sentences(embedder, passages, progress)
        store_summaries(documents, passages, sentences, Summarizer.from_settings(embedder, settings),
                        settings.summary_sentences)
        with tqdm(total=1, desc="indexing", disable=not progress) as bar:
            backend = FaissBm25Backend.build(vectors, [p.text for p in passages], settings.exact_below,
                                             settings.target_recall)
            bar.update()
        manifest = {
            "format_version": FORMAT_VERSION,
            "model": embedder.name,
            "encoder": embedder.encoder,
            "dimension": embedder.dimension,
            "backend": backend.info["name"],
            "dense_index": backend.info["dense_index"],
            "documents": len(documents),
            "passages": len(passages),
            "sentences": len(sentences),
            "fingerprint": fingerprint(documents),
            "chunk_chars": settings.chunk_chars,
            "built_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "build_seconds": round(time.perf_counter() - started, 3),
        }
        write_index(staging, manifest, documents, passages, backend, sentences)
        replace_folder(staging, folder)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return BuildStats(len(documents), len(passages), time.perf_counter() - started, str(folder))


def build_from_corpus(corpus: list[Path], index_dir: Path, settings: Settings, embedder: Embedder | None = None,
                      progress: bool = True) -> BuildStats:
    """Read corpus files and build an index from them.

    Args:
        corpus: files or folders.
        index_dir: destination folder (replaced atomically).
        settings: configuration.
        embedder: an already loaded embedder (default: the configured one).
        progress: show progress bars.

    Returns:
        Counts and timing.
    """
    documents = read_corpus(corpus)
    return build_index(documents, embedder or get_embedder(settings), index_dir, settings, progress)
