"""The question-answering service: one loaded index and model, shared by the API, the CLI and evaluation.

It validates input against the limits in :class:`~qa.config.Settings` and raises domain errors
(:mod:`qa.errors`); it knows nothing of HTTP.
"""

from __future__ import annotations

import time
from pathlib import Path

from qa.config import Settings
from qa.embed import Embedder, get_embedder
from qa.errors import DocumentNotFound, InvalidInput, InvalidRequest, TooLarge
from qa.index import Index, load_index
from qa.reader import Reader
from qa.retrieve import Retriever
from qa.schema import MODES, AskResult, Document, Health, Mode, Summary
from qa.summarize import Summarizer
from qa.summarize.units import SentenceUnit, document_units

WARM_UP_QUESTION = "预热"
WARM_UP_TEXT = "这是预热用的第一句话。这是预热用的第二句话。"


def require_unicode(text: str, what: str) -> str:
    """``text`` unchanged when it is valid Unicode (encodable as UTF-8).

    Args:
        text: the input.
        what: what it is, for the message (``the question``, ``the text``).

    Raises:
        InvalidInput: it holds a lone surrogate (such as JSON's ``"\\ud800"``).
    """
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        raise InvalidInput(f"{what} is not valid Unicode: a lone surrogate at character {error.start}") from None
    return text


class QAService:
    """Answers questions over one index.

    Args:
        settings: configuration.
        index_dir: index folder (default: ``settings.index_dir``).
        embedder: an already loaded embedder (default: the configured one).
    """

    def __init__(self, settings: Settings, index_dir: Path | None = None, embedder: Embedder | None = None) -> None:
        self.settings = settings
        self.embedder = embedder or get_embedder(settings)
        self.index: Index = load_index(Path(index_dir or settings.index_dir), self.embedder.name)
        self.retriever = Retriever.from_settings(self.index, self.embedder, settings)
        self.reader = Reader.from_settings(settings)
        self.summarizer = Summarizer.from_settings(self.embedder, settings)

    def warm_up(self) -> None:
        """Send one question and one text through the whole path, so that lazy initialisation (jieba's
        dictionaries, tagger and keyword IDF table, the model's first forward pass) happens at start-up, not on a
        user's request."""
        self.ask(WARM_UP_QUESTION)
        self.summarize(text=WARM_UP_TEXT)

    def validate_question(self, question: str) -> str:
        """The stripped question.

        Raises:
            InvalidInput: empty, or not valid Unicode.
            TooLarge: over ``max_question_chars`` or ``max_question_tokens``.
        """
        stripped = require_unicode(question, "the question").strip()
        if not stripped:
            raise InvalidInput("the question is empty")
        limit = self.settings.max_question_chars
        if len(stripped) > limit:
            raise TooLarge(f"the question has {len(stripped)} characters; at most {limit} are allowed")
        limit = self.settings.max_question_tokens
        # A token holds at least one UTF-8 byte, so most questions need no tokenizer (nor its wait on the encoder).
        if len(stripped.encode("utf-8")) > limit and (tokens := self.embedder.count_tokens(stripped)) > limit:
            raise TooLarge(f"the question has {tokens} model tokens; at most {limit} are allowed")
        return stripped

    def ask(self, question: str, top_k: int | None = None, mode: Mode = "hybrid") -> AskResult:
        """Answer a question: the passages that bear on it, with sources, and the answer read from them.

        Args:
            question: the question.
            top_k: number of passages (default ``settings.top_k``, at most ``settings.max_top_k``).
            mode: ``hybrid``, ``dense`` or ``lexical``.

        Returns:
            The answer (or ``None`` when declined), the ranked hits, highlights and stage timings.

        Raises:
            InvalidInput, TooLarge: empty or oversized question.
            InvalidRequest: ``top_k`` or ``mode`` out of range.
        """
        started = time.perf_counter()
        question = self.validate_question(question)
        top_k = self.settings.top_k if top_k is None else top_k
        if not 1 <= top_k <= self.settings.max_top_k:
            raise InvalidRequest(f"top_k must be between 1 and {self.settings.max_top_k}, got {top_k}")
        if mode not in MODES:
            raise InvalidRequest(f"mode must be one of {', '.join(MODES)}, got {mode!r}")
        retrieval = self.retriever.search(question, top_k, mode)
        clock = time.perf_counter()
        reading = self.reader.read(question, retrieval.hits, self.index, retrieval.query_vector)
        retrieval.timings["answer_ms"] = (time.perf_counter() - clock) * 1000
        return AskResult(question=question, question_type=reading.question_type, answer=reading.answer,
                         hits=retrieval.hits, highlights=reading.highlights,
                         timings={name: round(value, 2) for name, value in retrieval.timings.items()},
                         took_ms=round((time.perf_counter() - started) * 1000, 2))

    def summarize(self, doc_id: str | None = None, text: str | None = None, question: str | None = None,
                  max_sentences: int | None = None, max_chars: int | None = None) -> Summary:
        """Extractive summary of one document, of any text, or of what the corpus says about a question.

        Exactly one of ``doc_id``, ``text`` and ``question`` is given. Sentence offsets index the document
        text, or the given text.

        Raises:
            InvalidRequest: not exactly one source, limits out of range.
            InvalidInput, TooLarge: empty or oversized text or question.
            DocumentNotFound: unknown ``doc_id``.
        """
        given = [name for name, value in (("doc_id", doc_id), ("text", text), ("question", question))
                 if value is not None]
        if len(given) != 1:
            raise InvalidRequest(f"give exactly one of doc_id, text, question (got {', '.join(given) or 'none'})")
        max_sentences = self.settings.summary_sentences if max_sentences is None else max_sentences
        if not 1 <= max_sentences <= self.settings.max_summary_sentences:
            raise InvalidRequest(f"max_sentences must be between 1 and {self.settings.max_summary_sentences}, "
                                 f"got {max_sentences}")
        if max_chars is not None and max_chars < 1:
            raise InvalidRequest(f"max_chars must be positive, got {max_chars}")
        if text is not None:
            return self.summarize_text(text, max_sentences, max_chars)
        if doc_id is not None:
            return self.summarize_document(doc_id, max_sentences, max_chars)
        return self.summarize_question(question or "", max_sentences, max_chars)

    def summarize_text(self, text: str, max_sentences: int, max_chars: int | None) -> Summary:
        """Summary of a given text."""
        if not require_unicode(text, "the text").strip():
            raise InvalidInput("the text is empty")
        limit = self.settings.max_summary_chars
        if len(text) > limit:
            raise TooLarge(f"the text has {len(text)} characters; at most {limit} are allowed")
        return self.summarizer.summarize_text(text, max_sentences, max_chars)

    def summarize_document(self, doc_id: str, max_sentences: int, max_chars: int | None) -> Summary:
        """Summary of an indexed document, from its stored sentence vectors."""
        document = self.document(doc_id)
        rows = self.index.document_rows(doc_id)
        title_vector = self.summarizer.embed_titles([document.title])[0]
        return self.summarizer.summarize_document(
            document, [self.index.passages[row] for row in rows], [self.index.sentences.of_passage(row) for row in rows],
            self.index.sentences.vectors, title_vector, max_sentences, max_chars)

    def summarize_question(self, question: str, max_sentences: int, max_chars: int | None) -> Summary:
        """What the passages retrieved for a question say about it."""
        question = self.validate_question(question)
        retrieval = self.retriever.search(question, self.settings.summary_passages)
        units: list[SentenceUnit] = []
        rows: list[int] = []
        for hit in retrieval.hits:
            row = self.index.passage_row(hit.passage.id)
            document = self.index.documents[hit.passage.doc_id]
            found, found_rows = document_units(document, [hit.passage], [self.index.sentences.of_passage(row)])
            for unit in found:
                unit.order = unit.start
            units += found
            rows += found_rows
        return self.summarizer.summarize_units(units, self.index.sentences.vectors[rows], max_sentences, max_chars,
                                               question_vector=retrieval.query_vector, question=question,
                                               keyword_source="".join(unit.text for unit in units))

    def documents(self) -> list[Document]:
        """All documents, in index order."""
        return list(self.index.documents.values())

    def document(self, doc_id: str) -> Document:
        """One document.

        Raises:
            DocumentNotFound: unknown id.
        """
        document = self.index.documents.get(doc_id)
        if document is None:
            raise DocumentNotFound(doc_id)
        return document

    def passage_count(self, doc_id: str) -> int:
        """How many passages a document has in the index."""
        return len(self.index.document_rows(doc_id))

    def health(self) -> Health:
        """Model, index (its folder's name, not its path), manifest and counts."""
        return Health(model=self.embedder.name, dimension=self.embedder.dimension, index=self.index.folder.name,
                      manifest=self.index.manifest, documents=len(self.index.documents),
                      passages=len(self.index.passages))
