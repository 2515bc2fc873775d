"""Gold question files: one JSON object per line with ``question`` and optional ``answers``, ``evidence`` and
``passage_ids``; a question with no answer is one the corpus cannot answer."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from pathlib import Path

from qa.errors import QAError

log = logging.getLogger(__name__)


class GoldError(QAError):
    """The gold file is missing or malformed."""


@dataclass
class GoldItem:
    """One gold question."""

    id: str
    question: str
    answers: list[str] = field(default_factory=list)
    evidence: str | None = None
    passage_ids: list[str] = field(default_factory=list)

    @property
    def answerable(self) -> bool:
        """A question with no gold answer is one the corpus cannot answer."""
        return bool(self.answers)


def load_gold(path: Path, limit: int | None = None) -> list[GoldItem]:
    """Read a JSONL gold file, one question per line.

    Raises:
        GoldError: naming the line and what is wrong with it.
    """
    path = Path(path)
    if not path.is_file():
        raise GoldError(f"gold file not found: {path}")
    items: list[GoldItem] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            raise GoldError(f"{where}: not valid JSON ({error.msg})") from None
        if not isinstance(row, dict):
            raise GoldError(f"{where}: expected a JSON object")
        if not isinstance(row.get("question"), str):
            raise GoldError(f"{where}: 'question' must be a string")
        if not row["question"].strip():
            log.warning("%s: empty question skipped", where)
            continue
        answers = row.get("answers", [])
        if not isinstance(answers, list) or not all(isinstance(a, str) for a in answers):
            raise GoldError(f"{where}: 'answers' must be a list of strings")
        passage_ids = row.get("passage_ids", [])
        if not isinstance(passage_ids, list):
            raise GoldError(f"{where}: 'passage_ids' must be a list")
        evidence = row.get("evidence")
        if evidence is not None and not isinstance(evidence, str):
            raise GoldError(f"{where}: 'evidence' must be a string")
        items.append(GoldItem(str(row.get("id", number)), row["question"], answers, evidence,
                              [str(p) for p in passage_ids]))
        if limit and len(items) >= limit:
            break
    if not items:
        raise GoldError(f"{path}: no questions")
    return items

