"""The kind of a question, for reporting figures by kind."""

from __future__ import annotations

from qa.reader.metadata import asked_field
from qa.reader.questions import analyze_question
from qa.reader.speech import asks_speech


def question_category(question: str) -> str:
    """``metadata`` for a question about the article itself, ``speech`` for one about what someone said, else the
    answer type the question expects."""
    if asked_field(question):
        return "metadata"
    info = analyze_question(question)
    return "speech" if asks_speech(info) else info.type
