"""Keywords of a text by jieba TF-IDF."""

from __future__ import annotations

from qa.text.normalize import fold
from qa.text.tokenize import stopwords


def keywords(text: str, top: int = 8) -> list[str]:
    """Keywords of a text by jieba TF-IDF, stopwords and bare numbers left out."""
    import jieba.analyse

    stop = stopwords()
    found = jieba.analyse.extract_tags(fold(text), topK=top * 3)
    return [word for word in found if word not in stop and not word.replace(".", "").isdigit() and len(word) > 1][:top]

