"""Request and response bodies of the HTTP API (pydantic), and their construction from the data model."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from qa.ingest import document_from_record
from qa.jobs import Job, JobState
from qa.schema import (Answer, AnswerType, AskResult, Document, DocumentEntry, Hit, Mode, PassageKind, Span, Summary,
                       SummarySentence)

# ---------------------------------------------------------------- requests


class AskRequest(BaseModel):
    """Body of ``POST /ask``; strict, so values of the wrong JSON type (``"top_k": true``) are refused as the
    schema says, not converted."""

    model_config = ConfigDict(strict=True)

    question: str = Field(..., description="The question, Chinese or English (QA_MAX_QUESTION_CHARS at most).")
    top_k: int | None = Field(None, description="How many passages to return (default QA_TOP_K, at most "
                              "QA_MAX_TOP_K), and after them the passage the answer stands in if it ranks lower.")
    mode: Mode = Field("hybrid", description="Retrieval mode.")


class SummarizeRequest(BaseModel):
    """Body of ``POST /summarize``: exactly one of ``doc_id``, ``text``, ``question``; strict like
    :class:`AskRequest`."""

    model_config = ConfigDict(strict=True)

    doc_id: str | None = Field(None, description="An indexed document.")
    text: str | None = Field(None, description="Any Chinese or English text (QA_MAX_SUMMARY_CHARS at most).")
    question: str | None = Field(None, description="Summarise what the corpus says about this question.")
    max_sentences: int | None = Field(None, description="At most this many sentences (default QA_SUMMARY_SENTENCES, "
                                      "at most QA_MAX_SUMMARY_SENTENCES).")
    max_chars: int | None = Field(None, description="At most this many characters.")


class DocumentIn(BaseModel):
    """A document to write: its text is read as a ``.txt`` file's would be (paragraphs, byline, captions)."""

    id: str | None = Field(None, min_length=1, description="Without an id, one is derived from the title and text, "
                           "so writing the same document twice changes nothing.")
    title: str | None = Field(None, description="Without a title, a first short line becomes the title.")
    text: str = Field(..., description="The document text (QA_MAX_DOCUMENT_CHARS at most).")
    url: str | None = None
    date: str | None = None
    source: str | None = None

    def to_document(self) -> Document:
        """The document as the index stores it."""
        return document_from_record(self.model_dump(exclude_none=True))


class DocumentsIn(BaseModel):
    """Body of ``POST /documents`` as JSON (files go as ``multipart/form-data`` instead)."""

    documents: list[DocumentIn] = Field(..., min_length=1)


# ---------------------------------------------------------------- responses


class FieldError(BaseModel):
    """One invalid field of a request body."""

    field: str
    message: str


class ErrorBody(BaseModel):
    """Every error response."""

    error: str = Field(..., description="What kind of error (invalid input, document not found, ...).")
    detail: str | list[FieldError] = Field(..., description="What is wrong, in words (or per field for 422).")


class SideScores(BaseModel):
    """A passage's score and rank on each side (``null`` where that side did not find it)."""

    dense: float | None
    lexical: float | None


class SideRanks(BaseModel):
    """A passage's rank on each side."""

    dense: int | None
    lexical: int | None


class SourceOut(BaseModel):
    """Where a passage stands: ``document.text[start:end] == passage.text``; ``paragraph`` is its 1-based line."""

    doc_id: str
    title: str
    path: str
    paragraph: int
    start: int
    end: int


class PassageOut(BaseModel):
    """One retrieved passage with its scores, highlighted sentences and source."""

    id: str
    text: str
    kind: PassageKind
    score: float
    scores: SideScores
    ranks: SideRanks
    highlights: list[tuple[int, int]] = Field(..., description="Sentences that bear on the question, as "
                                              "[start, end] offsets into the passage text.")
    source: SourceOut


class AskResponse(BaseModel):
    """Answer of ``POST /ask``."""

    question: str
    answer: Answer | None = Field(..., description="null when the passages do not answer the question.")
    answerable: bool
    question_type: AnswerType
    passages: list[PassageOut]
    timings: dict[str, float] = Field(..., description="Milliseconds per stage.")
    took_ms: float


class SummaryResponse(BaseModel):
    """Answer of ``POST /summarize``."""

    summary: str
    sentences: list[SummarySentence]
    keywords: list[str]
    took_ms: float


class JobOut(BaseModel):
    """A write job: queued, running, done (the change is visible) or failed (nothing changed)."""

    id: str
    state: JobState
    documents: list[str] = Field(..., description="Ids of the documents the job adds, replaces or deletes.")
    passages_done: int
    passages_total: int
    error: str | None


class JobResponse(BaseModel):
    """Answer of the write endpoints and ``GET /jobs/{id}``."""

    job: JobOut


class DocumentInfo(BaseModel):
    """A document without its text."""

    id: str
    title: str
    subtitle: str
    byline: str
    outlet: str
    reporters: list[str]
    correspondents: list[str]
    path: str
    passages: int


class DocumentList(BaseModel):
    """Answer of ``GET /documents``."""

    documents: list[DocumentInfo]


class DocumentOut(DocumentInfo):
    """Answer of ``GET /documents/{id}``: the text that every offset refers to, and the stored summary."""

    text: str
    date: str
    url: str
    source: str
    dateline_end: int
    summary: list[SummarySentence]
    keywords: list[str]


# ---------------------------------------------------------------- from the data model


def span_out(span: Span) -> tuple[int, int]:
    """A span as an ``[start, end]`` pair."""
    return (span.start, span.end)


def passage_out(hit: Hit, document: Document, highlights: list[Span]) -> PassageOut:
    """The response form of one hit."""
    passage = hit.passage
    return PassageOut(
        id=passage.id, text=passage.text, kind=passage.kind, score=round(hit.score, 6),
        scores=SideScores(dense=hit.dense_score, lexical=hit.lexical_score),
        ranks=SideRanks(dense=hit.dense_rank, lexical=hit.lexical_rank),
        highlights=[span_out(span) for span in highlights],
        source=SourceOut(doc_id=passage.doc_id, title=document.title, path=document.path,
                         paragraph=passage.paragraph, start=passage.start, end=passage.end))


def ask_response(result: AskResult) -> AskResponse:
    """The response form of an ask result."""
    documents = result.documents
    return AskResponse(
        question=result.question,
        answer=result.answer,
        answerable=result.answerable, question_type=result.question_type,
        passages=[passage_out(hit, documents[hit.passage.doc_id], result.highlights.get(hit.passage.id, []))
                  for hit in result.hits],
        timings=result.timings, took_ms=result.took_ms)


def summary_response(summary: Summary, took_ms: float) -> SummaryResponse:
    """The response form of a summary."""
    return SummaryResponse(summary=summary.text, sentences=summary.sentences, keywords=summary.keywords,
                           took_ms=took_ms)


def document_info(entry: DocumentEntry) -> DocumentInfo:
    """The listing form of a document."""
    document, passages = entry.document, entry.passages
    return DocumentInfo(
        id=document.id, title=document.title, subtitle=document.subtitle, byline=document.byline,
        outlet=document.outlet, reporters=document.reporters, correspondents=document.correspondents,
        path=document.path, passages=passages)


def document_out(entry: DocumentEntry) -> DocumentOut:
    """The full form of a document."""
    document = entry.document
    return DocumentOut(**document_info(entry).model_dump(), text=document.text, date=document.date,
                       url=document.url, source=document.source, dateline_end=document.dateline_end,
                       summary=document.summary, keywords=document.keywords)


def job_response(job: Job) -> JobResponse:
    """The response form of a job."""
    return JobResponse(job=JobOut(id=job.id, state=job.state, documents=job.documents,
                                  passages_done=job.passages_done, passages_total=job.passages_total, error=job.error))
