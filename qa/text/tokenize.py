"""One tokenizer for queries and passages: folded text cut into jieba words, stopwords dropped."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import jieba

from qa.config import PACKAGE_DATA
from qa.text.normalize import fold


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """The Chinese and English stopword list shipped with the package."""
    return frozenset((PACKAGE_DATA / "stopwords.txt").read_text(encoding="utf-8").split())


def is_word(token: str) -> bool:
    """True when a token holds a letter or a digit (not only punctuation or space)."""
    return any(unicodedata.category(char)[0] in "LN" for char in token)


def tokenize(text: str) -> list[str]:
    """Cut text into search words for BM25.

    Args:
        text: query or passage text, in any width or script.

    Returns:
        Folded jieba search-mode words, without punctuation and stopwords.
    """
    stop = stopwords()
    return [token for token in (t.strip() for t in jieba.cut_for_search(fold(text)))
            if token and token not in stop and is_word(token)]
