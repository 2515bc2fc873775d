"""Ingestion: files -> documents -> passages, with offsets into each document's text."""

from qa.ingest.corpus import SUPPORTED_SUFFIXES, parse_file, parse_upload, read_corpus
from qa.ingest.formats.jsonl import document_from_record
from qa.ingest.passages import passages_of

__all__ = ["SUPPORTED_SUFFIXES", "document_from_record", "parse_file", "parse_upload", "passages_of", "read_corpus"]
