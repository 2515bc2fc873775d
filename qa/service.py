"""The question-answering service: one index and model, shared by the API, the CLI and evaluation.

It validates input against the limits in :class:`~qa.config.Settings` and raises domain errors
(:mod:`qa.errors`); it knows nothing of HTTP. Reads use one loaded generation of the index throughout; writes
are queued jobs whose result is loaded and swapped in before the job reports done. A write made by another
process (``qa add``) is picked up by :meth:`QAService.watch`.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from qa.config import Settings
from qa.embed import Embedder, get_embedder
from qa.errors import DocumentNotFound, InvalidInput, InvalidRequest, ReadOnlyReplica, TooLarge
from qa.index import Index, IndexWriter, load_index, refresh_index
from qa.jobs import Job, JobQueue, WriteRequest
from qa.reader import Reader
from qa.retrieve import Retriever
from qa.schema import MODES, AskResult, Document, DocumentEntry, Health, Mode, Summary
from qa.summarize import Summarizer
from qa.summarize.units import SentenceUnit, document_units

log = logging.getLogger(__name__)

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


@dataclass(frozen=True)
class View:
    """One generation of the index and the retriever over it; a request uses one view throughout."""

    index: Index
    retriever: Retriever


class QAService:
    """Answers questions over one index, and applies writes to it.

    Args:
        settings: configuration.
        index_dir: index folder (default: ``settings.index_dir``).
        embedder: an already loaded embedder (default: the configured one).
    """

    def __init__(self, settings: Settings, index_dir: Path | None = None, embedder: Embedder | None = None) -> None:
        self.settings = settings
        self.folder = Path(index_dir or settings.index_dir)
        self.embedder = embedder or get_embedder(settings)
        self.reader = Reader.from_settings(settings, embedder=self.embedder)
        self.summarizer = Summarizer.from_settings(self.embedder, settings)
        self.writer = IndexWriter(self.folder, self.embedder, settings)
        self.jobs = JobQueue(self._apply, settings.jobs_kept)
        self._reload = threading.Lock()
        self._view = self._load()
        self._watching: threading.Event | None = None

    def _load(self) -> View:
        index = load_index(self.folder, self.settings, self.embedder.name)
        return View(index, Retriever.from_settings(index, self.embedder, self.settings))

    @property
    def index(self) -> Index:
        """The generation of the index now served."""
        return self._view.index

    @property
    def retriever(self) -> Retriever:
        """The retriever over the generation now served."""
        return self._view.retriever

    def refresh(self) -> bool:
        """Load and swap in the last committed generation if it is newer than the one served.

        Returns:
            Whether a newer generation was swapped in.
        """
        with self._reload:
            index = refresh_index(self.index, self.settings)
            if index is self.index:
                return False
            self._view = View(index, Retriever.from_settings(index, self.embedder, self.settings))
            log.info("serving generation %d of index %s", self.index.generation, self.folder.name)
            return True

    def watch(self) -> None:
        """Poll for writes by other processes every ``settings.reload_interval`` seconds, in a daemon thread,
        until :meth:`stop_watching`."""
        if self._watching is not None:
            return
        self._watching = stop = threading.Event()

        def poll() -> None:
            while not stop.wait(self.settings.reload_interval):
                try:
                    self.refresh()
                except Exception:  # keep serving the generation loaded; the next poll tries again
                    log.exception("could not load a newer generation of index %s", self.folder.name)

        threading.Thread(target=poll, name="qa-watch", daemon=True).start()

    def stop_watching(self) -> None:
        """End :meth:`watch`."""
        if self._watching is not None:
            self._watching.set()
            self._watching = None

    def warm_up(self) -> None:
        """Send one question and one text through the whole path, so that lazy initialisation (jieba's
        dictionaries, tagger and keyword IDF table, the model's first forward pass) happens at start-up, not on a
        user's request."""
        self.ask(WARM_UP_QUESTION)
        self.summarize(text=WARM_UP_TEXT)

    # ---------------------------------------------------------------- reading

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
            The answer (or ``None`` when declined), the ranked hits with their documents, highlights and timings:
            the top ``top_k``, then any lower one the answer stands in (the reader reads ``reader.depth`` hits).

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
        view = self._view
        retrieval = view.retriever.search(question, max(top_k, self.reader.depth), mode)
        clock = time.perf_counter()
        reading = self.reader.read(question, retrieval.hits, view.index, retrieval.query_vector)
        retrieval.timings["answer_ms"] = (time.perf_counter() - clock) * 1000
        cited = reading.answer.passage_ids if reading.answer else set()
        hits = retrieval.hits[:top_k] + [hit for hit in retrieval.hits[top_k:] if hit.passage.id in cited]
        documents = {hit.passage.doc_id: view.index.documents[hit.passage.doc_id] for hit in hits}
        return AskResult(question=question, question_type=reading.question_type, answer=reading.answer,
                         hits=hits, highlights=reading.highlights,
                         timings={name: round(value, 2) for name, value in retrieval.timings.items()},
                         documents=documents, took_ms=round((time.perf_counter() - started) * 1000, 2),
                         candidates=reading.candidates)

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
        index = self.index
        document = index.documents.get(doc_id)
        if document is None:
            raise DocumentNotFound(doc_id)
        rows = index.document_rows(doc_id)
        title_vector = self.summarizer.embed_titles([document.title])[0]
        return self.summarizer.summarize_document(
            document, [index.passages[row] for row in rows], [index.sentences.of_passage(row) for row in rows],
            index.sentences.vectors, title_vector, max_sentences, max_chars)

    def summarize_question(self, question: str, max_sentences: int, max_chars: int | None) -> Summary:
        """What the passages retrieved for a question say about it."""
        question = self.validate_question(question)
        view = self._view
        retrieval = view.retriever.search(question, self.settings.summary_passages)
        units: list[SentenceUnit] = []
        rows: list[int] = []
        for hit in retrieval.hits:
            row = view.index.passage_row(hit.passage.id)
            document = view.index.documents[hit.passage.doc_id]
            found, found_rows = document_units(document, [hit.passage], [view.index.sentences.of_passage(row)])
            for unit in found:
                unit.order = unit.start
            units += found
            rows += found_rows
        return self.summarizer.summarize_units(units, view.index.sentences.rows_of(rows), max_sentences, max_chars,
                                               question_vector=retrieval.query_vector, question=question,
                                               keyword_source="".join(unit.text for unit in units))

    def documents(self) -> list[DocumentEntry]:
        """All documents, in index order, with their passage counts."""
        index = self.index
        return [DocumentEntry(d, len(index.document_rows(d.id))) for d in index.documents.values()]

    def document(self, doc_id: str) -> DocumentEntry:
        """One document with its passage count.

        Raises:
            DocumentNotFound: unknown id.
        """
        index = self.index
        document = index.documents.get(doc_id)
        if document is None:
            raise DocumentNotFound(doc_id)
        return DocumentEntry(document, len(index.document_rows(doc_id)))

    def health(self) -> Health:
        """Model, index (its folder's name, not its path), manifest and counts."""
        index = self.index
        return Health(model=self.embedder.name, encoder=self.embedder.encoder, device=self.embedder.device,
                      dimension=self.embedder.dimension, index=index.folder.name,
                      manifest=index.manifest, documents=len(index.documents), passages=len(index.passages))

    # ---------------------------------------------------------------- writing

    def require_writable(self) -> None:
        """Refuse a write on a replica.

        Raises:
            ReadOnlyReplica: the index is read from what another process publishes to Milvus.
        """
        if self.index.replica:
            raise ReadOnlyReplica(f"this server is a replica of Milvus collection "
                                  f"{self.index.manifest['milvus']['collection']}: write through the service that "
                                  "holds the index database, and this one follows within QA_RELOAD_INTERVAL")

    def validate_documents(self, documents: list[Document]) -> None:
        """Refuse the whole batch if any document is empty, oversized, or two share an id.

        Raises:
            InvalidInput: no documents, an empty text, a repeated id.
            TooLarge: a text over ``max_document_chars``.
        """
        if not documents:
            raise InvalidInput("no documents given")
        seen: set[str] = set()
        for document in documents:
            if not document.text.strip():
                raise InvalidInput(f"document {document.id!r} has no text")
            if len(document.text) > self.settings.max_document_chars:
                raise TooLarge(f"document {document.id!r} has {len(document.text)} characters; at most "
                               f"{self.settings.max_document_chars} are allowed")
            if document.id in seen:
                raise InvalidInput(f"document id {document.id!r} is given twice")
            seen.add(document.id)

    def add_documents(self, documents: list[Document]) -> Job:
        """Queue documents to add (a document whose id exists replaces it; an identical one changes nothing)."""
        self.require_writable()
        self.validate_documents(documents)
        return self.jobs.submit(WriteRequest(upserts=documents))

    def replace_document(self, doc_id: str, document: Document) -> Job:
        """Queue the replacement of an existing document.

        Raises:
            DocumentNotFound: no document ``doc_id``.
            InvalidRequest: the new document has another id.
        """
        self.require_writable()
        if document.id != doc_id:
            raise InvalidRequest(f"the body's id {document.id!r} differs from the path's {doc_id!r}")
        self.document(doc_id)
        self.validate_documents([document])
        return self.jobs.submit(WriteRequest(upserts=[document]))

    def delete_document(self, doc_id: str) -> Job:
        """Queue the deletion of a document.

        Raises:
            DocumentNotFound: no document ``doc_id``.
        """
        self.require_writable()
        self.document(doc_id)
        return self.jobs.submit(WriteRequest(deletions=[doc_id]))

    def job(self, job_id: str) -> Job:
        """A write job by id."""
        return self.jobs.get(job_id)

    def _apply(self, job: Job, request: WriteRequest) -> None:
        """Write, then load and swap in the new generation before the job reports done."""
        self.writer.write(request.upserts, request.deletions, job.progress)
        self.refresh()
