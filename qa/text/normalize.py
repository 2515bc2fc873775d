"""Text normalisation for matching, and sentence splitting; display text is never changed.

``fold`` keeps the length of its input (one character in, one character out), so an
offset found in folded text is the same offset in the original text.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

SENTENCE_END = "。！？；!?;…"
CLOSERS = "”’」』）)》】\"'"
CLAUSE_MARKS = ",，、：:（(“‘「『《【—-"
SENTENCE_PATTERN = re.compile(rf"[^{SENTENCE_END}\n]*(?:[{SENTENCE_END}]+[{re.escape(CLOSERS)}]*|\n|$)")
CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


@lru_cache(maxsize=1)
def _t2s():
    from opencc import OpenCC

    return OpenCC("t2s")


@lru_cache(maxsize=65536)
def fold_char(char: str) -> str:
    """Fold one character: full-width to half-width, lower case, Traditional to Simplified."""
    folded = unicodedata.normalize("NFKC", char)
    if len(folded) != 1:
        folded = char
    folded = folded.lower() if len(folded.lower()) == 1 else folded
    return simplified_char(folded)


@lru_cache(maxsize=65536)
def simplified_char(char: str) -> str:
    """One character in Simplified script; itself where it has no one-character Simplified form."""
    if not CJK.match(char):
        return char
    converted = _t2s().convert(char)
    return converted if len(converted) == 1 else char


@lru_cache(maxsize=4096)
def simplify(text: str) -> str:
    """``text`` in Simplified script with its offsets kept: unchanged unless it holds a Traditional character, then
    OpenCC's phrase-aware conversion (著名 stays 著名) where it keeps the length, as it did for every DRCD passage,
    else character by character. Cached: a passage's input is keyed once for itself and once per sentence."""
    if all(simplified_char(char) == char for char in text):
        return text
    converted = _t2s().convert(text)
    return converted if len(converted) == len(text) else "".join(map(simplified_char, text))


def fold(text: str) -> str:
    """Normalise text for matching, keeping its length and offsets.

    Args:
        text: any text.

    Returns:
        Text of the same length with width, case and script folded.
    """
    return "".join(fold_char(char) for char in text)


def squeeze(text: str) -> str:
    """Fold text and drop whitespace and punctuation, for loose containment checks."""
    return "".join(char for char in fold(text) if unicodedata.category(char)[0] in "LN")


def is_sentence_end(text: str) -> bool:
    """True when ``text`` ends a sentence (terminal punctuation, possibly inside closing quotes)."""
    stripped = text.rstrip().rstrip(CLOSERS)
    return bool(stripped) and stripped[-1] in SENTENCE_END


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Split ``text[start:end]`` into sentences at full- and half-width terminal punctuation.

    A sentence keeps its terminal punctuation and any closing quotes after it; line breaks
    also end a sentence. Surrounding whitespace is trimmed from each span.

    Args:
        text: the text.
        start: where to begin.
        end: where to stop (default: end of text).

    Returns:
        ``(start, end)`` offsets into ``text`` of each non-empty sentence.
    """
    end = len(text) if end is None else end
    spans = []
    for match in SENTENCE_PATTERN.finditer(text, start, end):
        left, right = match.span()
        while left < right and text[left].isspace():
            left += 1
        while right > left and text[right - 1].isspace():
            right -= 1
        if right > left:
            spans.append((left, right))
    return spans


def split_sentences(text: str) -> list[str]:
    """Return the sentences of ``text`` (see :func:`sentence_spans`)."""
    return [text[a:b] for a, b in sentence_spans(text)]
