"""The page's interface strings: every answer type the API can return has a label in both languages."""

import re
from pathlib import Path
from typing import get_args

import pytest

from qa.schema import AnswerType

STRINGS = (Path(__file__).resolve().parent.parent / "qa" / "web" / "static" / "js" / "i18n.js").read_text("utf-8")


def language_block(lang: str) -> str:
    """The text of one language's table in i18n.js (from ``lang: {`` to the next table or the end)."""
    start = STRINGS.index(f"\n  {lang}: {{")
    following = re.search(r"\n  [a-z]{2}: \{|\n\};", STRINGS[start + 1:])
    return STRINGS[start:start + 1 + following.start()]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_answer_type_has_a_label(lang):
    block = language_block(lang)
    missing = [kind for kind in get_args(AnswerType) if f'"type.{kind}":' not in block]
    assert not missing, f"{lang} has no label for {missing}"
