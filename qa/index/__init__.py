"""The index: its database, the search backends built from it, the writer and the build pipeline."""

from qa.index.build import BuildStats, build_from_corpus, build_index
from qa.index.snapshot import Index, load_index, read_manifest, refresh_index
from qa.index.writer import IndexWriter, WriteResult

__all__ = ["BuildStats", "Index", "IndexWriter", "WriteResult", "build_from_corpus", "build_index", "load_index",
           "read_manifest", "refresh_index"]
