"""The kind of a question, for reporting figures by kind."""

from __future__ import annotations

from qa.reader.metadata import asked_field
from qa.reader.questions import analyze_question


def question_category(question: str) -> str:
    """``metadata`` for a question about the article itself, else the answer type the question expects."""
    return "metadata" if asked_field(question) else analyze_question(question).type
