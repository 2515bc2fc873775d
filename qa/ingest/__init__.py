"""Ingestion: files -> documents -> passages, with offsets into each document's text."""

from qa.ingest.corpus import SUPPORTED_SUFFIXES, fingerprint, parse_file, read_corpus
from qa.ingest.passages import passages_of

__all__ = ["SUPPORTED_SUFFIXES", "fingerprint", "parse_file", "passages_of", "read_corpus"]
