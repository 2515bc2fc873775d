"""The summariser's weights, one documented field each, so a calibration script can tune them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SummaryWeights:
    """How summary sentences are scored and chosen (defaults set by hand on the seed articles).

    Attributes:
        centrality: weight of LexRank centrality over sentence-vector cosine (normalised 0..1).
        lead: weight of the position prior ``exp(-lead_decay · position)``, position 0..1 in the document.
        lead_decay: how fast the position prior falls off.
        title: weight of similarity to the title (normalised 0..1), when there is a title.
        news_lead: bonus of the first sentence after a dateline (the news lead of an inverted pyramid).
        short_penalty: penalty of a one-character fragment, falling linearly to 0 at ``short_chars``.
        short_chars: length from which a sentence is not penalised for shortness.
        speech_penalty: penalty of a sentence of direct speech.
        question_base: in question-focused summaries, the share kept of the document score above ...
        question_similarity: ... beside this weight of similarity to the question (normalised 0..1) ...
        question_overlap: ... and this weight of the share of the question's words the sentence holds.
        diversity: MMR weight of redundancy with sentences already chosen (0 = relevance only).
        max_redundancy: a sentence this similar to a chosen one is never added.
        prefilter_centrality: for long texts, weight of TF-IDF LexRank centrality in choosing what to embed ...
        prefilter_lead: ... beside this weight of the position prior.
    """

    centrality: float = 0.4
    lead: float = 0.35
    lead_decay: float = 4.0
    title: float = 0.25
    news_lead: float = 0.15
    short_penalty: float = 0.2
    short_chars: int = 25
    speech_penalty: float = 0.15
    question_base: float = 0.3
    question_similarity: float = 0.5
    question_overlap: float = 0.2
    diversity: float = 0.3
    max_redundancy: float = 0.95
    prefilter_centrality: float = 0.7
    prefilter_lead: float = 0.3
