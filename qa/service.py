"""The question-answering service: one loaded index and model, shared by the API, CLI and evaluation."""

from __future__ import annotations

import time
from pathlib import Path

from qa.answer import extract_answer
from qa.config import Settings, get_settings
from qa.embed import Embedder, get_embedder
from qa.retrieve import MODES, Hit, Retriever
from qa.store import Index, load_index
from qa.summarize import document_units, embed_titles, summarize_document, summarize_text, summarize_units


class QuestionError(ValueError):
    """A question the service refuses, with the HTTP status that fits."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.status = status


class DocumentNotFound(KeyError):
    """No document with that id in the index."""


def validate_question(question: str, max_chars: int) -> str:
    """Return the stripped question, or raise :class:`QuestionError` (400 empty, 413 too long)."""
    stripped = question.strip()
    if not stripped:
        raise QuestionError("the question is empty", 400)
    if len(stripped) > max_chars:
        raise QuestionError(f"the question has {len(stripped)} characters; at most {max_chars} are allowed", 413)
    return stripped


def hit_to_dict(hit: Hit, index: Index) -> dict:
    """The JSON shape of one retrieved passage, with its exact source."""
    passage = hit.passage
    document = index.documents[passage.doc_id]
    return {
        "id": passage.id,
        "text": passage.text,
        "kind": passage.kind,
        "score": round(hit.score, 6),
        "scores": {"dense": hit.dense_score, "lexical": hit.lexical_score},
        "ranks": {"dense": hit.dense_rank, "lexical": hit.lexical_rank},
        "source": {"doc_id": passage.doc_id, "title": document.title, "path": document.path,
                   "paragraph": passage.paragraph, "start": passage.start, "end": passage.end},
    }


def document_summary(document, passage_count: int) -> dict:
    """The listing shape of a document (no full text)."""
    return {"id": document.id, "title": document.title, "subtitle": document.subtitle, "byline": document.byline,
            "outlet": document.outlet, "reporters": document.reporters, "correspondents": document.correspondents,
            "path": document.path, "passages": passage_count}


class QAService:
    """Answers questions over one index.

    Args:
        settings: configuration (default: from the environment).
        index_dir: index folder (default: ``settings.index_dir``).
        embedder: an already loaded embedder (default: the shared one).

    Loading ends with one question through the whole path, so that lazy initialisation (jieba's
    dictionaries and tagger, the model's first forward pass) happens at start-up, not on a user's request.
    """

    def __init__(self, settings: Settings | None = None, index_dir: Path | None = None,
                 embedder: Embedder | None = None) -> None:
        self.settings = settings or get_settings()
        self.embedder = embedder or get_embedder(self.settings)
        self.index = load_index(Path(index_dir or self.settings.index_dir), self.embedder.name)
        self.retriever = Retriever(self.index, self.embedder, self.settings.fusion, self.settings.rrf_k,
                                   self.settings.candidates)
        self._passage_counts: dict[str, int] = {}
        for passage in self.index.passages:
            self._passage_counts[passage.doc_id] = self._passage_counts.get(passage.doc_id, 0) + 1
        self.ask("预热")

    def ask(self, question: str, top_k: int = 5, mode: str = "hybrid") -> dict:
        """Answer a question: the passages that bear on it, with sources, and the answer read from them.

        Args:
            question: the question.
            top_k: number of passages (1..50).
            mode: ``hybrid``, ``dense`` or ``lexical``.

        Returns:
            ``question``, ``answer`` (or ``None`` when declined), ``answerable``, ``passages``
            (each with scores, source and highlighted sentences), stage ``timings`` and ``took_ms``.

        Raises:
            QuestionError: empty or oversized question, bad ``top_k`` or ``mode``.
        """
        started = time.perf_counter()
        question = validate_question(question, self.settings.max_question_chars)
        if not 1 <= top_k <= 50:
            raise QuestionError(f"top_k must be between 1 and 50, got {top_k}", 422)
        if mode not in MODES:
            raise QuestionError(f"mode must be one of {', '.join(MODES)}, got {mode!r}", 422)
        retrieval = self.retriever.search(question, top_k, mode)
        clock = time.perf_counter()
        found = extract_answer(question, retrieval.hits, self.index, retrieval.query_vector,
                               self.settings.answer_threshold, self.settings.answer_min_coverage,
                               self.settings.answer_min_dense, self.settings.answer_min_dense_english)
        retrieval.timings["answer_ms"] = (time.perf_counter() - clock) * 1000
        passages = [hit_to_dict(hit, self.index) | {"highlights": found.highlights.get(hit.passage.id, [])}
                    for hit in retrieval.hits]
        return {
            "question": question,
            "answer": found.answer,
            "answerable": found.answerable,
            "question_type": found.question_type,
            "passages": passages,
            "timings": {name: round(value, 2) for name, value in retrieval.timings.items()},
            "took_ms": round((time.perf_counter() - started) * 1000, 2),
        }

    def summarize(self, doc_id: str | None = None, text: str | None = None, question: str | None = None,
                  max_sentences: int = 3, max_chars: int | None = None) -> dict:
        """Extractive summary of one document, of any text, or of what the corpus says about a question.

        Exactly one of ``doc_id``, ``text`` and ``question`` is given.

        Returns:
            ``summary``, ``sentences`` (``text``, ``doc_id``, ``passage_id``, ``start``, ``end``, ``score``: offsets
            index the document text, or the given text), ``keywords`` and ``took_ms``.

        Raises:
            QuestionError: not exactly one source, empty or oversized text, limits out of range.
            DocumentNotFound: unknown ``doc_id``.
        """
        started = time.perf_counter()
        given = [name for name, value in (("doc_id", doc_id), ("text", text), ("question", question))
                 if value is not None]
        if len(given) != 1:
            raise QuestionError(f"give exactly one of doc_id, text, question (got {', '.join(given) or 'none'})", 422)
        if not 1 <= max_sentences <= 20:
            raise QuestionError(f"max_sentences must be between 1 and 20, got {max_sentences}", 422)
        if max_chars is not None and max_chars < 1:
            raise QuestionError(f"max_chars must be positive, got {max_chars}", 422)
        if text is not None:
            if not text.strip():
                raise QuestionError("the text is empty", 400)
            if len(text) > self.settings.max_summary_chars:
                raise QuestionError(f"the text has {len(text)} characters; at most "
                                    f"{self.settings.max_summary_chars} are allowed", 413)
            result = summarize_text(text, self.embedder, max_sentences, max_chars)
        elif doc_id is not None:
            document = self.index.documents.get(doc_id)
            if document is None:
                raise DocumentNotFound(doc_id)
            passages = [(self.index.passage_row(p.id), p) for p in self.index.document_passages(doc_id)]
            title_vector = embed_titles(self.embedder, [document.title])[0]
            result = summarize_document(document, passages, self.index.sentences, title_vector, max_sentences,
                                        max_chars)
        else:
            question = validate_question(question or "", self.settings.max_question_chars)
            result = self._summarize_question(question, max_sentences, max_chars)
        return result | {"took_ms": round((time.perf_counter() - started) * 1000, 2)}

    def _summarize_question(self, question: str, max_sentences: int, max_chars: int | None) -> dict:
        retrieval = self.retriever.search(question, self.settings.summary_passages)
        units, rows = [], []
        for hit in retrieval.hits:
            row = self.index.passage_row(hit.passage.id)
            document = self.index.documents[hit.passage.doc_id]
            found, found_rows = document_units(document, [hit.passage], [self.index.sentences.of_passage(row)])
            for unit in found:
                unit.order = unit.start
            units += found
            rows += found_rows
        return summarize_units(units, self.index.sentences.vectors[rows], max_sentences, max_chars,
                               question_vector=retrieval.query_vector, question=question,
                               keyword_source="".join(unit.text for unit in units))

    def documents(self) -> list[dict]:
        """All documents, without their text."""
        return [document_summary(d, self._passage_counts.get(d.id, 0)) for d in self.index.documents.values()]

    def document(self, doc_id: str) -> dict:
        """One document with its full text (which passage offsets index).

        Raises:
            DocumentNotFound: unknown id.
        """
        document = self.index.documents.get(doc_id)
        if document is None:
            raise DocumentNotFound(doc_id)
        return document_summary(document, self._passage_counts.get(doc_id, 0)) | {
            "text": document.text, "date": document.date, "url": document.url, "source": document.source,
            "dateline_end": document.dateline_end, "summary": document.summary, "keywords": document.keywords}

    def health(self) -> dict:
        """Model, manifest and counts."""
        return {"status": "ok", "model": self.embedder.name, "dimension": self.embedder.dimension,
                "index": str(self.index.folder), "manifest": self.index.manifest,
                "documents": len(self.index.documents), "passages": len(self.index.passages)}
