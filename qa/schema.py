"""The data model every stage shares, owned by none: documents, passages, hits, answers and summaries.

All offsets are character offsets into the original text: ``document.text[passage.start:passage.end] ==
passage.text``, ``passage.text[answer.start:answer.end] == answer.text`` (unless an answer's parts stand apart:
see :class:`Answer`), and summary sentences index the document (or the summarised text).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Literal, get_args

PassageKind = Literal["paragraph", "caption", "heading"]
Mode = Literal["hybrid", "dense", "lexical"]
MODES: tuple[str, ...] = get_args(Mode)
AnswerType = Literal["quantity", "time", "duration", "person", "place", "organisation", "title", "list", "reason",
                     "manner", "identity", "action", "speech", "yesno", "description", "other"]


@dataclass(frozen=True, order=True)
class Span:
    """A half-open character range ``[start, end)``."""

    start: int
    end: int


@dataclass(slots=True)
class SummarySentence:
    """One verbatim sentence of a summary; offsets index its document's text (or the summarised text)."""

    text: str
    start: int
    end: int
    score: float
    doc_id: str | None = None
    passage_id: str | None = None


@dataclass
class Summary:
    """An extractive summary: the chosen sentences in source order, and keywords."""

    sentences: list[SummarySentence]
    keywords: list[str]

    @property
    def text(self) -> str:
        """The summary as one string."""
        return "".join(sentence.text for sentence in self.sentences)


@dataclass(slots=True)
class Document:
    """One article with its cleaned text and metadata (byline fields are empty when there is no dateline)."""

    id: str
    title: str
    text: str
    path: str = ""
    subtitle: str = ""
    outlet: str = ""
    reporters: list[str] = field(default_factory=list)
    correspondents: list[str] = field(default_factory=list)
    byline: str = ""
    dateline_end: int = 0
    url: str = ""
    date: str = ""
    source: str = ""
    summary: list[SummarySentence] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        """A JSON-ready dict (the index's storage form)."""
        return asdict(self)

    @classmethod
    def from_dict(cls, row: dict) -> "Document":
        """Read the storage form back."""
        known = {f.name for f in fields(cls)}
        values = {key: value for key, value in row.items() if key in known}
        values["summary"] = [SummarySentence(**sentence) for sentence in values.get("summary", [])]
        return cls(**values)


@dataclass(slots=True)
class Passage:
    """A retrievable unit: a paragraph, a packed run of its sentences, a caption or a heading."""

    id: str
    doc_id: str
    title: str
    text: str
    paragraph: int
    kind: PassageKind
    start: int
    end: int

    def to_dict(self) -> dict:
        """A JSON-ready dict (the index's storage form)."""
        return asdict(self)


@dataclass
class Hit:
    """One retrieved passage with its fused score and each side's score and rank (``None`` where a side missed it)."""

    passage: Passage
    score: float
    dense_score: float | None = None
    dense_rank: int | None = None
    lexical_score: float | None = None
    lexical_rank: int | None = None


@dataclass
class AnswerPart:
    """One part of an answer to a question that asks two things: a span with offsets into its passage and document."""

    text: str
    type: AnswerType
    passage_id: str
    start: int
    end: int
    doc_start: int
    doc_end: int


@dataclass
class Answer:
    """An answer span: offsets into its passage (``start``/``end``, ``sentence``) and into its document.

    A question that asks two things (or a list of names) has ``parts``, each a full span; then ``text`` is the
    stretch of the passage from the first part to the last when they stand close in one passage, else the parts'
    texts joined by ``；`` (with ``start``/``end`` those of the first part).
    """

    text: str
    type: AnswerType
    score: float
    passage_id: str
    start: int
    end: int
    sentence: Span
    doc_id: str
    doc_start: int
    doc_end: int
    parts: list[AnswerPart] = field(default_factory=list)

    @property
    def passage_ids(self) -> set[str]:
        """The passages the answer stands in: its own, and each part's."""
        return {self.passage_id} | {part.passage_id for part in self.parts}


@dataclass
class AskResult:
    """Everything ``ask`` found for one question; ``documents`` holds the hits' documents as they were when the
    question was answered."""

    question: str
    question_type: AnswerType
    answer: Answer | None
    hits: list[Hit]
    highlights: dict[str, list[Span]]
    timings: dict[str, float]
    documents: dict[str, Document] = field(default_factory=dict)
    took_ms: float = 0.0
    candidates: list[str] = field(default_factory=list)
    """Texts of every candidate the reader ranked, best first (for the evaluation's candidate ceiling)."""

    @property
    def answerable(self) -> bool:
        """Whether an answer was given (``False`` when the reader declined)."""
        return self.answer is not None


@dataclass
class DocumentEntry:
    """A document with the number of passages it has in the index."""

    document: Document
    passages: int


@dataclass
class Health:
    """What a running service serves: the model (its encoder and the device it runs on), the index (named, with its
    manifest) and counts."""

    model: str
    encoder: str
    device: str
    dimension: int
    index: str
    manifest: dict
    documents: int
    passages: int
    status: str = "ok"
