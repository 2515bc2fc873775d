"""The reader: find the answer to a question in its retrieved passages, or decline.

No extractive-QA weights exist offline, so the reader is built from the embedding model, jieba and rules:
sentences of the top passages are scored (:mod:`qa.reader.sentences`), typed candidates are taken from the
best ones (:mod:`qa.reader.candidates`; names completed by how their passage repeats them,
:mod:`qa.reader.repeats`), ranked (:mod:`qa.reader.ranking`) and the best is given only when the
:class:`DeclinePolicy` accepts it. This class is the single place a trained reader would replace.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import partial

import numpy as np

from qa.config import PACKAGE_DATA, Settings
from qa.embed import Embedder
from qa.index import Index
from qa.reader.candidates import Candidate, sentence_candidates
from qa.reader.metadata import metadata_answer
from qa.reader.numerals import arabic
from qa.reader.parts import joined, part_questions
from qa.reader.policy import DeclinePolicy, Support
from qa.reader.questions import QuestionInfo, analyze_question
from qa.reader.ranker import LinearRanker
from qa.reader.ranking import (FEATURES, FRAMED, candidate_features, framed_slot_first, given_name_first,
                               occupation_first, post_given_first, runs_on_to_a_place, whole_name_first)
from qa.reader.repeats import completed_names
from qa.reader.restatement import Restatement
from qa.reader.sentences import ScoredSentence, highlight, score_sentences, with_parts_held, word_weights
from qa.reader.speech import speaker_answer, speech_answer
from qa.reader.weights import ReaderWeights
from qa.schema import Answer, AnswerType, Hit, Span
from qa.text.normalize import fold


@dataclass
class Reading:
    """The answer (``None`` when declined), the sentences to highlight per passage, what backed the answer, and
    the texts of every ranked candidate, best first."""

    answer: Answer | None
    question_type: AnswerType
    highlights: dict[str, list[Span]] = field(default_factory=dict)
    support: Support | None = None
    candidates: list[str] = field(default_factory=list)


LEARNED_RANKER = PACKAGE_DATA / "ranker.json"
"""Ranker weights learned by ``scripts/train_ranker.py``."""


def answer_key(text: str) -> str:
    """What two candidates share when they give the same answer (三天 and 3天 agree)."""
    return arabic(fold(text))


class Reader:
    """Reads answers out of retrieved passages.

    Args:
        policy: when to answer and when to decline.
        weights: sentence and candidate scoring weights.
        passages: how many top passages' sentences are scored.
        sentences: how many best sentences candidates are taken from.
        further_passages: when those sentences give no candidate, the reader reads on into the next best
            ``sentences`` sentences of this many top passages (0: it does not).
        ranker: how candidates are scored (default: the hand-set weights of ``weights``).
        restatement: reorders the best candidates by their restated questions (none: the ranker's order).
    """

    def __init__(self, policy: DeclinePolicy, weights: ReaderWeights, passages: int, sentences: int,
                 further_passages: int, ranker: LinearRanker | None = None,
                 restatement: Restatement | None = None) -> None:
        self.policy = policy
        self.weights = weights
        self.passages = passages
        self.sentences = sentences
        self.further_passages = further_passages
        self.ranker = ranker or LinearRanker.hand_set(weights)
        self.restatement = restatement

    @classmethod
    def from_settings(cls, settings: Settings, weights: ReaderWeights | None = None,
                      embedder: Embedder | None = None) -> "Reader":
        """A reader configured by ``settings`` (default weights unless given; the learned ranker shipped in the
        package when ``answer_ranker`` is ``learned``; restatement with ``embedder`` when ``answer_restate`` is
        above 0)."""
        weights = weights or ReaderWeights()
        ranker = LinearRanker.load(LEARNED_RANKER) if settings.answer_ranker == "learned" else None
        restatement = (Restatement(partial(embedder.encode_queries, remember=False), settings.answer_restate,
                                   weights.restatement)
                       if embedder is not None and settings.answer_restate > 0 else None)
        return cls(DeclinePolicy.from_settings(settings), weights, settings.answer_passages,
                   settings.answer_sentences, settings.answer_further_passages, ranker, restatement)

    @property
    def depth(self) -> int:
        """How many retrieved passages the reader may read."""
        return max(self.passages, self.further_passages)

    def candidate_table(self, info: QuestionInfo, hits: list[Hit], index: Index, query_vector: np.ndarray | None
                        ) -> tuple[Reading, list[tuple[list[float], Candidate, ScoredSentence]]]:
        """Every candidate of the best sentences with its features (:data:`FEATURES`), and the reading's
        highlights; ``agreement`` counts the other candidates with the same answer. Where the best sentences of
        the top passages give no candidate, the next best of more passages are read (:meth:`further_sentences`).

        Args:
            info: the analysed question.
            hits: retrieved passages, best first.
            index: the index (sentence vectors, word statistics).
            query_vector: the question's embedding (``None`` in lexical mode: word coverage alone scores sentences).
        """
        read = [fold(hit.passage.text) + "\n" + fold(hit.passage.title) for hit in hits[:self.passages]]
        weights = with_parts_held(word_weights(info, index), read)
        scored = score_sentences(info, weights, query_vector, hits, index, self.passages, self.weights)
        reading = Reading(None, info.type, highlight(scored, self.weights))
        best = list(enumerate(scored[:self.sentences]))
        table = self.candidate_rows(info, best, weights) or self.candidate_rows(
            info, self.further_sentences(info, weights, query_vector, hits, index, best), weights)
        votes = Counter(answer_key(sentence.text[candidate.start:candidate.end]) for _, candidate, sentence in table)
        agreement = FEATURES.index("agreement")
        for row, candidate, sentence in table:
            row[agreement] = votes[answer_key(sentence.text[candidate.start:candidate.end])] - 1
        return reading, table

    def candidate_rows(self, info: QuestionInfo, sentences: list[tuple[int, ScoredSentence]],
                       weights: dict[str, float]) -> list[tuple[list[float], Candidate, ScoredSentence]]:
        """The candidates of ``sentences`` (each with its rank among the sentences scored) with their features."""
        rows, passages = [], {}
        for rank, sentence in sentences:
            found = sentence_candidates(sentence.text, info, weights)
            passage = sentence.hit.passage
            if passage.id not in passages:
                passages[passage.id] = fold(passage.text)
            found.candidates = completed_names(found.candidates, passages[passage.id], sentence.start, sentence.end)
            rows += [(row, candidate, sentence)
                     for row, candidate in candidate_features(sentence, rank, found, info, self.weights)]
        return rows

    def further_sentences(self, info: QuestionInfo, weights: dict[str, float], query_vector: np.ndarray | None,
                          hits: list[Hit], index: Index, read: list[tuple[int, ScoredSentence]]
                          ) -> list[tuple[int, ScoredSentence]]:
        """The best ``sentences`` sentences of the top ``further_passages`` passages not among ``read``, each with
        its rank among those passages' sentences (none where ``further_passages`` is 0)."""
        if not self.further_passages:
            return []
        seen = {(sentence.hit.passage.id, sentence.start) for _, sentence in read}
        wider = score_sentences(info, weights, query_vector, hits, index, self.further_passages, self.weights)
        return [(rank, sentence) for rank, sentence in enumerate(wider)
                if (sentence.hit.passage.id, sentence.start) not in seen][:self.sentences]

    def best_candidate(self, info: QuestionInfo, hits: list[Hit], index: Index, query_vector: np.ndarray | None
                       ) -> tuple[Reading, tuple[float, Candidate, ScoredSentence] | None]:
        """The top-ranked candidate before the decline policy is applied, with highlights and the question type.

        Args:
            info: the analysed question.
            hits: retrieved passages, best first.
            index: the index (sentence vectors, word statistics).
            query_vector: the question's embedding (``None`` in lexical mode: word coverage alone scores sentences).
        """
        reading, table = self.candidate_table(info, hits, index, query_vector)
        values = self.ranker.score(np.array([row for row, _, _ in table]))
        final = whole_name_first(sorted(((float(value), c, s) for value, (_, c, s) in zip(values, table)),
                                       key=lambda item: -item[0]))
        slot = FEATURES.index("slot")
        framed = [(c, s) for row, c, s in table
                  if row[slot] >= FRAMED or runs_on_to_a_place(row[slot], c, s, info, self.weights)]
        final = framed_slot_first(final, framed, info)
        final = occupation_first(post_given_first(given_name_first(final, info), info), info)
        if self.restatement is not None:
            final = self.restatement.rerank(info, final, index.sentences.rows_of)
        reading.candidates = list(dict.fromkeys(s.text[c.start:c.end] for _, c, s in final))
        best = final[0] if final else None
        if best is not None:
            value, _, sentence = best
            reading.support = Support(value, sentence.coverage, sentence.dense,
                                      index.manifest.get("sentence_vectors") == "late")
        return reading, best

    def read(self, question: str, hits: list[Hit], index: Index, query_vector: np.ndarray | None) -> Reading:
        """Find the answer to ``question`` in the retrieved passages, or decline; a question about the article
        itself (its reporter, outlet, title …) is answered from the article's parsed fields, one about what
        someone said with the words the text quotes (and one about who said them with the name beside them), and
        one that asks two things gets an answer with both parts
        when both are found.

        Returns:
            The answer with offsets into its passage and document (or ``None``), and highlights per passage.
        """
        info = analyze_question(question)
        reading, best = self.best_candidate(info, hits, index, query_vector)
        about_article = metadata_answer(question, hits, index)
        if about_article is not None:
            reading.answer, reading.question_type = about_article, about_article.type
            return reading
        said = speech_answer(info, hits, index, self.passages) or speaker_answer(info, hits, index, self.passages)
        if said is not None:
            reading.answer, reading.question_type = said, said.type
            return reading
        answers = [self.accepted(*self.best_candidate(part, hits, index, query_vector), part.english)
                   for part in part_questions(question)]
        found = [answer for answer in answers if answer is not None]
        if len(found) == 2 and (found[0].passage_id, found[0].start) != (found[1].passage_id, found[1].start):
            reading.answer = joined(found, {hit.passage.id: hit.passage.text for hit in hits})
            reading.question_type = reading.answer.type
            return reading
        reading.answer = self.accepted(reading, best, info.english)
        return reading

    def accepted(self, reading: Reading, best: tuple[float, Candidate, ScoredSentence] | None, english: bool
                 ) -> Answer | None:
        """The best candidate as an answer, or ``None`` when there is none or the decline policy refuses it."""
        if best is None or reading.support is None or not self.policy.accepts(reading.support, english):
            return None
        value, candidate, sentence = best
        passage = sentence.hit.passage
        start, end = sentence.start + candidate.start, sentence.start + candidate.end
        return Answer(text=passage.text[start:end], type=reading.question_type, score=round(value, 4),
                      passage_id=passage.id, start=start, end=end, sentence=Span(sentence.start, sentence.end),
                      doc_id=passage.doc_id, doc_start=passage.start + start, doc_end=passage.start + end)
