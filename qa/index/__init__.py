"""The index: its folder format and manifest, the search backends, and the build pipeline."""

from qa.index.build import BuildStats, build_from_corpus, build_index
from qa.index.store import Index, load_index, read_manifest

__all__ = ["BuildStats", "Index", "build_from_corpus", "build_index", "load_index", "read_manifest"]
