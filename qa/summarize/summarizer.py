"""Extractive summaries: every summary sentence is verbatim source text with its offsets.

Sentences are scored by centrality in their similarity graph (LexRank over embedding cosine),
similarity to the title, a news lead prior and, for question-focused summaries, similarity to
the question; MMR then picks sentences that do not repeat each other, kept in source order.
Long texts are first narrowed with TF-IDF centrality (linear in their length) so only the best candidates are
embedded, each from its first tokens; so are documents too long for the quadratic scoring.
"""

from __future__ import annotations

import math

import numpy as np

from qa.config import Settings
from qa.embed.base import Embedder
from qa.schema import Document, Passage, Summary, SummarySentence
from qa.summarize.graph import lexrank, lexrank_of_vectors, mmr, normalise, tfidf_vectors
from qa.summarize.keywords import keywords
from qa.summarize.units import SentenceUnit, document_units, is_speech, text_units
from qa.summarize.weights import SummaryWeights
from qa.text.tokenize import tokenize


class Summarizer:
    """Scores and picks summary sentences.

    Args:
        embedder: the model that embeds sentences not already in the index.
        weights: scoring weights.
        embed_limit: a long text is narrowed to this many sentences before embedding.
        sentence_tokens: each sentence of a text is embedded from at most this many model tokens.
        max_candidates: more indexed sentences than this are narrowed before scoring.
    """

    def __init__(self, embedder: Embedder, weights: SummaryWeights, embed_limit: int, sentence_tokens: int,
                 max_candidates: int) -> None:
        self.embedder = embedder
        self.weights = weights
        self.embed_limit = embed_limit
        self.sentence_tokens = sentence_tokens
        self.max_candidates = max_candidates

    @classmethod
    def from_settings(cls, embedder: Embedder, settings: Settings,
                      weights: SummaryWeights | None = None) -> "Summarizer":
        """A summariser configured by ``settings`` (default weights unless given)."""
        return cls(embedder, weights or SummaryWeights(), settings.summary_embed_limit,
                   settings.summary_sentence_tokens, settings.summary_candidates)

    def lead_prior(self, units: list[SentenceUnit]) -> np.ndarray:
        """The position prior of each sentence."""
        return np.array([math.exp(-self.weights.lead_decay * unit.position) for unit in units])

    def sentence_penalty(self, text: str) -> float:
        """Short fragments and direct speech make poor summary sentences."""
        penalty = self.weights.short_penalty * max(0.0, 1 - len(text) / self.weights.short_chars)
        if is_speech(text):
            penalty += self.weights.speech_penalty
        return penalty

    def narrow(self, units: list[SentenceUnit], limit: int) -> list[int]:
        """Positions, in source order, of at most ``limit`` units: the most central by TF-IDF LexRank with the lead
        prior, in time and memory linear in the number of units."""
        if len(units) <= limit:
            return list(range(len(units)))
        centrality = normalise(lexrank_of_vectors(tfidf_vectors([u.text for u in units])))
        prior = self.weights.prefilter_centrality * centrality + self.weights.prefilter_lead * self.lead_prior(units)
        return sorted(np.argsort(-prior)[:limit].tolist())

    def score_units(self, units: list[SentenceUnit], vectors: np.ndarray, title_vector: np.ndarray | None,
                    question_vector: np.ndarray | None, question: str = "") -> np.ndarray:
        """Relevance of each sentence: centrality, title similarity, lead prior and question similarity."""
        weights = self.weights
        centrality = normalise(lexrank(vectors @ vectors.T))
        score = weights.centrality * centrality + weights.lead * self.lead_prior(units)
        if title_vector is not None:
            score += weights.title * normalise(vectors @ title_vector)
        score -= np.array([self.sentence_penalty(unit.text) for unit in units])
        score += np.array([weights.news_lead if unit.lead else 0.0 for unit in units])
        if question_vector is not None:
            words = set(tokenize(question))
            overlap = np.array([len(words & set(tokenize(unit.text))) / max(1, len(words)) for unit in units])
            score = (weights.question_base * score + weights.question_similarity * normalise(vectors @ question_vector)
                     + weights.question_overlap * overlap)
        return score

    def select(self, units: list[SentenceUnit], vectors: np.ndarray, relevance: np.ndarray, max_sentences: int,
               max_chars: int | None) -> list[SummarySentence]:
        """MMR choice of sentences, returned grouped by document and in source order."""
        chosen = mmr(relevance, vectors @ vectors.T, [len(u.text) for u in units], max_sentences, max_chars,
                     self.weights.diversity, self.weights.max_redundancy)
        first_seen: dict[str | None, int] = {}
        for index in chosen:
            first_seen.setdefault(units[index].doc_id, len(first_seen))
        chosen.sort(key=lambda i: (first_seen[units[i].doc_id], units[i].order))
        return [SummarySentence(units[i].text, units[i].start, units[i].end, round(float(relevance[i]), 4),
                                units[i].doc_id, units[i].passage_id) for i in chosen]

    def summarize_text(self, text: str, max_sentences: int, max_chars: int | None) -> Summary:
        """Summarise any text; offsets index ``text``."""
        units = text_units(text)
        if not units:
            stripped = text.strip()
            units = [SentenceUnit(stripped, text.index(stripped), text.index(stripped) + len(stripped), 0)]
        units = [units[i] for i in self.narrow(units, self.embed_limit)]
        vectors = self.embedder.encode_texts([self.embedder.truncate(u.text, self.sentence_tokens) for u in units])
        relevance = self.score_units(units, vectors, None, None)
        return Summary(self.select(units, vectors, relevance, max_sentences, max_chars), keywords(text))

    def summarize_units(self, units: list[SentenceUnit], vectors: np.ndarray, max_sentences: int,
                        max_chars: int | None, title_vector: np.ndarray | None = None,
                        question_vector: np.ndarray | None = None, question: str = "",
                        keyword_source: str = "") -> Summary:
        """Summarise indexed sentences whose vectors are already known."""
        if not units:
            return Summary([], keywords(keyword_source) if keyword_source else [])
        keyword_source = keyword_source or "".join(u.text for u in units)
        keep = self.narrow(units, self.max_candidates)
        units, vectors = [units[i] for i in keep], vectors[keep]
        relevance = self.score_units(units, vectors, title_vector, question_vector, question)
        return Summary(self.select(units, vectors, relevance, max_sentences, max_chars), keywords(keyword_source))

    def summarize_document(self, document: Document, passages: list[Passage],
                           sentence_rows: list[list[tuple[int, int, int]]], sentence_vectors: np.ndarray,
                           title_vector: np.ndarray | None, max_sentences: int, max_chars: int | None) -> Summary:
        """Summarise one indexed document from its stored sentence vectors; offsets index ``document.text``.

        Args:
            document: the document.
            passages: its passages, in order.
            sentence_rows: per passage, ``(sentence_row, start, end)`` in passage offsets.
            sentence_vectors: the index's sentence vectors (rows as in ``sentence_rows``).
            title_vector: the embedded title (``None`` to ignore the title).
            max_sentences: at most this many sentences.
            max_chars: at most this many characters.
        """
        units, rows = document_units(document, passages, sentence_rows)
        body = document.text[document.dateline_end:]
        return self.summarize_units(units, sentence_vectors[rows].astype(np.float32), max_sentences, max_chars, title_vector,
                                    keyword_source=f"{document.title}\n{body}")

    def embed_titles(self, titles: list[str]) -> np.ndarray:
        """Title vectors, in the space of the stored sentence vectors."""
        return self.embedder.encode_documents(titles)
