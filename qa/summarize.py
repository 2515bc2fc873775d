"""Extractive summaries: every summary sentence is verbatim source text with its offsets.

Sentences are scored by centrality in their similarity graph (LexRank over embedding cosine),
similarity to the title, a news lead prior and, for question-focused summaries, similarity to
the question; MMR then picks sentences that do not repeat each other, kept in source order.
Long texts are first narrowed with TF-IDF centrality so only the best candidates are embedded.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable

import numpy as np

from qa.embed import Embedder
from qa.ingest import Document, Passage
from qa.store import SentenceTable
from qa.text import fold, sentence_spans
from qa.tokenize import stopwords, tokenize

MIN_SENTENCE_CHARS = 8


@dataclass
class SentenceUnit:
    """A candidate sentence: where it is, and where it comes from."""

    text: str
    start: int
    end: int
    order: int
    doc_id: str | None = None
    passage_id: str | None = None
    position: float = 0.0
    lead: bool = False


def lexrank(similarity: np.ndarray, damping: float = 0.85, iterations: int = 50) -> np.ndarray:
    """Stationary scores of a random walk over a similarity graph (LexRank, continuous weights).

    Args:
        similarity: square non-negative similarity matrix.
        damping: probability of following an edge.
        iterations: power-iteration steps.

    Returns:
        Scores summing to 1.
    """
    size = len(similarity)
    if size == 0:
        return np.zeros(0)
    weights = np.clip(similarity, 0, None).astype(np.float64)
    np.fill_diagonal(weights, 0)
    totals = weights.sum(axis=1, keepdims=True)
    transition = np.divide(weights, totals, out=np.full_like(weights, 1 / size), where=totals > 0)
    scores = np.full(size, 1 / size)
    for _ in range(iterations):
        scores = (1 - damping) / size + damping * scores @ transition
    return scores / scores.sum()


def tfidf_similarity(texts: list[str]) -> np.ndarray:
    """Cosine similarity of sentences as TF-IDF vectors of their jieba words."""
    from scipy.sparse import csr_matrix

    tokens = [tokenize(text) for text in texts]
    vocabulary: dict[str, int] = {}
    rows, cols, values = [], [], []
    for row, words in enumerate(tokens):
        for word in words:
            column = vocabulary.setdefault(word, len(vocabulary))
            rows.append(row)
            cols.append(column)
            values.append(1.0)
    matrix = csr_matrix((values, (rows, cols)), shape=(len(texts), max(1, len(vocabulary))))
    matrix.sum_duplicates()
    frequency = np.bincount(matrix.indices, minlength=matrix.shape[1])
    matrix = matrix.multiply(np.log((1 + len(texts)) / (1 + frequency)) + 1).tocsr()
    norms = np.sqrt(matrix.multiply(matrix).sum(axis=1)).A.ravel()
    norms[norms == 0] = 1
    matrix = matrix.multiply(1 / norms[:, None]).tocsr()
    return (matrix @ matrix.T).toarray()


def mmr(relevance: np.ndarray, similarity: np.ndarray, lengths: list[int], max_sentences: int,
        max_chars: int | None, diversity: float = 0.3) -> list[int]:
    """Maximal marginal relevance: pick relevant sentences that do not say the same thing.

    Args:
        relevance: score of each sentence.
        similarity: sentence-by-sentence similarity.
        lengths: characters of each sentence.
        max_sentences: at most this many sentences.
        max_chars: at most this many characters in all (the best sentence is kept even if longer).
        diversity: weight of the redundancy penalty (0 = relevance only).

    Returns:
        Indexes of the chosen sentences, in the order chosen.
    """
    chosen: list[int] = []
    used = 0
    remaining = set(range(len(relevance)))
    while remaining and len(chosen) < max_sentences:
        def gain(i: int) -> float:
            redundancy = max((similarity[i, j] for j in chosen), default=0.0)
            return (1 - diversity) * relevance[i] - diversity * redundancy

        best = max(sorted(remaining), key=gain)
        remaining.discard(best)
        if max_chars is not None and chosen and used + lengths[best] > max_chars:
            continue
        if chosen and max((similarity[best, j] for j in chosen), default=0.0) > 0.95:
            continue
        chosen.append(best)
        used += lengths[best]
    return chosen


def normalise(values: np.ndarray) -> np.ndarray:
    """Scale to 0..1 (all ones when flat)."""
    if len(values) == 0:
        return values
    low, high = float(values.min()), float(values.max())
    return (values - low) / (high - low) if high > low else np.ones_like(values, dtype=np.float64)


def text_units(text: str) -> list[SentenceUnit]:
    """Sentences of a raw text, with offsets into it; fragments shorter than a sentence are dropped."""
    spans = [(a, b) for a, b in sentence_spans(text) if b - a >= MIN_SENTENCE_CHARS]
    return [SentenceUnit(text[a:b], a, b, order, position=order / max(1, len(spans)))
            for order, (a, b) in enumerate(spans)]


def document_units(document: Document, passages: list[Passage], sentence_rows: list[list[tuple[int, int, int]]]
                   ) -> tuple[list[SentenceUnit], list[int]]:
    """Candidate sentences of an indexed document: paragraph sentences only, with the dateline cut off.

    Args:
        document: the document.
        passages: its passages in order.
        sentence_rows: per passage, ``(sentence_row, start, end)`` in passage offsets.

    Returns:
        The units (offsets into ``document.text``) and their rows in the index's sentence table.
    """
    units, rows = [], []
    for passage, sentences in zip(passages, sentence_rows):
        if passage.kind != "paragraph":
            continue
        for row, start, end in sentences:
            start, end = passage.start + start, passage.start + end
            if start < document.dateline_end <= end:
                start = document.dateline_end
            if end - start < MIN_SENTENCE_CHARS or end <= document.dateline_end:
                continue
            units.append(SentenceUnit(document.text[start:end], start, end, len(units), document.id, passage.id))
            rows.append(row)
    for unit in units:
        unit.position = unit.order / max(1, len(units))
        unit.lead = bool(document.dateline_end) and unit.start == document.dateline_end and not is_speech(unit.text)
    return units, rows


def score_units(units: list[SentenceUnit], vectors: np.ndarray, title_vector: np.ndarray | None,
                question_vector: np.ndarray | None, question: str = "") -> np.ndarray:
    """Relevance of each sentence: centrality, title similarity, lead prior and question similarity.

    The news lead (the first sentence after a dateline) gets a bonus of its own: in the inverted
    pyramid of a news article it states the news.
    """
    similarity = vectors @ vectors.T
    centrality = normalise(lexrank(similarity))
    lead = np.array([math.exp(-4 * unit.position) for unit in units])
    score = 0.4 * centrality + 0.35 * lead
    if title_vector is not None:
        score += 0.25 * normalise(vectors @ title_vector)
    score -= np.array([sentence_penalty(unit.text) for unit in units])
    score += np.array([0.15 if unit.lead else 0.0 for unit in units])
    if question_vector is not None:
        words = set(tokenize(question))
        overlap = np.array([len(words & set(tokenize(unit.text))) / max(1, len(words)) for unit in units])
        score = 0.3 * score + 0.5 * normalise(vectors @ question_vector) + 0.2 * overlap
    return score


def sentence_penalty(text: str) -> float:
    """Short fragments and direct speech make poor summary sentences."""
    penalty = 0.2 * max(0.0, 1 - len(text) / 25)
    if is_speech(text):
        penalty += 0.15
    return penalty


def is_speech(text: str) -> bool:
    """A sentence of direct speech (it opens with a quotation mark)."""
    return text[:1] in "“\"「'"


def keywords(text: str, top: int = 8) -> list[str]:
    """Keywords of a text by jieba TF-IDF, stopwords and bare numbers left out."""
    import jieba.analyse

    stop = stopwords()
    found = jieba.analyse.extract_tags(fold(text), topK=top * 3)
    return [word for word in found if word not in stop and not word.replace(".", "").isdigit() and len(word) > 1][:top]


def select(units: list[SentenceUnit], vectors: np.ndarray, relevance: np.ndarray, max_sentences: int,
           max_chars: int | None) -> list[tuple[SentenceUnit, float]]:
    """MMR choice of sentences, returned grouped by document and in source order."""
    chosen = mmr(relevance, vectors @ vectors.T, [len(u.text) for u in units], max_sentences, max_chars)
    first_seen: dict[str | None, int] = {}
    for index in chosen:
        first_seen.setdefault(units[index].doc_id, len(first_seen))
    chosen.sort(key=lambda i: (first_seen[units[i].doc_id], units[i].order))
    return [(units[i], float(relevance[i])) for i in chosen]


def as_response(picked: list[tuple[SentenceUnit, float]], keyword_list: list[str]) -> dict:
    """The JSON shape of a summary."""
    return {
        "summary": "".join(unit.text for unit, _ in picked),
        "sentences": [{"text": unit.text, "doc_id": unit.doc_id, "passage_id": unit.passage_id, "start": unit.start,
                       "end": unit.end, "score": round(score, 4)} for unit, score in picked],
        "keywords": keyword_list,
    }


def summarize_text(text: str, embedder: Embedder, max_sentences: int = 3, max_chars: int | None = None,
                   title: str = "", embed_limit: int = 48) -> dict:
    """Summarise any text; offsets index ``text``.

    Args:
        text: Chinese or English text.
        embedder: the embedding model.
        max_sentences: at most this many sentences.
        max_chars: at most this many characters.
        title: optional title to score sentences against.
        embed_limit: only this many sentences (the most central by TF-IDF) are embedded.

    Returns:
        ``summary``, ``sentences`` (with offsets) and ``keywords``.
    """
    units = text_units(text)
    if not units:
        units = [SentenceUnit(text.strip(), text.index(text.strip()), text.index(text.strip()) + len(text.strip()), 0)]
    if len(units) > embed_limit:
        prior = 0.7 * normalise(lexrank(tfidf_similarity([u.text for u in units]))) + 0.3 * np.array(
            [math.exp(-4 * u.position) for u in units])
        keep = sorted(np.argsort(-prior)[:embed_limit].tolist())
        units = [units[i] for i in keep]
    vectors = embedder.encode_texts([u.text for u in units])
    title_vector = embedder.encode_texts([title])[0] if title else None
    relevance = score_units(units, vectors, title_vector, None)
    return as_response(select(units, vectors, relevance, max_sentences, max_chars), keywords(text))


def summarize_units(units: list[SentenceUnit], vectors: np.ndarray, max_sentences: int, max_chars: int | None,
                    title_vector: np.ndarray | None = None, question_vector: np.ndarray | None = None,
                    question: str = "", keyword_source: str = "") -> dict:
    """Summarise indexed sentences whose vectors are already known (documents and question-focused summaries)."""
    if not units:
        return as_response([], keywords(keyword_source) if keyword_source else [])
    relevance = score_units(units, vectors, title_vector, question_vector, question)
    return as_response(select(units, vectors, relevance, max_sentences, max_chars),
                       keywords(keyword_source or "".join(u.text for u in units)))


def summarize_document(document: Document, passages: list[tuple[int, Passage]], sentences: SentenceTable,
                       title_vector: np.ndarray | None, max_sentences: int = 3, max_chars: int | None = None) -> dict:
    """Summarise one indexed document from its stored sentence vectors; offsets index ``document.text``.

    Args:
        document: the document.
        passages: ``(row, passage)`` of its passages, in order.
        sentences: the index's sentence table.
        title_vector: the embedded title (``None`` to ignore the title).
        max_sentences: at most this many sentences.
        max_chars: at most this many characters.
    """
    sentence_rows = [sentences.of_passage(row) for row, _ in passages]
    units, rows = document_units(document, [p for _, p in passages], sentence_rows)
    body = document.text[document.dateline_end:]
    return summarize_units(units, sentences.vectors[rows], max_sentences, max_chars, title_vector,
                           keyword_source=f"{document.title}\n{body}")


def embed_titles(embedder: Embedder, titles: list[str]) -> np.ndarray:
    """Title vectors, in the space of the stored sentence vectors."""
    return embedder.encode_documents(titles)


def summary_enricher(embedder: Embedder, max_sentences: int = 3) -> Callable:
    """A build hook that stores each document's summary and keywords in the index."""

    def enrich(documents: list[Document], passages: list[Passage], sentences: SentenceTable) -> None:
        by_document: dict[str, list[tuple[int, Passage]]] = {}
        for row, passage in enumerate(passages):
            by_document.setdefault(passage.doc_id, []).append((row, passage))
        titles = embed_titles(embedder, [d.title for d in documents])
        for document, title_vector in zip(documents, titles):
            found = summarize_document(document, by_document.get(document.id, []), sentences, title_vector,
                                       max_sentences)
            document.summary = found["sentences"]
            document.keywords = found["keywords"]

    return enrich
